/* plaza-contract-editor-private.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The contract editor's instance, shared by plaza-contract-editor.c (the
 * type, preview, saving, public API) and plaza-contract-editor-ui.c (the
 * form's widgets, the fee, rent-free and tier rows, loading the pickers).
 */

#pragma once

#include "plaza-contract-editor.h"
#include "plaza-contract-form.h"

G_BEGIN_DECLS

struct _PlazaContractEditor
{
  AdwWindow         parent_instance;

  /* Widgets */
  GtkDropDown      *tenant_dropdown;
  GtkStringList    *tenant_names;
  GtkListBox       *unit_list;
  GtkSearchEntry   *unit_search;
  GtkLabel         *area_label;
  GtkDropDown      *kind_dropdown;
  GtkDropDown      *basis_dropdown;  /* rent on rentable or gross area */
  GtkDropDown      *model_dropdown;
  GtkDropDown      *rent_unit_dropdown;
  GtkBox           *fees_box;
  GtkBox           *free_box;
  GtkBox           *tiers_box;
  GHashTable       *entries;   /* name → GtkEntry */
  GHashTable       *errors;    /* name → GtkLabel */
  GtkGrid          *table;
  GtkWidget        *chart;
  GtkLabel         *preview_status;
  GtkLabel         *save_error;
  GtkButton        *save_button;
  GtkSpinner       *spinner;

  /* Owned */
  PlazaWorker      *worker;
  GCancellable     *cancellable;
  GArray           *tenant_ids;
  GArray           *schedule;
  char             *terms_json;
  GHashTable       *reasons;   /* name → reason, valid or not shown */
  GHashTable       *touched;   /* names the user has edited */

  gint64            renews_id;
  gint64            amends_id;    /* amend mode: the contract amended */
  gint64            amends_rev;
  gint64            source_id;    /* the contract prefilled from, or 0 */
  gpointer          source;       /* loaded, not yet applied */
  gboolean          source_pending;
  char             *before_json;  /* amend mode: the terms in force */
  char             *lease_start;  /* amend mode: the lease's days */
  char             *lease_end;
  gint64            terms_area;   /* amend mode: the area of the terms */
  gint64            area;
  guint             n_units;
  guint             debounce_id;
  gboolean          loading;
  gboolean          saving;
  gboolean          show_all;  /* after a Save with errors */
};

extern const char * const plaza_contract_editor_kind_codes[];
extern const char * const plaza_contract_editor_model_codes[];
extern const char * const plaza_contract_editor_unit_codes[];

/* plaza-contract-editor-ui.c */
void        plaza_contract_editor_build_ui     (PlazaContractEditor *self);
void        plaza_contract_editor_load_pickers (PlazaContractEditor *self);
/* Appends a row to @section ("fees", "free" or "tiers"); @unit only for fees. */
GtkWidget  *plaza_contract_editor_append_row   (PlazaContractEditor *self,
                                                const char          *section,
                                                const char          *a,
                                                const char          *b,
                                                const char          *unit);
void        plaza_contract_editor_clear_rows   (PlazaContractEditor *self,
                                                const char          *section);
GtkBox     *plaza_contract_editor_section_box  (PlazaContractEditor *self,
                                                const char          *section);
const char *plaza_contract_editor_choice       (GtkDropDown         *dropdown,
                                                const char * const  *codes);

/* plaza-contract-editor-ui.c: shows or hides a form row with its label. */
void        plaza_contract_editor_show_row     (PlazaContractEditor *self,
                                                const char          *name,
                                                gboolean             visible);
/* Makes a form row read-only (an amendment keeps the parties and dates). */
void        plaza_contract_editor_lock_row     (PlazaContractEditor *self,
                                                GtkWidget           *widget);

/* plaza-contract-editor-prefill.c: loads contract @id through the worker
 * and fills the form once the pickers are in. */
void        plaza_contract_editor_load_source  (PlazaContractEditor *self,
                                                gint64               id);
void        plaza_contract_editor_apply_source (PlazaContractEditor *self);
void        plaza_contract_editor_free_source  (gpointer             source);

/* plaza-contract-editor.c */
void        plaza_contract_editor_changed      (PlazaContractEditor *self);
void        plaza_contract_editor_touch        (PlazaContractEditor *self,
                                                const char          *name);
void        plaza_contract_editor_update_area  (PlazaContractEditor *self);
extern const char * const plaza_contract_editor_basis_codes[];

G_END_DECLS
