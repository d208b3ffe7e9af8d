/* plaza-promotion-editor-participants.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The promotion editor's participants: one row per tenant with its offer,
 * its answer (invited, confirmed, declined), the promotion fee charged to
 * it in yuan and a remove button; and "Add Tenants…", a searchable list of
 * the active tenants (only those in scope when the promotion is limited to
 * floors or categories) loaded in the worker, with check boxes.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-list-query.h"
#include "plaza-money.h"
#include "plaza-promotion-editor-private.h"

static const char * const status_codes[] = { "invited", "confirmed", "declined", NULL };

void
plaza_promotion_editor_participant_free (PlazaPromotionEditorParticipant *pp)
{
  g_free (pp->name);
  g_free (pp->code);
  g_free (pp);
}

static void
update_empty (PlazaPromotionEditor *self)
{
  gtk_widget_set_visible (self->participant_empty, self->participants->len == 0);
}

void
plaza_promotion_editor_clear_participants (PlazaPromotionEditor *self)
{
  for (guint i = 0; i < self->participants->len; i++)
    {
      PlazaPromotionEditorParticipant *pp = self->participants->pdata[i];

      gtk_list_box_remove (self->participant_list, pp->row);
    }
  g_ptr_array_set_size (self->participants, 0);
  update_empty (self);
}

gboolean
plaza_promotion_editor_check_participants (PlazaPromotionEditor *self)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autofree char *total_text = NULL;
  g_autofree char *summary = NULL;
  gint64 total = 0;
  guint confirmed = 0;

  for (guint i = 0; i < self->participants->len; i++)
    {
      PlazaPromotionEditorParticipant *pp = self->participants->pdata[i];
      g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (pp->fee))));
      gint64 fee = 0;

      if (gtk_drop_down_get_selected (pp->status) == 1)
        confirmed++;
      if (gtk_drop_down_get_selected (pp->status) != 2 && plaza_money_parse (text, &fee) && fee > 0)
        total += fee;
      fee = 0;

      if (*text != '\0' && (!plaza_money_parse (text, &fee) || fee < 0))
        {
          gtk_widget_add_css_class (GTK_WIDGET (pp->fee), "error");
          if (problems->len > 0)
            g_string_append_c (problems, '\n');
          g_string_append_printf (problems, _("Fee for %s: enter an amount in yuan, like 2000.00."), pp->name);
        }
      else
        gtk_widget_remove_css_class (GTK_WIDGET (pp->fee), "error");
    }
  total_text = plaza_money_format (total, TRUE);
  /* Translators: "12 tenants, 7 confirmed; fees ¥4,200.00 (not counting those that declined)". */
  summary = g_strdup_printf (g_dngettext (NULL, "%u tenant, %u confirmed; fees %s (not counting those that declined).",
                                          "%u tenants, %u confirmed; fees %s (not counting those that declined).",
                                          self->participants->len),
                             self->participants->len, confirmed, total_text);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->participant_group),
                                         self->participants->len > 0 ? summary
                                         : _("Each tenant's offer, its answer and the promotion fee charged to it."));
  gtk_label_set_label (self->participant_error, problems->str);
  gtk_widget_set_visible (GTK_WIDGET (self->participant_error), problems->len > 0);
  return problems->len == 0;
}

void
plaza_promotion_editor_read_participants (PlazaPromotionEditor *self,
                                          PlazaPromotion       *p)
{
  for (guint i = 0; i < self->participants->len; i++)
    {
      PlazaPromotionEditorParticipant *pp = self->participants->pdata[i];
      g_autofree char *offer = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (pp->offer))));
      g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (pp->fee))));
      guint status = gtk_drop_down_get_selected (pp->status);
      gint64 fee = 0;

      if (!plaza_money_parse (text, &fee))
        fee = 0;
      plaza_promotion_add_participant (p, pp->tenant_id, offer,
                                       status_codes[status < G_N_ELEMENTS (status_codes) - 1 ? status : 0], fee);
    }
}

