/* plazactl-chart.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * plazactl chart DB --metric M --by G [--kind bar|hbar|line|donut|stacked|plan]
 *   [--colour sales_per_m2|vacancy|expiry] [--floor F | --category C |
 *   --tenant T] --from YYYY-MM --to YYYY-MM [--today YYYY-MM-DD]
 *   [--limit N] [--size WxH] --out FILE.png|svg|pdf
 *
 * One chart from the store (plaza-chart-data.h) saved without a display:
 * bar and hbar are the ranking of the --by groups (drawn as asked), line
 * the trend month by month, donut the category mix (--metric occupancy:
 * leased area, otherwise sales), stacked the monthly sales stacked by the
 * --by groups, plan the stacking plan coloured by --colour. Without
 * --kind: the ranking as a bar chart for floors, horizontal bars for
 * longer names. A ranking shows the largest --limit groups: by default 20
 * for tenants and units, all for floors and categories (0: all). The
 * default size is 1200×750.
 */

#define G_LOG_DOMAIN "plazactl"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plaza-chart-data.h"
#include "plaza-date.h"
#include "plaza-store.h"
#include "plazactl.h"

static gboolean
parse_size (const char *text,
            double     *width,
            double     *height)
{
  char *end = NULL;
  long w, h;

  if (text == NULL)
    return TRUE;
  w = strtol (text, &end, 10);
  if (end == text || (*end != 'x' && *end != 'X'))
    return FALSE;
  text = end + 1;
  h = strtol (text, &end, 10);
  if (end == text || *end != '\0' || w < 100 || h < 100 || w > 10000 || h > 10000)
    return FALSE;
  *width = (double) w;
  *height = (double) h;
  return TRUE;
}

