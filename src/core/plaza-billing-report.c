/* plaza-billing-report.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Receivables by month of issue, collections by month and the collection
 * rate of the bills due in each month (the rules are in the header), and
 * their CSV and XLSX (libxlsxwriter) files.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "plaza-billing-report.h"
#include "plaza-csv.h"
#include "plaza-date.h"
#include "plaza-money.h"

enum { BILLED, PAID, COLLECTED, DUE, DUE_COLLECTED, N_MEASURES };

/* Each query: ?1 first day, ?2 last day of the range, ?3 as of; the month
 * and the sum. */
static const char * const measure_sql[N_MEASURES] = {
  [BILLED] =
    "SELECT substr (issue_date, 1, 7), sum (total) FROM bills"
    " WHERE state = 'issued' AND issue_date BETWEEN ?1 AND ?2 AND issue_date <= ?3 GROUP BY 1",
  [PAID] =
    "SELECT substr (b.issue_date, 1, 7), sum (pa.amount) FROM payment_allocations pa"
    "  JOIN payments p ON p.id = pa.payment_id JOIN bill_lines l ON l.id = pa.bill_line_id"
    "  JOIN bills b ON b.id = l.bill_id"
    " WHERE b.state = 'issued' AND b.issue_date BETWEEN ?1 AND ?2 AND b.issue_date <= ?3 AND p.date <= ?3"
    " GROUP BY 1",
  [COLLECTED] =
    "SELECT substr (date, 1, 7), sum (amount) FROM payments WHERE date BETWEEN ?1 AND ?2 AND date <= ?3"
    " GROUP BY 1",
  [DUE] =
    "SELECT substr (b.due_date, 1, 7), sum (b.total + (SELECT coalesce (sum (c.total), 0) FROM bills c"
    "   WHERE c.original_bill_id = b.id AND c.kind = 'credit_note' AND c.state = 'issued'"
    "     AND c.issue_date <= ?3)) FROM bills b"
    " WHERE b.state = 'issued' AND b.kind <> 'credit_note' AND b.due_date BETWEEN ?1 AND ?2"
    "   AND b.issue_date <= ?3 GROUP BY 1",
  [DUE_COLLECTED] =
    "SELECT substr (b.due_date, 1, 7), sum (pa.amount) FROM payment_allocations pa"
    "  JOIN payments p ON p.id = pa.payment_id JOIN bill_lines l ON l.id = pa.bill_line_id"
    "  JOIN bills b ON b.id = l.bill_id"
    " WHERE b.state = 'issued' AND b.kind <> 'credit_note' AND b.due_date BETWEEN ?1 AND ?2"
    "   AND b.issue_date <= ?3 AND p.date <= ?3 GROUP BY 1",
};

static gint64 *
measure_of (PlazaBillingReportRow *row,
            guint                  measure)
{
  switch (measure)
    {
    case BILLED: return &row->billed;
    case PAID: return &row->paid;
    case COLLECTED: return &row->collected;
    case DUE: return &row->due;
    default: return &row->due_collected;
    }
}

static gboolean
parse_month (const char *field,
             const char *month,
             GDate      *first,
             GError    **error)
{
  g_autofree char *text = g_strdup_printf ("%s-01", month != NULL ? month : "");

  if (month != NULL && strlen (month) == 7 && plaza_date_parse (text, first))
    return TRUE;
  g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
               _("%s: “%s” is not a month (use YYYY-MM)"), field, month != NULL ? month : "");
  return FALSE;
}

static gint
rate_of (gint64 collected,
         gint64 due)
{
  if (due <= 0)
    return -1;
  return (gint) ((collected * 10000 + due / 2) / due);
}

