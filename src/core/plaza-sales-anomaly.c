/* plaza-sales-anomaly.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Anomaly flags on daily sales, so that suspicious reports get a look.
 * Computed on demand from sales_daily; only real days ('pos' and 'manual')
 * are looked at, never estimated ones, and only days that have a row.
 *
 * The rules, for a unit and a day D with a row in the asked range:
 *
 * - Usual sales of D: the median of the unit's sales on the same weekday
 *   in the eight weeks before (D − 7, D − 14, … D − 56), over the ones that
 *   have a row; at least 4 are needed, else D has no usual value and is
 *   not judged. The median of an even count is the mean of the middle two,
 *   rounded down to the fen.
 * - High day: D's sales are more than 3 × usual, and usual > 0.
 * - Low day: D's sales are less than usual ÷ 4 (a zero counts when usual
 *   is above zero).
 * - Drop: the average sales per reported day over the 28 days ending on D
 *   (D − 27 … D) are below 60 % of the average over the 56 days before
 *   them (D − 83 … D − 28), with at least 14 reported days in the recent
 *   window and 28 in the earlier one and an earlier average above zero.
 *   Reported once per unit per asked range, on the latest D that
 *   qualifies; amount is the recent average, usual the earlier one.
 *
 * change_bp = (amount − usual) × 10000 ÷ usual, truncated toward zero.
 * The tenant is the one of the contract in force on the anomaly's date
 * (the latest starting contract in force, as plaza-kpi.c picks it).
 * Ordered by date descending, then unit code, then kind.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "plaza-date.h"
#include "plaza-money.h"
#include "plaza-sales-private.h"

#define USUAL_WEEKS 8
#define USUAL_MIN 4
#define HIGH_FACTOR 3
#define LOW_DIVISOR 4
#define RECENT_DAYS 28
#define EARLIER_DAYS 56
#define RECENT_MIN 14
#define EARLIER_MIN 28
#define DROP_PERCENT 60
#define LOOK_BACK (RECENT_DAYS + EARLIER_DAYS)   /* days before the range that matter */

void
plaza_sales_anomaly_free (PlazaSalesAnomaly *anomaly)
{
  if (anomaly == NULL)
    return;
  g_free (anomaly->unit_code);
  g_free (anomaly->tenant_name);
  g_free (anomaly->date);
  g_free (anomaly->message);
  g_free (anomaly);
}

/* One unit's real days from (from − LOOK_BACK) to @to, by day offset. */
typedef struct
{
  guint32  first;      /* julian day of slot 0 */
  guint    n;
  gint64  *amount;     /* per slot; -1: no row */
  gint64  *sum;        /* prefix sums over the slots (n + 1) */
  guint   *count;      /* prefix counts of slots with a row (n + 1) */
} Days;

