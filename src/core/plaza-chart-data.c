/* plaza-chart-data.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Charts from the store (issue 4): rankings, trends, category mixes and
 * stacked monthly sales, each a PlazaChart built from the measures of
 * plaza-kpi.c (plaza_kpi_compute_filtered and _monthly, without the growth
 * bases a chart does not show) or, where a measure has no breakdown by
 * month and group, from the same
 * sales_monthly rows attributed the same way (plaza-kpi-private.h), so a
 * chart and `plazactl kpi` agree to the fen. The stacking plan is in
 * plaza-chart-plan-data.c.
 *
 * Titles name the measure and the grouping ("Sales per m² by floor");
 * subtitles the scope, the months and the unit ("3F · 2026-01 – 2026-10 ·
 * ¥ per m² per month"). Targets on a sales trend follow the rule of
 * plaza-targets.h: a month's own target row, else the scope's annual
 * target × the mall's month / the mall's annual target.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "plaza-chart-data-private.h"
#include "plaza-kpi-private.h"

/* The largest groups drawn in a stacked chart; the rest is "Other". */
#define STACKED_GROUPS 6

/* ---- shared wording ---------------------------------------------------- */

gboolean
plaza_chart_data_check (const PlazaChartQuery  *query,
                        int                    *from,
                        int                    *to,
                        GError                **error)
{
  return plaza_kpi_check_arguments (query->metric,
                                    query->metric == PLAZA_KPI_OCCUPANCY ? PLAZA_KPI_BY_MALL : query->by,
                                    query->filter_by, query->filter_key,
                                    query->from_month, query->to_month, from, to, error);
}

const char *
plaza_chart_data_metric_title (PlazaKpiMetric metric)
{
  switch (metric)
    {
    case PLAZA_KPI_SALES:
      return _("Sales");
    case PLAZA_KPI_SALES_PER_M2:
    case PLAZA_KPI_SALES_PER_M2_YEAR:
      return _("Sales per m²");
    case PLAZA_KPI_RENT_TO_SALES:
      return _("Rent-to-sales");
    case PLAZA_KPI_OCCUPANCY:
    default:
      return _("Occupancy");
    }
}

const char *
plaza_chart_data_metric_unit (PlazaKpiMetric metric)
{
  switch (metric)
    {
    case PLAZA_KPI_SALES:
      return _("sales in ¥");
    case PLAZA_KPI_SALES_PER_M2:
      return _("¥ per m² per month");
    case PLAZA_KPI_SALES_PER_M2_YEAR:
      return _("¥ per m² per year");
    case PLAZA_KPI_RENT_TO_SALES:
      return _("rent as a share of sales");
    case PLAZA_KPI_OCCUPANCY:
    default:
      return _("leased share of rentable area at month end");
    }
}

PlazaChartUnit
plaza_chart_data_chart_unit (PlazaKpiMetric metric)
{
  switch (metric)
    {
    case PLAZA_KPI_SALES:
      return PLAZA_CHART_UNIT_FEN;
    case PLAZA_KPI_SALES_PER_M2:
    case PLAZA_KPI_SALES_PER_M2_YEAR:
      return PLAZA_CHART_UNIT_FEN_PER_M2;
    case PLAZA_KPI_RENT_TO_SALES:
    case PLAZA_KPI_OCCUPANCY:
    default:
      return PLAZA_CHART_UNIT_BP;
    }
}

static const char *
group_title (PlazaKpiMetric metric,
             PlazaKpiGroup  by)
{
  /* Whole titles rather than pieces, so that each language can word them. */
  static const char * const titles[][5] = {
    { N_("Sales of the mall"), N_("Sales by floor"), N_("Sales by category"),
      N_("Sales by tenant"), N_("Sales by unit") },
    { N_("Sales per m² of the mall"), N_("Sales per m² by floor"), N_("Sales per m² by category"),
      N_("Sales per m² by tenant"), N_("Sales per m² by unit") },
    { N_("Rent-to-sales of the mall"), N_("Rent-to-sales by floor"), N_("Rent-to-sales by category"),
      N_("Rent-to-sales by tenant"), N_("Rent-to-sales by unit") },
    { N_("Occupancy of the mall"), N_("Occupancy by floor"), N_("Occupancy by category"),
      N_("Occupancy by tenant"), N_("Occupancy by unit") },
  };
  int m = metric == PLAZA_KPI_SALES_PER_M2_YEAR ? PLAZA_KPI_SALES_PER_M2 : (int) metric;

  return _(titles[m][by]);
}

