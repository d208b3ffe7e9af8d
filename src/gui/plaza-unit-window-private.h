/* plaza-unit-window-private.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The unit window's state, shared by plaza-unit-window.c (form, load,
 * save, history) and plaza-unit-window-split.c (the Split… and Merge…
 * dialogs and their jobs).
 */

#pragma once

#include "plaza-unit-window.h"

G_BEGIN_DECLS

struct _PlazaUnitWindow
{
  AdwWindow        parent_instance;

  PlazaWorker     *worker;
  GCancellable    *cancellable;
  gint64           unit_id;
  int              busy;

  PlazaUnit       *unit;
  GPtrArray       *floors;       /* PlazaFloor */
  GPtrArray       *categories;   /* PlazaUnitCategory */
  GPtrArray       *history;      /* PlazaUnitEvent */
  GPtrArray       *neighbours;   /* PlazaUnit: the units next to it on its floor */
  GArray          *new_ids;
  gint64           seq;          /* plaza_change_log_last_seq() at the load */

  AdwToastOverlay *toasts;
  AdwWindowTitle  *title;
  AdwEntryRow     *code_row;
  AdwComboRow     *floor_row;
  AdwEntryRow     *gross_row;
  AdwEntryRow     *rentable_row;
  AdwComboRow     *category_row;
  AdwComboRow     *status_row;
  AdwEntryRow     *notes_row;
  GtkListBox      *history_list;
  GtkWidget       *history_group;
  GtkWidget       *save_button;
  GtkWidget       *split_button;
  GtkWidget       *merge_button;
};

void plaza_unit_window_busy_push (PlazaUnitWindow *self);
void plaza_unit_window_busy_pop  (PlazaUnitWindow *self);
void plaza_unit_window_toast     (PlazaUnitWindow *self,
                                  const char      *text);
/* Emits "changed" and closes the window. */
void plaza_unit_window_done      (PlazaUnitWindow *self,
                                  const char      *toast);
void plaza_unit_window_open_merge (PlazaUnitWindow *self);

G_END_DECLS
