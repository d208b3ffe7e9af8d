/* plazactl-report.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * plazactl report DB --month YYYY-MM --out FILE.pdf [--today YYYY-MM-DD]:
 * the monthly performance report (经营业绩统计分析报表) as a multi-page A4
 * PDF. --today is the date printed as "made on" (default: today).
 */

#define G_LOG_DOMAIN "plazactl"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-date.h"
#include "plaza-report.h"
#include "plaza-store.h"
#include "plazactl.h"

int
plazactl_cmd_report (int    argc,
                     char **argv)
{
  g_autofree char *month = NULL;
  g_autofree char *out_path = NULL;
  g_autofree char *today_text = NULL;
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;
  GOptionEntry entries[] = {
    { "month", 'm', 0, G_OPTION_ARG_STRING, &month, N_("The month of the report"), N_("YYYY-MM") },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out_path, N_("Where to write the PDF"), N_("FILE.pdf") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, N_("The date printed as made on"), N_("YYYY-MM-DD") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  g_date_clear (&today, 1);
  if (!plazactl_parse (_("DB --month YYYY-MM --out FILE.pdf — the monthly performance report as a PDF"),
                       entries, &argc, &argv))
    return 1;
  if (argc != 2)
    return plazactl_fail_message (_("report: give one database file"));
  if (month == NULL)
    return plazactl_fail_message (_("report: --month YYYY-MM is required"));
  if (out_path == NULL)
    return plazactl_fail_message (_("report: --out FILE.pdf is required"));
  if (today_text != NULL && !plaza_date_parse (today_text, &today))
    return plazactl_fail_message (_("report: --today must be a date (YYYY-MM-DD), not “%s”"), today_text);

  store = plazactl_open (argv[1], PLAZA_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    return plazactl_fail (error);
  if (!plaza_report_write (store, month, today_text != NULL ? &today : NULL, out_path, &error))
    {
      g_prefix_error (&error, "report: ");
      return plazactl_fail (error);
    }
  return 0;
}
