/* plaza-tenant-window-sections.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tenant window's overview, rebuilt from the loaded PlazaTenantView:
 * a strip of figures (monthly rent, leased area, sales over the chart's
 * twelve months, arrears, open complaints), the sales trend chart, and two
 * columns of boxed lists — contracts (activating one opens it), units,
 * promotions and fit-out (a button opens the fit-out window) on the left;
 * arrears, unusual sales and complaints on the right.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-contract-detail.h"
#include "plaza-fitout-window.h"
#include "plaza-list-query.h"
#include "plaza-money.h"
#include "plaza-sales.h"
#include "plaza-tenant-window-private.h"
#include "plaza-window.h"

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

/* A titled boxed list in @column, registered as @name. */
static GtkListBox *
add_section (PlazaTenantWindow *self,
             GtkBox            *column,
             const char        *name,
             const char        *title,
             const char        *description)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *list = gtk_list_box_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
  gtk_box_append (column, group);
  g_hash_table_replace (self->sections, g_strdup (name), list);
  return GTK_LIST_BOX (list);
}

static void
add_empty (GtkListBox *list,
           const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  g_object_set_data (G_OBJECT (row), "plaza-empty", GINT_TO_POINTER (1));
  gtk_list_box_append (list, row);
}

static GtkWidget *
add_row (GtkListBox *list,
         const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_append (list, row);
  return row;
}

static GtkWidget *
add_suffix (GtkWidget  *row,
            const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  return label;
}

static void
add_card (PlazaTenantWindow *self,
          const char        *caption,
          const char        *value,
          const char        *css_class)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *v = gtk_label_new (value);
  GtkWidget *c = gtk_label_new (caption);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (v, "title-2");
  gtk_widget_add_css_class (v, "numeric");
  if (css_class != NULL)
    gtk_widget_add_css_class (v, css_class);
  gtk_widget_add_css_class (c, "caption");
  gtk_widget_add_css_class (c, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (v), 0.0f);
  gtk_label_set_xalign (GTK_LABEL (c), 0.0f);
  gtk_widget_set_margin_start (v, 14);
  gtk_widget_set_margin_start (c, 14);
  gtk_widget_set_margin_top (c, 10);
  gtk_widget_set_margin_bottom (v, 10);
  gtk_box_append (GTK_BOX (card), c);
  gtk_box_append (GTK_BOX (card), v);
  gtk_box_append (self->cards, card);
}

static void
open_contract (PlazaTenantWindow *self,
               gint64             contract_id)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  PlazaContractDetail *detail;

  if (parent != NULL && PLAZA_IS_WINDOW (parent))
    {
      detail = plaza_window_open_contract (PLAZA_WINDOW (parent), contract_id);
      if (detail == NULL)
        return;
      gtk_window_set_transient_for (GTK_WINDOW (detail), GTK_WINDOW (self));
    }
  else
    {
      detail = plaza_contract_detail_new (GTK_WINDOW (self), self->worker, contract_id);
      gtk_window_present (GTK_WINDOW (detail));
    }
  /* A step taken there (terminate, renew …) shows here. */
  g_signal_connect_object (detail, "changed", G_CALLBACK (plaza_tenant_window_reload), self, G_CONNECT_SWAPPED);
}

static void
contract_activated_cb (GtkListBox        *list G_GNUC_UNUSED,
                       GtkListBoxRow     *row,
                       PlazaTenantWindow *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "plaza-contract-id");

  if (id != NULL)
    open_contract (self, *id);
}

static void
fitout_clicked_cb (GtkButton         *button,
                   PlazaTenantWindow *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), "plaza-contract-id");

  PlazaFitoutWindow *window;

  if (id == NULL)
    return;
  window = plaza_fitout_window_open (GTK_WINDOW (self), self->worker, *id);
  /* What was done there shows here once it closes. */
  if (window != NULL)
    g_signal_connect_object (window, "destroy", G_CALLBACK (plaza_tenant_window_reload), self, G_CONNECT_SWAPPED);
}

static void
set_id (GObject    *object,
        const char *key,
        gint64      id)
{
  gint64 *copy = g_new (gint64, 1);

  *copy = id;
  g_object_set_data_full (object, key, copy, g_free);
}

