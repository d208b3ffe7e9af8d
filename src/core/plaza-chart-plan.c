/* plaza-chart-plan.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The stacking plan: one row per floor (top floor first) with its label on
 * the left, each unit a block whose width is its share of the widest
 * floor's total area, coloured by its band, the unit code written inside
 * when it fits, and the bands as a legend above. Vacant units are grey and
 * hatched.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <math.h>

#include "plaza-chart-private.h"

void
plaza_chart_hatch (cairo_t              *cr,
                   const PlazaChartRect *rect,
                   double                spacing)
{
  double d;

  cairo_save (cr);
  cairo_rectangle (cr, rect->x, rect->y, rect->w, rect->h);
  cairo_clip (cr);
  cairo_set_line_width (cr, 1.0);
  for (d = -rect->h; d < rect->w; d += spacing)
    {
      cairo_move_to (cr, rect->x + d, rect->y + rect->h);
      cairo_line_to (cr, rect->x + d + rect->h, rect->y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
plaza_chart_layout_plan (PlazaChart       *chart,
                         PlazaChartLayout *layout,
                         PlazaChartText   *text,
                         double            top)
{
  double f = layout->font_px;
  double line_h = plaza_chart_text_height (text, 1.0);
  double label_w = 0, row_h, gap, y;
  gint64 max_total = 0;
  guint i, j, n = chart->rows->len;

  for (i = 0; i < chart->bands->len; i++)
    plaza_chart_layout_add_legend (layout, ((PlazaChartBand *) g_ptr_array_index (chart->bands, i))->label,
                                   -1, -1, i);
  if (layout->legend->len > 0)
    top = plaza_chart_layout_flow_legend (layout, text, layout->pad, layout->width - layout->pad, top)
          + f * 1.0;

  for (i = 0; i < n; i++)
    {
      PlazaChartRow *r = g_ptr_array_index (chart->rows, i);
      gint64 total = 0;

      label_w = MAX (label_w, plaza_chart_text_width (text, r->label, 1.0, TRUE));
      for (j = 0; j < r->blocks->len; j++)
        total += g_array_index (r->blocks, PlazaChartBlock, j).area;
      max_total = MAX (max_total, total);
    }
  label_w = MIN (label_w, layout->width * 0.2);
  layout->row_label_width = label_w;
  if (max_total <= 0)
    max_total = 1;

  layout->plot.x = layout->pad + label_w + f * 0.8;
  layout->plot.y = top;
  layout->plot.w = MAX (layout->width - layout->pad - layout->plot.x, 10);
  layout->plot.h = MAX (layout->height - layout->pad - top, 10);
  row_h = n > 0 ? MIN (layout->plot.h / n, f * 5.5) : layout->plot.h;
  layout->slot = row_h;
  gap = MAX (row_h * 0.16, 2);

  y = top;
  for (i = 0; i < n; i++, y += row_h)
    {
      PlazaChartRow *r = g_ptr_array_index (chart->rows, i);
      PlazaChartLabel *label = g_new0 (PlazaChartLabel, 1);
      double x = layout->plot.x;
      gint64 cum = 0;

      label->text = g_strdup (r->label);
      label->x = layout->plot.x - f * 0.8;
      label->y = y + (row_h - gap) / 2 - line_h / 2;
      label->max_width = label_w + f * 0.3;
      label->right_aligned = TRUE;
      g_ptr_array_add (layout->labels, label);

      for (j = 0; j < r->blocks->len; j++)
        {
          const PlazaChartBlock *b = &g_array_index (r->blocks, PlazaChartBlock, j);
          PlazaChartItem item = { { -1, -1, (int) i, (int) j }, PLAZA_CHART_ITEM_RECT,
                                  { 0, 0, 0, 0 }, 0, 0, 0, 0, 0, 0, b->value };
          double x1;

          /* cumulative, so rounding never drifts along a long floor */
          cum += b->area;
          x1 = layout->plot.x + (double) cum / (double) max_total * layout->plot.w;
          item.rect.x = x;
          item.rect.y = y;
          item.rect.w = x1 - x;
          item.rect.h = row_h - gap;
          g_array_append_val (layout->items, item);
          x = x1;
        }
    }
}

