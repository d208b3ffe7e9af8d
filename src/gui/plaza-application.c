/* plaza-application.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application: command-line options (--db, --page), app actions (quit,
 * about) and the window.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-application.h"
#include "plaza-analytics-page.h"
#include "plaza-billing-page.h"
#include "plaza-contract-editor.h"
#include "plaza-fitout-window.h"
#include "plaza-leasing-page.h"
#include "plaza-promotions-page.h"
#include "plaza-promotion-editor.h"
#include "plaza-tenant-window.h"
#include "plaza-units-page.h"
#include "plaza-window.h"

struct _PlazaApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (PlazaApplication, plaza_application, ADW_TYPE_APPLICATION)

static char *
page_list (void)
{
  return g_strjoinv (", ", (char **) plaza_window_get_page_names ());
}

static PlazaWindow *
get_window (PlazaApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (plaza_window_new (GTK_APPLICATION (self)));
  return PLAZA_WINDOW (window);
}

static void
quit_activated (GSimpleAction *action G_GNUC_UNUSED,
                GVariant      *param G_GNUC_UNUSED,
                gpointer       user_data)
{
  GApplication *app = G_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  /* Close the windows so they save their size and page. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;
      l = l->next;
      gtk_window_close (window);
    }
  g_application_quit (app);
}

static void
about_activated (GSimpleAction *action G_GNUC_UNUSED,
                 GVariant      *param G_GNUC_UNUSED,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "The Plaza authors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "modal", TRUE,
                        "application-icon", APP_ID,
                        "application-name", _("Plaza"),
                        "developer-name", _("The Plaza authors"),
                        "version", PACKAGE_VERSION,
                        "comments", _("The commercial department's workbench: tenants, units, leasing, contracts, billing, sales and promotions, shared in one file."),
                        "copyright", "© 2026 The Plaza authors",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: put your names here, one per line. */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_entries[] = {
  { .name = "quit", .activate = quit_activated },
  { .name = "about", .activate = about_activated },
};

static int
plaza_application_handle_local_options (GApplication *app,
                                        GVariantDict *options)
{
  const char *page = NULL;

  if (g_variant_dict_lookup (options, "page", "&s", &page) && !plaza_window_is_page_name (page))
    {
      g_autofree char *pages = page_list ();
      /* Translators: the second %s is the list of page names, which stay in English. */
      g_printerr (_("Unknown page “%s”. The pages are: %s.\n"), page, pages);
      return 1;
    }

  return G_APPLICATION_CLASS (plaza_application_parent_class)->handle_local_options (app, options);
}

/* --contract, --new-contract, --promotion and --new-promotion wait until the
 * file is open. */
typedef struct
{
  GWeakRef  window;
  gint64    contract;
  gint64    amend;
  gboolean  new_contract;
  gint64    promotion;
  gint64    evaluation;
  gint64    fitout;
  gboolean  new_promotion;
  guint     ticks;
} PendingOpen;

static void
pending_open_free (gpointer data)
{
  PendingOpen *pending = data;

  g_weak_ref_clear (&pending->window);
  g_free (pending);
}

static gboolean
open_when_ready_cb (gpointer data)
{
  PendingOpen *pending = data;
  g_autoptr(PlazaWindow) window = g_weak_ref_get (&pending->window);

  /* Give up with the window, or after a minute. */
  if (window == NULL || ++pending->ticks > 600)
    return G_SOURCE_REMOVE;
  if (plaza_window_get_path (window) == NULL || plaza_window_get_busy (window))
    return G_SOURCE_CONTINUE;

  if (pending->contract > 0)
    plaza_window_open_contract (window, pending->contract);
  if (pending->new_contract)
    plaza_window_new_contract (window);
  if (pending->amend > 0)
    {
      PlazaContractEditor *editor = plaza_window_new_contract (window);

      if (editor != NULL)
        plaza_contract_editor_set_amends (editor, pending->amend, 0);
    }
  if (pending->promotion > 0)
    plaza_promotion_editor_open (GTK_WINDOW (window), plaza_window_get_worker (window), pending->promotion);
  if (pending->evaluation > 0)
    plaza_promotion_editor_show_evaluation (plaza_promotion_editor_open (GTK_WINDOW (window),
                                                                         plaza_window_get_worker (window),
                                                                         pending->evaluation));
  if (pending->new_promotion)
    plaza_promotion_editor_open (GTK_WINDOW (window), plaza_window_get_worker (window), 0);
  if (pending->fitout > 0)
    plaza_fitout_window_open (GTK_WINDOW (window), plaza_window_get_worker (window), pending->fitout);
  return G_SOURCE_REMOVE;
}

