/* plaza-billing-page-arrears.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Arrears view of the Billing page: the aging table at a date
 * (plaza_arrears_aging_with_fees) with sortable columns and the total row
 * pinned last, a stacked bar chart of the buckets for the tenants owing
 * most, and for the selected tenants "Dunning Letters…" (a PDF through
 * plaza_dunning_write) and "Bill Late Fees" (plaza_late_fees_bill).
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-arrears.h"
#include "plaza-billing-page-private.h"
#include "plaza-chart.h"
#include "plaza-date.h"
#include "plaza-dunning.h"
#include "plaza-money.h"
#include "plaza-payment-dialog.h"
#include "plaza-record.h"

#define CHART_TENANTS 12

enum
{
  COL_TENANT,
  COL_CURRENT, COL_CURRENT_INT,
  COL_0_30, COL_0_30_INT,
  COL_31_60, COL_31_60_INT,
  COL_61_90, COL_61_90_INT,
  COL_90, COL_90_INT,
  COL_TOTAL, COL_TOTAL_INT,
  COL_FEE, COL_FEE_INT,
  COL_CREDIT, COL_CREDIT_INT,
  N_COLS
};

static gpointer
aging_job (PlazaStore   *store,
           gpointer      data,
           GCancellable *cancellable G_GNUC_UNUSED,
           GError      **error)
{
  GPtrArray *rows = NULL;

  if (!plaza_arrears_aging_with_fees (store, data, &rows, error))
    return NULL;
  return rows;
}

static void
set_money (PlazaRecord *record,
           guint        column,
           gint64       fen)
{
  g_autofree char *text = fen != 0 ? plaza_money_format (fen, TRUE) : g_strdup ("—");

  plaza_record_set_text (record, column, text);
  plaza_record_set_int (record, column + 1, fen);
}

static void
update_chart (PlazaBillingPage *self)
{
  static const char * const buckets[] = {
    N_("Current"), N_("0–30 days"), N_("31–60 days"), N_("61–90 days"), N_("Over 90 days")
  };
  g_autoptr(GPtrArray) top = g_ptr_array_new ();
  g_autofree char *subtitle = NULL;
  PlazaChart *chart;

  for (guint i = 0; i < self->arrears->len; i++)
    {
      PlazaArrearsRow *row = g_ptr_array_index (self->arrears, i);

      if (row->tenant_id != 0 && row->total > 0)
        g_ptr_array_add (top, row);
    }
  if (top->len == 0)
    {
      plaza_chart_view_set_chart (self->arrears_chart, NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->arrears_chart), FALSE);
      return;
    }
  /* The tenants owing most, largest first. */
  for (guint i = 1; i < top->len; i++)
    for (guint j = i; j > 0; j--)
      {
        PlazaArrearsRow *a = g_ptr_array_index (top, j - 1);
        PlazaArrearsRow *b = g_ptr_array_index (top, j);

        if (a->total >= b->total)
          break;
        top->pdata[j - 1] = b;
        top->pdata[j] = a;
      }
  chart = plaza_chart_new (PLAZA_CHART_STACKED, PLAZA_CHART_UNIT_FEN, _("Arrears by Age"));
  /* Translators: %u is a number of tenants, %s a date. */
  subtitle = g_strdup_printf (_("The %u tenants owing most, as of %s"), MIN (top->len, CHART_TENANTS),
                              self->arrears_as_of);
  plaza_chart_set_subtitle (chart, subtitle);
  for (guint b = 0; b < G_N_ELEMENTS (buckets); b++)
    plaza_chart_add_series (chart, _(buckets[b]), PLAZA_CHART_SERIES_NORMAL);
  for (guint i = 0; i < MIN (top->len, CHART_TENANTS); i++)
    {
      PlazaArrearsRow *row = g_ptr_array_index (top, i);
      guint c = plaza_chart_add_category (chart, row->code, row->name);

      plaza_chart_set_value (chart, 0, c, row->current);
      plaza_chart_set_value (chart, 1, c, row->days_0_30);
      plaza_chart_set_value (chart, 2, c, row->days_31_60);
      plaza_chart_set_value (chart, 3, c, row->days_61_90);
      plaza_chart_set_value (chart, 4, c, row->days_90_plus);
    }
  plaza_chart_view_set_chart (self->arrears_chart, chart);
  gtk_widget_set_visible (GTK_WIDGET (self->arrears_chart), TRUE);
}

