/* test-promotion.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Promotions: the approval lifecycle and locking, validation, the rev check,
 * the clash check, and the evaluation's arithmetic on hand-made sales (the
 * expected numbers are worked out in the comments), plus the CLI and one run
 * on a small demo.
 */

#include "config.h"

#include <string.h>

#include "plaza-date.h"
#include "plaza-demo.h"
#include "plaza-promotion-choices.h"
#include "plaza-promotion-eval.h"
#include "plaza-promotion.h"
#include "test-util.h"

typedef struct
{
  char       *dir;
  char       *path;
  PlazaStore *store;
} Fixture;

/* Floors 1 (1F) and 2 (2F); categories 1 (餐饮) and 2 (服饰).
 * T1 (cat 1): unit 1 under C1; unit 4 under C4, terminated on 2026-06-03.
 * T2 (cat 1): unit 2 under C2.  T3 (cat 2): unit 3 under C3.
 * Daily sales (fen), constant per window:
 *   window           dates                      u1     u2    u3    u4
 *   promotion        2026-06-01 … 06-07         12000  5000  3000  1000
 *   last year        2025-06-02 … 06-08 (−364)  10000  4000  3500  1000
 *   four weeks       2026-05-04 … 05-31          9000  4000  2000  1000
 * plus outliers on 2026-05-03 and 2026-06-08 (just outside) that must not count. */
