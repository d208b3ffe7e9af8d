/* plaza-backup-repair.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * plaza_backup_restore_file(): the admin's restore into a file that
 * plaza_store_open() may not manage to open. A readable Plaza file gets the
 * backup through the backup API as usual; another program's database is
 * refused; a file too damaged for SQLite to start a transaction on is moved
 * aside as "<file>.damaged-YYYYMMDD-HHMMSS" (with its journal) and the
 * backup copied in its place.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "plaza-backup.h"
#include "plaza-backup-private.h"

/* 'PLZA', as plaza-store.c writes it (PRAGMA application_id). */
#define REPAIR_APPLICATION_ID 0x504C5A41

static gboolean
is_damage (const GError *error)
{
  return g_error_matches (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_CORRUPT) ||
         g_error_matches (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_A_DATABASE);
}

/* Reads the application_id: FALSE with a PLAZA_STORE_ERROR when page 1
 * cannot be read. */
static gboolean
read_app_id (sqlite3     *db,
             gint64      *app_id,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA application_id", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *app_id = sqlite3_column_int64 (stmt, 0);
      return TRUE;
    }
  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_CORRUPT, "%s", sqlite3_errmsg (db));
      break;
    case SQLITE_NOTADB:
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_A_DATABASE, "%s", sqlite3_errmsg (db));
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_BUSY, "%s", sqlite3_errmsg (db));
      break;
    default:
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_FAILED, "%s", sqlite3_errmsg (db));
      break;
    }
  return FALSE;
}

static gboolean
move_aside (const char  *from,
            const char  *to,
            GError     **error)
{
  if (!g_file_test (from, G_FILE_TEST_EXISTS) || g_rename (from, to) == 0)
    return TRUE;
  {
    int saved = errno;

    g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_FAILED,
                 _("Could not move “%s” aside: %s"), from, g_strerror (saved));
  }
  return FALSE;
}

/* The damaged file (and its journal, which must never be replayed onto the
 * restored file) is kept as @db_path.damaged-STAMP; the backup takes its
 * place through a copy renamed over it. */
static gboolean
replace_damaged (const char  *backup_path,
                 const char  *db_path,
                 char       **damaged_path,
                 GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *aside = g_strdup_printf ("%s.damaged-%s", db_path, stamp);
  g_autofree char *tmp_path = g_strdup_printf ("%s.restore-XXXXXX", db_path);
  g_autoptr(GFile) from = g_file_new_for_path (backup_path);
  g_autoptr(GFile) to = NULL;
  const char *sidecars[] = { "-wal", "-journal" };
  g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);
  int fd;

  fd = g_mkstemp (tmp_path);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_FAILED,
                   _("Could not write next to “%s”: %s"), db_path, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  to = g_file_new_for_path (tmp_path);
  if (!g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error))
    {
      g_remove (tmp_path);
      return FALSE;
    }
  g_chmod (tmp_path, 0644);

  if (!move_aside (db_path, aside, error))
    {
      g_remove (tmp_path);
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (sidecars); i++)
    {
      g_autofree char *side_from = g_strconcat (db_path, sidecars[i], NULL);
      g_autofree char *side_to = g_strconcat (aside, sidecars[i], NULL);

      if (!move_aside (side_from, side_to, error))
        return FALSE;
    }
  g_remove (shm);

  if (g_rename (tmp_path, db_path) != 0)
    {
      int saved = errno;

      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_FAILED,
                   _("Could not put the backup in place of “%s” (the damaged file is “%s”): %s"),
                   db_path, aside, g_strerror (saved));
      return FALSE;
    }
  {
    g_autofree char *dir = g_path_get_dirname (db_path);

    plaza_backup_sync_dir (dir);
  }
  g_debug ("%s was damaged: kept as %s and replaced by %s", db_path, aside, backup_path);
  if (damaged_path != NULL)
    *damaged_path = g_steal_pointer (&aside);
  return TRUE;
}

gboolean
plaza_backup_restore_file (const char  *backup_path,
                           const char  *db_path,
                           char       **damaged_path,
                           GError     **error)
{
  g_autoptr(GError) probe_error = NULL;
  sqlite3 *dest;
  gint64 app_id = 0;
  gboolean ok;

  g_return_val_if_fail (backup_path != NULL && db_path != NULL, FALSE);

  if (damaged_path != NULL)
    *damaged_path = NULL;

  if (!plaza_backup_verify (backup_path, error))
    {
      g_prefix_error (error, _("Nothing was restored: "));
      return FALSE;
    }

  dest = plaza_backup_open_raw (db_path, SQLITE_OPEN_READWRITE, error);
  if (dest == NULL)
    return FALSE;

  if (read_app_id (dest, &app_id, &probe_error))
    {
      if (app_id != REPAIR_APPLICATION_ID)
        {
          sqlite3_close (dest);
          g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_A_DATABASE,
                       _("“%s” is another program's database: nothing was restored."), db_path);
          return FALSE;
        }
      ok = plaza_backup_restore_into (dest, backup_path, &probe_error);
      sqlite3_close (dest);
      if (ok)
        return TRUE;
    }
  else
    sqlite3_close (dest);

  if (!is_damage (probe_error))
    {
      g_propagate_error (error, g_steal_pointer (&probe_error));
      return FALSE;
    }
  g_debug ("%s cannot take the backup in place (%s): replacing the file",
           db_path, probe_error->message);
  return replace_damaged (backup_path, db_path, damaged_path, error);
}
