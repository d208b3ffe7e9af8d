/* plaza-promotion-eval-view.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A promotion's evaluation (issue 5): the baseline the user chooses (same
 * days last year, or the four weeks before, weekday-aligned) with its
 * dates in words, a chart of the uplift per participant, the table (sales,
 * baseline, uplift ¥ and %, cost, return per yuan, the participants that
 * did worse than their category flagged) and "Save as PDF…".
 */

#pragma once

#include <adwaita.h>

#include "plaza-worker.h"

G_BEGIN_DECLS

#define PLAZA_TYPE_PROMOTION_EVAL_VIEW (plaza_promotion_eval_view_get_type ())
G_DECLARE_FINAL_TYPE (PlazaPromotionEvalView, plaza_promotion_eval_view, PLAZA, PROMOTION_EVAL_VIEW, AdwBin)

GtkWidget *plaza_promotion_eval_view_new      (PlazaWorker            *worker,
                                               gint64                  promotion_id);
/* Loads (again) in the worker; "notify::loading" tells when it is done. */
void       plaza_promotion_eval_view_reload   (PlazaPromotionEvalView *self);
gboolean   plaza_promotion_eval_view_get_loading (PlazaPromotionEvalView *self);
/* The evaluation on show (a PlazaPromotionEvaluation *), NULL while
 * loading or after an error. */
gpointer   plaza_promotion_eval_view_get_evaluation (PlazaPromotionEvalView *self);

G_END_DECLS
