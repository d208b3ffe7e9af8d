/* plaza-sales-entry-dialog-days.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sales entry window's days: one row per day of the month up to
 * today, with the stored amount, where it came from (POS, Manual,
 * Estimated) and, as the clerk types, whether the text is an amount
 * (plaza_money_parse; red with the reason when not). Enter moves to the
 * next day. While a day differs from the store the unit and month are
 * locked until Save or Revert.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "plaza-money.h"
#include "plaza-sales-entry-dialog-private.h"

static void
day_row_clear (gpointer data)
{
  DayRow *row = data;

  g_free (row->date);
  g_free (row->original);
  g_free (row->reason);
}

static const char *
source_text (int source)
{
  switch (source)
    {
    case PLAZA_SALES_SOURCE_POS:
      /* Translators: where a day's sales came from: the tills' export */
      return C_("sales source", "POS");
    case PLAZA_SALES_SOURCE_MANUAL:
      return _("Manual");
    case PLAZA_SALES_SOURCE_ESTIMATED:
      return _("Estimated");
    default:
      return "";
    }
}

gboolean
plaza_sales_entry_dialog_is_dirty (PlazaSalesEntryDialog *self)
{
  for (guint i = 0; self->days != NULL && i < self->days->len; i++)
    {
      DayRow *row = &g_array_index (self->days, DayRow, i);
      g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row->entry))));

      if (g_strcmp0 (text, row->original) != 0)
        return TRUE;
    }
  return FALSE;
}

void
plaza_sales_entry_dialog_update_state (PlazaSalesEntryDialog *self)
{
  gboolean busy = self->loading_units || self->loading_month || self->saving;
  gboolean changed = plaza_sales_entry_dialog_is_dirty (self);
  gboolean invalid = FALSE;
  gint64 total = 0;
  guint n_with = 0;

  for (guint i = 0; self->days != NULL && i < self->days->len; i++)
    {
      DayRow *row = &g_array_index (self->days, DayRow, i);
      const char *text = gtk_editable_get_text (GTK_EDITABLE (row->entry));
      gint64 fen;

      if (row->reason != NULL)
        invalid = TRUE;
      else if (*text != '\0' && plaza_money_parse (text, &fen))
        {
          total += fen;
          n_with++;
        }
    }

  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), changed && !invalid && !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->revert_button), changed);
  gtk_widget_set_sensitive (GTK_WIDGET (self->revert_button), !busy);
  /* Another unit or month would drop the typing: save or revert first. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->unit_dropdown), !changed);
  gtk_widget_set_sensitive (self->month_box, !changed);
  gtk_widget_set_tooltip_text (self->month_box, changed ? _("Save or revert the changes first") : NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->unit_dropdown),
                               changed ? _("Save or revert the changes first") : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->estimate_box), self->can_estimate && !busy && !changed);
  gtk_widget_set_sensitive (GTK_WIDGET (self->estimate_button), !busy);

  if (self->status != NULL)
    gtk_label_set_label (self->summary_label, self->status);
  else if (self->days != NULL && self->days->len > 0)
    {
      g_autofree char *money = plaza_money_format (total, TRUE);
      g_autofree char *text = g_strdup_printf (ngettext ("%s on %u day", "%s on %u days", n_with), money, n_with);
      gtk_label_set_label (self->summary_label, text);
    }
  else
    gtk_label_set_label (self->summary_label, "");
}

static char *
check_amount (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  gint64 fen;

  if (*stripped == '\0')
    return NULL;
  if (!plaza_money_parse (stripped, &fen))
    return g_strdup (_("Enter an amount in yuan, like 12345.60."));
  if (fen < 0)
    return g_strdup (_("Sales cannot be negative."));
  return NULL;
}

static void
day_changed_cb (GtkEditable           *entry,
                PlazaSalesEntryDialog *self)
{
  for (guint i = 0; self->days != NULL && i < self->days->len; i++)
    {
      DayRow *row = &g_array_index (self->days, DayRow, i);
      g_autofree char *text = NULL;

      if (GTK_EDITABLE (row->entry) != entry)
        continue;
      g_free (row->reason);
      row->reason = check_amount (gtk_editable_get_text (entry));
      gtk_label_set_label (row->error_label, row->reason != NULL ? row->reason : "");
      gtk_widget_set_visible (GTK_WIDGET (row->error_label), row->reason != NULL);
      if (row->reason != NULL)
        gtk_widget_add_css_class (GTK_WIDGET (row->entry), "error");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (row->entry), "error");
      text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
      if (!self->filling && g_strcmp0 (text, row->original) != 0)
        gtk_label_set_label (row->source_label, *text == '\0' ? _("Cleared, not saved") : _("Manual, not saved"));
      else
        gtk_label_set_label (row->source_label, source_text (row->source));
      break;
    }
  if (!self->filling)
    g_clear_pointer (&self->status, g_free);
  plaza_sales_entry_dialog_update_state (self);
}

void
plaza_sales_entry_dialog_clear_days (PlazaSalesEntryDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->days_grid))) != NULL)
    gtk_grid_remove (self->days_grid, child);
  g_clear_pointer (&self->days, g_array_unref);
}

static GtkWidget *
grid_label (const char *text,
            float       xalign,
            const char *css)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  if (css != NULL)
    gtk_widget_add_css_class (label, css);
  return label;
}

/* Enter moves to the next day, as on a paper report. */
static void
day_activate_cb (GtkEntry              *entry,
                 PlazaSalesEntryDialog *self)
{
  for (guint i = 0; self->days != NULL && i + 1 < self->days->len; i++)
    if (g_array_index (self->days, DayRow, i).entry == entry)
      {
        gtk_widget_grab_focus (GTK_WIDGET (g_array_index (self->days, DayRow, i + 1).entry));
        return;
      }
  gtk_widget_grab_focus (GTK_WIDGET (self->save_button));
}

