/* plaza-bill-window.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One bill (issue 7): the header (code, tenant, contract, month, kind — a
 * credit note or supplementary bill names its original —, state, issue and
 * due dates, total and open), its lines (kind, description, period,
 * amount, open amount, estimated) and the payments allocated to it. Issued
 * bills are never edited: "Credit Note…" and "Supplementary Bill…" issue a
 * new bill referencing this one (plaza_billing_credit_note /
 * plaza_billing_supplementary in the worker).
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-bill-window.h"
#include "plaza-role-guard.h"
#include "plaza-billing.h"
#include "plaza-history-window.h"
#include "plaza-live-banner.h"
#include "plaza-list-query.h"
#include "plaza-money.h"

struct _PlazaBillWindow
{
  AdwWindow        parent_instance;

  AdwToastOverlay *toasts;
  GtkStack        *stack;
  AdwStatusPage   *status;
  GtkBox          *content;
  GtkWidget       *credit_button;
  GtkWidget       *supplementary_button;

  PlazaWorker     *worker;
  GCancellable    *cancellable;
  gint64           bill_id;
  PlazaBillDetail *detail;
  guint            busy;     /* loads and corrections under way */
};

G_DEFINE_FINAL_TYPE (PlazaBillWindow, plaza_bill_window, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
kind_label (const char *kind)
{
  static const struct { const char *code; const char *label; } kinds[] = {
    { "regular", N_("Regular bill") }, { "credit_note", N_("Credit note") },
    { "supplementary", N_("Supplementary bill") }, { "rent", N_("Rent") },
    { "percentage_rent", N_("Percentage rent") }, { "fee", N_("Fee") },
    { "promotion_fee", N_("Promotion fee") }, { "late_fee", N_("Late fee") },
    { "deposit", N_("Deposit") }, { "adjustment", N_("Adjustment") },
    { "transfer", N_("Bank transfer") }, { "cash", N_("Cash") }, { "pos", N_("POS") },
    { "deposit_offset", N_("Offset against deposit") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kind, kinds[i].code) == 0)
      return _(kinds[i].label);
  return kind;
}

static GtkWidget *
cell (const char *text,
      gboolean    numeric)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0f : 0.0f);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  return label;
}

/* The header: key and value pairs, two to a row. */
static void
add_row (GtkGrid    *grid,
         const char *title,
         const char *value)
{
  int n = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (grid), "n"));
  GtkWidget *key = gtk_label_new (title);
  GtkWidget *label = gtk_label_new (value);

  gtk_label_set_xalign (GTK_LABEL (key), 0.0f);
  gtk_widget_add_css_class (key, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_grid_attach (grid, key, (n % 2) * 2, n / 2, 1, 1);
  gtk_grid_attach (grid, label, (n % 2) * 2 + 1, n / 2, 1, 1);
  g_object_set_data (G_OBJECT (grid), "n", GINT_TO_POINTER (n + 1));
}

static GtkWidget *
table (const char * const *headers,
       guint               n_headers,
       guint               first_numeric)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  for (guint c = 0; c < n_headers; c++)
    {
      GtkWidget *label = cell (_(headers[c]), c >= first_numeric);

      gtk_widget_add_css_class (label, "heading");
      gtk_grid_attach (GTK_GRID (grid), label, (int) c, 0, 1, 1);
    }
  return grid;
}

