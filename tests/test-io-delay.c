/* test-io-delay.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PLAZA_IO_DELAY_MS slows the store down and changes nothing else.
 */

#define G_LOG_DOMAIN "plaza-test"

#include "config.h"

#include <glib/gstdio.h>

#include "plaza-core.h"

static void
test_delay (void)
{
  g_autofree char *dir = g_dir_make_tmp ("plaza-delay-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "slow.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaStore) store = NULL;
  g_autofree char *value = NULL;
  gint64 started, elapsed;

  g_assert_cmpstr (plaza_io_delay_vfs_ensure (), ==, PLAZA_IO_DELAY_VFS_NAME);
  g_assert_cmpuint (plaza_io_delay_vfs_get_delay_ms (), ==, 20);

  started = g_get_monotonic_time ();
  store = plaza_store_open (path, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (plaza_store_set_setting (store, "mall.name", "慢速广场", &error));
  g_assert_no_error (error);
  value = plaza_store_get_setting (store, "mall.name");
  elapsed = g_get_monotonic_time () - started;

  /* The data is intact … */
  g_assert_cmpstr (value, ==, "慢速广场");
  g_assert_true (plaza_store_check (store, TRUE, &error));
  /* … and it took at least a few delays (a lower bound only). */
  g_assert_cmpint (elapsed, >=, 5 * 20 * 1000);

  g_clear_object (&store);
  g_remove (wal);
  g_remove (shm);
  g_remove (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  /* Before anything opens a database. */
  g_setenv ("PLAZA_IO_DELAY_MS", "20", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/io-delay", test_delay);

  return g_test_run ();
}
