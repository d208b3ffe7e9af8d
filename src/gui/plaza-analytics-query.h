/* plaza-analytics-query.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the analytics page asks the worker for: a view, a PlazaChartQuery
 * and the period's months. The job runs in the worker thread.
 */

#pragma once

#include <glib.h>

#include "plaza-analytics-page.h"
#include "plaza-chart-data.h"

G_BEGIN_DECLS

/* The period dropdown, in its order. */
typedef enum
{
  PLAZA_ANALYTICS_LAST_MONTH,
  PLAZA_ANALYTICS_LAST_3_MONTHS,
  PLAZA_ANALYTICS_LAST_12_MONTHS,
  PLAZA_ANALYTICS_THIS_YEAR,
  PLAZA_ANALYTICS_LAST_YEAR,
} PlazaAnalyticsPeriod;

typedef struct
{
  PlazaAnalyticsView  view;
  PlazaChartQuery     query;
  PlazaPlanColour     colour;
  gboolean            by_area;
  GDate               today;
  char                from[8];
  char                to[8];
  char               *filter_key;
} PlazaAnalyticsJob;

void      plaza_analytics_job_free      (gpointer               data);
/* A PlazaWorkerFunc: builds the job's chart with plaza-chart-data.h. */
gpointer  plaza_analytics_job_run       (PlazaStore            *store,
                                         gpointer               data,
                                         GCancellable          *cancellable,
                                         GError               **error);
void      plaza_analytics_today         (GDate                 *date);
/* The months of @period ending with the last complete month before
 * @date; a trend (@at_least_a_year) shows at least twelve. */
void      plaza_analytics_period_months (PlazaAnalyticsPeriod   period,
                                         gboolean               at_least_a_year,
                                         const GDate           *date,
                                         char                   from[8],
                                         char                   to[8]);

G_END_DECLS