static gboolean
fixture_rows (PlazaStore  *store,
              gpointer     data G_GNUC_UNUSED,
              GError     **error)
{
  static const struct { int unit; const char *from; int days; int amount; } sales[] = {
    { 1, "2026-06-01", 7, 12000 }, { 2, "2026-06-01", 7, 5000 }, { 3, "2026-06-01", 7, 3000 }, { 4, "2026-06-01", 7, 1000 },
    { 1, "2025-06-02", 7, 10000 }, { 2, "2025-06-02", 7, 4000 }, { 3, "2025-06-02", 7, 3500 }, { 4, "2025-06-02", 7, 1000 },
    { 1, "2026-05-04", 28, 9000 }, { 2, "2026-05-04", 28, 4000 }, { 3, "2026-05-04", 28, 2000 }, { 4, "2026-05-04", 28, 1000 },
    { 1, "2026-05-03", 1, 999999 }, { 1, "2026-06-08", 1, 999999 }, { 3, "2025-06-09", 1, 999999 },
  };
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!plaza_store_exec (store,
                         "INSERT INTO projects (id, code, name) VALUES (1, 'P', '星河广场');"
                         "INSERT INTO floors (id, project_id, label, level) VALUES (1, 1, '1F', 1), (2, 1, '2F', 2);"
                         "INSERT INTO categories (id, name) VALUES (1, '餐饮'), (2, '服饰');"
                         "INSERT INTO units (id, floor_id, code, gross_area, rentable_area) VALUES "
                         "  (1, 1, '1F-001', 12000, 10000), (2, 1, '1F-002', 6000, 5000),"
                         "  (3, 2, '2F-001', 5000, 4000), (4, 2, '2F-002', 5000, 4000);"
                         "INSERT INTO tenants (id, code, name, category_id) VALUES (1, 'T1', '杭州悦享餐饮', 1),"
                         "  (2, 'T2', '上海味道餐饮', 1), (3, 'T3', '上海星禾服饰', 2);"
                         "INSERT INTO contracts (id, code, tenant_id, state, model, start_date, end_date, terminated_on, created_at) VALUES"
                         "  (1, 'C1', 1, 'active', 'fixed', '2025-01-01', '2027-12-31', NULL, '2025-01-01T00:00:00Z'),"
                         "  (2, 'C2', 2, 'active', 'fixed', '2025-01-01', '2027-12-31', NULL, '2025-01-01T00:00:00Z'),"
                         "  (3, 'C3', 3, 'active', 'fixed', '2025-01-01', '2027-12-31', NULL, '2025-01-01T00:00:00Z'),"
                         "  (4, 'C4', 1, 'terminated', 'fixed', '2025-01-01', '2026-12-31', '2026-06-03', '2025-01-01T00:00:00Z');"
                         "INSERT INTO contract_units (contract_id, unit_id, area) VALUES (1, 1, 10000), (2, 2, 5000),"
                         "  (3, 3, 4000), (4, 4, 4000);",
                         error))
    return FALSE;

  stmt = plaza_store_prepare (store,
                              "WITH RECURSIVE d (n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM d WHERE n + 1 < ?3) "
                              "INSERT INTO sales_daily (unit_id, date, amount) "
                              "SELECT ?1, date (?2, '+' || n || ' days'), ?4 FROM d", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (sales); i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int (stmt, 1, sales[i].unit);
      sqlite3_bind_text (stmt, 2, sales[i].from, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, sales[i].days);
      sqlite3_bind_int (stmt, 4, sales[i].amount);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return plaza_store_set_sqlite_error (store, error);
    }
  return TRUE;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("plaza-promotion-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "mall.db", NULL);
  f->store = plaza_store_open (f->path, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  plaza_store_set_user (f->store, "zhangmin");
  g_assert_true (plaza_store_write (f->store, fixture_rows, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data G_GNUC_UNUSED)
{
  g_assert_finalize_object (f->store);
  plaza_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static PlazaPromotion *
plan (const char *name,
      const char *scope,
      gint64      scope_id,
      const char *from,
      const char *to)
{
  PlazaPromotion *p = plaza_promotion_new ();

  p->name = g_strdup (name);
  g_free (p->scope);
  p->scope = g_strdup (scope);
  if (scope_id > 0)
    g_array_append_val (p->scope_ids, scope_id);
  p->start_date = g_strdup (from);
  p->end_date = g_strdup (to);
  return p;
}

static gint64
create (Fixture        *f,
        PlazaPromotion *p)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (plaza_promotion_create (f->store, p, &error));
  g_assert_no_error (error);
  g_assert_cmpint (p->id, >, 0);
  return p->id;
}

/* The evaluated promotion: mall-wide, 2026-06-01 … 06-07, mall budget
 * ¥1,000; T1 confirmed with a ¥500 fee, T2 declined, T3 confirmed, no fee.
 * Approved. */
static gint64
create_evaluated (Fixture *f)
{
  g_autoptr(PlazaPromotion) p = plan ("618 年中狂欢", "mall", 0, "2026-06-01", "2026-06-07");
  g_autoptr(GError) error = NULL;
  gint64 rev;

  p->budget_mall = 100000;
  plaza_promotion_add_participant (p, 1, "满300减50", "confirmed", 50000);
  plaza_promotion_add_participant (p, 2, "全场8折", "declined", 0);
  plaza_promotion_add_participant (p, 3, "新品9折", "confirmed", 0);
  create (f, p);
  rev = plaza_promotion_transition (f->store, p->id, p->rev, PLAZA_PROMOTION_SUBMIT, NULL, &error);
  g_assert_no_error (error);
  rev = plaza_promotion_transition (f->store, p->id, rev, PLAZA_PROMOTION_APPROVE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rev, ==, 3);
  return p->id;
}

static const PlazaPromotionEvalRow *
row_of (PlazaPromotionEvaluation *e,
        guint                     i)
{
  return g_ptr_array_index (e->rows, i);
}

static void
test_round (void)
{
  g_assert_cmpint (plaza_promotion_div_round (10, 4), ==, 3);    /* 2.5 → 3 */
  g_assert_cmpint (plaza_promotion_div_round (-10, 4), ==, -3);  /* −2.5 → −3 */
  g_assert_cmpint (plaza_promotion_div_round (9, 4), ==, 2);
  g_assert_cmpint (plaza_promotion_div_round (-9, 4), ==, -2);
  g_assert_cmpint (plaza_promotion_div_round (0, 7), ==, 0);
}

/* Last year. T1: sales 7 × 12000 + 3 × 1000 (unit 4 left on 06-03) = 87000;
 * baseline 7 × 10000 + 7 × 1000 = 77000; uplift 10000 = 1298.7 → 1299 bp;
 * cost 50000 → return 2000 bp. Peers in 餐饮 (T2, declined): 35000 vs 28000
 * = 2500 bp > 1299 → flagged.
 * T3: 21000 vs 24500: uplift −3500 = −1428.57 → −1429 bp; no peers.
 * Total: 108000 vs 101500: 6500 = 640.39 → 640 bp; cost 100000 + 50000 =
 * 150000 → 433.3 → 433 bp. */
static void
test_evaluate_last_year (Fixture       *f,
                         gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaPromotionEvaluation) e = NULL;
  gint64 id = create_evaluated (f);
  GDate today;

  g_assert_true (plaza_date_parse ("2026-06-08", &today));
  e = plaza_promotion_evaluate (f->store, id, PLAZA_PROMOTION_BASELINE_LAST_YEAR, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (e->base_from, ==, "2025-06-02");
  g_assert_cmpstr (e->base_to, ==, "2025-06-08");
  g_assert_cmpuint (e->rows->len, ==, 2);

  g_assert_cmpstr (row_of (e, 0)->tenant_code, ==, "T1");
  g_assert_cmpint (row_of (e, 0)->sales, ==, 87000);
  g_assert_cmpint (row_of (e, 0)->baseline, ==, 77000);
  g_assert_cmpint (row_of (e, 0)->uplift, ==, 10000);
  g_assert_cmpint (row_of (e, 0)->uplift_bp, ==, 1299);
  g_assert_cmpint (row_of (e, 0)->cost, ==, 50000);
  g_assert_cmpint (row_of (e, 0)->return_bp, ==, 2000);
  g_assert_true (row_of (e, 0)->has_category_peers);
  g_assert_cmpint (row_of (e, 0)->category_uplift_bp, ==, 2500);
  g_assert_true (row_of (e, 0)->worse_than_category);

  g_assert_cmpstr (row_of (e, 1)->tenant_code, ==, "T3");
  g_assert_cmpint (row_of (e, 1)->sales, ==, 21000);
  g_assert_cmpint (row_of (e, 1)->baseline, ==, 24500);
  g_assert_cmpint (row_of (e, 1)->uplift, ==, -3500);
  g_assert_cmpint (row_of (e, 1)->uplift_bp, ==, -1429);
  g_assert_cmpint (row_of (e, 1)->return_bp, ==, 0);
  g_assert_false (row_of (e, 1)->has_category_peers);
  g_assert_false (row_of (e, 1)->worse_than_category);

  g_assert_cmpint (e->total.sales, ==, 108000);
  g_assert_cmpint (e->total.baseline, ==, 101500);
  g_assert_cmpint (e->total.uplift, ==, 6500);
  g_assert_cmpint (e->total.uplift_bp, ==, 640);
  g_assert_cmpint (e->total.cost, ==, 150000);
  g_assert_cmpint (e->total.return_bp, ==, 433);

  /* The scope (the whole mall): all four units: 84000 + 35000 + 21000 +
   * 3000 = 143000 against 70000 + 28000 + 24500 + 7000 = 129500: 13500 =
   * 1042.47 → 1042 bp. */
  g_assert_cmpint (e->scope.sales, ==, 143000);
  g_assert_cmpint (e->scope.baseline, ==, 129500);
  g_assert_cmpint (e->scope.uplift_bp, ==, 1042);
  g_assert_cmpint (e->scope.cost, ==, 0);
}

/* Scope rows of a floor and a category promotion over the same days (last
 * year). Floor 2 = units 3 and 4: 21000 + 3000 = 24000 against 24500 + 7000
 * = 31500: −7500 = −2380.95 → −2381 bp. Category 餐饮 = T1 and T2 (units 1,
 * 2, 4): 84000 + 35000 + 3000 = 122000 against 70000 + 28000 + 7000 =
 * 105000: 17000 = 1619.05 → 1619 bp. */
static void
test_evaluate_scope (Fixture       *f,
                     gconstpointer  data G_GNUC_UNUSED)
{
  static const struct { const char *scope; gint64 ref, sales, baseline, bp; } cases[] = {
    { "floors", 2, 24000, 31500, -2381 },
    { "categories", 1, 122000, 105000, 1619 },
  };
  GDate today;

  g_assert_true (plaza_date_parse ("2026-06-30", &today));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PlazaPromotion) p = plan ("端午", cases[i].scope, cases[i].ref, "2026-06-01", "2026-06-07");
      g_autoptr(PlazaPromotionEvaluation) e = NULL;

      create (f, p);
      g_assert_cmpint (plaza_promotion_transition (f->store, p->id, 1, PLAZA_PROMOTION_SUBMIT, NULL, &error), ==, 2);
      g_assert_cmpint (plaza_promotion_transition (f->store, p->id, 2, PLAZA_PROMOTION_APPROVE, NULL, &error), ==, 3);
      e = plaza_promotion_evaluate (f->store, p->id, PLAZA_PROMOTION_BASELINE_LAST_YEAR, &today, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (e->rows->len, ==, 0);
      g_assert_cmpint (e->total.sales, ==, 0);
      g_assert_cmpint (e->scope.sales, ==, cases[i].sales);
      g_assert_cmpint (e->scope.baseline, ==, cases[i].baseline);
      g_assert_cmpint (e->scope.uplift_bp, ==, cases[i].bp);
    }
}

/* Four weeks (2026-05-04 … 05-31), scaled by 7/28. T1: (28 × 9000) × 7 / 28
 * = 63000 plus 28 × 1000 × 7 / 28 = 7000: 70000; uplift 17000 = 2428.57 →
 * 2429 bp; return 3400 bp; peers 35000 vs 28000 = 2500 → still flagged.
 * T3: 56000 × 7 / 28 = 14000; uplift 7000 = 5000 bp. Total: 108000 vs
 * 84000: 24000 = 2857.14 → 2857 bp; return 24000 / 150000 = 1600 bp. */
static void
test_evaluate_four_weeks (Fixture       *f,
                          gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaPromotionEvaluation) e = NULL;
  g_autofree char *csv = NULL;
  gint64 id = create_evaluated (f);
  GDate today;

  g_assert_true (plaza_date_parse ("2026-07-01", &today));
  e = plaza_promotion_evaluate (f->store, id, PLAZA_PROMOTION_BASELINE_FOUR_WEEKS, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (e->base_from, ==, "2026-05-04");
  g_assert_cmpstr (e->base_to, ==, "2026-05-31");
  g_assert_cmpint (row_of (e, 0)->baseline, ==, 70000);
  g_assert_cmpint (row_of (e, 0)->uplift_bp, ==, 2429);
  g_assert_cmpint (row_of (e, 0)->return_bp, ==, 3400);
  g_assert_true (row_of (e, 0)->worse_than_category);
  g_assert_cmpint (row_of (e, 1)->baseline, ==, 14000);
  g_assert_cmpint (row_of (e, 1)->uplift_bp, ==, 5000);
  g_assert_cmpint (e->total.baseline, ==, 84000);
  g_assert_cmpint (e->total.uplift, ==, 24000);
  g_assert_cmpint (e->total.uplift_bp, ==, 2857);
  g_assert_cmpint (e->total.return_bp, ==, 1600);

  csv = plaza_promotion_evaluation_to_csv (e);
  g_assert_cmpstr (csv, ==,
                   "tenant_code,tenant,sales,baseline,uplift,uplift_pct,cost,return_pct,category_uplift_pct,flag\n"
                   "T1,杭州悦享餐饮,870.00,700.00,170.00,24.29,500.00,34.00,25.00,below_category\n"
                   "T3,上海星禾服饰,210.00,140.00,70.00,50.00,0.00,0.00,,\n"
                   "TOTAL,All participants,1080.00,840.00,240.00,28.57,1500.00,16.00,,\n"
                   "SCOPE,Everyone in scope,1430.00,1120.00,310.00,27.68,,,,\n");
}

/* Not ended yet, or not approved: refused. Then a 3-day promotion whose
 * scaled four-week baseline is not a whole number of fen: T3's raw baseline
 * is 27 × 2000 + 2001 = 56001, × 3 / 28 = 6000.1 → 6000; sales 3 × 3000 =
 * 9000; uplift 3000 = 5000 bp. */
static void
test_evaluate_not_ended (Fixture       *f,
                         gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaPromotionEvaluation) e = NULL;
  g_autoptr(PlazaPromotion) p = plan ("短促", "mall", 0, "2026-06-01", "2026-06-03");
  gint64 id = create_evaluated (f);
  GDate today;

  g_assert_true (plaza_date_parse ("2026-06-07", &today));
  e = plaza_promotion_evaluate (f->store, id, PLAZA_PROMOTION_BASELINE_LAST_YEAR, &today, &error);
  g_assert_null (e);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A draft cannot be evaluated either. */
  plaza_promotion_add_participant (p, 3, "", "confirmed", 0);
  create (f, p);
  e = plaza_promotion_evaluate (f->store, p->id, PLAZA_PROMOTION_BASELINE_FOUR_WEEKS, &today, &error);
  g_assert_null (e);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Approved: 3 days. */
  g_assert_true (plaza_store_exec (f->store, "UPDATE sales_daily SET amount = 2001 WHERE unit_id = 3 AND date = '2026-05-04'", &error));
  g_assert_cmpint (plaza_promotion_transition (f->store, p->id, 1, PLAZA_PROMOTION_SUBMIT, NULL, &error), ==, 2);
  g_assert_cmpint (plaza_promotion_transition (f->store, p->id, 2, PLAZA_PROMOTION_APPROVE, NULL, &error), ==, 3);
  e = plaza_promotion_evaluate (f->store, p->id, PLAZA_PROMOTION_BASELINE_FOUR_WEEKS, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (e->rows->len, ==, 1);
  g_assert_cmpint (row_of (e, 0)->sales, ==, 9000);
  g_assert_cmpint (row_of (e, 0)->baseline, ==, 6000);
  g_assert_cmpint (row_of (e, 0)->uplift_bp, ==, 5000);
}

static gint64
count_log (Fixture *f,
           gint64   id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT COUNT (*) FROM change_log WHERE entity = 'promotion' AND entity_id = %lld",
                                          (long long) id);

  return plaza_test_count (f->store, sql);
}

static char *
state_of (Fixture *f,
          gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaPromotion) p = plaza_promotion_load (f->store, id, &error);

  g_assert_no_error (error);
  return g_strdup (p->state);
}

