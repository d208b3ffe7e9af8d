/* test-accounts.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sign-in: when a file asks for it (plaza_users_sign_in_required), the demo
 * accounts' passwords, and the session on the worker (sign in, the role the
 * store then enforces, plaza_worker_allows, sign out).
 */

#include "config.h"

#include <locale.h>
#include <sqlite3.h>

#include "plaza-accounts.h"
#include "plaza-demo.h"
#include "plaza-permissions.h"
#include "plaza-users.h"
#include "plaza-worker.h"
#include "test-util.h"

typedef struct
{
  char       *dir;
  char       *path;
  PlazaStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("plaza-accounts-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "mall.plaza", NULL);
  f->store = plaza_store_open (f->path, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data G_GNUC_UNUSED)
{
  g_clear_object (&f->store);
  plaza_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static gboolean
exec_write (PlazaStore  *store,
            gpointer     sql,
            GError     **error)
{
  if (sqlite3_exec (plaza_store_get_db (store), sql, NULL, NULL, NULL) != SQLITE_OK)
    return plaza_store_set_sqlite_error (store, error);
  return TRUE;
}

static void
exec_sql (Fixture    *f,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (plaza_store_write (f->store, exec_write, (gpointer) sql, &error));
  g_assert_no_error (error);
}

static gboolean
required (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  gboolean out = plaza_users_sign_in_required (f->store, &error);

  g_assert_no_error (error);
  return out;
}

/* Hand-made rows: only an active account with a hash asks for sign-in. */
static void
test_required (Fixture       *f,
               gconstpointer  data G_GNUC_UNUSED)
{
  g_assert_false (required (f));   /* no accounts at all */
  exec_sql (f, "INSERT INTO users (login, display_name, role, created_at) VALUES "
               "('a', 'A', 'admin', '2026-11-27T00:00:00Z'), ('b', 'B', 'clerk', '2026-11-27T00:00:00Z')");
  g_assert_false (required (f));   /* accounts without passwords */
  exec_sql (f, "UPDATE users SET password_hash = '' WHERE login = 'b'");
  g_assert_false (required (f));   /* an empty hash is no password */
  exec_sql (f, "UPDATE users SET password_hash = '$argon2id$x', active = 0 WHERE login = 'b'");
  g_assert_false (required (f));   /* a password on a switched-off account */
  exec_sql (f, "UPDATE users SET active = 1 WHERE login = 'b'");
  g_assert_true (required (f));
  exec_sql (f, "UPDATE users SET password_hash = NULL WHERE login = 'b'");
  g_assert_false (required (f));
}

static void
test_required_real_password (Fixture       *f,
                             gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (required (f));
  g_assert_cmpint (plaza_users_create (f->store, "chen", "陈强", "manager", "secret-77", &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (required (f));
}

static void
make_demo (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 27, 11, 2026);
  g_assert_true (plaza_demo_generate (f->store, 1, PLAZA_DEMO_SMALL, &today, &error));
  g_assert_no_error (error);
}

static void
test_demo_passwords (Fixture       *f,
                     gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaUser) chen = NULL;
  g_autoptr(PlazaUser) nobody = NULL;

  make_demo (f);
  g_assert_false (required (f));   /* the demo asks nobody by default */
  g_assert_cmpint (plaza_demo_set_passwords (f->store, NULL, &error), ==, 6);
  g_assert_no_error (error);
  g_assert_true (required (f));
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM users WHERE password_hash LIKE '$argon2id$%'"),
                   ==, 6);

  chen = plaza_users_verify (f->store, "chenqiang", PLAZA_DEMO_PASSWORD, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (chen->role, ==, "manager");
  g_assert_cmpstr (chen->display_name, ==, "陈强");
  nobody = plaza_users_verify (f->store, "zhaoli", "plaza-demo2", NULL, &error);
  g_assert_null (nobody);
  g_assert_error (error, PLAZA_USERS_ERROR, PLAZA_USERS_ERROR_WRONG_PASSWORD);
}

static void
test_plazactl_accounts (Fixture       *f,
                        gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *path = g_build_filename (f->dir, "demo.plaza", NULL);
  const char *args[] = { "demo", path, "--size", "small", "--today", "2026-11-27", "--accounts", NULL };
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (plaza_test_run_plazactl (args, NULL, NULL), ==, 0);
  store = plaza_store_open (path, PLAZA_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (plaza_users_sign_in_required (store, &error));
  g_assert_no_error (error);
}

/* ---- the session on the worker ---- */

static gboolean
result_ready (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static void
store_result_cb (GObject      *source G_GNUC_UNUSED,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
spin_until_result (GAsyncResult **result)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (30, timeout_cb, &timed_out);

  while (!result_ready (result) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

static PlazaWorker *
open_worker (const char *path)
{
  PlazaWorker *worker = plaza_worker_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  plaza_worker_open_async (worker, path, PLAZA_STORE_OPEN_DEFAULT, NULL, store_result_cb, &result);
  spin_until_result (&result);
  g_assert_true (plaza_worker_open_finish (worker, result, &error));
  g_assert_no_error (error);
  return worker;
}

static gboolean
check (PlazaWorker *worker)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean required = FALSE;

  plaza_worker_check_sign_in_async (worker, NULL, store_result_cb, &result);
  spin_until_result (&result);
  g_assert_true (plaza_worker_check_sign_in_finish (worker, result, &required, &error));
  g_assert_no_error (error);
  return required;
}

static gboolean
sign_in (PlazaWorker *worker,
         const char  *login,
         const char  *password,
         GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  if (password != NULL)
    plaza_worker_sign_in_async (worker, login, password, NULL, store_result_cb, &result);
  else
    plaza_worker_sign_in_unchecked_async (worker, login, NULL, store_result_cb, &result);
  spin_until_result (&result);
  return plaza_worker_sign_in_finish (worker, result, error);
}

static gpointer
set_role_func (PlazaStore    *store,
               gpointer       data G_GNUC_UNUSED,
               GCancellable  *cancellable G_GNUC_UNUSED,
               GError       **error)
{
  plaza_users_set_role (store, "lijun", "manager", error);
  return NULL;
}

/* A write through the worker, as the window's jobs do; returns its error. */
static GError *
try_set_role (PlazaWorker *worker)
{
  g_autoptr(GAsyncResult) result = NULL;
  GError *error = NULL;

  plaza_worker_run_async (worker, set_role_func, NULL, NULL, NULL, store_result_cb, &result);
  spin_until_result (&result);
  plaza_worker_run_finish (worker, result, &error);
  return error;
}

static void
role_notified_cb (GObject    *object G_GNUC_UNUSED,
                  GParamSpec *pspec G_GNUC_UNUSED,
                  gpointer    user_data)
{
  (*(int *) user_data)++;
}

static void
test_worker_session (Fixture       *f,
                     gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(PlazaWorker) worker = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *role = NULL;
  int notified = 0;

  make_demo (f);
  g_assert_cmpint (plaza_demo_set_passwords (f->store, NULL, &error), ==, 6);
  g_clear_object (&f->store);

  worker = open_worker (f->path);
  g_signal_connect (worker, "notify::role", G_CALLBACK (role_notified_cb), &notified);
  g_assert_true (check (worker));
  g_assert_true (plaza_worker_get_sign_in_required (worker));
  g_assert_cmpint (notified, ==, 1);
  g_assert_null (plaza_worker_get_role (worker));
  /* nobody signed in: nothing allowed, and the store refuses too */
  g_assert_false (plaza_worker_allows (worker, "tenant", "create"));
  error = try_set_role (worker);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_PERMISSION);
  g_clear_error (&error);

  /* a wrong password changes nothing */
  g_assert_false (sign_in (worker, "wangfang", "nope-nope", &error));
  g_assert_error (error, PLAZA_USERS_ERROR, PLAZA_USERS_ERROR_WRONG_PASSWORD);
  g_clear_error (&error);
  g_assert_null (plaza_worker_get_user (worker));
  g_assert_cmpint (notified, ==, 1);
  /* nor does the unchecked sign-in on a file with passwords */
  g_assert_false (sign_in (worker, "admin", NULL, &error));
  g_assert_error (error, PLAZA_USERS_ERROR, PLAZA_USERS_ERROR_WRONG_PASSWORD);
  g_clear_error (&error);
  g_assert_null (plaza_worker_get_user (worker));

  /* the clerk: tenants yes, the bill run and accounts no */
  g_assert_true (sign_in (worker, "wangfang", PLAZA_DEMO_PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_cmpint (notified, ==, 2);
  g_assert_cmpstr (plaza_worker_get_user (worker), ==, "wangfang");
  g_assert_cmpstr (plaza_worker_get_user_display (worker), ==, "王芳");
  g_assert_cmpstr (plaza_worker_get_role (worker), ==, "clerk");
  g_object_get (worker, "role", &role, NULL);
  g_assert_cmpstr (role, ==, "clerk");
  g_assert_true (plaza_worker_allows (worker, "tenant", "create"));
  g_assert_false (plaza_worker_allows (worker, "bills", "issue"));
  g_assert_false (plaza_worker_allows (worker, "user", "create"));
  error = try_set_role (worker);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_PERMISSION);
  g_clear_error (&error);

  /* the admin may */
  g_assert_true (sign_in (worker, "admin", PLAZA_DEMO_PASSWORD, &error));
  g_assert_true (plaza_worker_allows (worker, "user", "create"));
  error = try_set_role (worker);
  g_assert_no_error (error);

  /* signed out: nothing again */
  plaza_worker_sign_out (worker);
  g_assert_cmpint (notified, ==, 4);
  g_assert_null (plaza_worker_get_user (worker));
  g_assert_false (plaza_worker_allows (worker, "tenant", "create"));
  error = try_set_role (worker);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_PERMISSION);
}

static gboolean
role_is (PlazaWorker *worker,
         const char  *role)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (30, timeout_cb, &timed_out);

  while (g_strcmp0 (plaza_worker_get_role (worker), role) != 0 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return !timed_out;
}

/* Another administrator changes the signed-in account: the session follows. */
static void
test_worker_refresh (Fixture       *f,
                     gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(PlazaWorker) worker = NULL;
  g_autoptr(GError) error = NULL;

  make_demo (f);
  g_assert_cmpint (plaza_demo_set_passwords (f->store, NULL, &error), ==, 6);

  worker = open_worker (f->path);
  g_assert_true (check (worker));
  g_assert_true (sign_in (worker, "wangfang", PLAZA_DEMO_PASSWORD, &error));
  g_assert_false (plaza_worker_allows (worker, "bills", "issue"));

  /* f->store is the other administrator's connection (no role: plazactl) */
  g_assert_true (plaza_users_set_role (f->store, "wangfang", "manager", &error));
  g_assert_no_error (error);
  plaza_worker_refresh_session (worker);
  g_assert_true (role_is (worker, "manager"));
  g_assert_true (plaza_worker_allows (worker, "bills", "issue"));
  g_assert_cmpstr (plaza_worker_get_user (worker), ==, "wangfang");

  g_assert_true (plaza_users_set_active (f->store, "wangfang", FALSE, &error));
  g_assert_no_error (error);
  plaza_worker_refresh_session (worker);
  g_assert_true (role_is (worker, NULL));
  g_assert_null (plaza_worker_get_user (worker));
  g_assert_false (plaza_worker_allows (worker, "tenant", "create"));
  error = try_set_role (worker);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_PERMISSION);
}

static void
test_worker_no_accounts (Fixture       *f,
                         gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(PlazaWorker) worker = NULL;
  g_autoptr(GError) error = NULL;

  make_demo (f);
  g_clear_object (&f->store);

  worker = open_worker (f->path);
  g_assert_false (check (worker));
  /* no role: nothing enforced */
  g_assert_null (plaza_worker_get_role (worker));
  g_assert_true (plaza_worker_allows (worker, "bills", "issue"));
  error = try_set_role (worker);
  g_assert_no_error (error);

  /* the in-app demo signs its creator in as admin without a password */
  g_assert_true (sign_in (worker, "admin", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (plaza_worker_get_role (worker), ==, "admin");
  g_assert_cmpstr (plaza_worker_get_user_display (worker), ==, "系统管理员");
  plaza_worker_sign_out (worker);
  g_assert_true (plaza_worker_allows (worker, "bills", "issue"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/accounts/required", test_required);
  ADD ("/accounts/required/password", test_required_real_password);
  ADD ("/accounts/demo-passwords", test_demo_passwords);
  ADD ("/accounts/plazactl-demo-accounts", test_plazactl_accounts);
  ADD ("/accounts/worker/session", test_worker_session);
  ADD ("/accounts/worker/refresh", test_worker_refresh);
  ADD ("/accounts/worker/no-accounts", test_worker_no_accounts);
#undef ADD

  return g_test_run ();
}
