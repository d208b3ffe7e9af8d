/* plaza-share-lease.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The stale-lease dialog: a write failed because a share's lease file was
 * left by a writer that is gone. The worker reads the lease; the dialog
 * names the holder (host, process, last heartbeat and its age) and offers
 * "Break the Lock" (destructive, never the default); the break removes the
 * file only if it still holds exactly what the user was shown. Met while
 * opening a file, the break is followed by opening it again.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-lease.h"
#include "plaza-share-dialogs-private.h"

typedef struct
{
  char  *db_path;
  char  *lease_path;
  char  *contents;
  char  *describe;
  gint64 age;
  gboolean reopen;      /* met while opening: open the file after the break */
} LeaseInfo;

static void
lease_info_free (gpointer pointer)
{
  LeaseInfo *info = pointer;

  if (info == NULL)
    return;
  g_free (info->db_path);
  g_free (info->lease_path);
  g_free (info->contents);
  g_free (info->describe);
  g_free (info);
}

/* The lease is a file beside the database: read and broken in a thread of
 * its own (no SQLite), so it works while opening too, before any store. */
static void
read_lease_thread (GTask        *task,
                   gpointer      source G_GNUC_UNUSED,
                   gpointer      task_data,
                   GCancellable *cancellable G_GNUC_UNUSED)
{
  LeaseInfo *request = task_data;
  LeaseInfo *info = g_new0 (LeaseInfo, 1);
  PlazaLeaseInfo parsed = { 0 };
  GError *error = NULL;

  info->db_path = g_strdup (request->db_path);
  info->reopen = request->reopen;
  info->lease_path = plaza_lease_path_for (info->db_path);
  if (!plaza_lease_read (info->lease_path, &info->contents, &parsed, &error))
    {
      lease_info_free (info);
      g_task_return_error (task, error);
      return;
    }
  info->describe = plaza_lease_info_describe (&parsed);
  info->age = MAX (0, g_get_real_time () / G_USEC_PER_SEC - parsed.heartbeat);
  plaza_lease_info_clear (&parsed);
  g_task_return_pointer (task, info, lease_info_free);
}

static void
break_lease_thread (GTask        *task,
                    gpointer      source G_GNUC_UNUSED,
                    gpointer      task_data,
                    GCancellable *cancellable G_GNUC_UNUSED)
{
  LeaseInfo *info = task_data;
  GError *error = NULL;

  if (!plaza_lease_break (info->lease_path, info->contents, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
set_dialog_shown (PlazaWindow *window,
                  gboolean     shown)
{
  ShareState *state = plaza_share_get_state (window);

  if (state != NULL)
    state->lease_dialog_shown = shown;
}

static void
break_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data G_GNUC_UNUSED)
{
  PlazaWindow *window = PLAZA_WINDOW (source);
  LeaseInfo *info = g_task_get_task_data (G_TASK (result));
  ShareState *state = plaza_share_get_state (window);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      plaza_window_show_error (window, _("The Lock Was Not Broken"), error->message);
      return;
    }
  if (info->reopen)
    plaza_window_open (window, info->db_path, PLAZA_STORE_OPEN_DEFAULT);
  else if (state != NULL)
    plaza_share_toast (state, _("The lock was broken. Save again."));
}

static void
lease_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   PlazaWindow      *window)
{
  LeaseInfo *info = g_object_steal_data (G_OBJECT (dialog), "lease-info");
  g_autoptr(GTask) task = NULL;

  set_dialog_shown (window, FALSE);
  if (!g_str_equal (response, "break") || info == NULL)
    {
      lease_info_free (info);
      return;
    }
  task = g_task_new (window, NULL, break_done_cb, NULL);
  g_task_set_task_data (task, info, lease_info_free);
  g_task_run_in_thread (task, break_lease_thread);
}

static char *
format_age (gint64 seconds)
{
  if (seconds < 120)
    return g_strdup_printf (ngettext ("%d second", "%d seconds", seconds), (int) seconds);
  if (seconds < 2 * 3600)
    return g_strdup_printf (ngettext ("%d minute", "%d minutes", seconds / 60),
                            (int) (seconds / 60));
  return g_strdup_printf (ngettext ("%d hour", "%d hours", seconds / 3600),
                          (int) (seconds / 3600));
}

static void
lease_read_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data G_GNUC_UNUSED)
{
  PlazaWindow *window = PLAZA_WINDOW (source);
  g_autoptr(GError) error = NULL;
  LeaseInfo *info = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *age = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (info == NULL)
    {
      ShareState *state = plaza_share_get_state (window);
      LeaseInfo *request = g_task_get_task_data (G_TASK (result));

      /* Gone meanwhile: the holder finished or someone broke it. */
      set_dialog_shown (window, FALSE);
      if (request->reopen)
        plaza_window_open (window, request->db_path, PLAZA_STORE_OPEN_DEFAULT);
      else if (state != NULL)
        plaza_share_toast (state, _("The lock was released. Save again."));
      return;
    }

  age = format_age (info->age);
  body = g_strdup_printf (_("%s Its last heartbeat was %s ago.\n\n"
                            "Break the lock only if Plaza is no longer running there: a save still in "
                            "progress on that computer would be damaged."),
                          info->describe, age);
  dialog = adw_message_dialog_new (GTK_WINDOW (window), _("The File Is Locked"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "break", _("_Break the Lock"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "break", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "lease-info", info, lease_info_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (lease_response_cb), window, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
start_lease_dialog (PlazaWindow *window,
                    const char  *db_path,
                    gboolean     reopen)
{
  ShareState *state = plaza_share_get_state (window);
  g_autoptr(GTask) task = NULL;
  LeaseInfo *request;

  if (state == NULL || state->lease_dialog_shown || db_path == NULL)
    return;
  state->lease_dialog_shown = TRUE;
  request = g_new0 (LeaseInfo, 1);
  request->db_path = g_strdup (db_path);
  request->reopen = reopen;
  task = g_task_new (window, NULL, lease_read_cb, NULL);
  g_task_set_task_data (task, request, lease_info_free);
  g_task_run_in_thread (task, read_lease_thread);
}

void
plaza_share_show_stale_lease (ShareState *state)
{
  if (state->worker != NULL)
    start_lease_dialog (state->window, plaza_worker_get_path (state->worker), FALSE);
}

gboolean
plaza_share_handle_open_error (PlazaWindow  *window,
                               const char   *path,
                               const GError *error)
{
  if (!g_error_matches (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_STALE_LEASE))
    return FALSE;
  start_lease_dialog (window, path, TRUE);
  return TRUE;
}

gboolean
plaza_share_handle_error (GtkWidget    *widget,
                          const GError *error)
{
  GtkRoot *root;
  GtkWindow *window;
  ShareState *state = NULL;

  if (!g_error_matches (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_STALE_LEASE))
    return FALSE;

  root = widget != NULL ? gtk_widget_get_root (widget) : NULL;
  window = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
  while (window != NULL && !PLAZA_IS_WINDOW (window))
    window = gtk_window_get_transient_for (window);
  if (window != NULL)
    state = plaza_share_get_state (PLAZA_WINDOW (window));
  if (state != NULL)
    plaza_share_show_stale_lease (state);
  return TRUE;
}

