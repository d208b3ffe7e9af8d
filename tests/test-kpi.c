/* test-kpi.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * plaza_kpi_compute and plazactl kpi. The mall below: floors 1F and 2F;
 * A101 (100 m², 1F), A102 (50 m², 1F), B201 (200 m², 2F). C1 (Alpha,
 * Fashion) leases A101 + A102 from 2025-01-01; C2 (Beta, Food) leases B201
 * from 2025-06-01, terminated on 2026-03-15. Sales (yuan):
 *   A101  2025-02 1000, 2026-01 3000, 2026-02 4000, 2026-03 5000
 *   A102  2026-02 1000, 2026-03 1500
 *   B201  2025-03 2000 (no contract yet), 2026-02 6000, 2026-03 3000
 * Rent lines of issued bills in 2026-02 … 2026-03: C1 300.00, 300.01 and
 * 100.00 (percentage rent); C2 900.00. Not counted: a fee line, a void bill,
 * a bill of 2026-01. Every expected number is worked out in the comments.
 */

#include "config.h"

#include <string.h>

#include "plaza-health.h"
#include "plaza-kpi.h"
#include "plaza-kpi-private.h"
#include "plaza-money.h"
#include "kpi-fixture.h"
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
  return plaza_store_exec (store,
    KPI_FIXTURE_MALL_SQL
    KPI_FIXTURE_BILLS_SQL,
    error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("plaza-kpi-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  path = g_build_filename (f->dir, "kpi.db", NULL);
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

/* NULL growth is written as G_MININT64 in the expectations. */
#define NONE G_MININT64

typedef struct
{
  const char *key;
  const char *label;
  gint64      value;
  gint64      mom;
  gint64      yoy;
} Expect;

static void
check_rows (GPtrArray    *rows,
            const Expect *expect,
            guint         n)
{
  g_assert_cmpuint (rows->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      PlazaKpiRow *row = g_ptr_array_index (rows, i);

      g_test_message ("%s %s", expect[i].key, row->key);
      g_assert_cmpstr (row->key, ==, expect[i].key);
      g_assert_cmpstr (row->label, ==, expect[i].label);
      g_assert_true (row->has_value);
      g_assert_cmpint (row->value, ==, expect[i].value);
      g_assert_cmpint (row->has_mom, ==, expect[i].mom != NONE);
      if (row->has_mom)
        g_assert_cmpint (row->mom_bp, ==, expect[i].mom);
      g_assert_cmpint (row->has_yoy, ==, expect[i].yoy != NONE);
      if (row->has_yoy)
        g_assert_cmpint (row->yoy_bp, ==, expect[i].yoy);
    }
}

static void
check (PlazaStore     *store,
       PlazaKpiMetric  metric,
       PlazaKpiGroup   by,
       const char     *from,
       const char     *to,
       const Expect   *expect,
       guint           n)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (plaza_kpi_compute (store, metric, by, from, to, &rows, &error));
  g_assert_no_error (error);
  check_rows (rows, expect, n);
}

static void
check_filtered (PlazaStore     *store,
                PlazaKpiMetric  metric,
                PlazaKpiGroup   by,
                PlazaKpiGroup   filter_by,
                const char     *filter_key,
                const char     *from,
                const char     *to,
                const Expect   *expect,
                guint           n)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (plaza_kpi_compute_filtered (store, metric, by, filter_by, filter_key, from, to, &rows, &error));
  g_assert_no_error (error);
  check_rows (rows, expect, n);
}

/* Range 2026-02 … 2026-03: two months. Month-on-month base 2025-12 …
 * 2026-01, year-on-year base 2025-02 … 2025-03. */
