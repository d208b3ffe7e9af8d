/* plaza-zoning.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Zoning plan vs actual (卖区规划, issue 6): per floor, the planned
 * category mix (rentable area of the units not retired by
 * planned_category_id) against what is let (rentable area of the units
 * under a contract in force on the day, by the category of the contract's
 * brand, else its tenant's). Category id 0 stands for "none": units
 * without a planned category, or let to a tenant without one.
 */

#pragma once

#include <glib.h>

#include "plaza-chart.h"
#include "plaza-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  category_id;   /* 0: none */
  char   *category;      /* its name; "" for none */
  gint64  planned_area;  /* hundredths of m² */
  gint64  let_area;
} PlazaZoningRow;

typedef struct
{
  gint64     floor_id;
  char      *floor_label;
  gint64     floor_level;
  gint64     rentable_area;  /* units not retired */
  gint64     let_area;       /* of which let */
  GPtrArray *rows;           /* PlazaZoningRow, by category name (none last) */
} PlazaZoningFloor;

void        plaza_zoning_floor_free (PlazaZoningFloor *floor);

/* One PlazaZoningFloor per floor (by level), on @today. */
GPtrArray  *plaza_zoning_plan_vs_actual (PlazaStore  *store,
                                         const GDate *today,
                                         GError     **error);

/* A BAR chart in m² (PLAZA_CHART_UNIT_AREA) for @floor_id (0: the whole
 * mall): one category per category in the plan or let (key: its id), two
 * series, "Planned" (0) and "Let" (1). */
PlazaChart *plaza_zoning_chart      (PlazaStore  *store,
                                     gint64       floor_id,
                                     const GDate *today,
                                     GError     **error);

G_END_DECLS
