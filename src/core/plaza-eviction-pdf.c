/* plaza-eviction-pdf.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The eviction notice letter (清退通知书, see plaza-eviction.h): the
 * letterhead from the settings, the tenant and its contract, the reason,
 * the deadline, the handover requirements and what becomes of the deposit
 * (plaza_eviction_preview on the day it is printed). The letter is the
 * tenant's document and always in Chinese: its fixed words are the L_
 * constants below, as in plaza-dunning.c.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "plaza-document.h"
#include "plaza-eviction.h"
#include "plaza-money.h"

#define X0     PLAZA_DOC_MARGIN_X
#define WIDTH  PLAZA_DOC_CONTENT_WIDTH
#define BODY   10.5

#define L_TITLE       "清退通知书"
#define L_NUMBER      "编号：QT-%s-%04lld"  /* year, eviction id */
#define L_TO          "致：%s（商户编号：%s）"  /* tenant name, code */
#define L_CONTRACT    "合同编号：%s　　铺位：%s　　租期：%s 至 %s"  /* code, units, start, end */
#define L_OPENING     "根据贵我双方签订的租赁合同（合同编号：%s）及本商场的经营管理规定，因以下原因，" \
                      "本商场决定与贵方解除上述合同，收回铺位 %s："  /* code, units */
#define L_REASON_HEAD "一、清退原因"
#define L_DEADLINE_HEAD "二、撤场期限"
#define L_DEADLINE    "请贵方自本通知发出之日（%s）起，于 %s 前完成撤场并办理铺位交接手续。" \
                      "逾期未撤场的，本商场将依照合同约定及有关规定处理，由此产生的费用和损失由贵方承担。"  /* notice, deadline */
#define L_HANDOVER_HEAD "三、交接要求"
#define L_HANDOVER_1  "1. 撤出全部商品、货架及个人物品，清理铺位内垃圾；"
#define L_HANDOVER_2  "2. 按合同约定拆除装修或恢复原状，不得损坏商场公共设施及隔墙、消防、水电设备；"
#define L_HANDOVER_3  "3. 结清截至交接日的租金、物业管理费、水电费等全部应付款项；"
#define L_HANDOVER_4  "4. 交还钥匙、门禁卡及商场配发的物品，注销以本铺位地址办理的相关证照或办理迁移；"
#define L_HANDOVER_5  "5. 由双方现场验收并签署《铺位交接确认书》，交接日即为合同终止日。"
#define L_DEPOSIT_HEAD "四、保证金处理"
#define L_DEPOSIT     "贵方就本合同缴纳的保证金余额为 %s。截至 %s，贵方在本合同项下尚欠款项 %s。" \
                      "交接完成后，保证金将首先抵扣贵方所欠全部款项（含交接日前产生的费用），" \
                      "按目前欠款计算抵扣 %s，余额 %s 将于交接验收合格后无息退还至贵方账户。"  /* held, date, open, offset, refund */
#define L_DEPOSIT_NONE "本合同项下未持有贵方保证金。截至 %s，贵方尚欠款项 %s，请于交接前结清。"  /* date, open */
#define L_QUESTIONS   "如有疑问，请与商务部联系（电话：%s）。"  /* phone */
#define L_QUESTIONS_NP "如有疑问，请与商务部联系。"
#define L_SO          "特此通知。"
#define L_DEPARTMENT  "商务部"
#define L_STAMP       "（盖章）"
#define L_RECEIPT     "商户签收：＿＿＿＿＿＿＿＿　　签收日期：＿＿＿＿年＿＿月＿＿日"

static void
para (PlazaDocument *doc,
      double         indent,
      const char    *str,
      gboolean       bold,
      double         after)
{
  doc->y += plaza_document_show (doc, X0 + indent, WIDTH - indent, str, BODY, bold, PANGO_ALIGN_LEFT) + after;
}

