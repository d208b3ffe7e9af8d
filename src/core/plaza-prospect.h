/* plaza-prospect.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The leasing pipeline (招商): prospects moving through the stages
 * 接洽 contact → 洽谈 negotiation → 意向 intent → 审批 approval → 签约
 * signed, or 放弃 dropped with a reason from any open stage; the
 * negotiation log; and an offer turned into a draft contract in one step.
 *
 * A stage move is allowed one step forward, one step back, or to dropped
 * from an open stage (not from signed or dropped). Every write is one
 * plaza_store_write() logged to change_log (entity "prospect"; stage moves
 * with action "stage", which is also how long a prospect has been in its
 * stage is found).
 */

#pragma once

#include "plaza-store.h"

G_BEGIN_DECLS

typedef enum
{
  PLAZA_PROSPECT_CONTACT,     /* 接洽 */
  PLAZA_PROSPECT_NEGOTIATION, /* 洽谈 */
  PLAZA_PROSPECT_INTENT,      /* 意向 */
  PLAZA_PROSPECT_APPROVAL,    /* 审批 */
  PLAZA_PROSPECT_SIGNED,      /* 签约 */
  PLAZA_PROSPECT_DROPPED,     /* 放弃 */
} PlazaProspectStage;

#define PLAZA_PROSPECT_N_STAGES 6

/* "contact", "negotiation", … as in prospects.stage. */
const char *plaza_prospect_stage_code  (PlazaProspectStage  stage);
gboolean    plaza_prospect_stage_parse (const char         *code,
                                        PlazaProspectStage *out);
/* Translated name ("Contact" / 接洽 …). */
const char *plaza_prospect_stage_label (PlazaProspectStage  stage);
/* Whether a prospect in @from may move to @to. */
gboolean    plaza_prospect_can_move    (PlazaProspectStage  from,
                                        PlazaProspectStage  to);

typedef struct
{
  gint64              id;
  char               *name;
  gint64              brand_id;       /* 0 when none */
  char               *brand;          /* "" when none */
  gint64              category_id;
  char               *category;
  gint64              wanted_area;    /* hundredths of m² */
  char               *contact;
  char               *phone;
  char               *source;
  PlazaProspectStage  stage;
  char               *drop_reason;
  gint64              target_unit_id; /* 0 when none */
  char               *target_unit;    /* unit code, "" when none */
  gint64              contract_id;    /* 0 until a draft is made */
  char               *contract_code;
  char               *owner;
  char               *created_at;
  char               *stage_since;    /* YYYY-MM-DD the stage was entered */
  gint64              days_in_stage;  /* up to the @today given */
  gint64              rev;
} PlazaProspect;

void plaza_prospect_free (PlazaProspect *prospect);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlazaProspect, plaza_prospect_free)

/* A new prospect (stage contact). */
typedef struct
{
  const char *name;          /* required */
  gint64      brand_id;      /* 0: none */
  gint64      category_id;   /* 0: none */
  gint64      wanted_area;
  const char *contact;
  const char *phone;
  const char *source;
  gint64      target_unit_id;
  const char *owner;
} PlazaProspectNew;

gint64         plaza_prospect_create (PlazaStore              *store,
                                      const PlazaProspectNew  *fields,
                                      GError                 **error);
/* The prospect, or NULL with PLAZA_STORE_ERROR_NOT_FOUND. @today
 * (YYYY-MM-DD) is for days_in_stage; NULL means today. */
PlazaProspect *plaza_prospect_get    (PlazaStore  *store,
                                      gint64       id,
                                      const char  *today,
                                      GError     **error);
/* All prospects (PlazaProspect), by stage then newest first; @today as
 * for plaza_prospect_get(). */
GPtrArray     *plaza_prospect_list   (PlazaStore  *store,
                                      const char  *today,
                                      GError     **error);
/* Moves @id (at @rev) to @to; @reason is required for dropped and kept as
 * drop_reason. A move that is not allowed fails with INVALID; a stale rev
 * with CONFLICT. */
gboolean       plaza_prospect_move   (PlazaStore          *store,
                                      gint64               id,
                                      gint64               rev,
                                      PlazaProspectStage   to,
                                      const char          *reason,
                                      GError             **error);

