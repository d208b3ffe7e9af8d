/* plaza-billing.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The monthly bill run. Lines come from the contract's schedule row of the
 * month: one rent line by the model (fixed: 租金; percentage: 扣点租金;
 * higher_of: whichever side is larger, the description naming it) and one
 * fee line with the fees total (the schedule gives no per-fee split).
 * Line descriptions are stored data, in Chinese as printed on the bill.
 *
 * Promotion fees (推广费): each confirmed participant's fee of an approved
 * promotion is charged in the month the promotion starts, as a
 * 'promotion_fee' line "推广费 <code> <name>" on the regular bill of the
 * tenant's contract in force that month (the first by contract code). The
 * line's description is also what keeps a fee from being billed twice: a
 * fee of the promotion's code already on a bill of the tenant (not void;
 * the name may have changed since) is not charged again. A fee
 * that cannot be billed (no contract in force, or the month's bill was
 * issued before the promotion was approved) is skipped and reported by
 * plaza_billing_skipped_fees() and in the run's change_log summary.
 *
 * The run first trues up earlier bills whose estimated percentage rent can
 * now be computed on real sales (plaza-billing-adjust.c).
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "plaza-billing.h"
#include "plaza-contract-schedule.h"
#include "plaza-date.h"

static void
bill_line_free (gpointer data)
{
  PlazaBillLine *line = data;

  g_free (line->kind);
  g_free (line->description);
  g_free (line->period_from);
  g_free (line->period_to);
  g_free (line);
}

void
plaza_bill_free (PlazaBill *bill)
{
  if (bill == NULL)
    return;
  g_free (bill->contract_code);
  g_free (bill->tenant_name);
  g_clear_pointer (&bill->lines, g_ptr_array_unref);
  g_free (bill);
}

static gboolean
parse_month (const char *month,
             GDate      *first,
             GDate      *last,
             GError    **error)
{
  g_autofree char *text = NULL;

  if (month == NULL || strlen (month) != 7 || month[4] != '-')
    goto bad;
  text = g_strconcat (month, "-01", NULL);
  if (!plaza_date_parse (text, first))
    goto bad;
  *last = *first;
  g_date_add_months (last, 1);
  g_date_subtract_days (last, 1);
  return TRUE;

bad:
  g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
               _("month: “%s” is not a month (use YYYY-MM)"), month ? month : "");
  return FALSE;
}

static void
add_line (PlazaBill              *bill,
          const char             *kind,
          const char             *description,
          const PlazaScheduleRow *row,
          gint64                  amount,
          gboolean                estimated)
{
  PlazaBillLine *line = g_new0 (PlazaBillLine, 1);

  line->kind = g_strdup (kind);
  line->description = g_strdup (description);
  line->period_from = plaza_date_format (&row->from);
  line->period_to = plaza_date_format (&row->to);
  line->amount = amount;
  line->estimated = estimated;
  bill->total += amount;
  g_ptr_array_add (bill->lines, line);
}

static gboolean
month_estimated (PlazaStore *store,
                 gint64      contract_id,
                 const char *month,
                 gboolean   *estimated,
                 GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = plaza_store_prepare (store,
    "SELECT count(*) FROM sales_monthly s JOIN contract_units cu ON cu.unit_id = s.unit_id "
    "WHERE cu.contract_id = ?1 AND s.month = ?2 AND s.estimated_days > 0", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  sqlite3_bind_text (stmt, 2, month, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return plaza_store_set_sqlite_error (store, error);
  *estimated = sqlite3_column_int64 (stmt, 0) > 0;
  return TRUE;
}

#define SCHEDULE_CACHE "plaza-billing-schedule-cache"

void
plaza_billing_cache_schedules (PlazaStore *store,
                               gboolean    enable)
{
  GHashTable *cache = NULL;

  if (enable)
    cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_array_unref);
  g_object_set_data_full (G_OBJECT (store), SCHEDULE_CACHE, cache, cache ? (GDestroyNotify) g_hash_table_unref : NULL);
}

/* The bill of one contract for @month, or NULL (and no error) when the
 * schedule has no row for the month or its total is zero. */
