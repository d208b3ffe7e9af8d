/* plaza-report-draw.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lays a PlazaReport out on A4 pages with PangoCairo: the title band, the
 * headline tiles, the charts (each drawn by plaza_chart_draw into its
 * rectangle, or a labelled placeholder), tables with right-aligned
 * numbers, zebra rows and ellipsized names that break across pages
 * repeating their header, and a footer with "Page N of M" on every page.
 * Text is set with the zh-cn Pango language so Han characters take their
 * Simplified Chinese forms.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "plaza-pdf.h"
#include "plaza-report-private.h"

#define PAGE_WIDTH     595.2756
#define PAGE_HEIGHT    841.8898
#define MARGIN_X       42.0
#define MARGIN_TOP     42.0
#define CONTENT_BOTTOM (PAGE_HEIGHT - 54.0)
#define CONTENT_WIDTH  (PAGE_WIDTH - 2 * MARGIN_X)
#define TABLE_SIZE     7.6
#define CELL_PAD_X     3.5
#define CELL_PAD_Y     2.8
#define TILE_HEIGHT    78.0
#define TILE_GAP       8.0
#define CHART_HEIGHT   180.0
#define PAIR_HEIGHT    200.0
#define CHART_SCALE    1.3


typedef struct
{
  cairo_t           *cr;
  PangoLayout       *layout;
  const PlazaReport *r;
  double             y;
  guint              page;
  guint              n_pages;
} Page;

static void
set_rgb (Page           *p,
         const PlazaRgb *c)
{
  plaza_pdf_set_rgb (p->cr, c);
}

static const PlazaRgb *
tone_rgb (PlazaReportTone tone,
          const PlazaRgb      *neutral)
{
  switch (tone)
    {
    case PLAZA_REPORT_TONE_GOOD:
      return &plaza_pdf_good;
    case PLAZA_REPORT_TONE_BAD:
      return &plaza_pdf_bad;
    case PLAZA_REPORT_TONE_NEUTRAL:
    default:
      return neutral;
    }
}

typedef enum
{
  WRAP,
  ELLIPSIZE,
} Fit;

/* Lays @str out in @width (a single ellipsized line with ELLIPSIZE) and,
 * when @draw, shows it at @x, @y in the current colour. Returns its
 * height. */
static double
text (Page           *p,
      double          x,
      double          y,
      double          width,
      const char     *str,
      double          size,
      gboolean        bold,
      PangoAlignment  align,
      Fit             fit,
      gboolean        draw)
{
  return plaza_pdf_text (p->cr, p->layout, x, y, width, str, size, bold, align, fit == ELLIPSIZE, draw);
}

static void
hline (Page   *p,
       double  x0,
       double  x1,
       double  y,
       double  width)
{
  plaza_pdf_hline (p->cr, x0, x1, y, width);
}

static void
fill_rect (Page           *p,
           const PlazaRgb *c,
           double          x,
           double          y,
           double          w,
           double          h)
{
  plaza_pdf_fill_rect (p->cr, c, x, y, w, h);
}

static char *
running_title (const PlazaReport *r)
{
  return g_strdup_printf ("%s · %s · %s", r->mall_name, _("Monthly performance report"), r->month);
}

static void
footer (Page *p)
{
  g_autofree char *left = running_title (p->r);
  g_autofree char *right = p->n_pages > 0 ? g_strdup_printf (_("Page %u of %u"), p->page, p->n_pages)
                                          : g_strdup_printf (_("Page %u"), p->page);
  double y = PAGE_HEIGHT - 38.0;

  set_rgb (p, &plaza_pdf_rule);
  hline (p, MARGIN_X, PAGE_WIDTH - MARGIN_X, y - 5.0, 0.6);
  set_rgb (p, &plaza_pdf_muted);
  text (p, MARGIN_X, y, CONTENT_WIDTH * 0.75, left, 7.0, FALSE, PANGO_ALIGN_LEFT, ELLIPSIZE, TRUE);
  text (p, MARGIN_X, y, CONTENT_WIDTH, right, 7.0, FALSE, PANGO_ALIGN_RIGHT, ELLIPSIZE, TRUE);
}

