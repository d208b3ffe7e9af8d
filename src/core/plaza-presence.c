/* plaza-presence.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Presence files: one small JSON file per open client in
 * "<db>.plaza-clients/", so the window can say who else has the file open
 * and the store can refuse to migrate a file someone else is using. Each
 * file is written with g_file_set_contents() (temporary name, fsync,
 * rename); a reader that finds a damaged or half-gone file skips it.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "plaza-presence.h"

#define PRESENCE_SUFFIX ".json"

struct _PlazaPresence
{
  char              *db_path;
  PlazaPresenceInfo  info;
};

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

void
plaza_presence_info_free (PlazaPresenceInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->host);
  g_free (info->user);
  g_free (info);
}

char *
plaza_presence_dir_for (const char *db_path)
{
  g_return_val_if_fail (db_path != NULL, NULL);
  return g_strconcat (db_path, ".plaza-clients", NULL);
}

/* "<host>-<pid>.json" with anything unsafe in a file name replaced. */
static char *
file_name_for (const char *host,
               gint64      pid)
{
  g_autofree char *safe = g_strdup (host != NULL && *host != '\0' ? host : "unknown");

  for (char *p = safe; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '.' && *p != '_' && *p != '-')
      *p = '_';
  return g_strdup_printf ("%s-%lld" PRESENCE_SUFFIX, safe, (long long) pid);
}

static char *
info_to_json (const PlazaPresenceInfo *info)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "host");
  json_builder_add_string_value (builder, info->host != NULL ? info->host : "");
  json_builder_set_member_name (builder, "pid");
  json_builder_add_int_value (builder, info->pid);
  json_builder_set_member_name (builder, "user");
  json_builder_add_string_value (builder, info->user != NULL ? info->user : "");
  json_builder_set_member_name (builder, "started");
  json_builder_add_int_value (builder, info->started);
  json_builder_set_member_name (builder, "heartbeat");
  json_builder_add_int_value (builder, info->heartbeat);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* NULL when @contents is not a presence file. */
static PlazaPresenceInfo *
info_from_json (const char *contents)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;
  PlazaPresenceInfo *info;

  if (!json_parser_load_from_data (parser, contents, -1, NULL))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;
  object = json_node_get_object (json_parser_get_root (parser));
  if (!json_object_has_member (object, "host") || !json_object_has_member (object, "pid") ||
      !json_object_has_member (object, "heartbeat"))
    return NULL;

  info = g_new0 (PlazaPresenceInfo, 1);
  info->host = g_strdup (json_object_get_string_member_with_default (object, "host", ""));
  info->pid = json_object_get_int_member_with_default (object, "pid", 0);
  info->user = g_strdup (json_object_get_string_member_with_default (object, "user", ""));
  info->started = json_object_get_int_member_with_default (object, "started", 0);
  info->heartbeat = json_object_get_int_member_with_default (object, "heartbeat", 0);
  return info;
}

