/* plaza-attachment.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Attachments (signed scans, drawings): files copied into a folder beside
 * the database, <db dir>/<db basename>.files/<entity>/<id>/<file name>,
 * never overwriting ("plan (2).pdf" when "plan.pdf" is there), recorded in
 * the attachments table with their size and SHA-256. A file that went
 * missing or changed is reported by plaza_attachment_check(), not fatal.
 */

#pragma once

#include "plaza-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  char   *entity;       /* "contract", "tenant", … */
  gint64  entity_id;
  char   *file_name;    /* the name it was stored under */
  char   *stored_path;  /* relative to the database's folder, '/' separated */
  gint64  size;         /* bytes */
  char   *sha256;       /* lower-case hex */
  char   *added_by;
  char   *added_at;     /* ISO 8601 UTC */
} PlazaAttachment;

void             plaza_attachment_free     (PlazaAttachment *attachment);

/* Copies @source_path beside the database and records it; returns the new
 * id, or 0 with @error set (nothing copied, nothing recorded). @entity is a
 * lower-case word ([a-z_]+). */
gint64           plaza_attachment_add      (PlazaStore   *store,
                                            const char   *entity,
                                            gint64        entity_id,
                                            const char   *source_path,
                                            GError      **error);
/* The attachments of one entity, oldest first (PlazaAttachment). */
GPtrArray       *plaza_attachment_list     (PlazaStore   *store,
                                            const char   *entity,
                                            gint64        entity_id,
                                            GError      **error);
/* One attachment; NULL with PLAZA_STORE_ERROR_NOT_FOUND when none. */
PlazaAttachment *plaza_attachment_get      (PlazaStore   *store,
                                            gint64        attachment_id,
                                            GError      **error);
/* The absolute path of the stored copy (to open it with the desktop's
 * default application). */
char            *plaza_attachment_dup_path (PlazaStore            *store,
                                            const PlazaAttachment *attachment);
/* TRUE when the stored file is there with its recorded size and SHA-256;
 * otherwise FALSE with PLAZA_STORE_ERROR_NOT_FOUND and a message saying
 * whether the file is missing or changed. */
gboolean         plaza_attachment_check    (PlazaStore   *store,
                                            gint64        attachment_id,
                                            GError      **error);

/* Removes attachment @attachment_id of @entity @entity_id: its row and
 * a change_log entry in one write, then the stored copy (a copy already
 * missing is no error). An attachment of another record fails with
 * PLAZA_STORE_ERROR_INVALID and changes nothing. */
gboolean         plaza_attachment_remove   (PlazaStore   *store,
                                            const char   *entity,
                                            gint64        entity_id,
                                            gint64        attachment_id,
                                            GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlazaAttachment, plaza_attachment_free)

G_END_DECLS
