/* plaza-analytics-page.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sales & analytics: the charts managers read. Five views — a ranking, the
 * trend against last year and the target, the category mix, sales stacked
 * by floor or category, and the floor stacking plan — over a period, with
 * drill-down (mall → floor or category → tenant → the tenant's trend) shown
 * as a breadcrumb, an "as table" toggle and export to PNG, SVG and PDF. The
 * charts are built in the worker thread by core (plaza-chart-data.h); this
 * page only chooses and shows them.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "charts/plaza-chart-view.h"
#include "plaza-analytics-export.h"
#include "plaza-analytics-page.h"
#include "plaza-analytics-query.h"
#include "plaza-analytics-table.h"
#include "plaza-chart-data.h"

static const char * const view_names[PLAZA_ANALYTICS_N_VIEWS] = {
  "ranking", "trend", "mix", "stacked", "plan"
};

static const char * const view_titles[PLAZA_ANALYTICS_N_VIEWS] = {
  N_("Ranking"), N_("Trend"), N_("Category Mix"), N_("Stacked"), N_("Floor Plan")
};

/* The metric dropdown; "sales_per_m2_year" is shown only if core knows it. */
static const char * const metric_names[] = {
  "sales", "sales_per_m2", "sales_per_m2_year", "rent_to_sales", "occupancy"
};
static const char * const metric_titles[] = {
  N_("Sales"), N_("Sales per m² (month)"), N_("Sales per m² (year)"), N_("Rent-to-sales"),
  N_("Occupancy")
};

static const PlazaKpiGroup by_groups[] = {
  PLAZA_KPI_BY_FLOOR, PLAZA_KPI_BY_CATEGORY, PLAZA_KPI_BY_TENANT, PLAZA_KPI_BY_UNIT
};
static const char * const by_titles[] = {
  N_("By floor"), N_("By category"), N_("By tenant"), N_("By unit")
};

static const char * const plan_names[] = { "sales_per_m2", "vacancy", "expiry" };
static const char * const plan_titles[] = {
  N_("Colour by sales per m²"), N_("Colour by vacancy"), N_("Colour by lease expiry")
};
static const char * const mix_titles[] = { N_("Share of sales"), N_("Share of leased area") };


static const char * const period_titles[] = {
  N_("Last month"), N_("Last 3 months"), N_("Last 12 months"), N_("This year"), N_("Last year")
};

#define RANKING_LIMIT 25

typedef struct
{
  PlazaKpiGroup  filter_by;
  char          *key;
  char          *label;
} DrillLevel;

struct _PlazaAnalyticsPage
{
  AdwBin               parent_instance;

  GtkToggleButton     *view_buttons[PLAZA_ANALYTICS_N_VIEWS];
  GtkDropDown         *metric_dropdown;
  GtkDropDown         *by_dropdown;
  GtkDropDown         *plan_dropdown;
  GtkDropDown         *mix_dropdown;
  GtkDropDown         *period_dropdown;
  GtkToggleButton     *table_button;
  GtkBox              *breadcrumb;
  GtkStack            *stack;
  PlazaChartView      *chart_view;
  PlazaAnalyticsTable *table;
  AdwStatusPage       *status;
  GtkSpinner          *spinner;

  PlazaWorker         *worker;
  GCancellable        *cancellable;
  GArray              *drill;        /* of DrillLevel; empty: the whole mall */
  GPtrArray           *metrics;      /* metric names offered, in dropdown order */
  PlazaAnalyticsView   view;
  gboolean             loaded;
  gboolean             loading;
  gboolean             updating;     /* controls being set from code */
};

