/* plaza-rent-preview.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PLAZA_TYPE_RENT_PREVIEW (plaza_rent_preview_get_type ())
G_DECLARE_FINAL_TYPE (PlazaRentPreview, plaza_rent_preview, PLAZA, RENT_PREVIEW, GtkWidget)

GtkWidget *plaza_rent_preview_new          (void);
/* @schedule: PlazaRentPeriod (plaza-rent.h), or NULL for none; copied. */
void       plaza_rent_preview_set_schedule (PlazaRentPreview *self,
                                            GArray           *schedule);
guint      plaza_rent_preview_get_n_bars   (PlazaRentPreview *self);
/* Month labels shown by the last drawing: those that would overlap are skipped. */
guint      plaza_rent_preview_get_n_labels (PlazaRentPreview *self);

G_END_DECLS
