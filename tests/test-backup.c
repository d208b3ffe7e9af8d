/* test-backup.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Backups (plaza-backup.c): a checked copy equal to the original, rotation,
 * restore of a deleted row, refusal of damaged, foreign and newer files, a
 * backup waiting out another client's write transaction, the schedule, the
 * quick_check message and plazactl backup / restore / backups.
 */

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "plaza-backup.h"
#include "plaza-demo.h"
#include "test-util.h"

typedef struct
{
  char       *dir;
  char       *path;
  char       *backups;
  PlazaStore *store;
} Fixture;

static gboolean
seed_func (PlazaStore  *store,
           gpointer     user_data G_GNUC_UNUSED,
           GError     **error)
{
  return plaza_store_exec (store,
                           "INSERT INTO projects (id, code, name) VALUES (1, 'P1', 'Mall');"
                           "INSERT INTO floors (id, project_id, label, level, gross_area) VALUES"
                           " (1, 1, 'B1', -1, 250000),"
                           " (2, 1, '1F', 1, 310000),"
                           " (3, 1, '2F', 2, 305050);",
                           error);
}

static gboolean
exec_func (PlazaStore  *store,
           gpointer     user_data,
           GError     **error)
{
  return plaza_store_exec (store, user_data, error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("plaza-backup-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "mall.plaza", NULL);
  f->backups = g_build_filename (f->dir, "backups", NULL);
  f->store = plaza_store_open (f->path, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (plaza_store_write (f->store, seed_func, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data G_GNUC_UNUSED)
{
  g_clear_object (&f->store);
  plaza_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->backups);
}

static char *
make_backup (Fixture *f,
             int      keep)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;

  g_assert_true (plaza_backup_create (f->store, f->backups, keep, &path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return path;
}

/* "table=rows;" for every table of @store, by name. */
static char *
table_counts (PlazaStore *store)
{
  g_autoptr(sqlite3_stmt) stmt = plaza_store_prepare (store, "SELECT name FROM sqlite_master WHERE type = 'table' "
                                                             "AND name NOT LIKE 'sqlite_%' ORDER BY name", NULL);
  g_autoptr(GString) out = g_string_new (NULL);
  guint n_tables = 0;

  g_assert_nonnull (stmt);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", name);

      g_string_append_printf (out, "%s=%lld;", name, (long long) plaza_test_count (store, sql));
      n_tables++;
    }
  g_assert_cmpuint (n_tables, >=, 30);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_demo (void)
{
  g_autofree char *dir = g_dir_make_tmp ("plaza-backup-demo-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.plaza", NULL);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autofree char *backup = NULL;
  g_autofree char *base = NULL;
  g_autofree char *last = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *copy_counts = NULL;
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(PlazaStore) copy = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;

  g_date_set_dmy (&today, 15, G_DATE_JUNE, 2026);
  store = plaza_store_open (path, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (plaza_demo_generate (store, 1, PLAZA_DEMO_SMALL, &today, &error));
  g_assert_no_error (error);
  g_assert_cmpint (plaza_test_count (store, "SELECT count(*) FROM sales_daily"), >, 0);

  counts = table_counts (store);
  g_assert_true (plaza_backup_create (store, backups, 3, &backup, &error));
  g_assert_no_error (error);

  base = g_path_get_basename (backup);
  g_assert_true (g_str_has_prefix (base, "demo-"));
  g_assert_true (g_str_has_suffix (base, ".plaza-backup"));
  g_assert_cmpuint (strlen (base), ==, strlen ("demo-20260615-120000.plaza-backup"));

  g_assert_true (plaza_backup_verify (backup, &error));
  g_assert_no_error (error);
  copy = plaza_store_open (backup, PLAZA_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (plaza_store_check (copy, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (plaza_store_get_journal_mode (copy), ==, "DELETE");
  copy_counts = table_counts (copy);
  g_assert_cmpstr (copy_counts, ==, counts);

  /* Recorded in the live file, after the copy was made. */
  last = plaza_store_get_setting (store, "backup.last");
  g_assert_nonnull (last);
  g_assert_true (g_str_has_suffix (last, "Z"));

  /* Only the backup itself is left in the folder: no temporary file. */
  {
    g_autoptr(GDir) d = g_dir_open (backups, 0, NULL);
    guint n = 0;

    while (g_dir_read_name (d) != NULL)
      n++;
    g_assert_cmpuint (n, ==, 1);
  }

  g_clear_object (&copy);
  g_clear_object (&store);
  plaza_test_remove_tree (dir);
}

static void
test_rotation (Fixture       *f,
               gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) made = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const char *others[] = {
    "notes.txt",
    "mall-notes.plaza-backup",
    "mall2-20200101-000000.plaza-backup",
    "mall-20200101-000000.plaza-backup.tmp",
    "mall-2020010-000000.plaza-backup",
  };

  g_mkdir_with_parents (f->backups, 0755);
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autofree char *p = g_build_filename (f->backups, others[i], NULL);

      g_assert_true (g_file_set_contents (p, "x", 1, NULL));
    }

  /* An old backup of this database: the oldest, rotated out first. */
  {
    g_autofree char *old = g_build_filename (f->backups, "mall-20200101-000000.plaza-backup", NULL);
    g_autofree char *first = make_backup (f, 0);

    g_assert_cmpint (g_rename (first, old), ==, 0);
  }

  /* Five more, kept three: several fall in the same second and get -2, -3 … */
  for (guint i = 0; i < 5; i++)
    g_ptr_array_add (made, make_backup (f, 3));

  g_assert_true (plaza_backup_list (f->backups, "mall", &list, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    g_test_message ("kept %s", ((PlazaBackupInfo *) g_ptr_array_index (list, i))->name);
  g_assert_cmpuint (list->len, ==, 3);
  /* Newest first: the last three made, in reverse order. */
  for (guint i = 0; i < 3; i++)
    {
      PlazaBackupInfo *info = g_ptr_array_index (list, i);

      g_assert_cmpstr (info->path, ==, g_ptr_array_index (made, 4 - i));
      g_assert_cmpint (info->size, >, 0);
    }
  for (guint i = 0; i < 2; i++)
    g_assert_false (g_file_test (g_ptr_array_index (made, i), G_FILE_TEST_EXISTS));

  /* Nothing else was touched. */
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autofree char *p = g_build_filename (f->backups, others[i], NULL);

      g_assert_true (g_file_test (p, G_FILE_TEST_IS_REGULAR));
    }

  /* Listing a missing folder is an empty list. */
  {
    g_autoptr(GPtrArray) none = NULL;
    g_autofree char *missing = g_build_filename (f->dir, "nowhere", NULL);

    g_assert_true (plaza_backup_list (missing, "mall", &none, &error));
    g_assert_cmpuint (none->len, ==, 0);
  }

  {
    g_autofree char *name = plaza_backup_db_name ("/x/y/mall.plaza");

    g_assert_cmpstr (name, ==, "mall");
  }
}

static void
test_restore (Fixture       *f,
              gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *backup = make_backup (f, 0);
  g_autoptr(GError) error = NULL;

  g_assert_true (plaza_store_write (f->store, exec_func,
                                    "DELETE FROM floors WHERE id = 2;"
                                    "UPDATE floors SET gross_area = 1 WHERE id = 3;"
                                    "INSERT INTO floors (id, project_id, label, level) VALUES (4, 1, '3F', 3);",
                                    &error));
  g_assert_no_error (error);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM floors"), ==, 3);

  /* A manager may not restore: refused before anything changes. */
  plaza_store_set_role (f->store, "manager");
  g_assert_false (plaza_backup_restore (f->store, backup, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM floors WHERE id = 4"), ==, 1);
  plaza_store_set_role (f->store, "admin");

  g_assert_true (plaza_backup_restore (f->store, backup, &error));
  g_assert_no_error (error);

  /* Exactly the rows of the backup: 2 back, 3 as it was, 4 gone. */
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM floors"), ==, 3);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT gross_area FROM floors WHERE id = 2"), ==, 310000);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT gross_area FROM floors WHERE id = 3"), ==, 305050);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM floors WHERE id = 4"), ==, 0);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT sum(gross_area) FROM floors"), ==, 865050);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM change_log "
                                               "WHERE entity = 'database' AND action = 'restore'"), ==, 1);
  g_assert_true (plaza_store_check (f->store, TRUE, &error));
  g_assert_no_error (error);

  /* Another connection sees the restored file. */
  {
    g_autoptr(PlazaStore) other = plaza_store_open (f->path, PLAZA_STORE_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
    g_assert_cmpint (plaza_test_count (other, "SELECT count(*) FROM floors WHERE id = 2"), ==, 1);
  }
}

static void
assert_refused (Fixture    *f,
                const char *backup,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len = 0;
  gsize after_len = 0;

  g_assert_true (g_file_get_contents (f->path, &before, &before_len, NULL));
  g_assert_false (plaza_backup_restore (f->store, backup, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, code);
  g_assert_true (g_str_has_prefix (error->message, "Nothing was restored"));

  /* The live file is unchanged, to the byte. */
  g_assert_true (g_file_get_contents (f->path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM floors"), ==, 2);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM floors WHERE id = 2"), ==, 0);
}

static void
test_refused (Fixture       *f,
              gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *backup = make_backup (f, 0);
  g_autofree char *truncated = g_build_filename (f->dir, "truncated.plaza-backup", NULL);
  g_autofree char *foreign = g_build_filename (f->dir, "foreign.db", NULL);
  g_autofree char *text = g_build_filename (f->dir, "text.plaza-backup", NULL);
  g_autofree char *newer = g_build_filename (f->dir, "newer.plaza-backup", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  sqlite3 *db = NULL;

  g_assert_true (plaza_store_write (f->store, exec_func, "DELETE FROM floors WHERE id = 2", &error));
  g_assert_no_error (error);

  /* Cut in half. */
  g_assert_true (g_file_get_contents (backup, &contents, &len, NULL));
  g_assert_cmpuint (len, >=, 4 * 16384);
  g_assert_true (g_file_set_contents (truncated, contents, (gssize) len / 2, NULL));
  assert_refused (f, truncated, PLAZA_STORE_ERROR_CORRUPT);

  /* Another program's SQLite file. */
  g_assert_cmpint (sqlite3_open (foreign, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE floors (id INTEGER PRIMARY KEY);"
                                     "INSERT INTO floors VALUES (2);", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused (f, foreign, PLAZA_STORE_ERROR_NOT_A_DATABASE);

  /* Not SQLite at all. */
  g_assert_true (g_file_set_contents (text, "shop,rent\n", -1, NULL));
  assert_refused (f, text, PLAZA_STORE_ERROR_NOT_A_DATABASE);

  /* Written by a newer Plaza. */
  g_assert_true (g_file_set_contents (newer, contents, (gssize) len, NULL));
  g_assert_cmpint (sqlite3_open (newer, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused (f, newer, PLAZA_STORE_ERROR_NEWER_SCHEMA);

  /* The sound backup still restores. */
  g_assert_true (plaza_backup_restore (f->store, backup, &error));
  g_assert_no_error (error);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM floors WHERE id = 2"), ==, 1);
}

typedef struct
{
  const char *path;
  GMutex      mutex;
  GCond       cond;
  gboolean    locked;
  gboolean    release;
  guint       hold_ms;    /* 0: until told to release */
} Holder;

/* Another client: holds an exclusive write transaction for @hold_ms, then
 * commits a new floor. */
static gpointer
hold_lock_thread (gpointer user_data)
{
  Holder *h = user_data;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (h->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN EXCLUSIVE;"
                                     "INSERT INTO floors (project_id, label, level)"
                                     " SELECT 1, '9F-' || count(*), 9 FROM floors;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_mutex_lock (&h->mutex);
  h->locked = TRUE;
  g_cond_signal (&h->cond);
  g_mutex_unlock (&h->mutex);

  if (h->hold_ms > 0)
    g_usleep (h->hold_ms * 1000);
  g_mutex_lock (&h->mutex);
  while (h->hold_ms == 0 && !h->release)
    g_cond_wait (&h->cond, &h->mutex);
  g_mutex_unlock (&h->mutex);
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  return NULL;
}

static void
test_busy (void)
{
  g_autofree char *dir = g_dir_make_tmp ("plaza-backup-busy-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "share.plaza", NULL);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autofree char *backup = NULL;
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(PlazaStore) copy = NULL;
  g_autoptr(GError) error = NULL;
  Holder h = { 0 };
  GThread *thread;
  gint64 start;
  gint64 elapsed_ms;

  /* A shared file: rollback journal, where a writer's exclusive lock keeps
   * readers (the backup) out until it commits. */
  g_setenv ("PLAZA_FORCE_LOCATION", "network", TRUE);
  store = plaza_store_open (path, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plaza_store_get_journal_mode (store), ==, "DELETE");
  g_assert_true (plaza_store_write (store, seed_func, NULL, &error));
  g_assert_no_error (error);

  h.path = path;
  h.hold_ms = 1500;
  g_mutex_init (&h.mutex);
  g_cond_init (&h.cond);
  thread = g_thread_new ("holder", hold_lock_thread, &h);
  g_mutex_lock (&h.mutex);
  while (!h.locked)
    g_cond_wait (&h.cond, &h.mutex);
  g_mutex_unlock (&h.mutex);

  start = g_get_monotonic_time ();
  g_assert_true (plaza_backup_create (store, backups, 0, &backup, &error));
  g_assert_no_error (error);
  elapsed_ms = (g_get_monotonic_time () - start) / 1000;
  g_thread_join (thread);
  g_test_message ("backup waited %lld ms for the other client's commit", (long long) elapsed_ms);
  g_assert_cmpint (elapsed_ms, >=, 1300);

  /* The copy was made after the commit: it has the other client's floor. */
  copy = plaza_store_open (backup, PLAZA_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plaza_test_count (copy, "SELECT count(*) FROM floors"), ==, 4);
  g_assert_cmpint (plaza_test_count (copy, "SELECT count(*) FROM floors WHERE level = 9"), ==, 1);

  /* A lock that is never let go: a bounded wait, then BUSY, and nothing
   * left behind in the folder. */
  h.locked = FALSE;
  h.hold_ms = 0;
  thread = g_thread_new ("holder", hold_lock_thread, &h);
  g_mutex_lock (&h.mutex);
  while (!h.locked)
    g_cond_wait (&h.cond, &h.mutex);
  g_mutex_unlock (&h.mutex);

  start = g_get_monotonic_time ();
  g_assert_false (plaza_backup_create (store, backups, 0, NULL, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_BUSY);
  g_clear_error (&error);
  elapsed_ms = (g_get_monotonic_time () - start) / 1000;
  g_test_message ("gave up after %lld ms", (long long) elapsed_ms);
  g_assert_cmpint (elapsed_ms, <, 30000);

  g_mutex_lock (&h.mutex);
  h.release = TRUE;
  g_cond_signal (&h.cond);
  g_mutex_unlock (&h.mutex);
  g_thread_join (thread);
  {
    g_autoptr(GDir) d = g_dir_open (backups, 0, NULL);
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
    const char *name;

    while ((name = g_dir_read_name (d)) != NULL)
      g_ptr_array_add (names, g_strdup (name));
    g_assert_cmpuint (names->len, ==, 1);
    g_assert_true (g_str_has_suffix (backup, g_ptr_array_index (names, 0)));
  }

  g_clear_object (&copy);
  g_clear_object (&store);
  g_unsetenv ("PLAZA_FORCE_LOCATION");
  g_mutex_clear (&h.mutex);
  g_cond_clear (&h.cond);
  plaza_test_remove_tree (dir);
}

static gboolean
due_at (PlazaStore *store,
        const char *iso)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (now);
  return plaza_backup_due (store, now, NULL);
}

static void
test_due (Fixture       *f,
          gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 ("2026-06-10T09:00:00Z", NULL);
  g_autoptr(GDateTime) next = NULL;
  g_autofree char *next_text = NULL;

  /* Never backed up: due at once. */
  g_assert_true (due_at (f->store, "2026-06-01T00:00:00Z"));

  /* Weekly by default: due 7 days after the last one. */
  g_assert_true (plaza_store_set_setting (f->store, "backup.last", "2026-06-01T08:00:00Z", &error));
  g_assert_false (due_at (f->store, "2026-06-08T07:59:59Z"));
  g_assert_true (due_at (f->store, "2026-06-08T08:00:00Z"));
  g_assert_true (plaza_backup_due (f->store, now, &next));
  next_text = g_date_time_format_iso8601 (next);
  g_assert_cmpstr (next_text, ==, "2026-06-08T08:00:00Z");

  g_assert_true (plaza_store_set_setting (f->store, "backup.every", "daily", &error));
  g_assert_false (due_at (f->store, "2026-06-02T07:00:00Z"));
  g_assert_true (due_at (f->store, "2026-06-02T08:00:00Z"));

  g_assert_true (plaza_store_set_setting (f->store, "backup.every", "off", &error));
  g_assert_false (due_at (f->store, "2027-01-01T00:00:00Z"));
  g_assert_no_error (error);

  /* A backup records its time: not due right after it. */
  g_assert_true (plaza_store_set_setting (f->store, "backup.every", "weekly", &error));
  g_free (make_backup (f, 0));
  {
    g_autoptr(GDateTime) current = g_date_time_new_now_utc ();

    g_assert_false (plaza_backup_due (f->store, current, NULL));
  }
}

static void
test_quick_check (Fixture       *f,
                  gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *backup = make_backup (f, 0);
  g_autofree char *damaged = g_build_filename (f->dir, "damaged.plaza", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = g_path_get_basename (backup);
  gsize len = 0;

  g_assert_true (plaza_backup_quick_check (f->store, f->backups, &message));
  g_assert_null (message);
  g_assert_true (plaza_backup_quick_check_file (f->path, f->backups, &message));
  g_assert_null (message);

  /* Scribble over page 2's header (16 KiB pages). */
  g_assert_true (g_file_get_contents (backup, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 3 * 16384);
  memset (contents + 16384, 0xAB, 64);
  g_assert_true (g_file_set_contents (damaged, contents, (gssize) len, NULL));

  g_assert_false (plaza_backup_quick_check_file (damaged, f->backups, &message));
  g_assert_nonnull (message);
  g_test_message ("%s", message);
  g_assert_nonnull (strstr (message, "is damaged"));
  g_clear_pointer (&message, g_free);

  /* Named after "mall": a copy called mall.plaza in another folder names the
   * latest backup of mall and the command to restore it. */
  {
    g_autofree char *sub = g_build_filename (f->dir, "other", NULL);
    g_autofree char *mall = g_build_filename (sub, "mall.plaza", NULL);

    g_mkdir (sub, 0755);
    g_assert_true (g_file_set_contents (mall, contents, (gssize) len, NULL));
    g_assert_false (plaza_backup_quick_check_file (mall, f->backups, &message));
    g_assert_nonnull (strstr (message, name));
    g_assert_nonnull (strstr (message, "plazactl restore"));
    g_assert_nonnull (strstr (message, "--yes"));
  }
}

static void
test_cli (Fixture       *f,
          gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *fresh = g_build_filename (f->dir, "fresh.plaza", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.plaza", NULL);
  g_autofree char *broken = g_build_filename (f->dir, "broken.plaza-backup", NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;

  g_clear_object (&f->store);

  /* backup prints the new file's path. */
  g_assert_cmpint (plaza_test_run_plazactl ((const char *[]) { "backup", f->path, f->backups, "--keep", "2", NULL },
                                            &out, &err), ==, 0);
  g_strchomp (out);
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
  backup = g_steal_pointer (&out);
  g_clear_pointer (&err, g_free);

  /* backups lists it as CSV. */
  g_assert_cmpint (plaza_test_run_plazactl ((const char *[]) { "backups", f->path, f->backups, NULL },
                                            &out, &err), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "file,taken,bytes");
  g_assert_true (g_str_has_prefix (lines[1], backup));
  g_assert_cmpstr (lines[2], ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Overwriting a live file needs --yes: exit 1, one line. */
  g_assert_cmpint (plaza_test_run_plazactl ((const char *[]) { "restore", backup, f->path, NULL },
                                            &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "--yes"));
  g_assert_cmpint (strchr (err, '\n') - err, ==, (int) strlen (err) - 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  f->store = plaza_store_open (f->path, PLAZA_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (plaza_store_write (f->store, exec_func, "DELETE FROM floors", &error));
  g_assert_no_error (error);
  g_clear_object (&f->store);

  g_assert_cmpint (plaza_test_run_plazactl ((const char *[]) { "restore", backup, f->path, "--yes", NULL },
                                            &out, &err), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  f->store = plaza_store_open (f->path, PLAZA_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM floors"), ==, 3);

  /* Into a new file: no --yes needed. */
  g_assert_cmpint (plaza_test_run_plazactl ((const char *[]) { "restore", backup, fresh, NULL },
                                            &out, &err), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  {
    g_autoptr(PlazaStore) other = plaza_store_open (fresh, PLAZA_STORE_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
    g_assert_cmpint (plaza_test_count (other, "SELECT sum(gross_area) FROM floors"), ==, 865050);
  }

  /* A live file whose header is gone cannot be opened: it is kept aside
   * and the backup put in its place. */
  g_clear_object (&f->store);
  {
    g_autofree char *contents = NULL;
    g_autofree char *aside = NULL;
    gsize len = 0;

    g_assert_true (g_file_get_contents (f->path, &contents, &len, NULL));
    memset (contents, 'x', 100);
    g_assert_true (g_file_set_contents (f->path, contents, (gssize) len, NULL));
    g_assert_cmpint (plaza_test_run_plazactl ((const char *[]) { "restore", backup, f->path, NULL },
                                              &out, &err), ==, 1);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (plaza_test_run_plazactl ((const char *[]) { "restore", backup, f->path, "--yes", NULL },
                                              &out, &err), ==, 0);
    g_assert_true (g_str_has_prefix (out, "The damaged file was kept as "));
    aside = g_strdup (out + strlen ("The damaged file was kept as "));
    g_strchomp (aside);
    g_assert_true (g_str_has_prefix (aside, f->path));
    g_assert_true (g_file_test (aside, G_FILE_TEST_IS_REGULAR));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  f->store = plaza_store_open (f->path, PLAZA_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (plaza_store_check (f->store, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT sum(gross_area) FROM floors"), ==, 865050);

  /* Another program's database is never overwritten, --yes or not. */
  {
    g_autofree char *foreign = g_build_filename (f->dir, "accounts.db", NULL);
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;
    gsize before_len = 0;
    gsize after_len = 0;
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (foreign, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE ledger (id INTEGER PRIMARY KEY);"
                                       "INSERT INTO ledger VALUES (7);", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
    g_assert_true (g_file_get_contents (foreign, &before, &before_len, NULL));
    g_assert_cmpint (plaza_test_run_plazactl ((const char *[]) { "restore", backup, foreign, "--yes", NULL },
                                              &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, "another program"));
    g_assert_true (g_file_get_contents (foreign, &after, &after_len, NULL));
    g_assert_cmpmem (before, before_len, after, after_len);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  /* A broken backup and a missing database: exit 1. */
  g_assert_true (g_file_set_contents (broken, "SQLite format 3", -1, NULL));
  g_assert_cmpint (plaza_test_run_plazactl ((const char *[]) { "restore", broken, f->path, "--yes", NULL },
                                            &out, &err), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (plaza_test_run_plazactl ((const char *[]) { "backup", missing, f->backups, NULL },
                                            &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "does not exist"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM floors"), ==, 3);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/backup/demo", test_demo);
  g_test_add ("/backup/rotation", Fixture, NULL, fixture_set_up, test_rotation, fixture_tear_down);
  g_test_add ("/backup/restore", Fixture, NULL, fixture_set_up, test_restore, fixture_tear_down);
  g_test_add ("/backup/refused", Fixture, NULL, fixture_set_up, test_refused, fixture_tear_down);
  g_test_add_func ("/backup/busy", test_busy);
  g_test_add ("/backup/due", Fixture, NULL, fixture_set_up, test_due, fixture_tear_down);
  g_test_add ("/backup/quick-check", Fixture, NULL, fixture_set_up, test_quick_check, fixture_tear_down);
  g_test_add ("/backup/cli", Fixture, NULL, fixture_set_up, test_cli, fixture_tear_down);

  return g_test_run ();
}
