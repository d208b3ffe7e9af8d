/* plaza-chart.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chart model: categories, series of integer values with a "missing"
 * bit, reference lines, and for the stacking plan bands, rows and blocks.
 * Also the words around a chart: the tooltip for a hit, the sentence for
 * screen readers and the data as a table of exact values. Layout and
 * drawing are in plaza-chart-layout.c, plaza-chart-draw.c and
 * plaza-chart-plan.c.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-chart-private.h"
#include "plaza-money.h"

static void
category_free (gpointer data)
{
  PlazaChartCategory *c = data;

  g_free (c->key);
  g_free (c->label);
  g_free (c);
}

static void
series_free (gpointer data)
{
  PlazaChartSeries *s = data;

  g_free (s->name);
  g_array_unref (s->values);
  g_array_unref (s->present);
  g_free (s);
}

static void
band_free (gpointer data)
{
  PlazaChartBand *b = data;

  g_free (b->label);
  g_free (b);
}

static void
reference_clear (gpointer data)
{
  PlazaChartReference *r = data;

  g_free (r->label);
}

static void
block_clear (gpointer data)
{
  PlazaChartBlock *b = data;

  g_free (b->key);
  g_free (b->label);
}

static void
row_free (gpointer data)
{
  PlazaChartRow *r = data;

  g_free (r->key);
  g_free (r->label);
  g_array_unref (r->blocks);
  g_free (r);
}

PlazaChart *
plaza_chart_new (PlazaChartKind  kind,
                 PlazaChartUnit  unit,
                 const char     *title)
{
  PlazaChart *chart = g_new0 (PlazaChart, 1);

  chart->kind = kind;
  chart->unit = unit;
  chart->title = g_strdup (title != NULL ? title : "");
  chart->categories = g_ptr_array_new_with_free_func (category_free);
  chart->series = g_ptr_array_new_with_free_func (series_free);
  chart->references = g_array_new (FALSE, TRUE, sizeof (PlazaChartReference));
  g_array_set_clear_func (chart->references, reference_clear);
  chart->bands = g_ptr_array_new_with_free_func (band_free);
  chart->rows = g_ptr_array_new_with_free_func (row_free);
  return chart;
}

void
plaza_chart_free (PlazaChart *chart)
{
  if (chart == NULL)
    return;
  plaza_chart_invalidate (chart);
  g_free (chart->title);
  g_free (chart->subtitle);
  g_ptr_array_unref (chart->categories);
  g_ptr_array_unref (chart->series);
  g_array_unref (chart->references);
  g_ptr_array_unref (chart->bands);
  g_ptr_array_unref (chart->rows);
  g_free (chart);
}

void
plaza_chart_invalidate (PlazaChart *chart)
{
  g_clear_pointer (&chart->layout, plaza_chart_layout_free);
}

PlazaChartKind
plaza_chart_get_kind (const PlazaChart *chart)
{
  g_return_val_if_fail (chart != NULL, PLAZA_CHART_BAR);
  return chart->kind;
}

void
plaza_chart_set_kind (PlazaChart     *chart,
                      PlazaChartKind  kind)
{
  g_return_if_fail (chart != NULL);
  g_return_if_fail ((chart->kind == PLAZA_CHART_STACKING_PLAN) == (kind == PLAZA_CHART_STACKING_PLAN));

  if (chart->kind == kind)
    return;
  chart->kind = kind;
  plaza_chart_invalidate (chart);
}

PlazaChartUnit
plaza_chart_get_unit (const PlazaChart *chart)
{
  g_return_val_if_fail (chart != NULL, PLAZA_CHART_UNIT_COUNT);
  return chart->unit;
}

const char *
plaza_chart_get_title (const PlazaChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);
  return chart->title;
}

void
plaza_chart_set_subtitle (PlazaChart *chart,
                          const char *subtitle)
{
  g_return_if_fail (chart != NULL);
  g_free (chart->subtitle);
  chart->subtitle = g_strdup (subtitle);
  plaza_chart_invalidate (chart);
}

const char *
plaza_chart_get_subtitle (const PlazaChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);
  return chart->subtitle;
}

guint
plaza_chart_add_category (PlazaChart *chart,
                          const char *key,
                          const char *label)
{
  PlazaChartCategory *c;

  g_return_val_if_fail (chart != NULL, 0);

  c = g_new0 (PlazaChartCategory, 1);
  c->key = g_strdup (key != NULL ? key : "");
  c->label = g_strdup (label != NULL ? label : c->key);
  g_ptr_array_add (chart->categories, c);
  plaza_chart_invalidate (chart);
  return chart->categories->len - 1;
}

guint
plaza_chart_get_n_categories (const PlazaChart *chart)
{
  g_return_val_if_fail (chart != NULL, 0);
  return chart->categories->len;
}

const char *
plaza_chart_get_category_key (const PlazaChart *chart,
                              guint             category)
{
  g_return_val_if_fail (chart != NULL, NULL);
  g_return_val_if_fail (category < chart->categories->len, NULL);
  return ((PlazaChartCategory *) g_ptr_array_index (chart->categories, category))->key;
}

const char *
plaza_chart_get_category_label (const PlazaChart *chart,
                                guint             category)
{
  g_return_val_if_fail (chart != NULL, NULL);
  g_return_val_if_fail (category < chart->categories->len, NULL);
  return ((PlazaChartCategory *) g_ptr_array_index (chart->categories, category))->label;
}

guint
plaza_chart_add_series (PlazaChart            *chart,
                        const char            *name,
                        PlazaChartSeriesStyle  style)
{
  PlazaChartSeries *s;

  g_return_val_if_fail (chart != NULL, 0);

  s = g_new0 (PlazaChartSeries, 1);
  s->name = g_strdup (name != NULL ? name : "");
  s->style = style;
  s->values = g_array_new (FALSE, TRUE, sizeof (gint64));
  s->present = g_array_new (FALSE, TRUE, sizeof (guint8));
  g_ptr_array_add (chart->series, s);
  plaza_chart_invalidate (chart);
  return chart->series->len - 1;
}

guint
plaza_chart_get_n_series (const PlazaChart *chart)
{
  g_return_val_if_fail (chart != NULL, 0);
  return chart->series->len;
}

PlazaChartSeries *
plaza_chart_get_series_struct (const PlazaChart *chart,
                               guint             series)
{
  g_assert (series < chart->series->len);
  return g_ptr_array_index (chart->series, series);
}

const char *
plaza_chart_get_series_name (const PlazaChart *chart,
                             guint             series)
{
  g_return_val_if_fail (chart != NULL, NULL);
  g_return_val_if_fail (series < chart->series->len, NULL);
  return plaza_chart_get_series_struct (chart, series)->name;
}

void
plaza_chart_set_value (PlazaChart *chart,
                       guint       series,
                       guint       category,
                       gint64      value)
{
  PlazaChartSeries *s;

  g_return_if_fail (chart != NULL);
  g_return_if_fail (series < chart->series->len);
  g_return_if_fail (category < chart->categories->len);

  s = plaza_chart_get_series_struct (chart, series);
  if (s->values->len <= category)
    {
      g_array_set_size (s->values, category + 1);
      g_array_set_size (s->present, category + 1);
    }
  g_array_index (s->values, gint64, category) = value;
  g_array_index (s->present, guint8, category) = 1;
  plaza_chart_invalidate (chart);
}

gboolean
plaza_chart_get_value (const PlazaChart *chart,
                       guint             series,
                       guint             category,
                       gint64           *value)
{
  PlazaChartSeries *s;

  g_return_val_if_fail (chart != NULL, FALSE);
  g_return_val_if_fail (series < chart->series->len, FALSE);

  s = plaza_chart_get_series_struct (chart, series);
  if (category >= s->present->len || !g_array_index (s->present, guint8, category))
    return FALSE;
  if (value != NULL)
    *value = g_array_index (s->values, gint64, category);
  return TRUE;
}

void
plaza_chart_add_reference (PlazaChart *chart,
                           const char *label,
                           gint64      value)
{
  PlazaChartReference r;

  g_return_if_fail (chart != NULL);

  r.label = g_strdup (label != NULL ? label : "");
  r.value = value;
  g_array_append_val (chart->references, r);
  plaza_chart_invalidate (chart);
}

guint
plaza_chart_add_band (PlazaChart *chart,
                      const char *label,
                      gboolean    vacant)
{
  PlazaChartBand *b;

  g_return_val_if_fail (chart != NULL, 0);

  b = g_new0 (PlazaChartBand, 1);
  b->label = g_strdup (label != NULL ? label : "");
  b->vacant = vacant;
  g_ptr_array_add (chart->bands, b);
  plaza_chart_invalidate (chart);
  return chart->bands->len - 1;
}

void
plaza_chart_set_band_ramp (PlazaChart     *chart,
                           PlazaChartRamp  ramp)
{
  g_return_if_fail (chart != NULL);
  chart->band_ramp = ramp;
}

guint
plaza_chart_add_row (PlazaChart *chart,
                     const char *key,
                     const char *label)
{
  PlazaChartRow *r;

  g_return_val_if_fail (chart != NULL, 0);

  r = g_new0 (PlazaChartRow, 1);
  r->key = g_strdup (key != NULL ? key : "");
  r->label = g_strdup (label != NULL ? label : r->key);
  r->blocks = g_array_new (FALSE, TRUE, sizeof (PlazaChartBlock));
  g_array_set_clear_func (r->blocks, block_clear);
  g_ptr_array_add (chart->rows, r);
  plaza_chart_invalidate (chart);
  return chart->rows->len - 1;
}

guint
plaza_chart_add_block (PlazaChart *chart,
                       guint       row,
                       const char *key,
                       const char *label,
                       gint64      area,
                       guint       band,
                       gint64      value,
                       gboolean    has_value)
{
  PlazaChartRow *r;
  PlazaChartBlock b;

  g_return_val_if_fail (chart != NULL, 0);
  g_return_val_if_fail (row < chart->rows->len, 0);

  r = g_ptr_array_index (chart->rows, row);
  b.key = g_strdup (key != NULL ? key : "");
  b.label = g_strdup (label != NULL ? label : b.key);
  b.area = MAX (area, 0);
  b.band = band;
  b.value = value;
  b.has_value = has_value;
  g_array_append_val (r->blocks, b);
  plaza_chart_invalidate (chart);
  return r->blocks->len - 1;
}

guint
plaza_chart_get_n_rows (const PlazaChart *chart)
{
  g_return_val_if_fail (chart != NULL, 0);
  return chart->rows->len;
}

const char *
plaza_chart_get_row_key (const PlazaChart *chart,
                         guint             row)
{
  g_return_val_if_fail (chart != NULL, NULL);
  g_return_val_if_fail (row < chart->rows->len, NULL);
  return ((PlazaChartRow *) g_ptr_array_index (chart->rows, row))->key;
}

/* Words */

