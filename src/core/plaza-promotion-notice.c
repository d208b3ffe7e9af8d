/* plaza-promotion-notice.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The participation notices (促销活动参与通知书): one A4 page per tenant
 * taking part in a promotion (not declined), laid out with PangoCairo like
 * the contract summary: the mall, the title, the tenant addressed, the
 * promotion (name, theme, dates, mechanics), the tenant's own offer, units
 * and promotion fee with the month it is billed, the date to confirm by
 * (seven days before the start), and a reply slip to sign and return to the
 * commercial department.
 *
 * The notice is the tenants' document and is always in Chinese, whatever
 * the UI language: its fixed words are not translated and are kept together
 * in the L_ constants below (the one place to change them). Errors are for
 * the clerk and go through gettext. The font is PLAZA_DOCUMENT_FONT (see
 * plaza-pdf.h for why it is not Noto Sans CJK first); the PDF surface, text
 * and Chinese dates are plaza-document.h's, shared with the dunning letters
 * and settlement sheets.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "plaza-date.h"
#include "plaza-document.h"
#include "plaza-money.h"
#include "plaza-promotion-notice.h"
#include "plaza-promotion-notice-private.h"

#define PAGE_WIDTH    595.2756
#define PAGE_HEIGHT   841.8898
#define MARGIN_X      64.0
#define MARGIN_TOP    56.0
#define CONTENT_WIDTH (PAGE_WIDTH - 2 * MARGIN_X)
#define BODY_SIZE     10.5
#define LABEL_WIDTH   92.0
#define CONFIRM_DAYS  7

/* Every fixed word of the notice, in one place: it is a document template in
 * Chinese, not UI text (see the file comment). The formats take the values
 * named after them, in order. */
#define L_TITLE            "促销活动参与通知书"
#define L_TO               "致：%s"  /* tenant name */
#define L_TENANT_CODE      "（商户编号：%s）"  /* tenant code */
#define L_CONTACT          "联系人：%s"  /* contact and phone */
#define L_GREETING         "感谢贵方一直以来对本商场的支持！本商场定于 %s 至 %s 举办“%s”" \
                           "促销活动，诚邀贵方参与，有关事项详见下表。"  /* start, end, promotion name */
#define L_DETAILS          "活动内容"
#define L_NAME             "活动名称"
#define L_THEME            "活动主题"
#define L_DATES            "活动时间"
#define L_DATES_VALUE      "%s 至 %s"  /* start, end */
#define L_MECHANICS        "活动形式"
#define L_UNITS            "参与铺位"
#define L_OFFER            "贵方优惠内容"
#define L_FEE              "推广费"
#define L_FEE_VALUE        "%s（将计入贵方 %s 账单，随当月租金一并收取）"  /* amount, month of the bill */
#define L_NO_FEE           "无"
#define L_CONFIRM          "确认期限"
#define L_CONFIRM_VALUE    "请于 %s 前确认"  /* date */
#define L_CLOSING          "请于上述期限前填写下方回执，签字盖章后交回商务部。" \
                           "若有疑问，请与商务部联系。"
#define L_DEPARTMENT       "商务部"
#define L_CUT              "（请沿此线剪下）"
#define L_SLIP_TITLE       "回　执"
#define L_SLIP_TEXT        "本商户 %s 确认参加“%s”促销活动（%s 至 %s），同意上述优惠内容及推广费。"  /* tenant, promotion name, start, end */
#define L_SLIP_STAMP       "商户（盖章）："
#define L_SLIP_SIGNATURE   "负责人签字："
#define L_SLIP_DATE        "日期：　　　　年　　月　　日"
#define L_NONE             "—"

