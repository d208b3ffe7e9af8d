/* plaza-attachment.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Attachments: the copy is made first (created exclusively, so nothing is
 * ever overwritten, and hashed while it is written); then the row is
 * written; if the write fails the copy is removed again.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "plaza-attachment.h"

#define COPY_BUFFER 65536

void
plaza_attachment_free (PlazaAttachment *attachment)
{
  if (attachment == NULL)
    return;
  g_free (attachment->entity);
  g_free (attachment->file_name);
  g_free (attachment->stored_path);
  g_free (attachment->sha256);
  g_free (attachment->added_by);
  g_free (attachment->added_at);
  g_free (attachment);
}

static gboolean
valid_entity (const char *entity)
{
  if (entity == NULL || *entity == '\0')
    return FALSE;
  for (const char *p = entity; *p != '\0'; p++)
    if (!((*p >= 'a' && *p <= 'z') || *p == '_'))
      return FALSE;
  return TRUE;
}

/* The folder the database is in. */
static char *
db_folder (PlazaStore *store)
{
  return g_path_get_dirname (plaza_store_get_path (store));
}

/* "plan.pdf", 2 → "plan (2).pdf"; "README", 3 → "README (3)". */
static char *
numbered_name (const char *name,
               guint       n)
{
  const char *dot = strrchr (name, '.');
  g_autofree char *stem = NULL;

  if (n < 2)
    return g_strdup (name);
  if (dot == NULL || dot == name)
    return g_strdup_printf ("%s (%u)", name, n);
  stem = g_strndup (name, (gsize) (dot - name));
  return g_strdup_printf ("%s (%u)%s", stem, n, dot);
}

static gboolean
stored_path_taken (PlazaStore *store,
                   const char *stored_path)
{
  g_autoptr(sqlite3_stmt) stmt = plaza_store_prepare (store, "SELECT 1 FROM attachments WHERE stored_path = ?", NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, stored_path, -1, SQLITE_TRANSIENT);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

/* Copies @source to @dest, which must not exist, hashing what is written. */
static gboolean
copy_hashed (GFile    *source,
             GFile    *dest,
             gint64   *out_size,
             char    **out_sha256,
             GError  **error)
{
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guchar *buffer = g_malloc (COPY_BUFFER);
  gint64 size = 0;

  in = g_file_read (source, NULL, error);
  if (in == NULL)
    return FALSE;
  out = g_file_create (dest, G_FILE_CREATE_NONE, NULL, error);
  if (out == NULL)
    return FALSE;

  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (in), buffer, COPY_BUFFER, NULL, error);

      if (n < 0)
        goto failed;
      if (n == 0)
        break;
      if (!g_output_stream_write_all (G_OUTPUT_STREAM (out), buffer, (gsize) n, NULL, NULL, error))
        goto failed;
      g_checksum_update (sum, buffer, n);
      size += n;
    }
  if (!g_output_stream_close (G_OUTPUT_STREAM (out), NULL, error))
    goto failed;

  *out_size = size;
  *out_sha256 = g_strdup (g_checksum_get_string (sum));
  return TRUE;

failed:
  g_output_stream_close (G_OUTPUT_STREAM (out), NULL, NULL);
  g_file_delete (dest, NULL, NULL);
  return FALSE;
}

static char *
hash_file (const char  *path,
           gint64      *out_size,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guchar *buffer = g_malloc (COPY_BUFFER);
  gint64 size = 0;

  in = g_file_read (file, NULL, error);
  if (in == NULL)
    return NULL;
  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (in), buffer, COPY_BUFFER, NULL, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      g_checksum_update (sum, buffer, n);
      size += n;
    }
  *out_size = size;
  return g_strdup (g_checksum_get_string (sum));
}

typedef struct
{
  const char *entity;
  gint64      entity_id;
  const char *file_name;
  const char *stored_path;
  gint64      size;
  const char *sha256;
  gint64      id;
} AddData;

