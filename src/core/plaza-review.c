/* plaza-review.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The quarterly review (see plaza-review.h): built from the tenant health
 * scores, ranked within categories, with default proposals a planner may
 * change and a manager approves or rejects.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "plaza-date.h"
#include "plaza-health.h"
#include "plaza-review.h"

void
plaza_review_row_free (PlazaReviewRow *row)
{
  if (row == NULL)
    return;
  g_free (row->tenant_code);
  g_free (row->tenant_name);
  g_free (row->category);
  g_free (row->reasons);
  g_free (row->proposal);
  g_free (row->state);
  g_free (row->comment);
  g_free (row);
}

static gboolean
invalid (GError     **error,
         const char  *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError     **error,
         const char  *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID, message);
  return FALSE;
}

gboolean
plaza_review_parse_quarter (const char  *text,
                            char       **quarter,
                            char       **last_month)
{
  int year = 0, q = 0;
  char tail = 0;

  if (text == NULL)
    return FALSE;
  if (sscanf (text, "%4d-Q%1d%c", &year, &q, &tail) != 2 &&
      sscanf (text, "%4dQ%1d%c", &year, &q, &tail) != 2)
    return FALSE;
  if (year < 1900 || year > 9999 || q < 1 || q > 4 || strlen (text) > 7)
    return FALSE;
  if (quarter != NULL)
    *quarter = g_strdup_printf ("%04d-Q%d", year, q);
  if (last_month != NULL)
    *last_month = g_strdup_printf ("%04d-%02d", year, q * 3);
  return TRUE;
}

char *
plaza_review_quarter_of (const char *date)
{
  GDate d;

  if (!plaza_date_parse (date, &d))
    return NULL;
  return g_strdup_printf ("%04d-Q%d", g_date_get_year (&d), (g_date_get_month (&d) + 2) / 3);
}

char *
plaza_review_quarter_before (const char *quarter)
{
  int year, q;

  if (quarter == NULL || sscanf (quarter, "%4d-Q%1d", &year, &q) != 2)
    return NULL;
  if (--q == 0)
    {
      q = 4;
      year--;
    }
  return g_strdup_printf ("%04d-Q%d", year, q);
}

const char *
plaza_review_default_proposal (gint64 score,
                               gint64 rank,
                               gint64 n_in_category)
{
  if (score < PLAZA_REVIEW_REPLACE_BELOW && rank == n_in_category)
    return "replace";
  if (score < PLAZA_REVIEW_REPLACE_BELOW)
    return "relocate";
  if (score < PLAZA_REVIEW_WARN_BELOW)
    return "warn";
  return "keep";
}

const char *
plaza_review_proposal_label (const char *proposal)
{
  if (g_strcmp0 (proposal, "warn") == 0)
    return _("Warn");
  if (g_strcmp0 (proposal, "relocate") == 0)
    return _("Relocate");
  if (g_strcmp0 (proposal, "replace") == 0)
    return _("Replace");
  return _("Keep");
}

const char *
plaza_review_state_label (const char *state)
{
  if (g_strcmp0 (state, "submitted") == 0)
    return _("Submitted");
  if (g_strcmp0 (state, "approved") == 0)
    return _("Approved");
  if (g_strcmp0 (state, "rejected") == 0)
    return _("Rejected");
  return _("Draft");
}

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

static gboolean
valid_proposal (const char *proposal)
{
  return g_strcmp0 (proposal, "keep") == 0 || g_strcmp0 (proposal, "warn") == 0 ||
         g_strcmp0 (proposal, "relocate") == 0 || g_strcmp0 (proposal, "replace") == 0;
}

/* ---- build -------------------------------------------------------------- */

typedef struct
{
  const char       *quarter;
  GPtrArray        *health;     /* PlazaHealthRow */
  gint64           *ranks;
  gint64           *counts;
  PlazaReviewBuild  result;
} BuildData;

static int
by_category_then_best (gconstpointer a,
                       gconstpointer b)
{
  const PlazaHealthRow *x = *(PlazaHealthRow * const *) a;
  const PlazaHealthRow *y = *(PlazaHealthRow * const *) b;

  if (x->category_id != y->category_id)
    return x->category_id < y->category_id ? -1 : 1;
  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  return g_strcmp0 (x->code, y->code);
}

static void
rank_rows (BuildData *data)
{
  GPtrArray *rows = data->health;
  guint start = 0;

  g_ptr_array_sort (rows, by_category_then_best);
  data->ranks = g_new0 (gint64, MAX (rows->len, 1));
  data->counts = g_new0 (gint64, MAX (rows->len, 1));
  for (guint i = 0; i <= rows->len; i++)
    {
      const PlazaHealthRow *first = start < rows->len ? g_ptr_array_index (rows, start) : NULL;

      if (i < rows->len && ((PlazaHealthRow *) g_ptr_array_index (rows, i))->category_id == first->category_id)
        continue;
      for (guint j = start; j < i; j++)
        {
          data->ranks[j] = j - start + 1;
          data->counts[j] = i - start;
        }
      start = i;
    }
}

