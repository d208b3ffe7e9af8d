/* test-billing-adjust.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The percentage-rent true-up and corrections by hand. The mall: units 1
 * (50 m²), 2 (40 m²), 3 (30 m²); contracts for 2026:
 *   C1 percentage 10 % on unit 1; March sales 5,000.00 (real) + 3,000.00
 *      (estimated) → 800.00, estimated; the real figure for 03-06 is
 *      4,000.00 → 900.00: supplementary C1-TU of +100.00
 *   C2 percentage 10 % on unit 2; March sales 6,000.00 estimated → 600.00;
 *      the real figure is 4,500.00 → 450.00: credit note of -150.00
 *   C3 fixed 1,000.00/月 on unit 3: never estimated, never trued up
 *   C4 percentage 10 % on unit 4; March sales 1,000.00 estimated, revised
 *      to 2,000.00 but still estimated (sales_monthly keeps its estimated
 *      day) → no true-up yet.
 */

#include "config.h"

#include <string.h>

#include "plaza-billing.h"
#include "test-util.h"

typedef struct
{
  char       *dir;
  PlazaStore *store;
} Fixture;

#define TERMS(area, model, rest) \
  "{\"start\": \"2026-01-01\", \"end\": \"2026-12-31\", \"area\": \"" area "\", \"model\": \"" model "\", " rest "}"

static gboolean
insert_mall (PlazaStore *store,
             gpointer    user_data G_GNUC_UNUSED,
             GError    **error)
{
  return plaza_store_exec (store,
    "INSERT INTO projects (id, code, name) VALUES (1, 'P1', 'Plaza One');"
    "INSERT INTO floors (id, project_id, label, level) VALUES (1, 1, '1F', 1);"
    "INSERT INTO units (id, floor_id, code, gross_area, rentable_area) VALUES"
    "  (1, 1, 'A1', 5000, 5000), (2, 1, 'A2', 4000, 4000), (3, 1, 'A3', 3000, 3000), (4, 1, 'A4', 2000, 2000);"
    "INSERT INTO tenants (id, code, name) VALUES (1, 'T1', 'Alpha'), (2, 'T2', 'Beta'), (3, 'T3', 'Gamma'),"
    "  (4, 'T4', 'Delta');"
    "INSERT INTO contracts (id, code, tenant_id, state, model, start_date, end_date, terms_json, created_at) VALUES"
    "  (1, 'C1', 1, 'active', 'percentage', '2026-01-01', '2026-12-31', '"
    TERMS ("50.00", "percentage", "\"percentage\": \"10.00\"") "', '2026-01-01'),"
    "  (2, 'C2', 2, 'active', 'percentage', '2026-01-01', '2026-12-31', '"
    TERMS ("40.00", "percentage", "\"percentage\": \"10.00\"") "', '2026-01-01'),"
    "  (3, 'C3', 3, 'active', 'fixed', '2026-01-01', '2026-12-31', '"
    TERMS ("30.00", "fixed", "\"rent\": {\"amount\": \"1000.00\", \"unit\": \"month\"}") "', '2026-01-01'),"
    "  (4, 'C4', 4, 'active', 'percentage', '2026-01-01', '2026-12-31', '"
    TERMS ("20.00", "percentage", "\"percentage\": \"10.00\"") "', '2026-01-01');"
    "INSERT INTO contract_units (contract_id, unit_id, area) VALUES (1, 1, 5000), (2, 2, 4000), (3, 3, 3000),"
    "  (4, 4, 2000);"
    "INSERT INTO sales_daily (unit_id, date, amount, source) VALUES (1, '2026-03-05', 500000, 'pos'),"
    "  (1, '2026-03-06', 300000, 'estimated'), (2, '2026-03-10', 600000, 'estimated'),"
    "  (4, '2026-03-10', 100000, 'estimated');"
    "INSERT INTO sales_monthly (unit_id, month, amount, days, estimated_days) VALUES"
    "  (1, '2026-03', 800000, 31, 1), (2, '2026-03', 600000, 31, 1), (4, '2026-03', 100000, 31, 1);",
    error);
}

