/* plaza-sales-anomalies-dialog.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list of unusual sales (plaza_sales_anomalies) for the 90 days that
 * end on the latest sales date in the file: kind, date, unit, tenant, the
 * amount, the usual figure it is compared with and the change, in a
 * GtkColumnView with a sorter per column and a search over the text. The
 * worker turns each anomaly into a PlazaRecord (safe to hand over from its
 * thread); columns below are the record's values. Activating a row emits
 * "unit-activated" with its unit and month (the window opens the entry
 * window there, to check or correct the figures).
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-money.h"
#include "plaza-record.h"
#include "plaza-sales.h"
#include "plaza-sales-anomalies-dialog.h"

#define RANGE_DAYS 90

enum
{
  COL_KIND,
  COL_DATE,
  COL_UNIT,
  COL_TENANT,
  COL_AMOUNT,
  COL_USUAL,
  COL_CHANGE,
  COL_MESSAGE,
  COL_UNIT_ID,
  N_VALUES
};

typedef struct
{
  char      *from;
  char      *to;
  GPtrArray *records;
} Loaded;

struct _PlazaSalesAnomaliesDialog
{
  AdwWindow            parent_instance;

  /* template widgets */
  AdwWindowTitle      *window_title;
  GtkSpinner          *spinner;
  GtkSearchEntry      *search_entry;
  GtkLabel            *count_label;
  GtkStack            *stack;
  GtkColumnView       *column_view;
  AdwStatusPage       *empty_page;

  /* models */
  GListStore          *store;
  GtkFilterListModel  *filter_model;
  GtkSortListModel    *sort_model;
  GtkCustomFilter     *filter;

  /* owned */
  PlazaWorker         *worker;
  GCancellable        *cancellable;
  char                *needle;
  char                *range;
  gboolean             loading;
};

G_DEFINE_FINAL_TYPE (PlazaSalesAnomaliesDialog, plaza_sales_anomalies_dialog, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_UNIT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
loaded_free (gpointer data)
{
  Loaded *loaded = data;

  g_free (loaded->from);
  g_free (loaded->to);
  g_clear_pointer (&loaded->records, g_ptr_array_unref);
  g_free (loaded);
}

static const char *
kind_text (PlazaSalesAnomalyKind kind)
{
  switch (kind)
    {
    case PLAZA_SALES_ANOMALY_HIGH_DAY:
      return _("Unusually high day");
    case PLAZA_SALES_ANOMALY_LOW_DAY:
      return _("Unusually low day");
    case PLAZA_SALES_ANOMALY_DROP:
    default:
      return _("Sales dropping");
    }
}

/* "+245.30%", "−45.00%". */
static char *
change_text (gint64 bp)
{
  g_autofree char *number = plaza_percent_format (bp < 0 ? -bp : bp);

  return g_strdup_printf ("%s%s%%", bp < 0 ? "−" : bp > 0 ? "+" : "", number);
}

/* ---- the worker ---- */

static gpointer
load_func (PlazaStore    *store,
           gpointer       data G_GNUC_UNUSED,
           GCancellable  *cancellable G_GNUC_UNUSED,
           GError       **error)
{
  Loaded *loaded = g_new0 (Loaded, 1);
  g_autoptr(GPtrArray) anomalies = NULL;
  GError *local = NULL;
  GDate date;

  loaded->records = g_ptr_array_new_with_free_func (g_object_unref);
  loaded->to = plaza_sales_latest_date (store, &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      loaded_free (loaded);
      return NULL;
    }
  if (loaded->to == NULL)
    return loaded;

  g_date_clear (&date, 1);
  g_date_set_parse (&date, loaded->to);
  if (!g_date_valid (&date))
    return loaded;
  g_date_subtract_days (&date, RANGE_DAYS - 1);
  loaded->from = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                                  g_date_get_day (&date));
  if (!plaza_sales_anomalies (store, loaded->from, loaded->to, 0, &anomalies, error))
    {
      loaded_free (loaded);
      return NULL;
    }
  for (guint i = 0; i < anomalies->len; i++)
    {
      const PlazaSalesAnomaly *a = anomalies->pdata[i];
      PlazaRecord *record = plaza_record_new ((gint64) i + 1, N_VALUES);

      plaza_record_set_text (record, COL_KIND, kind_text (a->kind));
      plaza_record_set_text (record, COL_DATE, a->date);
      plaza_record_set_text (record, COL_UNIT, a->unit_code);
      plaza_record_set_text (record, COL_TENANT, a->tenant_name != NULL ? a->tenant_name : "");
      plaza_record_set_int (record, COL_AMOUNT, a->amount);
      plaza_record_set_int (record, COL_USUAL, a->usual);
      plaza_record_set_int (record, COL_CHANGE, a->change_bp);
      plaza_record_set_text (record, COL_MESSAGE, a->message != NULL ? a->message : "");
      plaza_record_set_int (record, COL_UNIT_ID, a->unit_id);
      g_ptr_array_add (loaded->records, record);
    }
  return loaded;
}

