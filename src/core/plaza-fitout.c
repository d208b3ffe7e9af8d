/* plaza-fitout.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fit-out reads: finding a contract's fit-out, its default period (the
 * first rent-free range of the terms, else the lease's first weeks),
 * loading a fit-out with its drawings, files and inspections, and the
 * overdue items (drawings waiting, periods ended without an opening,
 * failed inspections not re-inspected). The writes are in
 * plaza-fitout-write.c.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "plaza-attachment.h"
#include "plaza-date.h"
#include "plaza-fitout.h"

static const char * const kinds[] = { "shop_front", "construction", NULL };

const char * const *
plaza_fitout_kinds (void)
{
  return kinds;
}

const char *
plaza_fitout_kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "shop_front") == 0)
    return _("Shop front");
  if (g_strcmp0 (kind, "construction") == 0)
    return _("Construction");
  return kind;
}

const char *
plaza_fitout_state_label (const char *state)
{
  if (g_strcmp0 (state, "planned") == 0)
    return C_("fit-out state", "Planned");
  if (g_strcmp0 (state, "drawings") == 0)
    return C_("fit-out state", "Drawings under review");
  if (g_strcmp0 (state, "building") == 0)
    return C_("fit-out state", "Building");
  if (g_strcmp0 (state, "inspection") == 0)
    return C_("fit-out state", "Inspection");
  if (g_strcmp0 (state, "opened") == 0)
    return C_("fit-out state", "Opened");
  return state;
}

static void
drawing_free (gpointer data)
{
  PlazaFitoutDrawing *drawing = data;

  g_free (drawing->kind);
  g_free (drawing->state);
  g_free (drawing->comment);
  g_clear_pointer (&drawing->files, g_ptr_array_unref);
  g_free (drawing);
}

static void
inspection_free (gpointer data)
{
  PlazaFitoutInspection *inspection = data;

  g_free (inspection->inspector);
  g_free (inspection->notes);
  g_free (inspection);
}

void
plaza_fitout_free (PlazaFitout *fitout)
{
  if (fitout == NULL)
    return;
  g_free (fitout->contract_code);
  g_free (fitout->tenant_name);
  g_free (fitout->units);
  g_free (fitout->state);
  g_clear_pointer (&fitout->drawings, g_ptr_array_unref);
  g_clear_pointer (&fitout->inspections, g_ptr_array_unref);
  g_free (fitout);
}

void
plaza_fitout_overdue_free (PlazaFitoutOverdue *item)
{
  if (item == NULL)
    return;
  g_free (item->contract_code);
  g_free (item->tenant_name);
  g_free (item->what);
  g_free (item);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

static void
column_date (sqlite3_stmt *stmt,
             int           column,
             GDate        *out)
{
  if (!plaza_date_parse (column_text (stmt, column), out))
    g_date_clear (out, 1);
}

gint64
plaza_fitout_find (PlazaStore  *store,
                   gint64       contract_id,
                   GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = plaza_store_prepare (store, "SELECT id FROM fitouts WHERE contract_id = ? ORDER BY id LIMIT 1", error);
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    {
      plaza_store_set_sqlite_error (store, error);
      return -1;
    }
  return 0;
}

/* The earliest "free" range of @terms_json, if any. */
static gboolean
first_free_range (const char *terms_json,
                  GDate      *from,
                  GDate      *to)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonArray *free_list;
  gboolean found = FALSE;

  if (!json_parser_load_from_data (parser, terms_json, -1, NULL))
    return FALSE;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;
  if (!json_object_has_member (json_node_get_object (root), "free"))
    return FALSE;
  free_list = json_object_get_array_member (json_node_get_object (root), "free");
  if (free_list == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (free_list); i++)
    {
      JsonNode *node = json_array_get_element (free_list, i);
      JsonObject *range;
      GDate a, b;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      range = json_node_get_object (node);
      if (!plaza_date_parse (json_object_get_string_member_with_default (range, "from", ""), &a)
          || !plaza_date_parse (json_object_get_string_member_with_default (range, "to", ""), &b)
          || g_date_compare (&b, &a) < 0)
        continue;
      if (!found || g_date_compare (&a, from) < 0)
        {
          *from = a;
          *to = b;
          found = TRUE;
        }
    }
  return found;
}

gboolean
plaza_fitout_default_period (PlazaStore  *store,
                             gint64       contract_id,
                             GDate       *start,
                             GDate       *due,
                             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = plaza_store_prepare (store, "SELECT start_date, end_date, terms_json FROM contracts WHERE id = ?", error);
  GDate lease_start, lease_end;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND,
                   _("Contract: there is no contract %lld."), (long long) contract_id);
      return FALSE;
    }
  column_date (stmt, 0, &lease_start);
  column_date (stmt, 1, &lease_end);
  if (!g_date_valid (&lease_start))
    {
      g_set_error_literal (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                           _("Contract: the contract has no valid start date."));
      return FALSE;
    }
  if (first_free_range (column_text (stmt, 2), start, due))
    return TRUE;
  *start = lease_start;
  *due = lease_start;
  g_date_add_days (due, PLAZA_FITOUT_DEFAULT_DAYS - 1);
  if (g_date_valid (&lease_end) && g_date_compare (due, &lease_end) > 0)
    *due = lease_end;
  return TRUE;
}