/* One row per day of the month, up to today. */
void
plaza_sales_entry_dialog_build_days (PlazaSalesEntryDialog *self,
                                     GPtrArray             *stored)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year, month, today_ym, n;
  guint k = 0;

  plaza_sales_entry_dialog_clear_days (self);
  self->days = g_array_new (FALSE, TRUE, sizeof (DayRow));
  g_array_set_clear_func (self->days, day_row_clear);
  self->can_estimate = TRUE;
  if (sscanf (self->month, "%4d-%2d", &year, &month) != 2)
    return;
  today_ym = g_date_time_get_year (now) * 100 + g_date_time_get_month (now);
  n = g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year);
  if (year * 100 + month == today_ym)
    n = g_date_time_get_day_of_month (now);

  gtk_grid_attach (self->days_grid, grid_label (_("Day"), 0, "heading"), 0, 0, 2, 1);
  gtk_grid_attach (self->days_grid, grid_label (_("Sales (¥)"), 1, "heading"), 2, 0, 1, 1);
  gtk_grid_attach (self->days_grid, grid_label (_("Source"), 0, "heading"), 3, 0, 1, 1);

  self->filling = TRUE;
  for (int d = 1; d <= n; d++)
    {
      DayRow row = { NULL, NULL, NULL, NULL, NULL, NULL, -1, -1 };
      GDate date;
      char weekday[64];
      g_autofree char *day_text = NULL;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, (GDateDay) d, (GDateMonth) month, (GDateYear) year);
      if (g_date_strftime (weekday, sizeof weekday, "%a", &date) == 0)
        weekday[0] = '\0';
      row.date = g_strdup_printf ("%04d-%02d-%02d", year, month, d);
      row.original = g_strdup ("");
      while (stored != NULL && k < stored->len &&
             strcmp (((PlazaSalesDay *) stored->pdata[k])->date, row.date) < 0)
        k++;
      if (stored != NULL && k < stored->len && strcmp (((PlazaSalesDay *) stored->pdata[k])->date, row.date) == 0)
        {
          const PlazaSalesDay *day = stored->pdata[k];

          g_free (row.original);
          row.original = plaza_money_format_plain (day->amount);
          row.source = (int) day->source;
          row.transactions = day->transactions;
          if (day->source != PLAZA_SALES_SOURCE_ESTIMATED)
            self->can_estimate = FALSE;
        }

      day_text = g_strdup_printf ("%02d-%02d", month, d);
      gtk_grid_attach (self->days_grid, grid_label (day_text, 0, "numeric"), 0, d, 1, 1);
      gtk_grid_attach (self->days_grid, grid_label (weekday, 0, "dim-label"), 1, d, 1, 1);

      row.entry = GTK_ENTRY (gtk_entry_new ());
      gtk_editable_set_width_chars (GTK_EDITABLE (row.entry), 14);
      gtk_editable_set_alignment (GTK_EDITABLE (row.entry), 1);
      gtk_widget_add_css_class (GTK_WIDGET (row.entry), "numeric");
      gtk_editable_set_text (GTK_EDITABLE (row.entry), row.original);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row.entry), GTK_ACCESSIBLE_PROPERTY_LABEL, row.date, -1);
      gtk_grid_attach (self->days_grid, GTK_WIDGET (row.entry), 2, d, 1, 1);

      row.source_label = GTK_LABEL (grid_label (source_text (row.source), 0, "dim-label"));
      gtk_widget_set_hexpand (GTK_WIDGET (row.source_label), TRUE);
      gtk_grid_attach (self->days_grid, GTK_WIDGET (row.source_label), 3, d, 1, 1);
      row.error_label = GTK_LABEL (grid_label ("", 0, "error"));
      gtk_widget_set_visible (GTK_WIDGET (row.error_label), FALSE);
      gtk_label_set_wrap (row.error_label, TRUE);
      gtk_grid_attach (self->days_grid, GTK_WIDGET (row.error_label), 4, d, 1, 1);

      g_array_append_val (self->days, row);
      g_signal_connect (row.entry, "changed", G_CALLBACK (day_changed_cb), self);
      g_signal_connect (row.entry, "activate", G_CALLBACK (day_activate_cb), self);
    }
  self->filling = FALSE;
}

