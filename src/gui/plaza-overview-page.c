/* plaza-overview-page.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Today at a glance: vacancy and occupancy, leases running out, approvals
 * waiting, arrears, promotions coming, last month's sales. Each card opens
 * the page where the work is. Below, the contracts ending soon and the
 * renewal notices due (plaza_contract_alerts ()); a row opens the contract.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-contract-alerts.h"
#include "plaza-money.h"
#include "plaza-overview-page.h"

typedef enum
{
  CARD_VACANT,
  CARD_OCCUPANCY,
  CARD_EXPIRING,
  CARD_AWAITING,
  CARD_ARREARS,
  CARD_PROMOTIONS,
  CARD_SALES,
  CARD_ACTIVE,
  CARD_FITOUT,
  CARD_LICENCES,
  N_CARDS
} Card;

typedef struct
{
  const char *title;
  const char *page;
  const char *icon;
} CardSpec;

static const CardSpec card_specs[N_CARDS] = {
  [CARD_VACANT] = { N_("Vacant units"), "units:vacancy", "view-grid-symbolic" },
  [CARD_OCCUPANCY] = { N_("Occupancy rate"), "units", "emblem-ok-symbolic" },
  [CARD_EXPIRING] = { N_("Contracts expiring in 90 days"), "contracts", "alarm-symbolic" },
  [CARD_AWAITING] = { N_("Contracts awaiting approval"), "contracts", "document-edit-symbolic" },
  [CARD_ARREARS] = { N_("Arrears"), "billing:arrears", "dialog-warning-symbolic" },
  [CARD_PROMOTIONS] = { N_("Promotions in the next 30 days"), "promotions", "starred-symbolic" },
  [CARD_SALES] = { N_("Sales last month"), "sales", "x-office-spreadsheet-symbolic" },
  [CARD_ACTIVE] = { N_("Active contracts"), "contracts", "x-office-document-symbolic" },
  [CARD_FITOUT] = { N_("Fit-out items overdue"), "contracts", "emblem-important-symbolic" },
  [CARD_LICENCES] = { N_("Business licences expiring"), "tenants", "contact-new-symbolic" },
};

struct _PlazaOverviewPage
{
  AdwBin          parent_instance;

  /* widgets */
  GtkLabel       *heading;
  GtkLabel       *subheading;
  GtkSpinner     *spinner;
  GtkLabel       *values[N_CARDS];
  GtkLabel       *details[N_CARDS];
  GtkListBox     *alert_list;
  GtkLabel       *alert_empty;

  /* owned */
  PlazaWorker    *worker;
  GCancellable   *cancellable;
  PlazaOverview  *overview;
  GPtrArray      *alerts;
  GCancellable   *alerts_cancellable;

  gboolean        loading;
};

