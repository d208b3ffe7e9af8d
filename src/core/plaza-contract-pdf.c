/* plaza-contract-pdf.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The contract summary PDF: reads the contract, its tenant, units, terms,
 * schedule and events, words them in Chinese (the document is the tenant's;
 * the labels are fixed, not translated) and hands them to the drawing code.
 * Errors are for the clerk and go through gettext.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "plaza-date.h"
#include "plaza-contract.h"
#include "plaza-contract-pdf.h"
#include "plaza-contract-pdf-private.h"
#include "plaza-money.h"
#include "plaza-rent.h"

#define SCHEDULE_MONTHS 12

void
plaza_pdf_summary_free (PlazaPdfSummary *s)
{
  if (s == NULL)
    return;
  g_free (s->mall_name);
  g_free (s->mall_company);
  g_free (s->mall_address);
  g_free (s->title);
  g_free (s->code);
  g_free (s->state);
  g_clear_pointer (&s->parties, g_ptr_array_unref);
  g_clear_pointer (&s->period, g_ptr_array_unref);
  g_clear_pointer (&s->terms, g_ptr_array_unref);
  g_clear_pointer (&s->deposit, g_ptr_array_unref);
  g_clear_pointer (&s->units, g_ptr_array_unref);
  g_free (s->units_total);
  g_clear_pointer (&s->schedule, g_ptr_array_unref);
  g_free (s->schedule_note);
  g_clear_pointer (&s->events, g_ptr_array_unref);
  g_free (s->party_a);
  g_free (s->party_b);
  g_free (s);
}

static const char *
state_words (const char *state)
{
  static const char * const names[][2] = {
    { "draft", "草稿" }, { "submitted", "待审批" }, { "approved", "已批准" },
    { "active", "生效中" }, { "expired", "已到期" }, { "terminated", "已终止" },
    { "renewed", "已续签" }, { "rejected", "已驳回" }, { "done", "已完成" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (state, names[i][0]) == 0)
      return names[i][1];
  return state != NULL ? state : "";
}

static const char *
event_words (const char *kind)
{
  static const char * const names[][2] = {
    { "created", "创建草稿" }, { "submitted", "提交审批" }, { "approved", "审批通过" },
    { "rejected", "退回修改" }, { "activated", "合同生效" }, { "amendment", "合同变更" },
    { "renewal", "续签" }, { "termination", "提前终止" }, { "expired", "到期" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (kind, names[i][0]) == 0)
      return names[i][1];
  return kind != NULL ? kind : "";
}

static const char *
model_words (PlazaRentModel model)
{
  switch (model)
    {
    case PLAZA_RENT_MODEL_FIXED:
      return "固定租金";
    case PLAZA_RENT_MODEL_PERCENTAGE:
      return "扣点";
    case PLAZA_RENT_MODEL_HIGHER_OF:
      return "保底扣点取高";
    default:
      return "";
    }
}

static const char *
model_words_from_string (const char *model)
{
  if (g_strcmp0 (model, "percentage") == 0)
    return model_words (PLAZA_RENT_MODEL_PERCENTAGE);
  if (g_strcmp0 (model, "higher_of") == 0)
    return model_words (PLAZA_RENT_MODEL_HIGHER_OF);
  return model_words (PLAZA_RENT_MODEL_FIXED);
}

static const char *
unit_words (PlazaRentUnit unit)
{
  switch (unit)
    {
    case PLAZA_RENT_UNIT_M2_DAY:
      return "元/㎡/天";
    case PLAZA_RENT_UNIT_M2_MONTH:
      return "元/㎡/月";
    case PLAZA_RENT_UNIT_MONTH:
      return "元/月";
    default:
      return "";
    }
}

static char *
yuan (gint64 fen)
{
  return plaza_money_format (fen, TRUE);
}

static char *
iso_date (const GDate *date)
{
  char text[16];

  g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  return g_strdup (text);
}

/* "2026-03-15" → "2026年3月15日"; anything else as it is. */
static char *cn_gdate (const GDate *date);

static char *
cn_date (const char *iso)
{
  GDate date;

  if (iso == NULL || *iso == '\0')
    return g_strdup ("—");
  if (!plaza_date_parse (iso, &date))
    return g_strdup (iso);
  return cn_gdate (&date);
}

