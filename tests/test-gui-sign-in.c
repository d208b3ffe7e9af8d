/* test-gui-sign-in.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sign-in in the window, on a small demo made with --accounts: a wrong
 * password shows core's message and the dialog stays; the clerk may add a
 * tenant but not issue the bill run (the button says why); a write the
 * clerk may not do, forced through core, is refused; the viewer may
 * nothing; the admin opens Users… and adds an account; Cancel closes the
 * file; sign-out asks again; a file without passwords says "No sign-in";
 * the in-app demo signs its creator in as admin without a dialog.
 * With PLAZA_TEST_SHOTS=DIR it saves the dialog and Users… (PLAZA_LOCALEDIR
 * and LANGUAGE=zh_CN for the Chinese ones).
 */

#define G_LOG_DOMAIN "plaza-test"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "plaza-accounts.h"
#include "plaza-list-page.h"
#include "plaza-password-dialog.h"
#include "plaza-permissions.h"
#include "plaza-role-guard.h"
#include "plaza-sign-in-dialog.h"
#include "plaza-users-window.h"
#include "plaza-users.h"
#include "plaza-window.h"
#include "plaza-window-session.h"
#include "test-gui-util.h"
#include "test-util.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gboolean accounts = GPOINTER_TO_INT (data);
  const char *args[] = { "demo", NULL, "--size", "small", "--today", "2026-11-27", accounts ? "--accounts" : NULL,
                         NULL };

  f->dir = g_dir_make_tmp ("plaza-sign-in-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "mall.db", NULL);
  args[1] = f->path;
  g_assert_cmpint (plaza_test_run_plazactl (args, NULL, NULL), ==, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data G_GNUC_UNUSED)
{
  plaza_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* ---- finding widgets ---- */

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;
      found = find_button (child, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_strcmp0 (gtk_widget_get_name (child), name) == 0)
        return child;
      found = find_named (child, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
window_opened (gpointer data)
{
  return !plaza_window_get_busy (data) && plaza_window_get_path (data) != NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return plaza_window_session_get_dialog (data) != NULL;
}

static gboolean
dialog_gone (gpointer data)
{
  return plaza_window_session_get_dialog (data) == NULL;
}

static gboolean
dialog_answered (gpointer data)
{
  return !plaza_sign_in_dialog_get_busy (data) && plaza_sign_in_dialog_get_error (data) != NULL;
}

static gboolean
worker_has_user (gpointer data)
{
  return plaza_worker_get_user (data) != NULL;
}

static PlazaWindow *
open_window (Fixture *f)
{
  PlazaWindow *window = plaza_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  plaza_window_open (window, f->path, PLAZA_STORE_OPEN_DEFAULT);
  plaza_test_spin_until (window_opened, window, "the database to open");
  return window;
}

static PlazaSignInDialog *
wait_dialog (PlazaWindow *window)
{
  plaza_test_spin_until (dialog_shown, window, "the sign-in dialog");
  return PLAZA_SIGN_IN_DIALOG (plaza_window_session_get_dialog (window));
}

static void
sign_in (PlazaWindow *window,
         const char  *login)
{
  PlazaSignInDialog *dialog = wait_dialog (window);
  PlazaWorker *worker = plaza_window_get_worker (window);

  gtk_editable_set_text (plaza_sign_in_dialog_get_login (dialog), login);
  gtk_editable_set_text (plaza_sign_in_dialog_get_password (dialog), PLAZA_DEMO_PASSWORD);
  g_signal_emit_by_name (plaza_sign_in_dialog_get_button (dialog), "clicked");
  plaza_test_spin_until (dialog_gone, window, "the dialog to close");
  plaza_test_spin_until (worker_has_user, worker, "the session");
  g_assert_cmpstr (plaza_worker_get_user (worker), ==, login);
}

static void
assert_needs (GtkWidget  *widget,
              const char *needed,
              const char *role)
{
  g_autofree char *expected = g_strdup_printf (_("Needs the %s role; you are signed in as %s"),
                                               plaza_role_get_label (needed), plaza_role_get_label (role));

  g_assert_nonnull (widget);
  g_assert_false (gtk_widget_get_sensitive (widget));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (widget), ==, expected);
}

static gpointer
set_role_func (PlazaStore    *store,
               gpointer       data G_GNUC_UNUSED,
               GCancellable  *cancellable G_GNUC_UNUSED,
               GError       **error)
{
  return plaza_users_set_role (store, "lijun", "manager", error) ? GINT_TO_POINTER (1) : NULL;
}

static void
store_result_cb (GObject      *source G_GNUC_UNUSED,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
have_result (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static void
destroy_window (PlazaWindow *window)
{
  GList *tops = gtk_window_list_toplevels ();

  for (GList *l = tops; l != NULL; l = l->next)
    if (l->data != window)
      gtk_window_destroy (l->data);
  g_list_free (tops);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- tests ---- */

static GtkWindow *find_toplevel (GType type);

/* Is page @name what the window's page stack shows? */
static gboolean
page_shown (PlazaWindow *window,
            const char  *name)
{
  GtkWidget *page = plaza_window_get_page_widget (window, name);

  return gtk_stack_get_visible_child (GTK_STACK (gtk_widget_get_parent (page))) == page;
}

static void
test_clerk (Fixture       *f,
            gconstpointer  data G_GNUC_UNUSED)
{
  PlazaWindow *window = open_window (f);
  PlazaWorker *worker = plaza_window_get_worker (window);
  PlazaSignInDialog *dialog = wait_dialog (window);
  GtkWidget *page;
  GtkWidget *issue;
  GtkWidget *new_tenant;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  /* nobody signed in yet: the header says so, nothing may be changed and
   * nothing of the file shows (the pages are behind the sign-in page) */
  g_assert_false (plaza_worker_allows (worker, "tenant", "create"));
  g_assert_true (plaza_window_session_is_locked (window));
  g_assert_false (page_shown (window, plaza_window_get_page (window)));
  plaza_test_shoot (GTK_WIDGET (dialog), "sign-in-dialog");

  /* a wrong password: core's message, the dialog stays, nothing else */
  gtk_editable_set_text (plaza_sign_in_dialog_get_login (dialog), "wangfang");
  gtk_editable_set_text (plaza_sign_in_dialog_get_password (dialog), "not-the-password");
  g_signal_emit_by_name (plaza_sign_in_dialog_get_button (dialog), "clicked");
  plaza_test_spin_until (dialog_answered, dialog, "the wrong password's answer");
  g_assert_cmpstr (plaza_sign_in_dialog_get_error (dialog), ==, _("Wrong user name or password."));
  g_assert_true (plaza_window_session_get_dialog (window) == GTK_WINDOW (dialog));
  g_assert_cmpstr (gtk_editable_get_text (plaza_sign_in_dialog_get_password (dialog)), ==, "");
  g_assert_null (plaza_worker_get_user (worker));
  plaza_test_shoot (GTK_WIDGET (dialog), "sign-in-wrong-password");

  sign_in (window, "wangfang");
  g_assert_cmpstr (plaza_worker_get_role (worker), ==, "clerk");
  g_assert_false (plaza_window_session_is_locked (window));
  g_assert_true (gtk_widget_get_visible (plaza_window_session_get_button (window)));

  /* the bill run's Issue says who may; New Tenant may */
  g_assert_true (plaza_window_set_page (window, "billing"));
  page = plaza_window_get_page_widget (window, "billing");
  issue = find_button (page, _("_Issue…"));
  assert_needs (issue, "manager", "clerk");
  g_assert_true (plaza_window_set_page (window, "tenants"));
  new_tenant = find_button (plaza_window_get_page_widget (window, "tenants"), _("New _Tenant"));
  g_assert_nonnull (new_tenant);
  g_assert_true (gtk_widget_get_sensitive (new_tenant));
  g_assert_true (page_shown (window, "tenants"));
  plaza_test_shoot (GTK_WIDGET (window), "signed-in-clerk");

  /* forced through core, what the clerk may not do is refused */
  plaza_worker_run_async (worker, set_role_func, NULL, NULL, NULL, store_result_cb, &result);
  plaza_test_spin_until (have_result, &result, "the forced write");
  g_assert_null (plaza_worker_run_finish (worker, result, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_PERMISSION);

  /* Sign Out asks again, and nothing may be changed meanwhile */
  gtk_widget_activate_action (GTK_WIDGET (window), "session.sign-out", NULL);
  wait_dialog (window);
  g_assert_null (plaza_worker_get_user (worker));
  g_assert_false (gtk_widget_get_sensitive (new_tenant));
  g_assert_true (plaza_window_session_is_locked (window));
  g_assert_false (page_shown (window, "tenants"));
  sign_in (window, "chenqiang");
  g_assert_true (gtk_widget_get_sensitive (new_tenant));

  destroy_window (window);
}

static void
test_viewer (Fixture       *f,
             gconstpointer  data G_GNUC_UNUSED)
{
  PlazaWindow *window = open_window (f);
  GtkWidget *new_tenant;
  GtkWidget *new_contract;

  sign_in (window, "zhaoli");
  new_tenant = find_button (plaza_window_get_page_widget (window, "tenants"), _("New _Tenant"));
  assert_needs (new_tenant, "clerk", "viewer");
  new_contract = find_button (plaza_window_get_page_widget (window, "contracts"), _("_New Contract"));
  g_assert_nonnull (new_contract);
  g_assert_false (gtk_widget_get_sensitive (new_contract));
  assert_needs (find_button (plaza_window_get_page_widget (window, "billing"), _("_Issue…")), "manager", "viewer");
  assert_needs (find_button (plaza_window_get_page_widget (window, "billing"), _("_Record Payment…")), "clerk", "viewer");
  assert_needs (find_button (plaza_window_get_page_widget (window, "billing"), _("Bill _Late Fees")), "manager", "viewer");
  assert_needs (find_button (plaza_window_get_page_widget (window, "billing"), _("_Dunning Letters…")), "clerk", "viewer");
  assert_needs (find_button (plaza_window_get_page_widget (window, "promotions"), _("_New Promotion")), "planner", "viewer");
  assert_needs (find_button (plaza_window_get_page_widget (window, "leasing"), _("_New Prospect")), "planner", "viewer");
  assert_needs (find_button (plaza_window_get_page_widget (window, "units"), _("New _Floor")), "clerk", "viewer");
  assert_needs (find_button (plaza_window_get_page_widget (window, "units"), _("_New Unit")), "clerk", "viewer");
  {
    GActionGroup *sales = g_object_get_data (G_OBJECT (window), "plaza-sales-actions");

    g_assert_nonnull (sales);
    g_assert_false (g_action_group_get_action_enabled (sales, "import"));
    g_assert_false (g_action_group_get_action_enabled (sales, "enter"));
    g_assert_true (g_action_group_get_action_enabled (sales, "anomalies"));   /* reading */
  }
  destroy_window (window);
}

static gboolean
users_loaded (gpointer data)
{
  return !plaza_users_window_get_loading (data) && plaza_users_window_get_n_users (data) > 0;
}

static gboolean
seven_users (gpointer data)
{
  return !plaza_users_window_get_loading (data) && plaza_users_window_get_n_users (data) == 7;
}

static PlazaUsersWindow *
find_users_window (void)
{
  GList *tops = gtk_window_list_toplevels ();
  PlazaUsersWindow *found = NULL;

  for (GList *l = tops; l != NULL; l = l->next)
    if (PLAZA_IS_USERS_WINDOW (l->data))
      found = l->data;
  g_list_free (tops);
  return found;
}

static GtkWidget *
find_switch (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_SWITCH (child))
        return child;
      found = find_switch (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
admin_back_on (gpointer data)
{
  GtkWidget *row;

  if (plaza_users_window_get_loading (data))
    return FALSE;
  row = find_named (GTK_WIDGET (data), "admin");
  return row != NULL && gtk_switch_get_active (GTK_SWITCH (find_switch (row)));
}

static void
test_admin_users (Fixture       *f,
                  gconstpointer  data G_GNUC_UNUSED)
{
  PlazaWindow *window = open_window (f);
  PlazaUsersWindow *users;
  GtkWindow *add;
  GtkWidget *create;
  GtkWidget *hint;

  sign_in (window, "admin");
  gtk_widget_activate_action (GTK_WIDGET (window), "session.users", NULL);
  users = find_users_window ();
  g_assert_nonnull (users);
  plaza_test_spin_until (users_loaded, users, "the accounts");
  g_assert_cmpuint (plaza_users_window_get_n_users (users), ==, 6);
  g_assert_true (gtk_widget_get_sensitive (plaza_users_window_get_add_button (users)));
  plaza_test_shoot (GTK_WIDGET (users), "users-window");

  /* the last administrator cannot be switched off: asked, then core refuses
   * and the row shows the account on again */
  gtk_switch_set_active (GTK_SWITCH (find_switch (find_named (GTK_WIDGET (users), "admin"))), FALSE);
  {
    AdwMessageDialog *question = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

    g_assert_nonnull (question);
    adw_message_dialog_response (question, "confirm");
  }
  plaza_test_spin_until (admin_back_on, users, "the refusal");

  add = plaza_users_window_add_account (users);
  create = find_named (GTK_WIDGET (add), "create");
  hint = find_named (GTK_WIDGET (add), "hint");
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (add), "login")), "sunli");
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (add), "name")), "孙丽");
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (add), "password")), "short");
  /* the rules as typed */
  g_assert_false (gtk_widget_get_sensitive (create));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (hint)), "8"));
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (add), "password")), "sunli-2026");
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (add), "repeat")), "sunli-2025");
  g_assert_false (gtk_widget_get_sensitive (create));
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (add), "repeat")), "sunli-2026");
  g_assert_true (gtk_widget_get_sensitive (create));
  plaza_test_shoot (GTK_WIDGET (add), "users-add-account");
  g_signal_emit_by_name (create, "clicked");
  plaza_test_spin_until (seven_users, users, "the new account");
  destroy_window (window);
}

