/* plaza-billing-query.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One bill as the bill window shows it: its header, its lines with what is
 * still open on each (open amounts as plaza-payments.h defines them, so
 * credit notes count) and the payments allocated to it.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-billing-query.h"
#include "plaza-payments-private.h"

static const char bill_sql[] =
  "SELECT b.id, b.code, b.tenant_id, t.code, t.name, COALESCE (b.contract_id, 0), COALESCE (c.code, ''),"
  "       b.month, b.kind, COALESCE (b.original_bill_id, 0), COALESCE (o.code, ''), b.state,"
  "       b.issue_date, b.due_date, b.total"
  "  FROM bills b JOIN tenants t ON t.id = b.tenant_id"
  "  LEFT JOIN contracts c ON c.id = b.contract_id"
  "  LEFT JOIN bills o ON o.id = b.original_bill_id"
  " WHERE b.id = ?1";

static const char lines_sql[] =
  "SELECT id, kind, description, COALESCE (period_from, ''), COALESCE (period_to, ''), amount, estimated"
  "  FROM bill_lines WHERE bill_id = ?1 ORDER BY id";

static const char allocations_sql[] =
  "SELECT p.id, p.date, p.method, SUM (pa.amount)"
  "  FROM payment_allocations pa JOIN payments p ON p.id = pa.payment_id"
  "  JOIN bill_lines bl ON bl.id = pa.bill_line_id"
  " WHERE bl.bill_id = ?1 GROUP BY p.id ORDER BY p.date, p.id";

static char *
text_at (sqlite3_stmt *stmt,
         int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? text : "");
}

static void
detail_line_free (PlazaBillDetailLine *line)
{
  g_free (line->kind);
  g_free (line->description);
  g_free (line->period_from);
  g_free (line->period_to);
  g_free (line);
}

static void
detail_allocation_free (PlazaBillDetailAllocation *allocation)
{
  g_free (allocation->date);
  g_free (allocation->method);
  g_free (allocation);
}

void
plaza_bill_detail_free (PlazaBillDetail *detail)
{
  if (detail == NULL)
    return;
  g_free (detail->code);
  g_free (detail->tenant_code);
  g_free (detail->tenant_name);
  g_free (detail->contract_code);
  g_free (detail->month);
  g_free (detail->kind);
  g_free (detail->original_code);
  g_free (detail->state);
  g_free (detail->issue_date);
  g_free (detail->due_date);
  g_clear_pointer (&detail->lines, g_ptr_array_unref);
  g_clear_pointer (&detail->allocations, g_ptr_array_unref);
  g_free (detail);
}

static gboolean
load_header (PlazaStore       *store,
             gint64            bill_id,
             PlazaBillDetail  *detail,
             GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = plaza_store_prepare (store, bill_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, bill_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND,
                   _("There is no bill with id %lld."), (long long) bill_id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return plaza_store_set_sqlite_error (store, error);
  detail->id = sqlite3_column_int64 (stmt, 0);
  detail->code = text_at (stmt, 1);
  detail->tenant_id = sqlite3_column_int64 (stmt, 2);
  detail->tenant_code = text_at (stmt, 3);
  detail->tenant_name = text_at (stmt, 4);
  detail->contract_id = sqlite3_column_int64 (stmt, 5);
  detail->contract_code = text_at (stmt, 6);
  detail->month = text_at (stmt, 7);
  detail->kind = text_at (stmt, 8);
  detail->original_bill_id = sqlite3_column_int64 (stmt, 9);
  detail->original_code = text_at (stmt, 10);
  detail->state = text_at (stmt, 11);
  detail->issue_date = text_at (stmt, 12);
  detail->due_date = text_at (stmt, 13);
  detail->total = sqlite3_column_int64 (stmt, 14);
  return TRUE;
}

gboolean
plaza_bill_detail_load (PlazaStore       *store,
                        gint64            bill_id,
                        PlazaBillDetail **out,
                        GError          **error)
{
  g_autoptr(PlazaBillDetail) detail = g_new0 (PlazaBillDetail, 1);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) open_lines = NULL;
  int rc;

  g_return_val_if_fail (out != NULL, FALSE);

  detail->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) detail_line_free);
  detail->allocations = g_ptr_array_new_with_free_func ((GDestroyNotify) detail_allocation_free);
  if (!load_header (store, bill_id, detail, error))
    return FALSE;
  if (!plaza_payments_load_lines (store, detail->tenant_id, NULL, &open_lines, NULL, error))
    return FALSE;

  stmt = plaza_store_prepare (store, lines_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, bill_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PlazaBillDetailLine *line = g_new0 (PlazaBillDetailLine, 1);

      line->id = sqlite3_column_int64 (stmt, 0);
      line->kind = text_at (stmt, 1);
      line->description = text_at (stmt, 2);
      line->period_from = text_at (stmt, 3);
      line->period_to = text_at (stmt, 4);
      line->amount = sqlite3_column_int64 (stmt, 5);
      line->estimated = sqlite3_column_int (stmt, 6) != 0;
      for (guint i = 0; i < open_lines->len; i++)
        {
          PlazaOpenLine *open = g_ptr_array_index (open_lines, i);

          if (open->id == line->id)
            line->open = plaza_open_line_open (open);
        }
      detail->open += line->open;
      g_ptr_array_add (detail->lines, line);
    }
  if (rc != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = plaza_store_prepare (store, allocations_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, bill_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PlazaBillDetailAllocation *allocation = g_new0 (PlazaBillDetailAllocation, 1);

      allocation->payment_id = sqlite3_column_int64 (stmt, 0);
      allocation->date = text_at (stmt, 1);
      allocation->method = text_at (stmt, 2);
      allocation->amount = sqlite3_column_int64 (stmt, 3);
      g_ptr_array_add (detail->allocations, allocation);
    }
  if (rc != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);

  *out = g_steal_pointer (&detail);
  return TRUE;
}
