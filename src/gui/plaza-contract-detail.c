/* plaza-contract-detail.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One contract: its terms in words (the JSON behind an expander), the rent
 * schedule with approved amendments and a termination, pending amendments
 * to approve or reject, attachments, the timeline of events, buttons for
 * the lifecycle steps its state allows ("Amend…" and "Renew" open the
 * contract editor prefilled from this contract) and the summary PDF. Every step goes to
 * src/core/plaza-contract.h through the worker with the rev this window
 * loaded; when someone saved in between, the conflict is shown with a
 * Reload button.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-attachment.h"
#include "plaza-role-guard.h"
#include "plaza-contract.h"
#include "plaza-contract-detail.h"
#include "plaza-contract-detail-private.h"
#include "plaza-contract-editor.h"
#include "plaza-contract-pdf.h"
#include "plaza-contract-schedule.h"
#include "plaza-fitout-window.h"
#include "plaza-history-window.h"
#include "plaza-live-banner.h"
#include "plaza-list-query.h"
#include "plaza-money.h"
#include "plaza-rent.h"
#include "plaza-rent-preview.h"
#include "plaza-terms-words.h"

G_DEFINE_FINAL_TYPE (PlazaContractDetail, plaza_contract_detail, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const struct
{
  const char          *name;
  const char          *label;
  PlazaContractAction  action;
} steps[] = {
  { "submit", N_("Submit"), PLAZA_CONTRACT_SUBMIT },
  { "approve", N_("Approve"), PLAZA_CONTRACT_APPROVE },
  { "reject", N_("Reject"), PLAZA_CONTRACT_REJECT },
  { "activate", N_("Activate"), PLAZA_CONTRACT_ACTIVATE },
  { "amend", N_("Amend…"), PLAZA_CONTRACT_AMEND },
  { "terminate", N_("Terminate"), PLAZA_CONTRACT_TERMINATE },
  { "renew", N_("Renew"), PLAZA_CONTRACT_RENEW },
};

void
plaza_contract_detail_set_busy (PlazaContractDetail *self,
          gboolean             busy)
{
  if (busy)
    self->busy++;
  else if (self->busy > 0)
    self->busy--;
  gtk_spinner_set_spinning (self->spinner, self->busy > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->buttons), self->busy == 0);
}

void
plaza_contract_detail_show_error (PlazaContractDetail *self,
            const GError        *error)
{
  g_clear_pointer (&self->error, g_free);
  if (error == NULL)
    {
      gtk_widget_set_visible (self->error_box, FALSE);
      return;
    }
  if (g_error_matches (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_CONFLICT))
    self->error = g_strdup_printf (_("%s Reload to see the latest version, then try again."), error->message);
  else
    self->error = g_strdup (error->message);
  gtk_label_set_label (self->error_label, self->error);
  gtk_widget_set_visible (self->reload_button, g_error_matches (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_CONFLICT));
  gtk_widget_set_visible (self->error_box, TRUE);
}

void
plaza_contract_detail_clear_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    {
      if (GTK_IS_GRID (widget))
        gtk_grid_remove (GTK_GRID (widget), child);
      else if (GTK_IS_LIST_BOX (widget))
        gtk_list_box_remove (GTK_LIST_BOX (widget), child);
      else
        gtk_box_remove (GTK_BOX (widget), child);
    }
}

static void
add_term (PlazaContractDetail *self,
          int                 *row,
          const char          *key,
          const char          *value)
{
  GtkWidget *k = gtk_label_new (key);
  GtkWidget *v = gtk_label_new (value);

  gtk_label_set_xalign (GTK_LABEL (k), 1.0);
  gtk_widget_add_css_class (k, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (v), 0.0);
  gtk_label_set_wrap (GTK_LABEL (v), TRUE);
  gtk_label_set_selectable (GTK_LABEL (v), TRUE);
  gtk_grid_attach (self->terms_grid, k, 0, *row, 1, 1);
  gtk_grid_attach (self->terms_grid, v, 1, *row, 1, 1);
  (*row)++;
}

static void step_clicked_cb (GtkButton           *button,
                             PlazaContractDetail *self);

static void
term_line_cb (const char *key,
              const char *value,
              gpointer    user_data)
{
  PlazaContractDetail *self = ((gpointer *) user_data)[0];
  int *row = ((gpointer *) user_data)[1];

  add_term (self, row, key, value);
}

static void
show_view (PlazaContractDetail *self)
{
  PlazaContractView *v = self->view;
  g_autoptr(PlazaRentTerms) terms = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) periods = NULL;
  g_autofree char *area = plaza_area_format (v->area);
  g_autofree char *units = g_strdup_printf ("%s (%s m²)", v->units != NULL ? v->units : "", area);
  g_autofree char *dates = g_strdup_printf ("%s – %s", v->start_date, v->end_date);
  g_autofree char *rent = plaza_money_format (v->monthly_rent, TRUE);
  g_autofree char *deposit = plaza_money_format (v->deposit_amount, TRUE);
  g_autofree char *cap = plaza_money_format (v->late_fee_cap, TRUE);
  g_autofree char *late = NULL;
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", v->tenant, plaza_state_label (v->state));
  g_autofree char *this_month = NULL;
  int row = 0;
  gpointer line_data[2] = { self, &row };

  late = g_strdup_printf (_("%lld ‱ a day after %lld days, cap %s"), (long long) v->late_fee_bp_per_day,
                          (long long) v->late_fee_grace_days, v->late_fee_cap > 0 ? cap : _("none"));
  adw_window_title_set_title (self->title, v->code);
  adw_window_title_set_subtitle (self->title, subtitle);

  plaza_contract_detail_clear_children (GTK_WIDGET (self->terms_grid));
  add_term (self, &row, _("Tenant"), v->tenant);
  add_term (self, &row, _("State"), plaza_state_label (v->state));
  add_term (self, &row, _("Type"), plaza_state_label (v->kind));
  add_term (self, &row, _("Units"), units);
  add_term (self, &row, _("Dates"), dates);
  terms = plaza_rent_terms_new_from_json (v->terms_json, -1, &error);
  if (terms != NULL)
    plaza_terms_describe (terms, term_line_cb, line_data);
  else
    {
      add_term (self, &row, _("Rent Model"), plaza_state_label (v->model));
      add_term (self, &row, _("Terms"), error->message);
    }
  add_term (self, &row, _("Monthly Rent"), rent);
  this_month = plaza_contract_detail_rent_this_month (self);
  if (this_month != NULL)
    add_term (self, &row, _("Rent This Month"), this_month);
  add_term (self, &row, _("Deposit"), deposit);
  add_term (self, &row, _("Late Fees"), late);
  if (v->terminated_on != NULL)
    add_term (self, &row, _("Terminated On"), v->terminated_on);
  gtk_label_set_label (self->json_label, v->terms_json);

  periods = plaza_contract_detail_rows_to_periods (self->schedule);
  plaza_rent_preview_set_schedule (PLAZA_RENT_PREVIEW (self->chart), periods);
  plaza_contract_editor_fill_schedule_table (self->schedule_grid, periods);
  plaza_contract_detail_show_schedule_note (self);

  plaza_contract_detail_show_amendments (self);
  plaza_contract_detail_show_attachments (self);

  plaza_contract_detail_clear_children (GTK_WIDGET (self->timeline));
  for (guint i = 0; i < v->events->len; i++)
    {
      PlazaContractEvent *e = v->events->pdata[i];
      GtkWidget *r = adw_action_row_new ();
      g_autofree char *title = NULL;
      g_autofree char *sub = NULL;
      g_autofree char *at = NULL;

      if (e->effective_date != NULL && g_str_equal (e->kind, "amendment"))
        title = g_strdup_printf (_("%s from %s (%s)"), plaza_state_label (e->kind), e->effective_date,
                                 plaza_state_label (e->state));
      else
        title = g_strdup (plaza_state_label (e->kind));
      at = plaza_contract_detail_format_time (e->at);
      sub = *e->comment != '\0' ? g_strdup_printf ("%s · %s · %s", at, e->user, e->comment)
                                : g_strdup_printf ("%s · %s", at, e->user);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (r), sub);
      gtk_list_box_append (self->timeline, r);
    }

  plaza_contract_detail_clear_children (GTK_WIDGET (self->buttons));
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (plaza_contract_next_state (v->state, steps[i].action) != NULL)
      {
        GtkWidget *button = gtk_button_new_with_label (_(steps[i].label));

        g_object_set_data (G_OBJECT (button), "plaza-step", (gpointer) steps[i].name);
        if (i == 0 || steps[i].action == PLAZA_CONTRACT_APPROVE || steps[i].action == PLAZA_CONTRACT_ACTIVATE)
          gtk_widget_add_css_class (button, "suggested-action");
        if (steps[i].action == PLAZA_CONTRACT_TERMINATE || steps[i].action == PLAZA_CONTRACT_REJECT)
          gtk_widget_add_css_class (button, "destructive-action");
        g_signal_connect_object (button, "clicked", G_CALLBACK (step_clicked_cb), self, 0);
        plaza_role_guard (button, self->worker, "contract",
                          steps[i].action == PLAZA_CONTRACT_AMEND ? "amend"
                          : plaza_contract_next_state (v->state, steps[i].action));
        gtk_box_append (self->buttons, button);
      }
}

typedef struct
{
  PlazaContractView *view;
  GArray            *schedule;
  GPtrArray         *attachments;
  GPtrArray         *problems;
  char              *schedule_error;
} Loaded;

static void
loaded_free (Loaded *l)
{
  g_clear_pointer (&l->view, plaza_contract_view_free);
  g_clear_pointer (&l->schedule, g_array_unref);
  g_clear_pointer (&l->attachments, g_ptr_array_unref);
  g_clear_pointer (&l->problems, g_ptr_array_unref);
  g_free (l->schedule_error);
  g_free (l);
}

static gpointer
load_func (PlazaStore    *store,
           gpointer       data,
           GCancellable  *cancellable G_GNUC_UNUSED,
           GError       **error)
{
  gint64 id = *(gint64 *) data;
  Loaded *l = g_new0 (Loaded, 1);
  g_autoptr(GError) local_error = NULL;

  l->view = plaza_contract_view_load (store, id, error);
  if (l->view == NULL)
    {
      loaded_free (l);
      return NULL;
    }
  /* A schedule the engine refuses is shown as an error, not a failed load. */
  if (!plaza_contract_schedule (store, id, &l->schedule, &local_error))
    l->schedule_error = g_strdup (local_error->message);
  g_clear_error (&local_error);
  l->attachments = plaza_attachment_list (store, "contract", id, error);
  if (l->attachments == NULL)
    {
      loaded_free (l);
      return NULL;
    }
  l->problems = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < l->attachments->len; i++)
    {
      const PlazaAttachment *a = l->attachments->pdata[i];

      g_ptr_array_add (l->problems, plaza_attachment_check (store, a->id, &local_error)
                                      ? NULL : g_strdup (local_error->message));
      g_clear_error (&local_error);
    }
  return l;
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PlazaContractDetail) self = user_data;
  g_autoptr(GError) error = NULL;
  Loaded *l = plaza_worker_run_finish (PLAZA_WORKER (source), result, &error);

  plaza_contract_detail_set_busy (self, FALSE);
  if (l == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        plaza_contract_detail_show_error (self, error);
      return;
    }
  g_clear_pointer (&self->view, plaza_contract_view_free);
  g_clear_pointer (&self->schedule, g_array_unref);
  g_clear_pointer (&self->attachment_list, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  self->view = g_steal_pointer (&l->view);
  self->schedule = g_steal_pointer (&l->schedule);
  self->attachment_list = g_steal_pointer (&l->attachments);
  self->problems = g_steal_pointer (&l->problems);
  if (l->schedule_error != NULL)
    {
      g_autoptr(GError) schedule_error = g_error_new_literal (PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                                                              l->schedule_error);
      plaza_contract_detail_show_error (self, schedule_error);
    }
  loaded_free (l);
  show_view (self);
}

