/* plaza-brand.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The brand library (issue 6): brands seen in the market, tenants or not,
 * with category, tier, typical area (hundredths of m²) and notes; and the
 * market notes (市场调研) about competitor malls, linked to a brand and/or a
 * category. Writes are rev-checked and logged (entities "brand" and
 * "market_note"); bad input is INVALID and changes nothing.
 */

#pragma once

#include <glib.h>

#include "plaza-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;              /* 0 for a new brand */
  gint64  rev;
  char   *name;            /* required, unique */
  char   *name_en;
  gint64  category_id;     /* 0: none */
  char   *tier;            /* flagship, A, B, C */
  gint64  typical_area;    /* hundredths of m² */
  char   *notes;
  /* Read-only, filled by load and list: */
  char   *category;        /* "" when none */
  char   *tenants;         /* codes of the tenants trading it, ", "-joined */
  gint64  n_notes;         /* market notes about it */
} PlazaBrand;

typedef struct
{
  gint64  id;              /* 0 for a new note */
  gint64  rev;
  char   *date;            /* YYYY-MM-DD */
  char   *competitor;      /* the competitor mall */
  gint64  brand_id;        /* 0: none */
  gint64  category_id;     /* 0: none */
  char   *text;            /* required */
  /* Read-only: */
  char   *brand;
  char   *category;
} PlazaMarketNote;

PlazaBrand      *plaza_brand_new        (void);
void             plaza_brand_free       (PlazaBrand *b);
PlazaMarketNote *plaza_market_note_new  (void);
void             plaza_market_note_free (PlazaMarketNote *n);

const char      *plaza_brand_tier_label (const char *tier);

gboolean         plaza_brand_validate   (const PlazaBrand *b,
                                         GError          **error);
/* Brands whose name, English name or category contains @search (NULL or
 * "": all), by name. */
GPtrArray       *plaza_brand_list       (PlazaStore       *store,
                                         const char       *search,
                                         GError          **error);
PlazaBrand      *plaza_brand_load       (PlazaStore       *store,
                                         gint64            id,
                                         GError          **error);
/* Creates (id 0: sets id, rev 1) or updates at b->rev (rev moves on). */
gboolean         plaza_brand_save       (PlazaStore       *store,
                                         PlazaBrand       *b,
                                         GError          **error);

/* Notes linked to @brand_id (0: all notes), newest first. */
GPtrArray       *plaza_market_note_list   (PlazaStore      *store,
                                           gint64           brand_id,
                                           GError         **error);
gboolean         plaza_market_note_save   (PlazaStore      *store,
                                           PlazaMarketNote *n,
                                           GError         **error);
gboolean         plaza_market_note_remove (PlazaStore      *store,
                                           gint64           id,
                                           gint64           rev,
                                           GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlazaBrand, plaza_brand_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlazaMarketNote, plaza_market_note_free)

G_END_DECLS
