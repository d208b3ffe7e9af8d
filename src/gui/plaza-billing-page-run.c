/* plaza-billing-page-run.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Bill Run view of the Billing page: a month (the current one by
 * default), "Preview" (plaza_billing_preview: the bills a run would issue,
 * with the total, and the promotion fees it cannot bill) and "Issue" after
 * a confirmation naming the count and the total (plaza_billing_issue).
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "plaza-billing-page-private.h"
#include "plaza-billing.h"
#include "plaza-date.h"
#include "plaza-money.h"
#include "plaza-record.h"

enum
{
  COL_CONTRACT,
  COL_TENANT,
  COL_LINES,
  COL_LINES_INT,
  COL_ESTIMATED,
  COL_TOTAL,
  COL_TOTAL_INT,
  N_COLS
};

typedef struct
{
  GPtrArray *bills;
  GPtrArray *skipped;
} PreviewResult;

static void
preview_result_free (PreviewResult *result)
{
  g_clear_pointer (&result->bills, g_ptr_array_unref);
  g_clear_pointer (&result->skipped, g_ptr_array_unref);
  g_free (result);
}

static gboolean
month_valid (const char *text)
{
  g_autofree char *day = g_strconcat (text, "-01", NULL);
  GDate date;

  return strlen (text) == 7 && plaza_date_parse (day, &date);
}

static gpointer
preview_job (PlazaStore   *store,
             gpointer      data,
             GCancellable *cancellable G_GNUC_UNUSED,
             GError      **error)
{
  PreviewResult *result = g_new0 (PreviewResult, 1);

  if (!plaza_billing_preview (store, data, &result->bills, error)
      || !plaza_billing_skipped_fees (store, data, &result->skipped, error))
    {
      preview_result_free (result);
      return NULL;
    }
  return result;
}

static gint64
preview_total (GPtrArray *bills)
{
  gint64 total = 0;

  for (guint i = 0; i < bills->len; i++)
    total += ((PlazaBill *) g_ptr_array_index (bills, i))->total;
  return total;
}

static void
fill (PlazaBillingPage *self,
      GPtrArray        *skipped)
{
  g_autofree char *total = plaza_money_format (preview_total (self->preview), TRUE);
  g_autofree char *summary = NULL;

  g_list_store_remove_all (self->run_store);
  for (guint i = 0; i < self->preview->len; i++)
    {
      PlazaBill *bill = g_ptr_array_index (self->preview, i);
      g_autoptr(PlazaRecord) record = plaza_record_new (bill->contract_id, N_COLS);
      g_autofree char *amount = plaza_money_format (bill->total, TRUE);
      g_autofree char *lines = g_strdup_printf ("%u", bill->lines->len);
      gboolean estimated = FALSE;

      for (guint j = 0; j < bill->lines->len; j++)
        estimated |= ((PlazaBillLine *) g_ptr_array_index (bill->lines, j))->estimated;
      plaza_record_set_text (record, COL_CONTRACT, bill->contract_code);
      plaza_record_set_text (record, COL_TENANT, bill->tenant_name);
      plaza_record_set_text (record, COL_LINES, lines);
      plaza_record_set_int (record, COL_LINES_INT, bill->lines->len);
      plaza_record_set_text (record, COL_ESTIMATED, estimated ? _("Estimated") : "");
      plaza_record_set_text (record, COL_TOTAL, amount);
      plaza_record_set_int (record, COL_TOTAL_INT, bill->total);
      g_list_store_append (self->run_store, record);
    }
  /* Translators: a count of bills, the month (2026-11) and a money total. */
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u bill for %s totalling %s", "%u bills for %s totalling %s",
                                          self->preview->len),
                             self->preview->len, self->preview_month, total);
  gtk_label_set_label (self->run_summary, summary);
  gtk_widget_set_sensitive (self->issue_button, self->preview->len > 0);

  if (skipped != NULL && skipped->len > 0)
    {
      g_autoptr(GString) text = g_string_new (_("Promotion fees the run cannot bill:"));

      for (guint i = 0; i < skipped->len; i++)
        g_string_append_printf (text, "\n• %s", (const char *) g_ptr_array_index (skipped, i));
      gtk_label_set_label (self->run_skipped, text->str);
      gtk_widget_set_visible (GTK_WIDGET (self->run_skipped), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->run_skipped), FALSE);

  if (self->preview->len == 0)
    {
      g_autofree char *text = g_strdup_printf (_("Every contract in force in %s has its bill already, or nothing to bill. Pick another month above."),
                                               self->preview_month);

      adw_status_page_set_icon_name (self->run_status, "emblem-ok-symbolic");
      adw_status_page_set_title (self->run_status, _("Nothing to Bill"));
      adw_status_page_set_description (self->run_status, text);
      gtk_stack_set_visible_child_name (self->run_stack, "status");
    }
  else
    gtk_stack_set_visible_child_name (self->run_stack, "table");
}

