/* plaza-leasing-page-plan.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Leasing page's plan (招商计划): per floor, the vacant units and those
 * whose lease ends within the days chosen, each with its target category,
 * rent range (yuan per m² per day) and candidate brands. A click on a unit
 * asks for its targets, which are written in the worker
 * (plaza_leasing_plan_set_target ()).
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-conflict-dialog.h"
#include "plaza-leasing-page-private.h"
#include "plaza-leasing-plan.h"
#include "plaza-money.h"
#include "plaza-unit.h"

void
plaza_leasing_page_fill_plan (PlazaLeasingPage *self)
{
  GtkWidget *child;
  gint64 floor_id = -1;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->plan_list))) != NULL)
    gtk_list_box_remove (self->plan_list, child);
  if (self->plan == NULL || self->plan->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No vacant or soon-vacant units"));
      gtk_list_box_append (self->plan_list, row);
      return;
    }
  for (guint i = 0; i < self->plan->len; i++)
    {
      PlazaLeasingPlanUnit *u = self->plan->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *target_label;
      g_autofree char *area = plaza_area_format (u->area);
      g_autofree char *title = NULL;
      g_autofree char *status = NULL;
      g_autofree char *target = NULL;
      g_autofree char *brands = g_strjoinv ("、", u->brands);

      if (u->floor_id != floor_id)
        {
          GtkWidget *header = gtk_label_new (u->floor);

          floor_id = u->floor_id;
          gtk_widget_add_css_class (header, "title-4");
          gtk_label_set_xalign (GTK_LABEL (header), 0);
          gtk_widget_set_margin_top (header, 12);
          gtk_widget_set_margin_start (header, 6);
          gtk_list_box_append (self->plan_list, header);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (gtk_widget_get_parent (header)), FALSE);
        }
      title = g_strdup_printf (_("%s · %s m²"), u->code, area);
      if (u->soon_vacant)
        status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s leaves on %s (in %lld day)",
                                               "%s leaves on %s (in %lld days)", (gulong) u->days),
                                  u->tenant, u->lease_end, (long long) u->days);
      else
        status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Vacant for %lld day", "Vacant for %lld days",
                                               (gulong) u->days), (long long) u->days);
      if (u->target_category_id > 0 || u->rent_max > 0 || *brands != '\0')
        {
          g_autofree char *min = plaza_money_format (u->rent_min, FALSE);
          g_autofree char *max = plaza_money_format (u->rent_max, FALSE);

          /* Translators: target category, rent range in yuan per m² per day, candidate brands. */
          target = g_strdup_printf (_("Target: %s, %s–%s yuan/m²/day; brands: %s"),
                                    *u->target_category != '\0' ? u->target_category : u->planned_category,
                                    min, max, *brands != '\0' ? brands : "—");
        }
      else
        target = g_strdup_printf (_("Planned category: %s; no target set"),
                                  *u->planned_category != '\0' ? u->planned_category : "—");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), status);
      target_label = gtk_label_new (target);
      gtk_label_set_wrap (GTK_LABEL (target_label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (target_label), 1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), target_label);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("document-edit-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "plan-index", GUINT_TO_POINTER (i + 1));
      gtk_list_box_append (self->plan_list, row);
    }
}

/* ---- setting a target ---- */

typedef struct
{
  PlazaLeasingPage *page;   /* the copy kept for target_done only */
  gint64  unit_id;
  gint64  rev;
  gint64  category_id;
  gint64  rent_min;
  gint64  rent_max;
  char  **brands;
} TargetJob;

static void
target_job_free (gpointer data)
{
  TargetJob *job = data;

  g_clear_object (&job->page);
  g_strfreev (job->brands);
  g_free (job);
}

static gpointer
target_run (PlazaStore    *store,
            gpointer       data,
            GCancellable  *cancellable G_GNUC_UNUSED,
            GError       **error)
{
  TargetJob *job = data;

  return plaza_leasing_plan_set_target_at (store, job->unit_id, job->rev, job->category_id, job->rent_min,
                                           job->rent_max, (const char * const *) job->brands, error)
         ? GINT_TO_POINTER (1) : NULL;
}

