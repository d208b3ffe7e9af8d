/* test-lease.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The lease file of shares whose locks stay local (plaza-lease.h): two
 * acquirers serialise; a lease of a dead process on this host, older than
 * the stale age, is stale and is broken only with the exact contents shown;
 * a fresh lease of another host is never stale; a release never removes a
 * file that is no longer ours; mount options that keep locks local. Then
 * the store as on sshfs (PLAZA_FORCE_LOCATION=fuse): every write inside the
 * lease, two plazactl processes landing every row, a writer killed with
 * SIGKILL inside its transaction leaving a lease the next writer may break
 * only through the confirm path; plazactl share status, break-lease and
 * fix-journal. The keep-alive: a write held three heartbeat intervals keeps
 * its lease fresh, so a reader on another computer never sees it stale.
 */

#define G_LOG_DOMAIN "plaza-test"

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "plaza-core.h"
#include "test-util.h"

typedef struct
{
  char *dir;
  char *db;
  char *lease;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  f->dir = g_dir_make_tmp ("plaza-lease-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->db = g_build_filename (f->dir, "mall.db", NULL);
  f->lease = plaza_lease_path_for (f->db);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data G_GNUC_UNUSED)
{
  plaza_test_remove_tree (f->dir);
  g_free (f->lease);
  g_free (f->db);
  g_free (f->dir);
}

static gint64
now_s (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static char *
lease_text (const char *host,
            gint64      pid,
            gint64      time)
{
  return g_strdup_printf ("plaza-lease 1\nhost=%s\npid=%lld\ntime=%lld\ntoken=feedface\n",
                          host, (long long) pid, (long long) time);
}

/* A pid that surely ran here and is gone: a child that exited and was reaped. */
static pid_t
dead_pid (void)
{
  pid_t pid = fork ();

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    _exit (0);
  g_assert_cmpint (waitpid (pid, NULL, 0), ==, pid);
  return pid;
}

static void
test_path (Fixture       *f,
           gconstpointer  data G_GNUC_UNUSED)
{
  g_assert_true (g_str_has_suffix (f->lease, "mall.db.plaza-lease"));
}

static void
test_serialise (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  PlazaLease *a = NULL, *b = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *on_disk = NULL;
  gint64 start;

  g_assert_true (plaza_lease_acquire (f->db, 0, &a, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (f->lease, &on_disk, NULL, NULL));
  g_assert_cmpstr (on_disk, ==, plaza_lease_get_contents (a));

  /* The second waits its 150 ms and gives up: the holder is alive. */
  start = g_get_monotonic_time ();
  g_assert_false (plaza_lease_acquire (f->db, 150, &b, &error));
  g_assert_error (error, PLAZA_LEASE_ERROR, PLAZA_LEASE_ERROR_BUSY);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 150 * 1000);
  g_assert_null (b);
  g_clear_error (&error);

  g_assert_true (plaza_lease_heartbeat (a, &error));
  g_assert_no_error (error);
  plaza_lease_release (a);
  g_assert_false (g_file_test (f->lease, G_FILE_TEST_EXISTS));

  g_assert_true (plaza_lease_acquire (f->db, 0, &b, &error));
  g_assert_no_error (error);
  plaza_lease_release (b);
  g_assert_false (g_file_test (f->lease, G_FILE_TEST_EXISTS));
}

typedef struct
{
  const char *db;
  volatile gint inside;
  volatile gint overlaps;
  gint counter;
} Shared;

static gpointer
worker (gpointer user_data)
{
  Shared *s = user_data;

  for (guint i = 0; i < 50; i++)
    {
      PlazaLease *lease = NULL;
      g_autoptr(GError) error = NULL;
      gint seen;

      g_assert_true (plaza_lease_acquire (s->db, 20000, &lease, &error));
      g_assert_no_error (error);
      if (g_atomic_int_add (&s->inside, 1) != 0)
        g_atomic_int_inc (&s->overlaps);
      seen = s->counter;          /* a lost update shows if two are inside */
      g_usleep (200);
      s->counter = seen + 1;
      g_atomic_int_add (&s->inside, -1);
      plaza_lease_release (lease);
    }
  return NULL;
}

static void
test_serialise_threads (Fixture       *f,
                        gconstpointer  data G_GNUC_UNUSED)
{
  Shared s = { f->db, 0, 0, 0 };
  GThread *t1 = g_thread_new ("lease-1", worker, &s);
  GThread *t2 = g_thread_new ("lease-2", worker, &s);

  g_thread_join (t1);
  g_thread_join (t2);
  g_assert_cmpint (s.overlaps, ==, 0);
  g_assert_cmpint (s.counter, ==, 100);
  g_assert_false (g_file_test (f->lease, G_FILE_TEST_EXISTS));
}

static void
test_stale_dead_pid (Fixture       *f,
                     gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *text = lease_text (g_get_host_name (), dead_pid (), now_s () - 100);
  g_autofree char *contents = NULL;
  g_autofree char *other = NULL;
  PlazaLeaseInfo info = { 0 };
  PlazaLease *lease = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (f->lease, text, -1, NULL));
  g_assert_true (plaza_lease_read (f->lease, &contents, &info, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, text);
  g_assert_cmpstr (info.host, ==, g_get_host_name ());
  g_assert_cmpstr (info.token, ==, "feedface");

  /* 100 s old, dead: stale at 30 s; not at 200 s. */
  g_assert_true (plaza_lease_info_is_stale (&info, now_s (), 30));
  g_assert_false (plaza_lease_info_is_stale (&info, now_s (), 200));
  /* Old but alive (our own pid): never stale on this host. */
  info.pid = getpid ();
  g_assert_false (plaza_lease_info_is_stale (&info, now_s (), 30));
  plaza_lease_info_clear (&info);

  /* Acquire reports it and does not touch it. */
  g_assert_false (plaza_lease_acquire (f->db, 5000, &lease, &error));
  g_assert_error (error, PLAZA_LEASE_ERROR, PLAZA_LEASE_ERROR_STALE);
  g_assert_nonnull (strstr (error->message, g_get_host_name ()));
  g_clear_error (&error);
  g_assert_true (g_file_test (f->lease, G_FILE_TEST_EXISTS));

  /* A break with other contents than the file's removes nothing. */
  other = lease_text (g_get_host_name (), 1, now_s ());
  g_assert_false (plaza_lease_break (f->lease, other, &error));
  g_assert_error (error, PLAZA_LEASE_ERROR, PLAZA_LEASE_ERROR_CHANGED);
  g_clear_error (&error);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (f->lease, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, text);

  /* The confirmed break, then the lease is ours. */
  g_assert_true (plaza_lease_break (f->lease, text, &error));
  g_assert_no_error (error);
  g_assert_true (plaza_lease_acquire (f->db, 0, &lease, &error));
  g_assert_no_error (error);
  plaza_lease_release (lease);

  /* Nothing left beside the database. */
  {
    g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
    g_assert_null (g_dir_read_name (dir));
  }
}

static void
test_other_host (Fixture       *f,
                 gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *text = lease_text ("till-7.mall.example", dead_pid (), now_s ());
  PlazaLeaseInfo info = { 0 };
  PlazaLease *lease = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (f->lease, text, -1, NULL));
  g_assert_true (plaza_lease_read (f->lease, NULL, &info, NULL));
  /* Its pid means nothing here: fresh is never stale, however small the age. */
  g_assert_false (plaza_lease_info_is_stale (&info, now_s (), 30));
  g_assert_false (plaza_lease_info_is_stale (&info, now_s () + 29, 30));
  /* Only a heartbeat older than the stale age makes it stale. */
  g_assert_true (plaza_lease_info_is_stale (&info, now_s () + 31, 30));
  plaza_lease_info_clear (&info);

  g_assert_false (plaza_lease_acquire (f->db, 100, &lease, &error));
  g_assert_error (error, PLAZA_LEASE_ERROR, PLAZA_LEASE_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "till-7.mall.example"));
  g_assert_true (g_file_test (f->lease, G_FILE_TEST_EXISTS));
}