gboolean
plaza_billing_report (PlazaStore   *store,
                      const char   *from,
                      const char   *to,
                      const char   *as_of,
                      GArray      **rows,
                      GError      **error)
{
  g_autoptr(GArray) out = g_array_new (FALSE, TRUE, sizeof (PlazaBillingReportRow));
  g_autofree char *first_text = NULL;
  g_autofree char *last_text = NULL;
  g_autofree char *as_of_text = NULL;
  PlazaBillingReportRow total = { "total", 0, 0, 0, 0, 0, 0, -1 };
  GDate first, last, d;

  g_return_val_if_fail (rows != NULL, FALSE);

  if (!parse_month ("from", from, &first, error) || !parse_month ("to", to, &last, error))
    return FALSE;
  if (g_date_compare (&first, &last) > 0)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                   _("to: %s is before %s"), to, from);
      return FALSE;
    }
  for (d = first; g_date_compare (&d, &last) <= 0; g_date_add_months (&d, 1))
    {
      PlazaBillingReportRow row = { { 0 }, 0, 0, 0, 0, 0, 0, -1 };

      g_snprintf (row.month, sizeof row.month, "%04u-%02u", g_date_get_year (&d), g_date_get_month (&d));
      g_array_append_val (out, row);
    }
  g_date_add_months (&last, 1);
  g_date_subtract_days (&last, 1);
  first_text = plaza_date_format (&first);
  last_text = plaza_date_format (&last);
  if (as_of == NULL)
    as_of_text = g_strdup (last_text);
  else if (plaza_date_parse (as_of, &d))
    as_of_text = plaza_date_format (&d);
  else
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                   _("as of: “%s” is not a date (use YYYY-MM-DD)"), as_of);
      return FALSE;
    }

  for (guint m = 0; m < N_MEASURES; m++)
    {
      g_autoptr(sqlite3_stmt) stmt = plaza_store_prepare (store, measure_sql[m], error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, first_text, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, last_text, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, as_of_text, -1, SQLITE_TRANSIENT);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *month = (const char *) sqlite3_column_text (stmt, 0);

          for (guint i = 0; i < out->len; i++)
            {
              PlazaBillingReportRow *row = &g_array_index (out, PlazaBillingReportRow, i);

              if (month != NULL && strcmp (row->month, month) == 0)
                *measure_of (row, m) = sqlite3_column_int64 (stmt, 1);
            }
        }
      if (rc != SQLITE_DONE)
        return plaza_store_set_sqlite_error (store, error);
    }

  for (guint i = 0; i < out->len; i++)
    {
      PlazaBillingReportRow *row = &g_array_index (out, PlazaBillingReportRow, i);

      row->receivable = row->billed - row->paid;
      row->rate_bp = rate_of (row->due_collected, row->due);
      for (guint m = 0; m < N_MEASURES; m++)
        *measure_of (&total, m) += *measure_of (row, m);
    }
  total.receivable = total.billed - total.paid;
  total.rate_bp = rate_of (total.due_collected, total.due);
  g_array_append_val (out, total);

  *rows = g_steal_pointer (&out);
  return TRUE;
}

/* ---- CSV ---------------------------------------------------------------- */

#define N_COLUMNS 8

static char *
rate_text (gint rate_bp)
{
  if (rate_bp < 0)
    return g_strdup ("");
  return g_strdup_printf ("%d.%02d", rate_bp / 100, rate_bp % 100);
}

char *
plaza_billing_report_csv (GArray *rows)
{
  GString *out = g_string_new ("month,billed,paid,receivable,collected,due,due_collected,collection_rate\n");

  for (guint i = 0; i < rows->len; i++)
    {
      const PlazaBillingReportRow *row = &g_array_index (rows, PlazaBillingReportRow, i);
      g_autofree char *billed = plaza_money_format_plain (row->billed);
      g_autofree char *paid = plaza_money_format_plain (row->paid);
      g_autofree char *receivable = plaza_money_format_plain (row->receivable);
      g_autofree char *collected = plaza_money_format_plain (row->collected);
      g_autofree char *due = plaza_money_format_plain (row->due);
      g_autofree char *due_collected = plaza_money_format_plain (row->due_collected);
      g_autofree char *rate = rate_text (row->rate_bp);
      const char *fields[N_COLUMNS] = { row->month, billed, paid, receivable, collected, due, due_collected, rate };

      plaza_csv_append_row (out, fields, N_COLUMNS);
    }
  return g_string_free (out, FALSE);
}

