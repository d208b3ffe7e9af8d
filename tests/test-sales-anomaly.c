/* test-sales-anomaly.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Anomaly flags (plaza-sales-anomaly.c) on hand-made daily rows with
 * hand-worked numbers, and one run on a small demo.
 */

#define G_LOG_DOMAIN "plaza-test"

#include "config.h"

#include "import-fixture.h"
#include "plaza-demo.h"
#include "plaza-sales.h"

/* @amount fen a day for @unit_id from @first to @last (inclusive). */
static void
fill (Fixture    *f,
      gint64      unit_id,
      const char *first,
      const char *last,
      gint64      amount)
{
  g_autofree char *sql = g_strdup_printf (
    "WITH RECURSIVE d (day) AS (SELECT '%s' UNION ALL SELECT date (day, '+1 day') FROM d WHERE day < '%s') "
    "INSERT INTO sales_daily (unit_id, date, amount, source) SELECT %lld, day, %lld, 'pos' FROM d "
    "WHERE true ON CONFLICT (unit_id, date) DO UPDATE SET amount = excluded.amount;",
    first, last, (long long) unit_id, (long long) amount);

  write_sql (f->store, sql);
}

static void
make_rows (Fixture *f)
{
  /* A101: 100.00 a day in the first quarter; 400.00 on Monday 16 March
   * (usual 100.00: high), 0 on the 17th (low), exactly 3 × on the 18th and
   * exactly a quarter on the 19th (neither). Leased to Tea House. */
  fill (f, 1, "2026-01-01", "2026-03-31", 10000);
  fill (f, 1, "2026-03-16", "2026-03-16", 40000);
  fill (f, 1, "2026-03-17", "2026-03-17", 0);
  fill (f, 1, "2026-03-18", "2026-03-18", 30000);
  fill (f, 1, "2026-03-19", "2026-03-19", 2500);
  /* A102: 10.00 a day from 1 March; 100.00 on the 22nd (only three Sundays
   * before: not judged) and on the 29th (four before: usual
   * median (1000, 1000, 1000, 10000) = 1000: high). An estimated zero is
   * never judged. */
  fill (f, 2, "2026-03-01", "2026-03-31", 1000);
  fill (f, 2, "2026-03-22", "2026-03-22", 10000);
  fill (f, 2, "2026-03-29", "2026-03-29", 10000);
  write_sql (f->store, "UPDATE sales_daily SET amount = 0, source = 'estimated' WHERE unit_id = 2 AND date = '2026-03-30';");
  /* B101: 100.00 a day for 56 days (1 January – 25 February), then 50.00
   * for 28 days (26 February – 25 March): the drop. */
  fill (f, 3, "2026-01-01", "2026-02-25", 10000);
  fill (f, 3, "2026-02-26", "2026-03-25", 5000);

  write_sql (f->store,
             "INSERT INTO tenants (id, code, name) VALUES (1, 'T1', 'Tea House');"
             "INSERT INTO contracts (id, code, tenant_id, state, model, start_date, end_date, created_at) VALUES "
             "  (1, 'C1', 1, 'active', 'fixed', '2026-01-01', '2026-12-31', '2026-01-01');"
             "INSERT INTO contract_units (contract_id, unit_id, area) VALUES (1, 1, 12550);");
}

static void
check (PlazaSalesAnomaly     *a,
       PlazaSalesAnomalyKind  kind,
       const char            *code,
       const char            *date,
       gint64                 amount,
       gint64                 usual,
       gint64                 change_bp)
{
  g_assert_cmpint (a->kind, ==, kind);
  g_assert_cmpstr (a->unit_code, ==, code);
  g_assert_cmpstr (a->date, ==, date);
  g_assert_cmpint (a->amount, ==, amount);
  g_assert_cmpint (a->usual, ==, usual);
  g_assert_cmpint (a->change_bp, ==, change_bp);
  g_assert_nonnull (strstr (a->message, code));
  g_assert_null (strchr (a->message, '\n'));
}

