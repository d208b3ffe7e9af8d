/* plaza-leasing-plan.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The leasing plan per floor: vacant and soon-vacant units from the units
 * and contracts tables, with the targets kept as JSON in settings
 * ("leasing_plan.floor.<id>": { "<unit id>": { "category_id", "rent_min",
 * "rent_max", "brands": [..] } }).
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "plaza-leasing-plan.h"

void
plaza_leasing_plan_unit_free (PlazaLeasingPlanUnit *unit)
{
  if (unit == NULL)
    return;
  g_free (unit->code);
  g_free (unit->floor);
  g_free (unit->status);
  g_free (unit->lease_end);
  g_free (unit->tenant);
  g_free (unit->planned_category);
  g_free (unit->target_category);
  g_strfreev (unit->brands);
  g_free (unit);
}

static char *
column_text (sqlite3_stmt *stmt,
             int           i)
{
  const char *text = (const char *) sqlite3_column_text (stmt, i);

  return g_strdup (text != NULL ? text : "");
}

static char *
setting_key (gint64 floor_id)
{
  return g_strdup_printf ("leasing_plan.floor.%lld", (long long) floor_id);
}

/* The floor's targets as a JSON object (never NULL). */
static JsonNode *
load_targets (PlazaStore *store,
              gint64      floor_id)
{
  g_autofree char *key = setting_key (floor_id);
  g_autofree char *text = plaza_store_get_setting (store, key);
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (text != NULL && json_parser_load_from_data (parser, text, -1, NULL) &&
      JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return json_node_copy (json_parser_get_root (parser));
  return json_node_init_object (json_node_alloc (), json_object_new ());
}

static char *
category_name (PlazaStore *store,
               gint64      id)
{
  g_autoptr(sqlite3_stmt) stmt = plaza_store_prepare (store, "SELECT name FROM categories WHERE id = ?", NULL);

  if (stmt == NULL)
    return g_strdup ("");
  sqlite3_bind_int64 (stmt, 1, id);
  return sqlite3_step (stmt) == SQLITE_ROW ? column_text (stmt, 0) : g_strdup ("");
}

static void
apply_targets (PlazaStore           *store,
               PlazaLeasingPlanUnit *unit,
               JsonObject           *targets)
{
  g_autofree char *member = g_strdup_printf ("%lld", (long long) unit->unit_id);
  JsonNode *node = json_object_get_member (targets, member);
  JsonObject *t;
  JsonArray *brands;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      unit->target_category = g_strdup ("");
      unit->brands = g_new0 (char *, 1);
      return;
    }
  t = json_node_get_object (node);
  unit->target_rev = json_object_get_int_member_with_default (t, "rev", 0);
  unit->target_category_id = json_object_get_int_member_with_default (t, "category_id", 0);
  unit->target_category = unit->target_category_id > 0 ? category_name (store, unit->target_category_id) : g_strdup ("");
  unit->rent_min = json_object_get_int_member_with_default (t, "rent_min", 0);
  unit->rent_max = json_object_get_int_member_with_default (t, "rent_max", 0);
  brands = json_object_has_member (t, "brands") ? json_object_get_array_member (t, "brands") : NULL;
  for (guint i = 0; brands != NULL && i < json_array_get_length (brands); i++)
    g_strv_builder_add (names, json_array_get_string_element (brands, i));
  unit->brands = g_strv_builder_end (names);
}

