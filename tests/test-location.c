/* test-location.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The location → pragma decision, with fake statfs values and mountinfo.
 */

#define G_LOG_DOMAIN "plaza-test"

#include "config.h"

#include <glib/gstdio.h>

#include "plaza-core.h"

static const char *mountinfo =
  "22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw\n"
  "23 22 0:21 / /proc rw,nosuid - proc proc rw\n"
  "30 22 8:2 / /home rw,relatime shared:2 - xfs /dev/sda2 rw\n"
  "40 22 0:40 / /mnt/share rw,relatime shared:9 - cifs //nas/commercial rw,vers=3.0\n"
  "41 22 0:41 / /mnt/share2 rw,nosuid,nodev - fuse.sshfs clerk@nas:/srv/mall rw,user_id=0\n"
  "42 22 0:42 / /mnt/nfs rw,relatime - nfs4 nas:/export rw,vers=4.2\n"
  "43 22 0:43 / /mnt/my\\040share rw - smb3 //nas/my\\040share rw\n"
  "44 30 0:44 / /home/clerk/.gvfs rw - fuse.gvfsd-fuse gvfsd-fuse rw\n"
  "45 22 8:17 / /media/usb rw - fuseblk /dev/sdb1 rw\n"
  "46 40 0:46 / /mnt/share/local-cache rw - tmpfs tmpfs rw\n";

static void
test_fs_type (void)
{
  g_assert_cmpint (plaza_location_from_fs_type (0x6969), ==, PLAZA_LOCATION_NFS);
  g_assert_cmpint (plaza_location_from_fs_type (0xFF534D42), ==, PLAZA_LOCATION_SMB);
  g_assert_cmpint (plaza_location_from_fs_type (0xFE534D42), ==, PLAZA_LOCATION_SMB);
  g_assert_cmpint (plaza_location_from_fs_type (0x517B), ==, PLAZA_LOCATION_SMB);
  g_assert_cmpint (plaza_location_from_fs_type (0x65735546), ==, PLAZA_LOCATION_FUSE);
  g_assert_cmpint (plaza_location_from_fs_type (0x00C36400), ==, PLAZA_LOCATION_OTHER_NETWORK);
  g_assert_cmpint (plaza_location_from_fs_type (0xEF53), ==, PLAZA_LOCATION_LOCAL);
  g_assert_cmpint (plaza_location_from_fs_type (0x58465342), ==, PLAZA_LOCATION_LOCAL);
  g_assert_cmpint (plaza_location_from_fs_type (0x01021994), ==, PLAZA_LOCATION_LOCAL);
  g_assert_cmpint (plaza_location_from_fs_type (0x12345678), ==, PLAZA_LOCATION_UNKNOWN);
}

static void
test_fs_name (void)
{
  g_assert_cmpint (plaza_location_from_fs_name ("nfs"), ==, PLAZA_LOCATION_NFS);
  g_assert_cmpint (plaza_location_from_fs_name ("nfs4"), ==, PLAZA_LOCATION_NFS);
  g_assert_cmpint (plaza_location_from_fs_name ("cifs"), ==, PLAZA_LOCATION_SMB);
  g_assert_cmpint (plaza_location_from_fs_name ("smb3"), ==, PLAZA_LOCATION_SMB);
  g_assert_cmpint (plaza_location_from_fs_name ("fuse.sshfs"), ==, PLAZA_LOCATION_FUSE);
  g_assert_cmpint (plaza_location_from_fs_name ("fuse.gvfsd-fuse"), ==, PLAZA_LOCATION_FUSE);
  g_assert_cmpint (plaza_location_from_fs_name ("fuse"), ==, PLAZA_LOCATION_FUSE);
  g_assert_cmpint (plaza_location_from_fs_name ("fuseblk"), ==, PLAZA_LOCATION_LOCAL);
  g_assert_cmpint (plaza_location_from_fs_name ("glusterfs"), ==, PLAZA_LOCATION_OTHER_NETWORK);
  g_assert_cmpint (plaza_location_from_fs_name ("ext4"), ==, PLAZA_LOCATION_LOCAL);
  g_assert_cmpint (plaza_location_from_fs_name ("btrfs"), ==, PLAZA_LOCATION_LOCAL);
  g_assert_cmpint (plaza_location_from_fs_name ("weirdfs"), ==, PLAZA_LOCATION_UNKNOWN);
  g_assert_cmpint (plaza_location_from_fs_name (""), ==, PLAZA_LOCATION_UNKNOWN);
  g_assert_cmpint (plaza_location_from_fs_name (NULL), ==, PLAZA_LOCATION_UNKNOWN);
}

