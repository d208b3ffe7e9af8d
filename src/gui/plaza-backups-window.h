/* plaza-backups-window.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PlazaBackupsWindow ("Backups…" in the main menu): the backup settings
 * (folder, schedule, how many to keep), the open database's backups with
 * date, size and whether they were verified, and Back Up Now, Verify and
 * Restore… Every file and SQLite step runs in the main window's worker.
 */

#pragma once

#include <adwaita.h>

#include "plaza-window.h"
#include "plaza-worker.h"

G_BEGIN_DECLS

#define PLAZA_TYPE_BACKUPS_WINDOW (plaza_backups_window_get_type ())
G_DECLARE_FINAL_TYPE (PlazaBackupsWindow, plaza_backups_window, PLAZA, BACKUPS_WINDOW, AdwWindow)

/* The folder backups go to (free it): the "backup-folder" setting, else
 * $PLAZA_BACKUP_FOLDER (tests), else "Plaza Backups" in the documents
 * folder. */
char               *plaza_backups_get_folder             (GSettings          *settings);

/* Over @parent, for the file its worker has open. */
PlazaBackupsWindow *plaza_backups_window_new             (PlazaWindow        *parent);

gboolean            plaza_backups_window_get_busy        (PlazaBackupsWindow *self);
guint               plaza_backups_window_get_n_backups   (PlazaBackupsWindow *self);
/* Backup @index (newest first): its path and its state in words. */
const char         *plaza_backups_window_get_backup_path (PlazaBackupsWindow *self,
                                                          guint               index);
const char         *plaza_backups_window_get_backup_state (PlazaBackupsWindow *self,
                                                           guint               index);
/* The buttons, for tests: Back Up Now; Verify and Restore… of a backup
 * (Restore… works out what would be lost, then asks "Restore This
 * Backup?"; nothing when the person may not restore). */
void                plaza_backups_window_back_up_now     (PlazaBackupsWindow *self);
void                plaza_backups_window_verify          (PlazaBackupsWindow *self,
                                                          guint               index);
void                plaza_backups_window_restore         (PlazaBackupsWindow *self,
                                                          guint               index);

G_END_DECLS
