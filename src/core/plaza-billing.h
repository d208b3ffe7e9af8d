/* plaza-billing.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The monthly bill run: one regular bill per contract in force during a
 * month, its lines from the contract's rent schedule
 * (plaza_contract_schedule), plus the promotion fees of confirmed
 * participants of approved promotions starting in the month. Issued bills
 * are never edited.
 *
 * Concession (联营) contracts are not billed: the mall's tills take their
 * sales, and the commission or minimum, their fees and the promotion fees
 * of a tenant trading only under a concession are deducted on the monthly
 * settlement sheet instead (plaza-settlement.h).
 */

#pragma once

#include "plaza-store.h"

G_BEGIN_DECLS

typedef struct
{
  char    *kind;          /* "rent", "percentage_rent", "fee", "promotion_fee" */
  char    *description;
  char    *period_from;   /* YYYY-MM-DD */
  char    *period_to;
  gint64   amount;        /* fen */
  gboolean estimated;
} PlazaBillLine;

typedef struct
{
  gint64     contract_id;
  gint64     tenant_id;
  char      *contract_code;
  char      *tenant_name;
  char       month[8];
  gint64     total;       /* fen, the sum of the lines */
  GPtrArray *lines;       /* of PlazaBillLine */
} PlazaBill;

void     plaza_bill_free          (PlazaBill *bill);

/* The bills a run for @month (YYYY-MM) would issue, ordered by contract
 * code: every lease contract in force during the month (active, or expired,
 * terminated or renewed with dates overlapping it) without a regular bill
 * for the month yet, whose total is not zero (promotion fees included). */
gboolean plaza_billing_preview    (PlazaStore  *store,
                                   const char  *month,
                                   GPtrArray  **bills,
                                   GError     **error);

/* The promotion fees of @month (confirmed participants of approved
 * promotions starting in the month) that a run cannot bill: the tenant has
 * no contract in force, or the month's bill of its contract was issued
 * before. *@skipped gets one translated line each (char *). */
gboolean plaza_billing_skipped_fees (PlazaStore  *store,
                                     const char  *month,
                                     GPtrArray  **skipped,
                                     GError     **error);

/* Writes the preview in one transaction (bills ZD<yyyymm>-<serial>, state
 * issued, due on the 15th of the next month, their lines, one change_log
 * row whose summary also lists the skipped promotion fees). @issue_date is
 * YYYY-MM-DD or NULL for today. Idempotent. */
gboolean plaza_billing_issue_on   (PlazaStore  *store,
                                   const char  *month,
                                   const char  *issue_date,
                                   guint       *n_issued,
                                   GError     **error);
gboolean plaza_billing_issue      (PlazaStore  *store,
                                   const char  *month,
                                   guint       *n_issued,
                                   GError     **error);

/* Percentage-rent true-up (plaza-billing-adjust.c). An issued regular bill
 * whose estimated lines (percentage rent on estimated sales) no longer
 * match the rent of the contract's schedule for the bill's month, once the
 * month's sales of the contract's units are all real (no estimated days),
 * gets one true-up bill <code>-TU: a 'supplementary' bill for a positive
 * difference or a 'credit_note' (negative total) for a negative one, with
 * one 'percentage_rent' line of the difference, original_bill_id set,
 * month @month, issued on @issue_date (NULL = today), due on the 15th of
 * the month after @month (a credit note: on its issue date). Each bill is
 * trued up at most once. The bill run calls it for its month. *@n_issued
 * (may be NULL) gets the number of true-up bills. */
gboolean plaza_billing_true_up    (PlazaStore  *store,
                                   const char  *month,
                                   guint       *n_issued,
                                   GError     **error);
gboolean plaza_billing_true_up_on (PlazaStore  *store,
                                   const char  *month,
                                   const char  *issue_date,
                                   guint       *n_issued,
                                   GError     **error);

/* Corrections by hand: new bills referencing the issued, non-credit-note
 * bill @bill_id, never edits. A credit note <code>-CN<n> of @amount fen
 * (> 0, at most the original's total less its earlier credit notes) with
 * one 'adjustment' line of -@amount described by @reason (required),
 * issued and due today. A supplementary bill <code>-SB<n> with one line of
 * @kind ("rent", "percentage_rent", "fee", "promotion_fee", "late_fee" or
 * "adjustment") of @amount fen (> 0) and @description (required), issued
 * today and due on the 15th of the next month. One transaction and one
 * change_log row each; bad input is PLAZA_STORE_ERROR_INVALID (translated)
 * and writes nothing; no such bill is PLAZA_STORE_ERROR_NOT_FOUND. */
gboolean plaza_billing_credit_note   (PlazaStore  *store,
                                      gint64       bill_id,
                                      gint64       amount,
                                      const char  *reason,
                                      gint64      *credit_note_id,
                                      GError     **error);
gboolean plaza_billing_supplementary (PlazaStore  *store,
                                      gint64       bill_id,
                                      const char  *kind,
                                      gint64       amount,
                                      const char  *description,
                                      gint64      *bill_id_out,
                                      GError     **error);

/* Internal: the true-up inside a plaza_store_write() transaction. */
gboolean plaza_billing_true_up_in_transaction (PlazaStore  *store,
                                               const char  *month,
                                               const char  *issue_date,
                                               guint       *n_issued,
                                               GError     **error);

/* Internal, for bulk runs (the demo's twelve months): while enabled, the
 * bill run computes each contract's schedule once and keeps it on @store.
 * Only while nothing the schedule depends on (contracts, amendments,
 * sales) changes; disable to free it. */
void     plaza_billing_cache_schedules (PlazaStore  *store,
                                        gboolean     enable);

G_END_DECLS
