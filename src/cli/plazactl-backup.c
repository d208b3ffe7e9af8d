/* plazactl-backup.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * plazactl backup DB DEST_DIR [--keep N]: a checked backup (prints its path);
 * plazactl restore BACKUP DB --yes: the backup copied into DB (asks nothing;
 * --yes is required to overwrite an existing file; a file too damaged to
 * open is kept aside, its new name printed); plazactl backups DB
 * DEST_DIR: the backups of DB, newest first, as CSV file,taken,bytes.
 */

#define G_LOG_DOMAIN "plazactl"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <stdio.h>

#include "plaza-backup.h"
#include "plaza-csv.h"
#include "plazactl.h"

int
plazactl_cmd_backup (int    argc,
                     char **argv)
{
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int keep = PLAZA_BACKUP_DEFAULT_KEEP;
  GOptionEntry entries[] = {
    { "keep", 'k', 0, G_OPTION_ARG_INT, &keep, N_("Keep the newest N backups of this database (0: all)"), "N" },
    { NULL }
  };

  if (!plazactl_parse (_("DB DEST_DIR [--keep N] — a checked backup of DB in DEST_DIR"),
                       entries, &argc, &argv))
    return 1;
  if (argc != 3)
    return plazactl_fail_message (_("backup: give the database file and the backup folder"));
  if (keep < 0)
    return plazactl_fail_message (_("backup: --keep must be 0 or more"));

  store = plazactl_open (argv[1], PLAZA_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    return plazactl_fail (error);
  if (!plaza_backup_create (store, argv[2], keep, &path, &error))
    return plazactl_fail (error);

  printf ("%s\n", path);
  return 0;
}

int
plazactl_cmd_restore (int    argc,
                      char **argv)
{
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean yes = FALSE;
  const char *backup;
  const char *db;
  GOptionEntry entries[] = {
    { "yes", 'y', 0, G_OPTION_ARG_NONE, &yes, N_("Overwrite the existing database file"), NULL },
    { NULL }
  };

  if (!plazactl_parse (_("BACKUP DB [--yes] — copy a backup into DB"), entries, &argc, &argv))
    return 1;
  if (argc != 3)
    return plazactl_fail_message (_("restore: give the backup file and the database file"));
  backup = argv[1];
  db = argv[2];

  if (!g_file_test (db, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GFile) from = g_file_new_for_path (backup);
      g_autoptr(GFile) to = g_file_new_for_path (db);

      if (!plaza_backup_verify (backup, &error) ||
          !g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error))
        return plazactl_fail (error);
      return 0;
    }

  if (!yes)
    return plazactl_fail_message (_("restore: “%s” exists and would be overwritten; add --yes to go ahead"), db);

  store = plazactl_open (db, PLAZA_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    {
      /* A file too damaged to open: restore through a connection of its own. */
      if (g_error_matches (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_CORRUPT) ||
          g_error_matches (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_A_DATABASE) ||
          g_error_matches (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_FAILED))
        {
          g_autofree char *damaged = NULL;

          g_clear_error (&error);
          if (!plaza_backup_restore_file (backup, db, &damaged, &error))
            return plazactl_fail (error);
          if (damaged != NULL)
            printf (_("The damaged file was kept as %s\n"), damaged);
          return 0;
        }
      return plazactl_fail (error);
    }
  if (!plaza_backup_restore (store, backup, &error))
    return plazactl_fail (error);
  return 0;
}

int
plazactl_cmd_backups (int    argc,
                      char **argv)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *db_name = NULL;
  const char *header[] = { "file", "taken", "bytes" };

  if (!plazactl_parse (_("DB DEST_DIR — the backups of DB in DEST_DIR, newest first, as CSV"),
                       NULL, &argc, &argv))
    return 1;
  if (argc != 3)
    return plazactl_fail_message (_("backups: give the database file and the backup folder"));

  db_name = plaza_backup_db_name (argv[1]);
  if (!plaza_backup_list (argv[2], db_name, &list, &error))
    return plazactl_fail (error);

  plaza_csv_append_row (out, header, G_N_ELEMENTS (header));
  for (guint i = 0; i < list->len; i++)
    {
      PlazaBackupInfo *info = g_ptr_array_index (list, i);
      g_autofree char *taken = g_date_time_format (info->taken, "%Y-%m-%dT%H:%M:%S");
      g_autofree char *bytes = g_strdup_printf ("%" G_GOFFSET_FORMAT, info->size);
      const char *row[] = { info->path, taken, bytes };

      plaza_csv_append_row (out, row, G_N_ELEMENTS (row));
    }
  fwrite (out->str, 1, out->len, stdout);
  return 0;
}
