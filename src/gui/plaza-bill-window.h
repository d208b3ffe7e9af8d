/* plaza-bill-window.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "plaza-billing-query.h"
#include "plaza-worker.h"

G_BEGIN_DECLS

#define PLAZA_TYPE_BILL_WINDOW (plaza_bill_window_get_type ())
G_DECLARE_FINAL_TYPE (PlazaBillWindow, plaza_bill_window, PLAZA, BILL_WINDOW, AdwWindow)

/* One bill in its own window; loads in the worker. Emits "changed" after
 * a credit note or supplementary bill was issued from it. */
PlazaBillWindow       *plaza_bill_window_new        (GtkWindow       *parent,
                                                     PlazaWorker     *worker,
                                                     gint64           bill_id);
/* The bill shown; NULL while loading. */
const PlazaBillDetail *plaza_bill_window_get_detail (PlazaBillWindow *self);
void                   plaza_bill_window_reload     (PlazaBillWindow *self);
/* What the correction dialogs do: with @kind NULL a credit note of
 * @amount fen for the reason @text, else a supplementary bill with one
 * line of @kind, @amount and the description @text. A toast says how it
 * went; on success "changed" is emitted and the bill reloaded. */
void                   plaza_bill_window_issue      (PlazaBillWindow *self,
                                                     const char      *kind,
                                                     gint64           amount,
                                                     const char      *text);
/* TRUE while the bill loads or a correction is being written. */
gboolean               plaza_bill_window_get_busy   (PlazaBillWindow *self);

G_END_DECLS
