/* plaza-share-dialogs.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window's share safety (see the header). The state lives on the
 * window (object data) and ends with it: timers removed, jobs cancelled,
 * our presence file withdrawn. The presence file itself is only touched
 * under its slot's lock, by worker jobs and by the withdrawal.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "plaza-backup.h"
#include "plaza-backups-window.h"
#include "plaza-presence.h"
#include "plaza-share-dialogs-private.h"
#include "plaza-window-private.h"

#define STATE_KEY "plaza-share-state"
#define BACKUP_CHECK_SECONDS 3600
/* The first scheduled-backup check waits a little after opening: the pages
 * load first (on a slow share the copy takes a while), and a file opened
 * only for a moment is not copied. */
#define BACKUP_FIRST_CHECK_SECONDS 60


static PresenceSlot *
slot_new (const char *db_path,
          const char *user)
{
  PresenceSlot *slot = g_new0 (PresenceSlot, 1);

  slot->ref = 1;
  g_mutex_init (&slot->lock);
  slot->db_path = g_strdup (db_path);
  slot->user = g_strdup (user);
  return slot;
}

static PresenceSlot *
slot_ref (PresenceSlot *slot)
{
  g_atomic_int_inc (&slot->ref);
  return slot;
}

static void
slot_unref (gpointer pointer)
{
  PresenceSlot *slot = pointer;

  if (slot == NULL || !g_atomic_int_dec_and_test (&slot->ref))
    return;
  g_clear_pointer (&slot->presence, plaza_presence_withdraw);
  g_mutex_clear (&slot->lock);
  g_free (slot->db_path);
  g_free (slot->user);
  g_free (slot);
}

/* Withdraws our presence file now; later jobs do nothing. */
static void
slot_close (PresenceSlot *slot)
{
  g_mutex_lock (&slot->lock);
  slot->closed = TRUE;
  g_clear_pointer (&slot->presence, plaza_presence_withdraw);
  g_mutex_unlock (&slot->lock);
}

/* In the worker: writes (or refreshes) our file and lists the others in
 * words; NULL when nobody else has the file. */
static char *
slot_tick (PresenceSlot *slot)
{
  g_autoptr(GPtrArray) others = NULL;
  g_autoptr(GError) error = NULL;

  g_mutex_lock (&slot->lock);
  if (!slot->closed)
    {
      if (slot->presence == NULL)
        slot->presence = plaza_presence_announce (slot->db_path, slot->user, &error);
      else
        {
          plaza_presence_set_user (slot->presence, slot->user);
          plaza_presence_refresh (slot->presence, &error);
        }
    }
  g_mutex_unlock (&slot->lock);
  if (error != NULL)
    g_debug ("presence for %s: %s", slot->db_path, error->message);

  if (!plaza_presence_list (slot->db_path, 0, &others, NULL))
    return NULL;
  return plaza_presence_describe (others);
}

ShareState *
plaza_share_get_state (PlazaWindow *window)
{
  return window != NULL ? g_object_get_data (G_OBJECT (window), STATE_KEY) : NULL;
}

/* Stops everything tied to the open file. */
static void
state_stop (ShareState *state)
{
  g_clear_handle_id (&state->presence_timer, g_source_remove);
  g_clear_handle_id (&state->backup_timer, g_source_remove);
  g_clear_handle_id (&state->backup_first, g_source_remove);
  if (state->cancellable != NULL)
    g_cancellable_cancel (state->cancellable);
  g_clear_object (&state->cancellable);
  if (state->slot != NULL)
    {
      slot_close (state->slot);
      g_clear_pointer (&state->slot, slot_unref);
    }
  if (state->worker != NULL)
    g_signal_handlers_disconnect_by_data (state->worker, state);
  g_clear_object (&state->worker);
}

static void
state_free (gpointer pointer)
{
  ShareState *state = pointer;

  state_stop (state);
  g_free (state->mode);
  g_free (state->explanation);
  g_free (state->others);
  g_free (state);
}

static void
window_destroy_cb (PlazaWindow *window)
{
  ShareState *state = plaza_share_get_state (window);

  if (state != NULL)
    state_stop (state);
}

void
plaza_share_toast (ShareState *state,
           const char *text)
{
  adw_toast_overlay_add_toast (state->window->toast_overlay, adw_toast_new (text));
}

