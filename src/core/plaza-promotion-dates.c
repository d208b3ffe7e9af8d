/* plaza-promotion-dates.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The promotions of a date range for the calendar and the timeline, with
 * the clash flag worked out by plaza_promotion_find_clashes (), and the
 * move of a draft dragged on the timeline, written through
 * plaza_promotion_update () so it has the same rev check and change_log
 * row as an edit in the editor.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-date.h"
#include "plaza-promotion.h"
#include "plaza-promotion-dates.h"

void
plaza_promotion_span_free (PlazaPromotionSpan *span)
{
  if (span == NULL)
    return;
  g_free (span->code);
  g_free (span->name);
  g_free (span->state);
  g_free (span->start_date);
  g_free (span->end_date);
  g_free (span->mechanics);
  g_free (span->clash_codes);
  g_free (span);
}

PlazaPromotionSpan *
plaza_promotion_span_copy (const PlazaPromotionSpan *span)
{
  PlazaPromotionSpan *copy = g_new0 (PlazaPromotionSpan, 1);

  *copy = *span;
  copy->code = g_strdup (span->code);
  copy->name = g_strdup (span->name);
  copy->state = g_strdup (span->state);
  copy->start_date = g_strdup (span->start_date);
  copy->end_date = g_strdup (span->end_date);
  copy->mechanics = g_strdup (span->mechanics);
  copy->clash_codes = g_strdup (span->clash_codes);
  return copy;
}

gboolean
plaza_promotion_state_movable (const char *state)
{
  return g_strcmp0 (state, "draft") == 0 || g_strcmp0 (state, "rejected") == 0;
}

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? (const char *) text : "");
}

static gboolean
fill_clash (PlazaStore         *store,
            PlazaPromotionSpan *span,
            GError            **error)
{
  g_autoptr(GPtrArray) clashes = NULL;
  g_autoptr(GString) codes = g_string_new (NULL);

  if (g_str_equal (span->state, "cancelled") || g_str_equal (span->state, "rejected"))
    {
      span->clash_codes = g_strdup ("");
      return TRUE;
    }
  if (!plaza_promotion_find_clashes (store, span->id, NULL, &clashes, error))
    return FALSE;
  for (guint i = 0; i < clashes->len; i++)
    {
      const PlazaPromotionClash *c = g_ptr_array_index (clashes, i);

      if (codes->len > 0)
        g_string_append (codes, ", ");
      g_string_append (codes, c->code);
    }
  span->clash = clashes->len > 0;
  span->clash_codes = g_string_free (g_steal_pointer (&codes), FALSE);
  return TRUE;
}

GPtrArray *
plaza_promotion_calendar_query (PlazaStore  *store,
                                const char  *from,
                                const char  *to,
                                GError     **error)
{
  g_autoptr(GPtrArray) spans = g_ptr_array_new_with_free_func ((GDestroyNotify) plaza_promotion_span_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GDate d_from, d_to;
  int rc;

  if (from == NULL || to == NULL || !plaza_date_parse (from, &d_from) || !plaza_date_parse (to, &d_to)
      || g_date_compare (&d_from, &d_to) > 0)
    {
      g_set_error_literal (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                           _("Dates: the range must run from one day like 2026-11-01 to a later one."));
      return NULL;
    }

  stmt = plaza_store_prepare (store,
                              "SELECT id, rev, code, name, state, start_date, end_date, mechanics "
                              "FROM promotions WHERE start_date <= ?2 AND end_date >= ?1 "
                              "ORDER BY start_date, end_date, code", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PlazaPromotionSpan *span = g_new0 (PlazaPromotionSpan, 1);

      span->id = sqlite3_column_int64 (stmt, 0);
      span->rev = sqlite3_column_int64 (stmt, 1);
      span->code = column_text (stmt, 2);
      span->name = column_text (stmt, 3);
      span->state = column_text (stmt, 4);
      span->start_date = column_text (stmt, 5);
      span->end_date = column_text (stmt, 6);
      span->mechanics = column_text (stmt, 7);
      g_ptr_array_add (spans, span);
    }
  if (rc != SQLITE_DONE)
    {
      plaza_store_set_sqlite_error (store, error);
      return NULL;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  for (guint i = 0; i < spans->len; i++)
    if (!fill_clash (store, g_ptr_array_index (spans, i), error))
      return NULL;
  return g_steal_pointer (&spans);
}

gint64
plaza_promotion_move (PlazaStore  *store,
                      gint64       id,
                      gint64       rev,
                      const char  *new_start,
                      const char  *new_end,
                      GError     **error)
{
  g_autoptr(PlazaPromotion) p = NULL;
  GDate start, end;

  if (new_start == NULL || !plaza_date_parse (new_start, &start))
    {
      g_set_error_literal (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                           _("Start date: enter a date like 2026-11-27."));
      return 0;
    }
  if (new_end == NULL || !plaza_date_parse (new_end, &end))
    {
      g_set_error_literal (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                           _("End date: enter a date like 2026-11-27."));
      return 0;
    }
  if (g_date_compare (&end, &start) < 0)
    {
      g_set_error_literal (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                           _("End date: the promotion cannot end before it starts."));
      return 0;
    }

  p = plaza_promotion_load (store, id, error);
  if (p == NULL)
    return 0;
  /* Loaded at another rev: the update's rev check says who saved since. */
  if (p->rev == rev && !plaza_promotion_state_movable (p->state))
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                   _("Promotion %s is %s: only drafts and rejected plans can be moved. Open it to change its dates."),
                   p->code,
                   g_str_equal (p->state, "approved") ? _("approved")
                   : g_str_equal (p->state, "submitted") ? _("submitted for approval")
                   : g_str_equal (p->state, "cancelled") ? _("cancelled") : p->state);
      return 0;
    }
  p->rev = rev;
  g_free (p->start_date);
  p->start_date = g_strdup (new_start);
  g_free (p->end_date);
  p->end_date = g_strdup (new_end);
  if (!plaza_promotion_update (store, p, error))
    return 0;
  return p->rev;
}
