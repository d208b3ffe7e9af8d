/* plaza-chart-data-private.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What plaza-chart-data.c (rankings, trends, mixes, stacked bars) and
 * plaza-chart-plan-data.c (the stacking plan) share: checking a query and
 * the wording of titles and subtitles.
 */

#pragma once

#include <glib.h>

#include "plaza-chart-data.h"

G_BEGIN_DECLS

/* Checks @query's metric, groupings, filter and months; sets *from and *to
 * (month indexes). */
gboolean        plaza_chart_data_check        (const PlazaChartQuery  *query,
                                               int                    *from,
                                               int                    *to,
                                               GError                **error);
/* "Sales per m²", "Occupancy" … */
const char     *plaza_chart_data_metric_title (PlazaKpiMetric          metric);
/* "¥ per m² per month" … */
const char     *plaza_chart_data_metric_unit  (PlazaKpiMetric          metric);
PlazaChartUnit  plaza_chart_data_chart_unit   (PlazaKpiMetric          metric);
/* "2026-01 – 2026-10" or "2026-03". */
char           *plaza_chart_data_period       (const PlazaChartQuery  *query);
/* What the filter restricts to, for a subtitle ("3F", a tenant's name), or
 * NULL for the whole mall. */
char           *plaza_chart_data_scope        (PlazaStore             *store,
                                               const PlazaChartQuery  *query);
/* Joins the non-NULL parts with " · ". */
char           *plaza_chart_data_join         (const char             *first,
                                               ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
