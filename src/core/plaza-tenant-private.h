/* plaza-tenant-private.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Small helpers shared by the tenant archive, the brand library and the
 * complaints log (plaza-tenant.c, plaza-brand.c, plaza-complaint.c).
 */

#pragma once

#include "plaza-store.h"

G_BEGIN_DECLS

char     *plaza_archive_column_text (sqlite3_stmt *stmt,
                                     int           column);
gboolean  plaza_archive_blank       (const char   *text);
gboolean  plaza_archive_invalid     (GError      **error,
                                     const char   *message);
void      plaza_archive_bind_text   (sqlite3_stmt *stmt,
                                     int           column,
                                     const char   *text);
gboolean  plaza_archive_step_done   (PlazaStore   *store,
                                     sqlite3_stmt *stmt,
                                     GError      **error);
/* Inside a write: CONFLICT (naming who last logged on @entity @log_id) when
 * the rev of row @id in @table is not @rev; NOT_FOUND when it is gone. */
gboolean  plaza_archive_check_rev   (PlazaStore   *store,
                                     const char   *table,
                                     const char   *entity,
                                     gint64        log_id,
                                     gint64        id,
                                     gint64        rev,
                                     GError      **error);

G_END_DECLS
