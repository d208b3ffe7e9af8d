/* plaza-unit-window-split.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The unit window's Split… dialog (2 to 8 parts, each a code, a gross and
 * a rentable area, prefilled with equal parts; Split is enabled once the
 * areas add up to the unit's) and Merge… dialog (one of the unit's
 * neighbours on its floor and the merged unit's code), and the worker jobs
 * calling plaza_unit_split() / plaza_unit_merge().
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-money.h"
#include "plaza-unit-window-private.h"

#define MAX_PARTS 8

/* ---- jobs ---- */

typedef struct
{
  gint64         unit_id;
  gint64         rev;
  gint64         other_id;
  gint64         other_rev;
  GArray        *parts;   /* PlazaUnitPart, codes owned in @codes */
  GPtrArray     *codes;
  char          *code;
  char          *date;
  GArray        *new_ids;
} ShapeJob;

static void
shape_job_free (gpointer data)
{
  ShapeJob *job = data;

  g_clear_pointer (&job->parts, g_array_unref);
  g_clear_pointer (&job->codes, g_ptr_array_unref);
  g_clear_pointer (&job->new_ids, g_array_unref);
  g_free (job->code);
  g_free (job->date);
  g_free (job);
}

static char *
today_text (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static gpointer
split_job (PlazaStore   *store,
           gpointer      data,
           GCancellable *cancellable G_GNUC_UNUSED,
           GError      **error)
{
  ShapeJob *job = data;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (!plaza_unit_split (store, job->unit_id, job->rev, (PlazaUnitPart *) (void *) job->parts->data,
                         job->parts->len, job->date, ids, error))
    {
      g_array_unref (ids);
      return NULL;
    }
  return ids;
}

static void
split_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(PlazaUnitWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  GArray *ids = plaza_worker_run_finish (PLAZA_WORKER (source), result, &error);

  plaza_unit_window_busy_pop (self);
  if (ids == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Not split: %s"), error->message);

      plaza_unit_window_toast (self, text);
      return;
    }
  g_array_set_size (self->new_ids, 0);
  g_array_append_vals (self->new_ids, ids->data, ids->len);
  g_array_unref (ids);
  plaza_unit_window_done (self, _("Unit split"));
}

void
plaza_unit_window_split (PlazaUnitWindow     *self,
                         const PlazaUnitPart *parts,
                         guint                n_parts)
{
  ShapeJob *job;

  g_return_if_fail (PLAZA_IS_UNIT_WINDOW (self));
  g_return_if_fail (self->unit != NULL);

  job = g_new0 (ShapeJob, 1);
  job->unit_id = self->unit->id;
  job->rev = self->unit->rev;
  job->parts = g_array_new (FALSE, TRUE, sizeof (PlazaUnitPart));
  job->codes = g_ptr_array_new_with_free_func (g_free);
  job->date = today_text ();
  for (guint i = 0; i < n_parts; i++)
    {
      PlazaUnitPart part = parts[i];
      char *code = g_strdup (parts[i].code);

      g_ptr_array_add (job->codes, code);
      part.code = code;
      g_array_append_val (job->parts, part);
    }
  plaza_unit_window_busy_push (self);
  plaza_worker_run_async (self->worker, split_job, job, shape_job_free, self->cancellable, split_done_cb,
                          g_object_ref (self));
}

static gpointer
merge_job (PlazaStore   *store,
           gpointer      data,
           GCancellable *cancellable G_GNUC_UNUSED,
           GError      **error)
{
  ShapeJob *job = data;
  gint64 ids[2] = { job->unit_id, job->other_id };
  gint64 revs[2] = { job->rev, job->other_rev };
  gint64 id = plaza_unit_merge (store, ids, revs, 2, job->code, job->date, error);

  return id > 0 ? GINT_TO_POINTER (1) : NULL;
}

static void
merge_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(PlazaUnitWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gpointer ok = plaza_worker_run_finish (PLAZA_WORKER (source), result, &error);

  plaza_unit_window_busy_pop (self);
  if (ok == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Not merged: %s"), error->message);

      plaza_unit_window_toast (self, text);
      return;
    }
  plaza_unit_window_done (self, _("Units merged"));
}

void
plaza_unit_window_merge (PlazaUnitWindow *self,
                         gint64           other_id,
                         const char      *code)
{
  ShapeJob *job;

  g_return_if_fail (PLAZA_IS_UNIT_WINDOW (self));
  g_return_if_fail (self->unit != NULL);

  job = g_new0 (ShapeJob, 1);
  job->unit_id = self->unit->id;
  job->rev = self->unit->rev;
  job->other_id = other_id;
  /* The neighbour as loaded with the window: a change since is a conflict. */
  job->other_rev = -1;
  for (guint i = 0; self->neighbours != NULL && i < self->neighbours->len; i++)
    if (((PlazaUnit *) g_ptr_array_index (self->neighbours, i))->id == other_id)
      job->other_rev = ((PlazaUnit *) g_ptr_array_index (self->neighbours, i))->rev;
  job->code = g_strdup (code);
  job->date = today_text ();
  plaza_unit_window_busy_push (self);
  plaza_worker_run_async (self->worker, merge_job, job, shape_job_free, self->cancellable, merge_done_cb,
                          g_object_ref (self));
}

/* ---- the Split… dialog ---- */

typedef struct
{
  PlazaUnitWindow *window;  /* weak: the dialog is modal on it */
  GtkSpinButton   *count;
  GtkGrid         *grid;
  GtkEntry        *codes[MAX_PARTS];
  GtkEntry        *gross[MAX_PARTS];
  GtkEntry        *rentable[MAX_PARTS];
  GtkLabel        *sums;
  AdwMessageDialog *dialog;
  guint            n;
} SplitDialog;

static char *
area_text (gint64 area)
{
  return g_strdup_printf ("%lld.%02lld", (long long) (area / 100), (long long) (area % 100));
}

/* Reads the parts; TRUE when every area parses, the codes are set and the
 * sums match; @message says what is wrong. */
static gboolean
read_parts (SplitDialog   *d,
            PlazaUnitPart *parts,
            char         **message)
{
  const PlazaUnit *unit = d->window->unit;
  gint64 gross = 0;
  gint64 rentable = 0;

  for (guint i = 0; i < d->n; i++)
    {
      parts[i].code = gtk_editable_get_text (GTK_EDITABLE (d->codes[i]));
      if (*parts[i].code == '\0')
        {
          *message = g_strdup (_("Every part needs a code"));
          return FALSE;
        }
      if (!plaza_area_parse (gtk_editable_get_text (GTK_EDITABLE (d->gross[i])), &parts[i].gross_area)
          || !plaza_area_parse (gtk_editable_get_text (GTK_EDITABLE (d->rentable[i])), &parts[i].rentable_area))
        {
          *message = g_strdup (_("An area is m² with at most two decimals"));
          return FALSE;
        }
      gross += parts[i].gross_area;
      rentable += parts[i].rentable_area;
    }
  {
    g_autofree char *g = area_text (gross);
    g_autofree char *r = area_text (rentable);
    g_autofree char *ug = area_text (unit->gross_area);
    g_autofree char *ur = area_text (unit->rentable_area);

    if (gross != unit->gross_area || rentable != unit->rentable_area)
      {
        *message = g_strdup_printf (_("The parts add up to %s m² gross and %s m² rentable; the unit has %s and %s"),
                                    g, r, ug, ur);
        return FALSE;
      }
    *message = g_strdup_printf (_("The parts add up to the unit’s %s m² gross and %s m² rentable"), ug, ur);
  }
  return TRUE;
}

static void
check_parts (SplitDialog *d)
{
  PlazaUnitPart parts[MAX_PARTS] = { { 0 } };
  g_autofree char *message = NULL;
  gboolean ok = read_parts (d, parts, &message);

  gtk_label_set_label (d->sums, message);
  if (ok)
    gtk_widget_remove_css_class (GTK_WIDGET (d->sums), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (d->sums), "error");
  adw_message_dialog_set_response_enabled (d->dialog, "split", ok);
}

static void
fill_parts (SplitDialog *d)
{
  const PlazaUnit *unit = d->window->unit;
  guint n = (guint) gtk_spin_button_get_value_as_int (d->count);

  d->n = CLAMP (n, 2, MAX_PARTS);
  for (guint i = 0; i < MAX_PARTS; i++)
    {
      gboolean shown = i < d->n;
      /* Equal parts; the last takes what is left. */
      gint64 g = i + 1 < d->n ? unit->gross_area / d->n : unit->gross_area - (unit->gross_area / d->n) * (d->n - 1);
      gint64 r = i + 1 < d->n ? unit->rentable_area / d->n
                              : unit->rentable_area - (unit->rentable_area / d->n) * (d->n - 1);
      g_autofree char *code = g_strdup_printf ("%s-%u", unit->code, i + 1);
      g_autofree char *gt = area_text (g);
      g_autofree char *rt = area_text (r);

      gtk_widget_set_visible (GTK_WIDGET (d->codes[i]), shown);
      gtk_widget_set_visible (GTK_WIDGET (d->gross[i]), shown);
      gtk_widget_set_visible (GTK_WIDGET (d->rentable[i]), shown);
      gtk_editable_set_text (GTK_EDITABLE (d->codes[i]), code);
      gtk_editable_set_text (GTK_EDITABLE (d->gross[i]), gt);
      gtk_editable_set_text (GTK_EDITABLE (d->rentable[i]), rt);
    }
  check_parts (d);
}

static void
split_response_cb (AdwMessageDialog *dialog G_GNUC_UNUSED,
                   const char       *response,
                   SplitDialog      *d)
{
  PlazaUnitPart parts[MAX_PARTS] = { { 0 } };
  g_autofree char *message = NULL;

  if (g_strcmp0 (response, "split") != 0 || !read_parts (d, parts, &message))
    return;
  plaza_unit_window_split (d->window, parts, d->n);
}

static GtkEntry *
part_entry (SplitDialog *d,
            guint        column,
            guint        row,
            gboolean     numeric)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_width_chars (GTK_EDITABLE (entry), numeric ? 9 : 12);
  if (numeric)
    gtk_entry_set_alignment (GTK_ENTRY (entry), 1.0f);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (check_parts), d);
  gtk_grid_attach (d->grid, entry, (int) column, (int) row, 1, 1);
  return GTK_ENTRY (entry);
}

