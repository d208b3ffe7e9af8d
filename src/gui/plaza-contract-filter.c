/* plaza-contract-filter.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three drop-downs next to the contracts page's search: state, floor (the
 * floors of the loaded rows) and "ending within" (30/60/90 days or a custom
 * number). The settings live in a FilterState the page owns, so the page's
 * filter never reaches a bar that is already gone.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "plaza-contract-filter.h"

#define CUSTOM_DAYS_DEFAULT 120

static const char *const state_codes[] = {
  "draft", "submitted", "approved", "active", "expired", "terminated", "renewed",
};

typedef enum
{
  EXPIRY_ANY,
  EXPIRY_30,
  EXPIRY_60,
  EXPIRY_90,
  EXPIRY_CUSTOM,
} ExpiryChoice;

static const guint expiry_days[] = { 0, 30, 60, 90, 0 };

/* What the page's filter reads; owned by the page. */
typedef struct
{
  guint  state_col;
  guint  floor_col;
  guint  end_col;
  char  *state;   /* NULL: all */
  char  *floor;   /* NULL: all */
  guint  days;    /* 0: any end date */
  char   today[11];
  char   until[11];
} FilterState;

struct _PlazaContractFilter
{
  GtkBox          parent_instance;

  PlazaListPage  *page;      /* not owned: the page owns the bar */
  FilterState    *state;     /* not owned: the page owns it */

  GtkDropDown    *state_drop;
  GtkDropDown    *floor_drop;
  GtkDropDown    *expiry_drop;
  GtkSpinButton  *custom_spin;
  GtkStringList  *floor_model;
  GPtrArray      *floors;    /* labels offered, lowest level first */

  gboolean        updating;
};

G_DEFINE_FINAL_TYPE (PlazaContractFilter, plaza_contract_filter, GTK_TYPE_BOX)

static void
filter_state_free (gpointer data)
{
  FilterState *state = data;

  g_free (state->state);
  g_free (state->floor);
  g_free (state);
}

static guint
column_index (const char *id)
{
  const PlazaColumn *columns;
  guint n;

  columns = plaza_list_get_columns (PLAZA_LIST_CONTRACTS, &n);
  for (guint i = 0; i < n; i++)
    if (strcmp (columns[i].id, id) == 0)
      return i;
  g_error ("No column %s in the contracts list", id);
  return 0;
}

static void
format_iso (const GDate *date,
            char         out[11])
{
  g_snprintf (out, 11, "%04u-%02u-%02u", (guint) g_date_get_year (date),
              (guint) g_date_get_month (date), (guint) g_date_get_day (date));
}

/* "1F, 2F" holds "2F" as a whole label. */
static gboolean
floors_contain (const char *floors,
                const char *label)
{
  g_auto(GStrv) parts = NULL;

  if (floors == NULL)
    return FALSE;
  parts = g_strsplit (floors, ", ", -1);
  return g_strv_contains ((const char * const *) parts, label);
}

