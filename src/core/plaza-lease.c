/* plaza-lease.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The lease file beside a database on a share whose locks stay local. Two
 * traps: over sshfs an exclusive create of an existing file fails with EPERM,
 * not EEXIST (so a failed create is checked with stat before it counts as an
 * error), and a holder killed mid-write leaves the file behind (so it names
 * host, pid and a heartbeat, and is broken only when provably stale, with
 * consent). A write that holds the lease for long keeps it fresh from a
 * thread (plaza_lease_keep_alive), which rewrites the heartbeat in place —
 * never truncating first, so a reader on another computer never sees an
 * empty file.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "plaza-lease.h"

struct _PlazaLease
{
  char      *path;
  char      *token;
  char      *contents;
  GPtrArray *old_contents;  /* earlier contents, alive until freed (get_contents) */
  GMutex     write_lock;    /* one heartbeat at a time; guards contents */

  /* The keep-alive thread. */
  GMutex     lock;
  GCond      cond;
  GThread   *thread;
  gboolean   stop;
  guint      interval_ms;
  guint      heartbeats;
};

G_DEFINE_QUARK (plaza-lease-error-quark, plaza_lease_error)

char *
plaza_lease_path_for (const char *db_path)
{
  g_return_val_if_fail (db_path != NULL, NULL);
  return g_strconcat (db_path, ".plaza-lease", NULL);
}

gboolean
plaza_lease_options_keep_locks_local (PlazaLocation  location,
                                      const char    *options)
{
  g_auto(GStrv) parts = NULL;

  if (location == PLAZA_LOCATION_FUSE)
    return TRUE;
  if (options == NULL)
    return FALSE;

  parts = g_strsplit (options, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *o = parts[i];

      if (location == PLAZA_LOCATION_NFS &&
          (g_str_equal (o, "nolock") || g_str_equal (o, "local_lock=all") ||
           g_str_equal (o, "local_lock=posix")))
        return TRUE;
      if (location == PLAZA_LOCATION_SMB && g_str_equal (o, "nobrl"))
        return TRUE;
    }
  return FALSE;
}

/* The options (per-mount and super) of the mountinfo line whose mount point
 * is the longest prefix of @path. */
static char *
mount_options_for (const char *mountinfo,
                   const char *path)
{
  g_auto(GStrv) lines = g_strsplit (mountinfo, "\n", -1);
  char *best = NULL;
  gsize best_len = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], " ", -1);
      guint n = g_strv_length (f);
      gsize len;
      guint sep;

      if (n < 10)
        continue;
      len = strlen (f[4]);
      if (!g_str_has_prefix (path, f[4]) ||
          !(len == 1 || path[len] == '\0' || path[len] == '/'))
        continue;
      if (best != NULL && len < best_len)
        continue;
      for (sep = 6; sep < n && !g_str_equal (f[sep], "-"); sep++)
        ;
      if (sep + 3 >= n)
        continue;
      g_free (best);
      best = g_strconcat (f[5], ",", f[sep + 3], NULL);
      best_len = len;
    }
  return best;
}

gboolean
plaza_lease_needed (const char    *db_path,
                    PlazaLocation  location)
{
  g_autofree char *mountinfo = NULL;
  g_autofree char *absolute = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *options = NULL;

  if (location == PLAZA_LOCATION_FUSE)
    return TRUE;
  if (location != PLAZA_LOCATION_NFS && location != PLAZA_LOCATION_SMB)
    return FALSE;
  if (!g_file_get_contents ("/proc/self/mountinfo", &mountinfo, NULL, NULL))
    return FALSE;
  absolute = g_canonicalize_filename (db_path, NULL);
  folder = g_path_get_dirname (absolute);
  options = mount_options_for (mountinfo, folder);
  return plaza_lease_options_keep_locks_local (location, options);
}

void
plaza_lease_info_clear (PlazaLeaseInfo *info)
{
  g_clear_pointer (&info->host, g_free);
  g_clear_pointer (&info->token, g_free);
  info->pid = 0;
  info->heartbeat = 0;
}

static void
parse_contents (const char     *contents,
                PlazaLeaseInfo *info)
{
  g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);

  memset (info, 0, sizeof *info);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *l = lines[i];

      if (g_str_has_prefix (l, "host="))
        {
          g_free (info->host);
          info->host = g_strdup (l + 5);
        }
      else if (g_str_has_prefix (l, "pid="))
        info->pid = g_ascii_strtoll (l + 4, NULL, 10);
      else if (g_str_has_prefix (l, "time="))
        info->heartbeat = g_ascii_strtoll (l + 5, NULL, 10);
      else if (g_str_has_prefix (l, "token="))
        {
          g_free (info->token);
          info->token = g_strdup (l + 6);
        }
    }
}

