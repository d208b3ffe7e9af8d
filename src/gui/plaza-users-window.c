/* plaza-users-window.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The accounts of the open file in a boxed list, one row each, with the
 * administrator's controls (role, on/off, Set Password…) guarded by the
 * role (plaza-role-guard.h). Every read and write is a worker job on
 * plaza-users.h; core refuses the last administrator's demotion and says so.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-password-dialog.h"
#include "plaza-permissions.h"
#include "plaza-role-guard.h"
#include "plaza-users-window.h"
#include "plaza-users.h"

struct _PlazaUsersWindow
{
  AdwWindow        parent_instance;

  PlazaWorker     *worker;
  GCancellable    *cancellable;

  AdwToastOverlay *toast_overlay;
  GtkWidget       *add_button;
  GtkWidget       *notice;
  GtkWidget       *list;
  GtkWidget       *spinner;

  GPtrArray       *users;         /* PlazaUser */
  gboolean         loading;
  gboolean         filling;       /* rows are being made: ignore their signals */
};

G_DEFINE_FINAL_TYPE (PlazaUsersWindow, plaza_users_window, ADW_TYPE_WINDOW)

typedef enum
{
  CHANGE_ROLE,
  CHANGE_ACTIVE,
} ChangeKind;

typedef struct
{
  ChangeKind  kind;
  char       *login;
  char       *role;
  gboolean    active;
} Change;

static void
change_free (gpointer pointer)
{
  Change *change = pointer;

  g_free (change->login);
  g_free (change->role);
  g_free (change);
}

/* ---- worker jobs ---- */

static gpointer
list_func (PlazaStore    *store,
           gpointer       data G_GNUC_UNUSED,
           GCancellable  *cancellable G_GNUC_UNUSED,
           GError       **error)
{
  return plaza_users_list (store, error);
}

static gpointer
change_func (PlazaStore    *store,
             gpointer       data,
             GCancellable  *cancellable G_GNUC_UNUSED,
             GError       **error)
{
  Change *change = data;
  gboolean ok;

  if (change->kind == CHANGE_ROLE)
    ok = plaza_users_set_role (store, change->login, change->role, error);
  else
    ok = plaza_users_set_active (store, change->login, change->active, error);
  return ok ? GINT_TO_POINTER (1) : NULL;
}

/* ---- the list ---- */

