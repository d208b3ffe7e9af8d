/* plaza-paced-model.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GListModel between a list page's sorted rows and its GtkColumnView
 * that spreads a big change of the first screen over several main-loop
 * turns. GTK 4.8 builds every cell widget of a row added on screen, and
 * destroys every cell of a row removed, in the turn that emits
 * items-changed: a keystroke in the search that swaps a screen of rows
 * stalled the main loop for 100–200 ms, most of it styling and laying out
 * the new rows in the next frame. Here the model keeps its own copy of
 * the items; positions [0, synced) match the source, and a tick callback
 * of the view (an idle when it is not realized) replaces the next `step`
 * rows per frame until `head`, then the rest in one go (rows below the
 * screen have no widgets). Changes that keep the
 * number of rows (a sort, a row replaced in place: GTK keeps the widgets
 * of items it sees again), small changes and changes below the head pass
 * at once, so loads and live refreshes behave as before.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include "plaza-paced-model.h"

struct _PlazaPacedModel
{
  GObject     parent_instance;

  GListModel *source;
  GPtrArray  *shown;    /* the items the view sees (refs) */
  guint       head;
  guint       step;
  guint       synced;   /* shown[0, synced) are the source's first items */
  guint       idle_id;
  guint       tick_id;
  GtkWidget  *widget;   /* weak */
};

enum
{
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void plaza_paced_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PlazaPacedModel, plaza_paced_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, plaza_paced_model_list_model_init))

static GType
paced_get_item_type (GListModel *model)
{
  PlazaPacedModel *self = PLAZA_PACED_MODEL (model);

  return g_list_model_get_item_type (self->source);
}

static guint
paced_get_n_items (GListModel *model)
{
  return PLAZA_PACED_MODEL (model)->shown->len;
}

static gpointer
paced_get_item (GListModel *model,
                guint       position)
{
  PlazaPacedModel *self = PLAZA_PACED_MODEL (model);

  if (position >= self->shown->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->shown, position));
}

static void
plaza_paced_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = paced_get_item_type;
  iface->get_n_items = paced_get_n_items;
  iface->get_item = paced_get_item;
}

/* Replaces shown[position, position + removed) by the source's @added
 * items from @position, and says so. */
