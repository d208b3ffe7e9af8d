/* plaza-worker.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The asynchronous store for the GUI: one worker thread owns its own
 * PlazaStore connection and runs jobs in order; results come back on the
 * main context of the caller (GTask). The GUI never calls SQLite itself.
 */

#pragma once

#include <gio/gio.h>

#include "plaza-list-query.h"
#include "plaza-overview.h"
#include "plaza-store.h"

G_BEGIN_DECLS

#define PLAZA_TYPE_WORKER (plaza_worker_get_type ())
G_DECLARE_FINAL_TYPE (PlazaWorker, plaza_worker, PLAZA, WORKER, GObject)

/* Runs in the worker thread with the worker's store. Returns a result for
 * plaza_worker_run_finish() (may be NULL) or NULL with @error set. */
typedef gpointer (*PlazaWorkerFunc) (PlazaStore    *store,
                                     gpointer       data,
                                     GCancellable  *cancellable,
                                     GError       **error);

/* Starts the thread; nothing is opened until plaza_worker_open_async(). */
PlazaWorker  *plaza_worker_new              (void);

/* Opens @path in the worker thread. After success the getters below are
 * filled (read on the main thread without touching SQLite). */
void          plaza_worker_open_async       (PlazaWorker          *self,
                                             const char           *path,
                                             PlazaStoreOpenFlags   flags,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean      plaza_worker_open_finish      (PlazaWorker          *self,
                                             GAsyncResult         *result,
                                             GError              **error);
const char   *plaza_worker_get_path         (PlazaWorker          *self);
gboolean      plaza_worker_is_read_only     (PlazaWorker          *self);
const char   *plaza_worker_get_read_only_reason (PlazaWorker      *self);
PlazaLocation plaza_worker_get_location     (PlazaWorker          *self);

/* The general job. @destroy frees @data in the worker after the job. */
void          plaza_worker_run_async        (PlazaWorker          *self,
                                             PlazaWorkerFunc       func,
                                             gpointer              data,
                                             GDestroyNotify        destroy,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gpointer      plaza_worker_run_finish       (PlazaWorker          *self,
                                             GAsyncResult         *result,
                                             GError              **error);

/* Loads a list; @batch_func is called on the caller's main context with each
 * batch as it arrives (before @callback). */
void          plaza_worker_list_async       (PlazaWorker          *self,
                                             PlazaListKind         kind,
                                             PlazaRecordBatchFunc  batch_func,
                                             gpointer              batch_data,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean      plaza_worker_list_finish      (PlazaWorker          *self,
                                             GAsyncResult         *result,
                                             GError              **error);

/* Overview counts for @today. Free the result with plaza_overview_free(). */
void          plaza_worker_overview_async   (PlazaWorker          *self,
                                             const GDate          *today,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
PlazaOverview *plaza_worker_overview_finish (PlazaWorker          *self,
                                             GAsyncResult         *result,
                                             GError              **error);
void          plaza_overview_free           (PlazaOverview        *overview);

/* "stale-lease" is emitted on the main context before the callback of any
 * job that failed with PLAZA_STORE_ERROR_STALE_LEASE. */

/* Emits "changed" on the main context when another connection committed
 * (PRAGMA data_version polled every @interval_ms in the worker; 0 stops),
 * then "changes" (a GPtrArray of PlazaChange, oldest first) with the
 * change_log rows the others wrote since the last poll; this connection's
 * own rows are left out. */
void          plaza_worker_set_poll_interval (PlazaWorker         *self,
                                              guint                interval_ms);

/* ---- the session: who is signed in (issue 8) ---- */

/* Asks the open file whether it wants people to sign in (an active account
 * has a password: plaza_users_sign_in_required()). If it does, the worker's
 * store refuses every write (role "viewer") until someone signs in. Ends
 * any session. Run it after each open. */
void          plaza_worker_check_sign_in_async  (PlazaWorker          *self,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean      plaza_worker_check_sign_in_finish (PlazaWorker          *self,
                                                 GAsyncResult         *result,
                                                 gboolean             *required,
                                                 GError              **error);
/* Verifies @password (plaza_users_verify, in the worker thread); on success
 * the store writes as @login with that account's role and "role" is
 * notified. On failure (PLAZA_USERS_ERROR) nothing changes. */
void          plaza_worker_sign_in_async        (PlazaWorker          *self,
                                                 const char           *login,
                                                 const char           *password,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean      plaza_worker_sign_in_finish       (PlazaWorker          *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);
/* Signs @login in without a password: only for a file that does not ask
 * for sign-in (the in-app demo signs its creator in as admin). Refused with
 * PLAZA_USERS_ERROR_WRONG_PASSWORD when the file asks. Finish with
 * plaza_worker_sign_in_finish(). */
void          plaza_worker_sign_in_unchecked_async (PlazaWorker       *self,
                                                 const char           *login,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
/* Ends the session: the store refuses writes again if the file asks for
 * sign-in; "role" is notified. */
void          plaza_worker_sign_out             (PlazaWorker          *self);

/* Re-reads the signed-in account (another administrator may have changed
 * its role or switched it off): the new role, or signed out; "role" is
 * notified when it changed. Does nothing when nobody is signed in. */
void          plaza_worker_refresh_session      (PlazaWorker          *self);

/* Main thread, no SQLite. The signed-in login and name, or NULL. */
const char   *plaza_worker_get_user             (PlazaWorker          *self);
const char   *plaza_worker_get_user_display     (PlazaWorker          *self);
/* The signed-in role (the "role" property), or NULL: nobody signed in. */
const char   *plaza_worker_get_role             (PlazaWorker          *self);
/* TRUE when the file asks for sign-in (known after the check). */
gboolean      plaza_worker_get_sign_in_required (PlazaWorker          *self);
/* May the person at the window do @action on @entity? FALSE on a read-only
 * file and when sign-in is asked and nobody is signed in; TRUE when the file
 * has no role to enforce; else plaza_permission_allows(). */
gboolean      plaza_worker_allows               (PlazaWorker          *self,
                                                 const char           *entity,
                                                 const char           *action);

/* TRUE while a write waits (a second or more) for another computer's
 * write to finish: the "lock-waiting" property, notified on the main
 * context. */
gboolean      plaza_worker_get_lock_waiting  (PlazaWorker         *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlazaOverview, plaza_overview_free)

G_END_DECLS
