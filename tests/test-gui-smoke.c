/* test-gui-smoke.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens a small demo mall in the window, visits every page, and checks that
 * the lists fill, that search narrows and sorting reorders, and that the
 * window goes away when closed. test-gui-slow.c runs the same on a slowed
 * store (PLAZA_IO_DELAY_MS).
 */

#define G_LOG_DOMAIN "plaza-test"

#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>

#include "plaza-analytics-page.h"
#include "plaza-billing-page.h"
#include "plaza-leasing-page.h"
#include "plaza-promotions-page.h"
#include "plaza-review-page.h"
#include "plaza-chart.h"
#include "plaza-list-page.h"
#include "plaza-overview-page.h"
#include "plaza-units-page.h"
#include "plaza-window.h"
#include "test-gui-util.h"
#include "test-util.h"


typedef struct
{
  char *dir;
  char *path;
} Fixture;

static gboolean
window_opened (gpointer data)
{
  PlazaWindow *window = data;
  return !plaza_window_get_busy (window) && plaza_window_get_path (window) != NULL;
}

static gboolean
list_loaded (gpointer data)
{
  return !plaza_list_page_get_loading (data) && plaza_list_page_get_n_rows (data) > 0;
}

static gboolean
overview_loaded (gpointer data)
{
  return !plaza_overview_page_get_loading (data) && plaza_overview_page_get_overview (data) != NULL;
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  const char *plazactl = g_getenv ("PLAZACTL");
  int status = 0;

  fixture->dir = g_dir_make_tmp ("plaza-gui-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "mall.db", NULL);

  /* In another process, so the IO delay of test-gui-slow only slows the GUI. */
  g_assert_nonnull (plazactl);
  {
    const char *argv[] = { plazactl, "demo", fixture->path, "--size", "small", NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    char **envp = g_environ_unsetenv (g_get_environ (), "PLAZA_IO_DELAY_MS");

    g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
    g_strfreev (envp);
    g_assert_no_error (error);
    if (!g_spawn_check_wait_status (status, &error))
      g_error ("plazactl demo failed: %s\n%s", error->message, err);
  }
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_IS_REGULAR));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data G_GNUC_UNUSED)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (fixture->dir, name, NULL);
      g_unlink (file);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static PlazaWindow *
open_window (Fixture *fixture)
{
  PlazaWindow *window = plaza_window_new (NULL);

  gtk_window_present (GTK_WINDOW (window));
  plaza_window_open (window, fixture->path, PLAZA_STORE_OPEN_DEFAULT);
  plaza_test_spin_until (window_opened, window, "the database to open");
  g_assert_cmpstr (plaza_window_get_path (window), ==, fixture->path);
  return window;
}

static void
close_window (PlazaWindow *window)
{
  gpointer weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_destroy (GTK_WINDOW (window));
  plaza_test_spin_until (is_null, &weak, "the window to be finalized");
}

static guint
find_column (PlazaListKind  kind,
             const char    *id)
{
  const PlazaColumn *columns;
  guint n;

  columns = plaza_list_get_columns (kind, &n);
  for (guint i = 0; i < n; i++)
    if (g_str_equal (columns[i].id, id))
      return i;
  g_error ("No column %s", id);
}

static gboolean
chart_loaded (gpointer data)
{
  return plaza_analytics_page_get_chart (data) != NULL;
}

static gboolean
leasing_loaded (gpointer data)
{
  return !plaza_leasing_page_get_loading (data) && plaza_leasing_page_get_n_cards (data, PLAZA_PROSPECT_CONTACT) > 0;
}

static gboolean
review_loaded (gpointer data)
{
  return plaza_review_page_get_loaded (data);
}

