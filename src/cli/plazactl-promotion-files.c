/* plazactl-promotion-files.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The files the clerks take to the tenants, from the command line:
 *
 * plazactl promotion notices DB --id N --out FILE.pdf: the participation
 * notices (one A4 page in Chinese per tenant not declined);
 * plazactl promotion participants DB --id N --out FILE.csv|FILE.xlsx: the
 * participant list.
 *
 * Reached from "plazactl promotion" (plazactl-promotions.c) through
 * plazactl_promotion_files().
 */

#define G_LOG_DOMAIN "plazactl"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-promotion-notice.h"
#include "plaza-store.h"
#include "plazactl.h"

int
plazactl_promotion_files (int    argc,
                          char **argv)
{
  g_autofree char *out_path = NULL;
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean notices;
  const char *action;
  gint64 id = 0;
  GOptionEntry entries[] = {
    { "id", 'i', 0, G_OPTION_ARG_INT64, &id, N_("The promotion's id"), N_("N") },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out_path, N_("Where to write the file"), N_("FILE") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  g_return_val_if_fail (argc >= 1, 1);
  action = argv[0];
  notices = g_str_equal (action, "notices");
  if (!plazactl_parse (notices ? _("notices DB --id N --out FILE.pdf — the participation notices as a PDF")
                               : _("participants DB --id N --out FILE.csv|FILE.xlsx — the participant list"),
                       entries, &argc, &argv))
    return 1;
  if (argc != 2)
    return plazactl_fail_message (_("promotion %s: give one database file"), action);
  if (id <= 0)
    return plazactl_fail_message (_("promotion %s: --id N is required (a promotion id above 0)"), action);
  if (out_path == NULL)
    return plazactl_fail_message (_("promotion %s: --out FILE is required"), action);

  store = plazactl_open (argv[1], PLAZA_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    return plazactl_fail (error);
  if (notices ? !plaza_promotion_write_notices (store, id, out_path, &error)
              : !plaza_promotion_write_participants (store, id, out_path, &error))
    return plazactl_fail (error);
  return 0;
}