gboolean
plaza_presence_write (const char               *db_path,
                      const PlazaPresenceInfo  *info,
                      GError                  **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *json = NULL;

  g_return_val_if_fail (db_path != NULL && info != NULL, FALSE);

  dir = plaza_presence_dir_for (db_path);
  if (g_mkdir_with_parents (dir, 0777) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not create “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  name = file_name_for (info->host, info->pid);
  path = g_build_filename (dir, name, NULL);
  json = info_to_json (info);
  return g_file_set_contents_full (path, json, -1,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_ONLY_EXISTING,
                                   0666, error);
}

PlazaPresence *
plaza_presence_announce (const char  *db_path,
                         const char  *user,
                         GError     **error)
{
  PlazaPresence *presence;

  g_return_val_if_fail (db_path != NULL, NULL);

  presence = g_new0 (PlazaPresence, 1);
  presence->db_path = g_strdup (db_path);
  presence->info.host = g_strdup (g_get_host_name ());
  presence->info.pid = getpid ();
  presence->info.user = g_strdup (user != NULL ? user : g_get_user_name ());
  presence->info.started = now_seconds ();
  presence->info.heartbeat = presence->info.started;

  if (!plaza_presence_write (db_path, &presence->info, error))
    {
      g_free (presence->db_path);
      g_free (presence->info.host);
      g_free (presence->info.user);
      g_free (presence);
      return NULL;
    }
  return presence;
}

gboolean
plaza_presence_refresh (PlazaPresence  *presence,
                        GError        **error)
{
  g_return_val_if_fail (presence != NULL, FALSE);

  presence->info.heartbeat = now_seconds ();
  return plaza_presence_write (presence->db_path, &presence->info, error);
}

void
plaza_presence_set_user (PlazaPresence *presence,
                         const char    *user)
{
  g_return_if_fail (presence != NULL);

  g_free (presence->info.user);
  presence->info.user = g_strdup (user != NULL ? user : "");
}

const char *
plaza_presence_get_db_path (PlazaPresence *presence)
{
  g_return_val_if_fail (presence != NULL, NULL);
  return presence->db_path;
}

void
plaza_presence_withdraw (PlazaPresence *presence)
{
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  if (presence == NULL)
    return;

  dir = plaza_presence_dir_for (presence->db_path);
  name = file_name_for (presence->info.host, presence->info.pid);
  path = g_build_filename (dir, name, NULL);
  if (g_remove (path) != 0 && errno != ENOENT)
    g_debug ("could not remove %s: %s", path, g_strerror (errno));
  g_rmdir (dir); /* only when empty: others' files keep it */

  g_free (presence->db_path);
  g_free (presence->info.host);
  g_free (presence->info.user);
  g_free (presence);
}

/* On this host a client whose process is gone left its file behind (it
 * was killed, or crashed): it is as stale as an old one. */
static gboolean
gone_on_this_host (const PlazaPresenceInfo *info,
                   const char              *host)
{
  if (g_strcmp0 (info->host, host) != 0 || info->pid <= 0 || info->pid > G_MAXINT)
    return FALSE;
  return kill ((pid_t) info->pid, 0) != 0 && errno == ESRCH;
}

static int
compare_infos (gconstpointer a,
               gconstpointer b)
{
  const PlazaPresenceInfo *x = *(PlazaPresenceInfo * const *) a;
  const PlazaPresenceInfo *y = *(PlazaPresenceInfo * const *) b;
  int c = g_strcmp0 (x->host, y->host);

  if (c != 0)
    return c;
  return x->pid < y->pid ? -1 : x->pid > y->pid;
}

gboolean
plaza_presence_list (const char  *db_path,
                     gint64       now,
                     GPtrArray  **others,
                     GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) plaza_presence_info_free);
  g_autofree char *dir = NULL;
  g_autoptr(GDir) folder = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *host = g_get_host_name ();
  gint64 pid = getpid ();
  const char *name;

  g_return_val_if_fail (db_path != NULL && others != NULL, FALSE);

  if (now <= 0)
    now = now_seconds ();
  dir = plaza_presence_dir_for (db_path);
  folder = g_dir_open (dir, 0, &local_error);
  if (folder == NULL)
    {
      if (!g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      *others = g_steal_pointer (&list);
      return TRUE;
    }

  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *contents = NULL;
      g_autoptr(PlazaPresenceInfo) info = NULL;
      GStatBuf st;
      gint64 seen;

      if (name[0] == '.' || !g_str_has_suffix (name, PRESENCE_SUFFIX))
        continue;
      path = g_build_filename (dir, name, NULL);
      if (g_stat (path, &st) != 0 || !g_file_get_contents (path, &contents, NULL, NULL))
        continue; /* removed meanwhile */
      info = info_from_json (contents);
      seen = MAX (info != NULL ? info->heartbeat : 0, (gint64) st.st_mtime);
      if (now - seen > PLAZA_PRESENCE_STALE_SECONDS || (info != NULL && gone_on_this_host (info, host)))
        {
          /* A client that is gone (or a damaged file left long ago). */
          if (g_remove (path) != 0)
            g_debug ("could not remove stale %s: %s", path, g_strerror (errno));
          continue;
        }
      if (info == NULL)
        continue; /* being written, or damaged: not counted */
      if (info->pid == pid && g_strcmp0 (info->host, host) == 0)
        continue; /* ourselves */
      g_ptr_array_add (list, g_steal_pointer (&info));
    }

  g_ptr_array_sort (list, compare_infos);
  *others = g_steal_pointer (&list);
  return TRUE;
}

char *
plaza_presence_describe (GPtrArray *others)
{
  g_autoptr(GString) text = NULL;

  if (others == NULL || others->len == 0)
    return NULL;

  text = g_string_new (NULL);
  for (guint i = 0; i < others->len; i++)
    {
      const PlazaPresenceInfo *info = g_ptr_array_index (others, i);

      if (i > 0)
        /* Translators: separates the computers in "PC-2 (王芳), PC-3 (李明)" */
        g_string_append (text, _(", "));
      if (info->user != NULL && *info->user != '\0')
        g_string_append_printf (text, _("%s (%s)"), info->host, info->user);
      else
        g_string_append (text, info->host);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
