/* plaza-promotion-calendar.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A month of promotions drawn with Cairo: a grid of weeks, Monday first,
 * each promotion a bar across the days it runs, stacked in lanes week by
 * week ("+N more" when a day is full), coloured by state, clashes with a
 * red edge and a warning mark, today's cell marked. Hovering shows the
 * plan in a tooltip; a click or Enter emits "activated" (id); a double
 * click on an empty part of a day emits "create" (the day, 'YYYY-MM-DD');
 * a day too full for its plans says "+N more", lists them in its tooltip
 * and on a click emits "show-day" (the page opens that week's timeline);
 * dragging across empty days emits "create-range" (first and last day).
 * The arrow keys walk the promotions. The page owns the month buttons.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "plaza-date.h"
#include "plaza-promotion-calendar.h"
#include "plaza-promotion-style.h"

typedef struct
{
  double  x, y, w, h;
  guint   span;
  guint32 more_day;   /* a "+N more" line: its day (julian); 0 for a bar */
} Box;

struct _PlazaPromotionCalendar
{
  GtkWidget  parent_instance;

  GPtrArray *spans;      /* PlazaPromotionSpan */
  int        year, month;
  guint32    today;      /* julian; 0 for none */

  /* from the last drawing */
  GArray    *boxes;      /* Box */
  double     grid_x, grid_y, cell_w, cell_h;
  guint      n_weeks;

  int        hover;      /* span index, -1 */
  int        focus;      /* span index, -1 */

  /* days being dragged over to make a new plan (julian; 0 when none) */
  guint32    select_from, select_to;
  double     select_x, select_y;
};

G_DEFINE_FINAL_TYPE (PlazaPromotionCalendar, plaza_promotion_calendar, GTK_TYPE_WIDGET)

enum
{
  ACTIVATED,
  CREATE,
  SHOW_DAY,
  CREATE_RANGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static guint32
grid_first (PlazaPromotionCalendar *self)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, 1, (GDateMonth) self->month, (GDateYear) self->year);
  return g_date_get_julian (&d) - (g_date_get_weekday (&d) - G_DATE_MONDAY);
}

static guint
weeks_in_grid (PlazaPromotionCalendar *self)
{
  GDate d;
  guint32 first = grid_first (self);
  guint32 last;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, g_date_get_days_in_month ((GDateMonth) self->month, (GDateYear) self->year),
                  (GDateMonth) self->month, (GDateYear) self->year);
  last = g_date_get_julian (&d);
  return (last - first) / 7 + 1;
}

static gboolean
julian_in_month (PlazaPromotionCalendar *self,
                 guint32                 julian,
                 guint                  *day)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, julian);
  if (day != NULL)
    *day = g_date_get_day (&d);
  return g_date_get_month (&d) == (GDateMonth) self->month && g_date_get_year (&d) == (GDateYear) self->year;
}

