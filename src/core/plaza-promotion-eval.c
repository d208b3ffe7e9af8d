/* plaza-promotion-eval.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The evaluation of an ended promotion: sales against a baseline, uplift,
 * cost and return, per participant and in total. Integer arithmetic only;
 * the rules are in plaza-promotion-eval.h.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-csv.h"
#include "plaza-date.h"
#include "plaza-money.h"
#include "plaza-promotion-eval.h"

/* Sales of the units under a (non-draft) contract of the tenants chosen by
 * @filter on the day of the sale. ?1 from, ?2 to, ?3 and ?4 for @filter. */
#define SALES_SQL(filter) \
  "SELECT COALESCE (SUM (sd.amount), 0) FROM sales_daily sd " \
  "WHERE sd.date BETWEEN ?1 AND ?2 AND EXISTS (" \
  "  SELECT 1 FROM contract_units cu JOIN contracts c ON c.id = cu.contract_id " \
  "  JOIN tenants t ON t.id = c.tenant_id " \
  "  WHERE cu.unit_id = sd.unit_id AND c.state NOT IN ('draft', 'submitted') " \
  "    AND sd.date BETWEEN c.start_date AND COALESCE (c.terminated_on, c.end_date) AND " filter ")"

static const char tenant_sql[] = SALES_SQL ("c.tenant_id = ?3");
static const char peers_sql[] = SALES_SQL ("t.category_id = ?3 AND c.tenant_id NOT IN "
                                           "(SELECT tenant_id FROM promotion_participants "
                                           " WHERE promotion_id = ?4 AND status = 'confirmed')");

static const char scope_sql[] = SALES_SQL ("EXISTS (SELECT 1 FROM promotions p WHERE p.id = ?3 AND ("
                                           "  p.scope = 'mall'"
                                           "  OR (p.scope = 'floors' AND EXISTS (SELECT 1 FROM units u"
                                           "      JOIN promotion_scope s ON s.kind = 'floor' AND s.ref_id = u.floor_id"
                                           "      WHERE u.id = sd.unit_id AND s.promotion_id = p.id))"
                                           "  OR (p.scope = 'categories' AND t.category_id IN (SELECT s.ref_id"
                                           "      FROM promotion_scope s WHERE s.kind = 'category' AND s.promotion_id = p.id))))");

gint64
plaza_promotion_div_round (gint64 num,
                           gint64 den)
{
  g_return_val_if_fail (den > 0, 0);
  if (num >= 0)
    return (num + den / 2) / den;
  return -((-num + den / 2) / den);
}

static void
row_clear (PlazaPromotionEvalRow *row)
{
  g_free (row->tenant_code);
  g_free (row->tenant_name);
}

static void
row_free (gpointer data)
{
  row_clear (data);
  g_free (data);
}

void
plaza_promotion_evaluation_free (PlazaPromotionEvaluation *e)
{
  if (e == NULL)
    return;
  g_free (e->code);
  g_free (e->name);
  g_free (e->from);
  g_free (e->to);
  g_free (e->base_from);
  g_free (e->base_to);
  g_clear_pointer (&e->rows, g_ptr_array_unref);
  row_clear (&e->total);
  row_clear (&e->scope);
  g_free (e);
}

typedef struct
{
  PlazaStore             *store;
  gint64                  promotion_id;
  PlazaPromotionBaseline  kind;
  char                   *from, *to, *base_from, *base_to;
  gint64                  days;
} Ctx;

