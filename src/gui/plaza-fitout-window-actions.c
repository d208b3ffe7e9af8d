/* plaza-fitout-window-actions.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fit-out window's writes: submitting a drawing version with its file
 * (a file chooser, then plaza_fitout_submit_drawing, which attaches it via
 * plaza-attachment.h), approving, rejecting with a comment (a dialog),
 * adding an inspection (a dialog: date, inspector, pass or fail, notes),
 * saving the period and the opening date, opening an attached file. Each
 * is one worker job; the window reloads after it and a toast says what
 * was done, or the error bar says why not.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-attachment.h"
#include "plaza-conflict-dialog.h"
#include "plaza-date.h"
#include "plaza-fitout-window-private.h"

typedef enum
{
  JOB_SUBMIT,
  JOB_DECIDE,
  JOB_INSPECT,
  JOB_PERIOD,
  JOB_OPENED,
  JOB_OPEN_FILE,
} JobKind;

typedef struct
{
  JobKind   kind;
  gint64    fitout_id;
  gint64    target;     /* drawing or attachment */
  gboolean  flag;       /* approve, passed, has a date */
  char     *kind_name;  /* drawing kind */
  char     *text;       /* comment, notes, path */
  char     *who;        /* inspector */
  GDate     a;
  GDate     b;
  gint64    rev;        /* period, opening: the rev loaded (0: save over) */
} Job;

static void
job_free (Job *job)
{
  g_free (job->kind_name);
  g_free (job->text);
  g_free (job->who);
  g_free (job);
}

static gpointer
job_func (PlazaStore    *store,
          gpointer       data,
          GCancellable  *cancellable G_GNUC_UNUSED,
          GError       **error)
{
  Job *job = data;
  g_autoptr(PlazaAttachment) attachment = NULL;

  switch (job->kind)
    {
    case JOB_SUBMIT:
      return plaza_fitout_submit_drawing (store, job->fitout_id, job->kind_name, &job->a, job->text, error) > 0
             ? GINT_TO_POINTER (1) : NULL;
    case JOB_DECIDE:
      return plaza_fitout_decide_drawing (store, job->target, job->flag, job->text, error) ? GINT_TO_POINTER (1) : NULL;
    case JOB_INSPECT:
      return plaza_fitout_add_inspection (store, job->fitout_id, &job->a, job->who, job->flag, job->text, error) > 0
             ? GINT_TO_POINTER (1) : NULL;
    case JOB_PERIOD:
      return plaza_fitout_set_period_at (store, job->fitout_id, job->rev, &job->a, &job->b, error)
             ? GINT_TO_POINTER (1) : NULL;
    case JOB_OPENED:
      return plaza_fitout_set_opened_at (store, job->fitout_id, job->rev, job->flag ? &job->a : NULL, error)
             ? GINT_TO_POINTER (1) : NULL;
    case JOB_OPEN_FILE:
      attachment = plaza_attachment_get (store, job->target, error);
      if (attachment == NULL || !plaza_attachment_check (store, job->target, error))
        return NULL;
      return plaza_attachment_dup_path (store, attachment);
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

typedef struct
{
  PlazaFitoutWindow *self;
  JobKind            kind;
  char              *message;
  Job               *again;     /* period, opening: a copy for Save Mine Over Theirs */
} JobCall;

static gboolean run_job (PlazaFitoutWindow *self,
                         Job               *job,
                         char              *message);

/* The answer to the shared conflict dialog after a refused period or
 * opening: Save Mine Over Theirs runs the same change without the rev check. */
static void
conflict_answer_cb (GObject               *owner,
                    PlazaConflictResponse  response)
{
  PlazaFitoutWindow *self = PLAZA_FITOUT_WINDOW (owner);
  Job *again = g_object_steal_data (owner, "plaza-fitout-again");

  if (response == PLAZA_CONFLICT_RELOAD)
    plaza_fitout_window_reload (self);
  else if (response == PLAZA_CONFLICT_SAVE_OVER && again != NULL)
    {
      again->rev = 0;
      run_job (self, g_steal_pointer (&again), g_strdup (_("Saved over the other change")));
    }
  if (again != NULL)
    job_free (again);
}

static void
job_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  JobCall *call = user_data;
  g_autoptr(PlazaFitoutWindow) self = call->self;
  g_autofree char *message = call->message;
  Job *again = call->again;
  JobKind kind = call->kind;
  g_autoptr(GError) error = NULL;
  gpointer out = plaza_worker_run_finish (PLAZA_WORKER (source), result, &error);

  g_free (call);
  plaza_fitout_window_set_busy (self, FALSE);
  if (out == NULL && again != NULL && g_error_matches (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_CONFLICT))
    {
      g_object_set_data_full (G_OBJECT (self), "plaza-fitout-again", again, (GDestroyNotify) job_free);
      plaza_conflict_dialog_show (GTK_WIDGET (self), self->worker, "fitout", self->fitout_id, self->seq, error,
                                  conflict_answer_cb, G_OBJECT (self));
      return;
    }
  if (again != NULL)
    job_free (again);
  if (out == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if (g_error_matches (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_BUSY))
        {
          adw_toast_overlay_add_toast (self->toasts, plaza_conflict_busy_toast_new (NULL, NULL));
          return;
        }
      if (kind == JOB_OPEN_FILE)
        g_prefix_error (&error, _("Cannot open the file: "));
      plaza_fitout_window_show_error (self, error);
      return;
    }
  if (kind == JOB_OPEN_FILE)
    {
      g_autofree char *path = out;
      g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
      g_autoptr(GdkAppLaunchContext) context =
        gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (self)));

      if (uri == NULL || !g_app_info_launch_default_for_uri (uri, G_APP_LAUNCH_CONTEXT (context), &error))
        {
          g_prefix_error (&error, _("Cannot open the file: "));
          plaza_fitout_window_show_error (self, error);
        }
      return;
    }
  plaza_fitout_window_set_status (self, message);
  plaza_fitout_window_reload (self);
}