static void
draw_calendar (PlazaPromotionCalendar *self,
               cairo_t                *cr,
               double                  width,
               double                  height)
{
  const gboolean dark = is_dark ();
  const PlazaChartPalette *palette = plaza_chart_palette (dark);
  PlazaChartRgb today_colour = plaza_promotion_today_colour (dark);
  PlazaChartText text;
  guint32 first = grid_first (self);
  double pad = 12, head_h, day_h, lane_h, legend_h, tw, th;
  guint n_weeks = weeks_in_grid (self);
  guint visible_lanes;

  g_array_set_size (self->boxes, 0);
  plaza_promotion_text_init (&text);

  legend_h = plaza_chart_text_height (&text, 0.88) + 14;
  head_h = plaza_chart_text_height (&text, 0.9) + 12;
  day_h = plaza_chart_text_height (&text, 0.92) + 8;
  lane_h = MAX (plaza_chart_text_height (&text, 0.92) + 7, 20);

  self->grid_x = pad;
  self->grid_y = pad + head_h;
  self->cell_w = (width - 2 * pad) / 7.0;
  self->cell_h = MAX ((height - self->grid_y - pad - legend_h) / n_weeks, day_h + lane_h);
  self->n_weeks = n_weeks;
  visible_lanes = (guint) MAX (1, floor ((self->cell_h - day_h - 4) / (lane_h + 3)));

  /* weekday names, Monday first */
  for (guint c = 0; c < 7; c++)
    {
      g_autoptr(GDateTime) monday = g_date_time_new_local (2024, 1, 1 + (int) c, 0, 0, 0);
      g_autofree char *name = g_date_time_format (monday, "%a");

      plaza_chart_text_set (&text, name, 0.9, TRUE, self->cell_w - 12, &tw, &th);
      plaza_chart_set_rgb (cr, c >= 5 ? palette->text_secondary : palette->text);
      plaza_chart_text_show (&text, cr, self->grid_x + c * self->cell_w + 8, pad + (head_h - th) / 2 - 2);
    }

  /* cells */
  for (guint w = 0; w < n_weeks; w++)
    for (guint c = 0; c < 7; c++)
      {
        guint32 julian = first + w * 7 + c;
        double x = self->grid_x + c * self->cell_w, y = self->grid_y + w * self->cell_h;
        guint day;
        gboolean in_month = julian_in_month (self, julian, &day);
        g_autofree char *number = g_strdup_printf ("%u", day);

        if (!in_month)
          {
            plaza_chart_set_rgb (cr, plaza_chart_rgb_mix (palette->background, palette->grid, 0.45));
            cairo_rectangle (cr, x, y, self->cell_w, self->cell_h);
            cairo_fill (cr);
          }
        else if (c >= 5)
          {
            plaza_chart_set_rgb (cr, plaza_chart_rgb_mix (palette->background, palette->grid, 0.22));
            cairo_rectangle (cr, x, y, self->cell_w, self->cell_h);
            cairo_fill (cr);
          }
        if (julian == self->today)
          {
            plaza_chart_set_rgb (cr, plaza_chart_rgb_mix (palette->background, today_colour, dark ? 0.16 : 0.07));
            cairo_rectangle (cr, x, y, self->cell_w, self->cell_h);
            cairo_fill (cr);
          }
        plaza_chart_text_set (&text, number, 0.92, julian == self->today, -1, &tw, &th);
        if (julian == self->today)
          {
            double r = MAX (tw, th) / 2 + 3;

            plaza_chart_set_rgb (cr, today_colour);
            cairo_arc (cr, x + 8 + tw / 2, y + 4 + th / 2, r, 0, 2 * G_PI);
            cairo_fill (cr);
            /* white on the light theme's blue, the dark background on the dark theme's paler blue */
            if (dark)
              plaza_chart_set_rgb (cr, palette->background);
            else
              cairo_set_source_rgb (cr, 1, 1, 1);
          }
        else
          plaza_chart_set_rgb (cr, in_month ? palette->text : palette->axis);
        plaza_chart_text_show (&text, cr, x + 8, y + 4);
      }

  /* the days being dragged over for a new plan */
  if (self->select_from > 0 && self->select_to != self->select_from)
    {
      guint32 a = MIN (self->select_from, self->select_to), b = MAX (self->select_from, self->select_to);

      plaza_chart_set_rgb (cr, plaza_chart_rgb_mix (palette->background, today_colour, dark ? 0.30 : 0.16));
      for (guint32 j = a; j <= b; j++)
        if (j >= first && j < first + n_weeks * 7)
          {
            cairo_rectangle (cr, self->grid_x + ((j - first) % 7) * self->cell_w,
                             self->grid_y + ((j - first) / 7) * self->cell_h, self->cell_w, self->cell_h);
            cairo_fill (cr);
          }
    }

  /* grid lines */
  plaza_chart_set_rgb (cr, palette->grid);
  cairo_set_line_width (cr, 1);
  for (guint w = 0; w <= n_weeks; w++)
    {
      cairo_move_to (cr, self->grid_x, floor (self->grid_y + w * self->cell_h) + 0.5);
      cairo_line_to (cr, self->grid_x + 7 * self->cell_w, floor (self->grid_y + w * self->cell_h) + 0.5);
    }
  for (guint c = 0; c <= 7; c++)
    {
      cairo_move_to (cr, floor (self->grid_x + c * self->cell_w) + 0.5, self->grid_y);
      cairo_line_to (cr, floor (self->grid_x + c * self->cell_w) + 0.5, self->grid_y + n_weeks * self->cell_h);
    }
  cairo_stroke (cr);

  /* bars, week by week */
  for (guint w = 0; w < n_weeks && self->spans != NULL; w++)
    {
      guint32 ws = first + w * 7, we = ws + 6;
      int lane_end[64];
      guint hidden[7] = { 0 };
      guint n_lanes = 0;
      GArray *segs = g_array_new (FALSE, FALSE, sizeof (int) * 4);  /* span, c0, c1, lane */

      for (guint i = 0; i < self->spans->len; i++)
        {
          const PlazaPromotionSpan *span = g_ptr_array_index (self->spans, i);
          guint32 s = plaza_promotion_julian (span->start_date), e = plaza_promotion_julian (span->end_date);
          int seg[4];
          guint lane;

          if (s == 0 || e < ws || s > we)
            continue;
          seg[0] = (int) i;
          seg[1] = (int) (MAX (s, ws) - ws);
          seg[2] = (int) (MIN (e, we) - ws);
          for (lane = 0; lane < n_lanes && lane_end[lane] >= seg[1]; lane++)
            ;
          if (lane >= G_N_ELEMENTS (lane_end))
            lane = G_N_ELEMENTS (lane_end) - 1;
          if (lane == n_lanes)
            n_lanes++;
          lane_end[lane] = seg[2];
          seg[3] = (int) lane;
          g_array_append_vals (segs, seg, 1);
        }

      for (guint k = 0; k < segs->len; k++)
        {
          const int *seg = &g_array_index (segs, int, k * 4);
          const PlazaPromotionSpan *span = g_ptr_array_index (self->spans, seg[0]);
          guint32 s = plaza_promotion_julian (span->start_date), e = plaza_promotion_julian (span->end_date);
          gboolean shown = TRUE;
          Box box;

          /* a lane fits if every day it covers shows all its promotions, or it is above the "+N" line */
          if ((guint) seg[3] >= visible_lanes)
            shown = FALSE;
          else if ((guint) seg[3] == visible_lanes - 1)
            for (guint k2 = 0; k2 < segs->len; k2++)
              {
                const int *other = &g_array_index (segs, int, k2 * 4);

                if ((guint) other[3] >= visible_lanes && other[1] <= seg[2] && other[2] >= seg[1])
                  shown = FALSE;
              }
          if (!shown)
            {
              for (int c = seg[1]; c <= seg[2]; c++)
                hidden[c]++;
              continue;
            }
          box.x = self->grid_x + seg[1] * self->cell_w + 3;
          box.w = (seg[2] - seg[1] + 1) * self->cell_w - 6;
          box.y = self->grid_y + w * self->cell_h + day_h + seg[3] * (lane_h + 3);
          box.h = lane_h;
          box.span = (guint) seg[0];
          box.more_day = 0;
          if (s < ws)
            {
              box.x -= 3;
              box.w += 3;
            }
          if (e > we)
            box.w += 3;
          g_array_append_val (self->boxes, box);
          {
            /* the label: name on the first day shown; the code too when it is the start */
            g_autofree char *label = g_strdup_printf ("%s%s%s", s >= ws ? span->code : "", s >= ws ? " " : "",
                                                      span->name);

            plaza_promotion_draw_bar (cr, &text, span, dark, box.x, box.y, box.w, box.h, s < ws, e > we,
                                      (int) seg[0] == self->hover || (int) seg[0] == self->focus, label);
          }
        }

      for (guint c = 0; c < 7; c++)
        if (hidden[c] > 0)
          {
            /* Translators: shown in a calendar day that has more promotions than fit. */
            g_autofree char *more = g_strdup_printf (_("+%u more"), hidden[c]);

            Box box;

            plaza_chart_text_set (&text, more, 0.85, TRUE, self->cell_w - 12, &tw, &th);
            plaza_chart_set_rgb (cr, palette->text_secondary);
            box.x = self->grid_x + c * self->cell_w + 3;
            box.y = self->grid_y + w * self->cell_h + day_h + (visible_lanes - 1) * (lane_h + 3);
            box.w = self->cell_w - 6;
            box.h = lane_h;
            box.span = 0;
            box.more_day = ws + c;
            g_array_append_val (self->boxes, box);
            plaza_chart_text_show (&text, cr, box.x + 5, box.y + (lane_h - th) / 2);
          }
      g_array_unref (segs);
    }

  plaza_promotion_draw_legend (cr, &text, dark, pad, self->grid_y + n_weeks * self->cell_h + 10, width - 2 * pad);
  plaza_chart_text_clear (&text);
}

