/* plaza-promotion-editor-form.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The promotion editor's plan form: name, theme, mechanics, dates, scope
 * (the whole mall, or a checklist of floors or categories), the mall- and
 * tenant-funded budget in yuan, the goals and notes. Every field is
 * checked as it is typed and the reason is written under it; Save stays
 * off while anything is wrong. The clash check runs in the worker 400 ms
 * after the last change and is shown above the form.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-date.h"
#include "plaza-list-query.h"
#include "plaza-money.h"
#include "plaza-promotion-editor-private.h"

static const char * const mechanics_codes[] = { "spend_save", "discount", "gift", "points", "event", NULL };
static const char * const scope_codes[] = { "mall", "floors", "categories", NULL };

PlazaPromotion *
plaza_promotion_copy (const PlazaPromotion *p)
{
  PlazaPromotion *c = plaza_promotion_new ();

  c->id = p->id;
  c->rev = p->rev;
  c->code = g_strdup (p->code);
  c->name = g_strdup (p->name);
  c->theme = g_strdup (p->theme);
  g_free (c->mechanics);
  c->mechanics = g_strdup (p->mechanics);
  c->start_date = g_strdup (p->start_date);
  c->end_date = g_strdup (p->end_date);
  g_free (c->scope);
  c->scope = g_strdup (p->scope);
  g_free (c->state);
  c->state = g_strdup (p->state);
  c->budget_mall = p->budget_mall;
  c->budget_tenant = p->budget_tenant;
  c->goal_uplift_bp = p->goal_uplift_bp;
  c->goal_footfall = p->goal_footfall;
  c->notes = g_strdup (p->notes);
  g_array_append_vals (c->scope_ids, p->scope_ids->data, p->scope_ids->len);
  for (guint i = 0; i < p->participants->len; i++)
    {
      const PlazaPromotionParticipant *pp = p->participants->pdata[i];

      plaza_promotion_add_participant (c, pp->tenant_id, pp->offer, pp->status, pp->fee);
    }
  return c;
}

static guint
code_index (const char * const *codes,
            const char         *code)
{
  for (guint i = 0; codes[i] != NULL; i++)
    if (code != NULL && g_str_equal (codes[i], code))
      return i;
  return 0;
}

static const char *
field_text (PlazaPromotionEditor *self,
            const char           *name)
{
  GtkEntry *entry = g_hash_table_lookup (self->entries, name);

  return gtk_editable_get_text (GTK_EDITABLE (entry));
}

static char *
field_strip (PlazaPromotionEditor *self,
             const char           *name)
{
  return g_strstrip (g_strdup (field_text (self, name)));
}

static gboolean
touched (PlazaPromotionEditor *self,
         const char           *name)
{
  return g_object_get_data (G_OBJECT (g_hash_table_lookup (self->entries, name)), "plaza-touched") != NULL;
}

/* Words under the field: the reason in red, or the hint. */
static void
set_problem (PlazaPromotionEditor *self,
             const char           *name,
             const char           *problem)
{
  AdwActionRow *row = g_hash_table_lookup (self->rows, name);
  GtkWidget *entry = g_hash_table_lookup (self->entries, name);
  g_autofree char *escaped = NULL;
  g_autofree char *markup = NULL;

  if (problem != NULL)
    {
      escaped = g_markup_escape_text (problem, -1);
      markup = g_strdup_printf ("<span foreground=\"#e01b24\">%s</span>", escaped);
      adw_action_row_set_subtitle (row, markup);
      gtk_widget_add_css_class (entry, "error");
    }
  else
    {
      const char *hint = g_hash_table_lookup (self->hints, name);

      escaped = g_markup_escape_text (hint != NULL ? hint : "", -1);
      adw_action_row_set_subtitle (row, escaped);
      gtk_widget_remove_css_class (entry, "error");
    }
}

