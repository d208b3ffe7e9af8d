/* test-gui-promotion-eval.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The promotion evaluation view on a medium demo mall made with today's
 * date: a past approved promotion with confirmed participants is evaluated
 * in the worker; the table's total row shows the total uplift of
 * plaza_promotion_evaluate (), the chart has a bar per participant, the
 * total and scope rows stay last when sorted; switching the baseline
 * reloads with the four weeks before; a promotion still running shows when
 * its evaluation will be ready.
 */

#define G_LOG_DOMAIN "plaza-test"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <adwaita.h>

#include "charts/plaza-chart-view.h"
#include "plaza-money.h"
#include "plaza-promotion-eval-view.h"
#include "plaza-promotion-eval.h"
#include "test-gui-util.h"
#include "test-util.h"

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

/* The label named @name with the CSS class @css_class, or NULL. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *name,
            const char *css_class)
{
  if (GTK_IS_LABEL (widget) && g_str_equal (gtk_widget_get_name (widget), name)
      && gtk_widget_has_css_class (widget, css_class))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, name, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
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
view_loaded (gpointer data)
{
  return !plaza_promotion_eval_view_get_loading (data);
}

typedef struct
{
  GtkWidget  *view;
  const char *text;
} LabelWait;

static gboolean
total_shown (gpointer data)
{
  LabelWait *wait = data;
  GtkWidget *label = find_label (wait->view, "uplift", "plaza-eval-total");

  return label != NULL && g_str_equal (gtk_label_get_label (GTK_LABEL (label)), wait->text);
}

static char *
signed_money (gint64 fen)
{
  g_autofree char *text = plaza_money_format (fen, TRUE);

  return fen > 0 ? g_strconcat ("+", text, NULL) : g_steal_pointer (&text);
}

static gint64
query_id (PlazaStore *store,
          const char *sql,
          const char *today)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = plaza_store_prepare (store, sql, &error);

  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* The keys of the table's rows in their order. */
static char *
row_keys (GtkColumnView *table)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (table));
  GString *keys = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      g_string_append_printf (keys, "%s%s", i > 0 ? " " : "", gtk_string_object_get_string (item));
    }
  return g_string_free (keys, FALSE);
}

