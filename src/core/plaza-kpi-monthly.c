/* plaza-kpi-monthly.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * plaza_kpi_compute_monthly: a measure month by month for one scope (the
 * whole mall, a floor, a category, a tenant or a unit), for trends. Each
 * month follows the rules of plaza-kpi.c for a one-month range: sales are
 * the month's sales_monthly rows attributed through the covering contract,
 * 坪效 divides by the rentable area of the units that reported that month,
 * rent is spread over a bill's contract units by contract area with the
 * remainder fen to the lowest unit id, occupancy is at the month's last
 * day. All months come from one query per ingredient, not one per month.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <string.h>

#include "plaza-kpi-private.h"

typedef struct
{
  gint64   sales;
  gint64   area;
  gint64   rent;
  gint64   rentable;
  gint64   leased;
  gboolean reported;
} Month;

static char *
where_clause (const char    *verb,
              PlazaKpiGroup  filter_by,
              const char    *filter_key)
{
  if (!plaza_kpi_is_filtered (filter_by, filter_key))
    return g_strdup ("");
  return g_strdup_printf (" %s %s = ?3", verb, plaza_kpi_key_expr (filter_by));
}

static void
bind_range (sqlite3_stmt  *stmt,
            int            first,
            int            last,
            PlazaKpiGroup  filter_by,
            const char    *filter_key)
{
  char text[8];

  plaza_kpi_month_format (first, text);
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  plaza_kpi_month_format (last, text);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
  if (plaza_kpi_is_filtered (filter_by, filter_key))
    sqlite3_bind_text (stmt, 3, filter_key != NULL ? filter_key : "", -1, SQLITE_TRANSIENT);
}

static gboolean
monthly_sales (PlazaStore    *store,
               PlazaKpiGroup  filter_by,
               const char    *filter_key,
               int            first,
               Month         *months,
               int            n,
               GError       **error)
{
  g_autofree char *where = where_clause ("WHERE", filter_by, filter_key);
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(PlazaKpiAttribution) attribution = NULL;
  int rc;

  /* a tenant or category filter: the covering contract in memory, one
   * row per unit and month; otherwise SQL sums by month */
  if (plaza_kpi_needs_contract (filter_by))
    {
      attribution = plaza_kpi_attribution_new (store, PLAZA_KPI_BY_MALL, filter_by, filter_key, error);
      if (attribution == NULL)
        return FALSE;
      sql = g_strdup ("SELECT sm.month, sm.amount, u.rentable_area, sm.unit_id"
                      " FROM sales_monthly sm JOIN units u ON u.id = sm.unit_id"
                      " WHERE sm.month BETWEEN ?1 AND ?2");
    }
  else
    sql = g_strdup_printf ("SELECT x.month, SUM (x.amount), SUM (u.rentable_area), NULL FROM"
                           " (SELECT sm.unit_id AS unit_id, sm.month AS month, sm.amount AS amount, NULL AS contract_id"
                           "  FROM sales_monthly sm WHERE sm.month BETWEEN ?1 AND ?2) x"
                           PLAZA_KPI_JOINS "%s GROUP BY x.month",
                           where);
  stmt = plaza_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  bind_range (stmt, first, first + n - 1, attribution == NULL ? filter_by : PLAZA_KPI_BY_MALL,
              attribution == NULL ? filter_key : NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 0);
      const char *key, *label;
      int month;

      if (!plaza_kpi_month_parse (text, &month) || month < first || month >= first + n)
        continue;
      if (attribution != NULL
          && !plaza_kpi_attribution_lookup (attribution, sqlite3_column_int64 (stmt, 3), text, &key, &label))
        continue;
      months[month - first].reported = TRUE;
      months[month - first].sales += sqlite3_column_int64 (stmt, 1);
      months[month - first].area += sqlite3_column_int64 (stmt, 2);
    }
  if (rc != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  return TRUE;
}

/* One bill line's shares: the kept area and whether the first (lowest
 * unit id) share is kept, which takes the remainder. */
static void
spread (Month    *month,
        gint64    amount,
        gint64    total,
        gint64    kept_parts,
        gboolean  first_kept,
        gint64    given)
{
  if (month == NULL || total <= 0)
    return;
  month->rent += kept_parts;
  if (first_kept)
    month->rent += amount - given;
}