static PlazaBill *
contract_bill (PlazaStore *store,
               gint64      contract_id,
               const char *model,
               const char *month,
               GError    **error)
{
  g_autoptr(GArray) owned = NULL;
  GArray *rows = NULL;
  GHashTable *cache = g_object_get_data (G_OBJECT (store), SCHEDULE_CACHE);
  const PlazaScheduleRow *row = NULL;
  PlazaBill *bill;
  gboolean estimated = FALSE;

  if (cache != NULL)
    rows = g_hash_table_lookup (cache, &contract_id);
  if (rows == NULL)
    {
      if (!plaza_contract_schedule (store, contract_id, &owned, error))
        return NULL;
      rows = owned;
      if (cache != NULL)
        g_hash_table_insert (cache, g_memdup2 (&contract_id, sizeof contract_id), g_steal_pointer (&owned));
    }
  for (guint i = 0; i < rows->len && row == NULL; i++)
    if (strcmp (g_array_index (rows, PlazaScheduleRow, i).month, month) == 0)
      row = &g_array_index (rows, PlazaScheduleRow, i);
  if (row == NULL || row->total == 0)
    return NULL;
  if (!g_str_equal (model, "fixed")
      && !month_estimated (store, contract_id, month, &estimated, error))
    return NULL;

  bill = g_new0 (PlazaBill, 1);
  bill->contract_id = contract_id;
  memcpy (bill->month, month, 8);
  bill->lines = g_ptr_array_new_with_free_func (bill_line_free);

  if (row->rent != 0)
    {
      if (g_str_equal (model, "fixed"))
        add_line (bill, "rent", "租金", row, row->rent, FALSE);
      else if (g_str_equal (model, "percentage"))
        add_line (bill, "percentage_rent", "扣点租金", row, row->rent, estimated);
      else if (row->percentage_rent > row->base_rent)
        add_line (bill, "percentage_rent", "扣点租金（高于保底租金）", row, row->rent, estimated);
      else
        add_line (bill, "rent", "保底租金（高于扣点租金）", row, row->rent, estimated);
    }
  if (row->fees != 0)
    add_line (bill, "fee", "物业管理费等费用", row, row->fees, FALSE);
  return bill;
}

static gint
compare_bills (gconstpointer a,
               gconstpointer b)
{
  const PlazaBill *x = *(PlazaBill * const *) a;
  const PlazaBill *y = *(PlazaBill * const *) b;

  return strcmp (x->contract_code, y->contract_code);
}

/* The promotion fees of @month not billed yet, added to @bills (creating a
 * bill with the fee alone for a contract whose schedule has nothing to
 * charge); fees that cannot be billed go to @skipped (translated lines) when
 * not NULL. */
