/* test-contract.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The contract lifecycle: legal and illegal transitions, approval and
 * rejection, clashes over units, stale revs, termination with deposit
 * settlement, renewal, amendments and expiry.
 */

#define G_LOG_DOMAIN "plaza-test"

#include "config.h"

#include <string.h>

#include "plaza-core.h"
#include "test-util.h"

typedef struct
{
  char       *dir;
  PlazaStore *store;
  gint64      units[3];
} Fixture;

static gboolean
fixture_rows (PlazaStore  *store,
              gpointer     data G_GNUC_UNUSED,
              GError     **error)
{
  return plaza_store_exec (store,
                           "INSERT INTO projects (id, code, name) VALUES (1, 'P', '星河广场');"
                           "INSERT INTO floors (id, project_id, label, level) VALUES (1, 1, '1F', 1);"
                           "INSERT INTO units (id, floor_id, code, gross_area, rentable_area) VALUES "
                           "  (1, 1, '1F-001', 15000, 12000), (2, 1, '1F-002', 10000, 8050), (3, 1, '1F-003', 5000, 4000);"
                           "INSERT INTO tenants (id, code, name) VALUES (1, 'T1', '杭州悦享餐饮管理有限公司'), "
                           "  (2, 'T2', '上海星禾服饰有限公司');",
                           error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("plaza-contract-XXXXXX", NULL);
  path = g_build_filename (f->dir, "mall.db", NULL);
  f->store = plaza_store_open (path, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  plaza_store_set_user (f->store, "wangfang");
  g_assert_true (plaza_store_write (f->store, fixture_rows, NULL, &error));
  g_assert_no_error (error);
  f->units[0] = 1;
  f->units[1] = 2;
  f->units[2] = 3;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data G_GNUC_UNUSED)
{
  g_assert_finalize_object (f->store);
  plaza_test_remove_tree (f->dir);
  g_free (f->dir);
}

static PlazaContractDraft
draft (Fixture    *f,
       gint64      tenant,
       guint       first_unit,
       guint       n_units,
       const char *start,
       const char *end)
{
  PlazaContractDraft d = {
    .tenant_id = tenant,
    .kind = "lease",
    .model = "fixed",
    .start_date = start,
    .end_date = end,
    .terms_json = "{\"model\": \"fixed\"}",
    .deposit_amount = 3000000,
    .unit_ids = &f->units[first_unit],
    .n_units = n_units,
  };
  return d;
}

static gint64
rev_of (Fixture *f,
        gint64   id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT rev FROM contracts WHERE id = %" G_GINT64_FORMAT, id);
  return plaza_test_count (f->store, sql);
}

static char *
state_of (Fixture *f,
          gint64   id)
{
  g_autoptr(sqlite3_stmt) stmt = plaza_store_prepare (f->store, "SELECT state FROM contracts WHERE id = ?", NULL);

  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

#define assert_state(f, id, expected) \
  G_STMT_START { g_autofree char *s_ = state_of (f, id); g_assert_cmpstr (s_, ==, expected); } G_STMT_END

/* Draft → submitted → approved → active. */
static gint64
make_active (Fixture    *f,
             gint64      tenant,
             guint       first_unit,
             guint       n_units,
             const char *start,
             const char *end)
{
  g_autoptr(GError) error = NULL;
  PlazaContractDraft d = draft (f, tenant, first_unit, n_units, start, end);
  gint64 id = plaza_contract_create (f->store, &d, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_true (plaza_contract_submit (f->store, id, rev_of (f, id), &error));
  g_assert_true (plaza_contract_approve (f->store, id, rev_of (f, id), "同意", &error));
  g_assert_true (plaza_contract_activate (f->store, id, rev_of (f, id), start, &error));
  g_assert_no_error (error);
  assert_state (f, id, "active");
  return id;
}

static void
test_transition_table (void)
{
  g_assert_cmpstr (plaza_contract_next_state ("draft", PLAZA_CONTRACT_SUBMIT), ==, "submitted");
  g_assert_cmpstr (plaza_contract_next_state ("submitted", PLAZA_CONTRACT_APPROVE), ==, "approved");
  g_assert_cmpstr (plaza_contract_next_state ("submitted", PLAZA_CONTRACT_REJECT), ==, "draft");
  g_assert_cmpstr (plaza_contract_next_state ("approved", PLAZA_CONTRACT_ACTIVATE), ==, "active");
  g_assert_cmpstr (plaza_contract_next_state ("active", PLAZA_CONTRACT_EXPIRE), ==, "expired");
  g_assert_cmpstr (plaza_contract_next_state ("active", PLAZA_CONTRACT_TERMINATE), ==, "terminated");
  g_assert_cmpstr (plaza_contract_next_state ("active", PLAZA_CONTRACT_RENEW), ==, "renewed");
  /* Never: skipping approval, editing a signed contract, reviving an ended one. */
  g_assert_null (plaza_contract_next_state ("draft", PLAZA_CONTRACT_APPROVE));
  g_assert_null (plaza_contract_next_state ("draft", PLAZA_CONTRACT_ACTIVATE));
  g_assert_null (plaza_contract_next_state ("active", PLAZA_CONTRACT_EDIT));
  g_assert_null (plaza_contract_next_state ("approved", PLAZA_CONTRACT_EDIT));
  g_assert_null (plaza_contract_next_state ("terminated", PLAZA_CONTRACT_ACTIVATE));
  g_assert_null (plaza_contract_next_state ("expired", PLAZA_CONTRACT_TERMINATE));
  g_assert_null (plaza_contract_next_state ("draft", PLAZA_CONTRACT_AMEND));
  g_assert_null (plaza_contract_next_state ("nonsense", PLAZA_CONTRACT_SUBMIT));
}

static void
test_lifecycle (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  PlazaContractDraft d = draft (f, 1, 0, 2, "2026-03-15", "2029-03-14");
  gint64 id = plaza_contract_create (f->store, &d, &error);

  g_assert_no_error (error);
  assert_state (f, id, "draft");
  /* Two units; the rent area is their rentable area. */
  g_assert_cmpint (plaza_test_count (f->store, "SELECT sum(area) FROM contract_units WHERE contract_id = 1"), ==, 20050);

  /* On gross area the same units count 250.00 m². */
  {
    PlazaContractDraft g = draft (f, 2, 0, 2, "2029-03-15", "2030-03-14");
    gint64 gid;

    g.area_basis = "gross";
    gid = plaza_contract_create (f->store, &g, &error);
    g_assert_no_error (error);
    g_assert_cmpint (plaza_test_count (f->store, "SELECT sum(area) FROM contract_units WHERE contract_id = 2"), ==, 25000);
    g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM contracts WHERE area_basis = 'gross'"), ==, 1);
    (void) gid;
  }

  g_assert_true (plaza_contract_submit (f->store, id, 1, &error));
  g_assert_true (plaza_contract_approve (f->store, id, 2, "同意签约", &error));
  /* Not before its start. */
  g_assert_false (plaza_contract_activate (f->store, id, 3, "2026-03-14", &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  assert_state (f, id, "approved");
  g_assert_true (plaza_contract_activate (f->store, id, 3, "2026-03-15", &error));
  g_assert_no_error (error);
  assert_state (f, id, "active");

  /* The paper trail and the change log, each step once, with the user. */
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM contract_events WHERE contract_id = 1 AND kind IN "
                                               "('created', 'submitted', 'approved', 'activated')"), ==, 4);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM change_log WHERE entity = 'contract' "
                                               "AND entity_id = 1 AND user = 'wangfang'"), ==, 4);
  g_assert_cmpint (rev_of (f, id), ==, 4);
}

static void
test_illegal (Fixture       *f,
              gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  PlazaContractDraft d = draft (f, 1, 0, 1, "2026-01-01", "2026-12-31");
  gint64 id = plaza_contract_create (f->store, &d, &error);
  gint64 log = plaza_test_count (f->store, "SELECT count(*) FROM change_log");

  g_assert_false (plaza_contract_approve (f->store, id, 1, NULL, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "HT2026-0001"));
  g_clear_error (&error);
  g_assert_false (plaza_contract_terminate (f->store, id, 1, "2026-06-01", "x", 0, NULL, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (plaza_contract_amend (f->store, id, "2026-06-01", "{}", NULL, &error), ==, 0);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Nothing changed. */
  assert_state (f, id, "draft");
  g_assert_cmpint (rev_of (f, id), ==, 1);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM change_log"), ==, log);

  /* Bad drafts say which field. */
  d.end_date = "2025-12-31";
  g_assert_cmpint (plaza_contract_create (f->store, &d, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "end"));
  g_clear_error (&error);
  d.end_date = "2026-02-30";
  g_assert_cmpint (plaza_contract_create (f->store, &d, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "end"));
  g_clear_error (&error);
  d = draft (f, 1, 0, 0, "2026-01-01", "2026-12-31");
  g_assert_cmpint (plaza_contract_create (f->store, &d, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "units"));
  g_clear_error (&error);
  d = draft (f, 1, 0, 1, "2026-01-01", "2026-12-31");
  d.model = "barter";
  g_assert_cmpint (plaza_contract_create (f->store, &d, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "model"));
}

static void
test_reject (Fixture       *f,
             gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  PlazaContractDraft d = draft (f, 1, 0, 1, "2026-01-01", "2026-12-31");
  gint64 id = plaza_contract_create (f->store, &d, &error);

  g_assert_true (plaza_contract_submit (f->store, id, 1, &error));
  g_assert_false (plaza_contract_reject (f->store, id, 2, "", &error));
  g_assert_nonnull (strstr (error->message, "comment"));
  g_clear_error (&error);
  g_assert_true (plaza_contract_reject (f->store, id, 2, "租金低于底价，请重新谈判", &error));
  g_assert_no_error (error);
  assert_state (f, id, "draft");
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM contract_events WHERE kind = 'rejected' "
                                               "AND comment LIKE '租金低于底价%'"), ==, 1);
}

static void
test_conflict (Fixture       *f,
               gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  PlazaContractDraft d = draft (f, 1, 0, 1, "2026-01-01", "2026-12-31");
  gint64 id = plaza_contract_create (f->store, &d, &error);

  /* Two clerks saw rev 1; the first submits, the second's approve is stale. */
  g_assert_true (plaza_contract_submit (f->store, id, 1, &error));
  plaza_store_set_user (f->store, "lijun");
  g_assert_false (plaza_contract_submit (f->store, id, 1, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "wangfang"));
  g_clear_error (&error);
  assert_state (f, id, "submitted");
}

static void
test_clash (Fixture       *f,
            gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  PlazaContractDraft d;
  gint64 first = make_active (f, 1, 0, 2, "2026-01-01", "2028-12-31");
  gint64 other;

  (void) first;
  /* Unit 1F-002 is held until 2028-12-31. */
  d = draft (f, 2, 1, 2, "2028-06-01", "2030-05-31");
  g_assert_cmpint (plaza_contract_create (f->store, &d, &error), ==, 0);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "HT2026-0001"));
  g_clear_error (&error);

  /* The day after is free. */
  d = draft (f, 2, 1, 2, "2029-01-01", "2030-12-31");
  other = plaza_contract_create (f->store, &d, &error);
  g_assert_no_error (error);
  g_assert_cmpint (other, >, 0);

  /* A draft holds nothing: a second draft for the same days may exist,
   * but only one of them can be submitted. */
  d = draft (f, 1, 2, 1, "2029-06-01", "2031-05-31");
  g_assert_cmpint (plaza_contract_create (f->store, &d, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (plaza_contract_submit (f->store, other, 1, &error));
  g_assert_false (plaza_contract_submit (f->store, 3, 1, &error));
  g_assert_nonnull (strstr (error->message, "HT2029-0002"));
}

static void
test_terminate (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  gint64 id = make_active (f, 1, 0, 1, "2026-01-01", "2028-12-31");
  gint64 rev = rev_of (f, id);

  g_assert_true (plaza_contract_add_deposit (f->store, id, "received", 3000000, "2025-12-20", NULL, &error));
  g_assert_cmpint (plaza_contract_deposit_balance (f->store, id), ==, 3000000);

  /* More than is held, a date outside the lease, no reason: refused. */
  g_assert_false (plaza_contract_terminate (f->store, id, rev, "2027-06-30", "经营不善", 3000001, "违约", &error));
  g_assert_nonnull (strstr (error->message, "deducted"));
  g_clear_error (&error);
  g_assert_false (plaza_contract_terminate (f->store, id, rev, "2029-06-30", "经营不善", 0, NULL, &error));
  g_assert_nonnull (strstr (error->message, "date"));
  g_clear_error (&error);
  g_assert_false (plaza_contract_terminate (f->store, id, rev, "2027-06-30", "", 0, NULL, &error));
  g_assert_nonnull (strstr (error->message, "reason"));
  g_clear_error (&error);
  assert_state (f, id, "active");
  g_assert_cmpint (plaza_contract_deposit_balance (f->store, id), ==, 3000000);

  g_assert_true (plaza_contract_terminate (f->store, id, rev, "2027-06-30", "经营不善，协商提前解约",
                                           500000, "提前解约违约金", &error));
  g_assert_no_error (error);
  assert_state (f, id, "terminated");
  g_assert_cmpint (plaza_contract_deposit_balance (f->store, id), ==, 0);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT amount FROM deposit_entries WHERE kind = 'deducted'"), ==, 500000);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT amount FROM deposit_entries WHERE kind = 'refunded'"), ==, 2500000);
  /* The unit is free from the day after. */
  {
    PlazaContractDraft d = draft (f, 2, 0, 1, "2027-07-01", "2029-06-30");
    g_assert_cmpint (plaza_contract_create (f->store, &d, &error), >, 0);
    g_assert_no_error (error);
  }
}

