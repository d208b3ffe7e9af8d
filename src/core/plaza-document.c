/* plaza-document.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The shared drawing of the mall's documents to tenants (see
 * plaza-document.h): the PDF surface in memory with the font options of
 * plaza-promotion-notice.c (no hinting, Simplified Chinese forms), text
 * shown with Pango, Chinese dates and the letterhead: the mall's name and
 * department, its address and phone, over a double red rule as on the
 * mall's paper.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "plaza-date.h"
#include "plaza-document.h"
#include "plaza-pdf.h"

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

PlazaDocument *
plaza_document_new (const char *title,
                    const char *subject)
{
  PlazaDocument *doc = g_new0 (PlazaDocument, 1);
  cairo_font_options_t *options;
  PangoContext *context;

  doc->bytes = g_byte_array_new ();
  doc->surface = cairo_pdf_surface_create_for_stream (append_bytes, doc->bytes,
                                                      PLAZA_DOC_PAGE_WIDTH, PLAZA_DOC_PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (doc->surface, CAIRO_PDF_METADATA_TITLE, title);
  if (subject != NULL)
    cairo_pdf_surface_set_metadata (doc->surface, CAIRO_PDF_METADATA_SUBJECT, subject);
  cairo_pdf_surface_set_metadata (doc->surface, CAIRO_PDF_METADATA_CREATOR, "Plaza " PACKAGE_VERSION);
  doc->cr = cairo_create (doc->surface);
  doc->layout = pango_cairo_create_layout (doc->cr);

  /* Han characters in their Simplified Chinese forms. */
  context = pango_layout_get_context (doc->layout);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_language (context, pango_language_from_string ("zh-cn"));
  pango_layout_context_changed (doc->layout);
  return doc;
}

void
plaza_document_free (PlazaDocument *doc)
{
  if (doc == NULL)
    return;
  g_clear_object (&doc->layout);
  g_clear_pointer (&doc->cr, cairo_destroy);
  g_clear_pointer (&doc->surface, cairo_surface_destroy);
  if (doc->bytes != NULL)
    g_byte_array_unref (doc->bytes);
  g_free (doc);
}

GBytes *
plaza_document_finish (PlazaDocument  *doc,
                       GError        **error)
{
  cairo_status_t status;
  GBytes *bytes;

  g_clear_object (&doc->layout);
  g_clear_pointer (&doc->cr, cairo_destroy);
  cairo_surface_finish (doc->surface);
  status = cairo_surface_status (doc->surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_FAILED,
                   _("Could not draw the document: %s"), cairo_status_to_string (status));
      plaza_document_free (doc);
      return NULL;
    }
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&doc->bytes));
  plaza_document_free (doc);
  return bytes;
}

double
plaza_document_show (PlazaDocument  *doc,
                     double          x,
                     double          width,
                     const char     *str,
                     double          size,
                     gboolean        bold,
                     PangoAlignment  align)
{
  return plaza_pdf_text (doc->cr, doc->layout, x, doc->y, width, str, size, bold, align, FALSE, TRUE);
}

void
plaza_document_rule (PlazaDocument *doc,
                     double         x0,
                     double         x1,
                     double         width,
                     double         gray)
{
  cairo_save (doc->cr);
  cairo_set_source_rgb (doc->cr, gray, gray, gray);
  cairo_set_line_width (doc->cr, width);
  cairo_move_to (doc->cr, x0, doc->y);
  cairo_line_to (doc->cr, x1, doc->y);
  cairo_stroke (doc->cr);
  cairo_restore (doc->cr);
}

void
plaza_document_letterhead (PlazaDocument         *doc,
                           const PlazaLetterhead *head)
{
  g_autofree char *title = g_strjoin (*head->name != '\0' && *head->department != '\0' ? " " : "",
                                      head->name, head->department, NULL);
  g_autoptr(GString) contact = g_string_new (NULL);
  double x0 = PLAZA_DOC_MARGIN_X, x1 = PLAZA_DOC_PAGE_WIDTH - PLAZA_DOC_MARGIN_X;

  if (*head->address != '\0')
    g_string_append_printf (contact, "地址：%s", head->address);
  if (*head->phone != '\0')
    g_string_append_printf (contact, "%s电话：%s", contact->len > 0 ? "　　" : "", head->phone);

  doc->y = PLAZA_DOC_MARGIN_TOP;
  cairo_save (doc->cr);
  cairo_set_source_rgb (doc->cr, 0.72, 0.09, 0.09);
  doc->y += plaza_document_show (doc, x0, x1 - x0, title, 17, TRUE, PANGO_ALIGN_CENTER) + 3;
  cairo_restore (doc->cr);
  if (contact->len > 0)
    {
      cairo_save (doc->cr);
      cairo_set_source_rgb (doc->cr, 0.3, 0.3, 0.3);
      doc->y += plaza_document_show (doc, x0, x1 - x0, contact->str, 8.5, FALSE, PANGO_ALIGN_CENTER) + 4;
      cairo_restore (doc->cr);
    }
  cairo_save (doc->cr);
  cairo_set_source_rgb (doc->cr, 0.72, 0.09, 0.09);
  cairo_set_line_width (doc->cr, 1.8);
  cairo_move_to (doc->cr, x0, doc->y);
  cairo_line_to (doc->cr, x1, doc->y);
  cairo_stroke (doc->cr);
  cairo_set_line_width (doc->cr, 0.5);
  cairo_move_to (doc->cr, x0, doc->y + 2.6);
  cairo_line_to (doc->cr, x1, doc->y + 2.6);
  cairo_stroke (doc->cr);
  cairo_restore (doc->cr);
  doc->y += 18;
}

