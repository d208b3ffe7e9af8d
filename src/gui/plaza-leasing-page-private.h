/* plaza-leasing-page-private.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by plaza-leasing-page.c (views, loading, the plan) and
 * plaza-leasing-page-board.c (the board of cards, drag and drop, moves).
 */

#pragma once

#include "plaza-leasing-page.h"

G_BEGIN_DECLS

struct _PlazaLeasingPage
{
  AdwBin         parent_instance;

  PlazaWorker   *worker;
  GCancellable  *cancellable;
  AdwViewStack  *stack;
  PlazaListPage *list;
  GtkWidget     *board;                                /* GtkBox of columns */
  GtkWidget     *columns[PLAZA_PROSPECT_N_STAGES];     /* GtkBox of cards */
  GtkLabel      *headers[PLAZA_PROSPECT_N_STAGES];
  GtkListBox    *plan_list;
  GtkWidget     *new_button;
  GtkSpinButton *plan_days;
  GPtrArray     *prospects;                            /* PlazaProspect */
  GPtrArray     *plan;                                 /* PlazaLeasingPlanUnit */
  GPtrArray     *categories;                           /* PlazaUnitCategory */
  gboolean       loaded;
  guint          setting;                              /* target writes under way */
  gint64         plan_seq;                             /* change_log's last seq when the plan loaded */
  guint          loading;
  guint          fill_next;                            /* the next prospect to get a card */
  guint          fill_tick;                            /* the board's tick callback filling it */
  guint          fill_idle;                            /* or an idle when it is not realized */
};

/* Builds the board (called once from init). */
GtkWidget *plaza_leasing_page_build_board (PlazaLeasingPage *self);
/* Fills the board from self->prospects, a few cards a frame. */
void       plaza_leasing_page_fill_board  (PlazaLeasingPage *self);
/* Stops filling the board. */
void       plaza_leasing_page_stop_fill   (PlazaLeasingPage *self);
/* Moves prospect @id to @to in the worker (asking the reason for dropped). */
void       plaza_leasing_page_move        (PlazaLeasingPage   *self,
                                           gint64              id,
                                           PlazaProspectStage  to);
void       plaza_leasing_page_reload      (PlazaLeasingPage *self);
/* Loads the board and the plan now. */
void       plaza_leasing_page_load        (PlazaLeasingPage *self);
/* The plan view (plaza-leasing-page-plan.c). */
GtkWidget *plaza_leasing_page_build_plan  (PlazaLeasingPage *self);
void       plaza_leasing_page_fill_plan   (PlazaLeasingPage *self);
void       plaza_leasing_page_toast       (PlazaLeasingPage *self,
                                           const char       *text);

G_END_DECLS