static gboolean
state_matches (FilterState *state,
               PlazaRecord *record)
{
  if (state->state != NULL &&
      g_strcmp0 (plaza_record_get_text (record, state->state_col), state->state) != 0)
    return FALSE;
  if (state->floor != NULL &&
      !floors_contain (plaza_record_get_text (record, state->floor_col), state->floor))
    return FALSE;
  if (state->days > 0)
    {
      const char *end = plaza_record_get_text (record, state->end_col);

      if (g_strcmp0 (plaza_record_get_text (record, state->state_col), "active") != 0 || end == NULL)
        return FALSE;
      if (strcmp (end, state->today) < 0 || strcmp (end, state->until) > 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
page_filter_cb (PlazaRecord *record,
                gpointer     user_data)
{
  return state_matches (user_data, record);
}

/* B2 < B1 < 1F < 2F … (basements first, then by number, then by name). */
static int
floor_level (const char *label)
{
  const char *p = label;
  int sign = 1;

  if (*p == 'B' || *p == 'b')
    {
      sign = -1;
      p++;
    }
  else if (*p == 'L' || *p == 'l')
    p++;
  if (!g_ascii_isdigit (*p))
    return 10000;
  return sign * (int) strtol (p, NULL, 10);
}

static int
compare_floors (gconstpointer a,
                gconstpointer b)
{
  const char *x = *(const char * const *) a;
  const char *y = *(const char * const *) b;
  int lx = floor_level (x), ly = floor_level (y);

  if (lx != ly)
    return lx < ly ? -1 : 1;
  return g_utf8_collate (x, y);
}

static void
apply (PlazaContractFilter *self)
{
  FilterState *state = self->state;
  gboolean active;

  if (state->days > 0)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, (GDateDay) g_date_time_get_day_of_month (now),
                      (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
      format_iso (&date, state->today);
      g_date_add_days (&date, state->days);
      format_iso (&date, state->until);
    }
  active = state->state != NULL || state->floor != NULL || state->days > 0;
  plaza_list_page_refilter (self->page, active);
}

static void
state_selected_cb (PlazaContractFilter *self)
{
  guint pos = gtk_drop_down_get_selected (self->state_drop);

  if (self->updating)
    return;
  g_free (self->state->state);
  self->state->state = pos > 0 && pos <= G_N_ELEMENTS (state_codes) ? g_strdup (state_codes[pos - 1]) : NULL;
  apply (self);
}

static void
floor_selected_cb (PlazaContractFilter *self)
{
  guint pos = gtk_drop_down_get_selected (self->floor_drop);

  if (self->updating)
    return;
  g_free (self->state->floor);
  self->state->floor = pos > 0 && pos <= self->floors->len ? g_strdup (self->floors->pdata[pos - 1]) : NULL;
  apply (self);
}

static void
expiry_changed_cb (PlazaContractFilter *self)
{
  guint pos = gtk_drop_down_get_selected (self->expiry_drop);
  gboolean custom = pos == EXPIRY_CUSTOM;

  gtk_widget_set_visible (GTK_WIDGET (self->custom_spin), custom);
  if (self->updating)
    return;
  if (custom)
    self->state->days = (guint) gtk_spin_button_get_value_as_int (self->custom_spin);
  else
    self->state->days = pos < G_N_ELEMENTS (expiry_days) ? expiry_days[pos] : 0;
  apply (self);
}

/* Offers the floors of the loaded rows, keeping the chosen one. */
static void
rows_changed_cb (PlazaContractFilter *self)
{
  GListModel *rows = plaza_list_page_get_rows (self->page);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) floors = g_ptr_array_new_with_free_func (g_free);
  guint n = g_list_model_get_n_items (rows);
  guint selected = 0;
  gboolean same;

  if (self->state->floor != NULL)
    g_hash_table_add (seen, g_strdup (self->state->floor));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlazaRecord) record = g_list_model_get_item (rows, i);
      const char *text = plaza_record_get_text (record, self->state->floor_col);
      g_auto(GStrv) parts = NULL;

      if (text == NULL)
        continue;
      parts = g_strsplit (text, ", ", -1);
      for (guint j = 0; parts[j] != NULL; j++)
        if (*parts[j] != '\0' && !g_hash_table_contains (seen, parts[j]))
          g_hash_table_add (seen, g_strdup (parts[j]));
    }
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, seen);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_ptr_array_add (floors, g_strdup (key));
  }
  g_ptr_array_sort (floors, compare_floors);

  same = floors->len == self->floors->len;
  for (guint i = 0; same && i < floors->len; i++)
    same = strcmp (floors->pdata[i], self->floors->pdata[i]) == 0;
  if (same)
    return;

  self->updating = TRUE;
  gtk_string_list_splice (self->floor_model, 1,
                          g_list_model_get_n_items (G_LIST_MODEL (self->floor_model)) - 1, NULL);
  for (guint i = 0; i < floors->len; i++)
    {
      gtk_string_list_append (self->floor_model, floors->pdata[i]);
      if (g_strcmp0 (floors->pdata[i], self->state->floor) == 0)
        selected = i + 1;
    }
  g_ptr_array_unref (self->floors);
  self->floors = g_steal_pointer (&floors);
  gtk_drop_down_set_selected (self->floor_drop, selected);
  self->updating = FALSE;
}

static GtkDropDown *
make_drop_down (GtkStringList *model,
                const char    *tooltip)
{
  GtkWidget *drop = gtk_drop_down_new (G_LIST_MODEL (model), NULL);

  gtk_widget_set_tooltip_text (drop, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_set_valign (drop, GTK_ALIGN_CENTER);
  return GTK_DROP_DOWN (drop);
}

static void
plaza_contract_filter_finalize (GObject *object)
{
  PlazaContractFilter *self = PLAZA_CONTRACT_FILTER (object);

  g_clear_pointer (&self->floors, g_ptr_array_unref);

  G_OBJECT_CLASS (plaza_contract_filter_parent_class)->finalize (object);
}

static void
plaza_contract_filter_class_init (PlazaContractFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = plaza_contract_filter_finalize;
}

static void
plaza_contract_filter_init (PlazaContractFilter *self)
{
  GtkStringList *states = gtk_string_list_new (NULL);   /* the drop-downs own their models */
  GtkStringList *expiry = gtk_string_list_new (NULL);
  g_autofree char *d30 = g_strdup_printf (ngettext ("Ending within %u day", "Ending within %u days", 30), 30u);
  g_autofree char *d60 = g_strdup_printf (ngettext ("Ending within %u day", "Ending within %u days", 60), 60u);
  g_autofree char *d90 = g_strdup_printf (ngettext ("Ending within %u day", "Ending within %u days", 90), 90u);

  self->floors = g_ptr_array_new_with_free_func (g_free);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_HORIZONTAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);

  gtk_string_list_append (states, _("All states"));
  for (guint i = 0; i < G_N_ELEMENTS (state_codes); i++)
    gtk_string_list_append (states, plaza_state_label (state_codes[i]));
  self->state_drop = make_drop_down (states, _("State"));

  self->floor_model = gtk_string_list_new (NULL);
  gtk_string_list_append (self->floor_model, _("All floors"));
  self->floor_drop = make_drop_down (self->floor_model, _("Floor"));

  gtk_string_list_append (expiry, _("Any end date"));
  gtk_string_list_append (expiry, d30);
  gtk_string_list_append (expiry, d60);
  gtk_string_list_append (expiry, d90);
  gtk_string_list_append (expiry, _("Ending within…"));
  self->expiry_drop = make_drop_down (expiry, _("Expiring within"));

  self->custom_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, 3650, 1));
  gtk_spin_button_set_value (self->custom_spin, CUSTOM_DAYS_DEFAULT);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->custom_spin), _("Days from today"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->custom_spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Days from today"), -1);
  gtk_widget_set_valign (GTK_WIDGET (self->custom_spin), GTK_ALIGN_CENTER);
  gtk_widget_set_visible (GTK_WIDGET (self->custom_spin), FALSE);

  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->state_drop));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->floor_drop));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->expiry_drop));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->custom_spin));

  g_signal_connect_swapped (self->state_drop, "notify::selected", G_CALLBACK (state_selected_cb), self);
  g_signal_connect_swapped (self->floor_drop, "notify::selected", G_CALLBACK (floor_selected_cb), self);
  g_signal_connect_swapped (self->expiry_drop, "notify::selected", G_CALLBACK (expiry_changed_cb), self);
  g_signal_connect_swapped (self->custom_spin, "value-changed", G_CALLBACK (expiry_changed_cb), self);
}

