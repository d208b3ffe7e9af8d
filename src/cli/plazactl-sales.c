/* plazactl-sales.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * plazactl sales: daily sales by hand, estimates and checks (plaza-sales.h).
 *
 *   sales set DB --unit CODE --date YYYY-MM-DD --amount YUAN [--transactions N]
 *   sales estimate DB --month YYYY-MM [--unit CODE] [--basis auto|last_year|last_3_months]
 *       without --unit: every unit the month is missing (plaza_sales_missing);
 *       units with nothing to estimate from are skipped and counted
 *   sales missing DB --month YYYY-MM        CSV unit,tenant
 *   sales anomalies DB --from D --to D [--unit CODE]
 *       CSV kind,date,unit,tenant,amount,usual,change (yuan; change in
 *       percent with two decimals; kind high_day, low_day or drop)
 */

#define G_LOG_DOMAIN "plazactl"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "plaza-csv.h"
#include "plaza-money.h"
#include "plaza-sales.h"
#include "plazactl.h"

typedef struct
{
  char *unit;
  char *date;
  char *amount;
  int   transactions;
  char *month;
  char *basis;
  char *from;
  char *to;
} Options;

static void
options_clear (Options *o)
{
  g_free (o->unit);
  g_free (o->date);
  g_free (o->amount);
  g_free (o->month);
  g_free (o->basis);
  g_free (o->from);
  g_free (o->to);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

/* The unit's id, or 0 after printing the failure. */
static gint64
unit_id (PlazaStore *store,
         const char *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = plaza_store_prepare (store, "SELECT id FROM units WHERE code = ?", &error);
  int rc;

  if (stmt == NULL)
    {
      plazactl_fail (error);
      return 0;
    }
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  plazactl_fail_message (_("sales: there is no unit “%s”"), code);
  return 0;
}

static int
write_out (GString *out)
{
  if (fputs (out->str, stdout) == EOF || fflush (stdout) != 0)
    return plazactl_fail_message (_("sales: could not write the output"));
  return 0;
}

static PlazaStore *
open_store (const char *path,
            gboolean    write)
{
  g_autoptr(GError) error = NULL;
  PlazaStore *store = plazactl_open (path, write ? PLAZA_STORE_OPEN_DEFAULT : PLAZA_STORE_OPEN_READ_ONLY, &error);

  if (store == NULL)
    plazactl_fail (error);
  return store;
}

static int
fail_prefixed (GError *error)
{
  g_prefix_error (&error, "sales: ");
  plazactl_fail (error);
  g_error_free (error);
  return 1;
}

static int
cmd_set (const char *path,
         Options    *o)
{
  g_autoptr(PlazaStore) store = NULL;
  g_autofree char *yuan = NULL;
  GError *error = NULL;
  gint64 amount = 0;
  gint64 id;

  if (o->unit == NULL || o->date == NULL || o->amount == NULL)
    return plazactl_fail_message (_("sales: set needs --unit, --date and --amount"));
  if (!plaza_money_parse (o->amount, &amount))
    return plazactl_fail_message (_("sales: --amount must be an amount in yuan, not “%s”"), o->amount);
  if (o->transactions < -1)
    return plazactl_fail_message (_("sales: --transactions cannot be negative"));

  store = open_store (path, TRUE);
  if (store == NULL)
    return 1;
  id = unit_id (store, o->unit);
  if (id == 0)
    return 1;
  if (!plaza_sales_set_day (store, id, o->date, amount, o->transactions, &error))
    return fail_prefixed (error);

  yuan = plaza_money_format (amount, TRUE);
  g_print (_("Sales of %s on %s set to %s (entered by hand)\n"), o->unit, o->date, yuan);
  return 0;
}

static gboolean
parse_basis (const char              *text,
             PlazaSalesEstimateBasis *basis)
{
  if (text == NULL || g_str_equal (text, "auto"))
    *basis = PLAZA_SALES_ESTIMATE_AUTO;
  else if (g_str_equal (text, "last_year"))
    *basis = PLAZA_SALES_ESTIMATE_LAST_YEAR;
  else if (g_str_equal (text, "last_3_months"))
    *basis = PLAZA_SALES_ESTIMATE_LAST_3_MONTHS;
  else
    return FALSE;
  return TRUE;
}

static int
cmd_estimate (const char *path,
              Options    *o)
{
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GPtrArray) missing = NULL;
  PlazaSalesEstimateBasis basis;
  GError *error = NULL;
  guint done = 0, skipped = 0;
  gint64 sum = 0;
  g_autofree char *yuan = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *this_month = g_date_time_format (now, "%Y-%m");

  if (o->month == NULL)
    return plazactl_fail_message (_("sales: estimate needs --month YYYY-MM"));
  if (!parse_basis (o->basis, &basis))
    return plazactl_fail_message (_("sales: unknown basis “%s” (auto, last_year or last_3_months)"), o->basis);

  store = open_store (path, TRUE);
  if (store == NULL)
    return 1;

  if (o->unit != NULL)
    {
      gint64 id = unit_id (store, o->unit);
      gint64 total = 0;

      if (id == 0)
        return 1;
      if (!plaza_sales_estimate_month (store, id, o->month, basis, &total, &error))
        return fail_prefixed (error);
      yuan = plaza_money_format (total, TRUE);
      g_print (_("Estimated %s for %s in %s\n"), yuan, o->unit, o->month);
      return 0;
    }

  if (!plaza_sales_missing (store, o->month, &missing, &error))
    return fail_prefixed (error);
  if (g_strcmp0 (o->month, this_month) > 0)
    return plazactl_fail_message (_("sales: %s has not begun; only months up to this one can be estimated"), o->month);
  for (guint i = 0; i < missing->len; i++)
    {
      PlazaSalesMissing *m = g_ptr_array_index (missing, i);
      gint64 total = 0;

      if (plaza_sales_estimate_month (store, m->unit_id, o->month, basis, &total, &error))
        {
          done++;
          sum += total;
          continue;
        }
      /* Nothing to estimate from is expected for some units; anything else
       * (a month not begun, a locked or broken file) stops the run. */
      if (!g_error_matches (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID))
        return fail_prefixed (error);
      g_clear_error (&error);
      skipped++;
    }

  yuan = plaza_money_format (sum, TRUE);
  g_print (g_dngettext (GETTEXT_PACKAGE, "Estimated %u unit for %s (%s in all)", "Estimated %u units for %s (%s in all)",
                        done),
           done, o->month, yuan);
  if (skipped > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, "; %u unit had no sales to estimate from",
                          "; %u units had no sales to estimate from", skipped), skipped);
  g_print ("\n");
  return 0;
}

