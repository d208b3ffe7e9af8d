/* plaza-sales-entry-dialog.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Manual sales entry: a clerk picks a unit and a month and types the daily
 * figures of a tenant's paper report. Each day of the month (up to today)
 * is a row with its amount, pre-filled from plaza_sales_list_month, and
 * where the stored figure came from (POS, Manual, Estimated). Amounts are
 * checked as typed with plaza_money_parse; Save writes only the changed
 * days through the worker (plaza_sales_set_day, or plaza_sales_delete_day
 * for a cleared day). A month without real figures offers "Estimate
 * Month" (plaza_sales_estimate_month) with the basis to use. The units
 * come from the units list query, in the worker too. The rows of days
 * are built and checked in plaza-sales-entry-dialog-days.c.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "plaza-list-query.h"
#include "plaza-money.h"
#include "plaza-sales-entry-dialog-private.h"

/* Columns of the units list (plaza-list-query.c). */
#define UNIT_CODE_COLUMN   0
#define UNIT_TENANT_COLUMN 6

G_DEFINE_FINAL_TYPE (PlazaSalesEntryDialog, plaza_sales_entry_dialog, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  gint64  unit_id;
  char   *month;
  int     basis;
  GArray *changes;   /* Change */
} Job;

typedef struct
{
  char   date[11];
  gint64 amount;        /* -1: delete */
  gint64 transactions;  /* -1: none */
} Change;

static void load_month (PlazaSalesEntryDialog *self);

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->month);
  g_clear_pointer (&job->changes, g_array_unref);
  g_free (job);
}

static void
show_save_error (PlazaSalesEntryDialog *self,
                 const char            *message)
{
  gtk_label_set_label (self->save_error, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->save_error), message != NULL);
}

/* ---- the worker jobs ---- */

static void
units_batch_cb (GPtrArray *records,
                gpointer   user_data)
{
  GPtrArray *all = user_data;

  for (guint i = 0; i < records->len; i++)
    g_ptr_array_add (all, g_object_ref (records->pdata[i]));
  g_ptr_array_unref (records);
}

static gpointer
units_func (PlazaStore    *store,
            gpointer       data G_GNUC_UNUSED,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);

  if (!plaza_list_query_run (store, PLAZA_LIST_UNITS, 500, units_batch_cb, all, cancellable, error))
    return NULL;
  return g_steal_pointer (&all);
}

static gpointer
month_func (PlazaStore    *store,
            gpointer       data,
            GCancellable  *cancellable G_GNUC_UNUSED,
            GError       **error)
{
  Job *job = data;
  GPtrArray *days = NULL;

  if (!plaza_sales_list_month (store, job->unit_id, job->month, &days, error))
    return NULL;
  return days;
}

static gpointer
save_func (PlazaStore    *store,
           gpointer       data,
           GCancellable  *cancellable G_GNUC_UNUSED,
           GError       **error)
{
  Job *job = data;

  for (guint i = 0; i < job->changes->len; i++)
    {
      const Change *c = &g_array_index (job->changes, Change, i);
      gboolean ok = c->amount < 0 ? plaza_sales_delete_day (store, job->unit_id, c->date, error)
                                  : plaza_sales_set_day (store, job->unit_id, c->date, c->amount, c->transactions,
                                                         error);
      if (!ok)
        return NULL;
    }
  return GUINT_TO_POINTER (job->changes->len);
}

static gpointer
estimate_func (PlazaStore    *store,
               gpointer       data,
               GCancellable  *cancellable G_GNUC_UNUSED,
               GError       **error)
{
  Job *job = data;
  gint64 total = 0;

  if (!plaza_sales_estimate_month (store, job->unit_id, job->month, (PlazaSalesEstimateBasis) job->basis,
                                   &total, error))
    return NULL;
  return g_memdup2 (&total, sizeof total);
}

/* ---- callbacks ---- */

