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
 *   then written: POS exports come in date order, and inserting them in
 *   primary key order appends to each unit's part of the B-tree instead of
 *   touching every unit's pages for every day;
 * - the page cache is made larger for the import and put back after;
 * - foreign keys are checked by the import itself (every unit id comes from
 *   the units table inside the transaction), so SQLite's per-row check is
 *   switched off around the transaction and on again after;
 * - after the rows, the estimated days of every touched unit-month are
 *   deleted in the same transaction (a real figure replaces the month's
 *   estimate, see plaza-sales.h; plaza_sales_set_day does the same), and sales_monthly is recomputed for the touched
 *   unit-months only, with one INSERT … SELECT … GROUP BY;
 * - change_log gets one row for the whole file.
 *
 * Once a row is bad nothing more is written; the rest of the file is still
 * checked so that up to 100 errors can be listed, then the transaction
 * rolls back and the call fails with the first error.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "plaza-csv.h"
#include "plaza-import-private.h"
#include "plaza-money.h"

#define MAX_ERRORS 100
#define IMPORT_CACHE_KIB 262144
#define NORMAL_CACHE_KIB 65536
#define PROGRESS_MAX_STEP (64 * 1024)
#define READ_SHARE 40   /* percent of the progress for reading and checking */
#define BATCH_ROWS 256

enum { S_DATE, S_UNIT, S_AMOUNT, S_TRANSACTIONS };
const ColumnSpec plaza_import_sales_columns[PLAZA_IMPORT_N_SALES_COLUMNS] = {
  { "date", "日期", TRUE },
  { "unit", "铺位号", TRUE },
  { "amount", "销售额", TRUE },
  { "transactions", "笔数", FALSE },
};

/* The lines of one unit's days in one year: index (month − 1) × 31 + day − 1;
 * 0 when the day is not in the file. */
#define YEAR_SLOTS (12 * 31)

typedef struct
{
  gint64      id;          /* 0: there is no such unit */
  GHashTable *years;       /* year → guint32[YEAR_SLOTS] */
  guint       last_year;
  guint32    *last_lines;
} UnitSeen;

/* A checked row waiting to be written: the rows are written in primary key
 * order (unit, date), which makes each insert an append to the unit's part
 * of the table instead of a jump across it. */
typedef struct
{
  gint64   unit_id;
  gint64   amount;
  gint64   transactions;   /* -1: none */
  guint32  ymd;            /* YYYYMMDD */
} Pending;

typedef struct
{
  Import                   imp;
  PlazaCsvReader          *reader;
  guint64                  size;         /* bytes of the file, for progress */
  PlazaImportProgressFunc  progress;
  gpointer                 progress_data;
  GCancellable            *cancellable;
  GPtrArray               *errors;       /* the caller's, or NULL */
  guint                    errors_start;
  guint                    n_errors;
  GError                  *first_error;
  GHashTable              *units;        /* code → UnitSeen */
  GArray                  *pending;      /* Pending */
} SalesImport;

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

/* Writes "YYYY-MM-DD" and a NUL into @out (11 bytes). */
static void
format_date (char  *out,
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
  format_date (date, year, month, day);

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
  format_date (date, row->ymd / 10000, row->ymd / 100 % 100, row->ymd % 100);
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
static gboolean
write_pending (SalesImport   *si,
               GError       **error)
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
              format_date (month, GPOINTER_TO_UINT (year_key), m + 1, 1);
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
static gboolean
finish_import (SalesImport  *si,
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
  if (!write_pending (si, error))
    return FALSE;
  t_write = g_get_monotonic_time ();
  if (!finish_import (si, error))
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