static void
test_release_replaced (Fixture       *f,
                       gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *theirs = lease_text ("till-7.mall.example", 4242, now_s ());
  g_autofree char *after = NULL;
  PlazaLease *lease = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (plaza_lease_acquire (f->db, 0, &lease, &error));
  g_assert_no_error (error);
  /* Someone broke ours and took a lease of their own. */
  g_assert_true (plaza_lease_break (f->lease, plaza_lease_get_contents (lease), &error));
  g_assert_true (g_file_set_contents (f->lease, theirs, -1, NULL));

  g_assert_false (plaza_lease_heartbeat (lease, &error));
  g_assert_error (error, PLAZA_LEASE_ERROR, PLAZA_LEASE_ERROR_CHANGED);
  g_test_expect_message ("plaza-core", G_LOG_LEVEL_WARNING, "*no longer ours*");
  plaza_lease_release (lease);
  g_test_assert_expected_messages ();

  g_assert_true (g_file_get_contents (f->lease, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, theirs);
}

static void
test_read_only_folder (Fixture       *f,
                       gconstpointer  data G_GNUC_UNUSED)
{
  PlazaLease *lease = NULL;
  g_autoptr(GError) error = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("root can create files in a read-only folder");
      return;
    }
  g_assert_cmpint (g_chmod (f->dir, 0555), ==, 0);
  g_assert_false (plaza_lease_acquire (f->db, 1000, &lease, &error));
  g_assert_error (error, PLAZA_LEASE_ERROR, PLAZA_LEASE_ERROR_CANNOT_CREATE);
  g_assert_cmpint (g_chmod (f->dir, 0755), ==, 0);
}

