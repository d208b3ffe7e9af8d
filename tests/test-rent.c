/* test-rent.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rent engine against DOMAIN.md "Rent rules". The expected rows were
 * worked out by hand (the arithmetic is in the comments) and checked with
 * tests/data/rent/golden.py, an independent Python reference; the random
 * cases compare the engine with a slow day-by-day reference below that
 * adds reduced fractions with GDate's own month arithmetic.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <string.h>

#include "plaza-demo.h"
#include "plaza-rent.h"
#include "test-util.h"

#define HEADER "month,from,to,days,rent_days,base_rent,percentage_rent,rent,fees,total\n"

static PlazaRentTerms *
terms_from (const char *json)
{
  g_autoptr(GError) error = NULL;
  PlazaRentTerms *terms = plaza_rent_terms_new_from_json (json, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (terms);
  return terms;
}

static PlazaRentSales *
sales_from (const char *csv)
{
  g_autoptr(GError) error = NULL;
  PlazaRentSales *sales = plaza_rent_sales_new_from_csv (csv, strlen (csv), &error);

  g_assert_no_error (error);
  g_assert_nonnull (sales);
  return sales;
}

/* The whole schedule as CSV, header included. */
static char *
schedule_csv (const char *json,
              const char *sales_csv)
{
  g_autoptr(PlazaRentTerms) terms = terms_from (json);
  g_autoptr(PlazaRentSales) sales = sales_csv != NULL ? sales_from (sales_csv) : NULL;
  g_autoptr(GArray) schedule = NULL;
  g_autoptr(GError) error = NULL;

  schedule = plaza_rent_schedule (terms, sales, &error);
  g_assert_no_error (error);
  g_assert_nonnull (schedule);
  return plaza_rent_schedule_to_csv (schedule);
}

/* Row @index (0-based, after the header) of the schedule's CSV. */
static void
assert_row (const char *csv,
            guint       index,
            const char *expected)
{
  g_auto(GStrv) lines = g_strsplit (csv, "\n", -1);

  g_assert_cmpstr (lines[0], ==, "month,from,to,days,rent_days,base_rent,percentage_rent,rent,fees,total");
  g_assert_cmpuint (g_strv_length (lines), >, index + 1);
  g_assert_cmpstr (lines[index + 1], ==, expected);
}

static guint
count_rows (const char *csv)
{
  guint n = 0;

  for (const char *p = csv; *p != '\0'; p++)
    if (*p == '\n')
      n++;
  return n - 1;
}

#define DOMAIN_EXAMPLE                                                   \
  "{\"start\": \"2026-03-15\", \"end\": \"2029-03-14\", \"area\": \"125.50\"," \
  " \"model\": \"higher_of\", \"rent\": {\"amount\": \"8.50\", \"unit\": \"m2_day\"}," \
  " \"percentage\": \"18.00\", \"escalation\": {\"every_months\": 12, \"percent\": \"5.00\"}," \
  " \"free\": [{\"from\": \"2026-03-15\", \"to\": \"2026-05-14\"}]," \
  " \"fees\": [{\"name\": \"物业管理费\", \"amount\": \"30.00\", \"unit\": \"m2_month\"}]}"

static void
test_domain_example (void)
{
  g_autofree char *csv = schedule_csv (DOMAIN_EXAMPLE, NULL);

  g_assert_cmpuint (count_rows (csv), ==, 37);
  /* DOMAIN.md's row: fee 30 × 125.5 × 17 / 31 = 2064.677… */
  assert_row (csv, 0, "2026-03,2026-03-15,2026-03-31,17,0,0.00,0.00,0.00,2064.68,2064.68");
  /* Free all month; the fee is a full month: 30 × 125.5. */
  assert_row (csv, 1, "2026-04,2026-04-01,2026-04-30,30,0,0.00,0.00,0.00,3765.00,3765.00");
  /* Rent from 05-15: 8.50 × 125.5 × 17 days. */
  assert_row (csv, 2, "2026-05,2026-05-01,2026-05-31,31,17,18134.75,0.00,18134.75,3765.00,21899.75");
  /* Escalation on 2027-03-15 (mid-month): 8.50 × 1.05 = 8.925 → 8.93;
   * 125.5 × (14 × 8.50 + 17 × 8.93) = 33986.655 → 33986.66 (half up). */
  assert_row (csv, 12, "2027-03,2027-03-01,2027-03-31,31,31,33986.66,0.00,33986.66,3765.00,37751.66");
  /* Last period clipped to 03-14: 8.93 × 1.05 = 9.3765 → 9.38; 9.38 × 125.5 × 14;
   * fee 3765 × 14 / 31 = 1700.32. */
  assert_row (csv, 36, "2029-03,2029-03-01,2029-03-14,14,14,16480.66,0.00,16480.66,1700.32,18180.98");
}

static void
test_m2_month_full (void)
{
  g_autofree char *csv = schedule_csv ("{\"start\":\"2026-01-01\",\"end\":\"2026-03-31\",\"area\":\"125.50\","
                                       "\"model\":\"fixed\",\"rent\":{\"amount\":\"30.00\",\"unit\":\"m2_month\"}}",
                                       NULL);

  /* A full month at m2_month is exactly rate × area, whatever its length. */
  g_assert_cmpuint (count_rows (csv), ==, 3);
  assert_row (csv, 0, "2026-01,2026-01-01,2026-01-31,31,31,3765.00,0.00,3765.00,0.00,3765.00");
  assert_row (csv, 1, "2026-02,2026-02-01,2026-02-28,28,28,3765.00,0.00,3765.00,0.00,3765.00");
  assert_row (csv, 2, "2026-03,2026-03-01,2026-03-31,31,31,3765.00,0.00,3765.00,0.00,3765.00");
}

