/* plaza-report.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The monthly performance report (经营业绩统计分析报表, issue 4): a
 * multi-page A4 PDF for the general manager with the month's headline
 * measures as tiles (sales, 坪效, 租售比, occupancy, target achievement),
 * the sales trend, floor and category tables, the top and bottom tenants
 * by 坪效 and the tenant-health shortlist. Every figure comes from the
 * measures of plaza-kpi.h, plaza-targets.h and plaza-health.h.
 */

#pragma once

#include <glib.h>

#include "plaza-store.h"

G_BEGIN_DECLS

/* The report of @month ('YYYY-MM') as PDF bytes; @made_on is the date
 * printed as "made on" (NULL: today). A malformed month fails with
 * PLAZA_STORE_ERROR_INVALID. */
GBytes   *plaza_report_render (PlazaStore   *store,
                               const char   *month,
                               const GDate  *made_on,
                               GError      **error);
/* Renders and writes the report to @pdf_path through a temporary file in
 * the same folder renamed into place: on any error no file is left
 * behind and an existing file is untouched. */
gboolean  plaza_report_write  (PlazaStore   *store,
                               const char   *month,
                               const GDate  *made_on,
                               const char   *pdf_path,
                               GError      **error);

G_END_DECLS
