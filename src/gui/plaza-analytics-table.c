/* plaza-analytics-table.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A chart "as table": the exact figures of plaza_chart_to_table () in a
 * column view, one column per header cell, sortable by any column (numbers
 * compare as numbers, names in the user's collation). The model holds row
 * indices; the cells read the table the view keeps.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "plaza-analytics-table.h"

struct _PlazaAnalyticsTable
{
  AdwBin          parent_instance;

  GtkColumnView  *view;
  GPtrArray      *table;   /* of strv; row 0 the header */
};

G_DEFINE_FINAL_TYPE (PlazaAnalyticsTable, plaza_analytics_table, ADW_TYPE_BIN)

static const char *
cell (PlazaAnalyticsTable *self,
      GtkStringObject     *item,
      guint                column)
{
  guint row = (guint) strtoul (gtk_string_object_get_string (item), NULL, 10);
  char **cells;

  if (self->table == NULL || row >= self->table->len)
    return "";
  cells = g_ptr_array_index (self->table, row);
  return column < g_strv_length (cells) ? cells[column] : "";
}

/* "¥1,234.50", "12.5%", "125.50 m²" and "-3" as numbers; FALSE for text. */
static gboolean
as_number (const char *text,
           double     *value)
{
  GString *digits = g_string_new (NULL);
  gboolean any = FALSE;
  char *end = NULL;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p) || *p == '.' || *p == '-')
        {
          g_string_append_c (digits, *p);
          any |= g_ascii_isdigit (*p);
        }
      else if (*p == ',' || *p == ' ' || *p == '%')
        continue;
      else if ((guchar) *p < 0x80 && *p != '+')
        {
          any = FALSE;   /* a letter: this is a name */
          break;
        }
    }
  if (any)
    *value = g_ascii_strtod (digits->str, &end);
  any = any && *end == '\0';
  g_string_free (digits, TRUE);
  return any;
}

static int
compare_cells (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  GtkColumnViewColumn *column = user_data;
  PlazaAnalyticsTable *self = g_object_get_data (G_OBJECT (column), "table");
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (column), "index"));
  const char *x = cell (self, GTK_STRING_OBJECT ((gpointer) a), index);
  const char *y = cell (self, GTK_STRING_OBJECT ((gpointer) b), index);
  double dx, dy;

  if (as_number (x, &dx) && as_number (y, &dy))
    return dx < dy ? -1 : dx > dy;
  return g_utf8_collate (x, y);
}

static void
setup_cb (GtkSignalListItemFactory *factory G_GNUC_UNUSED,
          GtkListItem              *item,
          gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), GPOINTER_TO_INT (user_data) ? 1.0 : 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         PlazaAnalyticsTable      *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "index"));

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       cell (self, gtk_list_item_get_item (item), index));
}

static void
clear_columns (PlazaAnalyticsTable *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->view, column);
    }
}

/* A column is numeric (right-aligned) when its first data cell is. */
static gboolean
column_is_numeric (PlazaAnalyticsTable *self,
                   guint                index)
{
  double value;
  char **cells;

  if (self->table->len < 2)
    return FALSE;
  cells = g_ptr_array_index (self->table, 1);
  return index < g_strv_length (cells) && as_number (cells[index], &value);
}

void
plaza_analytics_table_set_chart (PlazaAnalyticsTable *self,
                                 PlazaChart          *chart)
{
  GtkStringList *rows = gtk_string_list_new (NULL);
  g_autoptr(GtkSortListModel) sorted = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;
  char **header;

  g_return_if_fail (PLAZA_IS_ANALYTICS_TABLE (self));

  gtk_column_view_set_model (self->view, NULL);
  clear_columns (self);
  g_clear_pointer (&self->table, g_ptr_array_unref);
  self->table = plaza_chart_to_table (chart);
  if (self->table == NULL || self->table->len == 0)
    {
      g_object_unref (rows);
      return;
    }

  header = g_ptr_array_index (self->table, 0);
  for (guint i = 0; header[i] != NULL; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;
      GtkCustomSorter *sorter;

      g_object_set_data (G_OBJECT (factory), "index", GUINT_TO_POINTER (i));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cb),
                        GINT_TO_POINTER (column_is_numeric (self, i)));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
      column = gtk_column_view_column_new (header[i], factory);
      g_object_set_data (G_OBJECT (column), "table", self);
      g_object_set_data (G_OBJECT (column), "index", GUINT_TO_POINTER (i));
      sorter = gtk_custom_sorter_new (compare_cells, column, NULL);
      gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, i == 0);
      gtk_column_view_append_column (self->view, column);
      g_object_unref (sorter);
      g_object_unref (column);
    }

  for (guint r = 1; r < self->table->len; r++)
    {
      char index[16];

      g_snprintf (index, sizeof index, "%u", r);
      gtk_string_list_append (rows, index);
    }
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (rows),
                                    g_object_ref (gtk_column_view_get_sorter (self->view)));
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (sorted)));
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (selection));
}

guint
plaza_analytics_table_get_n_rows (PlazaAnalyticsTable *self)
{
  g_return_val_if_fail (PLAZA_IS_ANALYTICS_TABLE (self), 0);
  return self->table != NULL && self->table->len > 0 ? self->table->len - 1 : 0;
}

static void
plaza_analytics_table_dispose (GObject *object)
{
  PlazaAnalyticsTable *self = PLAZA_ANALYTICS_TABLE (object);

  if (self->view != NULL)
    gtk_column_view_set_model (self->view, NULL);
  g_clear_pointer (&self->table, g_ptr_array_unref);
  G_OBJECT_CLASS (plaza_analytics_table_parent_class)->dispose (object);
}

static void
plaza_analytics_table_class_init (PlazaAnalyticsTableClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = plaza_analytics_table_dispose;
}

static void
plaza_analytics_table_init (PlazaAnalyticsTable *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();

  self->view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_column_view_set_show_row_separators (self->view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "data-table");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->view));
  gtk_widget_set_vexpand (scroller, TRUE);
  adw_bin_set_child (ADW_BIN (self), scroller);
}

PlazaAnalyticsTable *
plaza_analytics_table_new (void)
{
  return g_object_new (PLAZA_TYPE_ANALYTICS_TABLE, NULL);
}
