/* plaza-units-page-views.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Units page's vacancy view (vacant units with floor, area, days
 * vacant, last rent per m² and planned category; sortable by any column)
 * and zoning view (plan vs let per category for a floor chosen in a drop
 * down, as a PlazaChartView and as a table), each loaded by a worker job
 * calling plaza_units_vacancy() / plaza_zoning_chart().
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-money.h"
#include "plaza-record.h"
#include "plaza-unit.h"
#include "plaza-units-page-private.h"
#include "plaza-zoning.h"

enum
{
  VAC_CODE, VAC_FLOOR, VAC_AREA, VAC_DAYS, VAC_RENT, VAC_CATEGORY,
  VAC_AREA_INT, VAC_DAYS_INT, VAC_RENT_INT, VAC_LEVEL_INT, VAC_N
};

enum
{
  ZON_CATEGORY, ZON_PLANNED, ZON_LET, ZON_SHARE,
  ZON_PLANNED_INT, ZON_LET_INT, ZON_SHARE_INT, ZON_N
};

static GDate *
today_date (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_new_dmy ((GDateDay) g_date_time_get_day_of_month (now),
                         (GDateMonth) g_date_time_get_month (now),
                         (GDateYear) g_date_time_get_year (now));
}

static void
append_column (GtkColumnView       *view,
               GtkColumnViewColumn *column)
{
  gtk_column_view_append_column (view, column);
  g_object_unref (column);
}

/* ---- vacancy ---- */

static gpointer
vacancy_job (PlazaStore   *store,
             gpointer      data G_GNUC_UNUSED,
             GCancellable *cancellable G_GNUC_UNUSED,
             GError      **error)
{
  g_autoptr(GDate) today = today_date ();

  return plaza_units_vacancy (store, today, error);
}

static void
vacancy_fill (PlazaUnitsPage *self)
{
  gint64 total = 0;
  g_autofree char *area_text = NULL;
  g_autofree char *summary = NULL;

  g_list_store_remove_all (self->vacancy_store);
  for (guint i = 0; i < self->vacancy->len; i++)
    {
      PlazaVacancyRow *r = g_ptr_array_index (self->vacancy, i);
      g_autoptr(PlazaRecord) record = plaza_record_new (r->unit_id, VAC_N);
      g_autofree char *area = plaza_area_format (r->rentable_area);
      g_autofree char *days = r->has_days ? g_strdup_printf ("%lld", (long long) r->days_vacant) : g_strdup ("—");
      g_autofree char *rent = r->has_last_rent ? plaza_money_format (r->last_rent_per_m2, TRUE) : g_strdup ("—");

      plaza_record_set_text (record, VAC_CODE, r->code);
      plaza_record_set_text (record, VAC_FLOOR, r->floor_label);
      plaza_record_set_text (record, VAC_AREA, area);
      plaza_record_set_text (record, VAC_DAYS, days);
      plaza_record_set_text (record, VAC_RENT, rent);
      plaza_record_set_text (record, VAC_CATEGORY, r->planned_category);
      plaza_record_set_int (record, VAC_AREA_INT, r->rentable_area);
      plaza_record_set_int (record, VAC_DAYS_INT, r->has_days ? r->days_vacant : -1);
      plaza_record_set_int (record, VAC_RENT_INT, r->has_last_rent ? r->last_rent_per_m2 : -1);
      plaza_record_set_int (record, VAC_LEVEL_INT, r->floor_level);
      g_list_store_append (self->vacancy_store, record);
      total += r->rentable_area;
    }
  area_text = plaza_area_format (total);
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u vacant unit, %s m²", "%u vacant units, %s m²",
                                          self->vacancy->len),
                             self->vacancy->len, area_text);
  gtk_label_set_label (self->vacancy_summary, summary);
}

static void
vacancy_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PlazaUnitsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = plaza_worker_run_finish (PLAZA_WORKER (source), result, &error);

  plaza_units_page_busy_pop (self);
  if (rows == NULL)
    {
      g_autofree char *text = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      text = g_strdup_printf (_("The vacancy list could not be loaded: %s"), error->message);
      plaza_units_page_toast (self, text);
      return;
    }
  g_clear_pointer (&self->vacancy, g_ptr_array_unref);
  self->vacancy = rows;
  vacancy_fill (self);
}

void
plaza_units_vacancy_load (PlazaUnitsPage *self)
{
  plaza_units_page_busy_push (self);
  plaza_worker_run_async (self->worker, vacancy_job, NULL, NULL, self->cancellable, vacancy_done_cb,
                          g_object_ref (self));
}

static void
vacancy_activate_cb (PlazaUnitsPage *self,
                     guint           position)
{
  g_autoptr(PlazaRecord) record = g_list_model_get_item (G_LIST_MODEL (self->vacancy_sorted), position);

  if (record != NULL)
    plaza_units_page_open_unit (self, plaza_record_get_id (record));
}

