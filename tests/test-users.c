/* test-users.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Accounts, password rules, Argon2id, lock-out, the permission table and
 * its enforcement in plaza_store_log_change().
 */

#include "config.h"

#include <locale.h>

#include "plaza-demo.h"
#include "plaza-permissions.h"
#include "plaza-promotion.h"
#include "plaza-users.h"
#include "test-util.h"

typedef struct
{
  char       *dir;
  char       *path;
  PlazaStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("plaza-users-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "mall.plaza", NULL);
  f->store = plaza_store_open (f->path, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  plaza_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
test_password_rules (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (plaza_users_check_password ("wang", "abc1234", &error));   /* 7 characters */
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "8"));
  g_clear_error (&error);
  g_assert_false (plaza_users_check_password ("wang", "1abcdefgh", &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "digit"));
  g_clear_error (&error);
  g_assert_false (plaza_users_check_password ("zhangwei", "ZhangWei", &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "user name"));
  g_clear_error (&error);
  /* 8 characters, counted as characters not bytes: 商务部密码ab12 is 9 */
  g_assert_true (plaza_users_check_password ("wang", "abcd1234", &error));
  g_assert_true (plaza_users_check_password ("wang", "商务部密码ab12", &error));
  g_assert_false (plaza_users_check_password ("wang", "商务部密码", NULL));
  g_assert_no_error (error);
}

static void
test_create_and_verify (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaUser) u = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autofree char *hash = NULL;
  gint64 first, second;

  /* the first account is admin whatever is asked */
  first = plaza_users_create (f->store, "li", "李经理", "viewer", "secret-li-1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (first, >, 0);
  second = plaza_users_create (f->store, "wang", "王专员", "clerk", "secret-wang", &error);
  g_assert_no_error (error);
  all = plaza_users_list (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_cmpstr (((PlazaUser *) all->pdata[0])->login, ==, "li");
  g_assert_cmpstr (((PlazaUser *) all->pdata[0])->role, ==, "admin");
  g_assert_cmpstr (((PlazaUser *) all->pdata[1])->role, ==, "clerk");
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM change_log WHERE entity = 'user' "
                                     "AND action = 'create'"), ==, 2);

  /* an Argon2id hash, not the password */
  {
    g_autoptr(sqlite3_stmt) stmt = plaza_store_prepare (f->store, "SELECT password_hash FROM users WHERE login = 'wang'",
                                                        NULL);

    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    hash = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  }
  g_assert_true (g_str_has_prefix (hash, "$argon2id$"));
  g_assert_null (strstr (hash, "secret-wang"));

  /* duplicates and bad input */
  g_assert_cmpint (plaza_users_create (f->store, "wang", "", "clerk", "another-pw", &error), ==, 0);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_cmpint (plaza_users_create (f->store, "zhao", "", "boss", "another-pw", &error), ==, 0);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (plaza_users_create (f->store, "zhao", "", "clerk", "zhao", &error), ==, 0);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  u = plaza_users_verify (f->store, "wang", "secret-wang", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (u->id, ==, second);
  g_assert_null (plaza_users_verify (f->store, "nobody", "secret-wang", NULL, &error));
  g_assert_error (error, PLAZA_USERS_ERROR, PLAZA_USERS_ERROR_WRONG_PASSWORD);
  g_clear_error (&error);

  /* the last administrator stays one */
  g_assert_false (plaza_users_set_role (f->store, "li", "manager", &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (plaza_users_set_active (f->store, "li", FALSE, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM users WHERE login = 'li' AND role = 'admin' "
                                     "AND active = 1"), ==, 1);

  /* set role, switch off */
  g_assert_true (plaza_users_set_role (f->store, "wang", "planner", &error));
  g_assert_no_error (error);
  g_assert_true (plaza_users_set_active (f->store, "wang", FALSE, &error));
  g_assert_null (plaza_users_verify (f->store, "wang", "secret-wang", NULL, &error));
  g_assert_error (error, PLAZA_USERS_ERROR, PLAZA_USERS_ERROR_INACTIVE);
  g_clear_error (&error);
  g_assert_true (plaza_users_set_active (f->store, "wang", TRUE, &error));
  g_clear_pointer (&u, plaza_user_free);
  u = plaza_users_verify (f->store, "wang", "secret-wang", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (u->role, ==, "planner");

  /* own password: needs the old one */
  g_assert_false (plaza_users_change_password (f->store, "wang", "wrong-old-pw", "new-secret-1", &error));
  g_assert_error (error, PLAZA_USERS_ERROR, PLAZA_USERS_ERROR_WRONG_PASSWORD);
  g_clear_error (&error);
  plaza_store_set_role (f->store, "viewer");
  g_assert_true (plaza_users_change_password (f->store, "wang", "secret-wang", "new-secret-1", &error));
  g_assert_cmpstr (plaza_store_get_role (f->store), ==, "viewer");
  plaza_store_set_role (f->store, NULL);
  g_assert_no_error (error);
  g_clear_pointer (&u, plaza_user_free);
  g_assert_null (plaza_users_verify (f->store, "wang", "secret-wang", NULL, &error));
  g_clear_error (&error);
  u = plaza_users_verify (f->store, "wang", "new-secret-1", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (u->failed_logins, ==, 0);
}

static void
test_lockout (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) t0 = g_date_time_new_utc (2026, 11, 27, 9, 0, 0);
  g_autoptr(GDateTime) t14 = g_date_time_add_minutes (t0, 14);
  g_autoptr(GDateTime) t15 = g_date_time_add_minutes (t0, 15);
  g_autoptr(PlazaUser) u = NULL;

  plaza_users_create (f->store, "li", "", "admin", "secret-li-1", &error);
  g_assert_no_error (error);
  for (int i = 1; i <= 4; i++)
    {
      g_assert_null (plaza_users_verify (f->store, "li", "guess-guess", t0, &error));
      g_assert_error (error, PLAZA_USERS_ERROR, PLAZA_USERS_ERROR_WRONG_PASSWORD);
      g_clear_error (&error);
      g_assert_cmpint (plaza_test_count (f->store, "SELECT failed_logins FROM users"), ==, i);
    }
  /* the fifth locks until 09:15 */
  g_assert_null (plaza_users_verify (f->store, "li", "guess-guess", t0, &error));
  g_assert_error (error, PLAZA_USERS_ERROR, PLAZA_USERS_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "2026-11-27T09:15:00Z"));
  g_clear_error (&error);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM users WHERE locked_until = "
                                     "'2026-11-27T09:15:00Z'"), ==, 1);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM change_log WHERE action = 'login_failed'"), ==, 4);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM change_log WHERE action = 'locked'"), ==, 1);
  /* even the right password waits out the lock */
  g_assert_null (plaza_users_verify (f->store, "li", "secret-li-1", t14, &error));
  g_assert_error (error, PLAZA_USERS_ERROR, PLAZA_USERS_ERROR_LOCKED);
  g_clear_error (&error);
  /* at 09:15 it is over */
  u = plaza_users_verify (f->store, "li", "secret-li-1", t15, &error);
  g_assert_no_error (error);
  g_assert_nonnull (u);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM users WHERE locked_until IS NULL "
                                     "AND failed_logins = 0"), ==, 1);
  /* an admin reset clears a lock too */
  for (int i = 0; i < 5; i++)
    {
      g_assert_null (plaza_users_verify (f->store, "li", "guess-guess", t15, NULL));
    }
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM users WHERE locked_until IS NOT NULL"), ==, 1);
  g_assert_true (plaza_users_set_password (f->store, "li", "reset-pw-1", &error));
  g_assert_no_error (error);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM users WHERE locked_until IS NULL"), ==, 1);
}

