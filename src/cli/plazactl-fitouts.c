/* plazactl-fitouts.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * plazactl fitouts overdue DB [--today YYYY-MM-DD]: the fit-out items
 * overdue (plaza_fitout_overdue) as CSV: contract,tenant,kind,since,days,
 * item, where kind is drawing, period or inspection.
 */

#define G_LOG_DOMAIN "plazactl"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "plaza-csv.h"
#include "plaza-date.h"
#include "plaza-fitout.h"
#include "plazactl.h"

static const char *
kind_word (PlazaFitoutOverdueKind kind)
{
  switch (kind)
    {
    case PLAZA_FITOUT_OVERDUE_DRAWING:
      return "drawing";
    case PLAZA_FITOUT_OVERDUE_PERIOD:
      return "period";
    case PLAZA_FITOUT_OVERDUE_INSPECTION:
    default:
      return "inspection";
    }
}

static int
overdue (const char *path,
         const char *today_text)
{
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GString) out = g_string_new ("contract,tenant,kind,since,days,item\n");
  GDate today;

  if (today_text != NULL)
    {
      if (!plaza_date_parse (today_text, &today))
        return plazactl_fail_message (_("fitouts: --today must be a date like 2026-11-27"));
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_clear (&today, 1);
      g_date_set_dmy (&today, (GDateDay) g_date_time_get_day_of_month (now),
                      (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
    }
  store = plazactl_open (path, PLAZA_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    return plazactl_fail (error);
  if (!plaza_fitout_overdue (store, &today, &items, &error))
    {
      g_prefix_error (&error, "fitouts: ");
      return plazactl_fail (error);
    }
  for (guint i = 0; i < items->len; i++)
    {
      PlazaFitoutOverdue *item = g_ptr_array_index (items, i);
      g_autofree char *since = plaza_date_format (&item->since);
      g_autofree char *days = g_strdup_printf ("%d", item->days);
      const char *fields[6] = { item->contract_code, item->tenant_name, kind_word (item->kind), since, days, item->what };

      plaza_csv_append_row (out, fields, G_N_ELEMENTS (fields));
    }
  if (fputs (out->str, stdout) == EOF || fflush (stdout) != 0)
    return plazactl_fail_message (_("fitouts: could not write the output"));
  return 0;
}

int
plazactl_cmd_fitouts (int    argc,
                      char **argv)
{
  g_autofree char *today = NULL;
  GOptionEntry entries[] = {
    { "today", 0, 0, G_OPTION_ARG_STRING, &today, N_("The day to count from (default: today)"), N_("YYYY-MM-DD") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  if (!plazactl_parse (_("overdue DB — fit-out items overdue"), entries, &argc, &argv))
    return 1;
  if (argc < 2 || !g_str_equal (argv[1], "overdue"))
    return plazactl_fail_message (_("fitouts: use “fitouts overdue DB [--today DATE]”"));
  if (argc < 3)
    return plazactl_fail_message (_("fitouts: the database file is required"));
  if (argc > 3)
    return plazactl_fail_message (_("fitouts: unexpected argument “%s”"), argv[3]);
  return overdue (argv[2], today);
}
