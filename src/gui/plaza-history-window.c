/* plaza-history-window.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PlazaHistoryWindow: one record's change_log rows, newest first, or the
 * whole log (Recent Changes, with a filter by person and by kind of
 * record). Each row: the time in local time, who (display name and
 * computer), the record, the action and the summary. A search narrows the
 * rows; Copy (Ctrl+C) puts the chosen row on the clipboard. Rows come from
 * plaza-change-log.h in a worker job; others' changes reload the list.
 * Also the "History" button (Ctrl+H) record windows put in their header.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-change-log.h"
#include "plaza-history-window.h"
#include "plaza-record-column.h"
#include "plaza-record.h"

/* Recent Changes shows at most this many of the newest rows. */
#define RECENT_MAX 5000

enum
{
  COL_TIME,
  COL_WHO,
  COL_RECORD,
  COL_ACTION,
  COL_SUMMARY,
  COL_USER,
  COL_ENTITY,
  COL_SEQ,
  N_COLS
};

struct _PlazaHistoryWindow
{
  AdwWindow           parent_instance;

  PlazaWorker        *worker;
  GCancellable       *cancellable;
  char               *entity;      /* NULL: Recent Changes */
  gint64              entity_id;
  char               *needle;      /* casefolded search, or NULL */
  char               *only_user;
  char               *only_entity;
  GPtrArray          *users;       /* logins behind the person drop-down (index 0: all) */
  GPtrArray          *entities;    /* entities behind the record drop-down */
  gboolean            loading;
  gboolean            filling;     /* setting the drop-downs' models */

  AdwToastOverlay    *toasts;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *user_drop;
  GtkDropDown        *entity_drop;
  GtkStack           *stack;
  GtkColumnView      *column_view;
  GtkLabel           *count_label;
  GListStore         *store;
  GtkFilterListModel *filter_model;
  GtkSortListModel   *sort_model;
  GtkSingleSelection *selection;
  GtkCustomFilter    *filter;
};

G_DEFINE_FINAL_TYPE (PlazaHistoryWindow, plaza_history_window, ADW_TYPE_WINDOW)

static const char *
action_label (const char *action)
{
  if (g_strcmp0 (action, "create") == 0)
    return _("Created");
  if (g_strcmp0 (action, "edit") == 0 || g_strcmp0 (action, "update") == 0)
    return _("Edited");
  if (g_strcmp0 (action, "delete") == 0 || g_strcmp0 (action, "remove") == 0)
    return _("Removed");
  return action;
}

static char *
local_time (const char *at)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (at, NULL);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (at);
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static PlazaRecord *
record_from_change (const PlazaChange *c)
{
  PlazaRecord *r = plaza_record_new (c->seq, N_COLS);
  g_autofree char *time = local_time (c->at);
  g_autofree char *who = NULL;
  g_autofree char *what = NULL;
  g_autofree char *summary = NULL;

  if (c->host != NULL && c->host[0] != '\0')
    who = g_strdup_printf ("%s (%s@%s)", c->user_display, c->user, c->host);
  else if (g_strcmp0 (c->user_display, c->user) != 0)
    who = g_strdup_printf ("%s (%s)", c->user_display, c->user);
  else
    who = g_strdup (c->user);
  if (c->entity_id != 0)
    what = g_strdup_printf ("%s #%lld", plaza_change_entity_label (c->entity), (long long) c->entity_id);
  else
    what = g_strdup (plaza_change_entity_label (c->entity));

  plaza_record_set_text (r, COL_TIME, time);
  plaza_record_set_text (r, COL_WHO, who);
  plaza_record_set_text (r, COL_RECORD, what);
  plaza_record_set_text (r, COL_ACTION, action_label (c->action));
  summary = plaza_change_summary_for_display (c->summary);
  plaza_record_set_text (r, COL_SUMMARY, summary);
  plaza_record_set_text (r, COL_USER, c->user);
  plaza_record_set_text (r, COL_ENTITY, c->entity);
  plaza_record_set_int (r, COL_SEQ, c->seq);
  return r;
}

/* ---- loading ---- */

typedef struct
{
  char   *entity;
  gint64  entity_id;
} LoadJob;

static void
load_job_free (gpointer pointer)
{
  LoadJob *job = pointer;

  g_free (job->entity);
  g_free (job);
}

