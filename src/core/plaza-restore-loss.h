/* plaza-restore-loss.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a restore would lose: the changes saved in the live file after the
 * backup was made, told by change_log (append-only, so every write since
 * the backup has a higher seq than any row the backup holds). The
 * bookkeeping of backups themselves ("backup.*" settings) does not count.
 */

#pragma once

#include "plaza-store.h"

G_BEGIN_DECLS

/* Compares @store's change_log with the one in @backup_path: @n_changes
 * gets how many changes were saved after the backup, @people (may be NULL)
 * who saved them (a NULL-terminated list, first to save first; free with
 * g_strfreev). */
gboolean  plaza_restore_loss  (PlazaStore   *store,
                               const char   *backup_path,
                               guint        *n_changes,
                               char       ***people,
                               GError      **error);

G_END_DECLS
