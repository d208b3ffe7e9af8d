/* test-chart.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chart renderer: round ticks and axis labels worked out by hand, exact
 * values, the model, the table, hit tests against the layout the drawing
 * uses, and saving to PNG, SVG and PDF.
 */

#define G_LOG_DOMAIN "plaza-test"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "plaza-core.h"
#include "plaza-chart-private.h"

static void
assert_ticks (gint64        min,
              gint64        max,
              guint         max_ticks,
              const gint64 *expected,
              guint         n_expected)
{
  g_autoptr(GArray) ticks = plaza_chart_nice_ticks (min, max, max_ticks);
  guint i;

  g_test_message ("ticks for %lld to %lld, at most %u", (long long) min, (long long) max, max_ticks);
  g_assert_cmpuint (ticks->len, ==, n_expected);
  for (i = 0; i < n_expected; i++)
    g_assert_cmpint (g_array_index (ticks, gint64, i), ==, expected[i]);
}

static void
test_chart_ticks (void)
{
  /* ¥0 … ¥12,345.67: steps of ¥2,000 need 7 intervals (0…¥14,000), too
   * many for 5; steps of ¥5,000 need 3 */
  static const gint64 money[] = { 0, 500000, 1000000, 1500000 };
  /* −250 … 730: 200 needs −400…800 = 6 intervals; 500 needs 3 */
  static const gint64 negative[] = { -500, 0, 500, 1000 };
  /* 0 … 95 %: 20 % needs 5 intervals, more than 4; 50 % needs 2 */
  static const gint64 bp[] = { 0, 5000, 10000 };
  /* 88 % … 97 %: 1 % needs 9, 2 % needs 88…98 = 5 */
  static const gint64 occupancy[] = { 8800, 9000, 9200, 9400, 9600, 9800 };
  /* nothing to show: one unit */
  static const gint64 flat[] = { 0, 1 };
  /* ¥0 … ¥1.234亿 with 6: ¥2000万 steps give 0…¥1.4亿 = 7; ¥5000万 give 3 */
  static const gint64 big[] = { 0, G_GINT64_CONSTANT (5000000000), G_GINT64_CONSTANT (10000000000),
                                G_GINT64_CONSTANT (15000000000) };
  /* 0 … 1,234,567 with 8: 200,000 steps give 0…1,400,000 = 7 */
  static const gint64 eight[] = { 0, 200000, 400000, 600000, 800000, 1000000, 1200000, 1400000 };

  assert_ticks (0, 1234567, 5, money, G_N_ELEMENTS (money));
  assert_ticks (-250, 730, 5, negative, G_N_ELEMENTS (negative));
  assert_ticks (0, 9500, 4, bp, G_N_ELEMENTS (bp));
  assert_ticks (8800, 9700, 5, occupancy, G_N_ELEMENTS (occupancy));
  assert_ticks (0, 0, 5, flat, G_N_ELEMENTS (flat));
  assert_ticks (0, G_GINT64_CONSTANT (12340000000), 6, big, G_N_ELEMENTS (big));
  assert_ticks (0, 1234567, 8, eight, G_N_ELEMENTS (eight));
  /* reversed bounds are the same range */
  assert_ticks (1234567, 0, 5, money, G_N_ELEMENTS (money));
}