/* ---- the mode and who else is there ---- */

static void
show_location (ShareState *state)
{
  PlazaWindow *window = state->window;
  PlazaLocation location = plaza_worker_get_location (state->worker);
  g_autoptr(GString) tooltip = g_string_new (NULL);
  g_autofree char *display = g_filename_display_name (window->path != NULL ? window->path : "");

  g_free (state->mode);
  g_free (state->explanation);
  if (plaza_worker_is_read_only (state->worker))
    {
      state->mode = g_strdup (_("Read only"));
      state->explanation = g_strdup (_("Plaza shows this file but cannot change it; the bar above the page says why."));
    }
  else if (!plaza_location_is_network (location))
    {
      state->mode = g_strdup (_("Local disk"));
      state->explanation = g_strdup (_("The file is on this computer's disk: only this computer works on it."));
    }
  else if (!state->uses_lease)
    {
      state->mode = g_strdup (_("Network share"));
      state->explanation = g_strdup (_("The share's locks reach the server, so several computers can work on the file at once."));
    }
  else
    {
      state->mode = g_strdup (_("Network share, lock file"));
      state->explanation = g_strdup (_("The share keeps locks on each computer, so every save takes a lock file beside the database."));
    }

  g_string_append_printf (tooltip, "%s: %s\n%s", state->mode, state->explanation, display);
  if (state->others != NULL)
    {
      g_string_append_c (tooltip, '\n');
      g_string_append_printf (tooltip, _("Also open on %s"), state->others);
    }
  gtk_label_set_label (window->location_label, state->mode);
  gtk_widget_set_tooltip_text (GTK_WIDGET (window->location_label), tooltip->str);
  gtk_widget_set_tooltip_text (GTK_WIDGET (window->location_icon), tooltip->str);
  if (state->uses_lease)
    gtk_image_set_from_icon_name (window->location_icon, "network-server-symbolic");

  if (state->others != NULL)
    {
      g_autofree char *line = g_strdup_printf (_("Also open on %s"), state->others);

      gtk_label_set_label (state->presence_label, line);
      gtk_widget_set_tooltip_text (GTK_WIDGET (state->presence_label), tooltip->str);
    }
  gtk_widget_set_visible (GTK_WIDGET (state->presence_label), state->others != NULL);
}

static gpointer
presence_func (PlazaStore    *store G_GNUC_UNUSED,
               gpointer       data,
               GCancellable  *cancellable G_GNUC_UNUSED,
               GError       **error G_GNUC_UNUSED)
{
  char *others = slot_tick (data);

  /* NULL would read as an error: "" is nobody. */
  return others != NULL ? others : g_strdup ("");
}

static void
presence_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(PlazaWindow) window = user_data;
  g_autofree char *others = plaza_worker_run_finish (PLAZA_WORKER (source), result, NULL);
  ShareState *state = plaza_share_get_state (window);

  if (others == NULL || state == NULL || state->worker != PLAZA_WORKER (source))
    return;
  g_free (state->others);
  state->others = *others != '\0' ? g_steal_pointer (&others) : NULL;
  show_location (state);
}

static gboolean
presence_tick_cb (gpointer user_data)
{
  ShareState *state = user_data;
  const char *display = plaza_worker_get_user_display (state->worker);

  /* Whoever signed in is the name others see. */
  if (display != NULL && *display != '\0')
    {
      g_mutex_lock (&state->slot->lock);
      if (g_strcmp0 (state->slot->user, display) != 0)
        {
          g_free (state->slot->user);
          state->slot->user = g_strdup (display);
        }
      g_mutex_unlock (&state->slot->lock);
    }

  plaza_worker_run_async (state->worker, presence_func, slot_ref (state->slot), slot_unref,
                          state->cancellable, presence_done_cb, g_object_ref (state->window));
  return G_SOURCE_CONTINUE;
}

/* A sign-in or sign-out: others see the new name now. */
static void
role_changed_cb (PlazaWorker *worker G_GNUC_UNUSED,
                 GParamSpec  *pspec G_GNUC_UNUSED,
                 ShareState  *state)
{
  presence_tick_cb (state);
}

/* ---- scheduled backups ---- */

