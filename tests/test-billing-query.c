/* test-billing-query.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Billing page's queries (plaza-billing-query.h) on hand-made rows
 * (amounts in fen):
 *   T1 Alpha, contract C1:
 *     bill 1 B1 (2026-01, due 2026-02-15): line 11 rent 100,000
 *       (2026-01-01 – 2026-01-31), line 12 fee 20,000 estimated
 *     bill 2 B2 (2026-02, due 2026-03-15): line 21 rent 100,000
 *     bill 3 B1-CN1, credit note of B1 issued 2026-02-20: line 31 -30,000;
 *       it is set against B1's lines in line order: 30,000 on line 11
 *     payment 1 2026-02-10 50,000 transfer "P1": 50,000 on line 11
 *     payment 2 2026-03-01 10,000 cash: 10,000 on line 12, reversed by
 *     payment 3 2026-03-02 -10,000: -10,000 on line 12
 *     open: line 11 100,000 - 50,000 - 30,000 = 20,000; line 12 20,000;
 *     line 21 100,000
 *   T2 Beta: payment 4 2026-03-05 5,000 pos, unallocated: credit 5,000
 *   T3 Gamma, a prospect: not offered for payments.
 */

#include "config.h"

#include "plaza-billing-query.h"
#include "test-util.h"

typedef struct
{
  char       *dir;
  PlazaStore *store;
} Fixture;

