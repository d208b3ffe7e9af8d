/* plaza-payments-deposit.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Settling a deposit at termination: the balance pays the contract's open
 * lines (a 'deposit_offset' payment and an 'offset' deposit entry), the
 * rest is recorded as refunded.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "plaza-contract.h"
#include "plaza-date.h"
#include "plaza-payments-private.h"

typedef struct
{
  gint64                  contract_id;
  const char             *date;
  PlazaDepositSettlement  result;
} SettleData;

static gboolean
settle_func (PlazaStore  *store,
             gpointer     user_data,
             GError     **error)
{
  SettleData *data = user_data;
  PlazaDepositSettlement *r = &data->result;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *code = NULL;
  g_autofree char *state = NULL;
  g_autofree char *summary = NULL;
  gint64 tenant_id;
  gint64 open = 0;
  gint64 applied = 0;

  memset (r, 0, sizeof *r);
  stmt = plaza_store_prepare (store, "SELECT code, state, tenant_id FROM contracts WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->contract_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return plaza_payments_invalid (error, _("contract: there is no contract %lld."), (long long) data->contract_id);
  code = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  state = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  tenant_id = sqlite3_column_int64 (stmt, 2);
  if (!g_str_equal (state, "terminated") && !g_str_equal (state, "expired"))
    return plaza_payments_invalid (error, _("contract: %s is not terminated or expired; its deposit is still held."), code);
  r->balance = plaza_contract_deposit_balance (store, data->contract_id);
  if (r->balance <= 0)
    return plaza_payments_invalid (error, _("contract: %s holds no deposit to settle."), code);

  /* The tenant's credit first, so the deposit only pays what is owed. */
  if (!plaza_payments_apply_credit_in (store, tenant_id, &applied, error))
    return FALSE;
  if (!plaza_payments_load_lines (store, tenant_id, NULL, &lines, NULL, error))
    return FALSE;
  for (guint i = 0; i < lines->len; i++)
    {
      PlazaOpenLine *line = g_ptr_array_index (lines, i);

      if (line->contract_id == data->contract_id)
        open += MAX (plaza_open_line_open (line), 0);
    }

  r->offset = MIN (open, r->balance);
  r->refund = r->balance - r->offset;
  if (r->offset > 0)
    {
      g_autofree char *reference = g_strdup_printf ("deposit %s", code);
      g_autofree char *reason = NULL;
      gint64 allocated = 0;

      if (!plaza_payments_insert (store, tenant_id, data->date, r->offset, "deposit_offset", reference, 0,
                                  &r->payment_id, error))
        return FALSE;
      reason = g_strdup_printf ("payment %lld", (long long) r->payment_id);
      if (!plaza_payments_deposit_entry (store, data->contract_id, "offset", r->offset, data->date, reason, error))
        return FALSE;
      if (!plaza_payments_allocate_auto (store, r->payment_id, tenant_id, data->contract_id, r->offset,
                                         &allocated, error))
        return FALSE;
      g_assert (allocated == r->offset);
    }
  if (r->refund > 0 &&
      !plaza_payments_deposit_entry (store, data->contract_id, "refunded", r->refund, data->date,
                                     "to be refunded at settlement", error))
    return FALSE;

  summary = g_strdup_printf ("%s: deposit of %lld fen settled, %lld set against arrears, %lld to be refunded",
                             code, (long long) r->balance, (long long) r->offset, (long long) r->refund);
  return plaza_store_log_change (store, "contract", data->contract_id, "deposit_settle", summary, error);
}

gboolean
plaza_deposit_settle (PlazaStore              *store,
                      gint64                   contract_id,
                      const char              *date,
                      PlazaDepositSettlement  *result,
                      GError                 **error)
{
  SettleData data = { contract_id, date, { 0 } };
  GDate d;

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);

  if (date == NULL || !plaza_date_parse (date, &d))
    return plaza_payments_invalid (error, _("date: “%s” is not a date like 2026-11-27."), date != NULL ? date : "");
  if (!plaza_store_write (store, settle_func, &data, error))
    return FALSE;
  if (result != NULL)
    *result = data.result;
  return TRUE;
}
