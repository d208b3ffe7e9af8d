/* plaza-unit-window.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A unit in its own window (plaza-unit-window.h): the form (code, floor,
 * areas, planned category, status, notes) saved through
 * plaza_unit_create() / plaza_unit_update(), the Split… and Merge…
 * buttons (plaza-unit-window-split.c) and the unit's history of events,
 * tenants and contracts. Every store access is a worker job.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-change-log.h"
#include "plaza-role-guard.h"
#include "plaza-conflict-dialog.h"
#include "plaza-history-window.h"
#include "plaza-live-banner.h"
#include "plaza-money.h"
#include "plaza-unit-window-private.h"

static const char * const statuses[] = { "vacant", "leased", "reserved", "fitout", "closed", "retired" };

G_DEFINE_FINAL_TYPE (PlazaUnitWindow, plaza_unit_window, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void update_sensitivity (PlazaUnitWindow *self);

void
plaza_unit_window_busy_push (PlazaUnitWindow *self)
{
  if (self->busy++ == 0)
    {
      update_sensitivity (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }
}

void
plaza_unit_window_busy_pop (PlazaUnitWindow *self)
{
  g_return_if_fail (self->busy > 0);
  if (--self->busy == 0)
    {
      update_sensitivity (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }
}

void
plaza_unit_window_toast (PlazaUnitWindow *self,
                         const char      *text)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (text));
}

void
plaza_unit_window_done (PlazaUnitWindow *self,
                        const char      *toast)
{
  g_debug ("%s", toast);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
is_retired (PlazaUnitWindow *self)
{
  return self->unit != NULL && g_strcmp0 (self->unit->status, "retired") == 0;
}

static void
update_sensitivity (PlazaUnitWindow *self)
{
  gboolean loaded = self->floors != NULL;
  gboolean editable = loaded && self->busy == 0 && !is_retired (self);

  gtk_widget_set_sensitive (self->save_button, editable);
  gtk_widget_set_sensitive (self->split_button, editable && self->unit != NULL);
  gtk_widget_set_sensitive (self->merge_button, editable && self->unit != NULL
                            && self->neighbours != NULL && self->neighbours->len > 0);
}

/* ---- loading ---- */

typedef struct
{
  PlazaUnit *unit;
  GPtrArray *floors;
  GPtrArray *categories;
  GPtrArray *history;
  GPtrArray *neighbours;
  gint64     seq;
} LoadResult;

static void
load_result_free (LoadResult *r)
{
  g_clear_pointer (&r->unit, plaza_unit_free);
  g_clear_pointer (&r->floors, g_ptr_array_unref);
  g_clear_pointer (&r->categories, g_ptr_array_unref);
  g_clear_pointer (&r->history, g_ptr_array_unref);
  g_clear_pointer (&r->neighbours, g_ptr_array_unref);
  g_free (r);
}

static gpointer
load_job (PlazaStore   *store,
          gpointer      data,
          GCancellable *cancellable G_GNUC_UNUSED,
          GError      **error)
{
  gint64 id = *(gint64 *) data;
  LoadResult *r = g_new0 (LoadResult, 1);

  r->seq = MAX (plaza_change_log_last_seq (store, NULL), 0);
  r->floors = plaza_floors_list (store, error);
  if (r->floors != NULL)
    r->categories = plaza_unit_categories (store, error);
  if (r->categories != NULL && id > 0)
    {
      r->unit = plaza_unit_get (store, id, error);
      if (r->unit != NULL)
        r->history = plaza_unit_history (store, id, error);
      if (r->history != NULL)
        {
          g_autoptr(GPtrArray) floor = plaza_units_list (store, r->unit->floor_id, FALSE, error);

          if (floor != NULL)
            {
              r->neighbours = g_ptr_array_new_with_free_func ((GDestroyNotify) plaza_unit_free);
              for (guint i = 0; i < floor->len; i++)
                if (((PlazaUnit *) g_ptr_array_index (floor, i))->id == id)
                  {
                    PlazaUnit *next = i + 1 < floor->len ? g_ptr_array_steal_index (floor, i + 1) : NULL;
                    PlazaUnit *prev = i > 0 ? g_ptr_array_steal_index (floor, i - 1) : NULL;

                    if (prev != NULL)
                      g_ptr_array_add (r->neighbours, prev);
                    if (next != NULL)
                      g_ptr_array_add (r->neighbours, next);
                    break;
                  }
            }
        }
    }
  if ((id > 0 && r->neighbours == NULL) || r->categories == NULL)
    {
      load_result_free (r);
      return NULL;
    }
  return r;
}

