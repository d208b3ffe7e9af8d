/* plaza-fault-vfs.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A test SQLite VFS shim that fails on purpose: an I/O error, a short
 * (torn) write or SQLITE_BUSY on the Nth call of one kind (read, write,
 * sync, lock, unlock, truncate, delete, shmlock), once or every time from
 * then on.
 * It is installed as the default VFS, so every connection opened without a
 * named VFS goes through it. Outside tests nothing installs it unless
 * PLAZA_FAULT is set, e.g. PLAZA_FAULT="write:5:eio" or
 * PLAZA_FAULT="sync:1:eio:always" or PLAZA_FAULT="lock:2:busy"; or a
 * crash at an exact point: PLAZA_FAULT="write:7:kill".
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PLAZA_FAULT_VFS_NAME "plaza-fault"

typedef enum
{
  PLAZA_FAULT_OP_READ,
  PLAZA_FAULT_OP_WRITE,
  PLAZA_FAULT_OP_SYNC,
  PLAZA_FAULT_OP_LOCK,
  PLAZA_FAULT_OP_UNLOCK,
  PLAZA_FAULT_OP_TRUNCATE,
  PLAZA_FAULT_OP_DELETE,
  PLAZA_FAULT_OP_SHM_LOCK,   /* WAL: taking a lock in the -shm file */
  PLAZA_FAULT_N_OPS
} PlazaFaultOp;

typedef enum
{
  PLAZA_FAULT_IOERR,        /* SQLITE_IOERR_READ, _WRITE, _FSYNC, _LOCK … */
  PLAZA_FAULT_SHORT_WRITE,  /* half the bytes reach the file, then _WRITE */
  PLAZA_FAULT_BUSY,         /* SQLITE_BUSY */
  PLAZA_FAULT_KILL,         /* the process dies by SIGKILL before the call */
} PlazaFaultKind;

/* Installs the shim as the default VFS over the current default. Idempotent
 * and thread-safe; returns FALSE only when SQLite refuses it. */
gboolean     plaza_fault_vfs_install   (void);
/* Reads PLAZA_FAULT once: when set and valid, installs and arms the shim and
 * returns its name; otherwise NULL (a bad value is warned about). */
const char  *plaza_fault_vfs_ensure    (void);

/* Parses "OP:N:KIND[:always]" (OP read|write|sync|lock|unlock|truncate|
 * delete|shmlock, KIND eio|short|busy|kill, N ≥ 1). */
gboolean     plaza_fault_parse         (const char      *spec,
                                        PlazaFaultOp    *op,
                                        guint           *nth,
                                        PlazaFaultKind  *kind,
                                        gboolean        *always);

/* Resets the counters and fails the @nth call (1-based) of @op from now on,
 * and every later one too when @always. @nth 0 only counts. */
void         plaza_fault_vfs_arm       (PlazaFaultOp     op,
                                        guint            nth,
                                        PlazaFaultKind   kind,
                                        gboolean         always);
/* Stops failing (counting goes on). */
void         plaza_fault_vfs_disarm    (void);
/* Calls of @op seen since the last arm. */
guint        plaza_fault_vfs_get_count (PlazaFaultOp     op);
/* Failures injected since the last arm. */
guint        plaza_fault_vfs_get_injected (void);
const char  *plaza_fault_op_to_string  (PlazaFaultOp     op);

G_END_DECLS
