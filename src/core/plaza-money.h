/* plaza-money.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Money is gint64 fen (分); areas are gint64 hundredths of m². Parsing is exact
 * (no doubles) and refuses anything it cannot read whole.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Parses "1234.5", "1,234.56", "¥1,234.56", "-3", " 12.30 " into fen.
 * At most two decimals; thousands separators must be well placed.
 * Returns FALSE (and sets *out to 0) on anything else. */
gboolean  plaza_money_parse        (const char *text,
                                    gint64     *out_fen);
/* "¥1,234,567.89" (with_symbol) or "1,234,567.89"; negative as "-¥12.00". */
char     *plaza_money_format       (gint64      fen,
                                    gboolean    with_symbol);
/* "1234567.89": plain two-decimal yuan for CSV. */
char     *plaza_money_format_plain (gint64      fen);

/* Areas: "125.5" → 12550 hundredths of m². Non-negative, ≤ 2 decimals. */
gboolean  plaza_area_parse         (const char *text,
                                    gint64     *out_hundredths);
/* "1,234.50" (no unit). */
char     *plaza_area_format        (gint64      hundredths);

/* Percent text "18.00" → basis points 1800. */
gboolean  plaza_percent_parse      (const char *text,
                                    gint64     *out_bp);
char     *plaza_percent_format     (gint64      bp);

G_END_DECLS
