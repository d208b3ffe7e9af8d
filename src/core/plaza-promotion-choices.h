/* plaza-promotion-choices.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a promotion plan is chosen from (issue 5): the floors and
 * categories of its scope, and the tenants that may take part — the
 * active tenants trading on the chosen floors, or of the chosen categories
 * (a parent category includes its children), or all of them for a
 * whole-mall promotion.
 */

#pragma once

#include <glib.h>

#include "plaza-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  char   *label;    /* floor label, "parent · category", tenant name */
  char   *detail;   /* the tenant's code; NULL for floors and categories */
} PlazaPromotionChoice;

void       plaza_promotion_choice_free        (PlazaPromotionChoice *choice);

/* Floors by level; categories grouped under their parent, by name. */
GPtrArray *plaza_promotion_floor_choices      (PlazaStore   *store,
                                               GError      **error);
GPtrArray *plaza_promotion_category_choices   (PlazaStore   *store,
                                               GError      **error);
/* The tenants with @tenant_ids (gint64), in that order; an id that is not
 * a tenant gives "#id" with an empty code. */
GPtrArray *plaza_promotion_tenant_choices     (PlazaStore   *store,
                                               GArray       *tenant_ids,
                                               GError      **error);
/* Active tenants in @scope ("mall", "floors" or "categories") with the
 * floor or category @scope_ids (gint64), by code. */
GPtrArray *plaza_promotion_tenants_in_scope   (PlazaStore   *store,
                                               const char   *scope,
                                               GArray       *scope_ids,
                                               GError      **error);

G_END_DECLS
