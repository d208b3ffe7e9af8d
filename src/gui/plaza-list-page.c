/* plaza-list-page.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One page for every list: a search entry, a count, and a GtkColumnView
 * over GListStore → GtkFilterListModel → GtkSortListModel → PlazaPacedModel
 * (a search's new first screen reaches the view a few rows per main-loop
 * turn). Rows arrive in batches from the PlazaWorker, so a slow drive
 * fills the list as it reads.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-list-page.h"
#include "plaza-money.h"
#include "plaza-paced-model.h"

struct _PlazaListPage
{
  AdwBin              parent_instance;

  /* widgets */
  GtkSearchEntry     *search_entry;
  GtkWidget          *toolbar;
  GtkSpinner         *spinner;
  GtkLabel           *count_label;
  GtkStack           *stack;
  GtkColumnView      *column_view;
  AdwStatusPage      *empty_page;

  /* models */
  GListStore         *store;
  GtkFilterListModel *filter_model;
  GtkSortListModel   *sort_model;
  PlazaPacedModel    *paced_model;
  GtkCustomFilter    *filter;

  /* owned */
  PlazaWorker        *worker;
  GCancellable       *cancellable;
  char               *needle;
  PlazaListPageFilterFunc extra_func;
  gpointer            extra_data;
  GDestroyNotify      extra_destroy;

  PlazaListKind       kind;
  gboolean            extra_active;
  gboolean            loading;
  gboolean            loaded;
  gboolean            stale;
  gboolean            settling;  /* loaded; the view still taking the first screen */
};

G_DEFINE_FINAL_TYPE (PlazaListPage, plaza_list_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_ROW_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  const char *search;
  const char *empty_title;
  const char *empty_text;
  const char *icon;
} PageTexts;

static const PageTexts page_texts[PLAZA_N_LISTS] = {
  [PLAZA_LIST_TENANTS] = { N_("Search tenants, brands, contacts…"), N_("No Tenants Yet"),
                           N_("Tenants appear here when their contracts are entered. To explore Plaza, open the demo mall from the main menu."),
                           "system-users-symbolic" },
  [PLAZA_LIST_UNITS] = { N_("Search units, floors, categories…"), N_("No Units Yet"),
                         N_("Import the mall's units from a spreadsheet with “plazactl import units”, or open the demo mall from the main menu."),
                         "view-grid-symbolic" },
  [PLAZA_LIST_PROSPECTS] = { N_("Search prospects, brands, contacts…"), N_("No Prospects Yet"),
                             N_("Brands you are talking to about a unit appear here, stage by stage."),
                             "contact-new-symbolic" },
  [PLAZA_LIST_CONTRACTS] = { N_("Search contracts, tenants, units…"), N_("No Contracts Yet"),
                             N_("Lease and concession contracts appear here once they are drafted."),
                             "x-office-document-symbolic" },
  [PLAZA_LIST_BILLS] = { N_("Search bills, tenants, months…"), N_("No Bills Yet"),
                         N_("Monthly bills appear here once the first bill run is issued."),
                         "accessories-calculator-symbolic" },
  [PLAZA_LIST_SALES] = { N_("Search months, units, tenants…"), N_("No Sales Yet"),
                         N_("Import the tills' daily sales with “plazactl import sales”; each unit's months appear here."),
                         "x-office-spreadsheet-symbolic" },
  [PLAZA_LIST_PROMOTIONS] = { N_("Search promotions…"), N_("No Promotions Yet"),
                              N_("Promotions the merchandisers plan appear here with their dates and state."),
                              "starred-symbolic" },
};

typedef struct
{
  guint            index;
  PlazaColumnType  type;
} ColumnInfo;

/* GTK builds, styles and lays out every row it keeps widgets for (up to
 * 200 around the visible ones in GTK 4.8) in the turn and the frame that
 * add them, 60–200 ms for a screen: the paced model gives the view the
 * first FIRST_ROWS rows of a load or a search FIRST_ROWS_STEP at a time,
 * one frame each. */
#define FIRST_ROWS 200
#define FIRST_ROWS_STEP 8

