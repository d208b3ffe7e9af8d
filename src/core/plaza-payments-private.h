/* plaza-payments-private.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by plaza-payments*.c and plaza-arrears.c: the open lines and the
 * writes every payment is made of.
 */

#pragma once

#include "plaza-payments.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  gint64  bill_id;
  gint64  contract_id;  /* 0 if the bill has none */
  gint64  tenant_id;
  char   *bill_code;
  char   *due_date;
  char   *issue_date;
  char   *kind;
  gint64  amount;
  gint64  paid;         /* allocations */
  gint64  credited;     /* credit notes set against it */
} PlazaOpenLine;

#define plaza_open_line_open(l) ((l)->amount - (l)->paid - (l)->credited)

/* A credit note's amount set against a line (line_id 0: left over as the
 * tenant's credit). */
typedef struct
{
  gint64 tenant_id;
  gint64 line_id;
  gint64 bill_id;
  char   date[11];
  gint64 amount;
} PlazaLineCredit;

void     plaza_open_line_free        (PlazaOpenLine *line);

/* The lines of issued bills (not credit notes) of @tenant_id (0 = every
 * tenant), oldest first, with what is paid and credited. With @as_of only
 * bills issued, payments made and credit notes issued on or before it
 * count. @credits (may be NULL) gets the PlazaLineCredit rows. */
gboolean plaza_payments_load_lines   (PlazaStore   *store,
                                      gint64        tenant_id,
                                      const char   *as_of,
                                      GPtrArray   **lines,
                                      GArray      **credits,
                                      GError      **error);

/* Unallocated payments of @tenant_id (0 = all) made on or before @as_of
 * (NULL = all). */
gint64   plaza_payments_unallocated  (PlazaStore   *store,
                                      gint64        tenant_id,
                                      const char   *as_of);

gboolean plaza_payments_invalid      (GError      **error,
                                      const char   *format,
                                      ...) G_GNUC_PRINTF (2, 3);
char    *plaza_payments_now          (void);
char    *plaza_payments_today        (void);

/* Inside plaza_store_write. */
gboolean plaza_payments_insert       (PlazaStore   *store,
                                      gint64        tenant_id,
                                      const char   *date,
                                      gint64        amount,
                                      const char   *method,
                                      const char   *reference,
                                      gint64        reversal_of,
                                      gint64       *id,
                                      GError      **error);
gboolean plaza_payments_allocate     (PlazaStore   *store,
                                      gint64        payment_id,
                                      gint64        line_id,
                                      gint64        amount,
                                      GError      **error);
/* Allocates up to @amount to the open lines of @tenant_id (of
 * @contract_id only unless 0) oldest first; *@allocated gets the sum. */
gboolean plaza_payments_allocate_auto (PlazaStore  *store,
                                       gint64       payment_id,
                                       gint64       tenant_id,
                                       gint64       contract_id,
                                       gint64       amount,
                                       gint64      *allocated,
                                       GError     **error);
gboolean plaza_payments_apply_credit_in (PlazaStore *store,
                                         gint64      tenant_id,
                                         gint64     *applied,
                                         GError    **error);
gboolean plaza_payments_deposit_entry (PlazaStore  *store,
                                       gint64       contract_id,
                                       const char  *kind,
                                       gint64       amount,
                                       const char  *date,
                                       const char  *reason,
                                       GError     **error);

G_END_DECLS
