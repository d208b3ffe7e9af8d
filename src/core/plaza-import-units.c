/* plaza-import-units.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Units import: see plaza-import.c for the rules.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "plaza-import-private.h"
#include "plaza-money.h"

enum { U_CODE, U_FLOOR, U_AREA, U_GROSS, U_CATEGORY };
static const ColumnSpec unit_columns[] = {
  { "code", "铺位号", TRUE },
  { "floor", "楼层", TRUE },
  { "area", "计租面积", TRUE },
  { "gross_area", "建筑面积", FALSE },
  { "category", "品类", FALSE },
};

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
        return plaza_import_fail (&ui->imp, error, row->line, plaza_import_column_name (&ui->imp, U_FLOOR),
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
  const char *text = plaza_import_value (imp, row, s);

  if (!plaza_area_parse (text, out))
    return plaza_import_fail (imp, error, row->line, plaza_import_column_name (imp, s),
                 _("“%s” is not an area in m² (a number with at most two decimals)"), text);
  if (positive && *out <= 0)
    return plaza_import_fail (imp, error, row->line, plaza_import_column_name (imp, s), _("the area must be greater than zero"));
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
      const char *code = plaza_import_value (imp, row, U_CODE);
      const char *floor = plaza_import_value (imp, row, U_FLOOR);
      const char *gross_text = plaza_import_value (imp, row, U_GROSS);
      const char *category = plaza_import_value (imp, row, U_CATEGORY);
      gpointer seen = NULL;
      gint64 area = 0, gross = 0, floor_id = 0, category_id = 0;
      int rc;

      if (*code == '\0')
        return plaza_import_fail (imp, error, row->line, plaza_import_column_name (imp, U_CODE), _("the unit code is empty"));
      if (g_hash_table_lookup_extended (ui->codes, code, NULL, &seen))
        return plaza_import_fail (imp, error, row->line, plaza_import_column_name (imp, U_CODE),
                     _("unit “%s” appears twice in the file, on lines %u and %u"),
                     code, GPOINTER_TO_UINT (seen), row->line);
      g_hash_table_insert (ui->codes, g_strdup (code), GUINT_TO_POINTER (row->line));

      if (*floor == '\0')
        return plaza_import_fail (imp, error, row->line, plaza_import_column_name (imp, U_FLOOR), _("the floor is empty"));
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
              if (!plaza_import_step_done (store, update, error))
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
              if (!plaza_import_step_done (store, history, error))
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
          if (!plaza_import_step_done (store, insert, error))
            return FALSE;
        }
      else
        {
          sqlite3_reset (find);
          return plaza_store_set_sqlite_error (store, error);
        }
      imp->n_rows++;
    }

  return plaza_import_log (imp, "units", error);
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

gboolean
plaza_import_units (PlazaStore         *store,
                   const char         *path,
                   PlazaImportResult  *result,
                   GError            **error)
{
  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return plaza_import_run (store, path, path, NULL, 0, unit_columns, G_N_ELEMENTS (unit_columns),
                           run_units, result, error);
}

gboolean
plaza_import_units_from_data (PlazaStore         *store,
                             const char         *name,
                             const char         *data,
                             gsize               length,
                             PlazaImportResult  *result,
                             GError            **error)
{
  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  return plaza_import_run (store, name, NULL, data, length, unit_columns, G_N_ELEMENTS (unit_columns),
                           run_units, result, error);
}
