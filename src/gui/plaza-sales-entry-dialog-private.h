/* plaza-sales-entry-dialog-private.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sales entry window's instance, shared by plaza-sales-entry-dialog.c
 * (the type, the unit and month, loading and saving through the worker)
 * and plaza-sales-entry-dialog-days.c (the rows of days, checked as typed).
 */

#pragma once

#include "plaza-sales-entry-dialog.h"

G_BEGIN_DECLS

typedef struct
{
  GtkEntry   *entry;
  GtkLabel   *source_label;
  GtkLabel   *error_label;
  char       *date;       /* YYYY-MM-DD */
  char       *original;   /* the stored amount as text, "" when none */
  char       *reason;     /* why the text is not an amount, or NULL */
  int         source;     /* a PlazaSalesSource, or -1 when no row */
  gint64      transactions;  /* stored, kept when the amount changes; -1 none */
} DayRow;

struct _PlazaSalesEntryDialog
{
  AdwWindow       parent_instance;

  /* template widgets */
  GtkButton      *close_button;
  GtkButton      *save_button;
  GtkSpinner     *spinner;
  GtkDropDown    *unit_dropdown;
  GtkEntry       *month_entry;
  GtkLabel       *month_error;
  GtkBox         *estimate_box;
  GtkDropDown    *basis_dropdown;
  GtkButton      *estimate_button;
  GtkLabel       *summary_label;
  GtkGrid        *days_grid;
  GtkLabel       *save_error;
  GtkButton      *revert_button;
  GtkWidget      *month_box;

  /* owned */
  PlazaWorker    *worker;
  GCancellable   *cancellable;        /* everything; cancelled on dispose */
  GCancellable   *month_cancellable;  /* the month being loaded */
  GtkStringList  *unit_names;
  GArray         *unit_ids;           /* gint64, as unit_names */
  GArray         *days;               /* DayRow */
  char           *month;              /* the month shown, YYYY-MM */
  char           *status;             /* after a save or estimate */
  gint64          unit_id;            /* the unit shown */
  gint64          pending_unit_id;    /* chosen before the units arrived */
  char           *pending_code;

  gboolean        loading_units;
  gboolean        loading_month;
  gboolean        saving;
  gboolean        filling;            /* setting texts from the store */
  gboolean        can_estimate;
};


/* plaza-sales-entry-dialog-days.c */
void     plaza_sales_entry_dialog_build_days   (PlazaSalesEntryDialog *self,
                                                GPtrArray             *stored);
void     plaza_sales_entry_dialog_clear_days   (PlazaSalesEntryDialog *self);
/* Sensitivity of Save, Revert, the unit and month pickers; the summary. */
void     plaza_sales_entry_dialog_update_state (PlazaSalesEntryDialog *self);
/* Whether a day's text differs from what is stored. */
gboolean plaza_sales_entry_dialog_is_dirty     (PlazaSalesEntryDialog *self);
/* Puts the stored amounts back. */
void     plaza_sales_entry_dialog_revert       (PlazaSalesEntryDialog *self);

G_END_DECLS