static void
show_detail (PlazaBillWindow *self)
{
  static const char * const line_headers[] = {
    N_("Kind"), N_("Description"), N_("Period"), N_("Amount"), N_("Open"), N_("Estimated")
  };
  static const char * const allocation_headers[] = { N_("Payment date"), N_("Method"), N_("Amount") };
  PlazaBillDetail *d = self->detail;
  GtkGrid *group = GTK_GRID (gtk_grid_new ());
  GtkWidget *code = gtk_label_new (NULL);
  GtkWidget *lines_title = gtk_label_new (_("Lines"));
  GtkWidget *allocations_title = gtk_label_new (_("Payments allocated"));
  GtkWidget *lines = table (line_headers, G_N_ELEMENTS (line_headers), 3);
  GtkWidget *allocations;
  GtkWidget *child;
  g_autofree char *tenant = g_strdup_printf ("%s %s", d->tenant_code, d->tenant_name);
  g_autofree char *kind = NULL;
  g_autofree char *total = plaza_money_format (d->total, TRUE);
  g_autofree char *open = plaza_money_format (d->open, TRUE);
  g_autofree char *title = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content))) != NULL)
    gtk_box_remove (self->content, child);

  /* Translators: "Credit note of ZD202611-0001". */
  if (*d->original_code != '\0')
    kind = g_strdup_printf (_("%s of %s"), kind_label (d->kind), d->original_code);
  else
    kind = g_strdup (kind_label (d->kind));
  /* Translators: the window title; %s is a bill code. */
  title = g_strdup_printf (_("Bill %s"), d->code);
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_label_set_label (GTK_LABEL (code), d->code);
  gtk_label_set_xalign (GTK_LABEL (code), 0.0f);
  gtk_widget_add_css_class (code, "title-2");
  gtk_box_append (self->content, code);
  gtk_grid_set_row_spacing (group, 6);
  gtk_grid_set_column_spacing (group, 18);
  add_row (group, _("Tenant"), tenant);
  add_row (group, _("Contract"), *d->contract_code != '\0' ? d->contract_code : "—");
  add_row (group, _("Month"), d->month);
  add_row (group, _("Kind"), kind);
  add_row (group, _("Issued"), d->issue_date);
  add_row (group, _("Due"), d->due_date);
  add_row (group, _("Total"), total);
  add_row (group, _("Open"), open);
  add_row (group, _("State"), plaza_state_label (d->state));
  gtk_box_append (self->content, GTK_WIDGET (group));

  gtk_widget_add_css_class (lines_title, "heading");
  gtk_label_set_xalign (GTK_LABEL (lines_title), 0.0f);
  gtk_box_append (self->content, lines_title);
  for (guint i = 0; i < d->lines->len; i++)
    {
      PlazaBillDetailLine *line = g_ptr_array_index (d->lines, i);
      g_autofree char *amount = plaza_money_format (line->amount, TRUE);
      g_autofree char *line_open = plaza_money_format (line->open, TRUE);
      g_autofree char *period = *line->period_from != '\0'
        ? g_strdup_printf ("%s – %s", line->period_from, line->period_to) : g_strdup ("—");
      int row = (int) i + 1;

      gtk_grid_attach (GTK_GRID (lines), cell (kind_label (line->kind), FALSE), 0, row, 1, 1);
      gtk_grid_attach (GTK_GRID (lines), cell (line->description, FALSE), 1, row, 1, 1);
      gtk_grid_attach (GTK_GRID (lines), cell (period, FALSE), 2, row, 1, 1);
      gtk_grid_attach (GTK_GRID (lines), cell (amount, TRUE), 3, row, 1, 1);
      gtk_grid_attach (GTK_GRID (lines), cell (line->amount > 0 ? line_open : "—", TRUE), 4, row, 1, 1);
      gtk_grid_attach (GTK_GRID (lines), cell (line->estimated ? _("Estimated") : "", TRUE), 5, row, 1, 1);
    }
  gtk_box_append (self->content, lines);

  gtk_widget_add_css_class (allocations_title, "heading");
  gtk_label_set_xalign (GTK_LABEL (allocations_title), 0.0f);
  gtk_box_append (self->content, allocations_title);
  if (d->allocations->len == 0)
    {
      GtkWidget *none = gtk_label_new (_("No payment is allocated to this bill yet. Record payments on the Billing page’s Payments view (Ctrl+P)."));

      gtk_label_set_wrap (GTK_LABEL (none), TRUE);
      gtk_label_set_xalign (GTK_LABEL (none), 0.0f);
      gtk_widget_add_css_class (none, "dim-label");
      gtk_box_append (self->content, none);
    }
  else
    {
      allocations = table (allocation_headers, G_N_ELEMENTS (allocation_headers), 2);
      for (guint i = 0; i < d->allocations->len; i++)
        {
          PlazaBillDetailAllocation *a = g_ptr_array_index (d->allocations, i);
          g_autofree char *amount = plaza_money_format (a->amount, TRUE);

          gtk_grid_attach (GTK_GRID (allocations), cell (a->date, FALSE), 0, (int) i + 1, 1, 1);
          gtk_grid_attach (GTK_GRID (allocations), cell (kind_label (a->method), FALSE), 1, (int) i + 1, 1, 1);
          gtk_grid_attach (GTK_GRID (allocations), cell (amount, TRUE), 2, (int) i + 1, 1, 1);
        }
      gtk_box_append (self->content, allocations);
    }

  /* Corrections reference an issued bill that is not a credit note. */
  gtk_widget_set_sensitive (self->credit_button,
                            g_strcmp0 (d->state, "issued") == 0 && g_strcmp0 (d->kind, "credit_note") != 0);
  gtk_widget_set_sensitive (self->supplementary_button,
                            g_strcmp0 (d->state, "issued") == 0 && g_strcmp0 (d->kind, "credit_note") != 0);
  gtk_stack_set_visible_child_name (self->stack, "bill");
}

