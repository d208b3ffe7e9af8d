/* test-util.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Small helpers every test program shares.
 */

#pragma once

#include <glib/gstdio.h>

#include "plaza-store.h"

/* Removes @dir and everything below it. */
static inline void
plaza_test_remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        plaza_test_remove_tree (path);
      else
        g_remove (path);
    }
  g_rmdir (dir);
}

/* The single integer a query returns. */
static inline gint64
plaza_test_count (PlazaStore *store,
                  const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = plaza_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* Runs $PLAZACTL with @args (NULL-terminated) and returns its exit status
 * (0 for success); @out and @err (may be NULL) get what it printed. */
static inline int
plaza_test_run_plazactl (const char * const  *args,
                         char               **out,
                         char               **err)
{
  const char *plazactl = g_getenv ("PLAZACTL");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *unread_out = NULL;
  g_autofree char *unread_err = NULL;
  int wait_status = 0;

  g_assert_nonnull (plazactl);
  g_ptr_array_add (argv, (gpointer) plazactl);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  /* What the caller does not read is still captured: plazactl's output
   * must not land in the test's TAP stream. */
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               out != NULL ? out : &unread_out, err != NULL ? err : &unread_err,
                               &wait_status, &error));
  g_assert_no_error (error);
  if (g_spawn_check_wait_status (wait_status, &error))
    return 0;
  g_assert_error (error, G_SPAWN_EXIT_ERROR, error->code);
  return error->code;
}
