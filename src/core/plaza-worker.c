/* plaza-worker.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One dedicated thread owns the PlazaStore; jobs wait in a GAsyncQueue and
 * run in order. A job's outcome travels back to the context its GTask was
 * created in (an idle source there), and the task is completed there:
 * every reference to a task, and so to the worker, is dropped on the
 * caller's thread, never in the worker thread (which could not join itself).
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-change-log.h"
#include "plaza-worker.h"
#include "plaza-worker-lock-wait-private.h"
#include "plaza-worker-session-private.h"

/* Rows per batch handed to the GUI while a list loads. */
#define LIST_BATCH_SIZE 200
/* change_log rows one poll reads at most (more: the window reloads all). */
#define POLL_CHANGES_MAX 1000

typedef enum
{
  JOB_QUIT,
  JOB_OPEN,
  JOB_RUN,
  JOB_LIST,
  JOB_OVERVIEW,
  JOB_POLL,
} JobKind;

typedef struct
{
  JobKind               kind;
  GTask                *task;          /* NULL for quit and poll */
  GCancellable         *cancellable;
  GMainContext         *context;       /* where the outcome is delivered */

  /* inputs */
  char                 *path;
  PlazaStoreOpenFlags   flags;
  PlazaWorkerFunc       func;
  gpointer              data;
  GDestroyNotify        destroy;
  PlazaListKind         list_kind;
  PlazaRecordBatchFunc  batch_func;
  gpointer              batch_data;
  GDate                 today;
  GWeakRef              worker;        /* poll only: no strong reference */
  guint                 generation;
  gint64                seen_version;  /* poll: the data_version the caller has seen */
  gint64                change_seq;    /* open, poll: the newest change_log seq seen */
  GPtrArray            *changes;       /* poll: others' PlazaChange rows since */

  /* outputs */
  gboolean              ok;
  GError               *error;
  gpointer              result;
  GDestroyNotify        result_destroy;
  char                 *opened_path;
  gboolean              read_only;
  gboolean              sign_in_required;  /* open: plaza_users_sign_in_required */
  char                 *read_only_reason;
  PlazaLocation         location;
  gint64                data_version;
} Job;

typedef struct
{
  GPtrArray            *records;
  PlazaRecordBatchFunc  func;
  gpointer              data;
  GCancellable         *cancellable;
} Batch;

struct _PlazaWorker
{
  GObject        parent_instance;

  /* shared with the thread (thread-safe) */
  GThread       *thread;
  GAsyncQueue   *queue;

  /* main-thread state */
  char          *path;
  gboolean       read_only;
  char          *read_only_reason;
  PlazaLocation  location;
  guint          generation;     /* bumped by every successful open */
  gboolean       have_version;
  gint64         data_version;
  guint          poll_interval;
  GSource       *poll_source;
  gboolean       poll_in_flight;
  gint64         change_seq;     /* the newest change_log seq the window was told of */
};

G_DEFINE_FINAL_TYPE (PlazaWorker, plaza_worker, G_TYPE_OBJECT)


