/* plaza-promotion-participants.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The participant list of a promotion, for the clerks who phone and visit
 * the tenants: tenant code, name, contact, phone, units, offer, status and
 * fee, as CSV (UTF-8 with a BOM so Excel reads the Chinese, RFC 4180: CRLF
 * line ends, fields quoted when needed) or as XLSX with libxlsxwriter (a
 * title row with the promotion's name and dates, a bold filled header row
 * that stays frozen, an autofilter, column widths, the fee as a number
 * formatted "¥#,##0.00"). The column titles and the status follow the UI
 * language. Also reads the promotion with its participants for the notices
 * (plaza-promotion-notice-private.h).
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "plaza-csv.h"
#include "plaza-list-query.h"
#include "plaza-money.h"
#include "plaza-promotion-notice.h"
#include "plaza-document.h"
#include "plaza-promotion-notice-private.h"

#define N_COLUMNS 8

static void
participant_free (gpointer data)
{
  PlazaNoticeParticipant *p = data;

  g_free (p->tenant_code);
  g_free (p->tenant_name);
  g_free (p->contact);
  g_free (p->phone);
  g_free (p->units);
  g_free (p->offer);
  g_free (p->status);
  g_free (p);
}

void
plaza_notice_promotion_free (PlazaNoticePromotion *p)
{
  if (p == NULL)
    return;
  g_free (p->code);
  g_free (p->name);
  g_free (p->theme);
  g_free (p->mechanics);
  g_free (p->start_date);
  g_free (p->end_date);
  g_free (p->state);
  g_clear_pointer (&p->participants, g_ptr_array_unref);
  g_free (p);
}

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? text : "");
}

PlazaNoticePromotion *
plaza_notice_promotion_load (PlazaStore  *store,
                             gint64       id,
                             GError     **error)
{
  g_autoptr(PlazaNoticePromotion) p = g_new0 (PlazaNoticePromotion, 1);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = plaza_store_prepare (store,
    "SELECT code, name, theme, mechanics, start_date, end_date, state FROM promotions WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND,
                   _("There is no promotion with id %lld."), (long long) id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      plaza_store_set_sqlite_error (store, error);
      return NULL;
    }
  p->id = id;
  p->code = column_text (stmt, 0);
  p->name = column_text (stmt, 1);
  p->theme = column_text (stmt, 2);
  p->mechanics = column_text (stmt, 3);
  p->start_date = column_text (stmt, 4);
  p->end_date = column_text (stmt, 5);
  p->state = column_text (stmt, 6);
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* The units: of the tenant's contracts in force during the promotion
   * (signed and approved ones too: a shop opening for it takes part). */
  stmt = plaza_store_prepare (store,
    "SELECT t.code, t.name,"
    "  coalesce ((SELECT name FROM tenant_contacts WHERE tenant_id = t.id ORDER BY id LIMIT 1), ''),"
    "  coalesce ((SELECT phone FROM tenant_contacts WHERE tenant_id = t.id ORDER BY id LIMIT 1), ''),"
    "  coalesce ((SELECT group_concat (code, ', ') FROM ("
    "     SELECT DISTINCT u.code FROM contracts c"
    "     JOIN contract_units cu ON cu.contract_id = c.id JOIN units u ON u.id = cu.unit_id"
    "     WHERE c.tenant_id = t.id"
    "       AND c.state IN ('approved', 'active', 'expired', 'terminated', 'renewed')"
    "       AND c.start_date <= ?3"
    "       AND coalesce (CASE WHEN c.state = 'terminated' THEN c.terminated_on END, c.end_date) >= ?2"
    "     ORDER BY u.code)), ''),"
    "  pp.offer, pp.status, pp.fee "
    "FROM promotion_participants pp JOIN tenants t ON t.id = pp.tenant_id "
    "WHERE pp.promotion_id = ?1 ORDER BY t.code", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, p->start_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, p->end_date, -1, SQLITE_TRANSIENT);
  p->participants = g_ptr_array_new_with_free_func (participant_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PlazaNoticeParticipant *row = g_new0 (PlazaNoticeParticipant, 1);

      row->tenant_code = column_text (stmt, 0);
      row->tenant_name = column_text (stmt, 1);
      row->contact = column_text (stmt, 2);
      row->phone = column_text (stmt, 3);
      row->units = column_text (stmt, 4);
      row->offer = column_text (stmt, 5);
      row->status = column_text (stmt, 6);
      row->fee = sqlite3_column_int64 (stmt, 7);
      g_ptr_array_add (p->participants, row);
    }
  if (rc != SQLITE_DONE)
    {
      plaza_store_set_sqlite_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&p);
}

static const char *
column_title (guint column)
{
  static const char * const titles[N_COLUMNS] = {
    N_("Tenant code"), N_("Tenant"), N_("Contact"), N_("Phone"),
    N_("Units"), N_("Offer"), N_("Status"), N_("Fee (yuan)"),
  };

  return _(titles[column]);
}

/* ---- CSV ---------------------------------------------------------------- */

static void
append_csv_row (GString            *out,
                const char * const *fields)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      plaza_csv_append_field (out, fields[i]);
    }
  g_string_append (out, "\r\n");
}

