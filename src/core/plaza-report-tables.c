/* plaza-report-tables.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tables of the monthly report, every cell a finished string: floors
 * (rentable area, occupancy, sales, 坪效, growth) and categories (area,
 * share, sales, 坪效, 租售比, growth) each with a mall total row; the top
 * and bottom ten tenants by 坪效; the tenant-health shortlist.
 *
 * The figures are plaza_kpi_compute's and plaza_health_scores'. Only the
 * area columns are read here: for floors the rentable area of the units
 * not retired (occupancy's base), for categories and tenants the rentable
 * area of the units that reported sales in the month, attributed to the
 * contract covering the unit as plaza-kpi.c does (坪效's base).
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-health.h"
#include "plaza-kpi-private.h"
#include "plaza-kpi.h"
#include "plaza-money.h"
#include "plaza-report-private.h"

#define TOP_N     10
#define HEALTH_N  10

/* The contract covering each unit that reported sales in the month, and
 * its tenant and category: the measures' own rule (plaza-kpi-private.h). */
static const char area_sql[] =
  "SELECT t.code, cat.name, u.rentable_area FROM"
  " (SELECT sm.unit_id AS unit_id, " PLAZA_KPI_COVERING_CONTRACT " AS contract_id"
  "  FROM sales_monthly sm WHERE sm.month = ?1) x"
  PLAZA_KPI_JOINS;

static const char floor_sql[] =
  "SELECT f.label, SUM (u.rentable_area) FROM floors f JOIN units u ON u.floor_id = f.id"
  " WHERE u.status <> 'retired' GROUP BY f.label ORDER BY MIN (f.level), f.label";

typedef struct
{
  GHashTable *category_area;   /* category name → gint64 * */
  GHashTable *tenant_area;     /* tenant code → gint64 * */
  GHashTable *tenant_category; /* tenant code → category name of its largest area */
  GHashTable *tenant_best;     /* tenant code → gint64 *: that area */
} Areas;

static void
areas_clear (Areas *a)
{
  g_clear_pointer (&a->category_area, g_hash_table_unref);
  g_clear_pointer (&a->tenant_area, g_hash_table_unref);
  g_clear_pointer (&a->tenant_category, g_hash_table_unref);
  g_clear_pointer (&a->tenant_best, g_hash_table_unref);
}

static void
add_area (GHashTable *table,
          const char *key,
          gint64      area)
{
  gint64 *sum = g_hash_table_lookup (table, key);

  if (sum == NULL)
    {
      sum = g_new0 (gint64, 1);
      g_hash_table_insert (table, g_strdup (key), sum);
    }
  *sum += area;
}

static gint64
area_of (GHashTable *table,
         const char *key)
{
  gint64 *sum = key != NULL ? g_hash_table_lookup (table, key) : NULL;

  return sum != NULL ? *sum : 0;
}

static gboolean
load_areas (PlazaStore  *store,
            const char  *month,
            Areas       *a,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = plaza_store_prepare (store, area_sql, error);
  g_autoptr(GHashTable) per_pair = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer key, value;
  int rc;

  if (stmt == NULL)
    return FALSE;
  a->category_area = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  a->tenant_area = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  a->tenant_category = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  a->tenant_best = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_bind_text (stmt, 1, month, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *tenant = (const char *) sqlite3_column_text (stmt, 0);
      const char *category = (const char *) sqlite3_column_text (stmt, 1);
      gint64 area = sqlite3_column_int64 (stmt, 2);

      if (category != NULL)
        add_area (a->category_area, category, area);
      if (tenant != NULL)
        {
          g_autofree char *pair = g_strdup_printf ("%s\x1f%s", tenant, category != NULL ? category : "");

          add_area (a->tenant_area, tenant, area);
          add_area (per_pair, pair, area);
        }
    }
  if (rc != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);

  /* a tenant's category: the one of most of its area (ties: by name) */
  g_hash_table_iter_init (&iter, per_pair);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_auto(GStrv) parts = g_strsplit (key, "\x1f", 2);
      gint64 area = *(gint64 *) value;
      gint64 *best = g_hash_table_lookup (a->tenant_best, parts[0]);
      const char *current = g_hash_table_lookup (a->tenant_category, parts[0]);

      if (best == NULL || area > *best || (area == *best && g_strcmp0 (parts[1], current) < 0))
        {
          gint64 *copy = g_new (gint64, 1);

          *copy = area;
          g_hash_table_insert (a->tenant_best, g_strdup (parts[0]), copy);
          g_hash_table_insert (a->tenant_category, g_strdup (parts[0]), g_strdup (parts[1]));
        }
    }
  return TRUE;
}

