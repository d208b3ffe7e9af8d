/* plaza-leasing-plan.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The leasing plan (招商计划) per floor: the units that are vacant, or
 * whose lease ends within N days with nothing signed after it, each with
 * a target category, a target rent range and candidate brands. The
 * targets live in the settings table as one JSON object per floor (key
 * "leasing_plan.floor.<floor id>", members by unit id): no table of the
 * schema fits them.
 */

#pragma once

#include "plaza-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  unit_id;
  char   *code;
  gint64  floor_id;
  char   *floor;             /* "1F" */
  gint64  area;              /* rentable, hundredths of m² */
  char   *status;            /* units.status */
  gboolean soon_vacant;      /* leased, the lease ends within the days asked */
  char   *lease_end;         /* YYYY-MM-DD for soon-vacant, "" for vacant */
  char   *tenant;            /* the leaving tenant's name, "" for vacant */
  gint64  days;              /* days vacant (vacant) or days to the lease end */
  gint64  planned_category_id;
  char   *planned_category;
  /* the plan's targets; 0 / "" when none set */
  gint64  target_category_id;
  char   *target_category;
  gint64  rent_min;          /* fen per m² per day */
  gint64  rent_max;
  char  **brands;            /* candidate brand names, never NULL */
  gint64  target_rev;        /* how many times the targets were saved; 0 never */
} PlazaLeasingPlanUnit;

void plaza_leasing_plan_unit_free (PlazaLeasingPlanUnit *unit);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlazaLeasingPlanUnit, plaza_leasing_plan_unit_free)

/* The plan's units (PlazaLeasingPlanUnit) on @floor_id (0: every floor),
 * by floor then code: vacant units and leased units whose active lease
 * ends between @today and @today + @within_days with no other contract
 * (draft to active) on the unit after it. */
GPtrArray *plaza_leasing_plan_list       (PlazaStore   *store,
                                          gint64        floor_id,
                                          const char   *today,
                                          guint         within_days,
                                          GError      **error);
/* Sets (or with category 0, no rents and no brands, clears) the targets
 * of @unit_id. @rent_max ≥ @rent_min ≥ 0. */
gboolean   plaza_leasing_plan_set_target (PlazaStore         *store,
                                          gint64              unit_id,
                                          gint64              category_id,
                                          gint64              rent_min,
                                          gint64              rent_max,
                                          const char * const *brands,
                                          GError            **error);
/* The same, refused with PLAZA_STORE_ERROR_CONFLICT (naming who saved and
 * when) unless the unit's targets are still at @rev (its target_rev when
 * the caller read it): nobody's targets are overwritten unseen. */
gboolean   plaza_leasing_plan_set_target_at (PlazaStore         *store,
                                             gint64              unit_id,
                                             gint64              rev,
                                             gint64              category_id,
                                             gint64              rent_min,
                                             gint64              rent_max,
                                             const char * const *brands,
                                             GError            **error);

G_END_DECLS