static const PlazaChartBlock *
get_block (const PlazaChart *chart,
           int               row,
           int               block)
{
  PlazaChartRow *r;

  if (row < 0 || (guint) row >= chart->rows->len)
    return NULL;
  r = g_ptr_array_index (chart->rows, row);
  if (block < 0 || (guint) block >= r->blocks->len)
    return NULL;
  return &g_array_index (r->blocks, PlazaChartBlock, block);
}

static const char *
band_label (const PlazaChart *chart,
            guint             band)
{
  if (band >= chart->bands->len)
    return "";
  return ((PlazaChartBand *) g_ptr_array_index (chart->bands, band))->label;
}

static gint64
series_total (const PlazaChart *chart,
              guint             series)
{
  gint64 total = 0;
  gint64 v;
  guint i;

  for (i = 0; i < chart->categories->len; i++)
    if (plaza_chart_get_value (chart, series, i, &v) && v > 0)
      total += v;
  return total;
}

char *
plaza_chart_describe_hit (const PlazaChart    *chart,
                          const PlazaChartHit *hit)
{
  GString *s;
  gint64 v;

  g_return_val_if_fail (chart != NULL, NULL);
  g_return_val_if_fail (hit != NULL, NULL);

  s = g_string_new (NULL);
  if (chart->kind == PLAZA_CHART_STACKING_PLAN)
    {
      const PlazaChartBlock *b = get_block (chart, hit->row, hit->block);
      PlazaChartRow *r;
      g_autofree char *area = NULL;

      if (b == NULL)
        return g_string_free (s, FALSE);
      r = g_ptr_array_index (chart->rows, hit->row);
      area = plaza_chart_format_value (PLAZA_CHART_UNIT_AREA, b->area);
      g_string_append_printf (s, "%s · %s · %s", r->label, b->label, area);
      if (*band_label (chart, b->band) != '\0')
        g_string_append_printf (s, " · %s", band_label (chart, b->band));
      if (b->has_value)
        {
          g_autofree char *value = plaza_chart_format_value (chart->unit, b->value);

          g_string_append_printf (s, " · %s", value);
        }
      return g_string_free (s, FALSE);
    }

  if (hit->category < 0 || (guint) hit->category >= chart->categories->len
      || hit->series < 0 || (guint) hit->series >= chart->series->len)
    return g_string_free (s, FALSE);

  g_string_append (s, plaza_chart_get_category_label (chart, hit->category));
  if (chart->kind != PLAZA_CHART_DONUT && (chart->series->len > 1 || *plaza_chart_get_series_name (chart, hit->series) != '\0'))
    g_string_append_printf (s, " · %s", plaza_chart_get_series_name (chart, hit->series));
  g_string_append (s, chart->kind != PLAZA_CHART_DONUT && chart->series->len > 1 ? ": " : " · ");
  if (plaza_chart_get_value (chart, hit->series, hit->category, &v))
    {
      g_autofree char *value = plaza_chart_format_value (chart->unit, v);

      g_string_append (s, value);
      if (chart->kind == PLAZA_CHART_DONUT)
        {
          gint64 total = series_total (chart, hit->series);

          if (total > 0 && v >= 0)
            {
              g_autofree char *share = plaza_chart_format_value (PLAZA_CHART_UNIT_BP,
                                                                 (gint64) ((double) v * 10000.0 / (double) total + 0.5));

              g_string_append_printf (s, " (%s)", share);
            }
        }
    }
  else
    g_string_append (s, _("no data"));
  return g_string_free (s, FALSE);
}

