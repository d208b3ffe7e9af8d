/* test-gui-share.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The share dialogs of the main window (PLAZA_FORCE_LOCATION stands in for
 * the mounts): a file left in WAL mode on a network share opens read-only
 * with the bar's Fix…, and the confirmed fix opens it again writable in
 * DELETE mode; on a share whose locks stay local (fuse), a write that
 * meets a stale lease shows "The File Is Locked" naming the holder, and
 * "Break the Lock" removes exactly that lease file; met while opening, the
 * same dialog, and the file opens writable after the break; a damaged
 * page found by the check on opening shows the banner.
 */

#define G_LOG_DOMAIN "plaza-test"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <adwaita.h>

#include "plaza-demo.h"
#include "plaza-lease.h"
#include "plaza-share-dialogs.h"
#include "plaza-window.h"
#include "test-util.h"

#define TIMEOUT_S 120
#include "test-gui-util.h"

static gboolean
window_opened (gpointer data)
{
  return !plaza_window_get_busy (data) && plaza_window_get_path (data) != NULL;
}

static gboolean
fix_shown (gpointer data)
{
  return plaza_share_get_fix_shown (data);
}

typedef struct
{
  PlazaWindow *window;
  PlazaWorker *old_worker;
} Reopen;

static gboolean
reopened (gpointer data)
{
  Reopen *reopen = data;

  return window_opened (reopen->window) && plaza_window_get_worker (reopen->window) != reopen->old_worker;
}

static char *
make_demo (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaStore) store = NULL;
  char *path = g_build_filename (dir, "mall.plaza", NULL);
  GDate today;

  g_date_set_dmy (&today, 27, 11, 2026);
  store = plaza_store_open (path, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  plaza_demo_generate (store, 1, PLAZA_DEMO_SMALL, &today, &error);
  g_assert_no_error (error);
  return path;
}

/* The same, as a file on a share would be: a rollback journal. Made
 * before PLAZA_FORCE_LOCATION is set, so the demo's own writes do not go
 * through the lease (see the report: leased demo writes in a process whose
 * earlier window had just closed failed a foreign key now and then). */
static char *
make_demo_for_share (const char *dir)
{
  char *path = make_demo (dir);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  return path;
}

static char *
journal_mode (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *mode;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  mode = g_ascii_strdown ((const char *) sqlite3_column_text (stmt, 0), -1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return mode;
}

static void
test_wal_fix (void)
{
  g_autofree char *dir = g_dir_make_tmp ("plaza-gui-share-XXXXXX", NULL);
  g_autofree char *path = make_demo (dir);
  g_autofree char *mode = NULL;
  sqlite3 *db = NULL;
  AdwMessageDialog *dialog;
  PlazaWindow *window;
  Reopen reopen;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_setenv ("PLAZA_FORCE_LOCATION", "network", TRUE);
  window = plaza_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  plaza_window_open (window, path, PLAZA_STORE_OPEN_DEFAULT);
  plaza_test_spin_until (window_opened, window, "the database to open");
  g_assert_true (plaza_worker_is_read_only (plaza_window_get_worker (window)));
  plaza_test_spin_until (fix_shown, window, "the Fix button");
  g_assert_cmpstr (plaza_share_get_mode (window), ==, "Read only");
  plaza_test_shoot (GTK_WIDGET (window), "share-wal-read-only");

  reopen.window = window;
  reopen.old_worker = g_object_ref (plaza_window_get_worker (window));
  dialog = plaza_share_ask_fix (window);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "fix");
  gtk_window_destroy (GTK_WINDOW (dialog));
  plaza_test_spin_until (reopened, &reopen, "the file to open again");
  g_clear_object (&reopen.old_worker);
  g_assert_false (plaza_worker_is_read_only (plaza_window_get_worker (window)));
  g_assert_false (plaza_share_get_fix_shown (window));
  g_assert_cmpstr (plaza_share_get_mode (window), ==, "Network share");

  gtk_window_destroy (GTK_WINDOW (window));
  g_unsetenv ("PLAZA_FORCE_LOCATION");
  mode = journal_mode (path);
  g_assert_cmpstr (mode, ==, "delete");
  plaza_test_remove_tree (dir);
}

/* The dialog with @heading over @parent. */
static GtkWindow *
find_dialog (PlazaWindow *parent,
             const char  *heading)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data) &&
        gtk_window_get_transient_for (l->data) == GTK_WINDOW (parent) &&
        g_strcmp0 (adw_message_dialog_get_heading (l->data), heading) == 0)
      return l->data;
  return NULL;
}

static gboolean
lock_dialog_shown (gpointer data)
{
  return find_dialog (data, "The File Is Locked") != NULL;
}

static gboolean
file_gone (gpointer data)
{
  return !g_file_test (data, G_FILE_TEST_EXISTS);
}

static gpointer
write_setting_func (PlazaStore    *store,
                    gpointer       data G_GNUC_UNUSED,
                    GCancellable  *cancellable G_GNUC_UNUSED,
                    GError       **error)
{
  if (!plaza_store_set_setting (store, "mall.motto", "一起", error))
    return NULL;
  return GINT_TO_POINTER (TRUE);
}

static void
write_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GError **error = user_data;

  g_assert_null (plaza_worker_run_finish (PLAZA_WORKER (source), result, error));
}

static gboolean
error_set (gpointer data)
{
  return *(GError **) data != NULL;
}

