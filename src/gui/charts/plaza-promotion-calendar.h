/* plaza-promotion-calendar.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PLAZA_TYPE_PROMOTION_CALENDAR (plaza_promotion_calendar_get_type ())
G_DECLARE_FINAL_TYPE (PlazaPromotionCalendar, plaza_promotion_calendar, PLAZA, PROMOTION_CALENDAR, GtkWidget)

GtkWidget  *plaza_promotion_calendar_new        (void);
/* The month shown (@month 1–12); the grid runs from the Monday on or
 * before the 1st to the Sunday on or after the last day. */
void        plaza_promotion_calendar_set_month  (PlazaPromotionCalendar *self,
                                                 int                     year,
                                                 int                     month);
/* The first and last day of the grid. */
void        plaza_promotion_calendar_get_grid   (PlazaPromotionCalendar *self,
                                                 GDate                  *first,
                                                 GDate                  *last);
void        plaza_promotion_calendar_set_today  (PlazaPromotionCalendar *self,
                                                 const GDate            *today);
/* @spans: PlazaPromotionSpan (plaza-promotion-dates.h in core), as
 * plaza_promotion_calendar_query () returns them; the widget keeps a
 * reference. NULL clears. */
void        plaza_promotion_calendar_set_spans  (PlazaPromotionCalendar *self,
                                                 GPtrArray              *spans);
GPtrArray  *plaza_promotion_calendar_get_spans  (PlazaPromotionCalendar *self);
/* The spans drawn in the month itself (not only in the days of the
 * months before and after), in order: what the test compares. */
GPtrArray  *plaza_promotion_calendar_get_month_spans (PlazaPromotionCalendar *self);

G_END_DECLS
