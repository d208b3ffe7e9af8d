/* plaza-zoning.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Zoning plan vs actual per floor and its chart (plaza-zoning.h).
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "plaza-date.h"
#include "plaza-unit-private.h"
#include "plaza-zoning.h"

static void
zoning_row_free (PlazaZoningRow *row)
{
  g_free (row->category);
  g_free (row);
}

void
plaza_zoning_floor_free (PlazaZoningFloor *floor)
{
  if (floor == NULL)
    return;
  g_free (floor->floor_label);
  g_clear_pointer (&floor->rows, g_ptr_array_unref);
  g_free (floor);
}

static PlazaZoningRow *
row_for (PlazaZoningFloor *floor,
         gint64            category_id,
         const char       *name)
{
  PlazaZoningRow *row;

  for (guint i = 0; i < floor->rows->len; i++)
    {
      row = g_ptr_array_index (floor->rows, i);
      if (row->category_id == category_id)
        return row;
    }
  row = g_new0 (PlazaZoningRow, 1);
  row->category_id = category_id;
  row->category = g_strdup (name != NULL ? name : "");
  g_ptr_array_add (floor->rows, row);
  return row;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const PlazaZoningRow *ra = *(PlazaZoningRow * const *) a;
  const PlazaZoningRow *rb = *(PlazaZoningRow * const *) b;

  if ((ra->category_id == 0) != (rb->category_id == 0))
    return ra->category_id == 0 ? 1 : -1;
  return g_utf8_collate (ra->category, rb->category);
}

GPtrArray *
plaza_zoning_plan_vs_actual (PlazaStore  *store,
                             const GDate *today,
                             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) floors = g_ptr_array_new_with_free_func ((GDestroyNotify) plaza_zoning_floor_free);
  g_autofree char *day = NULL;
  PlazaZoningFloor *floor = NULL;
  int rc;

  g_return_val_if_fail (PLAZA_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);
  day = plaza_date_format (today);
  stmt = plaza_store_prepare (store,
                              "SELECT f.id, f.label, f.level, u.id, u.rentable_area,"
                              " COALESCE (u.planned_category_id, 0), COALESCE (pc.name, ''), c.id,"
                              " COALESCE (br.category_id, t.category_id, 0), COALESCE (lc.name, '')"
                              " FROM floors f LEFT JOIN units u ON u.floor_id = f.id AND u.status <> 'retired'"
                              " LEFT JOIN categories pc ON pc.id = u.planned_category_id"
                              " LEFT JOIN contracts c ON c.id ="
                              "  (SELECT c2.id FROM contract_units cu2 JOIN contracts c2 ON c2.id = cu2.contract_id"
                              "   WHERE cu2.unit_id = u.id AND c2.state IN " PLAZA_UNIT_IN_FORCE_STATES
                              "     AND c2.start_date <= ?1 AND COALESCE (c2.terminated_on, c2.end_date) >= ?1"
                              "   ORDER BY c2.start_date DESC, c2.id DESC LIMIT 1)"
                              " LEFT JOIN tenants t ON t.id = c.tenant_id"
                              " LEFT JOIN brands br ON br.id = c.brand_id"
                              " LEFT JOIN categories lc ON lc.id = COALESCE (br.category_id, t.category_id)"
                              " ORDER BY f.level, f.id, u.code",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 floor_id = sqlite3_column_int64 (stmt, 0);
      gint64 area = sqlite3_column_int64 (stmt, 4);

      if (floor == NULL || floor->floor_id != floor_id)
        {
          floor = g_new0 (PlazaZoningFloor, 1);
          floor->floor_id = floor_id;
          floor->floor_label = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
          floor->floor_level = sqlite3_column_int64 (stmt, 2);
          floor->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) zoning_row_free);
          g_ptr_array_add (floors, floor);
        }
      if (sqlite3_column_type (stmt, 3) == SQLITE_NULL)
        continue;
      floor->rentable_area += area;
      row_for (floor, sqlite3_column_int64 (stmt, 5),
               (const char *) sqlite3_column_text (stmt, 6))->planned_area += area;
      if (sqlite3_column_type (stmt, 7) != SQLITE_NULL)
        {
          floor->let_area += area;
          row_for (floor, sqlite3_column_int64 (stmt, 8),
                   (const char *) sqlite3_column_text (stmt, 9))->let_area += area;
        }
    }
  if (rc != SQLITE_DONE)
    {
      plaza_store_set_sqlite_error (store, error);
      return NULL;
    }
  for (guint i = 0; i < floors->len; i++)
    g_ptr_array_sort (((PlazaZoningFloor *) g_ptr_array_index (floors, i))->rows, compare_rows);
  return g_steal_pointer (&floors);
}

PlazaChart *
plaza_zoning_chart (PlazaStore  *store,
                    gint64       floor_id,
                    const GDate *today,
                    GError     **error)
{
  g_autoptr(GPtrArray) floors = NULL;
  g_autoptr(PlazaChart) chart = NULL;
  g_autofree char *title = NULL;
  g_autofree char *day = NULL;
  g_autofree char *subtitle = NULL;
  PlazaZoningFloor total = { 0 };
  const char *label = NULL;
  guint planned;
  guint let;

  floors = plaza_zoning_plan_vs_actual (store, today, error);
  if (floors == NULL)
    return NULL;
  total.rows = g_ptr_array_new_with_free_func ((GDestroyNotify) zoning_row_free);
  for (guint i = 0; i < floors->len; i++)
    {
      PlazaZoningFloor *f = g_ptr_array_index (floors, i);

      if (floor_id != 0 && f->floor_id != floor_id)
        continue;
      label = f->floor_label;
      total.rentable_area += f->rentable_area;
      total.let_area += f->let_area;
      for (guint j = 0; j < f->rows->len; j++)
        {
          PlazaZoningRow *r = g_ptr_array_index (f->rows, j);
          PlazaZoningRow *t = row_for (&total, r->category_id, r->category);

          t->planned_area += r->planned_area;
          t->let_area += r->let_area;
        }
    }
  if (floor_id != 0 && label == NULL)
    {
      g_ptr_array_unref (total.rows);
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND,
                   _("No floor with id %lld"), (long long) floor_id);
      return NULL;
    }
  g_ptr_array_sort (total.rows, compare_rows);
  if (floor_id != 0)
    title = g_strdup_printf (_("Zoning plan vs let, %s"), label);
  else
    title = g_strdup (_("Zoning plan vs let, all floors"));
  chart = plaza_chart_new (PLAZA_CHART_BAR, PLAZA_CHART_UNIT_AREA, title);
  day = plaza_date_format (today);
  subtitle = g_strdup_printf (_("Rentable area by category, let on %s"), day);
  plaza_chart_set_subtitle (chart, subtitle);
  /* Translators: the zoning plan's area against the area let */
  planned = plaza_chart_add_series (chart, C_("zoning", "Planned"), PLAZA_CHART_SERIES_NORMAL);
  let = plaza_chart_add_series (chart, C_("zoning", "Let"), PLAZA_CHART_SERIES_NORMAL);
  for (guint j = 0; j < total.rows->len; j++)
    {
      PlazaZoningRow *r = g_ptr_array_index (total.rows, j);
      g_autofree char *key = g_strdup_printf ("%lld", (long long) r->category_id);
      guint c = plaza_chart_add_category (chart, key, r->category_id != 0 ? r->category : _("None"));

      plaza_chart_set_value (chart, planned, c, r->planned_area);
      plaza_chart_set_value (chart, let, c, r->let_area);
    }
  g_ptr_array_unref (total.rows);
  return g_steal_pointer (&chart);
}