static void
test_clerk_users_read_only (Fixture       *f,
                            gconstpointer  data G_GNUC_UNUSED)
{
  PlazaWindow *window = open_window (f);
  PlazaUsersWindow *users;

  sign_in (window, "wangfang");
  gtk_widget_activate_action (GTK_WIDGET (window), "session.users", NULL);
  users = find_users_window ();
  plaza_test_spin_until (users_loaded, users, "the accounts");
  assert_needs (plaza_users_window_get_add_button (users), "admin", "clerk");
  plaza_test_shoot (GTK_WIDGET (users), "users-window-clerk");
  destroy_window (window);
}

static gboolean
window_closed_file (gpointer data)
{
  return plaza_window_get_path (data) == NULL;
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data G_GNUC_UNUSED)
{
  PlazaWindow *window = open_window (f);
  PlazaSignInDialog *dialog = wait_dialog (window);
  GtkWidget *tenants = plaza_window_get_page_widget (window, "tenants");

  gtk_window_close (GTK_WINDOW (dialog));
  plaza_test_spin_until (window_closed_file, window, "the file to close");
  g_assert_null (plaza_window_session_get_dialog (window));
  g_assert_null (plaza_window_get_worker (window));
  /* the pages let go of the file: nothing is listed */
  g_assert_cmpuint (plaza_list_page_get_n_rows (PLAZA_LIST_PAGE (tenants)), ==, 0);

  /* opened again, it asks again and works as before */
  plaza_window_open (window, f->path, PLAZA_STORE_OPEN_DEFAULT);
  plaza_test_spin_until (window_opened, window, "the database to open again");
  sign_in (window, "wangfang");
  g_assert_true (gtk_widget_get_sensitive (find_button (tenants, _("New _Tenant"))));
  assert_needs (find_button (plaza_window_get_page_widget (window, "billing"), _("_Issue…")), "manager", "clerk");
  destroy_window (window);
}

