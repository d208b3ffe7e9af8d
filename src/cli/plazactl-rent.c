/* plazactl-rent.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * plazactl rent-schedule --terms FILE.json [--sales FILE.csv]: the monthly
 * rent schedule of one contract as CSV on standard output.
 */

#define G_LOG_DOMAIN "plazactl"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "plaza-rent.h"
#include "plazactl.h"

int
plazactl_cmd_rent_schedule (int    argc,
                            char **argv)
{
  g_autofree char *terms_path = NULL;
  g_autofree char *sales_path = NULL;
  g_autoptr(PlazaRentTerms) terms = NULL;
  g_autoptr(PlazaRentSales) sales = NULL;
  g_autoptr(GArray) schedule = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  GOptionEntry entries[] = {
    { "terms", 't', 0, G_OPTION_ARG_FILENAME, &terms_path, N_("The contract's rent terms (JSON)"), N_("FILE.json") },
    { "sales", 's', 0, G_OPTION_ARG_FILENAME, &sales_path, N_("Daily sales: date,amount (CSV)"), N_("FILE.csv") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  if (!plazactl_parse (_("--terms FILE.json [--sales FILE.csv] — the monthly rent schedule as CSV"),
                       entries, &argc, &argv))
    return 1;
  if (argc != 1)
    return plazactl_fail_message (_("rent-schedule: unexpected argument “%s”"), argv[1]);
  if (terms_path == NULL)
    return plazactl_fail_message (_("rent-schedule: --terms FILE.json is required"));

  terms = plaza_rent_terms_new_from_file (terms_path, &error);
  if (terms == NULL)
    {
      if (error->domain == PLAZA_RENT_ERROR)
        g_prefix_error (&error, "%s: ", terms_path);
      return plazactl_fail (error);
    }

  if (sales_path != NULL)
    {
      g_autofree char *data = NULL;
      gsize length = 0;

      if (!g_file_get_contents (sales_path, &data, &length, &error))
        return plazactl_fail (error);
      sales = plaza_rent_sales_new_from_csv (data, length, &error);
      if (sales == NULL)
        {
          g_prefix_error (&error, "%s: ", sales_path);
          return plazactl_fail (error);
        }
    }

  schedule = plaza_rent_schedule (terms, sales, &error);
  if (schedule == NULL)
    return plazactl_fail (error);

  csv = plaza_rent_schedule_to_csv (schedule);
  if (fputs (csv, stdout) == EOF || fflush (stdout) != 0)
    return plazactl_fail_message (_("rent-schedule: could not write the output"));
  return 0;
}