G_DEFINE_FINAL_TYPE (PlazaAnalyticsPage, plaza_analytics_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void reload (PlazaAnalyticsPage *self);

static void
drill_level_clear (gpointer data)
{
  DrillLevel *level = data;

  g_free (level->key);
  g_free (level->label);
}

/* ---- the query ---- */

static const char *
selected_metric (PlazaAnalyticsPage *self)
{
  guint i = gtk_drop_down_get_selected (self->metric_dropdown);

  return i < self->metrics->len ? g_ptr_array_index (self->metrics, i) : "sales";
}

static PlazaAnalyticsJob *
make_job (PlazaAnalyticsPage *self)
{
  PlazaAnalyticsJob *job = g_new0 (PlazaAnalyticsJob, 1);
  guint by = gtk_drop_down_get_selected (self->by_dropdown);

  job->view = self->view;
  plaza_analytics_today (&job->today);
  if (!plaza_kpi_metric_parse (selected_metric (self), &job->query.metric))
    job->query.metric = PLAZA_KPI_SALES;
  job->query.by = by_groups[MIN (by, G_N_ELEMENTS (by_groups) - 1)];
  if (job->query.metric == PLAZA_KPI_OCCUPANCY)
    job->query.by = PLAZA_KPI_BY_FLOOR;   /* occupancy is by mall and floor only */
  job->query.filter_by = PLAZA_KPI_BY_MALL;
  if (self->drill->len > 0)
    {
      DrillLevel *level = &g_array_index (self->drill, DrillLevel, self->drill->len - 1);

      job->query.filter_by = level->filter_by;
      job->filter_key = g_strdup (level->key);
    }
  job->query.limit = self->view == PLAZA_ANALYTICS_RANKING ? RANKING_LIMIT : 0;
  job->colour = (PlazaPlanColour) gtk_drop_down_get_selected (self->plan_dropdown);
  job->by_area = gtk_drop_down_get_selected (self->mix_dropdown) == 1;
  plaza_analytics_period_months ((PlazaAnalyticsPeriod) gtk_drop_down_get_selected (self->period_dropdown),
                 self->view == PLAZA_ANALYTICS_TREND, &job->today, job->from, job->to);
  return job;
}

/* ---- showing ---- */

static void
set_loading (PlazaAnalyticsPage *self,
             gboolean            loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  gtk_spinner_set_spinning (self->spinner, loading);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static gboolean
chart_is_empty (PlazaChart *chart)
{
  if (plaza_chart_get_kind (chart) == PLAZA_CHART_STACKING_PLAN)
    return plaza_chart_get_n_rows (chart) == 0;
  for (guint s = 0; s < plaza_chart_get_n_series (chart); s++)
    for (guint c = 0; c < plaza_chart_get_n_categories (chart); c++)
      {
        gint64 value;

        if (plaza_chart_get_value (chart, s, c, &value) && value != 0)
          return FALSE;
      }
  return TRUE;
}

static void
show_content (PlazaAnalyticsPage *self)
{
  PlazaChart *chart = plaza_chart_view_get_chart (self->chart_view);

  if (chart == NULL)
    return;
  if (chart_is_empty (chart))
    {
      adw_status_page_set_icon_name (self->status, "x-office-spreadsheet-symbolic");
      adw_status_page_set_title (self->status, _("No Figures for This Period"));
      adw_status_page_set_description (self->status,
                                       _("Import the tills’ sales on the Sales page, or choose another period or measure."));
      gtk_stack_set_visible_child_name (self->stack, "status");
    }
  else if (gtk_toggle_button_get_active (self->table_button))
    {
      plaza_analytics_table_set_chart (self->table, chart);
      gtk_stack_set_visible_child_name (self->stack, "table");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "chart");
}

static void
load_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PlazaAnalyticsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  PlazaChart *chart;

  chart = plaza_worker_run_finish (PLAZA_WORKER (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_loading (self, FALSE);
  if (chart == NULL)
    {
      adw_status_page_set_icon_name (self->status, "dialog-error-symbolic");
      adw_status_page_set_title (self->status, _("The Chart Could Not Be Made"));
      adw_status_page_set_description (self->status, error != NULL ? error->message : "");
      gtk_stack_set_visible_child_name (self->stack, "status");
      return;
    }
  plaza_chart_view_set_chart (self->chart_view, chart);
  self->loaded = TRUE;
  show_content (self);
}

static void
reload (PlazaAnalyticsPage *self)
{
  if (self->worker == NULL || self->updating)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_loading (self, TRUE);
  plaza_worker_run_async (self->worker, plaza_analytics_job_run, make_job (self), plaza_analytics_job_free,
                          self->cancellable, load_done, g_object_ref (self));
}

/* ---- controls ---- */

static void
update_controls (PlazaAnalyticsPage *self)
{
  PlazaAnalyticsView view = self->view;
  gboolean occupancy = g_strcmp0 (selected_metric (self), "occupancy") == 0;

  self->updating = TRUE;
  for (guint i = 0; i < PLAZA_ANALYTICS_N_VIEWS; i++)
    gtk_toggle_button_set_active (self->view_buttons[i], i == view);
  self->updating = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->metric_dropdown),
                          view == PLAZA_ANALYTICS_RANKING || view == PLAZA_ANALYTICS_TREND);
  gtk_widget_set_visible (GTK_WIDGET (self->by_dropdown),
                          (view == PLAZA_ANALYTICS_RANKING && !occupancy)
                          || view == PLAZA_ANALYTICS_STACKED);
  gtk_widget_set_visible (GTK_WIDGET (self->plan_dropdown), view == PLAZA_ANALYTICS_PLAN);
  gtk_widget_set_visible (GTK_WIDGET (self->mix_dropdown), view == PLAZA_ANALYTICS_MIX);
  gtk_widget_set_visible (GTK_WIDGET (self->period_dropdown),
                          view != PLAZA_ANALYTICS_PLAN
                          || gtk_drop_down_get_selected (self->plan_dropdown) == PLAZA_PLAN_COLOUR_SALES_PER_M2);
}

static void rebuild_breadcrumb (PlazaAnalyticsPage *self);

static void
set_view (PlazaAnalyticsPage *self,
          PlazaAnalyticsView  view)
{
  self->view = view;
  update_controls (self);
  reload (self);
}

static void
view_toggled_cb (GtkToggleButton    *button,
                 PlazaAnalyticsPage *self)
{
  if (self->updating || !gtk_toggle_button_get_active (button))
    return;
  for (guint i = 0; i < PLAZA_ANALYTICS_N_VIEWS; i++)
    if (self->view_buttons[i] == button)
      set_view (self, (PlazaAnalyticsView) i);
}

static void
control_changed_cb (GObject            *object G_GNUC_UNUSED,
                    GParamSpec         *pspec G_GNUC_UNUSED,
                    PlazaAnalyticsPage *self)
{
  update_controls (self);
  reload (self);
}

static void
table_toggled_cb (GtkToggleButton    *button G_GNUC_UNUSED,
                  PlazaAnalyticsPage *self)
{
  if (!self->loading)
    show_content (self);
}

/* ---- drill-down ---- */

static void
crumb_clicked_cb (GtkButton          *button,
                  PlazaAnalyticsPage *self)
{
  guint depth = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "depth"));

  if (depth < self->drill->len)
    g_array_set_size (self->drill, depth);
  if (self->view == PLAZA_ANALYTICS_TREND && depth == 0)
    self->view = PLAZA_ANALYTICS_RANKING;
  rebuild_breadcrumb (self);
  update_controls (self);
  reload (self);
}