static void
toast (PlazaUsersWindow *self,
       const char       *text)
{
  AdwToast *t = adw_toast_new (text);

  adw_toast_set_timeout (t, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

static void run_change (PlazaUsersWindow *self,
                        Change           *change);
static void confirm    (PlazaUsersWindow *self,
                        Change           *change,
                        const char       *heading,
                        const char       *body,
                        const char       *button);

static char *
user_subtitle (const PlazaUser *u)
{
  GString *text = g_string_new (u->login);

  g_string_append_printf (text, " · %s", plaza_role_get_label (u->role));
  if (!u->active)
    g_string_append_printf (text, " · %s", _("switched off"));
  if (u->locked_until != NULL)
    {
      g_autoptr(GDateTime) until = g_date_time_new_from_iso8601 (u->locked_until, NULL);
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      if (until == NULL || g_date_time_compare (until, now) > 0)
        {
          g_autoptr(GDateTime) local = until != NULL ? g_date_time_to_local (until) : NULL;
          g_autofree char *when = local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : NULL;

          g_string_append_printf (text, " · ");
          g_string_append_printf (text, _("locked until %s"), when != NULL ? when : u->locked_until);
        }
    }
  return g_string_free (text, FALSE);
}

static void
role_selected_cb (GtkDropDown      *dropdown,
                  GParamSpec       *pspec G_GNUC_UNUSED,
                  PlazaUsersWindow *self)
{
  const char * const *roles = plaza_role_get_all ();
  guint selected = gtk_drop_down_get_selected (dropdown);
  const PlazaUser *u = g_object_get_data (G_OBJECT (dropdown), "plaza-user");
  Change *change;

  if (self->filling || u == NULL || selected >= g_strv_length ((char **) roles)
      || g_strcmp0 (roles[selected], u->role) == 0)
    return;
  change = g_new0 (Change, 1);
  change->kind = CHANGE_ROLE;
  change->login = g_strdup (u->login);
  change->role = g_strdup (roles[selected]);
  if (g_strcmp0 (u->role, "admin") == 0)
    {
      g_autofree char *body = g_strdup_printf (_("%s (%s) will no longer be able to manage accounts, restore "
                                                 "backups or change settings."),
                                               u->display_name, u->login);

      confirm (self, change, _("Take Away the Administrator Role?"), body, _("_Change Role"));
      return;
    }
  run_change (self, change);
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     PlazaUsersWindow *self)
{
  Change *change = g_object_steal_data (G_OBJECT (dialog), "plaza-change");

  if (g_strcmp0 (response, "confirm") == 0)
    run_change (self, change);
  else
    {
      change_free (change);
      plaza_users_window_reload (self);
    }
}

static gboolean
active_state_set_cb (GtkSwitch        *sw,
                     gboolean          state,
                     PlazaUsersWindow *self)
{
  const PlazaUser *u = g_object_get_data (G_OBJECT (sw), "plaza-user");
  Change *change;

  if (self->filling || u == NULL || state == u->active)
    return FALSE;
  change = g_new0 (Change, 1);
  change->kind = CHANGE_ACTIVE;
  change->login = g_strdup (u->login);
  change->active = state;
  if (!state)
    {
      g_autofree char *body = g_strdup_printf (_("%s (%s) will no longer be able to sign in. You can switch "
                                                 "the account on again later."),
                                               u->display_name, u->login);
      confirm (self, change, _("Switch the Account Off?"), body, _("Switch _Off"));
      return FALSE;
    }
  run_change (self, change);
  return FALSE;
}

/* Asks before a destructive change; Cancel puts the row back. */
static void
confirm (PlazaUsersWindow *self,
         Change           *change,
         const char       *heading,
         const char       *body,
         const char       *button)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "confirm", button, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "confirm", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "plaza-change", change, change_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
password_done_cb (PlazaUsersWindow *self)
{
  toast (self, _("Password set"));
  plaza_users_window_reload (self);
}

static void
set_password_clicked_cb (GtkButton        *button,
                         PlazaUsersWindow *self)
{
  const PlazaUser *u = g_object_get_data (G_OBJECT (button), "plaza-user");
  PlazaPasswordDialog *dialog;

  if (u == NULL)
    return;
  dialog = plaza_password_dialog_new (GTK_WINDOW (self), self->worker, u->login, FALSE);
  g_signal_connect_object (dialog, "done", G_CALLBACK (password_done_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
build_row (PlazaUsersWindow *self,
           PlazaUser        *u)
{
  const char * const *roles = plaza_role_get_all ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *subtitle = user_subtitle (u);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *dropdown;
  GtkWidget *sw;
  GtkWidget *password;
  guint selected = 0;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 u->display_name != NULL && *u->display_name != '\0' ? u->display_name : u->login);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_name (row, u->login);

  for (guint i = 0; roles[i] != NULL; i++)
    {
      gtk_string_list_append (labels, plaza_role_get_label (roles[i]));
      if (g_strcmp0 (roles[i], u->role) == 0)
        selected = i;
    }
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (labels)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (dropdown, _("Role"));
  g_object_set_data (G_OBJECT (dropdown), "plaza-user", u);
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (role_selected_cb), self, 0);
  plaza_role_guard (dropdown, self->worker, "user", "role");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), dropdown);

  sw = gtk_switch_new ();
  gtk_switch_set_active (GTK_SWITCH (sw), u->active);
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (sw, _("Account on or off"));
  g_object_set_data (G_OBJECT (sw), "plaza-user", u);
  g_signal_connect_object (sw, "state-set", G_CALLBACK (active_state_set_cb), self, 0);
  plaza_role_guard (sw, self->worker, "user", "active");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);

  password = gtk_button_new_from_icon_name ("dialog-password-symbolic");
  gtk_widget_set_valign (password, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (password, "flat");
  gtk_widget_set_tooltip_text (password, _("Set Password…"));
  g_object_set_data (G_OBJECT (password), "plaza-user", u);
  g_signal_connect_object (password, "clicked", G_CALLBACK (set_password_clicked_cb), self, 0);
  plaza_role_guard (password, self->worker, "user", "password");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), password);
  return row;
}

static void
fill (PlazaUsersWindow *self)
{
  GtkWidget *child;

  self->filling = TRUE;
  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);
  for (guint i = 0; self->users != NULL && i < self->users->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (self->list), build_row (self, g_ptr_array_index (self->users, i)));
  self->filling = FALSE;
}

static void
update_notice (PlazaUsersWindow *self)
{
  gtk_widget_set_visible (self->notice, !plaza_worker_allows (self->worker, "user", "create"));
}

static void
list_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PlazaUsersWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *users = plaza_worker_run_finish (PLAZA_WORKER (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading = FALSE;
  gtk_widget_set_visible (self->spinner, FALSE);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), FALSE);
  if (users == NULL)
    {
      toast (self, error->message);
      return;
    }
  /* The rows point into the old array: drop them first. */
  self->filling = TRUE;
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (self->list)) != NULL)
      gtk_list_box_remove (GTK_LIST_BOX (self->list), child);
  }
  g_clear_pointer (&self->users, g_ptr_array_unref);
  self->users = users;
  fill (self);
  update_notice (self);
}

void
plaza_users_window_reload (PlazaUsersWindow *self)
{
  g_return_if_fail (PLAZA_IS_USERS_WINDOW (self));

  self->loading = TRUE;
  gtk_widget_set_visible (self->spinner, TRUE);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), TRUE);
  plaza_worker_run_async (self->worker, list_func, NULL, NULL, self->cancellable, list_done_cb,
                          g_object_ref (self));
}