static char *
event_text (const PlazaUnitEvent *e)
{
  switch (e->kind)
    {
    case PLAZA_UNIT_EVENT_CONTRACT:
      return g_strdup_printf (_("Contract %s with %s until %s (%s)"), e->contract_code, e->tenant_name,
                              e->end_date, e->contract_state);
    case PLAZA_UNIT_EVENT_SPLIT:
      return g_strdup_printf (_("Split: %s"), e->related_code);
    case PLAZA_UNIT_EVENT_MERGE:
      return g_strdup_printf (_("Merge: %s"), e->related_code);
    case PLAZA_UNIT_EVENT_RESIZE:
      return g_strdup_printf (_("Areas changed: %s m²"), e->note);
    case PLAZA_UNIT_EVENT_STATUS:
    default:
      return g_strdup_printf (_("Status: %s"), e->note);
    }
}

static void
fill_history (PlazaUnitWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->history_list))) != NULL)
    gtk_list_box_remove (self->history_list, child);
  gtk_widget_set_visible (self->history_group, self->history != NULL);
  if (self->history == NULL)
    return;
  for (guint i = 0; i < self->history->len; i++)
    {
      PlazaUnitEvent *e = g_ptr_array_index (self->history, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *text = event_text (e);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), e->date);
      gtk_list_box_append (self->history_list, row);
    }
  if (self->history->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No history yet"));
      gtk_list_box_append (self->history_list, row);
    }
}

static void
set_area (AdwEntryRow *row,
          gint64       area)
{
  g_autofree char *text = g_strdup_printf ("%lld.%02lld", (long long) (area / 100), (long long) (area % 100));

  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
fill_form (PlazaUnitWindow *self)
{
  GtkStringList *floors = gtk_string_list_new (NULL);
  GtkStringList *categories = gtk_string_list_new (NULL);
  GtkStringList *states = gtk_string_list_new (NULL);
  guint floor_pos = 0;
  guint category_pos = 0;
  guint status_pos = 0;

  for (guint i = 0; i < self->floors->len; i++)
    {
      PlazaFloor *f = g_ptr_array_index (self->floors, i);

      gtk_string_list_append (floors, f->label);
      if (self->unit != NULL && f->id == self->unit->floor_id)
        floor_pos = i;
    }
  gtk_string_list_append (categories, _("None"));
  for (guint i = 0; i < self->categories->len; i++)
    {
      PlazaUnitCategory *c = g_ptr_array_index (self->categories, i);

      gtk_string_list_append (categories, c->name);
      if (self->unit != NULL && c->id == self->unit->planned_category_id)
        category_pos = i + 1;
    }
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      gtk_string_list_append (states, plaza_unit_status_label (statuses[i]));
      if (self->unit != NULL && g_strcmp0 (self->unit->status, statuses[i]) == 0)
        status_pos = i;
    }
  adw_combo_row_set_model (self->floor_row, G_LIST_MODEL (floors));
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (categories));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (states));
  g_object_unref (floors);
  g_object_unref (categories);
  g_object_unref (states);
  adw_combo_row_set_selected (self->floor_row, floor_pos);
  adw_combo_row_set_selected (self->category_row, category_pos);
  adw_combo_row_set_selected (self->status_row, status_pos);
  if (self->unit != NULL)
    {
      g_autofree char *subtitle = g_strdup_printf (_("Floor %s · %s"), self->unit->floor_label,
                                                   plaza_unit_status_label (self->unit->status));

      gtk_editable_set_text (GTK_EDITABLE (self->code_row), self->unit->code);
      set_area (self->gross_row, self->unit->gross_area);
      set_area (self->rentable_row, self->unit->rentable_area);
      gtk_editable_set_text (GTK_EDITABLE (self->notes_row), self->unit->notes);
      adw_window_title_set_title (self->title, self->unit->code);
      adw_window_title_set_subtitle (self->title, subtitle);
    }
  else
    adw_window_title_set_title (self->title, _("New Unit"));
  fill_history (self);
  update_sensitivity (self);
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PlazaUnitWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  LoadResult *r = plaza_worker_run_finish (PLAZA_WORKER (source), result, &error);

  plaza_unit_window_busy_pop (self);
  if (r == NULL)
    {
      g_autofree char *text = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      text = g_strdup_printf (_("The unit could not be loaded: %s"), error->message);
      plaza_unit_window_toast (self, text);
      return;
    }
  g_clear_pointer (&self->unit, plaza_unit_free);
  g_clear_pointer (&self->floors, g_ptr_array_unref);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->history, g_ptr_array_unref);
  g_clear_pointer (&self->neighbours, g_ptr_array_unref);
  self->unit = g_steal_pointer (&r->unit);
  self->floors = g_steal_pointer (&r->floors);
  self->categories = g_steal_pointer (&r->categories);
  self->history = g_steal_pointer (&r->history);
  self->neighbours = g_steal_pointer (&r->neighbours);
  self->seq = r->seq;
  load_result_free (r);
  fill_form (self);
}

