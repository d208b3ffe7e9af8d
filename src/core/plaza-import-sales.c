/* plaza-import-sales.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sales import and the monthly aggregate (plaza-import.c has the format
 * decisions). The file is streamed record by record inside one
 * plaza_store_write() transaction, built for files of millions of rows:
 *
 * - statements are prepared once; unit codes are looked up once each and
 *   kept in a hash; the records reuse the CSV reader's buffer; the "same
 *   unit and day twice" check is an array of lines per unit and year, so a
 *   row costs no allocation;
 * - the checked rows are kept in one array, sorted by (unit, date) and only
 *   then written (plaza-import-sales-write.c): POS exports come in date
 *   order, and inserting them in primary key order appends to each unit's
 *   part of the B-tree instead of touching every unit's pages for every
 *   day; they go 256 rows to an INSERT, because each statement run builds
 *   the list behind sales_daily's CHECK (source IN …) anew;
 * - the page cache is made larger for the import and put back after;
 * - foreign keys are checked by the import itself (every unit id comes from
 *   the units table inside the transaction), so SQLite's per-row check is
 *   switched off around the transaction and on again after;
 * - after the rows, the estimated days of every touched unit-month are
 *   deleted in the same transaction (a real figure replaces the month's
 *   estimate, see plaza-sales.h; plaza_sales_set_day does the same), and
 *   sales_monthly is recomputed for the touched unit-months only, with one
 *   INSERT … SELECT … GROUP BY;
 * - change_log gets one row for the whole file.
 *
 * Once a row is bad nothing more is written; the rest of the file is still
 * checked so that up to 100 errors can be listed, then the transaction
 * rolls back and the call fails with the first error.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "plaza-csv.h"
#include "plaza-import-sales-private.h"
#include "plaza-money.h"

#define MAX_ERRORS 100
#define IMPORT_CACHE_KIB 262144
#define NORMAL_CACHE_KIB 65536
#define PROGRESS_MAX_STEP (64 * 1024)

enum { S_DATE, S_UNIT, S_AMOUNT, S_TRANSACTIONS };
const ColumnSpec plaza_import_sales_columns[PLAZA_IMPORT_N_SALES_COLUMNS] = {
  { "date", "日期", TRUE },
  { "unit", "铺位号", TRUE },
  { "amount", "销售额", TRUE },
  { "transactions", "笔数", FALSE },
};

static void
unit_seen_free (gpointer data)
{
  UnitSeen *unit = data;

  g_clear_pointer (&unit->years, g_hash_table_unref);
  g_free (unit);
}

/* "2026-03-05", "2026/3/5" → 2026, 3, 5; FALSE if not a date. */
static gboolean
parse_date (const char *text,
            guint      *year,
            guint      *month,
            guint      *day)
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
            return FALSE;
          parts[k] = parts[k] * 10 + (guint) (*c - '0');
          digits[k]++;
        }
      else if ((*c == '-' || *c == '/') && k < 2 && digits[k] > 0 && (sep == 0 || sep == *c))
        {
          sep = *c;
          k++;
        }
      else
        return FALSE;
    }
  if (k != 2 || digits[0] != 4 || digits[1] == 0 || digits[1] > 2 || digits[2] == 0 || digits[2] > 2)
    return FALSE;
  if (sep == '-' && (digits[1] != 2 || digits[2] != 2))
    return FALSE;
  if (parts[0] < 1900 || !g_date_valid_dmy ((GDateDay) parts[2], (GDateMonth) parts[1], (GDateYear) parts[0]))
    return FALSE;
  *year = parts[0];
  *month = parts[1];
  *day = parts[2];
  return TRUE;
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

/* Records one "FILE:LINE: field: message" error; the first one is kept for
 * the caller's GError. */
static void
add_error (SalesImport *si,
           guint        line,
           const char  *field,
           const char  *format,
           ...) G_GNUC_PRINTF (4, 5);

static void
add_error (SalesImport *si,
           guint        line,
           const char  *field,
           const char  *format,
           ...)
{
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  plaza_import_fail (&si->imp, &error, line, field, "%s", message);

  si->n_errors++;
  if (si->errors != NULL && si->errors->len - si->errors_start < MAX_ERRORS)
    g_ptr_array_add (si->errors, g_strdup (error->message));
  if (si->first_error == NULL)
    si->first_error = g_steal_pointer (&error);
}

/* Keeps a whole-file error (header, syntax) as the first error too. */
static void
add_gerror (SalesImport *si,
            GError      *error)
{
  si->n_errors++;
  if (si->errors != NULL && si->errors->len - si->errors_start < MAX_ERRORS)
    g_ptr_array_add (si->errors, g_strdup (error->message));
  if (si->first_error == NULL)
    si->first_error = error;
  else
    g_error_free (error);
}