static void
fill (PlazaBillingPage *self)
{
  g_list_store_remove_all (self->arrears_store);
  for (guint i = 0; i < self->arrears->len; i++)
    {
      PlazaArrearsRow *row = g_ptr_array_index (self->arrears, i);
      g_autoptr(PlazaRecord) record = plaza_record_new (row->tenant_id, N_COLS);
      g_autofree char *tenant = row->tenant_id != 0 ? g_strdup_printf ("%s %s", row->code, row->name)
                                                    : g_strdup (row->name);

      plaza_record_set_text (record, COL_TENANT, tenant);
      set_money (record, COL_CURRENT, row->current);
      set_money (record, COL_0_30, row->days_0_30);
      set_money (record, COL_31_60, row->days_31_60);
      set_money (record, COL_61_90, row->days_61_90);
      set_money (record, COL_90, row->days_90_plus);
      set_money (record, COL_TOTAL, row->total);
      set_money (record, COL_FEE, row->late_fee);
      set_money (record, COL_CREDIT, row->credit);
      g_list_store_append (self->arrears_store, record);
    }
  if (self->arrears->len <= 1)
    {
      g_autofree char *text = g_strdup_printf (_("No tenant owed anything or had credit on %s. Record bills with the bill run, or pick another date."),
                                               self->arrears_as_of);

      adw_status_page_set_icon_name (self->arrears_status, "emblem-ok-symbolic");
      adw_status_page_set_title (self->arrears_status, _("No Arrears"));
      adw_status_page_set_description (self->arrears_status, text);
      gtk_stack_set_visible_child_name (self->arrears_stack, "status");
    }
  else
    gtk_stack_set_visible_child_name (self->arrears_stack, "table");
  gtk_widget_set_sensitive (self->dunning_button, self->arrears->len > 1);
  gtk_widget_set_sensitive (self->late_fee_button, self->arrears->len > 1);
  update_chart (self);
}

static void
aging_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(PlazaBillingPage) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = plaza_worker_run_finish (PLAZA_WORKER (source), result, &error);

  plaza_billing_page_busy_pop (self);
  if (rows == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      adw_status_page_set_icon_name (self->arrears_status, "dialog-error-symbolic");
      adw_status_page_set_title (self->arrears_status, _("The Arrears Could Not Be Computed"));
      adw_status_page_set_description (self->arrears_status, error != NULL ? error->message : "");
      gtk_stack_set_visible_child_name (self->arrears_stack, "status");
      return;
    }
  g_clear_pointer (&self->arrears, g_ptr_array_unref);
  self->arrears = rows;
  fill (self);
}

void
plaza_billing_arrears_load (PlazaBillingPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->arrears_date));
  GDate date;

  if (!plaza_date_parse (text, &date))
    {
      gtk_label_set_label (self->arrears_error, _("Enter the date as YYYY-MM-DD, e.g. 2026-11-27."));
      gtk_widget_set_visible (GTK_WIDGET (self->arrears_error), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->arrears_date), "error");
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->arrears_error), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->arrears_date), "error");
  g_free (self->arrears_as_of);
  self->arrears_as_of = g_strdup (text);
  plaza_billing_page_busy_push (self);
  plaza_worker_run_async (self->worker, aging_job, g_strdup (text), g_free, self->cancellable, aging_done_cb,
                          g_object_ref (self));
}

/* ---- actions on the selected tenants ---- */

static GArray *
selected_tenants (PlazaBillingPage *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GListModel *model = G_LIST_MODEL (self->arrears_selection);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    if (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (self->arrears_selection), i))
      {
        g_autoptr(PlazaRecord) record = g_list_model_get_item (model, i);
        gint64 id = plaza_record_get_id (record);

        if (id != 0)
          g_array_append_val (ids, id);
      }
  return ids;
}

typedef struct
{
  char   *as_of;
  char   *path;
  GArray *tenants;   /* NULL: every tenant overdue */
} ActionJob;

static void
action_job_free (gpointer data)
{
  ActionJob *job = data;

  g_free (job->as_of);
  g_free (job->path);
  g_clear_pointer (&job->tenants, g_array_unref);
  g_free (job);
}