static void
load (PlazaUnitWindow *self)
{
  gint64 *id = g_new (gint64, 1);

  *id = self->unit_id;
  plaza_unit_window_busy_push (self);
  plaza_worker_run_async (self->worker, load_job, id, g_free, self->cancellable, load_done_cb,
                          g_object_ref (self));
}

/* ---- saving ---- */

typedef struct
{
  PlazaUnit *unit;
  char      *today;
  gboolean   over;     /* save over someone else's save: at the current rev */
} SaveJob;

static void
save_job_free (gpointer data)
{
  SaveJob *job = data;

  plaza_unit_free (job->unit);
  g_free (job->today);
  g_free (job);
}

static gpointer
save_job (PlazaStore   *store,
          gpointer      data,
          GCancellable *cancellable G_GNUC_UNUSED,
          GError      **error)
{
  SaveJob *job = data;

  if (job->unit->id == 0)
    return plaza_unit_create (store, job->unit, error) > 0 ? GINT_TO_POINTER (1) : NULL;
  if (job->over)
    {
      g_autoptr(PlazaUnit) current = plaza_unit_get (store, job->unit->id, error);

      if (current == NULL)
        return NULL;
      job->unit->rev = current->rev;
    }
  return plaza_unit_update (store, job->unit, job->today, error) ? GINT_TO_POINTER (1) : NULL;
}

static void save_cb (PlazaUnitWindow *self);
static void conflict_answer_cb (GObject               *owner,
                                PlazaConflictResponse  response);

static void
save_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PlazaUnitWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gpointer ok = plaza_worker_run_finish (PLAZA_WORKER (source), result, &error);

  plaza_unit_window_busy_pop (self);
  if (ok == NULL)
    {
      g_autofree char *text = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if (g_error_matches (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_CONFLICT) && self->unit != NULL)
        {
          plaza_conflict_dialog_show (GTK_WIDGET (self), self->worker, "units", self->unit->id, self->seq, error,
                                      conflict_answer_cb, G_OBJECT (self));
          return;
        }
      if (g_error_matches (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_BUSY))
        {
          adw_toast_overlay_add_toast (self->toasts, plaza_conflict_busy_toast_new (G_CALLBACK (save_cb), self));
          return;
        }
      text = g_strdup_printf (_("Not saved: %s"), error->message);
      plaza_unit_window_toast (self, text);
      return;
    }
  plaza_unit_window_done (self, _("Unit saved"));
}