static void
page_break (Page *p)
{
  g_autofree char *running = running_title (p->r);

  footer (p);
  cairo_show_page (p->cr);
  p->page++;
  p->y = MARGIN_TOP - 12.0;

  fill_rect (p, &plaza_pdf_navy, MARGIN_X, p->y, 3.0, 10.0);
  set_rgb (p, &plaza_pdf_muted);
  p->y += text (p, MARGIN_X + 8.0, p->y, CONTENT_WIDTH - 8.0, running, 7.5, FALSE, PANGO_ALIGN_LEFT, ELLIPSIZE,
                TRUE) + 4.0;
  set_rgb (p, &plaza_pdf_rule);
  hline (p, MARGIN_X, PAGE_WIDTH - MARGIN_X, p->y, 0.6);
  p->y += 12.0;
}

/* Room for @height more, or a new page. */
static void
need (Page   *p,
      double  height)
{
  if (p->y + height > CONTENT_BOTTOM)
    page_break (p);
}

static void
title_band (Page *p)
{
  const PlazaReport *r = p->r;
  g_autofree char *made = g_strdup_printf (_("Made on %s"), r->made_on);
  double band = 86.0;
  double x = MARGIN_X;
  double y;

  fill_rect (p, &plaza_pdf_navy, 0, 0, PAGE_WIDTH, band);
  cairo_set_source_rgb (p->cr, 0.80, 0.16, 0.14);
  cairo_rectangle (p->cr, 0, band, PAGE_WIDTH, 3.0);
  cairo_fill (p->cr);

  y = 19.0;
  cairo_set_source_rgb (p->cr, 0.80, 0.86, 0.93);
  y += text (p, x, y, CONTENT_WIDTH * 0.62, r->mall_name, 10.5, FALSE, PANGO_ALIGN_LEFT, ELLIPSIZE, TRUE) + 2.0;
  cairo_set_source_rgb (p->cr, 1.0, 1.0, 1.0);
  text (p, x, y, CONTENT_WIDTH * 0.62, _("Monthly performance report"), 20.0, TRUE, PANGO_ALIGN_LEFT,
        ELLIPSIZE, TRUE);

  /* the month, large, on the right */
  y = 17.0;
  cairo_set_source_rgb (p->cr, 0.80, 0.86, 0.93);
  y += text (p, x, y, CONTENT_WIDTH, _("Month"), 8.0, FALSE, PANGO_ALIGN_RIGHT, ELLIPSIZE, TRUE);
  cairo_set_source_rgb (p->cr, 1.0, 1.0, 1.0);
  y += text (p, x, y, CONTENT_WIDTH, r->month, 22.0, TRUE, PANGO_ALIGN_RIGHT, ELLIPSIZE, TRUE);
  cairo_set_source_rgb (p->cr, 0.80, 0.86, 0.93);
  text (p, x, y + 1.0, CONTENT_WIDTH, made, 8.0, FALSE, PANGO_ALIGN_RIGHT, ELLIPSIZE, TRUE);

  p->y = band + 14.0;
}

/* A heading, kept with the first @following points of what it heads. */
static void
section (Page       *p,
         const char *title,
         double      following)
{
  double h;

  need (p, 26.0 + following);
  p->y += 4.0;
  h = text (p, 0, 0, CONTENT_WIDTH, title, 11.0, TRUE, PANGO_ALIGN_LEFT, ELLIPSIZE, FALSE);
  fill_rect (p, &plaza_pdf_navy, MARGIN_X, p->y + 2.5, 3.5, h - 5.0);
  set_rgb (p, &plaza_pdf_navy);
  text (p, MARGIN_X + 9.0, p->y, CONTENT_WIDTH - 9.0, title, 11.0, TRUE, PANGO_ALIGN_LEFT, ELLIPSIZE, TRUE);
  p->y += h + 5.0;
}

