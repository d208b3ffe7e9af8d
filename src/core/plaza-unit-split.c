/* plaza-unit-split.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Splitting a unit into several and merging neighbouring units into one
 * (plaza-unit.h): the originals become 'retired', unit_history rows link
 * old and new both ways, one change_log row per unit touched.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "plaza-date.h"
#include "plaza-money.h"
#include "plaza-unit-private.h"

static gboolean
check_date (const char *date,
            GError    **error)
{
  GDate d;

  if (!plaza_date_parse (date, &d))
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                   _("“%s” is not a date (YYYY-MM-DD)"), date != NULL ? date : "");
      return FALSE;
    }
  return TRUE;
}

static gboolean
retire (PlazaStore *store,
        gint64      id,
        GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = plaza_store_prepare (store, "UPDATE units SET status = 'retired', rev = rev + 1 WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  return TRUE;
}

/* Loads @id, checks its rev (when @rev ≥ 0) and that it may change shape. */
static PlazaUnit *
load_for_change (PlazaStore *store,
                 gint64      id,
                 gint64      rev,
                 GError    **error)
{
  g_autoptr(PlazaUnit) unit = plaza_unit_get (store, id, error);

  if (unit == NULL)
    return NULL;
  if (rev >= 0 && unit->rev != rev)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_CONFLICT,
                   _("Unit %s was changed by someone else; reload it"), unit->code);
      return NULL;
    }
  if (g_str_equal (unit->status, "retired"))
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                   _("Unit %s is retired"), unit->code);
      return NULL;
    }
  if (!plaza_unit_check_no_open_contract (store, unit, error))
    return NULL;
  return g_steal_pointer (&unit);
}

typedef struct
{
  gint64               unit_id;
  gint64               rev;
  const PlazaUnitPart *parts;
  guint                n_parts;
  const char          *date;
  GArray              *new_ids;
} Split;

static gboolean
split_in_write (PlazaStore *store,
                gpointer    user_data,
                GError    **error)
{
  Split *s = user_data;
  g_autoptr(PlazaUnit) unit = NULL;
  g_autoptr(GString) codes = g_string_new (NULL);
  g_autofree char *summary = NULL;
  gint64 gross = 0;
  gint64 rentable = 0;

  unit = load_for_change (store, s->unit_id, s->rev, error);
  if (unit == NULL)
    return FALSE;
  for (guint i = 0; i < s->n_parts; i++)
    {
      PlazaUnit part = *unit;

      part.code = (char *) s->parts[i].code;
      part.gross_area = s->parts[i].gross_area;
      part.rentable_area = s->parts[i].rentable_area;
      if (!plaza_unit_validate (&part, error))
        return FALSE;
      for (guint j = 0; j < i; j++)
        if (g_strcmp0 (s->parts[j].code, part.code) == 0)
          {
            g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                         _("The code %s is given twice"), part.code);
            return FALSE;
          }
      if (!plaza_unit_check_code_free (store, part.code, 0, error))
        return FALSE;
      gross += part.gross_area;
      rentable += part.rentable_area;
    }
  if (gross != unit->gross_area || rentable != unit->rentable_area)
    {
      g_autofree char *g0 = plaza_area_format (unit->gross_area);
      g_autofree char *r0 = plaza_area_format (unit->rentable_area);
      g_autofree char *g1 = plaza_area_format (gross);
      g_autofree char *r1 = plaza_area_format (rentable);

      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                   _("The parts of %s add up to %s m² gross and %s m² rentable, not %s and %s"),
                   unit->code, g1, r1, g0, r0);
      return FALSE;
    }
  for (guint i = 0; i < s->n_parts; i++)
    {
      PlazaUnit part = *unit;
      gint64 id;

      part.code = (char *) s->parts[i].code;
      part.gross_area = s->parts[i].gross_area;
      part.rentable_area = s->parts[i].rentable_area;
      part.parent_unit_id = unit->id;
      part.notes = (char *) "";
      id = plaza_unit_insert_row (store, &part, error);
      if (id == 0
          || !plaza_unit_add_history (store, unit->id, "split", id, s->date, part.code, error)
          || !plaza_unit_add_history (store, id, "split", unit->id, s->date, unit->code, error))
        return FALSE;
      summary = g_strdup_printf (_("Split from %s"), unit->code);
      if (!plaza_store_log_change (store, "units", id, "create", summary, error))
        return FALSE;
      g_clear_pointer (&summary, g_free);
      if (s->new_ids != NULL)
        g_array_append_val (s->new_ids, id);
      g_string_append_printf (codes, "%s%s", i > 0 ? ", " : "", part.code);
    }
  if (!retire (store, unit->id, error))
    return FALSE;
  summary = g_strdup_printf (_("Split into %s"), codes->str);
  return plaza_store_log_change (store, "units", unit->id, "split", summary, error);
}

gboolean
plaza_unit_split (PlazaStore          *store,
                  gint64               unit_id,
                  gint64               rev,
                  const PlazaUnitPart *parts,
                  guint                n_parts,
                  const char          *date,
                  GArray              *new_ids,
                  GError             **error)
{
  Split s = { unit_id, rev, parts, n_parts, date, NULL };
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);
  if (n_parts < 2)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID, _("A split needs at least two parts"));
      return FALSE;
    }
  if (!check_date (date, error))
    return FALSE;
  s.new_ids = ids;
  if (!plaza_store_write (store, split_in_write, &s, error))
    return FALSE;
  if (new_ids != NULL)
    g_array_append_vals (new_ids, ids->data, ids->len);
  return TRUE;
}

