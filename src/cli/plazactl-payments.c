/* plazactl-payments.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * plazactl payments add DB --tenant CODE --amount YUAN --date YYYY-MM-DD
 *   [--method transfer|cash|pos|deposit_offset] [--reference R]
 *   records a payment allocated oldest line first and prints one line:
 *   "Payment N: allocated X, tenant credit Y" (yuan).
 * plazactl payments reverse DB --id N --reason R [--date YYYY-MM-DD]
 *   prints "Payment N reversed by payment M".
 * plazactl arrears DB --as-of YYYY-MM-DD [--late-fees]
 *   prints the aging as CSV (amounts in yuan), one row per tenant and a
 *   "total" row:
 *     tenant,name,current,0-30,31-60,61-90,90+,total[,late_fee]
 *   with --late-fees the last column is the late fee accrued and not yet
 *   billed at the date, and tenants with only such a fee have a row.
 */

#define G_LOG_DOMAIN "plazactl"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "plaza-arrears.h"
#include "plaza-csv.h"
#include "plaza-money.h"
#include "plaza-payments.h"
#include "plaza-store.h"
#include "plazactl.h"

static gint64
tenant_by_code (PlazaStore *store,
                const char *code)
{
  g_autoptr(sqlite3_stmt) stmt = plaza_store_prepare (store, "SELECT id FROM tenants WHERE code = ?", NULL);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

static int
payments_add (PlazaStore *store,
              const char *tenant,
              const char *amount_text,
              const char *date,
              const char *method,
              const char *reference)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *allocated = NULL;
  g_autofree char *credit = NULL;
  gint64 tenant_id, amount = 0, payment_id = 0;

  if (tenant == NULL)
    return plazactl_fail_message (_("payments: --tenant is required"));
  if (amount_text == NULL || !plaza_money_parse (amount_text, &amount) || amount <= 0)
    return plazactl_fail_message (_("payments: --amount must be an amount in yuan more than zero"));
  if (date == NULL)
    return plazactl_fail_message (_("payments: --date is required (YYYY-MM-DD)"));
  tenant_id = tenant_by_code (store, tenant);
  if (tenant_id == 0)
    return plazactl_fail_message (_("payments: there is no tenant “%s”"), tenant);
  if (!plaza_payment_add (store, tenant_id, date, amount, method, reference, NULL, &payment_id, &error))
    {
      g_prefix_error (&error, "payments: ");
      return plazactl_fail (error);
    }
  allocated = plaza_money_format_plain (plaza_payment_allocated (store, payment_id));
  credit = plaza_money_format_plain (plaza_payment_tenant_credit (store, tenant_id));
  g_print (_("Payment %lld: allocated %s, tenant credit %s\n"), (long long) payment_id, allocated, credit);
  return 0;
}

static int
payments_reverse (PlazaStore *store,
                  gint64      id,
                  const char *date,
                  const char *reason)
{
  g_autoptr(GError) error = NULL;
  gint64 reversal_id = 0;

  if (id <= 0)
    return plazactl_fail_message (_("payments: --id is required"));
  if (!plaza_payment_reverse (store, id, date, reason, &reversal_id, &error))
    {
      g_prefix_error (&error, "payments: ");
      return plazactl_fail (error);
    }
  g_print (_("Payment %lld reversed by payment %lld\n"), (long long) id, (long long) reversal_id);
  return 0;
}

int
plazactl_cmd_payments (int    argc,
                       char **argv)
{
  g_autofree char *tenant = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *date = NULL;
  g_autofree char *method = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *reason = NULL;
  gint64 id = 0;
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "tenant", 0, 0, G_OPTION_ARG_STRING, &tenant, N_("The tenant's code"), N_("CODE") },
    { "amount", 0, 0, G_OPTION_ARG_STRING, &amount, N_("The amount paid"), N_("YUAN") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The date of the payment or reversal"), N_("YYYY-MM-DD") },
    { "method", 0, 0, G_OPTION_ARG_STRING, &method, N_("transfer, cash, pos or deposit_offset"), N_("METHOD") },
    { "reference", 0, 0, G_OPTION_ARG_STRING, &reference, N_("The bank or receipt reference"), N_("R") },
    { "id", 0, 0, G_OPTION_ARG_INT64, &id, N_("The payment to reverse"), N_("N") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why the payment is reversed"), N_("R") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  if (!plazactl_parse (_("add|reverse DB — record or reverse a payment"), entries, &argc, &argv))
    return 1;
  if (argc < 2 || (!g_str_equal (argv[1], "add") && !g_str_equal (argv[1], "reverse")))
    return plazactl_fail_message (_("payments: use “payments add DB …” or “payments reverse DB …”"));
  if (argc < 3)
    return plazactl_fail_message (_("payments: the database file is required"));
  if (argc > 3)
    return plazactl_fail_message (_("payments: unexpected argument “%s”"), argv[3]);

  store = plazactl_open (argv[2], PLAZA_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    return plazactl_fail (error);
  if (g_str_equal (argv[1], "add"))
    return payments_add (store, tenant, amount, date, method, reference);
  return payments_reverse (store, id, date, reason);
}

int
plazactl_cmd_arrears (int    argc,
                      char **argv)
{
  g_autofree char *as_of = NULL;
  gboolean late_fees = FALSE;
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GString) out = g_string_new ("tenant,name,current,0-30,31-60,61-90,90+,total");
  GOptionEntry entries[] = {
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of, N_("The date the arrears are aged at"), N_("YYYY-MM-DD") },
    { "late-fees", 0, 0, G_OPTION_ARG_NONE, &late_fees, N_("Add the late fee not yet billed"), NULL },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  if (!plazactl_parse (_("DB — arrears aging as CSV"), entries, &argc, &argv))
    return 1;
  if (argc < 2)
    return plazactl_fail_message (_("arrears: the database file is required"));
  if (argc > 2)
    return plazactl_fail_message (_("arrears: unexpected argument “%s”"), argv[2]);
  if (as_of == NULL)
    return plazactl_fail_message (_("arrears: --as-of is required (YYYY-MM-DD)"));

  store = plazactl_open (argv[1], PLAZA_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    return plazactl_fail (error);
  if (!(late_fees ? plaza_arrears_aging_with_fees : plaza_arrears_aging) (store, as_of, &rows, &error))
    {
      g_prefix_error (&error, "arrears: ");
      return plazactl_fail (error);
    }
  g_string_append (out, late_fees ? ",late_fee\n" : "\n");
  for (guint i = 0; i < rows->len; i++)
    {
      PlazaArrearsRow *row = g_ptr_array_index (rows, i);
      gint64 amounts[7] = { row->current, row->days_0_30, row->days_31_60, row->days_61_90, row->days_90_plus,
                            row->total, row->late_fee };
      char *texts[7] = { NULL };
      const char *fields[9];

      fields[0] = row->tenant_id != 0 ? row->code : "total";
      fields[1] = row->tenant_id != 0 ? row->name : "";
      for (guint j = 0; j < 7; j++)
        fields[2 + j] = texts[j] = plaza_money_format_plain (amounts[j]);
      plaza_csv_append_row (out, fields, late_fees ? 9 : 8);
      for (guint j = 0; j < 7; j++)
        g_free (texts[j]);
    }
  if (fputs (out->str, stdout) == EOF || fflush (stdout) != 0)
    return plazactl_fail_message (_("arrears: could not write the output"));
  return 0;
}
