/* plaza-billing-query.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Read-only queries for the Billing page (issue 7): one bill with its
 * lines, open amounts and allocations; the recent payments; a tenant's
 * open lines with the allocation a payment would make; the tenants to pick
 * from. The GUI calls these in worker jobs: no SQL in src/gui.
 */

#pragma once

#include "plaza-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64    id;
  char     *kind;
  char     *description;
  char     *period_from;   /* "" when none */
  char     *period_to;
  gint64    amount;
  gint64    open;          /* what is still owed on the line */
  gboolean  estimated;
} PlazaBillDetailLine;

typedef struct
{
  gint64  payment_id;
  char   *date;
  char   *method;
  gint64  amount;          /* allocated to this bill's lines; < 0 for a reversal */
} PlazaBillDetailAllocation;

typedef struct
{
  gint64     id;
  char      *code;
  gint64     tenant_id;
  char      *tenant_code;
  char      *tenant_name;
  gint64     contract_id;  /* 0 if none */
  char      *contract_code; /* "" if none */
  char      *month;
  char      *kind;         /* regular, credit_note, supplementary */
  gint64     original_bill_id;
  char      *original_code; /* "" if none */
  char      *state;
  char      *issue_date;
  char      *due_date;
  gint64     total;
  gint64     open;
  GPtrArray *lines;        /* of PlazaBillDetailLine */
  GPtrArray *allocations;  /* of PlazaBillDetailAllocation, by date */
} PlazaBillDetail;

void     plaza_bill_detail_free   (PlazaBillDetail *detail);
/* The bill @bill_id; PLAZA_STORE_ERROR_NOT_FOUND if there is none. */
gboolean plaza_bill_detail_load   (PlazaStore       *store,
                                   gint64            bill_id,
                                   PlazaBillDetail **detail,
                                   GError          **error);

typedef struct
{
  gint64    id;
  gint64    tenant_id;
  char     *tenant_code;
  char     *tenant_name;
  char     *date;
  gint64    amount;        /* < 0 for a reversal */
  char     *method;
  char     *reference;
  gint64    reversal_of;   /* 0 unless this is a reversal */
  gboolean  reversed;      /* a reversal of this payment exists */
  gint64    allocated;
} PlazaPaymentRow;

void     plaza_payment_row_free   (PlazaPaymentRow *row);
/* The latest @limit payments (0 = all), newest first (date, then id). */
gboolean plaza_payments_list      (PlazaStore   *store,
                                   guint         limit,
                                   GPtrArray   **rows,
                                   GError      **error);

typedef struct
{
  gint64  line_id;
  gint64  bill_id;
  char   *bill_code;
  char   *month;
  char   *due_date;
  char   *kind;
  char   *description;
  gint64  amount;
  gint64  open;            /* > 0 */
} PlazaOpenLineRow;

void     plaza_open_line_row_free (PlazaOpenLineRow *row);
/* The tenant's lines with something open, oldest first (the order a
 * payment is allocated in), and *@credit (may be NULL) its credit. */
gboolean plaza_payments_open_lines (PlazaStore  *store,
                                    gint64       tenant_id,
                                    GPtrArray  **rows,
                                    gint64      *credit,
                                    GError     **error);
/* How @amount would be allocated to @rows oldest first: @out[i] gets the
 * fen for row i (an array of @rows->len gint64). Returns the rest. */
gint64   plaza_payments_plan_auto (GPtrArray    *rows,
                                   gint64        amount,
                                   gint64       *out);

typedef struct
{
  gint64  id;
  char   *code;
  char   *name;
  char   *status;
} PlazaTenantChoice;

void     plaza_tenant_choice_free (PlazaTenantChoice *choice);
/* Every tenant but prospects, by code. */
gboolean plaza_billing_tenants    (PlazaStore   *store,
                                   GPtrArray   **tenants,
                                   GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlazaBillDetail, plaza_bill_detail_free)

G_END_DECLS