static gboolean
check_money (PlazaPromotionEditor *self,
             const char           *name,
             gint64               *out)
{
  g_autofree char *text = field_strip (self, name);

  *out = 0;
  if (*text == '\0')
    {
      set_problem (self, name, NULL);
      return TRUE;
    }
  if (!plaza_money_parse (text, out))
    {
      set_problem (self, name, _("Not an amount in yuan: digits with at most two decimals, like 50000.00."));
      return FALSE;
    }
  if (*out < 0)
    {
      set_problem (self, name, _("An amount cannot be negative."));
      return FALSE;
    }
  set_problem (self, name, NULL);
  return TRUE;
}

static gboolean
check_date (PlazaPromotionEditor *self,
            const char           *name,
            GDate                *out)
{
  g_autofree char *text = field_strip (self, name);

  g_date_clear (out, 1);
  if (*text == '\0')
    {
      set_problem (self, name, touched (self, name) ? _("Enter the day as YYYY-MM-DD, like 2026-12-01.") : NULL);
      return FALSE;
    }
  if (!plaza_date_parse (text, out))
    {
      set_problem (self, name, _("Not a date: use YYYY-MM-DD, like 2026-12-01."));
      return FALSE;
    }
  set_problem (self, name, NULL);
  return TRUE;
}

static guint
scope_index (PlazaPromotionEditor *self)
{
  guint i = adw_combo_row_get_selected (self->scope_row);

  return i < G_N_ELEMENTS (scope_codes) - 1 ? i : 0;
}

static GArray *
chosen_ids (PlazaPromotionEditor *self)
{
  switch (scope_index (self))
    {
    case 1:
      return self->floor_ids;
    case 2:
      return self->category_ids;
    default:
      return NULL;
    }
}

gboolean
plaza_promotion_editor_validate (PlazaPromotionEditor *self)
{
  g_autofree char *name = field_strip (self, "name");
  g_autofree char *uplift = field_strip (self, "uplift");
  g_autofree char *footfall = field_strip (self, "footfall");
  GArray *ids = chosen_ids (self);
  GDate start, end;
  gint64 value;
  gboolean ok = TRUE;
  gboolean start_ok, end_ok;

  if (*name == '\0')
    {
      set_problem (self, "name", touched (self, "name") ? _("A promotion needs a name.") : NULL);
      ok = FALSE;
    }
  else
    set_problem (self, "name", NULL);

  start_ok = check_date (self, "start", &start);
  end_ok = check_date (self, "end", &end);
  ok &= start_ok && end_ok;
  if (start_ok && end_ok && g_date_compare (&end, &start) < 0)
    {
      set_problem (self, "end", _("The promotion ends before it starts."));
      ok = FALSE;
    }

  ok &= check_money (self, "budget_mall", &value);
  ok &= check_money (self, "budget_tenant", &value);
  if (*uplift != '\0' && (!plaza_percent_parse (uplift, &value) || value < 0))
    {
      set_problem (self, "uplift", _("Enter a percentage, like 15.00."));
      ok = FALSE;
    }
  else
    set_problem (self, "uplift", NULL);
  if (*footfall != '\0' && (!g_ascii_string_to_signed (footfall, 10, 0, G_MAXINT64, &value, NULL)))
    {
      set_problem (self, "footfall", _("Enter a whole number of visitors, like 20000."));
      ok = FALSE;
    }
  else
    set_problem (self, "footfall", NULL);

  if (ids != NULL && ids->len == 0)
    {
      g_autofree char *markup = g_strdup_printf ("<span foreground=\"#e01b24\">%s</span>",
                                                 scope_index (self) == 1 ? _("Choose at least one floor below.")
                                                 : _("Choose at least one category below."));

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->scope_row), markup);
      ok = FALSE;
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->scope_row),
                                 _("Participants can be chosen among the tenants in scope."));

  ok &= plaza_promotion_editor_check_participants (self);
  self->valid = ok;
  return ok;
}

