/* plaza-promotion-dates.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The data behind the promotions calendar and timeline: the promotions
 * that run during a date range, each with whether it clashes with another
 * one (the rules of plaza_promotion_find_clashes ()), and the move or
 * resize of a plan dragged on the timeline: only drafts and rejected
 * plans may move; submitted, approved and cancelled ones stay put.
 */

#pragma once

#include <glib.h>

#include "plaza-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64    id;
  gint64    rev;
  char     *code;
  char     *name;
  char     *state;        /* draft, submitted, approved, rejected, cancelled */
  char     *start_date;   /* YYYY-MM-DD, inclusive */
  char     *end_date;     /* YYYY-MM-DD, inclusive */
  char     *mechanics;
  gboolean  clash;        /* shares tenants, floors, categories or the mall with an overlapping plan */
  char     *clash_codes;  /* the codes it clashes with, ", "-separated ("" when none) */
} PlazaPromotionSpan;

void        plaza_promotion_span_free     (PlazaPromotionSpan *span);
PlazaPromotionSpan *plaza_promotion_span_copy (const PlazaPromotionSpan *span);

/* Promotions overlapping [@from, @to] (YYYY-MM-DD, inclusive), ordered by
 * start date, then end date, then code. Cancelled and rejected plans are
 * listed (drawn as such) but never marked as clashing. Returns a GPtrArray
 * of PlazaPromotionSpan, or NULL with INVALID for bad dates. */
GPtrArray  *plaza_promotion_calendar_query (PlazaStore  *store,
                                            const char  *from,
                                            const char  *to,
                                            GError     **error);

/* TRUE when a plan in @state may be dragged (draft and rejected). */
gboolean    plaza_promotion_state_movable (const char *state);

/* Moves or resizes promotion @id (loaded at @rev) to run from @new_start
 * to @new_end. Only drafts and rejected plans move (a rejected one goes
 * back to draft, as any edit does); others fail with INVALID and nothing
 * changes, as does an end before the start. CONFLICT when someone saved
 * since @rev. One write with its change_log row. Returns the new rev, or 0
 * with @error. */
gint64      plaza_promotion_move          (PlazaStore  *store,
                                           gint64       id,
                                           gint64       rev,
                                           const char  *new_start,
                                           const char  *new_end,
                                           GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlazaPromotionSpan, plaza_promotion_span_free)

G_END_DECLS
