/* plaza-unit-query.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading units: a unit's history (its unit_history rows and the contracts
 * it had, by date) and the vacancy list with days vacant and last rent per
 * m² (plaza-unit.h).
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "plaza-date.h"
#include "plaza-unit-private.h"

static PlazaUnitEventKind
kind_from_string (const char *text)
{
  for (guint i = 0; i <= PLAZA_UNIT_EVENT_CONTRACT; i++)
    if (g_strcmp0 (text, plaza_unit_event_kind_to_string ((PlazaUnitEventKind) i)) == 0)
      return (PlazaUnitEventKind) i;
  return PLAZA_UNIT_EVENT_STATUS;
}

static char *
dup_or_empty (sqlite3_stmt *stmt,
              int           column)
{
  char *text = plaza_unit_column_dup (stmt, column);

  return text != NULL ? text : g_strdup ("");
}

static gboolean
load_events (PlazaStore *store,
             gint64      unit_id,
             GPtrArray  *out,
             GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = plaza_store_prepare (store,
                              "SELECT h.date, h.kind, COALESCE (h.related_id, 0), COALESCE (r.code, ''), h.note"
                              " FROM unit_history h LEFT JOIN units r ON r.id = h.related_id"
                              " WHERE h.unit_id = ? ORDER BY h.date, h.id",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PlazaUnitEvent *e = g_new0 (PlazaUnitEvent, 1);

      e->date = dup_or_empty (stmt, 0);
      e->kind = kind_from_string ((const char *) sqlite3_column_text (stmt, 1));
      e->related_unit_id = sqlite3_column_int64 (stmt, 2);
      e->related_code = dup_or_empty (stmt, 3);
      e->note = dup_or_empty (stmt, 4);
      e->contract_code = g_strdup ("");
      e->contract_state = g_strdup ("");
      e->end_date = g_strdup ("");
      e->tenant_name = g_strdup ("");
      g_ptr_array_add (out, e);
    }
  if (rc != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  return TRUE;
}

static gboolean
load_contracts (PlazaStore *store,
                gint64      unit_id,
                GPtrArray  *out,
                GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = plaza_store_prepare (store,
                              "SELECT c.start_date, c.id, c.code, c.state, COALESCE (c.terminated_on, c.end_date),"
                              " t.name FROM contract_units cu JOIN contracts c ON c.id = cu.contract_id"
                              " JOIN tenants t ON t.id = c.tenant_id"
                              " WHERE cu.unit_id = ? ORDER BY c.start_date, c.id",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PlazaUnitEvent *e = g_new0 (PlazaUnitEvent, 1);

      e->date = dup_or_empty (stmt, 0);
      e->kind = PLAZA_UNIT_EVENT_CONTRACT;
      e->contract_id = sqlite3_column_int64 (stmt, 1);
      e->contract_code = dup_or_empty (stmt, 2);
      e->contract_state = dup_or_empty (stmt, 3);
      e->end_date = dup_or_empty (stmt, 4);
      e->tenant_name = dup_or_empty (stmt, 5);
      e->related_code = g_strdup ("");
      e->note = g_strdup ("");
      g_ptr_array_add (out, e);
    }
  if (rc != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  return TRUE;
}

GPtrArray *
plaza_unit_history (PlazaStore *store,
                    gint64      unit_id,
                    GError    **error)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) plaza_unit_event_free);
  g_autoptr(GPtrArray) contracts = g_ptr_array_new_with_free_func ((GDestroyNotify) plaza_unit_event_free);
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) plaza_unit_event_free);
  g_autoptr(PlazaUnit) unit = NULL;
  guint i = 0;
  guint j = 0;

  g_return_val_if_fail (PLAZA_IS_STORE (store), NULL);
  unit = plaza_unit_get (store, unit_id, error);
  if (unit == NULL)
    return NULL;
  if (!load_events (store, unit_id, events, error) || !load_contracts (store, unit_id, contracts, error))
    return NULL;
  /* Merge the two date-ordered lists; a contract goes first on a tie. */
  while (i < contracts->len || j < events->len)
    {
      PlazaUnitEvent *c = i < contracts->len ? g_ptr_array_index (contracts, i) : NULL;
      PlazaUnitEvent *e = j < events->len ? g_ptr_array_index (events, j) : NULL;

      if (e == NULL || (c != NULL && strcmp (c->date, e->date) <= 0))
        {
          g_ptr_array_add (out, c);
          g_ptr_array_index (contracts, i) = NULL;
          i++;
        }
      else
        {
          g_ptr_array_add (out, e);
          g_ptr_array_index (events, j) = NULL;
          j++;
        }
    }
  return g_steal_pointer (&out);
}

