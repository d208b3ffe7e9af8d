/* plaza-promotion-editor.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The promotion editor's window: one per promotion. The header shows the
 * code, name and state with the buttons the state allows; the plan page
 * holds the form (plaza-promotion-editor-form.c), the participants
 * (-participants.c) and the posters and tenant files (-actions.c); a
 * promotion that has ended gets an Evaluation page. Loading runs in the
 * worker; saving and closing are in plaza-promotion-editor-save.c. Ctrl+S
 * saves, Escape closes (asking first when there are unsaved changes).
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "plaza-attachment.h"
#include "plaza-role-guard.h"
#include "plaza-change-log.h"
#include "plaza-history-window.h"
#include "plaza-list-query.h"
#include "plaza-live-banner.h"
#include "plaza-lock-wait-bar.h"
#include "plaza-money.h"
#include "plaza-promotion-editor-private.h"
#include "plaza-promotion-eval-view.h"

G_DEFINE_FINAL_TYPE (PlazaPromotionEditor, plaza_promotion_editor, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
plaza_promotion_editor_clear_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    {
      if (GTK_IS_LIST_BOX (widget))
        gtk_list_box_remove (GTK_LIST_BOX (widget), child);
      else
        gtk_box_remove (GTK_BOX (widget), child);
    }
}

void
plaza_promotion_editor_toast (PlazaPromotionEditor *self,
                              const char           *message)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
}

void
plaza_promotion_editor_emit_saved (PlazaPromotionEditor *self)
{
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, self->id);
}

void
plaza_promotion_editor_show_error (PlazaPromotionEditor *self,
                                   const GError         *error)
{
  gboolean conflict = error != NULL && g_error_matches (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_CONFLICT);

  self->conflict = conflict;
  gtk_widget_set_visible (self->error_box, error != NULL);
  gtk_widget_set_visible (self->reload_button, conflict);
  if (conflict)
    {
      g_autofree char *text =
        g_strdup_printf (_("Someone else changed this promotion since you opened it (%s). Nothing was saved: "
                           "Reload to see their changes."), error->message);

      gtk_label_set_label (self->error_label, text);
    }
  else if (error != NULL)
    gtk_label_set_label (self->error_label, error->message);
  plaza_promotion_editor_update_state (self);
}

void
plaza_promotion_editor_set_busy (PlazaPromotionEditor *self,
                                 gboolean              busy)
{
  if (busy)
    self->busy++;
  else if (self->busy > 0)
    self->busy--;
  gtk_spinner_set_spinning (self->spinner, self->busy > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->busy > 0);
  plaza_promotion_editor_update_state (self);
}

static gboolean
state_is (PlazaPromotionEditor *self,
          const char           *state)
{
  return self->state != NULL && g_str_equal (self->state, state);
}

gboolean
plaza_promotion_editor_is_editable (PlazaPromotionEditor *self)
{
  if (self->state == NULL || state_is (self, "cancelled"))
    return FALSE;
  if (self->worker != NULL && plaza_worker_is_read_only (self->worker))
    return FALSE;
  if (state_is (self, "approved"))
    return self->unlocked;
  return TRUE;
}

static gboolean
has_ended (PlazaPromotionEditor *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  return self->id > 0 && self->loaded_end != NULL && !state_is (self, "cancelled")
         && !state_is (self, "rejected") && strcmp (self->loaded_end, today) < 0;
}

void
plaza_promotion_editor_update_state (PlazaPromotionEditor *self)
{
  static const char * const classes[] = { "accent", "success", "warning", "error", "dim-label" };
  gboolean editable = plaza_promotion_editor_is_editable (self);
  gboolean writable = self->worker != NULL && !plaza_worker_is_read_only (self->worker);
  gboolean idle = self->busy == 0 && self->state != NULL && writable;
  gboolean saved = self->id > 0;
  g_autofree char *title = NULL;
  const char *css = "dim-label";

  if (saved)
    title = g_strdup_printf ("%s %s", self->code != NULL ? self->code : "", _("Promotion"));
  adw_window_title_set_title (self->title, saved ? self->code : _("New Promotion"));
  gtk_window_set_title (GTK_WINDOW (self), saved ? title : _("New Promotion"));

  gtk_widget_set_visible (GTK_WIDGET (self->state_label), self->state != NULL && saved);
  if (self->state != NULL)
    {
      gtk_label_set_label (self->state_label, plaza_state_label (self->state));
      for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
        gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), classes[i]);
      if (state_is (self, "submitted"))
        css = "accent";
      else if (state_is (self, "approved"))
        css = "success";
      else if (state_is (self, "rejected"))
        css = "error";
      else if (state_is (self, "cancelled"))
        css = "warning";
      gtk_widget_add_css_class (GTK_WIDGET (self->state_label), css);
    }

  gtk_widget_set_sensitive (self->form, editable);
  gtk_widget_set_visible (self->lock_box, writable && state_is (self, "approved") && !self->unlocked);

  gtk_widget_set_visible (self->save_button, editable);
  gtk_widget_set_sensitive (self->save_button, idle && editable && self->valid && self->dirty && !self->conflict);
  gtk_widget_set_visible (self->submit_button, saved && state_is (self, "draft"));
  gtk_widget_set_sensitive (self->submit_button, idle && !self->dirty && !self->conflict);
  gtk_widget_set_visible (self->approve_button, saved && state_is (self, "submitted"));
  gtk_widget_set_sensitive (self->approve_button, idle && !self->dirty && !self->conflict);
  gtk_widget_set_visible (self->reject_button, saved && state_is (self, "submitted"));
  gtk_widget_set_sensitive (self->reject_button, idle && !self->dirty && !self->conflict);
  gtk_widget_set_visible (self->cancel_group,
                          saved && (state_is (self, "draft") || state_is (self, "submitted")
                                    || state_is (self, "approved")));
  gtk_widget_set_sensitive (self->cancel_button, idle && !self->conflict);
  gtk_widget_set_visible (self->edit_button, state_is (self, "approved") && !self->unlocked);
  gtk_widget_set_sensitive (self->edit_button, idle && !self->conflict);

  gtk_widget_set_visible (self->attach_group, saved);
  gtk_widget_set_visible (self->files_group, saved);
  gtk_widget_set_sensitive (self->notices_button, self->busy == 0 && saved);
  gtk_widget_set_sensitive (self->list_button, self->busy == 0 && saved);
}

void
plaza_promotion_editor_changed (PlazaPromotionEditor *self)
{
  if (self->filling)
    return;
  self->dirty = TRUE;
  plaza_promotion_editor_validate (self);
  plaza_promotion_editor_schedule_clash_check (self);
  plaza_promotion_editor_update_state (self);
}

/* Loading. */

