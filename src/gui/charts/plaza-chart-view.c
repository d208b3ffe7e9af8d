/* plaza-chart-view.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A PlazaChart on screen. The drawing is core's plaza_chart_draw (), the
 * same code that writes PNG, SVG and PDF; this widget adds what a screen
 * has: the light or dark palette following libadwaita, the item under the
 * pointer highlighted with its exact value in a tooltip, the arrow keys
 * walking the items, and a click or Enter on an item emitting "activated"
 * (the page drills down). Screen readers get plaza_chart_describe ().
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "plaza-chart-view.h"

struct _PlazaChartView
{
  GtkWidget      parent_instance;

  PlazaChart    *chart;
  PlazaChartHit  highlight;
  gboolean       has_highlight;
};

G_DEFINE_FINAL_TYPE (PlazaChartView, plaza_chart_view, GTK_TYPE_WIDGET)

enum
{
  ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static gboolean
hit_equal (const PlazaChartHit *a,
           const PlazaChartHit *b)
{
  return a->series == b->series && a->category == b->category
         && a->row == b->row && a->block == b->block;
}

static void
set_highlight (PlazaChartView      *self,
               const PlazaChartHit *hit)
{
  if (hit == NULL)
    {
      if (!self->has_highlight)
        return;
      self->has_highlight = FALSE;
    }
  else
    {
      if (self->has_highlight && hit_equal (hit, &self->highlight))
        return;
      self->highlight = *hit;
      self->has_highlight = TRUE;
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
plaza_chart_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  PlazaChartView *self = PLAZA_CHART_VIEW (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->chart == NULL || width < 1 || height < 1)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  plaza_chart_draw (self->chart, cr, width, height, is_dark (),
                    self->has_highlight ? &self->highlight : NULL);
  cairo_destroy (cr);
}

static gboolean
hit_at (PlazaChartView *self,
        double          x,
        double          y,
        PlazaChartHit  *hit)
{
  GtkWidget *widget = GTK_WIDGET (self);

  if (self->chart == NULL)
    return FALSE;
  return plaza_chart_hit_test (self->chart, gtk_widget_get_width (widget),
                               gtk_widget_get_height (widget), x, y, hit);
}

static void
motion_cb (GtkEventControllerMotion *controller G_GNUC_UNUSED,
           double                    x,
           double                    y,
           PlazaChartView           *self)
{
  PlazaChartHit hit;

  set_highlight (self, hit_at (self, x, y, &hit) ? &hit : NULL);
}

static void
leave_cb (GtkEventControllerMotion *controller G_GNUC_UNUSED,
          PlazaChartView           *self)
{
  set_highlight (self, NULL);
}

static void
activate_hit (PlazaChartView      *self,
              const PlazaChartHit *hit)
{
  g_signal_emit (self, signals[ACTIVATED], 0, hit->series, hit->category, hit->row, hit->block);
}

static void
released_cb (GtkGestureClick *gesture G_GNUC_UNUSED,
             int              n_press G_GNUC_UNUSED,
             double           x,
             double           y,
             PlazaChartView  *self)
{
  PlazaChartHit hit;

  if (hit_at (self, x, y, &hit))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self));
      activate_hit (self, &hit);
    }
}

static gboolean
query_tooltip_cb (GtkWidget      *widget,
                  int             x,
                  int             y,
                  gboolean        keyboard,
                  GtkTooltip     *tooltip,
                  PlazaChartView *self)
{
  PlazaChartHit hit;
  g_autofree char *text = NULL;

  (void) widget;
  if (keyboard && self->has_highlight)
    hit = self->highlight;
  else if (!hit_at (self, x, y, &hit))
    return FALSE;
  text = plaza_chart_describe_hit (self->chart, &hit);
  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* The next item for the arrow keys: categories for the axis charts (first
 * series), blocks row by row for the stacking plan. */
static gboolean
step_highlight (PlazaChartView *self,
                int             delta)
{
  PlazaChartHit hit = { 0, 0, -1, -1 };
  int n;

  if (self->chart == NULL)
    return FALSE;
  if (plaza_chart_get_kind (self->chart) == PLAZA_CHART_STACKING_PLAN)
    return FALSE;   /* blocks are reached with the pointer; the table lists them */
  n = (int) plaza_chart_get_n_categories (self->chart);
  if (n == 0)
    return FALSE;
  if (self->has_highlight && self->highlight.category >= 0)
    hit.category = CLAMP (self->highlight.category + delta, 0, n - 1);
  else
    hit.category = delta > 0 ? 0 : n - 1;
  set_highlight (self, &hit);
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
  return TRUE;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller G_GNUC_UNUSED,
                guint                  keyval,
                guint                  keycode G_GNUC_UNUSED,
                GdkModifierType        state G_GNUC_UNUSED,
                PlazaChartView        *self)
{
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_Up:
      return step_highlight (self, -1);
    case GDK_KEY_Right:
    case GDK_KEY_Down:
      return step_highlight (self, +1);
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      if (!self->has_highlight)
        return FALSE;
      activate_hit (self, &self->highlight);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
dark_changed_cb (AdwStyleManager *manager G_GNUC_UNUSED,
                 GParamSpec      *pspec G_GNUC_UNUSED,
                 PlazaChartView  *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
plaza_chart_view_dispose (GObject *object)
{
  PlazaChartView *self = PLAZA_CHART_VIEW (object);

  g_clear_pointer (&self->chart, plaza_chart_free);
  G_OBJECT_CLASS (plaza_chart_view_parent_class)->dispose (object);
}

static void
plaza_chart_view_class_init (PlazaChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plaza_chart_view_dispose;
  widget_class->snapshot = plaza_chart_view_snapshot;

  /* Emitted with the PlazaChartHit fields of the item clicked or chosen
   * with Enter. */
  signals[ACTIVATED] = g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 4,
                                     G_TYPE_INT, G_TYPE_INT, G_TYPE_INT, G_TYPE_INT);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
plaza_chart_view_init (PlazaChartView *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  g_signal_connect (click, "released", G_CALLBACK (released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect (key, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (self), 320, 240);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, 0);
}

GtkWidget *
plaza_chart_view_new (void)
{
  return g_object_new (PLAZA_TYPE_CHART_VIEW, NULL);
}

void
plaza_chart_view_set_chart (PlazaChartView *self,
                            PlazaChart     *chart)
{
  g_autofree char *description = NULL;

  g_return_if_fail (PLAZA_IS_CHART_VIEW (self));

  if (self->chart != chart)
    g_clear_pointer (&self->chart, plaza_chart_free);
  self->chart = chart;
  self->has_highlight = FALSE;
  if (chart != NULL)
    description = plaza_chart_describe (chart);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  chart != NULL ? plaza_chart_get_title (chart) : "",
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description != NULL ? description : "",
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

PlazaChart *
plaza_chart_view_get_chart (PlazaChartView *self)
{
  g_return_val_if_fail (PLAZA_IS_CHART_VIEW (self), NULL);
  return self->chart;
}

gboolean
plaza_chart_view_get_highlight (PlazaChartView *self,
                                PlazaChartHit  *hit)
{
  g_return_val_if_fail (PLAZA_IS_CHART_VIEW (self), FALSE);
  if (self->has_highlight && hit != NULL)
    *hit = self->highlight;
  return self->has_highlight;
}
