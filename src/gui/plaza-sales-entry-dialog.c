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
 * come from the units list query, in the worker too.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "plaza-list-query.h"
#include "plaza-money.h"
#include "plaza-sales-entry-dialog.h"

/* Columns of the units list (plaza-list-query.c). */
#define UNIT_CODE_COLUMN   0
#define UNIT_TENANT_COLUMN 6

typedef struct
{
  GtkEntry   *entry;
  GtkLabel   *source_label;
  GtkLabel   *error_label;
  char       *date;       /* YYYY-MM-DD */
  char       *original;   /* the stored amount as text, "" when none */
  char       *reason;     /* why the text is not an amount, or NULL */
  int         source;     /* a PlazaSalesSource, or -1 when no row */
} DayRow;

struct _PlazaSalesEntryDialog
{
  AdwWindow       parent_instance;

  /* template widgets */
  GtkButton      *close_button;
  GtkButton      *save_button;
  GtkSpinner     *spinner;
  GtkDropDown    *unit_dropdown;
  GtkEntry       *month_entry;
  GtkLabel       *month_error;
  GtkBox         *estimate_box;
  GtkDropDown    *basis_dropdown;
  GtkButton      *estimate_button;
  GtkLabel       *summary_label;
  GtkGrid        *days_grid;
  GtkLabel       *save_error;

  /* owned */
  PlazaWorker    *worker;
  GCancellable   *cancellable;        /* everything; cancelled on dispose */
  GCancellable   *month_cancellable;  /* the month being loaded */
  GtkStringList  *unit_names;
  GArray         *unit_ids;           /* gint64, as unit_names */
  GArray         *days;               /* DayRow */
  char           *month;              /* the month shown, YYYY-MM */
  char           *status;             /* after a save or estimate */
  gint64          unit_id;            /* the unit shown */
  gint64          pending_unit_id;    /* chosen before the units arrived */
  char           *pending_code;

  gboolean        loading_units;
  gboolean        loading_month;
  gboolean        saving;
  gboolean        filling;            /* setting texts from the store */
  gboolean        can_estimate;
};

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
  gint64 amount;     /* -1: delete */
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
day_row_clear (gpointer data)
{
  DayRow *row = data;

  g_free (row->date);
  g_free (row->original);
  g_free (row->reason);
}

static const char *
source_text (int source)
{
  switch (source)
    {
    case PLAZA_SALES_SOURCE_POS:
      return _("POS");
    case PLAZA_SALES_SOURCE_MANUAL:
      return _("Manual");
    case PLAZA_SALES_SOURCE_ESTIMATED:
      return _("Estimated");
    default:
      return "";
    }
}

static void
update_state (PlazaSalesEntryDialog *self)
{
  gboolean busy = self->loading_units || self->loading_month || self->saving;
  gboolean changed = FALSE, invalid = FALSE;
  gint64 total = 0;
  guint n_with = 0;

  for (guint i = 0; self->days != NULL && i < self->days->len; i++)
    {
      DayRow *row = &g_array_index (self->days, DayRow, i);
      const char *text = gtk_editable_get_text (GTK_EDITABLE (row->entry));
      g_autofree char *stripped = g_strstrip (g_strdup (text));
      gint64 fen;

      if (row->reason != NULL)
        invalid = TRUE;
      else if (g_strcmp0 (stripped, row->original) != 0)
        changed = TRUE;
      if (row->reason == NULL && *text != '\0' && plaza_money_parse (text, &fen))
        {
          total += fen;
          n_with++;
        }
    }

  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), changed && !invalid && !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->estimate_box), self->can_estimate && !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->estimate_button), !busy);

  if (self->status != NULL)
    gtk_label_set_label (self->summary_label, self->status);
  else if (self->days != NULL && self->days->len > 0)
    {
      g_autofree char *money = plaza_money_format (total, TRUE);
      g_autofree char *text = g_strdup_printf (ngettext ("%s on %u day", "%s on %u days", n_with), money, n_with);
      gtk_label_set_label (self->summary_label, text);
    }
  else
    gtk_label_set_label (self->summary_label, "");
}

static char *
check_amount (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  gint64 fen;

  if (*stripped == '\0')
    return NULL;
  if (!plaza_money_parse (stripped, &fen))
    return g_strdup (_("Enter an amount in yuan, like 12345.60."));
  if (fen < 0)
    return g_strdup (_("Sales cannot be negative."));
  return NULL;
}

