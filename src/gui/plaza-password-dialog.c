/* plaza-password-dialog.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Change Password… and Set Password…: password rows, the rules checked as
 * typed (plaza_users_check_password, no database), the save in a worker job.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-password-dialog.h"
#include "plaza-users.h"

struct _PlazaPasswordDialog
{
  AdwWindow     parent_instance;

  PlazaWorker  *worker;
  GCancellable *cancellable;
  char         *login;
  gboolean      need_old;

  GtkWidget    *old_row;
  GtkWidget    *new_row;
  GtkWidget    *repeat_row;
  GtkWidget    *hint_label;
  GtkWidget    *save_button;
  GtkWidget    *title;
  gboolean      busy;
};

G_DEFINE_FINAL_TYPE (PlazaPasswordDialog, plaza_password_dialog, ADW_TYPE_WINDOW)

enum
{
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  char     *login;
  char     *old_password;
  char     *new_password;
  gboolean  need_old;
} SaveData;

static void
save_data_free (gpointer pointer)
{
  SaveData *data = pointer;

  g_free (data->login);
  g_free (data->old_password);
  g_free (data->new_password);
  g_free (data);
}

static gpointer
save_func (PlazaStore    *store,
           gpointer       user_data,
           GCancellable  *cancellable G_GNUC_UNUSED,
           GError       **error)
{
  SaveData *data = user_data;
  gboolean ok;

  if (data->need_old)
    ok = plaza_users_change_password (store, data->login, data->old_password, data->new_password, error);
  else
    ok = plaza_users_set_password (store, data->login, data->new_password, error);
  return ok ? GINT_TO_POINTER (1) : NULL;
}

static void
show_hint (PlazaPasswordDialog *self,
           const char          *text,
           gboolean             is_error)
{
  gtk_label_set_label (GTK_LABEL (self->hint_label), text);
  if (is_error)
    gtk_widget_add_css_class (self->hint_label, "error");
  else
    gtk_widget_remove_css_class (self->hint_label, "error");
}

/* The rules as typed: says what is wrong, and only then may one save. */
static void
validate (PlazaPasswordDialog *self)
{
  const char *new_password = gtk_editable_get_text (GTK_EDITABLE (self->new_row));
  const char *repeat = gtk_editable_get_text (GTK_EDITABLE (self->repeat_row));
  g_autoptr(GError) error = NULL;
  gboolean ok = FALSE;

  if (*new_password == '\0')
    show_hint (self, _("At least 8 characters, not starting with a digit, not the user name."), FALSE);
  else if (!plaza_users_check_password (self->login, new_password, &error))
    show_hint (self, error->message, TRUE);
  else if (g_strcmp0 (new_password, repeat) != 0)
    show_hint (self, *repeat == '\0' ? _("Type the new password again.") : _("The two new passwords differ."),
               *repeat != '\0');
  else
    {
      show_hint (self, _("The new password is good."), FALSE);
      ok = TRUE;
    }
  if (self->need_old && *gtk_editable_get_text (GTK_EDITABLE (self->old_row)) == '\0')
    ok = FALSE;
  gtk_widget_set_sensitive (self->save_button, ok && !self->busy);
}

static void
save_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PlazaPasswordDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  plaza_worker_run_finish (PLAZA_WORKER (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy = FALSE;
  if (error != NULL)
    {
      if (self->need_old)
        {
          gtk_editable_set_text (GTK_EDITABLE (self->old_row), "");
          gtk_widget_grab_focus (self->old_row);
        }
      validate (self);
      show_hint (self, error->message, TRUE);
      return;
    }
  g_signal_emit (self, signals[DONE], 0);
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_clicked_cb (PlazaPasswordDialog *self)
{
  SaveData *data;

  if (self->busy || !gtk_widget_get_sensitive (self->save_button))
    return;
  data = g_new0 (SaveData, 1);
  data->login = g_strdup (self->login);
  data->old_password = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->old_row)));
  data->new_password = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_row)));
  data->need_old = self->need_old;
  self->busy = TRUE;
  gtk_widget_set_sensitive (self->save_button, FALSE);
  plaza_worker_run_async (self->worker, save_func, data, save_data_free, self->cancellable, save_done_cb,
                          g_object_ref (self));
}

