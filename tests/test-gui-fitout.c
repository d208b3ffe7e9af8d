/* test-gui-fitout.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fit-out window on a small demo mall made here: opening it creates
 * the contract's fit-out (and opening it again presents the same window);
 * a shop-front drawing is submitted with its file, rejected (not without
 * a comment), submitted again as version 2 and approved; a failed
 * inspection is added and shows as overdue; the database holds all of it.
 * The contract detail's "Fit-out…" button opens the same fit-out.
 */

#define G_LOG_DOMAIN "plaza-test"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <adwaita.h>

#include "plaza-attachment.h"
#include "plaza-contract-detail.h"
#include "plaza-date.h"
#include "plaza-demo.h"
#include "plaza-fitout.h"
#include "plaza-fitout-window-private.h"
#include "plaza-worker.h"
#include "test-util.h"

#define TIMEOUT_S 60
#include "test-gui-util.h"

static gboolean
window_idle (gpointer data)
{
  return !plaza_fitout_window_get_busy (data) && plaza_fitout_window_get_fitout (data) != NULL;
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

static const PlazaFitoutDrawing *
latest_shop_front (PlazaFitoutWindow *window)
{
  const PlazaFitout *fitout = plaza_fitout_window_get_fitout (window);

  for (guint i = 0; i < fitout->drawings->len; i++)
    {
      const PlazaFitoutDrawing *d = fitout->drawings->pdata[i];

      if (d->latest && g_str_equal (d->kind, "shop_front"))
        return d;
    }
  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
detail_idle (gpointer data)
{
  return !plaza_contract_detail_get_busy (data);
}

static void
test_fitout (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("plaza-gui-fitout-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "mall.db", NULL);
  g_autofree char *file = g_build_filename (dir, "门头效果图.pdf", NULL);
  g_autofree char *today_text = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(PlazaWorker) worker = NULL;
  PlazaFitoutWindow *window;
  const PlazaFitout *fitout;
  const PlazaFitoutDrawing *drawing;
  const PlazaFitoutInspection *inspection;
  GPtrArray *overdue;
  GDate today;
  gint64 contract_id, fitout_id, v1;
  gboolean opened = FALSE;
  gboolean found = FALSE;

  g_assert_no_error (error);
  plaza_fitout_window_today (&today);
  today_text = plaza_date_format (&today);
  store = plaza_store_open (path, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (plaza_demo_generate (store, 7, PLAZA_DEMO_SMALL, &today, &error));
  g_assert_no_error (error);
  /* An active lease with no fit-out yet. */
  contract_id = plaza_test_count (store, "SELECT MIN (id) FROM contracts WHERE state = 'active' "
                                         "AND id NOT IN (SELECT contract_id FROM fitouts)");
  g_assert_cmpint (contract_id, >, 0);

  worker = plaza_worker_new ();
  plaza_worker_open_async (worker, path, PLAZA_STORE_OPEN_DEFAULT, NULL, opened_cb, &opened);
  plaza_test_spin_until (flag_set, &opened, "the worker to open the database");

  window = plaza_fitout_window_open (NULL, worker, contract_id);
  plaza_test_spin_until (window_idle, window, "the fit-out to load");
  g_assert_null (plaza_fitout_window_get_error (window));
  g_assert_true (plaza_fitout_window_open (NULL, worker, contract_id) == window);
  fitout = plaza_fitout_window_get_fitout (window);
  fitout_id = fitout->id;
  g_assert_cmpint (fitout->contract_id, ==, contract_id);
  g_assert_cmpstr (fitout->state, ==, "planned");
  g_assert_cmpuint (fitout->drawings->len, ==, 0);
  sql = g_strdup_printf ("SELECT COUNT (*) FROM fitouts WHERE contract_id = %lld", (long long) contract_id);
  g_assert_cmpint (plaza_test_count (store, sql), ==, 1);

  /* Version 1 with its file. */
  g_assert_true (g_file_set_contents (file, "%PDF-1.4 shop front\n", -1, &error));
  g_assert_true (plaza_fitout_window_submit_drawing (window, "shop_front", file));
  plaza_test_spin_until (window_idle, window, "the drawing to be submitted");
  g_assert_null (plaza_fitout_window_get_error (window));
  drawing = latest_shop_front (window);
  g_assert_nonnull (drawing);
  g_assert_cmpint (drawing->version, ==, 1);
  g_assert_cmpstr (drawing->state, ==, "submitted");
  g_assert_cmpuint (drawing->files->len, ==, 1);
  g_assert_cmpstr (((PlazaAttachment *) drawing->files->pdata[0])->file_name, ==, "门头效果图.pdf");
  v1 = drawing->id;

  /* Rejecting needs a comment; then it is rejected. */
  g_assert_false (plaza_fitout_window_decide_drawing (window, v1, FALSE, "  "));
  g_assert_nonnull (plaza_fitout_window_get_error (window));
  g_assert_true (plaza_fitout_window_decide_drawing (window, v1, FALSE, "门头高度超标，请改为 4.2 米"));
  plaza_test_spin_until (window_idle, window, "the drawing to be rejected");
  g_assert_null (plaza_fitout_window_get_error (window));
  g_assert_cmpstr (plaza_fitout_window_get_status (window), ==, "Drawing rejected");
  drawing = latest_shop_front (window);
  g_assert_cmpstr (drawing->state, ==, "rejected");

  /* Version 2, approved. */
  g_assert_true (plaza_fitout_window_submit_drawing (window, "shop_front", NULL));
  plaza_test_spin_until (window_idle, window, "version 2 to be submitted");
  drawing = latest_shop_front (window);
  g_assert_cmpint (drawing->version, ==, 2);
  /* Version 1 is no longer decidable. */
  g_assert_true (plaza_fitout_window_decide_drawing (window, v1, TRUE, ""));
  plaza_test_spin_until (window_idle, window, "the refusal");
  g_assert_nonnull (strstr (plaza_fitout_window_get_error (window), "latest"));
  g_assert_true (plaza_fitout_window_decide_drawing (window, drawing->id, TRUE, "同意"));
  plaza_test_spin_until (window_idle, window, "version 2 to be approved");
  g_assert_null (plaza_fitout_window_get_error (window));
  fitout = plaza_fitout_window_get_fitout (window);
  g_assert_cmpstr (fitout->state, ==, "building");

  /* A failed inspection today: recorded, and overdue until the next. */
  g_assert_true (plaza_fitout_window_add_inspection (window, today_text, "王工", FALSE, "消防喷淋未完工"));
  plaza_test_spin_until (window_idle, window, "the inspection to be added");
  g_assert_null (plaza_fitout_window_get_error (window));
  fitout = plaza_fitout_window_get_fitout (window);
  g_assert_cmpstr (fitout->state, ==, "inspection");
  g_assert_cmpuint (fitout->inspections->len, ==, 1);
  inspection = fitout->inspections->pdata[0];
  g_assert_cmpstr (inspection->inspector, ==, "王工");
  g_assert_false (inspection->passed);
  overdue = plaza_fitout_window_get_overdue (window);
  for (guint i = 0; i < overdue->len; i++)
    if (((PlazaFitoutOverdue *) overdue->pdata[i])->kind == PLAZA_FITOUT_OVERDUE_INSPECTION)
      found = TRUE;
  g_assert_true (found);

  /* The database, read on its own connection. */
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT COUNT (*) FROM fitout_drawings WHERE fitout_id = %lld", (long long) fitout_id);
  g_assert_cmpint (plaza_test_count (store, sql), ==, 2);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT COUNT (*) FROM fitout_drawings WHERE fitout_id = %lld AND version = 1 "
                         "AND state = 'rejected' AND comment = '门头高度超标，请改为 4.2 米'", (long long) fitout_id);
  g_assert_cmpint (plaza_test_count (store, sql), ==, 1);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT COUNT (*) FROM fitout_drawings WHERE fitout_id = %lld AND version = 2 "
                         "AND state = 'approved'", (long long) fitout_id);
  g_assert_cmpint (plaza_test_count (store, sql), ==, 1);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT COUNT (*) FROM fitout_inspections WHERE fitout_id = %lld AND result = 'fail' "
                         "AND date = '%s'", (long long) fitout_id, today_text);
  g_assert_cmpint (plaza_test_count (store, sql), ==, 1);
  g_assert_cmpint (plaza_test_count (store, "SELECT COUNT (*) FROM attachments WHERE entity = 'fitout_drawing'"), ==, 1);
  g_assert_cmpint (plaza_test_count (store, "SELECT COUNT (*) FROM change_log WHERE entity LIKE 'fitout%' "
                                            "AND action IN ('create', 'submit', 'reject', 'approve')"), ==, 6);

  gtk_window_destroy (GTK_WINDOW (window));

  /* "Fit-out…" in the contract detail opens the same fit-out. */
  {
    PlazaContractDetail *detail = plaza_contract_detail_new (NULL, worker, contract_id);
    GtkWidget *button;

    gtk_window_present (GTK_WINDOW (detail));
    plaza_test_spin_until (detail_idle, detail, "the contract to load");
    button = find_button (GTK_WIDGET (detail), "_Fit-out…");
    g_assert_nonnull (button);
    g_signal_emit_by_name (button, "clicked");
    window = plaza_fitout_window_open (NULL, worker, contract_id);
    g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (window)) == GTK_WINDOW (detail));
    plaza_test_spin_until (window_idle, window, "the fit-out to load again");
    g_assert_cmpint (plaza_fitout_window_get_fitout (window)->id, ==, fitout_id);
    gtk_window_destroy (GTK_WINDOW (window));
    gtk_window_destroy (GTK_WINDOW (detail));
  }
  g_clear_object (&worker);
  g_clear_object (&store);
  plaza_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/gui/fitout/drawings-inspection", test_fitout);
  return g_test_run ();
}