static void
test_month_lump_partial (void)
{
  g_autofree char *csv = schedule_csv ("{\"start\":\"2026-01-10\",\"end\":\"2026-02-20\",\"area\":\"50\","
                                       "\"model\":\"fixed\",\"rent\":{\"amount\":\"10000.00\",\"unit\":\"month\"}}",
                                       NULL);

  /* 10000 × 22 / 31 = 7096.774…; 10000 × 20 / 28 = 7142.857… */
  g_assert_cmpuint (count_rows (csv), ==, 2);
  assert_row (csv, 0, "2026-01,2026-01-10,2026-01-31,22,22,7096.77,0.00,7096.77,0.00,7096.77");
  assert_row (csv, 1, "2026-02,2026-02-01,2026-02-20,20,20,7142.86,0.00,7142.86,0.00,7142.86");
}

static void
test_leap_february (void)
{
  g_autofree char *csv = schedule_csv ("{\"start\":\"2028-02-15\",\"end\":\"2028-03-01\",\"area\":\"100.00\","
                                       "\"model\":\"fixed\",\"rent\":{\"amount\":\"1.00\",\"unit\":\"m2_day\"},"
                                       "\"fees\":[{\"name\":\"f\",\"amount\":\"29.00\",\"unit\":\"m2_month\"}]}",
                                       NULL);

  /* Feb 2028 has 29 days: 15 days × 100; fee 29 × 100 × 15 / 29 = 1500;
   * March: one day, fee 2900 / 31 = 93.548… */
  assert_row (csv, 0, "2028-02,2028-02-15,2028-02-29,15,15,1500.00,0.00,1500.00,1500.00,3000.00");
  assert_row (csv, 1, "2028-03,2028-03-01,2028-03-01,1,1,100.00,0.00,100.00,93.55,193.55");
}

static void
test_escalation_month_end (void)
{
  g_autofree char *csv = schedule_csv ("{\"start\":\"2026-01-31\",\"end\":\"2026-05-31\",\"area\":\"1\","
                                       "\"model\":\"fixed\",\"rent\":{\"amount\":\"1000.00\",\"unit\":\"month\"},"
                                       "\"escalation\":{\"every_months\":1,\"percent\":\"10.00\"}}",
                                       NULL);

  /* Steps: 02-28 → 1100, 03-31 → 1210, 04-30 → 1331, 05-31 → 1464.10
   * (each from the 31st, clamped; not 03-28 after 02-28). */
  assert_row (csv, 0, "2026-01,2026-01-31,2026-01-31,1,1,32.26,0.00,32.26,0.00,32.26");
  /* (27 × 1000 + 1100) / 28 = 1003.571… */
  assert_row (csv, 1, "2026-02,2026-02-01,2026-02-28,28,28,1003.57,0.00,1003.57,0.00,1003.57");
  /* (30 × 1100 + 1210) / 31 = 1103.548… */
  assert_row (csv, 2, "2026-03,2026-03-01,2026-03-31,31,31,1103.55,0.00,1103.55,0.00,1103.55");
  /* (29 × 1210 + 1331) / 30 = 1214.033… */
  assert_row (csv, 3, "2026-04,2026-04-01,2026-04-30,30,30,1214.03,0.00,1214.03,0.00,1214.03");
  /* (30 × 1331 + 1464.10) / 31 = 1335.293… */
  assert_row (csv, 4, "2026-05,2026-05-01,2026-05-31,31,31,1335.29,0.00,1335.29,0.00,1335.29");
}

static void
test_escalation_compound_mid_month (void)
{
  g_autofree char *csv = schedule_csv ("{\"start\":\"2026-01-16\",\"end\":\"2028-03-31\",\"area\":\"100.00\","
                                       "\"model\":\"fixed\",\"rent\":{\"amount\":\"10.00\",\"unit\":\"m2_day\"},"
                                       "\"escalation\":{\"every_months\":12,\"percent\":\"5.00\"}}",
                                       NULL);

  /* Worked by hand: 16 days × 10.00 × 100 m² = 16,000.00. */
  assert_row (csv, 0, "2026-01,2026-01-16,2026-01-31,16,16,16000.00,0.00,16000.00,0.00,16000.00");
  /* Step on 2027-01-16: 10.00 × 1.05 = 10.50. 15 × 10.00 + 16 × 10.50 = 318.00 a m². */
  assert_row (csv, 12, "2027-01,2027-01-01,2027-01-31,31,31,31800.00,0.00,31800.00,0.00,31800.00");
  /* Step on 2028-01-16 compounds on the rounded rate: 10.50 × 1.05 = 11.025
   * → 11.03 (half up). 15 × 10.50 + 16 × 11.03 = 333.98 a m². */
  assert_row (csv, 24, "2028-01,2028-01-01,2028-01-31,31,31,33398.00,0.00,33398.00,0.00,33398.00");
  /* A leap February at 11.03: 29 × 11.03 × 100 = 31,987.00. */
  assert_row (csv, 25, "2028-02,2028-02-01,2028-02-29,29,29,31987.00,0.00,31987.00,0.00,31987.00");
}