/* One load: batches of a cancelled load are dropped. */
typedef struct
{
  PlazaListPage *self;
  GCancellable  *cancellable;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_object_unref (data->self);
  g_object_unref (data->cancellable);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadData, load_data_free)

static char *
format_value (PlazaRecord     *record,
              guint            index,
              PlazaColumnType  type)
{
  if (plaza_record_is_null (record, index))
    return g_strdup ("");

  switch (type)
    {
    case PLAZA_COLUMN_STATE:
      return g_strdup (plaza_state_label (plaza_record_get_text (record, index)));
    case PLAZA_COLUMN_INT:
      return g_strdup_printf ("%" G_GINT64_FORMAT, plaza_record_get_int (record, index));
    case PLAZA_COLUMN_MONEY:
      return plaza_money_format (plaza_record_get_int (record, index), TRUE);
    case PLAZA_COLUMN_AREA:
      {
        g_autofree char *area = plaza_area_format (plaza_record_get_int (record, index));
        return g_strdup_printf ("%s m²", area);
      }
    case PLAZA_COLUMN_PERCENT:
      {
        g_autofree char *pct = plaza_percent_format (plaza_record_get_int (record, index));
        return g_strdup_printf ("%s%%", pct);
      }
    case PLAZA_COLUMN_TEXT:
    case PLAZA_COLUMN_DATE:
    default:
      return g_strdup (plaza_record_get_text (record, index));
    }
}

static gboolean
is_numeric (PlazaColumnType type)
{
  return type == PLAZA_COLUMN_INT || type == PLAZA_COLUMN_MONEY ||
         type == PLAZA_COLUMN_AREA || type == PLAZA_COLUMN_PERCENT;
}

/* Long cells show their whole text when the pointer rests on them. */
static gboolean
query_tooltip_cb (GtkWidget  *label,
                  int         x G_GNUC_UNUSED,
                  int         y G_GNUC_UNUSED,
                  gboolean    keyboard G_GNUC_UNUSED,
                  GtkTooltip *tooltip,
                  gpointer    user_data G_GNUC_UNUSED)
{
  const char *text = gtk_inscription_get_text (GTK_INSCRIPTION (label));

  if (text == NULL || g_utf8_strlen (text, -1) <= 14)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory G_GNUC_UNUSED,
               GtkListItem              *item,
               ColumnInfo               *info)
{
  GtkWidget *label = gtk_inscription_new (NULL);
  gboolean numeric = is_numeric (info->type);
  guint min_chars, nat_chars;

  /* Wide enough for whole dates, amounts and states; text may shrink to a
   * few characters (the tooltip has the rest) and the table scrolls. */
  switch (info->type)
    {
    case PLAZA_COLUMN_DATE:
      min_chars = nat_chars = 11;
      break;
    case PLAZA_COLUMN_MONEY:
      min_chars = 13;
      nat_chars = 15;
      break;
    case PLAZA_COLUMN_AREA:
      min_chars = 11;
      nat_chars = 12;
      break;
    case PLAZA_COLUMN_PERCENT:
    case PLAZA_COLUMN_INT:
      min_chars = nat_chars = 7;
      break;
    case PLAZA_COLUMN_STATE:
      min_chars = 8;
      nat_chars = 10;
      break;
    case PLAZA_COLUMN_TEXT:
    default:
      min_chars = 12;
      nat_chars = 22;
      break;
    }
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (label), min_chars);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (label), nat_chars);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (label), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  if (numeric)
    {
      gtk_inscription_set_xalign (GTK_INSCRIPTION (label), 1.0);
      gtk_widget_add_css_class (label, "numeric");
    }
  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory G_GNUC_UNUSED,
              GtkListItem              *item,
              ColumnInfo               *info)
{
  PlazaRecord *record = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = format_value (record, info->index, info->type);

  /* No gtk_widget_set_tooltip_text here: on every bind it made GTK query
   * the pointer (an X round trip per cell, ~0.5 s per page of a list);
   * query_tooltip_cb gives the text when the pointer rests on the cell. */
  gtk_inscription_set_text (GTK_INSCRIPTION (label), text);
}

