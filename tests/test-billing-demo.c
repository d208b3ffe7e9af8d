/* test-billing-demo.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo's bills come from the bill run: a walk over EVERY contract of a
 * medium demo checks that each regular bill's rent, percentage-rent and
 * fee lines equal plaza_contract_schedule's figures for that contract and
 * month (promotion fees aside), that every month of the demo's billing
 * history with something to charge has its bill, and that the payments
 * tell the demo's story (most paid, some in part, some owing).
 */

#include "config.h"

#include <string.h>

#include "plaza-billing.h"
#include "plaza-contract-schedule.h"
#include "plaza-demo.h"
#include "plaza-payments.h"
#include "test-util.h"

static void
test_medium_demo (void)
{
  g_autofree char *dir = g_dir_make_tmp ("plaza-billing-demo-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) contracts = NULL;
  g_autoptr(sqlite3_stmt) lines = NULL;
  GDate today;
  guint n_contracts = 0, n_bills = 0, n_checked_months = 0;
  int rc;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 27, G_DATE_NOVEMBER, 2026);
  store = plaza_store_open (path, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (plaza_demo_generate (store, 7, PLAZA_DEMO_MEDIUM, &today, &error));
  g_assert_no_error (error);

  contracts = plaza_store_prepare (store, "SELECT id, code, state, kind FROM contracts ORDER BY id", &error);
  g_assert_no_error (error);
  /* Per bill of the contract and month: the sums by kind. */
  lines = plaza_store_prepare (store,
    "SELECT count (DISTINCT b.id),"
    "  coalesce (sum (CASE WHEN l.kind IN ('rent', 'percentage_rent') THEN l.amount END), 0),"
    "  coalesce (sum (CASE WHEN l.kind = 'fee' THEN l.amount END), 0),"
    "  coalesce (sum (CASE WHEN l.kind NOT IN ('rent', 'percentage_rent', 'fee', 'promotion_fee') THEN 1 END), 0),"
    "  coalesce (sum (CASE WHEN l.kind <> 'promotion_fee' THEN l.amount END), 0),"
    "  (SELECT coalesce (sum (total), 0) FROM bills WHERE contract_id = ?1 AND month = ?2 AND kind = 'regular')"
    " FROM bills b JOIN bill_lines l ON l.bill_id = b.id"
    " WHERE b.contract_id = ?1 AND b.month = ?2 AND b.kind = 'regular'", &error);
  g_assert_no_error (error);

  while ((rc = sqlite3_step (contracts)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (contracts, 0);
      const char *state = (const char *) sqlite3_column_text (contracts, 2);
      /* concessions are settled on their monthly sheet, never billed */
      gboolean billable = (g_str_equal (state, "active") || g_str_equal (state, "expired") ||
                           g_str_equal (state, "terminated") || g_str_equal (state, "renewed"))
                          && g_str_equal ((const char *) sqlite3_column_text (contracts, 3), "lease");
      g_autoptr(GArray) rows = NULL;

      n_contracts++;
      g_assert_true (plaza_contract_schedule (store, id, &rows, &error));
      g_assert_no_error (error);
      for (guint i = 0; i < rows->len; i++)
        {
          const PlazaScheduleRow *row = &g_array_index (rows, PlazaScheduleRow, i);
          gint64 n, rent, fees, others, sum, total;

          /* the demo bills the twelve months before November 2026 */
          if (strcmp (row->month, "2025-11") < 0 || strcmp (row->month, "2026-10") > 0)
            continue;
          sqlite3_reset (lines);
          sqlite3_bind_int64 (lines, 1, id);
          sqlite3_bind_text (lines, 2, row->month, -1, SQLITE_TRANSIENT);
          g_assert_cmpint (sqlite3_step (lines), ==, SQLITE_ROW);
          n = sqlite3_column_int64 (lines, 0);
          rent = sqlite3_column_int64 (lines, 1);
          fees = sqlite3_column_int64 (lines, 2);
          others = sqlite3_column_int64 (lines, 3);
          sum = sqlite3_column_int64 (lines, 4);
          total = sqlite3_column_int64 (lines, 5);
          n_checked_months++;
          if (!billable || row->total == 0)
            {
              g_assert_cmpint (n, ==, 0);
              continue;
            }
          if (n != 1 || rent != row->rent || fees != row->fees)
            g_error ("%s %s: %lld bills, rent %lld (schedule %lld), fees %lld (schedule %lld)",
                     (const char *) sqlite3_column_text (contracts, 1), row->month, (long long) n,
                     (long long) rent, (long long) row->rent, (long long) fees, (long long) row->fees);
          g_assert_cmpint (others, ==, 0);
          g_assert_cmpint (sum, ==, row->total);
          g_assert_cmpint (total, >=, sum);
          n_bills++;
        }
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  g_assert_cmpuint (n_contracts, >, 300);
  g_assert_cmpuint (n_checked_months, >=, n_bills);
  /* every regular bill of the history was checked: none without a schedule row */
  g_assert_cmpint (plaza_test_count (store, "SELECT count(*) FROM bills WHERE kind = 'regular'"), ==, n_bills);
  g_assert_cmpint (plaza_test_count (store, "SELECT count(*) FROM bills WHERE issue_date <> "
                                            "date (month || '-01', '+1 month')"), ==, 0);
  g_assert_cmpint (plaza_test_count (store, "SELECT count(*) FROM bill_lines WHERE estimated = 1"), >, 0);

  /* The story: most bills paid in full, some in part, arrears more than
   * two months old (payments go to the oldest open lines first). */
  g_assert_cmpint (plaza_test_count (store, "SELECT count(*) FROM payments"), >, n_bills / 2);
  g_assert_cmpint (plaza_test_count (store, "SELECT count(*) FROM payments WHERE reversal_of IS NOT NULL"), ==, 0);
  g_assert_cmpint (plaza_test_count (store,
    "SELECT count(*) FROM bills b WHERE b.total > 0 AND b.total = (SELECT coalesce (sum (pa.amount), 0)"
    " FROM payment_allocations pa JOIN bill_lines l ON l.id = pa.bill_line_id WHERE l.bill_id = b.id)"),
    >, n_bills / 2);
  g_assert_cmpint (plaza_test_count (store,
    "SELECT count(*) FROM bills b WHERE (SELECT coalesce (sum (pa.amount), 0) FROM payment_allocations pa"
    " JOIN bill_lines l ON l.id = pa.bill_line_id WHERE l.bill_id = b.id) BETWEEN 1 AND b.total - 1"), >, 0);
  g_assert_cmpint (plaza_test_count (store,
    "SELECT count(*) FROM bills b WHERE b.due_date < '2026-10-01' AND b.total > (SELECT coalesce (sum (pa.amount), 0)"
    " FROM payment_allocations pa JOIN bill_lines l ON l.id = pa.bill_line_id WHERE l.bill_id = b.id)"), >, 0);
  /* every payment is allocated in full (no over-payments in the demo) */
  g_assert_cmpint (plaza_test_count (store,
    "SELECT count(*) FROM payments p WHERE p.amount <> (SELECT coalesce (sum (amount), 0)"
    " FROM payment_allocations WHERE payment_id = p.id)"), ==, 0);
  g_assert_cmpint (plaza_test_count (store, "SELECT count(*) FROM sqlite_master WHERE name = 'demo_payments_reversal'"),
                   ==, 0);

  g_clear_object (&store);
  plaza_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/billing-demo/medium-bills-match-schedules", test_medium_demo);
  return g_test_run ();
}
