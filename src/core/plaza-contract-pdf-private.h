/* plaza-contract-pdf-private.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The contract summary split in two: plaza-contract-pdf.c reads the contract
 * and words it (PlazaPdfSummary, every text ready to print);
 * plaza-contract-pdf-draw.c lays it out on A4 pages.
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  /* letterhead */
  char      *mall_name;
  char      *mall_company;
  char      *mall_address;

  char      *title;          /* 租赁合同摘要 / 联营合同摘要 */
  char      *code;
  char      *state;          /* in words */
  gboolean   concession;

  /* label, value pairs (a NULL label continues nothing: all pairs full) */
  GPtrArray *parties;        /* char *: label, value, label, value, … */
  GPtrArray *period;
  GPtrArray *terms;
  GPtrArray *deposit;

  /* tables: GStrv rows */
  GPtrArray *units;          /* code, floor, gross, rentable, contract area */
  char      *units_total;    /* "合计 3 个铺位，合同面积 123.45 ㎡（按计租面积）" */
  GPtrArray *schedule;       /* month, dates, days, rent days, base, percentage, rent, fees, total */
  char      *schedule_note;  /* may be NULL */
  GPtrArray *events;         /* date, event, state, user, comment */

  /* signatures */
  char      *party_a;        /* company */
  char      *party_b;        /* tenant */
} PlazaPdfSummary;

void     plaza_pdf_summary_free (PlazaPdfSummary *summary);

/* Draws @summary on @surface (a PDF surface), page after page. @n_pages is
 * the total for "第 1 页 / 共 N 页", or 0 when unknown (the measuring pass).
 * Returns the number of pages drawn. */
guint    plaza_pdf_summary_draw (const PlazaPdfSummary *summary,
                                 cairo_surface_t       *surface,
                                 guint                  n_pages);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlazaPdfSummary, plaza_pdf_summary_free)

G_END_DECLS
