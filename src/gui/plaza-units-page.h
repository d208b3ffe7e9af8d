/* plaza-units-page.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Units page (issue 6): a view switcher over the unit list (the
 * generic list; a row opens the unit window), the vacancy list and the
 * zoning plan vs let (a chart per floor and its table). New Unit and New
 * Floor are on the list's toolbar.
 */

#pragma once

#include <adwaita.h>

#include "plaza-chart.h"
#include "plaza-list-page.h"
#include "plaza-unit-window.h"
#include "plaza-worker.h"

G_BEGIN_DECLS

#define PLAZA_TYPE_UNITS_PAGE (plaza_units_page_get_type ())
G_DECLARE_FINAL_TYPE (PlazaUnitsPage, plaza_units_page, PLAZA, UNITS_PAGE, AdwBin)

GtkWidget       *plaza_units_page_new           (void);
void             plaza_units_page_set_worker    (PlazaUnitsPage *self,
                                                 PlazaWorker    *worker);
/* Loads the visible view if its data changed or was never loaded. */
void             plaza_units_page_ensure_loaded (PlazaUnitsPage *self);
void             plaza_units_page_invalidate    (PlazaUnitsPage *self);
/* "list", "vacancy" or "zoning"; FALSE if unknown. */
gboolean         plaza_units_page_set_view      (PlazaUnitsPage *self,
                                                 const char     *name);
const char      *plaza_units_page_get_view      (PlazaUnitsPage *self);
gboolean         plaza_units_page_get_busy      (PlazaUnitsPage *self);

/* For tests and the window. */
PlazaListPage   *plaza_units_page_get_list      (PlazaUnitsPage *self);
/* The vacancy rows loaded (PlazaVacancyRow), NULL before. */
GPtrArray       *plaza_units_page_get_vacancy   (PlazaUnitsPage *self);
/* The vacancy table as shown (PlazaRecord, id = unit), sortable. */
GListModel      *plaza_units_page_get_vacancy_model (PlazaUnitsPage *self);
/* The zoning chart shown (NULL before it is loaded). */
PlazaChart      *plaza_units_page_get_chart     (PlazaUnitsPage *self);
/* The floor whose zoning is shown (0: all floors); reloads the chart. */
void             plaza_units_page_set_floor     (PlazaUnitsPage *self,
                                                 gint64          floor_id);
gint64           plaza_units_page_get_floor     (PlazaUnitsPage *self);
/* Opens a unit's window (0: a new unit). */
PlazaUnitWindow *plaza_units_page_open_unit     (PlazaUnitsPage *self,
                                                 gint64          unit_id);

G_END_DECLS
