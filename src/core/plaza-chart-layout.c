/* plaza-chart-layout.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where everything of a chart goes, computed once for a size: the title,
 * the legend, the plot rectangle, round ticks, every bar, segment, point
 * and slice, and the category labels (thinned out or rotated when they do
 * not fit). plaza_chart_draw() paints this layout and plaza_chart_hit_test()
 * searches it, so hovering the middle of a bar finds that bar. The
 * stacking plan's part is in plaza-chart-plan.c.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "plaza-chart-private.h"

/* Layout helpers */

static void
label_free (gpointer data)
{
  PlazaChartLabel *l = data;

  g_free (l->text);
  g_free (l);
}

static void
legend_free (gpointer data)
{
  PlazaChartLegendEntry *e = data;

  g_free (e->text);
  g_free (e->value);
  g_free (e);
}

void
plaza_chart_layout_free (PlazaChartLayout *layout)
{
  if (layout == NULL)
    return;
  g_clear_pointer (&layout->ticks, g_array_unref);
  g_array_unref (layout->items);
  g_ptr_array_unref (layout->labels);
  g_ptr_array_unref (layout->legend);
  g_free (layout);
}

PlazaChartLegendEntry *
plaza_chart_layout_add_legend (PlazaChartLayout *layout,
                               const char       *label,
                               int               series,
                               int               category,
                               int               band)
{
  PlazaChartLegendEntry *e = g_new0 (PlazaChartLegendEntry, 1);

  e->text = g_strdup (label);
  e->series = series;
  e->category = category;
  e->band = band;
  g_ptr_array_add (layout->legend, e);
  return e;
}

double
plaza_chart_layout_flow_legend (PlazaChartLayout *layout,
                                PlazaChartText   *text,
                                double            left,
                                double            right,
                                double            top)
{
  double line_h = plaza_chart_text_height (text, 0.92);
  double gap = layout->font_px * 0.45;
  double spacing = layout->font_px * 1.5;
  double x = left, y = top;
  guint i;

  if (layout->legend->len == 0)
    return top;
  for (i = 0; i < layout->legend->len; i++)
    {
      PlazaChartLegendEntry *e = g_ptr_array_index (layout->legend, i);
      double w = MIN (plaza_chart_text_width (text, e->text, 0.92, FALSE), layout->font_px * 14);
      double entry_w = layout->swatch + gap + w;

      if (x > left && x + entry_w > right)
        {
          x = left;
          y += line_h * 1.3;
        }
      e->x = x;
      e->y = y;
      e->text_width = MIN (w, right - x - layout->swatch - gap);
      x += entry_w + spacing;
    }
  return y + line_h;
}

double
plaza_chart_layout_value_pos (const PlazaChartLayout *layout,
                              gint64                  value)
{
  double t = layout->vmax > layout->vmin
             ? (double) (value - layout->vmin) / (double) (layout->vmax - layout->vmin)
             : 0.0;

  if (layout->horizontal)
    return layout->plot.x + t * layout->plot.w;
  return layout->plot.y + layout->plot.h - t * layout->plot.h;
}

static gint64
unit_default_max (PlazaChartUnit unit)
{
  switch (unit)
    {
    case PLAZA_CHART_UNIT_FEN:
    case PLAZA_CHART_UNIT_FEN_PER_M2:
      return 100000;
    case PLAZA_CHART_UNIT_BP:
      return 10000;
    case PLAZA_CHART_UNIT_AREA:
      return 10000;
    case PLAZA_CHART_UNIT_COUNT:
    default:
      return 10;
    }
}

/* The data's range for the value axis, with zero for bars. */
static void
value_range (PlazaChart *chart,
             gint64     *out_min,
             gint64     *out_max)
{
  gboolean any = FALSE;
  gint64 min = 0, max = 0, v;
  guint i, j;

  for (i = 0; i < chart->categories->len; i++)
    {
      gint64 pos = 0, neg = 0;

      for (j = 0; j < chart->series->len; j++)
        {
          if (!plaza_chart_get_value (chart, j, i, &v))
            continue;
          if (chart->kind == PLAZA_CHART_STACKED)
            {
              if (v > 0)
                pos += v;
              else
                neg += v;
              continue;
            }
          min = any ? MIN (min, v) : v;
          max = any ? MAX (max, v) : v;
          any = TRUE;
        }
      if (chart->kind == PLAZA_CHART_STACKED)
        {
          min = any ? MIN (min, neg) : neg;
          max = any ? MAX (max, pos) : pos;
          any = TRUE;
        }
    }
  for (i = 0; i < chart->references->len; i++)
    {
      v = g_array_index (chart->references, PlazaChartReference, i).value;
      min = any ? MIN (min, v) : v;
      max = any ? MAX (max, v) : v;
      any = TRUE;
    }
  if (!any)
    {
      min = 0;
      max = unit_default_max (chart->unit);
    }
  /* bars start at zero; a line may float when its values sit high, with
   * some air above and below */
  if (chart->kind != PLAZA_CHART_LINE || min <= 0 || min < max / 2)
    {
      min = MIN (min, 0);
      max = MAX (max, 0);
    }
  else if (max > min)
    {
      gint64 air = (max - min) / 20;

      min = MAX (min - air, 0);
      max += air;
    }
  if (min == max)
    {
      if (max == 0)
        max = unit_default_max (chart->unit);
      else if (max > 0)
        min = 0;
      else
        max = 0;
    }
  *out_min = min;
  *out_max = max;
}

static void
set_ticks (PlazaChartLayout *layout,
           gint64            min,
           gint64            max,
           guint             max_ticks)
{
  layout->ticks = plaza_chart_nice_ticks (min, max, max_ticks);
  layout->vmin = g_array_index (layout->ticks, gint64, 0);
  layout->vmax = g_array_index (layout->ticks, gint64, layout->ticks->len - 1);
  layout->step = layout->ticks->len > 1
                 ? g_array_index (layout->ticks, gint64, 1) - layout->vmin
                 : 1;
}

static double
max_tick_width (PlazaChart       *chart,
                PlazaChartLayout *layout,
                PlazaChartText   *text)
{
  double w = 0;
  guint i;

  for (i = 0; i < layout->ticks->len; i++)
    {
      g_autofree char *label = plaza_chart_format_tick (chart->unit, g_array_index (layout->ticks, gint64, i),
                                                        layout->step);

      w = MAX (w, plaza_chart_text_width (text, label, 0.9, FALSE));
    }
  return w;
}

static void
add_label (PlazaChartLayout *layout,
           const char       *str,
           double            x,
           double            y,
           double            max_width,
           gboolean          rotated,
           gboolean          right_aligned)
{
  PlazaChartLabel *l = g_new0 (PlazaChartLabel, 1);

  l->text = g_strdup (str);
  l->x = x;
  l->y = y;
  l->max_width = max_width;
  l->rotated = rotated;
  l->right_aligned = right_aligned;
  g_ptr_array_add (layout->labels, l);
}

static PlazaChartItem *
add_item (PlazaChartLayout    *layout,
          PlazaChartItemShape  shape,
          int                  series,
          int                  category,
          gint64               value)
{
  PlazaChartItem item = { { series, category, -1, -1 }, shape, { 0, 0, 0, 0 }, 0, 0, 0, 0, 0, 0, value };

  g_array_append_val (layout->items, item);
  return &g_array_index (layout->items, PlazaChartItem, layout->items->len - 1);
}

/* Legend of series, when there is more than one or a reference. */
static double
series_legend (PlazaChart       *chart,
               PlazaChartLayout *layout,
               PlazaChartText   *text,
               double            top)
{
  guint j;

  if (chart->series->len < 2)
    return top;
  if (chart->kind == PLAZA_CHART_LINE)
    layout->swatch = layout->font_px * 1.8;
  for (j = 0; j < chart->series->len; j++)
    plaza_chart_layout_add_legend (layout, plaza_chart_get_series_name (chart, j), j, -1, -1);
  return plaza_chart_layout_flow_legend (layout, text, layout->pad, layout->width - layout->pad, top)
         + layout->font_px * 0.9;
}

/* Room right of the plot for the reference lines' labels. */
static double
reference_width (PlazaChart     *chart,
                 PlazaChartText *text)
{
  double w = 0;
  guint i;

  for (i = 0; i < chart->references->len; i++)
    {
      g_autofree char *label = plaza_chart_reference_text (chart, i);

      w = MAX (w, plaza_chart_text_width (text, label, 0.85, TRUE));
    }
  return w > 0 ? MIN (w + text->font_px * 0.6, text->font_px * 12) : 0;
}

