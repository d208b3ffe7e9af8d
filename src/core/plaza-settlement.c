/* plaza-settlement.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 联营 settlement sheets (see plaza-settlement.h): the figures. The sales,
 * the commission and the minimum are the contract schedule's row for the
 * month (plaza-contract-schedule.h, so the rent engine's rounding, tiers,
 * amendments and rent-free days): sales of the contract's units, the
 * percentage rent as the commission (扣点) and the base rent as the
 * guaranteed minimum (保底; 0 for a percentage-only contract). The mall's
 * share is the larger of the two, each already rounded once by the engine.
 *
 * Deductions are what was billed to the contract for the month: the lines
 * of kind fee, promotion_fee, late_fee and adjustment on its issued bills
 * of that month (regular, supplementary and credit notes, in bill and line
 * order). When the month has no regular bill — the bill run does not
 * bill concessions (plaza-billing.h), so normally — the schedule's fees
 * stand in as one line, and the promotion fees of the tenant's confirmed
 * participation in approved promotions starting in the month are deducted
 * unless the tenant also holds a lease in force that month (the bill run
 * bills them there) or they were billed already. Rent lines are not
 * deductions: the mall's share already is the rent.
 * payable = sales − mall share − deductions.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plaza-contract-schedule.h"
#include "plaza-settlement.h"

static void
line_free (PlazaSettlementLine *line)
{
  g_free (line->label);
  g_free (line->doc_label);
  g_free (line);
}

void
plaza_settlement_free (PlazaSettlement *s)
{
  if (s == NULL)
    return;
  g_free (s->contract_code);
  g_free (s->tenant_code);
  g_free (s->tenant_name);
  g_clear_pointer (&s->deductions, g_ptr_array_unref);
  g_free (s);
}

static gboolean
valid_month (const char *month)
{
  guint y, m;

  return month != NULL && strlen (month) == 7 && month[4] == '-' &&
         g_ascii_isdigit (month[5]) && g_ascii_isdigit (month[6]) &&
         sscanf (month, "%4u-%2u", &y, &m) == 2 && y >= 1900 && m >= 1 && m <= 12;
}

static const char *
kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "fee") == 0)
    return _("Fees");
  if (g_strcmp0 (kind, "promotion_fee") == 0)
    return _("Promotion fee");
  if (g_strcmp0 (kind, "late_fee") == 0)
    return _("Late fee");
  return _("Adjustment");
}

static const char *
kind_doc_label (const char *kind)
{
  if (g_strcmp0 (kind, "fee") == 0)
    return "物业管理费等费用";
  if (g_strcmp0 (kind, "promotion_fee") == 0)
    return "推广费";
  if (g_strcmp0 (kind, "late_fee") == 0)
    return "滞纳金";
  return "其他调整";
}

static void
add_line (PlazaSettlement *s,
          const char      *label,
          const char      *doc_label,
          gint64           amount)
{
  PlazaSettlementLine *line = g_new0 (PlazaSettlementLine, 1);

  line->label = g_strdup (label);
  line->doc_label = g_strdup (doc_label);
  line->amount = amount;
  g_ptr_array_add (s->deductions, line);
  s->deductions_total += amount;
}

/* The promotion fees settled on the sheet (see the top of the file). */
static gboolean
promotion_deductions (PlazaStore      *store,
                      PlazaSettlement *s,
                      const char      *first,
                      const char      *last,
                      GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = plaza_store_prepare (store,
    "SELECT '推广费 ' || p.code || ' ' || p.name, pp.fee FROM promotions p"
    " JOIN promotion_participants pp ON pp.promotion_id = p.id"
    " WHERE p.state = 'approved' AND substr (p.start_date, 1, 7) = ?2"
    "   AND pp.tenant_id = ?1 AND pp.status = 'confirmed' AND pp.fee != 0"
    "   AND NOT EXISTS (SELECT 1 FROM contracts c WHERE c.tenant_id = ?1 AND c.kind = 'lease'"
    "     AND (c.state = 'active' OR c.state IN ('expired', 'terminated', 'renewed'))"
    "     AND c.start_date <= ?4"
    "     AND coalesce (CASE WHEN c.state = 'terminated' THEN c.terminated_on END, c.end_date) >= ?3)"
    "   AND NOT EXISTS (SELECT 1 FROM bill_lines l JOIN bills b ON b.id = l.bill_id"
    "     WHERE b.tenant_id = ?1 AND b.state != 'void' AND l.kind = 'promotion_fee'"
    "       AND substr (l.description, 1, length ('推广费 ' || p.code || ' ')) = '推广费 ' || p.code || ' ')"
    " ORDER BY p.start_date, p.code", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, s->tenant_id);
  sqlite3_bind_text (stmt, 2, s->month, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, last, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *label = (const char *) sqlite3_column_text (stmt, 0);

      add_line (s, label, label, sqlite3_column_int64 (stmt, 1));
    }
  if (rc != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  return TRUE;
}

/* The billed deductions; *@billed: whether the month has a regular bill. */
static gboolean
billed_deductions (PlazaStore      *store,
                   PlazaSettlement *s,
                   gboolean        *billed,
                   GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = plaza_store_prepare (store,
    "SELECT l.kind, l.description, l.amount, b.kind FROM bills b "
    "LEFT JOIN bill_lines l ON l.bill_id = b.id "
    "AND l.kind IN ('fee', 'promotion_fee', 'late_fee', 'adjustment') "
    "WHERE b.contract_id = ? AND b.month = ? AND b.state = 'issued' "
    "ORDER BY b.issue_date, b.code, l.id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, s->contract_id);
  sqlite3_bind_text (stmt, 2, s->month, -1, SQLITE_TRANSIENT);
  *billed = FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *kind = (const char *) sqlite3_column_text (stmt, 0);
      const char *description = (const char *) sqlite3_column_text (stmt, 1);

      if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 3), "regular") == 0)
        *billed = TRUE;
      if (kind == NULL)
        continue;
      if (description == NULL || *description == '\0')
        add_line (s, kind_label (kind), kind_doc_label (kind), sqlite3_column_int64 (stmt, 2));
      else
        add_line (s, description, description, sqlite3_column_int64 (stmt, 2));
    }
  if (rc != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  return TRUE;
}