static gboolean
enough_errors (SalesImport *si)
{
  /* The simple call only needs the first; the full one lists up to 100. */
  return si->n_errors >= (si->errors != NULL ? MAX_ERRORS : 1);
}

static gboolean
report_progress (SalesImport  *si,
                 GError      **error)
{
  gsize length = plaza_csv_reader_get_length (si->reader);
  guint64 done = length > 0 ? (guint64) ((double) plaza_csv_reader_get_offset (si->reader) / (double) length
                                         * (double) si->size)
                            : si->size;

  if (si->progress != NULL)
    si->progress (MIN (done, si->size) * READ_SHARE / 100, si->size, si->progress_data);
  return !g_cancellable_set_error_if_cancelled (si->cancellable, error);
}

static UnitSeen *
find_unit (SalesImport   *si,
           sqlite3_stmt  *find,
           const char    *code,
           GError       **error)
{
  UnitSeen *unit = g_hash_table_lookup (si->units, code);
  int rc;

  if (unit != NULL)
    return unit;

  unit = g_new0 (UnitSeen, 1);
  sqlite3_bind_text (find, 1, code, -1, SQLITE_STATIC);
  rc = sqlite3_step (find);
  if (rc == SQLITE_ROW)
    unit->id = sqlite3_column_int64 (find, 0);
  sqlite3_reset (find);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      g_free (unit);
      plaza_store_set_sqlite_error (si->imp.store, error);
      return NULL;
    }
  unit->years = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  g_hash_table_insert (si->units, g_strdup (code), unit);
  return unit;
}

/* The slot of @unit's day in its year's array (created on first use). */
static guint32 *
day_slot (UnitSeen *unit,
          guint     year,
          guint     month,
          guint     day)
{
  if (unit->last_lines == NULL || unit->last_year != year)
    {
      guint32 *lines = g_hash_table_lookup (unit->years, GUINT_TO_POINTER (year));

      if (lines == NULL)
        {
          lines = g_new0 (guint32, YEAR_SLOTS);
          g_hash_table_insert (unit->years, GUINT_TO_POINTER (year), lines);
        }
      unit->last_year = year;
      unit->last_lines = lines;
    }
  return &unit->last_lines[(month - 1) * 31 + day - 1];
}

/* Checks one record and, while the file is still good, keeps it to write. */
static gboolean
import_row (SalesImport   *si,
            sqlite3_stmt  *find,
            char         **fields,
            guint          line,
            GError       **error)
{
  Import *imp = &si->imp;
  Row row = { line, fields };
  const char *date_text, *code, *amount_text, *count_text;
  guint n = 0;
  guint year = 0, month = 0, day = 0;
  gint64 amount = 0, count = 0;
  UnitSeen *unit;
  guint32 *slot;
  Pending pending;
  char date[11];

  while (fields[n] != NULL)
    g_strstrip (fields[n++]);
  if (n < imp->n_columns)
    {
      add_error (si, line, imp->header[n], _("the value is missing (the row has %u fields, the header %u)"),
                 n, imp->n_columns);
      return TRUE;
    }
  if (n > imp->n_columns)
    {
      g_autofree char *extra = g_strdup_printf (_("column %u"), imp->n_columns + 1);

      add_error (si, line, extra, _("the row has %u fields, the header only %u"), n, imp->n_columns);
      return TRUE;
    }

  date_text = plaza_import_value (imp, &row, S_DATE);
  code = plaza_import_value (imp, &row, S_UNIT);
  amount_text = plaza_import_value (imp, &row, S_AMOUNT);
  count_text = plaza_import_value (imp, &row, S_TRANSACTIONS);

  if (*date_text == '\0')
    {
      add_error (si, line, plaza_import_column_name (imp, S_DATE), _("the date is empty"));
      return TRUE;
    }
  if (!parse_date (date_text, &year, &month, &day))
    {
      add_error (si, line, plaza_import_column_name (imp, S_DATE),
                 _("“%s” is not a date (write YYYY-MM-DD or YYYY/M/D)"), date_text);
      return TRUE;
    }
  plaza_import_format_date (date, year, month, day);

  if (*code == '\0')
    {
      add_error (si, line, plaza_import_column_name (imp, S_UNIT), _("the unit code is empty"));
      return TRUE;
    }
  unit = find_unit (si, find, code, error);
  if (unit == NULL)
    return FALSE;
  if (unit->id == 0)
    {
      add_error (si, line, plaza_import_column_name (imp, S_UNIT),
                 _("there is no unit “%s”; import or add the unit first"), code);
      return TRUE;
    }

  if (*amount_text == '\0')
    {
      add_error (si, line, plaza_import_column_name (imp, S_AMOUNT), _("the amount is empty"));
      return TRUE;
    }
  if (!plaza_money_parse (amount_text, &amount))
    {
      add_error (si, line, plaza_import_column_name (imp, S_AMOUNT),
                 _("“%s” is not an amount in yuan (a number with at most two decimals)"), amount_text);
      return TRUE;
    }
  if (amount < 0)
    {
      add_error (si, line, plaza_import_column_name (imp, S_AMOUNT), _("sales cannot be negative (%s)"), amount_text);
      return TRUE;
    }

  if (*count_text != '\0' && !parse_count (count_text, &count))
    {
      add_error (si, line, plaza_import_column_name (imp, S_TRANSACTIONS),
                 _("“%s” is not a whole number of transactions"), count_text);
      return TRUE;
    }

  slot = day_slot (unit, year, month, day);
  if (*slot != 0)
    {
      add_error (si, line, plaza_import_column_name (imp, S_UNIT),
                 _("unit “%s” on %s appears twice in the file, on lines %u and %u"),
                 code, date, *slot, line);
      return TRUE;
    }
  *slot = line;

  if (si->n_errors > 0)
    return TRUE;

  pending.unit_id = unit->id;
  pending.amount = amount;
  pending.transactions = *count_text != '\0' ? count : -1;
  pending.ymd = year * 10000 + month * 100 + day;
  g_array_append_val (si->pending, pending);
  return TRUE;
}

