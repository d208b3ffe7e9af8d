/* plaza-contract-view.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One stored contract read for display: its row, tenant, units and event
 * timeline. Read-only; the GUI calls it through PlazaWorker.
 */

#pragma once

#include "plaza-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  char   *kind;            /* created, submitted, approved, amendment … */
  char   *state;           /* done, submitted, approved, rejected … */
  char   *effective_date;  /* NULL unless an amendment */
  char   *comment;
  char   *user;
  char   *at;
} PlazaContractEvent;

typedef struct
{
  gint64      id;
  gint64      rev;
  char       *code;
  gint64      tenant_id;
  char       *tenant;
  char       *kind;
  char       *state;
  char       *model;
  char       *start_date;
  char       *end_date;
  char       *area_basis;
  char       *terms_json;
  char       *units;        /* "A-101, A-102" */
  gint64      area;         /* hundredths of m², summed over the units */
  gint64      monthly_rent;
  gint64      deposit_amount;
  gint64      late_fee_bp_per_day;
  gint64      late_fee_grace_days;
  gint64      late_fee_cap;
  char       *terminated_on;
  GPtrArray  *events;       /* PlazaContractEvent, oldest first */
  GArray     *unit_ids;     /* gint64, ascending */
  char       *terms_in_force; /* terms_json with the approved amendments laid over it
                               * in order of effective date (plaza_contract_merge_terms) */
} PlazaContractView;

/* NULL with PLAZA_STORE_ERROR_NOT_FOUND when there is no contract @id. */
PlazaContractView *plaza_contract_view_load (PlazaStore  *store,
                                             gint64       id,
                                             GError     **error);
void               plaza_contract_view_free (PlazaContractView *view);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlazaContractView, plaza_contract_view_free)

G_END_DECLS
