/* plaza-chart-draw.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Paints a chart's layout (plaza-chart-layout.c) on any cairo_t: the
 * background, title and subtitle, legend, thin grid lines with round tick
 * labels, category labels, bars (side by side, stacked or horizontal with
 * their values at the ends), lines with points (missing values break the
 * line), the donut with percentages and its total in the centre, and
 * reference lines with their labels. The stacking plan is painted by
 * plaza-chart-plan.c.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "plaza-chart-private.h"

static double
snap (double v)
{
  return floor (v) + 0.5;
}

static double
luminance (PlazaChartRgb c)
{
  return 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b;
}

static gboolean
is_highlighted (const PlazaChartHit *highlight,
                const PlazaChartHit *hit)
{
  return highlight != NULL && highlight->series == hit->series && highlight->category == hit->category
         && highlight->row == hit->row && highlight->block == hit->block;
}

void
plaza_chart_draw_header (PlazaChart              *chart,
                         const PlazaChartLayout  *layout,
                         PlazaChartText          *text,
                         cairo_t                 *cr,
                         const PlazaChartPalette *palette)
{
  if (*chart->title != '\0')
    {
      plaza_chart_set_rgb (cr, palette->text);
      plaza_chart_text_set (text, chart->title, 1.3, TRUE, layout->width - 2 * layout->pad, NULL, NULL);
      plaza_chart_text_show (text, cr, layout->pad, layout->title_y);
    }
  if (chart->subtitle != NULL && *chart->subtitle != '\0')
    {
      plaza_chart_set_rgb (cr, palette->text_secondary);
      plaza_chart_text_set (text, chart->subtitle, 0.95, FALSE, layout->width - 2 * layout->pad, NULL, NULL);
      plaza_chart_text_show (text, cr, layout->pad, layout->subtitle_y);
    }
}

static void
legend_swatch (PlazaChart                  *chart,
               const PlazaChartLayout      *layout,
               cairo_t                     *cr,
               const PlazaChartPalette     *palette,
               const PlazaChartLegendEntry *e,
               double                       y)
{
  double s = MIN (layout->swatch, layout->font_px * 0.85);
  PlazaChartRgb colour;

  if (e->series >= 0)
    {
      PlazaChartSeries *series = plaza_chart_get_series_struct (chart, e->series);

      colour = plaza_chart_series_colour (chart, palette, e->series);
      plaza_chart_set_rgb (cr, colour);
      if (chart->kind == PLAZA_CHART_LINE)
        {
          double lw = MAX (2.0, layout->font_px / 5.0);
          double dashes[] = { lw * 2, lw * 1.5 };

          cairo_set_line_width (cr, lw);
          if (series->style != PLAZA_CHART_SERIES_NORMAL)
            cairo_set_dash (cr, dashes, 2, 0);
          cairo_move_to (cr, e->x, y);
          cairo_line_to (cr, e->x + layout->swatch, y);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
          return;
        }
      if (series->style == PLAZA_CHART_SERIES_TARGET)
        {
          double dashes[] = { 2.0, 2.0 };

          cairo_set_line_width (cr, 1.5);
          cairo_set_dash (cr, dashes, 2, 0);
          cairo_rectangle (cr, e->x + 0.75, y - s / 2 + 0.75, s - 1.5, s - 1.5);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
          return;
        }
    }
  else if (e->category >= 0)
    colour = plaza_chart_category_colour (palette, e->category);
  else if (e->band >= 0)
    colour = plaza_chart_band_colour (chart, palette, e->band);
  else
    return;

  plaza_chart_set_rgb (cr, colour);
  cairo_rectangle (cr, e->x, y - s / 2, s, s);
  cairo_fill (cr);
  if (e->band >= 0 && ((PlazaChartBand *) g_ptr_array_index (chart->bands, e->band))->vacant)
    {
      PlazaChartRect r = { e->x, y - s / 2, s, s };

      plaza_chart_set_rgb (cr, palette->vacant_hatch);
      plaza_chart_hatch (cr, &r, 3.5);
    }
}

void
plaza_chart_draw_legend (PlazaChart              *chart,
                         const PlazaChartLayout  *layout,
                         PlazaChartText          *text,
                         cairo_t                 *cr,
                         const PlazaChartPalette *palette)
{
  double line_h = plaza_chart_text_height (text, 0.92);
  double baseline = plaza_chart_text_baseline (text, 0.92);
  double gap = layout->font_px * 0.45;
  guint i;

  for (i = 0; i < layout->legend->len; i++)
    {
      const PlazaChartLegendEntry *e = g_ptr_array_index (layout->legend, i);
      gboolean more = e->series < 0 && e->category < 0 && e->band < 0;
      double w;

      legend_swatch (chart, layout, cr, palette, e, e->y + line_h / 2);
      plaza_chart_set_rgb (cr, more ? palette->text_secondary : palette->text);
      plaza_chart_text_set (text, e->text, 0.92, FALSE, MAX (e->text_width + 1, 1), NULL, NULL);
      plaza_chart_text_show_on (text, cr, more ? e->x : e->x + layout->swatch + gap, e->y, baseline);
      if (e->value != NULL)
        {
          plaza_chart_set_rgb (cr, palette->text_secondary);
          plaza_chart_text_set (text, e->value, 0.92, FALSE, -1, &w, NULL);
          plaza_chart_text_show_on (text, cr, e->value_right - w, e->y, baseline);
        }
    }
}

static void
draw_labels (const PlazaChartLayout  *layout,
             PlazaChartText          *text,
             cairo_t                 *cr,
             PlazaChartRgb            colour,
             double                   scale)
{
  double baseline = plaza_chart_text_baseline (text, scale);
  guint i;

  plaza_chart_set_rgb (cr, colour);
  for (i = 0; i < layout->labels->len; i++)
    {
      const PlazaChartLabel *l = g_ptr_array_index (layout->labels, i);
      double w, h;

      plaza_chart_text_set (text, l->text, scale, FALSE, MAX (l->max_width - layout->font_px * 0.3, 1), &w, &h);
      if (l->rotated)
        {
          cairo_save (cr);
          cairo_translate (cr, l->x, l->y);
          cairo_rotate (cr, -G_PI / 4);
          plaza_chart_text_show (text, cr, -w, -h / 2);
          cairo_restore (cr);
        }
      else if (l->right_aligned)
        plaza_chart_text_show_on (text, cr, l->x - w, l->y, baseline);
      else
        plaza_chart_text_show_on (text, cr, l->x - w / 2, l->y, baseline);
    }
}

/* Grid lines and tick labels along the value axis. */
static void
draw_value_axis (PlazaChart              *chart,
                 const PlazaChartLayout  *layout,
                 PlazaChartText          *text,
                 cairo_t                 *cr,
                 const PlazaChartPalette *palette)
{
  const PlazaChartRect *p = &layout->plot;
  double f = layout->font_px;
  guint i;

  cairo_set_line_width (cr, 1.0);
  for (i = 0; i < layout->ticks->len; i++)
    {
      gint64 t = g_array_index (layout->ticks, gint64, i);
      double pos = snap (plaza_chart_layout_value_pos (layout, t));
      g_autofree char *label = plaza_chart_format_tick (chart->unit, t, layout->step);
      double w, h;

      plaza_chart_set_rgb (cr, t == 0 ? palette->axis : palette->grid);
      if (layout->horizontal)
        {
          cairo_move_to (cr, pos, p->y);
          cairo_line_to (cr, pos, p->y + p->h);
        }
      else
        {
          cairo_move_to (cr, p->x, pos);
          cairo_line_to (cr, p->x + p->w, pos);
        }
      cairo_stroke (cr);

      plaza_chart_set_rgb (cr, palette->text_secondary);
      plaza_chart_text_set (text, label, 0.9, FALSE, -1, &w, &h);
      if (layout->horizontal)
        plaza_chart_text_show (text, cr, CLAMP (pos - w / 2, 0, layout->width - w), p->y + p->h + f * 0.45);
      else
        plaza_chart_text_show (text, cr, p->x - f * 0.6 - w, pos - h / 2);
    }
}

