/* plaza-tenant-form-fields.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tenant form's archive fields: company, code, unified social credit
 * code (checked as typed, the reason in words), licence expiry (with the
 * expiry banner), category and its business type, brand tier, status and
 * notes; filling them from a load, collecting them for a save, and the
 * Save button's state.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-tenant-form-private.h"

#define LICENCE_WARN_DAYS 60

static const char * const statuses[] = { "prospect", "active", "leaving", "former" };

static GtkLabel *
reason_label (AdwPreferencesGroup *group)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_visible (label, FALSE);
  adw_preferences_group_add (group, label);
  return GTK_LABEL (label);
}

static void
show_reason (GtkLabel   *label,
             GtkWidget  *row,
             const char *reason)
{
  gtk_label_set_text (label, reason != NULL ? reason : "");
  gtk_widget_set_visible (GTK_WIDGET (label), reason != NULL);
  if (reason != NULL)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
}

static const char *
credit_reason (PlazaTenantForm *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->credit_row))));

  if (*text == '\0')
    return NULL;   /* optional until known */
  return plaza_credit_code_describe (plaza_credit_code_check (text));
}

static const char *
licence_reason (PlazaTenantForm *self,
                GDate           *out)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->licence_row))));

  g_date_clear (out, 1);
  if (*text == '\0')
    return NULL;
  if (!plaza_date_parse (text, out))
    return _("Licence expiry: enter a date like 2026-11-27.");
  return NULL;
}

static void
update_banner (PlazaTenantForm *self,
               const GDate     *expiry)
{
  g_autofree char *today_text = plaza_tenant_form_today ();
  g_autofree char *text = NULL;
  GDate today;
  int days;

  if (expiry == NULL || !g_date_valid (expiry) || !plaza_date_parse (today_text, &today))
    {
      gtk_widget_set_visible (self->banner, FALSE);
      return;
    }
  days = g_date_days_between (&today, expiry);
  if (days < 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "The business licence expired %d day ago. Ask the tenant for the renewed licence.",
                                         "The business licence expired %d days ago. Ask the tenant for the renewed licence.",
                                         (gulong) -days), -days);
  else if (days == 0)
    text = g_strdup (_("The business licence expires today. Ask the tenant for the renewed licence."));
  else if (days <= LICENCE_WARN_DAYS)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "The business licence expires in %d day. Ask the tenant to renew it in time.",
                                         "The business licence expires in %d days. Ask the tenant to renew it in time.",
                                         (gulong) days), days);
  gtk_widget_set_visible (self->banner, text != NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->banner_label), days < 0 ? "warning" : "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->banner_label), days < 0 ? "error" : "warning");
  if (text != NULL)
    gtk_label_set_text (self->banner_label, text);
}

const char *
plaza_tenant_form_check (PlazaTenantForm *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  const char *reason;
  GDate expiry;

  if (*name == '\0')
    return _("Company: enter the company name.");
  if ((reason = credit_reason (self)) != NULL)
    return reason;
  if ((reason = licence_reason (self, &expiry)) != NULL)
    return reason;
  return NULL;
}

void
plaza_tenant_form_update_state (PlazaTenantForm *self)
{
  const char *reason;
  GDate expiry;

  if (self->save_button == NULL || self->name_row == NULL)
    return;
  show_reason (self->credit_reason, GTK_WIDGET (self->credit_row), credit_reason (self));
  show_reason (self->licence_reason, GTK_WIDGET (self->licence_row), licence_reason (self, &expiry));
  update_banner (self, &expiry);
  reason = plaza_tenant_form_check (self);
  gtk_widget_set_sensitive (self->save_button, self->data != NULL && !self->busy && reason == NULL
                                               && (self->dirty || self->id == 0));
  if (self->data == NULL)
    gtk_label_set_text (self->save_reason, _("Loading…"));
  else if (reason != NULL)
    gtk_label_set_text (self->save_reason, reason);
  else if (self->dirty)
    gtk_label_set_text (self->save_reason, _("Unsaved changes"));
  else if (self->id == 0)
    gtk_label_set_text (self->save_reason, _("A new tenant: save it to add contacts, brands, files and complaints."));
  else
    gtk_label_set_text (self->save_reason, _("All changes saved"));
  if (self->lists_box != NULL)
    gtk_widget_set_sensitive (self->lists_box, self->data != NULL && self->id > 0 && !self->busy);
}

static void
changed_cb (PlazaTenantForm *self)
{
  plaza_tenant_form_set_dirty (self, TRUE);
}

static void
category_changed_cb (PlazaTenantForm *self)
{
  guint selected = adw_combo_row_get_selected (self->category_row);
  const char *parent = "";

  if (self->data != NULL && selected != GTK_INVALID_LIST_POSITION && selected > 0
      && selected <= self->data->categories->len)
    {
      PlazaCategoryChoice *c = self->data->categories->pdata[selected - 1];

      parent = *c->parent != '\0' ? c->parent : c->name;
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->business_row), *parent != '\0' ? parent : _("None"));
  changed_cb (self);
}

static AdwEntryRow *
entry_row (PlazaTenantForm     *self,
           AdwPreferencesGroup *group,
           const char          *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_group_add (group, row);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (changed_cb), self);
  return ADW_ENTRY_ROW (row);
}

static GtkWidget *
info_row (AdwPreferencesGroup *group,
          const char          *title)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), "—");
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (group, row);
  return row;
}

