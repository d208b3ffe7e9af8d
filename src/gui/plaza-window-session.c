/* plaza-window-session.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sign-in in the main window. After each open the worker checks whether the
 * file asks for sign-in; if so the modal PlazaSignInDialog asks, and Cancel
 * closes the file back to the welcome page. The content header gets an
 * account button: "陈强 · 经理" with Change Password…, Users… and Sign Out,
 * or "No sign-in" (with a tooltip saying what that means) for a file whose
 * accounts have no passwords. The state lives as data on the window so that
 * plaza-window.c only calls in.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-analytics-page.h"
#include "plaza-billing-page.h"
#include "plaza-leasing-page.h"
#include "plaza-list-page.h"
#include "plaza-lock-wait-bar.h"
#include "plaza-overview-page.h"
#include "plaza-password-dialog.h"
#include "plaza-promotions-page.h"
#include "plaza-review-page.h"
#include "plaza-units-page.h"
#include "plaza-permissions.h"
#include "plaza-role-guard.h"
#include "plaza-sign-in-dialog.h"
#include "plaza-users-window.h"
#include "plaza-window-private.h"
#include "plaza-window-session.h"

typedef struct
{
  PlazaWindow        *window;     /* borrowed: the owner */
  GtkWidget          *button;     /* borrowed: in the header */
  GtkWidget          *label;
  GSimpleActionGroup *actions;
  PlazaWorker        *worker;     /* the one whose "role" we watch */
  GtkWindow          *dialog;     /* weak */
  GCancellable       *cancellable;
  GtkWidget          *locked_page; /* borrowed: in the page stack */
  gboolean            expect_demo;
  gboolean            had_session;  /* someone signed in since the open */
  gboolean            locked;       /* the file asks who is there and nobody is */
} Session;

static void
session_free (gpointer pointer)
{
  Session *session = pointer;

  g_cancellable_cancel (session->cancellable);
  g_clear_object (&session->cancellable);
  if (session->worker != NULL)
    g_signal_handlers_disconnect_by_data (session->worker, session->window);
  g_clear_object (&session->worker);
  if (session->dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (session->dialog), (gpointer *) &session->dialog);
  g_clear_object (&session->actions);
  g_free (session);
}

static Session *
get_session (PlazaWindow *self)
{
  return g_object_get_data (G_OBJECT (self), "plaza-window-session");
}

static void
set_enabled (Session    *session,
             const char *name,
             gboolean    enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (session->actions), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
update_header (PlazaWindow *self)
{
  Session *session = get_session (self);
  PlazaWorker *worker = session->worker;
  const char *user = worker != NULL ? plaza_worker_get_user (worker) : NULL;
  const char *role = worker != NULL ? plaza_worker_get_role (worker) : NULL;
  gboolean required = worker != NULL && plaza_worker_get_sign_in_required (worker);

  if (user != NULL && role != NULL)
    {
      g_autofree char *text = g_strdup_printf ("%s · %s", plaza_worker_get_user_display (worker),
                                               plaza_role_get_label (role));
      g_autofree char *tip = g_strdup_printf (_("Signed in as %s (%s)"), user, plaza_role_get_label (role));

      gtk_label_set_label (GTK_LABEL (session->label), text);
      gtk_widget_set_tooltip_text (session->button, tip);
    }
  else if (required)
    {
      gtk_label_set_label (GTK_LABEL (session->label), _("Not signed in"));
      gtk_widget_set_tooltip_text (session->button, _("Sign in to change anything in this file."));
    }
  else
    {
      gtk_label_set_label (GTK_LABEL (session->label), _("No sign-in"));
      gtk_widget_set_tooltip_text (session->button,
                                   _("No account in this file has a password, so anyone who opens it can "
                                     "change everything. An administrator can set passwords under Users…"));
    }
  gtk_widget_set_visible (session->button, worker != NULL);
  set_enabled (session, "change-password", user != NULL && required);
  set_enabled (session, "sign-out", user != NULL && required);
  set_enabled (session, "users", worker != NULL);
}

static void show_dialog  (PlazaWindow *self);
static void guard_window (PlazaWindow *self);

static void
sign_in_clicked_cb (PlazaWindow *self)
{
  show_dialog (self);
}

/* Until someone signs in, a file that asks who is there shows nothing of
 * itself: the page stack shows a sign-in page and the sidebar is off. */

static void
set_locked (PlazaWindow *self,
            gboolean     locked)
{
  Session *session = get_session (self);

  if (session->locked_page == NULL)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Sign In…"));

      gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "pill");
      gtk_widget_add_css_class (button, "suggested-action");
      g_signal_connect_object (button, "clicked", G_CALLBACK (sign_in_clicked_cb), self, G_CONNECT_SWAPPED);
      session->locked_page = adw_status_page_new ();
      adw_status_page_set_icon_name (ADW_STATUS_PAGE (session->locked_page), "system-lock-screen-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (session->locked_page), _("Sign In to See This File"));
      adw_status_page_set_description (ADW_STATUS_PAGE (session->locked_page),
                                       _("This file asks who you are: what you may see and change depends on "
                                         "your role."));
      adw_status_page_set_child (ADW_STATUS_PAGE (session->locked_page), button);
      gtk_stack_add_named (self->page_stack, session->locked_page, "signed-out");
    }
  session->locked = locked;
  gtk_widget_set_sensitive (GTK_WIDGET (self->sidebar_list), !locked);
  if (locked)
    gtk_stack_set_visible_child (self->page_stack, session->locked_page);
  else if (gtk_stack_get_visible_child (self->page_stack) == session->locked_page)
    gtk_stack_set_visible_child (self->page_stack, self->pages[self->page]);
}