gboolean
plaza_lease_read (const char      *lease_path,
                  char           **contents,
                  PlazaLeaseInfo  *info,
                  GError         **error)
{
  g_autofree char *text = NULL;

  if (!g_file_get_contents (lease_path, &text, NULL, error))
    return FALSE;
  if (info != NULL)
    parse_contents (text, info);
  if (contents != NULL)
    *contents = g_steal_pointer (&text);
  return TRUE;
}

static gboolean
pid_running (gint64 pid)
{
  if (pid <= 0 || pid > G_MAXINT)
    return FALSE;
  /* EPERM: it exists but belongs to someone else. */
  return kill ((pid_t) pid, 0) == 0 || errno != ESRCH;
}

gboolean
plaza_lease_info_is_stale (const PlazaLeaseInfo *info,
                           gint64                now,
                           guint                 stale_after_s)
{
  g_return_val_if_fail (info != NULL, FALSE);

  if (info->heartbeat <= 0 || now - info->heartbeat < (gint64) stale_after_s)
    return FALSE;
  if (g_strcmp0 (info->host, g_get_host_name ()) == 0)
    return !pid_running (info->pid);
  return TRUE;
}

char *
plaza_lease_info_describe (const PlazaLeaseInfo *info)
{
  g_autoptr(GDateTime) at = g_date_time_new_from_unix_local (info->heartbeat);
  g_autofree char *when = at != NULL ? g_date_time_format (at, "%Y-%m-%d %H:%M:%S") : g_strdup ("?");

  return g_strdup_printf (_("Plaza on “%s” (process %lld, last seen %s) is writing to this file."),
                          info->host != NULL ? info->host : "?", (long long) info->pid, when);
}

static guint
stale_after (void)
{
  const char *env = g_getenv ("PLAZA_LEASE_STALE_SECONDS");

  if (env != NULL && *env != '\0')
    return (guint) g_ascii_strtoull (env, NULL, 10);
  return PLAZA_LEASE_STALE_SECONDS;
}

static char *
make_contents (const char *token)
{
  return g_strdup_printf ("plaza-lease 1\nhost=%s\npid=%lld\ntime=%lld\ntoken=%s\n",
                          g_get_host_name (), (long long) getpid (),
                          (long long) (g_get_real_time () / G_USEC_PER_SEC), token);
}

static gboolean
write_all (int          fd,
           const char  *text,
           GError     **error)
{
  gsize len = strlen (text);
  gsize done = 0;

  while (done < len)
    {
      gssize n = write (fd, text + done, len - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;
          g_set_error (error, PLAZA_LEASE_ERROR, PLAZA_LEASE_ERROR_FAILED,
                       _("Could not write the lease file: %s"), g_strerror (saved));
          return FALSE;
        }
      done += (gsize) n;
    }
  return TRUE;
}

/* One exclusive create. TRUE: created. FALSE and *exists: someone holds it. */
static gboolean
try_create (PlazaLease  *lease,
            gboolean    *exists,
            GError     **error)
{
  int fd;
  int saved;
  GStatBuf st;

  *exists = FALSE;
  fd = g_open (lease->path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd >= 0)
    {
      gboolean ok = write_all (fd, lease->contents, error);

      if (ok)
        fsync (fd);
      close (fd);
      if (!ok)
        g_unlink (lease->path);
      return ok;
    }

  saved = errno;
  /* sshfs answers EPERM (not EEXIST) when the file exists. */
  if (saved == EEXIST ||
      ((saved == EPERM || saved == EACCES) && g_stat (lease->path, &st) == 0))
    {
      *exists = TRUE;
      return FALSE;
    }
  g_set_error (error, PLAZA_LEASE_ERROR, PLAZA_LEASE_ERROR_CANNOT_CREATE,
               _("Could not create the lock file “%s” beside the database (%s); "
                 "the file can only be opened read-only."),
               lease->path, g_strerror (saved));
  return FALSE;
}

static PlazaLease *
lease_new (const char *db_path)
{
  PlazaLease *lease = g_new0 (PlazaLease, 1);

  lease->path = plaza_lease_path_for (db_path);
  lease->token = g_strdup_printf ("%08x%08x%08x", g_random_int (), g_random_int (), g_random_int ());
  lease->old_contents = g_ptr_array_new_with_free_func (g_free);
  g_mutex_init (&lease->write_lock);
  g_mutex_init (&lease->lock);
  g_cond_init (&lease->cond);
  return lease;
}

static void
lease_free (PlazaLease *lease)
{
  g_free (lease->path);
  g_free (lease->token);
  g_free (lease->contents);
  g_ptr_array_unref (lease->old_contents);
  g_mutex_clear (&lease->write_lock);
  g_mutex_clear (&lease->lock);
  g_cond_clear (&lease->cond);
  g_free (lease);
}

