/* plaza-billing-page.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Billing page (issue 7): a view switcher over four views — the bills
 * (the generic list; a row opens the bill window), payments (record and
 * reverse), arrears (the aging table and chart, dunning letters, late-fee
 * bills) and the monthly bill run (preview and issue). This file holds the
 * switcher, the loading of each view on show and what the views share;
 * each view is built in its own file (plaza-billing-page-*.c). Every store
 * access is a worker job calling core.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "plaza-bill-window.h"
#include "plaza-billing-page-private.h"
#include "plaza-record.h"
#include "plaza-role-guard.h"

static const char * const view_names[BILLING_N_VIEWS] = { "bills", "payments", "arrears", "run" };

G_DEFINE_FINAL_TYPE (PlazaBillingPage, plaza_billing_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- shared helpers ---- */

void
plaza_billing_page_busy_push (PlazaBillingPage *self)
{
  if (self->busy++ == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

void
plaza_billing_page_busy_pop (PlazaBillingPage *self)
{
  g_return_if_fail (self->busy > 0);
  if (--self->busy == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

void
plaza_billing_page_toast (PlazaBillingPage *self,
                          const char       *text)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (text));
}

char *
plaza_billing_page_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* ---- views ---- */

static BillingView
visible_view (PlazaBillingPage *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->stack);

  for (guint i = 0; i < BILLING_N_VIEWS; i++)
    if (g_strcmp0 (name, view_names[i]) == 0)
      return (BillingView) i;
  return BILLING_VIEW_BILLS;
}

static void
load_view (PlazaBillingPage *self,
           BillingView       view)
{
  if (self->worker == NULL)
    return;
  switch (view)
    {
    case BILLING_VIEW_BILLS:
      plaza_list_page_ensure_loaded (self->bills);
      break;
    case BILLING_VIEW_PAYMENTS:
      if (!self->loaded[view])
        plaza_billing_payments_load (self);
      break;
    case BILLING_VIEW_ARREARS:
      if (!self->loaded[view])
        plaza_billing_arrears_load (self);
      break;
    case BILLING_VIEW_RUN:
      if (!self->loaded[view])
        plaza_billing_run_load (self);
      break;
    case BILLING_N_VIEWS:
    default:
      break;
    }
  self->loaded[view] = TRUE;
}

static void
visible_child_cb (PlazaBillingPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    load_view (self, visible_view (self));
}

static void
bill_activated_cb (PlazaBillingPage *self,
                   gint64            id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  PlazaBillWindow *window;

  if (self->worker == NULL)
    return;
  window = plaza_bill_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->worker, id);
  g_signal_connect_object (window, "changed", G_CALLBACK (plaza_billing_page_invalidate), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

static gboolean
shortcut_view_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data G_GNUC_UNUSED)
{
  PlazaBillingPage *self = PLAZA_BILLING_PAGE (widget);

  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  plaza_billing_page_set_view (self, view_names[g_variant_get_int32 (args)]);
  return TRUE;
}

static gboolean
shortcut_payment_cb (GtkWidget *widget,
                     GVariant  *args G_GNUC_UNUSED,
                     gpointer   user_data G_GNUC_UNUSED)
{
  PlazaBillingPage *self = PLAZA_BILLING_PAGE (widget);

  if (!gtk_widget_get_mapped (widget) || self->worker == NULL)
    return FALSE;
  plaza_billing_page_set_view (self, "payments");
  plaza_billing_page_record_payment (self);
  return TRUE;
}

static void
add_shortcuts (PlazaBillingPage *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_GLOBAL);
  /* Alt+1 … Alt+4: the views; the argument is the view index. */
  for (guint i = 0; i < BILLING_N_VIEWS; i++)
    {
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_1 + i, GDK_ALT_MASK),
                                                gtk_callback_action_new (shortcut_view_cb, NULL, NULL));

      gtk_shortcut_set_arguments (shortcut, g_variant_new_int32 ((gint32) i));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_p, GDK_CONTROL_MASK),
                                                          gtk_callback_action_new (shortcut_payment_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
plaza_billing_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (plaza_billing_page_parent_class)->map (widget);
  load_view (PLAZA_BILLING_PAGE (widget), visible_view (PLAZA_BILLING_PAGE (widget)));
}

static void
plaza_billing_page_dispose (GObject *object)
{
  PlazaBillingPage *self = PLAZA_BILLING_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->worker);
  g_clear_object (&self->payments_store);
  g_clear_object (&self->arrears_store);
  g_clear_object (&self->run_store);
  g_clear_pointer (&self->payments, g_ptr_array_unref);
  g_clear_pointer (&self->arrears, g_ptr_array_unref);
  g_clear_pointer (&self->preview, g_ptr_array_unref);
  g_clear_pointer (&self->arrears_as_of, g_free);
  g_clear_pointer (&self->preview_month, g_free);

  G_OBJECT_CLASS (plaza_billing_page_parent_class)->dispose (object);
}

