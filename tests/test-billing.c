/* test-billing.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * plaza_billing_preview / plaza_billing_issue and plazactl bills. The mall:
 * units 1 (100 m²), 2 (50 m²), 3 (80 m²), 4 (60 m²), 5 (40 m²). Contracts
 * for 2026 (month 2026-03 is billed, 31 days):
 *   C1 fixed 100.00 元/m²/月 on 100 m² = 10,000.00; fee 10.00 元/m²/月 =
 *      1,000.00 → total 11,000.00
 *   C2 percentage 10 % on unit 2; March sales 5,000.00 + 3,000.00 →
 *      800.00, sales_monthly has one estimated day → estimated line
 *   C3 higher_of 1,000.00/月 or 10 %; March sales 20,000.00 → 2,000.00
 *      (percentage wins); April sales 5,000.00 → 500.00 < 1,000.00 (base wins)
 *   C4 fixed 2,000.00/月, already has a regular bill for March → skipped
 *   C5 fixed 3,100.00/月, terminated on 2026-03-15 → 15 of 31 days = 1,500.00
 *   C6 draft → never billed
 * Promotion fees (test_promotion_fees): PR-2026-004 春节促销, approved,
 * 2026-03-05 … 2026-03-12: Alpha confirmed 500.00 (C1: 11,000.00 + 500.00
 * = 11,500.00), Gamma confirmed 1,200.00 (C3: 2,000.00 + 1,200.00 =
 * 3,200.00), Beta declined 300.00 (C2 stays 800.00), Delta confirmed 100.00
 * (C4's March bill was issued before: skipped), Zeta confirmed 50.00 (no
 * contract: skipped); PR-2026-005, a draft starting 2026-03-20, charges
 * Alpha 999.00: not billed.
 */

#include "config.h"

#include <string.h>

