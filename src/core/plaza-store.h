/* plaza-store.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The synchronous store: one SQLite connection on one file. Not thread-safe:
 * a PlazaStore is used by one thread at a time (the GUI's PlazaWorker owns one
 * in its worker thread; plazactl and tests use one directly).
 */

#pragma once

#include <glib-object.h>
#include <sqlite3.h>

#include "plaza-location.h"

G_BEGIN_DECLS

#define PLAZA_STORE_ERROR (plaza_store_error_quark ())

typedef enum
{
  PLAZA_STORE_ERROR_FAILED,
  PLAZA_STORE_ERROR_EXISTS,        /* create: the file is already there */
  PLAZA_STORE_ERROR_NOT_FOUND,     /* open: no such file, or no such row */
  PLAZA_STORE_ERROR_NOT_A_DATABASE,/* the file is not a Plaza database */
  PLAZA_STORE_ERROR_NEWER_SCHEMA,  /* written by a newer Plaza: opened read-only */
  PLAZA_STORE_ERROR_READ_ONLY,     /* a write on a read-only store */
  PLAZA_STORE_ERROR_BUSY,          /* the lock could not be had: retry later */
  PLAZA_STORE_ERROR_CONFLICT,      /* optimistic concurrency: someone saved first */
  PLAZA_STORE_ERROR_INVALID,       /* bad input; the message says which field */
  PLAZA_STORE_ERROR_CORRUPT,       /* integrity check failed */
  PLAZA_STORE_ERROR_STALE_LEASE,   /* a share's lease file left by a writer that is gone:
                                    * show it (plaza-lease.h) and break it only if the user agrees */
  PLAZA_STORE_ERROR_PERMISSION,    /* the store's role may not do this write */
} PlazaStoreError;

typedef enum
{
  PLAZA_STORE_OPEN_DEFAULT   = 0,
  PLAZA_STORE_OPEN_CREATE    = 1 << 0, /* create a new file; refuse an existing one */
  PLAZA_STORE_OPEN_READ_ONLY = 1 << 1,
} PlazaStoreOpenFlags;

/* The schema version this program knows (PRAGMA user_version). */
#define PLAZA_SCHEMA_VERSION 3

#define PLAZA_TYPE_STORE (plaza_store_get_type ())
G_DECLARE_FINAL_TYPE (PlazaStore, plaza_store, PLAZA, STORE, GObject)

/* A unit of work run inside BEGIN IMMEDIATE … COMMIT. Return FALSE with
 * @error set to roll back. It may be called more than once if the lock was
 * lost before anything was written, so it must not have side effects outside
 * the database. */
typedef gboolean (*PlazaStoreWriteFunc) (PlazaStore  *store,
                                         gpointer     user_data,
                                         GError     **error);

GQuark          plaza_store_error_quark        (void);

/* Opens (or with CREATE, creates and migrates) @path. A file whose schema is
 * newer than PLAZA_SCHEMA_VERSION opens read-only: plaza_store_is_read_only()
 * is TRUE and plaza_store_get_read_only_reason() says why, for the UI. An older
 * schema is migrated in one transaction. */
PlazaStore     *plaza_store_open               (const char           *path,
                                                PlazaStoreOpenFlags   flags,
                                                GError              **error);
const char     *plaza_store_get_path           (PlazaStore           *self);
sqlite3        *plaza_store_get_db             (PlazaStore           *self);
int             plaza_store_get_schema_version (PlazaStore           *self);
gboolean        plaza_store_is_read_only       (PlazaStore           *self);
const char     *plaza_store_get_read_only_reason (PlazaStore         *self);
PlazaLocation   plaza_store_get_location       (PlazaStore           *self);
const char     *plaza_store_get_journal_mode   (PlazaStore           *self);

/* The name recorded in change_log (OS login until accounts exist). */
const char     *plaza_store_get_user           (PlazaStore           *self);
void            plaza_store_set_user           (PlazaStore           *self,
                                                const char           *user);
/* The signed-in user's role (plaza-permissions.h). Set, every
 * plaza_store_log_change() it may not do fails with
 * PLAZA_STORE_ERROR_PERMISSION, so the write rolls back. NULL (the default:
 * tests, the demo, plazactl) checks nothing. */
const char     *plaza_store_get_role           (PlazaStore           *self);
void            plaza_store_set_role           (PlazaStore           *self,
                                                const char           *role);

/* Runs @func in a short BEGIN IMMEDIATE transaction with a busy timeout and a
 * bounded retry with jitter. A lock that cannot be had in time fails with
 * PLAZA_STORE_ERROR_BUSY (retryable). Refused on a read-only store. */
gboolean        plaza_store_write              (PlazaStore           *self,
                                                PlazaStoreWriteFunc   func,
                                                gpointer              user_data,
                                                GError              **error);

/* Called in the writing thread when a write has waited a second for the
 * write lock (@waiting TRUE), and again when it gets the lock or gives up
 * (@waiting FALSE), so that a GUI can show it is waiting. @user_data must
 * outlive the store (or the next call). */
typedef void (*PlazaStoreLockWaitFunc) (PlazaStore *store,
                                        gboolean    waiting,
                                        gpointer    user_data);
void            plaza_store_set_lock_wait_func (PlazaStore           *self,
                                                PlazaStoreLockWaitFunc func,
                                                gpointer              user_data);

/* TRUE when the file's share keeps locks local (sshfs/FUSE, CIFS nobrl, NFS
 * nolock/local_lock): every write runs inside the lease file (plaza-lease.h). */
gboolean        plaza_store_uses_lease         (PlazaStore           *self);
/* TRUE when a shared file was found in WAL mode: it is open read-only and
 * plaza_store_fix_journal_mode() (the one-click fix) switches it to DELETE;
 * that needs the only connection to the file. */
gboolean        plaza_store_needs_journal_fix  (PlazaStore           *self);
gboolean        plaza_store_fix_journal_mode   (PlazaStore           *self,
                                                GError              **error);

/* Inside plaza_store_write(): append one row to change_log. */
gboolean        plaza_store_log_change         (PlazaStore           *self,
                                                const char           *entity,
                                                gint64                entity_id,
                                                const char           *action,
                                                const char           *summary,
                                                GError              **error);

/* Helpers for the other core modules. Errors come back as PLAZA_STORE_ERROR. */
sqlite3_stmt   *plaza_store_prepare            (PlazaStore           *self,
                                                const char           *sql,
                                                GError              **error);
gboolean        plaza_store_exec               (PlazaStore           *self,
                                                const char           *sql,
                                                GError              **error);
/* Sets @error from the connection's last error; returns FALSE. */
gboolean        plaza_store_set_sqlite_error   (PlazaStore           *self,
                                                GError              **error);

/* PRAGMA data_version: moves when another connection committed. */
gint64          plaza_store_get_data_version   (PlazaStore           *self);

/* Settings table (key/value text). */
char           *plaza_store_get_setting        (PlazaStore           *self,
                                                const char           *key);
gboolean        plaza_store_set_setting        (PlazaStore           *self,
                                                const char           *key,
                                                const char           *value,
                                                GError              **error);

/* quick_check (or full integrity_check); TRUE and no error when "ok". */
gboolean        plaza_store_check              (PlazaStore           *self,
                                                gboolean              full,
                                                GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS
