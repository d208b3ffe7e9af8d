/* plaza-analytics-export.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "plaza-analytics-page.h"
#include "plaza-chart.h"
#include "plaza-worker.h"

G_BEGIN_DECLS

/* Asks where to save the chart on show on @page (format ".png", ".svg"
 * or ".pdf") and saves the chart on show when the user answers. */
void     plaza_analytics_export_chart  (PlazaAnalyticsPage *page,
                                        const char         *format);

/* The months the report can be made for, newest first: the last twelve
 * complete months before @today, as 'YYYY-MM'. */
GStrv    plaza_analytics_report_months (const GDate *today);

/* Asks for a month (last complete month by default) and a file, then
 * writes the monthly performance report in the worker; a toast says
 * where it went, a dialog why not. */
void     plaza_analytics_export_report (GtkWidget   *parent,
                                        PlazaWorker *worker);

/* The job itself, for tests: writes the report of @month to @path in the
 * worker and calls @callback; finish with plaza_worker_run_finish (the
 * result is a non-NULL pointer on success). */
void     plaza_analytics_write_report  (PlazaWorker         *worker,
                                        const char          *month,
                                        const char          *path,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);

G_END_DECLS
