/* plaza-contract-form-terms.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The contract form the other way round, without GTK: terms JSON read
 * back into a form (the editor's renew and amend modes start from it), an
 * amendment's JSON, and the schedule with an amendment applied from its
 * effective date as plaza-contract-schedule.h describes (for the editor's
 * live preview; the stored schedule is computed in core). Unit-tested by
 * tests/test-contract-form.c.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "plaza-contract-form.h"
#include "plaza-money.h"
#include "plaza-rent.h"

/* ---- reading terms back, amendments ---- */

/* A member as text: strings as they are, whole numbers printed; NULL
 * when absent or of another kind. */
static char *
member_text (JsonObject *object,
             const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return g_strdup_printf ("%lld", (long long) json_node_get_int (node));
  return NULL;
}

static JsonObject *
member_object (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
member_array (JsonObject *object,
              const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static void
set_member (PlazaContractForm *form,
            const char        *field,
            JsonObject        *object,
            const char        *name)
{
  g_autofree char *text = member_text (object, name);

  if (text != NULL)
    plaza_contract_form_set (form, field, text);
}

static JsonNode *
parse_object (const char  *json,
              GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The terms are empty."));
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The terms are not a JSON object."));
      return NULL;
    }
  return json_node_copy (root);
}

gboolean
plaza_contract_form_load_terms (PlazaContractForm *form,
                                const char        *terms_json,
                                GError           **error)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *terms, *rent, *escalation;
  JsonArray *list;
  g_autofree char *area = NULL;
  gint64 hundredths;

  g_return_val_if_fail (form != NULL, FALSE);

  root = parse_object (terms_json, error);
  if (root == NULL)
    return FALSE;
  terms = json_node_get_object (root);
  set_member (form, "start", terms, "start");
  set_member (form, "end", terms, "end");
  set_member (form, "model", terms, "model");
  set_member (form, "percentage", terms, "percentage");
  rent = member_object (terms, "rent");
  if (rent != NULL)
    {
      set_member (form, "rent_amount", rent, "amount");
      set_member (form, "rent_unit", rent, "unit");
    }
  escalation = member_object (terms, "escalation");
  if (escalation != NULL)
    {
      set_member (form, "escalation_months", escalation, "every_months");
      set_member (form, "escalation_percent", escalation, "percent");
    }
  area = member_text (terms, "area");
  if (area != NULL && plaza_area_parse (area, &hundredths))
    form->area = hundredths;

  list = member_array (terms, "percentage_tiers");
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonNode *node = json_array_get_element (list, i);
      JsonObject *item = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      g_autofree char *above = member_text (item, "above");
      g_autofree char *percent = member_text (item, "percent");

      plaza_contract_form_add_tier (form, above != NULL ? above : "", percent != NULL ? percent : "");
    }
  list = member_array (terms, "free");
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonNode *node = json_array_get_element (list, i);
      JsonObject *item = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      g_autofree char *from = member_text (item, "from");
      g_autofree char *to = member_text (item, "to");

      plaza_contract_form_add_free (form, from != NULL ? from : "", to != NULL ? to : "");
    }
  list = member_array (terms, "fees");
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonNode *node = json_array_get_element (list, i);
      JsonObject *item = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      g_autofree char *name = member_text (item, "name");
      g_autofree char *amount = member_text (item, "amount");
      g_autofree char *unit = member_text (item, "unit");

      plaza_contract_form_add_fee (form, name != NULL ? name : "", amount != NULL ? amount : "",
                                   unit != NULL ? unit : "m2_month");
    }
  return TRUE;
}

