/* plaza-eviction.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Evictions (清退, see plaza-eviction.h): the notice, the handover, the
 * completion that terminates the contract, settles its deposit and makes
 * its units vacant, and the queries the window shows. The notice letter is
 * in plaza-eviction-pdf.c.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "plaza-contract.h"
#include "plaza-date.h"
#include "plaza-eviction.h"
#include "plaza-payments-private.h"
#include "plaza-review.h"

void
plaza_eviction_free (PlazaEviction *e)
{
  if (e == NULL)
    return;
  g_free (e->contract_code);
  g_free (e->contract_state);
  g_free (e->contract_start);
  g_free (e->contract_end);
  g_free (e->tenant_code);
  g_free (e->tenant_name);
  g_free (e->units);
  g_free (e->notice_date);
  g_free (e->deadline);
  g_free (e->handover_date);
  g_free (e->handover_notes);
  g_free (e->state);
  g_free (e->reason);
  g_free (e);
}

const char *
plaza_eviction_state_label (const char *state)
{
  if (g_strcmp0 (state, "handed_over") == 0)
    return _("Handed over");
  if (g_strcmp0 (state, "settled") == 0)
    return _("Completed");
  if (g_strcmp0 (state, "cancelled") == 0)
    return _("Cancelled");
  return _("Notified");
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

static gboolean
blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

static char *
text_column (sqlite3_stmt *stmt,
             int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* ---- queries ------------------------------------------------------------ */

#define EVICTION_SELECT \
  "SELECT e.id, e.rev, e.contract_id, k.code, k.state, k.start_date, k.end_date, t.id, t.code, t.name, " \
  "  coalesce ((SELECT group_concat (code, ', ') FROM (SELECT u.code FROM contract_units cu JOIN units u " \
  "             ON u.id = cu.unit_id WHERE cu.contract_id = k.id ORDER BY u.code)), ''), " \
  "  e.notice_date, e.deadline, e.handover_date, e.state, e.reason, e.handover_notes " \
  "FROM evictions e JOIN contracts k ON k.id = e.contract_id JOIN tenants t ON t.id = k.tenant_id "

static PlazaEviction *
eviction_from_row (sqlite3_stmt *stmt)
{
  PlazaEviction *e = g_new0 (PlazaEviction, 1);

  e->id = sqlite3_column_int64 (stmt, 0);
  e->rev = sqlite3_column_int64 (stmt, 1);
  e->contract_id = sqlite3_column_int64 (stmt, 2);
  e->contract_code = text_column (stmt, 3);
  e->contract_state = text_column (stmt, 4);
  e->contract_start = text_column (stmt, 5);
  e->contract_end = text_column (stmt, 6);
  e->tenant_id = sqlite3_column_int64 (stmt, 7);
  e->tenant_code = text_column (stmt, 8);
  e->tenant_name = text_column (stmt, 9);
  e->units = text_column (stmt, 10);
  e->notice_date = text_column (stmt, 11);
  e->deadline = text_column (stmt, 12);
  e->handover_date = text_column (stmt, 13);
  e->state = text_column (stmt, 14);
  e->reason = text_column (stmt, 15);
  e->handover_notes = text_column (stmt, 16);
  return e;
}

gboolean
plaza_eviction_get (PlazaStore     *store,
                    gint64          id,
                    PlazaEviction **eviction,
                    GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);

  stmt = plaza_store_prepare (store, EVICTION_SELECT "WHERE e.id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND, _("There is no eviction %lld."), (long long) id);
      return FALSE;
    }
  *eviction = eviction_from_row (stmt);
  return TRUE;
}

gboolean
plaza_eviction_list (PlazaStore  *store,
                     gint64       tenant_id,
                     GPtrArray  **evictions,
                     GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) plaza_eviction_free);

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);

  stmt = plaza_store_prepare (store, EVICTION_SELECT "WHERE ?1 = 0 OR t.id = ?1 ORDER BY e.id DESC", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, tenant_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (out, eviction_from_row (stmt));
  *evictions = g_steal_pointer (&out);
  return TRUE;
}

/* ---- notice ------------------------------------------------------------- */

typedef struct
{
  gint64      contract_id;
  const char *notice_date;
  const char *deadline;
  const char *reason;
  gint64      id;
} NotifyData;