static void
plaza_password_dialog_dispose (GObject *object)
{
  PlazaPasswordDialog *self = PLAZA_PASSWORD_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->worker);

  G_OBJECT_CLASS (plaza_password_dialog_parent_class)->dispose (object);
}

static void
plaza_password_dialog_finalize (GObject *object)
{
  PlazaPasswordDialog *self = PLAZA_PASSWORD_DIALOG (object);

  g_free (self->login);

  G_OBJECT_CLASS (plaza_password_dialog_parent_class)->finalize (object);
}

static void
plaza_password_dialog_class_init (PlazaPasswordDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plaza_password_dialog_dispose;
  object_class->finalize = plaza_password_dialog_finalize;

  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static GtkWidget *
password_row (GtkWidget  *list,
              const char *title)
{
  GtkWidget *row = adw_password_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return row;
}

static void
plaza_password_dialog_init (PlazaPasswordDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

  self->cancellable = g_cancellable_new ();
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 420, -1);
  gtk_window_set_resizable (GTK_WINDOW (self), FALSE);

  self->title = adw_window_title_new (NULL, NULL);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), self->title);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->save_button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  gtk_widget_set_sensitive (self->save_button, FALSE);
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (save_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->save_button);
  gtk_box_append (GTK_BOX (box), header);

  gtk_widget_set_margin_start (content, 18);
  gtk_widget_set_margin_end (content, 18);
  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  self->old_row = password_row (list, _("Current password"));
  self->new_row = password_row (list, _("New password"));
  self->repeat_row = password_row (list, _("New password again"));
  gtk_widget_set_name (self->old_row, "old");
  gtk_widget_set_name (self->new_row, "new");
  gtk_widget_set_name (self->repeat_row, "repeat");
  gtk_widget_set_name (self->save_button, "save");
  g_signal_connect_swapped (self->old_row, "changed", G_CALLBACK (validate), self);
  g_signal_connect_swapped (self->new_row, "changed", G_CALLBACK (validate), self);
  g_signal_connect_swapped (self->repeat_row, "changed", G_CALLBACK (validate), self);
  gtk_box_append (GTK_BOX (content), list);

  self->hint_label = gtk_label_new (NULL);
  gtk_widget_set_name (self->hint_label, "hint");
  gtk_label_set_wrap (GTK_LABEL (self->hint_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->hint_label), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (self->hint_label), 40);
  gtk_widget_add_css_class (self->hint_label, "caption");
  gtk_box_append (GTK_BOX (content), self->hint_label);

  gtk_box_append (GTK_BOX (box), content);
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
}

PlazaPasswordDialog *
plaza_password_dialog_new (GtkWindow   *parent,
                           PlazaWorker *worker,
                           const char  *login,
                           gboolean     need_old)
{
  PlazaPasswordDialog *self;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (PLAZA_IS_WORKER (worker), NULL);
  g_return_val_if_fail (login != NULL, NULL);

  self = g_object_new (PLAZA_TYPE_PASSWORD_DIALOG, "transient-for", parent, NULL);
  self->worker = g_object_ref (worker);
  self->login = g_strdup (login);
  self->need_old = need_old;
  gtk_widget_set_visible (self->old_row, need_old);
  adw_window_title_set_title (ADW_WINDOW_TITLE (self->title), need_old ? _("Change Password") : _("Set Password"));
  adw_window_title_set_subtitle (ADW_WINDOW_TITLE (self->title), login);
  gtk_widget_grab_focus (need_old ? self->old_row : self->new_row);
  validate (self);
  return self;
}
