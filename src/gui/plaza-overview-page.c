/* plaza-overview-page.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Today at a glance: vacancy and occupancy, leases running out, approvals
 * waiting, arrears, promotions coming, last month's sales. Each card opens
 * the page where the work is.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>

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
  N_CARDS
} Card;

typedef struct
{
  const char *title;
  const char *page;
  const char *icon;
} CardSpec;

static const CardSpec card_specs[N_CARDS] = {
  [CARD_VACANT] = { N_("Vacant units"), "units", "view-grid-symbolic" },
  [CARD_OCCUPANCY] = { N_("Occupancy rate"), "units", "emblem-ok-symbolic" },
  [CARD_EXPIRING] = { N_("Contracts expiring in 90 days"), "contracts", "alarm-symbolic" },
  [CARD_AWAITING] = { N_("Contracts awaiting approval"), "contracts", "document-edit-symbolic" },
  [CARD_ARREARS] = { N_("Arrears"), "billing", "dialog-warning-symbolic" },
  [CARD_PROMOTIONS] = { N_("Promotions in the next 30 days"), "promotions", "starred-symbolic" },
  [CARD_SALES] = { N_("Sales last month"), "sales", "x-office-spreadsheet-symbolic" },
  [CARD_ACTIVE] = { N_("Active contracts"), "contracts", "x-office-document-symbolic" },
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

  /* owned */
  PlazaWorker    *worker;
  GCancellable   *cancellable;
  PlazaOverview  *overview;

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

  /* 95 % is the usual health line of a mall (DOMAIN.md). */
  if (o->occupancy_bp < 9500 && o->units_total > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->values[CARD_OCCUPANCY]), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->values[CARD_OCCUPANCY]), "warning");
  if (o->arrears_fen > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->values[CARD_ARREARS]), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->values[CARD_ARREARS]), "error");
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
  g_clear_object (&self->worker);
  g_clear_pointer (&self->overview, plaza_overview_free);

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
      g_clear_pointer (&self->overview, plaza_overview_free);
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
