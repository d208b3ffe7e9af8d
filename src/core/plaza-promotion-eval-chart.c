/* plaza-promotion-eval-chart.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A promotion's evaluation in words and as a chart, shared by the PDF, the
 * GUI's evaluation view and the tests: the baseline described with its
 * dates, the uplift % and the return per yuan formatted the same way
 * everywhere, and a horizontal bar chart of the uplift % per participant
 * with the participants' total as a reference line.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "plaza-date.h"
#include "plaza-money.h"
#include "plaza-promotion-eval.h"

char *
plaza_promotion_evaluation_describe_baseline (const PlazaPromotionEvaluation *e)
{
  GDate from, to;
  gint64 days = 0;

  g_return_val_if_fail (e != NULL, NULL);

  if (plaza_date_parse (e->from, &from) && plaza_date_parse (e->to, &to))
    days = (gint64) g_date_get_julian (&to) - (gint64) g_date_get_julian (&from) + 1;
  if (e->baseline == PLAZA_PROMOTION_BASELINE_LAST_YEAR)
    /* Translators: the baseline of a promotion's evaluation; 364 days back
     * so that Mondays compare with Mondays. */
    return g_strdup_printf (_("Same days last year: %s – %s, weekday-aligned"), e->base_from, e->base_to);
  return g_strdup_printf (ngettext ("Four weeks before: %s – %s, scaled to the promotion's %lld day",
                                    "Four weeks before: %s – %s, scaled to the promotion's %lld days",
                                    (gulong) days),
                          e->base_from, e->base_to, (long long) days);
}

char *
plaza_promotion_format_uplift_pct (const PlazaPromotionEvalRow *row)
{
  guint64 abs_value;

  g_return_val_if_fail (row != NULL, NULL);

  if (row->baseline <= 0)
    return g_strdup ("—");
  abs_value = row->uplift_bp < 0 ? (guint64) (-row->uplift_bp) : (guint64) row->uplift_bp;
  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u%%",
                          row->uplift_bp < 0 ? "-" : row->uplift_bp > 0 ? "+" : "",
                          abs_value / 100, (guint) (abs_value % 100));
}

char *
plaza_promotion_format_return (const PlazaPromotionEvalRow *row)
{
  g_return_val_if_fail (row != NULL, NULL);

  if (row->cost <= 0)
    return g_strdup ("—");
  /* return_bp / 10000 yuan per yuan = return_bp / 100 fen */
  return plaza_money_format (plaza_promotion_div_round (row->return_bp, 100), TRUE);
}

guint
plaza_promotion_evaluation_like_for_like (const PlazaPromotionEvaluation *e,
                                          PlazaPromotionEvalRow          *out)
{
  guint n = 0;

  g_return_val_if_fail (e != NULL, 0);
  g_return_val_if_fail (out != NULL, 0);

  memset (out, 0, sizeof *out);
  out->tenant_code = g_strdup ("LFL");
  out->tenant_name = g_strdup (_("Like for like"));
  for (guint i = 0; i < e->rows->len; i++)
    {
      const PlazaPromotionEvalRow *row = g_ptr_array_index (e->rows, i);

      if (row->baseline <= 0)
        continue;
      out->sales += row->sales;
      out->baseline += row->baseline;
      n++;
    }
  out->uplift = out->sales - out->baseline;
  out->uplift_bp = out->baseline > 0 ? plaza_promotion_div_round (out->uplift * 10000, out->baseline) : 0;
  return n;
}

/* Largest uplift first; participants without a baseline last, by code. */
static int
compare_uplift (gconstpointer a,
                gconstpointer b)
{
  const PlazaPromotionEvalRow *x = *(const PlazaPromotionEvalRow * const *) a;
  const PlazaPromotionEvalRow *y = *(const PlazaPromotionEvalRow * const *) b;

  if ((x->baseline > 0) != (y->baseline > 0))
    return x->baseline > 0 ? -1 : 1;
  if (x->baseline > 0 && x->uplift_bp != y->uplift_bp)
    return x->uplift_bp > y->uplift_bp ? -1 : 1;
  return g_strcmp0 (x->tenant_code, y->tenant_code);
}

PlazaChart *
plaza_promotion_evaluation_chart (const PlazaPromotionEvaluation *e)
{
  return plaza_promotion_evaluation_chart_limited (e, 0);
}

PlazaChart *
plaza_promotion_evaluation_chart_limited (const PlazaPromotionEvaluation *e,
                                          guint                           max_bars)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autoptr(GPtrArray) order = NULL;
  PlazaPromotionEvalRow lfl;
  PlazaChart *chart;
  guint series, n_valued = 0, half = max_bars / 2;
  gboolean limited;

  g_return_val_if_fail (e != NULL, NULL);

  order = g_ptr_array_new ();
  for (guint i = 0; i < e->rows->len; i++)
    {
      PlazaPromotionEvalRow *row = g_ptr_array_index (e->rows, i);

      g_ptr_array_add (order, row);
      n_valued += row->baseline > 0;
    }
  g_ptr_array_sort (order, compare_uplift);
  limited = max_bars >= 2 && e->rows->len > max_bars;

  title = g_strdup_printf (_("Sales uplift by participant · %s"), e->code);
  chart = plaza_chart_new (PLAZA_CHART_HBAR, PLAZA_CHART_UNIT_BP, title);
  if (e->baseline == PLAZA_PROMOTION_BASELINE_LAST_YEAR)
    /* Translators: the chart's subtitle: the promotion's days, then the
     * baseline's */
    subtitle = g_strdup_printf (_("%s – %s against the same days last year (%s – %s)"),
                                e->from, e->to, e->base_from, e->base_to);
  else
    subtitle = g_strdup_printf (_("%s – %s against the four weeks before (%s – %s, scaled)"),
                                e->from, e->to, e->base_from, e->base_to);
  if (limited)
    {
      /* Translators: appended to the chart's subtitle when only the best
       * and the worst participants are drawn */
      g_autofree char *note = g_strdup_printf (_("the %u highest and %u lowest of %u participants"),
                                               MIN (half, n_valued), n_valued > half ? MIN (half, n_valued - half) : 0,
                                               e->rows->len);
      char *longer = g_strdup_printf ("%s · %s", subtitle, note);

      g_free (subtitle);
      subtitle = longer;
    }
  plaza_chart_set_subtitle (chart, subtitle);
  series = plaza_chart_add_series (chart, _("Uplift"), PLAZA_CHART_SERIES_NORMAL);
  for (guint i = 0; i < order->len; i++)
    {
      const PlazaPromotionEvalRow *row = g_ptr_array_index (order, i);
      guint category;

      /* limited: the first and the last half of those with a value */
      if (limited && (row->baseline <= 0 || (i >= half && i + half < n_valued)))
        continue;
      category = plaza_chart_add_category (chart, row->tenant_code, row->tenant_name);
      if (row->baseline > 0)
        plaza_chart_set_value (chart, series, category, row->uplift_bp);
    }
  if (plaza_promotion_evaluation_like_for_like (e, &lfl) > 0)
    plaza_chart_add_reference (chart, _("All participants, like for like"), lfl.uplift_bp);
  g_free (lfl.tenant_code);
  g_free (lfl.tenant_name);
  return chart;
}
