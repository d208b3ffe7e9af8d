/* plaza-contract-editor-ui.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The contract editor's widgets: the form (tenant, units, dates, rent,
 * fee lines, rent-free periods and tiers as small editable rows, deposit
 * and late fees), the preview pane, the schedule table shared with the
 * contract detail, and loading the tenant and unit pickers through the
 * worker.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "plaza-contract-editor-private.h"
#include "plaza-contract.h"
#include "plaza-list-query.h"
#include "plaza-money.h"
#include "plaza-rent.h"
#include "plaza-rent-preview.h"

/* Tall enough for eight unit rows. */
#define UNIT_LIST_HEIGHT 360

const char *
plaza_contract_editor_choice (GtkDropDown        *dropdown,
                              const char * const *codes)
{
  guint i = gtk_drop_down_get_selected (dropdown);

  return i < g_strv_length ((char **) codes) ? codes[i] : codes[0];
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

/* ---- callbacks ---- */

static void
entry_changed_cb (GtkEditable         *entry,
                  PlazaContractEditor *self)
{
  plaza_contract_editor_touch (self, g_object_get_data (G_OBJECT (entry), "plaza-field"));
  plaza_contract_editor_changed (self);
}

static void
choice_changed_cb (PlazaContractEditor *self)
{
  plaza_contract_editor_changed (self);
}

static void
basis_changed_cb (PlazaContractEditor *self)
{
  plaza_contract_editor_update_area (self);
  plaza_contract_editor_changed (self);
}

static void
tenant_changed_cb (PlazaContractEditor *self)
{
  if (gtk_drop_down_get_selected (self->tenant_dropdown) != GTK_INVALID_LIST_POSITION)
    plaza_contract_editor_touch (self, "tenant");
  plaza_contract_editor_changed (self);
}

static void
unit_toggled_cb (PlazaContractEditor *self)
{
  plaza_contract_editor_touch (self, "units");
  plaza_contract_editor_update_area (self);
}

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

static gboolean
unit_filter_cb (GtkListBoxRow *row,
                gpointer       user_data)
{
  PlazaContractEditor *self = user_data;
  const char *needle = gtk_editable_get_text (GTK_EDITABLE (self->unit_search));
  const char *hay = g_object_get_data (G_OBJECT (row), "plaza-search");
  g_autofree char *folded = NULL;

  /* An amendment keeps its units: only those are listed. */
  if (self->amends_id > 0)
    {
      GtkWidget *check = g_object_get_data (G_OBJECT (row), "plaza-check");

      return check != NULL && gtk_check_button_get_active (GTK_CHECK_BUTTON (check));
    }
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
  if (GTK_IS_BOX (widget) && gtk_orientable_get_orientation (GTK_ORIENTABLE (widget)) == GTK_ORIENTATION_VERTICAL)
    {
      /* Beside the first line of a list. */
      gtk_widget_set_valign (label, GTK_ALIGN_START);
      gtk_widget_set_margin_top (label, 8);
    }
  else
    gtk_widget_set_valign (label, GTK_IS_BOX (widget) ? GTK_ALIGN_CENTER : GTK_ALIGN_BASELINE);
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
make_entry (PlazaContractEditor *self,
            const char          *field,
            const char          *placeholder)
{
  GtkWidget *entry = gtk_entry_new ();

  if (placeholder != NULL)
    gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  g_object_set_data (G_OBJECT (entry), "plaza-field", (gpointer) field);
  g_signal_connect_object (entry, "changed", G_CALLBACK (entry_changed_cb), self, 0);
  return entry;
}

static GtkWidget *
add_entry (PlazaContractEditor *self,
           GtkGrid             *grid,
           int                 *row,
           const char          *name,
           const char          *title,
           const char          *placeholder)
{
  GtkWidget *entry = make_entry (self, name, placeholder);

  g_hash_table_insert (self->entries, (gpointer) name, entry);
  return add_row (self, grid, row, name, title, entry);
}

static GtkDropDown *
make_dropdown (PlazaContractEditor *self,
               const char * const  *labels)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (labels));

  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (choice_changed_cb), self, G_CONNECT_SWAPPED);
  return dropdown;
}

