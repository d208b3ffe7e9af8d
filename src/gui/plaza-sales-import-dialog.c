/* plaza-sales-import-dialog.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sales import window, in three steps. 1: choose (or drop) a POS
 * file; its preview (plaza_sales_preview: encoding, which column gives
 * which field, the first rows) is read in a GTask thread, as it touches
 * no database.
 * 2: Import runs plaza_import_sales_full in the PlazaWorker's thread with
 * the worker's store; its progress callback, called in that thread, hands
 * the figures to the main context at most ten times a second, and
 * Cancel cancels the import (the transaction rolls back). 3: the number of
 * rows imported, or the headline and every "FILE:LINE: field: message".
 * What each step shows is filled in plaza-sales-import-dialog-view.c.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-import.h"
#include "plaza-sales-import-dialog-private.h"

#define PREVIEW_ROWS 10
/* At most ten progress updates a second: each one redraws the window, and
 * on a busy or software-rendered display that slows the import itself. */
#define PROGRESS_INTERVAL_US (G_USEC_PER_SEC / 10)

static const char * const step_names[] = {
  "choose", "preview", "importing", "done", "failed", "cancelled",
};

/* Shared by the dialog, the worker thread and the progress idles. */
struct _ImportJob
{
  GWeakRef      dialog;
  GMainContext *context;
  char         *path;
  GPtrArray    *errors;
  GMutex        mutex;
  guint64       done;      /* under mutex */
  guint64       total;     /* under mutex */
  gint64        posted;    /* under mutex: when the last figures were sent */
  int           pending;   /* atomic: a progress idle is queued */
  gint64        started;   /* monotonic µs */
  guint         n_rows;
  const char   *encoding;
};

G_DEFINE_FINAL_TYPE (PlazaSalesImportDialog, plaza_sales_import_dialog, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- the job ---- */

static ImportJob *
import_job_new (PlazaSalesImportDialog *dialog,
                const char             *path)
{
  ImportJob *job = g_atomic_rc_box_new0 (ImportJob);

  g_weak_ref_init (&job->dialog, dialog);
  job->context = g_main_context_ref_thread_default ();
  job->path = g_strdup (path);
  job->errors = g_ptr_array_new_with_free_func (g_free);
  g_mutex_init (&job->mutex);
  return job;
}

static void
import_job_clear (gpointer data)
{
  ImportJob *job = data;

  g_weak_ref_clear (&job->dialog);
  g_main_context_unref (job->context);
  g_free (job->path);
  g_ptr_array_unref (job->errors);
  g_mutex_clear (&job->mutex);
}

static ImportJob *
import_job_ref (ImportJob *job)
{
  return g_atomic_rc_box_acquire (job);
}

static void
import_job_unref (gpointer job)
{
  g_atomic_rc_box_release_full (job, import_job_clear);
}

/* ---- step 1: the preview ---- */

static void
preview_thread (GTask        *task,
                gpointer      source G_GNUC_UNUSED,
                gpointer      task_data,
                GCancellable *cancellable G_GNUC_UNUSED)
{
  GError *error = NULL;
  PlazaSalesPreview *preview = plaza_sales_preview (task_data, PREVIEW_ROWS, &error);

  if (preview == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, preview, (GDestroyNotify) plaza_sales_preview_free);
}

static void
preview_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data G_GNUC_UNUSED)
{
  PlazaSalesImportDialog *self = PLAZA_SALES_IMPORT_DIALOG (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaSalesPreview) preview = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->previewing = FALSE;
  if (preview == NULL)
    {
      plaza_sales_import_dialog_show_failure (self, NULL, error->message);
      return;
    }
  plaza_sales_import_dialog_show_preview (self, preview);
  plaza_sales_import_dialog_set_step (self, STEP_PREVIEW);
}

/* ---- step 2: the import ---- */

static gboolean
progress_idle_cb (gpointer data)
{
  ImportJob *job = data;
  g_autoptr(PlazaSalesImportDialog) self = g_weak_ref_get (&job->dialog);
  guint64 done, total;

  g_atomic_int_set (&job->pending, 0);
  if (self == NULL || self->job != job || self->step != STEP_IMPORTING)
    return G_SOURCE_REMOVE;

  g_mutex_lock (&job->mutex);
  done = job->done;
  total = job->total;
  g_mutex_unlock (&job->mutex);

  if (total > 0)
    {
      g_autofree char *done_text = g_format_size (done);
      g_autofree char *total_text = g_format_size (total);
      /* TRANSLATORS: bytes read of the file's size, as in "12.1 MB of 40.3 MB read". */
      g_autofree char *detail = g_strdup_printf (_("%s of %s read"), done_text, total_text);

      gtk_progress_bar_set_fraction (self->progress_bar, MIN (1.0, (double) done / (double) total));
      gtk_label_set_label (self->progress_detail, detail);
    }
  return G_SOURCE_REMOVE;
}

