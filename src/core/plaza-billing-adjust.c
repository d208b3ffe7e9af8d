/* plaza-billing-adjust.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Bills that correct issued bills without editing them: the percentage-rent
 * true-up once a month's estimated sales are replaced by real figures
 * (<code>-TU, supplementary or credit note by the sign of the difference),
 * and credit notes (<code>-CN<n>) and supplementary bills (<code>-SB<n>)
 * made by hand. Every one references its original (original_bill_id).
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "plaza-billing.h"
#include "plaza-contract-schedule.h"
#include "plaza-date.h"
#include "plaza-money.h"

typedef struct
{
  gint64      original_id;
  const char *code;
  gint64      tenant_id;
  gint64      contract_id;    /* 0 = none */
  const char *month;
  const char *kind;           /* 'supplementary' or 'credit_note' */
  const char *issue_date;
  const char *due_date;
  const char *line_kind;
  const char *description;
  const char *period_from;
  const char *period_to;
  gint64      amount;         /* signed, the bill's total */
} NewBill;

static gboolean
insert_new_bill (PlazaStore    *store,
                 const NewBill *nb,
                 gint64        *bill_id,
                 GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = plaza_store_prepare (store,
    "INSERT INTO bills (code, tenant_id, contract_id, month, kind, original_bill_id, state, issue_date, "
    "                   due_date, total) "
    "VALUES (?1, ?2, nullif (?3, 0), ?4, ?5, ?6, 'issued', ?7, ?8, ?9)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, nb->code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, nb->tenant_id);
  sqlite3_bind_int64 (stmt, 3, nb->contract_id);
  sqlite3_bind_text (stmt, 4, nb->month, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, nb->kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 6, nb->original_id);
  sqlite3_bind_text (stmt, 7, nb->issue_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, nb->due_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 9, nb->amount);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  *bill_id = sqlite3_last_insert_rowid (plaza_store_get_db (store));
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = plaza_store_prepare (store,
    "INSERT INTO bill_lines (bill_id, kind, description, period_from, period_to, amount) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, *bill_id);
  sqlite3_bind_text (stmt, 2, nb->line_kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, nb->description, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, nb->period_from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, nb->period_to, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 6, nb->amount);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  return TRUE;
}

static char *
today_text (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* The 15th of the month after @date_or_month (YYYY-MM or YYYY-MM-DD). */
static char *
due_after (const char *date_or_month)
{
  g_autofree char *first = g_strdup_printf ("%.7s-01", date_or_month);
  GDate d;

  if (!plaza_date_parse (first, &d))
    return g_strdup (date_or_month);
  g_date_add_months (&d, 1);
  g_date_set_day (&d, 15);
  return plaza_date_format (&d);
}

/* ---- true-up ---------------------------------------------------------- */

static gboolean
schedule_rent (PlazaStore *store,
               gint64      contract_id,
               const char *month,
               gint64     *rent,
               GError    **error)
{
  g_autoptr(GArray) rows = NULL;

  *rent = 0;
  if (!plaza_contract_schedule (store, contract_id, &rows, error))
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    if (strcmp (g_array_index (rows, PlazaScheduleRow, i).month, month) == 0)
      *rent = g_array_index (rows, PlazaScheduleRow, i).rent;
  return TRUE;
}

gboolean
plaza_billing_true_up_in_transaction (PlazaStore  *store,
                                      const char  *month,
                                      const char  *issue_date,
                                      guint       *n_issued,
                                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *due = due_after (month);
  guint n = 0;
  int rc;

  /* Issued regular bills with estimated lines, not trued up yet, whose
   * month's sales are all real now. */
  stmt = plaza_store_prepare (store,
    "SELECT b.id, b.code, b.tenant_id, b.contract_id, b.month, sum (l.amount), min (l.period_from), "
    "       max (l.period_to) "
    "FROM bills b JOIN bill_lines l ON l.bill_id = b.id AND l.estimated = 1 "
    "WHERE b.state = 'issued' AND b.kind = 'regular' AND b.contract_id IS NOT NULL "
    "  AND NOT EXISTS (SELECT 1 FROM bills t WHERE t.code = b.code || '-TU') "
    "  AND NOT EXISTS (SELECT 1 FROM sales_monthly s JOIN contract_units cu ON cu.unit_id = s.unit_id "
    "                  WHERE cu.contract_id = b.contract_id AND s.month = b.month AND s.estimated_days > 0) "
    "GROUP BY b.id ORDER BY b.code", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *code = g_strdup_printf ("%s-TU", (const char *) sqlite3_column_text (stmt, 1));
      g_autofree char *description = NULL;
      const char *bill_month = (const char *) sqlite3_column_text (stmt, 4);
      gint64 billed = sqlite3_column_int64 (stmt, 5);
      gint64 rent = 0, bill_id = 0;
      NewBill nb = { 0 };

      if (!schedule_rent (store, sqlite3_column_int64 (stmt, 3), bill_month, &rent, error))
        return FALSE;
      if (rent == billed)
        continue;
      /* Stored data, printed on the bill in Chinese. */
      description = g_strdup_printf ("扣点租金调整（%s 实际销售）", bill_month);
      nb.original_id = sqlite3_column_int64 (stmt, 0);
      nb.code = code;
      nb.tenant_id = sqlite3_column_int64 (stmt, 2);
      nb.contract_id = sqlite3_column_int64 (stmt, 3);
      nb.month = month;
      nb.kind = rent > billed ? "supplementary" : "credit_note";
      nb.issue_date = issue_date;
      nb.due_date = rent > billed ? due : issue_date;
      nb.line_kind = "percentage_rent";
      nb.description = description;
      nb.period_from = (const char *) sqlite3_column_text (stmt, 6);
      nb.period_to = (const char *) sqlite3_column_text (stmt, 7);
      nb.amount = rent - billed;
      if (!insert_new_bill (store, &nb, &bill_id, error))
        return FALSE;
      n++;
    }
  if (rc != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  if (n_issued != NULL)
    *n_issued = n;
  if (n > 0)
    {
      g_autofree char *summary = g_strdup_printf ("true-up %s: %u bills", month, n);

      return plaza_store_log_change (store, "bills", 0, "true_up", summary, error);
    }
  return TRUE;
}

typedef struct
{
  const char *month;
  const char *issue_date;
  guint       n;
} TrueUpData;

static gboolean
true_up_func (PlazaStore  *store,
              gpointer     user_data,
              GError     **error)
{
  TrueUpData *data = user_data;

  return plaza_billing_true_up_in_transaction (store, data->month, data->issue_date, &data->n, error);
}

gboolean
plaza_billing_true_up_on (PlazaStore  *store,
                          const char  *month,
                          const char  *issue_date,
                          guint       *n_issued,
                          GError     **error)
{
  g_autofree char *today = NULL;
  g_autofree char *first = NULL;
  TrueUpData data = { month, issue_date, 0 };
  GDate d;

  first = g_strdup_printf ("%s-01", month ? month : "");
  if (month == NULL || strlen (month) != 7 || !plaza_date_parse (first, &d))
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                   _("month: “%s” is not a month (use YYYY-MM)"), month ? month : "");
      return FALSE;
    }
  if (issue_date == NULL)
    data.issue_date = today = today_text ();
  else if (!plaza_date_parse (issue_date, &d))
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                   _("issue date: “%s” is not a date (use YYYY-MM-DD)"), issue_date);
      return FALSE;
    }
  if (!plaza_store_write (store, true_up_func, &data, error))
    return FALSE;
  if (n_issued != NULL)
    *n_issued = data.n;
  return TRUE;
}

