/* plaza-io-delay-vfs.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A debug SQLite VFS shim: sleeps PLAZA_IO_DELAY_MS milliseconds on every
 * read, write, lock and sync, to feel the app on a slow network drive.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PLAZA_IO_DELAY_VFS_NAME "plaza-io-delay"

/* Registers the shim over the default VFS when PLAZA_IO_DELAY_MS is set to a
 * positive number; returns the VFS name to pass to sqlite3_open_v2() or NULL
 * when no delay is wanted. Safe to call many times from any thread. */
const char *plaza_io_delay_vfs_ensure (void);
/* For tests: the delay in ms currently in force (0 = none). */
guint       plaza_io_delay_vfs_get_delay_ms (void);

G_END_DECLS