static gboolean
insert_rows (PlazaStore *store,
             gpointer    user_data,
             GError    **error)
{
  return plaza_store_exec (store,
    "INSERT INTO tenants (id, code, name, status) VALUES (1, 'T1', 'Alpha', 'active'),"
    "  (2, 'T2', 'Beta', 'active'), (3, 'T0', 'Gamma', 'prospect');"
    "INSERT INTO contracts (id, code, tenant_id, state, model, start_date, end_date, created_at) VALUES"
    "  (1, 'C1', 1, 'active', 'fixed', '2026-01-01', '2026-12-31', '2026-01-01');"
    "INSERT INTO bills (id, code, tenant_id, contract_id, month, issue_date, due_date, total) VALUES"
    "  (1, 'B1', 1, 1, '2026-01', '2026-02-01', '2026-02-15', 120000),"
    "  (2, 'B2', 1, 1, '2026-02', '2026-03-01', '2026-03-15', 100000);"
    "INSERT INTO bills (id, code, tenant_id, contract_id, month, kind, original_bill_id, issue_date, due_date, total)"
    "  VALUES (3, 'B1-CN1', 1, 1, '2026-02', 'credit_note', 1, '2026-02-20', '2026-02-20', -30000);"
    "INSERT INTO bill_lines (id, bill_id, kind, description, period_from, period_to, amount, estimated) VALUES"
    "  (11, 1, 'rent', 'Rent', '2026-01-01', '2026-01-31', 100000, 0),"
    "  (12, 1, 'fee', 'Service', NULL, NULL, 20000, 1),"
    "  (21, 2, 'rent', 'Rent', '2026-02-01', '2026-02-28', 100000, 0),"
    "  (31, 3, 'adjustment', 'Shop closed', NULL, NULL, -30000, 0);"
    "INSERT INTO payments (id, tenant_id, date, amount, method, reference, reversal_of, at) VALUES"
    "  (1, 1, '2026-02-10', 50000, 'transfer', 'P1', NULL, '2026-02-10'),"
    "  (2, 1, '2026-03-01', 10000, 'cash', '', NULL, '2026-03-01'),"
    "  (3, 1, '2026-03-02', -10000, 'cash', 'Bounced', 2, '2026-03-02'),"
    "  (4, 2, '2026-03-05', 5000, 'pos', 'P4', NULL, '2026-03-05');"
    "INSERT INTO payment_allocations (payment_id, bill_line_id, amount) VALUES"
    "  (1, 11, 50000), (2, 12, 10000), (3, 12, -10000);",
    error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("plaza-billing-query-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  path = g_build_filename (f->dir, "q.db", NULL);
  f->store = plaza_store_open (path, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (plaza_store_write (f->store, insert_rows, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data G_GNUC_UNUSED)
{
  g_clear_object (&f->store);
  plaza_test_remove_tree (f->dir);
  g_free (f->dir);
}

static void
test_bill_detail (Fixture       *f,
                  gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaBillDetail) bill = NULL;
  g_autoptr(PlazaBillDetail) note = NULL;
  PlazaBillDetail *none = NULL;
  PlazaBillDetailLine *line;
  PlazaBillDetailAllocation *allocation;

  g_assert_true (plaza_bill_detail_load (f->store, 1, &bill, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (bill->code, ==, "B1");
  g_assert_cmpstr (bill->tenant_code, ==, "T1");
  g_assert_cmpstr (bill->tenant_name, ==, "Alpha");
  g_assert_cmpstr (bill->contract_code, ==, "C1");
  g_assert_cmpstr (bill->month, ==, "2026-01");
  g_assert_cmpstr (bill->kind, ==, "regular");
  g_assert_cmpstr (bill->original_code, ==, "");
  g_assert_cmpstr (bill->state, ==, "issued");
  g_assert_cmpstr (bill->issue_date, ==, "2026-02-01");
  g_assert_cmpstr (bill->due_date, ==, "2026-02-15");
  g_assert_cmpint (bill->total, ==, 120000);
  g_assert_cmpint (bill->open, ==, 40000);
  g_assert_cmpuint (bill->lines->len, ==, 2);
  line = g_ptr_array_index (bill->lines, 0);
  g_assert_cmpint (line->id, ==, 11);
  g_assert_cmpstr (line->period_from, ==, "2026-01-01");
  g_assert_cmpstr (line->period_to, ==, "2026-01-31");
  g_assert_cmpint (line->amount, ==, 100000);
  g_assert_cmpint (line->open, ==, 20000);
  g_assert_false (line->estimated);
  line = g_ptr_array_index (bill->lines, 1);
  g_assert_cmpstr (line->kind, ==, "fee");
  g_assert_cmpstr (line->period_from, ==, "");
  g_assert_cmpint (line->open, ==, 20000);
  g_assert_true (line->estimated);
  /* By date: the payment, the reversed one and its reversal. */
  g_assert_cmpuint (bill->allocations->len, ==, 3);
  allocation = g_ptr_array_index (bill->allocations, 0);
  g_assert_cmpint (allocation->payment_id, ==, 1);
  g_assert_cmpstr (allocation->date, ==, "2026-02-10");
  g_assert_cmpstr (allocation->method, ==, "transfer");
  g_assert_cmpint (allocation->amount, ==, 50000);
  allocation = g_ptr_array_index (bill->allocations, 2);
  g_assert_cmpint (allocation->payment_id, ==, 3);
  g_assert_cmpint (allocation->amount, ==, -10000);

  /* A credit note names its original; nothing is open on it. */
  g_assert_true (plaza_bill_detail_load (f->store, 3, &note, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (note->kind, ==, "credit_note");
  g_assert_cmpstr (note->original_code, ==, "B1");
  g_assert_cmpint (note->original_bill_id, ==, 1);
  g_assert_cmpint (note->open, ==, 0);
  g_assert_cmpuint (note->lines->len, ==, 1);
  g_assert_cmpint (((PlazaBillDetailLine *) g_ptr_array_index (note->lines, 0))->amount, ==, -30000);

  g_assert_false (plaza_bill_detail_load (f->store, 99, &none, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND);
  g_assert_null (none);
}

static void
test_payments_list (Fixture       *f,
                    gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) two = NULL;
  PlazaPaymentRow *row;

  g_assert_true (plaza_payments_list (f->store, 0, &rows, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 4);
  /* Newest first. */
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpint (row->id, ==, 4);
  g_assert_cmpstr (row->tenant_code, ==, "T2");
  g_assert_cmpstr (row->method, ==, "pos");
  g_assert_cmpint (row->allocated, ==, 0);
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpint (row->id, ==, 3);
  g_assert_cmpint (row->reversal_of, ==, 2);
  g_assert_cmpint (row->amount, ==, -10000);
  g_assert_false (row->reversed);
  row = g_ptr_array_index (rows, 2);
  g_assert_cmpint (row->id, ==, 2);
  g_assert_true (row->reversed);
  g_assert_cmpint (row->reversal_of, ==, 0);
  row = g_ptr_array_index (rows, 3);
  g_assert_cmpint (row->id, ==, 1);
  g_assert_cmpstr (row->reference, ==, "P1");
  g_assert_cmpstr (row->date, ==, "2026-02-10");
  g_assert_cmpint (row->allocated, ==, 50000);
  g_assert_false (row->reversed);

  g_assert_true (plaza_payments_list (f->store, 2, &two, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (two->len, ==, 2);
}

static void
test_open_lines (Fixture       *f,
                 gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) beta = NULL;
  PlazaOpenLineRow *row;
  gint64 plan[3];
  gint64 credit = -1;

  g_assert_true (plaza_payments_open_lines (f->store, 1, &rows, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpint (row->line_id, ==, 11);
  g_assert_cmpint (row->bill_id, ==, 1);
  g_assert_cmpstr (row->bill_code, ==, "B1");
  g_assert_cmpstr (row->month, ==, "2026-01");
  g_assert_cmpstr (row->due_date, ==, "2026-02-15");
  g_assert_cmpstr (row->description, ==, "Rent");
  g_assert_cmpint (row->amount, ==, 100000);
  g_assert_cmpint (row->open, ==, 20000);
  g_assert_cmpint (((PlazaOpenLineRow *) g_ptr_array_index (rows, 1))->line_id, ==, 12);
  g_assert_cmpint (((PlazaOpenLineRow *) g_ptr_array_index (rows, 1))->open, ==, 20000);
  g_assert_cmpint (((PlazaOpenLineRow *) g_ptr_array_index (rows, 2))->line_id, ==, 21);
  g_assert_cmpint (((PlazaOpenLineRow *) g_ptr_array_index (rows, 2))->open, ==, 100000);

  /* Oldest first: 30,000 pays line 11 (20,000) and 10,000 of line 12. */
  g_assert_cmpint (plaza_payments_plan_auto (rows, 30000, plan), ==, 0);
  g_assert_cmpint (plan[0], ==, 20000);
  g_assert_cmpint (plan[1], ==, 10000);
  g_assert_cmpint (plan[2], ==, 0);
  /* 150,000 pays all 140,000 open; 10,000 is left as credit. */
  g_assert_cmpint (plaza_payments_plan_auto (rows, 150000, plan), ==, 10000);
  g_assert_cmpint (plan[0], ==, 20000);
  g_assert_cmpint (plan[1], ==, 20000);
  g_assert_cmpint (plan[2], ==, 100000);
  g_assert_cmpint (plaza_payments_plan_auto (rows, 0, plan), ==, 0);
  g_assert_cmpint (plan[0] + plan[1] + plan[2], ==, 0);

  /* Beta owes nothing and has 5,000 of credit. */
  g_assert_true (plaza_payments_open_lines (f->store, 2, &beta, &credit, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (beta->len, ==, 0);
  g_assert_cmpint (credit, ==, 5000);
}

static void
test_tenants (Fixture       *f,
              gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tenants = NULL;

  g_assert_true (plaza_billing_tenants (f->store, &tenants, &error));
  g_assert_no_error (error);
  /* By code, without the prospect T0. */
  g_assert_cmpuint (tenants->len, ==, 2);
  g_assert_cmpstr (((PlazaTenantChoice *) g_ptr_array_index (tenants, 0))->code, ==, "T1");
  g_assert_cmpstr (((PlazaTenantChoice *) g_ptr_array_index (tenants, 0))->name, ==, "Alpha");
  g_assert_cmpint (((PlazaTenantChoice *) g_ptr_array_index (tenants, 1))->id, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/billing-query/bill-detail", Fixture, NULL, fixture_set_up, test_bill_detail, fixture_tear_down);
  g_test_add ("/billing-query/payments", Fixture, NULL, fixture_set_up, test_payments_list, fixture_tear_down);
  g_test_add ("/billing-query/open-lines", Fixture, NULL, fixture_set_up, test_open_lines, fixture_tear_down);
  g_test_add ("/billing-query/tenants", Fixture, NULL, fixture_set_up, test_tenants, fixture_tear_down);
  return g_test_run ();
}