static void
test_every_page (Fixture       *fixture,
                 gconstpointer  user_data G_GNUC_UNUSED)
{
  PlazaWindow *window = open_window (fixture);
  const char * const *names = plaza_window_get_page_names ();

  g_assert_cmpuint (g_strv_length ((char **) names), ==, 10);
  for (guint i = 0; names[i] != NULL; i++)
    {
      GtkWidget *page = plaza_window_get_page_widget (window, names[i]);

      g_test_message ("page %s", names[i]);
      g_assert_true (plaza_window_set_page (window, names[i]));
      g_assert_cmpstr (plaza_window_get_page (window), ==, names[i]);
      g_assert_true (gtk_widget_get_parent (page) != NULL);
      g_assert_true (gtk_stack_get_visible_child (GTK_STACK (gtk_widget_get_parent (page))) == page);

      if (PLAZA_IS_OVERVIEW_PAGE (page))
        {
          const PlazaOverview *o;

          plaza_test_spin_until (overview_loaded, page, "the overview");
          o = plaza_overview_page_get_overview (PLAZA_OVERVIEW_PAGE (page));
          g_assert_cmpint (o->units_total, >, 0);
          g_assert_cmpint (o->units_vacant, <=, o->units_total);
          g_assert_cmpint (o->contracts_active, >, 0);
        }
      else if (PLAZA_IS_ANALYTICS_PAGE (page))
        {
          PlazaChart *chart;

          plaza_test_spin_until (chart_loaded, page, "the analytics chart");
          chart = plaza_analytics_page_get_chart (PLAZA_ANALYTICS_PAGE (page));
          g_assert_cmpuint (plaza_chart_get_n_categories (chart), >, 0);
        }
      else if (PLAZA_IS_PROMOTIONS_PAGE (page))
        {
          /* the list view first; the calendar and timeline have their own test */
          PlazaListPage *list = plaza_promotions_page_get_list (PLAZA_PROMOTIONS_PAGE (page));

          g_assert_cmpstr (plaza_promotions_page_get_view (PLAZA_PROMOTIONS_PAGE (page)), ==, "list");
          plaza_test_spin_until (list_loaded, list, names[i]);
          g_assert_cmpuint (plaza_list_page_get_n_rows (list), >, 0);
        }
      else if (PLAZA_IS_LEASING_PAGE (page))
        {
          /* the board first; the pipeline's walk has test-gui-leasing */
          g_assert_cmpstr (plaza_leasing_page_get_view (PLAZA_LEASING_PAGE (page)), ==, "board");
          plaza_test_spin_until (leasing_loaded, page, names[i]);
          g_assert_cmpuint (plaza_leasing_page_get_n_plan_units (PLAZA_LEASING_PAGE (page)), >, 0);
        }
      else if (PLAZA_IS_UNITS_PAGE (page))
        {
          /* the list view first; vacancy and zoning have test-gui-units */
          PlazaListPage *list = plaza_units_page_get_list (PLAZA_UNITS_PAGE (page));

          g_assert_cmpstr (plaza_units_page_get_view (PLAZA_UNITS_PAGE (page)), ==, "list");
          plaza_test_spin_until (list_loaded, list, names[i]);
          g_assert_cmpuint (plaza_list_page_get_n_rows (list), >, 0);
        }
      else if (PLAZA_IS_REVIEW_PAGE (page))
        {
          /* the last ended quarter, not built yet; test-gui-review builds one */
          plaza_test_spin_until (review_loaded, page, names[i]);
          g_assert_nonnull (plaza_review_page_get_quarter (PLAZA_REVIEW_PAGE (page)));
          g_assert_nonnull (plaza_review_page_get_rows (PLAZA_REVIEW_PAGE (page)));
        }
      else if (PLAZA_IS_BILLING_PAGE (page))
        {
          /* the bills view first; the other views have test-gui-billing */
          PlazaListPage *list = plaza_billing_page_get_bills (PLAZA_BILLING_PAGE (page));

          g_assert_cmpstr (plaza_billing_page_get_view (PLAZA_BILLING_PAGE (page)), ==, "bills");
          plaza_test_spin_until (list_loaded, list, names[i]);
          g_assert_cmpuint (plaza_list_page_get_n_rows (list), >, 0);
        }
      else
        {
          PlazaListPage *list = PLAZA_LIST_PAGE (page);

          plaza_test_spin_until (list_loaded, list, names[i]);
          g_assert_cmpuint (plaza_list_page_get_n_rows (list), >, 0);
          g_assert_cmpuint (plaza_list_page_get_n_visible (list), ==, plaza_list_page_get_n_rows (list));
        }
    }

  /* The keyboard way: win.show-page. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "contracts"));
  g_assert_cmpstr (plaza_window_get_page (window), ==, "contracts");
  /* "page:view", as the overview's Arrears and Vacant units cards ask. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "billing:arrears"));
  g_assert_cmpstr (plaza_window_get_page (window), ==, "billing");
  g_assert_cmpstr (plaza_billing_page_get_view (PLAZA_BILLING_PAGE (plaza_window_get_page_widget (window, "billing"))),
                   ==, "arrears");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "units:vacancy"));
  g_assert_cmpstr (plaza_units_page_get_view (PLAZA_UNITS_PAGE (plaza_window_get_page_widget (window, "units"))),
                   ==, "vacancy");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "contracts"));
  /* An unknown page changes nothing. */
  g_test_expect_message ("plaza", G_LOG_LEVEL_WARNING, "*No page called*");
  g_assert_false (plaza_window_set_page (window, "nowhere"));
  g_test_assert_expected_messages ();
  g_assert_cmpstr (plaza_window_get_page (window), ==, "contracts");

  close_window (window);
}

