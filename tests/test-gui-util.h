/* test-gui-util.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What every GUI test needs: spin the main loop until something is done.
 */

#pragma once

#include <gtk/gtk.h>

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

/* With PLAZA_TEST_SHOTS=DIR, saves @widget's window as DIR/NAME.png after
 * letting it lay out and draw: for looking at windows and dialogs that
 * `plaza` cannot be told to open. Does nothing otherwise. */
static inline void
plaza_test_shoot (GtkWidget  *widget,
                  const char *name)
{
  const char *dir = g_getenv ("PLAZA_TEST_SHOTS");
  g_autofree char *file = NULL;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  GskRenderNode *node;
  int width, height;
  gboolean done = FALSE;

  if (dir == NULL)
    return;
  g_timeout_add (600, plaza_test_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_render_node_unref (node);
  file = g_strdup_printf ("%s/%s.png", dir, name);
  gdk_texture_save_to_png (texture, file);
}