static void
remove_clicked_cb (GtkButton            *button,
                   PlazaPromotionEditor *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "plaza-row");

  for (guint i = 0; i < self->participants->len; i++)
    {
      PlazaPromotionEditorParticipant *pp = self->participants->pdata[i];

      if (pp->row == row)
        {
          gtk_list_box_remove (self->participant_list, row);
          g_ptr_array_remove_index (self->participants, i);
          break;
        }
    }
  update_empty (self);
  plaza_promotion_editor_changed (self);
}

void
plaza_promotion_editor_add_participant (PlazaPromotionEditor *self,
                                        gint64                tenant_id,
                                        const char           *name,
                                        const char           *code,
                                        const char           *offer,
                                        const char           *status,
                                        const char           *fee)
{
  PlazaPromotionEditorParticipant *pp;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *names = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label;
  GtkWidget *remove;
  GtkStringList *labels = gtk_string_list_new (NULL);
  guint selected = 0;

  for (guint i = 0; i < self->participants->len; i++)
    if (((PlazaPromotionEditorParticipant *) self->participants->pdata[i])->tenant_id == tenant_id)
      return;

  pp = g_new0 (PlazaPromotionEditorParticipant, 1);
  pp->tenant_id = tenant_id;
  pp->name = g_strdup (name);
  pp->code = g_strdup (code != NULL ? code : "");

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 8);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  label = gtk_label_new (name);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 14);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
  gtk_widget_set_tooltip_text (label, name);
  gtk_box_append (GTK_BOX (names), label);
  label = gtk_label_new (pp->code);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (names), label);
  gtk_widget_set_valign (names, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), names);

  pp->offer = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_text (GTK_EDITABLE (pp->offer), offer != NULL ? offer : "");
  gtk_entry_set_placeholder_text (pp->offer, _("Offer, like 满300减50"));
  gtk_widget_set_hexpand (GTK_WIDGET (pp->offer), TRUE);
  gtk_widget_set_valign (GTK_WIDGET (pp->offer), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (pp->offer), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Offer"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (pp->offer));

  for (guint i = 0; status_codes[i] != NULL; i++)
    {
      gtk_string_list_append (labels, plaza_state_label (status_codes[i]));
      if (status != NULL && g_str_equal (status, status_codes[i]))
        selected = i;
    }
  pp->status = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (labels), NULL));
  gtk_drop_down_set_selected (pp->status, selected);
  gtk_widget_set_valign (GTK_WIDGET (pp->status), GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (GTK_WIDGET (pp->status), 130, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (pp->status), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Answer"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (pp->status));

  pp->fee = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_text (GTK_EDITABLE (pp->fee), fee != NULL ? fee : "");
  gtk_entry_set_placeholder_text (pp->fee, _("Fee ¥"));
  gtk_editable_set_width_chars (GTK_EDITABLE (pp->fee), 9);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (pp->fee), 9);
  gtk_entry_set_alignment (pp->fee, 1.0);
  gtk_widget_set_valign (GTK_WIDGET (pp->fee), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (pp->fee), _("Promotion fee charged to the tenant, in yuan"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (pp->fee), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Fee"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (pp->fee));

  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove from the promotion"));
  gtk_box_append (GTK_BOX (box), remove);

  pp->row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (pp->row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (pp->row), box);
  g_object_set_data (G_OBJECT (remove), "plaza-row", pp->row);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
  g_signal_connect_swapped (pp->offer, "changed", G_CALLBACK (plaza_promotion_editor_changed), self);
  g_signal_connect_swapped (pp->fee, "changed", G_CALLBACK (plaza_promotion_editor_changed), self);
  g_signal_connect_swapped (pp->status, "notify::selected", G_CALLBACK (plaza_promotion_editor_changed), self);
  gtk_list_box_append (self->participant_list, pp->row);
  g_ptr_array_add (self->participants, pp);
  update_empty (self);
  plaza_promotion_editor_changed (self);
}

/* Add Tenants… */

typedef struct
{
  char   *scope;
  GArray *ids;
} TenantQuery;

static void
tenant_query_free (TenantQuery *q)
{
  g_free (q->scope);
  g_array_unref (q->ids);
  g_free (q);
}

static gpointer
tenants_func (PlazaStore    *store,
              gpointer       data,
              GCancellable  *cancellable G_GNUC_UNUSED,
              GError       **error)
{
  TenantQuery *q = data;

  return plaza_promotion_tenants_in_scope (store, q->scope, q->ids, error);
}

typedef struct
{
  PlazaPromotionEditor *editor;
  GtkWindow            *window;
  GtkListBox           *list;
  GtkSearchEntry       *search;
  GtkLabel             *status;
  GtkWidget            *add_button;
  GPtrArray            *refs;
  GPtrArray            *checks;     /* GtkCheckButton per ref */
  gboolean              gone;       /* the window was closed before the list came */
} Picker;

static void
picker_gone_cb (GtkWidget *window)
{
  Picker *p = g_object_get_data (G_OBJECT (window), "plaza-picker");

  if (p != NULL)
    p->gone = TRUE;
}

static void
picker_free (Picker *p)
{
  g_clear_object (&p->editor);
  g_clear_pointer (&p->refs, g_ptr_array_unref);
  g_clear_pointer (&p->checks, g_ptr_array_unref);
  g_free (p);
}

static gboolean
picker_filter (GtkListBoxRow *row,
               gpointer       data)
{
  Picker *p = data;
  const PlazaPromotionChoice *ref = g_object_get_data (G_OBJECT (row), "plaza-ref");
  const char *text = gtk_editable_get_text (GTK_EDITABLE (p->search));
  g_autofree char *needle = g_utf8_casefold (text, -1);
  g_autofree char *name = NULL;
  g_autofree char *code = NULL;

  if (ref == NULL || *needle == '\0')
    return TRUE;
  name = g_utf8_casefold (ref->label, -1);
  code = g_utf8_casefold (ref->detail != NULL ? ref->detail : "", -1);
  return strstr (name, needle) != NULL || strstr (code, needle) != NULL;
}

static void
picker_count (Picker *p)
{
  guint n = 0;
  g_autofree char *label = NULL;

  for (guint i = 0; p->checks != NULL && i < p->checks->len; i++)
    if (gtk_check_button_get_active (p->checks->pdata[i]))
      n++;
  gtk_widget_set_sensitive (p->add_button, n > 0);
  label = n > 0 ? g_strdup_printf (g_dngettext (NULL, "_Add %u Tenant", "_Add %u Tenants", n), n)
                : g_strdup (_("_Add"));
  gtk_button_set_label (GTK_BUTTON (p->add_button), label);
}

static void
picker_loaded_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GtkWindow *window = user_data;
  Picker *p = g_object_get_data (G_OBJECT (window), "plaza-picker");
  g_autoptr(GError) error = NULL;
  GPtrArray *refs = plaza_worker_run_finish (PLAZA_WORKER (source), result, &error);
  guint shown = 0;

  if (p == NULL || p->gone || refs == NULL)
    {
      if (p != NULL && !p->gone)
        gtk_label_set_label (p->status, error->message);
      g_clear_pointer (&refs, g_ptr_array_unref);
      g_object_unref (window);
      return;
    }
  p->refs = refs;
  p->checks = g_ptr_array_new ();
  for (guint i = 0; i < refs->len; i++)
    {
      PlazaPromotionChoice *ref = refs->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      gboolean listed = FALSE;

      for (guint j = 0; j < p->editor->participants->len; j++)
        if (((PlazaPromotionEditorParticipant *) p->editor->participants->pdata[j])->tenant_id == ref->id)
          listed = TRUE;
      if (listed)
        continue;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ref->label);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), ref->detail);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_object_set_data (G_OBJECT (row), "plaza-ref", ref);
      g_object_set_data (G_OBJECT (check), "plaza-ref", ref);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (picker_count), p);
      g_ptr_array_add (p->checks, check);
      gtk_list_box_append (p->list, row);
      shown++;
    }
  gtk_label_set_label (p->status, shown > 0 ? ""
                       : _("No other active tenants in scope. Choose the floors or categories first, or widen the scope."));
  gtk_widget_set_visible (GTK_WIDGET (p->status), shown == 0);
  g_object_unref (window);
}