static void
test_chart_format (void)
{
  static const struct { PlazaChartUnit unit; gint64 value; const char *text; } ticks[] = {
    { PLAZA_CHART_UNIT_FEN, 0, "¥0" },
    { PLAZA_CHART_UNIT_FEN, 50000, "¥500" },
    { PLAZA_CHART_UNIT_FEN, 500000, "¥5,000" },
    { PLAZA_CHART_UNIT_FEN, 5000000, "¥5万" },
    { PLAZA_CHART_UNIT_FEN, 15000000, "¥15万" },
    { PLAZA_CHART_UNIT_FEN, 1500000, "¥1.5万" },
    { PLAZA_CHART_UNIT_FEN, 1000000000, "¥1,000万" },
    { PLAZA_CHART_UNIT_FEN, G_GINT64_CONSTANT (15000000000), "¥1.5亿" },
    { PLAZA_CHART_UNIT_FEN, G_GINT64_CONSTANT (10000000000), "¥1亿" },
    { PLAZA_CHART_UNIT_FEN, -5000000, "-¥5万" },
    { PLAZA_CHART_UNIT_FEN, 150, "¥1.5" },
    { PLAZA_CHART_UNIT_FEN_PER_M2, 150000, "¥1,500" },
    { PLAZA_CHART_UNIT_BP, 9500, "95%" },
    { PLAZA_CHART_UNIT_BP, 9550, "95.5%" },
    { PLAZA_CHART_UNIT_BP, 0, "0%" },
    { PLAZA_CHART_UNIT_AREA, 150000, "1,500 m²" },
    { PLAZA_CHART_UNIT_COUNT, 1234, "1,234" },
  };
  static const struct { PlazaChartUnit unit; gint64 value; const char *text; } values[] = {
    { PLAZA_CHART_UNIT_FEN, 123456789, "¥1,234,567.89" },
    { PLAZA_CHART_UNIT_FEN, -1200, "-¥12.00" },
    { PLAZA_CHART_UNIT_FEN_PER_M2, 123456, "¥1,234.56/m²" },
    { PLAZA_CHART_UNIT_BP, 1234, "12.34%" },
    { PLAZA_CHART_UNIT_COUNT, 1234, "1,234" },
    { PLAZA_CHART_UNIT_COUNT, -1234567, "-1,234,567" },
    { PLAZA_CHART_UNIT_AREA, 12550, "125.50 m²" },
  };
  static const struct { PlazaChartUnit unit; gint64 value; const char *text; } compact[] = {
    { PLAZA_CHART_UNIT_FEN, 123456789, "¥123.5万" },
    { PLAZA_CHART_UNIT_FEN, 1234567890, "¥1,235万" },
    { PLAZA_CHART_UNIT_FEN, G_GINT64_CONSTANT (12345678901), "¥1.23亿" },
    { PLAZA_CHART_UNIT_FEN, 98765, "¥988" },
    { PLAZA_CHART_UNIT_BP, 1234, "12.3%" },
    { PLAZA_CHART_UNIT_AREA, 12550, "126 m²" },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (ticks); i++)
    {
      g_autofree char *text = plaza_chart_format_tick (ticks[i].unit, ticks[i].value, 1);

      g_assert_cmpstr (text, ==, ticks[i].text);
    }
  for (i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *text = plaza_chart_format_value (values[i].unit, values[i].value);

      g_assert_cmpstr (text, ==, values[i].text);
    }
  for (i = 0; i < G_N_ELEMENTS (compact); i++)
    {
      g_autofree char *text = plaza_chart_format_compact (compact[i].unit, compact[i].value);

      g_assert_cmpstr (text, ==, compact[i].text);
    }
}

/* Three months, this year and last year, February of this year missing. */
static PlazaChart *
make_months (PlazaChartKind kind)
{
  PlazaChart *chart = plaza_chart_new (kind, PLAZA_CHART_UNIT_FEN, "Sales");

  plaza_chart_add_category (chart, "2026-01", "Jan");
  plaza_chart_add_category (chart, "2026-02", "Feb");
  plaza_chart_add_category (chart, "2026-03", "Mar");
  plaza_chart_add_series (chart, "This year", PLAZA_CHART_SERIES_NORMAL);
  plaza_chart_add_series (chart, "Last year", PLAZA_CHART_SERIES_PREVIOUS);
  plaza_chart_set_value (chart, 0, 0, 100000);
  plaza_chart_set_value (chart, 0, 2, 300000);
  plaza_chart_set_value (chart, 1, 0, 90000);
  plaza_chart_set_value (chart, 1, 1, 123456789);
  plaza_chart_set_value (chart, 1, 2, 0);
  return chart;
}

static void
test_chart_model (void)
{
  g_autoptr(PlazaChart) chart = make_months (PLAZA_CHART_BAR);
  gint64 v = -7;

  g_assert_cmpint (plaza_chart_get_kind (chart), ==, PLAZA_CHART_BAR);
  g_assert_cmpint (plaza_chart_get_unit (chart), ==, PLAZA_CHART_UNIT_FEN);
  g_assert_cmpstr (plaza_chart_get_title (chart), ==, "Sales");
  g_assert_null (plaza_chart_get_subtitle (chart));
  plaza_chart_set_subtitle (chart, "Whole mall");
  g_assert_cmpstr (plaza_chart_get_subtitle (chart), ==, "Whole mall");

  g_assert_cmpuint (plaza_chart_get_n_categories (chart), ==, 3);
  g_assert_cmpstr (plaza_chart_get_category_key (chart, 1), ==, "2026-02");
  g_assert_cmpstr (plaza_chart_get_category_label (chart, 1), ==, "Feb");
  g_assert_cmpuint (plaza_chart_get_n_series (chart), ==, 2);
  g_assert_cmpstr (plaza_chart_get_series_name (chart, 1), ==, "Last year");

  g_assert_true (plaza_chart_get_value (chart, 0, 0, &v));
  g_assert_cmpint (v, ==, 100000);
  v = -7;
  g_assert_false (plaza_chart_get_value (chart, 0, 1, &v));
  g_assert_cmpint (v, ==, -7);
  g_assert_true (plaza_chart_get_value (chart, 1, 2, &v));
  g_assert_cmpint (v, ==, 0);
  plaza_chart_set_value (chart, 0, 0, -5);
  g_assert_true (plaza_chart_get_value (chart, 0, 0, &v));
  g_assert_cmpint (v, ==, -5);

  /* a category added later starts missing in every series */
  g_assert_cmpuint (plaza_chart_add_category (chart, "2026-04", NULL), ==, 3);
  g_assert_cmpstr (plaza_chart_get_category_label (chart, 3), ==, "2026-04");
  g_assert_false (plaza_chart_get_value (chart, 0, 3, NULL));
  g_assert_false (plaza_chart_get_value (chart, 1, 3, NULL));

  plaza_chart_set_kind (chart, PLAZA_CHART_LINE);
  g_assert_cmpint (plaza_chart_get_kind (chart), ==, PLAZA_CHART_LINE);
}