static int
compare_records (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  ColumnInfo *info = user_data;
  PlazaRecord *ra = (PlazaRecord *) a;
  PlazaRecord *rb = (PlazaRecord *) b;
  gboolean na = plaza_record_is_null (ra, info->index);
  gboolean nb = plaza_record_is_null (rb, info->index);

  if (na || nb)
    return na == nb ? 0 : na ? 1 : -1;   /* empty cells last */

  if (is_numeric (info->type))
    {
      gint64 x = plaza_record_get_int (ra, info->index);
      gint64 y = plaza_record_get_int (rb, info->index);
      return x < y ? -1 : x > y ? 1 : 0;
    }
  if (info->type == PLAZA_COLUMN_STATE)
    return g_utf8_collate (plaza_state_label (plaza_record_get_text (ra, info->index)),
                           plaza_state_label (plaza_record_get_text (rb, info->index)));
  if (info->type == PLAZA_COLUMN_DATE)
    return g_strcmp0 (plaza_record_get_text (ra, info->index), plaza_record_get_text (rb, info->index));
  return g_utf8_collate (plaza_record_get_text (ra, info->index), plaza_record_get_text (rb, info->index));
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  PlazaListPage *self = user_data;

  if (self->extra_func != NULL && !self->extra_func (PLAZA_RECORD (item), self->extra_data))
    return FALSE;
  if (self->needle == NULL)
    return TRUE;
  return plaza_record_matches (PLAZA_RECORD (item), self->needle);
}

static void
update_state (PlazaListPage *self)
{
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  guint n_visible = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
  g_autofree char *count = NULL;

  if (self->loading && n_rows == 0)
    count = g_strdup (_("Loading…"));
  else if (self->needle != NULL || self->extra_active)
    count = g_strdup_printf (ngettext ("%u of %u row", "%u of %u rows", n_rows), n_visible, n_rows);
  else
    count = g_strdup_printf (ngettext ("%u row", "%u rows", n_rows), n_rows);
  gtk_label_set_label (self->count_label, count);
  gtk_spinner_set_spinning (self->spinner, self->loading);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->loading);

  if (n_rows == 0 && !self->loading && self->loaded)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (n_visible == 0 && n_rows > 0)
    gtk_stack_set_visible_child_name (self->stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
set_loading (PlazaListPage *self,
             gboolean       loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
search_changed_cb (PlazaListPage  *self,
                   GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *needle = *stripped != '\0' ? g_utf8_casefold (stripped, -1) : NULL;
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  if (g_strcmp0 (needle, self->needle) == 0)
    return;
  /* Typing more only narrows; deleting only widens. */
  if (self->needle != NULL && needle != NULL && strstr (needle, self->needle) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (needle == NULL || (self->needle != NULL && strstr (self->needle, needle) != NULL))
    change = GTK_FILTER_CHANGE_LESS_STRICT;

  g_free (self->needle);
  self->needle = g_steal_pointer (&needle);
  gtk_filter_changed (GTK_FILTER (self->filter), change);
  update_state (self);
}

static void
stop_search_cb (PlazaListPage  *self G_GNUC_UNUSED,
                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
items_changed_cb (PlazaListPage *self)
{
  update_state (self);
}

static void load_finish (LoadData *data);

static void
batch_cb (GPtrArray *records,
          gpointer   user_data)
{
  LoadData *data = user_data;
  PlazaListPage *self = data->self;

  if (!g_cancellable_is_cancelled (data->cancellable) && self->store != NULL)
    g_list_store_splice (self->store, g_list_model_get_n_items (G_LIST_MODEL (self->store)), 0,
                         records->pdata, records->len);
  g_ptr_array_unref (records);
}

static void
list_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(LoadData) data = user_data;
  g_autoptr(GError) error = NULL;
  PlazaListPage *self = data->self;

  if (!plaza_worker_list_finish (PLAZA_WORKER (source), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (g_cancellable_is_cancelled (data->cancellable))
    return;

  if (error != NULL)
    {
      g_message ("Could not load %s: %s", plaza_list_kind_to_string (self->kind), error->message);
      adw_status_page_set_icon_name (self->empty_page, "dialog-warning-symbolic");
      adw_status_page_set_title (self->empty_page, _("Could Not Load the List"));
      adw_status_page_set_description (self->empty_page, error->message);
    }
  else
    {
      const PageTexts *texts = &page_texts[self->kind];

      adw_status_page_set_icon_name (self->empty_page, texts->icon);
      adw_status_page_set_title (self->empty_page, _(texts->empty_title));
      adw_status_page_set_description (self->empty_page, _(texts->empty_text));
    }

  load_finish (data);
}

/* The page stops loading once the view has the first screen too. */
static void
load_finish (LoadData *data)
{
  PlazaListPage *self = data->self;

  self->loaded = TRUE;
  self->settling = plaza_paced_model_get_busy (self->paced_model);
  if (!self->settling)
    set_loading (self, FALSE);
}

static void
paced_busy_cb (PlazaListPage *self)
{
  if (self->settling && !plaza_paced_model_get_busy (self->paced_model))
    {
      self->settling = FALSE;
      set_loading (self, FALSE);
    }
}

static void
build_columns (PlazaListPage *self)
{
  const PlazaColumn *columns;
  guint n_columns;

  columns = plaza_list_get_columns (self->kind, &n_columns);
  for (guint i = 0; i < n_columns; i++)
    {
      ColumnInfo *info = g_new0 (ColumnInfo, 1);
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;
      GtkSorter *sorter;

      info->index = i;
      info->type = columns[i].type;
      /* The factory owns the column's info. */
      g_object_set_data_full (G_OBJECT (factory), "plaza-column-info", info, g_free);
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), info);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), info);

      column = gtk_column_view_column_new (_(columns[i].title), factory);
      sorter = GTK_SORTER (gtk_custom_sorter_new (compare_records, info, NULL));
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      g_object_set_data (G_OBJECT (column), "plaza-column-id", (gpointer) columns[i].id);
      gtk_column_view_append_column (self->column_view, column);
      g_object_unref (sorter);
      g_object_unref (column);
    }
}

static void
plaza_list_page_dispose (GObject *object)
{
  PlazaListPage *self = PLAZA_LIST_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->worker);
  /* Removing the columns re-sorts: no updates of widgets on their way out. */
  if (self->sort_model != NULL)
    g_signal_handlers_disconnect_by_data (self->sort_model, self);
  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_object (&self->paced_model);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->store);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (plaza_list_page_parent_class)->dispose (object);
}

