/* plaza-kpi.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The measures of issue 4, computed with integers only:
 *
 * - sales: the sum of sales_monthly over the range (never sales_daily), fen.
 * - sales_per_m2 (坪效, 元/㎡/月): the range's sales ÷ the rentable area of the
 *   group's units that reported sales in the range ÷ the number of months,
 *   in fen per m², rounded half up.
 * - sales_per_m2_year (元/㎡/年): the same × 12, computed exactly from the
 *   sums and rounded once (not the rounded monthly figure × 12).
 * - rent_to_sales (租售比): rent ÷ sales in basis points. Rent is the rent and
 *   percentage_rent lines of the issued bills of those months. Today bills
 *   are the demo's or hand-entered; the billing issue will make bills the
 *   rent engine's output, and this measure follows without change. A bill's
 *   rent is spread over its contract's units in proportion to their
 *   contract area (the remainder fen to the lowest unit id).
 * - occupancy (出租率): the rentable area of the units under a contract in
 *   force on the last day of to_month ÷ the rentable area of the units not
 *   retired, in basis points; by mall and floor only.
 *
 * Sales and rent of a unit go to the tenant of the contract that covered the
 * unit in that month (the latest starting one), and to the category of that
 * contract's brand, else its tenant's, else the unit's planned category.
 * Rows without a tenant or category are left out of those groupings.
 *
 * A filter (plaza_kpi_compute_filtered) keeps the sales_monthly and bill
 * rows whose unit, or whose attribution to tenant and category, matches;
 * a bill's rent is still spread over all its contract's units, and only
 * the shares of the kept units count.
 *
 * Growth of sales, in basis points, rounded half away from zero: month on
 * month against the same number of months just before from_month (for one
 * month: the month before), year on year against the same months a year
 * earlier. NULL (has_* FALSE) when the base is 0 or there is none.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plaza-kpi-private.h"

#define IN_FORCE PLAZA_KPI_IN_FORCE
#define JOINS PLAZA_KPI_JOINS

static const char * const metric_names[] = { "sales", "sales_per_m2", "rent_to_sales", "occupancy",
                                             "sales_per_m2_year", NULL };
static const char * const group_names[] = { "mall", "floor", "category", "tenant", "unit", NULL };
static const char * const key_exprs[] = { "p.code", "f.label", "cat.name", "t.code", "u.code" };
static const char * const label_exprs[] = { "p.name", "f.label", "cat.name", "t.name", "u.code" };

typedef struct
{
  char       *key;
  char       *label;
  gboolean    in_range;   /* has sales or rent in the range */
  gint64      sales;
  gint64      mom_base;
  gint64      yoy_base;
  gint64      rent;
  gint64      area;       /* rentable area of the units with sales in the range */
  GHashTable *units;
  gint64      rentable;
  gint64      leased;
} Acc;

static void
acc_free (gpointer data)
{
  Acc *acc = data;

  g_free (acc->key);
  g_free (acc->label);
  if (acc->units != NULL)
    g_hash_table_unref (acc->units);
  g_free (acc);
}

void
plaza_kpi_row_free (PlazaKpiRow *row)
{
  if (row == NULL)
    return;
  g_free (row->key);
  g_free (row->label);
  g_free (row);
}

