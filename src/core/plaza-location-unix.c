/* plaza-location-unix.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Asking Linux where a file lives: statfs() first, then
 * /proc/self/mountinfo to name FUSE filesystems and unknown magic numbers.
 * This is the only platform-specific part of the store.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <sys/vfs.h>

#include "plaza-location.h"

static PlazaLocation
forced_location (void)
{
  const char *force = g_getenv ("PLAZA_FORCE_LOCATION");

  if (force == NULL || *force == '\0')
    return PLAZA_LOCATION_UNKNOWN;
  if (g_str_equal (force, "local"))
    return PLAZA_LOCATION_LOCAL;
  if (g_str_equal (force, "nfs"))
    return PLAZA_LOCATION_NFS;
  if (g_str_equal (force, "smb"))
    return PLAZA_LOCATION_SMB;
  if (g_str_equal (force, "fuse"))
    return PLAZA_LOCATION_FUSE;
  if (g_str_equal (force, "network"))
    return PLAZA_LOCATION_OTHER_NETWORK;
  g_warning ("PLAZA_FORCE_LOCATION=%s is not one of local, network, nfs, smb, fuse", force);
  return PLAZA_LOCATION_UNKNOWN;
}

PlazaLocation
plaza_location_detect (const char *path)
{
  g_autofree char *absolute = NULL;
  g_autofree char *probe = NULL;
  g_autofree char *mountinfo = NULL;
  PlazaLocation location;
  struct statfs buf;

  g_return_val_if_fail (path != NULL, PLAZA_LOCATION_UNKNOWN);

  location = forced_location ();
  if (location != PLAZA_LOCATION_UNKNOWN)
    return location;

  absolute = g_canonicalize_filename (path, NULL);
  /* A file about to be created: ask about its folder. */
  probe = g_file_test (absolute, G_FILE_TEST_EXISTS) ? g_strdup (absolute) : g_path_get_dirname (absolute);

  if (statfs (probe, &buf) == 0)
    location = plaza_location_from_fs_type ((gint64) buf.f_type);

  if (location == PLAZA_LOCATION_FUSE || location == PLAZA_LOCATION_UNKNOWN)
    {
      if (g_file_get_contents ("/proc/self/mountinfo", &mountinfo, NULL, NULL))
        {
          PlazaLocation refined = plaza_location_from_mountinfo (mountinfo, probe);

          /* fuseblk (ntfs-3g) is local; sshfs and gvfs stay FUSE. */
          if (refined != PLAZA_LOCATION_UNKNOWN)
            location = refined;
        }
    }

  return location;
}
