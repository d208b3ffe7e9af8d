/* plaza-demo-activity.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What happens in the demo mall over time: daily sales with the week's and
 * the year's shape (春节, 618, 国庆, 双11), footfall, targets, monthly
 * bills from the bill run and payments (with some arrears), promotions, and the leasing
 * pipeline with fit-outs. Integer arithmetic throughout.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "plaza-billing.h"
#include "plaza-date.h"
#include "plaza-demo-private.h"
#include "plaza-payments.h"

static GDate
date_of (guint32 julian)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, julian);
  return d;
}

static guint32
julian_of (int year,
           int month,
           int day)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return g_date_get_julian (&d);
}

/* Per mille of an ordinary day, for the day of the week. */
static guint
weekday_factor (const GDate *d)
{
  switch (g_date_get_weekday (d))
    {
    case G_DATE_SATURDAY: return 1380;
    case G_DATE_SUNDAY: return 1260;
    case G_DATE_FRIDAY: return 1040;
    default: return 860;
    }
}

/* Per mille, for the season and the shopping festivals. */
static guint
season_factor (const GDate             *d,
               const PlazaDemoCategory *cat)
{
  static const guint months[] = { 1120, 1060, 900, 920, 1000, 1030, 960, 960, 940, 1080, 1050, 1140 };
  int month = g_date_get_month (d);
  int day = g_date_get_day (d);
  guint factor = months[month - 1];
  gboolean food = g_str_equal (cat->parent, "餐饮") || g_str_equal (cat->parent, "娱乐");
  GDate festival;

  if (plaza_demo_spring_festival (g_date_get_year (d), &festival))
    {
      int delta = (int) g_date_get_julian (d) - (int) g_date_get_julian (&festival);

      if (delta >= -12 && delta < 0)
        factor = factor * (food ? 1350 : 1550) / 1000;   /* 年货: the run-up */
      else if (delta >= 0 && delta <= 6)
        factor = factor * (food ? 1700 : 900) / 1000;    /* the holiday: meals and films */
    }
  if (month == 6 && day >= 15 && day <= 18)
    factor = factor * 1300 / 1000;                       /* 618 */
  if (month == 10 && day <= 7)
    factor = factor * 1500 / 1000;                       /* 国庆 */
  if (month == 11 && day >= 8 && day <= 11)
    factor = factor * 1400 / 1000;                       /* 双11 */
  if (month == 12 && (day == 12 || day == 24 || day == 25 || day == 31))
    factor = factor * 1250 / 1000;                       /* 双12, Christmas, New Year's Eve */
  if (month == 5 && day == 20 && (g_str_equal (cat->name, "珠宝") || g_str_equal (cat->name, "化妆品")))
    factor = factor * 2000 / 1000;                       /* 520 */
  if (month == 5 && day >= 1 && day <= 5)
    factor = factor * 1350 / 1000;                       /* 五一 */
  return factor;
}