gboolean
plaza_window_session_is_locked (PlazaWindow *self)
{
  Session *session = get_session (self);

  return session != NULL && session->locked;
}

/* Signed out from elsewhere (the account was switched off): ask again. */
static void
role_changed_cb (PlazaWorker *worker,
                 GParamSpec  *pspec G_GNUC_UNUSED,
                 gpointer     user_data)
{
  PlazaWindow *self = PLAZA_WINDOW (user_data);

  update_header (self);
  if (plaza_worker_get_sign_in_required (worker) && plaza_worker_get_user (worker) == NULL)
    show_dialog (self);
}

/* Another computer wrote: an administrator may have changed our account. */
static void
worker_changed_cb (PlazaWorker *worker,
                   gpointer     user_data G_GNUC_UNUSED)
{
  plaza_worker_refresh_session (worker);
}

/* The pages let go of the worker, so that its thread and connection end. */
static void
release_pages (PlazaWindow *self)
{
  for (guint i = 0; i < N_PAGES; i++)
    {
      GtkWidget *page = self->pages[i];

      if (PLAZA_IS_OVERVIEW_PAGE (page))
        plaza_overview_page_set_worker (PLAZA_OVERVIEW_PAGE (page), NULL);
      else if (PLAZA_IS_ANALYTICS_PAGE (page))
        plaza_analytics_page_set_worker (PLAZA_ANALYTICS_PAGE (page), NULL);
      else if (PLAZA_IS_UNITS_PAGE (page))
        plaza_units_page_set_worker (PLAZA_UNITS_PAGE (page), NULL);
      else if (PLAZA_IS_BILLING_PAGE (page))
        plaza_billing_page_set_worker (PLAZA_BILLING_PAGE (page), NULL);
      else if (PLAZA_IS_PROMOTIONS_PAGE (page))
        plaza_promotions_page_set_worker (PLAZA_PROMOTIONS_PAGE (page), NULL);
      else if (PLAZA_IS_REVIEW_PAGE (page))
        plaza_review_page_set_worker (PLAZA_REVIEW_PAGE (page), NULL);
      else if (PLAZA_IS_LEASING_PAGE (page))
        plaza_leasing_page_set_worker (PLAZA_LEASING_PAGE (page), NULL);
      else if (PLAZA_IS_LIST_PAGE (page))
        plaza_list_page_set_worker (PLAZA_LIST_PAGE (page), NULL);
    }
}

