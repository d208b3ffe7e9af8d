/* plazactl-contracts.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * plazactl contracts list DB [--state S] [--expiring-within DAYS]
 * [--today DATE]: the contracts as CSV, ordered by code:
 *   code,tenant,units,area,model,state,start,end,monthly_rent
 * units are the unit codes joined by ';', area the contract's m² (two
 * decimals), monthly_rent the base rent of the month containing today in
 * yuan (plaza_contract_rent_now). --expiring-within keeps the active
 * contracts that end between today and today + DAYS, both inclusive.
 */

#define G_LOG_DOMAIN "plazactl"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "plaza-date.h"
#include "plaza-contract-schedule.h"
#include "plaza-csv.h"
#include "plaza-money.h"
#include "plaza-store.h"
#include "plazactl.h"

static const char * const states[] = {
  "draft", "submitted", "approved", "active", "expired", "terminated", "renewed", NULL,
};

static int
contracts_list (int    argc,
                char **argv)
{
  g_autofree char *state = NULL;
  g_autofree char *within_text = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *today = NULL;
  g_autofree char *until = NULL;
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new ("code,tenant,units,area,model,state,start,end,monthly_rent\n");
  guint64 within = 0;
  GDate date;
  int rc;
  GOptionEntry entries[] = {
    { "state", 0, 0, G_OPTION_ARG_STRING, &state, N_("Only contracts in this state (draft, submitted, approved, active, expired, terminated, renewed)"), N_("STATE") },
    { "expiring-within", 0, 0, G_OPTION_ARG_STRING, &within_text, N_("Only active contracts ending within DAYS days of today"), N_("DAYS") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, N_("The day to compute from (default: today)"), N_("YYYY-MM-DD") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  if (!plazactl_parse (_("list DB — the contracts as CSV"), entries, &argc, &argv))
    return 1;
  if (argc < 2)
    return plazactl_fail_message (_("contracts list: the database file is required"));
  if (argc > 2)
    return plazactl_fail_message (_("contracts list: unexpected argument “%s”"), argv[2]);
  if (state != NULL && !g_strv_contains (states, state))
    return plazactl_fail_message (_("contracts list: --state: “%s” is not a contract state"), state);
  if (within_text != NULL && !g_ascii_string_to_unsigned (within_text, 10, 0, 36600, &within, NULL))
    return plazactl_fail_message (_("contracts list: --expiring-within: “%s” is not a number of days"), within_text);

  if (today_text != NULL)
    {
      if (!plaza_date_parse (today_text, &date))
        return plazactl_fail_message (_("contracts list: --today: “%s” is not a date like 2026-11-27"), today_text);
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, (GDateDay) g_date_time_get_day_of_month (now),
                      (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
    }
  today = plaza_date_format (&date);
  g_date_add_days (&date, (guint) within);
  until = plaza_date_format (&date);

  store = plazactl_open (argv[1], PLAZA_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    return plazactl_fail (error);

  stmt = plaza_store_prepare (store,
                              "SELECT c.id, c.code, t.name,"
                              "  (SELECT group_concat (code, ';') FROM"
                              "     (SELECT u.code AS code FROM contract_units cu JOIN units u ON u.id = cu.unit_id"
                              "      WHERE cu.contract_id = c.id ORDER BY u.code)),"
                              "  (SELECT COALESCE (SUM (cu.area), 0) FROM contract_units cu WHERE cu.contract_id = c.id),"
                              "  c.model, c.state, c.start_date, c.end_date "
                              "FROM contracts c JOIN tenants t ON t.id = c.tenant_id "
                              "WHERE (?1 IS NULL OR c.state = ?1) "
                              "  AND (?2 IS NULL OR (c.state = 'active' AND c.end_date BETWEEN ?3 AND ?2)) "
                              "ORDER BY c.code", &error);
  if (stmt == NULL)
    return plazactl_fail (error);
  if (state != NULL)
    sqlite3_bind_text (stmt, 1, state, -1, SQLITE_STATIC);
  if (within_text != NULL)
    sqlite3_bind_text (stmt, 2, until, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, today, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *code = (const char *) sqlite3_column_text (stmt, 1);
      g_autofree char *area = plaza_money_format_plain (sqlite3_column_int64 (stmt, 4));
      g_autofree char *rent = NULL;
      gint64 rent_now = 0;
      const char *fields[9];

      if (!plaza_contract_rent_now (store, sqlite3_column_int64 (stmt, 0), today, &rent_now, &error))
        {
          g_prefix_error (&error, "%s: ", code);
          return plazactl_fail (error);
        }
      rent = plaza_money_format_plain (rent_now);
      fields[0] = code;
      fields[1] = (const char *) sqlite3_column_text (stmt, 2);
      fields[2] = (const char *) sqlite3_column_text (stmt, 3);
      fields[3] = area;
      fields[4] = (const char *) sqlite3_column_text (stmt, 5);
      fields[5] = (const char *) sqlite3_column_text (stmt, 6);
      fields[6] = (const char *) sqlite3_column_text (stmt, 7);
      fields[7] = (const char *) sqlite3_column_text (stmt, 8);
      fields[8] = rent;
      plaza_csv_append_row (out, fields, G_N_ELEMENTS (fields));
    }
  if (rc != SQLITE_DONE)
    {
      plaza_store_set_sqlite_error (store, &error);
      return plazactl_fail (error);
    }

  if (fputs (out->str, stdout) == EOF || fflush (stdout) != 0)
    return plazactl_fail_message (_("contracts list: could not write the output"));
  return 0;
}

int
plazactl_cmd_contracts (int    argc,
                        char **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "list"))
    return contracts_list (argc - 1, argv + 1);
  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      printf ("%s\n", _("Usage: plazactl contracts list DB [--state STATE] [--expiring-within DAYS] [--today YYYY-MM-DD]"));
      return 0;
    }
  return plazactl_fail_message (_("contracts: unknown or missing action; use “plazactl contracts list DB”"));
}
