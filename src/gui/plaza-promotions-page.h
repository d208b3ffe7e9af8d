/* plaza-promotions-page.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "plaza-list-page.h"
#include "plaza-worker.h"

G_BEGIN_DECLS

#define PLAZA_TYPE_PROMOTIONS_PAGE (plaza_promotions_page_get_type ())
G_DECLARE_FINAL_TYPE (PlazaPromotionsPage, plaza_promotions_page, PLAZA, PROMOTIONS_PAGE, AdwBin)

GtkWidget     *plaza_promotions_page_new          (void);
void           plaza_promotions_page_set_worker   (PlazaPromotionsPage *self,
                                                   PlazaWorker         *worker);
/* Loads the visible view if its data changed or was never loaded. */
void           plaza_promotions_page_ensure_loaded (PlazaPromotionsPage *self);
/* Marks every view out of date (the next ensure_loaded reloads). */
void           plaza_promotions_page_invalidate   (PlazaPromotionsPage *self);
/* Shows the list and focuses its search. */
void           plaza_promotions_page_focus_search (PlazaPromotionsPage *self);
/* "list", "calendar" or "timeline"; FALSE if unknown. */
gboolean       plaza_promotions_page_set_view     (PlazaPromotionsPage *self,
                                                   const char          *view);
const char    *plaza_promotions_page_get_view     (PlazaPromotionsPage *self);
/* The calendar's month (1–12) and the timeline's dates follow @anchor. */
void           plaza_promotions_page_set_anchor   (PlazaPromotionsPage *self,
                                                   const GDate         *anchor);
gboolean       plaza_promotions_page_get_loading  (PlazaPromotionsPage *self);

/* For tests. */
PlazaListPage *plaza_promotions_page_get_list     (PlazaPromotionsPage *self);
GtkWidget     *plaza_promotions_page_get_calendar (PlazaPromotionsPage *self);
GtkWidget     *plaza_promotions_page_get_timeline (PlazaPromotionsPage *self);

G_END_DECLS