void
plaza_contract_detail_emit_changed (PlazaContractDetail *self)
{
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

void
plaza_contract_detail_reload (PlazaContractDetail *self)
{
  g_return_if_fail (PLAZA_IS_CONTRACT_DETAIL (self));

  plaza_contract_detail_show_error (self, NULL);
  plaza_contract_detail_set_busy (self, TRUE);
  plaza_worker_run_async (self->worker, load_func, g_memdup2 (&self->id, sizeof self->id), g_free,
                          self->cancellable, load_done_cb, g_object_ref (self));
}

typedef struct
{
  PlazaContractAction  action;
  gint64               id;
  gint64               rev;
  char                *comment;
  char                *date;
  char                *terms;
  char                *today;
} StepData;

static void
step_data_free (StepData *data)
{
  g_free (data->comment);
  g_free (data->date);
  g_free (data->terms);
  g_free (data->today);
  g_free (data);
}

static gpointer
step_func (PlazaStore    *store,
           gpointer       user_data,
           GCancellable  *cancellable G_GNUC_UNUSED,
           GError       **error)
{
  StepData *d = user_data;
  gboolean ok = FALSE;

  switch (d->action)
    {
    case PLAZA_CONTRACT_SUBMIT:
      ok = plaza_contract_submit (store, d->id, d->rev, error);
      break;
    case PLAZA_CONTRACT_APPROVE:
      ok = plaza_contract_approve (store, d->id, d->rev, d->comment, error);
      break;
    case PLAZA_CONTRACT_REJECT:
      ok = plaza_contract_reject (store, d->id, d->rev, d->comment, error);
      break;
    case PLAZA_CONTRACT_ACTIVATE:
      ok = plaza_contract_activate (store, d->id, d->rev, d->today, error);
      break;
    case PLAZA_CONTRACT_TERMINATE:
      ok = plaza_contract_terminate (store, d->id, d->rev, d->date, d->comment, 0, "", error);
      break;
    case PLAZA_CONTRACT_AMEND:
      ok = plaza_contract_amend (store, d->id, d->date, d->terms, d->comment, error) > 0;
      break;
    case PLAZA_CONTRACT_EXPIRE:
    case PLAZA_CONTRACT_RENEW:
    case PLAZA_CONTRACT_EDIT:
    default:
      g_assert_not_reached ();
    }
  return ok ? GINT_TO_POINTER (1) : NULL;
}

static void
step_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PlazaContractDetail) self = user_data;
  g_autoptr(GError) error = NULL;

  plaza_contract_detail_set_busy (self, FALSE);
  if (plaza_worker_run_finish (PLAZA_WORKER (source), result, &error) == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        plaza_contract_detail_show_error (self, error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->comment_entry), "");
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  plaza_contract_detail_reload (self);
}