/* What is written over a column: the bar's value, a stack's total (its
 * positive part). */
static gint64
column_value (PlazaChart *chart,
              guint       category)
{
  gint64 total = 0, v;
  guint j;

  for (j = 0; j < chart->series->len; j++)
    if (plaza_chart_get_value (chart, j, category, &v) && (v > 0 || chart->kind != PLAZA_CHART_STACKED))
      total += v;
  return total;
}

/* Every label, every 2nd, 3rd, 4th, 6th, 12th …: whole quarters and years
 * when the categories are months. */
static guint
nice_stride (guint stride)
{
  static const guint ladder[] = { 1, 2, 3, 4, 6, 12, 24, 36, 48, 60, 120 };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (ladder); i++)
    if (stride <= ladder[i])
      return ladder[i];
  return stride;
}

/* Vertical bars, stacked bars and lines. */
static void
layout_vertical (PlazaChart       *chart,
                 PlazaChartLayout *layout,
                 PlazaChartText   *text,
                 double            top)
{
  double f = layout->font_px;
  double line_h = plaza_chart_text_height (text, 0.9);
  guint n = chart->categories->len;
  gint64 min, max;
  double tick_w, label_w = 0, axis_h, slot, group, bar_w;
  guint stride = 1, max_ticks, i, j, n_bar_series;
  gboolean rotated = FALSE;
  double rot_max = f * 11;

  top = series_legend (chart, layout, text, top);
  value_range (chart, &min, &max);
  max_ticks = (guint) CLAMP ((layout->height - top - layout->pad - 3 * f) / (f * 3.4), 2, 8);
  set_ticks (layout, min, max, max_ticks);
  tick_w = max_tick_width (chart, layout, text);

  layout->plot.x = layout->pad + tick_w + f * 0.7;
  layout->plot.w = MAX (layout->width - layout->pad - layout->plot.x - reference_width (chart, text), 10);
  slot = n > 0 ? layout->plot.w / n : layout->plot.w;
  layout->slot = slot;

  for (i = 0; i < n; i++)
    label_w = MAX (label_w, plaza_chart_text_width (text, plaza_chart_get_category_label (chart, i), 0.9, FALSE));
  axis_h = line_h + f * 0.6;
  if (n > 0 && label_w + f * 0.8 > slot)
    {
      if (label_w <= f * 6.5)
        stride = (guint) ceil ((label_w + f * 0.8) / slot);
      else
        {
          double lw = MIN (label_w, rot_max);

          rotated = TRUE;
          stride = (guint) ceil (line_h * 1.6 / slot);
          axis_h = lw * G_SQRT2 / 2 + line_h * G_SQRT2 / 2 + f * 0.6;
          axis_h = MIN (axis_h, layout->height * 0.35);
        }
    }
  stride = nice_stride (stride);

  /* values over the columns when every one fits its slot */
  if (n > 0 && (chart->kind == PLAZA_CHART_STACKED
                || (chart->kind == PLAZA_CHART_BAR && chart->series->len == 1)))
    {
      double value_w = 0;

      for (i = 0; i < n; i++)
        {
          g_autofree char *s = plaza_chart_format_compact (chart->unit, column_value (chart, i));

          value_w = MAX (value_w, plaza_chart_text_width (text, s, 0.82, FALSE));
        }
      layout->column_values = value_w <= slot * 0.92;
      if (layout->column_values)
        top += plaza_chart_text_height (text, 0.82) * 0.8;
    }

  layout->plot.y = top;
  layout->plot.h = MAX (layout->height - layout->pad - axis_h - top, 10);

  for (i = 0; i < n; i += stride)
    {
      double cx = layout->plot.x + slot * (i + 0.5);

      if (rotated)
        {
          /* never past the chart's left edge */
          double x = cx + line_h * 0.35;

          add_label (layout, plaza_chart_get_category_label (chart, i), x,
                     layout->plot.y + layout->plot.h + f * 0.45,
                     MIN (rot_max, (x - f * 0.5) * G_SQRT2), TRUE, FALSE);
        }
      else
        add_label (layout, plaza_chart_get_category_label (chart, i), cx,
                   layout->plot.y + layout->plot.h + f * 0.5, stride * slot, FALSE, FALSE);
    }

  if (chart->kind == PLAZA_CHART_LINE)
    {
      for (j = 0; j < chart->series->len; j++)
        for (i = 0; i < n; i++)
          {
            gint64 v;
            PlazaChartItem *item;

            if (!plaza_chart_get_value (chart, j, i, &v))
              continue;
            item = add_item (layout, PLAZA_CHART_ITEM_POINT, j, i, v);
            item->cx = layout->plot.x + slot * (i + 0.5);
            item->cy = plaza_chart_layout_value_pos (layout, v);
          }
      return;
    }

  if (chart->kind == PLAZA_CHART_STACKED)
    {
      bar_w = MIN (slot * 0.62, f * 6);
      for (i = 0; i < n; i++)
        {
          gint64 pos = 0, neg = 0;

          for (j = 0; j < chart->series->len; j++)
            {
              gint64 v, from, to;
              PlazaChartItem *item;
              double y0, y1;

              if (!plaza_chart_get_value (chart, j, i, &v) || v == 0)
                continue;
              from = v > 0 ? pos : neg;
              to = from + v;
              if (v > 0)
                pos = to;
              else
                neg = to;
              y0 = plaza_chart_layout_value_pos (layout, from);
              y1 = plaza_chart_layout_value_pos (layout, to);
              item = add_item (layout, PLAZA_CHART_ITEM_RECT, j, i, v);
              item->rect.x = layout->plot.x + slot * (i + 0.5) - bar_w / 2;
              item->rect.w = bar_w;
              item->rect.y = MIN (y0, y1);
              item->rect.h = fabs (y1 - y0);
            }
        }
      return;
    }

  /* BAR: series side by side */
  n_bar_series = MAX (chart->series->len, 1);
  group = MIN (slot * (n_bar_series > 1 ? 0.8 : 0.66), n_bar_series > 1 ? n_bar_series * f * 4.5 : f * 8);
  bar_w = group / n_bar_series;
  for (i = 0; i < n; i++)
    for (j = 0; j < chart->series->len; j++)
      {
        gint64 v;
        PlazaChartItem *item;
        double y0, y1, inner = n_bar_series > 1 ? MIN (2.0, bar_w * 0.15) : 0;

        if (!plaza_chart_get_value (chart, j, i, &v))
          continue;
        y0 = plaza_chart_layout_value_pos (layout, CLAMP (0, layout->vmin, layout->vmax));
        y1 = plaza_chart_layout_value_pos (layout, v);
        item = add_item (layout, PLAZA_CHART_ITEM_RECT, j, i, v);
        item->rect.x = layout->plot.x + slot * (i + 0.5) - group / 2 + j * bar_w + inner / 2;
        item->rect.w = bar_w - inner;
        item->rect.y = MIN (y0, y1);
        item->rect.h = fabs (y1 - y0);
      }
}

