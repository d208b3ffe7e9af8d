/* test-tenant-view.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * plaza_tenant_view_load on hand-made rows, today 2026-06-20. Tenant T1
 * Alpha (Fashion, brands of tier B and A, licence to 2026-07-10: 20 days
 * left) holds U1 (100 m²) under active C1 (2025-01-01 … 2027-12-31, rent
 * 30,000.00 a month), U2 (50 m²) under approved C2 (from 2026-07-01) and
 * had U1 under expired C0 (2023 … 2024). T2 Beta holds U3. Sales: U1
 * 100.00 a day from 1 January with 500.00 on Monday 16 March (outside the
 * 90 days: from 23 March) and Monday 15 June (inside: five times its
 * usual); U3 the same on 15 June (Beta's, not shown). Monthly sales of U1
 * 3,000.00 for 2025-06 … 2026-05. Rent bills of 300.00 for March … June,
 * due on the 15th, March and April paid on 10 April: May is 36 days late
 * (31–60), June 5 days (0–30); late fees at 5 bp a day: March paid 25
 * days late 25 × 300.00 × 0.05 % = 3.75, May 36 × … = 5.40, June 5 × … =
 * 0.75. Promotions: P1 (May, confirmed, fee
 * 500.00) and P2 (June, declined). C2's fit-out was due 15 June and has
 * not opened: overdue. Three complaints (one resolved) and an inspection.
 */

#include "config.h"

#include <string.h>

#include "plaza-arrears.h"
#include "plaza-demo.h"
#include "plaza-health.h"
#include "plaza-sales.h"
#include "plaza-tenant-view.h"
#include "test-util.h"

typedef struct
{
  char       *dir;
  PlazaStore *store;
} Fixture;