static void
units_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(PlazaSalesEntryDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) units = plaza_worker_run_finish (PLAZA_WORKER (source), result, &error);
  guint selected = GTK_INVALID_LIST_POSITION;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading_units = FALSE;
  if (units == NULL)
    {
      show_save_error (self, error != NULL ? error->message : NULL);
      plaza_sales_entry_dialog_update_state (self);
      return;
    }
  for (guint i = 0; i < units->len; i++)
    {
      PlazaRecord *record = units->pdata[i];
      const char *code = plaza_record_get_text (record, UNIT_CODE_COLUMN);
      const char *tenant = plaza_record_get_text (record, UNIT_TENANT_COLUMN);
      gint64 id = plaza_record_get_id (record);
      g_autofree char *name = tenant != NULL && *tenant != '\0' ? g_strdup_printf ("%s · %s", code, tenant)
                                                                : g_strdup (code);

      gtk_string_list_append (self->unit_names, name);
      g_array_append_val (self->unit_ids, id);
      if (id == self->pending_unit_id ||
          (self->pending_code != NULL && g_strcmp0 (code, self->pending_code) == 0))
        selected = i;
    }
  if (selected == GTK_INVALID_LIST_POSITION && units->len > 0)
    selected = 0;
  self->pending_unit_id = 0;
  g_clear_pointer (&self->pending_code, g_free);
  if (selected != GTK_INVALID_LIST_POSITION)
    {
      if (gtk_drop_down_get_selected (self->unit_dropdown) == selected)
        {
          self->unit_id = g_array_index (self->unit_ids, gint64, selected);
          load_month (self);
        }
      else
        gtk_drop_down_set_selected (self->unit_dropdown, selected);
    }
  plaza_sales_entry_dialog_update_state (self);
}

/* Ready to type: the first day without a figure, unless the clerk is
 * typing the month. */
static void
focus_first_empty_day (PlazaSalesEntryDialog *self)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (self));

  if (self->days == NULL ||
      (focus != NULL && (focus == GTK_WIDGET (self->month_entry) ||
                         gtk_widget_is_ancestor (focus, GTK_WIDGET (self->month_entry)))))
    return;
  for (guint i = 0; i < self->days->len; i++)
    {
      DayRow *row = &g_array_index (self->days, DayRow, i);

      if (*gtk_editable_get_text (GTK_EDITABLE (row->entry)) == '\0')
        {
          gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (row->entry));
          return;
        }
    }
}

static void
month_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(PlazaSalesEntryDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) days = plaza_worker_run_finish (PLAZA_WORKER (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading_month = FALSE;
  if (error != NULL)
    {
      plaza_sales_entry_dialog_clear_days (self);
      self->can_estimate = FALSE;
      show_save_error (self, error->message);
    }
  else
    plaza_sales_entry_dialog_build_days (self, days);
  plaza_sales_entry_dialog_update_state (self);
  focus_first_empty_day (self);
}

/* After a save or an estimate: FALSE when it failed (the reason shown). */
static gboolean
write_finished (PlazaSalesEntryDialog *self,
                GError                *error)
{
  self->saving = FALSE;
  g_clear_pointer (&self->status, g_free);
  if (error != NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_save_error (self, error->message);
      plaza_sales_entry_dialog_update_state (self);
      return FALSE;
    }
  show_save_error (self, NULL);
  return TRUE;
}

static void
save_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PlazaSalesEntryDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  guint n = GPOINTER_TO_UINT (plaza_worker_run_finish (PLAZA_WORKER (source), result, &error));

  if (!write_finished (self, error))
    return;
  self->status = g_strdup_printf (ngettext ("Saved %u day.", "Saved %u days.", n), n);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0);
  load_month (self);
}

static void
estimate_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(PlazaSalesEntryDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree gint64 *total = plaza_worker_run_finish (PLAZA_WORKER (source), result, &error);
  g_autofree char *money = NULL;

  if (!write_finished (self, error))
    return;
  money = plaza_money_format (total != NULL ? *total : 0, TRUE);
  self->status = g_strdup_printf (_("Estimated %s for the month."), money);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0);
  load_month (self);
}

static void
unit_selected_cb (PlazaSalesEntryDialog *self)
{
  guint i = gtk_drop_down_get_selected (self->unit_dropdown);

  if (self->unit_ids == NULL || i == GTK_INVALID_LIST_POSITION || i >= self->unit_ids->len)
    return;
  self->unit_id = g_array_index (self->unit_ids, gint64, i);
  g_clear_pointer (&self->status, g_free);
  load_month (self);
}

/* NULL when @text is a month that has begun, else why not. */
static char *
check_month (const char *text,
             int        *year,
             int        *month)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  char tail;

  if (strlen (text) != 7 || sscanf (text, "%4d-%2d%c", year, month, &tail) != 2 || text[4] != '-' ||
      *month < 1 || *month > 12 || *year < 1900)
    return g_strdup (_("Enter the month as YYYY-MM, like 2026-10."));
  if (*year * 100 + *month > g_date_time_get_year (now) * 100 + g_date_time_get_month (now))
    return g_strdup (_("That month has not begun yet."));
  return NULL;
}

