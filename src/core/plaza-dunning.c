/* plaza-dunning.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Dunning letters (催款通知书, see plaza-dunning.h). The amounts are the
 * arrears module's: a tenant's overdue amount is its aging row's total less
 * what is not yet due (plaza_arrears_aging), the bills listed are its open
 * lines due on or before the date (the same loader, grouped by bill), and
 * the late fee is what plaza_late_fee_tenant has not billed yet (late fees
 * already billed are bills in the table). A tenant is written to when that
 * overdue amount is positive and its oldest open line is at least
 * @min_days days past due.
 *
 * The letter is the tenant's document and always in Chinese: its fixed
 * words are the L_ constants below, as in plaza-promotion-notice.c. The
 * PDF is drawn first; the letters are then recorded in one transaction
 * (dunning_letters and change_log), and the file is removed when that
 * fails.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "plaza-arrears.h"
#include "plaza-date.h"
#include "plaza-document.h"
#include "plaza-dunning.h"
#include "plaza-money.h"
#include "plaza-payments-private.h"

#define X0            PLAZA_DOC_MARGIN_X
#define WIDTH         PLAZA_DOC_CONTENT_WIDTH
#define BODY          10.5
#define PAY_BY_DAYS   7

/* Every fixed word of the letter, in one place (a document template in
 * Chinese, not UI text). Formats take the values named after them. */
#define L_TITLE        "催款通知书"
#define L_NUMBER       "编号：%s"  /* letter number */
#define L_TO           "致：%s（商户编号：%s）"  /* tenant name, code */
#define L_CONTRACTS    "合同编号：%s"  /* contract codes */
#define L_OPENING      "截至 %s，贵方在本商场的下列账单已逾期未付，欠款合计 %s（含滞纳金 %s）。" \
                       "明细如下："  /* date, total, late fee */
#define L_COL_BILL     "账单编号"
#define L_COL_MONTH    "账期"
#define L_COL_DUE      "到期日"
#define L_COL_DAYS     "逾期天数"
#define L_COL_OPEN     "未付金额（元）"
#define L_DAYS         "%lld 天"
#define L_MORE         "其余 %u 张账单"  /* bills not listed one by one */
#define L_SUBTOTAL     "逾期账款小计"
#define L_LATE_FEE     "滞纳金（计至 %s）"  /* date */
#define L_TOTAL        "应付合计"
#define L_UPPER        "（大写：人民币%s）"  /* amount in words */
#define L_PAY          "请贵方于 %s 前将上述款项足额支付至本商场以下账户，并在汇款附言中注明商户编号及账单编号："  /* date */
#define L_PAY_DESK     "请贵方于 %s 前将上述款项足额缴纳至本商场商务部。"  /* date */
#define L_PAYEE        "户　　名："
#define L_BANK         "开户银行："
#define L_ACCOUNT      "账　　号："
#define L_FIRM         "逾期未付将按合同约定计收滞纳金，并保留依法追究的权利。如贵方在收到本通知前已付清上述款项，请忽略本通知。"
#define L_QUESTIONS    "如对上述账目有疑问，请于付款期限前与商务部联系（电话：%s）。"  /* phone */
#define L_QUESTIONS_NP "如对上述账目有疑问，请于付款期限前与商务部联系。"
#define L_SO           "特此通知。"
#define L_DEPARTMENT   "商务部"
#define L_STAMP        "（盖章）"
#define L_RECEIPT      "商户签收：＿＿＿＿＿＿＿＿　　签收日期：＿＿＿＿年＿＿月＿＿日"

typedef struct
{
  char   *code;
  char   *month;
  char   *due_date;
  gint64  days;
  gint64  open;
} DunBill;

typedef struct
{
  gint64     tenant_id;
  char      *code;
  char      *name;
  char      *contracts;
  GPtrArray *bills;     /* DunBill */
  gint64     overdue;
  gint64     late_fee;
  gint64     total;
  char      *number;
} Letter;

static void
dun_bill_free (DunBill *b)
{
  g_free (b->code);
  g_free (b->month);
  g_free (b->due_date);
  g_free (b);
}

static void
letter_free (Letter *l)
{
  g_free (l->code);
  g_free (l->name);
  g_free (l->contracts);
  g_clear_pointer (&l->bills, g_ptr_array_unref);
  g_free (l->number);
  g_free (l);
}

