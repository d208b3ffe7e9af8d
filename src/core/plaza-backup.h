/* plaza-backup.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Backups and recovery. A backup is a copy of the database made with the
 * SQLite online backup API in small steps (a busy share is never blocked
 * for long; a lock that cannot be had is retried a bounded number of
 * times), written under a temporary name, checked with
 * PRAGMA integrity_check and only then renamed to
 * "<db name>-YYYYMMDD-HHMMSS.plaza-backup" (local time; "-2", "-3", … when
 * two are made in the same second). Rotation keeps the newest @keep backups
 * of that database and never touches any other file.
 *
 * A restore checks the backup (integrity, application_id, schema not newer
 * than this program) and copies it into the live file with the backup API
 * in one step: that step holds the live file's write lock for the whole
 * copy and commits through the journal, so other clients see either the old
 * file or the restored one, never a mix. Close and reopen every store on
 * the file afterwards.
 *
 * Settings: "backup.every" is "weekly" (the default), "daily" or "off";
 * "backup.last" is the UTC ISO 8601 time of the last backup, written by
 * plaza_backup_create().
 */

#pragma once

#include "plaza-store.h"

G_BEGIN_DECLS

#define PLAZA_BACKUP_SUFFIX ".plaza-backup"
#define PLAZA_BACKUP_DEFAULT_KEEP 10

typedef struct
{
  char      *path;
  char      *name;        /* the file name */
  GDateTime *taken;       /* local time, from the name */
  goffset    size;        /* bytes */
  guint      serial;      /* 1, or the "-N" of a second backup in the same second */
} PlazaBackupInfo;

void      plaza_backup_info_free    (PlazaBackupInfo  *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlazaBackupInfo, plaza_backup_info_free)

/* "mall" for "/x/mall.plaza": the name backups of @db_path start with. */
char     *plaza_backup_db_name      (const char       *db_path);

/* Backs up @store into @dest_dir (created if missing), keeps the newest
 * @keep backups of this database (@keep <= 0 keeps all) and sets
 * "backup.last" when the store is writable. @path (may be NULL) gets the
 * new file's path. */
gboolean  plaza_backup_create       (PlazaStore       *store,
                                     const char       *dest_dir,
                                     int               keep,
                                     char            **path,
                                     GError          **error);

/* The backups of @db_name in @dest_dir, newest first (PlazaBackupInfo). A
 * missing folder is an empty list. */
gboolean  plaza_backup_list         (const char       *dest_dir,
                                     const char       *db_name,
                                     GPtrArray       **list,
                                     GError          **error);

/* Checks that @backup_path is a sound Plaza database this program can
 * open: integrity_check "ok", Plaza's application_id, schema not newer.
 * Fails with PLAZA_STORE_ERROR_CORRUPT, _NOT_A_DATABASE or _NEWER_SCHEMA. */
gboolean  plaza_backup_verify       (const char       *backup_path,
                                     GError          **error);

/* Restores @backup_path into the live file of @store (see above). Refused on
 * a read-only store. */
gboolean  plaza_backup_restore      (PlazaStore       *store,
                                     const char       *backup_path,
                                     GError          **error);

/* The same into @db_path through a connection of its own, for a live file
 * plaza_store_open() cannot open (the admin's last resort; close Plaza
 * everywhere first). Another program's database is refused. A file too
 * damaged to take the copy is moved aside (@damaged_path, may be NULL, gets
 * where; NULL when nothing was moved) and the backup copied in its place. */
gboolean  plaza_backup_restore_file (const char       *backup_path,
                                     const char       *db_path,
                                     char            **damaged_path,
                                     GError          **error);

/* TRUE when a backup is due at @now from "backup.every" and "backup.last"
 * (never when "off"; always when no backup was made yet). @next (may be
 * NULL) gets when the next one falls due, NULL when "off". */
gboolean  plaza_backup_due          (PlazaStore       *store,
                                     GDateTime        *now,
                                     GDateTime       **next);

/* PRAGMA quick_check on @store (the check on open). TRUE when sound;
 * otherwise FALSE and @message (may be NULL) gets guidance in words naming
 * the latest backup in @backup_dir (may be NULL) and how to restore it. */
gboolean  plaza_backup_quick_check  (PlazaStore       *store,
                                     const char       *backup_dir,
                                     char            **message);

/* The same on a file that plaza_store_open() may not manage to open. */
gboolean  plaza_backup_quick_check_file (const char   *db_path,
                                         const char   *backup_dir,
                                         char        **message);

G_END_DECLS