static void
month_changed_cb (PlazaSalesEntryDialog *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->month_entry))));
  g_autofree char *reason = NULL;
  int year, month;

  reason = check_month (text, &year, &month);
  gtk_label_set_label (self->month_error, reason != NULL ? reason : "");
  gtk_widget_set_visible (GTK_WIDGET (self->month_error), reason != NULL);
  if (reason != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->month_entry), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->month_entry), "error");
  if (g_strcmp0 (text, self->month) == 0)
    return;
  g_free (self->month);
  self->month = g_steal_pointer (&text);
  g_clear_pointer (&self->status, g_free);
  load_month (self);
}

static void
step_month (PlazaSalesEntryDialog *self,
            int                    delta)
{
  int year, month;
  g_autofree char *reason = check_month (self->month != NULL ? self->month : "", &year, &month);
  g_autofree char *text = NULL;

  if (reason != NULL)
    return;
  month += delta;
  if (month < 1)
    {
      month = 12;
      year--;
    }
  else if (month > 12)
    {
      month = 1;
      year++;
    }
  text = g_strdup_printf ("%04d-%02d", year, month);
  gtk_editable_set_text (GTK_EDITABLE (self->month_entry), text);
}

static void
previous_clicked_cb (PlazaSalesEntryDialog *self)
{
  step_month (self, -1);
}

static void
next_clicked_cb (PlazaSalesEntryDialog *self)
{
  step_month (self, 1);
}

static void
save_clicked_cb (PlazaSalesEntryDialog *self)
{
  plaza_sales_entry_dialog_save (self);
}

static void
estimate_clicked_cb (PlazaSalesEntryDialog *self)
{
  guint basis = gtk_drop_down_get_selected (self->basis_dropdown);

  plaza_sales_entry_dialog_estimate (self, basis == 1 ? PLAZA_SALES_ESTIMATE_LAST_YEAR
                                           : basis == 2 ? PLAZA_SALES_ESTIMATE_LAST_3_MONTHS
                                                        : PLAZA_SALES_ESTIMATE_AUTO);
}

static void
close_clicked_cb (PlazaSalesEntryDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
revert_clicked_cb (PlazaSalesEntryDialog *self)
{
  plaza_sales_entry_dialog_revert (self);
}

static gboolean
close_idle_cb (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

/* The question closes first; this window (its parent) after. */
static void
discard_response_cb (PlazaSalesEntryDialog *self,
                     const char            *response)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;
  plaza_sales_entry_dialog_revert (self);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_idle_cb, g_object_ref (self), g_object_unref);
}

static void
load_month (PlazaSalesEntryDialog *self)
{
  Job *job;

  if (self->unit_id <= 0 || self->month == NULL || self->worker == NULL)
    return;
  if (self->month_cancellable != NULL)
    g_cancellable_cancel (self->month_cancellable);
  g_clear_object (&self->month_cancellable);
  self->month_cancellable = g_cancellable_new ();

  job = g_new0 (Job, 1);
  job->unit_id = self->unit_id;
  job->month = g_strdup (self->month);
  self->loading_month = TRUE;
  plaza_sales_entry_dialog_update_state (self);
  plaza_worker_run_async (self->worker, month_func, job, job_free, self->month_cancellable, month_done_cb,
                          g_object_ref (self));
}

/* ---- the type ---- */

static gboolean
plaza_sales_entry_dialog_close_request (GtkWindow *window)
{
  PlazaSalesEntryDialog *self = PLAZA_SALES_ENTRY_DIALOG (window);

  if (plaza_sales_entry_dialog_is_dirty (self) && !self->saving)
    {
      GtkWidget *dialog = adw_message_dialog_new (window, _("Discard the Typed Sales?"),
                                                  _("Some days differ from what is stored and are not saved."));

      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Keep Editing"),
                                        "discard", _("_Discard"), NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, G_CONNECT_SWAPPED);
      gtk_window_present (GTK_WINDOW (dialog));
      return TRUE;
    }
  return GTK_WINDOW_CLASS (plaza_sales_entry_dialog_parent_class)->close_request (window);
}

