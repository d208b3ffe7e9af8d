/* plaza-sales.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Daily sales by hand, estimated months and the months still missing
 * (plaza-sales.h). Every write is one plaza_store_write() transaction that
 * also keeps sales_monthly in step (plaza_sales_refresh_month) and adds one
 * change_log row (entity 'sales', the unit's id).
 *
 * Rules beyond the header:
 * - A real figure replaces the month's estimate: a manual day (like a POS
 *   import, see plaza-import-sales.c) deletes the other 'estimated' days
 *   of its unit-month in the same transaction.
 * - Estimates use real ('pos' or 'manual') days only, never older
 *   estimates. The basis gives a daily rate that is multiplied by the days
 *   of the estimated month:
 *     last year: the same month a year before, its total × days(month) ÷
 *       days(that month) (the same total unless February changes length);
 *     last 3 months: the three most recent months with real figures among
 *       the twelve before (fewer if there are fewer), their total × days(month)
 *       ÷ the calendar days of those months.
 *   Rounded half up to the fen, then spread evenly over the days, the
 *   remainder fen one each on the first days. Auto takes last year when
 *   that month has real days, else the last three months.
 * - Estimating a month that has only estimated days replaces them; a
 *   month after the current one cannot be estimated.
 * - "Missing": a unit under a contract in force on some day of the month
 *   (states active, expired, terminated, renewed) with no row at all in it.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "plaza-date.h"
#include "plaza-import.h"
#include "plaza-money.h"
#include "plaza-sales-private.h"

gboolean
plaza_sales_month_parse (const char *text,
                         guint      *year,
                         guint      *month)
{
  if (text == NULL || strlen (text) != 7 || text[4] != '-')
    return FALSE;
  for (guint i = 0; i < 7; i++)
    if (i != 4 && !g_ascii_isdigit (text[i]))
      return FALSE;
  *year = (guint) g_ascii_strtoull (text, NULL, 10);
  *month = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  return *year >= 1900 && *month >= 1 && *month <= 12;
}

void
plaza_sales_day_format (char  *out,
                        guint  year,
                        guint  month,
                        guint  day)
{
  g_snprintf (out, 11, "%04u-%02u-%02u", year, month, day);
}

static guint
days_in (guint year,
         guint month)
{
  return g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year);
}

void
plaza_sales_day_free (PlazaSalesDay *day)
{
  if (day == NULL)
    return;
  g_free (day->date);
  g_free (day);
}

void
plaza_sales_missing_free (PlazaSalesMissing *missing)
{
  if (missing == NULL)
    return;
  g_free (missing->unit_code);
  g_free (missing->tenant_name);
  g_free (missing);
}

static PlazaSalesSource
source_from_text (const char *text)
{
  if (g_strcmp0 (text, "manual") == 0)
    return PLAZA_SALES_SOURCE_MANUAL;
  if (g_strcmp0 (text, "estimated") == 0)
    return PLAZA_SALES_SOURCE_ESTIMATED;
  return PLAZA_SALES_SOURCE_POS;
}

static gboolean
invalid (GError     **error,
         const char  *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError     **error,
         const char  *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID, message);
  return FALSE;
}

/* The unit's code, or NULL with a NOT_FOUND error. */
static char *
unit_code (PlazaStore  *store,
           gint64       unit_id,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = plaza_store_prepare (store, "SELECT code FROM units WHERE id = ?", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    plaza_store_set_sqlite_error (store, error);
  else
    g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND, _("There is no unit with id %lld."),
                 (long long) unit_id);
  return NULL;
}

static gboolean
step_done (PlazaStore    *store,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  return TRUE;
}

