/* plaza-health.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "plaza-arrears.h"
#include "plaza-date.h"
#include "plaza-health.h"
#include "plaza-kpi-private.h"

static const gint64 weights[PLAZA_HEALTH_N_FACTORS] = { 35, 20, 20, 25 };

/* ?1 to_month, ?2 its last day, ?3 its first day, ?4 … ?1 the last 3 months,
 * ?5 … ?6 the previous 3. */
#define ACTIVE \
  "c.tenant_id = t.id AND c.state = 'active' AND c.start_date <= ?2" \
  " AND COALESCE (c.terminated_on, c.end_date) >= ?3"
#define UNITS \
  "(SELECT cu.unit_id FROM contract_units cu JOIN contracts c ON c.id = cu.contract_id WHERE " ACTIVE ")"
/* A tenant's sales are those of the units it leases now, in the months
 * when its contract covered them: the rule of plaza-kpi.c (the covering
 * contract per unit and month), so a unit that changed hands does not
 * bring its former tenant's months into the new tenant's sales or trend. */
#define OWN_SALES \
  " AND (SELECT c3.tenant_id FROM contracts c3 WHERE c3.id = " PLAZA_KPI_COVERING_CONTRACT ") = t.id"

static const char tenants_sql[] =
  "SELECT t.id, t.code, t.name, COALESCE (t.category_id, 0),"
  " (SELECT COALESCE (SUM (cu.area), 0) FROM contract_units cu JOIN contracts c ON c.id = cu.contract_id"
  "   WHERE " ACTIVE "),"
  " (SELECT COALESCE (SUM (sm.amount), 0) FROM sales_monthly sm WHERE sm.unit_id IN " UNITS
  "   AND sm.month BETWEEN ?4 AND ?1" OWN_SALES "),"
  " (SELECT COALESCE (SUM (sm.amount), 0) FROM sales_monthly sm WHERE sm.unit_id IN " UNITS
  "   AND sm.month BETWEEN ?5 AND ?6" OWN_SALES "),"
  " (SELECT COALESCE (SUM (bl.amount), 0) FROM bills b JOIN bill_lines bl ON bl.bill_id = b.id"
  "   WHERE b.tenant_id = t.id AND b.state = 'issued' AND b.month BETWEEN ?4 AND ?1"
  "     AND bl.kind IN ('rent', 'percentage_rent'))"
  " FROM tenants t"
  " WHERE EXISTS (SELECT 1 FROM contracts c WHERE " ACTIVE ")"
  " ORDER BY t.id";

void
plaza_health_row_free (PlazaHealthRow *row)
{
  if (row == NULL)
    return;
  g_free (row->code);
  g_free (row->name);
  g_free (row->reasons);
  g_free (row);
}

static gint64
clamp_score (gint64 v)
{
  return CLAMP (v, 0, 10000);
}

static int
compare_gint64 (const void *a,
                const void *b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const PlazaHealthRow *x = *(PlazaHealthRow * const *) a;
  const PlazaHealthRow *y = *(PlazaHealthRow * const *) b;

  if (x->score != y->score)
    return x->score < y->score ? -1 : 1;
  return g_strcmp0 (x->code, y->code);
}

/* The median sales per m² of the rows of @category_id with area
 * (has_area[i]); the mean of the two middle values when even. */
static gint64
category_median (GPtrArray      *rows,
                 const gboolean *has_area,
                 gint64          category_id)
{
  g_autofree gint64 *values = g_new0 (gint64, rows->len + 1);
  guint n = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      PlazaHealthRow *row = g_ptr_array_index (rows, i);

      if (has_area[i] && row->category_id == category_id)
        values[n++] = row->sales_per_m2;
    }
  if (n == 0)
    return 0;
  qsort (values, n, sizeof *values, compare_gint64);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static char *