static void
test_escalation_leap_day (void)
{
  const char *json = "{\"start\":\"2024-02-29\",\"end\":\"2028-03-01\",\"area\":\"20.00\",\"model\":\"fixed\","
                     "\"rent\":{\"amount\":\"10.00\",\"unit\":\"m2_day\"},"
                     "\"escalation\":{\"every_months\":12,\"percent\":\"2.50\"}}";
  g_autoptr(PlazaRentTerms) terms = terms_from (json);
  g_autofree char *csv = schedule_csv (json, NULL);
  g_autoptr(GError) error = NULL;
  GDate date;
  gint64 rate = 0;

  /* 10.00 → 10.25 (2025-02-28) → 10.50625 → 10.51 (2026-02-28) → 10.77275 → 10.77
   * (2027-02-28) → 11.039… → 11.04 (2028-02-29: a leap year again). */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 27, 2, 2025);
  g_assert_true (plaza_rent_rate_on (terms, &date, &rate, &error));
  g_assert_cmpint (rate, ==, 1000);
  g_date_set_dmy (&date, 28, 2, 2025);
  g_assert_true (plaza_rent_rate_on (terms, &date, &rate, &error));
  g_assert_cmpint (rate, ==, 1025);
  g_date_set_dmy (&date, 28, 2, 2026);
  g_assert_true (plaza_rent_rate_on (terms, &date, &rate, &error));
  g_assert_cmpint (rate, ==, 1051);
  g_date_set_dmy (&date, 28, 2, 2028);
  g_assert_true (plaza_rent_rate_on (terms, &date, &rate, &error));
  g_assert_cmpint (rate, ==, 1077);
  g_date_set_dmy (&date, 29, 2, 2028);
  g_assert_true (plaza_rent_rate_on (terms, &date, &rate, &error));
  g_assert_cmpint (rate, ==, 1104);
  g_assert_no_error (error);

  assert_row (csv, 0, "2024-02,2024-02-29,2024-02-29,1,1,200.00,0.00,200.00,0.00,200.00");
  /* 27 × 200 + 205 */
  assert_row (csv, 12, "2025-02,2025-02-01,2025-02-28,28,28,5605.00,0.00,5605.00,0.00,5605.00");
  /* 28 × 10.77 × 20 + 11.04 × 20 */
  assert_row (csv, 48, "2028-02,2028-02-01,2028-02-29,29,29,6252.00,0.00,6252.00,0.00,6252.00");
  assert_row (csv, 49, "2028-03,2028-03-01,2028-03-01,1,1,220.80,0.00,220.80,0.00,220.80");
}

static void
test_free_ranges (void)
{
  g_autofree char *csv = schedule_csv (
    "{\"start\":\"2026-06-01\",\"end\":\"2026-06-30\",\"area\":\"10.00\",\"model\":\"fixed\","
    "\"rent\":{\"amount\":\"5.00\",\"unit\":\"m2_day\"},"
    "\"free\":[{\"from\":\"2026-06-01\",\"to\":\"2026-06-03\"},{\"from\":\"2026-06-10\",\"to\":\"2026-06-12\"},"
    "{\"from\":\"2026-06-11\",\"to\":\"2026-06-15\"},{\"from\":\"2025-01-01\",\"to\":\"2025-12-31\"}],"
    "\"fees\":[{\"name\":\"推广费\",\"amount\":\"300.00\",\"unit\":\"month\"}]}",
    NULL);

  /* Free: 1–3 and 10–15 (overlapping ranges count once): 21 days × 50;
   * the fee runs through free days: a full month. */
  assert_row (csv, 0, "2026-06,2026-06-01,2026-06-30,30,21,1050.00,0.00,1050.00,300.00,1350.00");
}

static void
test_fee_lines_rounded_apart (void)
{
  const char *json = "{\"start\":\"2026-01-31\",\"end\":\"2026-01-31\",\"area\":\"1\",\"model\":\"fixed\","
                     "\"rent\":{\"amount\":\"0\",\"unit\":\"month\"},"
                     "\"fees\":[{\"name\":\"a\",\"amount\":\"100.00\",\"unit\":\"month\"},"
                     "{\"name\":\"b\",\"amount\":\"100.00\",\"unit\":\"month\"}]}";
  g_autoptr(PlazaRentTerms) terms = terms_from (json);
  g_autoptr(GArray) schedule = plaza_rent_schedule (terms, NULL, NULL);
  g_autofree char *csv = schedule_csv (json, NULL);
  const PlazaRentPeriod *p;

  /* 100 / 31 = 3.2258 → 3.23 per fee → 6.46 (not 200 / 31 = 6.45). */
  assert_row (csv, 0, "2026-01,2026-01-31,2026-01-31,1,1,0.00,0.00,0.00,6.46,6.46");
  g_assert_cmpuint (schedule->len, ==, 1);
  p = &g_array_index (schedule, PlazaRentPeriod, 0);
  g_assert_cmpuint (p->n_fee_lines, ==, 2);
  g_assert_cmpint (p->fee_lines[0], ==, 323);
  g_assert_cmpint (p->fee_lines[1], ==, 323);
}

static void
test_percentage (void)
{
  g_autofree char *csv = schedule_csv ("{\"start\":\"2026-01-01\",\"end\":\"2026-02-28\",\"area\":\"60\","
                                       "\"model\":\"percentage\",\"percentage\":\"18.00\"}",
                                       "date,amount\n2026-01-15,1234.56\n2026-02-03,-500.00\n2026-02-04,100.00\n");

  /* 1234.56 × 18 % = 222.2208; February's sales are negative: no rent. */
  assert_row (csv, 0, "2026-01,2026-01-01,2026-01-31,31,31,0.00,222.22,222.22,0.00,222.22");
  assert_row (csv, 1, "2026-02,2026-02-01,2026-02-28,28,28,0.00,0.00,0.00,0.00,0.00");
}