typedef struct
{
  PlazaPromotion *promotion;     /* NULL for a new plan */
  GPtrArray      *names;         /* PlazaPromotionChoice per participant */
  GPtrArray      *floors;
  GPtrArray      *categories;
  GPtrArray      *attachments;
  GPtrArray      *problems;
  gint64          seq;           /* the change log's last seq, read first */
} Loaded;

static void
loaded_free (Loaded *l)
{
  g_clear_pointer (&l->promotion, plaza_promotion_free);
  g_clear_pointer (&l->names, g_ptr_array_unref);
  g_clear_pointer (&l->floors, g_ptr_array_unref);
  g_clear_pointer (&l->categories, g_ptr_array_unref);
  g_clear_pointer (&l->attachments, g_ptr_array_unref);
  g_clear_pointer (&l->problems, g_ptr_array_unref);
  g_free (l);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Loaded, loaded_free)

static gpointer
load_func (PlazaStore    *store,
           gpointer       data,
           GCancellable  *cancellable G_GNUC_UNUSED,
           GError       **error)
{
  gint64 id = *(gint64 *) data;
  g_autoptr(Loaded) l = g_new0 (Loaded, 1);

  l->seq = MAX (plaza_change_log_last_seq (store, NULL), 0);
  l->floors = plaza_promotion_floor_choices (store, error);
  if (l->floors == NULL)
    return NULL;
  l->categories = plaza_promotion_category_choices (store, error);
  if (l->categories == NULL)
    return NULL;
  if (id == 0)
    {
      l->names = g_ptr_array_new_with_free_func ((GDestroyNotify) plaza_promotion_choice_free);
      return g_steal_pointer (&l);
    }

  l->promotion = plaza_promotion_load (store, id, error);
  if (l->promotion == NULL)
    return NULL;
  {
    g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

    for (guint i = 0; i < l->promotion->participants->len; i++)
      {
        const PlazaPromotionParticipant *pp = l->promotion->participants->pdata[i];

        g_array_append_val (ids, pp->tenant_id);
      }
    l->names = plaza_promotion_tenant_choices (store, ids, error);
    if (l->names == NULL)
      return NULL;
  }

  l->attachments = plaza_attachment_list (store, "promotion", id, error);
  if (l->attachments == NULL)
    return NULL;
  l->problems = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < l->attachments->len; i++)
    {
      const PlazaAttachment *a = l->attachments->pdata[i];
      g_autoptr(GError) local_error = NULL;

      g_ptr_array_add (l->problems, plaza_attachment_check (store, a->id, &local_error)
                                    ? NULL : g_strdup (local_error->message));
    }
  return g_steal_pointer (&l);
}

