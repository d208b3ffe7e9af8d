/* test-gui-live.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Live refresh and history on a small demo. Client A is a PlazaWindow (its
 * worker polling every 200 ms) on the Tenants page with a tenant selected
 * and that tenant's window open; client B is a second PlazaStore in this
 * process writing as wangfang (王芳). B renames the tenant: within a few
 * polls A's Tenants page shows the new name in the same row (the row was
 * replaced, not the list reloaded: the selection stays), the toast names
 * 王芳, and the tenant window shows "王芳 changed this tenant at …". The
 * tenant's History window lists the edit with "Name: old → new"; Recent
 * Changes lists it too and filters by person. B's three more edits make
 * one toast, "王芳 made 3 changes".
 * With PLAZA_TEST_SHOTS=DIR the windows are saved as PNGs (PLAZA_LOCALEDIR
 * and LANGUAGE=zh_CN for the Chinese ones).
 */

#define G_LOG_DOMAIN "plaza-test"
#define TIMEOUT_S 120

#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "plaza-date.h"
#include "plaza-demo.h"
#include "plaza-fitout-window-private.h"
#include "plaza-fitout.h"
#include "plaza-history-window.h"
#include "plaza-list-page.h"
#include "plaza-live-banner.h"
#include "plaza-tenant.h"
#include "plaza-tenant-window-private.h"
#include "plaza-unit.h"
#include "plaza-unit-window.h"
#include "plaza-window-live.h"
#include "plaza-window.h"
#include "plaza-worker.h"
#include "test-util.h"
#include "test-gui-util.h"

/* The English words are checked only when the test runs untranslated. */
static gboolean english = TRUE;

typedef struct
{
  PlazaWindow *window;
  gint64       id;
  const char  *name;
} RowWait;

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
tenant_window_idle (gpointer data)
{
  return !plaza_tenant_window_get_busy (data) && plaza_tenant_window_get_view (data) != NULL;
}

static gboolean
tenant_window_named (gpointer data)
{
  RowWait *w = data;
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (PLAZA_IS_TENANT_WINDOW (l->data) && plaza_tenant_window_get_id (l->data) == w->id)
      {
        const PlazaTenantView *view = plaza_tenant_window_get_view (l->data);

        return !plaza_tenant_window_get_busy (l->data) && view != NULL && g_strcmp0 (view->name, w->name) == 0;
      }
  return FALSE;
}

typedef struct
{
  char     *text;
  gboolean  done;
} ClipWait;

static void
clip_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  ClipWait *clip = user_data;

  clip->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  clip->done = TRUE;
}

static gboolean
clip_done (gpointer data)
{
  return ((ClipWait *) data)->done;
}

static gboolean
history_has_four (gpointer data)
{
  return !plaza_history_window_get_loading (data) && plaza_history_window_get_n_visible (data) == 4;
}

static guint
count_history_windows (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
  guint n = 0;

  for (GList *l = toplevels; l != NULL; l = l->next)
    n += PLAZA_IS_HISTORY_WINDOW (l->data);
  return n;
}

static gboolean
history_loaded (gpointer data)
{
  return !plaza_history_window_get_loading (data) && plaza_history_window_get_n_visible (data) > 0;
}

/* The Tenants page's row for @id, or NULL. */
static PlazaRecord *
find_row (PlazaListPage *page,
          gint64         id)
{
  GListModel *rows = plaza_list_page_get_rows (page);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(PlazaRecord) r = g_list_model_get_item (rows, i);

      if (plaza_record_get_id (r) == id)
        return r;
    }
  return NULL;
}

static gboolean
row_renamed (gpointer data)
{
  RowWait *w = data;
  PlazaListPage *page = PLAZA_LIST_PAGE (plaza_window_get_page_widget (w->window, "tenants"));
  PlazaRecord *r = find_row (page, w->id);

  return r != NULL && g_strcmp0 (plaza_record_get_text (r, 1), w->name) == 0;
}

