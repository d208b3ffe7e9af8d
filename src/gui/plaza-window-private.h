/* plaza-window-private.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by plaza-window.c (pages, sidebar, the open file shown) and
 * plaza-window-open.c (choosing, creating and opening files, the demo).
 */

#pragma once

#include "plaza-window.h"
#include "plaza-worker.h"

G_BEGIN_DECLS

/* Overview and the seven lists. */
#define N_PAGES 10

struct _PlazaWindow
{
  AdwApplicationWindow  parent_instance;

  /* template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwStatusPage        *welcome_page;
  GtkSpinner           *welcome_spinner;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar_list;
  GtkLabel             *location_label;
  GtkImage             *location_icon;
  AdwWindowTitle       *window_title;
  GtkRevealer          *read_only_revealer;
  GtkLabel             *read_only_label;
  GtkStack             *page_stack;
  GtkWidget            *content_box;

  /* borrowed: children of page_stack / sidebar_list */
  GtkWidget            *pages[N_PAGES];
  GtkListBoxRow        *rows[N_PAGES];

  /* owned */
  GSettings            *settings;
  PlazaWorker          *worker;
  GCancellable         *cancellable;
  char                 *path;

  guint                 page;
  guint                 busy;
  gboolean              overview_stale;
};

void plaza_window_set_busy        (PlazaWindow *self,
                                   gboolean     busy);
void plaza_window_show_error      (PlazaWindow *self,
                                   const char  *heading,
                                   const char  *body);
void plaza_window_show_open_error (PlazaWindow *self,
                                   const char  *path,
                                   const char  *message);
/* Shows the file @worker has open: pages, title, location, read-only. */
void plaza_window_use_worker      (PlazaWindow *self,
                                   PlazaWorker *worker);

void plaza_window_open_action      (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *param);
void plaza_window_new_action       (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *param);
void plaza_window_open_demo_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *param);

G_END_DECLS