enum
{
  CHANGED,
  CHANGES,
  STALE_LEASE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- jobs ---- */

static Job *
job_new (JobKind       kind,
         GTask        *task,
         GCancellable *cancellable)
{
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  job->task = task;
  job->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  job->context = task != NULL ? g_main_context_ref (g_task_get_context (task))
                              : g_main_context_ref_thread_default ();
  g_weak_ref_init (&job->worker, NULL);
  return job;
}

static void
job_free (gpointer pointer)
{
  Job *job = pointer;

  if (job->destroy != NULL && job->data != NULL)
    job->destroy (job->data);
  if (job->result_destroy != NULL && job->result != NULL)
    job->result_destroy (job->result);
  g_clear_error (&job->error);
  g_clear_object (&job->task);
  g_clear_object (&job->cancellable);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_weak_ref_clear (&job->worker);
  g_free (job->path);
  g_free (job->opened_path);
  g_free (job->read_only_reason);
  g_clear_pointer (&job->changes, g_ptr_array_unref);
  g_free (job);
}

static void
batch_free (gpointer pointer)
{
  Batch *batch = pointer;

  g_clear_pointer (&batch->records, g_ptr_array_unref);
  g_clear_object (&batch->cancellable);
  g_free (batch);
}

/* ---- on the caller's context ---- */

static gboolean
deliver_batch_cb (gpointer user_data)
{
  Batch *batch = user_data;

  /* Once cancelled, no more rows reach the page. */
  if (!g_cancellable_is_cancelled (batch->cancellable))
    batch->func (g_steal_pointer (&batch->records), batch->data);
  return G_SOURCE_REMOVE;
}

static gboolean
complete_job_cb (gpointer user_data)
{
  Job *job = user_data;
  PlazaWorker *self = g_task_get_source_object (job->task);

  if (job->error != NULL)
    {
      /* Whoever ran it, the window offers to break the lock. */
      if (g_error_matches (job->error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_STALE_LEASE))
        g_signal_emit (self, signals[STALE_LEASE], 0);
      g_task_return_error (job->task, g_steal_pointer (&job->error));
      return G_SOURCE_REMOVE;
    }

  switch (job->kind)
    {
    case JOB_OPEN:
      g_free (self->path);
      self->path = g_steal_pointer (&job->opened_path);
      g_free (self->read_only_reason);
      self->read_only_reason = g_steal_pointer (&job->read_only_reason);
      self->read_only = job->read_only;
      self->location = job->location;
      self->generation++;
      self->data_version = job->data_version;
      self->have_version = TRUE;
      self->change_seq = job->change_seq;
      plaza_worker_session_opened (self, job->sign_in_required);
      g_task_return_boolean (job->task, TRUE);
      break;

    case JOB_LIST:
      g_task_return_boolean (job->task, TRUE);
      break;

    case JOB_RUN:
    case JOB_OVERVIEW:
      g_task_return_pointer (job->task, g_steal_pointer (&job->result), job->result_destroy);
      job->result_destroy = NULL;
      break;

    case JOB_QUIT:
    case JOB_POLL:
    default:
      g_assert_not_reached ();
    }
  return G_SOURCE_REMOVE;
}

static gboolean
poll_done_cb (gpointer user_data)
{
  Job *job = user_data;
  g_autoptr(PlazaWorker) self = g_weak_ref_get (&job->worker);

  if (self == NULL)
    return G_SOURCE_REMOVE;

  self->poll_in_flight = FALSE;
  if (!job->ok || job->generation != self->generation)
    return G_SOURCE_REMOVE;

  if (self->have_version && job->data_version != self->data_version)
    {
      self->data_version = job->data_version;
      g_debug ("data_version moved to %" G_GINT64_FORMAT, job->data_version);
      if (job->change_seq > self->change_seq)
        self->change_seq = job->change_seq;
      g_signal_emit (self, signals[CHANGED], 0);
      if (job->changes != NULL && job->changes->len > 0)
        g_signal_emit (self, signals[CHANGES], 0, job->changes);
    }
  else if (!self->have_version)
    {
      self->data_version = job->data_version;
      self->have_version = TRUE;
    }
  return G_SOURCE_REMOVE;
}

/* ---- in the worker thread ---- */

/* Like g_main_context_invoke_full(), but always through an idle source:
 * that function runs @func right here when it can acquire @context (the
 * global default context is this thread's default too), which would hand
 * batches and results to the GUI from the worker thread. */
void
plaza_worker_invoke_in_context (GMainContext   *context,
                                GSourceFunc     func,
                                gpointer        data,
                                GDestroyNotify  notify)
{
  g_autoptr(GSource) source = g_idle_source_new ();

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, func, data, notify);
  g_source_set_static_name (source, "[plaza] worker result");
  g_source_attach (source, context);
}

static gboolean
require_store (PlazaStore  *store,
               GError     **error)
{
  if (store != NULL)
    return TRUE;
  g_set_error_literal (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_FAILED,
                       _("No database is open."));
  return FALSE;
}

static void
list_batch_cb (GPtrArray *records,
               gpointer   user_data)
{
  Job *job = user_data;
  Batch *batch = g_new0 (Batch, 1);

  batch->records = records;
  batch->func = job->batch_func;
  batch->data = job->batch_data;
  batch->cancellable = job->cancellable != NULL ? g_object_ref (job->cancellable) : NULL;
  plaza_worker_invoke_in_context (job->context, deliver_batch_cb, batch, batch_free);
}

