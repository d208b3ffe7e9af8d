/* plazactl-contract-pdf.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * plazactl contract-pdf DB --id N --out FILE.pdf: the contract summary
 * (租赁合同摘要 / 联营合同摘要) as an A4 PDF for signing and filing.
 */

#define G_LOG_DOMAIN "plazactl"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-contract-pdf.h"
#include "plaza-store.h"
#include "plazactl.h"

int
plazactl_cmd_contract_pdf (int    argc,
                           char **argv)
{
  g_autofree char *out_path = NULL;
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = 0;
  GOptionEntry entries[] = {
    { "id", 'i', 0, G_OPTION_ARG_INT64, &id, N_("The contract's id"), N_("N") },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out_path, N_("Where to write the PDF"), N_("FILE.pdf") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  if (!plazactl_parse (_("DB --id N --out FILE.pdf — the contract summary as a PDF"),
                       entries, &argc, &argv))
    return 1;
  if (argc != 2)
    return plazactl_fail_message (_("contract-pdf: give one database file"));
  if (id <= 0)
    return plazactl_fail_message (_("contract-pdf: --id N is required (a contract id above 0)"));
  if (out_path == NULL)
    return plazactl_fail_message (_("contract-pdf: --out FILE.pdf is required"));

  store = plazactl_open (argv[1], PLAZA_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    return plazactl_fail (error);
  if (!plaza_contract_pdf_write (store, id, out_path, &error))
    return plazactl_fail (error);
  return 0;
}