static gboolean
add_func (PlazaStore  *store,
          gpointer     user_data,
          GError     **error)
{
  AddData *data = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *summary = NULL;

  stmt = plaza_store_prepare (store,
                              "INSERT INTO attachments (entity, entity_id, file_name, stored_path, size, sha256, "
                              "added_by, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, data->entity, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, data->entity_id);
  sqlite3_bind_text (stmt, 3, data->file_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, data->stored_path, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, data->size);
  sqlite3_bind_text (stmt, 6, data->sha256, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, plaza_store_get_user (store), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, at, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  data->id = sqlite3_last_insert_rowid (plaza_store_get_db (store));

  summary = g_strdup_printf ("%s attached to %s %" G_GINT64_FORMAT, data->file_name, data->entity, data->entity_id);
  return plaza_store_log_change (store, data->entity, data->entity_id, "attach", summary, error);
}

gint64
plaza_attachment_add (PlazaStore  *store,
                      const char  *entity,
                      gint64       entity_id,
                      const char  *source_path,
                      GError     **error)
{
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) dest = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *db_base = NULL;
  g_autofree char *files_dir = NULL;
  g_autofree char *rel_dir = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *source_name = NULL;
  g_autofree char *name = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *stored_path = NULL;
  g_autofree char *id_text = NULL;
  AddData data = { 0 };
  gint64 size = 0;

  g_return_val_if_fail (PLAZA_IS_STORE (store), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!valid_entity (entity))
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                   _("entity: “%s” is not a lower-case word."), entity != NULL ? entity : "");
      return 0;
    }
  if (entity_id <= 0)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                   _("entity id: %lld is not a record."), (long long) entity_id);
      return 0;
    }
  if (plaza_store_is_read_only (store))
    {
      g_set_error_literal (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_READ_ONLY,
                           plaza_store_get_read_only_reason (store) != NULL
                           ? plaza_store_get_read_only_reason (store)
                           : _("The database is open read-only."));
      return 0;
    }
  if (source_path == NULL || !g_file_test (source_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND,
                   _("“%s” is not a file that can be attached."), source_path != NULL ? source_path : "");
      return 0;
    }

  source_name = g_path_get_basename (source_path);
  folder = db_folder (store);
  db_base = g_path_get_basename (plaza_store_get_path (store));
  files_dir = g_strconcat (db_base, ".files", NULL);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, entity_id);
  rel_dir = g_strjoin ("/", files_dir, entity, id_text, NULL);
  dir = g_build_filename (folder, files_dir, entity, id_text, NULL);
  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved = errno;

      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_FAILED,
                   _("Could not make the folder “%s”: %s"), dir, g_strerror (saved));
      return 0;
    }

  source = g_file_new_for_path (source_path);
  for (guint n = 1; ; n++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *path = NULL;

      g_clear_pointer (&name, g_free);
      g_clear_object (&dest);
      name = numbered_name (source_name, n);
      path = g_build_filename (dir, name, NULL);
      dest = g_file_new_for_path (path);
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        continue;   /* over sshfs an exclusive create may fail with EPERM */
      {
        /* A name whose stored copy went missing still belongs to its record:
         * reusing it would make that record point at the new file. */
        g_autofree char *rel = g_strjoin ("/", rel_dir, name, NULL);
        if (stored_path_taken (store, rel))
          continue;
      }
      if (copy_hashed (source, dest, &size, &sha256, &local_error))
        break;
      /* someone else took the name meanwhile (EPERM over sshfs, not EEXIST) */
      if ((g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS) || g_file_test (path, G_FILE_TEST_EXISTS))
          && n < 10000)
        continue;
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_FAILED,
                   _("Could not copy “%s” to “%s”: %s"), source_path, path, local_error->message);
      return 0;
    }

  stored_path = g_strjoin ("/", rel_dir, name, NULL);
  data.entity = entity;
  data.entity_id = entity_id;
  data.file_name = name;
  data.stored_path = stored_path;
  data.size = size;
  data.sha256 = sha256;
  if (!plaza_store_write (store, add_func, &data, error))
    {
      g_file_delete (dest, NULL, NULL);
      return 0;
    }
  return data.id;
}

static PlazaAttachment *
read_row (sqlite3_stmt *stmt)
{
  PlazaAttachment *a = g_new0 (PlazaAttachment, 1);

  a->id = sqlite3_column_int64 (stmt, 0);
  a->entity = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  a->entity_id = sqlite3_column_int64 (stmt, 2);
  a->file_name = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  a->stored_path = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  a->size = sqlite3_column_int64 (stmt, 5);
  a->sha256 = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
  a->added_by = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
  a->added_at = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
  return a;
}

#define COLUMNS "id, entity, entity_id, file_name, stored_path, size, sha256, added_by, added_at"