static gboolean
read_area (PlazaUnitWindow *self,
           AdwEntryRow     *row,
           gint64          *out)
{
  if (plaza_area_parse (gtk_editable_get_text (GTK_EDITABLE (row)), out))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      return TRUE;
    }
  gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  plaza_unit_window_toast (self, _("An area is m² with at most two decimals"));
  return FALSE;
}

static void
save_with (PlazaUnitWindow *self,
           gboolean         over)
{
  g_autoptr(PlazaUnit) unit = g_new0 (PlazaUnit, 1);
  g_autoptr(GError) error = NULL;
  guint floor_pos = adw_combo_row_get_selected (self->floor_row);
  guint category_pos = adw_combo_row_get_selected (self->category_row);
  guint status_pos = adw_combo_row_get_selected (self->status_row);
  SaveJob *job;

  if (self->floors == NULL || self->busy > 0)
    return;
  if (!read_area (self, self->gross_row, &unit->gross_area)
      || !read_area (self, self->rentable_row, &unit->rentable_area))
    return;
  unit->id = self->unit != NULL ? self->unit->id : 0;
  unit->rev = self->unit != NULL ? self->unit->rev : 0;
  unit->code = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->code_row))));
  unit->floor_id = floor_pos < self->floors->len ? ((PlazaFloor *) g_ptr_array_index (self->floors, floor_pos))->id : 0;
  unit->planned_category_id = category_pos >= 1 && category_pos <= self->categories->len
    ? ((PlazaUnitCategory *) g_ptr_array_index (self->categories, category_pos - 1))->id : 0;
  unit->status = g_strdup (status_pos < G_N_ELEMENTS (statuses) ? statuses[status_pos] : "vacant");
  unit->vacant_since = self->unit != NULL ? g_strdup (self->unit->vacant_since) : NULL;
  unit->notes = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->notes_row)));
  if (!plaza_unit_validate (unit, &error))
    {
      plaza_unit_window_toast (self, error->message);
      return;
    }
  job = g_new0 (SaveJob, 1);
  job->unit = g_steal_pointer (&unit);
  job->over = over;
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();

    job->today = g_date_time_format (now, "%Y-%m-%d");
  }
  plaza_unit_window_busy_push (self);
  plaza_worker_run_async (self->worker, save_job, job, save_job_free, self->cancellable, save_done_cb,
                          g_object_ref (self));
}

static void
save_cb (PlazaUnitWindow *self)
{
  save_with (self, FALSE);
}

/* The answer to the shared conflict dialog. */
static void
conflict_answer_cb (GObject               *owner,
                    PlazaConflictResponse  response)
{
  PlazaUnitWindow *self = PLAZA_UNIT_WINDOW (owner);

  if (response == PLAZA_CONFLICT_RELOAD)
    load (self);
  else if (response == PLAZA_CONFLICT_SAVE_OVER)
    save_with (self, TRUE);
}

/* ---- GObject ---- */

static void
plaza_unit_window_dispose (GObject *object)
{
  PlazaUnitWindow *self = PLAZA_UNIT_WINDOW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->worker);
  g_clear_pointer (&self->unit, plaza_unit_free);
  g_clear_pointer (&self->floors, g_ptr_array_unref);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->history, g_ptr_array_unref);
  g_clear_pointer (&self->neighbours, g_ptr_array_unref);
  g_clear_pointer (&self->new_ids, g_array_unref);

  G_OBJECT_CLASS (plaza_unit_window_parent_class)->dispose (object);
}