static void
fill_contracts (PlazaTenantWindow *self,
                GtkListBox        *list)
{
  const PlazaTenantView *v = self->view;

  gtk_list_box_set_selection_mode (list, GTK_SELECTION_NONE);
  g_signal_connect_object (list, "row-activated", G_CALLBACK (contract_activated_cb), self, 0);
  for (guint i = 0; i < v->contracts->len; i++)
    {
      PlazaTenantContract *c = g_ptr_array_index (v->contracts, i);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s – %s", *c->units != '\0' ? c->units : "—",
                                                   c->start_date, c->end_date);
      g_autofree char *rent = plaza_money_format (c->monthly_rent, TRUE);
      g_autofree char *rent_text = g_strdup_printf (_("%s a month"), rent);
      GtkWidget *row = add_row (list, c->code, subtitle);
      const char *css = g_strcmp0 (c->state, "active") == 0 ? "success"
                        : g_strcmp0 (c->state, "approved") == 0 || g_strcmp0 (c->state, "submitted") == 0 ? "accent"
                        : "dim-label";

      add_suffix (row, rent_text, "numeric");
      add_suffix (row, plaza_state_label (c->state), css);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      set_id (G_OBJECT (row), "plaza-contract-id", c->id);
    }
  if (v->contracts->len == 0)
    add_empty (list, _("No contract yet"));
}

static void
fill_units (PlazaTenantWindow *self,
            GtkListBox        *list)
{
  const PlazaTenantView *v = self->view;

  for (guint i = 0; i < v->units->len; i++)
    {
      PlazaTenantUnit *u = g_ptr_array_index (v->units, i);
      g_autofree char *area = plaza_area_format (u->area);
      /* Translators: floor · area in m² · contract code. */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s m² · %s"), u->floor, area, u->contract_code);
      GtkWidget *row = add_row (list, u->code, subtitle);

      add_suffix (row, plaza_state_label (u->status), "dim-label");
    }
  if (v->units->len == 0)
    add_empty (list, _("No unit under an approved or active contract"));
}

static void
add_money_row (GtkListBox *list,
               const char *title,
               gint64      fen,
               const char *css_class)
{
  g_autofree char *text = NULL;
  GtkWidget *label;

  /* Only the buckets that hold something. */
  if (fen == 0)
    return;
  text = plaza_money_format (fen, TRUE);
  label = add_suffix (add_row (list, title, NULL), text, "numeric");
  if (css_class != NULL && fen > 0)
    gtk_widget_add_css_class (label, css_class);
}

static void
fill_arrears (PlazaTenantWindow *self,
              GtkListBox        *list)
{
  const PlazaTenantView *v = self->view;
  const PlazaArrearsRow *a = v->arrears;
  gint64 total = a != NULL ? a->total : 0;
  g_autofree char *open = plaza_money_format (v->open_amount, TRUE);
  g_autofree char *bills = v->open_bills == 0
    ? g_strdup (_("No bill open"))
    : g_strdup_printf (g_dngettext (NULL, "%u bill open, %s", "%u bills open, %s", v->open_bills), v->open_bills, open);
  GtkWidget *row;

  g_free (self->arrears_text);
  self->arrears_text = plaza_money_format (total, TRUE);
  row = add_row (list, _("Total owed"), bills);
  gtk_widget_add_css_class (add_suffix (row, self->arrears_text, total > 0 ? "error" : "success"), "heading");
  if (a == NULL)
    return;
  add_money_row (list, _("Not yet due"), a->current, NULL);
  add_money_row (list, _("0–30 days late"), a->days_0_30, NULL);
  add_money_row (list, _("31–60 days late"), a->days_31_60, "warning");
  add_money_row (list, _("61–90 days late"), a->days_61_90, "warning");
  add_money_row (list, _("Over 90 days late"), a->days_90_plus, "error");
  add_money_row (list, _("Late fee accrued, not billed"), a->late_fee, "warning");
  add_money_row (list, _("Credit"), a->credit, NULL);
}

static void
fill_anomalies (PlazaTenantWindow *self,
                GtkListBox        *list)
{
  const PlazaTenantView *v = self->view;

  for (guint i = 0; i < v->anomalies->len; i++)
    {
      PlazaSalesAnomaly *a = g_ptr_array_index (v->anomalies, i);
      const char *kind = a->kind == PLAZA_SALES_ANOMALY_HIGH_DAY ? _("High day")
                         : a->kind == PLAZA_SALES_ANOMALY_LOW_DAY ? _("Low day") : _("Sales dropping");
      g_autofree char *subtitle = g_strdup_printf ("%s · %s · %s", kind, a->unit_code, a->date);
      GtkWidget *row = add_row (list, a->message, subtitle);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
    }
  if (v->anomalies->len == 0)
    add_empty (list, _("Nothing unusual in the last 90 days"));
}