static gboolean
add_promotion_fees (PlazaStore *store,
                    const char *month,
                    const char *first_text,
                    const char *last_text,
                    GPtrArray  *bills,
                    GPtrArray  *skipped,
                    GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean added = FALSE;
  int rc;

  /* The contract: in force during the month as in the bill run, the first
   * by code; billed: whether it already has a regular bill for the month. */
  stmt = plaza_store_prepare (store,
    "WITH fees AS ("
    "  SELECT p.code AS pcode, p.name AS pname, p.start_date, p.end_date, pp.tenant_id, pp.fee,"
    "         '推广费 ' || p.code || ' ' AS prefix, '推广费 ' || p.code || ' ' || p.name AS description"
    "  FROM promotions p JOIN promotion_participants pp ON pp.promotion_id = p.id"
    "  WHERE p.state = 'approved' AND substr (p.start_date, 1, 7) = ?3"
    "    AND pp.status = 'confirmed' AND pp.fee != 0) "
    "SELECT f.pcode, f.pname, f.start_date, f.end_date, f.tenant_id, f.fee, f.description, t.code, t.name,"
    "  (SELECT c.id FROM contracts c WHERE c.tenant_id = f.tenant_id"
    "     AND (c.state = 'active' OR c.state IN ('expired', 'terminated', 'renewed'))"
    "     AND c.start_date <= ?2"
    "     AND coalesce (CASE WHEN c.state = 'terminated' THEN c.terminated_on END, c.end_date) >= ?1"
    "     AND c.kind = 'lease'"
    "   ORDER BY c.code LIMIT 1) AS contract_id,"
    "  EXISTS (SELECT 1 FROM contracts c WHERE c.tenant_id = f.tenant_id AND c.kind = 'concession'"
    "     AND (c.state = 'active' OR c.state IN ('expired', 'terminated', 'renewed'))"
    "     AND c.start_date <= ?2"
    "     AND coalesce (CASE WHEN c.state = 'terminated' THEN c.terminated_on END, c.end_date) >= ?1) "
    "FROM fees f JOIN tenants t ON t.id = f.tenant_id "
    "WHERE NOT EXISTS (SELECT 1 FROM bill_lines l JOIN bills b ON b.id = l.bill_id"
    "                  WHERE b.tenant_id = f.tenant_id AND b.state != 'void'"
    "                    AND l.kind = 'promotion_fee'"
    "                    AND substr (l.description, 1, length (f.prefix)) = f.prefix) "
    "ORDER BY f.start_date, f.pcode, t.code", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, first_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, last_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, month, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *promotion_code = (const char *) sqlite3_column_text (stmt, 0);
      const char *tenant_code = (const char *) sqlite3_column_text (stmt, 7);
      gint64 contract_id = sqlite3_column_int64 (stmt, 9);
      PlazaBill *bill = NULL;
      PlazaBillLine *line;

      if (sqlite3_column_type (stmt, 9) == SQLITE_NULL)
        {
          /* a 联营 tenant's fee is deducted on its settlement sheet */
          if (sqlite3_column_int (stmt, 10))
            continue;
          if (skipped != NULL)
            g_ptr_array_add (skipped, g_strdup_printf (_("Promotion fee %s for tenant %s not billed: "
                                                         "no contract in force in %s"),
                                                       promotion_code, tenant_code, month));
          continue;
        }
      for (guint i = 0; i < bills->len && bill == NULL; i++)
        if (((PlazaBill *) g_ptr_array_index (bills, i))->contract_id == contract_id)
          bill = g_ptr_array_index (bills, i);
      if (bill == NULL)
        {
          g_autoptr(sqlite3_stmt) contract = plaza_store_prepare (store,
            "SELECT c.code, EXISTS (SELECT 1 FROM bills b WHERE b.contract_id = c.id AND b.month = ?2 "
            "AND b.kind = 'regular') FROM contracts c WHERE c.id = ?1", error);

          if (contract == NULL)
            return FALSE;
          sqlite3_bind_int64 (contract, 1, contract_id);
          sqlite3_bind_text (contract, 2, month, -1, SQLITE_TRANSIENT);
          if (sqlite3_step (contract) != SQLITE_ROW)
            return plaza_store_set_sqlite_error (store, error);
          if (sqlite3_column_int (contract, 1))
            {
              if (skipped != NULL)
                g_ptr_array_add (skipped, g_strdup_printf (_("Promotion fee %s for tenant %s not billed: "
                                                             "the bill of %s for %s was issued before"),
                                                           promotion_code, tenant_code,
                                                           (const char *) sqlite3_column_text (contract, 0),
                                                           month));
              continue;
            }
          bill = g_new0 (PlazaBill, 1);
          bill->contract_id = contract_id;
          bill->tenant_id = sqlite3_column_int64 (stmt, 4);
          bill->contract_code = g_strdup ((const char *) sqlite3_column_text (contract, 0));
          bill->tenant_name = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
          memcpy (bill->month, month, 8);
          bill->lines = g_ptr_array_new_with_free_func (bill_line_free);
          g_ptr_array_add (bills, bill);
          added = TRUE;
        }

      line = g_new0 (PlazaBillLine, 1);
      line->kind = g_strdup ("promotion_fee");
      line->description = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      line->period_from = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      line->period_to = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      line->amount = sqlite3_column_int64 (stmt, 5);
      bill->total += line->amount;
      g_ptr_array_add (bill->lines, line);
    }
  if (rc != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  if (added)
    g_ptr_array_sort (bills, compare_bills);
  return TRUE;
}

static gboolean
preview (PlazaStore  *store,
         const char  *month,
         GPtrArray  **bills,
         GPtrArray   *skipped,
         GError     **error);

gboolean
plaza_billing_preview (PlazaStore  *store,
                       const char  *month,
                       GPtrArray  **bills,
                       GError     **error)
{
  g_return_val_if_fail (bills != NULL, FALSE);

  return preview (store, month, bills, NULL, error);
}

gboolean
plaza_billing_skipped_fees (PlazaStore  *store,
                            const char  *month,
                            GPtrArray  **skipped,
                            GError     **error)
{
  g_autoptr(GPtrArray) bills = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (skipped != NULL, FALSE);

  if (!preview (store, month, &bills, out, error))
    return FALSE;
  *skipped = g_steal_pointer (&out);
  return TRUE;
}

static gboolean
preview (PlazaStore  *store,
         const char  *month,
         GPtrArray  **bills,
         GPtrArray   *skipped,
         GError     **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) plaza_bill_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *last_text = NULL;
  GDate first, last;
  int rc;

  if (!parse_month (month, &first, &last, error))
    return FALSE;
  first_text = plaza_date_format (&first);
  last_text = plaza_date_format (&last);
  stmt = plaza_store_prepare (store,
    "SELECT c.id, c.tenant_id, c.code, t.name, c.model FROM contracts c "
    "JOIN tenants t ON t.id = c.tenant_id "
    "WHERE (c.state = 'active' OR c.state IN ('expired', 'terminated', 'renewed')) "
    "AND c.kind = 'lease' "
    "AND c.start_date <= ?2 "
    "AND coalesce (CASE WHEN c.state = 'terminated' THEN c.terminated_on END, c.end_date) >= ?1 "
    "AND NOT EXISTS (SELECT 1 FROM bills b WHERE b.contract_id = c.id AND b.month = ?3 AND b.kind = 'regular') "
    "ORDER BY c.code", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, first_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, last_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, month, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GError) local_error = NULL;
      PlazaBill *bill = contract_bill (store, sqlite3_column_int64 (stmt, 0),
                                       (const char *) sqlite3_column_text (stmt, 4),
                                       month, &local_error);

      if (local_error != NULL)
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ",
                                      (const char *) sqlite3_column_text (stmt, 2));
          return FALSE;
        }
      if (bill == NULL)
        continue;
      bill->tenant_id = sqlite3_column_int64 (stmt, 1);
      bill->contract_code = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      bill->tenant_name = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      g_ptr_array_add (out, bill);
    }
  if (rc != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!add_promotion_fees (store, month, first_text, last_text, out, skipped, error))
    return FALSE;

  *bills = g_steal_pointer (&out);
  return TRUE;
}

