/* plaza-billing-page-payments.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Payments view of the Billing page: "Record Payment…" (Ctrl+P, the
 * PlazaPaymentDialog) and the recent payments, each reversible once with a
 * reason (plaza_payment_reverse in the worker).
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-billing-page-private.h"
#include "plaza-billing-query.h"
#include "plaza-money.h"
#include "plaza-paced-model.h"
#include "plaza-payment-dialog.h"
#include "plaza-payments.h"
#include "plaza-record.h"

#define RECENT_PAYMENTS 500

enum
{
  COL_TENANT,
  COL_DATE,
  COL_AMOUNT,
  COL_AMOUNT_INT,
  COL_METHOD,
  COL_REFERENCE,
  COL_STATE,
  COL_ALLOCATED,
  COL_ALLOCATED_INT,
  N_COLS
};

static const char *
method_label (const char *method)
{
  if (g_strcmp0 (method, "cash") == 0)
    return _("Cash");
  if (g_strcmp0 (method, "pos") == 0)
    return _("POS");
  if (g_strcmp0 (method, "deposit_offset") == 0)
    return _("Offset against deposit");
  return _("Bank transfer");
}

static gpointer
list_job (PlazaStore   *store,
          gpointer      data G_GNUC_UNUSED,
          GCancellable *cancellable G_GNUC_UNUSED,
          GError      **error)
{
  GPtrArray *rows = NULL;

  if (!plaza_payments_list (store, RECENT_PAYMENTS, &rows, error))
    return NULL;
  return rows;
}

/* All rows in one splice (one change for the view, paced by frames). */
static void
fill (PlazaBillingPage *self)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->payments->len; i++)
    {
      PlazaPaymentRow *row = g_ptr_array_index (self->payments, i);
      PlazaRecord *record = plaza_record_new (row->id, N_COLS);
      g_autofree char *tenant = g_strdup_printf ("%s %s", row->tenant_code, row->tenant_name);
      g_autofree char *amount = plaza_money_format (row->amount, TRUE);
      g_autofree char *allocated = plaza_money_format (row->allocated, TRUE);

      plaza_record_set_text (record, COL_TENANT, tenant);
      plaza_record_set_text (record, COL_DATE, row->date);
      plaza_record_set_text (record, COL_AMOUNT, amount);
      plaza_record_set_int (record, COL_AMOUNT_INT, row->amount);
      plaza_record_set_text (record, COL_METHOD, method_label (row->method));
      plaza_record_set_text (record, COL_REFERENCE, row->reference);
      plaza_record_set_text (record, COL_STATE,
                             row->reversal_of != 0 ? _("Reversal") : row->reversed ? _("Reversed") : "");
      plaza_record_set_text (record, COL_ALLOCATED, allocated);
      plaza_record_set_int (record, COL_ALLOCATED_INT, row->allocated);
      g_ptr_array_add (records, record);
    }
  g_list_store_splice (self->payments_store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->payments_store)),
                       records->pdata, records->len);
  gtk_stack_set_visible_child_name (self->payments_stack, self->payments->len > 0 ? "list" : "status");
  adw_status_page_set_icon_name (self->payments_status, "emblem-ok-symbolic");
  adw_status_page_set_title (self->payments_status, _("No Payments Yet"));
  adw_status_page_set_description (self->payments_status,
                                   _("Record a payment a tenant made with “Record Payment…” (Ctrl+P). It is allocated to the tenant’s oldest open bills."));
}

static void
list_done_cb (GObject      *source,
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
      gtk_stack_set_visible_child_name (self->payments_stack, "status");
      adw_status_page_set_icon_name (self->payments_status, "dialog-error-symbolic");
      adw_status_page_set_title (self->payments_status, _("The Payments Could Not Be Read"));
      adw_status_page_set_description (self->payments_status, error != NULL ? error->message : "");
      return;
    }
  g_clear_pointer (&self->payments, g_ptr_array_unref);
  self->payments = rows;
  fill (self);
}

void
plaza_billing_payments_load (PlazaBillingPage *self)
{
  plaza_billing_page_busy_push (self);
  plaza_worker_run_async (self->worker, list_job, NULL, NULL, self->cancellable, list_done_cb,
                          g_object_ref (self));
}

