/* plaza-import-sales-private.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sales import's state, shared by its reading and checking half
 * (plaza-import-sales.c) and its writing half (plaza-import-sales-write.c).
 */

#pragma once

#include "plaza-csv.h"
#include "plaza-import-private.h"

G_BEGIN_DECLS

#define READ_SHARE 40   /* percent of the progress for reading and checking */
#define BATCH_ROWS 256  /* rows to an INSERT statement */

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

/* Writes "YYYY-MM-DD" and a NUL into @out (11 bytes). */
void      plaza_import_format_date  (char         *out,
                                     guint         year,
                                     guint         month,
                                     guint         day);
/* Sorts si->pending and writes it; sets imp.n_rows. */
gboolean  plaza_import_sales_write  (SalesImport  *si,
                                     GError      **error);
/* Estimates out, sales_monthly in step, one change_log row. */
gboolean  plaza_import_sales_finish (SalesImport  *si,
                                     GError      **error);

G_END_DECLS
