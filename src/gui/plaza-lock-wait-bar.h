/* plaza-lock-wait-bar.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A slim bar, "Waiting for another computer to finish saving…" with a
 * spinner, revealed while the worker's write waits for the lock (the
 * worker's "lock-waiting" property).
 */

#pragma once

#include <adwaita.h>

#include "plaza-worker.h"

G_BEGIN_DECLS

#define PLAZA_TYPE_LOCK_WAIT_BAR (plaza_lock_wait_bar_get_type ())
G_DECLARE_FINAL_TYPE (PlazaLockWaitBar, plaza_lock_wait_bar, PLAZA, LOCK_WAIT_BAR, AdwBin)

GtkWidget *plaza_lock_wait_bar_new        (void);
/* Follows @worker (NULL: hidden). */
void       plaza_lock_wait_bar_set_worker (PlazaLockWaitBar *self,
                                           PlazaWorker      *worker);
/* TRUE while the bar is shown (revealed). */
gboolean   plaza_lock_wait_bar_get_shown  (PlazaLockWaitBar *self);

/* The bar of @box (created and put after @sibling the first time, NULL:
 * at the top), following @worker. For windows that change workers. */
PlazaLockWaitBar *plaza_lock_wait_bar_attach (GtkBox      *box,
                                              GtkWidget   *sibling,
                                              PlazaWorker *worker);

G_END_DECLS
