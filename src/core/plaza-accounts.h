/* plaza-accounts.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Accounts as a whole: does a file ask people to sign in (an active account
 * has a password), and the demo's passwords so that a demo can be opened
 * the way a real shared file is. The accounts themselves are plaza-users.h.
 */

#pragma once

#include <glib.h>

#include "plaza-store.h"

G_BEGIN_DECLS

/* Every demo account's password after plaza_demo_set_passwords(). */
#define PLAZA_DEMO_PASSWORD "plaza-demo"

/* TRUE when an active account has a password: then the GUI asks who is
 * there and the store enforces that person's role. A file whose accounts
 * have no passwords (a new file, the demo) asks nobody. If the accounts
 * cannot be read, TRUE (ask rather than let anyone in) with @error set. */
gboolean plaza_users_sign_in_required (PlazaStore  *store,
                                       GError     **error);

/* Gives every account of the file @password (NULL: PLAZA_DEMO_PASSWORD),
 * clearing lock-outs. For demos: plazactl demo --accounts. Returns the
 * number of accounts, -1 with @error. */
int      plaza_demo_set_passwords     (PlazaStore  *store,
                                       const char  *password,
                                       GError     **error);

G_END_DECLS
