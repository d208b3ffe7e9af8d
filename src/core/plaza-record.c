/* plaza-record.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <string.h>

#include "plaza-record.h"

typedef enum
{
  VALUE_NULL,
  VALUE_TEXT,
  VALUE_INT,
} ValueType;

typedef struct
{
  ValueType type;
  union
  {
    char   *text;
    gint64  number;
  };
} Value;

struct _PlazaRecord
{
  GObject  parent_instance;

  gint64   id;
  gint64   rev;
  guint    n_values;
  Value   *values;

  /* The text values casefolded and joined by U+001F, built on the first
   * search (atomically, so two threads may search at once). */
  char    *folded;
};

G_DEFINE_FINAL_TYPE (PlazaRecord, plaza_record, G_TYPE_OBJECT)

static void
value_clear (Value *value)
{
  if (value->type == VALUE_TEXT)
    g_free (value->text);
  value->type = VALUE_NULL;
  value->number = 0;
}

static void
invalidate_search (PlazaRecord *self)
{
  char *folded = g_atomic_pointer_exchange (&self->folded, NULL);

  g_free (folded);
}

static const char *
get_folded (PlazaRecord *self)
{
  char *folded = g_atomic_pointer_get (&self->folded);
  g_autoptr(GString) joined = NULL;

  if (folded != NULL)
    return folded;

  joined = g_string_new (NULL);
  for (guint i = 0; i < self->n_values; i++)
    {
      if (self->values[i].type != VALUE_TEXT || self->values[i].text == NULL)
        continue;
      if (joined->len > 0)
        g_string_append_c (joined, '\x1f');   /* no match across two values */
      g_string_append (joined, self->values[i].text);
    }
  folded = g_utf8_casefold (joined->str, (gssize) joined->len);

  if (!g_atomic_pointer_compare_and_exchange (&self->folded, NULL, folded))
    {
      g_free (folded);
      folded = g_atomic_pointer_get (&self->folded);
    }
  return folded;
}

static void
plaza_record_finalize (GObject *object)
{
  PlazaRecord *self = (PlazaRecord *) object;

  for (guint i = 0; i < self->n_values; i++)
    value_clear (&self->values[i]);
  g_free (self->values);
  g_free (self->folded);

  G_OBJECT_CLASS (plaza_record_parent_class)->finalize (object);
}

static void
plaza_record_class_init (PlazaRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = plaza_record_finalize;
}

static void
plaza_record_init (PlazaRecord *self)
{
  self->rev = 1;
}

PlazaRecord *
plaza_record_new (gint64 id,
                  guint  n_values)
{
  PlazaRecord *self = g_object_new (PLAZA_TYPE_RECORD, NULL);

  self->id = id;
  self->n_values = n_values;
  self->values = g_new0 (Value, MAX (n_values, 1));
  return self;
}

gint64
plaza_record_get_id (PlazaRecord *self)
{
  g_return_val_if_fail (PLAZA_IS_RECORD (self), 0);
  return self->id;
}

gint64
plaza_record_get_rev (PlazaRecord *self)
{
  g_return_val_if_fail (PLAZA_IS_RECORD (self), 0);
  return self->rev;
}

void
plaza_record_set_rev (PlazaRecord *self,
                      gint64       rev)
{
  g_return_if_fail (PLAZA_IS_RECORD (self));
  self->rev = rev;
}

guint
plaza_record_get_n_values (PlazaRecord *self)
{
  g_return_val_if_fail (PLAZA_IS_RECORD (self), 0);
  return self->n_values;
}

void
plaza_record_set_text (PlazaRecord *self,
                       guint        column,
                       const char  *text)
{
  Value *value;

  g_return_if_fail (PLAZA_IS_RECORD (self));
  g_return_if_fail (column < self->n_values);

  invalidate_search (self);
  value = &self->values[column];
  value_clear (value);
  if (text != NULL)
    {
      value->type = VALUE_TEXT;
      value->text = g_strdup (text);
    }
}

void
plaza_record_set_int (PlazaRecord *self,
                      guint        column,
                      gint64       number)
{
  Value *value;

  g_return_if_fail (PLAZA_IS_RECORD (self));
  g_return_if_fail (column < self->n_values);

  invalidate_search (self);
  value = &self->values[column];
  value_clear (value);
  value->type = VALUE_INT;
  value->number = number;
}

const char *
plaza_record_get_text (PlazaRecord *self,
                       guint        column)
{
  g_return_val_if_fail (PLAZA_IS_RECORD (self), NULL);
  g_return_val_if_fail (column < self->n_values, NULL);

  if (self->values[column].type != VALUE_TEXT)
    return NULL;
  return self->values[column].text;
}

gint64
plaza_record_get_int (PlazaRecord *self,
                      guint        column)
{
  g_return_val_if_fail (PLAZA_IS_RECORD (self), 0);
  g_return_val_if_fail (column < self->n_values, 0);

  if (self->values[column].type != VALUE_INT)
    return 0;
  return self->values[column].number;
}

gboolean
plaza_record_is_null (PlazaRecord *self,
                      guint        column)
{
  g_return_val_if_fail (PLAZA_IS_RECORD (self), TRUE);
  g_return_val_if_fail (column < self->n_values, TRUE);

  return self->values[column].type == VALUE_NULL;
}

gboolean
plaza_record_matches (PlazaRecord *self,
                      const char  *needle_casefolded)
{
  g_return_val_if_fail (PLAZA_IS_RECORD (self), FALSE);

  if (needle_casefolded == NULL || needle_casefolded[0] == '\0')
    return TRUE;
  return strstr (get_folded (self), needle_casefolded) != NULL;
}
