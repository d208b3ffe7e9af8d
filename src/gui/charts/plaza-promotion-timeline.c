/* plaza-promotion-timeline.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The promotions as a Gantt chart, drawn with Cairo: one row per plan
 * (code and name on the left, clashes marked with a warning sign), a date
 * axis of months over days or weeks for the week, month and quarter
 * zooms, weekends shaded, today's vertical line, and each plan's bar
 * coloured by state with a red edge when it clashes.
 *
 * A draft's (or rejected plan's) bar can be dragged to move it, or by an
 * end to change its start or end, snapping to whole days; on release the
 * widget emits "move-requested" and the page writes it in the worker
 * (plaza_promotion_move ()), then reloads. Approved and submitted plans do
 * not move: their tooltip says they are locked. The keyboard does the
 * same: Up and Down choose a row, Enter opens it, Left and Right move a
 * draft by a day, with Shift its end.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "plaza-promotion-timeline-private.h"

G_DEFINE_FINAL_TYPE_WITH_CODE (PlazaPromotionTimeline, plaza_promotion_timeline, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

enum
{
  PROP_0,
  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

enum
{
  ACTIVATED,
  MOVE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

double
plaza_promotion_timeline_label_width (double width)
{
  return CLAMP (width * 0.25, 150, 280);
}

double
plaza_promotion_timeline_day_width (PlazaPromotionTimeline *self,
                                    double                  width)
{
  guint n = self->to >= self->from ? self->to - self->from + 1 : 1;

  return MAX (1, (width - 2 * PAD - plaza_promotion_timeline_label_width (width)) / n);
}

/* The dates a span is drawn with: moved by a drag, or where it was dropped. */
void
plaza_promotion_timeline_span_days (PlazaPromotionTimeline   *self,
                                    guint                     index,
                                    guint32                  *start,
                                    guint32                  *end)
{
  const PlazaPromotionSpan *span = g_ptr_array_index (self->spans, index);

  *start = plaza_promotion_julian (span->start_date);
  *end = plaza_promotion_julian (span->end_date);
  if (self->pending_id == span->id)
    {
      *start = self->pending_start;
      *end = self->pending_end;
    }
  if ((int) index == self->drag_index && self->drag_days != 0)
    {
      if (self->drag_mode == PLAZA_TIMELINE_DRAG_MOVE)
        {
          *start += self->drag_days;
          *end += self->drag_days;
        }
      else if (self->drag_mode == PLAZA_TIMELINE_DRAG_START)
        *start = MIN (*start + self->drag_days, *end);
      else
        *end = MAX ((gint64) *end + self->drag_days, (gint64) *start);
    }
}

gboolean
plaza_promotion_timeline_bar_rect (PlazaPromotionTimeline *self,
                                   guint                   index,
                                   double                  width,
                                   double                 *x,
                                   double                 *y,
                                   double                 *w,
                                   double                 *h)
{
  guint32 s, e;
  double day_w = plaza_promotion_timeline_day_width (self, width);
  double x0 = PAD + plaza_promotion_timeline_label_width (width);

  plaza_promotion_timeline_span_days (self, index, &s, &e);
  if (s == 0 || e < self->from || s > self->to)
    return FALSE;
  *x = x0 + ((gint64) MAX (s, self->from) - self->from) * day_w;
  *w = ((gint64) MIN (e, self->to) - MAX (s, self->from) + 1) * day_w;
  *y = HEADER_H + index * ROW_H + 6;
  *h = ROW_H - 12;
  return TRUE;
}

static void
plaza_promotion_timeline_snapshot (GtkWidget   *widget,
                                   GtkSnapshot *snapshot)
{
  PlazaPromotionTimeline *self = PLAZA_PROMOTION_TIMELINE (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width < 1 || height < 1 || self->from == 0)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  plaza_promotion_timeline_draw (self, cr, width, height);
  cairo_destroy (cr);
}

static double
content_height (PlazaPromotionTimeline *self)
{
  guint n = self->spans != NULL ? self->spans->len : 0;

  return HEADER_H + MAX (n, 1) * ROW_H + LEGEND_H + PAD;
}