static gboolean
estimated_sales (PlazaStore      *store,
                 PlazaSettlement *s,
                 const PlazaScheduleRow *row,
                 GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  char from[16], to[16];

  g_snprintf (from, sizeof from, "%04u-%02u-%02u", (guint) g_date_get_year (&row->from),
              (guint) g_date_get_month (&row->from), (guint) g_date_get_day (&row->from));
  g_snprintf (to, sizeof to, "%04u-%02u-%02u", (guint) g_date_get_year (&row->to),
              (guint) g_date_get_month (&row->to), (guint) g_date_get_day (&row->to));
  stmt = plaza_store_prepare (store,
    "SELECT EXISTS (SELECT 1 FROM sales_daily d JOIN contract_units cu ON cu.unit_id = d.unit_id "
    "WHERE cu.contract_id = ? AND d.date BETWEEN ? AND ? AND d.source = 'estimated')", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, s->contract_id);
  sqlite3_bind_text (stmt, 2, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, to, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return plaza_store_set_sqlite_error (store, error);
  s->sales_estimated = sqlite3_column_int (stmt, 0) != 0;
  return TRUE;
}

/* *@outside (may be NULL): set when the contract does not run in @month. */
static PlazaSettlement *
compute (PlazaStore  *store,
         gint64       contract_id,
         const char  *month,
         gboolean    *outside,
         GError     **error)
{
  g_autoptr(PlazaSettlement) s = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) rows = NULL;
  const PlazaScheduleRow *row = NULL;
  gboolean billed = FALSE;
  int rc;

  if (!valid_month (month))
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                   _("The month must be YYYY-MM, not “%s”."), month != NULL ? month : "");
      return NULL;
    }
  stmt = plaza_store_prepare (store,
    "SELECT c.code, c.kind, c.tenant_id, t.code, t.name FROM contracts c "
    "JOIN tenants t ON t.id = c.tenant_id WHERE c.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND,
                   _("There is no contract %lld."), (long long) contract_id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      plaza_store_set_sqlite_error (store, error);
      return NULL;
    }
  s = g_new0 (PlazaSettlement, 1);
  s->contract_id = contract_id;
  s->contract_code = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  s->tenant_id = sqlite3_column_int64 (stmt, 2);
  s->tenant_code = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  s->tenant_name = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  g_strlcpy (s->month, month, sizeof s->month);
  s->deductions = g_ptr_array_new_with_free_func ((GDestroyNotify) line_free);
  if (!g_str_equal ((const char *) sqlite3_column_text (stmt, 1), "concession"))
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                   _("Contract %s is a lease, not a concession: it has no settlement sheet."), s->contract_code);
      return NULL;
    }

  if (!plaza_contract_schedule (store, contract_id, &rows, error))
    return NULL;
  for (guint i = 0; i < rows->len && row == NULL; i++)
    if (strcmp (g_array_index (rows, PlazaScheduleRow, i).month, month) == 0)
      row = &g_array_index (rows, PlazaScheduleRow, i);
  if (row == NULL)
    {
      if (outside != NULL)
        *outside = TRUE;
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                   _("Contract %s does not run in %s."), s->contract_code, month);
      return NULL;
    }

  s->sales = row->sales;
  s->commission = row->percentage_rent;
  s->minimum = row->base_rent;
  s->mall_share = MAX (s->commission, s->minimum);
  if (!estimated_sales (store, s, row, error) ||
      !billed_deductions (store, s, &billed, error))
    return NULL;
  if (!billed && row->fees != 0)
    add_line (s, _("Fees (by the contract)"), "物业管理费等费用（按合同计）", row->fees);
  if (!billed)
    {
      char first[11], last[11];
      GDate end;

      g_snprintf (first, sizeof first, "%s-01", month);
      g_date_clear (&end, 1);
      g_date_set_dmy (&end, 1, (GDateMonth) atoi (month + 5), (GDateYear) atoi (month));
      g_date_set_day (&end, g_date_get_days_in_month (g_date_get_month (&end), g_date_get_year (&end)));
      g_snprintf (last, sizeof last, "%s-%02u", month, (unsigned) g_date_get_day (&end));
      if (!promotion_deductions (store, s, first, last, error))
        return NULL;
    }
  s->payable = s->sales - s->mall_share - s->deductions_total;
  return g_steal_pointer (&s);
}