/* ---- reversing ---- */

typedef struct
{
  gint64  payment_id;
  char   *reason;
} ReverseJob;

static void
reverse_job_free (gpointer data)
{
  ReverseJob *job = data;

  g_free (job->reason);
  g_free (job);
}

static gpointer
reverse_job (PlazaStore   *store,
             gpointer      data,
             GCancellable *cancellable G_GNUC_UNUSED,
             GError      **error)
{
  ReverseJob *job = data;
  gint64 reversal = 0;

  if (!plaza_payment_reverse (store, job->payment_id, NULL, job->reason, &reversal, error))
    return NULL;
  return GINT_TO_POINTER (1);
}

static void
reverse_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PlazaBillingPage) self = user_data;
  g_autoptr(GError) error = NULL;

  plaza_billing_page_busy_pop (self);
  if (plaza_worker_run_finish (PLAZA_WORKER (source), result, &error) == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The payment was not reversed: %s"), error->message);

      plaza_billing_page_toast (self, text);
      return;
    }
  plaza_billing_page_toast (self, _("Payment reversed"));
  plaza_billing_page_invalidate (self);
}

void
plaza_billing_page_reverse_payment (PlazaBillingPage *self,
                                    gint64            payment_id,
                                    const char       *reason)
{
  ReverseJob *job = g_new0 (ReverseJob, 1);

  g_return_if_fail (PLAZA_IS_BILLING_PAGE (self));
  g_return_if_fail (self->worker != NULL);

  job->payment_id = payment_id;
  job->reason = g_strdup (reason);
  plaza_billing_page_busy_push (self);
  plaza_worker_run_async (self->worker, reverse_job, job, reverse_job_free, self->cancellable,
                          reverse_done_cb, g_object_ref (self));
}

static void
reason_changed_cb (GtkEditable      *entry,
                   AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "reverse", *text != '\0');
}

static void
reverse_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     PlazaBillingPage *self)
{
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "payment-id"));
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (g_strcmp0 (response, "reverse") == 0 && *reason != '\0')
    plaza_billing_page_reverse_payment (self, id, reason);
}

