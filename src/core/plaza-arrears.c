/* plaza-arrears.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Arrears aging per tenant and late fees, shown and billed
 * (plaza-arrears.h says how they are counted).
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "plaza-arrears.h"
#include "plaza-date.h"
#include "plaza-payments-private.h"

void
plaza_arrears_row_free (PlazaArrearsRow *row)
{
  if (row == NULL)
    return;
  g_free (row->code);
  g_free (row->name);
  g_free (row->oldest_due);
  g_free (row);
}

static gboolean
parse_as_of (const char *as_of,
             GDate      *date,
             GError    **error)
{
  if (as_of == NULL || !plaza_date_parse (as_of, date))
    return plaza_payments_invalid (error, _("as of: “%s” is not a date like 2026-11-27."), as_of != NULL ? as_of : "");
  return TRUE;
}

static gint64
julian (const char *text)
{
  GDate d;

  if (!plaza_date_parse (text, &d))
    return 0;
  return g_date_get_julian (&d);
}

static void
add_line (PlazaArrearsRow *row,
          gint64           open,
          gint64           days,
          const char      *due)
{
  if (days < 0)
    row->current += open;
  else if (days <= 30)
    row->days_0_30 += open;
  else if (days <= 60)
    row->days_31_60 += open;
  else if (days <= 90)
    row->days_61_90 += open;
  else
    row->days_90_plus += open;
  row->total += open;
  if (row->oldest_due == NULL || strcmp (due, row->oldest_due) < 0)
    {
      g_free (row->oldest_due);
      row->oldest_due = g_strdup (due);
    }
}

static void
add_row (PlazaArrearsRow       *sum,
         const PlazaArrearsRow *row)
{
  sum->current += row->current;
  sum->days_0_30 += row->days_0_30;
  sum->days_31_60 += row->days_31_60;
  sum->days_61_90 += row->days_61_90;
  sum->days_90_plus += row->days_90_plus;
  sum->total += row->total;
  sum->credit += row->credit;
  sum->late_fee += row->late_fee;
  if (row->oldest_due != NULL && (sum->oldest_due == NULL || strcmp (row->oldest_due, sum->oldest_due) < 0))
    {
      g_free (sum->oldest_due);
      sum->oldest_due = g_strdup (row->oldest_due);
    }
}

static gboolean
aging (PlazaStore  *store,
       const char  *as_of,
       gint64       tenant_id,
       gboolean     fees,
       GPtrArray  **rows,
       GError     **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) plaza_arrears_row_free);
  g_autoptr(GPtrArray) tenants = g_ptr_array_new_with_free_func ((GDestroyNotify) plaza_arrears_row_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GArray) credits = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(PlazaArrearsRow) total = g_new0 (PlazaArrearsRow, 1);
  gint64 day;
  GDate d;
  int rc;

  total->code = g_strdup ("");
  total->name = g_strdup (_("Total"));
  if (!parse_as_of (as_of, &d, error) ||
      !plaza_payments_load_lines (store, tenant_id, as_of, &lines, &credits, error))
    return FALSE;
  day = g_date_get_julian (&d);

  stmt = plaza_store_prepare (store, "SELECT id, code, name FROM tenants WHERE ?1 = 0 OR id = ?1 ORDER BY code", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, tenant_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PlazaArrearsRow *row = g_new0 (PlazaArrearsRow, 1);

      row->tenant_id = sqlite3_column_int64 (stmt, 0);
      row->code = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      row->name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_ptr_array_add (tenants, row);
      g_hash_table_insert (by_id, &row->tenant_id, row);
    }
  if (rc != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);

  /* One pass over the open lines and the credits, each to its tenant's row. */
  for (guint i = 0; i < lines->len; i++)
    {
      PlazaOpenLine *line = g_ptr_array_index (lines, i);
      PlazaArrearsRow *row = g_hash_table_lookup (by_id, &line->tenant_id);
      gint64 open = plaza_open_line_open (line);

      if (row != NULL && open > 0)
        add_line (row, open, day - julian (line->due_date), line->due_date);
    }
  for (guint i = 0; i < credits->len; i++)
    {
      const PlazaLineCredit *c = &g_array_index (credits, PlazaLineCredit, i);
      PlazaArrearsRow *row = g_hash_table_lookup (by_id, &c->tenant_id);

      if (c->line_id == 0 && row != NULL)
        row->credit += c->amount;
    }

  for (guint i = 0; i < tenants->len; i++)
    {
      PlazaArrearsRow *row = g_ptr_array_index (tenants, i);

      row->credit += plaza_payments_unallocated (store, row->tenant_id, as_of);
      if (fees && !plaza_late_fee_tenant (store, row->tenant_id, as_of, NULL, &row->late_fee, error))
        return FALSE;
      if (row->total == 0 && row->credit == 0 && row->late_fee == 0)
        continue;
      add_row (total, row);
      g_ptr_array_add (out, g_ptr_array_steal_index (tenants, i--));
    }
  g_ptr_array_add (out, g_steal_pointer (&total));
  *rows = g_steal_pointer (&out);
  return TRUE;
}

