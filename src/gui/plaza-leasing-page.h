/* plaza-leasing-page.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "plaza-list-page.h"
#include "plaza-prospect-window.h"
#include "plaza-worker.h"

G_BEGIN_DECLS

#define PLAZA_TYPE_LEASING_PAGE (plaza_leasing_page_get_type ())
G_DECLARE_FINAL_TYPE (PlazaLeasingPage, plaza_leasing_page, PLAZA, LEASING_PAGE, AdwBin)

GtkWidget           *plaza_leasing_page_new           (void);
void                 plaza_leasing_page_set_worker    (PlazaLeasingPage *self,
                                                       PlazaWorker      *worker);
/* Loads the visible view if its data changed or was never loaded. */
void                 plaza_leasing_page_ensure_loaded (PlazaLeasingPage *self);
/* Marks every view out of date (the next ensure_loaded reloads). */
void                 plaza_leasing_page_invalidate    (PlazaLeasingPage *self);
/* Shows the list and focuses its search. */
void                 plaza_leasing_page_focus_search  (PlazaLeasingPage *self);
/* "board", "list" or "plan"; FALSE if unknown. */
gboolean             plaza_leasing_page_set_view      (PlazaLeasingPage *self,
                                                       const char       *view);
const char          *plaza_leasing_page_get_view      (PlazaLeasingPage *self);
gboolean             plaza_leasing_page_get_loading   (PlazaLeasingPage *self);
/* Opens prospect @id in its window (what a click on a card does). */
PlazaProspectWindow *plaza_leasing_page_open_prospect (PlazaLeasingPage *self,
                                                       gint64            id);

/* Sets the plan's targets of @unit_id in the worker if they are still at
 * @rev (the unit's target_rev as the page read it; -1: whatever they are),
 * then reloads; someone else's newer targets bring up the conflict dialog
 * (what the plan's dialog does; see plaza_leasing_plan_set_target_at ()). */
void                 plaza_leasing_page_set_target    (PlazaLeasingPage   *self,
                                                       gint64              unit_id,
                                                       gint64              rev,
                                                       gint64              category_id,
                                                       gint64              rent_min,
                                                       gint64              rent_max,
                                                       const char * const *brands);

/* Adds a prospect (stage contact) in the worker, then opens it (what New
 * Prospect does). */
void                 plaza_leasing_page_add_prospect  (PlazaLeasingPage *self,
                                                       const char       *name,
                                                       gint64            category_id,
                                                       gint64            wanted_area,
                                                       const char       *contact,
                                                       const char       *phone,
                                                       const char       *source);

/* For tests. */
PlazaListPage       *plaza_leasing_page_get_list      (PlazaLeasingPage *self);
/* The cards in the board's column of @stage. */
guint                plaza_leasing_page_get_n_cards   (PlazaLeasingPage   *self,
                                                       PlazaProspectStage  stage);
/* The plan's rows (units) as last loaded. */
guint                plaza_leasing_page_get_n_plan_units (PlazaLeasingPage *self);

G_END_DECLS
