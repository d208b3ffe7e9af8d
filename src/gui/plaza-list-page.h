/* plaza-list-page.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "plaza-list-query.h"
#include "plaza-worker.h"

G_BEGIN_DECLS

#define PLAZA_TYPE_LIST_PAGE (plaza_list_page_get_type ())
G_DECLARE_FINAL_TYPE (PlazaListPage, plaza_list_page, PLAZA, LIST_PAGE, AdwBin)

PlazaListPage *plaza_list_page_new           (PlazaListKind  kind);
PlazaListKind  plaza_list_page_get_kind      (PlazaListPage *self);
void           plaza_list_page_set_worker    (PlazaListPage *self,
                                              PlazaWorker   *worker);
/* Loads the rows again (cancelling a load in progress). */
void           plaza_list_page_reload        (PlazaListPage *self);
/* Loads the rows unless they are loaded and current. */
void           plaza_list_page_ensure_loaded (PlazaListPage *self);
/* Marks the rows out of date; a visible page reloads at once. */
void           plaza_list_page_invalidate    (PlazaListPage *self);
gboolean       plaza_list_page_get_loading   (PlazaListPage *self);
/* Rows loaded, and rows shown after the search. */
guint          plaza_list_page_get_n_rows    (PlazaListPage *self);
guint          plaza_list_page_get_n_visible (PlazaListPage *self);
void           plaza_list_page_set_search    (PlazaListPage *self,
                                              const char    *text);
void           plaza_list_page_focus_search  (PlazaListPage *self);
/* For tests: the record shown at @position (after search and sort). */
PlazaRecord   *plaza_list_page_get_visible   (PlazaListPage *self,
                                              guint          position);
/* Sorts by the column with @column_id. */
void           plaza_list_page_sort_by       (PlazaListPage *self,
                                              const char    *column_id,
                                              gboolean       descending);

/* Adds @widget at the end of the search bar (e.g. a "New" button). */
void           plaza_list_page_add_toolbar_widget (PlazaListPage *self,
                                                   GtkWidget     *widget);

/* Extra filtering by a page's own widgets, on top of the search. @func
 * returns TRUE to keep @record. */
typedef gboolean (*PlazaListPageFilterFunc) (PlazaRecord *record,
                                             gpointer     user_data);

/* Adds @widget right after the search entry (e.g. a filter bar). */
void           plaza_list_page_add_filter_widget  (PlazaListPage *self,
                                                   GtkWidget     *widget);
/* Sets the extra filter (NULL for none); @destroy frees @user_data. */
void           plaza_list_page_set_extra_filter   (PlazaListPage           *self,
                                                   PlazaListPageFilterFunc  func,
                                                   gpointer                 user_data,
                                                   GDestroyNotify           destroy);
/* Runs the filters again after the extra filter's settings changed;
 * @active says whether the extra filter hides anything now (the count
 * then reads "N of M rows"). */
void           plaza_list_page_refilter           (PlazaListPage *self,
                                                   gboolean       active);
/* Every loaded row (a GListModel of PlazaRecord, before any filter). */
GListModel    *plaza_list_page_get_rows           (PlazaListPage *self);
/* The column view's selection (over the sorted, filtered rows). */
GtkSelectionModel *plaza_list_page_get_selection  (PlazaListPage *self);
PlazaWorker   *plaza_list_page_get_worker         (PlazaListPage *self);
/* Another client changed records @ids: replaces just those rows in place
 * (a loaded page, on screen or not; keeps the selection and scroll position). More
 * than PLAZA_LIST_PAGE_REFRESH_MAX ids, no ids, or a list without plain
 * ids (sales): invalidates instead. In plaza-list-page-live.c. */
#define PLAZA_LIST_PAGE_REFRESH_MAX 50
void           plaza_list_page_refresh_rows       (PlazaListPage *self,
                                                   const gint64  *ids,
                                                   guint          n_ids);

G_END_DECLS
