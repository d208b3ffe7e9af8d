/* test-targets.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * plaza_targets_*. The mall below: floors 1F (1) and 2F (2); categories
 * Fashion (10), Food (11), Kids (12). Units (m²): A101 100 and A102 50 on
 * 1F, B201 200 (planned Food) and B202 30 (vacant, no plan) on 2F. T1 Alpha
 * (Fashion) leases A101 + A102, T2 Beta (Food) leases B201, both from 2024.
 * Sales 2025 (fen): A101 Jan 100000, Jul 200000; A102 Jul 100000; B201 Jan
 * 300000, Dec 300000 — 1,000,000 in all. Sales 2026: A101 Jan 150000, B201
 * Jan 300000. The annual target is an odd 1,000,001 fen.
 */

#include "config.h"

#include <string.h>

#include "plaza-date.h"
#include "plaza-demo.h"
#include "plaza-targets.h"
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
    "INSERT INTO projects (id, code, name) VALUES (1, 'P1', 'Plaza One');"
    "INSERT INTO floors (id, project_id, label, level) VALUES (1, 1, '1F', 1), (2, 1, '2F', 2);"
    "INSERT INTO categories (id, name) VALUES (10, 'Fashion'), (11, 'Food'), (12, 'Kids');"
    "INSERT INTO units (id, floor_id, code, gross_area, rentable_area, planned_category_id) VALUES"
    "  (1, 1, 'A101', 12000, 10000, NULL), (2, 1, 'A102', 6000, 5000, NULL),"
    "  (3, 2, 'B201', 24000, 20000, 11), (4, 2, 'B202', 3000, 3000, NULL);"
    "INSERT INTO tenants (id, code, name, category_id) VALUES (1, 'T1', 'Alpha', 10), (2, 'T2', 'Beta', 11);"
    "INSERT INTO contracts (id, code, tenant_id, state, model, start_date, end_date, created_at) VALUES"
    "  (1, 'C1', 1, 'active', 'fixed', '2024-01-01', '2027-12-31', '2024-01-01'),"
    "  (2, 'C2', 2, 'active', 'fixed', '2024-06-01', '2027-12-31', '2024-06-01');"
    "INSERT INTO contract_units (contract_id, unit_id, area) VALUES (1, 1, 10000), (1, 2, 5000), (2, 3, 20000);"
    "INSERT INTO sales_monthly (unit_id, month, amount, days) VALUES"
    "  (1, '2025-01', 100000, 31), (1, '2025-07', 200000, 31), (2, '2025-07', 100000, 31),"
    "  (3, '2025-01', 300000, 31), (3, '2025-12', 300000, 31),"
    "  (1, '2026-01', 150000, 31), (3, '2026-01', 300000, 31);",
    error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("plaza-targets-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  path = g_build_filename (f->dir, "targets.db", NULL);
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

/* The target of one row, or -1 when there is none. */
static gint64
target (PlazaStore *store,
        int         year,
        int         month,
        const char *scope,
        gint64      scope_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT COALESCE ((SELECT amount FROM targets WHERE year = %d"
                                          " AND month = %d AND scope = '%s' AND scope_id = %lld), -1)",
                                          year, month, scope, (long long) scope_id);

  return plaza_test_count (store, sql);
}

/* Every scope of @year sums to @total exactly. */
static void
assert_sums (PlazaStore *store,
             int         year,
             gint64      total)
{
  const char *scopes[] = { "floor", "category", "tenant" };
  g_autofree char *months = g_strdup_printf ("SELECT SUM (amount) FROM targets WHERE year = %d"
                                             " AND scope = 'mall' AND month > 0", year);

  g_assert_cmpint (target (store, year, 0, "mall", 0), ==, total);
  g_assert_cmpint (plaza_test_count (store, months), ==, total);
  for (guint i = 0; i < G_N_ELEMENTS (scopes); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT SUM (amount) FROM targets WHERE year = %d"
                                              " AND scope = '%s' AND month = 0", year, scopes[i]);

      g_assert_cmpint (plaza_test_count (store, sql), ==, total);
    }
}

static void
test_split (void)
{
  const gint64 thirds[] = { 1, 1, 1 };
  const gint64 zeros[] = { 0, 0, 0 };
  const gint64 mixed[] = { 5, 3, 2 };
  const gint64 big[] = { G_GINT64_CONSTANT (3000000000000), 1, G_GINT64_CONSTANT (6000000000000) };
  gint64 out[3];

  /* 10 / 3 = 3 r 1 each: the spare fen goes to the first (tie). */
  plaza_targets_split (10, thirds, 3, out);
  g_assert_cmpint (out[0], ==, 4);
  g_assert_cmpint (out[1], ==, 3);
  g_assert_cmpint (out[2], ==, 3);
  /* No weights: equal, 100 = 34 + 33 + 33. */
  plaza_targets_split (100, zeros, 3, out);
  g_assert_cmpint (out[0], ==, 34);
  g_assert_cmpint (out[1], ==, 33);
  g_assert_cmpint (out[2], ==, 33);
  /* 7 × 5/10 = 3.5, × 3/10 = 2.1, × 2/10 = 1.4: 3 + 2 + 1, the spare fen
   * to the largest remainder (.5). */
  plaza_targets_split (7, mixed, 3, out);
  g_assert_cmpint (out[0], ==, 4);
  g_assert_cmpint (out[1], ==, 2);
  g_assert_cmpint (out[2], ==, 1);
  /* Products beyond 2^63: 10^12 fen × 6 × 10^12 still exact. Weight sum
   * 9e12 + 1; 1e12 × 3e12 / (9e12 + 1) = 333333333333.296… → 333333333333,
   * the 1 → 0.11… → 0, 666666666666.59… → 666666666666; the 1 spare fen goes
   * to the largest remainder, the third. */
  plaza_targets_split (G_GINT64_CONSTANT (1000000000000), big, 3, out);
  g_assert_cmpint (out[0], ==, G_GINT64_CONSTANT (333333333333));
  g_assert_cmpint (out[1], ==, 0);
  g_assert_cmpint (out[2], ==, G_GINT64_CONSTANT (666666666667));
}

/* 2026 by last year's shares (2025 sales, 1,000,000 fen in all). */
static void
test_last_year_share (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (plaza_targets_break_down (f->store, 2026, 1000001, PLAZA_TARGET_BASIS_LAST_YEAR_SHARE, &error));
  g_assert_no_error (error);
  assert_sums (f->store, 2026, 1000001);
  /* Months 40 % / 30 % / 30 %: 400000.4, 300000.3, 300000.3 → the spare fen
   * to January. */
  g_assert_cmpint (target (f->store, 2026, 1, "mall", 0), ==, 400001);
  g_assert_cmpint (target (f->store, 2026, 7, "mall", 0), ==, 300000);
  g_assert_cmpint (target (f->store, 2026, 12, "mall", 0), ==, 300000);
  g_assert_cmpint (target (f->store, 2026, 2, "mall", 0), ==, 0);
  /* 1F 40 %, 2F 60 %: 400000.4 and 600000.6 → the spare fen to 2F. */
  g_assert_cmpint (target (f->store, 2026, 0, "floor", 1), ==, 400000);
  g_assert_cmpint (target (f->store, 2026, 0, "floor", 2), ==, 600001);
  /* Categories likewise; Kids had no sales but gets a row. */
  g_assert_cmpint (target (f->store, 2026, 0, "category", 10), ==, 400000);
  g_assert_cmpint (target (f->store, 2026, 0, "category", 11), ==, 600001);
  g_assert_cmpint (target (f->store, 2026, 0, "category", 12), ==, 0);
  g_assert_cmpint (target (f->store, 2026, 0, "category", 0), ==, -1);
  g_assert_cmpint (target (f->store, 2026, 0, "tenant", 1), ==, 400000);
  g_assert_cmpint (target (f->store, 2026, 0, "tenant", 2), ==, 600001);
  g_assert_cmpint (target (f->store, 2026, 0, "tenant", 0), ==, -1);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT COUNT (*) FROM targets"), ==, 1 + 12 + 2 + 3 + 2);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT COUNT (*) FROM change_log WHERE entity = 'targets'"
                                     " AND entity_id = 2026 AND action = 'break_down'"), ==, 1);

  /* Breaking down again replaces the year's rows. */
  g_assert_true (plaza_targets_break_down (f->store, 2026, 7, PLAZA_TARGET_BASIS_LAST_YEAR_SHARE, &error));
  g_assert_no_error (error);
  assert_sums (f->store, 2026, 7);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT COUNT (*) FROM targets"), ==, 1 + 12 + 2 + 3 + 2);

  /* 2025 has no history (no 2024 sales): equal months, 1000001 = 12 ×
   * 83333 + 5, the first five months one fen more; floors fall back to
   * area (see test_area). */
  g_assert_true (plaza_targets_break_down (f->store, 2025, 1000001, PLAZA_TARGET_BASIS_LAST_YEAR_SHARE, &error));
  g_assert_no_error (error);
  assert_sums (f->store, 2025, 1000001);
  g_assert_cmpint (target (f->store, 2025, 1, "mall", 0), ==, 83334);
  g_assert_cmpint (target (f->store, 2025, 5, "mall", 0), ==, 83334);
  g_assert_cmpint (target (f->store, 2025, 6, "mall", 0), ==, 83333);
  g_assert_cmpint (target (f->store, 2025, 12, "mall", 0), ==, 83333);
  g_assert_cmpint (target (f->store, 2025, 0, "floor", 1), ==, 394737);
}

