/* plaza-list-query.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One SQL query per list. Every query returns the row id and rev first, then
 * one result column per PlazaColumn, in the same order.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "plaza-contract-schedule.h"
#include "plaza-list-query.h"

/* Unpaid part of every bill: total minus the payments allocated to its lines. */
#define BILL_BALANCES_CTE \
  "WITH bill_paid AS (" \
  "  SELECT bl.bill_id AS bill_id, SUM (pa.amount) AS paid" \
  "  FROM bill_lines bl JOIN payment_allocations pa ON pa.bill_line_id = bl.id" \
  "  GROUP BY bl.bill_id), " \
  "bill_balance AS (" \
  "  SELECT b.id AS id, b.tenant_id AS tenant_id, b.state AS state, b.due_date AS due_date," \
  "         b.total AS total, COALESCE (bp.paid, 0) AS paid," \
  "         b.total - COALESCE (bp.paid, 0) AS balance" \
  "  FROM bills b LEFT JOIN bill_paid bp ON bp.bill_id = b.id) "

/* ---- tenants ---- */

static const PlazaColumn tenant_columns[] = {
  { "code", N_("Code"), PLAZA_COLUMN_TEXT, FALSE },
  { "name", N_("Name"), PLAZA_COLUMN_TEXT, TRUE },
  { "brands", N_("Brands"), PLAZA_COLUMN_TEXT, TRUE },
  { "category", N_("Category"), PLAZA_COLUMN_TEXT, FALSE },
  { "contact", N_("Contact"), PLAZA_COLUMN_TEXT, FALSE },
  { "phone", N_("Phone"), PLAZA_COLUMN_TEXT, FALSE },
  { "units", N_("Units"), PLAZA_COLUMN_INT, FALSE },
  { "contracts", N_("Active Contracts"), PLAZA_COLUMN_INT, FALSE },
  { "arrears", N_("Arrears"), PLAZA_COLUMN_MONEY, FALSE },
  { "status", N_("Status"), PLAZA_COLUMN_STATE, FALSE },
};

/* Aggregates are computed once per query and joined, not per tenant. */
static const char tenant_sql[] =
  "WITH bill_paid AS ("
  "  SELECT bl.bill_id AS bill_id, SUM (pa.amount) AS paid"
  "  FROM bill_lines bl JOIN payment_allocations pa ON pa.bill_line_id = bl.id"
  "  GROUP BY bl.bill_id), "
  "arrears AS ("
  "  SELECT b.tenant_id AS tenant_id, SUM (b.total - COALESCE (bp.paid, 0)) AS amount"
  "  FROM bills b LEFT JOIN bill_paid bp ON bp.bill_id = b.id"
  "  WHERE b.state = 'issued' AND b.due_date < date ('now', 'localtime')"
  "  GROUP BY b.tenant_id), "
  "leases AS ("
  "  SELECT c.tenant_id AS tenant_id, COUNT (DISTINCT c.id) AS contracts,"
  "         COUNT (DISTINCT cu.unit_id) AS units"
  "  FROM contracts c LEFT JOIN contract_units cu ON cu.contract_id = c.id"
  "  WHERE c.state = 'active' GROUP BY c.tenant_id), "
  "contact AS ("
  "  SELECT tenant_id, name, phone,"
  "         ROW_NUMBER () OVER (PARTITION BY tenant_id ORDER BY id) AS k"
  "  FROM tenant_contacts) "
  "SELECT t.id, t.rev, t.code, t.name,"
  "  (SELECT group_concat (name, ', ') FROM"
  "     (SELECT br.name AS name FROM tenant_brands tb JOIN brands br ON br.id = tb.brand_id"
  "      WHERE tb.tenant_id = t.id ORDER BY br.name)),"
  "  cat.name, co.name, NULLIF (co.phone, ''),"
  "  COALESCE (l.units, 0), COALESCE (l.contracts, 0),"
  /* A trading tenant reads differently from an active contract (在营, not 生效). */
  "  MAX (0, COALESCE (ar.amount, 0)), CASE t.status WHEN 'active' THEN 'trading' ELSE t.status END "
  "FROM tenants t LEFT JOIN categories cat ON cat.id = t.category_id"
  "  LEFT JOIN arrears ar ON ar.tenant_id = t.id"
  "  LEFT JOIN leases l ON l.tenant_id = t.id"
  "  LEFT JOIN contact co ON co.tenant_id = t.id AND co.k = 1 "
  "ORDER BY t.code";