static gpointer
dunning_job (PlazaStore   *store,
             gpointer      data,
             GCancellable *cancellable G_GNUC_UNUSED,
             GError      **error)
{
  ActionJob *job = data;
  guint n = 0;

  if (!plaza_dunning_write (store, job->as_of, job->tenants, 1, NULL, job->path, &n, error))
    return NULL;
  return GUINT_TO_POINTER (n + 1);
}

static void
dunning_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PlazaBillingPage) self = user_data;
  g_autoptr(GError) error = NULL;
  guint n = GPOINTER_TO_UINT (plaza_worker_run_finish (PLAZA_WORKER (source), result, &error));
  g_autofree char *text = NULL;

  plaza_billing_page_busy_pop (self);
  if (n == 0)
    text = g_strdup_printf (_("No dunning letters written: %s"), error->message);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u dunning letter written", "%u dunning letters written",
                                         n - 1), n - 1);
  plaza_billing_page_toast (self, text);
}

void
plaza_billing_page_write_dunning (PlazaBillingPage *self,
                                  const char       *path,
                                  GArray           *tenant_ids)
{
  ActionJob *job;

  g_return_if_fail (PLAZA_IS_BILLING_PAGE (self));
  g_return_if_fail (self->worker != NULL && self->arrears_as_of != NULL);

  job = g_new0 (ActionJob, 1);
  job->as_of = g_strdup (self->arrears_as_of);
  job->path = g_strdup (path);
  if (tenant_ids != NULL && tenant_ids->len > 0)
    job->tenants = g_array_ref (tenant_ids);
  plaza_billing_page_busy_push (self);
  plaza_worker_run_async (self->worker, dunning_job, job, action_job_free, self->cancellable,
                          dunning_done_cb, g_object_ref (self));
}

static void
dunning_response_cb (GtkNativeDialog  *dialog,
                     int               response,
                     PlazaBillingPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->worker != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GArray) tenants = selected_tenants (self);
      g_autofree char *path = g_file_get_path (file);

      plaza_billing_page_write_dunning (self, path, tenants);
    }
  g_object_unref (dialog);
}

static void
dunning_clicked_cb (PlazaBillingPage *self)
{
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;

  if (self->arrears_as_of == NULL)
    return;
  dialog = gtk_file_chooser_native_new (_("Save Dunning Letters"),
                                        GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  /* Translators: the file name of the dunning letters; %s is a date. */
  name = g_strdup_printf (_("Dunning letters %s.pdf"), self->arrears_as_of);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (dunning_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static gpointer
late_fee_job (PlazaStore   *store,
              gpointer      data,
              GCancellable *cancellable G_GNUC_UNUSED,
              GError      **error)
{
  ActionJob *job = data;
  guint total = 0;

  for (guint i = 0; i < (job->tenants != NULL ? job->tenants->len : 1); i++)
    {
      guint n = 0;

      if (!plaza_late_fees_bill (store, job->tenants != NULL ? g_array_index (job->tenants, gint64, i) : 0,
                                 job->as_of, &n, error))
        return NULL;
      total += n;
    }
  return GUINT_TO_POINTER (total + 1);
}

static void
late_fee_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(PlazaBillingPage) self = user_data;
  g_autoptr(GError) error = NULL;
  guint n = GPOINTER_TO_UINT (plaza_worker_run_finish (PLAZA_WORKER (source), result, &error));
  g_autofree char *text = NULL;

  plaza_billing_page_busy_pop (self);
  if (n == 0)
    text = g_strdup_printf (_("No late fees billed: %s"), error->message);
  else if (n == 1)
    text = g_strdup (_("There were no late fees left to bill."));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u late-fee bill issued", "%u late-fee bills issued",
                                         n - 1), n - 1);
  plaza_billing_page_toast (self, text);
  if (n > 1)
    plaza_billing_page_invalidate (self);
}

void
plaza_billing_page_bill_late_fees (PlazaBillingPage *self,
                                   GArray           *tenant_ids)
{
  ActionJob *job;

  g_return_if_fail (PLAZA_IS_BILLING_PAGE (self));
  g_return_if_fail (self->worker != NULL && self->arrears_as_of != NULL);

  job = g_new0 (ActionJob, 1);
  job->as_of = g_strdup (self->arrears_as_of);
  if (tenant_ids != NULL && tenant_ids->len > 0)
    job->tenants = g_array_ref (tenant_ids);
  plaza_billing_page_busy_push (self);
  plaza_worker_run_async (self->worker, late_fee_job, job, action_job_free, self->cancellable,
                          late_fee_done_cb, g_object_ref (self));
}

