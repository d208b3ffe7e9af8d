/* test-gui-sales.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drives the sales windows on a small demo mall. The import window
 * previews a GB18030 file (encoding, column mapping, first rows), imports
 * it through the worker, and the database holds its rows; a bad file lists
 * every error with its line and changes nothing; an import cancelled while
 * queued changes nothing. The entry window, opened by its action, shows a
 * month's days with their source, refuses a bad amount as typed, and saves
 * a manual day and a cleared one. The anomalies window loads the 90 days
 * up to the latest sales date and searches them.
 */

#define G_LOG_DOMAIN "plaza-test"

#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>

#include "plaza-list-page.h"
#include "plaza-sales-anomalies-dialog.h"
#include "plaza-sales-entry-dialog.h"
#include "plaza-sales-import-dialog.h"
#include "plaza-window.h"
#include "test-gui-util.h"
#include "test-util.h"

static gboolean
window_opened (gpointer data)
{
  return !plaza_window_get_busy (data) && plaza_window_get_path (data) != NULL;
}

static gboolean
import_idle (gpointer data)
{
  return !plaza_sales_import_dialog_get_busy (data);
}

static gboolean
entry_idle (gpointer data)
{
  return !plaza_sales_entry_dialog_get_loading (data);
}

static gboolean
anomalies_idle (gpointer data)
{
  return !plaza_sales_anomalies_dialog_get_loading (data);
}

static gboolean
page_idle (gpointer data)
{
  return !plaza_list_page_get_loading (data);
}

static gboolean
flag_set (gpointer data)
{
  return g_atomic_int_get ((int *) data) != 0;
}

static gint64
count (const char *path,
       const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaStore) store = plaza_store_open (path, PLAZA_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  return plaza_test_count (store, sql);
}

static void
write_file (const char *path,
            const char *utf8,
            const char *charset)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bytes = NULL;
  gsize len = strlen (utf8);

  if (charset != NULL)
    {
      bytes = g_convert (utf8, -1, charset, "UTF-8", NULL, &len, &error);
      g_assert_no_error (error);
    }
  g_assert_true (g_file_set_contents (path, bytes != NULL ? bytes : utf8, (gssize) len, &error));
  g_assert_no_error (error);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && gtk_widget_get_visible (GTK_WIDGET (w)))
        found = GTK_WINDOW (w);
    }
  return found;
}

static gboolean
entry_closed (gpointer data G_GNUC_UNUSED)
{
  return find_toplevel (PLAZA_TYPE_SALES_ENTRY_DIALOG) == NULL;
}