/* Reads up to the header and matches it; FALSE (error kept) on a bad one. */
static gboolean
read_header (SalesImport *si)
{
  Import *imp = &si->imp;
  g_autoptr(GError) local_error = NULL;
  GError *failure = NULL;
  char **fields = NULL;
  guint line = 0, column = 0;

  while (plaza_csv_reader_next (si->reader, &fields, &line, &column, &local_error))
    {
      if (plaza_import_all_empty (fields))
        continue;
      for (guint i = 0; fields[i] != NULL; i++)
        g_strstrip (fields[i]);
      imp->header = g_strdupv (fields);
      imp->n_columns = g_strv_length (fields);
      imp->header_line = line;
      if (!plaza_import_match_header (imp, &failure))
        {
          add_gerror (si, failure);
          return FALSE;
        }
      return TRUE;
    }
  if (local_error != NULL)
    plaza_import_fail (imp, &failure, line, _("header"), "%s", local_error->message);
  else
    plaza_import_fail (imp, &failure, 1, _("header"), _("the file is empty; it needs a header row and data rows"));
  add_gerror (si, failure);
  return FALSE;
}

static gboolean
import_sales_func (PlazaStore  *store,
                   gpointer     user_data,
                   GError     **error)
{
  SalesImport *si = user_data;
  Import *imp = &si->imp;
  g_autoptr(sqlite3_stmt) find = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = plaza_csv_reader_get_length (si->reader);
  gsize step, next_progress;
  gint64 t_start = g_get_monotonic_time (), t_read, t_write;
  char **fields = NULL;
  guint line = 0, column = 0;

  /* Called once per transaction: start from a clean state. */
  plaza_csv_reader_rewind (si->reader);
  g_hash_table_remove_all (si->units);
  g_clear_pointer (&imp->header, g_strfreev);
  g_clear_error (&si->first_error);
  if (si->errors != NULL && si->errors->len > si->errors_start)
    g_ptr_array_remove_range (si->errors, si->errors_start, si->errors->len - si->errors_start);
  si->n_errors = 0;
  imp->n_rows = 0;
  g_array_set_size (si->pending, 0);

  step = CLAMP (length / 100, 1, PROGRESS_MAX_STEP);
  next_progress = step;
  if (!report_progress (si, error))
    return FALSE;

  if (!read_header (si))
    goto failed;

  find = plaza_store_prepare (store, "SELECT id FROM units WHERE code = ?", error);
  if (find == NULL)
    return FALSE;

  while (plaza_csv_reader_next (si->reader, &fields, &line, &column, &local_error))
    {
      if (plaza_csv_reader_get_offset (si->reader) >= next_progress)
        {
          if (!report_progress (si, error))
            return FALSE;
          next_progress = plaza_csv_reader_get_offset (si->reader) + step;
        }
      if (plaza_import_all_empty (fields))
        continue;
      if (!import_row (si, find, fields, line, error))
        return FALSE;
      if (enough_errors (si))
        goto failed;
    }

  if (local_error != NULL)
    {
      const char *field = column < imp->n_columns ? imp->header[column] : _("file");

      add_error (si, line, field, "%s", local_error->message);
      goto failed;
    }
  if (si->pending->len == 0 && si->n_errors == 0)
    {
      add_error (si, imp->header_line + 1, _("file"), _("there are no data rows after the header"));
      goto failed;
    }
  if (si->n_errors > 0)
    goto failed;

  t_read = g_get_monotonic_time ();
  if (!plaza_import_sales_write (si, error))
    return FALSE;
  t_write = g_get_monotonic_time ();
  if (!plaza_import_sales_finish (si, error))
    return FALSE;
  g_debug ("sales import: %u rows read and checked in %.2f s, written in %.2f s, aggregate in %.2f s",
           imp->n_rows, (double) (t_read - t_start) / G_USEC_PER_SEC, (double) (t_write - t_read) / G_USEC_PER_SEC,
           (double) (g_get_monotonic_time () - t_write) / G_USEC_PER_SEC);
  if (si->progress != NULL)
    si->progress (si->size, si->size, si->progress_data);
  return TRUE;

failed:
  g_propagate_error (error, g_steal_pointer (&si->first_error));
  return FALSE;
}