static GtkDropDown *
make_unit_dropdown (PlazaContractEditor *self)
{
  const char *units[] = { _("yuan/m²/day"), _("yuan/m²/month"), _("yuan/month"), NULL };

  return make_dropdown (self, units);
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

/* ---- fee, rent-free and tier rows ---- */

GtkBox *
plaza_contract_editor_section_box (PlazaContractEditor *self,
                                   const char          *section)
{
  if (g_str_equal (section, "fees"))
    return self->fees_box;
  if (g_str_equal (section, "free"))
    return self->free_box;
  g_return_val_if_fail (g_str_equal (section, "tiers"), NULL);
  return self->tiers_box;
}

static void
remove_row_cb (GtkButton           *button,
               PlazaContractEditor *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "plaza-row");
  const char *section = g_object_get_data (G_OBJECT (row), "plaza-section");

  gtk_box_remove (plaza_contract_editor_section_box (self, section), row);
  plaza_contract_editor_touch (self, section);
  plaza_contract_editor_changed (self);
}

GtkWidget *
plaza_contract_editor_append_row (PlazaContractEditor *self,
                                  const char          *section,
                                  const char          *a,
                                  const char          *b,
                                  const char          *unit)
{
  GtkBox *box = plaza_contract_editor_section_box (self, section);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *first, *second, *remove;
  gboolean is_fees = g_str_equal (section, "fees");
  gboolean is_free = g_str_equal (section, "free");

  first = make_entry (self, is_fees ? "fees" : is_free ? "free" : "tiers",
                      is_fees ? _("Property fee") : is_free ? _("From YYYY-MM-DD") : _("Sales above, e.g. 0"));
  second = make_entry (self, is_fees ? "fees" : is_free ? "free" : "tiers",
                       is_fees ? _("30.00") : is_free ? _("To YYYY-MM-DD") : _("Percent, e.g. 8.00"));
  /* A fee's name takes the room; its amount is short. */
  gtk_widget_set_hexpand (first, TRUE);
  gtk_widget_set_hexpand (second, !is_fees);
  gtk_editable_set_width_chars (GTK_EDITABLE (first), 8);
  gtk_editable_set_width_chars (GTK_EDITABLE (second), is_fees ? 6 : 8);
  gtk_accessible_update_property (GTK_ACCESSIBLE (first), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  is_fees ? _("Fee name") : is_free ? _("Rent-free from") : _("Sales threshold (yuan)"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (second), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  is_fees ? _("Fee amount") : is_free ? _("Rent-free to") : _("Tier percentage"), -1);
  gtk_box_append (GTK_BOX (row), first);
  if (is_free)
    gtk_box_append (GTK_BOX (row), gtk_label_new ("–"));
  gtk_box_append (GTK_BOX (row), second);
  if (!is_fees && !is_free)
    gtk_box_append (GTK_BOX (row), gtk_label_new ("%"));
  if (is_fees)
    {
      GtkDropDown *dropdown = make_unit_dropdown (self);

      gtk_drop_down_set_selected (dropdown, 1);
      for (guint i = 0; unit != NULL && plaza_contract_editor_unit_codes[i] != NULL; i++)
        if (g_str_equal (unit, plaza_contract_editor_unit_codes[i]))
          gtk_drop_down_set_selected (dropdown, i);
      gtk_box_append (GTK_BOX (row), GTK_WIDGET (dropdown));
      g_object_set_data (G_OBJECT (row), "plaza-unit", dropdown);
    }
  remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove this line"));
  g_object_set_data (G_OBJECT (remove), "plaza-row", row);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_row_cb), self, 0);
  gtk_box_append (GTK_BOX (row), remove);

  g_object_set_data (G_OBJECT (row), "plaza-section", (gpointer) (is_fees ? "fees" : is_free ? "free" : "tiers"));
  g_object_set_data (G_OBJECT (row), "plaza-a", first);
  g_object_set_data (G_OBJECT (row), "plaza-b", second);
  gtk_box_append (box, row);
  if (a != NULL)
    gtk_editable_set_text (GTK_EDITABLE (first), a);
  if (b != NULL)
    gtk_editable_set_text (GTK_EDITABLE (second), b);
  return row;
}

void
plaza_contract_editor_clear_rows (PlazaContractEditor *self,
                                  const char          *section)
{
  GtkBox *box = plaza_contract_editor_section_box (self, section);
  GtkWidget *row;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, row);
}