typedef struct
{
  const char *month;
  const char *issue_date;
  char       *due_date;
  guint       n_issued;
} IssueData;

static gboolean
insert_bill (PlazaStore     *store,
             const IssueData *data,
             const PlazaBill *bill,
             guint            serial,
             GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *code = g_strdup_printf ("ZD%.4s%.2s-%04u", data->month, data->month + 5, serial);
  gint64 bill_id;

  stmt = plaza_store_prepare (store,
    "INSERT INTO bills (code, tenant_id, contract_id, month, kind, state, issue_date, due_date, total) "
    "VALUES (?1, ?2, ?3, ?4, 'regular', 'issued', ?5, ?6, ?7)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, bill->tenant_id);
  sqlite3_bind_int64 (stmt, 3, bill->contract_id);
  sqlite3_bind_text (stmt, 4, data->month, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, data->issue_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, data->due_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 7, bill->total);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  bill_id = sqlite3_last_insert_rowid (plaza_store_get_db (store));
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = plaza_store_prepare (store,
    "INSERT INTO bill_lines (bill_id, kind, description, period_from, period_to, amount, estimated) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < bill->lines->len; i++)
    {
      const PlazaBillLine *line = g_ptr_array_index (bill->lines, i);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, bill_id);
      sqlite3_bind_text (stmt, 2, line->kind, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, line->description, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, line->period_from, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, line->period_to, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 6, line->amount);
      sqlite3_bind_int (stmt, 7, line->estimated ? 1 : 0);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return plaza_store_set_sqlite_error (store, error);
    }
  return TRUE;
}

static gboolean
issue_func (PlazaStore  *store,
            gpointer     user_data,
            GError     **error)
{
  IssueData *data = user_data;
  g_autoptr(GPtrArray) bills = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *pattern = g_strdup_printf ("ZD%.4s%.2s-*", data->month, data->month + 5);
  g_autoptr(GPtrArray) skipped = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *summary = NULL;
  guint serial;

  data->n_issued = 0;
  if (!plaza_billing_true_up_in_transaction (store, data->month, data->issue_date, NULL, error))
    return FALSE;
  if (!preview (store, data->month, &bills, skipped, error))
    return FALSE;
  if (bills->len == 0)
    return TRUE;

  stmt = plaza_store_prepare (store, "SELECT coalesce (max (CAST (substr (code, 10) AS INTEGER)), 0) "
                              "FROM bills WHERE code GLOB ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, pattern, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return plaza_store_set_sqlite_error (store, error);
  serial = (guint) sqlite3_column_int64 (stmt, 0);

  for (guint i = 0; i < bills->len; i++)
    if (!insert_bill (store, data, g_ptr_array_index (bills, i), serial + i + 1, error))
      return FALSE;
  data->n_issued = bills->len;

  summary = g_strdup_printf ("bill run %s: %u bills", data->month, bills->len);
  if (skipped->len > 0)
    {
      g_autofree char *fees = NULL;
      char *with_fees;

      g_ptr_array_add (skipped, NULL);
      fees = g_strjoinv ("; ", (char **) skipped->pdata);
      with_fees = g_strdup_printf ("%s; %s", summary, fees);
      g_free (summary);
      summary = with_fees;
    }
  return plaza_store_log_change (store, "bills", 0, "issue", summary, error);
}

gboolean
plaza_billing_issue_on (PlazaStore  *store,
                        const char  *month,
                        const char  *issue_date,
                        guint       *n_issued,
                        GError     **error)
{
  g_autofree char *today = NULL;
  IssueData data = { month, issue_date, NULL, 0 };
  GDate first, last, date;
  gboolean ok;

  if (!parse_month (month, &first, &last, error))
    return FALSE;
  if (issue_date == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      today = g_date_time_format (now, "%Y-%m-%d");
      data.issue_date = today;
    }
  else if (!plaza_date_parse (issue_date, &date))
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                   _("issue date: “%s” is not a date (use YYYY-MM-DD)"), issue_date);
      return FALSE;
    }
  g_date_add_months (&first, 1);
  g_date_set_day (&first, 15);
  data.due_date = plaza_date_format (&first);

  ok = plaza_store_write (store, issue_func, &data, error);
  g_free (data.due_date);
  if (ok && n_issued != NULL)
    *n_issued = data.n_issued;
  return ok;
}

gboolean
plaza_billing_issue (PlazaStore  *store,
                     const char  *month,
                     guint       *n_issued,
                     GError     **error)
{
  return plaza_billing_issue_on (store, month, NULL, n_issued, error);
}