/* ---- units ---- */

static const PlazaColumn unit_columns[] = {
  { "code", N_("Unit"), PLAZA_COLUMN_TEXT, FALSE },
  { "floor", N_("Floor"), PLAZA_COLUMN_TEXT, FALSE },
  { "category", N_("Planned Category"), PLAZA_COLUMN_TEXT, FALSE },
  { "gross_area", N_("Gross Area"), PLAZA_COLUMN_AREA, FALSE },
  { "rentable_area", N_("Rentable Area"), PLAZA_COLUMN_AREA, FALSE },
  { "status", N_("Status"), PLAZA_COLUMN_STATE, FALSE },
  { "tenant", N_("Tenant"), PLAZA_COLUMN_TEXT, TRUE },
  { "contract_end", N_("Contract Ends"), PLAZA_COLUMN_DATE, FALSE },
  { "days_vacant", N_("Days Vacant"), PLAZA_COLUMN_INT, FALSE },
};

/* The current contract of a unit: the active one ending last. CROSS JOIN
 * keeps SQLite walking from the unit's contract_units rows (it would rather
 * scan every active contract for each unit). */
static const char unit_sql[] =
  "SELECT u.id, u.rev, u.code, f.label, cat.name, u.gross_area, u.rentable_area, u.status,"
  "  t.name, c.end_date,"
  "  CASE WHEN u.status = 'vacant' AND u.vacant_since IS NOT NULL"
  "       THEN MAX (0, CAST (julianday (date ('now', 'localtime')) - julianday (u.vacant_since) AS INTEGER))"
  "  END "
  "FROM units u JOIN floors f ON f.id = u.floor_id"
  "  LEFT JOIN categories cat ON cat.id = u.planned_category_id"
  "  LEFT JOIN contracts c ON c.id = ("
  "    SELECT cu.contract_id FROM contract_units cu CROSS JOIN contracts cc"
  "    WHERE cu.unit_id = u.id AND cc.id = cu.contract_id AND cc.state = 'active'"
  "    ORDER BY cc.end_date DESC, cc.id DESC LIMIT 1)"
  "  LEFT JOIN tenants t ON t.id = c.tenant_id "
  "WHERE u.status <> 'retired' "
  "ORDER BY f.level, u.code";

/* ---- leasing pipeline ---- */

static const PlazaColumn prospect_columns[] = {
  { "name", N_("Prospect"), PLAZA_COLUMN_TEXT, TRUE },
  { "brand", N_("Brand"), PLAZA_COLUMN_TEXT, TRUE },
  { "category", N_("Category"), PLAZA_COLUMN_TEXT, FALSE },
  { "wanted_area", N_("Wanted Area"), PLAZA_COLUMN_AREA, FALSE },
  { "stage", N_("Stage"), PLAZA_COLUMN_STATE, FALSE },
  { "contact", N_("Contact"), PLAZA_COLUMN_TEXT, FALSE },
  { "phone", N_("Phone"), PLAZA_COLUMN_TEXT, FALSE },
  { "source", N_("Source"), PLAZA_COLUMN_TEXT, FALSE },
  { "target_unit", N_("Target Unit"), PLAZA_COLUMN_TEXT, FALSE },
  { "last_contact", N_("Last Contact"), PLAZA_COLUMN_DATE, FALSE },
  { "next_step", N_("Next Step"), PLAZA_COLUMN_TEXT, TRUE },
  { "owner", N_("Owner"), PLAZA_COLUMN_TEXT, FALSE },
};