static gboolean
run_job (PlazaFitoutWindow *self,
         Job               *job,
         char              *message)
{
  JobCall *call;

  if (self->fitout == NULL || self->busy > 0)
    {
      job_free (job);
      g_free (message);
      return FALSE;
    }
  plaza_fitout_window_show_error (self, NULL);
  call = g_new0 (JobCall, 1);
  call->self = g_object_ref (self);
  call->kind = job->kind;
  call->message = message;
  job->fitout_id = self->fitout->id;
  if (job->kind == JOB_PERIOD || job->kind == JOB_OPENED)
    {
      if (job->rev < 0)
        job->rev = self->fitout->rev;
      call->again = g_memdup2 (job, sizeof (Job));
      call->again->kind_name = g_strdup (job->kind_name);
      call->again->text = g_strdup (job->text);
      call->again->who = g_strdup (job->who);
    }
  plaza_fitout_window_set_busy (self, TRUE);
  plaza_worker_run_async (self->worker, job_func, job, (GDestroyNotify) job_free, self->cancellable, job_done_cb, call);
  return TRUE;
}

static Job *
job_new (JobKind kind)
{
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  job->rev = -1;   /* run_job: the rev loaded */
  g_date_clear (&job->a, 1);
  g_date_clear (&job->b, 1);
  return job;
}

gboolean
plaza_fitout_window_submit_drawing (PlazaFitoutWindow *self,
                                    const char        *kind,
                                    const char        *path)
{
  Job *job;
  g_autofree char *message = NULL;

  g_return_val_if_fail (PLAZA_IS_FITOUT_WINDOW (self), FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);

  job = job_new (JOB_SUBMIT);
  job->kind_name = g_strdup (kind);
  job->text = g_strdup (path);
  plaza_fitout_window_today (&job->a);
  /* Translators: "Shop front drawing submitted". */
  message = g_strdup_printf (_("%s drawing submitted"), plaza_fitout_kind_label (kind));
  return run_job (self, job, g_steal_pointer (&message));
}

