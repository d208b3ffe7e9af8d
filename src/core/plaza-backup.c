/* plaza-backup.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Backups with the SQLite online backup API, rotation, restore into the
 * live file, the schedule and the quick_check on open. See plaza-backup.h.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "plaza-backup.h"
#include "plaza-backup-private.h"
#include "plaza-permissions.h"
#include "plaza-store-private.h"

/* 'PLZA', as plaza-store.c writes it (PRAGMA application_id). */
#define BACKUP_APPLICATION_ID 0x504C5A41

/* Pages copied per step when backing up (16 KiB pages: 2 MiB): the source is
 * read-locked only during a step, so writers on a share wait little. */
#define STEP_PAGES 128
/* A lock that cannot be had is retried this many times … */
#define BUSY_ATTEMPTS 20
/* … and a copy restarted by other clients' commits this many times. */
#define MAX_RESTARTS 20
#define BUSY_TIMEOUT_MS 1000

void
plaza_backup_info_free (PlazaBackupInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->path);
  g_free (info->name);
  g_clear_pointer (&info->taken, g_date_time_unref);
  g_free (info);
}

char *
plaza_backup_db_name (const char *db_path)
{
  g_autofree char *base = NULL;
  char *dot;

  g_return_val_if_fail (db_path != NULL, NULL);

  base = g_path_get_basename (db_path);
  dot = strrchr (base, '.');
  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_steal_pointer (&base);
}

static gboolean
is_busy (int rc)
{
  return (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED;
}

static gboolean
is_damage (int rc)
{
  return (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB;
}

static gboolean
set_db_error (GError     **error,
              sqlite3     *db,
              int          rc)
{
  PlazaStoreError code = PLAZA_STORE_ERROR_FAILED;
  const char *message = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  if (is_busy (rc))
    code = PLAZA_STORE_ERROR_BUSY;
  else if ((rc & 0xff) == SQLITE_CORRUPT)
    code = PLAZA_STORE_ERROR_CORRUPT;
  else if ((rc & 0xff) == SQLITE_NOTADB)
    code = PLAZA_STORE_ERROR_NOT_A_DATABASE;
  g_set_error (error, PLAZA_STORE_ERROR, code, "%s", message);
  return FALSE;
}

static gboolean
exec_raw (sqlite3     *db,
          const char  *sql,
          GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return set_db_error (error, db, rc);
  return TRUE;
}

static gboolean
query_int_raw (sqlite3     *db,
               const char  *sql,
               gint64      *out,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return set_db_error (error, db, rc);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return set_db_error (error, db, rc);
  *out = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

sqlite3 *
plaza_backup_open_raw (const char  *path,
                       int          flags,
                       GError     **error)
{
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &db, flags, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_FAILED,
                   _("Could not open “%s”: %s"), path,
                   db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  return db;
}

gboolean
plaza_backup_check_db (sqlite3     *db,
                       gboolean     full,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  guint n_problems = 0;
  int rc;

  rc = sqlite3_prepare_v2 (db, full ? "PRAGMA integrity_check" : "PRAGMA quick_check",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *line = (const char *) sqlite3_column_text (stmt, 0);

          if (g_strcmp0 (line, "ok") == 0)
            continue;
          if (n_problems++ < 3)
            g_string_append_printf (problems, "%s%s", problems->len > 0 ? "; " : "", line);
        }
    }
  if (rc != SQLITE_DONE)
    {
      if (is_damage (rc))
        {
          g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_CORRUPT, "%s",
                       sqlite3_errmsg (db));
          return FALSE;
        }
      return set_db_error (error, db, rc);
    }
  if (n_problems > 0)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_CORRUPT,
                   g_dngettext (GETTEXT_PACKAGE, "%u problem: %s", "%u problems: %s", n_problems),
                   n_problems, problems->str);
      return FALSE;
    }
  return TRUE;
}

/* Copies @src into @dest with the backup API, @pages at a time (-1: all in
 * one step, which holds @dest's write lock for the whole copy). */