gboolean
plaza_arrears_aging (PlazaStore  *store,
                     const char  *as_of,
                     GPtrArray  **rows,
                     GError     **error)
{
  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);
  g_return_val_if_fail (rows != NULL, FALSE);

  return aging (store, as_of, 0, FALSE, rows, error);
}

gboolean
plaza_arrears_aging_with_fees (PlazaStore  *store,
                               const char  *as_of,
                               GPtrArray  **rows,
                               GError     **error)
{
  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);
  g_return_val_if_fail (rows != NULL, FALSE);

  return aging (store, as_of, 0, TRUE, rows, error);
}

gboolean
plaza_arrears_aging_tenant (PlazaStore       *store,
                            const char       *as_of,
                            gint64            tenant_id,
                            PlazaArrearsRow **row,
                            GError          **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);
  g_return_val_if_fail (tenant_id > 0 && row != NULL, FALSE);

  *row = NULL;
  if (!aging (store, as_of, tenant_id, FALSE, &rows, error))
    return FALSE;
  /* Its row, if any, then the total row. */
  if (rows->len == 2)
    *row = g_ptr_array_steal_index (rows, 0);
  return TRUE;
}

gboolean
plaza_arrears_days (PlazaStore  *store,
                    gint64       tenant_id,
                    const char  *as_of,
                    gint64      *days,
                    GError     **error)
{
  g_autoptr(GPtrArray) lines = NULL;
  GDate d;

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);
  g_return_val_if_fail (days != NULL, FALSE);

  *days = 0;
  if (!parse_as_of (as_of, &d, error) ||
      !plaza_payments_load_lines (store, tenant_id, as_of, &lines, NULL, error))
    return FALSE;
  /* Oldest first: the first open line is the oldest. */
  for (guint i = 0; i < lines->len; i++)
    {
      PlazaOpenLine *line = g_ptr_array_index (lines, i);

      if (plaza_open_line_open (line) > 0)
        {
          *days = MAX ((gint64) g_date_get_julian (&d) - julian (line->due_date), 0);
          break;
        }
    }
  return TRUE;
}

