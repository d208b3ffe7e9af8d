/* plazactl-db.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * plazactl init and plazactl check.
 */

#define G_LOG_DOMAIN "plazactl"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "plaza-core.h"
#include "plazactl.h"

int
plazactl_cmd_init (int    argc,
                   char **argv)
{
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (!plazactl_parse (_("DB — create a new empty database"), NULL, &argc, &argv))
    return 1;
  if (argc != 2)
    return plazactl_fail_message (_("init: give exactly one database file"));

  store = plazactl_open (argv[1], PLAZA_STORE_OPEN_CREATE, &error);
  if (store == NULL)
    return plazactl_fail (error);
  return 0;
}

int
plazactl_cmd_check (int    argc,
                    char **argv)
{
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean quick = FALSE;
  GOptionEntry entries[] = {
    { "quick", 'q', 0, G_OPTION_ARG_NONE, &quick, N_("Run the faster quick_check only"), NULL },
    { NULL }
  };

  if (!plazactl_parse (_("DB — check the file's integrity and schema version"), entries, &argc, &argv))
    return 1;
  if (argc != 2)
    return plazactl_fail_message (_("check: give exactly one database file"));

  store = plazactl_open (argv[1], PLAZA_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    return plazactl_fail (error);

  if (!plaza_store_check (store, !quick, &error))
    return plazactl_fail (error);

  if (plaza_store_get_schema_version (store) > PLAZA_SCHEMA_VERSION)
    return plazactl_fail_message (_("schema %d is newer than this plazactl knows (%d); update Plaza"),
                                  plaza_store_get_schema_version (store), PLAZA_SCHEMA_VERSION);

  printf ("ok\n");
  return 0;
}