/* In the worker thread. */
static void
progress_cb (guint64  done,
             guint64  total,
             gpointer user_data)
{
  ImportJob *job = user_data;

  gint64 now = g_get_monotonic_time ();
  gboolean post;

  g_mutex_lock (&job->mutex);
  job->done = done;
  job->total = total;
  post = now - job->posted >= PROGRESS_INTERVAL_US;
  if (post)
    job->posted = now;
  g_mutex_unlock (&job->mutex);
  if (post && g_atomic_int_compare_and_exchange (&job->pending, 0, 1))
    g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, progress_idle_cb,
                                import_job_ref (job), import_job_unref);
}

/* In the worker thread, with the worker's store. */
static gpointer
import_func (PlazaStore    *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  ImportJob *job = data;
  PlazaImportResult result = { 0, NULL };

  if (plaza_import_sales_full (store, job->path, progress_cb, job, cancellable, job->errors, &result, error))
    {
      job->n_rows = result.n_rows;
      job->encoding = result.encoding;
    }
  return NULL;
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(PlazaSalesImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  ImportJob *job = self->job;
  g_autofree char *base = g_filename_display_basename (self->path);

  plaza_worker_run_finish (PLAZA_WORKER (source), result, &error);
  self->job = NULL;
  g_clear_object (&self->import_cancellable);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_free (self->result_text);
      self->result_text = g_strdup (_("Import cancelled; nothing was changed"));
      adw_status_page_set_icon_name (self->result_page, "process-stop-symbolic");
      adw_status_page_set_title (self->result_page, self->result_text);
      adw_status_page_set_description (self->result_page, base);
      plaza_sales_import_dialog_set_step (self, STEP_CANCELLED);
    }
  else if (error != NULL)
    plaza_sales_import_dialog_show_failure (self, job->errors, error->message);
  else
    {
      g_autofree char *rows = plaza_sales_import_dialog_group_digits (job->n_rows);
      double seconds = (double) (g_get_monotonic_time () - job->started) / G_USEC_PER_SEC;

      g_debug ("Imported %u rows from %s in %.2f s (%.0f rows/s)", job->n_rows, self->path, seconds,
               seconds > 0 ? job->n_rows / seconds : 0.0);

      g_free (self->result_text);
      /* TRANSLATORS: "12,345 rows imported (GB18030)": rows, then the file's encoding. */
      self->result_text = g_strdup_printf (ngettext ("%s row imported (%s)", "%s rows imported (%s)", job->n_rows),
                                           rows, job->encoding != NULL ? job->encoding : "");
      adw_status_page_set_icon_name (self->result_page, "emblem-ok-symbolic");
      adw_status_page_set_title (self->result_page, self->result_text);
      adw_status_page_set_description (self->result_page, base);
      plaza_sales_import_dialog_set_step (self, STEP_DONE);
      g_signal_emit (self, signals[SIGNAL_IMPORTED], 0, job->n_rows);
    }
  import_job_unref (job);
}

/* ---- callbacks ---- */

static void
chooser_response_cb (PlazaSalesImportDialog *self,
                     int                     response,
                     GtkNativeDialog        *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file != NULL)
    {
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        plaza_sales_import_dialog_set_file (self, path);
    }
}

/* A file dropped on the window is previewed as if chosen. */
static gboolean
drop_cb (GtkDropTarget          *target G_GNUC_UNUSED,
         const GValue           *value,
         double                  x G_GNUC_UNUSED,
         double                  y G_GNUC_UNUSED,
         PlazaSalesImportDialog *self)
{
  GFile *file = g_value_get_object (value);
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

  if (path == NULL || self->step == STEP_IMPORTING)
    return FALSE;
  plaza_sales_import_dialog_set_file (self, path);
  return TRUE;
}

static void
choose_clicked_cb (PlazaSalesImportDialog *self)
{
  plaza_sales_import_dialog_choose_file (self);
}

