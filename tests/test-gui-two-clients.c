/* test-gui-two-clients.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two computers on one file: client A is a PlazaWindow (its worker polling
 * every 200 ms) with a tenant form and a promotion editor open; client B
 * is a second PlazaStore on the same small demo, writing as 王芳.
 * B renames a tenant while A edits it: A's save is refused with the shared
 * conflict dialog naming 王芳 and the changed field; Reload Theirs shows
 * B's name. Again, Save Mine Over Theirs: the row has A's value and the
 * change log has both saves. B renames another tenant: A's Tenants page
 * shows it without anyone reloading. The same conflict for a promotion,
 * for a complaint marked resolved after B reworded it and for a review
 * proposal.
 * While B holds the write lock for 2.5 s, A's save shows the "Waiting for
 * another computer" bar, and lands once B lets go; held past the retry
 * budget, the save ends in the busy toast, the edit kept, and Retry saves.
 * With PLAZA_TEST_SHOTS=DIR the dialog and the bar are saved as PNGs
 * (PLAZA_LOCALEDIR and LANGUAGE=zh_CN for the Chinese ones).
 */

#define G_LOG_DOMAIN "plaza-test"
#define TIMEOUT_S 120

#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "plaza-brand-library.h"
#include "plaza-brand.h"
#include "plaza-complaint.h"
#include "plaza-demo.h"
#include "plaza-fitout-window-private.h"
#include "plaza-prospect-window.h"
#include "plaza-prospect.h"
#include "plaza-unit-window-private.h"
#include "plaza-list-page.h"
#include "plaza-lock-wait-bar.h"
#include "plaza-promotion-editor-private.h"
#include "plaza-promotion.h"
#include "plaza-review.h"
#include "plaza-review-page.h"
#include "plaza-tenant-form-private.h"
#include "plaza-window-private.h"
#include "test-gui-util.h"
#include "test-util.h"

#define B_USER "王芳"

static gboolean
window_opened (gpointer data)
{
  return !plaza_window_get_busy (data) && plaza_window_get_path (data) != NULL;
}

static gboolean
form_idle (gpointer data)
{
  PlazaTenantForm *form = data;

  return !plaza_tenant_form_get_busy (form) && form->data != NULL;
}

static gboolean
editor_idle (gpointer data)
{
  return !plaza_promotion_editor_get_busy (data);
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

static gboolean
list_loaded (gpointer data)
{
  return !plaza_list_page_get_loading (data) && plaza_list_page_get_n_rows (data) > 0;
}

static gboolean
one_visible (gpointer data)
{
  return !plaza_list_page_get_loading (data) && plaza_list_page_get_n_visible (data) == 1;
}

static gboolean
review_has_rows (gpointer data)
{
  GPtrArray *rows = plaza_review_page_get_rows (data);

  return plaza_review_page_get_loaded (data) && rows != NULL && rows->len > 0;
}

static gboolean
replaced (gpointer data)
{
  return plaza_test_count (data, "SELECT count(*) FROM tenant_reviews WHERE proposal = 'replace'") > 0;
}

static gboolean
library_idle (gpointer data)
{
  return !plaza_brand_library_get_busy (data) && plaza_brand_library_get_brands (data) != NULL;
}

static gboolean
brand_saved_over (gpointer data)
{
  return plaza_test_count (data, "SELECT count(*) FROM brands WHERE notes = '甲的品牌备注'") == 1;
}

static gboolean
unit_window_loaded (gpointer data)
{
  return !plaza_unit_window_get_busy (data) && plaza_unit_window_get_unit (data) != NULL;
}

static gboolean
fitout_window_loaded (gpointer data)
{
  return !plaza_fitout_window_get_busy (data) && plaza_fitout_window_get_fitout (data) != NULL;
}

static gboolean
prospect_window_loaded (gpointer data)
{
  return !plaza_prospect_window_get_busy (data) && plaza_prospect_window_get_prospect (data) != NULL;
}

static gboolean
unit_saved_over (gpointer data)
{
  return plaza_test_count (data, "SELECT count(*) FROM units WHERE notes = '甲的铺位备注'") == 1;
}

static gboolean
prospect_dropped (gpointer data)
{
  return plaza_test_count (data, "SELECT count(*) FROM prospects WHERE stage = 'dropped' "
                                 "AND drop_reason = '甲：品牌不合适'") == 1;
}

/* The dialog that a refused save brought up: its heading and B's name;
 * answered with @response. */
static void
answer_heading (const char *heading,
                const char *response,
                const char *shot)
{
  AdwMessageDialog *dialog;

  plaza_test_spin_until (dialog_shown, NULL, heading);
  dialog = find_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), B_USER));
  /* Keep Editing has the keyboard focus, never the destructive answer. */
  g_assert_true (GTK_IS_BUTTON (gtk_window_get_focus (GTK_WINDOW (dialog))));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (gtk_window_get_focus (GTK_WINDOW (dialog)))), ==,
                   _("_Keep Editing"));
  plaza_test_shoot (GTK_WIDGET (dialog), shot);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
