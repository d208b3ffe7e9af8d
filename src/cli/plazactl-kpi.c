/* plazactl-kpi.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * plazactl kpi DB --metric M --by G [--floor F | --category C | --tenant T |
 * --unit U] --from YYYY-MM --to YYYY-MM: one measure
 * (plaza_kpi_compute_filtered) as CSV ordered by key, optionally only
 * within one floor, category, tenant (code) or unit (drill-down):
 *   key,label,value,mom_bp,yoy_bp
 * value is yuan with two decimals for sales, sales_per_m2 (元/㎡/月) and
 * sales_per_m2_year (元/㎡/年), a
 * percent with two decimals for rent_to_sales and occupancy; mom_bp and
 * yoy_bp are the sales growth in basis points. An empty field is NULL.
 */

#define G_LOG_DOMAIN "plazactl"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "plaza-csv.h"
#include "plaza-kpi.h"
#include "plaza-money.h"
#include "plaza-store.h"
#include "plazactl.h"

int
plazactl_cmd_kpi (int    argc,
                  char **argv)
{
  g_autofree char *metric_text = NULL;
  g_autofree char *by_text = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *floor = NULL;
  g_autofree char *category = NULL;
  g_autofree char *tenant = NULL;
  g_autofree char *unit = NULL;
  PlazaKpiGroup filter_by = PLAZA_KPI_BY_MALL;
  const char *filter_key = NULL;
  guint n_filters = 0;
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new ("key,label,value,mom_bp,yoy_bp\n");
  PlazaKpiMetric metric;
  PlazaKpiGroup by;
  GOptionEntry entries[] = {
    { "metric", 0, 0, G_OPTION_ARG_STRING, &metric_text, N_("sales, sales_per_m2, sales_per_m2_year, rent_to_sales or occupancy"), N_("M") },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by_text, N_("mall, floor, category, tenant or unit"), N_("G") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("The first month"), N_("YYYY-MM") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("The last month (inclusive)"), N_("YYYY-MM") },
    { "floor", 0, 0, G_OPTION_ARG_STRING, &floor, N_("Only this floor"), N_("F") },
    { "category", 0, 0, G_OPTION_ARG_STRING, &category, N_("Only this category"), N_("C") },
    { "tenant", 0, 0, G_OPTION_ARG_STRING, &tenant, N_("Only this tenant (its code)"), N_("T") },
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit, N_("Only this unit"), N_("U") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  if (!plazactl_parse (_("DB — a measure as CSV"), entries, &argc, &argv))
    return 1;
  if (argc < 2)
    return plazactl_fail_message (_("kpi: the database file is required"));
  if (argc > 2)
    return plazactl_fail_message (_("kpi: unexpected argument “%s”"), argv[2]);
  if (metric_text == NULL || !plaza_kpi_metric_parse (metric_text, &metric))
    return plazactl_fail_message (_("kpi: --metric must be sales, sales_per_m2, sales_per_m2_year, rent_to_sales or occupancy"));
  if (by_text == NULL || !plaza_kpi_group_parse (by_text, &by))
    return plazactl_fail_message (_("kpi: --by must be mall, floor, category, tenant or unit"));
  if (from == NULL || to == NULL)
    return plazactl_fail_message (_("kpi: --from and --to are required (YYYY-MM)"));
  {
    const struct { const char *key; PlazaKpiGroup by; } filters[] = {
      { floor, PLAZA_KPI_BY_FLOOR }, { category, PLAZA_KPI_BY_CATEGORY },
      { tenant, PLAZA_KPI_BY_TENANT }, { unit, PLAZA_KPI_BY_UNIT },
    };

    for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
      if (filters[i].key != NULL)
        {
          filter_by = filters[i].by;
          filter_key = filters[i].key;
          n_filters++;
        }
  }
  if (n_filters > 1)
    return plazactl_fail_message (_("kpi: give at most one of --floor, --category, --tenant and --unit"));

  store = plazactl_open (argv[1], PLAZA_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    return plazactl_fail (error);
  if (!plaza_kpi_compute_filtered (store, metric, by, filter_by, filter_key, from, to, &rows, &error))
    {
      g_prefix_error (&error, "kpi: ");
      return plazactl_fail (error);
    }

  for (guint i = 0; i < rows->len; i++)
    {
      PlazaKpiRow *row = g_ptr_array_index (rows, i);
      g_autofree char *value = row->has_value ? plaza_money_format_plain (row->value) : g_strdup ("");
      g_autofree char *mom = row->has_mom ? g_strdup_printf ("%lld", (long long) row->mom_bp) : g_strdup ("");
      g_autofree char *yoy = row->has_yoy ? g_strdup_printf ("%lld", (long long) row->yoy_bp) : g_strdup ("");
      const char *fields[5] = { row->key, row->label, value, mom, yoy };

      /* fen → yuan and basis points → percent are both ÷ 100, two decimals */
      plaza_csv_append_row (out, fields, G_N_ELEMENTS (fields));
    }
  if (fputs (out->str, stdout) == EOF || fflush (stdout) != 0)
    return plazactl_fail_message (_("kpi: could not write the output"));
  return 0;
}