gboolean
plaza_sales_list_month (PlazaStore  *store,
                        gint64       unit_id,
                        const char  *month,
                        GPtrArray  **days,
                        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;
  char first[11], last[11];
  guint year, mon;
  int rc;

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);
  g_return_val_if_fail (days != NULL, FALSE);

  if (!plaza_sales_month_parse (month, &year, &mon))
    return invalid (error, _("“%s” is not a month (write YYYY-MM)"), month != NULL ? month : "");
  plaza_sales_day_format (first, year, mon, 1);
  plaza_sales_day_format (last, year, mon, days_in (year, mon));

  stmt = plaza_store_prepare (store,
                              "SELECT date, amount, coalesce (transactions, -1), source FROM sales_daily "
                              "WHERE unit_id = ? AND date BETWEEN ? AND ? ORDER BY date", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  sqlite3_bind_text (stmt, 2, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, last, -1, SQLITE_TRANSIENT);

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) plaza_sales_day_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PlazaSalesDay *day = g_new0 (PlazaSalesDay, 1);

      day->date = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      day->amount = sqlite3_column_int64 (stmt, 1);
      day->transactions = sqlite3_column_int64 (stmt, 2);
      day->source = source_from_text ((const char *) sqlite3_column_text (stmt, 3));
      g_ptr_array_add (list, day);
    }
  if (rc != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);

  *days = g_steal_pointer (&list);
  return TRUE;
}

/* ---- manual days ------------------------------------------------------ */

typedef struct
{
  gint64      unit_id;
  const char *date;
  gint64      amount;
  gint64      transactions;
} DayWrite;

/* Deletes the 'estimated' days of @date's unit-month other than @date. */
static gboolean
drop_estimates (PlazaStore  *store,
                gint64       unit_id,
                const char  *date,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *first = g_strdup_printf ("%.7s-01", date);
  g_autofree char *last = g_strdup_printf ("%.7s-31", date);

  stmt = plaza_store_prepare (store,
                              "DELETE FROM sales_daily WHERE unit_id = ? AND date BETWEEN ? AND ? "
                              "AND date <> ? AND source = 'estimated'", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  sqlite3_bind_text (stmt, 2, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, last, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, date, -1, SQLITE_TRANSIENT);
  return step_done (store, stmt, error);
}

static gboolean
set_day_func (PlazaStore  *store,
              gpointer     user_data,
              GError     **error)
{
  DayWrite *w = user_data;
  g_autoptr(sqlite3_stmt) upsert = NULL;
  g_autofree char *code = NULL;
  g_autofree char *month = g_strndup (w->date, 7);
  g_autofree char *yuan = NULL;
  g_autofree char *summary = NULL;

  code = unit_code (store, w->unit_id, error);
  if (code == NULL)
    return FALSE;

  upsert = plaza_store_prepare (store,
                                "INSERT INTO sales_daily (unit_id, date, amount, transactions, source) "
                                "VALUES (?, ?, ?, ?, 'manual') ON CONFLICT (unit_id, date) DO UPDATE SET "
                                "amount = excluded.amount, transactions = excluded.transactions, source = 'manual'",
                                error);
  if (upsert == NULL)
    return FALSE;
  sqlite3_bind_int64 (upsert, 1, w->unit_id);
  sqlite3_bind_text (upsert, 2, w->date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (upsert, 3, w->amount);
  if (w->transactions >= 0)
    sqlite3_bind_int64 (upsert, 4, w->transactions);
  else
    sqlite3_bind_null (upsert, 4);
  if (!step_done (store, upsert, error))
    return FALSE;

  if (!drop_estimates (store, w->unit_id, w->date, error) ||
      !plaza_sales_refresh_month (store, w->unit_id, month, error))
    return FALSE;

  yuan = plaza_money_format_plain (w->amount);
  summary = g_strdup_printf ("%s %s: %s (manual)", code, w->date, yuan);
  return plaza_store_log_change (store, "sales", w->unit_id, "update", summary, error);
}

static gboolean
check_day (const char  *date,
           GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  GDate parsed;

  if (date == NULL || !plaza_date_parse (date, &parsed))
    return invalid (error, _("“%s” is not a date (write YYYY-MM-DD)"), date != NULL ? date : "");
  if (strcmp (date, today) > 0)
    return invalid (error, _("%s is after today; sales can only be entered for days that have passed"), date);
  return TRUE;
}

gboolean
plaza_sales_set_day (PlazaStore  *store,
                     gint64       unit_id,
                     const char  *date,
                     gint64       amount,
                     gint64       transactions,
                     GError     **error)
{
  DayWrite w = { unit_id, date, amount, transactions };

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);

  if (!check_day (date, error))
    return FALSE;
  if (amount < 0)
    return invalid (error, _("Sales cannot be negative."));
  if (transactions < -1)
    return invalid (error, _("The number of transactions cannot be negative."));
  return plaza_store_write (store, set_day_func, &w, error);
}

static gboolean
delete_day_func (PlazaStore  *store,
                 gpointer     user_data,
                 GError     **error)
{
  DayWrite *w = user_data;
  g_autoptr(sqlite3_stmt) del = NULL;
  g_autofree char *code = NULL;
  g_autofree char *month = g_strndup (w->date, 7);
  g_autofree char *summary = NULL;

  code = unit_code (store, w->unit_id, error);
  if (code == NULL)
    return FALSE;

  del = plaza_store_prepare (store, "DELETE FROM sales_daily WHERE unit_id = ? AND date = ?", error);
  if (del == NULL)
    return FALSE;
  sqlite3_bind_int64 (del, 1, w->unit_id);
  sqlite3_bind_text (del, 2, w->date, -1, SQLITE_TRANSIENT);
  if (!step_done (store, del, error))
    return FALSE;
  if (sqlite3_changes (plaza_store_get_db (store)) == 0)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND, _("Unit %s has no sales on %s."),
                   code, w->date);
      return FALSE;
    }

  if (!plaza_sales_refresh_month (store, w->unit_id, month, error))
    return FALSE;
  summary = g_strdup_printf ("%s %s: deleted", code, w->date);
  return plaza_store_log_change (store, "sales", w->unit_id, "delete", summary, error);
}

