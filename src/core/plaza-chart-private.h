/* plaza-chart-private.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the chart files share: the PlazaChart struct (plaza-chart.c owns
 * the model), the palette, the text helper (one Pango context set up the
 * same way for measuring and drawing) and the layout: every rectangle,
 * point and slice computed once by plaza_chart_layout_get() and used by
 * both the drawing (plaza-chart-draw.c, plaza-chart-plan.c) and
 * plaza_chart_hit_test(), so what is hovered is what was drawn.
 */

#pragma once

#include <pango/pangocairo.h>

#include "plaza-chart.h"

G_BEGIN_DECLS

typedef struct
{
  char *key;
  char *label;
} PlazaChartCategory;

typedef struct
{
  char                  *name;
  PlazaChartSeriesStyle  style;
  GArray                *values;   /* gint64, one per category (may be shorter) */
  GArray                *present;  /* guint8, 1 when the value is set */
} PlazaChartSeries;

typedef struct
{
  char   *label;
  gint64  value;
} PlazaChartReference;

typedef struct
{
  char     *label;
  gboolean  vacant;
} PlazaChartBand;

typedef struct
{
  char     *key;
  char     *label;
  gint64    area;
  guint     band;
  gint64    value;
  gboolean  has_value;
} PlazaChartBlock;

typedef struct
{
  char   *key;
  char   *label;
  GArray *blocks;  /* PlazaChartBlock */
} PlazaChartRow;

typedef struct _PlazaChartLayout PlazaChartLayout;

struct _PlazaChart
{
  PlazaChartKind  kind;
  PlazaChartUnit  unit;
  char           *title;
  char           *subtitle;

  GPtrArray      *categories;  /* PlazaChartCategory */
  GPtrArray      *series;      /* PlazaChartSeries */
  GArray         *references;  /* PlazaChartReference */
  GPtrArray      *bands;       /* PlazaChartBand */
  PlazaChartRamp  band_ramp;
  GPtrArray      *rows;        /* PlazaChartRow */

  /* the last layout, for repeated hit tests at the same size */
  PlazaChartLayout *layout;
};

/* Colours */

typedef struct
{
  double r, g, b;
} PlazaChartRgb;

#define PLAZA_CHART_N_COLOURS 12

typedef struct
{
  PlazaChartRgb background;
  PlazaChartRgb text;
  PlazaChartRgb text_secondary;
  PlazaChartRgb grid;
  PlazaChartRgb axis;
  PlazaChartRgb reference;
  PlazaChartRgb vacant;
  PlazaChartRgb vacant_hatch;
  PlazaChartRgb series[PLAZA_CHART_N_COLOURS];
} PlazaChartPalette;

const PlazaChartPalette *plaza_chart_palette (gboolean dark);
PlazaChartRgb  plaza_chart_rgb_mix           (PlazaChartRgb a,
                                              PlazaChartRgb b,
                                              double        t);
void           plaza_chart_set_rgb           (cairo_t      *cr,
                                              PlazaChartRgb c);
/* The series' colour: NORMAL series take the palette in order, PREVIOUS
 * the colour of the NORMAL series of the same rank lightened, TARGET the
 * next palette colours after the NORMAL ones. */
PlazaChartRgb  plaza_chart_series_colour     (const PlazaChart        *chart,
                                              const PlazaChartPalette *palette,
                                              guint                    series);
/* A donut category's colour. */
PlazaChartRgb  plaza_chart_category_colour   (const PlazaChartPalette *palette,
                                              guint                    category);
/* A band's colour (vacant bands grey). */
PlazaChartRgb  plaza_chart_band_colour       (const PlazaChart        *chart,
                                              const PlazaChartPalette *palette,
                                              guint                    band);

/* Text: one context for measuring and drawing */

typedef struct
{
  PangoContext *context;
  PangoLayout  *layout;
  double        font_px;  /* the chart's base size */
} PlazaChartText;

void    plaza_chart_text_init   (PlazaChartText *text,
                                 double          width,
                                 double          height);
void    plaza_chart_text_clear  (PlazaChartText *text);
/* Sets @str on the layout at @scale × font_px, bold or not; @max_width > 0
 * ellipsizes at the end. Returns the size in *w, *h (may be NULL). */
void    plaza_chart_text_set    (PlazaChartText *text,
                                 const char     *str,
                                 double          scale,
                                 gboolean        bold,
                                 double          max_width,
                                 double         *w,
                                 double         *h);
/* Measures only. */
double  plaza_chart_text_width  (PlazaChartText *text,
                                 const char     *str,
                                 double          scale,
                                 gboolean        bold);
double  plaza_chart_text_height (PlazaChartText *text,
                                 double          scale);
/* The baseline of a line of text at @scale, from its top. */
double  plaza_chart_text_baseline (PlazaChartText *text,
                                   double          scale);
/* Shows the current layout so that its baseline lies @baseline below @y,
 * whatever font it came out in: Latin and Han labels side by side line up. */
void    plaza_chart_text_show_on (PlazaChartText *text,
                                  cairo_t        *cr,
                                  double          x,
                                  double          y,
                                  double          baseline);
/* Shows the current layout with its top-left corner at @x, @y. */
void    plaza_chart_text_show   (PlazaChartText *text,
                                 cairo_t        *cr,
                                 double          x,
                                 double          y);

/* Layout */

