/* plaza-sales-anomalies-dialog.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "plaza-worker.h"

G_BEGIN_DECLS

#define PLAZA_TYPE_SALES_ANOMALIES_DIALOG (plaza_sales_anomalies_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PlazaSalesAnomaliesDialog, plaza_sales_anomalies_dialog, PLAZA, SALES_ANOMALIES_DIALOG,
                      AdwWindow)

/* A window, transient for @parent, listing the unusual sales of the 90
 * days up to the latest sales date, loaded through @worker. Activating a
 * row emits "unit-activated" (gint64 unit id, "YYYY-MM"). */
PlazaSalesAnomaliesDialog *plaza_sales_anomalies_dialog_new          (GtkWindow                 *parent,
                                                                      PlazaWorker               *worker);
/* Loads the list again. */
void                       plaza_sales_anomalies_dialog_reload       (PlazaSalesAnomaliesDialog *self);
gboolean                   plaza_sales_anomalies_dialog_get_loading  (PlazaSalesAnomaliesDialog *self);
/* Anomalies loaded, and shown after the search. */
guint                      plaza_sales_anomalies_dialog_get_n_rows   (PlazaSalesAnomaliesDialog *self);
guint                      plaza_sales_anomalies_dialog_get_n_visible (PlazaSalesAnomaliesDialog *self);
void                       plaza_sales_anomalies_dialog_set_search   (PlazaSalesAnomaliesDialog *self,
                                                                      const char                *text);
/* The dates covered, "YYYY-MM-DD – YYYY-MM-DD", or NULL before loading or
 * when there are no sales. */
const char                *plaza_sales_anomalies_dialog_get_range    (PlazaSalesAnomaliesDialog *self);
/* As if the row shown at @position (after search and sort) was activated. */
void                       plaza_sales_anomalies_dialog_activate_row (PlazaSalesAnomaliesDialog *self,
                                                                      guint                      position);

G_END_DECLS
