/* test-restore-loss.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a restore would lose (plaza-restore-loss.h), on hand-made changes:
 * nothing right after a backup (its own "backup.last" does not count);
 * then two changes by 王芳 and one by 陈强: three changes, 王芳 first; a
 * backup made after them loses nothing; a file that is not a database is
 * refused.
 */

#define G_LOG_DOMAIN "plaza-test"

#include "config.h"

#include <glib.h>

#include "plaza-backup.h"
#include "plaza-restore-loss.h"
#include "test-util.h"

static gboolean
change_func (PlazaStore  *store,
             gpointer     data,
             GError     **error)
{
  return plaza_store_log_change (store, "tenant", 7, "update", data, error);
}

static void
change_as (PlazaStore *store,
           const char *user,
           const char *summary)
{
  g_autoptr(GError) error = NULL;

  plaza_store_set_user (store, user);
  g_assert_true (plaza_store_write (store, change_func, (gpointer) summary, &error));
  g_assert_no_error (error);
}

static void
test_loss (void)
{
  g_autofree char *dir = g_dir_make_tmp ("plaza-restore-loss-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "mall.plaza", NULL);
  g_autofree char *folder = g_build_filename (dir, "backups", NULL);
  g_autofree char *junk = g_build_filename (dir, "junk.plaza-backup", NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaStore) store = NULL;
  g_auto(GStrv) people = NULL;
  guint n = 99;

  store = plaza_store_open (path, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  change_as (store, "张伟", "name: A → B");
  g_assert_true (plaza_backup_create (store, folder, 0, &first, &error));
  g_assert_no_error (error);

  /* Right after the backup: nothing (its backup.last is bookkeeping). */
  g_assert_true (plaza_restore_loss (store, first, &n, &people, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpuint (g_strv_length (people), ==, 0);
  g_clear_pointer (&people, g_strfreev);

  change_as (store, "王芳", "name: B → C");
  change_as (store, "陈强", "phone: 1 → 2");
  change_as (store, "王芳", "name: C → D");
  g_assert_true (plaza_restore_loss (store, first, &n, &people, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpuint (g_strv_length (people), ==, 2);
  g_assert_cmpstr (people[0], ==, "王芳");
  g_assert_cmpstr (people[1], ==, "陈强");

  /* Without the names. */
  n = 99;
  g_assert_true (plaza_restore_loss (store, first, &n, NULL, &error));
  g_assert_cmpuint (n, ==, 3);

  /* A newer backup loses nothing. */
  g_assert_true (plaza_backup_create (store, folder, 0, &second, &error));
  g_assert_no_error (error);
  g_assert_true (plaza_restore_loss (store, second, &n, NULL, &error));
  g_assert_cmpuint (n, ==, 0);

  g_assert_true (g_file_set_contents (junk, "not a database at all, not at all", -1, NULL));
  g_assert_false (plaza_restore_loss (store, junk, &n, NULL, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_A_DATABASE);

  g_clear_object (&store);
  plaza_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/restore-loss/changes-after-the-backup", test_loss);
  return g_test_run ();
}