static gboolean
notify_func (PlazaStore  *store,
             gpointer     user_data,
             GError     **error)
{
  NotifyData *data = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *code = NULL;
  g_autofree char *summary = NULL;

  stmt = plaza_store_prepare (store, "SELECT code, state, (SELECT count(*) FROM evictions WHERE contract_id = ?1 "
                                     "AND state IN ('notified', 'handed_over')) FROM contracts WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->contract_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return invalid (error, _("contract: there is no contract %lld."), (long long) data->contract_id);
  code = text_column (stmt, 0);
  if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "active") != 0)
    return invalid (error, _("contract: %s is not active."), code);
  if (sqlite3_column_int64 (stmt, 2) > 0)
    return invalid (error, _("contract: %s already has an eviction under way."), code);
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = plaza_store_prepare (store, "INSERT INTO evictions (contract_id, notice_date, deadline, reason) "
                                     "VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->contract_id);
  sqlite3_bind_text (stmt, 2, data->notice_date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, data->deadline, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, data->reason, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  data->id = sqlite3_last_insert_rowid (plaza_store_get_db (store));
  summary = g_strdup_printf ("eviction notice for %s on %s, deadline %s: %s", code, data->notice_date,
                             data->deadline, data->reason);
  return plaza_store_log_change (store, "eviction", data->id, "notify", summary, error);
}

gboolean
plaza_eviction_notify (PlazaStore  *store,
                       gint64       contract_id,
                       const char  *notice_date,
                       const char  *deadline,
                       const char  *reason,
                       gint64      *id,
                       GError     **error)
{
  g_autofree char *deadline_text = NULL;
  NotifyData data = { contract_id, notice_date, NULL, reason, 0 };
  GDate n, d;

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);

  if (!plaza_date_parse (notice_date, &n))
    return invalid (error, _("notice date: “%s” is not a date like 2026-11-27."), notice_date != NULL ? notice_date : "");
  if (deadline == NULL || *deadline == '\0')
    {
      d = n;
      g_date_add_days (&d, PLAZA_EVICTION_NOTICE_DAYS);
    }
  else if (!plaza_date_parse (deadline, &d))
    return invalid (error, _("deadline: “%s” is not a date like 2026-11-27."), deadline);
  if (g_date_compare (&d, &n) < 0)
    return invalid (error, _("deadline: must not be before the notice date."));
  if (blank (reason))
    return invalid (error, _("reason: say why the tenant must leave."));
  deadline_text = plaza_date_format (&d);
  data.deadline = deadline_text;
  if (!plaza_store_write (store, notify_func, &data, error))
    return FALSE;
  if (id != NULL)
    *id = data.id;
  return TRUE;
}

gboolean
plaza_eviction_from_review (PlazaStore  *store,
                            gint64       review_id,
                            const char  *notice_date,
                            const char  *deadline,
                            gint64      *id,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *reason = NULL;
  gint64 contract_id;

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);

  stmt = plaza_store_prepare (store,
                              "SELECT r.quarter, r.proposal, r.state, r.reasons, r.score, t.code, r.rank, "
                              "  (SELECT count(*) FROM tenant_reviews r2 JOIN tenants t2 ON t2.id = r2.tenant_id "
                              "   WHERE r2.quarter = r.quarter AND t2.category_id IS t.category_id), "
                              "  coalesce ((SELECT k.id FROM contracts k WHERE k.tenant_id = r.tenant_id AND k.state = 'active' "
                              "             ORDER BY k.end_date DESC, k.id DESC LIMIT 1), 0) "
                              "FROM tenant_reviews r JOIN tenants t ON t.id = r.tenant_id WHERE r.id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, review_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return invalid (error, _("There is no review row %lld."), (long long) review_id);
  if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "replace") != 0 ||
      g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2), "approved") != 0)
    return invalid (error, _("The review of %s does not propose an approved replacement."),
                    (const char *) sqlite3_column_text (stmt, 5));
  contract_id = sqlite3_column_int64 (stmt, 8);
  if (contract_id == 0)
    return invalid (error, _("%s has no active contract."), (const char *) sqlite3_column_text (stmt, 5));
  if (*(const char *) sqlite3_column_text (stmt, 3) != '\0')
    reason = g_strdup_printf (_("Quarterly review %s: score %lld, rank %lld of %lld in its category (%s)."),
                              (const char *) sqlite3_column_text (stmt, 0), (long long) sqlite3_column_int64 (stmt, 4),
                              (long long) sqlite3_column_int64 (stmt, 6), (long long) sqlite3_column_int64 (stmt, 7),
                              (const char *) sqlite3_column_text (stmt, 3));
  else
    reason = g_strdup_printf (_("Quarterly review %s: score %lld, rank %lld of %lld in its category."),
                              (const char *) sqlite3_column_text (stmt, 0), (long long) sqlite3_column_int64 (stmt, 4),
                              (long long) sqlite3_column_int64 (stmt, 6), (long long) sqlite3_column_int64 (stmt, 7));
  return plaza_eviction_notify (store, contract_id, notice_date, deadline, reason, id, error);
}

