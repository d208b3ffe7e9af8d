/* test-share-columns.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Schema 2's columns in use (issue 8): fitout_inspections.inspector,
 * evictions.handover_notes, complaints.resolved_on, negotiations.next_date
 * and offer_rent_fen are written and read by the core calls; migration 003
 * fills them in a schema-2 file from where schema 2 kept the values ("[name]
 * notes", the change_log summaries, terms_json), leaving what cannot be
 * recovered as it is; the demo fills them.
 */

#define G_LOG_DOMAIN "plaza-test"

#include "config.h"

#include <glib.h>
#include <sqlite3.h>
#include <string.h>

#include "plaza-complaint.h"
#include "plaza-date.h"
#include "plaza-eviction.h"
#include "plaza-fitout.h"
#include "plaza-prospect.h"
#include "plaza-store.h"
#include "test-util.h"

typedef struct
{
  char       *dir;
  char       *path;
  PlazaStore *store;
} Fixture;

static gboolean
seed_func (PlazaStore  *store,
           gpointer     user_data G_GNUC_UNUSED,
           GError     **error)
{
  return plaza_store_exec (store,
                           "INSERT INTO projects (id, code, name) VALUES (1, 'P', '星河广场');"
                           "INSERT INTO floors (id, project_id, label, level) VALUES (1, 1, '1F', 1);"
                           "INSERT INTO units (id, floor_id, code, gross_area, rentable_area, status) VALUES "
                           "  (1, 1, '1F-001', 12000, 10000, 'vacant'),"
                           "  (2, 1, '1F-002', 10000, 8050, 'vacant'),"
                           "  (3, 1, '1F-003', 5000, 4000, 'vacant');"
                           "INSERT INTO tenants (id, code, name) VALUES (1, 'T1', '星巴克');"
                           "INSERT INTO contracts (id, code, tenant_id, model, start_date, end_date, terms_json, state, created_at) "
                           "  VALUES (1, 'C-001', 1, 'fixed', '2026-01-01', '2028-12-31', '{}', 'active', '2025-12-01T00:00:00Z');"
                           "INSERT INTO fitouts (id, contract_id, start_date, due_date, state) "
                           "  VALUES (1, 1, '2026-01-01', '2026-02-28', 'inspection');"
                           "INSERT INTO evictions (id, contract_id, notice_date, deadline, reason) "
                           "  VALUES (1, 1, '2026-11-01', '2026-12-01', '连续两季排名末位');"
                           "INSERT INTO complaints (id, tenant_id, date, kind, text) "
                           "  VALUES (1, 1, '2026-11-10', 'complaint', '排队时间过长');"
                           "INSERT INTO prospects (id, name, created_at) VALUES (1, '蜜雪冰城', '2026-11-01T00:00:00Z');",
                           error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  f->dir = g_dir_make_tmp ("plaza-columns-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "mall.db", NULL);
  f->store = plaza_store_open (f->path, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  plaza_store_set_user (f->store, "lina");
  ok = plaza_store_write (f->store, seed_func, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data G_GNUC_UNUSED)
{
  if (f->store != NULL)
    g_assert_finalize_object (f->store);
  plaza_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static char *
text_of (PlazaStore *store,
         const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = plaza_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_type (stmt, 0) == SQLITE_NULL ? NULL : g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

/* ---- inspector ---------------------------------------------------------- */

static void
test_inspector (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaFitout) fitout = NULL;
  PlazaFitoutInspection *in;
  GDate d;

  g_assert_true (plaza_date_parse ("2026-02-20", &d));
  /* Brackets are only characters now. */
  g_assert_cmpint (plaza_fitout_add_inspection (f->store, 1, &d, " 张工 [消防] ", FALSE, "喷淋未完工", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM fitout_inspections "
                                     "WHERE inspector = '张工 [消防]' AND notes = '喷淋未完工'"), ==, 1);

  fitout = plaza_fitout_load (f->store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fitout->inspections->len, ==, 1);
  in = g_ptr_array_index (fitout->inspections, 0);
  g_assert_cmpstr (in->inspector, ==, "张工 [消防]");
  g_assert_cmpstr (in->notes, ==, "喷淋未完工");
  g_assert_false (in->passed);

  /* Still required. */
  g_assert_cmpint (plaza_fitout_add_inspection (f->store, 1, &d, "  ", TRUE, "", &error), ==, 0);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
}

/* ---- handover notes ----------------------------------------------------- */

static void
test_handover_notes (Fixture       *f,
                     gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaEviction) e = NULL;

  g_assert_true (plaza_eviction_handover (f->store, 1, 1, "2026-11-28", "钥匙及 2 张门禁卡已交还", &error));
  g_assert_no_error (error);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM evictions WHERE id = 1 "
                                     "AND handover_notes = '钥匙及 2 张门禁卡已交还' AND state = 'handed_over'"), ==, 1);
  g_assert_true (plaza_eviction_get (f->store, 1, &e, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (e->handover_notes, ==, "钥匙及 2 张门禁卡已交还");
  g_assert_cmpstr (e->handover_date, ==, "2026-11-28");
  g_clear_pointer (&e, plaza_eviction_free);

  /* A second handover replaces the notes; the column, not the log, is read. */
  g_assert_true (plaza_eviction_handover (f->store, 1, 2, "2026-11-29", "", &error));
  g_assert_no_error (error);
  g_assert_true (plaza_eviction_get (f->store, 1, &e, &error));
  g_assert_cmpstr (e->handover_notes, ==, "");
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM change_log WHERE entity = 'eviction' "
                                     "AND action = 'handover'"), ==, 2);
}

/* ---- resolved on -------------------------------------------------------- */

static void
test_resolved_on (Fixture       *f,
                  gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *on = NULL;
  PlazaComplaint *c;
  GDate d;

  g_assert_true (plaza_date_parse ("2026-11-12", &d));
  g_assert_cmpint (plaza_complaint_set_resolved (f->store, 1, 1, &d, &error), ==, 2);
  g_assert_no_error (error);
  on = text_of (f->store, "SELECT resolved_on FROM complaints WHERE id = 1");
  g_assert_cmpstr (on, ==, "2026-11-12");
  list = plaza_complaint_list (f->store, 1, &error);
  g_assert_no_error (error);
  c = g_ptr_array_index (list, 0);
  g_assert_true (c->resolved);
  g_assert_cmpstr (c->resolved_on, ==, "2026-11-12");
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Open again: no day. */
  g_assert_cmpint (plaza_complaint_set_resolved (f->store, 1, 2, NULL, &error), ==, 3);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM complaints WHERE id = 1 "
                                     "AND resolved = 0 AND resolved_on IS NULL"), ==, 1);
  list = plaza_complaint_list (f->store, 1, &error);
  c = g_ptr_array_index (list, 0);
  g_assert_false (c->resolved);
  g_assert_null (c->resolved_on);

  /* Before the day it was logged: refused, nothing changed. */
  g_assert_true (plaza_date_parse ("2026-11-09", &d));
  g_assert_cmpint (plaza_complaint_set_resolved (f->store, 1, 3, &d, &error), ==, 0);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM complaints WHERE resolved_on IS NOT NULL"), ==, 0);
}

