/* plaza-payments-list.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lists for recording payments: the recent payments with whether each was
 * reversed, a tenant's open lines oldest first and how an amount would be
 * allocated to them (the rule of plaza_payment_add without allocations),
 * and the tenants a payment can be recorded for.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include "plaza-billing-query.h"
#include "plaza-payments-private.h"

static const char payments_sql[] =
  "SELECT p.id, p.tenant_id, t.code, t.name, p.date, p.amount, p.method, p.reference,"
  "       COALESCE (p.reversal_of, 0),"
  "       EXISTS (SELECT 1 FROM payments r WHERE r.reversal_of = p.id),"
  "       (SELECT COALESCE (SUM (pa.amount), 0) FROM payment_allocations pa WHERE pa.payment_id = p.id)"
  "  FROM payments p JOIN tenants t ON t.id = p.tenant_id"
  " ORDER BY p.date DESC, p.id DESC LIMIT ?1";

static const char line_info_sql[] =
  "SELECT b.month, bl.description FROM bill_lines bl JOIN bills b ON b.id = bl.bill_id WHERE bl.id = ?1";

static const char tenants_sql[] =
  "SELECT id, code, name, status FROM tenants WHERE status <> 'prospect' ORDER BY code";

static char *
text_at (sqlite3_stmt *stmt,
         int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? text : "");
}

void
plaza_payment_row_free (PlazaPaymentRow *row)
{
  if (row == NULL)
    return;
  g_free (row->tenant_code);
  g_free (row->tenant_name);
  g_free (row->date);
  g_free (row->method);
  g_free (row->reference);
  g_free (row);
}

gboolean
plaza_payments_list (PlazaStore  *store,
                     guint        limit,
                     GPtrArray  **rows,
                     GError     **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) plaza_payment_row_free);
  g_autoptr(sqlite3_stmt) stmt = plaza_store_prepare (store, payments_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, limit > 0 ? (gint64) limit : -1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PlazaPaymentRow *row = g_new0 (PlazaPaymentRow, 1);

      row->id = sqlite3_column_int64 (stmt, 0);
      row->tenant_id = sqlite3_column_int64 (stmt, 1);
      row->tenant_code = text_at (stmt, 2);
      row->tenant_name = text_at (stmt, 3);
      row->date = text_at (stmt, 4);
      row->amount = sqlite3_column_int64 (stmt, 5);
      row->method = text_at (stmt, 6);
      row->reference = text_at (stmt, 7);
      row->reversal_of = sqlite3_column_int64 (stmt, 8);
      row->reversed = sqlite3_column_int (stmt, 9) != 0;
      row->allocated = sqlite3_column_int64 (stmt, 10);
      g_ptr_array_add (out, row);
    }
  if (rc != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  *rows = g_steal_pointer (&out);
  return TRUE;
}

void
plaza_open_line_row_free (PlazaOpenLineRow *row)
{
  if (row == NULL)
    return;
  g_free (row->bill_code);
  g_free (row->month);
  g_free (row->due_date);
  g_free (row->kind);
  g_free (row->description);
  g_free (row);
}

gboolean
plaza_payments_open_lines (PlazaStore  *store,
                           gint64       tenant_id,
                           GPtrArray  **rows,
                           gint64      *credit,
                           GError     **error)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) plaza_open_line_row_free);
  g_autoptr(sqlite3_stmt) info = NULL;

  g_return_val_if_fail (tenant_id > 0, FALSE);

  if (!plaza_payments_load_lines (store, tenant_id, NULL, &lines, NULL, error))
    return FALSE;
  info = plaza_store_prepare (store, line_info_sql, error);
  if (info == NULL)
    return FALSE;
  for (guint i = 0; i < lines->len; i++)
    {
      PlazaOpenLine *line = g_ptr_array_index (lines, i);
      PlazaOpenLineRow *row;

      if (plaza_open_line_open (line) <= 0)
        continue;
      row = g_new0 (PlazaOpenLineRow, 1);
      row->line_id = line->id;
      row->bill_id = line->bill_id;
      row->bill_code = g_strdup (line->bill_code);
      row->due_date = g_strdup (line->due_date);
      row->kind = g_strdup (line->kind);
      row->amount = line->amount;
      row->open = plaza_open_line_open (line);
      sqlite3_reset (info);
      sqlite3_bind_int64 (info, 1, line->id);
      if (sqlite3_step (info) == SQLITE_ROW)
        {
          row->month = text_at (info, 0);
          row->description = text_at (info, 1);
        }
      else
        {
          row->month = g_strdup ("");
          row->description = g_strdup ("");
        }
      g_ptr_array_add (out, row);
    }
  if (credit != NULL)
    *credit = plaza_payment_tenant_credit (store, tenant_id);
  *rows = g_steal_pointer (&out);
  return TRUE;
}

gint64
plaza_payments_plan_auto (GPtrArray *rows,
                          gint64     amount,
                          gint64    *out)
{
  gint64 left = MAX (amount, 0);

  for (guint i = 0; i < rows->len; i++)
    {
      PlazaOpenLineRow *row = g_ptr_array_index (rows, i);

      out[i] = MIN (left, row->open);
      left -= out[i];
    }
  return left;
}

void
plaza_tenant_choice_free (PlazaTenantChoice *choice)
{
  if (choice == NULL)
    return;
  g_free (choice->code);
  g_free (choice->name);
  g_free (choice->status);
  g_free (choice);
}

gboolean
plaza_billing_tenants (PlazaStore  *store,
                       GPtrArray  **tenants,
                       GError     **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) plaza_tenant_choice_free);
  g_autoptr(sqlite3_stmt) stmt = plaza_store_prepare (store, tenants_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PlazaTenantChoice *choice = g_new0 (PlazaTenantChoice, 1);

      choice->id = sqlite3_column_int64 (stmt, 0);
      choice->code = text_at (stmt, 1);
      choice->name = text_at (stmt, 2);
      choice->status = text_at (stmt, 3);
      g_ptr_array_add (out, choice);
    }
  if (rc != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  *tenants = g_steal_pointer (&out);
  return TRUE;
}
