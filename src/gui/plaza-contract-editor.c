/* plaza-contract-editor.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The contract editor: tenant, units, dates, rent terms, fee lines,
 * rent-free periods, tiers, deposit and late-fee terms, each field checked
 * as it is typed, and a live rent schedule (table and bar chart)
 * recomputed from the terms JSON ~150 ms after the last change. The form
 * is copied into a PlazaContractForm (plaza-contract-form.c, no GTK) that
 * checks it and builds the JSON; a field's reason shows once the user has
 * edited it, or for every field after Save. The rent engine is pure
 * arithmetic and takes well under a millisecond for a ten-year lease, so
 * the preview runs on the main thread; saving goes through the worker.
 * The widgets are built in plaza-contract-editor-ui.c.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-contract-editor-private.h"
#include <string.h>

#include "plaza-contract.h"
#include "plaza-contract-schedule.h"
#include "plaza-money.h"
#include "plaza-rent.h"
#include "plaza-rent-preview.h"
#include "plaza-role-guard.h"

#define PREVIEW_DELAY_MS 150

G_DEFINE_FINAL_TYPE (PlazaContractEditor, plaza_contract_editor, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

const char * const plaza_contract_editor_kind_codes[] = { "lease", "concession", NULL };
const char * const plaza_contract_editor_basis_codes[] = { "rentable", "gross", NULL };
const char * const plaza_contract_editor_model_codes[] = { "fixed", "percentage", "higher_of", NULL };
const char * const plaza_contract_editor_unit_codes[] = { "m2_day", "m2_month", "month", NULL };

static const char *
text_of (PlazaContractEditor *self,
         const char          *name)
{
  GtkEditable *entry = g_hash_table_lookup (self->entries, name);

  g_return_val_if_fail (entry != NULL, "");
  return gtk_editable_get_text (entry);
}

static const char *
row_text (GtkWidget  *row,
          const char *key)
{
  return gtk_editable_get_text (g_object_get_data (G_OBJECT (row), key));
}

/* Copies the widgets into a plain form. */
static PlazaContractForm *
read_form (PlazaContractEditor *self)
{
  static const char * const names[] = {
    "start", "end", "rent_amount", "percentage", "escalation_months", "escalation_percent",
    "deposit", "late_fee_rate", "late_fee_grace", "late_fee_cap",
  };
  PlazaContractForm *form = plaza_contract_form_new ();
  GtkWidget *row;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    plaza_contract_form_set (form, names[i], text_of (self, names[i]));
  plaza_contract_form_set (form, "model", plaza_contract_editor_choice (self->model_dropdown, plaza_contract_editor_model_codes));
  plaza_contract_form_set (form, "rent_unit", plaza_contract_editor_choice (self->rent_unit_dropdown, plaza_contract_editor_unit_codes));
  for (row = gtk_widget_get_first_child (GTK_WIDGET (self->fees_box)); row != NULL; row = gtk_widget_get_next_sibling (row))
    plaza_contract_form_add_fee (form, row_text (row, "plaza-a"), row_text (row, "plaza-b"),
                                 plaza_contract_editor_choice (g_object_get_data (G_OBJECT (row), "plaza-unit"),
                                                               plaza_contract_editor_unit_codes));
  for (row = gtk_widget_get_first_child (GTK_WIDGET (self->free_box)); row != NULL; row = gtk_widget_get_next_sibling (row))
    plaza_contract_form_add_free (form, row_text (row, "plaza-a"), row_text (row, "plaza-b"));
  for (row = gtk_widget_get_first_child (GTK_WIDGET (self->tiers_box)); row != NULL; row = gtk_widget_get_next_sibling (row))
    plaza_contract_form_add_tier (form, row_text (row, "plaza-a"), row_text (row, "plaza-b"));
  /* An amendment keeps the area its terms were signed with. */
  form->area = self->amends_id > 0 && self->terms_area > 0 ? self->terms_area : self->area;
  form->n_units = self->n_units;
  form->has_tenant = gtk_drop_down_get_selected (self->tenant_dropdown) != GTK_INVALID_LIST_POSITION;
  return form;
}