static const char *
kind_words (PlazaChartKind kind)
{
  switch (kind)
    {
    case PLAZA_CHART_BAR:
      return _("Bar chart");
    case PLAZA_CHART_HBAR:
      return _("Horizontal bar chart");
    case PLAZA_CHART_LINE:
      return _("Line chart");
    case PLAZA_CHART_DONUT:
      return _("Donut chart");
    case PLAZA_CHART_STACKED:
      return _("Stacked bar chart");
    case PLAZA_CHART_STACKING_PLAN:
    default:
      return _("Stacking plan");
    }
}

char *
plaza_chart_describe (const PlazaChart *chart)
{
  GString *s;
  guint i, j;

  g_return_val_if_fail (chart != NULL, NULL);

  s = g_string_new (NULL);
  if (*chart->title != '\0')
    g_string_append_printf (s, "%s. ", chart->title);
  if (chart->subtitle != NULL && *chart->subtitle != '\0')
    g_string_append_printf (s, "%s. ", chart->subtitle);

  if (chart->kind == PLAZA_CHART_STACKING_PLAN)
    {
      guint n_blocks = 0;

      for (i = 0; i < chart->rows->len; i++)
        n_blocks += ((PlazaChartRow *) g_ptr_array_index (chart->rows, i))->blocks->len;
      /* TRANSLATORS: "Stacking plan: 5 floors, 120 units." */
      g_string_append_printf (s, _("%s: %u floors, %u units."), kind_words (chart->kind),
                              chart->rows->len, n_blocks);
      return g_string_free (s, FALSE);
    }

  /* TRANSLATORS: "Bar chart of 12 categories, 2 series." */
  g_string_append_printf (s, _("%s of %u categories, %u series."), kind_words (chart->kind),
                          chart->categories->len, chart->series->len);

  for (j = 0; j < chart->series->len; j++)
    {
      gboolean any = FALSE;
      gint64 max = 0, min = 0, v;
      guint imax = 0, imin = 0;

      for (i = 0; i < chart->categories->len; i++)
        {
          if (!plaza_chart_get_value (chart, j, i, &v))
            continue;
          if (!any || v > max)
            max = v, imax = i;
          if (!any || v < min)
            min = v, imin = i;
          any = TRUE;
        }
      if (any)
        {
          g_autofree char *vmax = plaza_chart_format_value (chart->unit, max);
          g_autofree char *vmin = plaza_chart_format_value (chart->unit, min);
          const char *name = plaza_chart_get_series_name (chart, j);

          g_string_append_c (s, ' ');
          if (*name != '\0')
            g_string_append_printf (s, "%s: ", name);
          /* TRANSLATORS: "largest 3F ¥1,234.00, smallest B1 ¥12.00." */
          g_string_append_printf (s, _("largest %s %s, smallest %s %s."),
                                  plaza_chart_get_category_label (chart, imax), vmax,
                                  plaza_chart_get_category_label (chart, imin), vmin);
        }
    }
  return g_string_free (s, FALSE);
}