/* Cancel in the sign-in dialog: back to the welcome page, the file closed. */
static void
close_file (PlazaWindow *self)
{
  Session *session = get_session (self);

  if (self->worker != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->worker, self);
      plaza_worker_set_poll_interval (self->worker, 0);
    }
  if (session->worker != NULL)
    g_signal_handlers_disconnect_by_data (session->worker, self);
  g_clear_object (&session->worker);
  g_clear_object (&self->worker);
  guard_window (self);   /* no worker: the guards let go */
  set_locked (self, FALSE);
  release_pages (self);
  plaza_lock_wait_bar_attach (GTK_BOX (self->content_box), GTK_WIDGET (self->read_only_revealer), NULL);
  g_clear_pointer (&self->path, g_free);
  g_settings_set_string (self->settings, "database-path", "");
  update_header (self);
  plaza_window_show_welcome (self);
  g_object_notify (G_OBJECT (self), "path");
}

static void
signed_in_cb (PlazaSignInDialog *dialog G_GNUC_UNUSED,
              PlazaWindow       *self)
{
  Session *session = get_session (self);
  g_autofree char *text = NULL;

  if (session->worker == NULL)
    return;
  set_locked (self, FALSE);
  text = g_strdup_printf (_("Signed in as %s"), plaza_worker_get_user_display (session->worker));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
  /* Someone else at the window: the pages and record windows load again and
   * set their controls for the new role (see plaza-role-guard.h). */
  if (session->had_session)
    g_signal_emit_by_name (session->worker, "changed");
  session->had_session = TRUE;
}

static void
sign_in_cancelled_cb (PlazaSignInDialog *dialog G_GNUC_UNUSED,
                      PlazaWindow       *self)
{
  close_file (self);
}

