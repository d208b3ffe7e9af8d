/* test-gui-tenant-form.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drives the tenant archive form on a small demo made with today's date:
 * a demo tenant loads with its credit code, category and business type; a
 * wrong check character blocks Save and says why in words; fixed, the new
 * name and code save (checked in the database, "saved" emitted, the form
 * clean again). A licence date in the past shows the expiry banner. A save
 * after someone else saved is refused with the conflict dialog, and
 * "Reload Theirs" brings their value back. A contact, a brand from the
 * library and a complaint are added and the complaint marked resolved.
 */

#define G_LOG_DOMAIN "plaza-test"
#define TIMEOUT_S 120

#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "plaza-brand-library.h"
#include "plaza-demo.h"
#include "plaza-tenant-form-private.h"
#include "test-gui-util.h"
#include "test-util.h"

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

static gboolean
form_idle (gpointer data)
{
  PlazaTenantForm *form = data;

  return !plaza_tenant_form_get_busy (form) && form->data != NULL;
}

static gboolean
library_loaded (gpointer data)
{
  return !plaza_brand_library_get_busy (data) && plaza_brand_library_get_brands (data) != NULL;
}

static gboolean
library_idle (gpointer data)
{
  return !plaza_brand_library_get_busy (data);
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

static void
saved_cb (PlazaTenantForm *form G_GNUC_UNUSED,
          gint64           id,
          gint64          *out)
{
  *out = id;
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  AdwMessageDialog *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        found = ADW_MESSAGE_DIALOG (w);
    }
  return found;
}

static gboolean
dialog_shown (gpointer data G_GNUC_UNUSED)
{
  return find_dialog () != NULL;
}