static void
plaza_promotion_calendar_snapshot (GtkWidget   *widget,
                                   GtkSnapshot *snapshot)
{
  PlazaPromotionCalendar *self = PLAZA_PROMOTION_CALENDAR (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width < 1 || height < 1 || self->year == 0)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw_calendar (self, cr, width, height);
  cairo_destroy (cr);
}

static int
span_at (PlazaPromotionCalendar *self,
         double                  x,
         double                  y)
{
  for (guint i = 0; i < self->boxes->len; i++)
    {
      const Box *b = &g_array_index (self->boxes, Box, i);

      if (b->more_day == 0 && x >= b->x && x < b->x + b->w && y >= b->y && y < b->y + b->h)
        return (int) b->span;
    }
  return -1;
}

/* The day of the "+N more" line under @x, @y, or 0. */
static guint32
more_at (PlazaPromotionCalendar *self,
         double                  x,
         double                  y)
{
  for (guint i = 0; i < self->boxes->len; i++)
    {
      const Box *b = &g_array_index (self->boxes, Box, i);

      if (b->more_day > 0 && x >= b->x && x < b->x + b->w && y >= b->y && y < b->y + b->h)
        return b->more_day;
    }
  return 0;
}

static guint32
day_at (PlazaPromotionCalendar *self,
        double                  x,
        double                  y)
{
  int c, w;

  if (self->cell_w <= 0 || x < self->grid_x || y < self->grid_y)
    return 0;
  c = (int) ((x - self->grid_x) / self->cell_w);
  w = (int) ((y - self->grid_y) / self->cell_h);
  if (c < 0 || c > 6 || w < 0 || (guint) w >= self->n_weeks)
    return 0;
  return grid_first (self) + (guint32) (w * 7 + c);
}

