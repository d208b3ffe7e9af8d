/* plaza-conflict-dialog.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one dialog every editor shows when its save was refused because
 * someone else saved the record after it was loaded (a rev conflict,
 * PLAZA_STORE_ERROR_CONFLICT): who, when and what they changed (the
 * record's change_log rows written since the editor loaded it), and Keep
 * Editing / Reload Theirs / Save Mine Over Theirs. Also the toast for a
 * save that could not get the write lock (PLAZA_STORE_ERROR_BUSY), with
 * Retry.
 */

#pragma once

#include <adwaita.h>

#include "plaza-worker.h"

G_BEGIN_DECLS

typedef enum
{
  PLAZA_CONFLICT_KEEP_EDITING,  /* also closing the dialog */
  PLAZA_CONFLICT_RELOAD,        /* discard mine, load theirs */
  PLAZA_CONFLICT_SAVE_OVER,     /* re-read the current rev and save mine again */
} PlazaConflictResponse;

/* @owner is the editor that asked (kept alive while the dialog is up). */
typedef void (*PlazaConflictFunc) (GObject               *owner,
                                   PlazaConflictResponse  response);

/* The dialog over @parent for @entity (as logged: "tenant", "promotion",
 * "units" …) from @changes (PlazaChange, any order; NULL or empty: @fallback,
 * the conflict error's own message, is the body). Responses "keep",
 * "reload", "over". */
GtkWidget  *plaza_conflict_dialog_new      (GtkWindow         *parent,
                                            const char        *entity,
                                            GPtrArray         *changes,
                                            const char        *fallback);

/* What the editor calls on a CONFLICT: reads, in @worker, the change_log
 * rows of @entity @entity_id with seq > @since_seq (the editor's
 * plaza_change_log_last_seq() when it loaded), then presents the dialog
 * transient for @anchor's window and calls @func with the answer. */
void        plaza_conflict_dialog_show     (GtkWidget         *anchor,
                                            PlazaWorker       *worker,
                                            const char        *entity,
                                            gint64             entity_id,
                                            gint64             since_seq,
                                            const GError      *error,
                                            PlazaConflictFunc  func,
                                            GObject           *owner);

/* The heading for @entity ("Someone Else Saved This Tenant"). */
const char *plaza_conflict_dialog_heading  (const char        *entity);
/* The body for @changes (see plaza_conflict_dialog_new). */
char       *plaza_conflict_dialog_body     (GPtrArray         *changes,
                                            const char        *fallback);

/* A toast for a save that gave up waiting for the lock: "The file is busy:
 * someone else is saving. Try again." with a Retry button when @retry is
 * not NULL (called swapped on @instance). */
AdwToast   *plaza_conflict_busy_toast_new  (GCallback          retry,
                                            gpointer           instance);

G_END_DECLS
