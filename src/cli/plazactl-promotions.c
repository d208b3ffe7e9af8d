/* plazactl-promotions.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * plazactl promotions list DB: the promotions as CSV, by start date:
 *   code,name,mechanics,scope,state,start,end,budget_mall,budget_tenant,
 *   participants,confirmed,fees
 * (money in plain yuan).
 *
 * plazactl promotion evaluate DB --id N [--baseline last-year|four-weeks]
 * [--today DATE] [--pdf FILE.pdf]: the evaluation of an ended promotion as
 * CSV (plaza_promotion_evaluation_to_csv()); the baseline defaults to
 * last-year. With --pdf the one-page PDF is written too (the CSV still goes
 * to stdout).
 */

#define G_LOG_DOMAIN "plazactl"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "plaza-csv.h"
#include "plaza-date.h"
#include "plaza-money.h"
#include "plaza-promotion-eval.h"
#include "plaza-store.h"
#include "plazactl.h"

static int
write_out (const char *text)
{
  if (fputs (text, stdout) == EOF || fflush (stdout) != 0)
    return plazactl_fail_message (_("promotions: could not write the output"));
  return 0;
}

static int
promotions_list (int    argc,
                 char **argv)
{
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new ("code,name,mechanics,scope,state,start,end,budget_mall,budget_tenant,"
                                         "participants,confirmed,fees\n");
  GOptionEntry entries[] = {
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };
  int rc;

  if (!plazactl_parse (_("list DB — the promotions as CSV"), entries, &argc, &argv))
    return 1;
  if (argc < 2)
    return plazactl_fail_message (_("promotions list: the database file is required"));
  if (argc > 2)
    return plazactl_fail_message (_("promotions list: unexpected argument “%s”"), argv[2]);

  store = plazactl_open (argv[1], PLAZA_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    return plazactl_fail (error);
  stmt = plaza_store_prepare (store,
                              "SELECT p.code, p.name, p.mechanics, p.scope, p.state, p.start_date, p.end_date, "
                              "  p.budget_mall, p.budget_tenant,"
                              "  (SELECT COUNT (*) FROM promotion_participants x WHERE x.promotion_id = p.id),"
                              "  (SELECT COUNT (*) FROM promotion_participants x WHERE x.promotion_id = p.id"
                              "     AND x.status = 'confirmed'),"
                              "  (SELECT COALESCE (SUM (x.fee), 0) FROM promotion_participants x"
                              "     WHERE x.promotion_id = p.id AND x.status = 'confirmed') "
                              "FROM promotions p ORDER BY p.start_date, p.code", &error);
  if (stmt == NULL)
    return plazactl_fail (error);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *mall = plaza_money_format_plain (sqlite3_column_int64 (stmt, 7));
      g_autofree char *tenant = plaza_money_format_plain (sqlite3_column_int64 (stmt, 8));
      g_autofree char *n = g_strdup_printf ("%lld", (long long) sqlite3_column_int64 (stmt, 9));
      g_autofree char *confirmed = g_strdup_printf ("%lld", (long long) sqlite3_column_int64 (stmt, 10));
      g_autofree char *fees = plaza_money_format_plain (sqlite3_column_int64 (stmt, 11));
      const char *fields[12];

      for (int i = 0; i < 7; i++)
        fields[i] = (const char *) sqlite3_column_text (stmt, i);
      fields[7] = mall;
      fields[8] = tenant;
      fields[9] = n;
      fields[10] = confirmed;
      fields[11] = fees;
      plaza_csv_append_row (out, fields, G_N_ELEMENTS (fields));
    }
  if (rc != SQLITE_DONE)
    {
      plaza_store_set_sqlite_error (store, &error);
      return plazactl_fail (error);
    }
  return write_out (out->str);
}

static int
promotion_evaluate (int    argc,
                    char **argv)
{
  g_autofree char *id_text = NULL;
  g_autofree char *baseline_text = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *pdf_path = NULL;
  g_autofree char *mall_name = NULL;
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(PlazaPromotionEvaluation) eval = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  PlazaPromotionBaseline baseline = PLAZA_PROMOTION_BASELINE_LAST_YEAR;
  guint64 id = 0;
  GDate today;
  GOptionEntry entries[] = {
    { "id", 0, 0, G_OPTION_ARG_STRING, &id_text, N_("The promotion's id"), N_("N") },
    { "baseline", 0, 0, G_OPTION_ARG_STRING, &baseline_text, N_("Compare with last-year (default) or four-weeks"), N_("KIND") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, N_("The day to evaluate on (default: today)"), N_("YYYY-MM-DD") },
    { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &pdf_path, N_("Also write the one-page PDF"), N_("FILE.pdf") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  if (!plazactl_parse (_("evaluate DB --id N [--baseline last-year|four-weeks] [--pdf FILE.pdf] — the evaluation as CSV"),
                       entries, &argc, &argv))
    return 1;
  if (argc < 2)
    return plazactl_fail_message (_("promotion evaluate: the database file is required"));
  if (argc > 2)
    return plazactl_fail_message (_("promotion evaluate: unexpected argument “%s”"), argv[2]);
  if (id_text == NULL)
    return plazactl_fail_message (_("promotion evaluate: --id N is required"));
  if (!g_ascii_string_to_unsigned (id_text, 10, 1, G_MAXINT64, &id, NULL))
    return plazactl_fail_message (_("promotion evaluate: --id: “%s” is not a promotion id"), id_text);
  if (baseline_text != NULL && g_str_equal (baseline_text, "four-weeks"))
    baseline = PLAZA_PROMOTION_BASELINE_FOUR_WEEKS;
  else if (baseline_text != NULL && !g_str_equal (baseline_text, "last-year"))
    return plazactl_fail_message (_("promotion evaluate: --baseline: “%s” is not last-year or four-weeks"),
                                  baseline_text);
  if (today_text != NULL && !plaza_date_parse (today_text, &today))
    return plazactl_fail_message (_("promotion evaluate: --today: “%s” is not a date like 2026-11-27"), today_text);

  store = plazactl_open (argv[1], PLAZA_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    return plazactl_fail (error);
  eval = plaza_promotion_evaluate (store, (gint64) id, baseline, today_text != NULL ? &today : NULL, &error);
  if (eval == NULL)
    return plazactl_fail (error);
  if (pdf_path != NULL)
    {
      mall_name = plaza_store_get_setting (store, "mall.name");
      if (!plaza_promotion_evaluation_write_pdf (eval, mall_name, pdf_path, &error))
        return plazactl_fail (error);
    }
  csv = plaza_promotion_evaluation_to_csv (eval);
  return write_out (csv);
}

int
plazactl_cmd_promotions (int    argc,
                         char **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "list"))
    return promotions_list (argc - 1, argv + 1);
  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      printf ("%s\n", _("Usage: plazactl promotions list DB"));
      return 0;
    }
  return plazactl_fail_message (_("promotions: unknown or missing action; use “plazactl promotions list DB”"));
}

int
plazactl_cmd_promotion (int    argc,
                        char **argv)
{
  if (argc >= 2 && (g_str_equal (argv[1], "notices") || g_str_equal (argv[1], "participants")))
    return plazactl_promotion_files (argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "evaluate"))
    return promotion_evaluate (argc - 1, argv + 1);
  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      printf ("%s\n", _("Usage: plazactl promotion evaluate DB --id N [--baseline last-year|four-weeks] [--today YYYY-MM-DD] [--pdf FILE.pdf]"));
      return 0;
    }
  return plazactl_fail_message (_("promotion: unknown or missing action; use “plazactl promotion evaluate DB --id N”"));
}