static void
set_hover (PlazaPromotionCalendar *self,
           int                     hover)
{
  if (self->hover == hover)
    return;
  self->hover = hover;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), hover >= 0 ? "pointer" : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
motion_cb (GtkEventControllerMotion *controller G_GNUC_UNUSED,
           double                    x,
           double                    y,
           PlazaPromotionCalendar   *self)
{
  set_hover (self, span_at (self, x, y));
}

static void
leave_cb (GtkEventControllerMotion *controller G_GNUC_UNUSED,
          PlazaPromotionCalendar   *self)
{
  set_hover (self, -1);
}

static void
activate_span (PlazaPromotionCalendar *self,
               int                     index)
{
  const PlazaPromotionSpan *span = g_ptr_array_index (self->spans, index);

  g_signal_emit (self, signals[ACTIVATED], 0, span->id);
}

static void
pressed_cb (GtkGestureClick        *gesture G_GNUC_UNUSED,
            int                     n_press,
            double                  x,
            double                  y,
            PlazaPromotionCalendar *self)
{
  int index = span_at (self, x, y);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (index < 0 && n_press == 1 && more_at (self, x, y) > 0)
    {
      g_autofree char *date = plaza_promotion_julian_format (more_at (self, x, y));

      g_signal_emit (self, signals[SHOW_DAY], 0, date);
      return;
    }
  if (index >= 0)
    {
      if (n_press == 1)
        {
          self->focus = index;
          activate_span (self, index);
        }
      return;
    }
  if (n_press == 2)
    {
      guint32 day = day_at (self, x, y);

      if (day > 0)
        {
          g_autofree char *date = plaza_promotion_julian_format (day);

          g_signal_emit (self, signals[CREATE], 0, date);
        }
    }
}

/* Dragging over empty days selects them for a new plan. */
static void
drag_begin_cb (GtkGestureDrag         *gesture,
               double                  x,
               double                  y,
               PlazaPromotionCalendar *self)
{
  guint32 day = day_at (self, x, y);

  if (day == 0 || span_at (self, x, y) >= 0 || more_at (self, x, y) > 0)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  self->select_from = self->select_to = day;
  self->select_x = x;
  self->select_y = y;
}

