/* plazactl-share.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * plazactl share status DB: where the file lives, whether writes go through
 * the lease file, the journal mode, and the lease's holder if there is one.
 *
 * plazactl share break-lease DB --yes: removes a lease left by a writer that
 * is provably gone (its heartbeat old and, on this host, its process not
 * running), exactly the one it read; a live one is refused.
 *
 * plazactl share fix-journal DB: switches a shared file left in WAL mode to
 * a rollback journal (the one-click fix; no other computer may have it open).
 */

#define G_LOG_DOMAIN "plazactl"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "plaza-lease.h"
#include "plaza-store.h"
#include "plazactl.h"

static guint
stale_seconds (void)
{
  const char *env = g_getenv ("PLAZA_LEASE_STALE_SECONDS");

  if (env != NULL && *env != '\0')
    return (guint) g_ascii_strtoull (env, NULL, 10);
  return PLAZA_LEASE_STALE_SECONDS;
}

static int
share_status (const char *path)
{
  g_autofree char *lease_path = plaza_lease_path_for (path);
  PlazaLocation location = plaza_location_detect (path);
  PlazaLeaseInfo info = { 0 };

  printf (_("location: %s\n"), plaza_location_to_string (location));
  printf (_("lease: %s\n"), plaza_lease_needed (path, location) ? _("needed") : _("not needed"));
  if (plaza_lease_read (lease_path, NULL, &info, NULL))
    {
      g_autofree char *who = plaza_lease_info_describe (&info);
      gboolean stale = plaza_lease_info_is_stale (&info, g_get_real_time () / G_USEC_PER_SEC,
                                                  stale_seconds ());

      printf (_("holder: %s (%s)\n"), who, stale ? _("stale") : _("live"));
      plaza_lease_info_clear (&info);
    }
  else
    printf ("%s\n", _("holder: none"));
  return 0;
}

static int
share_break (const char *path,
             gboolean    yes)
{
  g_autofree char *lease_path = plaza_lease_path_for (path);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  PlazaLeaseInfo info = { 0 };
  gboolean stale;

  if (!plaza_lease_read (lease_path, &contents, &info, NULL))
    return plazactl_fail_message (_("share: “%s” has no lease file"), path);
  stale = plaza_lease_info_is_stale (&info, g_get_real_time () / G_USEC_PER_SEC, stale_seconds ());
  plaza_lease_info_clear (&info);
  if (!stale)
    return plazactl_fail_message (_("share: the lease of “%s” is held by a live writer; it is not removed"), path);
  if (!yes)
    return plazactl_fail_message (_("share: break-lease removes a stale lock; add --yes to confirm"));
  if (!plaza_lease_break (lease_path, contents, &error))
    return plazactl_fail (error);
  printf ("%s\n", _("Stale lease removed"));
  return 0;
}

static int
share_fix_journal (const char *path)
{
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = plazactl_open (path, PLAZA_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    return plazactl_fail (error);
  if (!plaza_store_needs_journal_fix (store))
    {
      printf (_("Journal mode is %s; nothing to fix\n"), plaza_store_get_journal_mode (store));
      return 0;
    }
  if (!plaza_store_fix_journal_mode (store, &error))
    return plazactl_fail (error);
  printf (_("Journal mode is now %s\n"), plaza_store_get_journal_mode (store));
  return 0;
}

int
plazactl_cmd_share (int    argc,
                    char **argv)
{
  const char *usage = _("Usage: plazactl share status DB | break-lease DB --yes | fix-journal DB");

  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      printf ("%s\n", usage);
      return 0;
    }
  if (argc == 3 && g_str_equal (argv[1], "status"))
    return share_status (argv[2]);
  if ((argc == 3 || argc == 4) && g_str_equal (argv[1], "break-lease"))
    {
      if (argc == 4 && !g_str_equal (argv[3], "--yes"))
        return plazactl_fail_message (_("share: unexpected argument “%s”"), argv[3]);
      return share_break (argv[2], argc == 4);
    }
  if (argc == 3 && g_str_equal (argv[1], "fix-journal"))
    return share_fix_journal (argv[2]);
  return plazactl_fail_message ("%s", usage);
}
