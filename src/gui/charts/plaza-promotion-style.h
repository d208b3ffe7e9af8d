/* plaza-promotion-style.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the promotions calendar and timeline share: the colours of a plan
 * by its state (light and dark), the bar they both draw, the clash mark,
 * the legend, the tooltip text and the date arithmetic on 'YYYY-MM-DD'.
 */

#pragma once

#include <gtk/gtk.h>

#include "plaza-chart-private.h"
/* core's (src/core): a quoted include would find the calendar widget's
 * header next to this one */
#include "plaza-promotion-dates.h"

G_BEGIN_DECLS

typedef struct
{
  PlazaChartRgb fill;
  PlazaChartRgb border;
  PlazaChartRgb text;
  gboolean      outline;   /* rejected: no fill, a red outline */
  gboolean      struck;    /* cancelled: the label struck through */
} PlazaPromotionLook;

void         plaza_promotion_look          (const char         *state,
                                            gboolean            dark,
                                            PlazaPromotionLook *look);
/* The clash red. */
PlazaChartRgb plaza_promotion_clash_colour (gboolean            dark);
/* The "today" accent. */
PlazaChartRgb plaza_promotion_today_colour (gboolean            dark);
/* "Draft", "Submitted", … translated. */
const char  *plaza_promotion_state_label   (const char         *state);
/* Code, name, dates and length, state, clashes, and for a plan that does
 * not move why. */
char        *plaza_promotion_span_tooltip  (const PlazaPromotionSpan *span);
/* The accessible summary of a list of spans. */
char        *plaza_promotion_spans_describe (GPtrArray         *spans);

/* The Julian day of 'YYYY-MM-DD' (0 when invalid), and back. */
guint32      plaza_promotion_julian        (const char         *date);
char        *plaza_promotion_julian_format (guint32             julian);

/* A bar from @x to @x + @w: rounded ends unless it runs on past the
 * left or right edge (@open_left, @open_right); its label inside,
 * ellipsized; a red edge and a warning mark when it clashes; a ring
 * when @highlight. */
void         plaza_promotion_draw_bar      (cairo_t                  *cr,
                                            PlazaChartText           *text,
                                            const PlazaPromotionSpan *span,
                                            gboolean                  dark,
                                            double                    x,
                                            double                    y,
                                            double                    w,
                                            double                    h,
                                            gboolean                  open_left,
                                            gboolean                  open_right,
                                            gboolean                  highlight,
                                            const char               *label);
/* The warning triangle, @size high, top-left at @x, @y. */
void         plaza_promotion_draw_warning  (cairo_t       *cr,
                                            double         x,
                                            double         y,
                                            double         size,
                                            PlazaChartRgb  colour);
/* A small padlock, @size high. */
void         plaza_promotion_draw_lock     (cairo_t       *cr,
                                            double         x,
                                            double         y,
                                            double         size,
                                            PlazaChartRgb  colour);
/* The legend (states, clash) in one line from @x, @y; returns its height. */
double       plaza_promotion_draw_legend   (cairo_t        *cr,
                                            PlazaChartText *text,
                                            gboolean        dark,
                                            double          x,
                                            double          y,
                                            double          width);
/* A text helper at the widget's size: font_px fixed at 13. */
void         plaza_promotion_text_init     (PlazaChartText *text);

G_END_DECLS
