/* plaza-contract-editor.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The contract editor: tenant, units, dates, rent terms, deposit and
 * late-fee terms, each field checked as it is typed with the reason under
 * it, and a live rent schedule (table and bar chart) recomputed from the
 * terms JSON the form builds ~150 ms after the last change. The rent engine
 * is pure arithmetic and takes well under a millisecond for a ten-year
 * lease, so the preview runs on the main thread; saving goes through the
 * worker.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "plaza-contract.h"
#include "plaza-contract-editor.h"
#include "plaza-money.h"
#include "plaza-rent.h"
#include "plaza-rent-preview.h"

#define PREVIEW_DELAY_MS 150

struct _PlazaContractEditor
{
  AdwWindow         parent_instance;

  GtkDropDown      *tenant_dropdown;
  GtkStringList    *tenant_names;
  GArray           *tenant_ids;
  GtkListBox       *unit_list;
  GtkSearchEntry   *unit_search;
  GtkLabel         *area_label;
  GtkDropDown      *kind_dropdown;
  GtkDropDown      *model_dropdown;
  GtkDropDown      *rent_unit_dropdown;
  GtkDropDown      *fee_unit_dropdown;
  GHashTable       *entries;   /* name → GtkEntry */
  GHashTable       *errors;    /* name → GtkLabel */
  GtkGrid          *table;
  GtkWidget        *chart;
  GtkLabel         *preview_status;
  GtkLabel         *save_error;
  GtkButton        *save_button;
  GtkSpinner       *spinner;

  PlazaWorker      *worker;
  GCancellable     *cancellable;
  GArray           *schedule;
  char             *terms_json;
  gint64            renews_id;
  gint64            area;
  guint             n_units;
  guint             debounce_id;
  gboolean          loading;
  gboolean          saving;
};