static void
import_clicked_cb (PlazaSalesImportDialog *self)
{
  plaza_sales_import_dialog_import (self);
}

static void
cancel_clicked_cb (PlazaSalesImportDialog *self)
{
  if (self->step == STEP_IMPORTING)
    plaza_sales_import_dialog_cancel (self);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
close_clicked_cb (PlazaSalesImportDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name G_GNUC_UNUSED,
              GVariant   *param G_GNUC_UNUSED)
{
  PlazaSalesImportDialog *self = PLAZA_SALES_IMPORT_DIALOG (widget);

  /* Escape closes only when nothing runs. */
  if (self->step != STEP_IMPORTING)
    gtk_window_close (GTK_WINDOW (self));
}

/* ---- the type ---- */

static gboolean
plaza_sales_import_dialog_close_request (GtkWindow *window)
{
  PlazaSalesImportDialog *self = PLAZA_SALES_IMPORT_DIALOG (window);

  /* Closing while importing cancels first; the window stays to say so. */
  if (self->step == STEP_IMPORTING)
    {
      plaza_sales_import_dialog_cancel (self);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (plaza_sales_import_dialog_parent_class)->close_request (window);
}

static void
plaza_sales_import_dialog_dispose (GObject *object)
{
  PlazaSalesImportDialog *self = PLAZA_SALES_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLAZA_TYPE_SALES_IMPORT_DIALOG);

  G_OBJECT_CLASS (plaza_sales_import_dialog_parent_class)->dispose (object);
}

static void
plaza_sales_import_dialog_finalize (GObject *object)
{
  PlazaSalesImportDialog *self = PLAZA_SALES_IMPORT_DIALOG (object);

  g_clear_object (&self->worker);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->import_cancellable);
  g_free (self->path);
  g_free (self->encoding_text);
  g_free (self->mapping_text);
  g_free (self->result_text);
  g_clear_pointer (&self->errors, g_ptr_array_unref);

  G_OBJECT_CLASS (plaza_sales_import_dialog_parent_class)->finalize (object);
}

static void
plaza_sales_import_dialog_class_init (PlazaSalesImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = plaza_sales_import_dialog_dispose;
  object_class->finalize = plaza_sales_import_dialog_finalize;
  window_class->close_request = plaza_sales_import_dialog_close_request;

  /**
   * PlazaSalesImportDialog::imported:
   * @n_rows: the rows imported
   */
  signals[SIGNAL_IMPORTED] =
    g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/plaza/Plaza/plaza-sales-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PlazaSalesImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, PlazaSalesImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, PlazaSalesImportDialog, close_button);
  gtk_widget_class_bind_template_child (widget_class, PlazaSalesImportDialog, other_button);
  gtk_widget_class_bind_template_child (widget_class, PlazaSalesImportDialog, choose_button);
  gtk_widget_class_bind_template_child (widget_class, PlazaSalesImportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, PlazaSalesImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, PlazaSalesImportDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, PlazaSalesImportDialog, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, PlazaSalesImportDialog, mapping_row);
  gtk_widget_class_bind_template_child (widget_class, PlazaSalesImportDialog, rows_label);
  gtk_widget_class_bind_template_child (widget_class, PlazaSalesImportDialog, preview_grid);
  gtk_widget_class_bind_template_child (widget_class, PlazaSalesImportDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, PlazaSalesImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, PlazaSalesImportDialog, progress_detail);
  gtk_widget_class_bind_template_child (widget_class, PlazaSalesImportDialog, result_page);
  gtk_widget_class_bind_template_child (widget_class, PlazaSalesImportDialog, failed_label);
  gtk_widget_class_bind_template_child (widget_class, PlazaSalesImportDialog, error_list);
  gtk_widget_class_bind_template_callback (widget_class, choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_clicked_cb);

  gtk_widget_class_install_action (widget_class, "import.close", NULL, close_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.close", NULL);
}

static void
plaza_sales_import_dialog_init (PlazaSalesImportDialog *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  g_signal_connect_object (drop, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
  plaza_sales_import_dialog_set_step (self, STEP_CHOOSE);
}

/* ---- public API ---- */

PlazaSalesImportDialog *
plaza_sales_import_dialog_new (GtkWindow   *parent,
                               PlazaWorker *worker)
{
  PlazaSalesImportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PLAZA_IS_WORKER (worker), NULL);

  self = g_object_new (PLAZA_TYPE_SALES_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->worker = g_object_ref (worker);
  return self;
}

void
plaza_sales_import_dialog_choose_file (PlazaSalesImportDialog *self)
{
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  g_return_if_fail (PLAZA_IS_SALES_IMPORT_DIALOG (self));

  if (self->chooser != NULL || self->step == STEP_IMPORTING)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Choose a Sales File"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_filter_add_pattern (csv, "*.CSV");
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), csv);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

