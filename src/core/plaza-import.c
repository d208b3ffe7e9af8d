/* plaza-import.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CSV import of units and daily sales, all or nothing.
 *
 * The file is read and split into records before the transaction starts
 * (plaza_store_write() may run its function more than once); every check
 * that needs the database runs inside it, row by row, so the first bad row
 * in file order is the one reported.
 *
 * Decisions beyond DOMAIN.md:
 * - Header names match case-insensitively (English) and after trimming
 *   spaces; a column the format does not know, or the same column twice, is
 *   an error (a misspelt "transaction" column must not be dropped quietly).
 * - Rows whose fields are all empty (Excel's trailing ",,,") are skipped and
 *   not counted. A file with no data rows is an error.
 * - Values are trimmed of surrounding spaces.
 * - Units: an unknown floor label is created (as DOMAIN.md says) in the
 *   project that holds most floors (the first project if there are no
 *   floors, a new project "MAIN" if there are none), its level read from
 *   the label (B2 → -2, 1F/F1/L1/1 → 1; otherwise one above the top floor).
 *   Floor labels match case-insensitively; a label present in two projects
 *   is an error. Unknown categories are created by name.
 * - Units: an existing code is updated (floor, rentable area, and gross area
 *   and category when the file gives them); an empty or absent gross_area
 *   makes a new unit's gross area its rentable area and leaves an existing
 *   unit's alone; an empty category leaves it alone (never clears it).
 *   A resize is recorded in unit_history. The same code twice in one file
 *   is an error naming both lines.
 * - Sales: dates YYYY-MM-DD or YYYY/M/D (one- or two-digit month and day,
 *   either separator); `transactions` is a non-negative whole number or
 *   empty.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "plaza-csv.h"
#include "plaza-import.h"
#include "plaza-money.h"

#define MAX_COLUMNS 5

typedef struct
{
  const char *english;
  const char *chinese;
  gboolean    required;
} ColumnSpec;

typedef struct
{
  guint  line;
  char **fields;   /* trimmed, n_columns of them */
} Row;

typedef struct
{
  PlazaStore       *store;
  const char       *name;       /* the path as given, for messages */
  const ColumnSpec *specs;
  guint             n_specs;
  int               index[MAX_COLUMNS];   /* spec → column in the file, or -1 */
  char            **header;     /* as written, trimmed */
  guint             n_columns;
  guint             header_line;
  GArray           *rows;       /* Row */
  const char       *encoding;
  guint             n_rows;
} Import;

enum { U_CODE, U_FLOOR, U_AREA, U_GROSS, U_CATEGORY };
static const ColumnSpec unit_columns[] = {
  { "code", "铺位号", TRUE },
  { "floor", "楼层", TRUE },
  { "area", "计租面积", TRUE },
  { "gross_area", "建筑面积", FALSE },
  { "category", "品类", FALSE },
};

enum { S_DATE, S_UNIT, S_AMOUNT, S_TRANSACTIONS };
static const ColumnSpec sales_columns[] = {
  { "date", "日期", TRUE },
  { "unit", "铺位号", TRUE },
  { "amount", "销售额", TRUE },
  { "transactions", "笔数", FALSE },
};

static void
clear_row (gpointer data)
{
  Row *row = data;

  g_strfreev (row->fields);
}

static void
import_clear (Import *imp)
{
  g_clear_pointer (&imp->rows, g_array_unref);
  g_clear_pointer (&imp->header, g_strfreev);
}

G_GNUC_PRINTF (5, 6)
static gboolean
fail (Import      *imp,
      GError     **error,
      guint        line,
      const char  *field,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
               "%s:%u: %s: %s", imp->name, line, field, message);
  return FALSE;
}

/* The header's name for spec @s (as written in the file). */
static const char *
column_name (Import *imp,
             guint   s)
{
  if (imp->index[s] >= 0)
    return imp->header[imp->index[s]];
  return imp->specs[s].english;
}

/* The trimmed value of spec @s in @row, or "" when the column is absent. */
static const char *
value (Import    *imp,
       const Row *row,
       guint      s)
{
  return imp->index[s] >= 0 ? row->fields[imp->index[s]] : "";
}

