/* plaza-unit-window.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A unit in its own window (issue 6): its fields to edit (code, floor,
 * gross and rentable area, planned category, status, notes), Split… and
 * Merge… and its history of events, tenants and contracts. With unit id 0
 * it creates a new unit. Every store access is a worker job calling
 * plaza-unit.h. Emits "changed" after a save, split or merge.
 */

#pragma once

#include <adwaita.h>

#include "plaza-unit.h"
#include "plaza-worker.h"

G_BEGIN_DECLS

#define PLAZA_TYPE_UNIT_WINDOW (plaza_unit_window_get_type ())
G_DECLARE_FINAL_TYPE (PlazaUnitWindow, plaza_unit_window, PLAZA, UNIT_WINDOW, AdwWindow)

PlazaUnitWindow *plaza_unit_window_new        (GtkWindow       *parent,
                                               PlazaWorker     *worker,
                                               gint64           unit_id);
gboolean         plaza_unit_window_get_busy   (PlazaUnitWindow *self);
/* The unit as loaded (NULL before, or for a new unit). */
const PlazaUnit *plaza_unit_window_get_unit   (PlazaUnitWindow *self);
/* Its history (PlazaUnitEvent), NULL before it is loaded. */
GPtrArray       *plaza_unit_window_get_history (PlazaUnitWindow *self);
/* The ids of the units the last split made (empty before). */
GArray          *plaza_unit_window_get_new_ids (PlazaUnitWindow *self);
/* What the Split… dialog does once its parts add up: splits the unit
 * (a worker job); the window then closes on success. */
void             plaza_unit_window_split      (PlazaUnitWindow     *self,
                                               const PlazaUnitPart *parts,
                                               guint                n_parts);
/* What the Merge… dialog does: merges the unit with its neighbour
 * @other_id into @code. */
void             plaza_unit_window_merge      (PlazaUnitWindow *self,
                                               gint64           other_id,
                                               const char      *code);
/* Opens the Split… dialog (returned, owned by GTK). */
GtkWindow       *plaza_unit_window_open_split (PlazaUnitWindow *self);

G_END_DECLS
