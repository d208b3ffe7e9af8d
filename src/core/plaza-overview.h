/* plaza-overview.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The counts that matter today, for the overview page.
 */

#pragma once

#include "plaza-store.h"

G_BEGIN_DECLS

typedef struct
{
  char   *mall_name;              /* settings 'mall.name' */
  gint64  units_total;            /* units not retired */
  gint64  units_vacant;
  gint64  rentable_area;          /* hundredths of m² */
  gint64  leased_area;            /* under an active contract today */
  gint64  occupancy_bp;           /* leased ÷ rentable, basis points */
  gint64  contracts_active;
  gint64  contracts_expiring_90;  /* active, ending within 90 days of today */
  gint64  contracts_awaiting;     /* draft or submitted */
  gint64  arrears_fen;            /* issued and due before today, unpaid */
  gint64  tenants_in_arrears;
  gint64  promotions_upcoming;    /* approved, starting within 30 days */
  gint64  sales_last_month_fen;   /* from sales_monthly */
  gint64  fitout_overdue;         /* plaza_fitout_overdue() items today */
  gint64  licences_expiring;      /* business licences expired or ending within 60 days */
} PlazaOverview;

/* @today: the day to count from (the app's clock). */
gboolean plaza_overview_compute (PlazaStore    *store,
                                 const GDate   *today,
                                 PlazaOverview *out,
                                 GError       **error);
void     plaza_overview_clear   (PlazaOverview *overview);

G_END_DECLS
