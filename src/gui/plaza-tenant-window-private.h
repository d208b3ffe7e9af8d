/* plaza-tenant-window-private.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tenant window's insides, shared by plaza-tenant-window.c (the
 * window, its header and loading) and plaza-tenant-window-sections.c (the
 * overview's sections), and a few getters for the GUI test.
 */

#pragma once

#include "charts/plaza-chart-view.h"
#include "plaza-tenant-view.h"
#include "plaza-tenant-window.h"

G_BEGIN_DECLS

struct _PlazaTenantWindow
{
  AdwWindow        parent_instance;

  PlazaWorker     *worker;
  GCancellable    *cancellable;
  gint64           id;
  guint            busy;
  gboolean         discard;         /* close without asking */
  PlazaTenantView *view;

  AdwToastOverlay *toasts;
  AdwViewStack    *stack;
  AdwViewStackPage *overview_page;
  GtkWidget       *archive_box;
  GtkWidget       *form;
  GtkSpinner      *spinner;
  GtkWidget       *reload_button;

  GtkWidget       *header;          /* hidden for a new tenant */
  AdwAvatar       *avatar;
  GtkLabel        *name_label;
  GtkLabel        *subtitle_label;
  GtkLabel        *status_label;
  GtkLabel        *licence_label;
  GtkLabel        *score_label;
  GtkLabel        *score_caption;
  GtkLabel        *reasons_label;

  GtkStack        *overview_stack;  /* "status" or "content" */
  AdwStatusPage   *status;
  GtkBox          *cards;           /* the figures strip */
  PlazaChartView  *chart;
  GtkBox          *left;
  GtkBox          *right;
  GHashTable      *sections;        /* name → GtkListBox */
  char            *arrears_text;
};

/* Loads the tenant again (nothing for a new tenant). */
void                   plaza_tenant_window_reload        (PlazaTenantWindow *self);
/* plaza-tenant-window-sections.c: rebuilds the overview from self->view. */
void                   plaza_tenant_window_fill_overview (PlazaTenantWindow *self);

/* For tests. */
gboolean               plaza_tenant_window_get_busy      (PlazaTenantWindow *self);
gint64                 plaza_tenant_window_get_id        (PlazaTenantWindow *self);
/* The view as last loaded, NULL before; its trend has moved to the chart
 * view (plaza_tenant_window_get_chart). */
const PlazaTenantView *plaza_tenant_window_get_view      (PlazaTenantWindow *self);
/* Rows listed in a section ("contracts", "units", "anomalies", "arrears",
 * "promotions", "fitouts", "complaints"); empty placeholders not counted. */
guint                  plaza_tenant_window_count_rows    (PlazaTenantWindow *self,
                                                          const char        *section);
/* The section's row titles and subtitles, one row a line. */
char                  *plaza_tenant_window_dup_section_text (PlazaTenantWindow *self,
                                                             const char        *section);
/* The arrears total as shown ("¥1,234.00"). */
const char            *plaza_tenant_window_get_arrears_text (PlazaTenantWindow *self);
PlazaChartView        *plaza_tenant_window_get_chart     (PlazaTenantWindow *self);
/* Activates row @index of "contracts" as a double-click does. */
void                   plaza_tenant_window_activate_contract (PlazaTenantWindow *self,
                                                              guint              index);

/* Clicks the first button of "fit-out" (Open… or Start Fit-out…); FALSE
 * when there is none. */
gboolean               plaza_tenant_window_click_fitout  (PlazaTenantWindow *self);

G_END_DECLS
