/* plaza-prospect-window.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A prospect of the leasing pipeline in its own window: the details, the
 * stage with buttons one step back, one step on or dropped (with the
 * reason asked), the negotiation log with a row to add an entry, and the
 * offer form (plaza-prospect-window-offer.c). Loads and writes run in the
 * worker; the window never touches SQLite.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-change-log.h"
#include "plaza-conflict-dialog.h"
#include "plaza-history-window.h"
#include "plaza-live-banner.h"
#include "plaza-leasing-plan.h"
#include "plaza-role-guard.h"
#include "plaza-money.h"
#include "plaza-prospect-window-private.h"

G_DEFINE_FINAL_TYPE (PlazaProspectWindow, plaza_prospect_window, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_CHANGED,
  SIGNAL_CONTRACT_CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum
{
  ROW_NAME,
  ROW_BRAND,
  ROW_CATEGORY,
  ROW_AREA,
  ROW_CONTACT,
  ROW_PHONE,
  ROW_SOURCE,
  ROW_OWNER,
  ROW_UNIT,
  ROW_CONTRACT,
  ROW_DAYS,
  ROW_REASON,
  N_ROWS
};

static const char * const row_titles[N_ROWS] = {
  N_("Name"), N_("Brand"), N_("Category"), N_("Wanted area"), N_("Contact"), N_("Phone"),
  N_("Source"), N_("Owner"), N_("Target unit"), N_("Draft contract"), N_("In this stage"), N_("Reason dropped"),
};

void
plaza_prospect_window_add_field (PlazaProspectWindow *self,
                                 const char          *name,
                                 GtkWidget           *widget)
{
  g_hash_table_insert (self->fields, (gpointer) name, widget);
}

GtkWidget *
plaza_prospect_window_get_field (PlazaProspectWindow *self,
                                 const char          *name)
{
  g_return_val_if_fail (PLAZA_IS_PROSPECT_WINDOW (self), NULL);
  return g_hash_table_lookup (self->fields, name);
}

static void
update_actions (PlazaProspectWindow *self)
{
  const PlazaProspect *p = self->prospect;
  gboolean idle = self->busy == 0 && p != NULL && !plaza_worker_is_read_only (self->worker);
  gboolean open = p != NULL && p->stage != PLAZA_PROSPECT_SIGNED && p->stage != PLAZA_PROSPECT_DROPPED;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prospect.back",
                                 idle && open && p->stage > PLAZA_PROSPECT_CONTACT);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prospect.advance",
                                 idle && open && (p->stage != PLAZA_PROSPECT_APPROVAL || p->contract_id > 0));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prospect.drop", idle && open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prospect.add-entry", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prospect.make-contract",
                                 idle && p->contract_id == 0 &&
                                 (p->stage == PLAZA_PROSPECT_INTENT || p->stage == PLAZA_PROSPECT_APPROVAL));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prospect.record-offer",
                                 idle && p->contract_id == 0 && open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prospect.reload", self->busy == 0);
}

void
plaza_prospect_window_set_busy (PlazaProspectWindow *self,
                                gboolean             busy)
{
  if (busy)
    self->busy++;
  else if (self->busy > 0)
    self->busy--;
  update_actions (self);
}

void
plaza_prospect_window_show_error (PlazaProspectWindow *self,
                                  const char          *what,
                                  const GError        *error)
{
  g_autofree char *text = g_strdup_printf ("%s: %s", what, error != NULL ? error->message : "?");

  g_free (self->error);
  self->error = g_strdup (text);
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (text));
}

/* ---- showing the prospect ---- */

static void
set_row (PlazaProspectWindow *self,
         guint                row,
         const char          *value)
{
  gtk_label_set_label (GTK_LABEL (self->detail_rows[row]), value != NULL && *value != '\0' ? value : "—");
}

static void
clear_log (PlazaProspectWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->log_list))) != NULL)
    gtk_list_box_remove (self->log_list, child);
}