#define assert_state(f, id, s) G_STMT_START { g_autofree char *_st = state_of (f, id); \
  g_assert_cmpstr (_st, ==, s); } G_STMT_END

static void
test_lifecycle (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaPromotion) p = plan ("七夕甜蜜季", "floors", 1, "2026-08-20", "2026-08-26");
  g_autoptr(PlazaPromotion) again = NULL;
  gint64 id = create (f, p);
  gint64 rev;

  g_assert_cmpstr (p->code, ==, "CX2026-01");
  g_assert_cmpstr (p->state, ==, "draft");
  g_assert_cmpint (count_log (f, id), ==, 1);

  /* Illegal from draft: approve, reject. */
  g_assert_cmpint (plaza_promotion_transition (f->store, id, 1, PLAZA_PROMOTION_APPROVE, NULL, &error), ==, 0);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  rev = plaza_promotion_transition (f->store, id, 1, PLAZA_PROMOTION_SUBMIT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rev, ==, 2);
  assert_state (f, id, "submitted");
  g_assert_cmpint (plaza_promotion_transition (f->store, id, rev, PLAZA_PROMOTION_SUBMIT, NULL, &error), ==, 0);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Reject needs a comment. */
  g_assert_cmpint (plaza_promotion_transition (f->store, id, rev, PLAZA_PROMOTION_REJECT, "  ", &error), ==, 0);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Comment"));
  g_clear_error (&error);
  rev = plaza_promotion_transition (f->store, id, rev, PLAZA_PROMOTION_REJECT, "预算太高", &error);
  g_assert_no_error (error);
  assert_state (f, id, "rejected");
  g_assert_cmpint (plaza_test_count (f->store, "SELECT COUNT (*) FROM change_log WHERE entity = 'promotion' "
                                               "AND action = 'reject' AND summary LIKE '%预算太高%'"), ==, 1);
  g_assert_cmpint (plaza_promotion_transition (f->store, id, rev, PLAZA_PROMOTION_CANCEL, NULL, &error), ==, 0);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Editing a rejected plan sends it back to draft. */
  again = plaza_promotion_load (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again->rev, ==, rev);
  again->budget_mall = 500000;
  g_assert_true (plaza_promotion_update (f->store, again, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (again->state, ==, "draft");
  rev = plaza_promotion_transition (f->store, id, again->rev, PLAZA_PROMOTION_SUBMIT, NULL, &error);
  rev = plaza_promotion_transition (f->store, id, rev, PLAZA_PROMOTION_APPROVE, NULL, &error);
  g_assert_no_error (error);
  assert_state (f, id, "approved");
  g_clear_pointer (&again, plaza_promotion_free);

  /* Locked: any edit of an approved plan sends it back to submitted. */
  again = plaza_promotion_load (f->store, id, &error);
  g_assert_cmpint (again->budget_mall, ==, 500000);
  g_free (again->end_date);
  again->end_date = g_strdup ("2026-08-28");
  plaza_promotion_add_participant (again, 2, "满500减100", "invited", 20000);
  g_assert_true (plaza_promotion_update (f->store, again, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (again->state, ==, "submitted");
  assert_state (f, id, "submitted");
  g_assert_cmpint (plaza_test_count (f->store, "SELECT COUNT (*) FROM promotion_participants"), ==, 1);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT COUNT (*) FROM promotion_scope WHERE kind = 'floor' AND ref_id = 1"), ==, 1);
  rev = plaza_promotion_transition (f->store, id, again->rev, PLAZA_PROMOTION_APPROVE, NULL, &error);
  g_assert_no_error (error);

  /* Cancel from approved; nothing after that. */
  rev = plaza_promotion_transition (f->store, id, rev, PLAZA_PROMOTION_CANCEL, NULL, &error);
  g_assert_no_error (error);
  assert_state (f, id, "cancelled");
  g_assert_cmpint (plaza_promotion_transition (f->store, id, rev, PLAZA_PROMOTION_SUBMIT, NULL, &error), ==, 0);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  again->rev = rev;
  g_assert_false (plaza_promotion_update (f->store, again, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* create, submit, reject, edit, submit, approve, edit, approve, cancel. */
  g_assert_cmpint (count_log (f, id), ==, 9);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT rev FROM promotions"), ==, 9);
}

static void
test_conflict (Fixture       *f,
               gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaPromotion) p = plan ("国庆黄金周", "mall", 0, "2026-10-01", "2026-10-07");
  g_autoptr(PlazaPromotion) mine = NULL;
  g_autoptr(PlazaPromotion) theirs = NULL;
  gint64 id = create (f, p);

  mine = plaza_promotion_load (f->store, id, &error);
  theirs = plaza_promotion_load (f->store, id, &error);
  plaza_store_set_user (f->store, "lihua");
  theirs->budget_tenant = 300000;
  g_assert_true (plaza_promotion_update (f->store, theirs, &error));
  g_assert_no_error (error);

  plaza_store_set_user (f->store, "zhangmin");
  mine->budget_tenant = 100;
  g_assert_false (plaza_promotion_update (f->store, mine, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "lihua"));
  g_clear_error (&error);
  g_assert_cmpint (plaza_promotion_transition (f->store, id, 1, PLAZA_PROMOTION_SUBMIT, NULL, &error), ==, 0);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT budget_tenant FROM promotions"), ==, 300000);
}

static void
test_validate (void)
{
  static const struct { const char *field; const char *value; const char *expect; } cases[] = {
    { "name", " ", "Name" },
    { "mechanics", "lottery", "Mechanics" },
    { "start", "2026-02-30", "Start date" },
    { "end", "2026-05-31", "End date" },
    { "scope", "floors", "Scope" },
    { "budget_mall", NULL, "Mall budget" },
    { "budget_tenant", NULL, "Tenant budget" },
    { "fee", NULL, "Participant fee" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PlazaPromotion) p = plan ("端午", "mall", 0, "2026-06-01", "2026-06-03");
      g_autoptr(GError) error = NULL;

      g_assert_true (plaza_promotion_validate (p, NULL));
      if (g_str_equal (cases[i].field, "name"))
        g_free (p->name), p->name = g_strdup (cases[i].value);
      else if (g_str_equal (cases[i].field, "mechanics"))
        g_free (p->mechanics), p->mechanics = g_strdup (cases[i].value);
      else if (g_str_equal (cases[i].field, "start"))
        g_free (p->start_date), p->start_date = g_strdup (cases[i].value);
      else if (g_str_equal (cases[i].field, "end"))
        g_free (p->end_date), p->end_date = g_strdup (cases[i].value);
      else if (g_str_equal (cases[i].field, "scope"))
        g_free (p->scope), p->scope = g_strdup (cases[i].value);
      else if (g_str_equal (cases[i].field, "budget_mall"))
        p->budget_mall = -1;
      else if (g_str_equal (cases[i].field, "budget_tenant"))
        p->budget_tenant = -1;
      else
        plaza_promotion_add_participant (p, 1, "", "confirmed", -100);
      g_assert_false (plaza_promotion_validate (p, &error));
      g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, cases[i].expect));
    }
}

static void
assert_clashes (Fixture              *f,
                gint64                id,
                const PlazaPromotion *draft,
                const char           *expect)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) clashes = NULL;
  g_autoptr(GString) got = g_string_new ("");

  g_assert_true (plaza_promotion_find_clashes (f->store, id, draft, &clashes, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < clashes->len; i++)
    {
      PlazaPromotionClash *c = g_ptr_array_index (clashes, i);

      g_string_append_printf (got, "%s%s:%s", i > 0 ? " " : "", c->code, c->reason);
    }
  g_assert_cmpstr (got->str, ==, expect);
}

/* P  mall      06-01 … 06-07  T1, T3 confirmed, T2 declined (CX2026-01)
 * A  floor 1   06-05 … 06-10  nobody                         (CX2026-02)
 * B  floor 2   06-08 … 06-09  nobody                         (CX2026-03)
 * C  floor 2   06-09 … 06-12  T1                             (CX2026-04)
 * D  cat 1     06-01 … 06-02  T1                             (CX2026-05)
 * E  mall      06-03 … 06-04  cancelled                      (CX2026-06)
 * R  floor 1   06-09 … 06-09  rejected                       (CX2026-07) */
static void
test_clashes (Fixture       *f,
              gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaPromotion) a = plan ("A", "floors", 1, "2026-06-05", "2026-06-10");
  g_autoptr(PlazaPromotion) b = plan ("B", "floors", 2, "2026-06-08", "2026-06-09");
  g_autoptr(PlazaPromotion) c = plan ("C", "floors", 2, "2026-06-09", "2026-06-12");
  g_autoptr(PlazaPromotion) d = plan ("D", "categories", 1, "2026-06-01", "2026-06-02");
  g_autoptr(PlazaPromotion) e = plan ("E", "mall", 0, "2026-06-03", "2026-06-04");
  g_autoptr(PlazaPromotion) r = plan ("R", "floors", 1, "2026-06-09", "2026-06-09");
  g_autoptr(PlazaPromotion) draft = plan ("new", "floors", 2, "2026-06-02", "2026-06-09");
  gint64 p = create_evaluated (f);

  create (f, a);
  create (f, b);
  plaza_promotion_add_participant (c, 1, "", "invited", 0);
  create (f, c);
  plaza_promotion_add_participant (d, 1, "", "confirmed", 0);
  create (f, d);
  create (f, e);
  g_assert_cmpint (plaza_promotion_transition (f->store, e->id, 1, PLAZA_PROMOTION_CANCEL, NULL, &error), ==, 2);
  create (f, r);
  g_assert_cmpint (plaza_promotion_transition (f->store, r->id, 1, PLAZA_PROMOTION_SUBMIT, NULL, &error), ==, 2);
  g_assert_cmpint (plaza_promotion_transition (f->store, r->id, 2, PLAZA_PROMOTION_REJECT, "重复", &error), ==, 3);
  g_assert_no_error (error);

  assert_clashes (f, p, NULL, "CX2026-05:tenants CX2026-02:mall");
  assert_clashes (f, a->id, NULL, "CX2026-01:mall");
  assert_clashes (f, b->id, NULL, "CX2026-04:floors");
  assert_clashes (f, c->id, NULL, "CX2026-03:floors");
  assert_clashes (f, d->id, NULL, "CX2026-01:tenants");

  /* Draft data (not saved): floor 2 with T2 declined and T3 invited. */
  plaza_promotion_add_participant (draft, 2, "", "declined", 0);
  assert_clashes (f, 0, draft, "CX2026-01:mall CX2026-03:floors CX2026-04:floors");
  plaza_promotion_add_participant (draft, 3, "", "invited", 0);
  assert_clashes (f, 0, draft, "CX2026-01:tenants CX2026-03:floors CX2026-04:floors");
  /* Moving D itself onto floor 2: its own row is skipped. */
  g_free (d->scope);
  d->scope = g_strdup ("floors");
  assert_clashes (f, 0, d, "CX2026-01:tenants");
}