/* In the worker thread: PlazaChange rows, newest first. */
static gpointer
load_func (PlazaStore    *store,
           gpointer       data,
           GCancellable  *cancellable G_GNUC_UNUSED,
           GError       **error)
{
  LoadJob *job = data;
  GPtrArray *rows;
  gint64 last;

  if (job->entity != NULL)
    return plaza_change_log_for_record (store, job->entity, job->entity_id, error);
  last = plaza_change_log_last_seq (store, error);
  if (last < 0)
    return NULL;
  rows = plaza_change_log_since (store, MAX (0, last - RECENT_MAX), 0, error);
  if (rows != NULL)
    {
      for (guint i = 0; i < rows->len / 2; i++)
        {
          gpointer tmp = rows->pdata[i];

          rows->pdata[i] = rows->pdata[rows->len - 1 - i];
          rows->pdata[rows->len - 1 - i] = tmp;
        }
    }
  return rows;
}

static void
update_count (PlazaHistoryWindow *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
  guint all = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  g_autofree char *text = NULL;

  if (self->loading)
    text = g_strdup (_("Loading…"));
  else if (shown == all)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change", "%u changes", all), all);
  else
    text = g_strdup_printf (_("%u of %u changes"), shown, all);
  gtk_label_set_label (self->count_label, text);
  gtk_stack_set_visible_child_name (self->stack, shown > 0 || self->loading ? "list" : "empty");
}

/* Adds a drop-down choice per person and per kind of record. */
static void
fill_filters (PlazaHistoryWindow *self,
              GPtrArray          *rows)
{
  g_autoptr(GHashTable) seen_users = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) seen_labels = g_hash_table_new (g_str_hash, g_str_equal);
  GtkStringList *user_names = gtk_string_list_new (NULL);
  GtkStringList *entity_names = gtk_string_list_new (NULL);

  g_ptr_array_set_size (self->users, 0);
  g_ptr_array_set_size (self->entities, 0);
  gtk_string_list_append (user_names, _("Everyone"));
  g_ptr_array_add (self->users, NULL);
  gtk_string_list_append (entity_names, _("All Records"));
  g_ptr_array_add (self->entities, NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      PlazaChange *c = g_ptr_array_index (rows, i);
      const char *label = plaza_change_entity_label (c->entity);

      if (!g_hash_table_contains (seen_users, c->user))
        {
          g_hash_table_add (seen_users, c->user);
          gtk_string_list_append (user_names, c->user_display);
          g_ptr_array_add (self->users, g_strdup (c->user));
        }
      /* "unit" and "units" read the same: one choice. */
      if (!g_hash_table_contains (seen_labels, (gpointer) label))
        {
          g_hash_table_add (seen_labels, (gpointer) label);
          gtk_string_list_append (entity_names, label);
          g_ptr_array_add (self->entities, g_strdup (c->entity));
        }
    }
  self->filling = TRUE;
  gtk_drop_down_set_model (self->user_drop, G_LIST_MODEL (user_names));
  gtk_drop_down_set_model (self->entity_drop, G_LIST_MODEL (entity_names));
  gtk_drop_down_set_selected (self->user_drop, 0);
  gtk_drop_down_set_selected (self->entity_drop, 0);
  for (guint i = 1; i < self->users->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->users, i), self->only_user) == 0)
      gtk_drop_down_set_selected (self->user_drop, i);
  for (guint i = 1; i < self->entities->len; i++)
    if (g_strcmp0 (plaza_change_entity_label (g_ptr_array_index (self->entities, i)),
                   plaza_change_entity_label (self->only_entity)) == 0 && self->only_entity != NULL)
      gtk_drop_down_set_selected (self->entity_drop, i);
  self->filling = FALSE;
  g_object_unref (user_names);
  g_object_unref (entity_names);
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PlazaHistoryWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = plaza_worker_run_finish (PLAZA_WORKER (source), result, &error);
  g_autoptr(GPtrArray) records = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading = FALSE;
  if (rows == NULL)
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error != NULL ? error->message : _("Could not read the history")));
      update_count (self);
      return;
    }
  records = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (records, record_from_change (g_ptr_array_index (rows, i)));
  if (self->entity == NULL)
    fill_filters (self, rows);
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       records->pdata, records->len);
  update_count (self);
}

