/* plaza-history-window.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A record's history (its change_log rows, newest first), or with no
 * record the Recent Changes window (the whole log, filtered by user and by
 * kind of record). Searchable; a row copies to the clipboard.
 */

#pragma once

#include <adwaita.h>

#include "plaza-worker.h"

G_BEGIN_DECLS

#define PLAZA_TYPE_HISTORY_WINDOW (plaza_history_window_get_type ())
G_DECLARE_FINAL_TYPE (PlazaHistoryWindow, plaza_history_window, PLAZA, HISTORY_WINDOW, AdwWindow)

/* @entity NULL: Recent Changes. @record_title (the record window's title,
 * "星巴克 — T0012"; NULL: "Tenant #12") goes into the window title. */
PlazaHistoryWindow *plaza_history_window_new          (GtkWindow   *parent,
                                                       PlazaWorker *worker,
                                                       const char  *entity,
                                                       gint64       entity_id,
                                                       const char  *record_title);
/* Opens a history window for the record (or Recent Changes). */
void                plaza_history_window_show         (GtkWindow   *parent,
                                                       PlazaWorker *worker,
                                                       const char  *entity,
                                                       gint64       entity_id,
                                                       const char  *record_title);
/* A "History" header-bar button for a record window, and Ctrl+H on
 * @window: at click time it reads the window's worker and record id from
 * the fields at @worker_offset (a PlazaWorker *) and @id_offset (a gint64)
 * of the window's instance struct, so one line fits every window:
 *   plaza_history_button_new (GTK_WINDOW (self), "units",
 *                             G_STRUCT_OFFSET (PlazaUnitWindow, worker),
 *                             G_STRUCT_OFFSET (PlazaUnitWindow, unit_id)) */
GtkWidget          *plaza_history_button_new          (GtkWindow   *window,
                                                       const char  *entity,
                                                       gsize        worker_offset,
                                                       gsize        id_offset);

void                plaza_history_window_reload       (PlazaHistoryWindow *self);
gboolean            plaza_history_window_get_loading  (PlazaHistoryWindow *self);
void                plaza_history_window_set_search   (PlazaHistoryWindow *self,
                                                       const char         *text);
/* Recent Changes: only @user (login) / only @entity; NULL for all. */
void                plaza_history_window_set_filter   (PlazaHistoryWindow *self,
                                                       const char         *user,
                                                       const char         *entity);
/* Rows shown (after search and filters), and one as the line Copy puts on
 * the clipboard (time, who, record, action, summary, tab-separated). */
guint               plaza_history_window_get_n_visible (PlazaHistoryWindow *self);
char               *plaza_history_window_get_row_text  (PlazaHistoryWindow *self,
                                                        guint               position);
/* Chooses row @position and puts its text on the clipboard (what Copy and
 * Ctrl+C do with the chosen row). */
void                plaza_history_window_copy_row      (PlazaHistoryWindow *self,
                                                        guint               position);

G_END_DECLS
