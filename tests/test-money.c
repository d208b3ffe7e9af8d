/* test-money.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plaza-test"

#include "config.h"

#include <string.h>

#include "plaza-core.h"

static void
test_money_parse_good (void)
{
  static const struct { const char *text; gint64 fen; } cases[] = {
    { "0", 0 }, { "1234.5", 123450 }, { "1,234.56", 123456 }, { "¥1,234.56", 123456 },
    { "￥12", 1200 }, { "-3", -300 }, { " 12.30 ", 1230 }, { ".5", 50 }, { "7.", 700 },
    { "1,234,567.89", 123456789 }, { "-¥12.00", -1200 }, { "¥-12", -1200 },
    { "0.01", 1 }, { "12.500", 1250 }, { "+8", 800 }, { "92233720368547758.07", G_MAXINT64 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 fen = -1;

      g_test_message ("parsing “%s”", cases[i].text);
      g_assert_true (plaza_money_parse (cases[i].text, &fen));
      g_assert_cmpint (fen, ==, cases[i].fen);
    }
}

static void
test_money_parse_bad (void)
{
  static const char *cases[] = {
    "", " ", "abc", "1.234", "1,23", "12,34.5", ",123", "1,,234", "--1", "1-",
    "1.2.3", "¥", "12 34", "1e5", "92233720368547758.08", "99999999999999999999", "12元", ".",
    "1,2345",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 fen = 42;

      g_test_message ("parsing “%s”", cases[i]);
      g_assert_false (plaza_money_parse (cases[i], &fen));
      g_assert_cmpint (fen, ==, 42);
    }
  {
    gint64 fen = 42;
    g_assert_false (plaza_money_parse (NULL, &fen));
  }
}

static void
test_money_format (void)
{
  static const struct { gint64 fen; const char *symbol; const char *plain; } cases[] = {
    { 0, "¥0.00", "0.00" },
    { 5, "¥0.05", "0.05" },
    { -5, "-¥0.05", "-0.05" },
    { 123456789, "¥1,234,567.89", "1234567.89" },
    { -1200, "-¥12.00", "-12.00" },
    { 100000, "¥1,000.00", "1000.00" },
    { 99999, "¥999.99", "999.99" },
    { G_MAXINT64, "¥92,233,720,368,547,758.07", "92233720368547758.07" },
    { G_MININT64, "-¥92,233,720,368,547,758.08", "-92233720368547758.08" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *with = plaza_money_format (cases[i].fen, TRUE);
      g_autofree char *without = plaza_money_format (cases[i].fen, FALSE);
      g_autofree char *plain = plaza_money_format_plain (cases[i].fen);
      gint64 back = 0;
      g_auto(GStrv) parts = g_strsplit (cases[i].symbol, "¥", -1);
      g_autofree char *expected_without = g_strjoinv ("", parts);

      g_assert_cmpstr (with, ==, cases[i].symbol);
      g_assert_cmpstr (without, ==, expected_without);
      g_assert_cmpstr (plain, ==, cases[i].plain);
      if (cases[i].fen != G_MININT64)
        {
          g_assert_true (plaza_money_parse (with, &back));
          g_assert_cmpint (back, ==, cases[i].fen);
          g_assert_true (plaza_money_parse (plain, &back));
          g_assert_cmpint (back, ==, cases[i].fen);
        }
    }
}

static void
test_area (void)
{
  gint64 v = 0;
  g_autofree char *a = NULL;

  g_assert_true (plaza_area_parse ("125.5", &v));
  g_assert_cmpint (v, ==, 12550);
  g_assert_true (plaza_area_parse ("1,250", &v));
  g_assert_cmpint (v, ==, 125000);
  g_assert_false (plaza_area_parse ("-1", &v));
  g_assert_false (plaza_area_parse ("1.005", &v));
  g_assert_false (plaza_area_parse ("¥5", &v));
  g_assert_false (plaza_area_parse ("", &v));
  a = plaza_area_format (123450);
  g_assert_cmpstr (a, ==, "1,234.50");
}

static void
test_percent (void)
{
  gint64 bp = 0;
  g_autofree char *p = NULL;

  g_assert_true (plaza_percent_parse ("18", &bp));
  g_assert_cmpint (bp, ==, 1800);
  g_assert_true (plaza_percent_parse ("18.5", &bp));
  g_assert_cmpint (bp, ==, 1850);
  g_assert_true (plaza_percent_parse ("9.50%", &bp));
  g_assert_cmpint (bp, ==, 950);
  g_assert_false (plaza_percent_parse ("9.505", &bp));
  g_assert_false (plaza_percent_parse ("%", &bp));
  p = plaza_percent_format (1850);
  g_assert_cmpstr (p, ==, "18.50");
}

static void
test_dates (void)
{
  static const char *bad[] = { "", "2026-2-3", "2026/02/03", "2026-02-30", "2026-13-01", "2026-02-03x",
                               "20260203", "2026-02-3 ", "+026-02-03", "2026- 2-03", "0000-01-01", NULL };
  g_autofree char *text = NULL;
  GDate date;

  g_assert_true (plaza_date_parse ("2028-02-29", &date));
  g_assert_cmpint (g_date_get_day (&date), ==, 29);
  text = plaza_date_format (&date);
  g_assert_cmpstr (text, ==, "2028-02-29");
  for (guint i = 0; bad[i] != NULL; i++)
    {
      g_test_message ("“%s”", bad[i]);
      g_assert_false (plaza_date_parse (bad[i], &date));
      g_assert_false (g_date_valid (&date));
    }
  g_assert_false (plaza_date_parse (NULL, &date));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/money/parse/good", test_money_parse_good);
  g_test_add_func ("/money/parse/bad", test_money_parse_bad);
  g_test_add_func ("/money/format", test_money_format);
  g_test_add_func ("/money/area", test_area);
  g_test_add_func ("/money/percent", test_percent);
  g_test_add_func ("/date/parse-and-format", test_dates);

  return g_test_run ();
}