static void
show_log (PlazaProspectWindow *self)
{
  clear_log (self);
  if (self->log == NULL || self->log->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No entries yet"));
      gtk_list_box_append (self->log_list, row);
      return;
    }
  for (guint i = self->log->len; i > 0; i--)
    {
      PlazaNegotiation *n = self->log->pdata[i - 1];
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *what = NULL;

      title = g_strdup_printf ("%s · %s", n->date, *n->who != '\0' ? n->who : "—");
      if (n->offer_rent >= 0)
        {
          g_autofree char *money = plaza_money_format (n->offer_rent, TRUE);
          /* Translators: the rent offered in a negotiation, e.g. "¥45,000.00". */
          g_autofree char *rent = g_strdup_printf (_("Offered rent: %s a month"), money);

          what = *n->offer != '\0' ? g_strdup_printf ("%s\n%s", n->offer, rent) : g_steal_pointer (&rent);
        }
      else
        what = g_strdup (n->offer);
      if (*n->next_date != '\0')
        /* Translators: what was offered, then the next step and its date. */
        subtitle = g_strdup_printf (_("%s\nNext: %s (by %s)"), what, n->next_step, n->next_date);
      else if (*n->next_step != '\0')
        subtitle = g_strdup_printf (_("%s\nNext: %s"), what, n->next_step);
      else
        subtitle = g_steal_pointer (&what);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->log_list, row);
    }
}

static void
show_prospect (PlazaProspectWindow *self)
{
  const PlazaProspect *p = self->prospect;
  g_autofree char *area = plaza_area_format (p->wanted_area);
  g_autofree char *area_text = g_strdup_printf (_("%s m²"), area);
  g_autofree char *days = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lld day, since %s", "%lld days, since %s",
                                                         (gulong) p->days_in_stage),
                                           (long long) p->days_in_stage, p->stage_since);
  g_autofree char *stage = NULL;

  adw_window_title_set_title (self->title, p->name);
  adw_window_title_set_subtitle (self->title, plaza_prospect_stage_label (p->stage));
  gtk_window_set_title (GTK_WINDOW (self), p->name);
  set_row (self, ROW_NAME, p->name);
  set_row (self, ROW_BRAND, p->brand);
  set_row (self, ROW_CATEGORY, p->category);
  set_row (self, ROW_AREA, area_text);
  set_row (self, ROW_CONTACT, p->contact);
  set_row (self, ROW_PHONE, p->phone);
  set_row (self, ROW_SOURCE, p->source);
  set_row (self, ROW_OWNER, p->owner);
  set_row (self, ROW_UNIT, p->target_unit);
  set_row (self, ROW_CONTRACT, p->contract_code);
  set_row (self, ROW_DAYS, days);
  set_row (self, ROW_REASON, p->drop_reason);
  gtk_widget_set_visible (self->detail_rows[ROW_REASON], p->stage == PLAZA_PROSPECT_DROPPED);
  gtk_widget_set_visible (self->detail_titles[ROW_REASON], p->stage == PLAZA_PROSPECT_DROPPED);

  stage = g_strdup_printf (_("Stage: %s"), plaza_prospect_stage_label (p->stage));
  gtk_label_set_label (self->stage_label, stage);
  if (p->stage > PLAZA_PROSPECT_CONTACT && p->stage < PLAZA_PROSPECT_SIGNED)
    {
      g_autofree char *label = g_strdup_printf (_("Back to %s"), plaza_prospect_stage_label (p->stage - 1));
      gtk_button_set_label (GTK_BUTTON (self->back_button), label);
    }
  else
    gtk_button_set_label (GTK_BUTTON (self->back_button), _("Back"));
  if (p->stage < PLAZA_PROSPECT_SIGNED)
    {
      g_autofree char *label = g_strdup_printf (_("On to %s"), plaza_prospect_stage_label (p->stage + 1));
      gtk_button_set_label (GTK_BUTTON (self->advance_button), label);
    }
  else
    gtk_button_set_label (GTK_BUTTON (self->advance_button), _("On"));
  show_log (self);
  plaza_prospect_window_update_offer (self);
  update_actions (self);
}

