/* plaza-backup-private.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by plaza-backup.c and plaza-backup-check.c.
 */

#pragma once

#include "plaza-store.h"

G_BEGIN_DECLS

/* A raw connection (extended codes, busy timeout) or NULL with @error. */
sqlite3  *plaza_backup_open_raw (const char  *path,
                                 int          flags,
                                 GError     **error);

/* PRAGMA integrity_check (@full) or quick_check; on damage fails with
 * PLAZA_STORE_ERROR_CORRUPT and a short description. */
gboolean  plaza_backup_check_db (sqlite3     *db,
                                 gboolean     full,
                                 GError     **error);

/* Verifies @backup_path and copies it into @dest in one step of the backup
 * API (which holds @dest's write lock for the whole copy). */
gboolean  plaza_backup_restore_into (sqlite3     *dest,
                                     const char  *backup_path,
                                     GError     **error);

/* fsync() of a folder, so that a rename in it survives a power cut. */
void      plaza_backup_sync_dir     (const char  *dir);

G_END_DECLS