/* Shows each field's reason once it was touched (or after Save). */
static void
show_reasons (PlazaContractEditor *self)
{
  GHashTableIter iter;
  gpointer name, label;

  g_hash_table_iter_init (&iter, self->errors);
  while (g_hash_table_iter_next (&iter, &name, &label))
    {
      const char *reason = g_hash_table_lookup (self->reasons, name);
      gboolean show = reason != NULL && (self->show_all || g_hash_table_contains (self->touched, name));

      gtk_label_set_label (label, show ? reason : "");
      gtk_widget_set_visible (label, show);
    }
}

void
plaza_contract_editor_touch (PlazaContractEditor *self,
                             const char          *name)
{
  if (name != NULL && !self->loading)
    g_hash_table_add (self->touched, (gpointer) g_intern_string (name));
}

/* The effective date's reason, or NULL when it lies inside the lease. */
static char *
check_effective (PlazaContractEditor *self,
                 const char          *text)
{
  GDate date;

  g_date_clear (&date, 1);
  if (!plaza_contract_form_parse_date (text, &date))
    return g_strdup (_("Enter the day the new terms take effect as YYYY-MM-DD, like 2027-01-01."));
  g_strstrip ((char *) text);
  if (self->lease_start != NULL && self->lease_end != NULL &&
      (strcmp (text, self->lease_start) < 0 || strcmp (text, self->lease_end) > 0))
    return g_strdup_printf (_("The new terms must take effect inside the lease, from %s to %s."),
                            self->lease_start, self->lease_end);
  return NULL;
}

/* Amend mode: the terms to submit (the form's, with empty lists kept so
 * they replace the old ones) and the schedule with them applied from the
 * effective date over the terms in force. */
static GArray *
amended_preview (PlazaContractEditor *self)
{
  g_autofree char *effective = g_strdup (text_of (self, "effective"));
  g_autofree char *reason = NULL;
  g_autofree char *amendment = NULL;
  g_autofree char *merged = NULL;
  g_autoptr(GError) error = NULL;
  GArray *schedule = NULL;

  if (self->before_json == NULL)
    {
      g_clear_pointer (&self->terms_json, g_free);
      return NULL;
    }
  reason = check_effective (self, effective);
  if (reason != NULL)
    {
      g_hash_table_insert (self->reasons, g_strdup ("effective"), g_steal_pointer (&reason));
      g_clear_pointer (&self->terms_json, g_free);
      return NULL;
    }
  if (self->terms_json == NULL)
    return NULL;
  amendment = plaza_contract_form_amendment_json (self->terms_json);
  {
    const char *field = NULL;
    char *problem = plaza_contract_form_amendment_problem (self->before_json, amendment, &field);

    if (problem != NULL)
      {
        g_hash_table_insert (self->reasons, g_strdup (field), problem);
        plaza_contract_editor_touch (self, field);
        g_clear_pointer (&self->terms_json, g_free);
        return NULL;
      }
  }
  merged = amendment != NULL ? plaza_contract_merge_terms (self->before_json, amendment, &error) : NULL;
  if (merged != NULL)
    schedule = plaza_contract_form_amended_schedule (self->before_json, merged, g_strstrip (effective), &error);
  if (schedule == NULL)
    {
      const char *field = error != NULL ? plaza_contract_form_field_for_engine_error (error->message) : NULL;

      if (field != NULL)
        {
          g_hash_table_insert (self->reasons, g_strdup (field), g_strdup (error->message));
          plaza_contract_editor_touch (self, field);
        }
      else
        gtk_label_set_label (self->preview_status, error != NULL ? error->message : "");
      g_clear_pointer (&self->terms_json, g_free);
      return NULL;
    }
  g_free (self->terms_json);
  self->terms_json = g_steal_pointer (&amendment);
  {
    g_autofree char *note = g_strdup_printf (_("From %s the preview follows the amendment; the contract shows the "
                                               "stored schedule once the amendment is approved."), effective);

    gtk_label_set_label (self->preview_status, note);
  }
  return schedule;
}