static void
draw_references (PlazaChart              *chart,
                 const PlazaChartLayout  *layout,
                 PlazaChartText          *text,
                 cairo_t                 *cr,
                 const PlazaChartPalette *palette)
{
  const PlazaChartRect *p = &layout->plot;
  double dashes[] = { 6.0, 4.0 };
  guint i;

  for (i = 0; i < chart->references->len; i++)
    {
      const PlazaChartReference *r = &g_array_index (chart->references, PlazaChartReference, i);
      double pos = snap (plaza_chart_layout_value_pos (layout, r->value));
      g_autofree char *label = plaza_chart_reference_text (chart, i);
      double w, h;

      plaza_chart_set_rgb (cr, palette->reference);
      cairo_set_line_width (cr, 1.3);
      cairo_set_dash (cr, dashes, 2, 0);
      if (layout->horizontal)
        {
          cairo_move_to (cr, pos, p->y);
          cairo_line_to (cr, pos, p->y + p->h);
        }
      else
        {
          cairo_move_to (cr, p->x, pos);
          cairo_line_to (cr, p->x + p->w, pos);
        }
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      plaza_chart_text_set (text, label, 0.85, TRUE, -1, &w, &h);
      if (layout->horizontal)
        {
          double x = MIN (pos + 4, layout->width - w - 2);

          plaza_chart_set_rgb (cr, palette->background);
          cairo_rectangle (cr, x - 2, p->y - h - 2, w + 4, h);
          cairo_fill (cr);
          plaza_chart_set_rgb (cr, palette->reference);
          plaza_chart_text_show (text, cr, x, p->y - h - 2);
        }
      else
        {
          /* in the margin right of the plot */
          plaza_chart_set_rgb (cr, palette->reference);
          plaza_chart_text_show (text, cr, p->x + p->w + layout->font_px * 0.4, pos - h / 2);
        }
    }
}