static gboolean
real_figures (PlazaStore *store,
              gpointer    user_data G_GNUC_UNUSED,
              GError    **error)
{
  return plaza_store_exec (store,
    "UPDATE sales_daily SET amount = 400000, source = 'pos' WHERE unit_id = 1 AND date = '2026-03-06';"
    "UPDATE sales_daily SET amount = 450000, source = 'pos' WHERE unit_id = 2 AND date = '2026-03-10';"
    "UPDATE sales_daily SET amount = 200000 WHERE unit_id = 4 AND date = '2026-03-10';"
    "UPDATE sales_monthly SET amount = 900000, estimated_days = 0 WHERE unit_id = 1;"
    "UPDATE sales_monthly SET amount = 450000, estimated_days = 0 WHERE unit_id = 2;",
    error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("plaza-billing-adjust-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  path = g_build_filename (f->dir, "bills.db", NULL);
  f->store = plaza_store_open (path, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (plaza_store_write (f->store, insert_mall, NULL, &error));
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

static gint64
bill_id (Fixture    *f,
         const char *code)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM bills WHERE code = '%s'", code);

  return plaza_test_count (f->store, sql);
}

static void
test_true_up (Fixture       *f,
              gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  guint n = 99;

  g_assert_true (plaza_billing_issue_on (f->store, "2026-03", "2026-04-01", &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT amount FROM bill_lines l JOIN bills b ON b.id = l.bill_id "
                                               "WHERE b.code = 'ZD202603-0001' AND l.estimated = 1"), ==, 80000);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM bill_lines WHERE estimated = 1"), ==, 3);

  /* Still estimated: nothing to true up. */
  g_assert_true (plaza_billing_true_up_on (f->store, "2026-04", "2026-05-01", &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 0);

  g_assert_true (plaza_store_write (f->store, real_figures, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (plaza_billing_true_up_on (f->store, "2026-04", "2026-05-01", &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);

  /* C1: 900.00 - 800.00 */
  g_assert_cmpint (plaza_test_count (f->store,
    "SELECT count(*) FROM bills WHERE code = 'ZD202603-0001-TU' AND kind = 'supplementary' AND total = 10000 "
    "AND month = '2026-04' AND issue_date = '2026-05-01' AND due_date = '2026-05-15' "
    "AND original_bill_id = (SELECT id FROM bills WHERE code = 'ZD202603-0001')"), ==, 1);
  g_assert_cmpint (plaza_test_count (f->store,
    "SELECT amount FROM bill_lines l JOIN bills b ON b.id = l.bill_id WHERE b.code = 'ZD202603-0001-TU' "
    "AND l.kind = 'percentage_rent' AND l.period_from = '2026-03-01' AND l.period_to = '2026-03-31'"), ==, 10000);
  /* C2: 450.00 - 600.00 */
  g_assert_cmpint (plaza_test_count (f->store,
    "SELECT total FROM bills WHERE code = 'ZD202603-0002-TU' AND kind = 'credit_note' "
    "AND due_date = '2026-05-01'"), ==, -15000);
  /* C4 is still estimated, C3 never was. */
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM bills WHERE code GLOB '*-TU'"), ==, 2);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM change_log WHERE action = 'true_up'"), ==, 1);

  /* Once: a second true-up and the next bill run add nothing more. */
  g_assert_true (plaza_billing_true_up_on (f->store, "2026-04", "2026-05-01", &n, &error));
  g_assert_cmpuint (n, ==, 0);
  g_assert_true (plaza_billing_issue_on (f->store, "2026-05", "2026-06-01", &n, &error));
  g_assert_no_error (error);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM bills WHERE code GLOB '*-TU'"), ==, 2);
  /* The originals are untouched. */
  g_assert_cmpint (plaza_test_count (f->store, "SELECT total FROM bills WHERE code = 'ZD202603-0001'"), ==, 80000);
}

static void
test_true_up_by_run (Fixture       *f,
                     gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_true (plaza_billing_issue_on (f->store, "2026-03", "2026-04-01", &n, &error));
  g_assert_true (plaza_store_write (f->store, real_figures, NULL, &error));
  g_assert_no_error (error);
  /* The run of a later month trues up on its issue date. */
  g_assert_true (plaza_billing_issue_on (f->store, "2026-06", "2026-07-01", &n, &error));
  g_assert_no_error (error);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT sum (total) FROM bills WHERE code GLOB '*-TU' "
                                               "AND month = '2026-06' AND issue_date = '2026-07-01'"), ==, -5000);
  g_assert_true (plaza_billing_issue_on (f->store, "2026-06", "2026-07-01", &n, &error));
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM bills WHERE code GLOB '*-TU'"), ==, 2);
}

static void
test_corrections (Fixture       *f,
                  gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  gint64 original, id = 0;
  guint n = 0;

  g_assert_true (plaza_billing_issue_on (f->store, "2026-03", "2026-04-01", &n, &error));
  g_assert_no_error (error);
  original = bill_id (f, "ZD202603-0003");   /* C3: 1,000.00 */
  g_assert_cmpint (original, >, 0);

  g_assert_true (plaza_billing_credit_note (f->store, original, 30000, "空调故障减免", &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, ==, bill_id (f, "ZD202603-0003-CN1"));
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM bills b JOIN bill_lines l ON l.bill_id = b.id "
                                               "WHERE b.code = 'ZD202603-0003-CN1' AND b.kind = 'credit_note' "
                                               "AND b.total = -30000 AND l.kind = 'adjustment' AND l.amount = -30000 "
                                               "AND l.description = '空调故障减免' AND b.month = '2026-03'"), ==, 1);
  /* 1,000.00 - 300.00 = 700.00 left: 700.01 is refused, 700.00 is not. */
  g_assert_false (plaza_billing_credit_note (f->store, original, 70001, "再减", &id, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "700.00"));
  g_clear_error (&error);
  g_assert_true (plaza_billing_credit_note (f->store, original, 70000, "全部减免", &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, ==, bill_id (f, "ZD202603-0003-CN2"));
  g_assert_false (plaza_billing_credit_note (f->store, original, 1, "x", &id, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Bad input writes nothing. */
  g_assert_false (plaza_billing_credit_note (f->store, original, 0, "x", &id, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (plaza_billing_credit_note (f->store, bill_id (f, "ZD202603-0001"), 100, "  ", &id, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (plaza_billing_credit_note (f->store, bill_id (f, "ZD202603-0003-CN1"), 100, "x", &id, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (plaza_billing_credit_note (f->store, 9999, 100, "x", &id, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Supplementary */
  g_assert_true (plaza_billing_supplementary (f->store, original, "fee", 12345, "补收水电费", &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM bills b JOIN bill_lines l ON l.bill_id = b.id "
                                               "WHERE b.code = 'ZD202603-0003-SB1' AND b.kind = 'supplementary' "
                                               "AND b.total = 12345 AND l.kind = 'fee' AND l.amount = 12345 "
                                               "AND b.original_bill_id = (SELECT id FROM bills WHERE code = 'ZD202603-0003')"),
                   ==, 1);
  g_assert_false (plaza_billing_supplementary (f->store, original, "bonus", 100, "x", &id, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (plaza_billing_supplementary (f->store, original, "fee", -5, "x", &id, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (plaza_billing_supplementary (f->store, original, "fee", 5, "", &id, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM bills WHERE original_bill_id IS NOT NULL"), ==, 3);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM change_log WHERE entity = 'bills' "
                                               "AND action IN ('credit_note', 'supplementary')"), ==, 3);
  /* The original is never edited. */
  g_assert_cmpint (plaza_test_count (f->store, "SELECT total FROM bills WHERE code = 'ZD202603-0003'"), ==, 100000);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/billing-adjust/true-up", Fixture, NULL, fixture_set_up, test_true_up, fixture_tear_down);
  g_test_add ("/billing-adjust/true-up-by-run", Fixture, NULL, fixture_set_up, test_true_up_by_run,
              fixture_tear_down);
  g_test_add ("/billing-adjust/corrections", Fixture, NULL, fixture_set_up, test_corrections, fixture_tear_down);
  return g_test_run ();
}
