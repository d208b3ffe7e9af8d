/* plaza-promotion-notice-private.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the notices (plaza-promotion-notice.c) and the participant lists
 * (plaza-promotion-participants.c) share: a promotion with its participants
 * read once, each with the tenant's first contact and the units it leases
 * during the promotion.
 */

#pragma once

#include <glib.h>

#include "plaza-store.h"

G_BEGIN_DECLS

typedef struct
{
  char   *tenant_code;
  char   *tenant_name;
  char   *contact;        /* the tenant's first contact, or "" */
  char   *phone;
  char   *units;          /* "2F-017, 2F-018": units under contracts in force during the promotion */
  char   *offer;
  char   *status;         /* invited, confirmed, declined */
  gint64  fee;            /* fen */
} PlazaNoticeParticipant;

typedef struct
{
  gint64     id;
  char      *code;
  char      *name;
  char      *theme;
  char      *mechanics;
  char      *start_date;  /* YYYY-MM-DD */
  char      *end_date;
  char      *state;
  GPtrArray *participants; /* PlazaNoticeParticipant, by tenant code */
} PlazaNoticePromotion;

void                  plaza_notice_promotion_free (PlazaNoticePromotion *p);

/* NOT_FOUND (translated) when there is no promotion @id. */
PlazaNoticePromotion *plaza_notice_promotion_load (PlazaStore  *store,
                                                   gint64       id,
                                                   GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlazaNoticePromotion, plaza_notice_promotion_free)

G_END_DECLS