gboolean
demo_add_sales (Demo    *demo,
                GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) foot = NULL;
  g_autoptr(GPtrArray) dates = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *summary = NULL;
  guint32 last = demo->today - 1;
  guint32 month_start;
  GDate today = date_of (demo->today);
  gint64 rows = 0;

  /* The last full month of paper reporters is estimated: their figures are late. */
  month_start = julian_of (g_date_get_year (&today), g_date_get_month (&today), 1);
  for (guint32 j = demo->sales_from; j <= last; j++)
    g_ptr_array_add (dates, demo_date (j));

  stmt = plaza_store_prepare (demo->store,
                              "INSERT INTO sales_daily (unit_id, date, amount, transactions, source) VALUES (?, ?, ?, ?, ?)",
                              error);
  foot = plaza_store_prepare (demo->store, "INSERT INTO footfall_daily (date, count) VALUES (?, ?)", error);
  if (stmt == NULL || foot == NULL)
    return FALSE;

  for (guint ci = 0; ci < demo->contracts->len; ci++)
    {
      const DemoContract *c = &g_array_index (demo->contracts, DemoContract, ci);
      const DemoTenant *t = &g_array_index (demo->tenants, DemoTenant, c->tenant);
      guint32 from = MAX (MAX (c->start, c->free_end + 1), demo->sales_from);
      guint32 to = MIN (c->stop, last);

      if (g_str_equal (c->state, "draft") || g_str_equal (c->state, "submitted") || g_str_equal (c->state, "approved"))
        continue;

      for (guint k = 0; k < c->n_units; k++)
        {
          const DemoUnit *u = &g_array_index (demo->units, DemoUnit, c->unit + k);
          gint64 base = (gint64) u->cat->sales_m2_day * u->rentable * t->quality / 1000;

          for (guint32 j = from; j <= to && j >= from; j++)
            {
              GDate d = date_of (j);
              gint64 trend = 1000 + (gint64) t->trend * (gint64) (j - demo->sales_from) / 365;
              gint64 noise = (gint64) (demo_range (demo, 800, 1200) + demo_range (demo, 800, 1200)) / 2;
              gint64 amount = base;
              gint64 ticket = (gint64) u->cat->ticket * 100;
              gint64 count;
              const char *source = t->manual ? "manual" : "pos";

              amount = amount * weekday_factor (&d) / 1000;
              amount = amount * season_factor (&d, u->cat) / 1000;
              amount = amount * MAX (trend, 200) / 1000;
              amount = amount * noise / 1000;
              /* A few reports a clerk should look at (plaza-sales-anomaly.c):
               * a day five times the usual, a day with nothing rung up, and
               * a tenant whose last five weeks fell by half. */
              if (!t->manual && ci % 41 == 7 && j == last - 9 - ci % 20)
                amount *= 5;
              else if (!t->manual && ci % 43 == 11 && j == last - 15 - ci % 10)
                amount = 0;
              else if (!t->manual && ci % 53 == 5 && j + 35 > last)
                amount = amount * 45 / 100;
              count = amount == 0 ? 0 : MAX (1, amount / MAX (ticket, 1) * (gint64) demo_range (demo, 900, 1100) / 1000);
              if (t->manual && j >= month_start - 31 && j < month_start)
                source = "estimated";

              sqlite3_bind_int64 (stmt, 1, u->id);
              demo_bind_text (stmt, 2, g_ptr_array_index (dates, j - demo->sales_from));
              sqlite3_bind_int64 (stmt, 3, amount);
              sqlite3_bind_int64 (stmt, 4, count);
              demo_bind_text (stmt, 5, source);
              if (!demo_step (demo, stmt, error))
                return FALSE;
              rows++;
            }
        }
    }

  /* The monthly aggregate the charts read. */
  if (!demo_exec (demo,
                  "INSERT INTO sales_monthly (unit_id, month, amount, transactions, days, estimated_days) "
                  "SELECT unit_id, substr (date, 1, 7), sum (amount), sum (coalesce (transactions, 0)), count (*), "
                  "sum (source = 'estimated') FROM sales_daily GROUP BY unit_id, substr (date, 1, 7)", error))
    return FALSE;

  for (guint32 j = demo->sales_from; j <= last; j++)
    {
      GDate d = date_of (j);
      gint64 count = (gint64) demo->units->len * 110;
      static const PlazaDemoCategory mall = { .name = "", .parent = "" };

      count = count * weekday_factor (&d) / 1000 * season_factor (&d, &mall) / 1000;
      count = count * demo_range (demo, 900, 1100) / 1000;
      demo_bind_text (foot, 1, g_ptr_array_index (dates, j - demo->sales_from));
      sqlite3_bind_int64 (foot, 2, count);
      if (!demo_step (demo, foot, error))
        return FALSE;
    }

  /* This year's targets: last year's sales and 8 % more, by month and floor. */
  {
    int year = g_date_get_year (&today);
    g_autofree char *sql = g_strdup_printf (
      "INSERT INTO targets (year, month, scope, scope_id, amount) "
      "SELECT %1$d, CAST (substr (month, 6, 2) AS INTEGER), 'mall', 0, sum (amount) * 108 / 100 "
      "FROM sales_monthly WHERE month LIKE '%2$d-%%' GROUP BY month; "
      "INSERT INTO targets (year, month, scope, scope_id, amount) "
      "SELECT %1$d, 0, 'mall', 0, sum (amount) * 108 / 100 FROM sales_monthly WHERE month LIKE '%2$d-%%'; "
      "INSERT INTO targets (year, month, scope, scope_id, amount) "
      "SELECT %1$d, 0, 'floor', u.floor_id, sum (s.amount) * 108 / 100 FROM sales_monthly s "
      "JOIN units u ON u.id = s.unit_id WHERE s.month LIKE '%2$d-%%' GROUP BY u.floor_id;",
      year, year - 1);

    if (!demo_exec (demo, sql, error))
      return FALSE;
  }

  summary = g_strdup_printf ("%" G_GINT64_FORMAT " days of unit sales", rows);
  return demo_log (demo, "sales", summary, error);
}