static void
test_search (Fixture       *fixture,
             gconstpointer  user_data G_GNUC_UNUSED)
{
  PlazaWindow *window = open_window (fixture);
  PlazaListPage *units;
  g_autoptr(PlazaRecord) first = NULL;
  g_autofree char *code = NULL;
  guint n_rows;

  plaza_window_set_page (window, "units");
  units = plaza_units_page_get_list (PLAZA_UNITS_PAGE (plaza_window_get_page_widget (window, "units")));
  plaza_test_spin_until (list_loaded, units, "units");
  n_rows = plaza_list_page_get_n_rows (units);
  g_assert_cmpuint (n_rows, >, 2);

  first = plaza_list_page_get_visible (units, 0);
  code = g_strdup (plaza_record_get_text (first, find_column (PLAZA_LIST_UNITS, "code")));
  g_assert_nonnull (code);

  /* A unit code matches that unit (and maybe a few like it), in any case. */
  plaza_list_page_set_search (units, code);
  g_assert_cmpuint (plaza_list_page_get_n_visible (units), >=, 1);
  g_assert_cmpuint (plaza_list_page_get_n_visible (units), <, n_rows);
  for (guint i = 0; i < plaza_list_page_get_n_visible (units); i++)
    {
      g_autoptr(PlazaRecord) record = plaza_list_page_get_visible (units, i);
      g_autofree char *needle = g_utf8_casefold (code, -1);
      g_assert_true (plaza_record_matches (record, needle));
    }

  /* Nothing matches. */
  plaza_list_page_set_search (units, "zzz-no-such-thing-zzz");
  g_assert_cmpuint (plaza_list_page_get_n_visible (units), ==, 0);

  /* Cleared: everything again. */
  plaza_list_page_set_search (units, "");
  g_assert_cmpuint (plaza_list_page_get_n_visible (units), ==, n_rows);

  /* win.search focuses the entry without trouble. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));

  close_window (window);
}

static void
test_sort (Fixture       *fixture,
           gconstpointer  user_data G_GNUC_UNUSED)
{
  PlazaWindow *window = open_window (fixture);
  PlazaListPage *units;
  guint area = find_column (PLAZA_LIST_UNITS, "gross_area");
  guint code = find_column (PLAZA_LIST_UNITS, "code");
  guint n;
  g_autoptr(PlazaRecord) asc_first = NULL;
  g_autoptr(PlazaRecord) desc_first = NULL;

  plaza_window_set_page (window, "units");
  units = plaza_units_page_get_list (PLAZA_UNITS_PAGE (plaza_window_get_page_widget (window, "units")));
  plaza_test_spin_until (list_loaded, units, "units");
  n = plaza_list_page_get_n_visible (units);

  plaza_list_page_sort_by (units, "gross_area", FALSE);
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(PlazaRecord) a = plaza_list_page_get_visible (units, i - 1);
      g_autoptr(PlazaRecord) b = plaza_list_page_get_visible (units, i);
      g_assert_cmpint (plaza_record_get_int (a, area), <=, plaza_record_get_int (b, area));
    }
  asc_first = plaza_list_page_get_visible (units, 0);

  plaza_list_page_sort_by (units, "gross_area", TRUE);
  desc_first = plaza_list_page_get_visible (units, 0);
  g_assert_cmpint (plaza_record_get_int (desc_first, area), >, plaza_record_get_int (asc_first, area));
  g_assert_true (asc_first != desc_first);

  /* Text sorts by collation: codes descending. */
  plaza_list_page_sort_by (units, "code", TRUE);
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(PlazaRecord) a = plaza_list_page_get_visible (units, i - 1);
      g_autoptr(PlazaRecord) b = plaza_list_page_get_visible (units, i);
      g_assert_cmpint (g_utf8_collate (plaza_record_get_text (a, code), plaza_record_get_text (b, code)), >=, 0);
    }

  close_window (window);
}