static void
rebuild_breadcrumb (PlazaAnalyticsPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->breadcrumb))) != NULL)
    gtk_box_remove (self->breadcrumb, child);

  for (guint depth = 0; depth <= self->drill->len; depth++)
    {
      const char *label = depth == 0 ? _("Whole mall")
                          : g_array_index (self->drill, DrillLevel, depth - 1).label;
      GtkWidget *crumb;

      if (depth > 0)
        {
          GtkWidget *sep = gtk_image_new_from_icon_name ("go-next-symbolic");

          gtk_widget_add_css_class (sep, "dim-label");
          gtk_box_append (self->breadcrumb, sep);
        }
      if (depth == self->drill->len)
        {
          crumb = gtk_label_new (label);
          gtk_widget_add_css_class (crumb, "heading");
          gtk_widget_set_margin_start (crumb, 6);
        }
      else
        {
          crumb = gtk_button_new_with_label (label);
          gtk_widget_add_css_class (crumb, "flat");
          g_object_set_data (G_OBJECT (crumb), "depth", GUINT_TO_POINTER (depth));
          g_signal_connect (crumb, "clicked", G_CALLBACK (crumb_clicked_cb), self);
        }
      gtk_box_append (self->breadcrumb, crumb);
    }
}

static void
push_level (PlazaAnalyticsPage *self,
            PlazaKpiGroup       filter_by,
            const char         *key,
            const char         *label)
{
  DrillLevel level = { filter_by, g_strdup (key), g_strdup (label) };

  if (key == NULL)
    {
      drill_level_clear (&level);
      return;
    }
  g_array_append_val (self->drill, level);
  rebuild_breadcrumb (self);
}