gboolean
plaza_billing_true_up (PlazaStore  *store,
                       const char  *month,
                       guint       *n_issued,
                       GError     **error)
{
  return plaza_billing_true_up_on (store, month, NULL, n_issued, error);
}

/* ---- corrections by hand ---------------------------------------------- */

typedef struct
{
  gint64      original_id;
  gboolean    credit;
  const char *kind;
  gint64      amount;
  const char *text;
  gint64      out_id;
} CorrectionData;

static gboolean
correction_func (PlazaStore  *store,
                 gpointer     user_data,
                 GError     **error)
{
  CorrectionData *data = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *today = today_text ();
  g_autofree char *due = NULL;
  g_autofree char *code = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *orig_code = NULL;
  g_autofree char *month = NULL;
  NewBill nb = { 0 };
  gint64 total, credited, serial;

  stmt = plaza_store_prepare (store,
    "SELECT b.code, b.tenant_id, coalesce (b.contract_id, 0), b.month, b.kind, b.state, b.total, "
    "  (SELECT coalesce (-sum (c.total), 0) FROM bills c WHERE c.original_bill_id = b.id "
    "     AND c.kind = 'credit_note' AND c.state = 'issued'), "
    "  (SELECT count (*) FROM bills c WHERE c.code GLOB b.code || ?2) "
    "FROM bills b WHERE b.id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->original_id);
  sqlite3_bind_text (stmt, 2, data->credit ? "-CN[0-9]*" : "-SB[0-9]*", -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND,
                   _("bill: no bill with id %lld"), (long long) data->original_id);
      return FALSE;
    }
  orig_code = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  month = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  total = sqlite3_column_int64 (stmt, 6);
  credited = sqlite3_column_int64 (stmt, 7);
  serial = sqlite3_column_int64 (stmt, 8) + 1;
  if (g_str_equal ((const char *) sqlite3_column_text (stmt, 4), "credit_note"))
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                   _("bill: %s is a credit note; correct its original bill instead"), orig_code);
      return FALSE;
    }
  if (!g_str_equal ((const char *) sqlite3_column_text (stmt, 5), "issued"))
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                   _("bill: %s is not issued"), orig_code);
      return FALSE;
    }
  if (data->credit && data->amount > total - credited)
    {
      g_autofree char *left = plaza_money_format_plain (total - credited);

      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                   _("amount: a credit note on %s can be at most %s yuan"), orig_code, left);
      return FALSE;
    }

  code = g_strdup_printf ("%s-%s%lld", orig_code, data->credit ? "CN" : "SB", (long long) serial);
  due = data->credit ? g_strdup (today) : due_after (today);
  nb.original_id = data->original_id;
  nb.code = code;
  nb.tenant_id = sqlite3_column_int64 (stmt, 1);
  nb.contract_id = sqlite3_column_int64 (stmt, 2);
  nb.month = month;
  nb.kind = data->credit ? "credit_note" : "supplementary";
  nb.issue_date = today;
  nb.due_date = due;
  nb.line_kind = data->credit ? "adjustment" : data->kind;
  nb.description = data->text;
  nb.amount = data->credit ? -data->amount : data->amount;
  if (!insert_new_bill (store, &nb, &data->out_id, error))
    return FALSE;
  summary = g_strdup_printf ("%s %s on %s: %lld fen, %s", data->credit ? "credit note" : "supplementary bill",
                             code, orig_code, (long long) nb.amount, data->text);
  return plaza_store_log_change (store, "bills", data->out_id, data->credit ? "credit_note" : "supplementary",
                                 summary, error);
}

