/* plaza-payment-dialog.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Record Payment" (issue 7): the tenant (a searchable dropdown loaded in
 * the worker), the date (today by default), the amount in yuan (parsed with
 * plaza-money and checked as typed), the method and a reference. Below, the
 * tenant's open lines oldest first with how the payment would be allocated
 * — oldest first, or by hand with an amount per line, each checked against
 * the line's open amount and their sum against the payment. Save runs
 * plaza_payment_add in the worker; core checks everything again.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-billing-query.h"
#include "plaza-role-guard.h"
#include "plaza-date.h"
#include "plaza-money.h"
#include "plaza-payment-dialog.h"
#include "plaza-payments.h"

static const char * const method_codes[] = { "transfer", "cash", "pos", "deposit_offset" };
static const char * const method_titles[] = {
  N_("Bank transfer"), N_("Cash"), N_("POS"), N_("Offset against deposit")
};

struct _PlazaPaymentDialog
{
  AdwWindow       parent_instance;

  GtkDropDown    *tenant;
  GtkEntry       *date;
  GtkEntry       *amount;
  GtkDropDown    *method;
  GtkEntry       *reference;
  GtkSwitch      *manual;
  GtkGrid        *lines_grid;
  GtkLabel       *lines_empty;
  GtkLabel       *summary;
  GtkLabel       *problem_label;
  GtkWidget      *save_button;
  GPtrArray      *line_entries;   /* GtkEntry per open line (by hand) */
  GPtrArray      *line_labels;    /* GtkLabel per open line (oldest first) */

  PlazaWorker    *worker;
  GCancellable   *cancellable;
  GPtrArray      *tenants;        /* PlazaTenantChoice */
  GPtrArray      *lines;          /* PlazaOpenLineRow of the chosen tenant */
  gint64          credit;
  gint64          lines_tenant;
  gint64          wanted_tenant;
  char           *problem;
  guint           busy;
};

G_DEFINE_FINAL_TYPE (PlazaPaymentDialog, plaza_payment_dialog, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void validate (PlazaPaymentDialog *self);

static gint64
selected_tenant (PlazaPaymentDialog *self)
{
  guint i = gtk_drop_down_get_selected (self->tenant);

  if (self->tenants == NULL || i >= self->tenants->len)
    return 0;
  return ((PlazaTenantChoice *) g_ptr_array_index (self->tenants, i))->id;
}

/* ---- the open lines ---- */

static GtkWidget *
cell (const char *text,
      gboolean    numeric)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0f : 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), numeric ? PANGO_ELLIPSIZE_NONE : PANGO_ELLIPSIZE_END);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  return label;
}

static void
line_entry_changed_cb (PlazaPaymentDialog *self)
{
  validate (self);
}

static void
build_lines (PlazaPaymentDialog *self)
{
  static const char * const headers[] = {
    N_("Bill"), N_("Month"), N_("Line"), N_("Due"), N_("Open"), N_("Allocated")
  };
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->lines_grid))) != NULL)
    gtk_grid_remove (self->lines_grid, child);
  g_ptr_array_set_size (self->line_entries, 0);
  g_ptr_array_set_size (self->line_labels, 0);
  if (self->lines == NULL || self->lines->len == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->lines_grid), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->lines_empty), TRUE);
      gtk_label_set_label (self->lines_empty,
                           self->lines == NULL ? _("Choose the tenant to see its open bills.")
                                               : _("The tenant has no open bills: the payment becomes credit, used by its next bills."));
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->lines_grid), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->lines_empty), FALSE);
  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    {
      GtkWidget *label = cell (_(headers[c]), c >= 4);

      gtk_widget_add_css_class (label, "heading");
      gtk_grid_attach (self->lines_grid, label, (int) c, 0, 1, 1);
    }
  for (guint i = 0; i < self->lines->len; i++)
    {
      PlazaOpenLineRow *line = g_ptr_array_index (self->lines, i);
      g_autofree char *open = plaza_money_format (line->open, TRUE);
      const char *what = *line->description != '\0' ? line->description : line->kind;
      GtkWidget *entry = gtk_entry_new ();
      GtkWidget *label = cell ("", TRUE);
      int row = (int) i + 1;

      gtk_grid_attach (self->lines_grid, cell (line->bill_code, FALSE), 0, row, 1, 1);
      gtk_grid_attach (self->lines_grid, cell (line->month, FALSE), 1, row, 1, 1);
      gtk_grid_attach (self->lines_grid, cell (what, FALSE), 2, row, 1, 1);
      gtk_grid_attach (self->lines_grid, cell (line->due_date, FALSE), 3, row, 1, 1);
      gtk_grid_attach (self->lines_grid, cell (open, TRUE), 4, row, 1, 1);
      gtk_editable_set_width_chars (GTK_EDITABLE (entry), 10);
      gtk_entry_set_alignment (GTK_ENTRY (entry), 1.0f);
      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "0.00");
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      line->bill_code, -1);
      g_signal_connect_object (entry, "changed", G_CALLBACK (line_entry_changed_cb), self, G_CONNECT_SWAPPED);
      gtk_grid_attach (self->lines_grid, entry, 5, row, 1, 1);
      gtk_grid_attach (self->lines_grid, label, 5, row, 1, 1);
      g_ptr_array_add (self->line_entries, entry);
      g_ptr_array_add (self->line_labels, label);
    }
}