static void
plaza_promotion_timeline_measure (GtkWidget      *widget,
                                  GtkOrientation  orientation,
                                  int             for_size G_GNUC_UNUSED,
                                  int            *minimum,
                                  int            *natural,
                                  int            *minimum_baseline G_GNUC_UNUSED,
                                  int            *natural_baseline G_GNUC_UNUSED)
{
  PlazaPromotionTimeline *self = PLAZA_PROMOTION_TIMELINE (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 520;
      *natural = 900;
    }
  else
    {
      *minimum = (int) (HEADER_H + 3 * ROW_H);
      *natural = MAX (*minimum, (int) content_height (self));
    }
}

double
plaza_promotion_timeline_scroll (PlazaPromotionTimeline *self)
{
  return self->vadjustment != NULL ? gtk_adjustment_get_value (self->vadjustment) : 0;
}

static void
configure_adjustments (PlazaPromotionTimeline *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double upper = MAX (content_height (self), height);

  if (self->vadjustment != NULL)
    gtk_adjustment_configure (self->vadjustment,
                              CLAMP (gtk_adjustment_get_value (self->vadjustment), 0, upper - height),
                              0, upper, ROW_H, MAX (height - HEADER_H - ROW_H, ROW_H), height);
  if (self->hadjustment != NULL)
    gtk_adjustment_configure (self->hadjustment, 0, 0, width, width / 10, width, width);
}

static void
plaza_promotion_timeline_size_allocate (GtkWidget *widget,
                                        int        width G_GNUC_UNUSED,
                                        int        height G_GNUC_UNUSED,
                                        int        baseline G_GNUC_UNUSED)
{
  configure_adjustments (PLAZA_PROMOTION_TIMELINE (widget));
}

static void
scrolled_cb (PlazaPromotionTimeline *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (PlazaPromotionTimeline  *self,
                GtkAdjustment          **slot,
                GtkAdjustment           *adjustment)
{
  if (*slot == adjustment && adjustment != NULL)
    return;
  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_func (*slot, scrolled_cb, self);
      g_clear_object (slot);
    }
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (scrolled_cb), self);
  configure_adjustments (self);
}

/* Scrolls so that row @index is in view, under the axis. */
static void
scroll_to_row (PlazaPromotionTimeline *self,
               int                     index)
{
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double top = index * ROW_H, bottom = top + ROW_H;
  double value = plaza_promotion_timeline_scroll (self);

  if (self->vadjustment == NULL || index < 0)
    return;
  if (top < value)
    gtk_adjustment_set_value (self->vadjustment, top);
  else if (HEADER_H + bottom - value > height)
    gtk_adjustment_set_value (self->vadjustment, HEADER_H + bottom - height);
}

static void
plaza_promotion_timeline_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  PlazaPromotionTimeline *self = PLAZA_PROMOTION_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plaza_promotion_timeline_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  PlazaPromotionTimeline *self = PLAZA_PROMOTION_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The row under @y and whether @x is on its bar; *@mode says which part. */
static int
span_at (PlazaPromotionTimeline *self,
         double                  x,
         double                  y,
         gboolean               *on_bar,
         PlazaTimelineDrag      *mode)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double bx, by, bw, bh;
  int index;

  *on_bar = FALSE;
  if (self->spans == NULL || y < HEADER_H)
    return -1;
  y += plaza_promotion_timeline_scroll (self);
  index = (int) ((y - HEADER_H) / ROW_H);
  if (index < 0 || (guint) index >= self->spans->len)
    return -1;
  if (plaza_promotion_timeline_bar_rect (self, (guint) index, width, &bx, &by, &bw, &bh) && x >= bx - 2 && x <= bx + bw + 2)
    {
      *on_bar = TRUE;
      if (mode != NULL)
        *mode = bw >= 3 * EDGE && x <= bx + EDGE ? PLAZA_TIMELINE_DRAG_START
                : bw >= 3 * EDGE && x >= bx + bw - EDGE ? PLAZA_TIMELINE_DRAG_END
                : PLAZA_TIMELINE_DRAG_MOVE;
    }
  return index;
}

