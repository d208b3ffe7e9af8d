/* plaza-sales-actions.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sales page's toolbar buttons and the window actions behind them:
 * "sales.import" (Ctrl+I) opens the import window, "sales.enter" the
 * manual entry window and "sales.anomalies" the list of unusual sales.
 * After an import or a saved entry the sales list is reloaded. A row of
 * the anomalies opens the entry window on its unit and month.
 *
 * For screenshots and manual checks, the environment variable
 * PLAZA_SALES_DIALOG opens one of them once the database is open:
 * "import:FILE" (previewed), "import-run:FILE" (imported at once),
 * "entry:UNIT_CODE:YYYY-MM" or "anomalies". Not meant for users.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-sales-actions.h"
#include "plaza-sales-anomalies-dialog.h"
#include "plaza-sales-entry-dialog.h"
#include "plaza-sales-import-dialog.h"

typedef struct
{
  PlazaWindow   *window;   /* owns the action group that owns this */
  PlazaListPage *page;
} Actions;

static void
imported_cb (PlazaSalesImportDialog *dialog G_GNUC_UNUSED,
             guint                   n_rows G_GNUC_UNUSED,
             PlazaListPage          *page)
{
  plaza_list_page_reload (page);
}

static void
saved_cb (PlazaSalesEntryDialog *dialog G_GNUC_UNUSED,
          PlazaListPage         *page)
{
  plaza_list_page_reload (page);
}

static PlazaSalesImportDialog *
open_import (Actions *actions)
{
  PlazaWorker *worker = plaza_window_get_worker (actions->window);
  PlazaSalesImportDialog *dialog;

  if (worker == NULL || plaza_window_get_path (actions->window) == NULL)
    return NULL;
  dialog = plaza_sales_import_dialog_new (GTK_WINDOW (actions->window), worker);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (imported_cb), actions->page, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static PlazaSalesEntryDialog *
open_entry (Actions *actions)
{
  PlazaWorker *worker = plaza_window_get_worker (actions->window);
  PlazaSalesEntryDialog *dialog;

  if (worker == NULL || plaza_window_get_path (actions->window) == NULL)
    return NULL;
  dialog = plaza_sales_entry_dialog_new (GTK_WINDOW (actions->window), worker);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (saved_cb), actions->page, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* An anomaly's unit and month in the entry window, over the list. */
static void
unit_activated_cb (PlazaSalesAnomaliesDialog *anomalies,
                   gint64                     unit_id,
                   const char                *month,
                   PlazaListPage             *page)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (page));
  PlazaWorker *worker = PLAZA_IS_WINDOW (root) ? plaza_window_get_worker (PLAZA_WINDOW (root)) : NULL;
  PlazaSalesEntryDialog *dialog;

  if (worker == NULL)
    return;
  dialog = plaza_sales_entry_dialog_new (GTK_WINDOW (anomalies), worker);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (saved_cb), page, 0);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (plaza_sales_anomalies_dialog_reload), anomalies,
                           G_CONNECT_SWAPPED);
  plaza_sales_entry_dialog_set_month (dialog, month);
  plaza_sales_entry_dialog_select_unit (dialog, unit_id);
  gtk_window_present (GTK_WINDOW (dialog));
}