static void
plaza_sales_entry_dialog_dispose (GObject *object)
{
  PlazaSalesEntryDialog *self = PLAZA_SALES_ENTRY_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->month_cancellable != NULL)
    g_cancellable_cancel (self->month_cancellable);
  g_clear_pointer (&self->days, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLAZA_TYPE_SALES_ENTRY_DIALOG);

  G_OBJECT_CLASS (plaza_sales_entry_dialog_parent_class)->dispose (object);
}

static void
plaza_sales_entry_dialog_finalize (GObject *object)
{
  PlazaSalesEntryDialog *self = PLAZA_SALES_ENTRY_DIALOG (object);

  g_clear_object (&self->worker);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->month_cancellable);
  g_clear_object (&self->unit_names);
  g_clear_pointer (&self->unit_ids, g_array_unref);
  g_free (self->month);
  g_free (self->status);
  g_free (self->pending_code);

  G_OBJECT_CLASS (plaza_sales_entry_dialog_parent_class)->finalize (object);
}

static void
plaza_sales_entry_dialog_class_init (PlazaSalesEntryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plaza_sales_entry_dialog_dispose;
  object_class->finalize = plaza_sales_entry_dialog_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = plaza_sales_entry_dialog_close_request;

  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/plaza/Plaza/plaza-sales-entry-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PlazaSalesEntryDialog, close_button);
  gtk_widget_class_bind_template_child (widget_class, PlazaSalesEntryDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, PlazaSalesEntryDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, PlazaSalesEntryDialog, unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PlazaSalesEntryDialog, month_entry);
  gtk_widget_class_bind_template_child (widget_class, PlazaSalesEntryDialog, month_error);
  gtk_widget_class_bind_template_child (widget_class, PlazaSalesEntryDialog, estimate_box);
  gtk_widget_class_bind_template_child (widget_class, PlazaSalesEntryDialog, basis_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PlazaSalesEntryDialog, estimate_button);
  gtk_widget_class_bind_template_child (widget_class, PlazaSalesEntryDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PlazaSalesEntryDialog, days_grid);
  gtk_widget_class_bind_template_child (widget_class, PlazaSalesEntryDialog, save_error);
  gtk_widget_class_bind_template_child (widget_class, PlazaSalesEntryDialog, revert_button);
  gtk_widget_class_bind_template_child (widget_class, PlazaSalesEntryDialog, month_box);
  gtk_widget_class_bind_template_callback (widget_class, revert_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, estimate_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, month_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, previous_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
plaza_sales_entry_dialog_init (PlazaSalesEntryDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) last = g_date_time_add_months (now, -1);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->unit_names = gtk_string_list_new (NULL);
  self->unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_drop_down_set_expression (self->unit_dropdown,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_drop_down_set_model (self->unit_dropdown, G_LIST_MODEL (self->unit_names));
  g_signal_connect_object (self->unit_dropdown, "notify::selected", G_CALLBACK (unit_selected_cb), self,
                           G_CONNECT_SWAPPED);
  self->month = g_date_time_format (last, "%Y-%m");
  gtk_editable_set_text (GTK_EDITABLE (self->month_entry), self->month);
}

/* ---- public API ---- */

PlazaSalesEntryDialog *
plaza_sales_entry_dialog_new (GtkWindow   *parent,
                              PlazaWorker *worker)
{
  PlazaSalesEntryDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PLAZA_IS_WORKER (worker), NULL);

  self = g_object_new (PLAZA_TYPE_SALES_ENTRY_DIALOG, "transient-for", parent, NULL);
  self->worker = g_object_ref (worker);
  self->loading_units = TRUE;
  plaza_sales_entry_dialog_update_state (self);
  plaza_worker_run_async (worker, units_func, NULL, NULL, self->cancellable, units_done_cb, g_object_ref (self));
  return self;
}

gboolean
plaza_sales_entry_dialog_get_loading (PlazaSalesEntryDialog *self)
{
  g_return_val_if_fail (PLAZA_IS_SALES_ENTRY_DIALOG (self), FALSE);
  return self->loading_units || self->loading_month || self->saving;
}

