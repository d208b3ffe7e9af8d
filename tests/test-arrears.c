/* test-arrears.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * plaza_arrears_aging, plaza_late_fee*, plaza_late_fees_bill and plazactl
 * arrears. Aging at 2026-06-30 (amounts in fen, all bills issued
 * 2026-03-01):
 *   T1 Alpha (contract C1): due 2026-05-31 (30 days) 10,000; 05-30 (31)
 *     20,000; 05-01 (60) 40,000; 04-30 (61) 80,000; 04-01 (90) 160,000;
 *     03-31 (91) 320,000; 06-30 (0) 640,000; 07-01 (not due) 1,280,000
 *     → current 1,280,000, 0–30 650,000, 31–60 60,000, 61–90 240,000,
 *       90+ 320,000, total 2,550,000, oldest due 2026-03-31
 *   T2 Beta, former (contract C2 expired): due 2026-01-15 500,000, paid
 *     200,000 → 90+ 300,000
 *   T3 Gamma: paid 50,000 with nothing billed → credit 50,000
 *   Total: 1,280,000 / 650,000 / 60,000 / 240,000 / 620,000 / 2,850,000,
 *     credit 50,000
 * Late fees: T4 Delta (C4: 5 bp a day, 5 grace days, no cap) and T5
 * Epsilon (C5: the same, capped at 100.00), each with one bill of
 * 1,001,000 due 2026-03-15, 400,000 paid on 2026-03-31. To 2026-04-30:
 * days 03-21 … 04-30 (41); 03-21 … 03-30 on 1,001,000 (10 days),
 * 03-31 … 04-30 on 601,000 (31 days): 10,010,000 + 18,631,000 =
 * 28,641,000 × 5 / 10,000 = 14,320.5 → 14,321 (T5: capped 10,000).
 */

#include "config.h"

#include <string.h>

#include "plaza-arrears.h"
#include "plaza-demo.h"
#include "plaza-payments.h"
#include "test-util.h"

typedef struct
{
  char       *dir;
  char       *path;
  PlazaStore *store;
} Fixture;