static gpointer
load_job (PlazaStore   *store,
          gpointer      data,
          GCancellable *cancellable G_GNUC_UNUSED,
          GError      **error)
{
  PlazaBillDetail *detail = NULL;

  if (!plaza_bill_detail_load (store, *(gint64 *) data, &detail, error))
    return NULL;
  return detail;
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PlazaBillWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  PlazaBillDetail *detail = plaza_worker_run_finish (PLAZA_WORKER (source), result, &error);

  self->busy--;
  if (detail == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      adw_status_page_set_icon_name (self->status, "dialog-error-symbolic");
      adw_status_page_set_title (self->status, _("The Bill Could Not Be Read"));
      adw_status_page_set_description (self->status, error->message);
      gtk_stack_set_visible_child_name (self->stack, "status");
      return;
    }
  g_clear_pointer (&self->detail, plaza_bill_detail_free);
  self->detail = detail;
  show_detail (self);
}

void
plaza_bill_window_reload (PlazaBillWindow *self)
{
  gint64 *id = g_new (gint64, 1);

  g_return_if_fail (PLAZA_IS_BILL_WINDOW (self));
  *id = self->bill_id;
  self->busy++;
  plaza_worker_run_async (self->worker, load_job, id, g_free, self->cancellable, load_done_cb,
                          g_object_ref (self));
}

/* ---- corrections ---- */

static const char * const supplementary_kinds[] = {
  "rent", "percentage_rent", "fee", "promotion_fee", "late_fee", "adjustment"
};

typedef struct
{
  gint64    bill_id;
  gboolean  credit;
  char     *kind;
  gint64    amount;
  char     *text;
} CorrectionJob;

static void
correction_job_free (gpointer data)
{
  CorrectionJob *job = data;

  g_free (job->kind);
  g_free (job->text);
  g_free (job);
}

static gpointer
correction_job (PlazaStore   *store,
                gpointer      data,
                GCancellable *cancellable G_GNUC_UNUSED,
                GError      **error)
{
  CorrectionJob *job = data;
  gint64 id = 0;
  gboolean ok;

  if (job->credit)
    ok = plaza_billing_credit_note (store, job->bill_id, job->amount, job->text, &id, error);
  else
    ok = plaza_billing_supplementary (store, job->bill_id, job->kind, job->amount, job->text, &id, error);
  return ok ? GINT_TO_POINTER (1) : NULL;
}

static void
correction_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(PlazaBillWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  self->busy--;
  if (plaza_worker_run_finish (PLAZA_WORKER (source), result, &error) == NULL)
    {
      text = g_strdup_printf (_("Nothing was issued: %s"), error->message);
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (text));
      return;
    }
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Issued; it is on the Bills list")));
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  plaza_bill_window_reload (self);
}