/* The change_log rows other connections wrote since job->change_seq (this
 * store's own rows are left out, but the seq moves past them too). */
static void
poll_read_changes (PlazaStore *store,
                   Job        *job)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  rows = plaza_change_log_since (store, job->change_seq, POLL_CHANGES_MAX, &error);
  if (rows == NULL)
    {
      g_debug ("could not read the change log: %s", error->message);
      return;
    }
  job->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) plaza_change_free);
  for (guint i = 0; i < rows->len; i++)
    {
      PlazaChange *change = g_ptr_array_index (rows, i);

      job->change_seq = MAX (job->change_seq, change->seq);
      if (!plaza_change_is_own (store, change))
        g_ptr_array_add (job->changes, g_steal_pointer (&rows->pdata[i]));
    }
  /* More than one poll reads: the rest are skipped (the window reloads all). */
  if (rows->len == POLL_CHANGES_MAX)
    job->change_seq = MAX (job->change_seq, plaza_change_log_last_seq (store, NULL));
}

static void
run_job (PlazaStore **store,
         Job         *job)
{
  if (job->kind == JOB_POLL)
    {
      job->ok = *store != NULL;
      if (job->ok)
        job->data_version = plaza_store_get_data_version (*store);
      if (job->ok && job->data_version != job->seen_version)
        poll_read_changes (*store, job);
      return;
    }

  if (g_cancellable_set_error_if_cancelled (job->cancellable, &job->error))
    return;

  switch (job->kind)
    {
    case JOB_OPEN:
      {
        PlazaStore *opened = plaza_store_open (job->path, job->flags, &job->error);
        const char *reason;

        if (opened == NULL)
          return;
        g_clear_object (store);
        *store = opened;
        plaza_worker_lock_wait_attach (job->task != NULL ? g_task_get_source_object (job->task) : NULL,
                                       job->context, opened);
        job->opened_path = g_strdup (plaza_store_get_path (opened));
        job->read_only = plaza_store_is_read_only (opened);
        reason = plaza_store_get_read_only_reason (opened);
        job->read_only_reason = g_strdup (job->read_only ? reason : NULL);
        job->location = plaza_store_get_location (opened);
        job->data_version = plaza_store_get_data_version (opened);
        job->change_seq = MAX (plaza_change_log_last_seq (opened, NULL), 0);
        /* Nobody writes to a file that asks who is there until someone
         * signs in; known before any page reads it. */
        job->sign_in_required = plaza_worker_session_check_opened (opened);
      }
      break;

    case JOB_RUN:
      if (require_store (*store, &job->error))
        {
          GError *error = NULL;

          job->result = job->func (*store, job->data, job->cancellable, &error);
          if (error != NULL)
            {
              job->error = error;
              job->result = NULL;
            }
        }
      break;

    case JOB_LIST:
      if (require_store (*store, &job->error))
        plaza_list_query_run (*store, job->list_kind, LIST_BATCH_SIZE, list_batch_cb, job,
                              job->cancellable, &job->error);
      break;

    case JOB_OVERVIEW:
      if (require_store (*store, &job->error))
        {
          PlazaOverview *overview = g_new0 (PlazaOverview, 1);

          if (plaza_overview_compute (*store, &job->today, overview, &job->error))
            {
              job->result = overview;
              job->result_destroy = (GDestroyNotify) plaza_overview_free;
            }
          else
            g_free (overview);
        }
      break;

    case JOB_QUIT:
    case JOB_POLL:
    default:
      g_assert_not_reached ();
    }
}

static gpointer
worker_thread (gpointer user_data)
{
  g_autoptr(GAsyncQueue) queue = user_data;
  PlazaStore *store = NULL;

  for (;;)
    {
      Job *job = g_async_queue_pop (queue);

      if (job->kind == JOB_QUIT)
        {
          job_free (job);
          break;
        }

      run_job (&store, job);

      /* The job's data is freed here, in the worker, as documented. */
      if (job->destroy != NULL && job->data != NULL)
        job->destroy (job->data);
      job->destroy = NULL;
      job->data = NULL;

      plaza_worker_invoke_in_context (job->context,
                                      job->kind == JOB_POLL ? poll_done_cb : complete_job_cb,
                                      job, job_free);
    }

  g_clear_object (&store);
  return NULL;
}

