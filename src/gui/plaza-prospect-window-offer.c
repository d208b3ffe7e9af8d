/* plaza-prospect-window-offer.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The prospect window's offer form (rent model, rent and its unit, the
 * percentage, the unit from the leasing plan, dates, rent-free months,
 * deposit) and "Create Draft Contract": the form is checked here, the
 * draft made in the worker (plaza_prospect_make_contract ()), then the
 * contract opens in its detail window when the parent is the main window.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-leasing-plan.h"
#include "plaza-money.h"
#include "plaza-prospect-window-private.h"
#include "plaza-window.h"

static const char * const model_codes[] = { "fixed", "percentage", "higher_of", NULL };
static const char * const rent_unit_codes[] = { "m2_day", "m2_month", "month", NULL };

static GtkWidget *
field (PlazaProspectWindow *self,
       const char          *name)
{
  return plaza_prospect_window_get_field (self, name);
}

static const char *
text_of (PlazaProspectWindow *self,
         const char          *name)
{
  return gtk_editable_get_text (GTK_EDITABLE (field (self, name)));
}

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
combo_row (PlazaProspectWindow *self,
           const char          *name,
           const char          *title,
           const char * const  *labels)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new ((const char * const *) labels);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  plaza_prospect_window_add_field (self, name, row);
  return row;
}

GtkWidget *
plaza_prospect_window_build_offer (PlazaProspectWindow *self)
{
  const char * const models[] = { _("Fixed rent"), _("Percentage of sales"), _("Higher of the two"), NULL };
  const char * const rent_units[] = { _("yuan per m² per day"), _("yuan per m² per month"), _("yuan per month"), NULL };
  const char * const no_units[] = { NULL };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *buttons, *record;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Offer"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The terms offered; Create Draft Contract turns them into a draft lease."));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), combo_row (self, "model", _("Rent model"), models));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), entry_row (self, "rent", _("Rent (yuan)")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), combo_row (self, "rent-unit", _("Rent per"), rent_units));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), entry_row (self, "percentage", _("Percentage of sales (%)")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), combo_row (self, "unit", _("Unit"), no_units));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), entry_row (self, "start", _("First day (YYYY-MM-DD)")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), entry_row (self, "end", _("Last day (YYYY-MM-DD)")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), entry_row (self, "free-months", _("Rent-free months")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), entry_row (self, "deposit", _("Deposit (yuan)")));
  gtk_box_append (GTK_BOX (box), group);

  self->offer_error = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->offer_error), "error");
  gtk_label_set_wrap (self->offer_error, TRUE);
  gtk_label_set_xalign (self->offer_error, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->offer_error), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->offer_error));

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  record = gtk_button_new_with_mnemonic (_("_Record Offer"));
  gtk_widget_set_tooltip_text (record, _("Add the offer to the negotiation log"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (record), "prospect.record-offer");
  gtk_box_append (GTK_BOX (buttons), record);
  self->make_button = gtk_button_new_with_mnemonic (_("Create _Draft Contract"));
  gtk_widget_add_css_class (self->make_button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->make_button), "prospect.make-contract");
  gtk_box_append (GTK_BOX (buttons), self->make_button);
  gtk_box_append (GTK_BOX (box), buttons);
  return box;
}

static void
set_default (PlazaProspectWindow *self,
             const char          *name,
             const char          *text)
{
  if (*text_of (self, name) == '\0')
    gtk_editable_set_text (GTK_EDITABLE (field (self, name)), text);
}

static guint
code_index (const char * const *codes,
            const char         *code)
{
  for (guint i = 0; codes[i] != NULL; i++)
    if (g_strcmp0 (codes[i], code) == 0)
      return i;
  return 0;
}

/* The form from the last offer recorded in the log, while it is untouched. */
static void
prefill_from_log (PlazaProspectWindow *self)
{
  g_autoptr(PlazaProspectOffer) offer = NULL;

  if (*text_of (self, "rent") != '\0' || *text_of (self, "percentage") != '\0')
    return;
  for (guint i = self->log != NULL ? self->log->len : 0; i > 0 && offer == NULL; i--)
    {
      PlazaNegotiation *n = self->log->pdata[i - 1];

      if (n->offer_json != NULL)
        offer = plaza_prospect_offer_from_json (n->offer_json, NULL);
    }
  if (offer == NULL)
    return;
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (self, "model")), code_index (model_codes, offer->model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (self, "rent-unit")), code_index (rent_unit_codes, offer->rent_unit));
  if (offer->rent > 0)
    {
      g_autofree char *rent = plaza_money_format_plain (offer->rent);
      gtk_editable_set_text (GTK_EDITABLE (field (self, "rent")), rent);
    }
  if (offer->percentage_bp > 0)
    {
      g_autofree char *percent = plaza_percent_format (offer->percentage_bp);
      gtk_editable_set_text (GTK_EDITABLE (field (self, "percentage")), percent);
    }
  if (offer->deposit > 0)
    {
      g_autofree char *deposit = plaza_money_format_plain (offer->deposit);
      gtk_editable_set_text (GTK_EDITABLE (field (self, "deposit")), deposit);
    }
  if (offer->free_months > 0)
    {
      g_autofree char *months = g_strdup_printf ("%u", offer->free_months);
      gtk_editable_set_text (GTK_EDITABLE (field (self, "free-months")), months);
    }
  if (*offer->start_date != '\0')
    gtk_editable_set_text (GTK_EDITABLE (field (self, "start")), offer->start_date);
  if (*offer->end_date != '\0')
    gtk_editable_set_text (GTK_EDITABLE (field (self, "end")), offer->end_date);
  for (guint i = 0; offer->unit_ids->len > 0 && self->units != NULL && i < self->units->len; i++)
    if (((PlazaLeasingPlanUnit *) self->units->pdata[i])->unit_id == g_array_index (offer->unit_ids, gint64, 0))
      adw_combo_row_set_selected (ADW_COMBO_ROW (field (self, "unit")), i);
}

