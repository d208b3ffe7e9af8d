/* plaza-billing-page.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "plaza-list-page.h"
#include "plaza-worker.h"

G_BEGIN_DECLS

#define PLAZA_TYPE_BILLING_PAGE (plaza_billing_page_get_type ())
G_DECLARE_FINAL_TYPE (PlazaBillingPage, plaza_billing_page, PLAZA, BILLING_PAGE, AdwBin)

GtkWidget     *plaza_billing_page_new           (void);
void           plaza_billing_page_set_worker    (PlazaBillingPage *self,
                                                 PlazaWorker      *worker);
/* Loads the view on show if its data changed or was never loaded. */
void           plaza_billing_page_ensure_loaded (PlazaBillingPage *self);
void           plaza_billing_page_invalidate    (PlazaBillingPage *self);
/* "bills", "payments", "arrears" or "run"; FALSE if unknown. */
gboolean       plaza_billing_page_set_view      (PlazaBillingPage *self,
                                                 const char       *name);
const char    *plaza_billing_page_get_view      (PlazaBillingPage *self);
/* TRUE while a view's data is being loaded or written. */
gboolean       plaza_billing_page_get_busy      (PlazaBillingPage *self);

/* For tests and other pages. */
PlazaListPage *plaza_billing_page_get_bills     (PlazaBillingPage *self);
/* The arrears rows shown (PlazaArrearsRow, the total row last); NULL
 * before they are loaded. */
GPtrArray     *plaza_billing_page_get_arrears   (PlazaBillingPage *self);
/* The recent payments (PlazaPaymentRow) and the bill run preview
 * (PlazaBill); NULL before they are loaded. */
GPtrArray     *plaza_billing_page_get_payments  (PlazaBillingPage *self);
GPtrArray     *plaza_billing_page_get_preview   (PlazaBillingPage *self);
/* The arrears table as shown (PlazaRecord items, id = tenant, 0 for the
 * total row), and sorting it by column @column (0 = tenant, 1 = current
 * … 6 = total, 7 = late fee, 8 = credit). */
GListModel    *plaza_billing_page_get_arrears_model (PlazaBillingPage *self);
void           plaza_billing_page_sort_arrears  (PlazaBillingPage *self,
                                                 guint             column,
                                                 gboolean          descending);
/* What "Dunning Letters…" and "Bill Late Fees" do after their dialogs,
 * at the arrears view's date, for @tenant_ids (gint64; NULL or empty: every
 * tenant overdue). A toast says what was done. */
void           plaza_billing_page_write_dunning (PlazaBillingPage *self,
                                                 const char       *path,
                                                 GArray           *tenant_ids);
void           plaza_billing_page_bill_late_fees (PlazaBillingPage *self,
                                                  GArray           *tenant_ids);
void           plaza_billing_page_set_run_month (PlazaBillingPage *self,
                                                 const char       *month);
void           plaza_billing_page_preview_run   (PlazaBillingPage *self);
/* Issues the bills of @month without asking (what the Issue… dialog
 * does); the views reload. */
void           plaza_billing_page_issue_run     (PlazaBillingPage *self,
                                                 const char       *month);
/* Opens the Record Payment dialog (returned, owned by GTK). */
GtkWindow     *plaza_billing_page_record_payment (PlazaBillingPage *self);
/* Reverses @payment_id without asking (the Reverse… dialog calls this). */
void           plaza_billing_page_reverse_payment (PlazaBillingPage *self,
                                                   gint64            payment_id,
                                                   const char       *reason);

G_END_DECLS
