/* test-store.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store: create, migrate, refuse newer schemas, pragmas by location,
 * writes with change_log, rollback, busy handling, settings, checks.
 */

#define G_LOG_DOMAIN "plaza-test"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "plaza-core.h"
#include "test-util.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  f->dir = g_dir_make_tmp ("plaza-store-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->path = g_build_filename (f->dir, "mall.db", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data G_GNUC_UNUSED)
{
  plaza_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static char *
file_digest (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
}

static void
test_create (Fixture       *f,
             gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(PlazaStore) again = NULL;

  store = plaza_store_open (f->path, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (plaza_store_get_schema_version (store), ==, PLAZA_SCHEMA_VERSION);
  g_assert_false (plaza_store_is_read_only (store));
  g_assert_null (plaza_store_get_read_only_reason (store));
  g_assert_cmpint (plaza_test_count (store, "PRAGMA user_version"), ==, PLAZA_SCHEMA_VERSION);
  g_assert_cmpint (plaza_test_count (store, "PRAGMA foreign_keys"), ==, 1);

  /* The whole domain is there. */
  {
  static const char *tables[] = { "projects", "floors", "units", "categories", "brands", "tenants",
                           "tenant_contacts", "contracts", "contract_units", "contract_events",
                           "bills", "bill_lines", "payments", "sales_daily", "sales_monthly",
                           "targets", "promotions", "promotion_participants", "prospects",
                           "negotiations", "fitouts", "users", "settings", "change_log" };
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '%s'", tables[i]);
      g_assert_cmpint (plaza_test_count (store, sql), ==, 1);
    }
  }

  /* The migration was logged. */
  g_assert_cmpint (plaza_test_count (store, "SELECT count(*) FROM change_log WHERE entity = 'schema' AND action = 'migrate'"), ==, 1);

  /* Creating over an existing file is refused. */
  again = plaza_store_open (f->path, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_EXISTS);
  g_assert_null (again);
  g_clear_error (&error);

  /* Reopening an existing file works and does not migrate again. */
  g_clear_object (&store);
  store = plaza_store_open (f->path, PLAZA_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plaza_test_count (store, "SELECT count(*) FROM change_log WHERE entity = 'schema'"), ==, 1);
}

static void
test_open_bad_files (Fixture       *f,
                     gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  PlazaStore *store;
  g_autofree char *other = g_build_filename (f->dir, "other.db", NULL);

  store = plaza_store_open (f->path, PLAZA_STORE_OPEN_DEFAULT, &error);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND);
  g_assert_null (store);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (f->path, "code,floor,area\n1F-001,1F,120\n", -1, NULL));
  store = plaza_store_open (f->path, PLAZA_STORE_OPEN_DEFAULT, &error);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_A_DATABASE);
  g_assert_null (store);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (f->path, "", 0, NULL));
  store = plaza_store_open (f->path, PLAZA_STORE_OPEN_DEFAULT, &error);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_A_DATABASE);
  g_assert_null (store);
  g_clear_error (&error);

  /* Some other application's SQLite file. */
  raw_exec (other, "CREATE TABLE photos (id INTEGER PRIMARY KEY); PRAGMA user_version = 7;");
  store = plaza_store_open (other, PLAZA_STORE_OPEN_DEFAULT, &error);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_A_DATABASE);
  g_assert_null (store);
}

