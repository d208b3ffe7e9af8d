/* test-presence.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Who else has the file open (plaza-presence.h): a presence file per
 * client, written atomically, listed without our own, stale after 120 s and
 * then removed, withdrawn on close. The schema rules of opening: a new file
 * is schema 3 (PLAZA_SCHEMA_VERSION) with the columns migration 002 adds;
 * a schema-1 file migrates to 3 when alone, and stays schema 1, read-only, naming the computer, when
 * another client's fresh presence file (or live lease) is there; a file
 * whose minimum writer is above ours opens read-only naming the version; a
 * newer file whose minimum writer we meet opens writable.
 */

#define G_LOG_DOMAIN "plaza-test"

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>
#include <utime.h>

#include "plaza-core-resources.h"
#include "plaza-core.h"
#include "test-util.h"

typedef struct
{
  char *dir;
  char *db;
  char *clients;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  f->dir = g_dir_make_tmp ("plaza-presence-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->db = g_build_filename (f->dir, "mall.plaza", NULL);
  f->clients = plaza_presence_dir_for (f->db);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data G_GNUC_UNUSED)
{
  plaza_test_remove_tree (f->dir);
  g_free (f->clients);
  g_free (f->db);
  g_free (f->dir);
}

static gint64
now_s (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* Another computer's presence file with the heartbeat @age seconds ago. */
static void
write_other (Fixture    *f,
             const char *host,
             gint64      pid,
             const char *user,
             gint64      age)
{
  PlazaPresenceInfo info = { (char *) host, pid, (char *) user, now_s () - 600, now_s () - age };
  g_autoptr(GError) error = NULL;

  g_assert_true (plaza_presence_write (f->db, &info, &error));
  g_assert_no_error (error);
}

static GPtrArray *
list_others (Fixture *f,
             gint64   now)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *others = NULL;

  g_assert_true (plaza_presence_list (f->db, now, &others, &error));
  g_assert_no_error (error);
  return others;
}

static void
test_presence_files (Fixture       *f,
                     gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) two = NULL;
  g_autoptr(GPtrArray) later = NULL;
  g_autofree char *ours_name = g_strdup_printf ("%s-%lld.json", g_get_host_name (), (long long) getpid ());
  g_autofree char *ours = g_build_filename (f->clients, ours_name, NULL);
  g_autofree char *pc2 = g_build_filename (f->clients, "PC-2-4242.json", NULL);
  g_autofree char *text = NULL;
  g_autofree char *contents = NULL;
  PlazaPresence *presence;
  const PlazaPresenceInfo *info;

  /* No folder: nobody. */
  none = list_others (f, 0);
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_null (plaza_presence_describe (none));

  presence = plaza_presence_announce (f->db, "张伟", &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (ours, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_get_contents (ours, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"heartbeat\""));
  g_assert_nonnull (strstr (contents, "张伟"));

  /* Ours is left out; two others, one written 100 s ago (still fresh), in
   * host order; a file that is not JSON is skipped. */
  write_other (f, "PC-3", 17, "李明", 100);
  write_other (f, "PC-2", 4242, "王芳", 5);
  {
    g_autofree char *junk = g_build_filename (f->clients, "PC-9-1.json", NULL);
    g_assert_true (g_file_set_contents (junk, "{half", -1, NULL));
  }
  two = list_others (f, 0);
  g_assert_cmpuint (two->len, ==, 2);
  info = g_ptr_array_index (two, 0);
  g_assert_cmpstr (info->host, ==, "PC-2");
  g_assert_cmpint (info->pid, ==, 4242);
  g_assert_cmpstr (info->user, ==, "王芳");
  text = plaza_presence_describe (two);
  g_assert_cmpstr (text, ==, "PC-2 (王芳), PC-3 (李明)");

  /* 121 s later every file is stale (ours too: it was not refreshed), and
   * listing removes them. */
  later = list_others (f, now_s () + PLAZA_PRESENCE_STALE_SECONDS + 1);
  g_assert_cmpuint (later->len, ==, 0);
  g_assert_false (g_file_test (pc2, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (ours, G_FILE_TEST_EXISTS));

  /* A refresh writes ours again (with the name of whoever signed in);
   * withdrawing removes it and the empty folder. */
  plaza_presence_set_user (presence, "陈强");
  g_assert_true (plaza_presence_refresh (presence, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (ours, G_FILE_TEST_IS_REGULAR));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (ours, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "陈强"));
  plaza_presence_withdraw (presence);
  g_assert_false (g_file_test (ours, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (f->clients, G_FILE_TEST_EXISTS));
}

static void
test_presence_keeps_others_folder (Fixture       *f,
                                   gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) others = NULL;
  PlazaPresence *presence = plaza_presence_announce (f->db, NULL, &error);

  g_assert_no_error (error);
  write_other (f, "PC-2", 1, "", 0);
  /* A fresh file of this host whose process is gone is removed at once. */
  write_other (f, g_get_host_name (), 2147483000, "", 0);
  plaza_presence_withdraw (presence);
  g_assert_true (g_file_test (f->clients, G_FILE_TEST_IS_DIR));
  others = list_others (f, 0);
  g_assert_cmpuint (others->len, ==, 1);
  {
    g_autofree char *name = g_strdup_printf ("%s-2147483000.json", g_get_host_name ());
    g_autofree char *dead = g_build_filename (f->clients, name, NULL);

    g_assert_false (g_file_test (dead, G_FILE_TEST_EXISTS));
  }
  /* No user: the host alone. */
  {
    g_autofree char *text = plaza_presence_describe (others);
    g_assert_cmpstr (text, ==, "PC-2");
  }
}

/* A schema-1 file as Plaza 1 made it: migration 001 only. */
static void
make_v1_file (const char *path)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sql = NULL;
  sqlite3 *db = NULL;

  bytes = g_resource_lookup_data (plaza_core_get_resource (),
                                  "/org/plaza/Plaza/core/migrations/001-initial.sql", 0, NULL);
  g_assert_nonnull (bytes);
  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 1; PRAGMA application_id = 1347181121;"
                                 "INSERT INTO settings (key, value) VALUES ('mall.name', 'Old mall');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static gint64
n_columns (PlazaStore *store,
           const char *table,
           const char *column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM pragma_table_info ('%s') WHERE name = '%s'",
                                          table, column);

  return plaza_test_count (store, sql);
}

static void
assert_schema_2_columns (PlazaStore *store,
                         gint64      expected)
{
  g_assert_cmpint (n_columns (store, "fitout_inspections", "inspector"), ==, expected);
  g_assert_cmpint (n_columns (store, "evictions", "handover_notes"), ==, expected);
  g_assert_cmpint (n_columns (store, "complaints", "resolved_on"), ==, expected);
  g_assert_cmpint (n_columns (store, "negotiations", "next_date"), ==, expected);
  g_assert_cmpint (n_columns (store, "negotiations", "offer_rent_fen"), ==, expected);
}

static void
test_new_file_is_schema_2 (Fixture       *f,
                           gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaStore) store = plaza_store_open (f->db, PLAZA_STORE_OPEN_CREATE, &error);
  g_autofree char *min = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (PLAZA_SCHEMA_VERSION, ==, 3);
  g_assert_cmpint (plaza_store_get_schema_version (store), ==, PLAZA_SCHEMA_VERSION);
  g_assert_false (plaza_store_is_read_only (store));
  assert_schema_2_columns (store, 1);
  /* No minimum recorded: the file's own schema is the minimum. */
  min = plaza_store_get_setting (store, "schema.min_writer");
  g_assert_null (min);
}

