/* plaza-backups-window.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PlazaBackupsWindow: settings on top (folder, schedule, how many to keep:
 * GSettings, the schedule also recorded in the file by the next scheduled
 * check), then the open database's backups, newest first. A backup only
 * gets its name after PRAGMA integrity_check passed, so every listed one
 * was checked when made; Verify checks it again now. Restore… is for an
 * administrator (or a file without accounts): it names what is lost (how
 * many changes were saved after the backup, and by whom), then
 * plaza_backup_restore() copies the backup into the live file under its
 * write lock, and the main window opens the file again.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-backup.h"
#include "plaza-backups-window-private.h"
#include "plaza-window-private.h"


G_DEFINE_FINAL_TYPE (PlazaBackupsWindow, plaza_backups_window, ADW_TYPE_WINDOW)

static const char * const schedules[] = { "weekly", "daily", "off" };

char *
plaza_backups_get_folder (GSettings *settings)
{
  g_autofree char *chosen = settings != NULL ? g_settings_get_string (settings, "backup-folder") : NULL;
  const char *env = g_getenv ("PLAZA_BACKUP_FOLDER");
  const char *documents;

  if (chosen != NULL && *chosen != '\0')
    return g_steal_pointer (&chosen);
  if (env != NULL && *env != '\0')
    return g_strdup (env);
  documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  if (documents != NULL)
    return g_build_filename (documents, "Plaza Backups", NULL);
  return g_build_filename (g_get_home_dir (), "Documents", "Plaza Backups", NULL);
}

void
plaza_backups_window_set_busy (PlazaBackupsWindow *self,
          gboolean            busy)
{
  if (busy)
    self->busy++;
  else if (self->busy > 0)
    self->busy--;
  gtk_widget_set_sensitive (self->backup_button, self->busy == 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->list), self->busy == 0);
}

static void
toast (PlazaBackupsWindow *self,
       const char         *text)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (text));
}

void
plaza_backups_window_show_error (PlazaBackupsWindow *self,
            const char         *heading,
            const GError       *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
plaza_backups_window_may_restore (PlazaBackupsWindow *self)
{
  return plaza_worker_allows (self->worker, "database", "restore");
}

/* ---- the list ---- */

typedef struct
{
  char *folder;
  char *db_name;
} ListData;

typedef struct
{
  GPtrArray *backups;
  char      *next;    /* when the next scheduled backup falls due, in words */
} ListResult;

static void
list_data_free (gpointer pointer)
{
  ListData *data = pointer;

  g_free (data->folder);
  g_free (data->db_name);
  g_free (data);
}

static void
list_result_free (gpointer pointer)
{
  ListResult *result = pointer;

  g_clear_pointer (&result->backups, g_ptr_array_unref);
  g_free (result->next);
  g_free (result);
}

static gpointer
list_func (PlazaStore    *store,
           gpointer       user_data,
           GCancellable  *cancellable G_GNUC_UNUSED,
           GError       **error)
{
  ListData *data = user_data;
  ListResult *result = g_new0 (ListResult, 1);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) next = NULL;

  if (!plaza_backup_list (data->folder, data->db_name, &result->backups, error))
    {
      list_result_free (result);
      return NULL;
    }
  if (plaza_backup_due (store, now, &next))
    result->next = g_strdup (_("A scheduled backup is due now."));
  else if (next != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (next);
      g_autofree char *when = g_date_time_format (local, "%Y-%m-%d %H:%M");

      result->next = g_strdup_printf (_("The next scheduled backup is due %s."), when);
    }
  else
    result->next = g_strdup (_("Scheduled backups are off for this file."));
  return result;
}

static void
restore_clicked_cb (GtkButton          *button,
                    PlazaBackupsWindow *self);
static void
verify_clicked_cb (GtkButton          *button,
                   PlazaBackupsWindow *self);

static void
fill_list (PlazaBackupsWindow *self)
{
  GtkWidget *child;
  gboolean restore_ok = plaza_backups_window_may_restore (self);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_ptr_array_set_size (self->states, 0);

  for (guint i = 0; self->backups != NULL && i < self->backups->len; i++)
    {
      PlazaBackupInfo *info = g_ptr_array_index (self->backups, i);
      const char *verified = g_hash_table_lookup (self->verified, info->path);
      g_autofree char *when = g_date_time_format (info->taken, "%Y-%m-%d %H:%M:%S");
      g_autofree char *size = g_format_size (info->size);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *verify = gtk_button_new_with_mnemonic (_("_Verify"));
      GtkWidget *restore = gtk_button_new_with_mnemonic (_("_Restore…"));

      g_ptr_array_add (self->states, g_strdup (verified != NULL ? verified : _("Checked when made")));
      subtitle = g_strdup_printf ("%s · %s", size, (const char *) g_ptr_array_index (self->states, i));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_tooltip_text (row, info->path);

      gtk_widget_set_valign (verify, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (verify, _("Check this backup's integrity again now"));
      g_object_set_data (G_OBJECT (verify), "index", GUINT_TO_POINTER (i));
      g_signal_connect (verify, "clicked", G_CALLBACK (verify_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), verify);

      gtk_widget_set_valign (restore, GTK_ALIGN_CENTER);
      gtk_widget_set_sensitive (restore, restore_ok);
      gtk_widget_set_tooltip_text (restore, restore_ok ? _("Replace the open file with this backup")
                                                       : _("Only an administrator can restore a backup, on a file that can be written."));
      g_object_set_data (G_OBJECT (restore), "index", GUINT_TO_POINTER (i));
      g_signal_connect (restore, "clicked", G_CALLBACK (restore_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), restore);
      if (g_hash_table_contains (self->damaged, info->path))
        gtk_widget_add_css_class (row, "error");

      gtk_list_box_append (self->list, row);
    }
}

static void
list_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PlazaBackupsWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  ListResult *list = plaza_worker_run_finish (PLAZA_WORKER (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  plaza_backups_window_set_busy (self, FALSE);
  if (list == NULL)
    {
      plaza_backups_window_show_error (self, _("The Backups Could Not Be Listed"), error);
      return;
    }
  g_clear_pointer (&self->backups, g_ptr_array_unref);
  self->backups = g_steal_pointer (&list->backups);
  adw_preferences_group_set_description (self->list_group, list->next);
  fill_list (self);
  list_result_free (list);
}

static void
reload (PlazaBackupsWindow *self)
{
  ListData *data = g_new0 (ListData, 1);

  g_free (self->folder);
  self->folder = plaza_backups_get_folder (self->settings);
  adw_action_row_set_subtitle (self->folder_row, self->folder);

  data->folder = g_strdup (self->folder);
  data->db_name = g_strdup (self->db_name);
  plaza_backups_window_set_busy (self, TRUE);
  plaza_worker_run_async (self->worker, list_func, data, list_data_free, self->cancellable,
                          list_done_cb, g_object_ref (self));
}

/* ---- Back Up Now ---- */

typedef struct
{
  char *folder;
  int   keep;
} CreateData;

static void
create_data_free (gpointer pointer)
{
  CreateData *data = pointer;

  g_free (data->folder);
  g_free (data);
}

static gpointer
create_func (PlazaStore    *store,
             gpointer       user_data,
             GCancellable  *cancellable G_GNUC_UNUSED,
             GError       **error)
{
  CreateData *data = user_data;
  char *path = NULL;

  if (!plaza_backup_create (store, data->folder, data->keep, &path, error))
    return NULL;
  return path;
}

static void
create_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(PlazaBackupsWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = plaza_worker_run_finish (PLAZA_WORKER (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  plaza_backups_window_set_busy (self, FALSE);
  if (path == NULL)
    {
      plaza_backups_window_show_error (self, _("The Backup Failed"), error);
      return;
    }
  {
    g_autofree char *display = g_filename_display_name (self->folder);
    g_autofree char *text = g_strdup_printf (_("Backed up to %s"), display);

    toast (self, text);
  }
  reload (self);
}

void
plaza_backups_window_back_up_now (PlazaBackupsWindow *self)
{
  CreateData *data;

  g_return_if_fail (PLAZA_IS_BACKUPS_WINDOW (self));

  data = g_new0 (CreateData, 1);
  data->folder = plaza_backups_get_folder (self->settings);
  data->keep = g_settings_get_int (self->settings, "backup-keep");
  plaza_backups_window_set_busy (self, TRUE);
  plaza_worker_run_async (self->worker, create_func, data, create_data_free, self->cancellable,
                          create_done_cb, g_object_ref (self));
}

/* ---- Verify ---- */

typedef struct
{
  gboolean  sound;
  char     *text;
} VerifyResult;

static void
verify_result_free (gpointer pointer)
{
  VerifyResult *result = pointer;

  g_free (result->text);
  g_free (result);
}

static gpointer
verify_func (PlazaStore    *store G_GNUC_UNUSED,
             gpointer       data,
             GCancellable  *cancellable G_GNUC_UNUSED,
             GError       **error G_GNUC_UNUSED)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *at = g_date_time_format (now, "%H:%M");
  VerifyResult *result = g_new0 (VerifyResult, 1);

  result->sound = plaza_backup_verify (data, &local_error);
  if (result->sound)
    result->text = g_strdup_printf (_("Verified at %s"), at);
  else
    result->text = g_strdup_printf (_("Damaged: %s"), local_error->message);
  return result;
}

typedef struct
{
  PlazaBackupsWindow *self;
  char               *path;
} VerifyCall;

static void
verify_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  VerifyCall *call = user_data;
  g_autoptr(PlazaBackupsWindow) self = call->self;
  g_autofree char *path = call->path;
  g_autoptr(GError) error = NULL;
  VerifyResult *verified = plaza_worker_run_finish (PLAZA_WORKER (source), result, &error);

  g_free (call);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  plaza_backups_window_set_busy (self, FALSE);
  if (verified == NULL)
    return;
  if (verified->sound)
    g_hash_table_remove (self->damaged, path);
  else
    g_hash_table_add (self->damaged, g_strdup (path));
  g_hash_table_replace (self->verified, g_steal_pointer (&path), g_steal_pointer (&verified->text));
  verify_result_free (verified);
  fill_list (self);
}

void
plaza_backups_window_verify (PlazaBackupsWindow *self,
                             guint               index)
{
  PlazaBackupInfo *info;
  VerifyCall *call;

  g_return_if_fail (PLAZA_IS_BACKUPS_WINDOW (self));
  g_return_if_fail (self->backups != NULL && index < self->backups->len);

  info = g_ptr_array_index (self->backups, index);
  call = g_new0 (VerifyCall, 1);
  call->self = g_object_ref (self);
  call->path = g_strdup (info->path);
  plaza_backups_window_set_busy (self, TRUE);
  plaza_worker_run_async (self->worker, verify_func, g_strdup (info->path), g_free, self->cancellable,
                          verify_done_cb, call);
}

static void
verify_clicked_cb (GtkButton          *button,
                   PlazaBackupsWindow *self)
{
  plaza_backups_window_verify (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index")));
}

static void
restore_clicked_cb (GtkButton          *button,
                    PlazaBackupsWindow *self)
{
  plaza_backups_window_restore (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index")));
}

/* ---- settings ---- */

static void
folder_chosen_cb (GtkNativeDialog    *dialog,
                  int                 response,
                  PlazaBackupsWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = folder != NULL ? g_file_get_path (folder) : NULL;

      if (path != NULL)
        {
          g_settings_set_string (self->settings, "backup-folder", path);
          reload (self);
        }
    }
  g_object_unref (dialog);
}

static void
choose_folder_cb (PlazaBackupsWindow *self)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GFile) current = g_file_new_for_path (self->folder);

  dialog = gtk_file_chooser_native_new (_("Backup Folder"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  if (g_file_query_exists (current, NULL))
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (dialog), current, NULL);
  g_signal_connect (dialog, "response", G_CALLBACK (folder_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
schedule_changed_cb (PlazaBackupsWindow *self)
{
  guint i = adw_combo_row_get_selected (self->schedule_row);

  if (i < G_N_ELEMENTS (schedules))
    g_settings_set_string (self->settings, "backup-schedule", schedules[i]);
}

static void
keep_changed_cb (PlazaBackupsWindow *self)
{
  g_settings_set_int (self->settings, "backup-keep", gtk_spin_button_get_value_as_int (self->keep_spin));
}

/* ---- the object ---- */

static void
plaza_backups_window_dispose (GObject *object)
{
  PlazaBackupsWindow *self = PLAZA_BACKUPS_WINDOW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->worker);
  g_clear_object (&self->settings);
  g_clear_object (&self->parent);

  G_OBJECT_CLASS (plaza_backups_window_parent_class)->dispose (object);
}

static void
plaza_backups_window_finalize (GObject *object)
{
  PlazaBackupsWindow *self = PLAZA_BACKUPS_WINDOW (object);

  g_free (self->db_path);
  g_free (self->db_name);
  g_free (self->folder);
  g_clear_pointer (&self->backups, g_ptr_array_unref);
  g_clear_pointer (&self->states, g_ptr_array_unref);
  g_clear_pointer (&self->verified, g_hash_table_unref);
  g_clear_pointer (&self->damaged, g_hash_table_unref);

  G_OBJECT_CLASS (plaza_backups_window_parent_class)->finalize (object);
}

static void
plaza_backups_window_class_init (PlazaBackupsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plaza_backups_window_dispose;
  object_class->finalize = plaza_backups_window_finalize;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
plaza_backups_window_init (PlazaBackupsWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *settings_group = adw_preferences_group_new ();
  GtkWidget *choose = gtk_button_new_with_mnemonic (_("_Choose…"));
  GtkWidget *keep_row = adw_action_row_new ();
  GtkWidget *placeholder;
  g_autofree char *schedule = NULL;

  self->states = g_ptr_array_new_with_free_func (g_free);
  self->verified = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->damaged = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APP_ID);

  gtk_window_set_title (GTK_WINDOW (self), _("Backups"));
  gtk_window_set_default_size (GTK_WINDOW (self), 680, 620);

  self->backup_button = gtk_button_new_with_mnemonic (_("Back Up _Now"));
  gtk_widget_add_css_class (self->backup_button, "suggested-action");
  g_signal_connect_swapped (self->backup_button, "clicked", G_CALLBACK (plaza_backups_window_back_up_now), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->backup_button);
  gtk_box_append (GTK_BOX (box), header);

  /* Settings. */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (settings_group), _("Settings"));
  self->folder_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->folder_row), _("Folder"));
  gtk_widget_set_valign (choose, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (choose, "clicked", G_CALLBACK (choose_folder_cb), self);
  adw_action_row_add_suffix (self->folder_row, choose);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (settings_group), GTK_WIDGET (self->folder_row));

  self->schedule_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->schedule_row), _("Schedule"));
  {
    g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

    gtk_string_list_append (model, _("Weekly"));
    gtk_string_list_append (model, _("Daily"));
    gtk_string_list_append (model, _("Off"));
    adw_combo_row_set_model (self->schedule_row, G_LIST_MODEL (model));
  }
  schedule = g_settings_get_string (self->settings, "backup-schedule");
  for (guint i = 0; i < G_N_ELEMENTS (schedules); i++)
    if (g_str_equal (schedule, schedules[i]))
      adw_combo_row_set_selected (self->schedule_row, i);
  g_signal_connect_swapped (self->schedule_row, "notify::selected", G_CALLBACK (schedule_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (settings_group), GTK_WIDGET (self->schedule_row));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (keep_row), _("Backups Kept"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (keep_row), _("Older backups of this file are removed"));
  self->keep_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, 100, 1));
  gtk_spin_button_set_value (self->keep_spin, g_settings_get_int (self->settings, "backup-keep"));
  gtk_widget_set_valign (GTK_WIDGET (self->keep_spin), GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->keep_spin, "value-changed", G_CALLBACK (keep_changed_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (keep_row), GTK_WIDGET (self->keep_spin));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (settings_group), keep_row);
  gtk_box_append (GTK_BOX (content), settings_group);

  /* The backups. */
  self->list_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->list_group, _("Backups of This File"));
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  placeholder = gtk_label_new (_("No backups yet."));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->list, placeholder);
  adw_preferences_group_add (self->list_group, GTK_WIDGET (self->list));
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->list_group));

  gtk_widget_set_margin_top (content, 24);
  gtk_widget_set_margin_bottom (content, 24);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, scrolled);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->toasts));
  adw_window_set_content (ADW_WINDOW (self), box);
}