/* The fee of one bill; @credits from plaza_payments_load_lines at @as_of. */
static gboolean
bill_fee (PlazaStore  *store,
          gint64       bill_id,
          const char  *as_of,
          GArray      *credits,
          gint64      *fee,
          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) paid = NULL;
  gint64 bp, grace, cap, start, end, sum;
  int rc;

  *fee = 0;
  stmt = plaza_store_prepare (store,
                              "SELECT b.due_date, COALESCE (c.late_fee_bp_per_day, 0), COALESCE (c.late_fee_grace_days, 0),"
                              "       COALESCE (c.late_fee_cap, 0),"
                              "       (SELECT COALESCE (SUM (amount), 0) FROM bill_lines WHERE bill_id = b.id),"
                              "       b.kind = 'credit_note' OR b.state <> 'issued' OR b.issue_date > ?2"
                              "       OR EXISTS (SELECT 1 FROM bill_lines WHERE bill_id = b.id AND kind = 'late_fee')"
                              "  FROM bills b LEFT JOIN contracts c ON c.id = b.contract_id WHERE b.id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, bill_id);
  sqlite3_bind_text (stmt, 2, as_of, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return plaza_payments_invalid (error, _("bill: there is no bill %lld."), (long long) bill_id);
  bp = sqlite3_column_int64 (stmt, 1);
  grace = sqlite3_column_int64 (stmt, 2);
  cap = sqlite3_column_int64 (stmt, 3);
  if (bp <= 0 || sqlite3_column_int (stmt, 5) != 0)
    return TRUE;
  start = julian ((const char *) sqlite3_column_text (stmt, 0)) + MAX (grace, 0) + 1;
  end = julian (as_of);
  if (start > end)
    return TRUE;
  sum = sqlite3_column_int64 (stmt, 4) * (end - start + 1);

  /* Each payment lowers the base from its date on. */
  paid = plaza_store_prepare (store,
                              "SELECT p.date, SUM (pa.amount) FROM payment_allocations pa"
                              "  JOIN payments p ON p.id = pa.payment_id JOIN bill_lines bl ON bl.id = pa.bill_line_id"
                              " WHERE bl.bill_id = ? AND p.date <= ? AND p.reversal_of IS NULL"
                              "   AND NOT EXISTS (SELECT 1 FROM payments r WHERE r.reversal_of = p.id)"
                              " GROUP BY p.date", error);
  if (paid == NULL)
    return FALSE;
  sqlite3_bind_int64 (paid, 1, bill_id);
  sqlite3_bind_text (paid, 2, as_of, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (paid)) == SQLITE_ROW)
    {
      gint64 from = MAX (start, julian ((const char *) sqlite3_column_text (paid, 0)));

      sum -= sqlite3_column_int64 (paid, 1) * MAX (end - from + 1, 0);
    }
  if (rc != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  for (guint i = 0; credits != NULL && i < credits->len; i++)
    {
      const PlazaLineCredit *c = &g_array_index (credits, PlazaLineCredit, i);
      gint64 from = MAX (start, julian (c->date));

      if (c->bill_id == bill_id)
        sum -= c->amount * MAX (end - from + 1, 0);
    }
  if (sum <= 0)
    return TRUE;
  *fee = (sum * bp + 5000) / 10000;
  if (cap > 0)
    *fee = MIN (*fee, cap);
  return TRUE;
}

static gint64
bill_tenant (PlazaStore *store,
             gint64      bill_id)
{
  g_autoptr(sqlite3_stmt) stmt = plaza_store_prepare (store, "SELECT tenant_id FROM bills WHERE id = ?", NULL);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, bill_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

gboolean
plaza_late_fee (PlazaStore  *store,
                gint64       bill_id,
                const char  *as_of,
                gint64      *amount,
                GError     **error)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GArray) credits = NULL;
  GDate d;

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);
  g_return_val_if_fail (amount != NULL, FALSE);

  if (!parse_as_of (as_of, &d, error))
    return FALSE;
  if (!plaza_payments_load_lines (store, bill_tenant (store, bill_id), as_of, &lines, &credits, error))
    return FALSE;
  return bill_fee (store, bill_id, as_of, credits, amount, error);
}