typedef struct
{
  gint64     tenant_id;
  GPtrArray *lines;
  gint64     credit;
} LinesResult;

static void
lines_result_free (LinesResult *result)
{
  g_clear_pointer (&result->lines, g_ptr_array_unref);
  g_free (result);
}

static gpointer
lines_job (PlazaStore   *store,
           gpointer      data,
           GCancellable *cancellable G_GNUC_UNUSED,
           GError      **error)
{
  LinesResult *result = g_new0 (LinesResult, 1);

  result->tenant_id = *(gint64 *) data;
  if (!plaza_payments_open_lines (store, *(gint64 *) data, &result->lines, &result->credit, error))
    {
      lines_result_free (result);
      return NULL;
    }
  return result;
}

static void
lines_done_cb (GObject      *source,
               GAsyncResult *res,
               gpointer      user_data)
{
  g_autoptr(PlazaPaymentDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  LinesResult *result = plaza_worker_run_finish (PLAZA_WORKER (source), res, &error);

  self->busy--;
  if (result == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_label_set_label (self->lines_empty, error->message);
      validate (self);
      return;
    }
  if (result->tenant_id != selected_tenant (self))
    {
      lines_result_free (result);
      validate (self);
      return;
    }
  g_clear_pointer (&self->lines, g_ptr_array_unref);
  self->lines = g_steal_pointer (&result->lines);
  self->credit = result->credit;
  lines_result_free (result);
  build_lines (self);
  validate (self);
}

static void
tenant_changed_cb (PlazaPaymentDialog *self)
{
  gint64 id = selected_tenant (self);
  gint64 *data;

  if (id == self->lines_tenant)
    return;
  self->lines_tenant = id;
  g_clear_pointer (&self->lines, g_ptr_array_unref);
  /* The lines of a tenant chosen before are not wanted any more. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  build_lines (self);
  validate (self);
  if (id == 0)
    return;
  data = g_new (gint64, 1);
  *data = id;
  self->busy++;
  plaza_worker_run_async (self->worker, lines_job, data, g_free, self->cancellable, lines_done_cb,
                          g_object_ref (self));
}

/* ---- the tenants ---- */

static gpointer
tenants_job (PlazaStore   *store,
             gpointer      data G_GNUC_UNUSED,
             GCancellable *cancellable G_GNUC_UNUSED,
             GError      **error)
{
  GPtrArray *tenants = NULL;

  if (!plaza_billing_tenants (store, &tenants, error))
    return NULL;
  return tenants;
}

static void
select_wanted (PlazaPaymentDialog *self)
{
  if (self->tenants == NULL || self->wanted_tenant == 0)
    return;
  for (guint i = 0; i < self->tenants->len; i++)
    if (((PlazaTenantChoice *) g_ptr_array_index (self->tenants, i))->id == self->wanted_tenant)
      gtk_drop_down_set_selected (self->tenant, i);
}

static void
tenants_done_cb (GObject      *source,
                 GAsyncResult *res,
                 gpointer      user_data)
{
  g_autoptr(PlazaPaymentDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *tenants = plaza_worker_run_finish (PLAZA_WORKER (source), res, &error);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  self->busy--;
  if (tenants == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_label_set_label (self->lines_empty, error->message);
      validate (self);
      return;
    }
  self->tenants = tenants;
  for (guint i = 0; i < tenants->len; i++)
    {
      PlazaTenantChoice *choice = g_ptr_array_index (tenants, i);
      g_autofree char *text = g_strdup_printf ("%s %s", choice->code, choice->name);

      gtk_string_list_append (names, text);
    }
  gtk_drop_down_set_model (self->tenant, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->tenant, GTK_INVALID_LIST_POSITION);
  select_wanted (self);
  validate (self);
}

/* ---- validation ---- */

static void
set_problem (PlazaPaymentDialog *self,
             const char         *problem)
{
  g_free (self->problem);
  self->problem = g_strdup (problem);
  gtk_label_set_label (self->problem_label, problem);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), *problem != '\0');
  gtk_widget_set_sensitive (self->save_button, *problem == '\0' && self->busy == 0);
}

static void
mark (GtkWidget *entry,
      gboolean   bad)
{
  if (bad)
    gtk_widget_add_css_class (entry, "error");
  else
    gtk_widget_remove_css_class (entry, "error");
}

static void
validate (PlazaPaymentDialog *self)
{
  gboolean manual = gtk_switch_get_active (self->manual);
  const char *amount_text = gtk_editable_get_text (GTK_EDITABLE (self->amount));
  g_autofree gint64 *plan = NULL;
  g_autofree char *problem = NULL;
  gint64 amount = 0;
  gint64 sum = 0;
  gboolean amount_ok;
  GDate date;
  guint n = self->lines != NULL ? self->lines->len : 0;

  amount_ok = plaza_money_parse (amount_text, &amount) && amount > 0;
  mark (GTK_WIDGET (self->amount), *amount_text != '\0' && !amount_ok);
  mark (GTK_WIDGET (self->date), !plaza_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->date)), &date));

  plan = g_new0 (gint64, MAX (n, 1));
  if (n > 0 && !manual)
    plaza_payments_plan_auto (self->lines, amount_ok ? amount : 0, plan);
  for (guint i = 0; i < n; i++)
    {
      PlazaOpenLineRow *line = g_ptr_array_index (self->lines, i);
      GtkWidget *entry = g_ptr_array_index (self->line_entries, i);
      GtkWidget *label = g_ptr_array_index (self->line_labels, i);
      const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

      gtk_widget_set_visible (entry, manual);
      gtk_widget_set_visible (label, !manual);
      if (manual)
        {
          gint64 part = 0;
          gboolean ok = *text == '\0' || (plaza_money_parse (text, &part) && part >= 0);

          mark (entry, !ok || part > line->open);
          if (!ok && problem == NULL)
            problem = g_strdup_printf (_("The amount for %s is not a sum of money: write it in yuan, e.g. 1,234.56."),
                                       line->bill_code);
          else if (part > line->open && problem == NULL)
            {
              g_autofree char *open = plaza_money_format (line->open, TRUE);

              /* Translators: a bill code and the amount open on the line. */
              problem = g_strdup_printf (_("%s has only %s open: allocate no more than that."), line->bill_code, open);
            }
          sum += ok ? part : 0;
        }
      else
        {
          g_autofree char *text_plan = plan[i] > 0 ? plaza_money_format (plan[i], TRUE) : g_strdup ("—");

          gtk_label_set_label (GTK_LABEL (label), text_plan);
          sum += plan[i];
        }
    }

  if (problem != NULL)
    ;
  else if (selected_tenant (self) == 0)
    problem = g_strdup (self->tenants == NULL ? _("Loading the tenants…") : _("Choose the tenant who paid."));
  else if (!plaza_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->date)), &date))
    problem = g_strdup (_("Enter the date as YYYY-MM-DD, e.g. 2026-11-27."));
  else if (*amount_text == '\0')
    problem = g_strdup (_("Enter the amount paid."));
  else if (!amount_ok)
    problem = g_strdup (amount > 0 || !plaza_money_parse (amount_text, &amount)
                        ? _("The amount is not a sum of money: write it in yuan, e.g. 1,234.56.")
                        : _("The amount must be more than zero."));
  else if (manual && sum > amount)
    {
      g_autofree char *s = plaza_money_format (sum, TRUE);
      g_autofree char *a = plaza_money_format (amount, TRUE);

      problem = g_strdup_printf (_("The lines add up to %s, more than the payment of %s."), s, a);
    }

  if (amount_ok && selected_tenant (self) != 0 && self->lines != NULL)
    {
      g_autofree char *allocated = plaza_money_format (MIN (sum, amount), TRUE);
      g_autofree char *rest = plaza_money_format (MAX (amount - sum, 0), TRUE);
      g_autofree char *text = NULL;

      /* Translators: two sums of money. */
      text = g_strdup_printf (_("Allocated %s; left as the tenant’s credit %s."), allocated, rest);
      gtk_label_set_label (self->summary, text);
    }
  else if (self->lines != NULL && self->credit > 0)
    {
      g_autofree char *credit = plaza_money_format (self->credit, TRUE);
      g_autofree char *text = g_strdup_printf (_("The tenant has %s of credit already."), credit);

      gtk_label_set_label (self->summary, text);
    }
  else
    gtk_label_set_label (self->summary, "");
  set_problem (self, problem != NULL ? problem : "");
}

