/* plaza-rent.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rent engine (DOMAIN.md "Rent rules"): a contract's terms read from
 * JSON, daily sales, and the monthly schedule of base rent, percentage
 * rent and fees. All money is gint64 fen, areas hundredths of m²,
 * percentages basis points; the arithmetic is exact and each charge line is
 * rounded half up to the fen once per period.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PLAZA_RENT_ERROR (plaza_rent_error_quark ())

typedef enum
{
  PLAZA_RENT_ERROR_INVALID,  /* bad terms or sales; the message names the field */
  PLAZA_RENT_ERROR_OVERFLOW, /* amounts too large to compute exactly */
} PlazaRentError;

typedef enum
{
  PLAZA_RENT_MODEL_FIXED,      /* 固定租金 */
  PLAZA_RENT_MODEL_PERCENTAGE, /* 扣点 */
  PLAZA_RENT_MODEL_HIGHER_OF,  /* 保底扣点取高 */
} PlazaRentModel;

typedef enum
{
  PLAZA_RENT_UNIT_M2_DAY,   /* 元/㎡/天 */
  PLAZA_RENT_UNIT_M2_MONTH, /* 元/㎡/月 */
  PLAZA_RENT_UNIT_MONTH,    /* 元/月 */
} PlazaRentUnit;

typedef struct
{
  gint64 above;      /* fen: the tier applies to sales above this */
  gint64 percent_bp;
} PlazaRentTier;

typedef struct
{
  GDate from; /* both inclusive */
  GDate to;
} PlazaRentRange;

typedef struct
{
  char          *name;
  gint64         amount; /* fen per unit */
  PlazaRentUnit  unit;
} PlazaRentFee;

typedef struct
{
  GDate           start;          /* inclusive */
  GDate           end;            /* inclusive */
  gint64          area;           /* hundredths of m² */
  PlazaRentModel  model;

  gboolean        has_rent;
  gint64          rent_amount;    /* fen per unit, before escalation */
  PlazaRentUnit   rent_unit;

  gboolean        has_percentage; /* a single rate, or tiers */
  gint64          percentage_bp;  /* when there are no tiers */
  GArray         *tiers;          /* PlazaRentTier, thresholds rising; may be empty */

  guint           escalation_months; /* 0: no escalation */
  gint64          escalation_bp;

  GArray         *free;           /* PlazaRentRange */
  GArray         *fees;           /* PlazaRentFee */
} PlazaRentTerms;

/* One billing period: a calendar month clipped to the lease. */
typedef struct
{
  char     month[8];        /* "2026-03" */
  GDate    from;
  GDate    to;
  guint    days;            /* lease days in the period */
  guint    rent_days;       /* chargeable days (not rent-free) */
  gint64   sales;           /* fen, sales dated inside the period */
  gint64   base_rent;
  gint64   percentage_rent;
  gint64   rent;            /* by the model */
  gint64  *fee_lines;       /* one per terms->fees, in order */
  guint    n_fee_lines;
  gint64   fees;            /* sum of fee_lines */
  gint64   total;           /* rent + fees */
} PlazaRentPeriod;

/* Daily sales: amounts in fen by date, summed when a date repeats. */
typedef struct _PlazaRentSales PlazaRentSales;

GQuark          plaza_rent_error_quark          (void);

/* Terms (plaza-rent-terms.c). Errors are PLAZA_RENT_ERROR_INVALID with a
 * message that starts with the field, e.g. "free[1].from: not a date". */
PlazaRentTerms *plaza_rent_terms_new_from_json  (const char            *json,
                                                 gssize                 length,
                                                 GError               **error);
PlazaRentTerms *plaza_rent_terms_new_from_file  (const char            *path,
                                                 GError               **error);
void            plaza_rent_terms_free           (PlazaRentTerms        *terms);

/* Stable names: "fixed", "m2_day", … */
const char     *plaza_rent_model_to_string      (PlazaRentModel         model);
const char     *plaza_rent_unit_to_string       (PlazaRentUnit          unit);

PlazaRentSales *plaza_rent_sales_new            (void);
void            plaza_rent_sales_free           (PlazaRentSales        *sales);
void            plaza_rent_sales_add            (PlazaRentSales        *sales,
                                                 const GDate           *date,
                                                 gint64                 amount);
/* Sales dated @from..@to inclusive. */
gint64          plaza_rent_sales_sum            (const PlazaRentSales  *sales,
                                                 const GDate           *from,
                                                 const GDate           *to);
/* CSV with a header naming `date` (or 日期) and `amount` (or 销售额) in any
 * order; UTF-8 or GB18030; dates YYYY-MM-DD; amounts in yuan. Errors name
 * the line and field: "line 3: amount: not an amount “1.234”". */
PlazaRentSales *plaza_rent_sales_new_from_csv   (const char            *data,
                                                 gsize                  length,
                                                 GError               **error);

/* The schedule (plaza-rent.c): a GArray of PlazaRentPeriod, one per
 * calendar month from start to end. @sales may be NULL (no sales). */
GArray         *plaza_rent_schedule             (const PlazaRentTerms  *terms,
                                                 const PlazaRentSales  *sales,
                                                 GError               **error);
/* The rent rate (fen per unit) in force on @date, after escalation. */
gboolean        plaza_rent_rate_on              (const PlazaRentTerms  *terms,
                                                 const GDate           *date,
                                                 gint64                *out_rate,
                                                 GError               **error);
/* The schedule as DOMAIN.md's CSV, header included. */
char           *plaza_rent_schedule_to_csv      (GArray                *schedule);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlazaRentTerms, plaza_rent_terms_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlazaRentSales, plaza_rent_sales_free)

G_END_DECLS
