/* kpi-fixture.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The small hand-made mall the measures, the charts and the report are
 * checked against, so that their hand-worked figures agree: two floors,
 * three units (A101 100 m² and A102 50 m² on 1F, B201 200 m² on 2F), Alpha (Fashion) on A101+A102 since 2025, Beta (Food) on
 * B201 from 2025-06 until its termination on 2026-03-15, and their monthly
 * sales in 2025 and 2026-01 … 03.
 */

#pragma once

#define KPI_FIXTURE_MALL_SQL \
  "INSERT INTO projects (id, code, name) VALUES (1, 'P1', 'Plaza One');" \
  "INSERT INTO floors (id, project_id, label, level) VALUES (1, 1, '1F', 1), (2, 1, '2F', 2);" \
  "INSERT INTO categories (id, name) VALUES (10, 'Fashion'), (11, 'Food');" \
  "INSERT INTO units (id, floor_id, code, gross_area, rentable_area, planned_category_id) VALUES" \
  "  (1, 1, 'A101', 12000, 10000, NULL), (2, 1, 'A102', 6000, 5000, NULL)," \
  "  (3, 2, 'B201', 24000, 20000, 11);" \
  "INSERT INTO tenants (id, code, name, category_id) VALUES (1, 'T1', 'Alpha', 10), (2, 'T2', 'Beta', 11);" \
  "INSERT INTO contracts (id, code, tenant_id, state, model, start_date, end_date, terminated_on, created_at) VALUES" \
  "  (1, 'C1', 1, 'active', 'fixed', '2025-01-01', '2027-12-31', NULL, '2025-01-01')," \
  "  (2, 'C2', 2, 'terminated', 'fixed', '2025-06-01', '2026-12-31', '2026-03-15', '2025-06-01');" \
  "INSERT INTO contract_units (contract_id, unit_id, area) VALUES (1, 1, 10000), (1, 2, 5000), (2, 3, 20000);" \
  "INSERT INTO sales_monthly (unit_id, month, amount, days) VALUES" \
  "  (1, '2025-02', 100000, 28), (1, '2026-01', 300000, 31), (1, '2026-02', 400000, 28)," \
  "  (1, '2026-03', 500000, 31), (2, '2026-02', 100000, 28), (2, '2026-03', 150000, 31)," \
  "  (3, '2025-03', 200000, 31), (3, '2026-02', 600000, 28), (3, '2026-03', 300000, 31);"

/* Issued bills of 2026-01 … 03 (one void) with rent, percentage rent and
 * a fee line. */
#define KPI_FIXTURE_BILLS_SQL \
  "INSERT INTO bills (id, code, tenant_id, contract_id, month, state, issue_date, due_date, total) VALUES" \
  "  (1, 'B1', 1, 1, '2026-02', 'issued', '2026-02-01', '2026-02-10', 35000)," \
  "  (2, 'B2', 1, 1, '2026-03', 'issued', '2026-03-01', '2026-03-10', 40001)," \
  "  (3, 'B3', 2, 2, '2026-02', 'issued', '2026-02-01', '2026-02-10', 90000)," \
  "  (4, 'B4', 2, 2, '2026-03', 'void', '2026-03-01', '2026-03-10', 45000)," \
  "  (5, 'B5', 2, 2, '2026-01', 'issued', '2026-01-01', '2026-01-10', 99999);" \
  "INSERT INTO bill_lines (bill_id, kind, amount) VALUES" \
  "  (1, 'rent', 30000), (1, 'fee', 5000), (2, 'rent', 30001), (2, 'percentage_rent', 10000)," \
  "  (3, 'rent', 90000), (4, 'rent', 45000), (5, 'rent', 99999);"