static void
test_chart_words (void)
{
  g_autoptr(PlazaChart) chart = make_months (PLAZA_CHART_BAR);
  PlazaChartHit hit = { 1, 1, -1, -1 };
  g_autoptr(GPtrArray) table = plaza_chart_to_table (chart);
  g_autofree char *tip = plaza_chart_describe_hit (chart, &hit);
  g_autofree char *missing = NULL;
  g_autofree char *sentence = plaza_chart_describe (chart);
  char **row;

  g_assert_cmpstr (tip, ==, "Feb · Last year: ¥1,234,567.89");
  hit.series = 0;
  missing = plaza_chart_describe_hit (chart, &hit);
  g_assert_cmpstr (missing, ==, "Feb · This year: no data");
  g_assert_nonnull (strstr (sentence, "Sales."));
  g_assert_nonnull (strstr (sentence, "largest Mar ¥3,000.00, smallest Jan ¥1,000.00"));

  g_assert_cmpuint (table->len, ==, 4);
  row = g_ptr_array_index (table, 0);
  g_assert_cmpuint (g_strv_length (row), ==, 3);
  g_assert_cmpstr (row[0], ==, "Category");
  g_assert_cmpstr (row[1], ==, "This year");
  g_assert_cmpstr (row[2], ==, "Last year");
  row = g_ptr_array_index (table, 2);
  g_assert_cmpstr (row[0], ==, "Feb");
  g_assert_cmpstr (row[1], ==, "");
  g_assert_cmpstr (row[2], ==, "¥1,234,567.89");
  row = g_ptr_array_index (table, 3);
  g_assert_cmpstr (row[1], ==, "¥3,000.00");
  g_assert_cmpstr (row[2], ==, "¥0.00");
}

/* The layout the drawing uses, for the tests to aim at. */
static PlazaChartLayout *
get_layout (PlazaChart *chart,
            double      width,
            double      height)
{
  PlazaChartText text;
  PlazaChartLayout *layout;

  plaza_chart_text_init (&text, width, height);
  layout = plaza_chart_layout_get (chart, &text, width, height);
  plaza_chart_text_clear (&text);
  return layout;
}