static void
test_mountinfo (void)
{
  static const struct { const char *path; PlazaLocation expected; } cases[] = {
    { "/var/lib/plaza/mall.db", PLAZA_LOCATION_LOCAL },
    { "/home/clerk/mall.db", PLAZA_LOCATION_LOCAL },
    { "/mnt/share/mall.db", PLAZA_LOCATION_SMB },
    { "/mnt/share", PLAZA_LOCATION_SMB },
    /* "/mnt/share" must not claim "/mnt/share2" or "/mnt/shared". */
    { "/mnt/share2/mall.db", PLAZA_LOCATION_FUSE },
    { "/mnt/shared/mall.db", PLAZA_LOCATION_LOCAL },
    { "/mnt/nfs/a/b/mall.db", PLAZA_LOCATION_NFS },
    { "/mnt/my share/mall.db", PLAZA_LOCATION_SMB },
    { "/home/clerk/.gvfs/smb-share/mall.db", PLAZA_LOCATION_FUSE },
    { "/media/usb/mall.db", PLAZA_LOCATION_LOCAL },
    { "/mnt/share/local-cache/x.db", PLAZA_LOCATION_LOCAL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].path);
      g_assert_cmpint (plaza_location_from_mountinfo (mountinfo, cases[i].path), ==, cases[i].expected);
    }
  g_assert_cmpint (plaza_location_from_mountinfo ("", "/x"), ==, PLAZA_LOCATION_UNKNOWN);
  g_assert_cmpint (plaza_location_from_mountinfo ("garbage line\n", "/x"), ==, PLAZA_LOCATION_UNKNOWN);
}

static void
test_policy (void)
{
  PlazaStorePolicy policy;

  for (PlazaLocation l = PLAZA_LOCATION_UNKNOWN; l <= PLAZA_LOCATION_OTHER_NETWORK; l++)
    {
      plaza_location_get_policy (l, &policy);
      g_assert_nonnull (plaza_location_to_string (l));
      if (l == PLAZA_LOCATION_LOCAL)
        {
          g_assert_false (policy.network);
          g_assert_cmpstr (policy.journal_mode, ==, "WAL");
        }
      else
        {
          /* Shares and anything unknown: never WAL, full sync, no mmap. */
          g_assert_true (policy.network);
          g_assert_true (plaza_location_is_network (l));
          g_assert_cmpstr (policy.journal_mode, ==, "DELETE");
          g_assert_cmpstr (policy.synchronous, ==, "FULL");
          g_assert_cmpint (policy.mmap_size, ==, 0);
        }
    }
}

static void
test_detect (void)
{
  g_autofree char *dir = g_dir_make_tmp ("plaza-loc-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (dir, "new.db", NULL);
  PlazaLocation here = plaza_location_detect (file);

  /* A temporary folder is on some real filesystem we recognise. */
  g_assert_cmpint (here, !=, PLAZA_LOCATION_UNKNOWN);

  g_setenv ("PLAZA_FORCE_LOCATION", "smb", TRUE);
  g_assert_cmpint (plaza_location_detect (file), ==, PLAZA_LOCATION_SMB);
  g_setenv ("PLAZA_FORCE_LOCATION", "local", TRUE);
  g_assert_cmpint (plaza_location_detect (file), ==, PLAZA_LOCATION_LOCAL);
  g_setenv ("PLAZA_FORCE_LOCATION", "network", TRUE);
  g_assert_true (plaza_location_is_network (plaza_location_detect (file)));
  g_unsetenv ("PLAZA_FORCE_LOCATION");
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/location/fs-type", test_fs_type);
  g_test_add_func ("/location/fs-name", test_fs_name);
  g_test_add_func ("/location/mountinfo", test_mountinfo);
  g_test_add_func ("/location/policy", test_policy);
  g_test_add_func ("/location/detect", test_detect);

  return g_test_run ();
}