/* ---- loading ---- */

typedef struct
{
  PlazaProspect *prospect;
  GPtrArray     *log;
  GPtrArray     *units;
  gint64         seq;
} Loaded;

static void
loaded_free (Loaded *loaded)
{
  g_clear_pointer (&loaded->prospect, plaza_prospect_free);
  g_clear_pointer (&loaded->log, g_ptr_array_unref);
  g_clear_pointer (&loaded->units, g_ptr_array_unref);
  g_free (loaded);
}

static gpointer
load_run (PlazaStore    *store,
          gpointer       data,
          GCancellable  *cancellable G_GNUC_UNUSED,
          GError       **error)
{
  gint64 id = *(gint64 *) data;
  Loaded *loaded = g_new0 (Loaded, 1);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  loaded->seq = MAX (plaza_change_log_last_seq (store, NULL), 0);
  loaded->prospect = plaza_prospect_get (store, id, NULL, error);
  if (loaded->prospect != NULL)
    loaded->log = plaza_prospect_list_negotiations (store, id, error);
  if (loaded->log != NULL)
    loaded->units = plaza_leasing_plan_list (store, 0, today, 365, error);
  if (loaded->units == NULL)
    {
      loaded_free (loaded);
      return NULL;
    }
  return loaded;
}

static void
load_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  PlazaProspectWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  Loaded *loaded = plaza_worker_run_finish (PLAZA_WORKER (source), result, &error);

  if (loaded != NULL)
    {
      g_clear_pointer (&self->prospect, plaza_prospect_free);
      g_clear_pointer (&self->log, g_ptr_array_unref);
      g_clear_pointer (&self->units, g_ptr_array_unref);
      self->prospect = g_steal_pointer (&loaded->prospect);
      self->log = g_steal_pointer (&loaded->log);
      self->units = g_steal_pointer (&loaded->units);
      self->seq = loaded->seq;
      loaded_free (loaded);
      show_prospect (self);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    plaza_prospect_window_show_error (self, _("The prospect could not be loaded"), error);
  plaza_prospect_window_set_busy (self, FALSE);
  g_object_unref (self);
}

void
plaza_prospect_window_reload (PlazaProspectWindow *self)
{
  gint64 *id = g_new (gint64, 1);

  *id = self->id;
  plaza_prospect_window_set_busy (self, TRUE);
  plaza_worker_run_async (self->worker, load_run, id, g_free, self->cancellable, load_done, g_object_ref (self));
}

/* ---- writes ---- */

typedef struct
{
  gint64              id;
  gint64              rev;
  PlazaProspectStage  to;
  char               *reason;
  char               *date;
  char               *who;
  char               *offer;
  char               *next_step;
  char               *next_date;
  gint64              offer_rent;   /* fen a month, -1: none */
} WriteJob;

static void
write_job_free (gpointer data)
{
  WriteJob *job = data;

  g_free (job->reason);
  g_free (job->date);
  g_free (job->who);
  g_free (job->offer);
  g_free (job->next_step);
  g_free (job->next_date);
  g_free (job);
}

static gpointer
move_run (PlazaStore    *store,
          gpointer       data,
          GCancellable  *cancellable G_GNUC_UNUSED,
          GError       **error)
{
  WriteJob *job = data;

  return plaza_prospect_move (store, job->id, job->rev, job->to, job->reason, error) ? GINT_TO_POINTER (1) : NULL;
}

static gpointer
entry_run (PlazaStore    *store,
           gpointer       data,
           GCancellable  *cancellable G_GNUC_UNUSED,
           GError       **error)
{
  WriteJob *job = data;

  return plaza_prospect_add_negotiation_with_rent (store, job->id, job->date, job->who, job->offer, job->next_step,
                                                   job->next_date, job->offer_rent, NULL, error) > 0
         ? GINT_TO_POINTER (1) : NULL;
}

static void move_to (PlazaProspectWindow *self,
                     PlazaProspectStage   to,
                     const char          *reason,
                     gboolean             over);

