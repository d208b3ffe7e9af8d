/* plaza-import-sales-write.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The writing half of the sales import (plaza-import-sales.c has the whole
 * story): the checked rows sorted by (unit, date) and written BATCH_ROWS to
 * a statement, then the touched unit-months' estimates deleted and their
 * sales_monthly rows recomputed with one INSERT … SELECT … GROUP BY; and
 * plaza_sales_refresh_month() for single writes.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "plaza-import-sales-private.h"

void
plaza_import_format_date (char  *out,
                          guint  year,
                          guint  month,
                          guint  day)
{
  out[0] = (char) ('0' + year / 1000 % 10);
  out[1] = (char) ('0' + year / 100 % 10);
  out[2] = (char) ('0' + year / 10 % 10);
  out[3] = (char) ('0' + year % 10);
  out[4] = '-';
  out[5] = (char) ('0' + month / 10);
  out[6] = (char) ('0' + month % 10);
  out[7] = '-';
  out[8] = (char) ('0' + day / 10);
  out[9] = (char) ('0' + day % 10);
  out[10] = '\0';
}

static int
compare_pending (const void *a,
                 const void *b)
{
  const Pending *x = a, *y = b;

  if (x->unit_id != y->unit_id)
    return x->unit_id < y->unit_id ? -1 : 1;
  return x->ymd < y->ymd ? -1 : x->ymd > y->ymd;
}

#define UPSERT_TAIL \
  " ON CONFLICT (unit_id, date) DO UPDATE SET amount = excluded.amount, " \
  "transactions = excluded.transactions, source = 'pos'"

/* "INSERT … VALUES (?, ?, ?, ?, 'pos') × @n … ON CONFLICT … DO UPDATE". */
static sqlite3_stmt *
prepare_upsert (PlazaStore  *store,
                guint        n,
                GError     **error)
{
  g_autoptr(GString) sql = g_string_new ("INSERT INTO sales_daily (unit_id, date, amount, transactions, source) VALUES ");

  for (guint i = 0; i < n; i++)
    g_string_append (sql, i > 0 ? ", (?, ?, ?, ?, 'pos')" : "(?, ?, ?, ?, 'pos')");
  g_string_append (sql, UPSERT_TAIL);
  return plaza_store_prepare (store, sql->str, error);
}

static void
bind_pending (sqlite3_stmt  *stmt,
              int            first,
              const Pending *row,
              char          *date)
{
  plaza_import_format_date (date, row->ymd / 10000, row->ymd / 100 % 100, row->ymd % 100);
  sqlite3_bind_int64 (stmt, first, row->unit_id);
  sqlite3_bind_text (stmt, first + 1, date, 10, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, first + 2, row->amount);
  if (row->transactions >= 0)
    sqlite3_bind_int64 (stmt, first + 3, row->transactions);
  else
    sqlite3_bind_null (stmt, first + 3);
}

/* Writes the checked rows in key order, BATCH_ROWS to a statement: each
 * statement run builds the list behind sales_daily's CHECK (source IN …)
 * once, which for one row a statement cost more than the row itself.
 * Progress: reading and checking the file counts for the first READ_SHARE %
 * of the total, writing for the rest. */
gboolean
plaza_import_sales_write (SalesImport  *si,
                          GError      **error)
{
  PlazaStore *store = si->imp.store;
  g_autoptr(sqlite3_stmt) batch = NULL;
  g_autoptr(sqlite3_stmt) single = NULL;
  g_autofree char *dates = g_malloc (BATCH_ROWS * 11);
  guint n = si->pending->len;
  guint next_progress = 0;
  guint step = MAX (n / 100, 1);
  guint i = 0;

  batch = prepare_upsert (store, BATCH_ROWS, error);
  single = batch != NULL ? prepare_upsert (store, 1, error) : NULL;
  if (single == NULL)
    return FALSE;

  qsort (si->pending->data, n, sizeof (Pending), compare_pending);

  while (i < n)
    {
      guint k = n - i >= BATCH_ROWS ? BATCH_ROWS : 1;
      sqlite3_stmt *stmt = k == BATCH_ROWS ? batch : single;

      if (i >= next_progress)
        {
          guint64 done = si->size * READ_SHARE / 100 + si->size * (100 - READ_SHARE) / 100 * i / n;

          if (si->progress != NULL)
            si->progress (done, si->size, si->progress_data);
          if (g_cancellable_set_error_if_cancelled (si->cancellable, error))
            return FALSE;
          next_progress = i + step;
        }

      for (guint j = 0; j < k; j++)
        bind_pending (stmt, (int) j * 4 + 1, &g_array_index (si->pending, Pending, i + j), dates + j * 11);
      if (!plaza_import_step_done (store, stmt, error))
        return FALSE;
      i += k;
    }
  si->imp.n_rows = n;
  return TRUE;
}