static void
renewed_cb (PlazaContractDetail *self,
            gint64               id G_GNUC_UNUSED)
{
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  plaza_contract_detail_reload (self);
}

gboolean
plaza_contract_detail_run_step (PlazaContractDetail *self,
                                const char          *step,
                                const char          *comment,
                                const char          *date,
                                const char          *terms)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  StepData *data;
  guint i;

  g_return_val_if_fail (PLAZA_IS_CONTRACT_DETAIL (self), FALSE);

  for (i = 0; i < G_N_ELEMENTS (steps); i++)
    if (g_str_equal (steps[i].name, step))
      break;
  if (i == G_N_ELEMENTS (steps) || self->view == NULL || self->busy > 0 ||
      plaza_contract_next_state (self->view->state, steps[i].action) == NULL)
    return FALSE;

  /* "Amend…" opens the editor on the terms in force; a caller that has
   * the terms JSON and the date already submits them directly. */
  if (steps[i].action == PLAZA_CONTRACT_AMEND && (terms == NULL || *terms == '\0'))
    {
      PlazaContractEditor *editor = plaza_contract_editor_new (GTK_WINDOW (self), self->worker);

      plaza_contract_editor_set_amends (editor, self->id, self->view->rev);
      if (date != NULL && *date != '\0')
        plaza_contract_editor_set_field (editor, "effective", date);
      if (comment != NULL && *comment != '\0')
        plaza_contract_editor_set_field (editor, "comment", comment);
      g_signal_connect_object (editor, "saved", G_CALLBACK (renewed_cb), self, G_CONNECT_SWAPPED);
      gtk_window_present (GTK_WINDOW (editor));
      return TRUE;
    }
  if (steps[i].action == PLAZA_CONTRACT_RENEW)
    {
      PlazaContractEditor *editor = plaza_contract_editor_new (GTK_WINDOW (self), self->worker);

      plaza_contract_editor_set_renews (editor, self->id, self->view->end_date);
      g_signal_connect_object (editor, "saved", G_CALLBACK (renewed_cb), self, G_CONNECT_SWAPPED);
      gtk_window_present (GTK_WINDOW (editor));
      return TRUE;
    }

  data = g_new0 (StepData, 1);
  data->action = steps[i].action;
  data->id = self->id;
  data->rev = self->view->rev;
  data->comment = g_strdup (comment != NULL ? comment : "");
  data->date = g_strdup (date);
  data->terms = g_strdup (terms);
  data->today = g_date_time_format (now, "%Y-%m-%d");
  plaza_contract_detail_set_busy (self, TRUE);
  plaza_worker_run_async (self->worker, step_func, data, (GDestroyNotify) step_data_free, self->cancellable,
                          step_done_cb, g_object_ref (self));
  return TRUE;
}