/* ---- next date and offered rent ----------------------------------------- */

/* 9.50 a m² a day on 1F-001 + 1F-002 (100.00 + 80.50 m²):
 * 950 × 18050 × 365 / 1200 = 5,215,698.4 → 5,215,698 fen (¥52,156.98). */
#define DAILY_OFFER \
  "{\"model\":\"fixed\",\"rent\":950,\"rent_unit\":\"m2_day\",\"percentage_bp\":0,\"units\":[1,2]," \
  "\"start\":\"2027-01-01\",\"end\":\"2029-12-31\",\"free_months\":2,\"deposit\":0,\"monthly_rent\":0}"
/* 280.00 a m² a month on 1F-003 (40.00 m²): 28000 × 4000 / 100 = 1,120,000. */
#define MONTHLY_M2_OFFER \
  "{\"model\":\"fixed\",\"rent\":28000,\"rent_unit\":\"m2_month\",\"units\":[3],\"monthly_rent\":0}"
#define PERCENT_OFFER \
  "{\"model\":\"percentage\",\"rent\":0,\"rent_unit\":\"m2_day\",\"percentage_bp\":1200,\"units\":[3],\"monthly_rent\":0}"

static void
test_negotiation (Fixture       *f,
                  gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autofree char *json = NULL;
  PlazaNegotiation *n;

  g_assert_cmpint (plaza_prospect_add_negotiation_with_rent (f->store, 1, "2026-11-20", "李军", "报价 ¥45,000/月", "约看场",
                                                             "2026-12-02", 4500000, NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (plaza_prospect_add_negotiation (f->store, 1, "2026-11-21", "王芳", "初次接洽", "", "", NULL, &error), >, 0);
  g_assert_cmpint (plaza_prospect_add_negotiation (f->store, 1, "2026-11-22", "王芳", "按日报价", "", NULL, DAILY_OFFER,
                                                   &error), >, 0);
  g_assert_cmpint (plaza_prospect_add_negotiation (f->store, 1, "2026-11-23", "王芳", "按月报价", "", NULL, MONTHLY_M2_OFFER,
                                                   &error), >, 0);
  g_assert_cmpint (plaza_prospect_add_negotiation (f->store, 1, "2026-11-24", "王芳", "扣点", "", NULL, PERCENT_OFFER,
                                                   &error), >, 0);
  /* A rent given wins over the offer's. */
  g_assert_cmpint (plaza_prospect_add_negotiation_with_rent (f->store, 1, "2026-11-25", "王芳", "让步", "", NULL, 5000000,
                                                             DAILY_OFFER, &error), >, 0);
  g_assert_no_error (error);

  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM negotiations WHERE next_date = '2026-12-02' "
                                     "AND offer_rent_fen = 4500000 AND terms_json IS NULL"), ==, 1);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM negotiations WHERE next_date IS NULL"), ==, 5);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM negotiations WHERE offer_rent_fen IS NULL"), ==, 2);
  json = text_of (f->store, "SELECT terms_json FROM negotiations WHERE date = '2026-11-22'");
  g_assert_null (strstr (json, "next_date"));

  log = plaza_prospect_list_negotiations (f->store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 6);
  n = g_ptr_array_index (log, 0);
  g_assert_cmpstr (n->next_date, ==, "2026-12-02");
  g_assert_cmpint (n->offer_rent, ==, 4500000);
  g_assert_null (n->offer_json);
  n = g_ptr_array_index (log, 1);
  g_assert_cmpstr (n->next_date, ==, "");
  g_assert_cmpint (n->offer_rent, ==, -1);
  n = g_ptr_array_index (log, 2);
  g_assert_cmpint (n->offer_rent, ==, 5215698);
  g_assert_nonnull (n->offer_json);
  n = g_ptr_array_index (log, 3);
  g_assert_cmpint (n->offer_rent, ==, 1120000);
  n = g_ptr_array_index (log, 4);
  g_assert_cmpint (n->offer_rent, ==, -1);
  n = g_ptr_array_index (log, 5);
  g_assert_cmpint (n->offer_rent, ==, 5000000);

  /* Zero or a negative rent is refused; so is a bad next date. */
  g_assert_cmpint (plaza_prospect_add_negotiation_with_rent (f->store, 1, "2026-11-26", "王芳", "x", "", NULL, 0, NULL,
                                                             &error), ==, 0);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (plaza_prospect_add_negotiation_with_rent (f->store, 1, "2026-11-26", "王芳", "x", "", NULL, -5, NULL,
                                                             &error), ==, 0);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (plaza_prospect_add_negotiation (f->store, 1, "2026-11-26", "王芳", "x", "", "12/02", NULL, &error), ==, 0);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM negotiations"), ==, 6);
}

