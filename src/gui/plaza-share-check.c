/* plaza-share-check.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The check on opening: PRAGMA quick_check on the file the window opened,
 * and the banner with guidance when it finds damage.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-backup.h"
#include "plaza-backups-window.h"
#include "plaza-share-dialogs-private.h"

/* quick_check reads every page (5 s for the 140 MB large demo): where
 * SQLite's own locks work it runs on a connection of its own in a thread,
 * so the worker keeps serving the pages; where they stay local it runs in
 * the worker, whose reads go through the lease's VFS. */
typedef struct
{
  char     *db_path;
  char     *backup_folder;
  gboolean  ok;
  char     *message;
} CheckCall;

static void
check_call_free (gpointer pointer)
{
  CheckCall *call = pointer;

  g_free (call->db_path);
  g_free (call->backup_folder);
  g_free (call->message);
  g_free (call);
}

static void
show_check (PlazaWindow *window,
            PlazaWorker *worker,
            CheckCall   *call)
{
  ShareState *state = plaza_share_get_state (window);

  if (state == NULL || state->worker != worker)
    return;
  state->check_failed = !call->ok;
  if (state->check_failed)
    {
      g_autofree char *text =
        g_strdup_printf (_("The check on opening found damage. Make a copy of the file before "
                           "anything else; Backups… lists the backups to restore.\n%s"),
                         call->message != NULL ? call->message : "");
      gtk_label_set_label (state->check_label, text);
    }
  gtk_revealer_set_reveal_child (state->check_revealer, state->check_failed);
}

static gpointer
check_in_worker_func (PlazaStore    *store,
                      gpointer       data,
                      GCancellable  *cancellable G_GNUC_UNUSED,
                      GError       **error G_GNUC_UNUSED)
{
  CheckCall *call = data;

  call->ok = plaza_backup_quick_check (store, call->backup_folder, &call->message);
  return GINT_TO_POINTER (TRUE);
}

typedef struct
{
  PlazaWindow *window;
  CheckCall   *call;
} CheckHold;

static void
check_hold_free (gpointer pointer)
{
  CheckHold *hold = pointer;

  g_object_unref (hold->window);
  check_call_free (hold->call);
  g_free (hold);
}

static void
check_in_worker_done_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  CheckHold *hold = user_data;

  if (plaza_worker_run_finish (PLAZA_WORKER (source), result, NULL) != NULL)
    show_check (hold->window, PLAZA_WORKER (source), hold->call);
  check_hold_free (hold);
}

static void
check_thread (GTask        *task,
              gpointer      source G_GNUC_UNUSED,
              gpointer      task_data,
              GCancellable *cancellable G_GNUC_UNUSED)
{
  CheckCall *call = task_data;

  call->ok = plaza_backup_quick_check_file (call->db_path, call->backup_folder, &call->message);
  g_task_return_boolean (task, TRUE);
}

static void
check_thread_done_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  PlazaWorker *worker = user_data;   /* only compared, never used */

  if (g_task_propagate_boolean (G_TASK (result), NULL))
    show_check (PLAZA_WINDOW (source), worker, g_task_get_task_data (G_TASK (result)));
}

void
plaza_share_start_check (ShareState *state)
{
  CheckCall *call = g_new0 (CheckCall, 1);
  GTask *task;

  call->db_path = g_strdup (plaza_worker_get_path (state->worker));
  call->backup_folder = plaza_backups_get_folder (state->window->settings);
  if (state->uses_lease)
    {
      CheckHold *hold = g_new0 (CheckHold, 1);

      hold->window = g_object_ref (state->window);
      hold->call = call;
      plaza_worker_run_async (state->worker, check_in_worker_func, call, NULL, state->cancellable,
                              check_in_worker_done_cb, hold);
      return;
    }
  task = g_task_new (state->window, state->cancellable, check_thread_done_cb, state->worker);
  g_task_set_task_data (task, call, check_call_free);
  g_task_run_in_thread (task, check_thread);
  g_object_unref (task);
}

