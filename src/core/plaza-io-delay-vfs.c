/* plaza-io-delay-vfs.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A debug knob: PLAZA_IO_DELAY_MS=N registers a VFS over the default one
 * that sleeps N ms on every read, write, lock and sync, so anyone can feel
 * Plaza on a slow network drive. Everything else is passed through.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <sqlite3.h>
#include <stdlib.h>

#include "plaza-io-delay-vfs.h"

typedef struct
{
  sqlite3_file  base;   /* must be first: its pMethods point at delay_methods */
  sqlite3_file *real;   /* allocated right after this struct */
} DelayFile;

static sqlite3_vfs *real_vfs;
static sqlite3_vfs delay_vfs;
static sqlite3_io_methods delay_methods;
static guint delay_ms;

static inline void
delay (void)
{
  if (delay_ms > 0)
    g_usleep ((gulong) delay_ms * 1000);
}

#define REAL(f) (((DelayFile *) (f))->real)

static int
delay_close (sqlite3_file *f)
{
  int rc = SQLITE_OK;

  if (REAL (f)->pMethods != NULL)
    rc = REAL (f)->pMethods->xClose (REAL (f));
  return rc;
}

static int
delay_read (sqlite3_file *f, void *buf, int amount, sqlite3_int64 offset)
{
  delay ();
  return REAL (f)->pMethods->xRead (REAL (f), buf, amount, offset);
}

static int
delay_write (sqlite3_file *f, const void *buf, int amount, sqlite3_int64 offset)
{
  delay ();
  return REAL (f)->pMethods->xWrite (REAL (f), buf, amount, offset);
}

static int
delay_truncate (sqlite3_file *f, sqlite3_int64 size)
{
  return REAL (f)->pMethods->xTruncate (REAL (f), size);
}

static int
delay_sync (sqlite3_file *f, int flags)
{
  delay ();
  return REAL (f)->pMethods->xSync (REAL (f), flags);
}

static int
delay_file_size (sqlite3_file *f, sqlite3_int64 *size)
{
  return REAL (f)->pMethods->xFileSize (REAL (f), size);
}

static int
delay_lock (sqlite3_file *f, int level)
{
  delay ();
  return REAL (f)->pMethods->xLock (REAL (f), level);
}

static int
delay_unlock (sqlite3_file *f, int level)
{
  return REAL (f)->pMethods->xUnlock (REAL (f), level);
}

static int
delay_check_reserved_lock (sqlite3_file *f, int *out)
{
  return REAL (f)->pMethods->xCheckReservedLock (REAL (f), out);
}

static int
delay_file_control (sqlite3_file *f, int op, void *arg)
{
  return REAL (f)->pMethods->xFileControl (REAL (f), op, arg);
}

static int
delay_sector_size (sqlite3_file *f)
{
  return REAL (f)->pMethods->xSectorSize (REAL (f));
}

static int
delay_device_characteristics (sqlite3_file *f)
{
  return REAL (f)->pMethods->xDeviceCharacteristics (REAL (f));
}

static int
delay_shm_map (sqlite3_file *f, int page, int size, int extend, void volatile **out)
{
  return REAL (f)->pMethods->xShmMap (REAL (f), page, size, extend, out);
}

static int
delay_shm_lock (sqlite3_file *f, int offset, int n, int flags)
{
  delay ();
  return REAL (f)->pMethods->xShmLock (REAL (f), offset, n, flags);
}

static void
delay_shm_barrier (sqlite3_file *f)
{
  REAL (f)->pMethods->xShmBarrier (REAL (f));
}

static int
delay_shm_unmap (sqlite3_file *f, int delete_flag)
{
  return REAL (f)->pMethods->xShmUnmap (REAL (f), delete_flag);
}

static int
delay_fetch (sqlite3_file *f, sqlite3_int64 offset, int amount, void **out)
{
  return REAL (f)->pMethods->xFetch (REAL (f), offset, amount, out);
}

static int
delay_unfetch (sqlite3_file *f, sqlite3_int64 offset, void *p)
{
  return REAL (f)->pMethods->xUnfetch (REAL (f), offset, p);
}

static int
delay_open (sqlite3_vfs *vfs G_GNUC_UNUSED,
            const char  *name,
            sqlite3_file *f,
            int          flags,
            int         *out_flags)
{
  DelayFile *file = (DelayFile *) f;
  int rc;

  file->real = (sqlite3_file *) (file + 1);
  rc = real_vfs->xOpen (real_vfs, name, file->real, flags, out_flags);
  /* SQLite calls xClose only when pMethods is set. */
  file->base.pMethods = file->real->pMethods != NULL ? &delay_methods : NULL;
  return rc;
}

static int
delay_delete (sqlite3_vfs *vfs G_GNUC_UNUSED, const char *name, int sync_dir)
{
  return real_vfs->xDelete (real_vfs, name, sync_dir);
}