void
plaza_tenant_form_build_fields (PlazaTenantForm *self,
                                GtkBox          *page)
{
  GtkWidget *company = adw_preferences_group_new ();
  GtkWidget *licence = adw_preferences_group_new ();
  GtkWidget *trade = adw_preferences_group_new ();
  GtkWidget *notes = adw_preferences_group_new ();
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkStringList *status_model = gtk_string_list_new (NULL);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (company), _("Company"));
  self->code_row = info_row (ADW_PREFERENCES_GROUP (company), _("Tenant code"));
  self->name_row = entry_row (self, ADW_PREFERENCES_GROUP (company), _("Company name"));
  gtk_box_append (page, company);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (licence), _("Business Licence"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (licence),
                                         _("The unified social credit code (统一社会信用代码) is checked as you type."));
  self->credit_row = entry_row (self, ADW_PREFERENCES_GROUP (licence), _("Unified social credit code"));
  self->credit_reason = reason_label (ADW_PREFERENCES_GROUP (licence));
  self->licence_row = entry_row (self, ADW_PREFERENCES_GROUP (licence), _("Licence expires on (YYYY-MM-DD)"));
  self->licence_reason = reason_label (ADW_PREFERENCES_GROUP (licence));
  gtk_box_append (page, licence);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (trade), _("Trade"));
  self->category_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->category_row), _("Category"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (trade), GTK_WIDGET (self->category_row));
  g_signal_connect_swapped (self->category_row, "notify::selected", G_CALLBACK (category_changed_cb), self);
  self->business_row = info_row (ADW_PREFERENCES_GROUP (trade), _("Business type"));
  self->tier_row = info_row (ADW_PREFERENCES_GROUP (trade), _("Brand tier (its best brand)"));
  gtk_string_list_append (status_model, _("Prospect"));
  gtk_string_list_append (status_model, _("Active"));
  gtk_string_list_append (status_model, _("Leaving"));
  gtk_string_list_append (status_model, _("Former"));
  self->status_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), _("Status"));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (status_model));
  g_object_unref (status_model);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (trade), GTK_WIDGET (self->status_row));
  g_signal_connect_swapped (self->status_row, "notify::selected", G_CALLBACK (changed_cb), self);
  gtk_box_append (page, trade);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (notes), _("Notes"));
  self->notes = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->notes, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (self->notes, 8);
  gtk_text_view_set_bottom_margin (self->notes, 8);
  gtk_text_view_set_left_margin (self->notes, 8);
  gtk_text_view_set_right_margin (self->notes, 8);
  gtk_widget_set_size_request (GTK_WIDGET (self->notes), -1, 90);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (self->notes));
  gtk_widget_add_css_class (frame, "view");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (notes), frame);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->notes), "changed", G_CALLBACK (changed_cb), self);
  gtk_box_append (page, notes);
}

void
plaza_tenant_form_fill_fields (PlazaTenantForm *self)
{
  const PlazaTenant *t = self->data->tenant;
  GtkStringList *model = gtk_string_list_new (NULL);
  guint selected = 0;

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->code_row),
                               t->code != NULL ? t->code : _("Given when saved"));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), t->name != NULL ? t->name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->credit_row), t->credit_code != NULL ? t->credit_code : "");
  gtk_editable_set_text (GTK_EDITABLE (self->licence_row), t->licence_expiry != NULL ? t->licence_expiry : "");

  gtk_string_list_append (model, _("None"));
  for (guint i = 0; i < self->data->categories->len; i++)
    {
      PlazaCategoryChoice *c = self->data->categories->pdata[i];
      g_autofree char *label = *c->parent != '\0' ? g_strdup_printf ("%s · %s", c->parent, c->name)
                                                  : g_strdup (c->name);

      gtk_string_list_append (model, label);
      if (c->id == t->category_id)
        selected = i + 1;
    }
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (model));
  g_object_unref (model);
  adw_combo_row_set_selected (self->category_row, selected);
  category_changed_cb (self);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->tier_row),
                               *t->tier != '\0' ? plaza_brand_tier_label (t->tier) : _("No brands yet"));
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    if (g_strcmp0 (t->status, statuses[i]) == 0)
      adw_combo_row_set_selected (self->status_row, i);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes), t->notes != NULL ? t->notes : "", -1);
}

PlazaTenant *
plaza_tenant_form_collect (PlazaTenantForm *self)
{
  const PlazaTenant *loaded = self->data->tenant;
  PlazaTenant *t = plaza_tenant_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes);
  GtkTextIter start, end;
  guint category = adw_combo_row_get_selected (self->category_row);
  guint status = adw_combo_row_get_selected (self->status_row);
  g_autofree char *expiry = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->licence_row))));

  t->id = loaded->id;
  t->rev = loaded->rev;
  t->code = g_strdup (loaded->code);
  t->name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  g_free (t->credit_code);
  t->credit_code = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->credit_row))));
  t->licence_expiry = *expiry != '\0' ? g_steal_pointer (&expiry) : NULL;
  if (category != GTK_INVALID_LIST_POSITION && category > 0 && category <= self->data->categories->len)
    t->category_id = ((PlazaCategoryChoice *) self->data->categories->pdata[category - 1])->id;
  g_free (t->status);
  t->status = g_strdup (status < G_N_ELEMENTS (statuses) ? statuses[status] : "active");
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_free (t->notes);
  t->notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return t;
}