GtkWidget *
plaza_units_vacancy_build (PlazaUnitsPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkColumnViewColumn *days;
  GtkNoSelection *selection;

  self->vacancy_store = g_list_store_new (PLAZA_TYPE_RECORD);
  self->vacancy_view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  self->vacancy_sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->vacancy_store)),
                                                  g_object_ref (gtk_column_view_get_sorter (self->vacancy_view)));
  selection = gtk_no_selection_new (G_LIST_MODEL (self->vacancy_sorted));
  gtk_column_view_set_model (self->vacancy_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  append_column (self->vacancy_view, plaza_record_column_new (_("Unit"), VAC_CODE, -1, FALSE));
  append_column (self->vacancy_view,
                                 plaza_record_column_new (_("Floor"), VAC_FLOOR, VAC_LEVEL_INT, FALSE));
  append_column (self->vacancy_view,
                                 plaza_record_column_new (_("Area (m²)"), VAC_AREA, VAC_AREA_INT, FALSE));
  days = plaza_record_column_new (_("Days Vacant"), VAC_DAYS, VAC_DAYS_INT, FALSE);
  gtk_column_view_append_column (self->vacancy_view, days);
  append_column (self->vacancy_view,
                                 plaza_record_column_new (_("Last Rent (per m² a month)"), VAC_RENT, VAC_RENT_INT, FALSE));
  append_column (self->vacancy_view,
                                 plaza_record_column_new (_("Planned Category"), VAC_CATEGORY, -1, TRUE));
  gtk_column_view_sort_by_column (self->vacancy_view, days, GTK_SORT_DESCENDING);
  g_object_unref (days);
  gtk_column_view_set_show_column_separators (self->vacancy_view, FALSE);
  gtk_column_view_set_single_click_activate (self->vacancy_view, FALSE);
  g_signal_connect_object (self->vacancy_view, "activate", G_CALLBACK (vacancy_activate_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->vacancy_view));
  gtk_widget_set_vexpand (scrolled, TRUE);

  self->vacancy_summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->vacancy_summary, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->vacancy_summary), "dim-label");
  gtk_widget_set_margin_start (GTK_WIDGET (self->vacancy_summary), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->vacancy_summary), 6);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->vacancy_summary));
  gtk_box_append (GTK_BOX (box), scrolled);
  return box;
}

/* ---- zoning ---- */

typedef struct
{
  GPtrArray  *floors;  /* PlazaFloor */
  PlazaChart *chart;
} ZoningResult;

static void
zoning_result_free (ZoningResult *r)
{
  g_clear_pointer (&r->floors, g_ptr_array_unref);
  g_clear_pointer (&r->chart, plaza_chart_free);
  g_free (r);
}

static gpointer
zoning_job (PlazaStore   *store,
            gpointer      data,
            GCancellable *cancellable G_GNUC_UNUSED,
            GError      **error)
{
  gint64 floor_id = *(gint64 *) data;
  g_autoptr(GDate) today = today_date ();
  ZoningResult *r = g_new0 (ZoningResult, 1);

  r->floors = plaza_floors_list (store, error);
  if (r->floors != NULL)
    {
      gboolean found = floor_id == 0;

      for (guint i = 0; i < r->floors->len && !found; i++)
        found = ((PlazaFloor *) g_ptr_array_index (r->floors, i))->id == floor_id;
      /* A floor gone since: show the whole mall. */
      r->chart = plaza_zoning_chart (store, found ? floor_id : 0, today, error);
    }
  if (r->chart == NULL)
    {
      zoning_result_free (r);
      return NULL;
    }
  return r;
}

static void
zoning_fill_table (PlazaUnitsPage *self,
                   PlazaChart     *chart)
{
  g_list_store_remove_all (self->zoning_store);
  for (guint c = 0; c < plaza_chart_get_n_categories (chart); c++)
    {
      g_autoptr(PlazaRecord) record = plaza_record_new ((gint64) c + 1, ZON_N);
      gint64 planned = 0;
      gint64 let = 0;
      gint64 share;
      g_autofree char *planned_text = NULL;
      g_autofree char *let_text = NULL;
      g_autofree char *share_text = NULL;

      plaza_chart_get_value (chart, 0, c, &planned);
      plaza_chart_get_value (chart, 1, c, &let);
      share = planned > 0 ? (let * 20000 + planned) / (2 * planned) : -1;
      planned_text = plaza_area_format (planned);
      let_text = plaza_area_format (let);
      if (share >= 0)
        {
          g_autofree char *number = plaza_percent_format (share);

          share_text = g_strdup_printf ("%s%%", number);
        }
      plaza_record_set_text (record, ZON_CATEGORY, plaza_chart_get_category_label (chart, c));
      plaza_record_set_text (record, ZON_PLANNED, planned_text);
      plaza_record_set_text (record, ZON_LET, let_text);
      plaza_record_set_text (record, ZON_SHARE, share_text != NULL ? share_text : "—");
      plaza_record_set_int (record, ZON_PLANNED_INT, planned);
      plaza_record_set_int (record, ZON_LET_INT, let);
      plaza_record_set_int (record, ZON_SHARE_INT, share);
      g_list_store_append (self->zoning_store, record);
    }
}