#include "plaza-billing.h"
#include "plaza-contract-schedule.h"
#include "plaza-demo.h"
#include "plaza-money.h"
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
             gpointer    user_data,
             GError    **error)
{
  return plaza_store_exec (store,
    "INSERT INTO projects (id, code, name) VALUES (1, 'P1', 'Plaza One');"
    "INSERT INTO floors (id, project_id, label, level) VALUES (1, 1, '1F', 1);"
    "INSERT INTO units (id, floor_id, code, gross_area, rentable_area) VALUES"
    "  (1, 1, 'A1', 10000, 10000), (2, 1, 'A2', 5000, 5000), (3, 1, 'A3', 8000, 8000),"
    "  (4, 1, 'A4', 6000, 6000), (5, 1, 'A5', 4000, 4000);"
    "INSERT INTO tenants (id, code, name) VALUES (1, 'T1', 'Alpha'), (2, 'T2', 'Beta'), (3, 'T3', 'Gamma'),"
    "  (4, 'T4', 'Delta'), (5, 'T5', 'Epsilon');"
    "INSERT INTO contracts (id, code, tenant_id, state, model, start_date, end_date, terminated_on, terms_json, created_at) VALUES"
    "  (1, 'C1', 1, 'active', 'fixed', '2026-01-01', '2026-12-31', NULL, '"
    TERMS ("100.00", "fixed", "\"rent\": {\"amount\": \"100.00\", \"unit\": \"m2_month\"}, "
           "\"fees\": [{\"name\": \"物业管理费\", \"amount\": \"10.00\", \"unit\": \"m2_month\"}]") "', '2026-01-01'),"
    "  (2, 'C2', 2, 'active', 'percentage', '2026-01-01', '2026-12-31', NULL, '"
    TERMS ("50.00", "percentage", "\"percentage\": \"10.00\"") "', '2026-01-01'),"
    "  (3, 'C3', 3, 'active', 'higher_of', '2026-01-01', '2026-12-31', NULL, '"
    TERMS ("80.00", "higher_of", "\"rent\": {\"amount\": \"1000.00\", \"unit\": \"month\"}, \"percentage\": \"10.00\"") "', '2026-01-01'),"
    "  (4, 'C4', 4, 'active', 'fixed', '2026-01-01', '2026-12-31', NULL, '"
    TERMS ("60.00", "fixed", "\"rent\": {\"amount\": \"2000.00\", \"unit\": \"month\"}") "', '2026-01-01'),"
    "  (5, 'C5', 5, 'terminated', 'fixed', '2026-01-01', '2026-12-31', '2026-03-15', '"
    TERMS ("40.00", "fixed", "\"rent\": {\"amount\": \"3100.00\", \"unit\": \"month\"}") "', '2026-01-01'),"
    "  (6, 'C6', 1, 'draft', 'fixed', '2026-01-01', '2026-12-31', NULL, '"
    TERMS ("100.00", "fixed", "\"rent\": {\"amount\": \"100.00\", \"unit\": \"month\"}") "', '2026-01-01');"
    "INSERT INTO contract_units (contract_id, unit_id, area) VALUES (1, 1, 10000), (2, 2, 5000), (3, 3, 8000),"
    "  (4, 4, 6000), (5, 5, 4000), (6, 1, 10000);"
    "INSERT INTO sales_daily (unit_id, date, amount) VALUES (2, '2026-03-05', 500000), (2, '2026-03-06', 300000),"
    "  (3, '2026-03-10', 2000000), (3, '2026-04-10', 500000);"
    "INSERT INTO sales_monthly (unit_id, month, amount, days, estimated_days) VALUES"
    "  (2, '2026-03', 800000, 31, 1), (3, '2026-03', 2000000, 31, 0), (3, '2026-04', 500000, 30, 0);"
    "INSERT INTO bills (id, code, tenant_id, contract_id, month, state, issue_date, due_date, total) VALUES"
    "  (1, 'OLD-1', 4, 4, '2026-03', 'issued', '2026-03-01', '2026-03-10', 200000);",
    error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("plaza-billing-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  path = g_build_filename (f->dir, "bills.db", NULL);
  f->store = plaza_store_open (path, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (plaza_store_write (f->store, insert_mall, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  plaza_test_remove_tree (f->dir);
  g_free (f->dir);
}

static const PlazaBill *
find_bill (GPtrArray  *bills,
           const char *code)
{
  for (guint i = 0; i < bills->len; i++)
    {
      const PlazaBill *bill = g_ptr_array_index (bills, i);

      if (g_str_equal (bill->contract_code, code))
        return bill;
    }
  return NULL;
}

/* The bill of contract @code, which must be there. */
static const PlazaBill *
get_bill (GPtrArray  *bills,
          const char *code)
{
  const PlazaBill *bill = find_bill (bills, code);

  if (bill == NULL)
    g_error ("no bill for %s", code);
  return bill;
}

static void
check_line (const PlazaBill *bill,
            guint            i,
            const char      *kind,
            gint64           amount,
            gboolean         estimated)
{
  const PlazaBillLine *line;

  g_assert_cmpuint (i, <, bill->lines->len);
  line = g_ptr_array_index (bill->lines, i);
  g_assert_cmpstr (line->kind, ==, kind);
  g_assert_cmpint (line->amount, ==, amount);
  g_assert_cmpint (line->estimated, ==, estimated);
}

static void
test_preview (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) bills = NULL;
  g_autoptr(GPtrArray) april = NULL;
  g_autoptr(GError) error = NULL;
  const PlazaBill *bill;
  const PlazaBillLine *line;

  g_assert_true (plaza_billing_preview (f->store, "2026-03", &bills, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bills->len, ==, 4);   /* C1, C2, C3, C5 */
  g_assert_null (find_bill (bills, "C4"));
  g_assert_null (find_bill (bills, "C6"));

  bill = get_bill (bills, "C1");
  g_assert_cmpuint (bill->lines->len, ==, 2);
  check_line (bill, 0, "rent", 1000000, FALSE);
  check_line (bill, 1, "fee", 100000, FALSE);
  g_assert_cmpint (bill->total, ==, 1100000);
  line = g_ptr_array_index (bill->lines, 0);
  g_assert_cmpstr (line->period_from, ==, "2026-03-01");
  g_assert_cmpstr (line->period_to, ==, "2026-03-31");
  g_assert_cmpstr (bill->tenant_name, ==, "Alpha");

  bill = get_bill (bills, "C2");
  g_assert_cmpuint (bill->lines->len, ==, 1);
  check_line (bill, 0, "percentage_rent", 80000, TRUE);
  g_assert_cmpint (bill->total, ==, 80000);

  bill = get_bill (bills, "C3");
  g_assert_cmpuint (bill->lines->len, ==, 1);
  check_line (bill, 0, "percentage_rent", 200000, FALSE);
  line = g_ptr_array_index (bill->lines, 0);
  g_assert_nonnull (strstr (line->description, "高于保底"));

  bill = get_bill (bills, "C5");
  g_assert_cmpuint (bill->lines->len, ==, 1);
  check_line (bill, 0, "rent", 150000, FALSE);
  line = g_ptr_array_index (bill->lines, 0);
  g_assert_cmpstr (line->period_to, ==, "2026-03-15");

  /* April: C3's base rent wins; C5 has ended */
  g_assert_true (plaza_billing_preview (f->store, "2026-04", &april, &error));
  g_assert_no_error (error);
  g_assert_null (find_bill (april, "C5"));
  bill = get_bill (april, "C3");
  check_line (bill, 0, "rent", 100000, FALSE);
  line = g_ptr_array_index (bill->lines, 0);
  g_assert_nonnull (strstr (line->description, "高于扣点"));
  /* C2 has no April sales: a zero bill is skipped */
  g_assert_null (find_bill (april, "C2"));

  g_assert_false (plaza_billing_preview (f->store, "2026-3", &bills, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
}

static void
test_issue (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint n = 99;
  gint64 changes = plaza_test_count (f->store, "SELECT count(*) FROM change_log");

  g_assert_true (plaza_billing_issue_on (f->store, "2026-03", "2026-04-01", &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM bills WHERE code GLOB 'ZD202603-*'"), ==, 4);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT total FROM bills WHERE code = 'ZD202603-0001'"), ==, 1100000);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT contract_id FROM bills WHERE code = 'ZD202603-0004'"), ==, 5);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM bills WHERE code GLOB 'ZD*' AND "
                                               "due_date = '2026-04-15' AND issue_date = '2026-04-01' AND state = 'issued'"), ==, 4);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM bills b WHERE total != "
                                               "(SELECT sum (amount) FROM bill_lines l WHERE l.bill_id = b.id)"), ==, 0);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM bill_lines WHERE estimated = 1"), ==, 1);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM change_log"), ==, changes + 1);

  /* idempotent */
  g_assert_true (plaza_billing_issue (f->store, "2026-03", &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM bills"), ==, 5);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM change_log"), ==, changes + 1);

  /* the next month continues its own serials, due in May */
  g_assert_true (plaza_billing_issue_on (f->store, "2026-04", "2026-05-02", &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);   /* C1, C3, C4 */
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM bills WHERE code GLOB 'ZD202604-000[123]' "
                                               "AND due_date = '2026-05-15'"), ==, 3);
}

