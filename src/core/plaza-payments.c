/* plaza-payments.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Recording, allocating and reversing payments; the tenant's credit.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "plaza-date.h"
#include "plaza-payments-private.h"

typedef struct
{
  gint64      tenant_id;
  const char *date;
  gint64      amount;
  const char *method;
  const char *reference;
  GArray     *allocations;
  gint64      id;           /* out: the new row */
  gint64      original;     /* in: the payment to reverse */
} PaymentData;

static gboolean
tenant_code (PlazaStore  *store,
             gint64       tenant_id,
             char       **code,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = plaza_store_prepare (store, "SELECT code FROM tenants WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, tenant_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return plaza_payments_invalid (error, _("tenant: there is no tenant %lld."), (long long) tenant_id);
  *code = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  return TRUE;
}

/* The tenant's contract whose deposit pays @amount: the latest ending one
 * holding enough. */
static gboolean
deposit_contract (PlazaStore  *store,
                  gint64       tenant_id,
                  gint64       amount,
                  gint64      *contract_id,
                  GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = plaza_store_prepare (store,
                              "SELECT c.id FROM contracts c WHERE c.tenant_id = ?"
                              "   AND (SELECT COALESCE (SUM (CASE WHEN d.kind IN ('received', 'topped_up') THEN d.amount"
                              "                                   ELSE -d.amount END), 0)"
                              "          FROM deposit_entries d WHERE d.contract_id = c.id) >= ?"
                              " ORDER BY c.end_date DESC, c.id DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, tenant_id);
  sqlite3_bind_int64 (stmt, 2, amount);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *contract_id = sqlite3_column_int64 (stmt, 0);
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  return plaza_payments_invalid (error, _("amount: no deposit of this tenant holds that much."));
}

static gboolean
check_allocations (PlazaStore  *store,
                   PaymentData *data,
                   GError     **error)
{
  g_autoptr(GPtrArray) lines = NULL;
  gint64 sum = 0;

  if (!plaza_payments_load_lines (store, data->tenant_id, NULL, &lines, NULL, error))
    return FALSE;
  for (guint i = 0; i < data->allocations->len; i++)
    {
      const PlazaPaymentAllocation *a = &g_array_index (data->allocations, PlazaPaymentAllocation, i);
      PlazaOpenLine *line = NULL;

      if (a->amount <= 0)
        return plaza_payments_invalid (error, _("allocation: the amount for line %lld must be more than zero."),
                                       (long long) a->bill_line_id);
      for (guint j = 0; j < i; j++)
        if (g_array_index (data->allocations, PlazaPaymentAllocation, j).bill_line_id == a->bill_line_id)
          return plaza_payments_invalid (error, _("allocation: line %lld is given twice."), (long long) a->bill_line_id);
      for (guint j = 0; j < lines->len && line == NULL; j++)
        {
          PlazaOpenLine *l = g_ptr_array_index (lines, j);

          if (l->id == a->bill_line_id)
            line = l;
        }
      if (line == NULL)
        return plaza_payments_invalid (error, _("allocation: line %lld is not a line of an issued bill of this tenant."),
                                       (long long) a->bill_line_id);
      if (a->amount > plaza_open_line_open (line))
        return plaza_payments_invalid (error, _("allocation: line %lld of bill %s has only %lld fen open."),
                                       (long long) line->id, line->bill_code,
                                       (long long) MAX (plaza_open_line_open (line), 0));
      sum += a->amount;
    }
  if (sum > data->amount)
    return plaza_payments_invalid (error, _("allocation: %lld fen allocated is more than the payment of %lld fen."),
                                   (long long) sum, (long long) data->amount);
  return TRUE;
}

static gboolean
add_func (PlazaStore  *store,
          gpointer     user_data,
          GError     **error)
{
  PaymentData *data = user_data;
  g_autofree char *code = NULL;
  g_autofree char *summary = NULL;
  gint64 contract_id = 0;
  gint64 allocated = 0;
  gint64 applied = 0;
  gboolean offset = g_str_equal (data->method, "deposit_offset");

  if (!tenant_code (store, data->tenant_id, &code, error))
    return FALSE;
  if (offset && !deposit_contract (store, data->tenant_id, data->amount, &contract_id, error))
    return FALSE;
  if (data->allocations != NULL && !check_allocations (store, data, error))
    return FALSE;

  if (!plaza_payments_insert (store, data->tenant_id, data->date, data->amount, data->method,
                              data->reference, 0, &data->id, error))
    return FALSE;
  if (offset)
    {
      g_autofree char *reason = g_strdup_printf ("payment %lld", (long long) data->id);

      if (!plaza_payments_deposit_entry (store, contract_id, "offset", data->amount, data->date, reason, error))
        return FALSE;
    }
  if (data->allocations != NULL)
    {
      for (guint i = 0; i < data->allocations->len; i++)
        {
          const PlazaPaymentAllocation *a = &g_array_index (data->allocations, PlazaPaymentAllocation, i);

          if (!plaza_payments_allocate (store, data->id, a->bill_line_id, a->amount, error))
            return FALSE;
          allocated += a->amount;
        }
    }
  else if (!plaza_payments_allocate_auto (store, data->id, data->tenant_id, contract_id, data->amount,
                                          &allocated, error))
    return FALSE;
  if (!plaza_payments_apply_credit_in (store, data->tenant_id, &applied, error))
    return FALSE;

  summary = g_strdup_printf ("%s: payment %lld of %lld fen by %s, %lld allocated, %lld credit applied",
                             code, (long long) data->id, (long long) data->amount, data->method,
                             (long long) allocated, (long long) applied);
  return plaza_store_log_change (store, "payment", data->id, "create", summary, error);
}

gboolean
plaza_payment_add (PlazaStore  *store,
                   gint64       tenant_id,
                   const char  *date,
                   gint64       amount,
                   const char  *method,
                   const char  *reference,
                   GArray      *allocations,
                   gint64      *payment_id,
                   GError     **error)
{
  static const char * const methods[] = { "transfer", "cash", "pos", "deposit_offset", NULL };
  PaymentData data = { tenant_id, date, amount, method != NULL ? method : "transfer", reference, allocations, 0, 0 };
  GDate d;

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);

  if (!g_strv_contains (methods, data.method))
    return plaza_payments_invalid (error, _("method: “%s” is not one of transfer, cash, pos, deposit_offset."), data.method);
  if (amount <= 0)
    return plaza_payments_invalid (error, _("amount: must be more than zero."));
  if (date == NULL || !plaza_date_parse (date, &d))
    return plaza_payments_invalid (error, _("date: “%s” is not a date like 2026-11-27."), date != NULL ? date : "");
  if (!plaza_store_write (store, add_func, &data, error))
    return FALSE;
  if (payment_id != NULL)
    *payment_id = data.id;
  return TRUE;
}

static gboolean
apply_func (PlazaStore  *store,
            gpointer     user_data,
            GError     **error)
{
  PaymentData *data = user_data;
  g_autofree char *code = NULL;
  g_autofree char *summary = NULL;

  if (!tenant_code (store, data->tenant_id, &code, error))
    return FALSE;
  if (!plaza_payments_apply_credit_in (store, data->tenant_id, &data->amount, error))
    return FALSE;
  if (data->amount == 0)
    return TRUE;
  summary = g_strdup_printf ("%s: %lld fen of credit applied", code, (long long) data->amount);
  return plaza_store_log_change (store, "tenant", data->tenant_id, "apply_credit", summary, error);
}

gboolean
plaza_payment_apply_credit (PlazaStore  *store,
                            gint64       tenant_id,
                            gint64      *applied,
                            GError     **error)
{
  PaymentData data = { tenant_id, NULL, 0, NULL, NULL, NULL, 0, 0 };

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);

  if (!plaza_store_write (store, apply_func, &data, error))
    return FALSE;
  if (applied != NULL)
    *applied = data.amount;
  return TRUE;
}

