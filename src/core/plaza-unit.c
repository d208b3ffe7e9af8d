/* plaza-unit.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Floors and units: create, read and edit them (rev checks, change_log),
 * and the helpers of plaza-unit-private.h. Splits and merges are in
 * plaza-unit-split.c, history and vacancy in plaza-unit-query.c.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "plaza-change-log.h"
#include "plaza-money.h"
#include "plaza-unit-private.h"

static const char *statuses[] = { "vacant", "leased", "reserved", "fitout", "closed", "retired" };
static const char *status_labels[] = { N_("Vacant"), N_("Leased"), N_("Reserved"), N_("Fit-out"),
                                        N_("Closed"), N_("Retired") };
static const char *event_kinds[] = { "split", "merge", "resize", "status", "contract" };

void
plaza_floor_free (PlazaFloor *floor)
{
  if (floor == NULL)
    return;
  g_free (floor->label);
  g_free (floor);
}

void
plaza_unit_free (PlazaUnit *unit)
{
  if (unit == NULL)
    return;
  g_free (unit->floor_label);
  g_free (unit->code);
  g_free (unit->planned_category);
  g_free (unit->status);
  g_free (unit->vacant_since);
  g_free (unit->notes);
  g_free (unit);
}

void
plaza_unit_event_free (PlazaUnitEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->date);
  g_free (event->related_code);
  g_free (event->contract_code);
  g_free (event->contract_state);
  g_free (event->end_date);
  g_free (event->tenant_name);
  g_free (event->note);
  g_free (event);
}

void
plaza_vacancy_row_free (PlazaVacancyRow *row)
{
  if (row == NULL)
    return;
  g_free (row->code);
  g_free (row->floor_label);
  g_free (row->planned_category);
  g_free (row->vacant_since);
  g_free (row->last_contract_code);
  g_free (row);
}

void
plaza_unit_category_free (PlazaUnitCategory *category)
{
  if (category == NULL)
    return;
  g_free (category->name);
  g_free (category);
}

GPtrArray *
plaza_unit_categories (PlazaStore *store,
                       GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) plaza_unit_category_free);
  int rc;

  g_return_val_if_fail (PLAZA_IS_STORE (store), NULL);
  stmt = plaza_store_prepare (store, "SELECT id, name FROM categories ORDER BY name", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PlazaUnitCategory *c = g_new0 (PlazaUnitCategory, 1);

      c->id = sqlite3_column_int64 (stmt, 0);
      c->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      g_ptr_array_add (out, c);
    }
  if (rc != SQLITE_DONE)
    {
      plaza_store_set_sqlite_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

gboolean
plaza_unit_status_is_valid (const char *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    if (g_strcmp0 (status, statuses[i]) == 0)
      return TRUE;
  return FALSE;
}

const char *
plaza_unit_status_label (const char *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    if (g_strcmp0 (status, statuses[i]) == 0)
      return _(status_labels[i]);
  return status;
}

const char *
plaza_unit_event_kind_to_string (PlazaUnitEventKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (event_kinds), NULL);
  return event_kinds[kind];
}

char *
plaza_unit_column_dup (sqlite3_stmt *stmt,
                       int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text == NULL ? NULL : g_strdup ((const char *) text);
}

static char *
column_or_empty (sqlite3_stmt *stmt,
                 int           column)
{
  char *text = plaza_unit_column_dup (stmt, column);

  return text == NULL ? g_strdup ("") : text;
}

char *
plaza_unit_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

PlazaUnit *
plaza_unit_from_row (sqlite3_stmt *stmt)
{
  PlazaUnit *unit = g_new0 (PlazaUnit, 1);

  unit->id = sqlite3_column_int64 (stmt, 0);
  unit->floor_id = sqlite3_column_int64 (stmt, 1);
  unit->floor_label = column_or_empty (stmt, 2);
  unit->code = column_or_empty (stmt, 3);
  unit->gross_area = sqlite3_column_int64 (stmt, 4);
  unit->rentable_area = sqlite3_column_int64 (stmt, 5);
  unit->planned_category_id = sqlite3_column_int64 (stmt, 6);
  unit->planned_category = column_or_empty (stmt, 7);
  unit->status = column_or_empty (stmt, 8);
  unit->vacant_since = plaza_unit_column_dup (stmt, 9);
  unit->parent_unit_id = sqlite3_column_int64 (stmt, 10);
  unit->notes = column_or_empty (stmt, 11);
  unit->rev = sqlite3_column_int64 (stmt, 12);
  return unit;
}

/* Floors */

