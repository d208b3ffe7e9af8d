/* plaza-backup-check.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The quick_check on open: PRAGMA quick_check and, when it fails, guidance
 * in words naming the latest backup and the command that restores it.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "plaza-backup.h"
#include "plaza-backup-private.h"

static char *
damage_message (const char *db_path,
                const char *detail,
                const char *backup_dir)
{
  g_autofree char *db_name = plaza_backup_db_name (db_path);
  g_autofree char *quoted_db = g_shell_quote (db_path);
  g_autoptr(GPtrArray) list = NULL;

  if (backup_dir != NULL && plaza_backup_list (backup_dir, db_name, &list, NULL) && list->len > 0)
    {
      PlazaBackupInfo *latest = g_ptr_array_index (list, 0);
      g_autofree char *taken = g_date_time_format (latest->taken, "%Y-%m-%d %H:%M");
      g_autofree char *quoted_backup = g_shell_quote (latest->path);

      return g_strdup_printf (_("The file “%s” is damaged: %s. Close Plaza on every computer, "
                                "then restore the latest backup (%s, made %s) with: "
                                "plazactl restore %s %s --yes. "
                                "What was entered after that backup must be entered again."),
                              db_path, detail, latest->name, taken, quoted_backup, quoted_db);
    }
  if (backup_dir != NULL)
    return g_strdup_printf (_("The file “%s” is damaged: %s. No backup of it was found in “%s”. "
                              "Close Plaza on every computer, then restore the latest backup you have "
                              "with: plazactl restore BACKUP %s --yes."),
                            db_path, detail, backup_dir, quoted_db);
  return g_strdup_printf (_("The file “%s” is damaged: %s. Close Plaza on every computer, "
                            "then restore the latest backup with: plazactl restore BACKUP %s --yes."),
                          db_path, detail, quoted_db);
}

static gboolean
quick_check_db (sqlite3     *db,
                const char  *db_path,
                const char  *backup_dir,
                char       **message)
{
  g_autoptr(GError) error = NULL;

  if (plaza_backup_check_db (db, FALSE, &error))
    return TRUE;
  if (message != NULL)
    {
      if (error->code == PLAZA_STORE_ERROR_CORRUPT || error->code == PLAZA_STORE_ERROR_NOT_A_DATABASE)
        *message = damage_message (db_path, error->message, backup_dir);
      else
        *message = g_strdup_printf (_("The file “%s” could not be checked: %s"), db_path, error->message);
    }
  return FALSE;
}

gboolean
plaza_backup_quick_check (PlazaStore  *store,
                          const char  *backup_dir,
                          char       **message)
{
  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);

  return quick_check_db (plaza_store_get_db (store), plaza_store_get_path (store),
                         backup_dir, message);
}

gboolean
plaza_backup_quick_check_file (const char  *db_path,
                               const char  *backup_dir,
                               char       **message)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (db_path != NULL, FALSE);

  if (!g_file_test (db_path, G_FILE_TEST_IS_REGULAR))
    {
      if (message != NULL)
        *message = g_strdup_printf (_("“%s” does not exist."), db_path);
      return FALSE;
    }
  db = plaza_backup_open_raw (db_path, SQLITE_OPEN_READONLY, &error);
  if (db == NULL)
    {
      if (message != NULL)
        *message = g_strdup (error->message);
      return FALSE;
    }
  ok = quick_check_db (db, db_path, backup_dir, message);
  sqlite3_close (db);
  return ok;
}
