/* plaza-sales-import-dialog.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "plaza-worker.h"

G_BEGIN_DECLS

#define PLAZA_TYPE_SALES_IMPORT_DIALOG (plaza_sales_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PlazaSalesImportDialog, plaza_sales_import_dialog, PLAZA, SALES_IMPORT_DIALOG, AdwWindow)

/* A modal window, transient for @parent, that imports a POS sales file
 * through @worker. Emits "imported" with the number of rows after a
 * successful import. */
PlazaSalesImportDialog *plaza_sales_import_dialog_new          (GtkWindow              *parent,
                                                                PlazaWorker            *worker);
/* Opens the file chooser (step 1). */
void                    plaza_sales_import_dialog_choose_file  (PlazaSalesImportDialog *self);
/* Previews @path as if chosen. */
void                    plaza_sales_import_dialog_set_file     (PlazaSalesImportDialog *self,
                                                                const char             *path);
/* Starts the import of the previewed file (step 2). */
void                    plaza_sales_import_dialog_import       (PlazaSalesImportDialog *self);
/* Cancels an import in progress; nothing is changed. */
void                    plaza_sales_import_dialog_cancel       (PlazaSalesImportDialog *self);

/* For tests: TRUE while the preview or the import runs. */
gboolean                plaza_sales_import_dialog_get_busy     (PlazaSalesImportDialog *self);
/* "choose", "preview", "importing", "done", "failed" or "cancelled". */
const char             *plaza_sales_import_dialog_get_step     (PlazaSalesImportDialog *self);
/* The texts shown: the encoding, the column mapping in words, the
 * headline of the result, and the error lines. */
const char             *plaza_sales_import_dialog_get_encoding_text (PlazaSalesImportDialog *self);
const char             *plaza_sales_import_dialog_get_mapping_text  (PlazaSalesImportDialog *self);
const char             *plaza_sales_import_dialog_get_result_text   (PlazaSalesImportDialog *self);
guint                   plaza_sales_import_dialog_get_n_preview_rows (PlazaSalesImportDialog *self);
/* The error lines of a failed import (or a failed preview). */
GPtrArray              *plaza_sales_import_dialog_get_errors   (PlazaSalesImportDialog *self);

G_END_DECLS