static gboolean
reverse_func (PlazaStore  *store,
              gpointer     user_data,
              GError     **error)
{
  PaymentData *data = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) allocs = NULL;
  g_autofree char *code = NULL;
  g_autofree char *method = NULL;
  g_autofree char *summary = NULL;
  gint64 original = data->original;
  gint64 amount;
  gint64 applied = 0;
  gboolean reversal;
  int rc;

  stmt = plaza_store_prepare (store,
                              "SELECT tenant_id, amount, method, reversal_of IS NOT NULL,"
                              "       EXISTS (SELECT 1 FROM payments r WHERE r.reversal_of = p.id)"
                              "  FROM payments p WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, original);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return plaza_payments_invalid (error, _("payment: there is no payment %lld."), (long long) original);
  data->tenant_id = sqlite3_column_int64 (stmt, 0);
  amount = sqlite3_column_int64 (stmt, 1);
  method = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  reversal = sqlite3_column_int (stmt, 3) != 0;
  if (reversal)
    return plaza_payments_invalid (error, _("payment: %lld is a reversal and cannot be reversed."), (long long) original);
  if (sqlite3_column_int (stmt, 4) != 0)
    return plaza_payments_invalid (error, _("payment: %lld was reversed before."), (long long) original);
  if (!tenant_code (store, data->tenant_id, &code, error))
    return FALSE;

  if (!plaza_payments_insert (store, data->tenant_id, data->date, -amount, method, data->reference,
                              original, &data->id, error))
    return FALSE;
  allocs = plaza_store_prepare (store,
                                "INSERT INTO payment_allocations (payment_id, bill_line_id, amount)"
                                " SELECT ?, bill_line_id, -amount FROM payment_allocations WHERE payment_id = ?", error);
  if (allocs == NULL)
    return FALSE;
  sqlite3_bind_int64 (allocs, 1, data->id);
  sqlite3_bind_int64 (allocs, 2, original);
  if (sqlite3_step (allocs) != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);

  if (g_str_equal (method, "deposit_offset"))
    {
      g_autoptr(sqlite3_stmt) dep = NULL;
      g_autofree char *key = g_strdup_printf ("payment %lld", (long long) original);
      g_autofree char *reason = g_strdup_printf ("reversal of payment %lld", (long long) original);

      dep = plaza_store_prepare (store, "SELECT contract_id FROM deposit_entries WHERE kind = 'offset' AND reason = ?", error);
      if (dep == NULL)
        return FALSE;
      sqlite3_bind_text (dep, 1, key, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (dep);
      if (rc == SQLITE_ROW &&
          !plaza_payments_deposit_entry (store, sqlite3_column_int64 (dep, 0), "topped_up", amount,
                                         data->date, reason, error))
        return FALSE;
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return plaza_store_set_sqlite_error (store, error);
    }
  if (!plaza_payments_apply_credit_in (store, data->tenant_id, &applied, error))
    return FALSE;

  summary = g_strdup_printf ("%s: payment %lld of %lld fen reversed (%s), %lld credit applied",
                             code, (long long) original, (long long) amount, data->reference, (long long) applied);
  return plaza_store_log_change (store, "payment", data->id, "reverse", summary, error);
}

gboolean
plaza_payment_reverse (PlazaStore  *store,
                       gint64       payment_id,
                       const char  *date,
                       const char  *reason,
                       gint64      *reversal_id,
                       GError     **error)
{
  g_autofree char *today = plaza_payments_today ();
  PaymentData data = { 0, date != NULL ? date : today, 0, NULL, reason, NULL, 0, payment_id };
  GDate d;

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);

  if (!plaza_date_parse (data.date, &d))
    return plaza_payments_invalid (error, _("date: “%s” is not a date like 2026-11-27."), data.date);
  if (reason == NULL || *reason == '\0')
    return plaza_payments_invalid (error, _("reason: say why the payment is reversed."));
  if (!plaza_store_write (store, reverse_func, &data, error))
    return FALSE;
  if (reversal_id != NULL)
    *reversal_id = data.id;
  return TRUE;
}