static void
plaza_unit_window_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PlazaUnitWindow *self = PLAZA_UNIT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy > 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plaza_unit_window_class_init (PlazaUnitWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plaza_unit_window_dispose;
  object_class->get_property = plaza_unit_window_get_property;

  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                          NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static GtkWidget *
entry_row (const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  return row;
}

static void
plaza_unit_window_init (PlazaUnitWindow *self)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *form = adw_preferences_group_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->cancellable = g_cancellable_new ();
  self->new_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 680);

  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("Unit"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  self->save_button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  g_signal_connect_object (self->save_button, "clicked", G_CALLBACK (save_cb), self, G_CONNECT_SWAPPED);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->save_button);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header),
                           plaza_history_button_new (GTK_WINDOW (self), "units", G_STRUCT_OFFSET (PlazaUnitWindow, worker),
                                                     G_STRUCT_OFFSET (PlazaUnitWindow, unit_id)));
  gtk_box_append (GTK_BOX (toolbar), header);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (form), _("Unit"));
  self->code_row = ADW_ENTRY_ROW (entry_row (_("Code")));
  self->floor_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->floor_row), _("Floor"));
  self->gross_row = ADW_ENTRY_ROW (entry_row (_("Gross area (m²)")));
  self->rentable_row = ADW_ENTRY_ROW (entry_row (_("Rentable area (m²)")));
  self->category_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->category_row), _("Planned category"));
  self->status_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), _("Status"));
  self->notes_row = ADW_ENTRY_ROW (entry_row (_("Notes")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (form), GTK_WIDGET (self->code_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (form), GTK_WIDGET (self->floor_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (form), GTK_WIDGET (self->gross_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (form), GTK_WIDGET (self->rentable_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (form), GTK_WIDGET (self->category_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (form), GTK_WIDGET (self->status_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (form), GTK_WIDGET (self->notes_row));

  self->split_button = gtk_button_new_with_mnemonic (_("S_plit…"));
  g_signal_connect_object (self->split_button, "clicked", G_CALLBACK (plaza_unit_window_open_split), self,
                           G_CONNECT_SWAPPED);
  self->merge_button = gtk_button_new_with_mnemonic (_("_Merge…"));
  g_signal_connect_object (self->merge_button, "clicked", G_CALLBACK (plaza_unit_window_open_merge), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (buttons), self->split_button);
  gtk_box_append (GTK_BOX (buttons), self->merge_button);

  self->history_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->history_group), _("History"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->history_group),
                                         _("Splits, merges, changes and the contracts the unit had, by date"));
  self->history_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->history_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->history_list), "boxed-list");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->history_group), GTK_WIDGET (self->history_list));
  gtk_widget_set_visible (self->history_group, FALSE);

  gtk_box_append (GTK_BOX (content), form);
  gtk_box_append (GTK_BOX (content), buttons);
  gtk_box_append (GTK_BOX (content), self->history_group);
  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);
  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, scrolled);
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->toasts));
  adw_window_set_content (ADW_WINDOW (self), toolbar);
  update_sensitivity (self);
}

/* ---- public ---- */

PlazaUnitWindow *
plaza_unit_window_new (GtkWindow   *parent,
                       PlazaWorker *worker,
                       gint64       unit_id)
{
  PlazaUnitWindow *self = g_object_new (PLAZA_TYPE_UNIT_WINDOW, NULL);

  g_return_val_if_fail (PLAZA_IS_WORKER (worker), self);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  self->worker = g_object_ref (worker);
  self->unit_id = unit_id;
  plaza_live_banner_attach (GTK_WINDOW (self), worker, "units", unit_id, G_CALLBACK (load), self);
  plaza_role_guard (self->save_button, worker, "units", "update");
  plaza_role_guard (self->split_button, worker, "units", "split");
  plaza_role_guard (self->merge_button, worker, "units", "merge");
  load (self);
  return self;
}

gboolean
plaza_unit_window_get_busy (PlazaUnitWindow *self)
{
  g_return_val_if_fail (PLAZA_IS_UNIT_WINDOW (self), FALSE);
  return self->busy > 0;
}

const PlazaUnit *
plaza_unit_window_get_unit (PlazaUnitWindow *self)
{
  g_return_val_if_fail (PLAZA_IS_UNIT_WINDOW (self), NULL);
  return self->unit;
}

GPtrArray *
plaza_unit_window_get_history (PlazaUnitWindow *self)
{
  g_return_val_if_fail (PLAZA_IS_UNIT_WINDOW (self), NULL);
  return self->history;
}

GArray *
plaza_unit_window_get_new_ids (PlazaUnitWindow *self)
{
  g_return_val_if_fail (PLAZA_IS_UNIT_WINDOW (self), NULL);
  return self->new_ids;
}