static guint
count_lines (const char *s)
{
  guint n = 0;

  for (; *s != '\0'; s++)
    n += *s == '\n';
  return n;
}

static void
test_cli (Fixture       *f,
          gconstpointer  data G_GNUC_UNUSED)
{
  gint64 id = create_evaluated (f);
  g_autofree char *id_text = g_strdup_printf ("%lld", (long long) id);
  int status = 0;

  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    const char *args[] = { "promotions", "list", f->path, NULL };

    status = plaza_test_run_plazactl (args, &out, &err);
    g_assert_cmpint (status, ==, 0);
    g_assert_cmpstr (out, ==,
                     "code,name,mechanics,scope,state,start,end,budget_mall,budget_tenant,participants,confirmed,fees\n"
                     "CX2026-01,618 年中狂欢,event,mall,approved,2026-06-01,2026-06-07,1000.00,0.00,3,2,500.00\n");
  }
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    const char *args[] = { "promotion", "evaluate", f->path, "--id", id_text, "--baseline", "last-year",
                           "--today", "2026-06-08", NULL };

    status = plaza_test_run_plazactl (args, &out, &err);
    g_assert_cmpint (status, ==, 0);
    g_assert_cmpstr (out, ==,
                     "tenant_code,tenant,sales,baseline,uplift,uplift_pct,cost,return_pct,category_uplift_pct,flag\n"
                     "T1,杭州悦享餐饮,870.00,770.00,100.00,12.99,500.00,20.00,25.00,below_category\n"
                     "T3,上海星禾服饰,210.00,245.00,-35.00,-14.29,0.00,0.00,,\n"
                     "TOTAL,All participants,1080.00,1015.00,65.00,6.40,1500.00,4.33,,\n"
                     "SCOPE,Everyone in scope,1430.00,1295.00,135.00,10.42,,,,\n");
  }
  {
    /* Errors: one line on stderr, exit 1. */
    static const char * const bad[][8] = {
      { "promotion", "evaluate", NULL },
      { "promotion", "evaluate", "DB", NULL },
      { "promotion", "evaluate", "DB", "--id", "1", "--baseline", "yesterday", NULL },
      { "promotion", "evaluate", "DB", "--id", "99", "--today", "2026-06-08", NULL },
      { "promotion", "evaluate", "DB", "--id", "1", "--today", "2026-06-07", NULL },
      { "promotions", "list", NULL },
      { "promotions", "show", "DB", NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autofree char *out = NULL;
        g_autofree char *err = NULL;
        const char *args[8] = { NULL };

        for (guint k = 0; k < 8 && bad[i][k] != NULL; k++)
          args[k] = g_str_equal (bad[i][k], "DB") ? f->path : bad[i][k];
        status = plaza_test_run_plazactl (args, &out, &err);
        g_assert_cmpint (status, ==, 1);
        g_assert_cmpstr (out, ==, "");
        g_assert_cmpuint (count_lines (err), ==, 1);
      }
  }
}