gboolean
plaza_fitout_window_decide_drawing (PlazaFitoutWindow *self,
                                    gint64             drawing_id,
                                    gboolean           approve,
                                    const char        *comment)
{
  g_autofree char *text = g_strstrip (g_strdup (comment != NULL ? comment : ""));
  Job *job;

  g_return_val_if_fail (PLAZA_IS_FITOUT_WINDOW (self), FALSE);

  if (!approve && *text == '\0')
    {
      plaza_fitout_window_show_message (self, _("Comment: say why the drawing is rejected."));
      return FALSE;
    }
  job = job_new (JOB_DECIDE);
  job->target = drawing_id;
  job->flag = approve;
  job->text = g_steal_pointer (&text);
  return run_job (self, job, g_strdup (approve ? _("Drawing approved") : _("Drawing rejected")));
}

gboolean
plaza_fitout_window_add_inspection (PlazaFitoutWindow *self,
                                    const char        *date,
                                    const char        *inspector,
                                    gboolean           passed,
                                    const char        *notes)
{
  Job *job;

  g_return_val_if_fail (PLAZA_IS_FITOUT_WINDOW (self), FALSE);

  job = job_new (JOB_INSPECT);
  if (!plaza_date_parse (date != NULL ? date : "", &job->a))
    {
      job_free (job);
      plaza_fitout_window_show_message (self, _("Inspection date: enter a date like 2026-11-27."));
      return FALSE;
    }
  job->who = g_strdup (inspector != NULL ? inspector : "");
  job->flag = passed;
  job->text = g_strdup (notes != NULL ? notes : "");
  return run_job (self, job, g_strdup (passed ? _("Inspection recorded: passed") : _("Inspection recorded: failed")));
}

gboolean
plaza_fitout_window_save_period (PlazaFitoutWindow *self,
                                 const char        *start,
                                 const char        *due)
{
  Job *job;

  g_return_val_if_fail (PLAZA_IS_FITOUT_WINDOW (self), FALSE);

  job = job_new (JOB_PERIOD);
  if (!plaza_date_parse (start != NULL ? start : "", &job->a))
    {
      job_free (job);
      plaza_fitout_window_show_message (self, _("Fit-out start: enter a date like 2026-11-27."));
      return FALSE;
    }
  if (!plaza_date_parse (due != NULL ? due : "", &job->b))
    {
      job_free (job);
      plaza_fitout_window_show_message (self, _("Fit-out end: enter a date like 2026-11-27."));
      return FALSE;
    }
  return run_job (self, job, g_strdup (_("Fit-out period saved")));
}

gboolean
plaza_fitout_window_set_opened (PlazaFitoutWindow *self,
                                const char        *date)
{
  g_autofree char *text = g_strstrip (g_strdup (date != NULL ? date : ""));
  Job *job;

  g_return_val_if_fail (PLAZA_IS_FITOUT_WINDOW (self), FALSE);

  job = job_new (JOB_OPENED);
  job->flag = *text != '\0';
  if (job->flag && !plaza_date_parse (text, &job->a))
    {
      job_free (job);
      plaza_fitout_window_show_message (self, _("Opening date: enter a date like 2026-11-27."));
      return FALSE;
    }
  return run_job (self, job, g_strdup (job->flag ? _("Opening recorded") : _("Opening date cleared")));
}

void
plaza_fitout_window_open_file (PlazaFitoutWindow *self,
                               gint64             attachment_id)
{
  Job *job = job_new (JOB_OPEN_FILE);

  job->target = attachment_id;
  run_job (self, job, NULL);
}

/* ---- dialogs ---- */

static void
chooser_response_cb (GtkNativeDialog   *dialog,
                     int                response,
                     PlazaFitoutWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path == NULL)
        plaza_fitout_window_show_message (self, _("Choose a local file."));
      else
        plaza_fitout_window_submit_drawing (self, g_object_get_data (G_OBJECT (dialog), "plaza-kind"), path);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