static void
test_options (void)
{
  g_assert_true (plaza_lease_options_keep_locks_local (PLAZA_LOCATION_FUSE, NULL));
  g_assert_true (plaza_lease_options_keep_locks_local (PLAZA_LOCATION_SMB,
                                                      "rw,relatime,vers=3.0,nobrl,cache=strict"));
  g_assert_false (plaza_lease_options_keep_locks_local (PLAZA_LOCATION_SMB,
                                                       "rw,relatime,vers=3.0,cache=strict"));
  g_assert_true (plaza_lease_options_keep_locks_local (PLAZA_LOCATION_NFS, "rw,vers=3,nolock,proto=tcp"));
  g_assert_true (plaza_lease_options_keep_locks_local (PLAZA_LOCATION_NFS, "rw,vers=4.2,local_lock=all"));
  g_assert_false (plaza_lease_options_keep_locks_local (PLAZA_LOCATION_NFS, "rw,vers=4.2,local_lock=none"));
  g_assert_false (plaza_lease_options_keep_locks_local (PLAZA_LOCATION_LOCAL, "rw,nolock"));
  g_assert_false (plaza_lease_options_keep_locks_local (PLAZA_LOCATION_NFS, NULL));
  g_assert_false (plaza_lease_needed ("/tmp/x.db", PLAZA_LOCATION_LOCAL));
  g_assert_true (plaza_lease_needed ("/tmp/x.db", PLAZA_LOCATION_FUSE));
}

/* The store on a share whose locks stay local (PLAZA_FORCE_LOCATION=fuse). */

static gboolean
exec_func (PlazaStore  *store,
           gpointer     user_data,
           GError     **error)
{
  return plaza_store_exec (store, user_data, error);
}

