/* plazactl-transfer.c
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
plazactl_cmd_import (int argc, char **argv)
{
  return plazactl_fail_message ("import: not built yet");
}

int
plazactl_cmd_export (int argc, char **argv)
{
  return plazactl_fail_message ("export: not built yet");
}