static int
plaza_application_command_line (GApplication            *app,
                                GApplicationCommandLine *command_line)
{
  PlazaApplication *self = PLAZA_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  const char *db = NULL;
  const char *page = NULL;
  const char *chart = NULL;
  const char *promotions_view = NULL;
  const char *billing_view = NULL;
  const char *tenant = NULL;
  const char *units_view = NULL;
  const char *leasing_view = NULL;
  gint64 contract = 0;
  gint64 amend = 0;
  gboolean new_contract = FALSE;
  gint64 promotion = 0;
  gint64 evaluation = 0;
  gint64 fitout = 0;
  gboolean new_promotion = FALSE;
  PlazaWindow *window;

  g_variant_dict_lookup (options, "db", "^&ay", &db);
  g_variant_dict_lookup (options, "page", "&s", &page);
  g_variant_dict_lookup (options, "contract", "x", &contract);
  g_variant_dict_lookup (options, "new-contract", "b", &new_contract);
  g_variant_dict_lookup (options, "amend", "x", &amend);
  g_variant_dict_lookup (options, "promotion", "x", &promotion);
  g_variant_dict_lookup (options, "new-promotion", "b", &new_promotion);
  g_variant_dict_lookup (options, "evaluation", "x", &evaluation);
  g_variant_dict_lookup (options, "fitout", "x", &fitout);
  g_variant_dict_lookup (options, "chart", "&s", &chart);
  g_variant_dict_lookup (options, "promotions-view", "&s", &promotions_view);
  g_variant_dict_lookup (options, "billing-view", "&s", &billing_view);
  g_variant_dict_lookup (options, "tenant", "&s", &tenant);
  g_variant_dict_lookup (options, "units-view", "&s", &units_view);
  g_variant_dict_lookup (options, "leasing-view", "&s", &leasing_view);

  window = get_window (self);
  if (page != NULL)
    plaza_window_set_page (window, page);
  if (chart != NULL)
    {
      plaza_window_set_page (window, "analytics");
      if (!plaza_analytics_page_show (PLAZA_ANALYTICS_PAGE (plaza_window_get_page_widget (window, "analytics")),
                                      chart))
        /* Translators: --chart names stay in English. */
        g_application_command_line_printerr (command_line,
                                             _("Unknown chart “%s”. The charts are: ranking, trend, mix, stacked, plan, plan:vacancy, plan:expiry.\n"),
                                             chart);
    }
  if (promotions_view != NULL)
    {
      plaza_window_set_page (window, "promotions");
      if (!plaza_promotions_page_set_view (PLAZA_PROMOTIONS_PAGE (plaza_window_get_page_widget (window, "promotions")),
                                           promotions_view))
        /* Translators: the view names stay in English. */
        g_application_command_line_printerr (command_line,
                                             _("Unknown promotions view “%s”. The views are: list, calendar, timeline.\n"),
                                             promotions_view);
    }
  if (billing_view != NULL)
    {
      plaza_window_set_page (window, "billing");
      if (!plaza_billing_page_set_view (PLAZA_BILLING_PAGE (plaza_window_get_page_widget (window, "billing")),
                                        billing_view))
        /* Translators: the view names stay in English. */
        g_application_command_line_printerr (command_line,
                                             _("Unknown billing view “%s”. The views are: bills, payments, arrears, run.\n"),
                                             billing_view);
    }
  if (leasing_view != NULL)
    {
      plaza_window_set_page (window, "leasing");
      if (!plaza_leasing_page_set_view (PLAZA_LEASING_PAGE (plaza_window_get_page_widget (window, "leasing")),
                                        leasing_view))
        /* Translators: the view names stay in English. */
        g_application_command_line_printerr (command_line,
                                             _("Unknown leasing view “%s”. The views are: board, list, plan.\n"),
                                             leasing_view);
    }
  if (units_view != NULL)
    {
      plaza_window_set_page (window, "units");
      if (!plaza_units_page_set_view (PLAZA_UNITS_PAGE (plaza_window_get_page_widget (window, "units")),
                                      units_view))
        /* Translators: the view names stay in English. */
        g_application_command_line_printerr (command_line,
                                             _("Unknown units view “%s”. The views are: list, vacancy, zoning.\n"),
                                             units_view);
    }
  /* Shown first, so an error dialog has a window to sit on. */
  gtk_window_present (GTK_WINDOW (window));

  if (db != NULL && *db != '\0')
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line, db);
      g_autofree char *path = g_file_get_path (file);

      plaza_window_open (window, path, PLAZA_STORE_OPEN_DEFAULT);
    }
  else if (plaza_window_get_path (window) == NULL && !plaza_window_get_busy (window))
    {
      g_autofree char *remembered = g_settings_get_string (self->settings, "database-path");

      if (*remembered != '\0' && g_file_test (remembered, G_FILE_TEST_EXISTS))
        plaza_window_open (window, remembered, PLAZA_STORE_OPEN_DEFAULT);
      else
        plaza_window_show_welcome (window);
    }

  if (contract > 0 || new_contract || amend > 0 || promotion > 0 || new_promotion || evaluation > 0 || fitout > 0)
    {
      PendingOpen *pending = g_new0 (PendingOpen, 1);

      g_weak_ref_init (&pending->window, window);
      pending->contract = contract;
      pending->new_contract = new_contract;
      pending->amend = amend;
      pending->promotion = promotion;
      pending->new_promotion = new_promotion;
      pending->evaluation = evaluation;
      pending->fitout = fitout;
      g_timeout_add_full (G_PRIORITY_DEFAULT, 100, open_when_ready_cb, pending, pending_open_free);
    }
  if (tenant != NULL && *tenant != '\0')
    plaza_tenant_window_open_code (GTK_WINDOW (window), tenant);

  return 0;
}