static void
test_rules (Fixture       *f,
            gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  PlazaSalesAnomaly *a;

  make_rows (f);
  g_assert_true (plaza_sales_anomalies (f->store, "2026-03-01", "2026-03-31", 0, &list, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    g_test_message ("%s", ((PlazaSalesAnomaly *) g_ptr_array_index (list, i))->message);
  g_assert_cmpuint (list->len, ==, 4);

  check (g_ptr_array_index (list, 0), PLAZA_SALES_ANOMALY_HIGH_DAY, "A102", "2026-03-29", 10000, 1000, 90000);
  /* Drop: on 25 March the last 28 days average 50.00 against 100.00. */
  check (g_ptr_array_index (list, 1), PLAZA_SALES_ANOMALY_DROP, "B101", "2026-03-25", 5000, 10000, -5000);
  check (g_ptr_array_index (list, 2), PLAZA_SALES_ANOMALY_LOW_DAY, "A101", "2026-03-17", 0, 10000, -10000);
  a = g_ptr_array_index (list, 3);
  check (a, PLAZA_SALES_ANOMALY_HIGH_DAY, "A101", "2026-03-16", 40000, 10000, 30000);
  g_assert_cmpint (a->tenant_id, ==, 1);
  g_assert_cmpstr (a->tenant_name, ==, "Tea House");
  a = g_ptr_array_index (list, 0);
  g_assert_cmpint (a->tenant_id, ==, 0);
  g_assert_cmpstr (a->tenant_name, ==, "");
  g_clear_pointer (&list, g_ptr_array_unref);

  /* To 22 March: the drop is reported on the 22nd, the latest day in the
   * range that qualifies: 25 days of 50.00 and 3 of 100.00 average
   * 155000 ÷ 28 = 5535 fen. The first qualifying day is the 20th. */
  g_assert_true (plaza_sales_anomalies (f->store, "2026-03-18", "2026-03-22", 3, &list, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  check (g_ptr_array_index (list, 0), PLAZA_SALES_ANOMALY_DROP, "B101", "2026-03-22", 5535, 10000, -4465);
  g_clear_pointer (&list, g_ptr_array_unref);
  g_assert_true (plaza_sales_anomalies (f->store, "2026-03-01", "2026-03-19", 3, &list, &error));
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* One unit. */
  g_assert_true (plaza_sales_anomalies (f->store, "2026-03-01", "2026-03-31", 2, &list, &error));
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);

  g_assert_false (plaza_sales_anomalies (f->store, "2026-03-31", "2026-03-01", 0, &list, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (plaza_sales_anomalies (f->store, "March", "2026-03-01", 0, &list, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
}

static void
test_small_demo (void)
{
  g_autofree char *dir = g_dir_make_tmp ("plaza-anomaly-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = g_date_new_dmy (27, G_DATE_NOVEMBER, 2026);

  store = plaza_store_open (path, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (plaza_demo_generate (store, 1, PLAZA_DEMO_SMALL, today, &error));
  g_assert_no_error (error);

  g_assert_true (plaza_sales_anomalies (store, "2026-08-01", "2026-10-31", 0, &list, &error));
  g_assert_no_error (error);
  g_test_message ("%u anomalies in the small demo, August to October", list->len);
  for (guint i = 0; i < list->len; i++)
    {
      PlazaSalesAnomaly *a = g_ptr_array_index (list, i);

      g_assert_cmpstr (a->date, >=, "2026-08-01");
      g_assert_cmpstr (a->date, <=, "2026-10-31");
      if (i > 0)
        g_assert_cmpstr (a->date, <=, ((PlazaSalesAnomaly *) g_ptr_array_index (list, i - 1))->date);
      if (a->kind == PLAZA_SALES_ANOMALY_HIGH_DAY)
        g_assert_cmpint (a->amount, >, 3 * a->usual);
      else if (a->kind == PLAZA_SALES_ANOMALY_LOW_DAY)
        g_assert_cmpint (a->amount * 4, <, a->usual);
      else
        g_assert_cmpint (a->amount * 100, <, 60 * a->usual + 100);
    }

  g_clear_object (&store);
  plaza_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/sales/anomalies/rules", Fixture, NULL, fixture_set_up, test_rules, fixture_tear_down);
  g_test_add_func ("/sales/anomalies/small-demo", test_small_demo);

  return g_test_run ();
}
