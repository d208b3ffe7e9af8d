/* plaza-prospect-offer.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The offer made to a prospect (rent model, rent, units, dates, rent-free
 * months, deposit) as JSON and as the rent engine's terms, and "offer →
 * draft contract": the tenant found or created, the draft made through
 * plaza_contract_create() (a nested write), the prospect linked to it and
 * moved to approval, all in one transaction.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "plaza-contract.h"
#include "plaza-money.h"
#include "plaza-prospect.h"

PlazaProspectOffer *
plaza_prospect_offer_new (void)
{
  PlazaProspectOffer *offer = g_new0 (PlazaProspectOffer, 1);

  offer->model = g_strdup ("fixed");
  offer->rent_unit = g_strdup ("m2_day");
  offer->unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  offer->start_date = g_strdup ("");
  offer->end_date = g_strdup ("");
  return offer;
}

void
plaza_prospect_offer_free (PlazaProspectOffer *offer)
{
  if (offer == NULL)
    return;
  g_free (offer->model);
  g_free (offer->rent_unit);
  g_array_unref (offer->unit_ids);
  g_free (offer->start_date);
  g_free (offer->end_date);
  g_free (offer);
}

static gboolean
invalid (GError    **error,
         const char *message)
{
  g_set_error_literal (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID, message);
  return FALSE;
}

char *
plaza_prospect_offer_to_json (const PlazaProspectOffer *offer)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (offer != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "model");
  json_builder_add_string_value (builder, offer->model != NULL ? offer->model : "fixed");
  json_builder_set_member_name (builder, "rent");
  json_builder_add_int_value (builder, offer->rent);
  json_builder_set_member_name (builder, "rent_unit");
  json_builder_add_string_value (builder, offer->rent_unit != NULL ? offer->rent_unit : "m2_day");
  json_builder_set_member_name (builder, "percentage_bp");
  json_builder_add_int_value (builder, offer->percentage_bp);
  json_builder_set_member_name (builder, "units");
  json_builder_begin_array (builder);
  for (guint i = 0; i < offer->unit_ids->len; i++)
    json_builder_add_int_value (builder, g_array_index (offer->unit_ids, gint64, i));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "start");
  json_builder_add_string_value (builder, offer->start_date != NULL ? offer->start_date : "");
  json_builder_set_member_name (builder, "end");
  json_builder_add_string_value (builder, offer->end_date != NULL ? offer->end_date : "");
  json_builder_set_member_name (builder, "free_months");
  json_builder_add_int_value (builder, offer->free_months);
  json_builder_set_member_name (builder, "deposit");
  json_builder_add_int_value (builder, offer->deposit);
  json_builder_set_member_name (builder, "monthly_rent");
  json_builder_add_int_value (builder, offer->monthly_rent);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

PlazaProspectOffer *
plaza_prospect_offer_from_json (const char  *json,
                                GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(PlazaProspectOffer) offer = plaza_prospect_offer_new ();
  JsonObject *o;
  JsonArray *units;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      invalid (error, _("The offer is not a JSON object."));
      return NULL;
    }
  o = json_node_get_object (json_parser_get_root (parser));
  if (json_object_has_member (o, "model"))
    {
      g_free (offer->model);
      offer->model = g_strdup (json_object_get_string_member (o, "model"));
    }
  if (json_object_has_member (o, "rent_unit"))
    {
      g_free (offer->rent_unit);
      offer->rent_unit = g_strdup (json_object_get_string_member (o, "rent_unit"));
    }
  if (json_object_has_member (o, "start"))
    {
      g_free (offer->start_date);
      offer->start_date = g_strdup (json_object_get_string_member (o, "start"));
    }
  if (json_object_has_member (o, "end"))
    {
      g_free (offer->end_date);
      offer->end_date = g_strdup (json_object_get_string_member (o, "end"));
    }
  offer->rent = json_object_get_int_member_with_default (o, "rent", 0);
  offer->percentage_bp = json_object_get_int_member_with_default (o, "percentage_bp", 0);
  offer->free_months = (guint) CLAMP (json_object_get_int_member_with_default (o, "free_months", 0), 0, 120);
  offer->deposit = json_object_get_int_member_with_default (o, "deposit", 0);
  offer->monthly_rent = json_object_get_int_member_with_default (o, "monthly_rent", 0);
  units = json_object_has_member (o, "units") ? json_object_get_array_member (o, "units") : NULL;
  for (guint i = 0; units != NULL && i < json_array_get_length (units); i++)
    {
      gint64 id = json_array_get_int_element (units, i);

      g_array_append_val (offer->unit_ids, id);
    }
  return g_steal_pointer (&offer);
}

static gboolean
parse_day (const char *text,
           GDate      *out)
{
  g_date_clear (out, 1);
  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  g_date_set_parse (out, text);
  return g_date_valid (out);
}

static char *
day_text (const GDate *d)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (d), g_date_get_month (d), g_date_get_day (d));
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

char *
plaza_prospect_offer_terms (const PlazaProspectOffer *offer,
                            gint64                    area,
                            GError                  **error)
{
  static const char * const models[] = { "fixed", "percentage", "higher_of", NULL };
  static const char * const units[] = { "m2_day", "m2_month", "month", NULL };
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *area_text = NULL;
  GDate start, end;

  g_return_val_if_fail (offer != NULL, NULL);

  if (offer->model == NULL || !g_strv_contains (models, offer->model))
    {
      invalid (error, _("model: choose fixed, percentage or higher of."));
      return NULL;
    }
  if (!parse_day (offer->start_date, &start) || !parse_day (offer->end_date, &end))
    {
      invalid (error, _("dates: enter the first and last day of the lease as YYYY-MM-DD."));
      return NULL;
    }
  if (g_date_compare (&end, &start) < 0)
    {
      invalid (error, _("end: the lease ends before it starts."));
      return NULL;
    }
  if (area <= 0)
    {
      invalid (error, _("units: choose at least one unit."));
      return NULL;
    }
  if (!g_str_equal (offer->model, "percentage") &&
      (offer->rent <= 0 || offer->rent_unit == NULL || !g_strv_contains (units, offer->rent_unit)))
    {
      invalid (error, _("rent: enter the rent offered."));
      return NULL;
    }
  if (!g_str_equal (offer->model, "fixed") && offer->percentage_bp <= 0)
    {
      invalid (error, _("percentage: enter the percentage of sales offered."));
      return NULL;
    }

  area_text = g_strdup_printf ("%lld.%02lld", (long long) (area / 100), (long long) (area % 100));
  json_builder_begin_object (builder);
  add_string (builder, "start", offer->start_date);
  add_string (builder, "end", offer->end_date);
  add_string (builder, "area", area_text);
  add_string (builder, "model", offer->model);
  if (!g_str_equal (offer->model, "percentage"))
    {
      g_autofree char *amount = plaza_money_format_plain (offer->rent);

      json_builder_set_member_name (builder, "rent");
      json_builder_begin_object (builder);
      add_string (builder, "amount", amount);
      add_string (builder, "unit", offer->rent_unit);
      json_builder_end_object (builder);
    }
  if (!g_str_equal (offer->model, "fixed"))
    {
      g_autofree char *percent = plaza_percent_format (offer->percentage_bp);

      add_string (builder, "percentage", percent);
    }
  if (offer->free_months > 0)
    {
      GDate to = start;
      g_autofree char *from_text = day_text (&start);
      g_autofree char *to_text = NULL;

      g_date_add_months (&to, offer->free_months);
      g_date_subtract_days (&to, 1);
      if (g_date_compare (&to, &end) > 0)
        to = end;
      to_text = day_text (&to);
      json_builder_set_member_name (builder, "free");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      add_string (builder, "from", from_text);
      add_string (builder, "to", to_text);
      json_builder_end_object (builder);
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* The indicative monthly rent in fen: a year of 365 days over 12 months
 * for a daily rent, rounded half up. */
