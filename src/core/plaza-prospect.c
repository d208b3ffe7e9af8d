/* plaza-prospect.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The leasing pipeline: prospects, their stage moves and the negotiation
 * log. The offer and "offer → draft contract" are in
 * plaza-prospect-offer.c.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "plaza-prospect.h"

static const char * const stage_codes[PLAZA_PROSPECT_N_STAGES] = {
  "contact", "negotiation", "intent", "approval", "signed", "dropped",
};

/* With a context: "Contact" is 接洽 here, not a contact person. */
static const char * const stage_labels[PLAZA_PROSPECT_N_STAGES] = {
  NC_("prospect stage", "Contact"), NC_("prospect stage", "Negotiation"), NC_("prospect stage", "Intent"),
  NC_("prospect stage", "Approval"), NC_("prospect stage", "Signed"), NC_("prospect stage", "Dropped"),
};

const char *
plaza_prospect_stage_code (PlazaProspectStage stage)
{
  g_return_val_if_fail ((guint) stage < PLAZA_PROSPECT_N_STAGES, "contact");
  return stage_codes[stage];
}

gboolean
plaza_prospect_stage_parse (const char         *code,
                            PlazaProspectStage *out)
{
  for (guint i = 0; code != NULL && i < PLAZA_PROSPECT_N_STAGES; i++)
    if (g_str_equal (code, stage_codes[i]))
      {
        if (out != NULL)
          *out = (PlazaProspectStage) i;
        return TRUE;
      }
  return FALSE;
}

const char *
plaza_prospect_stage_label (PlazaProspectStage stage)
{
  g_return_val_if_fail ((guint) stage < PLAZA_PROSPECT_N_STAGES, "");
  return g_dpgettext2 (GETTEXT_PACKAGE, "prospect stage", stage_labels[stage]);
}

gboolean
plaza_prospect_can_move (PlazaProspectStage from,
                         PlazaProspectStage to)
{
  if (from == PLAZA_PROSPECT_SIGNED || from == PLAZA_PROSPECT_DROPPED)
    return FALSE;
  if (to == PLAZA_PROSPECT_DROPPED)
    return TRUE;
  return (int) to == (int) from + 1 || (int) to + 1 == (int) from;
}

void
plaza_prospect_free (PlazaProspect *prospect)
{
  if (prospect == NULL)
    return;
  g_free (prospect->name);
  g_free (prospect->brand);
  g_free (prospect->category);
  g_free (prospect->contact);
  g_free (prospect->phone);
  g_free (prospect->source);
  g_free (prospect->drop_reason);
  g_free (prospect->target_unit);
  g_free (prospect->contract_code);
  g_free (prospect->owner);
  g_free (prospect->created_at);
  g_free (prospect->stage_since);
  g_free (prospect);
}

void
plaza_negotiation_free (PlazaNegotiation *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->date);
  g_free (entry->who);
  g_free (entry->offer);
  g_free (entry->next_step);
  g_free (entry->next_date);
  g_free (entry->offer_json);
  g_free (entry);
}

static char *
column_text (sqlite3_stmt *stmt,
             int           i)
{
  const char *text = (const char *) sqlite3_column_text (stmt, i);

  return g_strdup (text != NULL ? text : "");
}

static gboolean
invalid (GError    **error,
         const char *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError    **error,
         const char *format,
         ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID, message);
  return FALSE;
}

static gint64
days_between (const char *from,
              const char *to)
{
  GDate a, b;

  if (from == NULL || to == NULL || strlen (from) < 10 || strlen (to) < 10)
    return 0;
  {
    g_autofree char *x = g_strndup (from, 10);
    g_autofree char *y = g_strndup (to, 10);

    g_date_clear (&a, 1);
    g_date_clear (&b, 1);
    g_date_set_parse (&a, x);
    g_date_set_parse (&b, y);
  }
  if (!g_date_valid (&a) || !g_date_valid (&b))
    return 0;
  return MAX (0, g_date_days_between (&a, &b));
}

