/* plaza-record-column.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "plaza-record.h"

G_BEGIN_DECLS

/* A resizable column showing record column @text_column, sorted by
 * @int_column as integers when ≥ 0 (and then right-aligned), else by the
 * text. */
GtkColumnViewColumn *plaza_record_column_new (const char *title,
                                              guint       text_column,
                                              int         int_column,
                                              gboolean    expand);

G_END_DECLS