/* Horizontal bars: names on the left, values at the bar ends. A long
 * ranking gets smaller names before it loses every other one. */
static void
layout_hbar (PlazaChart       *chart,
             PlazaChartLayout *layout,
             PlazaChartText   *text,
             double            top)
{
  double f = layout->font_px;
  guint n = chart->categories->len;
  gint64 min, max;
  double name_w = 0, value_w = 0, max_name;
  double row, group, bar_w, axis_h, line_h, scale;
  gboolean negative = FALSE;
  guint max_ticks, i, j, stride = 1, n_series = MAX (chart->series->len, 1);

  layout->horizontal = TRUE;
  top = series_legend (chart, layout, text, top);
  if (chart->references->len > 0)
    top += plaza_chart_text_height (text, 0.85) + f * 0.2;
  value_range (chart, &min, &max);

  axis_h = plaza_chart_text_height (text, 0.9) + f * 0.6;
  layout->plot.y = top;
  layout->plot.h = MAX (layout->height - layout->pad - axis_h - top, 10);
  row = n > 0 ? layout->plot.h / n : layout->plot.h;
  layout->slot = row;

  /* glyphs are about one em tall: rows an em and a bit apart do not touch */
  scale = CLAMP (row / (f * 1.15), 0.7, 0.95);
  layout->label_scale = scale;
  line_h = plaza_chart_text_height (text, scale);
  if (row < f * scale * 1.05)
    stride = (guint) ceil (f * scale * 1.1 / row);
  max_name = MIN (f * scale * 15, layout->width * 0.4);

  for (i = 0; i < n; i++)
    {
      name_w = MAX (name_w, plaza_chart_text_width (text, plaza_chart_get_category_label (chart, i), scale, FALSE));
      for (j = 0; j < chart->series->len; j++)
        {
          gint64 v;

          if (plaza_chart_get_value (chart, j, i, &v))
            {
              g_autofree char *s = plaza_chart_format_compact (chart->unit, v);

              value_w = MAX (value_w, plaza_chart_text_width (text, s, scale * 0.93, FALSE));
              negative |= v < 0;
            }
        }
    }
  name_w = MIN (name_w, max_name);

  /* negative values write theirs left of the bar: room for it */
  layout->plot.x = layout->pad + name_w + f * 0.9 + (negative ? value_w + f * 0.4 : 0);
  layout->plot.w = MAX (layout->width - layout->pad - value_w - f * 0.6 - layout->plot.x, 10);
  max_ticks = (guint) CLAMP (layout->plot.w / (f * 6.5), 2, 8);
  set_ticks (layout, min, max, max_ticks);

  group = MIN (row * 0.68, n_series * f * 2.2);
  bar_w = group / n_series;

  for (i = 0; i < n; i++)
    {
      double cy = layout->plot.y + row * (i + 0.5);

      if (i % stride == 0)
        add_label (layout, plaza_chart_get_category_label (chart, i), layout->pad + name_w + f * 0.3,
                   cy - line_h / 2, name_w + f * 0.3 + 1, FALSE, TRUE);
      for (j = 0; j < chart->series->len; j++)
        {
          gint64 v;
          PlazaChartItem *item;
          double x0, x1, inner = n_series > 1 ? MIN (2.0, bar_w * 0.15) : 0;

          if (!plaza_chart_get_value (chart, j, i, &v))
            continue;
          x0 = plaza_chart_layout_value_pos (layout, CLAMP (0, layout->vmin, layout->vmax));
          x1 = plaza_chart_layout_value_pos (layout, v);
          item = add_item (layout, PLAZA_CHART_ITEM_RECT, j, i, v);
          item->rect.x = MIN (x0, x1);
          item->rect.w = fabs (x1 - x0);
          item->rect.y = cy - group / 2 + j * bar_w + inner / 2;
          item->rect.h = bar_w - inner;
        }
    }
}

