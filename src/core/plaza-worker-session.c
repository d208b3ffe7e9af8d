/* plaza-worker-session.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The session on PlazaWorker: who is signed in (issue 8). The worker's
 * store writes as the signed-in account with its role (the store refuses
 * what the role may not do); the main thread keeps a copy of who that is,
 * for the window and plaza_worker_allows(). The copy lives in qdata, and
 * everything goes through the worker's public jobs, so this file stands on
 * its own beside plaza-worker.c.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

#include "plaza-accounts.h"
#include "plaza-permissions.h"
#include "plaza-users.h"
#include "plaza-worker-session-private.h"
#include "plaza-worker.h"

/* Far from the ids other blocks give their properties. */
#define PROP_SESSION_ROLE 0x5e55

typedef struct
{
  char     *user;
  char     *display;
  char     *role;
  gboolean  required;
} Session;

typedef struct
{
  char     *login;
  char     *password;
  gboolean  check_password;
} SignInData;

static GObjectGetPropertyFunc session_chained_get_property;
static GParamSpec *session_role_pspec;

static void
session_free (gpointer pointer)
{
  Session *session = pointer;

  g_free (session->user);
  g_free (session->display);
  g_free (session->role);
  g_free (session);
}

static Session *
get_session (PlazaWorker *self)
{
  Session *session = g_object_get_data (G_OBJECT (self), "plaza-session");

  if (session == NULL)
    {
      session = g_new0 (Session, 1);
      g_object_set_data_full (G_OBJECT (self), "plaza-session", session, session_free);
    }
  return session;
}

static void
session_set (PlazaWorker *self,
             PlazaUser   *user)
{
  Session *session = get_session (self);

  g_free (session->user);
  g_free (session->display);
  g_free (session->role);
  session->user = user != NULL ? g_strdup (user->login) : NULL;
  session->display = user != NULL ? g_strdup (user->display_name != NULL && *user->display_name != '\0'
                                              ? user->display_name : user->login) : NULL;
  session->role = user != NULL ? g_strdup (user->role) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), session_role_pspec);
}

static void
session_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  if (prop_id == PROP_SESSION_ROLE)
    g_value_set_string (value, plaza_worker_get_role (PLAZA_WORKER (object)));
  else if (session_chained_get_property != NULL)
    session_chained_get_property (object, prop_id, value, pspec);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