static void
select_by (PlazaAnalyticsPage *self,
           PlazaKpiGroup       group)
{
  self->updating = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (by_groups); i++)
    if (by_groups[i] == group)
      gtk_drop_down_set_selected (self->by_dropdown, i);
  self->updating = FALSE;
}

/* Mall → floor or category → tenant → that tenant's trend. */
static void
chart_activated_cb (PlazaChartView     *view G_GNUC_UNUSED,
                    int                 series,
                    int                 category,
                    int                 row,
                    int                 block G_GNUC_UNUSED,
                    PlazaAnalyticsPage *self)
{
  PlazaChart *chart = plaza_chart_view_get_chart (self->chart_view);
  PlazaKpiGroup by = by_groups[MIN (gtk_drop_down_get_selected (self->by_dropdown),
                                    G_N_ELEMENTS (by_groups) - 1)];

  if (chart == NULL || self->loading)
    return;
  switch (self->view)
    {
    case PLAZA_ANALYTICS_RANKING:
      if (category < 0)
        return;
      /* Occupancy is by mall and floor only: nothing below a floor. */
      if (by == PLAZA_KPI_BY_UNIT || g_strcmp0 (selected_metric (self), "occupancy") == 0)
        return;
      push_level (self, by, plaza_chart_get_category_key (chart, (guint) category),
                  plaza_chart_get_category_label (chart, (guint) category));
      if (by == PLAZA_KPI_BY_TENANT)
        self->view = PLAZA_ANALYTICS_TREND;
      else
        select_by (self, PLAZA_KPI_BY_TENANT);
      break;
    case PLAZA_ANALYTICS_MIX:
      if (category < 0)
        return;
      push_level (self, PLAZA_KPI_BY_CATEGORY, plaza_chart_get_category_key (chart, (guint) category),
                  plaza_chart_get_category_label (chart, (guint) category));
      self->view = PLAZA_ANALYTICS_RANKING;
      select_by (self, PLAZA_KPI_BY_TENANT);
      break;
    case PLAZA_ANALYTICS_STACKED:
      if (series < 0 || (by != PLAZA_KPI_BY_FLOOR && by != PLAZA_KPI_BY_CATEGORY))
        return;
      /* The series are the groups, named by their key (floor label or
       * category name); "Other" is not a group. */
      if (series == (int) plaza_chart_get_n_series (chart) - 1 && plaza_chart_get_n_series (chart) > 6)
        return;
      push_level (self, by, plaza_chart_get_series_name (chart, (guint) series),
                  plaza_chart_get_series_name (chart, (guint) series));
      self->view = PLAZA_ANALYTICS_RANKING;
      select_by (self, PLAZA_KPI_BY_TENANT);
      break;
    case PLAZA_ANALYTICS_PLAN:
      if (row < 0)
        return;
      push_level (self, PLAZA_KPI_BY_FLOOR, plaza_chart_get_row_key (chart, (guint) row),
                  plaza_chart_get_row_key (chart, (guint) row));
      self->view = PLAZA_ANALYTICS_RANKING;
      select_by (self, PLAZA_KPI_BY_TENANT);
      break;
    case PLAZA_ANALYTICS_TREND:
    case PLAZA_ANALYTICS_N_VIEWS:
    default:
      return;
    }
  update_controls (self);
  reload (self);
}

