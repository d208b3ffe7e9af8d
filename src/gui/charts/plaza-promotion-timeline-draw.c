/* plaza-promotion-timeline-draw.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How the promotions timeline is drawn: the date axis (months over days,
 * or over Mondays when days are narrow), weekends shaded, the rows with
 * their code, name and clash mark, the bars (the name inside when it fits,
 * beside the bar when not; a padlock on plans that do not move), the new
 * dates next to a bar being dragged, today's line and the legend. The
 * geometry comes from the helpers in plaza-promotion-timeline.c, which the
 * hit tests use too.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "plaza-promotion-timeline-private.h"

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
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
  double day_w = plaza_promotion_timeline_day_width (self, width);
  double x0 = PAD + plaza_promotion_timeline_label_width (width);
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
draw_content (PlazaPromotionTimeline *self,
              cairo_t                *cr,
              double                  width)
{
  const gboolean dark = is_dark ();
  const PlazaChartPalette *palette = plaza_chart_palette (dark);
  PlazaChartRgb clash = plaza_promotion_clash_colour (dark);
  PlazaChartText text;
  guint n = self->spans != NULL ? self->spans->len : 0;
  double lw = plaza_promotion_timeline_label_width (width);
  double bottom = HEADER_H + MAX (n, 1) * ROW_H;
  double day_w = plaza_promotion_timeline_day_width (self, width);
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

      if (!plaza_promotion_timeline_bar_rect (self, i, width, &bx, &by, &bw, &bh))
        continue;
      plaza_promotion_timeline_span_days (self, i, &s, &e);
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
        if (tw > room)
          {
            /* the name alone, without the length */
            g_free (label);
            label = g_strdup (span->name);
            tw = plaza_chart_text_width (&text, label, 0.92, FALSE);
          }
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

          double dx = bx + bw + 8;

          plaza_chart_text_set (&text, dates, 0.85, TRUE, -1, &tw, &th);
          if (dx + tw > width - PAD)
            dx = MAX (bx - 8 - tw, PAD + lw + 2);
          /* on a plate of the background, over whatever name is there */
          plaza_chart_set_rgb (cr, palette->background);
          cairo_rectangle (cr, dx - 4, by, tw + 8, bh);
          cairo_fill (cr);
          plaza_chart_set_rgb (cr, plaza_promotion_today_colour (dark));
          plaza_chart_text_show (&text, cr, dx, by + (bh - th) / 2);
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

  plaza_promotion_draw_legend (cr, &text, dark, PAD, bottom + 12, width - 2 * PAD);
  plaza_chart_text_clear (&text);
}

/* Two passes over the same drawing: the rows, scrolled and clipped below
 * the axis, then the axis itself, unscrolled and clipped above. */
void
plaza_promotion_timeline_draw (PlazaPromotionTimeline *self,
                               cairo_t                *cr,
                               double                  width,
                               double                  height)
{
  double scroll = plaza_promotion_timeline_scroll (self);

  cairo_save (cr);
  cairo_rectangle (cr, 0, HEADER_H, width, MAX (height - HEADER_H, 0));
  cairo_clip (cr);
  cairo_translate (cr, 0, -scroll);
  draw_content (self, cr, width);
  cairo_restore (cr);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, HEADER_H);
  cairo_clip (cr);
  draw_content (self, cr, width);
  cairo_restore (cr);
}