static GPtrArray *
load_drawings (PlazaStore  *store,
               gint64       fitout_id,
               GError     **error)
{
  g_autoptr(GPtrArray) drawings = g_ptr_array_new_with_free_func (drawing_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = plaza_store_prepare (store,
                              "SELECT d.id, d.kind, d.version, d.submitted_on, d.state, d.comment, "
                              "d.version = (SELECT MAX(x.version) FROM fitout_drawings x "
                              "             WHERE x.fitout_id = d.fitout_id AND x.kind = d.kind) "
                              "FROM fitout_drawings d WHERE d.fitout_id = ? "
                              "ORDER BY CASE d.kind WHEN 'shop_front' THEN 0 ELSE 1 END, d.version", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, fitout_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PlazaFitoutDrawing *drawing = g_new0 (PlazaFitoutDrawing, 1);

      drawing->id = sqlite3_column_int64 (stmt, 0);
      drawing->kind = g_strdup (column_text (stmt, 1));
      drawing->version = sqlite3_column_int (stmt, 2);
      column_date (stmt, 3, &drawing->submitted_on);
      drawing->state = g_strdup (column_text (stmt, 4));
      drawing->comment = g_strdup (column_text (stmt, 5));
      drawing->latest = sqlite3_column_int (stmt, 6) != 0;
      g_ptr_array_add (drawings, drawing);
    }
  if (rc != SQLITE_DONE)
    {
      plaza_store_set_sqlite_error (store, error);
      return NULL;
    }
  for (guint i = 0; i < drawings->len; i++)
    {
      PlazaFitoutDrawing *drawing = g_ptr_array_index (drawings, i);

      drawing->files = plaza_attachment_list (store, "fitout_drawing", drawing->id, error);
      if (drawing->files == NULL)
        return NULL;
    }
  return g_steal_pointer (&drawings);
}

static GPtrArray *
load_inspections (PlazaStore  *store,
                  gint64       fitout_id,
                  GError     **error)
{
  g_autoptr(GPtrArray) inspections = g_ptr_array_new_with_free_func (inspection_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = plaza_store_prepare (store, "SELECT id, date, result, notes, inspector FROM fitout_inspections "
                                     "WHERE fitout_id = ? ORDER BY date, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, fitout_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PlazaFitoutInspection *inspection = g_new0 (PlazaFitoutInspection, 1);

      inspection->id = sqlite3_column_int64 (stmt, 0);
      column_date (stmt, 1, &inspection->date);
      inspection->passed = g_str_equal (column_text (stmt, 2), "pass");
      inspection->notes = g_strdup (column_text (stmt, 3));
      inspection->inspector = g_strdup (column_text (stmt, 4));
      g_ptr_array_add (inspections, inspection);
    }
  if (rc != SQLITE_DONE)
    {
      plaza_store_set_sqlite_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&inspections);
}

PlazaFitout *
plaza_fitout_load (PlazaStore  *store,
                   gint64       fitout_id,
                   GError     **error)
{
  g_autoptr(PlazaFitout) fitout = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = plaza_store_prepare (store,
                              "SELECT f.contract_id, c.code, t.name, "
                              "       (SELECT group_concat(code, ', ') FROM (SELECT u.code FROM contract_units cu "
                              "          JOIN units u ON u.id = cu.unit_id WHERE cu.contract_id = c.id ORDER BY u.code)), "
                              "       f.start_date, f.due_date, f.opened_on, f.state, f.rev "
                              "FROM fitouts f JOIN contracts c ON c.id = f.contract_id "
                              "JOIN tenants t ON t.id = c.tenant_id WHERE f.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, fitout_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND,
                   _("Fit-out: there is no fit-out %lld."), (long long) fitout_id);
      return NULL;
    }
  fitout = g_new0 (PlazaFitout, 1);
  fitout->id = fitout_id;
  fitout->contract_id = sqlite3_column_int64 (stmt, 0);
  fitout->contract_code = g_strdup (column_text (stmt, 1));
  fitout->tenant_name = g_strdup (column_text (stmt, 2));
  fitout->units = g_strdup (column_text (stmt, 3));
  column_date (stmt, 4, &fitout->start);
  column_date (stmt, 5, &fitout->due);
  fitout->planned_opening = fitout->due;
  if (g_date_valid (&fitout->planned_opening))
    g_date_add_days (&fitout->planned_opening, 1);
  column_date (stmt, 6, &fitout->opened_on);
  fitout->opened = g_date_valid (&fitout->opened_on);
  fitout->state = g_strdup (column_text (stmt, 7));
  fitout->rev = sqlite3_column_int64 (stmt, 8);

  fitout->drawings = load_drawings (store, fitout_id, error);
  if (fitout->drawings == NULL)
    return NULL;
  fitout->inspections = load_inspections (store, fitout_id, error);
  if (fitout->inspections == NULL)
    return NULL;
  return g_steal_pointer (&fitout);
}

static char *
overdue_text (PlazaFitoutOverdueKind  kind,
              const char             *drawing_kind,
              int                     version,
              int                     days)
{
  switch (kind)
    {
    case PLAZA_FITOUT_OVERDUE_DRAWING:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s v%d waiting for a decision for %d day",
                                           "%s v%d waiting for a decision for %d days", days),
                              plaza_fitout_kind_label (drawing_kind), version, days);
    case PLAZA_FITOUT_OVERDUE_PERIOD:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Fit-out period ended %d day ago without an opening",
                                           "Fit-out period ended %d days ago without an opening", days),
                              days);
    case PLAZA_FITOUT_OVERDUE_INSPECTION:
    default:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Failed inspection not re-inspected for %d day",
                                           "Failed inspection not re-inspected for %d days", days),
                              days);
    }
}

