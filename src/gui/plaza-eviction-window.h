/* plaza-eviction-window.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The eviction (清退) of one tenant's contract in its own window: the
 * notice (date, deadline, reason; the notice letter as a PDF), the
 * handover (date, notes) and the completion, which asks first and lists
 * what will happen (the contract terminated, the deposit set against the
 * arrears and the rest refunded, the units vacant). Every store access is
 * a worker job calling plaza-eviction.h.
 */

#pragma once

#include <adwaita.h>

#include "plaza-eviction.h"
#include "plaza-worker.h"

G_BEGIN_DECLS

#define PLAZA_TYPE_EVICTION_WINDOW (plaza_eviction_window_get_type ())
G_DECLARE_FINAL_TYPE (PlazaEvictionWindow, plaza_eviction_window, PLAZA, EVICTION_WINDOW, AdwWindow)

/* @eviction_id > 0 opens that eviction; otherwise a new notice for
 * @contract_id, from the review row @review_id when > 0 (its reason then
 * comes from the review unless one is typed). @title names the tenant. */
PlazaEvictionWindow *plaza_eviction_window_new      (GtkWindow   *parent,
                                                     PlazaWorker *worker,
                                                     gint64       eviction_id,
                                                     gint64       contract_id,
                                                     gint64       review_id,
                                                     const char  *title);

/* For tests and the buttons: what the fields and buttons do. */
void                 plaza_eviction_window_set_notice   (PlazaEvictionWindow *self,
                                                         const char          *notice_date,
                                                         const char          *deadline,
                                                         const char          *reason);
void                 plaza_eviction_window_send_notice  (PlazaEvictionWindow *self);
void                 plaza_eviction_window_set_handover (PlazaEvictionWindow *self,
                                                         const char          *date,
                                                         const char          *notes);
void                 plaza_eviction_window_record_handover (PlazaEvictionWindow *self);
/* Completes without asking (what the confirmation's button does). */
void                 plaza_eviction_window_complete     (PlazaEvictionWindow *self);
/* Writes the notice letter to @path. */
void                 plaza_eviction_window_write_notice (PlazaEvictionWindow *self,
                                                         const char          *path);

gboolean             plaza_eviction_window_get_busy     (PlazaEvictionWindow *self);
/* The eviction as last loaded; NULL before a notice exists. */
const PlazaEviction *plaza_eviction_window_get_eviction (PlazaEvictionWindow *self);
const PlazaEvictionSettlement *plaza_eviction_window_get_settlement (PlazaEvictionWindow *self);
/* The confirmation's text for the completion (for tests). */
char                *plaza_eviction_window_describe_completion (PlazaEvictionWindow *self);

G_END_DECLS