/* By rentable area: 38,000 in all (1F 15,000, 2F 23,000). */
static void
test_area (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (plaza_targets_break_down (f->store, 2026, 1000001, PLAZA_TARGET_BASIS_AREA, &error));
  g_assert_no_error (error);
  assert_sums (f->store, 2026, 1000001);
  /* Months still by 2025 sales. */
  g_assert_cmpint (target (f->store, 2026, 1, "mall", 0), ==, 400001);
  /* 1F: 1000001 × 15000 / 38000 = 394737 r 9000; 2F: × 23000 = 605263
   * r 29000 → the spare fen to 2F. */
  g_assert_cmpint (target (f->store, 2026, 0, "floor", 1), ==, 394737);
  g_assert_cmpint (target (f->store, 2026, 0, "floor", 2), ==, 605264);
  /* Categories: unassigned B202 3000 → 78947 r 17000; Fashion 15000 →
   * 394737 r 9000; Food 20000 → 526316 r 12000; Kids 0. The spare fen goes
   * to the unassigned row (largest remainder). */
  g_assert_cmpint (target (f->store, 2026, 0, "category", 0), ==, 78948);
  g_assert_cmpint (target (f->store, 2026, 0, "category", 10), ==, 394737);
  g_assert_cmpint (target (f->store, 2026, 0, "category", 11), ==, 526316);
  g_assert_cmpint (target (f->store, 2026, 0, "category", 12), ==, 0);
  /* Tenants: the contracts' areas, the vacant rest unassigned. */
  g_assert_cmpint (target (f->store, 2026, 0, "tenant", 0), ==, 78948);
  g_assert_cmpint (target (f->store, 2026, 0, "tenant", 1), ==, 394737);
  g_assert_cmpint (target (f->store, 2026, 0, "tenant", 2), ==, 526316);
}