static void
note (Page       *p,
      const char *str)
{
  double h;

  if (str == NULL)
    return;
  h = text (p, 0, 0, CONTENT_WIDTH, str, 6.8, FALSE, PANGO_ALIGN_LEFT, WRAP, FALSE);
  need (p, h);
  set_rgb (p, &plaza_pdf_muted);
  text (p, MARGIN_X, p->y, CONTENT_WIDTH, str, 6.8, FALSE, PANGO_ALIGN_LEFT, WRAP, TRUE);
  p->y += h + 8.0;
}

/* ---- tiles ---- */

static void
gauge (Page                  *p,
       const PlazaReportTile *tile,
       double                 x,
       double                 y,
       double                 w)
{
  /* the scale runs to 120 % of the marker so that the marker sits inside */
  double full = (double) tile->marker_bp * 1.2;
  double filled = CLAMP ((double) tile->gauge_bp / full, 0.0, 1.0) * w;
  double marker = (double) tile->marker_bp / full * w;

  fill_rect (p, &plaza_pdf_rule, x, y, w, 4.0);
  fill_rect (p, tile->gauge_bp >= tile->marker_bp ? &plaza_pdf_good : &plaza_pdf_bad, x, y, filled, 4.0);
  set_rgb (p, &plaza_pdf_ink);
  cairo_set_line_width (p->cr, 1.2);
  cairo_move_to (p->cr, x + marker, y - 2.5);
  cairo_line_to (p->cr, x + marker, y + 6.5);
  cairo_stroke (p->cr);
}

static void
tile_draw (Page                  *p,
           const PlazaReportTile *tile,
           double                 x,
           double                 y,
           double                 w)
{
  double inner = w - 20.0;
  double ty = y + 7.0;

  fill_rect (p, &plaza_pdf_tile_fill, x, y, w, TILE_HEIGHT);
  fill_rect (p, tone_rgb (tile->value_tone, &plaza_pdf_navy), x, y, 3.0, TILE_HEIGHT);
  set_rgb (p, &plaza_pdf_muted);
  ty += text (p, x + 12.0, ty, inner, tile->label, 7.8, FALSE, PANGO_ALIGN_LEFT, ELLIPSIZE, TRUE) + 1.0;
  set_rgb (p, tone_rgb (tile->value_tone, &plaza_pdf_ink));
  ty += text (p, x + 12.0, ty, inner, tile->value, 16.0, TRUE, PANGO_ALIGN_LEFT, ELLIPSIZE, TRUE) + 3.0;
  if (tile->has_gauge)
    {
      gauge (p, tile, x + 12.0, ty + 1.0, inner);
      ty += 10.0;
    }
  for (guint i = 0; i < G_N_ELEMENTS (tile->lines); i++)
    {
      if (tile->lines[i] == NULL)
        continue;
      set_rgb (p, tone_rgb (tile->tones[i], &plaza_pdf_muted));
      ty += text (p, x + 12.0, ty, inner, tile->lines[i], 7.0, FALSE, PANGO_ALIGN_LEFT, ELLIPSIZE, TRUE) + 1.0;
    }
}

static void
tiles (Page *p)
{
  const GPtrArray *all = p->r->tiles;
  double w = (CONTENT_WIDTH - 2 * TILE_GAP) / 3.0;

  for (guint i = 0; i < all->len; i += 3)
    {
      need (p, TILE_HEIGHT + TILE_GAP);
      for (guint j = 0; j < 3 && i + j < all->len; j++)
        tile_draw (p, g_ptr_array_index (all, i + j), MARGIN_X + j * (w + TILE_GAP), p->y, w);
      p->y += TILE_HEIGHT + TILE_GAP;
    }
  if (p->r->scope_note != NULL)
    note (p, p->r->scope_note);
  p->y += 4.0;
}

