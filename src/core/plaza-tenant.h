/* plaza-tenant.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tenant archive (issue 6): the company, its unified social credit code
 * (统一社会信用代码, GB 32100-2015, checked), business licence expiry,
 * category (品类, whose parent is the business type 业态), status, notes,
 * contacts and the brands it trades under. The brand tier of a tenant is
 * its best brand's tier (schema v1 keeps the tier on the brand).
 *
 * Every write is one plaza_store_write() with a rev check (CONFLICT names
 * who saved in between) and one change_log row (entity "tenant"). Bad input
 * fails with PLAZA_STORE_ERROR_INVALID naming the field and changes nothing.
 */

#pragma once

#include <glib.h>

#include "plaza-store.h"

G_BEGIN_DECLS

typedef enum
{
  PLAZA_CREDIT_CODE_OK,
  PLAZA_CREDIT_CODE_EMPTY,
  PLAZA_CREDIT_CODE_LENGTH,       /* not 18 characters */
  PLAZA_CREDIT_CODE_ALPHABET,     /* a character outside 0-9 A-Y without I O Z S V */
  PLAZA_CREDIT_CODE_CHECK,        /* the 18th character does not match */
} PlazaCreditCodeResult;

typedef struct
{
  gint64  id;
  gint64  tenant_id;
  gint64  rev;
  char   *name;
  char   *role;
  char   *phone;
  char   *email;
} PlazaTenantContact;

typedef struct
{
  gint64  brand_id;
  char   *name;
  char   *tier;            /* flagship, A, B, C */
  char   *category;        /* may be "" */
} PlazaTenantBrand;

typedef struct
{
  gint64     id;           /* 0 for a new tenant */
  gint64     rev;
  char      *code;         /* set on create when NULL or empty */
  char      *name;         /* company name, required */
  char      *credit_code;  /* may be empty; when set it must pass the check */
  char      *licence_expiry; /* YYYY-MM-DD or NULL */
  gint64     category_id;  /* 0: none */
  char      *status;       /* prospect, active, leaving, former */
  char      *notes;
  /* Read-only, filled by load: */
  char      *category;     /* 品类 name or "" */
  char      *business_type;/* 业态: the category's parent, or "" */
  char      *tier;         /* the best tier among its brands, or "" */
  GPtrArray *contacts;     /* PlazaTenantContact */
  GPtrArray *brands;       /* PlazaTenantBrand */
} PlazaTenant;

typedef struct
{
  gint64  tenant_id;
  char   *code;
  char   *name;
  char   *licence_expiry;
  int     days_left;       /* < 0: expired that many days ago */
} PlazaLicenceAlert;

typedef struct
{
  gint64  id;
  char   *name;
  char   *parent;          /* 业态, "" for a top-level category */
} PlazaCategoryChoice;

/* The check character (GB 32100-2015) for the first 17 characters of
 * @code, or '\0' when they are not 17 characters of the alphabet. */
char                  plaza_credit_code_check_char (const char *code);
PlazaCreditCodeResult plaza_credit_code_check      (const char *code);
/* The reason in words (translated), NULL for OK. */
const char           *plaza_credit_code_describe   (PlazaCreditCodeResult result);

PlazaTenant *plaza_tenant_new   (void);
void         plaza_tenant_free  (PlazaTenant *t);
void         plaza_tenant_contact_free (PlazaTenantContact *c);
void         plaza_tenant_brand_free   (PlazaTenantBrand *b);
void         plaza_licence_alert_free  (PlazaLicenceAlert *a);
void         plaza_category_choice_free (PlazaCategoryChoice *c);

/* FALSE with INVALID naming the field (name, credit code, licence expiry,
 * status). */
gboolean     plaza_tenant_validate (const PlazaTenant *t,
                                    GError           **error);

/* NOT_FOUND when there is no such tenant. Fills contacts and brands. */
PlazaTenant *plaza_tenant_load   (PlazaStore   *store,
                                  gint64        id,
                                  GError      **error);
/* Inserts @t (its fields, not contacts or brands); sets id, code, rev. */
gboolean     plaza_tenant_create (PlazaStore   *store,
                                  PlazaTenant  *t,
                                  GError      **error);
/* Saves the fields of @t loaded at t->rev; t->rev moves on. */
gboolean     plaza_tenant_update (PlazaStore   *store,
                                  PlazaTenant  *t,
                                  GError      **error);

/* Contacts: @c->id 0 adds (sets id, rev); else updates at c->rev. A contact
 * needs a name. Remove checks @rev too. */
gboolean     plaza_tenant_contact_save   (PlazaStore         *store,
                                          PlazaTenantContact *c,
                                          GError            **error);
gboolean     plaza_tenant_contact_remove (PlazaStore         *store,
                                          gint64              contact_id,
                                          gint64              rev,
                                          GError            **error);

/* Links or unlinks brand @brand_id (the tenant's rev is not touched; the
 * link is logged on the tenant). Linking twice is not an error. */
gboolean     plaza_tenant_link_brand     (PlazaStore   *store,
                                          gint64        tenant_id,
                                          gint64        brand_id,
                                          gboolean      linked,
                                          GError      **error);

/* Tenants that are not former whose licence expired before @today or
 * expires within @within_days after it (today + within_days inclusive),
 * soonest first. *@out gets PlazaLicenceAlert rows. */
gboolean     plaza_tenant_licence_alerts (PlazaStore   *store,
                                          const GDate  *today,
                                          int           within_days,
                                          GPtrArray   **out,
                                          GError      **error);

/* Categories for the pickers, by business type then name. */
GPtrArray   *plaza_tenant_categories     (PlazaStore   *store,
                                          GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlazaTenant, plaza_tenant_free)

G_END_DECLS