static gboolean
parse_name (const char * const *names,
            const char          *text,
            int                 *out)
{
  for (int i = 0; text != NULL && names[i] != NULL; i++)
    if (g_str_equal (names[i], text))
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

gboolean
plaza_kpi_metric_parse (const char     *text,
                        PlazaKpiMetric *metric)
{
  int i;

  if (!parse_name (metric_names, text, &i))
    return FALSE;
  *metric = (PlazaKpiMetric) i;
  return TRUE;
}

gboolean
plaza_kpi_group_parse (const char    *text,
                       PlazaKpiGroup *group)
{
  int i;

  if (!parse_name (group_names, text, &i))
    return FALSE;
  *group = (PlazaKpiGroup) i;
  return TRUE;
}

const char *
plaza_kpi_key_expr (PlazaKpiGroup by)
{
  return key_exprs[by];
}

const char *
plaza_kpi_label_expr (PlazaKpiGroup by)
{
  return label_exprs[by];
}

gboolean
plaza_kpi_needs_contract (PlazaKpiGroup by)
{
  return by == PLAZA_KPI_BY_TENANT || by == PLAZA_KPI_BY_CATEGORY;
}

gboolean
plaza_kpi_is_filtered (PlazaKpiGroup  filter_by,
                       const char    *filter_key)
{
  return filter_by != PLAZA_KPI_BY_MALL || filter_key != NULL;
}

gboolean
plaza_kpi_month_parse (const char *text,
                       int        *index)
{
  int year, month;

  if (text == NULL || strlen (text) != 7 || text[4] != '-')
    return FALSE;
  for (int i = 0; i < 7; i++)
    if (i != 4 && !g_ascii_isdigit (text[i]))
      return FALSE;
  year = atoi (text);
  month = atoi (text + 5);
  if (year < 1900 || month < 1 || month > 12)
    return FALSE;
  *index = year * 12 + month - 1;
  return TRUE;
}

void
plaza_kpi_month_format (int   index,
                        char  buf[8])
{
  g_snprintf (buf, 8, "%04d-%02d", index / 12, index % 12 + 1);
}

gint64
plaza_kpi_div_round (gint64 num,
                     gint64 den)
{
  gint64 q, r;

  if (den < 0)
    {
      num = -num;
      den = -den;
    }
  q = num / den;
  r = num % den;
  if (r < 0)
    r = -r;
  if (2 * r >= den)
    q += num < 0 ? -1 : 1;
  return q;
}

static Acc *
acc_get (GHashTable *accs,
         const char *key,
         const char *label)
{
  Acc *acc;

  if (key == NULL)
    return NULL;
  acc = g_hash_table_lookup (accs, key);
  if (acc == NULL)
    {
      acc = g_new0 (Acc, 1);
      acc->key = g_strdup (key);
      acc->label = g_strdup (label != NULL ? label : "");
      acc->units = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      g_hash_table_insert (accs, acc->key, acc);
    }
  return acc;
}

static Acc *
acc_lookup (GHashTable   *accs,
            sqlite3_stmt *stmt)
{
  return acc_get (accs, (const char *) sqlite3_column_text (stmt, 0),
                  (const char *) sqlite3_column_text (stmt, 1));
}

static gboolean
step_error (PlazaStore *store,
            int         rc,
            GError    **error)
{
  if (rc == SQLITE_DONE)
    return TRUE;
  return plaza_store_set_sqlite_error (store, error);
}

/* " WHERE expr = ?3" for a filter, else "". */
static char *
filter_clause (const char    *verb,
               PlazaKpiGroup  filter_by,
               const char    *filter_key)
{
  if (!plaza_kpi_is_filtered (filter_by, filter_key))
    return g_strdup ("");
  return g_strdup_printf (" %s %s = ?3", verb, key_exprs[filter_by]);
}

static void
bind_filter (sqlite3_stmt  *stmt,
             PlazaKpiGroup  filter_by,
             const char    *filter_key)
{
  if (plaza_kpi_is_filtered (filter_by, filter_key))
    sqlite3_bind_text (stmt, 3, filter_key != NULL ? filter_key : "", -1, SQLITE_TRANSIENT);
}

static gboolean
collect_sales (PlazaStore    *store,
               PlazaKpiGroup  by,
               PlazaKpiGroup  filter_by,
               const char    *filter_key,
               int            from,
               int            to,
               gboolean       growth,
               GHashTable    *accs,
               GError       **error)
{
  g_autofree char *where = filter_clause ("WHERE", filter_by, filter_key);
  int n = to - from + 1;
  /* the growth bases need the months before and a year earlier */
  int first = growth ? MIN (from - n, from - 12) : from;
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(PlazaKpiAttribution) attribution = NULL;
  char first_text[8], to_text[8];
  int rc;

  /* The covering contract only matters to tenant and category; it is
   * looked up in memory (plaza-kpi-attribution.c), the same rule as
   * COVERING_CONTRACT. Columns: key, label, month, unit, area, amount. */
  if (plaza_kpi_needs_contract (by) || plaza_kpi_needs_contract (filter_by))
    {
      attribution = plaza_kpi_attribution_new (store, by, filter_by, filter_key, error);
      if (attribution == NULL)
        return FALSE;
      sql = g_strdup ("SELECT NULL, NULL, sm.month, sm.unit_id, u.rentable_area, sm.amount"
                      " FROM sales_monthly sm JOIN units u ON u.id = sm.unit_id"
                      " WHERE sm.month BETWEEN ?1 AND ?2");
    }
  else
    sql = g_strdup_printf ("SELECT %s, %s, x.month, x.unit_id, u.rentable_area, x.amount FROM"
                           " (SELECT sm.unit_id AS unit_id, sm.month AS month, sm.amount AS amount, NULL AS contract_id"
                           "  FROM sales_monthly sm WHERE sm.month BETWEEN ?1 AND ?2) x"
                           JOINS "%s",
                           key_exprs[by], label_exprs[by], where);
  stmt = plaza_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  plaza_kpi_month_format (first, first_text);
  plaza_kpi_month_format (to, to_text);
  sqlite3_bind_text (stmt, 1, first_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to_text, -1, SQLITE_TRANSIENT);
  if (attribution == NULL)
    bind_filter (stmt, filter_by, filter_key);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Acc *acc = NULL;
      int month;
      gint64 amount = sqlite3_column_int64 (stmt, 5);

      if (attribution == NULL)
        acc = acc_lookup (accs, stmt);
      else
        {
          const char *key, *label;

          if (plaza_kpi_attribution_lookup (attribution, sqlite3_column_int64 (stmt, 3),
                                            (const char *) sqlite3_column_text (stmt, 2), &key, &label))
            acc = acc_get (accs, key, label);
        }
      if (acc == NULL || !plaza_kpi_month_parse ((const char *) sqlite3_column_text (stmt, 2), &month))
        continue;
      if (month >= from && month <= to)
        {
          gint64 unit_id = sqlite3_column_int64 (stmt, 3);

          acc->in_range = TRUE;
          acc->sales += amount;
          if (!g_hash_table_contains (acc->units, &unit_id))
            {
              gint64 *id = g_new (gint64, 1);

              *id = unit_id;
              g_hash_table_add (acc->units, id);
              acc->area += sqlite3_column_int64 (stmt, 4);
            }
        }
      if (month >= from - n && month < from)
        acc->mom_base += amount;
      if (month >= from - 12 && month <= to - 12)
        acc->yoy_base += amount;
    }
  return step_error (store, rc, error);
}

