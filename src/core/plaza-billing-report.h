/* plaza-billing-report.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Billing reports by month: receivables, collections and the collection
 * rate, as CSV or XLSX.
 *
 * For each month M from @from to @to, as of @as_of (bills issued and
 * payments dated on or before it; only issued bills count):
 * - billed: the totals of the bills issued in M (credit notes negative);
 * - paid: the allocations to the lines of those bills;
 * - receivable: billed - paid;
 * - collected: the payments dated in M, net of reversals (negative rows);
 * - due: the totals of the bills (not credit notes) due in M less the
 *   credit notes issued against them;
 * - due_collected: the allocations to the lines of those bills;
 * - rate_bp: due_collected ÷ due in basis points (rounded half up), -1 when
 *   nothing is due.
 */

#pragma once

#include "plaza-store.h"

G_BEGIN_DECLS

typedef struct
{
  char    month[8];       /* "YYYY-MM"; "total" on the totals row */
  gint64  billed;         /* fen */
  gint64  paid;
  gint64  receivable;
  gint64  collected;
  gint64  due;
  gint64  due_collected;
  gint    rate_bp;
} PlazaBillingReportRow;

/* *@rows gets a GArray of PlazaBillingReportRow, one per month (zeros for
 * a month without bills), then one totals row. @as_of NULL = the last day
 * of @to. Bad months or dates are PLAZA_STORE_ERROR_INVALID. */
gboolean plaza_billing_report            (PlazaStore   *store,
                                          const char   *from,
                                          const char   *to,
                                          const char   *as_of,
                                          GArray      **rows,
                                          GError      **error);

/* CSV, "\n" line ends, amounts in yuan with two decimals, the rate in
 * percent with two decimals (empty when nothing is due):
 *   month,billed,paid,receivable,collected,due,due_collected,collection_rate */
char    *plaza_billing_report_csv        (GArray       *rows);

/* Writes @rows to @path: .csv (UTF-8 with a byte order mark) or .xlsx (¥
 * amounts, a styled and frozen header, the rate as a percentage). Any
 * other extension is PLAZA_STORE_ERROR_INVALID. */
gboolean plaza_billing_report_write      (GArray       *rows,
                                          const char   *as_of,
                                          const char   *path,
                                          GError      **error);

G_END_DECLS