/* ---- saving ---- */

typedef struct
{
  gint64  tenant_id;
  char   *date;
  gint64  amount;
  char   *method;
  char   *reference;
  GArray *allocations;
} SaveJob;

static void
save_job_free (gpointer data)
{
  SaveJob *job = data;

  g_free (job->date);
  g_free (job->method);
  g_free (job->reference);
  g_clear_pointer (&job->allocations, g_array_unref);
  g_free (job);
}

static gpointer
save_job (PlazaStore   *store,
          gpointer      data,
          GCancellable *cancellable G_GNUC_UNUSED,
          GError      **error)
{
  SaveJob *job = data;
  gint64 id = 0;

  if (!plaza_payment_add (store, job->tenant_id, job->date, job->amount, job->method, job->reference,
                          job->allocations, &id, error))
    return NULL;
  return g_memdup2 (&id, sizeof id);
}

static void
save_done_cb (GObject      *source,
              GAsyncResult *res,
              gpointer      user_data)
{
  g_autoptr(PlazaPaymentDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree gint64 *id = plaza_worker_run_finish (PLAZA_WORKER (source), res, &error);

  self->busy--;
  if (id == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The payment was not recorded: %s"), error->message);

      set_problem (self, text);
      gtk_widget_set_sensitive (self->save_button, TRUE);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, *id);
  gtk_window_destroy (GTK_WINDOW (self));
}

gboolean
plaza_payment_dialog_save (PlazaPaymentDialog *self)
{
  SaveJob *job;
  guint method = gtk_drop_down_get_selected (self->method);

  g_return_val_if_fail (PLAZA_IS_PAYMENT_DIALOG (self), FALSE);

  validate (self);
  if (*self->problem != '\0' || self->busy > 0)
    return FALSE;
  job = g_new0 (SaveJob, 1);
  job->tenant_id = selected_tenant (self);
  job->date = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date)));
  plaza_money_parse (gtk_editable_get_text (GTK_EDITABLE (self->amount)), &job->amount);
  job->method = g_strdup (method_codes[MIN (method, G_N_ELEMENTS (method_codes) - 1)]);
  job->reference = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reference))));
  if (gtk_switch_get_active (self->manual))
    {
      job->allocations = g_array_new (FALSE, FALSE, sizeof (PlazaPaymentAllocation));
      for (guint i = 0; i < self->line_entries->len; i++)
        {
          PlazaOpenLineRow *line = g_ptr_array_index (self->lines, i);
          PlazaPaymentAllocation allocation = { line->line_id, 0 };

          if (plaza_money_parse (gtk_editable_get_text (g_ptr_array_index (self->line_entries, i)),
                                 &allocation.amount) && allocation.amount > 0)
            g_array_append_val (job->allocations, allocation);
        }
    }
  self->busy++;
  gtk_widget_set_sensitive (self->save_button, FALSE);
  plaza_worker_run_async (self->worker, save_job, job, save_job_free, NULL, save_done_cb, g_object_ref (self));
  return TRUE;
}

