/* plaza-live-banner.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The generic hook for record windows: a banner that appears when another
 * client changes the window's record ("陈强 changed this tenant at 10:42 —
 * Reload"). Put it at the top of the window's content; connect "reload".
 */

#pragma once

#include <adwaita.h>

#include "plaza-worker.h"

G_BEGIN_DECLS

#define PLAZA_TYPE_LIVE_BANNER (plaza_live_banner_get_type ())
G_DECLARE_FINAL_TYPE (PlazaLiveBanner, plaza_live_banner, PLAZA, LIVE_BANNER, AdwBin)

/* Watches @worker's "changes" for @entity (its synonyms too) @entity_id. */
PlazaLiveBanner *plaza_live_banner_new        (PlazaWorker     *worker,
                                               const char      *entity,
                                               gint64           entity_id);
/* For windows whose record is set later (0: watch nothing). */
void             plaza_live_banner_set_record (PlazaLiveBanner *self,
                                               const char      *entity,
                                               gint64           entity_id);
/* The one-line hook for a record window: a banner for @entity @entity_id
 * put right under the window's header bar (which must sit in a vertical
 * GtkBox); "reload" calls @reload (@data swapped in as its only argument). */
PlazaLiveBanner *plaza_live_banner_attach     (GtkWindow       *window,
                                               PlazaWorker     *worker,
                                               const char      *entity,
                                               gint64           entity_id,
                                               GCallback        reload,
                                               gpointer         data);
/* Hides the banner (after the window reloaded, or saved). */
void             plaza_live_banner_dismiss    (PlazaLiveBanner *self);
gboolean         plaza_live_banner_is_shown   (PlazaLiveBanner *self);
/* What the banner says now ("" when hidden). */
const char      *plaza_live_banner_get_text   (PlazaLiveBanner *self);

G_END_DECLS
