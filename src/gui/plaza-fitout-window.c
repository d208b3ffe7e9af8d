/* plaza-fitout-window.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A contract's fit-out in its own window (plaza-fitout-window.h): the
 * overdue items first (marked in red), the period with its planned and
 * actual opening, the drawings grouped by kind with every numbered
 * version (a state badge, the comment, the attached files; Approve and
 * Reject… on the latest waiting version; Submit New Version… per kind),
 * and the inspections. Loading goes through the window's worker: the
 * fit-out is created with its default period the first time
 * (plaza_fitout_ensure). The writes are in plaza-fitout-window-actions.c.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-attachment.h"
#include "plaza-role-guard.h"
#include "plaza-change-log.h"
#include "plaza-date.h"
#include "plaza-fitout-window-private.h"
#include "plaza-history-window.h"
#include "plaza-list-query.h"

G_DEFINE_FINAL_TYPE (PlazaFitoutWindow, plaza_fitout_window, ADW_TYPE_WINDOW)

void
plaza_fitout_window_today (GDate *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
}

void
plaza_fitout_window_set_busy (PlazaFitoutWindow *self,
                              gboolean           busy)
{
  if (busy)
    self->busy++;
  else if (self->busy > 0)
    self->busy--;
  gtk_spinner_set_spinning (self->spinner, self->busy > 0);
  gtk_widget_set_sensitive (self->content, self->busy == 0);
}

void
plaza_fitout_window_show_error (PlazaFitoutWindow *self,
                                const GError      *error)
{
  g_clear_pointer (&self->error, g_free);
  if (error == NULL)
    {
      gtk_widget_set_visible (self->error_box, FALSE);
      return;
    }
  self->error = g_strdup (error->message);
  gtk_label_set_label (self->error_label, self->error);
  gtk_widget_set_visible (self->error_box, TRUE);
}

void
plaza_fitout_window_show_message (PlazaFitoutWindow *self,
                                  const char        *message)
{
  g_autoptr(GError) error = g_error_new_literal (PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID, message);

  plaza_fitout_window_show_error (self, error);
}

void
plaza_fitout_window_set_status (PlazaFitoutWindow *self,
                                const char        *message)
{
  g_free (self->status);
  self->status = g_strdup (message);
  if (message != NULL)
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
}

PlazaFitoutOverdue *
plaza_fitout_window_find_overdue (PlazaFitoutWindow      *self,
                                  PlazaFitoutOverdueKind  kind,
                                  gint64                  item_id)
{
  for (guint i = 0; self->overdue != NULL && i < self->overdue->len; i++)
    {
      PlazaFitoutOverdue *item = self->overdue->pdata[i];

      if (item->kind == kind && item->item_id == item_id)
        return item;
    }
  return NULL;
}

static void
clear_children (GtkWidget *widget)
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

static char *
format_date (const GDate *date)
{
  return date != NULL && g_date_valid (date) ? plaza_date_format (date) : g_strdup ("");
}

/* A small coloured label after a row's title. */
static GtkWidget *
badge_new (const char *state)
{
  GtkWidget *label = gtk_label_new (plaza_state_label (state));

  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  if (g_str_equal (state, "approved") || g_str_equal (state, "pass"))
    gtk_widget_add_css_class (label, "success");
  else if (g_str_equal (state, "rejected") || g_str_equal (state, "fail"))
    gtk_widget_add_css_class (label, "error");
  else
    gtk_widget_add_css_class (label, "warning");
  return label;
}

static GtkWidget *
list_new (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  return list;
}

static GtkWidget *
heading_new (const char *text,
             GtkWidget  *suffix)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  if (suffix != NULL)
    gtk_box_append (GTK_BOX (box), suffix);
  gtk_widget_set_margin_top (box, 12);
  return box;
}

static void
submit_button_cb (GtkButton         *button,
                  PlazaFitoutWindow *self)
{
  plaza_fitout_window_submit_clicked (self, g_object_get_data (G_OBJECT (button), "plaza-kind"));
}

static void
decide_button_cb (GtkButton         *button,
                  PlazaFitoutWindow *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "plaza-target");

  if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "plaza-approve")))
    plaza_fitout_window_decide_drawing (self, id, TRUE, "");
  else
    plaza_fitout_window_reject_clicked (self, id);
}

