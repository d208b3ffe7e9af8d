/* test-gui-units.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Units page on a medium demo mall made with today's date: the vacancy
 * view shows plaza_units_vacancy's rows, most days vacant first; a vacant
 * unit opened from the page splits in two through its window's Split…
 * dialog (the prefilled equal parts) and the database then has the two new
 * units, with the original's areas, and the original retired; the two
 * parts merge back into one unit through the first part's window; the zoning
 * chart's planned and let area per category equal plaza_zoning_chart's,
 * for the whole mall and for one floor.
 */

#define G_LOG_DOMAIN "plaza-test"

#include "config.h"

#include <adwaita.h>

#include "plaza-record.h"
#include "plaza-unit-window.h"
#include "plaza-units-page.h"
#include "plaza-window.h"
#include "plaza-zoning.h"
#include "test-gui-util.h"
#include "test-util.h"

static gboolean
window_opened (gpointer data)
{
  return !plaza_window_get_busy (data) && plaza_window_get_path (data) != NULL;
}

static gboolean
vacancy_loaded (gpointer data)
{
  return !plaza_units_page_get_busy (data) && plaza_units_page_get_vacancy (data) != NULL;
}

static gboolean
chart_loaded (gpointer data)
{
  return !plaza_units_page_get_busy (data) && plaza_units_page_get_chart (data) != NULL;
}

