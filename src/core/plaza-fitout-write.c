/* plaza-fitout-write.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fit-out writes, each one plaza_store_write() with a change_log entry:
 * creating a contract's fit-out, changing its period or opening date,
 * submitting drawing versions (numbered per kind, with the file attached),
 * deciding the latest version, recording inspections. After each write the
 * fit-out's state is worked out again from what it holds: opened when
 * there is an opening date, inspection once inspected, building when every
 * kind submitted has its latest version approved, drawings once a drawing
 * is in, planned before that.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "plaza-attachment.h"
#include "plaza-date.h"
#include "plaza-change-log.h"
#include "plaza-fitout.h"
#include "plaza-tenant-private.h"

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
step_done (PlazaStore   *store,
           sqlite3_stmt *stmt,
           GError      **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  return TRUE;
}

static gint64
single_int (PlazaStore  *store,
            const char  *sql,
            gint64       arg,
            gint64       fallback,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = plaza_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, arg);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    return sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      plaza_store_set_sqlite_error (store, error);
      return -1;
    }
  return fallback;
}

static gboolean
fitout_exists (PlazaStore  *store,
               gint64       fitout_id,
               GError     **error)
{
  gint64 found = single_int (store, "SELECT 1 FROM fitouts WHERE id = ?", fitout_id, 0, error);

  if (found < 0)
    return FALSE;
  if (found == 0)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND,
                   _("Fit-out: there is no fit-out %lld."), (long long) fitout_id);
      return FALSE;
    }
  return TRUE;
}

/* "<contract code> <tenant name>" for the change log. */
static char *
fitout_label (PlazaStore *store,
              gint64      fitout_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = plaza_store_prepare (store,
                              "SELECT c.code || ' ' || t.name FROM fitouts f JOIN contracts c ON c.id = f.contract_id "
                              "  JOIN tenants t ON t.id = c.tenant_id WHERE f.id = ?", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, fitout_id);
      if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
        return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  return g_strdup_printf ("#%lld", (long long) fitout_id);
}