typedef struct
{
  char *folder;
  char *schedule;
  int   keep;
} BackupData;

static void
backup_data_free (gpointer pointer)
{
  BackupData *data = pointer;

  g_free (data->folder);
  g_free (data->schedule);
  g_free (data);
}

/* In the worker: the schedule chosen here is the file's; a backup when it
 * is due. Returns the new backup's path, or "" when none was due. */
static gpointer
backup_if_due_func (PlazaStore    *store,
                    gpointer       user_data,
                    GCancellable  *cancellable G_GNUC_UNUSED,
                    GError       **error)
{
  BackupData *data = user_data;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *every = NULL;
  char *path = NULL;

  /* A read-only client could not record the backup: it would make one
   * every hour. The writers keep the schedule. */
  if (plaza_store_is_read_only (store))
    return g_strdup ("");
  every = plaza_store_get_setting (store, "backup.every");
  if (g_strcmp0 (every != NULL ? every : "weekly", data->schedule) != 0 &&
      !plaza_store_set_setting (store, "backup.every", data->schedule, error))
    return NULL;
  if (!plaza_backup_due (store, now, NULL))
    return g_strdup ("");
  if (!plaza_backup_create (store, data->folder, data->keep, &path, error))
    return NULL;
  return path;
}

static void
backup_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(PlazaWindow) window = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = plaza_worker_run_finish (PLAZA_WORKER (source), result, &error);
  ShareState *state = plaza_share_get_state (window);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || state == NULL)
    return;
  if (path == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The scheduled backup failed: %s"), error->message);

      g_warning ("%s", text);
      plaza_share_toast (state, text);
      return;
    }
  if (*path != '\0')
    {
      g_autofree char *folder = g_path_get_dirname (path);
      g_autofree char *display = g_filename_display_name (folder);
      g_autofree char *text = g_strdup_printf (_("Backed up to %s"), display);

      plaza_share_toast (state, text);
    }
}

static gboolean
backup_tick_cb (gpointer user_data)
{
  ShareState *state = user_data;
  BackupData *data = g_new0 (BackupData, 1);

  data->folder = plaza_backups_get_folder (state->window->settings);
  data->schedule = g_settings_get_string (state->window->settings, "backup-schedule");
  data->keep = g_settings_get_int (state->window->settings, "backup-keep");
  plaza_worker_run_async (state->worker, backup_if_due_func, data, backup_data_free,
                          state->cancellable, backup_done_cb, g_object_ref (state->window));
  return G_SOURCE_CONTINUE;
}

static gboolean
backup_first_cb (gpointer user_data)
{
  ShareState *state = user_data;

  state->backup_first = 0;
  backup_tick_cb (state);
  return G_SOURCE_REMOVE;
}

/* ---- the checks on open ---- */

typedef struct
{
  gboolean  uses_lease;
  gboolean  needs_fix;
  gint64    size;
  char     *others;
} StatusResult;

static void
status_result_free (gpointer pointer)
{
  StatusResult *result = pointer;

  g_free (result->others);
  g_free (result);
}

static gpointer
status_func (PlazaStore    *store,
             gpointer       data,
             GCancellable  *cancellable G_GNUC_UNUSED,
             GError       **error G_GNUC_UNUSED)
{
  StatusResult *result = g_new0 (StatusResult, 1);
  GStatBuf st;

  result->uses_lease = plaza_store_uses_lease (store);
  result->needs_fix = plaza_store_needs_journal_fix (store);
  result->size = g_stat (plaza_store_get_path (store), &st) == 0 ? (gint64) st.st_size : -1;
  result->others = slot_tick (data);
  return result;
}

static void
status_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(PlazaWindow) window = user_data;
  StatusResult *status = plaza_worker_run_finish (PLAZA_WORKER (source), result, NULL);
  ShareState *state = plaza_share_get_state (window);

  if (status == NULL)
    return;
  if (state == NULL || state->worker != PLAZA_WORKER (source))
    {
      status_result_free (status);
      return;
    }

  state->uses_lease = status->uses_lease;
  state->needs_fix = status->needs_fix;
  g_free (state->others);
  state->others = g_steal_pointer (&status->others);
  show_location (state);
  gtk_widget_set_visible (state->fix_button, state->needs_fix);
  /* A shared file left in WAL is read-only until fixed, and the fix needs
   * the only connection to it: the check's own connection would make the
   * fix fail. It runs after the fix, when the file opens again. */
  if (status->size >= 0 && status->size < QUICK_CHECK_MAX_BYTES && !state->needs_fix)
    plaza_share_start_check (state);
  status_result_free (status);
}