void
plaza_fitout_window_submit_clicked (PlazaFitoutWindow *self,
                                    const char        *kind)
{
  GtkFileChooserNative *chooser;
  g_autofree char *title = NULL;

  if (self->fitout == NULL)
    return;
  /* Translators: the file chooser's title, "Submit Shop front Drawing". */
  title = g_strdup_printf (_("Submit %s Drawing"), plaza_fitout_kind_label (kind));
  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Submit"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "plaza-kind", (gpointer) kind);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
reject_check_cb (AdwMessageDialog *dialog)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "comment");
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "reject", *text != '\0');
}

static void
reject_response_cb (AdwMessageDialog  *dialog,
                    const char        *response,
                    PlazaFitoutWindow *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "plaza-target");

  if (g_strcmp0 (response, "reject") != 0)
    return;
  plaza_fitout_window_decide_drawing (self, id,  FALSE,
                                      gtk_editable_get_text (g_object_get_data (G_OBJECT (dialog), "comment")));
}

void
plaza_fitout_window_reject_clicked (PlazaFitoutWindow *self,
                                    gint64             drawing_id)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Reject the Drawing?"),
                                              _("The tenant will submit a new version. Say what must change."));
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Comment (required)"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "reject", _("_Reject"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reject", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "reject", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "reject");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "comment", entry);
  g_object_set_data_full (G_OBJECT (dialog), "plaza-target", g_memdup2 (&drawing_id, sizeof drawing_id), g_free);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (reject_check_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (reject_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
inspect_response_cb (AdwMessageDialog  *dialog,
                     const char        *response,
                     PlazaFitoutWindow *self)
{
  GtkDropDown *result = g_object_get_data (G_OBJECT (dialog), "result");

  if (g_strcmp0 (response, "add") != 0)
    return;
  plaza_fitout_window_add_inspection (self,
                                      gtk_editable_get_text (g_object_get_data (G_OBJECT (dialog), "date")),
                                      gtk_editable_get_text (g_object_get_data (G_OBJECT (dialog), "inspector")),
                                      gtk_drop_down_get_selected (result) == 0,
                                      gtk_editable_get_text (g_object_get_data (G_OBJECT (dialog), "notes")));
}

void
plaza_fitout_window_inspect_clicked (PlazaFitoutWindow *self)
{
  GtkWidget *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *date = gtk_entry_new ();
  GtkWidget *inspector = gtk_entry_new ();
  GtkWidget *notes = gtk_entry_new ();
  const char *results[] = { _("Passed"), _("Failed"), NULL };
  GtkWidget *result = gtk_drop_down_new_from_strings (results);
  g_autofree char *today_text = NULL;
  GDate today;

  if (self->fitout == NULL)
    return;
  plaza_fitout_window_today (&today);
  today_text = plaza_date_format (&today);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Add Inspection"),
                                   _("A failed inspection needs notes and stays overdue until the next one."));
  gtk_editable_set_text (GTK_EDITABLE (date), today_text);
  gtk_entry_set_placeholder_text (GTK_ENTRY (date), _("Date, YYYY-MM-DD"));
  gtk_entry_set_placeholder_text (GTK_ENTRY (inspector), _("Inspector (required)"));
  gtk_entry_set_placeholder_text (GTK_ENTRY (notes), _("Notes (required when failed)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (result), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Result"), -1);
  gtk_box_append (GTK_BOX (box), date);
  gtk_box_append (GTK_BOX (box), inspector);
  gtk_box_append (GTK_BOX (box), result);
  gtk_box_append (GTK_BOX (box), notes);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "add", _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "date", date);
  g_object_set_data (G_OBJECT (dialog), "inspector", inspector);
  g_object_set_data (G_OBJECT (dialog), "notes", notes);
  g_object_set_data (G_OBJECT (dialog), "result", result);
  g_signal_connect_object (dialog, "response", G_CALLBACK (inspect_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