static void
drag_update_cb (GtkGestureDrag         *gesture G_GNUC_UNUSED,
                double                  dx,
                double                  dy,
                PlazaPromotionCalendar *self)
{
  guint32 day;

  if (self->select_from == 0)
    return;
  day = day_at (self, self->select_x + dx, self->select_y + dy);
  if (day > 0 && day != self->select_to)
    {
      self->select_to = day;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
drag_end_cb (GtkGestureDrag         *gesture G_GNUC_UNUSED,
             double                  dx G_GNUC_UNUSED,
             double                  dy G_GNUC_UNUSED,
             PlazaPromotionCalendar *self)
{
  guint32 a = MIN (self->select_from, self->select_to), b = MAX (self->select_from, self->select_to);

  self->select_from = self->select_to = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (a > 0 && b != a)
    {
      g_autofree char *start = plaza_promotion_julian_format (a);
      g_autofree char *end = plaza_promotion_julian_format (b);

      g_signal_emit (self, signals[CREATE_RANGE], 0, start, end);
    }
}

static gboolean
query_tooltip_cb (GtkWidget              *widget G_GNUC_UNUSED,
                  int                     x,
                  int                     y,
                  gboolean                keyboard,
                  GtkTooltip             *tooltip,
                  PlazaPromotionCalendar *self)
{
  int index = keyboard ? self->focus : span_at (self, x, y);
  guint32 more = keyboard ? 0 : more_at (self, x, y);
  g_autofree char *markup = NULL;

  if (more > 0 && self->spans != NULL)
    {
      /* every plan of that day, then what a click does */
      GString *list = g_string_new (NULL);

      for (guint i = 0; i < self->spans->len; i++)
        {
          const PlazaPromotionSpan *span = g_ptr_array_index (self->spans, i);
          g_autofree char *line = NULL;

          if (plaza_promotion_julian (span->start_date) > more || plaza_promotion_julian (span->end_date) < more)
            continue;
          line = g_markup_printf_escaped ("%s%s  %s · %s", span->clash ? "⚠ " : "", span->code, span->name,
                                          plaza_promotion_state_label (span->state));
          g_string_append_printf (list, "%s\n", line);
        }
      g_string_append (list, _("Click to see the week on the timeline."));
      gtk_tooltip_set_markup (tooltip, list->str);
      g_string_free (list, TRUE);
      return TRUE;
    }
  if (index < 0 || self->spans == NULL || (guint) index >= self->spans->len)
    return FALSE;
  markup = plaza_promotion_span_tooltip (g_ptr_array_index (self->spans, index));
  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}

static gboolean
key_pressed_cb (GtkEventControllerKey  *controller G_GNUC_UNUSED,
                guint                   keyval,
                guint                   keycode G_GNUC_UNUSED,
                GdkModifierType         state G_GNUC_UNUSED,
                PlazaPromotionCalendar *self)
{
  int n = self->spans != NULL ? (int) self->spans->len : 0;
  int delta = 0;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_Up:
      delta = -1;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_Down:
      delta = 1;
      break;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      if (self->focus < 0 || self->focus >= n)
        return FALSE;
      activate_span (self, self->focus);
      return TRUE;
    default:
      return FALSE;
    }
  if (n == 0)
    return FALSE;
  self->focus = self->focus < 0 ? (delta > 0 ? 0 : n - 1) : CLAMP (self->focus + delta, 0, n - 1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
  return TRUE;
}

static void
dark_changed_cb (PlazaPromotionCalendar *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
update_accessible (PlazaPromotionCalendar *self)
{
  g_autofree char *description = plaza_promotion_spans_describe (self->spans);
  g_autofree char *label = NULL;

  if (self->year > 0)
    {
      g_autoptr(GDateTime) month = g_date_time_new_local (self->year, self->month, 1, 0, 0, 0);
      /* Translators: a strftime format for the calendar's accessible name. */
      g_autofree char *title = g_date_time_format (month, C_("calendar month", "%B %Y"));

      /* Translators: %s is the month. */
      label = g_strdup_printf (_("Promotions calendar, %s"), title);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label != NULL ? label : _("Promotions calendar"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
plaza_promotion_calendar_dispose (GObject *object)
{
  PlazaPromotionCalendar *self = PLAZA_PROMOTION_CALENDAR (object);

  g_clear_pointer (&self->spans, g_ptr_array_unref);
  g_clear_pointer (&self->boxes, g_array_unref);
  G_OBJECT_CLASS (plaza_promotion_calendar_parent_class)->dispose (object);
}

static void
plaza_promotion_calendar_class_init (PlazaPromotionCalendarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plaza_promotion_calendar_dispose;
  widget_class->snapshot = plaza_promotion_calendar_snapshot;

  /* The id of the promotion clicked or chosen with Enter. */
  signals[ACTIVATED] = g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /* A double click on an empty part of a day: 'YYYY-MM-DD'. */
  signals[CREATE] = g_signal_new ("create", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* A click on a day's "+N more": 'YYYY-MM-DD' (the page shows that week). */
  signals[SHOW_DAY] = g_signal_new ("show-day", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* Days dragged over from an empty part of a day: the first and last
   * ('YYYY-MM-DD'), for a new plan with those dates. */
  signals[CREATE_RANGE] = g_signal_new ("create-range", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_css_name (widget_class, "promotion-calendar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
plaza_promotion_calendar_init (PlazaPromotionCalendar *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *drag = gtk_gesture_drag_new ();

  self->boxes = g_array_new (FALSE, FALSE, sizeof (Box));
  self->hover = -1;
  self->focus = -1;

  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
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
  gtk_widget_set_size_request (GTK_WIDGET (self), 480, 360);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
  update_accessible (self);
}

GtkWidget *
plaza_promotion_calendar_new (void)
{
  return g_object_new (PLAZA_TYPE_PROMOTION_CALENDAR, NULL);
}

void
plaza_promotion_calendar_set_month (PlazaPromotionCalendar *self,
                                    int                     year,
                                    int                     month)
{
  g_return_if_fail (PLAZA_IS_PROMOTION_CALENDAR (self));
  g_return_if_fail (month >= 1 && month <= 12 && year > 0);

  self->year = year;
  self->month = month;
  self->hover = -1;
  self->focus = -1;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
plaza_promotion_calendar_get_grid (PlazaPromotionCalendar *self,
                                   GDate                  *first,
                                   GDate                  *last)
{
  guint32 j = grid_first (self);

  g_return_if_fail (PLAZA_IS_PROMOTION_CALENDAR (self));
  g_date_clear (first, 1);
  g_date_set_julian (first, j);
  g_date_clear (last, 1);
  g_date_set_julian (last, j + weeks_in_grid (self) * 7 - 1);
}

void
plaza_promotion_calendar_set_today (PlazaPromotionCalendar *self,
                                    const GDate            *today)
{
  g_return_if_fail (PLAZA_IS_PROMOTION_CALENDAR (self));
  self->today = today != NULL && g_date_valid (today) ? g_date_get_julian (today) : 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
plaza_promotion_calendar_set_spans (PlazaPromotionCalendar *self,
                                    GPtrArray              *spans)
{
  g_return_if_fail (PLAZA_IS_PROMOTION_CALENDAR (self));

  if (spans != NULL)
    g_ptr_array_ref (spans);
  g_clear_pointer (&self->spans, g_ptr_array_unref);
  self->spans = spans;
  self->hover = -1;
  self->focus = -1;
  g_array_set_size (self->boxes, 0);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

GPtrArray *
plaza_promotion_calendar_get_spans (PlazaPromotionCalendar *self)
{
  g_return_val_if_fail (PLAZA_IS_PROMOTION_CALENDAR (self), NULL);
  return self->spans;
}

GPtrArray *
plaza_promotion_calendar_get_month_spans (PlazaPromotionCalendar *self)
{
  GPtrArray *out = g_ptr_array_new ();
  GDate d;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (PLAZA_IS_PROMOTION_CALENDAR (self), out);
  if (self->spans == NULL || self->year == 0)
    return out;
  g_date_clear (&d, 1);
  g_date_set_dmy (&d, 1, (GDateMonth) self->month, (GDateYear) self->year);
  from = plaza_date_format (&d);
  g_date_set_day (&d, g_date_get_days_in_month ((GDateMonth) self->month, (GDateYear) self->year));
  to = plaza_date_format (&d);
  for (guint i = 0; i < self->spans->len; i++)
    {
      PlazaPromotionSpan *span = g_ptr_array_index (self->spans, i);

      if (g_strcmp0 (span->start_date, to) <= 0 && g_strcmp0 (span->end_date, from) >= 0)
        g_ptr_array_add (out, span);
    }
  return out;
}