static char *
cn_gdate (const GDate *date)
{
  return g_strdup_printf ("%u年%u月%u日", (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date), (guint) g_date_get_day (date));
}

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? text : "");
}

static void
add_pair (GPtrArray  *pairs,
          const char *label,
          char       *value)  /* taken */
{
  g_ptr_array_add (pairs, g_strdup (label));
  g_ptr_array_add (pairs, value);
}

/* "36 个月（1,096 天）", or the days alone when the end is not a whole
 * number of months after the start. */
static char *
duration_words (const char *start,
                const char *end)
{
  GDate a, b, after;
  guint days, months;

  g_date_clear (&a, 1);
  g_date_clear (&b, 1);
  g_date_set_parse (&a, start);
  g_date_set_parse (&b, end);
  if (!g_date_valid (&a) || !g_date_valid (&b) || g_date_compare (&a, &b) > 0)
    return g_strdup ("—");
  days = (guint) g_date_days_between (&a, &b) + 1;
  after = b;
  g_date_add_days (&after, 1);
  months = (g_date_get_year (&after) - g_date_get_year (&a)) * 12
           + g_date_get_month (&after) - g_date_get_month (&a);
  if (g_date_get_day (&after) == g_date_get_day (&a) && months > 0)
    return g_strdup_printf ("%u 个月（共 %u 天）", months, days);
  return g_strdup_printf ("共 %u 天", days);
}

static char *
rate_words (gint64        fen,
            PlazaRentUnit unit)
{
  g_autofree char *amount = plaza_money_format (fen, FALSE);

  return g_strdup_printf ("%s %s", amount, unit_words (unit));
}

static char *
percentage_words (const PlazaRentTerms *terms)
{
  GString *s;

  if (terms->tiers == NULL || terms->tiers->len == 0)
    {
      g_autofree char *rate = plaza_percent_format (terms->percentage_bp);

      return g_strdup_printf ("销售额的 %s%%", rate);
    }
  s = g_string_new ("阶梯扣点：");
  for (guint i = 0; i < terms->tiers->len; i++)
    {
      const PlazaRentTier *tier = &g_array_index (terms->tiers, PlazaRentTier, i);
      g_autofree char *above = plaza_money_format (tier->above, FALSE);
      g_autofree char *rate = plaza_percent_format (tier->percent_bp);

      g_string_append_printf (s, "%s月销售额 %s 元以上部分 %s%%", i > 0 ? "；" : "", above, rate);
    }
  return g_string_free (s, FALSE);
}

static void
add_terms (PlazaPdfSummary      *s,
           const PlazaRentTerms *terms,
           gint64                monthly_rent)
{
  g_autofree char *area = plaza_area_format (terms->area);

  add_pair (s->terms, "经营模式", g_strdup (model_words (terms->model)));
  add_pair (s->terms, "计租面积", g_strdup_printf ("%s ㎡", area));
  if (terms->has_rent)
    {
      const char *label = terms->model == PLAZA_RENT_MODEL_HIGHER_OF ? "保底租金" : "租金标准";

      add_pair (s->terms, label, rate_words (terms->rent_amount, terms->rent_unit));
    }
  if (terms->has_percentage)
    add_pair (s->terms, "扣点", percentage_words (terms));
  if (monthly_rent > 0)
    {
      g_autofree char *rent = yuan (monthly_rent);

      add_pair (s->terms, "月租金（参考）", g_strdup_printf ("%s（签约时测算）", rent));
    }
  if (terms->escalation_months > 0)
    {
      g_autofree char *rate = plaza_percent_format (terms->escalation_bp);

      add_pair (s->terms, "租金递增",
                g_strdup_printf ("自起租日起每 %u 个月递增 %s%%（按上一期单价计，四舍五入到分）",
                                 terms->escalation_months, rate));
    }
  else
    add_pair (s->terms, "租金递增", g_strdup ("无"));

  if (terms->free->len == 0)
    add_pair (s->terms, "免租期", g_strdup ("无"));
  else
    {
      GString *text = g_string_new (NULL);

      for (guint i = 0; i < terms->free->len; i++)
        {
          const PlazaRentRange *range = &g_array_index (terms->free, PlazaRentRange, i);
          g_autofree char *from = cn_gdate (&range->from);
          g_autofree char *to = cn_gdate (&range->to);

          g_string_append_printf (text, "%s%s 至 %s（%d 天）", i > 0 ? "；" : "", from, to,
                                  g_date_days_between (&range->from, &range->to) + 1);
        }
      add_pair (s->terms, "免租期", g_string_free (text, FALSE));
    }

  if (terms->fees->len == 0)
    add_pair (s->terms, "其他费用", g_strdup ("无"));
  else
    {
      GString *text = g_string_new (NULL);

      for (guint i = 0; i < terms->fees->len; i++)
        {
          const PlazaRentFee *fee = &g_array_index (terms->fees, PlazaRentFee, i);
          g_autofree char *rate = rate_words (fee->amount, fee->unit);

          g_string_append_printf (text, "%s%s %s", i > 0 ? "；" : "", fee->name, rate);
        }
      g_string_append (text, "（按日计收，不适用免租期，不递增）");
      add_pair (s->terms, "其他费用", g_string_free (text, FALSE));
    }
}