static void
test_chart_hit_bars (void)
{
  g_autoptr(PlazaChart) chart = plaza_chart_new (PLAZA_CHART_BAR, PLAZA_CHART_UNIT_FEN, "Three bars");
  PlazaChartLayout *layout;
  const PlazaChartItem *item;
  PlazaChartHit hit;
  guint i;

  plaza_chart_add_series (chart, "Sales", PLAZA_CHART_SERIES_NORMAL);
  for (i = 0; i < 3; i++)
    {
      g_autofree char *key = g_strdup_printf ("%uF", i + 1);

      plaza_chart_add_category (chart, key, key);
      plaza_chart_set_value (chart, 0, i, (i + 1) * 100000);
    }

  /* the middle of the chart's width, low down, is in the second bar */
  g_assert_true (plaza_chart_hit_test (chart, 600, 400, 300, 300, &hit));
  g_assert_cmpint (hit.category, ==, 1);
  g_assert_cmpint (hit.series, ==, 0);
  g_assert_cmpint (hit.row, ==, -1);
  g_assert_cmpint (hit.block, ==, -1);

  /* the exact middle of the second bar as laid out */
  layout = get_layout (chart, 600, 400);
  g_assert_cmpuint (layout->items->len, ==, 3);
  item = &g_array_index (layout->items, PlazaChartItem, 1);
  g_assert_cmpint (item->hit.category, ==, 1);
  /* bar heights are proportional to the values: 2 × the first */
  g_assert_cmpfloat (fabs (item->rect.h - 2 * g_array_index (layout->items, PlazaChartItem, 0).rect.h), <, 0.01);
  g_assert_true (plaza_chart_hit_test (chart, 600, 400, item->rect.x + item->rect.w / 2,
                                       item->rect.y + item->rect.h / 2, &hit));
  g_assert_cmpint (hit.category, ==, 1);

  /* the title, the gap between bars, above a bar: nothing */
  g_assert_false (plaza_chart_hit_test (chart, 600, 400, 2, 2, &hit));
  g_assert_cmpint (hit.category, ==, -1);
  g_assert_cmpint (hit.series, ==, -1);
  g_assert_false (plaza_chart_hit_test (chart, 600, 400, item->rect.x - 5, item->rect.y + item->rect.h / 2, &hit));
  g_assert_false (plaza_chart_hit_test (chart, 600, 400, item->rect.x + item->rect.w / 2, item->rect.y - 5, &hit));

  /* the same data as horizontal bars: the second row */
  plaza_chart_set_kind (chart, PLAZA_CHART_HBAR);
  layout = get_layout (chart, 600, 400);
  item = &g_array_index (layout->items, PlazaChartItem, 1);
  g_assert_true (plaza_chart_hit_test (chart, 600, 400, item->rect.x + item->rect.w / 2,
                                       item->rect.y + item->rect.h / 2, &hit));
  g_assert_cmpint (hit.category, ==, 1);
  g_assert_cmpfloat (item->rect.w, >, g_array_index (layout->items, PlazaChartItem, 0).rect.w);

  /* stacked: the top segment of a category is the second series */
  plaza_chart_set_kind (chart, PLAZA_CHART_STACKED);
  plaza_chart_add_series (chart, "More", PLAZA_CHART_SERIES_NORMAL);
  plaza_chart_set_value (chart, 1, 2, 300000);
  layout = get_layout (chart, 600, 400);
  item = &g_array_index (layout->items, PlazaChartItem, layout->items->len - 1);
  g_assert_cmpint (item->hit.series, ==, 1);
  g_assert_cmpint (item->hit.category, ==, 2);
  g_assert_true (plaza_chart_hit_test (chart, 600, 400, item->rect.x + item->rect.w / 2,
                                       item->rect.y + 2, &hit));
  g_assert_cmpint (hit.series, ==, 1);
  g_assert_cmpint (hit.category, ==, 2);
  g_assert_true (plaza_chart_hit_test (chart, 600, 400, item->rect.x + item->rect.w / 2,
                                       item->rect.y + item->rect.h + 2, &hit));
  g_assert_cmpint (hit.series, ==, 0);
  g_assert_cmpint (hit.category, ==, 2);
}

/* Crowded categories are thinned out (months every 2nd, 3rd … so whole
 * quarters), long names rotated, a long ranking loses no name before its
 * text has shrunk: no two labels overlap. */
static void
test_chart_labels (void)
{
  g_autoptr(PlazaChart) months = plaza_chart_new (PLAZA_CHART_BAR, PLAZA_CHART_UNIT_FEN, "Months");
  g_autoptr(PlazaChart) names = plaza_chart_new (PLAZA_CHART_HBAR, PLAZA_CHART_UNIT_FEN, "Names");
  PlazaChartLayout *layout;
  PlazaChartText text;
  guint i;

  plaza_chart_add_series (months, "Sales", PLAZA_CHART_SERIES_NORMAL);
  for (i = 0; i < 36; i++)
    {
      g_autofree char *key = g_strdup_printf ("%04u-%02u", 2024 + i / 12, i % 12 + 1);

      plaza_chart_add_category (months, key, key);
      plaza_chart_set_value (months, 0, i, 100000 + i);
    }
  layout = get_layout (months, 800, 500);
  g_assert_cmpuint (layout->labels->len, <, 36);
  g_assert_cmpuint (layout->labels->len, >=, 6);
  g_assert_cmpuint (36 % layout->labels->len, ==, 0);
  plaza_chart_text_init (&text, 800, 500);
  for (i = 1; i < layout->labels->len; i++)
    {
      const PlazaChartLabel *a = g_ptr_array_index (layout->labels, i - 1);
      const PlazaChartLabel *b = g_ptr_array_index (layout->labels, i);

      g_assert_false (a->rotated);
      g_assert_cmpfloat (b->x - a->x, >, plaza_chart_text_width (&text, a->text, 0.9, FALSE));
    }
  plaza_chart_text_clear (&text);

  /* 40 long names in 500 pixels: every one shown, smaller */
  plaza_chart_add_series (names, "Sales", PLAZA_CHART_SERIES_NORMAL);
  for (i = 0; i < 40; i++)
    {
      g_autofree char *name = g_strdup_printf ("上海测试租户第%u号餐饮管理有限公司", i);

      plaza_chart_add_category (names, name, name);
      plaza_chart_set_value (names, 0, i, 1000000 - i);
    }
  layout = get_layout (names, 800, 500);
  g_assert_cmpuint (layout->labels->len, ==, 40);
  g_assert_cmpfloat (layout->label_scale, <, 0.9);
  plaza_chart_text_init (&text, 800, 500);
  for (i = 1; i < layout->labels->len; i++)
    {
      const PlazaChartLabel *a = g_ptr_array_index (layout->labels, i - 1);
      const PlazaChartLabel *b = g_ptr_array_index (layout->labels, i);

      g_assert_true (a->right_aligned);
      g_assert_cmpfloat (b->y - a->y, >=, layout->font_px * layout->label_scale);
    }
  /* names are cut at about 14 characters */
  g_assert_cmpfloat (layout->plot.x, <, layout->pad + 16 * layout->font_px);
  plaza_chart_text_clear (&text);

  /* 400 of them: every other name or fewer, still apart */
  for (i = 40; i < 400; i++)
    {
      g_autofree char *name = g_strdup_printf ("租户%u", i);

      plaza_chart_add_category (names, name, name);
      plaza_chart_set_value (names, 0, i, 1000000 - i);
    }
  layout = get_layout (names, 800, 500);
  g_assert_cmpuint (layout->labels->len, <, 400);
  g_assert_cmpuint (layout->items->len, ==, 400);

  /* long category names under vertical bars are rotated */
  plaza_chart_set_kind (names, PLAZA_CHART_BAR);
  layout = get_layout (names, 800, 500);
  g_assert_true (((PlazaChartLabel *) g_ptr_array_index (layout->labels, 0))->rotated);
}