static gboolean
build_func (PlazaStore  *store,
            gpointer     user_data,
            GError     **error)
{
  BuildData *data = user_data;
  g_autoptr(sqlite3_stmt) find = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) remove = NULL;
  g_autofree char *summary = NULL;
  GString *keep_ids = g_string_new ("");

  memset (&data->result, 0, sizeof data->result);
  find = plaza_store_prepare (store, "SELECT id, state, comment FROM tenant_reviews WHERE quarter = ? AND tenant_id = ?", error);
  update = plaza_store_prepare (store,
                                "UPDATE tenant_reviews SET score = ?, rank = ?, reasons = ?, "
                                "proposal = CASE WHEN comment = '' THEN ? ELSE proposal END, "
                                "state = 'draft', rev = rev + 1 WHERE id = ?", error);
  insert = plaza_store_prepare (store,
                                "INSERT INTO tenant_reviews (quarter, tenant_id, score, rank, reasons, proposal) "
                                "VALUES (?, ?, ?, ?, ?, ?)", error);
  if (find == NULL || update == NULL || insert == NULL)
    {
      g_string_free (keep_ids, TRUE);
      return FALSE;
    }

  g_string_append (keep_ids, "0");
  for (guint i = 0; i < data->health->len; i++)
    {
      const PlazaHealthRow *h = g_ptr_array_index (data->health, i);
      const char *proposal = plaza_review_default_proposal (h->score, data->ranks[i], data->counts[i]);

      g_string_append_printf (keep_ids, ",%lld", (long long) h->tenant_id);
      sqlite3_reset (find);
      sqlite3_bind_text (find, 1, data->quarter, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (find, 2, h->tenant_id);
      if (sqlite3_step (find) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (find, 0);

          if (g_strcmp0 ((const char *) sqlite3_column_text (find, 1), "approved") == 0)
            {
              data->result.n_approved_kept++;
              continue;
            }
          sqlite3_reset (update);
          sqlite3_bind_int64 (update, 1, h->score);
          sqlite3_bind_int64 (update, 2, data->ranks[i]);
          sqlite3_bind_text (update, 3, h->reasons, -1, SQLITE_STATIC);
          sqlite3_bind_text (update, 4, proposal, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (update, 5, id);
          if (sqlite3_step (update) != SQLITE_DONE)
            {
              g_string_free (keep_ids, TRUE);
              return plaza_store_set_sqlite_error (store, error);
            }
          data->result.n_updated++;
        }
      else
        {
          sqlite3_reset (insert);
          sqlite3_bind_text (insert, 1, data->quarter, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (insert, 2, h->tenant_id);
          sqlite3_bind_int64 (insert, 3, h->score);
          sqlite3_bind_int64 (insert, 4, data->ranks[i]);
          sqlite3_bind_text (insert, 5, h->reasons, -1, SQLITE_STATIC);
          sqlite3_bind_text (insert, 6, proposal, -1, SQLITE_STATIC);
          if (sqlite3_step (insert) != SQLITE_DONE)
            {
              g_string_free (keep_ids, TRUE);
              return plaza_store_set_sqlite_error (store, error);
            }
          data->result.n_new++;
        }
    }

  {
    g_autofree char *sql = g_strdup_printf ("DELETE FROM tenant_reviews WHERE quarter = ? AND state <> 'approved' "
                                            "AND tenant_id NOT IN (%s)", keep_ids->str);
    g_string_free (keep_ids, TRUE);
    remove = plaza_store_prepare (store, sql, error);
    if (remove == NULL)
      return FALSE;
    sqlite3_bind_text (remove, 1, data->quarter, -1, SQLITE_STATIC);
    if (sqlite3_step (remove) != SQLITE_DONE)
      return plaza_store_set_sqlite_error (store, error);
    data->result.n_removed = sqlite3_changes (plaza_store_get_db (store));
  }

  data->result.n_rows = data->health->len;
  summary = g_strdup_printf ("review %s built: %u tenants, %u new, %u refreshed, %u removed, %u approved kept",
                             data->quarter, data->result.n_rows, data->result.n_new, data->result.n_updated,
                             data->result.n_removed, data->result.n_approved_kept);
  return plaza_store_log_change (store, "tenant_review", 0, "build", summary, error);
}

gboolean
plaza_review_build (PlazaStore       *store,
                    const char       *quarter,
                    PlazaReviewBuild *result,
                    GError          **error)
{
  g_autofree char *canonical = NULL;
  g_autofree char *month = NULL;
  g_autoptr(GPtrArray) health = NULL;
  BuildData data = { 0 };
  gboolean ok;

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);

  if (!plaza_review_parse_quarter (quarter, &canonical, &month))
    return invalid (error, _("quarter: “%s” is not a quarter like 2026-Q3."), quarter != NULL ? quarter : "");
  if (!plaza_health_scores (store, month, &health, error))
    return FALSE;
  data.quarter = canonical;
  data.health = health;
  rank_rows (&data);
  ok = plaza_store_write (store, build_func, &data, error);
  g_free (data.ranks);
  g_free (data.counts);
  if (ok && result != NULL)
    *result = data.result;
  return ok;
}

/* ---- list --------------------------------------------------------------- */

gboolean
plaza_review_list (PlazaStore  *store,
                   const char  *quarter,
                   GPtrArray  **rows,
                   GError     **error)
{
  g_autofree char *canonical = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) plaza_review_row_free);

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);

  if (!plaza_review_parse_quarter (quarter, &canonical, NULL))
    return invalid (error, _("quarter: “%s” is not a quarter like 2026-Q3."), quarter != NULL ? quarter : "");
  stmt = plaza_store_prepare (store,
                              "SELECT r.id, r.rev, r.tenant_id, t.code, t.name, coalesce (c.name, ''), r.score, r.rank, "
                              "  (SELECT count(*) FROM tenant_reviews r2 JOIN tenants t2 ON t2.id = r2.tenant_id "
                              "   WHERE r2.quarter = r.quarter AND t2.category_id IS t.category_id), "
                              "  r.reasons, r.proposal, r.state, r.comment, "
                              "  coalesce ((SELECT k.id FROM contracts k WHERE k.tenant_id = r.tenant_id AND k.state = 'active' "
                              "             ORDER BY k.end_date DESC, k.id DESC LIMIT 1), 0), "
                              "  coalesce ((SELECT e.id FROM evictions e JOIN contracts k ON k.id = e.contract_id "
                              "             WHERE k.tenant_id = r.tenant_id AND e.state <> 'cancelled' "
                              "             ORDER BY e.id DESC LIMIT 1), 0) "
                              "FROM tenant_reviews r JOIN tenants t ON t.id = r.tenant_id "
                              "LEFT JOIN categories c ON c.id = t.category_id "
                              "WHERE r.quarter = ? ORDER BY coalesce (c.name, '') , r.rank, t.code", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, canonical, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      PlazaReviewRow *row = g_new0 (PlazaReviewRow, 1);

      row->id = sqlite3_column_int64 (stmt, 0);
      row->rev = sqlite3_column_int64 (stmt, 1);
      row->tenant_id = sqlite3_column_int64 (stmt, 2);
      row->tenant_code = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      row->tenant_name = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      row->category = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      row->score = sqlite3_column_int64 (stmt, 6);
      row->rank = sqlite3_column_int64 (stmt, 7);
      row->n_in_category = sqlite3_column_int64 (stmt, 8);
      row->reasons = g_strdup ((const char *) sqlite3_column_text (stmt, 9));
      row->proposal = g_strdup ((const char *) sqlite3_column_text (stmt, 10));
      row->state = g_strdup ((const char *) sqlite3_column_text (stmt, 11));
      row->comment = g_strdup ((const char *) sqlite3_column_text (stmt, 12));
      row->contract_id = sqlite3_column_int64 (stmt, 13);
      row->eviction_id = sqlite3_column_int64 (stmt, 14);
      g_ptr_array_add (out, row);
    }
  *rows = g_steal_pointer (&out);
  return TRUE;
}

