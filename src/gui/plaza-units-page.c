/* plaza-units-page.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Units page (issue 6): a view switcher over the unit list (the
 * generic list; a row opens the unit window; New Unit and New Floor on its
 * toolbar), the vacancy list and the zoning plan vs let. This file holds
 * the switcher, loading on show, the New Floor dialog and what the views
 * share; the vacancy and zoning views are in plaza-units-page-views.c.
 * Every store access is a worker job calling core.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "plaza-record.h"
#include "plaza-role-guard.h"
#include "plaza-unit.h"
#include "plaza-units-page-private.h"

static const char * const view_names[UNITS_N_VIEWS] = { "list", "vacancy", "zoning" };

G_DEFINE_FINAL_TYPE (PlazaUnitsPage, plaza_units_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- shared helpers ---- */

void
plaza_units_page_busy_push (PlazaUnitsPage *self)
{
  if (self->busy++ == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

void
plaza_units_page_busy_pop (PlazaUnitsPage *self)
{
  g_return_if_fail (self->busy > 0);
  if (--self->busy == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

void
plaza_units_page_toast (PlazaUnitsPage *self,
                        const char     *text)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (text));
}


/* ---- views ---- */

static UnitsView
visible_view (PlazaUnitsPage *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->stack);

  for (guint i = 0; i < UNITS_N_VIEWS; i++)
    if (g_strcmp0 (name, view_names[i]) == 0)
      return (UnitsView) i;
  return UNITS_VIEW_LIST;
}

static void
load_view (PlazaUnitsPage *self,
           UnitsView       view)
{
  if (self->worker == NULL)
    return;
  switch (view)
    {
    case UNITS_VIEW_LIST:
      plaza_list_page_ensure_loaded (self->list);
      break;
    case UNITS_VIEW_VACANCY:
      if (!self->loaded[view])
        plaza_units_vacancy_load (self);
      break;
    case UNITS_VIEW_ZONING:
      if (!self->loaded[view])
        plaza_units_zoning_load (self);
      break;
    case UNITS_N_VIEWS:
    default:
      break;
    }
  self->loaded[view] = TRUE;
}

static void
visible_child_cb (PlazaUnitsPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    load_view (self, visible_view (self));
}

static void
unit_activated_cb (PlazaUnitsPage *self,
                   gint64          id)
{
  plaza_units_page_open_unit (self, id);
}

static void
new_unit_cb (PlazaUnitsPage *self)
{
  plaza_units_page_open_unit (self, 0);
}

/* ---- New Floor ---- */

typedef struct
{
  char   *label;
  gint64  level;
  gint64  gross_area;
} FloorJob;

static void
floor_job_free (gpointer data)
{
  FloorJob *job = data;

  g_free (job->label);
  g_free (job);
}

static gpointer
floor_create_job (PlazaStore   *store,
                  gpointer      data,
                  GCancellable *cancellable G_GNUC_UNUSED,
                  GError      **error)
{
  FloorJob *job = data;
  gint64 id = plaza_floor_create (store, job->label, job->level, job->gross_area, error);

  return id > 0 ? GINT_TO_POINTER (1) : NULL;
}

static void
floor_created_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(PlazaUnitsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  gpointer ok = plaza_worker_run_finish (PLAZA_WORKER (source), result, &error);

  plaza_units_page_busy_pop (self);
  if (ok == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The floor was not created: %s"), error->message);

      plaza_units_page_toast (self, text);
      return;
    }
  plaza_units_page_toast (self, _("Floor created"));
  plaza_units_page_invalidate (self);
}

static void
new_floor_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       PlazaUnitsPage   *self)
{
  GtkEditable *label = g_object_get_data (G_OBJECT (dialog), "label");
  GtkSpinButton *level = g_object_get_data (G_OBJECT (dialog), "level");
  FloorJob *job;

  if (g_strcmp0 (response, "create") != 0 || self->worker == NULL)
    return;
  job = g_new0 (FloorJob, 1);
  job->label = g_strstrip (g_strdup (gtk_editable_get_text (label)));
  job->level = gtk_spin_button_get_value_as_int (level);
  plaza_units_page_busy_push (self);
  plaza_worker_run_async (self->worker, floor_create_job, job, floor_job_free, self->cancellable,
                          floor_created_cb, g_object_ref (self));
}

