/* test-prospect.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The leasing pipeline: allowed and refused stage moves (with change_log),
 * the negotiation log, offer → draft contract (tenant found or created,
 * the draft's terms, the prospect linked and in approval), the leasing
 * plan per floor, plazactl prospects list, and one run on a small demo.
 */

#define G_LOG_DOMAIN "plaza-test"

#include "config.h"

#include <string.h>

#include "plaza-demo.h"
#include "plaza-leasing-plan.h"
#include "plaza-prospect.h"
#include "test-util.h"

typedef struct
{
  char       *dir;
  char       *path;
  PlazaStore *store;
} Fixture;

static gboolean
fixture_rows (PlazaStore  *store,
              gpointer     data G_GNUC_UNUSED,
              GError     **error)
{
  return plaza_store_exec (store,
                           "INSERT INTO projects (id, code, name) VALUES (1, 'P', '星河广场');"
                           "INSERT INTO floors (id, project_id, label, level) VALUES (1, 1, '1F', 1), (2, 1, '2F', 2);"
                           "INSERT INTO categories (id, name) VALUES (1, '餐饮'), (2, '服装');"
                           "INSERT INTO units (id, floor_id, code, gross_area, rentable_area, status, vacant_since) VALUES "
                           "  (1, 1, '1F-001', 12000, 10000, 'vacant', '2026-10-28'),"
                           "  (2, 1, '1F-002', 10000, 8050, 'leased', NULL),"
                           "  (3, 1, '1F-003', 5000, 4000, 'leased', NULL),"
                           "  (4, 2, '2F-001', 9000, 8000, 'vacant', '2026-11-17');"
                           "INSERT INTO brands (id, name, category_id) VALUES (1, '蜜雪冰城', 1), (2, '优衣库', 2);"
                           "INSERT INTO tenants (id, code, name) VALUES (1, 'T0001', '上海星禾服饰有限公司');"
                           "INSERT INTO tenant_brands (tenant_id, brand_id) VALUES (1, 2);"
                           /* 1F-002 ends in 34 days, 1F-003 in 400 */
                           "INSERT INTO contracts (id, code, tenant_id, state, model, start_date, end_date, created_at) VALUES "
                           "  (1, 'HT2024-0001', 1, 'active', 'fixed', '2024-01-01', '2026-12-31', '2024-01-01'),"
                           "  (2, 'HT2024-0002', 1, 'active', 'fixed', '2024-01-01', '2028-01-01', '2024-01-01');"
                           "INSERT INTO contract_units (contract_id, unit_id, area) VALUES (1, 2, 8050), (2, 3, 4000);"
                           "INSERT INTO prospects (id, name, brand_id, category_id, wanted_area, contact, phone, source, stage, "
                           "  created_at) VALUES "
                           "  (1, '蜜雪冰城', 1, 1, 10000, '赵磊', '13800000001', '展会', 'contact', '2026-11-01'),"
                           "  (2, '优衣库', 2, 2, 8000, '钱敏', '13800000002', '中介推荐', 'intent', '2026-10-01');",
                           error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("plaza-prospect-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "mall.db", NULL);
  f->store = plaza_store_open (f->path, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  plaza_store_set_user (f->store, "lijun");
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

static char *
text_of (PlazaStore *store,
         const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = plaza_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static void
test_rules (void)
{
  PlazaProspectStage s;

  g_assert_cmpstr (plaza_prospect_stage_code (PLAZA_PROSPECT_INTENT), ==, "intent");
  g_assert_true (plaza_prospect_stage_parse ("approval", &s));
  g_assert_cmpint (s, ==, PLAZA_PROSPECT_APPROVAL);
  g_assert_false (plaza_prospect_stage_parse ("won", &s));

  g_assert_true (plaza_prospect_can_move (PLAZA_PROSPECT_CONTACT, PLAZA_PROSPECT_NEGOTIATION));
  g_assert_true (plaza_prospect_can_move (PLAZA_PROSPECT_INTENT, PLAZA_PROSPECT_NEGOTIATION));
  g_assert_true (plaza_prospect_can_move (PLAZA_PROSPECT_APPROVAL, PLAZA_PROSPECT_SIGNED));
  g_assert_true (plaza_prospect_can_move (PLAZA_PROSPECT_CONTACT, PLAZA_PROSPECT_DROPPED));
  g_assert_true (plaza_prospect_can_move (PLAZA_PROSPECT_APPROVAL, PLAZA_PROSPECT_DROPPED));
  g_assert_false (plaza_prospect_can_move (PLAZA_PROSPECT_CONTACT, PLAZA_PROSPECT_INTENT));
  g_assert_false (plaza_prospect_can_move (PLAZA_PROSPECT_CONTACT, PLAZA_PROSPECT_CONTACT));
  g_assert_false (plaza_prospect_can_move (PLAZA_PROSPECT_SIGNED, PLAZA_PROSPECT_APPROVAL));
  g_assert_false (plaza_prospect_can_move (PLAZA_PROSPECT_SIGNED, PLAZA_PROSPECT_DROPPED));
  g_assert_false (plaza_prospect_can_move (PLAZA_PROSPECT_DROPPED, PLAZA_PROSPECT_CONTACT));
}

static void
test_transitions (Fixture       *f,
                  gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaProspect) p = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *reason = NULL;

  p = plaza_prospect_get (f->store, 1, "2026-11-27", &error);
  g_assert_no_error (error);
  g_assert_cmpint (p->stage, ==, PLAZA_PROSPECT_CONTACT);
  g_assert_cmpstr (p->brand, ==, "蜜雪冰城");
  g_assert_cmpstr (p->stage_since, ==, "2026-11-01");
  g_assert_cmpint (p->days_in_stage, ==, 26);

  /* a skip is refused and changes nothing */
  g_assert_false (plaza_prospect_move (f->store, 1, p->rev, PLAZA_PROSPECT_INTENT, NULL, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM change_log WHERE entity = 'prospect'"), ==, 0);

  /* forward, back, forward: each a write with a change_log row */
  g_assert_true (plaza_prospect_move (f->store, 1, 1, PLAZA_PROSPECT_NEGOTIATION, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (plaza_prospect_move (f->store, 1, 2, PLAZA_PROSPECT_CONTACT, NULL, &error));
  g_assert_true (plaza_prospect_move (f->store, 1, 3, PLAZA_PROSPECT_NEGOTIATION, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM change_log WHERE entity = 'prospect' "
                                               "AND entity_id = 1 AND action = 'stage'"), ==, 3);
  summary = text_of (f->store, "SELECT summary FROM change_log WHERE entity = 'prospect' ORDER BY seq DESC LIMIT 1");
  g_assert_cmpstr (summary, ==, "contact → negotiation");
  g_clear_pointer (&p, plaza_prospect_free);
  p = plaza_prospect_get (f->store, 1, NULL, &error);
  g_assert_cmpint (p->days_in_stage, ==, 0);
  g_assert_cmpint (p->rev, ==, 4);

  /* a stale rev */
  g_assert_false (plaza_prospect_move (f->store, 1, 3, PLAZA_PROSPECT_INTENT, NULL, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  /* signed needs the draft contract; dropped needs a reason */
  g_assert_true (plaza_prospect_move (f->store, 1, 4, PLAZA_PROSPECT_INTENT, NULL, &error));
  g_assert_true (plaza_prospect_move (f->store, 1, 5, PLAZA_PROSPECT_APPROVAL, NULL, &error));
  g_assert_false (plaza_prospect_move (f->store, 1, 6, PLAZA_PROSPECT_SIGNED, NULL, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (plaza_prospect_move (f->store, 1, 6, PLAZA_PROSPECT_DROPPED, "  ", &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (plaza_prospect_move (f->store, 1, 6, PLAZA_PROSPECT_DROPPED, "租金预期差距大", &error));
  g_assert_no_error (error);
  reason = text_of (f->store, "SELECT stage || ':' || drop_reason FROM prospects WHERE id = 1");
  g_assert_cmpstr (reason, ==, "dropped:租金预期差距大");
  /* nothing leaves dropped */
  g_assert_false (plaza_prospect_move (f->store, 1, 7, PLAZA_PROSPECT_APPROVAL, NULL, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
}

static void
test_create_and_log (Fixture       *f,
                     gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GPtrArray) all = NULL;
  PlazaProspectNew fields = { .name = "喜茶", .category_id = 1, .wanted_area = 6000, .contact = "孙悦", .source = "主动来访" };
  PlazaNegotiation *entry;
  gint64 id;

  g_assert_cmpint (plaza_prospect_create (f->store, &(PlazaProspectNew) { .name = " " }, &error), ==, 0);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  id = plaza_prospect_create (f->store, &fields, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, ==, 3);

  g_assert_cmpint (plaza_prospect_add_negotiation (f->store, id, "2026-11-3", "lijun", "", "", NULL, NULL, &error), ==, 0);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (plaza_prospect_add_negotiation (f->store, id, "2026-11-20", "lijun", "报价 9.00 元/㎡/天",
                                                   "约品牌方看场", "2026-12-02", NULL, &error), >, 0);
  g_assert_cmpint (plaza_prospect_add_negotiation (f->store, id, "2026-11-10", "wangfang", "初次接洽",
                                                   "发送招商手册", "", "{\"rent\": 900}", &error), >, 0);
  g_assert_no_error (error);

  log = plaza_prospect_list_negotiations (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 2);
  entry = log->pdata[0];
  g_assert_cmpstr (entry->date, ==, "2026-11-10");
  g_assert_cmpstr (entry->next_date, ==, "");
  g_assert_nonnull (strstr (entry->offer_json, "900"));
  entry = log->pdata[1];
  g_assert_cmpstr (entry->who, ==, "lijun");
  g_assert_cmpstr (entry->next_step, ==, "约品牌方看场");
  g_assert_cmpstr (entry->next_date, ==, "2026-12-02");
  g_assert_null (entry->offer_json);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM change_log WHERE entity = 'prospect' "
                                               "AND entity_id = 3 AND action = 'negotiation'"), ==, 2);

  /* by stage: contact (newest first), then intent */
  all = plaza_prospect_list (f->store, "2026-11-27", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 3);
  g_assert_cmpint (((PlazaProspect *) all->pdata[0])->id, ==, 3);
  g_assert_cmpint (((PlazaProspect *) all->pdata[1])->id, ==, 1);
  g_assert_cmpint (((PlazaProspect *) all->pdata[2])->id, ==, 2);
  g_assert_cmpint (((PlazaProspect *) all->pdata[2])->days_in_stage, ==, 57);
}

static PlazaProspectOffer *
offer_for (gint64 unit_id)
{
  PlazaProspectOffer *offer = plaza_prospect_offer_new ();

  g_free (offer->start_date);
  offer->start_date = g_strdup ("2027-01-01");
  g_free (offer->end_date);
  offer->end_date = g_strdup ("2029-12-31");
  offer->rent = 1000;          /* 10.00 元/㎡/天 */
  offer->free_months = 2;
  offer->deposit = 9000000;    /* 90,000.00 */
  g_array_append_val (offer->unit_ids, unit_id);
  return offer;
}

static void
test_offer_json (void)
{
  g_autoptr(PlazaProspectOffer) offer = offer_for (4);
  g_autoptr(PlazaProspectOffer) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *terms = NULL;

  offer->percentage_bp = 800;
  g_free (offer->model);
  offer->model = g_strdup ("higher_of");
  json = plaza_prospect_offer_to_json (offer);
  back = plaza_prospect_offer_from_json (json, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->model, ==, "higher_of");
  g_assert_cmpint (back->rent, ==, 1000);
  g_assert_cmpint (back->percentage_bp, ==, 800);
  g_assert_cmpuint (back->unit_ids->len, ==, 1);
  g_assert_cmpint (g_array_index (back->unit_ids, gint64, 0), ==, 4);
  g_assert_cmpstr (back->end_date, ==, "2029-12-31");
  g_assert_cmpuint (back->free_months, ==, 2);
  g_assert_cmpint (back->deposit, ==, 9000000);

  terms = plaza_prospect_offer_terms (back, 8000, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (terms, ==,
                   "{\"start\":\"2027-01-01\",\"end\":\"2029-12-31\",\"area\":\"80.00\",\"model\":\"higher_of\","
                   "\"rent\":{\"amount\":\"10.00\",\"unit\":\"m2_day\"},\"percentage\":\"8.00\","
                   "\"free\":[{\"from\":\"2027-01-01\",\"to\":\"2027-02-28\"}]}");
  back->rent = 0;
  g_assert_null (plaza_prospect_offer_terms (back, 8000, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
}

static void
test_make_contract (Fixture       *f,
                    gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaProspectOffer) offer = offer_for (1);
  g_autoptr(PlazaProspect) p = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autofree char *row = NULL;
  g_autofree char *terms = NULL;
  gint64 contract_id = 0;

  /* prospect 1 is only in contact */
  g_assert_false (plaza_prospect_make_contract (f->store, 1, offer, &contract_id, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (plaza_prospect_move (f->store, 1, 1, PLAZA_PROSPECT_NEGOTIATION, NULL, &error));
  g_assert_true (plaza_prospect_move (f->store, 1, 2, PLAZA_PROSPECT_INTENT, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (plaza_prospect_make_contract (f->store, 1, offer, &contract_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (contract_id, ==, 3);

  /* 蜜雪冰城 was no tenant: created, linked to its brand, with the contact */
  row = text_of (f->store, "SELECT t.code || '|' || t.name || '|' || t.status || '|' || t.category_id || '|' || tb.brand_id "
                           "  || '|' || c.name FROM tenants t JOIN tenant_brands tb ON tb.tenant_id = t.id "
                           "  JOIN tenant_contacts c ON c.tenant_id = t.id WHERE t.id = 2");
  g_assert_cmpstr (row, ==, "T0002|蜜雪冰城|prospect|1|1|赵磊");
  g_clear_pointer (&row, g_free);

  /* the draft with the offer's terms: 10.00 × 100 m² × 365 / 12 = 30,416.67 a month */
  row = text_of (f->store, "SELECT state || '|' || tenant_id || '|' || brand_id || '|' || model || '|' || start_date || '|' "
                           "  || end_date || '|' || monthly_rent || '|' || deposit_amount FROM contracts WHERE id = 3");
  g_assert_cmpstr (row, ==, "draft|2|1|fixed|2027-01-01|2029-12-31|3041667|9000000");
  g_clear_pointer (&row, g_free);
  terms = text_of (f->store, "SELECT terms_json FROM contracts WHERE id = 3");
  g_assert_cmpstr (terms, ==,
                   "{\"start\":\"2027-01-01\",\"end\":\"2029-12-31\",\"area\":\"100.00\",\"model\":\"fixed\","
                   "\"rent\":{\"amount\":\"10.00\",\"unit\":\"m2_day\"},"
                   "\"free\":[{\"from\":\"2027-01-01\",\"to\":\"2027-02-28\"}]}");
  g_assert_cmpint (plaza_test_count (f->store, "SELECT area FROM contract_units WHERE contract_id = 3 AND unit_id = 1"), ==, 10000);

  /* the prospect: linked, in approval, the offer in its log */
  p = plaza_prospect_get (f->store, 1, "2026-11-27", &error);
  g_assert_no_error (error);
  g_assert_cmpint (p->stage, ==, PLAZA_PROSPECT_APPROVAL);
  g_assert_cmpint (p->contract_id, ==, 3);
  g_assert_cmpint (p->target_unit_id, ==, 1);
  g_assert_cmpstr (p->target_unit, ==, "1F-001");
  log = plaza_prospect_list_negotiations (f->store, 1, &error);
  g_assert_cmpuint (log->len, ==, 1);
  g_assert_nonnull (((PlazaNegotiation *) log->pdata[0])->offer_json);
  g_assert_nonnull (strstr (((PlazaNegotiation *) log->pdata[0])->offer_json, "\"free_months\":2"));

  /* only once; then signed is allowed */
  g_assert_false (plaza_prospect_make_contract (f->store, 1, offer, &contract_id, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (plaza_prospect_move (f->store, 1, p->rev, PLAZA_PROSPECT_SIGNED, NULL, &error));
  g_assert_no_error (error);

  /* 优衣库 is tenant T0001 already (by its brand); no new tenant. A clash
   * with the active lease of 1F-002 rolls everything back. */
  g_array_index (offer->unit_ids, gint64, 0) = 2;
  g_free (offer->start_date);
  offer->start_date = g_strdup ("2026-12-01");
  g_assert_false (plaza_prospect_make_contract (f->store, 2, offer, &contract_id, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM tenants"), ==, 2);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM contracts"), ==, 3);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM prospects WHERE id = 2 AND stage = 'intent'"), ==, 1);
  g_array_index (offer->unit_ids, gint64, 0) = 4;
  g_free (offer->start_date);
  offer->start_date = g_strdup ("2027-01-01");
  g_assert_true (plaza_prospect_make_contract (f->store, 2, offer, &contract_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT tenant_id FROM contracts WHERE id = 4"), ==, 1);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM tenants"), ==, 2);
  /* 10.00 × 80 m² × 365 / 12 = 24,333.33 */
  g_assert_cmpint (plaza_test_count (f->store, "SELECT monthly_rent FROM contracts WHERE id = 4"), ==, 2433333);
}

static void
test_plan (Fixture       *f,
           gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plan = NULL;
  const char * const brands[] = { "蜜雪冰城", "喜茶", NULL };
  PlazaLeasingPlanUnit *u;

  plan = plaza_leasing_plan_list (f->store, 0, "2026-11-27", 60, &error);
  g_assert_no_error (error);
  /* 1F-001 vacant, 1F-002 ends in 34 days, 2F-001 vacant; 1F-003 ends in 2028 */
  g_assert_cmpuint (plan->len, ==, 3);
  u = plan->pdata[0];
  g_assert_cmpstr (u->code, ==, "1F-001");
  g_assert_false (u->soon_vacant);
  g_assert_cmpint (u->days, ==, 30);
  u = plan->pdata[1];
  g_assert_cmpstr (u->code, ==, "1F-002");
  g_assert_true (u->soon_vacant);
  g_assert_cmpstr (u->lease_end, ==, "2026-12-31");
  g_assert_cmpint (u->days, ==, 34);
  g_assert_cmpstr (u->tenant, ==, "上海星禾服饰有限公司");
  g_assert_cmpstr (((PlazaLeasingPlanUnit *) plan->pdata[2])->floor, ==, "2F");
  g_clear_pointer (&plan, g_ptr_array_unref);

  g_assert_false (plaza_leasing_plan_set_target (f->store, 2, 1, 900, 800, brands, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (plaza_leasing_plan_set_target (f->store, 2, 1, 800, 1200, brands, &error));
  g_assert_no_error (error);
  plan = plaza_leasing_plan_list (f->store, 1, "2026-11-27", 30, &error);
  g_assert_no_error (error);
  /* within 30 days 1F-002 is not soon vacant */
  g_assert_cmpuint (plan->len, ==, 1);
  g_clear_pointer (&plan, g_ptr_array_unref);
  plan = plaza_leasing_plan_list (f->store, 1, "2026-11-27", 60, &error);
  g_assert_cmpuint (plan->len, ==, 2);
  u = plan->pdata[1];
  g_assert_cmpint (u->target_category_id, ==, 1);
  g_assert_cmpstr (u->target_category, ==, "餐饮");
  g_assert_cmpint (u->rent_min, ==, 800);
  g_assert_cmpint (u->rent_max, ==, 1200);
  g_assert_cmpuint (g_strv_length (u->brands), ==, 2);
  g_assert_cmpstr (u->brands[1], ==, "喜茶");
  g_assert_cmpstr (((PlazaLeasingPlanUnit *) plan->pdata[0])->target_category, ==, "");
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM settings WHERE key = 'leasing_plan.floor.1'"), ==, 1);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM change_log WHERE entity = 'unit' AND action = 'plan'"), ==, 1);

  /* Two people set the same unit's target from what they read (rev 1):
   * the first lands, the second is refused naming who, the first stays. */
  g_assert_cmpint (u->target_rev, ==, 1);
  g_assert_true (plaza_leasing_plan_set_target_at (f->store, 2, 1, 1, 850, 1250, brands, &error));
  g_assert_no_error (error);
  g_assert_false (plaza_leasing_plan_set_target_at (f->store, 2, 1, 1, 700, 900, NULL, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, plaza_store_get_user (f->store)));
  g_clear_error (&error);
  g_clear_pointer (&plan, g_ptr_array_unref);
  plan = plaza_leasing_plan_list (f->store, 1, "2026-11-27", 60, &error);
  u = plan->pdata[1];
  g_assert_cmpint (u->rent_min, ==, 850);
  g_assert_cmpint (u->target_rev, ==, 2);

  /* a draft on 1F-002 from 2027 takes it off the plan */
  g_assert_true (plaza_store_exec (f->store,
                                   "INSERT INTO contracts (id, code, tenant_id, state, model, start_date, end_date, created_at) "
                                   "VALUES (9, 'HT2027-0009', 1, 'draft', 'fixed', '2027-01-01', '2029-12-31', '2026-11-27');"
                                   "INSERT INTO contract_units VALUES (9, 2, 8050);", &error));
  g_clear_pointer (&plan, g_ptr_array_unref);
  plan = plaza_leasing_plan_list (f->store, 1, "2026-11-27", 60, &error);
  g_assert_cmpuint (plan->len, ==, 1);

  /* clearing counts as a save: a change made before it is still stale */
  g_assert_true (plaza_leasing_plan_set_target_at (f->store, 2, 2, 0, 0, 0, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (plaza_leasing_plan_set_target_at (f->store, 2, 2, 1, 800, 900, NULL, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_true (plaza_leasing_plan_set_target_at (f->store, 2, 3, 1, 800, 900, NULL, &error));
  g_assert_no_error (error);
}

static void
test_cli (Fixture       *f,
          gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *missing = g_build_filename (f->dir, "none.db", NULL);
  const char *args[] = { "prospects", "list", f->path, NULL };
  const char *bad[] = { "prospects", "list", missing, NULL };
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (plaza_test_run_plazactl (args, &out, &err), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "id,name,brand,category,wanted_area,stage,contact,source,owner,target_unit,contract,last_contact,next_step");
  g_assert_cmpstr (lines[1], ==, "1,蜜雪冰城,蜜雪冰城,餐饮,100.00,contact,赵磊,展会,,,,,");
  g_assert_cmpstr (lines[3], ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (plaza_test_run_plazactl (bad, &out, &err), ==, 1);
  g_assert_cmpuint (strlen (err), >, 0);
  g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
}

static void
test_demo (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("plaza-prospect-demo-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) plan = NULL;
  g_autoptr(PlazaProspectOffer) offer = NULL;
  PlazaProspect *intent = NULL;
  gint64 contract_id = 0, unit_id;
  const char *args[] = { "demo", path, "--size", "small", "--today", "2026-11-27", NULL };

  g_assert_cmpint (plaza_test_run_plazactl (args, NULL, NULL), ==, 0);
  store = plaza_store_open (path, PLAZA_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  all = plaza_prospect_list (store, "2026-11-27", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, >=, 6);
  for (guint i = 0; i < all->len && intent == NULL; i++)
    if (((PlazaProspect *) all->pdata[i])->stage == PLAZA_PROSPECT_INTENT)
      intent = all->pdata[i];
  g_assert_nonnull (intent);
  plan = plaza_leasing_plan_list (store, 0, "2026-11-27", 90, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->len, >, 0);
  /* a vacant unit of the plan for the intent's draft */
  unit_id = 0;
  for (guint i = 0; i < plan->len && unit_id == 0; i++)
    if (!((PlazaLeasingPlanUnit *) plan->pdata[i])->soon_vacant)
      unit_id = ((PlazaLeasingPlanUnit *) plan->pdata[i])->unit_id;
  g_assert_cmpint (unit_id, >, 0);
  offer = offer_for (unit_id);
  g_assert_true (plaza_prospect_make_contract (store, intent->id, offer, &contract_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (contract_id, >, 0);
  g_clear_object (&store);
  plaza_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/prospect/rules", test_rules);
  g_test_add_func ("/prospect/offer-json", test_offer_json);
  g_test_add ("/prospect/transitions", Fixture, NULL, fixture_set_up, test_transitions, fixture_tear_down);
  g_test_add ("/prospect/create-and-log", Fixture, NULL, fixture_set_up, test_create_and_log, fixture_tear_down);
  g_test_add ("/prospect/make-contract", Fixture, NULL, fixture_set_up, test_make_contract, fixture_tear_down);
  g_test_add ("/prospect/plan", Fixture, NULL, fixture_set_up, test_plan, fixture_tear_down);
  g_test_add ("/prospect/cli", Fixture, NULL, fixture_set_up, test_cli, fixture_tear_down);
  g_test_add_func ("/prospect/demo", test_demo);
  return g_test_run ();
}
