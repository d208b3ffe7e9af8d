/* plazactl.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * plazactl: batch and admin jobs over libplaza-core.
 */

#define G_LOG_DOMAIN "plazactl"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "plazactl.h"

typedef struct
{
  const char       *name;
  PlazactlVerbFunc  func;
  const char       *summary;
} PlazactlVerb;

static const PlazactlVerb verbs[] = {
  { "init",   plazactl_cmd_init,   N_("DB — create a new empty database") },
  { "demo",   plazactl_cmd_demo,   N_("DB [--seed N] [--size small|medium|large] — create a demo mall") },
  { "backup", plazactl_cmd_backup, N_("DB DEST_DIR [--keep N] — a checked backup of DB in DEST_DIR (prints its path)") },
  { "restore", plazactl_cmd_restore, N_("BACKUP DB --yes — copy a checked backup into DB (overwrites it)") },
  { "backups", plazactl_cmd_backups, N_("DB DEST_DIR — the backups of DB in DEST_DIR, newest first, as CSV") },
  { "share",  plazactl_cmd_share,  N_("status DB | break-lease DB --yes | fix-journal DB — the share's lock file and journal mode") },
  { "check",  plazactl_cmd_check,  N_("DB — check the file's integrity and schema version") },
  { "import", plazactl_cmd_import, N_("units|sales DB FILE.csv — import a CSV file, all or nothing") },
  { "export", plazactl_cmd_export, N_("units|sales DB — write CSV on standard output") },
  { "contracts", plazactl_cmd_contracts, N_("list DB [--state S] [--expiring-within DAYS] [--today DATE] — the contracts as CSV") },
  { "rent-schedule", plazactl_cmd_rent_schedule, N_("--terms FILE.json [--sales FILE.csv] — the monthly rent schedule as CSV") },
  { "promotions", plazactl_cmd_promotions, N_("list DB — the promotions as CSV") },
  { "prospects", plazactl_cmd_prospects, N_("list DB — the leasing pipeline's prospects as CSV") },
  { "kpi", plazactl_cmd_kpi, N_("DB --metric M --by G --from YYYY-MM --to YYYY-MM — sales, sales per m², rent-to-sales or occupancy as CSV") },
  { "chart", plazactl_cmd_chart, N_("DB --metric M --by G [--kind K] [--floor F|--category C|--tenant T] --from YYYY-MM --to YYYY-MM --out FILE.png|svg|pdf — a chart without a display") },
  { "targets", plazactl_cmd_targets, N_("break-down DB --year YYYY --amount YUAN [--basis last_year_share|area] | health DB --month YYYY-MM — targets and tenant health") },
  { "promotion", plazactl_cmd_promotion, N_("evaluate DB --id N [--baseline last-year|four-weeks] — evaluate an ended promotion as CSV") },
  { "bills", plazactl_cmd_bills, N_("generate DB --month YYYY-MM [--dry-run] | report DB --from YYYY-MM --to YYYY-MM [--as-of DATE] [--out FILE.csv|FILE.xlsx] — issue the month's bills (or print them as CSV); receivables and collections by month") },
  { "payments", plazactl_cmd_payments, N_("add DB --tenant CODE --amount YUAN --date YYYY-MM-DD [--method M] | reverse DB --id N --reason R — record or reverse a payment") },
  { "arrears", plazactl_cmd_arrears, N_("DB --as-of YYYY-MM-DD [--late-fees] — arrears aging per tenant as CSV") },
  { "dunning", plazactl_cmd_dunning, N_("DB --as-of YYYY-MM-DD [--tenant CODE …] [--min-days N] [--pay-by DATE] --out FILE.pdf — dunning letters to the tenants owing, recorded") },
  { "settlement", plazactl_cmd_settlement, N_("DB --month YYYY-MM [--contract CODE] --out FILE.pdf|FILE.xlsx — 联营 settlement sheets of the concession contracts") },
  { "units", plazactl_cmd_units, N_("split DB CODE --into NEW:GROSS:RENTABLE,… | merge DB CODE CODE… --code NEW [--date D] | vacancy|zoning DB [--today D] — units") },
  { "fitouts", plazactl_cmd_fitouts, N_("overdue DB [--today DATE] — fit-out items overdue (drawings waiting, periods ended, failed inspections) as CSV") },
  { "contract-pdf", plazactl_cmd_contract_pdf, N_("DB --id N --out FILE.pdf — the contract summary as a PDF") },
  { "review", plazactl_cmd_review, N_("build DB --quarter YYYYQn — build the quarterly review (末位淘汰) and print it as CSV") },
  { "eviction", plazactl_cmd_eviction, N_("notice DB --id N --out FILE.pdf | start DB --contract CODE --reason R [--date D] [--deadline D] | handover DB --id N --date D [--notes T] | complete DB --id N — evictions (清退) and their notice letter") },
  { "report", plazactl_cmd_report, N_("DB --month YYYY-MM --out FILE.pdf [--today DATE] — the monthly performance report as a PDF") },
  { "sales", plazactl_cmd_sales, N_("set|estimate|missing|anomalies DB … — daily sales by hand, estimated months, missing reports and anomalies") },
  { "tenants", plazactl_cmd_tenants, N_("licences DB [--within DAYS] [--today DATE] — expired and expiring business licences as CSV") },
  { "users", plazactl_cmd_users, N_("add DB --name N --role R [--display-name D] [--password-file F] | list DB | passwd DB --name N [--password-file F] — user accounts (password from standard input)") },
  { "brands", plazactl_cmd_brands, N_("list DB [--search TEXT] — the brand library as CSV") },
};

int
plazactl_fail (const GError *error)
{
  if (error != NULL && plazactl_signed_out ()
      && g_error_matches (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_PERMISSION))
    g_printerr ("plazactl: %s %s\n", error->message,
                _("This file asks who you are: set PLAZA_USER and PLAZA_PASSWORD to sign in."));
  else
    g_printerr ("plazactl: %s\n", error != NULL ? error->message : _("unknown error"));
  return 1;
}

int
plazactl_fail_message (const char *format,
                       ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("plazactl: %s\n", message);
  return 1;
}

gboolean
plazactl_parse (const char    *usage,
                GOptionEntry  *entries,
                int           *argc,
                char        ***argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (usage);
  g_autoptr(GError) error = NULL;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      plazactl_fail (error);
      return FALSE;
    }
  return TRUE;
}

static void
print_help (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: plazactl VERB [ARGS…]"));
  fprintf (out, "%s\n", _("Verbs:"));
  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    fprintf (out, "  %-14s %s\n", verbs[i].name, _(verbs[i].summary));
  fprintf (out, "\n%s\n", _("Run “plazactl VERB --help” for a verb's options."));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("PLAZA_LOCALEDIR") != NULL ? g_getenv ("PLAZA_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_help (stderr);
      return 2;
    }

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    {
      print_help (stdout);
      return 0;
    }

  if (g_str_equal (argv[1], "--version"))
    {
      printf ("plazactl %s\n", PACKAGE_VERSION);
      return 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    {
      if (g_str_equal (argv[1], verbs[i].name))
        return verbs[i].func (argc - 1, argv + 1);
    }

  return plazactl_fail_message (_("unknown verb “%s”; run “plazactl --help”"), argv[1]);
}
