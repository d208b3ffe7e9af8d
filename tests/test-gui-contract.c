/* test-gui-contract.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drives the contract editor and detail on a small demo mall: no reason is
 * shown before a field is touched or Save is pressed; fills the terms with
 * two fee lines, checks that the live preview follows the rate, that the
 * chart skips month labels that would overlap, and that a bad field is
 * reported in words; saves a draft, then submits, approves, activates and
 * amends it from the detail window; the database must hold each step in
 * contract_events and change_log. Amends through the editor (prefilled
 * from the terms in force, a new rate from an effective date, approved:
 * the schedule changes from that month) and renews from a prefilled form.
 */

#define G_LOG_DOMAIN "plaza-test"

#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>

#include "plaza-contract.h"
#include "plaza-contract-detail.h"
#include "plaza-contract-editor.h"
#include "plaza-contract-schedule.h"
#include "plaza-rent.h"
#include "plaza-rent-preview.h"
#include "plaza-window.h"
#include "test-gui-util.h"
#include "test-util.h"


static gboolean
window_opened (gpointer data)
{
  return !plaza_window_get_busy (data) && plaza_window_get_path (data) != NULL;
}

static gboolean
editor_loaded (gpointer data)
{
  return !plaza_contract_editor_get_loading (data);
}

static gboolean
id_set (gpointer data)
{
  return *(gint64 *) data != 0;
}

static gboolean
detail_idle (gpointer data)
{
  return !plaza_contract_detail_get_busy (data) && plaza_contract_detail_get_view (data) != NULL;
}

static void
saved_cb (PlazaContractEditor *editor G_GNUC_UNUSED,
          gint64               id,
          gint64              *out)
{
  *out = id;
}

static PlazaContractEditor *
find_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  PlazaContractEditor *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (PLAZA_IS_CONTRACT_EDITOR (w))
        found = PLAZA_CONTRACT_EDITOR (w);
    }
  return found;
}

static void
check_field (PlazaContractEditor *editor,
             const char          *name,
             const char          *expected)
{
  g_autofree char *text = plaza_contract_editor_dup_field (editor, name);

  g_assert_cmpstr (text, ==, expected);
}

static gboolean
amendment_pending (gpointer data)
{
  const PlazaContractView *v = plaza_contract_detail_get_view (data);

  if (plaza_contract_detail_get_busy (data) || v == NULL)
    return FALSE;
  for (guint i = 0; i < v->events->len; i++)
    {
      const PlazaContractEvent *e = v->events->pdata[i];

      if (g_str_equal (e->kind, "amendment") && g_str_equal (e->state, "submitted"))
        return TRUE;
    }
  return FALSE;
}

