/* plaza-fault-vfs.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fault injection for the proof that no write is ever half done: a VFS
 * over the default one that counts reads, writes, syncs, locks, unlocks,
 * truncates, deletes and WAL index locks, and fails the Nth of one kind (once, or from then
 * on). Like plaza-io-delay-vfs.c, everything else is passed through.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "plaza-fault-vfs.h"

typedef struct
{
  sqlite3_file  base;   /* must be first: its pMethods point at fault_methods */
  sqlite3_file *real;   /* allocated right after this struct */
} FaultFile;

static sqlite3_vfs *real_vfs;
static sqlite3_vfs fault_vfs;
static sqlite3_io_methods fault_methods;

static GMutex fault_lock;
static guint counts[PLAZA_FAULT_N_OPS];
static guint injected;
static gboolean armed;
static PlazaFaultOp armed_op;
static guint armed_nth;
static PlazaFaultKind armed_kind;
static gboolean armed_always;

static const char *const op_names[PLAZA_FAULT_N_OPS] = {
  "read", "write", "sync", "lock", "unlock", "truncate", "delete", "shmlock",
};

static const int op_ioerr[PLAZA_FAULT_N_OPS] = {
  SQLITE_IOERR_READ, SQLITE_IOERR_WRITE, SQLITE_IOERR_FSYNC, SQLITE_IOERR_LOCK,
  SQLITE_IOERR_UNLOCK, SQLITE_IOERR_TRUNCATE, SQLITE_IOERR_DELETE, SQLITE_IOERR_SHMLOCK,
};

/* Counts one call of @op; returns the fault to inject (SQLITE_OK: none)
 * and whether it is a short write. */
static int
count_call (PlazaFaultOp  op,
            gboolean     *short_write)
{
  int rc = SQLITE_OK;
  guint n;

  *short_write = FALSE;
  g_mutex_lock (&fault_lock);
  n = ++counts[op];
  if (armed && armed_op == op && armed_nth > 0 &&
      (n == armed_nth || (armed_always && n > armed_nth)))
    {
      injected++;
      if (armed_kind == PLAZA_FAULT_KILL)
        kill (getpid (), SIGKILL);
      if (armed_kind == PLAZA_FAULT_BUSY)
        rc = SQLITE_BUSY;
      else
        {
          rc = op_ioerr[op];
          *short_write = armed_kind == PLAZA_FAULT_SHORT_WRITE && op == PLAZA_FAULT_OP_WRITE;
        }
    }
  g_mutex_unlock (&fault_lock);
  return rc;
}

#define REAL(f) (((FaultFile *) (f))->real)

static int
fault_close (sqlite3_file *f)
{
  int rc = SQLITE_OK;

  if (REAL (f)->pMethods != NULL)
    rc = REAL (f)->pMethods->xClose (REAL (f));
  return rc;
}

static int
fault_read (sqlite3_file *f, void *buf, int amount, sqlite3_int64 offset)
{
  gboolean short_write;
  int rc = count_call (PLAZA_FAULT_OP_READ, &short_write);

  if (rc != SQLITE_OK)
    return rc;
  return REAL (f)->pMethods->xRead (REAL (f), buf, amount, offset);
}

static int
fault_write (sqlite3_file *f, const void *buf, int amount, sqlite3_int64 offset)
{
  gboolean short_write;
  int rc = count_call (PLAZA_FAULT_OP_WRITE, &short_write);

  if (rc == SQLITE_OK)
    return REAL (f)->pMethods->xWrite (REAL (f), buf, amount, offset);
  /* A torn write: the first half lands, then the error is reported. */
  if (short_write && amount > 1)
    REAL (f)->pMethods->xWrite (REAL (f), buf, amount / 2, offset);
  return rc;
}

static int
fault_truncate (sqlite3_file *f, sqlite3_int64 size)
{
  gboolean short_write;
  int rc = count_call (PLAZA_FAULT_OP_TRUNCATE, &short_write);

  if (rc != SQLITE_OK)
    return rc;
  return REAL (f)->pMethods->xTruncate (REAL (f), size);
}