static void
picker_add_cb (Picker *p)
{
  PlazaPromotionEditor *self = p->editor;

  for (guint i = 0; i < p->checks->len; i++)
    if (gtk_check_button_get_active (p->checks->pdata[i]))
      {
        const PlazaPromotionChoice *ref = g_object_get_data (G_OBJECT (p->checks->pdata[i]), "plaza-ref");

        plaza_promotion_editor_add_participant (self, ref->id, ref->label, ref->detail, "", "invited", "");
      }
  gtk_window_destroy (p->window);
}

static void
search_changed_cb (Picker *p)
{
  gtk_list_box_invalidate_filter (p->list);
}

static void
add_tenants_clicked_cb (PlazaPromotionEditor *self)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  PlazaPromotion *form = plaza_promotion_editor_read_form (self);
  TenantQuery *q = g_new0 (TenantQuery, 1);
  Picker *p = g_new0 (Picker, 1);

  q->scope = g_strdup (form->scope);
  q->ids = g_array_ref (form->scope_ids);
  plaza_promotion_free (form);

  p->editor = g_object_ref (self);
  p->window = GTK_WINDOW (window);
  gtk_window_set_title (p->window, _("Add Tenants"));
  gtk_window_set_transient_for (p->window, GTK_WINDOW (self));
  gtk_window_set_modal (p->window, TRUE);
  gtk_window_set_default_size (p->window, 460, 560);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), window);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  p->add_button = gtk_button_new_with_mnemonic (_("_Add"));
  gtk_widget_add_css_class (p->add_button, "suggested-action");
  gtk_widget_set_sensitive (p->add_button, FALSE);
  g_signal_connect_swapped (p->add_button, "clicked", G_CALLBACK (picker_add_cb), p);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), p->add_button);
  gtk_box_append (GTK_BOX (box), header);

  gtk_widget_set_margin_start (inner, 12);
  gtk_widget_set_margin_end (inner, 12);
  gtk_widget_set_margin_top (inner, 12);
  gtk_widget_set_margin_bottom (inner, 12);
  p->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_search_entry_set_key_capture_widget (p->search, window);
  g_object_set (p->search, "placeholder-text", _("Search by name or code"), NULL);
  g_signal_connect_swapped (p->search, "search-changed", G_CALLBACK (search_changed_cb), p);
  gtk_box_append (GTK_BOX (box), inner);
  gtk_box_append (GTK_BOX (inner), GTK_WIDGET (p->search));
  p->status = GTK_LABEL (gtk_label_new (_("Loading the tenants…")));
  gtk_label_set_wrap (p->status, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (p->status), "dim-label");
  gtk_box_append (GTK_BOX (inner), GTK_WIDGET (p->status));
  p->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (p->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (p->list), "boxed-list");
  gtk_widget_set_valign (GTK_WIDGET (p->list), GTK_ALIGN_START);
  gtk_list_box_set_filter_func (p->list, picker_filter, p, NULL);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (p->list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (inner), scrolled);
  adw_window_set_content (ADW_WINDOW (window), box);
  g_object_set_data_full (G_OBJECT (window), "plaza-picker", p, (GDestroyNotify) picker_free);
  g_signal_connect (window, "destroy", G_CALLBACK (picker_gone_cb), NULL);

  plaza_worker_run_async (self->worker, tenants_func, q, (GDestroyNotify) tenant_query_free, self->cancellable,
                          picker_loaded_cb, g_object_ref (window));
  gtk_window_present (p->window);
}

void
plaza_promotion_editor_build_participants (PlazaPromotionEditor *self,
                                           GtkBox               *page)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  self->participant_group = group;
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Participants"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Each tenant's offer, its answer and the promotion fee charged to it."));
  self->add_tenants_button = gtk_button_new_with_mnemonic (_("Add _Tenants…"));
  gtk_widget_add_css_class (self->add_tenants_button, "flat");
  g_signal_connect_swapped (self->add_tenants_button, "clicked", G_CALLBACK (add_tenants_clicked_cb), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), self->add_tenants_button);

  self->participant_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->participant_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->participant_list), "boxed-list");
  self->participant_empty = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->participant_empty),
                                 _("No participants yet: Add Tenants… to invite them."));
  gtk_list_box_append (self->participant_list, self->participant_empty);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->participant_list));
  self->participant_error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->participant_error, 0.0);
  gtk_label_set_wrap (self->participant_error, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->participant_error), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->participant_error), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->participant_error));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);
  gtk_box_append (page, group);
}