static gboolean
all_empty (char **fields)
{
  for (guint i = 0; fields[i] != NULL; i++)
    {
      for (const char *c = fields[i]; *c != '\0'; c++)
        if (!g_ascii_isspace (*c))
          return FALSE;
    }
  return TRUE;
}

static gboolean
match_header (Import  *imp,
              GError **error)
{
  g_autoptr(GString) expected = g_string_new (NULL);

  for (guint s = 0; s < imp->n_specs; s++)
    {
      imp->index[s] = -1;
      if (s > 0)
        g_string_append_c (expected, ',');
      g_string_append (expected, imp->specs[s].english);
    }

  for (guint c = 0; c < imp->n_columns; c++)
    {
      const char *name = imp->header[c];
      gboolean known = FALSE;

      for (guint s = 0; s < imp->n_specs && !known; s++)
        {
          if (g_ascii_strcasecmp (name, imp->specs[s].english) != 0 &&
              g_strcmp0 (name, imp->specs[s].chinese) != 0)
            continue;
          if (imp->index[s] >= 0)
            return fail (imp, error, imp->header_line, name, _("the column appears twice in the header"));
          imp->index[s] = (int) c;
          known = TRUE;
        }
      if (!known)
        return fail (imp, error, imp->header_line, *name != '\0' ? name : _("header"),
                     _("unknown column; the columns are %s"), expected->str);
    }

  for (guint s = 0; s < imp->n_specs; s++)
    {
      if (imp->specs[s].required && imp->index[s] < 0)
        return fail (imp, error, imp->header_line, imp->specs[s].english,
                     _("the header has no “%s” (or “%s”) column; the columns are %s"),
                     imp->specs[s].english, imp->specs[s].chinese, expected->str);
    }
  return TRUE;
}

/* Reads the whole file into imp->header and imp->rows. */
static gboolean
import_read (Import     *imp,
             const char *data,
             gsize       length,
             GError    **error)
{
  g_autoptr(PlazaCsvReader) reader = NULL;
  g_autoptr(GError) local_error = NULL;
  char **fields = NULL;
  guint line = 0;
  guint column = 0;

  reader = plaza_csv_reader_new (data, length, &local_error);
  if (reader == NULL)
    return fail (imp, error, 1, _("file"), "%s", local_error->message);
  imp->encoding = plaza_csv_reader_get_encoding (reader);

  imp->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (imp->rows, clear_row);

  while (plaza_csv_reader_next (reader, &fields, &line, &column, &local_error))
    {
      Row row = { line, NULL };
      guint n = g_strv_length (fields);

      if (all_empty (fields))
        continue;

      for (guint i = 0; i < n; i++)
        g_strstrip (fields[i]);

      if (imp->header == NULL)
        {
          imp->header = g_strdupv (fields);
          imp->n_columns = n;
          imp->header_line = line;
          if (!match_header (imp, error))
            return FALSE;
          continue;
        }

      if (n < imp->n_columns)
        return fail (imp, error, line, imp->header[n],
                     _("the value is missing (the row has %u fields, the header %u)"), n, imp->n_columns);
      if (n > imp->n_columns)
        {
          g_autofree char *extra = g_strdup_printf (_("column %u"), imp->n_columns + 1);
          return fail (imp, error, line, extra,
                       _("the row has %u fields, the header only %u"), n, imp->n_columns);
        }

      row.fields = g_strdupv (fields);
      g_array_append_val (imp->rows, row);
    }

  if (local_error != NULL)
    {
      const char *field = imp->header != NULL && column < imp->n_columns ? imp->header[column] : _("file");

      return fail (imp, error, line, field, "%s", local_error->message);
    }

  if (imp->header == NULL)
    return fail (imp, error, 1, _("header"), _("the file is empty; it needs a header row and data rows"));
  if (imp->rows->len == 0)
    return fail (imp, error, imp->header_line + 1, _("file"), _("there are no data rows after the header"));

  return TRUE;
}

static gboolean
import_load (Import      *imp,
             const char  *path,
             GError     **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND, "%s", local_error->message);
      return FALSE;
    }
  return import_read (imp, data, length, error);
}

static gboolean
step_done (PlazaStore    *store,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return plaza_store_set_sqlite_error (store, error);
  return TRUE;
}

