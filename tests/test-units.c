/* test-units.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Floors, units, split and merge, history, vacancy and zoning
 * (plaza-unit.h, plaza-zoning.h) and `plazactl units`. The mall below:
 * floors 1F (1) and 2F (2); categories Fashion (10), Food (11); brand Cafe
 * (Food). Units, gross/rentable in m²:
 *   A101 1F 120/100 planned Fashion, vacant since 2026-01-01
 *   A102 1F  60/50  planned Fashion, leased (C1, Alpha, Fashion, ¥1,500)
 *   A103 1F  30/25  planned Food, vacant (no date)
 *   B201 2F 240/200 planned Food, leased (C2, Beta with brand Cafe)
 * Past contracts: C0 Alpha on A101 2022-01-01 … 2025-06-30 (expired),
 * ¥1,234.56 a month → 12.3456 → ¥12.35/m²; C3 Beta on A103 2020-01-01 …
 * terminated 2023-03-31, ¥500.01 a month on 25 m² → ¥20.0004 → ¥20.00/m².
 * Today is 2026-11-27: A101 vacant 330 days (since 2026-01-01, later than
 * 2025-06-30), A103 1,337 days (since 2023-03-31).
 */

#include "config.h"

#include <string.h>

#include "plaza-date.h"
#include "plaza-demo.h"
#include "plaza-unit.h"
#include "plaza-zoning.h"
#include "test-util.h"

typedef struct
{
  char       *dir;
  char       *path;
  PlazaStore *store;
  GDate       today;
} Fixture;

