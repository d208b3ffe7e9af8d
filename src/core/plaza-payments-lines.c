/* plaza-payments-lines.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The open lines (amount less allocations less credit notes) and the small
 * writes payments, reversals and deposit settlements are made of.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "plaza-payments-private.h"

static const char lines_sql[] =
  "SELECT bl.id, b.id, COALESCE (b.contract_id, 0), b.tenant_id, b.code, b.due_date, b.issue_date,"
  "       bl.kind, bl.amount,"
  "       (SELECT COALESCE (SUM (pa.amount), 0) FROM payment_allocations pa"
  "          JOIN payments p ON p.id = pa.payment_id"
  "         WHERE pa.bill_line_id = bl.id AND (?2 IS NULL OR p.date <= ?2))"
  "  FROM bill_lines bl JOIN bills b ON b.id = bl.bill_id"
  " WHERE b.state = 'issued' AND b.kind <> 'credit_note' AND (?1 = 0 OR b.tenant_id = ?1)"
  "   AND (?2 IS NULL OR b.issue_date <= ?2)"
  " ORDER BY b.due_date, b.code, bl.id";

static const char credit_notes_sql[] =
  "SELECT b.tenant_id, COALESCE (b.original_bill_id, 0), b.issue_date, -b.total FROM bills b"
  " WHERE b.state = 'issued' AND b.kind = 'credit_note' AND b.total < 0"
  "   AND (?1 = 0 OR b.tenant_id = ?1) AND (?2 IS NULL OR b.issue_date <= ?2)"
  " ORDER BY b.issue_date, b.id";

/* @sql with its "(?1 = 0 OR x.tenant_id = ?1)" filters narrowed to
 * "x.tenant_id = ?1" for one tenant: SQLite cannot use the tenant
 * indexes through the OR, and every payment would scan all bills. */
static char *
for_tenant (const char *sql,
            gint64      tenant_id)
{
  g_autoptr(GString) out = g_string_new (sql);

  if (tenant_id != 0)
    {
      g_string_replace (out, "(?1 = 0 OR b.tenant_id = ?1)", "b.tenant_id = ?1", 0);
      g_string_replace (out, "(?1 = 0 OR q.tenant_id = ?1)", "q.tenant_id = ?1", 0);
      g_string_replace (out, "(?1 = 0 OR p.tenant_id = ?1)", "p.tenant_id = ?1", 0);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

void
plaza_open_line_free (PlazaOpenLine *line)
{
  if (line == NULL)
    return;
  g_free (line->bill_code);
  g_free (line->due_date);
  g_free (line->issue_date);
  g_free (line->kind);
  g_free (line);
}

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? text : "");
}

static void
credit_line (GArray        *credits,
             PlazaOpenLine *line,
             gint64         tenant_id,
             const char    *date,
             gint64        *left)
{
  gint64 part = MIN (*left, plaza_open_line_open (line));
  PlazaLineCredit credit = { tenant_id, line->id, line->bill_id, "", part };

  if (part <= 0)
    return;
  line->credited += part;
  *left -= part;
  g_strlcpy (credit.date, date, sizeof credit.date);
  g_array_append_val (credits, credit);
}

