/* plaza-complaint.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The complaints and inspections log of a tenant: list, add/edit, resolve
 * (the day kept in change_log, see plaza-complaint.h) and the open count.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "plaza-complaint.h"
#include "plaza-date.h"
#include "plaza-tenant-private.h"

#define RESOLVED_PREFIX "resolved on "

PlazaComplaint *
plaza_complaint_new (void)
{
  PlazaComplaint *c = g_new0 (PlazaComplaint, 1);

  c->kind = g_strdup ("complaint");
  c->text = g_strdup ("");
  return c;
}

void
plaza_complaint_free (PlazaComplaint *c)
{
  if (c == NULL)
    return;
  g_free (c->date);
  g_free (c->kind);
  g_free (c->text);
  g_free (c->resolved_on);
  g_free (c);
}

GPtrArray *
plaza_complaint_list (PlazaStore *store,
                      gint64      tenant_id,
                      GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) plaza_complaint_free);
  int rc;

  stmt = plaza_store_prepare (store,
                              "SELECT c.id, c.rev, c.date, c.kind, c.text, c.resolved, c.resolved_on "
                              "FROM complaints c WHERE c.tenant_id = ? ORDER BY c.date DESC, c.id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, tenant_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PlazaComplaint *c = plaza_complaint_new ();
      GDate day;

      c->id = sqlite3_column_int64 (stmt, 0);
      c->tenant_id = tenant_id;
      c->rev = sqlite3_column_int64 (stmt, 1);
      c->date = plaza_archive_column_text (stmt, 2);
      g_free (c->kind);
      c->kind = plaza_archive_column_text (stmt, 3);
      g_free (c->text);
      c->text = plaza_archive_column_text (stmt, 4);
      c->resolved = sqlite3_column_int (stmt, 5) != 0;
      if (c->resolved && sqlite3_column_type (stmt, 6) != SQLITE_NULL)
        {
          g_autofree char *on = plaza_archive_column_text (stmt, 6);

          if (plaza_date_parse (on, &day))
            c->resolved_on = g_steal_pointer (&on);
        }
      g_ptr_array_add (rows, c);
    }
  if (rc != SQLITE_DONE)
    {
      plaza_store_set_sqlite_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

static gboolean
save_in_write (PlazaStore *store,
               gpointer    user_data,
               GError    **error)
{
  PlazaComplaint *c = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *text = g_strstrip (g_strdup (c->text));

  if (c->id != 0)
    {
      if (!plaza_archive_check_rev (store, "complaints", "complaint", c->id, c->id, c->rev, error))
        return FALSE;
      stmt = plaza_store_prepare (store,
                                  "UPDATE complaints SET date = ?, kind = ?, text = ?, rev = rev + 1 WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 4, c->id);
    }
  else
    {
      g_autoptr(sqlite3_stmt) exists = plaza_store_prepare (store, "SELECT 1 FROM tenants WHERE id = ?", error);

      if (exists == NULL)
        return FALSE;
      sqlite3_bind_int64 (exists, 1, c->tenant_id);
      if (sqlite3_step (exists) != SQLITE_ROW)
        {
          g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND,
                       _("There is no tenant %lld."), (long long) c->tenant_id);
          return FALSE;
        }
      stmt = plaza_store_prepare (store,
                                  "INSERT INTO complaints (date, kind, text, tenant_id) VALUES (?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 4, c->tenant_id);
    }
  plaza_archive_bind_text (stmt, 1, c->date);
  plaza_archive_bind_text (stmt, 2, c->kind);
  plaza_archive_bind_text (stmt, 3, text);
  if (!plaza_archive_step_done (store, stmt, error))
    return FALSE;
  summary = g_strdup_printf ("%s %s (tenant %lld)", c->kind, c->date, (long long) c->tenant_id);
  if (c->id == 0)
    {
      c->id = sqlite3_last_insert_rowid (plaza_store_get_db (store));
      return plaza_store_log_change (store, "complaint", c->id, "create", summary, error);
    }
  return plaza_store_log_change (store, "complaint", c->id, "edit", summary, error);
}

gboolean
plaza_complaint_save (PlazaStore     *store,
                      PlazaComplaint *c,
                      GError        **error)
{
  gint64 old_id = c->id;
  GDate day;

  if (!plaza_date_parse (c->date, &day))
    return plaza_archive_invalid (error, _("Date: enter a date like 2026-11-27."));
  if (c->kind == NULL || (!g_str_equal (c->kind, "complaint") && !g_str_equal (c->kind, "inspection")))
    return plaza_archive_invalid (error, _("Kind: choose complaint or inspection."));
  if (plaza_archive_blank (c->text))
    return plaza_archive_invalid (error, _("Text: say what happened."));
  if (!plaza_store_write (store, save_in_write, c, error))
    {
      c->id = old_id;
      return FALSE;
    }
  c->rev = old_id != 0 ? c->rev + 1 : 1;
  return TRUE;
}

typedef struct
{
  gint64       id;
  gint64       rev;
  const GDate *on;
} ResolveData;

static gboolean
resolve_in_write (PlazaStore *store,
                  gpointer    user_data,
                  GError    **error)
{
  ResolveData *data = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *date = NULL;
  g_autofree char *on = NULL;

  if (!plaza_archive_check_rev (store, "complaints", "complaint", data->id, data->id, data->rev, error))
    return FALSE;
  stmt = plaza_store_prepare (store, "SELECT date FROM complaints WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return plaza_store_set_sqlite_error (store, error);
  date = plaza_archive_column_text (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (data->on != NULL)
    {
      on = plaza_date_format (data->on);
      if (strcmp (on, date) < 0)
        return plaza_archive_invalid (error, _("Resolved on: cannot be before the day it was logged."));
    }
  stmt = plaza_store_prepare (store, "UPDATE complaints SET resolved = ?, resolved_on = ?, rev = rev + 1 WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, data->on != NULL ? 1 : 0);
  if (on != NULL)
    sqlite3_bind_text (stmt, 2, on, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 2);
  sqlite3_bind_int64 (stmt, 3, data->id);
  if (!plaza_archive_step_done (store, stmt, error))
    return FALSE;
  if (on != NULL)
    {
      summary = g_strconcat (RESOLVED_PREFIX, on, NULL);
      return plaza_store_log_change (store, "complaint", data->id, "resolve", summary, error);
    }
  return plaza_store_log_change (store, "complaint", data->id, "reopen", "reopened", error);
}

gint64
plaza_complaint_set_resolved (PlazaStore  *store,
                              gint64       id,
                              gint64       rev,
                              const GDate *resolved_on,
                              GError     **error)
{
  ResolveData data = { id, rev, resolved_on };

  if (resolved_on != NULL && !g_date_valid (resolved_on))
    {
      plaza_archive_invalid (error, _("Resolved on: enter a date like 2026-11-27."));
      return 0;
    }
  if (!plaza_store_write (store, resolve_in_write, &data, error))
    return 0;
  return rev + 1;
}

gint64
plaza_complaint_count_open (PlazaStore *store,
                            gint64      tenant_id,
                            GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = plaza_store_prepare (store, "SELECT count(*) FROM complaints WHERE tenant_id = ? AND resolved = 0", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, tenant_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      plaza_store_set_sqlite_error (store, error);
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}