static void
preview_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PlazaBillingPage) self = user_data;
  g_autoptr(GError) error = NULL;
  PreviewResult *preview = plaza_worker_run_finish (PLAZA_WORKER (source), result, &error);

  plaza_billing_page_busy_pop (self);
  if (preview == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      adw_status_page_set_icon_name (self->run_status, "dialog-error-symbolic");
      adw_status_page_set_title (self->run_status, _("The Bill Run Could Not Be Previewed"));
      adw_status_page_set_description (self->run_status, error != NULL ? error->message : "");
      gtk_stack_set_visible_child_name (self->run_stack, "status");
      return;
    }
  g_clear_pointer (&self->preview, g_ptr_array_unref);
  self->preview = g_steal_pointer (&preview->bills);
  fill (self, preview->skipped);
  preview_result_free (preview);
}

void
plaza_billing_run_load (PlazaBillingPage *self)
{
  const char *month = gtk_editable_get_text (GTK_EDITABLE (self->run_month));

  if (!month_valid (month))
    {
      gtk_label_set_label (self->run_error, _("Enter the month as YYYY-MM, e.g. 2026-11."));
      gtk_widget_set_visible (GTK_WIDGET (self->run_error), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->run_month), "error");
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->run_error), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->run_month), "error");
  if (self->worker == NULL)
    return;
  g_free (self->preview_month);
  self->preview_month = g_strdup (month);
  gtk_widget_set_sensitive (self->issue_button, FALSE);
  plaza_billing_page_busy_push (self);
  plaza_worker_run_async (self->worker, preview_job, g_strdup (month), g_free, self->cancellable,
                          preview_done_cb, g_object_ref (self));
}

void
plaza_billing_page_set_run_month (PlazaBillingPage *self,
                                  const char       *month)
{
  g_return_if_fail (PLAZA_IS_BILLING_PAGE (self));
  gtk_editable_set_text (GTK_EDITABLE (self->run_month), month);
}

void
plaza_billing_page_preview_run (PlazaBillingPage *self)
{
  g_return_if_fail (PLAZA_IS_BILLING_PAGE (self));
  plaza_billing_run_load (self);
}

/* ---- issuing ---- */

static gpointer
issue_job (PlazaStore   *store,
           gpointer      data,
           GCancellable *cancellable G_GNUC_UNUSED,
           GError      **error)
{
  guint n = 0;

  if (!plaza_billing_issue (store, data, &n, error))
    return NULL;
  return GUINT_TO_POINTER (n + 1);
}

static void
issue_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(PlazaBillingPage) self = user_data;
  g_autoptr(GError) error = NULL;
  guint n = GPOINTER_TO_UINT (plaza_worker_run_finish (PLAZA_WORKER (source), result, &error));
  g_autofree char *text = NULL;

  plaza_billing_page_busy_pop (self);
  if (n == 0)
    text = g_strdup_printf (_("The bills were not issued: %s"), error->message);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u bill issued", "%u bills issued", n - 1), n - 1);
  plaza_billing_page_toast (self, text);
  plaza_billing_page_invalidate (self);
}

void
plaza_billing_page_issue_run (PlazaBillingPage *self,
                              const char       *month)
{
  g_return_if_fail (PLAZA_IS_BILLING_PAGE (self));
  g_return_if_fail (self->worker != NULL && month_valid (month));

  plaza_billing_page_busy_push (self);
  plaza_worker_run_async (self->worker, issue_job, g_strdup (month), g_free, self->cancellable,
                          issue_done_cb, g_object_ref (self));
}

static void
issue_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   PlazaBillingPage *self)
{
  if (g_strcmp0 (response, "issue") != 0 || self->worker == NULL)
    return;
  plaza_billing_page_issue_run (self, g_object_get_data (G_OBJECT (dialog), "month"));
}