/* Open prospects first, most recently contacted first. */
static const char prospect_sql[] =
  "WITH latest AS ("
  "  SELECT n.prospect_id AS prospect_id, n.date AS date, n.next_step AS next_step,"
  "         ROW_NUMBER () OVER (PARTITION BY n.prospect_id ORDER BY n.date DESC, n.id DESC) AS k"
  "  FROM negotiations n) "
  "SELECT p.id, p.rev, p.name, br.name, cat.name, p.wanted_area, p.stage,"
  "  NULLIF (p.contact, ''), NULLIF (p.phone, ''), NULLIF (p.source, ''), u.code,"
  "  l.date, NULLIF (l.next_step, ''), NULLIF (p.owner, '') "
  "FROM prospects p LEFT JOIN brands br ON br.id = p.brand_id"
  "  LEFT JOIN categories cat ON cat.id = COALESCE (p.category_id, br.category_id)"
  "  LEFT JOIN units u ON u.id = p.target_unit_id"
  "  LEFT JOIN latest l ON l.prospect_id = p.id AND l.k = 1 "
  "ORDER BY p.stage IN ('signed', 'dropped'), l.date DESC NULLS LAST, p.id";

/* ---- contracts ---- */

static const PlazaColumn contract_columns[] = {
  { "code", N_("Number"), PLAZA_COLUMN_TEXT, FALSE },
  { "tenant", N_("Tenant"), PLAZA_COLUMN_TEXT, TRUE },
  { "brand", N_("Brand"), PLAZA_COLUMN_TEXT, FALSE },
  { "units", N_("Units"), PLAZA_COLUMN_TEXT, TRUE },
  { "floor", N_("Floor"), PLAZA_COLUMN_TEXT, FALSE },
  { "area", N_("Area"), PLAZA_COLUMN_AREA, FALSE },
  { "kind", N_("Type"), PLAZA_COLUMN_STATE, FALSE },
  { "model", N_("Rent Model"), PLAZA_COLUMN_STATE, FALSE },
  { "state", N_("State"), PLAZA_COLUMN_STATE, FALSE },
  { "start", N_("Start"), PLAZA_COLUMN_DATE, FALSE },
  { "end", N_("End"), PLAZA_COLUMN_DATE, FALSE },
  { "monthly_rent", N_("Monthly Rent"), PLAZA_COLUMN_MONEY, FALSE },
  { "deposit", N_("Deposit"), PLAZA_COLUMN_MONEY, FALSE },
};

/* Floors: the distinct floor labels of the units, lowest level first.
 * "Monthly Rent" is the stored indicative figure here; for active contracts
 * the query run replaces it with the rent now (see fill_rent_now ()). */
static const char contract_sql[] =
  "SELECT c.id, c.rev, c.code, t.name, br.name,"
  "  (SELECT group_concat (code, ', ') FROM"
  "     (SELECT u.code AS code FROM contract_units cu JOIN units u ON u.id = cu.unit_id"
  "      WHERE cu.contract_id = c.id ORDER BY u.code)),"
  "  (SELECT group_concat (label, ', ') FROM"
  "     (SELECT f.label AS label FROM contract_units cu JOIN units u ON u.id = cu.unit_id"
  "      JOIN floors f ON f.id = u.floor_id"
  "      WHERE cu.contract_id = c.id GROUP BY f.id ORDER BY f.level, f.label)),"
  "  (SELECT SUM (cu.area) FROM contract_units cu WHERE cu.contract_id = c.id),"
  "  c.kind, c.model, c.state, c.start_date, c.end_date, c.monthly_rent, c.deposit_amount "
  "FROM contracts c JOIN tenants t ON t.id = c.tenant_id"
  "  LEFT JOIN brands br ON br.id = c.brand_id "
  "ORDER BY c.code";

/* ---- bills ---- */