void
plaza_contract_editor_update_preview (PlazaContractEditor *self)
{
  g_autoptr(PlazaContractForm) form = NULL;
  g_autoptr(PlazaRentTerms) terms = NULL;
  g_autoptr(GError) error = NULL;
  GArray *schedule = NULL;

  g_return_if_fail (PLAZA_IS_CONTRACT_EDITOR (self));

  g_clear_handle_id (&self->debounce_id, g_source_remove);
  g_hash_table_remove_all (self->reasons);
  gtk_label_set_label (self->preview_status, "");
  g_clear_pointer (&self->terms_json, g_free);
  g_clear_pointer (&self->schedule, g_array_unref);

  form = read_form (self);
  self->terms_json = plaza_contract_form_build (form, self->reasons);
  if (self->amends_id > 0)
    schedule = amended_preview (self);
  else if (self->terms_json != NULL)
    {
      terms = plaza_rent_terms_new_from_json (self->terms_json, -1, &error);
      if (terms != NULL)
        schedule = plaza_rent_schedule (terms, NULL, &error);
      if (schedule == NULL)
        {
          const char *field = plaza_contract_form_field_for_engine_error (error->message);

          if (field != NULL)
            {
              g_hash_table_insert (self->reasons, g_strdup (field), g_strdup (error->message));
              /* The engine looks at the whole; say it now. */
              plaza_contract_editor_touch (self, field);
            }
          else
            gtk_label_set_label (self->preview_status, error->message);
          g_clear_pointer (&self->terms_json, g_free);
        }
    }
  if (self->terms_json == NULL && *gtk_label_get_label (self->preview_status) == '\0')
    gtk_label_set_label (self->preview_status, _("The preview appears when every field is valid."));

  show_reasons (self);
  /* Tiers replace the flat percentage. */
  gtk_widget_set_sensitive (g_hash_table_lookup (self->entries, "percentage"),
                            gtk_widget_get_first_child (GTK_WIDGET (self->tiers_box)) == NULL);
  self->schedule = schedule;
  plaza_rent_preview_set_schedule (PLAZA_RENT_PREVIEW (self->chart), schedule);
  plaza_contract_editor_fill_schedule_table (self->table, schedule);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), !self->saving && !self->loading && !self->source_pending);
}

static gboolean
debounce_cb (gpointer user_data)
{
  PlazaContractEditor *self = user_data;

  self->debounce_id = 0;
  plaza_contract_editor_update_preview (self);
  return G_SOURCE_REMOVE;
}

void
plaza_contract_editor_changed (PlazaContractEditor *self)
{
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  self->debounce_id = g_timeout_add (PREVIEW_DELAY_MS, debounce_cb, self);
}

void
plaza_contract_editor_update_area (PlazaContractEditor *self)
{
  GtkWidget *row;
  g_autofree char *area = NULL;
  g_autofree char *text = NULL;

  self->area = 0;
  self->n_units = 0;
  for (row = gtk_widget_get_first_child (GTK_WIDGET (self->unit_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *check = g_object_get_data (G_OBJECT (row), "plaza-check");

      if (check != NULL && gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
        {
          gboolean gross = self->basis_dropdown != NULL && gtk_drop_down_get_selected (self->basis_dropdown) == 1;

          self->area += GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), gross ? "plaza-gross-area" : "plaza-area"));
          self->n_units++;
        }
    }
  area = plaza_area_format (self->area);
  text = g_strdup_printf (ngettext ("%u unit, %s m²", "%u units, %s m²", self->n_units), self->n_units, area);
  gtk_label_set_label (self->area_label, text);
  plaza_contract_editor_changed (self);
}

/* ---- saving ---- */

typedef struct
{
  PlazaContractDraft  draft;
  gint64              renews_id;
  gint64              amends_id;
  char               *effective;
  char               *comment;
  GArray             *unit_ids;
  char               *kind;
  char               *model;
  char               *start;
  char               *end;
  char               *terms;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_array_unref (data->unit_ids);
  g_free (data->effective);
  g_free (data->comment);
  g_free (data->kind);
  g_free (data->model);
  g_free (data->start);
  g_free (data->end);
  g_free (data->terms);
  g_free (data);
}

