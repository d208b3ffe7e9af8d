/* plaza-share-dialogs-private.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by plaza-share-dialogs.c (mode, presence, backups, the WAL fix),
 * plaza-share-check.c (quick_check on opening) and plaza-share-lease.c
 * (the stale-lease dialog): the state the main window carries for the open
 * file.
 */

#pragma once

#include "plaza-presence.h"
#include "plaza-share-dialogs.h"
#include "plaza-window-private.h"

G_BEGIN_DECLS

typedef struct
{
  gint           ref;
  GMutex         lock;
  char          *db_path;
  char          *user;
  PlazaPresence *presence;
  gboolean       closed;
} PresenceSlot;

typedef struct
{
  PlazaWindow  *window;          /* not owned: the state lives on it */
  PlazaWorker  *worker;
  GCancellable *cancellable;
  PresenceSlot *slot;
  guint         presence_timer;
  guint         backup_timer;
  guint         backup_first;
  gboolean      lease_dialog_shown;
  gboolean      uses_lease;
  gboolean      needs_fix;
  gboolean      check_failed;
  char         *mode;
  char         *explanation;
  char         *others;

  GtkWidget    *fix_button;
  GtkRevealer  *check_revealer;
  GtkLabel     *check_label;
  GtkLabel     *presence_label;
} ShareState;

/* The window's state (NULL before plaza_share_attach()). */
ShareState *plaza_share_get_state        (PlazaWindow *window);
void        plaza_share_toast            (ShareState  *state,
                                          const char  *text);
/* quick_check on opening only below this size: it reads every page. */
#define QUICK_CHECK_MAX_BYTES (G_GINT64_CONSTANT (2) * 1024 * 1024 * 1024)

/* Runs quick_check on the open file; the banner shows what it found. */
void        plaza_share_start_check      (ShareState  *state);
/* Reads the lease and asks whether to break it (once). */
void        plaza_share_show_stale_lease (ShareState  *state);

G_END_DECLS