static void
show_evaluation (PlazaPromotionEditor *self)
{
  gboolean ended = has_ended (self);

  if (ended && self->eval_view == NULL)
    {
      self->eval_view = plaza_promotion_eval_view_new (self->worker, self->id);
      gtk_widget_set_vexpand (self->eval_view, TRUE);
      gtk_box_append (GTK_BOX (self->eval_page), self->eval_view);
    }
  else if (ended)
    plaza_promotion_eval_view_reload (PLAZA_PROMOTION_EVAL_VIEW (self->eval_view));
  gtk_widget_set_visible (self->eval_page, ended);
  gtk_widget_set_visible (self->switcher, ended);
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PlazaPromotionEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(Loaded) l = plaza_worker_run_finish (PLAZA_WORKER (source), result, &error);
  PlazaPromotion *p;

  plaza_promotion_editor_set_busy (self, FALSE);
  if (l == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        plaza_promotion_editor_show_error (self, error);
      return;
    }

  g_clear_pointer (&self->floors, g_ptr_array_unref);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  self->floors = g_steal_pointer (&l->floors);
  self->categories = g_steal_pointer (&l->categories);
  g_clear_pointer (&self->attachment_list, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  self->attachment_list = g_steal_pointer (&l->attachments);
  self->problems = g_steal_pointer (&l->problems);

  p = l->promotion;
  self->seq = l->seq;
  self->filling = TRUE;
  plaza_promotion_editor_clear_participants (self);
  if (p != NULL)
    {
      self->rev = p->rev;
      g_free (self->code);
      self->code = g_strdup (p->code);
      g_free (self->state);
      self->state = g_strdup (p->state);
      g_free (self->loaded_end);
      self->loaded_end = g_strdup (p->end_date);
      plaza_promotion_editor_fill_form (self, p);
      for (guint i = 0; i < p->participants->len; i++)
        {
          const PlazaPromotionParticipant *pp = p->participants->pdata[i];
          const PlazaPromotionChoice *ref = l->names->pdata[i];
          g_autofree char *fee = plaza_money_format (pp->fee, FALSE);

          plaza_promotion_editor_add_participant (self, pp->tenant_id, ref->label, ref->detail, pp->offer,
                                                  pp->status, fee);
        }
      adw_window_title_set_subtitle (self->title, p->name);
    }
  else
    {
      g_autoptr(PlazaPromotion) fresh = plaza_promotion_new ();

      g_free (self->state);
      self->state = g_strdup ("draft");
      g_free (fresh->start_date);
      fresh->start_date = g_strdup (self->initial_start != NULL ? self->initial_start : "");
      g_free (fresh->end_date);
      fresh->end_date = g_strdup (self->initial_end != NULL ? self->initial_end : "");
      plaza_promotion_editor_fill_form (self, fresh);
    }
  self->filling = FALSE;
  self->dirty = p == NULL;
  self->unlocked = FALSE;
  plaza_promotion_editor_show_error (self, NULL);
  plaza_promotion_editor_show_attachments (self);
  plaza_promotion_editor_validate (self);
  plaza_promotion_editor_schedule_clash_check (self);
  show_evaluation (self);
  if (self->show_evaluation_when_loaded && gtk_widget_get_visible (self->eval_page))
    adw_view_stack_set_visible_child_name (self->stack, "evaluation");
  self->show_evaluation_when_loaded = FALSE;
  plaza_promotion_editor_update_state (self);
}

void
plaza_promotion_editor_reload (PlazaPromotionEditor *self)
{
  gint64 *id = g_new (gint64, 1);

  *id = self->id;
  self->conflict = FALSE;
  plaza_promotion_editor_set_busy (self, TRUE);
  plaza_worker_run_async (self->worker, load_func, id, g_free, self->cancellable, load_done_cb, g_object_ref (self));
}

/* Building. */

static GtkWidget *
header_button (PlazaPromotionEditor *self,
               const char           *label,
               GCallback             callback)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  g_signal_connect_swapped (button, "clicked", callback, self);
  return button;
}

