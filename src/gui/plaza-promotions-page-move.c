/* plaza-promotions-page-move.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Promotions page's moves: a draft dragged on the timeline (or moved
 * with the arrow keys) is written in the worker with plaza_promotion_move ();
 * a toast says where it runs now and offers Undo, which moves it back from
 * the rev the move left; a refused move (an approved plan, a stale rev)
 * shows core's message. Either way the page reloads.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>

#include "charts/plaza-promotion-timeline.h"
#include "plaza-promotion-dates.h"
#include "plaza-promotions-page-private.h"

typedef struct
{
  gint64  id;
  gint64  rev;
  char   *start;
  char   *end;
  char   *old_start;
  char   *old_end;
  char   *code;
} MoveJob;

static void
move_job_free (gpointer data)
{
  MoveJob *job = data;

  g_free (job->start);
  g_free (job->end);
  g_free (job->old_start);
  g_free (job->old_end);
  g_free (job->code);
  g_free (job);
}

static gpointer
move_job_run (PlazaStore   *store,
              gpointer      data,
              GCancellable *cancellable G_GNUC_UNUSED,
              GError      **error)
{
  MoveJob *job = data;
  gint64 rev = plaza_promotion_move (store, job->id, job->rev, job->start, job->end, error);

  if (rev == 0)
    return NULL;
  job->rev = rev;
  return GINT_TO_POINTER (1);
}

static void start_move (PlazaPromotionsPage *self,
                        gint64               id,
                        gint64               rev,
                        const char          *code,
                        const char          *old_start,
                        const char          *old_end,
                        const char          *start,
                        const char          *end,
                        gboolean             undo);

typedef struct
{
  PlazaPromotionsPage *self;
  MoveJob             *job;   /* owned by the worker until the callback */
  gboolean             undo;
} MoveData;

static void
undo_move_cb (AdwToast *t G_GNUC_UNUSED,
              gpointer  user_data)
{
  MoveJob *job = user_data;
  PlazaPromotionsPage *self = g_object_get_data (G_OBJECT (t), "page");

  if (self != NULL)
    start_move (self, job->id, job->rev, job->code, job->start, job->end, job->old_start, job->old_end, TRUE);
}

static void
move_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  MoveData *move = user_data;
  PlazaPromotionsPage *self = move->self;
  g_autoptr(GError) error = NULL;
  gpointer ok = plaza_worker_run_finish (PLAZA_WORKER (source), result, &error);

  plaza_promotions_page_set_loading (self, FALSE);
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      AdwToast *t;

      if (ok == NULL)
        t = adw_toast_new (error != NULL ? error->message : _("The promotion could not be moved."));
      else
        {
          g_autofree char *title = g_strdup_printf (_("%s now runs %s – %s"), move->job->code,
                                                    move->job->start, move->job->end);
          MoveJob *copy = g_new0 (MoveJob, 1);

          t = adw_toast_new (title);
          if (!move->undo)
            {
              copy->id = move->job->id;
              copy->rev = move->job->rev;
              copy->code = g_strdup (move->job->code);
              copy->start = g_strdup (move->job->start);
              copy->end = g_strdup (move->job->end);
              copy->old_start = g_strdup (move->job->old_start);
              copy->old_end = g_strdup (move->job->old_end);
              adw_toast_set_button_label (t, _("_Undo"));
              g_object_set_data_full (G_OBJECT (t), "move", copy, move_job_free);
              g_object_set_data_full (G_OBJECT (t), "page", g_object_ref (self), g_object_unref);
              g_signal_connect (t, "button-clicked", G_CALLBACK (undo_move_cb), copy);
            }
          else
            move_job_free (copy);
        }
      plaza_promotions_page_toast (self, t);
      plaza_promotions_page_reload (self);
    }
  move_job_free (move->job);
  g_object_unref (self);
  g_free (move);
}

static void
start_move (PlazaPromotionsPage *self,
            gint64               id,
            gint64               rev,
            const char          *code,
            const char          *old_start,
            const char          *old_end,
            const char          *start,
            const char          *end,
            gboolean             undo)
{
  MoveJob *job = g_new0 (MoveJob, 1);
  MoveData *move = g_new0 (MoveData, 1);

  job->id = id;
  job->rev = rev;
  job->code = g_strdup (code);
  job->old_start = g_strdup (old_start);
  job->old_end = g_strdup (old_end);
  job->start = g_strdup (start);
  job->end = g_strdup (end);
  move->self = g_object_ref (self);
  move->job = job;
  move->undo = undo;
  plaza_promotions_page_set_loading (self, TRUE);
  /* move_done reads the job (its new rev) and frees it */
  plaza_worker_run_async (self->worker, move_job_run, job, NULL, self->lifetime, move_done, move);
}

void
plaza_promotions_page_move_requested_cb (PlazaPromotionsPage *self,
                                         gint64               id,
                                         gint64               rev,
                                         const char          *start,
                                         const char          *end)
{
  GPtrArray *spans = plaza_promotion_timeline_get_spans (self->timeline);

  if (self->worker == NULL)
    return;
  if (plaza_worker_is_read_only (self->worker))
    {
      plaza_promotions_page_toast (self, adw_toast_new (_("The file is read only: the promotion cannot be moved.")));
      plaza_promotions_page_reload (self);
      return;
    }
  for (guint i = 0; spans != NULL && i < spans->len; i++)
    {
      const PlazaPromotionSpan *span = g_ptr_array_index (spans, i);

      if (span->id == id)
        {
          start_move (self, id, rev, span->code, span->start_date, span->end_date, start, end, FALSE);
          return;
        }
    }
}