static void
test_v1_migrates_when_alone (Fixture       *f,
                             gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaStore) store = NULL;
  g_autofree char *name = NULL;

  make_v1_file (f->db);
  /* Our own presence file and a stale one of another computer do not count. */
  {
    PlazaPresence *ours = plaza_presence_announce (f->db, NULL, &error);

    g_assert_no_error (error);
    write_other (f, "PC-2", 4242, "王芳", PLAZA_PRESENCE_STALE_SECONDS + 30);
    {
      g_autofree char *stale = g_build_filename (f->clients, "PC-2-4242.json", NULL);
      /* Old on disk too. */
      g_assert_cmpint (g_utime (stale, &(struct utimbuf) { now_s () - 600, now_s () - 600 }), ==, 0);
    }
    store = plaza_store_open (f->db, PLAZA_STORE_OPEN_DEFAULT, &error);
    plaza_presence_withdraw (ours);
  }
  g_assert_no_error (error);
  g_assert_false (plaza_store_is_read_only (store));
  g_assert_cmpint (plaza_store_get_schema_version (store), ==, PLAZA_SCHEMA_VERSION);
  g_assert_cmpint (plaza_test_count (store, "PRAGMA user_version"), ==, PLAZA_SCHEMA_VERSION);
  assert_schema_2_columns (store, 1);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM change_log WHERE entity = 'schema' "
                                            "AND action = 'migrate' AND summary = 'schema 1 → %d'", PLAZA_SCHEMA_VERSION);

    g_assert_cmpint (plaza_test_count (store, sql), ==, 1);
  }
  name = plaza_store_get_setting (store, "mall.name");
  g_assert_cmpstr (name, ==, "Old mall");
  g_clear_object (&store);

  /* Opening again migrates nothing more. */
  store = plaza_store_open (f->db, PLAZA_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plaza_test_count (store, "SELECT count(*) FROM change_log WHERE entity = 'schema'"), ==, 1);
}

