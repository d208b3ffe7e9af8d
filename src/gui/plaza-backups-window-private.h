/* plaza-backups-window-private.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by plaza-backups-window.c (settings, list, Back Up Now, Verify)
 * and plaza-backups-window-restore.c (Restore…).
 */

#pragma once

#include "plaza-backups-window.h"
#include "plaza-window-private.h"

G_BEGIN_DECLS

struct _PlazaBackupsWindow
{
  AdwWindow        parent_instance;

  PlazaWindow     *parent;
  PlazaWorker     *worker;
  GCancellable    *cancellable;
  GSettings       *settings;
  char            *db_path;
  char            *db_name;
  char            *folder;
  GPtrArray       *backups;     /* PlazaBackupInfo, newest first */
  GPtrArray       *states;      /* char *, one per backup */
  GHashTable      *verified;    /* path → state in words, from Verify */
  GHashTable      *damaged;     /* paths Verify found damaged */
  guint            busy;

  AdwToastOverlay *toasts;
  GtkWidget       *backup_button;
  AdwActionRow    *folder_row;
  AdwComboRow     *schedule_row;
  GtkSpinButton   *keep_spin;
  AdwPreferencesGroup *list_group;
  GtkListBox      *list;
};

void     plaza_backups_window_set_busy    (PlazaBackupsWindow *self,
                                           gboolean            busy);
void     plaza_backups_window_show_error  (PlazaBackupsWindow *self,
                                           const char         *heading,
                                           const GError       *error);
/* Admin, or a file without accounts; never on a read-only file. */
gboolean plaza_backups_window_may_restore (PlazaBackupsWindow *self);

G_END_DECLS
