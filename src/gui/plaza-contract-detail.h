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
/* The schedule of the stored contract (PlazaScheduleRow, see
 * plaza-contract-schedule.h) with approved amendments and a termination,
 * as last loaded; NULL before or when the engine refused the terms. */
GArray                  *plaza_contract_detail_get_schedule (PlazaContractDetail *self);
/* Pending amendment @event_id approved or rejected as its buttons do;
 * rejecting needs a @comment. FALSE (and a message) when not started. */
gboolean                 plaza_contract_detail_decide_amendment (PlazaContractDetail *self,
                                                                 gint64               event_id,
                                                                 gboolean             approve,
                                                                 const char          *comment);
/* Attachments (PlazaAttachment) as last loaded, oldest first. */
GPtrArray               *plaza_contract_detail_get_attachments (PlazaContractDetail *self);
/* Why attachment number @index cannot be opened (missing or changed), or
 * NULL when its file is as stored. */
const char              *plaza_contract_detail_get_attachment_problem (PlazaContractDetail *self,
                                                                       guint                index);
/* "Add…": copies @path beside the database and lists it. */
gboolean                 plaza_contract_detail_add_attachment (PlazaContractDetail *self,
                                                               const char          *path);
/* "Open": checks the stored copy, then launches the default application;
 * a missing or changed file is reported through get_error(). */
gboolean                 plaza_contract_detail_open_attachment (PlazaContractDetail *self,
                                                                gint64               attachment_id);
/* "Export PDF…" after the file chooser: writes the summary to @path. */
gboolean                 plaza_contract_detail_export_pdf (PlazaContractDetail *self,
                                                           const char          *path);
/* The last success message ("Saved to …"), or NULL. */
const char              *plaza_contract_detail_get_status (PlazaContractDetail *self);
/* The note under the schedule (amendments from which month, termination),
 * "" when none. */
const char              *plaza_contract_detail_get_schedule_note (PlazaContractDetail *self);
/* The terms section as shown, one label a line (for tests). */
char                    *plaza_contract_detail_dup_terms_text (PlazaContractDetail *self);

G_END_DECLS
