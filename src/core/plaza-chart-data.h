/* plaza-chart-data.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Charts built from the store (issue 4): the analytics page, `plazactl
 * chart` and the monthly report ask these for a PlazaChart. They read
 * sales_monthly and the other small tables, never sales_daily, and use the
 * measures of plaza-kpi.h so a chart and `plazactl kpi` agree to the fen.
 */

#pragma once

#include <glib.h>

#include "plaza-chart.h"
#include "plaza-kpi.h"
#include "plaza-store.h"

G_BEGIN_DECLS

typedef struct
{
  PlazaKpiMetric  metric;
  PlazaKpiGroup   by;          /* what the categories are */
  PlazaKpiGroup   filter_by;   /* PLAZA_KPI_BY_MALL: the whole mall */
  const char     *filter_key;  /* e.g. "3F" with filter_by FLOOR (drill-down) */
  const char     *from_month;  /* 'YYYY-MM', inclusive */
  const char     *to_month;
  guint           limit;       /* rankings: at most this many rows; 0 all */
} PlazaChartQuery;

typedef enum
{
  PLAZA_PLAN_COLOUR_SALES_PER_M2,  /* 坪效 bands over the query's months */
  PLAZA_PLAN_COLOUR_VACANCY,       /* leased / vacant */
  PLAZA_PLAN_COLOUR_EXPIRY,        /* the year the current lease ends */
} PlazaPlanColour;

/* Ranking of q->by groups by q->metric, largest first: HBAR for tenants,
 * units and categories (long names), BAR for floors. */
PlazaChart *plaza_chart_data_ranking  (PlazaStore             *store,
                                       const PlazaChartQuery  *query,
                                       GError                **error);
/* q->metric month by month over the query's months for the filtered scope:
 * a LINE with this period, the same months a year earlier (PREVIOUS) and,
 * for sales with targets set, the target (TARGET); occupancy gets the 95 %
 * reference line. */
PlazaChart *plaza_chart_data_trend    (PlazaStore             *store,
                                       const PlazaChartQuery  *query,
                                       GError                **error);
/* DONUT of categories: leased rentable area (@by_area) or sales over the
 * query's months, within the filtered scope. */
PlazaChart *plaza_chart_data_mix      (PlazaStore             *store,
                                       const PlazaChartQuery  *query,
                                       gboolean                by_area,
                                       GError                **error);
/* STACKED bars: months along the axis, sales stacked by q->by groups (the
 * largest six and "Other"). */
PlazaChart *plaza_chart_data_stacked  (PlazaStore             *store,
                                       const PlazaChartQuery  *query,
                                       GError                **error);
/* STACKING_PLAN: one row per floor (top floor first), a block per unit not
 * retired, sized by rentable area, coloured by @colour as of @today (and
 * the query's months for 坪效). */
PlazaChart *plaza_chart_data_stacking_plan (PlazaStore        *store,
                                            const PlazaChartQuery *query,
                                            PlazaPlanColour    colour,
                                            const GDate       *today,
                                            GError           **error);

G_END_DECLS
