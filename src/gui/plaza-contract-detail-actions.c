/* plaza-contract-detail-actions.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The contract detail's pending amendments (approve, or reject with a
 * reason), attachments (add, open with the default application, missing or
 * changed files said in words), "Export PDF…" and the schedule's
 * periods, note and rent this month. Every store call goes
 * through the window's worker; the window reloads after a change.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-attachment.h"
#include "plaza-role-guard.h"
#include "plaza-contract.h"
#include "plaza-contract-detail-private.h"
#include "plaza-contract-pdf.h"
#include "plaza-contract-schedule.h"
#include "plaza-list-query.h"
#include "plaza-money.h"
#include "plaza-rent.h"

/* "2026-11-27T02:00:00Z" as local time, "2026-11-27 10:00"; as it is when
 * it does not parse. */
char *
plaza_contract_detail_format_time (const char *iso)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) at = iso != NULL ? g_date_time_new_from_iso8601 (iso, utc) : NULL;
  g_autoptr(GDateTime) local = at != NULL ? g_date_time_to_local (at) : NULL;

  return local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup (iso != NULL ? iso : "");
}

static void decide_clicked_cb (GtkButton           *button,
                               PlazaContractDetail *self);
static void open_clicked_cb   (GtkButton           *button,
                               PlazaContractDetail *self);

static GtkWidget *
row_button (PlazaContractDetail *self,
            GtkWidget           *row,
            const char          *label,
            const char          *css,
            GCallback            callback,
            gint64               target,
            gboolean             approve)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  if (css != NULL)
    gtk_widget_add_css_class (button, css);
  g_object_set_data_full (G_OBJECT (button), "plaza-target", g_memdup2 (&target, sizeof target), g_free);
  g_object_set_data (G_OBJECT (button), "plaza-approve", GINT_TO_POINTER (approve));
  g_signal_connect_object (button, "clicked", callback, self, 0);
  if (callback == G_CALLBACK (decide_clicked_cb))
    plaza_role_guard (button, self->worker, "contract", approve ? "amendment-approved" : "amendment-rejected");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return button;
}

void
plaza_contract_detail_show_amendments (PlazaContractDetail *self)
{
  PlazaContractView *v = self->view;
  guint n = 0;

  plaza_contract_detail_clear_children (GTK_WIDGET (self->amendments));
  for (guint i = 0; i < v->events->len; i++)
    {
      PlazaContractEvent *e = v->events->pdata[i];
      GtkWidget *r;
      g_autofree char *title = NULL;
      g_autofree char *sub = NULL;
      g_autofree char *at = NULL;

      if (!g_str_equal (e->kind, "amendment") || !g_str_equal (e->state, "submitted"))
        continue;
      r = adw_action_row_new ();
      title = g_strdup_printf (_("Amendment from %s"), e->effective_date != NULL ? e->effective_date : "?");
      at = plaza_contract_detail_format_time (e->at);
      sub = *e->comment != '\0' ? g_strdup_printf ("%s · %s · %s", at, e->user, e->comment)
                                : g_strdup_printf ("%s · %s", at, e->user);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (r), sub);
      row_button (self, r, _("Approve"), "suggested-action", G_CALLBACK (decide_clicked_cb), e->id, TRUE);
      row_button (self, r, _("Reject"), "destructive-action", G_CALLBACK (decide_clicked_cb), e->id, FALSE);
      gtk_list_box_append (self->amendments, r);
      n++;
    }
  gtk_widget_set_visible (self->amendments_heading, n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->amendments), n > 0);
}

void
plaza_contract_detail_show_attachments (PlazaContractDetail *self)
{
  plaza_contract_detail_clear_children (GTK_WIDGET (self->attachments));
  for (guint i = 0; self->attachment_list != NULL && i < self->attachment_list->len; i++)
    {
      const PlazaAttachment *a = self->attachment_list->pdata[i];
      const char *problem = self->problems->pdata[i];
      GtkWidget *r = adw_action_row_new ();
      g_autofree char *size = g_format_size (a->size);
      g_autofree char *at = plaza_contract_detail_format_time (a->added_at);
      g_autofree char *sub = NULL;

      if (problem != NULL)
        sub = g_strdup_printf ("%s · %s · %s — %s", size, a->added_by, at, problem);
      else
        sub = g_strdup_printf ("%s · %s · %s", size, a->added_by, at);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r), a->file_name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (r), sub);
      if (problem != NULL)
        gtk_widget_add_css_class (r, "error");
      row_button (self, r, _("_Open"), NULL, G_CALLBACK (open_clicked_cb), a->id, FALSE);
      gtk_list_box_append (self->attachments, r);
    }
  if (self->attachment_list == NULL || self->attachment_list->len == 0)
    {
      GtkWidget *r = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r), _("No attachments"));
      gtk_list_box_append (self->attachments, r);
    }
}

typedef enum
{
  JOB_DECIDE,
  JOB_ADD_ATTACHMENT,
  JOB_OPEN_ATTACHMENT,
  JOB_EXPORT_PDF,
} JobKind;

