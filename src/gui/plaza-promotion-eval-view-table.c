/* plaza-promotion-eval-view-table.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The evaluation view's table: one row per participant (name and code,
 * sales, baseline, uplift in yuan and percent, cost, return per yuan, the
 * flag "Below its category" with a warning icon), then the total and the
 * scope rows, which stay last whatever column the user sorts by (a multi
 * sorter: the pin first, then the column view's sorter). Items are string
 * objects naming a row of the evaluation on show; numbers sort as numbers.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "plaza-money.h"
#include "plaza-promotion-eval-view-private.h"

/* The columns: title, widget name of their labels (for tests), numeric. */
static const struct { const char *title; const char *name; gboolean numeric; } columns[N_COLS] = {
  { N_("Participant"), "name", FALSE },
  { N_("Sales"), "sales", TRUE },
  { N_("Baseline"), "baseline", TRUE },
  { N_("Uplift ¥"), "uplift", TRUE },
  { N_("Uplift %"), "uplift-pct", TRUE },
  { N_("Cost"), "cost", TRUE },
  { N_("Return per ¥"), "return", TRUE },
  { N_("Its category"), "flag", FALSE },
};

/* The row an item stands for: a participant's index, "T" the total, "S"
 * everyone in scope. */
static const PlazaPromotionEvalRow *
item_row (PlazaPromotionEvalView *self,
          gpointer                item,
          int                    *pin)
{
  const char *key = gtk_string_object_get_string (GTK_STRING_OBJECT (item));
  guint index;

  *pin = 0;
  if (self->evaluation == NULL)
    return NULL;
  if (g_str_equal (key, "T"))
    {
      *pin = 1;
      return &self->evaluation->total;
    }
  if (g_str_equal (key, "S"))
    {
      *pin = 2;
      return &self->evaluation->scope;
    }
  index = (guint) strtoul (key, NULL, 10);
  return index < self->evaluation->rows->len ? g_ptr_array_index (self->evaluation->rows, index) : NULL;
}

static gint64
sort_key (const PlazaPromotionEvalRow *row,
          guint                        column)
{
  switch (column)
    {
    case COL_SALES:
      return row->sales;
    case COL_BASELINE:
      return row->baseline;
    case COL_UPLIFT:
      return row->uplift;
    case COL_UPLIFT_PCT:
      return row->baseline > 0 ? row->uplift_bp : G_MININT64;
    case COL_COST:
      return row->cost;
    case COL_RETURN:
      return row->cost > 0 ? row->return_bp : G_MININT64;
    case COL_FLAG:
      return row->worse_than_category ? 2 : row->has_category_peers ? 1 : 0;
    default:
      return 0;
    }
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  GtkColumnViewColumn *column = user_data;
  PlazaPromotionEvalView *self = g_object_get_data (G_OBJECT (column), "view");
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (column), "index"));
  int pin_a, pin_b;
  const PlazaPromotionEvalRow *x = item_row (self, (gpointer) a, &pin_a);
  const PlazaPromotionEvalRow *y = item_row (self, (gpointer) b, &pin_b);
  gint64 kx, ky;

  if (x == NULL || y == NULL || pin_a != 0 || pin_b != 0)
    return 0;   /* the pinned rows are ordered by pin_compare */
  if (index == COL_NAME)
    return g_utf8_collate (x->tenant_name, y->tenant_name);
  kx = sort_key (x, index);
  ky = sort_key (y, index);
  return kx < ky ? -1 : kx > ky;
}

