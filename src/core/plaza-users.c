/* plaza-users.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Accounts, password hashes and lock-out: see plaza-users.h.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "plaza-permissions.h"
#include "plaza-users.h"

G_DEFINE_QUARK (plaza-users-error-quark, plaza_users_error)

#define USER_COLUMNS "id, login, display_name, role, active, failed_logins, locked_until, created_at"

void
plaza_user_free (PlazaUser *user)
{
  if (user == NULL)
    return;
  g_free (user->login);
  g_free (user->display_name);
  g_free (user->role);
  g_free (user->locked_until);
  g_free (user->created_at);
  g_free (user);
}

static gboolean
ensure_sodium (GError **error)
{
  if (sodium_init () < 0)
    {
      g_set_error_literal (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_FAILED,
                           _("The password library (libsodium) could not start."));
      return FALSE;
    }
  return TRUE;
}

static char *
iso_utc (GDateTime *t)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (t);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static gboolean
invalid (GError    **error,
         const char *message)
{
  g_set_error_literal (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID, message);
  return FALSE;
}

gboolean
plaza_users_check_password (const char  *login,
                            const char  *password,
                            GError     **error)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (password == NULL || !g_utf8_validate (password, -1, NULL) || g_utf8_strlen (password, -1) < 8)
    return invalid (error, _("password: use at least 8 characters."));
  if (g_unichar_isdigit (g_utf8_get_char (password)))
    return invalid (error, _("password: must not start with a digit."));
  a = g_utf8_casefold (password, -1);
  b = g_utf8_casefold (login != NULL ? login : "", -1);
  if (g_str_equal (a, b))
    return invalid (error, _("password: must not be the user name."));
  return TRUE;
}

static char *
hash_password (const char  *password,
               GError     **error)
{
  char out[crypto_pwhash_STRBYTES];

  if (!ensure_sodium (error))
    return NULL;
  if (crypto_pwhash_str (out, password, strlen (password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                         crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    {
      g_set_error_literal (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_FAILED,
                           _("Not enough memory to hash the password."));
      return NULL;
    }
  return g_strdup (out);
}

static PlazaUser *
user_from_row (sqlite3_stmt *stmt)
{
  PlazaUser *u = g_new0 (PlazaUser, 1);

  u->id = sqlite3_column_int64 (stmt, 0);
  u->login = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  u->display_name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  u->role = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  u->active = sqlite3_column_int (stmt, 4) != 0;
  u->failed_logins = sqlite3_column_int (stmt, 5);
  u->locked_until = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
  u->created_at = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
  return u;
}

GPtrArray *
plaza_users_list (PlazaStore  *store,
                  GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = plaza_store_prepare (store, "SELECT " USER_COLUMNS " FROM users ORDER BY login",
                                                      error);
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) plaza_user_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, user_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      plaza_store_set_sqlite_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

/* The account and its hash; NULL without error when there is none. */
static PlazaUser *
lookup (PlazaStore  *store,
        const char  *login,
        char       **hash,
        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = plaza_store_prepare (store, "SELECT " USER_COLUMNS ", password_hash "
                                                      "FROM users WHERE login = ?", error);
  PlazaUser *u;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, login, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      plaza_store_set_sqlite_error (store, error);
      return NULL;
    }
  u = user_from_row (stmt);
  if (hash != NULL)
    *hash = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
  return u;
}

PlazaUser *
plaza_users_get (PlazaStore  *store,
                 const char  *login,
                 GError     **error)
{
  GError *local = NULL;
  PlazaUser *u = lookup (store, login, NULL, &local);

  if (u == NULL && local == NULL)
    g_set_error (&local, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND, _("No user named “%s”."), login);
  if (local != NULL)
    g_propagate_error (error, local);
  return u;
}

typedef struct
{
  const char *login;
  const char *display_name;
  const char *role;
  const char *hash;
  gint64      id;
} CreateData;

static gboolean
create_write (PlazaStore  *store,
              gpointer     user_data,
              GError     **error)
{
  CreateData *d = user_data;
  g_autoptr(sqlite3_stmt) count = plaza_store_prepare (store, "SELECT count(*) FROM users", error);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *at = iso_utc (now);
  g_autofree char *summary = NULL;
  const char *role = d->role;

  if (count == NULL || sqlite3_step (count) != SQLITE_ROW)
    return count == NULL ? FALSE : plaza_store_set_sqlite_error (store, error);
  if (sqlite3_column_int64 (count, 0) == 0)
    role = "admin";
  stmt = plaza_store_prepare (store, "INSERT INTO users (login, display_name, role, password_hash, created_at) "
                              "VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, d->login, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, d->display_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, role, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, d->hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, at, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (plaza_store_get_db (store)) == SQLITE_CONSTRAINT_UNIQUE)
        {
          g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_EXISTS,
                       _("name: there is already a user named “%s”."), d->login);
          return FALSE;
        }
      return plaza_store_set_sqlite_error (store, error);
    }
  d->id = sqlite3_last_insert_rowid (plaza_store_get_db (store));
  summary = g_strdup_printf ("%s (%s) %s", d->login, d->display_name, role);
  return plaza_store_log_change (store, "user", d->id, "create", summary, error);
}

