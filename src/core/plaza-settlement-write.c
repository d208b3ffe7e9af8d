/* plaza-settlement-write.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The 联营 settlement sheets written out (see plaza-settlement.h): a PDF
 * with one A4 page per sheet on the mall's letterhead, a statement from the
 * sales down to the amount payable (in figures and in 大写) and signature
 * lines for both sides; or an XLSX workbook with one row per sheet and a
 * second sheet of the deductions. The PDF is the tenants' document and in
 * Chinese (the L_ constants below); the workbook is the clerk's and its
 * column titles are translated.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "plaza-document.h"
#include "plaza-money.h"
#include "plaza-settlement.h"

#define X0     PLAZA_DOC_MARGIN_X
#define WIDTH  PLAZA_DOC_CONTENT_WIDTH
#define BODY   10.5

#define L_TITLE         "联营结算单"
#define L_SUBTITLE      "月结清单 · %s"  /* month */
#define L_NUMBER        "单号：%s"
#define L_TENANT        "商户名称"
#define L_TENANT_CODE   "商户编号"
#define L_CONTRACT      "合同编号"
#define L_PERIOD        "结算期间"
#define L_SALES         "一、本月销售额（商场收银）"
#define L_ESTIMATED     "（含估算销售额，待实际数据到达后调整）"
#define L_COMMISSION    "二、扣点金额（扣点 %s%%）"  /* percent */
#define L_COMMISSION_NS "二、扣点金额"
#define L_MINIMUM       "三、保底金额"
#define L_NO_MINIMUM    "三、保底金额（无保底）"
#define L_SHARE         "四、商场应得（扣点与保底取高）"
#define L_SHARE_MINIMUM "四、商场应得（扣点与保底取高：本月按保底计）"
#define L_DEDUCTIONS    "五、扣款明细"
#define L_NO_DEDUCTIONS "本月无扣款"
#define L_DED_TOTAL     "扣款合计"
#define L_PAYABLE       "六、应付商户（一 − 四 − 五）"
#define L_OWED          "六、商户应补缴商场（四 + 五 − 一）"
#define L_UPPER         "大写：人民币%s"
#define L_NOTE          "说明：销售额为本月商场收银系统汇总的贵方销售额；扣点按合同约定计算，低于保底金额时按保底计收；" \
                        "扣款为本月向贵方开具账单中的费用。请贵方于收到本结算单之日起五个工作日内核对确认并签章回传，" \
                        "逾期未提出书面异议视为确认。结算款项于确认后汇入贵方指定账户。"
#define L_MALL_SIDE     "商场（盖章）：%s"
#define L_TENANT_SIDE   "商户（盖章）：%s"
#define L_HANDLER       "经办人：＿＿＿＿＿＿＿＿"
#define L_SIGNER        "负责人：＿＿＿＿＿＿＿＿"
#define L_DATE          "日期：＿＿＿＿年＿＿月＿＿日"
#define L_DEPARTMENT    "商务部"

/* ---- PDF ---------------------------------------------------------------- */

/* A statement row: @label at @indent, the amount right-aligned. */
static void
statement_row (PlazaDocument *doc,
               const char    *label,
               gint64         amount,
               double         indent,
               double         size,
               gboolean       bold,
               double         rule_gray)
{
  g_autofree char *text = plaza_money_format (amount, TRUE);
  double h;

  doc->y += 5;
  h = plaza_document_show (doc, X0 + 6 + indent, WIDTH - 150 - indent, label, size, bold, PANGO_ALIGN_LEFT);
  h = MAX (h, plaza_document_show (doc, X0 + WIDTH - 150, 144, text, size, bold, PANGO_ALIGN_RIGHT));
  doc->y += h + 5;
  if (rule_gray >= 0)
    plaza_document_rule (doc, X0, X0 + WIDTH, 0.5, rule_gray);
}

static void
info_cell (PlazaDocument *doc,
           double         x,
           double         width,
           const char    *label,
           const char    *value)
{
  plaza_document_show (doc, x + 6, 60, label, 9.5, TRUE, PANGO_ALIGN_LEFT);
  plaza_document_show (doc, x + 66, width - 72, value, 9.5, FALSE, PANGO_ALIGN_LEFT);
}

static void
draw_sheet (PlazaDocument         *doc,
            const PlazaLetterhead *head,
            const PlazaSettlement *s)
{
  g_autofree char *month_cn = plaza_document_cn_month (s->month);
  g_autofree char *subtitle = g_strdup_printf (L_SUBTITLE, month_cn);
  g_autofree char *number = g_strdup_printf ("JS%.4s%.2s-%s", s->month, s->month + 5, s->contract_code);
  g_autofree char *number_line = g_strdup_printf (L_NUMBER, number);
  g_autofree char *commission = NULL;
  g_autofree char *upper = plaza_document_money_upper (ABS (s->payable));
  g_autofree char *upper_line = g_strdup_printf (L_UPPER, upper);
  g_autofree char *mall = g_strconcat (head->name, *head->department != '\0' ? head->department : L_DEPARTMENT, NULL);
  g_autofree char *mall_side = g_strdup_printf (L_MALL_SIDE, mall);
  g_autofree char *tenant_side = g_strdup_printf (L_TENANT_SIDE, s->tenant_name);
  double half = WIDTH / 2, top;

  if (s->sales > 0 && s->commission > 0)
    {
      /* The effective rate, to the basis point: the contract's rate for a
       * single percentage, a blended one for tiers. */
      g_autofree char *pct = plaza_percent_format ((s->commission * 10000 + s->sales / 2) / s->sales);

      commission = g_strdup_printf (L_COMMISSION, pct);
    }
  else
    commission = g_strdup (L_COMMISSION_NS);

  plaza_document_letterhead (doc, head);
  doc->y += plaza_document_show (doc, X0, WIDTH, L_TITLE, 22, TRUE, PANGO_ALIGN_CENTER) + 2;
  doc->y += plaza_document_show (doc, X0, WIDTH, subtitle, 11, FALSE, PANGO_ALIGN_CENTER) + 2;
  doc->y += plaza_document_show (doc, X0, WIDTH, number_line, 8.5, FALSE, PANGO_ALIGN_RIGHT) + 8;

  /* Who and when, in a boxed grid of two rows. */
  top = doc->y;
  plaza_document_rule (doc, X0, X0 + WIDTH, 1.0, 0.0);
  doc->y += 6;
  info_cell (doc, X0, half, L_TENANT, s->tenant_name);
  info_cell (doc, X0 + half, half, L_TENANT_CODE, s->tenant_code);
  doc->y += 20;
  plaza_document_rule (doc, X0, X0 + WIDTH, 0.5, 0.6);
  doc->y += 6;
  info_cell (doc, X0, half, L_CONTRACT, s->contract_code);
  info_cell (doc, X0 + half, half, L_PERIOD, month_cn);
  doc->y += 20;
  plaza_document_rule (doc, X0, X0 + WIDTH, 1.0, 0.0);
  cairo_save (doc->cr);
  cairo_set_line_width (doc->cr, 0.5);
  cairo_set_source_rgb (doc->cr, 0.6, 0.6, 0.6);
  cairo_move_to (doc->cr, X0 + half, top);
  cairo_line_to (doc->cr, X0 + half, doc->y);
  cairo_stroke (doc->cr);
  cairo_restore (doc->cr);
  doc->y += 16;

  /* The statement. */
  plaza_document_rule (doc, X0, X0 + WIDTH, 1.0, 0.0);
  statement_row (doc, L_SALES, s->sales, 0, BODY, TRUE, s->sales_estimated ? -1 : 0.6);
  if (s->sales_estimated)
    {
      doc->y += plaza_document_show (doc, X0 + 24, WIDTH - 24, L_ESTIMATED, 8.5, FALSE, PANGO_ALIGN_LEFT) + 4;
      plaza_document_rule (doc, X0, X0 + WIDTH, 0.5, 0.6);
    }
  statement_row (doc, commission, s->commission, 0, BODY, FALSE, 0.6);
  statement_row (doc, s->minimum != 0 ? L_MINIMUM : L_NO_MINIMUM, s->minimum, 0, BODY, FALSE, 0.6);
  statement_row (doc, s->minimum > s->commission ? L_SHARE_MINIMUM : L_SHARE, s->mall_share, 0, BODY, TRUE, 0.6);
  doc->y += 5;
  doc->y += plaza_document_show (doc, X0 + 6, WIDTH, L_DEDUCTIONS, BODY, TRUE, PANGO_ALIGN_LEFT) + 1;
  if (s->deductions->len == 0)
    doc->y += plaza_document_show (doc, X0 + 30, WIDTH - 30, L_NO_DEDUCTIONS, 9.5, FALSE, PANGO_ALIGN_LEFT) + 4;
  for (guint i = 0; i < s->deductions->len; i++)
    {
      const PlazaSettlementLine *line = g_ptr_array_index (s->deductions, i);
      g_autofree char *label = g_strdup_printf ("%u. %s", i + 1, line->doc_label);

      statement_row (doc, label, line->amount, 24, 9.5, FALSE, -1);
    }
  statement_row (doc, L_DED_TOTAL, s->deductions_total, 24, BODY, TRUE, 0.6);
  plaza_document_rule (doc, X0, X0 + WIDTH, 1.0, 0.0);
  doc->y += 2;
  statement_row (doc, s->payable >= 0 ? L_PAYABLE : L_OWED, ABS (s->payable), 0, 12.5, TRUE, -1);
  doc->y += plaza_document_show (doc, X0 + 6, WIDTH - 12, upper_line, BODY, FALSE, PANGO_ALIGN_RIGHT) + 6;
  plaza_document_rule (doc, X0, X0 + WIDTH, 1.0, 0.0);
  doc->y += 3;
  plaza_document_rule (doc, X0, X0 + WIDTH, 0.5, 0.0);
  doc->y += 14;
  doc->y += plaza_document_show (doc, X0, WIDTH, L_NOTE, 9, FALSE, PANGO_ALIGN_LEFT) + 30;

  /* Both sides sign. */
  doc->y = MAX (doc->y, PLAZA_DOC_PAGE_HEIGHT - 190);
  plaza_document_show (doc, X0, half - 10, mall_side, BODY, TRUE, PANGO_ALIGN_LEFT);
  doc->y += plaza_document_show (doc, X0 + half + 10, half - 10, tenant_side, BODY, TRUE, PANGO_ALIGN_LEFT) + 34;
  plaza_document_show (doc, X0, half - 10, L_HANDLER, BODY, FALSE, PANGO_ALIGN_LEFT);
  doc->y += plaza_document_show (doc, X0 + half + 10, half - 10, L_SIGNER, BODY, FALSE, PANGO_ALIGN_LEFT) + 18;
  plaza_document_show (doc, X0, half - 10, L_DATE, BODY, FALSE, PANGO_ALIGN_LEFT);
  plaza_document_show (doc, X0 + half + 10, half - 10, L_DATE, BODY, FALSE, PANGO_ALIGN_LEFT);
}

