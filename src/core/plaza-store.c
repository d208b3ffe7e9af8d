/* plaza-store.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One connection to one Plaza database file. Opening classifies where the
 * file lives and chooses the pragmas from that (never WAL on a share), then
 * applies the schema rules (plaza-store-schema.c: minimum writer version,
 * migrations only when no other client holds the file). Writes are short BEGIN IMMEDIATE transactions with a busy
 * timeout and a bounded, jittered retry; every write logs to change_log.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "plaza-fault-vfs.h"
#include "plaza-io-delay-vfs.h"
#include "plaza-lease.h"
#include "plaza-permissions.h"
#include "plaza-store-private.h"
#include "plaza-store-schema-private.h"

/* 'PLZA': marks a file as a Plaza database (PRAGMA application_id). */
#define PLAZA_APPLICATION_ID 0x504C5A41

G_DEFINE_FINAL_TYPE (PlazaStore, plaza_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (plaza-store-error-quark, plaza_store_error)


static PlazaStoreError
error_code_from_sqlite (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return PLAZA_STORE_ERROR_BUSY;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return PLAZA_STORE_ERROR_READ_ONLY;
    case SQLITE_CORRUPT:
      return PLAZA_STORE_ERROR_CORRUPT;
    case SQLITE_NOTADB:
      return PLAZA_STORE_ERROR_NOT_A_DATABASE;
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_RANGE:
      return PLAZA_STORE_ERROR_INVALID;
    case SQLITE_CANTOPEN:
      return PLAZA_STORE_ERROR_NOT_FOUND;
    default:
      return PLAZA_STORE_ERROR_FAILED;
    }
}

gboolean
plaza_store_error_from_rc (GError    **error,
                           sqlite3    *db,
                           int         rc)
{
  PlazaStoreError code = error_code_from_sqlite (rc);
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (code)
    {
    case PLAZA_STORE_ERROR_BUSY:
      g_set_error (error, PLAZA_STORE_ERROR, code,
                   _("The database is busy: someone else is saving. Try again in a moment."));
      break;
    case PLAZA_STORE_ERROR_READ_ONLY:
      g_set_error (error, PLAZA_STORE_ERROR, code,
                   _("The database cannot be written: %s"), detail);
      break;
    case PLAZA_STORE_ERROR_CORRUPT:
      g_set_error (error, PLAZA_STORE_ERROR, code,
                   _("The database file is damaged: %s"), detail);
      break;
    case PLAZA_STORE_ERROR_NOT_A_DATABASE:
      g_set_error (error, PLAZA_STORE_ERROR, code,
                   _("The file is not a Plaza database."));
      break;
    default:
      g_set_error (error, PLAZA_STORE_ERROR, code, _("Database error: %s"), detail);
      break;
    }
  return FALSE;
}

gboolean
plaza_store_exec_sql (sqlite3     *db,
                      const char  *sql,
                      GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return plaza_store_error_from_rc (error, db, rc);
  return TRUE;
}

/* Runs a one-value query; FALSE with @error on failure. */
static gboolean
query_int (sqlite3     *db,
           const char  *sql,
           gint64      *out,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return plaza_store_error_from_rc (error, db, rc);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out = sqlite3_column_int64 (stmt, 0);
  else if (rc == SQLITE_DONE)
    *out = 0;
  else
    return plaza_store_error_from_rc (error, db, rc);
  return TRUE;
}