/* Works the state out again (see the file comment) and bumps rev. */
static gboolean
refresh_state (PlazaStore  *store,
               gint64       fitout_id,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = plaza_store_prepare (store,
                              "UPDATE fitouts SET rev = rev + 1, state = CASE "
                              " WHEN opened_on IS NOT NULL THEN 'opened' "
                              " WHEN EXISTS (SELECT 1 FROM fitout_inspections i WHERE i.fitout_id = fitouts.id) THEN 'inspection' "
                              " WHEN NOT EXISTS (SELECT 1 FROM fitout_drawings d WHERE d.fitout_id = fitouts.id) THEN 'planned' "
                              " WHEN NOT EXISTS (SELECT 1 FROM fitout_drawings d WHERE d.fitout_id = fitouts.id "
                              "   AND d.state <> 'approved' AND d.version = (SELECT MAX(x.version) FROM fitout_drawings x "
                              "   WHERE x.fitout_id = d.fitout_id AND x.kind = d.kind)) THEN 'building' "
                              " ELSE 'drawings' END WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, fitout_id);
  return step_done (store, stmt, error);
}

/* ---- create ---- */

typedef struct
{
  gint64 contract_id;
  gint64 id;
} EnsureData;

static gboolean
ensure_func (PlazaStore  *store,
             gpointer     user_data,
             GError     **error)
{
  EnsureData *data = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *start_text = NULL;
  g_autofree char *due_text = NULL;
  g_autofree char *summary = NULL;
  GDate start, due;

  data->id = plaza_fitout_find (store, data->contract_id, error);
  if (data->id != 0)
    return data->id > 0;
  if (!plaza_fitout_default_period (store, data->contract_id, &start, &due, error))
    return FALSE;
  start_text = plaza_date_format (&start);
  due_text = plaza_date_format (&due);
  stmt = plaza_store_prepare (store, "INSERT INTO fitouts (contract_id, start_date, due_date) VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->contract_id);
  sqlite3_bind_text (stmt, 2, start_text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, due_text, -1, SQLITE_STATIC);
  if (!step_done (store, stmt, error))
    return FALSE;
  data->id = sqlite3_last_insert_rowid (plaza_store_get_db (store));
  summary = g_strdup_printf ("fit-out of contract %lld created, %s to %s",
                             (long long) data->contract_id, start_text, due_text);
  return plaza_store_log_change (store, "fitout", data->id, "create", summary, error);
}

gint64
plaza_fitout_ensure (PlazaStore  *store,
                     gint64       contract_id,
                     GError     **error)
{
  EnsureData data = { contract_id, 0 };
  gint64 found = plaza_fitout_find (store, contract_id, error);

  if (found != 0)
    return found > 0 ? found : 0;
  if (!plaza_store_write (store, ensure_func, &data, error))
    return 0;
  return data.id;
}

/* ---- period and opening ---- */

typedef struct
{
  gint64       fitout_id;
  const GDate *start;
  const GDate *due;
  const GDate *opened_on;
  gboolean     period;  /* else the opening */
  gint64       rev;     /* > 0: refused (CONFLICT) unless the fit-out is still at it */
} UpdateData;

static gboolean
update_func (PlazaStore  *store,
             gpointer     user_data,
             GError     **error)
{
  UpdateData *data = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *label = NULL;
  g_autofree char *diff = NULL;
  g_autoptr(PlazaChangeSnapshot) before = NULL;

  if (!fitout_exists (store, data->fitout_id, error))
    return FALSE;
  if (data->rev > 0
      && !plaza_archive_check_rev (store, "fitouts", "fitout", data->fitout_id, data->fitout_id, data->rev, error))
    return FALSE;
  before = plaza_change_snapshot_take (store, "fitouts", data->fitout_id, error);
  if (before == NULL)
    return FALSE;
  if (data->period)
    {
      a = plaza_date_format (data->start);
      b = plaza_date_format (data->due);
      stmt = plaza_store_prepare (store, "UPDATE fitouts SET start_date = ?, due_date = ? WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, a, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, b, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, data->fitout_id);
      summary = g_strdup_printf ("fit-out period %s to %s", a, b);
    }
  else
    {
      a = data->opened_on != NULL ? plaza_date_format (data->opened_on) : NULL;
      stmt = plaza_store_prepare (store, "UPDATE fitouts SET opened_on = ? WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      if (a != NULL)
        sqlite3_bind_text (stmt, 1, a, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, data->fitout_id);
      summary = a != NULL ? g_strdup_printf ("opened on %s", a) : g_strdup ("opening date cleared");
    }
  if (!step_done (store, stmt, error) || !refresh_state (store, data->fitout_id, error))
    return FALSE;
  diff = plaza_change_snapshot_diff (before, store, error);
  if (diff == NULL)
    return FALSE;
  label = fitout_label (store, data->fitout_id);
  if (diff[0] != '\0')
    {
      g_free (summary);
      summary = g_strdup_printf ("%s: %s", label, diff);
    }
  return plaza_store_log_change (store, "fitout", data->fitout_id, "update", summary, error);
}

gboolean
plaza_fitout_set_period (PlazaStore  *store,
                         gint64       fitout_id,
                         const GDate *start,
                         const GDate *due,
                         GError     **error)
{
  return plaza_fitout_set_period_at (store, fitout_id, 0, start, due, error);
}

gboolean
plaza_fitout_set_period_at (PlazaStore  *store,
                            gint64       fitout_id,
                            gint64       rev,
                            const GDate *start,
                            const GDate *due,
                            GError     **error)
{
  UpdateData data = { fitout_id, start, due, NULL, TRUE, rev };

  if (start == NULL || !g_date_valid (start))
    return invalid (error, _("Fit-out start: enter a date like 2026-11-27."));
  if (due == NULL || !g_date_valid (due))
    return invalid (error, _("Fit-out end: enter a date like 2026-11-27."));
  if (g_date_compare (due, start) < 0)
    return invalid (error, _("Fit-out end: the fit-out cannot end before it starts."));
  return plaza_store_write (store, update_func, &data, error);
}

gboolean
plaza_fitout_set_opened (PlazaStore  *store,
                         gint64       fitout_id,
                         const GDate *opened_on,
                         GError     **error)
{
  return plaza_fitout_set_opened_at (store, fitout_id, 0, opened_on, error);
}

gboolean
plaza_fitout_set_opened_at (PlazaStore  *store,
                            gint64       fitout_id,
                            gint64       rev,
                            const GDate *opened_on,
                            GError     **error)
{
  UpdateData data = { fitout_id, NULL, NULL, opened_on, FALSE, rev };

  if (opened_on != NULL && !g_date_valid (opened_on))
    return invalid (error, _("Opening date: enter a date like 2026-11-27."));
  return plaza_store_write (store, update_func, &data, error);
}

/* ---- drawings ---- */

typedef struct
{
  gint64       fitout_id;
  const char  *kind;
  const GDate *date;
  gint64       id;
} SubmitData;

static gboolean
submit_func (PlazaStore  *store,
             gpointer     user_data,
             GError     **error)
{
  SubmitData *data = user_data;
  g_autoptr(sqlite3_stmt) last = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *date_text = plaza_date_format (data->date);
  g_autofree char *summary = NULL;
  int version = 1;
  int rc;

  if (!fitout_exists (store, data->fitout_id, error))
    return FALSE;
  last = plaza_store_prepare (store, "SELECT version, state FROM fitout_drawings WHERE fitout_id = ? AND kind = ? "
                                     "ORDER BY version DESC LIMIT 1", error);
  if (last == NULL)
    return FALSE;
  sqlite3_bind_int64 (last, 1, data->fitout_id);
  sqlite3_bind_text (last, 2, data->kind, -1, SQLITE_STATIC);
  rc = sqlite3_step (last);
  if (rc == SQLITE_ROW)
    {
      if (g_strcmp0 ((const char *) sqlite3_column_text (last, 1), "submitted") == 0)
        {
          g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                       _("Drawing: version %d of the %s drawing still waits for a decision."),
                       sqlite3_column_int (last, 0), plaza_fitout_kind_label (data->kind));
          return FALSE;
        }
      version = sqlite3_column_int (last, 0) + 1;
    }
  else if (rc != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);

  stmt = plaza_store_prepare (store, "INSERT INTO fitout_drawings (fitout_id, kind, version, submitted_on) VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->fitout_id);
  sqlite3_bind_text (stmt, 2, data->kind, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, version);
  sqlite3_bind_text (stmt, 4, date_text, -1, SQLITE_STATIC);
  if (!step_done (store, stmt, error))
    return FALSE;
  data->id = sqlite3_last_insert_rowid (plaza_store_get_db (store));
  if (!refresh_state (store, data->fitout_id, error))
    return FALSE;
  summary = g_strdup_printf ("%s drawing v%d submitted on %s", data->kind, version, date_text);
  return plaza_store_log_change (store, "fitout_drawing", data->id, "submit", summary, error);
}

typedef struct
{
  gint64 id;
} DeleteData;

/* Undoes a submission whose file could not be attached. */
static gboolean
unsubmit_func (PlazaStore  *store,
               gpointer     user_data,
               GError     **error)
{
  DeleteData *data = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 fitout_id = single_int (store, "SELECT fitout_id FROM fitout_drawings WHERE id = ?", data->id, 0, error);

  if (fitout_id <= 0)
    return fitout_id == 0;
  stmt = plaza_store_prepare (store, "DELETE FROM fitout_drawings WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->id);
  if (!step_done (store, stmt, error) || !refresh_state (store, fitout_id, error))
    return FALSE;
  return plaza_store_log_change (store, "fitout_drawing", data->id, "delete", "submission withdrawn: the file could not be attached", error);
}

gint64
plaza_fitout_submit_drawing (PlazaStore  *store,
                             gint64       fitout_id,
                             const char  *kind,
                             const GDate *submitted_on,
                             const char  *source_path,
                             GError     **error)
{
  SubmitData data = { fitout_id, kind, submitted_on, 0 };
  g_autoptr(GError) local_error = NULL;
  DeleteData undo;

  if (kind == NULL || !g_strv_contains (plaza_fitout_kinds (), kind))
    {
      invalid (error, _("Drawing kind: choose shop front or construction."));
      return 0;
    }
  if (submitted_on == NULL || !g_date_valid (submitted_on))
    {
      invalid (error, _("Submitted on: enter a date like 2026-11-27."));
      return 0;
    }
  if (!plaza_store_write (store, submit_func, &data, error))
    return 0;
  if (source_path == NULL || plaza_attachment_add (store, "fitout_drawing", data.id, source_path, &local_error) != 0)
    return data.id;

  undo.id = data.id;
  plaza_store_write (store, unsubmit_func, &undo, NULL);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return 0;
}

typedef struct
{
  gint64      id;
  gboolean    approve;
  const char *comment;
} DecideData;

static gboolean
decide_func (PlazaStore  *store,
             gpointer     user_data,
             GError     **error)
{
  DecideData *data = user_data;
  g_autoptr(sqlite3_stmt) row = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *kind = NULL;
  gint64 fitout_id;
  int version;

  row = plaza_store_prepare (store,
                             "SELECT fitout_id, kind, version, state, "
                             "version = (SELECT MAX(x.version) FROM fitout_drawings x WHERE x.fitout_id = d.fitout_id AND x.kind = d.kind) "
                             "FROM fitout_drawings d WHERE id = ?", error);
  if (row == NULL)
    return FALSE;
  sqlite3_bind_int64 (row, 1, data->id);
  if (sqlite3_step (row) != SQLITE_ROW)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND,
                   _("Drawing: there is no drawing version %lld."), (long long) data->id);
      return FALSE;
    }
  fitout_id = sqlite3_column_int64 (row, 0);
  kind = g_strdup ((const char *) sqlite3_column_text (row, 1));
  version = sqlite3_column_int (row, 2);
  if (sqlite3_column_int (row, 4) == 0)
    return invalid (error, _("Drawing: only the latest version of a drawing can be approved or rejected."));
  if (g_strcmp0 ((const char *) sqlite3_column_text (row, 3), "submitted") != 0)
    return invalid (error, _("Drawing: this version has already been decided."));

  stmt = plaza_store_prepare (store, "UPDATE fitout_drawings SET state = ?, comment = ?, rev = rev + 1 WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, data->approve ? "approved" : "rejected", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, data->comment, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, data->id);
  if (!step_done (store, stmt, error) || !refresh_state (store, fitout_id, error))
    return FALSE;
  summary = g_strdup_printf ("%s drawing v%d %s%s%s", kind, version, data->approve ? "approved" : "rejected",
                             *data->comment != '\0' ? ": " : "", data->comment);
  return plaza_store_log_change (store, "fitout_drawing", data->id, data->approve ? "approve" : "reject", summary, error);
}

gboolean
plaza_fitout_decide_drawing (PlazaStore  *store,
                             gint64       drawing_id,
                             gboolean     approve,
                             const char  *comment,
                             GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (comment != NULL ? comment : ""));
  DecideData data = { drawing_id, approve, trimmed };

  if (!approve && *trimmed == '\0')
    return invalid (error, _("Comment: say why the drawing is rejected."));
  return plaza_store_write (store, decide_func, &data, error);
}

/* ---- inspections ---- */

typedef struct
{
  gint64       fitout_id;
  const GDate *date;
  gboolean     passed;
  const char  *inspector;
  const char  *notes;
  gint64       id;
} InspectData;

static gboolean
inspect_func (PlazaStore  *store,
              gpointer     user_data,
              GError     **error)
{
  InspectData *data = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *date_text = plaza_date_format (data->date);
  g_autofree char *summary = NULL;

  if (!fitout_exists (store, data->fitout_id, error))
    return FALSE;
  stmt = plaza_store_prepare (store, "INSERT INTO fitout_inspections (fitout_id, date, result, notes, inspector) "
                                     "VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->fitout_id);
  sqlite3_bind_text (stmt, 2, date_text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, data->passed ? "pass" : "fail", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, data->notes, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, data->inspector, -1, SQLITE_STATIC);
  if (!step_done (store, stmt, error))
    return FALSE;
  data->id = sqlite3_last_insert_rowid (plaza_store_get_db (store));
  if (!refresh_state (store, data->fitout_id, error))
    return FALSE;
  summary = g_strdup_printf ("inspection on %s: %s", date_text, data->passed ? "pass" : "fail");
  return plaza_store_log_change (store, "fitout_inspection", data->id, "create", summary, error);
}

gint64
plaza_fitout_add_inspection (PlazaStore  *store,
                             gint64       fitout_id,
                             const GDate *date,
                             const char  *inspector,
                             gboolean     passed,
                             const char  *notes,
                             GError     **error)
{
  g_autofree char *who = g_strstrip (g_strdup (inspector != NULL ? inspector : ""));
  g_autofree char *what = g_strstrip (g_strdup (notes != NULL ? notes : ""));
  InspectData data = { fitout_id, date, passed, NULL, NULL, 0 };

  if (date == NULL || !g_date_valid (date))
    {
      invalid (error, _("Inspection date: enter a date like 2026-11-27."));
      return 0;
    }
  if (*who == '\0')
    {
      invalid (error, _("Inspector: say who inspected."));
      return 0;
    }
  if (!passed && *what == '\0')
    {
      invalid (error, _("Notes: say what failed the inspection."));
      return 0;
    }
  data.inspector = who;
  data.notes = what;
  if (!plaza_store_write (store, inspect_func, &data, error))
    return 0;
  return data.id;
}