G_DEFINE_FINAL_TYPE (PlazaContractEditor, plaza_contract_editor, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const kind_codes[] = { "lease", "concession", NULL };
static const char * const model_codes[] = { "fixed", "percentage", "higher_of", NULL };
static const char * const unit_codes[] = { "m2_day", "m2_month", "month", NULL };

/* Where the rent engine's field names go. */
static const struct
{
  const char *prefix;
  const char *field;
} engine_fields[] = {
  { "start", "start" },
  { "end", "end" },
  { "area", "units" },
  { "model", "rent_amount" },
  { "rent", "rent_amount" },
  { "percentage_tiers", "tiers" },
  { "percentage", "percentage" },
  { "escalation.every_months", "escalation_months" },
  { "escalation", "escalation_percent" },
  { "free", "free" },
  { "fees", "fee_amount" },
};

static const char *
text_of (PlazaContractEditor *self,
         const char          *name)
{
  GtkEditable *entry = g_hash_table_lookup (self->entries, name);

  g_return_val_if_fail (entry != NULL, "");
  return gtk_editable_get_text (entry);
}

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

static void
set_error (PlazaContractEditor *self,
           const char          *name,
           const char          *message)
{
  GtkLabel *label = g_hash_table_lookup (self->errors, name);

  if (label == NULL)
    return;
  /* The first reason for a field wins. */
  if (message != NULL && gtk_widget_get_visible (GTK_WIDGET (label)))
    return;
  gtk_label_set_label (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

static gboolean
valid_date (const char *text,
            GDate      *out)
{
  unsigned y, m, d;
  char tail;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  if (sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3)
    return FALSE;
  if (!g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  if (out != NULL)
    g_date_set_dmy (out, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

static const char *
choice (GtkDropDown        *dropdown,
        const char * const *codes)
{
  guint i = gtk_drop_down_get_selected (dropdown);

  return i < g_strv_length ((char **) codes) ? codes[i] : codes[0];
}

static char *
plain_area (gint64 hundredths)
{
  return g_strdup_printf ("%lld.%02lld", (long long) (hundredths / 100), (long long) (hundredths % 100));
}

/* Checks one money field; empty is allowed unless @required. */
static void
check_money (PlazaContractEditor *self,
             const char          *name,
             gboolean             required,
             gboolean            *ok)
{
  const char *text = text_of (self, name);
  gint64 fen;

  if (is_blank (text))
    {
      if (required)
        {
          set_error (self, name, _("Enter an amount in yuan, like 8.50."));
          *ok = FALSE;
        }
      return;
    }
  if (!plaza_money_parse (text, &fen) || fen < 0)
    {
      set_error (self, name, _("Not an amount in yuan: use digits and at most two decimals, like 8.50."));
      *ok = FALSE;
    }
}

static void
check_percent (PlazaContractEditor *self,
               const char          *name,
               gboolean             required,
               gboolean            *ok)
{
  const char *text = text_of (self, name);
  gint64 bp;

  if (is_blank (text))
    {
      if (required)
        {
          set_error (self, name, _("Enter a percentage, like 18.00."));
          *ok = FALSE;
        }
      return;
    }
  if (!plaza_percent_parse (text, &bp) || bp < 0 || bp > 10000)
    {
      set_error (self, name, _("Not a percentage between 0 and 100, like 18.00."));
      *ok = FALSE;
    }
}

static gboolean
parse_count (const char *text,
             gint64     *out)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));
  guint64 value;

  if (*copy == '\0')
    {
      *out = 0;
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (copy, 10, 0, 100000, &value, NULL))
    return FALSE;
  *out = (gint64) value;
  return TRUE;
}

/* Builds the terms JSON from the form; FALSE when a field is not valid
 * (its reason is shown under it). */
static char *
build_terms (PlazaContractEditor *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *area = NULL;
  const char *model = choice (self->model_dropdown, model_codes);
  gboolean needs_rent = !g_str_equal (model, "percentage");
  gboolean needs_pct = !g_str_equal (model, "fixed");
  gboolean has_tiers = !is_blank (text_of (self, "tiers"));
  GDate start, end;
  gboolean ok = TRUE, dates_ok = TRUE;
  gint64 count;

  g_date_clear (&start, 1);
  g_date_clear (&end, 1);

  if (!valid_date (text_of (self, "start"), &start))
    {
      set_error (self, "start", _("Enter the first day of the lease as YYYY-MM-DD, like 2026-03-15."));
      ok = dates_ok = FALSE;
    }
  if (!valid_date (text_of (self, "end"), &end))
    {
      set_error (self, "end", _("Enter the last day of the lease as YYYY-MM-DD, like 2029-03-14."));
      ok = dates_ok = FALSE;
    }
  if (dates_ok && g_date_compare (&end, &start) < 0)
    {
      set_error (self, "end", _("The lease ends before it starts."));
      ok = FALSE;
    }
  if (self->n_units == 0)
    {
      set_error (self, "units", _("Choose at least one unit."));
      ok = FALSE;
    }
  if (gtk_drop_down_get_selected (self->tenant_dropdown) == GTK_INVALID_LIST_POSITION)
    {
      set_error (self, "tenant", _("Choose the tenant."));
      ok = FALSE;
    }
  check_money (self, "rent_amount", needs_rent, &ok);
  if (!has_tiers)
    check_percent (self, "percentage", needs_pct, &ok);
  if (!parse_count (text_of (self, "escalation_months"), &count) || count > 600)
    {
      set_error (self, "escalation_months", _("Enter a whole number of months, like 12, or leave it empty."));
      ok = FALSE;
    }
  check_percent (self, "escalation_percent", FALSE, &ok);
  check_money (self, "fee_amount", FALSE, &ok);
  check_money (self, "deposit", FALSE, &ok);
  check_money (self, "late_fee_cap", FALSE, &ok);
  if (!parse_count (text_of (self, "late_fee_rate"), &count) || count > 10000)
    {
      set_error (self, "late_fee_rate", _("Enter a whole number of basis points per day (5 means five ten-thousandths a day)."));
      ok = FALSE;
    }
  if (!parse_count (text_of (self, "late_fee_grace"), &count) || count > 366)
    {
      set_error (self, "late_fee_grace", _("Enter a whole number of days, like 10."));
      ok = FALSE;
    }
  if (!ok || self->area <= 0)
    return NULL;

  area = plain_area (self->area);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "start");
  json_builder_add_string_value (builder, text_of (self, "start"));
  json_builder_set_member_name (builder, "end");
  json_builder_add_string_value (builder, text_of (self, "end"));
  json_builder_set_member_name (builder, "area");
  json_builder_add_string_value (builder, area);
  json_builder_set_member_name (builder, "model");
  json_builder_add_string_value (builder, model);
  if (needs_rent || !is_blank (text_of (self, "rent_amount")))
    {
      json_builder_set_member_name (builder, "rent");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "amount");
      json_builder_add_string_value (builder, text_of (self, "rent_amount"));
      json_builder_set_member_name (builder, "unit");
      json_builder_add_string_value (builder, choice (self->rent_unit_dropdown, unit_codes));
      json_builder_end_object (builder);
    }
  if (has_tiers)
    {
      g_auto(GStrv) parts = g_strsplit_set (text_of (self, "tiers"), ",;，；", -1);

      json_builder_set_member_name (builder, "percentage_tiers");
      json_builder_begin_array (builder);
      for (guint i = 0; parts[i] != NULL; i++)
        {
          g_auto(GStrv) pair = NULL;

          g_strstrip (parts[i]);
          if (*parts[i] == '\0')
            continue;
          pair = g_strsplit_set (parts[i], ":：", 2);
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "above");
          json_builder_add_string_value (builder, g_strstrip (pair[0]));
          json_builder_set_member_name (builder, "percent");
          json_builder_add_string_value (builder, pair[1] != NULL ? g_strstrip (pair[1]) : "");
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  else if (!is_blank (text_of (self, "percentage")))
    {
      json_builder_set_member_name (builder, "percentage");
      json_builder_add_string_value (builder, text_of (self, "percentage"));
    }
  parse_count (text_of (self, "escalation_months"), &count);
  if (count > 0 || !is_blank (text_of (self, "escalation_percent")))
    {
      json_builder_set_member_name (builder, "escalation");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "every_months");
      json_builder_add_int_value (builder, count);
      json_builder_set_member_name (builder, "percent");
      json_builder_add_string_value (builder, is_blank (text_of (self, "escalation_percent")) ? "0"
                                              : text_of (self, "escalation_percent"));
      json_builder_end_object (builder);
    }
  if (!is_blank (text_of (self, "free")))
    {
      g_auto(GStrv) parts = g_strsplit_set (text_of (self, "free"), ",;，；", -1);

      json_builder_set_member_name (builder, "free");
      json_builder_begin_array (builder);
      for (guint i = 0; parts[i] != NULL; i++)
        {
          g_auto(GStrv) pair = NULL;

          g_strstrip (parts[i]);
          if (*parts[i] == '\0')
            continue;
          pair = g_strsplit (parts[i], "..", 2);
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "from");
          json_builder_add_string_value (builder, g_strstrip (pair[0]));
          json_builder_set_member_name (builder, "to");
          json_builder_add_string_value (builder, pair[1] != NULL ? g_strstrip (pair[1]) : "");
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  if (!is_blank (text_of (self, "fee_amount")))
    {
      json_builder_set_member_name (builder, "fees");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, is_blank (text_of (self, "fee_name")) ? _("Property fee")
                                              : text_of (self, "fee_name"));
      json_builder_set_member_name (builder, "amount");
      json_builder_add_string_value (builder, text_of (self, "fee_amount"));
      json_builder_set_member_name (builder, "unit");
      json_builder_add_string_value (builder, choice (self->fee_unit_dropdown, unit_codes));
      json_builder_end_object (builder);
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static void
add_cell (GtkGrid    *grid,
          const char *text,
          int         column,
          int         row,
          gboolean    numeric,
          gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0 : 0.0);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  gtk_grid_attach (grid, label, column, row, 1, 1);
}

void
plaza_contract_editor_fill_schedule_table (GtkGrid *grid,
                                           GArray  *schedule)
{
  GtkWidget *child;
  gint64 sum = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
  if (schedule == NULL)
    return;

  add_cell (grid, _("Month"), 0, 0, FALSE, TRUE);
  add_cell (grid, _("Days"), 1, 0, TRUE, TRUE);
  add_cell (grid, _("Base Rent"), 2, 0, TRUE, TRUE);
  add_cell (grid, _("Fees"), 3, 0, TRUE, TRUE);
  add_cell (grid, _("Total"), 4, 0, TRUE, TRUE);
  for (guint i = 0; i < schedule->len; i++)
    {
      const PlazaRentPeriod *p = &g_array_index (schedule, PlazaRentPeriod, i);
      g_autofree char *days = g_strdup_printf ("%u", p->days);
      g_autofree char *base = plaza_money_format (p->base_rent, TRUE);
      g_autofree char *fees = plaza_money_format (p->fees, TRUE);
      g_autofree char *total = plaza_money_format (p->total, TRUE);

      add_cell (grid, p->month, 0, (int) i + 1, FALSE, FALSE);
      add_cell (grid, days, 1, (int) i + 1, TRUE, FALSE);
      add_cell (grid, base, 2, (int) i + 1, TRUE, FALSE);
      add_cell (grid, fees, 3, (int) i + 1, TRUE, FALSE);
      add_cell (grid, total, 4, (int) i + 1, TRUE, FALSE);
      sum += p->total;
    }
  {
    g_autofree char *total = plaza_money_format (sum, TRUE);
    add_cell (grid, _("All months"), 0, (int) schedule->len + 1, FALSE, TRUE);
    add_cell (grid, total, 4, (int) schedule->len + 1, TRUE, TRUE);
  }
}

static void
clear_errors (PlazaContractEditor *self)
{
  GHashTableIter iter;
  gpointer label;

  g_hash_table_iter_init (&iter, self->errors);
  while (g_hash_table_iter_next (&iter, NULL, &label))
    {
      gtk_label_set_label (label, "");
      gtk_widget_set_visible (label, FALSE);
    }
}

static void
show_engine_error (PlazaContractEditor *self,
                   const char          *message)
{
  for (guint i = 0; i < G_N_ELEMENTS (engine_fields); i++)
    if (g_str_has_prefix (message, engine_fields[i].prefix))
      {
        set_error (self, engine_fields[i].field, message);
        return;
      }
  gtk_label_set_label (self->preview_status, message);
}

void
plaza_contract_editor_update_preview (PlazaContractEditor *self)
{
  g_autoptr(PlazaRentTerms) terms = NULL;
  g_autoptr(GError) error = NULL;
  GArray *schedule = NULL;

  g_return_if_fail (PLAZA_IS_CONTRACT_EDITOR (self));

  g_clear_handle_id (&self->debounce_id, g_source_remove);
  clear_errors (self);
  gtk_label_set_label (self->preview_status, "");
  g_clear_pointer (&self->terms_json, g_free);
  g_clear_pointer (&self->schedule, g_array_unref);

  self->terms_json = build_terms (self);
  if (self->terms_json != NULL)
    {
      terms = plaza_rent_terms_new_from_json (self->terms_json, -1, &error);
      if (terms != NULL)
        schedule = plaza_rent_schedule (terms, NULL, &error);
      if (schedule == NULL)
        {
          show_engine_error (self, error->message);
          g_clear_pointer (&self->terms_json, g_free);
        }
    }
  else
    gtk_label_set_label (self->preview_status, _("The preview appears when every field above is valid."));

  self->schedule = schedule;
  plaza_rent_preview_set_schedule (PLAZA_RENT_PREVIEW (self->chart), schedule);
  plaza_contract_editor_fill_schedule_table (self->table, schedule);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), self->terms_json != NULL && !self->saving);
}

