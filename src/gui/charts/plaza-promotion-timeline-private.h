/* plaza-promotion-timeline-private.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by plaza-promotion-timeline.c (state, events, hit tests) and
 * plaza-promotion-timeline-draw.c (drawing): the widget's struct and the
 * geometry both use.
 */

#pragma once

#include "plaza-promotion-style.h"
#include "plaza-promotion-timeline.h"

G_BEGIN_DECLS

#define PAD 12.0
#define HEADER_H 54.0
#define ROW_H 34.0
#define LEGEND_H 36.0
#define EDGE 6.0

struct _PlazaPromotionTimeline
{
  GtkWidget          parent_instance;

  GPtrArray         *spans;        /* PlazaPromotionSpan */
  guint32            from, to;     /* julian, inclusive */
  guint32            today;

  int                hover;
  int                focus;

  /* a drag in progress */
  int                drag_index;   /* -1 when none */
  PlazaTimelineDrag  drag_mode;
  int                drag_days;

  /* a move sent and not yet reloaded: drawn where it was dropped */
  gint64             pending_id;
  guint32            pending_start, pending_end;

  /* GtkScrollable: the rows scroll under a fixed date axis */
  GtkAdjustment     *hadjustment;
  GtkAdjustment     *vadjustment;
  guint              hscroll_policy : 1;
  guint              vscroll_policy : 1;
};

/* How far the rows are scrolled (0 without an adjustment). */
double   plaza_promotion_timeline_scroll      (PlazaPromotionTimeline *self);

double   plaza_promotion_timeline_label_width (double                  width);
double   plaza_promotion_timeline_day_width   (PlazaPromotionTimeline *self,
                                               double                  width);
/* The days span @index is drawn with: moved by a drag in progress, or
 * where it was dropped until the reload. */
void     plaza_promotion_timeline_span_days   (PlazaPromotionTimeline *self,
                                               guint                   index,
                                               guint32                *start,
                                               guint32                *end);
/* The bar of span @index; FALSE when it is outside the range. */
gboolean plaza_promotion_timeline_bar_rect    (PlazaPromotionTimeline *self,
                                               guint                   index,
                                               double                  width,
                                               double                 *x,
                                               double                 *y,
                                               double                 *w,
                                               double                 *h);
void     plaza_promotion_timeline_draw        (PlazaPromotionTimeline *self,
                                               cairo_t                *cr,
                                               double                  width,
                                               double                  height);

G_END_DECLS