static gboolean
write_failed (const char  *path,
              int          saved_errno,
              GError     **error)
{
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               _("Could not write “%s”: %s"), path, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
write_csv (GArray      *rows,
           const char  *path,
           GError     **error)
{
  g_autofree char *csv = plaza_billing_report_csv (rows);
  g_autofree char *text = g_strconcat ("\xEF\xBB\xBF", csv, NULL);

  return g_file_set_contents (path, text, -1, error);
}

/* ---- XLSX --------------------------------------------------------------- */

static const char *
column_title (guint column)
{
  static const char * const titles[N_COLUMNS] = {
    N_("Month"), N_("Billed"), N_("Paid"), N_("Receivable"), N_("Collected"),
    N_("Due in month"), N_("Collected of due"), N_("Collection rate"),
  };

  return _(titles[column]);
}

static void
fill_sheet (lxw_workbook *book,
            GArray       *rows,
            const char   *as_of)
{
  static const double widths[N_COLUMNS] = { 10, 16, 16, 16, 16, 16, 16, 14 };
  lxw_worksheet *sheet = workbook_add_worksheet (book, "Receivables");
  lxw_format *title = workbook_add_format (book);
  lxw_format *header = workbook_add_format (book);
  lxw_format *money = workbook_add_format (book);
  lxw_format *percent = workbook_add_format (book);
  lxw_format *bold = workbook_add_format (book);
  lxw_format *bold_money = workbook_add_format (book);
  lxw_format *bold_percent = workbook_add_format (book);
  g_autofree char *title_text = *as_of != '\0'
    ? g_strdup_printf (_("Receivables and collections as of %s"), as_of)
    : g_strdup (_("Receivables and collections"));

  format_set_bold (title);
  format_set_font_size (title, 14);
  format_set_bold (header);
  format_set_bg_color (header, 0xDDEBF7);
  format_set_bottom (header, LXW_BORDER_THIN);
  format_set_num_format (money, "¥#,##0.00");
  format_set_num_format (percent, "0.00%");
  format_set_bold (bold);
  format_set_top (bold, LXW_BORDER_THIN);
  format_set_bold (bold_money);
  format_set_top (bold_money, LXW_BORDER_THIN);
  format_set_num_format (bold_money, "¥#,##0.00");
  format_set_bold (bold_percent);
  format_set_top (bold_percent, LXW_BORDER_THIN);
  format_set_num_format (bold_percent, "0.00%");

  worksheet_write_string (sheet, 0, 0, title_text, title);
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      worksheet_set_column (sheet, (lxw_col_t) i, (lxw_col_t) i, widths[i], NULL);
      worksheet_write_string (sheet, 1, (lxw_col_t) i, column_title (i), header);
    }
  for (guint i = 0; i < rows->len; i++)
    {
      const PlazaBillingReportRow *row = &g_array_index (rows, PlazaBillingReportRow, i);
      gboolean is_total = i + 1 == rows->len;
      const gint64 amounts[6] = { row->billed, row->paid, row->receivable, row->collected, row->due,
                                  row->due_collected };
      lxw_row_t r = (lxw_row_t) (i + 2);

      worksheet_write_string (sheet, r, 0, is_total ? _("Total") : row->month, is_total ? bold : NULL);
      /* A spreadsheet number is a double: yuan, exact to the fen at these sizes. */
      for (guint c = 0; c < 6; c++)
        worksheet_write_number (sheet, r, (lxw_col_t) (c + 1), (double) amounts[c] / 100.0,
                                is_total ? bold_money : money);
      if (row->rate_bp >= 0)
        worksheet_write_number (sheet, r, N_COLUMNS - 1, row->rate_bp / 10000.0,
                                is_total ? bold_percent : percent);
      else if (is_total)
        worksheet_write_blank (sheet, r, N_COLUMNS - 1, bold);
    }
  worksheet_freeze_panes (sheet, 2, 1);
}

static gboolean
write_xlsx (GArray      *rows,
            const char  *as_of,
            const char  *path,
            GError     **error)
{
  g_autofree char *tmp = g_strdup_printf ("%s.XXXXXX", path);
  lxw_workbook *book;
  lxw_error err;
  int fd;

  fd = g_mkstemp (tmp);
  if (fd < 0)
    return write_failed (path, errno, error);
  g_close (fd, NULL);

  book = workbook_new (tmp);
  if (book == NULL)
    {
      g_remove (tmp);
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_FAILED, _("Could not write “%s”: %s"), path,
                   lxw_strerror (LXW_ERROR_CREATING_XLSX_FILE));
      return FALSE;
    }
  fill_sheet (book, rows, as_of);
  err = workbook_close (book);
  if (err != LXW_NO_ERROR)
    {
      g_remove (tmp);
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_FAILED, _("Could not write “%s”: %s"), path,
                   lxw_strerror (err));
      return FALSE;
    }
  if (g_rename (tmp, path) != 0)
    {
      int saved_errno = errno;

      g_remove (tmp);
      return write_failed (path, saved_errno, error);
    }
  return TRUE;
}

gboolean
plaza_billing_report_write (GArray      *rows,
                            const char  *as_of,
                            const char  *path,
                            GError     **error)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (rows != NULL && path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".csv"))
    return write_csv (rows, path, error);
  if (g_str_has_suffix (lower, ".xlsx"))
    return write_xlsx (rows, as_of != NULL ? as_of : "", path, error);
  g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
               _("“%s”: the report is written as .csv or .xlsx"), path);
  return FALSE;
}
