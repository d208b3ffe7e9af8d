/* plaza-promotion-editor-actions.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the promotion editor does besides saving the form: the approval
 * steps (submit, approve, reject with a comment, cancel after a
 * confirmation, and Edit, which unlocks an approved plan), the posters
 * (attachments: add with a file chooser, open with the desktop's default
 * application, remove) and the files for the tenants (participation
 * notices as PDF, the participant list as CSV or XLSX). Every step runs in
 * the worker; the window reloads after it.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "plaza-attachment.h"
#include "plaza-promotion-editor-private.h"
#include "plaza-promotion-notice.h"

typedef enum
{
  JOB_STEP,
  JOB_ADD_ATTACHMENT,
  JOB_OPEN_ATTACHMENT,
  JOB_REMOVE_ATTACHMENT,
  JOB_NOTICES,
  JOB_PARTICIPANTS,
} JobKind;

typedef struct
{
  JobKind              kind;
  gint64               id;
  gint64               rev;
  gint64               target;  /* attachment */
  PlazaPromotionAction action;
  char                *text;    /* comment or path */
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
  g_autofree char *path = NULL;

  switch (job->kind)
    {
    case JOB_STEP:
      return plaza_promotion_transition (store, job->id, job->rev, job->action, job->text, error) > 0
             ? GINT_TO_POINTER (1) : NULL;
    case JOB_ADD_ATTACHMENT:
      return plaza_attachment_add (store, "promotion", job->id, job->text, error) > 0 ? GINT_TO_POINTER (1) : NULL;
    case JOB_OPEN_ATTACHMENT:
      attachment = plaza_attachment_get (store, job->target, error);
      if (attachment == NULL || !plaza_attachment_check (store, job->target, error))
        return NULL;
      return plaza_attachment_dup_path (store, attachment);
    case JOB_REMOVE_ATTACHMENT:
      return plaza_attachment_remove (store, "promotion", job->id, job->target, error) ? GINT_TO_POINTER (1) : NULL;
    case JOB_NOTICES:
      return plaza_promotion_write_notices (store, job->id, job->text, error) ? GINT_TO_POINTER (1) : NULL;
    case JOB_PARTICIPANTS:
      return plaza_promotion_write_participants (store, job->id, job->text, error) ? GINT_TO_POINTER (1) : NULL;
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

typedef struct
{
  PlazaPromotionEditor *self;
  JobKind               kind;
  char                 *message;  /* the toast on success */
} JobCall;

static void
job_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  JobCall *call = user_data;
  g_autoptr(PlazaPromotionEditor) self = call->self;
  g_autofree char *message = call->message;
  JobKind kind = call->kind;
  g_autoptr(GError) error = NULL;
  gpointer out = plaza_worker_run_finish (PLAZA_WORKER (source), result, &error);

  g_free (call);
  plaza_promotion_editor_set_busy (self, FALSE);
  if (out == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if (kind == JOB_OPEN_ATTACHMENT)
        g_prefix_error (&error, _("Cannot open the attachment: "));
      else if (kind == JOB_NOTICES || kind == JOB_PARTICIPANTS)
        g_prefix_error (&error, _("The file was not saved: "));
      plaza_promotion_editor_show_error (self, error);
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
          plaza_promotion_editor_show_error (self, error);
          return;
        }
      plaza_promotion_editor_toast (self, message);
      return;
    }
  plaza_promotion_editor_toast (self, message);
  if (kind == JOB_STEP)
    plaza_promotion_editor_emit_saved (self);
  if (kind != JOB_NOTICES && kind != JOB_PARTICIPANTS)
    plaza_promotion_editor_reload (self);
}

