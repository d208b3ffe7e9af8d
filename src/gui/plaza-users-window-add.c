/* plaza-users-window-add.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Add Account dialog of Users…: user name, name, role, the password
 * twice, with the password rules checked as typed; the account is made in a
 * worker job (plaza_users_create), core's refusal shown in the dialog.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-permissions.h"
#include "plaza-users-window.h"
#include "plaza-users.h"

typedef struct
{
  GtkWindow    *window;        /* borrowed: owns this struct */
  PlazaWorker  *worker;
  GCancellable *cancellable;
  GCallback     done;
  GObject      *owner;         /* weak */

  GtkWidget    *login_row;
  GtkWidget    *name_row;
  GtkWidget    *role_row;
  GtkWidget    *password_row;
  GtkWidget    *repeat_row;
  GtkWidget    *hint_label;
  GtkWidget    *create_button;
  gboolean      busy;
} AddDialog;

typedef struct
{
  char *login;
  char *name;
  char *role;
  char *password;
} AddData;

static void
add_dialog_free (gpointer pointer)
{
  AddDialog *d = pointer;

  g_cancellable_cancel (d->cancellable);
  g_clear_object (&d->cancellable);
  g_clear_object (&d->worker);
  if (d->owner != NULL)
    g_object_remove_weak_pointer (d->owner, (gpointer *) &d->owner);
  g_free (d);
}

static void
add_data_free (gpointer pointer)
{
  AddData *data = pointer;

  g_free (data->login);
  g_free (data->name);
  g_free (data->role);
  g_free (data->password);
  g_free (data);
}

static gpointer
create_func (PlazaStore    *store,
             gpointer       user_data,
             GCancellable  *cancellable G_GNUC_UNUSED,
             GError       **error)
{
  AddData *data = user_data;
  gint64 id = plaza_users_create (store, data->login, data->name, data->role, data->password, error);

  return id > 0 ? GINT_TO_POINTER (1) : NULL;
}

static void
show_hint (AddDialog  *d,
           const char *text,
           gboolean    is_error)
{
  gtk_label_set_label (GTK_LABEL (d->hint_label), text);
  if (is_error)
    gtk_widget_add_css_class (d->hint_label, "error");
  else
    gtk_widget_remove_css_class (d->hint_label, "error");
}

static void
validate (AddDialog *d)
{
  g_autofree char *login = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (d->login_row))));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (d->password_row));
  const char *repeat = gtk_editable_get_text (GTK_EDITABLE (d->repeat_row));
  g_autoptr(GError) error = NULL;
  gboolean ok = FALSE;

  if (*login == '\0')
    show_hint (d, _("Give the account a user name (letters and digits, e.g. wangfang)."), FALSE);
  else if (*password == '\0')
    show_hint (d, _("At least 8 characters, not starting with a digit, not the user name."), FALSE);
  else if (!plaza_users_check_password (login, password, &error))
    show_hint (d, error->message, TRUE);
  else if (g_strcmp0 (password, repeat) != 0)
    show_hint (d, *repeat == '\0' ? _("Type the password again.") : _("The two passwords differ."), *repeat != '\0');
  else
    {
      show_hint (d, _("The password is good."), FALSE);
      ok = TRUE;
    }
  gtk_widget_set_sensitive (d->create_button, ok && !d->busy);
}

static void
create_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GtkWindow) window = user_data;
  AddDialog *d = g_object_get_data (G_OBJECT (window), "plaza-add-dialog");
  g_autoptr(GError) error = NULL;

  plaza_worker_run_finish (PLAZA_WORKER (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || d == NULL)
    return;
  d->busy = FALSE;
  if (error != NULL)
    {
      validate (d);
      show_hint (d, error->message, TRUE);
      return;
    }
  if (d->owner != NULL && d->done != NULL)
    ((void (*) (GObject *)) d->done) (d->owner);
  gtk_window_set_focus (window, NULL);
  gtk_window_destroy (window);
}