G_DEFINE_FINAL_TYPE (PlazaOverviewPage, plaza_overview_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_CONTRACT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* One load: the result of a cancelled load is dropped. */
typedef struct
{
  PlazaOverviewPage *self;
  GCancellable      *cancellable;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_object_unref (data->self);
  g_object_unref (data->cancellable);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadData, load_data_free)

static void
get_today (GDate *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
}

static void
set_card (PlazaOverviewPage *self,
          Card               card,
          const char        *value,
          const char        *detail)
{
  gtk_label_set_label (self->values[card], value);
  gtk_label_set_label (self->details[card], detail);
}

static void
set_loading (PlazaOverviewPage *self,
             gboolean           loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  gtk_spinner_set_spinning (self->spinner, loading);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
show_overview (PlazaOverviewPage *self)
{
  const PlazaOverview *o = self->overview;
  g_autofree char *vacant = g_strdup_printf ("%" G_GINT64_FORMAT, o->units_vacant);
  g_autofree char *vacant_detail = g_strdup_printf (ngettext ("of %d unit", "of %d units",
                                                              (gulong) o->units_total),
                                                    (int) o->units_total);
  g_autofree char *pct = plaza_percent_format (o->occupancy_bp);
  g_autofree char *occupancy = g_strdup_printf ("%s%%", pct);
  g_autofree char *leased = plaza_area_format (o->leased_area);
  g_autofree char *rentable = plaza_area_format (o->rentable_area);
  /* Translators: leased area of rentable area, in square metres. */
  g_autofree char *occupancy_detail = g_strdup_printf (_("%s of %s m² let"), leased, rentable);
  g_autofree char *expiring = g_strdup_printf ("%" G_GINT64_FORMAT, o->contracts_expiring_90);
  g_autofree char *awaiting = g_strdup_printf ("%" G_GINT64_FORMAT, o->contracts_awaiting);
  g_autofree char *arrears = plaza_money_format (o->arrears_fen, TRUE);
  g_autofree char *arrears_detail = g_strdup_printf (ngettext ("owed by %d tenant", "owed by %d tenants",
                                                               (gulong) o->tenants_in_arrears),
                                                     (int) o->tenants_in_arrears);
  g_autofree char *promotions = g_strdup_printf ("%" G_GINT64_FORMAT, o->promotions_upcoming);
  g_autofree char *sales = plaza_money_format (o->sales_last_month_fen, TRUE);
  g_autofree char *active = g_strdup_printf ("%" G_GINT64_FORMAT, o->contracts_active);
  g_autofree char *fitout = g_strdup_printf ("%" G_GINT64_FORMAT, o->fitout_overdue);
  g_autofree char *licences = g_strdup_printf ("%" G_GINT64_FORMAT, o->licences_expiring);
  g_autofree char *date_text = NULL;
  GDate d;
  char buf[64];

  get_today (&d);
  g_date_strftime (buf, sizeof buf, "%x", &d);
  date_text = g_strdup_printf (_("Today, %s"), buf);

  gtk_label_set_label (self->heading, o->mall_name != NULL && *o->mall_name != '\0' ? o->mall_name : _("Overview"));
  gtk_label_set_label (self->subheading, date_text);

  set_card (self, CARD_VACANT, vacant, vacant_detail);
  set_card (self, CARD_OCCUPANCY, occupancy, occupancy_detail);
  set_card (self, CARD_EXPIRING, expiring, _("Renew, re-let or let go"));
  set_card (self, CARD_AWAITING, awaiting, _("Drafts and submitted contracts"));
  set_card (self, CARD_ARREARS, arrears, arrears_detail);
  set_card (self, CARD_PROMOTIONS, promotions, _("Approved and about to start"));
  set_card (self, CARD_SALES, sales, _("All units, from the monthly totals"));
  set_card (self, CARD_ACTIVE, active, _("Leases and concessions in force"));
  set_card (self, CARD_FITOUT, fitout, _("Drawings waiting, periods ended, failed inspections"));
  set_card (self, CARD_LICENCES, licences, _("Expired or ending within 60 days"));

  /* 95 % is the usual health line of a mall (DOMAIN.md). */
  if (o->occupancy_bp < 9500 && o->units_total > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->values[CARD_OCCUPANCY]), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->values[CARD_OCCUPANCY]), "warning");
  if (o->arrears_fen > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->values[CARD_ARREARS]), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->values[CARD_ARREARS]), "error");
  if (o->fitout_overdue > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->values[CARD_FITOUT]), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->values[CARD_FITOUT]), "error");
  if (o->licences_expiring > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->values[CARD_LICENCES]), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->values[CARD_LICENCES]), "warning");
}

static void
overview_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(LoadData) data = user_data;
  g_autoptr(GError) error = NULL;
  PlazaOverviewPage *self = data->self;
  PlazaOverview *overview;

  overview = plaza_worker_overview_finish (PLAZA_WORKER (source), result, &error);
  if (g_cancellable_is_cancelled (data->cancellable))
    {
      g_clear_pointer (&overview, plaza_overview_free);
      return;
    }
  if (overview == NULL)
    gtk_label_set_label (self->subheading, error->message);
  else
    {
      g_clear_pointer (&self->overview, plaza_overview_free);
      self->overview = overview;
      show_overview (self);
    }

  set_loading (self, FALSE);
}