void
plaza_history_window_reload (PlazaHistoryWindow *self)
{
  LoadJob *job;

  g_return_if_fail (PLAZA_IS_HISTORY_WINDOW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;
  update_count (self);
  job = g_new0 (LoadJob, 1);
  job->entity = g_strdup (self->entity);
  job->entity_id = self->entity_id;
  plaza_worker_run_async (self->worker, load_func, job, load_job_free, self->cancellable,
                          load_done_cb, g_object_ref (self));
}

/* Others' changes: reload when one is about this record (or any, for
 * Recent Changes). */
static void
worker_changes_cb (PlazaHistoryWindow *self,
                   GPtrArray          *changes)
{
  for (guint i = 0; i < changes->len; i++)
    {
      PlazaChange *c = g_ptr_array_index (changes, i);

      if (self->entity == NULL ||
          (c->entity_id == self->entity_id &&
           g_strcmp0 (plaza_change_entity_label (c->entity), plaza_change_entity_label (self->entity)) == 0))
        {
          plaza_history_window_reload (self);
          return;
        }
    }
}

/* ---- filtering, copying ---- */

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  PlazaHistoryWindow *self = user_data;
  PlazaRecord *r = PLAZA_RECORD (item);

  if (self->only_user != NULL && g_strcmp0 (plaza_record_get_text (r, COL_USER), self->only_user) != 0)
    return FALSE;
  if (self->only_entity != NULL &&
      g_strcmp0 (plaza_change_entity_label (plaza_record_get_text (r, COL_ENTITY)),
                 plaza_change_entity_label (self->only_entity)) != 0)
    return FALSE;
  return self->needle == NULL || plaza_record_matches (r, self->needle);
}

static void
refilter (PlazaHistoryWindow *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

static void
search_changed_cb (PlazaHistoryWindow *self,
                   GtkSearchEntry     *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  g_clear_pointer (&self->needle, g_free);
  if (text != NULL && *text != '\0')
    self->needle = g_utf8_casefold (text, -1);
  refilter (self);
}

static void
drop_changed_cb (PlazaHistoryWindow *self)
{
  guint u, e;

  if (self->filling)
    return;
  u = gtk_drop_down_get_selected (self->user_drop);
  e = gtk_drop_down_get_selected (self->entity_drop);
  g_free (self->only_user);
  self->only_user = g_strdup (u < self->users->len ? g_ptr_array_index (self->users, u) : NULL);
  g_free (self->only_entity);
  self->only_entity = g_strdup (e < self->entities->len ? g_ptr_array_index (self->entities, e) : NULL);
  refilter (self);
}

static char *
row_text (PlazaRecord *r)
{
  return g_strjoin ("\t", plaza_record_get_text (r, COL_TIME), plaza_record_get_text (r, COL_WHO),
                    plaza_record_get_text (r, COL_RECORD), plaza_record_get_text (r, COL_ACTION),
                    plaza_record_get_text (r, COL_SUMMARY), NULL);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name G_GNUC_UNUSED,
             GVariant   *param G_GNUC_UNUSED)
{
  PlazaHistoryWindow *self = PLAZA_HISTORY_WINDOW (widget);
  guint position = gtk_single_selection_get_selected (self->selection);

  if (position == GTK_INVALID_LIST_POSITION)
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Choose a row to copy")));
      return;
    }
  plaza_history_window_copy_row (self, position);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name G_GNUC_UNUSED,
               GVariant   *param G_GNUC_UNUSED)
{
  gtk_widget_grab_focus (GTK_WIDGET (PLAZA_HISTORY_WINDOW (widget)->search_entry));
}

/* ---- building ---- */

static void
plaza_history_window_dispose (GObject *object)
{
  PlazaHistoryWindow *self = PLAZA_HISTORY_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->worker != NULL)
    g_signal_handlers_disconnect_by_data (self->worker, self);
  g_clear_object (&self->worker);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (plaza_history_window_parent_class)->dispose (object);
}

static void
plaza_history_window_finalize (GObject *object)
{
  PlazaHistoryWindow *self = PLAZA_HISTORY_WINDOW (object);

  g_free (self->entity);
  g_free (self->needle);
  g_free (self->only_user);
  g_free (self->only_entity);
  g_ptr_array_unref (self->users);
  g_ptr_array_unref (self->entities);
  G_OBJECT_CLASS (plaza_history_window_parent_class)->finalize (object);
}