/* Pays the regular bills of @month as the tenant's habit goes (most on
 * time, some late, some only in part, some not at all yet), through
 * plaza_payment_add: oldest open lines first, as the clerks allocate. */
static gboolean
pay_month (Demo        *demo,
           const char  *month,
           guint32      due_day,
           GError     **error)
{
  static const char * const methods[] = { "transfer", "transfer", "transfer", "pos", "cash" };
  g_autoptr(sqlite3_stmt) bills = NULL;
  g_autoptr(sqlite3_stmt) stamp = NULL;
  int rc;

  bills = plaza_store_prepare (demo->store,
                               "SELECT tenant_id, total FROM bills WHERE month = ? AND kind = 'regular' "
                               "AND state = 'issued' AND total > 0 ORDER BY code", error);
  stamp = plaza_store_prepare (demo->store, "UPDATE payments SET user = 'lijun', at = ? WHERE id = ?", error);
  if (bills == NULL || stamp == NULL)
    return FALSE;
  demo_bind_text (bills, 1, month);
  while ((rc = sqlite3_step (bills)) == SQLITE_ROW)
    {
      gint64 tenant_id = sqlite3_column_int64 (bills, 0);
      gint64 total = sqlite3_column_int64 (bills, 1);
      const DemoTenant *t = NULL;
      guint32 paid_on = 0;
      gint64 paid = total, payment_id = 0;

      for (guint i = 0; i < demo->tenants->len && t == NULL; i++)
        if (g_array_index (demo->tenants, DemoTenant, i).id == tenant_id)
          t = &g_array_index (demo->tenants, DemoTenant, i);
      if (t == NULL)
        continue;
      if (t->payer == 0)
        paid_on = due_day - demo_range (demo, 0, 10);
      else if (t->payer == 1 && due_day + 75 < demo->today)
        paid_on = due_day + demo_range (demo, 20, 60);
      else if (t->payer == 2)
        {
          paid_on = due_day + demo_range (demo, 0, 10);
          paid = total * demo_range (demo, 60, 90) / 100;
        }
      if (paid_on > 0 && paid_on < demo->today && paid > 0)
        {
          g_autofree char *date = demo_date (paid_on);
          g_autofree char *at = demo_stamp (paid_on);
          g_autofree char *reference = g_strdup_printf ("YH%08u", demo_rand (demo) % 100000000);
          const char *method = methods[demo_rand (demo) % G_N_ELEMENTS (methods)];

          if (!plaza_payment_add (demo->store, tenant_id, date, paid, method, reference, NULL, &payment_id, error))
            return FALSE;
          sqlite3_bind_text (stamp, 1, at, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (stamp, 2, payment_id);
          if (!demo_step (demo, stamp, error))
            return FALSE;
        }
    }
  if (rc != SQLITE_DONE)
    return plaza_store_set_sqlite_error (demo->store, error);
  return TRUE;
}

/* The twelve months before this one go through the bill run
 * (plaza_billing_issue_on), issued on the 1st of the next month, then
 * their payments. */
gboolean
demo_add_bills (Demo    *demo,
                GError **error)
{
  g_autofree char *summary = NULL;
  GDate today = date_of (demo->today);
  guint n_bills = 0;
  gboolean ok = TRUE;

  /* Bulk work in one transaction: the schedules are computed once, and a
   * temporary index keeps plaza_payment_add's look-up of reversals from
   * scanning every payment (dropped again below). */
  plaza_billing_cache_schedules (demo->store, TRUE);
  if (!demo_exec (demo, "CREATE INDEX demo_payments_reversal ON payments (reversal_of)", error))
    return FALSE;
  for (int back = 12; back >= 1 && ok; back--)
    {
      GDate first = today;
      GDate next;
      g_autofree char *issue = NULL;
      char month[8];
      guint n = 0;

      g_date_set_day (&first, 1);
      g_date_subtract_months (&first, back);
      next = first;
      g_date_add_months (&next, 1);
      issue = plaza_date_format (&next);
      g_snprintf (month, sizeof month, "%04u-%02u", g_date_get_year (&first), g_date_get_month (&first));
      /* due on the 15th of the next month */
      ok = plaza_billing_issue_on (demo->store, month, issue, &n, error) &&
           pay_month (demo, month, g_date_get_julian (&next) + 14, error);
      n_bills += n;
    }
  plaza_billing_cache_schedules (demo->store, FALSE);
  if (!ok || !demo_exec (demo, "DROP INDEX demo_payments_reversal", error))
    return FALSE;

  summary = g_strdup_printf ("%u bills with payments", n_bills);
  return demo_log (demo, "bill", summary, error);
}

gboolean
demo_add_promotions (Demo    *demo,
                     GError **error)
{
  static const char * const names[] = { "新春嘉年华", "情人节浪漫季", "女神节焕新购", "春日踏青节", "五一欢乐购",
                                        "618 年中狂欢", "暑期亲子季", "七夕甜蜜季", "开学季", "国庆黄金周",
                                        "双11 狂欢节", "圣诞跨年季" };
  static const char * const mechanics[] = { "spend_save", "discount", "gift", "points", "event" };
  static const char * const offers[] = { "满300减50", "满500减100", "全场8折", "会员双倍积分", "消费满额赠礼", "新品9折" };
  /* Start and end, in days from today, and the state. */
  static const struct { int from, to; const char *state; } plan[] = {
    { -330, -320, "approved" }, { -270, -264, "approved" }, { -200, -186, "approved" }, { -150, -146, "cancelled" },
    { -120, -110, "approved" }, { -60, -53, "approved" }, { -25, -18, "approved" }, { -3, 4, "approved" },
    { 9, 15, "approved" }, { 20, 27, "approved" }, { 31, 32, "rejected" }, { 40, 47, "submitted" }, { 60, 74, "draft" },
  };
  g_autoptr(sqlite3_stmt) promo = NULL;
  g_autoptr(sqlite3_stmt) part = NULL;
  g_autoptr(sqlite3_stmt) scope = NULL;

  promo = plaza_store_prepare (demo->store,
                               "INSERT INTO promotions (code, name, theme, mechanics, start_date, end_date, scope, state, "
                               "budget_mall, budget_tenant, goal_uplift_bp, goal_footfall, notes, created_by, created_at) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'zhangmin', ?)", error);
  part = plaza_store_prepare (demo->store,
                              "INSERT OR IGNORE INTO promotion_participants (promotion_id, tenant_id, offer, status, fee) "
                              "VALUES (?, ?, ?, ?, ?)", error);
  scope = plaza_store_prepare (demo->store, "INSERT OR IGNORE INTO promotion_scope (promotion_id, kind, ref_id) VALUES (?, 'floor', ?)", error);
  if (promo == NULL || part == NULL || scope == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (plan); i++)
    {
      guint32 start = demo->today + plan[i].from;
      guint32 end = demo->today + plan[i].to;
      GDate d = date_of (start);
      g_autofree char *code = g_strdup_printf ("CX%04u-%02u", g_date_get_year (&d), i + 1);
      g_autofree char *start_text = demo_date (start);
      g_autofree char *end_text = demo_date (end);
      g_autofree char *created = demo_stamp (start - 45);
      const char *name = names[g_date_get_month (&d) - 1];
      g_autofree char *theme = g_strdup_printf ("%s · 全场联动", name);
      gboolean floors = demo->floors->len > 1 && i % 3 == 1;
      gboolean past_or_now = plan[i].from < 5;
      gint64 promotion_id;

      demo_bind_text (promo, 1, code);
      demo_bind_text (promo, 2, name);
      demo_bind_text (promo, 3, theme);
      demo_bind_text (promo, 4, mechanics[i % G_N_ELEMENTS (mechanics)]);
      demo_bind_text (promo, 5, start_text);
      demo_bind_text (promo, 6, end_text);
      demo_bind_text (promo, 7, floors ? "floors" : "mall");
      demo_bind_text (promo, 8, plan[i].state);
      sqlite3_bind_int64 (promo, 9, (gint64) demo_range (demo, 5, 30) * 1000000);
      sqlite3_bind_int64 (promo, 10, (gint64) demo_range (demo, 2, 20) * 1000000);
      sqlite3_bind_int64 (promo, 11, (gint64) demo_range (demo, 5, 25) * 100);
      sqlite3_bind_int64 (promo, 12, (gint64) demo_range (demo, 10, 60) * 1000);
      demo_bind_text (promo, 13, "");
      demo_bind_text (promo, 14, created);
      if (!demo_step (demo, promo, error))
        return FALSE;
      promotion_id = sqlite3_last_insert_rowid (demo->db);

      if (floors)
        for (guint f = 0; f < 2; f++)
          {
            sqlite3_bind_int64 (scope, 1, promotion_id);
            sqlite3_bind_int64 (scope, 2, g_array_index (demo->floors, DemoFloor, (i + f) % demo->floors->len).id);
            if (!demo_step (demo, scope, error))
              return FALSE;
          }

      for (guint k = 0, n = MIN (demo_range (demo, 8, 25), demo->contracts->len); k < n; k++)
        {
          const DemoContract *c = &g_array_index (demo->contracts, DemoContract, demo_rand (demo) % demo->contracts->len);
          guint roll = demo_range (demo, 0, 99);
          const char *status = past_or_now ? (roll < 88 ? "confirmed" : "declined")
                                           : (roll < 50 ? "confirmed" : roll < 90 ? "invited" : "declined");

          if (!g_str_equal (c->state, "active"))
            continue;
          sqlite3_bind_int64 (part, 1, promotion_id);
          sqlite3_bind_int64 (part, 2, g_array_index (demo->tenants, DemoTenant, c->tenant).id);
          demo_bind_text (part, 3, offers[demo_rand (demo) % G_N_ELEMENTS (offers)]);
          demo_bind_text (part, 4, status);
          sqlite3_bind_int64 (part, 5, demo_chance (demo, 40) ? (gint64) demo_range (demo, 5, 30) * 10000 : 0);
          if (!demo_step (demo, part, error))
            return FALSE;
        }
    }

  return demo_log (demo, "promotion", "promotions with participants", error);
}

static gboolean
add_fitouts (Demo    *demo,
             GError **error)
{
  g_autoptr(sqlite3_stmt) fit = NULL;
  g_autoptr(sqlite3_stmt) drawing = NULL;
  g_autoptr(sqlite3_stmt) inspection = NULL;

  fit = plaza_store_prepare (demo->store, "INSERT INTO fitouts (contract_id, start_date, due_date, opened_on, state) VALUES (?, ?, ?, ?, ?)", error);
  drawing = plaza_store_prepare (demo->store,
                                 "INSERT INTO fitout_drawings (fitout_id, kind, version, submitted_on, state, comment) VALUES (?, ?, ?, ?, ?, ?)", error);
  inspection = plaza_store_prepare (demo->store, "INSERT INTO fitout_inspections (fitout_id, date, result, notes, inspector) "
                                                 "VALUES (?, ?, ?, ?, ?)", error);
  if (fit == NULL || drawing == NULL || inspection == NULL)
    return FALSE;

  for (guint i = 0; i < demo->contracts->len; i++)
    {
      const DemoContract *c = &g_array_index (demo->contracts, DemoContract, i);
      gboolean approved = g_str_equal (c->state, "approved");
      gboolean recent = g_str_equal (c->state, "active") && c->free_end != 0 && c->start + 150 > demo->today;
      guint32 due = c->free_end != 0 ? c->free_end : c->start + 45;
      g_autofree char *start_text = demo_date (c->start);
      g_autofree char *due_text = demo_date (due);
      g_autofree char *opened = demo_date (due + 1);
      g_autofree char *v1 = demo_date (c->start - 25);
      g_autofree char *v2 = demo_date (c->start - 10);
      gboolean open = recent && due < demo->today;
      const char *state = approved ? "drawings" : open ? "opened" : due - 10 < demo->today ? "inspection" : "building";
      gint64 fitout_id;

      if (!approved && !recent)
        continue;

      sqlite3_bind_int64 (fit, 1, c->id);
      demo_bind_text (fit, 2, start_text);
      demo_bind_text (fit, 3, due_text);
      if (open)
        demo_bind_text (fit, 4, opened);
      demo_bind_text (fit, 5, state);
      if (!demo_step (demo, fit, error))
        return FALSE;
      fitout_id = sqlite3_last_insert_rowid (demo->db);

      /* The shop front needed a second try; construction went through. */
      sqlite3_bind_int64 (drawing, 1, fitout_id);
      demo_bind_text (drawing, 2, "shop_front");
      sqlite3_bind_int (drawing, 3, 1);
      demo_bind_text (drawing, 4, v1);
      demo_bind_text (drawing, 5, "rejected");
      demo_bind_text (drawing, 6, "门头高度超出商场统一标准，请按 4.2 米修改");
      if (!demo_step (demo, drawing, error))
        return FALSE;
      sqlite3_bind_int64 (drawing, 1, fitout_id);
      demo_bind_text (drawing, 2, "shop_front");
      sqlite3_bind_int (drawing, 3, 2);
      demo_bind_text (drawing, 4, v2);
      demo_bind_text (drawing, 5, approved ? "submitted" : "approved");
      demo_bind_text (drawing, 6, "");
      if (!demo_step (demo, drawing, error))
        return FALSE;

      if (open)
        {
          sqlite3_bind_int64 (inspection, 1, fitout_id);
          demo_bind_text (inspection, 2, due_text);
          demo_bind_text (inspection, 3, "pass");
          demo_bind_text (inspection, 4, "消防、电气验收合格");
          demo_bind_text (inspection, 5, fitout_id % 2 == 0 ? "张工" : "刘工"); /* no draw: the stream stays */
          if (!demo_step (demo, inspection, error))
            return FALSE;
        }
    }
  return TRUE;
}

gboolean
demo_add_pipeline (Demo    *demo,
                   GError **error)
{
  static const char * const stages[] = { "contact", "contact", "negotiation", "negotiation", "intent", "approval", "signed", "dropped" };
  static const char * const sources[] = { "展会", "中介推荐", "主动来访", "品牌拓展", "老客户推荐" };
  static const char * const steps[] = { "等待品牌方总部回复", "约品牌方看场", "提交租赁方案审批", "发送合同草稿", "确认免租期" };
  static const char * const drop_reasons[] = { "租金预期差距大", "品牌方暂停拓店", "面积不匹配" };
  static const char * const notes[] = { "门店卫生检查合格", "顾客投诉排队时间过长", "消防通道堆放货物，已责令整改", "营业时间未按商场规定执行" };
  g_autoptr(sqlite3_stmt) brand = NULL;
  g_autoptr(sqlite3_stmt) prospect = NULL;
  g_autoptr(sqlite3_stmt) talk = NULL;
  g_autoptr(sqlite3_stmt) complaint = NULL;
  guint n_prospects = MAX (6, demo->units->len / 10);
  guint n_cats, n_stems;
  const PlazaDemoCategory *cats = plaza_demo_categories (&n_cats);
  const char * const *stems = plaza_demo_stems (&n_stems);

  brand = plaza_store_prepare (demo->store, "INSERT OR IGNORE INTO brands (name, category_id, tier, typical_area) "
                                            "VALUES (?, (SELECT id FROM categories WHERE name = ?), ?, ?)", error);
  prospect = plaza_store_prepare (demo->store,
                                  "INSERT INTO prospects (name, brand_id, category_id, wanted_area, contact, phone, source, stage, "
                                  "drop_reason, owner, created_at) VALUES (?, (SELECT id FROM brands WHERE name = ?1), "
                                  "(SELECT id FROM categories WHERE name = ?), ?, ?, ?, ?, ?, ?, ?, ?)", error);
  talk = plaza_store_prepare (demo->store,
                              "INSERT INTO negotiations (prospect_id, date, who, offer, next_step, next_date, offer_rent_fen) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  complaint = plaza_store_prepare (demo->store, "INSERT INTO complaints (tenant_id, date, kind, text, resolved, resolved_on) "
                                                "VALUES (?, ?, ?, ?, ?, ?)", error);
  if (brand == NULL || prospect == NULL || talk == NULL || complaint == NULL)
    return FALSE;

  for (guint i = 0; i < n_prospects; i++)
    {
      const PlazaDemoCategory *cat = &cats[demo_rand (demo) % n_cats];
      g_autofree char *name = g_strdup_printf ("%s%s", stems[demo_rand (demo) % n_stems], cat->words[0]);
      g_autofree char *person = demo_person (demo);
      g_autofree char *phone = demo_phone (demo);
      g_autofree char *created = demo_stamp (demo->today - demo_range (demo, 10, 200));
      const char *stage = stages[i % G_N_ELEMENTS (stages)];
      gint64 prospect_id;
      gint64 wanted;

      if (g_hash_table_contains (demo->names, name))
        continue;
      g_hash_table_add (demo->names, g_strdup (name));

      demo_bind_text (brand, 1, name);
      demo_bind_text (brand, 2, cat->name);
      demo_bind_text (brand, 3, demo_chance (demo, 30) ? "A" : "B");
      sqlite3_bind_int64 (brand, 4, (gint64) (cat->area_min + cat->area_max) * 50);
      if (!demo_step (demo, brand, error))
        return FALSE;

      demo_bind_text (prospect, 1, name);
      demo_bind_text (prospect, 2, cat->name);
      wanted = (gint64) demo_range (demo, cat->area_min, cat->area_max) * 100;
      sqlite3_bind_int64 (prospect, 3, wanted);
      demo_bind_text (prospect, 4, person);
      demo_bind_text (prospect, 5, phone);
      demo_bind_text (prospect, 6, sources[demo_rand (demo) % G_N_ELEMENTS (sources)]);
      demo_bind_text (prospect, 7, stage);
      demo_bind_text (prospect, 8, g_str_equal (stage, "dropped") ? drop_reasons[demo_rand (demo) % G_N_ELEMENTS (drop_reasons)] : "");
      demo_bind_text (prospect, 9, demo_chance (demo, 50) ? "lijun" : "wangfang");
      demo_bind_text (prospect, 10, created);
      if (!demo_step (demo, prospect, error))
        return FALSE;
      prospect_id = sqlite3_last_insert_rowid (demo->db);

      for (guint k = 0, n = demo_range (demo, 1, 3); k < n; k++)
        {
          guint32 day = demo->today - demo_range (demo, 1, 90);
          g_autofree char *date = demo_date (day);
          g_autofree char *offer = g_strdup_printf ("报价 %u.%u 元/㎡/天，免租 %u 个月", demo_range (demo, 3, 15),
                                                    demo_range (demo, 0, 9), demo_range (demo, 1, 3));
          /* The next date and the rent a month follow from what was drawn
           * (no more draws: the rest of the demo stays the same). */
          g_autofree char *next = demo_date (day + 7 + (i * 3 + k * 5) % 15);
          guint yuan = 0, jiao = 0;
          gint64 monthly;

          if (sscanf (offer, "报价 %u.%u", &yuan, &jiao) != 2)
            yuan = jiao = 0;
          /* fen a m² a day × area (hundredths of m²) × 365 / 12, half up */
          monthly = (((gint64) yuan * 100 + (gint64) jiao * 10) * wanted * 365 + 600) / 1200;

          sqlite3_bind_int64 (talk, 1, prospect_id);
          demo_bind_text (talk, 2, date);
          demo_bind_text (talk, 3, demo_chance (demo, 50) ? "李军" : "王芳");
          demo_bind_text (talk, 4, offer);
          demo_bind_text (talk, 5, steps[demo_rand (demo) % G_N_ELEMENTS (steps)]);
          demo_bind_text (talk, 6, next);
          sqlite3_bind_int64 (talk, 7, monthly);
          if (!demo_step (demo, talk, error))
            return FALSE;
        }
    }

  for (guint i = 0; i < demo->tenants->len; i += 9)
    {
      guint32 day = demo->today - demo_range (demo, 1, 300);
      g_autofree char *date = demo_date (day);
      g_autofree char *resolved_on = demo_date (MIN (demo->today, day + 1 + i % 14));
      guint which = demo_rand (demo) % G_N_ELEMENTS (notes);
      gboolean resolved;

      sqlite3_bind_int64 (complaint, 1, g_array_index (demo->tenants, DemoTenant, i).id);
      demo_bind_text (complaint, 2, date);
      demo_bind_text (complaint, 3, which == 0 ? "inspection" : "complaint");
      demo_bind_text (complaint, 4, notes[which]);
      resolved = demo_chance (demo, 70);
      sqlite3_bind_int (complaint, 5, resolved);
      if (resolved)
        demo_bind_text (complaint, 6, resolved_on);
      else
        sqlite3_bind_null (complaint, 6);
      if (!demo_step (demo, complaint, error))
        return FALSE;
    }

  {
    g_autofree char *noted = demo_date (demo->today - 30);
    g_autofree char *sql = g_strdup_printf (
      "INSERT INTO market_notes (competitor, category_id, date, text) VALUES "
      "('万象汇', (SELECT id FROM categories WHERE name = '咖啡茶饮'), '%1$s', '新开三家精品咖啡，客单价 35 元左右'), "
      "('银泰城', (SELECT id FROM categories WHERE name = '儿童零售'), '%1$s', '儿童业态扩容至整层，周末客流明显上升')",
      noted);

    if (!demo_exec (demo, sql, error))
      return FALSE;
  }

  return add_fitouts (demo, error) && demo_log (demo, "prospect", "leasing pipeline, fit-outs, complaints", error);
}