static int
compare_gint64 (const void *a,
                const void *b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* The usual sales of slot @i, or -1 when fewer than USUAL_MIN weeks. */
static gint64
usual_of (const Days *days,
          guint       i)
{
  gint64 values[USUAL_WEEKS];
  guint n = 0;

  for (guint w = 1; w <= USUAL_WEEKS && (gint64) i - 7 * (gint64) w >= 0; w++)
    {
      gint64 v = days->amount[i - 7 * w];

      if (v >= 0)
        values[n++] = v;
    }
  if (n < USUAL_MIN)
    return -1;
  qsort (values, n, sizeof values[0], compare_gint64);
  if (n % 2 == 1)
    return values[n / 2];
  return (values[n / 2 - 1] + values[n / 2]) / 2;
}

static gint64
change_bp (gint64 amount,
           gint64 usual)
{
  return usual > 0 ? (amount - usual) * 10000 / usual : 0;
}

typedef struct
{
  PlazaStore    *store;
  sqlite3_stmt  *tenant;
  GPtrArray     *list;
} Collect;

static gboolean
add_anomaly (Collect                *c,
             PlazaSalesAnomalyKind   kind,
             gint64                  unit_id,
             const char             *code,
             guint32                 julian,
             gint64                  amount,
             gint64                  usual,
             GError                **error)
{
  PlazaSalesAnomaly *a = g_new0 (PlazaSalesAnomaly, 1);
  g_autofree char *amount_text = plaza_money_format (amount, TRUE);
  g_autofree char *usual_text = plaza_money_format (usual, TRUE);
  GDate date;
  int rc;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  a->kind = kind;
  a->unit_id = unit_id;
  a->unit_code = g_strdup (code);
  a->date = plaza_date_format (&date);
  a->amount = amount;
  a->usual = usual;
  a->change_bp = change_bp (amount, usual);
  g_ptr_array_add (c->list, a);

  sqlite3_bind_int64 (c->tenant, 1, unit_id);
  sqlite3_bind_text (c->tenant, 2, a->date, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (c->tenant);
  if (rc == SQLITE_ROW)
    {
      a->tenant_id = sqlite3_column_int64 (c->tenant, 0);
      a->tenant_name = g_strdup ((const char *) sqlite3_column_text (c->tenant, 1));
    }
  sqlite3_reset (c->tenant);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return plaza_store_set_sqlite_error (c->store, error);
  if (a->tenant_name == NULL)
    a->tenant_name = g_strdup ("");

  switch (kind)
    {
    case PLAZA_SALES_ANOMALY_HIGH_DAY:
      a->message = g_strdup_printf (_("%s sold %s on %s, more than three times its usual %s"),
                                    code, amount_text, a->date, usual_text);
      break;
    case PLAZA_SALES_ANOMALY_LOW_DAY:
      a->message = g_strdup_printf (_("%s sold %s on %s, under a quarter of its usual %s"),
                                    code, amount_text, a->date, usual_text);
      break;
    case PLAZA_SALES_ANOMALY_DROP:
    default:
      a->message = g_strdup_printf (_("%s averaged %s a day in the four weeks to %s, %lld%% below the eight weeks before (%s)"),
                                    code, amount_text, a->date, (long long) (-a->change_bp / 100), usual_text);
      break;
    }
  return TRUE;
}

/* Judges one unit's days in [range_first, range_last] (slots). */
static gboolean
judge_unit (Collect     *c,
            gint64       unit_id,
            const char  *code,
            const Days  *days,
            guint        range_first,
            GError     **error)
{
  gboolean dropped = FALSE;

  /* Latest first, so the drop found first is the latest. */
  for (guint i = days->n; i-- > range_first;)
    {
      gint64 amount = days->amount[i];
      gint64 usual;

      if (amount < 0)
        continue;

      usual = usual_of (days, i);
      if (usual > 0 && amount > HIGH_FACTOR * usual)
        {
          if (!add_anomaly (c, PLAZA_SALES_ANOMALY_HIGH_DAY, unit_id, code, days->first + i, amount, usual, error))
            return FALSE;
        }
      else if (usual > 0 && amount * LOW_DIVISOR < usual)
        {
          if (!add_anomaly (c, PLAZA_SALES_ANOMALY_LOW_DAY, unit_id, code, days->first + i, amount, usual, error))
            return FALSE;
        }

      if (!dropped && i + 1 >= LOOK_BACK)
        {
          guint end = i + 1;
          gint64 recent_sum = days->sum[end] - days->sum[end - RECENT_DAYS];
          gint64 recent_n = days->count[end] - days->count[end - RECENT_DAYS];
          gint64 earlier_sum = days->sum[end - RECENT_DAYS] - days->sum[end - LOOK_BACK];
          gint64 earlier_n = days->count[end - RECENT_DAYS] - days->count[end - LOOK_BACK];

          if (recent_n >= RECENT_MIN && earlier_n >= EARLIER_MIN && earlier_sum > 0 &&
              recent_sum * earlier_n * 100 < DROP_PERCENT * earlier_sum * recent_n)
            {
              dropped = TRUE;
              if (!add_anomaly (c, PLAZA_SALES_ANOMALY_DROP, unit_id, code, days->first + i,
                                recent_sum / recent_n, earlier_sum / earlier_n, error))
                return FALSE;
            }
        }
    }
  return TRUE;
}

static gint
compare_anomalies (gconstpointer a,
                   gconstpointer b)
{
  const PlazaSalesAnomaly *x = *(PlazaSalesAnomaly * const *) a;
  const PlazaSalesAnomaly *y = *(PlazaSalesAnomaly * const *) b;
  int by_date = strcmp (y->date, x->date);
  int by_code;

  if (by_date != 0)
    return by_date;
  by_code = g_strcmp0 (x->unit_code, y->unit_code);
  if (by_code != 0)
    return by_code;
  return (int) x->kind - (int) y->kind;
}

gboolean
plaza_sales_anomalies (PlazaStore  *store,
                       const char  *from,
                       const char  *to,
                       gint64       unit_id,
                       GPtrArray  **anomalies,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) units = NULL;
  g_autoptr(sqlite3_stmt) rows = NULL;
  g_autoptr(sqlite3_stmt) tenant = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *load_from = NULL;
  GDate first, last;
  Collect c;
  Days days;
  guint32 range_start;
  int rc;

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);
  g_return_val_if_fail (anomalies != NULL, FALSE);

  if (from == NULL || !plaza_date_parse (from, &first) || to == NULL || !plaza_date_parse (to, &last))
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                   _("“%s” … “%s” is not a range of dates (write YYYY-MM-DD)"),
                   from != NULL ? from : "", to != NULL ? to : "");
      return FALSE;
    }
  if (g_date_compare (&first, &last) > 0)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                   _("The range starts (%s) after it ends (%s)."), from, to);
      return FALSE;
    }

  range_start = g_date_get_julian (&first);
  g_date_subtract_days (&first, LOOK_BACK);
  load_from = plaza_date_format (&first);

  units = plaza_store_prepare (store, unit_id > 0 ? "SELECT id, code FROM units WHERE id = ?"
                                                  : "SELECT id, code FROM units ORDER BY code", error);
  rows = plaza_store_prepare (store,
                              "SELECT date, amount FROM sales_daily WHERE unit_id = ? AND date BETWEEN ? AND ? "
                              "AND source <> 'estimated'", error);
  tenant = plaza_store_prepare (store,
                                "SELECT t.id, t.name FROM contracts c JOIN tenants t ON t.id = c.tenant_id "
                                "WHERE c.id = " PLAZA_SALES_CONTRACT_ON ("?1", "?2"), error);
  if (units == NULL || rows == NULL || tenant == NULL)
    return FALSE;
  if (unit_id > 0)
    sqlite3_bind_int64 (units, 1, unit_id);

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) plaza_sales_anomaly_free);
  c = (Collect) { store, tenant, list };
  days.first = g_date_get_julian (&first);
  days.n = g_date_get_julian (&last) - days.first + 1;
  days.amount = g_new (gint64, days.n);
  days.sum = g_new (gint64, days.n + 1);
  days.count = g_new (guint, days.n + 1);

  while ((rc = sqlite3_step (units)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (units, 0);
      g_autofree char *code = g_strdup ((const char *) sqlite3_column_text (units, 1));
      gboolean any = FALSE;
      int rrc;

      for (guint i = 0; i < days.n; i++)
        days.amount[i] = -1;
      sqlite3_bind_int64 (rows, 1, id);
      sqlite3_bind_text (rows, 2, load_from, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (rows, 3, to, -1, SQLITE_TRANSIENT);
      while ((rrc = sqlite3_step (rows)) == SQLITE_ROW)
        {
          GDate d;

          if (!plaza_date_parse ((const char *) sqlite3_column_text (rows, 0), &d))
            continue;
          days.amount[g_date_get_julian (&d) - days.first] = sqlite3_column_int64 (rows, 1);
          any = TRUE;
        }
      sqlite3_reset (rows);
      if (rrc != SQLITE_DONE)
        {
          rc = rrc;
          break;
        }
      if (!any)
        continue;

      days.sum[0] = 0;
      days.count[0] = 0;
      for (guint i = 0; i < days.n; i++)
        {
          days.sum[i + 1] = days.sum[i] + MAX (days.amount[i], 0);
          days.count[i + 1] = days.count[i] + (days.amount[i] >= 0);
        }
      if (!judge_unit (&c, id, code, &days, range_start - days.first, error))
        {
          rc = SQLITE_OK;
          break;
        }
    }

  g_free (days.amount);
  g_free (days.sum);
  g_free (days.count);
  if (rc == SQLITE_OK)
    return FALSE;
  if (rc != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);

  g_ptr_array_sort (list, compare_anomalies);
  *anomalies = g_steal_pointer (&list);
  return TRUE;
}
