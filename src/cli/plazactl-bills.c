/* plazactl-bills.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * plazactl bills generate DB --month YYYY-MM [--dry-run]: the monthly bill
 * run (plaza_billing_issue). With --dry-run nothing is written and the
 * preview is printed as CSV, one row per bill line and a "total" row per
 * bill (amounts in yuan with two decimals):
 *   contract,tenant,kind,description,period_from,period_to,amount,estimated
 * Otherwise one line: "Issued N bills for YYYY-MM", then one line per
 * promotion fee the run could not bill (plaza_billing_skipped_fees).
 *
 * plazactl bills report DB --from YYYY-MM --to YYYY-MM [--as-of DATE]
 * [--out FILE.csv|FILE.xlsx]: receivables, collections and the collection
 * rate by month (plaza_billing_report), as CSV on stdout, or written to
 * FILE with one line "Wrote FILE".
 */

#define G_LOG_DOMAIN "plazactl"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "plaza-billing-report.h"
#include "plaza-billing.h"
#include "plaza-csv.h"
#include "plaza-money.h"
#include "plaza-store.h"
#include "plazactl.h"

static int
print_preview (PlazaStore *store,
               const char *month)
{
  g_autoptr(GPtrArray) bills = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new ("contract,tenant,kind,description,period_from,period_to,amount,estimated\n");

  if (!plaza_billing_preview (store, month, &bills, &error))
    {
      g_prefix_error (&error, "bills: ");
      return plazactl_fail (error);
    }
  for (guint i = 0; i < bills->len; i++)
    {
      PlazaBill *bill = g_ptr_array_index (bills, i);
      g_autofree char *total = plaza_money_format_plain (bill->total);
      const char *total_fields[8] = { bill->contract_code, bill->tenant_name, "total", "", "", "", total, "" };

      for (guint j = 0; j < bill->lines->len; j++)
        {
          PlazaBillLine *line = g_ptr_array_index (bill->lines, j);
          g_autofree char *amount = plaza_money_format_plain (line->amount);
          const char *fields[8] = { bill->contract_code, bill->tenant_name, line->kind, line->description,
                                    line->period_from, line->period_to, amount, line->estimated ? "1" : "0" };

          plaza_csv_append_row (out, fields, G_N_ELEMENTS (fields));
        }
      plaza_csv_append_row (out, total_fields, G_N_ELEMENTS (total_fields));
    }
  if (fputs (out->str, stdout) == EOF || fflush (stdout) != 0)
    return plazactl_fail_message (_("bills: could not write the output"));
  return 0;
}

static int
report (PlazaStore *store,
        const char *from,
        const char *to,
        const char *as_of,
        const char *out)
{
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;

  if (from == NULL || to == NULL)
    return plazactl_fail_message (_("bills: --from and --to are required (YYYY-MM)"));
  if (!plaza_billing_report (store, from, to, as_of, &rows, &error))
    {
      g_prefix_error (&error, "bills: ");
      return plazactl_fail (error);
    }
  if (out != NULL)
    {
      if (!plaza_billing_report_write (rows, as_of, out, &error))
        {
          g_prefix_error (&error, "bills: ");
          return plazactl_fail (error);
        }
      g_print (_("Wrote %s\n"), out);
      return 0;
    }
  csv = plaza_billing_report_csv (rows);
  if (fputs (csv, stdout) == EOF || fflush (stdout) != 0)
    return plazactl_fail_message (_("bills: could not write the output"));
  return 0;
}

static int
generate (PlazaStore *store,
          const char *month)
{
  g_autoptr(GPtrArray) skipped = NULL;
  g_autoptr(GError) error = NULL;
  guint n_issued = 0;

  if (month == NULL)
    return plazactl_fail_message (_("bills: --month is required (YYYY-MM)"));
  /* Before the run: afterwards every fee of the month looks issued before. */
  if (!plaza_billing_skipped_fees (store, month, &skipped, &error) ||
      !plaza_billing_issue (store, month, &n_issued, &error))
    {
      g_prefix_error (&error, "bills: ");
      return plazactl_fail (error);
    }
  g_print (_("Issued %u bills for %s\n"), n_issued, month);
  for (guint i = 0; i < skipped->len; i++)
    g_print ("%s\n", (const char *) g_ptr_array_index (skipped, i));
  return 0;
}

int
plazactl_cmd_bills (int    argc,
                    char **argv)
{
  g_autofree char *month = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *as_of = NULL;
  g_autofree char *out = NULL;
  gboolean dry_run = FALSE;
  gboolean is_report;
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "month", 0, 0, G_OPTION_ARG_STRING, &month, N_("generate: the month to bill"), N_("YYYY-MM") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("generate: print the bills as CSV, write nothing"), NULL },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("report: the first month"), N_("YYYY-MM") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("report: the last month"), N_("YYYY-MM") },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of, N_("report: bills and payments up to this day "
                                                     "(default: the last day of --to)"), N_("YYYY-MM-DD") },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("report: write a .csv or .xlsx file"), N_("FILE") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  if (!plazactl_parse (_("generate|report DB — the monthly bill run, or receivables and collections by month"),
                       entries, &argc, &argv))
    return 1;
  if (argc < 2 || (!g_str_equal (argv[1], "generate") && !g_str_equal (argv[1], "report")))
    return plazactl_fail_message (_("bills: use “bills generate DB --month YYYY-MM” or "
                                    "“bills report DB --from YYYY-MM --to YYYY-MM”"));
  is_report = g_str_equal (argv[1], "report");
  if (argc < 3)
    return plazactl_fail_message (_("bills: the database file is required"));
  if (argc > 3)
    return plazactl_fail_message (_("bills: unexpected argument “%s”"), argv[3]);
  if (!is_report && month == NULL)
    return plazactl_fail_message (_("bills: --month is required (YYYY-MM)"));

  store = plazactl_open (argv[2], dry_run || is_report ? PLAZA_STORE_OPEN_READ_ONLY : PLAZA_STORE_OPEN_DEFAULT,
                            &error);
  if (store == NULL)
    return plazactl_fail (error);
  if (is_report)
    return report (store, from, to, as_of, out);
  if (dry_run)
    return print_preview (store, month);
  return generate (store, month);
}