static void
test_sales (Fixture       *f,
            gconstpointer  data)
{
  /* A101 9000 vs 3000 → +200 %, vs 1000 → +800 %; A102 2500, no bases;
   * B201 9000, no mom base, vs 2000 → +350 % */
  const Expect unit[] = {
    { "A101", "A101", 900000, 20000, 80000 },
    { "A102", "A102", 250000, NONE, NONE },
    { "B201", "B201", 900000, NONE, 35000 },
  };
  /* 1F 11500 vs 3000 → 28333.3 bp, vs 1000 → 105000; 2F = B201 */
  const Expect floor[] = {
    { "1F", "1F", 1150000, 28333, 105000 },
    { "2F", "2F", 900000, NONE, 35000 },
  };
  /* 20500 vs 3000 → 58333.3 bp; vs 3000 → 58333 */
  const Expect mall[] = { { "P1", "Plaza One", 2050000, 58333, 58333 } };
  /* B201's 2025-03 had no contract: no tenant, so Beta has no yoy base,
   * but the unit's planned category (Food) keeps it in Food's base. */
  const Expect tenant[] = {
    { "T1", "Alpha", 1150000, 28333, 105000 },
    { "T2", "Beta", 900000, NONE, NONE },
  };
  const Expect category[] = {
    { "Fashion", "Fashion", 1150000, 28333, 105000 },
    { "Food", "Food", 900000, NONE, 35000 },
  };
  /* one month, 2026-03, against 2026-02 and 2025-03 */
  const Expect one[] = {
    { "1F", "1F", 650000, 3000, NONE },   /* 6500 vs 5000 → +30 %; no 2025-03 on 1F */
    { "2F", "2F", 300000, -5000, 5000 },  /* 3000 vs 6000 → −50 %; vs 2000 → +50 % */
  };

  check (f->store, PLAZA_KPI_SALES, PLAZA_KPI_BY_UNIT, "2026-02", "2026-03", unit, G_N_ELEMENTS (unit));
  check (f->store, PLAZA_KPI_SALES, PLAZA_KPI_BY_FLOOR, "2026-02", "2026-03", floor, G_N_ELEMENTS (floor));
  check (f->store, PLAZA_KPI_SALES, PLAZA_KPI_BY_MALL, "2026-02", "2026-03", mall, 1);
  check (f->store, PLAZA_KPI_SALES, PLAZA_KPI_BY_TENANT, "2026-02", "2026-03", tenant, G_N_ELEMENTS (tenant));
  check (f->store, PLAZA_KPI_SALES, PLAZA_KPI_BY_CATEGORY, "2026-02", "2026-03", category, G_N_ELEMENTS (category));
  check (f->store, PLAZA_KPI_SALES, PLAZA_KPI_BY_FLOOR, "2026-03", "2026-03", one, G_N_ELEMENTS (one));
}

/* 坪效: sales ÷ area of the units with sales ÷ 2 months, fen per m². */
static void
test_sales_per_m2 (Fixture       *f,
                   gconstpointer  data)
{
  const Expect unit[] = {
    { "A101", "A101", 4500, 20000, 80000 },  /* 9000 元 / 100 m² / 2 = 45.00 */
    { "A102", "A102", 2500, NONE, NONE },    /* 2500 / 50 / 2 = 25.00 */
    { "B201", "B201", 2250, NONE, 35000 },   /* 9000 / 200 / 2 = 22.50 */
  };
  const Expect floor[] = {
    { "1F", "1F", 3833, 28333, 105000 },     /* 11500 / 150 / 2 = 38.333 */
    { "2F", "2F", 2250, NONE, 35000 },
  };
  const Expect mall[] = { { "P1", "Plaza One", 2929, 58333, 58333 } };  /* 20500 / 350 / 2 = 29.2857 */
  const Expect tenant[] = {
    { "T1", "Alpha", 3833, 28333, 105000 },
    { "T2", "Beta", 2250, NONE, NONE },
  };
  const Expect category[] = {
    { "Fashion", "Fashion", 3833, 28333, 105000 },
    { "Food", "Food", 2250, NONE, 35000 },
  };

  check (f->store, PLAZA_KPI_SALES_PER_M2, PLAZA_KPI_BY_UNIT, "2026-02", "2026-03", unit, G_N_ELEMENTS (unit));
  check (f->store, PLAZA_KPI_SALES_PER_M2, PLAZA_KPI_BY_FLOOR, "2026-02", "2026-03", floor, G_N_ELEMENTS (floor));
  check (f->store, PLAZA_KPI_SALES_PER_M2, PLAZA_KPI_BY_MALL, "2026-02", "2026-03", mall, 1);
  check (f->store, PLAZA_KPI_SALES_PER_M2, PLAZA_KPI_BY_TENANT, "2026-02", "2026-03", tenant, G_N_ELEMENTS (tenant));
  check (f->store, PLAZA_KPI_SALES_PER_M2, PLAZA_KPI_BY_CATEGORY, "2026-02", "2026-03", category, G_N_ELEMENTS (category));
}

