/* plaza-sign-in-dialog.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sign-in dialog: two entry rows and a Sign In button over the main
 * window. The password is checked in the worker thread
 * (plaza_worker_sign_in_async: Argon2id takes a moment), with a spinner.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-sign-in-dialog.h"

struct _PlazaSignInDialog
{
  AdwWindow     parent_instance;

  PlazaWorker  *worker;
  GSettings    *settings;
  GCancellable *cancellable;

  GtkWidget    *login_row;
  GtkWidget    *password_row;
  GtkWidget    *sign_in_button;
  GtkWidget    *cancel_button;
  GtkWidget    *error_label;
  GtkWidget    *spinner;
  GtkWidget    *title;

  gboolean      busy;
  gboolean      done;      /* signed in or cancelled: said once */
};

G_DEFINE_FINAL_TYPE (PlazaSignInDialog, plaza_sign_in_dialog, ADW_TYPE_WINDOW)

enum
{
  SIGNED_IN,
  CANCELLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_busy (PlazaSignInDialog *self,
          gboolean           busy)
{
  /* The rows stay sensitive: taking the focus from an entry this way
   * upsets GtkText. A second click while busy is ignored. */
  self->busy = busy;
  gtk_widget_set_sensitive (self->sign_in_button, !busy);
  gtk_widget_set_visible (self->spinner, busy);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), busy);
}

static void
show_error (PlazaSignInDialog *self,
            const char        *message)
{
  gtk_label_set_label (GTK_LABEL (self->error_label), message != NULL ? message : "");
  gtk_widget_set_visible (self->error_label, message != NULL);
}

static void
sign_in_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PlazaSignInDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!plaza_worker_sign_in_finish (PLAZA_WORKER (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_busy (self, FALSE);
      show_error (self, error->message);
      gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
      gtk_widget_grab_focus (self->password_row);
      return;
    }

  set_busy (self, FALSE);
  g_settings_set_string (self->settings, "last-login", plaza_worker_get_user (self->worker));
  self->done = TRUE;
  g_signal_emit (self, signals[SIGNED_IN], 0);
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
sign_in_clicked_cb (PlazaSignInDialog *self)
{
  g_autofree char *login = NULL;
  const char *password;

  if (self->busy)
    return;
  login = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->login_row))));
  password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  if (*login == '\0')
    {
      show_error (self, _("Enter your user name."));
      gtk_widget_grab_focus (self->login_row);
      return;
    }
  show_error (self, NULL);
  set_busy (self, TRUE);
  plaza_worker_sign_in_async (self->worker, login, password, self->cancellable, sign_in_done_cb,
                              g_object_ref (self));
}

static void
cancel (PlazaSignInDialog *self)
{
  if (self->done)
    return;
  self->done = TRUE;
  g_cancellable_cancel (self->cancellable);
  g_signal_emit (self, signals[CANCELLED], 0);
}

static void
cancel_clicked_cb (PlazaSignInDialog *self)
{
  cancel (self);
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
plaza_sign_in_dialog_close_request (GtkWindow *window)
{
  cancel (PLAZA_SIGN_IN_DIALOG (window));
  return GTK_WINDOW_CLASS (plaza_sign_in_dialog_parent_class)->close_request (window);
}

static void
plaza_sign_in_dialog_dispose (GObject *object)
{
  PlazaSignInDialog *self = PLAZA_SIGN_IN_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->worker);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (plaza_sign_in_dialog_parent_class)->dispose (object);
}