static void
file_button_cb (GtkButton         *button,
                PlazaFitoutWindow *self)
{
  plaza_fitout_window_open_file (self, *(gint64 *) g_object_get_data (G_OBJECT (button), "plaza-target"));
}

static GtkWidget *
row_button (PlazaFitoutWindow *self,
            GtkWidget         *row,
            const char        *label,
            const char        *css,
            GCallback          callback,
            gint64             target,
            gboolean           approve)
{
  GtkWidget *button = label != NULL ? gtk_button_new_with_mnemonic (label) : gtk_button_new ();

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  if (css != NULL)
    gtk_widget_add_css_class (button, css);
  g_object_set_data_full (G_OBJECT (button), "plaza-target", g_memdup2 (&target, sizeof target), g_free);
  g_object_set_data (G_OBJECT (button), "plaza-approve", GINT_TO_POINTER (approve));
  g_signal_connect_object (button, "clicked", callback, self, 0);
  if (callback == G_CALLBACK (decide_button_cb))
    plaza_role_guard (button, self->worker, "fitout_drawing", approve ? "approve" : "reject");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return button;
}

static GtkWidget *
drawing_row (PlazaFitoutWindow        *self,
             const PlazaFitoutDrawing *d)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *submitted = format_date (&d->submitted_on);
  GString *sub = g_string_new (NULL);
  g_autofree char *sub_text = NULL;
  PlazaFitoutOverdue *late = plaza_fitout_window_find_overdue (self, PLAZA_FITOUT_OVERDUE_DRAWING, d->id);

  /* Translators: a drawing version, "v2 · submitted 2026-01-12". */
  title = g_strdup_printf (_("v%d · submitted %s"), d->version, submitted);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (*d->comment != '\0')
    g_string_append (sub, d->comment);
  for (guint i = 0; d->files != NULL && i < d->files->len; i++)
    {
      const PlazaAttachment *a = d->files->pdata[i];

      if (sub->len > 0)
        g_string_append (sub, " · ");
      g_string_append (sub, a->file_name);
    }
  if (late != NULL)
    {
      if (sub->len > 0)
        g_string_append (sub, " · ");
      g_string_append (sub, late->what);
      gtk_widget_add_css_class (row, "error");
    }
  sub_text = g_string_free (sub, FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub_text);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge_new (d->state));
  for (guint i = 0; d->files != NULL && i < d->files->len; i++)
    {
      const PlazaAttachment *a = d->files->pdata[i];
      GtkWidget *b = row_button (self, row, NULL, "flat", G_CALLBACK (file_button_cb), a->id, FALSE);

      gtk_button_set_icon_name (GTK_BUTTON (b), "document-open-symbolic");
      gtk_widget_set_tooltip_text (b, a->file_name);
    }
  if (d->latest && g_str_equal (d->state, "submitted"))
    {
      row_button (self, row, _("_Approve"), "suggested-action", G_CALLBACK (decide_button_cb), d->id, TRUE);
      row_button (self, row, _("_Reject…"), "destructive-action", G_CALLBACK (decide_button_cb), d->id, FALSE);
    }
  return row;
}

static void
show_drawings (PlazaFitoutWindow *self)
{
  const char * const *kinds = plaza_fitout_kinds ();

  clear_children (GTK_WIDGET (self->drawings_box));
  for (guint k = 0; kinds[k] != NULL; k++)
    {
      GtkWidget *button = gtk_button_new_with_label (_("Submit New Version…"));
      GtkWidget *list = list_new ();
      guint n = 0;

      g_object_set_data (G_OBJECT (button), "plaza-kind", (gpointer) kinds[k]);
      g_signal_connect_object (button, "clicked", G_CALLBACK (submit_button_cb), self, 0);
      gtk_box_append (self->drawings_box, heading_new (plaza_fitout_kind_label (kinds[k]), button));
      /* Newest first. */
      for (guint i = self->fitout->drawings->len; i > 0; i--)
        {
          const PlazaFitoutDrawing *d = self->fitout->drawings->pdata[i - 1];

          if (!g_str_equal (d->kind, kinds[k]))
            continue;
          gtk_list_box_append (GTK_LIST_BOX (list), drawing_row (self, d));
          n++;
        }
      if (n == 0)
        {
          GtkWidget *row = adw_action_row_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Not submitted yet"));
          gtk_list_box_append (GTK_LIST_BOX (list), row);
        }
      gtk_box_append (self->drawings_box, list);
    }
}

