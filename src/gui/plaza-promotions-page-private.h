/* plaza-promotions-page-private.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by plaza-promotions-page.c (views, loading, the editor) and
 * plaza-promotions-page-move.c (moves from the timeline).
 */

#pragma once

#include "charts/plaza-promotion-calendar.h"
#include "charts/plaza-promotion-timeline.h"
#include "plaza-promotions-page.h"

G_BEGIN_DECLS

typedef enum
{
  VIEW_LIST,
  VIEW_CALENDAR,
  VIEW_TIMELINE,
  N_VIEWS
} PromotionsView;

struct _PlazaPromotionsPage
{
  AdwBin                  parent_instance;

  PlazaWorker            *worker;
  GCancellable           *cancellable;   /* the chart load in progress */
  GCancellable           *lifetime;      /* moves; cancelled on dispose */

  AdwViewStack           *stack;
  PlazaListPage          *list;
  PlazaPromotionCalendar *calendar;
  PlazaPromotionTimeline *timeline;
  GtkWidget              *nav_box;
  GtkLabel               *period_label;
  GtkWidget              *zoom_box;
  GtkDropDown            *zoom_dropdown;
  GtkWidget              *new_button;

  GDate                   anchor;
  GDate                   today;
  PlazaTimelineZoom       zoom;
  char                   *loaded_key[N_VIEWS];  /* "view:from:to" of the data shown */
  guint                   loading;
  gboolean                updating;
};

void plaza_promotions_page_set_loading (PlazaPromotionsPage *self,
                                        gboolean             loading);
/* Shows @toast in the window's overlay (takes the floating reference). */
void plaza_promotions_page_toast       (PlazaPromotionsPage *self,
                                        AdwToast            *toast);
/* Marks everything out of date and reloads the visible view. */
void plaza_promotions_page_reload      (PlazaPromotionsPage *self);
/* The timeline's "move-requested". */
void plaza_promotions_page_move_requested_cb (PlazaPromotionsPage *self,
                                              gint64               id,
                                              gint64               rev,
                                              const char          *start,
                                              const char          *end);

G_END_DECLS