static gint64
monthly_rent (const PlazaProspectOffer *offer,
              gint64                    area)
{
  if (offer->monthly_rent > 0)
    return offer->monthly_rent;
  if (g_str_equal (offer->model, "percentage"))
    return 0;
  if (g_str_equal (offer->rent_unit, "month"))
    return offer->rent;
  if (g_str_equal (offer->rent_unit, "m2_month"))
    return (offer->rent * area + 50) / 100;
  return (offer->rent * area * 365 + 600) / 1200;
}

typedef struct
{
  gint64                    prospect_id;
  const PlazaProspectOffer *offer;
  gint64                    contract_id;
} MakeData;

static gint64
find_tenant (PlazaStore *store,
             gint64      brand_id,
             const char *name,
             GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = plaza_store_prepare (store,
                              "SELECT id FROM tenants WHERE id IN (SELECT tenant_id FROM tenant_brands WHERE brand_id = ?1) "
                              "  OR name = ?2 "
                              "ORDER BY id IN (SELECT tenant_id FROM tenant_brands WHERE brand_id = ?1) DESC, id LIMIT 1",
                              error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, brand_id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

static gint64
create_tenant (PlazaStore  *store,
               gint64       brand_id,
               gint64       category_id,
               const char  *name,
               const char  *contact,
               const char  *phone,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *code = NULL;
  g_autofree char *summary = NULL;
  gint64 serial = 0, id;

  stmt = plaza_store_prepare (store, "SELECT count(*) FROM tenants", error);
  if (stmt == NULL)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    serial = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = plaza_store_prepare (store, "SELECT 1 FROM tenants WHERE code = ?", error);
  if (stmt == NULL)
    return 0;
  do
    {
      g_free (code);
      code = g_strdup_printf ("T%04lld", (long long) ++serial);
      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
    }
  while (sqlite3_step (stmt) == SQLITE_ROW);
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = plaza_store_prepare (store, "INSERT INTO tenants (code, name, category_id, status) VALUES (?, ?, ?, 'prospect')", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  if (category_id > 0)
    sqlite3_bind_int64 (stmt, 3, category_id);
  else
    sqlite3_bind_null (stmt, 3);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  id = sqlite3_last_insert_rowid (plaza_store_get_db (store));
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (brand_id > 0)
    {
      stmt = plaza_store_prepare (store, "INSERT INTO tenant_brands (tenant_id, brand_id) VALUES (?, ?)", error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, brand_id);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return plaza_store_set_sqlite_error (store, error);
      g_clear_pointer (&stmt, sqlite3_finalize);
    }
  if (contact != NULL && *contact != '\0')
    {
      stmt = plaza_store_prepare (store, "INSERT INTO tenant_contacts (tenant_id, name, phone) VALUES (?, ?, ?)", error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, contact, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, phone != NULL ? phone : "", -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return plaza_store_set_sqlite_error (store, error);
    }
  summary = g_strdup_printf ("tenant %s %s from a prospect", code, name);
  if (!plaza_store_log_change (store, "tenant", id, "create", summary, error))
    return 0;
  return id;
}

static gint64
units_area (PlazaStore   *store,
            const GArray *unit_ids,
            GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = plaza_store_prepare (store, "SELECT rentable_area FROM units WHERE id = ?", error);
  gint64 area = 0;

  if (stmt == NULL)
    return -1;
  for (guint i = 0; i < unit_ids->len; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, g_array_index (unit_ids, gint64, i));
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          invalid (error, _("units: a unit of the offer does not exist."));
          return -1;
        }
      area += sqlite3_column_int64 (stmt, 0);
    }
  return area;
}

gint64
plaza_prospect_offer_monthly_rent (PlazaStore               *store,
                                   const PlazaProspectOffer *offer,
                                   GError                  **error)
{
  gint64 area;

  g_return_val_if_fail (PLAZA_IS_STORE (store), -1);
  g_return_val_if_fail (offer != NULL, -1);

  area = units_area (store, offer->unit_ids, error);
  if (area < 0)
    return -1;
  return monthly_rent (offer, area);
}

static gboolean
make_func (PlazaStore  *store,
           gpointer     user_data,
           GError     **error)
{
  MakeData *data = user_data;
  g_autoptr(PlazaProspect) p = NULL;
  g_autoptr(GArray) unit_ids = g_array_copy (data->offer->unit_ids);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *terms = NULL;
  g_autofree char *offer_json = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *words = NULL;
  PlazaContractDraft draft = { 0 };
  gint64 area, tenant_id;

  p = plaza_prospect_get (store, data->prospect_id, today, error);
  if (p == NULL)
    return FALSE;
  if (p->contract_id > 0)
    return invalid (error, _("This prospect already has a draft contract."));
  if (p->stage != PLAZA_PROSPECT_INTENT && p->stage != PLAZA_PROSPECT_APPROVAL)
    return invalid (error, _("stage: a draft contract is made once the prospect has signed a letter of intent."));

  if (unit_ids->len == 0 && p->target_unit_id > 0)
    g_array_append_val (unit_ids, p->target_unit_id);
  if (unit_ids->len == 0)
    return invalid (error, _("units: choose at least one unit."));
  area = units_area (store, unit_ids, error);
  if (area < 0)
    return FALSE;
  terms = plaza_prospect_offer_terms (data->offer, area, error);
  if (terms == NULL)
    return FALSE;

  tenant_id = find_tenant (store, p->brand_id, p->name, error);
  if (tenant_id < 0)
    return FALSE;
  if (tenant_id == 0)
    tenant_id = create_tenant (store, p->brand_id, p->category_id, p->name, p->contact, p->phone, error);
  if (tenant_id == 0)
    return FALSE;

  draft.tenant_id = tenant_id;
  draft.kind = "lease";
  draft.model = data->offer->model;
  draft.start_date = data->offer->start_date;
  draft.end_date = data->offer->end_date;
  draft.terms_json = terms;
  draft.monthly_rent = monthly_rent (data->offer, area);
  draft.deposit_amount = MAX (0, data->offer->deposit);
  draft.late_fee_bp_per_day = 5;
  draft.unit_ids = (const gint64 *) (gpointer) unit_ids->data;
  draft.n_units = unit_ids->len;
  data->contract_id = plaza_contract_create (store, &draft, error);
  if (data->contract_id == 0)
    return FALSE;

  stmt = plaza_store_prepare (store,
                              "UPDATE prospects SET contract_id = ?, stage = 'approval', "
                              "target_unit_id = COALESCE (target_unit_id, ?), rev = rev + 1 WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->contract_id);
  sqlite3_bind_int64 (stmt, 2, g_array_index (unit_ids, gint64, 0));
  sqlite3_bind_int64 (stmt, 3, data->prospect_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  g_clear_pointer (&stmt, sqlite3_finalize);
  summary = g_strdup_printf ("%s → approval: draft contract %lld",
                             plaza_prospect_stage_code (p->stage), (long long) data->contract_id);
  if (!plaza_store_log_change (store, "prospect", data->prospect_id, "stage", summary, error))
    return FALSE;

  offer_json = plaza_prospect_offer_to_json (data->offer);
  stmt = plaza_store_prepare (store,
                              "INSERT INTO negotiations (prospect_id, date, who, offer, terms_json, next_step, offer_rent_fen) "
                              "VALUES (?, ?, ?, ?, json_object ('offer', json (?)), ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  words = g_strdup_printf (_("Draft contract made from the offer (contract %lld)"), (long long) data->contract_id);
  sqlite3_bind_int64 (stmt, 1, data->prospect_id);
  sqlite3_bind_text (stmt, 2, today, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, plaza_store_get_user (store), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, words, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, offer_json, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, _("Submit the draft for approval"), -1, SQLITE_TRANSIENT);
  if (draft.monthly_rent > 0)
    sqlite3_bind_int64 (stmt, 7, draft.monthly_rent);
  else
    sqlite3_bind_null (stmt, 7);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  return TRUE;
}

gboolean
plaza_prospect_make_contract (PlazaStore               *store,
                              gint64                    prospect_id,
                              const PlazaProspectOffer *offer,
                              gint64                   *contract_id,
                              GError                  **error)
{
  MakeData data = { prospect_id, offer, 0 };

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);
  g_return_val_if_fail (offer != NULL, FALSE);

  if (!plaza_store_write (store, make_func, &data, error))
    return FALSE;
  if (contract_id != NULL)
    *contract_id = data.contract_id;
  return TRUE;
}