static char *
setting (PlazaStore *store,
         const char *key)
{
  char *value = plaza_store_get_setting (store, key);

  return value != NULL ? g_strstrip (value) : g_strdup ("");
}

PlazaLetterhead *
plaza_letterhead_load (PlazaStore *store)
{
  PlazaLetterhead *head = g_new0 (PlazaLetterhead, 1);

  head->name = setting (store, "mall.name");
  head->department = setting (store, "mall.department");
  head->address = setting (store, "mall.address");
  head->phone = setting (store, "mall.phone");
  head->bank = setting (store, "mall.bank");
  head->account = setting (store, "mall.account");
  head->company = setting (store, "mall.company");
  return head;
}

void
plaza_letterhead_free (PlazaLetterhead *head)
{
  if (head == NULL)
    return;
  g_free (head->name);
  g_free (head->department);
  g_free (head->address);
  g_free (head->phone);
  g_free (head->bank);
  g_free (head->account);
  g_free (head->company);
  g_free (head);
}

char *
plaza_document_cn_gdate (const GDate *date)
{
  return g_strdup_printf ("%u年%u月%u日", (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date), (guint) g_date_get_day (date));
}

char *
plaza_document_cn_date (const char *iso)
{
  GDate date;

  if (!plaza_date_parse (iso, &date))
    return g_strdup (iso);
  return plaza_document_cn_gdate (&date);
}

char *
plaza_document_cn_month (const char *month)
{
  guint y, m;

  if (month == NULL || sscanf (month, "%4u-%2u", &y, &m) != 2 || strlen (month) != 7)
    return g_strdup (month != NULL ? month : "");
  return g_strdup_printf ("%u年%u月", y, m);
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

/* A temporary file in the same folder, written, synced and renamed into
 * place: on any failure it is removed, an existing @path is untouched,
 * and the error names @path (not the temporary file). */
gboolean
plaza_document_write_file (const char  *path,
                           GBytes      *bytes,
                           GError     **error)
{
  g_autofree char *tmp_path = NULL;
  gsize size = 0, done = 0;
  const char *data;
  int fd, saved_errno;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  data = g_bytes_get_data (bytes, &size);
  tmp_path = g_strconcat (path, ".XXXXXX", NULL);
  fd = g_mkstemp_full (tmp_path, O_WRONLY | O_CREAT | O_EXCL, 0644);
  if (fd < 0)
    return write_failed (path, errno, error);
  while (done < size)
    {
      gssize n = write (fd, data + done, size - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          saved_errno = n < 0 ? errno : ENOSPC;
          close (fd);
          g_unlink (tmp_path);
          return write_failed (path, saved_errno, error);
        }
      done += (gsize) n;
    }
  if (fsync (fd) != 0 || close (fd) != 0)
    {
      saved_errno = errno;
      g_unlink (tmp_path);
      return write_failed (path, saved_errno, error);
    }
  if (g_rename (tmp_path, path) != 0)
    {
      saved_errno = errno;
      g_unlink (tmp_path);
      return write_failed (path, saved_errno, error);
    }
  return TRUE;
}

/* 人民币大写, as a cheque or a receipt writes it: 壹万贰仟叁佰肆拾伍元陆角柒分,
 * 整 when there are no fen; zeros between digits read once as 零. */
char *
plaza_document_money_upper (gint64 fen)
{
  static const char * const digits[] = { "零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖" };
  static const char * const units[] = { "", "拾", "佰", "仟" };
  static const char * const groups[] = { "", "万", "亿", "万亿" };
  GString *out = g_string_new (fen < 0 ? "负" : "");
  guint64 value = fen < 0 ? (guint64) -fen : (guint64) fen;
  guint64 yuan = value / 100;
  guint jiao = (guint) (value / 10 % 10), f = (guint) (value % 10);

  if (yuan > 0)
    {
      guint group_digits[4][4] = { { 0 } };
      int top = -1;
      gboolean zero = FALSE;

      for (guint g = 0; g < 4 && yuan > 0; g++)
        {
          for (guint d = 0; d < 4; d++, yuan /= 10)
            group_digits[g][d] = (guint) (yuan % 10);
          top = (int) g;
        }
      for (int g = top; g >= 0; g--)
        {
          gboolean any = FALSE;

          for (int d = 3; d >= 0; d--)
            {
              guint digit = group_digits[g][d];

              if (digit == 0)
                {
                  zero = TRUE;
                  continue;
                }
              if (zero && out->len > 0 && !g_str_has_suffix (out->str, "负"))
                g_string_append (out, digits[0]);
              zero = FALSE;
              any = TRUE;
              g_string_append (out, digits[digit]);
              g_string_append (out, units[d]);
            }
          if (any)
            g_string_append (out, groups[g]);
        }
      g_string_append (out, "元");
      if (jiao == 0 && f == 0)
        g_string_append (out, "整");
      else if (jiao == 0)
        g_string_append (out, digits[0]);
    }
  else if (jiao == 0 && f == 0)
    g_string_append (out, "零元整");
  if (jiao != 0)
    g_string_append_printf (out, "%s角", digits[jiao]);
  if (f != 0)
    g_string_append_printf (out, "%s分", digits[f]);
  else if (jiao != 0)
    g_string_append (out, "整");
  return g_string_free (out, FALSE);
}