/* ---- the list ---- */

static void
update_count (PlazaSalesAnomaliesDialog *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  g_autofree char *text = NULL;

  if (self->loading)
    text = g_strdup ("");
  else if (shown == n)
    text = g_strdup_printf (ngettext ("%u anomaly", "%u anomalies", n), n);
  else
    text = g_strdup_printf (ngettext ("%u of %u anomaly", "%u of %u anomalies", n), shown, n);
  gtk_label_set_label (self->count_label, text);
  gtk_stack_set_visible_child_name (self->stack, self->loading ? "list"
                                                 : n == 0 ? "empty"
                                                 : shown == 0 ? "no-match"
                                                 : "list");
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  PlazaSalesAnomaliesDialog *self = user_data;

  return self->needle == NULL || plaza_record_matches (item, self->needle);
}

static void
setup_cb (GtkSignalListItemFactory *factory G_GNUC_UNUSED,
          GtkListItem              *item,
          gpointer                  user_data)
{
  guint column = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_label_new (NULL);
  gboolean numeric = column == COL_AMOUNT || column == COL_USUAL || column == COL_CHANGE;

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (numeric || column == COL_DATE)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory G_GNUC_UNUSED,
         GtkListItem              *item,
         gpointer                  user_data)
{
  guint column = GPOINTER_TO_UINT (user_data);
  PlazaRecord *record = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;

  switch (column)
    {
    case COL_AMOUNT:
    case COL_USUAL:
      text = plaza_money_format (plaza_record_get_int (record, column), TRUE);
      break;
    case COL_CHANGE:
      text = change_text (plaza_record_get_int (record, column));
      break;
    default:
      text = g_strdup (plaza_record_get_text (record, column));
      break;
    }
  gtk_label_set_label (GTK_LABEL (label), text != NULL ? text : "");
  gtk_widget_set_tooltip_text (label, plaza_record_get_text (record, COL_MESSAGE));
  if (column == COL_CHANGE)
    {
      gint64 bp = plaza_record_get_int (record, column);

      if (bp < 0)
        gtk_widget_add_css_class (label, "error");
      else
        gtk_widget_remove_css_class (label, "error");
    }
}

static int
compare_cb (gconstpointer a,
            gconstpointer b,
            gpointer      user_data)
{
  guint column = GPOINTER_TO_UINT (user_data);
  PlazaRecord *ra = (PlazaRecord *) a;
  PlazaRecord *rb = (PlazaRecord *) b;

  if (column == COL_AMOUNT || column == COL_USUAL || column == COL_CHANGE)
    {
      gint64 x = plaza_record_get_int (ra, column), y = plaza_record_get_int (rb, column);
      return x < y ? GTK_ORDERING_SMALLER : x > y ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
    }
  return gtk_ordering_from_cmpfunc (g_utf8_collate (plaza_record_get_text (ra, column) != NULL
                                                      ? plaza_record_get_text (ra, column) : "",
                                                    plaza_record_get_text (rb, column) != NULL
                                                      ? plaza_record_get_text (rb, column) : ""));
}