static void
correction_check_cb (AdwMessageDialog *dialog)
{
  GtkWidget *amount = g_object_get_data (G_OBJECT (dialog), "amount");
  GtkWidget *text = g_object_get_data (G_OBJECT (dialog), "text");
  GtkLabel *problem = g_object_get_data (G_OBJECT (dialog), "problem");
  const char *amount_text = gtk_editable_get_text (GTK_EDITABLE (amount));
  g_autofree char *stripped = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (text))));
  gint64 fen = 0;
  const char *message = "";

  if (*amount_text != '\0' && !plaza_money_parse (amount_text, &fen))
    message = _("The amount is not a sum of money: write it in yuan, e.g. 1,234.56.");
  else if (*amount_text != '\0' && fen <= 0)
    message = _("The amount must be more than zero.");
  gtk_label_set_label (problem, message);
  if (*message != '\0')
    gtk_widget_add_css_class (amount, "error");
  else
    gtk_widget_remove_css_class (amount, "error");
  adw_message_dialog_set_response_enabled (dialog, "issue", fen > 0 && *message == '\0' && *stripped != '\0');
}

void
plaza_bill_window_issue (PlazaBillWindow *self,
                         const char      *kind,
                         gint64           amount,
                         const char      *text)
{
  CorrectionJob *job;

  g_return_if_fail (PLAZA_IS_BILL_WINDOW (self));

  job = g_new0 (CorrectionJob, 1);
  job->bill_id = self->bill_id;
  job->credit = kind == NULL;
  job->kind = g_strdup (kind);
  job->amount = amount;
  job->text = g_strdup (text);
  self->busy++;
  plaza_worker_run_async (self->worker, correction_job, job, correction_job_free, self->cancellable,
                          correction_done_cb, g_object_ref (self));
}

static void
correction_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        PlazaBillWindow  *self)
{
  GtkDropDown *kind = g_object_get_data (G_OBJECT (dialog), "kind");
  g_autofree char *text = NULL;
  gint64 amount = 0;

  if (g_strcmp0 (response, "issue") != 0)
    return;
  plaza_money_parse (gtk_editable_get_text (g_object_get_data (G_OBJECT (dialog), "amount")), &amount);
  text = g_strstrip (g_strdup (gtk_editable_get_text (g_object_get_data (G_OBJECT (dialog), "text"))));
  plaza_bill_window_issue (self,
                           kind != NULL ? supplementary_kinds[MIN (gtk_drop_down_get_selected (kind),
                                                                   G_N_ELEMENTS (supplementary_kinds) - 1)]
                                        : NULL,
                           amount, text);
}

