/* plaza-import-private.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the units and sales importers: the file read into rows, the
 * header matched to columns, and the "FILE:LINE: field: message" errors.
 */

#pragma once

#include "plaza-import.h"

G_BEGIN_DECLS

#define MAX_COLUMNS 5

typedef struct
{
  const char *english;
  const char *chinese;
  gboolean    required;
} ColumnSpec;

/* date, unit, amount, transactions (plaza-import-sales.c) */
#define PLAZA_IMPORT_N_SALES_COLUMNS 4
extern const ColumnSpec plaza_import_sales_columns[PLAZA_IMPORT_N_SALES_COLUMNS];

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

gboolean     plaza_import_read        (Import            *imp,
                                       const char        *data,
                                       gsize              length,
                                       GError           **error);
gboolean     plaza_import_load        (Import            *imp,
                                       const char        *path,
                                       GError           **error);
void         plaza_import_init        (Import            *imp,
                                       PlazaStore        *store,
                                       const char        *name,
                                       const ColumnSpec  *specs,
                                       guint              n_specs);
void         plaza_import_clear       (Import            *imp);

/* Matches imp->header (n_columns names) to imp->specs into imp->index;
 * fails on an unknown or doubled column or a missing required one. */
gboolean     plaza_import_match_header (Import           *imp,
                                        GError          **error);
/* TRUE when every field is empty or spaces. */
gboolean     plaza_import_all_empty   (char             **fields);

/* Reads @path (or @data when @path is NULL) and hands the rows to @run. */
typedef gboolean (*ImportRunFunc) (Import             *imp,
                                   PlazaImportResult  *result,
                                   GError            **error);
gboolean     plaza_import_run         (PlazaStore        *store,
                                       const char        *name,
                                       const char        *path,
                                       const char        *data,
                                       gsize              length,
                                       const ColumnSpec  *specs,
                                       guint              n_specs,
                                       ImportRunFunc      run,
                                       PlazaImportResult *result,
                                       GError           **error);

/* Sets a PLAZA_STORE_ERROR_INVALID "NAME:LINE: FIELD: message"; FALSE. */
gboolean     plaza_import_fail        (Import            *imp,
                                       GError           **error,
                                       guint              line,
                                       const char        *field,
                                       const char        *format,
                                       ...) G_GNUC_PRINTF (5, 6);
/* The header's name for spec @s as written in the file. */
const char  *plaza_import_column_name (Import            *imp,
                                       guint              s);
/* The trimmed value of spec @s in @row, or "" when the column is absent. */
const char  *plaza_import_value       (Import            *imp,
                                       const Row         *row,
                                       guint              s);
gboolean     plaza_import_step_done   (PlazaStore        *store,
                                       sqlite3_stmt      *stmt,
                                       GError           **error);
/* One change_log row: "N rows from FILE.csv". */
gboolean     plaza_import_log         (Import            *imp,
                                       const char        *entity,
                                       GError           **error);

G_END_DECLS