static GtkWidget *
build_header (PlazaPromotionEditor *self)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *start = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *end = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("New Promotion"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));

  self->state_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->state_label), "heading");
  gtk_widget_set_valign (GTK_WIDGET (self->state_label), GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (start), GTK_WIDGET (self->state_label));
  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  gtk_box_append (GTK_BOX (start), GTK_WIDGET (self->spinner));
  self->switcher = adw_view_switcher_new ();
  adw_view_switcher_set_stack (ADW_VIEW_SWITCHER (self->switcher), self->stack);
  adw_view_switcher_set_policy (ADW_VIEW_SWITCHER (self->switcher), ADW_VIEW_SWITCHER_POLICY_WIDE);
  gtk_widget_set_visible (self->switcher, FALSE);
  gtk_box_append (GTK_BOX (start), self->switcher);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), start);

  self->save_button = header_button (self, _("_Save"), G_CALLBACK (plaza_promotion_editor_save_clicked));
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  gtk_widget_set_tooltip_text (self->save_button, _("Save (Ctrl+S)"));
  self->submit_button = header_button (self, _("Submit for _Approval"), G_CALLBACK (plaza_promotion_editor_submit_clicked));
  self->reject_button = header_button (self, _("_Reject…"), G_CALLBACK (plaza_promotion_editor_reject_clicked));
  self->approve_button = header_button (self, _("_Approve"), G_CALLBACK (plaza_promotion_editor_approve_clicked));
  gtk_widget_add_css_class (self->approve_button, "suggested-action");
  gtk_box_append (GTK_BOX (end), self->submit_button);
  gtk_box_append (GTK_BOX (end), self->reject_button);
  gtk_box_append (GTK_BOX (end), self->approve_button);
  gtk_box_append (GTK_BOX (end), self->save_button);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), end);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header),
                           plaza_history_button_new (GTK_WINDOW (self), "promotion", G_STRUCT_OFFSET (PlazaPromotionEditor, worker),
                                                     G_STRUCT_OFFSET (PlazaPromotionEditor, id)));
  return header;
}

static GtkWidget *
bar_box (const char *css,
         const char *icon_name)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

  gtk_widget_add_css_class (box, "card");
  if (g_str_equal (css, "error"))
    gtk_widget_add_css_class (box, css);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_start (icon, 12);
  gtk_widget_add_css_class (icon, css);
  gtk_box_append (GTK_BOX (box), icon);
  return box;
}

static GtkWidget *
bar_label (GtkWidget  *box,
           const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_top (label, 8);
  gtk_widget_set_margin_bottom (label, 8);
  gtk_box_append (GTK_BOX (box), label);
  return label;
}

