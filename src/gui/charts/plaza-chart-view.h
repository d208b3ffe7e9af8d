/* plaza-chart-view.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "plaza-chart.h"

G_BEGIN_DECLS

#define PLAZA_TYPE_CHART_VIEW (plaza_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (PlazaChartView, plaza_chart_view, PLAZA, CHART_VIEW, GtkWidget)

GtkWidget        *plaza_chart_view_new        (void);
/* Takes ownership of @chart (may be NULL: draws nothing). */
void              plaza_chart_view_set_chart  (PlazaChartView *self,
                                               PlazaChart     *chart);
PlazaChart       *plaza_chart_view_get_chart  (PlazaChartView *self);
/* The item under the pointer or keyboard focus; FALSE when none. */
gboolean          plaza_chart_view_get_highlight (PlazaChartView *self,
                                                  PlazaChartHit  *hit);

G_END_DECLS
