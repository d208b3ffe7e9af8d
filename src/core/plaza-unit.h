/* plaza-unit.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Floors and units (卖区规划, issue 6): create and edit them with rev
 * checks and change_log rows; split a unit into several and merge
 * neighbouring units with unit_history kept; a unit's history of events,
 * tenants and contracts; the vacancy list.
 *
 * Areas are hundredths of m²; a unit needs a unique code and
 * gross ≥ rentable > 0. An "open" contract is one in state draft,
 * submitted, approved or active: a unit under one is neither split nor
 * merged. A contract "in force" on a day is active, expired, terminated or
 * renewed with start_date ≤ day ≤ COALESCE (terminated_on, end_date).
 *
 * Neighbours: the units of one floor that are not retired, in code order
 * (the order of the stacking plan); a merge takes consecutive ones.
 */

#pragma once

#include <glib.h>

#include "plaza-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  char   *label;       /* 'B1', '1F' */
  gint64  level;       /* sort order: B1 = -1, 1F = 1 */
  gint64  gross_area;  /* hundredths of m², 0 when unknown */
  gint64  rev;
} PlazaFloor;

typedef struct
{
  gint64  id;
  gint64  floor_id;
  char   *floor_label;         /* filled by plaza_unit_get / lists */
  char   *code;
  gint64  gross_area;
  gint64  rentable_area;
  gint64  planned_category_id; /* 0: none */
  char   *planned_category;    /* its name, "" when none (filled by get) */
  char   *status;              /* vacant leased reserved fitout closed retired */
  char   *vacant_since;        /* YYYY-MM-DD or NULL */
  gint64  parent_unit_id;      /* 0: none */
  char   *notes;
  gint64  rev;
} PlazaUnit;

/* A category a unit can be planned for. */
typedef struct
{
  gint64  id;
  char   *name;
} PlazaUnitCategory;

/* The parts of a split: each a new unit on the same floor. */
typedef struct
{
  const char *code;
  gint64      gross_area;
  gint64      rentable_area;
} PlazaUnitPart;

typedef enum
{
  PLAZA_UNIT_EVENT_SPLIT,     /* split from / into related_code */
  PLAZA_UNIT_EVENT_MERGE,     /* merged from / into related_code */
  PLAZA_UNIT_EVENT_RESIZE,
  PLAZA_UNIT_EVENT_STATUS,
  PLAZA_UNIT_EVENT_CONTRACT,  /* a contract on the unit began */
} PlazaUnitEventKind;

typedef struct
{
  char               *date;           /* YYYY-MM-DD */
  PlazaUnitEventKind  kind;
  gint64              related_unit_id;
  char               *related_code;   /* "" when none */
  gint64              contract_id;    /* CONTRACT only */
  char               *contract_code;
  char               *contract_state;
  char               *end_date;       /* COALESCE (terminated_on, end_date) */
  char               *tenant_name;
  char               *note;
} PlazaUnitEvent;

typedef struct
{
  gint64    unit_id;
  char     *code;
  char     *floor_label;
  gint64    floor_level;
  gint64    rentable_area;
  char     *planned_category;  /* "" when none */
  char     *vacant_since;      /* the later of units.vacant_since and the last
                                * contract's end; NULL when neither is known */
  gboolean  has_days;
  gint64    days_vacant;       /* today − vacant_since, ≥ 0 */
  gboolean  has_last_rent;
  gint64    last_rent_per_m2;  /* fen per m² per month: the last contract's
                                * monthly_rent ÷ its total area, half up */
  char     *last_contract_code; /* "" when none */
} PlazaVacancyRow;

void        plaza_floor_free         (PlazaFloor     *floor);
void        plaza_unit_free          (PlazaUnit      *unit);
void        plaza_unit_event_free    (PlazaUnitEvent *event);
void        plaza_vacancy_row_free   (PlazaVacancyRow *row);
void        plaza_unit_category_free (PlazaUnitCategory *category);