static void
add_clicked_cb (GtkButton           *button,
                PlazaContractEditor *self)
{
  GtkWidget *row = plaza_contract_editor_append_row (self, g_object_get_data (G_OBJECT (button), "plaza-section"),
                                                     NULL, NULL, NULL);

  gtk_widget_grab_focus (g_object_get_data (G_OBJECT (row), "plaza-a"));
}

static void
add_section (PlazaContractEditor *self,
             GtkGrid             *grid,
             int                 *row,
             const char          *section,
             const char          *title,
             const char          *add_label)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *rows = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *button = gtk_button_new_with_mnemonic (add_label);
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), add_label);
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  g_object_set_data (G_OBJECT (button), "plaza-section", (gpointer) section);
  g_signal_connect_object (button, "clicked", G_CALLBACK (add_clicked_cb), self, 0);
  gtk_box_append (GTK_BOX (outer), rows);
  gtk_box_append (GTK_BOX (outer), button);
  if (g_str_equal (section, "fees"))
    self->fees_box = GTK_BOX (rows);
  else if (g_str_equal (section, "free"))
    self->free_box = GTK_BOX (rows);
  else
    self->tiers_box = GTK_BOX (rows);
  add_row (self, grid, row, section, title, outer);
}

void
plaza_contract_editor_build_ui (PlazaContractEditor *self)
{
  const char *kinds[] = { _("Lease"), _("Concession"), NULL };
  const char *bases[] = { _("Rentable area"), _("Gross area"), NULL };
  const char *models[] = { _("Fixed rent"), _("Percentage of sales"), _("Higher of minimum and percentage"), NULL };
  GtkWidget *header, *cancel, *paned, *form_scroller, *form, *unit_scroller, *box;
  GtkWidget *preview_box, *table_scroller, *outer;
  GtkGrid *grid;
  GtkExpression *expression;
  int row = 0;

  gtk_window_set_title (GTK_WINDOW (self), _("New Contract"));
  gtk_window_set_default_size (GTK_WINDOW (self), 1220, 800);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect_object (cancel, "clicked", G_CALLBACK (gtk_window_close), self, G_CONNECT_SWAPPED);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->save_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Save Draft")));
  gtk_widget_add_css_class (GTK_WIDGET (self->save_button), "suggested-action");
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
  g_signal_connect_object (self->tenant_dropdown, "notify::selected", G_CALLBACK (tenant_changed_cb), self,
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
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (unit_scroller), UNIT_LIST_HEIGHT);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (unit_scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_box_append (GTK_BOX (box), unit_scroller);
  self->area_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->area_label, 0.0);
  gtk_widget_add_css_class (GTK_WIDGET (self->area_label), "numeric");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->area_label));
  add_row (self, grid, &row, "units", _("Units"), box);

  /* Rent and fees are computed on the area the contract names. */
  self->basis_dropdown = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (bases));
  g_signal_connect_object (self->basis_dropdown, "notify::selected", G_CALLBACK (basis_changed_cb), self,
                           G_CONNECT_SWAPPED);
  add_row (self, grid, &row, "area_basis", _("Area basis"), GTK_WIDGET (self->basis_dropdown));

  self->kind_dropdown = make_dropdown (self, kinds);
  add_row (self, grid, &row, "kind", _("Type"), GTK_WIDGET (self->kind_dropdown));

  gtk_grid_attach (grid, heading (_("Dates")), 0, row++, 2, 1);
  add_entry (self, grid, &row, "start", _("Start"), _("YYYY-MM-DD"));
  add_entry (self, grid, &row, "end", _("End"), _("YYYY-MM-DD"));
  /* Amend mode only. */
  add_entry (self, grid, &row, "effective", _("Effective from"), _("YYYY-MM-DD, inside the lease"));
  add_entry (self, grid, &row, "comment", _("Comment"), _("Why the terms change"));
  plaza_contract_editor_show_row (self, "effective", FALSE);
  plaza_contract_editor_show_row (self, "comment", FALSE);

  gtk_grid_attach (grid, heading (_("Rent")), 0, row++, 2, 1);
  self->model_dropdown = make_dropdown (self, models);
  add_row (self, grid, &row, "model", _("Rent model"), GTK_WIDGET (self->model_dropdown));
  {
    GtkWidget *rent_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
    GtkWidget *rent = make_entry (self, "rent_amount", _("8.50"));

    /* The unit beside the amount, so the form keeps two columns. */
    self->rent_unit_dropdown = make_unit_dropdown (self);
    gtk_drop_down_set_selected (self->rent_unit_dropdown, 0);
    gtk_widget_set_hexpand (rent, TRUE);
    gtk_box_append (GTK_BOX (rent_box), rent);
    gtk_box_append (GTK_BOX (rent_box), GTK_WIDGET (self->rent_unit_dropdown));
    g_hash_table_insert (self->entries, (gpointer) "rent_amount", rent);
    add_row (self, grid, &row, "rent_amount", _("Rent"), rent_box);
  }
  add_entry (self, grid, &row, "percentage", _("Percentage (%)"), _("18.00"));
  add_section (self, grid, &row, "tiers", _("Tiers"), _("Add _Tier"));
  add_entry (self, grid, &row, "escalation_months", _("Escalate every (months)"), _("12"));
  add_entry (self, grid, &row, "escalation_percent", _("Escalation (%)"), _("5.00"));
  add_section (self, grid, &row, "free", _("Rent-free"), _("Add _Rent-Free Period"));

  gtk_grid_attach (grid, heading (_("Fees, Deposit and Late Fees")), 0, row++, 2, 1);
  add_section (self, grid, &row, "fees", _("Fees"), _("Add _Fee"));
  plaza_contract_editor_append_row (self, "fees", NULL, NULL, "m2_month");
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
  plaza_contract_editor_update_area (self);
}