/* The chart and the words: one bar per participant with its uplift_bp
 * (T1 1299, T3 −1429), the like-for-like line at the total's 640 bp (both
 * have a baseline), the baseline's dates in the subtitle; the return per
 * yuan 2000 bp = ¥0.20. */
static void
test_evaluation_chart (Fixture       *f,
                       gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaPromotionEvaluation) e = NULL;
  g_autoptr(PlazaChart) chart = NULL;
  g_autofree char *words = NULL;
  g_autofree char *pct = NULL;
  g_autofree char *ret = NULL;
  g_autofree char *none = NULL;
  PlazaPromotionEvalRow lfl;
  gint64 id = create_evaluated (f);
  gint64 value = 0;
  GDate today;

  g_assert_true (plaza_date_parse ("2026-06-08", &today));
  e = plaza_promotion_evaluate (f->store, id, PLAZA_PROMOTION_BASELINE_LAST_YEAR, &today, &error);
  g_assert_no_error (error);

  chart = plaza_promotion_evaluation_chart (e);
  g_assert_cmpint (plaza_chart_get_kind (chart), ==, PLAZA_CHART_HBAR);
  g_assert_cmpint (plaza_chart_get_unit (chart), ==, PLAZA_CHART_UNIT_BP);
  g_assert_cmpuint (plaza_chart_get_n_series (chart), ==, 1);
  g_assert_cmpuint (plaza_chart_get_n_categories (chart), ==, e->rows->len);
  /* largest uplift first: T1 then T3 */
  for (guint c = 0; c < plaza_chart_get_n_categories (chart); c++)
    {
      const PlazaPromotionEvalRow *row = NULL;

      for (guint i = 0; i < e->rows->len; i++)
        if (g_str_equal (row_of (e, i)->tenant_code, plaza_chart_get_category_key (chart, c)))
          row = row_of (e, i);
      g_assert_nonnull (row);
      g_assert_cmpstr (plaza_chart_get_category_label (chart, c), ==, row->tenant_name);
      g_assert_true (plaza_chart_get_value (chart, 0, c, &value));
      g_assert_cmpint (value, ==, row->uplift_bp);
    }
  g_assert_cmpstr (plaza_chart_get_category_key (chart, 0), ==, "T1");
  g_assert_cmpint (value, ==, -1429);
  g_assert_nonnull (strstr (plaza_chart_get_subtitle (chart), "2025-06-02 – 2025-06-08"));
  g_assert_nonnull (strstr (plaza_chart_get_subtitle (chart), "2026-06-01 – 2026-06-07"));

  g_assert_cmpuint (plaza_promotion_evaluation_like_for_like (e, &lfl), ==, 2);
  g_assert_cmpint (lfl.uplift, ==, 6500);
  g_assert_cmpint (lfl.uplift_bp, ==, 640);
  g_free (lfl.tenant_code);
  g_free (lfl.tenant_name);

  words = plaza_promotion_evaluation_describe_baseline (e);
  g_assert_cmpstr (words, ==, "Same days last year: 2025-06-02 – 2025-06-08, weekday-aligned");
  pct = plaza_promotion_format_uplift_pct (row_of (e, 1));
  g_assert_cmpstr (pct, ==, "-14.29%");
  ret = plaza_promotion_format_return (row_of (e, 0));
  g_assert_cmpstr (ret, ==, "¥0.20");
  none = plaza_promotion_format_return (row_of (e, 1));
  g_assert_cmpstr (none, ==, "—");
}