static void
new_floor_cb (PlazaUnitsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              _("New Floor"), _("A floor’s label, such as 3F or B1, and its level for sorting (B1 = −1, 1F = 1)."));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_entry_new ();
  GtkWidget *level = gtk_spin_button_new_with_range (-9, 199, 1);

  gtk_entry_set_placeholder_text (GTK_ENTRY (label), _("Label"));
  gtk_widget_set_hexpand (label, TRUE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (level), 1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), level);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "create", _("C_reate"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "create", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "create");
  g_object_set_data (G_OBJECT (dialog), "label", label);
  g_object_set_data (G_OBJECT (dialog), "level", level);
  g_signal_connect_object (dialog, "response", G_CALLBACK (new_floor_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- GObject ---- */

static void
plaza_units_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (plaza_units_page_parent_class)->map (widget);
  load_view (PLAZA_UNITS_PAGE (widget), visible_view (PLAZA_UNITS_PAGE (widget)));
}

static void
plaza_units_page_dispose (GObject *object)
{
  PlazaUnitsPage *self = PLAZA_UNITS_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->worker);
  g_clear_object (&self->vacancy_store);
  g_clear_object (&self->zoning_store);
  g_clear_pointer (&self->vacancy, g_ptr_array_unref);
  g_clear_pointer (&self->floor_ids, g_array_unref);

  G_OBJECT_CLASS (plaza_units_page_parent_class)->dispose (object);
}

static void
plaza_units_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PlazaUnitsPage *self = PLAZA_UNITS_PAGE (object);

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
plaza_units_page_class_init (PlazaUnitsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plaza_units_page_dispose;
  object_class->get_property = plaza_units_page_get_property;
  widget_class->map = plaza_units_page_map;

  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
plaza_units_page_init (PlazaUnitsPage *self)
{
  static const char * const titles[UNITS_N_VIEWS] = { N_("List"), N_("Vacancy"), N_("Zoning") };
  static const char * const icons[UNITS_N_VIEWS] = {
    "view-list-symbolic", "edit-find-symbolic", "view-grid-symbolic"
  };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *switcher = adw_view_switcher_new ();
  GtkWidget *bar = gtk_center_box_new ();
  GtkWidget *button;

  self->cancellable = g_cancellable_new ();
  self->floor_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->stack = ADW_VIEW_STACK (adw_view_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);

  self->list = plaza_list_page_new (PLAZA_LIST_UNITS);
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (unit_activated_cb), self, G_CONNECT_SWAPPED);
  button = gtk_button_new_with_mnemonic (_("New _Floor"));
  g_object_set_data (G_OBJECT (self), "plaza-new-floor", button);   /* for the role guard */
  g_signal_connect_object (button, "clicked", G_CALLBACK (new_floor_cb), self, G_CONNECT_SWAPPED);
  plaza_list_page_add_toolbar_widget (self->list, button);
  button = gtk_button_new_with_mnemonic (_("_New Unit"));
  g_object_set_data (G_OBJECT (self), "plaza-new-unit", button);   /* for the role guard */
  gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect_object (button, "clicked", G_CALLBACK (new_unit_cb), self, G_CONNECT_SWAPPED);
  plaza_list_page_add_toolbar_widget (self->list, button);

  self->views[UNITS_VIEW_LIST] = GTK_WIDGET (self->list);
  self->views[UNITS_VIEW_VACANCY] = plaza_units_vacancy_build (self);
  self->views[UNITS_VIEW_ZONING] = plaza_units_zoning_build (self);
  for (guint i = 0; i < UNITS_N_VIEWS; i++)
    adw_view_stack_add_titled_with_icon (self->stack, self->views[i], view_names[i], _(titles[i]), icons[i]);
  g_signal_connect_object (self->stack, "notify::visible-child", G_CALLBACK (visible_child_cb), self,
                           G_CONNECT_SWAPPED);

  adw_view_switcher_set_stack (ADW_VIEW_SWITCHER (switcher), self->stack);
  adw_view_switcher_set_policy (ADW_VIEW_SWITCHER (switcher), ADW_VIEW_SWITCHER_POLICY_WIDE);
  gtk_center_box_set_center_widget (GTK_CENTER_BOX (bar), switcher);
  gtk_widget_set_margin_top (bar, 6);
  gtk_widget_set_margin_bottom (bar, 6);
  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, box);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->toasts));
}

/* ---- public ---- */

GtkWidget *
plaza_units_page_new (void)
{
  return g_object_new (PLAZA_TYPE_UNITS_PAGE, NULL);
}

