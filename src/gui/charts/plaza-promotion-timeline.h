/* plaza-promotion-timeline.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PLAZA_TYPE_PROMOTION_TIMELINE (plaza_promotion_timeline_get_type ())
G_DECLARE_FINAL_TYPE (PlazaPromotionTimeline, plaza_promotion_timeline, PLAZA, PROMOTION_TIMELINE, GtkWidget)

typedef enum
{
  PLAZA_TIMELINE_ZOOM_WEEK,     /* two weeks from the Monday of the week */
  PLAZA_TIMELINE_ZOOM_MONTH,    /* the calendar month */
  PLAZA_TIMELINE_ZOOM_QUARTER,  /* the calendar quarter */
} PlazaTimelineZoom;

typedef enum
{
  PLAZA_TIMELINE_DRAG_MOVE,
  PLAZA_TIMELINE_DRAG_START,    /* the left end: a new start */
  PLAZA_TIMELINE_DRAG_END,      /* the right end: a new end */
} PlazaTimelineDrag;

GtkWidget  *plaza_promotion_timeline_new        (void);
/* The days shown for @zoom around @anchor: [*from, *to]. */
void        plaza_promotion_timeline_zoom_range (PlazaTimelineZoom  zoom,
                                                 const GDate       *anchor,
                                                 GDate             *from,
                                                 GDate             *to);
/* @anchor one period on (@steps > 0) or back. */
void        plaza_promotion_timeline_zoom_step  (PlazaTimelineZoom  zoom,
                                                 GDate             *anchor,
                                                 int                steps);
void        plaza_promotion_timeline_set_range  (PlazaPromotionTimeline *self,
                                                 const GDate            *from,
                                                 const GDate            *to);
void        plaza_promotion_timeline_set_today  (PlazaPromotionTimeline *self,
                                                 const GDate            *today);
/* PlazaPromotionSpan rows, one per promotion (a reference is kept). */
void        plaza_promotion_timeline_set_spans  (PlazaPromotionTimeline *self,
                                                 GPtrArray              *spans);
GPtrArray  *plaza_promotion_timeline_get_spans  (PlazaPromotionTimeline *self);
/* Where a drag ends: promotion @id moved (or one end moved) by @days,
 * snapped to whole days, the end kept on or after the start. Emits
 * "move-requested" (id, rev, start, end) and returns TRUE; FALSE and
 * nothing emitted for a plan that does not move (approved, submitted,
 * cancelled), an unknown id or no change. The mouse drag ends here. */
gboolean    plaza_promotion_timeline_end_drag   (PlazaPromotionTimeline *self,
                                                 gint64                  id,
                                                 PlazaTimelineDrag       mode,
                                                 int                     days);

G_END_DECLS