static gboolean
run_job (PlazaPromotionEditor *self,
         Job                  *job,
         char                 *message)
{
  JobCall *call;

  if (self->id == 0 || self->busy > 0)
    {
      job_free (job);
      g_free (message);
      return FALSE;
    }
  plaza_promotion_editor_show_error (self, NULL);
  call = g_new0 (JobCall, 1);
  call->self = g_object_ref (self);
  call->kind = job->kind;
  call->message = message;
  job->id = self->id;
  job->rev = self->rev;
  plaza_promotion_editor_set_busy (self, TRUE);
  plaza_worker_run_async (self->worker, job_func, job, (GDestroyNotify) job_free, self->cancellable, job_done_cb,
                          call);
  return TRUE;
}

static Job *
job_new (JobKind     kind,
         gint64      target,
         const char *text)
{
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  job->target = target;
  job->text = g_strdup (text);
  return job;
}

/* The approval steps. */

gboolean
plaza_promotion_editor_step (PlazaPromotionEditor *self,
                             PlazaPromotionAction  action,
                             const char           *comment)
{
  Job *job;
  const char *message;

  g_return_val_if_fail (PLAZA_IS_PROMOTION_EDITOR (self), FALSE);

  if (self->dirty && action != PLAZA_PROMOTION_CANCEL)
    return FALSE;
  job = job_new (JOB_STEP, 0, comment);
  job->action = action;
  switch (action)
    {
    case PLAZA_PROMOTION_SUBMIT:
      message = _("Submitted for approval");
      break;
    case PLAZA_PROMOTION_APPROVE:
      message = _("Promotion approved");
      break;
    case PLAZA_PROMOTION_REJECT:
      message = _("Promotion rejected");
      break;
    case PLAZA_PROMOTION_CANCEL:
    default:
      message = _("Promotion cancelled");
      break;
    }
  if (action == PLAZA_PROMOTION_CANCEL)
    self->dirty = FALSE;
  return run_job (self, job, g_strdup (message));
}

void
plaza_promotion_editor_submit_clicked (PlazaPromotionEditor *self)
{
  plaza_promotion_editor_step (self, PLAZA_PROMOTION_SUBMIT, NULL);
}

void
plaza_promotion_editor_approve_clicked (PlazaPromotionEditor *self)
{
  plaza_promotion_editor_step (self, PLAZA_PROMOTION_APPROVE, NULL);
}

static void
comment_changed_cb (GtkEditable      *entry,
                    AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "reject", *text != '\0');
}

static void
reject_response_cb (AdwMessageDialog     *dialog,
                    const char           *response,
                    PlazaPromotionEditor *self)
{
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (g_str_equal (response, "reject") && *text != '\0')
    plaza_promotion_editor_step (self, PLAZA_PROMOTION_REJECT, text);
}