static gboolean
log_import (Import      *imp,
            const char  *entity,
            GError     **error)
{
  g_autofree char *base = g_path_get_basename (imp->name);
  g_autofree char *summary = g_strdup_printf ("%u rows from %s", imp->n_rows, base);

  return plaza_store_log_change (imp->store, entity, 0, "import", summary, error);
}

/* ---- units ------------------------------------------------------------ */

typedef struct
{
  Import      imp;
  GHashTable *floors;      /* casefolded label → floor id */
  GHashTable *categories;  /* name → category id */
  GHashTable *codes;       /* code → line */
  gint64      project_id;  /* for new floors; 0 = not chosen yet */
} UnitImport;

static gboolean
query_id (PlazaStore  *store,
          const char  *sql,
          const char  *text,
          gint64      *out_id,
          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = plaza_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_id = sqlite3_column_int64 (stmt, 0);
  else if (rc == SQLITE_DONE)
    *out_id = 0;
  else
    return plaza_store_set_sqlite_error (store, error);
  return TRUE;
}

static gboolean
insert_id (PlazaStore  *store,
           const char  *sql,
           const char  *text1,
           const char  *text2,
           gint64      *out_id,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = plaza_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, text1, -1, SQLITE_TRANSIENT);
  if (text2 != NULL)
    sqlite3_bind_text (stmt, 2, text2, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  *out_id = sqlite3_last_insert_rowid (plaza_store_get_db (store));
  return TRUE;
}

/* "B2" → -2; "1F", "F1", "L1", "1" → 1; FALSE when the label says nothing. */
static gboolean
floor_level_from_label (const char *label,
                        gint64     *level)
{
  g_autofree char *up = g_ascii_strup (label, -1);
  const char *p = up;
  gboolean basement = FALSE;
  guint64 n = 0;
  char *end = NULL;

  if (*p == 'B' || *p == '-')
    {
      basement = TRUE;
      p++;
    }
  else if (*p == 'F' || *p == 'L')
    p++;
  if (!g_ascii_isdigit (*p))
    return FALSE;
  n = g_ascii_strtoull (p, &end, 10);
  if (n == 0 || n > 200)
    return FALSE;
  if (*end == 'F')
    end++;
  if (*end != '\0')
    return FALSE;
  *level = basement ? -(gint64) n : (gint64) n;
  return TRUE;
}

