/* plaza-import-sales.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sales import and the monthly aggregate: see plaza-import.c for the rules.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "plaza-import-private.h"
#include "plaza-money.h"

enum { S_DATE, S_UNIT, S_AMOUNT, S_TRANSACTIONS };
static const ColumnSpec sales_columns[] = {
  { "date", "日期", TRUE },
  { "unit", "铺位号", TRUE },
  { "amount", "销售额", TRUE },
  { "transactions", "笔数", FALSE },
};

typedef struct
{
  Import      imp;
  GHashTable *units;    /* code → unit id (gint64 *) */
  GHashTable *seen;     /* "id|date" → line */
  GHashTable *months;   /* "id|YYYY-MM" → NULL */
} SalesImport;

/* "2026-03-05", "2026/3/5" → "2026-03-05"; NULL if not a date. */
static char *
parse_date (const char *text)
{
  guint parts[3] = { 0, 0, 0 };
  guint digits[3] = { 0, 0, 0 };
  char sep = 0;
  guint k = 0;

  for (const char *c = text; *c != '\0'; c++)
    {
      if (g_ascii_isdigit (*c))
        {
          if (digits[k] >= 4)
            return NULL;
          parts[k] = parts[k] * 10 + (guint) (*c - '0');
          digits[k]++;
        }
      else if ((*c == '-' || *c == '/') && k < 2 && digits[k] > 0 && (sep == 0 || sep == *c))
        {
          sep = *c;
          k++;
        }
      else
        return NULL;
    }
  if (k != 2 || digits[0] != 4 || digits[1] == 0 || digits[1] > 2 || digits[2] == 0 || digits[2] > 2)
    return NULL;
  if (sep == '-' && (digits[1] != 2 || digits[2] != 2))
    return NULL;
  if (parts[0] < 1900 || !g_date_valid_dmy ((GDateDay) parts[2], (GDateMonth) parts[1], (GDateYear) parts[0]))
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u", parts[0], parts[1], parts[2]);
}

