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
 * Otherwise one line: "Issued N bills for YYYY-MM".
 */

#define G_LOG_DOMAIN "plazactl"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

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

int
plazactl_cmd_bills (int    argc,
                    char **argv)
{
  g_autofree char *month = NULL;
  gboolean dry_run = FALSE;
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  guint n_issued = 0;
  GOptionEntry entries[] = {
    { "month", 0, 0, G_OPTION_ARG_STRING, &month, N_("The month to bill"), N_("YYYY-MM") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Print the bills as CSV, write nothing"), NULL },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  if (!plazactl_parse (_("generate DB — the monthly bill run"), entries, &argc, &argv))
    return 1;
  if (argc < 2 || !g_str_equal (argv[1], "generate"))
    return plazactl_fail_message (_("bills: use “bills generate DB --month YYYY-MM”"));
  if (argc < 3)
    return plazactl_fail_message (_("bills: the database file is required"));
  if (argc > 3)
    return plazactl_fail_message (_("bills: unexpected argument “%s”"), argv[3]);
  if (month == NULL)
    return plazactl_fail_message (_("bills: --month is required (YYYY-MM)"));

  store = plaza_store_open (argv[2], dry_run ? PLAZA_STORE_OPEN_READ_ONLY : PLAZA_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    return plazactl_fail (error);
  if (dry_run)
    return print_preview (store, month);

  if (!plaza_billing_issue (store, month, &n_issued, &error))
    {
      g_prefix_error (&error, "bills: ");
      return plazactl_fail (error);
    }
  g_print (_("Issued %u bills for %s\n"), n_issued, month);
  return 0;
}
