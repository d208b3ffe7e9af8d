/* plaza-lease.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The secondary write lock for shares whose locks stay local (sshfs and other
 * FUSE mounts, CIFS "nobrl", NFS "nolock"/"local_lock"): a lease file
 * "<db>.plaza-lease" beside the database, created with O_CREAT|O_EXCL, that
 * names its holder (host, pid) and a heartbeat time. A lease is stale only
 * when its heartbeat is older than the stale age AND, on this host, its
 * process is gone; a lease of another host is stale on age alone only after
 * the stale age, and a stale lease is never broken silently: the caller shows
 * the holder to the user and calls plaza_lease_break() with the contents it
 * showed.
 */

#pragma once

#include <glib.h>

#include "plaza-location.h"

G_BEGIN_DECLS

#define PLAZA_LEASE_ERROR (plaza_lease_error_quark ())

typedef enum
{
  PLAZA_LEASE_ERROR_FAILED,
  PLAZA_LEASE_ERROR_BUSY,           /* held by a live writer past the timeout */
  PLAZA_LEASE_ERROR_STALE,          /* held by a writer that is provably gone: confirm a break */
  PLAZA_LEASE_ERROR_CANNOT_CREATE,  /* the folder does not let us create the file */
  PLAZA_LEASE_ERROR_CHANGED,        /* break: the file is not the one the user confirmed */
} PlazaLeaseError;

/* Seconds without a heartbeat after which a lease may be stale. The
 * environment variable PLAZA_LEASE_STALE_SECONDS overrides it (tests). */
#define PLAZA_LEASE_STALE_SECONDS 30
/* Seconds between heartbeats while a lease is kept alive (a long write: a
 * big sales import, a bill run, a restore). The environment variable
 * PLAZA_LEASE_HEARTBEAT_MS overrides it (tests). */
#define PLAZA_LEASE_HEARTBEAT_SECONDS 5

typedef struct _PlazaLease PlazaLease;

typedef struct
{
  char   *host;
  gint64  pid;
  gint64  heartbeat;   /* Unix time, seconds */
  char   *token;
} PlazaLeaseInfo;

GQuark       plaza_lease_error_quark      (void);

/* "<db_path>.plaza-lease" (free it). */
char        *plaza_lease_path_for         (const char      *db_path);

/* Pure: TRUE when mount options (the per-mount and the super options of a
 * mountinfo line, comma-separated) keep byte-range locks on this machine. */
gboolean     plaza_lease_options_keep_locks_local (PlazaLocation  location,
                                                   const char    *options);
/* TRUE when writes to @db_path need the lease: FUSE (sshfs, gvfs), or an
 * NFS/SMB mount whose options keep locks local. Honours PLAZA_FORCE_LOCATION
 * through @location. */
gboolean     plaza_lease_needed           (const char      *db_path,
                                           PlazaLocation    location);

/* Creates the lease of @db_path, waiting (with jitter) up to @timeout_ms for
 * a live holder. Fails with BUSY, STALE (the holder is provably gone; read it
 * with plaza_lease_read() and break it only with the user's consent) or
 * CANNOT_CREATE (a read-only folder). */
gboolean     plaza_lease_acquire          (const char      *db_path,
                                           guint            timeout_ms,
                                           PlazaLease     **lease,
                                           GError         **error);
/* Rewrites the heartbeat time, if the file is still ours. */
gboolean     plaza_lease_heartbeat        (PlazaLease      *lease,
                                           GError         **error);
/* Keeps @lease fresh while it is held: a thread rewrites the heartbeat every
 * @interval_ms (0: PLAZA_LEASE_HEARTBEAT_MS, else
 * PLAZA_LEASE_HEARTBEAT_SECONDS) until plaza_lease_release() stops it. It
 * stops on its own when the file is no longer ours. */
void         plaza_lease_keep_alive       (PlazaLease      *lease,
                                           guint            interval_ms);
/* How many heartbeats the keep-alive thread has written (tests). */
guint        plaza_lease_get_heartbeats   (PlazaLease      *lease);
/* Stops the keep-alive thread (if any), removes the file only if it is
 * still ours; frees @lease. */
void         plaza_lease_release          (PlazaLease      *lease);
const char  *plaza_lease_get_contents     (PlazaLease      *lease);

/* Reads the lease file at @lease_path: its raw contents (for a later break)
 * and the parsed fields. FALSE with G_FILE_ERROR_NOENT when there is none. */
gboolean     plaza_lease_read             (const char      *lease_path,
                                           char           **contents,
                                           PlazaLeaseInfo  *info,
                                           GError         **error);
void         plaza_lease_info_clear       (PlazaLeaseInfo  *info);
/* Stale: heartbeat older than @stale_after_s at @now AND, when @info's host
 * is this host, its pid is not running. */
gboolean     plaza_lease_info_is_stale    (const PlazaLeaseInfo *info,
                                           gint64           now,
                                           guint            stale_after_s);
/* A sentence naming the holder, for the UI (free it). */
char        *plaza_lease_info_describe    (const PlazaLeaseInfo *info);

/* Breaks a stale lease the user confirmed: removes @lease_path only if it
 * still holds exactly @expected_contents; else CHANGED and nothing removed. */
gboolean     plaza_lease_break            (const char      *lease_path,
                                           const char      *expected_contents,
                                           GError         **error);

/* The SQLite VFS for files that need the lease: over @below_name (NULL: the
 * default), a journal is never hot while a lease file exists. Returns its
 * name (registered once; the first caller's @below_name wins). */
const char  *plaza_lease_vfs_ensure       (const char      *below_name);

G_END_DECLS