static void
test_permission_table (void)
{
  /* viewer: nothing; unknown roles: nothing */
  g_assert_false (plaza_permission_allows ("viewer", "tenant", "create"));
  g_assert_false (plaza_permission_allows ("boss", "tenant", "create"));
  g_assert_false (plaza_permission_allows (NULL, "tenant", "create"));
  /* clerk */
  g_assert_true (plaza_permission_allows ("clerk", "tenant", "create"));
  g_assert_true (plaza_permission_allows ("clerk", "contract", "create"));
  g_assert_true (plaza_permission_allows ("clerk", "contract", "submitted"));
  g_assert_true (plaza_permission_allows ("clerk", "payment", "create"));
  g_assert_true (plaza_permission_allows ("clerk", "sales", "import"));
  g_assert_true (plaza_permission_allows ("clerk", "complaint", "resolve"));
  g_assert_true (plaza_permission_allows ("clerk", "tenant", "attach"));
  g_assert_false (plaza_permission_allows ("clerk", "contract", "approved"));
  g_assert_false (plaza_permission_allows ("clerk", "promotion", "approve"));
  g_assert_false (plaza_permission_allows ("clerk", "promotion", "create"));
  g_assert_false (plaza_permission_allows ("clerk", "bills", "issue"));
  g_assert_false (plaza_permission_allows ("clerk", "eviction", "notify"));
  g_assert_false (plaza_permission_allows ("clerk", "user", "create"));
  /* planner */
  g_assert_true (plaza_permission_allows ("planner", "promotion", "create"));
  g_assert_true (plaza_permission_allows ("planner", "promotion", "submit"));
  g_assert_true (plaza_permission_allows ("planner", "prospect", "stage"));
  g_assert_true (plaza_permission_allows ("planner", "targets", "update"));
  g_assert_true (plaza_permission_allows ("planner", "tenant_review", "proposal"));
  g_assert_false (plaza_permission_allows ("planner", "tenant_review", "approve"));
  g_assert_false (plaza_permission_allows ("planner", "promotion", "approve"));
  g_assert_false (plaza_permission_allows ("planner", "tenant", "create"));
  /* manager */
  g_assert_true (plaza_permission_allows ("manager", "promotion", "approve"));
  g_assert_true (plaza_permission_allows ("manager", "contract", "approved"));
  g_assert_true (plaza_permission_allows ("manager", "contract", "amendment-rejected"));
  g_assert_true (plaza_permission_allows ("manager", "bills", "issue"));
  g_assert_true (plaza_permission_allows ("manager", "eviction", "complete"));
  g_assert_true (plaza_permission_allows ("manager", "tenant", "create"));
  g_assert_false (plaza_permission_allows ("manager", "user", "create"));
  g_assert_false (plaza_permission_allows ("manager", "setting", "set"));
  g_assert_false (plaza_permission_allows ("manager", "database", "restore"));
  /* admin */
  g_assert_true (plaza_permission_allows ("admin", "user", "create"));
  g_assert_true (plaza_permission_allows ("admin", "anything", "at-all"));
  g_assert_true (plaza_role_is_valid ("planner"));
  g_assert_false (plaza_role_is_valid ("Planner"));
}