void
plaza_prospect_window_update_offer (PlazaProspectWindow *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate start, end;
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;
  guint selected = 0;

  for (guint i = 0; self->units != NULL && i < self->units->len; i++)
    {
      PlazaLeasingPlanUnit *u = self->units->pdata[i];
      g_autofree char *area = plaza_area_format (u->area);
      g_autofree char *label = NULL;

      if (u->soon_vacant)
        /* Translators: unit code, area in m², the day its lease ends. */
        label = g_strdup_printf (_("%s · %s m² · free after %s"), u->code, area, u->lease_end);
      else
        label = g_strdup_printf (_("%s · %s m² · vacant"), u->code, area);
      gtk_string_list_append (labels, label);
      if (self->prospect != NULL && u->unit_id == self->prospect->target_unit_id)
        selected = i;
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (field (self, "unit")), G_LIST_MODEL (labels));
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (self, "unit")), selected);

  /* a three-year lease from the first of next month */
  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 1, (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
  g_date_add_months (&start, 1);
  end = start;
  g_date_add_years (&end, 3);
  g_date_subtract_days (&end, 1);
  start_text = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&start), g_date_get_month (&start), g_date_get_day (&start));
  end_text = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&end), g_date_get_month (&end), g_date_get_day (&end));
  set_default (self, "start", start_text);
  set_default (self, "end", end_text);
  prefill_from_log (self);
  set_default (self, "free-months", "0");
  gtk_widget_set_visible (self->offer_group, self->prospect != NULL && self->prospect->contract_id == 0 &&
                          self->prospect->stage != PLAZA_PROSPECT_DROPPED);
}

static void
offer_error (PlazaProspectWindow *self,
             const char          *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_label (self->offer_error, message);
  gtk_widget_set_visible (GTK_WIDGET (self->offer_error), message != NULL);
}

