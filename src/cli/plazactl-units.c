/* plazactl-units.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * plazactl units split DB CODE --into NEW:GROSS:RENTABLE,… [--date D]:
 * splits a unit (areas in m²) and prints "Split CODE into NEW, NEW".
 * plazactl units merge DB CODE CODE… --code NEW [--date D]: merges
 * neighbouring units and prints "Merged CODE, CODE into NEW".
 * plazactl units vacancy DB [--today D]: the vacancy list as CSV, most days
 * vacant first: unit,floor,rentable_area,planned_category,vacant_since,
 * days_vacant,last_contract,last_rent_per_m2 (m² and yuan per m² a month,
 * two decimals).
 * plazactl units zoning DB [--today D]: the zoning plan vs let as CSV, floor
 * by floor: floor,category,planned_area,let_area (m², two decimals).
 */

#define G_LOG_DOMAIN "plazactl"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "plaza-csv.h"
#include "plaza-date.h"
#include "plaza-money.h"
#include "plaza-unit.h"
#include "plaza-zoning.h"
#include "plazactl.h"

static char *
area_plain (gint64 hundredths)
{
  return g_strdup_printf ("%lld.%02lld", (long long) (hundredths / 100), (long long) (hundredths % 100));
}

static char *
day_or_today (const char *date)
{
  GDate d;

  if (date == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      return g_date_time_format (now, "%Y-%m-%d");
    }
  if (!plaza_date_parse (date, &d))
    return NULL;
  return g_strdup (date);
}

static int
split (const char *path,
       const char *code,
       const char *into,
       const char *date_text)
{
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaUnit) unit = NULL;
  g_auto(GStrv) specs = NULL;
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GArray) parts = g_array_new (FALSE, TRUE, sizeof (PlazaUnitPart));
  g_autoptr(GString) codes = g_string_new (NULL);
  g_autofree char *date = day_or_today (date_text);

  if (into == NULL)
    return plazactl_fail_message (_("units: --into is required (NEW:GROSS:RENTABLE,…)"));
  if (date == NULL)
    return plazactl_fail_message (_("units: --date must be YYYY-MM-DD"));
  specs = g_strsplit (into, ",", -1);
  for (guint i = 0; specs[i] != NULL; i++)
    {
      char **f = g_strsplit (specs[i], ":", -1);
      PlazaUnitPart part = { 0 };

      g_ptr_array_add (fields, f);
      if (g_strv_length (f) != 3 || !plaza_area_parse (f[1], &part.gross_area)
          || !plaza_area_parse (f[2], &part.rentable_area))
        return plazactl_fail_message (_("units: “%s” is not NEW:GROSS:RENTABLE (areas in m²)"), specs[i]);
      part.code = f[0];
      g_array_append_val (parts, part);
      g_string_append_printf (codes, "%s%s", i > 0 ? ", " : "", f[0]);
    }
  store = plazactl_open (path, PLAZA_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    return plazactl_fail (error);
  unit = plaza_unit_find (store, code, &error);
  if (unit == NULL
      || !plaza_unit_split (store, unit->id, unit->rev, (PlazaUnitPart *) (void *) parts->data, parts->len,
                            date, NULL, &error))
    {
      g_prefix_error (&error, "units: ");
      return plazactl_fail (error);
    }
  g_print (_("Split %s into %s\n"), code, codes->str);
  return 0;
}