static void
test_chart_hit_line (void)
{
  g_autoptr(PlazaChart) chart = make_months (PLAZA_CHART_LINE);
  PlazaChartLayout *layout = get_layout (chart, 800, 500);
  const PlazaChartItem *item = NULL;
  PlazaChartHit hit;
  guint i;

  /* four points: February of this year is missing */
  g_assert_cmpuint (layout->items->len, ==, 5);
  for (i = 0; i < layout->items->len; i++)
    {
      item = &g_array_index (layout->items, PlazaChartItem, i);
      g_assert_false (item->hit.series == 0 && item->hit.category == 1);
    }
  item = &g_array_index (layout->items, PlazaChartItem, 1);
  g_assert_cmpint (item->hit.series, ==, 0);
  g_assert_cmpint (item->hit.category, ==, 2);
  g_assert_true (plaza_chart_hit_test (chart, 800, 500, item->cx + 5, item->cy - 3, &hit));
  g_assert_cmpint (hit.series, ==, 0);
  g_assert_cmpint (hit.category, ==, 2);
  g_assert_false (plaza_chart_hit_test (chart, 800, 500, item->cx + 20, item->cy - 20, &hit));
}

static void
test_chart_hit_donut (void)
{
  g_autoptr(PlazaChart) chart = plaza_chart_new (PLAZA_CHART_DONUT, PLAZA_CHART_UNIT_AREA, "Mix");
  PlazaChartLayout *layout;
  PlazaChartHit hit;
  double rm;
  g_autofree char *tip = NULL;

  plaza_chart_add_series (chart, "Area", PLAZA_CHART_SERIES_NORMAL);
  plaza_chart_add_category (chart, "fnb", "F&B");
  plaza_chart_add_category (chart, "none", "Nothing");
  plaza_chart_add_category (chart, "fashion", "Fashion");
  plaza_chart_set_value (chart, 0, 0, 10000);
  plaza_chart_set_value (chart, 0, 2, 30000);

  /* F&B is a quarter from 12 o'clock to 3 o'clock, Fashion the rest */
  layout = get_layout (chart, 600, 400);
  g_assert_cmpint (layout->total, ==, 40000);
  g_assert_cmpuint (layout->items->len, ==, 2);
  rm = (layout->r_inner + layout->r_outer) / 2;
  g_assert_true (plaza_chart_hit_test (chart, 600, 400, layout->cx + rm * sin (G_PI / 4),
                                       layout->cy - rm * cos (G_PI / 4), &hit));
  g_assert_cmpint (hit.category, ==, 0);
  g_assert_cmpint (hit.series, ==, 0);
  tip = plaza_chart_describe_hit (chart, &hit);
  g_assert_cmpstr (tip, ==, "F&B · 100.00 m² (25.00%)");
  g_assert_true (plaza_chart_hit_test (chart, 600, 400, layout->cx, layout->cy + rm, &hit));
  g_assert_cmpint (hit.category, ==, 2);
  g_assert_true (plaza_chart_hit_test (chart, 600, 400, layout->cx - rm, layout->cy, &hit));
  g_assert_cmpint (hit.category, ==, 2);
  /* the hole and outside the ring */
  g_assert_false (plaza_chart_hit_test (chart, 600, 400, layout->cx, layout->cy, &hit));
  g_assert_false (plaza_chart_hit_test (chart, 600, 400, layout->cx + layout->r_outer + 10, layout->cy, &hit));
}