static char *
today_text (const char *today)
{
  g_autoptr(GDateTime) now = NULL;

  if (today != NULL)
    return g_strdup (today);
  now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

#define PROSPECT_SELECT \
  "SELECT p.id, p.name, COALESCE (p.brand_id, 0), COALESCE (b.name, ''), COALESCE (p.category_id, 0), " \
  "  COALESCE (c.name, ''), p.wanted_area, p.contact, p.phone, p.source, p.stage, p.drop_reason, " \
  "  COALESCE (p.target_unit_id, 0), COALESCE (u.code, ''), COALESCE (p.contract_id, 0), COALESCE (k.code, ''), " \
  "  p.owner, p.created_at, " \
  "  COALESCE ((SELECT substr (max (l.at), 1, 10) FROM change_log l WHERE l.entity = 'prospect' " \
  "             AND l.entity_id = p.id AND l.action = 'stage'), substr (p.created_at, 1, 10)), p.rev " \
  "FROM prospects p LEFT JOIN brands b ON b.id = p.brand_id LEFT JOIN categories c ON c.id = p.category_id " \
  "  LEFT JOIN units u ON u.id = p.target_unit_id LEFT JOIN contracts k ON k.id = p.contract_id "

static PlazaProspect *
read_prospect (sqlite3_stmt *stmt,
               const char   *today)
{
  PlazaProspect *p = g_new0 (PlazaProspect, 1);

  p->id = sqlite3_column_int64 (stmt, 0);
  p->name = column_text (stmt, 1);
  p->brand_id = sqlite3_column_int64 (stmt, 2);
  p->brand = column_text (stmt, 3);
  p->category_id = sqlite3_column_int64 (stmt, 4);
  p->category = column_text (stmt, 5);
  p->wanted_area = sqlite3_column_int64 (stmt, 6);
  p->contact = column_text (stmt, 7);
  p->phone = column_text (stmt, 8);
  p->source = column_text (stmt, 9);
  if (!plaza_prospect_stage_parse ((const char *) sqlite3_column_text (stmt, 10), &p->stage))
    p->stage = PLAZA_PROSPECT_CONTACT;
  p->drop_reason = column_text (stmt, 11);
  p->target_unit_id = sqlite3_column_int64 (stmt, 12);
  p->target_unit = column_text (stmt, 13);
  p->contract_id = sqlite3_column_int64 (stmt, 14);
  p->contract_code = column_text (stmt, 15);
  p->owner = column_text (stmt, 16);
  p->created_at = column_text (stmt, 17);
  p->stage_since = column_text (stmt, 18);
  p->rev = sqlite3_column_int64 (stmt, 19);
  p->days_in_stage = days_between (p->stage_since, today);
  return p;
}

PlazaProspect *
plaza_prospect_get (PlazaStore  *store,
                    gint64       id,
                    const char  *today,
                    GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *day = today_text (today);
  int rc;

  g_return_val_if_fail (PLAZA_IS_STORE (store), NULL);

  stmt = plaza_store_prepare (store, PROSPECT_SELECT "WHERE p.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return read_prospect (stmt, day);
  if (rc == SQLITE_DONE)
    g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND,
                 _("There is no prospect %lld."), (long long) id);
  else
    plaza_store_set_sqlite_error (store, error);
  return NULL;
}

GPtrArray *
plaza_prospect_list (PlazaStore  *store,
                     const char  *today,
                     GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) plaza_prospect_free);
  g_autofree char *day = today_text (today);
  int rc;

  g_return_val_if_fail (PLAZA_IS_STORE (store), NULL);

  stmt = plaza_store_prepare (store,
                              PROSPECT_SELECT
                              "ORDER BY CASE p.stage WHEN 'contact' THEN 0 WHEN 'negotiation' THEN 1 "
                              "  WHEN 'intent' THEN 2 WHEN 'approval' THEN 3 WHEN 'signed' THEN 4 ELSE 5 END, "
                              "  p.created_at DESC, p.id DESC", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, read_prospect (stmt, day));
  if (rc != SQLITE_DONE)
    {
      plaza_store_set_sqlite_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

typedef struct
{
  const PlazaProspectNew *fields;
  gint64                  id;
} CreateData;

static void
bind_optional_id (sqlite3_stmt *stmt,
                  int           i,
                  gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, i, id);
  else
    sqlite3_bind_null (stmt, i);
}

