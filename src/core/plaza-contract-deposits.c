/* plaza-contract-deposits.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Deposits (保证金): money received, deducted for a breach, topped up,
 * refunded or set against arrears; the balance is the sum of the entries.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "plaza-contract-private.h"

typedef struct
{
  gint64      id;
  const char *kind;
  gint64      amount;
  const char *date;
  const char *reason;
} DepositData;

static gboolean
deposit_func (PlazaStore  *store,
              gpointer     user_data,
              GError     **error)
{
  DepositData *data = user_data;
  g_auto(Contract) c = { 0 };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *summary = NULL;
  gboolean taking = g_str_equal (data->kind, "deducted") || g_str_equal (data->kind, "refunded") ||
                    g_str_equal (data->kind, "offset");

  if (!plaza_contract_load (store, data->id, &c, error))
    return FALSE;
  if (taking && data->amount > plaza_contract_deposit_balance (store, c.id))
    return plaza_contract_invalid (error, _("amount: more than the deposit held for contract %s."), c.code);
  if (g_str_equal (data->kind, "deducted") && (data->reason == NULL || *data->reason == '\0'))
    return plaza_contract_invalid (error, _("reason: say why the deposit is deducted."));

  stmt = plaza_store_prepare (store, "INSERT INTO deposit_entries (contract_id, kind, amount, date, reason, user, at) "
                                     "VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, c.id);
  sqlite3_bind_text (stmt, 2, data->kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, data->amount);
  sqlite3_bind_text (stmt, 4, data->date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, data->reason != NULL ? data->reason : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, plaza_store_get_user (store), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, at, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);

  summary = g_strdup_printf ("%s: deposit %s %" G_GINT64_FORMAT, c.code, data->kind, data->amount);
  return plaza_store_log_change (store, "contract", c.id, "deposit", summary, error);
}

gboolean
plaza_contract_add_deposit (PlazaStore  *store,
                            gint64       id,
                            const char  *kind,
                            gint64       amount,
                            const char  *date,
                            const char  *reason,
                            GError     **error)
{
  static const char * const kinds[] = { "received", "deducted", "topped_up", "refunded", "offset", NULL };
  DepositData data = { id, kind, amount, date, reason };

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);

  if (kind == NULL || !g_strv_contains (kinds, kind))
    return plaza_contract_invalid (error, _("kind: “%s” is not a deposit movement."), kind != NULL ? kind : "");
  if (amount <= 0)
    return plaza_contract_invalid (error, _("amount: must be more than zero."));
  if (!plaza_contract_valid_date (date))
    return plaza_contract_invalid (error, _("date: “%s” is not a date like 2026-11-27."), date != NULL ? date : "");
  return plaza_store_write (store, deposit_func, &data, error);
}

gint64
plaza_contract_deposit_balance (PlazaStore *store,
                                gint64      id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PLAZA_IS_STORE (store), 0);

  stmt = plaza_store_prepare (store,
                              "SELECT coalesce (sum (CASE WHEN kind IN ('received', 'topped_up') THEN amount ELSE -amount END), 0) "
                              "FROM deposit_entries WHERE contract_id = ?", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}
