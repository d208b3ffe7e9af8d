-- 001-initial.sql
-- Copyright 2026 The Plaza authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema v1: the whole domain of a mall's commercial department.
-- Conventions: money in integer fen (分), areas in integer hundredths of m²,
-- rates in basis points (1 % = 100), dates ISO 'YYYY-MM-DD' text, months
-- 'YYYY-MM', timestamps ISO 8601 UTC. Every editable row has `rev`.
-- Applied by plaza-store.c inside one transaction; it sets user_version.

CREATE TABLE settings (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL,
  rev    INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE users (
  id             INTEGER PRIMARY KEY,
  login          TEXT NOT NULL UNIQUE,
  display_name   TEXT NOT NULL DEFAULT '',
  role           TEXT NOT NULL DEFAULT 'clerk'
                 CHECK (role IN ('viewer', 'clerk', 'planner', 'manager', 'admin')),
  password_hash  TEXT,
  failed_logins  INTEGER NOT NULL DEFAULT 0,
  locked_until   TEXT,
  active         INTEGER NOT NULL DEFAULT 1,
  created_at     TEXT NOT NULL,
  rev            INTEGER NOT NULL DEFAULT 1
);

-- Projects and phases (一期, 二期 …). A phase is a project with a parent.
CREATE TABLE projects (
  id         INTEGER PRIMARY KEY,
  parent_id  INTEGER REFERENCES projects (id),
  code       TEXT NOT NULL UNIQUE,
  name       TEXT NOT NULL,
  opened_on  TEXT,
  notes      TEXT NOT NULL DEFAULT '',
  rev        INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE floors (
  id          INTEGER PRIMARY KEY,
  project_id  INTEGER NOT NULL REFERENCES projects (id),
  label       TEXT NOT NULL,          -- 'B1', '1F', 'L2'
  level       INTEGER NOT NULL,       -- B1 = -1, 1F = 1, …: sort order
  gross_area  INTEGER NOT NULL DEFAULT 0,
  rev         INTEGER NOT NULL DEFAULT 1,
  UNIQUE (project_id, label)
);

-- 业态 (business type) at the top, 品类 (category) below: a tree.
CREATE TABLE categories (
  id         INTEGER PRIMARY KEY,
  parent_id  INTEGER REFERENCES categories (id),
  name       TEXT NOT NULL UNIQUE,
  color      TEXT NOT NULL DEFAULT '',
  rev        INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE units (
  id                   INTEGER PRIMARY KEY,
  floor_id             INTEGER NOT NULL REFERENCES floors (id),
  code                 TEXT NOT NULL UNIQUE,
  gross_area           INTEGER NOT NULL CHECK (gross_area >= 0),
  rentable_area        INTEGER NOT NULL CHECK (rentable_area > 0),
  planned_category_id  INTEGER REFERENCES categories (id),
  status               TEXT NOT NULL DEFAULT 'vacant'
                       CHECK (status IN ('vacant', 'leased', 'reserved', 'fitout', 'closed', 'retired')),
  vacant_since         TEXT,
  parent_unit_id       INTEGER REFERENCES units (id),   -- split/merge history
  notes                TEXT NOT NULL DEFAULT '',
  rev                  INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX units_floor ON units (floor_id);

CREATE TABLE unit_history (
  id          INTEGER PRIMARY KEY,
  unit_id     INTEGER NOT NULL REFERENCES units (id),
  kind        TEXT NOT NULL CHECK (kind IN ('split', 'merge', 'resize', 'status')),
  related_id  INTEGER REFERENCES units (id),
  date        TEXT NOT NULL,
  note        TEXT NOT NULL DEFAULT ''
);

CREATE TABLE brands (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE,
  name_en       TEXT NOT NULL DEFAULT '',
  category_id   INTEGER REFERENCES categories (id),
  tier          TEXT NOT NULL DEFAULT 'B' CHECK (tier IN ('flagship', 'A', 'B', 'C')),
  typical_area  INTEGER NOT NULL DEFAULT 0,
  notes         TEXT NOT NULL DEFAULT '',
  rev           INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE tenants (
  id              INTEGER PRIMARY KEY,
  code            TEXT NOT NULL UNIQUE,
  name            TEXT NOT NULL,
  credit_code     TEXT NOT NULL DEFAULT '',   -- 统一社会信用代码
  licence_expiry  TEXT,
  category_id     INTEGER REFERENCES categories (id),
  status          TEXT NOT NULL DEFAULT 'active'
                  CHECK (status IN ('prospect', 'active', 'leaving', 'former')),
  notes           TEXT NOT NULL DEFAULT '',
  rev             INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE tenant_brands (
  tenant_id  INTEGER NOT NULL REFERENCES tenants (id),
  brand_id   INTEGER NOT NULL REFERENCES brands (id),
  PRIMARY KEY (tenant_id, brand_id)
);

CREATE TABLE tenant_contacts (
  id         INTEGER PRIMARY KEY,
  tenant_id  INTEGER NOT NULL REFERENCES tenants (id),
  name       TEXT NOT NULL,
  role       TEXT NOT NULL DEFAULT '',
  phone      TEXT NOT NULL DEFAULT '',
  email      TEXT NOT NULL DEFAULT '',
  rev        INTEGER NOT NULL DEFAULT 1
);

CREATE INDEX tenant_contacts_tenant ON tenant_contacts (tenant_id);

CREATE TABLE complaints (
  id         INTEGER PRIMARY KEY,
  tenant_id  INTEGER NOT NULL REFERENCES tenants (id),
  date       TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('complaint', 'inspection')),
  text       TEXT NOT NULL,
  resolved   INTEGER NOT NULL DEFAULT 0,
  rev        INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE market_notes (
  id           INTEGER PRIMARY KEY,
  competitor   TEXT NOT NULL DEFAULT '',
  brand_id     INTEGER REFERENCES brands (id),
  category_id  INTEGER REFERENCES categories (id),
  date         TEXT NOT NULL,
  text         TEXT NOT NULL,
  rev          INTEGER NOT NULL DEFAULT 1
);

-- Contracts. terms_json holds the rent-engine terms (DOMAIN.md "Rent rules").
CREATE TABLE contracts (
  id                    INTEGER PRIMARY KEY,
  code                  TEXT NOT NULL UNIQUE,
  tenant_id             INTEGER NOT NULL REFERENCES tenants (id),
  brand_id              INTEGER REFERENCES brands (id),
  kind                  TEXT NOT NULL DEFAULT 'lease' CHECK (kind IN ('lease', 'concession')),
  state                 TEXT NOT NULL DEFAULT 'draft'
                        CHECK (state IN ('draft', 'submitted', 'approved', 'active',
                                         'expired', 'terminated', 'renewed')),
  model                 TEXT NOT NULL CHECK (model IN ('fixed', 'percentage', 'higher_of')),
  start_date            TEXT NOT NULL,
  end_date              TEXT NOT NULL,
  area_basis            TEXT NOT NULL DEFAULT 'rentable' CHECK (area_basis IN ('rentable', 'gross')),
  monthly_rent          INTEGER NOT NULL DEFAULT 0,   -- fen, indicative at signing
  terms_json            TEXT NOT NULL DEFAULT '{}',
  deposit_amount        INTEGER NOT NULL DEFAULT 0,
  late_fee_bp_per_day   INTEGER NOT NULL DEFAULT 5,   -- 0.05 %/day
  late_fee_grace_days   INTEGER NOT NULL DEFAULT 0,
  late_fee_cap          INTEGER NOT NULL DEFAULT 0,   -- fen, 0 = none
  renewal_notice_months INTEGER NOT NULL DEFAULT 3,
  previous_contract_id  INTEGER REFERENCES contracts (id),
  signed_on             TEXT,
  terminated_on         TEXT,
  termination_reason    TEXT NOT NULL DEFAULT '',
  created_by            TEXT NOT NULL DEFAULT '',
  created_at            TEXT NOT NULL,
  rev                   INTEGER NOT NULL DEFAULT 1,
  CHECK (end_date >= start_date)
);
CREATE INDEX contracts_tenant ON contracts (tenant_id);
CREATE INDEX contracts_state ON contracts (state, end_date);

CREATE TABLE contract_units (
  contract_id  INTEGER NOT NULL REFERENCES contracts (id),
  unit_id      INTEGER NOT NULL REFERENCES units (id),
  area         INTEGER NOT NULL CHECK (area > 0),
  PRIMARY KEY (contract_id, unit_id)
);
CREATE INDEX contract_units_unit ON contract_units (unit_id);

CREATE TABLE contract_events (
  id              INTEGER PRIMARY KEY,
  contract_id     INTEGER NOT NULL REFERENCES contracts (id),
  kind            TEXT NOT NULL CHECK (kind IN ('created', 'submitted', 'approved', 'rejected',
                                                'activated', 'amendment', 'renewal',
                                                'termination', 'expired')),
  state           TEXT NOT NULL DEFAULT 'done'
                  CHECK (state IN ('draft', 'submitted', 'approved', 'rejected', 'done')),
  effective_date  TEXT,
  terms_json      TEXT,
  comment         TEXT NOT NULL DEFAULT '',
  user            TEXT NOT NULL DEFAULT '',
  at              TEXT NOT NULL,
  rev             INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX contract_events_contract ON contract_events (contract_id);

CREATE TABLE deposit_entries (
  id           INTEGER PRIMARY KEY,
  contract_id  INTEGER NOT NULL REFERENCES contracts (id),
  kind         TEXT NOT NULL CHECK (kind IN ('received', 'deducted', 'topped_up', 'refunded', 'offset')),
  amount       INTEGER NOT NULL CHECK (amount > 0),
  date         TEXT NOT NULL,
  reason       TEXT NOT NULL DEFAULT '',
  user         TEXT NOT NULL DEFAULT '',
  at           TEXT NOT NULL
);

CREATE TABLE attachments (
  id           INTEGER PRIMARY KEY,
  entity       TEXT NOT NULL,
  entity_id    INTEGER NOT NULL,
  file_name    TEXT NOT NULL,
  stored_path  TEXT NOT NULL,
  size         INTEGER NOT NULL,
  sha256       TEXT NOT NULL,
  added_by     TEXT NOT NULL DEFAULT '',
  added_at     TEXT NOT NULL
);
CREATE INDEX attachments_entity ON attachments (entity, entity_id);

-- Billing. Issued bills are immutable: corrections reference the original.
CREATE TABLE bills (
  id                INTEGER PRIMARY KEY,
  code              TEXT NOT NULL UNIQUE,
  tenant_id         INTEGER NOT NULL REFERENCES tenants (id),
  contract_id       INTEGER REFERENCES contracts (id),
  month             TEXT NOT NULL,
  kind              TEXT NOT NULL DEFAULT 'regular'
                    CHECK (kind IN ('regular', 'credit_note', 'supplementary')),
  original_bill_id  INTEGER REFERENCES bills (id),
  state             TEXT NOT NULL DEFAULT 'issued' CHECK (state IN ('draft', 'issued', 'void')),
  issue_date        TEXT NOT NULL,
  due_date          TEXT NOT NULL,
  total             INTEGER NOT NULL,
  rev               INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX bills_regular_once ON bills (contract_id, month) WHERE kind = 'regular';
CREATE INDEX bills_tenant ON bills (tenant_id, month);

CREATE TABLE bill_lines (
  id           INTEGER PRIMARY KEY,
  bill_id      INTEGER NOT NULL REFERENCES bills (id),
  kind         TEXT NOT NULL CHECK (kind IN ('rent', 'percentage_rent', 'fee', 'promotion_fee',
                                             'late_fee', 'deposit', 'adjustment')),
  description  TEXT NOT NULL DEFAULT '',
  period_from  TEXT,
  period_to    TEXT,
  amount       INTEGER NOT NULL,
  estimated    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX bill_lines_bill ON bill_lines (bill_id);

CREATE TABLE payments (
  id           INTEGER PRIMARY KEY,
  tenant_id    INTEGER NOT NULL REFERENCES tenants (id),
  date         TEXT NOT NULL,
  amount       INTEGER NOT NULL,    -- negative for a reversal
  method       TEXT NOT NULL DEFAULT 'transfer'
               CHECK (method IN ('transfer', 'cash', 'pos', 'deposit_offset')),
  reference    TEXT NOT NULL DEFAULT '',
  reversal_of  INTEGER REFERENCES payments (id),
  user         TEXT NOT NULL DEFAULT '',
  at           TEXT NOT NULL
);
CREATE INDEX payments_tenant ON payments (tenant_id, date);

CREATE TABLE payment_allocations (
  payment_id    INTEGER NOT NULL REFERENCES payments (id),
  bill_line_id  INTEGER NOT NULL REFERENCES bill_lines (id),
  amount        INTEGER NOT NULL,
  PRIMARY KEY (payment_id, bill_line_id)
);
CREATE INDEX payment_allocations_line ON payment_allocations (bill_line_id);

CREATE TABLE dunning_letters (
  id         INTEGER PRIMARY KEY,
  tenant_id  INTEGER NOT NULL REFERENCES tenants (id),
  date       TEXT NOT NULL,
  amount     INTEGER NOT NULL,
  note       TEXT NOT NULL DEFAULT '',
  user       TEXT NOT NULL DEFAULT '',
  at         TEXT NOT NULL
);

-- Sales. Daily rows per unit; the monthly aggregate is kept in step by every
-- writer so charts never scan daily rows.
CREATE TABLE sales_daily (
  unit_id       INTEGER NOT NULL REFERENCES units (id),
  date          TEXT NOT NULL,
  amount        INTEGER NOT NULL CHECK (amount >= 0),
  transactions  INTEGER,
  source        TEXT NOT NULL DEFAULT 'pos' CHECK (source IN ('pos', 'manual', 'estimated')),
  PRIMARY KEY (unit_id, date)
) WITHOUT ROWID;

CREATE TABLE sales_monthly (
  unit_id         INTEGER NOT NULL REFERENCES units (id),
  month           TEXT NOT NULL,
  amount          INTEGER NOT NULL,
  transactions    INTEGER NOT NULL DEFAULT 0,
  days            INTEGER NOT NULL,
  estimated_days  INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (unit_id, month)
) WITHOUT ROWID;
CREATE INDEX sales_monthly_month ON sales_monthly (month);

CREATE TABLE footfall_daily (
  date   TEXT PRIMARY KEY,
  count  INTEGER NOT NULL CHECK (count >= 0)
) WITHOUT ROWID;

-- Targets (经营指标): month 0 is the whole year.
CREATE TABLE targets (
  id        INTEGER PRIMARY KEY,
  year      INTEGER NOT NULL,
  month     INTEGER NOT NULL CHECK (month BETWEEN 0 AND 12),
  scope     TEXT NOT NULL CHECK (scope IN ('mall', 'floor', 'category', 'tenant')),
  scope_id  INTEGER NOT NULL DEFAULT 0,
  amount    INTEGER NOT NULL CHECK (amount >= 0),
  rev       INTEGER NOT NULL DEFAULT 1,
  UNIQUE (year, month, scope, scope_id)
);

-- Promotions (促销活动).
CREATE TABLE promotions (
  id              INTEGER PRIMARY KEY,
  code            TEXT NOT NULL UNIQUE,
  name            TEXT NOT NULL,
  theme           TEXT NOT NULL DEFAULT '',
  mechanics       TEXT NOT NULL DEFAULT 'event'
                  CHECK (mechanics IN ('spend_save', 'discount', 'gift', 'points', 'event')),
  start_date      TEXT NOT NULL,
  end_date        TEXT NOT NULL,
  scope           TEXT NOT NULL DEFAULT 'mall' CHECK (scope IN ('mall', 'floors', 'categories')),
  state           TEXT NOT NULL DEFAULT 'draft'
                  CHECK (state IN ('draft', 'submitted', 'approved', 'rejected', 'cancelled')),
  budget_mall     INTEGER NOT NULL DEFAULT 0,
  budget_tenant   INTEGER NOT NULL DEFAULT 0,
  goal_uplift_bp  INTEGER NOT NULL DEFAULT 0,
  goal_footfall   INTEGER NOT NULL DEFAULT 0,
  notes           TEXT NOT NULL DEFAULT '',
  created_by      TEXT NOT NULL DEFAULT '',
  created_at      TEXT NOT NULL,
  rev             INTEGER NOT NULL DEFAULT 1,
  CHECK (end_date >= start_date)
);

CREATE TABLE promotion_scope (
  promotion_id  INTEGER NOT NULL REFERENCES promotions (id),
  kind          TEXT NOT NULL CHECK (kind IN ('floor', 'category')),
  ref_id        INTEGER NOT NULL,
  PRIMARY KEY (promotion_id, kind, ref_id)
);

CREATE TABLE promotion_participants (
  promotion_id  INTEGER NOT NULL REFERENCES promotions (id),
  tenant_id     INTEGER NOT NULL REFERENCES tenants (id),
  offer         TEXT NOT NULL DEFAULT '',
  status        TEXT NOT NULL DEFAULT 'invited' CHECK (status IN ('invited', 'confirmed', 'declined')),
  fee           INTEGER NOT NULL DEFAULT 0,
  rev           INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (promotion_id, tenant_id)
);

-- Leasing pipeline (招商).
CREATE TABLE prospects (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL,
  brand_id      INTEGER REFERENCES brands (id),
  category_id   INTEGER REFERENCES categories (id),
  wanted_area   INTEGER NOT NULL DEFAULT 0,
  contact       TEXT NOT NULL DEFAULT '',
  phone         TEXT NOT NULL DEFAULT '',
  source        TEXT NOT NULL DEFAULT '',
  stage         TEXT NOT NULL DEFAULT 'contact'
                CHECK (stage IN ('contact', 'negotiation', 'intent', 'approval', 'signed', 'dropped')),
  drop_reason   TEXT NOT NULL DEFAULT '',
  target_unit_id INTEGER REFERENCES units (id),
  contract_id   INTEGER REFERENCES contracts (id),
  owner         TEXT NOT NULL DEFAULT '',
  created_at    TEXT NOT NULL,
  rev           INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE negotiations (
  id           INTEGER PRIMARY KEY,
  prospect_id  INTEGER NOT NULL REFERENCES prospects (id),
  date         TEXT NOT NULL,
  who          TEXT NOT NULL DEFAULT '',
  offer        TEXT NOT NULL DEFAULT '',
  terms_json   TEXT,
  next_step    TEXT NOT NULL DEFAULT '',
  rev          INTEGER NOT NULL DEFAULT 1
);

-- Fit-out (二次装修).
CREATE TABLE fitouts (
  id           INTEGER PRIMARY KEY,
  contract_id  INTEGER NOT NULL REFERENCES contracts (id),
  start_date   TEXT NOT NULL,
  due_date     TEXT NOT NULL,
  opened_on    TEXT,
  state        TEXT NOT NULL DEFAULT 'planned'
               CHECK (state IN ('planned', 'drawings', 'building', 'inspection', 'opened')),
  rev          INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE fitout_drawings (
  id            INTEGER PRIMARY KEY,
  fitout_id     INTEGER NOT NULL REFERENCES fitouts (id),
  kind          TEXT NOT NULL CHECK (kind IN ('shop_front', 'construction')),
  version       INTEGER NOT NULL,
  submitted_on  TEXT NOT NULL,
  state         TEXT NOT NULL DEFAULT 'submitted' CHECK (state IN ('submitted', 'approved', 'rejected')),
  comment       TEXT NOT NULL DEFAULT '',
  rev           INTEGER NOT NULL DEFAULT 1,
  UNIQUE (fitout_id, kind, version)
);

CREATE TABLE fitout_inspections (
  id         INTEGER PRIMARY KEY,
  fitout_id  INTEGER NOT NULL REFERENCES fitouts (id),
  date       TEXT NOT NULL,
  result     TEXT NOT NULL CHECK (result IN ('pass', 'fail')),
  notes      TEXT NOT NULL DEFAULT '',
  rev        INTEGER NOT NULL DEFAULT 1
);

-- Review and replacement (末位淘汰, 清退).
CREATE TABLE tenant_reviews (
  id         INTEGER PRIMARY KEY,
  quarter    TEXT NOT NULL,               -- '2026-Q3'
  tenant_id  INTEGER NOT NULL REFERENCES tenants (id),
  score      INTEGER NOT NULL,            -- 0..10000
  rank       INTEGER NOT NULL,
  reasons    TEXT NOT NULL DEFAULT '',
  proposal   TEXT NOT NULL DEFAULT 'keep' CHECK (proposal IN ('keep', 'warn', 'relocate', 'replace')),
  state      TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'submitted', 'approved', 'rejected')),
  comment    TEXT NOT NULL DEFAULT '',
  rev        INTEGER NOT NULL DEFAULT 1,
  UNIQUE (quarter, tenant_id)
);

CREATE TABLE evictions (
  id             INTEGER PRIMARY KEY,
  contract_id    INTEGER NOT NULL REFERENCES contracts (id),
  notice_date    TEXT NOT NULL,
  deadline       TEXT NOT NULL,
  handover_date  TEXT,
  state          TEXT NOT NULL DEFAULT 'notified'
                 CHECK (state IN ('notified', 'handed_over', 'settled', 'cancelled')),
  reason         TEXT NOT NULL DEFAULT '',
  rev            INTEGER NOT NULL DEFAULT 1
);

-- The change feed and audit trail: append only.
CREATE TABLE change_log (
  seq        INTEGER PRIMARY KEY AUTOINCREMENT,
  at         TEXT NOT NULL,
  user       TEXT NOT NULL,
  host       TEXT NOT NULL DEFAULT '',
  entity     TEXT NOT NULL,
  entity_id  INTEGER NOT NULL DEFAULT 0,
  action     TEXT NOT NULL,
  summary    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX change_log_entity ON change_log (entity, entity_id);

CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
BEGIN
  SELECT RAISE (ABORT, 'change_log is append-only');
END;

CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
BEGIN
  SELECT RAISE (ABORT, 'change_log is append-only');
END;
