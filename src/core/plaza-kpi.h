/* plaza-kpi.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Measures over a range of months (issue 4): sales, 坪效 (sales per m² per
 * month or per year), 租售比 (rent-to-sales) and occupancy, grouped by mall,
 * floor, category, tenant or unit, optionally only within one floor,
 * category, tenant or unit (drill-down), each row with the month-on-month
 * and year-on-year growth of its sales; and the same month by month for a
 * trend.
 */

#pragma once

#include <glib.h>

#include "plaza-store.h"

G_BEGIN_DECLS

typedef enum
{
  PLAZA_KPI_SALES,          /* fen */
  PLAZA_KPI_SALES_PER_M2,   /* fen per m² per month */
  PLAZA_KPI_RENT_TO_SALES,  /* basis points */
  PLAZA_KPI_OCCUPANCY,      /* basis points; by mall and floor only */
  PLAZA_KPI_SALES_PER_M2_YEAR,  /* fen per m² per year: per month × 12, rounded once */
} PlazaKpiMetric;

typedef enum
{
  PLAZA_KPI_BY_MALL,
  PLAZA_KPI_BY_FLOOR,
  PLAZA_KPI_BY_CATEGORY,
  PLAZA_KPI_BY_TENANT,
  PLAZA_KPI_BY_UNIT,
} PlazaKpiGroup;

typedef struct
{
  char     *key;        /* mall code, floor label, category name, tenant code, unit code */
  char     *label;      /* mall name, floor label, category name, tenant name, unit code */
  gint64    value;      /* in the metric's unit; meaningless when !has_value */
  gboolean  has_value;  /* FALSE for a ratio whose divisor is 0 */
  gint64    sales;      /* the range's sales, fen */
  gint64    mom_bp;     /* sales growth against the preceding months of the same count */
  gboolean  has_mom;    /* FALSE when that base is 0 or missing */
  gint64    yoy_bp;     /* sales growth against the same months a year earlier */
  gboolean  has_yoy;
} PlazaKpiRow;

void      plaza_kpi_row_free      (PlazaKpiRow *row);

/* "sales", "sales_per_m2", "rent_to_sales", "occupancy",
 * "sales_per_m2_year"; FALSE if unknown. */
gboolean  plaza_kpi_metric_parse  (const char     *text,
                                   PlazaKpiMetric *metric);
/* "mall", "floor", "category", "tenant", "unit"; FALSE if unknown. */
gboolean  plaza_kpi_group_parse   (const char     *text,
                                   PlazaKpiGroup  *group);

/* Computes @metric for the months @from_month … @to_month ('YYYY-MM', both
 * inclusive). @rows receives PlazaKpiRow rows ordered by key. Bad arguments
 * fail with PLAZA_STORE_ERROR_INVALID. */
gboolean  plaza_kpi_compute       (PlazaStore     *store,
                                   PlazaKpiMetric  metric,
                                   PlazaKpiGroup   by,
                                   const char     *from_month,
                                   const char     *to_month,
                                   GPtrArray     **rows,
                                   GError        **error);

/* plaza_kpi_compute restricted to the units, sales and rent whose
 * @filter_by key (as in PlazaKpiRow.key: floor label, category name,
 * tenant code, unit code, mall code) is @filter_key; @filter_by
 * PLAZA_KPI_BY_MALL with a NULL key is no restriction. Sales and rent are
 * attributed to a tenant and category per unit and month exactly as
 * without a filter. Occupancy can be filtered by mall, floor or unit only. */
gboolean  plaza_kpi_compute_filtered (PlazaStore     *store,
                                      PlazaKpiMetric  metric,
                                      PlazaKpiGroup   by,
                                      PlazaKpiGroup   filter_by,
                                      const char     *filter_key,
                                      const char     *from_month,
                                      const char     *to_month,
                                      GPtrArray     **rows,
                                      GError        **error);

/* @metric month by month for the filtered scope as a whole: one row per
 * month of @from_month … @to_month, in order, key and label 'YYYY-MM',
 * value as plaza_kpi_compute_filtered over that single month would give
 * for the scope (has_value FALSE when the month has no sales, or no
 * divisor); mom against the month before, yoy against the same month a
 * year earlier. Occupancy is at each month's last day. */
gboolean  plaza_kpi_compute_monthly  (PlazaStore     *store,
                                      PlazaKpiMetric  metric,
                                      PlazaKpiGroup   filter_by,
                                      const char     *filter_key,
                                      const char     *from_month,
                                      const char     *to_month,
                                      GPtrArray     **rows,
                                      GError        **error);

G_END_DECLS