/* ---- the window ---- */

static void
plaza_payment_dialog_dispose (GObject *object)
{
  PlazaPaymentDialog *self = PLAZA_PAYMENT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->worker);
  g_clear_pointer (&self->tenants, g_ptr_array_unref);
  g_clear_pointer (&self->lines, g_ptr_array_unref);
  g_clear_pointer (&self->line_entries, g_ptr_array_unref);
  g_clear_pointer (&self->line_labels, g_ptr_array_unref);
  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (plaza_payment_dialog_parent_class)->dispose (object);
}

static void
plaza_payment_dialog_class_init (PlazaPaymentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plaza_payment_dialog_dispose;

  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                        NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static GtkWidget *
form_row (GtkGrid    *grid,
          int         row,
          const char *mnemonic,
          GtkWidget  *widget)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_xalign (GTK_LABEL (label), 1.0f);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, widget, 1, row, 1, 1);
  return widget;
}

static void
plaza_payment_dialog_init (PlazaPaymentDialog *self)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *form = gtk_grid_new ();
  GtkWidget *manual_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *manual_label = gtk_label_new_with_mnemonic (_("Allocate by _hand"));
  GtkWidget *lines_title = gtk_label_new (_("Open bills, oldest first"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *lines_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autoptr(GtkStringList) methods = gtk_string_list_new (NULL);
  g_autoptr(GtkExpression) expression = NULL;
  g_autofree char *today = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  self->line_entries = g_ptr_array_new ();
  self->line_labels = g_ptr_array_new ();
  self->problem = g_strdup ("");
  self->cancellable = g_cancellable_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Record Payment"));
  gtk_window_set_default_size (GTK_WINDOW (self), 720, 560);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  self->save_button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  gtk_widget_set_sensitive (self->save_button, FALSE);
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (plaza_payment_dialog_save), self);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), self);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->save_button);

  gtk_grid_set_row_spacing (GTK_GRID (form), 6);
  gtk_grid_set_column_spacing (GTK_GRID (form), 12);
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  self->tenant = GTK_DROP_DOWN (gtk_drop_down_new (NULL, g_steal_pointer (&expression)));
  gtk_drop_down_set_enable_search (self->tenant, TRUE);
  g_signal_connect_object (self->tenant, "notify::selected", G_CALLBACK (tenant_changed_cb), self,
                           G_CONNECT_SWAPPED);
  form_row (GTK_GRID (form), 0, _("_Tenant"), GTK_WIDGET (self->tenant));
  self->date = GTK_ENTRY (gtk_entry_new ());
  today = g_date_time_format (now, "%Y-%m-%d");
  gtk_editable_set_text (GTK_EDITABLE (self->date), today);
  gtk_entry_set_placeholder_text (self->date, "YYYY-MM-DD");
  form_row (GTK_GRID (form), 1, _("_Date"), GTK_WIDGET (self->date));
  self->amount = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->amount, _("Yuan, e.g. 12,500.00"));
  gtk_entry_set_input_purpose (self->amount, GTK_INPUT_PURPOSE_NUMBER);
  gtk_entry_set_activates_default (self->amount, TRUE);
  form_row (GTK_GRID (form), 2, _("_Amount (¥)"), GTK_WIDGET (self->amount));
  for (guint i = 0; i < G_N_ELEMENTS (method_titles); i++)
    gtk_string_list_append (methods, _(method_titles[i]));
  self->method = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&methods)), NULL));
  form_row (GTK_GRID (form), 3, _("_Method"), GTK_WIDGET (self->method));
  self->reference = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->reference, _("Bank slip or receipt number"));
  form_row (GTK_GRID (form), 4, _("_Reference"), GTK_WIDGET (self->reference));
  g_signal_connect_object (self->date, "changed", G_CALLBACK (validate), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->amount, "changed", G_CALLBACK (validate), self, G_CONNECT_SWAPPED);

  self->manual = GTK_SWITCH (gtk_switch_new ());
  gtk_label_set_mnemonic_widget (GTK_LABEL (manual_label), GTK_WIDGET (self->manual));
  g_signal_connect_object (self->manual, "notify::active", G_CALLBACK (validate), self, G_CONNECT_SWAPPED);
  gtk_widget_add_css_class (lines_title, "heading");
  gtk_widget_set_hexpand (lines_title, TRUE);
  gtk_label_set_xalign (GTK_LABEL (lines_title), 0.0f);
  gtk_box_append (GTK_BOX (manual_box), lines_title);
  gtk_box_append (GTK_BOX (manual_box), manual_label);
  gtk_box_append (GTK_BOX (manual_box), GTK_WIDGET (self->manual));

  self->lines_grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_row_spacing (self->lines_grid, 4);
  gtk_grid_set_column_spacing (self->lines_grid, 12);
  self->lines_empty = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->lines_empty, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->lines_empty), "dim-label");
  gtk_box_append (GTK_BOX (lines_box), GTK_WIDGET (self->lines_grid));
  gtk_box_append (GTK_BOX (lines_box), GTK_WIDGET (self->lines_empty));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), lines_box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);

  self->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->summary, 0.0f);
  self->problem_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->problem_label, 0.0f);
  gtk_label_set_wrap (self->problem_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->problem_label), "error");

  gtk_widget_set_margin_start (body, 18);
  gtk_widget_set_margin_end (body, 18);
  gtk_widget_set_margin_top (body, 12);
  gtk_widget_set_margin_bottom (body, 12);
  gtk_box_append (GTK_BOX (body), form);
  gtk_box_append (GTK_BOX (body), manual_box);
  gtk_box_append (GTK_BOX (body), scrolled);
  gtk_box_append (GTK_BOX (body), GTK_WIDGET (self->summary));
  gtk_box_append (GTK_BOX (body), GTK_WIDGET (self->problem_label));
  gtk_box_append (GTK_BOX (outer), header);
  gtk_box_append (GTK_BOX (outer), body);
  adw_window_set_content (ADW_WINDOW (self), outer);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
  build_lines (self);
}

