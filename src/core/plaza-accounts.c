/* plaza-accounts.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whether a file asks for sign-in, and the demo accounts' passwords.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <sqlite3.h>

#include "plaza-accounts.h"
#include "plaza-users.h"

gboolean
plaza_users_sign_in_required (PlazaStore  *store,
                              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PLAZA_IS_STORE (store), TRUE);

  stmt = plaza_store_prepare (store, "SELECT EXISTS (SELECT 1 FROM users WHERE active = 1 "
                              "AND password_hash IS NOT NULL AND password_hash != '')", error);
  if (stmt == NULL)
    return TRUE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      plaza_store_set_sqlite_error (store, error);
      return TRUE;
    }
  return sqlite3_column_int (stmt, 0) != 0;
}

int
plaza_demo_set_passwords (PlazaStore  *store,
                          const char  *password,
                          GError     **error)
{
  g_autoptr(GPtrArray) users = NULL;

  g_return_val_if_fail (PLAZA_IS_STORE (store), -1);

  users = plaza_users_list (store, error);
  if (users == NULL)
    return -1;
  for (guint i = 0; i < users->len; i++)
    {
      PlazaUser *u = g_ptr_array_index (users, i);

      if (!plaza_users_set_password (store, u->login, password != NULL ? password : PLAZA_DEMO_PASSWORD, error))
        return -1;
    }
  return (int) users->len;
}