static char *
text_of (PlazaStore *store,
         const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = plaza_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static void
save_and_wait (PlazaTenantForm *form)
{
  g_assert_true (gtk_widget_get_sensitive (form->save_button));
  g_signal_emit_by_name (form->save_button, "clicked");
  plaza_test_spin_until (form_idle, form, "the save");
}

static void
test_form (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("plaza-gui-tenant-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "mall.db", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) past = g_date_time_add_days (now, -3);
  g_autofree char *yesterday3 = g_date_time_format (past, "%Y-%m-%d");
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(PlazaWorker) worker = NULL;
  g_autoptr(PlazaTenant) theirs = NULL;
  g_autofree char *name = NULL;
  g_autofree char *credit = NULL;
  g_autofree char *notes = NULL;
  PlazaTenantForm *form;
  GtkWidget *window;
  AdwMessageDialog *dialog;
  FormJob *job;
  GDate today;
  gint64 id, saved = 0, brand_id, complaint_id;
  gboolean opened = FALSE;

  g_assert_no_error (error);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
  store = plaza_store_open (path, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (plaza_demo_generate (store, 7, PLAZA_DEMO_SMALL, &today, &error));
  g_assert_no_error (error);
  id = plaza_test_count (store, "SELECT MIN (id) FROM tenants WHERE category_id IS NOT NULL AND status = 'active'");
  credit = text_of (store, "SELECT credit_code FROM tenants WHERE id = (SELECT MIN (id) FROM tenants "
                           "WHERE category_id IS NOT NULL AND status = 'active')");

  worker = plaza_worker_new ();
  plaza_worker_open_async (worker, path, PLAZA_STORE_OPEN_DEFAULT, NULL, opened_cb, &opened);
  plaza_test_spin_until (flag_set, &opened, "the worker to open the database");

  form = PLAZA_TENANT_FORM (plaza_tenant_form_new (worker, id));
  g_signal_connect (form, "saved", G_CALLBACK (saved_cb), &saved);
  window = adw_window_new ();
  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (form));
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 900);
  gtk_window_present (GTK_WINDOW (window));
  plaza_test_spin_until (form_idle, form, "the tenant to load");

  g_assert_cmpint (plaza_tenant_form_get_id (form), ==, id);
  g_assert_false (plaza_tenant_form_get_dirty (form));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (form->credit_row)), ==, credit);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (form->business_row)), ==, form->data->tenant->business_type);
  g_assert_cmpstr (form->data->tenant->business_type, !=, "");
  g_assert_false (gtk_widget_get_sensitive (form->save_button));

  /* A wrong check character blocks Save, with the reason in words. */
  gtk_editable_set_text (GTK_EDITABLE (form->name_row), "上海新名字商业管理有限公司");
  g_assert_true (plaza_tenant_form_get_dirty (form));
  g_assert_true (gtk_widget_get_sensitive (form->save_button));
  gtk_editable_set_text (GTK_EDITABLE (form->credit_row), "91350100M000100Y44");
  g_assert_false (gtk_widget_get_sensitive (form->save_button));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (form->credit_reason)));
  g_assert_nonnull (strstr (gtk_label_get_text (form->credit_reason), "check character"));
  g_assert_nonnull (strstr (gtk_label_get_text (form->save_reason), "check character"));
  gtk_editable_set_text (GTK_EDITABLE (form->credit_row), "91350100M000100I43");
  g_assert_nonnull (strstr (gtk_label_get_text (form->credit_reason), "I, O, Z, S and V"));
  gtk_editable_set_text (GTK_EDITABLE (form->credit_row), "91350100M0001");
  g_assert_nonnull (strstr (gtk_label_get_text (form->credit_reason), "18"));

  /* Fixed: it saves. */
  gtk_editable_set_text (GTK_EDITABLE (form->credit_row), "91350100M000100Y43");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (form->credit_reason)));
  save_and_wait (form);
  g_assert_cmpint (saved, ==, id);
  g_assert_false (plaza_tenant_form_get_dirty (form));
  name = text_of (store, "SELECT name || '|' || credit_code || '|' || rev FROM tenants WHERE id = (SELECT MIN (id) FROM tenants "
                         "WHERE category_id IS NOT NULL AND status = 'active')");
  g_assert_cmpstr (name, ==, "上海新名字商业管理有限公司|91350100M000100Y43|2");
  g_assert_cmpint (plaza_test_count (store, "SELECT count(*) FROM change_log WHERE entity = 'tenant' AND action = 'edit'"), ==, 1);

  /* A licence date in the past: the banner; a bad date blocks Save. */
  gtk_editable_set_text (GTK_EDITABLE (form->licence_row), "2026-13-01");
  g_assert_false (gtk_widget_get_sensitive (form->save_button));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (form->licence_reason)));
  gtk_editable_set_text (GTK_EDITABLE (form->licence_row), yesterday3);
  g_assert_true (gtk_widget_get_visible (form->banner));
  g_assert_nonnull (strstr (gtk_label_get_text (form->banner_label), "expired 3 days ago"));
  save_and_wait (form);
  g_assert_true (gtk_widget_get_visible (form->banner));

  /* Someone else saves; ours is refused with the conflict dialog. */
  theirs = plaza_tenant_load (store, id, &error);
  g_assert_no_error (error);
  plaza_store_set_user (store, "lihua");
  g_free (theirs->notes);
  theirs->notes = g_strdup ("他们的备注");
  g_assert_true (plaza_tenant_update (store, theirs, &error));
  g_assert_no_error (error);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (form->notes), "我的备注", -1);
  save_and_wait (form);
  plaza_test_spin_until (dialog_shown, NULL, "the conflict dialog");
  dialog = find_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "lihua"));
  notes = text_of (store, "SELECT notes FROM tenants WHERE id = (SELECT MIN (id) FROM tenants "
                          "WHERE category_id IS NOT NULL AND status = 'active')");
  g_assert_cmpstr (notes, ==, "他们的备注");
  adw_message_dialog_response (dialog, "reload");
  gtk_window_destroy (GTK_WINDOW (dialog));
  plaza_test_spin_until (form_idle, form, "the reload");
  g_assert_cmpstr (form->data->tenant->notes, ==, "他们的备注");
  g_assert_false (plaza_tenant_form_get_dirty (form));

  /* Contacts, brands, complaints: each its own job. */
  job = plaza_tenant_form_job_new (FORM_JOB_CONTACT, 0);
  job->contact = g_new0 (PlazaTenantContact, 1);
  job->contact->tenant_id = id;
  job->contact->name = g_strdup ("赵敏");
  job->contact->role = g_strdup ("开店经理");
  job->contact->phone = g_strdup ("13900000000");
  job->contact->email = g_strdup ("");
  gtk_editable_set_text (GTK_EDITABLE (form->name_row), "上海改名中商业有限公司");
  g_assert_true (plaza_tenant_form_run (form, job, "added"));
  plaza_test_spin_until (form_idle, form, "the contact");
  g_assert_cmpint (plaza_test_count (store, "SELECT count(*) FROM tenant_contacts WHERE name = '赵敏'"), ==, 1);
  /* The unsaved name survived the contact's reload, and still saves. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (form->name_row)), ==, "上海改名中商业有限公司");
  g_assert_true (plaza_tenant_form_get_dirty (form));
  g_assert_cmpuint (form->data->tenant->contacts->len, >=, 1);
  save_and_wait (form);
  g_assert_false (plaza_tenant_form_get_dirty (form));
  g_assert_cmpint (plaza_test_count (store, "SELECT count(*) FROM tenants WHERE name = '上海改名中商业有限公司'"), ==, 1);

  brand_id = plaza_test_count (store, "SELECT MIN (id) FROM brands WHERE id NOT IN (SELECT brand_id FROM tenant_brands)");
  if (brand_id == 0)
    brand_id = plaza_test_count (store, "SELECT MAX (id) FROM brands");
  g_assert_true (plaza_tenant_form_run (form, plaza_tenant_form_job_new (FORM_JOB_LINK, brand_id), "linked"));
  plaza_test_spin_until (form_idle, form, "the brand link");
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM tenant_brands WHERE tenant_id = %lld AND brand_id = %lld",
                                            (long long) id, (long long) brand_id);

    g_assert_cmpint (plaza_test_count (store, sql), ==, 1);
  }

  job = plaza_tenant_form_job_new (FORM_JOB_COMPLAINT, 0);
  job->complaint = plaza_complaint_new ();
  job->complaint->tenant_id = id;
  job->complaint->date = g_date_time_format (now, "%Y-%m-%d");
  g_free (job->complaint->text);
  job->complaint->text = g_strdup ("顾客投诉：试衣间卫生差");
  g_assert_true (plaza_tenant_form_run (form, job, "logged"));
  plaza_test_spin_until (form_idle, form, "the complaint");
  complaint_id = plaza_test_count (store, "SELECT MAX (id) FROM complaints");
  g_assert_cmpint (((PlazaComplaint *) form->data->complaints->pdata[0])->id, ==, complaint_id);
  job = plaza_tenant_form_job_new (FORM_JOB_RESOLVE, complaint_id);
  job->rev = 1;
  job->text = g_date_time_format (now, "%Y-%m-%d");
  g_assert_true (plaza_tenant_form_run (form, job, "resolved"));
  plaza_test_spin_until (form_idle, form, "the resolution");
  g_assert_true (((PlazaComplaint *) form->data->complaints->pdata[0])->resolved);
  g_assert_nonnull (((PlazaComplaint *) form->data->complaints->pdata[0])->resolved_on);

  /* A new tenant: no lists until saved; saved, it has an id and a code. */
  {
    GtkWidget *window2 = adw_window_new ();
    PlazaTenantForm *fresh = PLAZA_TENANT_FORM (plaza_tenant_form_new (worker, 0));
    gint64 before = plaza_test_count (store, "SELECT count(*) FROM tenants");

    adw_window_set_content (ADW_WINDOW (window2), GTK_WIDGET (fresh));
    gtk_window_present (GTK_WINDOW (window2));
    plaza_test_spin_until (form_idle, fresh, "the new tenant form");
    g_assert_false (gtk_widget_get_sensitive (fresh->save_button));   /* no name yet */
    g_assert_false (gtk_widget_get_sensitive (fresh->lists_box));
    gtk_editable_set_text (GTK_EDITABLE (fresh->name_row), "苏州新开业餐饮有限公司");
    save_and_wait (fresh);
    g_assert_cmpint (plaza_tenant_form_get_id (fresh), >, 0);
    g_assert_cmpint (plaza_test_count (store, "SELECT count(*) FROM tenants"), ==, before + 1);
    g_assert_nonnull (fresh->data->tenant->code);
    g_assert_true (g_str_has_prefix (fresh->data->tenant->code, "T"));
    g_assert_true (gtk_widget_get_sensitive (fresh->lists_box));
    gtk_window_destroy (GTK_WINDOW (window2));
  }

  /* The brand library lists what core lists, and searches. */
  {
    PlazaBrandLibrary *library = plaza_brand_library_new (NULL, worker);
    g_autoptr(GPtrArray) expected = plaza_brand_list (store, "服装", &error);

    gtk_window_present (GTK_WINDOW (library));
    plaza_test_spin_until (library_loaded, library, "the brand library");
    g_assert_cmpint (plaza_brand_library_get_brands (library)->len, ==,
                     plaza_test_count (store, "SELECT count(*) FROM brands"));
    plaza_brand_library_set_search (library, "服装");
    plaza_test_spin_until (library_idle, library, "the search");
    g_assert_cmpint (plaza_brand_library_get_brands (library)->len, ==, expected->len);
    g_assert_cmpint (expected->len, <, plaza_test_count (store, "SELECT count(*) FROM brands"));
    gtk_window_destroy (GTK_WINDOW (library));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&worker);
  g_clear_object (&store);
  plaza_test_remove_tree (dir);
}

