/* plazactl-demo.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * plazactl demo DB [--seed N] [--size small|medium|large] [--today DATE] [--accounts]
 */

#define G_LOG_DOMAIN "plazactl"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "plaza-core.h"
#include "plazactl.h"

int
plazactl_cmd_demo (int    argc,
                   char **argv)
{
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *size_name = NULL;
  g_autofree char *today_text = NULL;
  gint64 seed = 1;
  gboolean accounts = FALSE;
  PlazaDemoSize size = PLAZA_DEMO_MEDIUM;
  GDate today;
  GOptionEntry entries[] = {
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, N_("Seed of the generator (default 1)"), N_("N") },
    { "size", 0, 0, G_OPTION_ARG_STRING, &size_name, N_("small, medium (default) or large"), N_("SIZE") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, N_("The demo's today (default: the real date)"), N_("YYYY-MM-DD") },
    { "accounts", 0, 0, G_OPTION_ARG_NONE, &accounts, N_("Give every demo account the password plaza-demo, so that Plaza asks who signs in"), NULL },
    { NULL }
  };

  if (!plazactl_parse (_("DB — create a demo mall"), entries, &argc, &argv))
    return 1;
  if (argc != 2)
    return plazactl_fail_message (_("demo: give exactly one new database file"));
  if (size_name != NULL && !plaza_demo_size_from_string (size_name, &size))
    return plazactl_fail_message (_("--size: “%s” is not small, medium or large"), size_name);
  if (seed < 0 || seed > G_MAXUINT32)
    return plazactl_fail_message (_("--seed: must be between 0 and %u"), G_MAXUINT32);

  if (today_text != NULL)
    {
      if (!plaza_date_parse (today_text, &today))
        return plazactl_fail_message (_("--today: “%s” is not a date like 2026-11-27"), today_text);
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_clear (&today, 1);
      g_date_set_dmy (&today, (GDateDay) g_date_time_get_day_of_month (now),
                      (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
    }

  store = plaza_store_open (argv[1], PLAZA_STORE_OPEN_CREATE, &error);
  if (store == NULL)
    return plazactl_fail (error);

  if (!plaza_demo_generate (store, (guint32) seed, size, &today, &error)
      || (accounts && plaza_demo_set_passwords (store, NULL, &error) < 0))
    {
      /* Leave no half-made file behind. */
      g_clear_object (&store);
      g_remove (argv[1]);
      {
        g_autofree char *wal = g_strconcat (argv[1], "-wal", NULL);
        g_autofree char *shm = g_strconcat (argv[1], "-shm", NULL);
        g_remove (wal);
        g_remove (shm);
      }
      return plazactl_fail (error);
    }
  return 0;
}