static void
test_v1_read_only_while_another_holds_it (Fixture       *f,
                                          gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaStore) store = NULL;
  g_autofree char *pc2 = g_build_filename (f->clients, "PC-2-4242.json", NULL);
  const char *reason;

  make_v1_file (f->db);
  write_other (f, "PC-2", 4242, "王芳", 10);

  store = plaza_store_open (f->db, PLAZA_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (plaza_store_is_read_only (store));
  g_assert_cmpint (plaza_store_get_schema_version (store), ==, 1);
  reason = plaza_store_get_read_only_reason (store);
  g_assert_nonnull (strstr (reason, "Plaza needs to update this file; close Plaza on PC-2 (王芳) and open it again"));
  /* Still v1 on disk, still readable by this newer client. */
  g_assert_cmpint (plaza_test_count (store, "PRAGMA user_version"), ==, 1);
  assert_schema_2_columns (store, 0);
  g_assert_cmpint (plaza_test_count (store, "SELECT count(*) FROM tenants"), ==, 0);
  g_clear_object (&store);

  /* The other client closes: the next open migrates. */
  g_assert_cmpint (g_remove (pc2), ==, 0);
  store = plaza_store_open (f->db, PLAZA_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (plaza_store_is_read_only (store));
  g_assert_cmpint (plaza_store_get_schema_version (store), ==, PLAZA_SCHEMA_VERSION);
}

static void
test_v1_read_only_while_a_lease_is_live (Fixture       *f,
                                         gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaStore) store = NULL;
  g_autofree char *lease = plaza_lease_path_for (f->db);
  g_autofree char *contents = g_strdup_printf ("plaza-lease 1\nhost=PC-5\npid=99\ntime=%lld\ntoken=abc\n",
                                               (long long) now_s ());

  make_v1_file (f->db);
  g_assert_true (g_file_set_contents (lease, contents, -1, NULL));

  store = plaza_store_open (f->db, PLAZA_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (plaza_store_is_read_only (store));
  g_assert_cmpint (plaza_store_get_schema_version (store), ==, 1);
  g_assert_nonnull (strstr (plaza_store_get_read_only_reason (store), "close Plaza on PC-5"));
}

static void
test_min_writer_above_ours (Fixture       *f,
                            gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaStore) store = plaza_store_open (f->db, PLAZA_STORE_OPEN_CREATE, &error);
  g_autofree char *above = g_strdup_printf ("%d", PLAZA_SCHEMA_VERSION + 1);
  g_autofree char *words = g_strdup_printf ("schema %d or later; this version knows %d",
                                            PLAZA_SCHEMA_VERSION + 1, PLAZA_SCHEMA_VERSION);
  GError *write_error = NULL;

  g_assert_no_error (error);
  g_assert_true (plaza_store_set_setting (store, "schema.min_writer", above, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  store = plaza_store_open (f->db, PLAZA_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (plaza_store_is_read_only (store));
  g_assert_cmpint (plaza_store_get_schema_version (store), ==, PLAZA_SCHEMA_VERSION);
  g_assert_nonnull (strstr (plaza_store_get_read_only_reason (store), words));
  g_assert_false (plaza_store_set_setting (store, "mall.name", "X", &write_error));
  g_assert_error (write_error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_READ_ONLY);
  g_clear_error (&write_error);
}

static void
test_newer_file_we_may_write (Fixture       *f,
                              gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaStore) store = plaza_store_open (f->db, PLAZA_STORE_OPEN_CREATE, &error);
  g_autofree char *ours = g_strdup_printf ("%d", PLAZA_SCHEMA_VERSION);
  g_autofree char *newer = g_strdup_printf ("PRAGMA user_version = %d", PLAZA_SCHEMA_VERSION + 1);
  g_autofree char *needed = g_strdup_printf ("schema %d or later", PLAZA_SCHEMA_VERSION + 1);
  sqlite3 *db = NULL;

  g_assert_no_error (error);
  g_assert_true (plaza_store_set_setting (store, "schema.min_writer", ours, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  /* As the next schema's Plaza would leave it: newer, but writable by
   * ours; then the same without the key (the minimum is then the file's). */
  g_assert_cmpint (sqlite3_open (f->db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, newer, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = plaza_store_open (f->db, PLAZA_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (plaza_store_is_read_only (store));
  g_assert_cmpint (plaza_store_get_schema_version (store), ==, PLAZA_SCHEMA_VERSION + 1);
  g_assert_true (plaza_store_set_setting (store, "mall.name", "Newer", &error));
  g_assert_no_error (error);
  g_assert_cmpint (plaza_test_count (store, "PRAGMA user_version"), ==, PLAZA_SCHEMA_VERSION + 1);
  g_assert_true (plaza_store_exec (store, "PRAGMA query_only = OFF", &error));
  g_clear_object (&store);

  g_assert_cmpint (sqlite3_open (f->db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM settings WHERE key = 'schema.min_writer'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  store = plaza_store_open (f->db, PLAZA_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (plaza_store_is_read_only (store));
  g_assert_nonnull (strstr (plaza_store_get_read_only_reason (store), needed));
}

static void
test_demo_on_schema_2 (Fixture       *f,
                       gconstpointer  data G_GNUC_UNUSED)
{
  const char *args[] = { "demo", f->db, "--size", "small", "--today", "2026-11-27", NULL };
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaStore) store = NULL;

  g_assert_cmpint (plaza_test_run_plazactl (args, NULL, &err), ==, 0);
  store = plaza_store_open (f->db, PLAZA_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plaza_store_get_schema_version (store), ==, PLAZA_SCHEMA_VERSION);
  g_assert_cmpint (plaza_test_count (store, "SELECT count(*) FROM tenants"), >, 10);
  g_assert_true (plaza_store_check (store, TRUE, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/presence/files", test_presence_files);
  ADD ("/presence/keeps-others-folder", test_presence_keeps_others_folder);
  ADD ("/schema/new-file-is-2", test_new_file_is_schema_2);
  ADD ("/schema/v1-migrates-when-alone", test_v1_migrates_when_alone);
  ADD ("/schema/v1-read-only-while-another-holds-it", test_v1_read_only_while_another_holds_it);
  ADD ("/schema/v1-read-only-while-a-lease-is-live", test_v1_read_only_while_a_lease_is_live);
  ADD ("/schema/min-writer-above-ours", test_min_writer_above_ours);
  ADD ("/schema/newer-file-we-may-write", test_newer_file_we_may_write);
  ADD ("/schema/demo", test_demo_on_schema_2);

#undef ADD

  return g_test_run ();
}
