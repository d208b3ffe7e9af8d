/* plaza-review-page.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Review page: the quarterly review (末位淘汰) of a quarter — each
 * tenant's score, rank in its category, reasons, a proposal a planner may
 * change (with a note) and the manager's approval, per row or for the
 * whole quarter — and the way to an eviction (PlazaEvictionWindow) for an
 * approved replacement. Every store access is a worker job calling
 * plaza-review.h.
 */

#pragma once

#include <adwaita.h>

#include "plaza-review.h"
#include "plaza-worker.h"

G_BEGIN_DECLS

#define PLAZA_TYPE_REVIEW_PAGE (plaza_review_page_get_type ())
G_DECLARE_FINAL_TYPE (PlazaReviewPage, plaza_review_page, PLAZA, REVIEW_PAGE, AdwBin)

GtkWidget  *plaza_review_page_new           (void);
void        plaza_review_page_set_worker    (PlazaReviewPage *self,
                                             PlazaWorker     *worker);
void        plaza_review_page_ensure_loaded (PlazaReviewPage *self);
void        plaza_review_page_invalidate    (PlazaReviewPage *self);
gboolean    plaza_review_page_get_busy      (PlazaReviewPage *self);
/* TRUE once the chosen quarter's rows are loaded (possibly none). */
gboolean    plaza_review_page_get_loaded    (PlazaReviewPage *self);

/* "2026-Q3"; the chooser offers the eight quarters to the current one and
 * starts on the last ended quarter. FALSE if not offered. */
gboolean    plaza_review_page_set_quarter   (PlazaReviewPage *self,
                                             const char      *quarter);
const char *plaza_review_page_get_quarter   (PlazaReviewPage *self);

/* What the buttons do (without their dialogs). */
void        plaza_review_page_build         (PlazaReviewPage *self);
void        plaza_review_page_set_proposal  (PlazaReviewPage *self,
                                             gint64           review_id,
                                             const char      *proposal,
                                             const char      *note);
void        plaza_review_page_decide        (PlazaReviewPage *self,
                                             gint64           review_id,
                                             gboolean         approve,
                                             const char      *comment);
void        plaza_review_page_decide_all    (PlazaReviewPage *self,
                                             gboolean         approve,
                                             const char      *comment);
/* Opens the eviction window of row @review_id (returned, owned by GTK). */
GtkWindow  *plaza_review_page_open_eviction (PlazaReviewPage *self,
                                             gint64           review_id);

/* The rows shown (PlazaReviewRow); NULL before loading. */
GPtrArray  *plaza_review_page_get_rows      (PlazaReviewPage *self);

G_END_DECLS