/* Donut: the first series as shares, legend with percentages on the right. */
static void
layout_donut (PlazaChart       *chart,
              PlazaChartLayout *layout,
              PlazaChartText   *text,
              double            top)
{
  double f = layout->font_px;
  double line_h = plaza_chart_text_height (text, 0.92);
  double row_h = line_h * 1.45;
  double legend_w, name_w = 0, pct_w = 0, area_w, area_h, angle = 0;
  guint n = chart->categories->len;
  guint i, n_pos = 0, fit, shown = 0;
  gint64 v;

  layout->total = 0;
  if (chart->series->len > 0)
    for (i = 0; i < n; i++)
      if (plaza_chart_get_value (chart, 0, i, &v) && v > 0)
        {
          layout->total += v;
          n_pos++;
        }

  for (i = 0; i < n; i++)
    name_w = MAX (name_w, plaza_chart_text_width (text, plaza_chart_get_category_label (chart, i), 0.92, FALSE));
  pct_w = plaza_chart_text_width (text, "100.0%", 0.92, FALSE);
  name_w = MIN (name_w, f * 12);
  legend_w = layout->swatch + f * 0.5 + name_w + f * 1.2 + pct_w;
  legend_w = MIN (legend_w, layout->width * 0.48);

  area_w = layout->width - 2 * layout->pad - (n_pos > 0 ? legend_w + f * 3 : 0);
  area_h = layout->height - top - layout->pad;
  layout->r_outer = MAX (MIN (area_w, area_h) / 2 * 0.94, 10);
  layout->r_inner = layout->r_outer * 0.6;
  layout->cx = layout->pad + area_w / 2;
  if (n_pos > 0)
    {
      /* the ring and its legend as one group in the middle */
      double group = 2 * layout->r_outer + f * 3 + legend_w;

      layout->cx = (layout->width - group) / 2 + layout->r_outer;
    }
  layout->cy = top + area_h / 2;
  layout->plot.x = layout->pad;
  layout->plot.y = top;
  layout->plot.w = area_w;
  layout->plot.h = area_h;

  if (layout->total <= 0)
    return;

  fit = (guint) MAX (area_h / row_h, 1);
  for (i = 0; i < n; i++)
    {
      PlazaChartItem *item;
      double sweep;

      if (!plaza_chart_get_value (chart, 0, i, &v) || v <= 0)
        continue;
      sweep = 2 * G_PI * (double) v / (double) layout->total;
      item = add_item (layout, PLAZA_CHART_ITEM_SLICE, 0, i, v);
      item->cx = layout->cx;
      item->cy = layout->cy;
      item->a0 = angle;
      item->a1 = angle + sweep;
      item->r0 = layout->r_inner;
      item->r1 = layout->r_outer;
      angle += sweep;

      if (shown + 1 < fit || n_pos <= fit)
        {
          PlazaChartLegendEntry *e = plaza_chart_layout_add_legend (layout, plaza_chart_get_category_label (chart, i),
                                                                    -1, i, -1);
          gint64 bp = (gint64) ((double) v * 10000.0 / (double) layout->total + 0.5);

          e->value = plaza_chart_format_compact (PLAZA_CHART_UNIT_BP, bp);
          shown++;
        }
    }
  if (shown < n_pos)
    {
      /* TRANSLATORS: the last line of a legend too long to show: "+4 more" */
      g_autofree char *more = g_strdup_printf (_("+%u more"), n_pos - shown);

      plaza_chart_layout_add_legend (layout, more, -1, -1, -1);
    }

  {
    double lx = layout->cx + layout->r_outer + f * 3;
    double ly = layout->cy - row_h * layout->legend->len / 2 + (row_h - line_h) / 2;

    for (i = 0; i < layout->legend->len; i++)
      {
        PlazaChartLegendEntry *e = g_ptr_array_index (layout->legend, i);

        e->x = lx;
        e->y = ly + row_h * i;
        e->text_width = legend_w - layout->swatch - f * 0.5 - f * 1.2 - pct_w;
        if (e->category < 0)
          e->text_width = legend_w;  /* "+4 more" has no swatch nor share */
        e->value_right = lx + legend_w;
      }
  }
}