static void
show_inspections (PlazaFitoutWindow *self)
{
  clear_children (GTK_WIDGET (self->inspections));
  for (guint i = 0; i < self->fitout->inspections->len; i++)
    {
      const PlazaFitoutInspection *in = self->fitout->inspections->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *date = format_date (&in->date);
      g_autofree char *title = *in->inspector != '\0' ? g_strdup_printf ("%s · %s", date, in->inspector) : g_strdup (date);
      PlazaFitoutOverdue *late = plaza_fitout_window_find_overdue (self, PLAZA_FITOUT_OVERDUE_INSPECTION, in->id);
      g_autofree char *sub = NULL;

      if (late != NULL)
        sub = *in->notes != '\0' ? g_strdup_printf ("%s · %s", in->notes, late->what) : g_strdup (late->what);
      else
        sub = g_strdup (in->notes);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge_new (in->passed ? "pass" : "fail"));
      if (late != NULL)
        gtk_widget_add_css_class (row, "error");
      gtk_list_box_append (self->inspections, row);
    }
  if (self->fitout->inspections->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No inspections yet"));
      gtk_list_box_append (self->inspections, row);
    }
}

static void
show_fitout (PlazaFitoutWindow *self)
{
  const PlazaFitout *f = self->fitout;
  g_autofree char *title = g_strdup_printf (_("Fit-out of %s"), f->contract_code);
  g_autofree char *subtitle = *f->units != '\0' ? g_strdup_printf ("%s · %s", f->tenant_name, f->units)
                                                : g_strdup (f->tenant_name);
  g_autofree char *start = format_date (&f->start);
  g_autofree char *due = format_date (&f->due);
  g_autofree char *planned = format_date (&f->planned_opening);
  g_autofree char *opened = f->opened ? format_date (&f->opened_on) : g_strdup ("");
  PlazaFitoutOverdue *late = plaza_fitout_window_find_overdue (self, PLAZA_FITOUT_OVERDUE_PERIOD, 0);

  adw_window_title_set_title (self->title, title);
  adw_window_title_set_subtitle (self->title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_label_set_label (self->state_label, plaza_fitout_state_label (f->state));
  gtk_editable_set_text (GTK_EDITABLE (self->start_entry), start);
  gtk_editable_set_text (GTK_EDITABLE (self->due_entry), due);
  gtk_label_set_label (self->planned_label, planned);
  if (late != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->planned_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->planned_label), "error");
  gtk_editable_set_text (GTK_EDITABLE (self->opened_entry), opened);

  clear_children (GTK_WIDGET (self->overdue_list));
  for (guint i = 0; i < self->overdue->len; i++)
    {
      const PlazaFitoutOverdue *item = self->overdue->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *since = format_date (&item->since);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->what);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), since);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
      gtk_widget_add_css_class (row, "error");
      gtk_list_box_append (self->overdue_list, row);
    }
  gtk_widget_set_visible (self->overdue_heading, self->overdue->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->overdue_list), self->overdue->len > 0);

  show_drawings (self);
  show_inspections (self);
}

typedef struct
{
  PlazaFitout *fitout;
  GPtrArray   *overdue;
  gint64       seq;
} Loaded;

static void
loaded_free (Loaded *l)
{
  g_clear_pointer (&l->fitout, plaza_fitout_free);
  g_clear_pointer (&l->overdue, g_ptr_array_unref);
  g_free (l);
}

static gpointer
load_func (PlazaStore    *store,
           gpointer       data,
           GCancellable  *cancellable G_GNUC_UNUSED,
           GError       **error)
{
  gint64 contract_id = *(gint64 *) data;
  g_autoptr(PlazaFitout) fitout = NULL;
  Loaded *l;
  GDate today;
  gint64 id = plaza_fitout_ensure (store, contract_id, error);
  gint64 seq = MAX (plaza_change_log_last_seq (store, NULL), 0);

  if (id <= 0)
    return NULL;
  fitout = plaza_fitout_load (store, id, error);
  if (fitout == NULL)
    return NULL;
  l = g_new0 (Loaded, 1);
  l->seq = seq;
  l->fitout = g_steal_pointer (&fitout);
  plaza_fitout_window_today (&today);
  if (!plaza_fitout_overdue_of (store, id, &today, &l->overdue, error))
    {
      loaded_free (l);
      return NULL;
    }
  return l;
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PlazaFitoutWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  Loaded *l = plaza_worker_run_finish (PLAZA_WORKER (source), result, &error);

  plaza_fitout_window_set_busy (self, FALSE);
  if (l == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        plaza_fitout_window_show_error (self, error);
      return;
    }
  g_clear_pointer (&self->fitout, plaza_fitout_free);
  g_clear_pointer (&self->overdue, g_ptr_array_unref);
  self->fitout = g_steal_pointer (&l->fitout);
  self->overdue = g_steal_pointer (&l->overdue);
  if (self->fitout_id != self->fitout->id)
    plaza_live_banner_set_record (self->banner, "fitout", self->fitout->id);
  self->fitout_id = self->fitout->id;
  self->seq = l->seq;
  loaded_free (l);
  show_fitout (self);
}

