/* plaza-presence.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Who else has the file open. Each client that keeps a database open (the
 * GUI) writes a small presence file in a folder beside it,
 * "<db>.plaza-clients/<host>-<pid>.json", holding host, pid, user, when it
 * started and a heartbeat (Unix seconds). The file is written under a
 * temporary name and renamed, so a reader never sees half of it; it is
 * refreshed every PLAZA_PRESENCE_REFRESH_SECONDS and removed on close. A
 * file whose heartbeat (or, if newer, modification time) is older than
 * PLAZA_PRESENCE_STALE_SECONDS belongs to a client that is gone, and so
 * does one of this host whose process no longer runs: listing ignores and
 * removes it. Nothing here touches SQLite.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PLAZA_PRESENCE_REFRESH_SECONDS 30
#define PLAZA_PRESENCE_STALE_SECONDS 120

typedef struct
{
  char   *host;
  gint64  pid;
  char   *user;
  gint64  started;     /* Unix time, seconds */
  gint64  heartbeat;   /* Unix time, seconds */
} PlazaPresenceInfo;

typedef struct _PlazaPresence PlazaPresence;

void           plaza_presence_info_free     (PlazaPresenceInfo       *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlazaPresenceInfo, plaza_presence_info_free)

/* "<db_path>.plaza-clients" (free it). */
char          *plaza_presence_dir_for       (const char              *db_path);

/* Writes the presence file of @info for @db_path atomically (temporary
 * name, then rename), creating the folder if needed. */
gboolean       plaza_presence_write         (const char              *db_path,
                                             const PlazaPresenceInfo *info,
                                             GError                 **error);

/* Announces this process (this host, getpid()) as @user on @db_path. */
PlazaPresence *plaza_presence_announce      (const char              *db_path,
                                             const char              *user,
                                             GError                 **error);
/* Rewrites the heartbeat (recreating the file if someone cleaned it). */
gboolean       plaza_presence_refresh       (PlazaPresence           *presence,
                                             GError                 **error);
/* The name shown to others from the next refresh on (after a sign-in). */
void           plaza_presence_set_user      (PlazaPresence           *presence,
                                             const char              *user);
/* Removes our file (and the folder when it is left empty); frees it. */
void           plaza_presence_withdraw      (PlazaPresence           *presence);
const char    *plaza_presence_get_db_path   (PlazaPresence           *presence);

/* The other clients fresh at @now (Unix seconds; 0: the current time) as
 * PlazaPresenceInfo, sorted by host then pid; this process's own file is
 * left out, and stale files are removed. A missing folder is an empty list. */
gboolean       plaza_presence_list          (const char              *db_path,
                                             gint64                   now,
                                             GPtrArray              **others,
                                             GError                 **error);

/* "PC-2 (王芳), PC-3 (李明)" for the UI (free it); NULL for an empty list. */
char          *plaza_presence_describe      (GPtrArray               *others);

G_END_DECLS
