/* test-chart-data.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Charts from the store (plaza-chart-data.h) and plazactl chart. The mall
 * is test-kpi.c's: floors 1F and 2F; A101 (100 m², 1F), A102 (50 m², 1F),
 * B201 (200 m², 2F, planned Food). C1 (Alpha, Fashion) leases A101 + A102
 * from 2025-01-01 to 2027-12-31; C2 (Beta, Food) leases B201 from
 * 2025-06-01, terminated on 2026-03-15. Sales (yuan):
 *   A101  2025-02 1000, 2026-01 3000, 2026-02 4000, 2026-03 5000
 *   A102  2026-02 1000, 2026-03 1500
 *   B201  2025-03 2000 (no contract yet), 2026-02 6000, 2026-03 3000
 * Rent lines of issued bills in 2026-02 … 2026-03: C1 300.00, 300.01 and
 * 100.00; C2 900.00. Targets 2026: the mall ¥120,000 a year, January
 * ¥10,000 and February ¥20,000 (no March row); 1F ¥60,000 a year and its
 * own March row ¥7,777. Every expected number is worked out in the
 * comments, and each chart's values are checked against plaza_kpi_compute.
 */

#include "config.h"

#include <string.h>

#include "plaza-chart-data.h"
#include "plaza-chart-private.h"
#include "plaza-kpi.h"
#include "plaza-targets.h"
#include "kpi-fixture.h"
#include "test-util.h"

typedef struct
{
  char       *dir;
  char       *path;
  PlazaStore *store;
} Fixture;

