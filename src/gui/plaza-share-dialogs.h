/* plaza-share-dialogs.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The shared file's safety in the main window: the mode shown beside the
 * file (local disk, network share with working locks, share whose locks
 * stay local, read-only) with a one-line explanation; who else has the file
 * open (presence files, refreshed every 30 s); the "Fix" button of the
 * read-only bar for a shared file left in WAL mode; the banner when
 * quick_check fails on open; the stale-lease dialog ("Break the lock");
 * and the scheduled backups (on open and every hour). Every file or SQLite
 * step runs in the window's PlazaWorker.
 */

#pragma once

#include <adwaita.h>

#include "plaza-window.h"
#include "plaza-worker.h"

G_BEGIN_DECLS

/* From the window's class_init: the "win.backups" action (Backups…). */
void      plaza_share_class_init       (GtkWidgetClass *widget_class);
/* Once, from the window's init: adds the banners and the presence line. */
void      plaza_share_attach           (PlazaWindow   *window);
/* From plaza_window_use_worker(): the file @worker has open is now shown;
 * starts the checks, presence and backup schedule for it. */
void      plaza_share_use_worker       (PlazaWindow   *window,
                                        PlazaWorker   *worker);

/* The one error path for writes: when @error is
 * PLAZA_STORE_ERROR_STALE_LEASE, shows the holder and offers to break the
 * lock (once, however many callers report it) and returns TRUE; else FALSE
 * and the caller shows @error its own way. @widget is any widget of the
 * main window or of a window over it. */
gboolean  plaza_share_handle_error     (GtkWidget     *widget,
                                        const GError  *error);

/* The read-only bar's Fix…: asks for confirmation ("Close Plaza on the
 * other computers first"); "fix" switches the file out of WAL mode in the
 * worker and opens it again, writable. Returns the dialog. */
AdwMessageDialog *plaza_share_ask_fix  (PlazaWindow   *window);

/* The open path's error: a stale lease met while opening @path shows the
 * same dialog, and after the break opens @path again. TRUE when handled. */
gboolean  plaza_share_handle_open_error (PlazaWindow  *window,
                                         const char   *path,
                                         const GError *error);

/* For tests and the screenshot: the mode line shown, the "Also open on …"
 * text (NULL when nobody else) and whether the Fix button / the check
 * banner are showing. */
const char *plaza_share_get_mode       (PlazaWindow   *window);
const char *plaza_share_get_others     (PlazaWindow   *window);
gboolean    plaza_share_get_fix_shown  (PlazaWindow   *window);
gboolean    plaza_share_get_check_failed (PlazaWindow *window);

G_END_DECLS