static gboolean
copy_database (sqlite3     *dest,
               sqlite3     *src,
               int          pages,
               GError     **error)
{
  sqlite3_backup *backup;
  guint busy = 0;
  guint restarts = 0;
  int remaining = -1;
  int rc;
  int finish_rc;

  backup = sqlite3_backup_init (dest, "main", src, "main");
  if (backup == NULL)
    return set_db_error (error, dest, sqlite3_extended_errcode (dest));

  for (;;)
    {
      rc = sqlite3_backup_step (backup, pages);
      if (rc == SQLITE_DONE)
        break;
      if (rc == SQLITE_OK)
        {
          int now_remaining = sqlite3_backup_remaining (backup);

          /* Another client committed: the copy starts over. */
          if (remaining >= 0 && now_remaining > remaining && ++restarts > MAX_RESTARTS)
            break;
          remaining = now_remaining;
          busy = 0;
          g_usleep (1000);
          continue;
        }
      if (is_busy (rc) && ++busy <= BUSY_ATTEMPTS)
        {
          g_debug ("backup: database busy (attempt %u)", busy);
          g_usleep ((gulong) g_random_int_range (50, 150) * 1000);
          continue;
        }
      break;
    }

  finish_rc = sqlite3_backup_finish (backup);
  if (rc == SQLITE_DONE && finish_rc == SQLITE_OK)
    return TRUE;

  if (is_busy (rc) || rc == SQLITE_OK)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_BUSY,
                   _("The database stayed busy: others kept it locked or kept changing it. "
                     "Try again in a few minutes."));
      return FALSE;
    }
  return set_db_error (error, dest, rc != SQLITE_DONE ? rc : finish_rc);
}

static void
remove_sqlite_file (const char *path)
{
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_remove (journal);
  g_remove (wal);
  g_remove (shm);
  g_remove (path);
}

/* Makes the copy under a temporary name in @dest_dir and checks it. */
static char *
write_checked_copy (PlazaStore  *store,
                    const char  *dest_dir,
                    const char  *db_name,
                    GError     **error)
{
  g_autofree char *template = g_strdup_printf (".%s-XXXXXX.tmp", db_name);
  g_autofree char *tmp_path = g_build_filename (dest_dir, template, NULL);
  sqlite3 *dest;
  gboolean ok;
  int fd;

  fd = g_mkstemp (tmp_path);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_FAILED,
                   _("Could not write in “%s”: %s"), dest_dir, g_strerror (saved));
      return NULL;
    }
  close (fd);
  g_chmod (tmp_path, 0644);

  dest = plaza_backup_open_raw (tmp_path, SQLITE_OPEN_READWRITE, error);
  if (dest == NULL)
    {
      remove_sqlite_file (tmp_path);
      return NULL;
    }

  /* A copy of a WAL file says WAL in its header: a backup is one plain
   * file, so it is switched to a rollback journal before it is checked. */
  ok = copy_database (dest, plaza_store_get_db (store), STEP_PAGES, error) &&
       exec_raw (dest, "PRAGMA journal_mode = DELETE", error) &&
       plaza_backup_check_db (dest, TRUE, error);
  sqlite3_close (dest);
  if (!ok)
    {
      remove_sqlite_file (tmp_path);
      return NULL;
    }
  return g_steal_pointer (&tmp_path);
}

void
plaza_backup_sync_dir (const char *dir)
{
  int fd = open (dir, O_RDONLY | O_DIRECTORY);

  if (fd < 0)
    return;
  if (fsync (fd) != 0)
    g_debug ("fsync of %s: %s", dir, g_strerror (errno));
  close (fd);
}

static void
rotate (const char *dest_dir,
        const char *db_name,
        int         keep,
        const char *new_path)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  if (keep <= 0)
    return;
  if (!plaza_backup_list (dest_dir, db_name, &list, &error))
    {
      g_warning ("backup rotation in %s: %s", dest_dir, error->message);
      return;
    }
  for (guint i = (guint) keep; i < list->len; i++)
    {
      PlazaBackupInfo *info = g_ptr_array_index (list, i);

      if (g_strcmp0 (info->path, new_path) == 0)
        continue;
      if (g_remove (info->path) != 0)
        g_warning ("could not remove the old backup %s: %s", info->path, g_strerror (errno));
      else
        g_debug ("removed the old backup %s", info->path);
    }
}

