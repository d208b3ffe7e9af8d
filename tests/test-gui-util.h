/* test-gui-util.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What every GUI test needs: spin the main loop until something is done.
 */

#pragma once

#include <glib.h>

#ifndef TIMEOUT_S
#define TIMEOUT_S 30
#endif

static inline gboolean
plaza_test_timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Spins the main loop until @done (called with @data) says so; a test that
 * waits longer than TIMEOUT_S seconds fails, naming @what. */
static inline void
plaza_test_spin_until (gboolean  (*done) (gpointer data),
                       gpointer    data,
                       const char *what)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (TIMEOUT_S, plaza_test_timeout_cb, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("Timed out waiting for %s", what);
  g_source_remove (id);
}
