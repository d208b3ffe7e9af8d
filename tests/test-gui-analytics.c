/* test-gui-analytics.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The analytics page on a medium demo mall made with today's date: the
 * ranking by floor shows the same sales as plaza_kpi_compute (); a click on
 * a floor drills down to that floor's tenants, a click on a tenant to its
 * trend against last year, Backspace goes back up; "as table" lists the
 * chart's rows; the stacking plan has a row per floor.
 */

#define G_LOG_DOMAIN "plaza-test"

#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "charts/plaza-chart-view.h"
#include "plaza-analytics-export.h"
#include "plaza-analytics-page.h"
#include "plaza-analytics-query.h"
#include "plaza-analytics-table.h"
#include "plaza-kpi.h"
#include "plaza-window.h"
#include "test-gui-util.h"
#include "test-util.h"

static gboolean
window_opened (gpointer data)
{
  return !plaza_window_get_busy (data) && plaza_window_get_path (data) != NULL;
}

static gboolean
chart_loaded (gpointer data)
{
  return plaza_analytics_page_get_chart (data) != NULL;
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Waits for the load that @action starts: the page reports loading, then
 * a chart. */
static PlazaChart *
wait_chart (PlazaAnalyticsPage *page)
{
  plaza_test_spin_until (chart_loaded, page, "the chart");
  return plaza_analytics_page_get_chart (page);
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

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

static void
report_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (plaza_worker_run_finish (PLAZA_WORKER (source), result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

/* Periods end with the last complete month; January looks back to the
 * December before; a trend shows at least twelve months. */
static void
test_periods (void)
{
  GDate date;
  char from[8], to[8];
  g_auto(GStrv) months = NULL;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 27, G_DATE_NOVEMBER, 2026);
  plaza_analytics_period_months (PLAZA_ANALYTICS_LAST_MONTH, FALSE, &date, from, to);
  g_assert_cmpstr (from, ==, "2026-10");
  g_assert_cmpstr (to, ==, "2026-10");
  plaza_analytics_period_months (PLAZA_ANALYTICS_LAST_3_MONTHS, FALSE, &date, from, to);
  g_assert_cmpstr (from, ==, "2026-08");
  plaza_analytics_period_months (PLAZA_ANALYTICS_LAST_12_MONTHS, FALSE, &date, from, to);
  g_assert_cmpstr (from, ==, "2025-11");
  g_assert_cmpstr (to, ==, "2026-10");
  plaza_analytics_period_months (PLAZA_ANALYTICS_THIS_YEAR, FALSE, &date, from, to);
  g_assert_cmpstr (from, ==, "2026-01");
  plaza_analytics_period_months (PLAZA_ANALYTICS_THIS_YEAR, TRUE, &date, from, to);
  g_assert_cmpstr (from, ==, "2025-11");
  plaza_analytics_period_months (PLAZA_ANALYTICS_LAST_YEAR, FALSE, &date, from, to);
  g_assert_cmpstr (from, ==, "2025-01");
  g_assert_cmpstr (to, ==, "2025-12");

  g_date_set_dmy (&date, 5, G_DATE_JANUARY, 2027);
  plaza_analytics_period_months (PLAZA_ANALYTICS_LAST_MONTH, FALSE, &date, from, to);
  g_assert_cmpstr (from, ==, "2026-12");
  plaza_analytics_period_months (PLAZA_ANALYTICS_THIS_YEAR, FALSE, &date, from, to);
  g_assert_cmpstr (from, ==, "2026-01");
  g_assert_cmpstr (to, ==, "2026-12");

  months = plaza_analytics_report_months (&date);
  g_assert_cmpuint (g_strv_length (months), ==, 12);
  g_assert_cmpstr (months[0], ==, "2026-12");
  g_assert_cmpstr (months[11], ==, "2026-01");
}

static void
test_analytics_page (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("plaza-gui-analytics-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "mall.db", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(GDateTime) last = g_date_time_add_months (now, -1);
  g_autoptr(GDateTime) first = g_date_time_add_months (now, -12);
  g_autofree char *to_month = g_date_time_format (last, "%Y-%m");
  g_autofree char *from_month = g_date_time_format (first, "%Y-%m");
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  PlazaWindow *window;
  PlazaAnalyticsPage *page;
  PlazaChartView *view;
  PlazaChart *chart;
  g_autofree char *floor = NULL;
  gint64 floor_sales = 0, tenants_sales = 0;
  guint n_floors;

  g_assert_no_error (error);
  g_assert_cmpint (plaza_test_run_plazactl ((const char *[]) { "demo", path, "--size", "medium",
                                                               "--today", today, NULL }, NULL, NULL), ==, 0);
  store = plaza_store_open (path, PLAZA_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);

  window = plaza_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  plaza_window_open (window, path, PLAZA_STORE_OPEN_DEFAULT);
  plaza_test_spin_until (window_opened, window, "the database to open");
  g_assert_true (plaza_window_set_page (window, "analytics"));
  page = PLAZA_ANALYTICS_PAGE (plaza_window_get_page_widget (window, "analytics"));
  view = PLAZA_CHART_VIEW (find_widget (GTK_WIDGET (page), PLAZA_TYPE_CHART_VIEW));
  g_assert_nonnull (view);

  /* ---- the ranking by floor agrees with the measures ---- */
  chart = wait_chart (page);
  g_assert_cmpint (plaza_chart_get_kind (chart), ==, PLAZA_CHART_BAR);
  g_assert_true (plaza_kpi_compute (store, PLAZA_KPI_SALES, PLAZA_KPI_BY_FLOOR, from_month, to_month,
                                    &expected, &error));
  g_assert_no_error (error);
  n_floors = (guint) count (store, "SELECT COUNT (*) FROM floors");
  g_assert_cmpuint (n_floors, >, 3);
  g_assert_cmpuint (plaza_chart_get_n_categories (chart), ==, expected->len);
  for (guint c = 0; c < plaza_chart_get_n_categories (chart); c++)
    {
      gboolean found = FALSE;
      gint64 value = -1;

      g_assert_true (plaza_chart_get_value (chart, 0, c, &value));
      for (guint i = 0; i < expected->len; i++)
        {
          PlazaKpiRow *row = expected->pdata[i];

          if (strcmp (row->key, plaza_chart_get_category_key (chart, c)) == 0)
            {
              g_assert_cmpint (row->value, ==, value);
              found = TRUE;
            }
        }
      g_assert_true (found);
      if (c == 0)
        floor_sales = value;
      /* Largest first. */
      if (c > 0)
        {
          gint64 before;

          g_assert_true (plaza_chart_get_value (chart, 0, c - 1, &before));
          g_assert_cmpint (before, >=, value);
        }
    }
  floor = g_strdup (plaza_chart_get_category_key (chart, 0));

  /* ---- as a table: a row per bar ---- */
  gtk_widget_activate_action (GTK_WIDGET (page), "analytics.table", NULL);
  {
    PlazaAnalyticsTable *table = PLAZA_ANALYTICS_TABLE (find_widget (GTK_WIDGET (page),
                                                                     PLAZA_TYPE_ANALYTICS_TABLE));

    g_assert_cmpuint (plaza_analytics_table_get_n_rows (table), ==, plaza_chart_get_n_categories (chart));
    g_assert_true (gtk_widget_is_visible (GTK_WIDGET (table)));
  }
  gtk_widget_activate_action (GTK_WIDGET (page), "analytics.table", NULL);

  /* ---- drill down: the top floor's tenants ---- */
  g_signal_emit_by_name (view, "activated", 0, 0, -1, -1);
  chart = wait_chart (page);
  g_assert_cmpint (plaza_chart_get_kind (chart), ==, PLAZA_CHART_HBAR);
  g_assert_cmpuint (plaza_chart_get_n_categories (chart), >, 0);
  for (guint c = 0; c < plaza_chart_get_n_categories (chart); c++)
    {
      gint64 value = 0;

      plaza_chart_get_value (chart, 0, c, &value);
      tenants_sales += value;
      /* Every bar is a tenant with a contract on a unit of that floor. */
      g_assert_cmpint (count (store, "SELECT COUNT (*) FROM tenants t JOIN contracts c ON c.tenant_id = t.id"
                                     " JOIN contract_units cu ON cu.contract_id = c.id"
                                     " JOIN units u ON u.id = cu.unit_id JOIN floors f ON f.id = u.floor_id"
                                     " WHERE t.code = '%s' AND f.label = '%s'",
                              plaza_chart_get_category_key (chart, c), floor), >, 0);
    }
  g_assert_cmpint (tenants_sales, >, 0);
  g_assert_cmpint (tenants_sales, <=, floor_sales);

  /* ---- a tenant's trend, then back up ---- */
  g_signal_emit_by_name (view, "activated", 0, 0, -1, -1);
  chart = wait_chart (page);
  g_assert_cmpint (plaza_chart_get_kind (chart), ==, PLAZA_CHART_LINE);
  g_assert_cmpuint (plaza_chart_get_n_series (chart), >=, 2);
  g_assert_cmpuint (plaza_chart_get_n_categories (chart), ==, 12);
  gtk_widget_activate_action (GTK_WIDGET (page), "analytics.up", NULL);
  chart = wait_chart (page);
  g_assert_cmpint (plaza_chart_get_kind (chart), ==, PLAZA_CHART_HBAR);

  /* ---- the stacking plan, coloured by vacancy ---- */
  g_assert_true (plaza_analytics_page_show (page, "plan:vacancy"));
  chart = wait_chart (page);
  g_assert_cmpint (plaza_chart_get_kind (chart), ==, PLAZA_CHART_STACKING_PLAN);
  g_assert_false (plaza_analytics_page_show (page, "pie"));

  /* ---- the monthly report, written in the worker ---- */
  {
    g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
    g_autofree char *contents = NULL;
    gsize length = 0;
    gboolean done = FALSE;

    plaza_analytics_write_report (plaza_window_get_worker (window), to_month, pdf, report_done_cb, &done);
    plaza_test_spin_until (flag_set, &done, "the monthly report");
    g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
    g_assert_cmpuint (length, >, 1000);
    g_assert_true (g_str_has_prefix (contents, "%PDF"));
  }

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
  g_test_add_func ("/gui/analytics/periods", test_periods);
  g_test_add_func ("/gui/analytics/page", test_analytics_page);
  return g_test_run ();
}