static gboolean
invalid (GError    **error,
         const char *message)
{
  g_set_error_literal (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID, message);
  return FALSE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static gint64
julian_of (const char *iso)
{
  GDate d;

  return plaza_date_parse (iso, &d) ? (gint64) g_date_get_julian (&d) : 0;
}

/* The overdue bills of @l, its contracts and the check of their sum against
 * the aging. */
static gboolean
load_bills (PlazaStore *store,
            Letter     *l,
            const char *as_of,
            GError    **error)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(sqlite3_stmt) bill = NULL;
  g_autoptr(sqlite3_stmt) contract = NULL;
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  gint64 day = julian_of (as_of);
  gint64 last_bill = 0;
  gint64 sum = 0;

  if (!plaza_payments_load_lines (store, l->tenant_id, as_of, &lines, NULL, error))
    return FALSE;
  bill = plaza_store_prepare (store, "SELECT month FROM bills WHERE id = ?", error);
  contract = plaza_store_prepare (store, "SELECT code FROM contracts WHERE id = ?", error);
  if (bill == NULL || contract == NULL)
    return FALSE;
  l->bills = g_ptr_array_new_with_free_func ((GDestroyNotify) dun_bill_free);
  for (guint i = 0; i < lines->len; i++)
    {
      PlazaOpenLine *line = g_ptr_array_index (lines, i);
      gint64 open = plaza_open_line_open (line);
      DunBill *b;

      if (open <= 0 || julian_of (line->due_date) > day)
        continue;
      sum += open;
      if (line->bill_id == last_bill)
        {
          b = g_ptr_array_index (l->bills, l->bills->len - 1);
          b->open += open;
          continue;
        }
      /* Lines come oldest first by due date then bill code: a bill's lines
       * are together. */
      last_bill = line->bill_id;
      b = g_new0 (DunBill, 1);
      b->code = g_strdup (line->bill_code);
      b->due_date = g_strdup (line->due_date);
      b->days = day - julian_of (line->due_date);
      b->open = open;
      sqlite3_reset (bill);
      sqlite3_bind_int64 (bill, 1, line->bill_id);
      b->month = g_strdup (sqlite3_step (bill) == SQLITE_ROW ? (const char *) sqlite3_column_text (bill, 0) : "");
      g_ptr_array_add (l->bills, b);
      if (line->contract_id != 0)
        {
          const char *code;

          sqlite3_reset (contract);
          sqlite3_bind_int64 (contract, 1, line->contract_id);
          code = sqlite3_step (contract) == SQLITE_ROW ? (const char *) sqlite3_column_text (contract, 0) : NULL;
          if (code != NULL && !g_ptr_array_find_with_equal_func (codes, code, g_str_equal, NULL))
            g_ptr_array_add (codes, g_strdup (code));
        }
    }
  if (sum != l->overdue)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_FAILED,
                   _("Tenant %s: the overdue bills do not add up to the arrears."), l->code);
      return FALSE;
    }
  g_ptr_array_sort (codes, compare_strings);
  g_ptr_array_add (codes, NULL);
  l->contracts = g_strjoinv ("、", (char **) codes->pdata);
  return TRUE;
}

