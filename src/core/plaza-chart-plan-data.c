/* plaza-chart-plan-data.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The stacking plan from the store (issue 4): one row per floor, top floor
 * first, one block per unit not retired (by unit code), as wide as its
 * rentable area. A unit's tenant and lease are those of the contract in
 * force on @today (the latest starting, as in plaza-kpi.c). Colourings:
 *
 * - 坪效: the unit's sales per m² over the query's months
 *   (plaza_kpi_compute_filtered by unit, so the plan and `plazactl kpi`
 *   agree). Bands split at the quartiles of those values, each rounded to
 *   a nice number (two significant digits, the second 0 or 5: ¥437 → ¥450,
 *   ¥1,234 → ¥1,000); a unit without sales in the months is "No sales".
 * - vacancy: "Leased" (a contract in force on @today) or "Vacant".
 * - expiry: the year the current lease ends (its termination date if it
 *   was terminated), one band per year in order, and "Vacant".
 *
 * A block's key is the unit code, its label the code and the current
 * tenant's name ("3F-012 · 优衣库"); its value the 坪效 (none for the other
 * colourings: the area is shown anyway).
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "plaza-chart-data-private.h"
#include "plaza-date.h"
#include "plaza-kpi-private.h"
#include "plaza-money.h"

typedef struct
{
  char     *floor;
  char     *code;
  char     *tenant;     /* the current tenant's name; NULL when vacant */
  gint64    area;
  gboolean  leased;
  int       end_year;   /* of the current lease; 0 when vacant */
} Unit;

static void
unit_clear (gpointer data)
{
  Unit *unit = data;

  g_free (unit->floor);
  g_free (unit->code);
  g_free (unit->tenant);
}

/* The units in the query's scope, top floor first, by code. */
static gboolean
load_units (PlazaStore             *store,
            const PlazaChartQuery  *query,
            const char             *day,
            GArray                 *units,
            GError                **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean filtered = plaza_kpi_is_filtered (query->filter_by, query->filter_key);
  int rc;

  sql = g_strdup_printf ("SELECT f.label, u.code, u.rentable_area, c.id,"
                         "  substr (COALESCE (c.terminated_on, c.end_date), 1, 4), t.name FROM"
                         " (SELECT u0.id AS unit_id,"
                         "   (SELECT c2.id FROM contract_units cu2 JOIN contracts c2 ON c2.id = cu2.contract_id"
                         "    WHERE cu2.unit_id = u0.id AND c2.state IN " PLAZA_KPI_IN_FORCE
                         "      AND c2.start_date <= ?1 AND COALESCE (c2.terminated_on, c2.end_date) >= ?1"
                         "    ORDER BY c2.start_date DESC, c2.id DESC LIMIT 1) AS contract_id"
                         "  FROM units u0 WHERE u0.status <> 'retired') x"
                         PLAZA_KPI_JOINS
                         "%s%s%s"
                         " ORDER BY f.level DESC, f.id, u.code",
                         filtered ? " WHERE " : "",
                         filtered ? plaza_kpi_key_expr (query->filter_by) : "",
                         filtered ? " = ?2" : "");
  stmt = plaza_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);
  if (filtered)
    sqlite3_bind_text (stmt, 2, query->filter_key != NULL ? query->filter_key : "", -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Unit unit = { 0 };

      unit.floor = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      unit.code = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      unit.area = sqlite3_column_int64 (stmt, 2);
      unit.leased = sqlite3_column_type (stmt, 3) != SQLITE_NULL;
      if (unit.leased && sqlite3_column_text (stmt, 4) != NULL)
        unit.end_year = atoi ((const char *) sqlite3_column_text (stmt, 4));
      if (unit.leased && sqlite3_column_text (stmt, 5) != NULL)
        unit.tenant = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      g_array_append_val (units, unit);
    }
  if (rc != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  return TRUE;
}

/* Two significant digits, the second 0 or 5, at least 1. */
static gint64
nice_round (gint64 value)
{
  gint64 step = 1;

  while (value / step >= 100)
    step *= 10;
  /* value / step is now 10 … 99 (or less for small values): round to 5s */
  if (value >= 10)
    step *= 5;
  value = (value + step / 2) / step * step;
  return MAX (value, 1);
}