/* plaza_kpi_compute of one month, indexed by key. */
static GHashTable *
kpi_index (PlazaStore      *store,
           PlazaKpiMetric   metric,
           PlazaKpiGroup    by,
           const char      *month,
           GPtrArray      **rows,
           GError         **error)
{
  GHashTable *index;

  if (!plaza_kpi_compute (store, metric, by, month, month, rows, error))
    return NULL;
  index = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < (*rows)->len; i++)
    {
      PlazaKpiRow *row = g_ptr_array_index (*rows, i);

      g_hash_table_insert (index, row->key, row);
    }
  return index;
}

static void
add_row (PlazaReportTable *table,
         ...)
{
  GPtrArray *cells = g_ptr_array_new ();
  va_list args;
  char *cell;

  va_start (args, table);
  while ((cell = va_arg (args, char *)) != NULL)
    g_ptr_array_add (cells, cell);
  va_end (args);
  g_assert (cells->len == table->columns->len);
  g_ptr_array_add (cells, NULL);
  g_ptr_array_add (table->rows, g_ptr_array_free (cells, FALSE));
}

/* The row of @rows with the largest (or smallest) value, NULL if none. */
static PlazaKpiRow *
extreme (GPtrArray *rows,
         gboolean   largest)
{
  PlazaKpiRow *best = NULL;

  for (guint i = 0; i < rows->len; i++)
    {
      PlazaKpiRow *row = g_ptr_array_index (rows, i);

      if (row->has_value && (best == NULL || (largest ? row->value > best->value : row->value < best->value)))
        best = row;
    }
  return best;
}

static void
highlight (PlazaReport *report,
           char        *line)
{
  g_ptr_array_add (report->highlights, line);
}

static char *
area_text (gint64 hundredths)
{
  return plaza_area_format (hundredths);
}

#define VALUE_MONEY(row) plaza_report_money ((row) ? (row)->value : 0, (row) && (row)->has_value)
#define VALUE_PERCENT(row) plaza_report_percent ((row) ? (row)->value : 0, (row) && (row)->has_value)
#define MOM(row) plaza_report_growth ((row) ? (row)->mom_bp : 0, (row) && (row)->has_mom)
#define YOY(row) plaza_report_growth ((row) ? (row)->yoy_bp : 0, (row) && (row)->has_yoy)