static void
draw_notice (PlazaDocument                 *doc,
             const PlazaLetterhead         *head,
             const PlazaEviction           *e,
             const PlazaEvictionSettlement *s)
{
  g_autofree char *notice_cn = plaza_document_cn_date (e->notice_date);
  g_autofree char *deadline_cn = plaza_document_cn_date (e->deadline);
  g_autofree char *start_cn = plaza_document_cn_date (e->contract_start);
  g_autofree char *end_cn = plaza_document_cn_date (e->contract_end);
  g_autofree char *year = g_strndup (e->notice_date, 4);
  g_autofree char *number = g_strdup_printf (L_NUMBER, year, (long long) e->id);
  g_autofree char *to = g_strdup_printf (L_TO, e->tenant_name, e->tenant_code);
  const char *units = *e->units != '\0' ? e->units : "—";
  g_autofree char *contract = g_strdup_printf (L_CONTRACT, e->contract_code, units, start_cn, end_cn);
  g_autofree char *opening = g_strdup_printf (L_OPENING, e->contract_code, units);
  g_autofree char *deadline = g_strdup_printf (L_DEADLINE, notice_cn, deadline_cn);
  g_autofree char *held = plaza_money_format (s->deposit, TRUE);
  g_autofree char *open = plaza_money_format (s->open, TRUE);
  g_autofree char *offset = plaza_money_format (s->offset, TRUE);
  g_autofree char *refund = plaza_money_format (s->refund, TRUE);
  g_autofree char *deposit = s->deposit > 0 ? g_strdup_printf (L_DEPOSIT, held, notice_cn, open, offset, refund)
                                            : g_strdup_printf (L_DEPOSIT_NONE, notice_cn, open);
  g_autofree char *questions = *head->phone != '\0' ? g_strdup_printf (L_QUESTIONS, head->phone) : g_strdup (L_QUESTIONS_NP);
  g_autofree char *signed_by = g_strconcat (head->name, *head->department != '\0' ? head->department : L_DEPARTMENT, NULL);
  const char *handover[] = { L_HANDOVER_1, L_HANDOVER_2, L_HANDOVER_3, L_HANDOVER_4, L_HANDOVER_5 };

  plaza_document_letterhead (doc, head);
  doc->y += plaza_document_show (doc, X0, WIDTH, L_TITLE, 22, TRUE, PANGO_ALIGN_CENTER) + 2;
  doc->y += plaza_document_show (doc, X0, WIDTH, number, 8.5, FALSE, PANGO_ALIGN_RIGHT) + 12;
  doc->y += plaza_document_show (doc, X0, WIDTH, to, 12, TRUE, PANGO_ALIGN_LEFT) + 2;
  para (doc, 0, contract, FALSE, 10);
  para (doc, 2 * BODY, opening, FALSE, 10);

  para (doc, 0, L_REASON_HEAD, TRUE, 4);
  para (doc, 2 * BODY, e->reason, FALSE, 10);
  para (doc, 0, L_DEADLINE_HEAD, TRUE, 4);
  para (doc, 2 * BODY, deadline, FALSE, 10);
  para (doc, 0, L_HANDOVER_HEAD, TRUE, 4);
  for (guint i = 0; i < G_N_ELEMENTS (handover); i++)
    para (doc, 2 * BODY, handover[i], FALSE, 3);
  doc->y += 7;
  para (doc, 0, L_DEPOSIT_HEAD, TRUE, 4);
  para (doc, 2 * BODY, deposit, FALSE, 10);

  para (doc, 2 * BODY, questions, FALSE, 6);
  para (doc, 2 * BODY, L_SO, FALSE, 28);
  doc->y += plaza_document_show (doc, X0 + WIDTH / 2, WIDTH / 2, signed_by, BODY + 0.5, TRUE, PANGO_ALIGN_RIGHT) + 4;
  doc->y += plaza_document_show (doc, X0 + WIDTH / 2, WIDTH / 2, L_STAMP, BODY, FALSE, PANGO_ALIGN_RIGHT) + 4;
  doc->y += plaza_document_show (doc, X0 + WIDTH / 2, WIDTH / 2, notice_cn, BODY, FALSE, PANGO_ALIGN_RIGHT);

  doc->y = MAX (doc->y + 30, PLAZA_DOC_PAGE_HEIGHT - 80);
  plaza_document_rule (doc, X0, X0 + WIDTH, 0.5, 0.5);
  doc->y += 10;
  para (doc, 0, L_RECEIPT, FALSE, 0);
}

gboolean
plaza_eviction_notice_pdf (PlazaStore  *store,
                           gint64       id,
                           const char  *path,
                           GError     **error)
{
  g_autoptr(PlazaEviction) e = NULL;
  g_autoptr(PlazaLetterhead) head = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *subject = NULL;
  PlazaEvictionSettlement s = { 0 };
  PlazaDocument *doc;

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!plaza_eviction_get (store, id, &e, error) || !plaza_eviction_preview (store, id, &s, error))
    return FALSE;
  if (g_str_equal (e->state, "cancelled"))
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                   _("The eviction of %s is cancelled: no notice to print."), e->contract_code);
      return FALSE;
    }
  head = plaza_letterhead_load (store);
  subject = g_strdup_printf ("%s %s %s", e->tenant_name, e->contract_code, e->notice_date);
  doc = plaza_document_new (L_TITLE, subject);
  draw_notice (doc, head, e, &s);
  cairo_show_page (doc->cr);
  bytes = plaza_document_finish (doc, error);
  return bytes != NULL && plaza_document_write_file (path, bytes, error);
}
