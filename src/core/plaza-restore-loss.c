/* plaza-restore-loss.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a restore would lose (see the header): the newest change_log seq in
 * the backup, read through a read-only connection of its own, then the
 * live file's rows after it.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-restore-loss.h"

/* A backup's own bookkeeping is not a change anyone would miss. */
#define COUNTED "seq > ?1 AND NOT (entity = 'setting' AND summary LIKE 'backup.%')"

static gboolean
backup_last_seq (const char  *backup_path,
                 gint64      *seq,
                 GError     **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_open_v2 (backup_path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "SELECT coalesce (max (seq), 0) FROM change_log", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_A_DATABASE,
                   _("Could not read the backup “%s”: %s"), backup_path,
                   db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_finalize (stmt);
      sqlite3_close (db);
      return FALSE;
    }
  *seq = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return TRUE;
}

gboolean
plaza_restore_loss (PlazaStore   *store,
                    const char   *backup_path,
                    guint        *n_changes,
                    char       ***people,
                    GError      **error)
{
  g_autoptr(sqlite3_stmt) count = NULL;
  g_autoptr(sqlite3_stmt) who = NULL;
  g_autoptr(GPtrArray) names = NULL;
  gint64 since = 0;
  int rc;

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);
  g_return_val_if_fail (backup_path != NULL && n_changes != NULL, FALSE);

  if (!backup_last_seq (backup_path, &since, error))
    return FALSE;

  count = plaza_store_prepare (store, "SELECT count(*) FROM change_log WHERE " COUNTED, error);
  if (count == NULL)
    return FALSE;
  sqlite3_bind_int64 (count, 1, since);
  if (sqlite3_step (count) != SQLITE_ROW)
    return plaza_store_set_sqlite_error (store, error);
  *n_changes = (guint) MIN (sqlite3_column_int64 (count, 0), G_MAXUINT);

  if (people == NULL)
    return TRUE;
  who = plaza_store_prepare (store, "SELECT user FROM change_log WHERE " COUNTED
                                    " GROUP BY user ORDER BY min (seq)", error);
  if (who == NULL)
    return FALSE;
  sqlite3_bind_int64 (who, 1, since);
  names = g_ptr_array_new ();
  while ((rc = sqlite3_step (who)) == SQLITE_ROW)
    g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (who, 0)));
  if (rc != SQLITE_DONE)
    {
      g_ptr_array_set_free_func (names, g_free);
      return plaza_store_set_sqlite_error (store, error);
    }
  g_ptr_array_add (names, NULL);
  *people = (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
  return TRUE;
}