void
plaza_fitout_window_reload (PlazaFitoutWindow *self)
{
  plaza_fitout_window_set_busy (self, TRUE);
  plaza_worker_run_async (self->worker, load_func, g_memdup2 (&self->contract_id, sizeof self->contract_id), g_free,
                          self->cancellable, load_done_cb, g_object_ref (self));
}

static void
save_period_cb (PlazaFitoutWindow *self)
{
  plaza_fitout_window_save_period (self, gtk_editable_get_text (GTK_EDITABLE (self->start_entry)),
                                   gtk_editable_get_text (GTK_EDITABLE (self->due_entry)));
}

static void
save_opened_cb (PlazaFitoutWindow *self)
{
  plaza_fitout_window_set_opened (self, gtk_editable_get_text (GTK_EDITABLE (self->opened_entry)));
}

static GtkWidget *
field_row (const char *title,
           GtkWidget  *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (value, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);
  return row;
}

static GtkEntry *
date_entry_new (void)
{
  GtkEntry *entry = GTK_ENTRY (gtk_entry_new ());

  gtk_entry_set_placeholder_text (entry, _("YYYY-MM-DD"));
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 11);
  return entry;
}

static void
build_ui (PlazaFitoutWindow *self)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *period = list_new ();
  GtkWidget *period_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *opened_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *button;
  GtkWidget *label;

  gtk_window_set_default_size (GTK_WINDOW (self), 760, 820);
  gtk_window_set_title (GTK_WINDOW (self), _("Contract Fit-out"));
  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("Contract Fit-out"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->spinner));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header),
                           plaza_history_button_new (GTK_WINDOW (self), "fitout", G_STRUCT_OFFSET (PlazaFitoutWindow, worker),
                                                     G_STRUCT_OFFSET (PlazaFitoutWindow, fitout_id)));
  gtk_box_append (GTK_BOX (outer), header);

  self->error_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (self->error_box, "plaza-infobar");
  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0.0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_box_append (GTK_BOX (self->error_box), GTK_WIDGET (self->error_label));
  gtk_widget_set_visible (self->error_box, FALSE);
  gtk_box_append (GTK_BOX (outer), self->error_box);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 18);

  self->overdue_list = GTK_LIST_BOX (list_new ());
  self->overdue_heading = heading_new (_("Overdue"), NULL);
  gtk_box_append (GTK_BOX (box), self->overdue_heading);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->overdue_list));
  gtk_widget_set_visible (self->overdue_heading, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->overdue_list), FALSE);

  gtk_box_append (GTK_BOX (box), heading_new (_("Fit-out Period"), NULL));
  self->state_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_list_box_append (GTK_LIST_BOX (period), field_row (_("State"), GTK_WIDGET (self->state_label)));
  self->start_entry = date_entry_new ();
  self->due_entry = date_entry_new ();
  gtk_box_append (GTK_BOX (period_box), GTK_WIDGET (self->start_entry));
  gtk_box_append (GTK_BOX (period_box), gtk_label_new ("–"));
  gtk_box_append (GTK_BOX (period_box), GTK_WIDGET (self->due_entry));
  button = gtk_button_new_with_mnemonic (_("_Save Period"));
  g_signal_connect_object (button, "clicked", G_CALLBACK (save_period_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (period_box), button);
  gtk_list_box_append (GTK_LIST_BOX (period), field_row (_("Period"), period_box));
  self->planned_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_list_box_append (GTK_LIST_BOX (period), field_row (_("Planned opening"), GTK_WIDGET (self->planned_label)));
  self->opened_entry = date_entry_new ();
  gtk_box_append (GTK_BOX (opened_box), GTK_WIDGET (self->opened_entry));
  button = gtk_button_new_with_mnemonic (_("Record _Opening"));
  g_signal_connect_object (button, "clicked", G_CALLBACK (save_opened_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (opened_box), button);
  gtk_list_box_append (GTK_LIST_BOX (period), field_row (_("Actual opening"), opened_box));
  gtk_box_append (GTK_BOX (box), period);

  label = gtk_label_new (_("Drawings"));
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "title-4");
  gtk_widget_set_margin_top (label, 12);
  gtk_box_append (GTK_BOX (box), label);
  self->drawings_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->drawings_box));

  button = gtk_button_new_with_mnemonic (_("_Add Inspection…"));
  g_signal_connect_object (button, "clicked", G_CALLBACK (plaza_fitout_window_inspect_clicked), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), heading_new (_("Inspections"), button));
  self->inspections = GTK_LIST_BOX (list_new ());
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->inspections));

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  self->content = clamp;
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (outer), scroller);
  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, outer);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toasts));
}