/* ---- changes and decisions ---------------------------------------------- */

typedef struct
{
  gint64       id;
  gint64       rev;
  const char  *proposal;   /* NULL: a decision */
  const char  *note;
  gboolean     approve;
  const char  *quarter;    /* a decision on the whole quarter */
  guint        n;
} ChangeData;

static gboolean
load_row (PlazaStore  *store,
          gint64       id,
          gint64       rev,
          char       **state,
          char       **summary_head,
          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = plaza_store_prepare (store,
                              "SELECT r.rev, r.state, r.quarter, t.code FROM tenant_reviews r "
                              "JOIN tenants t ON t.id = r.tenant_id WHERE r.id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND, _("There is no review row %lld."), (long long) id);
      return FALSE;
    }
  if (sqlite3_column_int64 (stmt, 0) != rev)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_CONFLICT,
                   _("The review of %s was changed by someone else; reload it."), (const char *) sqlite3_column_text (stmt, 3));
      return FALSE;
    }
  *state = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  *summary_head = g_strdup_printf ("%s %s", (const char *) sqlite3_column_text (stmt, 2),
                                   (const char *) sqlite3_column_text (stmt, 3));
  return TRUE;
}

static gboolean
change_func (PlazaStore  *store,
             gpointer     user_data,
             GError     **error)
{
  ChangeData *data = user_data;
  g_autofree char *state = NULL;
  g_autofree char *head = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!load_row (store, data->id, data->rev, &state, &head, error))
    return FALSE;
  if (g_str_equal (state, "approved"))
    return invalid (error, _("The review of %s is approved already."), head);

  if (data->proposal != NULL)
    {
      stmt = plaza_store_prepare (store, "UPDATE tenant_reviews SET proposal = ?, comment = ?, state = 'draft', "
                                         "rev = rev + 1 WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, data->proposal, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, data->note, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, data->id);
      summary = g_strdup_printf ("%s: proposal %s (%s)", head, data->proposal, data->note);
    }
  else
    {
      if (g_str_equal (state, "rejected"))
        return invalid (error, _("The review of %s is rejected: change its proposal first."), head);
      stmt = plaza_store_prepare (store, "UPDATE tenant_reviews SET state = ?, rev = rev + 1 WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, data->approve ? "approved" : "rejected", -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, data->id);
      summary = g_strdup_printf ("%s: %s%s%s", head, data->approve ? "approved" : "rejected",
                                 data->note != NULL && *data->note != '\0' ? " — " : "",
                                 data->note != NULL ? data->note : "");
    }
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  return plaza_store_log_change (store, "tenant_review", data->id,
                                 data->proposal != NULL ? "proposal" : (data->approve ? "approve" : "reject"),
                                 summary, error);
}

gboolean
plaza_review_set_proposal (PlazaStore  *store,
                           gint64       id,
                           gint64       rev,
                           const char  *proposal,
                           const char  *note,
                           GError     **error)
{
  ChangeData data = { id, rev, proposal, note, FALSE, NULL, 0 };

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);

  if (!valid_proposal (proposal))
    return invalid (error, _("proposal: “%s” is not keep, warn, relocate or replace."), proposal != NULL ? proposal : "");
  if (is_blank (note))
    return invalid (error, _("note: say why the proposal changes."));
  return plaza_store_write (store, change_func, &data, error);
}