static gboolean
insert_mall (PlazaStore *store,
             gpointer    user_data,
             GError    **error)
{
  return plaza_store_exec (store,
    "INSERT INTO projects (id, code, name) VALUES (1, 'P1', 'Plaza One');"
    "INSERT INTO floors (id, project_id, label, level) VALUES (1, 1, '1F', 1), (2, 1, '2F', 2);"
    "INSERT INTO categories (id, name) VALUES (10, 'Fashion'), (11, 'Food');"
    "INSERT INTO brands (id, name, category_id) VALUES (1, 'Cafe', 11);"
    "INSERT INTO units (id, floor_id, code, gross_area, rentable_area, planned_category_id, status, vacant_since) VALUES"
    "  (1, 1, 'A101', 12000, 10000, 10, 'vacant', '2026-01-01'), (2, 1, 'A102', 6000, 5000, 10, 'leased', NULL),"
    "  (3, 1, 'A103', 3000, 2500, 11, 'vacant', NULL), (4, 2, 'B201', 24000, 20000, 11, 'leased', NULL);"
    "INSERT INTO tenants (id, code, name, category_id) VALUES (1, 'T1', 'Alpha', 10), (2, 'T2', 'Beta', NULL);"
    "INSERT INTO contracts (id, code, tenant_id, brand_id, state, model, start_date, end_date, terminated_on,"
    "  monthly_rent, created_at) VALUES"
    "  (1, 'C1', 1, NULL, 'active', 'fixed', '2024-01-01', '2027-12-31', NULL, 150000, '2024-01-01'),"
    "  (2, 'C2', 2, 1, 'active', 'fixed', '2025-01-01', '2027-12-31', NULL, 600000, '2025-01-01'),"
    "  (3, 'C0', 1, NULL, 'expired', 'fixed', '2022-01-01', '2025-06-30', NULL, 123456, '2022-01-01'),"
    "  (4, 'C3', 2, NULL, 'terminated', 'fixed', '2020-01-01', '2024-12-31', '2023-03-31', 50001, '2020-01-01');"
    "INSERT INTO contract_units (contract_id, unit_id, area) VALUES (1, 2, 5000), (2, 4, 20000), (3, 1, 10000), (4, 3, 2500);",
    error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("plaza-units-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->path = g_build_filename (f->dir, "units.db", NULL);
  f->store = plaza_store_open (f->path, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (plaza_store_write (f->store, insert_mall, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (plaza_date_parse ("2026-11-27", &f->today));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  plaza_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static gint64
unit_id (Fixture    *f,
         const char *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaUnit) unit = plaza_unit_find (f->store, code, &error);

  g_assert_no_error (error);
  return unit->id;
}

static void
test_create_edit (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaUnit) unit = NULL;
  g_autoptr(GPtrArray) floors = NULL;
  PlazaUnit fresh = { 0 };
  gint64 floor_id;
  gint64 id;

  floor_id = plaza_floor_create (f->store, "3F", 3, 150000, &error);
  g_assert_no_error (error);
  g_assert_cmpint (floor_id, >, 2);
  g_assert_cmpint (plaza_floor_create (f->store, "1F", 9, 0, &error), ==, 0);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  floors = plaza_floors_list (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (floors->len, ==, 3);
  g_assert_cmpstr (((PlazaFloor *) g_ptr_array_index (floors, 2))->label, ==, "3F");
  g_clear_pointer (&floors, g_ptr_array_unref);
  floors = plaza_unit_categories (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (floors->len, ==, 2);
  g_assert_cmpstr (((PlazaUnitCategory *) g_ptr_array_index (floors, 1))->name, ==, "Food");

  fresh.floor_id = floor_id;
  fresh.code = (char *) "C301";
  fresh.gross_area = 9999;
  fresh.rentable_area = 10000;
  g_assert_cmpint (plaza_unit_create (f->store, &fresh, &error), ==, 0);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  fresh.gross_area = 10000;
  fresh.code = (char *) "A101";
  g_assert_cmpint (plaza_unit_create (f->store, &fresh, &error), ==, 0);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  fresh.code = (char *) "C301";
  fresh.rentable_area = 0;
  g_assert_cmpint (plaza_unit_create (f->store, &fresh, &error), ==, 0);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  fresh.rentable_area = 8000;
  fresh.planned_category_id = 11;
  id = plaza_unit_create (f->store, &fresh, &error);
  g_assert_no_error (error);
  unit = plaza_unit_get (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (unit->code, ==, "C301");
  g_assert_cmpstr (unit->floor_label, ==, "3F");
  g_assert_cmpstr (unit->planned_category, ==, "Food");
  g_assert_cmpstr (unit->status, ==, "vacant");
  g_assert_nonnull (unit->vacant_since);
  g_assert_cmpint (unit->rev, ==, 1);

  /* Edit: resize and reserve; a stale rev is refused. */
  unit->rentable_area = 9000;
  g_free (unit->status);
  unit->status = g_strdup ("reserved");
  g_assert_true (plaza_unit_update (f->store, unit, "2026-11-27", &error));
  g_assert_no_error (error);
  g_assert_false (plaza_unit_update (f->store, unit, "2026-11-27", &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT rentable_area FROM units WHERE code = 'C301'"), ==, 9000);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT COUNT (*) FROM unit_history WHERE kind = 'resize'"), ==, 1);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT COUNT (*) FROM unit_history WHERE kind = 'status'"), ==, 1);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT COUNT (*) FROM change_log WHERE entity = 'units'"), ==, 2);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT COUNT (*) FROM change_log WHERE entity = 'floors'"), ==, 1);
}

static void
test_split (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(PlazaUnit) a = NULL;
  g_autoptr(PlazaUnit) p = NULL;
  g_autoptr(GPtrArray) history = NULL;
  gint64 a101 = unit_id (f, "A101");
  /* 120 = 70 + 50 gross, 100 = 60 + 40 rentable */
  PlazaUnitPart parts[] = { { "A101-1", 7000, 6000 }, { "A101-2", 5000, 4000 } };
  PlazaUnitPart bad_sum[] = { { "A101-1", 7000, 6000 }, { "A101-2", 5000, 4001 } };
  PlazaUnitPart bad_part[] = { { "A101-1", 5000, 6000 }, { "A101-2", 7000, 4000 } };
  PlazaUnitPart taken[] = { { "A101-1", 7000, 6000 }, { "A103", 5000, 4000 } };
  PlazaUnitPart twice[] = { { "A101-1", 7000, 6000 }, { "A101-1", 5000, 4000 } };
  PlazaUnitPart leased[] = { { "A102-1", 3000, 2500 }, { "A102-2", 3000, 2500 } };
  gint64 units_before = plaza_test_count (f->store, "SELECT COUNT (*) FROM units");
  PlazaUnitEvent *e;

  g_assert_false (plaza_unit_split (f->store, a101, 1, bad_sum, 2, "2026-11-27", ids, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (plaza_unit_split (f->store, a101, 1, bad_part, 2, "2026-11-27", ids, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (plaza_unit_split (f->store, a101, 1, taken, 2, "2026-11-27", ids, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (plaza_unit_split (f->store, a101, 1, twice, 2, "2026-11-27", ids, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (plaza_unit_split (f->store, a101, 1, parts, 1, "2026-11-27", ids, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (plaza_unit_split (f->store, a101, 7, parts, 2, "2026-11-27", ids, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  /* A102 is under the active C1. */
  g_assert_false (plaza_unit_split (f->store, unit_id (f, "A102"), 1, leased, 2, "2026-11-27", ids, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT COUNT (*) FROM units"), ==, units_before);
  g_assert_cmpuint (ids->len, ==, 0);

  g_assert_true (plaza_unit_split (f->store, a101, 1, parts, 2, "2026-11-27", ids, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 2);
  a = plaza_unit_get (f->store, a101, &error);
  g_assert_cmpstr (a->status, ==, "retired");
  p = plaza_unit_get (f->store, g_array_index (ids, gint64, 1), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (p->code, ==, "A101-2");
  g_assert_cmpint (p->gross_area, ==, 5000);
  g_assert_cmpint (p->rentable_area, ==, 4000);
  g_assert_cmpint (p->floor_id, ==, 1);
  g_assert_cmpint (p->planned_category_id, ==, 10);
  g_assert_cmpstr (p->status, ==, "vacant");
  g_assert_cmpstr (p->vacant_since, ==, "2026-01-01");
  g_assert_cmpint (p->parent_unit_id, ==, a101);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT SUM (rentable_area) FROM units WHERE parent_unit_id = 1"), ==, 10000);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT SUM (gross_area) FROM units WHERE parent_unit_id = 1"), ==, 12000);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT COUNT (*) FROM unit_history WHERE kind = 'split' AND unit_id = 1"), ==, 2);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT COUNT (*) FROM unit_history WHERE kind = 'split' AND related_id = 1"), ==, 2);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT COUNT (*) FROM change_log WHERE entity = 'units'"), ==, 3);
  /* A retired unit is not split again. */
  g_assert_false (plaza_unit_split (f->store, a101, -1, parts, 2, "2026-11-27", NULL, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A101's history: its contract C0 (2022), then the two splits. */
  history = plaza_unit_history (f->store, a101, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 3);
  e = g_ptr_array_index (history, 0);
  g_assert_cmpint (e->kind, ==, PLAZA_UNIT_EVENT_CONTRACT);
  g_assert_cmpstr (e->contract_code, ==, "C0");
  g_assert_cmpstr (e->tenant_name, ==, "Alpha");
  g_assert_cmpstr (e->end_date, ==, "2025-06-30");
  e = g_ptr_array_index (history, 2);
  g_assert_cmpint (e->kind, ==, PLAZA_UNIT_EVENT_SPLIT);
  g_assert_cmpstr (e->date, ==, "2026-11-27");
  g_assert_cmpstr (e->related_code, ==, "A101-2");
}

static void
test_merge (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaUnit) m = NULL;
  g_autoptr(GPtrArray) history = NULL;
  PlazaUnitPart parts[] = { { "A101-1", 7000, 6000 }, { "A101-2", 5000, 4000 } };
  gint64 ids[2];
  gint64 merged;

  g_assert_true (plaza_unit_split (f->store, unit_id (f, "A101"), 1, parts, 2, "2026-11-01", NULL, &error));
  g_assert_no_error (error);
  /* 1F now reads A101-1, A101-2, A102, A103: A101-1 and A103 are not neighbours. */
  ids[0] = unit_id (f, "A101-1");
  ids[1] = unit_id (f, "A103");
  g_assert_cmpint (plaza_unit_merge (f->store, ids, NULL, 2, "X", "2026-11-27", &error), ==, 0);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* A102 is let. */
  ids[0] = unit_id (f, "A102");
  g_assert_cmpint (plaza_unit_merge (f->store, ids, NULL, 2, "X", "2026-11-27", &error), ==, 0);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* Different floors. */
  ids[0] = unit_id (f, "A103");
  ids[1] = unit_id (f, "B201");
  g_assert_cmpint (plaza_unit_merge (f->store, ids, NULL, 2, "X", "2026-11-27", &error), ==, 0);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* The code is taken; a retired unit cannot be merged. */
  ids[0] = unit_id (f, "A101-2");
  ids[1] = unit_id (f, "A101-1");
  g_assert_cmpint (plaza_unit_merge (f->store, ids, NULL, 2, "A102", "2026-11-27", &error), ==, 0);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  ids[1] = unit_id (f, "A101");
  g_assert_cmpint (plaza_unit_merge (f->store, ids, NULL, 2, "X", "2026-11-27", &error), ==, 0);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT COUNT (*) FROM unit_history WHERE kind = 'merge'"), ==, 0);

  ids[1] = unit_id (f, "A101-1");
  merged = plaza_unit_merge (f->store, ids, (gint64[]) { 1, 1 }, 2, "A101M", "2026-11-27", &error);
  g_assert_no_error (error);
  m = plaza_unit_get (f->store, merged, &error);
  g_assert_cmpint (m->gross_area, ==, 12000);
  g_assert_cmpint (m->rentable_area, ==, 10000);
  g_assert_cmpint (m->planned_category_id, ==, 10);
  g_assert_cmpstr (m->status, ==, "vacant");
  g_assert_cmpstr (m->vacant_since, ==, "2026-11-27");
  g_assert_cmpint (m->floor_id, ==, 1);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT COUNT (*) FROM units WHERE status = 'retired'"), ==, 3);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT COUNT (*) FROM unit_history WHERE kind = 'merge'"), ==, 4);
  history = plaza_unit_history (f->store, merged, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpint (((PlazaUnitEvent *) g_ptr_array_index (history, 0))->kind, ==, PLAZA_UNIT_EVENT_MERGE);
  g_assert_cmpstr (((PlazaUnitEvent *) g_ptr_array_index (history, 0))->related_code, ==, "A101-2");
  g_assert_cmpstr (((PlazaUnitEvent *) g_ptr_array_index (history, 1))->related_code, ==, "A101-1");
  /* The floor's rentable area is unchanged: 100 + 50 + 25 m². */
  g_assert_cmpint (plaza_test_count (f->store, "SELECT SUM (rentable_area) FROM units WHERE floor_id = 1 AND status <> 'retired'"), ==, 17500);
}

static void
test_vacancy (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = plaza_units_vacancy (f->store, &f->today, &error);
  PlazaVacancyRow *r;

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  r = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (r->code, ==, "A103");
  g_assert_cmpstr (r->vacant_since, ==, "2023-03-31");
  g_assert_true (r->has_days);
  g_assert_cmpint (r->days_vacant, ==, 1337);
  g_assert_true (r->has_last_rent);
  g_assert_cmpint (r->last_rent_per_m2, ==, 2000);
  g_assert_cmpstr (r->last_contract_code, ==, "C3");
  g_assert_cmpstr (r->planned_category, ==, "Food");
  r = g_ptr_array_index (rows, 1);
  g_assert_cmpstr (r->code, ==, "A101");
  g_assert_cmpstr (r->floor_label, ==, "1F");
  g_assert_cmpint (r->rentable_area, ==, 10000);
  g_assert_cmpstr (r->vacant_since, ==, "2026-01-01");
  g_assert_cmpint (r->days_vacant, ==, 330);
  g_assert_cmpint (r->last_rent_per_m2, ==, 1235);
}

static void
test_zoning (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) floors = plaza_zoning_plan_vs_actual (f->store, &f->today, &error);
  g_autoptr(PlazaChart) chart = NULL;
  PlazaZoningFloor *one;
  PlazaZoningRow *r;
  gint64 v;

  g_assert_no_error (error);
  g_assert_cmpuint (floors->len, ==, 2);
  one = g_ptr_array_index (floors, 0);
  g_assert_cmpstr (one->floor_label, ==, "1F");
  g_assert_cmpint (one->rentable_area, ==, 17500);
  g_assert_cmpint (one->let_area, ==, 5000);
  g_assert_cmpuint (one->rows->len, ==, 2);
  r = g_ptr_array_index (one->rows, 0);
  g_assert_cmpstr (r->category, ==, "Fashion");
  g_assert_cmpint (r->planned_area, ==, 15000);
  g_assert_cmpint (r->let_area, ==, 5000);
  r = g_ptr_array_index (one->rows, 1);
  g_assert_cmpstr (r->category, ==, "Food");
  g_assert_cmpint (r->planned_area, ==, 2500);
  g_assert_cmpint (r->let_area, ==, 0);
  /* 2F: Beta has no category; the contract's brand Cafe is Food. */
  r = g_ptr_array_index (((PlazaZoningFloor *) g_ptr_array_index (floors, 1))->rows, 0);
  g_assert_cmpint (r->category_id, ==, 11);
  g_assert_cmpint (r->planned_area, ==, 20000);
  g_assert_cmpint (r->let_area, ==, 20000);

  chart = plaza_zoning_chart (f->store, 0, &f->today, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plaza_chart_get_kind (chart), ==, PLAZA_CHART_BAR);
  g_assert_cmpuint (plaza_chart_get_n_series (chart), ==, 2);
  g_assert_cmpuint (plaza_chart_get_n_categories (chart), ==, 2);
  g_assert_cmpstr (plaza_chart_get_category_label (chart, 1), ==, "Food");
  g_assert_true (plaza_chart_get_value (chart, 0, 1, &v));
  g_assert_cmpint (v, ==, 22500);
  g_assert_true (plaza_chart_get_value (chart, 1, 1, &v));
  g_assert_cmpint (v, ==, 20000);
  g_assert_true (plaza_chart_get_value (chart, 1, 0, &v));
  g_assert_cmpint (v, ==, 5000);
  g_clear_pointer (&chart, plaza_chart_free);
  chart = plaza_zoning_chart (f->store, 2, &f->today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plaza_chart_get_n_categories (chart), ==, 1);
  g_assert_null (plaza_zoning_chart (f->store, 99, &f->today, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND);
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out2 = NULL;
  g_autofree char *err2 = NULL;
  g_autofree char *out3 = NULL;
  g_autofree char *err3 = NULL;
  g_autofree char *out4 = NULL;
  g_autofree char *err4 = NULL;
  g_autofree char *out5 = NULL;
  g_autofree char *err5 = NULL;
  const char *zoning[] = { "units", "zoning", f->path, "--today", "2026-11-27", NULL };
  const char *vacancy[] = { "units", "vacancy", f->path, "--today", "2026-11-27", NULL };
  const char *bad[] = { "units", "split", f->path, "A101", "--into", "A101-1:70:60,A101-2:50:41", NULL };
  const char *split[] = { "units", "split", f->path, "A101", "--into", "A101-1:70:60,A101-2:50:40",
                          "--date", "2026-11-27", NULL };
  const char *merge[] = { "units", "merge", f->path, "A101-1", "A101-2", "--code", "A101M",
                          "--date", "2026-11-27", NULL };

  g_clear_object (&f->store);
  g_assert_cmpint (plaza_test_run_plazactl (vacancy, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==,
                   "unit,floor,rentable_area,planned_category,vacant_since,days_vacant,last_contract,last_rent_per_m2\n"
                   "A103,1F,25.00,Food,2023-03-31,1337,C3,20.00\n"
                   "A101,1F,100.00,Fashion,2026-01-01,330,C0,12.35\n");
  g_assert_cmpint (plaza_test_run_plazactl (bad, &out2, &err2), ==, 1);
  g_assert_nonnull (strstr (err2, "units:"));
  g_assert_cmpint (strchr (err2, '\n') - err2, ==, (int) strlen (err2) - 1);
  g_assert_cmpint (plaza_test_run_plazactl (split, &out3, &err3), ==, 0);
  g_assert_cmpstr (out3, ==, "Split A101 into A101-1, A101-2\n");
  g_assert_cmpint (plaza_test_run_plazactl (merge, &out4, &err4), ==, 0);
  g_assert_cmpstr (out4, ==, "Merged A101-1, A101-2 into A101M\n");
  g_assert_cmpint (plaza_test_run_plazactl (zoning, &out5, &err5), ==, 0);
  g_assert_cmpstr (out5, ==,
                   "floor,category,planned_area,let_area\n"
                   "1F,Fashion,150.00,50.00\n"
                   "1F,Food,25.00,0.00\n"
                   "2F,Food,200.00,200.00\n");
}

/* A small demo: the plan covers every unit not retired, the chart agrees
 * with the data, and a vacant unit splits in half. */
static void
test_demo (void)
{
  g_autofree char *dir = g_dir_make_tmp ("plaza-units-demo-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GPtrArray) floors = NULL;
  g_autoptr(GPtrArray) vacancy = NULL;
  g_autoptr(PlazaChart) chart = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  PlazaVacancyRow *first;
  gint64 planned = 0;
  gint64 let = 0;
  gint64 chart_let = 0;
  GDate today;

  g_assert_true (plaza_date_parse ("2026-11-27", &today));
  store = plaza_store_open (path, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (plaza_demo_generate (store, 7, PLAZA_DEMO_SMALL, &today, &error));
  g_assert_no_error (error);
  floors = plaza_zoning_plan_vs_actual (store, &today, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < floors->len; i++)
    {
      PlazaZoningFloor *fl = g_ptr_array_index (floors, i);

      for (guint j = 0; j < fl->rows->len; j++)
        {
          planned += ((PlazaZoningRow *) g_ptr_array_index (fl->rows, j))->planned_area;
          let += ((PlazaZoningRow *) g_ptr_array_index (fl->rows, j))->let_area;
        }
    }
  g_assert_cmpint (planned, ==, plaza_test_count (store, "SELECT SUM (rentable_area) FROM units WHERE status <> 'retired'"));
  g_assert_cmpint (let, >, 0);
  g_assert_cmpint (let, <=, planned);
  chart = plaza_zoning_chart (store, 0, &today, &error);
  g_assert_no_error (error);
  for (guint c = 0; c < plaza_chart_get_n_categories (chart); c++)
    {
      gint64 v = 0;

      plaza_chart_get_value (chart, 1, c, &v);
      chart_let += v;
    }
  g_assert_cmpint (chart_let, ==, let);

  vacancy = plaza_units_vacancy (store, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpint (vacancy->len, ==, plaza_test_count (store, "SELECT COUNT (*) FROM units WHERE status = 'vacant'"));
  if (vacancy->len > 0)
    {
      g_autoptr(PlazaUnit) unit = NULL;
      PlazaUnitPart parts[2];
      g_autofree char *c1 = NULL;
      g_autofree char *c2 = NULL;

      first = g_ptr_array_index (vacancy, 0);
      unit = plaza_unit_get (store, first->unit_id, &error);
      g_assert_no_error (error);
      c1 = g_strdup_printf ("%s-A", unit->code);
      c2 = g_strdup_printf ("%s-B", unit->code);
      parts[0] = (PlazaUnitPart) { c1, unit->gross_area / 2, unit->rentable_area / 2 };
      parts[1] = (PlazaUnitPart) { c2, unit->gross_area - unit->gross_area / 2,
                                   unit->rentable_area - unit->rentable_area / 2 };
      if (plaza_unit_split (store, unit->id, unit->rev, parts, 2, "2026-11-27", ids, &error))
        g_assert_cmpuint (ids->len, ==, 2);
      else  /* a unit with a draft contract on it may not split */
        g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
    }
  g_clear_object (&store);
  plaza_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/units/create-edit", Fixture, NULL, fixture_set_up, test_create_edit, fixture_tear_down);
  g_test_add ("/units/split", Fixture, NULL, fixture_set_up, test_split, fixture_tear_down);
  g_test_add ("/units/merge", Fixture, NULL, fixture_set_up, test_merge, fixture_tear_down);
  g_test_add ("/units/vacancy", Fixture, NULL, fixture_set_up, test_vacancy, fixture_tear_down);
  g_test_add ("/units/zoning", Fixture, NULL, fixture_set_up, test_zoning, fixture_tear_down);
  g_test_add ("/units/cli", Fixture, NULL, fixture_set_up, test_cli, fixture_tear_down);
  g_test_add_func ("/units/demo", test_demo);
  return g_test_run ();
}