/* 租售比. C1's rent 300.00 + 300.01 + 100.00 = 700.01 spread 2:1 over A101
 * and A102: 200.00/100.00, 200.00(+0.01)/100.00, 66.66(+0.01)/33.33 →
 * A101 466.68, A102 233.33. C2's rent 900.00 (the void bill not counted). */
static void
test_rent_to_sales (Fixture       *f,
                    gconstpointer  data)
{
  const Expect unit[] = {
    { "A101", "A101", 519, 20000, 80000 },   /* 466.68 / 9000 = 518.5 bp */
    { "A102", "A102", 933, NONE, NONE },     /* 233.33 / 2500 = 933.3 bp */
    { "B201", "B201", 1000, NONE, 35000 },   /* 900 / 9000 */
  };
  const Expect floor[] = {
    { "1F", "1F", 609, 28333, 105000 },      /* 700.01 / 11500 = 608.7 bp */
    { "2F", "2F", 1000, NONE, 35000 },
  };
  const Expect mall[] = { { "P1", "Plaza One", 780, 58333, 58333 } };  /* 1600.01 / 20500 = 780.49 bp */
  const Expect tenant[] = {
    { "T1", "Alpha", 609, 28333, 105000 },
    { "T2", "Beta", 1000, NONE, NONE },
  };
  const Expect category[] = {
    { "Fashion", "Fashion", 609, 28333, 105000 },
    { "Food", "Food", 1000, NONE, 35000 },
  };

  check (f->store, PLAZA_KPI_RENT_TO_SALES, PLAZA_KPI_BY_UNIT, "2026-02", "2026-03", unit, G_N_ELEMENTS (unit));
  check (f->store, PLAZA_KPI_RENT_TO_SALES, PLAZA_KPI_BY_FLOOR, "2026-02", "2026-03", floor, G_N_ELEMENTS (floor));
  check (f->store, PLAZA_KPI_RENT_TO_SALES, PLAZA_KPI_BY_MALL, "2026-02", "2026-03", mall, 1);
  check (f->store, PLAZA_KPI_RENT_TO_SALES, PLAZA_KPI_BY_TENANT, "2026-02", "2026-03", tenant, G_N_ELEMENTS (tenant));
  check (f->store, PLAZA_KPI_RENT_TO_SALES, PLAZA_KPI_BY_CATEGORY, "2026-02", "2026-03", category, G_N_ELEMENTS (category));
}

/* On 2026-03-31 C2 is terminated: 1F 150/150 m², 2F 0/200, mall 150/350 =
 * 4285.7 bp. On 2026-02-28 everything is leased. */
static void
test_occupancy (Fixture       *f,
                gconstpointer  data)
{
  const Expect floor[] = {
    { "1F", "1F", 10000, 28333, 105000 },
    { "2F", "2F", 0, NONE, 35000 },
  };
  const Expect mall[] = { { "P1", "Plaza One", 4286, 58333, 58333 } };
  /* 2026-02 alone: 1F 5000 vs 3000 → +66.67 %, vs 1000 (2025-02) → +400 % */
  const Expect february[] = {
    { "1F", "1F", 10000, 6667, 40000 },
    { "2F", "2F", 10000, NONE, NONE },
  };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  check (f->store, PLAZA_KPI_OCCUPANCY, PLAZA_KPI_BY_FLOOR, "2026-02", "2026-03", floor, G_N_ELEMENTS (floor));
  check (f->store, PLAZA_KPI_OCCUPANCY, PLAZA_KPI_BY_MALL, "2026-02", "2026-03", mall, 1);
  check (f->store, PLAZA_KPI_OCCUPANCY, PLAZA_KPI_BY_FLOOR, "2026-02", "2026-02", february, G_N_ELEMENTS (february));

  for (int by = PLAZA_KPI_BY_CATEGORY; by <= PLAZA_KPI_BY_UNIT; by++)
    {
      g_assert_false (plaza_kpi_compute (f->store, PLAZA_KPI_OCCUPANCY, (PlazaKpiGroup) by, "2026-02", "2026-03", &rows, &error));
      g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
      g_clear_error (&error);
      g_assert_null (rows);
    }
}

