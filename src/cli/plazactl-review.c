/* plazactl-review.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * plazactl review build DB --quarter 2026Q3: builds (or rebuilds) the
 * quarter's review (plaza_review_build) and prints what it did, then the
 * rows as CSV: tenant,name,category,rank,of,score,proposal,state,reasons.
 * plazactl eviction notice DB --id N --out FILE.pdf: the notice letter
 * (清退通知书) of eviction N.
 * plazactl eviction start DB --contract CODE --reason R [--date D]
 * [--deadline D]: a notice by hand (prints "Eviction N: …");
 * plazactl eviction handover DB --id N --date D [--notes T];
 * plazactl eviction complete DB --id N: terminates the contract, settles
 * the deposit, vacates the units and prints what was done.
 */

#define G_LOG_DOMAIN "plazactl"

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "plaza-csv.h"
#include "plaza-eviction.h"
#include "plaza-money.h"
#include "plaza-review.h"
#include "plazactl.h"

int
plazactl_cmd_review (int    argc,
                     char **argv)
{
  g_autofree char *quarter = NULL;
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GString) out = g_string_new ("tenant,name,category,rank,of,score,proposal,state,reasons\n");
  PlazaReviewBuild b;
  GOptionEntry entries[] = {
    { "quarter", 'q', 0, G_OPTION_ARG_STRING, &quarter, N_("The quarter"), N_("YYYYQn") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  if (!plazactl_parse (_("build DB --quarter YYYYQn — build the quarterly review"), entries, &argc, &argv))
    return 1;
  if (argc < 2 || !g_str_equal (argv[1], "build"))
    return plazactl_fail_message (_("review: say build"));
  if (argc != 3)
    return plazactl_fail_message (_("review: give one database file"));
  if (quarter == NULL || !plaza_review_parse_quarter (quarter, NULL, NULL))
    return plazactl_fail_message (_("review: --quarter is required, like 2026Q3"));

  store = plazactl_open (argv[2], PLAZA_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    return plazactl_fail (error);
  if (!plaza_review_build (store, quarter, &b, &error) ||
      !plaza_review_list (store, quarter, &rows, &error))
    {
      g_prefix_error (&error, "review: ");
      return plazactl_fail (error);
    }
  for (guint i = 0; i < rows->len; i++)
    {
      PlazaReviewRow *r = g_ptr_array_index (rows, i);
      g_autofree char *rank = g_strdup_printf ("%lld", (long long) r->rank);
      g_autofree char *of = g_strdup_printf ("%lld", (long long) r->n_in_category);
      g_autofree char *score = g_strdup_printf ("%lld", (long long) r->score);
      const char *fields[9] = { r->tenant_code, r->tenant_name, r->category, rank, of, score, r->proposal,
                                r->state, r->reasons };

      plaza_csv_append_row (out, fields, G_N_ELEMENTS (fields));
    }
  {
    g_autofree char *canonical = NULL;

    plaza_review_parse_quarter (quarter, &canonical, NULL);
    g_printerr (_("Review %s: %u tenants, %u new, %u refreshed, %u removed, %u approved kept\n"), canonical,
                b.n_rows, b.n_new, b.n_updated, b.n_removed, b.n_approved_kept);
  }
  g_print ("%s", out->str);
  return 0;
}

static gint64
contract_by_code (PlazaStore *store,
                  const char *code)
{
  g_autoptr(sqlite3_stmt) stmt = plaza_store_prepare (store, "SELECT id FROM contracts WHERE code = ?", NULL);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

int
plazactl_cmd_eviction (int    argc,
                       char **argv)
{
  g_autofree char *out_path = NULL;
  g_autofree char *contract = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *date = NULL;
  g_autofree char *deadline = NULL;
  g_autofree char *notes = NULL;
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(PlazaEviction) e = NULL;
  g_autoptr(GError) error = NULL;
  PlazaEvictionSettlement s = { 0 };
  const char *verb;
  gint64 id = 0;
  gboolean ok;
  GOptionEntry entries[] = {
    { "id", 'i', 0, G_OPTION_ARG_INT64, &id, N_("The eviction's id"), N_("N") },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out_path, N_("Where to write the PDF"), N_("FILE.pdf") },
    { "contract", 'c', 0, G_OPTION_ARG_STRING, &contract, N_("The contract's code"), N_("CODE") },
    { "reason", 'r', 0, G_OPTION_ARG_STRING, &reason, N_("Why the tenant must leave"), N_("TEXT") },
    { "date", 'd', 0, G_OPTION_ARG_STRING, &date, N_("The notice or handover date"), N_("YYYY-MM-DD") },
    { "deadline", 0, 0, G_OPTION_ARG_STRING, &deadline, N_("The deadline (30 days after the notice by default)"), N_("YYYY-MM-DD") },
    { "notes", 'n', 0, G_OPTION_ARG_STRING, &notes, N_("The handover notes"), N_("TEXT") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  if (!plazactl_parse (_("notice|start|handover|complete DB … — evictions (清退)"), entries, &argc, &argv))
    return 1;
  verb = argc >= 2 ? argv[1] : "";
  if (!g_str_equal (verb, "notice") && !g_str_equal (verb, "start") && !g_str_equal (verb, "handover") &&
      !g_str_equal (verb, "complete"))
    return plazactl_fail_message (_("eviction: say notice, start, handover or complete"));
  if (argc != 3)
    return plazactl_fail_message (_("eviction: give one database file"));
  if (!g_str_equal (verb, "start") && id <= 0)
    return plazactl_fail_message (_("eviction: --id N is required (an eviction id above 0)"));
  if (g_str_equal (verb, "notice") && out_path == NULL)
    return plazactl_fail_message (_("eviction: --out FILE.pdf is required"));
  if (g_str_equal (verb, "start") && (contract == NULL || reason == NULL))
    return plazactl_fail_message (_("eviction: --contract CODE and --reason TEXT are required"));
  if (g_str_equal (verb, "handover") && date == NULL)
    return plazactl_fail_message (_("eviction: --date YYYY-MM-DD is required"));

  store = plazactl_open (argv[2], g_str_equal (verb, "notice") ? PLAZA_STORE_OPEN_READ_ONLY : PLAZA_STORE_OPEN_DEFAULT,
                            &error);
  if (store == NULL)
    return plazactl_fail (error);
  if (g_str_equal (verb, "notice"))
    ok = plaza_eviction_notice_pdf (store, id, out_path, &error);
  else if (g_str_equal (verb, "start"))
    {
      gint64 contract_id = contract_by_code (store, contract);
      g_autofree char *today = NULL;

      if (contract_id == 0)
        return plazactl_fail_message (_("eviction: there is no contract %s"), contract);
      if (date == NULL)
        {
          g_autoptr(GDateTime) now = g_date_time_new_now_local ();
          today = g_date_time_format (now, "%Y-%m-%d");
        }
      ok = plaza_eviction_notify (store, contract_id, date != NULL ? date : today, deadline, reason, &id, &error) &&
           plaza_eviction_get (store, id, &e, &error);
      if (ok)
        g_print (_("Eviction %lld: notice for %s on %s, deadline %s\n"), (long long) id, e->contract_code,
                 e->notice_date, e->deadline);
    }
  else if (g_str_equal (verb, "handover"))
    {
      ok = plaza_eviction_get (store, id, &e, &error) &&
           plaza_eviction_handover (store, id, e->rev, date, notes, &error);
      if (ok)
        g_print (_("Eviction %lld: handed over on %s\n"), (long long) id, date);
    }
  else
    {
      ok = plaza_eviction_get (store, id, &e, &error) &&
           plaza_eviction_complete (store, id, e->rev, &s, &error);
      if (ok)
        {
          g_autofree char *deposit = plaza_money_format (s.deposit, TRUE);
          g_autofree char *offset = plaza_money_format (s.offset, TRUE);
          g_autofree char *refund = plaza_money_format (s.refund, TRUE);

          g_print (_("Eviction %lld completed: contract %s terminated, deposit %s: %s against arrears, %s refunded; "
                     "%u units vacant\n"), (long long) id, e->contract_code, deposit, offset, refund, s.n_units);
        }
    }
  if (!ok)
    {
      g_prefix_error (&error, "eviction: ");
      return plazactl_fail (error);
    }
  return 0;
}