static void
test_demo (void)
{
  g_autofree char *dir = g_dir_make_tmp ("plaza-billing-demo-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GPtrArray) bills = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;
  guint n = 0;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 27, G_DATE_NOVEMBER, 2026);
  store = plaza_store_open (path, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (plaza_demo_generate (store, 7, PLAZA_DEMO_SMALL, &today, &error));
  g_assert_no_error (error);
  g_assert_cmpint (plaza_test_count (store, "SELECT count(*) FROM bills WHERE month = '2026-11'"), ==, 0);

  g_assert_true (plaza_billing_preview (store, "2026-11", &bills, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bills->len, >, 0);
  for (guint i = 0; i < bills->len; i++)
    {
      const PlazaBill *bill = g_ptr_array_index (bills, i);
      g_autoptr(GArray) rows = NULL;
      gint64 expected = -1;
      gint64 fees = 0;

      g_assert_true (plaza_contract_schedule (store, bill->contract_id, &rows, &error));
      g_assert_no_error (error);
      for (guint j = 0; j < rows->len; j++)
        if (g_str_equal (g_array_index (rows, PlazaScheduleRow, j).month, "2026-11"))
          expected = g_array_index (rows, PlazaScheduleRow, j).total;
      /* the demo's promotion starting on 2026-11-24 adds its fees */
      for (guint j = 0; j < bill->lines->len; j++)
        if (g_str_equal (((PlazaBillLine *) g_ptr_array_index (bill->lines, j))->kind, "promotion_fee"))
          fees += ((PlazaBillLine *) g_ptr_array_index (bill->lines, j))->amount;
      g_assert_cmpint (bill->total - fees, ==, expected);
    }

  g_assert_true (plaza_billing_issue (store, "2026-11", &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, bills->len);
  g_assert_true (plaza_billing_issue (store, "2026-11", &n, &error));
  g_assert_cmpuint (n, ==, 0);
  /* October already has the demo's bills */
  g_clear_pointer (&bills, g_ptr_array_unref);
  g_assert_true (plaza_billing_preview (store, "2026-10", &bills, &error));
  g_assert_cmpuint (bills->len, ==, 0);

  g_clear_object (&store);
  plaza_test_remove_tree (dir);
}

/* ---- promotion fees ------------------------------------------------- */

static gboolean
insert_promotions (PlazaStore *store,
                   gpointer    user_data,
                   GError    **error)
{
  return plaza_store_exec (store,
    "INSERT INTO tenants (id, code, name) VALUES (9, 'T9', 'Zeta');"
    "INSERT INTO promotions (id, code, name, start_date, end_date, state, created_at) VALUES"
    "  (1, 'PR-2026-004', '春节促销', '2026-03-05', '2026-03-12', 'approved', '2026-01-10'),"
    "  (2, 'PR-2026-005', '春日踏青', '2026-03-20', '2026-03-25', 'draft', '2026-01-10');"
    "INSERT INTO promotion_participants (promotion_id, tenant_id, offer, status, fee) VALUES"
    "  (1, 1, '满300减50', 'confirmed', 50000), (1, 3, '8折', 'confirmed', 120000),"
    "  (1, 2, '', 'declined', 30000), (1, 4, '', 'confirmed', 10000), (1, 9, '', 'confirmed', 5000),"
    "  (2, 1, '', 'confirmed', 99900);",
    error);
}

static gboolean
approve_draft (PlazaStore *store,
               gpointer    user_data,
               GError    **error)
{
  return plaza_store_exec (store, "UPDATE promotions SET state = 'approved' WHERE id = 2;"
                                 "UPDATE promotions SET name = '春节大促' WHERE id = 1;", error);
}

static void
test_promotion_fees (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) bills = NULL;
  g_autoptr(GPtrArray) skipped = NULL;
  const PlazaBill *bill;
  const PlazaBillLine *line;
  guint n = 0;

  g_assert_true (plaza_store_write (f->store, insert_promotions, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (plaza_billing_preview (f->store, "2026-03", &bills, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bills->len, ==, 4);
  bill = get_bill (bills, "C1");
  g_assert_cmpuint (bill->lines->len, ==, 3);
  check_line (bill, 2, "promotion_fee", 50000, FALSE);
  line = g_ptr_array_index (bill->lines, 2);
  g_assert_cmpstr (line->description, ==, "推广费 PR-2026-004 春节促销");
  g_assert_cmpstr (line->period_from, ==, "2026-03-05");
  g_assert_cmpstr (line->period_to, ==, "2026-03-12");
  g_assert_cmpint (bill->total, ==, 1150000);
  bill = get_bill (bills, "C3");
  g_assert_cmpuint (bill->lines->len, ==, 2);
  check_line (bill, 1, "promotion_fee", 120000, FALSE);
  g_assert_cmpint (bill->total, ==, 320000);
  bill = get_bill (bills, "C2");
  g_assert_cmpuint (bill->lines->len, ==, 1);
  g_assert_cmpint (bill->total, ==, 80000);

  g_assert_true (plaza_billing_skipped_fees (f->store, "2026-03", &skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (skipped->len, ==, 2);
  g_assert_nonnull (strstr (g_ptr_array_index (skipped, 0), "T4"));
  g_assert_nonnull (strstr (g_ptr_array_index (skipped, 0), "C4"));
  g_assert_nonnull (strstr (g_ptr_array_index (skipped, 1), "T9"));

  g_assert_true (plaza_billing_issue_on (f->store, "2026-03", "2026-04-01", &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM bill_lines WHERE kind = 'promotion_fee'"), ==, 2);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT sum (amount) FROM bill_lines WHERE kind = 'promotion_fee'"),
                   ==, 170000);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM bill_lines WHERE amount = 99900"), ==, 0);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM bills b WHERE total != "
                                               "(SELECT sum (amount) FROM bill_lines l WHERE l.bill_id = b.id)"), ==, 0);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM change_log WHERE entity = 'bills' "
                                               "AND summary LIKE '%T4%C4%' AND summary LIKE '%T9%'"), ==, 1);

  /* a re-run adds nothing, and nothing is billed twice */
  g_assert_true (plaza_billing_issue_on (f->store, "2026-03", "2026-04-02", &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM bill_lines WHERE kind = 'promotion_fee'"), ==, 2);
  g_clear_pointer (&bills, g_ptr_array_unref);
  g_assert_true (plaza_billing_preview (f->store, "2026-03", &bills, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bills->len, ==, 0);

  /* approving the draft later does not bill it into the issued month; a
   * billed promotion renamed since is still billed (by its code) */
  g_assert_true (plaza_store_write (f->store, approve_draft, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&skipped, g_ptr_array_unref);
  g_assert_true (plaza_billing_skipped_fees (f->store, "2026-03", &skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (skipped->len, ==, 3);   /* T4, T9 and now T1's PR-2026-005 */
  g_assert_nonnull (strstr (g_ptr_array_index (skipped, 2), "PR-2026-005"));
}

/* ---- plazactl bills ------------------------------------------------- */

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  const char *db = plaza_store_get_path (f->store);

  {
    g_autofree char *out = NULL, *err = NULL;
    const char *args[] = { "bills", "generate", db, "--month", "2026-03", "--dry-run", NULL };

    g_assert_cmpint (plaza_test_run_plazactl (args, &out, &err), ==, 0);
    g_assert_true (g_str_has_prefix (out, "contract,tenant,kind,description,period_from,period_to,amount,estimated\n"
                                          "C1,Alpha,rent,租金,2026-03-01,2026-03-31,10000.00,0\n"
                                          "C1,Alpha,fee,"));
    g_assert_nonnull (strstr (out, "C1,Alpha,total,,,,11000.00,\n"));
    g_assert_nonnull (strstr (out, "C2,Beta,percentage_rent,扣点租金,2026-03-01,2026-03-31,800.00,1\n"));
    g_assert_null (strstr (out, "C4,"));
    g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM bills"), ==, 1);
  }
  {
    g_autofree char *out = NULL, *err = NULL;
    const char *args[] = { "bills", "generate", db, "--month", "2026-03", NULL };

    g_assert_cmpint (plaza_test_run_plazactl (args, &out, &err), ==, 0);
    g_assert_cmpstr (out, ==, "Issued 4 bills for 2026-03\n");
  }
  {
    g_autofree char *out = NULL, *err = NULL;
    const char *args[] = { "bills", "generate", db, "--month", "2026-03", NULL };

    g_assert_cmpint (plaza_test_run_plazactl (args, &out, &err), ==, 0);
    g_assert_cmpstr (out, ==, "Issued 0 bills for 2026-03\n");
  }
  {
    const char *bad[][7] = {
      { "bills", "generate", db, "--month", "2026-13", NULL },
      { "bills", "generate", db, NULL },
      { "bills", "make", db, "--month", "2026-03", NULL },
      { "bills", "generate", "--month", "2026-03", NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autofree char *out = NULL, *err = NULL;

        g_assert_cmpint (plaza_test_run_plazactl (bad[i], &out, &err), ==, 1);
        g_assert_true (g_str_has_prefix (err, "plazactl: "));
        g_assert_cmpint (strchr (err, '\n') - err, ==, (long) strlen (err) - 1);
      }
  }
}

/* plazactl bills generate lists the promotion fees it could not bill. */
static void
test_cli_skipped_fees (Fixture       *f,
                       gconstpointer  data)
{
  const char *db = plaza_store_get_path (f->store);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL, *err = NULL;
  const char *args[] = { "bills", "generate", db, "--month", "2026-03", NULL };

  g_assert_true (plaza_store_write (f->store, insert_promotions, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (plaza_test_run_plazactl (args, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "Issued 4 bills for 2026-03\n"
                            "Promotion fee PR-2026-004 for tenant T4 not billed: the bill of C4 for 2026-03 "
                            "was issued before\n"
                            "Promotion fee PR-2026-004 for tenant T9 not billed: no contract in force in 2026-03\n");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/billing/preview", Fixture, NULL, fixture_set_up, test_preview, fixture_tear_down);
  g_test_add ("/billing/issue", Fixture, NULL, fixture_set_up, test_issue, fixture_tear_down);
  g_test_add ("/billing/promotion-fees", Fixture, NULL, fixture_set_up, test_promotion_fees, fixture_tear_down);
  g_test_add ("/billing/cli", Fixture, NULL, fixture_set_up, test_cli, fixture_tear_down);
  g_test_add ("/billing/cli-skipped-fees", Fixture, NULL, fixture_set_up, test_cli_skipped_fees, fixture_tear_down);
  g_test_add_func ("/billing/demo", test_demo);
  return g_test_run ();
}