static gboolean
write_pdf (PlazaStore  *store,
           GPtrArray   *sheets,
           const char  *path,
           GError     **error)
{
  g_autoptr(PlazaLetterhead) head = plaza_letterhead_load (store);
  g_autoptr(GBytes) bytes = NULL;
  const PlazaSettlement *first = g_ptr_array_index (sheets, 0);
  g_autofree char *subject = g_strdup_printf ("%s %s", head->name, first->month);
  PlazaDocument *doc = plaza_document_new (L_TITLE, subject);

  for (guint i = 0; i < sheets->len; i++)
    {
      draw_sheet (doc, head, g_ptr_array_index (sheets, i));
      cairo_show_page (doc->cr);
    }
  bytes = plaza_document_finish (doc, error);
  return bytes != NULL && plaza_document_write_file (path, bytes, error);
}

/* ---- XLSX --------------------------------------------------------------- */

enum { C_CONTRACT, C_TENANT_CODE, C_TENANT, C_MONTH, C_SALES, C_COMMISSION, C_MINIMUM, C_SHARE,
       C_DEDUCTIONS, C_PAYABLE, N_COLUMNS };

static void
fill_book (lxw_workbook *book,
           GPtrArray    *sheets)
{
  const char *titles[N_COLUMNS] = {
    _("Contract"), _("Tenant code"), _("Tenant"), _("Month"), _("Sales"), _("Commission"),
    _("Guaranteed minimum"), _("Mall share"), _("Deductions"), _("Payable to tenant"),
  };
  static const double widths[N_COLUMNS] = { 16, 12, 28, 10, 16, 14, 16, 14, 14, 18 };
  const char *ded_titles[] = { _("Contract"), _("Tenant"), _("Month"), _("Item"), _("Amount") };
  static const double ded_widths[] = { 16, 28, 10, 40, 14 };
  lxw_worksheet *sheet = workbook_add_worksheet (book, _("Settlements"));
  lxw_worksheet *ded = workbook_add_worksheet (book, _("Deductions"));
  lxw_format *header = workbook_add_format (book);
  lxw_format *money = workbook_add_format (book);
  lxw_format *total = workbook_add_format (book);
  lxw_row_t r = 1;

  format_set_bold (header);
  format_set_bg_color (header, 0xDDEBF7);
  format_set_bottom (header, LXW_BORDER_THIN);
  format_set_num_format (money, "¥#,##0.00;-¥#,##0.00");
  format_set_num_format (total, "¥#,##0.00;-¥#,##0.00");
  format_set_bold (total);

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      worksheet_set_column (sheet, (lxw_col_t) c, (lxw_col_t) c, widths[c], NULL);
      worksheet_write_string (sheet, 0, (lxw_col_t) c, titles[c], header);
    }
  for (guint c = 0; c < G_N_ELEMENTS (ded_titles); c++)
    {
      worksheet_set_column (ded, (lxw_col_t) c, (lxw_col_t) c, ded_widths[c], NULL);
      worksheet_write_string (ded, 0, (lxw_col_t) c, ded_titles[c], header);
    }
  for (guint i = 0; i < sheets->len; i++)
    {
      const PlazaSettlement *s = g_ptr_array_index (sheets, i);
      const gint64 amounts[] = { s->sales, s->commission, s->minimum, s->mall_share, s->deductions_total, s->payable };
      lxw_row_t row = (lxw_row_t) (i + 1);

      worksheet_write_string (sheet, row, C_CONTRACT, s->contract_code, NULL);
      worksheet_write_string (sheet, row, C_TENANT_CODE, s->tenant_code, NULL);
      worksheet_write_string (sheet, row, C_TENANT, s->tenant_name, NULL);
      worksheet_write_string (sheet, row, C_MONTH, s->month, NULL);
      /* A spreadsheet number is a double: yuan, exact to the fen at these sizes. */
      for (guint c = 0; c < G_N_ELEMENTS (amounts); c++)
        worksheet_write_number (sheet, row, (lxw_col_t) (C_SALES + c), (double) amounts[c] / 100.0,
                                C_SALES + c == C_PAYABLE ? total : money);
      for (guint j = 0; j < s->deductions->len; j++, r++)
        {
          const PlazaSettlementLine *line = g_ptr_array_index (s->deductions, j);

          worksheet_write_string (ded, r, 0, s->contract_code, NULL);
          worksheet_write_string (ded, r, 1, s->tenant_name, NULL);
          worksheet_write_string (ded, r, 2, s->month, NULL);
          worksheet_write_string (ded, r, 3, line->label, NULL);
          worksheet_write_number (ded, r, 4, (double) line->amount / 100.0, money);
        }
    }
  worksheet_freeze_panes (sheet, 1, 0);
  worksheet_freeze_panes (ded, 1, 0);
  worksheet_autofilter (sheet, 0, 0, (lxw_row_t) sheets->len, N_COLUMNS - 1);
}