/* The guard and the control's owner switch it without undoing each other. */
static void
test_guard (Fixture       *f,
            gconstpointer  data G_GNUC_UNUSED)
{
  PlazaWindow *window = open_window (f);
  PlazaWorker *worker = plaza_window_get_worker (window);
  GtkWidget *button = g_object_ref_sink (gtk_button_new_with_label ("Issue"));
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) action = g_simple_action_new ("issue", NULL);
  g_autofree char *reason = NULL;

  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
  gtk_widget_set_tooltip_text (button, "Issue the bills");
  sign_in (window, "wangfang");
  plaza_role_guard (button, worker, "bills", "issue");
  plaza_role_guard_action (G_ACTION_MAP (group), "issue", worker, "bills", "issue");
  assert_needs (button, "manager", "clerk");
  g_assert_false (g_action_get_enabled (G_ACTION (action)));
  reason = plaza_role_guard_reason (worker, "bills", "issue");
  g_assert_cmpstr (reason, ==, gtk_widget_get_tooltip_text (button));
  g_assert_null (plaza_role_guard_reason (worker, "tenant", "create"));

  /* the owner switches it on: still off while the role may not */
  gtk_widget_set_sensitive (button, TRUE);
  g_simple_action_set_enabled (action, TRUE);
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_false (g_action_get_enabled (G_ACTION (action)));
  /* a manager signs in: on, as the owner last said, with its own tooltip */
  gtk_widget_activate_action (GTK_WIDGET (window), "session.sign-out", NULL);
  sign_in (window, "chenqiang");
  g_assert_true (gtk_widget_get_sensitive (button));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Issue the bills");
  g_assert_true (g_action_get_enabled (G_ACTION (action)));
  /* the owner is free again */
  gtk_widget_set_sensitive (button, FALSE);
  g_simple_action_set_enabled (action, FALSE);
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_false (g_action_get_enabled (G_ACTION (action)));
  gtk_widget_set_sensitive (button, TRUE);
  g_assert_true (gtk_widget_get_sensitive (button));
  /* a viewer: off again, and the owner's "off" meanwhile is kept */
  gtk_widget_activate_action (GTK_WIDGET (window), "session.sign-out", NULL);
  g_assert_false (gtk_widget_get_sensitive (button));
  sign_in (window, "zhaoli");
  assert_needs (button, "manager", "viewer");
  /* no worker: no guard */
  plaza_role_guard (button, NULL, NULL, NULL);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_object_unref (button);
  destroy_window (window);
}