static void
plaza_sign_in_dialog_class_init (PlazaSignInDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plaza_sign_in_dialog_dispose;
  window_class->close_request = plaza_sign_in_dialog_close_request;

  signals[SIGNED_IN] = g_signal_new ("signed-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[CANCELLED] = g_signal_new ("cancelled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
plaza_sign_in_dialog_init (PlazaSignInDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *intro;

  self->settings = g_settings_new (APP_ID);
  self->cancellable = g_cancellable_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Sign In"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 420, -1);
  gtk_window_set_resizable (GTK_WINDOW (self), FALSE);

  self->title = adw_window_title_new (_("Sign In"), NULL);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), self->title);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  self->cancel_button = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect_swapped (self->cancel_button, "clicked", G_CALLBACK (cancel_clicked_cb), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->cancel_button);
  self->sign_in_button = gtk_button_new_with_mnemonic (_("_Sign In"));
  gtk_widget_add_css_class (self->sign_in_button, "suggested-action");
  g_signal_connect_swapped (self->sign_in_button, "clicked", G_CALLBACK (sign_in_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->sign_in_button);
  self->spinner = gtk_spinner_new ();
  gtk_widget_set_visible (self->spinner, FALSE);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->spinner);
  gtk_box_append (GTK_BOX (box), header);

  gtk_widget_set_margin_start (content, 18);
  gtk_widget_set_margin_end (content, 18);
  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 18);

  intro = gtk_label_new (_("This file asks who you are: what you may change depends on your role."));
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (intro), 40);
  gtk_widget_add_css_class (intro, "dim-label");
  gtk_box_append (GTK_BOX (content), intro);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  self->login_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->login_row), _("User name"));
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (self->login_row), TRUE);
  gtk_list_box_append (GTK_LIST_BOX (list), self->login_row);
  self->password_row = adw_password_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->password_row), _("Password"));
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (self->password_row), TRUE);
  gtk_list_box_append (GTK_LIST_BOX (list), self->password_row);
  gtk_box_append (GTK_BOX (content), list);

  self->error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->error_label), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (self->error_label), 40);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_widget_set_visible (self->error_label, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Sign-in error"), -1);
  gtk_box_append (GTK_BOX (content), self->error_label);

  gtk_box_append (GTK_BOX (box), content);
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->sign_in_button);
}

PlazaSignInDialog *
plaza_sign_in_dialog_new (GtkWindow   *parent,
                          PlazaWorker *worker)
{
  PlazaSignInDialog *self;
  g_autofree char *last = NULL;
  g_autofree char *file = NULL;

  g_return_val_if_fail (PLAZA_IS_WORKER (worker), NULL);

  self = g_object_new (PLAZA_TYPE_SIGN_IN_DIALOG, "transient-for", parent, NULL);
  self->worker = g_object_ref (worker);
  if (plaza_worker_get_path (worker) != NULL)
    {
      file = g_filename_display_basename (plaza_worker_get_path (worker));
      adw_window_title_set_subtitle (ADW_WINDOW_TITLE (self->title), file);
    }

  last = g_settings_get_string (self->settings, "last-login");
  gtk_editable_set_text (GTK_EDITABLE (self->login_row), last);
  gtk_widget_grab_focus (*last != '\0' ? self->password_row : self->login_row);
  return self;
}

GtkEditable *
plaza_sign_in_dialog_get_login (PlazaSignInDialog *self)
{
  g_return_val_if_fail (PLAZA_IS_SIGN_IN_DIALOG (self), NULL);
  return GTK_EDITABLE (self->login_row);
}

GtkEditable *
plaza_sign_in_dialog_get_password (PlazaSignInDialog *self)
{
  g_return_val_if_fail (PLAZA_IS_SIGN_IN_DIALOG (self), NULL);
  return GTK_EDITABLE (self->password_row);
}

GtkWidget *
plaza_sign_in_dialog_get_button (PlazaSignInDialog *self)
{
  g_return_val_if_fail (PLAZA_IS_SIGN_IN_DIALOG (self), NULL);
  return self->sign_in_button;
}

const char *
plaza_sign_in_dialog_get_error (PlazaSignInDialog *self)
{
  g_return_val_if_fail (PLAZA_IS_SIGN_IN_DIALOG (self), NULL);
  return gtk_widget_get_visible (self->error_label) ? gtk_label_get_label (GTK_LABEL (self->error_label)) : NULL;
}

gboolean
plaza_sign_in_dialog_get_busy (PlazaSignInDialog *self)
{
  g_return_val_if_fail (PLAZA_IS_SIGN_IN_DIALOG (self), FALSE);
  return self->busy;
}