/* "vacant" … "retired"; FALSE for anything else. */
gboolean    plaza_unit_status_is_valid (const char   *status);
/* The translated name of a status ("Vacant"); the text itself if unknown. */
const char *plaza_unit_status_label  (const char     *status);
const char *plaza_unit_event_kind_to_string (PlazaUnitEventKind kind);

/* Every category (PlazaUnitCategory), by name. */
GPtrArray  *plaza_unit_categories    (PlazaStore     *store,
                                      GError        **error);

/* Floors by level (lowest first). */
GPtrArray  *plaza_floors_list        (PlazaStore     *store,
                                      GError        **error);
/* A new floor of the first project; returns its id, 0 on error (INVALID for
 * an empty label, EXISTS-like INVALID for a label taken). */
gint64      plaza_floor_create       (PlazaStore     *store,
                                      const char     *label,
                                      gint64          level,
                                      gint64          gross_area,
                                      GError        **error);
/* Saves label, level and gross area of floor->id whose rev was floor->rev. */
gboolean    plaza_floor_update       (PlazaStore     *store,
                                      const PlazaFloor *floor,
                                      GError        **error);

/* Checks code, areas and status (INVALID naming the field). */
gboolean    plaza_unit_validate      (const PlazaUnit *unit,
                                      GError        **error);
PlazaUnit  *plaza_unit_get           (PlazaStore     *store,
                                      gint64          id,
                                      GError        **error);
PlazaUnit  *plaza_unit_find          (PlazaStore     *store,
                                      const char     *code,
                                      GError        **error);
/* Units of @floor_id (0: all), not retired unless @with_retired, by floor
 * level then code. */
GPtrArray  *plaza_units_list         (PlazaStore     *store,
                                      gint64          floor_id,
                                      gboolean        with_retired,
                                      GError        **error);
/* A new unit; vacant_since defaults to today when the status is vacant.
 * Returns its id, 0 on error. */
gint64      plaza_unit_create        (PlazaStore     *store,
                                      const PlazaUnit *unit,
                                      GError        **error);
/* Saves unit->id whose rev was unit->rev (CONFLICT when it moved). An area
 * change adds a 'resize' history row, a status change a 'status' row (and
 * sets vacant_since to @today when it becomes vacant). */
gboolean    plaza_unit_update        (PlazaStore     *store,
                                      const PlazaUnit *unit,
                                      const char     *today,
                                      GError        **error);

/* Splits unit @unit_id (rev @rev) into @n_parts ≥ 2 new units whose gross
 * and rentable areas add up to the original's. The new units take the
 * floor, planned category, status and vacant_since of the original, with
 * parent_unit_id = it; the original becomes 'retired'. History rows
 * ('split', on @date) link the original and each part both ways. The new
 * ids are appended to @new_ids when not NULL. */
gboolean    plaza_unit_split         (PlazaStore     *store,
                                      gint64          unit_id,
                                      gint64          rev,
                                      const PlazaUnitPart *parts,
                                      guint           n_parts,
                                      const char     *date,
                                      GArray         *new_ids,
                                      GError        **error);
/* Merges @n ≥ 2 neighbouring units (@revs: their revs, NULL or a negative
 * rev not to check) of one floor into a new unit @code: areas summed, the planned
 * category of the largest (by rentable area, then the first), status
 * vacant since @date, parent_unit_id the first. The originals become
 * 'retired'; 'merge' history rows link them both ways. Returns the new id,
 * 0 on error. */
gint64      plaza_unit_merge         (PlazaStore     *store,
                                      const gint64   *unit_ids,
                                      const gint64   *revs,
                                      guint           n,
                                      const char     *code,
                                      const char     *date,
                                      GError        **error);

/* The unit's history events and the contracts it had, by date (then
 * contracts before events of the same day … in insertion order). */
GPtrArray  *plaza_unit_history       (PlazaStore     *store,
                                      gint64          unit_id,
                                      GError        **error);

/* Units with status 'vacant', most days vacant first (unknown last), then
 * by code. */
GPtrArray  *plaza_units_vacancy      (PlazaStore     *store,
                                      const GDate    *today,
                                      GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlazaFloor, plaza_floor_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlazaUnit, plaza_unit_free)

G_END_DECLS
