/* plaza-tenant-window.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One tenant in its own window (issue 6): everything about it in one
 * place — its archive (PlazaTenantForm), contracts, units, sales trend and
 * unusual sales, arrears, promotions, fit-out and complaints.
 */

#pragma once

#include <adwaita.h>

#include "plaza-worker.h"

G_BEGIN_DECLS

#define PLAZA_TYPE_TENANT_WINDOW (plaza_tenant_window_get_type ())
G_DECLARE_FINAL_TYPE (PlazaTenantWindow, plaza_tenant_window, PLAZA, TENANT_WINDOW, AdwWindow)

/* Opens tenant @id (0: a new tenant) transient for @parent, or presents
 * its window if it is open already. */
PlazaTenantWindow *plaza_tenant_window_open (GtkWindow   *parent,
                                             PlazaWorker *worker,
                                             gint64       id);

/* `plaza --tenant CODE`: once @window has its file open (waiting up to a
 * minute), finds the tenant with @code in the worker and opens it; an
 * unknown code is said in a message dialog. */
void               plaza_tenant_window_open_code (GtkWindow   *window,
                                                  const char  *code);

G_END_DECLS