static void
test_achievement_and_set (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PlazaTargetAchievement a;
  gint64 id;

  g_assert_true (plaza_targets_break_down (f->store, 2026, 1000001, PLAZA_TARGET_BASIS_LAST_YEAR_SHARE, &error));
  g_assert_no_error (error);

  /* Mall, January 2026: 450000 of 400001 → 11249.97 bp, floored. */
  g_assert_true (plaza_targets_achievement (f->store, 2026, 1, PLAZA_TARGET_SCOPE_MALL, 0, &a, &error));
  g_assert_no_error (error);
  g_assert_true (a.has_target);
  g_assert_cmpint (a.target, ==, 400001);
  g_assert_cmpint (a.actual, ==, 450000);
  g_assert_true (a.has_rate);
  g_assert_cmpint (a.rate_bp, ==, 11249);

  /* 1F in January has no row: 400000 × 400001 / 1000001 = 160000.24 →
   * 160000; actual A101 150000 → 9375 bp. */
  g_assert_true (plaza_targets_achievement (f->store, 2026, 1, PLAZA_TARGET_SCOPE_FLOOR, 1, &a, &error));
  g_assert_cmpint (a.target, ==, 160000);
  g_assert_cmpint (a.actual, ==, 150000);
  g_assert_cmpint (a.rate_bp, ==, 9375);

  /* Beta, the whole year: 300000 of 600001 → 4999.99 → 4999 bp. */
  g_assert_true (plaza_targets_achievement (f->store, 2026, 0, PLAZA_TARGET_SCOPE_TENANT, 2, &a, &error));
  g_assert_cmpint (a.target, ==, 600001);
  g_assert_cmpint (a.actual, ==, 300000);
  g_assert_cmpint (a.rate_bp, ==, 4999);

  /* Kids: target 0, so no rate. A year without targets: no target. */
  g_assert_true (plaza_targets_achievement (f->store, 2026, 0, PLAZA_TARGET_SCOPE_CATEGORY, 12, &a, &error));
  g_assert_true (a.has_target);
  g_assert_false (a.has_rate);
  g_assert_true (plaza_targets_achievement (f->store, 2027, 0, PLAZA_TARGET_SCOPE_MALL, 0, &a, &error));
  g_assert_false (a.has_target);
  g_assert_cmpint (a.actual, ==, 0);
  g_assert_no_error (error);

  /* Editing Beta's row: rev 1 → 2; a second save with rev 1 conflicts. */
  id = plaza_test_count (f->store, "SELECT id FROM targets WHERE year = 2026 AND scope = 'tenant' AND scope_id = 2");
  g_assert_true (plaza_targets_set (f->store, id, 1, 500000, &error));
  g_assert_no_error (error);
  g_assert_cmpint (target (f->store, 2026, 0, "tenant", 2), ==, 500000);
  g_assert_false (plaza_targets_set (f->store, id, 1, 1, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (plaza_targets_set (f->store, id, 2, -1, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (plaza_targets_set (f->store, 9999, 1, 1, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (target (f->store, 2026, 0, "tenant", 2), ==, 500000);
  g_assert_true (plaza_targets_achievement (f->store, 2026, 0, PLAZA_TARGET_SCOPE_TENANT, 2, &a, &error));
  g_assert_cmpint (a.rate_bp, ==, 6000);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT COUNT (*) FROM change_log WHERE entity = 'targets'"
                                     " AND action = 'update'"), ==, 1);
}

/* plazactl targets break-down on the fixture: 10000.01 yuan by area. */
static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *db = g_build_filename (f->dir, "targets.db", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *out2 = NULL, *err2 = NULL;
  const char *args[] = { "targets", "break-down", db, "--year", "2026", "--amount", "10000.01", "--basis", "area", NULL };
  const char *bad[] = { "targets", "break-down", db, "--year", "2026", "--amount", "1", "--basis", "guess", NULL };
  int status = -1;

  status = plaza_test_run_plazactl (args, &out, &err);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpstr (out, ==, "Targets for 2026 broken down\n");
  assert_sums (f->store, 2026, 1000001);
  g_assert_cmpint (target (f->store, 2026, 0, "floor", 2), ==, 605264);

  status = plaza_test_run_plazactl (bad, &out2, &err2);
  g_assert_cmpint (status, ==, 1);
  g_assert_cmpstr (out2, ==, "");
  g_assert_nonnull (strchr (err2, '\n'));
  g_assert_cmpstr (strchr (err2, '\n') + 1, ==, "");
}

/* A small demo: both bases split an odd target exactly. */
static void
test_demo (void)
{
  g_autofree char *dir = g_dir_make_tmp ("plaza-targets-demo-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaStore) store = plaza_store_open (path, PLAZA_STORE_OPEN_CREATE, &error);
  PlazaTargetAchievement a;
  GDate today;

  g_assert_no_error (error);
  g_assert_true (plaza_date_parse ("2026-11-27", &today));
  g_assert_true (plaza_demo_generate (store, 7, PLAZA_DEMO_SMALL, &today, &error));
  g_assert_no_error (error);

  g_assert_true (plaza_targets_break_down (store, 2026, G_GINT64_CONSTANT (987654321097),
                                           PLAZA_TARGET_BASIS_LAST_YEAR_SHARE, &error));
  g_assert_no_error (error);
  assert_sums (store, 2026, G_GINT64_CONSTANT (987654321097));
  g_assert_cmpint (plaza_test_count (store, "SELECT COUNT (*) FROM targets WHERE scope = 'tenant'"), >, 1);
  g_assert_true (plaza_targets_achievement (store, 2026, 3, PLAZA_TARGET_SCOPE_MALL, 0, &a, &error));
  g_assert_no_error (error);
  g_assert_true (a.has_target);
  g_assert_cmpint (a.actual, >, 0);

  g_assert_true (plaza_targets_break_down (store, 2027, 12345, PLAZA_TARGET_BASIS_AREA, &error));
  g_assert_no_error (error);
  assert_sums (store, 2027, 12345);
  assert_sums (store, 2026, G_GINT64_CONSTANT (987654321097));

  g_clear_object (&store);
  plaza_test_remove_tree (dir);
}

/* The category of a sale is the contract brand's first (as in
 * plaza-kpi.c): Beta trades a Kids brand, so Kids takes Food's share. */
static void
test_brand_category (Fixture       *f,
                     gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (plaza_store_exec (f->store,
                                   "INSERT INTO brands (id, name, category_id) VALUES (1, 'Little Ones', 12);"
                                   "UPDATE contracts SET brand_id = 1 WHERE id = 2;", &error));
  g_assert_no_error (error);
  g_assert_true (plaza_targets_break_down (f->store, 2026, 1000001, PLAZA_TARGET_BASIS_LAST_YEAR_SHARE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (target (f->store, 2026, 0, "category", 10), ==, 400000);
  g_assert_cmpint (target (f->store, 2026, 0, "category", 11), ==, 0);
  g_assert_cmpint (target (f->store, 2026, 0, "category", 12), ==, 600001);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/targets/split", test_split);
  g_test_add ("/targets/last-year-share", Fixture, NULL, fixture_set_up, test_last_year_share, fixture_tear_down);
  g_test_add ("/targets/area", Fixture, NULL, fixture_set_up, test_area, fixture_tear_down);
  g_test_add ("/targets/brand-category", Fixture, NULL, fixture_set_up, test_brand_category, fixture_tear_down);
  g_test_add ("/targets/achievement", Fixture, NULL, fixture_set_up, test_achievement_and_set, fixture_tear_down);
  g_test_add ("/targets/cli", Fixture, NULL, fixture_set_up, test_cli, fixture_tear_down);
  g_test_add_func ("/targets/demo", test_demo);

  return g_test_run ();
}