static void
plaza_fitout_window_dispose (GObject *object)
{
  PlazaFitoutWindow *self = PLAZA_FITOUT_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  G_OBJECT_CLASS (plaza_fitout_window_parent_class)->dispose (object);
}

static void
plaza_fitout_window_finalize (GObject *object)
{
  PlazaFitoutWindow *self = PLAZA_FITOUT_WINDOW (object);

  g_clear_object (&self->worker);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->fitout, plaza_fitout_free);
  g_clear_pointer (&self->overdue, g_ptr_array_unref);
  g_free (self->error);
  g_free (self->status);
  G_OBJECT_CLASS (plaza_fitout_window_parent_class)->finalize (object);
}

static void
plaza_fitout_window_class_init (PlazaFitoutWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plaza_fitout_window_dispose;
  object_class->finalize = plaza_fitout_window_finalize;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
plaza_fitout_window_init (PlazaFitoutWindow *self)
{
  self->cancellable = g_cancellable_new ();
  build_ui (self);
}

PlazaFitoutWindow *
plaza_fitout_window_open (GtkWindow   *parent,
                          PlazaWorker *worker,
                          gint64       contract_id)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  PlazaFitoutWindow *self;

  g_return_val_if_fail (PLAZA_IS_WORKER (worker), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (PLAZA_IS_FITOUT_WINDOW (window) && PLAZA_FITOUT_WINDOW (window)->contract_id == contract_id
          && PLAZA_FITOUT_WINDOW (window)->worker == worker)
        {
          gtk_window_present (GTK_WINDOW (window));
          return PLAZA_FITOUT_WINDOW (window);
        }
    }

  self = g_object_new (PLAZA_TYPE_FITOUT_WINDOW, "transient-for", parent, NULL);
  if (parent != NULL)
    gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
  self->worker = g_object_ref (worker);
  self->contract_id = contract_id;
  /* Its fit-out's id is known once loaded (load_done_cb). */
  self->banner = plaza_live_banner_attach (GTK_WINDOW (self), worker, "fitout", 0,
                                           G_CALLBACK (plaza_fitout_window_reload), self);
  plaza_fitout_window_reload (self);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

gboolean
plaza_fitout_window_get_busy (PlazaFitoutWindow *self)
{
  g_return_val_if_fail (PLAZA_IS_FITOUT_WINDOW (self), FALSE);
  return self->busy > 0;
}

const PlazaFitout *
plaza_fitout_window_get_fitout (PlazaFitoutWindow *self)
{
  g_return_val_if_fail (PLAZA_IS_FITOUT_WINDOW (self), NULL);
  return self->fitout;
}

GPtrArray *
plaza_fitout_window_get_overdue (PlazaFitoutWindow *self)
{
  g_return_val_if_fail (PLAZA_IS_FITOUT_WINDOW (self), NULL);
  return self->overdue;
}

const char *
plaza_fitout_window_get_error (PlazaFitoutWindow *self)
{
  g_return_val_if_fail (PLAZA_IS_FITOUT_WINDOW (self), NULL);
  return self->error;
}

const char *
plaza_fitout_window_get_status (PlazaFitoutWindow *self)
{
  g_return_val_if_fail (PLAZA_IS_FITOUT_WINDOW (self), NULL);
  return self->status;
}