static PlazaStore *
open_mall (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  PlazaStore *store;

  g_setenv ("PLAZA_FORCE_LOCATION", "fuse", TRUE);
  store = plaza_store_open (f->db, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (plaza_store_uses_lease (store));
  g_assert_cmpstr (plaza_store_get_journal_mode (store), ==, "DELETE");
  g_assert_true (plaza_store_write (store, exec_func,
                                    "INSERT INTO projects (id, code, name) VALUES (1, 'T', 'Test mall');"
                                    "INSERT INTO floors (id, project_id, label, level) VALUES (1, 1, '1F', 1);"
                                    "INSERT INTO units (id, floor_id, code, gross_area, rentable_area) VALUES "
                                    "  (1, 1, 'A101', 12550, 12550), (2, 1, 'A102', 8000, 8000);",
                                    &error));
  g_assert_no_error (error);
  return store;
}

static gboolean
peek_lease_func (PlazaStore  *store,
                 gpointer     user_data,
                 GError     **error)
{
  Fixture *f = user_data;
  PlazaLeaseInfo info = { 0 };

  /* Inside the transaction the lease is there, and it is ours. */
  g_assert_true (plaza_lease_read (f->lease, NULL, &info, NULL));
  g_assert_cmpint (info.pid, ==, getpid ());
  g_assert_cmpstr (info.host, ==, g_get_host_name ());
  plaza_lease_info_clear (&info);
  return plaza_store_exec (store, "INSERT INTO sales_daily (unit_id, date, amount) VALUES (1, '2026-03-01', 123456)",
                           error);
}

static void
test_store_write (Fixture       *f,
                  gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(PlazaStore) store = open_mall (f);
  g_autoptr(GError) error = NULL;

  g_assert_false (g_file_test (f->lease, G_FILE_TEST_EXISTS));
  g_assert_true (plaza_store_write (store, peek_lease_func, f, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (f->lease, G_FILE_TEST_EXISTS));
  g_assert_cmpint (plaza_test_count (store, "SELECT sum (amount) FROM sales_daily"), ==, 123456);

  /* A failed write rolls back and gives the lease back too. */
  g_assert_false (plaza_store_write (store, exec_func, "INSERT INTO nowhere VALUES (1)", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (g_file_test (f->lease, G_FILE_TEST_EXISTS));

  /* The same file on a local disk needs no lease. */
  g_unsetenv ("PLAZA_FORCE_LOCATION");
  g_clear_object (&store);
  store = plaza_store_open (f->db, PLAZA_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (plaza_store_uses_lease (store));
}

/* The keep-alive thread on a bare lease: heartbeats every 100 ms, the file
 * always the current contents, stopped by the release. */
static void
test_keep_alive (Fixture       *f,
                 gconstpointer  data G_GNUC_UNUSED)
{
  PlazaLease *lease = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *on_disk = NULL;
  guint beats;

  g_assert_true (plaza_lease_acquire (f->db, 0, &lease, &error));
  g_assert_no_error (error);
  plaza_lease_keep_alive (lease, 100);
  plaza_lease_keep_alive (lease, 100);  /* a second call changes nothing */
  g_usleep (550 * 1000);
  beats = plaza_lease_get_heartbeats (lease);
  g_assert_cmpuint (beats, >=, 3);
  g_assert_cmpuint (beats, <=, 6);
  g_assert_true (g_file_get_contents (f->lease, &on_disk, NULL, NULL));
  g_assert_true (g_str_has_prefix (on_disk, "plaza-lease 1\nhost="));
  g_assert_nonnull (strstr (on_disk, "\ntoken="));
  plaza_lease_release (lease);
  g_assert_false (g_file_test (f->lease, G_FILE_TEST_EXISTS));
}

typedef struct
{
  Fixture *f;
  gint64   first;     /* the heartbeat seen at the start of the write */
  gint64   last;
  guint    reads;
  guint    stale;     /* reads that another computer would call stale */
  guint    unreadable;
} Watch;

/* Holds the write 3.3 s (three 1 s heartbeat intervals) and reads the lease
 * every 50 ms as another computer would (another host's name, stale after
 * 2 s): without the heartbeat it would turn stale after 2 s. */
static gboolean
long_write_func (PlazaStore  *store,
                 gpointer     user_data,
                 GError     **error)
{
  Watch *w = user_data;
  gint64 end = g_get_monotonic_time () + 3300 * 1000;

  while (g_get_monotonic_time () < end)
    {
      PlazaLeaseInfo info = { 0 };

      if (plaza_lease_read (w->f->lease, NULL, &info, NULL) && info.heartbeat > 0 && info.token != NULL)
        {
          g_free (info.host);
          info.host = g_strdup ("another-pc");
          if (w->first == 0)
            w->first = info.heartbeat;
          w->last = info.heartbeat;
          if (plaza_lease_info_is_stale (&info, now_s (), 2))
            w->stale++;
        }
      else
        w->unreadable++;
      w->reads++;
      plaza_lease_info_clear (&info);
      g_usleep (50 * 1000);
    }
  return plaza_store_exec (store, "INSERT INTO sales_daily (unit_id, date, amount) VALUES (2, '2026-03-02', 500)",
                           error);
}

static void
test_store_heartbeat (Fixture       *f,
                      gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(PlazaStore) store = open_mall (f);
  g_autoptr(GError) error = NULL;
  Watch w = { f, 0, 0, 0, 0, 0 };

  g_setenv ("PLAZA_LEASE_HEARTBEAT_MS", "1000", TRUE);
  g_assert_true (plaza_store_write (store, long_write_func, &w, &error));
  g_assert_no_error (error);
  g_unsetenv ("PLAZA_LEASE_HEARTBEAT_MS");

  g_test_message ("%u reads, heartbeat %lld → %lld", w.reads, (long long) w.first, (long long) w.last);
  g_assert_cmpuint (w.reads, >=, 40);
  g_assert_cmpuint (w.unreadable, ==, 0);
  g_assert_cmpuint (w.stale, ==, 0);
  /* Three beats in 3.3 s: the time moved by at least two seconds. */
  g_assert_cmpint (w.last - w.first, >=, 2);
  g_assert_false (g_file_test (f->lease, G_FILE_TEST_EXISTS));
  g_assert_cmpint (plaza_test_count (store, "SELECT sum (amount) FROM sales_daily"), ==, 500);
}

/* Two plazactl processes, 20 `sales set` each on their own unit, at once. */
static void
test_store_two_processes (Fixture       *f,
                          gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(PlazaStore) store = open_mall (f);
  g_autoptr(GError) error = NULL;
  const char *plazactl = g_getenv ("PLAZACTL");
  GPid pids[2];
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_assert_nonnull (plazactl);
  g_clear_object (&store);
  for (guint w = 0; w < 2; w++)
    {
      /* Day d of January gets d yuan: 1 + … + 20 = 210 yuan per unit. */
      g_autofree char *script =
        g_strdup_printf ("for d in $(seq 1 20); do "
                         "\"$0\" sales set \"$1\" --unit %s --date 2026-01-$(printf %%02d $d) --amount $d "
                         ">/dev/null || exit 1; done",
                         w == 0 ? "A101" : "A102");
      const char *argv[] = { "/bin/sh", "-c", script, plazactl, f->db, NULL };

      g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                    NULL, NULL, &pids[w], &error));
      g_assert_no_error (error);
    }
  for (guint w = 0; w < 2; w++)
    {
      int status = 0;

      g_assert_cmpint (waitpid (pids[w], &status, 0), ==, pids[w]);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
    }

  store = plaza_store_open (f->db, PLAZA_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plaza_test_count (store, "SELECT count(*) FROM sales_daily WHERE unit_id = 1"), ==, 20);
  g_assert_cmpint (plaza_test_count (store, "SELECT count(*) FROM sales_daily WHERE unit_id = 2"), ==, 20);
  g_assert_cmpint (plaza_test_count (store, "SELECT sum (amount) FROM sales_daily WHERE unit_id = 1"), ==, 21000);
  g_assert_cmpint (plaza_test_count (store, "SELECT sum (amount) FROM sales_daily WHERE unit_id = 2"), ==, 21000);
  g_assert_true (plaza_store_check (store, TRUE, &error));
  g_assert_no_error (error);

  /* No lease file survives a clean run (nor anything else beside the db). */
  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_cmpstr (name, ==, "mall.db");
}

static gboolean
hang_func (PlazaStore  *store,
           gpointer     user_data,
           GError     **error)
{
  int fd = GPOINTER_TO_INT (user_data);

  /* A tiny page cache spills changed pages into the file before COMMIT:
   * the journal is then a real, synced hot journal. */
  if (!plaza_store_exec (store, "PRAGMA cache_size = 2;"
                         "WITH RECURSIVE d (n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM d WHERE n < 3000) "
                         "INSERT INTO sales_daily (unit_id, date, amount) "
                         "SELECT 2, date ('2000-01-01', '+' || n || ' days'), 999 FROM d",
                         error))
    return FALSE;
  if (write (fd, "x", 1) != 1)
    _exit (3);
  g_usleep (60 * G_USEC_PER_SEC);
  _exit (4);
}

/* A writer killed inside its transaction leaves the lease: the next writer
 * is told it is stale and gets in only through the confirmed break. */
static void
test_store_killed_writer (Fixture       *f,
                          gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(PlazaStore) store = open_mall (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  PlazaLeaseInfo info = { 0 };
  int pipefd[2];
  char byte;
  pid_t pid;

  g_clear_object (&store);
  g_assert_cmpint (pipe (pipefd), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      PlazaStore *child = plaza_store_open (f->db, PLAZA_STORE_OPEN_DEFAULT, NULL);

      close (pipefd[0]);
      if (child == NULL)
        _exit (2);
      plaza_store_write (child, hang_func, GINT_TO_POINTER (pipefd[1]), NULL);
      _exit (5);
    }
  close (pipefd[1]);
  g_assert_cmpint (read (pipefd[0], &byte, 1), ==, 1);
  close (pipefd[0]);
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, NULL, 0), ==, pid);

  /* Its lease is left behind, naming it. */
  g_assert_true (plaza_lease_read (f->lease, &contents, &info, &error));
  g_assert_no_error (error);
  g_assert_cmpint (info.pid, ==, pid);
  plaza_lease_info_clear (&info);

  /* Its journal is left too. While the lease is there a reader must not
   * take that journal for a hot one (on a real share it may be a live
   * writer's): it reads the committed rows and leaves the journal alone. */
  {
    g_autofree char *journal = g_strconcat (f->db, "-journal", NULL);
    const char *vfs = getenv ("PLAZA_TEST_LEASE_VFS_OFF") ? NULL : plaza_lease_vfs_ensure (NULL);
    sqlite3 *reader = NULL;

    g_assert_true (g_file_test (journal, G_FILE_TEST_EXISTS));
    /* A writable connection, as another computer's would be
     * (PLAZA_TEST_LEASE_VFS_OFF=1: the plain VFS, which rolls it back). */
    g_assert_cmpint (sqlite3_open_v2 (f->db, &reader, SQLITE_OPEN_READWRITE, vfs), ==, SQLITE_OK);
    sqlite3_exec (reader, "SELECT count(*) FROM sales_daily", NULL, NULL, NULL);
    sqlite3_close (reader);
    g_assert_true (g_file_test (journal, G_FILE_TEST_EXISTS));
  }

  /* Opening reads inside the lease too, so it is the open that reports it. */
  g_setenv ("PLAZA_LEASE_STALE_SECONDS", "0", TRUE);
  store = plaza_store_open (f->db, PLAZA_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_STALE_LEASE);
  g_assert_nonnull (strstr (error->message, "no longer running"));
  g_clear_error (&error);
  g_assert_true (g_file_test (f->lease, G_FILE_TEST_EXISTS));

  /* The user agreed to what was shown: break exactly that, then write. */
  g_assert_true (plaza_lease_break (f->lease, contents, &error));
  g_assert_no_error (error);
  store = plaza_store_open (f->db, PLAZA_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (plaza_store_write (store, exec_func,
                                    "INSERT INTO sales_daily (unit_id, date, amount) VALUES (1, '2026-04-01', 500)",
                                    &error));
  g_assert_no_error (error);
  g_unsetenv ("PLAZA_LEASE_STALE_SECONDS");

  /* The killed write is gone (its hot journal rolled back), ours is there. */
  g_assert_cmpint (plaza_test_count (store, "SELECT count(*) FROM sales_daily WHERE unit_id = 2"), ==, 0);
  g_assert_cmpint (plaza_test_count (store, "SELECT sum (amount) FROM sales_daily"), ==, 500);
  g_assert_true (plaza_store_check (store, TRUE, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (f->lease, G_FILE_TEST_EXISTS));
}

/* The small demo written through the lease: no lease left, file intact. */
static void
test_store_demo (Fixture       *f,
                 gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;

  g_setenv ("PLAZA_FORCE_LOCATION", "fuse", TRUE);
  store = plaza_store_open (f->db, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 15, G_DATE_JUNE, 2026);
  g_assert_true (plaza_demo_generate (store, 3, PLAZA_DEMO_SMALL, &today, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (f->lease, G_FILE_TEST_EXISTS));
  g_assert_cmpint (plaza_test_count (store, "SELECT count(*) FROM units"), >, 0);
  g_assert_true (plaza_store_check (store, TRUE, &error));
  g_assert_no_error (error);
  g_unsetenv ("PLAZA_FORCE_LOCATION");
}

/* A restore on such a share replaces the file inside the lease: while
 * another computer holds it the restore waits, and lands once it is let go. */
typedef struct
{
  PlazaStore *store;
  const char *backup;
  gboolean    done;
  gboolean    ok;
} Restore;

static gpointer
restore_thread (gpointer data)
{
  Restore *r = data;
  g_autoptr(GError) error = NULL;

  r->ok = plaza_backup_restore (r->store, r->backup, &error);
  g_assert_no_error (error);
  g_atomic_int_set (&r->done, TRUE);
  return NULL;
}

static void
test_store_restore (Fixture       *f,
                    gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *backups = g_build_filename (f->dir, "backups", NULL);
  g_autofree char *backup = NULL;
  PlazaLease *held = NULL;
  Restore r = { 0 };
  GThread *thread;

  g_setenv ("PLAZA_FORCE_LOCATION", "fuse", TRUE);
  store = plaza_store_open (f->db, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (plaza_store_uses_lease (store));
  g_assert_true (plaza_store_set_setting (store, "mall.name", "备份时", &error));
  g_assert_true (plaza_backup_create (store, backups, 0, &backup, &error));
  g_assert_no_error (error);
  g_assert_true (plaza_store_set_setting (store, "mall.name", "备份后", &error));

  /* Another computer writes: the restore waits for it. */
  g_assert_true (plaza_lease_acquire (f->db, 0, &held, &error));
  r.store = store;
  r.backup = backup;
  thread = g_thread_new ("restore", restore_thread, &r);
  g_usleep (400 * 1000);
  g_assert_false (g_atomic_int_get (&r.done));
  plaza_lease_release (held);
  g_thread_join (thread);
  g_assert_true (r.ok);

  {
    g_autofree char *name = plaza_store_get_setting (store, "mall.name");

    g_assert_cmpstr (name, ==, "备份时");
  }
  g_assert_false (g_file_test (f->lease, G_FILE_TEST_EXISTS));
  g_assert_true (plaza_store_check (store, TRUE, &error));
  g_assert_no_error (error);
  g_unsetenv ("PLAZA_FORCE_LOCATION");
}

/* plazactl share: status, a break only of a stale lease and only with
 * --yes, and the journal fix. */
static void
test_cli (Fixture       *f,
          gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *stale = lease_text (g_get_host_name (), dead_pid (), now_s () - 100);
  g_autofree char *live = lease_text (g_get_host_name (), getpid (), now_s ());
  const char *status[] = { "share", "status", f->db, NULL };
  const char *ask[] = { "share", "break-lease", f->db, NULL };
  const char *yes[] = { "share", "break-lease", f->db, "--yes", NULL };
  const char *fix[] = { "share", "fix-journal", f->db, NULL };

  /* A local file: WAL. */
  g_setenv ("PLAZA_FORCE_LOCATION", "local", TRUE);
  store = plaza_store_open (f->db, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plaza_store_get_journal_mode (store), ==, "WAL");
  g_clear_object (&store);

  g_setenv ("PLAZA_FORCE_LOCATION", "fuse", TRUE);
  g_assert_cmpint (plaza_test_run_plazactl (status, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "lease: needed"));
  g_assert_nonnull (strstr (out, "holder: none"));
  g_clear_pointer (&out, g_free);

  /* Stale (dead pid, 100 s old): shown so, broken only with --yes. */
  g_assert_true (g_file_set_contents (f->lease, stale, -1, NULL));
  g_assert_cmpint (plaza_test_run_plazactl (status, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "(stale)"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (plaza_test_run_plazactl (ask, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "--yes"));
  g_clear_pointer (&err, g_free);
  g_assert_true (g_file_test (f->lease, G_FILE_TEST_EXISTS));
  g_assert_cmpint (plaza_test_run_plazactl (yes, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Stale lease removed"));
  g_clear_pointer (&out, g_free);
  g_assert_false (g_file_test (f->lease, G_FILE_TEST_EXISTS));

  /* Live (this process): never broken. */
  g_assert_true (g_file_set_contents (f->lease, live, -1, NULL));
  g_assert_cmpint (plaza_test_run_plazactl (yes, &out, &err), ==, 1);
  g_clear_pointer (&out, g_free);
  g_assert_nonnull (strstr (err, "live writer"));
  g_assert_true (g_file_test (f->lease, G_FILE_TEST_EXISTS));
  g_unlink (f->lease);

  /* On a share the WAL file is refused until fixed; the fix makes it DELETE. */
  g_assert_cmpint (plaza_test_run_plazactl (fix, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "now DELETE"));
  g_clear_pointer (&out, g_free);
  store = plaza_store_open (f->db, PLAZA_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (plaza_store_is_read_only (store));
  g_assert_cmpstr (plaza_store_get_journal_mode (store), ==, "DELETE");
  g_clear_object (&store);
  g_assert_cmpint (plaza_test_run_plazactl (fix, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "nothing to fix"));
  g_assert_false (g_file_test (f->lease, G_FILE_TEST_EXISTS));
  g_unsetenv ("PLAZA_FORCE_LOCATION");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lease/options", test_options);
#define ADD(name, func) g_test_add ("/lease/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("path", test_path);
  ADD ("serialise", test_serialise);
  ADD ("serialise-threads", test_serialise_threads);
  ADD ("stale-dead-pid", test_stale_dead_pid);
  ADD ("other-host", test_other_host);
  ADD ("release-replaced", test_release_replaced);
  ADD ("read-only-folder", test_read_only_folder);
  ADD ("keep-alive", test_keep_alive);
  ADD ("store/write", test_store_write);
  ADD ("store/heartbeat", test_store_heartbeat);
  ADD ("store/two-processes", test_store_two_processes);
  ADD ("store/killed-writer", test_store_killed_writer);
  ADD ("store/demo", test_store_demo);
  ADD ("store/restore", test_store_restore);
  ADD ("cli", test_cli);
#undef ADD

  return g_test_run ();
}
