/* plaza-targets.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Targets (经营指标, issue 4): the mall's annual sales target broken down to
 * months, floors, categories and tenants, and achievement against
 * sales_monthly.
 *
 * Splitting: every split sums EXACTLY to its parent. Each child first gets
 * floor (parent × weight / total weight); the fen left over are then handed
 * out one each to the children with the largest remainders (ties: the
 * earlier child in scope_id order) — the largest-remainder method.
 *
 * Rows written by plaza_targets_break_down() for @year (all other rows of
 * that year are deleted first):
 *   mall     month 0   scope_id 0  the annual target
 *   mall     month 1…12 scope_id 0 by last year's monthly sales shares
 *                                  (equal shares if last year had no sales)
 *   floor    month 0   floor id    )
 *   category month 0   category id ) by @basis, see PlazaTargetBasis
 *   tenant   month 0   tenant id   )
 * A sale belongs to the tenant whose contract covered the unit in its month
 * and to that tenant's category (else the unit's planned category). What
 * belongs to no tenant (or no category) goes to scope_id 0, so that each
 * scope still sums to the annual target.
 */

#pragma once

#include <glib.h>

#include "plaza-store.h"

G_BEGIN_DECLS

typedef enum
{
  /* Last year's sales shares; a scope with no sales last year falls back
   * to PLAZA_TARGET_BASIS_AREA. */
  PLAZA_TARGET_BASIS_LAST_YEAR_SHARE,
  /* Rentable area of the units not retired; for tenants the area of their
   * contracts in force in the year (the rest of the mall is scope_id 0). */
  PLAZA_TARGET_BASIS_AREA,
} PlazaTargetBasis;

typedef enum
{
  PLAZA_TARGET_SCOPE_MALL,
  PLAZA_TARGET_SCOPE_FLOOR,
  PLAZA_TARGET_SCOPE_CATEGORY,
  PLAZA_TARGET_SCOPE_TENANT,
} PlazaTargetScope;

typedef struct
{
  gint64   target;       /* fen */
  gboolean has_target;  /* FALSE when no row gives a target */
  gint64   actual;       /* fen, from sales_monthly */
  gint64   rate_bp;      /* actual / target in basis points */
  gboolean has_rate;     /* FALSE when the target is missing or 0 */
} PlazaTargetAchievement;

/* "last_year_share" / "area"; FALSE if unknown. */
gboolean     plaza_target_basis_parse  (const char       *text,
                                        PlazaTargetBasis *basis);
/* "mall", "floor", "category", "tenant"; FALSE if unknown. */
gboolean     plaza_target_scope_parse  (const char       *text,
                                        PlazaTargetScope *scope);
const char  *plaza_target_scope_to_string (PlazaTargetScope scope);

/* Largest-remainder split of @total by @n weights (≥ 0) into @out so that the parts
 * sum to @total (≥ 0) exactly. All weights 0: equal parts. */
void         plaza_targets_split       (gint64            total,
                                        const gint64     *weights,
                                        guint             n,
                                        gint64           *out);

/* Replaces @year's targets with the breakdown of @mall_annual_fen, in one
 * write with a change_log row. */
gboolean     plaza_targets_break_down  (PlazaStore       *store,
                                        int               year,
                                        gint64            mall_annual_fen,
                                        PlazaTargetBasis  basis,
                                        GError          **error);

/* Sets the amount of target row @id whose rev was @rev (CONFLICT when it
 * moved). Other rows are not rebalanced. */
gboolean     plaza_targets_set         (PlazaStore       *store,
                                        gint64            id,
                                        gint64            rev,
                                        gint64            amount,
                                        GError          **error);

/* Target and actual sales of @scope/@scope_id in @year, @month (0: the
 * whole year). A month without its own row takes the scope's annual target
 * × the mall's target for that month / the mall's annual target (floor). */
gboolean     plaza_targets_achievement (PlazaStore             *store,
                                        int                     year,
                                        int                     month,
                                        PlazaTargetScope        scope,
                                        gint64                  scope_id,
                                        PlazaTargetAchievement *out,
                                        GError                **error);

G_END_DECLS
