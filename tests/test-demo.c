/* test-demo.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo mall: realistic enough, consistent, and deterministic.
 */

#define G_LOG_DOMAIN "plaza-test"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "plaza-core.h"
#include "test-util.h"

static char *tmp_dir;

static char *
make_demo (const char *name,
           guint32     seed)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 27, G_DATE_NOVEMBER, 2026);
  store = plaza_store_open (path, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (plaza_demo_generate (store, seed, PLAZA_DEMO_SMALL, &today, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

/* Every table but the change log (which holds real timestamps), in order. */
static char *
digest (const char *path)
{
  g_autoptr(PlazaStore) store = plaza_store_open (path, PLAZA_STORE_OPEN_READ_ONLY, NULL);
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(sqlite3_stmt) tables = NULL;

  g_assert_nonnull (store);
  tables = plaza_store_prepare (store, "SELECT name FROM sqlite_master WHERE type = 'table' "
                                       "AND name NOT IN ('change_log', 'sqlite_sequence') ORDER BY name", NULL);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY 1, 2", sqlite3_column_text (tables, 0));
      g_autoptr(sqlite3_stmt) rows = plaza_store_prepare (store, sql, NULL);

      g_checksum_update (sum, sqlite3_column_text (tables, 0), -1);
      while (sqlite3_step (rows) == SQLITE_ROW)
        for (int i = 0; i < sqlite3_column_count (rows); i++)
          {
            const guchar *text = sqlite3_column_text (rows, i);
            g_checksum_update (sum, text != NULL ? text : (const guchar *) "\1", -1);
            g_checksum_update (sum, (const guchar *) "\t", 1);
          }
    }
  return g_strdup (g_checksum_get_string (sum));
}

static void
test_content (void)
{
  g_autofree char *path = make_demo ("content.db", 1);
  g_autoptr(PlazaStore) store = plaza_store_open (path, PLAZA_STORE_OPEN_DEFAULT, NULL);
  static const char *states[] = { "draft", "submitted", "active", "renewed", "terminated" };
  g_autofree char *name = NULL;

  g_assert_nonnull (store);
  g_assert_cmpint (plaza_test_count (store, "SELECT count(*) FROM floors"), ==, 1);
  g_assert_cmpint (plaza_test_count (store, "SELECT count(*) FROM units"), ==, 30);
  g_assert_cmpint (plaza_test_count (store, "SELECT count(*) FROM tenants"), >=, 20);
  g_assert_cmpint (plaza_test_count (store, "SELECT count(*) FROM tenants"), <=, 45);
  g_assert_cmpint (plaza_test_count (store, "SELECT count(*) FROM units WHERE status = 'vacant'"), >=, 1);
  g_assert_cmpint (plaza_test_count (store, "SELECT count(DISTINCT model) FROM contracts"), ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM contracts WHERE state = '%s'", states[i]);
      g_test_message ("state %s", states[i]);
      g_assert_cmpint (plaza_test_count (store, sql), >=, 1);
    }
  /* Some leases end within 90 days of the anchor. */
  g_assert_cmpint (plaza_test_count (store, "SELECT count(*) FROM contracts WHERE state = 'active' "
                                 "AND end_date BETWEEN '2026-11-27' AND '2027-02-25'"), >=, 1);
  /* A year of sales up to yesterday, weekends busier than weekdays. */
  g_assert_cmpint (plaza_test_count (store, "SELECT count(*) FROM sales_daily"), >=, 20 * 300);
  g_assert_cmpstr (plaza_store_get_setting (store, "demo.anchor"), ==, "2026-11-27");
  g_assert_cmpint (plaza_test_count (store, "SELECT max(date) = '2026-11-26' FROM sales_daily"), ==, 1);
  g_assert_cmpint (plaza_test_count (store, "SELECT sum(CASE WHEN strftime('%w', date) IN ('0', '6') THEN amount END) * 5 "
                                 "> sum(CASE WHEN strftime('%w', date) IN ('1', '2', '3', '4', '5') THEN amount END) * 2 "
                                 "FROM sales_daily"), ==, 1);
  /* A few reports for the anomaly list: a day far above the usual and a
   * day with nothing rung up. */
  {
    g_autoptr(GPtrArray) anomalies = NULL;
    gboolean high = FALSE, low = FALSE;

    g_assert_true (plaza_sales_anomalies (store, "2026-09-01", "2026-11-26", 0, &anomalies, NULL));
    for (guint i = 0; i < anomalies->len; i++)
      {
        PlazaSalesAnomaly *a = anomalies->pdata[i];

        high |= a->kind == PLAZA_SALES_ANOMALY_HIGH_DAY;
        low |= a->kind == PLAZA_SALES_ANOMALY_LOW_DAY;
      }
    g_assert_true (high);
    g_assert_true (low);
  }
  /* Bills, payments and some arrears. */
  g_assert_cmpint (plaza_test_count (store, "SELECT count(*) FROM bills"), >=, 100);
  g_assert_cmpint (plaza_test_count (store, "SELECT count(*) FROM payments"), >=, 50);
  g_assert_cmpint (plaza_test_count (store, "SELECT count(*) FROM promotions WHERE state = 'approved' "
                                 "AND start_date BETWEEN '2026-11-27' AND '2026-12-27'"), >=, 1);
  g_assert_cmpint (plaza_test_count (store, "SELECT count(DISTINCT stage) FROM prospects"), >=, 4);

  name = plaza_store_get_setting (store, "mall.name");
  g_assert_nonnull (name);
  g_assert_true (g_utf8_validate (name, -1, NULL));
  g_assert_true (plaza_store_check (store, TRUE, NULL));
}

static void
test_consistent (void)
{
  g_autofree char *path = make_demo ("consistent.db", 3);
  g_autoptr(PlazaStore) store = plaza_store_open (path, PLAZA_STORE_OPEN_DEFAULT, NULL);

  /* No unit is held by two signed contracts on the same day. */
  g_assert_cmpint (plaza_test_count (store,
                          "SELECT count(*) FROM contract_units a JOIN contract_units b "
                          "ON a.unit_id = b.unit_id AND a.contract_id < b.contract_id "
                          "JOIN contracts x ON x.id = a.contract_id JOIN contracts y ON y.id = b.contract_id "
                          "WHERE x.state NOT IN ('draft', 'submitted') AND y.state NOT IN ('draft', 'submitted') "
                          "AND x.start_date <= coalesce (y.terminated_on, y.end_date) "
                          "AND y.start_date <= coalesce (x.terminated_on, x.end_date)"), ==, 0);
  /* Leased units have an active contract today; vacant ones none. */
  g_assert_cmpint (plaza_test_count (store,
                          "SELECT count(*) FROM units u WHERE u.status = 'leased' AND NOT EXISTS "
                          "(SELECT 1 FROM contract_units cu JOIN contracts c ON c.id = cu.contract_id "
                          "WHERE cu.unit_id = u.id AND c.state = 'active')"), ==, 0);
  g_assert_cmpint (plaza_test_count (store,
                          "SELECT count(*) FROM units u WHERE u.status = 'vacant' AND EXISTS "
                          "(SELECT 1 FROM contract_units cu JOIN contracts c ON c.id = cu.contract_id "
                          "WHERE cu.unit_id = u.id AND c.state = 'active')"), ==, 0);
  /* The monthly aggregate is the sum of the days. */
  g_assert_cmpint (plaza_test_count (store,
                          "SELECT count(*) FROM sales_monthly m WHERE amount != "
                          "(SELECT sum(amount) FROM sales_daily d WHERE d.unit_id = m.unit_id "
                          "AND substr(d.date, 1, 7) = m.month) OR days != "
                          "(SELECT count(*) FROM sales_daily d WHERE d.unit_id = m.unit_id "
                          "AND substr(d.date, 1, 7) = m.month)"), ==, 0);
  g_assert_cmpint (plaza_test_count (store, "SELECT count(*) FROM (SELECT DISTINCT unit_id, substr(date, 1, 7) FROM sales_daily)"),
                   ==, plaza_test_count (store, "SELECT count(*) FROM sales_monthly"));
  /* Bills add up, and nobody paid more than a line asked. */
  g_assert_cmpint (plaza_test_count (store, "SELECT count(*) FROM bills b WHERE total != "
                                 "(SELECT sum(amount) FROM bill_lines l WHERE l.bill_id = b.id)"), ==, 0);
  g_assert_cmpint (plaza_test_count (store, "SELECT count(*) FROM bill_lines l WHERE amount < "
                                 "(SELECT coalesce(sum(amount), 0) FROM payment_allocations a WHERE a.bill_line_id = l.id)"), ==, 0);
  /* Every contract's terms are JSON. */
  g_assert_cmpint (plaza_test_count (store, "SELECT count(*) FROM contracts WHERE json_valid(terms_json) = 0"), ==, 0);
  g_assert_cmpint (plaza_test_count (store, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
}

static void
test_deterministic (void)
{
  g_autofree char *a = make_demo ("a.db", 7);
  g_autofree char *b = make_demo ("b.db", 7);
  g_autofree char *c = make_demo ("c.db", 8);
  g_autofree char *da = digest (a);
  g_autofree char *db = digest (b);
  g_autofree char *dc = digest (c);

  g_assert_cmpstr (da, ==, db);
  g_assert_cmpstr (da, !=, dc);
}

static void
test_refuses_non_empty (void)
{
  g_autofree char *path = make_demo ("twice.db", 1);
  g_autoptr(PlazaStore) store = plaza_store_open (path, PLAZA_STORE_OPEN_DEFAULT, NULL);
  g_autoptr(GError) error = NULL;
  gint64 before = plaza_test_count (store, "SELECT count(*) FROM units");
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, 1, 2027);
  g_assert_false (plaza_demo_generate (store, 1, PLAZA_DEMO_SMALL, &today, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_assert_cmpint (plaza_test_count (store, "SELECT count(*) FROM units"), ==, before);
}

static void
test_cli (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "cli.db", NULL);
  const char *plazactl = g_getenv ("PLAZACTL");
  g_autofree char *err = NULL;
  int status;

  if (plazactl == NULL)
    {
      g_test_skip ("PLAZACTL not set");
      return;
    }

  {
    const char *argv[] = { plazactl, "demo", path, "--size", "small", "--seed", "4", "--today", "2026-11-27", NULL };
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err, &status, NULL));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_clear_pointer (&err, g_free);
  }
  {
    /* An existing file is never overwritten. */
    const char *argv[] = { plazactl, "demo", path, "--size", "small", NULL };
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err, &status, NULL));
    g_assert_false (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (err, "already exists"));
    g_assert_cmpint (strchr (err, '\n') - err, ==, (int) strlen (err) - 1);
    g_clear_pointer (&err, g_free);
  }
  {
    const char *argv[] = { plazactl, "demo", "/tmp/never-made.db", "--size", "huge", NULL };
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err, &status, NULL));
    g_assert_false (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (err, "--size"));
    g_assert_false (g_file_test ("/tmp/never-made.db", G_FILE_TEST_EXISTS));
  }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("plaza-demo-XXXXXX", NULL);

  g_test_add_func ("/demo/content", test_content);
  g_test_add_func ("/demo/consistent", test_consistent);
  g_test_add_func ("/demo/deterministic", test_deterministic);
  g_test_add_func ("/demo/refuses-non-empty", test_refuses_non_empty);
  g_test_add_func ("/demo/cli", test_cli);

  status = g_test_run ();
  plaza_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