static gint64
billed_fees (PlazaStore *store,
             gint64      bill_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = plaza_store_prepare (store,
                              "SELECT COALESCE (SUM (bl.amount), 0) FROM bills s JOIN bill_lines bl ON bl.bill_id = s.id"
                              " WHERE s.original_bill_id = ? AND s.kind = 'supplementary' AND s.state = 'issued'"
                              "   AND bl.kind = 'late_fee'", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, bill_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

typedef struct
{
  gint64 bill_id;
  gint64 accrued;
  gint64 unbilled;
} BillFee;

/* The fees of every bill of @tenant_id at @as_of, bills with none left out. */
static gboolean
tenant_fees (PlazaStore  *store,
             gint64       tenant_id,
             const char  *as_of,
             GArray     **fees,
             GError     **error)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GArray) credits = NULL;
  g_autoptr(GArray) out = g_array_new (FALSE, FALSE, sizeof (BillFee));
  gint64 last_bill = 0;

  if (!plaza_payments_load_lines (store, tenant_id, as_of, &lines, &credits, error))
    return FALSE;
  for (guint i = 0; i < lines->len; i++)
    {
      PlazaOpenLine *line = g_ptr_array_index (lines, i);
      BillFee fee = { line->bill_id, 0, 0 };
      gboolean seen = FALSE;

      if (line->bill_id == last_bill)
        continue;
      last_bill = line->bill_id;
      for (guint j = 0; j < out->len && !seen; j++)
        seen = g_array_index (out, BillFee, j).bill_id == line->bill_id;
      if (seen)
        continue;
      if (!bill_fee (store, line->bill_id, as_of, credits, &fee.accrued, error))
        return FALSE;
      if (fee.accrued == 0)
        continue;
      fee.unbilled = MAX (fee.accrued - billed_fees (store, line->bill_id), 0);
      g_array_append_val (out, fee);
    }
  *fees = g_steal_pointer (&out);
  return TRUE;
}

gboolean
plaza_late_fee_tenant (PlazaStore  *store,
                       gint64       tenant_id,
                       const char  *as_of,
                       gint64      *accrued,
                       gint64      *unbilled,
                       GError     **error)
{
  g_autoptr(GArray) fees = NULL;
  gint64 a = 0, u = 0;
  GDate d;

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);

  if (!parse_as_of (as_of, &d, error) || !tenant_fees (store, tenant_id, as_of, &fees, error))
    return FALSE;
  for (guint i = 0; i < fees->len; i++)
    {
      a += g_array_index (fees, BillFee, i).accrued;
      u += g_array_index (fees, BillFee, i).unbilled;
    }
  if (accrued != NULL)
    *accrued = a;
  if (unbilled != NULL)
    *unbilled = u;
  return TRUE;
}

typedef struct
{
  gint64      tenant_id;
  const char *as_of;
  GDate       date;
  guint       n_bills;
} BillData;

