/* plaza-import.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CSV import of units and daily sales (DOMAIN.md "Units import format" and
 * "Sales import format"). Each import is one plaza_store_write() transaction:
 * all rows land, or nothing changes. Errors are PLAZA_STORE_ERROR_INVALID
 * with the message "FILE:LINE: field: what is wrong", FILE being the path as
 * given and field the column name as written in the file's header.
 */

#pragma once

#include <gio/gio.h>

#include "plaza-store.h"

G_BEGIN_DECLS

typedef struct
{
  guint       n_rows;     /* data rows imported (blank rows not counted) */
  const char *encoding;   /* "UTF-8" or "GB18030" (static) */
} PlazaImportResult;

/* Header `code,floor,area[,gross_area][,category]` or
 * `铺位号,楼层,计租面积[,建筑面积][,品类]`, in any order. */
gboolean plaza_import_units (PlazaStore         *store,
                             const char         *path,
                             PlazaImportResult  *result,
                             GError            **error);

/* Header `date,unit,amount[,transactions]` or `日期,铺位号,销售额[,笔数]`,
 * in any order. Upserts sales_daily (source 'pos') and recomputes
 * sales_monthly for the touched (unit, month) pairs. */
gboolean plaza_import_sales (PlazaStore         *store,
                             const char         *path,
                             PlazaImportResult  *result,
                             GError            **error);

/* The same, on bytes already in memory; @name stands for the path in
 * messages and in change_log. */
gboolean plaza_import_units_from_data (PlazaStore         *store,
                                       const char         *name,
                                       const char         *data,
                                       gsize               length,
                                       PlazaImportResult  *result,
                                       GError            **error);
gboolean plaza_import_sales_from_data (PlazaStore         *store,
                                       const char         *name,
                                       const char         *data,
                                       gsize               length,
                                       PlazaImportResult  *result,
                                       GError            **error);

/* What the GUI import dialog shows before importing a sales file: the
 * detected encoding, the header as written, which column each field comes
 * from (-1: absent) and the first rows, decoded to UTF-8. Fails with
 * PLAZA_STORE_ERROR_INVALID ("FILE:1: …") when the file cannot be read or a
 * required column is missing. Reads at most the first 64 KiB; no store. */
typedef struct
{
  char       *encoding;          /* "UTF-8", "UTF-8 (BOM)" or "GB18030" */
  char      **header;            /* NULL-terminated */
  int         date_column;
  int         unit_column;
  int         amount_column;
  int         transactions_column;
  GPtrArray  *rows;              /* of NULL-terminated char ** */
  guint64     size;              /* bytes of the whole file */
} PlazaSalesPreview;

PlazaSalesPreview *plaza_sales_preview      (const char         *path,
                                             guint               max_rows,
                                             GError            **error);
void               plaza_sales_preview_free (PlazaSalesPreview  *preview);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlazaSalesPreview, plaza_sales_preview_free)

/* Called from the importing thread now and then (about every 1 % and at
 * least every 64 KiB) with the work done so far, counted in bytes of the
 * file: reading and checking it makes the first 40 %, writing the rows the
 * rest; @done reaches @total when the import succeeds. */
typedef void (*PlazaImportProgressFunc) (guint64  done,
                                         guint64  total,
                                         gpointer user_data);

/* plaza_import_sales() with progress, cancellation and every error: when
 * @cancellable is cancelled the transaction rolls back and the call fails
 * with G_IO_ERROR_CANCELLED. On a bad file it keeps checking the rest
 * (without writing) and appends each "FILE:LINE: field: message" to
 * @errors (if not NULL; at most 100), rolls back, and fails with the first. */
gboolean plaza_import_sales_full (PlazaStore              *store,
                                  const char              *path,
                                  PlazaImportProgressFunc  progress,
                                  gpointer                 progress_data,
                                  GCancellable            *cancellable,
                                  GPtrArray               *errors,
                                  PlazaImportResult       *result,
                                  GError                 **error);

/* Recomputes sales_monthly for @unit_id and @month ('YYYY-MM') from
 * sales_daily. Call inside plaza_store_write(). */
gboolean plaza_sales_refresh_month  (PlazaStore         *store,
                                     gint64              unit_id,
                                     const char         *month,
                                     GError            **error);

G_END_DECLS