/* One entry of the negotiation log (洽谈记录). */
typedef struct
{
  gint64  id;
  gint64  prospect_id;
  char   *date;        /* YYYY-MM-DD */
  char   *who;
  char   *offer;       /* what was offered, in words */
  char   *next_step;
  char   *next_date;   /* YYYY-MM-DD or "" (negotiations.next_date) */
  gint64  offer_rent;  /* the rent offered, fen a month; -1 when none was */
  char   *offer_json;  /* a PlazaProspectOffer as JSON, or NULL */
} PlazaNegotiation;

void plaza_negotiation_free (PlazaNegotiation *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlazaNegotiation, plaza_negotiation_free)

/* Appends an entry; @offer_json (may be NULL) is stored with it, and the
 * rent offered is its monthly rent (plaza_prospect_offer_monthly_rent;
 * none without an offer or for a percentage offer). */
gint64     plaza_prospect_add_negotiation   (PlazaStore  *store,
                                             gint64       prospect_id,
                                             const char  *date,
                                             const char  *who,
                                             const char  *offer,
                                             const char  *next_step,
                                             const char  *next_date,
                                             const char  *offer_json,
                                             GError     **error);
/* The same with the rent offered, @offer_rent fen a month (-1: none, or
 * the offer's when @offer_json is given); a negative rent other than -1 or
 * zero is INVALID. */
gint64     plaza_prospect_add_negotiation_with_rent (PlazaStore  *store,
                                                     gint64       prospect_id,
                                                     const char  *date,
                                                     const char  *who,
                                                     const char  *offer,
                                                     const char  *next_step,
                                                     const char  *next_date,
                                                     gint64       offer_rent,
                                                     const char  *offer_json,
                                                     GError     **error);
/* The log, oldest first (PlazaNegotiation). */
GPtrArray *plaza_prospect_list_negotiations (PlazaStore  *store,
                                             gint64       prospect_id,
                                             GError     **error);

/* An offer (报价): the terms proposed to the prospect. */
typedef struct
{
  char   *model;          /* "fixed", "percentage", "higher_of" */
  gint64  rent;           /* fen per rent_unit (0 with model percentage) */
  char   *rent_unit;      /* "m2_day", "m2_month", "month" */
  gint64  percentage_bp;  /* 扣点, for percentage and higher_of */
  GArray *unit_ids;       /* gint64 */
  char   *start_date;     /* YYYY-MM-DD */
  char   *end_date;
  guint   free_months;    /* rent-free months from the start */
  gint64  deposit;        /* fen */
  gint64  monthly_rent;   /* fen, indicative; 0: worked out */
} PlazaProspectOffer;

PlazaProspectOffer *plaza_prospect_offer_new       (void);
void                plaza_prospect_offer_free      (PlazaProspectOffer *offer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlazaProspectOffer, plaza_prospect_offer_free)
char               *plaza_prospect_offer_to_json   (const PlazaProspectOffer *offer);
/* The offer's monthly rent in fen: monthly_rent when set, else the rent a
 * month, or a m² a month / a m² a day times the units' area (a day: × 365
 * / 12), rounded half up; 0 for a percentage offer. -1 with INVALID when a
 * unit does not exist. */
gint64              plaza_prospect_offer_monthly_rent (PlazaStore               *store,
                                                       const PlazaProspectOffer *offer,
                                                       GError                  **error);
PlazaProspectOffer *plaza_prospect_offer_from_json (const char               *json,
                                                    GError                  **error);
/* The rent engine's terms JSON for @offer on @area (hundredths of m²):
 * the shape the contract editor builds (start, end, area, model, rent,
 * percentage, free). NULL with INVALID when the offer is incomplete. */
char               *plaza_prospect_offer_terms     (const PlazaProspectOffer *offer,
                                                    gint64                    area,
                                                    GError                  **error);

/* Offer → draft contract in one write: finds the prospect's tenant (by
 * its brand in tenant_brands, else by name) or creates one (status
 * prospect, linked to the brand), creates the draft through
 * plaza_contract_create(), links it to the prospect, records the offer in
 * the negotiation log and moves the prospect to approval. */
gboolean plaza_prospect_make_contract (PlazaStore               *store,
                                       gint64                    prospect_id,
                                       const PlazaProspectOffer *offer,
                                       gint64                   *contract_id,
                                       GError                  **error);

G_END_DECLS