static void
plaza_promotion_editor_init (PlazaPromotionEditor *self)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *plan = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  AdwViewStackPage *stack_page;

  self->cancellable = g_cancellable_new ();
  self->floor_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->category_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->entries = g_hash_table_new (g_str_hash, g_str_equal);
  self->rows = g_hash_table_new (g_str_hash, g_str_equal);
  self->hints = g_hash_table_new (g_str_hash, g_str_equal);
  self->participants = g_ptr_array_new_with_free_func ((GDestroyNotify) plaza_promotion_editor_participant_free);

  gtk_window_set_default_size (GTK_WINDOW (self), 860, 780);
  self->stack = ADW_VIEW_STACK (adw_view_stack_new ());
  gtk_box_append (GTK_BOX (outer), build_header (self));

  self->error_box = bar_box ("error", "dialog-error-symbolic");
  self->error_label = GTK_LABEL (bar_label (self->error_box, NULL));
  self->reload_button = gtk_button_new_with_mnemonic (_("_Reload"));
  gtk_widget_set_valign (self->reload_button, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_end (self->reload_button, 8);
  g_signal_connect_swapped (self->reload_button, "clicked", G_CALLBACK (plaza_promotion_editor_reload), self);
  gtk_box_append (GTK_BOX (self->error_box), self->reload_button);
  gtk_widget_set_visible (self->error_box, FALSE);
  gtk_box_append (GTK_BOX (outer), self->error_box);

  self->lock_box = bar_box ("dim-label", "changes-prevent-symbolic");
  bar_label (self->lock_box, _("Approved plans are locked. Edit to send it back for approval."));
  self->edit_button = gtk_button_new_with_mnemonic (_("_Edit"));
  gtk_widget_set_valign (self->edit_button, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_end (self->edit_button, 8);
  g_signal_connect_swapped (self->edit_button, "clicked", G_CALLBACK (plaza_promotion_editor_edit_clicked), self);
  gtk_box_append (GTK_BOX (self->lock_box), self->edit_button);
  gtk_widget_set_visible (self->lock_box, FALSE);
  gtk_box_append (GTK_BOX (plan), self->lock_box);

  self->clash_box = bar_box ("warning", "dialog-warning-symbolic");
  self->clash_label = GTK_LABEL (bar_label (self->clash_box, NULL));
  gtk_widget_set_visible (self->clash_box, FALSE);
  gtk_box_append (GTK_BOX (plan), self->clash_box);

  gtk_widget_set_margin_top (page, 18);
  gtk_widget_set_margin_bottom (page, 24);
  gtk_widget_set_margin_start (page, 12);
  gtk_widget_set_margin_end (page, 12);
  self->form = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_box_append (GTK_BOX (page), self->form);
  plaza_promotion_editor_build_form (self, GTK_BOX (self->form));
  plaza_promotion_editor_build_participants (self, GTK_BOX (self->form));
  plaza_promotion_editor_build_files (self, GTK_BOX (page));
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  adw_clamp_set_child (ADW_CLAMP (clamp), page);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (plan), scrolled);
  stack_page = adw_view_stack_add_titled (self->stack, plan, "plan", _("Plan"));
  adw_view_stack_page_set_icon_name (stack_page, "document-edit-symbolic");

  self->eval_page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  stack_page = adw_view_stack_add_titled (self->stack, self->eval_page, "evaluation", _("Evaluation"));
  adw_view_stack_page_set_icon_name (stack_page, "x-office-spreadsheet-symbolic");
  gtk_widget_set_visible (self->eval_page, FALSE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_box_append (GTK_BOX (outer), GTK_WIDGET (self->stack));

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, outer);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toasts));
  plaza_promotion_editor_update_state (self);
}

static void
plaza_promotion_editor_dispose (GObject *object)
{
  PlazaPromotionEditor *self = PLAZA_PROMOTION_EDITOR (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->clash_cancellable != NULL)
    g_cancellable_cancel (self->clash_cancellable);
  g_clear_handle_id (&self->clash_timeout, g_source_remove);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->clash_cancellable);
  g_clear_object (&self->worker);

  G_OBJECT_CLASS (plaza_promotion_editor_parent_class)->dispose (object);
}

static void
plaza_promotion_editor_finalize (GObject *object)
{
  PlazaPromotionEditor *self = PLAZA_PROMOTION_EDITOR (object);

  g_free (self->code);
  g_free (self->state);
  g_free (self->loaded_end);
  g_free (self->initial_start);
  g_free (self->initial_end);
  g_clear_pointer (&self->clashes, g_ptr_array_unref);
  g_clear_pointer (&self->floors, g_ptr_array_unref);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->attachment_list, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_array_unref (self->floor_ids);
  g_array_unref (self->category_ids);
  g_ptr_array_unref (self->participants);
  g_hash_table_unref (self->entries);
  g_hash_table_unref (self->rows);
  g_hash_table_unref (self->hints);

  G_OBJECT_CLASS (plaza_promotion_editor_parent_class)->finalize (object);
}

static void
plaza_promotion_editor_class_init (PlazaPromotionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = plaza_promotion_editor_dispose;
  object_class->finalize = plaza_promotion_editor_finalize;
  window_class->close_request = plaza_promotion_editor_close_request;

  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                        NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, plaza_promotion_editor_save_shortcut_cb,
                                NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

/* Public. */

static PlazaPromotionEditor *
find_open (gint64 id)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; id > 0 && i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (PLAZA_IS_PROMOTION_EDITOR (w) && PLAZA_PROMOTION_EDITOR (w)->id == id)
        return PLAZA_PROMOTION_EDITOR (w);
    }
  return NULL;
}

