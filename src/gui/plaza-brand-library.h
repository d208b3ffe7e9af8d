/* plaza-brand-library.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The brand library window (issue 6): brands seen in the market, tenants
 * or not, with a search; add and edit a brand (category, tier, typical
 * area, notes) and its market notes (市场调研: competitor malls). Opened
 * from the Tenants page's "Brands…" button.
 */

#pragma once

#include <adwaita.h>

#include "plaza-worker.h"

G_BEGIN_DECLS

#define PLAZA_TYPE_BRAND_LIBRARY (plaza_brand_library_get_type ())
G_DECLARE_FINAL_TYPE (PlazaBrandLibrary, plaza_brand_library, PLAZA, BRAND_LIBRARY, AdwWindow)

PlazaBrandLibrary *plaza_brand_library_new      (GtkWindow         *parent,
                                                 PlazaWorker       *worker);
gboolean           plaza_brand_library_get_busy (PlazaBrandLibrary *self);
/* The brands listed now (PlazaBrand), for tests. */
GPtrArray         *plaza_brand_library_get_brands (PlazaBrandLibrary *self);
void               plaza_brand_library_set_search (PlazaBrandLibrary *self,
                                                   const char        *text);

G_END_DECLS