static void
draw_rects (PlazaChart              *chart,
            const PlazaChartLayout  *layout,
            cairo_t                 *cr,
            const PlazaChartPalette *palette,
            const PlazaChartHit     *highlight)
{
  guint i;

  for (i = 0; i < layout->items->len; i++)
    {
      const PlazaChartItem *item = &g_array_index (layout->items, PlazaChartItem, i);
      const PlazaChartRect *r = &item->rect;
      PlazaChartSeries *s = plaza_chart_get_series_struct (chart, item->hit.series);
      PlazaChartRgb colour = plaza_chart_series_colour (chart, palette, item->hit.series);
      gboolean hl = is_highlighted (highlight, &item->hit);

      if (hl)
        colour = plaza_chart_rgb_mix (colour, palette->text, 0.25);
      if (s->style == PLAZA_CHART_SERIES_TARGET)
        {
          double dashes[] = { 3.0, 2.0 };

          plaza_chart_set_rgb (cr, colour);
          cairo_set_line_width (cr, hl ? 2.5 : 1.5);
          cairo_set_dash (cr, dashes, 2, 0);
          cairo_rectangle (cr, r->x + 0.75, r->y + 0.75, MAX (r->w - 1.5, 0), MAX (r->h - 1.5, 0));
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
          continue;
        }
      plaza_chart_set_rgb (cr, colour);
      cairo_rectangle (cr, r->x, r->y, r->w, r->h);
      cairo_fill (cr);
      if (chart->kind == PLAZA_CHART_STACKED && r->h >= 3 && item->value > 0
          && fabs (r->y + r->h - plaza_chart_layout_value_pos (layout, 0)) > 0.5)
        {
          /* a hairline between a segment and the one below */
          plaza_chart_set_rgb (cr, palette->background);
          cairo_set_line_width (cr, 1.0);
          cairo_move_to (cr, r->x, r->y + r->h - 0.5);
          cairo_line_to (cr, r->x + r->w, r->y + r->h - 0.5);
          cairo_stroke (cr);
        }
      if (hl)
        {
          plaza_chart_set_rgb (cr, palette->text);
          cairo_set_line_width (cr, 1.5);
          cairo_rectangle (cr, r->x - 0.75, r->y - 0.75, r->w + 1.5, r->h + 1.5);
          cairo_stroke (cr);
        }
    }
}

