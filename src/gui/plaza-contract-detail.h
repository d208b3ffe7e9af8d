/* plaza-contract-detail.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "plaza-contract-view.h"
#include "plaza-worker.h"

G_BEGIN_DECLS

#define PLAZA_TYPE_CONTRACT_DETAIL (plaza_contract_detail_get_type ())
G_DECLARE_FINAL_TYPE (PlazaContractDetail, plaza_contract_detail, PLAZA, CONTRACT_DETAIL, AdwWindow)

/* Loads contract @id through @worker. Emits "changed" after each step. */
PlazaContractDetail     *plaza_contract_detail_new     (GtkWindow           *parent,
                                                        PlazaWorker         *worker,
                                                        gint64               id);
void                     plaza_contract_detail_reload  (PlazaContractDetail *self);
gboolean                 plaza_contract_detail_get_busy (PlazaContractDetail *self);
/* The contract as last loaded, NULL before. */
const PlazaContractView *plaza_contract_detail_get_view (PlazaContractDetail *self);
/* The last step's error message, or NULL. */
const char              *plaza_contract_detail_get_error (PlazaContractDetail *self);
/* Runs a step as its button does: "submit", "approve", "reject",
 * "activate", "terminate", "renew", "amend"; FALSE when not allowed now.
 * @comment is the reason (reject, terminate) or amendment comment; @date
 * the termination or amendment effective date; @terms the amendment's. */
gboolean                 plaza_contract_detail_run_step (PlazaContractDetail *self,
                                                         const char          *step,
                                                         const char          *comment,
                                                         const char          *date,
                                                         const char          *terms);

G_END_DECLS
