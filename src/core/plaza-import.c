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
 *   A resize is recorded in unit_history. A new unit is 'vacant' since the
 *   day of the import. The same code twice in one file is an error naming
 *   both lines.
 * - Sales: dates YYYY-MM-DD or YYYY/M/D (one- or two-digit month and day,
 *   either separator); `transactions` is a non-negative whole number or
 *   empty.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "plaza-csv.h"
#include "plaza-import-private.h"

static void
clear_row (gpointer data)
{
  Row *row = data;

  g_strfreev (row->fields);
}

void
plaza_import_clear (Import *imp)
{
  g_clear_pointer (&imp->rows, g_array_unref);
  g_clear_pointer (&imp->header, g_strfreev);
}

gboolean
plaza_import_fail (Import      *imp,
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
const char *
plaza_import_column_name (Import *imp,
             guint   s)
{
  if (imp->index[s] >= 0)
    return imp->header[imp->index[s]];
  return imp->specs[s].english;
}

/* The trimmed value of spec @s in @row, or "" when the column is absent. */
const char *
plaza_import_value (Import    *imp,
       const Row *row,
       guint      s)
{
  return imp->index[s] >= 0 ? row->fields[imp->index[s]] : "";
}

gboolean
plaza_import_all_empty (char **fields)
{
  for (guint i = 0; fields[i] != NULL; i++)
    {
      for (const char *c = fields[i]; *c != '\0'; c++)
        if (!g_ascii_isspace (*c))
          return FALSE;
    }
  return TRUE;
}

gboolean
plaza_import_match_header (Import  *imp,
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
            return plaza_import_fail (imp, error, imp->header_line, name, _("the column appears twice in the header"));
          imp->index[s] = (int) c;
          known = TRUE;
        }
      if (!known)
        return plaza_import_fail (imp, error, imp->header_line, *name != '\0' ? name : _("header"),
                     _("unknown column; the columns are %s"), expected->str);
    }

  for (guint s = 0; s < imp->n_specs; s++)
    {
      if (imp->specs[s].required && imp->index[s] < 0)
        return plaza_import_fail (imp, error, imp->header_line, imp->specs[s].english,
                     _("the header has no “%s” (or “%s”) column; the columns are %s"),
                     imp->specs[s].english, imp->specs[s].chinese, expected->str);
    }
  return TRUE;
}

/* Reads the whole file into imp->header and imp->rows. */
gboolean
plaza_import_read (Import     *imp,
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
    return plaza_import_fail (imp, error, 1, _("file"), "%s", local_error->message);
  imp->encoding = plaza_csv_reader_get_encoding (reader);

  imp->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (imp->rows, clear_row);

  while (plaza_csv_reader_next (reader, &fields, &line, &column, &local_error))
    {
      Row row = { line, NULL };
      guint n = g_strv_length (fields);

      if (plaza_import_all_empty (fields))
        continue;

      for (guint i = 0; i < n; i++)
        g_strstrip (fields[i]);

      if (imp->header == NULL)
        {
          imp->header = g_strdupv (fields);
          imp->n_columns = n;
          imp->header_line = line;
          if (!plaza_import_match_header (imp, error))
            return FALSE;
          continue;
        }

      if (n < imp->n_columns)
        return plaza_import_fail (imp, error, line, imp->header[n],
                     _("the value is missing (the row has %u fields, the header %u)"), n, imp->n_columns);
      if (n > imp->n_columns)
        {
          g_autofree char *extra = g_strdup_printf (_("column %u"), imp->n_columns + 1);
          return plaza_import_fail (imp, error, line, extra,
                       _("the row has %u fields, the header only %u"), n, imp->n_columns);
        }

      row.fields = g_strdupv (fields);
      g_array_append_val (imp->rows, row);
    }

  if (local_error != NULL)
    {
      const char *field = imp->header != NULL && column < imp->n_columns ? imp->header[column] : _("file");

      return plaza_import_fail (imp, error, line, field, "%s", local_error->message);
    }

  if (imp->header == NULL)
    return plaza_import_fail (imp, error, 1, _("header"), _("the file is empty; it needs a header row and data rows"));
  if (imp->rows->len == 0)
    return plaza_import_fail (imp, error, imp->header_line + 1, _("file"), _("there are no data rows after the header"));

  return TRUE;
}

gboolean
plaza_import_load (Import      *imp,
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
  return plaza_import_read (imp, data, length, error);
}

gboolean
plaza_import_step_done (PlazaStore    *store,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return plaza_store_set_sqlite_error (store, error);
  return TRUE;
}

gboolean
plaza_import_log (Import      *imp,
            const char  *entity,
            GError     **error)
{
  g_autofree char *base = g_path_get_basename (imp->name);
  g_autofree char *summary = g_strdup_printf ("%u rows from %s", imp->n_rows, base);

  return plaza_store_log_change (imp->store, entity, 0, "import", summary, error);
}

void
plaza_import_init (Import            *imp,
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
plaza_import_run (PlazaStore         *store,
                  const char         *name,
                  const char         *path,
                  const char         *data,
                  gsize               length,
                  const ColumnSpec   *specs,
                  guint               n_specs,
                  ImportRunFunc       run,
                  PlazaImportResult  *result,
                  GError            **error)
{
  Import imp;
  gboolean ok;

  plaza_import_init (&imp, store, name, specs, n_specs);
  if (path != NULL)
    ok = plaza_import_load (&imp, path, error);
  else
    ok = plaza_import_read (&imp, data, length, error);
  ok = ok && run (&imp, result, error);
  plaza_import_clear (&imp);
  return ok;
}
