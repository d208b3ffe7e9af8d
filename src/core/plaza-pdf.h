/* plaza-pdf.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What every document Plaza writes shares.
 */

#pragma once

/* The font of documents and charts. WenQuanYi Micro Hei (TrueType) comes
 * first because Debian 12's cairo embeds some glyphs of Noto Sans CJK
 * (CFF outlines) into PDF without their outline: 如 prints blank while
 * pdftotext still finds it, so a tenant called 如家 would vanish from its
 * own notice. Noto Sans CJK SC, then Sans, where WenQuanYi is missing.
 * tests/test-chart.c checks that 如 leaves ink in a PDF. */
#define PLAZA_DOCUMENT_FONT "WenQuanYi Micro Hei,Noto Sans CJK SC,Sans"

#include <cairo.h>
#include <glib.h>
#include <pango/pangocairo.h>

/* The documents' palette (plaza-pdf-draw.c). */
typedef struct
{
  double r, g, b;
} PlazaRgb;

extern const PlazaRgb plaza_pdf_ink;          /* body text */
extern const PlazaRgb plaza_pdf_muted;        /* captions, footers */
extern const PlazaRgb plaza_pdf_navy;         /* title bands, accents */
extern const PlazaRgb plaza_pdf_good;         /* better than before */
extern const PlazaRgb plaza_pdf_bad;          /* worse, overdue */
extern const PlazaRgb plaza_pdf_rule;         /* table rules */
extern const PlazaRgb plaza_pdf_zebra;        /* every other table row */
extern const PlazaRgb plaza_pdf_header_fill;  /* table headers */
extern const PlazaRgb plaza_pdf_tile_fill;    /* KPI tiles */

void   plaza_pdf_set_rgb   (cairo_t        *cr,
                            const PlazaRgb *colour);
void   plaza_pdf_fill_rect (cairo_t        *cr,
                            const PlazaRgb *colour,
                            double          x,
                            double          y,
                            double          width,
                            double          height);
void   plaza_pdf_hline     (cairo_t        *cr,
                            double          x0,
                            double          x1,
                            double          y,
                            double          line_width);

/* Lays @str out with @layout in PLAZA_DOCUMENT_FONT at @size points:
 * wrapped in @width (no width limit when @width <= 0), or as one line cut
 * with "…" when @ellipsize. When @draw, shows it at @x, @y in the current
 * colour. Returns its height. */
double plaza_pdf_text      (cairo_t        *cr,
                            PangoLayout    *layout,
                            double          x,
                            double          y,
                            double          width,
                            const char     *str,
                            double          size,
                            gboolean        bold,
                            PangoAlignment  align,
                            gboolean        ellipsize,
                            gboolean        draw);
/* The size, at most @size, at which @str fits in @width on one line. */
double plaza_pdf_fit_size  (PangoLayout    *layout,
                            const char     *str,
                            double          width,
                            double          size,
                            gboolean        bold);
