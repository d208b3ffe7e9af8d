/* plaza-contract-amendments.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Amendments (变更): new terms from an effective date, submitted and then
 * approved or rejected like a contract. Signed terms are never edited.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "plaza-change-log.h"
#include "plaza-contract-private.h"

typedef struct
{
  gint64      id;
  const char *effective;
  const char *terms;
  const char *comment;
  gint64      event_id;
} AmendData;

static gboolean
amend_func (PlazaStore  *store,
            gpointer     user_data,
            GError     **error)
{
  AmendData *data = user_data;
  g_auto(Contract) c = { 0 };
  g_autofree char *summary = NULL;

  if (!plaza_contract_load (store, data->id, &c, error) || plaza_contract_allowed (&c, PLAZA_CONTRACT_AMEND, error) == NULL)
    return FALSE;
  if (strcmp (data->effective, c.start) < 0 || strcmp (data->effective, c.end) > 0)
    return plaza_contract_invalid (error, _("effective date: must be between the contract's start (%s) and end (%s)."), c.start, c.end);
  if (!plaza_contract_add_event (store, c.id, "amendment", "submitted", data->effective, data->terms, data->comment, error))
    return FALSE;
  data->event_id = sqlite3_last_insert_rowid (plaza_store_get_db (store));
  summary = g_strdup_printf ("%s: amendment from %s submitted", c.code, data->effective);
  return plaza_store_log_change (store, "contract", c.id, "amend", summary, error);
}

gint64
plaza_contract_amend (PlazaStore  *store,
                      gint64       id,
                      const char  *effective_date,
                      const char  *terms_json,
                      const char  *comment,
                      GError     **error)
{
  AmendData data = { id, effective_date, terms_json, comment, 0 };

  g_return_val_if_fail (PLAZA_IS_STORE (store), 0);

  if (!plaza_contract_valid_date (effective_date))
    {
      plaza_contract_invalid (error, _("effective date: “%s” is not a date like 2026-11-27."), effective_date != NULL ? effective_date : "");
      return 0;
    }
  if (terms_json == NULL || *terms_json == '\0')
    {
      plaza_contract_invalid (error, _("terms: an amendment needs the new terms."));
      return 0;
    }
  if (!plaza_store_write (store, amend_func, &data, error))
    return 0;
  return data.event_id;
}

typedef struct
{
  gint64      event_id;
  gboolean    approve;
  const char *comment;
} DecideData;

static gboolean
decide_func (PlazaStore  *store,
             gpointer     user_data,
             GError     **error)
{
  DecideData *data = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(PlazaChangeSnapshot) before = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *diff = NULL;
  gint64 contract_id;

  stmt = plaza_store_prepare (store, "SELECT contract_id FROM contract_events WHERE id = ? AND kind = 'amendment' "
                                     "AND state = 'submitted'", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->event_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return plaza_contract_invalid (error, _("There is no amendment waiting for approval with id %lld."), (long long) data->event_id);
  contract_id = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!data->approve && (data->comment == NULL || *data->comment == '\0'))
    return plaza_contract_invalid (error, _("comment: say why the amendment is rejected."));

  before = plaza_change_snapshot_take (store, "contract_events", data->event_id, error);
  if (before == NULL)
    return FALSE;
  stmt = plaza_store_prepare (store, "UPDATE contract_events SET state = ?, comment = comment || ? , rev = rev + 1 "
                                     "WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, data->approve ? "approved" : "rejected", -1, SQLITE_STATIC);
  if (data->comment != NULL && *data->comment != '\0')
    {
      g_autofree char *note = g_strdup_printf (" / %s", data->comment);
      sqlite3_bind_text (stmt, 2, note, -1, SQLITE_TRANSIENT);
    }
  else
    sqlite3_bind_text (stmt, 2, "", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, data->event_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);

  diff = plaza_change_snapshot_diff (before, store, error);
  if (diff == NULL)
    return FALSE;
  summary = g_strdup_printf ("amendment %" G_GINT64_FORMAT " %s%s%s", data->event_id,
                             data->approve ? "approved" : "rejected", diff[0] != '\0' ? ": " : "", diff);
  return plaza_store_log_change (store, "contract", contract_id, data->approve ? "amendment-approved" : "amendment-rejected",
                                 summary, error);
}

gboolean
plaza_contract_decide_amendment (PlazaStore  *store,
                                 gint64       event_id,
                                 gboolean     approve,
                                 const char  *comment,
                                 GError     **error)
{
  DecideData data = { event_id, approve, comment };

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);
  return plaza_store_write (store, decide_func, &data, error);
}
