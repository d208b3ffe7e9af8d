/* plaza-sales-import-dialog-private.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sales import window's instance, shared by plaza-sales-import-dialog.c
 * (the type, the preview and import jobs, the public API) and
 * plaza-sales-import-dialog-view.c (what each step shows).
 */

#pragma once

#include "plaza-import.h"
#include "plaza-sales-import-dialog.h"

G_BEGIN_DECLS

typedef enum
{
  STEP_CHOOSE,
  STEP_PREVIEW,
  STEP_IMPORTING,
  STEP_DONE,
  STEP_FAILED,
  STEP_CANCELLED,
} Step;

typedef struct _ImportJob ImportJob;

struct _PlazaSalesImportDialog
{
  AdwWindow             parent_instance;

  /* template widgets */
  GtkButton            *cancel_button;
  GtkButton            *import_button;
  GtkButton            *close_button;
  GtkButton            *other_button;
  GtkButton            *choose_button;
  GtkSpinner           *spinner;
  GtkStack             *stack;
  AdwActionRow         *file_row;
  AdwActionRow         *encoding_row;
  AdwActionRow         *mapping_row;
  GtkLabel             *rows_label;
  GtkGrid              *preview_grid;
  GtkLabel             *progress_label;
  GtkProgressBar       *progress_bar;
  GtkLabel             *progress_detail;
  AdwStatusPage        *result_page;
  GtkLabel             *failed_label;
  GtkListBox           *error_list;

  /* owned */
  PlazaWorker          *worker;
  GCancellable         *cancellable;         /* the preview; cancelled on dispose */
  GCancellable         *import_cancellable;
  GtkFileChooserNative *chooser;
  ImportJob            *job;
  char                 *path;
  char                 *encoding_text;
  char                 *mapping_text;
  char                 *result_text;
  GPtrArray            *errors;

  Step                  step;
  guint                 n_preview_rows;
  gboolean              previewing;
};

/* plaza-sales-import-dialog-view.c */
void  plaza_sales_import_dialog_set_step     (PlazaSalesImportDialog  *self,
                                              Step                     step);
void  plaza_sales_import_dialog_show_preview (PlazaSalesImportDialog  *self,
                                              const PlazaSalesPreview *preview);
/* @errors (may be NULL or empty: then @fallback) become the error list. */
void  plaza_sales_import_dialog_show_failure (PlazaSalesImportDialog  *self,
                                              GPtrArray               *errors,
                                              const char              *fallback);
/* 12345 → "12,345". */
char *plaza_sales_import_dialog_group_digits (guint64                  n);

G_END_DECLS
