/* test-lock-wait.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A write that waits for the lock says so: another connection holds BEGIN
 * IMMEDIATE in a thread; after a second of waiting the store's lock-wait
 * callback says TRUE, and FALSE when it gets the lock (the write lands) or
 * gives up after its retry budget (PLAZA_STORE_ERROR_BUSY, nothing written).
 * The worker turns it into its "lock-waiting" property on the main context
 * while the main loop keeps turning.
 */

#define G_LOG_DOMAIN "plaza-test"

#include "config.h"

#include "plaza-core.h"
#include "test-util.h"

typedef struct
{
  char   *path;
  guint   hold_ms;
  GMutex  lock;
  GCond   cond;
  gboolean holding;
} Holder;

typedef struct
{
  GArray *calls;   /* gboolean, in order */
  gint64  first_at;
  gint64  start;
} Calls;

static gpointer
holder_thread (gpointer user_data)
{
  Holder *h = user_data;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (h->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_mutex_lock (&h->lock);
  h->holding = TRUE;
  g_cond_signal (&h->cond);
  g_mutex_unlock (&h->lock);
  g_usleep ((gulong) h->hold_ms * 1000);
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  return NULL;
}

static GThread *
hold_lock (Holder *h)
{
  GThread *thread = g_thread_new ("holder", holder_thread, h);

  g_mutex_lock (&h->lock);
  while (!h->holding)
    g_cond_wait (&h->cond, &h->lock);
  g_mutex_unlock (&h->lock);
  return thread;
}

static void
wait_cb (PlazaStore *store G_GNUC_UNUSED,
         gboolean    waiting,
         gpointer    user_data)
{
  Calls *calls = user_data;

  if (calls->calls->len == 0)
    calls->first_at = g_get_monotonic_time () - calls->start;
  g_array_append_val (calls->calls, waiting);
}

static gboolean
insert_func (PlazaStore  *store,
             gpointer     user_data G_GNUC_UNUSED,
             GError     **error)
{
  return plaza_store_exec (store, "INSERT INTO settings (key, value) "
                           "VALUES ('lock-wait-' || (SELECT count(*) FROM settings), 'x')", error)
         && plaza_store_log_change (store, "settings", 0, "update", "lock-wait", error);
}

static PlazaStore *
new_store (char **dir,
           char **path)
{
  g_autoptr(GError) error = NULL;
  PlazaStore *store;

  *dir = g_dir_make_tmp ("plaza-lock-wait-XXXXXX", NULL);
  *path = g_build_filename (*dir, "mall.db", NULL);
  store = plaza_store_open (*path, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  return store;
}

static void
test_wait_then_write (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(PlazaStore) store = new_store (&dir, &path);
  g_autoptr(GError) error = NULL;
  Holder h = { NULL, 1500, { 0 }, { 0 }, FALSE };
  Calls calls = { g_array_new (FALSE, FALSE, sizeof (gboolean)), 0, 0 };
  GThread *thread;

  /* A quick write says nothing. */
  plaza_store_set_lock_wait_func (store, wait_cb, &calls);
  g_assert_true (plaza_store_write (store, insert_func, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (calls.calls->len, ==, 0);

  h.path = path;
  thread = hold_lock (&h);
  calls.start = g_get_monotonic_time ();
  g_assert_true (plaza_store_write (store, insert_func, NULL, &error));
  g_assert_no_error (error);
  g_thread_join (thread);

  g_assert_cmpuint (calls.calls->len, ==, 2);
  g_assert_true (g_array_index (calls.calls, gboolean, 0));
  g_assert_false (g_array_index (calls.calls, gboolean, 1));
  g_assert_cmpint (calls.first_at, >=, 1000 * 1000);
  g_assert_cmpint (calls.first_at, <, 1500 * 1000);
  g_assert_cmpint (plaza_test_count (store, "SELECT count(*) FROM settings WHERE key LIKE 'lock-wait-%'"), ==, 2);

  g_array_unref (calls.calls);
  g_clear_object (&store);
  plaza_test_remove_tree (dir);
}

static void
test_wait_then_busy (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(PlazaStore) store = new_store (&dir, &path);
  g_autoptr(GError) error = NULL;
  Holder h = { NULL, 7000, { 0 }, { 0 }, FALSE };
  Calls calls = { g_array_new (FALSE, FALSE, sizeof (gboolean)), 0, 0 };
  GThread *thread;
  gint64 took;

  plaza_store_set_lock_wait_func (store, wait_cb, &calls);
  h.path = path;
  thread = hold_lock (&h);
  calls.start = g_get_monotonic_time ();
  g_assert_false (plaza_store_write (store, insert_func, NULL, &error));
  took = g_get_monotonic_time () - calls.start;
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_BUSY);
  g_test_message ("gave up after %.1f s", took / 1e6);
  /* The budget: 5 attempts of a second each, plus the jittered pauses. */
  g_assert_cmpint (took, >=, 5 * 1000 * 1000);
  g_assert_cmpint (took, <, 8 * 1000 * 1000);
  g_assert_cmpuint (calls.calls->len, ==, 2);
  g_assert_true (g_array_index (calls.calls, gboolean, 0));
  g_assert_false (g_array_index (calls.calls, gboolean, 1));
  g_thread_join (thread);
  g_assert_cmpint (plaza_test_count (store, "SELECT count(*) FROM settings WHERE key LIKE 'lock-wait-%'"), ==, 0);

  g_array_unref (calls.calls);
  g_clear_object (&store);
  plaza_test_remove_tree (dir);
}

/* Where locks stay local (sshfs, CIFS nobrl: forced here) the write lock is
 * the lease file: another computer holding it 1.5 s is heard the same way. */
static gpointer
lease_holder_thread (gpointer user_data)
{
  Holder *h = user_data;
  g_autoptr(GError) error = NULL;
  PlazaLease *lease = NULL;

  g_assert_true (plaza_lease_acquire (h->path, 1000, &lease, &error));
  g_assert_no_error (error);
  g_mutex_lock (&h->lock);
  h->holding = TRUE;
  g_cond_signal (&h->cond);
  g_mutex_unlock (&h->lock);
  g_usleep ((gulong) h->hold_ms * 1000);
  plaza_lease_release (lease);
  return NULL;
}

static void
test_lease_wait (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  Holder h = { NULL, 1500, { 0 }, { 0 }, FALSE };
  Calls calls = { g_array_new (FALSE, FALSE, sizeof (gboolean)), 0, 0 };
  GThread *thread;

  g_setenv ("PLAZA_FORCE_LOCATION", "fuse", TRUE);
  store = new_store (&dir, &path);
  g_assert_true (plaza_store_uses_lease (store));
  plaza_store_set_lock_wait_func (store, wait_cb, &calls);

  h.path = path;
  thread = g_thread_new ("lease-holder", lease_holder_thread, &h);
  g_mutex_lock (&h.lock);
  while (!h.holding)
    g_cond_wait (&h.cond, &h.lock);
  g_mutex_unlock (&h.lock);
  calls.start = g_get_monotonic_time ();
  g_assert_true (plaza_store_write (store, insert_func, NULL, &error));
  g_assert_no_error (error);
  g_thread_join (thread);

  g_assert_cmpuint (calls.calls->len, ==, 2);
  g_assert_true (g_array_index (calls.calls, gboolean, 0));
  g_assert_false (g_array_index (calls.calls, gboolean, 1));
  g_assert_cmpint (calls.first_at, >=, 1000 * 1000);
  g_assert_cmpint (calls.first_at, <, 1500 * 1000);
  g_assert_cmpint (plaza_test_count (store, "SELECT count(*) FROM settings WHERE key LIKE 'lock-wait-%'"), ==, 1);

  g_array_unref (calls.calls);
  g_clear_object (&store);
  g_unsetenv ("PLAZA_FORCE_LOCATION");
  plaza_test_remove_tree (dir);
}

/* The worker: "lock-waiting" goes TRUE then FALSE on the main context
 * while its write waits, and the main loop keeps turning meanwhile. */

typedef struct
{
  GArray  *seen;       /* gboolean, each notify */
  gboolean done;
  gboolean ok;
  guint    ticks;      /* main-loop ticks while the write waited */
  gint64   last_tick;
  gint64   longest;    /* the longest gap between two ticks (µs) */
} WorkerState;

static void
waiting_notify_cb (PlazaWorker *worker,
                   GParamSpec  *pspec G_GNUC_UNUSED,
                   WorkerState *state)
{
  gboolean waiting = FALSE;

  g_object_get (worker, "lock-waiting", &waiting, NULL);
  g_assert_true (waiting == plaza_worker_get_lock_waiting (worker));
  g_array_append_val (state->seen, waiting);
}

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (plaza_worker_open_finish (PLAZA_WORKER (source), result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static gpointer
write_job (PlazaStore    *store,
           gpointer       data G_GNUC_UNUSED,
           GCancellable  *cancellable G_GNUC_UNUSED,
           GError       **error)
{
  return plaza_store_write (store, insert_func, NULL, error) ? GINT_TO_POINTER (1) : NULL;
}

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  WorkerState *state = user_data;
  g_autoptr(GError) error = NULL;

  state->ok = plaza_worker_run_finish (PLAZA_WORKER (source), result, &error) != NULL;
  g_assert_no_error (error);
  state->done = TRUE;
}

static gboolean
tick_cb (gpointer user_data)
{
  WorkerState *state = user_data;
  gint64 now = g_get_monotonic_time ();

  if (state->last_tick > 0)
    state->longest = MAX (state->longest, now - state->last_tick);
  state->last_tick = now;
  state->ticks++;
  return G_SOURCE_CONTINUE;
}

static void
test_worker_property (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(PlazaStore) store = new_store (&dir, &path);
  g_autoptr(PlazaWorker) worker = plaza_worker_new ();
  Holder h = { NULL, 1500, { 0 }, { 0 }, FALSE };
  WorkerState state = { g_array_new (FALSE, FALSE, sizeof (gboolean)), FALSE, FALSE, 0, 0, 0 };
  gboolean opened = FALSE;
  GThread *thread;
  guint tick;

  plaza_worker_open_async (worker, path, PLAZA_STORE_OPEN_DEFAULT, NULL, opened_cb, &opened);
  while (!opened)
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (worker, "notify::lock-waiting", G_CALLBACK (waiting_notify_cb), &state);
  g_assert_false (plaza_worker_get_lock_waiting (worker));

  h.path = path;
  thread = hold_lock (&h);
  tick = g_timeout_add (20, tick_cb, &state);
  plaza_worker_run_async (worker, write_job, NULL, NULL, NULL, written_cb, &state);
  while (!state.done)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  g_thread_join (thread);
  /* The FALSE may arrive just after the result. */
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_true (state.ok);
  g_assert_cmpuint (state.seen->len, ==, 2);
  g_assert_true (g_array_index (state.seen, gboolean, 0));
  g_assert_false (g_array_index (state.seen, gboolean, 1));
  g_assert_false (plaza_worker_get_lock_waiting (worker));
  /* 1.5 s of waiting at a 20 ms tick: the main loop never stalled. */
  g_test_message ("%u ticks while the write waited, longest gap %.1f ms", state.ticks, state.longest / 1000.0);
  g_assert_cmpuint (state.ticks, >=, 50);
  g_assert_cmpint (state.longest, <, 250 * 1000);
  g_assert_cmpint (plaza_test_count (store, "SELECT count(*) FROM settings WHERE key LIKE 'lock-wait-%'"), ==, 1);

  g_array_unref (state.seen);
  g_clear_object (&worker);
  g_clear_object (&store);
  plaza_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/lock-wait/wait-then-write", test_wait_then_write);
  g_test_add_func ("/lock-wait/wait-then-busy", test_wait_then_busy);
  g_test_add_func ("/lock-wait/worker-property", test_worker_property);
  g_test_add_func ("/lock-wait/lease", test_lease_wait);
  return g_test_run ();
}
