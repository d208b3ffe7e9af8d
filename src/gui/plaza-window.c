/* plaza-window.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window: a welcome page until a database is open, then a sidebar
 * of pages (overview and the seven lists) next to the page itself. The
 * window owns the one PlazaWorker that reads the open file.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-analytics-page.h"
#include "plaza-billing-page.h"
#include "plaza-brand-library.h"
#include "plaza-contract-detail.h"
#include "plaza-contract-editor.h"
#include "plaza-contract-filter.h"
#include "plaza-leasing-page.h"
#include "plaza-list-page.h"
#include "plaza-location.h"
#include "plaza-lock-wait-bar.h"
#include "plaza-overview-page.h"
#include "plaza-promotions-page.h"
#include "plaza-review-page.h"
#include "plaza-sales-actions.h"
#include "plaza-tenant-window.h"
#include "plaza-units-page.h"
#include "plaza-window-live.h"
#include "plaza-window-private.h"
#include "plaza-share-dialogs.h"
#include "plaza-window-session.h"

#define POLL_INTERVAL_MS 3000

typedef struct
{
  const char *name;
  const char *title;
  const char *icon;
  int         kind;   /* a PlazaListKind, or KIND_OVERVIEW, KIND_ANALYTICS, KIND_PROMOTIONS */
} PageSpec;

#define KIND_OVERVIEW (-1)
#define KIND_ANALYTICS (-2)
#define KIND_PROMOTIONS (-3)
#define KIND_BILLING (-4)
#define KIND_REVIEW (-6)
#define KIND_LEASING (-5)
#define KIND_UNITS (-8)

static const PageSpec page_specs[] = {
  { "overview", N_("Overview"), "view-app-grid-symbolic", KIND_OVERVIEW },
  { "tenants", N_("Tenants"), "system-users-symbolic", PLAZA_LIST_TENANTS },
  { "units", N_("Units"), "view-grid-symbolic", KIND_UNITS },
  { "leasing", N_("Leasing"), "contact-new-symbolic", KIND_LEASING },
  { "contracts", N_("Contracts"), "x-office-document-symbolic", PLAZA_LIST_CONTRACTS },
  { "billing", N_("Billing"), "accessories-calculator-symbolic", KIND_BILLING },
  { "sales", N_("Sales"), "x-office-spreadsheet-symbolic", PLAZA_LIST_SALES },
  { "analytics", N_("Analytics"), "x-office-presentation-symbolic", KIND_ANALYTICS },
  { "promotions", N_("Promotions"), "starred-symbolic", KIND_PROMOTIONS },
  { "review", N_("Review"), "emblem-default-symbolic", KIND_REVIEW },
};

G_STATIC_ASSERT (G_N_ELEMENTS (page_specs) == N_PAGES);

static const char * const page_names[N_PAGES + 1] = {
  "overview", "tenants", "units", "leasing", "contracts", "billing", "sales", "analytics", "promotions", "review", NULL
};

