/* plaza-targets.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "plaza-targets.h"

#define IN_FORCE "('active', 'expired', 'terminated', 'renewed')"

/* Sales of ?1 … ?2 ('YYYY-MM'), each with its month number, floor,
 * category and tenant (0 when none). The category is the contract brand's,
 * else its tenant's, else the unit's planned one: the rule of plaza-kpi.c. */
#define SALES_CTE \
  "WITH s AS (SELECT CAST (substr (sm.month, 6, 2) AS INTEGER) AS m, u.floor_id AS floor_id," \
  "  COALESCE (br.category_id, t.category_id, u.planned_category_id, 0) AS category_id," \
  "  COALESCE (c.tenant_id, 0) AS tenant_id, sm.amount AS amount" \
  " FROM sales_monthly sm JOIN units u ON u.id = sm.unit_id" \
  " LEFT JOIN contracts c ON c.id =" \
  "  (SELECT c2.id FROM contract_units cu2 JOIN contracts c2 ON c2.id = cu2.contract_id" \
  "   WHERE cu2.unit_id = sm.unit_id AND c2.state IN " IN_FORCE \
  "     AND c2.start_date <= sm.month || '-31'" \
  "     AND COALESCE (c2.terminated_on, c2.end_date) >= sm.month || '-01'" \
  "   ORDER BY c2.start_date DESC, c2.id DESC LIMIT 1)" \
  " LEFT JOIN tenants t ON t.id = c.tenant_id" \
  " LEFT JOIN brands br ON br.id = c.brand_id" \
  " WHERE sm.month BETWEEN ?1 AND ?2) "

/* Units not retired, each with its rentable area, floor, the tenant of the
 * latest contract in force in the year ?1-01-01 … ?2-12-31 and category. */
#define AREA_CTE \
  "WITH a AS (SELECT u.floor_id AS floor_id, COALESCE (br.category_id, t.category_id, u.planned_category_id, 0) AS category_id," \
  "  COALESCE (c.tenant_id, 0) AS tenant_id, u.rentable_area AS amount" \
  " FROM units u" \
  " LEFT JOIN contracts c ON c.id =" \
  "  (SELECT c2.id FROM contract_units cu2 JOIN contracts c2 ON c2.id = cu2.contract_id" \
  "   WHERE cu2.unit_id = u.id AND c2.state IN " IN_FORCE \
  "     AND c2.start_date <= ?2 AND COALESCE (c2.terminated_on, c2.end_date) >= ?1" \
  "   ORDER BY c2.start_date DESC, c2.id DESC LIMIT 1)" \
  " LEFT JOIN tenants t ON t.id = c.tenant_id" \
  " LEFT JOIN brands br ON br.id = c.brand_id" \
  " WHERE u.status <> 'retired') "

static const char *scope_names[] = { "mall", "floor", "category", "tenant" };
static const char *scope_columns[] = { "0", "floor_id", "category_id", "tenant_id" };

gboolean
plaza_target_basis_parse (const char       *text,
                          PlazaTargetBasis *basis)
{
  if (g_strcmp0 (text, "last_year_share") == 0)
    *basis = PLAZA_TARGET_BASIS_LAST_YEAR_SHARE;
  else if (g_strcmp0 (text, "area") == 0)
    *basis = PLAZA_TARGET_BASIS_AREA;
  else
    return FALSE;
  return TRUE;
}

gboolean
plaza_target_scope_parse (const char       *text,
                          PlazaTargetScope *scope)
{
  for (guint i = 0; i < G_N_ELEMENTS (scope_names); i++)
    if (g_strcmp0 (text, scope_names[i]) == 0)
      {
        *scope = (PlazaTargetScope) i;
        return TRUE;
      }
  return FALSE;
}

const char *
plaza_target_scope_to_string (PlazaTargetScope scope)
{
  g_return_val_if_fail ((guint) scope < G_N_ELEMENTS (scope_names), NULL);
  return scope_names[scope];
}

typedef struct
{
  guint  index;
  gint64 remainder;
} Remainder;

static int
compare_remainders (const void *a,
                    const void *b)
{
  const Remainder *ra = a;
  const Remainder *rb = b;

  if (ra->remainder != rb->remainder)
    return ra->remainder > rb->remainder ? -1 : 1;
  return ra->index < rb->index ? -1 : ra->index > rb->index;
}

