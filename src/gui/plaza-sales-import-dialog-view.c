/* plaza-sales-import-dialog-view.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the sales import window shows at each step: which page and buttons,
 * the preview (file, encoding, the column mapping in words, the first rows
 * in a grid) and a failure (the headline and every error line, the path
 * shortened to the file's name).
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "plaza-sales-import-dialog-private.h"

/* 12345 → "12,345". */
char *
plaza_sales_import_dialog_group_digits (guint64 n)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, n);
  GString *s = g_string_new (NULL);
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (s, ',');
      g_string_append_c (s, digits[i]);
    }
  return g_string_free (s, FALSE);
}

void
plaza_sales_import_dialog_set_step (PlazaSalesImportDialog *self,
                                    Step                    step)
{
  gboolean busy;

  self->step = step;
  busy = self->previewing || step == STEP_IMPORTING;

  switch (step)
    {
    case STEP_CHOOSE:
    case STEP_PREVIEW:
      gtk_stack_set_visible_child_name (self->stack, step == STEP_CHOOSE ? "choose" : "preview");
      break;
    case STEP_IMPORTING:
      gtk_stack_set_visible_child_name (self->stack, "importing");
      break;
    case STEP_DONE:
    case STEP_CANCELLED:
      gtk_stack_set_visible_child_name (self->stack, "result");
      break;
    case STEP_FAILED:
    default:
      gtk_stack_set_visible_child_name (self->stack, "failed");
      break;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), step <= STEP_IMPORTING);
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), step <= STEP_PREVIEW);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), step == STEP_PREVIEW && !self->previewing);
  gtk_widget_set_visible (GTK_WIDGET (self->close_button), step > STEP_IMPORTING);
  gtk_widget_set_visible (GTK_WIDGET (self->other_button),
                          step == STEP_PREVIEW || step == STEP_FAILED || step == STEP_CANCELLED);
  gtk_widget_set_sensitive (GTK_WIDGET (self->other_button), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->previewing);
  gtk_spinner_set_spinning (self->spinner, self->previewing);
  /* Enter does the next thing: choose, import, close. */
  if (step == STEP_CHOOSE)
    gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->choose_button));
  else if (step == STEP_PREVIEW && !self->previewing)
    gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->import_button));
  else if (step > STEP_IMPORTING)
    gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->close_button));
}

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    {
      if (GTK_IS_LIST_BOX (box))
        gtk_list_box_remove (GTK_LIST_BOX (box), child);
      else
        gtk_grid_remove (GTK_GRID (box), child);
    }
}

/* "/a/b/pos.csv:12: amount: …" reads "pos.csv:12: amount: …". */
static char *
shorten_message (const char *message,
                 const char *path)
{
  gsize len = path != NULL ? strlen (path) : 0;

  if (len > 0 && g_str_has_prefix (message, path) && message[len] == ':')
    {
      g_autofree char *base = g_filename_display_basename (path);
      return g_strconcat (base, message + len, NULL);
    }
  return g_strdup (message);
}

void
plaza_sales_import_dialog_show_failure (PlazaSalesImportDialog *self,
                                        GPtrArray              *errors,
                                        const char             *fallback)
{
  guint n;

  g_clear_pointer (&self->errors, g_ptr_array_unref);
  self->errors = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; errors != NULL && i < errors->len; i++)
    g_ptr_array_add (self->errors, g_strdup (errors->pdata[i]));
  if (self->errors->len == 0 && fallback != NULL)
    g_ptr_array_add (self->errors, g_strdup (fallback));
  n = self->errors->len;

  g_free (self->result_text);
  if (n >= 100)
    self->result_text = g_strdup (_("The file was not imported: 100 errors or more (the first 100 are listed). "
                                    "Nothing was changed."));
  else
    self->result_text = g_strdup_printf (ngettext ("The file was not imported: %u error. Nothing was changed.",
                                                   "The file was not imported: %u errors. Nothing was changed.",
                                                   n), n);
  gtk_label_set_label (self->failed_label, self->result_text);

  clear_box (GTK_WIDGET (self->error_list));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = shorten_message (self->errors->pdata[i], self->path);
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_list_box_append (self->error_list, label);
    }
  plaza_sales_import_dialog_set_step (self, STEP_FAILED);
}

static char *
mapping_words (const PlazaSalesPreview *preview)
{
  const char *fields[] = { _("Date"), _("Unit"), _("Amount"), _("Transactions") };
  int columns[] = { preview->date_column, preview->unit_column, preview->amount_column,
                    preview->transactions_column };
  guint n_header = preview->header != NULL ? g_strv_length (preview->header) : 0;
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *source = columns[i] >= 0 && (guint) columns[i] < n_header ? preview->header[columns[i]]
                                                                           : _("(none)");
      if (i > 0)
        g_string_append (s, _(", "));
      /* TRANSLATORS: a field of the sales file and the column it is read
       * from, as in "Amount ← 销售额". */
      g_string_append_printf (s, _("%s ← %s"), fields[i], source);
    }
  return g_string_free (s, FALSE);
}

static GtkWidget *
cell_label (const char *text,
            gboolean    heading,
            gboolean    numeric)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  return label;
}

void
plaza_sales_import_dialog_show_preview (PlazaSalesImportDialog  *self,
                                        const PlazaSalesPreview *preview)
{
  g_autofree char *base = g_filename_display_basename (self->path);
  g_autofree char *size = g_format_size (preview->size);
  g_autofree char *file_text = g_strdup_printf ("%s (%s)", base, size);
  guint n_header = preview->header != NULL ? g_strv_length (preview->header) : 0;

  g_free (self->encoding_text);
  self->encoding_text = g_strdup (preview->encoding);
  g_free (self->mapping_text);
  self->mapping_text = mapping_words (preview);
  adw_action_row_set_subtitle (self->file_row, file_text);
  adw_action_row_set_subtitle (self->encoding_row, self->encoding_text);
  adw_action_row_set_subtitle (self->mapping_row, self->mapping_text);

  clear_box (GTK_WIDGET (self->preview_grid));
  for (guint c = 0; c < n_header; c++)
    gtk_grid_attach (self->preview_grid,
                     cell_label (preview->header[c], TRUE, (int) c == preview->amount_column), (int) c, 0, 1, 1);
  self->n_preview_rows = preview->rows != NULL ? preview->rows->len : 0;
  for (guint r = 0; r < self->n_preview_rows; r++)
    {
      char **cells = preview->rows->pdata[r];

      for (guint c = 0; cells != NULL && cells[c] != NULL; c++)
        gtk_grid_attach (self->preview_grid,
                         cell_label (cells[c], FALSE, (int) c == preview->amount_column ||
                                                      (int) c == preview->transactions_column),
                         (int) c, (int) r + 1, 1, 1);
    }
  if (self->n_preview_rows == 0)
    gtk_label_set_label (self->rows_label, _("The file has no rows."));
  else
    {
      g_autofree char *text = g_strdup_printf (ngettext ("The first row", "The first %u rows", self->n_preview_rows),
                                               self->n_preview_rows);
      gtk_label_set_label (self->rows_label, text);
    }
}
