/* plaza-location.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where a database file lives, and what that means for SQLite. The
 * decisions here are pure functions of their inputs (unit-tested with fake
 * statfs values and mountinfo text); asking the OS is in
 * plaza-location-unix.c, so a Windows port replaces only that file.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "plaza-location.h"

PlazaLocation
plaza_location_from_fs_type (gint64 f_type)
{
  switch ((guint32) f_type)
    {
    case 0x6969:            /* NFS */
      return PLAZA_LOCATION_NFS;
    case 0x517B:            /* SMB */
    case 0xFF534D42:        /* CIFS */
    case 0xFE534D42:        /* SMB2 */
      return PLAZA_LOCATION_SMB;
    case 0x65735546:        /* FUSE: sshfs, gvfs, … */
      return PLAZA_LOCATION_FUSE;
    case 0x5346414F:        /* AFS */
    case 0x73757245:        /* Coda */
    case 0x564C:            /* NCP */
    case 0x01021997:        /* 9P (v9fs) */
    case 0x00C36400:        /* Ceph */
      return PLAZA_LOCATION_OTHER_NETWORK;
    case 0xEF53:            /* ext2/3/4 */
    case 0x58465342:        /* XFS */
    case 0x9123683E:        /* Btrfs */
    case 0x01021994:        /* tmpfs */
    case 0x794C7630:        /* overlayfs */
    case 0x2FC12FC1:        /* ZFS */
    case 0xF2F52010:        /* F2FS */
    case 0x4D44:            /* VFAT */
    case 0x2011BAB0:        /* exFAT */
    case 0x5346544E:        /* NTFS (ntfs) */
    case 0x7366746E:        /* NTFS (ntfs3) */
    case 0x3153464A:        /* JFS */
    case 0x52654973:        /* ReiserFS */
    case 0x858458F6:        /* ramfs */
      return PLAZA_LOCATION_LOCAL;
    default:
      return PLAZA_LOCATION_UNKNOWN;
    }
}

PlazaLocation
plaza_location_from_fs_name (const char *fstype)
{
  static const char * const local[] = {
    "ext2", "ext3", "ext4", "xfs", "btrfs", "tmpfs", "overlay", "zfs", "f2fs",
    "vfat", "exfat", "ntfs", "ntfs3", "jfs", "reiserfs", "ramfs", "squashfs",
    "iso9660", "udf", "fuseblk", /* fuseblk: a local block device (ntfs-3g) */
    "fuse.ntfs-3g", "bcachefs", NULL
  };
  static const char * const other_network[] = {
    "afs", "ceph", "9p", "coda", "ncpfs", "glusterfs", "fuse.glusterfs",
    "lustre", "gfs2", "ocfs2", "beegfs", NULL
  };

  if (fstype == NULL || *fstype == '\0')
    return PLAZA_LOCATION_UNKNOWN;

  if (g_str_equal (fstype, "nfs") || g_str_equal (fstype, "nfs4"))
    return PLAZA_LOCATION_NFS;
  if (g_str_equal (fstype, "cifs") || g_str_equal (fstype, "smb3") ||
      g_str_equal (fstype, "smbfs") || g_str_equal (fstype, "smb2"))
    return PLAZA_LOCATION_SMB;
  if (g_strv_contains (other_network, fstype))
    return PLAZA_LOCATION_OTHER_NETWORK;
  if (g_strv_contains (local, fstype))
    return PLAZA_LOCATION_LOCAL;
  if (g_str_equal (fstype, "fuse") || g_str_has_prefix (fstype, "fuse."))
    return PLAZA_LOCATION_FUSE;
  return PLAZA_LOCATION_UNKNOWN;
}

/* mountinfo escapes space, tab, newline and backslash as \ooo. */
static char *
unescape_mount_point (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (p[0] == '\\' && p[1] >= '0' && p[1] <= '3' &&
          p[2] >= '0' && p[2] <= '7' && p[3] >= '0' && p[3] <= '7')
        {
          g_string_append_c (s, (char) (((p[1] - '0') << 6) | ((p[2] - '0') << 3) | (p[3] - '0')));
          p += 3;
        }
      else
        g_string_append_c (s, *p);
    }
  return g_string_free (s, FALSE);
}

/* TRUE when @mount_point is @path or one of its parent folders. */
static gboolean
mount_holds_path (const char *mount_point,
                  const char *path)
{
  gsize len = strlen (mount_point);

  if (g_str_equal (mount_point, "/"))
    return path[0] == '/';
  if (strncmp (mount_point, path, len) != 0)
    return FALSE;
  return path[len] == '\0' || path[len] == '/';
}

PlazaLocation
plaza_location_from_mountinfo (const char *mountinfo,
                               const char *path)
{
  g_auto(GStrv) lines = NULL;
  g_autofree char *best_type = NULL;
  gsize best_len = 0;
  gboolean found = FALSE;

  g_return_val_if_fail (path != NULL, PLAZA_LOCATION_UNKNOWN);

  if (mountinfo == NULL)
    return PLAZA_LOCATION_UNKNOWN;

  lines = g_strsplit (mountinfo, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], " ", -1);
      g_autofree char *mount_point = NULL;
      guint n = g_strv_length (fields);
      guint sep;
      gsize len;

      if (n < 7)
        continue;
      /* Optional fields end at a lone "-"; the fstype follows it. */
      for (sep = 6; sep < n && !g_str_equal (fields[sep], "-"); sep++)
        ;
      if (sep + 1 >= n)
        continue;

      mount_point = unescape_mount_point (fields[4]);
      if (!mount_holds_path (mount_point, path))
        continue;

      /* The longest holding mount wins; a later mount over the same point
       * hides an earlier one. */
      len = strlen (mount_point);
      if (!found || len >= best_len)
        {
          g_free (best_type);
          best_type = g_strdup (fields[sep + 1]);
          best_len = len;
          found = TRUE;
        }
    }

  return found ? plaza_location_from_fs_name (best_type) : PLAZA_LOCATION_UNKNOWN;
}

gboolean
plaza_location_is_network (PlazaLocation location)
{
  /* An unknown filesystem is treated as a share: the safe side. */
  return location != PLAZA_LOCATION_LOCAL;
}

void
plaza_location_get_policy (PlazaLocation     location,
                           PlazaStorePolicy *policy)
{
  g_return_if_fail (policy != NULL);

  if (plaza_location_is_network (location))
    {
      /* Never WAL across machines: its shared memory index cannot work
       * over a network filesystem. Full sync, and no mmap of a file that
       * another machine changes. */
      policy->journal_mode = "DELETE";
      policy->synchronous = "FULL";
      policy->mmap_size = 0;
      policy->network = TRUE;
    }
  else
    {
      policy->journal_mode = "WAL";
      policy->synchronous = "NORMAL";
      policy->mmap_size = 0;
      policy->network = FALSE;
    }
}

const char *
plaza_location_to_string (PlazaLocation location)
{
  switch (location)
    {
    case PLAZA_LOCATION_LOCAL:
      return _("Local disk");
    case PLAZA_LOCATION_NFS:
      return _("NFS share");
    case PLAZA_LOCATION_SMB:
      return _("Windows share (SMB)");
    case PLAZA_LOCATION_FUSE:
      return _("FUSE mount (sshfs, gvfs…)");
    case PLAZA_LOCATION_OTHER_NETWORK:
      return _("Network filesystem");
    case PLAZA_LOCATION_UNKNOWN:
    default:
      return _("Unknown filesystem");
    }
}
