/* plaza-promotion-eval.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Did a promotion pay off? For a promotion that has ended, per confirmed
 * participant and in total:
 *
 *   sales     sales_daily of the tenant's units on the days they were under
 *             one of its contracts (start_date … COALESCE (terminated_on,
 *             end_date)), over the promotion's days;
 *   baseline  LAST_YEAR: the same tenant's sales over the promotion's days
 *             shifted back 364 days (same weekdays);
 *             FOUR_WEEKS: its sales over the 28 days before the start,
 *             scaled to the promotion's length L: round (raw × L / 28);
 *   uplift    sales − baseline (fen), and uplift_bp = round (uplift ×
 *             10000 / baseline) (0 when the baseline is 0);
 *   cost      per participant its fee; in total the mall budget plus all
 *             the participants' fees;
 *   return_bp round (uplift × 10000 / cost) (0 when the cost is 0).
 *
 * The scope row takes the same sales and baseline over every tenant in the
 * promotion's scope (the whole mall, the units on its floors, or the tenants
 * of its categories), participants or not; it has no cost.
 *
 * Every "round" is integer division rounding half away from zero.
 * A participant is flagged when its uplift_bp is below the uplift_bp of the
 * non-participating tenants of its category taken together (computed the
 * same way; only when both baselines are > 0).
 */

#pragma once

#include <glib.h>

#include "plaza-chart.h"
#include "plaza-store.h"

G_BEGIN_DECLS

typedef enum
{
  PLAZA_PROMOTION_BASELINE_LAST_YEAR,
  PLAZA_PROMOTION_BASELINE_FOUR_WEEKS,
} PlazaPromotionBaseline;

typedef struct
{
  gint64    tenant_id;      /* 0 for the total row */
  char     *tenant_code;
  char     *tenant_name;
  gint64    sales;          /* fen */
  gint64    baseline;       /* fen, already scaled */
  gint64    uplift;         /* fen */
  gint64    uplift_bp;
  gint64    cost;           /* fen */
  gint64    return_bp;
  gboolean  has_category_peers;
  gint64    category_uplift_bp;
  gboolean  worse_than_category;
} PlazaPromotionEvalRow;

typedef struct
{
  gint64                 promotion_id;
  char                  *code;
  char                  *name;
  PlazaPromotionBaseline baseline;
  char                  *from;       /* the promotion's days */
  char                  *to;
  char                  *base_from;  /* the baseline's days */
  char                  *base_to;
  GPtrArray             *rows;       /* PlazaPromotionEvalRow, by tenant code */
  PlazaPromotionEvalRow  total;
  PlazaPromotionEvalRow  scope;      /* everyone in scope; cost 0 */
} PlazaPromotionEvaluation;

void                      plaza_promotion_evaluation_free (PlazaPromotionEvaluation *e);

/* round (num / den) half away from zero; den > 0. */
gint64                    plaza_promotion_div_round (gint64 num,
                                                     gint64 den);

/* Fails with INVALID when the promotion has not ended before @today (NULL:
 * today, local time) or is not approved. */
PlazaPromotionEvaluation *plaza_promotion_evaluate (PlazaStore             *store,
                                                    gint64                  id,
                                                    PlazaPromotionBaseline  baseline,
                                                    const GDate            *today,
                                                    GError                **error);

/* tenant_code,tenant,sales,baseline,uplift,uplift_pct,cost,return_pct,
 * category_uplift_pct,flag — one row per participant, "TOTAL", then
 * "SCOPE" (with empty cost and return); money
 * in plain yuan, percentages with two decimals. */
char                     *plaza_promotion_evaluation_to_csv (const PlazaPromotionEvaluation *e);

/* plaza-promotion-eval-chart.c: words and the chart.
 *
 * The baseline in words, e.g. "Same days last year: 2025-10-01 – 2025-10-07,
 * weekday-aligned" or "The four weeks before: 2026-09-03 – 2026-09-30,
 * scaled to the promotion's 7 days" (translated). */
char                     *plaza_promotion_evaluation_describe_baseline (const PlazaPromotionEvaluation *e);
/* "+12.34%", "-3.10%", "0.00%"; "—" when the row's baseline is 0. */
char                     *plaza_promotion_format_uplift_pct (const PlazaPromotionEvalRow *row);
/* The return per yuan spent as money: return_bp 25000 → "¥2.50"; "—" when
 * the row has no cost. */
char                     *plaza_promotion_format_return (const PlazaPromotionEvalRow *row);
/* Like for like: the participants with a baseline (> 0) taken together
 * (tenant_code "LFL"): their sales, baseline, uplift and uplift_bp; cost
 * and return_bp are 0. A participant without one (not trading then, or not
 * reporting) would count its whole sales as uplift. Returns how many
 * participants it covers. Free the row's strings with g_free. */
guint                     plaza_promotion_evaluation_like_for_like (const PlazaPromotionEvaluation *e,
                                                                    PlazaPromotionEvalRow          *out);
/* The uplift % per participant (HBAR, unit BP, categories keyed by tenant
 * code, largest uplift first; one series "Uplift" with each participant's
 * uplift_bp, missing when its baseline is 0, those last), with the
 * like-for-like uplift % as a reference line (when some participant has a
 * baseline); the subtitle names both periods. */
PlazaChart               *plaza_promotion_evaluation_chart (const PlazaPromotionEvaluation *e);
/* The same with at most @max_bars bars when there are more participants:
 * the @max_bars / 2 highest and lowest uplifts (the subtitle says so); 0:
 * all. */
PlazaChart               *plaza_promotion_evaluation_chart_limited (const PlazaPromotionEvaluation *e,
                                                                    guint                           max_bars);

/* plaza-promotion-eval-pdf.c: the evaluation on one A4 page (title, the
 * baseline in words, headline tiles, the chart, the table per participant
 * with a total row and the flagged rows marked, the method). Written to a
 * temporary file renamed onto @path; on failure nothing is left. */
gboolean                  plaza_promotion_evaluation_write_pdf (const PlazaPromotionEvaluation *e,
                                                                const char                     *mall_name,
                                                                const char                     *path,
                                                                GError                        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlazaPromotionEvaluation, plaza_promotion_evaluation_free)

G_END_DECLS