void
plaza_sales_import_dialog_set_file (PlazaSalesImportDialog *self,
                                    const char             *path)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PLAZA_IS_SALES_IMPORT_DIALOG (self));
  g_return_if_fail (path != NULL);

  if (self->step == STEP_IMPORTING)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  g_free (self->path);
  self->path = g_strdup (path);
  g_clear_pointer (&self->encoding_text, g_free);
  g_clear_pointer (&self->mapping_text, g_free);
  g_clear_pointer (&self->result_text, g_free);
  g_clear_pointer (&self->errors, g_ptr_array_unref);
  self->n_preview_rows = 0;
  self->previewing = TRUE;
  plaza_sales_import_dialog_set_step (self, self->step == STEP_PREVIEW ? STEP_PREVIEW : STEP_CHOOSE);

  task = g_task_new (self, self->cancellable, preview_done_cb, NULL);
  g_task_set_source_tag (task, plaza_sales_import_dialog_set_file);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, preview_thread);
}

void
plaza_sales_import_dialog_import (PlazaSalesImportDialog *self)
{
  g_autofree char *base = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (PLAZA_IS_SALES_IMPORT_DIALOG (self));

  if (self->step != STEP_PREVIEW || self->previewing || self->path == NULL)
    return;

  base = g_filename_display_basename (self->path);
  text = g_strdup_printf (_("Importing “%s”…"), base);
  gtk_label_set_label (self->progress_label, text);
  gtk_label_set_label (self->progress_detail, "");
  gtk_progress_bar_set_fraction (self->progress_bar, 0);

  self->job = import_job_new (self, self->path);
  self->job->started = g_get_monotonic_time ();
  self->import_cancellable = g_cancellable_new ();
  plaza_sales_import_dialog_set_step (self, STEP_IMPORTING);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->cancel_button));
  plaza_worker_run_async (self->worker, import_func, import_job_ref (self->job), import_job_unref,
                          self->import_cancellable, import_done_cb, g_object_ref (self));
}

void
plaza_sales_import_dialog_cancel (PlazaSalesImportDialog *self)
{
  g_return_if_fail (PLAZA_IS_SALES_IMPORT_DIALOG (self));

  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
}

gboolean
plaza_sales_import_dialog_get_busy (PlazaSalesImportDialog *self)
{
  g_return_val_if_fail (PLAZA_IS_SALES_IMPORT_DIALOG (self), FALSE);
  return self->previewing || self->step == STEP_IMPORTING;
}

const char *
plaza_sales_import_dialog_get_step (PlazaSalesImportDialog *self)
{
  g_return_val_if_fail (PLAZA_IS_SALES_IMPORT_DIALOG (self), NULL);
  return step_names[self->step];
}

const char *
plaza_sales_import_dialog_get_encoding_text (PlazaSalesImportDialog *self)
{
  g_return_val_if_fail (PLAZA_IS_SALES_IMPORT_DIALOG (self), NULL);
  return self->encoding_text;
}

const char *
plaza_sales_import_dialog_get_mapping_text (PlazaSalesImportDialog *self)
{
  g_return_val_if_fail (PLAZA_IS_SALES_IMPORT_DIALOG (self), NULL);
  return self->mapping_text;
}

const char *
plaza_sales_import_dialog_get_result_text (PlazaSalesImportDialog *self)
{
  g_return_val_if_fail (PLAZA_IS_SALES_IMPORT_DIALOG (self), NULL);
  return self->result_text;
}

guint
plaza_sales_import_dialog_get_n_preview_rows (PlazaSalesImportDialog *self)
{
  g_return_val_if_fail (PLAZA_IS_SALES_IMPORT_DIALOG (self), 0);
  return self->n_preview_rows;
}

GPtrArray *
plaza_sales_import_dialog_get_errors (PlazaSalesImportDialog *self)
{
  g_return_val_if_fail (PLAZA_IS_SALES_IMPORT_DIALOG (self), NULL);
  return self->errors;
}

