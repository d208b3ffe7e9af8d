/* plaza-kpi-private.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the measures (plaza-kpi.c, plaza-kpi-monthly.c), the charts
 * (plaza-chart-data*.c) and tenant health share so that they attribute
 * sales the same way: the covering contract of a unit in a month, the
 * joins from a unit to its floor, mall, tenant and category, the SQL of a
 * grouping and of a filter, and month arithmetic.
 */

#pragma once

#include <glib.h>

#include "plaza-kpi.h"
#include "plaza-store.h"

G_BEGIN_DECLS

/* A contract that was in force at some time: its dates say when. */
#define PLAZA_KPI_IN_FORCE "('active', 'expired', 'terminated', 'renewed')"

/* The contract that covered unit sm.unit_id in month sm.month: the latest
 * starting one in force on some day of the month. */
#define PLAZA_KPI_COVERING_CONTRACT \
  "(SELECT c2.id FROM contract_units cu2 JOIN contracts c2 ON c2.id = cu2.contract_id" \
  " WHERE cu2.unit_id = sm.unit_id AND c2.state IN " PLAZA_KPI_IN_FORCE \
  "   AND c2.start_date <= sm.month || '-31'" \
  "   AND COALESCE (c2.terminated_on, c2.end_date) >= sm.month || '-01'" \
  " ORDER BY c2.start_date DESC, c2.id DESC LIMIT 1)"

/* From a subquery x (unit_id, contract_id) to u, f, p, c, t, br, cat. */
#define PLAZA_KPI_JOINS \
  " JOIN units u ON u.id = x.unit_id" \
  " JOIN floors f ON f.id = u.floor_id" \
  " JOIN projects p ON p.id = f.project_id" \
  " LEFT JOIN contracts c ON c.id = x.contract_id" \
  " LEFT JOIN tenants t ON t.id = c.tenant_id" \
  " LEFT JOIN brands br ON br.id = c.brand_id" \
  " LEFT JOIN categories cat ON cat.id = COALESCE (br.category_id, t.category_id, u.planned_category_id)"

/* The SQL of a grouping's key and label over PLAZA_KPI_JOINS. */
const char *plaza_kpi_key_expr        (PlazaKpiGroup  by);
const char *plaza_kpi_label_expr      (PlazaKpiGroup  by);
/* TRUE when the grouping needs the covering contract (tenant, category). */
gboolean    plaza_kpi_needs_contract  (PlazaKpiGroup  by);
/* TRUE when @filter_by / @filter_key restrict anything (a mall filter with
 * no key does not). */
gboolean    plaza_kpi_is_filtered     (PlazaKpiGroup  filter_by,
                                       const char    *filter_key);

/* Who a unit's sales of a month belong to (plaza-kpi-attribution.c): the
 * rule of PLAZA_KPI_COVERING_CONTRACT for grouping @by within a filter,
 * evaluated in memory. */
typedef struct _PlazaKpiAttribution PlazaKpiAttribution;

PlazaKpiAttribution *plaza_kpi_attribution_new    (PlazaStore           *store,
                                                   PlazaKpiGroup         by,
                                                   PlazaKpiGroup         filter_by,
                                                   const char           *filter_key,
                                                   GError              **error);
void                 plaza_kpi_attribution_free   (PlazaKpiAttribution  *self);
/* FALSE when the row is outside the filter or has no group (no tenant,
 * no category); else *key and *label (owned by @self). */
gboolean             plaza_kpi_attribution_lookup (PlazaKpiAttribution  *self,
                                                   gint64                unit_id,
                                                   const char           *month,
                                                   const char          **key,
                                                   const char          **label);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlazaKpiAttribution, plaza_kpi_attribution_free)

/* plaza_kpi_compute_filtered and plaza_kpi_compute_monthly; with @growth
 * FALSE they skip the month-on-month and year-on-year bases (has_mom and
 * has_yoy FALSE) and read only the range's months: for charts, which show
 * values only. */
gboolean    plaza_kpi_compute_values  (PlazaStore     *store,
                                       PlazaKpiMetric  metric,
                                       PlazaKpiGroup   by,
                                       PlazaKpiGroup   filter_by,
                                       const char     *filter_key,
                                       const char     *from_month,
                                       const char     *to_month,
                                       gboolean        growth,
                                       GPtrArray     **rows,
                                       GError        **error);
gboolean    plaza_kpi_compute_monthly_values (PlazaStore     *store,
                                              PlazaKpiMetric  metric,
                                              PlazaKpiGroup   filter_by,
                                              const char     *filter_key,
                                              const char     *from_month,
                                              const char     *to_month,
                                              gboolean        growth,
                                              GPtrArray     **rows,
                                              GError        **error);

/* 'YYYY-MM' → year * 12 + month - 1; FALSE when malformed. */
gboolean    plaza_kpi_month_parse     (const char    *text,
                                       int           *index);
void        plaza_kpi_month_format    (int            index,
                                       char           buf[8]);
/* num ÷ den rounded half away from zero; den ≠ 0. */
gint64      plaza_kpi_div_round       (gint64         num,
                                       gint64         den);
/* Checks metric, grouping, months and filter as plaza_kpi_compute_filtered
 * does; sets *from and *to. */
gboolean    plaza_kpi_check_arguments (PlazaKpiMetric  metric,
                                       PlazaKpiGroup   by,
                                       PlazaKpiGroup   filter_by,
                                       const char     *filter_key,
                                       const char     *from_month,
                                       const char     *to_month,
                                       int            *from,
                                       int            *to,
                                       GError        **error);

G_END_DECLS
