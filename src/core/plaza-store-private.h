/* plaza-store-private.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Inside the store: the object's fields and the helpers plaza-store.c
 * (opening, policy, settings) and plaza-store-write.c (the write path, the
 * lease, the change log) share. Nothing outside these two files includes it.
 */

#pragma once

#include <sqlite3.h>

#include "plaza-lease.h"
#include "plaza-store.h"

G_BEGIN_DECLS

/* Each attempt at the write lock waits this long inside SQLite … */
#define BUSY_TIMEOUT_MS 1000
/* … and this many attempts are made, with a jittered pause between. */
#define WRITE_ATTEMPTS 5
#define COMMIT_ATTEMPTS 5
/* Where locks stay local, a write waits this long for the lease file. */
#define LEASE_TIMEOUT_MS 10000
/* A write that has waited this long for the lock says so (lock_wait_func). */
#define LOCK_WAIT_NOTICE_US (1000 * 1000)

struct _PlazaStore
{
  GObject parent_instance;

  sqlite3       *db;
  char          *path;
  char          *user;
  char          *role;          /* NULL: no permission checks */
  char          *host;
  char          *read_only_reason;
  char          *journal_mode;
  PlazaLocation  location;
  int            schema_version;
  guint          write_depth;
  gboolean       read_only;
  gboolean       lease_needed;  /* locks stay local: writes take the lease file */
  gboolean       wal_on_share;  /* a share's file left in WAL mode: read-only until fixed */
  PlazaLease    *open_lease;    /* held while opening (its reads see no live writer's journal) */
  PlazaStoreLockWaitFunc lock_wait_func;  /* NULL: nobody listens */
  gpointer       lock_wait_data;
};

gboolean plaza_store_error_from_rc    (GError     **error,
                                       sqlite3     *db,
                                       int          rc);
gboolean plaza_store_exec_sql         (sqlite3     *db,
                                       const char  *sql,
                                       GError     **error);
char    *plaza_store_query_text       (sqlite3     *db,
                                       const char  *sql);
gboolean plaza_store_open_connection  (PlazaStore  *self,
                                       gboolean     create,
                                       gboolean     read_only,
                                       GError     **error);
gboolean plaza_store_apply_policy     (PlazaStore  *self,
                                       GError     **error);
/* Where locks stay local, the lease file is the write lock. */
gboolean plaza_store_take_lease       (PlazaStore  *self,
                                       PlazaLease **lease,
                                       GError     **error);
/* TRUE when this store's own committed write added change_log row @seq. */
gboolean plaza_store_is_own_seq       (PlazaStore  *self,
                                       gint64       seq);

G_END_DECLS