PlazaBackupsWindow *
plaza_backups_window_new (PlazaWindow *parent)
{
  PlazaBackupsWindow *self;
  PlazaWorker *worker;

  g_return_val_if_fail (PLAZA_IS_WINDOW (parent), NULL);
  worker = plaza_window_get_worker (parent);
  g_return_val_if_fail (worker != NULL, NULL);

  self = g_object_new (PLAZA_TYPE_BACKUPS_WINDOW,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->parent = g_object_ref (parent);
  self->worker = g_object_ref (worker);
  self->db_path = g_strdup (plaza_worker_get_path (worker));
  self->db_name = plaza_backup_db_name (self->db_path);
  reload (self);
  return self;
}

gboolean
plaza_backups_window_get_busy (PlazaBackupsWindow *self)
{
  g_return_val_if_fail (PLAZA_IS_BACKUPS_WINDOW (self), FALSE);
  return self->busy > 0;
}

guint
plaza_backups_window_get_n_backups (PlazaBackupsWindow *self)
{
  g_return_val_if_fail (PLAZA_IS_BACKUPS_WINDOW (self), 0);
  return self->backups != NULL ? self->backups->len : 0;
}

const char *
plaza_backups_window_get_backup_path (PlazaBackupsWindow *self,
                                      guint               index)
{
  g_return_val_if_fail (PLAZA_IS_BACKUPS_WINDOW (self), NULL);
  if (self->backups == NULL || index >= self->backups->len)
    return NULL;
  return ((PlazaBackupInfo *) g_ptr_array_index (self->backups, index))->path;
}

const char *
plaza_backups_window_get_backup_state (PlazaBackupsWindow *self,
                                       guint               index)
{
  g_return_val_if_fail (PLAZA_IS_BACKUPS_WINDOW (self), NULL);
  return index < self->states->len ? g_ptr_array_index (self->states, index) : NULL;
}