PlazaContractFilter *
plaza_contract_filter_new (PlazaListPage *page)
{
  PlazaContractFilter *self;
  FilterState *state;

  g_return_val_if_fail (PLAZA_IS_LIST_PAGE (page), NULL);
  g_return_val_if_fail (plaza_list_page_get_kind (page) == PLAZA_LIST_CONTRACTS, NULL);

  state = g_new0 (FilterState, 1);
  state->state_col = column_index ("state");
  state->floor_col = column_index ("floor");
  state->end_col = column_index ("end");

  self = g_object_new (PLAZA_TYPE_CONTRACT_FILTER, NULL);
  self->page = page;
  self->state = state;
  plaza_list_page_set_extra_filter (page, page_filter_cb, state, filter_state_free);
  plaza_list_page_add_filter_widget (page, GTK_WIDGET (self));
  g_signal_connect_object (plaza_list_page_get_rows (page), "items-changed", G_CALLBACK (rows_changed_cb),
                           self, G_CONNECT_SWAPPED);
  rows_changed_cb (self);
  return self;
}

void
plaza_contract_filter_set_state (PlazaContractFilter *self,
                                 const char          *state)
{
  guint pos = 0;

  g_return_if_fail (PLAZA_IS_CONTRACT_FILTER (self));

  for (guint i = 0; state != NULL && i < G_N_ELEMENTS (state_codes); i++)
    if (strcmp (state_codes[i], state) == 0)
      pos = i + 1;
  gtk_drop_down_set_selected (self->state_drop, pos);
}

gboolean
plaza_contract_filter_set_floor (PlazaContractFilter *self,
                                 const char          *floor)
{
  g_return_val_if_fail (PLAZA_IS_CONTRACT_FILTER (self), FALSE);

  if (floor == NULL)
    {
      gtk_drop_down_set_selected (self->floor_drop, 0);
      return TRUE;
    }
  for (guint i = 0; i < self->floors->len; i++)
    if (strcmp (self->floors->pdata[i], floor) == 0)
      {
        gtk_drop_down_set_selected (self->floor_drop, i + 1);
        return TRUE;
      }
  return FALSE;
}

void
plaza_contract_filter_set_expiring_within (PlazaContractFilter *self,
                                           guint                days)
{
  g_return_if_fail (PLAZA_IS_CONTRACT_FILTER (self));

  for (guint i = EXPIRY_ANY; i < EXPIRY_CUSTOM; i++)
    if (expiry_days[i] == days)
      {
        gtk_drop_down_set_selected (self->expiry_drop, i);
        return;
      }
  self->updating = TRUE;
  gtk_spin_button_set_value (self->custom_spin, days);
  self->updating = FALSE;
  if (gtk_drop_down_get_selected (self->expiry_drop) == EXPIRY_CUSTOM)
    expiry_changed_cb (self);
  else
    gtk_drop_down_set_selected (self->expiry_drop, EXPIRY_CUSTOM);
}

GStrv
plaza_contract_filter_dup_floors (PlazaContractFilter *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (PLAZA_IS_CONTRACT_FILTER (self), NULL);

  for (guint i = 0; i < self->floors->len; i++)
    g_strv_builder_add (builder, self->floors->pdata[i]);
  return g_strv_builder_end (builder);
}

gboolean
plaza_contract_filter_matches (PlazaContractFilter *self,
                               PlazaRecord         *record)
{
  g_return_val_if_fail (PLAZA_IS_CONTRACT_FILTER (self), FALSE);
  g_return_val_if_fail (PLAZA_IS_RECORD (record), FALSE);
  return state_matches (self->state, record);
}