G_DEFINE_FINAL_TYPE (PlazaWindow, plaza_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_BUSY,
  PROP_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static int
page_index (const char *name)
{
  for (guint i = 0; i < N_PAGES; i++)
    if (g_strcmp0 (page_specs[i].name, name) == 0)
      return (int) i;
  return -1;
}

void
plaza_window_set_busy (PlazaWindow *self,
                       gboolean     busy)
{
  gboolean was_busy = self->busy > 0;

  if (busy)
    self->busy++;
  else if (self->busy > 0)
    self->busy--;

  gtk_widget_set_visible (GTK_WIDGET (self->welcome_spinner), self->busy > 0);
  gtk_spinner_set_spinning (self->welcome_spinner, self->busy > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open", self->busy == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new", self->busy == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-demo", self->busy == 0);
  if (was_busy != (self->busy > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

void
plaza_window_show_error (PlazaWindow *self,
                         const char  *heading,
                         const char  *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
plaza_window_show_open_error (PlazaWindow *self,
                              const char  *path,
                              const char  *message)
{
  g_autofree char *display = g_filename_display_basename (path);
  g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), display);

  plaza_window_show_error (self, heading, message);
}

static void
update_title (PlazaWindow *self)
{
  const char *mall = NULL;
  g_autofree char *file = NULL;

  if (self->pages[0] != NULL)
    {
      const PlazaOverview *o = plaza_overview_page_get_overview (PLAZA_OVERVIEW_PAGE (self->pages[0]));
      if (o != NULL && o->mall_name != NULL && *o->mall_name != '\0')
        mall = o->mall_name;
    }
  if (self->path != NULL)
    file = g_filename_display_basename (self->path);

  adw_window_title_set_title (self->window_title, mall != NULL ? mall : _("Plaza"));
  adw_window_title_set_subtitle (self->window_title, file != NULL ? file : "");
  gtk_window_set_title (GTK_WINDOW (self), mall != NULL ? mall : _("Plaza"));
}

static void
load_page (PlazaWindow *self,
           guint        index)
{
  if (self->worker == NULL)
    return;

  if (page_specs[index].kind == KIND_ANALYTICS)
    plaza_analytics_page_ensure_loaded (PLAZA_ANALYTICS_PAGE (self->pages[index]));
  else if (page_specs[index].kind == KIND_BILLING)
    plaza_billing_page_ensure_loaded (PLAZA_BILLING_PAGE (self->pages[index]));
  else if (page_specs[index].kind == KIND_UNITS)
    plaza_units_page_ensure_loaded (PLAZA_UNITS_PAGE (self->pages[index]));
  else if (page_specs[index].kind == KIND_PROMOTIONS)
    plaza_promotions_page_ensure_loaded (PLAZA_PROMOTIONS_PAGE (self->pages[index]));
  else if (page_specs[index].kind == KIND_REVIEW)
    plaza_review_page_ensure_loaded (PLAZA_REVIEW_PAGE (self->pages[index]));
  else if (page_specs[index].kind == KIND_LEASING)
    plaza_leasing_page_ensure_loaded (PLAZA_LEASING_PAGE (self->pages[index]));
  else if (page_specs[index].kind == KIND_OVERVIEW)
    {
      PlazaOverviewPage *overview = PLAZA_OVERVIEW_PAGE (self->pages[index]);

      if (self->overview_stale || plaza_overview_page_get_overview (overview) == NULL)
        {
          self->overview_stale = FALSE;
          plaza_overview_page_reload (overview);
        }
    }
  else
    plaza_list_page_ensure_loaded (PLAZA_LIST_PAGE (self->pages[index]));
}

static void
invalidate_page (PlazaWindow *self,
                 guint        i)
{
  if (page_specs[i].kind >= 0)
    plaza_list_page_invalidate (PLAZA_LIST_PAGE (self->pages[i]));
  else if (page_specs[i].kind == KIND_ANALYTICS)
    {
      plaza_analytics_page_invalidate (PLAZA_ANALYTICS_PAGE (self->pages[i]));
      if (i == self->page)
        plaza_analytics_page_ensure_loaded (PLAZA_ANALYTICS_PAGE (self->pages[i]));
    }
  else if (page_specs[i].kind == KIND_UNITS)
    plaza_units_page_invalidate (PLAZA_UNITS_PAGE (self->pages[i]));
  else if (page_specs[i].kind == KIND_BILLING)
    plaza_billing_page_invalidate (PLAZA_BILLING_PAGE (self->pages[i]));
  else if (page_specs[i].kind == KIND_REVIEW)
    plaza_review_page_invalidate (PLAZA_REVIEW_PAGE (self->pages[i]));
  else if (page_specs[i].kind == KIND_LEASING)
    {
      plaza_leasing_page_invalidate (PLAZA_LEASING_PAGE (self->pages[i]));
      if (i == self->page)
        plaza_leasing_page_ensure_loaded (PLAZA_LEASING_PAGE (self->pages[i]));
    }
  else if (page_specs[i].kind == KIND_PROMOTIONS)
    {
      plaza_promotions_page_invalidate (PLAZA_PROMOTIONS_PAGE (self->pages[i]));
      if (i == self->page)
        plaza_promotions_page_ensure_loaded (PLAZA_PROMOTIONS_PAGE (self->pages[i]));
    }
  else if (i == self->page)
    plaza_overview_page_reload (PLAZA_OVERVIEW_PAGE (self->pages[i]));
  else
    self->overview_stale = TRUE;
}

void
plaza_window_invalidate_page (PlazaWindow *self,
                              const char  *name)
{
  int i = page_index (name);

  if (i >= 0 && self->worker != NULL)
    invalidate_page (self, (guint) i);
}

void
plaza_window_invalidate_all (PlazaWindow *self)
{
  g_debug ("The database changed; reloading");
  for (guint i = 0; i < N_PAGES; i++)
    invalidate_page (self, i);
}

/* The "changes" that follow say which pages to reload; without them, all. */
static void
worker_changed_cb (PlazaWindow *self,
                   PlazaWorker *worker G_GNUC_UNUSED)
{
  plaza_window_live_changed (self);
}

static void
overview_loading_cb (PlazaWindow *self)
{
  update_title (self);
}

void
plaza_window_use_worker (PlazaWindow *self,
                         PlazaWorker *worker)
{
  PlazaLocation location = plaza_worker_get_location (worker);
  g_autofree char *location_text = NULL;

  if (self->worker != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->worker, self);
      plaza_worker_set_poll_interval (self->worker, 0);
    }
  g_set_object (&self->worker, worker);
  plaza_worker_set_poll_interval (worker, POLL_INTERVAL_MS);
  g_signal_connect_object (worker, "changed", G_CALLBACK (worker_changed_cb), self, G_CONNECT_SWAPPED);
  plaza_window_live_use_worker (self, worker);

  g_free (self->path);
  self->path = g_strdup (plaza_worker_get_path (worker));
  g_settings_set_string (self->settings, "database-path", self->path);

  for (guint i = 0; i < N_PAGES; i++)
    {
      if (page_specs[i].kind == KIND_OVERVIEW)
        plaza_overview_page_set_worker (PLAZA_OVERVIEW_PAGE (self->pages[i]), worker);
      else if (page_specs[i].kind == KIND_ANALYTICS)
        plaza_analytics_page_set_worker (PLAZA_ANALYTICS_PAGE (self->pages[i]), worker);
      else if (page_specs[i].kind == KIND_UNITS)
        plaza_units_page_set_worker (PLAZA_UNITS_PAGE (self->pages[i]), worker);
      else if (page_specs[i].kind == KIND_BILLING)
        plaza_billing_page_set_worker (PLAZA_BILLING_PAGE (self->pages[i]), worker);
      else if (page_specs[i].kind == KIND_PROMOTIONS)
        plaza_promotions_page_set_worker (PLAZA_PROMOTIONS_PAGE (self->pages[i]), worker);
      else if (page_specs[i].kind == KIND_REVIEW)
        plaza_review_page_set_worker (PLAZA_REVIEW_PAGE (self->pages[i]), worker);
      else if (page_specs[i].kind == KIND_LEASING)
        plaza_leasing_page_set_worker (PLAZA_LEASING_PAGE (self->pages[i]), worker);
      else
        plaza_list_page_set_worker (PLAZA_LIST_PAGE (self->pages[i]), worker);
    }
  /* The overview also names the mall for the title. */
  self->overview_stale = FALSE;
  plaza_overview_page_reload (PLAZA_OVERVIEW_PAGE (self->pages[0]));

  location_text = g_strdup_printf ("%s · %s", plaza_location_to_string (location), self->path);
  gtk_label_set_label (self->location_label, plaza_location_to_string (location));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->location_label), location_text);
  gtk_image_set_from_icon_name (self->location_icon,
                                plaza_location_is_network (location) ? "folder-remote-symbolic"
                                                                     : "drive-harddisk-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->location_icon), location_text);

  if (plaza_worker_is_read_only (worker))
    {
      const char *reason = plaza_worker_get_read_only_reason (worker);
      g_autofree char *text = g_strdup_printf (_("Read only: %s"),
                                               reason != NULL ? reason : _("the file cannot be changed."));
      gtk_label_set_label (self->read_only_label, text);
      gtk_revealer_set_reveal_child (self->read_only_revealer, TRUE);
    }
  else
    gtk_revealer_set_reveal_child (self->read_only_revealer, FALSE);
  /* "Waiting for another computer to finish saving…" while a write waits. */
  plaza_lock_wait_bar_attach (GTK_BOX (self->content_box), GTK_WIDGET (self->read_only_revealer), worker);

  update_title (self);
  gtk_stack_set_visible_child_name (self->main_stack, "main");
  load_page (self, self->page);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATH]);
  plaza_share_use_worker (self, worker);
  plaza_window_session_start (self);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name G_GNUC_UNUSED,
                  GVariant   *param)
{
  PlazaWindow *self = PLAZA_WINDOW (widget);
  g_auto(GStrv) parts = g_strsplit (g_variant_get_string (param, NULL), ":", 2);
  GtkWidget *page;

  /* "page" or "page:view", e.g. "billing:arrears" from an overview card */
  if (!plaza_window_set_page (self, parts[0]) || parts[1] == NULL)
    return;
  page = plaza_window_get_page_widget (self, parts[0]);
  if (PLAZA_IS_BILLING_PAGE (page))
    plaza_billing_page_set_view (PLAZA_BILLING_PAGE (page), parts[1]);
  else if (PLAZA_IS_UNITS_PAGE (page))
    plaza_units_page_set_view (PLAZA_UNITS_PAGE (page), parts[1]);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name G_GNUC_UNUSED,
               GVariant   *param G_GNUC_UNUSED)
{
  PlazaWindow *self = PLAZA_WINDOW (widget);

  if (self->worker == NULL || (page_specs[self->page].kind < 0 && page_specs[self->page].kind != KIND_PROMOTIONS
                               && page_specs[self->page].kind != KIND_BILLING
                               && page_specs[self->page].kind != KIND_UNITS
                               && page_specs[self->page].kind != KIND_LEASING))
    return;
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
  if (page_specs[self->page].kind == KIND_UNITS)
    {
      PlazaUnitsPage *units = PLAZA_UNITS_PAGE (self->pages[self->page]);

      plaza_units_page_set_view (units, "list");
      plaza_list_page_focus_search (plaza_units_page_get_list (units));
      return;
    }
  if (page_specs[self->page].kind == KIND_BILLING)
    {
      PlazaBillingPage *billing = PLAZA_BILLING_PAGE (self->pages[self->page]);

      plaza_billing_page_set_view (billing, "bills");
      plaza_list_page_focus_search (plaza_billing_page_get_bills (billing));
      return;
    }
  if (page_specs[self->page].kind == KIND_LEASING)
    {
      plaza_leasing_page_focus_search (PLAZA_LEASING_PAGE (self->pages[self->page]));
      return;
    }
  if (page_specs[self->page].kind == KIND_PROMOTIONS)
    {
      plaza_promotions_page_focus_search (PLAZA_PROMOTIONS_PAGE (self->pages[self->page]));
      return;
    }
  plaza_list_page_focus_search (PLAZA_LIST_PAGE (self->pages[self->page]));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name G_GNUC_UNUSED,
             GVariant   *param G_GNUC_UNUSED)
{
  PlazaWindow *self = PLAZA_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
contracts_changed_cb (PlazaWindow *self)
{
  plaza_list_page_reload (PLAZA_LIST_PAGE (self->pages[page_index ("contracts")]));
}

static void
contract_saved_cb (PlazaWindow *self,
                   gint64       id)
{
  contracts_changed_cb (self);
  plaza_window_open_contract (self, id);
}

static void
new_contract_action (GtkWidget  *widget,
                     const char *action_name G_GNUC_UNUSED,
                     GVariant   *param G_GNUC_UNUSED)
{
  plaza_window_new_contract (PLAZA_WINDOW (widget));
}

static void
contract_activated_cb (PlazaWindow *self,
                       gint64       id)
{
  plaza_window_open_contract (self, id);
}

static void
tenant_activated_cb (PlazaWindow *self,
                     gint64       id)
{
  if (self->worker != NULL)
    plaza_tenant_window_open (GTK_WINDOW (self), self->worker, id);
}

static void
new_tenant_clicked_cb (PlazaWindow *self)
{
  tenant_activated_cb (self, 0);
}

static void
sidebar_row_activated_cb (PlazaWindow   *self,
                          GtkListBoxRow *row)
{
  int index = gtk_list_box_row_get_index (row);

  if (index >= 0 && (guint) index < N_PAGES)
    plaza_window_set_page (self, page_specs[index].name);
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
sidebar_row_selected_cb (PlazaWindow   *self,
                         GtkListBoxRow *row,
                         GtkListBox    *box G_GNUC_UNUSED)
{
  int index;

  if (row == NULL)
    return;
  index = gtk_list_box_row_get_index (row);
  if (index >= 0 && (guint) index < N_PAGES)
    plaza_window_set_page (self, page_specs[index].name);
}

static gboolean
plaza_window_close_request (GtkWindow *window)
{
  PlazaWindow *self = PLAZA_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  g_settings_set_string (self->settings, "last-page", page_specs[self->page].name);

  return GTK_WINDOW_CLASS (plaza_window_parent_class)->close_request (window);
}

static void
plaza_window_dispose (GObject *object)
{
  PlazaWindow *self = PLAZA_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->worker != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->worker, self);
      plaza_worker_set_poll_interval (self->worker, 0);
    }
  g_clear_object (&self->worker);

  gtk_widget_dispose_template (GTK_WIDGET (self), PLAZA_TYPE_WINDOW);

  G_OBJECT_CLASS (plaza_window_parent_class)->dispose (object);
}