static void
add_column (PlazaSalesAnomaliesDialog *self,
            guint                      column,
            const char                *title,
            gboolean                   expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;
  GtkCustomSorter *sorter = gtk_custom_sorter_new (compare_cb, GUINT_TO_POINTER (column), NULL);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), GUINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), GUINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_sorter (view_column, GTK_SORTER (sorter));
  gtk_column_view_append_column (self->column_view, view_column);
  g_object_unref (sorter);
  g_object_unref (view_column);
}

/* ---- callbacks ---- */

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PlazaSalesAnomaliesDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  Loaded *loaded = plaza_worker_run_finish (PLAZA_WORKER (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading = FALSE;
  gtk_spinner_set_spinning (self->spinner, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  g_clear_pointer (&self->range, g_free);
  if (loaded == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("The unusual sales could not be read"));
      adw_status_page_set_description (self->empty_page, error != NULL ? error->message : NULL);
      adw_status_page_set_icon_name (self->empty_page, "dialog-error-symbolic");
      update_count (self);
      return;
    }
  if (loaded->from != NULL)
    {
      /* TRANSLATORS: the dates covered, as in "2026-08-30 – 2026-11-27". */
      self->range = g_strdup_printf (_("%s – %s"), loaded->from, loaded->to);
      adw_window_title_set_subtitle (self->window_title, self->range);
    }
  else
    {
      adw_window_title_set_subtitle (self->window_title, "");
      adw_status_page_set_description (self->empty_page, _("There are no sales in this file yet."));
    }
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       loaded->records->pdata, loaded->records->len);
  loaded_free (loaded);
  update_count (self);
}

static void
activate_cb (PlazaSalesAnomaliesDialog *self,
             guint                      position)
{
  g_autoptr(PlazaRecord) record = g_list_model_get_item (G_LIST_MODEL (self->sort_model), position);
  g_autofree char *month = NULL;
  const char *date;

  if (record == NULL)
    return;
  date = plaza_record_get_text (record, COL_DATE);
  month = g_strndup (date != NULL ? date : "", 7);
  g_signal_emit (self, signals[SIGNAL_UNIT_ACTIVATED], 0, plaza_record_get_int (record, COL_UNIT_ID), month);
}

static void
search_changed_cb (PlazaSalesAnomaliesDialog *self)
{
  plaza_sales_anomalies_dialog_set_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

/* ---- the type ---- */

static void
plaza_sales_anomalies_dialog_dispose (GObject *object)
{
  PlazaSalesAnomaliesDialog *self = PLAZA_SALES_ANOMALIES_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLAZA_TYPE_SALES_ANOMALIES_DIALOG);

  G_OBJECT_CLASS (plaza_sales_anomalies_dialog_parent_class)->dispose (object);
}

static void
plaza_sales_anomalies_dialog_finalize (GObject *object)
{
  PlazaSalesAnomaliesDialog *self = PLAZA_SALES_ANOMALIES_DIALOG (object);

  g_clear_object (&self->worker);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->sort_model);
  g_free (self->needle);
  g_free (self->range);

  G_OBJECT_CLASS (plaza_sales_anomalies_dialog_parent_class)->finalize (object);
}