GPtrArray *
plaza_floors_list (PlazaStore *store,
                   GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) floors = g_ptr_array_new_with_free_func ((GDestroyNotify) plaza_floor_free);
  int rc;

  g_return_val_if_fail (PLAZA_IS_STORE (store), NULL);
  stmt = plaza_store_prepare (store, "SELECT id, label, level, gross_area, rev FROM floors ORDER BY level, id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PlazaFloor *floor = g_new0 (PlazaFloor, 1);

      floor->id = sqlite3_column_int64 (stmt, 0);
      floor->label = column_or_empty (stmt, 1);
      floor->level = sqlite3_column_int64 (stmt, 2);
      floor->gross_area = sqlite3_column_int64 (stmt, 3);
      floor->rev = sqlite3_column_int64 (stmt, 4);
      g_ptr_array_add (floors, floor);
    }
  if (rc != SQLITE_DONE)
    {
      plaza_store_set_sqlite_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&floors);
}

static gboolean
check_floor (PlazaStore *store,
             const char *label,
             gint64      gross_area,
             gint64      except_id,
             GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (label == NULL || strspn (label, " \t") == strlen (label))
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID, _("A floor needs a label"));
      return FALSE;
    }
  if (gross_area < 0)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID, _("A floor’s gross area cannot be negative"));
      return FALSE;
    }
  stmt = plaza_store_prepare (store, "SELECT 1 FROM floors WHERE label = ? AND id <> ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, label, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, except_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID, _("There is already a floor “%s”"), label);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  return TRUE;
}

typedef struct
{
  const PlazaFloor *floor;
  gint64            id;
} FloorWrite;

static gboolean
floor_create_in_write (PlazaStore *store,
                       gpointer    user_data,
                       GError    **error)
{
  FloorWrite *w = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!check_floor (store, w->floor->label, w->floor->gross_area, 0, error))
    return FALSE;
  stmt = plaza_store_prepare (store,
                              "INSERT INTO floors (project_id, label, level, gross_area)"
                              " VALUES ((SELECT MIN (id) FROM projects), ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, w->floor->label, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, w->floor->level);
  sqlite3_bind_int64 (stmt, 3, w->floor->gross_area);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  w->id = sqlite3_last_insert_rowid (plaza_store_get_db (store));
  return plaza_store_log_change (store, "floors", w->id, "create", w->floor->label, error);
}

gint64
plaza_floor_create (PlazaStore *store,
                    const char *label,
                    gint64      level,
                    gint64      gross_area,
                    GError    **error)
{
  PlazaFloor floor = { 0, (char *) label, level, gross_area, 0 };
  FloorWrite w = { &floor, 0 };

  g_return_val_if_fail (PLAZA_IS_STORE (store), 0);
  if (!plaza_store_write (store, floor_create_in_write, &w, error))
    return 0;
  return w.id;
}

static gboolean
floor_update_in_write (PlazaStore *store,
                       gpointer    user_data,
                       GError    **error)
{
  FloorWrite *w = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(PlazaChangeSnapshot) before = NULL;
  g_autofree char *diff = NULL;
  g_autofree char *summary = NULL;

  if (!check_floor (store, w->floor->label, w->floor->gross_area, w->floor->id, error))
    return FALSE;
  before = plaza_change_snapshot_take (store, "floors", w->floor->id, error);
  if (before == NULL)
    return FALSE;
  stmt = plaza_store_prepare (store,
                              "UPDATE floors SET label = ?, level = ?, gross_area = ?, rev = rev + 1"
                              " WHERE id = ? AND rev = ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, w->floor->label, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, w->floor->level);
  sqlite3_bind_int64 (stmt, 3, w->floor->gross_area);
  sqlite3_bind_int64 (stmt, 4, w->floor->id);
  sqlite3_bind_int64 (stmt, 5, w->floor->rev);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  if (sqlite3_changes (plaza_store_get_db (store)) == 0)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_CONFLICT,
                   _("Floor %s was changed or removed by someone else; reload it"), w->floor->label);
      return FALSE;
    }
  diff = plaza_change_snapshot_diff (before, store, error);
  if (diff == NULL)
    return FALSE;
  summary = g_strdup_printf ("%s%s%s", w->floor->label, diff[0] != '\0' ? ": " : "", diff);
  return plaza_store_log_change (store, "floors", w->floor->id, "update", summary, error);
}