static void
fill_promotions (PlazaTenantWindow *self,
                 GtkListBox        *list)
{
  const PlazaTenantView *v = self->view;

  for (guint i = 0; i < v->promotions->len && i < 8; i++)
    {
      PlazaTenantPromotion *p = g_ptr_array_index (v->promotions, i);
      g_autofree char *subtitle = *p->offer != '\0'
        ? g_strdup_printf ("%s – %s · %s", p->start_date, p->end_date, p->offer)
        : g_strdup_printf ("%s – %s", p->start_date, p->end_date);
      GtkWidget *row = add_row (list, p->name, subtitle);
      const char *answer = g_strcmp0 (p->answer, "confirmed") == 0 ? _("Took part")
                           : g_strcmp0 (p->answer, "declined") == 0 ? _("Declined") : _("Invited");

      if (p->fee > 0)
        {
          g_autofree char *fee = plaza_money_format (p->fee, TRUE);

          add_suffix (row, fee, "numeric");
        }
      add_suffix (row, answer, g_strcmp0 (p->answer, "confirmed") == 0 ? "success" : "dim-label");
    }
  if (v->promotions->len == 0)
    add_empty (list, _("Not invited to any promotion"));
}

static GtkWidget *
fitout_button (PlazaTenantWindow *self,
               const char        *label,
               gint64             contract_id)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  set_id (G_OBJECT (button), "plaza-contract-id", contract_id);
  g_signal_connect_object (button, "clicked", G_CALLBACK (fitout_clicked_cb), self, 0);
  return button;
}