static void
day_changed_cb (GtkEditable           *entry,
                PlazaSalesEntryDialog *self)
{
  for (guint i = 0; self->days != NULL && i < self->days->len; i++)
    {
      DayRow *row = &g_array_index (self->days, DayRow, i);
      g_autofree char *text = NULL;

      if (GTK_EDITABLE (row->entry) != entry)
        continue;
      g_free (row->reason);
      row->reason = check_amount (gtk_editable_get_text (entry));
      gtk_label_set_label (row->error_label, row->reason != NULL ? row->reason : "");
      gtk_widget_set_visible (GTK_WIDGET (row->error_label), row->reason != NULL);
      if (row->reason != NULL)
        gtk_widget_add_css_class (GTK_WIDGET (row->entry), "error");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (row->entry), "error");
      text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
      if (!self->filling && g_strcmp0 (text, row->original) != 0)
        gtk_label_set_label (row->source_label, *text == '\0' ? _("Cleared, not saved") : _("Manual, not saved"));
      else
        gtk_label_set_label (row->source_label, source_text (row->source));
      break;
    }
  if (!self->filling)
    g_clear_pointer (&self->status, g_free);
  update_state (self);
}

static void
clear_days (PlazaSalesEntryDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->days_grid))) != NULL)
    gtk_grid_remove (self->days_grid, child);
  g_clear_pointer (&self->days, g_array_unref);
}

static GtkWidget *
grid_label (const char *text,
            float       xalign,
            const char *css)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  if (css != NULL)
    gtk_widget_add_css_class (label, css);
  return label;
}

/* One row per day of the month, up to today. */
static void
build_days (PlazaSalesEntryDialog *self,
            GPtrArray             *stored)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year, month, today_ym, n;
  guint k = 0;

  clear_days (self);
  self->days = g_array_new (FALSE, TRUE, sizeof (DayRow));
  g_array_set_clear_func (self->days, day_row_clear);
  self->can_estimate = TRUE;
  if (sscanf (self->month, "%4d-%2d", &year, &month) != 2)
    return;
  today_ym = g_date_time_get_year (now) * 100 + g_date_time_get_month (now);
  n = g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year);
  if (year * 100 + month == today_ym)
    n = g_date_time_get_day_of_month (now);

  gtk_grid_attach (self->days_grid, grid_label (_("Day"), 0, "heading"), 0, 0, 2, 1);
  gtk_grid_attach (self->days_grid, grid_label (_("Sales (¥)"), 1, "heading"), 2, 0, 1, 1);
  gtk_grid_attach (self->days_grid, grid_label (_("Source"), 0, "heading"), 3, 0, 1, 1);

  self->filling = TRUE;
  for (int d = 1; d <= n; d++)
    {
      DayRow row = { NULL, NULL, NULL, NULL, NULL, NULL, -1 };
      GDate date;
      char weekday[64];
      g_autofree char *day_text = NULL;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, (GDateDay) d, (GDateMonth) month, (GDateYear) year);
      if (g_date_strftime (weekday, sizeof weekday, "%a", &date) == 0)
        weekday[0] = '\0';
      row.date = g_strdup_printf ("%04d-%02d-%02d", year, month, d);
      row.original = g_strdup ("");
      while (stored != NULL && k < stored->len &&
             strcmp (((PlazaSalesDay *) stored->pdata[k])->date, row.date) < 0)
        k++;
      if (stored != NULL && k < stored->len && strcmp (((PlazaSalesDay *) stored->pdata[k])->date, row.date) == 0)
        {
          const PlazaSalesDay *day = stored->pdata[k];

          g_free (row.original);
          row.original = plaza_money_format_plain (day->amount);
          row.source = (int) day->source;
          if (day->source != PLAZA_SALES_SOURCE_ESTIMATED)
            self->can_estimate = FALSE;
        }

      day_text = g_strdup_printf ("%02d-%02d", month, d);
      gtk_grid_attach (self->days_grid, grid_label (day_text, 0, "numeric"), 0, d, 1, 1);
      gtk_grid_attach (self->days_grid, grid_label (weekday, 0, "dim-label"), 1, d, 1, 1);

      row.entry = GTK_ENTRY (gtk_entry_new ());
      gtk_editable_set_width_chars (GTK_EDITABLE (row.entry), 14);
      gtk_editable_set_alignment (GTK_EDITABLE (row.entry), 1);
      gtk_widget_add_css_class (GTK_WIDGET (row.entry), "numeric");
      gtk_editable_set_text (GTK_EDITABLE (row.entry), row.original);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row.entry), GTK_ACCESSIBLE_PROPERTY_LABEL, row.date, -1);
      gtk_grid_attach (self->days_grid, GTK_WIDGET (row.entry), 2, d, 1, 1);

      row.source_label = GTK_LABEL (grid_label (source_text (row.source), 0, "dim-label"));
      gtk_widget_set_hexpand (GTK_WIDGET (row.source_label), TRUE);
      gtk_grid_attach (self->days_grid, GTK_WIDGET (row.source_label), 3, d, 1, 1);
      row.error_label = GTK_LABEL (grid_label ("", 0, "error"));
      gtk_widget_set_visible (GTK_WIDGET (row.error_label), FALSE);
      gtk_label_set_wrap (row.error_label, TRUE);
      gtk_grid_attach (self->days_grid, GTK_WIDGET (row.error_label), 4, d, 1, 1);

      g_array_append_val (self->days, row);
      g_signal_connect (row.entry, "changed", G_CALLBACK (day_changed_cb), self);
    }
  self->filling = FALSE;
}

