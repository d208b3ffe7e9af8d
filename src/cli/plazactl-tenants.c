/* plazactl-tenants.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * plazactl tenants licences DB [--within DAYS] [--today DATE]: the business
 * licences expired or expiring within DAYS (default 60) as CSV, soonest
 * first:  code,name,licence_expiry,days_left,state  (state: expired or
 * expiring; days_left negative when expired).
 *
 * plazactl brands list DB [--search TEXT]: the brand library as CSV, by name:
 *   name,name_en,category,tier,typical_area_m2,tenants,market_notes
 */

#define G_LOG_DOMAIN "plazactl"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "plaza-brand.h"
#include "plaza-csv.h"
#include "plaza-date.h"
#include "plaza-store.h"
#include "plaza-tenant.h"
#include "plazactl.h"

static int
write_out (const char *text)
{
  if (fputs (text, stdout) == EOF || fflush (stdout) != 0)
    return plazactl_fail_message (_("tenants: could not write the output"));
  return 0;
}

static int
tenants_licences (int    argc,
                  char **argv)
{
  g_autofree char *within_text = NULL;
  g_autofree char *today_text = NULL;
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new ("code,name,licence_expiry,days_left,state\n");
  guint64 within = 60;
  GDate today;
  GOptionEntry entries[] = {
    { "within", 0, 0, G_OPTION_ARG_STRING, &within_text, N_("Licences expiring within DAYS days (default 60)"), N_("DAYS") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, N_("The day to compute from (default: today)"), N_("YYYY-MM-DD") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  if (!plazactl_parse (_("licences DB [--within DAYS] — expired and expiring business licences as CSV"), entries, &argc, &argv))
    return 1;
  if (argc < 2)
    return plazactl_fail_message (_("tenants licences: the database file is required"));
  if (argc > 2)
    return plazactl_fail_message (_("tenants licences: unexpected argument “%s”"), argv[2]);
  if (within_text != NULL && !g_ascii_string_to_unsigned (within_text, 10, 0, 36600, &within, NULL))
    return plazactl_fail_message (_("tenants licences: --within: “%s” is not a number of days"), within_text);
  if (today_text != NULL)
    {
      if (!plaza_date_parse (today_text, &today))
        return plazactl_fail_message (_("tenants licences: --today: “%s” is not a date like 2026-11-27"), today_text);
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_clear (&today, 1);
      g_date_set_dmy (&today, (GDateDay) g_date_time_get_day_of_month (now),
                      (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
    }

  store = plazactl_open (argv[1], PLAZA_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    return plazactl_fail (error);
  if (!plaza_tenant_licence_alerts (store, &today, (int) within, &alerts, &error))
    return plazactl_fail (error);
  for (guint i = 0; i < alerts->len; i++)
    {
      PlazaLicenceAlert *a = alerts->pdata[i];
      g_autofree char *days = g_strdup_printf ("%d", a->days_left);
      const char *fields[5] = { a->code, a->name, a->licence_expiry, days,
                                a->days_left < 0 ? "expired" : "expiring" };

      plaza_csv_append_row (out, fields, G_N_ELEMENTS (fields));
    }
  return write_out (out->str);
}

static int
brands_list (int    argc,
             char **argv)
{
  g_autofree char *search = NULL;
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GPtrArray) brands = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new ("name,name_en,category,tier,typical_area_m2,tenants,market_notes\n");
  GOptionEntry entries[] = {
    { "search", 0, 0, G_OPTION_ARG_STRING, &search, N_("Only brands whose name or category contains TEXT"), N_("TEXT") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  if (!plazactl_parse (_("list DB — the brand library as CSV"), entries, &argc, &argv))
    return 1;
  if (argc < 2)
    return plazactl_fail_message (_("brands list: the database file is required"));
  if (argc > 2)
    return plazactl_fail_message (_("brands list: unexpected argument “%s”"), argv[2]);

  store = plazactl_open (argv[1], PLAZA_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    return plazactl_fail (error);
  brands = plaza_brand_list (store, search, &error);
  if (brands == NULL)
    return plazactl_fail (error);
  for (guint i = 0; i < brands->len; i++)
    {
      PlazaBrand *b = brands->pdata[i];
      g_autofree char *area = g_strdup_printf ("%lld.%02lld", (long long) (b->typical_area / 100),
                                               (long long) (b->typical_area % 100));
      g_autofree char *notes = g_strdup_printf ("%lld", (long long) b->n_notes);
      const char *fields[7] = { b->name, b->name_en, b->category, b->tier, area, b->tenants, notes };

      plaza_csv_append_row (out, fields, G_N_ELEMENTS (fields));
    }
  return write_out (out->str);
}

int
plazactl_cmd_tenants (int    argc,
                      char **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "licences"))
    return tenants_licences (argc - 1, argv + 1);
  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      printf ("%s\n", _("Usage: plazactl tenants licences DB [--within DAYS] [--today YYYY-MM-DD]"));
      return 0;
    }
  return plazactl_fail_message (_("tenants: unknown or missing action; use “plazactl tenants licences DB”"));
}

int
plazactl_cmd_brands (int    argc,
                     char **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "list"))
    return brands_list (argc - 1, argv + 1);
  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      printf ("%s\n", _("Usage: plazactl brands list DB [--search TEXT]"));
      return 0;
    }
  return plazactl_fail_message (_("brands: unknown or missing action; use “plazactl brands list DB”"));
}