static void
go_up_action (GtkWidget  *widget,
              const char *action_name G_GNUC_UNUSED,
              GVariant   *param G_GNUC_UNUSED)
{
  PlazaAnalyticsPage *self = PLAZA_ANALYTICS_PAGE (widget);

  if (self->drill->len == 0)
    return;
  g_array_set_size (self->drill, self->drill->len - 1);
  if (self->view == PLAZA_ANALYTICS_TREND)
    self->view = PLAZA_ANALYTICS_RANKING;
  rebuild_breadcrumb (self);
  update_controls (self);
  reload (self);
}

/* ---- export ---- */

static void
export_action (GtkWidget  *widget,
               const char *action_name G_GNUC_UNUSED,
               GVariant   *param)
{
  plaza_analytics_export_chart (PLAZA_ANALYTICS_PAGE (widget), g_variant_get_string (param, NULL));
}

static void
report_action (GtkWidget  *widget,
               const char *action_name G_GNUC_UNUSED,
               GVariant   *param G_GNUC_UNUSED)
{
  plaza_analytics_export_report (widget, PLAZA_ANALYTICS_PAGE (widget)->worker);
}

/* ---- construction ---- */

static GtkDropDown *
dropdown_new (const char * const *titles,
              guint               n,
              const char         *accessible)
{
  GtkStringList *list = gtk_string_list_new (NULL);
  GtkDropDown *dropdown;

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, _(titles[i]));
  dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (list), NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  return dropdown;
}

static GtkWidget *
build_export_button (void)
{
  GMenu *menu = g_menu_new ();
  GMenu *section = g_menu_new ();
  GtkWidget *button;

  g_menu_append (menu, _("Save as _PNG Image…"), "analytics.export::.png");
  g_menu_append (menu, _("Save as _SVG Drawing…"), "analytics.export::.svg");
  g_menu_append (menu, _("Save as P_DF…"), "analytics.export::.pdf");
  g_menu_append (section, _("Monthly _Report (PDF)…"), "analytics.report");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "document-save-as-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_set_tooltip_text (button, _("Export the chart or the monthly report"));
  g_object_unref (section);
  g_object_unref (menu);
  return button;
}

