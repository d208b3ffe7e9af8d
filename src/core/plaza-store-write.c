/* plaza-store-write.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store's write path: every write is one short BEGIN IMMEDIATE
 * transaction with a bounded, jittered retry, nested writes are
 * savepoints, only the store's own COMMIT may commit (see the commit hook
 * in plaza-store.c), and where locks stay local the whole transaction runs
 * inside the lease file (plaza-lease.h) on a fresh connection. Every write
 * logs to change_log, where the role's permission is checked.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "plaza-permissions.h"
#include "plaza-store-private.h"

/* A pause of 20–80 ms × attempt, so competing writers do not retry in step. */
static void
retry_pause (guint attempt)
{
  g_usleep ((gulong) g_random_int_range (20, 80) * 1000 * (attempt + 1));
}

/* The change_log seqs this store wrote: pending inside the transaction,
 * kept once it committed (a rolled-back seq may be reused by another
 * client). Live refresh leaves these out. */
#define OWN_SEQS_KEY "plaza-own-seqs"
#define PENDING_SEQS_KEY "plaza-pending-seqs"

static GArray *
pending_seqs (PlazaStore *self)
{
  GArray *pending = g_object_get_data (G_OBJECT (self), PENDING_SEQS_KEY);

  if (pending == NULL)
    {
      pending = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_object_set_data_full (G_OBJECT (self), PENDING_SEQS_KEY, pending, (GDestroyNotify) g_array_unref);
    }
  return pending;
}

static void
keep_pending_seqs (PlazaStore *self,
                   gboolean    committed)
{
  GArray *pending = pending_seqs (self);
  GHashTable *own = g_object_get_data (G_OBJECT (self), OWN_SEQS_KEY);

  if (committed && pending->len > 0 && own == NULL)
    {
      own = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      g_object_set_data_full (G_OBJECT (self), OWN_SEQS_KEY, own, (GDestroyNotify) g_hash_table_unref);
    }
  for (guint i = 0; committed && i < pending->len; i++)
    g_hash_table_add (own, g_memdup2 (&g_array_index (pending, gint64, i), sizeof (gint64)));
  g_array_set_size (pending, 0);
}

gboolean
plaza_store_is_own_seq (PlazaStore *self,
                        gint64      seq)
{
  GHashTable *own;

  g_return_val_if_fail (PLAZA_IS_STORE (self), FALSE);
  own = g_object_get_data (G_OBJECT (self), OWN_SEQS_KEY);
  return own != NULL && g_hash_table_contains (own, &seq);
}

static gboolean
write_nested (PlazaStore          *self,
              PlazaStoreWriteFunc  func,
              gpointer             user_data,
              GError             **error)
{
  gboolean ok;
  guint pending_len = pending_seqs (self)->len;

  if (!plaza_store_exec_sql (self->db, "SAVEPOINT plaza_nested", error))
    return FALSE;
  self->write_depth++;
  ok = func (self, user_data, error);
  self->write_depth--;
  if (!ok)
    {
      g_array_set_size (pending_seqs (self), pending_len);
      plaza_store_exec_sql (self->db, "ROLLBACK TO plaza_nested; RELEASE plaza_nested", NULL);
      return FALSE;
    }
  return plaza_store_exec_sql (self->db, "RELEASE plaza_nested", error);
}

/* After a BUSY answer: says "waiting" once the write has waited
 * LOCK_WAIT_NOTICE_US since @start. */
static void
lock_wait_note (PlazaStore *self,
                gint64      start,
                gboolean   *waiting)
{
  if (*waiting || self->lock_wait_func == NULL)
    return;
  if (g_get_monotonic_time () - start < LOCK_WAIT_NOTICE_US)
    return;
  *waiting = TRUE;
  self->lock_wait_func (self, TRUE, self->lock_wait_data);
}

static void
lock_wait_end (PlazaStore *self,
               gboolean   *waiting)
{
  if (!*waiting)
    return;
  *waiting = FALSE;
  if (self->lock_wait_func != NULL)
    self->lock_wait_func (self, FALSE, self->lock_wait_data);
}

void
plaza_store_set_lock_wait_func (PlazaStore             *self,
                                PlazaStoreLockWaitFunc  func,
                                gpointer                user_data)
{
  g_return_if_fail (PLAZA_IS_STORE (self));
  self->lock_wait_func = func;
  self->lock_wait_data = user_data;
}

