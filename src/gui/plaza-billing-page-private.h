/* plaza-billing-page-private.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the files of PlazaBillingPage: plaza-billing-page.c (the view
 * switcher, loading), -payments.c, -arrears.c and -run.c (one view each).
 */

#pragma once

#include "charts/plaza-chart-view.h"
#include "plaza-billing-page.h"

#include "plaza-record-column.h"

G_BEGIN_DECLS

typedef enum
{
  BILLING_VIEW_BILLS,
  BILLING_VIEW_PAYMENTS,
  BILLING_VIEW_ARREARS,
  BILLING_VIEW_RUN,
  BILLING_N_VIEWS
} BillingView;

struct _PlazaBillingPage
{
  AdwBin            parent_instance;

  AdwViewStack     *stack;
  AdwToastOverlay  *toasts;
  GtkWidget        *views[BILLING_N_VIEWS];
  PlazaListPage    *bills;

  /* payments */
  GtkColumnView    *payments_view;
  GListStore       *payments_store;
  GtkSingleSelection *payments_selection;
  GtkStack         *payments_stack;
  AdwStatusPage    *payments_status;
  GtkWidget        *reverse_button;
  GPtrArray        *payments;

  /* arrears */
  GtkEntry         *arrears_date;
  GtkColumnView    *arrears_view;
  GListStore       *arrears_store;
  GtkMultiSelection *arrears_selection;
  GtkStack         *arrears_stack;
  AdwStatusPage    *arrears_status;
  PlazaChartView   *arrears_chart;
  GtkWidget        *dunning_button;
  GtkWidget        *late_fee_button;
  GtkLabel         *arrears_error;
  GPtrArray        *arrears;
  char             *arrears_as_of;

  /* bill run */
  GtkEntry         *run_month;
  GtkLabel         *run_error;
  GtkLabel         *run_summary;
  GtkColumnView    *run_view;
  GListStore       *run_store;
  GtkStack         *run_stack;
  AdwStatusPage    *run_status;
  GtkLabel         *run_skipped;
  GtkWidget        *issue_button;
  GPtrArray        *preview;
  char             *preview_month;

  PlazaWorker      *worker;
  GCancellable     *cancellable;
  gboolean          loaded[BILLING_N_VIEWS];
  guint             busy;
};

/* plaza-billing-page.c */
void       plaza_billing_page_busy_push     (PlazaBillingPage *self);
void       plaza_billing_page_busy_pop      (PlazaBillingPage *self);
void       plaza_billing_page_toast         (PlazaBillingPage *self,
                                             const char       *text);
char      *plaza_billing_page_today         (void);

/* plaza-billing-page-payments.c */
GtkWidget *plaza_billing_payments_build     (PlazaBillingPage *self);
void       plaza_billing_payments_load      (PlazaBillingPage *self);
/* plaza-billing-page-arrears.c */
GtkWidget *plaza_billing_arrears_build      (PlazaBillingPage *self);
void       plaza_billing_arrears_load       (PlazaBillingPage *self);
/* plaza-billing-page-run.c */
GtkWidget *plaza_billing_run_build          (PlazaBillingPage *self);
void       plaza_billing_run_load           (PlazaBillingPage *self);

G_END_DECLS