static gboolean
parse_count (const char *text,
             gint64     *out)
{
  guint64 n = 0;

  if (*text == '\0')
    return FALSE;
  for (const char *c = text; *c != '\0'; c++)
    {
      if (!g_ascii_isdigit (*c) || n > (guint64) G_MAXINT64 / 10 - 1)
        return FALSE;
      n = n * 10 + (guint64) (*c - '0');
    }
  *out = (gint64) n;
  return TRUE;
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

static gboolean
import_sales_func (PlazaStore  *store,
                   gpointer     user_data,
                   GError     **error)
{
  SalesImport *si = user_data;
  Import *imp = &si->imp;
  g_autoptr(sqlite3_stmt) find = NULL;
  g_autoptr(sqlite3_stmt) upsert = NULL;
  GHashTableIter iter;
  gpointer key;

  g_hash_table_remove_all (si->units);
  g_hash_table_remove_all (si->seen);
  g_hash_table_remove_all (si->months);
  imp->n_rows = 0;

  find = plaza_store_prepare (store, "SELECT id FROM units WHERE code = ?", error);
  upsert = plaza_store_prepare (store,
                                "INSERT INTO sales_daily (unit_id, date, amount, transactions, source) "
                                "VALUES (?, ?, ?, ?, 'pos') ON CONFLICT (unit_id, date) DO UPDATE SET "
                                "amount = excluded.amount, transactions = excluded.transactions, source = 'pos'",
                                error);
  if (find == NULL || upsert == NULL)
    return FALSE;

  for (guint i = 0; i < imp->rows->len; i++)
    {
      const Row *row = &g_array_index (imp->rows, Row, i);
      const char *date_text = plaza_import_value (imp, row, S_DATE);
      const char *code = plaza_import_value (imp, row, S_UNIT);
      const char *amount_text = plaza_import_value (imp, row, S_AMOUNT);
      const char *count_text = plaza_import_value (imp, row, S_TRANSACTIONS);
      g_autofree char *date = NULL;
      g_autofree char *seen_key = NULL;
      gint64 *unit_id = NULL;
      gint64 amount = 0, count = 0;
      gpointer seen_line = NULL;

      if (*date_text == '\0')
        return plaza_import_fail (imp, error, row->line, plaza_import_column_name (imp, S_DATE), _("the date is empty"));
      date = parse_date (date_text);
      if (date == NULL)
        return plaza_import_fail (imp, error, row->line, plaza_import_column_name (imp, S_DATE),
                     _("“%s” is not a date (write YYYY-MM-DD or YYYY/M/D)"), date_text);

      if (*code == '\0')
        return plaza_import_fail (imp, error, row->line, plaza_import_column_name (imp, S_UNIT), _("the unit code is empty"));
      unit_id = g_hash_table_lookup (si->units, code);
      if (unit_id == NULL)
        {
          gint64 id = 0;
          int rc;

          sqlite3_bind_text (find, 1, code, -1, SQLITE_TRANSIENT);
          rc = sqlite3_step (find);
          if (rc == SQLITE_ROW)
            id = sqlite3_column_int64 (find, 0);
          sqlite3_reset (find);
          if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            return plaza_store_set_sqlite_error (store, error);
          if (rc == SQLITE_DONE)
            return plaza_import_fail (imp, error, row->line, plaza_import_column_name (imp, S_UNIT),
                         _("there is no unit “%s”; import or add the unit first"), code);
          unit_id = g_memdup2 (&id, sizeof id);
          g_hash_table_insert (si->units, g_strdup (code), unit_id);
        }

      if (*amount_text == '\0')
        return plaza_import_fail (imp, error, row->line, plaza_import_column_name (imp, S_AMOUNT), _("the amount is empty"));
      if (!plaza_money_parse (amount_text, &amount))
        return plaza_import_fail (imp, error, row->line, plaza_import_column_name (imp, S_AMOUNT),
                     _("“%s” is not an amount in yuan (a number with at most two decimals)"), amount_text);
      if (amount < 0)
        return plaza_import_fail (imp, error, row->line, plaza_import_column_name (imp, S_AMOUNT),
                     _("sales cannot be negative (%s)"), amount_text);

      if (*count_text != '\0' && !parse_count (count_text, &count))
        return plaza_import_fail (imp, error, row->line, plaza_import_column_name (imp, S_TRANSACTIONS),
                     _("“%s” is not a whole number of transactions"), count_text);

      seen_key = g_strdup_printf ("%" G_GINT64_FORMAT "|%s", *unit_id, date);
      if (g_hash_table_lookup_extended (si->seen, seen_key, NULL, &seen_line))
        return plaza_import_fail (imp, error, row->line, plaza_import_column_name (imp, S_UNIT),
                     _("unit “%s” on %s appears twice in the file, on lines %u and %u"),
                     code, date, GPOINTER_TO_UINT (seen_line), row->line);
      g_hash_table_insert (si->seen, g_steal_pointer (&seen_key), GUINT_TO_POINTER (row->line));
      g_hash_table_add (si->months, g_strdup_printf ("%" G_GINT64_FORMAT "|%.7s", *unit_id, date));

      sqlite3_bind_int64 (upsert, 1, *unit_id);
      sqlite3_bind_text (upsert, 2, date, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (upsert, 3, amount);
      if (*count_text != '\0')
        sqlite3_bind_int64 (upsert, 4, count);
      else
        sqlite3_bind_null (upsert, 4);
      if (!plaza_import_step_done (store, upsert, error))
        return FALSE;
      imp->n_rows++;
    }

  /* Only the (unit, month) pairs this file touched. */
  g_hash_table_iter_init (&iter, si->months);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const char *bar = strchr (key, '|');
      gint64 unit_id = g_ascii_strtoll (key, NULL, 10);

      if (!plaza_sales_refresh_month (store, unit_id, bar + 1, error))
        return FALSE;
    }

  return plaza_import_log (imp, "sales", error);
}

static gboolean
run_sales (Import             *imp,
           PlazaImportResult  *result,
           GError            **error)
{
  SalesImport si = { .imp = *imp };
  gboolean ok;

  si.units = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  si.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  si.months = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  ok = plaza_store_write (imp->store, import_sales_func, &si, error);
  if (ok && result != NULL)
    {
      result->n_rows = si.imp.n_rows;
      result->encoding = si.imp.encoding;
    }

  g_hash_table_unref (si.units);
  g_hash_table_unref (si.seen);
  g_hash_table_unref (si.months);
  return ok;
}

gboolean
plaza_import_sales (PlazaStore         *store,
                   const char         *path,
                   PlazaImportResult  *result,
                   GError            **error)
{
  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return plaza_import_run (store, path, path, NULL, 0, sales_columns, G_N_ELEMENTS (sales_columns),
                           run_sales, result, error);
}

gboolean
plaza_import_sales_from_data (PlazaStore         *store,
                             const char         *name,
                             const char         *data,
                             gsize               length,
                             PlazaImportResult  *result,
                             GError            **error)
{
  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  return plaza_import_run (store, name, NULL, data, length, sales_columns, G_N_ELEMENTS (sales_columns),
                           run_sales, result, error);
}