/* ---- contracts ending soon ---- */

static gpointer
alerts_job (PlazaStore    *store,
            gpointer       data,
            GCancellable  *cancellable G_GNUC_UNUSED,
            GError       **error)
{
  GPtrArray *alerts = NULL;

  if (!plaza_contract_alerts (store, data, NULL, 0, &alerts, error))
    return NULL;
  return alerts;
}

static GtkWidget *
build_alert_row (PlazaContractAlert *alert)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *badge;
  g_autofree char *title = g_strdup_printf ("%s · %s", alert->code, alert->tenant != NULL ? alert->tenant : "");
  g_autofree char *left = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *badge_text = NULL;

  if (alert->days_left == 0)
    left = g_strdup (_("today"));
  else
    left = g_strdup_printf (ngettext ("in %u day", "in %u days", alert->days_left), alert->days_left);

  if (alert->kind == PLAZA_CONTRACT_ALERT_EXPIRY)
    {
      /* Translators: "Ends 2026-12-31, in 25 days". */
      subtitle = g_strdup_printf (_("Ends %s, %s"), alert->end_date, left);
      /* Translators: the alert window the end date falls in, "Within 60 days". */
      badge_text = g_strdup_printf (ngettext ("Within %u day", "Within %u days", alert->window), alert->window);
    }
  else
    {
      /* Translators: "Renewal notice due 2026-09-30, in 3 days; ends 2026-12-31". */
      subtitle = g_strdup_printf (_("Renewal notice due %s, %s; ends %s"), alert->date, left, alert->end_date);
      badge_text = g_strdup (_("Notice"));
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  badge = gtk_label_new (badge_text);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "numeric");
  gtk_widget_add_css_class (badge, "caption-heading");
  if (alert->kind == PLAZA_CONTRACT_ALERT_EXPIRY && alert->window <= 30)
    gtk_widget_add_css_class (badge, "error");
  else if (alert->kind == PLAZA_CONTRACT_ALERT_EXPIRY && alert->window <= 60)
    gtk_widget_add_css_class (badge, "warning");
  else
    gtk_widget_add_css_class (badge, "accent");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  return row;
}

static void
show_alerts (PlazaOverviewPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->alert_list))) != NULL)
    gtk_list_box_remove (self->alert_list, child);
  for (guint i = 0; self->alerts != NULL && i < self->alerts->len; i++)
    gtk_list_box_append (self->alert_list, build_alert_row (self->alerts->pdata[i]));
  gtk_widget_set_visible (GTK_WIDGET (self->alert_list), self->alerts != NULL && self->alerts->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->alert_empty), self->alerts == NULL || self->alerts->len == 0);
}

static void
alerts_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(LoadData) data = user_data;
  g_autoptr(GError) error = NULL;
  PlazaOverviewPage *self = data->self;
  GPtrArray *alerts;

  alerts = plaza_worker_run_finish (PLAZA_WORKER (source), result, &error);
  if (g_cancellable_is_cancelled (data->cancellable))
    {
      g_clear_pointer (&alerts, g_ptr_array_unref);
      return;
    }
  g_clear_pointer (&self->alerts, g_ptr_array_unref);
  if (alerts == NULL)
    {
      g_message ("Could not load the contract alerts: %s", error != NULL ? error->message : "?");
      self->alerts = g_ptr_array_new ();
      show_alerts (self);
      gtk_label_set_label (self->alert_empty, error != NULL ? error->message : "");
      return;
    }
  self->alerts = alerts;
  gtk_label_set_label (self->alert_empty, _("No contract ends within the alert windows."));
  show_alerts (self);
}

