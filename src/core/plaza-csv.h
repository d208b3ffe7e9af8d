/* plaza-csv.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small CSV reader and writer (RFC 4180). The reader takes a whole file
 * in memory, detects its encoding (UTF-8 with or without BOM, otherwise
 * GB18030, of which GBK is a subset), converts it to UTF-8 and hands out
 * records with the line number each one starts on.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PLAZA_CSV_ERROR (plaza_csv_error_quark ())

typedef enum
{
  PLAZA_CSV_ERROR_ENCODING, /* neither UTF-8 nor GB18030, or binary */
  PLAZA_CSV_ERROR_SYNTAX,   /* bad quoting */
} PlazaCsvError;

typedef struct _PlazaCsvReader PlazaCsvReader;

GQuark          plaza_csv_error_quark         (void);

/* Takes a copy of @data. Fails with PLAZA_CSV_ERROR_ENCODING when the bytes
 * are neither UTF-8 nor GB18030 or contain NUL bytes. */
PlazaCsvReader *plaza_csv_reader_new          (const char      *data,
                                               gsize            length,
                                               GError         **error);
void            plaza_csv_reader_free         (PlazaCsvReader  *self);

/* "UTF-8" or "GB18030": what the bytes were read as. */
const char     *plaza_csv_reader_get_encoding (PlazaCsvReader  *self);
/* TRUE when the data started with a UTF-8 byte order mark. */
gboolean        plaza_csv_reader_had_bom      (PlazaCsvReader  *self);

/* Back to the first record. */
void            plaza_csv_reader_rewind       (PlazaCsvReader  *self);
/* Bytes of the UTF-8 text read so far, and in all (for progress). */
gsize           plaza_csv_reader_get_offset   (PlazaCsvReader  *self);
gsize           plaza_csv_reader_get_length   (PlazaCsvReader  *self);

/* Reads the next record. Returns TRUE with @fields set to a NULL-terminated
 * array owned by the reader (valid until the next call; the strings may be
 * changed in place, e.g. trimmed) and @line to the
 * 1-based line the record starts on. Returns FALSE at the end (error unset)
 * or on bad quoting (PLAZA_CSV_ERROR_SYNTAX; @line and @column then say
 * where: the record's first line and the 0-based field index). */
gboolean        plaza_csv_reader_next         (PlazaCsvReader  *self,
                                               char          ***fields,
                                               guint           *line,
                                               guint           *column,
                                               GError         **error);

/* Writer: appends @field to @out, quoted when it holds a comma, a quote, a
 * line break or leading/trailing spaces. */
void            plaza_csv_append_field        (GString         *out,
                                               const char      *field);
/* Appends @n fields separated by commas and a "\n". NULL fields are empty. */
void            plaza_csv_append_row          (GString         *out,
                                               const char * const *fields,
                                               guint            n);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlazaCsvReader, plaza_csv_reader_free)

G_END_DECLS