void
plaza_targets_split (gint64        total,
                     const gint64 *weights,
                     guint         n,
                     gint64       *out)
{
  guint64 sum = 0;
  gint64 given = 0;
  g_autofree Remainder *rem = NULL;

  g_return_if_fail (total >= 0);
  if (n == 0)
    return;
  /* Weights are sums of fen or areas: their total stays far below 2^63. */
  for (guint i = 0; i < n; i++)
    sum += (guint64) MAX (weights[i], 0);
  rem = g_new0 (Remainder, n);
  for (guint i = 0; i < n; i++)
    {
      guint64 w = sum == 0 ? 1 : (guint64) MAX (weights[i], 0);
      guint64 d = sum == 0 ? n : sum;
      unsigned __int128 p = (unsigned __int128) (guint64) total * w;

      out[i] = (gint64) (p / d);
      /* The divisor is the same for every child: compare the remainders. */
      rem[i].index = i;
      rem[i].remainder = (gint64) (p % d);
      given += out[i];
    }
  qsort (rem, n, sizeof *rem, compare_remainders);
  /* Fewer than n fen are left over: each goes to a different child. */
  for (guint k = 0; given < total && k < n; k++)
    {
      out[rem[k].index]++;
      given++;
    }
}

/* One scope's children (ids ascending) and their weights. */
typedef struct
{
  GArray *ids;      /* gint64 */
  GArray *weights;  /* gint64 */
} Weights;

static void
weights_clear (Weights *w)
{
  g_clear_pointer (&w->ids, g_array_unref);
  g_clear_pointer (&w->weights, g_array_unref);
}

/* Runs @sql (binding ?1, ?2) into @w: rows of (id, weight). An id 0 with
 * no weight is dropped. */
static gboolean
load_weights (PlazaStore *store,
              const char *sql,
              const char *from,
              const char *to,
              Weights    *w,
              GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  w->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  w->weights = g_array_new (FALSE, FALSE, sizeof (gint64));
  stmt = plaza_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 weight = sqlite3_column_int64 (stmt, 1);

      if (id == 0 && weight <= 0)
        continue;
      g_array_append_val (w->ids, id);
      g_array_append_val (w->weights, weight);
    }
  if (rc != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  return TRUE;
}

static gint64
weights_sum (const Weights *w)
{
  gint64 sum = 0;

  for (guint i = 0; i < w->weights->len; i++)
    sum += MAX (g_array_index (w->weights, gint64, i), 0);
  return sum;
}

typedef struct
{
  int              year;
  gint64           total;
  PlazaTargetBasis basis;
} BreakDown;

