/* plazactl-dunning.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * plazactl dunning DB --as-of YYYY-MM-DD [--tenant CODE …] [--min-days N]
 *                     [--pay-by YYYY-MM-DD] --out letters.pdf
 *   writes the dunning letters (催款通知书, one page per tenant owing) and
 *   records them; prints "N letters, FILE".
 * plazactl settlement DB --month YYYY-MM [--contract CODE] --out FILE.pdf|FILE.xlsx
 *   writes the 联营 settlement sheets of the month (every concession
 *   contract in force, or one); prints "N sheets, FILE".
 */

#define G_LOG_DOMAIN "plazactl"

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "plaza-dunning.h"
#include "plaza-settlement.h"
#include "plazactl.h"

static gint64
id_by_code (PlazaStore *store,
            const char *table_sql,
            const char *code)
{
  g_autoptr(sqlite3_stmt) stmt = plaza_store_prepare (store, table_sql, NULL);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

int
plazactl_cmd_dunning (int    argc,
                      char **argv)
{
  g_autofree char *as_of = NULL;
  g_autofree char *pay_by = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) tenants = NULL;
  int min_days = 1;
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  guint n = 0;
  GOptionEntry entries[] = {
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of, N_("The date of the letters"), N_("YYYY-MM-DD") },
    { "tenant", 0, 0, G_OPTION_ARG_STRING_ARRAY, &tenants, N_("Only this tenant (repeatable)"), N_("CODE") },
    { "min-days", 0, 0, G_OPTION_ARG_INT, &min_days, N_("Only tenants at least this many days overdue (default 1)"), N_("N") },
    { "pay-by", 0, 0, G_OPTION_ARG_STRING, &pay_by, N_("The date to pay by (default: seven days on)"), N_("YYYY-MM-DD") },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("The PDF to write"), N_("FILE.pdf") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  if (!plazactl_parse (_("DB — dunning letters as a PDF"), entries, &argc, &argv))
    return 1;
  if (argc < 2)
    return plazactl_fail_message (_("dunning: the database file is required"));
  if (argc > 2)
    return plazactl_fail_message (_("dunning: unexpected argument “%s”"), argv[2]);
  if (as_of == NULL)
    return plazactl_fail_message (_("dunning: --as-of is required (YYYY-MM-DD)"));
  if (out == NULL)
    return plazactl_fail_message (_("dunning: --out is required"));
  if (min_days < 0)
    return plazactl_fail_message (_("dunning: --min-days must not be negative"));

  store = plazactl_open (argv[1], 0, &error);
  if (store == NULL)
    return plazactl_fail (error);
  if (tenants != NULL)
    {
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      for (guint i = 0; tenants[i] != NULL; i++)
        {
          gint64 id = id_by_code (store, "SELECT id FROM tenants WHERE code = ?", tenants[i]);

          if (id == 0)
            return plazactl_fail_message (_("dunning: there is no tenant “%s”"), tenants[i]);
          g_array_append_val (ids, id);
        }
    }
  if (!plaza_dunning_write (store, as_of, ids, min_days, pay_by, out, &n, &error))
    {
      g_prefix_error (&error, "dunning: ");
      return plazactl_fail (error);
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u letter, %s\n", "%u letters, %s\n", n), n, out);
  return 0;
}

int
plazactl_cmd_settlement (int    argc,
                         char **argv)
{
  g_autofree char *month = NULL;
  g_autofree char *contract = NULL;
  g_autofree char *out = NULL;
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sheets = NULL;
  GOptionEntry entries[] = {
    { "month", 0, 0, G_OPTION_ARG_STRING, &month, N_("The month settled"), N_("YYYY-MM") },
    { "contract", 0, 0, G_OPTION_ARG_STRING, &contract, N_("Only this concession contract"), N_("CODE") },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("The PDF or XLSX file to write"), N_("FILE") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  if (!plazactl_parse (_("DB — 联营 settlement sheets as PDF or XLSX"), entries, &argc, &argv))
    return 1;
  if (argc < 2)
    return plazactl_fail_message (_("settlement: the database file is required"));
  if (argc > 2)
    return plazactl_fail_message (_("settlement: unexpected argument “%s”"), argv[2]);
  if (month == NULL)
    return plazactl_fail_message (_("settlement: --month is required (YYYY-MM)"));
  if (out == NULL)
    return plazactl_fail_message (_("settlement: --out is required"));

  store = plazactl_open (argv[1], PLAZA_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    return plazactl_fail (error);
  if (contract != NULL)
    {
      gint64 id = id_by_code (store, "SELECT id FROM contracts WHERE code = ?", contract);
      PlazaSettlement *s;

      if (id == 0)
        return plazactl_fail_message (_("settlement: there is no contract “%s”"), contract);
      s = plaza_settlement_compute (store, id, month, &error);
      if (s == NULL)
        {
          g_prefix_error (&error, "settlement: ");
          return plazactl_fail (error);
        }
      sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) plaza_settlement_free);
      g_ptr_array_add (sheets, s);
    }
  else if (!plaza_settlement_compute_all (store, month, &sheets, &error))
    {
      g_prefix_error (&error, "settlement: ");
      return plazactl_fail (error);
    }
  if (sheets->len == 0)
    return plazactl_fail_message (_("settlement: no concession contract runs in %s"), month);
  if (!plaza_settlement_write (store, sheets, out, &error))
    {
      g_prefix_error (&error, "settlement: ");
      return plazactl_fail (error);
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u sheet, %s\n", "%u sheets, %s\n", sheets->len), sheets->len, out);
  return 0;
}
