/* plaza-list-page-live.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Live refresh for PlazaListPage: when another client changed a few
 * records, only their rows are read again (plaza_list_query_rows in a
 * worker job) and replaced in place, so the selection and the scroll
 * position stay. A removed record's row goes; a new one is added.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include "plaza-list-page.h"
#include "plaza-record.h"

typedef struct
{
  PlazaListKind  kind;
  GArray        *ids;      /* gint64 */
} RowsJob;

typedef struct
{
  PlazaListPage *self;
  GArray        *ids;
} RowsDone;

static void
rows_job_free (gpointer pointer)
{
  RowsJob *job = pointer;

  g_array_unref (job->ids);
  g_free (job);
}

static void
rows_done_free (RowsDone *done)
{
  g_object_unref (done->self);
  g_array_unref (done->ids);
  g_free (done);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RowsDone, rows_done_free)

/* In the worker thread. */
static gpointer
rows_func (PlazaStore    *store,
           gpointer       data,
           GCancellable  *cancellable G_GNUC_UNUSED,
           GError       **error)
{
  RowsJob *job = data;

  return plaza_list_query_rows (store, job->kind, (const gint64 *) job->ids->data, job->ids->len, error);
}

static gboolean
find_row (GListModel *model,
          gint64      id,
          guint      *position)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlazaRecord) r = g_list_model_get_item (model, i);

      if (plaza_record_get_id (r) == id)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

static void
rows_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(RowsDone) done = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = plaza_worker_run_finish (PLAZA_WORKER (source), result, &error);
  PlazaListPage *self = done->self;
  GListStore *store = G_LIST_STORE (plaza_list_page_get_rows (self));
  GtkSelectionModel *selection = plaza_list_page_get_selection (self);
  GListModel *shown = selection != NULL ? G_LIST_MODEL (selection) : NULL;
  g_autoptr(PlazaRecord) selected = NULL;
  gint64 selected_id = 0;
  guint position;

  if (rows == NULL)
    {
      g_debug ("rows by id: %s; reloading", error != NULL ? error->message : "?");
      plaza_list_page_invalidate (self);
      return;
    }
  /* A full load is under way: it may have read before this change, so
   * it starts again. */
  if (plaza_list_page_get_loading (self))
    {
      plaza_list_page_invalidate (self);
      return;
    }

  if (GTK_IS_SINGLE_SELECTION (selection))
    {
      selected = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (selection));
      if (selected != NULL)
        {
          g_object_ref (selected);
          selected_id = plaza_record_get_id (selected);
        }
    }

  for (guint i = 0; i < done->ids->len; i++)
    {
      gint64 id = g_array_index (done->ids, gint64, i);
      PlazaRecord *fresh = NULL;

      for (guint j = 0; j < rows->len; j++)
        if (plaza_record_get_id (g_ptr_array_index (rows, j)) == id)
          fresh = g_ptr_array_index (rows, j);
      if (find_row (G_LIST_MODEL (store), id, &position))
        {
          if (fresh != NULL)
            g_list_store_splice (store, position, 1, (gpointer *) &fresh, 1);
          else
            g_list_store_remove (store, position);
        }
      else if (fresh != NULL)
        g_list_store_append (store, fresh);
    }

  if (selected_id != 0 && shown != NULL && find_row (shown, selected_id, &position))
    gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (selection), position);
}

void
plaza_list_page_refresh_rows (PlazaListPage *self,
                              const gint64  *ids,
                              guint          n_ids)
{
  PlazaWorker *worker;
  RowsJob *job;
  RowsDone *done;

  g_return_if_fail (PLAZA_IS_LIST_PAGE (self));

  g_debug ("live: %u %s rows changed elsewhere", n_ids, plaza_list_kind_to_string (plaza_list_page_get_kind (self)));
  worker = plaza_list_page_get_worker (self);
  if (worker == NULL)
    return;
  /* Loaded rows are replaced even while the page is not on screen. */
  if (n_ids == 0 || n_ids > PLAZA_LIST_PAGE_REFRESH_MAX || plaza_list_page_get_kind (self) == PLAZA_LIST_SALES ||
      plaza_list_page_get_loading (self) || plaza_list_page_get_n_rows (self) == 0)
    {
      plaza_list_page_invalidate (self);
      return;
    }

  job = g_new0 (RowsJob, 1);
  job->kind = plaza_list_page_get_kind (self);
  job->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);
  g_array_append_vals (job->ids, ids, n_ids);
  done = g_new0 (RowsDone, 1);
  done->self = g_object_ref (self);
  done->ids = g_array_ref (job->ids);
  plaza_worker_run_async (worker, rows_func, job, rows_job_free, NULL, rows_done_cb, done);
}