/* HBAR: the value at each bar's end. */
static void
draw_bar_values (PlazaChart              *chart,
                 const PlazaChartLayout  *layout,
                 PlazaChartText          *text,
                 cairo_t                 *cr,
                 const PlazaChartPalette *palette)
{
  double f = layout->font_px;
  double scale = layout->label_scale * 0.93;
  guint i;

  if (layout->slot < layout->font_px * scale * 1.05 * MAX (chart->series->len, 1))
    return;
  for (i = 0; i < layout->items->len; i++)
    {
      const PlazaChartItem *item = &g_array_index (layout->items, PlazaChartItem, i);
      g_autofree char *label = plaza_chart_format_compact (chart->unit, item->value);
      double w, h, x;

      plaza_chart_set_rgb (cr, palette->text_secondary);
      plaza_chart_text_set (text, label, scale, FALSE, -1, &w, &h);
      x = item->value >= 0 ? item->rect.x + item->rect.w + f * 0.35 : item->rect.x - f * 0.35 - w;
      plaza_chart_text_show (text, cr, x, item->rect.y + item->rect.h / 2 - h / 2);
    }
}

/* BAR with one series and STACKED: the value (the stack's total) over
 * each column, when the layout found room for all of them. */
static void
draw_column_values (PlazaChart              *chart,
                    const PlazaChartLayout  *layout,
                    PlazaChartText          *text,
                    cairo_t                 *cr,
                    const PlazaChartPalette *palette)
{
  guint i, j;

  if (!layout->column_values)
    return;
  plaza_chart_set_rgb (cr, palette->text_secondary);
  for (i = 0; i < layout->items->len; i++)
    {
      const PlazaChartItem *item = &g_array_index (layout->items, PlazaChartItem, i);
      g_autofree char *label = NULL;
      gint64 total = 0, v;
      gboolean any = FALSE;
      double w, h, top = item->rect.y;

      /* once per column: at its last item */
      if (i + 1 < layout->items->len
          && g_array_index (layout->items, PlazaChartItem, i + 1).hit.category == item->hit.category)
        continue;
      for (j = 0; j < chart->series->len; j++)
        if (plaza_chart_get_value (chart, j, item->hit.category, &v)
            && (v > 0 || chart->kind != PLAZA_CHART_STACKED))
          {
            total += v;
            any = TRUE;
          }
      if (!any)
        continue;
      if (chart->kind == PLAZA_CHART_STACKED)
        top = plaza_chart_layout_value_pos (layout, total);
      label = plaza_chart_format_compact (chart->unit, total);
      plaza_chart_text_set (text, label, 0.82, FALSE, -1, &w, &h);
      if (total >= 0)
        plaza_chart_text_show (text, cr, item->rect.x + item->rect.w / 2 - w / 2,
                               top - h - 1);
      else
        plaza_chart_text_show (text, cr, item->rect.x + item->rect.w / 2 - w / 2, item->rect.y + item->rect.h + 1);
    }
}