static gboolean
import_sales (PlazaStore               *store,
              const char               *name,
              const char               *data,
              gsize                     length,
              guint64                   size,
              PlazaImportProgressFunc   progress,
              gpointer                  progress_data,
              GCancellable             *cancellable,
              GPtrArray                *errors,
              PlazaImportResult        *result,
              GError                  **error)
{
  SalesImport si;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *cache_sql = NULL;
  gboolean ok;

  memset (&si, 0, sizeof si);
  plaza_import_init (&si.imp, store, name, plaza_import_sales_columns, PLAZA_IMPORT_N_SALES_COLUMNS);
  si.size = size;
  si.progress = progress;
  si.progress_data = progress_data;
  si.cancellable = cancellable;
  si.errors = errors;
  si.errors_start = errors != NULL ? errors->len : 0;

  si.reader = plaza_csv_reader_new (data, length, &local_error);
  if (si.reader == NULL)
    {
      GError *failure = NULL;

      plaza_import_fail (&si.imp, &failure, 1, _("file"), "%s", local_error->message);
      if (errors != NULL)
        g_ptr_array_add (errors, g_strdup (failure->message));
      g_propagate_error (error, failure);
      return FALSE;
    }
  si.imp.encoding = plaza_csv_reader_get_encoding (si.reader);
  si.units = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, unit_seen_free);
  /* About 30 bytes a row in a POS export. */
  si.pending = g_array_sized_new (FALSE, FALSE, sizeof (Pending), (guint) MIN (length / 24 + 16, G_MAXUINT / 2));

  cache_sql = g_strdup_printf ("PRAGMA cache_size = -%d; PRAGMA foreign_keys = OFF", IMPORT_CACHE_KIB);
  plaza_store_exec (store, cache_sql, NULL);
  g_debug ("sales import: %s opened and decoded", name);
  ok = plaza_store_write (store, import_sales_func, &si, error);
  g_free (cache_sql);
  cache_sql = g_strdup_printf ("PRAGMA cache_size = -%d; PRAGMA foreign_keys = ON", NORMAL_CACHE_KIB);
  plaza_store_exec (store, cache_sql, NULL);

  if (ok && result != NULL)
    {
      result->n_rows = si.imp.n_rows;
      result->encoding = si.imp.encoding;
    }

  g_clear_error (&si.first_error);
  g_hash_table_unref (si.units);
  g_array_unref (si.pending);
  plaza_csv_reader_free (si.reader);
  g_clear_pointer (&si.imp.header, g_strfreev);
  return ok;
}

static gboolean
import_sales_file (PlazaStore               *store,
                   const char               *path,
                   PlazaImportProgressFunc   progress,
                   gpointer                  progress_data,
                   GCancellable             *cancellable,
                   GPtrArray                *errors,
                   PlazaImportResult        *result,
                   GError                  **error)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *data;
  gsize length;

  file = g_mapped_file_new (path, FALSE, &local_error);
  if (file == NULL)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND, "%s", local_error->message);
      if (errors != NULL)
        g_ptr_array_add (errors, g_strdup (local_error->message));
      return FALSE;
    }
  length = g_mapped_file_get_length (file);
  data = length > 0 ? g_mapped_file_get_contents (file) : "";
  return import_sales (store, path, data, length, length, progress, progress_data, cancellable, errors,
                       result, error);
}

gboolean
plaza_import_sales (PlazaStore         *store,
                    const char         *path,
                    PlazaImportResult  *result,
                    GError            **error)
{
  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return import_sales_file (store, path, NULL, NULL, NULL, NULL, result, error);
}

gboolean
plaza_import_sales_full (PlazaStore              *store,
                         const char              *path,
                         PlazaImportProgressFunc  progress,
                         gpointer                 progress_data,
                         GCancellable            *cancellable,
                         GPtrArray               *errors,
                         PlazaImportResult       *result,
                         GError                 **error)
{
  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return import_sales_file (store, path, progress, progress_data, cancellable, errors, result, error);
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
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  return import_sales (store, name, data != NULL ? data : "", length, length, NULL, NULL, NULL, NULL,
                       result, error);
}