char *
plaza_contract_form_amendment_json (const char *terms_json)
{
  g_autoptr(JsonNode) root = parse_object (terms_json, NULL);
  g_autoptr(JsonGenerator) generator = NULL;
  JsonObject *terms;

  if (root == NULL)
    return NULL;
  terms = json_node_get_object (root);
  if (!json_object_has_member (terms, "free"))
    json_object_set_array_member (terms, "free", json_array_new ());
  if (!json_object_has_member (terms, "fees"))
    json_object_set_array_member (terms, "fees", json_array_new ());
  generator = json_generator_new ();
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

char *
plaza_contract_form_amendment_problem (const char  *before,
                                       const char  *amendment,
                                       const char **field)
{
  g_autoptr(JsonNode) old_root = parse_object (before, NULL);
  g_autoptr(JsonNode) new_root = parse_object (amendment, NULL);
  JsonObject *old_terms, *new_terms;

  *field = NULL;
  if (old_root == NULL || new_root == NULL)
    return NULL;
  old_terms = json_node_get_object (old_root);
  new_terms = json_node_get_object (new_root);
  if (json_object_has_member (old_terms, "escalation") && !json_object_has_member (new_terms, "escalation"))
    {
      *field = "escalation_months";
      return g_strdup (_("An amendment cannot end the escalation; give the escalation in force, or a rate of 0 from now on."));
    }
  if ((json_object_has_member (old_terms, "percentage") && json_object_has_member (new_terms, "percentage_tiers"))
      || (json_object_has_member (old_terms, "percentage_tiers") && json_object_has_member (new_terms, "percentage")))
    {
      *field = "tiers";
      return g_strdup (_("An amendment cannot switch between a flat percentage and tiers; keep the kind in force."));
    }
  return NULL;
}

/* Appends @json's part over @gov_from..@gov_to to @rows, merging a month
 * that is already there. */
static gboolean
run_part (const char   *json,
          const GDate  *gov_from,
          const GDate  *gov_to,
          GArray       *rows,
          GError      **error)
{
  g_autoptr(PlazaRentTerms) terms = plaza_rent_terms_new_from_json (json, -1, error);
  g_autoptr(GArray) money = NULL;
  g_autoptr(GArray) days = NULL;
  GDate from = *gov_from;
  GDate to = *gov_to;
  guint n_free, j = 0;

  if (terms == NULL)
    return FALSE;
  if (g_date_compare (&terms->start, &from) > 0)
    from = terms->start;
  if (g_date_compare (&terms->end, &to) < 0)
    to = terms->end;
  if (g_date_compare (&from, &to) > 0)
    return TRUE;
  terms->end = to;
  n_free = terms->free->len;
  if (g_date_compare (&terms->start, &from) < 0)
    {
      PlazaRentRange before;

      before.from = terms->start;
      before.to = from;
      g_date_subtract_days (&before.to, 1);
      g_array_append_val (terms->free, before);
    }
  money = plaza_rent_schedule (terms, NULL, error);
  if (money == NULL)
    return FALSE;
  g_array_set_size (terms->free, n_free);
  terms->start = from;
  days = plaza_rent_schedule (terms, NULL, error);
  if (days == NULL)
    return FALSE;
  for (guint i = 0; i < days->len; i++)
    {
      const PlazaRentPeriod *d = &g_array_index (days, PlazaRentPeriod, i);
      const PlazaRentPeriod *m;
      PlazaRentPeriod *last = rows->len > 0 ? &g_array_index (rows, PlazaRentPeriod, rows->len - 1) : NULL;

      while (j < money->len && strcmp (g_array_index (money, PlazaRentPeriod, j).month, d->month) != 0)
        j++;
      g_assert (j < money->len);
      m = &g_array_index (money, PlazaRentPeriod, j);
      if (last != NULL && strcmp (last->month, d->month) == 0)
        {
          last->to = d->to;
          last->days += d->days;
          last->rent_days += d->rent_days;
          last->base_rent += m->base_rent;
          last->percentage_rent += m->percentage_rent;
          last->rent += m->rent;
          last->fees += d->fees;
          last->total += m->rent + d->fees;
        }
      else
        {
          PlazaRentPeriod row = *d;

          row.base_rent = m->base_rent;
          row.percentage_rent = m->percentage_rent;
          row.rent = m->rent;
          row.total = m->rent + d->fees;
          g_array_append_val (rows, row);
        }
    }
  return TRUE;
}

GArray *
plaza_contract_form_amended_schedule (const char  *before,
                                      const char  *after,
                                      const char  *effective,
                                      GError     **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (PlazaRentPeriod));
  GDate eff, day_before, far_past, far_future;

  g_return_val_if_fail (before != NULL && after != NULL, NULL);

  g_date_clear (&eff, 1);
  if (!plaza_contract_form_parse_date (effective, &eff))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The effective date is not a date."));
      return NULL;
    }
  g_date_clear (&far_past, 1);
  g_date_set_dmy (&far_past, 1, 1, 1900);
  g_date_clear (&far_future, 1);
  g_date_set_dmy (&far_future, 31, 12, 2999);
  day_before = eff;
  if (g_date_compare (&eff, &far_past) > 0)
    g_date_subtract_days (&day_before, 1);
  if ((g_date_compare (&eff, &far_past) > 0 && !run_part (before, &far_past, &day_before, rows, error))
      || !run_part (after, &eff, &far_future, rows, error))
    return NULL;
  return g_steal_pointer (&rows);
}
