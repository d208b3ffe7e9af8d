/* plaza-pdf-draw.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The drawing every Plaza document shares (plaza-pdf.h): the palette, text
 * laid out with Pango in the document font, rules and filled boxes. The
 * monthly report, the promotion evaluation, the contract PDF and the letters
 * (plaza-document.c) draw with these.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include "plaza-pdf.h"

const PlazaRgb plaza_pdf_ink = { 0.13, 0.15, 0.18 };
const PlazaRgb plaza_pdf_muted = { 0.42, 0.45, 0.50 };
const PlazaRgb plaza_pdf_navy = { 0.12, 0.23, 0.37 };
const PlazaRgb plaza_pdf_good = { 0.15, 0.52, 0.25 };
const PlazaRgb plaza_pdf_bad = { 0.78, 0.16, 0.16 };
const PlazaRgb plaza_pdf_rule = { 0.78, 0.81, 0.85 };
const PlazaRgb plaza_pdf_zebra = { 0.955, 0.965, 0.98 };
const PlazaRgb plaza_pdf_header_fill = { 0.89, 0.92, 0.955 };
const PlazaRgb plaza_pdf_tile_fill = { 0.965, 0.972, 0.982 };

void
plaza_pdf_set_rgb (cairo_t        *cr,
                   const PlazaRgb *colour)
{
  cairo_set_source_rgb (cr, colour->r, colour->g, colour->b);
}

void
plaza_pdf_fill_rect (cairo_t        *cr,
                     const PlazaRgb *colour,
                     double          x,
                     double          y,
                     double          width,
                     double          height)
{
  plaza_pdf_set_rgb (cr, colour);
  cairo_rectangle (cr, x, y, width, height);
  cairo_fill (cr);
}

void
plaza_pdf_hline (cairo_t *cr,
                 double   x0,
                 double   x1,
                 double   y,
                 double   line_width)
{
  cairo_set_line_width (cr, line_width);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
}

static void
set_font (PangoLayout *layout,
          double       size,
          gboolean     bold)
{
  PangoFontDescription *desc = pango_font_description_from_string (PLAZA_DOCUMENT_FONT);

  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_font_description_set_weight (desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
}

double
plaza_pdf_text (cairo_t        *cr,
                PangoLayout    *layout,
                double          x,
                double          y,
                double          width,
                const char     *str,
                double          size,
                gboolean        bold,
                PangoAlignment  align,
                gboolean        ellipsize,
                gboolean        draw)
{
  int w, h;

  set_font (layout, size, bold);
  pango_layout_set_width (layout, width > 0 ? (int) (width * PANGO_SCALE) : -1);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, ellipsize ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  pango_layout_set_alignment (layout, align);
  pango_layout_set_text (layout, str != NULL ? str : "", -1);
  pango_layout_get_size (layout, &w, &h);
  if (draw)
    {
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, layout);
    }
  return (double) h / PANGO_SCALE;
}

double
plaza_pdf_fit_size (PangoLayout *layout,
                    const char  *str,
                    double       width,
                    double       size,
                    gboolean     bold)
{
  int w, h;

  set_font (layout, size, bold);
  pango_layout_set_width (layout, -1);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
  pango_layout_set_text (layout, str != NULL ? str : "", -1);
  pango_layout_get_size (layout, &w, &h);
  if ((double) w / PANGO_SCALE <= width || w <= 0)
    return size;
  return size * width / ((double) w / PANGO_SCALE) * 0.98;
}