static gboolean
resolve_floor (UnitImport  *ui,
               const Row   *row,
               const char  *label,
               gint64      *out_id,
               GError     **error)
{
  PlazaStore *store = ui->imp.store;
  g_autofree char *key = g_utf8_casefold (label, -1);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  gpointer cached;
  gint64 level = 0;
  int rc;

  cached = g_hash_table_lookup (ui->floors, key);
  if (cached != NULL)
    {
      *out_id = *(gint64 *) cached;
      return TRUE;
    }

  stmt = plaza_store_prepare (store, "SELECT id FROM floors WHERE label = ? COLLATE NOCASE", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, label, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_id = sqlite3_column_int64 (stmt, 0);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        return fail (&ui->imp, error, row->line, column_name (&ui->imp, U_FLOOR),
                     _("floor “%s” exists in more than one project; rename one of them first"), label);
    }
  else if (rc == SQLITE_DONE)
    {
      /* A new floor. */
      if (ui->project_id == 0)
        {
          if (!query_id (store, "SELECT project_id FROM floors GROUP BY project_id "
                                "ORDER BY count (*) DESC, project_id LIMIT 1", NULL, &ui->project_id, error))
            return FALSE;
          if (ui->project_id == 0 &&
              !query_id (store, "SELECT id FROM projects ORDER BY id LIMIT 1", NULL, &ui->project_id, error))
            return FALSE;
          if (ui->project_id == 0 &&
              !insert_id (store, "INSERT INTO projects (code, name) VALUES (?, ?)",
                          "MAIN", _("Main project"), &ui->project_id, error))
            return FALSE;
        }
      if (!floor_level_from_label (label, &level))
        {
          if (!query_id (store, "SELECT coalesce (max (level), 0) + 1 FROM floors", NULL, &level, error))
            return FALSE;
        }
      insert = plaza_store_prepare (store, "INSERT INTO floors (project_id, label, level) VALUES (?, ?, ?)", error);
      if (insert == NULL)
        return FALSE;
      sqlite3_bind_int64 (insert, 1, ui->project_id);
      sqlite3_bind_text (insert, 2, label, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (insert, 3, level);
      if (sqlite3_step (insert) != SQLITE_DONE)
        return plaza_store_set_sqlite_error (store, error);
      *out_id = sqlite3_last_insert_rowid (plaza_store_get_db (store));
    }
  else
    return plaza_store_set_sqlite_error (store, error);

  g_hash_table_insert (ui->floors, g_steal_pointer (&key), g_memdup2 (out_id, sizeof *out_id));
  return TRUE;
}

static gboolean
resolve_category (UnitImport  *ui,
                  const char  *name,
                  gint64      *out_id,
                  GError     **error)
{
  gint64 *cached = g_hash_table_lookup (ui->categories, name);

  if (cached != NULL)
    {
      *out_id = *cached;
      return TRUE;
    }
  if (!query_id (ui->imp.store, "SELECT id FROM categories WHERE name = ?", name, out_id, error))
    return FALSE;
  if (*out_id == 0 &&
      !insert_id (ui->imp.store, "INSERT INTO categories (name) VALUES (?)", name, NULL, out_id, error))
    return FALSE;
  g_hash_table_insert (ui->categories, g_strdup (name), g_memdup2 (out_id, sizeof *out_id));
  return TRUE;
}

static gboolean
parse_area_field (Import      *imp,
                  const Row   *row,
                  guint        s,
                  gboolean     positive,
                  gint64      *out,
                  GError     **error)
{
  const char *text = value (imp, row, s);

  if (!plaza_area_parse (text, out))
    return fail (imp, error, row->line, column_name (imp, s),
                 _("“%s” is not an area in m² (a number with at most two decimals)"), text);
  if (positive && *out <= 0)
    return fail (imp, error, row->line, column_name (imp, s), _("the area must be greater than zero"));
  return TRUE;
}

static gboolean
import_units_func (PlazaStore  *store,
                   gpointer     user_data,
                   GError     **error)
{
  UnitImport *ui = user_data;
  Import *imp = &ui->imp;
  g_autoptr(sqlite3_stmt) find = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autoptr(sqlite3_stmt) history = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  /* This function may run again after a lost lock: start afresh. */
  g_hash_table_remove_all (ui->floors);
  g_hash_table_remove_all (ui->categories);
  g_hash_table_remove_all (ui->codes);
  ui->project_id = 0;
  imp->n_rows = 0;

  find = plaza_store_prepare (store, "SELECT id, floor_id, gross_area, rentable_area, planned_category_id "
                                     "FROM units WHERE code = ?", error);
  insert = plaza_store_prepare (store, "INSERT INTO units (floor_id, code, gross_area, rentable_area, "
                                       "planned_category_id, vacant_since) VALUES (?, ?, ?, ?, ?, ?)", error);
  update = plaza_store_prepare (store, "UPDATE units SET floor_id = ?, gross_area = ?, rentable_area = ?, "
                                       "planned_category_id = ?, rev = rev + 1 WHERE id = ?", error);
  history = plaza_store_prepare (store, "INSERT INTO unit_history (unit_id, kind, date, note) "
                                        "VALUES (?, 'resize', ?, ?)", error);
  if (find == NULL || insert == NULL || update == NULL || history == NULL)
    return FALSE;

  for (guint i = 0; i < imp->rows->len; i++)
    {
      const Row *row = &g_array_index (imp->rows, Row, i);
      const char *code = value (imp, row, U_CODE);
      const char *floor = value (imp, row, U_FLOOR);
      const char *gross_text = value (imp, row, U_GROSS);
      const char *category = value (imp, row, U_CATEGORY);
      gpointer seen = NULL;
      gint64 area = 0, gross = 0, floor_id = 0, category_id = 0;
      int rc;

      if (*code == '\0')
        return fail (imp, error, row->line, column_name (imp, U_CODE), _("the unit code is empty"));
      if (g_hash_table_lookup_extended (ui->codes, code, NULL, &seen))
        return fail (imp, error, row->line, column_name (imp, U_CODE),
                     _("unit “%s” appears twice in the file, on lines %u and %u"),
                     code, GPOINTER_TO_UINT (seen), row->line);
      g_hash_table_insert (ui->codes, g_strdup (code), GUINT_TO_POINTER (row->line));

      if (*floor == '\0')
        return fail (imp, error, row->line, column_name (imp, U_FLOOR), _("the floor is empty"));
      if (!parse_area_field (imp, row, U_AREA, TRUE, &area, error))
        return FALSE;
      if (*gross_text != '\0' && !parse_area_field (imp, row, U_GROSS, FALSE, &gross, error))
        return FALSE;
      if (!resolve_floor (ui, row, floor, &floor_id, error))
        return FALSE;
      if (*category != '\0' && !resolve_category (ui, category, &category_id, error))
        return FALSE;

      sqlite3_bind_text (find, 1, code, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (find);
      if (rc == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (find, 0);
          gint64 old_floor = sqlite3_column_int64 (find, 1);
          gint64 old_gross = sqlite3_column_int64 (find, 2);
          gint64 old_area = sqlite3_column_int64 (find, 3);
          gint64 old_category = sqlite3_column_int64 (find, 4);
          gboolean had_category = sqlite3_column_type (find, 4) != SQLITE_NULL;

          sqlite3_reset (find);
          if (*gross_text == '\0')
            gross = old_gross;
          if (*category == '\0')
            category_id = had_category ? old_category : 0;

          if (old_floor != floor_id || old_gross != gross || old_area != area ||
              (had_category ? old_category : 0) != category_id)
            {
              sqlite3_bind_int64 (update, 1, floor_id);
              sqlite3_bind_int64 (update, 2, gross);
              sqlite3_bind_int64 (update, 3, area);
              if (category_id != 0)
                sqlite3_bind_int64 (update, 4, category_id);
              else
                sqlite3_bind_null (update, 4);
              sqlite3_bind_int64 (update, 5, id);
              if (!step_done (store, update, error))
                return FALSE;
            }
          if (old_area != area)
            {
              g_autofree char *from = plaza_area_format (old_area);
              g_autofree char *to = plaza_area_format (area);
              g_autofree char *note = g_strdup_printf ("%s → %s m² (import)", from, to);

              sqlite3_bind_int64 (history, 1, id);
              sqlite3_bind_text (history, 2, today, -1, SQLITE_TRANSIENT);
              sqlite3_bind_text (history, 3, note, -1, SQLITE_TRANSIENT);
              if (!step_done (store, history, error))
                return FALSE;
            }
        }
      else if (rc == SQLITE_DONE)
        {
          sqlite3_reset (find);
          sqlite3_bind_int64 (insert, 1, floor_id);
          sqlite3_bind_text (insert, 2, code, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (insert, 3, *gross_text != '\0' ? gross : area);
          sqlite3_bind_int64 (insert, 4, area);
          if (category_id != 0)
            sqlite3_bind_int64 (insert, 5, category_id);
          else
            sqlite3_bind_null (insert, 5);
          sqlite3_bind_text (insert, 6, today, -1, SQLITE_TRANSIENT);
          if (!step_done (store, insert, error))
            return FALSE;
        }
      else
        {
          sqlite3_reset (find);
          return plaza_store_set_sqlite_error (store, error);
        }
      imp->n_rows++;
    }

  return log_import (imp, "units", error);
}

static gboolean
run_units (Import             *imp,
           PlazaImportResult  *result,
           GError            **error)
{
  UnitImport ui = { .imp = *imp };
  gboolean ok;

  ui.floors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ui.categories = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ui.codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  ok = plaza_store_write (imp->store, import_units_func, &ui, error);
  if (ok && result != NULL)
    {
      result->n_rows = ui.imp.n_rows;
      result->encoding = ui.imp.encoding;
    }

  g_hash_table_unref (ui.floors);
  g_hash_table_unref (ui.categories);
  g_hash_table_unref (ui.codes);
  return ok;
}

/* ---- sales ------------------------------------------------------------ */

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
      const char *date_text = value (imp, row, S_DATE);
      const char *code = value (imp, row, S_UNIT);
      const char *amount_text = value (imp, row, S_AMOUNT);
      const char *count_text = value (imp, row, S_TRANSACTIONS);
      g_autofree char *date = NULL;
      g_autofree char *seen_key = NULL;
      gint64 *unit_id = NULL;
      gint64 amount = 0, count = 0;
      gpointer seen_line = NULL;

      if (*date_text == '\0')
        return fail (imp, error, row->line, column_name (imp, S_DATE), _("the date is empty"));
      date = parse_date (date_text);
      if (date == NULL)
        return fail (imp, error, row->line, column_name (imp, S_DATE),
                     _("“%s” is not a date (write YYYY-MM-DD or YYYY/M/D)"), date_text);

      if (*code == '\0')
        return fail (imp, error, row->line, column_name (imp, S_UNIT), _("the unit code is empty"));
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
            return fail (imp, error, row->line, column_name (imp, S_UNIT),
                         _("there is no unit “%s”; import or add the unit first"), code);
          unit_id = g_memdup2 (&id, sizeof id);
          g_hash_table_insert (si->units, g_strdup (code), unit_id);
        }

      if (*amount_text == '\0')
        return fail (imp, error, row->line, column_name (imp, S_AMOUNT), _("the amount is empty"));
      if (!plaza_money_parse (amount_text, &amount))
        return fail (imp, error, row->line, column_name (imp, S_AMOUNT),
                     _("“%s” is not an amount in yuan (a number with at most two decimals)"), amount_text);
      if (amount < 0)
        return fail (imp, error, row->line, column_name (imp, S_AMOUNT),
                     _("sales cannot be negative (%s)"), amount_text);

      if (*count_text != '\0' && !parse_count (count_text, &count))
        return fail (imp, error, row->line, column_name (imp, S_TRANSACTIONS),
                     _("“%s” is not a whole number of transactions"), count_text);

      seen_key = g_strdup_printf ("%" G_GINT64_FORMAT "|%s", *unit_id, date);
      if (g_hash_table_lookup_extended (si->seen, seen_key, NULL, &seen_line))
        return fail (imp, error, row->line, column_name (imp, S_UNIT),
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
      if (!step_done (store, upsert, error))
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

  return log_import (imp, "sales", error);
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

/* ---- public API ------------------------------------------------------- */

static void
import_init (Import            *imp,
             PlazaStore        *store,
             const char        *name,
             const ColumnSpec  *specs,
             guint              n_specs)
{
  memset (imp, 0, sizeof *imp);
  imp->store = store;
  imp->name = name;
  imp->specs = specs;
  imp->n_specs = n_specs;
}

gboolean
plaza_import_units (PlazaStore         *store,
                    const char         *path,
                    PlazaImportResult  *result,
                    GError            **error)
{
  Import imp;
  gboolean ok;

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  import_init (&imp, store, path, unit_columns, G_N_ELEMENTS (unit_columns));
  ok = import_load (&imp, path, error) && run_units (&imp, result, error);
  import_clear (&imp);
  return ok;
}

gboolean
plaza_import_units_from_data (PlazaStore         *store,
                              const char         *name,
                              const char         *data,
                              gsize               length,
                              PlazaImportResult  *result,
                              GError            **error)
{
  Import imp;
  gboolean ok;

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  import_init (&imp, store, name, unit_columns, G_N_ELEMENTS (unit_columns));
  ok = import_read (&imp, data, length, error) && run_units (&imp, result, error);
  import_clear (&imp);
  return ok;
}

gboolean
plaza_import_sales (PlazaStore         *store,
                    const char         *path,
                    PlazaImportResult  *result,
                    GError            **error)
{
  Import imp;
  gboolean ok;

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  import_init (&imp, store, path, sales_columns, G_N_ELEMENTS (sales_columns));
  ok = import_load (&imp, path, error) && run_sales (&imp, result, error);
  import_clear (&imp);
  return ok;
}

gboolean
plaza_import_sales_from_data (PlazaStore         *store,
                              const char         *name,
                              const char         *data,
                              gsize               length,
                              PlazaImportResult  *result,
                              GError            **error)
{
  Import imp;
  gboolean ok;

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  import_init (&imp, store, name, sales_columns, G_N_ELEMENTS (sales_columns));
  ok = import_read (&imp, data, length, error) && run_sales (&imp, result, error);
  import_clear (&imp);
  return ok;
}
