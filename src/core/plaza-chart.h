/* plaza-chart.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A chart as data, and its drawing on any cairo_t (issue 4). The same code
 * draws on screen (src/gui/charts/plaza-chart-view.c), into PNG, SVG and PDF
 * files (plazactl chart, the monthly report). No GTK here: text is Pango
 * through pangocairo, colours come from a light or dark palette.
 *
 * The model: categories along one axis (months, floors, tenants …), one or
 * more series with an integer value per category (missing values allowed),
 * optional reference lines (a target, the 95 % occupancy line). A stacking
 * plan instead has rows (floors) of blocks (units) sized by area and
 * coloured by a band (legend entry).
 *
 * Values are integers in the chart's PlazaChartUnit; doubles are used only
 * for geometry.
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  PLAZA_CHART_BAR,            /* vertical bars, series side by side */
  PLAZA_CHART_HBAR,           /* horizontal bars: rankings, long names */
  PLAZA_CHART_LINE,           /* one line per series */
  PLAZA_CHART_DONUT,          /* the first series' values as shares */
  PLAZA_CHART_STACKED,        /* vertical bars, series stacked */
  PLAZA_CHART_STACKING_PLAN,  /* rows of blocks; see plaza_chart_add_row */
} PlazaChartKind;

typedef enum
{
  PLAZA_CHART_UNIT_FEN,         /* money: axis in ¥, 万, 亿; exact value ¥1,234.56 */
  PLAZA_CHART_UNIT_FEN_PER_M2,  /* 坪效: ¥ per m² (the chart's subtitle says per month or year) */
  PLAZA_CHART_UNIT_BP,          /* basis points, shown as percent */
  PLAZA_CHART_UNIT_COUNT,       /* plain integers */
  PLAZA_CHART_UNIT_AREA,        /* hundredths of m² */
} PlazaChartUnit;

typedef enum
{
  PLAZA_CHART_SERIES_NORMAL,
  PLAZA_CHART_SERIES_PREVIOUS,  /* last year's: lighter / dashed */
  PLAZA_CHART_SERIES_TARGET,    /* a target: dashed line, no fill */
} PlazaChartSeriesStyle;

typedef struct _PlazaChart PlazaChart;

/* What is under a point (plaza_chart_hit_test). Fields not meaningful for
 * the kind are -1. */
typedef struct
{
  int series;
  int category;
  int row;    /* stacking plan */
  int block;  /* stacking plan, index within the row */
} PlazaChartHit;

PlazaChart *plaza_chart_new             (PlazaChartKind         kind,
                                         PlazaChartUnit         unit,
                                         const char            *title);
void        plaza_chart_free            (PlazaChart            *chart);
PlazaChartKind plaza_chart_get_kind     (const PlazaChart      *chart);
/* Changes how the same data is drawn (bar ↔ hbar ↔ line …); the stacking
 * plan cannot be switched to or from. */
void        plaza_chart_set_kind        (PlazaChart            *chart,
                                         PlazaChartKind         kind);
PlazaChartUnit plaza_chart_get_unit     (const PlazaChart      *chart);
const char *plaza_chart_get_title       (const PlazaChart      *chart);
void        plaza_chart_set_subtitle    (PlazaChart            *chart,
                                         const char            *subtitle);
const char *plaza_chart_get_subtitle    (const PlazaChart      *chart);

/* Categories, in drawing order. @key identifies it for drill-down (a floor
 * label, a tenant code, 'YYYY-MM'); @label is what is shown. Returns the
 * index. */
guint       plaza_chart_add_category    (PlazaChart            *chart,
                                         const char            *key,
                                         const char            *label);
guint       plaza_chart_get_n_categories (const PlazaChart     *chart);
const char *plaza_chart_get_category_key (const PlazaChart     *chart,
                                          guint                 category);
const char *plaza_chart_get_category_label (const PlazaChart   *chart,
                                            guint               category);

/* Series; values default to missing. Returns the index. */
guint       plaza_chart_add_series      (PlazaChart            *chart,
                                         const char            *name,
                                         PlazaChartSeriesStyle  style);
guint       plaza_chart_get_n_series    (const PlazaChart      *chart);
const char *plaza_chart_get_series_name (const PlazaChart      *chart,
                                         guint                  series);
void        plaza_chart_set_value       (PlazaChart            *chart,
                                         guint                  series,
                                         guint                  category,
                                         gint64                 value);
/* FALSE when missing (then *value is untouched). */
gboolean    plaza_chart_get_value       (const PlazaChart      *chart,
                                         guint                  series,
                                         guint                  category,
                                         gint64                *value);