static void
load_alerts (PlazaOverviewPage *self,
             const GDate       *today)
{
  LoadData *data;
  char iso[16];

  g_cancellable_cancel (self->alerts_cancellable);
  g_clear_object (&self->alerts_cancellable);
  self->alerts_cancellable = g_cancellable_new ();

  g_snprintf (iso, sizeof iso, "%04u-%02u-%02u", (guint) g_date_get_year (today),
              (guint) g_date_get_month (today), (guint) g_date_get_day (today));
  data = g_new0 (LoadData, 1);
  data->self = g_object_ref (self);
  data->cancellable = g_object_ref (self->alerts_cancellable);
  plaza_worker_run_async (self->worker, alerts_job, g_strdup (iso), g_free, self->alerts_cancellable,
                          alerts_done_cb, data);
}

static void
alert_row_activated_cb (PlazaOverviewPage *self,
                        GtkListBoxRow     *row)
{
  int index = gtk_list_box_row_get_index (row);

  if (index >= 0)
    plaza_overview_page_activate_alert (self, (guint) index);
}

static GtkWidget *
build_alerts_section (PlazaOverviewPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *title = gtk_label_new (_("Contracts ending soon"));

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "title-4");

  self->alert_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->alert_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->alert_list), "boxed-list");
  gtk_widget_set_visible (GTK_WIDGET (self->alert_list), FALSE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->alert_list), GTK_ACCESSIBLE_RELATION_LABELLED_BY, title,
                                  NULL, -1);
  g_signal_connect_object (self->alert_list, "row-activated", G_CALLBACK (alert_row_activated_cb), self,
                           G_CONNECT_SWAPPED);

  self->alert_empty = GTK_LABEL (gtk_label_new ("–"));
  gtk_label_set_xalign (self->alert_empty, 0);
  gtk_label_set_wrap (self->alert_empty, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->alert_empty), "dim-label");

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->alert_list));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->alert_empty));
  return box;
}

static GtkWidget *
build_card (PlazaOverviewPage *self,
            Card               card)
{
  const CardSpec *spec = &card_specs[card];
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = gtk_image_new_from_icon_name (spec->icon);
  GtkWidget *title = gtk_label_new (_(spec->title));
  GtkWidget *value = gtk_label_new ("–");
  GtkWidget *detail = gtk_label_new ("");

  gtk_widget_add_css_class (button, "card");
  gtk_widget_add_css_class (button, "overview-card");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-page");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", spec->page);

  gtk_widget_add_css_class (icon, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (top), icon);
  gtk_box_append (GTK_BOX (top), title);

  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_widget_add_css_class (value, "title-1");
  gtk_widget_add_css_class (value, "numeric");
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");

  gtk_widget_set_valign (box, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), value);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_button_set_child (GTK_BUTTON (button), box);

  self->values[card] = GTK_LABEL (value);
  self->details[card] = GTK_LABEL (detail);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL, -1);
  return button;
}

static void
plaza_overview_page_dispose (GObject *object)
{
  PlazaOverviewPage *self = PLAZA_OVERVIEW_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->alerts_cancellable);
  g_clear_object (&self->alerts_cancellable);
  g_clear_object (&self->worker);
  g_clear_pointer (&self->overview, plaza_overview_free);
  g_clear_pointer (&self->alerts, g_ptr_array_unref);

  G_OBJECT_CLASS (plaza_overview_page_parent_class)->dispose (object);
}