static void
zoning_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(PlazaUnitsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  ZoningResult *r = plaza_worker_run_finish (PLAZA_WORKER (source), result, &error);
  guint selected = 0;

  plaza_units_page_busy_pop (self);
  if (r == NULL)
    {
      g_autofree char *text = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      text = g_strdup_printf (_("The zoning could not be loaded: %s"), error->message);
      plaza_units_page_toast (self, text);
      return;
    }
  /* The floor list, "All floors" first. */
  self->filling_floors = TRUE;
  g_array_set_size (self->floor_ids, 0);
  gtk_string_list_splice (self->floor_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->floor_names)), NULL);
  g_array_append_val (self->floor_ids, (gint64) { 0 });
  gtk_string_list_append (self->floor_names, _("All floors"));
  for (guint i = 0; i < r->floors->len; i++)
    {
      PlazaFloor *f = g_ptr_array_index (r->floors, i);

      g_array_append_val (self->floor_ids, f->id);
      gtk_string_list_append (self->floor_names, f->label);
      if (f->id == self->floor_id)
        selected = i + 1;
    }
  if (selected == 0)
    self->floor_id = 0;
  gtk_drop_down_set_selected (self->floor_drop, selected);
  self->filling_floors = FALSE;

  zoning_fill_table (self, r->chart);
  plaza_chart_view_set_chart (self->chart_view, g_steal_pointer (&r->chart));
  zoning_result_free (r);
}

void
plaza_units_zoning_load (PlazaUnitsPage *self)
{
  gint64 *floor_id = g_new (gint64, 1);

  *floor_id = self->floor_id;
  plaza_units_page_busy_push (self);
  plaza_worker_run_async (self->worker, zoning_job, floor_id, g_free, self->cancellable, zoning_done_cb,
                          g_object_ref (self));
}

static void
floor_selected_cb (PlazaUnitsPage *self)
{
  guint i = gtk_drop_down_get_selected (self->floor_drop);

  if (self->filling_floors || i >= self->floor_ids->len || self->worker == NULL)
    return;
  self->floor_id = g_array_index (self->floor_ids, gint64, i);
  plaza_units_zoning_load (self);
}

GtkWidget *
plaza_units_zoning_build (PlazaUnitsPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_VERTICAL);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *table = gtk_column_view_new (NULL);
  GtkSortListModel *sorted;
  GtkNoSelection *selection;

  self->floor_names = gtk_string_list_new (NULL);
  self->floor_drop = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (self->floor_names), NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->floor_drop), _("The floor whose zoning is shown"));
  g_signal_connect_object (self->floor_drop, "notify::selected", G_CALLBACK (floor_selected_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (top), gtk_label_new (_("Floor")));
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->floor_drop));
  gtk_widget_set_margin_start (top, 12);
  gtk_widget_set_margin_top (top, 6);

  self->chart_view = PLAZA_CHART_VIEW (plaza_chart_view_new ());
  gtk_widget_set_size_request (GTK_WIDGET (self->chart_view), -1, 260);
  gtk_widget_set_vexpand (GTK_WIDGET (self->chart_view), TRUE);

  self->zoning_store = g_list_store_new (PLAZA_TYPE_RECORD);
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->zoning_store)),
                                    g_object_ref (gtk_column_view_get_sorter (GTK_COLUMN_VIEW (table))));
  selection = gtk_no_selection_new (G_LIST_MODEL (sorted));
  gtk_column_view_set_model (GTK_COLUMN_VIEW (table), GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  append_column (GTK_COLUMN_VIEW (table),
                                 plaza_record_column_new (_("Category"), ZON_CATEGORY, -1, TRUE));
  append_column (GTK_COLUMN_VIEW (table),
                                 plaza_record_column_new (_("Planned (m²)"), ZON_PLANNED, ZON_PLANNED_INT, FALSE));
  append_column (GTK_COLUMN_VIEW (table),
                                 plaza_record_column_new (_("Let (m²)"), ZON_LET, ZON_LET_INT, FALSE));
  append_column (GTK_COLUMN_VIEW (table),
                                 plaza_record_column_new (_("Let of Planned"), ZON_SHARE, ZON_SHARE_INT, FALSE));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), table);
  gtk_widget_set_size_request (scrolled, -1, 120);

  gtk_paned_set_start_child (GTK_PANED (paned), GTK_WIDGET (self->chart_view));
  gtk_paned_set_end_child (GTK_PANED (paned), scrolled);
  gtk_paned_set_resize_end_child (GTK_PANED (paned), FALSE);
  gtk_widget_set_vexpand (paned, TRUE);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), paned);
  return box;
}