static int
compare_vacancy (gconstpointer a,
                 gconstpointer b)
{
  const PlazaVacancyRow *ra = *(PlazaVacancyRow * const *) a;
  const PlazaVacancyRow *rb = *(PlazaVacancyRow * const *) b;

  if (ra->has_days != rb->has_days)
    return ra->has_days ? -1 : 1;
  if (ra->has_days && ra->days_vacant != rb->days_vacant)
    return ra->days_vacant > rb->days_vacant ? -1 : 1;
  return strcmp (ra->code, rb->code);
}

GPtrArray *
plaza_units_vacancy (PlazaStore  *store,
                     const GDate *today,
                     GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) plaza_vacancy_row_free);
  int rc;

  g_return_val_if_fail (PLAZA_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);
  stmt = plaza_store_prepare (store,
                              "SELECT u.id, u.code, f.label, f.level, u.rentable_area, COALESCE (cat.name, ''),"
                              " u.vacant_since, lc.code, lc.monthly_rent,"
                              " (SELECT SUM (area) FROM contract_units WHERE contract_id = lc.id),"
                              " COALESCE (lc.terminated_on, lc.end_date)"
                              " FROM units u JOIN floors f ON f.id = u.floor_id"
                              " LEFT JOIN categories cat ON cat.id = u.planned_category_id"
                              " LEFT JOIN contracts lc ON lc.id ="
                              "  (SELECT c2.id FROM contract_units cu2 JOIN contracts c2 ON c2.id = cu2.contract_id"
                              "   WHERE cu2.unit_id = u.id AND c2.state IN " PLAZA_UNIT_IN_FORCE_STATES
                              "   ORDER BY COALESCE (c2.terminated_on, c2.end_date) DESC, c2.id DESC LIMIT 1)"
                              " WHERE u.status = 'vacant'",
                              error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PlazaVacancyRow *row = g_new0 (PlazaVacancyRow, 1);
      g_autofree char *since = plaza_unit_column_dup (stmt, 6);
      g_autofree char *ended = plaza_unit_column_dup (stmt, 10);
      gint64 area = sqlite3_column_int64 (stmt, 9);
      GDate d;

      row->unit_id = sqlite3_column_int64 (stmt, 0);
      row->code = dup_or_empty (stmt, 1);
      row->floor_label = dup_or_empty (stmt, 2);
      row->floor_level = sqlite3_column_int64 (stmt, 3);
      row->rentable_area = sqlite3_column_int64 (stmt, 4);
      row->planned_category = dup_or_empty (stmt, 5);
      row->last_contract_code = dup_or_empty (stmt, 7);
      if (sqlite3_column_type (stmt, 7) != SQLITE_NULL && area > 0)
        {
          gint64 rent = sqlite3_column_int64 (stmt, 8);

          row->has_last_rent = TRUE;
          /* fen per m² = rent × 100 / hundredths of m², half up */
          row->last_rent_per_m2 = (rent * 200 + area) / (2 * area);
        }
      if (since != NULL && ended != NULL)
        row->vacant_since = g_strdup (strcmp (since, ended) >= 0 ? since : ended);
      else
        row->vacant_since = g_strdup (since != NULL ? since : ended);
      if (row->vacant_since != NULL && plaza_date_parse (row->vacant_since, &d))
        {
          row->has_days = TRUE;
          row->days_vacant = MAX (0, g_date_days_between (&d, today));
        }
      g_ptr_array_add (rows, row);
    }
  if (rc != SQLITE_DONE)
    {
      plaza_store_set_sqlite_error (store, error);
      return NULL;
    }
  g_ptr_array_sort (rows, compare_vacancy);
  return g_steal_pointer (&rows);
}