gboolean
plaza_sales_entry_dialog_select_unit (PlazaSalesEntryDialog *self,
                                      gint64                 unit_id)
{
  g_return_val_if_fail (PLAZA_IS_SALES_ENTRY_DIALOG (self), FALSE);

  if (self->loading_units)
    {
      self->pending_unit_id = unit_id;
      return TRUE;
    }
  for (guint i = 0; i < self->unit_ids->len; i++)
    if (g_array_index (self->unit_ids, gint64, i) == unit_id)
      {
        if (gtk_drop_down_get_selected (self->unit_dropdown) == i)
          unit_selected_cb (self);
        else
          gtk_drop_down_set_selected (self->unit_dropdown, i);
        return TRUE;
      }
  return FALSE;
}

gboolean
plaza_sales_entry_dialog_select_unit_code (PlazaSalesEntryDialog *self,
                                           const char            *code)
{
  g_return_val_if_fail (PLAZA_IS_SALES_ENTRY_DIALOG (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  if (self->loading_units)
    {
      g_free (self->pending_code);
      self->pending_code = g_strdup (code);
      return TRUE;
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->unit_names)); i++)
    {
      const char *name = gtk_string_list_get_string (self->unit_names, i);
      gsize len = strlen (code);

      if (strncmp (name, code, len) == 0 && (name[len] == '\0' || name[len] == ' '))
        return plaza_sales_entry_dialog_select_unit (self, g_array_index (self->unit_ids, gint64, i));
    }
  return FALSE;
}

void
plaza_sales_entry_dialog_set_month (PlazaSalesEntryDialog *self,
                                    const char            *month)
{
  g_return_if_fail (PLAZA_IS_SALES_ENTRY_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->month_entry), month);
}

gboolean
plaza_sales_entry_dialog_get_can_estimate (PlazaSalesEntryDialog *self)
{
  g_return_val_if_fail (PLAZA_IS_SALES_ENTRY_DIALOG (self), FALSE);
  return self->can_estimate && self->days != NULL;
}

void
plaza_sales_entry_dialog_save (PlazaSalesEntryDialog *self)
{
  Job *job;

  g_return_if_fail (PLAZA_IS_SALES_ENTRY_DIALOG (self));

  if (plaza_sales_entry_dialog_get_loading (self) || self->days == NULL)
    return;
  job = g_new0 (Job, 1);
  job->unit_id = self->unit_id;
  job->changes = g_array_new (FALSE, TRUE, sizeof (Change));
  for (guint i = 0; i < self->days->len; i++)
    {
      DayRow *row = &g_array_index (self->days, DayRow, i);
      g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row->entry))));
      Change change;

      if (row->reason != NULL)
        {
          show_save_error (self, _("Correct the amounts marked in red first."));
          job_free (job);
          return;
        }
      if (g_strcmp0 (text, row->original) == 0)
        continue;
      memset (&change, 0, sizeof change);
      g_strlcpy (change.date, row->date, sizeof change.date);
      change.amount = -1;
      /* A corrected amount keeps the day's reported transactions. */
      change.transactions = row->source == PLAZA_SALES_SOURCE_ESTIMATED ? -1 : row->transactions;
      if (*text != '\0' && !plaza_money_parse (text, &change.amount))
        g_assert_not_reached ();
      if (*text == '\0' && row->source < 0)
        continue;
      g_array_append_val (job->changes, change);
    }
  if (job->changes->len == 0)
    {
      job_free (job);
      return;
    }
  self->saving = TRUE;
  plaza_sales_entry_dialog_update_state (self);
  plaza_worker_run_async (self->worker, save_func, job, job_free, self->cancellable, save_done_cb,
                          g_object_ref (self));
}

void
plaza_sales_entry_dialog_estimate (PlazaSalesEntryDialog   *self,
                                   PlazaSalesEstimateBasis  basis)
{
  Job *job;

  g_return_if_fail (PLAZA_IS_SALES_ENTRY_DIALOG (self));

  if (plaza_sales_entry_dialog_get_loading (self) || self->unit_id <= 0 || self->month == NULL)
    return;
  job = g_new0 (Job, 1);
  job->unit_id = self->unit_id;
  job->month = g_strdup (self->month);
  job->basis = (int) basis;
  self->saving = TRUE;
  plaza_sales_entry_dialog_update_state (self);
  plaza_worker_run_async (self->worker, estimate_func, job, job_free, self->cancellable, estimate_done_cb,
                          g_object_ref (self));
}

const char *
plaza_sales_entry_dialog_get_save_error (PlazaSalesEntryDialog *self)
{
  g_return_val_if_fail (PLAZA_IS_SALES_ENTRY_DIALOG (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->save_error)) ? gtk_label_get_label (self->save_error) : NULL;
}

