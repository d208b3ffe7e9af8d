/* bench-charts.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How long each chart builder of plaza-chart-data.h takes on a database
 * (issue 4's goal: under 50 ms each on the large demo, from
 * sales_monthly). Make the database once:
 *
 *   plazactl demo /tmp/large.db --size large --today 2026-11-27
 *   bench-charts /tmp/large.db [TO_MONTH [TODAY]]
 *
 * TO_MONTH defaults to 2026-10 and TODAY to 2026-11-27. Each builder runs
 * five times on one connection; the line shows the first run (cold
 * statement cache), the median and the slowest in milliseconds, and what
 * the chart holds. The last line is the slowest median.
 */

#define G_LOG_DOMAIN "plaza-bench"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plaza-chart-data.h"
#include "plaza-store.h"

#define RUNS 5

typedef enum
{
  RANKING,
  TREND,
  MIX_SALES,
  MIX_AREA,
  STACKED,
  PLAN,
} Builder;

typedef struct
{
  const char      *name;
  Builder          builder;
  PlazaKpiMetric   metric;
  PlazaKpiGroup    by;
  PlazaPlanColour  colour;
  guint            limit;
  PlazaKpiGroup    filter_by;   /* drill-down: the first floor / the largest tenant */
} Case;

static PlazaChart *
build (PlazaStore            *store,
       const Case            *c,
       const PlazaChartQuery *q,
       const GDate           *today,
       GError               **error)
{
  switch (c->builder)
    {
    case RANKING:
      return plaza_chart_data_ranking (store, q, error);
    case TREND:
      return plaza_chart_data_trend (store, q, error);
    case MIX_SALES:
      return plaza_chart_data_mix (store, q, FALSE, error);
    case MIX_AREA:
      return plaza_chart_data_mix (store, q, TRUE, error);
    case STACKED:
      return plaza_chart_data_stacked (store, q, error);
    case PLAN:
    default:
      return plaza_chart_data_stacking_plan (store, q, c->colour, today, error);
    }
}

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