static void
open_correction (PlazaBillWindow *self,
                 gboolean         credit)
{
  GtkWidget *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *amount = gtk_entry_new ();
  GtkWidget *text = gtk_entry_new ();
  GtkWidget *problem = gtk_label_new (NULL);
  GtkWidget *kind = NULL;
  g_autofree char *body = NULL;
  g_autofree char *open = NULL;

  if (self->detail == NULL)
    return;
  open = plaza_money_format (self->detail->open, TRUE);
  if (credit)
    /* Translators: a bill code and the amount still open on it. */
    body = g_strdup_printf (_("A credit note reduces what %s asks for (%s still open); it is issued and due today."),
                            self->detail->code, open);
  else
    body = g_strdup_printf (_("A supplementary bill asks for more on top of %s; it is issued today and due on the 15th of next month."),
                            self->detail->code);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), credit ? _("Issue a Credit Note") : _("Issue a Supplementary Bill"),
                                   body);
  if (!credit)
    {
      g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

      for (guint i = 0; i < G_N_ELEMENTS (supplementary_kinds); i++)
        gtk_string_list_append (kinds, kind_label (supplementary_kinds[i]));
      kind = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&kinds)), NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (kind), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Kind"), -1);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (kind), G_N_ELEMENTS (supplementary_kinds) - 1);
      gtk_box_append (GTK_BOX (box), kind);
    }
  gtk_entry_set_placeholder_text (GTK_ENTRY (amount), _("Amount in yuan, e.g. 1,200.00"));
  gtk_entry_set_placeholder_text (GTK_ENTRY (text), credit ? _("Reason (required)") : _("Description (required)"));
  gtk_label_set_wrap (GTK_LABEL (problem), TRUE);
  gtk_widget_add_css_class (problem, "error");
  gtk_box_append (GTK_BOX (box), amount);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), problem);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "issue", _("_Issue"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "issue", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "issue", FALSE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "amount", amount);
  g_object_set_data (G_OBJECT (dialog), "text", text);
  g_object_set_data (G_OBJECT (dialog), "problem", problem);
  g_object_set_data (G_OBJECT (dialog), "kind", kind);
  g_signal_connect_swapped (amount, "changed", G_CALLBACK (correction_check_cb), dialog);
  g_signal_connect_swapped (text, "changed", G_CALLBACK (correction_check_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (correction_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
credit_clicked_cb (PlazaBillWindow *self)
{
  open_correction (self, TRUE);
}

static void
supplementary_clicked_cb (PlazaBillWindow *self)
{
  open_correction (self, FALSE);
}

/* ---- the window ---- */

static void
plaza_bill_window_dispose (GObject *object)
{
  PlazaBillWindow *self = PLAZA_BILL_WINDOW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->worker);
  g_clear_pointer (&self->detail, plaza_bill_detail_free);

  G_OBJECT_CLASS (plaza_bill_window_parent_class)->dispose (object);
}

static void
plaza_bill_window_class_init (PlazaBillWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plaza_bill_window_dispose;
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                          NULL, G_TYPE_NONE, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
plaza_bill_window_init (PlazaBillWindow *self)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  self->cancellable = g_cancellable_new ();
  gtk_window_set_default_size (GTK_WINDOW (self), 860, 640);
  gtk_window_set_title (GTK_WINDOW (self), _("Bill"));

  self->credit_button = gtk_button_new_with_mnemonic (_("_Credit Note…"));
  gtk_widget_set_tooltip_text (self->credit_button, _("Issue a credit note against this bill"));
  g_signal_connect_swapped (self->credit_button, "clicked", G_CALLBACK (credit_clicked_cb), self);
  self->supplementary_button = gtk_button_new_with_mnemonic (_("_Supplementary Bill…"));
  gtk_widget_set_tooltip_text (self->supplementary_button, _("Issue a supplementary bill referencing this one"));
  g_signal_connect_swapped (self->supplementary_button, "clicked", G_CALLBACK (supplementary_clicked_cb), self);
  gtk_widget_set_sensitive (self->credit_button, FALSE);
  gtk_widget_set_sensitive (self->supplementary_button, FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->credit_button);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->supplementary_button);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header),
                           plaza_history_button_new (GTK_WINDOW (self), "bill", G_STRUCT_OFFSET (PlazaBillWindow, worker),
                                                     G_STRUCT_OFFSET (PlazaBillWindow, bill_id)));

  self->content = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 12));
  gtk_widget_set_margin_top (GTK_WIDGET (self->content), 18);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->content), 18);
  gtk_widget_set_margin_start (GTK_WIDGET (self->content), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->content), 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->content));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);

  self->status = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_title (self->status, _("Loading…"));
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->status), "status");
  gtk_stack_add_named (self->stack, scrolled, "bill");
  gtk_stack_set_visible_child_name (self->stack, "status");

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, GTK_WIDGET (self->stack));
  gtk_box_append (GTK_BOX (outer), header);
  gtk_box_append (GTK_BOX (outer), GTK_WIDGET (self->toasts));
  adw_window_set_content (ADW_WINDOW (self), outer);
}

PlazaBillWindow *
plaza_bill_window_new (GtkWindow   *parent,
                       PlazaWorker *worker,
                       gint64       bill_id)
{
  PlazaBillWindow *self = g_object_new (PLAZA_TYPE_BILL_WINDOW, "transient-for", parent, NULL);

  self->worker = g_object_ref (worker);
  self->bill_id = bill_id;
  plaza_live_banner_attach (GTK_WINDOW (self), worker, "bill", bill_id, G_CALLBACK (plaza_bill_window_reload), self);
  plaza_role_guard (self->credit_button, worker, "bills", "credit_note");
  plaza_role_guard (self->supplementary_button, worker, "bills", "supplementary");
  gtk_widget_set_sensitive (self->credit_button, FALSE);
  plaza_bill_window_reload (self);
  return self;
}

gboolean
plaza_bill_window_get_busy (PlazaBillWindow *self)
{
  g_return_val_if_fail (PLAZA_IS_BILL_WINDOW (self), FALSE);
  return self->busy > 0;
}

const PlazaBillDetail *
plaza_bill_window_get_detail (PlazaBillWindow *self)
{
  g_return_val_if_fail (PLAZA_IS_BILL_WINDOW (self), NULL);
  return self->detail;
}