static const PlazaColumn bill_columns[] = {
  { "code", N_("Number"), PLAZA_COLUMN_TEXT, FALSE },
  { "tenant", N_("Tenant"), PLAZA_COLUMN_TEXT, TRUE },
  { "contract", N_("Contract"), PLAZA_COLUMN_TEXT, FALSE },
  { "month", N_("Month"), PLAZA_COLUMN_TEXT, FALSE },
  { "kind", N_("Type"), PLAZA_COLUMN_STATE, FALSE },
  { "due_date", N_("Due"), PLAZA_COLUMN_DATE, FALSE },
  { "amount", N_("Amount"), PLAZA_COLUMN_MONEY, FALSE },
  { "paid", N_("Paid"), PLAZA_COLUMN_MONEY, FALSE },
  { "balance", N_("Balance"), PLAZA_COLUMN_MONEY, FALSE },
  { "state", N_("State"), PLAZA_COLUMN_STATE, FALSE },
};

static const char bill_sql[] =
  BILL_BALANCES_CTE
  "SELECT b.id, b.rev, b.code, t.name, c.code, b.month, b.kind, b.due_date,"
  "  bb.total, bb.paid, bb.balance, b.state "
  "FROM bills b JOIN bill_balance bb ON bb.id = b.id"
  "  JOIN tenants t ON t.id = b.tenant_id"
  "  LEFT JOIN contracts c ON c.id = b.contract_id "
  "ORDER BY b.month DESC, b.code";

/* ---- sales ---- */

static const PlazaColumn sales_columns[] = {
  { "month", N_("Month"), PLAZA_COLUMN_TEXT, FALSE },
  { "unit", N_("Unit"), PLAZA_COLUMN_TEXT, FALSE },
  { "tenant", N_("Tenant"), PLAZA_COLUMN_TEXT, TRUE },
  { "floor", N_("Floor"), PLAZA_COLUMN_TEXT, FALSE },
  { "category", N_("Category"), PLAZA_COLUMN_TEXT, FALSE },
  { "amount", N_("Sales"), PLAZA_COLUMN_MONEY, FALSE },
  { "transactions", N_("Transactions"), PLAZA_COLUMN_INT, FALSE },
  { "per_m2", N_("Sales per m²"), PLAZA_COLUMN_MONEY, FALSE },
  { "days", N_("Days"), PLAZA_COLUMN_INT, FALSE },
  { "estimated_days", N_("Estimated Days"), PLAZA_COLUMN_INT, FALSE },
};

/* sales_monthly only (never the daily rows). The tenant is the one whose
 * contract covered the unit in that month; sales per m² is fen per m² of
 * rentable area, rounded half up. The id is unit × 10⁶ + yyyymm. */
static const char sales_sql[] =
  "WITH tenancy AS ("
  "  SELECT s.unit_id AS unit_id, s.month AS month, t.name AS tenant, t.category_id AS category_id,"
  "         ROW_NUMBER () OVER (PARTITION BY s.unit_id, s.month"
  "                             ORDER BY c.state = 'active' DESC, c.start_date DESC, c.id DESC) AS k"
  "  FROM sales_monthly s JOIN contract_units cu ON cu.unit_id = s.unit_id"
  "  JOIN contracts c ON c.id = cu.contract_id"
  "  JOIN tenants t ON t.id = c.tenant_id"
  "  WHERE c.state IN ('active', 'expired', 'terminated', 'renewed')"
  "    AND c.start_date <= s.month || '-31' AND c.end_date >= s.month || '-01') "
  "SELECT s.unit_id * 1000000 + CAST (substr (s.month, 1, 4) AS INTEGER) * 100"
  "         + CAST (substr (s.month, 6, 2) AS INTEGER),"
  "  1, s.month, u.code, ty.tenant, f.label, COALESCE (tcat.name, ucat.name),"
  "  s.amount, s.transactions,"
  "  CASE WHEN s.amount >= 0 THEN (s.amount * 100 + u.rentable_area / 2) / u.rentable_area"
  "       ELSE -((-s.amount * 100 + u.rentable_area / 2) / u.rentable_area) END,"
  "  s.days, s.estimated_days "
  "FROM sales_monthly s JOIN units u ON u.id = s.unit_id"
  "  JOIN floors f ON f.id = u.floor_id"
  "  LEFT JOIN tenancy ty ON ty.unit_id = s.unit_id AND ty.month = s.month AND ty.k = 1"
  "  LEFT JOIN categories tcat ON tcat.id = ty.category_id"
  "  LEFT JOIN categories ucat ON ucat.id = u.planned_category_id "
  "ORDER BY s.month DESC, f.level, u.code";