static gboolean
page_has_month (PlazaListPage *page,
                const char    *month)
{
  GListModel *rows = plaza_list_page_get_rows (page);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(PlazaRecord) record = g_list_model_get_item (rows, i);

      if (g_strcmp0 (plaza_record_get_text (record, 0), month) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Holds the worker until *release is set, so a job queued after it can be
 * cancelled before it starts. */
typedef struct
{
  int started;
  int release;
} Blocker;

static gpointer
block_func (PlazaStore    *store G_GNUC_UNUSED,
            gpointer       data,
            GCancellable  *cancellable G_GNUC_UNUSED,
            GError       **error G_GNUC_UNUSED)
{
  Blocker *blocker = data;

  g_atomic_int_set (&blocker->started, 1);
  while (!g_atomic_int_get (&blocker->release))
    g_usleep (1000);
  return NULL;
}

static void
block_done_cb (GObject      *source G_GNUC_UNUSED,
               GAsyncResult *result G_GNUC_UNUSED,
               gpointer      user_data G_GNUC_UNUSED)
{
}

static void
test_sales_windows (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("plaza-gui-sales-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "mall.db", NULL);
  g_autofree char *good = g_build_filename (dir, "pos-gbk.csv", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.csv", NULL);
  g_autofree char *nocolumn = g_build_filename (dir, "nocolumn.csv", NULL);
  g_autofree char *february = g_build_filename (dir, "february.csv", NULL);
  g_autoptr(GString) csv = g_string_new ("日期,铺位号,销售额,笔数\r\n");
  PlazaWindow *window;
  PlazaListPage *page;
  PlazaSalesImportDialog *import;
  PlazaSalesEntryDialog *entry;
  PlazaSalesAnomaliesDialog *anomalies;
  GPtrArray *errors;
  gint64 before;

  g_assert_no_error (error);
  {
    const char *args[] = { "demo", path, "--size", "small", NULL };
    g_assert_cmpint (plaza_test_run_plazactl (args, NULL, NULL), ==, 0);
  }

  /* 12 rows, three units × four days of March 2011 (the demo has no
   * sales that far back), in GB18030 with Chinese headers. */
  for (int d = 1; d <= 4; d++)
    for (int u = 1; u <= 3; u++)
      g_string_append_printf (csv, "2011-03-%02d,1F-%03d,\"¥1,%03d.%02d\",%d\r\n", d, u, 100 + d, u, d + u);
  write_file (good, csv->str, "GB18030");
  /* UTF-8 with a BOM: an unknown unit on line 3, a bad amount on line 4. */
  write_file (bad, "\xEF\xBB\xBF" "date,unit,amount\n2012-01-01,1F-001,100.00\n2012-01-01,ZZ-999,5.00\n"
                   "2012-01-02,1F-001,12.345\n", NULL);
  write_file (nocolumn, "date,unit\n2012-01-01,1F-001\n", NULL);
  write_file (february, "date,unit,amount\n2011-02-01,1F-001,1.00\n", NULL);

  window = plaza_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  plaza_window_open (window, path, PLAZA_STORE_OPEN_DEFAULT);
  plaza_test_spin_until (window_opened, window, "the database to open");
  g_assert_true (plaza_window_set_page (window, "sales"));
  page = PLAZA_LIST_PAGE (plaza_window_get_page_widget (window, "sales"));
  plaza_test_spin_until (page_idle, page, "the sales list");
  g_assert_false (page_has_month (page, "2011-03"));

  /* The preview: encoding, the mapping in words, ten rows of twelve. */
  gtk_widget_activate_action (GTK_WIDGET (window), "sales.import", NULL);
  import = PLAZA_SALES_IMPORT_DIALOG (find_toplevel (PLAZA_TYPE_SALES_IMPORT_DIALOG));
  g_assert_nonnull (import);
  g_assert_cmpstr (plaza_sales_import_dialog_get_step (import), ==, "choose");
  plaza_sales_import_dialog_set_file (import, good);
  plaza_test_spin_until (import_idle, import, "the preview");
  g_assert_cmpstr (plaza_sales_import_dialog_get_step (import), ==, "preview");
  g_assert_cmpstr (plaza_sales_import_dialog_get_encoding_text (import), ==, "GB18030");
  g_assert_cmpstr (plaza_sales_import_dialog_get_mapping_text (import), ==,
                   "Date ← 日期, Unit ← 铺位号, Amount ← 销售额, Transactions ← 笔数");
  g_assert_cmpuint (plaza_sales_import_dialog_get_n_preview_rows (import), ==, 10);

  plaza_sales_import_dialog_import (import);
  g_assert_cmpstr (plaza_sales_import_dialog_get_step (import), ==, "importing");
  plaza_test_spin_until (import_idle, import, "the import");
  g_assert_cmpstr (plaza_sales_import_dialog_get_step (import), ==, "done");
  g_assert_cmpstr (plaza_sales_import_dialog_get_result_text (import), ==, "12 rows imported (GB18030)");
  g_assert_cmpint (count (path, "SELECT COUNT (*) FROM sales_daily WHERE date LIKE '2011-03-%'"), ==, 12);
  g_assert_cmpint (count (path, "SELECT amount FROM sales_daily s JOIN units u ON u.id = s.unit_id "
                                "WHERE u.code = '1F-002' AND date = '2011-03-04'"), ==, 110402);
  g_assert_cmpint (count (path, "SELECT COUNT (*) FROM sales_monthly WHERE month = '2011-03'"), ==, 3);
  /* The sales page was reloaded. */
  plaza_test_spin_until (page_idle, page, "the sales list to reload");
  g_assert_true (page_has_month (page, "2011-03"));
  gtk_window_close (GTK_WINDOW (import));

  /* A bad file: every error with its line, nothing changed. */
  before = count (path, "SELECT COUNT (*) FROM sales_daily");
  import = plaza_sales_import_dialog_new (GTK_WINDOW (window), plaza_window_get_worker (window));
  gtk_window_present (GTK_WINDOW (import));
  plaza_sales_import_dialog_set_file (import, bad);
  plaza_test_spin_until (import_idle, import, "the preview of the bad file");
  g_assert_cmpstr (plaza_sales_import_dialog_get_encoding_text (import), ==, "UTF-8 (BOM)");
  g_assert_cmpstr (plaza_sales_import_dialog_get_mapping_text (import), ==,
                   "Date ← date, Unit ← unit, Amount ← amount, Transactions ← (none)");
  plaza_sales_import_dialog_import (import);
  plaza_test_spin_until (import_idle, import, "the import of the bad file");
  g_assert_cmpstr (plaza_sales_import_dialog_get_step (import), ==, "failed");
  errors = plaza_sales_import_dialog_get_errors (import);
  g_assert_cmpuint (errors->len, ==, 2);
  for (guint i = 0; i < errors->len; i++)
    g_test_message ("error: %s", (const char *) errors->pdata[i]);
  g_assert_true (g_str_has_prefix (errors->pdata[0], bad));
  g_assert_nonnull (strstr (errors->pdata[0], ":3: "));
  g_assert_nonnull (strstr (errors->pdata[1], ":4: "));
  g_assert_cmpstr (plaza_sales_import_dialog_get_result_text (import), ==,
                   "The file was not imported: 2 errors. Nothing was changed.");
  g_assert_cmpint (count (path, "SELECT COUNT (*) FROM sales_daily"), ==, before);

  /* A file without an amount column fails at the preview. */
  plaza_sales_import_dialog_set_file (import, nocolumn);
  plaza_test_spin_until (import_idle, import, "the preview of a file without amounts");
  g_assert_cmpstr (plaza_sales_import_dialog_get_step (import), ==, "failed");
  g_assert_cmpuint (plaza_sales_import_dialog_get_errors (import)->len, ==, 1);
  g_test_message ("error: %s", (const char *) plaza_sales_import_dialog_get_errors (import)->pdata[0]);

  /* Cancelled while queued behind another job: nothing changes. */
  {
    Blocker blocker = { 0, 0 };

    plaza_sales_import_dialog_set_file (import, february);
    plaza_test_spin_until (import_idle, import, "the preview of another file");
    plaza_worker_run_async (plaza_window_get_worker (window), block_func, &blocker, NULL, NULL, block_done_cb, NULL);
    plaza_test_spin_until (flag_set, &blocker.started, "the worker to be held");
    plaza_sales_import_dialog_import (import);
    /* Escape does nothing while importing; closing the window cancels
     * and the window stays to say so. */
    gtk_widget_activate_action (GTK_WIDGET (import), "import.close", NULL);
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (import)));
    g_assert_cmpstr (plaza_sales_import_dialog_get_step (import), ==, "importing");
    gtk_window_close (GTK_WINDOW (import));
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (import)));
    g_atomic_int_set (&blocker.release, 1);
    plaza_test_spin_until (import_idle, import, "the cancelled import");
    g_assert_cmpstr (plaza_sales_import_dialog_get_step (import), ==, "cancelled");
    g_assert_cmpstr (plaza_sales_import_dialog_get_result_text (import), ==, "Import cancelled; nothing was changed");
    g_assert_cmpint (count (path, "SELECT COUNT (*) FROM sales_daily WHERE date LIKE '2011-02-%'"), ==, 0);
  }
  gtk_window_close (GTK_WINDOW (import));

  /* Manual entry of a day, from the page's action. */
  gtk_widget_activate_action (GTK_WIDGET (window), "sales.enter", NULL);
  entry = PLAZA_SALES_ENTRY_DIALOG (find_toplevel (PLAZA_TYPE_SALES_ENTRY_DIALOG));
  g_assert_nonnull (entry);
  plaza_test_spin_until (entry_idle, entry, "the units");
  g_assert_true (plaza_sales_entry_dialog_select_unit_code (entry, "1F-002"));
  plaza_sales_entry_dialog_set_month (entry, "2011-03");
  plaza_test_spin_until (entry_idle, entry, "the month");
  g_assert_cmpuint (plaza_sales_entry_dialog_get_n_days (entry), ==, 31);
  g_assert_cmpstr (plaza_sales_entry_dialog_get_day (entry, 4), ==, "1104.02");
  g_assert_cmpstr (plaza_sales_entry_dialog_get_day_source (entry, 4), ==, "POS");
  g_assert_cmpstr (plaza_sales_entry_dialog_get_day (entry, 10), ==, "");
  g_assert_false (plaza_sales_entry_dialog_get_can_estimate (entry));
  plaza_sales_entry_dialog_set_day (entry, 10, "12.3.4");
  g_assert_nonnull (plaza_sales_entry_dialog_get_day_error (entry, 10));
  plaza_sales_entry_dialog_save (entry);
  g_assert_nonnull (plaza_sales_entry_dialog_get_save_error (entry));
  plaza_sales_entry_dialog_set_day (entry, 10, "¥2,345.60");
  g_assert_null (plaza_sales_entry_dialog_get_day_error (entry, 10));
  plaza_sales_entry_dialog_set_day (entry, 3, "");
  plaza_sales_entry_dialog_set_day (entry, 4, "1200");
  plaza_sales_entry_dialog_save (entry);
  plaza_test_spin_until (entry_idle, entry, "the save");
  g_assert_null (plaza_sales_entry_dialog_get_save_error (entry));
  g_assert_cmpint (count (path, "SELECT amount FROM sales_daily s JOIN units u ON u.id = s.unit_id "
                                "WHERE u.code = '1F-002' AND date = '2011-03-10' AND source = 'manual'"), ==, 234560);
  g_assert_cmpint (count (path, "SELECT COUNT (*) FROM sales_daily s JOIN units u ON u.id = s.unit_id "
                                "WHERE u.code = '1F-002' AND date = '2011-03-03'"), ==, 0);
  g_assert_cmpint (count (path, "SELECT amount FROM sales_monthly s JOIN units u ON u.id = s.unit_id "
                                "WHERE u.code = '1F-002' AND month = '2011-03'"), ==, 110102 + 110202 + 120000 + 234560);
  /* The corrected day keeps the transactions the POS reported. */
  g_assert_cmpint (count (path, "SELECT transactions FROM sales_daily s JOIN units u ON u.id = s.unit_id "
                                "WHERE u.code = '1F-002' AND date = '2011-03-04' AND source = 'manual' "
                                "AND amount = 120000"), ==, 6);
  g_assert_cmpstr (plaza_sales_entry_dialog_get_day (entry, 10), ==, "2345.60");
  g_assert_cmpstr (plaza_sales_entry_dialog_get_day_source (entry, 10), ==, "Manual");
  g_assert_cmpstr (plaza_sales_entry_dialog_get_day_source (entry, 3), ==, "");

  /* A month without figures offers an estimate. */
  plaza_sales_entry_dialog_set_month (entry, "2011-04");
  plaza_test_spin_until (entry_idle, entry, "an empty month");
  g_assert_true (plaza_sales_entry_dialog_get_can_estimate (entry));
  plaza_sales_entry_dialog_estimate (entry, PLAZA_SALES_ESTIMATE_LAST_3_MONTHS);
  plaza_test_spin_until (entry_idle, entry, "the estimate");
  g_test_message ("estimate: %s", plaza_sales_entry_dialog_get_save_error (entry));
  g_assert_null (plaza_sales_entry_dialog_get_save_error (entry));
  g_assert_cmpstr (plaza_sales_entry_dialog_get_day_source (entry, 1), ==, "Estimated");
  g_assert_cmpint (count (path, "SELECT COUNT (*) FROM sales_daily s JOIN units u ON u.id = s.unit_id "
                                "WHERE u.code = '1F-002' AND date LIKE '2011-04-%' AND source = 'estimated'"), ==, 30);
  /* Typed but not saved: the unit is locked, and closing asks first. */
  plaza_sales_entry_dialog_set_day (entry, 5, "1.00");
  gtk_window_close (GTK_WINDOW (entry));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (entry)));
  {
    AdwMessageDialog *ask = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

    g_assert_nonnull (ask);
    adw_message_dialog_response (ask, "discard");
  }
  plaza_test_spin_until (entry_closed, NULL, "the entry window to close");
  g_assert_cmpint (count (path, "SELECT COUNT (*) FROM sales_daily s JOIN units u ON u.id = s.unit_id "
                                "WHERE u.code = '1F-002' AND date = '2011-04-05' AND source = 'manual'"), ==, 0);

  /* The anomalies of the 90 days up to the latest sales date: one day of
   * 1F-005 twenty times its usual figure is among them. */
  {
    g_autoptr(PlazaStore) store = plaza_store_open (path, PLAZA_STORE_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
    g_assert_true (plaza_store_exec (store, "UPDATE sales_daily SET amount = amount * 20 "
                                            "WHERE unit_id = (SELECT id FROM units WHERE code = '1F-005') "
                                            "AND date = date ((SELECT MAX (date) FROM sales_daily), '-10 days')",
                                     &error));
    g_assert_no_error (error);
  }
  gtk_widget_activate_action (GTK_WIDGET (window), "sales.anomalies", NULL);
  anomalies = PLAZA_SALES_ANOMALIES_DIALOG (find_toplevel (PLAZA_TYPE_SALES_ANOMALIES_DIALOG));
  g_assert_nonnull (anomalies);
  plaza_test_spin_until (anomalies_idle, anomalies, "the anomalies");
  g_assert_nonnull (plaza_sales_anomalies_dialog_get_range (anomalies));
  g_test_message ("%u anomalies in %s", plaza_sales_anomalies_dialog_get_n_rows (anomalies),
                  plaza_sales_anomalies_dialog_get_range (anomalies));
  g_assert_cmpuint (plaza_sales_anomalies_dialog_get_n_visible (anomalies), ==,
                    plaza_sales_anomalies_dialog_get_n_rows (anomalies));
  g_assert_cmpuint (plaza_sales_anomalies_dialog_get_n_rows (anomalies), >=, 1);
  plaza_sales_anomalies_dialog_set_search (anomalies, "1f-005");
  g_assert_cmpuint (plaza_sales_anomalies_dialog_get_n_visible (anomalies), >=, 1);
  plaza_sales_anomalies_dialog_set_search (anomalies, "no such unit anywhere");
  g_assert_cmpuint (plaza_sales_anomalies_dialog_get_n_visible (anomalies), ==, 0);
  plaza_sales_anomalies_dialog_set_search (anomalies, "1f-005");
  /* A row opens the entry window on its unit and month. */
  plaza_sales_anomalies_dialog_activate_row (anomalies, 0);
  entry = PLAZA_SALES_ENTRY_DIALOG (find_toplevel (PLAZA_TYPE_SALES_ENTRY_DIALOG));
  g_assert_nonnull (entry);
  plaza_test_spin_until (entry_idle, entry, "the entry window over the anomalies");
  {
    g_autoptr(PlazaStore) store = plaza_store_open (path, PLAZA_STORE_OPEN_DEFAULT, &error);
    guint day;

    g_assert_no_error (error);
    day = (guint) plaza_test_count (store, "SELECT CAST (strftime ('%d', (SELECT MAX (date) FROM sales_daily), "
                                           "'-10 days') AS INTEGER)");
    g_assert_cmpuint (plaza_sales_entry_dialog_get_n_days (entry), >=, day);
    g_assert_cmpstr (plaza_sales_entry_dialog_get_day_source (entry, day), !=, "");
    g_assert_cmpstr (plaza_sales_entry_dialog_get_day (entry, day), !=, "");
  }
  gtk_window_destroy (GTK_WINDOW (entry));
  plaza_sales_anomalies_dialog_set_search (anomalies, "");
  gtk_window_close (GTK_WINDOW (anomalies));

  gtk_window_destroy (GTK_WINDOW (window));
  plaza_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  /* The texts are checked in English. */
  g_setenv ("LANGUAGE", "C", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/gui/sales/import-entry-anomalies", test_sales_windows);
  return g_test_run ();
}