/* The answer to the shared conflict dialog after a refused stage move:
 * Save Mine Over Theirs makes the same move at the current rev. */
static void
conflict_answer_cb (GObject               *owner,
                    PlazaConflictResponse  response)
{
  PlazaProspectWindow *self = PLAZA_PROSPECT_WINDOW (owner);
  gpointer to = g_object_get_data (owner, "plaza-move-to");

  if (response == PLAZA_CONFLICT_RELOAD)
    plaza_prospect_window_reload (self);
  else if (response == PLAZA_CONFLICT_SAVE_OVER && to != NULL)
    move_to (self, (PlazaProspectStage) (GPOINTER_TO_INT (to) - 1), g_object_get_data (owner, "plaza-move-reason"),
             TRUE);
}

static void
write_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  PlazaProspectWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  gpointer ok = plaza_worker_run_finish (PLAZA_WORKER (source), result, &error);

  plaza_prospect_window_set_busy (self, FALSE);
  if (ok != NULL)
    {
      g_clear_pointer (&self->error, g_free);
      g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
      plaza_prospect_window_reload (self);
    }
  else if (g_error_matches (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_CONFLICT))
    plaza_conflict_dialog_show (GTK_WIDGET (self), self->worker, "prospect", self->id, self->seq, error,
                                conflict_answer_cb, G_OBJECT (self));
  else if (g_error_matches (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_BUSY))
    adw_toast_overlay_add_toast (self->toasts, plaza_conflict_busy_toast_new (NULL, NULL));
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    plaza_prospect_window_show_error (self, _("Not saved"), error);
  g_object_unref (self);
}

static void
move_to (PlazaProspectWindow *self,
         PlazaProspectStage   to,
         const char          *reason,
         gboolean             over)
{
  WriteJob *job;

  if (self->prospect == NULL || self->busy > 0)
    return;
  job = g_new0 (WriteJob, 1);
  job->reason = g_strdup (reason);   /* first: @reason may be the copy replaced below */
  /* Kept for Save Mine Over Theirs after a conflict. */
  g_object_set_data (G_OBJECT (self), "plaza-move-to", GINT_TO_POINTER ((int) to + 1));
  g_object_set_data_full (G_OBJECT (self), "plaza-move-reason", g_strdup (job->reason), g_free);
  job->id = self->id;
  job->rev = over ? 0 : self->prospect->rev;   /* 0: at whatever rev it has now */
  job->to = to;
  plaza_prospect_window_set_busy (self, TRUE);
  plaza_worker_run_async (self->worker, move_run, job, write_job_free, self->cancellable, write_done, g_object_ref (self));
}

void
plaza_prospect_window_drop (PlazaProspectWindow *self,
                            const char          *reason)
{
  g_return_if_fail (PLAZA_IS_PROSPECT_WINDOW (self));
  move_to (self, PLAZA_PROSPECT_DROPPED, reason, FALSE);
}

static void
advance_action (GtkWidget  *widget,
                const char *action_name G_GNUC_UNUSED,
                GVariant   *param G_GNUC_UNUSED)
{
  PlazaProspectWindow *self = PLAZA_PROSPECT_WINDOW (widget);

  if (self->prospect != NULL && self->prospect->stage < PLAZA_PROSPECT_SIGNED)
    move_to (self, self->prospect->stage + 1, NULL, FALSE);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name G_GNUC_UNUSED,
             GVariant   *param G_GNUC_UNUSED)
{
  PlazaProspectWindow *self = PLAZA_PROSPECT_WINDOW (widget);

  if (self->prospect != NULL && self->prospect->stage > PLAZA_PROSPECT_CONTACT)
    move_to (self, self->prospect->stage - 1, NULL, FALSE);
}

