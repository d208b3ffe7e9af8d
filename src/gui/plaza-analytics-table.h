/* plaza-analytics-table.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "plaza-chart.h"

G_BEGIN_DECLS

#define PLAZA_TYPE_ANALYTICS_TABLE (plaza_analytics_table_get_type ())
G_DECLARE_FINAL_TYPE (PlazaAnalyticsTable, plaza_analytics_table, PLAZA, ANALYTICS_TABLE, AdwBin)

PlazaAnalyticsTable *plaza_analytics_table_new       (void);
/* Shows @chart's data (plaza_chart_to_table); @chart is not kept. */
void                 plaza_analytics_table_set_chart (PlazaAnalyticsTable *self,
                                                      PlazaChart          *chart);
/* Rows shown, header excluded. */
guint                plaza_analytics_table_get_n_rows (PlazaAnalyticsTable *self);

G_END_DECLS