static gboolean
debounce_cb (gpointer user_data)
{
  PlazaContractEditor *self = user_data;

  self->debounce_id = 0;
  plaza_contract_editor_update_preview (self);
  return G_SOURCE_REMOVE;
}

static void
changed_cb (PlazaContractEditor *self)
{
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  self->debounce_id = g_timeout_add (PREVIEW_DELAY_MS, debounce_cb, self);
}

static void
update_area (PlazaContractEditor *self)
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
          self->area += GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "plaza-area"));
          self->n_units++;
        }
    }
  area = plaza_area_format (self->area);
  text = g_strdup_printf (ngettext ("%u unit, %s m²", "%u units, %s m²", self->n_units), self->n_units, area);
  gtk_label_set_label (self->area_label, text);
  changed_cb (self);
}

/* ---- the form ---- */

static GtkWidget *
add_row (PlazaContractEditor *self,
         GtkGrid             *grid,
         int                 *row,
         const char          *name,
         const char          *title,
         GtkWidget           *widget)
{
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *error = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_widget_set_valign (label, GTK_ALIGN_BASELINE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_grid_attach (grid, label, 0, *row, 1, 1);
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_grid_attach (grid, widget, 1, *row, 1, 1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  (*row)++;

  gtk_label_set_xalign (GTK_LABEL (error), 0.0);
  gtk_label_set_wrap (GTK_LABEL (error), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (error), 40);
  gtk_widget_add_css_class (error, "error");
  gtk_widget_add_css_class (error, "caption");
  gtk_widget_set_visible (error, FALSE);
  gtk_grid_attach (grid, error, 1, *row, 1, 1);
  (*row)++;
  g_hash_table_insert (self->errors, (gpointer) name, error);
  return widget;
}

static GtkWidget *
add_entry (PlazaContractEditor *self,
           GtkGrid             *grid,
           int                 *row,
           const char          *name,
           const char          *title,
           const char          *placeholder)
{
  GtkWidget *entry = gtk_entry_new ();

  if (placeholder != NULL)
    gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  g_signal_connect_object (entry, "changed", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  g_hash_table_insert (self->entries, (gpointer) name, entry);
  return add_row (self, grid, row, name, title, entry);
}

static GtkDropDown *
make_dropdown (PlazaContractEditor *self,
               const char * const  *labels)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (labels));

  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  return dropdown;
}

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 12);
  return label;
}

