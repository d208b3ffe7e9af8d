/* plaza-tenant-view.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Gathers one tenant for the tenant window: a few small queries of its own
 * (header, contracts, units, promotions, fit-outs, complaints) and the
 * measures other modules own, so the window agrees with them: the health
 * score (plaza-health.h) of the last complete month, the analytics trend
 * chart (plaza-chart-data.h) filtered to the tenant over the twelve months
 * to then, unusual sales (plaza-sales.h) of its units over the last 90
 * days, the arrears aging row with its unbilled late fee (plaza-arrears.h,
 * as plaza_arrears_aging_with_fees has it) and its open bill lines
 * (plaza-billing-query.h).
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <stdlib.h>

#include <glib/gi18n.h>

#include "plaza-billing-query.h"
#include "plaza-chart-data.h"
#include "plaza-date.h"
#include "plaza-health.h"
#include "plaza-sales.h"
#include "plaza-tenant-view.h"

static void
contract_free (gpointer data)
{
  PlazaTenantContract *c = data;

  g_free (c->code);
  g_free (c->units);
  g_free (c->start_date);
  g_free (c->end_date);
  g_free (c->state);
  g_free (c);
}

static void
unit_free (gpointer data)
{
  PlazaTenantUnit *u = data;

  g_free (u->code);
  g_free (u->floor);
  g_free (u->status);
  g_free (u->contract_code);
  g_free (u);
}

static void
promotion_free (gpointer data)
{
  PlazaTenantPromotion *p = data;

  g_free (p->code);
  g_free (p->name);
  g_free (p->start_date);
  g_free (p->end_date);
  g_free (p->answer);
  g_free (p->offer);
  g_free (p);
}

static void
fitout_free (gpointer data)
{
  PlazaTenantFitout *f = data;

  g_free (f->contract_code);
  g_free (f->state);
  g_free (f->start_date);
  g_free (f->due_date);
  g_free (f->opened_on);
  g_free (f);
}

static void
complaint_free (gpointer data)
{
  PlazaTenantComplaint *c = data;

  g_free (c->date);
  g_free (c->kind);
  g_free (c->text);
  g_free (c->resolved_on);
  g_free (c);
}

void
plaza_tenant_view_free (PlazaTenantView *view)
{
  if (view == NULL)
    return;
  g_free (view->code);
  g_free (view->name);
  g_free (view->credit_code);
  g_free (view->licence_expiry);
  g_free (view->licence_warning);
  g_free (view->category);
  g_free (view->tier);
  g_free (view->status);
  g_free (view->notes);
  g_free (view->health_month);
  g_free (view->health_reasons);
  g_clear_pointer (&view->contracts, g_ptr_array_unref);
  g_clear_pointer (&view->units, g_ptr_array_unref);
  g_clear_pointer (&view->trend, plaza_chart_free);
  g_clear_pointer (&view->anomalies, g_ptr_array_unref);
  g_clear_pointer (&view->arrears, plaza_arrears_row_free);
  g_clear_pointer (&view->promotions, g_ptr_array_unref);
  g_clear_pointer (&view->fitouts, g_ptr_array_unref);
  g_clear_pointer (&view->complaints, g_ptr_array_unref);
  g_free (view);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? text : "");
}

static char *
column_dup_or_null (sqlite3_stmt *stmt,
                    int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;
  return column_dup (stmt, column);
}

typedef gpointer (*RowFunc) (sqlite3_stmt    *stmt,
                             PlazaTenantView *view,
                             const char      *today);

/* Runs @sql with ?1 the tenant id and ?2 @today, adding @func's row for
 * each result row to @rows. */
static gboolean
collect (PlazaStore      *store,
         const char      *sql,
         PlazaTenantView *view,
         const char      *today,
         RowFunc          func,
         GPtrArray       *rows,
         GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = plaza_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, view->id);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_text (stmt, 2, today, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gpointer row = func (stmt, view, today);

      if (row != NULL && rows != NULL)
        g_ptr_array_add (rows, row);
    }
  if (rc != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  return TRUE;
}

