/* plaza-lease-vfs.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where locks stay local, a reader on another computer cannot see a writer's
 * RESERVED lock, so SQLite takes the writer's live rollback journal for a hot
 * one and "rolls it back" into the file under the writer. This thin VFS over
 * the one the store uses answers xCheckReservedLock with TRUE while a lease
 * file (plaza-lease.h) lies beside the database: a journal is hot only when
 * no one holds the lease (a stale lease is broken first, with consent).
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "plaza-lease.h"

#define LEASE_VFS_NAME "plaza-lease"

static sqlite3_vfs lease_vfs;
static sqlite3_vfs *below;
static const sqlite3_io_methods *orig_methods;
static sqlite3_io_methods lease_methods;
static GMutex files_lock;
static GHashTable *files;   /* sqlite3_file * → lease path */

static int
lease_close (sqlite3_file *f)
{
  g_mutex_lock (&files_lock);
  g_hash_table_remove (files, f);
  g_mutex_unlock (&files_lock);
  return orig_methods->xClose (f);
}

static int
lease_check_reserved_lock (sqlite3_file *f,
                           int          *out)
{
  int rc = orig_methods->xCheckReservedLock (f, out);
  g_autofree char *path = NULL;

  if (rc != SQLITE_OK || *out)
    return rc;
  g_mutex_lock (&files_lock);
  path = g_strdup (g_hash_table_lookup (files, f));
  g_mutex_unlock (&files_lock);
  if (path != NULL && g_file_test (path, G_FILE_TEST_EXISTS))
    *out = 1;
  return rc;
}

static int
lease_open (sqlite3_vfs  *vfs G_GNUC_UNUSED,
            const char   *name,
            sqlite3_file *f,
            int           flags,
            int          *out_flags)
{
  int rc = below->xOpen (below, name, f, flags, out_flags);

  if (rc != SQLITE_OK || name == NULL || (flags & SQLITE_OPEN_MAIN_DB) == 0 || f->pMethods == NULL)
    return rc;

  g_mutex_lock (&files_lock);
  if (orig_methods == NULL)
    {
      orig_methods = f->pMethods;
      lease_methods = *orig_methods;
      lease_methods.xClose = lease_close;
      lease_methods.xCheckReservedLock = lease_check_reserved_lock;
    }
  if (f->pMethods == orig_methods)
    {
      f->pMethods = &lease_methods;
      g_hash_table_insert (files, f, plaza_lease_path_for (name));
    }
  g_mutex_unlock (&files_lock);
  return rc;
}

static gpointer
register_vfs (gpointer data)
{
  const char *below_name = data;

  below = sqlite3_vfs_find (below_name);
  if (below == NULL)
    return NULL;
  files = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  /* Everything else is the layer below's, with its own app data. */
  lease_vfs = *below;
  lease_vfs.pNext = NULL;
  lease_vfs.zName = LEASE_VFS_NAME;
  lease_vfs.xOpen = lease_open;
  if (sqlite3_vfs_register (&lease_vfs, 0) != SQLITE_OK)
    return NULL;
  return (gpointer) LEASE_VFS_NAME;
}

const char *
plaza_lease_vfs_ensure (const char *below_name)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, register_vfs, (gpointer) below_name);
}