/* The form as an offer, or NULL after showing what is wrong. */
static PlazaProspectOffer *
read_offer (PlazaProspectWindow *self)
{
  g_autoptr(PlazaProspectOffer) offer = plaza_prospect_offer_new ();
  guint model = adw_combo_row_get_selected (ADW_COMBO_ROW (field (self, "model")));
  guint rent_unit = adw_combo_row_get_selected (ADW_COMBO_ROW (field (self, "rent-unit")));
  guint unit = adw_combo_row_get_selected (ADW_COMBO_ROW (field (self, "unit")));
  const char *months = text_of (self, "free-months");
  gint64 value;

  g_free (offer->model);
  offer->model = g_strdup (model_codes[MIN (model, 2u)]);
  g_free (offer->rent_unit);
  offer->rent_unit = g_strdup (rent_unit_codes[MIN (rent_unit, 2u)]);
  if (!g_str_equal (offer->model, "percentage") && !plaza_money_parse (text_of (self, "rent"), &offer->rent))
    {
      offer_error (self, _("Rent: enter an amount in yuan with at most two decimals, like 8.50."));
      return NULL;
    }
  if (!g_str_equal (offer->model, "fixed") && !plaza_percent_parse (text_of (self, "percentage"), &offer->percentage_bp))
    {
      offer_error (self, _("Percentage: enter a percentage like 8 or 12.5."));
      return NULL;
    }
  if (self->units == NULL || unit >= self->units->len)
    {
      offer_error (self, _("Unit: choose the unit offered."));
      return NULL;
    }
  value = ((PlazaLeasingPlanUnit *) self->units->pdata[unit])->unit_id;
  g_array_append_val (offer->unit_ids, value);
  g_free (offer->start_date);
  offer->start_date = g_strstrip (g_strdup (text_of (self, "start")));
  g_free (offer->end_date);
  offer->end_date = g_strstrip (g_strdup (text_of (self, "end")));
  if (*months != '\0')
    {
      guint64 n;

      if (!g_ascii_string_to_unsigned (months, 10, 0, 120, &n, NULL))
        {
          offer_error (self, _("Rent-free months: enter a whole number of months."));
          return NULL;
        }
      offer->free_months = (guint) n;
    }
  if (*text_of (self, "deposit") != '\0' && !plaza_money_parse (text_of (self, "deposit"), &offer->deposit))
    {
      offer_error (self, _("Deposit: enter an amount in yuan with at most two decimals."));
      return NULL;
    }
  offer_error (self, NULL);
  return g_steal_pointer (&offer);
}

typedef struct
{
  gint64              prospect_id;
  PlazaProspectOffer *offer;
} MakeJob;

static void
make_job_free (gpointer data)
{
  MakeJob *job = data;

  plaza_prospect_offer_free (job->offer);
  g_free (job);
}

static gpointer
make_run (PlazaStore    *store,
          gpointer       data,
          GCancellable  *cancellable G_GNUC_UNUSED,
          GError       **error)
{
  MakeJob *job = data;
  gint64 contract_id = 0;

  if (!plaza_prospect_make_contract (store, job->prospect_id, job->offer, &contract_id, error))
    return NULL;
  return g_memdup2 (&contract_id, sizeof contract_id);
}

static void
make_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  PlazaProspectWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree gint64 *contract_id = plaza_worker_run_finish (PLAZA_WORKER (source), result, &error);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  plaza_prospect_window_set_busy (self, FALSE);
  if (contract_id != NULL)
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Draft contract created")));
      plaza_prospect_window_emit_contract_created (self, *contract_id);
      plaza_prospect_window_reload (self);
      if (PLAZA_IS_WINDOW (parent))
        plaza_window_open_contract (PLAZA_WINDOW (parent), *contract_id);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      offer_error (self, error->message);
      plaza_prospect_window_show_error (self, _("No draft contract"), error);
    }
  g_object_unref (self);
}

void
plaza_prospect_window_make_contract (PlazaProspectWindow *self)
{
  MakeJob *job;
  PlazaProspectOffer *offer;

  if (self->busy > 0 || self->prospect == NULL)
    return;
  offer = read_offer (self);
  if (offer == NULL)
    return;
  job = g_new0 (MakeJob, 1);
  job->prospect_id = self->id;
  job->offer = offer;
  plaza_prospect_window_set_busy (self, TRUE);
  plaza_worker_run_async (self->worker, make_run, job, make_job_free, self->cancellable, make_done, g_object_ref (self));
}