typedef struct
{
  Acc    *acc;
  gint64  area;
} Share;

static void
spread_line (GArray *shares,
             gint64  amount)
{
  gint64 total = 0, given = 0;

  for (guint i = 0; i < shares->len; i++)
    total += g_array_index (shares, Share, i).area;
  for (guint i = 0; i < shares->len && total > 0; i++)
    {
      Share *s = &g_array_index (shares, Share, i);
      gint64 part = amount * s->area / total;

      given += part;
      if (s->acc != NULL)
        {
          s->acc->rent += part;
          s->acc->in_range = TRUE;
        }
    }
  if (shares->len > 0 && total > 0 && g_array_index (shares, Share, 0).acc != NULL)
    g_array_index (shares, Share, 0).acc->rent += amount - given;
  g_array_set_size (shares, 0);
}

static gboolean
collect_rent (PlazaStore    *store,
              PlazaKpiGroup  by,
              PlazaKpiGroup  filter_by,
              const char    *filter_key,
              int            from,
              int            to,
              GHashTable    *accs,
              GError       **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) shares = g_array_new (FALSE, FALSE, sizeof (Share));
  g_autofree char *keep = plaza_kpi_is_filtered (filter_by, filter_key)
                          ? g_strdup_printf ("COALESCE (%s = ?3, 0)", key_exprs[filter_by]) : g_strdup ("1");
  char from_text[8], to_text[8];
  gint64 line = -1, amount = 0;
  int rc;

  /* every share of a line is read so the spread is the same; a share
   * outside the filter goes to no group */
  sql = g_strdup_printf ("SELECT %s, %s, x.line_id, x.amount, x.share_area, %s FROM"
                         " (SELECT bl.id AS line_id, bl.amount AS amount, b.contract_id AS contract_id,"
                         "    cu.unit_id AS unit_id, cu.area AS share_area"
                         "  FROM bill_lines bl JOIN bills b ON b.id = bl.bill_id"
                         "  JOIN contract_units cu ON cu.contract_id = b.contract_id"
                         "  WHERE b.state = 'issued' AND bl.kind IN ('rent', 'percentage_rent')"
                         "    AND b.month BETWEEN ?1 AND ?2) x"
                         JOINS
                         " ORDER BY x.line_id, x.unit_id",
                         key_exprs[by], label_exprs[by],
                         keep);
  stmt = plaza_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  plaza_kpi_month_format (from, from_text);
  plaza_kpi_month_format (to, to_text);
  sqlite3_bind_text (stmt, 1, from_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to_text, -1, SQLITE_TRANSIENT);
  bind_filter (stmt, filter_by, filter_key);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Share share;

      if (sqlite3_column_int64 (stmt, 2) != line)
        {
          spread_line (shares, amount);
          line = sqlite3_column_int64 (stmt, 2);
          amount = sqlite3_column_int64 (stmt, 3);
        }
      share.acc = sqlite3_column_int (stmt, 5) != 0 ? acc_lookup (accs, stmt) : NULL;
      share.area = sqlite3_column_int64 (stmt, 4);
      g_array_append_val (shares, share);
    }
  spread_line (shares, amount);
  return step_error (store, rc, error);
}