gint64
plaza_users_create (PlazaStore  *store,
                    const char  *login,
                    const char  *display_name,
                    const char  *role,
                    const char  *password,
                    GError     **error)
{
  g_autofree char *name = g_strstrip (g_strdup (login != NULL ? login : ""));
  g_autofree char *hash = NULL;
  CreateData d = { name, display_name != NULL ? display_name : "", role, NULL, 0 };

  if (*name == '\0' || !g_utf8_validate (name, -1, NULL))
    return invalid (error, _("name: give the user a name."));
  if (!plaza_role_is_valid (role))
    return invalid (error, _("role: use viewer, clerk, planner, manager or admin."));
  if (!plaza_users_check_password (name, password, error))
    return 0;
  hash = hash_password (password, error);
  if (hash == NULL)
    return 0;
  d.hash = hash;
  if (!plaza_store_write (store, create_write, &d, error))
    return 0;
  return d.id;
}

typedef struct
{
  const char *login;
  const char *column;   /* NULL: a sign-in outcome */
  const char *text;
  gint64      number;
  const char *action;
  const char *summary;
  /* sign-in outcome */
  int         failed_logins;
  const char *locked_until;
} UpdateData;

static gboolean
update_write (PlazaStore  *store,
              gpointer     user_data,
              GError     **error)
{
  UpdateData *d = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(PlazaUser) u = plaza_users_get (store, d->login, error);

  if (u == NULL)
    return FALSE;
  if (g_str_equal (u->role, "admin") && u->active && d->column != NULL &&
      ((g_str_equal (d->column, "role") && !g_str_equal (d->text, "admin")) ||
       (g_str_equal (d->column, "active") && d->number == 0)))
    {
      g_autoptr(sqlite3_stmt) others = plaza_store_prepare (store, "SELECT count(*) FROM users WHERE role = 'admin' "
                                                            "AND active = 1 AND id != ?", error);

      if (others == NULL)
        return FALSE;
      sqlite3_bind_int64 (others, 1, u->id);
      if (sqlite3_step (others) != SQLITE_ROW)
        return plaza_store_set_sqlite_error (store, error);
      if (sqlite3_column_int64 (others, 0) == 0)
        return invalid (error, _("role: this is the last administrator; make another one first."));
    }
  if (d->column == NULL)
    sql = g_strdup ("UPDATE users SET failed_logins = ?, locked_until = ?, rev = rev + 1 WHERE id = ?");
  else if (g_str_equal (d->column, "password_hash"))
    sql = g_strdup ("UPDATE users SET password_hash = ?, failed_logins = 0, locked_until = NULL, "
                    "rev = rev + 1 WHERE id = ?");
  else
    sql = g_strdup_printf ("UPDATE users SET %s = ?, rev = rev + 1 WHERE id = ?", d->column);
  stmt = plaza_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  if (d->column == NULL)
    {
      sqlite3_bind_int (stmt, 1, d->failed_logins);
      sqlite3_bind_text (stmt, 2, d->locked_until, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, u->id);
    }
  else
    {
      if (d->text != NULL)
        sqlite3_bind_text (stmt, 1, d->text, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_int64 (stmt, 1, d->number);
      sqlite3_bind_int64 (stmt, 2, u->id);
    }
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  return plaza_store_log_change (store, "user", u->id, d->action, d->summary, error);
}

/* A write about sign-in that any role may make (the store's role is lifted
 * for it: it only records what happened to the account). */
static gboolean
write_unchecked (PlazaStore  *store,
                 UpdateData  *d,
                 GError     **error)
{
  g_autofree char *role = g_strdup (plaza_store_get_role (store));
  gboolean ok;

  plaza_store_set_role (store, NULL);
  ok = plaza_store_write (store, update_write, d, error);
  plaza_store_set_role (store, role);
  return ok;
}

PlazaUser *
plaza_users_verify (PlazaStore  *store,
                    const char  *login,
                    const char  *password,
                    GDateTime   *now,
                    GError     **error)
{
  g_autoptr(GDateTime) clock = now != NULL ? g_date_time_ref (now) : g_date_time_new_now_utc ();
  g_autofree char *at = iso_utc (clock);
  g_autofree char *hash = NULL;
  g_autoptr(PlazaUser) u = NULL;
  g_autoptr(GError) local = NULL;
  UpdateData d = { login, NULL, NULL, 0, NULL, NULL, 0, NULL };
  gboolean ok;

  if (!ensure_sodium (error))
    return NULL;
  u = lookup (store, login != NULL ? login : "", &hash, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  if (u == NULL || hash == NULL)
    {
      g_set_error_literal (error, PLAZA_USERS_ERROR, PLAZA_USERS_ERROR_WRONG_PASSWORD,
                           _("Wrong user name or password."));
      return NULL;
    }
  if (!u->active)
    {
      g_set_error (error, PLAZA_USERS_ERROR, PLAZA_USERS_ERROR_INACTIVE,
                   _("The account “%s” is switched off; ask an administrator."), u->login);
      return NULL;
    }
  if (u->locked_until != NULL && strcmp (at, u->locked_until) < 0)
    {
      g_set_error (error, PLAZA_USERS_ERROR, PLAZA_USERS_ERROR_LOCKED,
                   _("Too many wrong passwords: the account “%s” is locked until %s (UTC)."),
                   u->login, u->locked_until);
      return NULL;
    }

  ok = password != NULL && crypto_pwhash_str_verify (hash, password, strlen (password)) == 0;
  if (ok)
    {
      if (u->failed_logins != 0 || u->locked_until != NULL)
        {
          d.action = "login";
          d.summary = u->login;
          if (!write_unchecked (store, &d, error))
            return NULL;
          u->failed_logins = 0;
          g_clear_pointer (&u->locked_until, g_free);
        }
      return g_steal_pointer (&u);
    }

  {
    g_autoptr(GDateTime) until = g_date_time_add_minutes (clock, PLAZA_USERS_LOCK_MINUTES);
    g_autofree char *until_text = iso_utc (until);
    g_autofree char *summary = NULL;
    int failures = u->failed_logins + 1;

    if (failures >= PLAZA_USERS_MAX_FAILURES)
      {
        d.failed_logins = 0;
        d.locked_until = until_text;
        d.action = "locked";
        summary = g_strdup_printf ("%s until %s", u->login, until_text);
      }
    else
      {
        d.failed_logins = failures;
        d.action = "login_failed";
        summary = g_strdup_printf ("%s %d/%d", u->login, failures, PLAZA_USERS_MAX_FAILURES);
      }
    d.summary = summary;
    if (!write_unchecked (store, &d, error))
      return NULL;
    if (d.locked_until != NULL)
      g_set_error (error, PLAZA_USERS_ERROR, PLAZA_USERS_ERROR_LOCKED,
                   _("Too many wrong passwords: the account “%s” is locked until %s (UTC)."),
                   u->login, until_text);
    else
      g_set_error_literal (error, PLAZA_USERS_ERROR, PLAZA_USERS_ERROR_WRONG_PASSWORD,
                           _("Wrong user name or password."));
    return NULL;
  }
}

gboolean
plaza_users_set_password (PlazaStore  *store,
                          const char  *login,
                          const char  *password,
                          GError     **error)
{
  g_autofree char *hash = NULL;
  UpdateData d = { login, "password_hash", NULL, 0, "password", login, 0, NULL };

  if (!plaza_users_check_password (login, password, error))
    return FALSE;
  hash = hash_password (password, error);
  if (hash == NULL)
    return FALSE;
  d.text = hash;
  return plaza_store_write (store, update_write, &d, error);
}

gboolean
plaza_users_change_password (PlazaStore  *store,
                             const char  *login,
                             const char  *old_password,
                             const char  *new_password,
                             GError     **error)
{
  g_autoptr(PlazaUser) u = NULL;
  g_autofree char *hash = NULL;
  UpdateData d = { login, "password_hash", NULL, 0, "password", login, 0, NULL };

  if (!plaza_users_check_password (login, new_password, error))
    return FALSE;
  u = plaza_users_verify (store, login, old_password, NULL, error);
  if (u == NULL)
    return FALSE;
  hash = hash_password (new_password, error);
  if (hash == NULL)
    return FALSE;
  d.text = hash;
  return write_unchecked (store, &d, error);
}

gboolean
plaza_users_set_role (PlazaStore  *store,
                      const char  *login,
                      const char  *role,
                      GError     **error)
{
  g_autofree char *summary = g_strdup_printf ("%s → %s", login, role);
  UpdateData d = { login, "role", role, 0, "role", summary, 0, NULL };

  if (!plaza_role_is_valid (role))
    return invalid (error, _("role: use viewer, clerk, planner, manager or admin."));
  return plaza_store_write (store, update_write, &d, error);
}

gboolean
plaza_users_set_active (PlazaStore  *store,
                        const char  *login,
                        gboolean     active,
                        GError     **error)
{
  g_autofree char *summary = g_strdup_printf ("%s %s", login, active ? "on" : "off");
  UpdateData d = { login, "active", NULL, active ? 1 : 0, "active", summary, 0, NULL };

  return plaza_store_write (store, update_write, &d, error);
}
