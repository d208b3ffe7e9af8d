/* test-health.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * plaza_health_scores up to 2026-06 (last 3 months 2026-04 … 06, previous
 * 3 2026-01 … 03, arrears counted to 2026-06-30). Units U1–U3 100 m² each,
 * U4 200 m², U5 50 m². Contracts active 2025-01-01 … 2027-12-31, one unit
 * each: T1 Alpha, T2 Beta, T3 Gamma (Fashion), T4 Delta (Food); T5 Epsilon's
 * contract was terminated in February, so it is not trading. Monthly sales
 * (fen) previous / last: T1 300000 / 300000, T2 500000 / 600000, T3
 * 300000 / 150000, T4 400000 / 400000. Monthly rent bills (due on the 15th)
 * T1 30000, T2 60000, T3 45000, T4 80000; all paid except T3's three and
 * T4's June bill.
 */

#include "config.h"

#include <string.h>

#include "plaza-date.h"
#include "plaza-demo.h"
#include "plaza-health.h"
#include "test-util.h"

typedef struct
{
  char       *dir;
  PlazaStore *store;
} Fixture;

static gboolean
insert_mall (PlazaStore *store,
             gpointer    user_data,
             GError    **error)
{
  g_autoptr(GString) sql = g_string_new (
    "INSERT INTO projects (id, code, name) VALUES (1, 'P1', 'Plaza One');"
    "INSERT INTO floors (id, project_id, label, level) VALUES (1, 1, '1F', 1);"
    "INSERT INTO categories (id, name) VALUES (10, 'Fashion'), (11, 'Food');"
    "INSERT INTO units (id, floor_id, code, gross_area, rentable_area) VALUES"
    "  (1, 1, 'U1', 10000, 10000), (2, 1, 'U2', 10000, 10000), (3, 1, 'U3', 10000, 10000),"
    "  (4, 1, 'U4', 20000, 20000), (5, 1, 'U5', 5000, 5000);"
    "INSERT INTO tenants (id, code, name, category_id) VALUES (1, 'T1', 'Alpha', 10),"
    "  (2, 'T2', 'Beta', 10), (3, 'T3', 'Gamma', 10), (4, 'T4', 'Delta', 11), (5, 'T5', 'Epsilon', 11);"
    "INSERT INTO contracts (id, code, tenant_id, state, model, start_date, end_date, terminated_on, created_at) VALUES"
    "  (1, 'C1', 1, 'active', 'fixed', '2025-01-01', '2027-12-31', NULL, '2025-01-01'),"
    "  (2, 'C2', 2, 'active', 'fixed', '2025-01-01', '2027-12-31', NULL, '2025-01-01'),"
    "  (3, 'C3', 3, 'active', 'fixed', '2025-01-01', '2027-12-31', NULL, '2025-01-01'),"
    "  (4, 'C4', 4, 'active', 'fixed', '2025-01-01', '2027-12-31', NULL, '2025-01-01'),"
    "  (5, 'C5', 5, 'terminated', 'fixed', '2025-01-01', '2027-12-31', '2026-02-28', '2025-01-01');"
    "INSERT INTO contract_units (contract_id, unit_id, area) VALUES"
    "  (1, 1, 10000), (2, 2, 10000), (3, 3, 10000), (4, 4, 20000), (5, 5, 5000);"
    "INSERT INTO payments (id, tenant_id, date, amount, at) VALUES (1, 1, '2026-06-01', 0, '2026-06-01');");
  const gint64 previous[] = { 300000, 500000, 300000, 400000, 100000 };
  const gint64 last[] = { 300000, 600000, 150000, 400000, 0 };
  const gint64 rent[] = { 30000, 60000, 45000, 80000 };
  gint64 bill = 0;

  for (int t = 1; t <= 5; t++)
    for (int m = 1; m <= 6; m++)
      {
        gint64 amount = m <= 3 ? previous[t - 1] : last[t - 1];

        if (amount > 0)
          g_string_append_printf (sql, "INSERT INTO sales_monthly (unit_id, month, amount, days)"
                                  " VALUES (%d, '2026-%02d', %lld, 30);", t, m, (long long) amount);
      }
  for (int t = 1; t <= 4; t++)
    for (int m = 4; m <= 6; m++)
      {
        gboolean paid = t == 1 || t == 2 || (t == 4 && m < 6);

        bill++;
        g_string_append_printf (sql,
                                "INSERT INTO bills (id, code, tenant_id, contract_id, month, state, issue_date, due_date, total)"
                                " VALUES (%lld, 'B%lld', %d, %d, '2026-%02d', 'issued', '2026-%02d-01', '2026-%02d-15', %lld);"
                                "INSERT INTO bill_lines (id, bill_id, kind, amount) VALUES (%lld, %lld, 'rent', %lld);",
                                (long long) bill, (long long) bill, t, t, m, m, m, (long long) rent[t - 1],
                                (long long) bill, (long long) bill, (long long) rent[t - 1]);
        if (paid)
          g_string_append_printf (sql, "INSERT INTO payment_allocations (payment_id, bill_line_id, amount)"
                                  " VALUES (1, %lld, %lld);", (long long) bill, (long long) rent[t - 1]);
      }
  return plaza_store_exec (store, sql->str, error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("plaza-health-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  path = g_build_filename (f->dir, "health.db", NULL);
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

/* Worked numbers (fen per m² per month = 3-month sales × 100 / area / 3):
 *   T1  坪效 3000 (median of Fashion 1500/3000/6000 = 3000) a 5000; growth 0
 *       b 5000; rent 90000 / 900000 = 1000 bp c 10000; paid d 10000
 *       → (35×5000 + 20×5000 + 20×10000 + 25×10000) / 100 = 7250
 *   T2  坪效 6000 a 10000; +2000 bp b 7000; 1000 bp c 10000; d 10000 → 9400
 *   T3  坪效 1500 a 2500; −5000 bp b 0; 135000 / 450000 = 3000 bp c 0;
 *       04-15 → 06-30 = 76 days, d = 10000 − 8444 = 1556 → 1264
 *   T4  坪效 2000 (alone: its own median) a 5000; b 5000; 2000 bp c 5000;
 *       15 days d = 10000 − 1666 = 8334 → 5833 */
static void
test_ranking (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  PlazaHealthRow *r;

  g_assert_true (plaza_health_scores (f->store, "2026-06", &rows, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 4);

  r = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (r->code, ==, "T3");
  g_assert_cmpint (r->sales_per_m2, ==, 1500);
  g_assert_cmpint (r->category_median, ==, 3000);
  g_assert_cmpint (r->factor_scores[PLAZA_HEALTH_SALES_PER_M2], ==, 2500);
  g_assert_true (r->has_growth);
  g_assert_cmpint (r->growth_bp, ==, -5000);
  g_assert_cmpint (r->factor_scores[PLAZA_HEALTH_TREND], ==, 0);
  g_assert_cmpint (r->rent_to_sales_bp, ==, 3000);
  g_assert_cmpint (r->factor_scores[PLAZA_HEALTH_RENT_TO_SALES], ==, 0);
  g_assert_cmpint (r->arrears_days, ==, 76);
  g_assert_cmpint (r->factor_scores[PLAZA_HEALTH_ARREARS], ==, 1556);
  g_assert_cmpint (r->score, ==, 1264);
  g_assert_cmpstr (r->reasons, ==, "Sales down 50% on the previous 3 months; Rent is 30% of sales");

  r = g_ptr_array_index (rows, 1);
  g_assert_cmpstr (r->code, ==, "T4");
  g_assert_cmpint (r->sales_per_m2, ==, 2000);
  g_assert_cmpint (r->rent_to_sales_bp, ==, 2000);
  g_assert_cmpint (r->arrears_days, ==, 15);
  g_assert_cmpint (r->score, ==, 5833);
  g_assert_cmpstr (r->reasons, ==, "");

  r = g_ptr_array_index (rows, 2);
  g_assert_cmpstr (r->code, ==, "T1");
  g_assert_cmpint (r->score, ==, 7250);
  g_assert_cmpint (r->arrears_days, ==, 0);

  r = g_ptr_array_index (rows, 3);
  g_assert_cmpstr (r->code, ==, "T2");
  g_assert_cmpint (r->growth_bp, ==, 2000);
  g_assert_cmpint (r->score, ==, 9400);

  g_clear_pointer (&rows, g_ptr_array_unref);
  g_assert_false (plaza_health_scores (f->store, "2026-13", &rows, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
}

/* plazactl targets health on the fixture: the same numbers as CSV. */
static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *db = g_build_filename (f->dir, "health.db", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *out2 = NULL, *err2 = NULL;
  g_auto(GStrv) lines = NULL;
  const char *args[] = { "targets", "health", db, "--month", "2026-06", NULL };
  const char *bad[] = { "targets", "health", db, "--month", "June", NULL };
  int status = -1;

  status = plaza_test_run_plazactl (args, &out, &err);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (err, ==, "");
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "tenant,name,score,sales_per_m2,category_median,growth_bp,rent_to_sales_bp,arrears_days,reasons");
  g_assert_cmpstr (lines[1], ==, "T3,Gamma,1264,15.00,30.00,-5000,3000,76,"
                   "Sales down 50% on the previous 3 months; Rent is 30% of sales");
  g_assert_cmpstr (lines[2], ==, "T4,Delta,5833,20.00,20.00,0,2000,15,");

  status = plaza_test_run_plazactl (bad, &out2, &err2);
  g_assert_cmpint (status, ==, 1);
  g_assert_cmpstr (out2, ==, "");
  g_assert_nonnull (strchr (err2, '\n'));
  g_assert_cmpstr (strchr (err2, '\n') + 1, ==, "");
}

/* A small demo: every trading tenant scored within 0 … 10000, ascending. */
static void
test_demo (void)
{
  g_autofree char *dir = g_dir_make_tmp ("plaza-health-demo-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaStore) store = plaza_store_open (path, PLAZA_STORE_OPEN_CREATE, &error);
  g_autoptr(GPtrArray) rows = NULL;
  GDate today;

  g_assert_no_error (error);
  g_assert_true (plaza_date_parse ("2026-11-27", &today));
  g_assert_true (plaza_demo_generate (store, 7, PLAZA_DEMO_SMALL, &today, &error));
  g_assert_no_error (error);

  g_assert_true (plaza_health_scores (store, "2026-10", &rows, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, >, 3);
  for (guint i = 0; i < rows->len; i++)
    {
      PlazaHealthRow *r = g_ptr_array_index (rows, i);

      g_assert_cmpint (r->score, >=, 0);
      g_assert_cmpint (r->score, <=, 10000);
      g_assert_nonnull (r->reasons);
      if (i > 0)
        g_assert_cmpint (((PlazaHealthRow *) g_ptr_array_index (rows, i - 1))->score, <=, r->score);
    }
  g_test_message ("bottom: %s %lld %s", ((PlazaHealthRow *) g_ptr_array_index (rows, 0))->code,
                  (long long) ((PlazaHealthRow *) g_ptr_array_index (rows, 0))->score,
                  ((PlazaHealthRow *) g_ptr_array_index (rows, 0))->reasons);

  g_clear_object (&store);
  plaza_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/health/ranking", Fixture, NULL, fixture_set_up, test_ranking, fixture_tear_down);
  g_test_add ("/health/cli", Fixture, NULL, fixture_set_up, test_cli, fixture_tear_down);
  g_test_add_func ("/health/demo", test_demo);

  return g_test_run ();
}
