/* plaza-demo-private.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared between the parts of the demo generator: plaza-demo.c (the mall),
 * plaza-demo-contracts.c (tenants and contracts) and plaza-demo-activity.c (sales, bills,
 * payments, promotions, the leasing pipeline).
 */

#pragma once

#include "plaza-demo.h"
#include "plaza-demo-names.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  char   *label;
  int     level;
} DemoFloor;

typedef struct
{
  gint64                    id;
  guint                     floor;     /* index into floors */
  const PlazaDemoCategory  *cat;
  gint64                    gross;     /* hundredths of m² */
  gint64                    rentable;
} DemoUnit;

typedef struct
{
  gint64                    id;
  const PlazaDemoCategory  *cat;
  guint                     quality;   /* sales level, per mille of typical */
  int                       trend;     /* per mille change a year */
  guint                     payer;     /* 0 good, 1 late, 2 partial */
  gboolean                  manual;    /* reports sales on paper */
} DemoTenant;

typedef struct
{
  gint64       id;
  guint        tenant;                 /* index into tenants */
  guint        unit;                   /* first unit (index) */
  guint        n_units;                /* consecutive units */
  gint64       area;                   /* hundredths of m² */
  const char  *state;
  const char  *model;
  const char  *rent_unit;              /* m2_day, m2_month, month */
  gint64       rate;                   /* fen per rent_unit */
  gint64       percent_bp;
  gint64       escalation_bp;
  gint64       fee_rate;               /* fen per m² per month */
  guint32      start, end;             /* julian days */
  guint32      free_end;               /* last free day, 0 = none */
  guint32      stop;                   /* last day of occupation */
} DemoContract;

typedef struct
{
  PlazaStore    *store;
  sqlite3       *db;
  guint64        rng;
  PlazaDemoSize  size;
  guint32        today;                /* julian day */
  guint32        sales_from;           /* first day of sales */
  char          *stamp;                /* ISO timestamp for created_at */
  gint64         project_id;
  GArray        *floors;               /* DemoFloor */
  GArray        *units;                /* DemoUnit */
  GArray        *tenants;              /* DemoTenant */
  GArray        *contracts;            /* DemoContract */
  GHashTable    *names;                /* brand names used */
  GHashTable    *category_ids;         /* name → GINT_TO_POINTER (id) */
  guint          serial;
  guint          n_vacant;
  guint          n_let;
} Demo;

guint32  demo_rand       (Demo *demo);
guint    demo_range      (Demo *demo, guint lo, guint hi);   /* lo..hi inclusive */
gboolean demo_chance     (Demo *demo, guint percent);
char    *demo_date       (guint32 julian);                    /* "YYYY-MM-DD" */
char    *demo_stamp      (guint32 julian);
char    *demo_person     (Demo *demo);
char    *demo_phone      (Demo *demo);
gboolean demo_exec       (Demo *demo, const char *sql, GError **error);
gboolean demo_step       (Demo *demo, sqlite3_stmt *stmt, GError **error);
gboolean demo_log        (Demo *demo, const char *entity, const char *summary, GError **error);

void     demo_bind_text  (sqlite3_stmt *stmt, int index, const char *text);
gint64   demo_last_id    (Demo *demo);
gint64   demo_category_id (Demo *demo, const PlazaDemoCategory *cat);
guint32  demo_add_years  (guint32 julian, guint years);
guint32  demo_sub_years  (guint32 julian, guint years);

gboolean demo_add_contracts   (Demo *demo, GError **error);
gboolean demo_add_sales       (Demo *demo, GError **error);
gboolean demo_add_bills       (Demo *demo, GError **error);
gboolean demo_add_promotions  (Demo *demo, GError **error);
gboolean demo_add_pipeline    (Demo *demo, GError **error);

G_END_DECLS