static void
test_tiers (void)
{
  const char *json = "{\"start\":\"2026-01-01\",\"end\":\"2026-03-31\",\"area\":\"60\",\"model\":\"percentage\","
                     "\"percentage_tiers\":[{\"above\":\"0\",\"percent\":\"5.00\"},"
                     "{\"above\":\"100000.00\",\"percent\":\"8.00\"},{\"above\":\"300000.00\",\"percent\":\"10.00\"}]}";
  g_autofree char *csv = schedule_csv (json, "date,amount\n"
                                             "2026-01-02,350000.00\n2026-01-31,0.55\n"
                                             "2026-02-10,100000.00\n"
                                             "2026-03-01,150000.01\n");

  /* 100000 × 5 % + 200000 × 8 % + 50000.55 × 10 % = 5000 + 16000 + 5000.055 → 26000.06 */
  assert_row (csv, 0, "2026-01,2026-01-01,2026-01-31,31,31,0.00,26000.06,26000.06,0.00,26000.06");
  /* Exactly on a threshold: all at 5 %. */
  assert_row (csv, 1, "2026-02,2026-02-01,2026-02-28,28,28,0.00,5000.00,5000.00,0.00,5000.00");
  /* 5000 + 50000.01 × 8 % = 5000 + 4000.0008 → 9000.00 */
  assert_row (csv, 2, "2026-03,2026-03-01,2026-03-31,31,31,0.00,9000.00,9000.00,0.00,9000.00");
}

static void
test_higher_of (void)
{
  g_autofree char *csv = schedule_csv ("{\"start\":\"2026-01-01\",\"end\":\"2026-02-28\",\"area\":\"100.00\","
                                       "\"model\":\"higher_of\",\"rent\":{\"amount\":\"100.00\",\"unit\":\"m2_month\"},"
                                       "\"percentage\":\"10.00\"}",
                                       "date,amount\n2026-01-15,99999.94\n2026-02-03,100000.06\n");

  /* Minimum 10000.00 each month; 10 % of 99999.94 = 9999.994 → 9999.99 loses,
   * 10 % of 100000.06 = 10000.006 → 10000.01 wins. */
  assert_row (csv, 0, "2026-01,2026-01-01,2026-01-31,31,31,10000.00,9999.99,10000.00,0.00,10000.00");
  assert_row (csv, 1, "2026-02,2026-02-01,2026-02-28,28,28,10000.00,10000.01,10000.01,0.00,10000.01");
}

static void
test_single_day_and_year_end (void)
{
  g_autofree char *csv = schedule_csv ("{\"start\":\"2026-12-31\",\"end\":\"2027-01-01\",\"area\":\"33.33\","
                                       "\"model\":\"fixed\",\"rent\":{\"amount\":\"3.33\",\"unit\":\"m2_day\"}}",
                                       NULL);

  /* 3.33 × 33.33 = 110.9889 → 110.99 a day. */
  g_assert_cmpuint (count_rows (csv), ==, 2);
  assert_row (csv, 0, "2026-12,2026-12-31,2026-12-31,1,1,110.99,0.00,110.99,0.00,110.99");
  assert_row (csv, 1, "2027-01,2027-01-01,2027-01-01,1,1,110.99,0.00,110.99,0.00,110.99");
}

static void
test_round_once (void)
{
  g_autofree char *csv = schedule_csv ("{\"start\":\"2026-04-01\",\"end\":\"2026-04-30\",\"area\":\"0.01\","
                                       "\"model\":\"fixed\",\"rent\":{\"amount\":\"0.50\",\"unit\":\"m2_day\"}}",
                                       NULL);

  /* 0.005 yuan a day: rounding each day would give 0.01 × 30 = 0.30;
   * rounding the month once gives 0.15. */
  assert_row (csv, 0, "2026-04,2026-04-01,2026-04-30,30,30,0.15,0.00,0.15,0.00,0.15");
}

static void
test_sales_outside_lease (void)
{
  g_autofree char *csv = schedule_csv ("{\"start\":\"2026-01-10\",\"end\":\"2026-01-20\",\"area\":\"1\","
                                       "\"model\":\"percentage\",\"percentage\":\"10.00\"}",
                                       "amount,日期\n5000.00,2026-01-09\n100.00,2026/1/10\n"
                                       ",\n200.00,2026-01-20\n300.00,2026-01-20\n7000.00,2026-01-21\n");

  /* Columns in any order, Chinese header, blank row; only 01-10..01-20 count:
   * (100 + 200 + 300) × 10 %. */
  assert_row (csv, 0, "2026-01,2026-01-10,2026-01-20,11,11,0.00,60.00,60.00,0.00,60.00");
}

/* --- A slow reference: reduced fractions, GDate month arithmetic. --- */

typedef struct
{
  guint64 num;
  guint64 den;
} Frac;

static guint64
gcd (guint64 a,
     guint64 b)
{
  while (b != 0)
    {
      guint64 t = a % b;
      a = b;
      b = t;
    }
  return a;
}

static void
frac_add (Frac   *sum,
          guint64 num,
          guint64 den)
{
  guint64 g = gcd (num, den);
  guint64 l;

  if (num == 0)
    return;
  num /= g;
  den /= g;
  l = sum->den / gcd (sum->den, den) * den;
  sum->num = sum->num * (l / sum->den) + num * (l / den);
  sum->den = l;
  g = gcd (sum->num, sum->den);
  sum->num /= g;
  sum->den /= g;
}