static DayRow *
day_row (PlazaSalesEntryDialog *self,
         guint                  day)
{
  if (self->days == NULL || day == 0 || day > self->days->len)
    return NULL;
  return &g_array_index (self->days, DayRow, day - 1);
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
                                  : plaza_sales_set_day (store, job->unit_id, c->date, c->amount, -1, error);
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
      update_state (self);
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
  update_state (self);
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
      clear_days (self);
      self->can_estimate = FALSE;
      show_save_error (self, error->message);
    }
  else
    build_days (self, days);
  update_state (self);
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
      update_state (self);
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
  update_state (self);
  plaza_worker_run_async (self->worker, month_func, job, job_free, self->month_cancellable, month_done_cb,
                          g_object_ref (self));
}

/* ---- the type ---- */

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
  update_state (self);
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

guint
plaza_sales_entry_dialog_get_n_days (PlazaSalesEntryDialog *self)
{
  g_return_val_if_fail (PLAZA_IS_SALES_ENTRY_DIALOG (self), 0);
  return self->days != NULL ? self->days->len : 0;
}

void
plaza_sales_entry_dialog_set_day (PlazaSalesEntryDialog *self,
                                  guint                  day,
                                  const char            *text)
{
  DayRow *row;

  g_return_if_fail (PLAZA_IS_SALES_ENTRY_DIALOG (self));
  row = day_row (self, day);
  g_return_if_fail (row != NULL);
  gtk_editable_set_text (GTK_EDITABLE (row->entry), text);
}

const char *
plaza_sales_entry_dialog_get_day (PlazaSalesEntryDialog *self,
                                  guint                  day)
{
  DayRow *row;

  g_return_val_if_fail (PLAZA_IS_SALES_ENTRY_DIALOG (self), NULL);
  row = day_row (self, day);
  return row != NULL ? gtk_editable_get_text (GTK_EDITABLE (row->entry)) : NULL;
}

const char *
plaza_sales_entry_dialog_get_day_source (PlazaSalesEntryDialog *self,
                                         guint                  day)
{
  DayRow *row;

  g_return_val_if_fail (PLAZA_IS_SALES_ENTRY_DIALOG (self), NULL);
  row = day_row (self, day);
  return row != NULL ? gtk_label_get_label (row->source_label) : NULL;
}

const char *
plaza_sales_entry_dialog_get_day_error (PlazaSalesEntryDialog *self,
                                        guint                  day)
{
  DayRow *row;

  g_return_val_if_fail (PLAZA_IS_SALES_ENTRY_DIALOG (self), NULL);
  row = day_row (self, day);
  return row != NULL ? row->reason : NULL;
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
  update_state (self);
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
  update_state (self);
  plaza_worker_run_async (self->worker, estimate_func, job, job_free, self->cancellable, estimate_done_cb,
                          g_object_ref (self));
}

const char *
plaza_sales_entry_dialog_get_save_error (PlazaSalesEntryDialog *self)
{
  g_return_val_if_fail (PLAZA_IS_SALES_ENTRY_DIALOG (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->save_error)) ? gtk_label_get_label (self->save_error) : NULL;
}