static void
drop_response_cb (AdwMessageDialog    *dialog,
                  const char          *response,
                  PlazaProspectWindow *self)
{
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);

  if (g_str_equal (response, "drop"))
    plaza_prospect_window_drop (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
drop_action (GtkWidget  *widget,
             const char *action_name G_GNUC_UNUSED,
             GVariant   *param G_GNUC_UNUSED)
{
  PlazaProspectWindow *self = PLAZA_PROSPECT_WINDOW (widget);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Drop This Prospect?"),
                                              _("Say why, for the pipeline's record."));
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason"));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "drop", _("_Drop"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "drop", ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (drop_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static const char *
field_text (PlazaProspectWindow *self,
            const char          *name)
{
  return gtk_editable_get_text (GTK_EDITABLE (plaza_prospect_window_get_field (self, name)));
}

static void
add_entry_action (GtkWidget  *widget,
                  const char *action_name G_GNUC_UNUSED,
                  GVariant   *param G_GNUC_UNUSED)
{
  PlazaProspectWindow *self = PLAZA_PROSPECT_WINDOW (widget);
  g_autofree char *rent_text = g_strstrip (g_strdup (field_text (self, "log-rent")));
  gint64 rent = -1;
  WriteJob *job;

  if (self->busy > 0)
    return;
  if (*rent_text != '\0' && (!plaza_money_parse (rent_text, &rent) || rent <= 0))
    {
      adw_toast_overlay_add_toast (self->toasts,
                                   adw_toast_new (_("Offered rent: enter an amount a month like 45,000.00, or leave it empty.")));
      return;
    }
  job = g_new0 (WriteJob, 1);
  job->offer_rent = rent;
  job->id = self->id;
  job->date = g_strstrip (g_strdup (field_text (self, "log-date")));
  job->who = g_strstrip (g_strdup (field_text (self, "log-who")));
  job->offer = g_strstrip (g_strdup (field_text (self, "log-offer")));
  job->next_step = g_strstrip (g_strdup (field_text (self, "log-next")));
  job->next_date = g_strstrip (g_strdup (field_text (self, "log-next-date")));
  plaza_prospect_window_set_busy (self, TRUE);
  plaza_worker_run_async (self->worker, entry_run, job, write_job_free, self->cancellable, write_done, g_object_ref (self));
  gtk_editable_set_text (GTK_EDITABLE (plaza_prospect_window_get_field (self, "log-offer")), "");
  gtk_editable_set_text (GTK_EDITABLE (plaza_prospect_window_get_field (self, "log-next")), "");
  gtk_editable_set_text (GTK_EDITABLE (plaza_prospect_window_get_field (self, "log-next-date")), "");
  gtk_editable_set_text (GTK_EDITABLE (plaza_prospect_window_get_field (self, "log-rent")), "");
}

static void
make_contract_action (GtkWidget  *widget,
                      const char *action_name G_GNUC_UNUSED,
                      GVariant   *param G_GNUC_UNUSED)
{
  plaza_prospect_window_make_contract (PLAZA_PROSPECT_WINDOW (widget));
}

static void
record_offer_action (GtkWidget  *widget,
                     const char *action_name G_GNUC_UNUSED,
                     GVariant   *param G_GNUC_UNUSED)
{
  plaza_prospect_window_record_offer (PLAZA_PROSPECT_WINDOW (widget));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name G_GNUC_UNUSED,
               GVariant   *param G_GNUC_UNUSED)
{
  plaza_prospect_window_reload (PLAZA_PROSPECT_WINDOW (widget));
}

/* ---- building ---- */

static GtkWidget *
entry_row (PlazaProspectWindow *self,
           const char          *name,
           const char          *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  plaza_prospect_window_add_field (self, name, row);
  return row;
}

static GtkWidget *
build_stage_group (PlazaProspectWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->stage_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->stage_label), "title-4");
  gtk_widget_set_hexpand (GTK_WIDGET (self->stage_label), TRUE);
  gtk_label_set_xalign (self->stage_label, 0);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stage_label));
  self->back_button = gtk_button_new_with_label (_("Back"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->back_button), "prospect.back");
  gtk_box_append (GTK_BOX (box), self->back_button);
  self->drop_button = gtk_button_new_with_mnemonic (_("_Drop…"));
  gtk_widget_add_css_class (self->drop_button, "destructive-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->drop_button), "prospect.drop");
  gtk_box_append (GTK_BOX (box), self->drop_button);
  self->advance_button = gtk_button_new_with_label (_("On"));
  gtk_widget_add_css_class (self->advance_button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->advance_button), "prospect.advance");
  gtk_box_append (GTK_BOX (box), self->advance_button);
  return box;
}

