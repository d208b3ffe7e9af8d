/* plaza-store-schema.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The schema rules of opening a file. Each file records the schema that
 * wrote it (PRAGMA user_version) and may record the oldest schema still
 * allowed to write it (setting "schema.min_writer", set by the migration
 * that needs it; absent, the file's own version). A client below the
 * minimum opens the file read-only, with the version it would need; a
 * client newer than the file still reads it. A migration runs only when no
 * other client holds the file: a fresh presence file of another client or a
 * live lease of another writer makes this client open the old file
 * read-only and name the computers to close Plaza on. The migrations are
 * resources named NNN-what.sql; migration N brings the schema from N-1 to
 * N, all of them in one write.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>
#include <stdlib.h>
#include <string.h>

#include "plaza-core-resources.h"
#include "plaza-lease.h"
#include "plaza-presence.h"
#include "plaza-store-private.h"
#include "plaza-store-schema-private.h"

/* 'PLZA': marks a file as a Plaza database (PRAGMA application_id). */
#define PLAZA_APPLICATION_ID 0x504C5A41

#define MIGRATIONS_PATH "/org/plaza/Plaza/core/migrations"

static gint64
query_version (sqlite3 *db)
{
  g_autofree char *text = plaza_store_query_text (db, "PRAGMA user_version");

  return text != NULL ? g_ascii_strtoll (text, NULL, 10) : 0;
}

/* The minimum writer recorded in the file; @version when none is. */
static gint64
min_writer (PlazaStore *self,
            gint64      version)
{
  g_autofree char *value = NULL;
  gint64 min = 0;

  if (version < 1)
    return version; /* a new file: no settings table yet */
  value = plaza_store_get_setting (self, PLAZA_SCHEMA_MIN_WRITER_KEY);
  if (value == NULL || !g_ascii_string_to_signed (value, 10, 1, G_MAXINT, &min, NULL))
    return version;
  return min;
}

/* The computers that hold the file besides us, in words, or NULL: fresh
 * presence files of other clients, and a live lease file that is not ours. */
static char *
other_holders (PlazaStore *self)
{
  g_autoptr(GPtrArray) others = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *lease_path = NULL;
  g_autofree char *contents = NULL;
  PlazaLeaseInfo info = { 0 };
  char *hosts = NULL;

  if (!plaza_presence_list (self->path, 0, &others, &error))
    g_debug ("presence of %s: %s", self->path, error->message);
  else
    hosts = plaza_presence_describe (others);
  if (hosts != NULL || self->open_lease != NULL)
    return hosts;

  lease_path = plaza_lease_path_for (self->path);
  if (plaza_lease_read (lease_path, &contents, &info, NULL))
    {
      if (!plaza_lease_info_is_stale (&info, g_get_real_time () / G_USEC_PER_SEC,
                                      PLAZA_LEASE_STALE_SECONDS))
        hosts = g_strdup (info.host != NULL && *info.host != '\0' ? info.host : "?");
      plaza_lease_info_clear (&info);
    }
  return hosts;
}

static gboolean
become_read_only (PlazaStore  *self,
                  char        *reason,
                  GError     **error)
{
  g_free (self->read_only_reason);
  self->read_only_reason = reason;
  if (!self->read_only && !plaza_store_open_connection (self, FALSE, TRUE, error))
    return FALSE;
  self->read_only = TRUE;
  return TRUE;
}

gboolean
plaza_store_schema_check (PlazaStore  *self,
                          gint64       version,
                          GError     **error)
{
  gint64 min = min_writer (self, version);
  g_autofree char *holders = NULL;

  if (min > PLAZA_SCHEMA_VERSION)
    {
      /* Written by a newer Plaza that older ones may not write: reopen
       * read-only, so nothing here can ever write to it. */
      return become_read_only (self,
                               g_strdup_printf (_("Changing this file needs a newer Plaza "
                                                  "(schema %d or later; this version knows %d). "
                                                  "It is open read-only: update Plaza to change it."),
                                                (int) min, PLAZA_SCHEMA_VERSION),
                               error);
    }

  if (version < 1 || version >= PLAZA_SCHEMA_VERSION || self->read_only)
    return TRUE;

  /* An older file to migrate: only when nobody else has it. */
  holders = other_holders (self);
  if (holders == NULL)
    return TRUE;
  return become_read_only (self,
                           g_strdup_printf (_("Plaza needs to update this file; close Plaza on %s "
                                              "and open it again. Until then it is open read-only."),
                                            holders),
                           error);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
apply_migrations (PlazaStore  *self,
                  gint64       from,
                  GError     **error)
{
  g_auto(GStrv) names = NULL;
  guint n;

  names = g_resource_enumerate_children (plaza_core_get_resource (), MIGRATIONS_PATH, 0, error);
  if (names == NULL)
    return FALSE;
  n = g_strv_length (names);
  qsort (names, n, sizeof (char *), compare_names);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *resource = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *sql = NULL;
      int version = atoi (names[i]);

      if (version <= from || version > PLAZA_SCHEMA_VERSION)
        continue;

      resource = g_strconcat (MIGRATIONS_PATH "/", names[i], NULL);
      bytes = g_resource_lookup_data (plaza_core_get_resource (), resource, 0, error);
      if (bytes == NULL)
        return FALSE;
      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      if (!plaza_store_exec_sql (self->db, sql, error))
        {
          g_prefix_error (error, _("Migration %s failed: "), names[i]);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
migrate_func (PlazaStore  *self,
              gpointer     user_data,
              GError     **error)
{
  gint64 *version = user_data;
  g_autofree char *pragmas = NULL;
  g_autofree char *summary = NULL;
  gint64 from;

  /* Read again inside the write lock: another client may have migrated
   * the file since we looked. */
  from = query_version (self->db);
  *version = from;
  if (from >= PLAZA_SCHEMA_VERSION)
    return TRUE;

  if (!apply_migrations (self, from, error))
    return FALSE;

  pragmas = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                             PLAZA_SCHEMA_VERSION, PLAZA_APPLICATION_ID);
  if (!plaza_store_exec_sql (self->db, pragmas, error))
    return FALSE;
  *version = PLAZA_SCHEMA_VERSION;

  summary = g_strdup_printf ("schema %d → %d", (int) from, PLAZA_SCHEMA_VERSION);
  return plaza_store_log_change (self, "schema", 0, "migrate", summary, error);
}

gboolean
plaza_store_schema_migrate (PlazaStore  *self,
                            gint64      *version,
                            GError     **error)
{
  gint64 now = *version;

  if (now >= PLAZA_SCHEMA_VERSION || self->read_only)
    return TRUE;
  if (!plaza_store_write (self, migrate_func, &now, error))
    return FALSE;
  *version = now;
  return TRUE;
}