PlazaPromotion *
plaza_promotion_editor_read_form (PlazaPromotionEditor *self)
{
  PlazaPromotion *p = plaza_promotion_new ();
  g_autofree char *uplift = field_strip (self, "uplift");
  g_autofree char *footfall = field_strip (self, "footfall");
  g_autofree char *mall = field_strip (self, "budget_mall");
  g_autofree char *tenant = field_strip (self, "budget_tenant");
  GArray *ids = chosen_ids (self);
  guint mechanics = adw_combo_row_get_selected (self->mechanics_row);

  p->name = field_strip (self, "name");
  p->theme = field_strip (self, "theme");
  g_free (p->mechanics);
  p->mechanics = g_strdup (mechanics_codes[mechanics < G_N_ELEMENTS (mechanics_codes) - 1 ? mechanics : 0]);
  p->start_date = field_strip (self, "start");
  p->end_date = field_strip (self, "end");
  g_free (p->scope);
  p->scope = g_strdup (scope_codes[scope_index (self)]);
  if (!plaza_money_parse (mall, &p->budget_mall))
    p->budget_mall = 0;
  if (!plaza_money_parse (tenant, &p->budget_tenant))
    p->budget_tenant = 0;
  if (!plaza_percent_parse (uplift, &p->goal_uplift_bp))
    p->goal_uplift_bp = 0;
  if (!g_ascii_string_to_signed (footfall, 10, 0, G_MAXINT64, &p->goal_footfall, NULL))
    p->goal_footfall = 0;
  p->notes = field_strip (self, "notes");
  if (ids != NULL)
    g_array_append_vals (p->scope_ids, ids->data, ids->len);
  plaza_promotion_editor_read_participants (self, p);
  return p;
}

static void
set_text (PlazaPromotionEditor *self,
          const char           *name,
          const char           *text)
{
  gtk_editable_set_text (GTK_EDITABLE (g_hash_table_lookup (self->entries, name)), text != NULL ? text : "");
}

static void
untouch (gpointer key G_GNUC_UNUSED,
         gpointer value,
         gpointer data G_GNUC_UNUSED)
{
  g_object_set_data (G_OBJECT (value), "plaza-touched", NULL);
}

void
plaza_promotion_editor_fill_form (PlazaPromotionEditor *self,
                                  const PlazaPromotion *p)
{
  g_autofree char *mall = plaza_money_format (p->budget_mall, FALSE);
  g_autofree char *tenant = plaza_money_format (p->budget_tenant, FALSE);
  g_autofree char *uplift = p->goal_uplift_bp > 0 ? plaza_percent_format (p->goal_uplift_bp) : g_strdup ("");
  g_autofree char *footfall = p->goal_footfall > 0 ? g_strdup_printf ("%lld", (long long) p->goal_footfall)
                                                   : g_strdup ("");
  gboolean was_filling = self->filling;

  self->filling = TRUE;
  set_text (self, "name", p->name);
  set_text (self, "theme", p->theme);
  set_text (self, "start", p->start_date);
  set_text (self, "end", p->end_date);
  set_text (self, "budget_mall", p->budget_mall > 0 ? mall : "");
  set_text (self, "budget_tenant", p->budget_tenant > 0 ? tenant : "");
  set_text (self, "uplift", uplift);
  set_text (self, "footfall", footfall);
  set_text (self, "notes", p->notes);
  g_hash_table_foreach (self->entries, untouch, NULL);
  adw_combo_row_set_selected (self->mechanics_row, code_index (mechanics_codes, p->mechanics));
  g_array_set_size (self->floor_ids, 0);
  g_array_set_size (self->category_ids, 0);
  if (g_strcmp0 (p->scope, "floors") == 0)
    g_array_append_vals (self->floor_ids, p->scope_ids->data, p->scope_ids->len);
  else if (g_strcmp0 (p->scope, "categories") == 0)
    g_array_append_vals (self->category_ids, p->scope_ids->data, p->scope_ids->len);
  adw_combo_row_set_selected (self->scope_row, code_index (scope_codes, p->scope));
  plaza_promotion_editor_show_scope (self);
  self->filling = was_filling;
}