static void
plaza_overview_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PlazaOverviewPage *self = PLAZA_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plaza_overview_page_class_init (PlazaOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = plaza_overview_page_dispose;
  object_class->get_property = plaza_overview_page_get_property;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* An alert row was activated: the contract's id. */
  signals[SIGNAL_CONTRACT_ACTIVATED] =
    g_signal_new ("contract-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
plaza_overview_page_init (PlazaOverviewPage *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *flow = gtk_flow_box_new ();

  self->cancellable = g_cancellable_new ();
  self->alerts_cancellable = g_cancellable_new ();

  self->heading = GTK_LABEL (gtk_label_new (_("Overview")));
  gtk_label_set_xalign (self->heading, 0);
  gtk_label_set_wrap (self->heading, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->heading), "title-1");
  self->subheading = GTK_LABEL (gtk_label_new (""));
  gtk_label_set_xalign (self->subheading, 0);
  gtk_label_set_wrap (self->subheading, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->subheading), "dim-label");
  gtk_box_append (GTK_BOX (titles), GTK_WIDGET (self->heading));
  gtk_box_append (GTK_BOX (titles), GTK_WIDGET (self->subheading));
  gtk_widget_set_hexpand (titles, TRUE);
  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  gtk_box_append (GTK_BOX (head), titles);
  gtk_box_append (GTK_BOX (head), GTK_WIDGET (self->spinner));

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow), 1);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 4);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 12);
  for (Card card = 0; card < N_CARDS; card++)
    gtk_flow_box_append (GTK_FLOW_BOX (flow), build_card (self, card));

  gtk_box_append (GTK_BOX (box), head);
  gtk_box_append (GTK_BOX (box), flow);
  gtk_box_append (GTK_BOX (box), build_alerts_section (self));
  gtk_widget_add_css_class (box, "overview");

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1100);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  adw_bin_set_child (ADW_BIN (self), scroller);
}

PlazaOverviewPage *
plaza_overview_page_new (void)
{
  return g_object_new (PLAZA_TYPE_OVERVIEW_PAGE, NULL);
}

void
plaza_overview_page_set_worker (PlazaOverviewPage *self,
                                PlazaWorker       *worker)
{
  g_return_if_fail (PLAZA_IS_OVERVIEW_PAGE (self));

  if (g_set_object (&self->worker, worker))
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      self->cancellable = g_cancellable_new ();
      g_cancellable_cancel (self->alerts_cancellable);
      g_clear_object (&self->alerts_cancellable);
      self->alerts_cancellable = g_cancellable_new ();
      g_clear_pointer (&self->overview, plaza_overview_free);
      g_clear_pointer (&self->alerts, g_ptr_array_unref);
      show_alerts (self);
      gtk_label_set_label (self->alert_empty, "–");
      set_loading (self, FALSE);
    }
}

void
plaza_overview_page_reload (PlazaOverviewPage *self)
{
  LoadData *data;
  GDate d;

  g_return_if_fail (PLAZA_IS_OVERVIEW_PAGE (self));

  if (self->worker == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  get_today (&d);
  set_loading (self, TRUE);
  data = g_new0 (LoadData, 1);
  data->self = g_object_ref (self);
  data->cancellable = g_object_ref (self->cancellable);
  plaza_worker_overview_async (self->worker, &d, self->cancellable, overview_done_cb, data);
  load_alerts (self, &d);
}

gboolean
plaza_overview_page_get_loading (PlazaOverviewPage *self)
{
  g_return_val_if_fail (PLAZA_IS_OVERVIEW_PAGE (self), FALSE);
  return self->loading;
}

const PlazaOverview *
plaza_overview_page_get_overview (PlazaOverviewPage *self)
{
  g_return_val_if_fail (PLAZA_IS_OVERVIEW_PAGE (self), NULL);
  return self->overview;
}

GPtrArray *
plaza_overview_page_get_alerts (PlazaOverviewPage *self)
{
  g_return_val_if_fail (PLAZA_IS_OVERVIEW_PAGE (self), NULL);
  return self->alerts;
}

void
plaza_overview_page_activate_alert (PlazaOverviewPage *self,
                                    guint              index)
{
  PlazaContractAlert *alert;

  g_return_if_fail (PLAZA_IS_OVERVIEW_PAGE (self));

  if (self->alerts == NULL || index >= self->alerts->len)
    return;
  alert = self->alerts->pdata[index];
  g_signal_emit (self, signals[SIGNAL_CONTRACT_ACTIVATED], 0, alert->contract_id);
}