typedef struct
{
  JobKind   kind;
  gint64    id;       /* the contract */
  gint64    target;   /* amendment event or attachment */
  gboolean  approve;
  char     *text;     /* comment or path */
} Job;

static void
job_free (Job *job)
{
  g_free (job->text);
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
    case JOB_DECIDE:
      return plaza_contract_decide_amendment (store, job->target, job->approve, job->text, error)
             ? GINT_TO_POINTER (1) : NULL;
    case JOB_ADD_ATTACHMENT:
      return plaza_attachment_add (store, "contract", job->id, job->text, error) > 0 ? GINT_TO_POINTER (1) : NULL;
    case JOB_EXPORT_PDF:
      return plaza_contract_pdf_write (store, job->id, job->text, error) ? GINT_TO_POINTER (1) : NULL;
    case JOB_OPEN_ATTACHMENT:
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
  PlazaContractDetail *self;
  JobKind              kind;
  char                *message; /* the toast on success */
} JobCall;

static void
set_status (PlazaContractDetail *self,
            const char          *message)
{
  g_free (self->status);
  self->status = g_strdup (message);
  if (message != NULL)
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
}

static void
job_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  JobCall *call = user_data;
  g_autoptr(PlazaContractDetail) self = call->self;
  g_autofree char *message = call->message;
  JobKind kind = call->kind;
  g_autoptr(GError) error = NULL;
  gpointer out = plaza_worker_run_finish (PLAZA_WORKER (source), result, &error);

  g_free (call);
  plaza_contract_detail_set_busy (self, FALSE);
  if (out == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if (kind == JOB_OPEN_ATTACHMENT)
        g_prefix_error (&error, _("Cannot open the attachment: "));
      else if (kind == JOB_EXPORT_PDF)
        g_prefix_error (&error, _("The PDF was not saved: "));
      plaza_contract_detail_show_error (self, error);
      return;
    }
  if (kind == JOB_OPEN_ATTACHMENT)
    {
      g_autofree char *path = out;
      g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
      g_autoptr(GdkAppLaunchContext) context =
        gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (self)));

      if (uri == NULL || !g_app_info_launch_default_for_uri (uri, G_APP_LAUNCH_CONTEXT (context), &error))
        {
          g_prefix_error (&error, _("Cannot open the attachment: "));
          plaza_contract_detail_show_error (self, error);
          return;
        }
      set_status (self, message);
      return;
    }
  set_status (self, message);
  if (kind != JOB_EXPORT_PDF)
    {
      plaza_contract_detail_emit_changed (self);
      plaza_contract_detail_reload (self);
    }
}

static gboolean
run_job (PlazaContractDetail *self,
         Job                 *job,
         char                *message)
{
  JobCall *call;

  if (self->view == NULL || self->busy > 0)
    {
      job_free (job);
      g_free (message);
      return FALSE;
    }
  plaza_contract_detail_show_error (self, NULL);
  call = g_new0 (JobCall, 1);
  call->self = g_object_ref (self);
  call->kind = job->kind;
  call->message = message;
  job->id = self->id;
  plaza_contract_detail_set_busy (self, TRUE);
  plaza_worker_run_async (self->worker, job_func, job, (GDestroyNotify) job_free, self->cancellable, job_done_cb,
                          call);
  return TRUE;
}

static void
show_message (PlazaContractDetail *self,
              const char          *message)
{
  g_autoptr(GError) error = g_error_new_literal (PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID, message);

  plaza_contract_detail_show_error (self, error);
}

gboolean
plaza_contract_detail_decide_amendment (PlazaContractDetail *self,
                                        gint64               event_id,
                                        gboolean             approve,
                                        const char          *comment)
{
  g_autofree char *reason = g_strstrip (g_strdup (comment != NULL ? comment : ""));
  Job *job;

  g_return_val_if_fail (PLAZA_IS_CONTRACT_DETAIL (self), FALSE);

  if (!approve && *reason == '\0')
    {
      show_message (self, _("Write the reason for rejecting the amendment in “Comment or reason”."));
      return FALSE;
    }
  job = g_new0 (Job, 1);
  job->kind = JOB_DECIDE;
  job->target = event_id;
  job->approve = approve;
  job->text = g_steal_pointer (&reason);
  return run_job (self, job, g_strdup (approve ? _("Amendment approved") : _("Amendment rejected")));
}