/* The scope checklist. */

static void
scope_toggled_cb (GtkCheckButton       *check,
                  PlazaPromotionEditor *self)
{
  GArray *ids = chosen_ids (self);
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (check), "plaza-ref-id");
  gboolean active = gtk_check_button_get_active (check);

  if (ids == NULL)
    return;
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      {
        if (!active)
          g_array_remove_index (ids, i);
        active = FALSE;
        break;
      }
  if (active)
    g_array_append_val (ids, id);
  plaza_promotion_editor_changed (self);
}

void
plaza_promotion_editor_show_scope (PlazaPromotionEditor *self)
{
  GArray *ids = chosen_ids (self);
  GPtrArray *refs = scope_index (self) == 1 ? self->floors : self->categories;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->scope_list)) != NULL)
    gtk_flow_box_remove (GTK_FLOW_BOX (self->scope_list), child);
  gtk_widget_set_visible (self->scope_group, ids != NULL);
  if (ids == NULL || refs == NULL)
    return;
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->scope_group),
                                   scope_index (self) == 1 ? _("Floors in Scope") : _("Categories in Scope"));
  for (guint i = 0; i < refs->len; i++)
    {
      const PlazaPromotionChoice *ref = refs->pdata[i];
      GtkWidget *check = gtk_check_button_new_with_label (ref->label);
      gint64 *id = g_new (gint64, 1);

      *id = ref->id;
      g_object_set_data_full (G_OBJECT (check), "plaza-ref-id", id, g_free);
      for (guint j = 0; j < ids->len; j++)
        if (g_array_index (ids, gint64, j) == ref->id)
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      g_signal_connect (check, "toggled", G_CALLBACK (scope_toggled_cb), self);
      gtk_flow_box_append (GTK_FLOW_BOX (self->scope_list), check);
    }
}

static void
scope_selected_cb (PlazaPromotionEditor *self)
{
  plaza_promotion_editor_show_scope (self);
  plaza_promotion_editor_changed (self);
}

gboolean
plaza_promotion_editor_check_scope (PlazaPromotionEditor *self,
                                    gint64                ref_id,
                                    gboolean              active)
{
  GtkWidget *child;

  for (child = gtk_widget_get_first_child (self->scope_list); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *check = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      if (*(gint64 *) g_object_get_data (G_OBJECT (check), "plaza-ref-id") == ref_id)
        {
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
          return TRUE;
        }
    }
  return FALSE;
}

/* The clash check. */

typedef struct
{
  PlazaPromotionEditor *self;
  guint                 seq;
} ClashCall;

static gpointer
clash_func (PlazaStore    *store,
            gpointer       data,
            GCancellable  *cancellable G_GNUC_UNUSED,
            GError       **error)
{
  GPtrArray *out = NULL;

  if (!plaza_promotion_find_clashes (store, 0, data, &out, error))
    return NULL;
  return out;
}