static gboolean
collect_occupancy (PlazaStore    *store,
                   PlazaKpiGroup  by,
                   PlazaKpiGroup  filter_by,
                   const char    *filter_key,
                   int            to,
                   GHashTable    *accs,
                   GError       **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *day = NULL;
  g_autofree char *where = filter_clause ("AND", filter_by, filter_key);
  int rc;

  day = g_strdup_printf ("%04d-%02d-%02d", to / 12, to % 12 + 1,
                         g_date_get_days_in_month ((GDateMonth) (to % 12 + 1), (GDateYear) (to / 12)));
  sql = g_strdup_printf ("SELECT %s, %s, SUM (u.rentable_area),"
                         "  SUM (CASE WHEN EXISTS (SELECT 1 FROM contract_units cu"
                         "    JOIN contracts c ON c.id = cu.contract_id"
                         "    WHERE cu.unit_id = u.id AND c.state IN " IN_FORCE
                         "      AND c.start_date <= ?1 AND COALESCE (c.terminated_on, c.end_date) >= ?1)"
                         "  THEN u.rentable_area ELSE 0 END)"
                         " FROM units u JOIN floors f ON f.id = u.floor_id JOIN projects p ON p.id = f.project_id"
                         " WHERE u.status <> 'retired'%s GROUP BY 1, 2",
                         key_exprs[by], label_exprs[by], where);
  stmt = plaza_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);
  bind_filter (stmt, filter_by, filter_key);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Acc *acc = acc_lookup (accs, stmt);

      if (acc == NULL)
        continue;
      acc->in_range = TRUE;
      acc->rentable += sqlite3_column_int64 (stmt, 2);
      acc->leased += sqlite3_column_int64 (stmt, 3);
    }
  return step_error (store, rc, error);
}

static int
row_compare (gconstpointer a,
             gconstpointer b)
{
  const PlazaKpiRow *ra = *(PlazaKpiRow * const *) a;
  const PlazaKpiRow *rb = *(PlazaKpiRow * const *) b;

  return strcmp (ra->key, rb->key);
}


gboolean
plaza_kpi_check_arguments (PlazaKpiMetric   metric,
                           PlazaKpiGroup    by,
                           PlazaKpiGroup    filter_by,
                           const char      *filter_key,
                           const char      *from_month,
                           const char      *to_month,
                           int             *from,
                           int             *to,
                           GError         **error)
{
  if ((int) metric < 0 || metric > PLAZA_KPI_SALES_PER_M2_YEAR)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID, _("Unknown measure"));
      return FALSE;
    }
  if ((int) by < 0 || by > PLAZA_KPI_BY_UNIT || (int) filter_by < 0 || filter_by > PLAZA_KPI_BY_UNIT)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID, _("Unknown grouping"));
      return FALSE;
    }
  if (filter_by != PLAZA_KPI_BY_MALL && (filter_key == NULL || *filter_key == '\0'))
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                   _("The filter needs a floor, category, tenant or unit"));
      return FALSE;
    }
  if (!plaza_kpi_month_parse (from_month, from))
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                   _("From: “%s” is not a month like 2026-11"), from_month != NULL ? from_month : "");
      return FALSE;
    }
  if (!plaza_kpi_month_parse (to_month, to))
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                   _("To: “%s” is not a month like 2026-11"), to_month != NULL ? to_month : "");
      return FALSE;
    }
  if (*to < *from)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                   _("The range ends (%s) before it starts (%s)"), to_month, from_month);
      return FALSE;
    }
  if (metric == PLAZA_KPI_OCCUPANCY && by != PLAZA_KPI_BY_MALL && by != PLAZA_KPI_BY_FLOOR)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                   _("Occupancy is by mall or by floor only"));
      return FALSE;
    }
  if (metric == PLAZA_KPI_OCCUPANCY && plaza_kpi_needs_contract (filter_by))
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                   _("Occupancy can be narrowed to a floor or a unit only"));
      return FALSE;
    }
  return TRUE;
}

