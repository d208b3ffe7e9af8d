/* plazactl-transfer.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * plazactl import units|sales DB FILE.csv and plazactl export units|sales DB.
 */

#define G_LOG_DOMAIN "plazactl"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#ifdef G_OS_UNIX
#include <gio/gunixoutputstream.h>
#endif

#include "plaza-core.h"
#include "plaza-export.h"
#include "plaza-import.h"
#include "plazactl.h"

typedef enum
{
  KIND_NONE,
  KIND_UNITS,
  KIND_SALES,
} Kind;

static Kind
parse_kind (const char *word)
{
  if (g_strcmp0 (word, "units") == 0)
    return KIND_UNITS;
  if (g_strcmp0 (word, "sales") == 0)
    return KIND_SALES;
  return KIND_NONE;
}

static GOutputStream *
stdout_stream (void)
{
#ifdef G_OS_UNIX
  return g_unix_output_stream_new (fileno (stdout), FALSE);
#else
  return NULL;
#endif
}

int
plazactl_cmd_import (int    argc,
                     char **argv)
{
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  PlazaImportResult result = { 0, NULL };
  Kind kind;
  gboolean ok;

  if (!plazactl_parse (_("units|sales DB FILE.csv — import a CSV file, all or nothing"), NULL, &argc, &argv))
    return 1;
  if (argc != 4)
    return plazactl_fail_message (_("import: usage: plazactl import units|sales DB FILE.csv"));
  kind = parse_kind (argv[1]);
  if (kind == KIND_NONE)
    return plazactl_fail_message (_("import: “%s” is not something to import; use “units” or “sales”"), argv[1]);
  if (!g_file_test (argv[3], G_FILE_TEST_IS_REGULAR))
    return plazactl_fail_message (_("import: “%s” does not exist or is not a file"), argv[3]);

  store = plazactl_open (argv[2], PLAZA_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    return plazactl_fail (error);
  if (plaza_store_is_read_only (store))
    return plazactl_fail_message ("%s", plaza_store_get_read_only_reason (store) != NULL
                                        ? plaza_store_get_read_only_reason (store)
                                        : _("The database is open read-only; nothing was imported."));

  if (kind == KIND_UNITS)
    ok = plaza_import_units (store, argv[3], &result, &error);
  else
    ok = plaza_import_sales (store, argv[3], &result, &error);
  if (!ok)
    return plazactl_fail (error);

  printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u row (%s)\n", "Imported %u rows (%s)\n", result.n_rows),
          result.n_rows, result.encoding);
  return 0;
}

int
plazactl_cmd_export (int    argc,
                     char **argv)
{
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  Kind kind;
  gboolean ok;

  if (!plazactl_parse (_("units|sales DB — write CSV on standard output"), NULL, &argc, &argv))
    return 1;
  if (argc != 3)
    return plazactl_fail_message (_("export: usage: plazactl export units|sales DB"));
  kind = parse_kind (argv[1]);
  if (kind == KIND_NONE)
    return plazactl_fail_message (_("export: “%s” is not something to export; use “units” or “sales”"), argv[1]);

  store = plazactl_open (argv[2], PLAZA_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    return plazactl_fail (error);

  out = stdout_stream ();
  if (out == NULL)
    return plazactl_fail_message (_("export: writing to standard output is not supported here"));

  fflush (stdout);
  if (kind == KIND_UNITS)
    ok = plaza_export_units (store, out, NULL, &error);
  else
    ok = plaza_export_sales (store, out, NULL, &error);
  if (!ok)
    return plazactl_fail (error);
  return 0;
}
