/* test-review.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The quarterly review and the eviction (清退) flow, on the mall of
 * test-health.c: health to 2026-06 is T1 7250, T2 9400, T3 1264 (Fashion)
 * and T4 5833 (Food); T5's contract is terminated. Added here: the units
 * U1–U4 are leased, C3 (T3, unit U3) holds a deposit of 200,000 fen, and
 * T3's three rent bills of 45,000 (April–June) are unpaid: 135,000 open.
 */

#include "config.h"

#include <string.h>

#include "plaza-contract.h"
#include "plaza-date.h"
#include "plaza-demo.h"
#include "plaza-eviction.h"
#include "plaza-payments.h"
#include "plaza-review.h"
#include "test-util.h"
typedef struct
{
  char       *dir;
  PlazaStore *store;
} Fixture;

static gboolean
insert_mall (PlazaStore *store,
             gpointer    user_data,
             GError    **error)
{
  g_autoptr(GString) sql = g_string_new (
    "INSERT INTO projects (id, code, name) VALUES (1, 'P1', 'Plaza One');"
    "INSERT INTO floors (id, project_id, label, level) VALUES (1, 1, '1F', 1);"
    "INSERT INTO categories (id, name) VALUES (10, 'Fashion'), (11, 'Food');"
    "INSERT INTO units (id, floor_id, code, gross_area, rentable_area) VALUES"
    "  (1, 1, 'U1', 10000, 10000), (2, 1, 'U2', 10000, 10000), (3, 1, 'U3', 10000, 10000),"
    "  (4, 1, 'U4', 20000, 20000), (5, 1, 'U5', 5000, 5000);"
    "INSERT INTO tenants (id, code, name, category_id) VALUES (1, 'T1', 'Alpha', 10),"
    "  (2, 'T2', 'Beta', 10), (3, 'T3', 'Gamma', 10), (4, 'T4', 'Delta', 11), (5, 'T5', 'Epsilon', 11);"
    "INSERT INTO contracts (id, code, tenant_id, state, model, start_date, end_date, terminated_on, created_at) VALUES"
    "  (1, 'C1', 1, 'active', 'fixed', '2025-01-01', '2027-12-31', NULL, '2025-01-01'),"
    "  (2, 'C2', 2, 'active', 'fixed', '2025-01-01', '2027-12-31', NULL, '2025-01-01'),"
    "  (3, 'C3', 3, 'active', 'fixed', '2025-01-01', '2027-12-31', NULL, '2025-01-01'),"
    "  (4, 'C4', 4, 'active', 'fixed', '2025-01-01', '2027-12-31', NULL, '2025-01-01'),"
    "  (5, 'C5', 5, 'terminated', 'fixed', '2025-01-01', '2027-12-31', '2026-02-28', '2025-01-01');"
    "INSERT INTO contract_units (contract_id, unit_id, area) VALUES"
    "  (1, 1, 10000), (2, 2, 10000), (3, 3, 10000), (4, 4, 20000), (5, 5, 5000);"
    "INSERT INTO payments (id, tenant_id, date, amount, at) VALUES (1, 1, '2026-06-01', 0, '2026-06-01');");
  const gint64 previous[] = { 300000, 500000, 300000, 400000, 100000 };
  const gint64 last[] = { 300000, 600000, 150000, 400000, 0 };
  const gint64 rent[] = { 30000, 60000, 45000, 80000 };
  gint64 bill = 0;

  for (int t = 1; t <= 5; t++)
    for (int m = 1; m <= 6; m++)
      {
        gint64 amount = m <= 3 ? previous[t - 1] : last[t - 1];

        if (amount > 0)
          g_string_append_printf (sql, "INSERT INTO sales_monthly (unit_id, month, amount, days)"
                                  " VALUES (%d, '2026-%02d', %lld, 30);", t, m, (long long) amount);
      }
  for (int t = 1; t <= 4; t++)
    for (int m = 4; m <= 6; m++)
      {
        gboolean paid = t == 1 || t == 2 || (t == 4 && m < 6);

        bill++;
        g_string_append_printf (sql,
                                "INSERT INTO bills (id, code, tenant_id, contract_id, month, state, issue_date, due_date, total)"
                                " VALUES (%lld, 'B%lld', %d, %d, '2026-%02d', 'issued', '2026-%02d-01', '2026-%02d-15', %lld);"
                                "INSERT INTO bill_lines (id, bill_id, kind, amount) VALUES (%lld, %lld, 'rent', %lld);",
                                (long long) bill, (long long) bill, t, t, m, m, m, (long long) rent[t - 1],
                                (long long) bill, (long long) bill, (long long) rent[t - 1]);
        if (paid)
          g_string_append_printf (sql, "INSERT INTO payment_allocations (payment_id, bill_line_id, amount)"
                                  " VALUES (1, %lld, %lld);", (long long) bill, (long long) rent[t - 1]);
      }
  g_string_append (sql,
                   "UPDATE units SET status = 'leased' WHERE id <= 4;"
                   "INSERT INTO deposit_entries (contract_id, kind, amount, date, at)"
                   "  VALUES (3, 'received', 200000, '2025-01-01', '2025-01-01');");
  return plaza_store_exec (store, sql->str, error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("plaza-review-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  path = g_build_filename (f->dir, "review.db", NULL);
  f->store = plaza_store_open (path, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (plaza_store_write (f->store, insert_mall, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  plaza_test_remove_tree (f->dir);
  g_free (f->dir);
}


static PlazaReviewRow *
row_of (GPtrArray  *rows,
        const char *code)
{
  for (guint i = 0; i < rows->len; i++)
    {
      PlazaReviewRow *r = g_ptr_array_index (rows, i);

      if (g_str_equal (r->tenant_code, code))
        return r;
    }
  g_assert_not_reached ();
  return NULL;
}

static void
test_quarters (void)
{
  g_autofree char *q = NULL;
  g_autofree char *m = NULL;
  g_autofree char *of = plaza_review_quarter_of ("2026-11-27");
  g_autofree char *before = plaza_review_quarter_before ("2026-Q1");

  g_assert_true (plaza_review_parse_quarter ("2026Q3", &q, &m));
  g_assert_cmpstr (q, ==, "2026-Q3");
  g_assert_cmpstr (m, ==, "2026-09");
  g_assert_true (plaza_review_parse_quarter ("2026-Q1", NULL, NULL));
  g_assert_false (plaza_review_parse_quarter ("2026Q5", NULL, NULL));
  g_assert_false (plaza_review_parse_quarter ("2026-Q3x", NULL, NULL));
  g_assert_false (plaza_review_parse_quarter ("2026-09", NULL, NULL));
  g_assert_cmpstr (of, ==, "2026-Q4");
  g_assert_cmpstr (before, ==, "2025-Q4");

  /* The defaults: last of the category below 3000 replace, below 3000
   * otherwise relocate, below 4500 warn, else keep. */
  g_assert_cmpstr (plaza_review_default_proposal (2999, 3, 3), ==, "replace");
  g_assert_cmpstr (plaza_review_default_proposal (2999, 1, 1), ==, "replace");
  g_assert_cmpstr (plaza_review_default_proposal (2999, 2, 3), ==, "relocate");
  g_assert_cmpstr (plaza_review_default_proposal (3000, 3, 3), ==, "warn");
  g_assert_cmpstr (plaza_review_default_proposal (4499, 1, 3), ==, "warn");
  g_assert_cmpstr (plaza_review_default_proposal (4500, 3, 3), ==, "keep");
}

/* 2026-Q2 (to 2026-06): Fashion ranks T2 9400 1st, T1 7250 2nd, T3 1264
 * 3rd of 3 → replace; Food T4 5833 1st of 1 → keep. */
static void
test_build (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  PlazaReviewBuild b;
  PlazaReviewRow *r;
  guint n;

  g_assert_true (plaza_review_build (f->store, "2026Q2", &b, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (b.n_rows, ==, 4);
  g_assert_cmpuint (b.n_new, ==, 4);
  g_assert_true (plaza_review_list (f->store, "2026-Q2", &rows, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 4);
  r = row_of (rows, "T2");
  g_assert_cmpint (r->score, ==, 9400);
  g_assert_cmpint (r->rank, ==, 1);
  g_assert_cmpint (r->n_in_category, ==, 3);
  g_assert_cmpstr (r->category, ==, "Fashion");
  g_assert_cmpstr (r->proposal, ==, "keep");
  r = row_of (rows, "T1");
  g_assert_cmpint (r->rank, ==, 2);
  r = row_of (rows, "T3");
  g_assert_cmpint (r->score, ==, 1264);
  g_assert_cmpint (r->rank, ==, 3);
  g_assert_cmpstr (r->proposal, ==, "replace");
  g_assert_cmpstr (r->state, ==, "draft");
  g_assert_cmpint (r->contract_id, ==, 3);
  g_assert_cmpstr (r->reasons, ==, "Sales down 50% on the previous 3 months; Rent is 30% of sales");
  r = row_of (rows, "T4");
  g_assert_cmpint (r->rank, ==, 1);
  g_assert_cmpint (r->n_in_category, ==, 1);
  g_assert_cmpstr (r->proposal, ==, "keep");

  /* A planner changes T1 to warn, with a note; without one it is refused. */
  r = row_of (rows, "T1");
  g_assert_false (plaza_review_set_proposal (f->store, r->id, r->rev, "warn", "  ", &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (plaza_review_set_proposal (f->store, r->id, r->rev, "evict", "x", &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (plaza_review_set_proposal (f->store, r->id, r->rev, "warn", "Sales flat for a year", &error));
  g_assert_no_error (error);
  g_assert_false (plaza_review_set_proposal (f->store, r->id, r->rev, "keep", "stale", &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  /* T3 approved on its own; a rejection needs a comment. */
  r = row_of (rows, "T3");
  g_assert_false (plaza_review_decide (f->store, r->id, r->rev, FALSE, "", &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (plaza_review_decide (f->store, r->id, r->rev, TRUE, NULL, &error));
  g_assert_no_error (error);

  /* Rebuilding: no duplicate, T3 (approved) kept, T1's note keeps warn. */
  g_assert_true (plaza_review_build (f->store, "2026-Q2", &b, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (b.n_new, ==, 0);
  g_assert_cmpuint (b.n_updated, ==, 3);
  g_assert_cmpuint (b.n_approved_kept, ==, 1);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM tenant_reviews"), ==, 4);
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_assert_true (plaza_review_list (f->store, "2026-Q2", &rows, &error));
  g_assert_cmpstr (row_of (rows, "T1")->proposal, ==, "warn");
  g_assert_cmpstr (row_of (rows, "T1")->comment, ==, "Sales flat for a year");
  g_assert_cmpstr (row_of (rows, "T3")->state, ==, "approved");

  /* An approved row cannot change. */
  r = row_of (rows, "T3");
  g_assert_false (plaza_review_set_proposal (f->store, r->id, r->rev, "keep", "second thoughts", &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* The rest of the quarter at once. */
  g_assert_true (plaza_review_decide_quarter (f->store, "2026-Q2", TRUE, "ok", &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM tenant_reviews WHERE state = 'approved'"), ==, 4);
  g_assert_false (plaza_review_decide_quarter (f->store, "2026-Q2", TRUE, NULL, &n, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM change_log WHERE entity = 'tenant_review'"), ==, 5);
}

/* The 清退 flow, worked by hand: C3 holds 200,000; T3 owes 135,000 on C3
 * (three bills of 45,000). Completion on the handover day 2026-07-20: one
 * deposit_offset payment of 135,000 pays the three lines, 65,000 is
 * refunded, the deposit is 0, C3 is terminated and U3 vacant since then. */
static void
test_eviction (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(PlazaEviction) e = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "notice.pdf", NULL);
  g_autofree char *bytes = NULL;
  PlazaEvictionSettlement s;
  PlazaReviewRow *r;
  gint64 id = 0;
  gsize len;

  g_assert_true (plaza_review_build (f->store, "2026-Q2", NULL, &error));
  g_assert_true (plaza_review_list (f->store, "2026-Q2", &rows, &error));
  g_assert_no_error (error);
  r = row_of (rows, "T3");

  /* Not before approval. */
  g_assert_false (plaza_eviction_from_review (f->store, r->id, "2026-07-01", NULL, &id, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (plaza_review_decide (f->store, r->id, r->rev, TRUE, NULL, &error));
  g_assert_true (plaza_eviction_from_review (f->store, r->id, "2026-07-01", NULL, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  g_assert_true (plaza_eviction_get (f->store, id, &e, &error));
  g_assert_cmpint (e->contract_id, ==, 3);
  g_assert_cmpstr (e->deadline, ==, "2026-07-31");
  g_assert_cmpstr (e->state, ==, "notified");
  g_assert_cmpstr (e->units, ==, "U3");
  g_assert_nonnull (strstr (e->reason, "2026-Q2"));

  /* One eviction under way per contract. */
  g_assert_false (plaza_eviction_notify (f->store, 3, "2026-07-02", NULL, "again", NULL, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* The preview on notice, and the letter. */
  g_assert_true (plaza_eviction_preview (f->store, id, &s, &error));
  g_assert_cmpint (s.deposit, ==, 200000);
  g_assert_cmpint (s.open, ==, 135000);
  g_assert_cmpint (s.offset, ==, 135000);
  g_assert_cmpint (s.refund, ==, 65000);
  g_assert_cmpuint (s.n_units, ==, 1);
  g_assert_true (plaza_eviction_notice_pdf (f->store, id, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &bytes, &len, NULL));
  g_assert_cmpuint (len, >, 1000);
  g_assert_true (memcmp (bytes, "%PDF", 4) == 0);

  /* Not complete before the handover. */
  g_assert_false (plaza_eviction_complete (f->store, id, e->rev, NULL, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (plaza_eviction_handover (f->store, id, e->rev, "2026-06-30", "", &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (plaza_eviction_handover (f->store, id, e->rev, "2026-07-20", "Keys and 2 access cards returned", &error));
  g_assert_no_error (error);
  g_clear_pointer (&e, plaza_eviction_free);
  g_assert_true (plaza_eviction_get (f->store, id, &e, &error));
  g_assert_cmpstr (e->state, ==, "handed_over");
  g_assert_cmpstr (e->handover_date, ==, "2026-07-20");
  g_assert_cmpstr (e->handover_notes, ==, "Keys and 2 access cards returned");

  g_assert_true (plaza_eviction_complete (f->store, id, e->rev, &s, &error));
  g_assert_no_error (error);
  g_assert_cmpint (s.deposit, ==, 200000);
  g_assert_cmpint (s.offset, ==, 135000);
  g_assert_cmpint (s.refund, ==, 65000);
  g_assert_cmpint (s.payment_id, >, 0);
  g_assert_cmpuint (s.n_units, ==, 1);

  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM contracts WHERE id = 3 AND state = 'terminated' "
                                               "AND terminated_on = '2026-07-20'"), ==, 1);
  g_assert_cmpint (plaza_contract_deposit_balance (f->store, 3), ==, 0);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT amount FROM deposit_entries WHERE contract_id = 3 AND kind = 'offset'"), ==, 135000);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT amount FROM deposit_entries WHERE contract_id = 3 AND kind = 'refunded'"), ==, 65000);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT amount FROM payments WHERE method = 'deposit_offset'"), ==, 135000);
  g_assert_cmpint (plaza_payment_tenant_open (f->store, 3), ==, 0);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM units WHERE id = 3 AND status = 'vacant' "
                                               "AND vacant_since = '2026-07-20'"), ==, 1);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM unit_history WHERE unit_id = 3 AND kind = 'status'"), ==, 1);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM units WHERE status = 'leased'"), ==, 3);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM change_log WHERE entity = 'eviction'"), ==, 3);
  g_clear_pointer (&e, plaza_eviction_free);
  g_assert_true (plaza_eviction_get (f->store, id, &e, &error));
  g_assert_cmpstr (e->state, ==, "settled");

  /* Over: neither again nor cancelled. */
  g_assert_false (plaza_eviction_complete (f->store, id, e->rev, NULL, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (plaza_eviction_cancel (f->store, id, e->rev, "no", &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
}

/* By hand: C1 (T1, nothing owed, no deposit), a deadline given; a
 * terminated contract refused; a cancellation. */
static void
test_eviction_by_hand (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaEviction) e = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 id = 0;

  g_assert_false (plaza_eviction_notify (f->store, 5, "2026-07-01", NULL, "gone", &id, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (plaza_eviction_notify (f->store, 1, "2026-07-01", NULL, " ", &id, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (plaza_eviction_notify (f->store, 1, "2026-07-01", "2026-06-01", "late", &id, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (plaza_eviction_notify (f->store, 1, "2026-07-01", "2026-08-15", "Brand withdrawn", &id, &error));
  g_assert_no_error (error);
  g_assert_true (plaza_eviction_get (f->store, id, &e, &error));
  g_assert_cmpstr (e->deadline, ==, "2026-08-15");
  g_assert_true (plaza_eviction_cancel (f->store, id, e->rev, "Agreed to stay", &error));
  g_assert_no_error (error);
  g_assert_true (plaza_eviction_list (f->store, 1, &list, &error));
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((PlazaEviction *) g_ptr_array_index (list, 0))->state, ==, "cancelled");
  g_assert_false (plaza_eviction_notice_pdf (f->store, id, "/nonexistent/x.pdf", &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A new notice once the other is cancelled; completion with no deposit
   * and nothing owed: terminated, U1 vacant. */
  g_clear_pointer (&e, plaza_eviction_free);
  g_assert_true (plaza_eviction_notify (f->store, 1, "2026-07-02", NULL, "Brand withdrawn", &id, &error));
  g_assert_true (plaza_eviction_get (f->store, id, &e, &error));
  g_assert_true (plaza_eviction_handover (f->store, id, e->rev, "2026-07-31", NULL, &error));
  g_assert_true (plaza_eviction_complete (f->store, id, e->rev + 1, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM units WHERE id = 1 AND status = 'vacant'"), ==, 1);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM contracts WHERE id = 1 AND state = 'terminated'"), ==, 1);
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "review.db", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "cli.pdf", NULL);
  const char *build[] = { "review", "build", path, "--quarter", "2026Q2", NULL };
  const char *bad[] = { "review", "build", path, "--quarter", "2026-09", NULL };
  const char *notice_bad[] = { "eviction", "notice", path, "--id", "99", "--out", pdf, NULL };
  const char *notice[] = { "eviction", "notice", path, "--id", "1", "--out", pdf, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out2 = NULL;
  g_autofree char *err2 = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (plaza_test_run_plazactl (build, &out, &summary), ==, 0);
  g_assert_nonnull (strstr (summary, "2026-Q2"));
  g_assert_nonnull (strstr (out, "\nT3,Gamma,Fashion,3,3,1264,replace,draft,"));
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM tenant_reviews"), ==, 4);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (plaza_test_run_plazactl (build, &out, NULL), ==, 0);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM tenant_reviews"), ==, 4);

  g_assert_cmpint (plaza_test_run_plazactl (bad, &out2, &err), ==, 1);
  g_assert_nonnull (strchr (err, '\n'));
  g_assert_cmpstr (strchr (err, '\n') + 1, ==, "");

  g_assert_cmpint (plaza_test_run_plazactl (notice_bad, NULL, &err2), ==, 1);
  g_assert_cmpstr (strchr (err2, '\n') + 1, ==, "");
  g_assert_true (plaza_eviction_notify (f->store, 3, "2026-07-01", NULL, "经营不善，连续两季度考核末位", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (plaza_test_run_plazactl (notice, NULL, NULL), ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

  /* By hand: C1 (T1: no deposit, nothing owed) from notice to vacant U1. */
  {
    const char *start[] = { "eviction", "start", path, "--contract", "C1", "--reason", "Brand withdrawn",
                            "--date", "2026-07-01", NULL };
    const char *start_bad[] = { "eviction", "start", path, "--contract", "C9", "--reason", "x", NULL };
    const char *handover[] = { "eviction", "handover", path, "--id", "2", "--date", "2026-07-31", "--notes", "keys", NULL };
    const char *complete[] = { "eviction", "complete", path, "--id", "2", NULL };
    g_autofree char *o1 = NULL;
    g_autofree char *o2 = NULL;
    g_autofree char *o3 = NULL;
    g_autofree char *e1 = NULL;

    g_assert_cmpint (plaza_test_run_plazactl (start, &o1, NULL), ==, 0);
    g_assert_cmpstr (o1, ==, "Eviction 2: notice for C1 on 2026-07-01, deadline 2026-07-31\n");
    g_assert_cmpint (plaza_test_run_plazactl (start_bad, NULL, &e1), ==, 1);
    g_assert_cmpstr (strchr (e1, '\n') + 1, ==, "");
    g_assert_cmpint (plaza_test_run_plazactl (handover, &o2, NULL), ==, 0);
    g_assert_cmpint (plaza_test_run_plazactl (complete, &o3, NULL), ==, 0);
    g_assert_nonnull (strstr (o3, "contract C1 terminated"));
    g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM units WHERE id = 1 AND status = 'vacant'"), ==, 1);
  }
}

/* A small demo: a quarter built twice holds one row per trading tenant,
 * ranks within 1 … the category's size. */
static void
test_demo (void)
{
  g_autofree char *dir = g_dir_make_tmp ("plaza-review-demo-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaStore) store = plaza_store_open (path, PLAZA_STORE_OPEN_CREATE, &error);
  g_autoptr(GPtrArray) rows = NULL;
  PlazaReviewBuild b;
  guint replace = 0;
  GDate today;

  g_assert_no_error (error);
  g_assert_true (plaza_date_parse ("2026-11-27", &today));
  g_assert_true (plaza_demo_generate (store, 7, PLAZA_DEMO_SMALL, &today, &error));
  g_assert_no_error (error);

  g_assert_true (plaza_review_build (store, "2026-Q3", &b, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (b.n_rows, >, 3);
  g_assert_true (plaza_review_build (store, "2026-Q3", &b, &error));
  g_assert_cmpuint (b.n_new, ==, 0);
  g_assert_true (plaza_review_list (store, "2026-Q3", &rows, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, b.n_rows);
  for (guint i = 0; i < rows->len; i++)
    {
      PlazaReviewRow *r = g_ptr_array_index (rows, i);

      g_assert_cmpint (r->rank, >=, 1);
      g_assert_cmpint (r->rank, <=, r->n_in_category);
      g_assert_cmpstr (r->proposal, ==, plaza_review_default_proposal (r->score, r->rank, r->n_in_category));
      replace += g_str_equal (r->proposal, "replace");
    }
  g_test_message ("2026-Q3: %u tenants, %u proposed for replacement", rows->len, replace);

  g_clear_object (&store);
  plaza_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/review/quarters", test_quarters);
  g_test_add ("/review/build", Fixture, NULL, fixture_set_up, test_build, fixture_tear_down);
  g_test_add ("/review/eviction", Fixture, NULL, fixture_set_up, test_eviction, fixture_tear_down);
  g_test_add ("/review/eviction-by-hand", Fixture, NULL, fixture_set_up, test_eviction_by_hand, fixture_tear_down);
  g_test_add ("/review/cli", Fixture, NULL, fixture_set_up, test_cli, fixture_tear_down);
  g_test_add_func ("/review/demo", test_demo);

  return g_test_run ();
}
