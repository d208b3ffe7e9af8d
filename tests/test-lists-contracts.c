/* test-lists-contracts.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The contracts list on a small demo made with today's date: "Monthly
 * Rent" is the rent now (plaza_contract_rent_now) for active contracts and
 * the stored indicative figure for the others and for terms the engine
 * refuses; "Floor" names the floors of the units, lowest level first.
 */

#define G_LOG_DOMAIN "plaza-test"

#include "config.h"

#include <string.h>

#include "plaza-contract-schedule.h"
#include "plaza-list-query.h"
#include "test-util.h"

typedef struct
{
  char       *dir;
  PlazaStore *store;
  char       *today;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *path = NULL;
  int status;

  f->dir = g_dir_make_tmp ("plaza-lists-contracts-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "mall.db", NULL);
  f->today = g_date_time_format (now, "%Y-%m-%d");
  {
    const char *argv[] = { g_getenv ("PLAZACTL"), "demo", path, "--size", "small", "--today", f->today, NULL };

    g_assert_nonnull (argv[0]);
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  f->store = plaza_store_open (path, PLAZA_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data G_GNUC_UNUSED)
{
  g_assert_finalize_object (f->store);
  plaza_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->today);
}

static void
collect_cb (GPtrArray *records,
            gpointer   user_data)
{
  GPtrArray *all = user_data;

  for (guint i = 0; i < records->len; i++)
    g_ptr_array_add (all, g_object_ref (g_ptr_array_index (records, i)));
  g_ptr_array_unref (records);
}

static GPtrArray *
load (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *all = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert_true (plaza_list_query_run (f->store, PLAZA_LIST_CONTRACTS, 7, collect_cb, all, NULL, &error));
  g_assert_no_error (error);
  return all;
}

static guint
column (const char *id)
{
  const PlazaColumn *columns;
  guint n;

  columns = plaza_list_get_columns (PLAZA_LIST_CONTRACTS, &n);
  for (guint i = 0; i < n; i++)
    if (strcmp (columns[i].id, id) == 0)
      return i;
  g_assert_not_reached ();
  return 0;
}

static PlazaRecord *
find (GPtrArray *all,
      gint64     id)
{
  for (guint i = 0; i < all->len; i++)
    if (plaza_record_get_id (all->pdata[i]) == id)
      return all->pdata[i];
  g_assert_not_reached ();
  return NULL;
}

static gint64
stored_rent (PlazaStore *store,
             gint64      id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT monthly_rent FROM contracts WHERE id = %lld", (long long) id);

  return plaza_test_count (store, sql);
}

static void
test_rent_now (Fixture       *f,
               gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GPtrArray) all = load (f);
  guint state_col = column ("state"), rent_col = column ("monthly_rent");
  guint n_active = 0, n_other = 0;

  g_assert_cmpint (all->len, ==, plaza_test_count (f->store, "SELECT COUNT (*) FROM contracts"));
  for (guint i = 0; i < all->len; i++)
    {
      PlazaRecord *record = all->pdata[i];
      gint64 id = plaza_record_get_id (record);
      g_autoptr(GError) error = NULL;
      gint64 rent = -1;

      if (g_strcmp0 (plaza_record_get_text (record, state_col), "active") == 0)
        {
          g_assert_true (plaza_contract_rent_now (f->store, id, f->today, &rent, &error));
          g_assert_no_error (error);
          n_active++;
        }
      else
        {
          rent = stored_rent (f->store, id);
          n_other++;
        }
      g_assert_cmpint (plaza_record_get_int (record, rent_col), ==, rent);
    }
  g_assert_cmpuint (n_active, >, 0);
  g_assert_cmpuint (n_other, >, 0);
}

/* Terms the engine refuses: the list still loads, with the stored figure. */
static void
test_rent_fallback (Fixture       *f,
                    gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  gint64 id = plaza_test_count (f->store, "SELECT MIN (id) FROM contracts WHERE state = 'active'");
  gint64 rent = 0;

  g_assert_cmpint (id, >, 0);
  g_assert_true (plaza_store_exec (f->store, "UPDATE contracts SET terms_json = '{\"model\": \"nonsense\"}'"
                                             " WHERE id = (SELECT MIN (id) FROM contracts WHERE state = 'active')",
                                   &error));
  g_assert_no_error (error);
  g_assert_false (plaza_contract_rent_now (f->store, id, f->today, &rent, &error));
  g_assert_nonnull (error);
  all = load (f);
  g_assert_cmpint (stored_rent (f->store, id), >, 0);
  g_assert_cmpint (plaza_record_get_int (find (all, id), column ("monthly_rent")), ==, stored_rent (f->store, id));
}

static void
test_floors (Fixture       *f,
             gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  gint64 id = plaza_test_count (f->store, "SELECT MIN (id) FROM contracts WHERE state = 'active'");
  guint floor_col = column ("floor");
  g_autofree char *sql = NULL;

  /* A second unit on a basement floor for one contract. */
  sql = g_strdup_printf ("INSERT INTO floors (project_id, label, level)"
                         "  SELECT project_id, 'B1', -1 FROM floors LIMIT 1;"
                         "INSERT INTO units (floor_id, code, gross_area, rentable_area)"
                         "  SELECT id, 'T-B101', 6000, 5000 FROM floors WHERE label = 'B1';"
                         "INSERT INTO contract_units (contract_id, unit_id, area)"
                         "  SELECT %lld, id, 5000 FROM units WHERE code = 'T-B101';",
                         (long long) id);
  g_assert_true (plaza_store_exec (f->store, sql, &error));
  g_assert_no_error (error);

  all = load (f);
  for (guint i = 0; i < all->len; i++)
    {
      PlazaRecord *record = all->pdata[i];
      const char *floors = plaza_record_get_text (record, floor_col);

      if (plaza_record_get_id (record) == id)
        g_assert_cmpstr (floors, ==, "B1, 1F");
      else
        g_assert_cmpstr (floors, ==, "1F");   /* the small demo's one floor */
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/lists/contracts/rent-now", Fixture, NULL, fixture_set_up, test_rent_now, fixture_tear_down);
  g_test_add ("/lists/contracts/rent-fallback", Fixture, NULL, fixture_set_up, test_rent_fallback,
              fixture_tear_down);
  g_test_add ("/lists/contracts/floors", Fixture, NULL, fixture_set_up, test_floors, fixture_tear_down);
  return g_test_run ();
}