/* The targets refused as stale, kept while the conflict dialog asks. */
#define STALE_TARGET_KEY "plaza-leasing-stale-target"

static void
conflict_answer_cb (GObject               *owner,
                    PlazaConflictResponse  response)
{
  PlazaLeasingPage *self = PLAZA_LEASING_PAGE (owner);
  TargetJob *job = g_object_steal_data (owner, STALE_TARGET_KEY);

  if (job == NULL)
    return;
  /* Save Mine Over Theirs: mine again, over whatever is there now (the
   * log keeps both). Reload Theirs and Keep Editing: the plan shows theirs,
   * already reloaded. */
  if (response == PLAZA_CONFLICT_SAVE_OVER)
    plaza_leasing_page_set_target (self, job->unit_id, -1, job->category_id, job->rent_min, job->rent_max,
                                   (const char * const *) job->brands);
  target_job_free (job);
}

static TargetJob *
target_job_copy (const TargetJob *job)
{
  TargetJob *copy = g_memdup2 (job, sizeof *job);

  copy->brands = g_strdupv (job->brands);
  return copy;
}

static void
target_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  TargetJob *mine = user_data;   /* a copy of the job, and the page in it */
  PlazaLeasingPage *self = g_steal_pointer (&mine->page);
  g_autoptr(GError) error = NULL;

  if (plaza_worker_run_finish (PLAZA_WORKER (source), result, &error) == NULL &&
      g_error_matches (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_CONFLICT))
    {
      gint64 unit_id = mine->unit_id;

      /* Someone else saved this unit's targets since the plan loaded: who,
       * when and what, then theirs or mine (conflict_answer_cb). */
      g_object_set_data_full (G_OBJECT (self), STALE_TARGET_KEY, g_steal_pointer (&mine), target_job_free);
      plaza_conflict_dialog_show (GTK_WIDGET (self), self->worker, "unit", unit_id, self->plan_seq, error,
                                  conflict_answer_cb, G_OBJECT (self));
    }
  else if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *text = g_strdup_printf (_("Target not saved: %s"), error->message);

      plaza_leasing_page_toast (self, text);
    }
  g_clear_pointer (&mine, target_job_free);
  self->setting--;
  plaza_leasing_page_load (self);
  g_object_unref (self);
}

void
plaza_leasing_page_set_target (PlazaLeasingPage   *self,
                               gint64              unit_id,
                               gint64              rev,
                               gint64              category_id,
                               gint64              rent_min,
                               gint64              rent_max,
                               const char * const *brands)
{
  TargetJob *job;
  TargetJob *mine;

  g_return_if_fail (PLAZA_IS_LEASING_PAGE (self));

  if (self->worker == NULL)
    return;
  job = g_new0 (TargetJob, 1);
  job->unit_id = unit_id;
  job->rev = rev;
  job->category_id = category_id;
  job->rent_min = rent_min;
  job->rent_max = rent_max;
  job->brands = g_strdupv ((char **) brands);
  mine = target_job_copy (job);
  mine->page = g_object_ref (self);
  self->setting++;
  plaza_worker_run_async (self->worker, target_run, job, target_job_free, NULL, target_done, mine);
}

typedef struct
{
  PlazaLeasingPage *self;
  gint64            unit_id;
  gint64            rev;
  GtkDropDown      *category;
  GtkEditable      *rent_min;
  GtkEditable      *rent_max;
  GtkEditable      *brands;
} TargetAsk;

