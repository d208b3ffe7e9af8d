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
/* Saving renews contract @id (plaza_contract_renew) instead of creating.
 * The form is prefilled from it (tenant, units, model, rates, fees,
 * deposit, late fees) with start the day after @old_end and the end the
 * old length later. */
void                 plaza_contract_editor_set_renews (PlazaContractEditor *self,
                                                       gint64               id,
                                                       const char          *old_end);
/* Amend mode: the form opens with contract @id's terms in force (signed
 * terms with approved amendments merged), tenant, units, dates, deposit
 * and late fees locked, plus "effective" (required, inside the lease) and
 * "comment" fields. Saving submits plaza_contract_amend; "saved" carries
 * the amendment's event id. */
void                 plaza_contract_editor_set_amends (PlazaContractEditor *self,
                                                       gint64               contract_id,
                                                       gint64               rev);
/* TRUE while the pickers or the contract prefilled from are loading. */
gboolean             plaza_contract_editor_get_loading (PlazaContractEditor *self);

/* For tests and the command line: fields by name ("start", "end",
 * "rent_amount", "percentage", "escalation_months", "escalation_percent",
 * "deposit", "late_fee_rate", "late_fee_grace", "late_fee_cap"); "fee_name"
 * and "fee_amount" fill the first fee line; "free" ("a..b, c..d") and
 * "tiers" ("0:8.00, 300000:9.50") replace those rows. Counts as an edit. */
void                 plaza_contract_editor_set_field  (PlazaContractEditor *self,
                                                       const char          *name,
                                                       const char          *text);
/* The text of field @name as set_field() names them, or the code of a
 * choice ("model", "kind", "rent_unit", "fee_unit"); "tenant" is the
 * chosen tenant's id in decimal, "" when none. */
char                *plaza_contract_editor_dup_field  (PlazaContractEditor *self,
                                                       const char          *name);
/* Whether the user can change field @name (amend mode locks the parties,
 * the lease dates, the deposit and late fees). */
gboolean             plaza_contract_editor_get_field_locked (PlazaContractEditor *self,
                                                             const char          *name);
/* Appends a fee line (@unit: m2_day, m2_month, month). */
void                 plaza_contract_editor_add_fee    (PlazaContractEditor *self,
                                                       const char          *name,
                                                       const char          *amount,
                                                       const char          *unit);
/* Lines in "fees", "free" or "tiers". */
guint                plaza_contract_editor_get_n_rows (PlazaContractEditor *self,
                                                       const char          *section);
/* The reason field @name is not valid, or NULL; as of the last preview.
 * "fees", "free" and "tiers" hold the reasons of their lines. */
const char          *plaza_contract_editor_get_error  (PlazaContractEditor *self,
                                                       const char          *name);
/* Whether that reason is shown: only once the field was edited, or after
 * a Save. */
gboolean             plaza_contract_editor_get_error_shown (PlazaContractEditor *self,
                                                            const char          *name);
/* "model": fixed, percentage, higher_of; "kind": lease, concession;
 * "rent_unit" and "fee_unit" (the first fee line): m2_day, m2_month, month. */
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
