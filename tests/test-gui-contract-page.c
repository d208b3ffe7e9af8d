/* test-gui-contract-page.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The contracts page and the overview on a small demo mall made with
 * today's date: the filter bar narrows the rows by state, floor and end
 * date (with the search on top, and the count saying "N of M rows"), the
 * monthly rent of an active contract is its rent now, and the overview
 * lists the contracts ending soon, each opening its contract.
 */

#define G_LOG_DOMAIN "plaza-test"

#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "plaza-contract-alerts.h"
#include "plaza-contract-detail.h"
#include "plaza-contract-filter.h"
#include "plaza-contract-schedule.h"
#include "plaza-list-page.h"
#include "plaza-overview-page.h"
#include "plaza-window.h"
#include "test-gui-util.h"
#include "test-util.h"


static gboolean
window_opened (gpointer data)
{
  return !plaza_window_get_busy (data) && plaza_window_get_path (data) != NULL;
}

static gboolean
page_loaded (gpointer data)
{
  return !plaza_list_page_get_loading (data) && plaza_list_page_get_n_rows (data) > 0;
}

static gboolean
alerts_loaded (gpointer data)
{
  return plaza_overview_page_get_alerts (data) != NULL;
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

/* The page's count label: the label whose text ends in "rows" or "row". */
static const char *
count_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    {
      const char *text = gtk_label_get_label (GTK_LABEL (widget));

      if (g_str_has_suffix (text, " rows") || g_str_has_suffix (text, " row"))
        return text;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *found = count_text (child);

      if (found != NULL)
        return found;
    }
  return NULL;
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

static void
detail_cb (PlazaOverviewPage *page G_GNUC_UNUSED,
           gint64             id,
           gint64            *out)
{
  *out = id;
}

static void
test_page_and_overview (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("plaza-gui-contract-page-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "mall.db", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GPtrArray) expected_alerts = NULL;
  g_auto(GStrv) floors = NULL;
  g_autofree char *expected_count = NULL;
  PlazaWindow *window;
  PlazaListPage *page;
  PlazaContractFilter *filter;
  PlazaOverviewPage *overview;
  GPtrArray *alerts;
  gint64 n_all, n_active, n_floor, n_floor_active, n_90, n_45, opened = 0;
  guint state_col = column ("state"), rent_col = column ("monthly_rent"), floor_col = column ("floor");
  guint checked = 0;

  g_assert_no_error (error);
  {
    const char *argv[] = { g_getenv ("PLAZACTL"), "demo", path, "--size", "small", "--today", today, NULL };
    int status;

    g_assert_nonnull (argv[0]);
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  /* The small demo has one floor: move one leased unit up to a new 2F. */
  store = plaza_store_open (path, PLAZA_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (plaza_store_exec (store, "INSERT INTO floors (project_id, label, level)"
                                          " SELECT project_id, '2F', 2 FROM floors ORDER BY level DESC LIMIT 1;"
                                          "UPDATE units SET floor_id = (SELECT id FROM floors WHERE label = '2F')"
                                          " WHERE id = (SELECT MIN (unit_id) FROM contract_units);", &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  store = plaza_store_open (path, PLAZA_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);

  window = plaza_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  plaza_window_open (window, path, PLAZA_STORE_OPEN_DEFAULT);
  plaza_test_spin_until (window_opened, window, "the database to open");

  /* ---- the overview: contracts ending soon ---- */
  overview = PLAZA_OVERVIEW_PAGE (plaza_window_get_page_widget (window, "overview"));
  plaza_test_spin_until (alerts_loaded, overview, "the contract alerts");
  alerts = plaza_overview_page_get_alerts (overview);
  g_assert_true (plaza_contract_alerts (store, today, NULL, 0, &expected_alerts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (alerts->len, ==, expected_alerts->len);
  g_assert_cmpuint (alerts->len, >, 0);
  for (guint i = 0; i < alerts->len; i++)
    {
      PlazaContractAlert *a = alerts->pdata[i];
      PlazaContractAlert *b = expected_alerts->pdata[i];

      g_assert_cmpstr (a->code, ==, b->code);
      g_assert_cmpuint (a->days_left, ==, b->days_left);
      g_assert_cmpuint (a->window, ==, b->window);
      if (a->kind == PLAZA_CONTRACT_ALERT_EXPIRY)
        g_assert_true (a->window == 30 || a->window == 60 || a->window == 90);
    }
  /* The demo made today has contracts ending within 90 days. */
  g_assert_cmpint (count (store, "SELECT COUNT (*) FROM contracts WHERE state = 'active'"
                                 " AND end_date BETWEEN '%s' AND date ('%s', '+90 days')", today, today), >, 0);
  g_assert_nonnull (find_widget (GTK_WIDGET (overview), ADW_TYPE_ACTION_ROW));

  g_signal_connect (overview, "contract-activated", G_CALLBACK (detail_cb), &opened);
  plaza_overview_page_activate_alert (overview, 0);
  g_assert_cmpint (opened, ==, ((PlazaContractAlert *) alerts->pdata[0])->contract_id);
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    PlazaContractDetail *detail = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

        if (PLAZA_IS_CONTRACT_DETAIL (w))
          detail = PLAZA_CONTRACT_DETAIL (w);
      }
    g_assert_nonnull (detail);
    gtk_window_destroy (GTK_WINDOW (detail));
  }

  /* ---- the contracts page ---- */
  g_assert_true (plaza_window_set_page (window, "contracts"));
  page = PLAZA_LIST_PAGE (plaza_window_get_page_widget (window, "contracts"));
  plaza_list_page_ensure_loaded (page);
  plaza_test_spin_until (page_loaded, page, "the contracts");
  filter = PLAZA_CONTRACT_FILTER (find_widget (GTK_WIDGET (page), PLAZA_TYPE_CONTRACT_FILTER));
  g_assert_nonnull (filter);

  n_all = count (store, "SELECT COUNT (*) FROM contracts");
  g_assert_cmpuint (plaza_list_page_get_n_rows (page), ==, n_all);
  g_assert_cmpuint (plaza_list_page_get_n_visible (page), ==, n_all);

  /* Rent now: the schedule's base rent of this month for active contracts. */
  for (guint i = 0; i < plaza_list_page_get_n_visible (page); i++)
    {
      g_autoptr(PlazaRecord) record = plaza_list_page_get_visible (page, i);
      gint64 rent = -1;

      if (g_strcmp0 (plaza_record_get_text (record, state_col), "active") != 0)
        continue;
      g_assert_true (plaza_contract_rent_now (store, plaza_record_get_id (record), today, &rent, &error));
      g_assert_no_error (error);
      g_assert_cmpint (plaza_record_get_int (record, rent_col), ==, rent);
      g_assert_nonnull (plaza_record_get_text (record, floor_col));
      checked++;
    }
  g_assert_cmpuint (checked, >, 0);

  /* State. */
  n_active = count (store, "SELECT COUNT (*) FROM contracts WHERE state = 'active'");
  g_assert_cmpint (n_active, >, 0);
  g_assert_cmpint (n_active, <, n_all);
  plaza_contract_filter_set_state (filter, "active");
  g_assert_cmpuint (plaza_list_page_get_n_visible (page), ==, n_active);
  expected_count = g_strdup_printf ("%u of %u rows", (guint) n_active, (guint) n_all);
  g_assert_cmpstr (count_text (GTK_WIDGET (page)), ==, expected_count);

  /* Floor, with the state. */
  floors = plaza_contract_filter_dup_floors (filter);
  g_assert_cmpuint (g_strv_length (floors), ==,
                    count (store, "SELECT COUNT (DISTINCT u.floor_id) FROM contract_units cu"
                                  " JOIN units u ON u.id = cu.unit_id"));
  g_assert_cmpuint (g_strv_length (floors), >=, 2);
  g_assert_cmpstr (floors[g_strv_length (floors) - 1], ==, "2F");   /* ordered by level */
  n_floor = count (store, "SELECT COUNT (DISTINCT cu.contract_id) FROM contract_units cu"
                          " JOIN units u ON u.id = cu.unit_id JOIN floors f ON f.id = u.floor_id"
                          " WHERE f.label = '%s'", floors[g_strv_length (floors) - 1]);
  n_floor_active = count (store, "SELECT COUNT (DISTINCT cu.contract_id) FROM contract_units cu"
                                 " JOIN units u ON u.id = cu.unit_id JOIN floors f ON f.id = u.floor_id"
                                 " JOIN contracts c ON c.id = cu.contract_id"
                                 " WHERE f.label = '%s' AND c.state = 'active'", floors[g_strv_length (floors) - 1]);
  g_assert_true (plaza_contract_filter_set_floor (filter, floors[g_strv_length (floors) - 1]));
  g_assert_cmpuint (plaza_list_page_get_n_visible (page), ==, n_floor_active);
  plaza_contract_filter_set_state (filter, NULL);
  g_assert_cmpuint (plaza_list_page_get_n_visible (page), ==, n_floor);
  g_assert_cmpint (n_floor, <, n_all);
  g_assert_false (plaza_contract_filter_set_floor (filter, "no such floor"));
  g_assert_true (plaza_contract_filter_set_floor (filter, NULL));
  g_assert_cmpuint (plaza_list_page_get_n_visible (page), ==, n_all);

  /* Ending within 90 days, and a custom 45. */
  n_90 = count (store, "SELECT COUNT (*) FROM contracts WHERE state = 'active'"
                       " AND end_date BETWEEN '%s' AND date ('%s', '+90 days')", today, today);
  n_45 = count (store, "SELECT COUNT (*) FROM contracts WHERE state = 'active'"
                       " AND end_date BETWEEN '%s' AND date ('%s', '+45 days')", today, today);
  plaza_contract_filter_set_expiring_within (filter, 90);
  g_assert_cmpuint (plaza_list_page_get_n_visible (page), ==, n_90);
  g_assert_cmpint (n_90, >, 0);
  plaza_contract_filter_set_expiring_within (filter, 45);
  g_assert_cmpuint (plaza_list_page_get_n_visible (page), ==, n_45);
  plaza_contract_filter_set_expiring_within (filter, 90);

  /* The search narrows further: a code of one of the rows shown. */
  {
    g_autoptr(PlazaRecord) first = plaza_list_page_get_visible (page, 0);
    const char *code = plaza_record_get_text (first, column ("code"));

    plaza_list_page_set_search (page, code);
    g_assert_cmpuint (plaza_list_page_get_n_visible (page), >=, 1);
    g_assert_cmpuint (plaza_list_page_get_n_visible (page), <=, n_90);
    plaza_list_page_set_search (page, "no contract has this text");
    g_assert_cmpuint (plaza_list_page_get_n_visible (page), ==, 0);
    plaza_list_page_set_search (page, NULL);
  }
  plaza_contract_filter_set_expiring_within (filter, 0);
  g_assert_cmpuint (plaza_list_page_get_n_visible (page), ==, n_all);
  g_clear_pointer (&expected_count, g_free);
  expected_count = g_strdup_printf ("%u rows", (guint) n_all);
  g_assert_cmpstr (count_text (GTK_WIDGET (page)), ==, expected_count);

  /* A reload keeps the filters working on the new rows. */
  plaza_contract_filter_set_state (filter, "active");
  plaza_list_page_reload (page);
  plaza_test_spin_until (page_loaded, page, "the contracts again");
  g_assert_cmpuint (plaza_list_page_get_n_visible (page), ==, n_active);

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  plaza_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  /* The count label is checked in English. */
  g_setenv ("LANGUAGE", "C", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/gui/contract-page/filters-rent-alerts", test_page_and_overview);
  return g_test_run ();
}
