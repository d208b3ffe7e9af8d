/* plaza-date.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "plaza-date.h"

gboolean
plaza_date_parse (const char *text,
                  GDate      *out)
{
  guint y, m, d;
  char tail;

  g_return_val_if_fail (out != NULL, FALSE);

  g_date_clear (out, 1);
  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-'
      || sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3
      || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  g_date_set_dmy (out, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

char *
plaza_date_format (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u", (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date), (guint) g_date_get_day (date));
}
