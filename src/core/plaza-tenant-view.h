/* plaza-tenant-view.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything the tenant window shows about one tenant (issue 6), gathered
 * in one call from the store: its header (code, name, category, best brand
 * tier, status, licence warning, health score and reasons), contracts,
 * units, the sales trend chart (the analytics trend filtered to the
 * tenant), unusual sales of its units in the last 90 days, arrears and
 * open bills, promotions it was invited to, fit-outs and complaints.
 */

#pragma once

#include <glib.h>

#include "plaza-arrears.h"
#include "plaza-chart.h"
#include "plaza-store.h"

G_BEGIN_DECLS

/* A licence expiring within this many days (or expired) is warned about. */
#define PLAZA_TENANT_LICENCE_WARN_DAYS 60
/* Unusual sales are looked for over this many days up to today. */
#define PLAZA_TENANT_ANOMALY_DAYS 90
/* Recent complaints listed. */
#define PLAZA_TENANT_RECENT_COMPLAINTS 5

typedef struct
{
  gint64  id;
  char   *code;
  char   *units;          /* unit codes, ", "-separated */
  char   *start_date;
  char   *end_date;
  char   *state;          /* contracts.state, untranslated */
  gint64  monthly_rent;   /* fen */
} PlazaTenantContract;

typedef struct
{
  gint64  id;
  char   *code;
  char   *floor;          /* floor label */
  gint64  area;           /* contracted area, hundredths of m² */
  char   *status;         /* units.status, untranslated */
  char   *contract_code;  /* the latest contract holding it */
} PlazaTenantUnit;

typedef struct
{
  gint64  promotion_id;
  char   *code;
  char   *name;
  char   *start_date;
  char   *end_date;
  char   *answer;         /* promotion_participants.status: invited, confirmed, declined */
  char   *offer;
  gint64  fee;            /* fen */
} PlazaTenantPromotion;

typedef struct
{
  gint64    id;
  gint64    contract_id;
  char     *contract_code;
  char     *state;        /* fitouts.state, untranslated */
  char     *start_date;
  char     *due_date;
  char     *opened_on;    /* NULL until opened */
  gboolean  overdue;      /* not opened and due before today */
} PlazaTenantFitout;

typedef struct
{
  gint64    id;
  char     *date;
  char     *kind;         /* complaint, inspection */
  char     *text;
  gboolean  resolved;
  char     *resolved_on;  /* YYYY-MM-DD, or NULL when open or not recorded */
} PlazaTenantComplaint;

typedef struct
{
  gint64      id;
  char       *code;
  char       *name;
  char       *credit_code;
  char       *licence_expiry;      /* NULL when not recorded */
  gint64      licence_days_left;   /* negative: expired that many days ago */
  char       *licence_warning;     /* translated, NULL when none */
  char       *category;            /* "" when none */
  char       *tier;                /* best brand tier (flagship, A, B, C), "" when none */
  char       *status;              /* tenants.status, untranslated */
  char       *notes;

  gboolean    has_health;          /* trading in the health month */
  char       *health_month;        /* 'YYYY-MM': the last complete month */
  gint64      health_score;        /* 0 … 10000 */
  char       *health_reasons;      /* translated, "" when none */

  GPtrArray  *contracts;           /* PlazaTenantContract, newest start first */
  GPtrArray  *units;               /* PlazaTenantUnit, by code */
  PlazaChart *trend;               /* sales, twelve months to health_month */
  GPtrArray  *anomalies;           /* PlazaSalesAnomaly, newest first */
  PlazaArrearsRow *arrears;        /* NULL when it owes nothing and has no credit */
  guint       open_bills;          /* bills with a line still open */
  gint64      open_amount;         /* fen open over all issued bills */
  GPtrArray  *promotions;          /* PlazaTenantPromotion, newest first */
  GPtrArray  *fitouts;             /* PlazaTenantFitout, newest first */
  guint       complaints_open;
  guint       complaints_total;
  GPtrArray  *complaints;          /* PlazaTenantComplaint, the latest few, newest first */
} PlazaTenantView;

void      plaza_tenant_view_free (PlazaTenantView *view);

/* Loads tenant @tenant_id as of @today ('YYYY-MM-DD');
 * PLAZA_STORE_ERROR_NOT_FOUND when there is none. */
gboolean  plaza_tenant_view_load (PlazaStore       *store,
                                  gint64            tenant_id,
                                  const char       *today,
                                  PlazaTenantView **view,
                                  GError          **error);

/* *@id of the tenant with @code (`plaza --tenant CODE`);
 * PLAZA_STORE_ERROR_NOT_FOUND (translated) when there is none. */
gboolean  plaza_tenant_view_find_code (PlazaStore  *store,
                                       const char  *code,
                                       gint64      *id,
                                       GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlazaTenantView, plaza_tenant_view_free)

G_END_DECLS
