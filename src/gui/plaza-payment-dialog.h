/* plaza-payment-dialog.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "plaza-worker.h"

G_BEGIN_DECLS

#define PLAZA_TYPE_PAYMENT_DIALOG (plaza_payment_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PlazaPaymentDialog, plaza_payment_dialog, PLAZA, PAYMENT_DIALOG, AdwWindow)

/* "Record Payment": emits "saved" (with the new payment's id) and closes
 * after plaza_payment_add succeeded in the worker. */
PlazaPaymentDialog *plaza_payment_dialog_new          (GtkWindow          *parent,
                                                       PlazaWorker        *worker);

/* For tests and callers that know the tenant. The tenant is selected once
 * the tenants are loaded. */
void                plaza_payment_dialog_set_tenant   (PlazaPaymentDialog *self,
                                                       gint64              tenant_id);
void                plaza_payment_dialog_set_amount_text (PlazaPaymentDialog *self,
                                                          const char         *text);
void                plaza_payment_dialog_set_date_text (PlazaPaymentDialog *self,
                                                        const char         *text);
void                plaza_payment_dialog_set_reference (PlazaPaymentDialog *self,
                                                        const char         *text);
/* "transfer", "cash", "pos" or "deposit_offset". */
void                plaza_payment_dialog_set_method   (PlazaPaymentDialog *self,
                                                       const char         *method);
void                plaza_payment_dialog_set_manual   (PlazaPaymentDialog *self,
                                                       gboolean            manual);
/* By hand: the amount for open line @index (oldest first). */
void                plaza_payment_dialog_set_line_text (PlazaPaymentDialog *self,
                                                        guint               index,
                                                        const char         *text);
guint               plaza_payment_dialog_get_n_lines  (PlazaPaymentDialog *self);
/* What stops saving ("" when it can be saved). */
const char         *plaza_payment_dialog_get_problem  (PlazaPaymentDialog *self);
/* TRUE while tenants or lines are loading, or while saving. */
gboolean            plaza_payment_dialog_get_busy     (PlazaPaymentDialog *self);
/* Does what Save does; FALSE when the input is not valid. */
gboolean            plaza_payment_dialog_save         (PlazaPaymentDialog *self);

G_END_DECLS
