/* plaza-csv.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line
 * breaks; records end in CRLF, LF or CR. A quote inside an unquoted field is
 * kept as it is (what Excel does). Encodings: valid UTF-8 (a BOM is
 * stripped) is read as UTF-8; anything else is converted from GB18030, the
 * superset of GBK that Chinese Excel saves.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "plaza-csv.h"

struct _PlazaCsvReader
{
  char       *text;      /* UTF-8, BOM removed */
  const char *p;
  const char *end;
  guint       line;      /* line of *p, 1-based */
  GString    *buffer;    /* the current record's fields, each ending in NUL */
  GArray     *starts;    /* gsize: where each field starts in buffer */
  GPtrArray  *fields;    /* pointers into buffer */
  const char *encoding;
  gboolean    had_bom;
};

G_DEFINE_QUARK (plaza-csv-error-quark, plaza_csv_error)

#define UTF8_BOM "\xEF\xBB\xBF"

PlazaCsvReader *
plaza_csv_reader_new (const char  *data,
                      gsize        length,
                      GError     **error)
{
  g_autoptr(PlazaCsvReader) self = g_new0 (PlazaCsvReader, 1);

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length > 0 && memchr (data, '\0', length) != NULL)
    {
      g_set_error (error, PLAZA_CSV_ERROR, PLAZA_CSV_ERROR_ENCODING,
                   _("This is not a text file (it contains NUL bytes)."));
      return NULL;
    }

  if (g_utf8_validate_len (data, length, NULL))
    {
      self->encoding = "UTF-8";
      if (length >= 3 && memcmp (data, UTF8_BOM, 3) == 0)
        {
          self->had_bom = TRUE;
          data += 3;
          length -= 3;
        }
      self->text = g_strndup (data, length);
    }
  else
    {
      g_autoptr(GError) local_error = NULL;
      gsize written = 0;
      char *converted = g_convert (data, length, "UTF-8", "GB18030", NULL, &written, &local_error);

      if (converted == NULL)
        {
          g_set_error (error, PLAZA_CSV_ERROR, PLAZA_CSV_ERROR_ENCODING,
                       _("The file is neither UTF-8 nor GB18030/GBK text; save it again as “CSV UTF-8”."));
          return NULL;
        }
      self->encoding = "GB18030";
      /* GB18030 has its own BOM (84 31 95 33), which converts to U+FEFF. */
      if (g_str_has_prefix (converted, UTF8_BOM))
        {
          self->had_bom = TRUE;
          memmove (converted, converted + 3, written - 3 + 1);
          written -= 3;
        }
      self->text = converted;
    }

  self->p = self->text;
  self->end = self->text + strlen (self->text);
  self->line = 1;
  self->buffer = g_string_sized_new (256);
  self->starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->fields = g_ptr_array_new ();

  return g_steal_pointer (&self);
}

void
plaza_csv_reader_free (PlazaCsvReader *self)
{
  if (self == NULL)
    return;
  g_free (self->text);
  if (self->buffer != NULL)
    g_string_free (self->buffer, TRUE);
  g_clear_pointer (&self->starts, g_array_unref);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_free (self);
}

const char *
plaza_csv_reader_get_encoding (PlazaCsvReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->encoding;
}

gboolean
plaza_csv_reader_had_bom (PlazaCsvReader *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->had_bom;
}

void
plaza_csv_reader_rewind (PlazaCsvReader *self)
{
  g_return_if_fail (self != NULL);
  self->p = self->text;
  self->line = 1;
}

gsize
plaza_csv_reader_get_offset (PlazaCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return (gsize) (self->p - self->text);
}

gsize
plaza_csv_reader_get_length (PlazaCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return (gsize) (self->end - self->text);
}

/* At a line break: consumes it (CRLF, LF or CR) and counts the line. */
static gboolean
eat_line_break (PlazaCsvReader *self)
{
  if (self->p < self->end && *self->p == '\r')
    {
      self->p++;
      if (self->p < self->end && *self->p == '\n')
        self->p++;
      self->line++;
      return TRUE;
    }
  if (self->p < self->end && *self->p == '\n')
    {
      self->p++;
      self->line++;
      return TRUE;
    }
  return FALSE;
}

gboolean
plaza_csv_reader_next (PlazaCsvReader   *self,
                       char           ***fields,
                       guint            *line,
                       guint            *column,
                       GError          **error)
{
  GString *field;
  guint start_line;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);

  /* One buffer for the whole record: no allocation per field once it has
   * grown to the longest record. */
  field = self->buffer;
  g_string_truncate (field, 0);
  g_array_set_size (self->starts, 0);
  g_ptr_array_set_size (self->fields, 0);
  *fields = NULL;

  if (self->p >= self->end)
    return FALSE;

  start_line = self->line;
  if (line != NULL)
    *line = start_line;

  for (;;)
    {
      gsize start = field->len;

      if (column != NULL)
        *column = self->starts->len;

      if (self->p < self->end && *self->p == '"')
        {
          self->p++;
          for (;;)
            {
              if (self->p >= self->end)
                {
                  g_set_error (error, PLAZA_CSV_ERROR, PLAZA_CSV_ERROR_SYNTAX,
                               _("a quoted field is not closed (a \" is missing)"));
                  return FALSE;
                }
              if (*self->p == '"')
                {
                  if (self->p + 1 < self->end && self->p[1] == '"')
                    {
                      g_string_append_c (field, '"');
                      self->p += 2;
                      continue;
                    }
                  self->p++;
                  break;
                }
              if (*self->p == '\r' || *self->p == '\n')
                {
                  /* A line break inside quotes is kept as "\n". */
                  eat_line_break (self);
                  g_string_append_c (field, '\n');
                  continue;
                }
              g_string_append_c (field, *self->p);
              self->p++;
            }
          if (self->p < self->end && *self->p != ',' && *self->p != '\r' && *self->p != '\n')
            {
              g_set_error (error, PLAZA_CSV_ERROR, PLAZA_CSV_ERROR_SYNTAX,
                           _("unexpected text after a closing quote"));
              return FALSE;
            }
        }
      else
        {
          const char *begin = self->p;

          while (self->p < self->end && *self->p != ',' && *self->p != '\r' && *self->p != '\n')
            self->p++;
          g_string_append_len (field, begin, self->p - begin);
        }

      g_string_append_c (field, '\0');
      g_array_append_val (self->starts, start);

      if (self->p < self->end && *self->p == ',')
        {
          self->p++;
          continue;
        }
      eat_line_break (self);
      break;
    }

  /* The buffer may have moved while it grew: point into it only now. */
  for (guint i = 0; i < self->starts->len; i++)
    g_ptr_array_add (self->fields, field->str + g_array_index (self->starts, gsize, i));
  g_ptr_array_add (self->fields, NULL);
  *fields = (char **) self->fields->pdata;
  return TRUE;
}

void
plaza_csv_append_field (GString    *out,
                        const char *field)
{
  gsize len;

  g_return_if_fail (out != NULL);

  if (field == NULL || *field == '\0')
    return;

  len = strlen (field);
  if (strpbrk (field, ",\"\r\n") == NULL && field[0] != ' ' && field[len - 1] != ' ')
    {
      g_string_append_len (out, field, len);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *c = field; *c != '\0'; c++)
    {
      if (*c == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *c);
    }
  g_string_append_c (out, '"');
}

void
plaza_csv_append_row (GString            *out,
                      const char * const *fields,
                      guint               n)
{
  g_return_if_fail (out != NULL);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      plaza_csv_append_field (out, fields[i]);
    }
  g_string_append_c (out, '\n');
}
