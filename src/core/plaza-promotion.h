/* plaza-promotion.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Promotions (促销活动): plans, their approval lifecycle and the clash check.
 *
 *   draft → submitted → approved | rejected;  draft/submitted/approved → cancelled.
 *
 * Editing an approved plan (dates, scope, participants, budget, anything)
 * sends it back to submitted; editing a rejected one sends it back to draft;
 * a cancelled plan cannot be edited. Every step is one plaza_store_write()
 * with a rev check and one change_log row (entity "promotion").
 */

#pragma once

#include <glib.h>

#include "plaza-store.h"

G_BEGIN_DECLS

typedef enum
{
  PLAZA_PROMOTION_SUBMIT,
  PLAZA_PROMOTION_APPROVE,
  PLAZA_PROMOTION_REJECT,   /* needs a comment */
  PLAZA_PROMOTION_CANCEL,
} PlazaPromotionAction;

typedef struct
{
  gint64  tenant_id;
  char   *offer;
  char   *status;           /* invited, confirmed, declined */
  gint64  fee;              /* fen, charged to the tenant */
} PlazaPromotionParticipant;

typedef struct
{
  gint64     id;            /* 0 for a new plan */
  gint64     rev;
  char      *code;          /* set on create when NULL */
  char      *name;
  char      *theme;
  char      *mechanics;     /* spend_save, discount, gift, points, event */
  char      *start_date;    /* YYYY-MM-DD, inclusive */
  char      *end_date;      /* YYYY-MM-DD, inclusive */
  char      *scope;         /* mall, floors, categories */
  char      *state;
  gint64     budget_mall;   /* fen */
  gint64     budget_tenant; /* fen */
  gint64     goal_uplift_bp;
  gint64     goal_footfall;
  char      *notes;
  GArray    *scope_ids;     /* gint64: floor or category ids, by @scope */
  GPtrArray *participants;  /* PlazaPromotionParticipant */
} PlazaPromotion;

typedef struct
{
  gint64  id;
  char   *code;
  char   *name;
  char   *start_date;
  char   *end_date;
  char   *reason;           /* "tenants", "floors", "categories" or "mall" */
} PlazaPromotionClash;

PlazaPromotion *plaza_promotion_new      (void);
void            plaza_promotion_free     (PlazaPromotion *p);
void            plaza_promotion_add_participant (PlazaPromotion *p,
                                                 gint64          tenant_id,
                                                 const char     *offer,
                                                 const char     *status,
                                                 gint64          fee);
void            plaza_promotion_clash_free (PlazaPromotionClash *c);

/* FALSE with PLAZA_STORE_ERROR_INVALID naming the field. */
gboolean        plaza_promotion_validate (const PlazaPromotion *p,
                                          GError              **error);

/* NULL with PLAZA_STORE_ERROR_NOT_FOUND when there is no such promotion. */
PlazaPromotion *plaza_promotion_load     (PlazaStore     *store,
                                          gint64          id,
                                          GError        **error);

/* Inserts @p as a draft; sets p->id, p->code (when NULL), p->rev, p->state. */
gboolean        plaza_promotion_create   (PlazaStore     *store,
                                          PlazaPromotion *p,
                                          GError        **error);

/* Saves @p (loaded earlier: p->rev is the rev it was loaded at). Approved
 * goes back to submitted, rejected to draft; cancelled is refused. Updates
 * p->rev and p->state. CONFLICT names who saved in between. */
gboolean        plaza_promotion_update   (PlazaStore     *store,
                                          PlazaPromotion *p,
                                          GError        **error);

/* One lifecycle step on promotion @id, loaded at @rev. Returns the new rev
 * (> 0), or 0 with @error: INVALID for an illegal step or a reject without
 * a comment, CONFLICT when someone saved since @rev. */
gint64          plaza_promotion_transition (PlazaStore          *store,
                                            gint64               id,
                                            gint64               rev,
                                            PlazaPromotionAction action,
                                            const char          *comment,
                                            GError             **error);

/* Other promotions, neither cancelled nor rejected, overlapping in time with
 * promotion @id (when @draft is NULL) or with @draft (whose own id, if any,
 * is skipped), that share a participating (non-declined) tenant, a floor or
 * a category in scope; a whole-mall promotion clashes with every overlapping
 * one. *@out gets PlazaPromotionClash rows ordered by start date, code. */
gboolean        plaza_promotion_find_clashes (PlazaStore            *store,
                                              gint64                 id,
                                              const PlazaPromotion  *draft,
                                              GPtrArray            **out,
                                              GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlazaPromotion, plaza_promotion_free)

G_END_DECLS
