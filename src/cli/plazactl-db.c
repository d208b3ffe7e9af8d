/* plazactl-db.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plazactl"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-core.h"
#include "plazactl.h"

int
plazactl_cmd_init (int argc, char **argv)
{
  return plazactl_fail_message ("init: not built yet");
}

int
plazactl_cmd_check (int argc, char **argv)
{
  return plazactl_fail_message ("check: not built yet");
}