GPtrArray *
plaza_attachment_list (PlazaStore  *store,
                       const char  *entity,
                       gint64       entity_id,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) plaza_attachment_free);
  int rc;

  g_return_val_if_fail (PLAZA_IS_STORE (store), NULL);
  g_return_val_if_fail (entity != NULL, NULL);

  stmt = plaza_store_prepare (store, "SELECT " COLUMNS " FROM attachments WHERE entity = ? AND entity_id = ? "
                                     "ORDER BY added_at, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, entity_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, read_row (stmt));
  if (rc != SQLITE_DONE)
    {
      plaza_store_set_sqlite_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

PlazaAttachment *
plaza_attachment_get (PlazaStore  *store,
                      gint64       attachment_id,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PLAZA_IS_STORE (store), NULL);

  stmt = plaza_store_prepare (store, "SELECT " COLUMNS " FROM attachments WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, attachment_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return read_row (stmt);
  if (rc != SQLITE_DONE)
    plaza_store_set_sqlite_error (store, error);
  else
    g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND,
                 _("There is no attachment with id %lld."), (long long) attachment_id);
  return NULL;
}

char *
plaza_attachment_dup_path (PlazaStore            *store,
                           const PlazaAttachment *attachment)
{
  g_autofree char *folder = NULL;
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) elements = g_ptr_array_new ();

  g_return_val_if_fail (PLAZA_IS_STORE (store), NULL);
  g_return_val_if_fail (attachment != NULL, NULL);

  folder = db_folder (store);
  parts = g_strsplit (attachment->stored_path, "/", -1);
  g_ptr_array_add (elements, folder);
  for (guint i = 0; parts[i] != NULL; i++)
    g_ptr_array_add (elements, parts[i]);
  g_ptr_array_add (elements, NULL);
  return g_build_filenamev ((char **) elements->pdata);
}

gboolean
plaza_attachment_check (PlazaStore  *store,
                        gint64       attachment_id,
                        GError     **error)
{
  g_autoptr(PlazaAttachment) a = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *sha256 = NULL;
  gint64 size = 0;

  a = plaza_attachment_get (store, attachment_id, error);
  if (a == NULL)
    return FALSE;
  path = plaza_attachment_dup_path (store, a);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND,
                   _("The attached file “%s” is missing: it is no longer at %s."), a->file_name, path);
      return FALSE;
    }
  sha256 = hash_file (path, &size, &local_error);
  if (sha256 == NULL)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND,
                   _("The attached file “%s” cannot be read: %s"), a->file_name, local_error->message);
      return FALSE;
    }
  if (size != a->size || g_strcmp0 (sha256, a->sha256) != 0)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND,
                   _("The attached file “%s” has changed since it was attached (its SHA-256 no longer matches)."),
                   a->file_name);
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  const char            *entity;
  gint64                 entity_id;
  const PlazaAttachment *attachment;
} RemoveData;

static gboolean
remove_in_write (PlazaStore *store,
                 gpointer    user_data,
                 GError    **error)
{
  RemoveData *data = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *summary = NULL;

  stmt = plaza_store_prepare (store, "DELETE FROM attachments WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->attachment->id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  summary = g_strdup_printf ("removed attachment %s", data->attachment->file_name);
  return plaza_store_log_change (store, data->entity, data->entity_id, "attachment", summary, error);
}

gboolean
plaza_attachment_remove (PlazaStore  *store,
                         const char  *entity,
                         gint64       entity_id,
                         gint64       attachment_id,
                         GError     **error)
{
  g_autoptr(PlazaAttachment) attachment = NULL;
  g_autofree char *path = NULL;
  RemoveData data;

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);
  g_return_val_if_fail (entity != NULL, FALSE);

  attachment = plaza_attachment_get (store, attachment_id, error);
  if (attachment == NULL)
    return FALSE;
  if (g_strcmp0 (attachment->entity, entity) != 0 || attachment->entity_id != entity_id)
    {
      g_set_error_literal (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                           _("The file is not attached to this record."));
      return FALSE;
    }
  data.entity = entity;
  data.entity_id = entity_id;
  data.attachment = attachment;
  if (!plaza_store_write (store, remove_in_write, &data, error))
    return FALSE;
  path = plaza_attachment_dup_path (store, attachment);
  g_remove (path);
  return TRUE;
}