static gboolean
write_csv (const PlazaNoticePromotion *p,
           const char                 *path,
           GError                    **error)
{
  g_autoptr(GString) out = g_string_new ("\xEF\xBB\xBF");
  const char *header[N_COLUMNS];

  for (guint i = 0; i < N_COLUMNS; i++)
    header[i] = column_title (i);
  append_csv_row (out, header);
  for (guint i = 0; i < p->participants->len; i++)
    {
      const PlazaNoticeParticipant *row = g_ptr_array_index (p->participants, i);
      g_autofree char *fee = plaza_money_format_plain (row->fee);
      const char *fields[N_COLUMNS] = {
        row->tenant_code, row->tenant_name, row->contact, row->phone,
        row->units, row->offer, plaza_state_label (row->status), fee,
      };

      append_csv_row (out, fields);
    }
  {
    g_autoptr(GBytes) data = g_bytes_new (out->str, out->len);

    return plaza_document_write_file (path, data, error);
  }
}

/* ---- XLSX --------------------------------------------------------------- */

static gboolean
xlsx_failed (lxw_error   err,
             const char *path,
             GError    **error)
{
  if (err == LXW_NO_ERROR)
    return TRUE;
  g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_FAILED,
               _("Could not write “%s”: %s"), path, lxw_strerror (err));
  return FALSE;
}

/* A valid sheet name from the promotion's code: at most 31 characters,
 * none of []:*?/\ and not empty. */
static char *
sheet_name_for (const char *code)
{
  g_autofree char *name = g_utf8_substring (code, 0, MIN (g_utf8_strlen (code, -1), 31));

  g_strdelimit (name, "[]:*?/\\", '_');
  if (*name == '\0' || *name == '\'')
    return g_strdup ("Sheet1");
  return g_steal_pointer (&name);
}

/* Fills the workbook's only sheet; libxlsxwriter writes it all on close. */
static void
fill_sheet (lxw_workbook               *book,
            const PlazaNoticePromotion *p)
{
  static const double widths[N_COLUMNS] = { 12, 28, 12, 16, 20, 30, 12, 14 };
  g_autofree char *sheet_name = sheet_name_for (p->code);
  lxw_worksheet *sheet = workbook_add_worksheet (book, sheet_name);
  lxw_format *title = workbook_add_format (book);
  lxw_format *header = workbook_add_format (book);
  lxw_format *money = workbook_add_format (book);
  g_autofree char *title_text = g_strdup_printf ("%s %s  %s – %s", p->code, p->name,
                                                 p->start_date, p->end_date);
  lxw_row_t last;

  format_set_bold (title);
  format_set_font_size (title, 14);
  format_set_bold (header);
  format_set_bg_color (header, 0xDDEBF7);
  format_set_bottom (header, LXW_BORDER_THIN);
  format_set_num_format (money, "¥#,##0.00");

  worksheet_write_string (sheet, 0, 0, title_text, title);
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      worksheet_set_column (sheet, (lxw_col_t) i, (lxw_col_t) i, widths[i], NULL);
      worksheet_write_string (sheet, 1, (lxw_col_t) i, column_title (i), header);
    }
  for (guint i = 0; i < p->participants->len; i++)
    {
      const PlazaNoticeParticipant *row = g_ptr_array_index (p->participants, i);
      const char *fields[N_COLUMNS - 1] = {
        row->tenant_code, row->tenant_name, row->contact, row->phone,
        row->units, row->offer, plaza_state_label (row->status),
      };
      lxw_row_t r = (lxw_row_t) (i + 2);

      for (guint c = 0; c < N_COLUMNS - 1; c++)
        worksheet_write_string (sheet, r, (lxw_col_t) c, fields[c], NULL);
      /* A spreadsheet number is a double: yuan, exact to the fen at these sizes. */
      worksheet_write_number (sheet, r, N_COLUMNS - 1, (double) row->fee / 100.0, money);
    }
  last = (lxw_row_t) (p->participants->len + 1);
  worksheet_freeze_panes (sheet, 2, 0);
  worksheet_autofilter (sheet, 1, 0, last, N_COLUMNS - 1);
}

static gboolean
write_xlsx (const PlazaNoticePromotion *p,
            const char                 *path,
            GError                    **error)
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
      return xlsx_failed (LXW_ERROR_CREATING_XLSX_FILE, path, error);
    }
  fill_sheet (book, p);
  err = workbook_close (book);
  if (!xlsx_failed (err, path, error))
    {
      g_remove (tmp);
      return FALSE;
    }
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
plaza_promotion_write_participants (PlazaStore  *store,
                                    gint64       id,
                                    const char  *path,
                                    GError     **error)
{
  g_autoptr(PlazaNoticePromotion) p = NULL;
  g_autofree char *lower = NULL;
  gboolean csv, xlsx;

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  csv = g_str_has_suffix (lower, ".csv");
  xlsx = g_str_has_suffix (lower, ".xlsx");
  if (!csv && !xlsx)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                   _("“%s”: the participant list is written as .csv or .xlsx"), path);
      return FALSE;
    }

  p = plaza_notice_promotion_load (store, id, error);
  if (p == NULL)
    return FALSE;
  return csv ? write_csv (p, path, error) : write_xlsx (p, path, error);
}