static gboolean
insert_rows (PlazaStore *store,
             gpointer    user_data,
             GError    **error)
{
  return plaza_store_exec (store,
    "INSERT INTO tenants (id, code, name, status) VALUES (1, 'T1', 'Alpha', 'active'), (2, 'T2', 'Beta', 'former'),"
    "  (3, 'T3', 'Gamma', 'active'), (4, 'T4', 'Delta', 'active'), (5, 'T5', 'Epsilon', 'active');"
    "INSERT INTO contracts (id, code, tenant_id, state, model, start_date, end_date, late_fee_bp_per_day,"
    "                       late_fee_grace_days, late_fee_cap, created_at) VALUES"
    "  (1, 'C1', 1, 'active', 'fixed', '2026-01-01', '2026-12-31', 0, 0, 0, '2026-01-01'),"
    "  (2, 'C2', 2, 'expired', 'fixed', '2025-01-01', '2025-12-31', 0, 0, 0, '2025-01-01'),"
    "  (4, 'C4', 4, 'active', 'fixed', '2026-01-01', '2026-12-31', 5, 5, 0, '2026-01-01'),"
    "  (5, 'C5', 5, 'active', 'fixed', '2026-01-01', '2026-12-31', 5, 5, 10000, '2026-01-01');"
    "INSERT INTO bills (id, code, tenant_id, contract_id, month, issue_date, due_date, total) VALUES"
    "  (1, 'A1', 1, 1, '2026-01', '2026-03-01', '2026-05-31', 10000),"
    "  (2, 'A2', 1, 1, '2026-02', '2026-03-01', '2026-05-30', 20000),"
    "  (3, 'A3', 1, 1, '2026-03', '2026-03-01', '2026-05-01', 40000),"
    "  (4, 'A4', 1, 1, '2026-04', '2026-03-01', '2026-04-30', 80000),"
    "  (5, 'A5', 1, 1, '2026-05', '2026-03-01', '2026-04-01', 160000),"
    "  (6, 'A6', 1, 1, '2026-06', '2026-03-01', '2026-03-31', 320000),"
    "  (7, 'A7', 1, 1, '2026-07', '2026-03-01', '2026-06-30', 640000),"
    "  (8, 'A8', 1, 1, '2026-08', '2026-03-01', '2026-07-01', 1280000),"
    "  (9, 'B1', 2, 2, '2025-12', '2026-01-01', '2026-01-15', 500000),"
    "  (10, 'D1', 4, 4, '2026-02', '2026-03-01', '2026-03-15', 1001000),"
    "  (11, 'E1', 5, 5, '2026-02', '2026-03-01', '2026-03-15', 1001000);"
    "INSERT INTO bill_lines (id, bill_id, kind, amount) VALUES (1, 1, 'rent', 10000), (2, 2, 'rent', 20000),"
    "  (3, 3, 'rent', 40000), (4, 4, 'rent', 80000), (5, 5, 'rent', 160000), (6, 6, 'rent', 320000),"
    "  (7, 7, 'rent', 640000), (8, 8, 'rent', 1280000), (9, 9, 'rent', 500000),"
    "  (10, 10, 'rent', 1000000), (11, 10, 'fee', 1000), (12, 11, 'rent', 1001000);",
    error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("plaza-arrears-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->path = g_build_filename (f->dir, "arrears.db", NULL);
  f->store = plaza_store_open (f->path, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (plaza_store_write (f->store, insert_rows, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  plaza_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static gint64
pay (Fixture    *f,
     gint64      tenant,
     const char *date,
     gint64      amount)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_assert_true (plaza_payment_add (f->store, tenant, date, amount, "transfer", NULL, NULL, &id, &error));
  g_assert_no_error (error);
  return id;
}

static const PlazaArrearsRow *
row_of (GPtrArray  *rows,
        const char *code)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const PlazaArrearsRow *row = g_ptr_array_index (rows, i);

      if (g_str_equal (row->code, code))
        return row;
    }
  g_error ("no row for %s", code);
}

static void
check_row (const PlazaArrearsRow *row,
           gint64 current, gint64 d30, gint64 d60, gint64 d90, gint64 d90_plus, gint64 total, gint64 credit)
{
  g_assert_nonnull (row);
  g_assert_cmpint (row->current, ==, current);
  g_assert_cmpint (row->days_0_30, ==, d30);
  g_assert_cmpint (row->days_31_60, ==, d60);
  g_assert_cmpint (row->days_61_90, ==, d90);
  g_assert_cmpint (row->days_90_plus, ==, d90_plus);
  g_assert_cmpint (row->total, ==, total);
  g_assert_cmpint (row->credit, ==, credit);
}

static void
test_aging (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) later = NULL;
  g_autoptr(GError) error = NULL;
  const PlazaArrearsRow *total;

  pay (f, 2, "2026-02-01", 200000);
  pay (f, 3, "2026-02-01", 50000);
  pay (f, 1, "2026-07-05", 10000);    /* after the date: to A6, not counted */
  /* T4 and T5 are settled for this test. */
  pay (f, 4, "2026-03-01", 1001000);
  pay (f, 5, "2026-03-01", 1001000);

  g_assert_true (plaza_arrears_aging (f->store, "2026-06-30", &rows, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 4);   /* T1, T2, T3, total */
  check_row (row_of (rows, "T1"), 1280000, 650000, 60000, 240000, 320000, 2550000, 0);
  g_assert_cmpstr (row_of (rows, "T1")->oldest_due, ==, "2026-03-31");
  check_row (row_of (rows, "T2"), 0, 0, 0, 0, 300000, 300000, 0);
  g_assert_cmpstr (row_of (rows, "T2")->name, ==, "Beta");
  check_row (row_of (rows, "T3"), 0, 0, 0, 0, 0, 0, 50000);
  g_assert_null (row_of (rows, "T3")->oldest_due);
  total = g_ptr_array_index (rows, rows->len - 1);
  g_assert_cmpint (total->tenant_id, ==, 0);
  check_row (total, 1280000, 650000, 60000, 240000, 620000, 2850000, 50000);
  g_assert_cmpstr (total->oldest_due, ==, "2026-01-15");

  /* On 2026-07-05 the payment counts (A6 310,000) and every day moved by
   * five: A8 (07-01) 4 days, A7 5, A1 35, A2 36, A3 65, A4 66, A5 95, A6 96. */
  g_assert_true (plaza_arrears_aging (f->store, "2026-07-05", &later, &error));
  g_assert_no_error (error);
  check_row (row_of (later, "T1"), 0, 1920000, 30000, 120000, 470000, 2540000, 0);

  g_assert_false (plaza_arrears_aging (f->store, "2026-06-31", &rows, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
}

static gint64
fee (Fixture    *f,
     gint64      bill,
     const char *as_of)
{
  g_autoptr(GError) error = NULL;
  gint64 amount = -1;

  g_assert_true (plaza_late_fee (f->store, bill, as_of, &amount, &error));
  g_assert_no_error (error);
  return amount;
}

static void
test_late_fee (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 p4, accrued = 0, unbilled = 0;

  p4 = pay (f, 4, "2026-03-31", 400000);
  pay (f, 5, "2026-03-31", 400000);

  /* Grace: due 03-15 + 5 days, the first day with a fee is 03-21. */
  g_assert_cmpint (fee (f, 10, "2026-03-15"), ==, 0);
  g_assert_cmpint (fee (f, 10, "2026-03-20"), ==, 0);
  /* 03-21: one day on 1,001,000 × 5 / 10,000 = 500.5 → 501. */
  g_assert_cmpint (fee (f, 10, "2026-03-21"), ==, 501);
  /* The worked example: 14,321; capped at 10,000 for C5. */
  g_assert_cmpint (fee (f, 10, "2026-04-30"), ==, 14321);
  g_assert_cmpint (fee (f, 11, "2026-04-30"), ==, 10000);
  /* C1 charges no late fee. */
  g_assert_cmpint (fee (f, 6, "2026-04-30"), ==, 0);

  g_assert_true (plaza_late_fee_tenant (f->store, 4, "2026-04-30", &accrued, &unbilled, &error));
  g_assert_no_error (error);
  g_assert_cmpint (accrued, ==, 14321);
  g_assert_cmpint (unbilled, ==, 14321);

  /* A reversed payment counts as never made: 41 days on 1,001,000 =
   * 41,041,000 × 5 / 10,000 = 20,520.5 → 20,521. */
  g_assert_true (plaza_payment_reverse (f->store, p4, "2026-04-10", "bounced", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fee (f, 10, "2026-04-30"), ==, 20521);

  g_assert_false (plaza_late_fee (f->store, 999, "2026-04-30", &accrued, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
}

static void
test_late_fee_bill (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 unbilled = -1;
  guint n = 99;

  pay (f, 4, "2026-03-31", 400000);

  g_assert_true (plaza_late_fees_bill (f->store, 4, "2026-04-30", &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (plaza_test_count (f->store,
                     "SELECT total FROM bills WHERE code = 'D1-LF202604' AND kind = 'supplementary'"
                     " AND original_bill_id = 10 AND month = '2026-04' AND due_date = '2026-05-15'"), ==, 14321);
  g_assert_cmpint (plaza_test_count (f->store,
                     "SELECT amount FROM bill_lines bl JOIN bills b ON b.id = bl.bill_id"
                     " WHERE b.code = 'D1-LF202604' AND bl.kind = 'late_fee'"), ==, 14321);
  g_assert_true (plaza_late_fee_tenant (f->store, 4, "2026-04-30", NULL, &unbilled, &error));
  g_assert_cmpint (unbilled, ==, 0);

  /* Idempotent within the month, even at a later day of it. */
  g_assert_true (plaza_late_fees_bill (f->store, 4, "2026-04-30", &n, &error));
  g_assert_cmpuint (n, ==, 0);
  /* Every tenant: only T5's E1 (capped: 10,000) is new. */
  g_assert_true (plaza_late_fees_bill (f->store, 0, "2026-04-30", &n, &error));
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT total FROM bills WHERE code = 'E1-LF202604'"), ==, 10000);
  g_assert_true (plaza_late_fees_bill (f->store, 0, "2026-04-30", &n, &error));
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM bills WHERE kind = 'supplementary'"), ==, 2);

  /* May: 31 more days on 601,000: 28,641,000 + 18,631,000 = 47,272,000
   * × 5 / 10,000 = 23,636; 23,636 − 14,321 = 9,315 billed. The late-fee
   * bill bears none. */
  g_assert_true (plaza_late_fees_bill (f->store, 4, "2026-05-31", &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT total FROM bills WHERE code = 'D1-LF202605'"), ==, 9315);
  g_assert_cmpint (plaza_payment_tenant_open (f->store, 4), ==, 601000 + 14321 + 9315);

  g_assert_false (plaza_late_fees_bill (f->store, 99, "2026-05-31", &n, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
}

static void
test_late_fee_credit_note (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 days = -1;

  /* A credit note of 400,000 on D1 issued 2026-03-31 lowers the base like
   * the payment in the worked example: 14,321. */
  g_assert_true (plaza_store_exec (f->store,
    "INSERT INTO bills (id, code, tenant_id, contract_id, month, kind, original_bill_id, issue_date, due_date, total)"
    "  VALUES (20, 'CN-D1', 4, 4, '2026-02', 'credit_note', 10, '2026-03-31', '2026-03-31', -400000);"
    "INSERT INTO bill_lines (id, bill_id, kind, amount) VALUES (20, 20, 'adjustment', -400000);", &error));
  g_assert_no_error (error);
  g_assert_cmpint (fee (f, 10, "2026-04-30"), ==, 14321);
  g_assert_cmpint (fee (f, 20, "2026-04-30"), ==, 0);

  /* Arrears days (the health score's): D1 due 2026-03-15 is 46 days late
   * on 2026-04-30, 0 before its due date; credited in full, 0. */
  g_assert_true (plaza_arrears_days (f->store, 4, "2026-04-30", &days, &error));
  g_assert_no_error (error);
  g_assert_cmpint (days, ==, 46);
  g_assert_true (plaza_arrears_days (f->store, 4, "2026-03-10", &days, &error));
  g_assert_cmpint (days, ==, 0);
  g_assert_true (plaza_store_exec (f->store,
    "INSERT INTO bills (id, code, tenant_id, contract_id, month, kind, original_bill_id, issue_date, due_date, total)"
    "  VALUES (21, 'CN-D1b', 4, 4, '2026-02', 'credit_note', 10, '2026-04-20', '2026-04-20', -601000);"
    "INSERT INTO bill_lines (id, bill_id, kind, amount) VALUES (21, 21, 'adjustment', -601000);", &error));
  g_assert_true (plaza_arrears_days (f->store, 4, "2026-04-30", &days, &error));
  g_assert_cmpint (days, ==, 0);
  g_assert_true (plaza_arrears_days (f->store, 4, "2026-04-19", &days, &error));
  g_assert_cmpint (days, ==, 35);
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  pay (f, 4, "2026-03-31", 400000);
  /* T3 paid its 100.00 bill late, in full: 2026-02-15 + 5 grace days, 10
   * days (02-21 … 03-02) on 100,000 × 5 / 10,000 = 500 fen (no cap). */
  g_assert_true (plaza_store_exec (f->store,
    "INSERT INTO contracts (id, code, tenant_id, state, model, start_date, end_date, late_fee_bp_per_day,"
    "                       late_fee_grace_days, late_fee_cap, created_at)"
    "  VALUES (3, 'C3', 3, 'active', 'fixed', '2026-01-01', '2026-12-31', 5, 5, 0, '2026-01-01');"
    "INSERT INTO bills (id, code, tenant_id, contract_id, month, issue_date, due_date, total)"
    "  VALUES (30, 'G1', 3, 3, '2026-01', '2026-02-01', '2026-02-15', 100000);"
    "INSERT INTO bill_lines (id, bill_id, kind, amount) VALUES (30, 30, 'rent', 100000);", NULL));
  pay (f, 3, "2026-03-03", 100000);
  {
    const char *args[] = { "arrears", f->path, "--as-of", "2026-04-30", "--late-fees", NULL };

    g_assert_cmpint (plaza_test_run_plazactl (args, &out, &err), ==, 0);
    g_assert_true (g_str_has_prefix (out, "tenant,name,current,0-30,31-60,61-90,90+,total,late_fee\n"));
    g_assert_nonnull (strstr (out, "\nT4,Delta,0.00,0.00,6010.00,0.00,0.00,6010.00,143.21\n"));
    g_assert_nonnull (strstr (out, "\nT5,Epsilon,0.00,0.00,10010.00,0.00,0.00,10010.00,100.00\n"));
    g_assert_nonnull (strstr (out, "\nT3,Gamma,0.00,0.00,0.00,0.00,0.00,0.00,5.00\n"));
    g_assert_nonnull (strstr (out, "\ntotal,,"));
    g_assert_true (g_str_has_suffix (out, ",248.21\n"));
  }
  {
    const char *args[] = { "arrears", f->path, "--as-of", "2026-04-30", NULL };

    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (plaza_test_run_plazactl (args, &out, &err), ==, 0);
    g_assert_true (g_str_has_prefix (out, "tenant,name,current,0-30,31-60,61-90,90+,total\n"));
  }
  {
    const char *args[] = { "arrears", f->path, "--as-of", "2026-13-01", NULL };

    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (plaza_test_run_plazactl (args, &out, &err), ==, 1);
    g_assert_cmpstr (strchr (err, '\n') + 1, ==, "");
  }
  {
    const char *args[] = { "arrears", f->path, NULL };

    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (plaza_test_run_plazactl (args, &out, &err), ==, 1);
  }
}

static void
test_demo (void)
{
  g_autofree char *dir = g_dir_make_tmp ("plaza-arrears-demo-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *today_text = NULL;
  const PlazaArrearsRow *total;
  gint64 open, accrued_all = 0;
  GDate today;
  guint n = 0, again = 99;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 27, G_DATE_NOVEMBER, 2026);
  store = plaza_store_open (path, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (plaza_demo_generate (store, 7, PLAZA_DEMO_SMALL, &today, &error));
  g_assert_no_error (error);
  today_text = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&today), g_date_get_month (&today),
                                g_date_get_day (&today));

  g_assert_true (plaza_arrears_aging (store, today_text, &rows, &error));
  g_assert_no_error (error);
  total = g_ptr_array_index (rows, rows->len - 1);
  sql = g_strdup_printf ("SELECT COALESCE (SUM (o), 0) FROM (SELECT bl.amount - COALESCE ((SELECT SUM (pa.amount)"
                         " FROM payment_allocations pa JOIN payments p ON p.id = pa.payment_id"
                         " WHERE pa.bill_line_id = bl.id AND p.date <= '%s'), 0) AS o"
                         " FROM bill_lines bl JOIN bills b ON b.id = bl.bill_id"
                         " WHERE b.state = 'issued' AND b.kind <> 'credit_note' AND b.issue_date <= '%s') WHERE o > 0",
                         today_text, today_text);
  open = plaza_test_count (store, sql);
  g_assert_cmpint (open, >, 0);
  g_assert_cmpint (total->total, ==, open);
  g_assert_cmpint (total->total, ==, total->current + total->days_0_30 + total->days_31_60 +
                                     total->days_61_90 + total->days_90_plus);
  g_assert_cmpint (total->days_90_plus + total->days_61_90 + total->days_31_60, >, 0);

  for (guint i = 0; i + 1 < rows->len; i++)
    {
      const PlazaArrearsRow *row = g_ptr_array_index (rows, i);
      gint64 accrued = 0;

      g_autoptr(PlazaArrearsRow) one = NULL;

      g_assert_true (plaza_late_fee_tenant (store, row->tenant_id, today_text, &accrued, NULL, &error));
      g_assert_no_error (error);
      accrued_all += accrued;

      /* One tenant's row alone is the same row. */
      g_assert_true (plaza_arrears_aging_tenant (store, today_text, row->tenant_id, &one, &error));
      g_assert_no_error (error);
      g_assert_nonnull (one);
      g_assert_cmpstr (one->code, ==, row->code);
      g_assert_cmpint (one->total, ==, row->total);
      g_assert_cmpint (one->current, ==, row->current);
      g_assert_cmpint (one->days_0_30, ==, row->days_0_30);
      g_assert_cmpint (one->days_90_plus, ==, row->days_90_plus);
      g_assert_cmpint (one->credit, ==, row->credit);
      g_assert_cmpstr (one->oldest_due, ==, row->oldest_due);
    }
  g_assert_cmpint (accrued_all, >, 0);
  g_assert_true (plaza_late_fees_bill (store, 0, today_text, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, >, 0);
  g_assert_true (plaza_late_fees_bill (store, 0, today_text, &again, &error));
  g_assert_cmpuint (again, ==, 0);

  g_clear_object (&store);
  plaza_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/arrears/aging", Fixture, NULL, fixture_set_up, test_aging, fixture_tear_down);
  g_test_add ("/arrears/late-fee", Fixture, NULL, fixture_set_up, test_late_fee, fixture_tear_down);
  g_test_add ("/arrears/late-fee-bill", Fixture, NULL, fixture_set_up, test_late_fee_bill, fixture_tear_down);
  g_test_add ("/arrears/late-fee-credit-note", Fixture, NULL, fixture_set_up, test_late_fee_credit_note, fixture_tear_down);
  g_test_add ("/arrears/cli", Fixture, NULL, fixture_set_up, test_cli, fixture_tear_down);
  g_test_add_func ("/arrears/demo", test_demo);
  return g_test_run ();
}
