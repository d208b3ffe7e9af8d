/* test-worker.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PlazaWorker: jobs run in its thread, results and list batches arrive on
 * the main context, cancellation, errors, the data_version poll and a clean
 * shutdown.
 */

#define G_LOG_DOMAIN "plaza-test"

#include "config.h"

#include <string.h>

#include "lists-fixture.h"

/* Callbacks must run on the main thread, which also owns the context. */
static GThread *main_thread;

#define ASSERT_MAIN_THREAD() \
  G_STMT_START { \
    g_assert_true (g_thread_self () == main_thread); \
    g_assert_true (g_main_context_is_owner (g_main_context_default ())); \
  } G_STMT_END

/* Units added on top of the fixture so a list needs several batches. */
#define EXTRA_UNITS 450

typedef struct
{
  char         *dir;
  char         *path;
  PlazaWorker  *worker;
  GAsyncResult *result;
  guint         watchdog;
} Fixture;

static gboolean
watchdog_cb (gpointer user_data G_GNUC_UNUSED)
{
  g_error ("timed out waiting for the worker");
  return G_SOURCE_REMOVE;
}

static gboolean
extra_units_cb (PlazaStore  *store,
                gpointer     user_data G_GNUC_UNUSED,
                GError     **error)
{
  return plaza_store_exec (store,
                           "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                           "                       WHERE i < 450) "
                           "INSERT INTO units (floor_id, code, gross_area, rentable_area, status) "
                           "SELECT 3, printf ('2F-X%03d', i), 10000, 9000, 'vacant' FROM n",
                           error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("plaza-worker-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  store = lists_fixture_create (f->dir, &f->path);
  g_assert_true (plaza_store_write (store, extra_units_cb, NULL, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&store));

  f->worker = plaza_worker_new ();
  f->watchdog = g_timeout_add_seconds (20, watchdog_cb, NULL);
}

static void
drain (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data G_GNUC_UNUSED)
{
  drain ();
  g_assert_null (f->result);
  /* Nothing else may hold the worker: its thread joins and the store closes. */
  g_assert_finalize_object (f->worker);
  g_clear_handle_id (&f->watchdog, g_source_remove);
  drain ();
  plaza_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
result_cb (GObject      *source G_GNUC_UNUSED,
           GAsyncResult *result,
           gpointer      user_data)
{
  Fixture *f = user_data;

  ASSERT_MAIN_THREAD ();
  g_assert_null (f->result);
  f->result = g_object_ref (result);
}

/* Spins the main context until the pending call completes. */
static GAsyncResult *
wait_result (Fixture *f)
{
  while (f->result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return g_steal_pointer (&f->result);
}

static void
open_worker (Fixture             *f,
             PlazaStoreOpenFlags  flags)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  plaza_worker_open_async (f->worker, f->path, flags, NULL, result_cb, f);
  result = wait_result (f);
  g_assert_true (plaza_worker_open_finish (f->worker, result, &error));
  g_assert_no_error (error);
}

/* ---- open ---- */

static void
test_open (Fixture       *f,
           gconstpointer  data G_GNUC_UNUSED)
{
  g_assert_null (plaza_worker_get_path (f->worker));

  open_worker (f, PLAZA_STORE_OPEN_DEFAULT);
  g_assert_cmpstr (plaza_worker_get_path (f->worker), ==, f->path);
  g_assert_false (plaza_worker_is_read_only (f->worker));
  g_assert_null (plaza_worker_get_read_only_reason (f->worker));
  g_assert_cmpint (plaza_worker_get_location (f->worker), !=, PLAZA_LOCATION_UNKNOWN);
}

static void
test_open_read_only (Fixture       *f,
                     gconstpointer  data G_GNUC_UNUSED)
{
  open_worker (f, PLAZA_STORE_OPEN_READ_ONLY);
  g_assert_cmpstr (plaza_worker_get_path (f->worker), ==, f->path);
  g_assert_true (plaza_worker_is_read_only (f->worker));
}

static void
test_open_missing (Fixture       *f,
                   gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = g_build_filename (f->dir, "nothing-here.db", NULL);

  plaza_worker_open_async (f->worker, missing, PLAZA_STORE_OPEN_DEFAULT, NULL, result_cb, f);
  result = wait_result (f);
  g_assert_false (plaza_worker_open_finish (f->worker, result, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND);
  g_assert_null (plaza_worker_get_path (f->worker));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

static void
test_not_open (Fixture       *f,
               gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, 1, 2026);
  plaza_worker_overview_async (f->worker, &today, NULL, result_cb, f);
  result = wait_result (f);
  g_assert_null (plaza_worker_overview_finish (f->worker, result, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_FAILED);
}

/* ---- lists ---- */

typedef struct
{
  guint      n_batches;
  GPtrArray *records;
  gboolean   completed;
} ListLog;

static void
list_batch_cb (GPtrArray *records,
               gpointer   user_data)
{
  ListLog *log = user_data;

  ASSERT_MAIN_THREAD ();
  g_assert_false (log->completed);
  log->n_batches++;
  for (guint i = 0; i < records->len; i++)
    g_ptr_array_add (log->records, g_object_ref (g_ptr_array_index (records, i)));
  g_ptr_array_unref (records);
}

static void
test_list (Fixture       *f,
           gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  ListLog log = { 0, g_ptr_array_new_with_free_func (g_object_unref), FALSE };
  guint code = 0;

  open_worker (f, PLAZA_STORE_OPEN_DEFAULT);

  plaza_worker_list_async (f->worker, PLAZA_LIST_UNITS, list_batch_cb, &log, NULL, result_cb, f);
  result = wait_result (f);
  log.completed = TRUE;
  g_assert_true (plaza_worker_list_finish (f->worker, result, &error));
  g_assert_no_error (error);

  /* Every row, in order, in more than one batch. */
  plaza_list_get_columns (PLAZA_LIST_UNITS, NULL);
  g_assert_cmpuint (log.records->len, ==, 4 + EXTRA_UNITS);
  g_assert_cmpuint (log.n_batches, >=, 2);
  g_assert_cmpstr (plaza_record_get_text (g_ptr_array_index (log.records, 0), code), ==, "B1-01");
  g_assert_cmpstr (plaza_record_get_text (g_ptr_array_index (log.records, 3), code), ==, "2F-02");
  g_assert_cmpstr (plaza_record_get_text (g_ptr_array_index (log.records, 4), code), ==, "2F-X001");
  g_assert_cmpstr (plaza_record_get_text (g_ptr_array_index (log.records, log.records->len - 1), code),
                   ==, "2F-X450");

  g_ptr_array_unref (log.records);
}

static void
test_list_cancelled (Fixture       *f,
                     gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  ListLog log = { 0, g_ptr_array_new_with_free_func (g_object_unref), FALSE };

  open_worker (f, PLAZA_STORE_OPEN_DEFAULT);

  /* Cancelled on the main thread right after queuing: whatever the worker
   * had done, no batch reaches the page and the result is CANCELLED. */
  plaza_worker_list_async (f->worker, PLAZA_LIST_UNITS, list_batch_cb, &log, cancellable,
                           result_cb, f);
  g_cancellable_cancel (cancellable);
  result = wait_result (f);
  g_assert_false (plaza_worker_list_finish (f->worker, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (log.n_batches, ==, 0);

  g_ptr_array_unref (log.records);
}

/* ---- overview ---- */

static void
test_overview (Fixture       *f,
               gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaOverview) overview = NULL;
  GDate today;

  open_worker (f, PLAZA_STORE_OPEN_DEFAULT);

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 15, G_DATE_MARCH, 2026);
  plaza_worker_overview_async (f->worker, &today, NULL, result_cb, f);
  result = wait_result (f);
  overview = plaza_worker_overview_finish (f->worker, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (overview);

  g_assert_cmpstr (overview->mall_name, ==, "Plaza One Mall");
  g_assert_cmpint (overview->units_total, ==, 4 + EXTRA_UNITS);
  g_assert_cmpint (overview->units_vacant, ==, 1 + EXTRA_UNITS);
  g_assert_cmpint (overview->leased_area, ==, 25550);
  g_assert_cmpint (overview->contracts_active, ==, 2);
  g_assert_cmpint (overview->contracts_expiring_90, ==, 1);
  g_assert_cmpint (overview->contracts_awaiting, ==, 1);
  g_assert_cmpint (overview->arrears_fen, ==, 70000);
  g_assert_cmpint (overview->tenants_in_arrears, ==, 1);
  g_assert_cmpint (overview->promotions_upcoming, ==, 1);
  g_assert_cmpint (overview->sales_last_month_fen, ==, 700000);
}

/* ---- run ---- */

typedef struct
{
  GThread  *caller;
  char     *sql;
  gboolean  ran_in_worker;
  gboolean  freed;
} RunData;

static void
run_data_free (gpointer pointer)
{
  RunData *data = pointer;

  g_assert_true (g_thread_self () != data->caller);
  g_clear_pointer (&data->sql, g_free);
  data->freed = TRUE;
}

static gpointer
count_func (PlazaStore    *store,
            gpointer       user_data,
            GCancellable  *cancellable G_GNUC_UNUSED,
            GError       **error)
{
  RunData *data = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  data->ran_in_worker = g_thread_self () != data->caller &&
                        !g_main_context_is_owner (g_main_context_default ());
  stmt = plaza_store_prepare (store, data->sql, error);
  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      plaza_store_set_sqlite_error (store, error);
      return NULL;
    }
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static void
test_run (Fixture       *f,
          gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  RunData run = { g_thread_self (), g_strdup ("SELECT group_concat (name, '|') FROM "
                                              "(SELECT name FROM tenants ORDER BY code)"),
                  FALSE, FALSE };

  open_worker (f, PLAZA_STORE_OPEN_DEFAULT);

  plaza_worker_run_async (f->worker, count_func, &run, run_data_free, NULL, result_cb, f);
  result = wait_result (f);
  text = plaza_worker_run_finish (f->worker, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "Fast Retailing Co|Sichuan Hotpot Ltd|Old Tenant");
  g_assert_true (run.ran_in_worker);
  g_assert_true (run.freed);
  g_clear_object (&result);

  /* An error from the job comes back as the task's error. */
  run.sql = g_strdup ("SELECT nonsense FROM nowhere");
  run.freed = FALSE;
  plaza_worker_run_async (f->worker, count_func, &run, run_data_free, NULL, result_cb, f);
  result = wait_result (f);
  g_assert_null (plaza_worker_run_finish (f->worker, result, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_FAILED);
  g_assert_true (run.freed);
}

static gpointer
sleep_func (PlazaStore    *store G_GNUC_UNUSED,
            gpointer       user_data,
            GCancellable  *cancellable G_GNUC_UNUSED,
            GError       **error G_GNUC_UNUSED)
{
  GMutex *mutex = user_data;

  /* Blocks until the test has queued (and cancelled) the next job. */
  g_mutex_lock (mutex);
  g_mutex_unlock (mutex);
  return GINT_TO_POINTER (1);
}

static void
test_cancel_before_run (Fixture       *f,
                        gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GAsyncResult) first = NULL;
  g_autoptr(GAsyncResult) second = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  RunData run = { g_thread_self (), g_strdup ("SELECT 1"), FALSE, FALSE };
  GMutex mutex;

  open_worker (f, PLAZA_STORE_OPEN_DEFAULT);

  g_mutex_init (&mutex);
  g_mutex_lock (&mutex);
  plaza_worker_run_async (f->worker, sleep_func, &mutex, NULL, NULL, result_cb, f);
  plaza_worker_run_async (f->worker, count_func, &run, run_data_free, cancellable, result_cb, f);
  g_cancellable_cancel (cancellable);
  g_mutex_unlock (&mutex);

  /* Jobs finish in order: the blocking one first. */
  first = wait_result (f);
  g_assert_true (plaza_worker_run_finish (f->worker, first, &error) == GINT_TO_POINTER (1));
  g_assert_no_error (error);

  second = wait_result (f);
  g_assert_null (plaza_worker_run_finish (f->worker, second, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (run.ran_in_worker);   /* never started */
  g_assert_true (run.freed);            /* but its data was freed */
  g_mutex_clear (&mutex);
}

/* ---- change polling ---- */

static void
changed_cb (PlazaWorker *worker G_GNUC_UNUSED,
            gpointer     user_data)
{
  guint *n_changed = user_data;

  ASSERT_MAIN_THREAD ();
  (*n_changed)++;
}

static gboolean
add_category_cb (PlazaStore  *store,
                 gpointer     user_data,
                 GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO categories (name) VALUES ('%s')",
                                          (const char *) user_data);

  return plaza_store_exec (store, sql, error) &&
         plaza_store_log_change (store, "category", 0, "create", user_data, error);
}

static gboolean
flag_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
spin_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, flag_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_changed (Fixture       *f,
              gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(PlazaStore) other = NULL;
  g_autoptr(GError) error = NULL;
  guint n_changed = 0;

  open_worker (f, PLAZA_STORE_OPEN_DEFAULT);
  g_signal_connect (f->worker, "changed", G_CALLBACK (changed_cb), &n_changed);
  plaza_worker_set_poll_interval (f->worker, 50);

  /* Nothing written: nothing to report. */
  spin_ms (300);
  g_assert_cmpuint (n_changed, ==, 0);

  /* Another connection (another PC, in real life) commits. */
  other = plaza_store_open (f->path, PLAZA_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (plaza_store_write (other, add_category_cb, "Books", &error));
  g_assert_no_error (error);
  while (n_changed == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (n_changed, ==, 1);

  /* Once per change, not once per poll. */
  spin_ms (300);
  g_assert_cmpuint (n_changed, ==, 1);

  g_assert_true (plaza_store_write (other, add_category_cb, "Toys", &error));
  while (n_changed == 1)
    g_main_context_iteration (NULL, TRUE);

  /* Stopped: later commits go unnoticed. */
  plaza_worker_set_poll_interval (f->worker, 0);
  spin_ms (100);
  n_changed = 0;
  g_assert_true (plaza_store_write (other, add_category_cb, "Games", &error));
  spin_ms (300);
  g_assert_cmpuint (n_changed, ==, 0);

  g_signal_handlers_disconnect_by_func (f->worker, changed_cb, &n_changed);
}

/* Dropping the worker with jobs and a poll still queued joins cleanly. */
static void
test_dispose_busy (Fixture       *f,
                   gconstpointer  data G_GNUC_UNUSED)
{
  PlazaWorker *worker = plaza_worker_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  plaza_worker_open_async (worker, f->path, PLAZA_STORE_OPEN_DEFAULT, NULL, result_cb, f);
  result = wait_result (f);
  g_assert_true (plaza_worker_open_finish (worker, result, &error));
  g_clear_object (&result);
  drain ();

  plaza_worker_set_poll_interval (worker, 1);
  spin_ms (20);
  g_assert_finalize_object (worker);
  spin_ms (20);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  main_thread = g_thread_self ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/worker/open", test_open);
  ADD ("/worker/open/read-only", test_open_read_only);
  ADD ("/worker/open/missing", test_open_missing);
  ADD ("/worker/not-open", test_not_open);
  ADD ("/worker/list", test_list);
  ADD ("/worker/list/cancelled", test_list_cancelled);
  ADD ("/worker/overview", test_overview);
  ADD ("/worker/run", test_run);
  ADD ("/worker/run/cancel-before-run", test_cancel_before_run);
  ADD ("/worker/changed", test_changed);
  ADD ("/worker/dispose-busy", test_dispose_busy);
#undef ADD

  return g_test_run ();
}