/* "<db_name>-<stamp>.plaza-backup", or with "-N" after the highest serial
 * already used in that second (never reusing a name rotated away, which
 * would sort before the newer ones). */
static char *
next_free_name (const char *dest_dir,
                const char *db_name,
                const char *stamp)
{
  g_autofree char *prefix = g_strdup_printf ("%s-%s", db_name, stamp);
  g_autoptr(GPtrArray) list = NULL;
  guint serial = 0;

  if (plaza_backup_list (dest_dir, db_name, &list, NULL))
    for (guint i = 0; i < list->len; i++)
      {
        PlazaBackupInfo *info = g_ptr_array_index (list, i);

        if (g_str_has_prefix (info->name, prefix))
          serial = MAX (serial, info->serial);
      }

  for (serial++; serial < 1000; serial++)
    {
      g_autofree char *name = serial == 1
        ? g_strdup_printf ("%s%s", prefix, PLAZA_BACKUP_SUFFIX)
        : g_strdup_printf ("%s-%u%s", prefix, serial, PLAZA_BACKUP_SUFFIX);
      g_autofree char *candidate = g_build_filename (dest_dir, name, NULL);

      if (!g_file_test (candidate, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&candidate);
    }
  return NULL;
}

gboolean
plaza_backup_create (PlazaStore  *store,
                     const char  *dest_dir,
                     int          keep,
                     char       **path,
                     GError     **error)
{
  g_autofree char *db_name = NULL;
  g_autofree char *tmp_path = NULL;
  g_autofree char *final_path = NULL;
  g_autofree char *stamp = NULL;
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);
  g_return_val_if_fail (dest_dir != NULL, FALSE);

  if (g_mkdir_with_parents (dest_dir, 0755) != 0)
    {
      int saved = errno;

      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_FAILED,
                   _("Could not create the backup folder “%s”: %s"), dest_dir, g_strerror (saved));
      return FALSE;
    }

  db_name = plaza_backup_db_name (plaza_store_get_path (store));
  tmp_path = write_checked_copy (store, dest_dir, db_name, error);
  if (tmp_path == NULL)
    {
      g_prefix_error (error, _("The backup failed: "));
      return FALSE;
    }

  now = g_date_time_new_now_local ();
  stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  final_path = next_free_name (dest_dir, db_name, stamp);
  if (final_path == NULL || g_rename (tmp_path, final_path) != 0)
    {
      int saved = errno;

      remove_sqlite_file (tmp_path);
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_FAILED,
                   _("The backup failed: could not name the copy in “%s”: %s"), dest_dir,
                   g_strerror (final_path == NULL ? EEXIST : saved));
      return FALSE;
    }

  plaza_backup_sync_dir (dest_dir);
  rotate (dest_dir, db_name, keep, final_path);

  if (!plaza_store_is_read_only (store))
    {
      g_autoptr(GDateTime) utc = g_date_time_to_utc (now);
      g_autofree char *iso = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
      g_autoptr(GError) local_error = NULL;

      if (!plaza_store_set_setting (store, "backup.last", iso, &local_error))
        g_warning ("backup made but backup.last not recorded: %s", local_error->message);
    }

  if (path != NULL)
    *path = g_steal_pointer (&final_path);
  return TRUE;
}

static gboolean
all_digits (const char *s,
            gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return len > 0;
}

static int
field (const char *s,
       gsize       len)
{
  g_autofree char *copy = g_strndup (s, len);

  return (int) g_ascii_strtoll (copy, NULL, 10);
}