/* ---- the WAL fix ---- */

static gpointer
fix_journal_func (PlazaStore    *store,
                  gpointer       data G_GNUC_UNUSED,
                  GCancellable  *cancellable G_GNUC_UNUSED,
                  GError       **error)
{
  if (!plaza_store_fix_journal_mode (store, error))
    return NULL;
  return GINT_TO_POINTER (TRUE);
}

static void
fix_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(PlazaWindow) window = user_data;
  g_autoptr(GError) error = NULL;

  if (plaza_worker_run_finish (PLAZA_WORKER (source), result, &error) == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        plaza_window_show_error (window, _("The Journal Mode Was Not Fixed"), error->message);
      return;
    }
  /* Opened again, the file is writable and every page reloads. */
  plaza_window_open (window, plaza_worker_get_path (PLAZA_WORKER (source)), PLAZA_STORE_OPEN_DEFAULT);
}

static void
fix_response_cb (AdwMessageDialog *dialog G_GNUC_UNUSED,
                 const char       *response,
                 PlazaWindow      *window)
{
  ShareState *state = plaza_share_get_state (window);

  if (!g_str_equal (response, "fix") || state == NULL || state->worker == NULL)
    return;
  plaza_worker_run_async (state->worker, fix_journal_func, NULL, NULL, state->cancellable,
                          fix_done_cb, g_object_ref (window));
}