gboolean
plaza_lease_acquire (const char   *db_path,
                     guint         timeout_ms,
                     PlazaLease  **out_lease,
                     GError      **error)
{
  PlazaLease *lease;
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  guint attempt = 0;

  g_return_val_if_fail (db_path != NULL, FALSE);
  g_return_val_if_fail (out_lease != NULL, FALSE);

  lease = lease_new (db_path);

  for (;;)
    {
      gboolean exists;
      g_autofree char *held = NULL;
      PlazaLeaseInfo info = { 0 };

      g_free (lease->contents);
      lease->contents = make_contents (lease->token);
      if (try_create (lease, &exists, error))
        {
          *out_lease = lease;
          return TRUE;
        }
      if (!exists)
        {
          lease_free (lease);
          return FALSE;
        }

      if (plaza_lease_read (lease->path, &held, &info, NULL))
        {
          gboolean stale;
          GStatBuf st;

          /* Created but not yet written (or a holder that died in
           * between): its age is the file's own. */
          if (info.heartbeat == 0 && g_stat (lease->path, &st) == 0)
            info.heartbeat = (gint64) st.st_mtime;
          stale = plaza_lease_info_is_stale (&info, g_get_real_time () / G_USEC_PER_SEC, stale_after ());
          if (stale)
            {
              g_autofree char *who = plaza_lease_info_describe (&info);

              g_set_error (error, PLAZA_LEASE_ERROR, PLAZA_LEASE_ERROR_STALE,
                           _("%s That process is no longer running; its lock can be removed."),
                           who);
              plaza_lease_info_clear (&info);
              lease_free (lease);
              return FALSE;
            }
          if (g_get_monotonic_time () >= deadline)
            {
              g_autofree char *who = plaza_lease_info_describe (&info);

              g_set_error (error, PLAZA_LEASE_ERROR, PLAZA_LEASE_ERROR_BUSY,
                           _("%s Try again in a moment."), who);
              plaza_lease_info_clear (&info);
              lease_free (lease);
              return FALSE;
            }
          plaza_lease_info_clear (&info);
        }
      /* else: released between our create and our read — retry at once. */
      else if (g_get_monotonic_time () >= deadline)
        {
          g_set_error (error, PLAZA_LEASE_ERROR, PLAZA_LEASE_ERROR_BUSY,
                       _("Another Plaza is writing to this file. Try again in a moment."));
          lease_free (lease);
          return FALSE;
        }
      else
        continue;

      /* 5–25 ms, growing a little, so waiting writers do not retry in step. */
      g_usleep ((gulong) g_random_int_range (5, 25) * 1000 * MIN (attempt + 1, 4));
      attempt++;
    }
}

/* Valid until plaza_lease_release(): a heartbeat keeps the old contents. */
const char *
plaza_lease_get_contents (PlazaLease *lease)
{
  const char *contents;

  g_return_val_if_fail (lease != NULL, NULL);
  g_mutex_lock (&lease->write_lock);
  contents = lease->contents;
  g_mutex_unlock (&lease->write_lock);
  return contents;
}

static gboolean
still_ours (PlazaLease *lease)
{
  PlazaLeaseInfo info = { 0 };
  gboolean ours;

  if (!plaza_lease_read (lease->path, NULL, &info, NULL))
    return FALSE;
  ours = g_strcmp0 (info.token, lease->token) == 0;
  plaza_lease_info_clear (&info);
  return ours;
}

gboolean
plaza_lease_heartbeat (PlazaLease  *lease,
                       GError     **error)
{
  g_autofree char *contents = NULL;
  int fd;
  gboolean ok;

  g_return_val_if_fail (lease != NULL, FALSE);

  g_mutex_lock (&lease->write_lock);
  if (!still_ours (lease))
    {
      g_set_error (error, PLAZA_LEASE_ERROR, PLAZA_LEASE_ERROR_CHANGED,
                   _("The lock file “%s” was removed or replaced by another program."),
                   lease->path);
      g_mutex_unlock (&lease->write_lock);
      return FALSE;
    }
  contents = make_contents (lease->token);
  /* In place, then cut to length: the contents keep their length (the time
   * has ten digits), so a reader sees the old or the new heartbeat, never an
   * empty file as it would between O_TRUNC and the write. */
  fd = g_open (lease->path, O_WRONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, PLAZA_LEASE_ERROR, PLAZA_LEASE_ERROR_FAILED,
                   _("Could not write the lease file: %s"), g_strerror (saved));
      g_mutex_unlock (&lease->write_lock);
      return FALSE;
    }
  ok = write_all (fd, contents, error);
  if (ok && ftruncate (fd, (off_t) strlen (contents)) != 0)
    g_debug ("could not cut the lease %s to length: %s", lease->path, g_strerror (errno));
  close (fd);
  if (ok)
    {
      if (lease->contents != NULL)
        g_ptr_array_add (lease->old_contents, g_steal_pointer (&lease->contents));
      lease->contents = g_steal_pointer (&contents);
    }
  g_mutex_unlock (&lease->write_lock);
  return ok;
}