/* The touched (unit, month) pairs into temp.plaza_import_months. */
static gboolean
fill_touched (SalesImport  *si,
              GError      **error)
{
  PlazaStore *store = si->imp.store;
  g_autoptr(sqlite3_stmt) ins = NULL;
  GHashTableIter units;
  gpointer value;

  if (!plaza_store_exec (store,
                         "CREATE TEMP TABLE IF NOT EXISTS plaza_import_months ("
                         "  unit_id INTEGER NOT NULL, month TEXT NOT NULL, PRIMARY KEY (unit_id, month)"
                         ") WITHOUT ROWID;"
                         "DELETE FROM temp.plaza_import_months;", error))
    return FALSE;
  ins = plaza_store_prepare (store, "INSERT INTO temp.plaza_import_months (unit_id, month) VALUES (?, ?)", error);
  if (ins == NULL)
    return FALSE;

  g_hash_table_iter_init (&units, si->units);
  while (g_hash_table_iter_next (&units, NULL, &value))
    {
      UnitSeen *unit = value;
      GHashTableIter years;
      gpointer year_key, lines_value;

      if (unit->id == 0)
        continue;
      g_hash_table_iter_init (&years, unit->years);
      while (g_hash_table_iter_next (&years, &year_key, &lines_value))
        {
          const guint32 *lines = lines_value;

          for (guint m = 0; m < 12; m++)
            {
              gboolean touched = FALSE;
              char month[11];

              for (guint d = 0; d < 31 && !touched; d++)
                touched = lines[m * 31 + d] != 0;
              if (!touched)
                continue;
              plaza_import_format_date (month, GPOINTER_TO_UINT (year_key), m + 1, 1);
              sqlite3_bind_int64 (ins, 1, unit->id);
              sqlite3_bind_text (ins, 2, month, 7, SQLITE_STATIC);
              if (!plaza_import_step_done (store, ins, error))
                return FALSE;
            }
        }
    }
  return TRUE;
}

/* After the rows: estimates out, the aggregate in step, one change_log row. */
gboolean
plaza_import_sales_finish (SalesImport  *si,
                           GError      **error)
{
  PlazaStore *store = si->imp.store;

  if (!fill_touched (si, error))
    return FALSE;

  /* A real figure replaces the month's estimate. sales_monthly says which
   * touched months have estimated days, so months without any cost no
   * scan. */
  if (!plaza_store_exec (store,
                         "DELETE FROM sales_daily WHERE source = 'estimated' AND (unit_id, date) IN ("
                         "  SELECT d.unit_id, d.date FROM temp.plaza_import_months t"
                         "  JOIN sales_monthly m ON m.unit_id = t.unit_id AND m.month = t.month AND m.estimated_days > 0"
                         "  JOIN sales_daily d ON d.unit_id = t.unit_id"
                         "   AND d.date BETWEEN t.month || '-01' AND t.month || '-31'"
                         "  WHERE d.source = 'estimated');"
                         "DELETE FROM sales_monthly WHERE (unit_id, month) IN ("
                         "  SELECT unit_id, month FROM temp.plaza_import_months);"
                         "INSERT INTO sales_monthly (unit_id, month, amount, transactions, days, estimated_days)"
                         "  SELECT t.unit_id, t.month, sum (d.amount), sum (coalesce (d.transactions, 0)), count (*),"
                         "         sum (d.source = 'estimated')"
                         "  FROM temp.plaza_import_months t"
                         "  JOIN sales_daily d ON d.unit_id = t.unit_id"
                         "   AND d.date BETWEEN t.month || '-01' AND t.month || '-31'"
                         "  GROUP BY t.unit_id, t.month;"
                         "DELETE FROM temp.plaza_import_months;", error))
    return FALSE;

  return plaza_import_log (&si->imp, "sales", error);
}

gboolean
plaza_sales_refresh_month (PlazaStore  *store,
                           gint64       unit_id,
                           const char  *month,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) del = NULL;
  g_autoptr(sqlite3_stmt) ins = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);
  g_return_val_if_fail (month != NULL && strlen (month) == 7, FALSE);

  first = g_strdup_printf ("%s-01", month);
  last = g_strdup_printf ("%s-31", month);

  del = plaza_store_prepare (store, "DELETE FROM sales_monthly WHERE unit_id = ? AND month = ?", error);
  ins = plaza_store_prepare (store,
                             "INSERT INTO sales_monthly (unit_id, month, amount, transactions, days, estimated_days) "
                             "SELECT unit_id, ?, sum (amount), sum (coalesce (transactions, 0)), count (*), "
                             "sum (source = 'estimated') FROM sales_daily "
                             "WHERE unit_id = ? AND date BETWEEN ? AND ? GROUP BY unit_id", error);
  if (del == NULL || ins == NULL)
    return FALSE;

  sqlite3_bind_int64 (del, 1, unit_id);
  sqlite3_bind_text (del, 2, month, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (del) != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);

  sqlite3_bind_text (ins, 1, month, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (ins, 2, unit_id);
  sqlite3_bind_text (ins, 3, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (ins, 4, last, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (ins) != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  return TRUE;
}