static gboolean
scroll_down_cb (gpointer data)
{
  GtkWidget *w = data;

  while (w != NULL && !GTK_IS_SCROLLED_WINDOW (w))
    w = gtk_widget_get_first_child (w);
  if (w != NULL)
    {
      GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (w));

      gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
    }
  return G_SOURCE_REMOVE;
}

/* PLAZA_TEST_SHOW=DB[:ID[:bottom]] shows the form of tenant ID (or, with ID
 * "brands", the brand library) on DB until killed: for screenshots. */
static int
show (const char *spec)
{
  g_auto(GStrv) parts = g_strsplit (spec, ":", 3);
  g_autoptr(PlazaWorker) worker = plaza_worker_new ();
  gboolean opened = FALSE;
  GtkWidget *window;

  plaza_worker_open_async (worker, parts[0], PLAZA_STORE_OPEN_DEFAULT, NULL, opened_cb, &opened);
  while (!opened)
    g_main_context_iteration (NULL, TRUE);
  if (parts[1] != NULL && g_str_equal (parts[1], "brands"))
    window = GTK_WIDGET (plaza_brand_library_new (NULL, worker));
  else
    {
      window = adw_window_new ();
      adw_window_set_content (ADW_WINDOW (window),
                              plaza_tenant_form_new (worker, parts[1] != NULL ? g_ascii_strtoll (parts[1], NULL, 10) : 1));
      gtk_window_set_default_size (GTK_WINDOW (window), 900, 880);
      if (parts[1] != NULL && parts[2] != NULL)
        g_timeout_add (1500, scroll_down_cb, adw_window_get_content (ADW_WINDOW (window)));
    }
  gtk_window_present (GTK_WINDOW (window));
  for (;;)
    g_main_context_iteration (NULL, TRUE);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  if (g_getenv ("PLAZA_TEST_SHOW") != NULL)
    return show (g_getenv ("PLAZA_TEST_SHOW"));

  g_test_add_func ("/gui/tenant-form", test_form);

  return g_test_run ();
}
