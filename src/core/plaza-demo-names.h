/* plaza-demo-names.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The vocabulary of the demo mall: categories with their economics, name
 * parts for brands, companies and people, and the Spring Festival dates.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char  *name;           /* 品类, e.g. "服装" */
  const char  *parent;         /* 业态, e.g. "零售" */
  const char  *color;
  const char  *words[5];       /* brand name endings, NULL-terminated */
  const char  *industry;       /* company name part */
  guint        area_min;       /* m² (gross) */
  guint        area_max;
  guint        sales_m2_day;   /* yuan per m² per day, a typical tenant */
  guint        ticket;         /* yuan per transaction */
  guint        rent_m2_day;    /* fen per m² per day on 1F */
  const char  *model;          /* usual rent model */
  guint        percent_bp;     /* usual percentage (扣点) */
  gboolean     anchor;         /* one big unit */
} PlazaDemoCategory;

const PlazaDemoCategory *plaza_demo_categories       (guint *n);
const PlazaDemoCategory *plaza_demo_category_by_name (const char *name);

const char * const *plaza_demo_stems      (guint *n);
const char * const *plaza_demo_cities     (guint *n);
const char * const *plaza_demo_surnames   (guint *n);
const char * const *plaza_demo_given      (guint *n);

/* The first day of the lunar new year (春节) of @year, 2010–2040. */
gboolean plaza_demo_spring_festival (int    year,
                                     GDate *out);

G_END_DECLS