static void
create_clicked_cb (AddDialog *d)
{
  const char * const *roles = plaza_role_get_all ();
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (d->role_row));
  AddData *data;

  if (d->busy || !gtk_widget_get_sensitive (d->create_button))
    return;
  data = g_new0 (AddData, 1);
  data->login = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (d->login_row))));
  data->name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (d->name_row))));
  data->role = g_strdup (selected < g_strv_length ((char **) roles) ? roles[selected] : "viewer");
  data->password = g_strdup (gtk_editable_get_text (GTK_EDITABLE (d->password_row)));
  d->busy = TRUE;
  gtk_widget_set_sensitive (d->create_button, FALSE);
  plaza_worker_run_async (d->worker, create_func, data, add_data_free, d->cancellable, create_done_cb,
                          g_object_ref (d->window));
}

static GtkWidget *
entry_row (GtkWidget  *list,
           const char *name,
           const char *title,
           gboolean    password)
{
  GtkWidget *row = password ? adw_password_entry_row_new () : adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  gtk_widget_set_name (row, name);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return row;
}

GtkWindow *
plaza_user_add_dialog_new (GtkWindow   *parent,
                           PlazaWorker *worker,
                           GCallback    done,
                           gpointer     owner)
{
  const char * const *roles = plaza_role_get_all ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  AddDialog *d = g_new0 (AddDialog, 1);
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

  g_return_val_if_fail (PLAZA_IS_WORKER (worker), NULL);

  d->window = GTK_WINDOW (window);
  d->worker = g_object_ref (worker);
  d->cancellable = g_cancellable_new ();
  d->done = done;
  d->owner = owner;
  if (owner != NULL)
    g_object_add_weak_pointer (owner, (gpointer *) &d->owner);
  g_object_set_data_full (G_OBJECT (window), "plaza-add-dialog", d, add_dialog_free);

  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_title (GTK_WINDOW (window), _("Add Account"));
  gtk_window_set_default_size (GTK_WINDOW (window), 440, -1);
  gtk_window_set_resizable (GTK_WINDOW (window), FALSE);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), window);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  d->create_button = gtk_button_new_with_mnemonic (_("_Add"));
  gtk_widget_set_name (d->create_button, "create");
  gtk_widget_add_css_class (d->create_button, "suggested-action");
  g_signal_connect_swapped (d->create_button, "clicked", G_CALLBACK (create_clicked_cb), d);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), d->create_button);
  gtk_box_append (GTK_BOX (box), header);

  gtk_widget_set_margin_start (content, 18);
  gtk_widget_set_margin_end (content, 18);
  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  d->login_row = entry_row (list, "login", _("User name"), FALSE);
  d->name_row = entry_row (list, "name", _("Name"), FALSE);
  for (guint i = 0; roles[i] != NULL; i++)
    gtk_string_list_append (labels, plaza_role_get_label (roles[i]));
  d->role_row = adw_combo_row_new ();
  gtk_widget_set_name (d->role_row, "role");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (d->role_row), _("Role"));
  adw_combo_row_set_model (ADW_COMBO_ROW (d->role_row), G_LIST_MODEL (labels));
  adw_combo_row_set_selected (ADW_COMBO_ROW (d->role_row), 1);   /* clerk */
  gtk_list_box_append (GTK_LIST_BOX (list), d->role_row);
  d->password_row = entry_row (list, "password", _("Password"), TRUE);
  d->repeat_row = entry_row (list, "repeat", _("Password again"), TRUE);
  g_signal_connect_swapped (d->login_row, "changed", G_CALLBACK (validate), d);
  g_signal_connect_swapped (d->password_row, "changed", G_CALLBACK (validate), d);
  g_signal_connect_swapped (d->repeat_row, "changed", G_CALLBACK (validate), d);
  gtk_box_append (GTK_BOX (content), list);

  d->hint_label = gtk_label_new (NULL);
  gtk_widget_set_name (d->hint_label, "hint");
  gtk_label_set_wrap (GTK_LABEL (d->hint_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (d->hint_label), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (d->hint_label), 40);
  gtk_widget_add_css_class (d->hint_label, "caption");
  gtk_box_append (GTK_BOX (content), d->hint_label);

  gtk_box_append (GTK_BOX (box), content);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_set_default_widget (GTK_WINDOW (window), d->create_button);
  gtk_widget_grab_focus (d->login_row);
  validate (d);
  return GTK_WINDOW (window);
}