static gboolean
write_xlsx (GPtrArray   *sheets,
            const char  *path,
            GError     **error)
{
  g_autofree char *tmp = g_strdup_printf ("%s.XXXXXX", path);
  lxw_workbook *book;
  lxw_error err;
  int fd;

  fd = g_mkstemp (tmp);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not write “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  g_close (fd, NULL);
  book = workbook_new (tmp);
  if (book == NULL)
    {
      g_remove (tmp);
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_FAILED,
                   _("Could not write “%s”: %s"), path, lxw_strerror (LXW_ERROR_CREATING_XLSX_FILE));
      return FALSE;
    }
  fill_book (book, sheets);
  err = workbook_close (book);
  if (err != LXW_NO_ERROR)
    {
      g_remove (tmp);
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_FAILED,
                   _("Could not write “%s”: %s"), path, lxw_strerror (err));
      return FALSE;
    }
  /* mkstemp made it private; a workbook is an ordinary document. */
  g_chmod (tmp, 0644);
  if (g_rename (tmp, path) != 0)
    {
      int saved_errno = errno;

      g_remove (tmp);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not write “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

gboolean
plaza_settlement_write (PlazaStore  *store,
                        GPtrArray   *sheets,
                        const char  *path,
                        GError     **error)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);
  g_return_val_if_fail (sheets != NULL && path != NULL, FALSE);

  if (sheets->len == 0)
    {
      g_set_error_literal (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                           _("There is no settlement sheet to write."));
      return FALSE;
    }
  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".pdf"))
    return write_pdf (store, sheets, path, error);
  if (g_str_has_suffix (lower, ".xlsx"))
    return write_xlsx (sheets, path, error);
  g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
               _("“%s”: settlement sheets are written as .pdf or .xlsx."), path);
  return FALSE;
}