gboolean
plaza_floor_update (PlazaStore       *store,
                    const PlazaFloor *floor,
                    GError          **error)
{
  FloorWrite w = { floor, floor->id };

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);
  return plaza_store_write (store, floor_update_in_write, &w, error);
}

/* Units */

gboolean
plaza_unit_validate (const PlazaUnit *unit,
                     GError         **error)
{
  g_autofree char *gross = NULL;
  g_autofree char *rentable = NULL;

  if (unit->code == NULL || *unit->code == '\0' || strspn (unit->code, " \t") == strlen (unit->code))
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID, _("A unit needs a code"));
      return FALSE;
    }
  if (unit->floor_id <= 0)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID, _("Unit %s needs a floor"), unit->code);
      return FALSE;
    }
  if (unit->rentable_area <= 0)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                   _("Unit %s: the rentable area must be more than 0"), unit->code);
      return FALSE;
    }
  if (unit->gross_area < unit->rentable_area)
    {
      gross = plaza_area_format (unit->gross_area);
      rentable = plaza_area_format (unit->rentable_area);
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                   _("Unit %s: the gross area (%s m²) is less than the rentable area (%s m²)"),
                   unit->code, gross, rentable);
      return FALSE;
    }
  if (unit->status != NULL && !plaza_unit_status_is_valid (unit->status))
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                   _("Unit %s: unknown status “%s”"), unit->code, unit->status);
      return FALSE;
    }
  return TRUE;
}

static PlazaUnit *
unit_lookup (PlazaStore *store,
             const char *where,
             gint64      id,
             const char *code,
             GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = g_strconcat ("SELECT " PLAZA_UNIT_COLUMNS PLAZA_UNIT_FROM " WHERE ", where, NULL);
  int rc;

  stmt = plaza_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  if (code != NULL)
    sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return plaza_unit_from_row (stmt);
  if (rc == SQLITE_DONE)
    {
      if (code != NULL)
        g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND, _("No unit %s"), code);
      else
        g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND, _("No unit with id %lld"), (long long) id);
      return NULL;
    }
  plaza_store_set_sqlite_error (store, error);
  return NULL;
}

PlazaUnit *
plaza_unit_get (PlazaStore *store,
                gint64      id,
                GError    **error)
{
  g_return_val_if_fail (PLAZA_IS_STORE (store), NULL);
  return unit_lookup (store, "u.id = ?", id, NULL, error);
}

PlazaUnit *
plaza_unit_find (PlazaStore *store,
                 const char *code,
                 GError    **error)
{
  g_return_val_if_fail (PLAZA_IS_STORE (store), NULL);
  g_return_val_if_fail (code != NULL, NULL);
  return unit_lookup (store, "u.code = ?", 0, code, error);
}

GPtrArray *
plaza_units_list (PlazaStore *store,
                  gint64      floor_id,
                  gboolean    with_retired,
                  GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) units = g_ptr_array_new_with_free_func ((GDestroyNotify) plaza_unit_free);
  int rc;

  g_return_val_if_fail (PLAZA_IS_STORE (store), NULL);
  stmt = plaza_store_prepare (store,
                              "SELECT " PLAZA_UNIT_COLUMNS PLAZA_UNIT_FROM
                              " WHERE (?1 = 0 OR u.floor_id = ?1) AND (?2 OR u.status <> 'retired')"
                              " ORDER BY f.level, f.id, u.code",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, floor_id);
  sqlite3_bind_int (stmt, 2, with_retired ? 1 : 0);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (units, plaza_unit_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      plaza_store_set_sqlite_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&units);
}

