/* plaza-units-page-private.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Units page's state, shared by plaza-units-page.c (the switcher, the
 * list and its buttons) and plaza-units-page-views.c (vacancy, zoning).
 */

#pragma once

#include "plaza-units-page.h"
#include "charts/plaza-chart-view.h"

#include "plaza-record-column.h"

G_BEGIN_DECLS

typedef enum
{
  UNITS_VIEW_LIST,
  UNITS_VIEW_VACANCY,
  UNITS_VIEW_ZONING,
  UNITS_N_VIEWS
} UnitsView;

struct _PlazaUnitsPage
{
  AdwBin           parent_instance;

  PlazaWorker     *worker;
  GCancellable    *cancellable;
  AdwViewStack    *stack;
  AdwToastOverlay *toasts;
  GtkWidget       *views[UNITS_N_VIEWS];
  gboolean         loaded[UNITS_N_VIEWS];
  int              busy;

  PlazaListPage   *list;

  /* vacancy */
  GPtrArray       *vacancy;          /* PlazaVacancyRow */
  GListStore      *vacancy_store;    /* PlazaRecord */
  GtkSortListModel *vacancy_sorted;
  GtkColumnView   *vacancy_view;
  GtkLabel        *vacancy_summary;

  /* zoning */
  GtkDropDown     *floor_drop;
  GtkStringList   *floor_names;
  GArray          *floor_ids;        /* gint64, [0] = 0 for all floors */
  gint64           floor_id;
  gboolean         filling_floors;
  PlazaChartView  *chart_view;
  GListStore      *zoning_store;     /* PlazaRecord */
};

void       plaza_units_page_busy_push   (PlazaUnitsPage *self);
void       plaza_units_page_busy_pop    (PlazaUnitsPage *self);
void       plaza_units_page_toast       (PlazaUnitsPage *self,
                                         const char     *text);

GtkWidget *plaza_units_vacancy_build    (PlazaUnitsPage *self);
void       plaza_units_vacancy_load     (PlazaUnitsPage *self);
GtkWidget *plaza_units_zoning_build     (PlazaUnitsPage *self);
void       plaza_units_zoning_load      (PlazaUnitsPage *self);

G_END_DECLS
