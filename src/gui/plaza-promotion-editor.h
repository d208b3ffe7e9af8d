/* plaza-promotion-editor.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One promotion in its own window (issue 5): the plan form, the
 * participants with their offers, confirmation and fees, the budget and
 * goals, the clash check shown before saving, the approval steps
 * (submit, approve, reject with a comment, cancel), attachments (posters),
 * the tenant notices and participant lists, and — once it has ended — its
 * evaluation (PlazaPromotionEvalView).
 */

#pragma once

#include <adwaita.h>

#include "plaza-worker.h"

G_BEGIN_DECLS

#define PLAZA_TYPE_PROMOTION_EDITOR (plaza_promotion_editor_get_type ())
G_DECLARE_FINAL_TYPE (PlazaPromotionEditor, plaza_promotion_editor, PLAZA, PROMOTION_EDITOR, AdwWindow)

/* Opens promotion @id (0: a new draft) in a window transient for @parent
 * and presents it. The editor emits "saved" (gint64 id) after every write
 * so lists and calendars can reload. */
PlazaPromotionEditor *plaza_promotion_editor_open (GtkWindow   *parent,
                                                   PlazaWorker *worker,
                                                   gint64       id);

/* A new draft with these dates already filled in (from a calendar drag
 * or a click on a day): @start and @end are 'YYYY-MM-DD'. */
PlazaPromotionEditor *plaza_promotion_editor_new_with_dates (GtkWindow   *parent,
                                                             PlazaWorker *worker,
                                                             const char  *start,
                                                             const char  *end);

/* Shows the evaluation page, once loaded, if the promotion has ended. */
void                  plaza_promotion_editor_show_evaluation (PlazaPromotionEditor *self);
/* The id being edited (0 until a new plan is saved). */
gint64                plaza_promotion_editor_get_id (PlazaPromotionEditor *self);
/* TRUE while loading or writing. */
gboolean              plaza_promotion_editor_get_busy (PlazaPromotionEditor *self);

G_END_DECLS