gboolean
plaza_kpi_compute (PlazaStore      *store,
                   PlazaKpiMetric   metric,
                   PlazaKpiGroup    by,
                   const char      *from_month,
                   const char      *to_month,
                   GPtrArray      **rows,
                   GError         **error)
{
  return plaza_kpi_compute_filtered (store, metric, by, PLAZA_KPI_BY_MALL, NULL,
                                     from_month, to_month, rows, error);
}

gboolean
plaza_kpi_compute_filtered (PlazaStore      *store,
                            PlazaKpiMetric   metric,
                            PlazaKpiGroup    by,
                            PlazaKpiGroup    filter_by,
                            const char      *filter_key,
                            const char      *from_month,
                            const char      *to_month,
                            GPtrArray      **rows,
                            GError         **error)
{
  return plaza_kpi_compute_values (store, metric, by, filter_by, filter_key, from_month, to_month,
                                   TRUE, rows, error);
}

gboolean
plaza_kpi_compute_values (PlazaStore      *store,
                          PlazaKpiMetric   metric,
                          PlazaKpiGroup    by,
                          PlazaKpiGroup    filter_by,
                          const char      *filter_key,
                          const char      *from_month,
                          const char      *to_month,
                          gboolean         growth,
                          GPtrArray      **rows,
                          GError         **error)
{
  g_autoptr(GHashTable) accs = NULL;
  g_autoptr(GPtrArray) result = NULL;
  GHashTableIter iter;
  gpointer value;
  int from, to, n;
  gboolean ok = TRUE;

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);
  g_return_val_if_fail (rows != NULL, FALSE);

  if (!plaza_kpi_check_arguments (metric, by, filter_by, filter_key, from_month, to_month,
                                  &from, &to, error))
    return FALSE;
  n = to - from + 1;

  accs = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, acc_free);
  if (metric == PLAZA_KPI_OCCUPANCY)
    ok = collect_occupancy (store, by, filter_by, filter_key, to, accs, error);
  if (ok)
    ok = collect_sales (store, by, filter_by, filter_key, from, to, growth, accs, error);
  if (ok && metric == PLAZA_KPI_RENT_TO_SALES)
    ok = collect_rent (store, by, filter_by, filter_key, from, to, accs, error);

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) plaza_kpi_row_free);
  g_hash_table_iter_init (&iter, accs);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Acc *acc = value;
      PlazaKpiRow *row;

      if (!ok || !acc->in_range || (metric == PLAZA_KPI_OCCUPANCY && acc->rentable == 0))
        continue;
      row = g_new0 (PlazaKpiRow, 1);
      row->key = g_strdup (acc->key);
      row->label = g_strdup (acc->label);
      row->sales = acc->sales;
      switch (metric)
        {
        case PLAZA_KPI_SALES:
          row->value = acc->sales;
          row->has_value = TRUE;
          break;
        case PLAZA_KPI_SALES_PER_M2:
        case PLAZA_KPI_SALES_PER_M2_YEAR:
          row->has_value = acc->area > 0;
          if (row->has_value)
            row->value = plaza_kpi_div_round (acc->sales * 100 * (metric == PLAZA_KPI_SALES_PER_M2 ? 1 : 12),
                                              acc->area * n);
          break;
        case PLAZA_KPI_RENT_TO_SALES:
          row->has_value = acc->sales != 0;
          if (row->has_value)
            row->value = plaza_kpi_div_round (acc->rent * 10000, acc->sales);
          break;
        case PLAZA_KPI_OCCUPANCY:
        default:
          row->has_value = TRUE;
          row->value = plaza_kpi_div_round (acc->leased * 10000, acc->rentable);
          break;
        }
      row->has_mom = acc->mom_base != 0;
      if (row->has_mom)
        row->mom_bp = plaza_kpi_div_round ((acc->sales - acc->mom_base) * 10000, acc->mom_base);
      row->has_yoy = acc->yoy_base != 0;
      if (row->has_yoy)
        row->yoy_bp = plaza_kpi_div_round ((acc->sales - acc->yoy_base) * 10000, acc->yoy_base);
      g_ptr_array_add (result, row);
    }
  if (!ok)
    return FALSE;
  g_ptr_array_sort (result, row_compare);
  *rows = g_steal_pointer (&result);
  return TRUE;
}
