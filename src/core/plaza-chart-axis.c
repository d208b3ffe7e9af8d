/* plaza-chart-axis.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Numbers on and around a chart: round ticks (1, 2 or 5 × 10^n of the
 * unit) covering a range, the short axis labels (¥ / 万 / 亿 for money,
 * percent for basis points, m² for areas), the compact values written at
 * bar ends and the exact values of tooltips and tables. Integer arithmetic
 * throughout: values stay gint64 fen, basis points or hundredths of m².
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <string.h>

#include "plaza-chart-private.h"
#include "plaza-money.h"

#define FEN_PER_WAN G_GINT64_CONSTANT (1000000)       /* ¥1万 */
#define FEN_PER_YI  G_GINT64_CONSTANT (10000000000)   /* ¥1亿 */

static gint64
floor_div (gint64 a,
           gint64 b)
{
  gint64 q = a / b;

  if ((a % b != 0) && ((a < 0) != (b < 0)))
    q--;
  return q;
}

static gint64
ceil_div (gint64 a,
          gint64 b)
{
  return -floor_div (-a, b);
}

GArray *
plaza_chart_nice_ticks (gint64 min,
                        gint64 max,
                        guint  max_ticks)
{
  static const gint64 mults[] = { 1, 2, 5 };
  GArray *ticks = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 mag;
  gint64 step = 1, lo = 0, hi = 0, t;
  gboolean found = FALSE;
  guint i;

  if (min > max)
    {
      gint64 tmp = min;

      min = max;
      max = tmp;
    }
  if (min == max)
    max = min + 1;
  if (max_ticks < 1)
    max_ticks = 1;

  for (mag = 1; !found && mag <= G_MAXINT64 / 10; mag *= 10)
    for (i = 0; i < G_N_ELEMENTS (mults) && !found; i++)
      {
        step = mults[i] * mag;
        lo = floor_div (min, step) * step;
        hi = ceil_div (max, step) * step;
        if ((guint64) ((hi - lo) / step) <= max_ticks)
          found = TRUE;
      }

  for (t = lo; t <= hi; t += step)
    g_array_append_val (ticks, t);
  return ticks;
}

static void
append_grouped (GString *s,
                guint64  value)
{
  char digits[32];
  int len, i;

  len = g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, value);
  for (i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (s, ',');
      g_string_append_c (s, digits[i]);
    }
}

/* Appends @a / @scale with as many decimals as it needs (at most the
 * number of zeros in @scale): 150 / 100 → "1.5". */
static void
append_scaled (GString  *s,
               guint64   a,
               guint64   scale,
               gboolean  grouped)
{
  guint64 whole = a / scale;
  guint64 frac = a % scale;

  if (grouped)
    append_grouped (s, whole);
  else
    g_string_append_printf (s, "%" G_GUINT64_FORMAT, whole);
  if (frac != 0)
    {
      guint64 unit = scale / 10;

      g_string_append_c (s, '.');
      while (frac != 0 && unit > 0)
        {
          g_string_append_c (s, (char) ('0' + frac / unit));
          frac %= unit;
          unit /= 10;
        }
    }
}

/* Rounds @a / @divisor to the nearest integer, halves away from zero. */
static guint64
round_div (guint64 a,
           guint64 divisor)
{
  return (a + divisor / 2) / divisor;
}

static void
append_money_tick (GString *s,
                   guint64  a)
{
  g_string_append (s, "¥");
  if (a >= (guint64) FEN_PER_YI)
    {
      append_scaled (s, a, FEN_PER_YI, TRUE);
      g_string_append (s, "亿");
    }
  else if (a >= (guint64) FEN_PER_WAN)
    {
      append_scaled (s, a, FEN_PER_WAN, TRUE);
      g_string_append (s, "万");
    }
  else
    append_scaled (s, a, 100, TRUE);
}