/* One sentence a line, bulleted. */
static void
highlights (Page *p)
{
  const GPtrArray *lines = p->r->highlights;
  double indent = 12.0;
  double total = 0.0;

  if (lines->len == 0)
    return;
  for (guint i = 0; i < lines->len; i++)
    total += text (p, 0, 0, CONTENT_WIDTH - indent, g_ptr_array_index (lines, i), 8.2, FALSE,
                   PANGO_ALIGN_LEFT, WRAP, FALSE) + 2.5;
  section (p, _("Highlights"), total);
  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);
      double h = text (p, 0, 0, CONTENT_WIDTH - indent, line, 8.2, FALSE, PANGO_ALIGN_LEFT, WRAP, FALSE);

      need (p, h);
      fill_rect (p, &plaza_pdf_navy, MARGIN_X + 3.0, p->y + 4.6, 3.0, 3.0);
      set_rgb (p, &plaza_pdf_ink);
      text (p, MARGIN_X + indent, p->y, CONTENT_WIDTH - indent, line, 8.2, FALSE, PANGO_ALIGN_LEFT, WRAP, TRUE);
      p->y += h + 2.5;
    }
  p->y += 6.0;
}

/* ---- charts ---- */

/* @chart drawn by plaza_chart_draw into the rectangle @x, p->y, @width,
 * @height, framed; drawn CHART_SCALE times larger and scaled down so its
 * text sits with the report's. Without a chart, a labelled empty box. */
static void
chart_box (Page       *p,
           PlazaChart *chart,
           double      x,
           double      width,
           double      height,
           const char *missing)
{
  cairo_save (p->cr);
  if (chart != NULL)
    {
      cairo_translate (p->cr, x, p->y);
      cairo_rectangle (p->cr, 0, 0, width, height);
      cairo_clip (p->cr);
      cairo_scale (p->cr, 1.0 / CHART_SCALE, 1.0 / CHART_SCALE);
      plaza_chart_draw (chart, p->cr, width * CHART_SCALE, height * CHART_SCALE, FALSE, NULL);
      cairo_restore (p->cr);
      cairo_save (p->cr);
      set_rgb (p, &plaza_pdf_rule);
      cairo_set_line_width (p->cr, 0.6);
      cairo_rectangle (p->cr, x + 0.3, p->y + 0.3, width - 0.6, height - 0.6);
      cairo_stroke (p->cr);
    }
  else
    {
      static const double dash[] = { 4.0, 3.0 };

      set_rgb (p, &plaza_pdf_rule);
      cairo_set_line_width (p->cr, 0.8);
      cairo_set_dash (p->cr, dash, G_N_ELEMENTS (dash), 0);
      cairo_rectangle (p->cr, x + 0.5, p->y + 0.5, width - 1.0, height - 1.0);
      cairo_stroke (p->cr);
      cairo_set_dash (p->cr, NULL, 0, 0);
      set_rgb (p, &plaza_pdf_muted);
      text (p, x, p->y + height / 2 - 6.0, width, missing, 9.0, FALSE, PANGO_ALIGN_CENTER, WRAP, TRUE);
    }
  cairo_restore (p->cr);
}

/* A chart across the page. */
static void
chart_wide (Page       *p,
            PlazaChart *chart,
            double      height,
            const char *missing)
{
  need (p, height + 10.0);
  p->y += 4.0;
  chart_box (p, chart, MARGIN_X, CONTENT_WIDTH, height, missing);
  p->y += height + 10.0;
}

/* Two charts side by side. */
static void
chart_pair (Page       *p,
            PlazaChart *left,
            PlazaChart *right,
            double      height)
{
  double w = (CONTENT_WIDTH - TILE_GAP) / 2.0;

  need (p, height + 10.0);
  p->y += 4.0;
  chart_box (p, left, MARGIN_X, w, height, _("Chart not available"));
  chart_box (p, right, MARGIN_X + w + TILE_GAP, w, height, _("Chart not available"));
  p->y += height + 10.0;
}

/* ---- tables ---- */