static int
compare_gint64 (const void *a,
                const void *b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* ¥ with no fen when whole. */
static char *
format_yuan (gint64 fen)
{
  if (fen % 100 == 0)
    {
      g_autofree char *full = plaza_money_format (fen, TRUE);
      char *dot = strrchr (full, '.');

      if (dot != NULL)
        *dot = '\0';
      return g_strdup (full);
    }
  return plaza_money_format (fen, TRUE);
}

/* The 坪效 bands: @bounds (ascending, distinct) split the values into
 * bounds->len + 1 bands; then "No sales". Returns the number of bounds. */
static guint
add_sales_bands (PlazaChart *chart,
                 GArray     *values,
                 gint64      bounds[3])
{
  guint n = 0;

  if (values->len > 0)
    {
      g_array_sort (values, compare_gint64);
      for (guint q = 1; q <= 3; q++)
        {
          gint64 b = nice_round (g_array_index (values, gint64, (values->len * q) / 4 < values->len
                                                ? (values->len * q) / 4 : values->len - 1));

          if (n == 0 || b > bounds[n - 1])
            bounds[n++] = b;
        }
      /* one value or all alike: a single band */
      if (n == 1 && g_array_index (values, gint64, 0) >= bounds[0])
        n = 0;
    }
  if (values->len > 0 && n == 0)
    plaza_chart_add_band (chart, _("With sales"), FALSE);
  for (guint i = 0; values->len > 0 && n > 0 && i <= n; i++)
    {
      g_autofree char *low = i > 0 ? format_yuan (bounds[i - 1]) : NULL;
      g_autofree char *high = i < n ? format_yuan (bounds[i]) : NULL;
      g_autofree char *label = NULL;

      if (i == 0)
        /* Translators: a band of sales per m², e.g. "Under ¥450" */
        label = g_strdup_printf (_("Under %s"), high);
      else if (i == n)
        /* Translators: a band of sales per m², e.g. "¥1,000 and over" */
        label = g_strdup_printf (_("%s and over"), low);
      else
        /* Translators: a band of sales per m², e.g. "¥450 – ¥1,000" */
        label = g_strdup_printf (_("%s – %s"), low, high);
      plaza_chart_add_band (chart, label, FALSE);
    }
  plaza_chart_add_band (chart, _("No sales"), TRUE);
  /* low to high 坪效: pale to strong */
  plaza_chart_set_band_ramp (chart, PLAZA_CHART_RAMP_ASCENDING);
  return n;
}

PlazaChart *
plaza_chart_data_stacking_plan (PlazaStore            *store,
                                const PlazaChartQuery *query,
                                PlazaPlanColour        colour,
                                const GDate           *today,
                                GError               **error)
{
  g_autoptr(GArray) units = g_array_new (FALSE, TRUE, sizeof (Unit));
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(PlazaChart) chart = NULL;
  g_autofree char *day = NULL;
  GDate now;
  PlazaKpiMetric metric;
  PlazaChartQuery check = *query;
  gint64 bounds[3] = { 0, 0, 0 };
  guint n_bounds = 0, no_sales = 0, vacant = 0, row = 0;
  const char *floor = NULL;
  int from, to;

  g_return_val_if_fail (PLAZA_IS_STORE (store), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  metric = query->metric == PLAZA_KPI_SALES_PER_M2_YEAR ? PLAZA_KPI_SALES_PER_M2_YEAR : PLAZA_KPI_SALES_PER_M2;
  check.metric = metric;
  if (!plaza_chart_data_check (&check, &from, &to, error))
    return NULL;
  if ((int) colour < 0 || colour > PLAZA_PLAN_COLOUR_EXPIRY)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID, _("Unknown colouring"));
      return NULL;
    }
  if (today != NULL && g_date_valid (today))
    now = *today;
  else
    {
      g_date_clear (&now, 1);
      g_date_set_time_t (&now, time (NULL));
    }
  day = plaza_date_format (&now);
  g_array_set_clear_func (units, unit_clear);
  if (!load_units (store, query, day, units, error))
    return NULL;

  if (colour == PLAZA_PLAN_COLOUR_SALES_PER_M2)
    {
      g_autoptr(GArray) list = g_array_new (FALSE, FALSE, sizeof (gint64));

      if (!plaza_kpi_compute_values (store, metric, PLAZA_KPI_BY_UNIT, query->filter_by, query->filter_key,
                                     query->from_month, query->to_month, FALSE, &rows, error))
        return NULL;
      values = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < rows->len; i++)
        {
          PlazaKpiRow *r = g_ptr_array_index (rows, i);

          if (r->has_value && r->sales > 0)
            g_hash_table_insert (values, r->key, r);
        }
      for (guint i = 0; i < units->len; i++)
        {
          PlazaKpiRow *r = g_hash_table_lookup (values, g_array_index (units, Unit, i).code);

          if (r != NULL)
            g_array_append_val (list, r->value);
        }
      chart = plaza_chart_new (PLAZA_CHART_STACKING_PLAN, PLAZA_CHART_UNIT_FEN_PER_M2,
                               _("Stacking plan by sales per m²"));
      {
        g_autofree char *scope = plaza_chart_data_scope (store, query);
        g_autofree char *period = plaza_chart_data_period (query);
        g_autofree char *text = plaza_chart_data_join (scope != NULL ? scope : "", period,
                                                       plaza_chart_data_metric_unit (metric), NULL);

        plaza_chart_set_subtitle (chart, text);
      }
      n_bounds = add_sales_bands (chart, list, bounds);
      no_sales = list->len > 0 ? (n_bounds > 0 ? n_bounds + 1 : 1) : 0;
    }
  else
    {
      g_autofree char *scope = plaza_chart_data_scope (store, query);
      /* Translators: a subtitle, "as of 2026-11-27" */
      g_autofree char *as_of = g_strdup_printf (_("as of %s"), day);
      g_autofree char *text = plaza_chart_data_join (scope != NULL ? scope : "", as_of,
                                                     _("block width is rentable area"), NULL);

      chart = plaza_chart_new (PLAZA_CHART_STACKING_PLAN, PLAZA_CHART_UNIT_AREA,
                               colour == PLAZA_PLAN_COLOUR_VACANCY ? _("Stacking plan: leased and vacant")
                               : _("Stacking plan by lease expiry"));
      plaza_chart_set_subtitle (chart, text);
      if (colour == PLAZA_PLAN_COLOUR_VACANCY)
        {
          plaza_chart_add_band (chart, _("Leased"), FALSE);
          vacant = plaza_chart_add_band (chart, _("Vacant"), TRUE);
        }
      else
        {
          for (guint i = 0; i < units->len; i++)
            {
              int year = g_array_index (units, Unit, i).end_year;
              guint j;

              if (year == 0)
                continue;
              for (j = 0; j < years->len && g_array_index (years, int, j) < year; j++)
                ;
              if (j == years->len || g_array_index (years, int, j) != year)
                g_array_insert_val (years, j, year);
            }
          for (guint j = 0; j < years->len; j++)
            {
              char label[16];

              g_snprintf (label, sizeof label, "%d", g_array_index (years, int, j));
              plaza_chart_add_band (chart, label, FALSE);
            }
          vacant = plaza_chart_add_band (chart, _("Vacant"), TRUE);
          /* the leases ending soonest stand out */
          plaza_chart_set_band_ramp (chart, PLAZA_CHART_RAMP_DESCENDING);
        }
    }

  for (guint i = 0; i < units->len; i++)
    {
      const Unit *unit = &g_array_index (units, Unit, i);
      g_autofree char *label = unit->tenant != NULL ? g_strdup_printf ("%s · %s", unit->code, unit->tenant)
                                                    : g_strdup (unit->code);
      guint band = 0;
      gint64 value = 0;
      gboolean has_value = FALSE;

      if (floor == NULL || g_strcmp0 (floor, unit->floor) != 0)
        {
          floor = unit->floor;
          row = plaza_chart_add_row (chart, unit->floor, unit->floor);
        }
      switch (colour)
        {
        case PLAZA_PLAN_COLOUR_SALES_PER_M2:
          {
            PlazaKpiRow *r = g_hash_table_lookup (values, unit->code);

            has_value = r != NULL;
            value = r != NULL ? r->value : 0;
            band = no_sales;
            if (r != NULL)
              for (band = 0; band < n_bounds && r->value >= bounds[band]; band++)
                ;
          }
          break;
        case PLAZA_PLAN_COLOUR_VACANCY:
          band = unit->leased ? 0 : vacant;
          break;
        case PLAZA_PLAN_COLOUR_EXPIRY:
        default:
          band = vacant;
          for (guint j = 0; unit->leased && j < years->len; j++)
            if (g_array_index (years, int, j) == unit->end_year)
              band = j;
          break;
        }
      plaza_chart_add_block (chart, row, unit->code, label, unit->area, band, value, has_value);
    }
  return g_steal_pointer (&chart);
}