static gint64
frac_round (const Frac *f)
{
  return (gint64) ((2 * f->num + f->den) / (2 * f->den));
}

static void
ref_daily (guint64      rate,
           const char  *unit,
           guint64      area,
           const GDate *day,
           Frac        *sum)
{
  guint64 dim = g_date_get_days_in_month (g_date_get_month (day), g_date_get_year (day));

  if (g_str_equal (unit, "m2_day"))
    frac_add (sum, rate * area, 100);
  else if (g_str_equal (unit, "m2_month"))
    frac_add (sum, rate * area, 100 * dim);
  else
    frac_add (sum, rate, dim);
}

static guint64
ref_rate_on (const GDate *start,
             const GDate *day,
             guint64      rate,
             guint        every,
             guint64      bp)
{
  for (guint k = 1; every > 0; k++)
    {
      GDate step = *start;

      g_date_add_months (&step, k * every);
      if (g_date_compare (&step, day) > 0)
        break;
      rate = (rate * (10000 + bp) * 2 + 10000) / 20000;
    }
  return rate;
}

static const char *units[] = { "m2_day", "m2_month", "month" };

static void
test_random_vs_reference (void)
{
  for (guint iter = 0; iter < 200; iter++)
    {
      GDate start, end, free_from, free_to, day;
      guint64 area = (guint64) g_test_rand_int_range (1, 100000);
      guint64 rate = (guint64) g_test_rand_int_range (0, 2000000);
      guint64 fee = (guint64) g_test_rand_int_range (0, 500000);
      guint every = (guint) g_test_rand_int_range (0, 14);
      guint64 bp = (guint64) g_test_rand_int_range (0, 1500);
      const char *unit = units[g_test_rand_int_range (0, 3)];
      const char *fee_unit = units[g_test_rand_int_range (0, 3)];
      g_autofree char *json = NULL;
      g_autoptr(PlazaRentTerms) terms = NULL;
      g_autoptr(GArray) schedule = NULL;
      g_autoptr(GError) error = NULL;
      char s[4][16];
      guint row = 0;

      g_date_clear (&start, 1);
      g_date_set_dmy (&start, (GDateDay) g_test_rand_int_range (1, 29), (GDateMonth) g_test_rand_int_range (1, 13),
                      (GDateYear) g_test_rand_int_range (2023, 2030));
      if (g_test_rand_bit ())
        g_date_set_day (&start, g_date_get_days_in_month (g_date_get_month (&start), g_date_get_year (&start)));
      end = start;
      g_date_add_days (&end, (guint) g_test_rand_int_range (0, 900));
      free_from = start;
      g_date_add_days (&free_from, (guint) g_test_rand_int_range (0, 60));
      free_to = free_from;
      g_date_add_days (&free_to, (guint) g_test_rand_int_range (0, 90));
      g_date_strftime (s[0], sizeof s[0], "%Y-%m-%d", &start);
      g_date_strftime (s[1], sizeof s[1], "%Y-%m-%d", &end);
      g_date_strftime (s[2], sizeof s[2], "%Y-%m-%d", &free_from);
      g_date_strftime (s[3], sizeof s[3], "%Y-%m-%d", &free_to);

      json = g_strdup_printf ("{\"start\":\"%s\",\"end\":\"%s\",\"area\":\"%" G_GUINT64_FORMAT ".%02u\","
                              "\"model\":\"fixed\",\"rent\":{\"amount\":\"%" G_GUINT64_FORMAT ".%02u\",\"unit\":\"%s\"},"
                              "\"escalation\":{\"every_months\":%u,\"percent\":\"%" G_GUINT64_FORMAT ".%02u\"},"
                              "\"free\":[{\"from\":\"%s\",\"to\":\"%s\"}],"
                              "\"fees\":[{\"name\":\"x\",\"amount\":\"%" G_GUINT64_FORMAT ".%02u\",\"unit\":\"%s\"}]}",
                              s[0], s[1], area / 100, (guint) (area % 100), rate / 100, (guint) (rate % 100), unit,
                              MAX (every, 1), bp / 100, (guint) (bp % 100), s[2], s[3],
                              fee / 100, (guint) (fee % 100), fee_unit);
      if (every == 0)
        {
          /* No escalation at all. */
          char *p = strstr (json, ",\"escalation\"");
          char *q = strstr (json, ",\"free\"");
          memmove (p, q, strlen (q) + 1);
        }
      terms = terms_from (json);
      schedule = plaza_rent_schedule (terms, NULL, &error);
      g_assert_no_error (error);

      day = start;
      while (g_date_compare (&day, &end) <= 0)
        {
          const PlazaRentPeriod *p = &g_array_index (schedule, PlazaRentPeriod, row);
          Frac base = { 0, 1 }, fees = { 0, 1 };
          guint days = 0, rent_days = 0;
          GDateMonth month = g_date_get_month (&day);

          g_assert_cmpuint (row, <, schedule->len);
          g_assert_cmpint (g_date_compare (&p->from, &day), ==, 0);
          while (g_date_compare (&day, &end) <= 0 && g_date_get_month (&day) == month)
            {
              days++;
              if (g_date_compare (&day, &free_from) < 0 || g_date_compare (&day, &free_to) > 0)
                {
                  rent_days++;
                  ref_daily (ref_rate_on (&start, &day, rate, every, bp), unit, area, &day, &base);
                }
              ref_daily (fee, fee_unit, area, &day, &fees);
              g_date_add_days (&day, 1);
            }
          g_assert_cmpuint (p->days, ==, days);
          g_assert_cmpuint (p->rent_days, ==, rent_days);
          g_assert_cmpint (p->base_rent, ==, frac_round (&base));
          g_assert_cmpint (p->rent, ==, p->base_rent);
          g_assert_cmpint (p->fees, ==, frac_round (&fees));
          g_assert_cmpint (p->total, ==, p->rent + p->fees);
          row++;
        }
      g_assert_cmpuint (row, ==, schedule->len);
    }
}