AdwMessageDialog *
plaza_share_ask_fix (PlazaWindow *window)
{
  ShareState *state = plaza_share_get_state (window);
  GtkWidget *dialog;

  g_return_val_if_fail (state != NULL, NULL);

  dialog = adw_message_dialog_new (GTK_WINDOW (state->window), _("Fix the Journal Mode?"),
                                   _("Close Plaza on the other computers first. Plaza then switches this "
                                     "file from WAL mode, which is unsafe on a network drive, to a rollback "
                                     "journal, and opens it again for writing."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "fix", _("_Fix"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "fix", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (fix_response_cb), state->window, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return ADW_MESSAGE_DIALOG (dialog);
}

static void
fix_clicked_cb (ShareState *state)
{
  plaza_share_ask_fix (state->window);
}

static void
backups_clicked_cb (ShareState *state)
{
  gtk_widget_activate_action (GTK_WIDGET (state->window), "win.backups", NULL);
}

static void
stale_lease_cb (PlazaWorker *worker G_GNUC_UNUSED,
                ShareState  *state)
{
  plaza_share_show_stale_lease (state);
}

/* ---- the window hooks ---- */

static void
backups_action (GtkWidget  *widget,
                const char *action_name G_GNUC_UNUSED,
                GVariant   *param G_GNUC_UNUSED)
{
  PlazaWindow *window = PLAZA_WINDOW (widget);

  if (plaza_window_get_worker (window) == NULL || plaza_window_get_path (window) == NULL)
    return;
  gtk_window_present (GTK_WINDOW (plaza_backups_window_new (window)));
}

void
plaza_share_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.backups", NULL, backups_action);
}

void
plaza_share_attach (PlazaWindow *window)
{
  ShareState *state = g_new0 (ShareState, 1);
  GtkWidget *bar = gtk_revealer_get_child (window->read_only_revealer);
  GtkWidget *box;
  GtkWidget *label;
  GtkWidget *button;

  g_return_if_fail (PLAZA_IS_WINDOW (window));

  state->window = window;
  g_object_set_data_full (G_OBJECT (window), STATE_KEY, state, state_free);
  g_signal_connect (window, "destroy", G_CALLBACK (window_destroy_cb), NULL);

  /* The read-only bar's Fix button, for a shared file left in WAL mode. */
  state->fix_button = gtk_button_new_with_mnemonic (_("_Fix…"));
  gtk_widget_set_valign (state->fix_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (state->fix_button, _("Switch the file to a journal that is safe on a network drive"));
  gtk_widget_set_visible (state->fix_button, FALSE);
  g_signal_connect_swapped (state->fix_button, "clicked", G_CALLBACK (fix_clicked_cb), state);
  if (GTK_IS_BOX (bar))
    gtk_box_append (GTK_BOX (bar), state->fix_button);

  /* The banner when the check on opening fails. */
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (box, "plaza-infobar");
  gtk_widget_add_css_class (box, "error");
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  button = gtk_button_new_with_mnemonic (_("_Backups…"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (backups_clicked_cb), state);
  gtk_box_append (GTK_BOX (box), button);
  state->check_label = GTK_LABEL (label);
  state->check_revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_transition_type (state->check_revealer, GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
  gtk_revealer_set_child (state->check_revealer, box);
  gtk_box_insert_child_after (GTK_BOX (window->content_box), GTK_WIDGET (state->check_revealer),
                              GTK_WIDGET (window->read_only_revealer));

  /* "Also open on PC-2 (王芳)" under the mode in the sidebar. */
  state->presence_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (state->presence_label, 0);
  gtk_label_set_ellipsize (state->presence_label, PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_start (GTK_WIDGET (state->presence_label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (state->presence_label), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (state->presence_label), 12);
  gtk_widget_add_css_class (GTK_WIDGET (state->presence_label), "caption");
  gtk_widget_set_visible (GTK_WIDGET (state->presence_label), FALSE);
  gtk_widget_set_margin_bottom (GTK_WIDGET (window->location_label), 2);
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (window->location_label))),
                              GTK_WIDGET (state->presence_label), GTK_WIDGET (window->location_label));
}

static char *
presence_user (void)
{
  const char *real = g_get_real_name ();

  if (real != NULL && *real != '\0' && g_strcmp0 (real, "Unknown") != 0)
    return g_strdup (real);
  return g_strdup (g_get_user_name ());
}

void
plaza_share_use_worker (PlazaWindow *window,
                        PlazaWorker *worker)
{
  ShareState *state = plaza_share_get_state (window);
  g_autofree char *user = NULL;

  g_return_if_fail (state != NULL);

  state_stop (state);
  state->worker = g_object_ref (worker);
  state->cancellable = g_cancellable_new ();
  state->uses_lease = FALSE;
  state->needs_fix = FALSE;
  state->check_failed = FALSE;
  state->lease_dialog_shown = FALSE;
  g_clear_pointer (&state->others, g_free);
  user = presence_user ();
  state->slot = slot_new (plaza_worker_get_path (worker), user);
  g_signal_connect (worker, "stale-lease", G_CALLBACK (stale_lease_cb), state);
  g_signal_connect (worker, "notify::role", G_CALLBACK (role_changed_cb), state);

  show_location (state);
  gtk_widget_set_visible (state->fix_button, FALSE);
  gtk_revealer_set_reveal_child (state->check_revealer, FALSE);

  plaza_worker_run_async (worker, status_func, slot_ref (state->slot), slot_unref, state->cancellable,
                          status_done_cb, g_object_ref (window));

  state->presence_timer = g_timeout_add_seconds (PLAZA_PRESENCE_REFRESH_SECONDS, presence_tick_cb, state);
  state->backup_first = g_timeout_add_seconds (BACKUP_FIRST_CHECK_SECONDS, backup_first_cb, state);
  state->backup_timer = g_timeout_add_seconds (BACKUP_CHECK_SECONDS, backup_tick_cb, state);
}

const char *
plaza_share_get_mode (PlazaWindow *window)
{
  ShareState *state = plaza_share_get_state (window);

  return state != NULL ? state->mode : NULL;
}

const char *
plaza_share_get_others (PlazaWindow *window)
{
  ShareState *state = plaza_share_get_state (window);

  return state != NULL ? state->others : NULL;
}

gboolean
plaza_share_get_fix_shown (PlazaWindow *window)
{
  ShareState *state = plaza_share_get_state (window);

  return state != NULL && gtk_widget_get_visible (state->fix_button);
}

gboolean
plaza_share_get_check_failed (PlazaWindow *window)
{
  ShareState *state = plaza_share_get_state (window);

  return state != NULL && state->check_failed;
}
