/* plaza-contract.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The contract lifecycle: draft → submitted → approved → active → expired,
 * active → terminated, active → renewed (by a new contract linked to the
 * old one), amendments approved like contracts, deposits, and the rule
 * that two contracts never hold one unit on the same day.
 *
 * Every call is one write (plaza_store_write) that logs to change_log and
 * checks the row's rev: a stale rev fails with PLAZA_STORE_ERROR_CONFLICT
 * naming who saved in between.
 */

#pragma once

#include "plaza-store.h"

G_BEGIN_DECLS

typedef enum
{
  PLAZA_CONTRACT_SUBMIT,
  PLAZA_CONTRACT_APPROVE,
  PLAZA_CONTRACT_REJECT,
  PLAZA_CONTRACT_ACTIVATE,
  PLAZA_CONTRACT_EXPIRE,
  PLAZA_CONTRACT_TERMINATE,
  PLAZA_CONTRACT_RENEW,
  PLAZA_CONTRACT_AMEND,
  PLAZA_CONTRACT_EDIT,
} PlazaContractAction;

/* The state @action leads to from @state, or NULL when it is not allowed. */
const char *plaza_contract_next_state (const char          *state,
                                       PlazaContractAction  action);

typedef struct
{
  gint64        tenant_id;
  const char   *kind;            /* "lease" or "concession" */
  const char   *model;           /* "fixed", "percentage", "higher_of" */
  const char   *start_date;      /* YYYY-MM-DD */
  const char   *end_date;
  const char   *area_basis;      /* "rentable" (default) or "gross" */
  const char   *terms_json;      /* the rent engine's terms */
  gint64        monthly_rent;    /* fen, indicative */
  gint64        deposit_amount;  /* fen */
  gint64        late_fee_bp_per_day;
  gint64        late_fee_grace_days;
  gint64        late_fee_cap;    /* fen, 0 = none */
  const gint64 *unit_ids;
  guint         n_units;
} PlazaContractDraft;

/* A new draft; returns its id (> 0) or 0 with @error set. */
gint64   plaza_contract_create      (PlazaStore               *store,
                                     const PlazaContractDraft *draft,
                                     GError                  **error);
gboolean plaza_contract_submit      (PlazaStore  *store,
                                     gint64       id,
                                     gint64       rev,
                                     GError     **error);
gboolean plaza_contract_approve     (PlazaStore  *store,
                                     gint64       id,
                                     gint64       rev,
                                     const char  *comment,
                                     GError     **error);
/* Back to draft, with the reason. */
gboolean plaza_contract_reject      (PlazaStore  *store,
                                     gint64       id,
                                     gint64       rev,
                                     const char  *comment,
                                     GError     **error);
/* Approved → active, on or after the start date. A renewal marks the
 * contract it renews as renewed. */
gboolean plaza_contract_activate    (PlazaStore  *store,
                                     gint64       id,
                                     gint64       rev,
                                     const char  *today,
                                     GError     **error);
/* Active contracts whose end date is before @today become expired. */
gboolean plaza_contract_expire_due  (PlazaStore  *store,
                                     const char  *today,
                                     guint       *n_expired,
                                     GError     **error);
/* Early termination on @date (between start and end). The deposit is
 * settled: @deducted (with @deduction_reason) kept, the rest refunded. */
gboolean plaza_contract_terminate   (PlazaStore  *store,
                                     gint64       id,
                                     gint64       rev,
                                     const char  *date,
                                     const char  *reason,
                                     gint64       deducted,
                                     const char  *deduction_reason,
                                     GError     **error);
/* A draft that renews @id from the day after its end (or @next's dates). */
gint64   plaza_contract_renew       (PlazaStore               *store,
                                     gint64                    id,
                                     const PlazaContractDraft *next,
                                     GError                  **error);
/* An amendment (变更) of an active contract: new terms from @effective_date,
 * submitted for approval. Returns the event id. */
gint64   plaza_contract_amend       (PlazaStore  *store,
                                     gint64       id,
                                     const char  *effective_date,
                                     const char  *terms_json,
                                     const char  *comment,
                                     GError     **error);
gboolean plaza_contract_decide_amendment (PlazaStore  *store,
                                          gint64       event_id,
                                          gboolean     approve,
                                          const char  *comment,
                                          GError     **error);

/* Deposits (保证金): received, deducted, topped_up, refunded, offset. */
gboolean plaza_contract_add_deposit (PlazaStore  *store,
                                     gint64       id,
                                     const char  *kind,
                                     gint64       amount,
                                     const char  *date,
                                     const char  *reason,
                                     GError     **error);
gint64   plaza_contract_deposit_balance (PlazaStore *store,
                                         gint64      id);

/* The code of a signed or pending contract holding one of @unit_ids on a
 * day between @start and @end, other than @except_id; NULL when none. */
char    *plaza_contract_find_clash  (PlazaStore   *store,
                                     const gint64 *unit_ids,
                                     guint         n_units,
                                     const char   *start,
                                     const char   *end,
                                     gint64        except_id,
                                     GError      **error);

G_END_DECLS
