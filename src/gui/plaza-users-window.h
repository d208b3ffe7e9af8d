/* plaza-users-window.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Users… (main menu): the file's accounts (login, name, role, on/off,
 * locked until) and, for an administrator, adding accounts, changing roles,
 * switching accounts off and on, and setting passwords. Others see the list
 * read-only with "Only an administrator can manage accounts".
 */

#pragma once

#include <adwaita.h>

#include "plaza-worker.h"

G_BEGIN_DECLS

#define PLAZA_TYPE_USERS_WINDOW (plaza_users_window_get_type ())
G_DECLARE_FINAL_TYPE (PlazaUsersWindow, plaza_users_window, PLAZA, USERS_WINDOW, AdwWindow)

PlazaUsersWindow *plaza_users_window_new          (GtkWindow        *parent,
                                                   PlazaWorker      *worker);
/* Reloads the list from the file. */
void              plaza_users_window_reload       (PlazaUsersWindow *self);

/* For tests. */
gboolean          plaza_users_window_get_loading  (PlazaUsersWindow *self);
guint             plaza_users_window_get_n_users  (PlazaUsersWindow *self);
GtkWidget        *plaza_users_window_get_add_button (PlazaUsersWindow *self);
/* Opens the Add Account dialog (what the button does) and returns it. */
GtkWindow        *plaza_users_window_add_account  (PlazaUsersWindow *self);

/* plaza-users-window-add.c: the Add Account dialog; @done is called with
 * @owner after the account was made. */
GtkWindow        *plaza_user_add_dialog_new       (GtkWindow        *parent,
                                                   PlazaWorker      *worker,
                                                   GCallback         done,
                                                   gpointer          owner);

G_END_DECLS