static void
plaza_history_window_class_init (PlazaHistoryWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plaza_history_window_dispose;
  object_class->finalize = plaza_history_window_finalize;

  gtk_widget_class_install_action (widget_class, "history.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "history.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "history.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "history.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
plaza_history_window_init (PlazaHistoryWindow *self)
{
  self->users = g_ptr_array_new_with_free_func (g_free);
  self->entities = g_ptr_array_new_with_free_func (g_free);
  self->cancellable = g_cancellable_new ();
}

static void
add_column (PlazaHistoryWindow *self,
            const char         *title,
            guint               column,
            int                 int_column,
            gboolean            expand)
{
  g_autoptr(GtkColumnViewColumn) c = plaza_record_column_new (title, column, int_column, expand);

  gtk_column_view_append_column (self->column_view, c);
}

static void
build_ui (PlazaHistoryWindow *self)
{
  GtkWidget *toolbar_view = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *empty = adw_status_page_new ();
  GtkSorter *sorter;

  gtk_widget_set_tooltip_text (copy, _("Copy the chosen row (Ctrl+C)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (copy), "history.copy");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), copy);
  gtk_box_append (GTK_BOX (toolbar_view), header);

  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 6);
  gtk_widget_set_margin_bottom (bar, 6);
  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->search_entry), TRUE);
  g_object_set (self->search_entry, "placeholder-text", _("Search who, what or summary"), NULL);
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->search_entry));
  self->user_drop = GTK_DROP_DOWN (gtk_drop_down_new_from_strings ((const char *[]) { _("Everyone"), NULL }));
  self->entity_drop = GTK_DROP_DOWN (gtk_drop_down_new_from_strings ((const char *[]) { _("All Records"), NULL }));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->user_drop), _("Only changes by this person"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->entity_drop), _("Only changes to this kind of record"));
  g_signal_connect_object (self->user_drop, "notify::selected", G_CALLBACK (drop_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->entity_drop, "notify::selected", G_CALLBACK (drop_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->user_drop));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->entity_drop));
  gtk_widget_set_visible (GTK_WIDGET (self->user_drop), self->entity == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->entity_drop), self->entity == NULL);
  self->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "dim-label");
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->count_label));
  gtk_box_append (GTK_BOX (toolbar_view), bar);

  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_column_view_set_show_column_separators (self->column_view, FALSE);
  gtk_column_view_set_reorderable (self->column_view, FALSE);
  add_column (self, _("Time"), COL_TIME, COL_SEQ, FALSE);
  add_column (self, _("Changed By"), COL_WHO, -1, FALSE);
  if (self->entity == NULL)
    add_column (self, _("Record"), COL_RECORD, -1, FALSE);
  add_column (self, _("Action"), COL_ACTION, -1, FALSE);
  add_column (self, _("Summary"), COL_SUMMARY, -1, TRUE);

  self->store = g_list_store_new (PLAZA_TYPE_RECORD);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->store)), GTK_FILTER (self->filter));
  sorter = gtk_column_view_get_sorter (self->column_view);
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)),
                                              sorter != NULL ? g_object_ref (sorter) : NULL);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sort_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_object_unref (self->selection);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->column_view));
  gtk_widget_set_vexpand (scrolled, TRUE);
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "document-open-recent-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Changes"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty), _("Nothing recorded matches."));
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, scrolled, "list");
  gtk_stack_add_named (self->stack, empty, "empty");
  gtk_box_append (GTK_BOX (toolbar_view), GTK_WIDGET (self->stack));

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, toolbar_view);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toasts));
}

PlazaHistoryWindow *
plaza_history_window_new (GtkWindow   *parent,
                          PlazaWorker *worker,
                          const char  *entity,
                          gint64       entity_id,
                          const char  *record_title)
{
  PlazaHistoryWindow *self;
  g_autofree char *title = NULL;

  g_return_val_if_fail (PLAZA_IS_WORKER (worker), NULL);

  self = g_object_new (PLAZA_TYPE_HISTORY_WINDOW, NULL);
  self->worker = g_object_ref (worker);
  self->entity = g_strdup (entity);
  self->entity_id = entity_id;
  if (entity == NULL)
    title = g_strdup (_("Recent Changes"));
  else if (record_title != NULL && *record_title != '\0')
    /* TRANSLATORS: "History — 星巴克 — T0012" (the record window's title) */
    title = g_strdup_printf (_("History — %s"), record_title);
  else
    title = g_strdup_printf (_("History — %s #%lld"), plaza_change_entity_label (entity), (long long) entity_id);
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_window_set_default_size (GTK_WINDOW (self), entity == NULL ? 980 : 820, 520);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  build_ui (self);
  g_signal_connect_object (worker, "changes", G_CALLBACK (worker_changes_cb), self, G_CONNECT_SWAPPED);
  plaza_history_window_reload (self);
  return self;
}