/* Under the header: "陈强 changed this promotion at 10:42 — Reload". */
static void
add_live_banner (PlazaPromotionEditor *self)
{
  GtkWidget *outer = adw_toast_overlay_get_child (self->toasts);
  PlazaLiveBanner *banner = plaza_live_banner_new (self->worker, "promotion", self->id);

  g_signal_connect_object (banner, "reload", G_CALLBACK (plaza_promotion_editor_reload), self, G_CONNECT_SWAPPED);
  gtk_box_insert_child_after (GTK_BOX (outer), GTK_WIDGET (banner), gtk_widget_get_first_child (outer));
}

/* Someone else committed: show it, unless the user is editing. */
static void
worker_changed_cb (PlazaPromotionEditor *self)
{
  if (self->id > 0 && self->busy == 0 && !self->dirty && !self->unlocked)
    plaza_promotion_editor_reload (self);
}

static PlazaPromotionEditor *
create (GtkWindow   *parent,
        PlazaWorker *worker,
        gint64       id,
        const char  *start,
        const char  *end)
{
  PlazaPromotionEditor *self = find_open (id);

  if (self != NULL)
    {
      gtk_window_present (GTK_WINDOW (self));
      return self;
    }
  self = g_object_new (PLAZA_TYPE_PROMOTION_EDITOR, "transient-for", parent, NULL);
  if (parent != NULL && gtk_window_get_application (parent) != NULL)
    gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
  self->worker = g_object_ref (worker);
  /* "Waiting for another computer to finish saving…" under the header. */
  plaza_lock_wait_bar_attach (GTK_BOX (gtk_widget_get_parent (self->error_box)), self->error_box, worker);
  g_signal_connect_object (worker, "changed", G_CALLBACK (worker_changed_cb), self, G_CONNECT_SWAPPED);
  plaza_role_guard (self->approve_button, worker, "promotion", "approve");
  plaza_role_guard (self->reject_button, worker, "promotion", "reject");
  self->id = id;
  add_live_banner (self);
  self->initial_start = g_strdup (start);
  self->initial_end = g_strdup (end);
  plaza_promotion_editor_reload (self);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

PlazaPromotionEditor *
plaza_promotion_editor_open (GtkWindow   *parent,
                             PlazaWorker *worker,
                             gint64       id)
{
  g_return_val_if_fail (PLAZA_IS_WORKER (worker), NULL);

  return create (parent, worker, id, NULL, NULL);
}

PlazaPromotionEditor *
plaza_promotion_editor_new_with_dates (GtkWindow   *parent,
                                       PlazaWorker *worker,
                                       const char  *start,
                                       const char  *end)
{
  g_return_val_if_fail (PLAZA_IS_WORKER (worker), NULL);

  return create (parent, worker, 0, start, end);
}

void
plaza_promotion_editor_show_evaluation (PlazaPromotionEditor *self)
{
  g_return_if_fail (PLAZA_IS_PROMOTION_EDITOR (self));

  if (gtk_widget_get_visible (self->eval_page))
    adw_view_stack_set_visible_child_name (self->stack, "evaluation");
  else
    self->show_evaluation_when_loaded = TRUE;
}

gint64
plaza_promotion_editor_get_id (PlazaPromotionEditor *self)
{
  g_return_val_if_fail (PLAZA_IS_PROMOTION_EDITOR (self), 0);

  return self->id;
}

gboolean
plaza_promotion_editor_get_busy (PlazaPromotionEditor *self)
{
  g_return_val_if_fail (PLAZA_IS_PROMOTION_EDITOR (self), FALSE);

  return self->busy > 0;
}

const char *
plaza_promotion_editor_get_state (PlazaPromotionEditor *self)
{
  return self->state;
}

gboolean
plaza_promotion_editor_get_locked (PlazaPromotionEditor *self)
{
  return !plaza_promotion_editor_is_editable (self);
}

gboolean
plaza_promotion_editor_get_valid (PlazaPromotionEditor *self)
{
  return self->valid;
}

gboolean
plaza_promotion_editor_get_dirty (PlazaPromotionEditor *self)
{
  return self->dirty;
}

GPtrArray *
plaza_promotion_editor_get_clashes (PlazaPromotionEditor *self)
{
  return self->clashes;
}

GtkWidget *
plaza_promotion_editor_get_eval_view (PlazaPromotionEditor *self)
{
  return self->eval_view;
}