static gboolean
unit_filter_cb (GtkListBoxRow *row,
                gpointer       user_data)
{
  PlazaContractEditor *self = user_data;
  const char *needle = gtk_editable_get_text (GTK_EDITABLE (self->unit_search));
  const char *hay = g_object_get_data (G_OBJECT (row), "plaza-search");
  g_autofree char *folded = NULL;

  if (is_blank (needle) || hay == NULL)
    return TRUE;
  folded = g_utf8_casefold (needle, -1);
  return strstr (hay, g_strstrip (folded)) != NULL;
}

static void
unit_search_cb (PlazaContractEditor *self)
{
  gtk_list_box_invalidate_filter (self->unit_list);
}

static void
build_ui (PlazaContractEditor *self)
{
  const char *kinds[] = { _("Lease"), _("Concession"), NULL };
  const char *models[] = { _("Fixed rent"), _("Percentage of sales"), _("Higher of minimum and percentage"), NULL };
  const char *units[] = { _("yuan/m²/day"), _("yuan/m²/month"), _("yuan/month"), NULL };
  GtkWidget *header, *cancel, *paned, *form_scroller, *form, *unit_scroller, *box;
  GtkWidget *preview_box, *table_scroller, *outer;
  GtkGrid *grid;
  GtkExpression *expression;
  int row = 0;

  gtk_window_set_title (GTK_WINDOW (self), _("New Contract"));
  gtk_window_set_default_size (GTK_WINDOW (self), 1100, 760);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect_object (cancel, "clicked", G_CALLBACK (gtk_window_close), self, G_CONNECT_SWAPPED);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->save_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Save Draft")));
  gtk_widget_add_css_class (GTK_WIDGET (self->save_button), "suggested-action");
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
  g_signal_connect_object (self->save_button, "clicked", G_CALLBACK (plaza_contract_editor_save), self,
                           G_CONNECT_SWAPPED);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->save_button));
  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->spinner));
  gtk_box_append (GTK_BOX (outer), header);

  self->save_error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (GTK_LABEL (self->save_error), TRUE);
  gtk_label_set_xalign (self->save_error, 0.0);
  gtk_widget_add_css_class (GTK_WIDGET (self->save_error), "error");
  gtk_widget_set_margin_start (GTK_WIDGET (self->save_error), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->save_error), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->save_error), 6);
  gtk_widget_set_visible (GTK_WIDGET (self->save_error), FALSE);
  gtk_box_append (GTK_BOX (outer), GTK_WIDGET (self->save_error));

  paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_widget_set_vexpand (paned, TRUE);
  gtk_box_append (GTK_BOX (outer), paned);

  /* The form. */
  form = gtk_grid_new ();
  grid = GTK_GRID (form);
  gtk_grid_set_column_spacing (grid, 12);
  gtk_grid_set_row_spacing (grid, 4);
  gtk_widget_set_margin_start (form, 18);
  gtk_widget_set_margin_end (form, 18);
  gtk_widget_set_margin_top (form, 12);
  gtk_widget_set_margin_bottom (form, 18);

  gtk_grid_attach (grid, heading (_("Tenant and Units")), 0, row++, 2, 1);
  self->tenant_names = gtk_string_list_new (NULL);
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  self->tenant_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->tenant_names)), expression));
  gtk_drop_down_set_enable_search (self->tenant_dropdown, TRUE);
  gtk_drop_down_set_selected (self->tenant_dropdown, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->tenant_dropdown, "notify::selected", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  add_row (self, grid, &row, "tenant", _("Tenant"), GTK_WIDGET (self->tenant_dropdown));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->unit_search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->unit_search, "placeholder-text", _("Search units, floors…"), NULL);
  g_signal_connect_object (self->unit_search, "search-changed", G_CALLBACK (unit_search_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->unit_search));
  self->unit_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->unit_list, GTK_SELECTION_NONE);
  gtk_list_box_set_filter_func (self->unit_list, unit_filter_cb, self, NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self->unit_list), "boxed-list");
  unit_scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (unit_scroller), GTK_WIDGET (self->unit_list));
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (unit_scroller), 150);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (unit_scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_box_append (GTK_BOX (box), unit_scroller);
  self->area_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->area_label, 0.0);
  gtk_widget_add_css_class (GTK_WIDGET (self->area_label), "numeric");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->area_label));
  add_row (self, grid, &row, "units", _("Units"), box);

  self->kind_dropdown = make_dropdown (self, kinds);
  add_row (self, grid, &row, "kind", _("Type"), GTK_WIDGET (self->kind_dropdown));

  gtk_grid_attach (grid, heading (_("Dates")), 0, row++, 2, 1);
  add_entry (self, grid, &row, "start", _("Start"), _("YYYY-MM-DD"));
  add_entry (self, grid, &row, "end", _("End"), _("YYYY-MM-DD"));

  gtk_grid_attach (grid, heading (_("Rent")), 0, row++, 2, 1);
  self->model_dropdown = make_dropdown (self, models);
  add_row (self, grid, &row, "model", _("Rent model"), GTK_WIDGET (self->model_dropdown));
  self->rent_unit_dropdown = make_dropdown (self, units);
  add_entry (self, grid, &row, "rent_amount", _("Rent"), _("8.50"));
  gtk_drop_down_set_selected (self->rent_unit_dropdown, 0);
  gtk_grid_attach (grid, GTK_WIDGET (self->rent_unit_dropdown), 2, row - 2, 1, 1);
  add_entry (self, grid, &row, "percentage", _("Percentage (%)"), _("18.00"));
  add_entry (self, grid, &row, "tiers", _("Tiers"), _("above:percent, e.g. 0:8.00, 300000:9.50"));
  add_entry (self, grid, &row, "escalation_months", _("Escalate every (months)"), _("12"));
  add_entry (self, grid, &row, "escalation_percent", _("Escalation (%)"), _("5.00"));
  add_entry (self, grid, &row, "free", _("Rent-free"), _("2026-03-15..2026-05-14, …"));

  gtk_grid_attach (grid, heading (_("Fees, Deposit and Late Fees")), 0, row++, 2, 1);
  add_entry (self, grid, &row, "fee_name", _("Fee"), _("Property fee"));
  add_entry (self, grid, &row, "fee_amount", _("Fee amount"), _("30.00"));
  self->fee_unit_dropdown = make_dropdown (self, units);
  gtk_drop_down_set_selected (self->fee_unit_dropdown, 1);
  gtk_grid_attach (grid, GTK_WIDGET (self->fee_unit_dropdown), 2, row - 2, 1, 1);
  add_entry (self, grid, &row, "deposit", _("Deposit (yuan)"), _("0.00"));
  add_entry (self, grid, &row, "late_fee_rate", _("Late fee (‱ a day)"), _("5"));
  add_entry (self, grid, &row, "late_fee_grace", _("Grace days"), _("0"));
  add_entry (self, grid, &row, "late_fee_cap", _("Late fee cap (yuan)"), _("0.00 = none"));

  form_scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (form_scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (form_scroller), form);
  gtk_widget_set_size_request (form_scroller, 460, -1);
  gtk_paned_set_start_child (GTK_PANED (paned), form_scroller);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);

  /* The preview. */
  preview_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_start (preview_box, 18);
  gtk_widget_set_margin_end (preview_box, 18);
  gtk_widget_set_margin_top (preview_box, 12);
  gtk_widget_set_margin_bottom (preview_box, 12);
  gtk_box_append (GTK_BOX (preview_box), heading (_("Rent Schedule Preview")));
  self->chart = plaza_rent_preview_new ();
  gtk_box_append (GTK_BOX (preview_box), self->chart);
  self->preview_status = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->preview_status, TRUE);
  gtk_label_set_xalign (self->preview_status, 0.0);
  gtk_widget_add_css_class (GTK_WIDGET (self->preview_status), "dim-label");
  gtk_box_append (GTK_BOX (preview_box), GTK_WIDGET (self->preview_status));
  self->table = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (self->table, 18);
  gtk_grid_set_row_spacing (self->table, 2);
  table_scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (table_scroller), GTK_WIDGET (self->table));
  gtk_widget_set_vexpand (table_scroller, TRUE);
  gtk_box_append (GTK_BOX (preview_box), table_scroller);
  gtk_paned_set_end_child (GTK_PANED (paned), preview_box);
  gtk_paned_set_shrink_end_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_position (GTK_PANED (paned), 580);

  adw_window_set_content (ADW_WINDOW (self), outer);
  update_area (self);
}

