/* plaza-worker-lock-wait-private.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Between plaza-worker.c and plaza-worker-lock-wait.c (the "lock-waiting"
 * property).
 */

#pragma once

#include <glib-object.h>

#include "plaza-store.h"
#include "plaza-worker.h"

G_BEGIN_DECLS

/* Like g_main_context_invoke_full(), but always through an idle source on
 * @context (plaza-worker.c says why). */
void plaza_worker_invoke_in_context       (GMainContext   *context,
                                           GSourceFunc     func,
                                           gpointer        data,
                                           GDestroyNotify  notify);

/* Called from plaza_worker_class_init(). */
void plaza_worker_lock_wait_class_init    (GObjectClass   *object_class);
/* In the worker thread, right after @store opened for @worker (a
 * PlazaWorker, or NULL for none): the store's lock waits reach @worker's
 * "lock-waiting" property on @context. */
void plaza_worker_lock_wait_attach        (gpointer        worker,
                                           GMainContext   *context,
                                           PlazaStore     *store);

G_END_DECLS