/* ---- handover and cancel ------------------------------------------------ */

typedef struct
{
  gint64      id;
  gint64      rev;
  const char *date;
  const char *text;
  gboolean    cancel;
  PlazaEvictionSettlement result;
} StepData;

static gboolean
load_for_step (PlazaStore     *store,
               gint64          id,
               gint64          rev,
               PlazaEviction **e,
               GError        **error)
{
  if (!plaza_eviction_get (store, id, e, error))
    return FALSE;
  if ((*e)->rev != rev)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_CONFLICT,
                   _("The eviction of %s was changed by someone else; reload it."), (*e)->contract_code);
      return FALSE;
    }
  return TRUE;
}

static gboolean
set_state (PlazaStore  *store,
           gint64       id,
           const char  *state,
           const char  *handover_date,
           const char  *handover_notes,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = plaza_store_prepare (store, "UPDATE evictions SET state = ?, handover_date = coalesce (?, handover_date), "
                                     "handover_notes = coalesce (?4, handover_notes), rev = rev + 1 WHERE id = ?3", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, state, -1, SQLITE_STATIC);
  if (handover_date != NULL)
    sqlite3_bind_text (stmt, 2, handover_date, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 2);
  sqlite3_bind_int64 (stmt, 3, id);
  if (handover_notes != NULL)
    sqlite3_bind_text (stmt, 4, handover_notes, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 4);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  return TRUE;
}

static gboolean
handover_func (PlazaStore  *store,
               gpointer     user_data,
               GError     **error)
{
  StepData *data = user_data;
  g_autoptr(PlazaEviction) e = NULL;

  if (!load_for_step (store, data->id, data->rev, &e, error))
    return FALSE;
  if (data->cancel)
    {
      g_autofree char *summary = NULL;

      if (g_str_equal (e->state, "settled") || g_str_equal (e->state, "cancelled"))
        return invalid (error, _("The eviction of %s is over; it cannot be cancelled."), e->contract_code);
      summary = g_strdup_printf ("eviction of %s cancelled: %s", e->contract_code, data->text);
      return set_state (store, e->id, "cancelled", NULL, NULL, error) &&
             plaza_store_log_change (store, "eviction", e->id, "cancel", summary, error);
    }
  if (!g_str_equal (e->state, "notified") && !g_str_equal (e->state, "handed_over"))
    return invalid (error, _("The eviction of %s is over."), e->contract_code);
  if (strcmp (data->date, e->notice_date) < 0)
    return invalid (error, _("handover date: must not be before the notice (%s)."), e->notice_date);
  if (strcmp (data->date, e->contract_start) < 0 || strcmp (data->date, e->contract_end) > 0)
    return invalid (error, _("handover date: must be within the contract (%s … %s)."), e->contract_start, e->contract_end);
  /* The notes are kept in evictions.handover_notes (schema 2); the log's
   * summary stays the notes themselves, as schema 1 kept them. */
  return set_state (store, e->id, "handed_over", data->date, data->text != NULL ? data->text : "", error) &&
         plaza_store_log_change (store, "eviction", e->id, "handover", data->text != NULL ? data->text : "", error);
}

gboolean
plaza_eviction_handover (PlazaStore  *store,
                         gint64       id,
                         gint64       rev,
                         const char  *date,
                         const char  *notes,
                         GError     **error)
{
  StepData data = { id, rev, date, notes, FALSE, { 0 } };
  GDate d;

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);

  if (!plaza_date_parse (date, &d))
    return invalid (error, _("handover date: “%s” is not a date like 2026-11-27."), date != NULL ? date : "");
  return plaza_store_write (store, handover_func, &data, error);
}