static void
test_missing_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("plaza-gui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "not-there.db", NULL);
  PlazaWindow *window = plaza_window_new (NULL);
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint before;

  gtk_window_present (GTK_WINDOW (window));
  before = g_list_model_get_n_items (toplevels);
  plaza_window_open (window, path, PLAZA_STORE_OPEN_DEFAULT);

  /* Not created, an error dialog shown, still on the welcome page. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (plaza_window_get_busy (window));
  g_assert_null (plaza_window_get_path (window));
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, before + 1);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (toplevel))
        gtk_window_destroy (toplevel);
    }

  close_window (window);
  g_rmdir (dir);
}

#ifndef PLAZA_GUI_TEST_IO_DELAY_MS
static char *data_home;

/* The welcome page's third button: a medium demo mall made in the user's
 * data folder the first time, opened as it is afterwards. */
static void
test_open_demo (void)
{
  g_autofree char *path = g_build_filename (data_home, "plaza", "demo.db", NULL);
  PlazaWindow *window = plaza_window_new (NULL);
  PlazaOverviewPage *overview;

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-demo", NULL);
  plaza_test_spin_until (window_opened, window, "the demo mall to be made");
  g_assert_cmpstr (plaza_window_get_path (window), ==, path);

  plaza_window_set_page (window, "overview");
  overview = PLAZA_OVERVIEW_PAGE (plaza_window_get_page_widget (window, "overview"));
  plaza_test_spin_until (overview_loaded, overview, "the overview");
  g_assert_cmpint (plaza_overview_page_get_overview (overview)->units_total, >=, 200);
  g_assert_cmpint (plaza_overview_page_get_overview (overview)->contracts_awaiting, >, 0);
  close_window (window);

  /* The second time the same file opens; nothing is made again. */
  window = plaza_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-demo", NULL);
  plaza_test_spin_until (window_opened, window, "the demo mall to open");
  g_assert_cmpstr (plaza_window_get_path (window), ==, path);
  close_window (window);
  {
    g_autoptr(PlazaStore) store = plaza_store_open (path, PLAZA_STORE_OPEN_READ_ONLY, NULL);

    g_assert_nonnull (store);
    g_assert_cmpint (plaza_test_count (store, "SELECT count(*) FROM change_log "
                                              "WHERE entity = 'unit' AND action = 'demo'"), ==, 1);
  }
}

#endif

int
main (int   argc,
      char *argv[])
{
#ifdef PLAZA_GUI_TEST_IO_DELAY_MS
  /* Read by the delay shim at the first open. */
  g_setenv ("PLAZA_IO_DELAY_MS", PLAZA_GUI_TEST_IO_DELAY_MS, TRUE);
#endif
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("NO_AT_BRIDGE", "1", TRUE);
#ifndef PLAZA_GUI_TEST_IO_DELAY_MS
  /* Before anything asks GLib for the user's data folder. */
  data_home = g_dir_make_tmp ("plaza-data-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
#endif

  g_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/gui/smoke/every-page", Fixture, NULL, fixture_set_up, test_every_page, fixture_tear_down);
  g_test_add ("/gui/smoke/search", Fixture, NULL, fixture_set_up, test_search, fixture_tear_down);
  g_test_add ("/gui/smoke/sort", Fixture, NULL, fixture_set_up, test_sort, fixture_tear_down);
  g_test_add_func ("/gui/smoke/missing-file", test_missing_file);
#ifndef PLAZA_GUI_TEST_IO_DELAY_MS
  g_test_add_func ("/gui/smoke/open-demo", test_open_demo);
  {
    int status = g_test_run ();
    plaza_test_remove_tree (data_home);
    g_free (data_home);
    return status;
  }
#else
  return g_test_run ();
#endif
}