/* ---- migration 003 on a hand-made schema-2 file ------------------------- */

static gboolean
v2_rows_func (PlazaStore  *store,
              gpointer     user_data G_GNUC_UNUSED,
              GError     **error)
{
  if (!plaza_store_exec (store,
                         "INSERT INTO fitout_inspections (id, fitout_id, date, result, notes) VALUES "
                         "  (1, 1, '2026-02-01', 'fail', '[张工] 门头灯箱未亮'),"
                         "  (2, 1, '2026-02-10', 'pass', '[李工]'),"
                         "  (3, 1, '2026-02-11', 'pass', '没有检查人'),"
                         "  (4, 1, '2026-02-12', 'pass', '[] 空名字'),"
                         "  (5, 1, '2026-02-13', 'pass', '[王工]无空格');"
                         "UPDATE evictions SET state = 'handed_over', handover_date = '2026-11-20' WHERE id = 1;"
                         "INSERT INTO evictions (id, contract_id, notice_date, deadline) VALUES (2, 1, '2026-11-02', '2026-12-02');"
                         "UPDATE complaints SET resolved = 1 WHERE id = 1;"
                         "INSERT INTO complaints (id, tenant_id, date, kind, text, resolved) VALUES "
                         "  (2, 1, '2026-11-11', 'complaint', '二', 1),"
                         "  (3, 1, '2026-11-12', 'complaint', '三', 1),"
                         "  (4, 1, '2026-11-13', 'complaint', '四', 0);"
                         "INSERT INTO negotiations (id, prospect_id, date, terms_json) VALUES "
                         "  (1, 1, '2026-11-01', '{\"next_date\":\"2026-12-02\"}'),"
                         "  (2, 1, '2026-11-02', '{\"next_date\":\"2026-12-05\",\"offer\":" DAILY_OFFER "}'),"
                         "  (3, 1, '2026-11-03', '{\"offer\":{\"model\":\"fixed\",\"rent\":950,\"rent_unit\":\"m2_day\","
                         "                         \"units\":[1],\"monthly_rent\":1234500}}'),"
                         "  (4, 1, '2026-11-04', '{\"offer\":" PERCENT_OFFER "}'),"
                         "  (5, 1, '2026-11-05', NULL),"
                         "  (6, 1, '2026-11-06', '{\"next_date\":\"soon\"}'),"
                         "  (7, 1, '2026-11-07', '{\"offer\":" MONTHLY_M2_OFFER "}');",
                         error))
    return FALSE;
  /* Where schema 2 kept the handover notes and the day resolved. */
  return plaza_store_log_change (store, "eviction", 1, "handover", "钥匙未交", error) &&
         plaza_store_log_change (store, "eviction", 1, "handover", "钥匙已交还", error) &&
         plaza_store_log_change (store, "complaint", 1, "resolve", "resolved on 2026-11-20", error) &&
         plaza_store_log_change (store, "complaint", 2, "resolve", "resolved on 2026-11-14", error) &&
         plaza_store_log_change (store, "complaint", 2, "reopen", "reopened", error) &&
         plaza_store_log_change (store, "complaint", 2, "resolve", "resolved on 2026-11-25", error) &&
         plaza_store_log_change (store, "complaint", 4, "resolve", "resolved on 2026-11-15", error) &&
         plaza_store_log_change (store, "complaint", 4, "reopen", "reopened", error);
}