static gboolean
sum_sales (Ctx         *ctx,
           const char  *sql,
           gint64       ref,
           const char  *from,
           const char  *to,
           gint64      *out,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = plaza_store_prepare (ctx->store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, ref);
  if (sqlite3_bind_parameter_count (stmt) >= 4)
    sqlite3_bind_int64 (stmt, 4, ctx->promotion_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return plaza_store_set_sqlite_error (ctx->store, error);
  *out = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* Sales and the scaled baseline of the tenants @sql picks with @ref. */
static gboolean
sales_and_baseline (Ctx        *ctx,
                    const char *sql,
                    gint64      ref,
                    gint64     *sales,
                    gint64     *baseline,
                    GError    **error)
{
  gint64 raw = 0;

  if (!sum_sales (ctx, sql, ref, ctx->from, ctx->to, sales, error)
      || !sum_sales (ctx, sql, ref, ctx->base_from, ctx->base_to, &raw, error))
    return FALSE;
  if (ctx->kind == PLAZA_PROMOTION_BASELINE_FOUR_WEEKS)
    *baseline = plaza_promotion_div_round (raw * ctx->days, 28);
  else
    *baseline = raw;
  return TRUE;
}

static void
row_finish (PlazaPromotionEvalRow *row)
{
  row->uplift = row->sales - row->baseline;
  row->uplift_bp = row->baseline > 0 ? plaza_promotion_div_round (row->uplift * 10000, row->baseline) : 0;
  row->return_bp = row->cost > 0 ? plaza_promotion_div_round (row->uplift * 10000, row->cost) : 0;
}

static char *
shifted (const GDate *date,
         int          days)
{
  GDate d = *date;

  if (days < 0)
    g_date_subtract_days (&d, (guint) -days);
  else
    g_date_add_days (&d, (guint) days);
  return plaza_date_format (&d);
}

PlazaPromotionEvaluation *
plaza_promotion_evaluate (PlazaStore             *store,
                          gint64                  id,
                          PlazaPromotionBaseline  baseline,
                          const GDate            *today,
                          GError                **error)
{
  g_autoptr(PlazaPromotionEvaluation) e = g_new0 (PlazaPromotionEvaluation, 1);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *state = NULL;
  g_autofree char *today_text = NULL;
  gint64 budget_mall;
  GDate start, end, now;
  Ctx ctx = { store, id, baseline, NULL, NULL, NULL, NULL, 0 };
  int rc;

  e->promotion_id = id;
  e->baseline = baseline;
  e->rows = g_ptr_array_new_with_free_func (row_free);

  stmt = plaza_store_prepare (store, "SELECT code, name, start_date, end_date, state, budget_mall "
                                     "FROM promotions WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND,
                   _("There is no promotion %lld."), (long long) id);
      return NULL;
    }
  e->code = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  e->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  e->from = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  e->to = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  state = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  budget_mall = sqlite3_column_int64 (stmt, 5);
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!plaza_date_parse (e->from, &start) || !plaza_date_parse (e->to, &end))
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_CORRUPT,
                   _("Promotion %s has unreadable dates."), e->code);
      return NULL;
    }
  if (today != NULL)
    now = *today;
  else
    {
      g_autoptr(GDateTime) dt = g_date_time_new_now_local ();

      g_date_clear (&now, 1);
      g_date_set_dmy (&now, (GDateDay) g_date_time_get_day_of_month (dt),
                      (GDateMonth) g_date_time_get_month (dt), (GDateYear) g_date_time_get_year (dt));
    }
  if (!g_str_equal (state, "approved"))
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                   _("Promotion %s is %s: only an approved promotion can be evaluated."), e->code, state);
      return NULL;
    }
  if (g_date_compare (&end, &now) >= 0)
    {
      today_text = plaza_date_format (&now);
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                   _("Promotion %s ends on %s: it can be evaluated from the day after (today is %s)."),
                   e->code, e->to, today_text);
      return NULL;
    }

  ctx.days = (gint64) g_date_get_julian (&end) - (gint64) g_date_get_julian (&start) + 1;
  if (baseline == PLAZA_PROMOTION_BASELINE_LAST_YEAR)
    {
      e->base_from = shifted (&start, -364);
      e->base_to = shifted (&end, -364);
    }
  else
    {
      e->base_from = shifted (&start, -28);
      e->base_to = shifted (&start, -1);
    }
  ctx.from = e->from;
  ctx.to = e->to;
  ctx.base_from = e->base_from;
  ctx.base_to = e->base_to;

  stmt = plaza_store_prepare (store,
                              "SELECT p.tenant_id, t.code, t.name, p.fee, t.category_id "
                              "FROM promotion_participants p JOIN tenants t ON t.id = p.tenant_id "
                              "WHERE p.promotion_id = ? AND p.status = 'confirmed' ORDER BY t.code", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PlazaPromotionEvalRow *row = g_new0 (PlazaPromotionEvalRow, 1);

      g_ptr_array_add (e->rows, row);
      row->tenant_id = sqlite3_column_int64 (stmt, 0);
      row->tenant_code = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      row->tenant_name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      row->cost = sqlite3_column_int64 (stmt, 3);
      if (!sales_and_baseline (&ctx, tenant_sql, row->tenant_id, &row->sales, &row->baseline, error))
        return NULL;
      row_finish (row);

      if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
        {
          PlazaPromotionEvalRow peers = { 0 };

          if (!sales_and_baseline (&ctx, peers_sql, sqlite3_column_int64 (stmt, 4),
                                   &peers.sales, &peers.baseline, error))
            return NULL;
          row_finish (&peers);
          row->has_category_peers = peers.baseline > 0;
          row->category_uplift_bp = peers.uplift_bp;
          row->worse_than_category = row->has_category_peers && row->baseline > 0
                                     && row->uplift_bp < peers.uplift_bp;
        }

      e->total.sales += row->sales;
      e->total.baseline += row->baseline;
      e->total.cost += row->cost;
    }
  if (rc != SQLITE_DONE)
    {
      plaza_store_set_sqlite_error (store, error);
      return NULL;
    }
  e->total.tenant_code = g_strdup ("TOTAL");
  e->total.tenant_name = g_strdup (_("All participants"));
  e->total.cost += budget_mall;
  row_finish (&e->total);

  e->scope.tenant_code = g_strdup ("SCOPE");
  e->scope.tenant_name = g_strdup (_("Everyone in scope"));
  if (!sales_and_baseline (&ctx, scope_sql, id, &e->scope.sales, &e->scope.baseline, error))
    return NULL;
  row_finish (&e->scope);
  return g_steal_pointer (&e);
}