/* --- Errors --- */

typedef struct
{
  const char *name;
  const char *json;
  const char *prefix; /* the message starts with the field */
} BadTerms;

#define BASE_START "\"start\":\"2026-01-01\",\"end\":\"2026-12-31\",\"area\":\"10\""
#define FIXED BASE_START ",\"model\":\"fixed\",\"rent\":{\"amount\":\"1.00\",\"unit\":\"m2_day\"}"

static const BadTerms bad_terms[] = {
  { "end-before-start", "{\"start\":\"2026-02-01\",\"end\":\"2026-01-31\",\"area\":\"10\",\"model\":\"fixed\","
    "\"rent\":{\"amount\":\"1\",\"unit\":\"month\"}}", "end: is before start" },
  { "start-not-date", "{\"start\":\"2026-02-30\",\"end\":\"2026-12-31\",\"area\":\"10\",\"model\":\"fixed\","
    "\"rent\":{\"amount\":\"1\",\"unit\":\"month\"}}", "start: not a date" },
  { "end-missing", "{\"start\":\"2026-01-01\",\"area\":\"10\",\"model\":\"fixed\","
    "\"rent\":{\"amount\":\"1\",\"unit\":\"month\"}}", "end: missing" },
  { "area-zero", "{\"start\":\"2026-01-01\",\"end\":\"2026-12-31\",\"area\":\"0\",\"model\":\"fixed\","
    "\"rent\":{\"amount\":\"1\",\"unit\":\"month\"}}", "area: must be positive" },
  { "area-text", "{\"start\":\"2026-01-01\",\"end\":\"2026-12-31\",\"area\":\"12.345\",\"model\":\"fixed\","
    "\"rent\":{\"amount\":\"1\",\"unit\":\"month\"}}", "area: not an area" },
  { "model-unknown", "{" BASE_START ",\"model\":\"lump\"}", "model: unknown model “lump”" },
  { "rent-missing", "{" BASE_START ",\"model\":\"fixed\"}", "rent: missing for model fixed" },
  { "rent-missing-higher-of", "{" BASE_START ",\"model\":\"higher_of\",\"percentage\":\"5\"}",
    "rent: missing for model higher_of" },
  { "percentage-missing", "{" FIXED ",\"model\":\"higher_of\"}", /* a repeated key: the last wins */
    "percentage: missing for model higher_of" },
  { "percentage-missing-2", "{" BASE_START ",\"model\":\"percentage\"}", "percentage: missing for model percentage" },
  { "rent-unit", "{" BASE_START ",\"model\":\"fixed\",\"rent\":{\"amount\":\"1\",\"unit\":\"week\"}}",
    "rent.unit: unknown unit “week”" },
  { "rent-amount-double", "{" BASE_START ",\"model\":\"fixed\",\"rent\":{\"amount\":8.5,\"unit\":\"m2_day\"}}",
    "rent.amount: write the number as text" },
  { "rent-amount-negative", "{" BASE_START ",\"model\":\"fixed\",\"rent\":{\"amount\":\"-1\",\"unit\":\"m2_day\"}}",
    "rent.amount: must not be negative" },
  { "rent-not-object", "{" BASE_START ",\"model\":\"fixed\",\"rent\":\"8.50\"}", "rent: must be an object" },
  { "rent-unknown-field", "{" BASE_START ",\"model\":\"fixed\",\"rent\":{\"amount\":\"1\",\"unit\":\"month\",\"x\":1}}",
    "rent.x: unknown field" },
  { "unknown-field", "{" FIXED ",\"escalaton\":{\"every_months\":12,\"percent\":\"5\"}}", "escalaton: unknown field" },
  { "percentage-range", "{" BASE_START ",\"model\":\"percentage\",\"percentage\":\"100.01\"}",
    "percentage: must be between 0 and 100" },
  { "tiers-and-percentage", "{" BASE_START ",\"model\":\"percentage\",\"percentage\":\"5\","
    "\"percentage_tiers\":[{\"above\":\"0\",\"percent\":\"5\"}]}", "percentage_tiers: replaces percentage" },
  { "tiers-first", "{" BASE_START ",\"model\":\"percentage\","
    "\"percentage_tiers\":[{\"above\":\"10\",\"percent\":\"5\"}]}", "percentage_tiers[0].above: the first threshold must be 0" },
  { "tiers-overlap", "{" BASE_START ",\"model\":\"percentage\",\"percentage_tiers\":[{\"above\":\"0\",\"percent\":\"5\"},"
    "{\"above\":\"500\",\"percent\":\"6\"},{\"above\":\"500.00\",\"percent\":\"7\"}]}", "percentage_tiers: overlapping thresholds" },
  { "tiers-empty", "{" BASE_START ",\"model\":\"percentage\",\"percentage_tiers\":[]}", "percentage_tiers: needs at least one tier" },
  { "tiers-percent", "{" BASE_START ",\"model\":\"percentage\",\"percentage_tiers\":[{\"above\":\"0\",\"percent\":\"x\"}]}",
    "percentage_tiers[0].percent: not a percentage" },
  { "escalation-months", "{" FIXED ",\"escalation\":{\"every_months\":0,\"percent\":\"5\"}}", "escalation.every_months: " },
  { "escalation-percent", "{" FIXED ",\"escalation\":{\"every_months\":12}}", "escalation.percent: missing" },
  { "free-not-list", "{" FIXED ",\"free\":{\"from\":\"2026-01-01\",\"to\":\"2026-01-02\"}}", "free: must be a list" },
  { "free-from", "{" FIXED ",\"free\":[{\"from\":\"2026-01-01\",\"to\":\"2026-01-02\"},{\"from\":\"2026/01/05\",\"to\":\"2026-01-09\"}]}",
    "free[1].from: not a date" },
  { "free-to", "{" FIXED ",\"free\":[{\"from\":\"2026-01-03\",\"to\":\"2026-01-02\"}]}", "free[0].to: is before from" },
  { "fee-unit", "{" FIXED ",\"fees\":[{\"name\":\"物业管理费\",\"amount\":\"30\",\"unit\":\"m2_year\"}]}",
    "fees[0].unit: unknown unit “m2_year”" },
  { "fee-name", "{" FIXED ",\"fees\":[{\"name\":\"a\",\"amount\":\"1\",\"unit\":\"month\"},{\"name\":\" \",\"amount\":\"30\",\"unit\":\"month\"}]}",
    "fees[1].name: must not be empty" },
  { "fee-amount", "{" FIXED ",\"fees\":[{\"name\":\"a\",\"unit\":\"month\"}]}", "fees[0].amount: missing" },
  { "not-json", "{\"start\": ", "terms: not valid JSON" },
  { "not-object", "[1, 2]", "terms: must be a JSON object" },
  { "too-long", "{\"start\":\"2026-01-01\",\"end\":\"2126-01-01\",\"area\":\"10\",\"model\":\"fixed\","
    "\"rent\":{\"amount\":\"1\",\"unit\":\"month\"}}", "end: the lease lasts more than 100 years" },
};

