/* plaza-window-live.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window's live refresh (plaza-window-live.c): others' changes
 * reload only the pages they touch, replace only their rows in list pages,
 * and show a toast naming who changed what; win.recent-changes opens the
 * Recent Changes window. Page invalidation lives in plaza-window.c.
 */

#pragma once

#include "plaza-window.h"
#include "plaza-worker.h"

G_BEGIN_DECLS

void        plaza_window_live_class_init     (GtkWidgetClass *widget_class);
void        plaza_window_live_use_worker     (PlazaWindow    *self,
                                              PlazaWorker    *worker);
/* "changed" came: reload everything unless "changes" say what. */
void        plaza_window_live_changed        (PlazaWindow    *self);

/* In plaza-window.c: marks a page (by name, "tenants") out of date, or all. */
void        plaza_window_invalidate_page     (PlazaWindow    *self,
                                              const char     *name);
void        plaza_window_invalidate_all      (PlazaWindow    *self);

/* For tests: the last live toast's text (NULL before one). */
const char *plaza_window_live_get_toast_text (PlazaWindow    *self);

G_END_DECLS