bar_shown (gpointer data)
{
  return plaza_lock_wait_bar_get_shown (data);
}

/* The toast's widgets (AdwToastOverlay has no getter for its toasts). */
static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0
          && gtk_widget_get_mapped (child))
        return child;
      found = find_button (child, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0)
        return child;
      found = find_label (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_entry_row (GtkWidget  *root,
                const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (ADW_IS_ENTRY_ROW (child) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
        return child;
      found = find_entry_row (child, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The list box whose first row is titled @title. */
static GtkListBox *
find_list (GtkWidget  *root,
           const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkListBox *found;

      if (GTK_IS_LIST_BOX (child))
        {
          GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (child), 0);

          if (ADW_IS_PREFERENCES_ROW (row) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
            return GTK_LIST_BOX (child);
        }
      found = find_list (child, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static char *
text_of (PlazaStore *store,
         const char *sql,
         gint64      id)
{
  g_autoptr(sqlite3_stmt) stmt = plaza_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

/* B, the other computer, renames tenant @id. */
static void
b_rename_tenant (PlazaStore *b,
                 gint64      id,
                 const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaTenant) t = plaza_tenant_load (b, id, &error);

  g_assert_no_error (error);
  g_free (t->name);
  t->name = g_strdup (name);
  g_assert_true (plaza_tenant_update (b, t, &error));
  g_assert_no_error (error);
}

/* Answers the conflict dialog that A's refused save brought up, after
 * checking it names B and what B changed. */
static void
answer_conflict (const char *heading,
                 const char *theirs,
                 const char *response,
                 const char *shot)
{
  AdwMessageDialog *dialog;
  const char *body;

  plaza_test_spin_until (dialog_shown, NULL, "the conflict dialog");
  dialog = find_dialog ();
  body = adw_message_dialog_get_body (dialog);
  g_test_message ("%s\n%s", adw_message_dialog_get_heading (dialog), body);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
  g_assert_nonnull (strstr (body, B_USER));
  {
    g_autofree char *field = g_strdup_printf ("%s: ", _("Name"));

    g_assert_nonnull (strstr (body, field));
  }
  g_assert_nonnull (strstr (body, theirs));
  g_assert_true (adw_message_dialog_has_response (dialog, "keep"));
  g_assert_true (adw_message_dialog_has_response (dialog, "reload"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "over"), ==, ADW_RESPONSE_DESTRUCTIVE);
  if (shot != NULL)
    plaza_test_shoot (GTK_WIDGET (dialog), shot);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

typedef struct
{
  char    *path;
  GMutex   lock;
  GCond    cond;
  gboolean holding;
  guint    hold_ms;
} Holder;

static gpointer
holder_thread (gpointer user_data)
{
  Holder *h = user_data;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (h->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_mutex_lock (&h->lock);
  h->holding = TRUE;
  g_cond_signal (&h->cond);
  g_mutex_unlock (&h->lock);
  g_usleep ((gulong) h->hold_ms * 1000);
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  return NULL;
}

static void
test_two_clients (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("plaza-two-clients-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "mall.db", NULL);
  g_autoptr(PlazaStore) b = NULL;
  g_autofree char *name = NULL;
  g_autofree char *a_user = NULL;
  PlazaWindow *window;
  PlazaWorker *worker;
  PlazaTenantForm *form;
  PlazaPromotionEditor *editor;
  PlazaLockWaitBar *bar;
  PlazaLockWaitBar *form_bar;
  GtkWidget *retry;
  GtkWidget *form_window;
  GtkWidget *tenants;
  Holder h = { NULL, { 0 }, { 0 }, FALSE, 2500 };
  GThread *thread;
  GDate today;
  gint64 id, other, promotion, complaint = 0;

  g_assert_no_error (error);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 27, G_DATE_NOVEMBER, 2026);
  b = plaza_store_open (path, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (plaza_demo_generate (b, 7, PLAZA_DEMO_SMALL, &today, &error));
  g_assert_no_error (error);
  plaza_store_set_user (b, B_USER);
  id = plaza_test_count (b, "SELECT MIN (id) FROM tenants WHERE status = 'active'");
  other = plaza_test_count (b, "SELECT MAX (id) FROM tenants WHERE status = 'active'");
  promotion = plaza_test_count (b, "SELECT MIN (id) FROM promotions WHERE state = 'draft'");
  g_assert_cmpint (promotion, >, 0);

  /* Client A: the window, polling every 200 ms. */
  window = plaza_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  plaza_window_open (window, path, PLAZA_STORE_OPEN_DEFAULT);
  plaza_test_spin_until (window_opened, window, "client A to open the file");
  worker = plaza_window_get_worker (window);
  plaza_worker_set_poll_interval (worker, 200);

  form = PLAZA_TENANT_FORM (plaza_tenant_form_new (worker, id));
  form_window = adw_window_new ();
  gtk_window_set_transient_for (GTK_WINDOW (form_window), GTK_WINDOW (window));
  adw_window_set_content (ADW_WINDOW (form_window), GTK_WIDGET (form));
  gtk_window_set_default_size (GTK_WINDOW (form_window), 800, 800);
  gtk_window_present (GTK_WINDOW (form_window));
  plaza_test_spin_until (form_idle, form, "A's tenant form to load");

  /* B logs a complaint about the tenant (A sees it after its next load). */
  {
    g_autoptr(PlazaComplaint) c = plaza_complaint_new ();

    c->tenant_id = id;
    c->date = g_strdup ("2026-11-20");
    g_free (c->text);
    c->text = g_strdup ("门头灯不亮");
    g_assert_true (plaza_complaint_save (b, c, &error));
    g_assert_no_error (error);
    complaint = c->id;
  }

  /* 1. A edits the name; B saves first; A's save is refused, A reloads. */
  gtk_editable_set_text (GTK_EDITABLE (form->name_row), "甲改的名字有限公司");
  b_rename_tenant (b, id, "乙改的名字有限公司");
  g_signal_emit_by_name (form->save_button, "clicked");
  plaza_test_spin_until (form_idle, form, "A's save");
  answer_conflict (_("Someone Else Saved This Tenant"), "乙改的名字有限公司", "reload", "conflict-tenant");
  plaza_test_spin_until (form_idle, form, "A's reload");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (form->name_row)), ==, "乙改的名字有限公司");
  g_assert_false (plaza_tenant_form_get_dirty (form));
  name = text_of (b, "SELECT name FROM tenants WHERE id = ?", id);
  g_assert_cmpstr (name, ==, "乙改的名字有限公司");
  g_clear_pointer (&name, g_free);

  /* 2. Again, and A saves over B: A's value, both saves in the log. */
  gtk_editable_set_text (GTK_EDITABLE (form->name_row), "甲的第二个名字有限公司");
  b_rename_tenant (b, id, "乙的第二个名字有限公司");
  g_signal_emit_by_name (form->save_button, "clicked");
  plaza_test_spin_until (form_idle, form, "A's second save");
  answer_conflict (_("Someone Else Saved This Tenant"), "乙的第二个名字有限公司", "over", NULL);
  plaza_test_spin_until (form_idle, form, "A's save over B's");
  g_assert_false (plaza_tenant_form_get_dirty (form));
  name = text_of (b, "SELECT name FROM tenants WHERE id = ?", id);
  g_assert_cmpstr (name, ==, "甲的第二个名字有限公司");
  a_user = text_of (b, "SELECT user FROM change_log WHERE entity = 'tenant' AND entity_id = ? ORDER BY seq DESC", id);
  g_assert_cmpstr (a_user, !=, B_USER);
  g_assert_cmpint (plaza_test_count (b, "SELECT count(*) FROM change_log WHERE entity = 'tenant' AND action = 'edit' "
                                        "AND user = '" B_USER "' AND summary LIKE '%→ 乙的第二个名字有限公司%'"), ==, 1);
  g_assert_cmpint (plaza_test_count (b, "SELECT count(*) FROM change_log WHERE entity = 'tenant' AND action = 'edit' "
                                        "AND user <> '" B_USER "' AND summary LIKE '%乙的第二个名字有限公司 → "
                                        "甲的第二个名字有限公司%'"), ==, 1);

  /* 2b. A complaint: B rewords it, A marks it resolved at the old rev: the
   * dialog; Save Mine Over Theirs resolves it at the current rev. */
  {
    PlazaComplaint *seen = NULL;
    g_autoptr(PlazaComplaint) theirs = NULL;
    g_autoptr(GPtrArray) rows = plaza_complaint_list (b, id, &error);
    FormJob *job;

    g_assert_no_error (error);
    for (guint i = 0; i < form->data->complaints->len; i++)
      if (((PlazaComplaint *) form->data->complaints->pdata[i])->id == complaint)
        seen = form->data->complaints->pdata[i];
    g_assert_nonnull (seen);
    for (guint i = 0; i < rows->len; i++)
      if (((PlazaComplaint *) rows->pdata[i])->id == complaint)
        theirs = g_steal_pointer (&rows->pdata[i]);
    g_assert_nonnull (theirs);
    g_free (theirs->text);
    theirs->text = g_strdup ("门头灯不亮，已报修");
    g_assert_true (plaza_complaint_save (b, theirs, &error));
    g_assert_no_error (error);
    job = plaza_tenant_form_job_new (FORM_JOB_RESOLVE, complaint);
    job->rev = seen->rev;
    job->text = g_strdup ("2026-11-27");
    g_assert_true (plaza_tenant_form_run (form, job, "resolved"));
    plaza_test_spin_until (form_idle, form, "A's refused resolve");
    plaza_test_spin_until (dialog_shown, NULL, "the complaint's conflict dialog");
    g_assert_cmpstr (adw_message_dialog_get_heading (find_dialog ()), ==, _("Someone Else Saved This Complaint"));
    g_assert_nonnull (strstr (adw_message_dialog_get_body (find_dialog ()), B_USER));
    g_assert_cmpint (plaza_test_count (b, "SELECT resolved FROM complaints ORDER BY id DESC LIMIT 1"), ==, 0);
    adw_message_dialog_response (find_dialog (), "over");
    gtk_window_destroy (GTK_WINDOW (find_dialog ()));
    plaza_test_spin_until (form_idle, form, "A's resolve over B's edit");
    g_assert_cmpint (plaza_test_count (b, "SELECT resolved FROM complaints ORDER BY id DESC LIMIT 1"), ==, 1);
  }

  /* 3. Live refresh: B renames another tenant; A's Tenants page shows it. */
  g_assert_true (plaza_window_set_page (window, "tenants"));
  tenants = plaza_window_get_page_widget (window, "tenants");
  plaza_test_spin_until (list_loaded, tenants, "A's Tenants page");
  plaza_list_page_set_search (PLAZA_LIST_PAGE (tenants), "乙在别处改的名字");
  g_assert_cmpuint (plaza_list_page_get_n_visible (PLAZA_LIST_PAGE (tenants)), ==, 0);
  b_rename_tenant (b, other, "乙在别处改的名字有限公司");
  plaza_test_spin_until (one_visible, tenants, "B's rename on A's Tenants page");

  /* 3b. The quarterly review: B changes a proposal, A's change at the old
   * rev is refused; Save Mine Over Theirs keeps A's proposal. */
  {
    PlazaReviewPage *review;
    PlazaReviewRow *row;
    g_autofree char *proposal = NULL;
    gint64 review_id;

    g_assert_true (plaza_window_set_page (window, "review"));
    review = PLAZA_REVIEW_PAGE (plaza_window_get_page_widget (window, "review"));
    plaza_test_spin_until ((gboolean (*) (gpointer)) plaza_review_page_get_loaded, review, "A's review page");
    plaza_review_page_build (review);
    plaza_test_spin_until (review_has_rows, review, "A's built review");
    row = g_ptr_array_index (plaza_review_page_get_rows (review), 0);
    review_id = row->id;
    g_assert_true (plaza_review_set_proposal (b, review_id, row->rev, "warn", "乙：先警告", &error));
    g_assert_no_error (error);
    plaza_review_page_set_proposal (review, review_id, "replace", "甲：换掉");
    plaza_test_spin_until (dialog_shown, NULL, "the review's conflict dialog");
    g_assert_cmpstr (adw_message_dialog_get_heading (find_dialog ()), ==, _("Someone Else Saved This Review"));
    g_assert_nonnull (strstr (adw_message_dialog_get_body (find_dialog ()), B_USER));
    proposal = text_of (b, "SELECT proposal FROM tenant_reviews WHERE id = ?", review_id);
    g_assert_cmpstr (proposal, ==, "warn");
    g_clear_pointer (&proposal, g_free);
    adw_message_dialog_response (find_dialog (), "over");
    gtk_window_destroy (GTK_WINDOW (find_dialog ()));
    plaza_test_spin_until (replaced, b, "A's proposal over B's");
    proposal = text_of (b, "SELECT proposal FROM tenant_reviews WHERE id = ?", review_id);
    g_assert_cmpstr (proposal, ==, "replace");
  }

  /* 4. The same conflict on a promotion. */
  editor = plaza_promotion_editor_open (GTK_WINDOW (window), worker, promotion);
  plaza_test_spin_until (editor_idle, editor, "A's promotion editor");
  plaza_promotion_editor_set_field (editor, "name", "甲的促销名");
  {
    g_autoptr(PlazaPromotion) p = plaza_promotion_load (b, promotion, &error);

    g_assert_no_error (error);
    g_free (p->name);
    p->name = g_strdup ("乙的促销名");
    g_assert_true (plaza_promotion_update (b, p, &error));
    g_assert_no_error (error);
  }
  g_assert_true (plaza_promotion_editor_save_now (editor));
  plaza_test_spin_until (editor_idle, editor, "A's promotion save");
  answer_conflict (_("Someone Else Saved This Promotion"), "乙的促销名", "reload", "conflict-promotion");
  plaza_test_spin_until (editor_idle, editor, "A's promotion reload");
  {
    g_autofree char *field = plaza_promotion_editor_dup_field (editor, "name");

    g_assert_cmpstr (field, ==, "乙的促销名");
  }
  plaza_promotion_editor_set_field (editor, "name", "甲的促销名");
  {
    g_autoptr(PlazaPromotion) p = plaza_promotion_load (b, promotion, &error);

    g_assert_no_error (error);
    g_free (p->theme);
    p->theme = g_strdup ("乙改的主题");
    g_assert_true (plaza_promotion_update (b, p, &error));
    g_assert_no_error (error);
  }
  g_assert_true (plaza_promotion_editor_save_now (editor));
  plaza_test_spin_until (editor_idle, editor, "A's second promotion save");
  plaza_test_spin_until (dialog_shown, NULL, "the promotion's conflict dialog");
  adw_message_dialog_response (find_dialog (), "over");
  gtk_window_destroy (GTK_WINDOW (find_dialog ()));
  plaza_test_spin_until (editor_idle, editor, "A's promotion save over B's");
  g_clear_pointer (&name, g_free);
  name = text_of (b, "SELECT name || '|' || theme FROM promotions WHERE id = ?", promotion);
  /* Mine over theirs: every field as A had it (A never saw B's theme). */
  g_assert_true (g_str_has_prefix (name, "甲的促销名|"));
  g_assert_null (strstr (name, "乙改的主题"));
  g_assert_cmpint (plaza_test_count (b, "SELECT count(*) FROM change_log WHERE entity = 'promotion' "
                                        "AND action = 'edit' AND user = '" B_USER "'"), ==, 2);
  g_assert_cmpint (plaza_test_count (b, "SELECT count(*) FROM change_log WHERE entity = 'promotion' "
                                        "AND action = 'edit' AND user <> '" B_USER "' AND summary LIKE '%甲的促销名%'"), ==, 1);
  gtk_window_destroy (GTK_WINDOW (editor));

  /* 4b. A unit, a fit-out and a prospect in their own windows. */
  {
    gint64 unit = plaza_test_count (b, "SELECT MIN (id) FROM units WHERE status <> 'retired'");
    gint64 contract = plaza_test_count (b, "SELECT MIN (id) FROM contracts WHERE state = 'active'");
    gint64 prospect = plaza_test_count (b, "SELECT MIN (id) FROM prospects WHERE stage = 'contact'");
    PlazaUnitWindow *uw = plaza_unit_window_new (GTK_WINDOW (window), worker, unit);
    PlazaFitoutWindow *fw;
    PlazaProspectWindow *pw;
    g_autoptr(PlazaUnit) theirs = NULL;
    g_autofree char *due = NULL;
    GDate start, b_due;

    /* The unit: Save Mine Over Theirs. */
    gtk_window_present (GTK_WINDOW (uw));
    plaza_test_spin_until (unit_window_loaded, uw, "A's unit window");
    gtk_editable_set_text (GTK_EDITABLE (uw->notes_row), "甲的铺位备注");
    theirs = plaza_unit_get (b, unit, &error);
    g_assert_no_error (error);
    g_free (theirs->notes);
    theirs->notes = g_strdup ("乙的铺位备注");
    g_assert_true (plaza_unit_update (b, theirs, "2026-11-27", &error));
    g_assert_no_error (error);
    g_signal_emit_by_name (uw->save_button, "clicked");
    answer_heading (_("Someone Else Saved This Unit"), "over", "conflict-unit");
    plaza_test_spin_until (unit_saved_over, b, "A's unit saved over B's");

    /* The fit-out period: Reload Theirs. */
    fw = plaza_fitout_window_open (GTK_WINDOW (window), worker, contract);
    plaza_test_spin_until (fitout_window_loaded, fw, "A's fit-out window");
    start = plaza_fitout_window_get_fitout (fw)->start;
    g_date_clear (&b_due, 1);
    g_date_set_dmy (&b_due, 20, G_DATE_DECEMBER, 2027);
    g_assert_true (plaza_fitout_set_period (b, plaza_fitout_window_get_fitout (fw)->id, &start, &b_due, &error));
    g_assert_no_error (error);
    {
      g_autofree char *a_start = plaza_date_format (&start);

      g_assert_true (plaza_fitout_window_save_period (fw, a_start, "2027-12-31"));
    }
    answer_heading (_("Someone Else Saved This Fit-Out"), "reload", "conflict-fitout");
    plaza_test_spin_until (fitout_window_loaded, fw, "A's fit-out reload");
    due = plaza_date_format (&plaza_fitout_window_get_fitout (fw)->due);
    while (g_strcmp0 (due, "2027-12-20") != 0)
      {
        g_main_context_iteration (NULL, TRUE);
        g_free (due);
        due = plaza_date_format (&plaza_fitout_window_get_fitout (fw)->due);
      }
    gtk_window_destroy (GTK_WINDOW (fw));

    /* The prospect: B moves it on, A's drop at the old rev is refused;
     * Save Mine Over Theirs drops it. */
    pw = plaza_prospect_window_new (GTK_WINDOW (window), worker, prospect);
    plaza_test_spin_until (prospect_window_loaded, pw, "A's prospect window");
    g_assert_true (plaza_prospect_move (b, prospect, plaza_prospect_window_get_prospect (pw)->rev,
                                        PLAZA_PROSPECT_NEGOTIATION, NULL, &error));
    g_assert_no_error (error);
    plaza_prospect_window_drop (pw, "甲：品牌不合适");
    answer_heading (_("Someone Else Saved This Prospect"), "over", "conflict-prospect");
    plaza_test_spin_until (prospect_dropped, b, "A's drop over B's move");
    gtk_window_destroy (GTK_WINDOW (pw));
  }

  /* 4c. The brand library: B edits the brand A has open; Save Mine Over Theirs. */
  {
    PlazaBrandLibrary *library = plaza_brand_library_new (GTK_WINDOW (window), worker);
    PlazaBrand *shown;
    g_autoptr(PlazaBrand) theirs = NULL;
    GtkListBox *list;
    GtkWidget *notes, *save;

    gtk_window_present (GTK_WINDOW (library));
    plaza_test_spin_until (library_idle, library, "A's brand library");
    shown = g_ptr_array_index (plaza_brand_library_get_brands (library), 0);
    list = find_list (GTK_WIDGET (library), shown->name);
    g_assert_nonnull (list);
    theirs = plaza_brand_load (b, shown->id, &error);
    g_assert_no_error (error);
    g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 0));
    plaza_test_spin_until (library_idle, library, "the brand's notes");
    notes = find_entry_row (GTK_WIDGET (library), _("Notes"));
    g_assert_nonnull (notes);
    gtk_editable_set_text (GTK_EDITABLE (notes), "甲的品牌备注");
    g_free (theirs->notes);
    theirs->notes = g_strdup ("乙的品牌备注");
    g_assert_true (plaza_brand_save (b, theirs, &error));
    g_assert_no_error (error);
    save = find_button (GTK_WIDGET (library), _("_Save"));
    g_assert_nonnull (save);
    g_signal_emit_by_name (save, "clicked");
    answer_heading (_("Someone Else Saved This Brand"), "over", "conflict-brand");
    plaza_test_spin_until (brand_saved_over, b, "A's brand saved over B's");
    gtk_window_destroy (GTK_WINDOW (library));
  }

  /* 5. B holds the write lock for 2.5 s: A's save waits visibly, then lands. */
  bar = g_object_get_data (G_OBJECT (window->content_box), "plaza-lock-wait-bar");
  g_assert_nonnull (bar);
  g_assert_false (plaza_lock_wait_bar_get_shown (bar));
  gtk_editable_set_text (GTK_EDITABLE (form->name_row), "甲等锁时改的名字有限公司");
  h.path = path;
  thread = g_thread_new ("b-holds-the-lock", holder_thread, &h);
  g_mutex_lock (&h.lock);
  while (!h.holding)
    g_cond_wait (&h.cond, &h.lock);
  g_mutex_unlock (&h.lock);
  g_signal_emit_by_name (form->save_button, "clicked");
  plaza_test_spin_until (bar_shown, bar, "the waiting bar");
  plaza_test_shoot (GTK_WIDGET (window), "lock-wait-bar");
  /* The form that is saving says so too. */
  form_bar = g_object_get_data (G_OBJECT (gtk_widget_get_parent (form->banner)), "plaza-lock-wait-bar");
  g_assert_nonnull (form_bar);
  plaza_test_spin_until (bar_shown, form_bar, "the form's waiting bar");
  plaza_test_shoot (form_window, "lock-wait-bar-form");
  plaza_test_spin_until (form_idle, form, "A's save after the wait");
  g_thread_join (thread);
  g_clear_pointer (&name, g_free);
  name = text_of (b, "SELECT name FROM tenants WHERE id = ?", id);
  g_assert_cmpstr (name, ==, "甲等锁时改的名字有限公司");
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_false (plaza_worker_get_lock_waiting (worker));
  g_assert_false (plaza_lock_wait_bar_get_shown (form_bar));

  /* 6. B holds the lock past A's retry budget (~5.6 s): A's save ends in
   * the busy toast, the typed name is kept (nothing lost, no dialog), and
   * Retry saves it once B is done. */
  gtk_editable_set_text (GTK_EDITABLE (form->name_row), "甲重试后的名字有限公司");
  h.holding = FALSE;
  h.hold_ms = 7000;
  thread = g_thread_new ("b-holds-the-lock-long", holder_thread, &h);
  g_mutex_lock (&h.lock);
  while (!h.holding)
    g_cond_wait (&h.cond, &h.lock);
  g_mutex_unlock (&h.lock);
  g_signal_emit_by_name (form->save_button, "clicked");
  plaza_test_spin_until (bar_shown, form_bar, "the form's waiting bar (long)");
  plaza_test_spin_until (form_idle, form, "A's save giving up");
  retry = find_button (GTK_WIDGET (form->toasts), _("_Retry"));
  g_assert_nonnull (retry);
  g_assert_nonnull (find_label (GTK_WIDGET (form->toasts), _("The file is busy: someone else is saving. Try again.")));
  plaza_test_shoot (form_window, "busy-toast");
  g_assert_null (find_dialog ());
  g_assert_true (plaza_tenant_form_get_dirty (form));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (form->name_row)), ==, "甲重试后的名字有限公司");
  g_clear_pointer (&name, g_free);
  name = text_of (b, "SELECT name FROM tenants WHERE id = ?", id);
  g_assert_cmpstr (name, ==, "甲等锁时改的名字有限公司");
  g_thread_join (thread);
  g_signal_emit_by_name (retry, "clicked");
  plaza_test_spin_until (form_idle, form, "A's retried save");
  g_clear_pointer (&name, g_free);
  name = text_of (b, "SELECT name FROM tenants WHERE id = ?", id);
  g_assert_cmpstr (name, ==, "甲重试后的名字有限公司");
  g_assert_false (plaza_tenant_form_get_dirty (form));

  gtk_window_destroy (GTK_WINDOW (form_window));
  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&b);
  plaza_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("PLAZA_LOCALEDIR");

  /* For the Chinese screenshots: PLAZA_LOCALEDIR=build/po LANGUAGE=zh_CN. */
  if (localedir != NULL)
    {
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, localedir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/two-clients/conflict-and-refresh", test_two_clients);
  return g_test_run ();
}
