/* plaza-contract-filter.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The contracts page's filter bar: state, floor and "expiring within N
 * days", combined with the page's search, in memory on the loaded rows.
 */

#pragma once

#include <gtk/gtk.h>

#include "plaza-list-page.h"

G_BEGIN_DECLS

#define PLAZA_TYPE_CONTRACT_FILTER (plaza_contract_filter_get_type ())
G_DECLARE_FINAL_TYPE (PlazaContractFilter, plaza_contract_filter, PLAZA, CONTRACT_FILTER, GtkBox)

/* Makes the bar and installs it on @page (a contracts list page), which
 * then owns it. */
PlazaContractFilter *plaza_contract_filter_new     (PlazaListPage *page);

/* NULL for every state, else a state code ('active'). */
void        plaza_contract_filter_set_state         (PlazaContractFilter *self,
                                                     const char          *state);
/* NULL for every floor, else a floor label ('1F') present in the rows;
 * FALSE when no row has that floor. */
gboolean    plaza_contract_filter_set_floor         (PlazaContractFilter *self,
                                                     const char          *floor);
/* 0 for any end date; else active contracts ending between today and
 * @days from today, both inclusive. 30, 60 and 90 pick the presets,
 * other values the custom spin. */
void        plaza_contract_filter_set_expiring_within (PlazaContractFilter *self,
                                                       guint                days);
/* The floor labels offered (without "All floors"), lowest level first. */
GStrv       plaza_contract_filter_dup_floors        (PlazaContractFilter *self);
/* Whether @record passes the bar's filters (not the search). */
gboolean    plaza_contract_filter_matches           (PlazaContractFilter *self,
                                                     PlazaRecord         *record);

G_END_DECLS
