/* lists-fixture.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small hand-made mall for the list, overview and worker tests, so they do
 * not depend on the demo generator. Expected values are in the tests.
 */

#pragma once

#include <glib/gstdio.h>

#include "plaza-core.h"
#include "test-util.h"

static const char lists_fixture_sql[] =
  "INSERT INTO projects (id, code, name) VALUES (1, 'P1', 'Plaza One');"
  "INSERT INTO floors (id, project_id, label, level) VALUES"
  "  (1, 1, 'B1', -1), (2, 1, '1F', 1), (3, 1, '2F', 2);"
  "INSERT INTO categories (id, parent_id, name) VALUES"
  "  (1, NULL, 'Retail'), (2, 1, 'Fashion'), (3, NULL, 'Food');"
  "INSERT INTO units (id, floor_id, code, gross_area, rentable_area, planned_category_id,"
  "                   status, vacant_since) VALUES"
  "  (1, 2, '1F-01', 15000, 12550, 2, 'leased', NULL),"
  "  (2, 2, '1F-02', 10000, 8000, 2, 'leased', NULL),"
  "  (3, 1, 'B1-01', 20000, 20000, 3, 'vacant', date ('now', 'localtime', '-10 days')),"
  "  (4, 3, '2F-01', 5000, 5000, NULL, 'retired', NULL),"
  "  (5, 3, '2F-02', 6000, 5000, 3, 'leased', NULL);"
  "INSERT INTO brands (id, name, category_id, tier) VALUES"
  "  (1, 'Uniqlo', 2, 'A'), (2, 'GU', 2, 'B'), (3, 'Haidilao', 3, 'flagship');"
  "INSERT INTO tenants (id, code, name, category_id, status) VALUES"
  "  (1, 'T001', 'Fast Retailing Co', 2, 'active'),"
  "  (2, 'T002', 'Sichuan Hotpot Ltd', 3, 'active'),"
  "  (3, 'T003', 'Old Tenant', NULL, 'former');"
  "INSERT INTO tenant_brands (tenant_id, brand_id) VALUES (1, 2), (1, 1), (2, 3);"
  "INSERT INTO tenant_contacts (id, tenant_id, name, role, phone) VALUES"
  "  (1, 1, 'Li Lei', 'manager', '13800000000'),"
  "  (2, 1, 'Han Meimei', 'finance', '13900000000'),"
  "  (3, 2, 'Wang Wu', '', '13700000000');"
  "INSERT INTO contracts (id, code, tenant_id, brand_id, kind, state, model, start_date, end_date,"
  "                       monthly_rent, deposit_amount, created_at) VALUES"
  "  (1, 'C-2025-001', 1, 1, 'lease', 'active', 'higher_of', '2025-01-01', '2099-12-31',"
  "   5000000, 15000000, '2025-01-01T00:00:00Z'),"
  "  (2, 'C-2025-002', 2, 3, 'concession', 'draft', 'percentage', '2026-01-01', '2028-12-31',"
  "   0, 0, '2025-12-01T00:00:00Z'),"
  "  (3, 'C-2019-001', 3, NULL, 'lease', 'expired', 'fixed', '2019-01-01', '2021-12-31',"
  "   3000000, 9000000, '2019-01-01T00:00:00Z'),"
  "  (4, 'C-2024-009', 2, 3, 'lease', 'active', 'fixed', '2024-04-01', '2026-05-31',"
  "   1200000, 3600000, '2024-03-01T00:00:00Z');"
  "INSERT INTO contract_units (contract_id, unit_id, area) VALUES"
  "  (1, 2, 8000), (1, 1, 12550), (2, 3, 20000), (3, 1, 12550), (4, 5, 5000);"
  "INSERT INTO bills (id, code, tenant_id, contract_id, month, kind, state, issue_date, due_date,"
  "                   total) VALUES"
  "  (1, 'B-001', 1, 1, '2020-01', 'regular', 'issued', '2020-01-01', '2020-01-10', 100000),"
  "  (2, 'B-002', 1, 1, '2020-02', 'regular', 'issued', '2020-02-01', '2020-02-10', 50000),"
  "  (3, 'B-003', 2, NULL, '2099-01', 'supplementary', 'issued', '2099-01-01', '2099-01-10', 40000),"
  "  (4, 'B-004', 2, 4, '2020-03', 'regular', 'draft', '2020-03-01', '2020-03-10', 9999);"
  "INSERT INTO bill_lines (id, bill_id, kind, amount) VALUES"
  "  (1, 1, 'rent', 80000), (2, 1, 'fee', 20000), (3, 2, 'rent', 50000),"
  "  (4, 3, 'adjustment', 40000), (5, 4, 'rent', 9999);"
  "INSERT INTO payments (id, tenant_id, date, amount, at) VALUES"
  "  (1, 1, '2020-01-15', 30000, '2020-01-15T00:00:00Z'),"
  "  (2, 1, '2020-02-05', 50000, '2020-02-05T00:00:00Z');"
  "INSERT INTO payment_allocations (payment_id, bill_line_id, amount) VALUES"
  "  (1, 1, 30000), (2, 3, 50000);"
  "INSERT INTO sales_monthly (unit_id, month, amount, transactions, days, estimated_days) VALUES"
  "  (1, '2026-01', 1255000, 300, 31, 0),"
  "  (2, '2026-01', 333333, 10, 31, 2),"
  "  (3, '2026-01', 5000, 1, 3, 0),"
  "  (1, '2025-12', 100, 1, 31, 0),"
  "  (2, '2026-02', 700000, 20, 28, 0);"
  "INSERT INTO promotions (id, code, name, theme, mechanics, start_date, end_date, state,"
  "                        budget_mall, budget_tenant, created_at) VALUES"
  "  (1, 'PR-1', 'Spring Sale', 'spring', 'spend_save', '2026-03-01', '2026-03-31', 'approved',"
  "   1000000, 200000, '2026-01-01T00:00:00Z'),"
  "  (2, 'PR-2', 'Autumn Days', '', 'discount', '2025-09-01', '2025-09-30', 'draft',"
  "   0, 0, '2025-08-01T00:00:00Z'),"
  "  (3, 'PR-3', 'Easter Egg Hunt', 'family', 'event', '2026-04-01', '2026-04-06', 'approved',"
  "   50000, 0, '2026-02-01T00:00:00Z'),"
  "  (4, 'PR-4', 'Labour Day', '', 'gift', '2026-05-01', '2026-05-05', 'approved',"
  "   80000, 0, '2026-02-01T00:00:00Z');"
  "INSERT INTO promotion_participants (promotion_id, tenant_id, status) VALUES"
  "  (1, 1, 'confirmed'), (1, 2, 'declined'), (1, 3, 'invited');"
  "INSERT INTO prospects (id, name, brand_id, category_id, wanted_area, contact, phone, source,"
  "                       stage, target_unit_id, owner, created_at) VALUES"
  "  (1, 'Coffee Co', NULL, 3, 8000, 'Zhao Liu', '13600000000', 'Expo', 'negotiation', 3,"
  "   'amy', '2025-11-01T00:00:00Z'),"
  "  (2, 'Tea Ltd', 2, NULL, 3000, '', '', '', 'dropped', NULL, '', '2025-10-01T00:00:00Z'),"
  "  (3, 'Book Co', NULL, NULL, 0, '', '', 'Referral', 'contact', NULL, '',"
  "   '2026-01-01T00:00:00Z');"
  "INSERT INTO negotiations (id, prospect_id, date, who, next_step) VALUES"
  "  (1, 1, '2026-01-05', 'amy', 'Send offer'),"
  "  (2, 1, '2026-02-01', 'amy', 'Site visit'),"
  "  (3, 2, '2026-03-01', 'bob', '');";

static gboolean
lists_fixture_write_cb (PlazaStore  *store,
                        gpointer     user_data G_GNUC_UNUSED,
                        GError     **error)
{
  return plaza_store_exec (store, lists_fixture_sql, error) &&
         plaza_store_set_setting (store, "mall.name", "Plaza One Mall", error);
}

/* Creates @dir/mall.db with the fixture and returns the open store. */
static PlazaStore *
lists_fixture_create (const char  *dir,
                      char       **out_path)
{
  g_autofree char *path = g_build_filename (dir, "mall.db", NULL);
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = plaza_store_open (path, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (plaza_store_write (store, lists_fixture_write_cb, NULL, &error));
  g_assert_no_error (error);

  if (out_path != NULL)
    *out_path = g_steal_pointer (&path);
  return g_steal_pointer (&store);
}