/* ---- loading tenants and units ---- */

typedef struct
{
  GPtrArray *tenants;
  GPtrArray *units;
} Pickers;

static void
pickers_free (Pickers *p)
{
  g_clear_pointer (&p->tenants, g_ptr_array_unref);
  g_clear_pointer (&p->units, g_ptr_array_unref);
  g_free (p);
}

static void
collect_cb (GPtrArray *records,
            gpointer   user_data)
{
  GPtrArray *into = user_data;

  for (guint i = 0; i < records->len; i++)
    g_ptr_array_add (into, g_object_ref (records->pdata[i]));
  g_ptr_array_unref (records);
}

static gpointer
load_pickers_func (PlazaStore    *store,
                   gpointer       data G_GNUC_UNUSED,
                   GCancellable  *cancellable,
                   GError       **error)
{
  Pickers *p = g_new0 (Pickers, 1);

  p->tenants = g_ptr_array_new_with_free_func (g_object_unref);
  p->units = g_ptr_array_new_with_free_func (g_object_unref);
  if (!plaza_list_query_run (store, PLAZA_LIST_TENANTS, 500, collect_cb, p->tenants, cancellable, error) ||
      !plaza_list_query_run (store, PLAZA_LIST_UNITS, 500, collect_cb, p->units, cancellable, error))
    {
      pickers_free (p);
      return NULL;
    }
  return p;
}

