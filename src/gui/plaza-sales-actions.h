/* plaza-sales-actions.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plaza-list-page.h"
#include "plaza-window.h"

G_BEGIN_DECLS

/* Adds "Import…", "Enter Sales…" and "Anomalies" to the sales list page
 * @page of @window, as the "sales.import" (Ctrl+I), "sales.enter" and
 * "sales.anomalies" actions of the window. */
void plaza_sales_actions_attach (PlazaListPage *page,
                                 PlazaWindow   *window);

G_END_DECLS