static gboolean
wanted (GArray *tenant_ids,
        gint64  id)
{
  if (tenant_ids == NULL)
    return TRUE;
  for (guint i = 0; i < tenant_ids->len; i++)
    if (g_array_index (tenant_ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* The letters to write, in tenant code order (the aging's order). */
static gboolean
collect (PlazaStore  *store,
         const char  *as_of,
         GArray      *tenant_ids,
         gint64       min_days,
         GPtrArray  **out,
         GError     **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) letters = g_ptr_array_new_with_free_func ((GDestroyNotify) letter_free);
  gint64 day = julian_of (as_of);

  if (!plaza_arrears_aging (store, as_of, &rows, error))
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      const PlazaArrearsRow *row = g_ptr_array_index (rows, i);
      gint64 overdue = row->total - row->current;
      Letter *l;

      if (row->tenant_id == 0 || overdue <= 0 || !wanted (tenant_ids, row->tenant_id) ||
          row->oldest_due == NULL || day - julian_of (row->oldest_due) < MAX (min_days, 0))
        continue;
      l = g_new0 (Letter, 1);
      l->tenant_id = row->tenant_id;
      l->code = g_strdup (row->code);
      l->name = g_strdup (row->name);
      l->overdue = overdue;
      g_ptr_array_add (letters, l);
      if (!load_bills (store, l, as_of, error) ||
          !plaza_late_fee_tenant (store, l->tenant_id, as_of, NULL, &l->late_fee, error))
        return FALSE;
      l->total = l->overdue + l->late_fee;
      l->number = g_strdup_printf ("CK%.4s%.2s%.2s-%s", as_of, as_of + 5, as_of + 8, l->code);
    }
  *out = g_steal_pointer (&letters);
  return TRUE;
}

/* ---- drawing ------------------------------------------------------------ */

static void
para (PlazaDocument *doc,
      const char    *str,
      double         after)
{
  doc->y += plaza_document_show (doc, X0, WIDTH, str, BODY, FALSE, PANGO_ALIGN_LEFT) + after;
}

/* The table's columns: left edges and widths, amounts right-aligned. */
static const double col_x[] = { 0, 130, 215, 305, 375 };
static const double col_w[] = { 130, 85, 90, 70, WIDTH - 375 };

static void
table_row (PlazaDocument      *doc,
           const char * const *cells,
           gboolean            bold,
           gboolean            shade)
{
  double h = 0;

  if (shade)
    {
      cairo_save (doc->cr);
      cairo_set_source_rgb (doc->cr, 0.93, 0.93, 0.93);
      cairo_rectangle (doc->cr, X0, doc->y, WIDTH, 20);
      cairo_fill (doc->cr);
      cairo_restore (doc->cr);
    }
  doc->y += 4;
  for (guint c = 0; c < G_N_ELEMENTS (col_x); c++)
    if (cells[c] != NULL)
      h = MAX (h, plaza_document_show (doc, X0 + col_x[c] + 6, col_w[c] - 12, cells[c], 9.5, bold,
                                       c >= 3 ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT));
  doc->y += MAX (h, 12) + 4;
  plaza_document_rule (doc, X0, X0 + WIDTH, 0.5, 0.6);
}

/* A total row: the label across the first four columns, the amount in the
 * last. */
static void
total_row (PlazaDocument *doc,
           const char    *label,
           gint64         amount,
           gboolean       bold)
{
  g_autofree char *text = plaza_money_format (amount, FALSE);
  double h;

  doc->y += 4;
  h = plaza_document_show (doc, X0 + 6, col_x[4] - 12, label, 9.5, bold, PANGO_ALIGN_RIGHT);
  h = MAX (h, plaza_document_show (doc, X0 + col_x[4] + 6, col_w[4] - 12, text, 9.5, bold, PANGO_ALIGN_RIGHT));
  doc->y += h + 4;
  plaza_document_rule (doc, X0, X0 + WIDTH, 0.5, 0.6);
}

static void
draw_letter (PlazaDocument         *doc,
             const PlazaLetterhead *head,
             const Letter          *l,
             const char            *as_of,
             const char            *pay_by)
{
  g_autofree char *as_of_cn = plaza_document_cn_date (as_of);
  g_autofree char *pay_by_cn = plaza_document_cn_date (pay_by);
  g_autofree char *total = plaza_money_format (l->total, TRUE);
  g_autofree char *fee = plaza_money_format (l->late_fee, TRUE);
  g_autofree char *number = g_strdup_printf (L_NUMBER, l->number);
  g_autofree char *to = g_strdup_printf (L_TO, l->name, l->code);
  g_autofree char *contracts = g_strdup_printf (L_CONTRACTS, *l->contracts != '\0' ? l->contracts : "—");
  g_autofree char *opening = g_strdup_printf (L_OPENING, as_of_cn, total, fee);
  g_autofree char *fee_label = g_strdup_printf (L_LATE_FEE, as_of_cn);
  g_autofree char *pay = NULL;
  g_autofree char *questions = NULL;
  g_autofree char *signed_by = g_strconcat (head->name, *head->department != '\0' ? head->department : L_DEPARTMENT, NULL);
  const char *header[] = { L_COL_BILL, L_COL_MONTH, L_COL_DUE, L_COL_DAYS, L_COL_OPEN };
  gboolean bank = *head->bank != '\0' || *head->account != '\0';

  plaza_document_letterhead (doc, head);
  doc->y += plaza_document_show (doc, X0, WIDTH, L_TITLE, 22, TRUE, PANGO_ALIGN_CENTER) + 2;
  doc->y += plaza_document_show (doc, X0, WIDTH, number, 8.5, FALSE, PANGO_ALIGN_RIGHT) + 12;
  doc->y += plaza_document_show (doc, X0, WIDTH, to, 12, TRUE, PANGO_ALIGN_LEFT) + 2;
  para (doc, contracts, 10);
  doc->y += plaza_document_show (doc, X0 + 2 * BODY, WIDTH - 2 * BODY, opening, BODY, FALSE, PANGO_ALIGN_LEFT) + 10;

  plaza_document_rule (doc, X0, X0 + WIDTH, 1.0, 0.0);
  table_row (doc, header, TRUE, TRUE);
  for (guint i = 0; i < l->bills->len; i++)
    {
      const DunBill *b = g_ptr_array_index (l->bills, i);
      g_autofree char *month = plaza_document_cn_month (b->month);
      g_autofree char *days = g_strdup_printf (L_DAYS, (long long) b->days);
      g_autofree char *open = plaza_money_format (b->open, FALSE);
      const char *cells[] = { b->code, month, b->due_date, days, open };

      table_row (doc, cells, FALSE, FALSE);
      if (doc->y > PLAZA_DOC_PAGE_HEIGHT - 410 && i + 2 < l->bills->len)
        {
          /* Too many bills for one page: the rest as one row. */
          gint64 rest = 0;
          g_autofree char *rest_text = NULL;
          g_autofree char *label = g_strdup_printf (L_MORE, l->bills->len - i - 1);

          for (guint j = i + 1; j < l->bills->len; j++)
            rest += ((const DunBill *) g_ptr_array_index (l->bills, j))->open;
          rest_text = plaza_money_format (rest, FALSE);
          {
            const char *more[] = { label, NULL, NULL, NULL, rest_text };

            table_row (doc, more, FALSE, FALSE);
          }
          break;
        }
    }
  total_row (doc, L_SUBTOTAL, l->overdue, FALSE);
  total_row (doc, fee_label, l->late_fee, FALSE);
  total_row (doc, L_TOTAL, l->total, TRUE);
  plaza_document_rule (doc, X0, X0 + WIDTH, 1.0, 0.0);
  doc->y += 4;
  {
    g_autofree char *words = plaza_document_money_upper (l->total);
    g_autofree char *upper = g_strdup_printf (L_UPPER, words);

    doc->y += plaza_document_show (doc, X0, WIDTH - 6, upper, 9.5, FALSE, PANGO_ALIGN_RIGHT);
  }
  doc->y += 14;

  pay = g_strdup_printf (bank ? L_PAY : L_PAY_DESK, pay_by_cn);
  doc->y += plaza_document_show (doc, X0 + 2 * BODY, WIDTH - 2 * BODY, pay, BODY, FALSE, PANGO_ALIGN_LEFT) + 6;
  if (bank)
    {
      const char *labels[] = { L_PAYEE, L_BANK, L_ACCOUNT };
      const char *values[] = { head->company, head->bank, head->account };

      for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
        {
          if (*values[i] == '\0')
            continue;
          plaza_document_show (doc, X0 + 4 * BODY, 80, labels[i], BODY, TRUE, PANGO_ALIGN_LEFT);
          doc->y += plaza_document_show (doc, X0 + 4 * BODY + 72, WIDTH - 4 * BODY - 72, values[i], BODY, FALSE,
                                         PANGO_ALIGN_LEFT) + 3;
        }
      doc->y += 6;
    }
  doc->y += plaza_document_show (doc, X0 + 2 * BODY, WIDTH - 2 * BODY, L_FIRM, BODY, TRUE, PANGO_ALIGN_LEFT) + 6;
  questions = *head->phone != '\0' ? g_strdup_printf (L_QUESTIONS, head->phone) : g_strdup (L_QUESTIONS_NP);
  doc->y += plaza_document_show (doc, X0 + 2 * BODY, WIDTH - 2 * BODY, questions, BODY, FALSE, PANGO_ALIGN_LEFT) + 6;
  doc->y += plaza_document_show (doc, X0 + 2 * BODY, WIDTH - 2 * BODY, L_SO, BODY, FALSE, PANGO_ALIGN_LEFT) + 28;

  doc->y += plaza_document_show (doc, X0 + WIDTH / 2, WIDTH / 2, signed_by, BODY + 0.5, TRUE, PANGO_ALIGN_RIGHT) + 4;
  doc->y += plaza_document_show (doc, X0 + WIDTH / 2, WIDTH / 2, L_STAMP, BODY, FALSE, PANGO_ALIGN_RIGHT) + 4;
  doc->y += plaza_document_show (doc, X0 + WIDTH / 2, WIDTH / 2, as_of_cn, BODY, FALSE, PANGO_ALIGN_RIGHT);

  /* The tenant's receipt at the foot of the page. */
  doc->y = MAX (doc->y + 30, PLAZA_DOC_PAGE_HEIGHT - 80);
  plaza_document_rule (doc, X0, X0 + WIDTH, 0.5, 0.5);
  doc->y += 10;
  para (doc, L_RECEIPT, 0);
}

/* ---- recording ---------------------------------------------------------- */

typedef struct
{
  GPtrArray  *letters;
  const char *as_of;
  const char *pay_by;
  const char *at;
} Record;

static gboolean
record_func (PlazaStore  *store,
             gpointer     user_data,
             GError     **error)
{
  Record *r = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = plaza_store_prepare (store,
                              "INSERT INTO dunning_letters (tenant_id, date, amount, note, user, at) "
                              "VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < r->letters->len; i++)
    {
      const Letter *l = g_ptr_array_index (r->letters, i);
      g_autofree char *amount = plaza_money_format (l->total, TRUE);
      g_autofree char *note = g_strdup_printf ("%s; pay by %s; %u bills; late fee %lld",
                                               l->number, r->pay_by, l->bills->len, (long long) l->late_fee);
      g_autofree char *summary = g_strdup_printf ("dunning letter %s to %s: %s, pay by %s",
                                                  l->number, l->code, amount, r->pay_by);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, l->tenant_id);
      sqlite3_bind_text (stmt, 2, r->as_of, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, l->total);
      sqlite3_bind_text (stmt, 4, note, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, plaza_store_get_user (store), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, r->at, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return plaza_store_set_sqlite_error (store, error);
      if (!plaza_store_log_change (store, "tenant", l->tenant_id, "dunning", summary, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
plaza_dunning_write (PlazaStore   *store,
                     const char   *as_of,
                     GArray       *tenant_ids,
                     gint64        min_days,
                     const char   *pay_by,
                     const char   *pdf_path,
                     guint        *n_letters,
                     GError      **error)
{
  g_autoptr(GPtrArray) letters = NULL;
  g_autoptr(PlazaLetterhead) head = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *pay_by_text = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *at = plaza_payments_now ();
  g_autoptr(GError) local = NULL;
  PlazaDocument *doc;
  Record record;
  GDate d, p;

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);
  g_return_val_if_fail (pdf_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_letters != NULL)
    *n_letters = 0;
  if (as_of == NULL || !plaza_date_parse (as_of, &d))
    return invalid (error, _("The date of the letters must be a date (YYYY-MM-DD)."));
  if (pay_by == NULL)
    {
      p = d;
      g_date_add_days (&p, PAY_BY_DAYS);
      pay_by_text = plaza_date_format (&p);
    }
  else if (!plaza_date_parse (pay_by, &p))
    return invalid (error, _("The date to pay by must be a date (YYYY-MM-DD)."));
  else if (g_date_compare (&p, &d) < 0)
    return invalid (error, _("The date to pay by must not be before the date of the letters."));
  else
    pay_by_text = plaza_date_format (&p);

  if (!collect (store, as_of, tenant_ids, min_days, &letters, error))
    return FALSE;
  if (letters->len == 0)
    return invalid (error, _("No tenant owes anything overdue: no dunning letter to write."));

  head = plaza_letterhead_load (store);
  subject = g_strdup_printf ("%s %s", head->name, as_of);
  doc = plaza_document_new (L_TITLE, subject);
  for (guint i = 0; i < letters->len; i++)
    {
      draw_letter (doc, head, g_ptr_array_index (letters, i), as_of, pay_by_text);
      cairo_show_page (doc->cr);
    }
  bytes = plaza_document_finish (doc, error);
  if (bytes == NULL || !plaza_document_write_file (pdf_path, bytes, error))
    return FALSE;

  record.letters = letters;
  record.as_of = as_of;
  record.pay_by = pay_by_text;
  record.at = at;
  if (!plaza_store_write (store, record_func, &record, &local))
    {
      g_unlink (pdf_path);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (n_letters != NULL)
    *n_letters = letters->len;
  return TRUE;
}