static void
step_clicked_cb (GtkButton           *button,
                 PlazaContractDetail *self)
{
  const char *step = g_object_get_data (G_OBJECT (button), "plaza-step");

  plaza_contract_detail_run_step (self, step, gtk_editable_get_text (GTK_EDITABLE (self->comment_entry)),
                                  gtk_editable_get_text (GTK_EDITABLE (self->date_entry)), NULL);
}

static GtkWidget *
section (GtkBox     *box,
         const char *title,
         GtkWidget  *child)
{
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 12);
  gtk_box_append (box, label);
  gtk_box_append (box, child);
  return child;
}

static void
fitout_clicked_cb (PlazaContractDetail *self)
{
  plaza_fitout_window_open (GTK_WINDOW (self), self->worker, self->id);
}

static void
build_ui (PlazaContractDetail *self)
{
  GtkWidget *outer, *header, *scroller, *box, *form, *label, *table_scroller, *button, *expander, *heading;
  GtkGrid *grid;

  gtk_window_set_default_size (GTK_WINDOW (self), 900, 760);
  outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("Contract"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->spinner));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header),
                           plaza_history_button_new (GTK_WINDOW (self), "contract", G_STRUCT_OFFSET (PlazaContractDetail, worker),
                                                     G_STRUCT_OFFSET (PlazaContractDetail, id)));
  button = gtk_button_new_with_mnemonic (_("_Export PDF…"));
  gtk_widget_set_tooltip_text (button, _("Save the contract summary as a PDF"));
  g_signal_connect_object (button, "clicked", G_CALLBACK (plaza_contract_detail_export_clicked), self, G_CONNECT_SWAPPED);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), button);
  button = gtk_button_new_with_mnemonic (_("_Fit-out…"));
  gtk_widget_set_tooltip_text (button, _("Drawings, inspections and opening of this contract's fit-out"));
  g_signal_connect_object (button, "clicked", G_CALLBACK (fitout_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), button);
  gtk_box_append (GTK_BOX (outer), header);

  self->error_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (self->error_box, "toolbar");
  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0.0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->error_label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_box_append (GTK_BOX (self->error_box), GTK_WIDGET (self->error_label));
  self->reload_button = gtk_button_new_with_mnemonic (_("_Reload"));
  g_signal_connect_object (self->reload_button, "clicked", G_CALLBACK (plaza_contract_detail_reload), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self->error_box), self->reload_button);
  gtk_widget_set_visible (self->error_box, FALSE);
  gtk_box_append (GTK_BOX (outer), self->error_box);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_bottom (box, 18);

  /* Steps first: what the clerk came to do. */
  form = gtk_grid_new ();
  grid = GTK_GRID (form);
  gtk_grid_set_column_spacing (grid, 12);
  gtk_grid_set_row_spacing (grid, 6);
  self->buttons = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6));
  gtk_grid_attach (grid, GTK_WIDGET (self->buttons), 0, 0, 2, 1);
  label = gtk_label_new (_("Comment or reason"));
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_grid_attach (grid, label, 0, 1, 1, 1);
  self->comment_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->comment_entry), TRUE);
  gtk_entry_set_placeholder_text (self->comment_entry, _("Needed to reject, terminate or amend"));
  gtk_grid_attach (grid, GTK_WIDGET (self->comment_entry), 1, 1, 1, 1);
  label = gtk_label_new (_("Date"));
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_grid_attach (grid, label, 0, 2, 1, 1);
  self->date_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->date_entry, _("YYYY-MM-DD: termination day or amendment effective date"));
  gtk_grid_attach (grid, GTK_WIDGET (self->date_entry), 1, 2, 1, 1);
  section (GTK_BOX (box), _("Steps"), form);

  self->terms_grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (self->terms_grid, 12);
  gtk_grid_set_row_spacing (self->terms_grid, 4);
  section (GTK_BOX (box), _("Terms"), GTK_WIDGET (self->terms_grid));
  self->json_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->json_label, TRUE);
  gtk_label_set_wrap_mode (self->json_label, PANGO_WRAP_CHAR);
  gtk_label_set_selectable (self->json_label, TRUE);
  gtk_label_set_xalign (self->json_label, 0.0);
  gtk_widget_add_css_class (GTK_WIDGET (self->json_label), "monospace");
  expander = gtk_expander_new (_("Terms as JSON"));
  gtk_expander_set_child (GTK_EXPANDER (expander), GTK_WIDGET (self->json_label));
  gtk_box_append (GTK_BOX (box), expander);

  self->amendments = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->amendments, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->amendments), "boxed-list");
  section (GTK_BOX (box), _("Pending Amendments"), GTK_WIDGET (self->amendments));
  self->amendments_heading = gtk_widget_get_prev_sibling (GTK_WIDGET (self->amendments));
  gtk_widget_set_visible (self->amendments_heading, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->amendments), FALSE);

  self->chart = plaza_rent_preview_new ();
  section (GTK_BOX (box), _("Rent Schedule"), self->chart);
  self->schedule_note = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->schedule_note, TRUE);
  gtk_label_set_xalign (self->schedule_note, 0.0);
  gtk_widget_add_css_class (GTK_WIDGET (self->schedule_note), "dim-label");
  gtk_widget_set_visible (GTK_WIDGET (self->schedule_note), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->schedule_note));
  self->schedule_grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (self->schedule_grid, 18);
  table_scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (table_scroller), GTK_WIDGET (self->schedule_grid));
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (table_scroller), 200);
  gtk_box_append (GTK_BOX (box), table_scroller);

  self->timeline = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->timeline, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->timeline), "boxed-list");
  section (GTK_BOX (box), _("History"), GTK_WIDGET (self->timeline));

  heading = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  label = gtk_label_new (_("Attachments"));
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (heading), label);
  button = gtk_button_new_with_mnemonic (_("_Add…"));
  g_signal_connect_object (button, "clicked", G_CALLBACK (plaza_contract_detail_add_clicked), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (heading), button);
  gtk_widget_set_margin_top (heading, 12);
  gtk_box_append (GTK_BOX (box), heading);
  self->attachments = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->attachments, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->attachments), "boxed-list");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->attachments));

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (outer), scroller);
  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, outer);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toasts));
}