static PlazaChart *
make_plan (void)
{
  PlazaChart *chart = plaza_chart_new (PLAZA_CHART_STACKING_PLAN, PLAZA_CHART_UNIT_FEN_PER_M2, "Plan");
  guint high, vacant, r;

  high = plaza_chart_add_band (chart, "High", FALSE);
  vacant = plaza_chart_add_band (chart, "Vacant", TRUE);
  r = plaza_chart_add_row (chart, "2F", "2F");
  plaza_chart_add_block (chart, r, "2F-01", "2F-01", 10000, high, 123456, TRUE);
  plaza_chart_add_block (chart, r, "2F-02", "2F-02", 30000, vacant, 0, FALSE);
  r = plaza_chart_add_row (chart, "1F", "1F");
  plaza_chart_add_block (chart, r, "1F-01", "1F-01", 20000, high, 50000, TRUE);
  return chart;
}

static void
test_chart_plan (void)
{
  g_autoptr(PlazaChart) chart = make_plan ();
  g_autoptr(GPtrArray) table = plaza_chart_to_table (chart);
  PlazaChartLayout *layout;
  const PlazaChartItem *a, *b, *c;
  PlazaChartHit hit;
  g_autofree char *tip = NULL;
  g_autofree char *tip2 = NULL;
  g_autofree char *sentence = plaza_chart_describe (chart);
  char **row;

  g_assert_cmpuint (plaza_chart_get_n_rows (chart), ==, 2);
  g_assert_cmpstr (plaza_chart_get_row_key (chart, 1), ==, "1F");
  g_assert_cmpstr (sentence, ==, "Plan. Stacking plan: 2 floors, 3 units.");

  layout = get_layout (chart, 800, 500);
  g_assert_cmpuint (layout->items->len, ==, 3);
  a = &g_array_index (layout->items, PlazaChartItem, 0);
  b = &g_array_index (layout->items, PlazaChartItem, 1);
  c = &g_array_index (layout->items, PlazaChartItem, 2);
  /* widths by area within the widest floor (2F, 400 m²) */
  g_assert_cmpfloat (fabs (b->rect.w - 3 * a->rect.w), <, 0.01);
  g_assert_cmpfloat (fabs (c->rect.w - (a->rect.w + b->rect.w) / 2), <, 0.01);
  g_assert_cmpfloat (fabs (a->rect.x + a->rect.w - b->rect.x), <, 0.01);
  g_assert_cmpfloat (c->rect.y, >, a->rect.y);

  g_assert_true (plaza_chart_hit_test (chart, 800, 500, b->rect.x + b->rect.w / 2, b->rect.y + b->rect.h / 2, &hit));
  g_assert_cmpint (hit.row, ==, 0);
  g_assert_cmpint (hit.block, ==, 1);
  g_assert_cmpint (hit.series, ==, -1);
  g_assert_cmpint (hit.category, ==, -1);
  tip = plaza_chart_describe_hit (chart, &hit);
  g_assert_cmpstr (tip, ==, "2F · 2F-02 · 300.00 m² · Vacant");
  g_assert_true (plaza_chart_hit_test (chart, 800, 500, c->rect.x + 3, c->rect.y + 3, &hit));
  g_assert_cmpint (hit.row, ==, 1);
  g_assert_cmpint (hit.block, ==, 0);
  tip2 = plaza_chart_describe_hit (chart, &hit);
  g_assert_cmpstr (tip2, ==, "1F · 1F-01 · 200.00 m² · High · ¥500.00/m²");
  /* right of 1F's only unit there is nothing */
  g_assert_false (plaza_chart_hit_test (chart, 800, 500, c->rect.x + c->rect.w + 10, c->rect.y + 3, &hit));

  g_assert_cmpuint (table->len, ==, 4);
  row = g_ptr_array_index (table, 0);
  g_assert_cmpuint (g_strv_length (row), ==, 5);
  g_assert_cmpstr (row[0], ==, "Floor");
  g_assert_cmpstr (row[1], ==, "Unit");
  row = g_ptr_array_index (table, 1);
  g_assert_cmpstr (row[0], ==, "2F");
  g_assert_cmpstr (row[1], ==, "2F-01");
  g_assert_cmpstr (row[2], ==, "100.00");
  g_assert_cmpstr (row[3], ==, "High");
  g_assert_cmpstr (row[4], ==, "¥1,234.56/m²");
  row = g_ptr_array_index (table, 2);
  g_assert_cmpstr (row[4], ==, "");
}

static void
assert_starts (const char *path,
               const char *prefix,
               const char *other)
{
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 100);
  g_assert_true (memcmp (contents, prefix, strlen (prefix)) == 0
                 || (other != NULL && memcmp (contents, other, strlen (other)) == 0));
}