typedef struct
{
  const gint64 *ids;
  const gint64 *revs;
  guint         n;
  const char   *code;
  const char   *date;
  gint64        new_id;
} Merge;

/* TRUE when @units (one floor) are consecutive among the floor's units
 * that are not retired, in code order. */
static gboolean
are_neighbours (PlazaStore *store,
                GPtrArray  *units,
                GError    **error)
{
  PlazaUnit *first = g_ptr_array_index (units, 0);
  g_autoptr(GPtrArray) floor = plaza_units_list (store, first->floor_id, FALSE, error);
  guint lo = G_MAXUINT;
  guint hi = 0;
  guint found = 0;

  if (floor == NULL)
    return FALSE;
  for (guint i = 0; i < floor->len; i++)
    {
      PlazaUnit *u = g_ptr_array_index (floor, i);

      for (guint j = 0; j < units->len; j++)
        if (((PlazaUnit *) g_ptr_array_index (units, j))->id == u->id)
          {
            lo = MIN (lo, i);
            hi = MAX (hi, i);
            found++;
          }
    }
  if (found != units->len || hi - lo + 1 != units->len)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                   _("Only neighbouring units can be merged (consecutive codes on one floor)"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
merge_in_write (PlazaStore *store,
                gpointer    user_data,
                GError    **error)
{
  Merge *m = user_data;
  g_autoptr(GPtrArray) units = g_ptr_array_new_with_free_func ((GDestroyNotify) plaza_unit_free);
  g_autoptr(GString) codes = g_string_new (NULL);
  g_autofree char *summary = NULL;
  PlazaUnit merged = { 0 };
  PlazaUnit *largest = NULL;

  for (guint i = 0; i < m->n; i++)
    {
      PlazaUnit *u = load_for_change (store, m->ids[i], m->revs != NULL ? m->revs[i] : -1, error);

      if (u == NULL)
        return FALSE;
      g_ptr_array_add (units, u);
      for (guint j = 0; j < i; j++)
        if (((PlazaUnit *) g_ptr_array_index (units, j))->id == u->id)
          {
            g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                         _("Unit %s is given twice"), u->code);
            return FALSE;
          }
      if (u->floor_id != ((PlazaUnit *) g_ptr_array_index (units, 0))->floor_id)
        {
          g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                       _("Units %s and %s are on different floors"),
                       ((PlazaUnit *) g_ptr_array_index (units, 0))->code, u->code);
          return FALSE;
        }
      merged.gross_area += u->gross_area;
      merged.rentable_area += u->rentable_area;
      if (largest == NULL || u->rentable_area > largest->rentable_area)
        largest = u;
      g_string_append_printf (codes, "%s%s", i > 0 ? ", " : "", u->code);
    }
  if (!are_neighbours (store, units, error))
    return FALSE;
  merged.floor_id = largest->floor_id;
  merged.code = (char *) m->code;
  merged.planned_category_id = largest->planned_category_id;
  merged.status = (char *) "vacant";
  merged.vacant_since = (char *) m->date;
  merged.parent_unit_id = ((PlazaUnit *) g_ptr_array_index (units, 0))->id;
  merged.notes = (char *) "";
  if (!plaza_unit_validate (&merged, error) || !plaza_unit_check_code_free (store, m->code, 0, error))
    return FALSE;
  m->new_id = plaza_unit_insert_row (store, &merged, error);
  if (m->new_id == 0)
    return FALSE;
  for (guint i = 0; i < units->len; i++)
    {
      PlazaUnit *u = g_ptr_array_index (units, i);

      if (!retire (store, u->id, error)
          || !plaza_unit_add_history (store, u->id, "merge", m->new_id, m->date, m->code, error)
          || !plaza_unit_add_history (store, m->new_id, "merge", u->id, m->date, u->code, error))
        return FALSE;
      summary = g_strdup_printf (_("Merged into %s"), m->code);
      if (!plaza_store_log_change (store, "units", u->id, "merge", summary, error))
        return FALSE;
      g_clear_pointer (&summary, g_free);
    }
  summary = g_strdup_printf (_("Merged from %s"), codes->str);
  return plaza_store_log_change (store, "units", m->new_id, "create", summary, error);
}

gint64
plaza_unit_merge (PlazaStore   *store,
                  const gint64 *unit_ids,
                  const gint64 *revs,
                  guint         n,
                  const char   *code,
                  const char   *date,
                  GError      **error)
{
  Merge m = { unit_ids, revs, n, code, date, 0 };

  g_return_val_if_fail (PLAZA_IS_STORE (store), 0);
  if (n < 2)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID, _("A merge needs at least two units"));
      return 0;
    }
  if (code == NULL || *code == '\0')
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID, _("The merged unit needs a code"));
      return 0;
    }
  if (!check_date (date, error))
    return 0;
  if (!plaza_store_write (store, merge_in_write, &m, error))
    return 0;
  return m.new_id;
}