gboolean
plaza_contract_detail_add_attachment (PlazaContractDetail *self,
                                      const char          *path)
{
  Job *job;
  g_autofree char *name = NULL;

  g_return_val_if_fail (PLAZA_IS_CONTRACT_DETAIL (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  name = g_path_get_basename (path);
  job = g_new0 (Job, 1);
  job->kind = JOB_ADD_ATTACHMENT;
  job->text = g_strdup (path);
  return run_job (self, job, g_strdup_printf (_("Attached “%s”"), name));
}

gboolean
plaza_contract_detail_open_attachment (PlazaContractDetail *self,
                                       gint64               attachment_id)
{
  Job *job;

  g_return_val_if_fail (PLAZA_IS_CONTRACT_DETAIL (self), FALSE);

  job = g_new0 (Job, 1);
  job->kind = JOB_OPEN_ATTACHMENT;
  job->target = attachment_id;
  return run_job (self, job, g_strdup (_("Opening the attachment…")));
}

gboolean
plaza_contract_detail_export_pdf (PlazaContractDetail *self,
                                  const char          *path)
{
  Job *job;

  g_return_val_if_fail (PLAZA_IS_CONTRACT_DETAIL (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  job = g_new0 (Job, 1);
  job->kind = JOB_EXPORT_PDF;
  job->text = g_strdup (path);
  return run_job (self, job, g_strdup_printf (_("Saved to %s"), path));
}

static void
decide_clicked_cb (GtkButton           *button,
                   PlazaContractDetail *self)
{
  gint64 *target = g_object_get_data (G_OBJECT (button), "plaza-target");
  gboolean approve = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "plaza-approve"));

  if (plaza_contract_detail_decide_amendment (self, *target, approve,
                                              gtk_editable_get_text (GTK_EDITABLE (self->comment_entry))))
    gtk_editable_set_text (GTK_EDITABLE (self->comment_entry), "");
}

static void
open_clicked_cb (GtkButton           *button,
                 PlazaContractDetail *self)
{
  gint64 *target = g_object_get_data (G_OBJECT (button), "plaza-target");

  plaza_contract_detail_open_attachment (self, *target);
}

static void
chooser_response_cb (GtkNativeDialog     *dialog,
                     int                  response,
                     PlazaContractDetail *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path == NULL)
        show_message (self, _("Choose a local file."));
      else if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "plaza-save")))
        plaza_contract_detail_export_pdf (self, path);
      else
        plaza_contract_detail_add_attachment (self, path);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
choose_file (PlazaContractDetail *self,
             gboolean             save)
{
  GtkFileChooserNative *chooser;

  if (self->view == NULL)
    return;
  chooser = gtk_file_chooser_native_new (save ? _("Export PDF") : _("Add Attachment"), GTK_WINDOW (self),
                                         save ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         save ? _("_Save") : _("_Add"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (save)
    {
      g_autofree char *name = g_strdup_printf ("%s.pdf", self->view->code);
      GtkFileFilter *filter = gtk_file_filter_new ();

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      gtk_file_filter_add_pattern (filter, "*.pdf");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
      g_object_unref (filter);
    }
  g_object_set_data (G_OBJECT (chooser), "plaza-save", GINT_TO_POINTER (save));
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
plaza_contract_detail_export_clicked (PlazaContractDetail *self)
{
  choose_file (self, TRUE);
}

void
plaza_contract_detail_add_clicked (PlazaContractDetail *self)
{
  choose_file (self, FALSE);
}

/* The chart and table take rent-engine periods; the stored schedule's rows
 * carry the same amounts. */
GArray *
plaza_contract_detail_rows_to_periods (GArray *rows)
{
  GArray *periods;

  if (rows == NULL)
    return NULL;
  periods = g_array_sized_new (FALSE, TRUE, sizeof (PlazaRentPeriod), rows->len);
  for (guint i = 0; i < rows->len; i++)
    {
      const PlazaScheduleRow *r = &g_array_index (rows, PlazaScheduleRow, i);
      PlazaRentPeriod p = { 0 };

      memcpy (p.month, r->month, sizeof p.month);
      p.from = r->from;
      p.to = r->to;
      p.days = r->days;
      p.rent_days = r->rent_days;
      p.sales = r->sales;
      p.base_rent = r->base_rent;
      p.percentage_rent = r->percentage_rent;
      p.rent = r->rent;
      p.fees = r->fees;
      p.total = r->total;
      g_array_append_val (periods, p);
    }
  return periods;
}

/* Base rent of the current month's row, as the stored schedule has it. */
char *
plaza_contract_detail_rent_this_month (PlazaContractDetail *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *month = g_date_time_format (now, "%Y-%m");

  for (guint i = 0; self->schedule != NULL && i < self->schedule->len; i++)
    {
      const PlazaScheduleRow *r = &g_array_index (self->schedule, PlazaScheduleRow, i);

      if (g_str_equal (r->month, month))
        return plaza_money_format (r->base_rent, TRUE);
    }
  return NULL;
}

/* Says from which month approved amendments govern, and a termination. */
void
plaza_contract_detail_show_schedule_note (PlazaContractDetail *self)
{
  g_autoptr(GString) note = g_string_new (NULL);

  for (guint i = 0; self->schedule != NULL && i < self->schedule->len; i++)
    {
      const PlazaScheduleRow *r = &g_array_index (self->schedule, PlazaScheduleRow, i);

      if (r->event_id != 0)
        {
          g_string_append_printf (note, _("From %s the schedule follows approved amendments."), r->month);
          break;
        }
    }
  if (self->view->terminated_on != NULL)
    {
      if (note->len > 0)
        g_string_append_c (note, ' ');
      g_string_append_printf (note, _("Terminated: nothing is charged after %s."), self->view->terminated_on);
    }
  gtk_label_set_label (self->schedule_note, note->str);
  gtk_widget_set_visible (GTK_WIDGET (self->schedule_note), note->len > 0);
}