GtkWindow *
plaza_unit_window_open_split (PlazaUnitWindow *self)
{
  SplitDialog *d;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *count_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *body = NULL;

  g_return_val_if_fail (PLAZA_IS_UNIT_WINDOW (self), NULL);
  g_return_val_if_fail (self->unit != NULL, NULL);

  d = g_new0 (SplitDialog, 1);
  d->window = self;
  body = g_strdup_printf (_("The new units replace %s, which is retired; their areas must add up to its own."),
                          self->unit->code);
  d->dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Split Unit"), body));
  g_object_set_data_full (G_OBJECT (d->dialog), "split-dialog", d, g_free);

  d->count = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (2, MAX_PARTS, 1));
  gtk_box_append (GTK_BOX (count_box), gtk_label_new (_("Parts")));
  gtk_box_append (GTK_BOX (count_box), GTK_WIDGET (d->count));
  d->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_row_spacing (d->grid, 6);
  gtk_grid_set_column_spacing (d->grid, 6);
  gtk_grid_attach (d->grid, gtk_label_new (_("Code")), 0, 0, 1, 1);
  gtk_grid_attach (d->grid, gtk_label_new (_("Gross m²")), 1, 0, 1, 1);
  gtk_grid_attach (d->grid, gtk_label_new (_("Rentable m²")), 2, 0, 1, 1);
  for (guint i = 0; i < MAX_PARTS; i++)
    {
      d->codes[i] = part_entry (d, 0, i + 1, FALSE);
      d->gross[i] = part_entry (d, 1, i + 1, TRUE);
      d->rentable[i] = part_entry (d, 2, i + 1, TRUE);
    }
  d->sums = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (d->sums, TRUE);
  gtk_box_append (GTK_BOX (box), count_box);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (d->grid));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (d->sums));
  adw_message_dialog_set_extra_child (d->dialog, box);
  adw_message_dialog_add_responses (d->dialog, "cancel", _("_Cancel"), "split", _("S_plit"), NULL);
  adw_message_dialog_set_response_appearance (d->dialog, "split", ADW_RESPONSE_SUGGESTED);
  g_signal_connect (d->dialog, "response", G_CALLBACK (split_response_cb), d);
  g_signal_connect_swapped (d->count, "value-changed", G_CALLBACK (fill_parts), d);
  fill_parts (d);
  gtk_window_present (GTK_WINDOW (d->dialog));
  return GTK_WINDOW (d->dialog);
}