PlazaPaymentDialog *
plaza_payment_dialog_new (GtkWindow   *parent,
                          PlazaWorker *worker)
{
  PlazaPaymentDialog *self = g_object_new (PLAZA_TYPE_PAYMENT_DIALOG, "transient-for", parent, NULL);

  self->worker = g_object_ref (worker);
  self->busy++;
  plaza_role_guard (self->save_button, worker, "payment", "create");
  plaza_worker_run_async (worker, tenants_job, NULL, NULL, self->cancellable, tenants_done_cb, g_object_ref (self));
  validate (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->tenant));
  return self;
}

void
plaza_payment_dialog_set_tenant (PlazaPaymentDialog *self,
                                 gint64              tenant_id)
{
  g_return_if_fail (PLAZA_IS_PAYMENT_DIALOG (self));
  self->wanted_tenant = tenant_id;
  select_wanted (self);
}

void
plaza_payment_dialog_set_amount_text (PlazaPaymentDialog *self,
                                      const char         *text)
{
  g_return_if_fail (PLAZA_IS_PAYMENT_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->amount), text);
}

void
plaza_payment_dialog_set_date_text (PlazaPaymentDialog *self,
                                    const char         *text)
{
  g_return_if_fail (PLAZA_IS_PAYMENT_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->date), text);
}