/* ---- promotions ---- */

static const PlazaColumn promotion_columns[] = {
  { "code", N_("Code"), PLAZA_COLUMN_TEXT, FALSE },
  { "name", N_("Name"), PLAZA_COLUMN_TEXT, TRUE },
  { "theme", N_("Theme"), PLAZA_COLUMN_TEXT, TRUE },
  { "mechanics", N_("Mechanics"), PLAZA_COLUMN_STATE, FALSE },
  { "start", N_("Start"), PLAZA_COLUMN_DATE, FALSE },
  { "end", N_("End"), PLAZA_COLUMN_DATE, FALSE },
  { "state", N_("State"), PLAZA_COLUMN_STATE, FALSE },
  { "participants", N_("Participants"), PLAZA_COLUMN_INT, FALSE },
  { "budget", N_("Mall Budget"), PLAZA_COLUMN_MONEY, FALSE },
  { "tenant_budget", N_("Tenant Budget"), PLAZA_COLUMN_MONEY, FALSE },
};

/* Participants: tenants invited or confirmed (not those who declined). */
static const char promotion_sql[] =
  "SELECT p.id, p.rev, p.code, p.name, NULLIF (p.theme, ''), p.mechanics, p.start_date,"
  "  p.end_date, p.state,"
  "  (SELECT COUNT (*) FROM promotion_participants pp"
  "   WHERE pp.promotion_id = p.id AND pp.status <> 'declined'),"
  "  p.budget_mall, p.budget_tenant "
  "FROM promotions p "
  "ORDER BY p.start_date DESC, p.code";

typedef struct
{
  const char        *name;
  const PlazaColumn *columns;
  guint              n_columns;
  const char        *sql;
} ListInfo;

static const ListInfo lists[PLAZA_N_LISTS] = {
  [PLAZA_LIST_TENANTS] = { "tenants", tenant_columns, G_N_ELEMENTS (tenant_columns), tenant_sql },
  [PLAZA_LIST_UNITS] = { "units", unit_columns, G_N_ELEMENTS (unit_columns), unit_sql },
  [PLAZA_LIST_PROSPECTS] = { "leasing", prospect_columns, G_N_ELEMENTS (prospect_columns), prospect_sql },
  [PLAZA_LIST_CONTRACTS] = { "contracts", contract_columns, G_N_ELEMENTS (contract_columns), contract_sql },
  [PLAZA_LIST_BILLS] = { "billing", bill_columns, G_N_ELEMENTS (bill_columns), bill_sql },
  [PLAZA_LIST_SALES] = { "sales", sales_columns, G_N_ELEMENTS (sales_columns), sales_sql },
  [PLAZA_LIST_PROMOTIONS] = { "promotions", promotion_columns, G_N_ELEMENTS (promotion_columns), promotion_sql },
};

/* ---- state labels ---- */

typedef struct
{
  const char *code;
  const char *label;
} StateLabel;

