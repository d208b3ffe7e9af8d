/* test-gui-backups.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Backups window and the share state of the main window, on a small
 * demo: the window names the mode ("Local disk") and another computer's
 * fresh presence file ("PC-2 (王芳)"); Back Up Now makes a verified copy in
 * the chosen (temporary) folder, listed as checked; Verify checks it again;
 * a tenant renamed after the backup gets its old name back through
 * Restore… (whose confirmation names the one change that is lost), and the
 * main window opens the file again.
 */

#define G_LOG_DOMAIN "plaza-test"

#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "plaza-backup.h"
#include "plaza-backups-window.h"
#include "plaza-demo.h"
#include "plaza-presence.h"
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
others_shown (gpointer data)
{
  return plaza_share_get_others (data) != NULL;
}

static gboolean
backups_idle (gpointer data)
{
  return !plaza_backups_window_get_busy (data);
}

static gboolean
one_backup (gpointer data)
{
  return backups_idle (data) && plaza_backups_window_get_n_backups (data) == 1;
}

static gboolean
verified_again (gpointer data)
{
  const char *state = plaza_backups_window_get_backup_state (data, 0);

  return backups_idle (data) && state != NULL && g_str_has_prefix (state, "Verified at ");
}

static AdwMessageDialog *
find_restore_dialog (PlazaBackupsWindow *backups)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data) &&
        gtk_window_get_transient_for (l->data) == GTK_WINDOW (backups) &&
        g_strcmp0 (adw_message_dialog_get_heading (l->data), "Restore This Backup?") == 0)
      return l->data;
  return NULL;
}

static gboolean
restore_asked (gpointer data)
{
  return find_restore_dialog (data) != NULL;
}

typedef struct
{
  PlazaStore *store;
  gint64      id;
  const char *name;
} NameCheck;

static char *
tenant_name (PlazaStore *store,
             gint64      id)
{
  g_autoptr(sqlite3_stmt) stmt = plaza_store_prepare (store, "SELECT name FROM tenants WHERE id = ?", NULL);

  g_assert_nonnull (stmt);
  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static gboolean
name_is (gpointer data)
{
  NameCheck *check = data;
  g_autofree char *name = tenant_name (check->store, check->id);

  return g_strcmp0 (name, check->name) == 0;
}

static gboolean
rename_func (PlazaStore  *store,
             gpointer     data,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = plaza_store_prepare (store, "UPDATE tenants SET name = '改名后', rev = rev + 1 "
                                                             "WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, *(gint64 *) data);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  return plaza_store_log_change (store, "tenant", *(gint64 *) data, "update", "name", error);
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

static void
test_backups (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("plaza-gui-backups-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "mall.plaza", NULL);
  g_autofree char *folder = g_build_filename (dir, "backups", NULL);
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *original = NULL;
  g_autofree char *backup = NULL;
  PlazaPresenceInfo other = { (char *) "PC-2", 4242, (char *) "王芳", 0, 0 };
  PlazaBackupsWindow *backups;
  AdwMessageDialog *dialog;
  const char *body;
  PlazaWindow *window;
  NameCheck check;
  Reopen reopen;
  GDate today;
  gint64 id;

  g_date_set_dmy (&today, 27, 11, 2026);
  store = plaza_store_open (path, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (plaza_demo_generate (store, 1, PLAZA_DEMO_SMALL, &today, &error));
  g_assert_no_error (error);
  id = plaza_test_count (store, "SELECT MIN (id) FROM tenants");
  original = tenant_name (store, id);

  /* Another computer has the file open. */
  other.started = other.heartbeat = g_get_real_time () / G_USEC_PER_SEC;
  g_assert_true (plaza_presence_write (path, &other, &error));
  g_assert_no_error (error);

  g_settings_set_string (settings, "backup-folder", folder);
  window = plaza_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  plaza_window_open (window, path, PLAZA_STORE_OPEN_DEFAULT);
  plaza_test_spin_until (window_opened, window, "the database to open");
  plaza_test_spin_until (others_shown, window, "the other computer to be named");
  g_assert_cmpstr (plaza_share_get_others (window), ==, "PC-2 (王芳)");
  g_assert_cmpstr (plaza_share_get_mode (window), ==, "Local disk");
  g_assert_false (plaza_share_get_fix_shown (window));
  g_assert_false (plaza_share_get_check_failed (window));

  backups = plaza_backups_window_new (window);
  gtk_window_present (GTK_WINDOW (backups));
  plaza_test_spin_until (backups_idle, backups, "the backups to be listed");
  g_assert_cmpuint (plaza_backups_window_get_n_backups (backups), ==, 0);

  /* Back Up Now: a checked copy in the folder. */
  plaza_backups_window_back_up_now (backups);
  plaza_test_spin_until (one_backup, backups, "the backup");
  backup = g_strdup (plaza_backups_window_get_backup_path (backups, 0));
  g_assert_true (g_str_has_prefix (backup, folder));
  g_assert_true (g_str_has_suffix (backup, PLAZA_BACKUP_SUFFIX));
  g_assert_cmpstr (plaza_backups_window_get_backup_state (backups, 0), ==, "Checked when made");
  g_assert_true (plaza_backup_verify (backup, &error));
  g_assert_no_error (error);
  plaza_backups_window_verify (backups, 0);
  plaza_test_spin_until (verified_again, backups, "the backup to be verified");
  plaza_test_shoot (GTK_WIDGET (backups), "backups-window");

  /* A tenant renamed after the backup … */
  g_assert_true (plaza_store_write (store, rename_func, &id, &error));
  g_assert_no_error (error);
  check = (NameCheck) { store, id, "改名后" };
  g_assert_true (name_is (&check));

  /* … has its name back after Restore…, confirmed. */
  reopen.window = window;
  reopen.old_worker = g_object_ref (plaza_window_get_worker (window));
  plaza_backups_window_restore (backups, 0);
  plaza_test_spin_until (restore_asked, backups, "the restore confirmation");
  dialog = find_restore_dialog (backups);
  /* It names what is lost: the one rename, by whoever made it. */
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, "1 change saved in it after the backup, by "));
  g_assert_nonnull (strstr (body, g_get_user_name ()));
  plaza_test_shoot (GTK_WIDGET (dialog), "backups-restore");
  adw_message_dialog_response (dialog, "restore");
  gtk_window_destroy (GTK_WINDOW (dialog));
  check.name = original;
  plaza_test_spin_until (name_is, &check, "the tenant's old name");
  plaza_test_spin_until (reopened, &reopen, "the window to open the restored file");
  g_clear_object (&reopen.old_worker);
  g_assert_true (plaza_store_check (store, TRUE, &error));
  g_assert_no_error (error);

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  plaza_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/gui/backups/back-up-verify-restore", test_backups);
  return g_test_run ();
}