/* ---- GObject ---- */

static void
push_job (PlazaWorker *self,
          Job         *job)
{
  g_async_queue_push (self->queue, job);
}

static void
plaza_worker_dispose (GObject *object)
{
  PlazaWorker *self = (PlazaWorker *) object;

  if (self->poll_source != NULL)
    {
      g_source_destroy (self->poll_source);
      g_clear_pointer (&self->poll_source, g_source_unref);
    }

  if (self->thread != NULL)
    {
      /* Pending tasks hold a reference to us, so only polls can still be
       * queued; they finish quickly and their outcome finds no worker. */
      push_job (self, job_new (JOB_QUIT, NULL, NULL));
      g_thread_join (g_steal_pointer (&self->thread));
    }

  G_OBJECT_CLASS (plaza_worker_parent_class)->dispose (object);
}

static void
plaza_worker_finalize (GObject *object)
{
  PlazaWorker *self = (PlazaWorker *) object;

  g_clear_pointer (&self->queue, g_async_queue_unref);
  g_free (self->path);
  g_free (self->read_only_reason);

  G_OBJECT_CLASS (plaza_worker_parent_class)->finalize (object);
}

static void
plaza_worker_class_init (PlazaWorkerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = plaza_worker_dispose;
  object_class->finalize = plaza_worker_finalize;

  /**
   * PlazaWorker::changed:
   *
   * Another connection committed to the database (PRAGMA data_version
   * moved). Emitted on the main context.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);

  /**
   * PlazaWorker::changes:
   * @changes: (element-type PlazaChange): the change_log rows other
   *   connections wrote since the last time (oldest first)
   *
   * Emitted right after #PlazaWorker::changed when the new commits logged
   * changes; this connection's own writes are left out.
   */
  signals[CHANGES] = g_signal_new ("changes",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_PTR_ARRAY);

  /**
   * PlazaWorker::stale-lease:
   *
   * A job failed with PLAZA_STORE_ERROR_STALE_LEASE: a share's lease file
   * was left by a writer that is gone. Emitted on the main context just
   * before the job's callback, so one handler can ask the user to break it.
   */
  signals[STALE_LEASE] = g_signal_new ("stale-lease",
                                       G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 0);

  plaza_worker_session_class_init (object_class);
  plaza_worker_lock_wait_class_init (object_class);
}

static void
plaza_worker_init (PlazaWorker *self)
{
  self->location = PLAZA_LOCATION_UNKNOWN;
  self->queue = g_async_queue_new ();
  self->thread = g_thread_new ("plaza-worker", worker_thread, g_async_queue_ref (self->queue));
}

/* ---- public API ---- */

PlazaWorker *
plaza_worker_new (void)
{
  return g_object_new (PLAZA_TYPE_WORKER, NULL);
}