static gboolean
query_overdue (PlazaStore   *store,
               gint64        fitout_id,
               const GDate  *today,
               GPtrArray   **items,
               GError      **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) plaza_fitout_overdue_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *today_text = plaza_date_format (today);
  int rc;

  stmt = plaza_store_prepare (store,
                              "WITH live AS ("
                              "  SELECT f.id, f.contract_id, c.code, t.name, f.due_date FROM fitouts f "
                              "  JOIN contracts c ON c.id = f.contract_id JOIN tenants t ON t.id = c.tenant_id "
                              "  WHERE f.opened_on IS NULL AND c.state NOT IN ('terminated', 'expired', 'renewed') "
                              "    AND (?1 = 0 OR f.id = ?1)) "
                              "SELECT 0 AS k, l.id, l.contract_id, l.code, l.name, d.id, d.submitted_on, d.kind, d.version "
                              "FROM live l JOIN fitout_drawings d ON d.fitout_id = l.id "
                              "WHERE d.state = 'submitted' AND julianday(?2) - julianday(d.submitted_on) > ?3 "
                              "  AND d.version = (SELECT MAX(x.version) FROM fitout_drawings x "
                              "                   WHERE x.fitout_id = d.fitout_id AND x.kind = d.kind) "
                              "UNION ALL "
                              "SELECT 1, l.id, l.contract_id, l.code, l.name, 0, l.due_date, NULL, 0 "
                              "FROM live l WHERE l.due_date < ?2 "
                              "UNION ALL "
                              "SELECT 2, l.id, l.contract_id, l.code, l.name, i.id, i.date, NULL, 0 "
                              "FROM live l JOIN fitout_inspections i ON i.fitout_id = l.id "
                              "WHERE i.result = 'fail' AND i.date <= ?2 AND i.id = (SELECT y.id FROM fitout_inspections y "
                              "  WHERE y.fitout_id = l.id ORDER BY y.date DESC, y.id DESC LIMIT 1) "
                              "ORDER BY 4, 2, 1, 6", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, fitout_id);
  sqlite3_bind_text (stmt, 2, today_text, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, PLAZA_FITOUT_REVIEW_DAYS);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PlazaFitoutOverdue *item = g_new0 (PlazaFitoutOverdue, 1);

      item->kind = (PlazaFitoutOverdueKind) sqlite3_column_int (stmt, 0);
      item->fitout_id = sqlite3_column_int64 (stmt, 1);
      item->contract_id = sqlite3_column_int64 (stmt, 2);
      item->contract_code = g_strdup (column_text (stmt, 3));
      item->tenant_name = g_strdup (column_text (stmt, 4));
      item->item_id = sqlite3_column_int64 (stmt, 5);
      column_date (stmt, 6, &item->since);
      item->days = g_date_valid (&item->since) ? g_date_days_between (&item->since, today) : 0;
      item->what = overdue_text (item->kind, column_text (stmt, 7), sqlite3_column_int (stmt, 8), item->days);
      g_ptr_array_add (out, item);
    }
  if (rc != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  *items = g_steal_pointer (&out);
  return TRUE;
}

gboolean
plaza_fitout_overdue (PlazaStore   *store,
                      const GDate  *today,
                      GPtrArray   **items,
                      GError      **error)
{
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  return query_overdue (store, 0, today, items, error);
}

gboolean
plaza_fitout_overdue_of (PlazaStore   *store,
                         gint64        fitout_id,
                         const GDate  *today,
                         GPtrArray   **items,
                         GError      **error)
{
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (fitout_id > 0, FALSE);
  return query_overdue (store, fitout_id, today, items, error);
}