gboolean
plaza_eviction_cancel (PlazaStore  *store,
                       gint64       id,
                       gint64       rev,
                       const char  *reason,
                       GError     **error)
{
  StepData data = { id, rev, NULL, reason, TRUE, { 0 } };

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);

  if (blank (reason))
    return invalid (error, _("reason: say why the eviction is cancelled."));
  return plaza_store_write (store, handover_func, &data, error);
}

/* ---- settlement --------------------------------------------------------- */

/* The contract's open lines after the tenant's credit is applied oldest
 * line first (what plaza_payment_apply_credit will do). */
static gboolean
contract_open (PlazaStore  *store,
               gint64       tenant_id,
               gint64       contract_id,
               gint64      *open,
               GError     **error)
{
  g_autoptr(GPtrArray) lines = NULL;
  gint64 credit = plaza_payment_tenant_credit (store, tenant_id);

  *open = 0;
  if (!plaza_payments_load_lines (store, tenant_id, NULL, &lines, NULL, error))
    return FALSE;
  for (guint i = 0; i < lines->len; i++)
    {
      PlazaOpenLine *line = g_ptr_array_index (lines, i);
      gint64 left = MAX (plaza_open_line_open (line), 0);
      gint64 used = MIN (left, credit);

      credit -= used;
      if (line->contract_id == contract_id)
        *open += left - used;
    }
  return TRUE;
}

static guint
count_units (PlazaStore *store,
             gint64      contract_id)
{
  g_autoptr(sqlite3_stmt) stmt = plaza_store_prepare (store, "SELECT count(*) FROM contract_units WHERE contract_id = ?", NULL);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  return sqlite3_step (stmt) == SQLITE_ROW ? (guint) sqlite3_column_int64 (stmt, 0) : 0;
}

gboolean
plaza_eviction_preview (PlazaStore              *store,
                        gint64                   id,
                        PlazaEvictionSettlement *result,
                        GError                 **error)
{
  g_autoptr(PlazaEviction) e = NULL;
  PlazaEvictionSettlement r = { 0 };

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);

  if (!plaza_eviction_get (store, id, &e, error))
    return FALSE;
  r.deposit = plaza_contract_deposit_balance (store, e->contract_id);
  if (!contract_open (store, e->tenant_id, e->contract_id, &r.open, error))
    return FALSE;
  r.offset = MIN (r.open, r.deposit);
  r.refund = r.deposit - r.offset;
  r.n_units = count_units (store, e->contract_id);
  *result = r;
  return TRUE;
}

static gboolean
vacate_units (PlazaStore  *store,
              PlazaEviction *e,
              guint       *n,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) units = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autoptr(sqlite3_stmt) history = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *note = g_strdup_printf ("vacant: eviction %lld, contract %s", (long long) e->id, e->contract_code);

  /* Not a unit another active contract holds, nor one closed or retired. */
  units = plaza_store_prepare (store,
                               "SELECT u.id FROM contract_units cu JOIN units u ON u.id = cu.unit_id "
                               "WHERE cu.contract_id = ?1 AND u.status NOT IN ('closed', 'retired') "
                               "AND NOT EXISTS (SELECT 1 FROM contract_units o JOIN contracts k ON k.id = o.contract_id "
                               "                WHERE o.unit_id = u.id AND k.id <> ?1 AND k.state = 'active')", error);
  update = plaza_store_prepare (store, "UPDATE units SET status = 'vacant', vacant_since = ?, rev = rev + 1 WHERE id = ?", error);
  history = plaza_store_prepare (store, "INSERT INTO unit_history (unit_id, kind, date, note) VALUES (?, 'status', ?, ?)", error);
  if (units == NULL || update == NULL || history == NULL)
    return FALSE;
  sqlite3_bind_int64 (units, 1, e->contract_id);
  while (sqlite3_step (units) == SQLITE_ROW)
    {
      gint64 unit = sqlite3_column_int64 (units, 0);
      g_array_append_val (ids, unit);
    }
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 unit = g_array_index (ids, gint64, i);

      sqlite3_reset (update);
      sqlite3_bind_text (update, 1, e->handover_date, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (update, 2, unit);
      sqlite3_reset (history);
      sqlite3_bind_int64 (history, 1, unit);
      sqlite3_bind_text (history, 2, e->handover_date, -1, SQLITE_STATIC);
      sqlite3_bind_text (history, 3, note, -1, SQLITE_STATIC);
      if (sqlite3_step (update) != SQLITE_DONE || sqlite3_step (history) != SQLITE_DONE)
        return plaza_store_set_sqlite_error (store, error);
      if (!plaza_store_log_change (store, "unit", unit, "status", note, error))
        return FALSE;
    }
  *n = ids->len;
  return TRUE;
}