/* ---- recording the offer in the log ---- */

typedef struct
{
  gint64  prospect_id;
  char   *date;
  char   *who;
  char   *words;
  char   *json;
} RecordJob;

static void
record_job_free (gpointer data)
{
  RecordJob *job = data;

  g_free (job->date);
  g_free (job->who);
  g_free (job->words);
  g_free (job->json);
  g_free (job);
}

static gpointer
record_run (PlazaStore    *store,
            gpointer       data,
            GCancellable  *cancellable G_GNUC_UNUSED,
            GError       **error)
{
  RecordJob *job = data;

  return plaza_prospect_add_negotiation (store, job->prospect_id, job->date, job->who, job->words, "", NULL,
                                         job->json, error) > 0 ? GINT_TO_POINTER (1) : NULL;
}

static void
record_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  PlazaProspectWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  plaza_prospect_window_set_busy (self, FALSE);
  if (plaza_worker_run_finish (PLAZA_WORKER (source), result, &error) != NULL)
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Offer recorded")));
      plaza_prospect_window_emit_changed (self);
      plaza_prospect_window_reload (self);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    plaza_prospect_window_show_error (self, _("Offer not recorded"), error);
  g_object_unref (self);
}

/* The offer in words for the log. */
static char *
offer_words (PlazaProspectWindow      *self,
             const PlazaProspectOffer *offer)
{
  GString *words = g_string_new (NULL);
  guint unit = adw_combo_row_get_selected (ADW_COMBO_ROW (field (self, "unit")));

  if (!g_str_equal (offer->model, "percentage"))
    {
      g_autofree char *rent = plaza_money_format (offer->rent, FALSE);
      guint k = code_index (rent_unit_codes, offer->rent_unit);
      const char * const per[] = { _("yuan per m² per day"), _("yuan per m² per month"), _("yuan per month") };

      g_string_append_printf (words, _("Offer: rent %s %s"), rent, per[k]);
    }
  else
    g_string_append (words, _("Offer: percentage of sales only"));
  if (!g_str_equal (offer->model, "fixed"))
    {
      g_autofree char *percent = plaza_percent_format (offer->percentage_bp);

      g_string_append_printf (words, _(", %s%% of sales"), percent);
    }
  if (self->units != NULL && unit < self->units->len)
    g_string_append_printf (words, _(", unit %s"), ((PlazaLeasingPlanUnit *) self->units->pdata[unit])->code);
  g_string_append_printf (words, _(", %s to %s"), offer->start_date, offer->end_date);
  if (offer->free_months > 0)
    g_string_append_printf (words, g_dngettext (GETTEXT_PACKAGE, ", %u month rent-free", ", %u months rent-free",
                                                offer->free_months), offer->free_months);
  if (offer->deposit > 0)
    {
      g_autofree char *deposit = plaza_money_format (offer->deposit, TRUE);

      g_string_append_printf (words, _(", deposit %s"), deposit);
    }
  return g_string_free (words, FALSE);
}

void
plaza_prospect_window_record_offer (PlazaProspectWindow *self)
{
  g_autoptr(PlazaProspectOffer) offer = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  RecordJob *job;

  if (self->busy > 0 || self->prospect == NULL)
    return;
  offer = read_offer (self);
  if (offer == NULL)
    return;
  job = g_new0 (RecordJob, 1);
  job->prospect_id = self->id;
  job->date = g_date_time_format (now, "%Y-%m-%d");
  job->who = g_strdup (text_of (self, "log-who"));
  job->words = offer_words (self, offer);
  job->json = plaza_prospect_offer_to_json (offer);
  plaza_prospect_window_set_busy (self, TRUE);
  plaza_worker_run_async (self->worker, record_run, job, record_job_free, self->cancellable, record_done,
                          g_object_ref (self));
}