/* ---- the Merge… dialog ---- */

static void
merge_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   PlazaUnitWindow  *self)
{
  GtkDropDown *drop = g_object_get_data (G_OBJECT (dialog), "neighbour");
  GtkEditable *code = g_object_get_data (G_OBJECT (dialog), "code");
  guint i = gtk_drop_down_get_selected (drop);

  if (g_strcmp0 (response, "merge") != 0 || self->neighbours == NULL || i >= self->neighbours->len)
    return;
  plaza_unit_window_merge (self, ((PlazaUnit *) g_ptr_array_index (self->neighbours, i))->id,
                           gtk_editable_get_text (code));
}

void
plaza_unit_window_open_merge (PlazaUnitWindow *self)
{
  GtkWidget *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkStringList *names = gtk_string_list_new (NULL);
  GtkWidget *drop;
  GtkWidget *code = gtk_entry_new ();
  g_autofree char *body = NULL;

  if (self->unit == NULL || self->neighbours == NULL || self->neighbours->len == 0)
    return;
  for (guint i = 0; i < self->neighbours->len; i++)
    gtk_string_list_append (names, ((PlazaUnit *) g_ptr_array_index (self->neighbours, i))->code);
  drop = gtk_drop_down_new (G_LIST_MODEL (names), NULL);
  gtk_editable_set_text (GTK_EDITABLE (code), self->unit->code);
  gtk_entry_set_placeholder_text (GTK_ENTRY (code), _("New code"));
  gtk_widget_set_hexpand (code, TRUE);
  gtk_box_append (GTK_BOX (box), drop);
  gtk_box_append (GTK_BOX (box), code);
  body = g_strdup_printf (_("Merge %s with a neighbouring unit on its floor into a new vacant unit; both are retired."),
                          self->unit->code);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Merge Units"), body);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "merge", _("_Merge"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "merge", ADW_RESPONSE_SUGGESTED);
  g_object_set_data (G_OBJECT (dialog), "neighbour", drop);
  g_object_set_data (G_OBJECT (dialog), "code", code);
  g_signal_connect_object (dialog, "response", G_CALLBACK (merge_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