/* 坪效 per year: sales × 12 ÷ area ÷ months, rounded once. The mall:
 * 2,050,000 fen × 100 × 12 / (35,000 × 2) = 35,142.86 → 35,143, not the
 * rounded monthly 2,929 × 12 = 35,148. */
static void
test_sales_per_m2_year (Fixture       *f,
                        gconstpointer  data)
{
  const Expect unit[] = {
    { "A101", "A101", 54000, 20000, 80000 },  /* 45.00 × 12 */
    { "A102", "A102", 30000, NONE, NONE },    /* 25.00 × 12 */
    { "B201", "B201", 27000, NONE, 35000 },   /* 22.50 × 12 */
  };
  const Expect floor[] = {
    { "1F", "1F", 46000, 28333, 105000 },     /* 11500 / 150 / 2 × 12 = 460.00 */
    { "2F", "2F", 27000, NONE, 35000 },
  };
  const Expect mall[] = { { "P1", "Plaza One", 35143, 58333, 58333 } };
  PlazaKpiMetric metric;

  check (f->store, PLAZA_KPI_SALES_PER_M2_YEAR, PLAZA_KPI_BY_UNIT, "2026-02", "2026-03", unit, G_N_ELEMENTS (unit));
  check (f->store, PLAZA_KPI_SALES_PER_M2_YEAR, PLAZA_KPI_BY_FLOOR, "2026-02", "2026-03", floor, G_N_ELEMENTS (floor));
  check (f->store, PLAZA_KPI_SALES_PER_M2_YEAR, PLAZA_KPI_BY_MALL, "2026-02", "2026-03", mall, 1);
  g_assert_true (plaza_kpi_metric_parse ("sales_per_m2_year", &metric));
  g_assert_cmpint (metric, ==, PLAZA_KPI_SALES_PER_M2_YEAR);
}

/* A filter keeps the rows of one floor, category, tenant or unit; the
 * attribution (and the bases) are those of the unfiltered measure. */