int
plazactl_cmd_chart (int    argc,
                    char **argv)
{
  g_autofree char *metric_text = NULL;
  g_autofree char *by_text = NULL;
  g_autofree char *kind_text = NULL;
  g_autofree char *colour_text = NULL;
  g_autofree char *floor = NULL;
  g_autofree char *category = NULL;
  g_autofree char *tenant = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *size_text = NULL;
  g_autofree char *out = NULL;
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(PlazaChart) chart = NULL;
  g_autoptr(GError) error = NULL;
  PlazaChartQuery query = { 0 };
  PlazaPlanColour colour = PLAZA_PLAN_COLOUR_SALES_PER_M2;
  GDate today;
  double width = 1200, height = 750;
  int limit = -1;
  guint n_filters = 0;
  GOptionEntry entries[] = {
    { "metric", 0, 0, G_OPTION_ARG_STRING, &metric_text, N_("sales, sales_per_m2, sales_per_m2_year, rent_to_sales or occupancy"), N_("M") },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by_text, N_("mall, floor, category, tenant or unit"), N_("G") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text, N_("bar, hbar, line, donut, stacked or plan"), N_("K") },
    { "colour", 0, 0, G_OPTION_ARG_STRING, &colour_text, N_("The stacking plan's colours: sales_per_m2, vacancy or expiry"), N_("C") },
    { "floor", 0, 0, G_OPTION_ARG_STRING, &floor, N_("Only this floor"), N_("F") },
    { "category", 0, 0, G_OPTION_ARG_STRING, &category, N_("Only this category"), N_("C") },
    { "tenant", 0, 0, G_OPTION_ARG_STRING, &tenant, N_("Only this tenant (its code)"), N_("T") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("The first month"), N_("YYYY-MM") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("The last month (inclusive)"), N_("YYYY-MM") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, N_("The day leases and vacancy are shown for (default today)"), N_("DATE") },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("A ranking's largest N groups (0: all; default 20 tenants or units)"), N_("N") },
    { "size", 0, 0, G_OPTION_ARG_STRING, &size_text, N_("Pixels for PNG, points for SVG and PDF (default 1200x750)"), N_("WxH") },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("The file to write: .png, .svg or .pdf"), N_("FILE") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  if (!plazactl_parse (_("DB — a chart as PNG, SVG or PDF"), entries, &argc, &argv))
    return 1;
  if (argc < 2)
    return plazactl_fail_message (_("chart: the database file is required"));
  if (argc > 2)
    return plazactl_fail_message (_("chart: unexpected argument “%s”"), argv[2]);
  if (metric_text == NULL || !plaza_kpi_metric_parse (metric_text, &query.metric))
    return plazactl_fail_message (_("chart: --metric must be sales, sales_per_m2, sales_per_m2_year, rent_to_sales or occupancy"));
  query.by = PLAZA_KPI_BY_FLOOR;
  if (by_text != NULL && !plaza_kpi_group_parse (by_text, &query.by))
    return plazactl_fail_message (_("chart: --by must be mall, floor, category, tenant or unit"));
  if (kind_text != NULL && !g_str_equal (kind_text, "bar") && !g_str_equal (kind_text, "hbar") && !g_str_equal (kind_text, "line")
      && !g_str_equal (kind_text, "donut") && !g_str_equal (kind_text, "stacked") && !g_str_equal (kind_text, "plan"))
    return plazactl_fail_message (_("chart: --kind must be bar, hbar, line, donut, stacked or plan"));
  if (colour_text != NULL)
    {
      if (g_str_equal (colour_text, "sales_per_m2"))
        colour = PLAZA_PLAN_COLOUR_SALES_PER_M2;
      else if (g_str_equal (colour_text, "vacancy"))
        colour = PLAZA_PLAN_COLOUR_VACANCY;
      else if (g_str_equal (colour_text, "expiry"))
        colour = PLAZA_PLAN_COLOUR_EXPIRY;
      else
        return plazactl_fail_message (_("chart: --colour must be sales_per_m2, vacancy or expiry"));
    }
  query.filter_by = PLAZA_KPI_BY_MALL;
  if (floor != NULL)
    {
      query.filter_by = PLAZA_KPI_BY_FLOOR;
      query.filter_key = floor;
      n_filters++;
    }
  if (category != NULL)
    {
      query.filter_by = PLAZA_KPI_BY_CATEGORY;
      query.filter_key = category;
      n_filters++;
    }
  if (tenant != NULL)
    {
      query.filter_by = PLAZA_KPI_BY_TENANT;
      query.filter_key = tenant;
      n_filters++;
    }
  if (n_filters > 1)
    return plazactl_fail_message (_("chart: give at most one of --floor, --category and --tenant"));
  if (from == NULL || to == NULL)
    return plazactl_fail_message (_("chart: --from and --to are required (YYYY-MM)"));
  query.from_month = from;
  query.to_month = to;
  g_date_clear (&today, 1);
  if (today_text != NULL && !plaza_date_parse (today_text, &today))
    return plazactl_fail_message (_("chart: --today “%s” is not a date like 2026-11-27"), today_text);
  if (!parse_size (size_text, &width, &height))
    return plazactl_fail_message (_("chart: --size must be like 1200x750 (100 to 10000 each way)"));
  if (limit < -1)
    return plazactl_fail_message (_("chart: --limit must be 0 or more"));
  if (limit == -1)
    limit = query.by == PLAZA_KPI_BY_TENANT || query.by == PLAZA_KPI_BY_UNIT ? 20 : 0;
  query.limit = (guint) limit;
  if (out == NULL)
    return plazactl_fail_message (_("chart: --out FILE.png, .svg or .pdf is required"));
  if (!g_str_has_suffix (out, ".png") && !g_str_has_suffix (out, ".svg") && !g_str_has_suffix (out, ".pdf"))
    return plazactl_fail_message (_("chart: --out must end in .png, .svg or .pdf"));

  store = plazactl_open (argv[1], PLAZA_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    return plazactl_fail (error);

  if (kind_text == NULL)
    chart = plaza_chart_data_ranking (store, &query, &error);
  else if (g_str_equal (kind_text, "line"))
    chart = plaza_chart_data_trend (store, &query, &error);
  else if (g_str_equal (kind_text, "donut"))
    chart = plaza_chart_data_mix (store, &query, query.metric == PLAZA_KPI_OCCUPANCY, &error);
  else if (g_str_equal (kind_text, "stacked"))
    chart = plaza_chart_data_stacked (store, &query, &error);
  else if (g_str_equal (kind_text, "plan"))
    chart = plaza_chart_data_stacking_plan (store, &query, colour, g_date_valid (&today) ? &today : NULL, &error);
  else
    {
      chart = plaza_chart_data_ranking (store, &query, &error);
      if (chart != NULL)
        plaza_chart_set_kind (chart, g_str_equal (kind_text, "hbar") ? PLAZA_CHART_HBAR : PLAZA_CHART_BAR);
    }
  if (chart == NULL)
    {
      g_prefix_error (&error, "chart: ");
      return plazactl_fail (error);
    }
  if (!plaza_chart_save (chart, out, width, height, &error))
    {
      g_prefix_error (&error, "chart: ");
      return plazactl_fail (error);
    }
  return 0;
}
