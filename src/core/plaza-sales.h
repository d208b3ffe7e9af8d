/* plaza-sales.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Daily sales by hand, estimated months and anomaly flags (issue 4).
 *
 * - Manual entry: a clerk types a unit's daily figures from a paper report;
 *   the row is marked 'manual'. Each write keeps sales_monthly in step.
 * - Estimates: a unit-month with no report may be filled with 'estimated'
 *   daily rows, from the same month last year or the average of the last
 *   three reported months, spread evenly over the month's days (remainder
 *   fen on the first days). Any real figure (POS import or manual entry) for
 *   that unit-month replaces the month's estimate: the other estimated days
 *   of that unit-month are deleted in the same transaction.
 * - Anomalies: a day far outside the unit's usual range, and a sudden drop
 *   over weeks; computed on demand from sales_daily for a date range.
 */

#pragma once

#include <glib.h>

#include "plaza-store.h"

G_BEGIN_DECLS

typedef enum
{
  PLAZA_SALES_SOURCE_POS,
  PLAZA_SALES_SOURCE_MANUAL,
  PLAZA_SALES_SOURCE_ESTIMATED,
} PlazaSalesSource;

typedef struct
{
  char             *date;          /* 'YYYY-MM-DD' */
  gint64            amount;        /* fen */
  gint64            transactions;  /* -1: not reported */
  PlazaSalesSource  source;
} PlazaSalesDay;

void      plaza_sales_day_free      (PlazaSalesDay *day);

/* The unit's days of @month ('YYYY-MM') that have a row, in date order. */
gboolean  plaza_sales_list_month    (PlazaStore      *store,
                                     gint64           unit_id,
                                     const char      *month,
                                     GPtrArray      **days,
                                     GError         **error);

/* Sets (inserts or replaces) one day as 'manual'; @transactions -1 for
 * none. Amount must be ≥ 0; the date must be a real date not after today.
 * Rejections are PLAZA_STORE_ERROR_INVALID with a translated message and
 * change nothing. */
gboolean  plaza_sales_set_day       (PlazaStore      *store,
                                     gint64           unit_id,
                                     const char      *date,
                                     gint64           amount,
                                     gint64           transactions,
                                     GError         **error);
/* Removes one day's row (any source). */
gboolean  plaza_sales_delete_day    (PlazaStore      *store,
                                     gint64           unit_id,
                                     const char      *date,
                                     GError         **error);

typedef enum
{
  PLAZA_SALES_ESTIMATE_AUTO,         /* last year if it has sales, else last 3 months */
  PLAZA_SALES_ESTIMATE_LAST_YEAR,
  PLAZA_SALES_ESTIMATE_LAST_3_MONTHS,
} PlazaSalesEstimateBasis;

/* Fills @month of @unit_id with estimated days. Fails (INVALID, translated)
 * when the month already has real figures or the basis has no sales.
 * @total receives the estimated month's sales in fen (may be NULL). */
gboolean  plaza_sales_estimate_month (PlazaStore             *store,
                                      gint64                  unit_id,
                                      const char             *month,
                                      PlazaSalesEstimateBasis basis,
                                      gint64                 *total,
                                      GError                **error);

typedef struct
{
  gint64  unit_id;
  char   *unit_code;
  char   *tenant_name;   /* of the contract in force on the month's last day; "" none */
} PlazaSalesMissing;

void      plaza_sales_missing_free  (PlazaSalesMissing *missing);

/* The latest date with a sales row of any unit ('YYYY-MM-DD', newly
 * allocated), or NULL with @error unset when there are no sales. */
char     *plaza_sales_latest_date   (PlazaStore      *store,
                                     GError         **error);

/* Units under an active contract on some day of @month that have no sales
 * row in it: the candidates for an estimate. Ordered by unit code. */
gboolean  plaza_sales_missing       (PlazaStore      *store,
                                     const char      *month,
                                     GPtrArray      **missing,
                                     GError         **error);

typedef enum
{
  PLAZA_SALES_ANOMALY_HIGH_DAY,   /* a day far above the unit's usual range */
  PLAZA_SALES_ANOMALY_LOW_DAY,    /* a day far below it (a zero on a trading day) */
  PLAZA_SALES_ANOMALY_DROP,       /* the last weeks well below the weeks before */
} PlazaSalesAnomalyKind;

typedef struct
{
  PlazaSalesAnomalyKind kind;
  gint64   unit_id;
  char    *unit_code;
  gint64   tenant_id;       /* 0: none */
  char    *tenant_name;     /* "" when none */
  char    *date;            /* the day, or the last day of the dropping weeks */
  gint64   amount;          /* the day's sales, or the recent weeks' daily average (fen) */
  gint64   usual;           /* the usual daily sales it is compared with (fen) */
  gint64   change_bp;       /* (amount − usual) / usual in basis points */
  char    *message;         /* translated, one line */
} PlazaSalesAnomaly;

void      plaza_sales_anomaly_free  (PlazaSalesAnomaly *anomaly);

/* Anomalies with a date in @from … @to ('YYYY-MM-DD', inclusive), for one
 * unit (@unit_id > 0) or all, ordered by date descending then unit code.
 * The rules are spelled out in plaza-sales-anomaly.c. */
gboolean  plaza_sales_anomalies     (PlazaStore      *store,
                                     const char      *from,
                                     const char      *to,
                                     gint64           unit_id,
                                     GPtrArray      **anomalies,
                                     GError         **error);

G_END_DECLS