gboolean
plaza_unit_check_code_free (PlazaStore *store,
                            const char *code,
                            gint64      except_id,
                            GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = plaza_store_prepare (store, "SELECT 1 FROM units WHERE code = ? AND id <> ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, except_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID, _("There is already a unit %s"), code);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  return TRUE;
}

gboolean
plaza_unit_check_no_open_contract (PlazaStore      *store,
                                   const PlazaUnit *unit,
                                   GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = plaza_store_prepare (store,
                              "SELECT c.code FROM contract_units cu JOIN contracts c ON c.id = cu.contract_id"
                              " WHERE cu.unit_id = ? AND c.state IN " PLAZA_UNIT_OPEN_STATES
                              " ORDER BY c.start_date DESC LIMIT 1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, unit->id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                   _("Unit %s is under contract %s"), unit->code, (const char *) sqlite3_column_text (stmt, 0));
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  return TRUE;
}

gboolean
plaza_unit_add_history (PlazaStore *store,
                        gint64      unit_id,
                        const char *kind,
                        gint64      related_id,
                        const char *date,
                        const char *note,
                        GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = plaza_store_prepare (store,
                              "INSERT INTO unit_history (unit_id, kind, related_id, date, note) VALUES (?, ?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  if (related_id > 0)
    sqlite3_bind_int64 (stmt, 3, related_id);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_text (stmt, 4, date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, note != NULL ? note : "", -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  return TRUE;
}

gint64
plaza_unit_insert_row (PlazaStore      *store,
                       const PlazaUnit *unit,
                       GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = plaza_store_prepare (store,
                              "INSERT INTO units (floor_id, code, gross_area, rentable_area, planned_category_id,"
                              " status, vacant_since, parent_unit_id, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, unit->floor_id);
  sqlite3_bind_text (stmt, 2, unit->code, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, unit->gross_area);
  sqlite3_bind_int64 (stmt, 4, unit->rentable_area);
  if (unit->planned_category_id > 0)
    sqlite3_bind_int64 (stmt, 5, unit->planned_category_id);
  else
    sqlite3_bind_null (stmt, 5);
  sqlite3_bind_text (stmt, 6, unit->status != NULL ? unit->status : "vacant", -1, SQLITE_STATIC);
  if (unit->vacant_since != NULL)
    sqlite3_bind_text (stmt, 7, unit->vacant_since, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 7);
  if (unit->parent_unit_id > 0)
    sqlite3_bind_int64 (stmt, 8, unit->parent_unit_id);
  else
    sqlite3_bind_null (stmt, 8);
  sqlite3_bind_text (stmt, 9, unit->notes != NULL ? unit->notes : "", -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      plaza_store_set_sqlite_error (store, error);
      return 0;
    }
  return sqlite3_last_insert_rowid (plaza_store_get_db (store));
}

typedef struct
{
  const PlazaUnit *unit;
  const char      *today;
  gint64           id;
} UnitWrite;

static gboolean
unit_create_in_write (PlazaStore *store,
                      gpointer    user_data,
                      GError    **error)
{
  UnitWrite *w = user_data;
  PlazaUnit copy = *w->unit;
  g_autofree char *today = plaza_unit_today ();

  if (!plaza_unit_check_code_free (store, w->unit->code, 0, error))
    return FALSE;
  if (copy.status == NULL)
    copy.status = (char *) "vacant";
  if (copy.vacant_since == NULL && g_str_equal (copy.status, "vacant"))
    copy.vacant_since = (char *) (w->today != NULL ? w->today : today);
  w->id = plaza_unit_insert_row (store, &copy, error);
  if (w->id == 0)
    return FALSE;
  return plaza_store_log_change (store, "units", w->id, "create", copy.code, error);
}

gint64
plaza_unit_create (PlazaStore      *store,
                   const PlazaUnit *unit,
                   GError         **error)
{
  UnitWrite w = { unit, NULL, 0 };

  g_return_val_if_fail (PLAZA_IS_STORE (store), 0);
  if (!plaza_unit_validate (unit, error))
    return 0;
  if (unit->status != NULL && g_str_equal (unit->status, "retired"))
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID, _("A new unit cannot be retired"));
      return 0;
    }
  if (!plaza_store_write (store, unit_create_in_write, &w, error))
    return 0;
  return w.id;
}

static gboolean
unit_update_in_write (PlazaStore *store,
                      gpointer    user_data,
                      GError    **error)
{
  UnitWrite *w = user_data;
  const PlazaUnit *u = w->unit;
  g_autoptr(PlazaUnit) old = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *today = plaza_unit_today ();
  const char *day = w->today != NULL ? w->today : today;
  const char *status = u->status != NULL ? u->status : "vacant";
  const char *vacant_since;
  gboolean status_changed;
  g_autoptr(PlazaChangeSnapshot) before = NULL;
  g_autofree char *diff = NULL;
  g_autofree char *summary = NULL;

  old = plaza_unit_get (store, u->id, error);
  if (old == NULL)
    return FALSE;
  if (old->rev != u->rev)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_CONFLICT,
                   _("Unit %s was changed by someone else; reload it"), old->code);
      return FALSE;
    }
  if (g_str_equal (old->status, "retired") || g_str_equal (status, "retired"))
    {
      if (!g_str_equal (old->status, status))
        {
          g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                       _("Unit %s: units are retired only by a split or a merge"), old->code);
          return FALSE;
        }
    }
  if (!plaza_unit_check_code_free (store, u->code, u->id, error))
    return FALSE;
  status_changed = !g_str_equal (old->status, status);
  vacant_since = u->vacant_since;
  if (status_changed && g_str_equal (status, "vacant"))
    vacant_since = day;
  before = plaza_change_snapshot_take (store, "units", u->id, error);
  if (before == NULL)
    return FALSE;
  stmt = plaza_store_prepare (store,
                              "UPDATE units SET floor_id = ?, code = ?, gross_area = ?, rentable_area = ?,"
                              " planned_category_id = ?, status = ?, vacant_since = ?, notes = ?, rev = rev + 1"
                              " WHERE id = ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, u->floor_id);
  sqlite3_bind_text (stmt, 2, u->code, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, u->gross_area);
  sqlite3_bind_int64 (stmt, 4, u->rentable_area);
  if (u->planned_category_id > 0)
    sqlite3_bind_int64 (stmt, 5, u->planned_category_id);
  else
    sqlite3_bind_null (stmt, 5);
  sqlite3_bind_text (stmt, 6, status, -1, SQLITE_STATIC);
  if (vacant_since != NULL)
    sqlite3_bind_text (stmt, 7, vacant_since, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 7);
  sqlite3_bind_text (stmt, 8, u->notes != NULL ? u->notes : "", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 9, u->id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  if (old->gross_area != u->gross_area || old->rentable_area != u->rentable_area)
    {
      g_autofree char *g0 = plaza_area_format (old->gross_area);
      g_autofree char *r0 = plaza_area_format (old->rentable_area);
      g_autofree char *g1 = plaza_area_format (u->gross_area);
      g_autofree char *r1 = plaza_area_format (u->rentable_area);
      g_autofree char *note = g_strdup_printf ("%s/%s → %s/%s", g0, r0, g1, r1);

      if (!plaza_unit_add_history (store, u->id, "resize", 0, day, note, error))
        return FALSE;
    }
  if (status_changed)
    {
      g_autofree char *note = g_strdup_printf ("%s → %s", old->status, status);

      if (!plaza_unit_add_history (store, u->id, "status", 0, day, note, error))
        return FALSE;
    }
  diff = plaza_change_snapshot_diff (before, store, error);
  if (diff == NULL)
    return FALSE;
  summary = g_strdup_printf ("%s%s%s", u->code, diff[0] != '\0' ? ": " : "", diff);
  return plaza_store_log_change (store, "units", u->id, "update", summary, error);
}

gboolean
plaza_unit_update (PlazaStore      *store,
                   const PlazaUnit *unit,
                   const char      *today,
                   GError         **error)
{
  UnitWrite w = { unit, today, unit->id };

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);
  if (!plaza_unit_validate (unit, error))
    return FALSE;
  return plaza_store_write (store, unit_update_in_write, &w, error);
}