/* "<db_name>-YYYYMMDD-HHMMSS[-N].plaza-backup", or NULL for any other name. */
static PlazaBackupInfo *
parse_name (const char *dir,
            const char *db_name,
            const char *name)
{
  g_autofree char *prefix = g_strconcat (db_name, "-", NULL);
  g_autoptr(PlazaBackupInfo) info = NULL;
  const char *mid;
  gsize len;
  guint serial = 1;
  GStatBuf st;

  if (!g_str_has_prefix (name, prefix) || !g_str_has_suffix (name, PLAZA_BACKUP_SUFFIX))
    return NULL;
  mid = name + strlen (prefix);
  if (strlen (name) < strlen (prefix) + strlen (PLAZA_BACKUP_SUFFIX))
    return NULL;
  len = strlen (name) - strlen (prefix) - strlen (PLAZA_BACKUP_SUFFIX);

  if (len < 15 || !all_digits (mid, 8) || mid[8] != '-' || !all_digits (mid + 9, 6))
    return NULL;
  if (len > 15)
    {
      if (mid[15] != '-' || len > 19 || !all_digits (mid + 16, len - 16))
        return NULL;
      serial = (guint) field (mid + 16, len - 16);
      if (serial < 2)
        return NULL;
    }

  info = g_new0 (PlazaBackupInfo, 1);
  info->taken = g_date_time_new_local (field (mid, 4), field (mid + 4, 2), field (mid + 6, 2),
                                       field (mid + 9, 2), field (mid + 11, 2), field (mid + 13, 2));
  if (info->taken == NULL)
    return NULL;
  info->name = g_strdup (name);
  info->path = g_build_filename (dir, name, NULL);
  info->serial = serial;
  if (g_stat (info->path, &st) != 0 || !S_ISREG (st.st_mode))
    return NULL;
  info->size = (goffset) st.st_size;
  return g_steal_pointer (&info);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const PlazaBackupInfo *x = *(PlazaBackupInfo * const *) a;
  const PlazaBackupInfo *y = *(PlazaBackupInfo * const *) b;
  int c = g_date_time_compare (y->taken, x->taken);

  if (c != 0)
    return c;
  return (y->serial > x->serial) - (y->serial < x->serial);
}

gboolean
plaza_backup_list (const char  *dest_dir,
                   const char  *db_name,
                   GPtrArray  **list,
                   GError     **error)
{
  g_autoptr(GPtrArray) result = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_return_val_if_fail (dest_dir != NULL && db_name != NULL, FALSE);
  g_return_val_if_fail (list != NULL, FALSE);

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) plaza_backup_info_free);
  if (g_file_test (dest_dir, G_FILE_TEST_IS_DIR))
    {
      dir = g_dir_open (dest_dir, 0, error);
      if (dir == NULL)
        return FALSE;
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          PlazaBackupInfo *info = parse_name (dest_dir, db_name, name);

          if (info != NULL)
            g_ptr_array_add (result, info);
        }
      g_ptr_array_sort (result, compare_newest_first);
    }
  *list = g_steal_pointer (&result);
  return TRUE;
}