static void
replace (PlazaPacedModel *self,
         guint            position,
         guint            removed,
         guint            added)
{
  if (removed == 0 && added == 0)
    return;
  g_ptr_array_remove_range (self->shown, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (self->shown, (int) (position + i), g_list_model_get_item (self->source, position + i));
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

/* One step; FALSE when the model has caught up. */
static gboolean
step (PlazaPacedModel *self)
{
  guint n_source = g_list_model_get_n_items (self->source);
  guint at = self->synced;
  guint removed = self->shown->len > at ? self->shown->len - at : 0;
  guint added = n_source > at ? n_source - at : 0;

  if (at < self->head && (removed > 0 || added > 0))
    {
      /* The rows no longer in the source go at once (no stale rows under
       * a search's first results; destroying is cheaper than building). */
      added = MIN (added, self->step);
      self->synced = at + added;
      replace (self, at, removed, added);
      return TRUE;
    }
  /* Past the first screen: the rest at once. */
  self->synced = n_source;
  replace (self, at, removed, added);
  return FALSE;
}

static gboolean
idle_cb (gpointer user_data)
{
  PlazaPacedModel *self = user_data;

  if (step (self))
    return G_SOURCE_CONTINUE;
  self->idle_id = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  return G_SOURCE_REMOVE;
}

static gboolean
tick_cb (GtkWidget     *widget G_GNUC_UNUSED,
         GdkFrameClock *clock G_GNUC_UNUSED,
         gpointer       user_data)
{
  PlazaPacedModel *self = user_data;

  if (step (self))
    return G_SOURCE_CONTINUE;
  self->tick_id = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  return G_SOURCE_REMOVE;
}

static gboolean
is_busy (PlazaPacedModel *self)
{
  return self->idle_id != 0 || self->tick_id != 0;
}

static void
schedule (PlazaPacedModel *self)
{
  if (is_busy (self))
    return;
  if (self->widget != NULL && gtk_widget_get_realized (self->widget))
    self->tick_id = gtk_widget_add_tick_callback (self->widget, tick_cb, self, NULL);
  else
    self->idle_id = g_idle_add_full (G_PRIORITY_DEFAULT, idle_cb, self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* The view went away or out of sight with a change pending: idles go on. */
static void
widget_unrealize_cb (PlazaPacedModel *self)
{
  if (self->tick_id == 0)
    return;
  gtk_widget_remove_tick_callback (self->widget, self->tick_id);
  self->tick_id = 0;
  self->idle_id = g_idle_add_full (G_PRIORITY_DEFAULT, idle_cb, self, NULL);
}

static void
source_changed_cb (PlazaPacedModel *self,
                   guint            position,
                   guint            removed,
                   guint            added)
{
  if (!is_busy (self) &&
      (removed == added || MAX (removed, added) <= self->step || position >= self->head))
    {
      replace (self, position, removed, added);
      self->synced = self->shown->len;
      return;
    }
  self->synced = MIN (self->synced, position);
  schedule (self);
}

static void
plaza_paced_model_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PlazaPacedModel *self = PLAZA_PACED_MODEL (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, is_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plaza_paced_model_dispose (GObject *object)
{
  PlazaPacedModel *self = PLAZA_PACED_MODEL (object);

  plaza_paced_model_set_widget (self, NULL);
  g_clear_handle_id (&self->idle_id, g_source_remove);
  if (self->source != NULL)
    g_signal_handlers_disconnect_by_data (self->source, self);
  g_clear_object (&self->source);
  if (self->shown != NULL)
    g_ptr_array_set_size (self->shown, 0);

  G_OBJECT_CLASS (plaza_paced_model_parent_class)->dispose (object);
}

static void
plaza_paced_model_finalize (GObject *object)
{
  PlazaPacedModel *self = PLAZA_PACED_MODEL (object);

  g_ptr_array_unref (self->shown);

  G_OBJECT_CLASS (plaza_paced_model_parent_class)->finalize (object);
}

static void
plaza_paced_model_class_init (PlazaPacedModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = plaza_paced_model_dispose;
  object_class->finalize = plaza_paced_model_finalize;
  object_class->get_property = plaza_paced_model_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
plaza_paced_model_init (PlazaPacedModel *self)
{
  self->shown = g_ptr_array_new_with_free_func (g_object_unref);
}

PlazaPacedModel *
plaza_paced_model_new (GListModel *source,
                       guint       head,
                       guint       step)
{
  PlazaPacedModel *self;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (source), NULL);
  g_return_val_if_fail (step > 0, NULL);

  self = g_object_new (PLAZA_TYPE_PACED_MODEL, NULL);
  self->source = g_object_ref (source);
  self->head = head;
  self->step = step;
  n = g_list_model_get_n_items (source);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->shown, g_list_model_get_item (source, i));
  self->synced = n;
  g_signal_connect_swapped (source, "items-changed", G_CALLBACK (source_changed_cb), self);
  return self;
}

void
plaza_paced_model_set_widget (PlazaPacedModel *self,
                              GtkWidget       *widget)
{
  g_return_if_fail (PLAZA_IS_PACED_MODEL (self));
  g_return_if_fail (widget == NULL || GTK_IS_WIDGET (widget));

  if (self->widget == widget)
    return;
  if (self->widget != NULL)
    {
      if (self->tick_id != 0)
        {
          gtk_widget_remove_tick_callback (self->widget, self->tick_id);
          self->tick_id = 0;
          if (self->source != NULL)
            self->idle_id = g_idle_add_full (G_PRIORITY_DEFAULT, idle_cb, self, NULL);
        }
      g_signal_handlers_disconnect_by_data (self->widget, self);
      g_object_remove_weak_pointer (G_OBJECT (self->widget), (gpointer *) &self->widget);
    }
  self->widget = widget;
  if (widget != NULL)
    {
      g_object_add_weak_pointer (G_OBJECT (widget), (gpointer *) &self->widget);
      g_signal_connect_swapped (widget, "unrealize", G_CALLBACK (widget_unrealize_cb), self);
    }
}

gboolean
plaza_paced_model_get_busy (PlazaPacedModel *self)
{
  g_return_val_if_fail (PLAZA_IS_PACED_MODEL (self), FALSE);
  return is_busy (self);
}