static void
test_renew (Fixture       *f,
            gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  gint64 old = make_active (f, 1, 0, 1, "2026-01-01", "2026-12-31");
  PlazaContractDraft d = draft (f, 1, 0, 1, "2026-12-01", "2029-12-31");
  gint64 next;

  g_assert_cmpint (plaza_contract_renew (f->store, old, &d, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "start"));
  g_clear_error (&error);

  d.start_date = "2027-01-01";
  next = plaza_contract_renew (f->store, old, &d, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT previous_contract_id FROM contracts WHERE id = 2"), ==, old);
  assert_state (f, old, "active");

  g_assert_true (plaza_contract_submit (f->store, next, 1, &error));
  g_assert_true (plaza_contract_approve (f->store, next, 2, NULL, &error));
  g_assert_true (plaza_contract_activate (f->store, next, 3, "2027-01-01", &error));
  g_assert_no_error (error);
  assert_state (f, next, "active");
  assert_state (f, old, "renewed");
}

static void
test_amend_and_expire (Fixture       *f,
                       gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  gint64 id = make_active (f, 1, 0, 1, "2026-01-01", "2026-12-31");
  gint64 event;
  guint n = 0;

  g_assert_cmpint (plaza_contract_amend (f->store, id, "2027-02-01", "{}", NULL, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "effective"));
  g_clear_error (&error);

  event = plaza_contract_amend (f->store, id, "2026-07-01", "{\"model\": \"fixed\", \"rent\": {\"amount\": \"9.00\"}}",
                                "租金上调", &error);
  g_assert_no_error (error);
  g_assert_cmpint (event, >, 0);
  /* Terms are never edited in place: the contract is still active as it was. */
  assert_state (f, id, "active");
  g_assert_false (plaza_contract_decide_amendment (f->store, event, FALSE, "", &error));
  g_clear_error (&error);
  g_assert_true (plaza_contract_decide_amendment (f->store, event, TRUE, "同意", &error));
  g_assert_no_error (error);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM contract_events WHERE kind = 'amendment' "
                                               "AND state = 'approved' AND effective_date = '2026-07-01'"), ==, 1);
  /* The view a renewal or the next amendment starts from: the terms in
   * force carry the approved amendment, with the parties and units. */
  {
    g_autoptr(PlazaContractView) view = plaza_contract_view_load (f->store, id, &error);

    g_assert_no_error (error);
    g_assert_cmpint (view->tenant_id, ==, 1);
    g_assert_cmpuint (view->unit_ids->len, ==, 1);
    g_assert_cmpint (g_array_index (view->unit_ids, gint64, 0), ==, 1);
    g_assert_nonnull (strstr (view->terms_in_force, "\"9.00\""));
    g_assert_null (strstr (view->terms_json, "\"9.00\""));
  }
  /* Decided once only. */
  g_assert_false (plaza_contract_decide_amendment (f->store, event, TRUE, NULL, &error));
  g_clear_error (&error);

  g_assert_true (plaza_contract_expire_due (f->store, "2026-12-31", &n, &error));
  g_assert_cmpuint (n, ==, 0);
  g_assert_true (plaza_contract_expire_due (f->store, "2027-01-01", &n, &error));
  g_assert_cmpuint (n, ==, 1);
  assert_state (f, id, "expired");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/contract/transition-table", test_transition_table);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/contract/lifecycle", test_lifecycle);
  ADD ("/contract/illegal-transitions", test_illegal);
  ADD ("/contract/reject", test_reject);
  ADD ("/contract/stale-rev", test_conflict);
  ADD ("/contract/unit-clash", test_clash);
  ADD ("/contract/terminate-and-settle-deposit", test_terminate);
  ADD ("/contract/renew", test_renew);
  ADD ("/contract/amend-and-expire", test_amend_and_expire);
#undef ADD

  return g_test_run ();
}
