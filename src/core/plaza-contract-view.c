/* plaza-contract-view.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-contract-schedule.h"
#include "plaza-contract-view.h"

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static void
event_free (PlazaContractEvent *event)
{
  g_free (event->kind);
  g_free (event->state);
  g_free (event->effective_date);
  g_free (event->comment);
  g_free (event->user);
  g_free (event->at);
  g_free (event);
}

void
plaza_contract_view_free (PlazaContractView *view)
{
  if (view == NULL)
    return;
  g_free (view->code);
  g_free (view->tenant);
  g_free (view->kind);
  g_free (view->state);
  g_free (view->model);
  g_free (view->start_date);
  g_free (view->end_date);
  g_free (view->area_basis);
  g_free (view->terms_json);
  g_free (view->units);
  g_free (view->terminated_on);
  g_clear_pointer (&view->events, g_ptr_array_unref);
  g_clear_pointer (&view->unit_ids, g_array_unref);
  g_free (view->terms_in_force);
  g_free (view);
}

static gboolean
load_units (PlazaStore         *store,
            PlazaContractView  *view,
            GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  view->unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  stmt = plaza_store_prepare (store, "SELECT unit_id FROM contract_units WHERE contract_id = ? ORDER BY unit_id",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, view->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 unit = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (view->unit_ids, unit);
    }
  if (rc != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  return TRUE;
}

/* The signed terms with each approved amendment laid over them, in order
 * of effective date: what an amendment or a renewal starts from. */
static gboolean
load_terms_in_force (PlazaStore         *store,
                     PlazaContractView  *view,
                     GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  view->terms_in_force = g_strdup (view->terms_json);
  stmt = plaza_store_prepare (store,
                              "SELECT terms_json FROM contract_events "
                              "WHERE contract_id = ? AND kind = 'amendment' AND state = 'approved' "
                              "AND effective_date IS NOT NULL ORDER BY effective_date, id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, view->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *overlay = (const char *) sqlite3_column_text (stmt, 0);
      char *merged;

      if (overlay == NULL)
        continue;
      merged = plaza_contract_merge_terms (view->terms_in_force, overlay, error);
      if (merged == NULL)
        return FALSE;
      g_free (view->terms_in_force);
      view->terms_in_force = merged;
    }
  if (rc != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  return TRUE;
}

PlazaContractView *
plaza_contract_view_load (PlazaStore  *store,
                          gint64       id,
                          GError     **error)
{
  g_autoptr(PlazaContractView) view = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) events = NULL;
  int rc;

  g_return_val_if_fail (PLAZA_IS_STORE (store), NULL);

  stmt = plaza_store_prepare (store,
                              "SELECT c.id, c.rev, c.code, t.name, c.kind, c.state, c.model, c.start_date,"
                              "  c.end_date, c.area_basis, c.terms_json,"
                              "  (SELECT group_concat (code, ', ') FROM"
                              "     (SELECT u.code AS code FROM contract_units cu JOIN units u ON u.id = cu.unit_id"
                              "      WHERE cu.contract_id = c.id ORDER BY u.code)),"
                              "  (SELECT COALESCE (SUM (cu.area), 0) FROM contract_units cu WHERE cu.contract_id = c.id),"
                              "  c.monthly_rent, c.deposit_amount, c.late_fee_bp_per_day, c.late_fee_grace_days,"
                              "  c.late_fee_cap, c.terminated_on, c.tenant_id "
                              "FROM contracts c JOIN tenants t ON t.id = c.tenant_id WHERE c.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND,
                     _("There is no contract with id %lld."), (long long) id);
      else
        plaza_store_set_sqlite_error (store, error);
      return NULL;
    }

  view = g_new0 (PlazaContractView, 1);
  view->id = sqlite3_column_int64 (stmt, 0);
  view->rev = sqlite3_column_int64 (stmt, 1);
  view->code = column_text (stmt, 2);
  view->tenant = column_text (stmt, 3);
  view->kind = column_text (stmt, 4);
  view->state = column_text (stmt, 5);
  view->model = column_text (stmt, 6);
  view->start_date = column_text (stmt, 7);
  view->end_date = column_text (stmt, 8);
  view->area_basis = column_text (stmt, 9);
  view->terms_json = column_text (stmt, 10);
  view->units = column_text (stmt, 11);
  view->area = sqlite3_column_int64 (stmt, 12);
  view->monthly_rent = sqlite3_column_int64 (stmt, 13);
  view->deposit_amount = sqlite3_column_int64 (stmt, 14);
  view->late_fee_bp_per_day = sqlite3_column_int64 (stmt, 15);
  view->late_fee_grace_days = sqlite3_column_int64 (stmt, 16);
  view->late_fee_cap = sqlite3_column_int64 (stmt, 17);
  view->terminated_on = column_text (stmt, 18);
  view->tenant_id = sqlite3_column_int64 (stmt, 19);
  view->events = g_ptr_array_new_with_free_func ((GDestroyNotify) event_free);

  events = plaza_store_prepare (store,
                                "SELECT id, kind, state, effective_date, comment, user, at "
                                "FROM contract_events WHERE contract_id = ? ORDER BY at, id", error);
  if (events == NULL)
    return NULL;
  sqlite3_bind_int64 (events, 1, id);
  while ((rc = sqlite3_step (events)) == SQLITE_ROW)
    {
      PlazaContractEvent *event = g_new0 (PlazaContractEvent, 1);

      event->id = sqlite3_column_int64 (events, 0);
      event->kind = column_text (events, 1);
      event->state = column_text (events, 2);
      event->effective_date = column_text (events, 3);
      event->comment = column_text (events, 4);
      event->user = column_text (events, 5);
      event->at = column_text (events, 6);
      g_ptr_array_add (view->events, event);
    }
  if (rc != SQLITE_DONE)
    {
      plaza_store_set_sqlite_error (store, error);
      return NULL;
    }

  if (!load_units (store, view, error) || !load_terms_in_force (store, view, error))
    return NULL;
  return g_steal_pointer (&view);
}