static void
test_bad_terms (gconstpointer data)
{
  const BadTerms *bad = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaRentTerms) terms = plaza_rent_terms_new_from_json (bad->json, -1, &error);

  g_assert_null (terms);
  g_assert_error (error, PLAZA_RENT_ERROR, PLAZA_RENT_ERROR_INVALID);
  if (!g_str_has_prefix (error->message, bad->prefix))
    g_error ("%s: “%s” does not start with “%s”", bad->name, error->message, bad->prefix);
}

static void
test_bad_sales (void)
{
  static const struct { const char *csv; const char *prefix; } cases[] = {
    { "", "sales: the file is empty" },
    { "day,amount\n2026-01-01,1\n", "line 1: no “date” column" },
    { "date,total\n2026-01-01,1\n", "line 1: no “amount” column" },
    { "date,amount\n2026-01-01,1\n2026-13-01,2\n", "line 3: date: not a date “2026-13-01”" },
    { "date,amount\n2026-01-01,1.234\n", "line 2: amount: not an amount “1.234”" },
    { "amount,date\n5\n", "line 2: 1 fields where the header has 2" },
    { "date,amount\n2026-01-01,12,00\n", "line 2: 3 fields where the header has 2" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PlazaRentSales) sales = plaza_rent_sales_new_from_csv (cases[i].csv, strlen (cases[i].csv), &error);

      g_assert_null (sales);
      g_assert_error (error, PLAZA_RENT_ERROR, PLAZA_RENT_ERROR_INVALID);
      if (!g_str_has_prefix (error->message, cases[i].prefix))
        g_error ("“%s” does not start with “%s”", error->message, cases[i].prefix);
    }
}

static void
test_overflow (void)
{
  g_autoptr(PlazaRentTerms) terms = terms_from ("{\"start\":\"2026-01-01\",\"end\":\"2026-01-31\","
                                                "\"area\":\"9999999999.99\",\"model\":\"fixed\","
                                                "\"rent\":{\"amount\":\"99999999999.99\",\"unit\":\"m2_day\"}}");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) schedule = plaza_rent_schedule (terms, NULL, &error);

  g_assert_null (schedule);
  g_assert_error (error, PLAZA_RENT_ERROR, PLAZA_RENT_ERROR_OVERFLOW);
  g_assert_true (g_str_has_prefix (error->message, "rent: "));
}

/* --- plazactl rent-schedule --- */

static char *
data_path (const char *name)
{
  g_assert_nonnull (g_getenv ("PLAZA_TEST_DATA"));
  return g_build_filename (g_getenv ("PLAZA_TEST_DATA"), "rent", name, NULL);
}

static void
assert_cli_golden (const char *terms_name,
                   const char *sales_name,
                   const char *expected_name)
{
  g_autofree char *terms = data_path (terms_name);
  g_autofree char *sales = sales_name != NULL ? data_path (sales_name) : NULL;
  g_autofree char *expected_path = data_path (expected_name);
  g_autofree char *expected = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *args[] = { "rent-schedule", "--terms", terms, sales != NULL ? "--sales" : NULL, sales, NULL };
  int status = -1;

  g_assert_true (g_file_get_contents (expected_path, &expected, NULL, NULL));
  status = plaza_test_run_plazactl (args, &out, &err);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out, ==, expected);
}

