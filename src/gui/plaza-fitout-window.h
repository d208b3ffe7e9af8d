/* plaza-fitout-window.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A contract's fit-out (二次装修, issue 6) in its own window: the fit-out
 * period, drawings (shop front, construction) as numbered versions
 * submitted, approved or rejected with comments, inspections, and the
 * opening date; overdue items marked.
 */

#pragma once

#include <adwaita.h>

#include "plaza-worker.h"

G_BEGIN_DECLS

#define PLAZA_TYPE_FITOUT_WINDOW (plaza_fitout_window_get_type ())
G_DECLARE_FINAL_TYPE (PlazaFitoutWindow, plaza_fitout_window, PLAZA, FITOUT_WINDOW, AdwWindow)

/* Opens the fit-out of contract @contract_id (created when it has none)
 * transient for @parent, or presents its window. */
PlazaFitoutWindow *plaza_fitout_window_open (GtkWindow   *parent,
                                             PlazaWorker *worker,
                                             gint64       contract_id);

G_END_DECLS