static int
cmd_missing (const char *path,
             Options    *o)
{
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GString) out = g_string_new ("unit,tenant\n");
  GError *error = NULL;

  if (o->month == NULL)
    return plazactl_fail_message (_("sales: missing needs --month YYYY-MM"));
  store = open_store (path, FALSE);
  if (store == NULL)
    return 1;
  if (!plaza_sales_missing (store, o->month, &missing, &error))
    return fail_prefixed (error);
  for (guint i = 0; i < missing->len; i++)
    {
      PlazaSalesMissing *m = g_ptr_array_index (missing, i);
      const char *fields[2] = { m->unit_code, m->tenant_name };

      plaza_csv_append_row (out, fields, G_N_ELEMENTS (fields));
    }
  return write_out (out);
}

static const char *
kind_name (PlazaSalesAnomalyKind kind)
{
  switch (kind)
    {
    case PLAZA_SALES_ANOMALY_HIGH_DAY:
      return "high_day";
    case PLAZA_SALES_ANOMALY_LOW_DAY:
      return "low_day";
    case PLAZA_SALES_ANOMALY_DROP:
    default:
      return "drop";
    }
}

static int
cmd_anomalies (const char *path,
               Options    *o)
{
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GString) out = g_string_new ("kind,date,unit,tenant,amount,usual,change\n");
  GError *error = NULL;
  gint64 id = 0;

  if (o->from == NULL || o->to == NULL)
    return plazactl_fail_message (_("sales: anomalies needs --from and --to (YYYY-MM-DD)"));
  store = open_store (path, FALSE);
  if (store == NULL)
    return 1;
  if (o->unit != NULL && (id = unit_id (store, o->unit)) == 0)
    return 1;
  if (!plaza_sales_anomalies (store, o->from, o->to, id, &list, &error))
    return fail_prefixed (error);
  for (guint i = 0; i < list->len; i++)
    {
      PlazaSalesAnomaly *a = g_ptr_array_index (list, i);
      g_autofree char *amount = plaza_money_format_plain (a->amount);
      g_autofree char *usual = plaza_money_format_plain (a->usual);
      gint64 bp = a->change_bp < 0 ? -a->change_bp : a->change_bp;
      g_autofree char *change = g_strdup_printf ("%s%lld.%02lld%%", a->change_bp < 0 ? "-" : "",
                                                 (long long) (bp / 100), (long long) (bp % 100));
      const char *fields[7] = { kind_name (a->kind), a->date, a->unit_code, a->tenant_name, amount, usual, change };

      plaza_csv_append_row (out, fields, G_N_ELEMENTS (fields));
    }
  return write_out (out);
}

int
plazactl_cmd_sales (int    argc,
                    char **argv)
{
  g_auto(Options) o = { NULL, NULL, NULL, -1, NULL, NULL, NULL, NULL };
  GOptionEntry entries[] = {
    { "unit", 0, 0, G_OPTION_ARG_STRING, &o.unit, N_("The unit code (set, estimate, anomalies)"), N_("CODE") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &o.date, N_("The day (set)"), N_("YYYY-MM-DD") },
    { "amount", 0, 0, G_OPTION_ARG_STRING, &o.amount, N_("The day's sales in yuan (set)"), N_("YUAN") },
    { "transactions", 0, 0, G_OPTION_ARG_INT, &o.transactions, N_("The day's number of transactions (set)"), N_("N") },
    { "month", 0, 0, G_OPTION_ARG_STRING, &o.month, N_("The month (estimate, missing)"), N_("YYYY-MM") },
    { "basis", 0, 0, G_OPTION_ARG_STRING, &o.basis, N_("auto (default), last_year or last_3_months (estimate)"), N_("B") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &o.from, N_("The first day (anomalies)"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &o.to, N_("The last day (anomalies)"), N_("YYYY-MM-DD") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };
  const char *what;

  if (!plazactl_parse (_("set|estimate|missing|anomalies DB — daily sales by hand, estimates and checks"),
                       entries, &argc, &argv))
    return 1;
  if (argc < 2)
    return plazactl_fail_message (_("sales: use “sales set|estimate|missing|anomalies DB …”"));
  what = argv[1];
  if (argc < 3)
    return plazactl_fail_message (_("sales: the database file is required"));
  if (argc > 3)
    return plazactl_fail_message (_("sales: unexpected argument “%s”"), argv[3]);

  if (g_str_equal (what, "set"))
    return cmd_set (argv[2], &o);
  if (g_str_equal (what, "estimate"))
    return cmd_estimate (argv[2], &o);
  if (g_str_equal (what, "missing"))
    return cmd_missing (argv[2], &o);
  if (g_str_equal (what, "anomalies"))
    return cmd_anomalies (argv[2], &o);
  return plazactl_fail_message (_("sales: “%s” is not a sales command; use set, estimate, missing or anomalies"), what);
}