static void
add_schedule (PlazaPdfSummary      *s,
              const PlazaRentTerms *terms)
{
  g_autoptr(GArray) schedule = NULL;
  g_autoptr(GError) error = NULL;
  gint64 sums[5] = { 0 };
  guint n;

  schedule = plaza_rent_schedule (terms, NULL, &error);
  if (schedule == NULL)
    {
      s->schedule_note = g_strdup_printf ("租金计划无法计算：%s", error->message);
      return;
    }

  n = MIN (schedule->len, SCHEDULE_MONTHS);
  for (guint i = 0; i < n; i++)
    {
      const PlazaRentPeriod *p = &g_array_index (schedule, PlazaRentPeriod, i);
      g_autofree char *from = iso_date (&p->from);
      g_autofree char *to = iso_date (&p->to);
      char **row = g_new0 (char *, 10);

      row[0] = g_strdup (p->month);
      row[1] = g_strdup_printf ("%s 至 %s", from + 5, to + 5);
      row[2] = g_strdup_printf ("%u", p->days);
      row[3] = g_strdup_printf ("%u", p->rent_days);
      row[4] = plaza_money_format (p->base_rent, FALSE);
      row[5] = plaza_money_format (p->percentage_rent, FALSE);
      row[6] = plaza_money_format (p->rent, FALSE);
      row[7] = plaza_money_format (p->fees, FALSE);
      row[8] = plaza_money_format (p->total, FALSE);
      g_ptr_array_add (s->schedule, row);
      sums[0] += p->base_rent;
      sums[1] += p->percentage_rent;
      sums[2] += p->rent;
      sums[3] += p->fees;
      sums[4] += p->total;
    }
  if (n > 0)
    {
      char **row = g_new0 (char *, 10);

      row[0] = g_strdup ("合计");
      row[1] = g_strdup ("");
      row[2] = g_strdup ("");
      row[3] = g_strdup ("");
      for (guint i = 0; i < 5; i++)
        row[4 + i] = plaza_money_format (sums[i], FALSE);
      g_ptr_array_add (s->schedule, row);
    }

  if (terms->model != PLAZA_RENT_MODEL_FIXED)
    s->schedule_note = g_strdup_printf ("金额单位：元。合同期共 %u 期，此处列出前 %u 期。扣点租金按当月实际销售额结算，"
                                        "下表按零销售额测算%s。",
                                        schedule->len, n,
                                        terms->model == PLAZA_RENT_MODEL_HIGHER_OF ? "，即保底租金" : "");
  else
    s->schedule_note = g_strdup_printf ("金额单位：元。合同期共 %u 期，此处列出前 %u 期。", schedule->len, n);
}