gboolean
plaza_payments_load_lines (PlazaStore  *store,
                           gint64       tenant_id,
                           const char  *as_of,
                           GPtrArray  **lines,
                           GArray     **credits,
                           GError     **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) plaza_open_line_free);
  g_autoptr(GArray) notes = g_array_new (FALSE, FALSE, sizeof (PlazaLineCredit));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) cn = NULL;
  g_autofree char *lines_text = NULL;
  g_autofree char *notes_text = NULL;
  int rc;

  lines_text = for_tenant (lines_sql, tenant_id);
  stmt = plaza_store_prepare (store, lines_text, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, tenant_id);
  if (as_of != NULL)
    sqlite3_bind_text (stmt, 2, as_of, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PlazaOpenLine *line = g_new0 (PlazaOpenLine, 1);

      line->id = sqlite3_column_int64 (stmt, 0);
      line->bill_id = sqlite3_column_int64 (stmt, 1);
      line->contract_id = sqlite3_column_int64 (stmt, 2);
      line->tenant_id = sqlite3_column_int64 (stmt, 3);
      line->bill_code = column_text (stmt, 4);
      line->due_date = column_text (stmt, 5);
      line->issue_date = column_text (stmt, 6);
      line->kind = column_text (stmt, 7);
      line->amount = sqlite3_column_int64 (stmt, 8);
      line->paid = sqlite3_column_int64 (stmt, 9);
      g_ptr_array_add (out, line);
    }
  if (rc != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);

  /* Credit notes: first the original bill's lines, then the tenant's
   * other open lines oldest first, the rest is credit. */
  notes_text = for_tenant (credit_notes_sql, tenant_id);
  cn = plaza_store_prepare (store, notes_text, error);
  if (cn == NULL)
    return FALSE;
  sqlite3_bind_int64 (cn, 1, tenant_id);
  if (as_of != NULL)
    sqlite3_bind_text (cn, 2, as_of, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (cn)) == SQLITE_ROW)
    {
      gint64 note_tenant = sqlite3_column_int64 (cn, 0);
      gint64 original = sqlite3_column_int64 (cn, 1);
      const char *date = (const char *) sqlite3_column_text (cn, 2);
      gint64 left = sqlite3_column_int64 (cn, 3);

      for (guint i = 0; i < out->len && left > 0 && original != 0; i++)
        {
          PlazaOpenLine *line = g_ptr_array_index (out, i);

          if (line->bill_id == original)
            credit_line (notes, line, note_tenant, date, &left);
        }
      for (guint i = 0; i < out->len && left > 0; i++)
        {
          PlazaOpenLine *line = g_ptr_array_index (out, i);

          if (line->tenant_id == note_tenant)
            credit_line (notes, line, note_tenant, date, &left);
        }
      if (left > 0)
        {
          PlazaLineCredit rest = { note_tenant, 0, 0, "", left };

          g_strlcpy (rest.date, date, sizeof rest.date);
          g_array_append_val (notes, rest);
        }
    }
  if (rc != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);

  *lines = g_steal_pointer (&out);
  if (credits != NULL)
    *credits = g_steal_pointer (&notes);
  return TRUE;
}