static void
reverse_clicked_cb (PlazaBillingPage *self)
{
  PlazaRecord *record = gtk_single_selection_get_selected_item (self->payments_selection);
  PlazaPaymentRow *row = NULL;
  GtkWidget *dialog;
  GtkWidget *entry;
  g_autofree char *amount = NULL;
  g_autofree char *body = NULL;

  if (record == NULL || self->payments == NULL)
    return;
  for (guint i = 0; i < self->payments->len; i++)
    if (((PlazaPaymentRow *) g_ptr_array_index (self->payments, i))->id == plaza_record_get_id (record))
      row = g_ptr_array_index (self->payments, i);
  if (row == NULL)
    return;
  if (row->reversal_of != 0 || row->reversed)
    {
      plaza_billing_page_toast (self, row->reversal_of != 0 ? _("A reversal cannot be reversed.")
                                                            : _("This payment is already reversed."));
      return;
    }
  amount = plaza_money_format (row->amount, TRUE);
  /* Translators: the payment's amount, date and tenant. */
  body = g_strdup_printf (_("The payment of %s on %s by %s and its allocations are undone by a reversal dated today. Give the reason."),
                          amount, row->date, row->tenant_name);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Reverse the Payment?"), body);
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason, e.g. bounced transfer"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "reverse", _("_Reverse"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reverse",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "reverse", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "reverse");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "payment-id", GSIZE_TO_POINTER ((gsize) row->id));
  g_signal_connect (entry, "changed", G_CALLBACK (reason_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (reverse_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
payment_saved_cb (PlazaBillingPage *self)
{
  plaza_billing_page_toast (self, _("Payment recorded"));
  plaza_billing_page_invalidate (self);
}

GtkWindow *
plaza_billing_page_record_payment (PlazaBillingPage *self)
{
  GtkRoot *root;
  PlazaPaymentDialog *dialog;

  g_return_val_if_fail (PLAZA_IS_BILLING_PAGE (self), NULL);
  if (self->worker == NULL)
    return NULL;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = plaza_payment_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->worker);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (payment_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

static void
selection_cb (PlazaBillingPage *self)
{
  gtk_widget_set_sensitive (self->reverse_button,
                            gtk_single_selection_get_selected_item (self->payments_selection) != NULL);
}

GtkWidget *
plaza_billing_payments_build (PlazaBillingPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *record_button = gtk_button_new_with_mnemonic (_("_Record Payment…"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkSortListModel *sorted;
  PlazaPacedModel *paced;
  GtkWidget *title = gtk_label_new (_("Recent payments"));

  gtk_widget_add_css_class (record_button, "suggested-action");
  g_object_set_data (G_OBJECT (self), "plaza-record-payment", record_button);   /* for the role guard */
  gtk_widget_set_tooltip_text (record_button, _("Record a payment (Ctrl+P)"));
  g_signal_connect_object (record_button, "clicked", G_CALLBACK (plaza_billing_page_record_payment), self,
                           G_CONNECT_SWAPPED);
  self->reverse_button = gtk_button_new_with_mnemonic (_("Re_verse…"));
  gtk_widget_set_tooltip_text (self->reverse_button, _("Reverse the selected payment"));
  gtk_widget_set_sensitive (self->reverse_button, FALSE);
  g_signal_connect_object (self->reverse_button, "clicked", G_CALLBACK (reverse_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_set_hexpand (title, TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0.0f);
  gtk_box_append (GTK_BOX (toolbar), title);
  gtk_box_append (GTK_BOX (toolbar), self->reverse_button);
  gtk_box_append (GTK_BOX (toolbar), record_button);
  gtk_widget_set_margin_start (toolbar, 12);
  gtk_widget_set_margin_end (toolbar, 12);
  gtk_widget_set_margin_top (toolbar, 6);

  self->payments_store = g_list_store_new (PLAZA_TYPE_RECORD);
  self->payments_view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->payments_store)),
                                    g_object_ref (gtk_column_view_get_sorter (self->payments_view)));
  /* A page of new rows reaches the view 8 rows a frame. */
  paced = plaza_paced_model_new (G_LIST_MODEL (sorted), 200, 8);
  plaza_paced_model_set_widget (paced, GTK_WIDGET (self->payments_view));
  g_object_unref (sorted);
  self->payments_selection = gtk_single_selection_new (G_LIST_MODEL (paced));
  gtk_single_selection_set_autoselect (self->payments_selection, FALSE);
  gtk_column_view_set_model (self->payments_view, GTK_SELECTION_MODEL (self->payments_selection));
  g_object_unref (self->payments_selection);
  g_signal_connect_object (self->payments_selection, "notify::selected", G_CALLBACK (selection_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_column_view_append_column (self->payments_view,
                                 plaza_record_column_new (_("Tenant"), COL_TENANT, -1, TRUE));
  gtk_column_view_append_column (self->payments_view, plaza_record_column_new (_("Date"), COL_DATE, -1, FALSE));
  gtk_column_view_append_column (self->payments_view,
                                 plaza_record_column_new (_("Amount"), COL_AMOUNT, COL_AMOUNT_INT, FALSE));
  gtk_column_view_append_column (self->payments_view,
                                 plaza_record_column_new (_("Method"), COL_METHOD, -1, FALSE));
  gtk_column_view_append_column (self->payments_view,
                                 plaza_record_column_new (_("Reference"), COL_REFERENCE, -1, TRUE));
  gtk_column_view_append_column (self->payments_view,
                                 plaza_record_column_new (_("Allocated"), COL_ALLOCATED, COL_ALLOCATED_INT, FALSE));
  gtk_column_view_append_column (self->payments_view,
                                 plaza_record_column_new (_("Reversed?"), COL_STATE, -1, FALSE));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->payments_view));
  gtk_widget_set_vexpand (scrolled, TRUE);

  self->payments_status = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_title (self->payments_status, _("Loading…"));
  self->payments_stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->payments_stack, scrolled, "list");
  gtk_stack_add_named (self->payments_stack, GTK_WIDGET (self->payments_status), "status");
  gtk_stack_set_visible_child_name (self->payments_stack, "status");
  gtk_widget_set_vexpand (GTK_WIDGET (self->payments_stack), TRUE);

  gtk_box_append (GTK_BOX (box), toolbar);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->payments_stack));
  return box;
}