static void
build_ui (PlazaAnalyticsPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *views = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *second = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkStringList *metrics = gtk_string_list_new (NULL);
  GtkWidget *chart_scroller;

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);

  gtk_widget_add_css_class (views, "linked");
  for (guint i = 0; i < PLAZA_ANALYTICS_N_VIEWS; i++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (_(view_titles[i]));

      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), self->view_buttons[0]);
      self->view_buttons[i] = GTK_TOGGLE_BUTTON (button);
      g_signal_connect (button, "toggled", G_CALLBACK (view_toggled_cb), self);
      gtk_box_append (GTK_BOX (views), button);
    }
  gtk_box_append (GTK_BOX (top), views);
  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_box_append (GTK_BOX (top), spacer);
  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->spinner));
  self->table_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new ());
  gtk_button_set_icon_name (GTK_BUTTON (self->table_button), "view-list-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->table_button), _("Show as table (Ctrl+T)"));
  g_signal_connect (self->table_button, "toggled", G_CALLBACK (table_toggled_cb), self);
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->table_button));
  gtk_box_append (GTK_BOX (top), build_export_button ());
  gtk_box_append (GTK_BOX (box), top);

  /* The metrics core knows, in dropdown order. */
  self->metrics = g_ptr_array_new ();
  for (guint i = 0; i < G_N_ELEMENTS (metric_names); i++)
    {
      PlazaKpiMetric metric;

      if (!plaza_kpi_metric_parse (metric_names[i], &metric))
        continue;
      g_ptr_array_add (self->metrics, (gpointer) metric_names[i]);
      gtk_string_list_append (metrics, _(metric_titles[i]));
    }
  self->metric_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (metrics), NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->metric_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Measure"), -1);
  self->by_dropdown = dropdown_new (by_titles, G_N_ELEMENTS (by_titles), _("Group by"));
  self->plan_dropdown = dropdown_new (plan_titles, G_N_ELEMENTS (plan_titles), _("Colour by"));
  self->mix_dropdown = dropdown_new (mix_titles, G_N_ELEMENTS (mix_titles), _("Share of"));
  self->period_dropdown = dropdown_new (period_titles, G_N_ELEMENTS (period_titles), _("Period"));
  gtk_drop_down_set_selected (self->period_dropdown, PLAZA_ANALYTICS_LAST_12_MONTHS);

  self->breadcrumb = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2));
  gtk_widget_set_hexpand (GTK_WIDGET (self->breadcrumb), TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->breadcrumb), GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (second), GTK_WIDGET (self->breadcrumb));
  gtk_box_append (GTK_BOX (second), GTK_WIDGET (self->metric_dropdown));
  gtk_box_append (GTK_BOX (second), GTK_WIDGET (self->by_dropdown));
  gtk_box_append (GTK_BOX (second), GTK_WIDGET (self->plan_dropdown));
  gtk_box_append (GTK_BOX (second), GTK_WIDGET (self->mix_dropdown));
  gtk_box_append (GTK_BOX (second), GTK_WIDGET (self->period_dropdown));
  gtk_box_append (GTK_BOX (box), second);

  g_signal_connect (self->metric_dropdown, "notify::selected", G_CALLBACK (control_changed_cb), self);
  g_signal_connect (self->by_dropdown, "notify::selected", G_CALLBACK (control_changed_cb), self);
  g_signal_connect (self->plan_dropdown, "notify::selected", G_CALLBACK (control_changed_cb), self);
  g_signal_connect (self->mix_dropdown, "notify::selected", G_CALLBACK (control_changed_cb), self);
  g_signal_connect (self->period_dropdown, "notify::selected", G_CALLBACK (control_changed_cb), self);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  self->chart_view = PLAZA_CHART_VIEW (plaza_chart_view_new ());
  g_signal_connect (self->chart_view, "activated", G_CALLBACK (chart_activated_cb), self);
  chart_scroller = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (chart_scroller), GTK_WIDGET (self->chart_view));
  gtk_stack_add_named (self->stack, chart_scroller, "chart");
  self->table = plaza_analytics_table_new ();
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->table), "table");
  self->status = ADW_STATUS_PAGE (adw_status_page_new ());
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->status), "status");
  adw_status_page_set_icon_name (self->status, "x-office-spreadsheet-symbolic");
  adw_status_page_set_title (self->status, _("Sales & Analytics"));
  gtk_stack_set_visible_child_name (self->stack, "status");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));

  adw_bin_set_child (ADW_BIN (self), box);
  rebuild_breadcrumb (self);
  update_controls (self);
}

static void
table_shortcut_action (GtkWidget  *widget,
                       const char *action_name G_GNUC_UNUSED,
                       GVariant   *param G_GNUC_UNUSED)
{
  PlazaAnalyticsPage *self = PLAZA_ANALYTICS_PAGE (widget);

  gtk_toggle_button_set_active (self->table_button,
                                !gtk_toggle_button_get_active (self->table_button));
}

static void
plaza_analytics_page_dispose (GObject *object)
{
  PlazaAnalyticsPage *self = PLAZA_ANALYTICS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->worker);
  g_clear_pointer (&self->drill, g_array_unref);
  g_clear_pointer (&self->metrics, g_ptr_array_unref);
  G_OBJECT_CLASS (plaza_analytics_page_parent_class)->dispose (object);
}

