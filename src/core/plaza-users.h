/* plaza-users.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Accounts in the database (the users table): Argon2id password hashes
 * (libsodium crypto_pwhash_str, interactive limits), the password rules, and
 * lock-out: 5 wrong passwords in a row lock the account for 15 minutes
 * (users.failed_logins and users.locked_until). The first account of a file
 * is made admin whatever role is asked. Every write goes to change_log as
 * entity "user".
 */

#pragma once

#include <glib.h>

#include "plaza-store.h"

G_BEGIN_DECLS

#define PLAZA_USERS_ERROR (plaza_users_error_quark ())

typedef enum
{
  PLAZA_USERS_ERROR_WRONG_PASSWORD, /* or no such user: the message does not say which */
  PLAZA_USERS_ERROR_LOCKED,         /* too many failures: the message says until when */
  PLAZA_USERS_ERROR_INACTIVE,       /* the account was switched off */
} PlazaUsersError;

#define PLAZA_USERS_MAX_FAILURES 5
#define PLAZA_USERS_LOCK_MINUTES 15

typedef struct
{
  gint64  id;
  char   *login;
  char   *display_name;
  char   *role;
  gboolean active;
  int     failed_logins;
  char   *locked_until;   /* "YYYY-MM-DDTHH:MM:SSZ" or NULL */
  char   *created_at;
} PlazaUser;

GQuark      plaza_users_error_quark      (void);
void        plaza_user_free              (PlazaUser *user);

/* The rules: at least 8 characters, not starting with a digit, not the user
 * name. FALSE with a translated PLAZA_STORE_ERROR_INVALID saying which. */
gboolean    plaza_users_check_password   (const char  *login,
                                          const char  *password,
                                          GError     **error);

/* Creates an account; returns its id, 0 with @error. */
gint64      plaza_users_create           (PlazaStore  *store,
                                          const char  *login,
                                          const char  *display_name,
                                          const char  *role,
                                          const char  *password,
                                          GError     **error);
/* All accounts by login (array of PlazaUser). */
GPtrArray  *plaza_users_list             (PlazaStore  *store,
                                          GError     **error);
PlazaUser  *plaza_users_get              (PlazaStore  *store,
                                          const char  *login,
                                          GError     **error);

/* Signs in at @now (NULL: the clock). Returns the account, or NULL with a
 * PLAZA_USERS_ERROR. A failure is counted (and may lock the account) even
 * when the store has a role that may not write users. */
PlazaUser  *plaza_users_verify           (PlazaStore  *store,
                                          const char  *login,
                                          const char  *password,
                                          GDateTime   *now,
                                          GError     **error);

/* Admin: a new password (checked against the rules); clears a lock-out. */
gboolean    plaza_users_set_password     (PlazaStore  *store,
                                          const char  *login,
                                          const char  *password,
                                          GError     **error);
/* Anyone: their own password, given the old one. */
gboolean    plaza_users_change_password  (PlazaStore  *store,
                                          const char  *login,
                                          const char  *old_password,
                                          const char  *new_password,
                                          GError     **error);
/* The last active admin can neither lose the role nor be switched off
 * (PLAZA_STORE_ERROR_INVALID). */
gboolean    plaza_users_set_role         (PlazaStore  *store,
                                          const char  *login,
                                          const char  *role,
                                          GError     **error);
gboolean    plaza_users_set_active       (PlazaStore  *store,
                                          const char  *login,
                                          gboolean     active,
                                          GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlazaUser, plaza_user_free)

G_END_DECLS