static gpointer
header_row (sqlite3_stmt    *stmt,
            PlazaTenantView *view,
            const char      *today G_GNUC_UNUSED)
{
  view->code = column_dup (stmt, 0);
  view->name = column_dup (stmt, 1);
  view->credit_code = column_dup (stmt, 2);
  view->licence_expiry = column_dup_or_null (stmt, 3);
  view->category = column_dup (stmt, 4);
  view->status = column_dup (stmt, 5);
  view->notes = column_dup (stmt, 6);
  view->tier = column_dup (stmt, 7);
  return NULL;
}

static gpointer
contract_row (sqlite3_stmt    *stmt,
              PlazaTenantView *view G_GNUC_UNUSED,
              const char      *today G_GNUC_UNUSED)
{
  PlazaTenantContract *c = g_new0 (PlazaTenantContract, 1);

  c->id = sqlite3_column_int64 (stmt, 0);
  c->code = column_dup (stmt, 1);
  c->units = column_dup (stmt, 2);
  c->start_date = column_dup (stmt, 3);
  c->end_date = column_dup (stmt, 4);
  c->state = column_dup (stmt, 5);
  c->monthly_rent = sqlite3_column_int64 (stmt, 6);
  return c;
}

static gpointer
unit_row (sqlite3_stmt    *stmt,
          PlazaTenantView *view G_GNUC_UNUSED,
          const char      *today G_GNUC_UNUSED)
{
  PlazaTenantUnit *u = g_new0 (PlazaTenantUnit, 1);

  u->id = sqlite3_column_int64 (stmt, 0);
  u->code = column_dup (stmt, 1);
  u->floor = column_dup (stmt, 2);
  u->area = sqlite3_column_int64 (stmt, 3);
  u->status = column_dup (stmt, 4);
  u->contract_code = column_dup (stmt, 5);
  return u;
}

static gpointer
promotion_row (sqlite3_stmt    *stmt,
               PlazaTenantView *view G_GNUC_UNUSED,
               const char      *today G_GNUC_UNUSED)
{
  PlazaTenantPromotion *p = g_new0 (PlazaTenantPromotion, 1);

  p->promotion_id = sqlite3_column_int64 (stmt, 0);
  p->code = column_dup (stmt, 1);
  p->name = column_dup (stmt, 2);
  p->start_date = column_dup (stmt, 3);
  p->end_date = column_dup (stmt, 4);
  p->answer = column_dup (stmt, 5);
  p->offer = column_dup (stmt, 6);
  p->fee = sqlite3_column_int64 (stmt, 7);
  return p;
}

static gpointer
fitout_row (sqlite3_stmt    *stmt,
            PlazaTenantView *view G_GNUC_UNUSED,
            const char      *today)
{
  PlazaTenantFitout *f = g_new0 (PlazaTenantFitout, 1);

  f->id = sqlite3_column_int64 (stmt, 0);
  f->contract_id = sqlite3_column_int64 (stmt, 1);
  f->contract_code = column_dup (stmt, 2);
  f->state = column_dup (stmt, 3);
  f->start_date = column_dup (stmt, 4);
  f->due_date = column_dup (stmt, 5);
  f->opened_on = column_dup_or_null (stmt, 6);
  f->overdue = f->opened_on == NULL && g_strcmp0 (f->due_date, today) < 0;
  return f;
}

static gpointer
complaint_row (sqlite3_stmt    *stmt,
               PlazaTenantView *view G_GNUC_UNUSED,
               const char      *today G_GNUC_UNUSED)
{
  PlazaTenantComplaint *c = g_new0 (PlazaTenantComplaint, 1);

  c->id = sqlite3_column_int64 (stmt, 0);
  c->date = column_dup (stmt, 1);
  c->kind = column_dup (stmt, 2);
  c->text = column_dup (stmt, 3);
  c->resolved = sqlite3_column_int (stmt, 4) != 0;
  c->resolved_on = c->resolved ? column_dup_or_null (stmt, 5) : NULL;
  return c;
}

