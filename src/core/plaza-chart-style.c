/* plaza-chart-style.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How a chart looks, apart from where things go: the light and dark
 * palettes (twelve calm colours that stay apart on white and on #242424, and
 * the text, grid and axis greys), which colour a series or band takes, and
 * the text helper: one Pango context with the zh-cn language and unhinted
 * metrics, used both to measure (layout) and to draw, so text is as wide on
 * screen as it was when laid out.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include "plaza-pdf.h"
#include "plaza-chart-private.h"
#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0 }

static const PlazaChartPalette light_palette = {
  .background = RGB (0xffffff),
  .text = RGB (0x1f2328),
  .text_secondary = RGB (0x5f6670),
  .grid = RGB (0xe8eaed),
  .axis = RGB (0xa0a6ad),
  .reference = RGB (0x5b6470),
  .vacant = RGB (0xd5d8dc),
  .vacant_hatch = RGB (0xa9aeb4),
  .series = {
    RGB (0x3a6ea5),  /* blue */
    RGB (0xe08a3c),  /* orange */
    RGB (0x3f9a7b),  /* teal green */
    RGB (0xc4525a),  /* brick red */
    RGB (0x8467b0),  /* purple */
    RGB (0xc9a227),  /* mustard */
    RGB (0x4aa3c7),  /* sky */
    RGB (0xa6706a),  /* rose brown */
    RGB (0x6f9a3e),  /* olive */
    RGB (0xd17aa8),  /* pink */
    RGB (0x7c8b99),  /* slate */
    RGB (0xb58a5c),  /* tan */
  },
};

static const PlazaChartPalette dark_palette = {
  .background = RGB (0x242424),
  .text = RGB (0xebebeb),
  .text_secondary = RGB (0xa8acb2),
  .grid = RGB (0x363738),
  .axis = RGB (0x6b6e73),
  .reference = RGB (0xb4bac2),
  .vacant = RGB (0x4a4b4d),
  .vacant_hatch = RGB (0x6e7074),
  .series = {
    RGB (0x6b9fd8),
    RGB (0xf0a45e),
    RGB (0x5cbf99),
    RGB (0xe57b82),
    RGB (0xa98fd6),
    RGB (0xe0c050),
    RGB (0x74c3e3),
    RGB (0xc99a92),
    RGB (0x97bf62),
    RGB (0xe79cc4),
    RGB (0x9dabb8),
    RGB (0xd2aa80),
  },
};

const PlazaChartPalette *
plaza_chart_palette (gboolean dark)
{
  return dark ? &dark_palette : &light_palette;
}

PlazaChartRgb
plaza_chart_rgb_mix (PlazaChartRgb a,
                     PlazaChartRgb b,
                     double        t)
{
  PlazaChartRgb c = { a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t };

  return c;
}

void
plaza_chart_set_rgb (cairo_t       *cr,
                     PlazaChartRgb  c)
{
  cairo_set_source_rgb (cr, c.r, c.g, c.b);
}

PlazaChartRgb
plaza_chart_series_colour (const PlazaChart        *chart,
                           const PlazaChartPalette *palette,
                           guint                    series)
{
  PlazaChartSeriesStyle style = plaza_chart_get_series_struct (chart, series)->style;
  guint n_normal = 0, rank = 0;
  guint i;

  for (i = 0; i < chart->series->len; i++)
    {
      PlazaChartSeries *s = plaza_chart_get_series_struct (chart, i);

      if (s->style == PLAZA_CHART_SERIES_NORMAL)
        n_normal++;
      if (i < series && s->style == style)
        rank++;
    }

  switch (style)
    {
    case PLAZA_CHART_SERIES_PREVIOUS:
      /* lighter on white; on the dark background dimmer, but not so dim
       * that it sinks into it */
      return plaza_chart_rgb_mix (palette->series[rank % PLAZA_CHART_N_COLOURS], palette->background,
                                  palette == &dark_palette ? 0.35 : 0.55);
    case PLAZA_CHART_SERIES_TARGET:
      return palette->series[(MAX (n_normal, 1) + rank) % PLAZA_CHART_N_COLOURS];
    case PLAZA_CHART_SERIES_NORMAL:
    default:
      return palette->series[rank % PLAZA_CHART_N_COLOURS];
    }
}

PlazaChartRgb
plaza_chart_category_colour (const PlazaChartPalette *palette,
                             guint                    category)
{
  /* the first eleven in colour; a long tail in two alternating greys
   * rather than colours seen again */
  if (category < PLAZA_CHART_N_COLOURS - 1)
    return palette->series[category];
  return category % 2 == 0 ? palette->axis : palette->text_secondary;
}