static void
show_dialog (PlazaWindow *self)
{
  Session *session = get_session (self);
  PlazaSignInDialog *dialog;

  if (session->worker == NULL || session->dialog != NULL)
    return;
  dialog = plaza_sign_in_dialog_new (GTK_WINDOW (self), session->worker);
  g_signal_connect_object (dialog, "signed-in", G_CALLBACK (signed_in_cb), self, 0);
  g_signal_connect_object (dialog, "cancelled", G_CALLBACK (sign_in_cancelled_cb), self, 0);
  session->dialog = GTK_WINDOW (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &session->dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
demo_signed_in_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(PlazaWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!plaza_worker_sign_in_finish (PLAZA_WORKER (source), result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("The demo's admin could not sign in: %s", error->message);
}

/* The open found out whether the file asks who is there
 * (plaza_worker_get_sign_in_required): cover the pages and ask, or sign the
 * in-app demo's creator in. */
static void
session_opened (PlazaWindow *self,
                PlazaWorker *worker,
                gboolean     required)
{
  Session *session = get_session (self);
  gboolean demo = session->expect_demo;

  session->expect_demo = FALSE;
  set_locked (self, required);
  if (required)
    show_dialog (self);
  else if (demo)
    plaza_worker_sign_in_unchecked_async (worker, "admin", session->cancellable, demo_signed_in_cb,
                                          g_object_ref (self));
  update_header (self);
}

/* The window's own write controls; the pages guard theirs. */
static void
guard_window (PlazaWindow *self)
{
  GtkWidget *new_tenant = g_object_get_data (G_OBJECT (self), "plaza-new-tenant-button");
  GActionMap *sales = g_object_get_data (G_OBJECT (self), "plaza-sales-actions");

  if (new_tenant != NULL)
    plaza_role_guard (new_tenant, self->worker, "tenant", "create");
  plaza_role_guard_widget_action (GTK_WIDGET (self), "win.new-contract", self->worker, "contract", "create");
  if (sales != NULL)
    {
      plaza_role_guard_action (sales, "import", self->worker, "sales", "import");
      plaza_role_guard_action (sales, "enter", self->worker, "sales", "update");
    }
}

void
plaza_window_session_start (PlazaWindow *self)
{
  Session *session;

  g_return_if_fail (PLAZA_IS_WINDOW (self));

  session = get_session (self);
  if (session->worker != NULL)
    g_signal_handlers_disconnect_by_data (session->worker, self);
  if (session->dialog != NULL)
    gtk_window_destroy (session->dialog);
  g_cancellable_cancel (session->cancellable);
  g_clear_object (&session->cancellable);
  session->cancellable = g_cancellable_new ();
  g_set_object (&session->worker, self->worker);
  session->had_session = FALSE;
  update_header (self);
  guard_window (self);
  if (self->worker == NULL)
    return;
  g_signal_connect (self->worker, "notify::role", G_CALLBACK (role_changed_cb), self);
  g_signal_connect (self->worker, "changed", G_CALLBACK (worker_changed_cb), self);
  /* The open itself asked the accounts (no second round trip): nothing of
   * the file shows until someone signs in. */
  session_opened (self, self->worker, plaza_worker_get_sign_in_required (self->worker));
}

void
plaza_window_session_expect_demo (PlazaWindow *self)
{
  g_return_if_fail (PLAZA_IS_WINDOW (self));
  get_session (self)->expect_demo = TRUE;
}

static void
sign_out_activated (GSimpleAction *action G_GNUC_UNUSED,
                    GVariant      *param G_GNUC_UNUSED,
                    gpointer       user_data)
{
  PlazaWindow *self = user_data;
  Session *session = get_session (self);

  if (session->worker == NULL)
    return;
  plaza_worker_sign_out (session->worker);
  set_locked (self, TRUE);
  show_dialog (self);
}

static void
change_password_activated (GSimpleAction *action G_GNUC_UNUSED,
                           GVariant      *param G_GNUC_UNUSED,
                           gpointer       user_data)
{
  PlazaWindow *self = user_data;
  Session *session = get_session (self);
  PlazaPasswordDialog *dialog;

  if (session->worker == NULL || plaza_worker_get_user (session->worker) == NULL)
    return;
  dialog = plaza_password_dialog_new (GTK_WINDOW (self), session->worker,
                                      plaza_worker_get_user (session->worker), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
users_activated (GSimpleAction *action G_GNUC_UNUSED,
                 GVariant      *param G_GNUC_UNUSED,
                 gpointer       user_data)
{
  PlazaWindow *self = user_data;
  Session *session = get_session (self);

  if (session->worker == NULL)
    return;
  gtk_window_present (GTK_WINDOW (plaza_users_window_new (GTK_WINDOW (self), session->worker)));
}

void
plaza_window_session_init (PlazaWindow *self)
{
  static const GActionEntry entries[] = {
    { "sign-out", sign_out_activated, NULL, NULL, NULL, { 0 } },
    { "change-password", change_password_activated, NULL, NULL, NULL, { 0 } },
    { "users", users_activated, NULL, NULL, NULL, { 0 } },
  };
  Session *session = g_new0 (Session, 1);
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkWidget *header = gtk_widget_get_first_child (self->content_box);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  g_return_if_fail (PLAZA_IS_WINDOW (self));

  session->window = self;
  g_object_set_data_full (G_OBJECT (self), "plaza-window-session", session, session_free);
  session->cancellable = g_cancellable_new ();
  session->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (session->actions), entries, G_N_ELEMENTS (entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "session", G_ACTION_GROUP (session->actions));

  g_menu_append (menu, _("_Change Password…"), "session.change-password");
  g_menu_append (menu, _("_Users…"), "session.users");
  g_menu_append (menu, _("Sign _Out"), "session.sign-out");

  session->label = gtk_label_new (NULL);
  gtk_label_set_ellipsize (GTK_LABEL (session->label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("avatar-default-symbolic"));
  gtk_box_append (GTK_BOX (box), session->label);
  session->button = gtk_menu_button_new ();
  gtk_menu_button_set_child (GTK_MENU_BUTTON (session->button), box);
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (session->button), G_MENU_MODEL (menu));
  gtk_widget_add_css_class (session->button, "flat");
  gtk_widget_set_visible (session->button, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (session->button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Account"), -1);
  if (ADW_IS_HEADER_BAR (header))
    adw_header_bar_pack_end (ADW_HEADER_BAR (header), session->button);
  else
    g_warning ("No header bar for the account button");
  update_header (self);
}

GtkWidget *
plaza_window_session_get_button (PlazaWindow *self)
{
  g_return_val_if_fail (PLAZA_IS_WINDOW (self), NULL);
  return get_session (self)->button;
}

GtkWindow *
plaza_window_session_get_dialog (PlazaWindow *self)
{
  g_return_val_if_fail (PLAZA_IS_WINDOW (self), NULL);
  return get_session (self)->dialog;
}
