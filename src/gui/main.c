/* main.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>
#include <locale.h>

#include "plaza-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PlazaApplication) app = NULL;
  const char *localedir = g_getenv ("PLAZA_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = plaza_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