char *
plaza_chart_format_tick (PlazaChartUnit unit,
                         gint64         value,
                         gint64         step)
{
  GString *s = g_string_new (NULL);
  guint64 a = value < 0 ? (guint64) (-value) : (guint64) value;

  (void) step;  /* every tick is written exactly; the step only makes it round */

  if (value < 0)
    g_string_append_c (s, '-');
  switch (unit)
    {
    case PLAZA_CHART_UNIT_FEN:
    case PLAZA_CHART_UNIT_FEN_PER_M2:
      append_money_tick (s, a);
      break;
    case PLAZA_CHART_UNIT_BP:
      append_scaled (s, a, 100, TRUE);
      g_string_append_c (s, '%');
      break;
    case PLAZA_CHART_UNIT_AREA:
      append_scaled (s, a, 100, TRUE);
      g_string_append (s, " m²");
      break;
    case PLAZA_CHART_UNIT_COUNT:
    default:
      append_grouped (s, a);
      break;
    }
  return g_string_free (s, FALSE);
}

char *
plaza_chart_format_value (PlazaChartUnit unit,
                          gint64         value)
{
  g_autofree char *text = NULL;
  GString *s;

  switch (unit)
    {
    case PLAZA_CHART_UNIT_FEN:
      return plaza_money_format (value, TRUE);
    case PLAZA_CHART_UNIT_FEN_PER_M2:
      text = plaza_money_format (value, TRUE);
      return g_strconcat (text, "/m²", NULL);
    case PLAZA_CHART_UNIT_BP:
      text = plaza_percent_format (value);
      return g_strconcat (text, "%", NULL);
    case PLAZA_CHART_UNIT_AREA:
      text = plaza_area_format (value);
      return g_strconcat (text, " m²", NULL);
    case PLAZA_CHART_UNIT_COUNT:
    default:
      s = g_string_new (value < 0 ? "-" : "");
      append_grouped (s, value < 0 ? (guint64) (-value) : (guint64) value);
      return g_string_free (s, FALSE);
    }
}

char *
plaza_chart_format_compact (PlazaChartUnit unit,
                            gint64         value)
{
  GString *s = g_string_new (value < 0 ? "-" : "");
  guint64 a = value < 0 ? (guint64) (-value) : (guint64) value;

  switch (unit)
    {
    case PLAZA_CHART_UNIT_FEN:
    case PLAZA_CHART_UNIT_FEN_PER_M2:
      g_string_append (s, "¥");
      if (a >= (guint64) FEN_PER_YI)
        {
          guint64 hundredths = round_div (a, FEN_PER_YI / 100);

          append_grouped (s, hundredths / 100);
          g_string_append_printf (s, ".%02u亿", (guint) (hundredths % 100));
        }
      else if (a >= 10 * (guint64) FEN_PER_WAN * 100)
        {
          append_grouped (s, round_div (a, FEN_PER_WAN));
          g_string_append (s, "万");
        }
      else if (a >= (guint64) FEN_PER_WAN)
        {
          guint64 tenths = round_div (a, FEN_PER_WAN / 10);

          g_string_append_printf (s, "%" G_GUINT64_FORMAT ".%u万", tenths / 10, (guint) (tenths % 10));
        }
      else
        append_grouped (s, round_div (a, 100));
      break;
    case PLAZA_CHART_UNIT_BP:
      {
        guint64 tenths = round_div (a, 10);

        append_grouped (s, tenths / 10);
        g_string_append_printf (s, ".%u%%", (guint) (tenths % 10));
      }
      break;
    case PLAZA_CHART_UNIT_AREA:
      append_grouped (s, round_div (a, 100));
      g_string_append (s, " m²");
      break;
    case PLAZA_CHART_UNIT_COUNT:
    default:
      append_grouped (s, a);
      break;
    }
  return g_string_free (s, FALSE);
}

char *
plaza_chart_reference_text (const PlazaChart *chart,
                            guint             reference)
{
  const PlazaChartReference *r = &g_array_index (chart->references, PlazaChartReference, reference);
  g_autofree char *value = plaza_chart_format_compact (chart->unit, r->value);

  /* "Target ¥1,100万", but "95%" alone when the label has the number */
  if (*r->label == '\0')
    return g_steal_pointer (&value);
  if (strpbrk (r->label, "0123456789") != NULL)
    return g_strdup (r->label);
  return g_strdup_printf ("%s %s", r->label, value);
}
