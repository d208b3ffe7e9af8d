/* plaza-contract-alerts.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Expiry alerts for the overview: active contracts ending within the
 * largest window (90/60/30 days unless the setting 'alerts.expiry_days'
 * says otherwise, e.g. "120,60,14"), each with the smallest window it falls
 * in, and renewal-notice deadlines (the end date minus the contract's
 * renewal_notice_months, clamped to the month's last day) that fall between
 * today and 30 days from today, both inclusive.
 */

#pragma once

#include "plaza-store.h"

G_BEGIN_DECLS

#define PLAZA_RENEWAL_NOTICE_LOOKAHEAD_DAYS 30

typedef enum
{
  PLAZA_CONTRACT_ALERT_EXPIRY,          /* the contract ends on @date */
  PLAZA_CONTRACT_ALERT_RENEWAL_NOTICE,  /* notice of renewal is due by @date */
} PlazaContractAlertKind;

typedef struct
{
  PlazaContractAlertKind  kind;
  gint64                  contract_id;
  char                   *code;
  char                   *tenant;
  char                   *end_date;   /* the contract's end */
  char                   *date;       /* end date, or notice deadline */
  guint                   days_left;  /* from today to @date */
  guint                   window;     /* expiry: the smallest window ≥ days_left; notice: 0 */
} PlazaContractAlert;

void      plaza_contract_alert_free          (PlazaContractAlert *alert);

/* "90,60,30" → the windows, largest first, no duplicates. FALSE with
 * PLAZA_STORE_ERROR_INVALID on anything but positive whole days. */
gboolean  plaza_contract_alerts_parse_windows (const char  *text,
                                               GArray     **out_windows,
                                               GError     **error);

/* Alerts as of @today (YYYY-MM-DD), ordered by date then code. @windows may
 * be NULL (n_windows 0): then the setting, or 90/60/30 when it is unset or
 * not valid. */
gboolean  plaza_contract_alerts              (PlazaStore   *store,
                                              const char   *today,
                                              const guint  *windows,
                                              guint         n_windows,
                                              GPtrArray   **out,
                                              GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlazaContractAlert, plaza_contract_alert_free)

G_END_DECLS