PlazaChartRgb
plaza_chart_band_colour (const PlazaChart        *chart,
                         const PlazaChartPalette *palette,
                         guint                   band)
{
  guint rank = 0, n = 0;
  guint i;

  if (band < chart->bands->len && ((PlazaChartBand *) g_ptr_array_index (chart->bands, band))->vacant)
    return palette->vacant;
  for (i = 0; i < chart->bands->len; i++)
    if (!((PlazaChartBand *) g_ptr_array_index (chart->bands, i))->vacant)
      {
        if (i < band)
          rank++;
        n++;
      }
  if (chart->band_ramp != PLAZA_CHART_RAMP_NONE)
    {
      /* shades of the first colour, from nearly the background to full */
      double t = n > 1 ? (double) rank / (double) (n - 1) : 1.0;

      if (chart->band_ramp == PLAZA_CHART_RAMP_DESCENDING)
        t = 1.0 - t;
      return plaza_chart_rgb_mix (palette->series[0], palette->background, 0.7 * (1.0 - t));
    }
  return palette->series[rank % PLAZA_CHART_N_COLOURS];
}

/* Text */

/* The documents' font (plaza-pdf.h), so a chart in a PDF keeps every Han
 * character; one CJK font first, so Latin letters and digits match the Han
 * characters and "Under ¥1,000", "¥1,000 – ¥2,000" and "¥1,000万" look
 * alike. */
#define PLAZA_CHART_FONT PLAZA_DOCUMENT_FONT

void
plaza_chart_text_init (PlazaChartText *text,
                       double          width,
                       double          height)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  text->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_context_set_language (text->context, pango_language_from_string ("zh-cn"));
  /* unhinted metrics: the same widths on screen, in PNG, SVG and PDF */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (text->context, options);
  cairo_font_options_destroy (options);
  text->layout = pango_layout_new (text->context);
  pango_layout_set_single_paragraph_mode (text->layout, TRUE);
  text->font_px = CLAMP (MIN (width / 800.0, height / 500.0) * 11.0, 9.0, 20.0);
}

void
plaza_chart_text_clear (PlazaChartText *text)
{
  g_clear_object (&text->layout);
  g_clear_object (&text->context);
}

void
plaza_chart_text_set (PlazaChartText *text,
                      const char     *str,
                      double          scale,
                      gboolean        bold,
                      double          max_width,
                      double         *w,
                      double         *h)
{
  PangoFontDescription *desc = pango_font_description_from_string (PLAZA_CHART_FONT);
  int pw, ph;

  pango_font_description_set_absolute_size (desc, text->font_px * scale * PANGO_SCALE);
  pango_font_description_set_weight (desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (text->layout, desc);
  pango_font_description_free (desc);
  if (max_width > 0)
    {
      pango_layout_set_width (text->layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (text->layout, PANGO_ELLIPSIZE_END);
    }
  else
    {
      pango_layout_set_width (text->layout, -1);
      pango_layout_set_ellipsize (text->layout, PANGO_ELLIPSIZE_NONE);
    }
  pango_layout_set_text (text->layout, str != NULL ? str : "", -1);
  pango_layout_get_size (text->layout, &pw, &ph);
  if (max_width > 0)
    {
      PangoRectangle logical;

      pango_layout_get_pixel_extents (text->layout, NULL, &logical);
      pw = logical.width * PANGO_SCALE;
    }
  if (w != NULL)
    *w = (double) pw / PANGO_SCALE;
  if (h != NULL)
    *h = (double) ph / PANGO_SCALE;
}

double
plaza_chart_text_width (PlazaChartText *text,
                        const char     *str,
                        double          scale,
                        gboolean        bold)
{
  double w;

  plaza_chart_text_set (text, str, scale, bold, -1, &w, NULL);
  return w;
}

double
plaza_chart_text_height (PlazaChartText *text,
                         double          scale)
{
  double h;

  plaza_chart_text_set (text, "Ag国", scale, FALSE, -1, NULL, &h);
  return h;
}

double
plaza_chart_text_baseline (PlazaChartText *text,
                           double          scale)
{
  plaza_chart_text_set (text, "Ag国", scale, FALSE, -1, NULL, NULL);
  return (double) pango_layout_get_baseline (text->layout) / PANGO_SCALE;
}

void
plaza_chart_text_show_on (PlazaChartText *text,
                          cairo_t        *cr,
                          double          x,
                          double          y,
                          double          baseline)
{
  plaza_chart_text_show (text, cr, x, y + baseline - (double) pango_layout_get_baseline (text->layout) / PANGO_SCALE);
}

void
plaza_chart_text_show (PlazaChartText *text,
                       cairo_t        *cr,
                       double          x,
                       double          y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_update_layout (cr, text->layout);
  pango_cairo_show_layout (cr, text->layout);
}
