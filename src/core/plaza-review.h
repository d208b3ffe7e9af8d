/* plaza-review.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The quarterly review (末位淘汰, table tenant_reviews): each trading
 * tenant's health score to the quarter's last month (plaza_health_scores),
 * its rank within its category (1 = best: score descending, ties by tenant
 * code; tenants without a category form one group), the health reasons in
 * words, and a proposal:
 *   replace   last of its category and score < 3000
 *   relocate  score < 3000 otherwise
 *   warn      score < 4500
 *   keep      otherwise.
 * A planner may change a proposal with a note (required); the row goes back
 * to 'draft'. A manager approves or rejects one row or every open ('draft'
 * or 'submitted') row of the quarter at once; a rejection needs a comment
 * (kept in change_log). Approved rows are final.
 *
 * Building is idempotent: re-running a quarter refreshes the score, rank and
 * reasons of its rows that are not approved (one row per tenant, UNIQUE
 * (quarter, tenant_id)), resets their proposal to the default unless a
 * planner wrote a note, sets them back to 'draft', and removes the rows
 * (not approved) of tenants no longer trading. Approved rows are kept as
 * they are. Every call is one write with change_log.
 *
 * Quarters are written '2026-Q3'; "2026Q3" is accepted too.
 */

#pragma once

#include <glib.h>

#include "plaza-store.h"

G_BEGIN_DECLS

#define PLAZA_REVIEW_REPLACE_BELOW  3000
#define PLAZA_REVIEW_WARN_BELOW     4500

typedef struct
{
  gint64  id;
  gint64  rev;
  gint64  tenant_id;
  char   *tenant_code;
  char   *tenant_name;
  char   *category;     /* "" when none */
  gint64  score;
  gint64  rank;         /* in its category, 1 = best */
  gint64  n_in_category;
  char   *reasons;
  char   *proposal;     /* keep, warn, relocate, replace */
  char   *state;        /* draft, submitted, approved, rejected */
  char   *comment;      /* the planner's note */
  gint64  contract_id;  /* the tenant's active contract ending last; 0 none */
  gint64  eviction_id;  /* its latest eviction not cancelled; 0 none */
} PlazaReviewRow;

typedef struct
{
  guint n_rows;
  guint n_new;
  guint n_updated;
  guint n_removed;
  guint n_approved_kept;
} PlazaReviewBuild;

void         plaza_review_row_free         (PlazaReviewRow *row);

/* "2026-Q3" (or "2026Q3") → "2026-Q3" and its last month "2026-09";
 * FALSE when not a quarter. */
gboolean     plaza_review_parse_quarter    (const char  *text,
                                            char       **quarter,
                                            char       **last_month);
/* The quarter of an ISO date, "2026-Q4" for 2026-11-27. */
char        *plaza_review_quarter_of       (const char  *date);
/* The quarter before @quarter (canonical form). */
char        *plaza_review_quarter_before   (const char  *quarter);

const char  *plaza_review_default_proposal (gint64       score,
                                            gint64       rank,
                                            gint64       n_in_category);
/* The proposal's name for the UI (translated). */
const char  *plaza_review_proposal_label   (const char  *proposal);
const char  *plaza_review_state_label      (const char  *state);

gboolean     plaza_review_build            (PlazaStore       *store,
                                            const char       *quarter,
                                            PlazaReviewBuild *result,
                                            GError          **error);
/* @rows gets PlazaReviewRow rows by category name, then rank. */
gboolean     plaza_review_list             (PlazaStore  *store,
                                            const char  *quarter,
                                            GPtrArray  **rows,
                                            GError     **error);
gboolean     plaza_review_set_proposal     (PlazaStore  *store,
                                            gint64       id,
                                            gint64       rev,
                                            const char  *proposal,
                                            const char  *note,
                                            GError     **error);
gboolean     plaza_review_decide           (PlazaStore  *store,
                                            gint64       id,
                                            gint64       rev,
                                            gboolean     approve,
                                            const char  *comment,
                                            GError     **error);
/* Every 'draft' or 'submitted' row of @quarter; *@n_decided (may be NULL)
 * gets how many. Refused when there is none. */
gboolean     plaza_review_decide_quarter   (PlazaStore  *store,
                                            const char  *quarter,
                                            gboolean     approve,
                                            const char  *comment,
                                            guint       *n_decided,
                                            GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlazaReviewRow, plaza_review_row_free)

G_END_DECLS
