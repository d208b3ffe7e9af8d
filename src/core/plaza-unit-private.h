/* plaza-unit-private.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers shared by plaza-unit.c, plaza-unit-split.c, plaza-unit-query.c
 * and plaza-zoning.c: reading a unit row, inserting one, the open-contract
 * check and history rows. Call them inside plaza_store_write() for writes.
 */

#pragma once

#include "plaza-unit.h"

G_BEGIN_DECLS

/* States of a contract that keeps its units from a split or merge. */
#define PLAZA_UNIT_OPEN_STATES "('draft', 'submitted', 'approved', 'active')"
/* States of a contract that was (or is) in force. */
#define PLAZA_UNIT_IN_FORCE_STATES "('active', 'expired', 'terminated', 'renewed')"

/* The columns plaza_unit_from_row() reads, FROM units u JOIN floors f
 * LEFT JOIN categories c. */
#define PLAZA_UNIT_COLUMNS \
  "u.id, u.floor_id, f.label, u.code, u.gross_area, u.rentable_area," \
  " COALESCE (u.planned_category_id, 0), COALESCE (c.name, ''), u.status," \
  " u.vacant_since, COALESCE (u.parent_unit_id, 0), u.notes, u.rev"
#define PLAZA_UNIT_FROM \
  " FROM units u JOIN floors f ON f.id = u.floor_id" \
  " LEFT JOIN categories c ON c.id = u.planned_category_id"

char      *plaza_unit_column_dup     (sqlite3_stmt   *stmt,
                                      int             column);
PlazaUnit *plaza_unit_from_row       (sqlite3_stmt   *stmt);
/* Inserts @unit (no checks but the table's); returns the id or 0. */
gint64     plaza_unit_insert_row     (PlazaStore     *store,
                                      const PlazaUnit *unit,
                                      GError        **error);
/* INVALID when @code is used by another unit than @except_id. */
gboolean   plaza_unit_check_code_free (PlazaStore    *store,
                                       const char    *code,
                                       gint64         except_id,
                                       GError       **error);
/* INVALID when an open contract covers @unit. */
gboolean   plaza_unit_check_no_open_contract (PlazaStore      *store,
                                              const PlazaUnit *unit,
                                              GError         **error);
gboolean   plaza_unit_add_history    (PlazaStore     *store,
                                      gint64          unit_id,
                                      const char     *kind,
                                      gint64          related_id,
                                      const char     *date,
                                      const char     *note,
                                      GError        **error);
/* Today as YYYY-MM-DD (local time). */
char      *plaza_unit_today          (void);

G_END_DECLS