static gboolean
unit_loaded (gpointer data)
{
  return !plaza_unit_window_get_busy (data) && plaza_unit_window_get_unit (data) != NULL
    && plaza_unit_window_get_history (data) != NULL;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

static void
changed_cb (PlazaUnitWindow *window G_GNUC_UNUSED,
            gpointer         user_data)
{
  *(gboolean *) user_data = TRUE;
}

static gint64
count (PlazaStore *store,
       const char *format,
       ...) G_GNUC_PRINTF (2, 3);

static gint64
count (PlazaStore *store,
       const char *format,
       ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return plaza_test_count (store, sql);
}

/* The page's chart against core's, category by category (by key). */
static void
assert_same_chart (PlazaChart *shown,
                   PlazaChart *core)
{
  gint64 let_total = 0;

  g_assert_cmpuint (plaza_chart_get_n_categories (shown), ==, plaza_chart_get_n_categories (core));
  for (guint c = 0; c < plaza_chart_get_n_categories (core); c++)
    {
      gint64 a = -1, b = -2;

      g_assert_cmpstr (plaza_chart_get_category_key (shown, c), ==, plaza_chart_get_category_key (core, c));
      for (guint s = 0; s < 2; s++)
        {
          g_assert_true (plaza_chart_get_value (shown, s, c, &a));
          g_assert_true (plaza_chart_get_value (core, s, c, &b));
          g_assert_cmpint (a, ==, b);
          if (s == 1)
            let_total += a;
        }
    }
  g_assert_cmpint (let_total, >, 0);
}

static void
test_units_page (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("plaza-gui-units-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "mall.db", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today_text = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GPtrArray) vacancy = NULL;
  g_autoptr(GPtrArray) floors = NULL;
  g_autoptr(PlazaChart) core_chart = NULL;
  g_autoptr(PlazaChart) floor_chart = NULL;
  g_autofree char *code = NULL;
  PlazaWindow *window;
  PlazaUnitsPage *page;
  PlazaUnitWindow *unit_window;
  GtkWindow *dialog;
  GListModel *model;
  GDate today;
  gint64 unit_id = 0;
  gint64 gross, rentable;
  gboolean changed = FALSE;

  g_assert_no_error (error);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, (GDateDay) g_date_time_get_day_of_month (now), (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
  g_assert_cmpint (plaza_test_run_plazactl ((const char *[]) { "demo", path, "--size", "medium",
                                                               "--today", today_text, NULL }, NULL, NULL), ==, 0);
  store = plaza_store_open (path, PLAZA_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);

  window = plaza_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  plaza_window_open (window, path, PLAZA_STORE_OPEN_DEFAULT);
  plaza_test_spin_until (window_opened, window, "the database to open");
  g_assert_true (plaza_window_set_page (window, "units"));
  page = PLAZA_UNITS_PAGE (plaza_window_get_page_widget (window, "units"));
  g_assert_cmpstr (plaza_units_page_get_view (page), ==, "list");
  g_assert_false (plaza_units_page_set_view (page, "nowhere"));

  /* Vacancy: core's rows, most days vacant first. */
  g_assert_true (plaza_units_page_set_view (page, "vacancy"));
  plaza_test_spin_until (vacancy_loaded, page, "the vacancy list");
  vacancy = plaza_units_vacancy (store, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vacancy->len, >, 0);
  g_assert_cmpuint (plaza_units_page_get_vacancy (page)->len, ==, vacancy->len);
  model = plaza_units_page_get_vacancy_model (page);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, vacancy->len);
  {
    g_autoptr(PlazaRecord) first = g_list_model_get_item (model, 0);
    g_autoptr(PlazaRecord) last = g_list_model_get_item (model, vacancy->len - 1);

    g_assert_cmpint (plaza_record_get_int (first, 7), >=, plaza_record_get_int (last, 7));
  }

  /* A vacant unit under no open contract splits through its window. */
  for (guint i = 0; i < vacancy->len && unit_id == 0; i++)
    {
      PlazaVacancyRow *row = g_ptr_array_index (vacancy, i);

      if (count (store, "SELECT COUNT(*) FROM contract_units cu JOIN contracts c ON c.id = cu.contract_id"
                        " WHERE cu.unit_id = %lld AND c.state IN ('draft', 'submitted', 'approved', 'active')",
                 (long long) row->unit_id) == 0)
        {
          unit_id = row->unit_id;
          code = g_strdup (row->code);
        }
    }
  g_assert_cmpint (unit_id, >, 0);
  gross = count (store, "SELECT gross_area FROM units WHERE id = %lld", (long long) unit_id);
  rentable = count (store, "SELECT rentable_area FROM units WHERE id = %lld", (long long) unit_id);
  unit_window = g_object_ref (plaza_units_page_open_unit (page, unit_id));
  plaza_test_spin_until (unit_loaded, unit_window, "the unit");
  g_assert_cmpstr (plaza_unit_window_get_unit (unit_window)->code, ==, code);
  g_signal_connect (unit_window, "changed", G_CALLBACK (changed_cb), &changed);
  plaza_test_shoot (GTK_WIDGET (unit_window), "unit-window");
  dialog = plaza_unit_window_open_split (unit_window);
  plaza_test_shoot (GTK_WIDGET (dialog), "unit-split");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "split");
  plaza_test_spin_until (flag_set, &changed, "the split");
  g_assert_cmpuint (plaza_unit_window_get_new_ids (unit_window)->len, ==, 2);
  g_assert_cmpstr (count (store, "SELECT status = 'retired' FROM units WHERE id = %lld", (long long) unit_id) ? "retired" : "",
                   ==, "retired");
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM units WHERE parent_unit_id = %lld AND status = 'vacant'"
                                 " AND code IN ('%s-1', '%s-2')", (long long) unit_id, code, code), ==, 2);
  g_assert_cmpint (count (store, "SELECT SUM(gross_area) FROM units WHERE parent_unit_id = %lld", (long long) unit_id),
                   ==, gross);
  g_assert_cmpint (count (store, "SELECT SUM(rentable_area) FROM units WHERE parent_unit_id = %lld",
                          (long long) unit_id), ==, rentable);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM unit_history WHERE unit_id = %lld AND kind = 'split'",
                          (long long) unit_id), ==, 2);
  {
    gint64 first = g_array_index (plaza_unit_window_get_new_ids (unit_window), gint64, 0);
    gint64 second = g_array_index (plaza_unit_window_get_new_ids (unit_window), gint64, 1);
    g_autofree char *merged = g_strdup_printf ("%sM", code);

    g_object_unref (unit_window);
    /* The two parts merge back (under a new code) through the first's window. */
    changed = FALSE;
    unit_window = g_object_ref (plaza_units_page_open_unit (page, first));
    plaza_test_spin_until (unit_loaded, unit_window, "the first part");
    g_assert_cmpuint (plaza_unit_window_get_history (unit_window)->len, ==, 1);
    g_signal_connect (unit_window, "changed", G_CALLBACK (changed_cb), &changed);
    plaza_unit_window_merge (unit_window, second, merged);
    plaza_test_spin_until (flag_set, &changed, "the merge");
    g_assert_cmpint (count (store, "SELECT COUNT(*) FROM units WHERE id IN (%lld, %lld) AND status = 'retired'",
                            (long long) first, (long long) second), ==, 2);
    g_assert_cmpint (count (store, "SELECT rentable_area FROM units WHERE code = '%s' AND status = 'vacant'", merged),
                     ==, rentable);
    g_assert_cmpint (count (store, "SELECT gross_area FROM units WHERE code = '%s'", merged), ==, gross);
    g_object_unref (unit_window);
  }

  /* Zoning: the chart is core's, for the mall and for one floor. */
  g_assert_true (plaza_units_page_set_view (page, "zoning"));
  plaza_test_spin_until (chart_loaded, page, "the zoning chart");
  core_chart = plaza_zoning_chart (store, 0, &today, &error);
  g_assert_no_error (error);
  assert_same_chart (plaza_units_page_get_chart (page), core_chart);
  floors = plaza_floors_list (store, &error);
  g_assert_no_error (error);
  plaza_units_page_set_floor (page, ((PlazaFloor *) g_ptr_array_index (floors, 0))->id);
  g_assert_true (plaza_units_page_get_busy (page));
  plaza_test_spin_until (chart_loaded, page, "the floor's zoning chart");
  floor_chart = plaza_zoning_chart (store, ((PlazaFloor *) g_ptr_array_index (floors, 0))->id, &today, &error);
  g_assert_no_error (error);
  assert_same_chart (plaza_units_page_get_chart (page), floor_chart);

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  plaza_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/gui/units/page", test_units_page);
  return g_test_run ();
}
