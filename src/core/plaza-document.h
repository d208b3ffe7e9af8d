/* plaza-document.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the mall's Chinese documents to tenants share (the dunning letters
 * and the 联营 settlement sheets): an A4 PDF drawn with PangoCairo in
 * PLAZA_DOCUMENT_FONT into memory, text shown at a running y, dates in
 * Chinese, the letterhead from the settings, and the file written in one
 * piece.
 */

#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pangocairo.h>

#include "plaza-store.h"

G_BEGIN_DECLS

#define PLAZA_DOC_PAGE_WIDTH    595.2756
#define PLAZA_DOC_PAGE_HEIGHT   841.8898
#define PLAZA_DOC_MARGIN_X      60.0
#define PLAZA_DOC_MARGIN_TOP    48.0
#define PLAZA_DOC_CONTENT_WIDTH (PLAZA_DOC_PAGE_WIDTH - 2 * PLAZA_DOC_MARGIN_X)

typedef struct
{
  cairo_surface_t *surface;
  cairo_t         *cr;
  PangoLayout     *layout;
  GByteArray      *bytes;
  double           y;
} PlazaDocument;

/* The mall's letterhead: settings "mall.name", "mall.department",
 * "mall.address", "mall.phone", "mall.bank", "mall.account" and
 * "mall.company" ("" when missing). */
typedef struct
{
  char *name;
  char *department;
  char *address;
  char *phone;
  char *bank;
  char *account;
  char *company;   /* "mall.company": the account's holder */
} PlazaLetterhead;

PlazaDocument   *plaza_document_new        (const char     *title,
                                            const char     *subject);
/* Finishes the PDF and returns its bytes (NULL with an error when cairo
 * failed); frees @doc either way. */
GBytes          *plaza_document_finish     (PlazaDocument  *doc,
                                            GError        **error);
void             plaza_document_free       (PlazaDocument  *doc);
/* Lays @str out in @width at @x and the current y, shows it and returns
 * its height (y is not moved). */
double           plaza_document_show       (PlazaDocument  *doc,
                                            double          x,
                                            double          width,
                                            const char     *str,
                                            double          size,
                                            gboolean        bold,
                                            PangoAlignment  align);
void             plaza_document_rule       (PlazaDocument  *doc,
                                            double          x0,
                                            double          x1,
                                            double          width,
                                            double          gray);
/* Draws the letterhead at the top of the page and moves y below it. */
void             plaza_document_letterhead (PlazaDocument         *doc,
                                            const PlazaLetterhead *head);

PlazaLetterhead *plaza_letterhead_load     (PlazaStore     *store);
void             plaza_letterhead_free     (PlazaLetterhead *head);

/* "2026-03-15" → "2026年3月15日"; anything else as it is. */
char            *plaza_document_cn_date    (const char     *iso);
char            *plaza_document_cn_gdate   (const GDate    *date);
/* "2026-03" → "2026年3月". */
char            *plaza_document_cn_month   (const char     *month);

/* 人民币大写: 12345.67 yuan → "壹万贰仟叁佰肆拾伍元陆角柒分". */
char            *plaza_document_money_upper (gint64        fen);

/* Writes @bytes to @path through a temporary file renamed into place. */
gboolean         plaza_document_write_file (const char     *path,
                                            GBytes         *bytes,
                                            GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlazaLetterhead, plaza_letterhead_free)

G_END_DECLS