static gboolean
check_text (const char  *text,
            const char  *field,
            GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (*stripped != '\0')
    return TRUE;
  g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID, _("%s: required"), field);
  return FALSE;
}

static gboolean
check_amount (gint64    amount,
              GError  **error)
{
  if (amount > 0)
    return TRUE;
  g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID, _("amount: must be more than zero"));
  return FALSE;
}

gboolean
plaza_billing_credit_note (PlazaStore  *store,
                           gint64       bill_id,
                           gint64       amount,
                           const char  *reason,
                           gint64      *credit_note_id,
                           GError     **error)
{
  CorrectionData data = { bill_id, TRUE, NULL, amount, reason, 0 };

  if (!check_amount (amount, error) || !check_text (reason, _("reason"), error))
    return FALSE;
  if (!plaza_store_write (store, correction_func, &data, error))
    return FALSE;
  if (credit_note_id != NULL)
    *credit_note_id = data.out_id;
  return TRUE;
}

gboolean
plaza_billing_supplementary (PlazaStore  *store,
                             gint64       bill_id,
                             const char  *kind,
                             gint64       amount,
                             const char  *description,
                             gint64      *bill_id_out,
                             GError     **error)
{
  static const char * const kinds[] = { "rent", "percentage_rent", "fee", "promotion_fee", "late_fee",
                                        "adjustment" };
  CorrectionData data = { bill_id, FALSE, kind, amount, description, 0 };
  gboolean known = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (kinds) && !known; i++)
    known = g_strcmp0 (kind, kinds[i]) == 0;
  if (!known)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                   _("kind: “%s” is not a kind of bill line"), kind ? kind : "");
      return FALSE;
    }
  if (!check_amount (amount, error) || !check_text (description, _("description"), error))
    return FALSE;
  if (!plaza_store_write (store, correction_func, &data, error))
    return FALSE;
  if (bill_id_out != NULL)
    *bill_id_out = data.out_id;
  return TRUE;
}
