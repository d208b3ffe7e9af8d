/* plaza-promotion-choices.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The lists a promotion plan is filled from: floors, categories and the
 * tenants that may take part (see the header for the rule).
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include "plaza-promotion-choices.h"

void
plaza_promotion_choice_free (PlazaPromotionChoice *choice)
{
  if (choice == NULL)
    return;
  g_free (choice->label);
  g_free (choice->detail);
  g_free (choice);
}

/* Rows of (id, label[, detail]) from @stmt, already bound. */
static GPtrArray *
collect (PlazaStore    *store,
         sqlite3_stmt  *stmt,
         GError       **error)
{
  g_autoptr(GPtrArray) choices = g_ptr_array_new_with_free_func ((GDestroyNotify) plaza_promotion_choice_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PlazaPromotionChoice *choice = g_new0 (PlazaPromotionChoice, 1);

      choice->id = sqlite3_column_int64 (stmt, 0);
      choice->label = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      if (sqlite3_column_count (stmt) > 2)
        choice->detail = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_ptr_array_add (choices, choice);
    }
  if (rc != SQLITE_DONE)
    {
      plaza_store_set_sqlite_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&choices);
}

static GPtrArray *
query (PlazaStore  *store,
       const char  *sql,
       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = plaza_store_prepare (store, sql, error);

  return stmt != NULL ? collect (store, stmt, error) : NULL;
}

GPtrArray *
plaza_promotion_floor_choices (PlazaStore  *store,
                               GError     **error)
{
  return query (store, "SELECT id, label FROM floors ORDER BY level, label", error);
}

GPtrArray *
plaza_promotion_category_choices (PlazaStore  *store,
                                  GError     **error)
{
  return query (store,
                "SELECT c.id, CASE WHEN p.id IS NULL THEN c.name ELSE p.name || ' · ' || c.name END"
                " FROM categories c LEFT JOIN categories p ON p.id = c.parent_id"
                " ORDER BY COALESCE (p.name, c.name), p.id IS NOT NULL, c.name",
                error);
}

GPtrArray *
plaza_promotion_tenant_choices (PlazaStore  *store,
                                GArray      *tenant_ids,
                                GError     **error)
{
  g_autoptr(GPtrArray) choices = g_ptr_array_new_with_free_func ((GDestroyNotify) plaza_promotion_choice_free);
  g_autoptr(sqlite3_stmt) stmt = plaza_store_prepare (store, "SELECT name, code FROM tenants WHERE id = ?", error);

  if (stmt == NULL)
    return NULL;
  for (guint i = 0; tenant_ids != NULL && i < tenant_ids->len; i++)
    {
      PlazaPromotionChoice *choice = g_new0 (PlazaPromotionChoice, 1);
      int rc;

      choice->id = g_array_index (tenant_ids, gint64, i);
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, choice->id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          choice->label = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          choice->detail = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
        }
      else if (rc == SQLITE_DONE)
        {
          choice->label = g_strdup_printf ("#%lld", (long long) choice->id);
          choice->detail = g_strdup ("");
        }
      else
        {
          plaza_promotion_choice_free (choice);
          plaza_store_set_sqlite_error (store, error);
          return NULL;
        }
      g_ptr_array_add (choices, choice);
    }
  return g_steal_pointer (&choices);
}

GPtrArray *
plaza_promotion_tenants_in_scope (PlazaStore  *store,
                                  const char  *scope,
                                  GArray      *scope_ids,
                                  GError     **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT id, name, code FROM tenants WHERE status = 'active'");
  g_autoptr(GString) ids = g_string_new (NULL);

  /* The ids are integers from the caller's array, never text. */
  for (guint i = 0; scope_ids != NULL && i < scope_ids->len; i++)
    g_string_append_printf (ids, "%s%lld", i > 0 ? ", " : "", (long long) g_array_index (scope_ids, gint64, i));
  if (ids->len == 0)
    g_string_append (ids, "NULL");
  if (g_strcmp0 (scope, "floors") == 0)
    g_string_append_printf (sql, " AND id IN (SELECT c.tenant_id FROM contracts c"
                                 " JOIN contract_units cu ON cu.contract_id = c.id JOIN units u ON u.id = cu.unit_id"
                                 " WHERE c.state = 'active' AND u.floor_id IN (%s))", ids->str);
  else if (g_strcmp0 (scope, "categories") == 0)
    g_string_append_printf (sql, " AND (category_id IN (%s) OR category_id IN"
                                 " (SELECT id FROM categories WHERE parent_id IN (%s)))", ids->str, ids->str);
  g_string_append (sql, " ORDER BY code");
  return query (store, sql->str, error);
}
