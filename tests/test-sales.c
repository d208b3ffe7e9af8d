/* test-sales.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Manual days, estimated months and missing months (plaza-sales.c) with
 * hand-worked numbers on hand-made rows, the monthly aggregate checked
 * against the daily rows after every write.
 */

#define G_LOG_DOMAIN "plaza-test"

#include "config.h"

#include "import-fixture.h"
#include "plaza-demo.h"
#include "plaza-sales.h"

static void
add_sales (Fixture    *f,
           gint64      unit_id,
           const char *date,
           gint64      amount,
           const char *source)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO sales_daily (unit_id, date, amount, source) "
                                          "VALUES (%lld, '%s', %lld, '%s');",
                                          (long long) unit_id, date, (long long) amount, source);

  write_sql (f->store, sql);
  write_sql (f->store, "DELETE FROM sales_monthly;"
                       "INSERT INTO sales_monthly (unit_id, month, amount, transactions, days, estimated_days) "
                       "SELECT unit_id, substr (date, 1, 7), sum (amount), sum (coalesce (transactions, 0)), "
                       "count (*), sum (source = 'estimated') FROM sales_daily GROUP BY 1, 2;");
}

static gint64
day_amount (Fixture    *f,
            gint64      unit_id,
            const char *date)
{
  g_autofree char *sql = g_strdup_printf ("SELECT amount FROM sales_daily WHERE unit_id = %lld AND date = '%s'",
                                          (long long) unit_id, date);

  return count (f->store, sql);
}

static gint64
month_value (Fixture    *f,
             const char *column,
             gint64      unit_id,
             const char *month)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce ((SELECT %s FROM sales_monthly WHERE unit_id = %lld "
                                          "AND month = '%s'), -1)", column, (long long) unit_id, month);

  return count (f->store, sql);
}