static void
fill_fitouts (PlazaTenantWindow *self,
              GtkListBox        *list)
{
  const PlazaTenantView *v = self->view;

  for (guint i = 0; i < v->fitouts->len; i++)
    {
      PlazaTenantFitout *f = g_ptr_array_index (v->fitouts, i);
      g_autofree char *title = g_strdup_printf (_("Contract %s"), f->contract_code);
      g_autofree char *subtitle = f->opened_on != NULL
        ? g_strdup_printf (_("%s – %s, opened %s"), f->start_date, f->due_date, f->opened_on)
        : g_strdup_printf (_("%s – %s, due to open"), f->start_date, f->due_date);
      GtkWidget *row = add_row (list, title, subtitle);

      if (f->overdue)
        add_suffix (row, _("Overdue"), "error");
      add_suffix (row, plaza_state_label (f->state), "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), fitout_button (self, _("Open…"), f->contract_id));
    }
  if (v->fitouts->len == 0)
    {
      /* The newest approved or active contract may start one. */
      for (guint i = 0; i < v->contracts->len; i++)
        {
          PlazaTenantContract *c = g_ptr_array_index (v->contracts, i);

          if (g_strcmp0 (c->state, "approved") == 0 || g_strcmp0 (c->state, "active") == 0)
            {
              g_autofree char *title = g_strdup_printf (_("No fit-out recorded for %s"), c->code);
              GtkWidget *row = add_row (list, title, NULL);

              g_object_set_data (G_OBJECT (row), "plaza-empty", GINT_TO_POINTER (1));
              adw_action_row_add_suffix (ADW_ACTION_ROW (row), fitout_button (self, _("Start Fit-out…"), c->id));
              return;
            }
        }
      add_empty (list, _("No fit-out"));
    }
}

static void
fill_complaints (PlazaTenantWindow *self,
                 GtkListBox        *list)
{
  const PlazaTenantView *v = self->view;

  for (guint i = 0; i < v->complaints->len; i++)
    {
      PlazaTenantComplaint *c = g_ptr_array_index (v->complaints, i);
      g_autofree char *subtitle = c->resolved_on != NULL
                                  ? g_strdup_printf (_("%s · %s · resolved on %s"), c->date,
                                                     plaza_state_label (c->kind), c->resolved_on)
                                  : g_strdup_printf ("%s · %s", c->date, plaza_state_label (c->kind));
      GtkWidget *row = add_row (list, c->text, subtitle);

      add_suffix (row, c->resolved ? _("Resolved") : _("Unresolved"), c->resolved ? "dim-label" : "warning");
    }
  if (v->complaints->len == 0)
    add_empty (list, _("No complaint or inspection logged"));
}

static void
fill_cards (PlazaTenantWindow *self)
{
  const PlazaTenantView *v = self->view;
  gint64 rent = 0, area = 0, sales = 0, owed = v->arrears != NULL ? v->arrears->total : 0;
  guint n = v->trend != NULL ? plaza_chart_get_n_categories (v->trend) : 0;
  g_autofree char *rent_text = NULL, *area_text = NULL, *area_m2 = NULL, *sales_text = NULL, *owed_text = NULL;
  g_autofree char *complaints = g_strdup_printf ("%u / %u", v->complaints_open, v->complaints_total);

  for (guint i = 0; i < v->contracts->len; i++)
    {
      PlazaTenantContract *c = g_ptr_array_index (v->contracts, i);

      if (g_strcmp0 (c->state, "active") == 0)
        rent += c->monthly_rent;
    }
  for (guint i = 0; i < v->units->len; i++)
    area += ((PlazaTenantUnit *) g_ptr_array_index (v->units, i))->area;
  for (guint i = 0; i < n; i++)
    {
      gint64 value = 0;

      if (plaza_chart_get_value (v->trend, 0, i, &value))
        sales += value;
    }
  rent_text = plaza_money_format (rent, TRUE);
  area_text = plaza_area_format (area);
  area_m2 = g_strdup_printf (_("%s m²"), area_text);
  sales_text = plaza_money_format (sales, TRUE);
  owed_text = plaza_money_format (owed, TRUE);
  clear_box (self->cards);
  add_card (self, _("Monthly rent"), rent_text, NULL);
  add_card (self, _("Leased area"), area_m2, NULL);
  add_card (self, _("Sales, last 12 months"), sales_text, NULL);
  add_card (self, _("Arrears"), owed_text, owed > 0 ? "error" : NULL);
  add_card (self, _("Complaints open / all"), complaints, v->complaints_open > 0 ? "warning" : NULL);
}

void
plaza_tenant_window_fill_overview (PlazaTenantWindow *self)
{
  const PlazaTenantView *v = self->view;
  g_autofree char *complaints = g_strdup_printf (_("%u open of %u complaints; the latest entries of the log"),
                                                 v->complaints_open, v->complaints_total);
  g_autofree char *anomalies = g_strdup_printf (_("Its units' sales far from usual, the last %u days"),
                                                (guint) PLAZA_TENANT_ANOMALY_DAYS);

  g_hash_table_remove_all (self->sections);
  clear_box (self->left);
  clear_box (self->right);
  fill_cards (self);
  /* The chart view takes the chart: the view's trend is NULL from here on. */
  plaza_chart_view_set_chart (self->chart, g_steal_pointer (&self->view->trend));

  fill_contracts (self, add_section (self, self->left, "contracts", _("Contracts"), NULL));
  fill_units (self, add_section (self, self->left, "units", _("Units"), NULL));
  fill_promotions (self, add_section (self, self->left, "promotions", _("Promotions"),
                                      _("Invitations, its answer and the fee")));
  fill_fitouts (self, add_section (self, self->left, "fitouts", _("Shop Fit-out"), NULL));
  fill_arrears (self, add_section (self, self->right, "arrears", _("Arrears"), NULL));
  fill_anomalies (self, add_section (self, self->right, "anomalies", _("Unusual Sales"), anomalies));

  fill_complaints (self, add_section (self, self->right, "complaints", _("Complaints and Inspections"), complaints));
}

static gboolean
is_counted (GtkWidget *row)
{
  return GTK_IS_LIST_BOX_ROW (row) && g_object_get_data (G_OBJECT (row), "plaza-empty") == NULL;
}

guint
plaza_tenant_window_count_rows (PlazaTenantWindow *self,
                                const char        *section)
{
  GtkWidget *list;
  guint n = 0;

  g_return_val_if_fail (PLAZA_IS_TENANT_WINDOW (self), 0);

  list = g_hash_table_lookup (self->sections, section);
  if (list == NULL)
    return 0;
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (is_counted (row))
      n++;
  return n;
}

char *
plaza_tenant_window_dup_section_text (PlazaTenantWindow *self,
                                      const char        *section)
{
  GString *text = g_string_new (NULL);
  GtkWidget *list;

  g_return_val_if_fail (PLAZA_IS_TENANT_WINDOW (self), NULL);

  list = g_hash_table_lookup (self->sections, section);
  for (GtkWidget *row = list != NULL ? gtk_widget_get_first_child (list) : NULL; row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row))
      g_string_append_printf (text, "%s\t%s\n", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                              adw_action_row_get_subtitle (ADW_ACTION_ROW (row)) != NULL
                              ? adw_action_row_get_subtitle (ADW_ACTION_ROW (row)) : "");
  return g_string_free (text, FALSE);
}

void
plaza_tenant_window_activate_contract (PlazaTenantWindow *self,
                                       guint              index)
{
  GtkListBox *list;
  GtkListBoxRow *row;

  g_return_if_fail (PLAZA_IS_TENANT_WINDOW (self));

  list = g_hash_table_lookup (self->sections, "contracts");
  row = list != NULL ? gtk_list_box_get_row_at_index (list, (int) index) : NULL;
  if (row != NULL)
    g_signal_emit_by_name (list, "row-activated", row);
}

static GtkWidget *
first_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = first_button (child);

      if (button != NULL)
        return button;
    }
  return NULL;
}

gboolean
plaza_tenant_window_click_fitout (PlazaTenantWindow *self)
{
  GtkWidget *list, *button;

  g_return_val_if_fail (PLAZA_IS_TENANT_WINDOW (self), FALSE);

  list = g_hash_table_lookup (self->sections, "fitouts");
  button = list != NULL ? first_button (list) : NULL;
  if (button == NULL)
    return FALSE;
  g_signal_emit_by_name (button, "clicked");
  return TRUE;
}
