/* plaza-record.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row of a list (tenants, units, contracts …): an id, a rev and a fixed
 * number of values, each either text or an integer, described by the list's
 * PlazaColumn array (plaza-list-query.h). Immutable once built; safe to hand
 * from the worker thread to the GUI.
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PLAZA_TYPE_RECORD (plaza_record_get_type ())
G_DECLARE_FINAL_TYPE (PlazaRecord, plaza_record, PLAZA, RECORD, GObject)

PlazaRecord *plaza_record_new         (gint64       id,
                                       guint        n_values);
gint64       plaza_record_get_id      (PlazaRecord *self);
gint64       plaza_record_get_rev     (PlazaRecord *self);
void         plaza_record_set_rev     (PlazaRecord *self,
                                       gint64       rev);
guint        plaza_record_get_n_values (PlazaRecord *self);
void         plaza_record_set_text    (PlazaRecord *self,
                                       guint        column,
                                       const char  *text);
void         plaza_record_set_int     (PlazaRecord *self,
                                       guint        column,
                                       gint64       value);
/* NULL for integer or unset values. */
const char  *plaza_record_get_text    (PlazaRecord *self,
                                       guint        column);
/* 0 for text or unset values. */
gint64       plaza_record_get_int     (PlazaRecord *self,
                                       guint        column);
gboolean     plaza_record_is_null     (PlazaRecord *self,
                                       guint        column);
/* TRUE when any text value contains @needle (casefolded, UTF-8). */
gboolean     plaza_record_matches     (PlazaRecord *self,
                                       const char  *needle_casefolded);

G_END_DECLS
