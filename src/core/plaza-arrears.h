/* plaza-arrears.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Arrears aging and late fees (滞纳金).
 *
 * Aging at a date: the open amount of every line (see plaza-payments.h)
 * counting only bills issued, payments made and credit notes issued on or
 * before that date, bucketed by days past the bill's due date: "current"
 * when the due date is after the date, then 0–30 (due that day up to 30
 * days late), 31–60, 61–90 and 90+ (91 days or more).
 *
 * Late fee of one bill at a date: the contract's late_fee_bp_per_day on the
 * bill's unpaid amount for every day from due date + grace days + 1 up to
 * and including the date (with no grace: from the day after the due date).
 * A payment reduces the unpaid amount from its own date on (that day
 * included); reversed payments and their reversals count as never made; a
 * credit note reduces it from its issue date. The sum of amount × bp over
 * the days is divided by 10,000 once per bill, rounded half up, then capped
 * at late_fee_cap (0 = no cap). Bills of late fees bear none.
 */

#pragma once

#include "plaza-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  tenant_id;     /* 0 for the total row */
  char   *code;          /* "" for the total row */
  char   *name;          /* translated "Total" for the total row */
  gint64  current;       /* fen, not yet due */
  gint64  days_0_30;
  gint64  days_31_60;
  gint64  days_61_90;
  gint64  days_90_plus;
  gint64  total;
  char   *oldest_due;    /* YYYY-MM-DD of the oldest open line, NULL if none */
  gint64  credit;        /* unallocated payments and unused credit notes */
  gint64  late_fee;      /* late fee accrued and not yet billed (with fees) */
} PlazaArrearsRow;

void     plaza_arrears_row_free   (PlazaArrearsRow *row);

/* One row per tenant (former tenants too) with an open amount or credit,
 * ordered by tenant code, then the total row. */
gboolean plaza_arrears_aging      (PlazaStore   *store,
                                   const char   *as_of,
                                   GPtrArray   **rows,
                                   GError      **error);
/* The same with each row's late_fee filled in; a tenant with only a late
 * fee not billed yet (one who paid late) has a row too. */
gboolean plaza_arrears_aging_with_fees (PlazaStore  *store,
                                        const char  *as_of,
                                        GPtrArray  **rows,
                                        GError     **error);

/* @tenant_id's row of plaza_arrears_aging (without the late fee), or
 * *@row = NULL when it has nothing open and no credit: the same figures,
 * without working out every other tenant. */
gboolean plaza_arrears_aging_tenant (PlazaStore       *store,
                                     const char       *as_of,
                                     gint64            tenant_id,
                                     PlazaArrearsRow **row,
                                     GError          **error);

/* *@days: from the due date of @tenant_id's oldest line open at @as_of
 * (open as the aging counts it: credit notes and payments to that date)
 * to @as_of; 0 when nothing is overdue. The tenant health score uses it. */
gboolean plaza_arrears_days       (PlazaStore   *store,
                                   gint64        tenant_id,
                                   const char   *as_of,
                                   gint64       *days,
                                   GError      **error);

/* The late fee accrued on @bill_id up to @as_of (see above). */
gboolean plaza_late_fee           (PlazaStore   *store,
                                   gint64        bill_id,
                                   const char   *as_of,
                                   gint64       *amount,
                                   GError      **error);

/* The tenant's late fees at @as_of: *@accrued (may be NULL) over all its
 * bills, *@unbilled (may be NULL) what late-fee bills have not billed yet. */
gboolean plaza_late_fee_tenant    (PlazaStore   *store,
                                   gint64        tenant_id,
                                   const char   *as_of,
                                   gint64       *accrued,
                                   gint64       *unbilled,
                                   GError      **error);

/* Bills the unbilled late fees of @tenant_id (0 = every tenant) at @as_of:
 * per overdue bill one 'supplementary' bill (code <bill>-LF<yyyymm>,
 * original_bill_id the overdue bill, month and issue date from @as_of, due
 * on the 15th of the next month) with one 'late_fee' line. Once per bill
 * and month of @as_of: running again for that month bills nothing. One
 * transaction; then the tenants' credit is applied. */
gboolean plaza_late_fees_bill     (PlazaStore   *store,
                                   gint64        tenant_id,
                                   const char   *as_of,
                                   guint        *n_bills,
                                   GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlazaArrearsRow, plaza_arrears_row_free)

G_END_DECLS