int
main (int   argc,
      char *argv[])
{
  static const Case cases[] = {
    { "ranking sales_per_m2 by floor", RANKING, PLAZA_KPI_SALES_PER_M2, PLAZA_KPI_BY_FLOOR, 0, 0 },
    { "ranking sales by tenant (top 20)", RANKING, PLAZA_KPI_SALES, PLAZA_KPI_BY_TENANT, 0, 20 },
    { "ranking sales_per_m2 by tenant", RANKING, PLAZA_KPI_SALES_PER_M2, PLAZA_KPI_BY_TENANT, 0, 0 },
    { "ranking sales_per_m2 by category", RANKING, PLAZA_KPI_SALES_PER_M2, PLAZA_KPI_BY_CATEGORY, 0, 0 },
    { "ranking sales_per_m2 by unit", RANKING, PLAZA_KPI_SALES_PER_M2, PLAZA_KPI_BY_UNIT, 0, 0 },
    { "ranking rent_to_sales by tenant", RANKING, PLAZA_KPI_RENT_TO_SALES, PLAZA_KPI_BY_TENANT, 0, 0 },
    { "ranking occupancy by floor", RANKING, PLAZA_KPI_OCCUPANCY, PLAZA_KPI_BY_FLOOR, 0, 0 },
    { "trend sales (mall, targets)", TREND, PLAZA_KPI_SALES, PLAZA_KPI_BY_MALL, 0, 0 },
    { "trend sales_per_m2 (mall)", TREND, PLAZA_KPI_SALES_PER_M2, PLAZA_KPI_BY_MALL, 0, 0 },
    { "trend rent_to_sales (mall)", TREND, PLAZA_KPI_RENT_TO_SALES, PLAZA_KPI_BY_MALL, 0, 0 },
    { "trend occupancy (mall)", TREND, PLAZA_KPI_OCCUPANCY, PLAZA_KPI_BY_MALL, 0, 0 },
    { "mix sales by category", MIX_SALES, PLAZA_KPI_SALES, PLAZA_KPI_BY_CATEGORY, 0, 0 },
    { "mix leased area by category", MIX_AREA, PLAZA_KPI_SALES, PLAZA_KPI_BY_CATEGORY, 0, 0 },
    { "stacked sales by floor", STACKED, PLAZA_KPI_SALES, PLAZA_KPI_BY_FLOOR, 0, 0 },
    { "stacked sales by category", STACKED, PLAZA_KPI_SALES, PLAZA_KPI_BY_CATEGORY, 0, 0 },
    { "plan by sales_per_m2", PLAN, PLAZA_KPI_SALES_PER_M2, PLAZA_KPI_BY_UNIT, PLAZA_PLAN_COLOUR_SALES_PER_M2, 0 },
    { "plan by vacancy", PLAN, PLAZA_KPI_SALES, PLAZA_KPI_BY_UNIT, PLAZA_PLAN_COLOUR_VACANCY, 0 },
    { "plan by expiry", PLAN, PLAZA_KPI_SALES, PLAZA_KPI_BY_UNIT, PLAZA_PLAN_COLOUR_EXPIRY, 0 },
    { "floor: ranking sales by tenant", RANKING, PLAZA_KPI_SALES, PLAZA_KPI_BY_TENANT, 0, 20, PLAZA_KPI_BY_FLOOR },
    { "floor: trend sales_per_m2", TREND, PLAZA_KPI_SALES_PER_M2, PLAZA_KPI_BY_MALL, 0, 0, PLAZA_KPI_BY_FLOOR },
    { "floor: plan by sales_per_m2", PLAN, PLAZA_KPI_SALES_PER_M2, PLAZA_KPI_BY_UNIT, PLAZA_PLAN_COLOUR_SALES_PER_M2, 0,
      PLAZA_KPI_BY_FLOOR },
    { "tenant: trend sales (targets)", TREND, PLAZA_KPI_SALES, PLAZA_KPI_BY_MALL, 0, 0, PLAZA_KPI_BY_TENANT },
    { "tenant: ranking sales_per_m2 by unit", RANKING, PLAZA_KPI_SALES_PER_M2, PLAZA_KPI_BY_UNIT, 0, 0,
      PLAZA_KPI_BY_TENANT },
    { "category: stacked sales by tenant", STACKED, PLAZA_KPI_SALES, PLAZA_KPI_BY_TENANT, 0, 0, PLAZA_KPI_BY_CATEGORY },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaStore) store = NULL;
  const char *to = argc > 2 ? argv[2] : "2026-10";
  const char *today_text = argc > 3 ? argv[3] : "2026-11-27";
  char from[8];
  GDate today;
  double worst = 0;
  const char *worst_name = "";
  g_autofree char *floor_key = NULL;
  g_autofree char *tenant_key = NULL;
  g_autofree char *category_key = NULL;

  if (argc < 2 || argc > 4 || strlen (to) != 7)
    {
      g_printerr ("usage: bench-charts DB [TO_MONTH [TODAY]]\n");
      return 2;
    }
  g_date_clear (&today, 1);
  g_date_set_parse (&today, today_text);
  if (!g_date_valid (&today))
    {
      g_printerr ("bench-charts: bad date %s\n", today_text);
      return 2;
    }
  /* twelve months ending with @to */
  {
    int year = atoi (to), month = atoi (to + 5);
    int index = year * 12 + month - 1 - 11;

    g_snprintf (from, sizeof from, "%04d-%02d", index / 12, index % 12 + 1);
  }
  store = plaza_store_open (argv[1], PLAZA_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    {
      g_printerr ("bench-charts: %s\n", error->message);
      return 1;
    }

  /* drill-down keys: the lowest floor above ground, the tenant and the
   * category with the most sales in the months */
  {
    const char *sql[] = {
      "SELECT label FROM floors ORDER BY level <= 0, level LIMIT 1",
      "SELECT t.code FROM sales_monthly sm JOIN contract_units cu ON cu.unit_id = sm.unit_id"
      " JOIN contracts c ON c.id = cu.contract_id AND c.state = 'active' JOIN tenants t ON t.id = c.tenant_id"
      " WHERE sm.month BETWEEN ?1 AND ?2 GROUP BY t.id ORDER BY SUM (sm.amount) DESC LIMIT 1",
      "SELECT name FROM categories ORDER BY id LIMIT 1",
    };
    char **keys[] = { &floor_key, &tenant_key, &category_key };

    for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
      {
        g_autoptr(sqlite3_stmt) stmt = plaza_store_prepare (store, sql[i], &error);

        if (stmt == NULL)
          {
            g_printerr ("bench-charts: %s\n", error->message);
            return 1;
          }
        if (i == 1)
          {
            sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
          }
        if (sqlite3_step (stmt) == SQLITE_ROW)
          *keys[i] = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      }
  }
  printf ("# %s, %s … %s, today %s; floor %s, tenant %s, category %s\n# ms: first, median, slowest of %d\n",
          argv[1], from, to, today_text, floor_key, tenant_key, category_key, RUNS);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      PlazaChartQuery q = { c->metric, c->by, c->filter_by, NULL, from, to, c->limit };
      double ms[RUNS], first;
      guint n_categories = 0, n_rows = 0;

      q.filter_key = c->filter_by == PLAZA_KPI_BY_FLOOR ? floor_key
                     : c->filter_by == PLAZA_KPI_BY_TENANT ? tenant_key
                     : c->filter_by == PLAZA_KPI_BY_CATEGORY ? category_key : NULL;
      if (c->filter_by != PLAZA_KPI_BY_MALL && q.filter_key == NULL)
        continue;

      for (int r = 0; r < RUNS; r++)
        {
          gint64 started = g_get_monotonic_time ();
          g_autoptr(PlazaChart) chart = build (store, c, &q, &today, &error);

          ms[r] = (double) (g_get_monotonic_time () - started) / 1000.0;
          if (chart == NULL)
            {
              g_printerr ("bench-charts: %s: %s\n", c->name, error->message);
              return 1;
            }
          n_categories = plaza_chart_get_n_categories (chart);
          n_rows = plaza_chart_get_n_rows (chart);
        }
      first = ms[0];
      qsort (ms, RUNS, sizeof ms[0], compare_double);
      printf ("%-36s %8.1f %8.1f %8.1f   (%u categories, %u rows)\n",
              c->name, first, ms[RUNS / 2], ms[RUNS - 1], n_categories, n_rows);
      if (ms[RUNS / 2] > worst)
        {
          worst = ms[RUNS / 2];
          worst_name = c->name;
        }
    }
  printf ("slowest median: %.1f ms (%s); goal under 50 ms\n", worst, worst_name);
  return 0;
}