/* The label beside @widget in the form grid, or NULL. */
static GtkWidget *
row_label (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);
  int column, row;

  /* The rent entry sits in a box with its unit. */
  if (parent != NULL && !GTK_IS_GRID (parent))
    {
      widget = parent;
      parent = gtk_widget_get_parent (widget);
    }
  if (parent == NULL || !GTK_IS_GRID (parent))
    return NULL;
  gtk_grid_query_child (GTK_GRID (parent), widget, &column, &row, NULL, NULL);
  return gtk_grid_get_child_at (GTK_GRID (parent), 0, row);
}

void
plaza_contract_editor_show_row (PlazaContractEditor *self,
                                const char          *name,
                                gboolean             visible)
{
  GtkWidget *entry = g_hash_table_lookup (self->entries, name);
  GtkWidget *label;

  g_return_if_fail (entry != NULL);
  label = row_label (entry);
  gtk_widget_set_visible (entry, visible);
  if (label != NULL)
    gtk_widget_set_visible (label, visible);
}

void
plaza_contract_editor_lock_row (PlazaContractEditor *self G_GNUC_UNUSED,
                                GtkWidget           *widget)
{
  gtk_widget_set_sensitive (widget, FALSE);
  gtk_widget_set_tooltip_text (widget, _("An amendment changes the terms, not the parties or the lease dates."));
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

  /* Still loading while the pickers fill: the drop-down selecting its
   * first tenant on its own is not the user's edit. */
  gtk_spinner_set_spinning (self->spinner, FALSE);
  if (p == NULL)
    {
      self->loading = FALSE;
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
      g_object_set_data (G_OBJECT (row), "plaza-gross-area", GSIZE_TO_POINTER ((gsize) plaza_record_get_int (r, 3)));
      g_object_set_data (G_OBJECT (row), "plaza-unit-id", GSIZE_TO_POINTER ((gsize) plaza_record_get_id (r)));
      g_object_set_data_full (G_OBJECT (row), "plaza-search", g_steal_pointer (&search), g_free);
      g_signal_connect_object (check, "toggled", G_CALLBACK (unit_toggled_cb), self, G_CONNECT_SWAPPED);
      gtk_list_box_append (self->unit_list, row);
    }
  pickers_free (p);
  self->loading = FALSE;
  plaza_contract_editor_update_area (self);
  plaza_contract_editor_apply_source (self);
}

void
plaza_contract_editor_load_pickers (PlazaContractEditor *self)
{
  self->loading = TRUE;
  gtk_spinner_set_spinning (self->spinner, TRUE);
  plaza_worker_run_async (self->worker, load_pickers_func, NULL, NULL, self->cancellable, pickers_done_cb,
                          g_object_ref (self));
}