static guint
heartbeat_interval_ms (void)
{
  const char *env = g_getenv ("PLAZA_LEASE_HEARTBEAT_MS");

  if (env != NULL && *env != '\0')
    return MAX ((guint) g_ascii_strtoull (env, NULL, 10), 10);
  return PLAZA_LEASE_HEARTBEAT_SECONDS * 1000;
}

static gpointer
keep_alive_thread (gpointer data)
{
  PlazaLease *lease = data;

  g_mutex_lock (&lease->lock);
  while (!lease->stop)
    {
      gint64 until = g_get_monotonic_time () + (gint64) lease->interval_ms * 1000;
      g_autoptr(GError) error = NULL;
      gboolean ok;

      while (!lease->stop && g_cond_wait_until (&lease->cond, &lease->lock, until))
        ;
      if (lease->stop)
        break;
      g_mutex_unlock (&lease->lock);
      ok = plaza_lease_heartbeat (lease, &error);
      g_mutex_lock (&lease->lock);
      if (!ok)
        {
          /* Broken or replaced: the write's own release reports it. */
          g_debug ("lease heartbeat stopped: %s", error->message);
          break;
        }
      lease->heartbeats++;
    }
  g_mutex_unlock (&lease->lock);
  return NULL;
}

void
plaza_lease_keep_alive (PlazaLease *lease,
                        guint       interval_ms)
{
  g_return_if_fail (lease != NULL);

  g_mutex_lock (&lease->lock);
  if (lease->thread == NULL)
    {
      lease->interval_ms = interval_ms > 0 ? interval_ms : heartbeat_interval_ms ();
      lease->stop = FALSE;
      lease->thread = g_thread_new ("plaza-lease", keep_alive_thread, lease);
    }
  g_mutex_unlock (&lease->lock);
}

guint
plaza_lease_get_heartbeats (PlazaLease *lease)
{
  guint n;

  g_return_val_if_fail (lease != NULL, 0);
  g_mutex_lock (&lease->lock);
  n = lease->heartbeats;
  g_mutex_unlock (&lease->lock);
  return n;
}

static void
stop_keep_alive (PlazaLease *lease)
{
  GThread *thread;

  g_mutex_lock (&lease->lock);
  lease->stop = TRUE;
  g_cond_broadcast (&lease->cond);
  thread = g_steal_pointer (&lease->thread);
  g_mutex_unlock (&lease->lock);
  if (thread != NULL)
    g_thread_join (thread);
}

void
plaza_lease_release (PlazaLease *lease)
{
  if (lease == NULL)
    return;
  stop_keep_alive (lease);
  if (still_ours (lease))
    g_unlink (lease->path);
  else
    g_warning ("lease %s was no longer ours at release", lease->path);
  lease_free (lease);
}

gboolean
plaza_lease_break (const char  *lease_path,
                   const char  *expected_contents,
                   GError     **error)
{
  g_autofree char *aside = NULL;
  g_autofree char *found = NULL;

  g_return_val_if_fail (lease_path != NULL && expected_contents != NULL, FALSE);

  /* Move it aside first, then compare: a writer that took a fresh lease
   * between a read and an unlink would otherwise lose its file. */
  aside = g_strdup_printf ("%s.broken-%08x", lease_path, g_random_int ());
  if (g_rename (lease_path, aside) != 0)
    {
      int saved = errno;
      g_set_error (error, PLAZA_LEASE_ERROR,
                   saved == ENOENT ? PLAZA_LEASE_ERROR_CHANGED : PLAZA_LEASE_ERROR_FAILED,
                   _("Could not remove the lock file “%s”: %s"), lease_path, g_strerror (saved));
      return FALSE;
    }
  if (g_file_get_contents (aside, &found, NULL, NULL) &&
      g_strcmp0 (found, expected_contents) == 0)
    {
      g_unlink (aside);
      return TRUE;
    }

  /* Not the one confirmed: put it back (link fails if a newer one exists). */
  if (link (aside, lease_path) == 0)
    g_unlink (aside);
  else
    g_warning ("could not put back the lease %s (left as %s)", lease_path, aside);
  g_set_error (error, PLAZA_LEASE_ERROR, PLAZA_LEASE_ERROR_CHANGED,
               _("The lock file “%s” changed since it was shown; nothing was removed."),
               lease_path);
  return FALSE;
}