static int
fault_sync (sqlite3_file *f, int flags)
{
  gboolean short_write;
  int rc = count_call (PLAZA_FAULT_OP_SYNC, &short_write);

  if (rc != SQLITE_OK)
    return rc;
  return REAL (f)->pMethods->xSync (REAL (f), flags);
}

static int
fault_file_size (sqlite3_file *f, sqlite3_int64 *size)
{
  return REAL (f)->pMethods->xFileSize (REAL (f), size);
}

static int
fault_lock_file (sqlite3_file *f, int level)
{
  gboolean short_write;
  int rc = count_call (PLAZA_FAULT_OP_LOCK, &short_write);

  if (rc != SQLITE_OK)
    return rc;
  return REAL (f)->pMethods->xLock (REAL (f), level);
}

static int
fault_unlock_file (sqlite3_file *f, int level)
{
  gboolean short_write;
  int rc = count_call (PLAZA_FAULT_OP_UNLOCK, &short_write);

  if (rc != SQLITE_OK)
    return rc;
  return REAL (f)->pMethods->xUnlock (REAL (f), level);
}

static int
fault_check_reserved_lock (sqlite3_file *f, int *out)
{
  return REAL (f)->pMethods->xCheckReservedLock (REAL (f), out);
}

static int
fault_file_control (sqlite3_file *f, int op, void *arg)
{
  return REAL (f)->pMethods->xFileControl (REAL (f), op, arg);
}

static int
fault_sector_size (sqlite3_file *f)
{
  return REAL (f)->pMethods->xSectorSize (REAL (f));
}

static int
fault_device_characteristics (sqlite3_file *f)
{
  return REAL (f)->pMethods->xDeviceCharacteristics (REAL (f));
}

static int
fault_shm_map (sqlite3_file *f, int page, int size, int extend, void volatile **out)
{
  return REAL (f)->pMethods->xShmMap (REAL (f), page, size, extend, out);
}

/* Only taking a lock counts: releasing one never fails on a real system,
 * and a lock kept by a failed release would outlive the connection. */
static int
fault_shm_lock (sqlite3_file *f, int offset, int n, int flags)
{
  if (flags & SQLITE_SHM_LOCK)
    {
      gboolean short_write;
      int rc = count_call (PLAZA_FAULT_OP_SHM_LOCK, &short_write);

      if (rc != SQLITE_OK)
        return rc;
    }
  return REAL (f)->pMethods->xShmLock (REAL (f), offset, n, flags);
}

static void
fault_shm_barrier (sqlite3_file *f)
{
  REAL (f)->pMethods->xShmBarrier (REAL (f));
}

static int
fault_shm_unmap (sqlite3_file *f, int delete_flag)
{
  return REAL (f)->pMethods->xShmUnmap (REAL (f), delete_flag);
}

/* Memory-mapped reads would go around xRead: refused, so SQLite reads. */
static int
fault_fetch (sqlite3_file *f G_GNUC_UNUSED, sqlite3_int64 offset G_GNUC_UNUSED,
             int amount G_GNUC_UNUSED, void **out)
{
  *out = NULL;
  return SQLITE_OK;
}

static int
fault_unfetch (sqlite3_file *f G_GNUC_UNUSED, sqlite3_int64 offset G_GNUC_UNUSED,
               void *p G_GNUC_UNUSED)
{
  return SQLITE_OK;
}

static int
fault_open (sqlite3_vfs *vfs G_GNUC_UNUSED,
            const char  *name,
            sqlite3_file *f,
            int          flags,
            int         *out_flags)
{
  FaultFile *file = (FaultFile *) f;
  int rc;

  file->real = (sqlite3_file *) (file + 1);
  rc = real_vfs->xOpen (real_vfs, name, file->real, flags, out_flags);
  /* SQLite calls xClose only when pMethods is set. */
  file->base.pMethods = file->real->pMethods != NULL ? &fault_methods : NULL;
  return rc;
}

static int
fault_delete (sqlite3_vfs *vfs G_GNUC_UNUSED, const char *name, int sync_dir)
{
  gboolean short_write;
  int rc = count_call (PLAZA_FAULT_OP_DELETE, &short_write);

  if (rc != SQLITE_OK)
    return rc;
  return real_vfs->xDelete (real_vfs, name, sync_dir);
}