void
plaza_worker_session_class_init (GObjectClass *object_class)
{
  session_chained_get_property = object_class->get_property;
  object_class->get_property = session_get_property;

  /**
   * PlazaWorker:role:
   *
   * The signed-in account's role, or %NULL. Notified whenever the session
   * changes (sign-in, sign-out, the check after an open).
   */
  session_role_pspec = g_param_spec_string ("role", NULL, NULL, NULL,
                                            G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_property (object_class, PROP_SESSION_ROLE, session_role_pspec);
}

static void
sign_in_data_free (gpointer pointer)
{
  SignInData *data = pointer;

  g_free (data->login);
  if (data->password != NULL)
    {
      sodium_memzero (data->password, strlen (data->password));
      g_free (data->password);
    }
  g_free (data);
}

/* In the worker thread. */
static gpointer
check_sign_in_func (PlazaStore    *store,
                    gpointer       data G_GNUC_UNUSED,
                    GCancellable  *cancellable G_GNUC_UNUSED,
                    GError       **error)
{
  gboolean required = plaza_users_sign_in_required (store, error);

  /* Until someone signs in, nobody writes (and after an error, too). */
  plaza_store_set_user (store, g_get_user_name ());
  plaza_store_set_role (store, required ? "viewer" : NULL);
  return GINT_TO_POINTER (required ? 2 : 1);
}

gboolean
plaza_worker_session_check_opened (PlazaStore *store)
{
  return GPOINTER_TO_INT (check_sign_in_func (store, NULL, NULL, NULL)) == 2;
}

void
plaza_worker_session_opened (PlazaWorker *self,
                             gboolean     required)
{
  get_session (self)->required = required;
  session_set (self, NULL);
}

static gpointer
sign_in_func (PlazaStore    *store,
              gpointer       data,
              GCancellable  *cancellable G_GNUC_UNUSED,
              GError       **error)
{
  SignInData *d = data;
  g_autoptr(PlazaUser) user = NULL;

  if (d->check_password)
    user = plaza_users_verify (store, d->login, d->password, NULL, error);
  else
    {
      GError *local = NULL;

      if (plaza_users_sign_in_required (store, &local))
        {
          if (local != NULL)
            g_propagate_error (error, local);
          else
            g_set_error_literal (error, PLAZA_USERS_ERROR, PLAZA_USERS_ERROR_WRONG_PASSWORD,
                                 _("This file asks for a password."));
          return NULL;
        }
      user = plaza_users_get (store, d->login, error);
      if (user != NULL && !user->active)
        {
          g_set_error (error, PLAZA_USERS_ERROR, PLAZA_USERS_ERROR_INACTIVE,
                       _("The account “%s” is switched off; ask an administrator."), user->login);
          return NULL;
        }
    }
  if (user == NULL)
    return NULL;
  plaza_store_set_user (store, user->login);
  plaza_store_set_role (store, user->role);
  return g_steal_pointer (&user);
}

static gpointer
sign_out_func (PlazaStore    *store,
               gpointer       data,
               GCancellable  *cancellable G_GNUC_UNUSED,
               GError       **error G_GNUC_UNUSED)
{
  plaza_store_set_user (store, g_get_user_name ());
  plaza_store_set_role (store, GPOINTER_TO_INT (data) ? "viewer" : NULL);
  return NULL;
}

/* On the caller's context. */
static void
check_sign_in_done_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PlazaWorker *self = PLAZA_WORKER (source);
  GError *error = NULL;
  gpointer outcome = plaza_worker_run_finish (self, result, &error);

  get_session (self)->required = error != NULL || GPOINTER_TO_INT (outcome) == 2;
  session_set (self, NULL);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
sign_in_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PlazaWorker *self = PLAZA_WORKER (source);
  GError *error = NULL;
  g_autoptr(PlazaUser) user = plaza_worker_run_finish (self, result, &error);

  if (user == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  session_set (self, user);
  g_task_return_boolean (task, TRUE);
}

void
plaza_worker_check_sign_in_async (PlazaWorker         *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (PLAZA_IS_WORKER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, plaza_worker_check_sign_in_async);
  plaza_worker_run_async (self, check_sign_in_func, NULL, NULL, cancellable, check_sign_in_done_cb, task);
}

gboolean
plaza_worker_check_sign_in_finish (PlazaWorker   *self,
                                   GAsyncResult  *result,
                                   gboolean      *required,
                                   GError       **error)
{
  g_return_val_if_fail (PLAZA_IS_WORKER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (required != NULL)
    *required = get_session (self)->required;
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
start_sign_in (PlazaWorker         *self,
               const char          *login,
               const char          *password,
               gboolean             check_password,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  SignInData *data = g_new0 (SignInData, 1);
  GTask *task;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, plaza_worker_sign_in_async);
  data->login = g_strdup (login != NULL ? login : "");
  data->password = g_strdup (password != NULL ? password : "");
  data->check_password = check_password;
  plaza_worker_run_async (self, sign_in_func, data, sign_in_data_free, cancellable, sign_in_done_cb, task);
}

void
plaza_worker_sign_in_async (PlazaWorker         *self,
                            const char          *login,
                            const char          *password,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (PLAZA_IS_WORKER (self));
  start_sign_in (self, login, password, TRUE, cancellable, callback, user_data);
}

void
plaza_worker_sign_in_unchecked_async (PlazaWorker         *self,
                                      const char          *login,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (PLAZA_IS_WORKER (self));
  start_sign_in (self, login, NULL, FALSE, cancellable, callback, user_data);
}

gboolean
plaza_worker_sign_in_finish (PlazaWorker   *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (PLAZA_IS_WORKER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == plaza_worker_sign_in_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
plaza_worker_sign_out (PlazaWorker *self)
{
  g_return_if_fail (PLAZA_IS_WORKER (self));

  plaza_worker_run_async (self, sign_out_func, GINT_TO_POINTER (get_session (self)->required), NULL,
                          NULL, NULL, NULL);
  session_set (self, NULL);
}

static gpointer
refresh_func (PlazaStore    *store,
              gpointer       data,
              GCancellable  *cancellable G_GNUC_UNUSED,
              GError       **error)
{
  PlazaUser *user = plaza_users_get (store, data, error);

  if (user != NULL && user->active && g_strcmp0 (user->role, plaza_store_get_role (store)) != 0
      && g_strcmp0 (user->login, plaza_store_get_user (store)) == 0)
    plaza_store_set_role (store, user->role);
  return user;
}

static void
refresh_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data G_GNUC_UNUSED)
{
  PlazaWorker *self = PLAZA_WORKER (source);
  Session *session = get_session (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaUser) user = plaza_worker_run_finish (self, result, &error);

  if (session->user == NULL || (user != NULL && g_strcmp0 (user->login, session->user) != 0))
    return;   /* signed out or someone else signed in meanwhile */
  if (user == NULL && !g_error_matches (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND))
    return;   /* could not look: keep the session */
  if (user == NULL || !user->active)
    plaza_worker_sign_out (self);
  else if (g_strcmp0 (user->role, session->role) != 0)
    session_set (self, user);
}

void
plaza_worker_refresh_session (PlazaWorker *self)
{
  Session *session;

  g_return_if_fail (PLAZA_IS_WORKER (self));

  session = get_session (self);
  if (session->user == NULL)
    return;
  plaza_worker_run_async (self, refresh_func, g_strdup (session->user), g_free, NULL, refresh_done_cb, NULL);
}

const char *
plaza_worker_get_user (PlazaWorker *self)
{
  g_return_val_if_fail (PLAZA_IS_WORKER (self), NULL);
  return get_session (self)->user;
}

const char *
plaza_worker_get_user_display (PlazaWorker *self)
{
  g_return_val_if_fail (PLAZA_IS_WORKER (self), NULL);
  return get_session (self)->display;
}

const char *
plaza_worker_get_role (PlazaWorker *self)
{
  g_return_val_if_fail (PLAZA_IS_WORKER (self), NULL);
  return get_session (self)->role;
}

gboolean
plaza_worker_get_sign_in_required (PlazaWorker *self)
{
  g_return_val_if_fail (PLAZA_IS_WORKER (self), FALSE);
  return get_session (self)->required;
}

gboolean
plaza_worker_allows (PlazaWorker *self,
                     const char  *entity,
                     const char  *action)
{
  Session *session;

  g_return_val_if_fail (PLAZA_IS_WORKER (self), FALSE);

  if (plaza_worker_is_read_only (self))
    return FALSE;
  session = get_session (self);
  if (session->role == NULL)
    return !session->required;
  return plaza_permission_allows (session->role, entity, action);
}