static gpointer
complaint_counts_row (sqlite3_stmt    *stmt,
                      PlazaTenantView *view,
                      const char      *today G_GNUC_UNUSED)
{
  view->complaints_total = (guint) sqlite3_column_int64 (stmt, 0);
  view->complaints_open = (guint) sqlite3_column_int64 (stmt, 1);
  return NULL;
}

static gpointer
unit_id_row (sqlite3_stmt    *stmt,
             PlazaTenantView *view G_GNUC_UNUSED,
             const char      *today G_GNUC_UNUSED)
{
  return GINT_TO_POINTER ((int) sqlite3_column_int64 (stmt, 0));
}

static void
set_licence_warning (PlazaTenantView *view,
                     const GDate     *today)
{
  GDate expiry;

  if (view->licence_expiry == NULL || !plaza_date_parse (view->licence_expiry, &expiry))
    return;
  view->licence_days_left = (gint64) g_date_get_julian (&expiry) - (gint64) g_date_get_julian (today);
  if (view->licence_days_left < 0)
    view->licence_warning = g_strdup_printf (_("Business licence expired on %s"), view->licence_expiry);
  else if (view->licence_days_left <= PLAZA_TENANT_LICENCE_WARN_DAYS)
    view->licence_warning =
      g_strdup_printf (ngettext ("Business licence expires on %s, in %lld day",
                                    "Business licence expires on %s, in %lld days",
                                    (gulong) view->licence_days_left),
                       view->licence_expiry, (long long) view->licence_days_left);
}

static gboolean
load_health (PlazaStore      *store,
             PlazaTenantView *view,
             GError         **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  if (!plaza_health_scores (store, view->health_month, &rows, error))
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      PlazaHealthRow *row = g_ptr_array_index (rows, i);

      if (row->tenant_id == view->id)
        {
          view->has_health = TRUE;
          view->health_score = row->score;
          g_free (view->health_reasons);
          view->health_reasons = g_strdup (row->reasons);
        }
    }
  return TRUE;
}

static gboolean
load_arrears (PlazaStore      *store,
              PlazaTenantView *view,
              const char      *today,
              GError         **error)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GHashTable) bills = g_hash_table_new (g_int64_hash, g_int64_equal);
  gint64 late_fee = 0;

  /* Its row of plaza_arrears_aging_with_fees, which is the aging row with
   * plaza_late_fee_tenant's unbilled fee (or a row for that fee alone),
   * worked out for this tenant only. */
  if (!plaza_arrears_aging_tenant (store, today, view->id, &view->arrears, error)
      || !plaza_late_fee_tenant (store, view->id, today, NULL, &late_fee, error))
    return FALSE;
  if (view->arrears == NULL && late_fee > 0)
    {
      view->arrears = g_new0 (PlazaArrearsRow, 1);
      view->arrears->tenant_id = view->id;
      view->arrears->code = g_strdup (view->code);
      view->arrears->name = g_strdup (view->name);
    }
  if (view->arrears != NULL)
    view->arrears->late_fee = late_fee;
  if (!plaza_payments_open_lines (store, view->id, &lines, NULL, error))
    return FALSE;
  for (guint i = 0; i < lines->len; i++)
    {
      PlazaOpenLineRow *line = g_ptr_array_index (lines, i);

      view->open_amount += line->open;
      g_hash_table_add (bills, &line->bill_id);
    }
  view->open_bills = g_hash_table_size (bills);
  return TRUE;
}

/* Newest first, then by unit code. */
static int
anomaly_compare (gconstpointer a,
                 gconstpointer b)
{
  const PlazaSalesAnomaly *x = *(PlazaSalesAnomaly * const *) a;
  const PlazaSalesAnomaly *y = *(PlazaSalesAnomaly * const *) b;
  int c = g_strcmp0 (y->date, x->date);

  return c != 0 ? c : g_strcmp0 (x->unit_code, y->unit_code);
}