char *
plaza_store_query_text (sqlite3    *db,
                        const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

/* Inside a write only our own COMMIT may commit: when SQLite has rolled the
 * transaction back on an I/O error, later statements of the write would
 * each commit on their own. Vetoed, they fail and nothing half lands. */
static int
veto_stray_commit (void *data)
{
  PlazaStore *self = data;

  return self->write_depth > 0 ? 1 : 0;
}

gboolean
plaza_store_open_connection (PlazaStore  *self,
                             gboolean     create,
                             gboolean     read_only,
                             GError     **error)
{
  int flags;
  int rc;

  g_clear_pointer (&self->db, sqlite3_close);

  if (read_only)
    flags = SQLITE_OPEN_READONLY;
  else
    flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);

  plaza_fault_vfs_ensure (); /* PLAZA_FAULT=OP:N:KIND (tests): the default VFS fails on cue */
  rc = sqlite3_open_v2 (self->path, &self->db, flags | SQLITE_OPEN_FULLMUTEX,
                        self->lease_needed ? plaza_lease_vfs_ensure (plaza_io_delay_vfs_ensure ())
                                           : plaza_io_delay_vfs_ensure ());
  if (rc != SQLITE_OK)
    {
      plaza_store_error_from_rc (error, self->db, rc);
      g_clear_pointer (&self->db, sqlite3_close);
      return FALSE;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  sqlite3_commit_hook (self->db, veto_stray_commit, self);
  return TRUE;
}

/* Applies the location's policy. Never WAL on a share: a file left in WAL
 * mode there is switched back to a rollback journal when we may write. */
gboolean
plaza_store_apply_policy (PlazaStore  *self,
                          GError     **error)
{
  PlazaStorePolicy policy;
  g_autofree char *sql = NULL;

  plaza_location_get_policy (self->location, &policy);

  if (!plaza_store_exec_sql (self->db, "PRAGMA foreign_keys = ON", error))
    return FALSE;

  /* A shared file left in WAL mode is not switched behind the user's back:
   * it opens read-only until plaza_store_fix_journal_mode(). */
  if (policy.network)
    {
      g_autofree char *current = plaza_store_query_text (self->db, "PRAGMA journal_mode");

      if (g_ascii_strcasecmp (current != NULL ? current : "", "wal") == 0)
        {
          self->wal_on_share = TRUE;
          self->read_only = TRUE;
          g_free (self->read_only_reason);
          self->read_only_reason =
            g_strdup (_("This shared file is in WAL mode, which is unsafe on a network drive, "
                        "so it is open read-only. Fix the journal mode (no other computer may "
                        "have it open) to change it."));
        }
    }

  if (!self->read_only)
    {
      g_autofree char *mode_sql = g_strdup_printf ("PRAGMA journal_mode = %s",
                                                   policy.journal_mode);
      g_autofree char *mode = plaza_store_query_text (self->db, mode_sql);

      /* Another connection may keep WAL from being left: that is not fatal
       * locally; the mode we actually got is reported. */
      if (mode == NULL && policy.network)
        {
          g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_BUSY,
                       _("Could not set the journal mode of a shared file; "
                         "close Plaza on the other computers and try again."));
          return FALSE;
        }
    }

  g_free (self->journal_mode);
  self->journal_mode = plaza_store_query_text (self->db, "PRAGMA journal_mode");
  if (self->journal_mode != NULL)
    {
      char *up = g_ascii_strup (self->journal_mode, -1);
      g_free (self->journal_mode);
      self->journal_mode = up;
    }

  if (policy.network && g_strcmp0 (self->journal_mode, "WAL") == 0 && !self->wal_on_share)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_FAILED,
                   _("This shared file is in WAL mode, which is unsafe on a network drive. "
                     "Open it once on the computer that holds it to repair it."));
      return FALSE;
    }

  /* A generous page cache: SQLite keeps it across transactions while the
   * file is unchanged, so on a slow share each page is fetched once. */
  sql = g_strdup_printf ("PRAGMA synchronous = %s; PRAGMA mmap_size = %" G_GINT64_FORMAT "; "
                         "PRAGMA cache_size = -65536;",
                         policy.synchronous, policy.mmap_size);
  return plaza_store_exec_sql (self->db, sql, error);
}

static gboolean
is_plaza_file (PlazaStore  *self,
               gint64       user_version,
               GError     **error)
{
  gint64 app_id = 0;
  gint64 n_objects = 0;

  if (!query_int (self->db, "PRAGMA application_id", &app_id, error) ||
      !query_int (self->db, "SELECT count(*) FROM sqlite_master", &n_objects, error))
    return FALSE;

  if (app_id == PLAZA_APPLICATION_ID)
    return TRUE;

  if (app_id == 0 && user_version == 0 && n_objects == 0)
    g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_A_DATABASE,
                 _("“%s” is an empty file, not a Plaza database."), self->path);
  else
    g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_A_DATABASE,
                 _("“%s” is not a Plaza database."), self->path);
  return FALSE;
}

static void
plaza_store_finalize (GObject *object)
{
  PlazaStore *self = PLAZA_STORE (object);

  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->open_lease, plaza_lease_release);
  g_free (self->path);
  g_free (self->user);
  g_free (self->role);
  g_free (self->host);
  g_free (self->read_only_reason);
  g_free (self->journal_mode);

  G_OBJECT_CLASS (plaza_store_parent_class)->finalize (object);
}

static void
plaza_store_class_init (PlazaStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = plaza_store_finalize;
}

