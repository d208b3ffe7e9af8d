/* plaza-share-lease.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The stale-lease dialog: a write failed because a share's lease file was
 * left by a writer that is gone. The worker reads the lease; the dialog
 * names the holder (host, process, last heartbeat and its age) and offers
 * "Break the Lock" (destructive, never the default); the break removes the
 * file only if it still holds exactly what the user was shown.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-lease.h"
#include "plaza-share-dialogs-private.h"

typedef struct
{
  char  *lease_path;
  char  *contents;
  char  *describe;
  gint64 age;
} LeaseInfo;

static void
lease_info_free (gpointer pointer)
{
  LeaseInfo *info = pointer;

  g_free (info->lease_path);
  g_free (info->contents);
  g_free (info->describe);
  g_free (info);
}

static gpointer
read_lease_func (PlazaStore    *store,
                 gpointer       data G_GNUC_UNUSED,
                 GCancellable  *cancellable G_GNUC_UNUSED,
                 GError       **error)
{
  LeaseInfo *info = g_new0 (LeaseInfo, 1);
  PlazaLeaseInfo parsed = { 0 };

  info->lease_path = plaza_lease_path_for (plaza_store_get_path (store));
  if (!plaza_lease_read (info->lease_path, &info->contents, &parsed, error))
    {
      lease_info_free (info);
      return NULL;
    }
  info->describe = plaza_lease_info_describe (&parsed);
  info->age = MAX (0, g_get_real_time () / G_USEC_PER_SEC - parsed.heartbeat);
  plaza_lease_info_clear (&parsed);
  return info;
}

static gpointer
break_lease_func (PlazaStore    *store G_GNUC_UNUSED,
                  gpointer       data,
                  GCancellable  *cancellable G_GNUC_UNUSED,
                  GError       **error)
{
  LeaseInfo *info = data;

  if (!plaza_lease_break (info->lease_path, info->contents, error))
    return NULL;
  return GINT_TO_POINTER (TRUE);
}

static void
break_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(PlazaWindow) window = user_data;
  g_autoptr(GError) error = NULL;
  ShareState *state = plaza_share_get_state (window);

  if (plaza_worker_run_finish (PLAZA_WORKER (source), result, &error) == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        plaza_window_show_error (window, _("The Lock Was Not Broken"), error->message);
      return;
    }
  if (state != NULL)
    plaza_share_toast (state, _("The lock was broken. Save again."));
}

static void
lease_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   PlazaWindow      *window)
{
  ShareState *state = plaza_share_get_state (window);
  LeaseInfo *info = g_object_steal_data (G_OBJECT (dialog), "lease-info");

  if (state != NULL)
    state->lease_dialog_shown = FALSE;
  if (!g_str_equal (response, "break") || state == NULL || state->worker == NULL)
    {
      lease_info_free (info);
      return;
    }
  plaza_worker_run_async (state->worker, break_lease_func, info, lease_info_free, state->cancellable,
                          break_done_cb, g_object_ref (window));
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
               gpointer      user_data)
{
  g_autoptr(PlazaWindow) window = user_data;
  g_autoptr(GError) error = NULL;
  LeaseInfo *info = plaza_worker_run_finish (PLAZA_WORKER (source), result, &error);
  ShareState *state = plaza_share_get_state (window);
  g_autofree char *age = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (state == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (info == NULL)
    {
      /* Gone meanwhile: the holder finished or someone broke it. */
      state->lease_dialog_shown = FALSE;
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

void
plaza_share_show_stale_lease (ShareState *state)
{
  if (state->lease_dialog_shown || state->worker == NULL)
    return;
  state->lease_dialog_shown = TRUE;
  plaza_worker_run_async (state->worker, read_lease_func, NULL, NULL, state->cancellable,
                          lease_read_cb, g_object_ref (state->window));
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