/* Every code from the schema's CHECK constraints. */
static const StateLabel state_labels[] = {
  /* users.role */
  { "viewer", N_("Viewer") },
  { "clerk", N_("Clerk") },
  { "planner", N_("Planner") },
  { "manager", N_("Manager") },
  { "admin", N_("Administrator") },
  /* units.status, unit_history.kind */
  { "vacant", N_("Vacant") },
  { "leased", N_("Leased") },
  { "reserved", N_("Reserved") },
  { "fitout", N_("Fit-out") },
  { "closed", N_("Closed") },
  { "retired", N_("Retired") },
  { "split", N_("Split") },
  { "merge", N_("Merge") },
  { "resize", N_("Resize") },
  { "status", N_("Status change") },
  /* brands.tier */
  { "flagship", N_("Flagship") },
  /* tenants.status */
  { "prospect", N_("Prospect") },
  { "active", N_("Active") },
  { "trading", N_("Trading") },
  { "leaving", N_("Leaving") },
  { "former", N_("Former") },
  /* complaints.kind */
  { "complaint", N_("Complaint") },
  { "inspection", N_("Inspection") },
  /* contracts */
  { "lease", N_("Lease") },
  { "concession", N_("Concession") },
  { "draft", N_("Draft") },
  { "submitted", N_("Submitted") },
  { "approved", N_("Approved") },
  { "expired", N_("Expired") },
  { "terminated", N_("Terminated") },
  { "renewed", N_("Renewed") },
  { "fixed", N_("Fixed rent") },
  { "percentage", N_("Percentage rent") },
  { "higher_of", N_("Higher of") },
  { "rentable", N_("Rentable area") },
  { "gross", N_("Gross area") },
  /* contract_events */
  { "created", N_("Created") },
  { "rejected", N_("Rejected") },
  { "activated", N_("Activated") },
  { "amendment", N_("Amendment") },
  { "renewal", N_("Renewal") },
  { "termination", N_("Termination") },
  { "done", N_("Done") },
  /* deposit_entries.kind */
  { "received", N_("Received") },
  { "deducted", N_("Deducted") },
  { "topped_up", N_("Topped up") },
  { "refunded", N_("Refunded") },
  { "offset", N_("Offset") },
  /* bills, bill_lines */
  { "regular", N_("Regular") },
  { "credit_note", N_("Credit note") },
  { "supplementary", N_("Supplementary") },
  { "issued", N_("Issued") },
  { "void", N_("Void") },
  { "rent", N_("Rent") },
  { "percentage_rent", N_("Percentage rent") },
  { "fee", N_("Fee") },
  { "promotion_fee", N_("Promotion fee") },
  { "late_fee", N_("Late fee") },
  { "deposit", N_("Deposit") },
  { "adjustment", N_("Adjustment") },
  /* payments.method */
  { "transfer", N_("Bank transfer") },
  { "cash", N_("Cash") },
  { "pos", N_("POS") },
  { "deposit_offset", N_("Deposit offset") },
  /* sales_daily.source */
  { "manual", N_("Manual") },
  { "estimated", N_("Estimated") },
  /* targets.scope, promotions.scope */
  { "mall", N_("Whole mall") },
  { "floor", N_("Floor") },
  { "category", N_("Category") },
  { "tenant", N_("Tenant") },
  { "floors", N_("Floors") },
  { "categories", N_("Categories") },
  /* promotions.mechanics, .state */
  { "spend_save", N_("Spend and save") },
  { "discount", N_("Discount") },
  { "gift", N_("Gift") },
  { "points", N_("Points") },
  { "event", N_("Event") },
  { "cancelled", N_("Cancelled") },
  /* promotion_participants.status */
  { "invited", N_("Invited") },
  { "confirmed", N_("Confirmed") },
  { "declined", N_("Declined") },
  /* prospects.stage */
  { "contact", N_("First contact") },
  { "negotiation", N_("Negotiation") },
  { "intent", N_("Letter of intent") },
  { "approval", N_("Approval") },
  { "signed", N_("Signed") },
  { "dropped", N_("Dropped") },
  /* fitouts.state, fitout_drawings, fitout_inspections */
  { "planned", N_("Planned") },
  { "drawings", N_("Drawings") },
  { "building", N_("Building") },
  { "opened", N_("Opened") },
  { "shop_front", N_("Shop front") },
  { "construction", N_("Construction") },
  { "pass", N_("Passed") },
  { "fail", N_("Failed") },
  /* tenant_reviews.proposal */
  { "keep", N_("Keep") },
  { "warn", N_("Warn") },
  { "relocate", N_("Relocate") },
  { "replace", N_("Replace") },
  /* evictions.state */
  { "notified", N_("Notified") },
  { "handed_over", N_("Handed over") },
  { "settled", N_("Settled") },
};

