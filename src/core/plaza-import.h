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

/* Recomputes sales_monthly for @unit_id and @month ('YYYY-MM') from
 * sales_daily. Call inside plaza_store_write(). */
gboolean plaza_sales_refresh_month  (PlazaStore         *store,
                                     gint64              unit_id,
                                     const char         *month,
                                     GError            **error);

G_END_DECLS