static PlazaSalesAnomaliesDialog *
open_anomalies (Actions *actions)
{
  PlazaWorker *worker = plaza_window_get_worker (actions->window);
  PlazaSalesAnomaliesDialog *dialog;

  if (worker == NULL || plaza_window_get_path (actions->window) == NULL)
    return NULL;
  dialog = plaza_sales_anomalies_dialog_new (GTK_WINDOW (actions->window), worker);
  g_signal_connect_object (dialog, "unit-activated", G_CALLBACK (unit_activated_cb), actions->page, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
import_activate_cb (GSimpleAction *action G_GNUC_UNUSED,
                    GVariant      *param G_GNUC_UNUSED,
                    gpointer       user_data)
{
  open_import (user_data);
}

static void
enter_activate_cb (GSimpleAction *action G_GNUC_UNUSED,
                   GVariant      *param G_GNUC_UNUSED,
                   gpointer       user_data)
{
  open_entry (user_data);
}

static void
anomalies_activate_cb (GSimpleAction *action G_GNUC_UNUSED,
                       GVariant      *param G_GNUC_UNUSED,
                       gpointer       user_data)
{
  open_anomalies (user_data);
}

/* ---- PLAZA_SALES_DIALOG ---- */

static gboolean
import_when_previewed_cb (gpointer data)
{
  PlazaSalesImportDialog *dialog = data;

  if (plaza_sales_import_dialog_get_busy (dialog))
    return G_SOURCE_CONTINUE;
  plaza_sales_import_dialog_import (dialog);
  return G_SOURCE_REMOVE;
}

static void
open_from_env (Actions    *actions,
               const char *spec)
{
  g_auto(GStrv) parts = g_strsplit (spec, ":", 3);

  if (g_str_equal (parts[0], "import") || g_str_equal (parts[0], "import-run"))
    {
      PlazaSalesImportDialog *dialog = open_import (actions);

      if (dialog != NULL && parts[1] != NULL)
        {
          plaza_sales_import_dialog_set_file (dialog, parts[1]);
          if (g_str_equal (parts[0], "import-run"))
            g_timeout_add_full (G_PRIORITY_DEFAULT, 50, import_when_previewed_cb, g_object_ref (dialog),
                                g_object_unref);
        }
    }
  else if (g_str_equal (parts[0], "entry"))
    {
      PlazaSalesEntryDialog *dialog = open_entry (actions);

      if (dialog != NULL && parts[1] != NULL)
        {
          if (parts[2] != NULL)
            plaza_sales_entry_dialog_set_month (dialog, parts[2]);
          plaza_sales_entry_dialog_select_unit_code (dialog, parts[1]);
        }
    }
  else if (g_str_equal (parts[0], "anomalies"))
    open_anomalies (actions);
  else
    g_warning ("PLAZA_SALES_DIALOG: unknown “%s”", spec);
}

static void
window_path_cb (PlazaWindow *window,
                GParamSpec  *pspec G_GNUC_UNUSED,
                Actions     *actions)
{
  const char *spec = g_getenv ("PLAZA_SALES_DIALOG");

  if (plaza_window_get_path (window) == NULL)
    return;
  g_signal_handlers_disconnect_by_func (window, window_path_cb, actions);
  if (spec != NULL && *spec != '\0')
    open_from_env (actions, spec);
}

/* ---- public ---- */

static GtkWidget *
toolbar_button (const char *label,
                const char *action,
                const char *tooltip)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_tooltip_text (button, tooltip);
  return button;
}

void
plaza_sales_actions_attach (PlazaListPage *page,
                            PlazaWindow   *window)
{
  static const GActionEntry entries[] = {
    { "import", import_activate_cb, NULL, NULL, NULL, { 0 } },
    { "enter", enter_activate_cb, NULL, NULL, NULL, { 0 } },
    { "anomalies", anomalies_activate_cb, NULL, NULL, NULL, { 0 } },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  GtkEventController *controller;
  Actions *actions;

  g_return_if_fail (PLAZA_IS_LIST_PAGE (page));
  g_return_if_fail (PLAZA_IS_WINDOW (window));

  actions = g_new0 (Actions, 1);
  actions->window = window;
  actions->page = page;
  g_object_set_data_full (G_OBJECT (group), "plaza-sales-actions", actions, g_free);
  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), actions);
  gtk_widget_insert_action_group (GTK_WIDGET (window), "sales", G_ACTION_GROUP (group));
  g_object_set_data (G_OBJECT (window), "plaza-sales-actions", group);   /* for the role guards */

  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_LOCAL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_i, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("sales.import")));
  gtk_widget_add_controller (GTK_WIDGET (window), controller);

  plaza_list_page_add_toolbar_widget (page, toolbar_button (_("_Import…"), "sales.import",
                                                            _("Import sales from a POS file (Ctrl+I)")));
  plaza_list_page_add_toolbar_widget (page, toolbar_button (_("_Enter Sales…"), "sales.enter",
                                                            _("Type a unit’s daily sales from a paper report")));
  plaza_list_page_add_toolbar_widget (page, toolbar_button (_("_Anomalies"), "sales.anomalies",
                                                            _("Unusual sales of the last 90 days")));

  if (g_getenv ("PLAZA_SALES_DIALOG") != NULL)
    g_signal_connect (window, "notify::path", G_CALLBACK (window_path_cb), actions);
}