static gboolean
create_func (PlazaStore  *store,
             gpointer     user_data,
             GError     **error)
{
  CreateData *data = user_data;
  const PlazaProspectNew *f = data->fields;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *summary = NULL;

  stmt = plaza_store_prepare (store,
                              "INSERT INTO prospects (name, brand_id, category_id, wanted_area, contact, phone, source, "
                              "target_unit_id, owner, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, f->name, -1, SQLITE_TRANSIENT);
  bind_optional_id (stmt, 2, f->brand_id);
  bind_optional_id (stmt, 3, f->category_id);
  sqlite3_bind_int64 (stmt, 4, MAX (0, f->wanted_area));
  sqlite3_bind_text (stmt, 5, f->contact != NULL ? f->contact : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, f->phone != NULL ? f->phone : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, f->source != NULL ? f->source : "", -1, SQLITE_TRANSIENT);
  bind_optional_id (stmt, 8, f->target_unit_id);
  sqlite3_bind_text (stmt, 9, f->owner != NULL ? f->owner : plaza_store_get_user (store), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 10, at, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  data->id = sqlite3_last_insert_rowid (plaza_store_get_db (store));
  summary = g_strdup_printf ("prospect %s", f->name);
  return plaza_store_log_change (store, "prospect", data->id, "create", summary, error);
}

gint64
plaza_prospect_create (PlazaStore              *store,
                       const PlazaProspectNew  *fields,
                       GError                 **error)
{
  CreateData data = { fields, 0 };

  g_return_val_if_fail (PLAZA_IS_STORE (store), 0);
  g_return_val_if_fail (fields != NULL, 0);

  if (fields->name == NULL || strspn (fields->name, " \t") == strlen (fields->name))
    {
      invalid (error, _("name: enter the prospect's name."));
      return 0;
    }
  if (!plaza_store_write (store, create_func, &data, error))
    return 0;
  return data.id;
}

typedef struct
{
  gint64              id;
  gint64              rev;
  PlazaProspectStage  to;
  const char         *reason;
} MoveData;

static gboolean
move_func (PlazaStore  *store,
           gpointer     user_data,
           GError     **error)
{
  MoveData *data = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *summary = NULL;
  PlazaProspectStage from;
  gint64 rev, contract_id;

  stmt = plaza_store_prepare (store, "SELECT stage, rev, COALESCE (contract_id, 0) FROM prospects WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND,
                   _("There is no prospect %lld."), (long long) data->id);
      return FALSE;
    }
  if (!plaza_prospect_stage_parse ((const char *) sqlite3_column_text (stmt, 0), &from))
    from = PLAZA_PROSPECT_CONTACT;
  rev = sqlite3_column_int64 (stmt, 1);
  contract_id = sqlite3_column_int64 (stmt, 2);
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (data->rev > 0 && rev != data->rev)
    {
      g_set_error_literal (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_CONFLICT,
                           _("Someone else changed this prospect in the meantime; reload it and try again."));
      return FALSE;
    }
  if (!plaza_prospect_can_move (from, data->to))
    return invalid (error, _("stage: a prospect in %s cannot move to %s."),
                    plaza_prospect_stage_label (from), plaza_prospect_stage_label (data->to));
  if (data->to == PLAZA_PROSPECT_DROPPED &&
      (data->reason == NULL || strspn (data->reason, " \t") == strlen (data->reason)))
    return invalid (error, _("reason: say why the prospect is dropped."));
  if (data->to == PLAZA_PROSPECT_SIGNED && contract_id == 0)
    return invalid (error, _("stage: make the draft contract before marking the prospect signed."));

  stmt = plaza_store_prepare (store, "UPDATE prospects SET stage = ?, drop_reason = ?, rev = rev + 1 WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, plaza_prospect_stage_code (data->to), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, data->to == PLAZA_PROSPECT_DROPPED ? data->reason : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, data->id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  if (data->to == PLAZA_PROSPECT_DROPPED)
    summary = g_strdup_printf ("%s → %s: %s", stage_codes[from], stage_codes[data->to], data->reason);
  else
    summary = g_strdup_printf ("%s → %s", stage_codes[from], stage_codes[data->to]);
  return plaza_store_log_change (store, "prospect", data->id, "stage", summary, error);
}

gboolean
plaza_prospect_move (PlazaStore          *store,
                     gint64               id,
                     gint64               rev,
                     PlazaProspectStage   to,
                     const char          *reason,
                     GError             **error)
{
  MoveData data = { id, rev, to, reason };

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);
  if ((guint) to >= PLAZA_PROSPECT_N_STAGES)
    return invalid (error, _("stage: unknown stage."));
  return plaza_store_write (store, move_func, &data, error);
}

typedef struct
{
  gint64      prospect_id;
  const char *date;
  const char *who;
  const char *offer;
  const char *next_step;
  const char *next_date;
  gint64      offer_rent;
  const char *offer_json;
  gint64      id;
} TalkData;

static char *
talk_json (const char *offer_json)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  if (offer_json != NULL)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();

      if (json_parser_load_from_data (parser, offer_json, -1, NULL) && json_parser_get_root (parser) != NULL)
        {
          json_builder_set_member_name (builder, "offer");
          json_builder_add_value (builder, json_node_copy (json_parser_get_root (parser)));
        }
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static gboolean
talk_func (PlazaStore  *store,
           gpointer     user_data,
           GError     **error)
{
  TalkData *data = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *json = NULL;
  g_autofree char *summary = NULL;

  stmt = plaza_store_prepare (store, "SELECT 1 FROM prospects WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->prospect_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND,
                   _("There is no prospect %lld."), (long long) data->prospect_id);
      return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (data->offer_json != NULL)
    {
      json = talk_json (data->offer_json);
      if (data->offer_rent == -1)
        {
          g_autoptr(PlazaProspectOffer) offer = plaza_prospect_offer_from_json (data->offer_json, NULL);
          gint64 rent = offer != NULL ? plaza_prospect_offer_monthly_rent (store, offer, NULL) : 0;

          data->offer_rent = rent > 0 ? rent : -1;
        }
    }
  stmt = plaza_store_prepare (store,
                              "INSERT INTO negotiations (prospect_id, date, who, offer, terms_json, next_step, "
                              "next_date, offer_rent_fen) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->prospect_id);
  sqlite3_bind_text (stmt, 2, data->date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, data->who != NULL ? data->who : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, data->offer != NULL ? data->offer : "", -1, SQLITE_TRANSIENT);
  if (json != NULL)
    sqlite3_bind_text (stmt, 5, json, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 5);
  sqlite3_bind_text (stmt, 6, data->next_step != NULL ? data->next_step : "", -1, SQLITE_TRANSIENT);
  if (data->next_date != NULL && *data->next_date != '\0')
    sqlite3_bind_text (stmt, 7, data->next_date, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 7);
  if (data->offer_rent >= 0)
    sqlite3_bind_int64 (stmt, 8, data->offer_rent);
  else
    sqlite3_bind_null (stmt, 8);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  data->id = sqlite3_last_insert_rowid (plaza_store_get_db (store));
  summary = g_strdup_printf ("negotiation on %s", data->date);
  return plaza_store_log_change (store, "prospect", data->prospect_id, "negotiation", summary, error);
}

static gboolean
valid_date (const char *text)
{
  GDate d;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  g_date_clear (&d, 1);
  g_date_set_parse (&d, text);
  return g_date_valid (&d);
}

gint64
plaza_prospect_add_negotiation (PlazaStore  *store,
                                gint64       prospect_id,
                                const char  *date,
                                const char  *who,
                                const char  *offer,
                                const char  *next_step,
                                const char  *next_date,
                                const char  *offer_json,
                                GError     **error)
{
  return plaza_prospect_add_negotiation_with_rent (store, prospect_id, date, who, offer, next_step, next_date,
                                                   -1, offer_json, error);
}

gint64
plaza_prospect_add_negotiation_with_rent (PlazaStore  *store,
                                          gint64       prospect_id,
                                          const char  *date,
                                          const char  *who,
                                          const char  *offer,
                                          const char  *next_step,
                                          const char  *next_date,
                                          gint64       offer_rent,
                                          const char  *offer_json,
                                          GError     **error)
{
  TalkData data = { prospect_id, date, who, offer, next_step, next_date, offer_rent, offer_json, 0 };

  g_return_val_if_fail (PLAZA_IS_STORE (store), 0);

  if (offer_rent == 0 || offer_rent < -1)
    {
      invalid (error, _("Offered rent: enter an amount above zero, or leave it empty."));
      return 0;
    }

  if (!valid_date (date))
    {
      invalid (error, _("date: “%s” is not a date like 2026-11-27."), date != NULL ? date : "");
      return 0;
    }
  if (next_date != NULL && *next_date != '\0' && !valid_date (next_date))
    {
      invalid (error, _("next date: “%s” is not a date like 2026-11-27."), next_date);
      return 0;
    }
  if (!plaza_store_write (store, talk_func, &data, error))
    return 0;
  return data.id;
}

static void
read_talk_json (PlazaNegotiation *entry,
                const char       *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;
  JsonNode *offer;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return;
  object = json_node_get_object (json_parser_get_root (parser));
  offer = json_object_get_member (object, "offer");
  if (offer != NULL)
    {
      g_autoptr(JsonGenerator) generator = json_generator_new ();

      json_generator_set_root (generator, offer);
      entry->offer_json = json_generator_to_data (generator, NULL);
    }
}

GPtrArray *
plaza_prospect_list_negotiations (PlazaStore  *store,
                                  gint64       prospect_id,
                                  GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) plaza_negotiation_free);
  int rc;

  g_return_val_if_fail (PLAZA_IS_STORE (store), NULL);

  stmt = plaza_store_prepare (store,
                              "SELECT id, prospect_id, date, who, offer, next_step, terms_json, "
                              "  coalesce (next_date, ''), coalesce (offer_rent_fen, -1) FROM negotiations "
                              "WHERE prospect_id = ? ORDER BY date, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, prospect_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PlazaNegotiation *entry = g_new0 (PlazaNegotiation, 1);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->prospect_id = sqlite3_column_int64 (stmt, 1);
      entry->date = column_text (stmt, 2);
      entry->who = column_text (stmt, 3);
      entry->offer = column_text (stmt, 4);
      entry->next_step = column_text (stmt, 5);
      read_talk_json (entry, (const char *) sqlite3_column_text (stmt, 6));
      entry->next_date = column_text (stmt, 7);
      entry->offer_rent = sqlite3_column_int64 (stmt, 8);
      g_ptr_array_add (list, entry);
    }
  if (rc != SQLITE_DONE)
    {
      plaza_store_set_sqlite_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}
