/* plazactl-prospects.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * plazactl prospects list DB: the leasing pipeline as CSV, by stage then
 * newest first:
 *   id,name,brand,category,wanted_area,stage,contact,source,owner,
 *   target_unit,contract,last_contact,next_step
 * (area in m² with two decimals; stage as the code in prospects.stage;
 * last_contact and next_step from the newest negotiation entry).
 */

#define G_LOG_DOMAIN "plazactl"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "plaza-csv.h"
#include "plaza-prospect.h"
#include "plaza-store.h"
#include "plazactl.h"

static int
prospects_list (int    argc,
                char **argv)
{
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GString) out = g_string_new ("id,name,brand,category,wanted_area,stage,contact,source,owner,"
                                         "target_unit,contract,last_contact,next_step\n");
  GOptionEntry entries[] = {
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  if (!plazactl_parse (_("list DB — the prospects as CSV"), entries, &argc, &argv))
    return 1;
  if (argc < 2)
    return plazactl_fail_message (_("prospects list: the database file is required"));
  if (argc > 2)
    return plazactl_fail_message (_("prospects list: unexpected argument “%s”"), argv[2]);

  store = plazactl_open (argv[1], PLAZA_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    return plazactl_fail (error);
  all = plaza_prospect_list (store, NULL, &error);
  if (all == NULL)
    return plazactl_fail (error);
  for (guint i = 0; i < all->len; i++)
    {
      PlazaProspect *p = all->pdata[i];
      g_autoptr(GPtrArray) log = plaza_prospect_list_negotiations (store, p->id, &error);
      PlazaNegotiation *last;
      g_autofree char *id = g_strdup_printf ("%lld", (long long) p->id);
      g_autofree char *area = g_strdup_printf ("%lld.%02lld", (long long) (p->wanted_area / 100),
                                               (long long) (p->wanted_area % 100));
      const char *fields[13];

      if (log == NULL)
        return plazactl_fail (error);
      last = log->len > 0 ? log->pdata[log->len - 1] : NULL;
      fields[0] = id;
      fields[1] = p->name;
      fields[2] = p->brand;
      fields[3] = p->category;
      fields[4] = area;
      fields[5] = plaza_prospect_stage_code (p->stage);
      fields[6] = p->contact;
      fields[7] = p->source;
      fields[8] = p->owner;
      fields[9] = p->target_unit;
      fields[10] = p->contract_code;
      fields[11] = last != NULL ? last->date : "";
      fields[12] = last != NULL ? last->next_step : "";
      plaza_csv_append_row (out, fields, G_N_ELEMENTS (fields));
    }
  if (fputs (out->str, stdout) == EOF || fflush (stdout) != 0)
    return plazactl_fail_message (_("prospects: could not write the output"));
  return 0;
}

int
plazactl_cmd_prospects (int    argc,
                        char **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "list"))
    return prospects_list (argc - 1, argv + 1);
  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      printf ("%s\n", _("Usage: plazactl prospects list DB"));
      return 0;
    }
  return plazactl_fail_message (_("prospects: unknown or missing action; use “plazactl prospects list DB”"));
}