static void
test_set_day (Fixture       *f,
              gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) days = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  PlazaSalesDay *day;

  g_assert_true (plaza_sales_set_day (f->store, 1, "2026-03-05", 123456, 12, &error));
  g_assert_no_error (error);
  g_assert_true (plaza_sales_set_day (f->store, 1, "2026-03-01", 100, -1, &error));
  g_assert_no_error (error);
  /* Setting a day again replaces it. */
  g_assert_true (plaza_sales_set_day (f->store, 1, "2026-03-05", 200000, 20, &error));
  g_assert_no_error (error);

  g_assert_true (plaza_sales_list_month (f->store, 1, "2026-03", &days, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 2);
  day = g_ptr_array_index (days, 0);
  g_assert_cmpstr (day->date, ==, "2026-03-01");
  g_assert_cmpint (day->amount, ==, 100);
  g_assert_cmpint (day->transactions, ==, -1);
  g_assert_cmpint (day->source, ==, PLAZA_SALES_SOURCE_MANUAL);
  day = g_ptr_array_index (days, 1);
  g_assert_cmpstr (day->date, ==, "2026-03-05");
  g_assert_cmpint (day->amount, ==, 200000);
  g_assert_cmpint (day->transactions, ==, 20);

  g_assert_cmpint (month_value (f, "amount", 1, "2026-03"), ==, 200100);
  g_assert_cmpint (month_value (f, "transactions", 1, "2026-03"), ==, 20);
  g_assert_cmpint (month_value (f, "days", 1, "2026-03"), ==, 2);
  g_assert_cmpint (count (f->store, "SELECT count (*) FROM change_log WHERE entity = 'sales' AND entity_id = 1 "
                                    "AND action = 'update'"), ==, 3);
  g_assert_cmpint (monthly_mismatches (f->store), ==, 0);

  /* Rejections change nothing. */
  before = snapshot (f->store);
  g_assert_false (plaza_sales_set_day (f->store, 1, "2026-02-30", 1, -1, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (plaza_sales_set_day (f->store, 1, "2999-01-01", 1, -1, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "after today"));
  g_clear_error (&error);
  g_assert_false (plaza_sales_set_day (f->store, 1, "2026-03-06", -1, -1, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (plaza_sales_set_day (f->store, 99, "2026-03-06", 1, -1, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  after = snapshot (f->store);
  g_assert_cmpstr (after, ==, before);
}

static void
test_delete_day (Fixture       *f,
                 gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (plaza_sales_set_day (f->store, 2, "2026-04-01", 500, -1, &error));
  g_assert_true (plaza_sales_set_day (f->store, 2, "2026-04-02", 700, -1, &error));
  g_assert_no_error (error);

  g_assert_true (plaza_sales_delete_day (f->store, 2, "2026-04-01", &error));
  g_assert_no_error (error);
  g_assert_cmpint (month_value (f, "amount", 2, "2026-04"), ==, 700);
  g_assert_cmpint (month_value (f, "days", 2, "2026-04"), ==, 1);

  g_assert_true (plaza_sales_delete_day (f->store, 2, "2026-04-02", &error));
  g_assert_no_error (error);
  /* The month has no row left: neither has the aggregate. */
  g_assert_cmpint (month_value (f, "amount", 2, "2026-04"), ==, -1);

  g_assert_false (plaza_sales_delete_day (f->store, 2, "2026-04-02", &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (count (f->store, "SELECT count (*) FROM change_log WHERE action = 'delete'"), ==, 2);
  g_assert_cmpint (monthly_mismatches (f->store), ==, 0);
}

static void
test_estimate_last_year (Fixture       *f,
                         gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  gint64 total = 0;

  /* Last year's March: 3,100.00 yuan → 31 days of 100.00. */
  add_sales (f, 1, "2025-03-15", 310000, "pos");
  g_assert_true (plaza_sales_estimate_month (f->store, 1, "2026-03", PLAZA_SALES_ESTIMATE_LAST_YEAR, &total, &error));
  g_assert_no_error (error);
  g_assert_cmpint (total, ==, 310000);
  g_assert_cmpint (count (f->store, "SELECT count (*) FROM sales_daily WHERE unit_id = 1 AND date LIKE '2026-03-%' "
                                    "AND source = 'estimated' AND amount = 10000"), ==, 31);
  g_assert_cmpint (month_value (f, "amount", 1, "2026-03"), ==, 310000);
  g_assert_cmpint (month_value (f, "estimated_days", 1, "2026-03"), ==, 31);
  g_assert_cmpint (monthly_mismatches (f->store), ==, 0);

  /* Remainder fen on the first days: 1.00 yuan over 31 days is 3 fen a day
   * and 7 fen left over, so days 1–7 have 4. */
  add_sales (f, 2, "2025-03-31", 100, "manual");
  g_assert_true (plaza_sales_estimate_month (f->store, 2, "2026-03", PLAZA_SALES_ESTIMATE_AUTO, &total, &error));
  g_assert_no_error (error);
  g_assert_cmpint (total, ==, 100);
  g_assert_cmpint (day_amount (f, 2, "2026-03-01"), ==, 4);
  g_assert_cmpint (day_amount (f, 2, "2026-03-07"), ==, 4);
  g_assert_cmpint (day_amount (f, 2, "2026-03-08"), ==, 3);
  g_assert_cmpint (day_amount (f, 2, "2026-03-31"), ==, 3);

  /* February: last year's 29 days of 2,900.00 → 28 days of 100.00. */
  add_sales (f, 3, "2024-02-10", 290000, "pos");
  g_assert_true (plaza_sales_estimate_month (f->store, 3, "2025-02", PLAZA_SALES_ESTIMATE_LAST_YEAR, &total, &error));
  g_assert_no_error (error);
  g_assert_cmpint (total, ==, 280000);
  g_assert_cmpint (month_value (f, "days", 3, "2025-02"), ==, 28);
  g_assert_cmpint (monthly_mismatches (f->store), ==, 0);
}

static void
test_estimate_last_3_months (Fixture       *f,
                             gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  gint64 total = 0;

  /* April (30 days) 900, May (31) 600, June (30) 300 yuan: 1,800 yuan over
   * 91 days; July has 31: 180000 × 31 ÷ 91 = 61318.68 → 61319 fen,
   * 1978 a day and 1 fen over on the 1st. An estimated March does not count,
   * and neither does anything before the three months. */
  add_sales (f, 1, "2026-04-10", 90000, "pos");
  add_sales (f, 1, "2026-05-10", 40000, "pos");
  add_sales (f, 1, "2026-05-11", 20000, "manual");
  add_sales (f, 1, "2026-06-30", 30000, "pos");
  add_sales (f, 1, "2026-03-01", 999999, "estimated");
  add_sales (f, 1, "2026-01-01", 777777, "pos");
  /* Auto: no July last year, so the last three months. */
  g_assert_true (plaza_sales_estimate_month (f->store, 1, "2026-07", PLAZA_SALES_ESTIMATE_AUTO, &total, &error));
  g_assert_no_error (error);
  g_assert_cmpint (total, ==, 61319);
  g_assert_cmpint (day_amount (f, 1, "2026-07-01"), ==, 1979);
  g_assert_cmpint (day_amount (f, 1, "2026-07-02"), ==, 1978);
  g_assert_cmpint (day_amount (f, 1, "2026-07-31"), ==, 1978);
  g_assert_cmpint (month_value (f, "amount", 1, "2026-07"), ==, 61319);
  g_assert_cmpint (count (f->store, "SELECT count (*) FROM change_log WHERE action = 'estimate'"), ==, 1);

  /* Estimating again replaces the estimate (the same figures here). */
  g_assert_true (plaza_sales_estimate_month (f->store, 1, "2026-07", PLAZA_SALES_ESTIMATE_LAST_3_MONTHS, &total, &error));
  g_assert_no_error (error);
  g_assert_cmpint (month_value (f, "days", 1, "2026-07"), ==, 31);
  g_assert_cmpint (month_value (f, "amount", 1, "2026-07"), ==, 61319);

  /* Gaps are skipped: B101 reported only in February (28 days, 280 yuan)
   * and April (30, 300) → 580 yuan over 58 days = 10 yuan a day; May has 31. */
  add_sales (f, 3, "2026-02-01", 28000, "pos");
  add_sales (f, 3, "2026-04-01", 30000, "pos");
  g_assert_true (plaza_sales_estimate_month (f->store, 3, "2026-05", PLAZA_SALES_ESTIMATE_LAST_3_MONTHS, &total, &error));
  g_assert_no_error (error);
  g_assert_cmpint (total, ==, 31000);
  g_assert_cmpint (monthly_mismatches (f->store), ==, 0);
}

static void
test_estimate_refused_and_replaced (Fixture       *f,
                                    gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 total = -5;

  add_sales (f, 1, "2025-03-15", 310000, "pos");
  add_sales (f, 1, "2026-04-02", 100, "pos");

  before = snapshot (f->store);
  /* A month with real figures. */
  g_assert_false (plaza_sales_estimate_month (f->store, 1, "2026-04", PLAZA_SALES_ESTIMATE_AUTO, &total, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* No basis: A102 has no sales at all; last year asked for explicitly. */
  g_assert_false (plaza_sales_estimate_month (f->store, 2, "2026-04", PLAZA_SALES_ESTIMATE_AUTO, &total, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (plaza_sales_estimate_month (f->store, 1, "2026-05", PLAZA_SALES_ESTIMATE_LAST_YEAR, &total, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (plaza_sales_estimate_month (f->store, 1, "2026-13", PLAZA_SALES_ESTIMATE_AUTO, &total, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (total, ==, -5);
  after = snapshot (f->store);
  g_assert_cmpstr (after, ==, before);

  /* A manual day in an estimated month replaces the whole estimate. */
  g_assert_true (plaza_sales_estimate_month (f->store, 1, "2026-03", PLAZA_SALES_ESTIMATE_AUTO, &total, &error));
  g_assert_no_error (error);
  g_assert_cmpint (month_value (f, "estimated_days", 1, "2026-03"), ==, 31);
  g_assert_true (plaza_sales_set_day (f->store, 1, "2026-03-10", 5000, 3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (month_value (f, "days", 1, "2026-03"), ==, 1);
  g_assert_cmpint (month_value (f, "estimated_days", 1, "2026-03"), ==, 0);
  g_assert_cmpint (month_value (f, "amount", 1, "2026-03"), ==, 5000);
  g_assert_cmpint (monthly_mismatches (f->store), ==, 0);
}

static void
test_missing (Fixture       *f,
              gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) missing = NULL;
  PlazaSalesMissing *m;

  /* A101 leased all year; A102 until 15 March (terminated); B101 never;
   * a draft for B101 does not count. */
  write_sql (f->store,
             "INSERT INTO tenants (id, code, name) VALUES (1, 'T1', 'Tea House'), (2, 'T2', 'Shoe Box');"
             "INSERT INTO contracts (id, code, tenant_id, state, model, start_date, end_date, terminated_on, created_at) VALUES "
             "  (1, 'C1', 1, 'active', 'fixed', '2026-01-01', '2026-12-31', NULL, '2026-01-01'),"
             "  (2, 'C2', 2, 'terminated', 'fixed', '2025-01-01', '2027-12-31', '2026-03-15', '2025-01-01'),"
             "  (3, 'C3', 2, 'draft', 'fixed', '2026-01-01', '2026-12-31', NULL, '2026-01-01');"
             "INSERT INTO contract_units (contract_id, unit_id, area) VALUES (1, 1, 12550), (2, 2, 8000), (3, 3, 30025);");

  g_assert_true (plaza_sales_missing (f->store, "2026-03", &missing, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (missing->len, ==, 2);
  m = g_ptr_array_index (missing, 0);
  g_assert_cmpint (m->unit_id, ==, 1);
  g_assert_cmpstr (m->unit_code, ==, "A101");
  g_assert_cmpstr (m->tenant_name, ==, "Tea House");
  m = g_ptr_array_index (missing, 1);
  g_assert_cmpstr (m->unit_code, ==, "A102");
  g_assert_cmpstr (m->tenant_name, ==, "");
  g_clear_pointer (&missing, g_ptr_array_unref);

  /* April: A102's lease is over. A101 reported one day. */
  g_assert_true (plaza_sales_set_day (f->store, 1, "2026-04-30", 100, -1, &error));
  g_assert_true (plaza_sales_missing (f->store, "2026-04", &missing, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (missing->len, ==, 0);
  g_clear_pointer (&missing, g_ptr_array_unref);

  g_assert_false (plaza_sales_missing (f->store, "April", &missing, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
}

/* No sales at all: no latest date, and no error. */
static void
test_latest_empty (Fixture       *f,
                   gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;

  write_sql (f->store, "DELETE FROM sales_monthly; DELETE FROM sales_daily;");
  g_assert_null (plaza_sales_latest_date (f->store, &error));
  g_assert_no_error (error);
}

static void
test_small_demo (void)
{
  g_autofree char *dir = g_dir_make_tmp ("plaza-sales-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = g_date_new_dmy (27, G_DATE_NOVEMBER, 2026);
  gint64 unit_id, total = 0;
  guint estimated = 0;

  store = plaza_store_open (path, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (plaza_demo_generate (store, 1, PLAZA_DEMO_SMALL, today, &error));
  g_assert_no_error (error);

  /* The demo's sales run to the day before its today. */
  {
    g_autofree char *latest = plaza_sales_latest_date (store, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (latest, ==, "2026-11-26");
  }

  /* Take a leased unit's October away and estimate it back. */
  unit_id = plaza_test_count (store, "SELECT unit_id FROM sales_monthly WHERE month = '2026-10' ORDER BY unit_id LIMIT 1");
  {
    g_autofree char *sql = g_strdup_printf ("DELETE FROM sales_daily WHERE unit_id = %lld AND date LIKE '2026-10-%%';"
                                            "DELETE FROM sales_monthly WHERE unit_id = %lld AND month = '2026-10';",
                                            (long long) unit_id, (long long) unit_id);

    write_sql (store, sql);
  }
  g_assert_true (plaza_sales_missing (store, "2026-10", &missing, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (missing->len, >=, 1);
  for (guint i = 0; i < missing->len; i++)
    {
      PlazaSalesMissing *m = g_ptr_array_index (missing, i);

      if (plaza_sales_estimate_month (store, m->unit_id, "2026-10", PLAZA_SALES_ESTIMATE_AUTO, &total, NULL))
        estimated++;
    }
  g_test_message ("%u of %u missing units estimated for 2026-10", estimated, missing->len);
  g_assert_cmpuint (estimated, >=, 1);
  g_assert_true (plaza_sales_list_month (store, unit_id, "2026-10", &days, &error));
  g_assert_cmpuint (days->len, ==, 31);
  g_assert_cmpint (((PlazaSalesDay *) g_ptr_array_index (days, 0))->source, ==, PLAZA_SALES_SOURCE_ESTIMATED);
  g_assert_cmpint (monthly_mismatches (store), ==, 0);

  g_clear_object (&store);
  plaza_test_remove_tree (dir);
}

/* ---- plazactl sales ---------------------------------------------------- */

static int
run (const char * const *args,
     char              **out,
     char              **err)
{
  int status = plaza_test_run_plazactl (args, out, err);

  /* A failure prints exactly one line. */
  if (status != 0 && err != NULL && *err != NULL)
    {
      const char *newline = strchr (*err, '\n');

      g_assert_nonnull (newline);
      g_assert_cmpstr (newline + 1, ==, "");
    }
  return status;
}

static void
test_cli (Fixture       *f,
          gconstpointer  data G_GNUC_UNUSED)
{
  const char *set[] = { "sales", "set", f->path, "--unit", "A101", "--date", "2026-03-05", "--amount", "1,234.50",
                        "--transactions", "7", NULL };
  const char *set_bad[] = { "sales", "set", f->path, "--unit", "Z9", "--date", "2026-03-05", "--amount", "1", NULL };
  const char *set_future[] = { "sales", "set", f->path, "--unit", "A101", "--date", "2999-03-05", "--amount", "1", NULL };
  const char *estimate_one[] = { "sales", "estimate", f->path, "--month", "2026-03", "--unit", "A102",
                                 "--basis", "last_year", NULL };
  const char *missing[] = { "sales", "missing", f->path, "--month", "2026-04", NULL };
  const char *estimate_all[] = { "sales", "estimate", f->path, "--month", "2026-04", NULL };
  const char *anomalies[] = { "sales", "anomalies", f->path, "--from", "2026-03-01", "--to", "2026-03-31", NULL };
  const char *anomalies_bad[] = { "sales", "anomalies", f->path, "--from", "2026-03-01", NULL };
  const char *bogus[] = { "sales", "frobnicate", f->path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run (set, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "A101"));
  g_assert_cmpint (day_amount (f, 1, "2026-03-05"), ==, 123450);
  g_assert_cmpint (count (f->store, "SELECT transactions FROM sales_daily WHERE unit_id = 1 AND source = 'manual'"), ==, 7);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (set_bad, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "Z9"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (set_future, &out, &err), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Last year's March for A102: 31.00 yuan → 1.00 a day. */
  add_sales (f, 2, "2025-03-02", 3100, "pos");
  g_assert_cmpint (run (estimate_one, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "¥31.00"));
  g_assert_cmpint (month_value (f, "estimated_days", 2, "2026-03"), ==, 31);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* April: A101 (leased, last year's April 300 yuan) and A102 (leased,
   * nothing to estimate from) are missing; B101 is not leased. */
  write_sql (f->store,
             "INSERT INTO tenants (id, code, name) VALUES (1, 'T1', 'Tea House, Ltd'), (2, 'T2', 'Shoe Box');"
             "INSERT INTO contracts (id, code, tenant_id, state, model, start_date, end_date, created_at) VALUES "
             "  (1, 'C1', 1, 'active', 'fixed', '2025-01-01', '2026-12-31', '2025-01-01'),"
             "  (2, 'C2', 2, 'active', 'fixed', '2026-04-10', '2026-12-31', '2026-04-01');"
             "INSERT INTO contract_units (contract_id, unit_id, area) VALUES (1, 1, 12550), (2, 2, 8000);");
  add_sales (f, 1, "2025-04-30", 30000, "pos");
  g_assert_cmpint (run (missing, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "unit,tenant\nA101,\"Tea House, Ltd\"\nA102,Shoe Box\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (estimate_all, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Estimated 1 unit for 2026-04 (¥300.00 in all); 1 unit had no sales to estimate from"));
  g_assert_cmpint (month_value (f, "amount", 1, "2026-04"), ==, 30000);
  g_assert_cmpint (monthly_mismatches (f->store), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (anomalies, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "kind,date,unit,tenant,amount,usual,change\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (anomalies_bad, &out, &err), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (bogus, &out, &err), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/sales/set-day", test_set_day);
  ADD ("/sales/delete-day", test_delete_day);
  ADD ("/sales/estimate/last-year", test_estimate_last_year);
  ADD ("/sales/estimate/last-3-months", test_estimate_last_3_months);
  ADD ("/sales/estimate/refused-and-replaced", test_estimate_refused_and_replaced);
  ADD ("/sales/missing", test_missing);
  ADD ("/sales/latest-empty", test_latest_empty);
  ADD ("/sales/cli", test_cli);
#undef ADD
  g_test_add_func ("/sales/small-demo", test_small_demo);

  return g_test_run ();
}