static DayRow *
day_row (PlazaSalesEntryDialog *self,
         guint                  day)
{
  if (self->days == NULL || day == 0 || day > self->days->len)
    return NULL;
  return &g_array_index (self->days, DayRow, day - 1);
}

void
plaza_sales_entry_dialog_revert (PlazaSalesEntryDialog *self)
{
  for (guint i = 0; self->days != NULL && i < self->days->len; i++)
    {
      DayRow *row = &g_array_index (self->days, DayRow, i);

      gtk_editable_set_text (GTK_EDITABLE (row->entry), row->original);
    }
}


/* ---- public API: the days ---- */

guint
plaza_sales_entry_dialog_get_n_days (PlazaSalesEntryDialog *self)
{
  g_return_val_if_fail (PLAZA_IS_SALES_ENTRY_DIALOG (self), 0);
  return self->days != NULL ? self->days->len : 0;
}

void
plaza_sales_entry_dialog_set_day (PlazaSalesEntryDialog *self,
                                  guint                  day,
                                  const char            *text)
{
  DayRow *row;

  g_return_if_fail (PLAZA_IS_SALES_ENTRY_DIALOG (self));
  row = day_row (self, day);
  g_return_if_fail (row != NULL);
  gtk_editable_set_text (GTK_EDITABLE (row->entry), text);
}

const char *
plaza_sales_entry_dialog_get_day (PlazaSalesEntryDialog *self,
                                  guint                  day)
{
  DayRow *row;

  g_return_val_if_fail (PLAZA_IS_SALES_ENTRY_DIALOG (self), NULL);
  row = day_row (self, day);
  return row != NULL ? gtk_editable_get_text (GTK_EDITABLE (row->entry)) : NULL;
}

const char *
plaza_sales_entry_dialog_get_day_source (PlazaSalesEntryDialog *self,
                                         guint                  day)
{
  DayRow *row;

  g_return_val_if_fail (PLAZA_IS_SALES_ENTRY_DIALOG (self), NULL);
  row = day_row (self, day);
  return row != NULL ? gtk_label_get_label (row->source_label) : NULL;
}

const char *
plaza_sales_entry_dialog_get_day_error (PlazaSalesEntryDialog *self,
                                        guint                  day)
{
  DayRow *row;

  g_return_val_if_fail (PLAZA_IS_SALES_ENTRY_DIALOG (self), NULL);
  row = day_row (self, day);
  return row != NULL ? row->reason : NULL;
}

