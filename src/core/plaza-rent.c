/* plaza-rent.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rent schedule (DOMAIN.md "Rent rules"), in exact integer arithmetic.
 *
 * A period never spans two calendar months, so every daily amount in it
 * shares the denominator 100 × days-in-month (D):
 *   m2_day   rate × area / 100          = rate × area × dim / D
 *   m2_month rate × area / (100 × dim)  = rate × area / D
 *   month    rate / dim                 = rate × 100 / D
 * (rates in fen, areas in hundredths of m²). The numerators of the
 * chargeable days are summed and the sum is rounded half up once. Any
 * product or sum that would leave 64 bits is a PLAZA_RENT_ERROR_OVERFLOW.
 *
 * Escalation step k falls on start + k × every_months months (the same day
 * of the month, or the month's last day); the rate from then on is the
 * previous rate × (1 + percent), rounded half up to the fen.
 *
 * Negative sales for a period (returns) give no percentage rent.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "plaza-money.h"
#include "plaza-rent.h"

typedef struct
{
  guint32 day;  /* julian day the rate starts */
  guint64 rate; /* fen per unit */
} Step;

static gboolean
overflow (GError **error)
{
  g_set_error_literal (error, PLAZA_RENT_ERROR, PLAZA_RENT_ERROR_OVERFLOW,
                       _("rent: the amounts are too large to compute"));
  return FALSE;
}

/* num / den rounded half up; num ≥ 0, den > 0. */
static guint64
round_div (guint64 num,
           guint64 den)
{
  guint64 q = num / den;
  guint64 r = num % den;

  return r >= den - r ? q + 1 : q;
}

/* value × bp / 10000 as a whole part plus a remainder in 1/10000, without
 * forming value × bp. */
static gboolean
mul_bp (guint64  value,
        guint64  bp,
        guint64 *whole,
        guint64 *rest)
{
  guint64 q = value / 10000, r = value % 10000;

  if (!g_uint64_checked_mul (whole, q, bp))
    return FALSE;
  *whole += (r * bp) / 10000;
  *rest = (r * bp) % 10000;
  return TRUE;
}