static void
test_backfill (Fixture       *f,
               gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(PlazaEviction) e = NULL;
  sqlite3 *db = NULL;
  char *text;

  g_assert_true (plaza_store_write (f->store, v2_rows_func, NULL, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&f->store));
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 2", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  f->store = plaza_store_open (f->path, PLAZA_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (plaza_store_is_read_only (f->store));
  g_assert_cmpint (plaza_store_get_schema_version (f->store), ==, 3);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM change_log WHERE entity = 'schema' "
                                     "AND summary = 'schema 2 → 3'"), ==, 1);

  /* Inspections: the name out of the brackets, one space dropped. */
  g_assert_cmpint (plaza_test_count (f->store,
                                     "SELECT count(*) FROM fitout_inspections WHERE "
                                     "  (id = 1 AND inspector = '张工' AND notes = '门头灯箱未亮') OR "
                                     "  (id = 2 AND inspector = '李工' AND notes = '') OR "
                                     "  (id = 3 AND inspector = '' AND notes = '没有检查人') OR "
                                     "  (id = 4 AND inspector = '' AND notes = '[] 空名字') OR "
                                     "  (id = 5 AND inspector = '王工' AND notes = '无空格')"), ==, 5);

  /* Evictions: the latest 'handover' summary; none without one. */
  g_assert_true (plaza_eviction_get (f->store, 1, &e, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (e->handover_notes, ==, "钥匙已交还");
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM evictions WHERE id = 2 AND handover_notes = ''"), ==, 1);

  /* Complaints: the latest resolve of a resolved row; none when resolved
   * without a log row or open again. */
  g_assert_cmpint (plaza_test_count (f->store,
                                     "SELECT count(*) FROM complaints WHERE "
                                     "  (id = 1 AND resolved_on = '2026-11-20') OR (id = 2 AND resolved_on = '2026-11-25') OR "
                                     "  (id = 3 AND resolved_on IS NULL) OR (id = 4 AND resolved_on IS NULL)"), ==, 4);

  /* Negotiations: next_date moved out of terms_json (dropped when empty),
   * the offer's monthly rent worked out; none for a percentage offer. */
  g_assert_cmpint (plaza_test_count (f->store,
                                     "SELECT count(*) FROM negotiations WHERE "
                                     "  (id = 1 AND next_date = '2026-12-02' AND terms_json IS NULL AND offer_rent_fen IS NULL) OR "
                                     "  (id = 2 AND next_date = '2026-12-05' AND offer_rent_fen = 5215698 "
                                     "   AND json_type (terms_json, '$.next_date') IS NULL "
                                     "   AND json_extract (terms_json, '$.offer.rent') = 950) OR "
                                     "  (id = 3 AND next_date IS NULL AND offer_rent_fen = 1234500) OR "
                                     "  (id = 4 AND offer_rent_fen IS NULL) OR "
                                     "  (id = 5 AND next_date IS NULL AND offer_rent_fen IS NULL AND terms_json IS NULL) OR "
                                     "  (id = 6 AND next_date IS NULL AND terms_json = '{\"next_date\":\"soon\"}') OR "
                                     "  (id = 7 AND offer_rent_fen = 1120000)"), ==, 7);
  log = plaza_prospect_list_negotiations (f->store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 7);
  g_assert_cmpstr (((PlazaNegotiation *) log->pdata[1])->next_date, ==, "2026-12-05");
  g_assert_cmpint (((PlazaNegotiation *) log->pdata[1])->offer_rent, ==, 5215698);
  g_assert_nonnull (((PlazaNegotiation *) log->pdata[1])->offer_json);

  /* Opening again migrates nothing more. */
  g_assert_finalize_object (g_steal_pointer (&f->store));
  f->store = plaza_store_open (f->path, PLAZA_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM change_log WHERE entity = 'schema' "
                                     "AND summary = 'schema 2 → 3'"), ==, 1);
  text = text_of (f->store, "SELECT inspector FROM fitout_inspections WHERE id = 1");
  g_assert_cmpstr (text, ==, "张工");
  g_free (text);
}