static void
plaza_sales_anomalies_dialog_class_init (PlazaSalesAnomaliesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plaza_sales_anomalies_dialog_dispose;
  object_class->finalize = plaza_sales_anomalies_dialog_finalize;

  /**
   * PlazaSalesAnomaliesDialog::unit-activated:
   * @unit_id: the unit of the anomaly activated
   * @month: its month, "YYYY-MM"
   */
  signals[SIGNAL_UNIT_ACTIVATED] =
    g_signal_new ("unit-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/plaza/Plaza/plaza-sales-anomalies-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PlazaSalesAnomaliesDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, PlazaSalesAnomaliesDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, PlazaSalesAnomaliesDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PlazaSalesAnomaliesDialog, count_label);
  gtk_widget_class_bind_template_child (widget_class, PlazaSalesAnomaliesDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, PlazaSalesAnomaliesDialog, column_view);
  gtk_widget_class_bind_template_child (widget_class, PlazaSalesAnomaliesDialog, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
plaza_sales_anomalies_dialog_init (PlazaSalesAnomaliesDialog *self)
{
  GtkNoSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();

  add_column (self, COL_KIND, _("Kind"), FALSE);
  add_column (self, COL_DATE, _("Date"), FALSE);
  add_column (self, COL_UNIT, _("Unit"), FALSE);
  add_column (self, COL_TENANT, _("Tenant"), TRUE);
  add_column (self, COL_AMOUNT, _("Sales"), FALSE);
  add_column (self, COL_USUAL, _("Usual"), FALSE);
  add_column (self, COL_CHANGE, _("Change"), FALSE);

  self->store = g_list_store_new (PLAZA_TYPE_RECORD);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filter_model = gtk_filter_list_model_new (G_LIST_MODEL (self->store), GTK_FILTER (self->filter));
  self->sort_model = gtk_sort_list_model_new (G_LIST_MODEL (self->filter_model),
                                              g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->sort_model)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  g_signal_connect_object (self->filter_model, "items-changed", G_CALLBACK (update_count), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->column_view, "activate", G_CALLBACK (activate_cb), self, G_CONNECT_SWAPPED);
}

/* ---- public API ---- */

PlazaSalesAnomaliesDialog *
plaza_sales_anomalies_dialog_new (GtkWindow   *parent,
                                  PlazaWorker *worker)
{
  PlazaSalesAnomaliesDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PLAZA_IS_WORKER (worker), NULL);

  self = g_object_new (PLAZA_TYPE_SALES_ANOMALIES_DIALOG, "transient-for", parent, NULL);
  self->worker = g_object_ref (worker);
  plaza_sales_anomalies_dialog_reload (self);
  return self;
}

void
plaza_sales_anomalies_dialog_reload (PlazaSalesAnomaliesDialog *self)
{
  g_return_if_fail (PLAZA_IS_SALES_ANOMALIES_DIALOG (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;
  gtk_spinner_set_spinning (self->spinner, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), TRUE);
  update_count (self);
  plaza_worker_run_async (self->worker, load_func, NULL, NULL, self->cancellable, load_done_cb,
                          g_object_ref (self));
}

gboolean
plaza_sales_anomalies_dialog_get_loading (PlazaSalesAnomaliesDialog *self)
{
  g_return_val_if_fail (PLAZA_IS_SALES_ANOMALIES_DIALOG (self), FALSE);
  return self->loading;
}

guint
plaza_sales_anomalies_dialog_get_n_rows (PlazaSalesAnomaliesDialog *self)
{
  g_return_val_if_fail (PLAZA_IS_SALES_ANOMALIES_DIALOG (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->store));
}

guint
plaza_sales_anomalies_dialog_get_n_visible (PlazaSalesAnomaliesDialog *self)
{
  g_return_val_if_fail (PLAZA_IS_SALES_ANOMALIES_DIALOG (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
}

void
plaza_sales_anomalies_dialog_set_search (PlazaSalesAnomaliesDialog *self,
                                         const char                *text)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (PLAZA_IS_SALES_ANOMALIES_DIALOG (self));

  stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_clear_pointer (&self->needle, g_free);
  if (*stripped != '\0')
    self->needle = g_utf8_casefold (stripped, -1);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

const char *
plaza_sales_anomalies_dialog_get_range (PlazaSalesAnomaliesDialog *self)
{
  g_return_val_if_fail (PLAZA_IS_SALES_ANOMALIES_DIALOG (self), NULL);
  return self->range;
}

void
plaza_sales_anomalies_dialog_activate_row (PlazaSalesAnomaliesDialog *self,
                                           guint                      position)
{
  g_return_if_fail (PLAZA_IS_SALES_ANOMALIES_DIALOG (self));
  activate_cb (self, position);
}