static int
fault_access (sqlite3_vfs *vfs G_GNUC_UNUSED, const char *name, int flags, int *out)
{
  return real_vfs->xAccess (real_vfs, name, flags, out);
}

static int
fault_full_pathname (sqlite3_vfs *vfs G_GNUC_UNUSED, const char *name, int n, char *out)
{
  return real_vfs->xFullPathname (real_vfs, name, n, out);
}

static void *
fault_dl_open (sqlite3_vfs *vfs G_GNUC_UNUSED, const char *name)
{
  return real_vfs->xDlOpen (real_vfs, name);
}

static void
fault_dl_error (sqlite3_vfs *vfs G_GNUC_UNUSED, int n, char *out)
{
  real_vfs->xDlError (real_vfs, n, out);
}

static void (*fault_dl_sym (sqlite3_vfs *vfs G_GNUC_UNUSED, void *handle, const char *sym)) (void)
{
  return real_vfs->xDlSym (real_vfs, handle, sym);
}

static void
fault_dl_close (sqlite3_vfs *vfs G_GNUC_UNUSED, void *handle)
{
  real_vfs->xDlClose (real_vfs, handle);
}

static int
fault_randomness (sqlite3_vfs *vfs G_GNUC_UNUSED, int n, char *out)
{
  return real_vfs->xRandomness (real_vfs, n, out);
}

static int
fault_sleep (sqlite3_vfs *vfs G_GNUC_UNUSED, int us)
{
  return real_vfs->xSleep (real_vfs, us);
}

static int
fault_current_time (sqlite3_vfs *vfs G_GNUC_UNUSED, double *out)
{
  return real_vfs->xCurrentTime (real_vfs, out);
}

static int
fault_get_last_error (sqlite3_vfs *vfs G_GNUC_UNUSED, int n, char *out)
{
  return real_vfs->xGetLastError != NULL ? real_vfs->xGetLastError (real_vfs, n, out) : 0;
}

static int
fault_current_time_int64 (sqlite3_vfs *vfs G_GNUC_UNUSED, sqlite3_int64 *out)
{
  return real_vfs->xCurrentTimeInt64 (real_vfs, out);
}

static gpointer
register_vfs (gpointer data G_GNUC_UNUSED)
{
  real_vfs = sqlite3_vfs_find (NULL);
  if (real_vfs == NULL)
    return GINT_TO_POINTER (FALSE);

  fault_methods = (sqlite3_io_methods) {
    .iVersion = 3,
    .xClose = fault_close,
    .xRead = fault_read,
    .xWrite = fault_write,
    .xTruncate = fault_truncate,
    .xSync = fault_sync,
    .xFileSize = fault_file_size,
    .xLock = fault_lock_file,
    .xUnlock = fault_unlock_file,
    .xCheckReservedLock = fault_check_reserved_lock,
    .xFileControl = fault_file_control,
    .xSectorSize = fault_sector_size,
    .xDeviceCharacteristics = fault_device_characteristics,
    .xShmMap = fault_shm_map,
    .xShmLock = fault_shm_lock,
    .xShmBarrier = fault_shm_barrier,
    .xShmUnmap = fault_shm_unmap,
    .xFetch = fault_fetch,
    .xUnfetch = fault_unfetch,
  };

  fault_vfs = (sqlite3_vfs) {
    .iVersion = 2,
    .szOsFile = (int) sizeof (FaultFile) + real_vfs->szOsFile,
    .mxPathname = real_vfs->mxPathname,
    .zName = PLAZA_FAULT_VFS_NAME,
    .xOpen = fault_open,
    .xDelete = fault_delete,
    .xAccess = fault_access,
    .xFullPathname = fault_full_pathname,
    .xDlOpen = fault_dl_open,
    .xDlError = fault_dl_error,
    .xDlSym = fault_dl_sym,
    .xDlClose = fault_dl_close,
    .xRandomness = fault_randomness,
    .xSleep = fault_sleep,
    .xCurrentTime = fault_current_time,
    .xGetLastError = fault_get_last_error,
    .xCurrentTimeInt64 = fault_current_time_int64,
  };

  /* The default: connections opened without a VFS name come through here. */
  return GINT_TO_POINTER (sqlite3_vfs_register (&fault_vfs, 1) == SQLITE_OK);
}