static gboolean
load_anomalies (PlazaStore      *store,
                PlazaTenantView *view,
                const GDate     *today_date,
                const char      *today,
                GError         **error)
{
  g_autoptr(GPtrArray) unit_ids = g_ptr_array_new ();
  g_autofree char *from = NULL;
  GDate from_date = *today_date;

  /* The SQL below says the same: today and the 89 days before. */
  G_STATIC_ASSERT (PLAZA_TENANT_ANOMALY_DAYS == 90);
  g_date_subtract_days (&from_date, PLAZA_TENANT_ANOMALY_DAYS - 1);
  from = plaza_date_format (&from_date);
  /* Units under any of its contracts in force during the window. */
  if (!collect (store,
                "SELECT DISTINCT cu.unit_id FROM contract_units cu JOIN contracts c ON c.id = cu.contract_id"
                " WHERE c.tenant_id = ?1 AND c.state IN ('active', 'expired', 'terminated', 'renewed')"
                "   AND c.start_date <= ?2 AND COALESCE (c.terminated_on, c.end_date) >= date (?2, '-89 days')"
                " ORDER BY cu.unit_id",
                view, today, unit_id_row, unit_ids, error))
    return FALSE;
  for (guint i = 0; i < unit_ids->len; i++)
    {
      g_autoptr(GPtrArray) found = NULL;

      if (!plaza_sales_anomalies (store, from, today, GPOINTER_TO_INT (g_ptr_array_index (unit_ids, i)),
                                  &found, error))
        return FALSE;
      for (guint j = 0; j < found->len; j++)
        {
          PlazaSalesAnomaly *anomaly = g_ptr_array_index (found, j);

          if (anomaly->tenant_id == view->id)
            g_ptr_array_add (view->anomalies, g_ptr_array_steal_index (found, j--));
        }
    }
  g_ptr_array_sort (view->anomalies, anomaly_compare);
  return TRUE;
}

/* The month before @today's: 'YYYY-MM'. */
static char *
last_complete_month (const GDate *today)
{
  GDate d = *today;

  g_date_set_day (&d, 1);
  g_date_subtract_months (&d, 1);
  return g_strdup_printf ("%04d-%02d", (int) g_date_get_year (&d), (int) g_date_get_month (&d));
}

static char *
months_before (const char *month,
               guint       n)
{
  int year = atoi (month);
  int m = atoi (month + 5) - (int) n;

  while (m < 1)
    {
      m += 12;
      year--;
    }
  return g_strdup_printf ("%04d-%02d", year, m);
}