/* A participant with no sales in the baseline period (T2 confirmed, its
 * unit without last year's rows): its uplift % is "—", no chart value, and
 * like for like leaves it out: T1 + T3 = 108000 against 101500 = 640 bp,
 * while the total counts its 35000 too (143000 against 101500). */
static gboolean
drop_t2_last_year (PlazaStore  *store,
                   gpointer     data G_GNUC_UNUSED,
                   GError     **error)
{
  return plaza_store_exec (store, "DELETE FROM sales_daily WHERE unit_id = 2 AND date < '2026-01-01';"
                                  "UPDATE promotion_participants SET status = 'confirmed' WHERE tenant_id = 2", error);
}

static void
test_evaluation_no_baseline (Fixture       *f,
                             gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaPromotionEvaluation) e = NULL;
  g_autoptr(PlazaChart) chart = NULL;
  g_autofree char *pct = NULL;
  g_autofree char *words = NULL;
  PlazaPromotionEvalRow lfl;
  gint64 id = create_evaluated (f);
  gint64 value = 0;
  GDate today;

  g_assert_true (plaza_store_write (f->store, drop_t2_last_year, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (plaza_date_parse ("2026-06-08", &today));
  e = plaza_promotion_evaluate (f->store, id, PLAZA_PROMOTION_BASELINE_LAST_YEAR, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (e->rows->len, ==, 3);
  g_assert_cmpstr (row_of (e, 1)->tenant_code, ==, "T2");
  g_assert_cmpint (row_of (e, 1)->baseline, ==, 0);
  g_assert_false (row_of (e, 1)->worse_than_category);
  pct = plaza_promotion_format_uplift_pct (row_of (e, 1));
  g_assert_cmpstr (pct, ==, "—");
  g_assert_cmpint (e->total.sales, ==, 143000);
  g_assert_cmpint (e->total.baseline, ==, 101500);

  g_assert_cmpuint (plaza_promotion_evaluation_like_for_like (e, &lfl), ==, 2);
  g_assert_cmpint (lfl.sales, ==, 108000);
  g_assert_cmpint (lfl.baseline, ==, 101500);
  g_assert_cmpint (lfl.uplift_bp, ==, 640);
  g_free (lfl.tenant_code);
  g_free (lfl.tenant_name);

  /* T2 has no bar, and comes last; limited to two bars: T1 and T3 */
  chart = plaza_promotion_evaluation_chart (e);
  g_assert_cmpuint (plaza_chart_get_n_categories (chart), ==, 3);
  g_assert_cmpstr (plaza_chart_get_category_key (chart, 2), ==, "T2");
  g_assert_false (plaza_chart_get_value (chart, 0, 2, &value));
  g_clear_pointer (&chart, plaza_chart_free);
  chart = plaza_promotion_evaluation_chart_limited (e, 2);
  g_assert_cmpuint (plaza_chart_get_n_categories (chart), ==, 2);
  g_assert_cmpstr (plaza_chart_get_category_key (chart, 0), ==, "T1");
  g_assert_cmpstr (plaza_chart_get_category_key (chart, 1), ==, "T3");
  g_assert_nonnull (strstr (plaza_chart_get_subtitle (chart), "the 1 highest and 1 lowest of 3 participants"));

  /* the four-week wording names the promotion's length */
  g_clear_pointer (&e, plaza_promotion_evaluation_free);
  e = plaza_promotion_evaluate (f->store, id, PLAZA_PROMOTION_BASELINE_FOUR_WEEKS, &today, &error);
  g_assert_no_error (error);
  words = plaza_promotion_evaluation_describe_baseline (e);
  g_assert_cmpstr (words, ==, "Four weeks before: 2026-05-04 – 2026-05-31, scaled to the promotion's 7 days");
}

static guint
count_pages (const char *pdf,
             gsize       size)
{
  guint n = 0;

  for (gsize i = 0; i + 12 <= size; i++)
    if (memcmp (pdf + i, "/Type /Page", 11) == 0 && pdf[i + 11] != 's')
      n++;
  return n;
}

/* The one-page PDF: %PDF, one page, the code in its text (pdftotext when
 * installed); a folder that does not exist: an error and nothing left. */
static void
test_evaluation_pdf (Fixture       *f,
                     gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaPromotionEvaluation) e = NULL;
  g_autofree char *pdf_path = g_build_filename (f->dir, "evaluation.pdf", NULL);
  g_autofree char *bad_dir = g_build_filename (f->dir, "missing", NULL);
  g_autofree char *bad_path = g_build_filename (bad_dir, "evaluation.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  gsize size = 0;
  gint64 id = create_evaluated (f);
  GDate today;

  g_assert_true (plaza_date_parse ("2026-06-08", &today));
  e = plaza_promotion_evaluate (f->store, id, PLAZA_PROMOTION_BASELINE_LAST_YEAR, &today, &error);
  g_assert_no_error (error);

  g_assert_true (plaza_promotion_evaluation_write_pdf (e, "星河广场", pdf_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf_path, &contents, &size, &error));
  g_assert_cmpuint (size, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  g_assert_cmpuint (count_pages (contents, size), ==, 1);

  if (pdftotext != NULL)
    {
      g_autofree char *out = NULL;
      const char *argv[] = { pdftotext, "-layout", pdf_path, "-", NULL };
      int status = 0;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                                   &status, &error));
      g_assert_no_error (error);
      g_assert_nonnull (strstr (out, e->code));
      g_assert_nonnull (strstr (out, "2025-06-02"));
      g_assert_nonnull (strstr (out, "杭州悦享餐饮"));
    }
  else
    g_test_message ("pdftotext not installed: the text is not checked");

  g_assert_false (plaza_promotion_evaluation_write_pdf (e, NULL, bad_path, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (bad_dir, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* the CLI writes it too, the CSV still on stdout */
  {
    g_autofree char *cli_path = g_build_filename (f->dir, "cli.pdf", NULL);
    g_autofree char *id_text = g_strdup_printf ("%lld", (long long) id);
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    const char *args[] = { "promotion", "evaluate", f->path, "--id", id_text, "--today", "2026-06-08",
                           "--pdf", cli_path, NULL };
    const char *bad_args[] = { "promotion", "evaluate", f->path, "--id", id_text, "--today", "2026-06-08",
                               "--pdf", bad_path, NULL };

    g_assert_cmpint (plaza_test_run_plazactl (args, &out, &err), ==, 0);
    g_assert_true (g_str_has_prefix (out, "tenant_code,"));
    g_assert_true (g_file_test (cli_path, G_FILE_TEST_IS_REGULAR));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (plaza_test_run_plazactl (bad_args, &out, &err), ==, 1);
    g_assert_cmpuint (count_lines (err), ==, 1);
    g_assert_false (g_file_test (bad_dir, G_FILE_TEST_EXISTS));
  }
}

/* One past promotion of a small demo: the totals add up. */
/* The lists a plan is filled from: floors by level, categories by name,
 * tenants by id (an unknown id named "#id"), and the tenants in scope:
 * active contracts on the chosen floors, or the chosen categories. */
static void
test_choices (Fixture       *f,
              gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) floors = plaza_promotion_floor_choices (f->store, &error);
  g_autoptr(GPtrArray) categories = plaza_promotion_category_choices (f->store, &error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) on_2f = NULL;
  g_autoptr(GPtrArray) food = NULL;
  g_autoptr(GPtrArray) all = NULL;
  gint64 id;

  g_assert_no_error (error);
  g_assert_cmpuint (floors->len, ==, 2);
  g_assert_cmpstr (((PlazaPromotionChoice *) floors->pdata[0])->label, ==, "1F");
  g_assert_cmpuint (categories->len, ==, 2);

  id = 3;
  g_array_append_val (ids, id);
  id = 99;
  g_array_append_val (ids, id);
  names = plaza_promotion_tenant_choices (f->store, ids, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((PlazaPromotionChoice *) names->pdata[0])->label, ==, "上海星禾服饰");
  g_assert_cmpstr (((PlazaPromotionChoice *) names->pdata[0])->detail, ==, "T3");
  g_assert_cmpstr (((PlazaPromotionChoice *) names->pdata[1])->label, ==, "#99");

  g_array_set_size (ids, 0);
  id = 2;
  g_array_append_val (ids, id);
  on_2f = plaza_promotion_tenants_in_scope (f->store, "floors", ids, &error);
  g_assert_no_error (error);
  /* 2F holds T3 (active C3) and T1's terminated C4: only T3. */
  g_assert_cmpuint (on_2f->len, ==, 1);
  g_assert_cmpstr (((PlazaPromotionChoice *) on_2f->pdata[0])->detail, ==, "T3");

  g_array_set_size (ids, 0);
  id = 1;
  g_array_append_val (ids, id);
  food = plaza_promotion_tenants_in_scope (f->store, "categories", ids, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (food->len, ==, 2);
  g_assert_cmpstr (((PlazaPromotionChoice *) food->pdata[0])->detail, ==, "T1");
  g_assert_cmpstr (((PlazaPromotionChoice *) food->pdata[1])->detail, ==, "T2");

  all = plaza_promotion_tenants_in_scope (f->store, "mall", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 3);
}

static void
test_demo (void)
{
  g_autofree char *dir = g_dir_make_tmp ("plaza-promotion-demo-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaStore) store = plaza_store_open (path, PLAZA_STORE_OPEN_CREATE, &error);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(PlazaPromotionEvaluation) e = NULL;
  g_autoptr(GPtrArray) clashes = NULL;
  gint64 id, fees, budget, sales = 0, baseline = 0, cost = 0;
  GDate today;

  g_assert_no_error (error);
  g_assert_true (plaza_date_parse ("2026-11-27", &today));
  g_assert_true (plaza_demo_generate (store, 7, PLAZA_DEMO_SMALL, &today, &error));
  g_assert_no_error (error);

  stmt = plaza_store_prepare (store,
                              "SELECT id, budget_mall, (SELECT COALESCE (SUM (fee), 0) FROM promotion_participants x"
                              "  WHERE x.promotion_id = p.id AND x.status = 'confirmed') "
                              "FROM promotions p WHERE state = 'approved' AND end_date < '2026-11-27' "
                              "ORDER BY end_date DESC LIMIT 1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  id = sqlite3_column_int64 (stmt, 0);
  budget = sqlite3_column_int64 (stmt, 1);
  fees = sqlite3_column_int64 (stmt, 2);

  e = plaza_promotion_evaluate (store, id, PLAZA_PROMOTION_BASELINE_FOUR_WEEKS, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (e->rows->len, >, 0);
  for (guint i = 0; i < e->rows->len; i++)
    {
      sales += row_of (e, i)->sales;
      baseline += row_of (e, i)->baseline;
      cost += row_of (e, i)->cost;
    }
  g_assert_cmpint (e->total.sales, ==, sales);
  g_assert_cmpint (e->total.sales, >, 0);
  g_assert_cmpint (e->total.baseline, ==, baseline);
  g_assert_cmpint (cost, ==, fees);
  g_assert_cmpint (e->total.cost, ==, budget + fees);
  g_assert_cmpint (e->total.uplift, ==, sales - baseline);

  /* The demo's promotions are mall-wide: the current one clashes with
   * nothing that ended before it. */
  g_assert_true (plaza_promotion_find_clashes (store, id, NULL, &clashes, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < clashes->len; i++)
    g_assert_cmpint (((PlazaPromotionClash *) g_ptr_array_index (clashes, i))->id, !=, id);

  g_clear_pointer (&stmt, sqlite3_finalize);
  g_clear_object (&store);
  plaza_test_remove_tree (dir);
}

#define add_test(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/promotion/round", test_round);
  g_test_add_func ("/promotion/validate", test_validate);
  add_test ("/promotion/lifecycle", test_lifecycle);
  add_test ("/promotion/conflict", test_conflict);
  add_test ("/promotion/clashes", test_clashes);
  add_test ("/promotion/evaluate/last-year", test_evaluate_last_year);
  add_test ("/promotion/evaluate/four-weeks", test_evaluate_four_weeks);
  add_test ("/promotion/evaluate/scope", test_evaluate_scope);
  add_test ("/promotion/evaluate/refused", test_evaluate_not_ended);
  add_test ("/promotion/cli", test_cli);
  add_test ("/promotion/evaluate/chart", test_evaluation_chart);
  add_test ("/promotion/evaluate/no-baseline", test_evaluation_no_baseline);
  add_test ("/promotion/evaluate/pdf", test_evaluation_pdf);
  g_test_add_func ("/promotion/demo", test_demo);
  add_test ("/promotion/choices", test_choices);

  return g_test_run ();
}