PlazaSettlement *
plaza_settlement_compute (PlazaStore  *store,
                          gint64       contract_id,
                          const char  *month,
                          GError     **error)
{
  g_return_val_if_fail (PLAZA_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return compute (store, contract_id, month, NULL, error);
}

gboolean
plaza_settlement_compute_all (PlazaStore  *store,
                              const char  *month,
                              GPtrArray  **sheets,
                              GError     **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) plaza_settlement_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  int rc;

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);
  g_return_val_if_fail (sheets != NULL, FALSE);

  if (!valid_month (month))
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                   _("The month must be YYYY-MM, not “%s”."), month != NULL ? month : "");
      return FALSE;
    }
  first = g_strdup_printf ("%s-01", month);
  last = g_strdup_printf ("%s-31", month);
  /* In force: as the bill run counts it (signed, started, not ended
   * before the month). */
  stmt = plaza_store_prepare (store,
    "SELECT c.id FROM contracts c "
    "WHERE c.kind = 'concession' AND c.state IN ('active', 'expired', 'terminated', 'renewed') "
    "AND c.start_date <= ?2 "
    "AND coalesce (CASE WHEN c.state = 'terminated' THEN c.terminated_on END, c.end_date) >= ?1 "
    "ORDER BY c.code", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, last, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GError) local = NULL;
      gboolean outside = FALSE;
      PlazaSettlement *s = compute (store, sqlite3_column_int64 (stmt, 0), month, &outside, &local);

      if (s == NULL)
        {
          /* Terminated before its month began, say: no sheet. Anything
           * else (terms the rent engine refuses) is an error. */
          if (outside)
            continue;
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      g_ptr_array_add (out, s);
    }
  if (rc != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  *sheets = g_steal_pointer (&out);
  return TRUE;
}