static void
plaza_contract_detail_dispose (GObject *object)
{
  PlazaContractDetail *self = PLAZA_CONTRACT_DETAIL (object);

  g_cancellable_cancel (self->cancellable);
  G_OBJECT_CLASS (plaza_contract_detail_parent_class)->dispose (object);
}

static void
plaza_contract_detail_finalize (GObject *object)
{
  PlazaContractDetail *self = PLAZA_CONTRACT_DETAIL (object);

  g_clear_object (&self->worker);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->view, plaza_contract_view_free);
  g_clear_pointer (&self->schedule, g_array_unref);
  g_clear_pointer (&self->attachment_list, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_free (self->error);
  g_free (self->status);
  G_OBJECT_CLASS (plaza_contract_detail_parent_class)->finalize (object);
}

static void
plaza_contract_detail_class_init (PlazaContractDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plaza_contract_detail_dispose;
  object_class->finalize = plaza_contract_detail_finalize;
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
plaza_contract_detail_init (PlazaContractDetail *self)
{
  self->cancellable = g_cancellable_new ();
  build_ui (self);
}

PlazaContractDetail *
plaza_contract_detail_new (GtkWindow   *parent,
                           PlazaWorker *worker,
                           gint64       id)
{
  PlazaContractDetail *self;

  g_return_val_if_fail (PLAZA_IS_WORKER (worker), NULL);

  self = g_object_new (PLAZA_TYPE_CONTRACT_DETAIL, "transient-for", parent, NULL);
  self->worker = g_object_ref (worker);
  self->id = id;
  plaza_live_banner_attach (GTK_WINDOW (self), worker, "contract", id, G_CALLBACK (plaza_contract_detail_reload), self);
  plaza_contract_detail_reload (self);
  return self;
}

gboolean
plaza_contract_detail_get_busy (PlazaContractDetail *self)
{
  g_return_val_if_fail (PLAZA_IS_CONTRACT_DETAIL (self), FALSE);
  return self->busy > 0;
}

const PlazaContractView *
plaza_contract_detail_get_view (PlazaContractDetail *self)
{
  g_return_val_if_fail (PLAZA_IS_CONTRACT_DETAIL (self), NULL);
  return self->view;
}

const char *
plaza_contract_detail_get_error (PlazaContractDetail *self)
{
  g_return_val_if_fail (PLAZA_IS_CONTRACT_DETAIL (self), NULL);
  return self->error;
}

/* The stored schedule (PlazaScheduleRow) as last loaded, or NULL. */
GArray *
plaza_contract_detail_get_schedule (PlazaContractDetail *self)
{
  g_return_val_if_fail (PLAZA_IS_CONTRACT_DETAIL (self), NULL);
  return self->schedule;
}

GPtrArray *
plaza_contract_detail_get_attachments (PlazaContractDetail *self)
{
  g_return_val_if_fail (PLAZA_IS_CONTRACT_DETAIL (self), NULL);
  return self->attachment_list;
}

const char *
plaza_contract_detail_get_attachment_problem (PlazaContractDetail *self,
                                              guint                index)
{
  g_return_val_if_fail (PLAZA_IS_CONTRACT_DETAIL (self), NULL);
  g_return_val_if_fail (self->problems != NULL && index < self->problems->len, NULL);
  return self->problems->pdata[index];
}

const char *
plaza_contract_detail_get_status (PlazaContractDetail *self)
{
  g_return_val_if_fail (PLAZA_IS_CONTRACT_DETAIL (self), NULL);
  return self->status;
}

char *
plaza_contract_detail_dup_terms_text (PlazaContractDetail *self)
{
  GString *text;

  g_return_val_if_fail (PLAZA_IS_CONTRACT_DETAIL (self), NULL);

  text = g_string_new (NULL);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->terms_grid)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child))
      {
        g_string_append (text, gtk_label_get_label (GTK_LABEL (child)));
        g_string_append_c (text, '\n');
      }
  return g_string_free (text, FALSE);
}

const char *
plaza_contract_detail_get_schedule_note (PlazaContractDetail *self)
{
  g_return_val_if_fail (PLAZA_IS_CONTRACT_DETAIL (self), NULL);
  return gtk_label_get_label (self->schedule_note);
}
