/* plaza-export.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CSV export of units and daily sales, in the formats the importer reads
 * (UTF-8, no BOM, LF line ends).
 */

#pragma once

#include <gio/gio.h>

#include "plaza-store.h"

G_BEGIN_DECLS

/* Header `code,floor,area,category`; area in m² with two decimals, ordered
 * by unit code. */
gboolean plaza_export_units (PlazaStore     *store,
                             GOutputStream  *out,
                             GCancellable   *cancellable,
                             GError        **error);

/* Header `date,unit,amount,transactions`; one row per unit per day, amounts
 * in yuan with two decimals, ordered by date then unit code. */
gboolean plaza_export_sales (PlazaStore     *store,
                             GOutputStream  *out,
                             GCancellable   *cancellable,
                             GError        **error);

G_END_DECLS