static const char *
mechanics_words (const char *mechanics)
{
  static const char * const names[][2] = {
    { "spend_save", "满额立减" }, { "discount", "折扣优惠" }, { "gift", "满额赠礼" },
    { "points", "会员积分" }, { "event", "主题活动" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (mechanics, names[i][0]) == 0)
      return names[i][1];
  return mechanics != NULL ? mechanics : "";
}

static void
paragraph (PlazaDocument *p,
           const char    *str,
           double         after)
{
  p->y += plaza_document_show (p, MARGIN_X, CONTENT_WIDTH, str, BODY_SIZE, FALSE, PANGO_ALIGN_LEFT) + after;
}

/* A row of the details table: a bold label and its value, ruled below. */
static void
field (PlazaDocument *p,
       const char    *label,
       const char    *value)
{
  double h, v;

  p->y += 4;
  h = plaza_document_show (p, MARGIN_X + 6, LABEL_WIDTH - 6, label, BODY_SIZE, TRUE, PANGO_ALIGN_LEFT);
  v = plaza_document_show (p, MARGIN_X + LABEL_WIDTH, CONTENT_WIDTH - LABEL_WIDTH,
                           value != NULL && *value != '\0' ? value : L_NONE, BODY_SIZE, FALSE, PANGO_ALIGN_LEFT);
  p->y += MAX (h, v) + 4;
  cairo_set_source_rgb (p->cr, 0.75, 0.75, 0.75);
  cairo_set_line_width (p->cr, 0.5);
  cairo_move_to (p->cr, MARGIN_X, p->y);
  cairo_line_to (p->cr, MARGIN_X + CONTENT_WIDTH, p->y);
  cairo_stroke (p->cr);
  cairo_set_source_rgb (p->cr, 0, 0, 0);
}

static void
draw_notice (PlazaDocument                *p,
             const char                   *mall_name,
             const PlazaNoticePromotion   *promo,
             const PlazaNoticeParticipant *who,
             const char                   *today)
{
  g_autofree char *start = plaza_document_cn_date (promo->start_date);
  g_autofree char *end = plaza_document_cn_date (promo->end_date);
  g_autofree char *to = g_strdup_printf (L_TO, who->tenant_name);
  g_autofree char *code = g_strdup_printf (L_TENANT_CODE, who->tenant_code);
  g_autofree char *to_line = g_strconcat (to, code, NULL);
  g_autofree char *contact_value = g_strjoin (" ", who->contact, who->phone, NULL);
  g_autofree char *contact = NULL;
  g_autofree char *greeting = g_strdup_printf (L_GREETING, start, end, promo->name);
  g_autofree char *dates = g_strdup_printf (L_DATES_VALUE, start, end);
  g_autofree char *fee = NULL;
  g_autofree char *confirm = NULL;
  g_autofree char *slip = g_strdup_printf (L_SLIP_TEXT, who->tenant_name, promo->name, start, end);
  g_autofree char *signed_by = g_strconcat (mall_name, L_DEPARTMENT, NULL);
  GDate date;
  double x;

  g_strstrip (contact_value);
  if (*contact_value != '\0')
    contact = g_strdup_printf (L_CONTACT, contact_value);
  if (who->fee != 0)
    {
      g_autofree char *amount = plaza_money_format (who->fee, TRUE);
      g_autofree char *month = NULL;

      if (plaza_date_parse (promo->start_date, &date))
        month = g_strdup_printf ("%u年%u月", (guint) g_date_get_year (&date), (guint) g_date_get_month (&date));
      fee = g_strdup_printf (L_FEE_VALUE, amount, month != NULL ? month : promo->start_date);
    }
  if (plaza_date_parse (promo->start_date, &date))
    {
      g_autofree char *by = NULL;

      g_date_subtract_days (&date, CONFIRM_DAYS);
      by = plaza_document_cn_gdate (&date);
      confirm = g_strdup_printf (L_CONFIRM_VALUE, by);
    }

  p->y = MARGIN_TOP;
  p->y += plaza_document_show (p, MARGIN_X, CONTENT_WIDTH, mall_name, 13, TRUE, PANGO_ALIGN_CENTER) + 10;
  p->y += plaza_document_show (p, MARGIN_X, CONTENT_WIDTH, L_TITLE, 20, TRUE, PANGO_ALIGN_CENTER) + 4;
  p->y += plaza_document_show (p, MARGIN_X, CONTENT_WIDTH, promo->code, 8.5, FALSE, PANGO_ALIGN_CENTER) + 18;

  p->y += plaza_document_show (p, MARGIN_X, CONTENT_WIDTH, to_line, 12, TRUE, PANGO_ALIGN_LEFT) + 2;
  if (contact != NULL)
    paragraph (p, contact, 0);
  p->y += 10;
  paragraph (p, greeting, 10);

  p->y += plaza_document_show (p, MARGIN_X, CONTENT_WIDTH, L_DETAILS, 11.5, TRUE, PANGO_ALIGN_LEFT) + 2;
  cairo_set_line_width (p->cr, 1.0);
  cairo_move_to (p->cr, MARGIN_X, p->y);
  cairo_line_to (p->cr, MARGIN_X + CONTENT_WIDTH, p->y);
  cairo_stroke (p->cr);
  field (p, L_NAME, promo->name);
  if (*promo->theme != '\0')
    field (p, L_THEME, promo->theme);
  field (p, L_DATES, dates);
  field (p, L_MECHANICS, mechanics_words (promo->mechanics));
  field (p, L_UNITS, who->units);
  field (p, L_OFFER, who->offer);
  field (p, L_FEE, fee != NULL ? fee : L_NO_FEE);
  field (p, L_CONFIRM, confirm);
  p->y += 12;
  paragraph (p, L_CLOSING, 16);

  p->y += plaza_document_show (p, MARGIN_X, CONTENT_WIDTH, signed_by, BODY_SIZE, FALSE, PANGO_ALIGN_RIGHT) + 2;
  p->y += plaza_document_show (p, MARGIN_X, CONTENT_WIDTH, today, BODY_SIZE, FALSE, PANGO_ALIGN_RIGHT);

  /* The reply slip, at the foot of the page below a dashed cut line. */
  p->y = MAX (p->y + 24, PAGE_HEIGHT - 250);
  cairo_save (p->cr);
  cairo_set_dash (p->cr, (const double[]) { 4, 3 }, 2, 0);
  cairo_set_line_width (p->cr, 0.6);
  cairo_move_to (p->cr, MARGIN_X - 20, p->y);
  cairo_line_to (p->cr, PAGE_WIDTH - MARGIN_X + 20, p->y);
  cairo_stroke (p->cr);
  cairo_restore (p->cr);
  p->y += 3;
  p->y += plaza_document_show (p, MARGIN_X, CONTENT_WIDTH, L_CUT, 7.5, FALSE, PANGO_ALIGN_CENTER) + 12;
  p->y += plaza_document_show (p, MARGIN_X, CONTENT_WIDTH, L_SLIP_TITLE, 15, TRUE, PANGO_ALIGN_CENTER) + 12;
  paragraph (p, slip, 36);

  x = MARGIN_X + CONTENT_WIDTH / 2;
  plaza_document_show (p, MARGIN_X, CONTENT_WIDTH / 2, L_SLIP_STAMP, BODY_SIZE, FALSE, PANGO_ALIGN_LEFT);
  p->y += plaza_document_show (p, x, CONTENT_WIDTH / 2, L_SLIP_SIGNATURE, BODY_SIZE, FALSE, PANGO_ALIGN_LEFT) + 2;
  cairo_set_line_width (p->cr, 0.6);
  cairo_move_to (p->cr, MARGIN_X + 70, p->y);
  cairo_line_to (p->cr, x - 16, p->y);
  cairo_move_to (p->cr, x + 64, p->y);
  cairo_line_to (p->cr, MARGIN_X + CONTENT_WIDTH, p->y);
  cairo_stroke (p->cr);
  p->y += 26;
  plaza_document_show (p, x, CONTENT_WIDTH / 2, L_SLIP_DATE, BODY_SIZE, FALSE, PANGO_ALIGN_LEFT);
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

gboolean
plaza_promotion_write_notices (PlazaStore  *store,
                               gint64       id,
                               const char  *pdf_path,
                               GError     **error)
{
  g_autoptr(PlazaNoticePromotion) promo = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *mall_name = NULL;
  g_autofree char *today = NULL;
  g_autofree char *subject = NULL;
  PlazaDocument *doc;
  guint n_pages = 0;
  GDate date;

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);
  g_return_val_if_fail (pdf_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  promo = plaza_notice_promotion_load (store, id, error);
  if (promo == NULL)
    return FALSE;
  for (guint i = 0; i < promo->participants->len; i++)
    if (!g_str_equal (((PlazaNoticeParticipant *) g_ptr_array_index (promo->participants, i))->status,
                      "declined"))
      n_pages++;
  if (n_pages == 0)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                   _("Promotion %s has no participants to notify (none, or all declined)."), promo->code);
      return FALSE;
    }

  mall_name = setting_or (store, "mall.name", "");
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
  today = plaza_document_cn_gdate (&date);
  subject = g_strdup_printf ("%s %s", promo->code, promo->name);

  doc = plaza_document_new (L_TITLE, subject);
  for (guint i = 0; i < promo->participants->len; i++)
    {
      const PlazaNoticeParticipant *who = g_ptr_array_index (promo->participants, i);

      if (g_str_equal (who->status, "declined"))
        continue;
      draw_notice (doc, mall_name, promo, who, today);
      cairo_show_page (doc->cr);
    }
  bytes = plaza_document_finish (doc, error);
  return bytes != NULL && plaza_document_write_file (pdf_path, bytes, error);
}
