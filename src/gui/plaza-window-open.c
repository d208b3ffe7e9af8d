/* plaza-window-open.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening files in the main window: the file choosers, a new database, the
 * demo mall (made once in the user's data folder), and the asynchronous
 * open through a fresh PlazaWorker. The window switches to the new worker
 * only when its file is open, so a failed open leaves the old one shown.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <glib/gstdio.h>

#include "plaza-demo.h"
#include "plaza-share-dialogs.h"
#include "plaza-window-private.h"
#include "plaza-window-session.h"

typedef struct
{
  PlazaWindow  *self;
  PlazaWorker  *worker;
  char         *path;
  gboolean      generate_demo;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_object_unref (data->self);
  g_object_unref (data->worker);
  g_free (data->path);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpenData, open_data_free)

static gpointer
generate_demo_func (PlazaStore    *store,
                    gpointer       data G_GNUC_UNUSED,
                    GCancellable  *cancellable G_GNUC_UNUSED,
                    GError       **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
  plaza_demo_generate (store, 1, PLAZA_DEMO_MEDIUM, &today, error);
  return NULL;
}

static void
demo_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(OpenData) data = user_data;
  g_autoptr(GError) error = NULL;

  plaza_worker_run_finish (PLAZA_WORKER (source), result, &error);
  plaza_window_set_busy (data->self, FALSE);
  if (error != NULL)
    {
      /* Leave no half-made demo behind: the next try starts afresh. */
      g_unlink (data->path);
      plaza_window_show_error (data->self, _("Could Not Create the Demo Mall"), error->message);
      return;
    }
  plaza_window_use_worker (data->self, data->worker);
}

static void
open_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(OpenData) data = user_data;
  g_autoptr(GError) error = NULL;
  PlazaWindow *self = data->self;

  if (!plaza_worker_open_finish (PLAZA_WORKER (source), result, &error))
    {
      plaza_window_set_busy (self, FALSE);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* A stale lease: offer to break it, then open again. */
      if (!plaza_share_handle_open_error (self, data->path, error))
        plaza_window_show_open_error (self, data->path, error->message);
      if (self->worker == NULL)
        plaza_window_show_welcome (self);
      return;
    }

  if (data->generate_demo)
    {
      PlazaWorker *worker = data->worker;

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Creating the demo mall…")));
      plaza_worker_run_async (worker, generate_demo_func, NULL, NULL, self->cancellable,
                              demo_done_cb, g_steal_pointer (&data));
      return;
    }

  plaza_window_set_busy (self, FALSE);
  plaza_window_use_worker (self, data->worker);
}

static void
start_open (PlazaWindow         *self,
            const char          *path,
            PlazaStoreOpenFlags  flags,
            gboolean             generate_demo)
{
  OpenData *data = g_new0 (OpenData, 1);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  data->self = g_object_ref (self);
  data->worker = plaza_worker_new ();
  data->path = g_strdup (path);
  data->generate_demo = generate_demo;

  plaza_window_set_busy (self, TRUE);
  plaza_worker_open_async (data->worker, path, flags, self->cancellable, open_done_cb, data);
}

static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     PlazaWindow     *self)
{
  gboolean create = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "plaza-create"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        plaza_window_open (self, path, create ? PLAZA_STORE_OPEN_CREATE : PLAZA_STORE_OPEN_DEFAULT);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
run_chooser (PlazaWindow *self,
             gboolean     create)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Plaza databases"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_filter_add_pattern (filter, "*.sqlite");
  gtk_file_filter_add_pattern (filter, "*.sqlite3");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");

  if (create)
    chooser = gtk_file_chooser_native_new (_("New Database"), GTK_WINDOW (self),
                                           GTK_FILE_CHOOSER_ACTION_SAVE, _("_Create"), _("_Cancel"));
  else
    chooser = gtk_file_chooser_native_new (_("Open a Database"), GTK_WINDOW (self),
                                           GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  if (create)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("mall.db"));
  g_object_set_data (G_OBJECT (chooser), "plaza-create", GINT_TO_POINTER (create));
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
plaza_window_open_action (GtkWidget  *widget,
                          const char *action_name G_GNUC_UNUSED,
                          GVariant   *param G_GNUC_UNUSED)
{
  run_chooser (PLAZA_WINDOW (widget), FALSE);
}

void
plaza_window_new_action (GtkWidget  *widget,
                         const char *action_name G_GNUC_UNUSED,
                         GVariant   *param G_GNUC_UNUSED)
{
  run_chooser (PLAZA_WINDOW (widget), TRUE);
}

void
plaza_window_open_demo_action (GtkWidget  *widget,
                               const char *action_name G_GNUC_UNUSED,
                               GVariant   *param G_GNUC_UNUSED)
{
  plaza_window_open_demo (PLAZA_WINDOW (widget));
}

void
plaza_window_open (PlazaWindow         *self,
                   const char          *path,
                   PlazaStoreOpenFlags  flags)
{
  g_return_if_fail (PLAZA_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  if (!(flags & PLAZA_STORE_OPEN_CREATE) && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *display = g_filename_display_name (path);
      g_autofree char *body = g_strdup_printf (_("There is no file at “%s”. If it is on a network drive, check that the drive is connected."),
                                               display);
      plaza_window_show_open_error (self, path, body);
      if (self->worker == NULL)
        plaza_window_show_welcome (self);
      return;
    }

  start_open (self, path, flags, FALSE);
}

void
plaza_window_open_demo (PlazaWindow *self)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "plaza", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);

  g_return_if_fail (PLAZA_IS_WINDOW (self));

  plaza_window_session_expect_demo (self);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      start_open (self, path, PLAZA_STORE_OPEN_DEFAULT, FALSE);
      return;
    }
  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved = errno;
      plaza_window_show_error (self, _("Could Not Create the Demo Mall"), g_strerror (saved));
      return;
    }
  start_open (self, path, PLAZA_STORE_OPEN_CREATE, TRUE);
}