static double
col_width (const PlazaReportColumn *col)
{
  return col->share * CONTENT_WIDTH;
}

static PangoAlignment
col_align (const PlazaReportColumn *col)
{
  return col->kind == PLAZA_REPORT_COL_NUMBER || col->kind == PLAZA_REPORT_COL_GROWTH
         ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
}

static double
row_height (Page                   *p,
            const PlazaReportTable *t,
            const char * const     *cells,
            gboolean                header)
{
  double height = 0.0;

  for (guint c = 0; c < t->columns->len; c++)
    {
      const PlazaReportColumn *col = &g_array_index (t->columns, PlazaReportColumn, c);
      Fit fit = header || col->kind == PLAZA_REPORT_COL_WRAP ? WRAP : ELLIPSIZE;

      height = MAX (height, text (p, 0, 0, col_width (col) - 2 * CELL_PAD_X, cells[c], TABLE_SIZE, header,
                                  col_align (col), fit, FALSE));
    }
  return height + 2 * CELL_PAD_Y;
}

static void
draw_row (Page                   *p,
          const PlazaReportTable *t,
          const char * const     *cells,
          gboolean                header,
          gboolean                bold,
          const PlazaRgb              *fill)
{
  double height = row_height (p, t, cells, header);
  double x = MARGIN_X;

  if (fill != NULL)
    fill_rect (p, fill, MARGIN_X, p->y, CONTENT_WIDTH, height);
  for (guint c = 0; c < t->columns->len; c++)
    {
      const PlazaReportColumn *col = &g_array_index (t->columns, PlazaReportColumn, c);
      Fit fit = header || col->kind == PLAZA_REPORT_COL_WRAP ? WRAP : ELLIPSIZE;
      const PlazaRgb *colour = header ? &plaza_pdf_navy : &plaza_pdf_ink;

      if (!header && col->kind == PLAZA_REPORT_COL_GROWTH && cells[c] != NULL)
        colour = cells[c][0] == '-' ? &plaza_pdf_bad : cells[c][0] == '+' ? &plaza_pdf_good : &plaza_pdf_ink;
      set_rgb (p, colour);
      text (p, x + CELL_PAD_X, p->y + CELL_PAD_Y, col_width (col) - 2 * CELL_PAD_X, cells[c], TABLE_SIZE,
            header || bold, col_align (col), fit, TRUE);
      x += col_width (col);
    }
  p->y += height;
}

static const char **
header_cells (const PlazaReportTable *t)
{
  const char **titles = g_new0 (const char *, t->columns->len + 1);

  for (guint c = 0; c < t->columns->len; c++)
    titles[c] = g_array_index (t->columns, PlazaReportColumn, c).title;
  return titles;
}

static void
table_header (Page                   *p,
              const PlazaReportTable *t)
{
  g_autofree const char **titles = header_cells (t);

  draw_row (p, t, titles, TRUE, TRUE, &plaza_pdf_header_fill);
  set_rgb (p, &plaza_pdf_navy);
  hline (p, MARGIN_X, PAGE_WIDTH - MARGIN_X, p->y, 0.8);
}

/* What must fit before the table starts: all of it when it fits on a page
 * (short tables are not split), else the header and three rows. */
static double
table_keep (Page                   *p,
            const PlazaReportTable *t)
{
  g_autofree const char **titles = header_cells (t);
  double header = row_height (p, t, titles, TRUE);
  double whole = header, start = header;

  if (t->rows->len == 0)
    return header + 20.0;
  for (guint r = 0; r < t->rows->len; r++)
    {
      double h = row_height (p, t, g_ptr_array_index (t->rows, r), FALSE);

      whole += h;
      if (r < 3)
        start += h;
    }
  if (t->note != NULL)
    whole += 5.0 + text (p, 0, 0, CONTENT_WIDTH, t->note, 6.8, FALSE, PANGO_ALIGN_LEFT, WRAP, FALSE);
  if (whole <= CONTENT_BOTTOM - MARGIN_TOP - 60.0)
    return whole;
  return start;
}