static int
delay_access (sqlite3_vfs *vfs G_GNUC_UNUSED, const char *name, int flags, int *out)
{
  return real_vfs->xAccess (real_vfs, name, flags, out);
}

static int
delay_full_pathname (sqlite3_vfs *vfs G_GNUC_UNUSED, const char *name, int n, char *out)
{
  return real_vfs->xFullPathname (real_vfs, name, n, out);
}

static void *
delay_dl_open (sqlite3_vfs *vfs G_GNUC_UNUSED, const char *name)
{
  return real_vfs->xDlOpen (real_vfs, name);
}

static void
delay_dl_error (sqlite3_vfs *vfs G_GNUC_UNUSED, int n, char *out)
{
  real_vfs->xDlError (real_vfs, n, out);
}

static void (*delay_dl_sym (sqlite3_vfs *vfs G_GNUC_UNUSED, void *handle, const char *sym)) (void)
{
  return real_vfs->xDlSym (real_vfs, handle, sym);
}

static void
delay_dl_close (sqlite3_vfs *vfs G_GNUC_UNUSED, void *handle)
{
  real_vfs->xDlClose (real_vfs, handle);
}

static int
delay_randomness (sqlite3_vfs *vfs G_GNUC_UNUSED, int n, char *out)
{
  return real_vfs->xRandomness (real_vfs, n, out);
}

static int
delay_sleep (sqlite3_vfs *vfs G_GNUC_UNUSED, int us)
{
  return real_vfs->xSleep (real_vfs, us);
}

static int
delay_current_time (sqlite3_vfs *vfs G_GNUC_UNUSED, double *out)
{
  return real_vfs->xCurrentTime (real_vfs, out);
}

static int
delay_get_last_error (sqlite3_vfs *vfs G_GNUC_UNUSED, int n, char *out)
{
  return real_vfs->xGetLastError != NULL ? real_vfs->xGetLastError (real_vfs, n, out) : 0;
}

static int
delay_current_time_int64 (sqlite3_vfs *vfs G_GNUC_UNUSED, sqlite3_int64 *out)
{
  return real_vfs->xCurrentTimeInt64 (real_vfs, out);
}

static gpointer
register_vfs (gpointer data G_GNUC_UNUSED)
{
  const char *env = g_getenv ("PLAZA_IO_DELAY_MS");
  guint64 ms = 0;

  if (env == NULL || !g_ascii_string_to_unsigned (env, 10, 1, 60000, &ms, NULL))
    return NULL;

  real_vfs = sqlite3_vfs_find (NULL);
  if (real_vfs == NULL)
    return NULL;

  delay_methods = (sqlite3_io_methods) {
    .iVersion = 3,
    .xClose = delay_close,
    .xRead = delay_read,
    .xWrite = delay_write,
    .xTruncate = delay_truncate,
    .xSync = delay_sync,
    .xFileSize = delay_file_size,
    .xLock = delay_lock,
    .xUnlock = delay_unlock,
    .xCheckReservedLock = delay_check_reserved_lock,
    .xFileControl = delay_file_control,
    .xSectorSize = delay_sector_size,
    .xDeviceCharacteristics = delay_device_characteristics,
    .xShmMap = delay_shm_map,
    .xShmLock = delay_shm_lock,
    .xShmBarrier = delay_shm_barrier,
    .xShmUnmap = delay_shm_unmap,
    .xFetch = delay_fetch,
    .xUnfetch = delay_unfetch,
  };

  delay_vfs = (sqlite3_vfs) {
    .iVersion = 2,
    .szOsFile = (int) sizeof (DelayFile) + real_vfs->szOsFile,
    .mxPathname = real_vfs->mxPathname,
    .zName = PLAZA_IO_DELAY_VFS_NAME,
    .xOpen = delay_open,
    .xDelete = delay_delete,
    .xAccess = delay_access,
    .xFullPathname = delay_full_pathname,
    .xDlOpen = delay_dl_open,
    .xDlError = delay_dl_error,
    .xDlSym = delay_dl_sym,
    .xDlClose = delay_dl_close,
    .xRandomness = delay_randomness,
    .xSleep = delay_sleep,
    .xCurrentTime = delay_current_time,
    .xGetLastError = delay_get_last_error,
    .xCurrentTimeInt64 = delay_current_time_int64,
  };

  if (sqlite3_vfs_register (&delay_vfs, 0) != SQLITE_OK)
    return NULL;

  delay_ms = (guint) ms;
  g_message ("PLAZA_IO_DELAY_MS: every read, write, lock and sync waits %u ms", delay_ms);
  return (gpointer) PLAZA_IO_DELAY_VFS_NAME;
}

const char *
plaza_io_delay_vfs_ensure (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, register_vfs, NULL);
}

guint
plaza_io_delay_vfs_get_delay_ms (void)
{
  plaza_io_delay_vfs_ensure ();
  return delay_ms;
}