gboolean
plaza_review_decide (PlazaStore  *store,
                     gint64       id,
                     gint64       rev,
                     gboolean     approve,
                     const char  *comment,
                     GError     **error)
{
  ChangeData data = { id, rev, NULL, comment, approve, NULL, 0 };

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);

  if (!approve && (comment == NULL || *comment == '\0'))
    return invalid (error, _("comment: say why the proposal is rejected."));
  return plaza_store_write (store, change_func, &data, error);
}

static gboolean
decide_quarter_func (PlazaStore  *store,
                     gpointer     user_data,
                     GError     **error)
{
  ChangeData *data = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *summary = NULL;

  stmt = plaza_store_prepare (store, "UPDATE tenant_reviews SET state = ?, rev = rev + 1 "
                                     "WHERE quarter = ? AND state IN ('draft', 'submitted')", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, data->approve ? "approved" : "rejected", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, data->quarter, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  data->n = sqlite3_changes (plaza_store_get_db (store));
  if (data->n == 0)
    return invalid (error, _("The review of %s has no row waiting for a decision."), data->quarter);
  summary = g_strdup_printf ("review %s: %u rows %s%s%s", data->quarter, data->n,
                             data->approve ? "approved" : "rejected",
                             data->note != NULL && *data->note != '\0' ? " — " : "",
                             data->note != NULL ? data->note : "");
  return plaza_store_log_change (store, "tenant_review", 0, data->approve ? "approve" : "reject", summary, error);
}

gboolean
plaza_review_decide_quarter (PlazaStore  *store,
                             const char  *quarter,
                             gboolean     approve,
                             const char  *comment,
                             guint       *n_decided,
                             GError     **error)
{
  g_autofree char *canonical = NULL;
  ChangeData data = { 0, 0, NULL, comment, approve, NULL, 0 };

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);

  if (!plaza_review_parse_quarter (quarter, &canonical, NULL))
    return invalid (error, _("quarter: “%s” is not a quarter like 2026-Q3."), quarter != NULL ? quarter : "");
  if (!approve && (comment == NULL || *comment == '\0'))
    return invalid (error, _("comment: say why the proposals are rejected."));
  data.quarter = canonical;
  if (!plaza_store_write (store, decide_quarter_func, &data, error))
    return FALSE;
  if (n_decided != NULL)
    *n_decided = data.n;
  return TRUE;
}
