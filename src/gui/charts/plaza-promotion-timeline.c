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

#include "plaza-promotion-style.h"
#include "plaza-promotion-timeline.h"

#define PAD 12.0
#define HEADER_H 54.0
#define ROW_H 34.0
#define LEGEND_H 36.0
#define EDGE 6.0

struct _PlazaPromotionTimeline
{
  GtkWidget          parent_instance;

  GPtrArray         *spans;        /* PlazaPromotionSpan */
  guint32            from, to;     /* julian, inclusive */
  guint32            today;

  int                hover;
  int                focus;

  /* a drag in progress */
  int                drag_index;   /* -1 when none */
  PlazaTimelineDrag  drag_mode;
  int                drag_days;

  /* a move sent and not yet reloaded: drawn where it was dropped */
  gint64             pending_id;
  guint32            pending_start, pending_end;
};

G_DEFINE_FINAL_TYPE (PlazaPromotionTimeline, plaza_promotion_timeline, GTK_TYPE_WIDGET)

enum
{
  ACTIVATED,
  MOVE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static double
label_width (double width)
{
  return CLAMP (width * 0.25, 150, 280);
}

static double
day_width (PlazaPromotionTimeline *self,
           double                  width)
{
  guint n = self->to >= self->from ? self->to - self->from + 1 : 1;

  return MAX (1, (width - 2 * PAD - label_width (width)) / n);
}

/* The dates a span is drawn with: moved by a drag, or where it was dropped. */
static void
span_days (PlazaPromotionTimeline   *self,
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

static gboolean
bar_rect (PlazaPromotionTimeline *self,
          guint                   index,
          double                  width,
          double                 *x,
          double                 *y,
          double                 *w,
          double                 *h)
{
  guint32 s, e;
  double day_w = day_width (self, width);
  double x0 = PAD + label_width (width);

  span_days (self, index, &s, &e);
  if (s == 0 || e < self->from || s > self->to)
    return FALSE;
  *x = x0 + ((gint64) MAX (s, self->from) - self->from) * day_w;
  *w = ((gint64) MIN (e, self->to) - MAX (s, self->from) + 1) * day_w;
  *y = HEADER_H + index * ROW_H + 6;
  *h = ROW_H - 12;
  return TRUE;
}

static void
month_title (guint32  julian,
             char   **out)
{
  GDate d;
  g_autoptr(GDateTime) dt = NULL;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, julian);
  dt = g_date_time_new_local (g_date_get_year (&d), g_date_get_month (&d), 1, 0, 0, 0);
  /* Translators: a strftime format for a month on the timeline's axis. */
  *out = g_date_time_format (dt, C_("calendar month", "%B %Y"));
}

static void
draw_axis (PlazaPromotionTimeline  *self,
           cairo_t                 *cr,
           PlazaChartText          *text,
           const PlazaChartPalette *palette,
           double                   width,
           double                   bottom)
{
  double day_w = day_width (self, width);
  double x0 = PAD + label_width (width);
  double tw, th;

  for (guint32 j = self->from; j <= self->to; j++)
    {
      GDate d;
      double x = x0 + (j - self->from) * day_w;
      GDateWeekday wd;
      guint day;

      g_date_clear (&d, 1);
      g_date_set_julian (&d, j);
      wd = g_date_get_weekday (&d);
      day = g_date_get_day (&d);

      if (wd >= G_DATE_SATURDAY && day_w >= 5)
        {
          plaza_chart_set_rgb (cr, plaza_chart_rgb_mix (palette->background, palette->grid, 0.45));
          cairo_rectangle (cr, x, HEADER_H - 22, day_w, bottom - HEADER_H + 22);
          cairo_fill (cr);
        }
      /* lines: month starts strong, Mondays, and days when there is room */
      if (day == 1 || j == self->from)
        {
          g_autofree char *title = NULL;
          double seg_end = x0 + (MIN (self->to + 1, j + g_date_get_days_in_month (g_date_get_month (&d), g_date_get_year (&d)) - day + 1) - self->from) * day_w;

          month_title (j, &title);
          plaza_chart_text_set (text, title, 0.95, TRUE, MAX (seg_end - x - 10, 1), &tw, &th);
          if (seg_end - x > 30)
            {
              plaza_chart_set_rgb (cr, palette->text);
              plaza_chart_text_show (text, cr, x + 6, 6);
            }
          plaza_chart_set_rgb (cr, palette->axis);
          cairo_set_line_width (cr, 1);
          cairo_move_to (cr, floor (x) + 0.5, 4);
          cairo_line_to (cr, floor (x) + 0.5, bottom);
          cairo_stroke (cr);
        }
      else if (wd == G_DATE_MONDAY || day_w >= 16)
        {
          plaza_chart_set_rgb (cr, wd == G_DATE_MONDAY ? palette->grid
                                   : plaza_chart_rgb_mix (palette->background, palette->grid, 0.5));
          cairo_set_line_width (cr, 1);
          cairo_move_to (cr, floor (x) + 0.5, HEADER_H - 22);
          cairo_line_to (cr, floor (x) + 0.5, bottom);
          cairo_stroke (cr);
        }
      /* day labels: every day when they fit, else Mondays */
      if (day_w >= 20 || (wd == G_DATE_MONDAY && day_w * 7 >= 24))
        {
          g_autofree char *label = NULL;

          if (day_w >= 44)
            {
              g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_get_year (&d), g_date_get_month (&d), day, 0, 0, 0);
              g_autofree char *wname = g_date_time_format (dt, "%a");

              label = g_strdup_printf ("%s %u", wname, day);
            }
          else
            label = g_strdup_printf ("%u", day);
          plaza_chart_text_set (text, label, 0.82, j == self->today, -1, &tw, &th);
          plaza_chart_set_rgb (cr, j == self->today ? plaza_promotion_today_colour (is_dark ())
                                   : wd >= G_DATE_SATURDAY ? palette->axis : palette->text_secondary);
          plaza_chart_text_show (text, cr, day_w >= 20 ? x + (day_w - tw) / 2 : x + 4, HEADER_H - 20);
        }
    }
  plaza_chart_set_rgb (cr, palette->axis);
  cairo_move_to (cr, PAD, HEADER_H - 0.5);
  cairo_line_to (cr, width - PAD, HEADER_H - 0.5);
  cairo_stroke (cr);
}