static void
plaza_list_page_finalize (GObject *object)
{
  PlazaListPage *self = PLAZA_LIST_PAGE (object);

  g_free (self->needle);
  if (self->extra_destroy != NULL)
    self->extra_destroy (self->extra_data);

  G_OBJECT_CLASS (plaza_list_page_parent_class)->finalize (object);
}

static void
plaza_list_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PlazaListPage *self = PLAZA_LIST_PAGE (object);

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
plaza_list_page_class_init (PlazaListPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = plaza_list_page_dispose;
  object_class->finalize = plaza_list_page_finalize;
  object_class->get_property = plaza_list_page_get_property;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A row was activated (double click, Enter): the record's id. */
  signals[SIGNAL_ROW_ACTIVATED] =
    g_signal_new ("row-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
column_view_activate_cb (PlazaListPage *self,
                         guint          position)
{
  /* The view's position: the paced model's. */
  g_autoptr(PlazaRecord) record = g_list_model_get_item (G_LIST_MODEL (self->paced_model), position);

  if (record != NULL)
    g_signal_emit (self, signals[SIGNAL_ROW_ACTIVATED], 0, plaza_record_get_id (record));
}

static void
plaza_list_page_init (PlazaListPage *self)
{
  self->cancellable = g_cancellable_new ();
}

static void
build_ui (PlazaListPage *self)
{
  const PageTexts *texts = &page_texts[self->kind];
  GtkWidget *box, *toolbar, *scroller;
  AdwStatusPage *no_results;
  GtkSelectionModel *selection;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (toolbar, "list-toolbar");

  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search_entry, "placeholder-text", _(texts->search), NULL);
  gtk_widget_set_hexpand (GTK_WIDGET (self->search_entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(texts->search), -1);
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "stop-search", G_CALLBACK (stop_search_cb), self,
                           G_CONNECT_SWAPPED);

  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  self->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "numeric");

  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->search_entry));
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->spinner));
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->count_label));
  gtk_box_append (GTK_BOX (box), toolbar);
  self->toolbar = toolbar;

  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_column_view_set_show_column_separators (self->column_view, FALSE);
  gtk_column_view_set_reorderable (self->column_view, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->column_view), "data-table");
  build_columns (self);

  self->store = g_list_store_new (PLAZA_TYPE_RECORD);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->store)),
                                                  g_object_ref (GTK_FILTER (self->filter)));
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)),
                                              g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->paced_model = plaza_paced_model_new (G_LIST_MODEL (self->sort_model), FIRST_ROWS, FIRST_ROWS_STEP);
  plaza_paced_model_set_widget (self->paced_model, GTK_WIDGET (self->column_view));
  g_signal_connect_object (self->paced_model, "notify::busy", G_CALLBACK (paced_busy_cb), self,
                           G_CONNECT_SWAPPED);
  selection = GTK_SELECTION_MODEL (gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->paced_model))));
  gtk_single_selection_set_autoselect (GTK_SINGLE_SELECTION (selection), FALSE);
  gtk_single_selection_set_can_unselect (GTK_SINGLE_SELECTION (selection), TRUE);
  gtk_column_view_set_model (self->column_view, selection);
  g_object_unref (selection);
  g_signal_connect_object (self->sort_model, "items-changed", G_CALLBACK (items_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->column_view, "activate", G_CALLBACK (column_view_activate_cb), self,
                           G_CONNECT_SWAPPED);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->column_view));
  gtk_widget_set_vexpand (scroller, TRUE);

  self->empty_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->empty_page, texts->icon);
  adw_status_page_set_title (self->empty_page, _(texts->empty_title));
  adw_status_page_set_description (self->empty_page, _(texts->empty_text));

  no_results = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (no_results, "edit-find-symbolic");
  adw_status_page_set_title (no_results, _("No Results"));
  adw_status_page_set_description (no_results, _("Try other words or filters, or clear the search with Escape."));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, scroller, "list");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->empty_page), "empty");
  gtk_stack_add_named (self->stack, GTK_WIDGET (no_results), "no-results");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));

  adw_bin_set_child (ADW_BIN (self), box);
  update_state (self);
}

