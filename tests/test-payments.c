/* test-payments.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * plaza_payment_add / apply_credit / reverse, credit notes, deposit offsets
 * and settlement, plazactl payments. The rows (amounts in fen):
 *   T1 Alpha, contract C1 (active, deposit 3,000.00 received):
 *     bill 1 B202601 due 2026-02-15: line 11 rent 1,000,000, line 12 fee 100,000
 *     bill 5 A-EXTRA due 2026-03-15: line 51 fee 50,000
 *     bill 2 B202602 due 2026-03-15: line 21 rent 1,000,000, line 22 fee 100,000
 *     bill 3 B202603 due 2026-04-15: line 31 rent 1,000,000
 *     oldest first: 11, 12, 51 (A-EXTRA before B202602), 21, 22, 31;
 *     open 3,250,000
 *   T2 Beta, contract C2 (terminated 2026-03-31, deposit 10,000.00):
 *     bill 4 C202601 due 2026-02-15: line 41 rent 500,000
 *     bill 8 C202603 due 2026-04-15: line 81 rent 400,000
 */

#include "config.h"

#include <string.h>

#include "plaza-payments.h"
#include "plaza-contract.h"
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
    "INSERT INTO tenants (id, code, name) VALUES (1, 'T1', 'Alpha'), (2, 'T2', 'Beta'), (3, 'T3', 'Gamma');"
    "INSERT INTO contracts (id, code, tenant_id, state, model, start_date, end_date, terminated_on, created_at) VALUES"
    "  (1, 'C1', 1, 'active', 'fixed', '2026-01-01', '2026-12-31', NULL, '2026-01-01'),"
    "  (2, 'C2', 2, 'terminated', 'fixed', '2026-01-01', '2026-12-31', '2026-03-31', '2026-01-01');"
    "INSERT INTO deposit_entries (contract_id, kind, amount, date, at) VALUES"
    "  (1, 'received', 300000, '2026-01-01', '2026-01-01'), (2, 'received', 1000000, '2026-01-01', '2026-01-01');"
    "INSERT INTO bills (id, code, tenant_id, contract_id, month, issue_date, due_date, total) VALUES"
    "  (1, 'B202601', 1, 1, '2026-01', '2026-02-01', '2026-02-15', 1100000),"
    "  (2, 'B202602', 1, 1, '2026-02', '2026-03-01', '2026-03-15', 1100000),"
    "  (3, 'B202603', 1, 1, '2026-03', '2026-04-01', '2026-04-15', 1000000),"
    "  (4, 'C202601', 2, 2, '2026-01', '2026-02-01', '2026-02-15', 500000),"
    "  (8, 'C202603', 2, 2, '2026-03', '2026-04-01', '2026-04-15', 400000);"
    "INSERT INTO bills (id, code, tenant_id, contract_id, month, kind, original_bill_id, issue_date, due_date, total) VALUES"
    "  (5, 'A-EXTRA', 1, 1, '2026-02', 'supplementary', 1, '2026-03-01', '2026-03-15', 50000);"
    "INSERT INTO bill_lines (id, bill_id, kind, amount) VALUES (11, 1, 'rent', 1000000), (12, 1, 'fee', 100000),"
    "  (21, 2, 'rent', 1000000), (22, 2, 'fee', 100000), (31, 3, 'rent', 1000000), (41, 4, 'rent', 500000),"
    "  (51, 5, 'fee', 50000), (81, 8, 'rent', 400000);",
    error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("plaza-payments-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->path = g_build_filename (f->dir, "pay.db", NULL);
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

/* What payment @payment allocated to line @line. */
static gint64
allocation (Fixture *f,
            gint64   payment,
            gint64   line)
{
  g_autofree char *sql = g_strdup_printf ("SELECT COALESCE (SUM (amount), 0) FROM payment_allocations"
                                          " WHERE payment_id = %lld AND bill_line_id = %lld",
                                          (long long) payment, (long long) line);

  return plaza_test_count (f->store, sql);
}

static gint64
add (Fixture    *f,
     gint64      tenant,
     const char *date,
     gint64      amount,
     const char *method,
     GArray     *allocations)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_assert_true (plaza_payment_add (f->store, tenant, date, amount, method, "R", allocations, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
test_order (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 p1, p2, applied = -1;

  g_assert_cmpint (plaza_payment_tenant_open (f->store, 1), ==, 3250000);

  /* 1,200,000: 11 in full, 12 in full, 51 (A-EXTRA sorts before
   * B202602 on the same due date), then 50,000 of 21. */
  p1 = add (f, 1, "2026-03-01", 1200000, NULL, NULL);
  g_assert_cmpint (allocation (f, p1, 11), ==, 1000000);
  g_assert_cmpint (allocation (f, p1, 12), ==, 100000);
  g_assert_cmpint (allocation (f, p1, 51), ==, 50000);
  g_assert_cmpint (allocation (f, p1, 21), ==, 50000);
  g_assert_cmpint (allocation (f, p1, 22), ==, 0);
  g_assert_cmpint (plaza_payment_allocated (f->store, p1), ==, 1200000);
  g_assert_cmpint (plaza_payment_tenant_open (f->store, 1), ==, 2050000);
  g_assert_cmpint (plaza_payment_tenant_credit (f->store, 1), ==, 0);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM change_log WHERE entity = 'payment'"), ==, 1);

  /* Over-payment: 3,000,000 against 950,000 + 100,000 + 1,000,000 open;
   * 950,000 stays as credit. */
  p2 = add (f, 1, "2026-03-20", 3000000, "cash", NULL);
  g_assert_cmpint (allocation (f, p2, 21), ==, 950000);
  g_assert_cmpint (allocation (f, p2, 22), ==, 100000);
  g_assert_cmpint (allocation (f, p2, 31), ==, 1000000);
  g_assert_cmpint (plaza_payment_tenant_open (f->store, 1), ==, 0);
  g_assert_cmpint (plaza_payment_tenant_credit (f->store, 1), ==, 950000);

  /* The next bill: the credit pays 950,000 of its 1,000,000. */
  g_assert_true (plaza_store_exec (f->store,
    "INSERT INTO bills (id, code, tenant_id, contract_id, month, issue_date, due_date, total) VALUES"
    "  (6, 'B202604', 1, 1, '2026-04', '2026-05-01', '2026-05-15', 1000000);"
    "INSERT INTO bill_lines (id, bill_id, kind, amount) VALUES (61, 6, 'rent', 1000000);", &error));
  g_assert_no_error (error);
  g_assert_true (plaza_payment_apply_credit (f->store, 1, &applied, &error));
  g_assert_no_error (error);
  g_assert_cmpint (applied, ==, 950000);
  g_assert_cmpint (allocation (f, p2, 61), ==, 950000);
  g_assert_cmpint (plaza_payment_tenant_open (f->store, 1), ==, 50000);
  g_assert_cmpint (plaza_payment_tenant_credit (f->store, 1), ==, 0);
  g_assert_true (plaza_payment_apply_credit (f->store, 1, &applied, &error));
  g_assert_cmpint (applied, ==, 0);
}

static void
expect_invalid (Fixture    *f,
                gint64      tenant,
                gint64      amount,
                const char *method,
                GArray     *allocations,
                const char *date)
{
  g_autoptr(GError) error = NULL;
  gint64 payments = plaza_test_count (f->store, "SELECT count(*) FROM payments");
  gint64 allocs = plaza_test_count (f->store, "SELECT count(*) FROM payment_allocations");
  gint64 deposits = plaza_test_count (f->store, "SELECT count(*) FROM deposit_entries");

  g_assert_false (plaza_payment_add (f->store, tenant, date, amount, method, NULL, allocations, NULL, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM payments"), ==, payments);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM payment_allocations"), ==, allocs);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM deposit_entries"), ==, deposits);
}

static GArray *
allocations (gint64 line,
             gint64 amount,
             gint64 line2,
             gint64 amount2)
{
  GArray *a = g_array_new (FALSE, FALSE, sizeof (PlazaPaymentAllocation));
  PlazaPaymentAllocation one = { line, amount };
  PlazaPaymentAllocation two = { line2, amount2 };

  g_array_append_val (a, one);
  if (line2 != 0)
    g_array_append_val (a, two);
  return a;
}

static void
test_manual (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GArray) other = allocations (41, 1000, 0, 0);
  g_autoptr(GArray) too_much = allocations (51, 50001, 0, 0);
  g_autoptr(GArray) over_payment = allocations (11, 600, 12, 500);
  g_autoptr(GArray) twice = allocations (11, 100, 11, 100);
  g_autoptr(GArray) zero = allocations (11, 0, 0, 0);
  g_autoptr(GArray) missing = allocations (999, 100, 0, 0);
  g_autoptr(GArray) good = allocations (31, 300000, 22, 100000);
  g_autoptr(GArray) paid_line = allocations (22, 1, 0, 0);
  gint64 p;

  expect_invalid (f, 1, 1000, NULL, other, "2026-03-01");        /* T2's line */
  expect_invalid (f, 1, 100000, NULL, too_much, "2026-03-01");   /* 51 has 50,000 open */
  expect_invalid (f, 1, 1000, NULL, over_payment, "2026-03-01"); /* 1,100 > 1,000 */
  expect_invalid (f, 1, 1000, NULL, twice, "2026-03-01");
  expect_invalid (f, 1, 1000, NULL, zero, "2026-03-01");
  expect_invalid (f, 1, 1000, NULL, missing, "2026-03-01");
  expect_invalid (f, 1, 0, NULL, NULL, "2026-03-01");
  expect_invalid (f, 1, 1000, "cheque", NULL, "2026-03-01");
  expect_invalid (f, 1, 1000, NULL, NULL, "2026-02-30");
  expect_invalid (f, 99, 1000, NULL, NULL, "2026-03-01");
  expect_invalid (f, 1, 300001, "deposit_offset", NULL, "2026-03-01"); /* deposit 300,000 */

  /* 500,000: 300,000 to 31 and 100,000 to 22 by hand; the 100,000 left is
   * credit, applied at once to the oldest open line, 11. */
  p = add (f, 1, "2026-03-01", 500000, "transfer", good);
  g_assert_cmpint (allocation (f, p, 31), ==, 300000);
  g_assert_cmpint (allocation (f, p, 22), ==, 100000);
  g_assert_cmpint (allocation (f, p, 11), ==, 100000);
  g_assert_cmpint (plaza_payment_tenant_credit (f->store, 1), ==, 0);
  g_assert_cmpint (plaza_payment_tenant_open (f->store, 1), ==, 2750000);
  expect_invalid (f, 1, 1000, NULL, paid_line, "2026-03-01");    /* 22 is paid */
}

static void
test_reverse (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 p, r = 0, other = 0;

  p = add (f, 1, "2026-03-01", 1200000, NULL, NULL);
  g_assert_cmpint (plaza_payment_tenant_open (f->store, 1), ==, 2050000);

  g_assert_false (plaza_payment_reverse (f->store, p, "2026-03-05", "", &r, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (plaza_payment_reverse (f->store, p, "2026-03-05", "bounced", &r, &error));
  g_assert_no_error (error);
  g_assert_cmpint (r, >, p);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM payments"), ==, 2);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT amount FROM payments ORDER BY id DESC LIMIT 1"), ==, -1200000);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT reversal_of FROM payments ORDER BY id DESC LIMIT 1"), ==, p);
  g_assert_cmpint (allocation (f, r, 11), ==, -1000000);
  g_assert_cmpint (allocation (f, r, 21), ==, -50000);
  g_assert_cmpint (allocation (f, p, 11), ==, 1000000);   /* never deleted */
  g_assert_cmpint (plaza_payment_tenant_open (f->store, 1), ==, 3250000);
  g_assert_cmpint (plaza_payment_tenant_credit (f->store, 1), ==, 0);

  /* Not twice, and not the reversal itself. */
  g_assert_false (plaza_payment_reverse (f->store, p, "2026-03-06", "again", &other, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (plaza_payment_reverse (f->store, r, "2026-03-06", "again", &other, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (plaza_payment_reverse (f->store, 999, "2026-03-06", "none", &other, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM payments"), ==, 2);

  /* An over-payment reversed takes its credit with it. */
  p = add (f, 1, "2026-03-10", 4000000, NULL, NULL);
  g_assert_cmpint (plaza_payment_tenant_credit (f->store, 1), ==, 750000);
  g_assert_true (plaza_payment_reverse (f->store, p, NULL, "wrong tenant", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (plaza_payment_tenant_credit (f->store, 1), ==, 0);
  g_assert_cmpint (plaza_payment_tenant_open (f->store, 1), ==, 3250000);
}

static void
test_credit_note (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 p;

  /* A credit note of 150,000 on B202602 reduces line 21 (its first line). */
  g_assert_true (plaza_store_exec (f->store,
    "INSERT INTO bills (id, code, tenant_id, contract_id, month, kind, original_bill_id, issue_date, due_date, total)"
    "  VALUES (7, 'CN-1', 1, 1, '2026-02', 'credit_note', 2, '2026-03-10', '2026-03-10', -150000);"
    "INSERT INTO bill_lines (id, bill_id, kind, amount) VALUES (71, 7, 'adjustment', -150000);", &error));
  g_assert_no_error (error);
  g_assert_cmpint (plaza_payment_tenant_open (f->store, 1), ==, 3100000);

  /* 2,300,000: 11 1,000,000, 12 100,000, 51 50,000, 21 850,000 (not
   * 1,000,000), 22 100,000, 31 the last 200,000. */
  p = add (f, 1, "2026-03-20", 2300000, NULL, NULL);
  g_assert_cmpint (allocation (f, p, 21), ==, 850000);
  g_assert_cmpint (allocation (f, p, 22), ==, 100000);
  g_assert_cmpint (allocation (f, p, 31), ==, 200000);
  g_assert_cmpint (plaza_payment_tenant_open (f->store, 1), ==, 800000);

  /* A credit note larger than what its bill still owes: B202601 is paid,
   * so its 900,000 goes to the oldest open line (31: 800,000) and
   * 100,000 is credit. */
  g_assert_true (plaza_store_exec (f->store,
    "INSERT INTO bills (id, code, tenant_id, contract_id, month, kind, original_bill_id, issue_date, due_date, total)"
    "  VALUES (9, 'CN-2', 1, 1, '2026-01', 'credit_note', 1, '2026-03-25', '2026-03-25', -900000);"
    "INSERT INTO bill_lines (id, bill_id, kind, amount) VALUES (91, 9, 'adjustment', -900000);", &error));
  g_assert_no_error (error);
  g_assert_cmpint (plaza_payment_tenant_open (f->store, 1), ==, 0);
  g_assert_cmpint (plaza_payment_tenant_credit (f->store, 1), ==, 100000);
}

static void
test_deposit_offset (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 p;

  /* 200,000 from C1's deposit of 300,000 to the oldest line, 11. */
  p = add (f, 1, "2026-03-01", 200000, "deposit_offset", NULL);
  g_assert_cmpint (allocation (f, p, 11), ==, 200000);
  g_assert_cmpint (plaza_contract_deposit_balance (f->store, 1), ==, 100000);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM deposit_entries WHERE kind = 'offset' AND amount = 200000"), ==, 1);

  /* Reversed: the money goes back to the deposit. */
  g_assert_true (plaza_payment_reverse (f->store, p, "2026-03-02", "wrong", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (plaza_contract_deposit_balance (f->store, 1), ==, 300000);
  g_assert_cmpint (plaza_payment_tenant_open (f->store, 1), ==, 3250000);
}

static void
test_settle (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PlazaDepositSettlement s;
  gint64 p;

  /* Worked by hand: T2 paid 100,000 (to line 41), so 400,000 of 41 and
   * 400,000 of 81 are open = 800,000. C2's deposit of 1,000,000 pays them
   * (one deposit_offset payment of 800,000) and 200,000 is to be refunded;
   * the deposit is then 0. */
  add (f, 2, "2026-03-01", 100000, NULL, NULL);
  g_assert_cmpint (plaza_payment_tenant_open (f->store, 2), ==, 800000);

  g_assert_false (plaza_deposit_settle (f->store, 1, "2026-04-30", &s, &error));   /* C1 is active */
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (plaza_deposit_settle (f->store, 2, "2026-04-30", &s, &error));
  g_assert_no_error (error);
  g_assert_cmpint (s.balance, ==, 1000000);
  g_assert_cmpint (s.offset, ==, 800000);
  g_assert_cmpint (s.refund, ==, 200000);
  p = s.payment_id;
  g_assert_cmpint (p, >, 0);
  g_assert_cmpint (allocation (f, p, 41), ==, 400000);
  g_assert_cmpint (allocation (f, p, 81), ==, 400000);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT amount FROM payments WHERE method = 'deposit_offset'"), ==, 800000);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT amount FROM deposit_entries WHERE kind = 'offset'"), ==, 800000);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT amount FROM deposit_entries WHERE kind = 'refunded'"), ==, 200000);
  g_assert_cmpint (plaza_contract_deposit_balance (f->store, 2), ==, 0);
  g_assert_cmpint (plaza_payment_tenant_open (f->store, 2), ==, 0);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM change_log WHERE action = 'deposit_settle'"), ==, 1);

  /* Nothing is held any more. */
  g_assert_false (plaza_deposit_settle (f->store, 2, "2026-05-01", &s, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
}

/* Runs plazactl, its output dropped. */
static int
run_quiet (const char * const *args)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  return plaza_test_run_plazactl (args, &out, &err);
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *id = NULL;
  gint64 last;

  {
    const char *args[] = { "payments", "add", f->path, "--tenant", "T1", "--amount", "12,000.00",
                           "--date", "2026-03-01", "--method", "pos", "--reference", "YH1", NULL };

    g_assert_cmpint (plaza_test_run_plazactl (args, &out, &err), ==, 0);
    last = plaza_test_count (f->store, "SELECT max(id) FROM payments");
    id = g_strdup_printf ("%lld", (long long) last);
    g_assert_nonnull (strstr (out, "allocated 12000.00, tenant credit 0.00"));
    g_assert_cmpint (allocation (f, last, 21), ==, 50000);
  }
  {
    const char *args[] = { "payments", "add", f->path, "--tenant", "T9", "--amount", "1", "--date", "2026-03-01", NULL };

    g_clear_pointer (&err, g_free);
    g_clear_pointer (&out, g_free);
    g_assert_cmpint (plaza_test_run_plazactl (args, &out, &err), ==, 1);
    g_assert_nonnull (strchr (err, '\n'));
    g_assert_cmpstr (strchr (err, '\n') + 1, ==, "");
  }
  {
    const char *args[] = { "payments", "add", f->path, "--tenant", "T1", "--amount", "-5", "--date", "2026-03-01", NULL };

    g_assert_cmpint (run_quiet (args), ==, 1);
  }
  {
    const char *args[] = { "payments", "add", f->path, "--tenant", "T1", "--amount", "5", "--date", "2026-03-01",
                           "--method", "cheque", NULL };

    g_assert_cmpint (run_quiet (args), ==, 1);
  }
  {
    const char *args[] = { "payments", "reverse", f->path, "--id", id, "--reason", "bounced", NULL };

    g_assert_cmpint (run_quiet (args), ==, 0);
    g_assert_cmpint (plaza_payment_tenant_open (f->store, 1), ==, 3250000);
    g_assert_cmpint (run_quiet (args), ==, 1);   /* twice */
  }
  {
    const char *args[] = { "payments", "reverse", f->path, "--id", id, NULL };

    g_assert_cmpint (run_quiet (args), ==, 1);   /* no reason */
  }
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM payments"), ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/payments/order", Fixture, NULL, fixture_set_up, test_order, fixture_tear_down);
  g_test_add ("/payments/manual", Fixture, NULL, fixture_set_up, test_manual, fixture_tear_down);
  g_test_add ("/payments/reverse", Fixture, NULL, fixture_set_up, test_reverse, fixture_tear_down);
  g_test_add ("/payments/credit-note", Fixture, NULL, fixture_set_up, test_credit_note, fixture_tear_down);
  g_test_add ("/payments/deposit-offset", Fixture, NULL, fixture_set_up, test_deposit_offset, fixture_tear_down);
  g_test_add ("/payments/settle", Fixture, NULL, fixture_set_up, test_settle, fixture_tear_down);
  g_test_add ("/payments/cli", Fixture, NULL, fixture_set_up, test_cli, fixture_tear_down);
  return g_test_run ();
}
