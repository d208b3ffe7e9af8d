/* plaza-contract-editor.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "plaza-worker.h"

G_BEGIN_DECLS

#define PLAZA_TYPE_CONTRACT_EDITOR (plaza_contract_editor_get_type ())
G_DECLARE_FINAL_TYPE (PlazaContractEditor, plaza_contract_editor, PLAZA, CONTRACT_EDITOR, AdwWindow)

/* A modal editor for a new draft, transient for @parent. Emits "saved" with
 * the new contract's id, then closes. */
PlazaContractEditor *plaza_contract_editor_new        (GtkWindow           *parent,
                                                       PlazaWorker         *worker);
/* Saving renews contract @id (plaza_contract_renew) instead of creating. */
void                 plaza_contract_editor_set_renews (PlazaContractEditor *self,
                                                       gint64               id,
                                                       const char          *old_end);
gboolean             plaza_contract_editor_get_loading (PlazaContractEditor *self);

/* For tests and the command line: fields by name ("start", "end",
 * "rent_amount", "percentage", "tiers", "escalation_months",
 * "escalation_percent", "free", "fee_name", "fee_amount", "deposit",
 * "late_fee_rate", "late_fee_grace", "late_fee_cap"). */
void                 plaza_contract_editor_set_field  (PlazaContractEditor *self,
                                                       const char          *name,
                                                       const char          *text);
/* The reason under field @name, or NULL when it is valid. */
const char          *plaza_contract_editor_get_error  (PlazaContractEditor *self,
                                                       const char          *name);
/* "model": fixed, percentage, higher_of; "rent_unit": m2_day, m2_month, month. */
void                 plaza_contract_editor_set_choice (PlazaContractEditor *self,
                                                       const char          *name,
                                                       const char          *value);
void                 plaza_contract_editor_select_tenant (PlazaContractEditor *self,
                                                          gint64               tenant_id);
void                 plaza_contract_editor_select_unit   (PlazaContractEditor *self,
                                                          gint64               unit_id,
                                                          gboolean             selected);
gint64               plaza_contract_editor_get_area   (PlazaContractEditor *self);
/* The previewed schedule (PlazaRentPeriod), NULL when the terms are invalid. */
GArray              *plaza_contract_editor_get_schedule (PlazaContractEditor *self);
/* Recomputes now instead of after the typing pause. */
void                 plaza_contract_editor_update_preview (PlazaContractEditor *self);
/* The text shown after a failed save, or NULL. */
const char          *plaza_contract_editor_get_save_error (PlazaContractEditor *self);
void                 plaza_contract_editor_save       (PlazaContractEditor *self);

/* Fills @grid with a schedule table: month, days, base rent, fees, total. */
void                 plaza_contract_editor_fill_schedule_table (GtkGrid *grid,
                                                                GArray  *schedule);

G_END_DECLS
