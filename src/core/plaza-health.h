/* plaza-health.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tenant health (issue 4): a score 0–10000 per trading tenant, ranked
 * ascending so that the first rows are the review shortlist.
 *
 * A trading tenant has an 'active' contract in force on some day of
 * @to_month; its units and area are those of such contracts. "Last 3" are
 * @to_month and the two months before, "previous 3" the three before them.
 * Four factors, each scored 0–10000:
 *   (a) 坪效, weight 35 %: sales per m² per month over the last 3 months
 *       (fen, from sales_monthly) against the median of the trading tenants
 *       of its category; score = ratio to the median in bp / 2, capped at
 *       10000 (the median scores 5000, twice the median or more 10000;
 *       0 when the category's median is 0).
 *   (b) trend, weight 20 %: growth of the last 3 months' sales on the
 *       previous 3 in bp; score = 5000 + growth, capped to 0 … 10000
 *       (−50 % or worse 0, +50 % or better 10000); 5000 without a base.
 *   (c) 租售比, weight 20 %: rent and percentage-rent lines of issued bills
 *       of the last 3 months over their sales; ≤ 10 % scores 10000, ≥ 30 %
 *       0, linear between; rent without sales 0; neither 5000.
 *   (d) arrears, weight 25 %: days from the due date of the oldest line
 *       still open to the last day of @to_month (plaza_arrears_days: bills
 *       issued, payments made and credit notes issued by that day);
 *       score = 10000 − days × 10000 / 90, at least 0 (90 days or more: 0).
 * score = (35 a + 20 b + 20 c + 25 d) / 100. The reasons name, weakest
 * first, the factors that scored below 5000 (at most two).
 */

#pragma once

#include <glib.h>

#include "plaza-store.h"

G_BEGIN_DECLS

typedef enum
{
  PLAZA_HEALTH_SALES_PER_M2,
  PLAZA_HEALTH_TREND,
  PLAZA_HEALTH_RENT_TO_SALES,
  PLAZA_HEALTH_ARREARS,
  PLAZA_HEALTH_N_FACTORS,
} PlazaHealthFactor;

typedef struct
{
  gint64    tenant_id;
  char     *code;
  char     *name;
  gint64    category_id;          /* 0: none */
  gint64    score;                /* 0 … 10000 */
  gint64    factor_scores[PLAZA_HEALTH_N_FACTORS];
  gint64    sales_per_m2;         /* fen per m² per month, last 3 months */
  gint64    category_median;      /* the same, median of the category */
  gint64    growth_bp;
  gboolean  has_growth;
  gint64    rent_to_sales_bp;
  gboolean  has_rent_to_sales;
  gint64    arrears_days;         /* 0 when nothing is overdue */
  char     *reasons;              /* translated, "; "-separated; "" when none */
} PlazaHealthRow;

void      plaza_health_row_free (PlazaHealthRow *row);

/* @rows receives PlazaHealthRow rows, lowest score first (ties by tenant
 * code). @to_month is 'YYYY-MM'. */
gboolean  plaza_health_scores   (PlazaStore  *store,
                                 const char  *to_month,
                                 GPtrArray  **rows,
                                 GError     **error);

G_END_DECLS
