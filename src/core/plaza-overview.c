/* plaza-overview.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <string.h>

#include "plaza-fitout.h"
#include "plaza-overview.h"
#include "plaza-tenant.h"

static char *
format_date (const GDate *date,
             const char  *format)
{
  char buf[32];

  if (g_date_strftime (buf, sizeof buf, format, date) == 0)
    return g_strdup ("");
  return g_strdup (buf);
}

static char *
format_offset (const GDate *today,
               gint         days,
               gint         months)
{
  GDate date = *today;

  if (days > 0)
    g_date_add_days (&date, (guint) days);
  if (months < 0)
    g_date_subtract_months (&date, (guint) -months);
  return format_date (&date, months != 0 ? "%Y-%m" : "%Y-%m-%d");
}

/* Runs @sql with up to three text parameters and reads up to two integer
 * results from its single row. */
static gboolean
query_ints (PlazaStore  *store,
            const char  *sql,
            const char  *p1,
            const char  *p2,
            const char  *p3,
            gint64      *out1,
            gint64      *out2,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *params[] = { p1, p2, p3 };
  int rc;

  stmt = plaza_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  for (int i = 0; i < sqlite3_bind_parameter_count (stmt) && i < 3; i++)
    sqlite3_bind_text (stmt, i + 1, params[i], -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return plaza_store_set_sqlite_error (store, error);
  if (out1 != NULL)
    *out1 = sqlite3_column_int64 (stmt, 0);
  if (out2 != NULL)
    *out2 = sqlite3_column_int64 (stmt, 1);
  return TRUE;
}

static gboolean
compute (PlazaStore    *store,
         const GDate   *today,
         PlazaOverview *out,
         GError       **error)
{
  g_autofree char *day = format_date (today, "%Y-%m-%d");
  g_autofree char *in_30 = format_offset (today, 30, 0);
  g_autofree char *in_90 = format_offset (today, 90, 0);
  g_autofree char *last_month = format_offset (today, 0, -1);
  g_autoptr(GPtrArray) fitout_items = NULL;
  g_autoptr(GPtrArray) licence_alerts = NULL;

  out->mall_name = plaza_store_get_setting (store, "mall.name");

  if (!query_ints (store,
                   "SELECT COUNT (*), COALESCE (SUM (rentable_area), 0) FROM units "
                   "WHERE status <> 'retired'",
                   NULL, NULL, NULL, &out->units_total, &out->rentable_area, error))
    return FALSE;

  if (!query_ints (store, "SELECT COUNT (*) FROM units WHERE status = 'vacant'",
                   NULL, NULL, NULL, &out->units_vacant, NULL, error))
    return FALSE;

  /* Each unit counted once, with its own rentable area, so occupancy never
   * passes 100 %. */
  if (!query_ints (store,
                   "SELECT COALESCE (SUM (u.rentable_area), 0) FROM units u "
                   "WHERE u.status <> 'retired' AND u.id IN ("
                   "  SELECT cu.unit_id FROM contracts c JOIN contract_units cu ON cu.contract_id = c.id"
                   "  WHERE c.state = 'active' AND c.start_date <= ?1 AND c.end_date >= ?1)",
                   day, NULL, NULL, &out->leased_area, NULL, error))
    return FALSE;

  out->occupancy_bp = out->rentable_area > 0
                        ? (out->leased_area * 10000 + out->rentable_area / 2) / out->rentable_area
                        : 0;

  if (!query_ints (store,
                   "SELECT COUNT (*),"
                   "  COALESCE (SUM (end_date >= ?1 AND end_date <= ?2), 0) "
                   "FROM contracts WHERE state = 'active'",
                   day, in_90, NULL, &out->contracts_active, &out->contracts_expiring_90, error))
    return FALSE;

  if (!query_ints (store,
                   "SELECT COUNT (*) FROM contracts WHERE state IN ('draft', 'submitted')",
                   NULL, NULL, NULL, &out->contracts_awaiting, NULL, error))
    return FALSE;

  /* Per tenant: the balance of its issued bills due before today (credit
   * notes count against it); only tenants that owe something count. */
  if (!query_ints (store,
                   "WITH bill_paid AS ("
                   "  SELECT bl.bill_id AS bill_id, SUM (pa.amount) AS paid"
                   "  FROM bill_lines bl JOIN payment_allocations pa ON pa.bill_line_id = bl.id"
                   "  GROUP BY bl.bill_id), "
                   "owed AS ("
                   "  SELECT b.tenant_id AS tenant_id, SUM (b.total - COALESCE (bp.paid, 0)) AS balance"
                   "  FROM bills b LEFT JOIN bill_paid bp ON bp.bill_id = b.id"
                   "  WHERE b.state = 'issued' AND b.due_date < ?1"
                   "  GROUP BY b.tenant_id) "
                   "SELECT COALESCE (SUM (balance), 0), COUNT (*) FROM owed WHERE balance > 0",
                   day, NULL, NULL, &out->arrears_fen, &out->tenants_in_arrears, error))
    return FALSE;

  if (!query_ints (store,
                   "SELECT COUNT (*) FROM promotions "
                   "WHERE state = 'approved' AND start_date >= ?1 AND start_date <= ?2",
                   day, in_30, NULL, &out->promotions_upcoming, NULL, error))
    return FALSE;

  if (!query_ints (store,
                   "SELECT COALESCE (SUM (amount), 0) FROM sales_monthly WHERE month = ?1",
                   last_month, NULL, NULL, &out->sales_last_month_fen, NULL, error))
    return FALSE;

  if (!plaza_fitout_overdue (store, today, &fitout_items, error))
    return FALSE;
  out->fitout_overdue = fitout_items->len;

  if (!plaza_tenant_licence_alerts (store, today, 60, &licence_alerts, error))
    return FALSE;
  out->licences_expiring = licence_alerts->len;

  return TRUE;
}

gboolean
plaza_overview_compute (PlazaStore    *store,
                        const GDate   *today,
                        PlazaOverview *out,
                        GError       **error)
{
  sqlite3 *db;
  gboolean own_transaction;
  gboolean ok;

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  memset (out, 0, sizeof *out);

  /* One read transaction, so all the counts come from the same snapshot. */
  db = plaza_store_get_db (store);
  own_transaction = sqlite3_get_autocommit (db) != 0;
  if (own_transaction && !plaza_store_exec (store, "BEGIN", error))
    return FALSE;

  ok = compute (store, today, out, error);

  if (own_transaction)
    plaza_store_exec (store, ok ? "COMMIT" : "ROLLBACK", NULL);
  if (!ok)
    plaza_overview_clear (out);
  return ok;
}

void
plaza_overview_clear (PlazaOverview *overview)
{
  if (overview == NULL)
    return;
  g_clear_pointer (&overview->mall_name, g_free);
  memset (overview, 0, sizeof *overview);
}
