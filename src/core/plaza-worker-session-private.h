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

G_BEGIN_DECLS

/* Called at the end of plaza_worker_class_init(). */
void plaza_worker_session_class_init (GObjectClass *object_class);

G_END_DECLS
