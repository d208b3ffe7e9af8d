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
 * code: every contract in force during the month (active, or expired,
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

G_END_DECLS