void
plaza_worker_open_async (PlazaWorker          *self,
                         const char           *path,
                         PlazaStoreOpenFlags   flags,
                         GCancellable         *cancellable,
                         GAsyncReadyCallback   callback,
                         gpointer              user_data)
{
  GTask *task;
  Job *job;

  g_return_if_fail (PLAZA_IS_WORKER (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, plaza_worker_open_async);
  g_task_set_name (task, "[plaza] open");

  job = job_new (JOB_OPEN, task, cancellable);
  job->path = g_strdup (path);
  job->flags = flags;
  push_job (self, job);
}

gboolean
plaza_worker_open_finish (PlazaWorker   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (PLAZA_IS_WORKER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == plaza_worker_open_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

const char *
plaza_worker_get_path (PlazaWorker *self)
{
  g_return_val_if_fail (PLAZA_IS_WORKER (self), NULL);
  return self->path;
}

gboolean
plaza_worker_is_read_only (PlazaWorker *self)
{
  g_return_val_if_fail (PLAZA_IS_WORKER (self), TRUE);
  return self->read_only;
}

const char *
plaza_worker_get_read_only_reason (PlazaWorker *self)
{
  g_return_val_if_fail (PLAZA_IS_WORKER (self), NULL);
  return self->read_only_reason;
}

PlazaLocation
plaza_worker_get_location (PlazaWorker *self)
{
  g_return_val_if_fail (PLAZA_IS_WORKER (self), PLAZA_LOCATION_UNKNOWN);
  return self->location;
}

void
plaza_worker_run_async (PlazaWorker          *self,
                        PlazaWorkerFunc       func,
                        gpointer              data,
                        GDestroyNotify        destroy,
                        GCancellable         *cancellable,
                        GAsyncReadyCallback   callback,
                        gpointer              user_data)
{
  GTask *task;
  Job *job;

  g_return_if_fail (PLAZA_IS_WORKER (self));
  g_return_if_fail (func != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, plaza_worker_run_async);
  g_task_set_name (task, "[plaza] run");

  job = job_new (JOB_RUN, task, cancellable);
  job->func = func;
  job->data = data;
  job->destroy = destroy;
  push_job (self, job);
}

gpointer
plaza_worker_run_finish (PlazaWorker   *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (PLAZA_IS_WORKER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == plaza_worker_run_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
plaza_worker_list_async (PlazaWorker          *self,
                         PlazaListKind         kind,
                         PlazaRecordBatchFunc  batch_func,
                         gpointer              batch_data,
                         GCancellable         *cancellable,
                         GAsyncReadyCallback   callback,
                         gpointer              user_data)
{
  GTask *task;
  Job *job;

  g_return_if_fail (PLAZA_IS_WORKER (self));
  g_return_if_fail (kind < PLAZA_N_LISTS);
  g_return_if_fail (batch_func != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, plaza_worker_list_async);
  g_task_set_name (task, "[plaza] list");

  job = job_new (JOB_LIST, task, cancellable);
  job->list_kind = kind;
  job->batch_func = batch_func;
  job->batch_data = batch_data;
  push_job (self, job);
}

gboolean
plaza_worker_list_finish (PlazaWorker   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (PLAZA_IS_WORKER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == plaza_worker_list_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
plaza_worker_overview_async (PlazaWorker         *self,
                             const GDate         *today,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task;
  Job *job;

  g_return_if_fail (PLAZA_IS_WORKER (self));
  g_return_if_fail (today != NULL && g_date_valid (today));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, plaza_worker_overview_async);
  g_task_set_name (task, "[plaza] overview");

  job = job_new (JOB_OVERVIEW, task, cancellable);
  job->today = *today;
  push_job (self, job);
}

PlazaOverview *
plaza_worker_overview_finish (PlazaWorker   *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (PLAZA_IS_WORKER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == plaza_worker_overview_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
plaza_overview_free (PlazaOverview *overview)
{
  if (overview == NULL)
    return;
  plaza_overview_clear (overview);
  g_free (overview);
}

static gboolean
poll_tick_cb (gpointer user_data)
{
  PlazaWorker *self = user_data;
  Job *job;

  if (self->poll_in_flight || self->generation == 0)
    return G_SOURCE_CONTINUE;

  job = job_new (JOB_POLL, NULL, NULL);
  g_weak_ref_set (&job->worker, self);
  job->generation = self->generation;
  job->seen_version = self->data_version;
  job->change_seq = self->change_seq;
  self->poll_in_flight = TRUE;
  push_job (self, job);
  return G_SOURCE_CONTINUE;
}

void
plaza_worker_set_poll_interval (PlazaWorker *self,
                                guint        interval_ms)
{
  g_autoptr(GMainContext) context = NULL;

  g_return_if_fail (PLAZA_IS_WORKER (self));

  if (self->poll_source != NULL && interval_ms == self->poll_interval)
    return;

  if (self->poll_source != NULL)
    {
      g_source_destroy (self->poll_source);
      g_clear_pointer (&self->poll_source, g_source_unref);
    }
  self->poll_interval = interval_ms;
  if (interval_ms == 0)
    return;

  context = g_main_context_ref_thread_default ();
  self->poll_source = g_timeout_source_new (interval_ms);
  g_source_set_static_name (self->poll_source, "[plaza] poll data_version");
  g_source_set_callback (self->poll_source, poll_tick_cb, self, NULL);
  g_source_attach (self->poll_source, context);
}
