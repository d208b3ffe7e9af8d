/* plaza-analytics-page.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "plaza-worker.h"

G_BEGIN_DECLS

#define PLAZA_TYPE_ANALYTICS_PAGE (plaza_analytics_page_get_type ())
G_DECLARE_FINAL_TYPE (PlazaAnalyticsPage, plaza_analytics_page, PLAZA, ANALYTICS_PAGE, AdwBin)

/* The charts the page shows; also the names of `plaza --chart`. */
typedef enum
{
  PLAZA_ANALYTICS_RANKING,
  PLAZA_ANALYTICS_TREND,
  PLAZA_ANALYTICS_MIX,
  PLAZA_ANALYTICS_STACKED,
  PLAZA_ANALYTICS_PLAN,
  PLAZA_ANALYTICS_N_VIEWS
} PlazaAnalyticsView;

GtkWidget  *plaza_analytics_page_new        (void);
void        plaza_analytics_page_set_worker (PlazaAnalyticsPage *self,
                                             PlazaWorker        *worker);
/* Loads the chart if the data changed or it was never loaded. */
void        plaza_analytics_page_ensure_loaded (PlazaAnalyticsPage *self);
void        plaza_analytics_page_invalidate (PlazaAnalyticsPage *self);
/* "ranking", "trend", "mix", "stacked", "plan", optionally followed by
 * ":" and the plan colouring ("sales_per_m2", "vacancy", "expiry") or the
 * ranking metric ("sales", "sales_per_m2", "rent_to_sales", "occupancy").
 * FALSE if unknown. */
gboolean    plaza_analytics_page_show       (PlazaAnalyticsPage *self,
                                             const char         *spec);
gboolean    plaza_analytics_page_get_loading (PlazaAnalyticsPage *self);
/* The chart on show (NULL while loading or empty); owned by the page. */
gpointer    plaza_analytics_page_get_chart  (PlazaAnalyticsPage *self);

G_END_DECLS