static gboolean
monthly_rent (PlazaStore    *store,
              PlazaKpiGroup  filter_by,
              const char    *filter_key,
              int            first,
              Month         *months,
              int            n,
              GError       **error)
{
  g_autofree char *keep = plaza_kpi_is_filtered (filter_by, filter_key)
                          ? g_strdup_printf ("COALESCE (%s = ?3, 0)", plaza_kpi_key_expr (filter_by))
                          : g_strdup ("1");
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) areas = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) kept = g_array_new (FALSE, FALSE, sizeof (gboolean));
  gint64 line = -1, amount = 0;
  Month *month = NULL;
  int rc;

  sql = g_strdup_printf ("SELECT x.month, x.line_id, x.amount, x.share_area, %s FROM"
                         " (SELECT b.month AS month, bl.id AS line_id, bl.amount AS amount,"
                         "    b.contract_id AS contract_id, cu.unit_id AS unit_id, cu.area AS share_area"
                         "  FROM bill_lines bl JOIN bills b ON b.id = bl.bill_id"
                         "  JOIN contract_units cu ON cu.contract_id = b.contract_id"
                         "  WHERE b.state = 'issued' AND bl.kind IN ('rent', 'percentage_rent')"
                         "    AND b.month BETWEEN ?1 AND ?2) x"
                         PLAZA_KPI_JOINS
                         " ORDER BY x.line_id, x.unit_id",
                         keep);
  stmt = plaza_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  bind_range (stmt, first, first + n - 1, filter_by, filter_key);
  for (;;)
    {
      gboolean more = (rc = sqlite3_step (stmt)) == SQLITE_ROW;

      if (!more || sqlite3_column_int64 (stmt, 1) != line)
        {
          gint64 total = 0, given = 0, kept_parts = 0;

          for (guint i = 0; i < areas->len; i++)
            total += g_array_index (areas, gint64, i);
          for (guint i = 0; i < areas->len && total > 0; i++)
            {
              gint64 part = amount * g_array_index (areas, gint64, i) / total;

              given += part;
              if (g_array_index (kept, gboolean, i))
                kept_parts += part;
            }
          if (areas->len > 0)
            spread (month, amount, total, kept_parts, g_array_index (kept, gboolean, 0), given);
          g_array_set_size (areas, 0);
          g_array_set_size (kept, 0);
          if (!more)
            break;
          {
            int index;

            line = sqlite3_column_int64 (stmt, 1);
            amount = sqlite3_column_int64 (stmt, 2);
            month = plaza_kpi_month_parse ((const char *) sqlite3_column_text (stmt, 0), &index)
                    && index >= first && index < first + n ? &months[index - first] : NULL;
          }
        }
      {
        gint64 area = sqlite3_column_int64 (stmt, 3);
        gboolean keep_it = sqlite3_column_int (stmt, 4) != 0;

        g_array_append_val (areas, area);
        g_array_append_val (kept, keep_it);
      }
    }
  if (rc != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  return TRUE;
}

/* Units not retired in the scope with the contracts ever in force on them;
 * a unit is leased at a month's end when one of them covers that day. */
