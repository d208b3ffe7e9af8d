/* plaza-overview-page.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "plaza-overview.h"
#include "plaza-worker.h"

G_BEGIN_DECLS

#define PLAZA_TYPE_OVERVIEW_PAGE (plaza_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (PlazaOverviewPage, plaza_overview_page, PLAZA, OVERVIEW_PAGE, AdwBin)

PlazaOverviewPage *plaza_overview_page_new         (void);
void               plaza_overview_page_set_worker  (PlazaOverviewPage *self,
                                                    PlazaWorker       *worker);
void               plaza_overview_page_reload      (PlazaOverviewPage *self);
gboolean           plaza_overview_page_get_loading (PlazaOverviewPage *self);
/* The counts shown, or NULL before the first load. */
const PlazaOverview *plaza_overview_page_get_overview (PlazaOverviewPage *self);

/* The "Contracts ending soon" alerts shown (PlazaContractAlert), or NULL
 * before they are loaded. */
GPtrArray         *plaza_overview_page_get_alerts   (PlazaOverviewPage *self);
/* As if the alert row at @index were activated: emits "contract-activated"
 * with its contract id. */
void               plaza_overview_page_activate_alert (PlazaOverviewPage *self,
                                                      guint              index);

G_END_DECLS