static void
draw_timeline (PlazaPromotionTimeline *self,
               cairo_t                *cr,
               double                  width,
               double                  height)
{
  const gboolean dark = is_dark ();
  const PlazaChartPalette *palette = plaza_chart_palette (dark);
  PlazaChartRgb clash = plaza_promotion_clash_colour (dark);
  PlazaChartText text;
  guint n = self->spans != NULL ? self->spans->len : 0;
  double lw = label_width (width);
  double bottom = HEADER_H + MAX (n, 1) * ROW_H;
  double day_w = day_width (self, width);
  double tw, th;

  plaza_promotion_text_init (&text);

  /* row bands */
  for (guint i = 0; i < n; i++)
    if (i % 2 == 1 || (int) i == self->focus)
      {
        plaza_chart_set_rgb (cr, (int) i == self->focus && gtk_widget_has_focus (GTK_WIDGET (self))
                                 ? plaza_chart_rgb_mix (palette->background, plaza_promotion_today_colour (dark), 0.10)
                                 : plaza_chart_rgb_mix (palette->background, palette->grid, 0.35));
        cairo_rectangle (cr, PAD, HEADER_H + i * ROW_H, width - 2 * PAD, ROW_H);
        cairo_fill (cr);
      }

  draw_axis (self, cr, &text, palette, width, bottom);

  if (n == 0)
    {
      plaza_chart_text_set (&text, _("No promotions in these dates."), 1.0, FALSE, -1, &tw, &th);
      plaza_chart_set_rgb (cr, palette->text_secondary);
      plaza_chart_text_show (&text, cr, PAD + lw + 12, HEADER_H + (ROW_H - th) / 2);
    }

  for (guint i = 0; i < n; i++)
    {
      const PlazaPromotionSpan *span = g_ptr_array_index (self->spans, i);
      double y = HEADER_H + i * ROW_H, x = PAD + 4, bx, by, bw, bh;
      guint32 s, e;

      /* the left column: clash mark, code, name */
      if (span->clash)
        plaza_promotion_draw_warning (cr, x, y + (ROW_H - 12) / 2, 12, clash);
      x += 18;
      plaza_chart_text_set (&text, span->code, 0.85, FALSE, -1, &tw, &th);
      plaza_chart_set_rgb (cr, palette->text_secondary);
      plaza_chart_text_show (&text, cr, x, y + (ROW_H - th) / 2);
      x += MAX (tw + 8, 84);
      plaza_chart_text_set (&text, span->name, 0.95, FALSE, MAX (PAD + lw - x - 8, 10), &tw, &th);
      plaza_chart_set_rgb (cr, g_str_equal (span->state, "cancelled") ? palette->text_secondary : palette->text);
      plaza_chart_text_show (&text, cr, x, y + (ROW_H - th) / 2);

      if (!bar_rect (self, i, width, &bx, &by, &bw, &bh))
        continue;
      span_days (self, i, &s, &e);
      {
        g_autofree char *label = NULL;
        guint days = e - s + 1;
        gboolean locked = !plaza_promotion_state_movable (span->state) && !g_str_equal (span->state, "cancelled");
        double room = bw - 16 - (span->clash ? 17 : 0) - (locked ? 16 : 0);
        double lx = bx + bw + 6;
        PlazaPromotionLook look;

        plaza_promotion_look (span->state, dark, &look);
        label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u day", "%s · %u days", days), span->name, days);
        tw = plaza_chart_text_width (&text, label, 0.92, FALSE);
        if (tw <= room)
          {
            plaza_promotion_draw_bar (cr, &text, span, dark, bx, by, bw, bh, s < self->from, e > self->to,
                                      (int) i == self->hover || (int) i == self->drag_index, label);
            if (locked)
              plaza_promotion_draw_lock (cr, bx + bw - 16, by + (bh - 10) / 2, 10, look.border);
          }
        else
          {
            /* too short for its name: the name goes after the bar, or before it at the right edge */
            plaza_promotion_draw_bar (cr, &text, span, dark, bx, by, bw, bh, s < self->from, e > self->to,
                                      (int) i == self->hover || (int) i == self->drag_index, NULL);
            plaza_chart_text_set (&text, span->name, 0.92, FALSE, -1, &tw, &th);
            if (lx + tw > width - PAD)
              lx = bx - 6 - tw;
            if (lx >= PAD + lw + 2)
              {
                plaza_chart_set_rgb (cr, look.struck ? palette->text_secondary : palette->text);
                plaza_chart_text_show (&text, cr, lx, by + (bh - th) / 2);
              }
          }
      }
      if ((int) i == self->drag_index && self->drag_days != 0)
        {
          /* the new dates beside the dragged bar */
          g_autofree char *a = plaza_promotion_julian_format (s);
          g_autofree char *b = plaza_promotion_julian_format (e);
          g_autofree char *dates = g_strdup_printf ("%s – %s", a, b);

          plaza_chart_text_set (&text, dates, 0.85, TRUE, -1, &tw, &th);
          plaza_chart_set_rgb (cr, palette->text);
          plaza_chart_text_show (&text, cr, MIN (bx + bw + 6, width - PAD - tw), by - th + 2);
        }
    }

  /* today */
  if (self->today >= self->from && self->today <= self->to)
    {
      double x = PAD + lw + (self->today - self->from + 0.5) * day_w;

      plaza_chart_set_rgb (cr, plaza_promotion_today_colour (dark));
      cairo_set_line_width (cr, 2);
      cairo_move_to (cr, x, HEADER_H - 4);
      cairo_line_to (cr, x, bottom);
      cairo_stroke (cr);
      cairo_move_to (cr, x - 5, HEADER_H - 8);
      cairo_line_to (cr, x + 5, HEADER_H - 8);
      cairo_line_to (cr, x, HEADER_H - 2);
      cairo_close_path (cr);
      cairo_fill (cr);
    }

  plaza_promotion_draw_legend (cr, &text, dark, PAD, MIN (bottom + 12, height - LEGEND_H + 8), width - 2 * PAD);
  plaza_chart_text_clear (&text);
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
  draw_timeline (self, cr, width, height);
  cairo_destroy (cr);
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
  guint n = self->spans != NULL ? self->spans->len : 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 520;
      *natural = 900;
    }
  else
    *minimum = *natural = (int) (HEADER_H + MAX (n, 1) * ROW_H + LEGEND_H + PAD);
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
  index = (int) ((y - HEADER_H) / ROW_H);
  if (index < 0 || (guint) index >= self->spans->len)
    return -1;
  if (bar_rect (self, (guint) index, width, &bx, &by, &bw, &bh) && x >= bx - 2 && x <= bx + bw + 2)
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
  return (int) lround (dx / day_width (self, gtk_widget_get_width (GTK_WIDGET (self))));
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