static gboolean
insert_rows (PlazaStore *store,
             gpointer    user_data G_GNUC_UNUSED,
             GError    **error)
{
  g_autoptr(GString) sql = g_string_new (
    "INSERT INTO projects (id, code, name) VALUES (1, 'P1', 'Plaza One');"
    "INSERT INTO floors (id, project_id, label, level) VALUES (1, 1, '1F', 1);"
    "INSERT INTO categories (id, name) VALUES (10, 'Fashion'), (11, 'Food');"
    "INSERT INTO units (id, floor_id, code, gross_area, rentable_area, status) VALUES"
    "  (1, 1, 'U1', 10000, 10000, 'leased'), (2, 1, 'U2', 5000, 5000, 'fitout'),"
    "  (3, 1, 'U3', 10000, 10000, 'leased');"
    "INSERT INTO tenants (id, code, name, category_id, licence_expiry, credit_code) VALUES"
    "  (1, 'T1', 'Alpha', 10, '2026-07-10', '91310000MA1FL0000X'), (2, 'T2', 'Beta', 11, NULL, '');"
    "INSERT INTO brands (id, name, tier) VALUES (1, 'Alpha One', 'B'), (2, 'Alpha Two', 'A');"
    "INSERT INTO tenant_brands (tenant_id, brand_id) VALUES (1, 1), (1, 2);"
    "INSERT INTO contracts (id, code, tenant_id, state, model, start_date, end_date, monthly_rent, created_at) VALUES"
    "  (10, 'C0', 1, 'expired', 'fixed', '2023-01-01', '2024-12-31', 2000000, '2023-01-01'),"
    "  (11, 'C1', 1, 'active', 'fixed', '2025-01-01', '2027-12-31', 3000000, '2025-01-01'),"
    "  (12, 'C2', 1, 'approved', 'fixed', '2026-07-01', '2028-06-30', 1500000, '2026-05-01'),"
    "  (13, 'C3', 2, 'active', 'fixed', '2025-01-01', '2027-12-31', 1000000, '2025-01-01');"
    "INSERT INTO contract_units (contract_id, unit_id, area) VALUES"
    "  (10, 1, 10000), (11, 1, 10000), (12, 2, 5000), (13, 3, 10000);"
    "WITH RECURSIVE d (day) AS (SELECT '2026-01-01' UNION ALL SELECT date (day, '+1 day') FROM d WHERE day < '2026-06-19')"
    " INSERT INTO sales_daily (unit_id, date, amount, source)"
    " SELECT u, day, CASE WHEN day IN ('2026-03-16', '2026-06-15') THEN 50000 ELSE 10000 END, 'pos'"
    " FROM d, (SELECT 1 AS u UNION ALL SELECT 3);"
    "WITH RECURSIVE m (n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM m WHERE n < 11)"
    " INSERT INTO sales_monthly (unit_id, month, amount, days)"
    " SELECT 1, strftime ('%Y-%m', date ('2025-06-01', '+' || n || ' months')), 300000, 30 FROM m;"
    "INSERT INTO bills (id, code, tenant_id, contract_id, month, state, issue_date, due_date, total) VALUES"
    "  (1, 'B3', 1, 11, '2026-03', 'issued', '2026-03-01', '2026-03-15', 30000),"
    "  (2, 'B4', 1, 11, '2026-04', 'issued', '2026-04-01', '2026-04-15', 30000),"
    "  (3, 'B5', 1, 11, '2026-05', 'issued', '2026-05-01', '2026-05-15', 30000),"
    "  (4, 'B6', 1, 11, '2026-06', 'issued', '2026-06-01', '2026-06-15', 30000);"
    "INSERT INTO bill_lines (id, bill_id, kind, amount) VALUES"
    "  (1, 1, 'rent', 30000), (2, 2, 'rent', 30000), (3, 3, 'rent', 30000), (4, 4, 'rent', 30000);"
    "INSERT INTO payments (id, tenant_id, date, amount, at) VALUES (1, 1, '2026-04-10', 60000, '2026-04-10');"
    "INSERT INTO payment_allocations (payment_id, bill_line_id, amount) VALUES (1, 1, 30000), (1, 2, 30000);"
    "INSERT INTO promotions (id, code, name, start_date, end_date, state, created_at) VALUES"
    "  (1, 'P1', 'May Day', '2026-05-01', '2026-05-07', 'approved', '2026-04-01'),"
    "  (2, 'P2', 'Summer', '2026-06-10', '2026-06-20', 'approved', '2026-05-01');"
    "INSERT INTO promotion_participants (promotion_id, tenant_id, offer, status, fee) VALUES"
    "  (1, 1, '10% off', 'confirmed', 50000), (2, 1, '', 'declined', 0), (1, 2, '', 'confirmed', 20000);"
    "INSERT INTO fitouts (id, contract_id, start_date, due_date, state) VALUES"
    "  (1, 12, '2026-06-01', '2026-06-15', 'building');"
    "INSERT INTO complaints (id, tenant_id, date, kind, text, resolved, resolved_on) VALUES"
    "  (1, 1, '2026-03-01', 'complaint', 'Noise', 1, '2026-03-04'), (2, 1, '2026-05-02', 'complaint', 'Smell', 0, NULL),"
    "  (3, 1, '2026-06-01', 'inspection', 'Fire exits', 0, NULL), (4, 1, '2026-06-05', 'complaint', 'Queue', 0, NULL),"
    "  (5, 2, '2026-06-06', 'complaint', 'Other tenant', 0, NULL);");

  return plaza_store_exec (store, sql->str, error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("plaza-tenant-view-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  path = g_build_filename (f->dir, "tenant.db", NULL);
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
test_header (Fixture       *f,
             gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(PlazaTenantView) view = NULL;
  g_autoptr(GPtrArray) health = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_assert_true (plaza_tenant_view_load (f->store, 1, "2026-06-20", &view, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (view->code, ==, "T1");
  g_assert_cmpstr (view->name, ==, "Alpha");
  g_assert_cmpstr (view->category, ==, "Fashion");
  g_assert_cmpstr (view->tier, ==, "A");
  g_assert_cmpstr (view->status, ==, "active");
  g_assert_cmpstr (view->credit_code, ==, "91310000MA1FL0000X");
  g_assert_cmpint (view->licence_days_left, ==, 20);
  g_assert_nonnull (view->licence_warning);
  g_assert_nonnull (strstr (view->licence_warning, "2026-07-10"));

  /* The health score is the one of plaza_health_scores for May. */
  g_assert_cmpstr (view->health_month, ==, "2026-05");
  g_assert_true (view->has_health);
  g_assert_true (plaza_health_scores (f->store, "2026-05", &health, &error));
  for (guint i = 0; i < health->len; i++)
    {
      PlazaHealthRow *row = g_ptr_array_index (health, i);

      if (row->tenant_id == 1)
        {
          g_assert_cmpint (view->health_score, ==, row->score);
          g_assert_cmpstr (view->health_reasons, ==, row->reasons);
        }
    }

  /* Beta: no licence date, nothing warned. */
  g_clear_pointer (&view, plaza_tenant_view_free);
  g_assert_true (plaza_tenant_view_load (f->store, 2, "2026-06-20", &view, &error));
  g_assert_null (view->licence_warning);
  g_assert_cmpstr (view->tier, ==, "");

  /* An expired licence. */
  g_clear_pointer (&view, plaza_tenant_view_free);
  g_assert_true (plaza_tenant_view_load (f->store, 1, "2026-07-12", &view, &error));
  g_assert_cmpint (view->licence_days_left, ==, -2);
  g_assert_nonnull (strstr (view->licence_warning, "expired"));

  g_assert_true (plaza_tenant_view_find_code (f->store, "T2", &id, &error));
  g_assert_cmpint (id, ==, 2);
  g_assert_false (plaza_tenant_view_find_code (f->store, "T9", &id, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_clear_pointer (&view, plaza_tenant_view_free);
  g_assert_false (plaza_tenant_view_load (f->store, 99, "2026-06-20", &view, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND);
  g_assert_null (view);
}

static void
test_sections (Fixture       *f,
               gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(PlazaTenantView) view = NULL;
  g_autoptr(GError) error = NULL;
  PlazaTenantContract *c;
  PlazaTenantUnit *u;
  PlazaTenantPromotion *p;
  PlazaTenantFitout *fo;
  PlazaSalesAnomaly *a;
  gint64 value = 0;

  g_assert_true (plaza_tenant_view_load (f->store, 1, "2026-06-20", &view, &error));
  g_assert_no_error (error);

  /* Contracts, newest start first. */
  g_assert_cmpuint (view->contracts->len, ==, 3);
  c = g_ptr_array_index (view->contracts, 0);
  g_assert_cmpstr (c->code, ==, "C2");
  g_assert_cmpstr (c->units, ==, "U2");
  g_assert_cmpstr (c->state, ==, "approved");
  c = g_ptr_array_index (view->contracts, 1);
  g_assert_cmpstr (c->code, ==, "C1");
  g_assert_cmpint (c->monthly_rent, ==, 3000000);
  g_assert_cmpstr (c->start_date, ==, "2025-01-01");
  g_assert_cmpstr (c->end_date, ==, "2027-12-31");

  /* Units of its approved and active contracts. */
  g_assert_cmpuint (view->units->len, ==, 2);
  u = g_ptr_array_index (view->units, 0);
  g_assert_cmpstr (u->code, ==, "U1");
  g_assert_cmpstr (u->floor, ==, "1F");
  g_assert_cmpint (u->area, ==, 10000);
  g_assert_cmpstr (u->contract_code, ==, "C1");
  u = g_ptr_array_index (view->units, 1);
  g_assert_cmpstr (u->code, ==, "U2");
  g_assert_cmpstr (u->status, ==, "fitout");

  /* The trend: twelve months to May, 3,000.00 each. */
  g_assert_nonnull (view->trend);
  g_assert_cmpuint (plaza_chart_get_n_categories (view->trend), ==, 12);
  g_assert_cmpstr (plaza_chart_get_category_key (view->trend, 11), ==, "2026-05");
  g_assert_true (plaza_chart_get_value (view->trend, 0, 11, &value));
  g_assert_cmpint (value, ==, 300000);

  /* Only the June high day of its own unit. */
  g_assert_cmpuint (view->anomalies->len, ==, 1);
  a = g_ptr_array_index (view->anomalies, 0);
  g_assert_cmpint (a->kind, ==, PLAZA_SALES_ANOMALY_HIGH_DAY);
  g_assert_cmpstr (a->unit_code, ==, "U1");
  g_assert_cmpstr (a->date, ==, "2026-06-15");
  g_assert_cmpint (a->amount, ==, 50000);
  g_assert_cmpint (a->usual, ==, 10000);

  /* Arrears. */
  g_assert_nonnull (view->arrears);
  g_assert_cmpint (view->arrears->total, ==, 60000);
  g_assert_cmpint (view->arrears->days_0_30, ==, 30000);
  g_assert_cmpint (view->arrears->days_31_60, ==, 30000);
  g_assert_cmpint (view->arrears->late_fee, ==, 375 + 540 + 75);
  g_assert_cmpuint (view->open_bills, ==, 2);
  g_assert_cmpint (view->open_amount, ==, 60000);

  /* Promotions, newest first. */
  g_assert_cmpuint (view->promotions->len, ==, 2);
  p = g_ptr_array_index (view->promotions, 0);
  g_assert_cmpstr (p->code, ==, "P2");
  g_assert_cmpstr (p->answer, ==, "declined");
  p = g_ptr_array_index (view->promotions, 1);
  g_assert_cmpstr (p->code, ==, "P1");
  g_assert_cmpstr (p->answer, ==, "confirmed");
  g_assert_cmpint (p->fee, ==, 50000);
  g_assert_cmpstr (p->offer, ==, "10% off");

  /* Fit-out. */
  g_assert_cmpuint (view->fitouts->len, ==, 1);
  fo = g_ptr_array_index (view->fitouts, 0);
  g_assert_cmpint (fo->contract_id, ==, 12);
  g_assert_cmpstr (fo->contract_code, ==, "C2");
  g_assert_cmpstr (fo->state, ==, "building");
  g_assert_null (fo->opened_on);
  g_assert_true (fo->overdue);

  /* Complaints: three, two open; the log's latest first. */
  g_assert_cmpuint (view->complaints_total, ==, 3);
  g_assert_cmpuint (view->complaints_open, ==, 2);
  g_assert_cmpuint (view->complaints->len, ==, 4);
  g_assert_cmpstr (((PlazaTenantComplaint *) g_ptr_array_index (view->complaints, 0))->text, ==, "Queue");
  g_assert_cmpstr (((PlazaTenantComplaint *) g_ptr_array_index (view->complaints, 1))->kind, ==, "inspection");
  /* The resolved one says when; the open ones have no date. */
  g_assert_cmpstr (((PlazaTenantComplaint *) g_ptr_array_index (view->complaints, 3))->text, ==, "Noise");
  g_assert_cmpstr (((PlazaTenantComplaint *) g_ptr_array_index (view->complaints, 3))->resolved_on, ==, "2026-03-04");
  g_assert_null (((PlazaTenantComplaint *) g_ptr_array_index (view->complaints, 0))->resolved_on);

  /* Beta owes nothing. */
  g_clear_pointer (&view, plaza_tenant_view_free);
  g_assert_true (plaza_tenant_view_load (f->store, 2, "2026-06-20", &view, &error));
  g_assert_null (view->arrears);
  g_assert_cmpuint (view->open_bills, ==, 0);
  g_assert_cmpuint (view->complaints_total, ==, 1);
  g_assert_cmpuint (view->anomalies->len, ==, 1);
}

/* A small demo: every tenant loads, what each shows is its own, and its
 * arrears row is the one of plaza_arrears_aging_with_fees. */
static void
test_small_demo (void)
{
  g_autofree char *dir = g_dir_make_tmp ("plaza-tenant-view-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = g_date_new_dmy (27, G_DATE_NOVEMBER, 2026);
  g_autoptr(GPtrArray) arrears = NULL;
  guint with_contracts = 0;
  guint with_sales = 0;
  guint compared = 0;
  gint64 n_tenants;

  store = plaza_store_open (path, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (plaza_demo_generate (store, 1, PLAZA_DEMO_SMALL, today, &error));
  g_assert_no_error (error);
  g_assert_true (plaza_arrears_aging_with_fees (store, "2026-11-27", &arrears, &error));
  n_tenants = plaza_test_count (store, "SELECT MAX (id) FROM tenants");
  for (gint64 id = 1; id <= n_tenants; id++)
    {
      g_autoptr(PlazaTenantView) view = NULL;

      if (!plaza_tenant_view_load (store, id, "2026-11-27", &view, &error))
        {
          g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND);
          g_clear_error (&error);
          continue;
        }
      g_assert_cmpuint (plaza_chart_get_n_categories (view->trend), ==, 12);
      if (view->contracts->len > 0)
        with_contracts++;
      for (guint i = 0; i < 12; i++)
        {
          gint64 value = 0;

          if (plaza_chart_get_value (view->trend, 0, i, &value) && value > 0)
            {
              with_sales++;
              break;
            }
        }
      for (guint i = 0; i < view->anomalies->len; i++)
        g_assert_cmpint (((PlazaSalesAnomaly *) g_ptr_array_index (view->anomalies, i))->tenant_id, ==, id);
      /* The arrears row is the one of plaza_arrears_aging_with_fees. */
      {
        PlazaArrearsRow *expected = NULL;

        for (guint i = 0; i < arrears->len; i++)
          if (((PlazaArrearsRow *) g_ptr_array_index (arrears, i))->tenant_id == id)
            expected = g_ptr_array_index (arrears, i);
        if (expected == NULL)
          g_assert_null (view->arrears);
        else
          {
            g_assert_nonnull (view->arrears);
            g_assert_cmpint (view->arrears->total, ==, expected->total);
            g_assert_cmpint (view->arrears->days_31_60, ==, expected->days_31_60);
            g_assert_cmpint (view->arrears->credit, ==, expected->credit);
            g_assert_cmpint (view->arrears->late_fee, ==, expected->late_fee);
            g_assert_cmpstr (view->arrears->oldest_due, ==, expected->oldest_due);
            compared++;
          }
      }
    }
  g_assert_cmpuint (with_contracts, >, 0);
  g_assert_cmpuint (with_sales, >, 0);
  g_test_message ("%u tenants with arrears compared", compared);
  g_assert_cmpuint (compared, >, 0);
  plaza_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/tenant-view/header", Fixture, NULL, fixture_set_up, test_header, fixture_tear_down);
  g_test_add ("/tenant-view/sections", Fixture, NULL, fixture_set_up, test_sections, fixture_tear_down);
  g_test_add_func ("/tenant-view/small-demo", test_small_demo);
  return g_test_run ();
}