static gint64
contract_rev (PlazaStore *store,
              gint64      contract_id)
{
  g_autoptr(sqlite3_stmt) stmt = plaza_store_prepare (store, "SELECT rev FROM contracts WHERE id = ?", NULL);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

static gboolean
complete_func (PlazaStore  *store,
               gpointer     user_data,
               GError     **error)
{
  StepData *data = user_data;
  PlazaEvictionSettlement *r = &data->result;
  g_autoptr(PlazaEviction) e = NULL;
  g_autofree char *summary = NULL;

  memset (r, 0, sizeof *r);
  if (!load_for_step (store, data->id, data->rev, &e, error))
    return FALSE;
  if (!g_str_equal (e->state, "handed_over"))
    return invalid (error, _("The eviction of %s cannot be completed before the handover."), e->contract_code);

  if (!plaza_payment_apply_credit (store, e->tenant_id, NULL, error))
    return FALSE;
  if (g_str_equal (e->contract_state, "active"))
    {
      g_autofree char *reference = g_strdup_printf ("deposit %s (eviction %lld)", e->contract_code, (long long) e->id);

      r->deposit = plaza_contract_deposit_balance (store, e->contract_id);
      if (!contract_open (store, e->tenant_id, e->contract_id, &r->open, error))
        return FALSE;
      r->offset = MIN (r->open, r->deposit);
      if (r->offset > 0)
        {
          if (!plaza_payment_add (store, e->tenant_id, e->handover_date, r->offset, "deposit_offset", reference,
                                  NULL, &r->payment_id, error))
            return FALSE;
          if (plaza_contract_deposit_balance (store, e->contract_id) != r->deposit - r->offset)
            return invalid (error, _("The deposit of another contract of %s would pay %s's arrears; settle them by hand first."),
                            e->tenant_code, e->contract_code);
        }
      r->refund = r->deposit - r->offset;
      if (!plaza_contract_terminate (store, e->contract_id, contract_rev (store, e->contract_id), e->handover_date,
                                     e->reason, 0, NULL, error))
        return FALSE;
    }
  else if (g_str_equal (e->contract_state, "expired") || g_str_equal (e->contract_state, "terminated"))
    {
      PlazaDepositSettlement s = { 0 };

      if (plaza_contract_deposit_balance (store, e->contract_id) > 0)
        {
          if (!plaza_deposit_settle (store, e->contract_id, e->handover_date, &s, error))
            return FALSE;
          r->deposit = s.balance;
          r->open = s.offset;
          r->offset = s.offset;
          r->refund = s.refund;
          r->payment_id = s.payment_id;
        }
    }
  else
    return invalid (error, _("contract: %s is %s; it cannot be ended by an eviction."), e->contract_code, e->contract_state);

  if (!vacate_units (store, e, &r->n_units, error) ||
      !set_state (store, e->id, "settled", NULL, NULL, error))
    return FALSE;
  summary = g_strdup_printf ("eviction of %s completed on %s: deposit %lld, %lld against arrears, %lld refunded, "
                             "%u units vacant", e->contract_code, e->handover_date, (long long) r->deposit,
                             (long long) r->offset, (long long) r->refund, r->n_units);
  return plaza_store_log_change (store, "eviction", e->id, "complete", summary, error);
}

gboolean
plaza_eviction_complete (PlazaStore              *store,
                         gint64                   id,
                         gint64                   rev,
                         PlazaEvictionSettlement *result,
                         GError                 **error)
{
  StepData data = { id, rev, NULL, NULL, FALSE, { 0 } };

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);

  if (!plaza_store_write (store, complete_func, &data, error))
    return FALSE;
  if (result != NULL)
    *result = data.result;
  return TRUE;
}
