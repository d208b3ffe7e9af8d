/* plaza-window.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "plaza-contract-detail.h"
#include "plaza-contract-editor.h"
#include "plaza-store.h"
#include "plaza-worker.h"

G_BEGIN_DECLS

#define PLAZA_TYPE_WINDOW (plaza_window_get_type ())
G_DECLARE_FINAL_TYPE (PlazaWindow, plaza_window, PLAZA, WINDOW, AdwApplicationWindow)

/* The page names of --page and win.show-page, NULL-terminated. */
const char * const *plaza_window_get_page_names  (void);
gboolean            plaza_window_is_page_name    (const char          *name);

/* @application may be NULL (tests). */
PlazaWindow        *plaza_window_new             (GtkApplication      *application);
/* Opens @path through the window's worker; errors are shown to the user. A
 * missing file is never created unless @flags has PLAZA_STORE_OPEN_CREATE. */
void                plaza_window_open            (PlazaWindow         *self,
                                                  const char          *path,
                                                  PlazaStoreOpenFlags  flags);
/* Opens (creating it the first time) the demo mall in the user data dir. */
void                plaza_window_open_demo       (PlazaWindow         *self);
/* Shows the welcome page (no database). */
void                plaza_window_show_welcome    (PlazaWindow         *self);
gboolean            plaza_window_set_page        (PlazaWindow         *self,
                                                  const char          *name);
const char         *plaza_window_get_page        (PlazaWindow         *self);
GtkWidget          *plaza_window_get_page_widget (PlazaWindow         *self,
                                                  const char          *name);
/* TRUE while a database is being opened or the demo made. */
gboolean            plaza_window_get_busy        (PlazaWindow         *self);
/* The open database's path, or NULL on the welcome page. */
const char         *plaza_window_get_path        (PlazaWindow         *self);
PlazaWorker        *plaza_window_get_worker      (PlazaWindow         *self);
/* Opens the contract editor for a new draft (NULL without a database). */
PlazaContractEditor *plaza_window_new_contract   (PlazaWindow         *self);
/* Opens contract @id in a detail window. */
PlazaContractDetail *plaza_window_open_contract  (PlazaWindow         *self,
                                                  gint64               id);

G_END_DECLS
