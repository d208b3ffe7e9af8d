/* plaza-worker-lock-wait.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Waiting for the write lock (issue 8). The store says, in the worker thread, when a write has waited a second
 * for the lock and when it stops waiting (plaza_store_set_lock_wait_func);
 * the worker turns that into its "lock-waiting" property on the main
 * context, for the window's "waiting for another computer" banner. The
 * state lives in qdata so that this block stands on its own. */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include "plaza-worker-lock-wait-private.h"

/* Far from the ids other blocks give their properties. */
#define PROP_LOCK_WAITING 0x10c4

typedef struct
{
  PlazaWorker  *worker;     /* not a reference: the store dies first */
  GMainContext *context;    /* the main context the worker reports to */
  gboolean      waiting;    /* main-thread copy */
} LockWait;

typedef struct
{
  PlazaWorker *worker;      /* a reference, dropped on the main context */
  gboolean     waiting;
} LockWaitNews;

static GObjectGetPropertyFunc lock_wait_chained_get_property;
static GParamSpec *lock_waiting_pspec;

static void
lock_wait_free (gpointer pointer)
{
  LockWait *wait = pointer;

  g_main_context_unref (wait->context);
  g_free (wait);
}

static void
lock_wait_news_free (gpointer pointer)
{
  LockWaitNews *news = pointer;

  g_object_unref (news->worker);
  g_free (news);
}

/* On the main context. */
static gboolean
lock_wait_news_cb (gpointer user_data)
{
  LockWaitNews *news = user_data;
  LockWait *wait = g_object_get_data (G_OBJECT (news->worker), "plaza-lock-wait");

  if (wait != NULL && wait->waiting != news->waiting)
    {
      wait->waiting = news->waiting;
      g_object_notify_by_pspec (G_OBJECT (news->worker), lock_waiting_pspec);
    }
  return G_SOURCE_REMOVE;
}

/* In the worker thread, inside a write: the worker is alive (the job's
 * task holds it). */
static void
lock_wait_cb (PlazaStore *store G_GNUC_UNUSED,
              gboolean    waiting,
              gpointer    user_data)
{
  LockWait *wait = user_data;
  LockWaitNews *news = g_new0 (LockWaitNews, 1);

  news->worker = g_object_ref (wait->worker);
  news->waiting = waiting;
  plaza_worker_invoke_in_context (wait->context, lock_wait_news_cb, news, lock_wait_news_free);
}

/* In the worker thread, after an open. */
void
plaza_worker_lock_wait_attach (gpointer      worker,
                               GMainContext *context,
                               PlazaStore   *store)
{
  PlazaWorker *self = worker;
  LockWait *wait;

  if (!PLAZA_IS_WORKER (self))
    return;
  wait = g_object_get_data (G_OBJECT (self), "plaza-lock-wait");
  if (wait == NULL)
    {
      wait = g_new0 (LockWait, 1);
      wait->worker = self;
      wait->context = g_main_context_ref (context);
      g_object_set_data_full (G_OBJECT (self), "plaza-lock-wait", wait, lock_wait_free);
    }
  plaza_store_set_lock_wait_func (store, lock_wait_cb, wait);
}

gboolean
plaza_worker_get_lock_waiting (PlazaWorker *self)
{
  LockWait *wait;

  g_return_val_if_fail (PLAZA_IS_WORKER (self), FALSE);
  wait = g_object_get_data (G_OBJECT (self), "plaza-lock-wait");
  return wait != NULL && wait->waiting;
}

static void
lock_wait_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  if (prop_id == PROP_LOCK_WAITING)
    g_value_set_boolean (value, plaza_worker_get_lock_waiting (PLAZA_WORKER (object)));
  else if (lock_wait_chained_get_property != NULL)
    lock_wait_chained_get_property (object, prop_id, value, pspec);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

void
plaza_worker_lock_wait_class_init (GObjectClass *object_class)
{
  lock_wait_chained_get_property = object_class->get_property;
  object_class->get_property = lock_wait_get_property;

  /**
   * PlazaWorker:lock-waiting:
   *
   * %TRUE while a write has waited a second or more for another
   * computer's write to finish (and until it gets the lock or gives up).
   */
  lock_waiting_pspec = g_param_spec_boolean ("lock-waiting", NULL, NULL, FALSE,
                                             G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_property (object_class, PROP_LOCK_WAITING, lock_waiting_pspec);
}