static gboolean
verify_open (sqlite3     *db,
             const char  *path,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 app_id = 0;
  gint64 version = 0;

  if (!query_int_raw (db, "PRAGMA application_id", &app_id, &local_error) ||
      !query_int_raw (db, "PRAGMA user_version", &version, &local_error))
    {
      if (g_error_matches (local_error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_A_DATABASE))
        g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_A_DATABASE,
                     _("“%s” is not a Plaza database."), path);
      else
        g_set_error (error, PLAZA_STORE_ERROR, local_error->code,
                     _("“%s” is damaged: %s"), path, local_error->message);
      return FALSE;
    }
  if (app_id != BACKUP_APPLICATION_ID)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Plaza database."), path);
      return FALSE;
    }
  if (version > PLAZA_SCHEMA_VERSION)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NEWER_SCHEMA,
                   _("“%s” was written by a newer version of Plaza (schema %d; this version knows %d)."),
                   path, (int) version, PLAZA_SCHEMA_VERSION);
      return FALSE;
    }
  if (!plaza_backup_check_db (db, TRUE, &local_error))
    {
      g_set_error (error, PLAZA_STORE_ERROR, local_error->code,
                   _("“%s” is damaged: %s"), path, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* Opens @backup_path read-only and verifies it; the open connection is
 * the source of a restore. */
static sqlite3 *
open_verified (const char  *backup_path,
               GError     **error)
{
  sqlite3 *db;

  if (!g_file_test (backup_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND,
                   _("“%s” does not exist."), backup_path);
      return NULL;
    }
  db = plaza_backup_open_raw (backup_path, SQLITE_OPEN_READONLY, error);
  if (db == NULL)
    return NULL;
  if (!verify_open (db, backup_path, error))
    {
      sqlite3_close (db);
      return NULL;
    }
  return db;
}

gboolean
plaza_backup_verify (const char  *backup_path,
                     GError     **error)
{
  sqlite3 *db;

  g_return_val_if_fail (backup_path != NULL, FALSE);

  db = open_verified (backup_path, error);
  if (db == NULL)
    return FALSE;
  sqlite3_close (db);
  return TRUE;
}

gboolean
plaza_backup_restore_into (sqlite3     *dest,
                           const char  *backup_path,
                           GError     **error)
{
  sqlite3 *src;
  gboolean ok;

  src = open_verified (backup_path, error);
  if (src == NULL)
    {
      g_prefix_error (error, _("Nothing was restored: "));
      return FALSE;
    }
  ok = copy_database (dest, src, -1, error);
  sqlite3_close (src);
  if (!ok)
    g_prefix_error (error, _("The restore failed and the file was left as it was: "));
  return ok;
}

static gboolean
log_restore_func (PlazaStore  *store,
                  gpointer     user_data,
                  GError     **error)
{
  return plaza_store_log_change (store, "database", 0, "restore", user_data, error);
}

gboolean
plaza_backup_restore (PlazaStore  *store,
                      const char  *backup_path,
                      GError     **error)
{
  g_autofree char *base = NULL;
  g_autoptr(GError) local_error = NULL;
  PlazaLease *lease = NULL;
  const char *role;
  gboolean restored;

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  if (plaza_store_is_read_only (store))
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_READ_ONLY, "%s",
                   plaza_store_get_read_only_reason (store));
      return FALSE;
    }
  /* The role is asked before anything changes: the log row comes after
   * the copy, whose own log it replaces. */
  role = plaza_store_get_role (store);
  if (role != NULL && !plaza_permission_allows (role, "database", "restore"))
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_PERMISSION,
                   _("Your role (%s) may not do this (%s: %s)."), plaza_role_get_label (role), "database", "restore");
      return FALSE;
    }
  /* Where locks stay local, no other computer writes while the file is
   * replaced: the copy runs inside the lease file like any write. */
  if (plaza_store_uses_lease (store) && !plaza_store_take_lease (store, &lease, error))
    return FALSE;
  restored = plaza_backup_restore_into (plaza_store_get_db (store), backup_path, error);
  g_clear_pointer (&lease, plaza_lease_release);
  if (!restored)
    return FALSE;

  base = g_path_get_basename (backup_path);
  if (!plaza_store_write (store, log_restore_func, base, &local_error))
    g_warning ("restored from %s but not logged: %s", base, local_error->message);
  return TRUE;
}

gboolean
plaza_backup_due (PlazaStore  *store,
                  GDateTime   *now,
                  GDateTime  **next)
{
  g_autofree char *every = NULL;
  g_autofree char *last = NULL;
  g_autoptr(GDateTime) last_time = NULL;
  g_autoptr(GDateTime) next_time = NULL;
  int days = 7;

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  if (next != NULL)
    *next = NULL;

  every = plaza_store_get_setting (store, "backup.every");
  if (g_strcmp0 (every, "off") == 0)
    return FALSE;
  if (g_strcmp0 (every, "daily") == 0)
    days = 1;

  last = plaza_store_get_setting (store, "backup.last");
  if (last != NULL)
    last_time = g_date_time_new_from_iso8601 (last, NULL);
  if (last_time == NULL)
    {
      if (next != NULL)
        *next = g_date_time_ref (now);
      return TRUE;
    }

  next_time = g_date_time_add_days (last_time, days);
  if (next != NULL)
    *next = g_date_time_ref (next_time);
  return g_date_time_compare (now, next_time) >= 0;
}