static void
plaza_window_finalize (GObject *object)
{
  PlazaWindow *self = PLAZA_WINDOW (object);

  g_clear_object (&self->settings);
  g_free (self->path);

  G_OBJECT_CLASS (plaza_window_parent_class)->finalize (object);
}

static void
plaza_window_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PlazaWindow *self = PLAZA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy > 0);
      break;
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plaza_window_realize (GtkWidget *widget)
{
  PlazaWindow *self = PLAZA_WINDOW (widget);
  GtkIconTheme *theme;

  GTK_WIDGET_CLASS (plaza_window_parent_class)->realize (widget);

  /* Uninstalled, without PLAZA_ICON_DIR, the app icon may be missing. */
  theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (widget));
  if (!gtk_icon_theme_has_icon (theme, APP_ID))
    adw_status_page_set_icon_name (self->welcome_page, "x-office-spreadsheet-symbolic");
}

static void
plaza_window_class_init (PlazaWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = plaza_window_dispose;
  object_class->finalize = plaza_window_finalize;
  object_class->get_property = plaza_window_get_property;
  window_class->close_request = plaza_window_close_request;
  widget_class->realize = plaza_window_realize;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/plaza/Plaza/plaza-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PlazaWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PlazaWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, PlazaWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, PlazaWindow, welcome_spinner);
  gtk_widget_class_bind_template_child (widget_class, PlazaWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PlazaWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, PlazaWindow, location_label);
  gtk_widget_class_bind_template_child (widget_class, PlazaWindow, location_icon);
  gtk_widget_class_bind_template_child (widget_class, PlazaWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, PlazaWindow, read_only_revealer);
  gtk_widget_class_bind_template_child (widget_class, PlazaWindow, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, PlazaWindow, page_stack);
  gtk_widget_class_bind_template_child (widget_class, PlazaWindow, content_box);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, plaza_window_open_action);
  gtk_widget_class_install_action (widget_class, "win.new", NULL, plaza_window_new_action);
  gtk_widget_class_install_action (widget_class, "win.open-demo", NULL, plaza_window_open_demo_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.new-contract", NULL, new_contract_action);
  plaza_share_class_init (widget_class);
  plaza_window_live_class_init (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_N, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.new-contract", NULL);
  for (guint i = 0; i < N_PAGES; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_CONTROL_MASK,
                                         "win.show-page", "s", page_specs[i].name);
}

static GtkWidget *
build_sidebar_row (const PageSpec *spec)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name (spec->icon);
  GtkWidget *label = gtk_label_new (_(spec->title));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

/* The Tenants page's "Brands…": the brand library over the window. */
static void
brand_library_clicked_cb (PlazaWindow *self)
{
  PlazaBrandLibrary *library;

  if (self->worker == NULL || plaza_window_get_path (self) == NULL)
    return;
  library = plaza_brand_library_new (GTK_WINDOW (self), self->worker);
  gtk_window_present (GTK_WINDOW (library));
}

static void
plaza_window_init (PlazaWindow *self)
{
  g_autofree char *last_page = NULL;
  int index;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->cancellable = g_cancellable_new ();

  for (guint i = 0; i < N_PAGES; i++)
    {
      GtkWidget *page;
      GtkStackPage *stack_page;

      if (page_specs[i].kind == KIND_ANALYTICS)
        page = plaza_analytics_page_new ();
      else if (page_specs[i].kind == KIND_BILLING)
        page = plaza_billing_page_new ();
      else if (page_specs[i].kind == KIND_UNITS)
        page = plaza_units_page_new ();
      else if (page_specs[i].kind == KIND_PROMOTIONS)
        page = plaza_promotions_page_new ();
      else if (page_specs[i].kind == KIND_REVIEW)
        page = plaza_review_page_new ();
      else if (page_specs[i].kind == KIND_LEASING)
        page = plaza_leasing_page_new ();
      else if (page_specs[i].kind == KIND_OVERVIEW)
        {
          page = GTK_WIDGET (plaza_overview_page_new ());
          g_signal_connect_object (page, "notify::loading", G_CALLBACK (overview_loading_cb), self,
                                   G_CONNECT_SWAPPED);
          g_signal_connect_object (page, "contract-activated", G_CALLBACK (contract_activated_cb), self,
                                   G_CONNECT_SWAPPED);
        }
      else
        page = GTK_WIDGET (plaza_list_page_new ((PlazaListKind) page_specs[i].kind));
      if (page_specs[i].kind == PLAZA_LIST_CONTRACTS)
        {
          GtkWidget *button = gtk_button_new_with_mnemonic (_("_New Contract"));

          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.new-contract");
          gtk_widget_set_tooltip_text (button, _("New contract (Ctrl+Shift+N)"));
          plaza_list_page_add_toolbar_widget (PLAZA_LIST_PAGE (page), button);
          plaza_contract_filter_new (PLAZA_LIST_PAGE (page));
          g_signal_connect_object (page, "row-activated", G_CALLBACK (contract_activated_cb), self,
                                   G_CONNECT_SWAPPED);
        }
      if (page_specs[i].kind == PLAZA_LIST_TENANTS)
        {
          GtkWidget *button = gtk_button_new_with_mnemonic (_("New _Tenant"));

          gtk_widget_set_tooltip_text (button, _("Open a new tenant's record"));
          g_object_set_data (G_OBJECT (self), "plaza-new-tenant-button", button);   /* role guard */
          g_signal_connect_object (button, "clicked", G_CALLBACK (new_tenant_clicked_cb), self, G_CONNECT_SWAPPED);
          plaza_list_page_add_toolbar_widget (PLAZA_LIST_PAGE (page), button);
          g_signal_connect_object (page, "row-activated", G_CALLBACK (tenant_activated_cb), self,
                                   G_CONNECT_SWAPPED);
        }
      if (page_specs[i].kind == PLAZA_LIST_SALES)
        plaza_sales_actions_attach (PLAZA_LIST_PAGE (page), self);
      if (page_specs[i].kind == PLAZA_LIST_TENANTS)
        {
          GtkWidget *brands = gtk_button_new_with_mnemonic (_("_Brands…"));

          gtk_widget_set_tooltip_text (brands, _("The brand library and market notes"));
          g_signal_connect_object (brands, "clicked", G_CALLBACK (brand_library_clicked_cb), self, G_CONNECT_SWAPPED);
          plaza_list_page_add_toolbar_widget (PLAZA_LIST_PAGE (page), brands);
        }
      stack_page = gtk_stack_add_titled (self->page_stack, page, page_specs[i].name, _(page_specs[i].title));
      gtk_stack_page_set_icon_name (stack_page, page_specs[i].icon);
      self->pages[i] = page;

      self->rows[i] = GTK_LIST_BOX_ROW (build_sidebar_row (&page_specs[i]));
      gtk_list_box_append (self->sidebar_list, GTK_WIDGET (self->rows[i]));
    }
  g_signal_connect_object (self->sidebar_list, "row-selected", G_CALLBACK (sidebar_row_selected_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  last_page = g_settings_get_string (self->settings, "last-page");
  index = page_index (last_page);
  self->page = index >= 0 ? (guint) index : 0;
  gtk_stack_set_visible_child (self->page_stack, self->pages[self->page]);
  gtk_list_box_select_row (self->sidebar_list, self->rows[self->page]);

  gtk_stack_set_visible_child_name (self->main_stack, "welcome");
  update_title (self);
  plaza_share_attach (self);
  plaza_window_session_init (self);
}

const char * const *
plaza_window_get_page_names (void)
{
  return page_names;
}

gboolean
plaza_window_is_page_name (const char *name)
{
  return page_index (name) >= 0;
}

PlazaWindow *
plaza_window_new (GtkApplication *application)
{
  return g_object_new (PLAZA_TYPE_WINDOW, "application", application, NULL);
}

void
plaza_window_show_welcome (PlazaWindow *self)
{
  g_return_if_fail (PLAZA_IS_WINDOW (self));
  gtk_stack_set_visible_child_name (self->main_stack, self->worker != NULL ? "main" : "welcome");
  if (self->worker == NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->welcome_page));
}

gboolean
plaza_window_set_page (PlazaWindow *self,
                       const char  *name)
{
  int index;

  g_return_val_if_fail (PLAZA_IS_WINDOW (self), FALSE);

  index = page_index (name);
  if (index < 0)
    {
      g_warning ("No page called “%s”", name);
      return FALSE;
    }

  if (self->page != (guint) index || gtk_stack_get_visible_child (self->page_stack) != self->pages[index])
    {
      self->page = (guint) index;
      if (!plaza_window_session_is_locked (self))
        gtk_stack_set_visible_child (self->page_stack, self->pages[index]);
      gtk_list_box_select_row (self->sidebar_list, self->rows[index]);
      g_settings_set_string (self->settings, "last-page", name);
    }
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content_box);
  load_page (self, self->page);
  return TRUE;
}

const char *
plaza_window_get_page (PlazaWindow *self)
{
  g_return_val_if_fail (PLAZA_IS_WINDOW (self), NULL);
  return page_specs[self->page].name;
}

GtkWidget *
plaza_window_get_page_widget (PlazaWindow *self,
                              const char  *name)
{
  int index;

  g_return_val_if_fail (PLAZA_IS_WINDOW (self), NULL);

  index = page_index (name);
  return index >= 0 ? self->pages[index] : NULL;
}

gboolean
plaza_window_get_busy (PlazaWindow *self)
{
  g_return_val_if_fail (PLAZA_IS_WINDOW (self), FALSE);
  return self->busy > 0;
}

const char *
plaza_window_get_path (PlazaWindow *self)
{
  g_return_val_if_fail (PLAZA_IS_WINDOW (self), NULL);
  return self->worker != NULL ? self->path : NULL;
}

PlazaWorker *
plaza_window_get_worker (PlazaWindow *self)
{
  g_return_val_if_fail (PLAZA_IS_WINDOW (self), NULL);
  return self->worker;
}

PlazaContractEditor *
plaza_window_new_contract (PlazaWindow *self)
{
  PlazaContractEditor *editor;

  g_return_val_if_fail (PLAZA_IS_WINDOW (self), NULL);

  if (self->worker == NULL)
    return NULL;
  editor = plaza_contract_editor_new (GTK_WINDOW (self), self->worker);
  g_signal_connect_object (editor, "saved", G_CALLBACK (contract_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
  return editor;
}

PlazaContractDetail *
plaza_window_open_contract (PlazaWindow *self,
                            gint64       id)
{
  PlazaContractDetail *detail;

  g_return_val_if_fail (PLAZA_IS_WINDOW (self), NULL);

  if (self->worker == NULL)
    return NULL;
  detail = plaza_contract_detail_new (GTK_WINDOW (self), self->worker, id);
  g_signal_connect_object (detail, "changed", G_CALLBACK (contracts_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (detail));
  return detail;
}