static void
pickers_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PlazaContractEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  Pickers *p = plaza_worker_run_finish (PLAZA_WORKER (source), result, &error);

  self->loading = FALSE;
  gtk_spinner_set_spinning (self->spinner, FALSE);
  if (p == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          gtk_label_set_label (self->save_error, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->save_error), TRUE);
        }
      return;
    }

  for (guint i = 0; i < p->tenants->len; i++)
    {
      PlazaRecord *r = p->tenants->pdata[i];
      gint64 id = plaza_record_get_id (r);
      g_autofree char *label = g_strdup_printf ("%s  %s", plaza_record_get_text (r, 1), plaza_record_get_text (r, 0));

      g_array_append_val (self->tenant_ids, id);
      gtk_string_list_append (self->tenant_names, label);
    }
  gtk_drop_down_set_selected (self->tenant_dropdown, GTK_INVALID_LIST_POSITION);

  for (guint i = 0; i < p->units->len; i++)
    {
      PlazaRecord *r = p->units->pdata[i];
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      g_autofree char *area = plaza_area_format (plaza_record_get_int (r, 4));
      g_autofree char *area_text = g_strdup_printf ("%s m²", area);
      const char *code = plaza_record_get_text (r, 0);
      const char *floor = plaza_record_get_text (r, 1);
      const char *status = plaza_state_label (plaza_record_get_text (r, 5));
      const char *tenant = plaza_record_is_null (r, 6) ? "" : plaza_record_get_text (r, 6);
      g_autofree char *title = g_strdup_printf ("%s · %s", code, floor != NULL ? floor : "");
      g_autofree char *search = g_utf8_casefold (title, -1);
      g_autofree char *detail = g_strdup_printf ("%s %s", status, tenant);
      GtkWidget *label = gtk_label_new (title);
      GtkWidget *info = gtk_label_new (detail);
      GtkWidget *area_label = gtk_label_new (area_text);

      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_label_set_xalign (GTK_LABEL (info), 0.0);
      gtk_label_set_ellipsize (GTK_LABEL (info), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (info, TRUE);
      gtk_widget_add_css_class (info, "dim-label");
      gtk_widget_add_css_class (area_label, "numeric");
      gtk_box_append (GTK_BOX (box), check);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), info);
      gtk_box_append (GTK_BOX (box), area_label);
      gtk_widget_set_margin_start (box, 6);
      gtk_widget_set_margin_end (box, 6);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      g_object_set_data (G_OBJECT (row), "plaza-check", check);
      g_object_set_data (G_OBJECT (row), "plaza-area", GSIZE_TO_POINTER ((gsize) plaza_record_get_int (r, 4)));
      g_object_set_data (G_OBJECT (row), "plaza-unit-id", GSIZE_TO_POINTER ((gsize) plaza_record_get_id (r)));
      g_object_set_data_full (G_OBJECT (row), "plaza-search", g_steal_pointer (&search), g_free);
      g_signal_connect_object (check, "toggled", G_CALLBACK (update_area), self, G_CONNECT_SWAPPED);
      gtk_list_box_append (self->unit_list, row);
    }
  pickers_free (p);
  update_area (self);
}