/* Participants first, then the total, then the scope, in either direction. */
static int
pin_compare (gconstpointer a,
             gconstpointer b,
             gpointer      user_data)
{
  PlazaPromotionEvalView *self = user_data;
  int pin_a, pin_b;

  item_row (self, (gpointer) a, &pin_a);
  item_row (self, (gpointer) b, &pin_b);
  return pin_a < pin_b ? -1 : pin_a > pin_b;
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data G_GNUC_UNUSED)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "index"));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (icon, "warning");
  gtk_widget_set_visible (icon, FALSE);
  gtk_widget_set_name (label, columns[index].name);
  gtk_label_set_xalign (GTK_LABEL (label), columns[index].numeric ? 1.0 : 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  if (columns[index].numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (item, box);
}

char *
plaza_promotion_eval_signed_money (gint64 fen)
{
  g_autofree char *text = plaza_money_format (fen, TRUE);

  return fen > 0 ? g_strconcat ("+", text, NULL) : g_steal_pointer (&text);
}

static char *
cell_text (const PlazaPromotionEvalRow *row,
           guint                        column,
           int                          pin)
{
  switch (column)
    {
    case COL_NAME:
      return pin == 0 ? g_strdup_printf ("%s  ·  %s", row->tenant_name, row->tenant_code)
                      : g_strdup (pin == 1 ? _("All participants") : _("Everyone in scope"));
    case COL_SALES:
      return plaza_money_format (row->sales, TRUE);
    case COL_BASELINE:
      return plaza_money_format (row->baseline, TRUE);
    case COL_UPLIFT:
      return plaza_promotion_eval_signed_money (row->uplift);
    case COL_UPLIFT_PCT:
      return plaza_promotion_format_uplift_pct (row);
    case COL_COST:
      return pin == 2 ? g_strdup ("—") : plaza_money_format (row->cost, TRUE);
    case COL_RETURN:
      return pin == 2 ? g_strdup ("—") : plaza_promotion_format_return (row);
    case COL_FLAG:
    default:
      if (pin == 0 && row->baseline <= 0)
        /* Translators: a participant without sales in the baseline period:
         * its uplift is all its sales */
        return g_strdup (_("No baseline sales"));
      if (pin == 0 && row->has_category_peers)
        {
          PlazaPromotionEvalRow peers = { 0 };
          g_autofree char *pct = NULL;

          peers.baseline = 1;
          peers.uplift_bp = row->category_uplift_bp;
          pct = plaza_promotion_format_uplift_pct (&peers);
          /* Translators: the flag of a participant whose uplift % is below
           * that of the non-participants of its category (%s) */
          return row->worse_than_category ? g_strdup_printf (_("Below its category (%s)"), pct)
                                          : g_strdup_printf (_("Category %s"), pct);
        }
      return g_strdup ("");
    }
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              PlazaPromotionEvalView   *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "index"));
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_last_child (box);
  int pin = 0;
  const PlazaPromotionEvalRow *row = item_row (self, gtk_list_item_get_item (item), &pin);
  g_autofree char *text = row != NULL ? cell_text (row, index, pin) : g_strdup ("");
  gint64 sign = 0;
  gboolean no_baseline;

  gtk_label_set_label (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, index == COL_NAME || index == COL_FLAG ? text : NULL);
  gtk_widget_set_visible (icon, row != NULL && index == COL_FLAG && row->worse_than_category);
  if (pin == 1)
    gtk_widget_add_css_class (label, "plaza-eval-total");
  else
    gtk_widget_remove_css_class (label, "plaza-eval-total");
  if (pin == 1)
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_remove_css_class (label, "heading");
  no_baseline = pin == 0 && row != NULL && row->baseline <= 0 && index >= COL_UPLIFT && index != COL_COST;
  if (pin == 2 || no_baseline || (index == COL_FLAG && row != NULL && !row->worse_than_category))
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");
  if (row != NULL && (index == COL_UPLIFT || (index == COL_UPLIFT_PCT && row->baseline > 0)))
    sign = row->uplift;
  if (row != NULL && index == COL_FLAG && row->worse_than_category)
    sign = -1;
  gtk_widget_remove_css_class (label, "success");
  gtk_widget_remove_css_class (label, "error");
  if (sign != 0 && pin != 2 && !no_baseline)
    gtk_widget_add_css_class (label, sign > 0 ? "success" : "error");
}

void
plaza_promotion_eval_view_build_table (PlazaPromotionEvalView *self)
{
  for (guint i = 0; i < N_COLS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;
      GtkCustomSorter *sorter;

      g_object_set_data (G_OBJECT (factory), "index", GUINT_TO_POINTER (i));
      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), self);
      column = gtk_column_view_column_new (_(columns[i].title), factory);
      g_object_set_data (G_OBJECT (column), "view", self);
      g_object_set_data (G_OBJECT (column), "index", GUINT_TO_POINTER (i));
      sorter = gtk_custom_sorter_new (compare_rows, column, NULL);
      gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, i == COL_NAME || i == COL_FLAG);
      gtk_column_view_append_column (self->table, column);
      g_object_unref (sorter);
      g_object_unref (column);
    }
}

/* A fresh model for the evaluation on show. */
void
plaza_promotion_eval_view_fill_table (PlazaPromotionEvalView *self)
{
  GtkStringList *rows = gtk_string_list_new (NULL);
  GtkMultiSorter *sorter = gtk_multi_sorter_new ();
  GtkSortListModel *sorted;
  GtkNoSelection *selection;

  for (guint i = 0; i < self->evaluation->rows->len; i++)
    {
      char key[16];

      g_snprintf (key, sizeof key, "%u", i);
      gtk_string_list_append (rows, key);
    }
  gtk_string_list_append (rows, "T");
  gtk_string_list_append (rows, "S");
  gtk_multi_sorter_append (sorter, GTK_SORTER (gtk_custom_sorter_new (pin_compare, self, NULL)));
  gtk_multi_sorter_append (sorter, g_object_ref (gtk_column_view_get_sorter (self->table)));
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (rows), GTK_SORTER (sorter));
  selection = gtk_no_selection_new (G_LIST_MODEL (sorted));
  gtk_column_view_set_model (self->table, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
}