static void
test_evaluation_view (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("plaza-gui-promotion-eval-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "mall.db", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(PlazaWorker) worker = plaza_worker_new ();
  g_autoptr(PlazaPromotionEvaluation) last_year = NULL;
  g_autoptr(PlazaPromotionEvaluation) four_weeks = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *keys = NULL;
  PlazaPromotionEvaluation *shown;
  PlazaChartView *chart_view;
  GtkColumnView *table;
  GtkDropDown *dropdown;
  GtkWidget *window, *overlay, *view;
  LabelWait wait;
  gboolean opened = FALSE;
  gint64 id, running;
  gint64 value = 0, best = G_MININT64;
  guint n;

  g_assert_no_error (error);
  g_assert_cmpint (plaza_test_run_plazactl ((const char *[]) { "demo", path, "--size", "medium",
                                                               "--today", today, NULL }, NULL, NULL), ==, 0);
  store = plaza_store_open (path, PLAZA_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  /* the latest ended approved promotion with confirmed participants */
  id = query_id (store,
                 "SELECT p.id FROM promotions p WHERE p.state = 'approved' AND p.end_date < ?1"
                 "  AND EXISTS (SELECT 1 FROM promotion_participants x WHERE x.promotion_id = p.id"
                 "              AND x.status = 'confirmed') "
                 "ORDER BY p.end_date DESC LIMIT 1", today);
  running = query_id (store,
                      "SELECT id FROM promotions WHERE state = 'approved' AND end_date >= ?1 "
                      "ORDER BY start_date LIMIT 1", today);
  last_year = plaza_promotion_evaluate (store, id, PLAZA_PROMOTION_BASELINE_LAST_YEAR, NULL, &error);
  g_assert_no_error (error);
  four_weeks = plaza_promotion_evaluate (store, id, PLAZA_PROMOTION_BASELINE_FOUR_WEEKS, NULL, &error);
  g_assert_no_error (error);
  n = last_year->rows->len;
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpint (last_year->total.uplift, !=, four_weeks->total.uplift);

  plaza_worker_open_async (worker, path, PLAZA_STORE_OPEN_READ_ONLY, NULL, opened_cb, &opened);
  plaza_test_spin_until (flag_set, &opened, "the worker to open the database");

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 900);
  overlay = adw_toast_overlay_new ();
  view = plaza_promotion_eval_view_new (worker, id);
  g_assert_true (plaza_promotion_eval_view_get_loading (PLAZA_PROMOTION_EVAL_VIEW (view)));
  g_assert_null (plaza_promotion_eval_view_get_evaluation (PLAZA_PROMOTION_EVAL_VIEW (view)));
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), view);
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  gtk_window_present (GTK_WINDOW (window));

  /* ---- same days last year ---- */
  plaza_test_spin_until (view_loaded, view, "the evaluation");
  shown = plaza_promotion_eval_view_get_evaluation (PLAZA_PROMOTION_EVAL_VIEW (view));
  g_assert_nonnull (shown);
  g_assert_cmpint (shown->baseline, ==, PLAZA_PROMOTION_BASELINE_LAST_YEAR);
  g_assert_cmpint (shown->total.uplift, ==, last_year->total.uplift);
  expected = signed_money (last_year->total.uplift);
  wait.view = view;
  wait.text = expected;
  plaza_test_spin_until (total_shown, &wait, "the table's total uplift");

  chart_view = PLAZA_CHART_VIEW (find_widget (view, PLAZA_TYPE_CHART_VIEW));
  g_assert_nonnull (chart_view);
  g_assert_cmpuint (plaza_chart_get_n_categories (plaza_chart_view_get_chart (chart_view)), ==, MIN (n, 24));

  /* sorted by uplift, largest first: the total and the scope stay last */
  table = GTK_COLUMN_VIEW (find_widget (view, GTK_TYPE_COLUMN_VIEW));
  g_assert_nonnull (table);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (table))), ==, n + 2);
  {
    g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (gtk_column_view_get_columns (table), 3);
    g_autoptr(GtkStringObject) first = NULL;

    gtk_column_view_sort_by_column (table, column, GTK_SORT_DESCENDING);
    keys = row_keys (table);
    g_assert_true (g_str_has_suffix (keys, " T S"));
    first = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (table)), 0);
    for (guint i = 0; i < n; i++)
      best = MAX (best, ((PlazaPromotionEvalRow *) g_ptr_array_index (last_year->rows, i))->uplift);
    value = ((PlazaPromotionEvalRow *) g_ptr_array_index (last_year->rows,
                                                          atoi (gtk_string_object_get_string (first))))->uplift;
    g_assert_cmpint (value, ==, best);
    g_clear_pointer (&keys, g_free);
    gtk_column_view_sort_by_column (table, column, GTK_SORT_ASCENDING);
    keys = row_keys (table);
    g_assert_true (g_str_has_suffix (keys, " T S"));
  }

  /* ---- the four weeks before ---- */
  dropdown = GTK_DROP_DOWN (find_widget (view, GTK_TYPE_DROP_DOWN));
  g_assert_nonnull (dropdown);
  gtk_drop_down_set_selected (dropdown, 1);
  g_assert_true (plaza_promotion_eval_view_get_loading (PLAZA_PROMOTION_EVAL_VIEW (view)));
  plaza_test_spin_until (view_loaded, view, "the evaluation against the four weeks before");
  shown = plaza_promotion_eval_view_get_evaluation (PLAZA_PROMOTION_EVAL_VIEW (view));
  g_assert_nonnull (shown);
  g_assert_cmpint (shown->baseline, ==, PLAZA_PROMOTION_BASELINE_FOUR_WEEKS);
  g_assert_cmpstr (shown->base_from, ==, four_weeks->base_from);
  g_assert_cmpint (shown->total.uplift, ==, four_weeks->total.uplift);
  g_free (expected);
  expected = signed_money (four_weeks->total.uplift);
  wait.text = expected;
  plaza_test_spin_until (total_shown, &wait, "the table's total against the four weeks before");

  /* ---- a promotion still running: when it will be ready ---- */
  {
    GtkWidget *running_view = plaza_promotion_eval_view_new (worker, running);
    AdwStatusPage *status;

    adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), running_view);
    plaza_test_spin_until (view_loaded, running_view, "the running promotion");
    g_assert_null (plaza_promotion_eval_view_get_evaluation (PLAZA_PROMOTION_EVAL_VIEW (running_view)));
    status = ADW_STATUS_PAGE (find_widget (running_view, ADW_TYPE_STATUS_PAGE));
    g_assert_nonnull (status);
    g_assert_true (gtk_widget_is_visible (GTK_WIDGET (status)));
    g_assert_cmpstr (adw_status_page_get_title (status), ==, "The promotion has not ended yet");
    g_assert_nonnull (strstr (adw_status_page_get_description (status), "ready on"));
    /* no baseline to choose, nothing to save */
    g_assert_false (gtk_widget_is_visible (find_widget (running_view, GTK_TYPE_DROP_DOWN)));
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
  g_test_add_func ("/gui/promotion-eval/view", test_evaluation_view);
  return g_test_run ();
}