GPtrArray *
plaza_leasing_plan_list (PlazaStore  *store,
                         gint64       floor_id,
                         const char  *today,
                         guint        within_days,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) plaza_leasing_plan_unit_free);
  g_autoptr(GHashTable) floors = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) json_node_unref);
  int rc;

  g_return_val_if_fail (PLAZA_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  stmt = plaza_store_prepare (store,
    "WITH ending AS ("
    "  SELECT cu.unit_id AS unit_id, max (c.end_date) AS end_date, t.name AS tenant"
    "  FROM contracts c JOIN contract_units cu ON cu.contract_id = c.id JOIN tenants t ON t.id = c.tenant_id"
    "  WHERE c.state = 'active' AND c.start_date <= ?1 AND c.end_date >= ?1"
    "    AND c.end_date <= date (?1, '+' || ?2 || ' days')"
    "    AND NOT EXISTS (SELECT 1 FROM contracts n JOIN contract_units nu ON nu.contract_id = n.id"
    "                    WHERE nu.unit_id = cu.unit_id AND n.id <> c.id"
    "                      AND n.state IN ('draft', 'submitted', 'approved', 'active') AND n.start_date > c.end_date)"
    "  GROUP BY cu.unit_id) "
    "SELECT u.id, u.code, u.floor_id, f.label, u.rentable_area, u.status, e.end_date IS NOT NULL,"
    "  COALESCE (e.end_date, ''), COALESCE (e.tenant, ''),"
    "  CASE WHEN e.end_date IS NOT NULL THEN CAST (julianday (e.end_date) - julianday (?1) AS INTEGER)"
    "       WHEN u.vacant_since IS NOT NULL THEN MAX (0, CAST (julianday (?1) - julianday (u.vacant_since) AS INTEGER))"
    "       ELSE 0 END,"
    "  COALESCE (u.planned_category_id, 0), COALESCE (k.name, '') "
    "FROM units u JOIN floors f ON f.id = u.floor_id LEFT JOIN categories k ON k.id = u.planned_category_id"
    "  LEFT JOIN ending e ON e.unit_id = u.id "
    "WHERE (?3 = 0 OR u.floor_id = ?3) AND (u.status = 'vacant' OR (u.status = 'leased' AND e.end_date IS NOT NULL)) "
    "ORDER BY f.level, u.code", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, within_days);
  sqlite3_bind_int64 (stmt, 3, floor_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PlazaLeasingPlanUnit *unit = g_new0 (PlazaLeasingPlanUnit, 1);
      JsonNode *targets;

      unit->unit_id = sqlite3_column_int64 (stmt, 0);
      unit->code = column_text (stmt, 1);
      unit->floor_id = sqlite3_column_int64 (stmt, 2);
      unit->floor = column_text (stmt, 3);
      unit->area = sqlite3_column_int64 (stmt, 4);
      unit->status = column_text (stmt, 5);
      unit->soon_vacant = sqlite3_column_int (stmt, 6) != 0;
      unit->lease_end = column_text (stmt, 7);
      unit->tenant = column_text (stmt, 8);
      unit->days = sqlite3_column_int64 (stmt, 9);
      unit->planned_category_id = sqlite3_column_int64 (stmt, 10);
      unit->planned_category = column_text (stmt, 11);
      targets = g_hash_table_lookup (floors, &unit->floor_id);
      if (targets == NULL)
        {
          targets = load_targets (store, unit->floor_id);
          g_hash_table_insert (floors, g_memdup2 (&unit->floor_id, sizeof (gint64)), targets);
        }
      apply_targets (store, unit, json_node_get_object (targets));
      g_ptr_array_add (list, unit);
    }
  if (rc != SQLITE_DONE)
    {
      plaza_store_set_sqlite_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

typedef struct
{
  gint64              unit_id;
  gint64              category_id;
  gint64              rent_min;
  gint64              rent_max;
  const char * const *brands;
  gint64              rev;       /* expected; < 0: no check */
} TargetData;

/* "陈强 at 2026-11-27T06:52:00Z": the last plan change of @unit_id. */
static gboolean
refuse_stale (PlazaStore  *store,
              gint64       unit_id,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *who = NULL;
  g_autofree char *when = NULL;

  stmt = plaza_store_prepare (store,
                              "SELECT COALESCE (NULLIF (u.display_name, ''), c.user), c.at FROM change_log c "
                              "LEFT JOIN users u ON u.login = c.user "
                              "WHERE c.entity = 'unit' AND c.entity_id = ? AND c.action = 'plan' "
                              "ORDER BY c.seq DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      who = column_text (stmt, 0);
      when = column_text (stmt, 1);
    }
  g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_CONFLICT,
               _("This unit's leasing target was changed by %s at %s after you opened it. Reload it and try again."),
               who != NULL ? who : _("someone else"), when != NULL ? when : "?");
  return FALSE;
}

static gboolean
target_func (PlazaStore  *store,
             gpointer     user_data,
             GError     **error)
{
  TargetData *data = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *key = NULL;
  g_autofree char *member = g_strdup_printf ("%lld", (long long) data->unit_id);
  g_autofree char *text = NULL;
  g_autofree char *summary = NULL;
  JsonNode *old;
  gint64 floor_id;
  gint64 rev = 0;
  gboolean clear = data->category_id <= 0 && data->rent_min == 0 && data->rent_max == 0 &&
                   (data->brands == NULL || data->brands[0] == NULL);

  stmt = plaza_store_prepare (store, "SELECT floor_id FROM units WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->unit_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND, _("There is no unit %lld."), (long long) data->unit_id);
      return FALSE;
    }
  floor_id = sqlite3_column_int64 (stmt, 0);
  root = load_targets (store, floor_id);
  old = json_object_get_member (json_node_get_object (root), member);
  if (old != NULL && JSON_NODE_HOLDS_OBJECT (old))
    rev = json_object_get_int_member_with_default (json_node_get_object (old), "rev", 0);
  if (data->rev >= 0 && data->rev != rev)
    return refuse_stale (store, data->unit_id, error);
  if (clear)
    {
      /* Cleared, the count goes on: a save made before it is still stale. */
      JsonObject *t = json_object_new ();

      json_object_set_int_member (t, "rev", rev + 1);
      json_object_set_object_member (json_node_get_object (root), member, t);
    }
  else
    {
      JsonObject *t = json_object_new ();
      JsonArray *brands = json_array_new ();

      json_object_set_int_member (t, "rev", rev + 1);

      json_object_set_int_member (t, "category_id", MAX (0, data->category_id));
      json_object_set_int_member (t, "rent_min", data->rent_min);
      json_object_set_int_member (t, "rent_max", data->rent_max);
      for (guint i = 0; data->brands != NULL && data->brands[i] != NULL; i++)
        if (*data->brands[i] != '\0')
          json_array_add_string_element (brands, data->brands[i]);
      json_object_set_array_member (t, "brands", brands);
      json_object_set_object_member (json_node_get_object (root), member, t);
    }
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  key = setting_key (floor_id);
  if (!plaza_store_set_setting (store, key, text, error))
    return FALSE;
  summary = clear ? g_strdup ("leasing plan target cleared")
                  : g_strdup_printf ("leasing plan target: category %lld, rent %lld–%lld",
                                     (long long) data->category_id, (long long) data->rent_min, (long long) data->rent_max);
  return plaza_store_log_change (store, "unit", data->unit_id, "plan", summary, error);
}

gboolean
plaza_leasing_plan_set_target (PlazaStore         *store,
                               gint64              unit_id,
                               gint64              category_id,
                               gint64              rent_min,
                               gint64              rent_max,
                               const char * const *brands,
                               GError            **error)
{
  return plaza_leasing_plan_set_target_at (store, unit_id, -1, category_id, rent_min, rent_max, brands, error);
}

gboolean
plaza_leasing_plan_set_target_at (PlazaStore         *store,
                                  gint64              unit_id,
                                  gint64              rev,
                                  gint64              category_id,
                                  gint64              rent_min,
                                  gint64              rent_max,
                                  const char * const *brands,
                                  GError            **error)
{
  TargetData data = { unit_id, category_id, rent_min, rent_max, brands, rev };

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);

  if (rent_min < 0 || rent_max < rent_min)
    {
      g_set_error_literal (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                           _("rent: the target range runs from a lower to a higher rent, neither negative."));
      return FALSE;
    }
  return plaza_store_write (store, target_func, &data, error);
}