static gboolean
load_units (PlazaStore       *store,
            gint64            id,
            gboolean          gross,
            PlazaPdfSummary  *s,
            GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 total = 0;
  guint n = 0;
  int rc;
  g_autofree char *total_text = NULL;

  stmt = plaza_store_prepare (store,
                              "SELECT u.code, f.label, u.gross_area, u.rentable_area, cu.area "
                              "FROM contract_units cu JOIN units u ON u.id = cu.unit_id "
                              "JOIN floors f ON f.id = u.floor_id "
                              "WHERE cu.contract_id = ? ORDER BY f.level, u.code", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      char **row = g_new0 (char *, 6);

      row[0] = column_text (stmt, 0);
      row[1] = column_text (stmt, 1);
      row[2] = plaza_area_format (sqlite3_column_int64 (stmt, 2));
      row[3] = plaza_area_format (sqlite3_column_int64 (stmt, 3));
      row[4] = plaza_area_format (sqlite3_column_int64 (stmt, 4));
      total += sqlite3_column_int64 (stmt, 4);
      n++;
      g_ptr_array_add (s->units, row);
    }
  if (rc != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);

  total_text = plaza_area_format (total);
  s->units_total = g_strdup_printf ("共 %u 个铺位，合同面积合计 %s ㎡（按%s计）", n, total_text,
                                    gross ? "建筑面积" : "计租面积");
  return TRUE;
}

/* "2026-05-04T01:44:00Z" → "2026-05-04 09:44" in the local time zone. */
static char *
local_time (const char *at)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (at, NULL);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (at);
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

/* The effective dates of the approved amendments, "2027-01-01、2028-03-01",
 * or NULL when there are none. */
static char *
amendment_dates (PlazaStore *store,
                 gint64      id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GString *dates = NULL;

  stmt = plaza_store_prepare (store,
                              "SELECT DISTINCT effective_date FROM contract_events "
                              "WHERE contract_id = ? AND kind = 'amendment' AND state IN ('approved', 'done') "
                              "AND effective_date IS NOT NULL ORDER BY effective_date", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (dates == NULL)
        dates = g_string_new (NULL);
      else
        g_string_append (dates, "、");
      g_string_append (dates, (const char *) sqlite3_column_text (stmt, 0));
    }
  return dates != NULL ? g_string_free (dates, FALSE) : NULL;
}