PlazaListPage *
plaza_list_page_new (PlazaListKind kind)
{
  PlazaListPage *self;

  g_return_val_if_fail (kind < PLAZA_N_LISTS, NULL);

  self = g_object_new (PLAZA_TYPE_LIST_PAGE, NULL);
  self->kind = kind;
  build_ui (self);
  return self;
}

PlazaListKind
plaza_list_page_get_kind (PlazaListPage *self)
{
  g_return_val_if_fail (PLAZA_IS_LIST_PAGE (self), 0);
  return self->kind;
}

void
plaza_list_page_set_worker (PlazaListPage *self,
                            PlazaWorker   *worker)
{
  g_return_if_fail (PLAZA_IS_LIST_PAGE (self));

  if (g_set_object (&self->worker, worker))
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      self->cancellable = g_cancellable_new ();
      g_list_store_remove_all (self->store);
      self->loaded = FALSE;
      self->stale = FALSE;
      self->settling = FALSE;
      set_loading (self, FALSE);
      update_state (self);
    }
}

void
plaza_list_page_reload (PlazaListPage *self)
{
  LoadData *data;

  g_return_if_fail (PLAZA_IS_LIST_PAGE (self));

  if (self->worker == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  g_list_store_remove_all (self->store);
  self->stale = FALSE;
  set_loading (self, TRUE);

  self->settling = FALSE;
  data = g_new0 (LoadData, 1);
  data->self = g_object_ref (self);
  data->cancellable = g_object_ref (self->cancellable);
  plaza_worker_list_async (self->worker, self->kind, batch_cb, data, self->cancellable,
                           list_done_cb, data);
}

void
plaza_list_page_ensure_loaded (PlazaListPage *self)
{
  g_return_if_fail (PLAZA_IS_LIST_PAGE (self));

  if ((!self->loaded && !self->loading) || self->stale)
    plaza_list_page_reload (self);
}

void
plaza_list_page_invalidate (PlazaListPage *self)
{
  g_return_if_fail (PLAZA_IS_LIST_PAGE (self));

  self->stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    plaza_list_page_reload (self);
}

gboolean
plaza_list_page_get_loading (PlazaListPage *self)
{
  g_return_val_if_fail (PLAZA_IS_LIST_PAGE (self), FALSE);
  return self->loading;
}

guint
plaza_list_page_get_n_rows (PlazaListPage *self)
{
  g_return_val_if_fail (PLAZA_IS_LIST_PAGE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->store));
}