PlazaChartLayout *
plaza_chart_layout_get (PlazaChart     *chart,
                        PlazaChartText *text,
                        double          width,
                        double          height)
{
  PlazaChartLayout *layout;
  double top, h;

  if (chart->layout != NULL && chart->layout->width == width && chart->layout->height == height
      && chart->layout->font_px == text->font_px)
    return chart->layout;
  plaza_chart_invalidate (chart);

  layout = g_new0 (PlazaChartLayout, 1);
  layout->width = width;
  layout->height = height;
  layout->font_px = text->font_px;
  layout->pad = text->font_px * 1.4;
  layout->label_scale = 0.9;
  layout->swatch = text->font_px * 0.85;
  layout->items = g_array_new (FALSE, TRUE, sizeof (PlazaChartItem));
  layout->labels = g_ptr_array_new_with_free_func (label_free);
  layout->legend = g_ptr_array_new_with_free_func (legend_free);

  top = layout->pad;
  layout->title_y = top;
  if (*chart->title != '\0')
    {
      plaza_chart_text_set (text, chart->title, 1.3, TRUE, width - 2 * layout->pad, NULL, &h);
      top += h + text->font_px * 0.2;
    }
  layout->subtitle_y = top;
  if (chart->subtitle != NULL && *chart->subtitle != '\0')
    {
      plaza_chart_text_set (text, chart->subtitle, 0.95, FALSE, width - 2 * layout->pad, NULL, &h);
      top += h;
    }
  if (top > layout->pad)
    top += text->font_px * 1.0;

  switch (chart->kind)
    {
    case PLAZA_CHART_HBAR:
      layout_hbar (chart, layout, text, top);
      break;
    case PLAZA_CHART_DONUT:
      layout_donut (chart, layout, text, top);
      break;
    case PLAZA_CHART_STACKING_PLAN:
      plaza_chart_layout_plan (chart, layout, text, top);
      break;
    case PLAZA_CHART_BAR:
    case PLAZA_CHART_LINE:
    case PLAZA_CHART_STACKED:
    default:
      layout_vertical (chart, layout, text, top);
      break;
    }

  chart->layout = layout;
  return layout;
}
