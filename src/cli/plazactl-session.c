/* plazactl-session.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Who plazactl writes as. A file whose accounts have passwords asks who is
 * there (plaza_users_sign_in_required): plazactl signs in from the
 * environment, PLAZA_USER and PLAZA_PASSWORD (never from the command line,
 * where other users of the machine could read the password), and the store
 * then enforces that account's role and records its login in change_log.
 * Without them the store gets the viewer role: everything can be read and
 * every write is refused with a hint saying how to sign in.
 */

#define G_LOG_DOMAIN "plazactl"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-accounts.h"
#include "plaza-users.h"
#include "plazactl.h"

static gboolean signed_out;

gboolean
plazactl_signed_out (void)
{
  return signed_out;
}

PlazaStore *
plazactl_open (const char           *path,
               PlazaStoreOpenFlags   flags,
               GError              **error)
{
  g_autoptr(PlazaStore) store = plaza_store_open (path, flags, error);
  g_autoptr(PlazaUser) user = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *login = g_getenv ("PLAZA_USER");
  const char *password = g_getenv ("PLAZA_PASSWORD");

  if (store == NULL)
    return NULL;
  if ((flags & (PLAZA_STORE_OPEN_READ_ONLY | PLAZA_STORE_OPEN_CREATE)) != 0 || plaza_store_is_read_only (store))
    return g_steal_pointer (&store);
  if (!plaza_users_sign_in_required (store, &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      return g_steal_pointer (&store);
    }

  if (login == NULL || *login == '\0' || password == NULL)
    {
      /* Reading is for everyone; writes fail with the hint (plazactl_fail). */
      signed_out = TRUE;
      plaza_store_set_role (store, "viewer");
      return g_steal_pointer (&store);
    }
  user = plaza_users_verify (store, login, password, NULL, error);
  if (user == NULL)
    return NULL;
  plaza_store_set_user (store, user->login);
  plaza_store_set_role (store, user->role);
  return g_steal_pointer (&store);
}