static gint64
total_of (GArray *schedule,
          guint   i)
{
  return g_array_index (schedule, PlazaRentPeriod, i).total;
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

static void
run_step (PlazaContractDetail *detail,
          const char          *step,
          const char          *comment,
          const char          *date,
          const char          *terms,
          const char          *state)
{
  g_test_message ("step %s", step);
  g_assert_true (plaza_contract_detail_run_step (detail, step, comment, date, terms));
  plaza_test_spin_until (detail_idle, detail, step);
  g_assert_null (plaza_contract_detail_get_error (detail));
  g_assert_cmpstr (plaza_contract_detail_get_view (detail)->state, ==, state);
}

static void
test_editor_and_lifecycle (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("plaza-gui-contract-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "mall.db", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *start = g_date_time_format (now, "%Y-%m-01");
  g_autoptr(GDateTime) later = g_date_time_add_years (now, 3);
  g_autofree char *end = g_date_time_format (later, "%Y-%m-01");
  g_autoptr(GDateTime) next_year = g_date_time_add_years (now, 1);
  g_autofree char *effective = NULL;
  g_autoptr(PlazaStore) store = NULL;
  PlazaWindow *window;
  PlazaContractEditor *editor;
  PlazaContractDetail *detail;
  GArray *schedule;
  gint64 tenant_id, unit_id, area, first_total, saved_id = 0, amend_id;
  guint n_months;

  g_assert_no_error (error);
  {
    const char *argv[] = { g_getenv ("PLAZACTL"), "demo", path, "--size", "small", NULL };
    int status;

    g_assert_nonnull (argv[0]);
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }

  /* A tenant, and a new unit (the demo leases every unit) of 125.50 m². */
  store = plaza_store_open (path, PLAZA_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  tenant_id = plaza_test_count (store, "SELECT MIN (id) FROM tenants");
  g_assert_true (plaza_store_exec (store, "INSERT INTO units (floor_id, code, gross_area, rentable_area, vacant_since) "
                                          "SELECT MIN (id), 'T-901', 13000, 12550, '2026-01-01' FROM floors", &error));
  g_assert_no_error (error);
  unit_id = plaza_test_count (store, "SELECT id FROM units WHERE code = 'T-901'");
  area = count (store, "SELECT rentable_area FROM units WHERE id = %lld", (long long) unit_id);
  g_assert_cmpint (unit_id, >, 0);
  g_clear_object (&store);

  window = plaza_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  plaza_window_open (window, path, PLAZA_STORE_OPEN_DEFAULT);
  plaza_test_spin_until (window_opened, window, "the database to open");

  editor = plaza_window_new_contract (window);
  g_assert_nonnull (editor);
  plaza_test_spin_until (editor_loaded, editor, "tenants and units");

  /* Nothing chosen yet: no preview; the reasons are known but not shown
   * in red before the user edits a field or presses Save. */
  plaza_contract_editor_update_preview (editor);
  g_assert_null (plaza_contract_editor_get_schedule (editor));
  g_assert_nonnull (plaza_contract_editor_get_error (editor, "units"));
  g_assert_nonnull (plaza_contract_editor_get_error (editor, "start"));
  g_assert_false (plaza_contract_editor_get_error_shown (editor, "units"));
  g_assert_false (plaza_contract_editor_get_error_shown (editor, "tenant"));
  g_assert_false (plaza_contract_editor_get_error_shown (editor, "start"));
  plaza_contract_editor_set_field (editor, "start", "2026-13");
  plaza_contract_editor_update_preview (editor);
  g_assert_true (plaza_contract_editor_get_error_shown (editor, "start"));
  g_assert_false (plaza_contract_editor_get_error_shown (editor, "end"));
  plaza_contract_editor_save (editor);
  g_assert_nonnull (plaza_contract_editor_get_save_error (editor));
  g_assert_true (plaza_contract_editor_get_error_shown (editor, "end"));
  g_assert_true (plaza_contract_editor_get_error_shown (editor, "units"));

  plaza_contract_editor_select_tenant (editor, tenant_id);
  plaza_contract_editor_select_unit (editor, unit_id, TRUE);
  g_assert_cmpint (plaza_contract_editor_get_area (editor), ==, area);
  /* On gross area the sum follows the units' gross area, and back. */
  plaza_contract_editor_set_choice (editor, "area_basis", "gross");
  g_assert_cmpint (plaza_contract_editor_get_area (editor), >, area);
  plaza_contract_editor_set_choice (editor, "area_basis", "rentable");
  g_assert_cmpint (plaza_contract_editor_get_area (editor), ==, area);
  plaza_contract_editor_set_field (editor, "start", start);
  plaza_contract_editor_set_field (editor, "end", end);
  plaza_contract_editor_set_choice (editor, "model", "fixed");
  plaza_contract_editor_set_choice (editor, "rent_unit", "m2_month");
  plaza_contract_editor_set_field (editor, "rent_amount", "200.00");
  plaza_contract_editor_set_field (editor, "fee_amount", "30.00");
  plaza_contract_editor_set_field (editor, "deposit", "50000.00");
  plaza_contract_editor_update_preview (editor);
  schedule = plaza_contract_editor_get_schedule (editor);
  g_assert_nonnull (schedule);
  n_months = schedule->len;
  g_assert_cmpuint (n_months, ==, 37);
  /* A whole month at m2_month: (200 + 30) yuan × area exactly. */
  first_total = total_of (schedule, 0);
  g_assert_cmpint (first_total, ==, 23000 * area / 100);
  g_assert_null (plaza_contract_editor_get_error (editor, "start"));
  g_assert_false (plaza_contract_editor_get_error_shown (editor, "start"));

  /* A second fee line; the preview follows it and the rate after the
   * typing pause. */
  g_assert_cmpuint (plaza_contract_editor_get_n_rows (editor, "fees"), ==, 1);
  plaza_contract_editor_add_fee (editor, "Air conditioning", "10.00", "m2_month");
  g_assert_cmpuint (plaza_contract_editor_get_n_rows (editor, "fees"), ==, 2);
  plaza_contract_editor_set_field (editor, "rent_amount", "220.00");
  while (plaza_contract_editor_get_schedule (editor) == NULL ||
         total_of (plaza_contract_editor_get_schedule (editor), 0) == first_total)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (total_of (plaza_contract_editor_get_schedule (editor), 0), ==, 26000 * area / 100);

  /* Tiers as rows: on a percentage contract without sales only the two
   * fee lines are due. */
  plaza_contract_editor_set_choice (editor, "model", "percentage");
  plaza_contract_editor_set_field (editor, "tiers", "0:8.00, 300000：9.50");
  g_assert_cmpuint (plaza_contract_editor_get_n_rows (editor, "tiers"), ==, 2);
  plaza_contract_editor_update_preview (editor);
  g_assert_null (plaza_contract_editor_get_error (editor, "tiers"));
  g_assert_null (plaza_contract_editor_get_error (editor, "percentage"));
  g_assert_nonnull (plaza_contract_editor_get_schedule (editor));
  g_assert_cmpint (total_of (plaza_contract_editor_get_schedule (editor), 0), ==, 4000 * area / 100);
  plaza_contract_editor_set_field (editor, "tiers", "0:8.00, 300000:abc");
  plaza_contract_editor_update_preview (editor);
  g_assert_null (plaza_contract_editor_get_schedule (editor));
  g_assert_true (plaza_contract_editor_get_error_shown (editor, "tiers"));
  plaza_contract_editor_set_field (editor, "tiers", "");
  g_assert_cmpuint (plaza_contract_editor_get_n_rows (editor, "tiers"), ==, 0);
  plaza_contract_editor_set_choice (editor, "model", "fixed");
  plaza_contract_editor_update_preview (editor);
  g_assert_cmpint (total_of (plaza_contract_editor_get_schedule (editor), 0), ==, 26000 * area / 100);

  /* 37 bars are too narrow for a label each: some are skipped, none overlap. */
  {
    PlazaRentPreview *chart = NULL;
    GtkWidget *w;
    gint64 until = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

    for (w = GTK_WIDGET (editor); w != NULL && chart == NULL;)
      {
        if (PLAZA_IS_RENT_PREVIEW (w))
          chart = PLAZA_RENT_PREVIEW (w);
        else if (gtk_widget_get_first_child (w) != NULL)
          w = gtk_widget_get_first_child (w);
        else
          {
            while (w != NULL && gtk_widget_get_next_sibling (w) == NULL)
              w = gtk_widget_get_parent (w);
            if (w != NULL)
              w = gtk_widget_get_next_sibling (w);
          }
      }
    g_assert_nonnull (chart);
    g_assert_cmpuint (plaza_rent_preview_get_n_bars (chart), ==, 37);
    gtk_widget_queue_draw (GTK_WIDGET (chart));
    while (plaza_rent_preview_get_n_labels (chart) == 0 && g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, FALSE);
    g_test_message ("%u of 37 month labels drawn", plaza_rent_preview_get_n_labels (chart));
    g_assert_cmpuint (plaza_rent_preview_get_n_labels (chart), >, 0);
    g_assert_cmpuint (plaza_rent_preview_get_n_labels (chart), <, 37);
  }

  /* A bad field is named in words and stops the preview. */
  plaza_contract_editor_set_field (editor, "escalation_percent", "abc");
  plaza_contract_editor_update_preview (editor);
  g_assert_null (plaza_contract_editor_get_schedule (editor));
  g_assert_nonnull (plaza_contract_editor_get_error (editor, "escalation_percent"));
  plaza_contract_editor_set_field (editor, "escalation_percent", "");
  plaza_contract_editor_set_field (editor, "free", "2020-01-01..2020-02-01");
  plaza_contract_editor_update_preview (editor);
  g_test_message ("free: %s", plaza_contract_editor_get_error (editor, "free"));
  plaza_contract_editor_set_field (editor, "free", "");
  g_assert_cmpuint (plaza_contract_editor_get_n_rows (editor, "free"), ==, 0);
  plaza_contract_editor_set_field (editor, "fee_amount", "3.0.0");
  plaza_contract_editor_update_preview (editor);
  g_assert_null (plaza_contract_editor_get_schedule (editor));
  g_assert_nonnull (plaza_contract_editor_get_error (editor, "fees"));
  plaza_contract_editor_set_field (editor, "fee_amount", "30.00");
  plaza_contract_editor_update_preview (editor);
  g_assert_nonnull (plaza_contract_editor_get_schedule (editor));

  g_signal_connect (editor, "saved", G_CALLBACK (saved_cb), &saved_id);
  plaza_contract_editor_save (editor);
  plaza_test_spin_until (id_set, &saved_id, "the draft to be saved");

  detail = plaza_window_open_contract (window, saved_id);
  plaza_test_spin_until (detail_idle, detail, "the contract to load");
  g_assert_cmpstr (plaza_contract_detail_get_view (detail)->state, ==, "draft");
  g_assert_cmpint (plaza_contract_detail_get_view (detail)->area, ==, area);
  g_assert_false (plaza_contract_detail_run_step (detail, "approve", NULL, NULL, NULL));

  run_step (detail, "submit", NULL, NULL, NULL, "submitted");
  run_step (detail, "approve", "ok", NULL, NULL, "approved");
  run_step (detail, "activate", NULL, NULL, NULL, "active");
  effective = g_date_time_format (next_year, "%Y-%m-01");

  /* Amend through the editor: it opens on the terms in force with the
   * parties locked; a new rate from the effective date on. */
  g_assert_true (plaza_contract_detail_run_step (detail, "amend", NULL, NULL, NULL));
  editor = find_editor ();
  g_assert_nonnull (editor);
  plaza_test_spin_until (editor_loaded, editor, "the contract to amend");
  check_field (editor, "start", start);
  check_field (editor, "end", end);
  check_field (editor, "model", "fixed");
  check_field (editor, "rent_unit", "m2_month");
  check_field (editor, "rent_amount", "220.00");
  check_field (editor, "fee_amount", "30.00");
  check_field (editor, "deposit", "50000.00");
  {
    g_autofree char *tenant = g_strdup_printf ("%lld", (long long) tenant_id);

    check_field (editor, "tenant", tenant);
  }
  g_assert_cmpuint (plaza_contract_editor_get_n_rows (editor, "fees"), ==, 2);
  g_assert_cmpint (plaza_contract_editor_get_area (editor), ==, area);
  g_assert_true (plaza_contract_editor_get_field_locked (editor, "tenant"));
  g_assert_true (plaza_contract_editor_get_field_locked (editor, "units"));
  g_assert_true (plaza_contract_editor_get_field_locked (editor, "start"));
  g_assert_false (plaza_contract_editor_get_field_locked (editor, "rent_amount"));
  /* The first of next month is offered when it is inside the lease; with
   * no effective date there is no preview, and Save says why. */
  plaza_contract_editor_set_field (editor, "effective", "");
  plaza_contract_editor_update_preview (editor);
  g_assert_null (plaza_contract_editor_get_schedule (editor));
  g_assert_nonnull (plaza_contract_editor_get_error (editor, "effective"));
  /* Cleared by hand: the reason shows at once. */
  g_assert_true (plaza_contract_editor_get_error_shown (editor, "effective"));
  plaza_contract_editor_set_field (editor, "effective", "2000-01-01");
  plaza_contract_editor_update_preview (editor);
  g_assert_nonnull (plaza_contract_editor_get_error (editor, "effective"));
  g_assert_true (plaza_contract_editor_get_error_shown (editor, "effective"));
  plaza_contract_editor_set_field (editor, "effective", effective);
  plaza_contract_editor_set_field (editor, "rent_amount", "180.00");
  plaza_contract_editor_set_field (editor, "comment", "rent down");
  plaza_contract_editor_update_preview (editor);
  g_assert_null (plaza_contract_editor_get_error (editor, "effective"));
  schedule = plaza_contract_editor_get_schedule (editor);
  g_assert_nonnull (schedule);
  g_assert_cmpuint (schedule->len, ==, n_months);
  /* Rent 220 + fees 40 before, 180 + 40 from the effective month. */
  g_assert_cmpint (total_of (schedule, 11), ==, 26000 * area / 100);
  g_assert_cmpint (total_of (schedule, 12), ==, 22000 * area / 100);
  amend_id = 0;
  g_signal_connect (editor, "saved", G_CALLBACK (saved_cb), &amend_id);
  plaza_contract_editor_save (editor);
  plaza_test_spin_until (id_set, &amend_id, "the amendment to be submitted");
  plaza_test_spin_until (amendment_pending, detail, "the detail to list the amendment");
  g_assert_null (plaza_contract_detail_get_error (detail));
  g_assert_cmpstr (plaza_contract_detail_get_view (detail)->state, ==, "active");
  g_assert_cmpuint (plaza_contract_detail_get_view (detail)->events->len, >=, 5);
  {
    GArray *rows = plaza_contract_detail_get_schedule (detail);

    /* Pending: the stored schedule has not changed yet. */
    g_assert_nonnull (rows);
    g_assert_cmpint (g_array_index (rows, PlazaScheduleRow, 12).total, ==, 26000 * area / 100);
  }
  g_assert_true (plaza_contract_detail_decide_amendment (detail, amend_id, TRUE, "ok"));
  plaza_test_spin_until (detail_idle, detail, "the amendment to be approved");
  g_assert_null (plaza_contract_detail_get_error (detail));
  {
    GArray *rows = plaza_contract_detail_get_schedule (detail);

    g_assert_nonnull (rows);
    g_assert_cmpuint (rows->len, ==, n_months);
    g_assert_cmpint (g_array_index (rows, PlazaScheduleRow, 11).total, ==, 26000 * area / 100);
    g_assert_cmpint (g_array_index (rows, PlazaScheduleRow, 11).event_id, ==, 0);
    g_assert_cmpint (g_array_index (rows, PlazaScheduleRow, 12).total, ==, 22000 * area / 100);
    g_assert_cmpint (g_array_index (rows, PlazaScheduleRow, 12).event_id, ==, amend_id);
    g_assert_cmpint (g_array_index (rows, PlazaScheduleRow, n_months - 1).event_id, ==, amend_id);
  }

  store = plaza_store_open (path, PLAZA_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT deposit_amount FROM contracts WHERE id = %lld", (long long) saved_id), ==, 5000000);
  for (guint i = 0; i < 5; i++)
    {
      const char *kinds[] = { "created", "submitted", "approved", "activated", "amendment" };
      g_assert_cmpint (count (store, "SELECT COUNT(*) FROM contract_events WHERE contract_id = %lld AND kind = '%s'",
                              (long long) saved_id, kinds[i]), ==, 1);
    }
  for (guint i = 0; i < 5; i++)
    {
      const char *actions[] = { "create", "submitted", "approved", "active", "amend" };
      g_assert_cmpint (count (store, "SELECT COUNT(*) FROM change_log WHERE entity = 'contract' AND entity_id = %lld "
                                     "AND action = '%s'", (long long) saved_id, actions[i]), ==, 1);
    }

  /* A stale rev: someone else steps first; the window says so and reloads. */
  g_assert_true (plaza_contract_terminate (store, saved_id,
                                           count (store, "SELECT rev FROM contracts WHERE id = %lld", (long long) saved_id),
                                           effective, "test", 0, "", &error));
  g_assert_no_error (error);
  g_assert_true (plaza_contract_detail_run_step (detail, "terminate", "again", effective, NULL));
  plaza_test_spin_until (detail_idle, detail, "the stale step");
  g_assert_nonnull (plaza_contract_detail_get_error (detail));

  gtk_window_destroy (GTK_WINDOW (detail));
  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  plaza_test_remove_tree (dir);
}

static char *
text_of (PlazaStore *store,
         const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = plaza_store_prepare (store, sql, &error);
  char *text = NULL;

  g_assert_no_error (error);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  g_assert_nonnull (text);
  return text;
}

/* Renew opens the editor filled from the old contract: tenant, units,
 * model, rate, deposit; from the day after the old end for as long. */
static void
test_renew_prefilled (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("plaza-gui-renew-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "mall.db", NULL);
  g_autofree char *sql = NULL;
  g_autofree char *next_start = NULL;
  g_autofree char *next_end = NULL;
  g_autofree char *rent = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *model = NULL;
  g_autofree char *tenant = NULL;
  g_autofree char *deposit = NULL;
  g_autoptr(PlazaStore) store = NULL;
  PlazaWindow *window;
  PlazaContractDetail *detail;
  PlazaContractEditor *editor;
  gint64 id, area, renewal_id = 0;

  g_assert_no_error (error);
  {
    const char *argv[] = { g_getenv ("PLAZACTL"), "demo", path, "--size", "small", NULL };
    int status;

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  /* An active fixed-rent lease of whole years, no approved amendment, its
   * units free after it ends. */
  store = plaza_store_open (path, PLAZA_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  id = plaza_test_count (store,
                         "SELECT MIN (c.id) FROM contracts c WHERE c.state = 'active' AND c.model = 'fixed' "
                         "AND c.area_basis = 'rentable' "
                         "AND date (c.start_date, '+' || (CAST (strftime ('%Y', c.end_date) AS INTEGER) "
                         "  - CAST (strftime ('%Y', c.start_date) AS INTEGER)) || ' years', '-1 day') = c.end_date "
                         "AND NOT EXISTS (SELECT 1 FROM contract_events e WHERE e.contract_id = c.id "
                         "  AND e.kind = 'amendment' AND e.state = 'approved') "
                         "AND NOT EXISTS (SELECT 1 FROM contract_units a JOIN contract_units b ON b.unit_id = a.unit_id "
                         "  JOIN contracts d ON d.id = b.contract_id WHERE a.contract_id = c.id AND d.id <> c.id "
                         "  AND d.end_date > c.end_date)");
  g_assert_cmpint (id, >, 0);
  sql = g_strdup_printf ("SELECT date (end_date, '+1 day') FROM contracts WHERE id = %lld", (long long) id);
  next_start = text_of (store, sql);
  g_free (sql);
  sql = g_strdup_printf ("SELECT date (end_date, '+1 day', '+' || (CAST (strftime ('%%Y', end_date) AS INTEGER) "
                         "- CAST (strftime ('%%Y', start_date) AS INTEGER)) || ' years', '-1 day') "
                         "FROM contracts WHERE id = %lld", (long long) id);
  next_end = text_of (store, sql);
  g_free (sql);
  sql = g_strdup_printf ("SELECT json_extract (terms_json, '$.rent.amount') FROM contracts WHERE id = %lld", (long long) id);
  rent = text_of (store, sql);
  g_free (sql);
  sql = g_strdup_printf ("SELECT json_extract (terms_json, '$.rent.unit') FROM contracts WHERE id = %lld", (long long) id);
  unit = text_of (store, sql);
  g_free (sql);
  sql = g_strdup_printf ("SELECT model FROM contracts WHERE id = %lld", (long long) id);
  model = text_of (store, sql);
  g_free (sql);
  sql = g_strdup_printf ("SELECT tenant_id FROM contracts WHERE id = %lld", (long long) id);
  tenant = text_of (store, sql);
  g_free (sql);
  sql = g_strdup_printf ("SELECT printf ('%%d.%%02d', deposit_amount / 100, deposit_amount %% 100) FROM contracts "
                         "WHERE id = %lld", (long long) id);
  deposit = text_of (store, sql);
  g_free (sql);
  sql = g_strdup_printf ("SELECT SUM (u.rentable_area) FROM contract_units cu JOIN units u ON u.id = cu.unit_id "
                         "WHERE cu.contract_id = %lld", (long long) id);
  area = plaza_test_count (store, sql);
  g_clear_object (&store);

  window = plaza_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  plaza_window_open (window, path, PLAZA_STORE_OPEN_DEFAULT);
  plaza_test_spin_until (window_opened, window, "the database to open");
  detail = plaza_window_open_contract (window, id);
  plaza_test_spin_until (detail_idle, detail, "the contract to load");
  g_assert_true (plaza_contract_detail_run_step (detail, "renew", NULL, NULL, NULL));
  editor = find_editor ();
  g_assert_nonnull (editor);
  plaza_test_spin_until (editor_loaded, editor, "the contract to renew");

  check_field (editor, "tenant", tenant);
  check_field (editor, "start", next_start);
  check_field (editor, "end", next_end);
  check_field (editor, "model", model);
  check_field (editor, "rent_amount", rent);
  check_field (editor, "rent_unit", unit);
  check_field (editor, "deposit", deposit);
  g_assert_cmpint (plaza_contract_editor_get_area (editor), ==, area);
  g_assert_cmpuint (plaza_contract_editor_get_n_rows (editor, "free"), ==, 0);
  g_assert_false (plaza_contract_editor_get_field_locked (editor, "tenant"));
  plaza_contract_editor_update_preview (editor);
  g_assert_nonnull (plaza_contract_editor_get_schedule (editor));
  g_assert_false (plaza_contract_editor_get_error_shown (editor, "start"));

  g_signal_connect (editor, "saved", G_CALLBACK (saved_cb), &renewal_id);
  plaza_contract_editor_save (editor);
  plaza_test_spin_until (id_set, &renewal_id, "the renewal to be saved");
  plaza_test_spin_until (detail_idle, detail, "the detail to reload");

  store = plaza_store_open (path, PLAZA_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_free (sql);
  sql = g_strdup_printf ("SELECT COUNT(*) FROM contracts WHERE id = %lld AND tenant_id = %s AND start_date = '%s' "
                         "AND end_date = '%s' AND state = 'draft'", (long long) renewal_id, tenant, next_start, next_end);
  g_assert_cmpint (plaza_test_count (store, sql), ==, 1);

  gtk_window_destroy (GTK_WINDOW (detail));
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
  g_test_add_func ("/gui/contract/editor-and-lifecycle", test_editor_and_lifecycle);
  g_test_add_func ("/gui/contract/renew-prefilled", test_renew_prefilled);
  return g_test_run ();
}