static void
draw_lines (PlazaChart              *chart,
            const PlazaChartLayout  *layout,
            cairo_t                 *cr,
            const PlazaChartPalette *palette,
            const PlazaChartHit     *highlight)
{
  double lw = MAX (2.0, layout->font_px / 5.0);
  gboolean dots = layout->slot >= layout->font_px * 2.6;
  guint j, i;

  if (highlight != NULL && highlight->category >= 0)
    {
      double x = snap (layout->plot.x + layout->slot * (highlight->category + 0.5));

      plaza_chart_set_rgb (cr, palette->axis);
      cairo_set_line_width (cr, 1.0);
      cairo_move_to (cr, x, layout->plot.y);
      cairo_line_to (cr, x, layout->plot.y + layout->plot.h);
      cairo_stroke (cr);
    }

  for (j = chart->series->len; j-- > 0;)
    {
      PlazaChartSeries *s = plaza_chart_get_series_struct (chart, j);
      PlazaChartRgb colour = plaza_chart_series_colour (chart, palette, j);
      double dashes[] = { lw * 3, lw * 2 };
      int last_category = -2;

      cairo_new_path (cr);
      for (i = 0; i < layout->items->len; i++)
        {
          const PlazaChartItem *item = &g_array_index (layout->items, PlazaChartItem, i);

          if (item->hit.series != (int) j)
            continue;
          if (item->hit.category == last_category + 1)
            cairo_line_to (cr, item->cx, item->cy);
          else
            cairo_move_to (cr, item->cx, item->cy);
          last_category = item->hit.category;
        }
      plaza_chart_set_rgb (cr, colour);
      cairo_set_line_width (cr, s->style == PLAZA_CHART_SERIES_NORMAL ? lw : lw * 0.85);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      if (s->style != PLAZA_CHART_SERIES_NORMAL)
        cairo_set_dash (cr, dashes, 2, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      for (i = 0; i < layout->items->len; i++)
        {
          const PlazaChartItem *item = &g_array_index (layout->items, PlazaChartItem, i);
          gboolean hl = is_highlighted (highlight, &item->hit);
          gboolean alone;
          double r;

          if (item->hit.series != (int) j)
            continue;
          /* a point with no neighbour would be invisible without its dot */
          alone = !plaza_chart_get_value (chart, j, item->hit.category - 1, NULL)
                  && !plaza_chart_get_value (chart, j, item->hit.category + 1, NULL);
          if (!dots && !hl && !alone)
            continue;
          if (s->style != PLAZA_CHART_SERIES_NORMAL && !hl && !alone)
            continue;
          r = hl ? lw * 2.8 : lw * 1.6;
          cairo_arc (cr, item->cx, item->cy, r, 0, 2 * G_PI);
          plaza_chart_set_rgb (cr, hl ? colour : palette->background);
          cairo_fill_preserve (cr);
          plaza_chart_set_rgb (cr, hl ? palette->background : colour);
          cairo_set_line_width (cr, hl ? lw * 0.9 : lw);
          cairo_stroke (cr);
        }
    }
}

static void
draw_donut (PlazaChart              *chart,
            const PlazaChartLayout  *layout,
            PlazaChartText          *text,
            cairo_t                 *cr,
            const PlazaChartPalette *palette,
            const PlazaChartHit     *highlight)
{
  double ring = layout->r_outer - layout->r_inner;
  g_autofree char *total = NULL;
  double w, h, h2;
  guint i;

  if (layout->total <= 0)
    {
      plaza_chart_set_rgb (cr, palette->grid);
      cairo_set_line_width (cr, ring);
      cairo_arc (cr, layout->cx, layout->cy, (layout->r_outer + layout->r_inner) / 2, 0, 2 * G_PI);
      cairo_stroke (cr);
      plaza_chart_set_rgb (cr, palette->text_secondary);
      plaza_chart_text_set (text, _("No data"), 1.0, FALSE, -1, &w, &h);
      plaza_chart_text_show (text, cr, layout->cx - w / 2, layout->cy - h / 2);
      return;
    }

  for (i = 0; i < layout->items->len; i++)
    {
      const PlazaChartItem *item = &g_array_index (layout->items, PlazaChartItem, i);
      PlazaChartRgb colour = plaza_chart_category_colour (palette, item->hit.category);
      gboolean hl = is_highlighted (highlight, &item->hit);
      double grow = hl ? layout->font_px * 0.5 : 0;
      double a0 = item->a0 - G_PI / 2, a1 = item->a1 - G_PI / 2;

      /* the others step back while one is pointed at */
      if (highlight != NULL && highlight->category >= 0 && !hl)
        colour = plaza_chart_rgb_mix (colour, palette->background, 0.35);

      cairo_new_path (cr);
      cairo_arc (cr, item->cx, item->cy, item->r1 + grow, a0, a1);
      cairo_arc_negative (cr, item->cx, item->cy, item->r0, a1, a0);
      cairo_close_path (cr);
      plaza_chart_set_rgb (cr, colour);
      cairo_fill_preserve (cr);
      plaza_chart_set_rgb (cr, palette->background);
      cairo_set_line_width (cr, layout->items->len > 1 ? 1.5 : 0.01);
      cairo_stroke (cr);
    }

  /* percentages inside slices wide enough for them */
  for (i = 0; i < layout->items->len; i++)
    {
      const PlazaChartItem *item = &g_array_index (layout->items, PlazaChartItem, i);
      PlazaChartRgb colour = plaza_chart_category_colour (palette, item->hit.category);
      double mid = (item->a0 + item->a1) / 2, rm = (item->r0 + item->r1) / 2;
      gint64 pct = (gint64) ((double) item->value * 100.0 / (double) layout->total + 0.5);
      g_autofree char *label = NULL;

      if ((item->a1 - item->a0) * rm < layout->font_px * 1.5)
        continue;
      label = g_strdup_printf ("%d%%", (int) pct);
      plaza_chart_text_set (text, label, 0.85, TRUE, -1, &w, &h);
      if ((item->a1 - item->a0) * rm < w + 6 || ring < h + 2)
        continue;
      if (luminance (colour) > 0.6)
        cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      else
        cairo_set_source_rgb (cr, 1, 1, 1);
      plaza_chart_text_show (text, cr, item->cx + rm * sin (mid) - w / 2, item->cy - rm * cos (mid) - h / 2);
    }

  /* the total in the centre, "Total" under it */
  total = plaza_chart_format_compact (chart->unit, layout->total);
  plaza_chart_text_set (text, _("Total"), 0.9, FALSE, layout->r_inner * 1.7, NULL, &h2);
  plaza_chart_text_set (text, total, 1.7, TRUE, layout->r_inner * 1.7, &w, &h);
  plaza_chart_set_rgb (cr, palette->text);
  plaza_chart_text_show (text, cr, layout->cx - w / 2, layout->cy - (h + h2) / 2);
  plaza_chart_text_set (text, _("Total"), 0.9, FALSE, layout->r_inner * 1.7, &w, &h2);
  plaza_chart_set_rgb (cr, palette->text_secondary);
  plaza_chart_text_show (text, cr, layout->cx - w / 2, layout->cy - (h + h2) / 2 + h);
}

void
plaza_chart_draw (PlazaChart          *chart,
                  cairo_t             *cr,
                  double               width,
                  double               height,
                  gboolean             dark,
                  const PlazaChartHit *highlight)
{
  const PlazaChartPalette *palette = plaza_chart_palette (dark);
  PlazaChartText text;
  PlazaChartLayout *layout;

  g_return_if_fail (chart != NULL);
  g_return_if_fail (cr != NULL);

  plaza_chart_text_init (&text, width, height);
  layout = plaza_chart_layout_get (chart, &text, width, height);

  cairo_save (cr);
  plaza_chart_set_rgb (cr, palette->background);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);

  plaza_chart_draw_header (chart, layout, &text, cr, palette);
  plaza_chart_draw_legend (chart, layout, &text, cr, palette);

  switch (chart->kind)
    {
    case PLAZA_CHART_STACKING_PLAN:
      plaza_chart_draw_plan (chart, layout, &text, cr, palette, highlight);
      break;
    case PLAZA_CHART_DONUT:
      draw_donut (chart, layout, &text, cr, palette, highlight);
      break;
    case PLAZA_CHART_HBAR:
      draw_value_axis (chart, layout, &text, cr, palette);
      draw_rects (chart, layout, cr, palette, highlight);
      draw_bar_values (chart, layout, &text, cr, palette);
      draw_labels (layout, &text, cr, palette->text, layout->label_scale);
      draw_references (chart, layout, &text, cr, palette);
      break;
    case PLAZA_CHART_LINE:
      draw_value_axis (chart, layout, &text, cr, palette);
      draw_labels (layout, &text, cr, palette->text_secondary, 0.9);
      draw_references (chart, layout, &text, cr, palette);
      draw_lines (chart, layout, cr, palette, highlight);
      break;
    case PLAZA_CHART_BAR:
    case PLAZA_CHART_STACKED:
    default:
      draw_value_axis (chart, layout, &text, cr, palette);
      draw_rects (chart, layout, cr, palette, highlight);
      draw_column_values (chart, layout, &text, cr, palette);
      draw_labels (layout, &text, cr, palette->text_secondary, 0.9);
      draw_references (chart, layout, &text, cr, palette);
      break;
    }

  cairo_restore (cr);
  plaza_chart_text_clear (&text);
}