/* ---- saving ---- */

typedef struct
{
  PlazaContractDraft  draft;
  gint64              renews_id;
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

  if (data->renews_id > 0)
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
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), self->terms_json != NULL);
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
  SaveData *data;
  gint64 value;
  GtkWidget *row;

  g_return_if_fail (PLAZA_IS_CONTRACT_EDITOR (self));

  plaza_contract_editor_update_preview (self);
  if (self->terms_json == NULL || self->saving || self->worker == NULL)
    {
      gtk_label_set_label (self->save_error, _("Correct the fields marked in red first."));
      gtk_widget_set_visible (GTK_WIDGET (self->save_error), TRUE);
      return;
    }

  data = g_new0 (SaveData, 1);
  data->renews_id = self->renews_id;
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
  data->kind = g_strdup (choice (self->kind_dropdown, kind_codes));
  data->model = g_strdup (choice (self->model_dropdown, model_codes));
  data->start = g_strstrip (g_strdup (text_of (self, "start")));
  data->end = g_strstrip (g_strdup (text_of (self, "end")));
  data->terms = g_strdup (self->terms_json);

  data->draft.tenant_id = g_array_index (self->tenant_ids, gint64, gtk_drop_down_get_selected (self->tenant_dropdown));
  data->draft.kind = data->kind;
  data->draft.model = data->model;
  data->draft.start_date = data->start;
  data->draft.end_date = data->end;
  data->draft.area_basis = "rentable";
  data->draft.terms_json = data->terms;
  data->draft.monthly_rent = indicative_rent (self->schedule);
  data->draft.deposit_amount = plaza_money_parse (text_of (self, "deposit"), &value) ? value : 0;
  data->draft.late_fee_bp_per_day = parse_count (text_of (self, "late_fee_rate"), &value) && !is_blank (text_of (self, "late_fee_rate")) ? value : 5;
  data->draft.late_fee_grace_days = parse_count (text_of (self, "late_fee_grace"), &value) ? value : 0;
  data->draft.late_fee_cap = plaza_money_parse (text_of (self, "late_fee_cap"), &value) ? value : 0;
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
  g_clear_pointer (&self->schedule, g_array_unref);
  g_free (self->terms_json);
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
  build_ui (self);
}