gboolean
plaza_tenant_view_load (PlazaStore       *store,
                        gint64            tenant_id,
                        const char       *today,
                        PlazaTenantView **out,
                        GError          **error)
{
  g_autoptr(PlazaTenantView) view = g_new0 (PlazaTenantView, 1);
  g_autofree char *from_month = NULL;
  PlazaChartQuery query = { 0 };
  GDate today_date;

  g_return_val_if_fail (out != NULL, FALSE);

  if (!plaza_date_parse (today, &today_date))
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID, _("“%s” is not a date (YYYY-MM-DD)."), today);
      return FALSE;
    }
  view->id = tenant_id;
  view->contracts = g_ptr_array_new_with_free_func (contract_free);
  view->units = g_ptr_array_new_with_free_func (unit_free);
  view->anomalies = g_ptr_array_new_with_free_func ((GDestroyNotify) plaza_sales_anomaly_free);
  view->promotions = g_ptr_array_new_with_free_func (promotion_free);
  view->fitouts = g_ptr_array_new_with_free_func (fitout_free);
  view->complaints = g_ptr_array_new_with_free_func (complaint_free);
  view->health_reasons = g_strdup ("");

  if (!collect (store,
                "SELECT t.code, t.name, t.credit_code, t.licence_expiry, COALESCE (cat.name, ''), t.status, t.notes,"
                "  COALESCE ((SELECT b.tier FROM tenant_brands tb JOIN brands b ON b.id = tb.brand_id"
                "             WHERE tb.tenant_id = t.id"
                "             ORDER BY CASE b.tier WHEN 'flagship' THEN 0 WHEN 'A' THEN 1 WHEN 'B' THEN 2 ELSE 3 END"
                "             LIMIT 1), '')"
                " FROM tenants t LEFT JOIN categories cat ON cat.id = t.category_id WHERE t.id = ?1",
                view, today, header_row, NULL, error))
    return FALSE;
  if (view->code == NULL)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND,
                   _("There is no tenant %lld."), (long long) tenant_id);
      return FALSE;
    }
  set_licence_warning (view, &today_date);

  if (!collect (store,
                "SELECT c.id, c.code,"
                "  COALESCE ((SELECT group_concat (code, ', ') FROM"
                "             (SELECT u.code FROM contract_units cu JOIN units u ON u.id = cu.unit_id"
                "              WHERE cu.contract_id = c.id ORDER BY u.code)), ''),"
                "  c.start_date, c.end_date, c.state, c.monthly_rent"
                " FROM contracts c WHERE c.tenant_id = ?1 ORDER BY c.start_date DESC, c.id DESC",
                view, today, contract_row, view->contracts, error)
      || !collect (store,
                   "SELECT u.id, u.code, f.label, cu.area, u.status, c.code, MAX (c.start_date)"
                   " FROM contract_units cu JOIN contracts c ON c.id = cu.contract_id"
                   " JOIN units u ON u.id = cu.unit_id JOIN floors f ON f.id = u.floor_id"
                   " WHERE c.tenant_id = ?1 AND c.state IN ('approved', 'active')"
                   " GROUP BY u.id ORDER BY u.code",
                   view, today, unit_row, view->units, error)
      || !collect (store,
                   "SELECT p.id, p.code, p.name, p.start_date, p.end_date, pp.status, pp.offer, pp.fee"
                   " FROM promotion_participants pp JOIN promotions p ON p.id = pp.promotion_id"
                   " WHERE pp.tenant_id = ?1 ORDER BY p.start_date DESC, p.id DESC",
                   view, today, promotion_row, view->promotions, error)
      || !collect (store,
                   "SELECT f.id, f.contract_id, c.code, f.state, f.start_date, f.due_date, f.opened_on"
                   " FROM fitouts f JOIN contracts c ON c.id = f.contract_id"
                   " WHERE c.tenant_id = ?1 ORDER BY f.start_date DESC, f.id DESC",
                   view, today, fitout_row, view->fitouts, error)
      || !collect (store,
                   "SELECT COUNT (*), COALESCE (SUM (resolved = 0), 0) FROM complaints"
                   " WHERE tenant_id = ?1 AND kind = 'complaint'",
                   view, today, complaint_counts_row, NULL, error)
      || !collect (store,
                   "SELECT id, date, kind, text, resolved, resolved_on FROM complaints WHERE tenant_id = ?1"
                   " ORDER BY date DESC, id DESC LIMIT " G_STRINGIFY (PLAZA_TENANT_RECENT_COMPLAINTS),
                   view, today, complaint_row, view->complaints, error))
    return FALSE;

  view->health_month = last_complete_month (&today_date);
  if (!load_health (store, view, error)
      || !load_arrears (store, view, today, error)
      || !load_anomalies (store, view, &today_date, today, error))
    return FALSE;

  from_month = months_before (view->health_month, 11);
  query.metric = PLAZA_KPI_SALES;
  query.by = PLAZA_KPI_BY_TENANT;
  query.filter_by = PLAZA_KPI_BY_TENANT;
  query.filter_key = view->code;
  query.from_month = from_month;
  query.to_month = view->health_month;
  view->trend = plaza_chart_data_trend (store, &query, error);
  if (view->trend == NULL)
    return FALSE;

  *out = g_steal_pointer (&view);
  return TRUE;
}

gboolean
plaza_tenant_view_find_code (PlazaStore  *store,
                             const char  *code,
                             gint64      *id,
                             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = plaza_store_prepare (store, "SELECT id FROM tenants WHERE code = ?1", error);
  int rc;

  g_return_val_if_fail (code != NULL && id != NULL, FALSE);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *id = sqlite3_column_int64 (stmt, 0);
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND, _("There is no tenant with the code “%s”."), code);
  return FALSE;
}