static gboolean
write_transaction (PlazaStore          *self,
                   PlazaStoreWriteFunc  func,
                   gpointer             user_data,
                   GError             **error)
{
  int rc = SQLITE_BUSY;
  gboolean ok;
  gint64 start = g_get_monotonic_time ();
  gboolean waiting = FALSE;

  for (guint attempt = 0; attempt < WRITE_ATTEMPTS; attempt++)
    {
      rc = sqlite3_exec (self->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
      if ((rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED)
        break;
      g_debug ("write lock busy (attempt %u)", attempt + 1);
      lock_wait_note (self, start, &waiting);
      retry_pause (attempt);
    }
  lock_wait_end (self, &waiting);
  if (rc != SQLITE_OK)
    return plaza_store_error_from_rc (error, self->db, rc);

  g_array_set_size (pending_seqs (self), 0);
  self->write_depth = 1;
  ok = func (self, user_data, error);
  self->write_depth = 0;

  if (!ok)
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      keep_pending_seqs (self, FALSE);
      return FALSE;
    }

  /* COMMIT may wait for readers to finish (rollback journal). The work is
   * kept: only the commit is retried, never the function. */
  for (guint attempt = 0; attempt < COMMIT_ATTEMPTS; attempt++)
    {
      rc = sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
      if ((rc & 0xff) != SQLITE_BUSY)
        break;
      lock_wait_note (self, start, &waiting);
      retry_pause (attempt);
    }
  lock_wait_end (self, &waiting);
  /* An unlock that fails after the commit has ended the transaction leaves
   * the work committed: that is success, not an error to report. */
  if (rc == SQLITE_IOERR_UNLOCK && sqlite3_get_autocommit (self->db) != 0)
    {
      g_debug ("committed; the unlock afterwards failed");
      keep_pending_seqs (self, TRUE);
      return TRUE;
    }
  if (rc != SQLITE_OK)
    {
      plaza_store_error_from_rc (error, self->db, rc);
      if (sqlite3_get_autocommit (self->db) == 0)
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      keep_pending_seqs (self, FALSE);
      return FALSE;
    }
  keep_pending_seqs (self, TRUE);
  return TRUE;
}

/* Where locks stay local, the lease file is the write lock: taken before
 * BEGIN IMMEDIATE, given back after COMMIT or ROLLBACK. While held, a thread
 * rewrites its heartbeat every PLAZA_LEASE_HEARTBEAT_SECONDS, so a long
 * write (a big import, a bill run, a restore) never looks stale to another
 * computer. */
gboolean
plaza_store_take_lease (PlazaStore  *self,
                        PlazaLease **lease,
                        GError     **error)
{
  g_autoptr(GError) local = NULL;
  PlazaStoreError code;
  guint notice_ms = LOCK_WAIT_NOTICE_US / 1000;
  gboolean ok;

  /* Someone listening hears after a second that the write waits. */
  if (self->lock_wait_func == NULL)
    ok = plaza_lease_acquire (self->path, LEASE_TIMEOUT_MS, lease, &local);
  else
    {
      ok = plaza_lease_acquire (self->path, notice_ms, lease, &local);
      if (!ok && local->code == PLAZA_LEASE_ERROR_BUSY)
        {
          gboolean waiting = FALSE;

          g_clear_error (&local);
          lock_wait_note (self, g_get_monotonic_time () - LOCK_WAIT_NOTICE_US, &waiting);
          ok = plaza_lease_acquire (self->path, LEASE_TIMEOUT_MS - notice_ms, lease, &local);
          lock_wait_end (self, &waiting);
        }
    }
  if (ok)
    {
      plaza_lease_keep_alive (*lease, 0);
      return TRUE;
    }
  switch (local->code)
    {
    case PLAZA_LEASE_ERROR_BUSY:
      code = PLAZA_STORE_ERROR_BUSY;
      break;
    case PLAZA_LEASE_ERROR_STALE:
      code = PLAZA_STORE_ERROR_STALE_LEASE;
      break;
    case PLAZA_LEASE_ERROR_CANNOT_CREATE:
      code = PLAZA_STORE_ERROR_READ_ONLY;
      break;
    default:
      code = PLAZA_STORE_ERROR_FAILED;
      break;
    }
  g_set_error_literal (error, PLAZA_STORE_ERROR, code, local->message);
  return FALSE;
}

gboolean
plaza_store_write (PlazaStore          *self,
                   PlazaStoreWriteFunc  func,
                   gpointer             user_data,
                   GError             **error)
{
  PlazaLease *lease = NULL;
  gboolean ok;

  g_return_val_if_fail (PLAZA_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (self->read_only)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_READ_ONLY, "%s",
                   plaza_store_get_read_only_reason (self));
      return FALSE;
    }

  if (self->write_depth > 0)
    return write_nested (self, func, user_data, error);

  if (self->lease_needed && self->open_lease == NULL)
    {
      if (!plaza_store_take_lease (self, &lease, error))
        return FALSE;
      /* A fresh connection inside the lease: a file descriptor kept open
       * over FUSE (sshfs) may serve pages from the kernel's cache that
       * another computer has since rewritten, and a write built on them
       * loses that computer's rows. Opening again drops that cache. */
      if (!plaza_store_open_connection (self, FALSE, FALSE, error) || !plaza_store_apply_policy (self, error))
        {
          plaza_lease_release (lease);
          return FALSE;
        }
    }
  ok = write_transaction (self, func, user_data, error);
  plaza_lease_release (lease);
  return ok;
}