static void
change_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(PlazaUsersWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  plaza_worker_run_finish (PLAZA_WORKER (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    toast (self, error->message);
  /* Either way the rows show what the file says now, and the session
   * follows if it was one's own account. */
  plaza_users_window_reload (self);
  plaza_worker_refresh_session (self->worker);
}

static void
run_change (PlazaUsersWindow *self,
            Change           *change)
{
  plaza_worker_run_async (self->worker, change_func, change, change_free, self->cancellable, change_done_cb,
                          g_object_ref (self));
}

static void
account_added_cb (PlazaUsersWindow *self)
{
  toast (self, _("Account added"));
  plaza_users_window_reload (self);
}

GtkWindow *
plaza_users_window_add_account (PlazaUsersWindow *self)
{
  GtkWindow *dialog;

  g_return_val_if_fail (PLAZA_IS_USERS_WINDOW (self), NULL);

  dialog = plaza_user_add_dialog_new (GTK_WINDOW (self), self->worker, G_CALLBACK (account_added_cb), self);
  gtk_window_present (dialog);
  return dialog;
}

static void
add_clicked_cb (PlazaUsersWindow *self)
{
  plaza_users_window_add_account (self);
}

static void
role_changed_cb (PlazaUsersWindow *self)
{
  update_notice (self);
}

/* ---- GObject ---- */

static void
plaza_users_window_dispose (GObject *object)
{
  PlazaUsersWindow *self = PLAZA_USERS_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->worker != NULL)
    g_signal_handlers_disconnect_by_data (self->worker, self);

  G_OBJECT_CLASS (plaza_users_window_parent_class)->dispose (object);
}

static void
plaza_users_window_finalize (GObject *object)
{
  PlazaUsersWindow *self = PLAZA_USERS_WINDOW (object);

  g_clear_object (&self->worker);
  g_clear_pointer (&self->users, g_ptr_array_unref);

  G_OBJECT_CLASS (plaza_users_window_parent_class)->finalize (object);
}

static void
plaza_users_window_class_init (PlazaUsersWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plaza_users_window_dispose;
  object_class->finalize = plaza_users_window_finalize;

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
plaza_users_window_init (PlazaUsersWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *label;

  self->cancellable = g_cancellable_new ();
  gtk_window_set_title (GTK_WINDOW (self), _("Users"));
  gtk_window_set_default_size (GTK_WINDOW (self), 720, 560);

  self->add_button = gtk_button_new_with_mnemonic (_("_Add Account…"));
  gtk_widget_add_css_class (self->add_button, "suggested-action");
  g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (add_clicked_cb), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->add_button);
  self->spinner = gtk_spinner_new ();
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->spinner);
  gtk_box_append (GTK_BOX (box), header);

  self->notice = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (self->notice, "plaza-infobar");
  gtk_box_append (GTK_BOX (self->notice), gtk_image_new_from_icon_name ("changes-prevent-symbolic"));
  label = gtk_label_new (_("Only an administrator can manage accounts."));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (self->notice), label);
  gtk_widget_set_visible (self->notice, FALSE);
  gtk_box_append (GTK_BOX (box), self->notice);

  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_widget_set_valign (self->list, GTK_ALIGN_START);
  gtk_widget_set_margin_top (self->list, 18);
  gtk_widget_set_margin_bottom (self->list, 18);
  gtk_widget_set_margin_start (self->list, 12);
  gtk_widget_set_margin_end (self->list, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 680);
  adw_clamp_set_child (ADW_CLAMP (clamp), self->list);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);

  self->toast_overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toast_overlay, scrolled);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->toast_overlay));
  adw_window_set_content (ADW_WINDOW (self), box);
}

PlazaUsersWindow *
plaza_users_window_new (GtkWindow   *parent,
                        PlazaWorker *worker)
{
  PlazaUsersWindow *self;

  g_return_val_if_fail (PLAZA_IS_WORKER (worker), NULL);

  self = g_object_new (PLAZA_TYPE_USERS_WINDOW, "transient-for", parent, NULL);
  self->worker = g_object_ref (worker);
  plaza_role_guard (self->add_button, worker, "user", "create");
  g_signal_connect_object (worker, "notify::role", G_CALLBACK (role_changed_cb), self, G_CONNECT_SWAPPED);
  update_notice (self);
  plaza_users_window_reload (self);
  return self;
}

gboolean
plaza_users_window_get_loading (PlazaUsersWindow *self)
{
  g_return_val_if_fail (PLAZA_IS_USERS_WINDOW (self), FALSE);
  return self->loading;
}

guint
plaza_users_window_get_n_users (PlazaUsersWindow *self)
{
  g_return_val_if_fail (PLAZA_IS_USERS_WINDOW (self), 0);
  return self->users != NULL ? self->users->len : 0;
}

GtkWidget *
plaza_users_window_get_add_button (PlazaUsersWindow *self)
{
  g_return_val_if_fail (PLAZA_IS_USERS_WINDOW (self), NULL);
  return self->add_button;
}