static void
plaza_billing_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PlazaBillingPage *self = PLAZA_BILLING_PAGE (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy > 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plaza_billing_page_class_init (PlazaBillingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plaza_billing_page_dispose;
  object_class->get_property = plaza_billing_page_get_property;
  widget_class->map = plaza_billing_page_map;

  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
plaza_billing_page_init (PlazaBillingPage *self)
{
  static const char * const titles[BILLING_N_VIEWS] = {
    N_("Bills"), N_("Payments"), N_("Arrears"), N_("Bill Run")
  };
  static const char * const icons[BILLING_N_VIEWS] = {
    "view-list-symbolic", "emblem-ok-symbolic", "alarm-symbolic", "media-playlist-repeat-symbolic"
  };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *switcher = adw_view_switcher_new ();
  GtkWidget *bar = gtk_center_box_new ();

  self->cancellable = g_cancellable_new ();
  self->stack = ADW_VIEW_STACK (adw_view_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);

  self->bills = plaza_list_page_new (PLAZA_LIST_BILLS);
  g_signal_connect_object (self->bills, "row-activated", G_CALLBACK (bill_activated_cb), self,
                           G_CONNECT_SWAPPED);
  self->views[BILLING_VIEW_BILLS] = GTK_WIDGET (self->bills);
  self->views[BILLING_VIEW_PAYMENTS] = plaza_billing_payments_build (self);
  self->views[BILLING_VIEW_ARREARS] = plaza_billing_arrears_build (self);
  self->views[BILLING_VIEW_RUN] = plaza_billing_run_build (self);
  for (guint i = 0; i < BILLING_N_VIEWS; i++)
    adw_view_stack_add_titled_with_icon (self->stack, self->views[i], view_names[i], _(titles[i]), icons[i]);
  g_signal_connect_object (self->stack, "notify::visible-child", G_CALLBACK (visible_child_cb), self,
                           G_CONNECT_SWAPPED);

  adw_view_switcher_set_stack (ADW_VIEW_SWITCHER (switcher), self->stack);
  adw_view_switcher_set_policy (ADW_VIEW_SWITCHER (switcher), ADW_VIEW_SWITCHER_POLICY_WIDE);
  gtk_center_box_set_center_widget (GTK_CENTER_BOX (bar), switcher);
  gtk_widget_set_margin_top (bar, 6);
  gtk_widget_set_margin_bottom (bar, 6);
  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, box);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->toasts));
  add_shortcuts (self);
}

/* ---- public ---- */

GtkWidget *
plaza_billing_page_new (void)
{
  return g_object_new (PLAZA_TYPE_BILLING_PAGE, NULL);
}

void
plaza_billing_page_set_worker (PlazaBillingPage *self,
                               PlazaWorker      *worker)
{
  g_return_if_fail (PLAZA_IS_BILLING_PAGE (self));

  g_set_object (&self->worker, worker);
  plaza_list_page_set_worker (self->bills, worker);
  for (guint i = 0; i < BILLING_N_VIEWS; i++)
    self->loaded[i] = FALSE;
  /* Who may (issue 8): the pairs are those the core writes log. */
  plaza_role_guard (self->issue_button, worker, "bills", "issue");
  plaza_role_guard (self->late_fee_button, worker, "bill", "late_fees");
  plaza_role_guard (self->dunning_button, worker, "tenant", "dunning");
  plaza_role_guard (self->reverse_button, worker, "payment", "reverse");
  plaza_role_guard (g_object_get_data (G_OBJECT (self), "plaza-record-payment"), worker, "payment", "create");
}

void
plaza_billing_page_ensure_loaded (PlazaBillingPage *self)
{
  g_return_if_fail (PLAZA_IS_BILLING_PAGE (self));
  load_view (self, visible_view (self));
}

void
plaza_billing_page_invalidate (PlazaBillingPage *self)
{
  g_return_if_fail (PLAZA_IS_BILLING_PAGE (self));

  plaza_list_page_invalidate (self->bills);
  for (guint i = 0; i < BILLING_N_VIEWS; i++)
    self->loaded[i] = FALSE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    load_view (self, visible_view (self));
}

gboolean
plaza_billing_page_set_view (PlazaBillingPage *self,
                             const char       *name)
{
  g_return_val_if_fail (PLAZA_IS_BILLING_PAGE (self), FALSE);

  for (guint i = 0; i < BILLING_N_VIEWS; i++)
    if (g_strcmp0 (name, view_names[i]) == 0)
      {
        adw_view_stack_set_visible_child_name (self->stack, name);
        return TRUE;
      }
  return FALSE;
}

const char *
plaza_billing_page_get_view (PlazaBillingPage *self)
{
  g_return_val_if_fail (PLAZA_IS_BILLING_PAGE (self), NULL);
  return view_names[visible_view (self)];
}

gboolean
plaza_billing_page_get_busy (PlazaBillingPage *self)
{
  g_return_val_if_fail (PLAZA_IS_BILLING_PAGE (self), FALSE);
  return self->busy > 0 || plaza_list_page_get_loading (self->bills);
}

PlazaListPage *
plaza_billing_page_get_bills (PlazaBillingPage *self)
{
  g_return_val_if_fail (PLAZA_IS_BILLING_PAGE (self), NULL);
  return self->bills;
}

GPtrArray *
plaza_billing_page_get_arrears (PlazaBillingPage *self)
{
  g_return_val_if_fail (PLAZA_IS_BILLING_PAGE (self), NULL);
  return self->arrears;
}

GPtrArray *
plaza_billing_page_get_payments (PlazaBillingPage *self)
{
  g_return_val_if_fail (PLAZA_IS_BILLING_PAGE (self), NULL);
  return self->payments;
}

GPtrArray *
plaza_billing_page_get_preview (PlazaBillingPage *self)
{
  g_return_val_if_fail (PLAZA_IS_BILLING_PAGE (self), NULL);
  return self->preview;
}