gboolean
plaza_fault_vfs_install (void)
{
  static GOnce once = G_ONCE_INIT;

  return GPOINTER_TO_INT (g_once (&once, register_vfs, NULL));
}

gboolean
plaza_fault_parse (const char     *spec,
                   PlazaFaultOp   *op,
                   guint          *nth,
                   PlazaFaultKind *kind,
                   gboolean       *always)
{
  g_auto(GStrv) parts = NULL;
  guint64 n = 0;
  guint n_parts;
  int found = -1;

  g_return_val_if_fail (spec != NULL, FALSE);

  parts = g_strsplit (spec, ":", -1);
  n_parts = g_strv_length (parts);
  if (n_parts < 3 || n_parts > 4)
    return FALSE;
  for (int i = 0; i < PLAZA_FAULT_N_OPS; i++)
    if (g_str_equal (parts[0], op_names[i]))
      found = i;
  if (found < 0 || !g_ascii_string_to_unsigned (parts[1], 10, 1, G_MAXUINT, &n, NULL))
    return FALSE;
  if (n_parts == 4 && !g_str_equal (parts[3], "always"))
    return FALSE;

  if (g_str_equal (parts[2], "eio"))
    *kind = PLAZA_FAULT_IOERR;
  else if (g_str_equal (parts[2], "short"))
    *kind = PLAZA_FAULT_SHORT_WRITE;
  else if (g_str_equal (parts[2], "busy"))
    *kind = PLAZA_FAULT_BUSY;
  else if (g_str_equal (parts[2], "kill"))
    *kind = PLAZA_FAULT_KILL;
  else
    return FALSE;
  *op = (PlazaFaultOp) found;
  *nth = (guint) n;
  *always = n_parts == 4;
  return TRUE;
}

static gpointer
ensure_from_env (gpointer data G_GNUC_UNUSED)
{
  const char *env = g_getenv ("PLAZA_FAULT");
  PlazaFaultOp op;
  PlazaFaultKind kind;
  guint nth;
  gboolean always;

  if (env == NULL || *env == '\0')
    return NULL;
  if (!plaza_fault_parse (env, &op, &nth, &kind, &always))
    {
      g_warning ("PLAZA_FAULT=%s is not OP:N:KIND[:always] (OP read, write, sync, lock, "
                 "unlock, truncate, delete or shmlock; KIND eio, short, busy or kill)", env);
      return NULL;
    }
  if (!plaza_fault_vfs_install ())
    return NULL;
  plaza_fault_vfs_arm (op, nth, kind, always);
  g_message ("PLAZA_FAULT: call %u of %s fails%s", nth, op_names[op], always ? ", and every later one" : "");
  return (gpointer) PLAZA_FAULT_VFS_NAME;
}

const char *
plaza_fault_vfs_ensure (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, ensure_from_env, NULL);
}

void
plaza_fault_vfs_arm (PlazaFaultOp   op,
                     guint          nth,
                     PlazaFaultKind kind,
                     gboolean       always)
{
  g_return_if_fail (op < PLAZA_FAULT_N_OPS);

  g_mutex_lock (&fault_lock);
  memset (counts, 0, sizeof counts);
  injected = 0;
  armed = TRUE;
  armed_op = op;
  armed_nth = nth;
  armed_kind = kind;
  armed_always = always;
  g_mutex_unlock (&fault_lock);
}

void
plaza_fault_vfs_disarm (void)
{
  g_mutex_lock (&fault_lock);
  armed = FALSE;
  g_mutex_unlock (&fault_lock);
}

guint
plaza_fault_vfs_get_count (PlazaFaultOp op)
{
  guint n;

  g_return_val_if_fail (op < PLAZA_FAULT_N_OPS, 0);
  g_mutex_lock (&fault_lock);
  n = counts[op];
  g_mutex_unlock (&fault_lock);
  return n;
}

guint
plaza_fault_vfs_get_injected (void)
{
  guint n;

  g_mutex_lock (&fault_lock);
  n = injected;
  g_mutex_unlock (&fault_lock);
  return n;
}

const char *
plaza_fault_op_to_string (PlazaFaultOp op)
{
  g_return_val_if_fail (op < PLAZA_FAULT_N_OPS, NULL);
  return op_names[op];
}