reason (const PlazaHealthRow *row,
        PlazaHealthFactor     factor)
{
  switch (factor)
    {
    case PLAZA_HEALTH_SALES_PER_M2:
      if (row->category_median <= 0)
        return g_strdup (_("No sales per m² to compare"));
      return g_strdup_printf (_("Sales per m² at %lld%% of the category median"),
                              (long long) (row->sales_per_m2 * 100 / row->category_median));
    case PLAZA_HEALTH_TREND:
      return g_strdup_printf (_("Sales down %lld%% on the previous 3 months"),
                              (long long) (-row->growth_bp / 100));
    case PLAZA_HEALTH_RENT_TO_SALES:
      if (!row->has_rent_to_sales)
        return g_strdup (_("Rent billed but no sales reported"));
      return g_strdup_printf (_("Rent is %lld%% of sales"), (long long) (row->rent_to_sales_bp / 100));
    case PLAZA_HEALTH_ARREARS:
      return g_strdup_printf (_("Oldest unpaid bill %lld days overdue"), (long long) row->arrears_days);
    case PLAZA_HEALTH_N_FACTORS:
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

static void
score_row (PlazaHealthRow *row,
           gint64          sales,
           gint64          previous,
           gint64          rent)
{
  gint64 sum = 0;
  int order[PLAZA_HEALTH_N_FACTORS] = { 0, 1, 2, 3 };
  g_autoptr(GString) reasons = g_string_new ("");
  guint n_reasons = 0;

  /* (a) */
  if (row->category_median > 0)
    row->factor_scores[PLAZA_HEALTH_SALES_PER_M2] =
      clamp_score (row->sales_per_m2 * 10000 / row->category_median / 2);
  else
    row->factor_scores[PLAZA_HEALTH_SALES_PER_M2] = 0;

  /* (b) */
  row->has_growth = previous > 0;
  if (row->has_growth)
    {
      row->growth_bp = (sales - previous) * 10000 / previous;
      row->factor_scores[PLAZA_HEALTH_TREND] = clamp_score (5000 + row->growth_bp);
    }
  else
    row->factor_scores[PLAZA_HEALTH_TREND] = 5000;

  /* (c) */
  row->has_rent_to_sales = sales > 0;
  if (sales > 0)
    {
      row->rent_to_sales_bp = rent * 10000 / sales;
      row->factor_scores[PLAZA_HEALTH_RENT_TO_SALES] =
        clamp_score ((3000 - row->rent_to_sales_bp) * 10000 / 2000);
    }
  else
    row->factor_scores[PLAZA_HEALTH_RENT_TO_SALES] = rent > 0 ? 0 : 5000;

  /* (d) */
  row->factor_scores[PLAZA_HEALTH_ARREARS] = clamp_score (10000 - row->arrears_days * 10000 / 90);

  for (int f = 0; f < PLAZA_HEALTH_N_FACTORS; f++)
    sum += weights[f] * row->factor_scores[f];
  row->score = sum / 100;

  /* Weakest first (stable by factor order). */
  for (int i = 1; i < PLAZA_HEALTH_N_FACTORS; i++)
    for (int j = i; j > 0 && row->factor_scores[order[j]] < row->factor_scores[order[j - 1]]; j--)
      {
        int tmp = order[j];

        order[j] = order[j - 1];
        order[j - 1] = tmp;
      }
  for (int i = 0; i < PLAZA_HEALTH_N_FACTORS && n_reasons < 2; i++)
    {
      g_autofree char *text = NULL;

      if (row->factor_scores[order[i]] >= 5000)
        break;
      text = reason (row, (PlazaHealthFactor) order[i]);
      if (n_reasons++ > 0)
        g_string_append (reasons, "; ");
      g_string_append (reasons, text);
    }
  row->reasons = g_string_free (g_steal_pointer (&reasons), FALSE);
}

static char *
month_text (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d", g_date_get_year (date), g_date_get_month (date));
}

gboolean
plaza_health_scores (PlazaStore  *store,
                     const char  *to_month,
                     GPtrArray  **rows,
                     GError     **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) plaza_health_row_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) sales = g_array_new (FALSE, FALSE, sizeof (gint64) * 3);
  g_autofree char *first_text = NULL;
  g_autofree char *last_text = NULL;
  g_autofree char *from3 = NULL;
  g_autofree char *from6 = NULL;
  g_autofree char *to6 = NULL;
  g_autoptr(GArray) has_area = g_array_new (FALSE, FALSE, sizeof (gboolean));
  GDate first, last, d;
  int rc;

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);
  g_return_val_if_fail (rows != NULL, FALSE);
  first_text = g_strconcat (to_month ? to_month : "", "-01", NULL);
  if (to_month == NULL || strlen (to_month) != 7 || !plaza_date_parse (first_text, &first))
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                   _("month: “%s” is not a month (use YYYY-MM)"), to_month ? to_month : "");
      return FALSE;
    }
  last = first;
  g_date_add_months (&last, 1);
  g_date_subtract_days (&last, 1);
  last_text = plaza_date_format (&last);
  d = first;
  g_date_subtract_months (&d, 2);
  from3 = month_text (&d);
  g_date_subtract_months (&d, 1);
  to6 = month_text (&d);
  g_date_subtract_months (&d, 2);
  from6 = month_text (&d);

  stmt = plaza_store_prepare (store, tenants_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, to_month, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, last_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, first_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, from3, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, from6, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, to6, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PlazaHealthRow *row = g_new0 (PlazaHealthRow, 1);
      gint64 area = sqlite3_column_int64 (stmt, 4);
      gint64 triple[3];
      gboolean has;

      row->tenant_id = sqlite3_column_int64 (stmt, 0);
      row->code = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      row->name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      row->category_id = sqlite3_column_int64 (stmt, 3);
      triple[0] = sqlite3_column_int64 (stmt, 5);
      triple[1] = sqlite3_column_int64 (stmt, 6);
      triple[2] = sqlite3_column_int64 (stmt, 7);
      /* Area in hundredths of m²: fen per m² per month. */
      row->sales_per_m2 = area > 0 ? triple[0] * 100 / area / 3 : 0;
      /* The aging's rule (plaza-arrears.c): credit notes count. */
      if (!plaza_arrears_days (store, row->tenant_id, last_text, &row->arrears_days, error))
        {
          plaza_health_row_free (row);
          return FALSE;
        }
      has = area > 0;
      g_ptr_array_add (out, row);
      g_array_append_vals (sales, triple, 1);
      g_array_append_val (has_area, has);
    }
  if (rc != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);

  for (guint i = 0; i < out->len; i++)
    {
      PlazaHealthRow *row = g_ptr_array_index (out, i);
      const gint64 *triple = (const gint64 *) (gpointer) (sales->data + i * 3 * sizeof (gint64));

      row->category_median = category_median (out, (const gboolean *) (gpointer) has_area->data,
                                              row->category_id);
      score_row (row, triple[0], triple[1], triple[2]);
    }
  g_ptr_array_sort (out, compare_rows);
  *rows = g_steal_pointer (&out);
  return TRUE;
}
