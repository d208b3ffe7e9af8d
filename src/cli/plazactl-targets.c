/* plazactl-targets.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * plazactl targets break-down DB --year YYYY --amount YUAN [--basis B]:
 * replaces the year's targets (plaza_targets_break_down) and prints
 * "Targets for YYYY broken down".
 * plazactl targets health DB --month YYYY-MM: tenant health as CSV, lowest
 * score first: tenant,name,score,sales_per_m2,category_median,growth_bp,
 * rent_to_sales_bp,arrears_days,reasons (money in yuan, two decimals).
 */

#define G_LOG_DOMAIN "plazactl"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "plaza-csv.h"
#include "plaza-health.h"
#include "plaza-money.h"
#include "plaza-targets.h"
#include "plazactl.h"

static int
break_down (const char *path,
            int         year,
            const char *amount_text,
            const char *basis_text)
{
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  PlazaTargetBasis basis = PLAZA_TARGET_BASIS_LAST_YEAR_SHARE;
  gint64 amount;

  if (year == 0)
    return plazactl_fail_message (_("targets: --year is required"));
  if (amount_text == NULL || !plaza_money_parse (amount_text, &amount))
    return plazactl_fail_message (_("targets: --amount must be an amount in yuan"));
  if (basis_text != NULL && !plaza_target_basis_parse (basis_text, &basis))
    return plazactl_fail_message (_("targets: unknown basis “%s” (last_year_share or area)"), basis_text);

  store = plazactl_open (path, PLAZA_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    return plazactl_fail (error);
  if (!plaza_targets_break_down (store, year, amount, basis, &error))
    {
      g_prefix_error (&error, "targets: ");
      return plazactl_fail (error);
    }
  g_print (_("Targets for %d broken down\n"), year);
  return 0;
}

static int
health (const char *path,
        const char *month)
{
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GString) out = g_string_new ("tenant,name,score,sales_per_m2,category_median,growth_bp,"
                                         "rent_to_sales_bp,arrears_days,reasons\n");

  if (month == NULL)
    return plazactl_fail_message (_("targets: --month is required (YYYY-MM)"));
  store = plazactl_open (path, PLAZA_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    return plazactl_fail (error);
  if (!plaza_health_scores (store, month, &rows, &error))
    {
      g_prefix_error (&error, "targets: ");
      return plazactl_fail (error);
    }
  for (guint i = 0; i < rows->len; i++)
    {
      PlazaHealthRow *row = g_ptr_array_index (rows, i);
      g_autofree char *score = g_strdup_printf ("%lld", (long long) row->score);
      g_autofree char *spm = plaza_money_format_plain (row->sales_per_m2);
      g_autofree char *median = plaza_money_format_plain (row->category_median);
      g_autofree char *growth = row->has_growth ? g_strdup_printf ("%lld", (long long) row->growth_bp) : g_strdup ("");
      g_autofree char *rts = row->has_rent_to_sales ? g_strdup_printf ("%lld", (long long) row->rent_to_sales_bp) : g_strdup ("");
      g_autofree char *days = g_strdup_printf ("%lld", (long long) row->arrears_days);
      const char *fields[9] = { row->code, row->name, score, spm, median, growth, rts, days, row->reasons };

      plaza_csv_append_row (out, fields, G_N_ELEMENTS (fields));
    }
  if (fputs (out->str, stdout) == EOF || fflush (stdout) != 0)
    return plazactl_fail_message (_("targets: could not write the output"));
  return 0;
}

int
plazactl_cmd_targets (int    argc,
                      char **argv)
{
  int year = 0;
  g_autofree char *amount = NULL;
  g_autofree char *basis = NULL;
  g_autofree char *month = NULL;
  GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("The target year (break-down)"), N_("YYYY") },
    { "amount", 0, 0, G_OPTION_ARG_STRING, &amount, N_("The mall's annual target in yuan (break-down)"), N_("YUAN") },
    { "basis", 0, 0, G_OPTION_ARG_STRING, &basis, N_("last_year_share (default) or area (break-down)"), N_("B") },
    { "month", 0, 0, G_OPTION_ARG_STRING, &month, N_("The last month scored (health)"), N_("YYYY-MM") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  if (!plazactl_parse (_("break-down|health DB — targets and tenant health"), entries, &argc, &argv))
    return 1;
  if (argc < 2 || (!g_str_equal (argv[1], "break-down") && !g_str_equal (argv[1], "health")))
    return plazactl_fail_message (_("targets: use “targets break-down DB …” or “targets health DB …”"));
  if (argc < 3)
    return plazactl_fail_message (_("targets: the database file is required"));
  if (argc > 3)
    return plazactl_fail_message (_("targets: unexpected argument “%s”"), argv[3]);
  if (g_str_equal (argv[1], "break-down"))
    return break_down (argv[2], year, amount, basis);
  return health (argv[2], month);
}
