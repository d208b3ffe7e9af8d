/* test-contract-schedule.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The schedule of a stored contract (amendments from their effective
 * dates, sales of its units, termination), the rent now, expiry alerts and
 * `plazactl contracts list`. Every amount is worked out by hand in the
 * comment beside it.
 */

#define G_LOG_DOMAIN "plaza-test"

#include "config.h"

#include <string.h>

#include "plaza-core.h"
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
                           "INSERT INTO floors (id, project_id, label, level) VALUES (1, 1, '1F', 1);"
                           "INSERT INTO units (id, floor_id, code, gross_area, rentable_area) VALUES "
                           "  (1, 1, '1F-001', 12000, 10000), (2, 1, '1F-002', 6000, 5000), (3, 1, '1F-003', 5000, 4000);"
                           "INSERT INTO tenants (id, code, name) VALUES (1, 'T1', '杭州悦享餐饮管理有限公司'), "
                           "  (2, 'T2', '上海星禾服饰有限公司');",
                           error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("plaza-schedule-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "mall.db", NULL);
  f->store = plaza_store_open (f->path, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  plaza_store_set_user (f->store, "wangfang");
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

static gboolean
exec_func (PlazaStore  *store,
           gpointer     sql,
           GError     **error)
{
  return plaza_store_exec (store, sql, error);
}

static void
exec (Fixture    *f,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (plaza_store_write (f->store, exec_func, (gpointer) sql, &error));
  g_assert_no_error (error);
}

/* A contract row written directly (the lifecycle is tested elsewhere). */
static gint64
insert_contract (Fixture    *f,
                 const char *code,
                 gint64      tenant,
                 const char *state,
                 const char *model,
                 const char *start,
                 const char *end,
                 const char *terms,
                 const char *terminated_on,
                 gint64      notice_months,
                 gint64      unit_a,
                 gint64      unit_b)
{
  g_autofree char *sql = NULL;
  g_autofree char *units = NULL;
  char *quoted_terms = sqlite3_mprintf ("%Q", terms);
  char *quoted_term_on = sqlite3_mprintf ("%Q", terminated_on);
  gint64 id;

  sql = g_strdup_printf ("INSERT INTO contracts (code, tenant_id, state, model, start_date, end_date, terms_json, "
                         "terminated_on, renewal_notice_months, created_at) VALUES "
                         "('%s', %" G_GINT64_FORMAT ", '%s', '%s', '%s', '%s', %s, %s, %" G_GINT64_FORMAT ", '2026-01-01T00:00:00Z')",
                         code, tenant, state, model, start, end, quoted_terms, quoted_term_on, notice_months);
  sqlite3_free (quoted_terms);
  sqlite3_free (quoted_term_on);
  exec (f, sql);
  id = plaza_test_count (f->store, "SELECT max (id) FROM contracts");
  if (unit_a > 0)
    {
      g_autofree char *u = g_strdup_printf ("INSERT INTO contract_units (contract_id, unit_id, area) "
                                            "SELECT %" G_GINT64_FORMAT ", id, rentable_area FROM units WHERE id = %" G_GINT64_FORMAT,
                                            id, unit_a);
      exec (f, u);
    }
  if (unit_b > 0)
    {
      g_autofree char *u = g_strdup_printf ("INSERT INTO contract_units (contract_id, unit_id, area) "
                                            "SELECT %" G_GINT64_FORMAT ", id, rentable_area FROM units WHERE id = %" G_GINT64_FORMAT,
                                            id, unit_b);
      exec (f, u);
    }
  return id;
}

/* An amendment through the lifecycle API, approved when @approve. */
static gint64
amend (Fixture    *f,
       gint64      id,
       const char *effective,
       const char *terms,
       gboolean    approve)
{
  g_autoptr(GError) error = NULL;
  gint64 event = plaza_contract_amend (f->store, id, effective, terms, "test", &error);

  g_assert_no_error (error);
  g_assert_cmpint (event, >, 0);
  if (approve)
    {
      g_assert_true (plaza_contract_decide_amendment (f->store, event, TRUE, "ok", &error));
      g_assert_no_error (error);
    }
  return event;
}

static GArray *
schedule (Fixture *f,
          gint64   id)
{
  g_autoptr(GError) error = NULL;
  GArray *rows = NULL;

  g_assert_true (plaza_contract_schedule (f->store, id, &rows, &error));
  g_assert_no_error (error);
  g_assert_nonnull (rows);
  return rows;
}

static const PlazaScheduleRow *
row_for (GArray     *rows,
         const char *month)
{
  for (guint i = 0; i < rows->len; i++)
    if (strcmp (g_array_index (rows, PlazaScheduleRow, i).month, month) == 0)
      return &g_array_index (rows, PlazaScheduleRow, i);
  g_error ("no row for %s", month);
  return NULL;
}

#define TERMS_31000 "{\"start\": \"2026-01-01\", \"end\": \"2026-03-31\", \"area\": \"100.00\", \"model\": \"fixed\", " \
                    "\"rent\": {\"amount\": \"31000.00\", \"unit\": \"month\"}, " \
                    "\"fees\": [{\"name\": \"物业管理费\", \"amount\": \"10.00\", \"unit\": \"m2_month\"}]}"

/* No amendment: exactly the rent engine's months. */
static void
test_plain (Fixture       *f,
            gconstpointer  data G_GNUC_UNUSED)
{
  gint64 id = insert_contract (f, "HT-1", 1, "active", "fixed", "2026-01-01", "2026-03-31", TERMS_31000, NULL, 3, 1, 0);
  g_autoptr(GArray) rows = schedule (f, id);
  g_autoptr(GError) error = NULL;
  gint64 now = -1;

  g_assert_cmpuint (rows->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      const PlazaScheduleRow *r = &g_array_index (rows, PlazaScheduleRow, i);

      g_assert_cmpint (r->base_rent, ==, 3100000);   /* ¥31,000.00 a month */
      g_assert_cmpint (r->rent, ==, 3100000);
      g_assert_cmpint (r->fees, ==, 100000);         /* 10.00 × 100 m² */
      g_assert_cmpint (r->total, ==, 3200000);
      g_assert_cmpuint (r->parts, ==, 1);
      g_assert_cmpint (r->event_id, ==, 0);
    }
  g_assert_cmpstr (g_array_index (rows, PlazaScheduleRow, 1).month, ==, "2026-02");
  g_assert_cmpuint (g_array_index (rows, PlazaScheduleRow, 1).days, ==, 28);

  g_assert_true (plaza_contract_rent_now (f->store, id, "2026-02-10", &now, &error));
  g_assert_no_error (error);
  g_assert_cmpint (now, ==, 3100000);
  g_assert_true (plaza_contract_rent_now (f->store, id, "2026-04-01", &now, &error));
  g_assert_cmpint (now, ==, 0);                      /* after the lease */
  g_assert_false (plaza_contract_rent_now (f->store, id, "2026-2-1", &now, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
}

/* An amendment from 15 February: February is split by days. */
static void
test_amendment_mid_month (Fixture       *f,
                          gconstpointer  data G_GNUC_UNUSED)
{
  gint64 id = insert_contract (f, "HT-2", 1, "active", "fixed", "2026-01-01", "2026-03-31", TERMS_31000, NULL, 3, 1, 0);
  g_autoptr(GArray) rows = NULL;
  const PlazaScheduleRow *feb;
  gint64 event;
  gint64 now = 0;

  event = amend (f, id, "2026-02-15", "{\"rent\": {\"amount\": \"28000.00\"}}", TRUE);
  amend (f, id, "2026-03-01", "{\"rent\": {\"amount\": \"1.00\"}}", FALSE);   /* still submitted: no effect */
  rows = schedule (f, id);

  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpint (row_for (rows, "2026-01")->base_rent, ==, 3100000);
  feb = row_for (rows, "2026-02");
  /* 1–14 Feb: 14 × 31000 / 28 = 15,500.00; 15–28 Feb: 14 × 28000 / 28 = 14,000.00 */
  g_assert_cmpint (feb->base_rent, ==, 2950000);
  g_assert_cmpint (feb->rent, ==, 2950000);
  /* the fee is kept by the amendment: 14 + 14 days of 1,000.00 / 28 */
  g_assert_cmpint (feb->fees, ==, 100000);
  g_assert_cmpint (feb->total, ==, 3050000);
  g_assert_cmpuint (feb->days, ==, 28);
  g_assert_cmpuint (feb->rent_days, ==, 28);
  g_assert_cmpuint (feb->parts, ==, 2);
  g_assert_cmpint (feb->event_id, ==, event);
  g_assert_cmpuint (g_date_get_day (&feb->from), ==, 1);
  g_assert_cmpuint (g_date_get_day (&feb->to), ==, 28);
  /* March: the amended rent (a month unit: the whole ¥28,000.00) */
  g_assert_cmpint (row_for (rows, "2026-03")->base_rent, ==, 2800000);
  g_assert_cmpint (row_for (rows, "2026-03")->event_id, ==, event);

  g_assert_true (plaza_contract_rent_now (f->store, id, "2026-03-31", &now, NULL));
  g_assert_cmpint (now, ==, 2800000);
}

/* Amendments on one day: the later wins; one on the start replaces the
 * original terms; a rejected one changes nothing. */
static void
test_amendment_same_day (Fixture       *f,
                         gconstpointer  data G_GNUC_UNUSED)
{
  gint64 id = insert_contract (f, "HT-7", 1, "active", "fixed", "2026-01-01", "2026-03-31", TERMS_31000, NULL, 3, 1, 0);
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  gint64 rejected, later;

  amend (f, id, "2026-01-01", "{\"rent\": {\"amount\": \"20000.00\"}}", TRUE);
  amend (f, id, "2026-02-01", "{\"rent\": {\"amount\": \"25000.00\"}}", TRUE);
  later = amend (f, id, "2026-02-01", "{\"rent\": {\"amount\": \"26000.00\"}}", TRUE);
  rejected = amend (f, id, "2026-03-01", "{\"rent\": {\"amount\": \"1.00\"}}", FALSE);
  g_assert_true (plaza_contract_decide_amendment (f->store, rejected, FALSE, "too low", &error));
  g_assert_no_error (error);
  rows = schedule (f, id);

  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpint (row_for (rows, "2026-01")->base_rent, ==, 2000000);
  g_assert_cmpint (row_for (rows, "2026-02")->base_rent, ==, 2600000);
  g_assert_cmpint (row_for (rows, "2026-02")->event_id, ==, later);
  g_assert_cmpuint (row_for (rows, "2026-02")->parts, ==, 1);
  g_assert_cmpint (row_for (rows, "2026-03")->base_rent, ==, 2600000);
  g_assert_cmpint (row_for (rows, "2026-03")->fees, ==, 100000);
}

/* Escalation keeps counting from the terms' own start across an amendment. */
static void
test_amendment_keeps_escalation (Fixture       *f,
                                 gconstpointer  data G_GNUC_UNUSED)
{
  const char *terms = "{\"start\": \"2026-01-01\", \"end\": \"2027-12-31\", \"area\": \"50.00\", \"model\": \"fixed\", "
                      "\"rent\": {\"amount\": \"10000.00\", \"unit\": \"month\"}, "
                      "\"escalation\": {\"every_months\": 12, \"percent\": \"10.00\"}}";
  gint64 id = insert_contract (f, "HT-3", 1, "active", "fixed", "2026-01-01", "2027-12-31", terms, NULL, 3, 1, 0);
  g_autoptr(GArray) rows = NULL;

  amend (f, id, "2026-07-01", "{\"rent\": {\"amount\": \"12000.00\"}}", TRUE);
  rows = schedule (f, id);

  g_assert_cmpuint (rows->len, ==, 24);
  g_assert_cmpint (row_for (rows, "2026-06")->base_rent, ==, 1000000);
  g_assert_cmpint (row_for (rows, "2026-07")->base_rent, ==, 1200000);
  g_assert_cmpint (row_for (rows, "2026-12")->base_rent, ==, 1200000);
  /* the step falls on 2027-01-01 (not on 2027-07-01): 12,000.00 × 1.10 */
  g_assert_cmpint (row_for (rows, "2027-01")->base_rent, ==, 1320000);
  g_assert_cmpint (row_for (rows, "2027-12")->base_rent, ==, 1320000);
}

/* A terminated contract stops on its termination date (inclusive). */
static void
test_terminated (Fixture       *f,
                 gconstpointer  data G_GNUC_UNUSED)
{
  const char *terms = "{\"start\": \"2026-01-01\", \"end\": \"2026-12-31\", \"area\": \"100.00\", \"model\": \"fixed\", "
                      "\"rent\": {\"amount\": \"31000.00\", \"unit\": \"month\"}}";
  gint64 id = insert_contract (f, "HT-4", 1, "terminated", "fixed", "2026-01-01", "2026-12-31", terms, "2026-03-10", 3, 1, 0);
  g_autoptr(GArray) rows = schedule (f, id);
  const PlazaScheduleRow *mar;

  g_assert_cmpuint (rows->len, ==, 3);
  mar = row_for (rows, "2026-03");
  g_assert_cmpuint (mar->days, ==, 10);
  g_assert_cmpuint (g_date_get_day (&mar->to), ==, 10);
  g_assert_cmpint (mar->base_rent, ==, 1000000);   /* 10 × 31000 / 31 */
  g_assert_cmpint (row_for (rows, "2026-02")->base_rent, ==, 3100000);
}

/* Percentage rent from the sales of the contract's units only, summed per
 * day; an amendment changes the rate from its day on. */
static void
test_sales (Fixture       *f,
            gconstpointer  data G_GNUC_UNUSED)
{
  const char *terms = "{\"start\": \"2026-01-01\", \"end\": \"2026-02-28\", \"area\": \"150.00\", "
                      "\"model\": \"percentage\", \"percentage\": \"10.00\"}";
  gint64 id = insert_contract (f, "HT-5", 2, "active", "percentage", "2026-01-01", "2026-02-28", terms, NULL, 3, 1, 2);
  g_autoptr(GArray) rows = NULL;
  const PlazaScheduleRow *jan, *feb;

  exec (f, "INSERT INTO sales_daily (unit_id, date, amount) VALUES "
           "(1, '2026-01-05', 100000), (2, '2026-01-05', 50000), "   /* ¥1,000 + ¥500 on one day */
           "(3, '2026-01-05', 999900), "                             /* not this contract's unit */
           "(1, '2025-12-31', 777700), "                             /* before the lease */
           "(1, '2026-02-01', 200000), (2, '2026-02-20', 100000)");
  amend (f, id, "2026-02-15", "{\"percentage\": \"20.00\"}", TRUE);
  rows = schedule (f, id);

  g_assert_cmpuint (rows->len, ==, 2);
  jan = row_for (rows, "2026-01");
  g_assert_cmpint (jan->sales, ==, 150000);
  g_assert_cmpint (jan->percentage_rent, ==, 15000);   /* 10 % of ¥1,500.00 */
  g_assert_cmpint (jan->base_rent, ==, 0);
  g_assert_cmpint (jan->rent, ==, 15000);
  feb = row_for (rows, "2026-02");
  g_assert_cmpint (feb->sales, ==, 300000);
  /* 10 % of ¥2,000 (1 Feb) + 20 % of ¥1,000 (20 Feb) = ¥200 + ¥200 */
  g_assert_cmpint (feb->percentage_rent, ==, 40000);
  g_assert_cmpint (feb->rent, ==, 40000);
}

static void
test_errors (Fixture       *f,
             gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rows = NULL;
  gint64 id;

  g_assert_false (plaza_contract_schedule (f->store, 999, &rows, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND);
  g_assert_null (rows);
  g_clear_error (&error);

  id = insert_contract (f, "HT-6", 1, "active", "fixed", "2026-01-01", "2026-03-31", TERMS_31000, NULL, 3, 1, 0);
  amend (f, id, "2026-02-01", "{\"model\": \"barter\"}", TRUE);
  g_assert_false (plaza_contract_schedule (f->store, id, &rows, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "amendment"));
  g_assert_nonnull (strstr (error->message, "model"));
}

static void
test_merge (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *merged = NULL;
  g_autoptr(PlazaRentTerms) terms = NULL;
  char *bad;

  merged = plaza_contract_merge_terms (TERMS_31000, "{\"rent\": {\"amount\": \"9.00\"}, \"fees\": [], \"area\": \"80.00\"}", &error);
  g_assert_no_error (error);
  terms = plaza_rent_terms_new_from_json (merged, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (terms->rent_amount, ==, 900);
  g_assert_cmpint (terms->rent_unit, ==, PLAZA_RENT_UNIT_MONTH);   /* kept */
  g_assert_cmpuint (terms->fees->len, ==, 0);                       /* lists replace */
  g_assert_cmpint (terms->area, ==, 8000);
  g_assert_cmpuint (g_date_get_year (&terms->start), ==, 2026);

  bad = plaza_contract_merge_terms (TERMS_31000, "[1, 2]", &error);
  g_assert_null (bad);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  bad = plaza_contract_merge_terms ("{", "{}", &error);
  g_assert_null (bad);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
}

/* ---- alerts ---------------------------------------------------------- */

static void
alert_contracts (Fixture *f)
{
  const char *t = "{}";

  insert_contract (f, "A-00", 1, "active", "fixed", "2024-01-01", "2026-06-01", t, NULL, 3, 0, 0);  /* today: 0 days */
  insert_contract (f, "A-19", 1, "active", "fixed", "2024-01-01", "2026-06-20", t, NULL, 3, 0, 0);  /* 19 days */
  insert_contract (f, "A-54", 2, "active", "fixed", "2024-01-01", "2026-07-25", t, NULL, 3, 0, 0);  /* 54 days */
  insert_contract (f, "A-80", 1, "active", "fixed", "2024-01-01", "2026-08-20", t, NULL, 3, 0, 0);  /* 80 days */
  insert_contract (f, "A-91", 1, "active", "fixed", "2024-01-01", "2026-08-31", t, NULL, 2, 0, 0);  /* 91 days; notice 2026-06-30 */
  insert_contract (f, "A-122", 2, "active", "fixed", "2024-01-01", "2026-10-01", t, NULL, 3, 0, 0); /* notice 2026-07-01 */
  insert_contract (f, "A-X", 2, "active", "fixed", "2024-01-01", "2026-10-02", t, NULL, 3, 0, 0);   /* notice 2026-07-02: 31 days */
  insert_contract (f, "D-1", 1, "draft", "fixed", "2024-01-01", "2026-06-10", t, NULL, 3, 0, 0);    /* not active */
  insert_contract (f, "E-1", 1, "active", "fixed", "2024-01-01", "2026-05-31", t, NULL, 3, 0, 0);   /* already past */
}

static const PlazaContractAlert *
find_alert (GPtrArray              *alerts,
            const char             *code,
            PlazaContractAlertKind  kind)
{
  for (guint i = 0; i < alerts->len; i++)
    {
      const PlazaContractAlert *a = g_ptr_array_index (alerts, i);

      if (g_str_equal (a->code, code) && a->kind == kind)
        return a;
    }
  return NULL;
}

/* The alert, which must be there. */
static const PlazaContractAlert *
get_alert (GPtrArray              *alerts,
           const char             *code,
           PlazaContractAlertKind  kind)
{
  for (guint i = 0; i < alerts->len; i++)
    {
      const PlazaContractAlert *a = g_ptr_array_index (alerts, i);

      if (g_str_equal (a->code, code) && a->kind == kind)
        return a;
    }
  g_error ("no alert for %s", code);
  return NULL;
}

static void
test_alerts_default (Fixture       *f,
                     gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GError) error = NULL;
  const PlazaContractAlert *a;

  alert_contracts (f);
  g_assert_true (plaza_contract_alerts (f->store, "2026-06-01", NULL, 0, &alerts, &error));
  g_assert_no_error (error);

  /* A-00 (30), A-19 (30), A-54 (60), A-80 (90), notices of */
  g_assert_cmpuint (alerts->len, ==, 6);
  a = get_alert (alerts, "A-00", PLAZA_CONTRACT_ALERT_EXPIRY);
  g_assert_nonnull (a);
  g_assert_cmpuint (a->days_left, ==, 0);
  g_assert_cmpuint (a->window, ==, 30);
  a = get_alert (alerts, "A-19", PLAZA_CONTRACT_ALERT_EXPIRY);
  g_assert_cmpuint (a->days_left, ==, 19);
  g_assert_cmpuint (a->window, ==, 30);
  g_assert_cmpstr (a->tenant, ==, "杭州悦享餐饮管理有限公司");
  a = get_alert (alerts, "A-54", PLAZA_CONTRACT_ALERT_EXPIRY);
  g_assert_cmpuint (a->window, ==, 60);
  a = get_alert (alerts, "A-80", PLAZA_CONTRACT_ALERT_EXPIRY);
  g_assert_cmpuint (a->window, ==, 90);
  g_assert_null (find_alert (alerts, "A-91", PLAZA_CONTRACT_ALERT_EXPIRY));
  a = get_alert (alerts, "A-91", PLAZA_CONTRACT_ALERT_RENEWAL_NOTICE);
  g_assert_nonnull (a);
  g_assert_cmpstr (a->date, ==, "2026-06-30");     /* 31 Aug − 2 months, clamped */
  g_assert_cmpuint (a->days_left, ==, 29);
  a = get_alert (alerts, "A-122", PLAZA_CONTRACT_ALERT_RENEWAL_NOTICE);
  g_assert_nonnull (a);
  g_assert_cmpstr (a->date, ==, "2026-07-01");
  g_assert_cmpuint (a->days_left, ==, 30);
  g_assert_null (find_alert (alerts, "A-X", PLAZA_CONTRACT_ALERT_RENEWAL_NOTICE));
  g_assert_null (find_alert (alerts, "D-1", PLAZA_CONTRACT_ALERT_EXPIRY));
  g_assert_null (find_alert (alerts, "E-1", PLAZA_CONTRACT_ALERT_EXPIRY));

  /* ordered by date */
  for (guint i = 1; i < alerts->len; i++)
    g_assert_cmpint (strcmp (((PlazaContractAlert *) g_ptr_array_index (alerts, i - 1))->date,
                             ((PlazaContractAlert *) g_ptr_array_index (alerts, i))->date), <=, 0);
}

static void
test_alerts_windows (Fixture       *f,
                     gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) windows = NULL;
  const guint mine[] = { 20, 55 };

  alert_contracts (f);

  /* from the setting */
  g_assert_true (plaza_store_set_setting (f->store, "alerts.expiry_days", "60, 14", &error));
  g_assert_no_error (error);
  g_assert_true (plaza_contract_alerts (f->store, "2026-06-01", NULL, 0, &alerts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (get_alert (alerts, "A-00", PLAZA_CONTRACT_ALERT_EXPIRY)->window, ==, 14);
  g_assert_cmpuint (get_alert (alerts, "A-19", PLAZA_CONTRACT_ALERT_EXPIRY)->window, ==, 60);
  g_assert_cmpuint (get_alert (alerts, "A-54", PLAZA_CONTRACT_ALERT_EXPIRY)->window, ==, 60);
  g_assert_null (find_alert (alerts, "A-80", PLAZA_CONTRACT_ALERT_EXPIRY));
  g_clear_pointer (&alerts, g_ptr_array_unref);

  /* given by the caller */
  g_assert_true (plaza_contract_alerts (f->store, "2026-06-01", mine, G_N_ELEMENTS (mine), &alerts, &error));
  g_assert_cmpuint (get_alert (alerts, "A-19", PLAZA_CONTRACT_ALERT_EXPIRY)->window, ==, 20);
  g_assert_cmpuint (get_alert (alerts, "A-54", PLAZA_CONTRACT_ALERT_EXPIRY)->window, ==, 55);
  g_assert_null (find_alert (alerts, "A-80", PLAZA_CONTRACT_ALERT_EXPIRY));
  g_clear_pointer (&alerts, g_ptr_array_unref);

  /* a bad setting falls back to 90/60/30 */
  g_assert_true (plaza_store_set_setting (f->store, "alerts.expiry_days", "soon", &error));
  g_assert_true (plaza_contract_alerts (f->store, "2026-06-01", NULL, 0, &alerts, &error));
  g_assert_cmpuint (get_alert (alerts, "A-80", PLAZA_CONTRACT_ALERT_EXPIRY)->window, ==, 90);

  g_assert_false (plaza_contract_alerts (f->store, "June", NULL, 0, &alerts, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (plaza_contract_alerts_parse_windows ("30, 90,30", &windows, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (windows->len, ==, 2);
  g_assert_cmpuint (g_array_index (windows, guint, 0), ==, 90);
  g_assert_cmpuint (g_array_index (windows, guint, 1), ==, 30);
  g_clear_pointer (&windows, g_array_unref);
  g_assert_false (plaza_contract_alerts_parse_windows ("90,x", &windows, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "alerts.expiry_days"));
  g_clear_error (&error);
  g_assert_false (plaza_contract_alerts_parse_windows ("", &windows, &error));
  g_clear_error (&error);
  g_assert_false (plaza_contract_alerts_parse_windows ("0", &windows, &error));
  g_assert_null (windows);
}

/* ---- plazactl contracts list ------------------------------------------ */

static guint
count_lines (const char *s)
{
  guint n = 0;

  for (; *s != '\0'; s++)
    n += *s == '\n';
  return n;
}

/* The base rent of @today's month by the rent engine on the stored terms
 * alone; FALSE when the contract has approved amendments. */
static gboolean
engine_rent_now (PlazaStore *store,
                 const char *code,
                 const char *today,
                 gint64     *out)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(PlazaRentTerms) terms = NULL;
  g_autoptr(GArray) months = NULL;
  g_autoptr(GError) error = NULL;

  stmt = plaza_store_prepare (store,
                              "SELECT terms_json, (SELECT count(*) FROM contract_events e WHERE e.contract_id = c.id "
                              "  AND e.kind = 'amendment' AND e.state = 'approved') FROM contracts c WHERE code = ?", NULL);
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  if (sqlite3_column_int64 (stmt, 1) > 0)
    return FALSE;

  terms = plaza_rent_terms_new_from_json ((const char *) sqlite3_column_text (stmt, 0), -1, &error);
  g_assert_no_error (error);
  months = plaza_rent_schedule (terms, NULL, &error);
  g_assert_no_error (error);
  *out = 0;
  for (guint m = 0; m < months->len; m++)
    if (strncmp (g_array_index (months, PlazaRentPeriod, m).month, today, 7) == 0)
      *out = g_array_index (months, PlazaRentPeriod, m).base_rent;
  return TRUE;
}

static void
test_cli_list (void)
{
  g_autofree char *dir = g_dir_make_tmp ("plaza-contracts-cli-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "demo.db", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *today = "2026-11-27";
  int status = -1;
  guint n_all, n_active = 0, n_expiring = 0, checked = 0, n_engine = 0;

  {
    const char *args[] = { "demo", db, "--size", "small", "--today", today, NULL };
    status = plaza_test_run_plazactl (args, &out, &err);
    g_assert_cmpint (status, ==, 0);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  {
    const char *args[] = { "contracts", "list", db, "--today", today, NULL };
    status = plaza_test_run_plazactl (args, &out, &err);
    g_assert_cmpint (status, ==, 0);
    g_assert_cmpstr (err, ==, "");
  }
  g_assert_true (g_str_has_prefix (out, "code,tenant,units,area,model,state,start,end,monthly_rent\n"));
  n_all = count_lines (out) - 1;
  store = plaza_store_open (db, PLAZA_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n_all, ==, plaza_test_count (store, "SELECT count(*) FROM contracts"));

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 1; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], ",", -1);

      g_assert_cmpuint (g_strv_length (fields), ==, 9);
      if (i > 1)
        {
          g_auto(GStrv) prev = g_strsplit (lines[i - 1], ",", 2);
          g_assert_cmpint (strcmp (prev[0], fields[0]), <, 0);   /* by code */
        }
      g_assert_nonnull (strchr (fields[3], '.'));
      g_assert_cmpuint (strlen (strchr (fields[3], '.')), ==, 3);   /* two decimals */
      g_assert_cmpuint (strlen (strchr (fields[8], '.')), ==, 3);
      if (g_str_equal (fields[5], "active"))
        {
          g_autoptr(sqlite3_stmt) stmt = plaza_store_prepare (store, "SELECT id FROM contracts WHERE code = ?", NULL);
          g_autofree char *expected = NULL;
          gint64 rent = 0;
          gint64 engine = 0;

          n_active++;
          sqlite3_bind_text (stmt, 1, fields[0], -1, SQLITE_TRANSIENT);
          g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
          g_assert_true (plaza_contract_rent_now (store, sqlite3_column_int64 (stmt, 0), today, &rent, &error));
          g_assert_no_error (error);
          expected = plaza_money_format_plain (rent);
          g_assert_cmpstr (fields[8], ==, expected);
          if (!g_str_equal (fields[4], "percentage") && strcmp (fields[6], today) < 0)
            {
              g_assert_cmpint (rent, >, 0);   /* a running fixed or minimum rent */
              checked++;
            }
          if (engine_rent_now (store, fields[0], today, &engine))
            {
              /* no amendment: the rent engine on the stored terms agrees */
              g_assert_cmpint (rent, ==, engine);
              n_engine++;
            }
          if (strcmp (fields[7], today) >= 0 && strcmp (fields[7], "2027-02-25") <= 0)
            n_expiring++;
        }
    }
  g_assert_cmpuint (checked, >, 0);
  g_assert_cmpuint (n_engine, >, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  {
    const char *args[] = { "contracts", "list", db, "--state", "active", "--today", today, NULL };
    status = plaza_test_run_plazactl (args, &out, &err);
    g_assert_cmpint (status, ==, 0);
    g_assert_cmpuint (count_lines (out) - 1, ==, n_active);
    g_assert_null (strstr (out, ",draft,"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    /* 2026-11-27 + 90 days = 2027-02-25 */
    const char *args[] = { "contracts", "list", db, "--expiring-within", "90", "--today", today, NULL };
    status = plaza_test_run_plazactl (args, &out, &err);
    g_assert_cmpint (status, ==, 0);
    g_assert_cmpuint (count_lines (out) - 1, ==, n_expiring);
    g_assert_cmpuint (n_expiring, >, 0);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  {
    const char *bad[][8] = {
      { "contracts", "list", db, "--state", "sleeping", NULL },
      { "contracts", "list", db, "--expiring-within", "-5", NULL },
      { "contracts", "list", db, "--expiring-within", "soon", NULL },
      { "contracts", "list", db, "--today", "2026-02-30", NULL },
      { "contracts", "list", db, "--colour", NULL },
      { "contracts", "list", NULL },
      { "contracts", "remove", db, NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        status = plaza_test_run_plazactl (bad[i], &out, &err);
        g_assert_cmpint (status, ==, 1);
        g_assert_cmpstr (out, ==, "");
        g_assert_cmpuint (count_lines (err), ==, 1);
        g_clear_pointer (&out, g_free);
        g_clear_pointer (&err, g_free);
      }
  }
  {
    g_autofree char *missing = g_build_filename (dir, "none.db", NULL);
    const char *args[] = { "contracts", "list", missing, NULL };

    status = plaza_test_run_plazactl (args, &out, &err);
    g_assert_cmpint (status, ==, 1);
    g_assert_cmpuint (count_lines (err), ==, 1);
  }

  g_clear_object (&store);
  plaza_test_remove_tree (dir);
}

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/contract-schedule/plain", test_plain);
  ADD ("/contract-schedule/amendment-mid-month", test_amendment_mid_month);
  ADD ("/contract-schedule/amendment-same-day", test_amendment_same_day);
  ADD ("/contract-schedule/amendment-keeps-escalation", test_amendment_keeps_escalation);
  ADD ("/contract-schedule/terminated", test_terminated);
  ADD ("/contract-schedule/sales", test_sales);
  ADD ("/contract-schedule/errors", test_errors);
  g_test_add_func ("/contract-schedule/merge", test_merge);
  ADD ("/contract-alerts/default", test_alerts_default);
  ADD ("/contract-alerts/windows", test_alerts_windows);
  g_test_add_func ("/contracts-cli/list", test_cli_list);

  return g_test_run ();
}