static void
test_chart_save (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("plaza-chart-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "c.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "c.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "c.PDF", NULL);
  g_autofree char *plan = g_build_filename (dir, "plan.png", NULL);
  g_autofree char *txt = g_build_filename (dir, "c.txt", NULL);
  g_autoptr(PlazaChart) chart = make_months (PLAZA_CHART_BAR);
  g_autoptr(PlazaChart) plan_chart = make_plan ();
  PlazaChartKind kinds[] = { PLAZA_CHART_BAR, PLAZA_CHART_HBAR, PLAZA_CHART_LINE, PLAZA_CHART_DONUT,
                             PLAZA_CHART_STACKED };
  guint i;

  plaza_chart_add_reference (chart, "Target", 200000);
  for (i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      plaza_chart_set_kind (chart, kinds[i]);
      g_assert_true (plaza_chart_save (chart, png, 640, 400, &error));
      g_assert_no_error (error);
      assert_starts (png, "\x89PNG\r\n\x1a\n", NULL);
    }
  g_assert_true (plaza_chart_save (chart, svg, 640, 400, &error));
  g_assert_no_error (error);
  assert_starts (svg, "<?xml", "<svg");
  g_assert_true (plaza_chart_save (chart, pdf, 640, 400, &error));
  g_assert_no_error (error);
  assert_starts (pdf, "%PDF", NULL);
  g_assert_true (plaza_chart_save (plan_chart, plan, 640, 400, &error));
  g_assert_no_error (error);
  assert_starts (plan, "\x89PNG\r\n\x1a\n", NULL);

  /* 640 × 400 pixels on an opaque white background, not transparent */
  {
    cairo_surface_t *image = cairo_image_surface_create_from_png (plan);
    const guint32 *pixel;

    g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
    g_assert_cmpint (cairo_image_surface_get_width (image), ==, 640);
    g_assert_cmpint (cairo_image_surface_get_height (image), ==, 400);
    pixel = (const guint32 *) (gconstpointer) cairo_image_surface_get_data (image);
    g_assert_cmphex (pixel[0], ==, 0xffffffff);
    cairo_surface_destroy (image);
  }

  g_assert_false (plaza_chart_save (chart, txt, 640, 400, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));

  g_unlink (png);
  g_unlink (svg);
  g_unlink (pdf);
  g_unlink (plan);
  g_rmdir (dir);
}

static void
test_chart_empty (void)
{
  g_autoptr(PlazaChart) chart = plaza_chart_new (PLAZA_CHART_BAR, PLAZA_CHART_UNIT_FEN, "");
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 200, 100);
  cairo_t *cr = cairo_create (surface);
  PlazaChartKind kinds[] = { PLAZA_CHART_BAR, PLAZA_CHART_HBAR, PLAZA_CHART_LINE, PLAZA_CHART_DONUT,
                             PLAZA_CHART_STACKED };
  g_autoptr(PlazaChart) plan = plaza_chart_new (PLAZA_CHART_STACKING_PLAN, PLAZA_CHART_UNIT_FEN, "Empty");
  PlazaChartHit hit;
  guint i;

  /* nothing to draw is no crash, at any size */
  for (i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      plaza_chart_set_kind (chart, kinds[i]);
      plaza_chart_draw (chart, cr, 200, 100, i % 2 == 0, NULL);
      plaza_chart_draw (chart, cr, 1, 1, FALSE, NULL);
      g_assert_false (plaza_chart_hit_test (chart, 200, 100, 100, 50, &hit));
    }
  plaza_chart_draw (plan, cr, 200, 100, TRUE, NULL);
  g_assert_false (plaza_chart_hit_test (plan, 200, 100, 100, 50, &hit));
  /* the dark palette's background, #242424 */
  cairo_surface_flush (surface);
  g_assert_cmphex (((const guint32 *) (gconstpointer) cairo_image_surface_get_data (surface))[0], ==, 0xff242424);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Ordered bands are shades of one hue: ascending from pale to strong,
 * descending the other way; the vacant band stays grey; without a ramp
 * the bands are distinct colours. */
static void
test_chart_band_ramp (void)
{
  g_autoptr(PlazaChart) chart = plaza_chart_new (PLAZA_CHART_STACKING_PLAN, PLAZA_CHART_UNIT_FEN_PER_M2, "Plan");
  const PlazaChartPalette *palette = plaza_chart_palette (FALSE);
  PlazaChartRgb low, mid, high, vacant;

  plaza_chart_add_band (chart, "Under 1,000", FALSE);
  plaza_chart_add_band (chart, "1,000 - 2,000", FALSE);
  plaza_chart_add_band (chart, "2,000 and over", FALSE);
  plaza_chart_add_band (chart, "No sales", TRUE);

  low = plaza_chart_band_colour (chart, palette, 0);
  high = plaza_chart_band_colour (chart, palette, 2);
  g_assert_false (low.r == high.r && low.g == high.g && low.b == high.b);

  plaza_chart_set_band_ramp (chart, PLAZA_CHART_RAMP_ASCENDING);
  low = plaza_chart_band_colour (chart, palette, 0);
  mid = plaza_chart_band_colour (chart, palette, 1);
  high = plaza_chart_band_colour (chart, palette, 2);
  vacant = plaza_chart_band_colour (chart, palette, 3);
  /* on white, pale means closer to 1 in every channel */
  g_assert_cmpfloat (low.r + low.g + low.b, >, mid.r + mid.g + mid.b);
  g_assert_cmpfloat (mid.r + mid.g + mid.b, >, high.r + high.g + high.b);
  g_assert_cmpfloat_with_epsilon (high.r, palette->series[0].r, 1e-9);
  g_assert_cmpfloat_with_epsilon (vacant.r, palette->vacant.r, 1e-9);

  plaza_chart_set_band_ramp (chart, PLAZA_CHART_RAMP_DESCENDING);
  low = plaza_chart_band_colour (chart, palette, 0);
  high = plaza_chart_band_colour (chart, palette, 2);
  g_assert_cmpfloat (low.r + low.g + low.b, <, high.r + high.g + high.b);
}

/* Ink (pixels darker than light grey) in the top @rows pixel rows of a
 * PDF's first page rendered by pdftoppm at 144 dpi, or -1 when pdftoppm is
 * missing. */
static gint64
pdf_ink (const char *pdf,
         int         rows)
{
  g_autofree char *prog = g_find_program_in_path ("pdftoppm");
  g_autofree char *stem = g_strconcat (pdf, "-page", NULL);
  g_autofree char *png = g_strconcat (stem, ".png", NULL);
  const char *argv[] = { prog, "-png", "-r", "144", "-gray", "-singlefile", pdf, stem, NULL };
  cairo_surface_t *image;
  gint64 ink = 0;
  int status;

  if (prog == NULL)
    return -1;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  for (int y = 0; y < MIN (rows, cairo_image_surface_get_height (image)); y++)
    {
      const guint8 *line = cairo_image_surface_get_data (image) + y * cairo_image_surface_get_stride (image);

      for (int x = 0; x < cairo_image_surface_get_width (image); x++)
        {
          guint32 pixel = ((const guint32 *) line)[x];

          if ((pixel & 0xff) < 200)
            ink++;
        }
    }
  cairo_surface_destroy (image);
  g_unlink (png);
  return ink;
}

/* Every Han character leaves ink in a PDF: 如 is one that Debian 12's
 * cairo once embedded blank from Noto Sans CJK (plaza-pdf.h). */
static void
test_chart_pdf_glyphs (void)
{
  g_autofree char *dir = g_dir_make_tmp ("plaza-chart-glyphs-XXXXXX", NULL);
  g_autofree char *with = g_build_filename (dir, "with.pdf", NULL);
  g_autofree char *without = g_build_filename (dir, "without.pdf", NULL);
  g_autoptr(PlazaChart) a = plaza_chart_new (PLAZA_CHART_BAR, PLAZA_CHART_UNIT_FEN, "T");
  g_autoptr(PlazaChart) b = plaza_chart_new (PLAZA_CHART_BAR, PLAZA_CHART_UNIT_FEN, "T");
  g_autoptr(GError) error = NULL;
  gint64 ink_with, ink_without;

  /* regular weight (the subtitle): the bold face kept its 如 */
  plaza_chart_set_subtitle (a, "如果如何 例如 合同 商户");
  plaza_chart_set_subtitle (b, "果何 例 合同 商户");
  g_assert_true (plaza_chart_save (a, with, 400, 240, &error));
  g_assert_no_error (error);
  g_assert_true (plaza_chart_save (b, without, 400, 240, &error));
  g_assert_no_error (error);
  ink_with = pdf_ink (with, 120);
  ink_without = pdf_ink (without, 120);
  if (ink_with < 0)
    {
      g_test_skip ("pdftoppm is not installed");
      return;
    }
  g_test_message ("ink in the title rows: %lld with 如, %lld without it",
                  (long long) ink_with, (long long) ink_without);
  /* three more characters of about 22 px at this resolution: well over a
   * hundred pixels more */
  g_assert_cmpint (ink_with - ink_without, >, 150);
  g_unlink (with);
  g_unlink (without);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/ticks", test_chart_ticks);
  g_test_add_func ("/chart/format", test_chart_format);
  g_test_add_func ("/chart/model", test_chart_model);
  g_test_add_func ("/chart/words", test_chart_words);
  g_test_add_func ("/chart/labels", test_chart_labels);
  g_test_add_func ("/chart/hit/bars", test_chart_hit_bars);
  g_test_add_func ("/chart/hit/line", test_chart_hit_line);
  g_test_add_func ("/chart/hit/donut", test_chart_hit_donut);
  g_test_add_func ("/chart/plan", test_chart_plan);
  g_test_add_func ("/chart/band-ramp", test_chart_band_ramp);
  g_test_add_func ("/chart/pdf-glyphs", test_chart_pdf_glyphs);
  g_test_add_func ("/chart/save", test_chart_save);
  g_test_add_func ("/chart/empty", test_chart_empty);

  return g_test_run ();
}