static double
luminance (PlazaChartRgb c)
{
  return 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b;
}

void
plaza_chart_draw_plan (PlazaChart              *chart,
                       const PlazaChartLayout  *layout,
                       PlazaChartText          *text,
                       cairo_t                 *cr,
                       const PlazaChartPalette *palette,
                       const PlazaChartHit     *highlight)
{
  const PlazaChartItem *hl_item = NULL;
  double baseline;
  guint i;

  for (i = 0; i < layout->items->len; i++)
    {
      const PlazaChartItem *item = &g_array_index (layout->items, PlazaChartItem, i);
      PlazaChartRow *r = g_ptr_array_index (chart->rows, item->hit.row);
      const PlazaChartBlock *b = &g_array_index (r->blocks, PlazaChartBlock, item->hit.block);
      gboolean vacant = b->band < chart->bands->len
                        && ((PlazaChartBand *) g_ptr_array_index (chart->bands, b->band))->vacant;
      PlazaChartRgb colour = plaza_chart_band_colour (chart, palette, b->band);
      PlazaChartRect inner = item->rect;
      gboolean horizontal, upright;
      double w, h;

      /* a hairline of background between neighbours */
      if (inner.w > 2)
        {
          inner.x += 0.5;
          inner.w -= 1.0;
        }
      plaza_chart_set_rgb (cr, colour);
      cairo_rectangle (cr, inner.x, inner.y, inner.w, inner.h);
      cairo_fill (cr);
      if (vacant)
        {
          plaza_chart_set_rgb (cr, palette->vacant_hatch);
          plaza_chart_hatch (cr, &inner, MAX (layout->font_px * 0.55, 4));
        }

      if (highlight != NULL && highlight->row == item->hit.row && highlight->block == item->hit.block)
        hl_item = item;

      if (inner.w < layout->font_px * 0.9)
        continue;
      plaza_chart_text_set (text, b->label, 0.78, FALSE, -1, &w, &h);
      horizontal = w + 6 <= inner.w && h + 2 <= inner.h;
      if (!horizontal && g_strcmp0 (b->key, b->label) != 0 && *b->key != '\0')
        {
          /* "5F-001 · a tenant's name" too long: the unit code alone */
          plaza_chart_text_set (text, b->key, 0.78, FALSE, -1, &w, &h);
          horizontal = w + 6 <= inner.w && h + 2 <= inner.h;
        }
      /* a narrow, tall unit gets its code upright */
      upright = !horizontal && h <= inner.w && w + 8 <= inner.h;
      if (!horizontal && !upright)
        continue;
      if (vacant)
        plaza_chart_set_rgb (cr, palette->text_secondary);
      else if (luminance (colour) > 0.55)
        cairo_set_source_rgb (cr, 0.12, 0.12, 0.12);
      else
        cairo_set_source_rgb (cr, 1, 1, 1);
      if (horizontal)
        plaza_chart_text_show (text, cr, inner.x + (inner.w - w) / 2, inner.y + (inner.h - h) / 2);
      else
        {
          cairo_save (cr);
          cairo_translate (cr, inner.x + inner.w / 2, inner.y + inner.h / 2);
          cairo_rotate (cr, -G_PI / 2);
          plaza_chart_text_show (text, cr, -w / 2, -h / 2);
          cairo_restore (cr);
        }
    }

  if (hl_item != NULL)
    {
      plaza_chart_set_rgb (cr, palette->text);
      cairo_set_line_width (cr, 2.0);
      cairo_rectangle (cr, hl_item->rect.x, hl_item->rect.y, hl_item->rect.w, hl_item->rect.h);
      cairo_stroke (cr);
    }

  baseline = plaza_chart_text_baseline (text, 1.0);
  plaza_chart_set_rgb (cr, palette->text);
  for (i = 0; i < layout->labels->len; i++)
    {
      const PlazaChartLabel *l = g_ptr_array_index (layout->labels, i);
      double w;

      plaza_chart_text_set (text, l->text, 1.0, TRUE, l->max_width, &w, NULL);
      plaza_chart_text_show_on (text, cr, l->x - w, l->y, baseline);
    }
}
