/* plaza-payments.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Payments and their allocation to bill lines, the tenant's credit, and the
 * settlement of a deposit at termination.
 *
 * The open amount of a line is its amount less its allocations less the
 * credit notes set against it. A credit note (bills kind 'credit_note',
 * negative total) is not stored as an allocation: its amount is applied,
 * when open amounts are computed, to its original bill's lines in line
 * order, then to the tenant's other open lines oldest first; what is left
 * over is credit. Lines are "oldest first" by the bill's due date, then the
 * bill code, then the line id. Only issued bills count.
 *
 * A payment that is not fully allocated leaves credit: its unallocated
 * rest. plaza_payment_apply_credit allocates that rest (oldest payment
 * first) to the open lines; payment_add and payment_reverse call it.
 */

#pragma once

#include "plaza-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 bill_line_id;
  gint64 amount;        /* fen, > 0 */
} PlazaPaymentAllocation;

/* Records a payment of @amount fen (> 0) by @method ("transfer", "cash",
 * "pos" or "deposit_offset"; NULL = "transfer"). @allocations (of
 * PlazaPaymentAllocation) allocates by hand: lines of @tenant_id, each not
 * more than its open amount, their sum not more than @amount; NULL
 * allocates to the open lines oldest first. The rest is credit, then the
 * tenant's credit is applied. 'deposit_offset' takes the money from the
 * deposit of the tenant's contract (the latest ending one whose deposit
 * covers @amount) with an 'offset' deposit entry, and without @allocations
 * goes to that contract's lines only. One transaction, one change_log row;
 * bad input is PLAZA_STORE_ERROR_INVALID and writes nothing. */
gboolean plaza_payment_add          (PlazaStore   *store,
                                     gint64        tenant_id,
                                     const char   *date,
                                     gint64        amount,
                                     const char   *method,
                                     const char   *reference,
                                     GArray       *allocations,
                                     gint64       *payment_id,
                                     GError      **error);

/* Applies the tenant's unallocated payments to its open lines, oldest
 * payment to oldest line. *@applied (may be NULL) gets the fen allocated. */
gboolean plaza_payment_apply_credit (PlazaStore   *store,
                                     gint64        tenant_id,
                                     gint64       *applied,
                                     GError      **error);

/* Reverses @payment_id: a new payment row dated @date (NULL = today) with
 * the negative amount, reversal_of set, the original's allocations negated
 * and @reason (required) as its reference; a 'deposit_offset' payment's
 * money goes back to the deposit (a 'topped_up' entry). A reversal cannot
 * be reversed and a payment is reversed at most once. */
gboolean plaza_payment_reverse      (PlazaStore   *store,
                                     gint64        payment_id,
                                     const char   *date,
                                     const char   *reason,
                                     gint64       *reversal_id,
                                     GError      **error);

/* The fen allocated from @payment_id. */
gint64   plaza_payment_allocated    (PlazaStore   *store,
                                     gint64        payment_id);
/* The tenant's credit: unallocated payments plus credit notes not used up. */
gint64   plaza_payment_tenant_credit (PlazaStore  *store,
                                      gint64       tenant_id);
/* The sum of the tenant's open line amounts (all issued bills). */
gint64   plaza_payment_tenant_open  (PlazaStore   *store,
                                     gint64        tenant_id);

typedef struct
{
  gint64 balance;       /* the deposit held before */
  gint64 offset;        /* set against the contract's open lines */
  gint64 refund;        /* recorded as refunded: balance - offset */
  gint64 payment_id;    /* the 'deposit_offset' payment, 0 if none */
} PlazaDepositSettlement;

/* Settles the deposit of a terminated or expired contract on @date: the
 * balance pays the open lines of the contract's bills (due or not) oldest
 * first as one 'deposit_offset' payment (an 'offset' deposit entry), the
 * rest is a 'refunded' entry. Refused when nothing is held. */
gboolean plaza_deposit_settle       (PlazaStore              *store,
                                     gint64                   contract_id,
                                     const char              *date,
                                     PlazaDepositSettlement  *result,
                                     GError                 **error);

G_END_DECLS
