/* plaza-backups-window-restore.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Backups window's Restore…: first what would be lost (the changes
 * saved after the backup and who saved them, plaza-restore-loss.h, in the
 * worker), then "Restore This Backup?" naming it; confirmed,
 * plaza_backup_restore() copies the backup into the live file under its
 * write lock and the main window opens the file again.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-backup.h"
#include "plaza-backups-window-private.h"
#include "plaza-restore-loss.h"

static gpointer
restore_func (PlazaStore    *store,
              gpointer       data,
              GCancellable  *cancellable G_GNUC_UNUSED,
              GError       **error)
{
  if (!plaza_backup_restore (store, data, error))
    return NULL;
  return GINT_TO_POINTER (TRUE);
}

static void
restore_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PlazaBackupsWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  PlazaWindow *parent = self->parent;

  if (plaza_worker_run_finish (PLAZA_WORKER (source), result, &error) == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      plaza_backups_window_set_busy (self, FALSE);
      plaza_backups_window_show_error (self, _("The Backup Was Not Restored"), error);
      return;
    }
  plaza_backups_window_set_busy (self, FALSE);
  /* Every page reads the restored file: open it again. */
  adw_toast_overlay_add_toast (parent->toast_overlay, adw_toast_new (_("The backup was restored.")));
  plaza_window_open (parent, self->db_path, PLAZA_STORE_OPEN_DEFAULT);
  gtk_window_close (GTK_WINDOW (self));
}

static void
restore_response_cb (AdwMessageDialog   *dialog,
                     const char         *response,
                     PlazaBackupsWindow *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "backup-path");

  if (!g_str_equal (response, "restore") || path == NULL)
    return;
  plaza_backups_window_set_busy (self, TRUE);
  plaza_worker_run_async (self->worker, restore_func, g_strdup (path), g_free, self->cancellable,
                          restore_done_cb, g_object_ref (self));
}

typedef struct
{
  char   *path;
  char   *when;
  guint   n_changes;
  char  **people;
} LossCall;

static void
loss_call_free (gpointer pointer)
{
  LossCall *call = pointer;

  g_free (call->path);
  g_free (call->when);
  g_strfreev (call->people);
  g_free (call);
}

/* In the worker: what the restore would lose. */
static gpointer
loss_func (PlazaStore    *store,
           gpointer       data,
           GCancellable  *cancellable G_GNUC_UNUSED,
           GError       **error)
{
  LossCall *call = data;

  if (!plaza_restore_loss (store, call->path, &call->n_changes, &call->people, error))
    return NULL;
  return GINT_TO_POINTER (TRUE);
}

typedef struct
{
  PlazaBackupsWindow *self;
  LossCall           *call;
} LossHold;

static void
loss_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  LossHold *hold = user_data;
  g_autoptr(PlazaBackupsWindow) self = hold->self;
  LossCall *call = hold->call;
  g_autoptr(GError) error = NULL;
  g_autofree char *file = NULL;
  g_autofree char *lost = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  g_free (hold);
  if (plaza_worker_run_finish (PLAZA_WORKER (source), result, &error) == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          plaza_backups_window_set_busy (self, FALSE);
          plaza_backups_window_show_error (self, _("The Backup Was Not Restored"), error);
        }
      loss_call_free (call);
      return;
    }
  plaza_backups_window_set_busy (self, FALSE);

  file = g_filename_display_basename (self->db_path);
  if (call->n_changes == 0)
    lost = g_strdup (_("No change was saved in it after the backup."));
  else
    {
      /* Translators: separates the people in "…, by 王芳, 陈强, are lost." */
      g_autofree char *people = g_strjoinv (_(", "), call->people);

      lost = g_strdup_printf (ngettext ("%u change saved in it after the backup, by %s, is lost.",
                                        "%u changes saved in it after the backup, by %s, are lost.",
                                        call->n_changes),
                              call->n_changes, people);
    }
  body = g_strdup_printf (_("“%s” is replaced by the backup of %s. %s\n\n"
                            "Other computers that have the file open must close and reopen it."),
                          file, call->when, lost);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restore This Backup?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "restore", _("_Restore"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "backup-path", g_steal_pointer (&call->path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  loss_call_free (call);
}

void
plaza_backups_window_restore (PlazaBackupsWindow *self,
                              guint               index)
{
  PlazaBackupInfo *info;
  LossHold *hold;

  g_return_if_fail (PLAZA_IS_BACKUPS_WINDOW (self));
  g_return_if_fail (self->backups != NULL && index < self->backups->len);

  if (!plaza_backups_window_may_restore (self))
    return;

  info = g_ptr_array_index (self->backups, index);
  hold = g_new0 (LossHold, 1);
  hold->self = g_object_ref (self);
  hold->call = g_new0 (LossCall, 1);
  hold->call->path = g_strdup (info->path);
  hold->call->when = g_date_time_format (info->taken, "%Y-%m-%d %H:%M:%S");
  plaza_backups_window_set_busy (self, TRUE);
  /* The call lives in the hold until the callback frees it. */
  plaza_worker_run_async (self->worker, loss_func, hold->call, NULL, self->cancellable,
                          loss_done_cb, hold);
}