static void
table_add (GPtrArray *table,
           GPtrArray *row)
{
  g_ptr_array_add (row, NULL);
  g_ptr_array_add (table, g_ptr_array_free (row, FALSE));
}

GPtrArray *
plaza_chart_to_table (const PlazaChart *chart)
{
  GPtrArray *table;
  GPtrArray *row;
  guint i, j;

  g_return_val_if_fail (chart != NULL, NULL);

  table = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  row = g_ptr_array_new ();

  if (chart->kind == PLAZA_CHART_STACKING_PLAN)
    {
      g_ptr_array_add (row, g_strdup (_("Floor")));
      g_ptr_array_add (row, g_strdup (_("Unit")));
      g_ptr_array_add (row, g_strdup (_("Area (m²)")));
      g_ptr_array_add (row, g_strdup (_("Band")));
      g_ptr_array_add (row, g_strdup (_("Value")));
      table_add (table, row);
      for (i = 0; i < chart->rows->len; i++)
        {
          PlazaChartRow *r = g_ptr_array_index (chart->rows, i);

          for (j = 0; j < r->blocks->len; j++)
            {
              PlazaChartBlock *b = &g_array_index (r->blocks, PlazaChartBlock, j);

              row = g_ptr_array_new ();
              g_ptr_array_add (row, g_strdup (r->label));
              g_ptr_array_add (row, g_strdup (b->label));
              g_ptr_array_add (row, plaza_area_format (b->area));
              g_ptr_array_add (row, g_strdup (band_label (chart, b->band)));
              g_ptr_array_add (row, b->has_value ? plaza_chart_format_value (chart->unit, b->value) : g_strdup (""));
              table_add (table, row);
            }
        }
      return table;
    }

  g_ptr_array_add (row, g_strdup (_("Category")));
  for (j = 0; j < chart->series->len; j++)
    g_ptr_array_add (row, g_strdup (plaza_chart_get_series_name (chart, j)));
  table_add (table, row);
  for (i = 0; i < chart->categories->len; i++)
    {
      row = g_ptr_array_new ();
      g_ptr_array_add (row, g_strdup (plaza_chart_get_category_label (chart, i)));
      for (j = 0; j < chart->series->len; j++)
        {
          gint64 v;

          if (plaza_chart_get_value (chart, j, i, &v))
            g_ptr_array_add (row, plaza_chart_format_value (chart->unit, v));
          else
            g_ptr_array_add (row, g_strdup (""));
        }
      table_add (table, row);
    }
  return table;
}