gint64
plaza_payment_allocated (PlazaStore *store,
                         gint64      payment_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PLAZA_IS_STORE (store), 0);

  stmt = plaza_store_prepare (store, "SELECT COALESCE (SUM (amount), 0) FROM payment_allocations WHERE payment_id = ?", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, payment_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

gint64
plaza_payment_tenant_credit (PlazaStore *store,
                             gint64      tenant_id)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GArray) credits = NULL;
  gint64 credit;

  g_return_val_if_fail (PLAZA_IS_STORE (store), 0);

  credit = plaza_payments_unallocated (store, tenant_id, NULL);
  if (!plaza_payments_load_lines (store, tenant_id, NULL, &lines, &credits, NULL))
    return credit;
  for (guint i = 0; i < credits->len; i++)
    {
      const PlazaLineCredit *c = &g_array_index (credits, PlazaLineCredit, i);

      if (c->line_id == 0)
        credit += c->amount;
    }
  return credit;
}

gint64
plaza_payment_tenant_open (PlazaStore *store,
                           gint64      tenant_id)
{
  g_autoptr(GPtrArray) lines = NULL;
  gint64 open = 0;

  g_return_val_if_fail (PLAZA_IS_STORE (store), 0);

  if (!plaza_payments_load_lines (store, tenant_id, NULL, &lines, NULL, NULL))
    return 0;
  for (guint i = 0; i < lines->len; i++)
    {
      PlazaOpenLine *line = g_ptr_array_index (lines, i);

      open += MAX (plaza_open_line_open (line), 0);
    }
  return open;
}
