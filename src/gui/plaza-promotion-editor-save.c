/* plaza-promotion-editor-save.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Saving and closing the promotion editor: the plan goes to the worker
 * (created as a draft, or updated at the rev it was loaded at: a CONFLICT
 * changes nothing and the shared conflict dialog says who changed what and
 * offers Keep Editing, Reload Theirs or Save Mine Over Theirs; a busy file
 * ends in a toast with Retry). Before saving, the clash
 * check's findings and — for an approved plan that was unlocked — the
 * return to Submitted are shown for confirmation. Closing with unsaved
 * changes asks first.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-conflict-dialog.h"
#include "plaza-list-query.h"
#include "plaza-promotion-editor-private.h"

/* Saving. */

typedef struct
{
  gint64  id;
  gint64  rev;
  char   *state;
  char   *code;
} Saved;

static void
saved_free (Saved *s)
{
  g_free (s->state);
  g_free (s->code);
  g_free (s);
}

typedef struct
{
  PlazaPromotion *promotion;
  gboolean        over;      /* save over someone else's save: at the current rev */
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  plaza_promotion_free (job->promotion);
  g_free (job);
}

static gpointer
save_func (PlazaStore    *store,
           gpointer       data,
           GCancellable  *cancellable G_GNUC_UNUSED,
           GError       **error)
{
  SaveJob *job = data;
  PlazaPromotion *p = job->promotion;
  Saved *s;

  if (job->over && p->id > 0)
    {
      g_autoptr(PlazaPromotion) current = plaza_promotion_load (store, p->id, error);

      if (current == NULL)
        return NULL;
      p->rev = current->rev;
    }
  if (p->id == 0 ? !plaza_promotion_create (store, p, error) : !plaza_promotion_update (store, p, error))
    return NULL;
  s = g_new0 (Saved, 1);
  s->id = p->id;
  s->rev = p->rev;
  s->state = g_strdup (p->state);
  s->code = g_strdup (p->code);
  return s;
}

static void conflict_answer_cb (GObject               *owner,
                                PlazaConflictResponse  response);

static void
save_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PlazaPromotionEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  Saved *s = plaza_worker_run_finish (PLAZA_WORKER (source), result, &error);
  g_autofree char *message = NULL;

  plaza_promotion_editor_set_busy (self, FALSE);
  if (s == NULL)
    {
      if (g_error_matches (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_CONFLICT))
        plaza_conflict_dialog_show (GTK_WIDGET (self), self->worker, "promotion", self->id, self->seq, error,
                                    conflict_answer_cb, G_OBJECT (self));
      else if (g_error_matches (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_BUSY))
        adw_toast_overlay_add_toast (self->toasts,
                                     plaza_conflict_busy_toast_new (G_CALLBACK (plaza_promotion_editor_save_clicked),
                                                                    self));
      else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        plaza_promotion_editor_show_error (self, error);
      return;
    }
  self->id = s->id;
  self->rev = s->rev;
  self->dirty = FALSE;
  self->unlocked = FALSE;
  g_free (self->state);
  self->state = g_strdup (s->state);
  g_free (self->code);
  self->code = g_strdup (s->code);
  message = g_strdup_printf (_("Saved %s (%s)"), s->code, plaza_state_label (s->state));
  saved_free (s);
  plaza_promotion_editor_toast (self, message);
  plaza_promotion_editor_emit_saved (self);
  plaza_promotion_editor_reload (self);
}

static gboolean
save_now (PlazaPromotionEditor *self,
          gboolean              over)
{
  PlazaPromotion *p;
  SaveJob *job;

  if (self->busy > 0 || self->conflict || !plaza_promotion_editor_is_editable (self)
      || !plaza_promotion_editor_validate (self))
    return FALSE;
  p = plaza_promotion_editor_read_form (self);
  p->id = self->id;
  p->rev = self->rev;
  g_free (p->code);
  p->code = self->id > 0 ? g_strdup (self->code) : NULL;
  plaza_promotion_editor_show_error (self, NULL);
  plaza_promotion_editor_set_busy (self, TRUE);
  job = g_new0 (SaveJob, 1);
  job->promotion = p;
  job->over = over;
  plaza_worker_run_async (self->worker, save_func, job, (GDestroyNotify) save_job_free, self->cancellable,
                          save_done_cb, g_object_ref (self));
  return TRUE;
}