void
plaza_payment_dialog_set_reference (PlazaPaymentDialog *self,
                                    const char         *text)
{
  g_return_if_fail (PLAZA_IS_PAYMENT_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->reference), text);
}

void
plaza_payment_dialog_set_method (PlazaPaymentDialog *self,
                                 const char         *method)
{
  g_return_if_fail (PLAZA_IS_PAYMENT_DIALOG (self));
  for (guint i = 0; i < G_N_ELEMENTS (method_codes); i++)
    if (g_strcmp0 (method, method_codes[i]) == 0)
      gtk_drop_down_set_selected (self->method, i);
}

void
plaza_payment_dialog_set_manual (PlazaPaymentDialog *self,
                                 gboolean            manual)
{
  g_return_if_fail (PLAZA_IS_PAYMENT_DIALOG (self));
  gtk_switch_set_active (self->manual, manual);
}

void
plaza_payment_dialog_set_line_text (PlazaPaymentDialog *self,
                                    guint               index,
                                    const char         *text)
{
  g_return_if_fail (PLAZA_IS_PAYMENT_DIALOG (self));
  g_return_if_fail (index < self->line_entries->len);
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (self->line_entries, index)), text);
}

guint
plaza_payment_dialog_get_n_lines (PlazaPaymentDialog *self)
{
  g_return_val_if_fail (PLAZA_IS_PAYMENT_DIALOG (self), 0);
  return self->lines != NULL ? self->lines->len : 0;
}

const char *
plaza_payment_dialog_get_problem (PlazaPaymentDialog *self)
{
  g_return_val_if_fail (PLAZA_IS_PAYMENT_DIALOG (self), NULL);
  return self->problem;
}

gboolean
plaza_payment_dialog_get_busy (PlazaPaymentDialog *self)
{
  g_return_val_if_fail (PLAZA_IS_PAYMENT_DIALOG (self), FALSE);
  return self->busy > 0;
}