gboolean
plaza_sales_delete_day (PlazaStore  *store,
                        gint64       unit_id,
                        const char  *date,
                        GError     **error)
{
  DayWrite w = { unit_id, date, 0, -1 };
  GDate parsed;

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);

  if (date == NULL || !plaza_date_parse (date, &parsed))
    return invalid (error, _("“%s” is not a date (write YYYY-MM-DD)"), date != NULL ? date : "");
  return plaza_store_write (store, delete_day_func, &w, error);
}

/* ---- estimates -------------------------------------------------------- */

typedef struct
{
  gint64                  unit_id;
  guint                   year;
  guint                   month;
  PlazaSalesEstimateBasis basis;
  gint64                  total;
} Estimate;

/* Real sales of @unit_id in one month: total and number of days. */
static gboolean
real_month (PlazaStore  *store,
            gint64       unit_id,
            guint        year,
            guint        month,
            gint64      *amount,
            gint64      *n_days,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  char first[11], last[11];

  stmt = plaza_store_prepare (store,
                              "SELECT coalesce (sum (amount), 0), count (*) FROM sales_daily "
                              "WHERE unit_id = ? AND date BETWEEN ? AND ? AND source <> 'estimated'", error);
  if (stmt == NULL)
    return FALSE;
  plaza_sales_day_format (first, year, month, 1);
  plaza_sales_day_format (last, year, month, days_in (year, month));
  sqlite3_bind_int64 (stmt, 1, unit_id);
  sqlite3_bind_text (stmt, 2, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, last, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return plaza_store_set_sqlite_error (store, error);
  *amount = sqlite3_column_int64 (stmt, 0);
  *n_days = sqlite3_column_int64 (stmt, 1);
  return TRUE;
}

/* round (total × days ÷ base_days), half up; all non-negative. */
static gint64
scale (gint64 total,
       guint  days,
       gint64 base_days)
{
  return (gint64) (((guint64) total * days * 2 + (guint64) base_days) / ((guint64) base_days * 2));
}

/* The month's estimated total from @basis; FALSE (INVALID) without sales. */
static gboolean
estimate_total (PlazaStore  *store,
                Estimate    *e,
                const char  *code,
                GError     **error)
{
  guint days = days_in (e->year, e->month);
  gint64 amount = 0, n = 0;
  gint64 total = 0, base_days = 0;
  guint found = 0;

  if (e->basis == PLAZA_SALES_ESTIMATE_AUTO || e->basis == PLAZA_SALES_ESTIMATE_LAST_YEAR)
    {
      if (!real_month (store, e->unit_id, e->year - 1, e->month, &amount, &n, error))
        return FALSE;
      if (n > 0)
        {
          e->basis = PLAZA_SALES_ESTIMATE_LAST_YEAR;
          e->total = scale (amount, days, days_in (e->year - 1, e->month));
          return TRUE;
        }
      if (e->basis == PLAZA_SALES_ESTIMATE_LAST_YEAR)
        return invalid (error, _("Unit %s has no reported sales in %04u-%02u to estimate from."),
                        code, e->year - 1, e->month);
    }

  for (guint back = 1; back <= 12 && found < 3; back++)
    {
      guint index = e->year * 12 + (e->month - 1) - back;
      guint y = index / 12, m = index % 12 + 1;

      if (!real_month (store, e->unit_id, y, m, &amount, &n, error))
        return FALSE;
      if (n == 0)
        continue;
      total += amount;
      base_days += days_in (y, m);
      found++;
    }
  if (found == 0)
    return invalid (error, _("Unit %s has no reported sales in the twelve months before %04u-%02u to estimate from."),
                    code, e->year, e->month);
  e->basis = PLAZA_SALES_ESTIMATE_LAST_3_MONTHS;
  e->total = scale (total, days, base_days);
  return TRUE;
}

static gboolean
estimate_func (PlazaStore  *store,
               gpointer     user_data,
               GError     **error)
{
  Estimate *e = user_data;
  g_autoptr(sqlite3_stmt) del = NULL;
  g_autoptr(sqlite3_stmt) ins = NULL;
  g_autofree char *code = NULL;
  g_autofree char *month = g_strdup_printf ("%04u-%02u", e->year, e->month);
  g_autofree char *yuan = NULL;
  g_autofree char *summary = NULL;
  guint days = days_in (e->year, e->month);
  gint64 amount = 0, n = 0;
  char first[11], last[11];

  code = unit_code (store, e->unit_id, error);
  if (code == NULL)
    return FALSE;
  if (!real_month (store, e->unit_id, e->year, e->month, &amount, &n, error))
    return FALSE;
  if (n > 0)
    return invalid (error, _("Unit %s already has reported sales in %s; only a month without any can be estimated."),
                    code, month);
  if (!estimate_total (store, e, code, error))
    return FALSE;

  plaza_sales_day_format (first, e->year, e->month, 1);
  plaza_sales_day_format (last, e->year, e->month, days);
  del = plaza_store_prepare (store, "DELETE FROM sales_daily WHERE unit_id = ? AND date BETWEEN ? AND ?", error);
  ins = plaza_store_prepare (store,
                             "INSERT INTO sales_daily (unit_id, date, amount, transactions, source) "
                             "VALUES (?, ?, ?, NULL, 'estimated')", error);
  if (del == NULL || ins == NULL)
    return FALSE;
  sqlite3_bind_int64 (del, 1, e->unit_id);
  sqlite3_bind_text (del, 2, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (del, 3, last, -1, SQLITE_TRANSIENT);
  if (!step_done (store, del, error))
    return FALSE;

  for (guint d = 1; d <= days; d++)
    {
      char date[11];
      gint64 share = e->total / days + ((gint64) d <= e->total % days ? 1 : 0);

      plaza_sales_day_format (date, e->year, e->month, d);
      sqlite3_bind_int64 (ins, 1, e->unit_id);
      sqlite3_bind_text (ins, 2, date, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (ins, 3, share);
      if (!step_done (store, ins, error))
        return FALSE;
      sqlite3_reset (ins);
    }

  if (!plaza_sales_refresh_month (store, e->unit_id, month, error))
    return FALSE;
  yuan = plaza_money_format_plain (e->total);
  summary = g_strdup_printf ("%s %s: %s estimated from %s", code, month, yuan,
                             e->basis == PLAZA_SALES_ESTIMATE_LAST_YEAR ? "last year" : "the last 3 months");
  return plaza_store_log_change (store, "sales", e->unit_id, "estimate", summary, error);
}

gboolean
plaza_sales_estimate_month (PlazaStore              *store,
                            gint64                   unit_id,
                            const char              *month,
                            PlazaSalesEstimateBasis  basis,
                            gint64                  *total,
                            GError                 **error)
{
  Estimate e = { unit_id, 0, 0, basis, 0 };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *this_month = g_date_time_format (now, "%Y-%m");

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);

  if (!plaza_sales_month_parse (month, &e.year, &e.month))
    return invalid (error, _("“%s” is not a month (write YYYY-MM)"), month != NULL ? month : "");
  if (strcmp (month, this_month) > 0)
    return invalid (error, _("%s has not begun; only months up to this one can be estimated."), month);
  if (!plaza_store_write (store, estimate_func, &e, error))
    return FALSE;
  if (total != NULL)
    *total = e.total;
  return TRUE;
}

/* ---- missing months --------------------------------------------------- */

char *
plaza_sales_latest_date (PlazaStore  *store,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = plaza_store_prepare (store, "SELECT MAX (date) FROM sales_daily", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_FAILED, "%s",
                   sqlite3_errmsg (plaza_store_get_db (store)));
      return NULL;
    }
  if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

gboolean
plaza_sales_missing (PlazaStore  *store,
                     const char  *month,
                     GPtrArray  **missing,
                     GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;
  char first[11], last[11];
  guint year, mon;
  int rc;

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);
  g_return_val_if_fail (missing != NULL, FALSE);

  if (!plaza_sales_month_parse (month, &year, &mon))
    return invalid (error, _("“%s” is not a month (write YYYY-MM)"), month != NULL ? month : "");
  plaza_sales_day_format (first, year, mon, 1);
  plaza_sales_day_format (last, year, mon, days_in (year, mon));

  stmt = plaza_store_prepare (store,
                              "SELECT u.id, u.code, coalesce (("
                              "  SELECT t.name FROM contracts c JOIN tenants t ON t.id = c.tenant_id"
                              "  WHERE c.id = " PLAZA_SALES_CONTRACT_ON ("u.id", "?2") "), '') "
                              "FROM units u "
                              "WHERE EXISTS (SELECT 1 FROM contract_units cu JOIN contracts c ON c.id = cu.contract_id"
                              "  WHERE cu.unit_id = u.id AND c.state IN " PLAZA_SALES_IN_FORCE
                              "  AND c.start_date <= ?2 AND COALESCE (c.terminated_on, c.end_date) >= ?1) "
                              "AND NOT EXISTS (SELECT 1 FROM sales_daily d WHERE d.unit_id = u.id"
                              "  AND d.date BETWEEN ?1 AND ?2) "
                              "ORDER BY u.code", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, last, -1, SQLITE_TRANSIENT);

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) plaza_sales_missing_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PlazaSalesMissing *m = g_new0 (PlazaSalesMissing, 1);

      m->unit_id = sqlite3_column_int64 (stmt, 0);
      m->unit_code = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      m->tenant_name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_ptr_array_add (list, m);
    }
  if (rc != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);

  *missing = g_steal_pointer (&list);
  return TRUE;
}
