/* plaza-window-session.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window's sign-in: after a file opens, ask who is there when the
 * file wants it (PlazaSignInDialog), show who is signed in and the role in
 * the header with a menu (Change Password…, Users…, Sign Out), and "No
 * sign-in" for a file without passwords.
 */

#pragma once

#include "plaza-window.h"

G_BEGIN_DECLS

/* From plaza_window_init(): the header's account button and the "session"
 * actions (session.sign-out, session.change-password, session.users). */
void       plaza_window_session_init        (PlazaWindow *self);
/* From plaza_window_use_worker(): checks the new file and signs in. */
void       plaza_window_session_start       (PlazaWindow *self);
/* From plaza_window_open_demo(): the next file opened is the in-app demo,
 * whose creator is signed in as admin without a dialog (it has no
 * passwords). */
void       plaza_window_session_expect_demo (PlazaWindow *self);

/* For tests: the header's account button, and the sign-in dialog showing
 * (or NULL). */
GtkWidget *plaza_window_session_get_button  (PlazaWindow *self);
GtkWindow *plaza_window_session_get_dialog  (PlazaWindow *self);

/* TRUE while the open file asks who is there and nobody has signed in: the
 * pages are hidden behind a sign-in page. */
gboolean   plaza_window_session_is_locked    (PlazaWindow *self);

G_END_DECLS
