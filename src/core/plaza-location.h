/* plaza-location.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where a database file lives (local disk, NFS, SMB/CIFS, FUSE) and the SQLite
 * settings that follow from it. The decision functions are pure so tests can
 * feed them fake inputs; everything that asks the OS lives in
 * plaza-location-unix.c (a Windows build adds plaza-location-win32.c).
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  PLAZA_LOCATION_UNKNOWN,
  PLAZA_LOCATION_LOCAL,
  PLAZA_LOCATION_NFS,
  PLAZA_LOCATION_SMB,      /* smb, smb2, cifs */
  PLAZA_LOCATION_FUSE,     /* sshfs, gvfs, other fuse */
  PLAZA_LOCATION_OTHER_NETWORK,
} PlazaLocation;

typedef struct
{
  const char *journal_mode;   /* "WAL" or "DELETE" */
  const char *synchronous;    /* "NORMAL" or "FULL" */
  gint64      mmap_size;      /* 0 = no mmap */
  gboolean    network;        /* TRUE: treat as a shared network file */
} PlazaStorePolicy;

/* Pure decisions, unit-tested with fake inputs. */
PlazaLocation  plaza_location_from_fs_type     (gint64         f_type);
PlazaLocation  plaza_location_from_fs_name     (const char    *fstype);
/* Finds the mount that holds @path in the text of /proc/self/mountinfo
 * (longest mount-point prefix) and classifies its filesystem type. */
PlazaLocation  plaza_location_from_mountinfo   (const char    *mountinfo,
                                                const char    *path);
void           plaza_location_get_policy       (PlazaLocation  location,
                                                PlazaStorePolicy *policy);
gboolean       plaza_location_is_network       (PlazaLocation  location);
const char    *plaza_location_to_string        (PlazaLocation  location);

/* Asks the OS (statfs, then /proc/self/mountinfo to refine FUSE and unknown
 * types). @path may be a file that does not exist yet: its folder is used. */
PlazaLocation  plaza_location_detect           (const char    *path);

G_END_DECLS