/* The first PlazaLiveBanner under @widget, or NULL. */
static PlazaLiveBanner *
find_banner (GtkWidget *widget)
{
  if (PLAZA_IS_LIVE_BANNER (widget))
    return PLAZA_LIVE_BANNER (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      PlazaLiveBanner *found = find_banner (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
fitout_loaded (gpointer data)
{
  return !plaza_fitout_window_get_busy (data) && plaza_fitout_window_get_fitout (data) != NULL;
}

static gboolean
banner_shown (gpointer data)
{
  return plaza_live_banner_is_shown (data);
}

static gboolean
toast_says (gpointer data)
{
  RowWait *w = data;
  const char *text = plaza_window_live_get_toast_text (w->window);

  return text != NULL && strstr (text, w->name) != NULL;
}

static void
rename_tenant (PlazaStore *store,
               gint64      id,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  PlazaTenant *t = plaza_tenant_load (store, id, &error);

  g_assert_no_error (error);
  g_free (t->name);
  t->name = g_strdup (name);
  g_assert_true (plaza_tenant_update (store, t, &error));
  g_assert_no_error (error);
  plaza_tenant_free (t);
}

static void
test_live (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("plaza-gui-live-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "mall.plaza", NULL);
  g_autofree char *old_name = NULL;
  g_autofree char *row0 = NULL;
  g_autofree char *recent0 = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(PlazaStore) other = NULL;
  PlazaWindow *window;
  PlazaListPage *page;
  PlazaTenantWindow *tenant;
  PlazaHistoryWindow *history;
  PlazaHistoryWindow *recent;
  PlazaLiveBanner *banner;
  GtkSingleSelection *selection;
  RowWait wait;
  GDate today;
  guint n_rows;
  guint n_history;
  gint64 id;

  g_assert_no_error (error);
  g_assert_true (plaza_date_parse ("2026-11-27", &today));
  other = plaza_store_open (path, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (plaza_demo_generate (other, 5, PLAZA_DEMO_SMALL, &today, &error));
  g_assert_no_error (error);
  plaza_store_set_user (other, "wangfang");
  id = plaza_test_count (other, "SELECT MIN (id) FROM tenants WHERE status = 'active'");
  {
    g_autoptr(PlazaTenant) t = plaza_tenant_load (other, id, &error);

    g_assert_no_error (error);
    old_name = g_strdup (t->name);
  }

  /* Client A: the window on Tenants, the tenant selected, its window open. */
  window = plaza_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  plaza_window_open (window, path, PLAZA_STORE_OPEN_DEFAULT);
  plaza_test_spin_until (window_opened, window, "the database to open");
  plaza_worker_set_poll_interval (plaza_window_get_worker (window), 200);
  g_assert_true (plaza_window_set_page (window, "tenants"));
  page = PLAZA_LIST_PAGE (plaza_window_get_page_widget (window, "tenants"));
  plaza_test_spin_until (page_loaded, page, "the Tenants page");
  n_rows = plaza_list_page_get_n_rows (page);
  selection = GTK_SINGLE_SELECTION (plaza_list_page_get_selection (page));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (selection)); i++)
    {
      g_autoptr(PlazaRecord) r = g_list_model_get_item (G_LIST_MODEL (selection), i);

      if (plaza_record_get_id (r) == id)
        gtk_single_selection_set_selected (selection, i);
    }
  g_assert_cmpint (plaza_record_get_id (gtk_single_selection_get_selected_item (selection)), ==, id);

  tenant = plaza_tenant_window_open (GTK_WINDOW (window), plaza_window_get_worker (window), id);
  plaza_test_spin_until (tenant_window_idle, tenant, "the tenant window");
  banner = find_banner (GTK_WIDGET (tenant));
  g_assert_nonnull (banner);
  g_assert_false (plaza_live_banner_is_shown (banner));

  /* Client B renames it. */
  rename_tenant (other, id, "新名字餐饮");
  wait = (RowWait) { window, id, "新名字餐饮" };
  plaza_test_spin_until (row_renamed, &wait, "the Tenants page to show the new name");
  g_assert_cmpuint (plaza_list_page_get_n_rows (page), ==, n_rows);
  g_assert_nonnull (gtk_single_selection_get_selected_item (selection));
  g_assert_cmpint (plaza_record_get_id (gtk_single_selection_get_selected_item (selection)), ==, id);
  g_assert_true (g_str_has_prefix (plaza_window_live_get_toast_text (window), "王芳 "));
  g_assert_nonnull (strstr (plaza_window_live_get_toast_text (window), "新名字餐饮"));
  if (english)
    g_assert_true (g_str_has_prefix (plaza_window_live_get_toast_text (window), "王芳 edited tenant "));
  plaza_test_spin_until (banner_shown, banner, "the tenant window's banner");
  g_assert_true (g_str_has_prefix (plaza_live_banner_get_text (banner), "王芳"));
  if (english)
    g_assert_true (g_str_has_prefix (plaza_live_banner_get_text (banner), "王芳 changed this tenant at "));
  plaza_test_shoot (GTK_WIDGET (window), "live-tenants-toast");
  plaza_test_shoot (GTK_WIDGET (tenant), "live-tenant-banner");

  /* Reload in the banner: the window shows B's name, the banner goes. */
  g_signal_emit_by_name (banner, "reload");
  plaza_test_spin_until (tenant_window_idle, tenant, "the tenant window to reload");
  wait = (RowWait) { window, id, "新名字餐饮" };
  plaza_test_spin_until (tenant_window_named, &wait, "the tenant window to show the new name");
  plaza_live_banner_dismiss (banner);
  g_assert_false (plaza_live_banner_is_shown (banner));

  /* The tenant's history: the edit with its before and after. */
  history = plaza_history_window_new (GTK_WINDOW (tenant), plaza_window_get_worker (window), "tenant", id,
                                      "新名字餐饮");
  gtk_window_present (GTK_WINDOW (history));
  plaza_test_spin_until (history_loaded, history, "the history window");
  row0 = plaza_history_window_get_row_text (history, 0);
  expected = g_strdup_printf ("%s: %s → 新名字餐饮", _("Name"), old_name);
  g_assert_nonnull (strstr (row0, expected));
  g_assert_nonnull (strstr (row0, "王芳 (wangfang@"));
  if (english)
    g_assert_nonnull (strstr (row0, "\tEdited\t"));
  plaza_test_shoot (GTK_WIDGET (history), "live-history");
  plaza_history_window_copy_row (history, 0);
  {
    GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (history));
    ClipWait clip = { NULL, FALSE };

    gdk_clipboard_read_text_async (clipboard, NULL, clip_read_cb, &clip);
    plaza_test_spin_until (clip_done, &clip, "the clipboard");
    g_assert_cmpstr (clip.text, ==, row0);
    g_free (clip.text);
  }
  plaza_history_window_set_search (history, "no such words");
  g_assert_cmpuint (plaza_history_window_get_n_visible (history), ==, 0);
  plaza_history_window_set_search (history, "新名字");
  g_assert_cmpuint (plaza_history_window_get_n_visible (history), ==, 1);
  plaza_history_window_set_search (history, NULL);

  /* Recent Changes: the whole log, newest first; by person. */
  recent = plaza_history_window_new (GTK_WINDOW (window), plaza_window_get_worker (window), NULL, 0, NULL);
  gtk_window_present (GTK_WINDOW (recent));
  plaza_test_spin_until (history_loaded, recent, "the Recent Changes window");
  g_assert_cmpuint (plaza_history_window_get_n_visible (recent), >, 1);
  recent0 = plaza_history_window_get_row_text (recent, 0);
  g_assert_nonnull (strstr (recent0, expected));
  plaza_test_shoot (GTK_WIDGET (recent), "live-recent");
  plaza_history_window_set_filter (recent, "chenqiang", NULL);
  for (guint i = 0; i < plaza_history_window_get_n_visible (recent); i++)
    {
      g_autofree char *row = plaza_history_window_get_row_text (recent, i);

      g_assert_null (strstr (row, "王芳"));
    }
  plaza_history_window_set_filter (recent, "wangfang", "tenant");
  g_assert_cmpuint (plaza_history_window_get_n_visible (recent), >=, 1);

  /* Several changes at once: one toast that counts them. */
  plaza_worker_set_poll_interval (plaza_window_get_worker (window), 0);
  rename_tenant (other, id, "名字二");
  rename_tenant (other, id, "名字三");
  rename_tenant (other, id, "名字四");
  plaza_worker_set_poll_interval (plaza_window_get_worker (window), 200);
  wait = (RowWait) { window, id, "3" };
  plaza_test_spin_until (toast_says, &wait, "a toast counting the changes");
  if (english)
    g_assert_cmpstr (plaza_window_live_get_toast_text (window), ==, "王芳 made 3 changes");
  wait = (RowWait) { window, id, "名字四" };
  plaza_test_spin_until (row_renamed, &wait, "the Tenants page to show the last name");

  /* The toast's Show (win.recent-changes) opens Recent Changes. */
  n_history = count_history_windows ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.recent-changes", NULL);
  g_assert_cmpuint (count_history_windows (), ==, n_history + 1);
  /* The history window follows: four edits now, the newest first. */
  plaza_test_spin_until (history_has_four, history, "the history window to list the new edits");
  {
    g_autofree char *newest = plaza_history_window_get_row_text (history, 0);

    {
      g_autofree char *name_change = g_strdup_printf ("%s: 名字三 → 名字四", _("Name"));

      g_assert_nonnull (strstr (newest, name_change));
    }
  }

  /* Any record window can have the banner (plaza_live_banner_attach):
   * the unit window, when B notes something on the unit. */
  {
    gint64 unit_id = plaza_test_count (other, "SELECT MIN (id) FROM units WHERE status <> 'retired'");
    PlazaUnitWindow *unit_window = plaza_unit_window_new (GTK_WINDOW (window), plaza_window_get_worker (window),
                                                          unit_id);
    g_autoptr(PlazaUnit) unit = plaza_unit_get (other, unit_id, &error);
    PlazaLiveBanner *unit_banner;

    g_assert_no_error (error);
    gtk_window_present (GTK_WINDOW (unit_window));
    unit_banner = find_banner (GTK_WIDGET (unit_window));
    g_assert_nonnull (unit_banner);
    g_free (unit->notes);
    unit->notes = g_strdup ("门头灯不亮");
    g_assert_true (plaza_unit_update (other, unit, "2026-11-27", &error));
    g_assert_no_error (error);
    plaza_test_spin_until (banner_shown, unit_banner, "the unit window's banner");
    g_assert_true (g_str_has_prefix (plaza_live_banner_get_text (unit_banner), "王芳"));
    if (english)
      g_assert_true (g_str_has_prefix (plaza_live_banner_get_text (unit_banner), "王芳 changed this unit at "));
  }

  /* The fit-out window learns its fit-out's id only once it has loaded; B
   * moving the fit-out's period still shows there. */
  {
    gint64 contract_id = plaza_test_count (other, "SELECT MIN (id) FROM contracts WHERE state = 'active'");
    gint64 fitout_id = plaza_fitout_ensure (other, contract_id, &error);
    PlazaFitoutWindow *fitout_window;
    PlazaLiveBanner *fitout_banner;
    GDate start, due;

    g_assert_no_error (error);
    fitout_window = plaza_fitout_window_open (GTK_WINDOW (window), plaza_window_get_worker (window), contract_id);
    plaza_test_spin_until (fitout_loaded, fitout_window, "the fit-out window");
    fitout_banner = find_banner (GTK_WIDGET (fitout_window));
    g_assert_nonnull (fitout_banner);
    g_assert_false (plaza_live_banner_is_shown (fitout_banner));
    g_date_clear (&start, 1);
    g_date_clear (&due, 1);
    g_date_set_dmy (&start, 1, G_DATE_DECEMBER, 2026);
    g_date_set_dmy (&due, 31, G_DATE_JANUARY, 2027);
    g_assert_true (plaza_fitout_set_period (other, fitout_id, &start, &due, &error));
    g_assert_no_error (error);
    plaza_test_spin_until (banner_shown, fitout_banner, "the fit-out window's banner");
    g_assert_true (g_str_has_prefix (plaza_live_banner_get_text (fitout_banner), "王芳"));
  }

  {
    g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

    for (GList *l = toplevels; l != NULL; l = l->next)
      gtk_window_destroy (l->data);
  }
  g_clear_object (&other);
  plaza_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("PLAZA_LOCALEDIR");

  if (localedir != NULL)
    {
      english = FALSE;
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, localedir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/gui/live/rename-refresh-history", test_live);
  return g_test_run ();
}
