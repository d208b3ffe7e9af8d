/* plaza-worker-session-private.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Between plaza-worker.c and plaza-worker-session.c: the session's part of
 * the class (the "role" property). The session API is in plaza-worker.h.
 */

#pragma once

#include <glib-object.h>

#include "plaza-store.h"
#include "plaza-worker.h"

G_BEGIN_DECLS

/* Called at the end of plaza_worker_class_init(). */
void plaza_worker_session_class_init (GObjectClass *object_class);
/* In the worker thread, right after @store opened: TRUE when the file asks
 * who is there; the store then writes nothing until someone signs in. */
gboolean plaza_worker_session_check_opened (PlazaStore *store);
/* On the worker's context when the open is done: nobody signed in yet,
 * plaza_worker_get_sign_in_required() answers @required. */
void plaza_worker_session_opened     (PlazaWorker *self,
                                      gboolean     required);

G_END_DECLS