gint64
plaza_payments_unallocated (PlazaStore *store,
                            gint64      tenant_id,
                            const char *as_of)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;

  sql = for_tenant ("SELECT COALESCE (SUM (p.amount), 0)"
                    " - (SELECT COALESCE (SUM (pa.amount), 0) FROM payment_allocations pa"
                    "      JOIN payments q ON q.id = pa.payment_id"
                    "      JOIN bill_lines bl ON bl.id = pa.bill_line_id JOIN bills b ON b.id = bl.bill_id"
                    "     WHERE (?1 = 0 OR q.tenant_id = ?1) AND (?2 IS NULL OR (q.date <= ?2 AND b.issue_date <= ?2)))"
                    "  FROM payments p WHERE (?1 = 0 OR p.tenant_id = ?1) AND (?2 IS NULL OR p.date <= ?2)",
                    tenant_id);
  stmt = plaza_store_prepare (store, sql, NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, tenant_id);
  if (as_of != NULL)
    sqlite3_bind_text (stmt, 2, as_of, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

gboolean
plaza_payments_invalid (GError     **error,
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

char *
plaza_payments_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

char *
plaza_payments_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

gboolean
plaza_payments_insert (PlazaStore  *store,
                       gint64       tenant_id,
                       const char  *date,
                       gint64       amount,
                       const char  *method,
                       const char  *reference,
                       gint64       reversal_of,
                       gint64      *id,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *at = plaza_payments_now ();

  stmt = plaza_store_prepare (store, "INSERT INTO payments (tenant_id, date, amount, method, reference, reversal_of, user, at)"
                                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, tenant_id);
  sqlite3_bind_text (stmt, 2, date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, amount);
  sqlite3_bind_text (stmt, 4, method, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, reference != NULL ? reference : "", -1, SQLITE_TRANSIENT);
  if (reversal_of != 0)
    sqlite3_bind_int64 (stmt, 6, reversal_of);
  sqlite3_bind_text (stmt, 7, plaza_store_get_user (store), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, at, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  *id = sqlite3_last_insert_rowid (plaza_store_get_db (store));
  return TRUE;
}

gboolean
plaza_payments_allocate (PlazaStore  *store,
                         gint64       payment_id,
                         gint64       line_id,
                         gint64       amount,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = plaza_store_prepare (store, "INSERT INTO payment_allocations (payment_id, bill_line_id, amount) VALUES (?, ?, ?)"
                                     " ON CONFLICT (payment_id, bill_line_id) DO UPDATE SET amount = amount + excluded.amount",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, payment_id);
  sqlite3_bind_int64 (stmt, 2, line_id);
  sqlite3_bind_int64 (stmt, 3, amount);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  return TRUE;
}

gboolean
plaza_payments_allocate_auto (PlazaStore  *store,
                              gint64       payment_id,
                              gint64       tenant_id,
                              gint64       contract_id,
                              gint64       amount,
                              gint64      *allocated,
                              GError     **error)
{
  g_autoptr(GPtrArray) lines = NULL;
  gint64 left = amount;

  *allocated = 0;
  if (!plaza_payments_load_lines (store, tenant_id, NULL, &lines, NULL, error))
    return FALSE;
  for (guint i = 0; i < lines->len && left > 0; i++)
    {
      PlazaOpenLine *line = g_ptr_array_index (lines, i);
      gint64 part = MIN (left, plaza_open_line_open (line));

      if (part <= 0 || (contract_id != 0 && line->contract_id != contract_id))
        continue;
      if (!plaza_payments_allocate (store, payment_id, line->id, part, error))
        return FALSE;
      left -= part;
    }
  *allocated = amount - left;
  return TRUE;
}

gboolean
plaza_payments_apply_credit_in (PlazaStore  *store,
                                gint64       tenant_id,
                                gint64      *applied,
                                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) rests = g_array_new (FALSE, FALSE, sizeof (gint64) * 2);
  int rc;

  *applied = 0;
  /* Payments neither reversed nor reversals, with an unallocated rest. */
  stmt = plaza_store_prepare (store,
                              "SELECT p.id, p.amount - (SELECT COALESCE (SUM (pa.amount), 0) FROM payment_allocations pa"
                              "                           WHERE pa.payment_id = p.id)"
                              "  FROM payments p WHERE p.tenant_id = ? AND p.reversal_of IS NULL"
                              "   AND NOT EXISTS (SELECT 1 FROM payments r WHERE r.reversal_of = p.id)"
                              " ORDER BY p.date, p.id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, tenant_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 pair[2] = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };

      if (pair[1] > 0)
        g_array_append_vals (rests, pair, 1);
    }
  if (rc != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);

  for (guint i = 0; i < rests->len; i++)
    {
      const gint64 *pair = (const gint64 *) (gpointer) (rests->data + i * 2 * sizeof (gint64));
      gint64 allocated = 0;

      if (!plaza_payments_allocate_auto (store, pair[0], tenant_id, 0, pair[1], &allocated, error))
        return FALSE;
      *applied += allocated;
      if (allocated < pair[1])
        break;   /* nothing open any more */
    }
  return TRUE;
}

gboolean
plaza_payments_deposit_entry (PlazaStore  *store,
                              gint64       contract_id,
                              const char  *kind,
                              gint64       amount,
                              const char  *date,
                              const char  *reason,
                              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *at = plaza_payments_now ();

  stmt = plaza_store_prepare (store, "INSERT INTO deposit_entries (contract_id, kind, amount, date, reason, user, at)"
                                     " VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, amount);
  sqlite3_bind_text (stmt, 4, date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, reason, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, plaza_store_get_user (store), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, at, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  return TRUE;
}