PlazaContractEditor *
plaza_contract_editor_new (GtkWindow   *parent,
                           PlazaWorker *worker)
{
  PlazaContractEditor *self;

  g_return_val_if_fail (PLAZA_IS_WORKER (worker), NULL);

  self = g_object_new (PLAZA_TYPE_CONTRACT_EDITOR, "transient-for", parent, "modal", TRUE, NULL);
  self->worker = g_object_ref (worker);
  self->loading = TRUE;
  gtk_spinner_set_spinning (self->spinner, TRUE);
  plaza_worker_run_async (worker, load_pickers_func, NULL, NULL, self->cancellable, pickers_done_cb,
                          g_object_ref (self));
  return self;
}

void
plaza_contract_editor_set_renews (PlazaContractEditor *self,
                                  gint64               id,
                                  const char          *old_end)
{
  GDate date;

  g_return_if_fail (PLAZA_IS_CONTRACT_EDITOR (self));

  self->renews_id = id;
  gtk_window_set_title (GTK_WINDOW (self), _("Renew Contract"));
  g_date_clear (&date, 1);
  if (valid_date (old_end, &date))
    {
      char text[16];

      g_date_add_days (&date, 1);
      g_snprintf (text, sizeof text, "%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                  g_date_get_day (&date));
      plaza_contract_editor_set_field (self, "start", text);
    }
}

gboolean
plaza_contract_editor_get_loading (PlazaContractEditor *self)
{
  g_return_val_if_fail (PLAZA_IS_CONTRACT_EDITOR (self), FALSE);
  return self->loading;
}

void
plaza_contract_editor_set_field (PlazaContractEditor *self,
                                 const char          *name,
                                 const char          *text)
{
  GtkEditable *entry;

  g_return_if_fail (PLAZA_IS_CONTRACT_EDITOR (self));
  entry = g_hash_table_lookup (self->entries, name);
  g_return_if_fail (entry != NULL);
  gtk_editable_set_text (entry, text != NULL ? text : "");
}

const char *
plaza_contract_editor_get_error (PlazaContractEditor *self,
                                 const char          *name)
{
  GtkLabel *label;

  g_return_val_if_fail (PLAZA_IS_CONTRACT_EDITOR (self), NULL);
  label = g_hash_table_lookup (self->errors, name);
  if (label == NULL || !gtk_widget_get_visible (GTK_WIDGET (label)))
    return NULL;
  return gtk_label_get_label (label);
}

void
plaza_contract_editor_set_choice (PlazaContractEditor *self,
                                  const char          *name,
                                  const char          *value)
{
  const char * const *codes = g_str_equal (name, "model") ? model_codes
                              : g_str_equal (name, "kind") ? kind_codes : unit_codes;
  GtkDropDown *dropdown = g_str_equal (name, "model") ? self->model_dropdown
                          : g_str_equal (name, "kind") ? self->kind_dropdown
                          : g_str_equal (name, "fee_unit") ? self->fee_unit_dropdown : self->rent_unit_dropdown;

  g_return_if_fail (PLAZA_IS_CONTRACT_EDITOR (self));
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