static gboolean
insert_promotion (PlazaStore  *store,
                  gpointer     user_data,
                  GError     **error)
{
  return plaza_store_exec (store,
                           "INSERT INTO promotions (id, code, name, start_date, end_date, state, created_at) "
                           "VALUES (7, 'P-7', '国庆满减', '2026-10-01', '2026-10-07', 'submitted', "
                           "'2026-09-01T00:00:00Z')", error);
}

static void
test_enforcement (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 log_before;
  gint64 rev;

  g_assert_true (plaza_store_write (f->store, insert_promotion, NULL, &error));
  g_assert_no_error (error);
  log_before = plaza_test_count (f->store, "SELECT count(*) FROM change_log");

  /* a clerk may not approve: refused, nothing changed */
  plaza_store_set_role (f->store, "clerk");
  g_assert_cmpstr (plaza_store_get_role (f->store), ==, "clerk");
  g_assert_cmpint (plaza_promotion_transition (f->store, 7, 1, PLAZA_PROMOTION_APPROVE, NULL, &error), ==, 0);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_PERMISSION);
  g_assert_nonnull (strstr (error->message, "promotion"));
  g_clear_error (&error);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM promotions WHERE id = 7 AND state = 'submitted' "
                                     "AND rev = 1"), ==, 1);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM change_log"), ==, log_before);
  /* nor create a user */
  g_assert_cmpint (plaza_users_create (f->store, "zhao", "", "clerk", "secret-zhao", &error), ==, 0);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM users"), ==, 0);

  /* a manager may */
  plaza_store_set_role (f->store, "manager");
  rev = plaza_promotion_transition (f->store, 7, 1, PLAZA_PROMOTION_APPROVE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rev, ==, 2);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM promotions WHERE id = 7 AND state = 'approved'"),
                   ==, 1);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM change_log WHERE entity = 'promotion' "
                                     "AND action = 'approve' AND entity_id = 7"), ==, 1);

  /* unset: no checks */
  plaza_store_set_role (f->store, NULL);
  g_assert_cmpint (plaza_users_create (f->store, "zhao", "", "clerk", "secret-zhao", &error), >, 0);
  g_assert_no_error (error);
}

