/* plaza-import-preview.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the import dialog shows before a sales import: the encoding, the
 * header and which column each field comes from, and the first rows. Only
 * the first 64 KiB of the file are read (cut after their last line break
 * when the file is longer), so a preview of a file of millions of rows is
 * instant; the encoding is judged on those bytes.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "plaza-csv.h"
#include "plaza-import-private.h"

#define PREVIEW_BYTES (64 * 1024)

void
plaza_sales_preview_free (PlazaSalesPreview *preview)
{
  if (preview == NULL)
    return;
  g_free (preview->encoding);
  g_strfreev (preview->header);
  g_clear_pointer (&preview->rows, g_ptr_array_unref);
  g_free (preview);
}

static PlazaSalesPreview *
fail (const char  *path,
      const char  *message,
      GError     **error)
{
  g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID, "%s:1: %s: %s", path, _("file"), message);
  return NULL;
}

PlazaSalesPreview *
plaza_sales_preview (const char  *path,
                     guint        max_rows,
                     GError     **error)
{
  g_autoptr(PlazaSalesPreview) preview = NULL;
  g_autoptr(PlazaCsvReader) reader = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  GStatBuf st;
  FILE *file;
  gsize length;
  Import imp;
  char **fields = NULL;
  guint line = 0;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_fopen (path, "rb");
  if (file == NULL || g_stat (path, &st) != 0)
    {
      int saved = errno;

      if (file != NULL)
        fclose (file);
      return fail (path, g_strerror (saved), error);
    }
  data = g_malloc (PREVIEW_BYTES + 1);
  length = fread (data, 1, PREVIEW_BYTES, file);
  if (ferror (file))
    {
      fclose (file);
      return fail (path, g_strerror (EIO), error);
    }
  fclose (file);

  /* Longer than what was read: end on a whole line (a line break is never
   * part of a multi-byte character, in UTF-8 or in GB18030). */
  if ((guint64) st.st_size > length)
    {
      const char *last = NULL;

      for (gsize i = length; i > 0 && last == NULL; i--)
        if (data[i - 1] == '\n')
          last = data + i;
      if (last != NULL)
        length = (gsize) (last - data);
    }

  reader = plaza_csv_reader_new (data, length, &local_error);
  if (reader == NULL)
    return fail (path, local_error->message, error);

  preview = g_new0 (PlazaSalesPreview, 1);
  preview->size = (guint64) st.st_size;
  if (g_str_equal (plaza_csv_reader_get_encoding (reader), "UTF-8"))
    preview->encoding = g_strdup (plaza_csv_reader_had_bom (reader) ? "UTF-8 (BOM)" : "UTF-8");
  else
    preview->encoding = g_strdup (plaza_csv_reader_get_encoding (reader));
  preview->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  plaza_import_init (&imp, NULL, path, plaza_import_sales_columns, PLAZA_IMPORT_N_SALES_COLUMNS);
  while (plaza_csv_reader_next (reader, &fields, &line, NULL, &local_error))
    {
      if (plaza_import_all_empty (fields))
        continue;
      for (guint i = 0; fields[i] != NULL; i++)
        g_strstrip (fields[i]);
      if (imp.header == NULL)
        {
          imp.header = g_strdupv (fields);
          imp.n_columns = g_strv_length (fields);
          imp.header_line = line;
          if (!plaza_import_match_header (&imp, error))
            {
              plaza_import_clear (&imp);
              return NULL;
            }
          continue;
        }
      if (preview->rows->len >= max_rows)
        break;
      g_ptr_array_add (preview->rows, g_strdupv (fields));
    }

  if (imp.header == NULL)
    {
      if (local_error != NULL)
        return fail (path, local_error->message, error);
      return fail (path, _("the file is empty; it needs a header row and data rows"), error);
    }
  /* A quoting error further down is reported by the import itself. */

  preview->header = g_steal_pointer (&imp.header);
  preview->date_column = imp.index[0];
  preview->unit_column = imp.index[1];
  preview->amount_column = imp.index[2];
  preview->transactions_column = imp.index[3];
  plaza_import_clear (&imp);
  return g_steal_pointer (&preview);
}