static gboolean
insert_mall (PlazaStore *store,
             gpointer    user_data,
             GError    **error)
{
  return plaza_store_exec (store,
    KPI_FIXTURE_MALL_SQL
    KPI_FIXTURE_BILLS_SQL
    "INSERT INTO targets (year, month, scope, scope_id, amount) VALUES"
    "  (2026, 0, 'mall', 0, 12000000), (2026, 1, 'mall', 0, 1000000), (2026, 2, 'mall', 0, 2000000),"
    "  (2026, 0, 'floor', 1, 6000000), (2026, 3, 'floor', 1, 777700);",
    error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("plaza-chart-data-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->path = g_build_filename (f->dir, "chart.db", NULL);
  f->store = plaza_store_open (f->path, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (plaza_store_write (f->store, insert_mall, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  plaza_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static PlazaChartQuery
query (PlazaKpiMetric  metric,
       PlazaKpiGroup   by,
       const char     *from,
       const char     *to)
{
  PlazaChartQuery q = { metric, by, PLAZA_KPI_BY_MALL, NULL, from, to, 0 };

  return q;
}

/* Series @s of @chart: categories' keys and values; G_MININT64 is missing. */
static void
check_series (PlazaChart         *chart,
              guint               s,
              const char * const *keys,
              const gint64       *values,
              guint               n)
{
  g_assert_cmpuint (plaza_chart_get_n_categories (chart), ==, n);
  for (guint i = 0; i < n; i++)
    {
      gint64 v = G_MININT64;

      g_assert_cmpstr (plaza_chart_get_category_key (chart, i), ==, keys[i]);
      if (!plaza_chart_get_value (chart, s, i, &v))
        v = G_MININT64;
      g_assert_cmpint (v, ==, values[i]);
    }
}

/* The chart's first series equals plaza_kpi_compute's rows (in the chart's
 * order). */
static void
check_against_kpi (PlazaStore            *store,
                   PlazaChart            *chart,
                   const PlazaChartQuery *q)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  guint matched = 0;

  g_assert_true (plaza_kpi_compute_filtered (store, q->metric, q->by, q->filter_by, q->filter_key,
                                             q->from_month, q->to_month, &rows, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < plaza_chart_get_n_categories (chart); i++)
    for (guint j = 0; j < rows->len; j++)
      {
        PlazaKpiRow *row = g_ptr_array_index (rows, j);
        gint64 v;

        if (!g_str_equal (row->key, plaza_chart_get_category_key (chart, i)))
          continue;
        g_assert_true (plaza_chart_get_value (chart, 0, i, &v));
        g_assert_cmpint (v, ==, row->value);
        g_assert_cmpstr (plaza_chart_get_category_label (chart, i), ==, row->label);
        matched++;
      }
  g_assert_cmpuint (matched, ==, plaza_chart_get_n_categories (chart));
}

static void
test_ranking (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  /* A101 and B201 both 9000 yuan: the tie goes by key */
  const char * const unit_keys[] = { "A101", "B201", "A102" };
  const gint64 unit_sales[] = { 900000, 900000, 250000 };
  /* 坪效: A101 45.00, A102 25.00, B201 22.50 */
  const char * const m2_keys[] = { "A101", "A102", "B201" };
  const gint64 m2[] = { 4500, 2500, 2250 };
  const char * const floor_keys[] = { "1F", "2F" };
  const gint64 floor_sales[] = { 1150000, 900000 };
  /* 租售比 by tenant: Beta 1000 bp, Alpha 609 bp */
  const char * const tenant_keys[] = { "T2", "T1" };
  const gint64 rent_bp[] = { 1000, 609 };
  PlazaChartQuery q;

  q = query (PLAZA_KPI_SALES, PLAZA_KPI_BY_UNIT, "2026-02", "2026-03");
  {
    g_autoptr(PlazaChart) chart = plaza_chart_data_ranking (f->store, &q, &error);

    g_assert_no_error (error);
    g_assert_cmpint (plaza_chart_get_kind (chart), ==, PLAZA_CHART_HBAR);
    g_assert_cmpint (plaza_chart_get_unit (chart), ==, PLAZA_CHART_UNIT_FEN);
    g_assert_cmpstr (plaza_chart_get_title (chart), ==, "Sales by unit");
    g_assert_cmpstr (plaza_chart_get_subtitle (chart), ==, "2026-02 – 2026-03 · sales in ¥");
    check_series (chart, 0, unit_keys, unit_sales, 3);
    check_against_kpi (f->store, chart, &q);
  }
  q = query (PLAZA_KPI_SALES_PER_M2, PLAZA_KPI_BY_UNIT, "2026-02", "2026-03");
  {
    g_autoptr(PlazaChart) chart = plaza_chart_data_ranking (f->store, &q, &error);

    g_assert_no_error (error);
    g_assert_cmpint (plaza_chart_get_unit (chart), ==, PLAZA_CHART_UNIT_FEN_PER_M2);
    g_assert_cmpstr (plaza_chart_get_title (chart), ==, "Sales per m² by unit");
    g_assert_cmpstr (plaza_chart_get_subtitle (chart), ==, "2026-02 – 2026-03 · ¥ per m² per month");
    check_series (chart, 0, m2_keys, m2, 3);
    check_against_kpi (f->store, chart, &q);
  }
  q = query (PLAZA_KPI_SALES, PLAZA_KPI_BY_FLOOR, "2026-02", "2026-03");
  {
    g_autoptr(PlazaChart) chart = plaza_chart_data_ranking (f->store, &q, &error);

    g_assert_no_error (error);
    g_assert_cmpint (plaza_chart_get_kind (chart), ==, PLAZA_CHART_BAR);
    check_series (chart, 0, floor_keys, floor_sales, 2);
    check_against_kpi (f->store, chart, &q);
  }
  q = query (PLAZA_KPI_RENT_TO_SALES, PLAZA_KPI_BY_TENANT, "2026-02", "2026-03");
  {
    g_autoptr(PlazaChart) chart = plaza_chart_data_ranking (f->store, &q, &error);

    g_assert_no_error (error);
    g_assert_cmpint (plaza_chart_get_unit (chart), ==, PLAZA_CHART_UNIT_BP);
    check_series (chart, 0, tenant_keys, rent_bp, 2);
    check_against_kpi (f->store, chart, &q);
  }
  /* limit: the largest only */
  q = query (PLAZA_KPI_SALES, PLAZA_KPI_BY_UNIT, "2026-02", "2026-03");
  q.limit = 1;
  {
    g_autoptr(PlazaChart) chart = plaza_chart_data_ranking (f->store, &q, &error);

    g_assert_cmpstr (plaza_chart_get_subtitle (chart), ==, "2026-02 – 2026-03 · sales in ¥ · top 1 of 3");

    check_series (chart, 0, unit_keys, unit_sales, 1);
  }
  /* bad arguments fail with INVALID */
  q = query (PLAZA_KPI_SALES, PLAZA_KPI_BY_UNIT, "2026-04", "2026-03");
  g_assert_null (plaza_chart_data_ranking (f->store, &q, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
}

static void
test_filter (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char * const first_floor[] = { "A101", "A102" };
  const gint64 first_floor_sales[] = { 900000, 250000 };
  const char * const beta[] = { "2F" };
  const gint64 beta_sales[] = { 900000 };
  /* Alpha's units by 坪效 */
  const char * const alpha[] = { "A101", "A102" };
  const gint64 alpha_m2[] = { 4500, 2500 };
  PlazaChartQuery q;

  q = query (PLAZA_KPI_SALES, PLAZA_KPI_BY_UNIT, "2026-02", "2026-03");
  q.filter_by = PLAZA_KPI_BY_FLOOR;
  q.filter_key = "1F";
  {
    g_autoptr(PlazaChart) chart = plaza_chart_data_ranking (f->store, &q, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (plaza_chart_get_subtitle (chart), ==, "1F · 2026-02 – 2026-03 · sales in ¥");
    check_series (chart, 0, first_floor, first_floor_sales, 2);
    check_against_kpi (f->store, chart, &q);
  }
  q = query (PLAZA_KPI_SALES, PLAZA_KPI_BY_FLOOR, "2026-02", "2026-03");
  q.filter_by = PLAZA_KPI_BY_TENANT;
  q.filter_key = "T2";
  {
    g_autoptr(PlazaChart) chart = plaza_chart_data_ranking (f->store, &q, &error);

    g_assert_no_error (error);
    /* the tenant's name, not its code */
    g_assert_cmpstr (plaza_chart_get_subtitle (chart), ==, "Beta · 2026-02 – 2026-03 · sales in ¥");
    check_series (chart, 0, beta, beta_sales, 1);
  }
  q = query (PLAZA_KPI_SALES_PER_M2, PLAZA_KPI_BY_UNIT, "2026-02", "2026-03");
  q.filter_by = PLAZA_KPI_BY_TENANT;
  q.filter_key = "T1";
  {
    g_autoptr(PlazaChart) chart = plaza_chart_data_ranking (f->store, &q, &error);

    g_assert_no_error (error);
    check_series (chart, 0, alpha, alpha_m2, 2);
  }
  /* a filter without a key */
  q.filter_key = NULL;
  g_assert_null (plaza_chart_data_ranking (f->store, &q, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
}

/* The trend's this-year values equal plaza_kpi_compute over each single
 * month (the mall has one project). */
static void
check_months_against_kpi (PlazaStore            *store,
                          PlazaChart            *chart,
                          const PlazaChartQuery *q)
{
  for (guint i = 0; i < plaza_chart_get_n_categories (chart); i++)
    {
      const char *month = plaza_chart_get_category_key (chart, i);
      g_autoptr(GPtrArray) rows = NULL;
      g_autoptr(GError) error = NULL;
      gint64 v;
      gboolean has = plaza_chart_get_value (chart, 0, i, &v);

      g_assert_true (plaza_kpi_compute_filtered (store, q->metric, PLAZA_KPI_BY_MALL, q->filter_by, q->filter_key,
                                                 month, month, &rows, &error));
      g_assert_no_error (error);
      if (rows->len == 0)
        g_assert_false (has);
      else
        {
          PlazaKpiRow *row = g_ptr_array_index (rows, 0);

          g_assert_cmpint (has, ==, row->has_value);
          if (has)
            g_assert_cmpint (v, ==, row->value);
        }
    }
}

static void
test_trend (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char * const months[] = { "2026-01", "2026-02", "2026-03" };
  const gint64 sales[] = { 300000, 1100000, 950000 };
  /* 2025-01 had no sales: missing */
  const gint64 previous[] = { G_MININT64, 100000, 200000 };
  /* January and February the mall's rows; March: no mall row, and no
   * month of the mall to prorate the annual target by */
  const gint64 mall_target[] = { 1000000, 2000000, G_MININT64 };
  /* 1F: 60,000 × 10,000 / 120,000 = 5,000; × 20,000 / 120,000 = 10,000;
   * March its own row 7,777 */
  const gint64 floor_target[] = { 500000, 1000000, 777700 };
  const gint64 floor_sales[] = { 300000, 500000, 650000 };
  /* 坪效 per month: January 3000 / 100 m²; February 11000 / 350 m² =
   * 31.4286; March 9500 / 350 = 27.1429. A year earlier: 2025-02 1000 /
   * 100 m² = 10.00, 2025-03 2000 / 200 m² = 10.00 */
  const gint64 m2[] = { 3000, 3143, 2714 };
  const gint64 m2_previous[] = { G_MININT64, 1000, 1000 };
  /* occupancy at month end: January and February all 350 m² leased;
   * March 150 / 350 = 42.857 % */
  const gint64 occupancy[] = { 10000, 10000, 4286 };
  PlazaChartQuery q;

  q = query (PLAZA_KPI_SALES, PLAZA_KPI_BY_MALL, "2026-01", "2026-03");
  {
    g_autoptr(PlazaChart) chart = plaza_chart_data_trend (f->store, &q, &error);
    PlazaTargetAchievement achievement;

    g_assert_no_error (error);
    g_assert_cmpint (plaza_chart_get_kind (chart), ==, PLAZA_CHART_LINE);
    g_assert_cmpstr (plaza_chart_get_title (chart), ==, "Sales, month by month");
    g_assert_cmpuint (plaza_chart_get_n_series (chart), ==, 3);
    g_assert_cmpstr (plaza_chart_get_series_name (chart, 0), ==, "2026");
    g_assert_cmpstr (plaza_chart_get_series_name (chart, 1), ==, "2025");
    g_assert_cmpstr (plaza_chart_get_series_name (chart, 2), ==, "Target");
    g_assert_cmpint (((PlazaChartSeries *) g_ptr_array_index (chart->series, 1))->style, ==,
                     PLAZA_CHART_SERIES_PREVIOUS);
    g_assert_cmpint (((PlazaChartSeries *) g_ptr_array_index (chart->series, 2))->style, ==,
                     PLAZA_CHART_SERIES_TARGET);
    check_series (chart, 0, months, sales, 3);
    check_series (chart, 1, months, previous, 3);
    check_series (chart, 2, months, mall_target, 3);
    check_months_against_kpi (f->store, chart, &q);
    /* the same targets as plaza_targets_achievement */
    for (int m = 1; m <= 3; m++)
      {
        gint64 v;

        g_assert_true (plaza_targets_achievement (f->store, 2026, m, PLAZA_TARGET_SCOPE_MALL, 0, &achievement, &error));
        g_assert_cmpint (achievement.has_target, ==, plaza_chart_get_value (chart, 2, (guint) m - 1, &v));
        if (achievement.has_target)
          g_assert_cmpint (achievement.target, ==, v);
      }
    g_assert_cmpuint (chart->references->len, ==, 0);
  }
  q.filter_by = PLAZA_KPI_BY_FLOOR;
  q.filter_key = "1F";
  {
    g_autoptr(PlazaChart) chart = plaza_chart_data_trend (f->store, &q, &error);

    g_assert_no_error (error);
    check_series (chart, 0, months, floor_sales, 3);
    check_series (chart, 2, months, floor_target, 3);
    check_months_against_kpi (f->store, chart, &q);
  }
  /* a unit has no target: two series */
  q.filter_by = PLAZA_KPI_BY_UNIT;
  q.filter_key = "A102";
  {
    g_autoptr(PlazaChart) chart = plaza_chart_data_trend (f->store, &q, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (plaza_chart_get_n_series (chart), ==, 2);
  }
  q = query (PLAZA_KPI_SALES_PER_M2, PLAZA_KPI_BY_MALL, "2026-01", "2026-03");
  {
    g_autoptr(PlazaChart) chart = plaza_chart_data_trend (f->store, &q, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (plaza_chart_get_n_series (chart), ==, 2);
    check_series (chart, 0, months, m2, 3);
    check_series (chart, 1, months, m2_previous, 3);
    check_months_against_kpi (f->store, chart, &q);
  }
  q = query (PLAZA_KPI_RENT_TO_SALES, PLAZA_KPI_BY_MALL, "2026-01", "2026-03");
  {
    g_autoptr(PlazaChart) chart = plaza_chart_data_trend (f->store, &q, &error);

    g_assert_no_error (error);
    check_months_against_kpi (f->store, chart, &q);
  }
  q.filter_by = PLAZA_KPI_BY_UNIT;
  q.filter_key = "A102";
  {
    g_autoptr(PlazaChart) chart = plaza_chart_data_trend (f->store, &q, &error);

    g_assert_no_error (error);
    check_months_against_kpi (f->store, chart, &q);
  }
  q = query (PLAZA_KPI_OCCUPANCY, PLAZA_KPI_BY_MALL, "2026-01", "2026-03");
  {
    g_autoptr(PlazaChart) chart = plaza_chart_data_trend (f->store, &q, &error);
    PlazaChartReference *line;

    g_assert_no_error (error);
    check_series (chart, 0, months, occupancy, 3);
    check_months_against_kpi (f->store, chart, &q);
    g_assert_cmpuint (chart->references->len, ==, 1);
    line = &g_array_index (chart->references, PlazaChartReference, 0);
    g_assert_cmpint (line->value, ==, 9500);
  }
  /* across two years the series are named by period */
  q = query (PLAZA_KPI_SALES, PLAZA_KPI_BY_MALL, "2025-12", "2026-02");
  {
    g_autoptr(PlazaChart) chart = plaza_chart_data_trend (f->store, &q, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (plaza_chart_get_series_name (chart, 0), ==, "This period");
    g_assert_cmpstr (plaza_chart_get_series_name (chart, 1), ==, "A year earlier");
  }
}

static void
test_mix_and_stacked (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char * const categories[] = { "Fashion", "Food" };
  const gint64 category_sales[] = { 1150000, 900000 };
  /* 2026-03-31: C2 ended on 03-15, only C1's 150 m² are leased */
  const char * const march[] = { "Fashion" };
  const gint64 march_area[] = { 15000 };
  /* 2026-02-28: B201 200 m² Food, then 150 m² Fashion */
  const char * const february[] = { "Food", "Fashion" };
  const gint64 february_area[] = { 20000, 15000 };
  const char * const months[] = { "2026-01", "2026-02", "2026-03" };
  const gint64 first[] = { 300000, 500000, 650000 };
  const gint64 second[] = { 0, 600000, 300000 };
  PlazaChartQuery q;

  q = query (PLAZA_KPI_SALES, PLAZA_KPI_BY_CATEGORY, "2026-02", "2026-03");
  {
    g_autoptr(PlazaChart) chart = plaza_chart_data_mix (f->store, &q, FALSE, &error);

    g_assert_no_error (error);
    g_assert_cmpint (plaza_chart_get_kind (chart), ==, PLAZA_CHART_DONUT);
    check_series (chart, 0, categories, category_sales, 2);
    check_against_kpi (f->store, chart, &q);
  }
  {
    g_autoptr(PlazaChart) chart = plaza_chart_data_mix (f->store, &q, TRUE, &error);

    g_assert_no_error (error);
    g_assert_cmpint (plaza_chart_get_unit (chart), ==, PLAZA_CHART_UNIT_AREA);
    check_series (chart, 0, march, march_area, 1);
  }
  q.to_month = "2026-02";
  {
    g_autoptr(PlazaChart) chart = plaza_chart_data_mix (f->store, &q, TRUE, &error);

    g_assert_no_error (error);
    check_series (chart, 0, february, february_area, 2);
  }

  /* stacked by floor: 1F (11,500 + 3,000) before 2F (9,000) */
  q = query (PLAZA_KPI_SALES, PLAZA_KPI_BY_FLOOR, "2026-01", "2026-03");
  {
    g_autoptr(PlazaChart) chart = plaza_chart_data_stacked (f->store, &q, &error);

    g_assert_no_error (error);
    g_assert_cmpint (plaza_chart_get_kind (chart), ==, PLAZA_CHART_STACKED);
    g_assert_cmpuint (plaza_chart_get_n_series (chart), ==, 2);
    g_assert_cmpstr (plaza_chart_get_series_name (chart, 0), ==, "1F");
    g_assert_cmpstr (plaza_chart_get_series_name (chart, 1), ==, "2F");
    check_series (chart, 0, months, first, 3);
    check_series (chart, 1, months, second, 3);
  }
  /* by tenant: B201's 2025 sales have no tenant; 2026-01 only Alpha */
  q = query (PLAZA_KPI_SALES, PLAZA_KPI_BY_TENANT, "2026-01", "2026-03");
  q.filter_by = PLAZA_KPI_BY_FLOOR;
  q.filter_key = "2F";
  {
    g_autoptr(PlazaChart) chart = plaza_chart_data_stacked (f->store, &q, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (plaza_chart_get_n_series (chart), ==, 1);
    g_assert_cmpstr (plaza_chart_get_series_name (chart, 0), ==, "Beta");
    check_series (chart, 0, months, second, 3);
  }
}

static void
check_block (PlazaChart *chart,
             guint       row,
             guint       block,
             const char *code,
             gint64      area,
             const char *band,
             gint64      value)
{
  PlazaChartRow *r = g_ptr_array_index (chart->rows, row);
  PlazaChartBlock *b = &g_array_index (r->blocks, PlazaChartBlock, block);

  g_assert_cmpstr (b->key, ==, code);
  /* the label names the tenant leasing the unit that day */
  g_assert_true (g_str_has_prefix (b->label, code));
  g_assert_cmpint (b->area, ==, area);
  g_assert_cmpstr (((PlazaChartBand *) g_ptr_array_index (chart->bands, b->band))->label, ==, band);
  g_assert_cmpint (b->has_value, ==, value != G_MININT64);
  if (b->has_value)
    g_assert_cmpint (b->value, ==, value);
}

static void
test_stacking_plan (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PlazaChartQuery q = query (PLAZA_KPI_SALES_PER_M2, PLAZA_KPI_BY_UNIT, "2026-02", "2026-03");
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 20, G_DATE_MARCH, 2026);

  /* 坪效 22.50 (B201), 25.00 (A102), 45.00 (A101): quartiles at indexes
   * 0, 1, 2 → 22.50 rounds to 25 (two digits, 5s), 25, 45: bands under
   * ¥25, ¥25 – ¥45, ¥45 and over, no sales */
  {
    g_autoptr(PlazaChart) chart = plaza_chart_data_stacking_plan (f->store, &q, PLAZA_PLAN_COLOUR_SALES_PER_M2,
                                                                  &today, &error);
    const char * const bands[] = { "Under ¥25", "¥25 – ¥45", "¥45 and over", "No sales" };

    g_assert_no_error (error);
    g_assert_cmpint (plaza_chart_get_kind (chart), ==, PLAZA_CHART_STACKING_PLAN);
    g_assert_cmpuint (plaza_chart_get_n_rows (chart), ==, 2);
    g_assert_cmpstr (plaza_chart_get_row_key (chart, 0), ==, "2F");
    g_assert_cmpstr (plaza_chart_get_row_key (chart, 1), ==, "1F");
    g_assert_cmpuint (chart->bands->len, ==, G_N_ELEMENTS (bands));
    for (guint i = 0; i < G_N_ELEMENTS (bands); i++)
      g_assert_cmpstr (((PlazaChartBand *) g_ptr_array_index (chart->bands, i))->label, ==, bands[i]);
    g_assert_true (((PlazaChartBand *) g_ptr_array_index (chart->bands, 3))->vacant);
    check_block (chart, 0, 0, "B201", 20000, "Under ¥25", 2250);
    check_block (chart, 1, 0, "A101", 10000, "¥45 and over", 4500);
    check_block (chart, 1, 1, "A102", 5000, "¥25 – ¥45", 2500);
  }
  /* January: only A101 sold → one band and no sales for the others */
  q.from_month = "2026-01";
  q.to_month = "2026-01";
  {
    g_autoptr(PlazaChart) chart = plaza_chart_data_stacking_plan (f->store, &q, PLAZA_PLAN_COLOUR_SALES_PER_M2,
                                                                  &today, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (chart->bands->len, ==, 2);
    check_block (chart, 0, 0, "B201", 20000, "No sales", G_MININT64);
    check_block (chart, 1, 0, "A101", 10000, "With sales", 3000);
    check_block (chart, 1, 1, "A102", 5000, "No sales", G_MININT64);
  }
  /* 2026-03-20: C2 ended on 03-15 */
  {
    g_autoptr(PlazaChart) chart = plaza_chart_data_stacking_plan (f->store, &q, PLAZA_PLAN_COLOUR_VACANCY,
                                                                  &today, &error);

    g_assert_no_error (error);
    g_assert_cmpint (plaza_chart_get_unit (chart), ==, PLAZA_CHART_UNIT_AREA);
    check_block (chart, 0, 0, "B201", 20000, "Vacant", G_MININT64);
    check_block (chart, 1, 0, "A101", 10000, "Leased", G_MININT64);
    check_block (chart, 1, 1, "A102", 5000, "Leased", G_MININT64);
    g_assert_cmpstr (g_array_index (((PlazaChartRow *) g_ptr_array_index (chart->rows, 1))->blocks,
                                    PlazaChartBlock, 0).label, ==, "A101 · Alpha");
    g_assert_cmpstr (g_array_index (((PlazaChartRow *) g_ptr_array_index (chart->rows, 0))->blocks,
                                    PlazaChartBlock, 0).label, ==, "B201");
  }
  {
    g_autoptr(PlazaChart) chart = plaza_chart_data_stacking_plan (f->store, &q, PLAZA_PLAN_COLOUR_EXPIRY,
                                                                  &today, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (chart->bands->len, ==, 2);
    check_block (chart, 0, 0, "B201", 20000, "Vacant", G_MININT64);
    check_block (chart, 1, 0, "A101", 10000, "2027", G_MININT64);
  }
  /* on 2026-03-01 C2 still runs (its termination ends it in 2026) */
  g_date_set_dmy (&today, 1, G_DATE_MARCH, 2026);
  q.filter_by = PLAZA_KPI_BY_FLOOR;
  q.filter_key = "2F";
  {
    g_autoptr(PlazaChart) chart = plaza_chart_data_stacking_plan (f->store, &q, PLAZA_PLAN_COLOUR_EXPIRY,
                                                                  &today, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (plaza_chart_get_n_rows (chart), ==, 1);
    g_assert_cmpstr (plaza_chart_get_subtitle (chart), ==, "2F · as of 2026-03-01 · block width is rentable area");
    check_block (chart, 0, 0, "B201", 20000, "2026", G_MININT64);
  }
}

/* ---- plazactl chart ---------------------------------------------------- */

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *png = g_build_filename (f->dir, "floors.png", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "plan.pdf", NULL);
  g_autofree char *svg = g_build_filename (f->dir, "trend.svg", NULL);
  const char *runs[][20] = {
    { "chart", f->path, "--metric", "sales_per_m2", "--by", "floor", "--from", "2026-01", "--to", "2026-03",
      "--out", png, NULL },
    { "chart", f->path, "--metric", "sales_per_m2", "--kind", "plan", "--colour", "expiry", "--today", "2026-03-20",
      "--from", "2026-01", "--to", "2026-03", "--size", "800x500", "--out", pdf, NULL },
    { "chart", f->path, "--metric", "sales", "--kind", "line", "--floor", "1F",
      "--from", "2026-01", "--to", "2026-03", "--out", svg, NULL },
  };
  const char *magic[] = { "\x89PNG\r\n\x1a\n", "%PDF-", "<" };

  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      g_autofree char *out = NULL, *err = NULL, *contents = NULL;
      gsize length = 0;
      int status = plaza_test_run_plazactl (runs[i], &out, &err);

      g_test_message ("%s", err);
      g_assert_cmpint (status, ==, 0);
      g_assert_cmpstr (err, ==, "");
      g_assert_true (g_file_get_contents (i == 0 ? png : i == 1 ? pdf : svg, &contents, &length, NULL));
      g_assert_cmpuint (length, >, 100);
      g_assert_true (memcmp (contents, magic[i], strlen (magic[i])) == 0);
    }

  {
    const char *bad[][14] = {
      { "chart", f->path, "--metric", "rent", "--by", "floor", "--from", "2026-01", "--to", "2026-03", "--out", png, NULL },
      { "chart", f->path, "--metric", "sales", "--kind", "pie", "--from", "2026-01", "--to", "2026-03", "--out", png, NULL },
      { "chart", f->path, "--metric", "sales", "--from", "2026-04", "--to", "2026-03", "--out", png, NULL },
      { "chart", f->path, "--metric", "sales", "--from", "2026-01", "--to", "2026-03", "--out", "x.txt", NULL },
      { "chart", f->path, "--metric", "sales", "--floor", "1F", "--tenant", "T1", "--from", "2026-01", "--to", "2026-03", NULL },
      { "chart", f->path, "--metric", "sales", "--from", "2026-01", "--to", "2026-03", "--size", "big", NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autofree char *out = NULL, *err = NULL;
        int status = plaza_test_run_plazactl (bad[i], &out, &err);

        g_assert_cmpint (status, ==, 1);
        g_assert_cmpstr (out, ==, "");
        g_assert_cmpint (strlen (err), >, 0);
        g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
      }
  }
}

/* A small demo (one floor): every builder runs, the ranking by unit and
 * the stacks (six units and "Other") sum to the mall's sales. */
static void
test_demo (void)
{
  g_autofree char *dir = g_dir_make_tmp ("plaza-chart-demo-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  PlazaChartQuery q = query (PLAZA_KPI_SALES, PLAZA_KPI_BY_UNIT, "2026-01", "2026-10");
  GDate today;
  gint64 total = 0;

  {
    g_autofree char *out = NULL, *err = NULL;
    const char *args[] = { "demo", db, "--size", "small", "--today", "2026-11-27", NULL };

    g_assert_cmpint (plaza_test_run_plazactl (args, &out, &err), ==, 0);
  }
  store = plaza_store_open (db, PLAZA_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 27, G_DATE_NOVEMBER, 2026);
  {
    g_autoptr(PlazaChart) chart = plaza_chart_data_ranking (store, &q, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (plaza_chart_get_n_categories (chart), >, 1);
    for (guint i = 0; i < plaza_chart_get_n_categories (chart); i++)
      {
        gint64 v;

        g_assert_true (plaza_chart_get_value (chart, 0, i, &v));
        total += v;
      }
    g_assert_cmpint (total, ==, plaza_test_count (store, "SELECT SUM (amount) FROM sales_monthly"
                                                  " WHERE month BETWEEN '2026-01' AND '2026-10'"));
  }
  {
    g_autoptr(PlazaChart) trend = plaza_chart_data_trend (store, &q, &error);
    g_autoptr(PlazaChart) mix = plaza_chart_data_mix (store, &q, TRUE, &error);
    g_autoptr(PlazaChart) stacked = plaza_chart_data_stacked (store, &q, &error);
    g_autoptr(PlazaChart) plan = plaza_chart_data_stacking_plan (store, &q, PLAZA_PLAN_COLOUR_SALES_PER_M2,
                                                                 &today, &error);
    gint64 sum = 0;

    g_assert_no_error (error);
    g_assert_cmpuint (plaza_chart_get_n_categories (trend), ==, 10);
    g_assert_cmpuint (plaza_chart_get_n_categories (mix), >, 1);
    g_assert_cmpuint (plaza_chart_get_n_rows (plan), >=, 1);
    g_assert_cmpuint (plaza_chart_get_n_series (stacked), ==, 7);
    /* the stacks add up to the same total */
    for (guint s = 0; s < plaza_chart_get_n_series (stacked); s++)
      for (guint i = 0; i < plaza_chart_get_n_categories (stacked); i++)
        {
          gint64 v;

          if (plaza_chart_get_value (stacked, s, i, &v))
            sum += v;
        }
    g_assert_cmpint (sum, ==, total);
  }
  g_clear_object (&store);
  plaza_test_remove_tree (dir);
}

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  ADD ("/chart-data/ranking", test_ranking);
  ADD ("/chart-data/filter", test_filter);
  ADD ("/chart-data/trend", test_trend);
  ADD ("/chart-data/mix-and-stacked", test_mix_and_stacked);
  ADD ("/chart-data/stacking-plan", test_stacking_plan);
  ADD ("/chart-data/cli", test_cli);
  g_test_add_func ("/chart-data/demo", test_demo);
  return g_test_run ();
}
