/* plaza-date.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Dates as the store keeps them: ISO YYYY-MM-DD text.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Strict YYYY-MM-DD (a real calendar day); FALSE and a cleared @out otherwise. */
gboolean  plaza_date_parse  (const char  *text,
                             GDate       *out);
/* "2026-11-27" */
char     *plaza_date_format (const GDate *date);

G_END_DECLS