gboolean
plaza_promotion_editor_save_now (PlazaPromotionEditor *self)
{
  g_return_val_if_fail (PLAZA_IS_PROMOTION_EDITOR (self), FALSE);
  return save_now (self, FALSE);
}

/* The answer to the shared conflict dialog. */
static void
conflict_answer_cb (GObject               *owner,
                    PlazaConflictResponse  response)
{
  PlazaPromotionEditor *self = PLAZA_PROMOTION_EDITOR (owner);

  if (response == PLAZA_CONFLICT_RELOAD)
    {
      self->dirty = FALSE;
      plaza_promotion_editor_reload (self);
    }
  else if (response == PLAZA_CONFLICT_SAVE_OVER)
    save_now (self, TRUE);
}

static void
save_response_cb (AdwMessageDialog     *dialog G_GNUC_UNUSED,
                  const char           *response,
                  PlazaPromotionEditor *self)
{
  if (g_str_equal (response, "save"))
    plaza_promotion_editor_save_now (self);
}

void
plaza_promotion_editor_save_clicked (PlazaPromotionEditor *self)
{
  g_autofree char *clashes = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  gboolean back = g_strcmp0 (self->state, "approved") == 0 && self->unlocked;
  GtkWidget *dialog;

  if (!gtk_widget_get_sensitive (self->save_button) || !gtk_widget_get_visible (self->save_button))
    return;
  clashes = plaza_promotion_editor_describe_clashes (self);
  if (clashes == NULL && !back)
    {
      plaza_promotion_editor_save_now (self);
      return;
    }
  if (back)
    g_string_append (body, _("This plan is approved: saving your changes sends it back to Submitted, to be approved again."));
  if (clashes != NULL)
    {
      if (body->len > 0)
        g_string_append (body, "\n\n");
      g_string_append (body, clashes);
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save the Promotion?"), body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (save_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Closing. */

static gboolean
close_idle_cb (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
discard_response_cb (AdwMessageDialog     *dialog G_GNUC_UNUSED,
                     const char           *response,
                     PlazaPromotionEditor *self)
{
  if (g_str_equal (response, "discard"))
    {
      /* Closed once the dialog, transient for this window, is gone. */
      self->dirty = FALSE;
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_idle_cb, g_object_ref (self), g_object_unref);
    }
  else if (g_str_equal (response, "save"))
    plaza_promotion_editor_save_clicked (self);
}

gboolean
plaza_promotion_editor_close_request (GtkWindow *window)
{
  PlazaPromotionEditor *self = PLAZA_PROMOTION_EDITOR (window);
  GtkWidget *dialog;

  if (!self->dirty || !plaza_promotion_editor_is_editable (self) || self->state == NULL)
    return GTK_WINDOW_CLASS (g_type_class_peek_parent (G_OBJECT_GET_CLASS (window)))->close_request (window);
  dialog = adw_message_dialog_new (window, _("Discard the Changes?"),
                                   _("The promotion has changes that are not saved."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Keep Editing"),
                                    "discard", _("_Discard"), NULL);
  if (gtk_widget_get_sensitive (self->save_button))
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "save", _("_Save"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
    }
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

gboolean
plaza_promotion_editor_save_shortcut_cb (GtkWidget *widget,
                  GVariant  *args G_GNUC_UNUSED,
                  gpointer   user_data G_GNUC_UNUSED)
{
  plaza_promotion_editor_save_clicked (PLAZA_PROMOTION_EDITOR (widget));
  return TRUE;
}