static void
target_response_cb (AdwMessageDialog *dialog G_GNUC_UNUSED,
                    const char       *response,
                    gpointer          user_data)
{
  TargetAsk *ask = user_data;
  PlazaLeasingPage *self = ask->self;

  if (g_str_equal (response, "save"))
    {
      guint selected = gtk_drop_down_get_selected (ask->category);
      gint64 category_id = 0, min = 0, max = 0;
      const char *min_text = gtk_editable_get_text (ask->rent_min);
      const char *max_text = gtk_editable_get_text (ask->rent_max);
      g_auto(GStrv) brands = g_regex_split_simple ("[,，、;；]\\s*", gtk_editable_get_text (ask->brands), 0, 0);

      if (selected > 0 && self->categories != NULL && selected <= self->categories->len)
        category_id = ((PlazaUnitCategory *) self->categories->pdata[selected - 1])->id;
      if ((*min_text != '\0' && !plaza_money_parse (min_text, &min)) ||
          (*max_text != '\0' && !plaza_money_parse (max_text, &max)))
        plaza_leasing_page_toast (self, _("Enter the rents in yuan per m² per day, like 8.50."));
      else
        {
          for (guint i = 0; brands[i] != NULL; i++)
            g_strstrip (brands[i]);
          plaza_leasing_page_set_target (self, ask->unit_id, ask->rev, category_id, min, max,
                                         (const char * const *) brands);
        }
    }
  g_object_unref (ask->self);
  g_free (ask);
}

static void
plan_row_activated_cb (PlazaLeasingPage *self,
                       GtkListBoxRow    *row)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "plan-index"));
  PlazaLeasingPlanUnit *u;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *heading = NULL;
  g_autofree char *min = NULL;
  g_autofree char *max = NULL;
  g_autofree char *brands = NULL;
  GtkWidget *dialog, *box, *entry;
  TargetAsk *ask;
  guint selected = 0;

  if (index == 0 || self->plan == NULL || index > self->plan->len)
    return;
  u = self->plan->pdata[index - 1];
  heading = g_strdup_printf (_("Target for %s"), u->code);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   _("The category, the rent range in yuan per m² per day and the brands to approach."));
  ask = g_new0 (TargetAsk, 1);
  ask->self = g_object_ref (self);
  ask->unit_id = u->unit_id;
  ask->rev = u->target_rev;

  gtk_string_list_append (names, _("No category"));
  for (guint i = 0; self->categories != NULL && i < self->categories->len; i++)
    {
      PlazaUnitCategory *c = self->categories->pdata[i];

      gtk_string_list_append (names, c->name);
      if (c->id == (u->target_category_id > 0 ? u->target_category_id : u->planned_category_id))
        selected = i + 1;
    }
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  ask->category = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL));
  gtk_drop_down_set_selected (ask->category, selected);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (ask->category));
  min = u->rent_min > 0 ? plaza_money_format_plain (u->rent_min) : g_strdup ("");
  max = u->rent_max > 0 ? plaza_money_format_plain (u->rent_max) : g_strdup ("");
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Lowest rent"));
  gtk_editable_set_text (GTK_EDITABLE (entry), min);
  ask->rent_min = GTK_EDITABLE (entry);
  gtk_box_append (GTK_BOX (box), entry);
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Highest rent"));
  gtk_editable_set_text (GTK_EDITABLE (entry), max);
  ask->rent_max = GTK_EDITABLE (entry);
  gtk_box_append (GTK_BOX (box), entry);
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Brands, separated by commas"));
  brands = g_strjoinv ("、", u->brands);
  gtk_editable_set_text (GTK_EDITABLE (entry), brands);
  ask->brands = GTK_EDITABLE (entry);
  gtk_box_append (GTK_BOX (box), entry);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  g_signal_connect (dialog, "response", G_CALLBACK (target_response_cb), ask);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
days_changed_cb (PlazaLeasingPage *self)
{
  if (self->worker != NULL)
    plaza_leasing_page_load (self);
}

GtkWidget *
plaza_leasing_page_build_plan (PlazaLeasingPage *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_box_append (GTK_BOX (bar), gtk_label_new (_("Leases ending within")));
  self->plan_days = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 730, 30));
  gtk_spin_button_set_value (self->plan_days, 90);
  g_signal_connect_swapped (self->plan_days, "value-changed", G_CALLBACK (days_changed_cb), self);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->plan_days));
  gtk_box_append (GTK_BOX (bar), gtk_label_new (_("days")));
  gtk_box_append (GTK_BOX (box), bar);
  self->plan_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->plan_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->plan_list), "boxed-list");
  g_signal_connect_swapped (self->plan_list, "row-activated", G_CALLBACK (plan_row_activated_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->plan_list));
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1000);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  return scroller;
}