/* ---- the demo ----------------------------------------------------------- */

static void
test_demo (Fixture       *f,
           gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *db = g_build_filename (f->dir, "demo.db", NULL);
  const char *args[] = { "demo", db, "--size", "small", "--today", "2026-11-27", NULL };
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaStore) store = NULL;

  g_assert_cmpint (plaza_test_run_plazactl (args, NULL, &err), ==, 0);
  store = plaza_store_open (db, PLAZA_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  /* (The small demo's one fit-out has no inspection yet; the medium one's
   * have, each with its inspector.) */
  g_assert_cmpint (plaza_test_count (store, "SELECT count(*) FROM fitout_inspections WHERE inspector = ''"), ==, 0);
  g_assert_cmpint (plaza_test_count (store, "SELECT count(*) FROM complaints WHERE resolved = 1"), >, 0);
  g_assert_cmpint (plaza_test_count (store, "SELECT count(*) FROM complaints WHERE (resolved = 1) <> (resolved_on IS NOT NULL) "
                                     "OR resolved_on < date OR resolved_on > '2026-11-27'"), ==, 0);
  g_assert_cmpint (plaza_test_count (store, "SELECT count(*) FROM negotiations"), >, 0);
  g_assert_cmpint (plaza_test_count (store, "SELECT count(*) FROM negotiations WHERE next_date IS NULL "
                                     "OR next_date <= date OR offer_rent_fen IS NULL OR offer_rent_fen <= 0"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/columns/inspector", test_inspector);
  ADD ("/columns/handover-notes", test_handover_notes);
  ADD ("/columns/resolved-on", test_resolved_on);
  ADD ("/columns/negotiation", test_negotiation);
  ADD ("/columns/backfill", test_backfill);
  ADD ("/columns/demo", test_demo);
#undef ADD

  return g_test_run ();
}
