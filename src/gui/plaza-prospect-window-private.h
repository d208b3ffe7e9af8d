/* plaza-prospect-window-private.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by plaza-prospect-window.c (details, stages, the log) and
 * plaza-prospect-window-offer.c (the offer form and the draft contract).
 */

#pragma once

#include "plaza-prospect-window.h"

G_BEGIN_DECLS

struct _PlazaProspectWindow
{
  AdwWindow        parent_instance;

  PlazaWorker     *worker;
  GCancellable    *cancellable;
  gint64           id;
  PlazaProspect   *prospect;
  GPtrArray       *log;        /* PlazaNegotiation */
  GPtrArray       *units;      /* PlazaLeasingPlanUnit offered in the unit row */
  guint            busy;
  char            *error;
  GHashTable      *fields;     /* name → GtkWidget (not owned) */
  gint64           seq;        /* plaza_change_log_last_seq() at the load */

  AdwToastOverlay *toasts;
  AdwWindowTitle  *title;
  AdwPreferencesGroup *details;
  GtkWidget       *detail_rows[12];   /* value labels */
  GtkWidget       *detail_titles[12];
  GtkLabel        *stage_label;
  GtkWidget       *back_button;
  GtkWidget       *advance_button;
  GtkWidget       *drop_button;
  GtkListBox      *log_list;
  GtkWidget       *offer_group;
  GtkLabel        *offer_error;
  GtkWidget       *make_button;
};

void plaza_prospect_window_set_busy   (PlazaProspectWindow *self,
                                       gboolean             busy);
void plaza_prospect_window_show_error (PlazaProspectWindow *self,
                                       const char          *what,
                                       const GError        *error);
void plaza_prospect_window_reload     (PlazaProspectWindow *self);
/* Builds the offer group; called once from init. */
GtkWidget *plaza_prospect_window_build_offer (PlazaProspectWindow *self);
/* Refills the unit row and the defaults after a load. */
void plaza_prospect_window_update_offer (PlazaProspectWindow *self);
void plaza_prospect_window_make_contract (PlazaProspectWindow *self);
/* Adds the offer (in words and as JSON) to the negotiation log. */
void plaza_prospect_window_record_offer  (PlazaProspectWindow *self);
/* Emits "changed". */
void plaza_prospect_window_emit_changed  (PlazaProspectWindow *self);
/* Emits "changed" and "contract-created". */
void plaza_prospect_window_emit_contract_created (PlazaProspectWindow *self,
                                                  gint64               contract_id);
void plaza_prospect_window_add_field (PlazaProspectWindow *self,
                                      const char          *name,
                                      GtkWidget           *widget);

G_END_DECLS