/* The julian day of start + @months months, clamped to the month's end. */
static guint32
add_months_clamped (const GDate *start,
                    guint64      months)
{
  guint64 index = (guint64) g_date_get_year (start) * 12 + (g_date_get_month (start) - 1) + months;
  GDateYear year = (GDateYear) (index / 12);
  GDateMonth month = (GDateMonth) (index % 12 + 1);
  GDateDay day = MIN (g_date_get_day (start), g_date_get_days_in_month (month, year));
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

/* The rent rate's steps from start to end; steps[0] is the initial rate. */
static GArray *
build_steps (const PlazaRentTerms *terms,
             GError              **error)
{
  g_autoptr(GArray) steps = g_array_new (FALSE, FALSE, sizeof (Step));
  guint32 end = g_date_get_julian (&terms->end);
  Step step = { g_date_get_julian (&terms->start), (guint64) terms->rent_amount };

  g_array_append_val (steps, step);
  if (terms->escalation_months == 0)
    return g_steal_pointer (&steps);

  for (guint64 k = 1;; k++)
    {
      guint64 whole, rest;

      step.day = add_months_clamped (&terms->start, k * terms->escalation_months);
      if (step.day > end)
        break;
      if (!mul_bp (step.rate, 10000 + (guint64) terms->escalation_bp, &whole, &rest))
        {
          overflow (error);
          return NULL;
        }
      if (rest >= 5000)
        whole++;
      if (whole > (guint64) G_MAXINT64)
        {
          overflow (error);
          return NULL;
        }
      step.rate = whole;
      g_array_append_val (steps, step);
    }
  return g_steal_pointer (&steps);
}

/* The numerator of one day's amount over D = 100 × dim. */
static gboolean
day_numerator (guint64        rate,
               PlazaRentUnit  unit,
               guint64        area,
               guint64        dim,
               guint64       *out)
{
  switch (unit)
    {
    case PLAZA_RENT_UNIT_M2_DAY:
      return g_uint64_checked_mul (out, rate, area) && g_uint64_checked_mul (out, *out, dim);
    case PLAZA_RENT_UNIT_M2_MONTH:
      return g_uint64_checked_mul (out, rate, area);
    case PLAZA_RENT_UNIT_MONTH:
      return g_uint64_checked_mul (out, rate, 100);
    default:
      g_assert_not_reached ();
    }
}

static gboolean
is_free (const PlazaRentTerms *terms,
         guint32               day)
{
  for (guint i = 0; i < terms->free->len; i++)
    {
      const PlazaRentRange *range = &g_array_index (terms->free, PlazaRentRange, i);

      if (day >= g_date_get_julian (&range->from) && day <= g_date_get_julian (&range->to))
        return TRUE;
    }
  return FALSE;
}

static gboolean
percentage_rent (const PlazaRentTerms *terms,
                 gint64                sales,
                 gint64               *out)
{
  guint64 whole = 0, rest = 0;

  *out = 0;
  if (!terms->has_percentage || sales <= 0)
    return TRUE;

  if (terms->tiers->len == 0)
    {
      if (!mul_bp ((guint64) sales, (guint64) terms->percentage_bp, &whole, &rest))
        return FALSE;
    }
  else
    {
      for (guint i = 0; i < terms->tiers->len; i++)
        {
          const PlazaRentTier *tier = &g_array_index (terms->tiers, PlazaRentTier, i);
          gint64 upper = sales;
          guint64 w, r;

          if (sales <= tier->above)
            break;
          if (i + 1 < terms->tiers->len)
            upper = MIN (sales, g_array_index (terms->tiers, PlazaRentTier, i + 1).above);
          if (!mul_bp ((guint64) (upper - tier->above), (guint64) tier->percent_bp, &w, &r)
              || !g_uint64_checked_add (&whole, whole, w))
            return FALSE;
          rest += r; /* < 10000 per tier */
        }
      if (!g_uint64_checked_add (&whole, whole, rest / 10000))
        return FALSE;
      rest %= 10000;
    }
  if (rest >= 5000)
    whole++;
  if (whole > (guint64) G_MAXINT64)
    return FALSE;
  *out = (gint64) whole;
  return TRUE;
}

static void
clear_period (gpointer data)
{
  PlazaRentPeriod *period = data;

  g_clear_pointer (&period->fee_lines, g_free);
}

static gboolean
compute_period (const PlazaRentTerms  *terms,
                const PlazaRentSales  *sales,
                const GArray          *steps,
                guint                 *step_index,
                PlazaRentPeriod       *period,
                GError               **error)
{
  guint64 dim = g_date_get_days_in_month (g_date_get_month (&period->from), g_date_get_year (&period->from));
  guint64 den = 100 * dim;
  guint64 base = 0;
  g_autofree guint64 *fee_sums = g_new0 (guint64, terms->fees->len + 1);
  guint64 fees_total = 0;
  guint32 first = g_date_get_julian (&period->from);
  guint32 last = g_date_get_julian (&period->to);

  period->days = last - first + 1;

  for (guint32 day = first; day <= last; day++)
    {
      guint64 n;

      while (*step_index + 1 < steps->len && g_array_index (steps, Step, *step_index + 1).day <= day)
        (*step_index)++;

      if (!is_free (terms, day))
        {
          period->rent_days++;
          if (terms->has_rent)
            {
              guint64 rate = g_array_index (steps, Step, *step_index).rate;

              if (!day_numerator (rate, terms->rent_unit, (guint64) terms->area, dim, &n)
                  || !g_uint64_checked_add (&base, base, n))
                return overflow (error);
            }
        }

      for (guint i = 0; i < terms->fees->len; i++)
        {
          const PlazaRentFee *fee = &g_array_index (terms->fees, PlazaRentFee, i);

          if (!day_numerator ((guint64) fee->amount, fee->unit, (guint64) terms->area, dim, &n)
              || !g_uint64_checked_add (&fee_sums[i], fee_sums[i], n))
            return overflow (error);
        }
    }

  period->base_rent = (gint64) round_div (base, den);
  period->sales = sales != NULL ? plaza_rent_sales_sum (sales, &period->from, &period->to) : 0;
  if (!percentage_rent (terms, period->sales, &period->percentage_rent))
    return overflow (error);

  switch (terms->model)
    {
    case PLAZA_RENT_MODEL_FIXED:
      period->rent = period->base_rent;
      break;
    case PLAZA_RENT_MODEL_PERCENTAGE:
      period->rent = period->percentage_rent;
      break;
    case PLAZA_RENT_MODEL_HIGHER_OF:
      period->rent = MAX (period->base_rent, period->percentage_rent);
      break;
    default:
      g_assert_not_reached ();
    }

  period->n_fee_lines = terms->fees->len;
  period->fee_lines = g_new0 (gint64, terms->fees->len + 1);
  for (guint i = 0; i < terms->fees->len; i++)
    {
      guint64 line = round_div (fee_sums[i], den);

      period->fee_lines[i] = (gint64) line;
      if (!g_uint64_checked_add (&fees_total, fees_total, line))
        return overflow (error);
    }
  if (fees_total > (guint64) G_MAXINT64 / 2)
    return overflow (error);
  period->fees = (gint64) fees_total;
  period->total = period->rent + period->fees;
  return TRUE;
}

GArray *
plaza_rent_schedule (const PlazaRentTerms *terms,
                     const PlazaRentSales *sales,
                     GError              **error)
{
  g_autoptr(GArray) schedule = NULL;
  g_autoptr(GArray) steps = NULL;
  guint step_index = 0;
  GDate cur;

  g_return_val_if_fail (terms != NULL, NULL);
  g_return_val_if_fail (g_date_compare (&terms->start, &terms->end) <= 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  steps = build_steps (terms, error);
  if (steps == NULL)
    return NULL;

  schedule = g_array_new (FALSE, TRUE, sizeof (PlazaRentPeriod));
  g_array_set_clear_func (schedule, clear_period);

  cur = terms->start;
  while (g_date_compare (&cur, &terms->end) <= 0)
    {
      PlazaRentPeriod period;

      memset (&period, 0, sizeof period);
      period.from = cur;
      g_date_clear (&period.to, 1);
      g_date_set_dmy (&period.to,
                      g_date_get_days_in_month (g_date_get_month (&cur), g_date_get_year (&cur)),
                      g_date_get_month (&cur), g_date_get_year (&cur));
      if (g_date_compare (&period.to, &terms->end) > 0)
        period.to = terms->end;
      g_snprintf (period.month, sizeof period.month, "%04u-%02u",
                  (guint) g_date_get_year (&cur), (guint) g_date_get_month (&cur));

      if (!compute_period (terms, sales, steps, &step_index, &period, error))
        {
          clear_period (&period);
          return NULL;
        }
      g_array_append_val (schedule, period);

      cur = period.to;
      g_date_add_days (&cur, 1);
    }
  return g_steal_pointer (&schedule);
}

gboolean
plaza_rent_rate_on (const PlazaRentTerms *terms,
                    const GDate          *date,
                    gint64               *out_rate,
                    GError              **error)
{
  g_autoptr(GArray) steps = NULL;
  guint32 day;
  guint i;

  g_return_val_if_fail (terms != NULL, FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  g_return_val_if_fail (out_rate != NULL, FALSE);

  steps = build_steps (terms, error);
  if (steps == NULL)
    return FALSE;
  day = g_date_get_julian (date);
  for (i = 0; i + 1 < steps->len && g_array_index (steps, Step, i + 1).day <= day; i++)
    ;
  *out_rate = (gint64) g_array_index (steps, Step, i).rate;
  return TRUE;
}

static void
append_date (GString     *out,
             const GDate *date)
{
  g_string_append_printf (out, "%04u-%02u-%02u", (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date), (guint) g_date_get_day (date));
}

static void
append_money (GString *out,
              gint64   fen)
{
  g_autofree char *text = plaza_money_format_plain (fen);

  g_string_append_c (out, ',');
  g_string_append (out, text);
}

char *
plaza_rent_schedule_to_csv (GArray *schedule)
{
  GString *out;

  g_return_val_if_fail (schedule != NULL, NULL);

  out = g_string_new ("month,from,to,days,rent_days,base_rent,percentage_rent,rent,fees,total\n");

  for (guint i = 0; i < schedule->len; i++)
    {
      const PlazaRentPeriod *p = &g_array_index (schedule, PlazaRentPeriod, i);

      g_string_append (out, p->month);
      g_string_append_c (out, ',');
      append_date (out, &p->from);
      g_string_append_c (out, ',');
      append_date (out, &p->to);
      g_string_append_printf (out, ",%u,%u", p->days, p->rent_days);
      append_money (out, p->base_rent);
      append_money (out, p->percentage_rent);
      append_money (out, p->rent);
      append_money (out, p->fees);
      append_money (out, p->total);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}
