/* test-gui-tenant-window.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tenant window on a medium demo made for today: a tenant with
 * contracts, sales and arrears shows what plaza_tenant_view_load says
 * (section counts, the arrears total, a twelve-month trend); opening it
 * again presents the same window; its first contract opens a contract
 * window; a tenant with an unusual day (plaza_sales_anomalies over the
 * last 90 days) lists it; a new tenant opens on its archive alone.
 * From the main window, a Tenants row and a tenant code open it too.
 */

#define G_LOG_DOMAIN "plaza-test"

#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "plaza-arrears.h"
#include "plaza-contract-detail.h"
#include "plaza-date.h"
#include "plaza-demo.h"
#include "plaza-fitout-window.h"
#include "plaza-money.h"
#include "plaza-sales.h"
#include "plaza-tenant-view.h"
#include "plaza-tenant-window-private.h"
#include "plaza-window.h"
#include "plaza-worker.h"
#include "test-util.h"

#define TIMEOUT_S 120
#include "test-gui-util.h"

static gboolean
window_idle (gpointer data)
{
  return !plaza_tenant_window_get_busy (data) && plaza_tenant_window_get_view (data) != NULL;
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (plaza_worker_open_finish (PLAZA_WORKER (source), result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static gboolean
window_opened (gpointer data)
{
  return !plaza_window_get_busy (data) && plaza_window_get_path (data) != NULL;
}

/* The tenant window for @id among the toplevels, or NULL. */
static PlazaTenantWindow *
find_tenant_window (gint64 id)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (PLAZA_IS_TENANT_WINDOW (l->data) && plaza_tenant_window_get_id (l->data) == id)
      return l->data;
  return NULL;
}

static gboolean
tenant_window_shown (gpointer data)
{
  PlazaTenantWindow *window = find_tenant_window (*(gint64 *) data);

  return window != NULL && window_idle (window);
}

static GtkWindow *
find_fitout_window (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (PLAZA_IS_FITOUT_WINDOW (l->data))
      return l->data;
  return NULL;
}

static gboolean
fitout_created (gpointer data)
{
  return plaza_test_count (data, "SELECT COUNT (*) FROM fitouts") > 0;
}

static gboolean
fitout_listed (gpointer data)
{
  return window_idle (data) && plaza_tenant_window_count_rows (data, "fitouts") > 0;
}

static guint
count_contract_windows (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
  guint n = 0;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (PLAZA_IS_CONTRACT_DETAIL (l->data))
      n++;
  return n;
}

/* Checks @window against the view core loads itself. */
static void
check_sections (PlazaStore        *store,
                PlazaTenantWindow *window,
                const char        *today)
{
  g_autoptr(PlazaTenantView) view = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *total = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  PlazaChart *chart;

  g_assert_true (plaza_tenant_view_load (store, plaza_tenant_window_get_id (window), today, &view, &error));
  g_test_message ("tenant %lld loaded in %.0f ms", (long long) plaza_tenant_window_get_id (window),
                  g_timer_elapsed (timer, NULL) * 1000);
  g_assert_no_error (error);
  g_assert_cmpuint (plaza_tenant_window_count_rows (window, "contracts"), ==, view->contracts->len);
  g_assert_cmpuint (plaza_tenant_window_count_rows (window, "units"), ==, view->units->len);
  g_assert_cmpuint (plaza_tenant_window_count_rows (window, "promotions"), ==, MIN (view->promotions->len, 8));
  g_assert_cmpuint (plaza_tenant_window_count_rows (window, "anomalies"), ==, view->anomalies->len);
  g_assert_cmpuint (plaza_tenant_window_count_rows (window, "fitouts"), ==, view->fitouts->len);
  g_assert_cmpuint (plaza_tenant_window_count_rows (window, "complaints"), ==, view->complaints->len);
  total = plaza_money_format (view->arrears != NULL ? view->arrears->total : 0, TRUE);
  g_assert_cmpstr (plaza_tenant_window_get_arrears_text (window), ==, total);
  chart = plaza_chart_view_get_chart (plaza_tenant_window_get_chart (window));
  g_assert_nonnull (chart);
  g_assert_cmpuint (plaza_chart_get_n_categories (chart), ==, 12);
  g_assert_cmpstr (plaza_chart_get_category_key (chart, 11), ==, view->health_month);
}

static void
test_tenant_window (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("plaza-gui-tenant-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "mall.db", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today_text = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(GDateTime) from_time = g_date_time_add_days (now, -(PLAZA_TENANT_ANOMALY_DAYS - 1));
  g_autofree char *from = g_date_time_format (from_time, "%Y-%m-%d");
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(PlazaWorker) worker = NULL;
  g_autoptr(GPtrArray) arrears = NULL;
  g_autoptr(GPtrArray) anomalies = NULL;
  g_autofree char *anomaly_text = NULL;
  PlazaTenantWindow *window, *again, *other, *fresh;
  PlazaSalesAnomaly *anomaly = NULL;
  gint64 rich = 0;
  guint contract_windows;
  GDate today;
  gboolean opened = FALSE;

  g_assert_no_error (error);
  g_assert_true (plaza_date_parse (today_text, &today));
  store = plaza_store_open (path, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (plaza_demo_generate (store, 1, PLAZA_DEMO_MEDIUM, &today, &error));
  g_assert_no_error (error);

  /* A tenant that owes, trades under an active contract and has sales. */
  g_assert_true (plaza_arrears_aging_with_fees (store, today_text, &arrears, &error));
  for (guint i = 0; i < arrears->len && rich == 0; i++)
    {
      PlazaArrearsRow *row = g_ptr_array_index (arrears, i);
      g_autofree char *sql = NULL;

      if (row->tenant_id == 0 || row->total <= 0)
        continue;
      sql = g_strdup_printf ("SELECT COUNT (*) FROM contracts c JOIN contract_units cu ON cu.contract_id = c.id"
                             " JOIN sales_monthly s ON s.unit_id = cu.unit_id"
                             " WHERE c.tenant_id = %lld AND c.state = 'active'", (long long) row->tenant_id);
      if (plaza_test_count (store, sql) > 0)
        rich = row->tenant_id;
    }
  g_assert_cmpint (rich, >, 0);

  worker = plaza_worker_new ();
  plaza_worker_open_async (worker, path, PLAZA_STORE_OPEN_DEFAULT, NULL, opened_cb, &opened);
  plaza_test_spin_until (flag_set, &opened, "the worker to open the database");

  window = plaza_tenant_window_open (NULL, worker, rich);
  plaza_test_spin_until (window_idle, window, "the tenant to load");
  g_assert_cmpuint (plaza_tenant_window_count_rows (window, "contracts"), >, 0);
  g_assert_cmpstr (plaza_tenant_window_get_arrears_text (window), !=, "¥0.00");
  check_sections (store, window, today_text);

  /* Opening it again presents the same window. */
  again = plaza_tenant_window_open (NULL, worker, rich);
  g_assert_true (again == window);

  /* Its first contract opens in a contract window. */
  contract_windows = count_contract_windows ();
  plaza_tenant_window_activate_contract (window, 0);
  g_assert_cmpuint (count_contract_windows (), ==, contract_windows + 1);

  /* A tenant with an unusual day lists it. */
  g_assert_true (plaza_sales_anomalies (store, from, today_text, 0, &anomalies, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < anomalies->len && anomaly == NULL; i++)
    if (((PlazaSalesAnomaly *) g_ptr_array_index (anomalies, i))->tenant_id > 0)
      anomaly = g_ptr_array_index (anomalies, i);
  if (anomaly == NULL)
    g_error ("the demo planted no anomaly of a tenant in the last 90 days");
  g_test_message ("anomaly of tenant %lld: %s", (long long) anomaly->tenant_id, anomaly->message);
  other = plaza_tenant_window_open (NULL, worker, anomaly->tenant_id);
  plaza_test_spin_until (window_idle, other, "the tenant with an anomaly to load");
  g_assert_cmpuint (plaza_tenant_window_count_rows (other, "anomalies"), >, 0);
  anomaly_text = plaza_tenant_window_dup_section_text (other, "anomalies");
  g_assert_nonnull (strstr (anomaly_text, anomaly->message));
  check_sections (store, other, today_text);

  /* A new tenant: nothing to load, the archive alone. */
  fresh = plaza_tenant_window_open (NULL, worker, 0);
  g_assert_false (plaza_tenant_window_get_busy (fresh));
  g_assert_cmpint (plaza_tenant_window_get_id (fresh), ==, 0);
  g_assert_null (plaza_tenant_window_get_view (fresh));
  g_assert_true (plaza_tenant_window_open (NULL, worker, 0) != fresh);
  /* Nothing typed: closing does not ask. */
  g_object_add_weak_pointer (G_OBJECT (fresh), (gpointer *) &fresh);
  gtk_window_close (GTK_WINDOW (fresh));
  plaza_test_spin_until (is_null, &fresh, "the new tenant's window to close");

  {
    g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

    for (GList *l = toplevels; l != NULL; l = l->next)
      gtk_window_destroy (l->data);
  }
  g_clear_object (&worker);
  g_clear_object (&store);
  plaza_test_remove_tree (dir);
}

/* From the main window: a Tenants row opens the tenant's window over it,
 * whose contract opens through plaza_window_open_contract, and
 * plaza --tenant CODE (plaza_tenant_window_open_code) finds a tenant by code. */
static void
test_from_main_window (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("plaza-gui-tenant-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "mall.db", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today_text = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(PlazaStore) store = NULL;
  PlazaWindow *window;
  PlazaTenantWindow *tenant;
  GtkWindow *fitout;
  GtkWidget *page;
  gint64 id, other;
  guint contract_windows;
  GDate today;

  g_assert_no_error (error);
  g_assert_true (plaza_date_parse (today_text, &today));
  store = plaza_store_open (path, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (plaza_demo_generate (store, 3, PLAZA_DEMO_SMALL, &today, &error));
  g_assert_no_error (error);
  id = plaza_test_count (store, "SELECT MIN (tenant_id) FROM contracts WHERE state = 'active'");
  other = plaza_test_count (store, "SELECT MAX (tenant_id) FROM contracts WHERE state = 'active'");
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (other, !=, id);

  window = plaza_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  plaza_window_open (window, path, PLAZA_STORE_OPEN_DEFAULT);
  plaza_test_spin_until (window_opened, window, "the database to open");

  page = plaza_window_get_page_widget (window, "tenants");
  g_signal_emit_by_name (page, "row-activated", id);
  plaza_test_spin_until (tenant_window_shown, &id, "the tenant window from the Tenants list");
  tenant = find_tenant_window (id);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (tenant)) == GTK_WINDOW (window));
  g_assert_cmpuint (plaza_tenant_window_count_rows (tenant, "contracts"), >, 0);
  check_sections (store, tenant, today_text);

  contract_windows = count_contract_windows ();
  plaza_tenant_window_activate_contract (tenant, 0);
  g_assert_cmpuint (count_contract_windows (), ==, contract_windows + 1);

  /* Its fit-out button opens the fit-out window (creating the fit-out);
   * closing that loads the tenant again, with the fit-out listed. */
  g_assert_true (plaza_tenant_window_click_fitout (tenant));
  fitout = find_fitout_window ();
  g_assert_nonnull (fitout);
  plaza_test_spin_until (fitout_created, store, "the fit-out to be written");
  gtk_window_destroy (fitout);
  plaza_test_spin_until (fitout_listed, tenant, "the tenant to load again with its fit-out");
  check_sections (store, tenant, today_text);

  {
    g_autofree char *sql = g_strdup_printf ("SELECT code FROM tenants WHERE id = %lld", (long long) other);
    g_autoptr(sqlite3_stmt) stmt = plaza_store_prepare (store, sql, &error);

    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    plaza_tenant_window_open_code (GTK_WINDOW (window), (const char *) sqlite3_column_text (stmt, 0));
  }
  plaza_test_spin_until (tenant_window_shown, &other, "the tenant window from its code");

  {
    g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

    for (GList *l = toplevels; l != NULL; l = l->next)
      gtk_window_destroy (l->data);
  }
  g_clear_object (&store);
  plaza_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/gui/tenant-window/sections-anomaly-new", test_tenant_window);
  g_test_add_func ("/gui/tenant-window/from-main-window", test_from_main_window);
  return g_test_run ();
}