void
plaza_history_window_show (GtkWindow   *parent,
                           PlazaWorker *worker,
                           const char  *entity,
                           gint64       entity_id,
                           const char  *record_title)
{
  PlazaHistoryWindow *self = plaza_history_window_new (parent, worker, entity, entity_id, record_title);

  gtk_window_present (GTK_WINDOW (self));
}

gboolean
plaza_history_window_get_loading (PlazaHistoryWindow *self)
{
  g_return_val_if_fail (PLAZA_IS_HISTORY_WINDOW (self), FALSE);
  return self->loading;
}

void
plaza_history_window_set_search (PlazaHistoryWindow *self,
                                 const char         *text)
{
  g_return_if_fail (PLAZA_IS_HISTORY_WINDOW (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  search_changed_cb (self, self->search_entry);
}

void
plaza_history_window_set_filter (PlazaHistoryWindow *self,
                                 const char         *user,
                                 const char         *entity)
{
  g_return_if_fail (PLAZA_IS_HISTORY_WINDOW (self));
  g_free (self->only_user);
  self->only_user = g_strdup (user);
  g_free (self->only_entity);
  self->only_entity = g_strdup (entity);
  refilter (self);
}

guint
plaza_history_window_get_n_visible (PlazaHistoryWindow *self)
{
  g_return_val_if_fail (PLAZA_IS_HISTORY_WINDOW (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
}

char *
plaza_history_window_get_row_text (PlazaHistoryWindow *self,
                                   guint               position)
{
  g_autoptr(PlazaRecord) r = NULL;

  g_return_val_if_fail (PLAZA_IS_HISTORY_WINDOW (self), NULL);
  r = g_list_model_get_item (G_LIST_MODEL (self->sort_model), position);
  return r != NULL ? row_text (r) : NULL;
}

/* ---- the History button ---- */

typedef struct
{
  GtkWindow *window;   /* not a reference: the button lives in it */
  char      *entity;
  gsize      worker_offset;
  gsize      id_offset;
} ButtonData;

static void
button_data_free (gpointer pointer)
{
  ButtonData *data = pointer;

  g_free (data->entity);
  g_free (data);
}

static void
open_history (ButtonData *data)
{
  PlazaWorker *worker = G_STRUCT_MEMBER (PlazaWorker *, data->window, data->worker_offset);
  gint64 id = G_STRUCT_MEMBER (gint64, data->window, data->id_offset);

  if (id <= 0 || !PLAZA_IS_WORKER (worker))
    return;
  plaza_history_window_show (data->window, worker, data->entity, id, gtk_window_get_title (data->window));
}

static void
history_clicked_cb (GtkButton *button,
                    gpointer   user_data G_GNUC_UNUSED)
{
  open_history (g_object_get_data (G_OBJECT (button), "plaza-history"));
}

static gboolean
history_shortcut_cb (GtkWidget *widget G_GNUC_UNUSED,
                     GVariant  *args G_GNUC_UNUSED,
                     gpointer   user_data)
{
  open_history (g_object_get_data (G_OBJECT (user_data), "plaza-history"));
  return TRUE;
}

GtkWidget *
plaza_history_button_new (GtkWindow  *window,
                          const char *entity,
                          gsize       worker_offset,
                          gsize       id_offset)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("document-open-recent-symbolic");
  ButtonData *data = g_new0 (ButtonData, 1);
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutAction *action;

  g_return_val_if_fail (GTK_IS_WINDOW (window), button);

  data->window = window;
  data->entity = g_strdup (entity);
  data->worker_offset = worker_offset;
  data->id_offset = id_offset;
  g_object_set_data_full (G_OBJECT (button), "plaza-history", data, button_data_free);
  gtk_widget_set_tooltip_text (button, _("History (Ctrl+H)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("History"), -1);
  g_signal_connect (button, "clicked", G_CALLBACK (history_clicked_cb), NULL);

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_LOCAL);
  action = gtk_callback_action_new (history_shortcut_cb, button, NULL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_h, GDK_CONTROL_MASK), action));
  gtk_widget_add_controller (GTK_WIDGET (window), controller);
  return button;
}

void
plaza_history_window_copy_row (PlazaHistoryWindow *self,
                               guint               position)
{
  g_autofree char *text = NULL;

  g_return_if_fail (PLAZA_IS_HISTORY_WINDOW (self));

  text = plaza_history_window_get_row_text (self, position);
  if (text == NULL)
    return;
  gtk_single_selection_set_selected (self->selection, position);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Copied")));
}