static void
test_cli_golden (void)
{
  assert_cli_golden ("domain-example.json", NULL, "domain-example.csv");
  /* Tiers, two free ranges, monthly escalation, three fees, sales with a
   * repeated date and dates outside the lease; leap February. */
  assert_cli_golden ("tiers.json", "tiers-sales.csv", "tiers.csv");
}

static void
assert_cli_fails (const char * const *args,
                  const char         *needle)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = -1;

  status = plaza_test_run_plazactl (args, &out, &err);
  g_assert_cmpint (status, ==, 1);
  g_assert_cmpstr (out, ==, "");
  /* One line, naming the field. */
  g_assert_true (g_str_has_suffix (err, "\n"));
  g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
  if (strstr (err, needle) == NULL)
    g_error ("“%s” does not mention “%s”", err, needle);
}

static void
test_cli_errors (void)
{
  g_autofree char *bad = data_path ("bad-unit.json");
  g_autofree char *good = data_path ("tiers.json");
  g_autofree char *bad_sales = data_path ("bad-sales.csv");
  g_autofree char *missing = data_path ("no-such-file.json");
  const char *bad_args[] = { "rent-schedule", "--terms", bad, NULL };
  const char *sales_args[] = { "rent-schedule", "--terms", good, "--sales", bad_sales, NULL };
  const char *missing_args[] = { "rent-schedule", "--terms", missing, NULL };
  const char *no_terms[] = { "rent-schedule", NULL };

  assert_cli_fails (bad_args, "rent.unit: unknown unit “week”");
  assert_cli_fails (sales_args, "bad-sales.csv: line 3: amount");
  assert_cli_fails (missing_args, "no-such-file.json");
  assert_cli_fails (no_terms, "--terms");
}

/* Every contract of the demo mall has terms the engine reads and computes. */
static void
test_demo_terms (void)
{
  g_autofree char *dir = g_dir_make_tmp ("plaza-rent-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.plaza", NULL);
  g_autoptr(PlazaStore) store = plaza_store_open (path, PLAZA_STORE_OPEN_CREATE, NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  guint n_models[3] = { 0, 0, 0 };
  GDate today;

  g_assert_nonnull (store);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 27, G_DATE_NOVEMBER, 2026);
  g_assert_true (plaza_demo_generate (store, 7, PLAZA_DEMO_SMALL, &today, &error));
  g_assert_no_error (error);
  stmt = plaza_store_prepare (store, "SELECT code, terms_json FROM contracts ORDER BY id", &error);
  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *json = (const char *) sqlite3_column_text (stmt, 1);
      g_autoptr(PlazaRentTerms) terms = plaza_rent_terms_new_from_json (json, -1, &error);
      g_autoptr(GArray) schedule = NULL;

      if (terms == NULL)
        g_error ("%s: %s: %s", sqlite3_column_text (stmt, 0), error->message, json);
      schedule = plaza_rent_schedule (terms, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (schedule->len, >, 0);
      n_models[terms->model]++;
    }
  g_assert_cmpuint (n_models[PLAZA_RENT_MODEL_FIXED], >, 0);
  g_assert_cmpuint (n_models[PLAZA_RENT_MODEL_PERCENTAGE], >, 0);
  g_assert_cmpuint (n_models[PLAZA_RENT_MODEL_HIGHER_OF], >, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);
  g_clear_object (&store);
  plaza_test_remove_tree (dir);
}

static void
add_error_tests (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_terms); i++)
    {
      g_autofree char *path = g_strdup_printf ("/rent/terms/bad/%s", bad_terms[i].name);

      g_test_add_data_func (path, &bad_terms[i], test_bad_terms);
    }
  g_test_add_func ("/rent/sales/bad", test_bad_sales);
  g_test_add_func ("/rent/schedule/overflow", test_overflow);
  g_test_add_func ("/rent/cli/golden", test_cli_golden);
  g_test_add_func ("/rent/cli/errors", test_cli_errors);
  g_test_add_func ("/rent/terms/demo", test_demo_terms);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rent/schedule/domain-example", test_domain_example);
  g_test_add_func ("/rent/schedule/m2-month-full", test_m2_month_full);
  g_test_add_func ("/rent/schedule/month-lump-partial", test_month_lump_partial);
  g_test_add_func ("/rent/schedule/leap-february", test_leap_february);
  g_test_add_func ("/rent/escalation/month-end", test_escalation_month_end);
  g_test_add_func ("/rent/escalation/leap-day", test_escalation_leap_day);
  g_test_add_func ("/rent/escalation/compound-mid-month", test_escalation_compound_mid_month);
  g_test_add_func ("/rent/schedule/free-ranges", test_free_ranges);
  g_test_add_func ("/rent/schedule/fee-lines-rounded-apart", test_fee_lines_rounded_apart);
  g_test_add_func ("/rent/percentage/single", test_percentage);
  g_test_add_func ("/rent/percentage/tiers", test_tiers);
  g_test_add_func ("/rent/percentage/higher-of", test_higher_of);
  g_test_add_func ("/rent/schedule/single-day-year-end", test_single_day_and_year_end);
  g_test_add_func ("/rent/schedule/round-once", test_round_once);
  g_test_add_func ("/rent/sales/outside-lease", test_sales_outside_lease);
  g_test_add_func ("/rent/schedule/random-vs-reference", test_random_vs_reference);
  add_error_tests ();

  return g_test_run ();
}