static GHashTable *
get_state_table (void)
{
  static GHashTable *table = NULL;

  if (g_once_init_enter (&table))
    {
      GHashTable *t = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < G_N_ELEMENTS (state_labels); i++)
        g_hash_table_insert (t, (gpointer) state_labels[i].code, (gpointer) state_labels[i].label);
      g_once_init_leave (&table, t);
    }
  return table;
}

/* ---- public API ---- */

const char *
plaza_list_kind_to_string (PlazaListKind kind)
{
  g_return_val_if_fail (kind < PLAZA_N_LISTS, NULL);
  return lists[kind].name;
}

gboolean
plaza_list_kind_from_string (const char    *name,
                             PlazaListKind *kind)
{
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < PLAZA_N_LISTS; i++)
    {
      if (strcmp (lists[i].name, name) == 0)
        {
          if (kind != NULL)
            *kind = (PlazaListKind) i;
          return TRUE;
        }
    }
  return FALSE;
}

const PlazaColumn *
plaza_list_get_columns (PlazaListKind  kind,
                        guint         *n_columns)
{
  g_return_val_if_fail (kind < PLAZA_N_LISTS, NULL);

  if (n_columns != NULL)
    *n_columns = lists[kind].n_columns;
  return lists[kind].columns;
}

static PlazaRecord *
record_from_row (sqlite3_stmt      *stmt,
                 const PlazaColumn *columns,
                 guint              n_columns)
{
  PlazaRecord *record = plaza_record_new (sqlite3_column_int64 (stmt, 0), n_columns);

  plaza_record_set_rev (record, sqlite3_column_int64 (stmt, 1));

  for (guint i = 0; i < n_columns; i++)
    {
      int col = (int) i + 2;

      if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
        continue;

      switch (columns[i].type)
        {
        case PLAZA_COLUMN_INT:
        case PLAZA_COLUMN_MONEY:
        case PLAZA_COLUMN_AREA:
        case PLAZA_COLUMN_PERCENT:
          plaza_record_set_int (record, i, sqlite3_column_int64 (stmt, col));
          break;

        case PLAZA_COLUMN_TEXT:
        case PLAZA_COLUMN_STATE:
        case PLAZA_COLUMN_DATE:
        default:
          plaza_record_set_text (record, i, (const char *) sqlite3_column_text (stmt, col));
          break;
        }
    }
  return record;
}

/* Lets a cancel stop a long query between two rows too (a slow share can
 * take seconds to produce the first one). */
static int
progress_cb (gpointer user_data)
{
  return g_cancellable_is_cancelled (user_data) ? 1 : 0;
}

static guint
column_index (const ListInfo *info,
              const char     *id)
{
  for (guint i = 0; i < info->n_columns; i++)
    if (strcmp (info->columns[i].id, id) == 0)
      return i;
  g_assert_not_reached ();
  return 0;
}

static char *
local_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* An active contract's "Monthly Rent" is the base rent of the current month
 * by its schedule (amendments included); others keep the stored indicative
 * figure, and so does an active contract whose terms the engine refuses. */
static void
fill_rent_now (PlazaStore     *store,
               const ListInfo *info,
               PlazaRecord    *record,
               const char     *today)
{
  guint state_col = column_index (info, "state");
  guint rent_col = column_index (info, "monthly_rent");
  g_autoptr(GError) error = NULL;
  gint64 rent = 0;

  if (g_strcmp0 (plaza_record_get_text (record, state_col), "active") != 0)
    return;
  if (!plaza_contract_rent_now (store, plaza_record_get_id (record), today, &rent, &error))
    {
      g_debug ("Rent now of contract %" G_GINT64_FORMAT ": %s", plaza_record_get_id (record),
               error->message);
      return;
    }
  plaza_record_set_int (record, rent_col, rent);
}