static gboolean
insert_fee_bill (PlazaStore     *store,
                 BillData       *data,
                 const BillFee  *fee,
                 gboolean       *inserted,
                 GError        **error)
{
  g_autoptr(sqlite3_stmt) orig = NULL;
  g_autoptr(sqlite3_stmt) bill = NULL;
  g_autoptr(sqlite3_stmt) line = NULL;
  g_autofree char *code = NULL;
  g_autofree char *due = NULL;
  g_autofree char *description = NULL;
  char month[8];
  GDate d = data->date;

  *inserted = FALSE;
  g_strlcpy (month, data->as_of, sizeof month);
  orig = plaza_store_prepare (store, "SELECT code, tenant_id, contract_id FROM bills WHERE id = ?", error);
  if (orig == NULL)
    return FALSE;
  sqlite3_bind_int64 (orig, 1, fee->bill_id);
  if (sqlite3_step (orig) != SQLITE_ROW)
    return plaza_store_set_sqlite_error (store, error);
  code = g_strdup_printf ("%s-LF%.4s%.2s", (const char *) sqlite3_column_text (orig, 0), month, month + 5);

  bill = plaza_store_prepare (store,
                              "INSERT INTO bills (code, tenant_id, contract_id, month, kind, original_bill_id, state,"
                              "                   issue_date, due_date, total)"
                              " VALUES (?1, ?2, ?3, ?4, 'supplementary', ?5, 'issued', ?6, ?7, ?8)"
                              " ON CONFLICT (code) DO NOTHING", error);
  if (bill == NULL)
    return FALSE;
  g_date_set_day (&d, 15);
  g_date_add_months (&d, 1);
  due = plaza_date_format (&d);
  sqlite3_bind_text (bill, 1, code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (bill, 2, sqlite3_column_int64 (orig, 1));
  sqlite3_bind_value (bill, 3, sqlite3_column_value (orig, 2));
  sqlite3_bind_text (bill, 4, month, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (bill, 5, fee->bill_id);
  sqlite3_bind_text (bill, 6, data->as_of, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (bill, 7, due, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (bill, 8, fee->unbilled);
  if (sqlite3_step (bill) != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  if (sqlite3_changes (plaza_store_get_db (store)) == 0)
    return TRUE;   /* billed for this month before */

  line = plaza_store_prepare (store, "INSERT INTO bill_lines (bill_id, kind, description, period_to, amount)"
                                     " VALUES (?, 'late_fee', ?, ?, ?)", error);
  if (line == NULL)
    return FALSE;
  description = g_strdup_printf (_("Late fee on bill %s to %s"), (const char *) sqlite3_column_text (orig, 0),
                                 data->as_of);
  sqlite3_bind_int64 (line, 1, sqlite3_last_insert_rowid (plaza_store_get_db (store)));
  sqlite3_bind_text (line, 2, description, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (line, 3, data->as_of, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (line, 4, fee->unbilled);
  if (sqlite3_step (line) != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  *inserted = TRUE;
  return TRUE;
}

static gboolean
bill_fees_func (PlazaStore  *store,
                gpointer     user_data,
                GError     **error)
{
  BillData *data = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) tenants = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *summary = NULL;
  int rc;

  data->n_bills = 0;
  stmt = plaza_store_prepare (store, "SELECT id FROM tenants WHERE ?1 = 0 OR id = ?1 ORDER BY code", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->tenant_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (tenants, id);
    }
  if (rc != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  if (data->tenant_id != 0 && tenants->len == 0)
    return plaza_payments_invalid (error, _("tenant: there is no tenant %lld."), (long long) data->tenant_id);

  for (guint i = 0; i < tenants->len; i++)
    {
      gint64 tenant = g_array_index (tenants, gint64, i);
      g_autoptr(GArray) fees = NULL;
      guint n = 0;

      if (!tenant_fees (store, tenant, data->as_of, &fees, error))
        return FALSE;
      for (guint j = 0; j < fees->len; j++)
        {
          const BillFee *fee = &g_array_index (fees, BillFee, j);
          gboolean inserted = FALSE;

          if (fee->unbilled > 0 && !insert_fee_bill (store, data, fee, &inserted, error))
            return FALSE;
          n += inserted ? 1 : 0;
        }
      if (n > 0)
        {
          gint64 applied = 0;

          if (!plaza_payments_apply_credit_in (store, tenant, &applied, error))
            return FALSE;
          data->n_bills += n;
        }
    }
  if (data->n_bills == 0)
    return TRUE;
  summary = g_strdup_printf ("%u late-fee bills at %s", data->n_bills, data->as_of);
  return plaza_store_log_change (store, "bill", 0, "late_fees", summary, error);
}

gboolean
plaza_late_fees_bill (PlazaStore  *store,
                      gint64       tenant_id,
                      const char  *as_of,
                      guint       *n_bills,
                      GError     **error)
{
  BillData data = { tenant_id, as_of, { 0 }, 0 };

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);

  if (!parse_as_of (as_of, &data.date, error))
    return FALSE;
  if (!plaza_store_write (store, bill_fees_func, &data, error))
    return FALSE;
  if (n_bills != NULL)
    *n_bills = data.n_bills;
  return TRUE;
}
