/* plaza-export.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CSV export of units and daily sales. Each export is one SELECT, so it is
 * a consistent snapshot even while others write.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include "plaza-csv.h"
#include "plaza-export.h"
#include "plaza-money.h"

#define FLUSH_SIZE (64 * 1024)

static gboolean
flush (GString        *buffer,
       GOutputStream  *out,
       GCancellable   *cancellable,
       GError        **error)
{
  if (buffer->len == 0)
    return TRUE;
  if (!g_output_stream_write_all (out, buffer->str, buffer->len, NULL, cancellable, error))
    return FALSE;
  g_string_truncate (buffer, 0);
  return TRUE;
}

/* Runs @sql and writes @header plus one CSV row per result row; @row_func
 * turns the current row into @n text fields. */
typedef void (*RowFunc) (sqlite3_stmt *stmt,
                         char        **fields);

static gboolean
export_query (PlazaStore     *store,
              const char     *sql,
              const char     *header,
              guint           n,
              RowFunc         row_func,
              GOutputStream  *out,
              GCancellable   *cancellable,
              GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) buffer = g_string_new (header);
  int rc;

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  stmt = plaza_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;

  g_string_append_c (buffer, '\n');
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      char *fields[8] = { NULL, };

      g_assert (n <= G_N_ELEMENTS (fields));
      row_func (stmt, fields);
      plaza_csv_append_row (buffer, (const char * const *) fields, n);
      for (guint i = 0; i < n; i++)
        g_free (fields[i]);

      if (buffer->len >= FLUSH_SIZE && !flush (buffer, out, cancellable, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);

  return flush (buffer, out, cancellable, error);
}

static char *
column_text (sqlite3_stmt *stmt,
             int           i)
{
  const char *text = (const char *) sqlite3_column_text (stmt, i);

  return g_strdup (text != NULL ? text : "");
}

/* Plain "125.50": no thousands separators, so no quoting in CSV. */
static char *
format_area_plain (gint64 hundredths)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", hundredths / 100, (int) (hundredths % 100));
}

static void
unit_row (sqlite3_stmt  *stmt,
          char         **fields)
{
  fields[0] = column_text (stmt, 0);
  fields[1] = column_text (stmt, 1);
  fields[2] = format_area_plain (sqlite3_column_int64 (stmt, 2));
  fields[3] = column_text (stmt, 3);
}

static void
sales_row (sqlite3_stmt  *stmt,
           char         **fields)
{
  fields[0] = column_text (stmt, 0);
  fields[1] = column_text (stmt, 1);
  fields[2] = plaza_money_format_plain (sqlite3_column_int64 (stmt, 2));
  if (sqlite3_column_type (stmt, 3) == SQLITE_NULL)
    fields[3] = g_strdup ("");
  else
    fields[3] = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, 3));
}

gboolean
plaza_export_units (PlazaStore     *store,
                    GOutputStream  *out,
                    GCancellable   *cancellable,
                    GError        **error)
{
  return export_query (store,
                       "SELECT u.code, f.label, u.rentable_area, c.name FROM units u "
                       "JOIN floors f ON f.id = u.floor_id "
                       "LEFT JOIN categories c ON c.id = u.planned_category_id "
                       "ORDER BY u.code",
                       "code,floor,area,category", 4, unit_row, out, cancellable, error);
}

gboolean
plaza_export_sales (PlazaStore     *store,
                    GOutputStream  *out,
                    GCancellable   *cancellable,
                    GError        **error)
{
  return export_query (store,
                       "SELECT s.date, u.code, s.amount, s.transactions FROM sales_daily s "
                       "JOIN units u ON u.id = s.unit_id "
                       "ORDER BY s.date, u.code",
                       "date,unit,amount,transactions", 4, sales_row, out, cancellable, error);
}