static gboolean
load_floors (PlazaStore   *store,
             PlazaReport  *report,
             GError      **error)
{
  const char *m = report->month;
  g_autoptr(GPtrArray) sales_rows = NULL, density_rows = NULL, occupancy_rows = NULL;
  g_autoptr(GPtrArray) mall_sales = NULL, mall_density = NULL, mall_occupancy = NULL;
  g_autoptr(GHashTable) sales = NULL, density = NULL, occupancy = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  PlazaReportTable *t;
  gint64 total_area = 0;
  int rc;

  t = report->floors = plaza_report_table_new (_("Floors"));
  plaza_report_table_add_column (t, _("Floor"), 0.12, PLAZA_REPORT_COL_TEXT);
  plaza_report_table_add_column (t, _("Rentable area (m²)"), 0.16, PLAZA_REPORT_COL_NUMBER);
  plaza_report_table_add_column (t, _("Occupancy"), 0.11, PLAZA_REPORT_COL_NUMBER);
  plaza_report_table_add_column (t, _("Sales"), 0.19, PLAZA_REPORT_COL_NUMBER);
  plaza_report_table_add_column (t, _("Sales per m²"), 0.14, PLAZA_REPORT_COL_NUMBER);
  plaza_report_table_add_column (t, _("MoM"), 0.14, PLAZA_REPORT_COL_GROWTH);
  plaza_report_table_add_column (t, _("YoY"), 0.14, PLAZA_REPORT_COL_GROWTH);
  t->empty = g_strdup (_("The mall has no units yet."));
  t->note = g_strdup (_("Sales per m²: the month's sales ÷ the rentable area of the units that reported sales "
                        "(¥/m²/month). Occupancy: leased ÷ rentable area on the last day of the month."));

  if ((sales = kpi_index (store, PLAZA_KPI_SALES, PLAZA_KPI_BY_FLOOR, m, &sales_rows, error)) == NULL ||
      (density = kpi_index (store, PLAZA_KPI_SALES_PER_M2, PLAZA_KPI_BY_FLOOR, m, &density_rows, error)) == NULL ||
      (occupancy = kpi_index (store, PLAZA_KPI_OCCUPANCY, PLAZA_KPI_BY_FLOOR, m, &occupancy_rows, error)) == NULL ||
      !plaza_kpi_compute (store, PLAZA_KPI_SALES, PLAZA_KPI_BY_MALL, m, m, &mall_sales, error) ||
      !plaza_kpi_compute (store, PLAZA_KPI_SALES_PER_M2, PLAZA_KPI_BY_MALL, m, m, &mall_density, error) ||
      !plaza_kpi_compute (store, PLAZA_KPI_OCCUPANCY, PLAZA_KPI_BY_MALL, m, m, &mall_occupancy, error))
    return FALSE;

  stmt = plaza_store_prepare (store, floor_sql, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *label = (const char *) sqlite3_column_text (stmt, 0);
      gint64 area = sqlite3_column_int64 (stmt, 1);
      PlazaKpiRow *s = g_hash_table_lookup (sales, label);
      PlazaKpiRow *d = g_hash_table_lookup (density, label);
      PlazaKpiRow *o = g_hash_table_lookup (occupancy, label);

      total_area += area;
      add_row (t, g_strdup (label), area_text (area), VALUE_PERCENT (o),
               plaza_report_money (s ? s->sales : 0, TRUE), VALUE_MONEY (d), MOM (s), YOY (s), NULL);
    }
  if (rc != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  /* the mall's total, unless the floors belong to several projects */
  t->total_row = t->rows->len > 0 && mall_sales->len <= 1 && mall_occupancy->len <= 1;
  if (t->total_row)
    {
      PlazaKpiRow *s = mall_sales->len > 0 ? g_ptr_array_index (mall_sales, 0) : NULL;
      PlazaKpiRow *d = mall_density->len > 0 ? g_ptr_array_index (mall_density, 0) : NULL;
      PlazaKpiRow *o = mall_occupancy->len > 0 ? g_ptr_array_index (mall_occupancy, 0) : NULL;

      add_row (t, g_strdup (_("Mall")), area_text (total_area), VALUE_PERCENT (o),
               plaza_report_money (s ? s->sales : 0, TRUE), VALUE_MONEY (d), MOM (s), YOY (s), NULL);
    }
  {
    PlazaKpiRow *high = extreme (density_rows, TRUE);
    PlazaKpiRow *low = extreme (density_rows, FALSE);

    if (high != NULL && low != NULL && high != low)
      {
        g_autofree char *high_value = plaza_money_format (high->value, TRUE);
        g_autofree char *low_value = plaza_money_format (low->value, TRUE);

        highlight (report, g_strdup_printf (_("Floors: the highest sales per m² on %s (%s), the lowest on %s (%s)."),
                                            high->label, high_value, low->label, low_value));
      }
  }
  return TRUE;
}

/* The largest category (its share as the table shows it) and the ones
 * that grew most and least on the year. */
static void
category_highlight (PlazaReport *report,
                    GPtrArray   *sales_rows,
                    const char  *share)
{
  PlazaKpiRow *largest = g_ptr_array_index (sales_rows, 0);
  PlazaKpiRow *rise = NULL, *fall = NULL;

  for (guint i = 0; i < sales_rows->len; i++)
    {
      PlazaKpiRow *row = g_ptr_array_index (sales_rows, i);

      if (row->has_yoy && (rise == NULL || row->yoy_bp > rise->yoy_bp))
        rise = row;
      if (row->has_yoy && (fall == NULL || row->yoy_bp < fall->yoy_bp))
        fall = row;
    }
  if (rise != NULL && fall != NULL && rise != fall)
    {
      g_autofree char *up = plaza_report_growth (rise->yoy_bp, TRUE);
      g_autofree char *down = plaza_report_growth (fall->yoy_bp, TRUE);

      highlight (report, g_strdup_printf (_("Categories: %s is the largest with %s of sales; on the year %s "
                                            "grew most (%s) and %s least (%s)."),
                                          largest->label, share, rise->label, up, fall->label, down));
    }
  else
    {
      highlight (report, g_strdup_printf (_("Categories: %s is the largest with %s of sales."),
                                          largest->label, share));
    }
}

static gboolean
load_categories (PlazaStore   *store,
                 PlazaReport  *report,
                 const Areas  *areas,
                 GError      **error)
{
  const char *m = report->month;
  g_autoptr(GPtrArray) sales_rows = NULL, density_rows = NULL, ratio_rows = NULL;
  g_autoptr(GPtrArray) mall_density = NULL, mall_ratio = NULL, mall_sales = NULL;
  g_autoptr(GHashTable) density = NULL, ratio = NULL, sales = NULL;
  PlazaReportTable *t;
  gint64 total_sales = 0, total_area = 0;

  t = report->categories = plaza_report_table_new (_("Categories"));
  plaza_report_table_add_column (t, _("Category"), 0.15, PLAZA_REPORT_COL_TEXT);
  plaza_report_table_add_column (t, _("Area (m²)"), 0.12, PLAZA_REPORT_COL_NUMBER);
  plaza_report_table_add_column (t, _("Share"), 0.09, PLAZA_REPORT_COL_NUMBER);
  plaza_report_table_add_column (t, _("Sales"), 0.18, PLAZA_REPORT_COL_NUMBER);
  plaza_report_table_add_column (t, _("Sales per m²"), 0.12, PLAZA_REPORT_COL_NUMBER);
  plaza_report_table_add_column (t, _("Rent to sales"), 0.12, PLAZA_REPORT_COL_NUMBER);
  plaza_report_table_add_column (t, _("MoM"), 0.11, PLAZA_REPORT_COL_GROWTH);
  plaza_report_table_add_column (t, _("YoY"), 0.11, PLAZA_REPORT_COL_GROWTH);
  t->empty = g_strdup (_("No sales were reported this month."));
  t->note = g_strdup (_("Area: the rentable area of the units that reported sales in the month. "
                        "Share: of the sales with a category."));

  if ((sales = kpi_index (store, PLAZA_KPI_SALES, PLAZA_KPI_BY_CATEGORY, m, &sales_rows, error)) == NULL ||
      (density = kpi_index (store, PLAZA_KPI_SALES_PER_M2, PLAZA_KPI_BY_CATEGORY, m, &density_rows, error)) == NULL ||
      (ratio = kpi_index (store, PLAZA_KPI_RENT_TO_SALES, PLAZA_KPI_BY_CATEGORY, m, &ratio_rows, error)) == NULL ||
      !plaza_kpi_compute (store, PLAZA_KPI_SALES, PLAZA_KPI_BY_MALL, m, m, &mall_sales, error) ||
      !plaza_kpi_compute (store, PLAZA_KPI_SALES_PER_M2, PLAZA_KPI_BY_MALL, m, m, &mall_density, error) ||
      !plaza_kpi_compute (store, PLAZA_KPI_RENT_TO_SALES, PLAZA_KPI_BY_MALL, m, m, &mall_ratio, error))
    return FALSE;

  for (guint i = 0; i < sales_rows->len; i++)
    {
      PlazaKpiRow *s = g_ptr_array_index (sales_rows, i);

      total_sales += s->sales;
    }
  /* largest sales first */
  for (guint i = 0; i < sales_rows->len; i++)
    {
      guint best = i;

      for (guint j = i + 1; j < sales_rows->len; j++)
        if (((PlazaKpiRow *) g_ptr_array_index (sales_rows, j))->sales >
            ((PlazaKpiRow *) g_ptr_array_index (sales_rows, best))->sales)
          best = j;
      if (best != i)
        {
          gpointer tmp = sales_rows->pdata[i];

          sales_rows->pdata[i] = sales_rows->pdata[best];
          sales_rows->pdata[best] = tmp;
        }
    }
  for (guint i = 0; i < sales_rows->len; i++)
    {
      PlazaKpiRow *s = g_ptr_array_index (sales_rows, i);
      PlazaKpiRow *d = g_hash_table_lookup (density, s->key);
      PlazaKpiRow *r = g_hash_table_lookup (ratio, s->key);
      gint64 area = area_of (areas->category_area, s->key);
      gint64 share = total_sales > 0 ? (s->sales * 10000 + total_sales / 2) / total_sales : 0;

      total_area += area;
      add_row (t, g_strdup (s->label), area_text (area), plaza_report_percent (share, total_sales > 0),
               plaza_report_money (s->sales, TRUE), VALUE_MONEY (d), VALUE_PERCENT (r), MOM (s), YOY (s), NULL);
    }
  if (t->rows->len > 0)
    {
      /* sales_rows are sorted, the table's first row is the largest */
      category_highlight (report, sales_rows, ((char **) g_ptr_array_index (t->rows, 0))[2]);
    }
  /* the mall's total, unless the sales belong to several projects */
  t->total_row = t->rows->len > 0 && mall_sales->len <= 1;
  if (t->total_row)
    {
      PlazaKpiRow *s = mall_sales->len > 0 ? g_ptr_array_index (mall_sales, 0) : NULL;
      PlazaKpiRow *d = mall_density->len > 0 ? g_ptr_array_index (mall_density, 0) : NULL;
      PlazaKpiRow *r = mall_ratio->len > 0 ? g_ptr_array_index (mall_ratio, 0) : NULL;

      add_row (t, g_strdup (_("Mall")), area_text (total_area), plaza_report_percent (10000, total_sales > 0),
               plaza_report_money (s ? s->sales : 0, TRUE), VALUE_MONEY (d), VALUE_PERCENT (r), MOM (s), YOY (s),
               NULL);
    }
  return TRUE;
}

static int
by_density_desc (gconstpointer a,
                 gconstpointer b)
{
  const PlazaKpiRow *ra = *(PlazaKpiRow * const *) a;
  const PlazaKpiRow *rb = *(PlazaKpiRow * const *) b;

  if (ra->value != rb->value)
    return ra->value > rb->value ? -1 : 1;
  return g_strcmp0 (ra->key, rb->key);
}

static PlazaReportTable *
tenant_table (const char *title)
{
  PlazaReportTable *t = plaza_report_table_new (title);

  plaza_report_table_add_column (t, "#", 0.05, PLAZA_REPORT_COL_NUMBER);
  plaza_report_table_add_column (t, _("Tenant"), 0.27, PLAZA_REPORT_COL_TEXT);
  plaza_report_table_add_column (t, _("Category"), 0.12, PLAZA_REPORT_COL_TEXT);
  plaza_report_table_add_column (t, _("Area (m²)"), 0.11, PLAZA_REPORT_COL_NUMBER);
  plaza_report_table_add_column (t, _("Sales"), 0.17, PLAZA_REPORT_COL_NUMBER);
  plaza_report_table_add_column (t, _("Sales per m²"), 0.14, PLAZA_REPORT_COL_NUMBER);
  plaza_report_table_add_column (t, _("Rent to sales"), 0.14, PLAZA_REPORT_COL_NUMBER);
  t->empty = g_strdup (_("No tenant reported sales this month."));
  return t;
}

static void
tenant_row (PlazaReportTable *t,
            guint             rank,
            PlazaKpiRow      *d,
            GHashTable       *ratio,
            const Areas      *areas)
{
  PlazaKpiRow *r = g_hash_table_lookup (ratio, d->key);
  const char *category = g_hash_table_lookup (areas->tenant_category, d->key);

  add_row (t, g_strdup_printf ("%u", rank), g_strdup (d->label), g_strdup (category != NULL ? category : ""),
           area_text (area_of (areas->tenant_area, d->key)), plaza_report_money (d->sales, TRUE),
           VALUE_MONEY (d), VALUE_PERCENT (r), NULL);
}

static gboolean
load_tenants (PlazaStore   *store,
              PlazaReport  *report,
              const Areas  *areas,
              GError      **error)
{
  g_autoptr(GPtrArray) density_rows = NULL, ratio_rows = NULL;
  g_autoptr(GHashTable) ratio = NULL;
  g_autoptr(GPtrArray) ranked = g_ptr_array_new ();
  guint n;

  report->top = tenant_table (_("Top 10 tenants by sales per m²"));
  report->bottom = tenant_table (_("Bottom 10 tenants by sales per m²"));
  report->bottom->note = g_strdup (_("Lowest first. Area: the rentable area of the tenant's units that "
                                     "reported sales in the month."));

  if (!plaza_kpi_compute (store, PLAZA_KPI_SALES_PER_M2, PLAZA_KPI_BY_TENANT, report->month, report->month,
                          &density_rows, error) ||
      (ratio = kpi_index (store, PLAZA_KPI_RENT_TO_SALES, PLAZA_KPI_BY_TENANT, report->month,
                          &ratio_rows, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < density_rows->len; i++)
    {
      PlazaKpiRow *d = g_ptr_array_index (density_rows, i);

      if (d->has_value)
        g_ptr_array_add (ranked, d);
    }
  g_ptr_array_sort (ranked, by_density_desc);
  n = MIN (ranked->len, TOP_N);
  for (guint i = 0; i < n; i++)
    tenant_row (report->top, i + 1, g_ptr_array_index (ranked, i), ratio, areas);
  for (guint i = 0; i < n; i++)
    tenant_row (report->bottom, ranked->len - i, g_ptr_array_index (ranked, ranked->len - 1 - i), ratio, areas);
  if (ranked->len > 0)
    {
      PlazaKpiRow *best = g_ptr_array_index (ranked, 0);
      g_autofree char *value = plaza_money_format (best->value, TRUE);

      highlight (report, g_strdup_printf (ngettext ("Tenants: %u reported sales; the highest sales per m²: %s (%s).",
                                                    "Tenants: %u reported sales; the highest sales per m²: %s (%s).",
                                                    ranked->len),
                                          ranked->len, best->label, value));
    }
  return TRUE;
}

static gboolean
load_health (PlazaStore   *store,
             PlazaReport  *report,
             GError      **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  PlazaReportTable *t;

  t = report->health = plaza_report_table_new (_("Tenant health: the review shortlist"));
  plaza_report_table_add_column (t, "#", 0.05, PLAZA_REPORT_COL_NUMBER);
  plaza_report_table_add_column (t, _("Tenant"), 0.21, PLAZA_REPORT_COL_TEXT);
  plaza_report_table_add_column (t, _("Score"), 0.08, PLAZA_REPORT_COL_NUMBER);
  plaza_report_table_add_column (t, _("Sales per m²"), 0.12, PLAZA_REPORT_COL_NUMBER);
  plaza_report_table_add_column (t, _("Rent to sales"), 0.11, PLAZA_REPORT_COL_NUMBER);
  plaza_report_table_add_column (t, _("Arrears (days)"), 0.10, PLAZA_REPORT_COL_NUMBER);
  plaza_report_table_add_column (t, _("Reasons"), 0.33, PLAZA_REPORT_COL_WRAP);
  t->empty = g_strdup (_("No tenant is trading this month."));
  t->note = g_strdup (_("Score 0–100 from sales per m² against the category median (35%), the three-month "
                        "trend (20%), rent to sales (20%) and arrears (25%); lowest first. Sales per m²: "
                        "the last three months."));

  if (!plaza_health_scores (store, report->month, &rows, error))
    return FALSE;
  for (guint i = 0; i < rows->len && i < HEALTH_N; i++)
    {
      PlazaHealthRow *h = g_ptr_array_index (rows, i);

      add_row (t, g_strdup_printf ("%u", i + 1), g_strdup (h->name), plaza_percent_format (h->score),
               plaza_money_format (h->sales_per_m2, TRUE),
               plaza_report_percent (h->rent_to_sales_bp, h->has_rent_to_sales),
               g_strdup_printf ("%lld", (long long) h->arrears_days), g_strdup (h->reasons), NULL);
    }
  if (rows->len > 0)
    {
      PlazaHealthRow *lowest = g_ptr_array_index (rows, 0);
      g_autofree char *score = plaza_percent_format (lowest->score);
      guint weak = 0;

      for (guint i = 0; i < rows->len; i++)
        if (((PlazaHealthRow *) g_ptr_array_index (rows, i))->score < 5000)
          weak++;
      highlight (report, g_strdup_printf (ngettext ("Health: %u of %u trading tenants scores below 50; the lowest is %s (%s).",
                                                    "Health: %u of %u trading tenants score below 50; the lowest is %s (%s).",
                                                    weak),
                                          weak, rows->len, lowest->name, score));
    }
  return TRUE;
}

gboolean
plaza_report_load_tables (PlazaStore   *store,
                          PlazaReport  *report,
                          GError      **error)
{
  Areas areas = { 0 };
  gboolean ok;

  ok = load_areas (store, report->month, &areas, error) &&
       load_floors (store, report, error) &&
       load_categories (store, report, &areas, error) &&
       load_tenants (store, report, &areas, error) &&
       load_health (store, report, error);
  areas_clear (&areas);
  return ok;
}
