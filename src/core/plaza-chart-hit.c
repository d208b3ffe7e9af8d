/* plaza-chart-hit.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * plaza_chart_hit_test(): what is under a point, searched in the same
 * layout the drawing used (plaza-chart-layout.c): a bar, stacked segment or
 * stacking-plan block by its rectangle (thin ones a few pixels wider), a
 * line's nearest point within 8 pixels, a donut slice by angle and ring.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <math.h>

#include "plaza-chart-private.h"

static gboolean
rect_contains (const PlazaChartRect *r,
               double                x,
               double                y)
{
  /* thin bars get a few pixels more */
  double gx = MAX (0, (4 - r->w) / 2), gy = MAX (0, (4 - r->h) / 2);

  return x >= r->x - gx && x < r->x + r->w + gx && y >= r->y - gy && y < r->y + r->h + gy;
}

static gboolean
slice_contains (const PlazaChartItem *item,
                double                x,
                double                y)
{
  double dx = x - item->cx, dy = y - item->cy;
  double r = sqrt (dx * dx + dy * dy);
  double a = atan2 (dx, -dy);

  if (a < 0)
    a += 2 * G_PI;
  return r >= item->r0 && r <= item->r1 + 2 && a >= item->a0 && a < item->a1;
}

gboolean
plaza_chart_hit_test (PlazaChart    *chart,
                      double         width,
                      double         height,
                      double         x,
                      double         y,
                      PlazaChartHit *hit)
{
  PlazaChartText text;
  PlazaChartLayout *layout;
  const PlazaChartItem *best = NULL;
  double best_d = 8.0 * 8.0;
  guint i;

  g_return_val_if_fail (chart != NULL, FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  if (chart->layout != NULL && chart->layout->width == width && chart->layout->height == height)
    layout = chart->layout;
  else
    {
      plaza_chart_text_init (&text, width, height);
      layout = plaza_chart_layout_get (chart, &text, width, height);
      plaza_chart_text_clear (&text);
    }

  for (i = 0; i < layout->items->len; i++)
    {
      const PlazaChartItem *item = &g_array_index (layout->items, PlazaChartItem, i);
      double dx, dy;

      switch (item->shape)
        {
        case PLAZA_CHART_ITEM_RECT:
          if (rect_contains (&item->rect, x, y))
            best = item, best_d = 0;
          break;
        case PLAZA_CHART_ITEM_SLICE:
          if (slice_contains (item, x, y))
            best = item, best_d = 0;
          break;
        case PLAZA_CHART_ITEM_POINT:
        default:
          dx = x - item->cx;
          dy = y - item->cy;
          if (dx * dx + dy * dy <= best_d)
            best = item, best_d = dx * dx + dy * dy;
          break;
        }
      if (best != NULL && best_d == 0)
        break;
    }

  if (best == NULL)
    {
      hit->series = hit->category = hit->row = hit->block = -1;
      return FALSE;
    }
  *hit = best->hit;
  return TRUE;
}