static gboolean
insert_target (PlazaStore *store,
               int         year,
               int         month,
               const char *scope,
               gint64      scope_id,
               gint64      amount,
               GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = plaza_store_prepare (store,
                              "INSERT INTO targets (year, month, scope, scope_id, amount)"
                              " VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_int (stmt, 2, month);
  sqlite3_bind_text (stmt, 3, scope, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, scope_id);
  sqlite3_bind_int64 (stmt, 5, amount);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  return TRUE;
}

/* Splits the annual target over the children of @scope and inserts them. */
static gboolean
write_scope (PlazaStore      *store,
             const BreakDown *b,
             PlazaTargetScope scope,
             GError         **error)
{
  g_autofree char *ly_from = g_strdup_printf ("%04d-01", b->year - 1);
  g_autofree char *ly_to = g_strdup_printf ("%04d-12", b->year - 1);
  g_autofree char *y_from = g_strdup_printf ("%04d-01-01", b->year);
  g_autofree char *y_to = g_strdup_printf ("%04d-12-31", b->year);
  g_autofree char *sales_sql = NULL;
  g_autofree char *area_sql = NULL;
  g_autofree gint64 *parts = NULL;
  Weights w = { NULL, NULL };
  const char *col = scope_columns[scope];
  gboolean ok = FALSE;

  /* Every floor and category appears, even with no weight. */
  if (scope == PLAZA_TARGET_SCOPE_FLOOR || scope == PLAZA_TARGET_SCOPE_CATEGORY)
    {
      const char *table = scope == PLAZA_TARGET_SCOPE_FLOOR ? "floors" : "categories";

      sales_sql = g_strdup_printf (SALES_CTE
                                   "SELECT id, SUM (w) FROM (SELECT %s AS id, amount AS w FROM s"
                                   " UNION ALL SELECT id, 0 FROM %s) GROUP BY id ORDER BY id",
                                   col, table);
      area_sql = g_strdup_printf (AREA_CTE
                                  "SELECT id, SUM (w) FROM (SELECT %s AS id, amount AS w FROM a"
                                  " UNION ALL SELECT id, 0 FROM %s) GROUP BY id ORDER BY id",
                                  col, table);
    }
  else
    {
      sales_sql = g_strdup_printf (SALES_CTE "SELECT %s, SUM (amount) FROM s GROUP BY 1 ORDER BY 1", col);
      area_sql = g_strdup_printf (AREA_CTE "SELECT %s, SUM (amount) FROM a GROUP BY 1 ORDER BY 1", col);
    }

  if (b->basis == PLAZA_TARGET_BASIS_LAST_YEAR_SHARE)
    {
      if (!load_weights (store, sales_sql, ly_from, ly_to, &w, error))
        goto out;
      if (weights_sum (&w) == 0)
        weights_clear (&w);
    }
  if (w.ids == NULL && !load_weights (store, area_sql, y_from, y_to, &w, error))
    goto out;
  if (w.ids->len == 0)
    {
      /* Nothing to split over: all of it is unassigned. */
      gint64 zero = 0;

      g_array_append_val (w.ids, zero);
      g_array_append_val (w.weights, zero);
    }

  parts = g_new0 (gint64, w.ids->len);
  plaza_targets_split (b->total, (const gint64 *) (gpointer) w.weights->data, w.ids->len, parts);
  for (guint i = 0; i < w.ids->len; i++)
    if (!insert_target (store, b->year, 0, scope_names[scope],
                        g_array_index (w.ids, gint64, i), parts[i], error))
      goto out;
  ok = TRUE;
out:
  weights_clear (&w);
  return ok;
}

static gboolean
break_down_in_write (PlazaStore *store,
                     gpointer    user_data,
                     GError    **error)
{
  const BreakDown *b = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *ly_from = g_strdup_printf ("%04d-01", b->year - 1);
  g_autofree char *ly_to = g_strdup_printf ("%04d-12", b->year - 1);
  g_autofree char *summary = NULL;
  gint64 month_weights[12] = { 0 };
  gint64 month_parts[12];
  int rc;

  stmt = plaza_store_prepare (store, "DELETE FROM targets WHERE year = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, b->year);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!insert_target (store, b->year, 0, "mall", 0, b->total, error))
    return FALSE;

  /* Months: always by last year's monthly sales (equal when none). */
  stmt = plaza_store_prepare (store, SALES_CTE "SELECT m, SUM (amount) FROM s GROUP BY m", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, ly_from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, ly_to, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int m = sqlite3_column_int (stmt, 0);

      if (m >= 1 && m <= 12)
        month_weights[m - 1] = MAX (sqlite3_column_int64 (stmt, 1), 0);
    }
  if (rc != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  plaza_targets_split (b->total, month_weights, 12, month_parts);
  for (int m = 1; m <= 12; m++)
    if (!insert_target (store, b->year, m, "mall", 0, month_parts[m - 1], error))
      return FALSE;

  if (!write_scope (store, b, PLAZA_TARGET_SCOPE_FLOOR, error)
      || !write_scope (store, b, PLAZA_TARGET_SCOPE_CATEGORY, error)
      || !write_scope (store, b, PLAZA_TARGET_SCOPE_TENANT, error))
    return FALSE;

  summary = g_strdup_printf (_("Targets for %d broken down from %lld fen by %s"),
                             b->year, (long long) b->total,
                             b->basis == PLAZA_TARGET_BASIS_AREA ? "area" : "last_year_share");
  return plaza_store_log_change (store, "targets", b->year, "break_down", summary, error);
}

gboolean
plaza_targets_break_down (PlazaStore       *store,
                          int               year,
                          gint64            mall_annual_fen,
                          PlazaTargetBasis  basis,
                          GError          **error)
{
  BreakDown b = { year, mall_annual_fen, basis };

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);
  if (year < 1900 || year > 9999)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID, _("Year out of range: %d"), year);
      return FALSE;
    }
  if (mall_annual_fen < 0)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID, _("A target cannot be negative"));
      return FALSE;
    }
  if (basis != PLAZA_TARGET_BASIS_LAST_YEAR_SHARE && basis != PLAZA_TARGET_BASIS_AREA)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID, _("Unknown target basis"));
      return FALSE;
    }
  return plaza_store_write (store, break_down_in_write, &b, error);
}