static gpointer
save_func (PlazaStore    *store,
           gpointer       user_data,
           GCancellable  *cancellable G_GNUC_UNUSED,
           GError       **error)
{
  SaveData *data = user_data;
  gint64 id;

  if (data->amends_id > 0)
    id = plaza_contract_amend (store, data->amends_id, data->effective, data->terms, data->comment, error);
  else if (data->renews_id > 0)
    id = plaza_contract_renew (store, data->renews_id, &data->draft, error);
  else
    id = plaza_contract_create (store, &data->draft, error);
  if (id <= 0)
    return NULL;
  return g_memdup2 (&id, sizeof id);
}

static void
save_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PlazaContractEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree gint64 *id = plaza_worker_run_finish (PLAZA_WORKER (source), result, &error);

  self->saving = FALSE;
  gtk_spinner_set_spinning (self->spinner, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), TRUE);
  if (id == NULL)
    {
      g_autofree char *text = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      text = g_strdup_printf (_("Could not save the contract: %s"), error->message);
      gtk_label_set_label (self->save_error, text);
      gtk_widget_set_visible (GTK_WIDGET (self->save_error), TRUE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->save_error), FALSE);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, *id);
  gtk_window_close (GTK_WINDOW (self));
}

/* The base rent of the first whole, fully charged month: a figure for lists. */
static gint64
indicative_rent (GArray *schedule)
{
  for (guint i = 0; schedule != NULL && i < schedule->len; i++)
    {
      const PlazaRentPeriod *p = &g_array_index (schedule, PlazaRentPeriod, i);

      if (p->rent_days == p->days &&
          p->days == g_date_get_days_in_month (g_date_get_month (&p->from), g_date_get_year (&p->from)))
        return p->base_rent;
    }
  return 0;
}

