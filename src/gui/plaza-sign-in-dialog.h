/* plaza-sign-in-dialog.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The modal "who is there" dialog shown after a file that asks for sign-in
 * opens: user name (the last one remembered), password, Sign In. A wrong
 * password, a locked or switched-off account show core's message in the
 * dialog and leave everything else as it was.
 */

#pragma once

#include <adwaita.h>

#include "plaza-worker.h"

G_BEGIN_DECLS

#define PLAZA_TYPE_SIGN_IN_DIALOG (plaza_sign_in_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PlazaSignInDialog, plaza_sign_in_dialog, PLAZA, SIGN_IN_DIALOG, AdwWindow)

/* Signals: "signed-in" (the worker's session is set; the dialog closes) and
 * "cancelled" (Cancel, Escape or the close button). */
PlazaSignInDialog *plaza_sign_in_dialog_new          (GtkWindow         *parent,
                                                      PlazaWorker       *worker);

/* For tests: the entries, the Sign In button and the error shown (or NULL). */
GtkEditable       *plaza_sign_in_dialog_get_login    (PlazaSignInDialog *self);
GtkEditable       *plaza_sign_in_dialog_get_password (PlazaSignInDialog *self);
GtkWidget         *plaza_sign_in_dialog_get_button   (PlazaSignInDialog *self);
const char        *plaza_sign_in_dialog_get_error    (PlazaSignInDialog *self);
gboolean           plaza_sign_in_dialog_get_busy     (PlazaSignInDialog *self);

G_END_DECLS