/* A horizontal (vertical for HBAR) line across the plot, e.g. the 95 %
 * occupancy line or a flat target. */
void        plaza_chart_add_reference   (PlazaChart            *chart,
                                         const char            *label,
                                         gint64                 value);

/* Stacking plan: a legend band (returns its index; colours are assigned in
 * order from the palette, a band named with @vacant TRUE is drawn grey and
 * hatched), a row (a floor, top row first) and its blocks (a unit; @area in
 * hundredths of m² sets its width; @value in the chart's unit is shown in
 * the tooltip, @has_value FALSE for none). */
guint       plaza_chart_add_band        (PlazaChart            *chart,
                                         const char            *label,
                                         gboolean               vacant);
/* Ordered bands (坪效 bands, expiry years) are drawn as shades of one hue
 * instead of distinct colours: ASCENDING from pale (the first band) to
 * strong (the last), DESCENDING the other way round. */
typedef enum
{
  PLAZA_CHART_RAMP_NONE,
  PLAZA_CHART_RAMP_ASCENDING,
  PLAZA_CHART_RAMP_DESCENDING,
} PlazaChartRamp;

void        plaza_chart_set_band_ramp   (PlazaChart            *chart,
                                         PlazaChartRamp         ramp);
guint       plaza_chart_add_row         (PlazaChart            *chart,
                                         const char            *key,
                                         const char            *label);
guint       plaza_chart_add_block       (PlazaChart            *chart,
                                         guint                  row,
                                         const char            *key,
                                         const char            *label,
                                         gint64                 area,
                                         guint                  band,
                                         gint64                 value,
                                         gboolean               has_value);
guint       plaza_chart_get_n_rows      (const PlazaChart      *chart);
const char *plaza_chart_get_row_key     (const PlazaChart      *chart,
                                         guint                  row);

/* Drawing. @width and @height in device units (pixels on screen, points in
 * PDF/SVG). @dark picks the dark palette. @highlight (may be NULL) is drawn
 * emphasised. Layout depends only on the chart, the size and the fonts, so
 * plaza_chart_hit_test() with the same size finds what was drawn. */
void        plaza_chart_draw            (PlazaChart            *chart,
                                         cairo_t               *cr,
                                         double                 width,
                                         double                 height,
                                         gboolean               dark,
                                         const PlazaChartHit   *highlight);
gboolean    plaza_chart_hit_test        (PlazaChart            *chart,
                                         double                 width,
                                         double                 height,
                                         double                 x,
                                         double                 y,
                                         PlazaChartHit         *hit);
/* The exact value under @hit as one line for a tooltip, e.g.
 * "3F · 2026-05 · This year: ¥1,234,567.89" (translated). */
char       *plaza_chart_describe_hit    (const PlazaChart      *chart,
                                         const PlazaChartHit   *hit);
/* A sentence for screen readers: title, what is shown, the largest and
 * smallest value. */
char       *plaza_chart_describe        (const PlazaChart      *chart);

/* The data as a table of strings: the first row is the header (category
 * label, then one column per series; for a stacking plan: floor, unit,
 * area, band, value); values formatted exactly. For "as table" views, CSV
 * and the report's tables. Free with g_ptr_array_unref (rows are strvs). */
GPtrArray  *plaza_chart_to_table        (const PlazaChart      *chart);

/* Writes the chart to @path, the format by its extension: .png (@width ×
 * @height pixels), .svg, .pdf (points). Light palette. */
gboolean    plaza_chart_save            (PlazaChart            *chart,
                                         const char            *path,
                                         double                 width,
                                         double                 height,
                                         GError               **error);

/* Axis support (plaza-chart-axis.c), public for tests and the report:
 * round ticks covering [min, max] (at most @max_ticks + 1 of them, step
 * 1, 2 or 5 × 10^n in the unit's natural steps), and an axis label for a
 * tick: ¥/万/亿 for money ("¥0", "¥50万", "¥1.5亿"), "95%" for BP. */
GArray     *plaza_chart_nice_ticks      (gint64                 min,
                                         gint64                 max,
                                         guint                  max_ticks);
char       *plaza_chart_format_tick     (PlazaChartUnit         unit,
                                         gint64                 value,
                                         gint64                 step);
/* The exact value: "¥1,234,567.89", "12.34%", "1,234", "125.50 m²". */
char       *plaza_chart_format_value    (PlazaChartUnit         unit,
                                         gint64                 value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlazaChart, plaza_chart_free)

G_END_DECLS