void
plaza_contract_editor_save (PlazaContractEditor *self)
{
  g_autoptr(PlazaContractForm) form = NULL;
  SaveData *data;
  GtkWidget *row;

  g_return_if_fail (PLAZA_IS_CONTRACT_EDITOR (self));

  if (self->saving || self->loading || self->source_pending)
    return;
  self->show_all = TRUE;
  plaza_contract_editor_update_preview (self);
  if (self->terms_json == NULL || self->worker == NULL)
    {
      gtk_label_set_label (self->save_error, _("Correct the fields marked in red first."));
      gtk_widget_set_visible (GTK_WIDGET (self->save_error), TRUE);
      return;
    }

  data = g_new0 (SaveData, 1);
  data->renews_id = self->renews_id;
  data->amends_id = self->amends_id;
  data->effective = g_strstrip (g_strdup (text_of (self, "effective")));
  data->comment = g_strstrip (g_strdup (text_of (self, "comment")));
  data->unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (row = gtk_widget_get_first_child (GTK_WIDGET (self->unit_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *check = g_object_get_data (G_OBJECT (row), "plaza-check");

      if (check != NULL && gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
        {
          gint64 id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "plaza-unit-id"));
          g_array_append_val (data->unit_ids, id);
        }
    }
  form = read_form (self);
  data->kind = g_strdup (plaza_contract_editor_choice (self->kind_dropdown, plaza_contract_editor_kind_codes));
  data->model = g_strdup (plaza_contract_form_get (form, "model"));
  data->start = g_strstrip (g_strdup (text_of (self, "start")));
  data->end = g_strstrip (g_strdup (text_of (self, "end")));
  data->terms = g_strdup (self->terms_json);

  data->draft.tenant_id = g_array_index (self->tenant_ids, gint64, gtk_drop_down_get_selected (self->tenant_dropdown));
  data->draft.kind = data->kind;
  data->draft.model = data->model;
  data->draft.start_date = data->start;
  data->draft.end_date = data->end;
  data->draft.area_basis = plaza_contract_editor_choice (self->basis_dropdown, plaza_contract_editor_basis_codes);
  data->draft.terms_json = data->terms;
  data->draft.monthly_rent = indicative_rent (self->schedule);
  data->draft.deposit_amount = plaza_contract_form_money (form, "deposit");
  data->draft.late_fee_bp_per_day = plaza_contract_form_count (form, "late_fee_rate", 5);
  data->draft.late_fee_grace_days = plaza_contract_form_count (form, "late_fee_grace", 0);
  data->draft.late_fee_cap = plaza_contract_form_money (form, "late_fee_cap");
  data->draft.unit_ids = (const gint64 *) (gpointer) data->unit_ids->data;
  data->draft.n_units = data->unit_ids->len;

  self->saving = TRUE;
  gtk_spinner_set_spinning (self->spinner, TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
  plaza_worker_run_async (self->worker, save_func, data, (GDestroyNotify) save_data_free, self->cancellable,
                          save_done_cb, g_object_ref (self));
}

/* ---- the type ---- */

static void
plaza_contract_editor_dispose (GObject *object)
{
  PlazaContractEditor *self = PLAZA_CONTRACT_EDITOR (object);

  g_clear_handle_id (&self->debounce_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  G_OBJECT_CLASS (plaza_contract_editor_parent_class)->dispose (object);
}

static void
plaza_contract_editor_finalize (GObject *object)
{
  PlazaContractEditor *self = PLAZA_CONTRACT_EDITOR (object);

  g_clear_object (&self->worker);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->tenant_names);
  g_array_unref (self->tenant_ids);
  g_hash_table_unref (self->entries);
  g_hash_table_unref (self->errors);
  g_hash_table_unref (self->reasons);
  g_hash_table_unref (self->touched);
  g_clear_pointer (&self->schedule, g_array_unref);
  g_free (self->terms_json);
  g_free (self->before_json);
  g_free (self->lease_start);
  g_free (self->lease_end);
  plaza_contract_editor_free_source (self->source);
  G_OBJECT_CLASS (plaza_contract_editor_parent_class)->finalize (object);
}

static void
plaza_contract_editor_class_init (PlazaContractEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plaza_contract_editor_dispose;
  object_class->finalize = plaza_contract_editor_finalize;

  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
plaza_contract_editor_init (PlazaContractEditor *self)
{
  self->cancellable = g_cancellable_new ();
  self->tenant_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->entries = g_hash_table_new (g_str_hash, g_str_equal);
  self->errors = g_hash_table_new (g_str_hash, g_str_equal);
  self->reasons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->touched = g_hash_table_new (g_str_hash, g_str_equal);
  plaza_contract_editor_build_ui (self);
}

PlazaContractEditor *
plaza_contract_editor_new (GtkWindow   *parent,
                           PlazaWorker *worker)
{
  PlazaContractEditor *self;

  g_return_val_if_fail (PLAZA_IS_WORKER (worker), NULL);

  self = g_object_new (PLAZA_TYPE_CONTRACT_EDITOR, "transient-for", parent, "modal", TRUE, NULL);
  self->worker = g_object_ref (worker);
  plaza_contract_editor_load_pickers (self);
  plaza_role_guard (GTK_WIDGET (self->save_button), worker, "contract", "create");
  return self;
}

gboolean
plaza_contract_editor_get_loading (PlazaContractEditor *self)
{
  g_return_val_if_fail (PLAZA_IS_CONTRACT_EDITOR (self), FALSE);
  return self->loading || self->source_pending;
}

/* The first fee line, made when there is none. */
static GtkWidget *
first_fee_row (PlazaContractEditor *self)
{
  GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->fees_box));

  return row != NULL ? row : plaza_contract_editor_append_row (self, "fees", NULL, NULL, NULL);
}

static void
set_rows (PlazaContractEditor *self,
          const char          *section,
          const char          *text)
{
  g_autoptr(GPtrArray) pairs = plaza_contract_form_split_pairs (text, g_str_equal (section, "free") ? ".." : ":");

  plaza_contract_editor_clear_rows (self, section);
  for (guint i = 0; i < pairs->len; i++)
    {
      char **pair = pairs->pdata[i];

      plaza_contract_editor_append_row (self, section, pair[0], pair[1], NULL);
    }
  plaza_contract_editor_touch (self, section);
  plaza_contract_editor_changed (self);
}

void
plaza_contract_editor_set_field (PlazaContractEditor *self,
                                 const char          *name,
                                 const char          *text)
{
  GtkEditable *entry;

  g_return_if_fail (PLAZA_IS_CONTRACT_EDITOR (self));
  g_return_if_fail (name != NULL);

  if (g_str_equal (name, "fee_name") || g_str_equal (name, "fee_amount"))
    {
      GtkWidget *row = first_fee_row (self);

      entry = g_object_get_data (G_OBJECT (row), g_str_equal (name, "fee_name") ? "plaza-a" : "plaza-b");
    }
  else if (g_str_equal (name, "free") || g_str_equal (name, "tiers"))
    {
      set_rows (self, name, text);
      return;
    }
  else
    entry = g_hash_table_lookup (self->entries, name);
  g_return_if_fail (entry != NULL);
  gtk_editable_set_text (entry, text != NULL ? text : "");
}

void
plaza_contract_editor_add_fee (PlazaContractEditor *self,
                               const char          *name,
                               const char          *amount,
                               const char          *unit)
{
  g_return_if_fail (PLAZA_IS_CONTRACT_EDITOR (self));
  plaza_contract_editor_append_row (self, "fees", name, amount, unit);
}

guint
plaza_contract_editor_get_n_rows (PlazaContractEditor *self,
                                  const char          *section)
{
  GtkWidget *row;
  guint n = 0;

  g_return_val_if_fail (PLAZA_IS_CONTRACT_EDITOR (self), 0);
  for (row = gtk_widget_get_first_child (GTK_WIDGET (plaza_contract_editor_section_box (self, section)));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
}

const char *
plaza_contract_editor_get_error (PlazaContractEditor *self,
                                 const char          *name)
{
  g_return_val_if_fail (PLAZA_IS_CONTRACT_EDITOR (self), NULL);
  if (g_str_equal (name, "fee_amount") || g_str_equal (name, "fee_name"))
    name = "fees";
  return g_hash_table_lookup (self->reasons, name);
}

gboolean
plaza_contract_editor_get_error_shown (PlazaContractEditor *self,
                                       const char          *name)
{
  GtkWidget *label;

  g_return_val_if_fail (PLAZA_IS_CONTRACT_EDITOR (self), FALSE);
  if (g_str_equal (name, "fee_amount") || g_str_equal (name, "fee_name"))
    name = "fees";
  label = g_hash_table_lookup (self->errors, name);
  return label != NULL && gtk_widget_get_visible (label);
}

void
plaza_contract_editor_set_choice (PlazaContractEditor *self,
                                  const char          *name,
                                  const char          *value)
{
  const char * const *codes;
  GtkDropDown *dropdown;

  g_return_if_fail (PLAZA_IS_CONTRACT_EDITOR (self));
  codes = g_str_equal (name, "model") ? plaza_contract_editor_model_codes
          : g_str_equal (name, "kind") ? plaza_contract_editor_kind_codes
          : g_str_equal (name, "area_basis") ? plaza_contract_editor_basis_codes : plaza_contract_editor_unit_codes;
  if (g_str_equal (name, "area_basis"))
    dropdown = self->basis_dropdown;
  else if (g_str_equal (name, "model"))
    dropdown = self->model_dropdown;
  else if (g_str_equal (name, "kind"))
    dropdown = self->kind_dropdown;
  else if (g_str_equal (name, "fee_unit"))
    dropdown = g_object_get_data (G_OBJECT (first_fee_row (self)), "plaza-unit");
  else
    dropdown = self->rent_unit_dropdown;
  for (guint i = 0; codes[i] != NULL; i++)
    if (g_str_equal (codes[i], value))
      gtk_drop_down_set_selected (dropdown, i);
}

void
plaza_contract_editor_select_tenant (PlazaContractEditor *self,
                                     gint64               tenant_id)
{
  g_return_if_fail (PLAZA_IS_CONTRACT_EDITOR (self));
  for (guint i = 0; i < self->tenant_ids->len; i++)
    if (g_array_index (self->tenant_ids, gint64, i) == tenant_id)
      gtk_drop_down_set_selected (self->tenant_dropdown, i);
}

void
plaza_contract_editor_select_unit (PlazaContractEditor *self,
                                   gint64               unit_id,
                                   gboolean             selected)
{
  GtkWidget *row;

  g_return_if_fail (PLAZA_IS_CONTRACT_EDITOR (self));
  for (row = gtk_widget_get_first_child (GTK_WIDGET (self->unit_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if ((gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "plaza-unit-id")) == unit_id)
      gtk_check_button_set_active (g_object_get_data (G_OBJECT (row), "plaza-check"), selected);
}

gint64
plaza_contract_editor_get_area (PlazaContractEditor *self)
{
  g_return_val_if_fail (PLAZA_IS_CONTRACT_EDITOR (self), 0);
  return self->area;
}

GArray *
plaza_contract_editor_get_schedule (PlazaContractEditor *self)
{
  g_return_val_if_fail (PLAZA_IS_CONTRACT_EDITOR (self), NULL);
  return self->schedule;
}

const char *
plaza_contract_editor_get_save_error (PlazaContractEditor *self)
{
  g_return_val_if_fail (PLAZA_IS_CONTRACT_EDITOR (self), NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->save_error)))
    return NULL;
  return gtk_label_get_label (self->save_error);
}

char *
plaza_contract_editor_dup_field (PlazaContractEditor *self,
                                 const char          *name)
{
  GtkEditable *entry;
  guint selected;

  g_return_val_if_fail (PLAZA_IS_CONTRACT_EDITOR (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (g_str_equal (name, "model"))
    return g_strdup (plaza_contract_editor_choice (self->model_dropdown, plaza_contract_editor_model_codes));
  if (g_str_equal (name, "kind"))
    return g_strdup (plaza_contract_editor_choice (self->kind_dropdown, plaza_contract_editor_kind_codes));
  if (g_str_equal (name, "rent_unit"))
    return g_strdup (plaza_contract_editor_choice (self->rent_unit_dropdown, plaza_contract_editor_unit_codes));
  if (g_str_equal (name, "fee_unit"))
    return g_strdup (plaza_contract_editor_choice (g_object_get_data (G_OBJECT (first_fee_row (self)), "plaza-unit"),
                                                   plaza_contract_editor_unit_codes));
  if (g_str_equal (name, "tenant"))
    {
      selected = gtk_drop_down_get_selected (self->tenant_dropdown);
      if (selected == GTK_INVALID_LIST_POSITION || selected >= self->tenant_ids->len)
        return g_strdup ("");
      return g_strdup_printf ("%lld", (long long) g_array_index (self->tenant_ids, gint64, selected));
    }
  if (g_str_equal (name, "fee_name") || g_str_equal (name, "fee_amount"))
    entry = g_object_get_data (G_OBJECT (first_fee_row (self)), g_str_equal (name, "fee_name") ? "plaza-a" : "plaza-b");
  else
    entry = g_hash_table_lookup (self->entries, name);
  g_return_val_if_fail (entry != NULL, NULL);
  return g_strdup (gtk_editable_get_text (entry));
}

gboolean
plaza_contract_editor_get_field_locked (PlazaContractEditor *self,
                                        const char          *name)
{
  GtkWidget *widget;

  g_return_val_if_fail (PLAZA_IS_CONTRACT_EDITOR (self), FALSE);
  if (g_str_equal (name, "tenant"))
    widget = GTK_WIDGET (self->tenant_dropdown);
  else if (g_str_equal (name, "units"))
    widget = GTK_WIDGET (self->unit_list);
  else if (g_str_equal (name, "kind"))
    widget = GTK_WIDGET (self->kind_dropdown);
  else
    widget = g_hash_table_lookup (self->entries, name);
  g_return_val_if_fail (widget != NULL, FALSE);
  return !gtk_widget_get_sensitive (widget);
}