static void
test_filtered (Fixture       *f,
               gconstpointer  data)
{
  const Expect first_floor[] = {
    { "A101", "A101", 900000, 20000, 80000 },
    { "A102", "A102", 250000, NONE, NONE },
  };
  /* Beta's floor: B201's 2025-03 had no tenant, so no base */
  const Expect beta[] = { { "2F", "2F", 900000, NONE, NONE } };
  /* Food's floor: the planned category keeps 2025-03 */
  const Expect food[] = { { "2F", "2F", 900000, NONE, 35000 } };
  const Expect first_floor_tenants[] = { { "T1", "Alpha", 1150000, 28333, 105000 } };
  /* A102's share of C1's rent: 233.33 / 2500 (the remainder fen went to
   * A101, the lower unit id) */
  const Expect a102[] = { { "P1", "Plaza One", 933, NONE, NONE } };
  const Expect alpha_units[] = {
    { "A101", "A101", 519, 20000, 80000 },
    { "A102", "A102", 933, NONE, NONE },
  };
  /* 2F on 2026-03-31: 0 of 200 m² leased; its sales 9000 vs 2000 a year
   * earlier */
  const Expect second_floor[] = { { "P1", "Plaza One", 0, NONE, 35000 } };
  /* month by month, the whole mall: 3000, 11000, 9500 yuan; February vs
   * January +166.67 %, March vs February −13.64 %; a year earlier 2025-02
   * 1000 (+1000 %), 2025-03 2000 (+375 %) */
  const Expect months[] = {
    { "2026-01", "2026-01", 300000, NONE, NONE },
    { "2026-02", "2026-02", 1100000, 26667, 100000 },
    { "2026-03", "2026-03", 950000, -1364, 37500 },
  };
  /* Alpha's 坪效 month by month: 3000 / 100 m²; 5000 / 150; 6500 / 150 */
  const Expect alpha_months[] = {
    { "2026-01", "2026-01", 3000, NONE, NONE },
    { "2026-02", "2026-02", 3333, 6667, 40000 },
    { "2026-03", "2026-03", 4333, 3000, NONE },
  };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  check_filtered (f->store, PLAZA_KPI_SALES, PLAZA_KPI_BY_UNIT, PLAZA_KPI_BY_FLOOR, "1F",
                  "2026-02", "2026-03", first_floor, G_N_ELEMENTS (first_floor));
  check_filtered (f->store, PLAZA_KPI_SALES, PLAZA_KPI_BY_FLOOR, PLAZA_KPI_BY_TENANT, "T2",
                  "2026-02", "2026-03", beta, 1);
  check_filtered (f->store, PLAZA_KPI_SALES, PLAZA_KPI_BY_FLOOR, PLAZA_KPI_BY_CATEGORY, "Food",
                  "2026-02", "2026-03", food, 1);
  check_filtered (f->store, PLAZA_KPI_SALES, PLAZA_KPI_BY_TENANT, PLAZA_KPI_BY_FLOOR, "1F",
                  "2026-02", "2026-03", first_floor_tenants, 1);
  check_filtered (f->store, PLAZA_KPI_RENT_TO_SALES, PLAZA_KPI_BY_MALL, PLAZA_KPI_BY_UNIT, "A102",
                  "2026-02", "2026-03", a102, 1);
  check_filtered (f->store, PLAZA_KPI_RENT_TO_SALES, PLAZA_KPI_BY_UNIT, PLAZA_KPI_BY_TENANT, "T1",
                  "2026-02", "2026-03", alpha_units, G_N_ELEMENTS (alpha_units));
  check_filtered (f->store, PLAZA_KPI_OCCUPANCY, PLAZA_KPI_BY_MALL, PLAZA_KPI_BY_FLOOR, "2F",
                  "2026-02", "2026-03", second_floor, 1);
  /* no such floor: no rows */
  check_filtered (f->store, PLAZA_KPI_SALES, PLAZA_KPI_BY_UNIT, PLAZA_KPI_BY_FLOOR, "9F",
                  "2026-02", "2026-03", NULL, 0);

  g_assert_true (plaza_kpi_compute_monthly (f->store, PLAZA_KPI_SALES, PLAZA_KPI_BY_MALL, NULL,
                                            "2026-01", "2026-03", &rows, &error));
  g_assert_no_error (error);
  check_rows (rows, months, G_N_ELEMENTS (months));
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_assert_true (plaza_kpi_compute_monthly (f->store, PLAZA_KPI_SALES_PER_M2, PLAZA_KPI_BY_TENANT, "T1",
                                            "2026-01", "2026-03", &rows, &error));
  g_assert_no_error (error);
  check_rows (rows, alpha_months, G_N_ELEMENTS (alpha_months));
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* occupancy cannot be narrowed to a tenant; a filter needs its key */
  g_assert_false (plaza_kpi_compute_filtered (f->store, PLAZA_KPI_OCCUPANCY, PLAZA_KPI_BY_MALL, PLAZA_KPI_BY_TENANT,
                                              "T1", "2026-02", "2026-03", &rows, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (plaza_kpi_compute_filtered (f->store, PLAZA_KPI_SALES, PLAZA_KPI_BY_UNIT, PLAZA_KPI_BY_FLOOR,
                                              NULL, "2026-02", "2026-03", &rows, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_assert_null (rows);
}

static gboolean
insert_handover (PlazaStore *store,
                 gpointer    user_data,
                 GError    **error)
{
  return plaza_store_exec (store,
    "INSERT INTO units (id, floor_id, code, gross_area, rentable_area) VALUES (4, 1, 'A103', 6000, 5000);"
    "INSERT INTO tenants (id, code, name, category_id) VALUES (3, 'T3', 'Gamma', 10);"
    "INSERT INTO contracts (id, code, tenant_id, state, model, start_date, end_date, terminated_on, created_at) VALUES"
    "  (3, 'C3', 1, 'expired', 'fixed', '2025-01-01', '2026-01-31', NULL, '2025-01-01'),"
    "  (4, 'C4', 3, 'active', 'fixed', '2026-02-01', '2028-01-31', NULL, '2026-01-15');"
    "INSERT INTO contract_units (contract_id, unit_id, area) VALUES (3, 4, 5000), (4, 4, 5000);"
    "INSERT INTO sales_monthly (unit_id, month, amount, days) VALUES"
    "  (4, '2025-12', 900000, 31), (4, '2026-01', 200000, 31), (4, '2026-02', 100000, 28), (4, '2026-03', 100000, 31);",
    error);
}

/* Tenant health attributes sales as the measures do. A103 (50 m²) was
 * Alpha's until 2026-01 (C3) and Gamma's from 2026-02 (C4). Health to
 * 2026-03 counts for Gamma only 2026-02 and 03 (2000 yuan, as `kpi --by
 * tenant` does), not Alpha's January: 200000 × 100 / 5000 / 3 = 1333 fen
 * per m² per month; and no previous months (Alpha's 2025-12), so no
 * trend. */
static void
test_health_attribution (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) health = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  const Expect gamma[] = { { "T3", "Gamma", 200000, NONE, NONE } };
  gboolean found = FALSE;

  g_assert_true (plaza_store_write (f->store, insert_handover, NULL, &error));
  g_assert_no_error (error);
  check_filtered (f->store, PLAZA_KPI_SALES, PLAZA_KPI_BY_TENANT, PLAZA_KPI_BY_TENANT, "T3",
                  "2026-01", "2026-03", gamma, 1);
  g_assert_true (plaza_health_scores (f->store, "2026-03", &health, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < health->len; i++)
    {
      PlazaHealthRow *row = g_ptr_array_index (health, i);

      if (g_strcmp0 (row->code, "T3") != 0)
        continue;
      found = TRUE;
      g_assert_cmpint (row->sales_per_m2, ==, 1333);
      g_assert_false (row->has_growth);
    }
  g_assert_true (found);
}

static void
test_bad_arguments (Fixture       *f,
                    gconstpointer  data)
{
  const char * const bad[][2] = {
    { "2026-13", "2026-03" }, { "2026-1", "2026-03" }, { "2026-02", "26-03" },
    { NULL, "2026-03" }, { "2026-04", "2026-03" }, { "2026-0a", "2026-03" },
  };
  PlazaKpiMetric metric;
  PlazaKpiGroup group;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GPtrArray) rows = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_false (plaza_kpi_compute (f->store, PLAZA_KPI_SALES, PLAZA_KPI_BY_MALL,
                                         bad[i][0], bad[i][1], &rows, &error));
      g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
      g_assert_null (rows);
    }
  g_assert_true (plaza_kpi_metric_parse ("rent_to_sales", &metric));
  g_assert_cmpint (metric, ==, PLAZA_KPI_RENT_TO_SALES);
  g_assert_false (plaza_kpi_metric_parse ("rent", &metric));
  g_assert_true (plaza_kpi_group_parse ("category", &group));
  g_assert_cmpint (group, ==, PLAZA_KPI_BY_CATEGORY);
  g_assert_false (plaza_kpi_group_parse ("zone", &group));
}

/* ---- plazactl kpi -------------------------------------------------- */

static void
test_cli (void)
{
  g_autofree char *dir = g_dir_make_tmp ("plaza-kpi-cli-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  int status = -1;
  gint64 total = 0;

  {
    g_autofree char *out = NULL, *err = NULL;
    const char *args[] = { "demo", db, "--size", "small", "--today", "2026-11-27", NULL };

    status = plaza_test_run_plazactl (args, &out, &err);
    g_assert_cmpint (status, ==, 0);
  }
  {
    g_autofree char *out = NULL, *err = NULL;
    const char *args[] = { "kpi", db, "--metric", "sales", "--by", "floor",
                           "--from", "2026-01", "--to", "2026-10", NULL };

    status = plaza_test_run_plazactl (args, &out, &err);
    g_assert_cmpint (status, ==, 0);
    g_assert_cmpstr (err, ==, "");
    g_assert_true (g_str_has_prefix (out, "key,label,value,mom_bp,yoy_bp\n"));
    lines = g_strsplit (out, "\n", -1);
  }
  /* the floors' sales add up to the mall's sales_monthly of those months */
  g_assert_cmpuint (g_strv_length (lines), >, 2);
  for (guint i = 1; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], ",", -1);
      gint64 fen = 0;

      g_assert_cmpuint (g_strv_length (fields), ==, 5);
      g_assert_true (i == 1 || g_strcmp0 (lines[i - 1], lines[i]) < 0);
      g_assert_true (plaza_money_parse (fields[2], &fen));
      total += fen;
    }
  store = plaza_store_open (db, PLAZA_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (total, >, 0);
  g_assert_cmpint (total, ==, plaza_test_count (store, "SELECT SUM (amount) FROM sales_monthly"
                                                " WHERE month BETWEEN '2026-01' AND '2026-10'"));
  {
    g_autofree char *out = NULL, *err = NULL;
    const char *args[] = { "kpi", db, "--metric", "occupancy", "--by", "mall",
                           "--from", "2026-10", "--to", "2026-10", NULL };

    status = plaza_test_run_plazactl (args, &out, &err);
    g_assert_cmpint (status, ==, 0);
    g_assert_true (g_str_has_prefix (out, "key,label,value,mom_bp,yoy_bp\n"));
  }
  {
    /* drill-down: the units of 1F add up to 1F */
    g_autofree char *out = NULL, *err = NULL, *floor_out = NULL;
    const char *args[] = { "kpi", db, "--metric", "sales", "--by", "unit", "--floor", "1F",
                           "--from", "2026-01", "--to", "2026-10", NULL };
    const char *floor_args[] = { "kpi", db, "--metric", "sales", "--by", "floor", "--floor", "1F",
                                 "--from", "2026-01", "--to", "2026-10", NULL };
    g_auto(GStrv) unit_lines = NULL;
    g_auto(GStrv) floor_lines = NULL;
    g_auto(GStrv) floor_fields = NULL;
    gint64 sum = 0, floor_fen = 0;

    status = plaza_test_run_plazactl (args, &out, &err);
    g_assert_cmpint (status, ==, 0);
    g_free (err);
    status = plaza_test_run_plazactl (floor_args, &floor_out, &err);
    g_assert_cmpint (status, ==, 0);
    unit_lines = g_strsplit (out, "\n", -1);
    floor_lines = g_strsplit (floor_out, "\n", -1);
    g_assert_cmpuint (g_strv_length (floor_lines), ==, 3);
    floor_fields = g_strsplit (floor_lines[1], ",", -1);
    g_assert_cmpstr (floor_fields[0], ==, "1F");
    g_assert_true (plaza_money_parse (floor_fields[2], &floor_fen));
    for (guint i = 1; unit_lines[i] != NULL && *unit_lines[i] != '\0'; i++)
      {
        g_auto(GStrv) fields = g_strsplit (unit_lines[i], ",", -1);
        gint64 fen = 0;

        g_assert_true (plaza_money_parse (fields[2], &fen));
        sum += fen;
      }
    g_assert_cmpint (sum, ==, floor_fen);
  }
  {
    g_autofree char *out = NULL, *err = NULL;
    const char *args[] = { "kpi", db, "--metric", "sales_per_m2_year", "--by", "mall",
                           "--from", "2026-01", "--to", "2026-10", NULL };

    status = plaza_test_run_plazactl (args, &out, &err);
    g_assert_cmpint (status, ==, 0);
    g_assert_cmpstr (err, ==, "");
    g_assert_true (g_str_has_prefix (out, "key,label,value,mom_bp,yoy_bp\n"));
  }

  {
    const char *bad[][16] = {
      { "kpi", db, "--metric", "rent", "--by", "floor", "--from", "2026-01", "--to", "2026-10", NULL },
      { "kpi", db, "--metric", "sales", "--by", "zone", "--from", "2026-01", "--to", "2026-10", NULL },
      { "kpi", db, "--metric", "sales", "--by", "floor", "--from", "2026-13", "--to", "2026-10", NULL },
      { "kpi", db, "--metric", "occupancy", "--by", "unit", "--from", "2026-01", "--to", "2026-10", NULL },
      { "kpi", db, "--metric", "sales", "--by", "floor", "--to", "2026-10", NULL },
      { "kpi", "--metric", "sales", "--by", "floor", "--from", "2026-01", "--to", "2026-10", NULL },
      { "kpi", db, "--metric", "sales", "--by", "unit", "--floor", "1F", "--tenant", "T1", "--from", "2026-01", "--to", "2026-10", NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autofree char *out = NULL, *err = NULL;

        status = plaza_test_run_plazactl (bad[i], &out, &err);
        g_assert_cmpint (status, ==, 1);
        g_assert_cmpstr (out, ==, "");
        g_assert_cmpint (strlen (err), >, 0);
        g_assert_true (g_str_has_suffix (err, "\n"));
        g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
      }
  }
  /* the covering contract looked up in memory gives what the SQL rule
   * gives, by tenant and by category, on a mall with renewals and
   * changes of tenant */
  for (int by = PLAZA_KPI_BY_CATEGORY; by <= PLAZA_KPI_BY_TENANT; by++)
    {
      g_autoptr(GPtrArray) rows = NULL;
      g_autofree char *sql = g_strdup_printf (
        "SELECT %s, SUM (x.amount) FROM"
        " (SELECT sm.unit_id AS unit_id, sm.month AS month, sm.amount AS amount, "
        PLAZA_KPI_COVERING_CONTRACT " AS contract_id"
        "  FROM sales_monthly sm WHERE sm.month BETWEEN '2025-01' AND '2026-10') x"
        PLAZA_KPI_JOINS " WHERE %s IS NOT NULL GROUP BY 1 ORDER BY 1",
        plaza_kpi_key_expr ((PlazaKpiGroup) by), plaza_kpi_key_expr ((PlazaKpiGroup) by));
      g_autoptr(sqlite3_stmt) stmt = plaza_store_prepare (store, sql, &error);
      guint i = 0;

      g_assert_no_error (error);
      g_assert_true (plaza_kpi_compute (store, PLAZA_KPI_SALES, (PlazaKpiGroup) by, "2025-01", "2026-10",
                                        &rows, &error));
      g_assert_no_error (error);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          PlazaKpiRow *row;

          g_assert_cmpuint (i, <, rows->len);
          row = g_ptr_array_index (rows, i++);
          g_assert_cmpstr (row->key, ==, (const char *) sqlite3_column_text (stmt, 0));
          g_assert_cmpint (row->value, ==, sqlite3_column_int64 (stmt, 1));
        }
      g_assert_cmpuint (i, ==, rows->len);
      g_assert_cmpuint (i, >, 1);
    }
  g_assert_cmpint (plaza_test_count (store, "SELECT COUNT (*) FROM (SELECT unit_id FROM contract_units"
                                     " GROUP BY unit_id HAVING COUNT (*) > 1)"), >, 0);

  g_clear_object (&store);
  plaza_test_remove_tree (dir);
}

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  ADD ("/kpi/sales", test_sales);
  ADD ("/kpi/sales-per-m2", test_sales_per_m2);
  ADD ("/kpi/rent-to-sales", test_rent_to_sales);
  ADD ("/kpi/occupancy", test_occupancy);
  ADD ("/kpi/sales-per-m2-year", test_sales_per_m2_year);
  ADD ("/kpi/filtered", test_filtered);
  ADD ("/kpi/health-attribution", test_health_attribution);
  ADD ("/kpi/bad-arguments", test_bad_arguments);
  g_test_add_func ("/kpi/cli", test_cli);
  return g_test_run ();
}