static void
append_row (GString                     *out,
            const PlazaPromotionEvalRow *row,
            gboolean                     with_cost)
{
  g_autofree char *sales = plaza_money_format_plain (row->sales);
  g_autofree char *base = plaza_money_format_plain (row->baseline);
  g_autofree char *uplift = plaza_money_format_plain (row->uplift);
  g_autofree char *uplift_pct = plaza_percent_format (row->uplift_bp);
  g_autofree char *cost = plaza_money_format_plain (row->cost);
  g_autofree char *ret = plaza_percent_format (row->return_bp);
  g_autofree char *cat = row->has_category_peers ? plaza_percent_format (row->category_uplift_bp) : g_strdup ("");
  const char *fields[] = { row->tenant_code, row->tenant_name, sales, base, uplift, uplift_pct,
                           with_cost ? cost : "", with_cost ? ret : "", cat,
                           row->worse_than_category ? "below_category" : "" };

  plaza_csv_append_row (out, fields, G_N_ELEMENTS (fields));
}

char *
plaza_promotion_evaluation_to_csv (const PlazaPromotionEvaluation *e)
{
  GString *out = g_string_new ("tenant_code,tenant,sales,baseline,uplift,uplift_pct,cost,return_pct,"
                               "category_uplift_pct,flag\n");

  for (guint i = 0; i < e->rows->len; i++)
    append_row (out, g_ptr_array_index (e->rows, i), TRUE);
  append_row (out, &e->total, TRUE);
  append_row (out, &e->scope, FALSE);
  return g_string_free (out, FALSE);
}