static void
plaza_application_activate (GApplication *app)
{
  gtk_window_present (GTK_WINDOW (get_window (PLAZA_APPLICATION (app))));
}

static void
plaza_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Primary>q", NULL };
  const char *icon_dir = g_getenv ("PLAZA_ICON_DIR");

  G_APPLICATION_CLASS (plaza_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_entries, G_N_ELEMENTS (app_entries), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);

  if (icon_dir != NULL && *icon_dir != '\0')
    gtk_icon_theme_add_search_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()), icon_dir);
  gtk_window_set_default_icon_name (APP_ID);
}

static void
plaza_application_dispose (GObject *object)
{
  PlazaApplication *self = PLAZA_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (plaza_application_parent_class)->dispose (object);
}

static void
plaza_application_class_init (PlazaApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = plaza_application_dispose;
  app_class->handle_local_options = plaza_application_handle_local_options;
  app_class->command_line = plaza_application_command_line;
  app_class->activate = plaza_application_activate;
  app_class->startup = plaza_application_startup;
}

static void
plaza_application_init (PlazaApplication *self)
{
  g_autofree char *pages = page_list ();
  g_autofree char *description = NULL;
  const GOptionEntry entries[] = {
    { "db", 'd', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
      N_("Open the database FILE"), N_("FILE") },
    { "page", 'p', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
      N_("Start on page NAME"), N_("NAME") },
    { "contract", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT64, NULL,
      N_("Open the contract with this id"), N_("ID") },
    { "new-contract", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
      N_("Open the editor for a new contract"), NULL },
    { "amend", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT64, NULL,
      N_("Open the editor to amend the contract with this id"), N_("ID") },
    { "promotion", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT64, NULL,
      N_("Open the promotion with this id"), N_("ID") },
    { "new-promotion", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
      N_("Open the editor for a new promotion"), NULL },
    { "evaluation", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT64, NULL,
      N_("Open the evaluation of the promotion with this id"), N_("ID") },
    { "fitout", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT64, NULL,
      N_("Open the fit-out of the contract with this id"), N_("CONTRACT_ID") },
    { "tenant", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
      N_("Open the tenant with this code"), N_("CODE") },
    { "chart", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
      N_("Open Analytics on the chart NAME (ranking, trend, mix, stacked, plan[:vacancy|:expiry])"), N_("NAME") },
    { "promotions-view", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
      N_("Open Promotions on the view NAME (list, calendar, timeline)"), N_("NAME") },
    { "billing-view", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
      N_("Open Billing on the view NAME (bills, payments, arrears, run)"), N_("NAME") },
    { "units-view", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
      N_("Open Units on the view NAME (list, vacancy, zoning)"), N_("NAME") },
    { "leasing-view", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
      N_("Open Leasing on the view NAME (board, list, plan)"), N_("NAME") },
    { NULL }
  };

  self->settings = g_settings_new (APP_ID);

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), NULL);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Plaza, the workbench of a shopping mall's commercial department."));
  description = g_strdup_printf (_("Pages: %s.\n\nWithout --db, Plaza opens the database it opened last, or shows the welcome page."),
                                 pages);
  g_application_set_option_context_description (G_APPLICATION (self), description);
}

PlazaApplication *
plaza_application_new (void)
{
  return g_object_new (PLAZA_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", "/org/plaza/Plaza",
                       NULL);
}
