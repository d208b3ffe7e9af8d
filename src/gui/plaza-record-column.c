/* plaza-record-column.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A column of PlazaRecord rows for a GtkColumnView: the text of one record
 * column in a GtkInscription (right-aligned, tabular digits when numeric)
 * and a sorter that compares another column as integers (amounts in fen,
 * days) or the text in the user's collation. An inscription does not lay
 * its text out to measure itself, as a label does on every bind: its
 * natural width is the text's width in characters (wide ones count twice),
 * so the columns size to their texts as they did with labels.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include "plaza-record-column.h"

static void
column_setup_cb (GtkSignalListItemFactory *factory G_GNUC_UNUSED,
                 GtkListItem              *item,
                 gpointer                  numeric)
{
  GtkWidget *label = gtk_inscription_new (NULL);

  gtk_inscription_set_xalign (GTK_INSCRIPTION (label), GPOINTER_TO_INT (numeric) ? 1.0f : 0.0f);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (label), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (label), 3);
  if (GPOINTER_TO_INT (numeric))
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

/* The text's width in average characters: CJK and other wide characters
 * take two. */
static guint
text_width_chars (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return width;
}

static void
column_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data G_GNUC_UNUSED)
{
  PlazaRecord *record = gtk_list_item_get_item (item);
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *text = plaza_record_get_text (record, column);

  if (text == NULL)
    text = "";
  gtk_inscription_set_text (GTK_INSCRIPTION (label), text);
  /* One more for the digits' and the heading's wider glyphs. */
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (label), text_width_chars (text) + 1);
  /* The pinned total row stands out. */
  if (plaza_record_get_id (record) == 0)
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_remove_css_class (label, "heading");
}

static int
compare_int_cb (gconstpointer a,
                gconstpointer b,
                gpointer      column)
{
  gint64 x = plaza_record_get_int (PLAZA_RECORD ((gpointer) a), GPOINTER_TO_UINT (column));
  gint64 y = plaza_record_get_int (PLAZA_RECORD ((gpointer) b), GPOINTER_TO_UINT (column));

  return x < y ? -1 : x > y ? 1 : 0;
}

static int
compare_text_cb (gconstpointer a,
                 gconstpointer b,
                 gpointer      column)
{
  const char *x = plaza_record_get_text (PLAZA_RECORD ((gpointer) a), GPOINTER_TO_UINT (column));
  const char *y = plaza_record_get_text (PLAZA_RECORD ((gpointer) b), GPOINTER_TO_UINT (column));

  return g_utf8_collate (x != NULL ? x : "", y != NULL ? y : "");
}

GtkColumnViewColumn *
plaza_record_column_new (const char *title,
                         guint       text_column,
                         int         int_column,
                         gboolean    expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;
  GtkCustomSorter *sorter;

  g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (text_column));
  g_signal_connect (factory, "setup", G_CALLBACK (column_setup_cb), GINT_TO_POINTER (int_column >= 0));
  g_signal_connect (factory, "bind", G_CALLBACK (column_bind_cb), NULL);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  if (int_column >= 0)
    sorter = gtk_custom_sorter_new (compare_int_cb, GUINT_TO_POINTER ((guint) int_column), NULL);
  else
    sorter = gtk_custom_sorter_new (compare_text_cb, GUINT_TO_POINTER (text_column), NULL);
  gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
  g_object_unref (sorter);
  return column;
}