static void
late_fee_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      PlazaBillingPage *self)
{
  if (g_strcmp0 (response, "bill") != 0 || self->worker == NULL)
    return;
  plaza_billing_page_bill_late_fees (self, g_object_get_data (G_OBJECT (dialog), "tenants"));
}

static void
late_fee_clicked_cb (PlazaBillingPage *self)
{
  GArray *tenants;
  GtkWidget *dialog;
  g_autofree char *body = NULL;

  if (self->arrears_as_of == NULL)
    return;
  tenants = selected_tenants (self);
  if (tenants->len == 0)
    /* Translators: %s is a date. */
    body = g_strdup_printf (_("Every tenant’s unbilled late fees as of %s are billed as supplementary bills, one per overdue bill."),
                            self->arrears_as_of);
  else
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "The unbilled late fees of the selected tenant as of %2$s are billed as supplementary bills, one per overdue bill (%1$u tenant).",
                                         "The unbilled late fees of the %1$u selected tenants as of %2$s are billed as supplementary bills, one per overdue bill.",
                                         tenants->len),
                            tenants->len, self->arrears_as_of);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Bill Late Fees?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "bill", _("_Bill Late Fees"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "bill", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "bill");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "tenants", tenants, (GDestroyNotify) g_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (late_fee_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
selection_changed_cb (PlazaBillingPage *self)
{
  g_autoptr(GArray) ids = selected_tenants (self);

  gtk_widget_set_tooltip_text (self->dunning_button,
                               ids->len > 0 ? _("Letters for the selected tenants")
                                            : _("Letters for every tenant overdue; select rows to choose"));
}

static int
pin_total_cb (gconstpointer a,
              gconstpointer b,
              gpointer      user_data G_GNUC_UNUSED)
{
  gboolean x = plaza_record_get_id (PLAZA_RECORD ((gpointer) a)) == 0;
  gboolean y = plaza_record_get_id (PLAZA_RECORD ((gpointer) b)) == 0;

  return x - y;
}

/* A tenant's row opens Record Payment for it. */
static void
row_activated_cb (PlazaBillingPage *self,
                  guint             position)
{
  g_autoptr(PlazaRecord) record = g_list_model_get_item (G_LIST_MODEL (self->arrears_selection), position);
  GtkWindow *dialog;

  if (record == NULL || plaza_record_get_id (record) == 0)
    return;
  dialog = plaza_billing_page_record_payment (self);
  if (dialog != NULL)
    plaza_payment_dialog_set_tenant (PLAZA_PAYMENT_DIALOG (dialog), plaza_record_get_id (record));
}

void
plaza_billing_page_sort_arrears (PlazaBillingPage *self,
                                 guint             column,
                                 gboolean          descending)
{
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_return_if_fail (PLAZA_IS_BILLING_PAGE (self));
  view_column = g_list_model_get_item (gtk_column_view_get_columns (self->arrears_view), column);
  g_return_if_fail (view_column != NULL);
  gtk_column_view_sort_by_column (self->arrears_view, view_column,
                                  descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
}

GListModel *
plaza_billing_page_get_arrears_model (PlazaBillingPage *self)
{
  g_return_val_if_fail (PLAZA_IS_BILLING_PAGE (self), NULL);
  return G_LIST_MODEL (self->arrears_selection);
}

static void
date_activate_cb (PlazaBillingPage *self)
{
  if (self->worker != NULL)
    plaza_billing_arrears_load (self);
}

GtkWidget *
plaza_billing_arrears_build (PlazaBillingPage *self)
{
  static const struct { const char *title; guint column; } money_columns[] = {
    { N_("Current"), COL_CURRENT }, { N_("0–30"), COL_0_30 }, { N_("31–60"), COL_31_60 },
    { N_("61–90"), COL_61_90 }, { N_("90+"), COL_90 }, { N_("Total"), COL_TOTAL },
    { N_("Late Fee"), COL_FEE }, { N_("Credit"), COL_CREDIT },
  };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new_with_mnemonic (_("_As of"));
  GtkWidget *refresh = gtk_button_new_from_icon_name ("view-refresh-symbolic");
  GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_VERTICAL);
  GtkMultiSorter *sorter = gtk_multi_sorter_new ();
  GtkSortListModel *sorted;
  g_autofree char *today = plaza_billing_page_today ();

  self->arrears_date = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_text (GTK_EDITABLE (self->arrears_date), today);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->arrears_date), 11);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->arrears_date));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->arrears_date), _("The date the arrears are aged at (YYYY-MM-DD); Enter to recompute"));
  g_signal_connect_object (self->arrears_date, "activate", G_CALLBACK (date_activate_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_set_tooltip_text (refresh, _("Recompute"));
  g_signal_connect_object (refresh, "clicked", G_CALLBACK (date_activate_cb), self, G_CONNECT_SWAPPED);
  self->arrears_error = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->arrears_error), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->arrears_error), FALSE);
  gtk_widget_set_hexpand (spacer, TRUE);
  self->late_fee_button = gtk_button_new_with_mnemonic (_("Bill _Late Fees"));
  gtk_widget_set_tooltip_text (self->late_fee_button, _("Bill the unbilled late fees of the selected tenants (all when none is selected)"));
  g_signal_connect_object (self->late_fee_button, "clicked", G_CALLBACK (late_fee_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  self->dunning_button = gtk_button_new_with_mnemonic (_("_Dunning Letters…"));
  g_signal_connect_object (self->dunning_button, "clicked", G_CALLBACK (dunning_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (toolbar), label);
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->arrears_date));
  gtk_box_append (GTK_BOX (toolbar), refresh);
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->arrears_error));
  gtk_box_append (GTK_BOX (toolbar), spacer);
  gtk_box_append (GTK_BOX (toolbar), self->late_fee_button);
  gtk_box_append (GTK_BOX (toolbar), self->dunning_button);
  gtk_widget_set_margin_start (toolbar, 12);
  gtk_widget_set_margin_end (toolbar, 12);
  gtk_widget_set_margin_top (toolbar, 6);

  self->arrears_store = g_list_store_new (PLAZA_TYPE_RECORD);
  self->arrears_view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_column_view_set_show_column_separators (self->arrears_view, TRUE);
  /* The total row stays last whatever the column sort. */
  gtk_multi_sorter_append (sorter, GTK_SORTER (gtk_custom_sorter_new (pin_total_cb, NULL, NULL)));
  gtk_multi_sorter_append (sorter, g_object_ref (gtk_column_view_get_sorter (self->arrears_view)));
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->arrears_store)), GTK_SORTER (sorter));
  self->arrears_selection = gtk_multi_selection_new (G_LIST_MODEL (sorted));
  gtk_column_view_set_model (self->arrears_view, GTK_SELECTION_MODEL (self->arrears_selection));
  g_object_unref (self->arrears_selection);
  g_signal_connect_object (self->arrears_view, "activate", G_CALLBACK (row_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->arrears_selection, "selection-changed", G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_column_view_append_column (self->arrears_view, plaza_record_column_new (_("Tenant"), COL_TENANT, -1, TRUE));
  for (guint i = 0; i < G_N_ELEMENTS (money_columns); i++)
    gtk_column_view_append_column (self->arrears_view,
                                   plaza_record_column_new (_(money_columns[i].title), money_columns[i].column,
                                                            (int) money_columns[i].column + 1, FALSE));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->arrears_view));
  gtk_widget_set_vexpand (scrolled, TRUE);

  self->arrears_status = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_title (self->arrears_status, _("Loading…"));
  self->arrears_stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->arrears_stack, scrolled, "table");
  gtk_stack_add_named (self->arrears_stack, GTK_WIDGET (self->arrears_status), "status");
  gtk_stack_set_visible_child_name (self->arrears_stack, "status");

  self->arrears_chart = PLAZA_CHART_VIEW (plaza_chart_view_new ());
  gtk_widget_set_size_request (GTK_WIDGET (self->arrears_chart), -1, 220);
  gtk_widget_set_visible (GTK_WIDGET (self->arrears_chart), FALSE);
  gtk_paned_set_start_child (GTK_PANED (paned), GTK_WIDGET (self->arrears_stack));
  gtk_paned_set_end_child (GTK_PANED (paned), GTK_WIDGET (self->arrears_chart));
  gtk_paned_set_resize_end_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (paned), FALSE);
  gtk_widget_set_vexpand (paned, TRUE);

  gtk_box_append (GTK_BOX (box), toolbar);
  gtk_box_append (GTK_BOX (box), paned);
  selection_changed_cb (self);
  return box;
}