static void
issue_clicked_cb (PlazaBillingPage *self)
{
  GtkWidget *dialog;
  g_autofree char *total = NULL;
  g_autofree char *heading = NULL;

  if (self->preview == NULL || self->preview->len == 0 || self->preview_month == NULL)
    return;
  total = plaza_money_format (preview_total (self->preview), TRUE);
  /* Translators: "Issue 212 bills for 2026-11 totalling ¥1,234.00?" */
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Issue %u bill for %s totalling %s?",
                                          "Issue %u bills for %s totalling %s?", self->preview->len),
                             self->preview->len, self->preview_month, total);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading,
                                   _("Issued bills cannot be edited; corrections are made with credit notes and supplementary bills."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "issue", _("_Issue"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "issue", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "month", g_strdup (self->preview_month), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (issue_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
month_changed_cb (PlazaBillingPage *self)
{
  /* What is previewed must be what is issued. */
  gtk_widget_set_sensitive (self->issue_button,
                            self->preview != NULL && self->preview->len > 0
                            && g_strcmp0 (self->preview_month,
                                          gtk_editable_get_text (GTK_EDITABLE (self->run_month))) == 0);
}

GtkWidget *
plaza_billing_run_build (PlazaBillingPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new_with_mnemonic (_("_Month"));
  GtkWidget *preview = gtk_button_new_with_mnemonic (_("_Preview"));
  GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkSortListModel *sorted;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *month = g_date_time_format (now, "%Y-%m");

  self->run_month = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_text (GTK_EDITABLE (self->run_month), month);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->run_month), 8);
  gtk_entry_set_placeholder_text (self->run_month, "YYYY-MM");
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->run_month));
  g_signal_connect_object (self->run_month, "activate", G_CALLBACK (plaza_billing_run_load), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->run_month, "changed", G_CALLBACK (month_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_set_tooltip_text (preview, _("Preview the bills of the month (Enter in the month field)"));
  g_signal_connect_object (preview, "clicked", G_CALLBACK (plaza_billing_run_load), self, G_CONNECT_SWAPPED);
  self->run_error = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->run_error), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->run_error), FALSE);
  self->run_summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->run_summary), "heading");
  gtk_widget_set_hexpand (spacer, TRUE);
  self->issue_button = gtk_button_new_with_mnemonic (_("_Issue…"));
  gtk_widget_add_css_class (self->issue_button, "suggested-action");
  gtk_widget_set_tooltip_text (self->issue_button, _("Issue the previewed bills"));
  gtk_widget_set_sensitive (self->issue_button, FALSE);
  g_signal_connect_object (self->issue_button, "clicked", G_CALLBACK (issue_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (toolbar), label);
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->run_month));
  gtk_box_append (GTK_BOX (toolbar), preview);
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->run_error));
  gtk_box_append (GTK_BOX (toolbar), spacer);
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->run_summary));
  gtk_box_append (GTK_BOX (toolbar), self->issue_button);
  gtk_widget_set_margin_start (toolbar, 12);
  gtk_widget_set_margin_end (toolbar, 12);
  gtk_widget_set_margin_top (toolbar, 6);

  self->run_store = g_list_store_new (PLAZA_TYPE_RECORD);
  self->run_view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->run_store)),
                                    g_object_ref (gtk_column_view_get_sorter (self->run_view)));
  {
    GtkNoSelection *selection = gtk_no_selection_new (G_LIST_MODEL (sorted));

    gtk_column_view_set_model (self->run_view, GTK_SELECTION_MODEL (selection));
    g_object_unref (selection);
  }
  gtk_column_view_append_column (self->run_view, plaza_record_column_new (_("Contract"), COL_CONTRACT, -1, FALSE));
  gtk_column_view_append_column (self->run_view, plaza_record_column_new (_("Tenant"), COL_TENANT, -1, TRUE));
  gtk_column_view_append_column (self->run_view,
                                 plaza_record_column_new (_("Lines"), COL_LINES, COL_LINES_INT, FALSE));
  gtk_column_view_append_column (self->run_view,
                                 plaza_record_column_new (_("Estimated"), COL_ESTIMATED, -1, FALSE));
  gtk_column_view_append_column (self->run_view,
                                 plaza_record_column_new (_("Total"), COL_TOTAL, COL_TOTAL_INT, FALSE));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->run_view));
  gtk_widget_set_vexpand (scrolled, TRUE);

  self->run_status = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->run_status, "media-playlist-repeat-symbolic");
  adw_status_page_set_title (self->run_status, _("Preview a Bill Run"));
  adw_status_page_set_description (self->run_status,
                                   _("Pick the month above and press Preview to see the bills the run would issue."));
  self->run_stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->run_stack, scrolled, "table");
  gtk_stack_add_named (self->run_stack, GTK_WIDGET (self->run_status), "status");
  gtk_stack_set_visible_child_name (self->run_stack, "status");
  gtk_widget_set_vexpand (GTK_WIDGET (self->run_stack), TRUE);

  self->run_skipped = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->run_skipped, 0.0f);
  gtk_label_set_wrap (self->run_skipped, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->run_skipped), "warning");
  gtk_widget_set_margin_start (GTK_WIDGET (self->run_skipped), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->run_skipped), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->run_skipped), 6);
  gtk_widget_set_visible (GTK_WIDGET (self->run_skipped), FALSE);

  gtk_box_append (GTK_BOX (box), toolbar);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->run_stack));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->run_skipped));
  return box;
}