static void
test_stale_lease (void)
{
  g_autofree char *dir = g_dir_make_tmp ("plaza-gui-share-XXXXXX", NULL);
  g_autofree char *path = NULL;
  g_autofree char *lease = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) write_error = NULL;
  GtkWindow *dialog;
  PlazaWindow *window;

  path = make_demo_for_share (dir);
  g_setenv ("PLAZA_FORCE_LOCATION", "fuse", TRUE);
  lease = plaza_lease_path_for (path);
  window = plaza_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  plaza_window_open (window, path, PLAZA_STORE_OPEN_DEFAULT);
  plaza_test_spin_until (window_opened, window, "the database to open");
  g_assert_cmpstr (plaza_worker_get_read_only_reason (plaza_window_get_worker (window)), ==, NULL);
  g_assert_false (plaza_worker_is_read_only (plaza_window_get_worker (window)));

  /* A writer on this computer that died an hour ago left its lease. */
  contents = g_strdup_printf ("plaza-lease 1\nhost=%s\npid=2147483000\ntime=%lld\ntoken=deadbeef\n",
                              g_get_host_name (), (long long) (g_get_real_time () / G_USEC_PER_SEC - 3600));
  g_assert_true (g_file_set_contents (lease, contents, -1, NULL));

  plaza_worker_run_async (plaza_window_get_worker (window), write_setting_func, NULL, NULL, NULL,
                          write_done_cb, &write_error);
  plaza_test_spin_until (error_set, &write_error, "the write to fail");
  g_assert_error (write_error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_STALE_LEASE);
  /* Pages route their errors here too: one dialog, however many report it. */
  g_assert_true (plaza_share_handle_error (GTK_WIDGET (window), write_error));
  plaza_test_spin_until (lock_dialog_shown, window, "the lock dialog");
  dialog = find_dialog (window, "The File Is Locked");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), g_get_host_name ()));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "2147483000"));
  plaza_test_shoot (GTK_WIDGET (dialog), "share-stale-lease");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "break");
  gtk_window_destroy (dialog);
  plaza_test_spin_until (file_gone, lease, "the lease to be broken");

  gtk_window_destroy (GTK_WINDOW (window));
  g_unsetenv ("PLAZA_FORCE_LOCATION");
  plaza_test_remove_tree (dir);
}

static gboolean
writable_open (gpointer data)
{
  return window_opened (data) && !plaza_worker_is_read_only (plaza_window_get_worker (data));
}

/* Met while opening: the same dialog, and the file opens after the break. */
static void
test_stale_lease_on_open (void)
{
  g_autofree char *dir = g_dir_make_tmp ("plaza-gui-share-XXXXXX", NULL);
  g_autofree char *path = NULL;
  g_autofree char *lease = NULL;
  g_autofree char *contents = NULL;
  GtkWindow *dialog;
  PlazaWindow *window;

  path = make_demo_for_share (dir);
  g_setenv ("PLAZA_FORCE_LOCATION", "fuse", TRUE);
  lease = plaza_lease_path_for (path);
  contents = g_strdup_printf ("plaza-lease 1\nhost=%s\npid=2147483000\ntime=%lld\ntoken=cafe\n",
                              g_get_host_name (), (long long) (g_get_real_time () / G_USEC_PER_SEC - 600));
  g_assert_true (g_file_set_contents (lease, contents, -1, NULL));

  window = plaza_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  plaza_window_open (window, path, PLAZA_STORE_OPEN_DEFAULT);
  plaza_test_spin_until (lock_dialog_shown, window, "the lock dialog");
  g_assert_null (plaza_window_get_path (window));
  dialog = find_dialog (window, "The File Is Locked");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "break");
  gtk_window_destroy (dialog);
  plaza_test_spin_until (writable_open, window, "the file to open after the break");
  g_assert_cmpstr (plaza_window_get_path (window), ==, path);

  gtk_window_destroy (GTK_WINDOW (window));
  g_unsetenv ("PLAZA_FORCE_LOCATION");
  plaza_test_remove_tree (dir);
}

static gboolean
check_failed (gpointer data)
{
  return plaza_share_get_check_failed (data);
}

/* quick_check on opening: one damaged index page, the banner. */
static void
test_damage_banner (void)
{
  g_autofree char *dir = g_dir_make_tmp ("plaza-gui-share-XXXXXX", NULL);
  g_autofree char *path = make_demo (dir);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 page_size, root;
  FILE *file;
  PlazaWindow *window;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT (SELECT page_size FROM pragma_page_size), rootpage "
                                       "FROM sqlite_master WHERE name = 'sqlite_autoindex_tenant_reviews_1'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  page_size = sqlite3_column_int64 (stmt, 0);
  root = sqlite3_column_int64 (stmt, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpint (root, >, 1);

  /* Not a b-tree page type any more. */
  file = fopen (path, "r+b");
  g_assert_nonnull (file);
  g_assert_cmpint (fseek (file, (long) ((root - 1) * page_size), SEEK_SET), ==, 0);
  g_assert_cmpint (fputc (0x0b, file), ==, 0x0b);
  fclose (file);

  window = plaza_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  plaza_window_open (window, path, PLAZA_STORE_OPEN_DEFAULT);
  plaza_test_spin_until (window_opened, window, "the database to open");
  plaza_test_spin_until (check_failed, window, "the damage banner");
  plaza_test_shoot (GTK_WIDGET (window), "share-damaged");

  gtk_window_destroy (GTK_WINDOW (window));
  plaza_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/gui/share/wal-fix", test_wal_fix);
  g_test_add_func ("/gui/share/stale-lease", test_stale_lease);
  g_test_add_func ("/gui/share/stale-lease-on-open", test_stale_lease_on_open);
  g_test_add_func ("/gui/share/damage-banner", test_damage_banner);
  return g_test_run ();
}