static void
motion_cb (GtkEventControllerMotion *controller G_GNUC_UNUSED,
           double                    x,
           double                    y,
           PlazaPromotionTimeline   *self)
{
  gboolean on_bar;
  PlazaTimelineDrag mode = PLAZA_TIMELINE_DRAG_MOVE;
  int index = span_at (self, x, y, &on_bar, &mode);
  const char *cursor = NULL;

  if (self->drag_index >= 0)
    return;
  if (!on_bar)
    index = -1;
  if (index >= 0)
    {
      const PlazaPromotionSpan *span = g_ptr_array_index (self->spans, index);

      if (!plaza_promotion_state_movable (span->state))
        cursor = "pointer";
      else
        cursor = mode == PLAZA_TIMELINE_DRAG_MOVE ? "grab" : "ew-resize";
    }
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), cursor);
  if (self->hover != index)
    {
      self->hover = index;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
leave_cb (GtkEventControllerMotion *controller G_GNUC_UNUSED,
          PlazaPromotionTimeline   *self)
{
  if (self->hover != -1)
    {
      self->hover = -1;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
released_cb (GtkGestureClick        *gesture G_GNUC_UNUSED,
             int                     n_press,
             double                  x,
             double                  y,
             PlazaPromotionTimeline *self)
{
  gboolean on_bar;
  int index = span_at (self, x, y, &on_bar, NULL);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (index < 0)
    return;
  self->focus = index;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (n_press == 1 && on_bar)
    g_signal_emit (self, signals[ACTIVATED], 0, ((PlazaPromotionSpan *) g_ptr_array_index (self->spans, index))->id);
  else if (n_press == 2)
    g_signal_emit (self, signals[ACTIVATED], 0, ((PlazaPromotionSpan *) g_ptr_array_index (self->spans, index))->id);
}

static void
drag_begin_cb (GtkGestureDrag         *gesture,
               double                  x,
               double                  y,
               PlazaPromotionTimeline *self)
{
  gboolean on_bar;
  PlazaTimelineDrag mode = PLAZA_TIMELINE_DRAG_MOVE;
  int index = span_at (self, x, y, &on_bar, &mode);

  if (index < 0 || !on_bar
      || !plaza_promotion_state_movable (((PlazaPromotionSpan *) g_ptr_array_index (self->spans, index))->state))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  self->drag_index = index;
  self->drag_mode = mode;
  self->drag_days = 0;
}

static int
days_for (PlazaPromotionTimeline *self,
          double                  dx)
{
  return (int) lround (dx / plaza_promotion_timeline_day_width (self, gtk_widget_get_width (GTK_WIDGET (self))));
}

static void
drag_update_cb (GtkGestureDrag         *gesture,
                double                  dx,
                double                  dy G_GNUC_UNUSED,
                PlazaPromotionTimeline *self)
{
  int days;

  if (self->drag_index < 0)
    return;
  if (fabs (dx) > 3)
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  days = days_for (self, dx);
  if (days != self->drag_days)
    {
      self->drag_days = days;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
drag_end_cb (GtkGestureDrag         *gesture G_GNUC_UNUSED,
             double                  dx,
             double                  dy G_GNUC_UNUSED,
             PlazaPromotionTimeline *self)
{
  int index = self->drag_index;
  PlazaTimelineDrag mode = self->drag_mode;
  int days;

  if (index < 0)
    return;
  days = days_for (self, dx);
  self->drag_index = -1;
  self->drag_days = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (days != 0)
    plaza_promotion_timeline_end_drag (self, ((PlazaPromotionSpan *) g_ptr_array_index (self->spans, index))->id,
                                       mode, days);
}

static gboolean
query_tooltip_cb (GtkWidget              *widget G_GNUC_UNUSED,
                  int                     x,
                  int                     y,
                  gboolean                keyboard,
                  GtkTooltip             *tooltip,
                  PlazaPromotionTimeline *self)
{
  gboolean on_bar = TRUE;
  int index = keyboard ? self->focus : span_at (self, x, y, &on_bar, NULL);
  g_autofree char *markup = NULL;

  if (index < 0 || self->spans == NULL || (guint) index >= self->spans->len || self->drag_index >= 0)
    return FALSE;
  markup = plaza_promotion_span_tooltip (g_ptr_array_index (self->spans, index));
  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}

static gboolean
key_pressed_cb (GtkEventControllerKey  *controller G_GNUC_UNUSED,
                guint                   keyval,
                guint                   keycode G_GNUC_UNUSED,
                GdkModifierType         state,
                PlazaPromotionTimeline *self)
{
  int n = self->spans != NULL ? (int) self->spans->len : 0;
  const PlazaPromotionSpan *span = self->focus >= 0 && self->focus < n ? g_ptr_array_index (self->spans, self->focus) : NULL;
  gboolean shift = (state & GDK_SHIFT_MASK) != 0;

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_Down:
      if (n == 0)
        return FALSE;
      if (self->focus < 0)
        self->focus = keyval == GDK_KEY_Down ? 0 : n - 1;
      else
        self->focus = CLAMP (self->focus + (keyval == GDK_KEY_Down ? 1 : -1), 0, n - 1);
      scroll_to_row (self, self->focus);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_Right:
      if (span == NULL)
        return FALSE;
      if (!plaza_promotion_timeline_end_drag (self, span->id,
                                              shift ? PLAZA_TIMELINE_DRAG_END : PLAZA_TIMELINE_DRAG_MOVE,
                                              keyval == GDK_KEY_Right ? 1 : -1))
        gtk_widget_error_bell (GTK_WIDGET (self));
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      if (span == NULL)
        return FALSE;
      g_signal_emit (self, signals[ACTIVATED], 0, span->id);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
redraw_cb (PlazaPromotionTimeline *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
update_accessible (PlazaPromotionTimeline *self)
{
  g_autofree char *description = plaza_promotion_spans_describe (self->spans);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Promotions timeline"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
plaza_promotion_timeline_dispose (GObject *object)
{
  PlazaPromotionTimeline *self = PLAZA_PROMOTION_TIMELINE (object);

  g_clear_pointer (&self->spans, g_ptr_array_unref);
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, scrolled_cb, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, scrolled_cb, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  G_OBJECT_CLASS (plaza_promotion_timeline_parent_class)->dispose (object);
}

static void
plaza_promotion_timeline_class_init (PlazaPromotionTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plaza_promotion_timeline_dispose;
  widget_class->snapshot = plaza_promotion_timeline_snapshot;
  widget_class->measure = plaza_promotion_timeline_measure;
  widget_class->size_allocate = plaza_promotion_timeline_size_allocate;
  object_class->get_property = plaza_promotion_timeline_get_property;
  object_class->set_property = plaza_promotion_timeline_set_property;
  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /* The id of the promotion clicked or chosen with Enter. */
  signals[ACTIVATED] = g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /* A drag ended: id, the rev it was loaded at, the new start and end. */
  signals[MOVE_REQUESTED] = g_signal_new ("move-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 4,
                                          G_TYPE_INT64, G_TYPE_INT64, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_css_name (widget_class, "promotion-timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
plaza_promotion_timeline_init (PlazaPromotionTimeline *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *drag = gtk_gesture_drag_new ();

  self->hover = -1;
  self->focus = -1;
  self->drag_index = -1;

  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect (click, "released", G_CALLBACK (released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (key, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (redraw_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::has-focus", G_CALLBACK (redraw_cb), NULL);
  update_accessible (self);
}

GtkWidget *
plaza_promotion_timeline_new (void)
{
  return g_object_new (PLAZA_TYPE_PROMOTION_TIMELINE, NULL);
}

void
plaza_promotion_timeline_zoom_range (PlazaTimelineZoom  zoom,
                                     const GDate       *anchor,
                                     GDate             *from,
                                     GDate             *to)
{
  *from = *anchor;
  switch (zoom)
    {
    case PLAZA_TIMELINE_ZOOM_WEEK:
      g_date_subtract_days (from, g_date_get_weekday (anchor) - G_DATE_MONDAY);
      *to = *from;
      g_date_add_days (to, 13);
      break;
    case PLAZA_TIMELINE_ZOOM_MONTH:
      g_date_set_day (from, 1);
      *to = *from;
      g_date_add_months (to, 1);
      g_date_subtract_days (to, 1);
      break;
    case PLAZA_TIMELINE_ZOOM_QUARTER:
    default:
      g_date_set_day (from, 1);
      g_date_set_month (from, (GDateMonth) ((g_date_get_month (anchor) - 1) / 3 * 3 + 1));
      *to = *from;
      g_date_add_months (to, 3);
      g_date_subtract_days (to, 1);
      break;
    }
}

void
plaza_promotion_timeline_zoom_step (PlazaTimelineZoom  zoom,
                                    GDate             *anchor,
                                    int                steps)
{
  int n = zoom == PLAZA_TIMELINE_ZOOM_WEEK ? 7 : zoom == PLAZA_TIMELINE_ZOOM_MONTH ? 1 : 3;

  if (zoom == PLAZA_TIMELINE_ZOOM_WEEK)
    {
      if (steps > 0)
        g_date_add_days (anchor, (guint) (n * steps));
      else
        g_date_subtract_days (anchor, (guint) (n * -steps));
      return;
    }
  g_date_set_day (anchor, 1);
  if (steps > 0)
    g_date_add_months (anchor, (guint) (n * steps));
  else
    g_date_subtract_months (anchor, (guint) (n * -steps));
}

void
plaza_promotion_timeline_set_range (PlazaPromotionTimeline *self,
                                    const GDate            *from,
                                    const GDate            *to)
{
  g_return_if_fail (PLAZA_IS_PROMOTION_TIMELINE (self));
  self->from = g_date_get_julian (from);
  self->to = MAX (g_date_get_julian (to), self->from);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
plaza_promotion_timeline_set_today (PlazaPromotionTimeline *self,
                                    const GDate            *today)
{
  g_return_if_fail (PLAZA_IS_PROMOTION_TIMELINE (self));
  self->today = today != NULL && g_date_valid (today) ? g_date_get_julian (today) : 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
plaza_promotion_timeline_set_spans (PlazaPromotionTimeline *self,
                                    GPtrArray              *spans)
{
  gint64 focus_id = 0;

  g_return_if_fail (PLAZA_IS_PROMOTION_TIMELINE (self));

  if (self->spans != NULL && self->focus >= 0 && (guint) self->focus < self->spans->len)
    focus_id = ((PlazaPromotionSpan *) g_ptr_array_index (self->spans, self->focus))->id;
  if (spans != NULL)
    g_ptr_array_ref (spans);
  g_clear_pointer (&self->spans, g_ptr_array_unref);
  self->spans = spans;
  self->hover = -1;
  self->focus = -1;
  self->drag_index = -1;
  self->pending_id = 0;
  /* the keyboard stays on the plan it was on */
  for (guint i = 0; focus_id > 0 && spans != NULL && i < spans->len; i++)
    if (((PlazaPromotionSpan *) g_ptr_array_index (spans, i))->id == focus_id)
      self->focus = (int) i;
  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

GPtrArray *
plaza_promotion_timeline_get_spans (PlazaPromotionTimeline *self)
{
  g_return_val_if_fail (PLAZA_IS_PROMOTION_TIMELINE (self), NULL);
  return self->spans;
}

gboolean
plaza_promotion_timeline_end_drag (PlazaPromotionTimeline *self,
                                   gint64                  id,
                                   PlazaTimelineDrag       mode,
                                   int                     days)
{
  const PlazaPromotionSpan *span = NULL;
  guint32 s, e;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  g_return_val_if_fail (PLAZA_IS_PROMOTION_TIMELINE (self), FALSE);

  for (guint i = 0; self->spans != NULL && i < self->spans->len; i++)
    if (((PlazaPromotionSpan *) g_ptr_array_index (self->spans, i))->id == id)
      span = g_ptr_array_index (self->spans, i);
  if (span == NULL || days == 0 || !plaza_promotion_state_movable (span->state))
    return FALSE;

  s = plaza_promotion_julian (span->start_date);
  e = plaza_promotion_julian (span->end_date);
  if (s == 0 || e == 0)
    return FALSE;
  if (mode == PLAZA_TIMELINE_DRAG_MOVE)
    {
      s += days;
      e += days;
    }
  else if (mode == PLAZA_TIMELINE_DRAG_START)
    s = MIN ((gint64) s + days, (gint64) e);
  else
    e = MAX ((gint64) e + days, (gint64) s);
  if (s == plaza_promotion_julian (span->start_date) && e == plaza_promotion_julian (span->end_date))
    return FALSE;

  self->pending_id = id;
  self->pending_start = s;
  self->pending_end = e;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  start = plaza_promotion_julian_format (s);
  end = plaza_promotion_julian_format (e);
  g_signal_emit (self, signals[MOVE_REQUESTED], 0, span->id, span->rev, start, end);
  return TRUE;
}
