/* plaza-report-private.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The monthly report split by concern: plaza-report.c reads the headline
 * measures and renders the PDF, plaza-report-tables.c builds the tables
 * (every cell a finished, translated string), plaza-report-draw.c lays the
 * whole PlazaReport out on A4 pages.
 */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "plaza-chart.h"
#include "plaza-store.h"

G_BEGIN_DECLS

typedef enum
{
  PLAZA_REPORT_TONE_NEUTRAL,
  PLAZA_REPORT_TONE_GOOD,
  PLAZA_REPORT_TONE_BAD,
} PlazaReportTone;

/* A headline figure. */
typedef struct
{
  char            *label;      /* "Sales" */
  char            *value;      /* "¥9,490,377.83" */
  PlazaReportTone  value_tone;
  char            *lines[2];   /* details under the value; may be NULL */
  PlazaReportTone  tones[2];
  gboolean         has_gauge;  /* a bar of gauge_bp against a marker */
  gint64           gauge_bp;
  gint64           marker_bp;  /* 9500 for occupancy, 10000 for a target */
} PlazaReportTile;

typedef enum
{
  PLAZA_REPORT_COL_TEXT,     /* left, ellipsized */
  PLAZA_REPORT_COL_NUMBER,   /* right */
  PLAZA_REPORT_COL_GROWTH,   /* right, red when negative, green when positive */
  PLAZA_REPORT_COL_WRAP,     /* left, wraps (reasons) */
} PlazaReportColKind;

typedef struct
{
  char              *title;
  double             share;   /* of the content width */
  PlazaReportColKind kind;
} PlazaReportColumn;

typedef struct
{
  char              *title;      /* section heading */
  GArray            *columns;    /* PlazaReportColumn */
  GPtrArray         *rows;       /* GStrv, one cell per column */
  gboolean           total_row;  /* the last row is a bold total */
  char              *note;       /* under the table; may be NULL */
  char              *empty;      /* shown instead of an empty table */
} PlazaReportTable;

typedef struct
{
  char             *mall_name;
  char             *month;        /* 'YYYY-MM' */
  char             *made_on;      /* 'YYYY-MM-DD' */
  char             *scope_note;   /* which project the headline is; may be NULL */
  GPtrArray        *tiles;        /* PlazaReportTile */
  GPtrArray        *highlights;   /* char *: one sentence each */
  PlazaChart       *trend;        /* NULL: a labelled empty box */
  PlazaChart       *mix;          /* category mix by sales; may be NULL */
  PlazaChart       *floor_ranking; /* 坪效 by floor; may be NULL */
  PlazaReportTable *floors;
  PlazaReportTable *categories;
  PlazaReportTable *top;
  PlazaReportTable *bottom;
  PlazaReportTable *health;
} PlazaReport;

/* plaza-report.c: everything the report shows, ready to draw (also for
 * tests). A malformed month fails with PLAZA_STORE_ERROR_INVALID. */
PlazaReport       *plaza_report_load        (PlazaStore       *store,
                                             const char       *month,
                                             const GDate      *made_on,
                                             GError          **error);
void               plaza_report_free        (PlazaReport      *report);
PlazaReportTable  *plaza_report_table_new   (const char       *title);
void               plaza_report_table_free  (PlazaReportTable *table);
void               plaza_report_table_add_column (PlazaReportTable   *table,
                                                  const char         *title,
                                                  double              share,
                                                  PlazaReportColKind  kind);

/* Formatting shared by the builders. */
char              *plaza_report_growth      (gint64            bp,
                                             gboolean          has);
char              *plaza_report_percent     (gint64            bp,
                                             gboolean          has);
char              *plaza_report_money       (gint64            fen,
                                             gboolean          has);

/* plaza-report-tables.c: fills floors, categories, top, bottom, health. */
gboolean           plaza_report_load_tables (PlazaStore       *store,
                                             PlazaReport      *report,
                                             GError          **error);

/* plaza-report-draw.c: draws @report on @surface (a PDF surface). @n_pages
 * is the total for "Page N of M", 0 in the measuring pass. Returns the
 * number of pages drawn. */
guint              plaza_report_draw        (const PlazaReport *report,
                                             cairo_surface_t   *surface,
                                             guint              n_pages);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlazaReport, plaza_report_free)

G_END_DECLS