static void
plaza_store_init (PlazaStore *self)
{
  self->user = g_strdup (g_get_user_name ());
  self->host = g_strdup (g_get_host_name ());
  self->location = PLAZA_LOCATION_UNKNOWN;
}

PlazaStore *
plaza_store_open (const char           *path,
                  PlazaStoreOpenFlags   flags,
                  GError              **error)
{
  g_autoptr(PlazaStore) self = NULL;
  gboolean create = (flags & PLAZA_STORE_OPEN_CREATE) != 0;
  gboolean read_only = (flags & PLAZA_STORE_OPEN_READ_ONLY) != 0;
  gint64 version = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (!(create && read_only), NULL);

  self = g_object_new (PLAZA_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (create && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_EXISTS,
                   _("“%s” already exists; choose a new file name."), path);
      return NULL;
    }
  if (!create && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND,
                   _("“%s” does not exist."), path);
      return NULL;
    }
  if (!create && !read_only && g_access (path, W_OK) != 0)
    {
      read_only = TRUE;
      self->read_only_reason = g_strdup (_("You do not have permission to change this file; it is open read-only."));
    }

  self->location = plaza_location_detect (path);
  self->lease_needed = plaza_lease_needed (path, self->location);
  if (self->lease_needed && !read_only && !create)
    {
      g_autofree char *folder = g_path_get_dirname (path);

      /* Without its lease file no write is safe here. */
      if (g_access (folder, W_OK) != 0)
        {
          read_only = TRUE;
          g_free (self->read_only_reason);
          self->read_only_reason =
            g_strdup (_("This file is on a share whose locks do not reach the server, and "
                        "Plaza cannot create its lock file in the folder; it is open read-only."));
        }
    }
  /* Opening reads the file: where locks stay local it does so inside the
   * lease, or it could take a writer's live journal for a hot one. */
  if (self->lease_needed && !read_only && !plaza_store_take_lease (self, &self->open_lease, error))
    return NULL;

  if (!plaza_store_open_connection (self, create, read_only, error))
    {
      if (create)
        g_prefix_error (error, _("Could not create “%s”: "), path);
      return NULL;
    }
  self->read_only = read_only;

  /* Bigger pages: fewer round trips to a network share for the same rows.
   * Only a new, empty file takes it. */
  if (create && !plaza_store_exec_sql (self->db, "PRAGMA page_size = 16384", error))
    return NULL;

  if (!query_int (self->db, "PRAGMA user_version", &version, error))
    return NULL;

  if (!create && !is_plaza_file (self, version, error))
    return NULL;

  /* The minimum writer, and whether an older schema may be migrated now. */
  if (!plaza_store_schema_check (self, version, error))
    return NULL;

  if (!plaza_store_apply_policy (self, error))
    return NULL;

  if (!plaza_store_schema_migrate (self, &version, error))
    return NULL;

  self->schema_version = (int) version;

  if (self->read_only && !plaza_store_exec_sql (self->db, "PRAGMA query_only = ON", error))
    return NULL;

  g_debug ("opened %s (%s, journal %s, schema %d%s)", path,
           plaza_location_to_string (self->location), self->journal_mode,
           self->schema_version, self->read_only ? ", read-only" : "");

  g_clear_pointer (&self->open_lease, plaza_lease_release);
  return g_steal_pointer (&self);
}

const char *
plaza_store_get_path (PlazaStore *self)
{
  g_return_val_if_fail (PLAZA_IS_STORE (self), NULL);
  return self->path;
}

sqlite3 *
plaza_store_get_db (PlazaStore *self)
{
  g_return_val_if_fail (PLAZA_IS_STORE (self), NULL);
  return self->db;
}

int
plaza_store_get_schema_version (PlazaStore *self)
{
  g_return_val_if_fail (PLAZA_IS_STORE (self), 0);
  return self->schema_version;
}

gboolean
plaza_store_is_read_only (PlazaStore *self)
{
  g_return_val_if_fail (PLAZA_IS_STORE (self), TRUE);
  return self->read_only;
}

const char *
plaza_store_get_read_only_reason (PlazaStore *self)
{
  g_return_val_if_fail (PLAZA_IS_STORE (self), NULL);
  if (self->read_only && self->read_only_reason == NULL)
    return _("The file was opened read-only.");
  return self->read_only_reason;
}

PlazaLocation
plaza_store_get_location (PlazaStore *self)
{
  g_return_val_if_fail (PLAZA_IS_STORE (self), PLAZA_LOCATION_UNKNOWN);
  return self->location;
}

