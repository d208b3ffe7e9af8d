/* plaza-sales-private.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by plaza-sales.c and plaza-sales-anomaly.c: the contract in force
 * for a unit on a day, and month arithmetic on 'YYYY-MM' text.
 */

#pragma once

#include "plaza-sales.h"

G_BEGIN_DECLS

/* Contract states that were in force while they ran (as in plaza-kpi.c). */
#define PLAZA_SALES_IN_FORCE "('active', 'expired', 'terminated', 'renewed')"

/* The contract in force for unit UNIT (an SQL expression) on day DAY (an
 * SQL expression giving 'YYYY-MM-DD'): the latest starting one. */
#define PLAZA_SALES_CONTRACT_ON(UNIT, DAY) \
  "(SELECT c2.id FROM contract_units cu2 JOIN contracts c2 ON c2.id = cu2.contract_id" \
  " WHERE cu2.unit_id = " UNIT " AND c2.state IN " PLAZA_SALES_IN_FORCE \
  "   AND c2.start_date <= " DAY \
  "   AND COALESCE (c2.terminated_on, c2.end_date) >= " DAY \
  " ORDER BY c2.start_date DESC, c2.id DESC LIMIT 1)"

/* 'YYYY-MM' → year, month (1–12); FALSE if malformed. */
gboolean  plaza_sales_month_parse (const char *text,
                                   guint      *year,
                                   guint      *month);
/* Writes 'YYYY-MM-DD' (11 bytes with the NUL). */
void      plaza_sales_day_format  (char       *out,
                                   guint       year,
                                   guint       month,
                                   guint       day);

G_END_DECLS
