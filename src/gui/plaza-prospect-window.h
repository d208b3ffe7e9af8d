/* plaza-prospect-window.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "plaza-prospect.h"
#include "plaza-worker.h"

G_BEGIN_DECLS

#define PLAZA_TYPE_PROSPECT_WINDOW (plaza_prospect_window_get_type ())
G_DECLARE_FINAL_TYPE (PlazaProspectWindow, plaza_prospect_window, PLAZA, PROSPECT_WINDOW, AdwWindow)

/* A prospect in its own window: details, stage buttons, the negotiation
 * log and the offer form with "Create Draft Contract". Every write goes
 * through @worker; "changed" is emitted after each, "contract-created"
 * (gint64 id) after the draft is made (the window then opens it in the
 * contract detail when @parent is the main window).
 *
 * Widget actions: prospect.advance, prospect.back, prospect.drop (asks
 * for the reason), prospect.add-entry, prospect.record-offer (the offer
 * into the log; the form starts from the last one recorded),
 * prospect.make-contract, prospect.reload. */
PlazaProspectWindow *plaza_prospect_window_new          (GtkWindow           *parent,
                                                         PlazaWorker         *worker,
                                                         gint64               prospect_id);
gint64               plaza_prospect_window_get_id       (PlazaProspectWindow *self);
/* TRUE while a load or a write is under way. */
gboolean             plaza_prospect_window_get_busy     (PlazaProspectWindow *self);
/* The prospect as last loaded, or NULL before the first load. */
const PlazaProspect *plaza_prospect_window_get_prospect (PlazaProspectWindow *self);
/* The negotiation log as last loaded (PlazaNegotiation), or NULL. */
GPtrArray           *plaza_prospect_window_get_log      (PlazaProspectWindow *self);
/* The last error shown in words, or NULL. */
const char          *plaza_prospect_window_get_error    (PlazaProspectWindow *self);
/* Drops the prospect with @reason (what prospect.drop does once asked). */
void                 plaza_prospect_window_drop         (PlazaProspectWindow *self,
                                                         const char          *reason);

/* For tests: a form field by name. Log: "log-date", "log-who",
 * "log-offer", "log-next", "log-next-date" (GtkEditable). Offer: "model"
 * and "rent-unit" and "unit" (AdwComboRow), "rent", "percentage",
 * "start", "end", "free-months", "deposit" (GtkEditable). */
GtkWidget           *plaza_prospect_window_get_field    (PlazaProspectWindow *self,
                                                         const char          *name);

G_END_DECLS