void
plaza_promotion_editor_reject_clicked (PlazaPromotionEditor *self)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Reject the Promotion?"),
                                              _("Say why, for whoever drew up the plan: the comment is kept in the history."));
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Comment (required)"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "reject", _("_Reject"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reject", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "reject", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "reject");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (entry, "changed", G_CALLBACK (comment_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (reject_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cancel_response_cb (AdwMessageDialog     *dialog G_GNUC_UNUSED,
                    const char           *response,
                    PlazaPromotionEditor *self)
{
  if (g_str_equal (response, "cancel-promotion"))
    plaza_promotion_editor_step (self, PLAZA_PROMOTION_CANCEL, NULL);
}

void
plaza_promotion_editor_cancel_clicked (PlazaPromotionEditor *self)
{
  g_autofree char *heading = g_strdup_printf (_("Cancel Promotion %s?"), self->code != NULL ? self->code : "");
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                              _("A cancelled promotion cannot be edited or approved again; it stays in "
                                                "the list and the history. Unsaved changes are dropped."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "keep", _("_Keep It"),
                                    "cancel-promotion", _("Cancel _Promotion"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "cancel-promotion",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (cancel_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_response_cb (AdwMessageDialog     *dialog G_GNUC_UNUSED,
                  const char           *response,
                  PlazaPromotionEditor *self)
{
  if (!g_str_equal (response, "edit"))
    return;
  self->unlocked = TRUE;
  plaza_promotion_editor_validate (self);
  plaza_promotion_editor_schedule_clash_check (self);
  plaza_promotion_editor_update_state (self);
}

void
plaza_promotion_editor_edit_clicked (PlazaPromotionEditor *self)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Edit the Approved Plan?"),
                                              _("Saving your changes sends the promotion back to Submitted: it must be "
                                                "approved again. Nothing changes until you save."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "edit", _("_Edit"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "edit", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "edit");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (edit_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Attachments. */

static void
attachment_clicked_cb (GtkButton            *button,
                       PlazaPromotionEditor *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "plaza-target");
  gboolean remove = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "plaza-remove"));

  if (remove)
    plaza_promotion_editor_remove_attachment (self, id);
  else
    run_job (self, job_new (JOB_OPEN_ATTACHMENT, id, NULL), g_strdup (_("Opening the attachment…")));
}

static void
row_button (PlazaPromotionEditor *self,
            GtkWidget            *row,
            const char           *label,
            gint64                target,
            gboolean              remove)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);
  gint64 *data = g_new (gint64, 1);

  *data = target;
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  if (remove)
    gtk_widget_add_css_class (button, "flat");
  g_object_set_data_full (G_OBJECT (button), "plaza-target", data, g_free);
  g_object_set_data (G_OBJECT (button), "plaza-remove", GINT_TO_POINTER (remove));
  g_signal_connect (button, "clicked", G_CALLBACK (attachment_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
}

void
plaza_promotion_editor_show_attachments (PlazaPromotionEditor *self)
{
  plaza_promotion_editor_clear_children (GTK_WIDGET (self->attachments));
  for (guint i = 0; self->attachment_list != NULL && i < self->attachment_list->len; i++)
    {
      const PlazaAttachment *a = self->attachment_list->pdata[i];
      const char *problem = self->problems->pdata[i];
      GtkWidget *r = adw_action_row_new ();
      g_autofree char *size = g_format_size (a->size);
      g_autofree char *sub = NULL;

      if (problem != NULL)
        sub = g_strdup_printf ("%s · %s — %s", size, a->added_by, problem);
      else
        sub = g_strdup_printf ("%s · %s · %.10s", size, a->added_by, a->added_at);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (r), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r), a->file_name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (r), sub);
      if (problem != NULL)
        gtk_widget_add_css_class (r, "error");
      row_button (self, r, _("_Open"), a->id, FALSE);
      row_button (self, r, _("_Remove"), a->id, TRUE);
      gtk_list_box_append (self->attachments, r);
    }
  if (self->attachment_list == NULL || self->attachment_list->len == 0)
    {
      GtkWidget *r = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r), _("No posters or files yet"));
      gtk_list_box_append (self->attachments, r);
    }
}

/* Files. */

gboolean
plaza_promotion_editor_add_attachment (PlazaPromotionEditor *self,
                                       const char           *path)
{
  g_autofree char *name = g_path_get_basename (path);

  return run_job (self, job_new (JOB_ADD_ATTACHMENT, 0, path), g_strdup_printf (_("Attached “%s”"), name));
}

gboolean
plaza_promotion_editor_remove_attachment (PlazaPromotionEditor *self,
                                          gint64                attachment_id)
{
  return run_job (self, job_new (JOB_REMOVE_ATTACHMENT, attachment_id, NULL), g_strdup (_("Attachment removed")));
}

gboolean
plaza_promotion_editor_write_file (PlazaPromotionEditor *self,
                                   gboolean              notices,
                                   const char           *path)
{
  return run_job (self, job_new (notices ? JOB_NOTICES : JOB_PARTICIPANTS, 0, path),
                  g_strdup_printf (_("Saved to %s"), path));
}

static void
chooser_response_cb (GtkNativeDialog      *dialog,
                     int                   response,
                     PlazaPromotionEditor *self)
{
  JobKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "plaza-kind"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path == NULL)
        {
          g_autoptr(GError) error = g_error_new_literal (PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                                                         _("Choose a local file."));

          plaza_promotion_editor_show_error (self, error);
        }
      else if (kind == JOB_ADD_ATTACHMENT)
        plaza_promotion_editor_add_attachment (self, path);
      else
        plaza_promotion_editor_write_file (self, kind == JOB_NOTICES, path);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *pattern)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (chooser, filter);
  g_object_unref (filter);
}