char *
plaza_chart_data_period (const PlazaChartQuery *query)
{
  if (g_strcmp0 (query->from_month, query->to_month) == 0)
    return g_strdup (query->from_month);
  /* Translators: a range of months, e.g. "2026-01 – 2026-10" */
  return g_strdup_printf (_("%s – %s"), query->from_month, query->to_month);
}

static char *
lookup_name (PlazaStore *store,
             const char *sql,
             const char *key)
{
  g_autoptr(sqlite3_stmt) stmt = plaza_store_prepare (store, sql, NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_text (stmt, 0) == NULL)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

char *
plaza_chart_data_scope (PlazaStore            *store,
                        const PlazaChartQuery *query)
{
  char *name = NULL;

  if (!plaza_kpi_is_filtered (query->filter_by, query->filter_key))
    return NULL;
  switch (query->filter_by)
    {
    case PLAZA_KPI_BY_MALL:
      name = lookup_name (store, "SELECT name FROM projects WHERE code = ?1", query->filter_key);
      break;
    case PLAZA_KPI_BY_TENANT:
      name = lookup_name (store, "SELECT name FROM tenants WHERE code = ?1", query->filter_key);
      break;
    case PLAZA_KPI_BY_FLOOR:
    case PLAZA_KPI_BY_CATEGORY:
    case PLAZA_KPI_BY_UNIT:
    default:
      break;
    }
  return name != NULL ? name : g_strdup (query->filter_key);
}

char *
plaza_chart_data_join (const char *first,
                       ...)
{
  GString *out = g_string_new ("");
  va_list args;
  const char *part;

  va_start (args, first);
  for (part = first; part != NULL; part = va_arg (args, const char *))
    {
      if (*part == '\0')
        continue;
      if (out->len > 0)
        g_string_append (out, " · ");
      g_string_append (out, part);
    }
  va_end (args);
  return g_string_free (out, FALSE);
}

/* "[scope · ]period · unit[ · extra]" */
static void
set_subtitle_extra (PlazaChart            *chart,
                    PlazaStore            *store,
                    const PlazaChartQuery *query,
                    const char            *unit,
                    const char            *extra)
{
  g_autofree char *scope = plaza_chart_data_scope (store, query);
  g_autofree char *period = plaza_chart_data_period (query);
  g_autofree char *text = plaza_chart_data_join (scope != NULL ? scope : "", period, unit,
                                                 extra != NULL ? extra : "", NULL);

  plaza_chart_set_subtitle (chart, text);
}

static void
set_subtitle (PlazaChart            *chart,
              PlazaStore            *store,
              const PlazaChartQuery *query,
              const char            *unit)
{
  set_subtitle_extra (chart, store, query, unit, NULL);
}

static void
add_occupancy_line (PlazaChart *chart)
{
  /* Translators: the 95 % occupancy line on a chart; the value is drawn
   * after it */
  plaza_chart_add_reference (chart, _("Occupancy target"), 9500);
}

/* ---- ranking ----------------------------------------------------------- */

static int
compare_value_desc (gconstpointer a,
                    gconstpointer b)
{
  const PlazaKpiRow *x = *(PlazaKpiRow * const *) a;
  const PlazaKpiRow *y = *(PlazaKpiRow * const *) b;

  if (x->has_value != y->has_value)
    return x->has_value ? -1 : 1;
  if (x->value != y->value)
    return x->value > y->value ? -1 : 1;
  return strcmp (x->key, y->key);
}

PlazaChart *
plaza_chart_data_ranking (PlazaStore             *store,
                          const PlazaChartQuery  *query,
                          GError                **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *top = NULL;
  PlazaChart *chart;
  guint series, n_values = 0;
  PlazaChartKind kind;

  g_return_val_if_fail (PLAZA_IS_STORE (store), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (!plaza_kpi_compute_values (store, query->metric, query->by, query->filter_by, query->filter_key,
                                 query->from_month, query->to_month, FALSE, &rows, error))
    return NULL;
  g_ptr_array_sort (rows, compare_value_desc);
  for (guint i = 0; i < rows->len; i++)
    if (((PlazaKpiRow *) g_ptr_array_index (rows, i))->has_value)
      n_values++;
  if (query->limit > 0 && n_values > query->limit)
    /* Translators: in a ranking's subtitle, e.g. "top 20 of 95" */
    top = g_strdup_printf (_("top %u of %u"), query->limit, n_values);

  kind = query->by == PLAZA_KPI_BY_FLOOR || query->by == PLAZA_KPI_BY_MALL
         ? PLAZA_CHART_BAR : PLAZA_CHART_HBAR;
  chart = plaza_chart_new (kind, plaza_chart_data_chart_unit (query->metric),
                           group_title (query->metric, query->by));
  set_subtitle_extra (chart, store, query, plaza_chart_data_metric_unit (query->metric), top);
  series = plaza_chart_add_series (chart, plaza_chart_data_metric_title (query->metric),
                                   PLAZA_CHART_SERIES_NORMAL);
  for (guint i = 0; i < rows->len && (query->limit == 0 || i < query->limit); i++)
    {
      PlazaKpiRow *row = g_ptr_array_index (rows, i);
      guint category;

      /* a ratio without a divisor cannot be ranked */
      if (!row->has_value)
        break;
      category = plaza_chart_add_category (chart, row->key, row->label);
      plaza_chart_set_value (chart, series, category, row->value);
    }
  if (query->metric == PLAZA_KPI_OCCUPANCY)
    add_occupancy_line (chart);
  return chart;
}

/* ---- trend ------------------------------------------------------------- */

/* The target's scope for a filter; FALSE when targets have none (units). */
static gboolean
target_scope (PlazaStore            *store,
              const PlazaChartQuery *query,
              const char           **scope,
              gint64                *scope_id)
{
  static const char * const sql[] = {
    NULL,
    "SELECT id FROM floors WHERE label = ?1 ORDER BY id LIMIT 1",
    "SELECT id FROM categories WHERE name = ?1 ORDER BY id LIMIT 1",
    "SELECT id FROM tenants WHERE code = ?1 ORDER BY id LIMIT 1",
  };
  static const char * const names[] = { "mall", "floor", "category", "tenant" };
  g_autoptr(sqlite3_stmt) stmt = NULL;

  *scope_id = 0;
  if (!plaza_kpi_is_filtered (query->filter_by, query->filter_key) || query->filter_by == PLAZA_KPI_BY_MALL)
    {
      *scope = names[0];
      return TRUE;
    }
  if (query->filter_by == PLAZA_KPI_BY_UNIT)
    return FALSE;
  *scope = names[query->filter_by];
  stmt = plaza_store_prepare (store, sql[query->filter_by], NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, query->filter_key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  *scope_id = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* targets[i] for months from … to (has[i] FALSE when none), following
 * plaza_targets_achievement: the month's own row, else annual × the mall's
 * month ÷ the mall's annual target. */
static gboolean
load_targets (PlazaStore            *store,
              const PlazaChartQuery *query,
              int                    from,
              int                    to,
              gint64                *targets,
              gboolean              *has,
              GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *scope;
  gint64 scope_id;
  int first_year = from / 12, n_years = to / 12 - from / 12 + 1;
  /* per year: [0] the scope's annual, [1..12] its months, [13] the mall's
   * annual, [14..25] the mall's months; found bits alongside */
  g_autofree gint64 *values = g_new0 (gint64, n_years * 26);
  g_autofree gboolean *found = g_new0 (gboolean, n_years * 26);
  int rc;

  if (!target_scope (store, query, &scope, &scope_id))
    return TRUE;
  stmt = plaza_store_prepare (store,
                              "SELECT year, month, scope = 'mall' AND scope_id = 0, scope = ?3 AND scope_id = ?4, amount"
                              " FROM targets WHERE year BETWEEN ?1 AND ?2"
                              "   AND ((scope = 'mall' AND scope_id = 0) OR (scope = ?3 AND scope_id = ?4))",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, first_year);
  sqlite3_bind_int (stmt, 2, first_year + n_years - 1);
  sqlite3_bind_text (stmt, 3, scope, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, scope_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int y = sqlite3_column_int (stmt, 0) - first_year;
      int m = sqlite3_column_int (stmt, 1);
      gint64 amount = sqlite3_column_int64 (stmt, 4);

      if (y < 0 || y >= n_years || m < 0 || m > 12)
        continue;
      if (sqlite3_column_int (stmt, 3))
        {
          values[y * 26 + m] = amount;
          found[y * 26 + m] = TRUE;
        }
      if (sqlite3_column_int (stmt, 2))
        {
          values[y * 26 + 13 + m] = amount;
          found[y * 26 + 13 + m] = TRUE;
        }
    }
  if (rc != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);

  for (int i = from; i <= to; i++)
    {
      int base = (i / 12 - first_year) * 26, m = i % 12 + 1;

      if (found[base + m])
        {
          targets[i - from] = values[base + m];
          has[i - from] = TRUE;
        }
      else if (found[base] && found[base + 13 + m] && found[base + 13] && values[base + 13] > 0)
        {
          targets[i - from] = (gint64) ((unsigned __int128) (guint64) values[base]
                                        * (guint64) values[base + 13 + m] / (guint64) values[base + 13]);
          has[i - from] = TRUE;
        }
    }
  return TRUE;
}

/* "2026" when the months are in one year, else @otherwise. */
static char *
year_name (int         from,
           int         to,
           int         shift,
           const char *otherwise)
{
  if (from / 12 == to / 12)
    return g_strdup_printf ("%d", from / 12 - shift);
  return g_strdup (otherwise);
}

PlazaChart *
plaza_chart_data_trend (PlazaStore             *store,
                        const PlazaChartQuery  *query,
                        GError                **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *title = NULL;
  g_autofree char *this_name = NULL;
  g_autofree char *previous_name = NULL;
  g_autofree gint64 *targets = NULL;
  g_autofree gboolean *has_target = NULL;
  char earlier[8];
  PlazaChart *chart;
  guint now, before;
  int from, to, n;
  gboolean any_target = FALSE;

  g_return_val_if_fail (PLAZA_IS_STORE (store), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (!plaza_chart_data_check (query, &from, &to, error))
    return NULL;
  n = to - from + 1;
  plaza_kpi_month_format (from - 12, earlier);
  /* one pass over the months a year earlier and these */
  if (!plaza_kpi_compute_monthly_values (store, query->metric, query->filter_by, query->filter_key,
                                         earlier, query->to_month, FALSE, &rows, error))
    return NULL;
  targets = g_new0 (gint64, n);
  has_target = g_new0 (gboolean, n);
  if (query->metric == PLAZA_KPI_SALES
      && !load_targets (store, query, from, to, targets, has_target, error))
    return NULL;
  for (int i = 0; i < n; i++)
    any_target |= has_target[i];

  /* Translators: a chart title, e.g. "Sales per m², month by month" */
  title = g_strdup_printf (_("%s, month by month"), plaza_chart_data_metric_title (query->metric));
  chart = plaza_chart_new (PLAZA_CHART_LINE, plaza_chart_data_chart_unit (query->metric), title);
  set_subtitle (chart, store, query, plaza_chart_data_metric_unit (query->metric));
  this_name = year_name (from, to, 0, _("This period"));
  previous_name = year_name (from, to, 1, _("A year earlier"));
  now = plaza_chart_add_series (chart, this_name, PLAZA_CHART_SERIES_NORMAL);
  before = plaza_chart_add_series (chart, previous_name, PLAZA_CHART_SERIES_PREVIOUS);
  for (int i = 0; i < n; i++)
    {
      PlazaKpiRow *row = g_ptr_array_index (rows, i + 12);
      PlazaKpiRow *prev = g_ptr_array_index (rows, i);
      guint category = plaza_chart_add_category (chart, row->key, row->label);

      if (row->has_value)
        plaza_chart_set_value (chart, now, category, row->value);
      if (prev->has_value)
        plaza_chart_set_value (chart, before, category, prev->value);
    }
  if (any_target)
    {
      guint target = plaza_chart_add_series (chart, _("Target"), PLAZA_CHART_SERIES_TARGET);

      for (int i = 0; i < n; i++)
        if (has_target[i])
          plaza_chart_set_value (chart, target, (guint) i, targets[i]);
    }
  if (query->metric == PLAZA_KPI_OCCUPANCY)
    add_occupancy_line (chart);
  return chart;
}

/* ---- mix --------------------------------------------------------------- */

/* Leased rentable area by category on @day: the units not retired under a
 * contract in force that day (the latest starting), their category as in
 * plaza-kpi.c. */
static gboolean
leased_area_by_category (PlazaStore             *store,
                         const PlazaChartQuery  *query,
                         const char             *day,
                         GPtrArray              *rows,
                         GError                **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean filtered = plaza_kpi_is_filtered (query->filter_by, query->filter_key);
  int rc;

  sql = g_strdup_printf ("SELECT cat.name, SUM (u.rentable_area) FROM"
                         " (SELECT u0.id AS unit_id,"
                         "   (SELECT c2.id FROM contract_units cu2 JOIN contracts c2 ON c2.id = cu2.contract_id"
                         "    WHERE cu2.unit_id = u0.id AND c2.state IN " PLAZA_KPI_IN_FORCE
                         "      AND c2.start_date <= ?1 AND COALESCE (c2.terminated_on, c2.end_date) >= ?1"
                         "    ORDER BY c2.start_date DESC, c2.id DESC LIMIT 1) AS contract_id"
                         "  FROM units u0 WHERE u0.status <> 'retired') x"
                         PLAZA_KPI_JOINS
                         " WHERE x.contract_id IS NOT NULL AND cat.name IS NOT NULL%s%s%s"
                         " GROUP BY cat.name",
                         filtered ? " AND " : "",
                         filtered ? plaza_kpi_key_expr (query->filter_by) : "",
                         filtered ? " = ?2" : "");
  stmt = plaza_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);
  if (filtered)
    sqlite3_bind_text (stmt, 2, query->filter_key != NULL ? query->filter_key : "", -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PlazaKpiRow *row = g_new0 (PlazaKpiRow, 1);

      row->key = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      row->label = g_strdup (row->key);
      row->value = sqlite3_column_int64 (stmt, 1);
      row->has_value = TRUE;
      g_ptr_array_add (rows, row);
    }
  if (rc != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  return TRUE;
}

PlazaChart *
plaza_chart_data_mix (PlazaStore             *store,
                      const PlazaChartQuery  *query,
                      gboolean                by_area,
                      GError                **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *day = NULL;
  PlazaChart *chart;
  guint series;
  int from, to;

  g_return_val_if_fail (PLAZA_IS_STORE (store), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (!by_area)
    {
      if (!plaza_kpi_compute_values (store, PLAZA_KPI_SALES, PLAZA_KPI_BY_CATEGORY,
                                     query->filter_by, query->filter_key,
                                     query->from_month, query->to_month, FALSE, &rows, error))
        return NULL;
    }
  else
    {
      PlazaChartQuery sales = *query;

      sales.metric = PLAZA_KPI_SALES;
      if (!plaza_chart_data_check (&sales, &from, &to, error))
        return NULL;
      day = g_strdup_printf ("%04d-%02d-%02d", to / 12, to % 12 + 1,
                             g_date_get_days_in_month ((GDateMonth) (to % 12 + 1), (GDateYear) (to / 12)));
      rows = g_ptr_array_new_with_free_func ((GDestroyNotify) plaza_kpi_row_free);
      if (!leased_area_by_category (store, query, day, rows, error))
        return NULL;
    }
  g_ptr_array_sort (rows, compare_value_desc);

  if (by_area)
    {
      chart = plaza_chart_new (PLAZA_CHART_DONUT, PLAZA_CHART_UNIT_AREA, _("Leased area by category"));
      {
        g_autofree char *scope = plaza_chart_data_scope (store, query);
        /* Translators: the subtitle of the leased area donut, "as of 2026-10-31" */
        g_autofree char *as_of = g_strdup_printf (_("as of %s"), day);
        g_autofree char *text = plaza_chart_data_join (scope != NULL ? scope : "", as_of, _("m²"), NULL);

        plaza_chart_set_subtitle (chart, text);
      }
      series = plaza_chart_add_series (chart, _("Leased area"), PLAZA_CHART_SERIES_NORMAL);
    }
  else
    {
      chart = plaza_chart_new (PLAZA_CHART_DONUT, PLAZA_CHART_UNIT_FEN, _("Sales by category"));
      set_subtitle (chart, store, query, plaza_chart_data_metric_unit (PLAZA_KPI_SALES));
      series = plaza_chart_add_series (chart, _("Sales"), PLAZA_CHART_SERIES_NORMAL);
    }
  for (guint i = 0; i < rows->len; i++)
    {
      PlazaKpiRow *row = g_ptr_array_index (rows, i);
      guint category;

      if (!row->has_value || row->value <= 0)
        continue;
      category = plaza_chart_add_category (chart, row->key, row->label);
      plaza_chart_set_value (chart, series, category, row->value);
    }
  return chart;
}

/* ---- stacked ----------------------------------------------------------- */

typedef struct
{
  char   *key;
  char   *label;
  gint64  total;
  gint64 *months;
} Group;

static void
group_free (gpointer data)
{
  Group *group = data;

  g_free (group->key);
  g_free (group->label);
  g_free (group->months);
  g_free (group);
}

static int
compare_group (gconstpointer a,
               gconstpointer b)
{
  const Group *x = *(Group * const *) a;
  const Group *y = *(Group * const *) b;

  if (x->total != y->total)
    return x->total > y->total ? -1 : 1;
  return strcmp (x->key, y->key);
}

/* Sales of the range by group and month, attributed as plaza-kpi.c does
 * (so each group's total is its plaza_kpi_compute sales). */
static gboolean
collect_groups (PlazaStore             *store,
                const PlazaChartQuery  *query,
                int                     from,
                int                     n,
                GHashTable             *groups,
                GError                **error)
{
  gboolean filtered = plaza_kpi_is_filtered (query->filter_by, query->filter_key);
  g_autoptr(PlazaKpiAttribution) attribution = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  int rc;

  if (plaza_kpi_needs_contract (query->by) || plaza_kpi_needs_contract (query->filter_by))
    {
      attribution = plaza_kpi_attribution_new (store, query->by, query->filter_by, query->filter_key, error);
      if (attribution == NULL)
        return FALSE;
      sql = g_strdup ("SELECT NULL, NULL, sm.month, sm.amount, sm.unit_id FROM sales_monthly sm"
                      " WHERE sm.month BETWEEN ?1 AND ?2");
    }
  else
    sql = g_strdup_printf ("SELECT %s, %s, x.month, SUM (x.amount), NULL FROM"
                           " (SELECT sm.unit_id AS unit_id, sm.month AS month, sm.amount AS amount, NULL AS contract_id"
                           "  FROM sales_monthly sm WHERE sm.month BETWEEN ?1 AND ?2) x"
                           PLAZA_KPI_JOINS "%s%s%s GROUP BY 1, 2, 3",
                           plaza_kpi_key_expr (query->by), plaza_kpi_label_expr (query->by),
                           filtered ? " WHERE " : "",
                           filtered ? plaza_kpi_key_expr (query->filter_by) : "",
                           filtered ? " = ?3" : "");
  stmt = plaza_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, query->from_month, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, query->to_month, -1, SQLITE_TRANSIENT);
  if (filtered && attribution == NULL)
    sqlite3_bind_text (stmt, 3, query->filter_key != NULL ? query->filter_key : "", -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);
      const char *label = (const char *) sqlite3_column_text (stmt, 1);
      const char *text = (const char *) sqlite3_column_text (stmt, 2);
      gint64 amount = sqlite3_column_int64 (stmt, 3);
      Group *group;
      int month;

      if (!plaza_kpi_month_parse (text, &month) || month < from || month >= from + n)
        continue;
      if (attribution != NULL
          && !plaza_kpi_attribution_lookup (attribution, sqlite3_column_int64 (stmt, 4), text, &key, &label))
        continue;
      if (key == NULL)
        continue;
      group = g_hash_table_lookup (groups, key);
      if (group == NULL)
        {
          group = g_new0 (Group, 1);
          group->key = g_strdup (key);
          group->label = g_strdup (label != NULL ? label : "");
          group->months = g_new0 (gint64, n);
          g_hash_table_insert (groups, group->key, group);
        }
      group->months[month - from] += amount;
      group->total += amount;
    }
  if (rc != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  return TRUE;
}

PlazaChart *
plaza_chart_data_stacked (PlazaStore             *store,
                          const PlazaChartQuery  *query,
                          GError                **error)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, group_free);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  g_autofree char *title = NULL;
  g_autoptr(PlazaChart) chart = NULL;
  PlazaChartQuery sales = *query;
  GHashTableIter iter;
  gpointer value;
  guint other = G_MAXUINT;
  char text[8];
  int from, to, n;

  g_return_val_if_fail (PLAZA_IS_STORE (store), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  sales.metric = PLAZA_KPI_SALES;
  if (!plaza_chart_data_check (&sales, &from, &to, error))
    return NULL;
  n = to - from + 1;
  if (!collect_groups (store, query, from, n, groups, error))
    return NULL;
  g_hash_table_iter_init (&iter, groups);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (sorted, value);
  g_ptr_array_sort (sorted, compare_group);

  /* Translators: a chart title, e.g. "Sales by floor, month by month" */
  title = g_strdup_printf (_("%s, month by month"), group_title (PLAZA_KPI_SALES, query->by));
  chart = plaza_chart_new (PLAZA_CHART_STACKED, PLAZA_CHART_UNIT_FEN, title);
  set_subtitle (chart, store, query, plaza_chart_data_metric_unit (PLAZA_KPI_SALES));
  for (int m = from; m <= to; m++)
    {
      plaza_kpi_month_format (m, text);
      plaza_chart_add_category (chart, text, text);
    }
  /* the largest six, and "Other" for the rest (a seventh alone is shown) */
  for (guint i = 0; i < sorted->len; i++)
    {
      Group *group = g_ptr_array_index (sorted, i);
      guint series;

      if (i < STACKED_GROUPS || sorted->len == STACKED_GROUPS + 1)
        {
          series = plaza_chart_add_series (chart, group->label, PLAZA_CHART_SERIES_NORMAL);
          for (int m = 0; m < n; m++)
            plaza_chart_set_value (chart, series, (guint) m, group->months[m]);
          continue;
        }
      if (other == G_MAXUINT)
        {
          other = plaza_chart_add_series (chart, _("Other"), PLAZA_CHART_SERIES_NORMAL);
          for (int m = 0; m < n; m++)
            plaza_chart_set_value (chart, other, (guint) m, 0);
        }
      for (int m = 0; m < n; m++)
        {
          gint64 v = 0;

          plaza_chart_get_value (chart, other, (guint) m, &v);
          plaza_chart_set_value (chart, other, (guint) m, v + group->months[m]);
        }
    }
  return g_steal_pointer (&chart);
}