static void
plaza_analytics_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  PlazaAnalyticsPage *self = PLAZA_ANALYTICS_PAGE (object);

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
plaza_analytics_page_class_init (PlazaAnalyticsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plaza_analytics_page_dispose;
  object_class->get_property = plaza_analytics_page_get_property;

  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "analytics.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "analytics.report", NULL, report_action);
  gtk_widget_class_install_action (widget_class, "analytics.up", NULL, go_up_action);
  gtk_widget_class_install_action (widget_class, "analytics.table", NULL, table_shortcut_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "analytics.up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_BackSpace, 0, "analytics.up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "analytics.table", NULL);
}

static void
plaza_analytics_page_init (PlazaAnalyticsPage *self)
{
  self->drill = g_array_new (FALSE, TRUE, sizeof (DrillLevel));
  g_array_set_clear_func (self->drill, drill_level_clear);
  self->view = PLAZA_ANALYTICS_RANKING;
  build_ui (self);
}

GtkWidget *
plaza_analytics_page_new (void)
{
  return g_object_new (PLAZA_TYPE_ANALYTICS_PAGE, NULL);
}

void
plaza_analytics_page_set_worker (PlazaAnalyticsPage *self,
                                 PlazaWorker        *worker)
{
  g_return_if_fail (PLAZA_IS_ANALYTICS_PAGE (self));

  g_set_object (&self->worker, worker);
  g_array_set_size (self->drill, 0);
  rebuild_breadcrumb (self);
  self->loaded = FALSE;
}

void
plaza_analytics_page_ensure_loaded (PlazaAnalyticsPage *self)
{
  g_return_if_fail (PLAZA_IS_ANALYTICS_PAGE (self));
  if (!self->loaded && !self->loading)
    reload (self);
}

void
plaza_analytics_page_invalidate (PlazaAnalyticsPage *self)
{
  g_return_if_fail (PLAZA_IS_ANALYTICS_PAGE (self));
  self->loaded = FALSE;
}

gboolean
plaza_analytics_page_show (PlazaAnalyticsPage *self,
                           const char         *spec)
{
  g_auto(GStrv) parts = NULL;
  int view = -1;

  g_return_val_if_fail (PLAZA_IS_ANALYTICS_PAGE (self), FALSE);
  parts = g_strsplit (spec, ":", 2);
  for (guint i = 0; i < PLAZA_ANALYTICS_N_VIEWS; i++)
    if (g_strcmp0 (parts[0], view_names[i]) == 0)
      view = (int) i;
  if (view < 0)
    return FALSE;
  self->updating = TRUE;
  if (parts[1] != NULL && view == PLAZA_ANALYTICS_PLAN)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (plan_names); i++)
        if (g_strcmp0 (parts[1], plan_names[i]) == 0)
          gtk_drop_down_set_selected (self->plan_dropdown, i), found = TRUE;
      if (!found)
        {
          self->updating = FALSE;
          return FALSE;
        }
    }
  else if (parts[1] != NULL)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < self->metrics->len; i++)
        if (g_strcmp0 (parts[1], g_ptr_array_index (self->metrics, i)) == 0)
          gtk_drop_down_set_selected (self->metric_dropdown, i), found = TRUE;
      if (!found)
        {
          self->updating = FALSE;
          return FALSE;
        }
    }
  self->updating = FALSE;
  self->loaded = FALSE;
  set_view (self, (PlazaAnalyticsView) view);
  return TRUE;
}

gboolean
plaza_analytics_page_get_loading (PlazaAnalyticsPage *self)
{
  g_return_val_if_fail (PLAZA_IS_ANALYTICS_PAGE (self), FALSE);
  return self->loading;
}

gpointer
plaza_analytics_page_get_chart (PlazaAnalyticsPage *self)
{
  g_return_val_if_fail (PLAZA_IS_ANALYTICS_PAGE (self), NULL);
  return self->loading ? NULL : plaza_chart_view_get_chart (self->chart_view);
}