static int
merge (const char  *path,
       char       **codes,
       const char  *code,
       const char  *date_text)
{
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *date = day_or_today (date_text);
  g_autofree char *joined = NULL;

  if (code == NULL)
    return plazactl_fail_message (_("units: --code is required (the merged unit’s code)"));
  if (date == NULL)
    return plazactl_fail_message (_("units: --date must be YYYY-MM-DD"));
  store = plazactl_open (path, PLAZA_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    return plazactl_fail (error);
  for (guint i = 0; codes[i] != NULL; i++)
    {
      g_autoptr(PlazaUnit) unit = plaza_unit_find (store, codes[i], &error);

      if (unit == NULL)
        {
          g_prefix_error (&error, "units: ");
          return plazactl_fail (error);
        }
      g_array_append_val (ids, unit->id);
    }
  if (plaza_unit_merge (store, (gint64 *) (void *) ids->data, NULL, ids->len, code, date, &error) == 0)
    {
      g_prefix_error (&error, "units: ");
      return plazactl_fail (error);
    }
  joined = g_strjoinv (", ", codes);
  g_print (_("Merged %s into %s\n"), joined, code);
  return 0;
}

static int
vacancy (const char *path,
         const char *today_text)
{
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *today_str = day_or_today (today_text);
  g_autoptr(GString) out = g_string_new ("unit,floor,rentable_area,planned_category,vacant_since,days_vacant,"
                                         "last_contract,last_rent_per_m2\n");
  GDate today;

  if (today_str == NULL || !plaza_date_parse (today_str, &today))
    return plazactl_fail_message (_("units: --today must be YYYY-MM-DD"));
  store = plazactl_open (path, PLAZA_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    return plazactl_fail (error);
  rows = plaza_units_vacancy (store, &today, &error);
  if (rows == NULL)
    {
      g_prefix_error (&error, "units: ");
      return plazactl_fail (error);
    }
  for (guint i = 0; i < rows->len; i++)
    {
      PlazaVacancyRow *r = g_ptr_array_index (rows, i);
      g_autofree char *area = area_plain (r->rentable_area);
      g_autofree char *days = r->has_days ? g_strdup_printf ("%lld", (long long) r->days_vacant) : g_strdup ("");
      g_autofree char *rent = r->has_last_rent ? plaza_money_format_plain (r->last_rent_per_m2) : g_strdup ("");
      const char *fields[8] = { r->code, r->floor_label, area, r->planned_category,
                                r->vacant_since != NULL ? r->vacant_since : "", days,
                                r->last_contract_code, rent };

      plaza_csv_append_row (out, fields, G_N_ELEMENTS (fields));
    }
  if (fputs (out->str, stdout) == EOF || fflush (stdout) != 0)
    return plazactl_fail_message (_("units: could not write the output"));
  return 0;
}

static int
zoning (const char *path,
        const char *today_text)
{
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) floors = NULL;
  g_autofree char *today_str = day_or_today (today_text);
  g_autoptr(GString) out = g_string_new ("floor,category,planned_area,let_area\n");
  GDate today;

  if (today_str == NULL || !plaza_date_parse (today_str, &today))
    return plazactl_fail_message (_("units: --today must be YYYY-MM-DD"));
  store = plazactl_open (path, PLAZA_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    return plazactl_fail (error);
  floors = plaza_zoning_plan_vs_actual (store, &today, &error);
  if (floors == NULL)
    {
      g_prefix_error (&error, "units: ");
      return plazactl_fail (error);
    }
  for (guint i = 0; i < floors->len; i++)
    {
      PlazaZoningFloor *f = g_ptr_array_index (floors, i);

      for (guint j = 0; j < f->rows->len; j++)
        {
          PlazaZoningRow *r = g_ptr_array_index (f->rows, j);
          g_autofree char *planned = area_plain (r->planned_area);
          g_autofree char *let = area_plain (r->let_area);
          const char *fields[4] = { f->floor_label, r->category, planned, let };

          plaza_csv_append_row (out, fields, G_N_ELEMENTS (fields));
        }
    }
  if (fputs (out->str, stdout) == EOF || fflush (stdout) != 0)
    return plazactl_fail_message (_("units: could not write the output"));
  return 0;
}

int
plazactl_cmd_units (int    argc,
                    char **argv)
{
  g_autofree char *into = NULL;
  g_autofree char *code = NULL;
  g_autofree char *date = NULL;
  g_autofree char *today = NULL;
  GOptionEntry entries[] = {
    { "into", 0, 0, G_OPTION_ARG_STRING, &into, N_("The new units, NEW:GROSS:RENTABLE,… in m² (split)"), N_("PARTS") },
    { "code", 0, 0, G_OPTION_ARG_STRING, &code, N_("The merged unit’s code (merge)"), N_("CODE") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The day of the split or merge (default today)"), N_("YYYY-MM-DD") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today, N_("The day days vacant count to (vacancy) or contracts are in force on (zoning)"), N_("YYYY-MM-DD") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  if (!plazactl_parse (_("split|merge|vacancy|zoning DB … — units"), entries, &argc, &argv))
    return 1;
  if (argc < 2 || (!g_str_equal (argv[1], "split") && !g_str_equal (argv[1], "merge")
                   && !g_str_equal (argv[1], "vacancy") && !g_str_equal (argv[1], "zoning")))
    return plazactl_fail_message (_("units: use “units split|merge|vacancy|zoning DB …”"));
  if (argc < 3)
    return plazactl_fail_message (_("units: the database file is required"));
  if (g_str_equal (argv[1], "vacancy") || g_str_equal (argv[1], "zoning"))
    {
      if (argc > 3)
        return plazactl_fail_message (_("units: unexpected argument “%s”"), argv[3]);
      return g_str_equal (argv[1], "vacancy") ? vacancy (argv[2], today) : zoning (argv[2], today);
    }
  if (g_str_equal (argv[1], "split"))
    {
      if (argc != 4)
        return plazactl_fail_message (_("units: split takes one unit code"));
      return split (argv[2], argv[3], into, date);
    }
  if (argc < 5)
    return plazactl_fail_message (_("units: merge takes two or more unit codes"));
  return merge (argv[2], argv + 3, code, date);
}
