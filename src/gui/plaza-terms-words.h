/* plaza-terms-words.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A contract's rent terms in words for the detail window: the model, the
 * rent and its unit, the percentage or tiers, escalation, rent-free ranges
 * and fees, one labelled line each.
 */

#pragma once

#include "plaza-rent.h"

G_BEGIN_DECLS

typedef void (*PlazaTermsLineFunc) (const char *key,
                                    const char *value,
                                    gpointer    user_data);

/* Calls @func once per line, in display order. */
void plaza_terms_describe (const PlazaRentTerms *terms,
                           PlazaTermsLineFunc    func,
                           gpointer              user_data);

G_END_DECLS
