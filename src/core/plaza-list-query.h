/* plaza-list-query.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The lists the GUI pages show, as named queries over the store: each has a
 * column description and runs in batches so rows fill in as they arrive.
 */

#pragma once

#include <gio/gio.h>

#include "plaza-record.h"
#include "plaza-store.h"

G_BEGIN_DECLS

typedef enum
{
  PLAZA_LIST_TENANTS,
  PLAZA_LIST_UNITS,
  PLAZA_LIST_PROSPECTS,
  PLAZA_LIST_CONTRACTS,
  PLAZA_LIST_BILLS,
  PLAZA_LIST_SALES,
  PLAZA_LIST_PROMOTIONS,
  PLAZA_N_LISTS,
} PlazaListKind;

typedef enum
{
  PLAZA_COLUMN_TEXT,     /* text as is */
  PLAZA_COLUMN_STATE,    /* a state code ('active', 'vacant' …): show plaza_state_label() */
  PLAZA_COLUMN_DATE,     /* ISO date text */
  PLAZA_COLUMN_INT,      /* integer count */
  PLAZA_COLUMN_MONEY,    /* integer fen: show plaza_money_format() */
  PLAZA_COLUMN_AREA,     /* integer hundredths of m²: show plaza_area_format() */
  PLAZA_COLUMN_PERCENT,  /* integer basis points */
} PlazaColumnType;

typedef struct
{
  const char      *id;      /* stable, for tests and settings */
  const char      *title;   /* English msgid marked N_(): the UI shows _(title) */
  PlazaColumnType  type;
  gboolean         expand;
} PlazaColumn;

/* Called with each batch of PlazaRecord (transfer full: the callee owns the
 * array). */
typedef void (*PlazaRecordBatchFunc) (GPtrArray *records,
                                      gpointer   user_data);

const char        *plaza_list_kind_to_string   (PlazaListKind kind);
gboolean           plaza_list_kind_from_string (const char   *name,
                                                PlazaListKind *kind);
const PlazaColumn *plaza_list_get_columns      (PlazaListKind kind,
                                                guint        *n_columns);

/* Runs the list's query on @store (the calling thread), handing rows to
 * @func in batches of @batch_size. Stops with G_IO_ERROR_CANCELLED when
 * @cancellable is cancelled. */
gboolean           plaza_list_query_run        (PlazaStore           *store,
                                                PlazaListKind         kind,
                                                guint                 batch_size,
                                                PlazaRecordBatchFunc  func,
                                                gpointer              user_data,
                                                GCancellable         *cancellable,
                                                GError              **error);

/* Only the rows of @ids (in the list's order; ids with no row are left
 * out: removed, or not in this list), for replacing rows in place after
 * another client's change. Returns an array of PlazaRecord. */
GPtrArray         *plaza_list_query_rows       (PlazaStore           *store,
                                                PlazaListKind         kind,
                                                const gint64         *ids,
                                                guint                 n_ids,
                                                GError              **error);

/* A translated label for a state or status code from any table
 * ('active' → "Active" / 生效中). Unknown codes come back as they are. */
const char        *plaza_state_label           (const char *code);

G_END_DECLS
