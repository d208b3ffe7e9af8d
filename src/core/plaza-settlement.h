/* plaza-settlement.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 联营 settlement (月结清单, issue 7): for a concession contract (kind
 * 'concession') the mall's tills take the tenant's sales, and each month
 * the mall pays the tenant its takings less the mall's share and the
 * deductions. The sheet: sales of the month (sales_daily of the contract's
 * units), the commission (扣点: the contract's percentage or tiers of the
 * rent engine) or the guaranteed minimum when higher (保底), deductions
 * (the month's fee lines, promotion fees, and other charges billed to the
 * contract that month), and the amount payable to the tenant. Worked out
 * with integers (fen), each line rounded once as the rent engine does.
 */

#pragma once

#include <glib.h>

#include "plaza-store.h"

G_BEGIN_DECLS

typedef struct
{
  char   *label;     /* translated, e.g. "Property management fee" */
  char   *doc_label; /* in Chinese for the sheet: the bill line's description */
  gint64  amount;    /* fen, positive = deducted from what the tenant gets */
} PlazaSettlementLine;

typedef struct
{
  gint64     contract_id;
  char      *contract_code;
  gint64     tenant_id;
  char      *tenant_code;
  char      *tenant_name;
  char       month[8];
  gint64     sales;           /* fen */
  gboolean   sales_estimated; /* some days estimated */
  gint64     commission;      /* the percentage (or tier) commission */
  gint64     minimum;         /* the guaranteed minimum for the month, 0 if none */
  gint64     mall_share;      /* max (commission, minimum) */
  GPtrArray *deductions;      /* PlazaSettlementLine */
  gint64     deductions_total;
  gint64     payable;         /* sales − mall_share − deductions (may be negative: owed to the mall) */
} PlazaSettlement;

void              plaza_settlement_free  (PlazaSettlement *s);

/* The sheet of concession contract @contract_id for @month ('YYYY-MM').
 * Fails (INVALID, translated) for a lease contract or a month outside the
 * contract. */
PlazaSettlement  *plaza_settlement_compute (PlazaStore  *store,
                                            gint64       contract_id,
                                            const char  *month,
                                            GError     **error);
/* Every concession contract in force in @month, by contract code. */
gboolean          plaza_settlement_compute_all (PlazaStore  *store,
                                                const char  *month,
                                                GPtrArray  **sheets,
                                                GError     **error);
/* One sheet per page (PDF, Chinese with the letterhead of plaza-dunning.h)
 * or one row per sheet plus a deductions sheet (XLSX), by @path's
 * extension. */
gboolean          plaza_settlement_write   (PlazaStore  *store,
                                            GPtrArray   *sheets,
                                            const char  *path,
                                            GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlazaSettlement, plaza_settlement_free)

G_END_DECLS
