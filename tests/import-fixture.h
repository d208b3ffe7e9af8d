/* import-fixture.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A store with one project, floors 1F and B1 and units A101, A102 (1F) and
 * B101 (B1), plus helpers for the import and export tests: counts, a
 * snapshot of everything an import may touch, and the monthly aggregate
 * checked against the daily rows.
 */

#pragma once

#include <glib/gstdio.h>
#include <string.h>

#include "plaza-core.h"
#include "test-util.h"
#include "plaza-csv.h"
#include "plaza-export.h"
#include "plaza-import.h"

typedef struct
{
  char       *dir;
  char       *path;
  PlazaStore *store;
} Fixture;

G_GNUC_UNUSED static gboolean
exec_func (PlazaStore  *store,
           gpointer     user_data,
           GError     **error)
{
  return plaza_store_exec (store, user_data, error);
}

G_GNUC_UNUSED static void
write_sql (PlazaStore *store,
           const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (plaza_store_write (store, exec_func, (gpointer) sql, &error));
  g_assert_no_error (error);
}

G_GNUC_UNUSED static void
fixture_set_up (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("plaza-import-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->path = g_build_filename (f->dir, "mall.db", NULL);
  f->store = plaza_store_open (f->path, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  write_sql (f->store,
             "INSERT INTO projects (id, code, name) VALUES (1, 'T', 'Test mall');"
             "INSERT INTO floors (id, project_id, label, level) VALUES (1, 1, '1F', 1), (2, 1, 'B1', -1);"
             "INSERT INTO units (id, floor_id, code, gross_area, rentable_area) VALUES "
             "  (1, 1, 'A101', 12550, 12550), (2, 1, 'A102', 8000, 8000), (3, 2, 'B101', 30025, 30025);");
}

G_GNUC_UNUSED static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data G_GNUC_UNUSED)
{
  g_clear_object (&f->store);
  plaza_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

G_GNUC_UNUSED static gint64
count (PlazaStore *store,
       const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = plaza_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

G_GNUC_UNUSED static char *
text (PlazaStore *store,
      const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = plaza_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

/* Everything an import may touch, as one string. */
G_GNUC_UNUSED static char *
snapshot (PlazaStore *store)
{
  return text (store,
               "SELECT (SELECT count (*) || '/' || total (amount) || '/' || total (transactions) || '/' || "
               "        group_concat (unit_id || date || source) FROM sales_daily) || '|' || "
               "(SELECT count (*) || '/' || total (amount) || '/' || total (days) || '/' || total (estimated_days) "
               "   FROM sales_monthly) || '|' || "
               "(SELECT count (*) || '/' || total (rentable_area) || '/' || total (gross_area) || '/' || "
               "        total (coalesce (planned_category_id, 0)) || '/' || total (rev) FROM units) || '|' || "
               "(SELECT count (*) FROM floors) || '|' || (SELECT count (*) FROM categories) || '|' || "
               "(SELECT count (*) FROM projects) || '|' || (SELECT count (*) FROM change_log) || '|' || "
               "(SELECT count (*) FROM unit_history)");
}

/* The same without change_log. */
G_GNUC_UNUSED static char *
snapshot_data (PlazaStore *store)
{
  g_autofree char *all = snapshot (store);
  g_auto(GStrv) parts = g_strsplit (all, "|", -1);

  g_assert_cmpuint (g_strv_length (parts), ==, 8);
  g_free (parts[6]);
  parts[6] = g_strdup ("-");
  return g_strjoinv ("|", parts);
}

/* Monthly rows that differ from SUM over the daily rows (both directions). */
G_GNUC_UNUSED static gint64
monthly_mismatches (PlazaStore *store)
{
  return count (store,
                "SELECT count (*) FROM ("
                "  SELECT unit_id, substr (date, 1, 7) AS month, sum (amount) AS amount, "
                "         sum (coalesce (transactions, 0)) AS transactions, count (*) AS days, "
                "         sum (source = 'estimated') AS estimated_days "
                "  FROM sales_daily GROUP BY 1, 2 "
                "  EXCEPT SELECT unit_id, month, amount, transactions, days, estimated_days FROM sales_monthly"
                ") UNION ALL SELECT count (*) FROM ("
                "  SELECT unit_id, month, amount, transactions, days, estimated_days FROM sales_monthly "
                "  EXCEPT SELECT unit_id, substr (date, 1, 7), sum (amount), sum (coalesce (transactions, 0)), "
                "         count (*), sum (source = 'estimated') FROM sales_daily GROUP BY 1, 2"
                ") ORDER BY 1 DESC LIMIT 1");
}

G_GNUC_UNUSED static char *
data_path (const char *name)
{
  const char *dir = g_getenv ("PLAZA_TEST_DATA");

  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

G_GNUC_UNUSED static char *
write_tmp (Fixture    *f,
           const char *name,
           const char *contents,
           gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}