static GtkWidget *
build_log_group (PlazaProspectWindow *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *add = adw_preferences_group_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Add Entry"));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  GtkWidget *row;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Negotiation Log"));
  self->log_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->log_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->log_list), "boxed-list");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->log_list));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (add), _("New Entry"));
  row = entry_row (self, "log-date", _("Date (YYYY-MM-DD)"));
  gtk_editable_set_text (GTK_EDITABLE (row), today);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (add), row);
  row = entry_row (self, "log-who", _("Who"));
  gtk_editable_set_text (GTK_EDITABLE (row), g_get_user_name ());
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (add), row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (add), entry_row (self, "log-offer", _("What was offered or said")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (add), entry_row (self, "log-rent", _("Offered rent a month (¥, optional)")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (add), entry_row (self, "log-next", _("Next step")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (add), entry_row (self, "log-next-date", _("Next step by (YYYY-MM-DD)")));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "prospect.add-entry");
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_margin_top (button, 6);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (add), button);

  gtk_box_append (GTK_BOX (box), group);
  gtk_box_append (GTK_BOX (box), add);
  return box;
}

static void
plaza_prospect_window_dispose (GObject *object)
{
  PlazaProspectWindow *self = PLAZA_PROSPECT_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->worker);
  g_clear_pointer (&self->prospect, plaza_prospect_free);
  g_clear_pointer (&self->log, g_ptr_array_unref);
  g_clear_pointer (&self->units, g_ptr_array_unref);
  g_clear_pointer (&self->error, g_free);
  g_clear_pointer (&self->fields, g_hash_table_unref);
  G_OBJECT_CLASS (plaza_prospect_window_parent_class)->dispose (object);
}

static void
plaza_prospect_window_class_init (PlazaProspectWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plaza_prospect_window_dispose;

  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_CONTRACT_CREATED] = g_signal_new ("contract-created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "prospect.advance", NULL, advance_action);
  gtk_widget_class_install_action (widget_class, "prospect.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "prospect.drop", NULL, drop_action);
  gtk_widget_class_install_action (widget_class, "prospect.add-entry", NULL, add_entry_action);
  gtk_widget_class_install_action (widget_class, "prospect.make-contract", NULL, make_contract_action);
  gtk_widget_class_install_action (widget_class, "prospect.record-offer", NULL, record_offer_action);
  gtk_widget_class_install_action (widget_class, "prospect.reload", NULL, reload_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "prospect.reload", NULL);
}

static void
plaza_prospect_window_init (PlazaProspectWindow *self)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *grid;

  self->cancellable = g_cancellable_new ();
  self->fields = g_hash_table_new (g_str_hash, g_str_equal);

  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("Prospect"), NULL));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header),
                           plaza_history_button_new (GTK_WINDOW (self), "prospect", G_STRUCT_OFFSET (PlazaProspectWindow, worker),
                                                     G_STRUCT_OFFSET (PlazaProspectWindow, id)));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  gtk_box_append (GTK_BOX (toolbar), header);

  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), build_stage_group (self));

  /* the details two pairs to a line: the log and the offer stay in view */
  self->details = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->details, _("Details"));
  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_add_css_class (grid, "card");
  for (guint i = 0; i < N_ROWS; i++)
    {
      self->detail_titles[i] = gtk_label_new (_(row_titles[i]));
      gtk_widget_add_css_class (self->detail_titles[i], "dim-label");
      gtk_label_set_xalign (GTK_LABEL (self->detail_titles[i]), 1);
      gtk_widget_set_margin_start (self->detail_titles[i], 12);
      self->detail_rows[i] = gtk_label_new ("—");
      gtk_label_set_xalign (GTK_LABEL (self->detail_rows[i]), 0);
      gtk_label_set_ellipsize (GTK_LABEL (self->detail_rows[i]), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (self->detail_rows[i], TRUE);
      gtk_widget_set_margin_end (self->detail_rows[i], 12);
      if (i / 2 == 0)
        {
          gtk_widget_set_margin_top (self->detail_titles[i], 12);
          gtk_widget_set_margin_top (self->detail_rows[i], 12);
        }
      if (i / 2 == N_ROWS / 2 - 1)
        {
          gtk_widget_set_margin_bottom (self->detail_titles[i], 12);
          gtk_widget_set_margin_bottom (self->detail_rows[i], 12);
        }
      gtk_grid_attach (GTK_GRID (grid), self->detail_titles[i], (int) (i % 2) * 2, (int) (i / 2), 1, 1);
      gtk_grid_attach (GTK_GRID (grid), self->detail_rows[i], (int) (i % 2) * 2 + 1, (int) (i / 2), 1, 1);
    }
  adw_preferences_group_add (self->details, grid);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->details));
  gtk_box_append (GTK_BOX (box), build_log_group (self));
  self->offer_group = plaza_prospect_window_build_offer (self);
  gtk_box_append (GTK_BOX (box), self->offer_group);

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_widget_set_vexpand (scroller, TRUE);

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, scroller);
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->toasts));
  adw_window_set_content (ADW_WINDOW (self), toolbar);
  gtk_window_set_default_size (GTK_WINDOW (self), 720, 800);
  update_actions (self);
}