const char *
plaza_store_get_journal_mode (PlazaStore *self)
{
  g_return_val_if_fail (PLAZA_IS_STORE (self), NULL);
  return self->journal_mode;
}

const char *
plaza_store_get_user (PlazaStore *self)
{
  g_return_val_if_fail (PLAZA_IS_STORE (self), NULL);
  return self->user;
}

void
plaza_store_set_user (PlazaStore *self,
                      const char *user)
{
  g_return_if_fail (PLAZA_IS_STORE (self));
  g_return_if_fail (user != NULL && *user != '\0');

  g_free (self->user);
  self->user = g_strdup (user);
}

const char *
plaza_store_get_role (PlazaStore *self)
{
  g_return_val_if_fail (PLAZA_IS_STORE (self), NULL);
  return self->role;
}

void
plaza_store_set_role (PlazaStore *self,
                      const char *role)
{
  g_return_if_fail (PLAZA_IS_STORE (self));
  g_return_if_fail (role == NULL || plaza_role_is_valid (role));

  g_free (self->role);
  self->role = g_strdup (role);
}

sqlite3_stmt *
plaza_store_prepare (PlazaStore  *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (PLAZA_IS_STORE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      plaza_store_error_from_rc (error, self->db, rc);
      return NULL;
    }
  return stmt;
}

gboolean
plaza_store_exec (PlazaStore  *self,
                  const char  *sql,
                  GError     **error)
{
  g_return_val_if_fail (PLAZA_IS_STORE (self), FALSE);
  return plaza_store_exec_sql (self->db, sql, error);
}

gboolean
plaza_store_set_sqlite_error (PlazaStore  *self,
                              GError     **error)
{
  g_return_val_if_fail (PLAZA_IS_STORE (self), FALSE);
  return plaza_store_error_from_rc (error, self->db, sqlite3_extended_errcode (self->db));
}

gint64
plaza_store_get_data_version (PlazaStore *self)
{
  gint64 version = 0;

  g_return_val_if_fail (PLAZA_IS_STORE (self), 0);
  query_int (self->db, "PRAGMA data_version", &version, NULL);
  return version;
}

char *
plaza_store_get_setting (PlazaStore *self,
                         const char *key)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PLAZA_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = plaza_store_prepare (self, "SELECT value FROM settings WHERE key = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

typedef struct
{
  const char *key;
  const char *value;
} SettingData;

static gboolean
set_setting_func (PlazaStore  *self,
                  gpointer     user_data,
                  GError     **error)
{
  SettingData *data = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *summary = NULL;

  stmt = plaza_store_prepare (self,
                              "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                              "ON CONFLICT (key) DO UPDATE SET value = ?2, rev = rev + 1 "
                              "WHERE value IS NOT ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, data->key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, data->value, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return plaza_store_set_sqlite_error (self, error);
  if (sqlite3_changes (self->db) == 0)
    return TRUE;

  summary = g_strdup_printf ("%s = %s", data->key, data->value);
  return plaza_store_log_change (self, "setting", 0, "set", summary, error);
}

gboolean
plaza_store_set_setting (PlazaStore  *self,
                         const char  *key,
                         const char  *value,
                         GError     **error)
{
  SettingData data = { key, value };

  g_return_val_if_fail (PLAZA_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL && value != NULL, FALSE);

  return plaza_store_write (self, set_setting_func, &data, error);
}

gboolean
plaza_store_check (PlazaStore  *self,
                   gboolean     full,
                   GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  guint n_problems = 0;
  int rc;

  g_return_val_if_fail (PLAZA_IS_STORE (self), FALSE);

  stmt = plaza_store_prepare (self, full ? "PRAGMA integrity_check" : "PRAGMA quick_check", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") == 0)
        continue;
      if (n_problems++ < 3)
        g_string_append_printf (problems, "%s%s", problems->len > 0 ? "; " : "", line);
    }
  if (rc != SQLITE_DONE)
    return plaza_store_set_sqlite_error (self, error);

  if (n_problems > 0)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_CORRUPT,
                   _("The database file is damaged (%u problems): %s"), n_problems, problems->str);
      return FALSE;
    }

  if (full)
    {
      gint64 n_fk = 0;

      if (!query_int (self->db, "SELECT count(*) FROM pragma_foreign_key_check", &n_fk, error))
        return FALSE;
      if (n_fk > 0)
        {
          g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_CORRUPT,
                       _("The database has %d rows that point at missing records."),
                       (int) MIN (n_fk, G_MAXINT));
          return FALSE;
        }
    }
  return TRUE;
}