static gboolean
monthly_occupancy (PlazaStore    *store,
                   PlazaKpiGroup  filter_by,
                   const char    *filter_key,
                   int            first,
                   Month         *months,
                   int            n,
                   GError       **error)
{
  g_autofree char *where = where_clause ("AND", filter_by, filter_key);
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char **ends = g_new0 (char *, n + 1);
  g_autofree gboolean *leased = g_new0 (gboolean, n);
  gint64 unit = -1, area = 0;
  int rc;

  for (int i = 0; i < n; i++)
    {
      int index = first + i;

      ends[i] = g_strdup_printf ("%04d-%02d-%02d", index / 12, index % 12 + 1,
                                 g_date_get_days_in_month ((GDateMonth) (index % 12 + 1), (GDateYear) (index / 12)));
    }
  sql = g_strdup_printf ("SELECT u.id, u.rentable_area, c.start_date, COALESCE (c.terminated_on, c.end_date)"
                         " FROM units u JOIN floors f ON f.id = u.floor_id JOIN projects p ON p.id = f.project_id"
                         " LEFT JOIN contract_units cu ON cu.unit_id = u.id"
                         " LEFT JOIN contracts c ON c.id = cu.contract_id AND c.state IN " PLAZA_KPI_IN_FORCE
                         "   AND c.start_date <= ?2 || '-31'"
                         "   AND COALESCE (c.terminated_on, c.end_date) >= ?1 || '-01'"
                         " WHERE u.status <> 'retired'%s ORDER BY u.id",
                         where);
  stmt = plaza_store_prepare (store, sql, error);
  if (stmt == NULL)
    {
      g_strfreev (g_steal_pointer (&ends));
      return FALSE;
    }
  bind_range (stmt, first, first + n - 1, filter_by, filter_key);
  for (;;)
    {
      gboolean more = (rc = sqlite3_step (stmt)) == SQLITE_ROW;

      if (!more || sqlite3_column_int64 (stmt, 0) != unit)
        {
          for (int i = 0; unit >= 0 && i < n; i++)
            {
              months[i].rentable += area;
              if (leased[i])
                months[i].leased += area;
            }
          if (!more)
            break;
          unit = sqlite3_column_int64 (stmt, 0);
          area = sqlite3_column_int64 (stmt, 1);
          memset (leased, 0, sizeof (gboolean) * n);
        }
      if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        {
          const char *start = (const char *) sqlite3_column_text (stmt, 2);
          g_autofree char *start_copy = g_strdup (start);
          const char *end = (const char *) sqlite3_column_text (stmt, 3);

          for (int i = 0; i < n && end != NULL; i++)
            if (strcmp (start_copy, ends[i]) <= 0 && strcmp (end, ends[i]) >= 0)
              leased[i] = TRUE;
        }
    }
  g_strfreev (g_steal_pointer (&ends));
  if (rc != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  return TRUE;
}

gboolean
plaza_kpi_compute_monthly (PlazaStore      *store,
                           PlazaKpiMetric   metric,
                           PlazaKpiGroup    filter_by,
                           const char      *filter_key,
                           const char      *from_month,
                           const char      *to_month,
                           GPtrArray      **rows,
                           GError         **error)
{
  return plaza_kpi_compute_monthly_values (store, metric, filter_by, filter_key, from_month, to_month,
                                           TRUE, rows, error);
}

gboolean
plaza_kpi_compute_monthly_values (PlazaStore      *store,
                                  PlazaKpiMetric   metric,
                                  PlazaKpiGroup    filter_by,
                                  const char      *filter_key,
                                  const char      *from_month,
                                  const char      *to_month,
                                  gboolean         growth,
                                  GPtrArray      **rows,
                                  GError         **error)
{
  g_autoptr(GPtrArray) result = NULL;
  g_autofree Month *months = NULL;
  int from, to, first, n;

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);
  g_return_val_if_fail (rows != NULL, FALSE);

  if (!plaza_kpi_check_arguments (metric, PLAZA_KPI_BY_MALL, filter_by, filter_key,
                                  from_month, to_month, &from, &to, error))
    return FALSE;
  /* a year before from for the year-on-year bases (and the month before
   * for month on month) */
  first = growth ? from - 12 : from;
  n = to - first + 1;
  months = g_new0 (Month, n);
  if (!monthly_sales (store, filter_by, filter_key, first, months, n, error))
    return FALSE;
  if (metric == PLAZA_KPI_RENT_TO_SALES
      && !monthly_rent (store, filter_by, filter_key, from, months + (from - first), to - from + 1, error))
    return FALSE;
  if (metric == PLAZA_KPI_OCCUPANCY
      && !monthly_occupancy (store, filter_by, filter_key, from, months + (from - first), to - from + 1, error))
    return FALSE;

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) plaza_kpi_row_free);
  for (int m = from; m <= to; m++)
    {
      const Month *this = &months[m - first];
      const Month *before = growth ? &months[m - 1 - first] : NULL;
      const Month *year_ago = growth ? &months[m - 12 - first] : NULL;
      PlazaKpiRow *row = g_new0 (PlazaKpiRow, 1);
      char key[8];

      plaza_kpi_month_format (m, key);
      row->key = g_strdup (key);
      row->label = g_strdup (key);
      row->sales = this->sales;
      switch (metric)
        {
        case PLAZA_KPI_SALES:
          row->has_value = this->reported;
          row->value = this->sales;
          break;
        case PLAZA_KPI_SALES_PER_M2:
        case PLAZA_KPI_SALES_PER_M2_YEAR:
          row->has_value = this->area > 0;
          if (row->has_value)
            row->value = plaza_kpi_div_round (this->sales * 100 * (metric == PLAZA_KPI_SALES_PER_M2 ? 1 : 12),
                                              this->area);
          break;
        case PLAZA_KPI_RENT_TO_SALES:
          row->has_value = this->sales != 0;
          if (row->has_value)
            row->value = plaza_kpi_div_round (this->rent * 10000, this->sales);
          break;
        case PLAZA_KPI_OCCUPANCY:
        default:
          row->has_value = this->rentable > 0;
          if (row->has_value)
            row->value = plaza_kpi_div_round (this->leased * 10000, this->rentable);
          break;
        }
      if (!growth)
        {
          g_ptr_array_add (result, row);
          continue;
        }
      row->has_mom = before->sales != 0;
      if (row->has_mom)
        row->mom_bp = plaza_kpi_div_round ((this->sales - before->sales) * 10000, before->sales);
      row->has_yoy = year_ago->sales != 0;
      if (row->has_yoy)
        row->yoy_bp = plaza_kpi_div_round ((this->sales - year_ago->sales) * 10000, year_ago->sales);
      g_ptr_array_add (result, row);
    }
  *rows = g_steal_pointer (&result);
  return TRUE;
}
