/* plaza-password-dialog.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A password dialog: Change Password… for the person signed in (old
 * password, the new one twice) and the administrator's Set Password… for an
 * account (the new one twice; clears a lock-out). The rules are checked as
 * the new password is typed.
 */

#pragma once

#include <adwaita.h>

#include "plaza-worker.h"

G_BEGIN_DECLS

#define PLAZA_TYPE_PASSWORD_DIALOG (plaza_password_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PlazaPasswordDialog, plaza_password_dialog, PLAZA, PASSWORD_DIALOG, AdwWindow)

/* @need_old: the person's own password (plaza_users_change_password);
 * otherwise an administrator sets it (plaza_users_set_password). Emits
 * "done" when the password is saved, then closes. */
PlazaPasswordDialog *plaza_password_dialog_new (GtkWindow   *parent,
                                                PlazaWorker *worker,
                                                const char  *login,
                                                gboolean     need_old);

G_END_DECLS
