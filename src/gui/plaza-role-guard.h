/* plaza-role-guard.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Role-aware controls: a guarded widget or action is off, with a tooltip
 * saying why ("Needs the Manager role; you are signed in as Clerk"), when
 * the person signed in on the worker may not do (entity, action), and comes
 * back when they may (re-checked on PlazaWorker::notify::role). The pair is
 * the one the core write passes to plaza_store_log_change(); the store
 * still refuses if something slips through.
 */

#pragma once

#include <gtk/gtk.h>

#include "plaza-worker.h"

G_BEGIN_DECLS

/* Why the person at @worker may not do @action on @entity (translated), or
 * NULL when they may. */
char     *plaza_role_guard_reason  (PlazaWorker *worker,
                                    const char  *entity,
                                    const char  *action);

/* Guards @widget: insensitive with the reason as its tooltip while not
 * allowed. The widget's own sensitivity (set by its page) is kept and
 * restored when allowed again; but GTK does not tell when the page switches
 * off a widget the guard already holds off, so the window reloads its pages
 * and record windows after a new sign-in (they set their controls again).
 * Calling it again (say with a new worker) replaces the guard; @worker NULL
 * removes it. */
void      plaza_role_guard         (GtkWidget   *widget,
                                    PlazaWorker *worker,
                                    const char  *entity,
                                    const char  *action);

/* The same for a GAction in @map (a GSimpleAction named @name): disabled
 * while not allowed, its own enabled state kept. */
void      plaza_role_guard_action  (GActionMap  *map,
                                    const char  *name,
                                    PlazaWorker *worker,
                                    const char  *entity,
                                    const char  *action);

/* For an action installed on a widget class (gtk_widget_class_install_action,
 * e.g. "win.new-contract"): gtk_widget_action_set_enabled() on @widget. Only
 * for actions whose owner does not switch them itself. */
void      plaza_role_guard_widget_action (GtkWidget   *widget,
                                          const char  *action_name,
                                          PlazaWorker *worker,
                                          const char  *entity,
                                          const char  *action);

G_END_DECLS