char *
plaza_promotion_editor_describe_clashes (PlazaPromotionEditor *self)
{
  g_autoptr(GString) text = NULL;

  if (self->clashes == NULL || self->clashes->len == 0)
    return NULL;
  text = g_string_new (NULL);
  for (guint i = 0; i < self->clashes->len; i++)
    {
      const PlazaPromotionClash *c = self->clashes->pdata[i];
      const char *why = g_str_equal (c->reason, "tenants") ? _("same tenants")
                        : g_str_equal (c->reason, "floors") ? _("same floors")
                        : g_str_equal (c->reason, "categories") ? _("same categories")
                        : _("a whole-mall promotion");

      if (i > 0)
        g_string_append_c (text, '\n');
      /* Translators: "Overlaps with PR-2026-004 春节促销 (2026-02-01 – 2026-02-15): same tenants". */
      g_string_append_printf (text, _("Overlaps with %s %s (%s – %s): %s"), c->code, c->name, c->start_date,
                              c->end_date, why);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
show_clashes (PlazaPromotionEditor *self)
{
  g_autofree char *text = plaza_promotion_editor_describe_clashes (self);

  gtk_label_set_label (self->clash_label, text);
  gtk_widget_set_visible (self->clash_box, text != NULL && plaza_promotion_editor_is_editable (self));
}

static void
clash_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  ClashCall *call = user_data;
  g_autoptr(PlazaPromotionEditor) self = call->self;
  guint seq = call->seq;
  g_autoptr(GError) error = NULL;
  GPtrArray *clashes = plaza_worker_run_finish (PLAZA_WORKER (source), result, &error);

  g_free (call);
  if (seq != self->clash_seq)
    {
      g_clear_pointer (&clashes, g_ptr_array_unref);
      return;
    }
  if (clashes == NULL && error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Clash check: %s", error->message);
  g_clear_pointer (&self->clashes, g_ptr_array_unref);
  self->clashes = clashes;
  show_clashes (self);
}

static gboolean
clash_timeout_cb (gpointer data)
{
  PlazaPromotionEditor *self = data;
  PlazaPromotion *p;
  GDate start, end;
  ClashCall *call;

  self->clash_timeout = 0;
  self->clash_seq++;
  p = plaza_promotion_editor_read_form (self);
  if (!plaza_date_parse (p->start_date, &start) || !plaza_date_parse (p->end_date, &end)
      || g_date_compare (&end, &start) < 0 || self->worker == NULL)
    {
      plaza_promotion_free (p);
      g_clear_pointer (&self->clashes, g_ptr_array_unref);
      show_clashes (self);
      return G_SOURCE_REMOVE;
    }
  p->id = self->id;
  if (self->clash_cancellable != NULL)
    g_cancellable_cancel (self->clash_cancellable);
  g_clear_object (&self->clash_cancellable);
  self->clash_cancellable = g_cancellable_new ();
  call = g_new0 (ClashCall, 1);
  call->self = g_object_ref (self);
  call->seq = self->clash_seq;
  plaza_worker_run_async (self->worker, clash_func, p, (GDestroyNotify) plaza_promotion_free,
                          self->clash_cancellable, clash_done_cb, call);
  return G_SOURCE_REMOVE;
}

void
plaza_promotion_editor_schedule_clash_check (PlazaPromotionEditor *self)
{
  g_clear_handle_id (&self->clash_timeout, g_source_remove);
  self->clash_timeout = g_timeout_add (400, clash_timeout_cb, self);
}

/* Building. */

static void
entry_changed_cb (GtkEditable          *entry,
                  PlazaPromotionEditor *self)
{
  if (self->filling)
    return;
  g_object_set_data (G_OBJECT (entry), "plaza-touched", GINT_TO_POINTER (1));
  plaza_promotion_editor_changed (self);
}

static void
add_field (PlazaPromotionEditor *self,
           AdwPreferencesGroup  *group,
           const char           *name,
           const char           *title,
           const char           *hint,
           const char           *placeholder,
           int                   width)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *entry = gtk_entry_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), width);
  if (width >= 20)
    gtk_widget_set_hexpand (entry, TRUE);
  if (placeholder != NULL)
    gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), entry);
  g_signal_connect (entry, "changed", G_CALLBACK (entry_changed_cb), self);
  adw_preferences_group_add (group, row);
  g_hash_table_insert (self->entries, (gpointer) name, entry);
  g_hash_table_insert (self->rows, (gpointer) name, row);
  if (hint != NULL)
    g_hash_table_insert (self->hints, (gpointer) name, (gpointer) hint);
  set_problem (self, name, NULL);
}