static gboolean
run_query (PlazaStore           *store,
           const ListInfo       *info,
           guint                 batch_size,
           PlazaRecordBatchFunc  func,
           gpointer              user_data,
           GCancellable         *cancellable,
           GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) batch = NULL;
  g_autofree char *today = NULL;
  gboolean rent_now = info->columns == lists[PLAZA_LIST_CONTRACTS].columns;
  int rc;

  if (rent_now)
    today = local_today ();
  stmt = plaza_store_prepare (store, info->sql, error);
  if (stmt == NULL)
    return FALSE;
  g_assert (sqlite3_column_count (stmt) == (int) info->n_columns + 2);

  batch = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PlazaRecord *record = record_from_row (stmt, info->columns, info->n_columns);

      if (rent_now)
        fill_rent_now (store, info, record, today);
      g_ptr_array_add (batch, record);
      if (batch->len >= batch_size)
        {
          func (g_steal_pointer (&batch), user_data);
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          batch = g_ptr_array_new_with_free_func (g_object_unref);
        }
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (rc != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);

  if (batch->len > 0)
    func (g_steal_pointer (&batch), user_data);
  return TRUE;
}

gboolean
plaza_list_query_run (PlazaStore           *store,
                      PlazaListKind         kind,
                      guint                 batch_size,
                      PlazaRecordBatchFunc  func,
                      gpointer              user_data,
                      GCancellable         *cancellable,
                      GError              **error)
{
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);
  g_return_val_if_fail (kind < PLAZA_N_LISTS, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);

  if (batch_size == 0)
    batch_size = G_MAXUINT;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  db = plaza_store_get_db (store);
  if (cancellable != NULL)
    sqlite3_progress_handler (db, 4000, progress_cb, cancellable);
  ok = run_query (store, &lists[kind], batch_size, func, user_data, cancellable, error);
  if (cancellable != NULL)
    sqlite3_progress_handler (db, 0, NULL, NULL);
  return ok;
}

static void
collect_rows_cb (GPtrArray *records,
                 gpointer   user_data)
{
  GPtrArray *all = user_data;

  g_ptr_array_extend_and_steal (all, records);
}

GPtrArray *
plaza_list_query_rows (PlazaStore    *store,
                       PlazaListKind  kind,
                       const gint64  *ids,
                       guint          n_ids,
                       GError       **error)
{
  const ListInfo *info;
  g_autoptr(sqlite3_stmt) probe = NULL;
  g_autoptr(GString) id_list = g_string_new ("");
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *id_column = NULL;
  ListInfo only;

  g_return_val_if_fail (PLAZA_IS_STORE (store), NULL);
  g_return_val_if_fail (kind < PLAZA_N_LISTS, NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  info = &lists[kind];
  rows = g_ptr_array_new_with_free_func (g_object_unref);
  if (n_ids == 0)
    return g_steal_pointer (&rows);

  /* The list's own query, filtered on its first (id) column. */
  probe = plaza_store_prepare (store, info->sql, error);
  if (probe == NULL)
    return NULL;
  id_column = g_strdup (sqlite3_column_name (probe, 0));
  for (const char *p = id_column; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '_')
      {
        g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                     "List %s has no plain id column", info->name);
        return NULL;
      }
  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (id_list, "%s%lld", i > 0 ? ", " : "", (long long) ids[i]);
  only = *info;
  only.sql = g_strdup_printf ("SELECT * FROM (%s) WHERE \"%s\" IN (%s)", info->sql, id_column, id_list->str);
  if (!run_query (store, &only, G_MAXUINT, collect_rows_cb, rows, NULL, error))
    {
      g_free ((char *) only.sql);
      return NULL;
    }
  g_free ((char *) only.sql);
  return g_steal_pointer (&rows);
}

const char *
plaza_state_label (const char *code)
{
  const char *label;

  if (code == NULL)
    return NULL;
  label = g_hash_table_lookup (get_state_table (), code);
  if (label == NULL)
    return code;
  return _(label);
}
