/* plazactl-users.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * plazactl users add DB --name N --role R [--display-name D]
 * [--password-file F]: a new account (the first of a file is admin); the
 * password is the first line of F, or of standard input.
 * plazactl users list DB: the accounts as CSV
 * (login,display_name,role,active,failed_logins,locked_until).
 * plazactl users passwd DB --name N [--password-file F]: sets a new password
 * (and clears a lock-out). On a file whose accounts have passwords these
 * need an administrator signed in through PLAZA_USER and PLAZA_PASSWORD
 * (plazactl-session.c); the first account of a file needs nobody.
 */

#define G_LOG_DOMAIN "plazactl"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "plaza-csv.h"
#include "plaza-users.h"
#include "plazactl.h"

/* The first line of @file (or of standard input when NULL). */
static char *
read_password (const char  *file,
               GError     **error)
{
  g_autofree char *contents = NULL;
  char *nl;

  if (file != NULL)
    {
      if (!g_file_get_contents (file, &contents, NULL, error))
        return NULL;
    }
  else
    {
      g_autoptr(GString) in = g_string_new (NULL);
      char buf[256];

      while (fgets (buf, sizeof buf, stdin) != NULL)
        {
          g_string_append (in, buf);
          if (strchr (buf, '\n') != NULL)
            break;
        }
      contents = g_string_free (g_steal_pointer (&in), FALSE);
    }
  nl = strpbrk (contents, "\r\n");
  if (nl != NULL)
    *nl = '\0';
  return g_steal_pointer (&contents);
}

static int
list (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaStore) store = plazactl_open (path, PLAZA_STORE_OPEN_DEFAULT, &error);
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GString) out = g_string_new ("login,display_name,role,active,failed_logins,locked_until\n");

  if (store == NULL)
    return plazactl_fail (error);
  users = plaza_users_list (store, &error);
  if (users == NULL)
    return plazactl_fail (error);
  for (guint i = 0; i < users->len; i++)
    {
      PlazaUser *u = g_ptr_array_index (users, i);
      g_autofree char *failed = g_strdup_printf ("%d", u->failed_logins);
      const char *fields[6] = { u->login, u->display_name, u->role, u->active ? "1" : "0", failed,
                                u->locked_until != NULL ? u->locked_until : "" };

      plaza_csv_append_row (out, fields, G_N_ELEMENTS (fields));
    }
  fputs (out->str, stdout);
  return 0;
}

int
plazactl_cmd_users (int    argc,
                    char **argv)
{
  g_autofree char *name = NULL;
  g_autofree char *role = NULL;
  g_autofree char *display = NULL;
  g_autofree char *password_file = NULL;
  g_autofree char *password = NULL;
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *verb;
  GOptionEntry entries[] = {
    { "name", 'n', 0, G_OPTION_ARG_STRING, &name, N_("The user name (login)"), N_("NAME") },
    { "role", 'r', 0, G_OPTION_ARG_STRING, &role, N_("viewer, clerk, planner, manager or admin"), N_("ROLE") },
    { "display-name", 0, 0, G_OPTION_ARG_STRING, &display, N_("The name shown to people"), N_("TEXT") },
    { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &password_file, N_("Read the password from FILE, not standard input"),
      N_("FILE") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  if (!plazactl_parse (_("add DB --name N --role R | list DB | passwd DB --name N — user accounts"), entries, &argc,
                       &argv))
    return 1;
  if (argc < 2)
    return plazactl_fail_message (_("users: say add, list or passwd"));
  verb = argv[1];
  if (argc != 3)
    return plazactl_fail_message (_("users: give one database file"));
  if (g_str_equal (verb, "list"))
    return list (argv[2]);
  if (!g_str_equal (verb, "add") && !g_str_equal (verb, "passwd"))
    return plazactl_fail_message (_("users: say add, list or passwd"));
  if (name == NULL || *name == '\0')
    return plazactl_fail_message (_("users: --name is required"));
  if (g_str_equal (verb, "add") && role == NULL)
    return plazactl_fail_message (_("users: --role is required (viewer, clerk, planner, manager or admin)"));

  password = read_password (password_file, &error);
  if (password == NULL)
    return plazactl_fail (error);
  store = plazactl_open (argv[2], PLAZA_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    return plazactl_fail (error);

  if (g_str_equal (verb, "add"))
    {
      g_autoptr(PlazaUser) u = NULL;

      if (plaza_users_create (store, name, display, role, password, &error) == 0 ||
          (u = plaza_users_get (store, name, &error)) == NULL)
        {
          g_prefix_error (&error, "users: ");
          return plazactl_fail (error);
        }
      g_print (_("User %s added as %s.\n"), u->login, u->role);
      return 0;
    }
  if (!plaza_users_set_password (store, name, password, &error))
    {
      g_prefix_error (&error, "users: ");
      return plazactl_fail (error);
    }
  g_print (_("Password of %s changed.\n"), name);
  return 0;
}
