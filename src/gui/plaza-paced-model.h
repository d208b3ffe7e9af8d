/* plaza-paced-model.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PLAZA_TYPE_PACED_MODEL (plaza_paced_model_get_type ())
G_DECLARE_FINAL_TYPE (PlazaPacedModel, plaza_paced_model, PLAZA, PACED_MODEL, GObject)

/* A list model showing @source's items. A change that replaces the first
 * @head rows by a different number of rows (a list filling up, a search
 * that narrows or widens it) reaches the view @step rows per frame, since
 * GTK builds, styles and lays out every row it adds on screen in the
 * frame after it hears of it; other changes pass at once. */
PlazaPacedModel *plaza_paced_model_new        (GListModel      *source,
                                               guint            head,
                                               guint            step);
/* Paces by @widget's frames (one step per frame, so each frame lays out
 * only a step's new rows) while it is realized; else by idles. */
void             plaza_paced_model_set_widget (PlazaPacedModel *self,
                                               GtkWidget       *widget);
/* TRUE while the model is catching up with its source ("notify::busy"). */
gboolean         plaza_paced_model_get_busy   (PlazaPacedModel *self);

G_END_DECLS