static void
test_newer_schema (Fixture       *f,
                   gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  store = plaza_store_open (f->path, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  /* A newer Plaza added a version (and says so in the header). */
  raw_exec (f->path, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99;");
  before = file_digest (f->path);

  store = plaza_store_open (f->path, PLAZA_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_true (plaza_store_is_read_only (store));
  g_assert_cmpint (plaza_store_get_schema_version (store), ==, 99);
  g_assert_nonnull (plaza_store_get_read_only_reason (store));
  g_assert_nonnull (strstr (plaza_store_get_read_only_reason (store), "newer"));

  /* Reading works; writing is refused and changes nothing. */
  g_assert_cmpint (plaza_test_count (store, "SELECT count(*) FROM units"), ==, 0);
  g_assert_false (plaza_store_set_setting (store, "mall.name", "X", &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (plaza_store_exec (store, "INSERT INTO settings (key, value) VALUES ('a', 'b')", &error));
  g_assert_nonnull (error);
  g_clear_object (&store);

  after = file_digest (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_migrate_old (Fixture       *f,
                  gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaStore) store = NULL;

  /* A Plaza file at schema 0 (created, never migrated). */
  raw_exec (f->path, "PRAGMA application_id = 1347181121;");
  store = plaza_store_open (f->path, PLAZA_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plaza_store_get_schema_version (store), ==, PLAZA_SCHEMA_VERSION);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM change_log WHERE summary = 'schema 0 → %d'",
                                            PLAZA_SCHEMA_VERSION);
    g_assert_cmpint (plaza_test_count (store, sql), ==, 1);
  }
}

static void
test_migrate_atomic (Fixture       *f,
                     gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  PlazaStore *store;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  /* The migration fails half-way (a table is in the way): nothing of it
   * may remain. */
  raw_exec (f->path, "PRAGMA application_id = 1347181121; CREATE TABLE units (x);");
  store = plaza_store_open (f->path, PLAZA_STORE_OPEN_DEFAULT, &error);
  g_assert_nonnull (error);
  g_assert_null (store);

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT (SELECT user_version FROM pragma_user_version), "
                                       "(SELECT count(*) FROM sqlite_master)", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static gboolean
insert_floor (PlazaStore  *store,
              gpointer     user_data,
              GError     **error)
{
  const char *code = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = plaza_store_prepare (store, "INSERT INTO projects (code, name) VALUES (?1, ?1)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  return plaza_store_log_change (store, "project", sqlite3_last_insert_rowid (plaza_store_get_db (store)),
                                 "create", code, error);
}

static gboolean
insert_then_fail (PlazaStore  *store,
                  gpointer     user_data,
                  GError     **error)
{
  if (!insert_floor (store, user_data, error))
    return FALSE;
  g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID, "area: must be positive");
  return FALSE;
}

static void
test_write (Fixture       *f,
            gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaStore) store = NULL;
  gint64 log_before;

  store = plaza_store_open (f->path, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  plaza_store_set_user (store, "王芳");
  log_before = plaza_test_count (store, "SELECT count(*) FROM change_log");

  g_assert_true (plaza_store_write (store, insert_floor, (gpointer) "1F", &error));
  g_assert_no_error (error);
  g_assert_cmpint (plaza_test_count (store, "SELECT count(*) FROM projects WHERE code = '1F' AND rev = 1"), ==, 1);
  g_assert_cmpint (plaza_test_count (store, "SELECT count(*) FROM change_log WHERE entity = 'project' AND user = '王芳'"), ==, 1);

  /* A failing unit of work leaves nothing behind, not even its log row. */
  g_assert_false (plaza_store_write (store, insert_then_fail, (gpointer) "2F", &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (plaza_test_count (store, "SELECT count(*) FROM projects"), ==, 1);
  g_assert_cmpint (plaza_test_count (store, "SELECT count(*) FROM change_log"), ==, log_before + 1);

  /* A constraint violation is an error, not a crash. */
  g_assert_false (plaza_store_write (store, insert_floor, (gpointer) "1F", &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* change_log is append-only. */
  g_assert_false (plaza_store_exec (store, "UPDATE change_log SET user = 'x'", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (plaza_store_exec (store, "DELETE FROM change_log", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (plaza_test_count (store, "SELECT count(*) FROM change_log"), ==, log_before + 1);
}

static void
test_busy (Fixture       *f,
           gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaStore) store = NULL;
  sqlite3 *other = NULL;
  gint64 started;

  store = plaza_store_open (f->path, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  /* Someone else holds the write lock. */
  g_assert_cmpint (sqlite3_open (f->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  started = g_get_monotonic_time ();
  g_assert_false (plaza_store_write (store, insert_floor, (gpointer) "1F", &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_BUSY);
  g_clear_error (&error);
  /* Bounded: it gave up rather than waiting forever (generous bound). */
  g_assert_cmpint (g_get_monotonic_time () - started, <, 60 * G_USEC_PER_SEC);

  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (plaza_store_write (store, insert_floor, (gpointer) "1F", &error));
  g_assert_no_error (error);

  /* data_version moves when the other connection commits. */
  {
    gint64 v = plaza_store_get_data_version (store);
    g_assert_cmpint (sqlite3_exec (other, "INSERT INTO settings (key, value) VALUES ('k', 'v')", NULL, NULL, NULL), ==, SQLITE_OK);
    g_assert_cmpint (plaza_store_get_data_version (store), !=, v);
  }
  sqlite3_close (other);
}

static void
test_settings (Fixture       *f,
               gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaStore) store = NULL;
  g_autofree char *value = NULL;

  store = plaza_store_open (f->path, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_null (plaza_store_get_setting (store, "mall.name"));
  g_assert_true (plaza_store_set_setting (store, "mall.name", "星河广场", &error));
  g_assert_true (plaza_store_set_setting (store, "mall.name", "星河广场二期", &error));
  g_assert_no_error (error);
  value = plaza_store_get_setting (store, "mall.name");
  g_assert_cmpstr (value, ==, "星河广场二期");
  g_assert_cmpint (plaza_test_count (store, "SELECT rev FROM settings WHERE key = 'mall.name'"), ==, 2);
  g_assert_cmpint (plaza_test_count (store, "SELECT count(*) FROM change_log WHERE entity = 'setting'"), ==, 2);

  g_assert_true (plaza_store_check (store, FALSE, &error));
  g_assert_true (plaza_store_check (store, TRUE, &error));
  g_assert_no_error (error);
}

static void
test_policy (Fixture       *f,
             gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaStore) store = NULL;
  g_autofree char *shared = g_build_filename (f->dir, "shared.db", NULL);

  /* A temporary folder is a local disk: WAL. */
  store = plaza_store_open (f->path, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_false (plaza_location_is_network (plaza_store_get_location (store)));
  g_assert_cmpstr (plaza_store_get_journal_mode (store), ==, "WAL");
  g_clear_object (&store);

  /* The same file seen as a share: left in WAL, so refused (read-only, with
   * the reason) until the one-click fix; then a rollback journal, full
   * sync, no mmap, and writable. */
  g_setenv ("PLAZA_FORCE_LOCATION", "network", TRUE);
  store = plaza_store_open (f->path, PLAZA_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (plaza_location_is_network (plaza_store_get_location (store)));
  g_assert_cmpstr (plaza_store_get_journal_mode (store), ==, "WAL");
  g_assert_true (plaza_store_needs_journal_fix (store));
  g_assert_true (plaza_store_is_read_only (store));
  g_assert_nonnull (strstr (plaza_store_get_read_only_reason (store), "WAL mode"));
  g_assert_false (plaza_store_set_setting (store, "k", "v", &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_true (plaza_store_fix_journal_mode (store, &error));
  g_assert_no_error (error);
  g_assert_false (plaza_store_needs_journal_fix (store));
  g_assert_false (plaza_store_is_read_only (store));
  g_assert_cmpstr (plaza_store_get_journal_mode (store), ==, "DELETE");
  g_assert_true (plaza_store_set_setting (store, "k", "v", &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  store = plaza_store_open (f->path, PLAZA_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (plaza_store_needs_journal_fix (store));
  g_assert_cmpstr (plaza_store_get_journal_mode (store), ==, "DELETE");
  g_assert_cmpint (plaza_test_count (store, "PRAGMA synchronous"), ==, 2);
  g_assert_cmpint (plaza_test_count (store, "PRAGMA mmap_size"), ==, 0);
  g_clear_object (&store);

  store = plaza_store_open (shared, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plaza_store_get_journal_mode (store), ==, "DELETE");
  g_unsetenv ("PLAZA_FORCE_LOCATION");
}

static void
run_plazactl (const char * const *args,
              int                *status,
              char              **out,
              char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (gpointer) g_getenv ("PLAZACTL"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT,
                               NULL, NULL, out, err, status, &error));
  g_assert_no_error (error);
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';
  return n;
}

static void
test_cli (Fixture       *f,
          gconstpointer  data G_GNUC_UNUSED)
{
  int status;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (g_getenv ("PLAZACTL") == NULL)
    {
      g_test_skip ("PLAZACTL not set");
      return;
    }

  run_plazactl ((const char *[]) { "init", f->path, NULL }, &status, &out, &err);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_file_test (f->path, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  run_plazactl ((const char *[]) { "init", f->path, NULL }, &status, &out, &err);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpuint (count_lines (err), ==, 1);
  g_assert_nonnull (strstr (err, "already exists"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  run_plazactl ((const char *[]) { "check", f->path, NULL }, &status, &out, &err);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpstr (out, ==, "ok\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_true (g_file_set_contents (f->path, "not a database at all, just some text that is long enough", -1, NULL));
  run_plazactl ((const char *[]) { "check", f->path, NULL }, &status, &out, &err);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpuint (count_lines (err), ==, 1);
  g_assert_nonnull (strstr (err, "not a Plaza database"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/create", test_create);
  ADD ("/store/open-bad-files", test_open_bad_files);
  ADD ("/store/migrations/newer-schema-read-only", test_newer_schema);
  ADD ("/store/migrations/old-schema", test_migrate_old);
  ADD ("/store/migrations/atomic", test_migrate_atomic);
  ADD ("/store/write/change-log-and-rollback", test_write);
  ADD ("/store/write/busy", test_busy);
  ADD ("/store/settings-and-check", test_settings);
  ADD ("/store/policy/by-location", test_policy);
  ADD ("/store/cli/init-and-check", test_cli);
#undef ADD

  return g_test_run ();
}
