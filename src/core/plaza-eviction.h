/* plaza-eviction.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Eviction (清退, table evictions) of a tenant from one contract:
 *   notified     a notice dated notice_date with a deadline (30 days after
 *                by default) and a reason; started by hand or from an
 *                approved 'replace' review row (the tenant's active
 *                contract ending last);
 *   handed_over  the units handed back on handover_date, with
 *                handover_notes (also the summary of the change_log row,
 *                action 'handover', where schema 1 kept them);
 *   settled      plaza_eviction_complete: the contract terminated on the
 *                handover date, the deposit settled (set against the
 *                contract's open lines, the rest refunded), its units
 *                vacant from that date;
 *   cancelled    withdrawn before completion.
 * Every call is one write (the completion's steps are nested in it: all or
 * nothing) with change_log rows and checks the row's rev.
 *
 * The deposit at completion: the tenant's credit is applied first; the
 * deposit held (B) pays the contract's open lines (due or not, O) up to B
 * as one 'deposit_offset' payment, offset = min (O, B); the contract is
 * then terminated (plaza_contract_terminate), which records the rest,
 * B − offset, as refunded. A contract already expired or terminated is
 * settled with plaza_deposit_settle (the same rule).
 */

#pragma once

#include <glib.h>

#include "plaza-store.h"

G_BEGIN_DECLS

#define PLAZA_EVICTION_NOTICE_DAYS 30

typedef struct
{
  gint64  id;
  gint64  rev;
  gint64  contract_id;
  char   *contract_code;
  char   *contract_state;
  char   *contract_start;
  char   *contract_end;
  gint64  tenant_id;
  char   *tenant_code;
  char   *tenant_name;
  char   *units;           /* unit codes, ", "-separated */
  char   *notice_date;
  char   *deadline;
  char   *handover_date;   /* NULL until handed over */
  char   *handover_notes;  /* "" when none */
  char   *state;           /* notified, handed_over, settled, cancelled */
  char   *reason;
} PlazaEviction;

typedef struct
{
  gint64 deposit;     /* held before */
  gint64 open;        /* the contract's open lines after the tenant's credit */
  gint64 offset;      /* set against them: min (open, deposit) */
  gint64 refund;      /* deposit − offset */
  gint64 payment_id;  /* the deposit_offset payment (complete only) */
  guint  n_units;     /* units made vacant (complete) or to be */
} PlazaEvictionSettlement;

void      plaza_eviction_free          (PlazaEviction *eviction);
const char *plaza_eviction_state_label (const char    *state);

/* A notice for @contract_id (active, no other eviction open). @deadline
 * NULL: @notice_date + PLAZA_EVICTION_NOTICE_DAYS. @reason required. */
gboolean  plaza_eviction_notify        (PlazaStore  *store,
                                        gint64       contract_id,
                                        const char  *notice_date,
                                        const char  *deadline,
                                        const char  *reason,
                                        gint64      *id,
                                        GError     **error);
/* From an approved 'replace' review row: the tenant's active contract
 * ending last, the reason from the review. */
gboolean  plaza_eviction_from_review   (PlazaStore  *store,
                                        gint64       review_id,
                                        const char  *notice_date,
                                        const char  *deadline,
                                        gint64      *id,
                                        GError     **error);
gboolean  plaza_eviction_handover      (PlazaStore  *store,
                                        gint64       id,
                                        gint64       rev,
                                        const char  *date,
                                        const char  *notes,
                                        GError     **error);
gboolean  plaza_eviction_cancel        (PlazaStore  *store,
                                        gint64       id,
                                        gint64       rev,
                                        const char  *reason,
                                        GError     **error);
/* What completion on @date (NULL: the handover date) will do. */
gboolean  plaza_eviction_preview       (PlazaStore              *store,
                                        gint64                   id,
                                        PlazaEvictionSettlement *result,
                                        GError                 **error);
/* Handed over → settled, on the handover date. */
gboolean  plaza_eviction_complete      (PlazaStore              *store,
                                        gint64                   id,
                                        gint64                   rev,
                                        PlazaEvictionSettlement *result,
                                        GError                 **error);

gboolean  plaza_eviction_get           (PlazaStore     *store,
                                        gint64          id,
                                        PlazaEviction **eviction,
                                        GError        **error);
/* The evictions of @tenant_id (0: all), newest first. */
gboolean  plaza_eviction_list          (PlazaStore  *store,
                                        gint64       tenant_id,
                                        GPtrArray  **evictions,
                                        GError     **error);

/* The notice letter (清退通知书), in Chinese, to @path. */
gboolean  plaza_eviction_notice_pdf    (PlazaStore  *store,
                                        gint64       id,
                                        const char  *path,
                                        GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlazaEviction, plaza_eviction_free)

G_END_DECLS