PlazaProspectWindow *
plaza_prospect_window_new (GtkWindow   *parent,
                           PlazaWorker *worker,
                           gint64       prospect_id)
{
  PlazaProspectWindow *self;

  g_return_val_if_fail (PLAZA_IS_WORKER (worker), NULL);

  self = g_object_new (PLAZA_TYPE_PROSPECT_WINDOW, NULL);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  self->worker = g_object_ref (worker);
  self->id = prospect_id;
  plaza_live_banner_attach (GTK_WINDOW (self), worker, "prospect", prospect_id,
                            G_CALLBACK (plaza_prospect_window_reload), self);
  plaza_role_guard (self->back_button, worker, "prospect", "stage");
  plaza_role_guard (self->advance_button, worker, "prospect", "stage");
  plaza_role_guard (self->drop_button, worker, "prospect", "stage");
  plaza_role_guard (self->make_button, worker, "contract", "create");
  plaza_prospect_window_reload (self);
  return self;
}

gint64
plaza_prospect_window_get_id (PlazaProspectWindow *self)
{
  g_return_val_if_fail (PLAZA_IS_PROSPECT_WINDOW (self), 0);
  return self->id;
}

gboolean
plaza_prospect_window_get_busy (PlazaProspectWindow *self)
{
  g_return_val_if_fail (PLAZA_IS_PROSPECT_WINDOW (self), FALSE);
  return self->busy > 0;
}

const PlazaProspect *
plaza_prospect_window_get_prospect (PlazaProspectWindow *self)
{
  g_return_val_if_fail (PLAZA_IS_PROSPECT_WINDOW (self), NULL);
  return self->prospect;
}

GPtrArray *
plaza_prospect_window_get_log (PlazaProspectWindow *self)
{
  g_return_val_if_fail (PLAZA_IS_PROSPECT_WINDOW (self), NULL);
  return self->log;
}

const char *
plaza_prospect_window_get_error (PlazaProspectWindow *self)
{
  g_return_val_if_fail (PLAZA_IS_PROSPECT_WINDOW (self), NULL);
  return self->error;
}

void
plaza_prospect_window_emit_contract_created (PlazaProspectWindow *self,
                                             gint64               contract_id)
{
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  g_signal_emit (self, signals[SIGNAL_CONTRACT_CREATED], 0, contract_id);
}

void
plaza_prospect_window_emit_changed (PlazaProspectWindow *self)
{
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}