typedef struct
{
  gint64 id;
  gint64 rev;
  gint64 amount;
} SetTarget;

static gboolean
set_in_write (PlazaStore *store,
              gpointer    user_data,
              GError    **error)
{
  const SetTarget *s = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *summary = NULL;
  gint64 current;
  int rc;

  stmt = plaza_store_prepare (store, "SELECT rev FROM targets WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, s->id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND,
                   _("No target %lld"), (long long) s->id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return plaza_store_set_sqlite_error (store, error);
  current = sqlite3_column_int64 (stmt, 0);
  if (current != s->rev)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_CONFLICT,
                   _("Target %lld was changed by someone else; reload it"), (long long) s->id);
      return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = plaza_store_prepare (store, "UPDATE targets SET amount = ?, rev = rev + 1 WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, s->amount);
  sqlite3_bind_int64 (stmt, 2, s->id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  summary = g_strdup_printf (_("Target set to %lld fen"), (long long) s->amount);
  return plaza_store_log_change (store, "targets", s->id, "update", summary, error);
}

gboolean
plaza_targets_set (PlazaStore *store,
                   gint64      id,
                   gint64      rev,
                   gint64      amount,
                   GError    **error)
{
  SetTarget s = { id, rev, amount };

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);
  if (amount < 0)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID, _("A target cannot be negative"));
      return FALSE;
    }
  return plaza_store_write (store, set_in_write, &s, error);
}

/* The amount of one target row; *found FALSE when there is none. */
static gboolean
lookup_target (PlazaStore *store,
               int         year,
               int         month,
               const char *scope,
               gint64      scope_id,
               gint64     *amount,
               gboolean   *found,
               GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = plaza_store_prepare (store,
                              "SELECT amount FROM targets WHERE year = ? AND month = ? AND scope = ? AND scope_id = ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_int (stmt, 2, month);
  sqlite3_bind_text (stmt, 3, scope, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, scope_id);
  rc = sqlite3_step (stmt);
  *found = rc == SQLITE_ROW;
  *amount = *found ? sqlite3_column_int64 (stmt, 0) : 0;
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  return TRUE;
}

gboolean
plaza_targets_achievement (PlazaStore             *store,
                           int                     year,
                           int                     month,
                           PlazaTargetScope        scope,
                           gint64                  scope_id,
                           PlazaTargetAchievement *out,
                           GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  const char *name;
  gboolean found;

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  if (month < 0 || month > 12 || (guint) scope >= G_N_ELEMENTS (scope_names))
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID, _("Month or scope out of range"));
      return FALSE;
    }
  memset (out, 0, sizeof *out);
  name = scope_names[scope];
  if (scope == PLAZA_TARGET_SCOPE_MALL)
    scope_id = 0;

  if (!lookup_target (store, year, month, name, scope_id, &out->target, &found, error))
    return FALSE;
  if (!found && month != 0)
    {
      gint64 annual, mall_month, mall_annual;
      gboolean f1, f2, f3;

      if (!lookup_target (store, year, 0, name, scope_id, &annual, &f1, error)
          || !lookup_target (store, year, month, "mall", 0, &mall_month, &f2, error)
          || !lookup_target (store, year, 0, "mall", 0, &mall_annual, &f3, error))
        return FALSE;
      if (f1 && f2 && f3 && mall_annual > 0)
        {
          out->target = (gint64) ((unsigned __int128) (guint64) annual * (guint64) mall_month
                                  / (guint64) mall_annual);
          found = TRUE;
        }
    }
  out->has_target = found;

  if (month == 0)
    {
      from = g_strdup_printf ("%04d-01", year);
      to = g_strdup_printf ("%04d-12", year);
    }
  else
    {
      from = g_strdup_printf ("%04d-%02d", year, month);
      to = g_strdup (from);
    }
  sql = g_strdup_printf (SALES_CTE "SELECT COALESCE (SUM (amount), 0) FROM s WHERE %s = ?3",
                         scope_columns[scope]);
  stmt = plaza_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, scope_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return plaza_store_set_sqlite_error (store, error);
  out->actual = sqlite3_column_int64 (stmt, 0);

  out->has_rate = found && out->target > 0;
  if (out->has_rate)
    out->rate_bp = (gint64) ((__int128) out->actual * 10000 / out->target);
  return TRUE;
}