static gboolean
load_events (PlazaStore       *store,
             gint64            id,
             PlazaPdfSummary  *s,
             GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = plaza_store_prepare (store,
                              "SELECT kind, state, effective_date, comment, user, at "
                              "FROM contract_events WHERE contract_id = ? ORDER BY at, id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *kind = column_text (stmt, 0);
      g_autofree char *state = column_text (stmt, 1);
      g_autofree char *effective = column_text (stmt, 2);
      g_autofree char *comment = column_text (stmt, 3);
      g_autofree char *at = column_text (stmt, 5);
      char **row = g_new0 (char *, 6);

      row[0] = local_time (at);
      row[1] = g_strdup (event_words (kind));
      row[2] = g_strdup (state_words (state));
      row[3] = column_text (stmt, 4);
      if ((g_str_equal (kind, "amendment") || g_str_equal (kind, "termination")) && *effective != '\0')
        row[4] = g_strdup_printf ("生效日期 %s%s%s", effective, *comment != '\0' ? "；" : "", comment);
      else
        row[4] = g_steal_pointer (&comment);
      g_ptr_array_add (s->events, row);
    }
  if (rc != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  return TRUE;
}

static char *
setting_or (PlazaStore *store,
            const char *key,
            const char *fallback)
{
  char *value = plaza_store_get_setting (store, key);

  if (value == NULL || *value == '\0')
    {
      g_free (value);
      return g_strdup (fallback);
    }
  return value;
}

static PlazaPdfSummary *
load_summary (PlazaStore  *store,
              gint64       id,
              GError     **error)
{
  g_autoptr(PlazaPdfSummary) s = g_new0 (PlazaPdfSummary, 1);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(PlazaRentTerms) terms = NULL;
  g_autoptr(GError) terms_error = NULL;
  g_autofree char *kind = NULL, *state = NULL, *model = NULL, *start = NULL, *end = NULL;
  g_autofree char *basis = NULL, *terms_json = NULL, *signed_on = NULL, *terminated_on = NULL;
  g_autofree char *termination_reason = NULL, *previous = NULL;
  g_autofree char *tenant = NULL, *tenant_code = NULL, *credit_code = NULL, *brand = NULL;
  gint64 monthly_rent, deposit, late_bp, late_grace, late_cap, notice_months;
  gboolean lease;

  stmt = plaza_store_prepare (store,
                              "SELECT c.code, c.kind, c.state, c.model, c.start_date, c.end_date, c.area_basis, "
                              "       c.terms_json, c.monthly_rent, c.deposit_amount, c.late_fee_bp_per_day, "
                              "       c.late_fee_grace_days, c.late_fee_cap, c.renewal_notice_months, "
                              "       c.signed_on, c.terminated_on, c.termination_reason, p.code, "
                              "       t.name, t.code, t.credit_code, b.name "
                              "FROM contracts c JOIN tenants t ON t.id = c.tenant_id "
                              "LEFT JOIN brands b ON b.id = c.brand_id "
                              "LEFT JOIN contracts p ON p.id = c.previous_contract_id "
                              "WHERE c.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND,
                   _("There is no contract with id %lld."), (long long) id);
      return NULL;
    }

  s->code = column_text (stmt, 0);
  kind = column_text (stmt, 1);
  state = column_text (stmt, 2);
  model = column_text (stmt, 3);
  start = column_text (stmt, 4);
  end = column_text (stmt, 5);
  basis = column_text (stmt, 6);
  terms_json = column_text (stmt, 7);
  monthly_rent = sqlite3_column_int64 (stmt, 8);
  deposit = sqlite3_column_int64 (stmt, 9);
  late_bp = sqlite3_column_int64 (stmt, 10);
  late_grace = sqlite3_column_int64 (stmt, 11);
  late_cap = sqlite3_column_int64 (stmt, 12);
  notice_months = sqlite3_column_int64 (stmt, 13);
  signed_on = column_text (stmt, 14);
  terminated_on = column_text (stmt, 15);
  termination_reason = column_text (stmt, 16);
  previous = column_text (stmt, 17);
  tenant = column_text (stmt, 18);
  tenant_code = column_text (stmt, 19);
  credit_code = column_text (stmt, 20);
  brand = column_text (stmt, 21);
  g_clear_pointer (&stmt, sqlite3_finalize);

  lease = !g_str_equal (kind, "concession");
  s->concession = !lease;
  s->title = g_strdup (lease ? "租赁合同摘要" : "联营合同摘要");
  s->state = g_strdup (state_words (state));
  s->mall_name = setting_or (store, "mall.name", "");
  s->mall_company = setting_or (store, "mall.company", s->mall_name);
  s->mall_address = setting_or (store, "mall.address", "");
  s->party_a = g_strdup (s->mall_company);
  s->party_b = g_strdup (tenant);

  s->parties = g_ptr_array_new_with_free_func (g_free);
  s->period = g_ptr_array_new_with_free_func (g_free);
  s->terms = g_ptr_array_new_with_free_func (g_free);
  s->deposit = g_ptr_array_new_with_free_func (g_free);
  s->units = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  s->schedule = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  s->events = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  add_pair (s->parties, lease ? "甲方（出租方）" : "甲方（商场方）", g_strdup (s->mall_company));
  if (*s->mall_address != '\0')
    add_pair (s->parties, "地址", g_strdup (s->mall_address));
  add_pair (s->parties, lease ? "乙方（承租方）" : "乙方（联营方）", g_strdup (tenant));
  add_pair (s->parties, "统一社会信用代码", g_strdup (*credit_code != '\0' ? credit_code : "—"));
  add_pair (s->parties, "商户编号", g_strdup (tenant_code));
  if (*brand != '\0')
    add_pair (s->parties, "经营品牌", g_strdup (brand));

  add_pair (s->period, "起始日期", cn_date (start));
  add_pair (s->period, "终止日期", cn_date (end));
  add_pair (s->period, "租赁期限", duration_words (start, end));
  if (*signed_on != '\0')
    add_pair (s->period, "签约日期", cn_date (signed_on));
  if (*previous != '\0')
    add_pair (s->period, "续签自", g_strdup_printf ("原合同 %s", previous));
  add_pair (s->period, "续租通知", g_strdup_printf ("如需续签，乙方应于合同到期前 %lld 个月书面提出",
                                                   (long long) notice_months));
  if (*terminated_on != '\0')
    {
      g_autofree char *date = cn_date (terminated_on);

      add_pair (s->period, "提前终止",
                g_strdup_printf ("%s%s%s", date, *termination_reason != '\0' ? "，原因：" : "",
                                 termination_reason));
    }

  terms = plaza_rent_terms_new_from_json (terms_json, -1, &terms_error);
  if (terms != NULL)
    {
      g_autofree char *amended = amendment_dates (store, id);

      add_terms (s, terms, monthly_rent);
      add_schedule (s, terms);
      if (amended != NULL)
        {
          char *with_note = g_strdup_printf ("%s合同已有变更（生效日期 %s），本表按签约条款测算，变更后的租金以变更协议为准。",
                                             s->schedule_note != NULL ? s->schedule_note : "", amended);

          g_free (s->schedule_note);
          s->schedule_note = with_note;
          add_pair (s->terms, "合同变更", g_strdup_printf ("已批准变更自 %s 起生效，见合同记录", amended));
        }
    }
  else
    {
      add_pair (s->terms, "经营模式", g_strdup (model_words_from_string (model)));
      add_pair (s->terms, "租金条款", g_strdup_printf ("条款不完整：%s", terms_error->message));
      s->schedule_note = g_strdup ("租金条款不完整，无法测算租金计划。");
    }

  {
    g_autofree char *amount = yuan (deposit);
    g_autofree char *held = yuan (plaza_contract_deposit_balance (store, id));
    g_autofree char *rate = plaza_percent_format (late_bp);
    g_autofree char *cap_amount = late_cap > 0 ? yuan (late_cap) : NULL;
    g_autofree char *cap = late_cap > 0 ? g_strdup_printf ("累计上限 %s", cap_amount) : g_strdup ("不设累计上限");

    add_pair (s->deposit, "保证金", g_strdup_printf ("%s（当前余额 %s）", amount, held));
    add_pair (s->deposit, "滞纳金",
              g_strdup_printf ("逾期未付款项按每日 %s%% 计收，宽限期 %lld 天，%s",
                               rate, (long long) late_grace, cap));
  }

  if (!load_units (store, id, g_str_equal (basis, "gross"), s, error) ||
      !load_events (store, id, s, error))
    return NULL;

  return g_steal_pointer (&s);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static cairo_status_t
discard_bytes (void                *closure G_GNUC_UNUSED,
               const unsigned char *data G_GNUC_UNUSED,
               unsigned int         length G_GNUC_UNUSED)
{
  return CAIRO_STATUS_SUCCESS;
}

/* A4 in points. */
#define A4_WIDTH  595.2756
#define A4_HEIGHT 841.8898

GBytes *
plaza_contract_pdf_render (PlazaStore  *store,
                           gint64       contract_id,
                           GError     **error)
{
  g_autoptr(PlazaPdfSummary) summary = NULL;
  g_autoptr(GByteArray) bytes = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  guint n_pages;

  g_return_val_if_fail (PLAZA_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  summary = load_summary (store, contract_id, error);
  if (summary == NULL)
    return NULL;

  /* First pass: count the pages for "共 N 页". */
  surface = cairo_pdf_surface_create_for_stream (discard_bytes, NULL, A4_WIDTH, A4_HEIGHT);
  n_pages = plaza_pdf_summary_draw (summary, surface, 0);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);

  bytes = g_byte_array_new ();
  surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, A4_WIDTH, A4_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, summary->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, summary->code);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Plaza " PACKAGE_VERSION);
  plaza_pdf_summary_draw (summary, surface, n_pages);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_FAILED,
                   _("Could not draw the contract summary: %s"), cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

gboolean
plaza_contract_pdf_write (PlazaStore  *store,
                          gint64       contract_id,
                          const char  *pdf_path,
                          GError     **error)
{
  g_autoptr(GBytes) pdf = NULL;
  gsize size = 0;
  const char *data;
  FILE *out;
  gboolean ok;
  int saved_errno;

  g_return_val_if_fail (pdf_path != NULL, FALSE);

  pdf = plaza_contract_pdf_render (store, contract_id, error);
  if (pdf == NULL)
    return FALSE;
  data = g_bytes_get_data (pdf, &size);

  out = g_fopen (pdf_path, "wb");
  if (out == NULL)
    {
      saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not write “%s”: %s"), pdf_path, g_strerror (saved_errno));
      return FALSE;
    }
  ok = fwrite (data, 1, size, out) == size;
  saved_errno = errno;
  if (fclose (out) != 0 && ok)
    {
      ok = FALSE;
      saved_errno = errno;
    }
  if (!ok)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not write “%s”: %s"), pdf_path, g_strerror (saved_errno));
      g_remove (pdf_path);
      return FALSE;
    }
  return TRUE;
}