void
plaza_units_page_set_worker (PlazaUnitsPage *self,
                             PlazaWorker    *worker)
{
  g_return_if_fail (PLAZA_IS_UNITS_PAGE (self));

  g_set_object (&self->worker, worker);
  plaza_list_page_set_worker (self->list, worker);
  for (guint i = 0; i < UNITS_N_VIEWS; i++)
    self->loaded[i] = FALSE;
  plaza_role_guard (g_object_get_data (G_OBJECT (self), "plaza-new-floor"), worker, "floors", "create");
  plaza_role_guard (g_object_get_data (G_OBJECT (self), "plaza-new-unit"), worker, "units", "create");
}

void
plaza_units_page_ensure_loaded (PlazaUnitsPage *self)
{
  g_return_if_fail (PLAZA_IS_UNITS_PAGE (self));
  load_view (self, visible_view (self));
}

void
plaza_units_page_invalidate (PlazaUnitsPage *self)
{
  g_return_if_fail (PLAZA_IS_UNITS_PAGE (self));

  plaza_list_page_invalidate (self->list);
  for (guint i = 0; i < UNITS_N_VIEWS; i++)
    self->loaded[i] = FALSE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    load_view (self, visible_view (self));
}

gboolean
plaza_units_page_set_view (PlazaUnitsPage *self,
                           const char     *name)
{
  g_return_val_if_fail (PLAZA_IS_UNITS_PAGE (self), FALSE);

  for (guint i = 0; i < UNITS_N_VIEWS; i++)
    if (g_strcmp0 (name, view_names[i]) == 0)
      {
        adw_view_stack_set_visible_child_name (self->stack, name);
        return TRUE;
      }
  return FALSE;
}

const char *
plaza_units_page_get_view (PlazaUnitsPage *self)
{
  g_return_val_if_fail (PLAZA_IS_UNITS_PAGE (self), NULL);
  return view_names[visible_view (self)];
}

gboolean
plaza_units_page_get_busy (PlazaUnitsPage *self)
{
  g_return_val_if_fail (PLAZA_IS_UNITS_PAGE (self), FALSE);
  return self->busy > 0;
}

PlazaListPage *
plaza_units_page_get_list (PlazaUnitsPage *self)
{
  g_return_val_if_fail (PLAZA_IS_UNITS_PAGE (self), NULL);
  return self->list;
}

GPtrArray *
plaza_units_page_get_vacancy (PlazaUnitsPage *self)
{
  g_return_val_if_fail (PLAZA_IS_UNITS_PAGE (self), NULL);
  return self->vacancy;
}

GListModel *
plaza_units_page_get_vacancy_model (PlazaUnitsPage *self)
{
  g_return_val_if_fail (PLAZA_IS_UNITS_PAGE (self), NULL);
  return G_LIST_MODEL (self->vacancy_sorted);
}

PlazaChart *
plaza_units_page_get_chart (PlazaUnitsPage *self)
{
  g_return_val_if_fail (PLAZA_IS_UNITS_PAGE (self), NULL);
  return plaza_chart_view_get_chart (self->chart_view);
}

gint64
plaza_units_page_get_floor (PlazaUnitsPage *self)
{
  g_return_val_if_fail (PLAZA_IS_UNITS_PAGE (self), 0);
  return self->floor_id;
}

void
plaza_units_page_set_floor (PlazaUnitsPage *self,
                            gint64          floor_id)
{
  g_return_if_fail (PLAZA_IS_UNITS_PAGE (self));

  self->floor_id = floor_id;
  self->filling_floors = TRUE;
  for (guint i = 0; i < self->floor_ids->len; i++)
    if (g_array_index (self->floor_ids, gint64, i) == floor_id)
      gtk_drop_down_set_selected (self->floor_drop, i);
  self->filling_floors = FALSE;
  if (self->worker != NULL)
    {
      self->loaded[UNITS_VIEW_ZONING] = TRUE;
      plaza_units_zoning_load (self);
    }
}

PlazaUnitWindow *
plaza_units_page_open_unit (PlazaUnitsPage *self,
                            gint64          unit_id)
{
  GtkRoot *root;
  PlazaUnitWindow *window;

  g_return_val_if_fail (PLAZA_IS_UNITS_PAGE (self), NULL);
  if (self->worker == NULL)
    return NULL;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  window = plaza_unit_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->worker, unit_id);
  g_signal_connect_object (window, "changed", G_CALLBACK (plaza_units_page_invalidate), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}