static void
choose_file (PlazaPromotionEditor *self,
             JobKind               kind)
{
  gboolean save = kind != JOB_ADD_ATTACHMENT;
  const char *title = kind == JOB_NOTICES ? _("Save the Tenant Notices")
                      : kind == JOB_PARTICIPANTS ? _("Save the Participant List") : _("Add a Poster or File");
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (self->id == 0)
    return;
  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self),
                                         save ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         save ? _("_Save") : _("_Add"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (kind == JOB_NOTICES)
    {
      name = g_strdup_printf ("%s-notices.pdf", self->code);
      add_filter (GTK_FILE_CHOOSER (chooser), _("PDF documents"), "*.pdf");
    }
  else if (kind == JOB_PARTICIPANTS)
    {
      name = g_strdup_printf ("%s-participants.xlsx", self->code);
      add_filter (GTK_FILE_CHOOSER (chooser), _("Excel workbooks (.xlsx)"), "*.xlsx");
      add_filter (GTK_FILE_CHOOSER (chooser), _("CSV files"), "*.csv");
    }
  if (name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data (G_OBJECT (chooser), "plaza-kind", GINT_TO_POINTER (kind));
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
add_attachment_clicked_cb (PlazaPromotionEditor *self)
{
  choose_file (self, JOB_ADD_ATTACHMENT);
}

static void
notices_clicked_cb (PlazaPromotionEditor *self)
{
  choose_file (self, JOB_NOTICES);
}

static void
list_clicked_cb (PlazaPromotionEditor *self)
{
  choose_file (self, JOB_PARTICIPANTS);
}

static GtkWidget *
file_row (AdwPreferencesGroup *group,
          const char          *title,
          const char          *subtitle,
          const char          *label)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_preferences_group_add (group, row);
  return button;
}

void
plaza_promotion_editor_build_files (PlazaPromotionEditor *self,
                                    GtkBox               *page)
{
  GtkWidget *add = gtk_button_new_with_mnemonic (_("A_dd…"));

  self->attach_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->attach_group), _("Posters and Files"));
  gtk_widget_add_css_class (add, "flat");
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (add_attachment_clicked_cb), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self->attach_group), add);
  self->attachments = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->attachments, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->attachments), "boxed-list");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->attach_group), GTK_WIDGET (self->attachments));
  gtk_box_append (page, self->attach_group);

  self->files_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->files_group), _("For the Tenants"));
  self->notices_button = file_row (ADW_PREFERENCES_GROUP (self->files_group), _("Participation notices"),
                                   _("One A4 page per tenant that has not declined, in Chinese, with its offer and fee."),
                                   _("Tenant _Notices (PDF)…"));
  g_signal_connect_swapped (self->notices_button, "clicked", G_CALLBACK (notices_clicked_cb), self);
  self->list_button = file_row (ADW_PREFERENCES_GROUP (self->files_group), _("Participant list"),
                                _("Contacts, phones, units, offers, answers and fees, for phoning and visits."),
                                _("Participant _List (CSV/XLSX)…"));
  g_signal_connect_swapped (self->list_button, "clicked", G_CALLBACK (list_clicked_cb), self);
  gtk_box_append (page, self->files_group);

  self->cancel_group = adw_preferences_group_new ();
  self->cancel_button = file_row (ADW_PREFERENCES_GROUP (self->cancel_group), _("Cancel the promotion"),
                                  _("It stays in the list and the history, but cannot be edited or approved again."),
                                  _("Cancel _Promotion…"));
  gtk_widget_add_css_class (self->cancel_button, "destructive-action");
  g_signal_connect_swapped (self->cancel_button, "clicked", G_CALLBACK (plaza_promotion_editor_cancel_clicked), self);
  gtk_box_append (page, self->cancel_group);
}