static void
test_demo_as_viewer (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 15, 6, 2026);
  /* a viewer's store cannot even make the demo; nothing lands */
  plaza_store_set_role (f->store, "viewer");
  g_assert_false (plaza_demo_generate (f->store, 1, PLAZA_DEMO_SMALL, &today, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM tenants"), ==, 0);
  /* unset, the demo runs; then a clerk may not approve its submitted promotions */
  plaza_store_set_role (f->store, NULL);
  g_assert_true (plaza_demo_generate (f->store, 1, PLAZA_DEMO_SMALL, &today, &error));
  g_assert_no_error (error);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM tenants"), >, 0);
  plaza_store_set_role (f->store, "clerk");
  {
    g_autoptr(sqlite3_stmt) stmt = plaza_store_prepare (f->store, "SELECT id, rev FROM promotions "
                                                        "WHERE state = 'submitted' LIMIT 1", NULL);

    if (sqlite3_step (stmt) == SQLITE_ROW)
      {
        gint64 id = sqlite3_column_int64 (stmt, 0);
        gint64 rev = sqlite3_column_int64 (stmt, 1);

        g_assert_cmpint (plaza_promotion_transition (f->store, id, rev, PLAZA_PROMOTION_APPROVE, NULL, &error), ==, 0);
        g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_PERMISSION);
        g_clear_error (&error);
      }
  }
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *pw = g_build_filename (f->dir, "pw.txt", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaUser) u = NULL;

  g_clear_object (&f->store);
  g_assert_true (g_file_set_contents (pw, "secret-li-1\n", -1, NULL));
  {
    const char *args[] = { "users", "add", f->path, "--name", "li", "--role", "clerk", "--display-name", "李经理",
                           "--password-file", pw, NULL };

    g_assert_cmpint (plaza_test_run_plazactl (args, &out, &err), ==, 0);
    g_assert_nonnull (strstr (out, "admin"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  /* The file now asks who is there: a write without signing in is refused
   * with the hint, a wrong password names no one, then li signs in. */
  g_assert_true (g_file_set_contents (pw, "secret-wang\n", -1, NULL));
  g_unsetenv ("PLAZA_USER");
  {
    const char *args[] = { "users", "add", f->path, "--name", "wang", "--role", "clerk", "--password-file", pw, NULL };

    g_assert_cmpint (plaza_test_run_plazactl (args, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, "PLAZA_USER"));
    g_assert_null (strchr (strchr (err, '\n') + 1, '\n'));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  g_setenv ("PLAZA_USER", "li", TRUE);
  g_setenv ("PLAZA_PASSWORD", "not-her-password", TRUE);
  {
    const char *args[] = { "users", "add", f->path, "--name", "wang", "--role", "clerk", "--password-file", pw, NULL };

    g_assert_cmpint (plaza_test_run_plazactl (args, &out, &err), ==, 1);
    g_assert_null (strstr (out, "wang"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  g_setenv ("PLAZA_PASSWORD", "secret-li-1", TRUE);
  g_assert_true (g_file_set_contents (pw, "9lives-x\n", -1, NULL));
  {
    const char *args[] = { "users", "add", f->path, "--name", "wang", "--role", "clerk", "--password-file", pw, NULL };

    g_assert_cmpint (plaza_test_run_plazactl (args, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, "digit"));
    g_assert_null (strchr (strchr (err, '\n') + 1, '\n'));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  g_assert_true (g_file_set_contents (pw, "secret-wang\n", -1, NULL));
  {
    const char *args[] = { "users", "add", f->path, "--name", "wang", "--role", "clerk", "--password-file", pw, NULL };

    g_assert_cmpint (plaza_test_run_plazactl (args, &out, &err), ==, 0);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    const char *args[] = { "users", "list", f->path, NULL };

    g_assert_cmpint (plaza_test_run_plazactl (args, &out, &err), ==, 0);
    g_assert_cmpstr (out, ==, "login,display_name,role,active,failed_logins,locked_until\n"
                              "li,李经理,admin,1,0,\n"
                              "wang,,clerk,1,0,\n");
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  g_assert_true (g_file_set_contents (pw, "other-secret\n", -1, NULL));
  {
    const char *args[] = { "users", "passwd", f->path, "--name", "wang", "--password-file", pw, NULL };

    g_assert_cmpint (plaza_test_run_plazactl (args, &out, &err), ==, 0);
  }
  /* wang is a clerk: signed in as wang, adding an account is refused. */
  g_setenv ("PLAZA_USER", "wang", TRUE);
  g_setenv ("PLAZA_PASSWORD", "other-secret", TRUE);
  {
    const char *args[] = { "users", "add", f->path, "--name", "zhao", "--role", "viewer", "--password-file", pw, NULL };

    g_assert_cmpint (plaza_test_run_plazactl (args, &out, &err), ==, 1);
    g_assert_null (strstr (err, "PLAZA_USER"));
  }
  g_unsetenv ("PLAZA_USER");
  g_unsetenv ("PLAZA_PASSWORD");
  f->store = plaza_store_open (f->path, PLAZA_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  u = plaza_users_verify (f->store, "wang", "other-secret", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (u->role, ==, "clerk");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/users/password-rules", test_password_rules);
  g_test_add ("/users/create-verify", Fixture, NULL, fixture_set_up, test_create_and_verify, fixture_tear_down);
  g_test_add ("/users/lockout", Fixture, NULL, fixture_set_up, test_lockout, fixture_tear_down);
  g_test_add_func ("/users/permissions", test_permission_table);
  g_test_add ("/users/enforcement", Fixture, NULL, fixture_set_up, test_enforcement, fixture_tear_down);
  g_test_add ("/users/demo", Fixture, NULL, fixture_set_up, test_demo_as_viewer, fixture_tear_down);
  g_test_add ("/users/cli", Fixture, NULL, fixture_set_up, test_cli, fixture_tear_down);
  return g_test_run ();
}
