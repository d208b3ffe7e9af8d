/* plaza-sales-entry-dialog.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "plaza-sales.h"
#include "plaza-worker.h"

G_BEGIN_DECLS

#define PLAZA_TYPE_SALES_ENTRY_DIALOG (plaza_sales_entry_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PlazaSalesEntryDialog, plaza_sales_entry_dialog, PLAZA, SALES_ENTRY_DIALOG, AdwWindow)

/* A modal window, transient for @parent, to type one unit's daily sales
 * for a month from a paper report. Emits "saved" after each write. */
PlazaSalesEntryDialog *plaza_sales_entry_dialog_new            (GtkWindow             *parent,
                                                                PlazaWorker           *worker);
/* TRUE while the units, the month or a save are in progress. */
gboolean               plaza_sales_entry_dialog_get_loading    (PlazaSalesEntryDialog *self);
/* Chooses the unit (FALSE when it is not in the list) and loads its month. */
gboolean               plaza_sales_entry_dialog_select_unit    (PlazaSalesEntryDialog *self,
                                                                gint64                 unit_id);
gboolean               plaza_sales_entry_dialog_select_unit_code (PlazaSalesEntryDialog *self,
                                                                  const char            *code);
/* "YYYY-MM"; loads the month's days. */
void                   plaza_sales_entry_dialog_set_month      (PlazaSalesEntryDialog *self,
                                                                const char            *month);
/* The days shown (the month's days up to today). */
guint                  plaza_sales_entry_dialog_get_n_days     (PlazaSalesEntryDialog *self);
/* Day @day (1 …) of the month: set the amount as typed, read it back, its
 * source as shown ("POS", "Manual", "Estimated" or "") and the reason the
 * text is not an amount (NULL when it is). */
void                   plaza_sales_entry_dialog_set_day        (PlazaSalesEntryDialog *self,
                                                                guint                  day,
                                                                const char            *text);
const char            *plaza_sales_entry_dialog_get_day        (PlazaSalesEntryDialog *self,
                                                                guint                  day);
const char            *plaza_sales_entry_dialog_get_day_source (PlazaSalesEntryDialog *self,
                                                                guint                  day);
const char            *plaza_sales_entry_dialog_get_day_error  (PlazaSalesEntryDialog *self,
                                                                guint                  day);
/* Whether "Estimate month" is offered: the month has no real figures. */
gboolean               plaza_sales_entry_dialog_get_can_estimate (PlazaSalesEntryDialog *self);
/* Writes the changed days (cleared ones are deleted) in the worker. */
void                   plaza_sales_entry_dialog_save           (PlazaSalesEntryDialog *self);
void                   plaza_sales_entry_dialog_estimate       (PlazaSalesEntryDialog *self,
                                                                PlazaSalesEstimateBasis basis);
/* The text shown after a failed save or estimate, or NULL. */
const char            *plaza_sales_entry_dialog_get_save_error (PlazaSalesEntryDialog *self);

G_END_DECLS