/* How many rows fit in @room points under the header. */
static guint
rows_fitting (Page                   *p,
              const PlazaReportTable *t,
              double                  room)
{
  g_autofree const char **titles = header_cells (t);
  double y = row_height (p, t, titles, TRUE);
  guint n = 0;

  for (guint r = 0; r < t->rows->len; r++)
    {
      y += row_height (p, t, g_ptr_array_index (t->rows, r), FALSE);
      if (y > room)
        break;
      n++;
    }
  return n;
}

static void
table (Page                   *p,
       const PlazaReportTable *t)
{
  double keep = table_keep (p, t);
  double room = CONTENT_BOTTOM - p->y - 30.0;

  /* a table that does not fit whole starts here anyway, repeating its
   * header on the next page, when most of it fits */
  if (keep > room && t->rows->len >= 6 && rows_fitting (p, t, room) * 3 >= t->rows->len * 2)
    keep = room;
  section (p, t->title, keep);
  table_header (p, t);
  if (t->rows->len == 0)
    {
      set_rgb (p, &plaza_pdf_muted);
      p->y += 4.0;
      p->y += text (p, MARGIN_X + CELL_PAD_X, p->y, CONTENT_WIDTH, t->empty, TABLE_SIZE, FALSE,
                    PANGO_ALIGN_LEFT, WRAP, TRUE) + 4.0;
    }
  for (guint r = 0; r < t->rows->len; r++)
    {
      const char * const *cells = g_ptr_array_index (t->rows, r);
      gboolean total = t->total_row && r + 1 == t->rows->len;
      double h = row_height (p, t, cells, FALSE);

      if (p->y + h > CONTENT_BOTTOM)
        {
          set_rgb (p, &plaza_pdf_navy);
          hline (p, MARGIN_X, PAGE_WIDTH - MARGIN_X, p->y, 0.8);
          page_break (p);
          table_header (p, t);
        }
      if (total)
        {
          set_rgb (p, &plaza_pdf_navy);
          hline (p, MARGIN_X, PAGE_WIDTH - MARGIN_X, p->y, 0.6);
        }
      draw_row (p, t, cells, FALSE, total, total ? &plaza_pdf_header_fill : r % 2 == 1 ? &plaza_pdf_zebra : NULL);
    }
  set_rgb (p, &plaza_pdf_navy);
  hline (p, MARGIN_X, PAGE_WIDTH - MARGIN_X, p->y, 0.8);
  p->y += 5.0;
  note (p, t->note);
}

guint
plaza_report_draw (const PlazaReport *r,
                   cairo_surface_t   *surface,
                   guint              n_pages)
{
  Page page = { 0 };
  cairo_font_options_t *options;
  PangoContext *context;

  page.cr = cairo_create (surface);
  page.layout = pango_cairo_create_layout (page.cr);
  page.r = r;
  page.page = 1;
  page.n_pages = n_pages;

  /* Metrics that do not depend on the device: both passes break alike;
   * Han characters in their Simplified Chinese forms. */
  context = pango_layout_get_context (page.layout);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_language (context, pango_language_from_string ("zh-cn"));
  pango_layout_context_changed (page.layout);

  title_band (&page);
  section (&page, _("Headline figures"), TILE_HEIGHT);
  tiles (&page);
  highlights (&page);
  chart_wide (&page, r->trend, CHART_HEIGHT, _("Sales trend: chart not available"));
  table (&page, r->floors);
  table (&page, r->categories);
  if (r->mix != NULL || r->floor_ranking != NULL)
    chart_pair (&page, r->mix, r->floor_ranking, PAIR_HEIGHT);
  table (&page, r->top);
  table (&page, r->bottom);
  table (&page, r->health);
  footer (&page);
  cairo_show_page (page.cr);

  g_object_unref (page.layout);
  cairo_destroy (page.cr);
  return page.page;
}