gboolean
plaza_store_uses_lease (PlazaStore *self)
{
  g_return_val_if_fail (PLAZA_IS_STORE (self), FALSE);
  return self->lease_needed;
}

gboolean
plaza_store_needs_journal_fix (PlazaStore *self)
{
  g_return_val_if_fail (PLAZA_IS_STORE (self), FALSE);
  return self->wal_on_share;
}

gboolean
plaza_store_fix_journal_mode (PlazaStore  *self,
                              GError     **error)
{
  PlazaLease *lease = NULL;
  g_autofree char *mode = NULL;

  g_return_val_if_fail (PLAZA_IS_STORE (self), FALSE);

  if (!self->wal_on_share)
    return TRUE;
  if (g_access (self->path, W_OK) != 0)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_READ_ONLY,
                   _("You do not have permission to change this file."));
      return FALSE;
    }
  if (self->lease_needed && !plaza_store_take_lease (self, &lease, error))
    return FALSE;
  if (!plaza_store_open_connection (self, FALSE, FALSE, error))
    {
      plaza_lease_release (lease);
      return FALSE;
    }
  /* Needs the only connection: SQLite refuses while another holds the file. */
  mode = plaza_store_query_text (self->db, "PRAGMA journal_mode = DELETE");
  plaza_lease_release (lease);
  if (g_ascii_strcasecmp (mode != NULL ? mode : "", "delete") != 0)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_BUSY,
                   _("Could not leave WAL mode: close Plaza on the other computers and try again."));
      return FALSE;
    }
  self->wal_on_share = FALSE;
  self->read_only = FALSE;
  g_clear_pointer (&self->read_only_reason, g_free);
  return plaza_store_apply_policy (self, error);
}

gboolean
plaza_store_log_change (PlazaStore  *self,
                        const char  *entity,
                        gint64       entity_id,
                        const char  *action,
                        const char  *summary,
                        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *at = NULL;
  gint64 seq;

  g_return_val_if_fail (PLAZA_IS_STORE (self), FALSE);
  g_return_val_if_fail (entity != NULL && action != NULL, FALSE);
  g_return_val_if_fail (self->write_depth > 0, FALSE);

  if (self->role != NULL && !plaza_permission_allows (self->role, entity, action))
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_PERMISSION,
                   _("Your role (%s) may not do this (%s: %s)."), plaza_role_get_label (self->role), entity, action);
      return FALSE;
    }

  now = g_date_time_new_now_utc ();
  at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  stmt = plaza_store_prepare (self,
                              "INSERT INTO change_log (at, user, host, entity, entity_id, action, summary) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, self->user, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, self->host, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, entity, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, entity_id);
  sqlite3_bind_text (stmt, 6, action, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, summary != NULL ? summary : "", -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return plaza_store_set_sqlite_error (self, error);
  seq = sqlite3_last_insert_rowid (self->db);
  g_array_append_val (pending_seqs (self), seq);
  return TRUE;
}