typedef struct
{
  double x, y, w, h;
} PlazaChartRect;

typedef enum
{
  PLAZA_CHART_ITEM_RECT,   /* bars, stacked segments, plan blocks */
  PLAZA_CHART_ITEM_POINT,  /* line points */
  PLAZA_CHART_ITEM_SLICE,  /* donut slices */
} PlazaChartItemShape;

typedef struct
{
  PlazaChartHit        hit;
  PlazaChartItemShape  shape;
  PlazaChartRect       rect;
  double               cx, cy;       /* point; slice centre */
  double               a0, a1;       /* slice angles, radians, clockwise from 12 o'clock */
  double               r0, r1;       /* slice radii */
  gint64               value;
} PlazaChartItem;

typedef struct
{
  char    *text;
  double   x, y;       /* the anchor: top centre, or for rotated labels top right, or for right-aligned ones top right */
  double   max_width;  /* ellipsized to this */
  gboolean rotated;    /* 45° up to the left */
  gboolean right_aligned;
} PlazaChartLabel;

/* A legend entry: a swatch coloured like @series, @category (donut) or
 * @band (stacking plan; the others -1), then @text, then for the donut a
 * right-aligned @value. A "+N more" line has all three -1. */
typedef struct
{
  int     series;
  int     category;
  int     band;
  char   *text;
  char   *value;
  double  x, y;         /* the entry's top-left (the swatch) */
  double  text_width;   /* ellipsized to this */
  double  value_right;  /* the value's right edge */
} PlazaChartLegendEntry;

struct _PlazaChartLayout
{
  double          width, height;
  double          font_px;
  double          pad;
  double          title_y, subtitle_y;

  PlazaChartRect  plot;
  gboolean        horizontal; /* HBAR: values along x */
  gint64          vmin, vmax, step;
  GArray         *ticks;      /* gint64 */
  double          slot;       /* a category's width (height for HBAR) */
  double          label_scale; /* category labels, × font_px */
  gboolean        column_values; /* BAR (one series) and STACKED: values over the columns */

  GArray         *items;      /* PlazaChartItem */
  GPtrArray      *labels;     /* PlazaChartLabel: category / row labels */
  GPtrArray      *legend;     /* PlazaChartLegendEntry */
  double          swatch;     /* legend swatch size */

  /* donut */
  double          cx, cy, r_outer, r_inner;
  gint64          total;

  /* stacking plan */
  double          row_label_width;
};

/* Computes (or returns the cached) layout for @width × @height. Owned by the
 * chart. */
PlazaChartLayout *plaza_chart_layout_get     (PlazaChart       *chart,
                                              PlazaChartText   *text,
                                              double            width,
                                              double            height);
void              plaza_chart_layout_free    (PlazaChartLayout *layout);
/* Drops the cached layout; every model change calls it. */
void              plaza_chart_invalidate     (PlazaChart       *chart);

/* Maps a value to a device coordinate along the value axis. */
double            plaza_chart_layout_value_pos (const PlazaChartLayout *layout,
                                                gint64                  value);

/* Legend entries, placed later by the kind's layout. */
PlazaChartLegendEntry *plaza_chart_layout_add_legend (PlazaChartLayout *layout,
                                                      const char       *label,
                                                      int               series,
                                                      int               category,
                                                      int               band);
/* Places the legend entries in rows from @top between @left and @right;
 * returns the y below them. */
double            plaza_chart_layout_flow_legend (PlazaChartLayout *layout,
                                                  PlazaChartText   *text,
                                                  double            left,
                                                  double            right,
                                                  double            top);
/* The stacking plan's part of plaza_chart_layout_get (plaza-chart-plan.c);
 * @top is below the title and subtitle. */
void              plaza_chart_layout_plan      (PlazaChart       *chart,
                                                PlazaChartLayout *layout,
                                                PlazaChartText   *text,
                                                double            top);

/* Drawing pieces */
void              plaza_chart_draw_header      (PlazaChart              *chart,
                                                const PlazaChartLayout  *layout,
                                                PlazaChartText          *text,
                                                cairo_t                 *cr,
                                                const PlazaChartPalette *palette);
void              plaza_chart_draw_legend      (PlazaChart              *chart,
                                                const PlazaChartLayout  *layout,
                                                PlazaChartText          *text,
                                                cairo_t                 *cr,
                                                const PlazaChartPalette *palette);
void              plaza_chart_draw_plan        (PlazaChart              *chart,
                                                const PlazaChartLayout  *layout,
                                                PlazaChartText          *text,
                                                cairo_t                 *cr,
                                                const PlazaChartPalette *palette,
                                                const PlazaChartHit     *highlight);
/* Diagonal hatching inside @rect (the vacant band). */
void              plaza_chart_hatch            (cairo_t                 *cr,
                                                const PlazaChartRect    *rect,
                                                double                   spacing);

/* A short value for bar ends and the donut's centre: "¥123.5万", "12.3%". */
char             *plaza_chart_format_compact   (PlazaChartUnit unit,
                                                gint64         value);

/* A reference line's label: "Target ¥1,100万", "95%". */
char             *plaza_chart_reference_text   (const PlazaChart *chart,
                                                guint             reference);

/* The model, for the drawing files */
PlazaChartSeries *plaza_chart_get_series_struct (const PlazaChart *chart,
                                                 guint             series);

G_END_DECLS