static gboolean
no_sign_in_shown (gpointer data)
{
  GtkWidget *button = plaza_window_session_get_button (data);
  const char *tip = gtk_widget_get_tooltip_text (button);

  return gtk_widget_get_visible (button) &&
         g_strcmp0 (tip, _("No account in this file has a password, so anyone who opens it can "
                           "change everything. An administrator can set passwords under Users…")) == 0;
}

static void
test_no_accounts (Fixture       *f,
                  gconstpointer  data G_GNUC_UNUSED)
{
  PlazaWindow *window = open_window (f);
  PlazaWorker *worker = plaza_window_get_worker (window);

  plaza_test_spin_until (no_sign_in_shown, window, "“No sign-in”");
  g_assert_null (plaza_window_session_get_dialog (window));
  g_assert_false (plaza_window_session_is_locked (window));
  g_assert_null (plaza_worker_get_role (worker));
  g_assert_true (plaza_worker_allows (worker, "bills", "issue"));
  g_assert_true (gtk_widget_get_sensitive (find_button (plaza_window_get_page_widget (window, "tenants"),
                                                        _("New _Tenant"))));
  plaza_test_shoot (GTK_WIDGET (window), "no-sign-in");
  destroy_window (window);
}

static GtkWindow *
find_toplevel (GType type)
{
  GList *tops = gtk_window_list_toplevels ();
  GtkWindow *found = NULL;

  for (GList *l = tops; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
      found = l->data;
  g_list_free (tops);
  return found;
}

static gboolean
password_dialog_gone (gpointer data G_GNUC_UNUSED)
{
  return find_toplevel (PLAZA_TYPE_PASSWORD_DIALOG) == NULL;
}

static gboolean
hint_is_error (gpointer data)
{
  return gtk_widget_has_css_class (data, "error") && gtk_widget_is_sensitive (data);
}

/* Change Password…: the old one must be right; then the new one works. */
static void
test_change_password (Fixture       *f,
                      gconstpointer  data G_GNUC_UNUSED)
{
  PlazaWindow *window = open_window (f);
  GtkWindow *dialog;
  GtkWidget *save;
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(PlazaUser) user = NULL;
  g_autoptr(GError) error = NULL;

  sign_in (window, "wangfang");
  gtk_widget_activate_action (GTK_WIDGET (window), "session.change-password", NULL);
  dialog = find_toplevel (PLAZA_TYPE_PASSWORD_DIALOG);
  g_assert_nonnull (dialog);
  save = find_named (GTK_WIDGET (dialog), "save");
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (dialog), "old")), "wrong-old-one");
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (dialog), "new")), "wangfang");
  g_assert_false (gtk_widget_get_sensitive (save));   /* the user name is no password */
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (dialog), "new")), "fang-2026!");
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (dialog), "repeat")), "fang-2026!");
  g_assert_true (gtk_widget_get_sensitive (save));
  plaza_test_shoot (GTK_WIDGET (dialog), "change-password");
  /* a wrong old password: core's message, the dialog stays */
  g_signal_emit_by_name (save, "clicked");
  plaza_test_spin_until (hint_is_error, find_named (GTK_WIDGET (dialog), "hint"), "the wrong old password");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find_named (GTK_WIDGET (dialog), "hint"))), ==,
                   _("Wrong user name or password."));
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (dialog), "old")), PLAZA_DEMO_PASSWORD);
  g_signal_emit_by_name (save, "clicked");
  plaza_test_spin_until (password_dialog_gone, NULL, "the password to change");

  store = plaza_store_open (f->path, PLAZA_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  user = plaza_users_verify (store, "wangfang", "fang-2026!", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (user->login, ==, "wangfang");
  destroy_window (window);
}

static gboolean
admin_signed_in (gpointer data)
{
  PlazaWorker *worker = plaza_window_get_worker (data);

  return worker != NULL && g_strcmp0 (plaza_worker_get_role (worker), "admin") == 0;
}

/* The in-app demo (no passwords) signs its creator in as admin, no dialog. */
static void
test_open_demo (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "plaza", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  const char *args[] = { "demo", path, "--size", "small", "--today", "2026-11-27", NULL };
  PlazaWindow *window;
  PlazaWorker *worker;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    g_assert_cmpint (plaza_test_run_plazactl (args, NULL, NULL), ==, 0);
  window = plaza_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  plaza_window_open_demo (window);
  plaza_test_spin_until (window_opened, window, "the demo to open");
  plaza_test_spin_until (admin_signed_in, window, "the demo's admin");
  worker = plaza_window_get_worker (window);
  g_assert_cmpstr (plaza_worker_get_user (worker), ==, "admin");
  g_assert_false (plaza_worker_get_sign_in_required (worker));
  g_assert_null (plaza_window_session_get_dialog (window));
  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("PLAZA_LOCALEDIR");
  g_autofree char *data_home = g_dir_make_tmp ("plaza-sign-in-data-XXXXXX", NULL);
  int status;

  /* The in-app demo lives in the user's data folder: a private one here. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  if (localedir != NULL)
    {
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, localedir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, accounts, func) \
  g_test_add (path, Fixture, GINT_TO_POINTER (accounts), fixture_set_up, func, fixture_tear_down)
  ADD ("/gui/sign-in/clerk", TRUE, test_clerk);
  ADD ("/gui/sign-in/viewer", TRUE, test_viewer);
  ADD ("/gui/sign-in/admin-users", TRUE, test_admin_users);
  ADD ("/gui/sign-in/clerk-users-read-only", TRUE, test_clerk_users_read_only);
  ADD ("/gui/sign-in/cancel", TRUE, test_cancel);
  ADD ("/gui/sign-in/change-password", TRUE, test_change_password);
  ADD ("/gui/sign-in/guard", TRUE, test_guard);
  ADD ("/gui/sign-in/no-accounts", FALSE, test_no_accounts);
#undef ADD
  g_test_add_func ("/gui/sign-in/open-demo", test_open_demo);

  status = g_test_run ();
  plaza_test_remove_tree (data_home);
  return status;
}