static AdwComboRow *
add_combo (AdwPreferencesGroup *group,
           const char          *title,
           const char * const  *codes)
{
  GtkWidget *row = adw_combo_row_new ();
  GtkStringList *labels = gtk_string_list_new (NULL);

  for (guint i = 0; codes[i] != NULL; i++)
    gtk_string_list_append (labels, plaza_state_label (codes[i]));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  g_object_unref (labels);
  adw_preferences_group_add (group, row);
  return ADW_COMBO_ROW (row);
}

void
plaza_promotion_editor_build_form (PlazaPromotionEditor *self,
                                   GtkBox               *page)
{
  GtkWidget *plan = adw_preferences_group_new ();
  GtkWidget *money = adw_preferences_group_new ();
  AdwPreferencesGroup *g = ADW_PREFERENCES_GROUP (plan);

  adw_preferences_group_set_title (g, _("Plan"));
  add_field (self, g, "name", _("Name"), _("Required, as the tenants will read it."), NULL, 28);
  add_field (self, g, "theme", _("Theme"), NULL, NULL, 28);
  self->mechanics_row = add_combo (g, _("Mechanics"), mechanics_codes);
  g_signal_connect_swapped (self->mechanics_row, "notify::selected", G_CALLBACK (plaza_promotion_editor_changed), self);
  add_field (self, g, "start", _("Starts"), _("The first day."), "YYYY-MM-DD", 12);
  add_field (self, g, "end", _("Ends"), _("The last day, inclusive."), "YYYY-MM-DD", 12);
  self->scope_row = add_combo (g, _("Scope"), scope_codes);
  g_signal_connect_swapped (self->scope_row, "notify::selected", G_CALLBACK (scope_selected_cb), self);
  gtk_box_append (page, plan);

  self->scope_group = adw_preferences_group_new ();
  self->scope_list = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->scope_list), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->scope_list), 6);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (self->scope_list), TRUE);
  gtk_widget_add_css_class (self->scope_list, "card");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->scope_group), self->scope_list);
  gtk_widget_set_visible (self->scope_group, FALSE);
  gtk_box_append (page, self->scope_group);

  g = ADW_PREFERENCES_GROUP (money);
  adw_preferences_group_set_title (g, _("Budget and Goals"));
  add_field (self, g, "budget_mall", _("Mall-funded budget (¥)"), _("Paid by the mall, in yuan."), "0.00", 14);
  add_field (self, g, "budget_tenant", _("Tenant-funded budget (¥)"), _("Paid by the participating tenants, in yuan."),
             "0.00", 14);
  add_field (self, g, "uplift", _("Sales uplift goal (%)"), _("Against the baseline, like 15.00."), "0.00", 10);
  add_field (self, g, "footfall", _("Footfall goal"), _("Visitors over the whole promotion."), "0", 10);
  add_field (self, g, "notes", _("Notes"), NULL, NULL, 28);
  gtk_box_append (page, money);
}

/* Handles. */

void
plaza_promotion_editor_set_field (PlazaPromotionEditor *self,
                                  const char           *name,
                                  const char           *text)
{
  GtkEntry *entry = g_hash_table_lookup (self->entries, name);

  g_return_if_fail (entry != NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

char *
plaza_promotion_editor_dup_field (PlazaPromotionEditor *self,
                                  const char           *name)
{
  GtkEntry *entry = g_hash_table_lookup (self->entries, name);

  g_return_val_if_fail (entry != NULL, NULL);
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));
}

void
plaza_promotion_editor_set_mechanics (PlazaPromotionEditor *self,
                                      const char           *code)
{
  adw_combo_row_set_selected (self->mechanics_row, code_index (mechanics_codes, code));
}

void
plaza_promotion_editor_set_scope (PlazaPromotionEditor *self,
                                  const char           *code)
{
  adw_combo_row_set_selected (self->scope_row, code_index (scope_codes, code));
}
