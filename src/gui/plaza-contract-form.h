/* plaza-contract-form.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The contract editor's fields as plain text, checked and turned into the
 * rent engine's terms JSON without GTK: the editor copies its widgets into
 * one of these on every change. */
typedef struct
{
  /* name → text: start, end, rent_amount, percentage, escalation_months,
   * escalation_percent, deposit, late_fee_rate, late_fee_grace,
   * late_fee_cap; and the codes "model" (fixed, percentage, higher_of)
   * and "rent_unit" (m2_day, m2_month, month). Unset reads as "". */
  GHashTable *fields;
  GPtrArray  *fees;    /* GStrv { name, amount, unit } */
  GPtrArray  *free;    /* GStrv { from, to } */
  GPtrArray  *tiers;   /* GStrv { above, percent } */
  gint64      area;    /* hundredths of m², the units' sum */
  guint       n_units;
  gboolean    has_tenant;
} PlazaContractForm;

PlazaContractForm *plaza_contract_form_new      (void);
void               plaza_contract_form_free     (PlazaContractForm *form);
void               plaza_contract_form_set      (PlazaContractForm *form,
                                                 const char        *name,
                                                 const char        *text);
const char        *plaza_contract_form_get      (PlazaContractForm *form,
                                                 const char        *name);
void               plaza_contract_form_add_fee  (PlazaContractForm *form,
                                                 const char        *name,
                                                 const char        *amount,
                                                 const char        *unit);
void               plaza_contract_form_add_free (PlazaContractForm *form,
                                                 const char        *from,
                                                 const char        *to);
void               plaza_contract_form_add_tier (PlazaContractForm *form,
                                                 const char        *above,
                                                 const char        *percent);

/* Checks every field and builds the terms JSON. Returns NULL when a field
 * is not valid; @errors (may be NULL) then maps field names ("start",
 * "end", "tenant", "units", "rent_amount", "percentage", "tiers",
 * "escalation_months", "escalation_percent", "free", "fees", "deposit",
 * "late_fee_rate", "late_fee_grace", "late_fee_cap") to the reason in
 * words, one per field (the first found). A form without units
 * (area 0) gives NULL too. */
char              *plaza_contract_form_build    (PlazaContractForm *form,
                                                 GHashTable        *errors);

/* Amount in fen of a money field, 0 when empty or invalid. */
gint64             plaza_contract_form_money    (PlazaContractForm *form,
                                                 const char        *name);
/* A whole number field, @fallback when empty or invalid. */
gint64             plaza_contract_form_count    (PlazaContractForm *form,
                                                 const char        *name,
                                                 gint64             fallback);

/* "a..b, c..d" (@separator "..") or "0:8.00, 300000:9.50" (":") as a list
 * of two-string GStrv; commas or semicolons (also full-width) between. */
GPtrArray         *plaza_contract_form_split_pairs (const char *text,
                                                    const char *separator);

/* The form field a rent engine error message is about, or NULL. */
const char        *plaza_contract_form_field_for_engine_error (const char *message);

gboolean           plaza_contract_form_parse_date (const char *text,
                                                   GDate      *out);

/* Fills @form from a terms JSON object (the reverse of build): dates,
 * model, rent, percentage or tiers, escalation, rent-free periods, fees
 * and the area. Amounts given as whole JSON numbers read as text. */
gboolean           plaza_contract_form_load_terms (PlazaContractForm *form,
                                                   const char        *terms_json,
                                                   GError           **error);

/* The terms JSON of an amendment: @terms_json with empty "free" and
 * "fees" lists added when it has none, so that laying it over the terms
 * in force (plaza_contract_merge_terms) also drops the old lists. */
char              *plaza_contract_form_amendment_json (const char *terms_json);

/* What an amendment cannot say when laid over @before (amendments merge
 * member by member and cannot drop one): ending the escalation, or
 * switching between a flat percentage and tiers. Returns the reason and
 * sets @field to the form field, or NULL when there is no such change. */
char              *plaza_contract_form_amendment_problem (const char  *before,
                                                          const char  *amendment,
                                                          const char **field);

/* The schedule (PlazaRentPeriod) of a lease under @before up to the day
 * before @effective and under @after from @effective on, each part run as
 * plaza-contract-schedule.h describes (escalation from its own start; a
 * split month is one row, the sum of the parts); no sales. NULL with an
 * error when the engine refuses either terms. */
GArray            *plaza_contract_form_amended_schedule (const char  *before,
                                                         const char  *after,
                                                         const char  *effective,
                                                         GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlazaContractForm, plaza_contract_form_free)

G_END_DECLS