guint
plaza_list_page_get_n_visible (PlazaListPage *self)
{
  g_return_val_if_fail (PLAZA_IS_LIST_PAGE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
}

void
plaza_list_page_set_search (PlazaListPage *self,
                            const char    *text)
{
  g_return_if_fail (PLAZA_IS_LIST_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  /* Apply at once rather than after the entry's typing delay. */
  search_changed_cb (self, self->search_entry);
}

void
plaza_list_page_focus_search (PlazaListPage *self)
{
  g_return_if_fail (PLAZA_IS_LIST_PAGE (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

PlazaRecord *
plaza_list_page_get_visible (PlazaListPage *self,
                             guint          position)
{
  g_return_val_if_fail (PLAZA_IS_LIST_PAGE (self), NULL);
  return g_list_model_get_item (G_LIST_MODEL (self->sort_model), position);
}

void
plaza_list_page_sort_by (PlazaListPage *self,
                         const char    *column_id,
                         gboolean       descending)
{
  GListModel *columns;

  g_return_if_fail (PLAZA_IS_LIST_PAGE (self));

  columns = gtk_column_view_get_columns (self->column_view);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (column), "plaza-column-id"), column_id) == 0)
        {
          gtk_column_view_sort_by_column (self->column_view, column,
                                          descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
          return;
        }
    }
  g_warning ("No column %s in %s", column_id, plaza_list_kind_to_string (self->kind));
}

void
plaza_list_page_add_toolbar_widget (PlazaListPage *self,
                                    GtkWidget     *widget)
{
  g_return_if_fail (PLAZA_IS_LIST_PAGE (self));
  gtk_box_append (GTK_BOX (self->toolbar), widget);
}

void
plaza_list_page_add_filter_widget (PlazaListPage *self,
                                   GtkWidget     *widget)
{
  g_return_if_fail (PLAZA_IS_LIST_PAGE (self));
  gtk_box_insert_child_after (GTK_BOX (self->toolbar), widget, GTK_WIDGET (self->search_entry));
}

void
plaza_list_page_set_extra_filter (PlazaListPage           *self,
                                  PlazaListPageFilterFunc  func,
                                  gpointer                 user_data,
                                  GDestroyNotify           destroy)
{
  g_return_if_fail (PLAZA_IS_LIST_PAGE (self));

  if (self->extra_destroy != NULL)
    self->extra_destroy (self->extra_data);
  self->extra_func = func;
  self->extra_data = user_data;
  self->extra_destroy = destroy;
  plaza_list_page_refilter (self, FALSE);
}

void
plaza_list_page_refilter (PlazaListPage *self,
                          gboolean       active)
{
  g_return_if_fail (PLAZA_IS_LIST_PAGE (self));

  self->extra_active = active && self->extra_func != NULL;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_state (self);
}

GtkSelectionModel *
plaza_list_page_get_selection (PlazaListPage *self)
{
  g_return_val_if_fail (PLAZA_IS_LIST_PAGE (self), NULL);
  return gtk_column_view_get_model (self->column_view);
}

PlazaWorker *
plaza_list_page_get_worker (PlazaListPage *self)
{
  g_return_val_if_fail (PLAZA_IS_LIST_PAGE (self), NULL);
  return self->worker;
}

GListModel *
plaza_list_page_get_rows (PlazaListPage *self)
{
  g_return_val_if_fail (PLAZA_IS_LIST_PAGE (self), NULL);
  return G_LIST_MODEL (self->store);
}
