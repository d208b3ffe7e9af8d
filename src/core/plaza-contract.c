/* plaza-contract.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The contract lifecycle. Each public call is one short write transaction
 * that checks the contract's rev, applies one transition of the table
 * below, records a contract_event and a change_log row.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "plaza-contract-private.h"
#include "plaza-date.h"

typedef struct
{
  const char          *from;
  PlazaContractAction  action;
  const char          *to;
} Transition;

/* Everything the lifecycle allows; anything else is refused. */
static const Transition transitions[] = {
  { "draft", PLAZA_CONTRACT_EDIT, "draft" },
  { "draft", PLAZA_CONTRACT_SUBMIT, "submitted" },
  { "submitted", PLAZA_CONTRACT_APPROVE, "approved" },
  { "submitted", PLAZA_CONTRACT_REJECT, "draft" },
  { "approved", PLAZA_CONTRACT_ACTIVATE, "active" },
  { "active", PLAZA_CONTRACT_EXPIRE, "expired" },
  { "active", PLAZA_CONTRACT_TERMINATE, "terminated" },
  { "active", PLAZA_CONTRACT_RENEW, "renewed" },
  { "expired", PLAZA_CONTRACT_RENEW, "renewed" },
  { "active", PLAZA_CONTRACT_AMEND, "active" },
};


static const char *
action_name (PlazaContractAction action)
{
  switch (action)
    {
    case PLAZA_CONTRACT_SUBMIT: return _("submitted");
    case PLAZA_CONTRACT_APPROVE: return _("approved");
    case PLAZA_CONTRACT_REJECT: return _("rejected");
    case PLAZA_CONTRACT_ACTIVATE: return _("activated");
    case PLAZA_CONTRACT_EXPIRE: return _("expired");
    case PLAZA_CONTRACT_TERMINATE: return _("terminated");
    case PLAZA_CONTRACT_RENEW: return _("renewed");
    case PLAZA_CONTRACT_AMEND: return _("amended");
    case PLAZA_CONTRACT_EDIT:
    default: return _("edited");
    }
}

gboolean
plaza_contract_invalid (GError     **error,
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

/* Strict YYYY-MM-DD. */
gboolean
plaza_contract_valid_date (const char *text)
{
  GDate date;

  return plaza_date_parse (text, &date);
}

char *
plaza_contract_column_text (sqlite3_stmt *stmt,
             int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

gboolean
plaza_contract_load (PlazaStore  *store,
      gint64       id,
      Contract    *c,
      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = plaza_store_prepare (store,
                              "SELECT id, rev, code, state, start_date, end_date, previous_contract_id, tenant_id "
                              "FROM contracts WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND,
                   _("There is no contract with id %lld."), (long long) id);
      return FALSE;
    }
  c->id = sqlite3_column_int64 (stmt, 0);
  c->rev = sqlite3_column_int64 (stmt, 1);
  c->code = plaza_contract_column_text (stmt, 2);
  c->state = plaza_contract_column_text (stmt, 3);
  c->start = plaza_contract_column_text (stmt, 4);
  c->end = plaza_contract_column_text (stmt, 5);
  c->previous_id = sqlite3_column_int64 (stmt, 6);
  c->tenant_id = sqlite3_column_int64 (stmt, 7);
  return TRUE;
}

/* Optimistic concurrency: the caller saw @rev; if the row moved on, say who
 * moved it. */
static gboolean
check_rev (PlazaStore  *store,
           Contract    *c,
           gint64       rev,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *who = NULL;
  g_autofree char *when = NULL;

  if (rev == c->rev)
    return TRUE;

  stmt = plaza_store_prepare (store,
                              "SELECT user, at FROM change_log WHERE entity = 'contract' AND entity_id = ? "
                              "ORDER BY seq DESC LIMIT 1", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, c->id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          who = plaza_contract_column_text (stmt, 0);
          when = plaza_contract_column_text (stmt, 1);
        }
    }
  g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_CONFLICT,
               _("Contract %s was changed by %s at %s after you opened it. Reload it and try again."),
               c->code, who != NULL ? who : _("someone else"), when != NULL ? when : "?");
  return FALSE;
}

const char *
plaza_contract_allowed (Contract             *c,
         PlazaContractAction   action,
         GError              **error)
{
  const char *to = plaza_contract_next_state (c->state, action);

  if (to == NULL)
    g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                 _("Contract %s is %s: it cannot be %s."), c->code, c->state, action_name (action));
  return to;
}

gboolean
plaza_contract_add_event (PlazaStore  *store,
           gint64       id,
           const char  *kind,
           const char  *state,
           const char  *effective_date,
           const char  *terms_json,
           const char  *comment,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  stmt = plaza_store_prepare (store,
                              "INSERT INTO contract_events (contract_id, kind, state, effective_date, terms_json, "
                              "comment, user, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, state, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, effective_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, terms_json, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, comment != NULL ? comment : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, plaza_store_get_user (store), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, at, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  return TRUE;
}

static gboolean
set_state (PlazaStore  *store,
           Contract    *c,
           const char  *state,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *summary = NULL;

  stmt = plaza_store_prepare (store, "UPDATE contracts SET state = ?, rev = rev + 1 WHERE id = ? AND rev = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, state, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, c->id);
  sqlite3_bind_int64 (stmt, 3, c->rev);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  if (sqlite3_changes (plaza_store_get_db (store)) != 1)
    return check_rev (store, c, c->rev + 1, error);

  summary = g_strdup_printf ("%s: %s → %s", c->code, c->state, state);
  return plaza_store_log_change (store, "contract", c->id, state, summary, error);
}

static gboolean
clash_free (PlazaStore   *store,
            const gint64 *unit_ids,
            guint         n_units,
            const char   *start,
            const char   *end,
            gint64        except_id,
            GError      **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *clash = plaza_contract_find_clash (store, unit_ids, n_units, start, end, except_id, &local);

  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (clash != NULL)
    return plaza_contract_invalid (error, _("A unit is already held by contract %s on some of these days."), clash);
  return TRUE;
}

static GArray *
contract_units (PlazaStore  *store,
                gint64       id,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GArray *units = g_array_new (FALSE, FALSE, sizeof (gint64));

  stmt = plaza_store_prepare (store, "SELECT unit_id FROM contract_units WHERE contract_id = ?", error);
  if (stmt == NULL)
    {
      g_array_unref (units);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 unit = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (units, unit);
    }
  return units;
}

static gboolean
clash_free_for (PlazaStore  *store,
                Contract    *c,
                GError     **error)
{
  g_autoptr(GArray) units = contract_units (store, c->id, error);

  if (units == NULL)
    return FALSE;
  return clash_free (store, (gint64 *) units->data, units->len, c->start, c->end, c->id, error);
}

/* ---- transitions ---- */

typedef struct
{
  gint64               id;
  gint64               rev;
  PlazaContractAction  action;
  const char          *comment;
  const char          *date;
  const char          *reason;
  gint64               deducted;
  const char          *deduction_reason;
} Step;

static gboolean
settle_deposit (PlazaStore  *store,
                Contract    *c,
                const char  *date,
                gint64       deducted,
                const char  *deduction_reason,
                GError     **error)
{
  gint64 balance = plaza_contract_deposit_balance (store, c->id);

  if (deducted < 0 || deducted > balance)
    {
      g_autofree char *held = g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", balance / 100, (int) (balance % 100));
      return plaza_contract_invalid (error, _("deducted: must be between 0 and the deposit held (%s)."), held);
    }
  if (deducted > 0 && (deduction_reason == NULL || *deduction_reason == '\0'))
    return plaza_contract_invalid (error, _("deduction reason: say why the deposit is kept."));
  if (deducted > 0 &&
      !plaza_contract_add_deposit (store, c->id, "deducted", deducted, date, deduction_reason, error))
    return FALSE;
  if (balance - deducted > 0 &&
      !plaza_contract_add_deposit (store, c->id, "refunded", balance - deducted, date, _("settled at termination"), error))
    return FALSE;
  return TRUE;
}

static gboolean
step_func (PlazaStore  *store,
           gpointer     user_data,
           GError     **error)
{
  Step *step = user_data;
  g_auto(Contract) c = { 0 };
  const char *to;

  if (!plaza_contract_load (store, step->id, &c, error) || !check_rev (store, &c, step->rev, error))
    return FALSE;
  if ((to = plaza_contract_allowed (&c, step->action, error)) == NULL)
    return FALSE;

  switch (step->action)
    {
    case PLAZA_CONTRACT_SUBMIT:
      if (!clash_free_for (store, &c, error) ||
          !plaza_contract_add_event (store, c.id, "submitted", "done", NULL, NULL, step->comment, error))
        return FALSE;
      break;

    case PLAZA_CONTRACT_APPROVE:
      if (!clash_free_for (store, &c, error) ||
          !plaza_contract_add_event (store, c.id, "approved", "done", NULL, NULL, step->comment, error))
        return FALSE;
      break;

    case PLAZA_CONTRACT_REJECT:
      if (step->comment == NULL || *step->comment == '\0')
        return plaza_contract_invalid (error, _("comment: say why the contract is rejected."));
      if (!plaza_contract_add_event (store, c.id, "rejected", "done", NULL, NULL, step->comment, error))
        return FALSE;
      break;

    case PLAZA_CONTRACT_ACTIVATE:
      if (!plaza_contract_valid_date (step->date) || strcmp (step->date, c.start) < 0)
        return plaza_contract_invalid (error, _("Contract %s starts on %s: it cannot be activated before then."), c.code, c.start);
      if (!plaza_contract_add_event (store, c.id, "activated", "done", c.start, NULL, NULL, error))
        return FALSE;
      if (c.previous_id > 0)
        {
          g_auto(Contract) previous = { 0 };

          if (!plaza_contract_load (store, c.previous_id, &previous, error))
            return FALSE;
          if (plaza_contract_next_state (previous.state, PLAZA_CONTRACT_RENEW) != NULL &&
              (!set_state (store, &previous, "renewed", error) ||
               !plaza_contract_add_event (store, previous.id, "renewal", "done", c.start, NULL, c.code, error)))
            return FALSE;
        }
      break;

    case PLAZA_CONTRACT_TERMINATE:
      if (!plaza_contract_valid_date (step->date))
        return plaza_contract_invalid (error, _("date: “%s” is not a date like 2026-11-27."), step->date != NULL ? step->date : "");
      if (strcmp (step->date, c.start) < 0 || strcmp (step->date, c.end) > 0)
        return plaza_contract_invalid (error, _("date: must be between the contract's start (%s) and end (%s)."), c.start, c.end);
      if (step->reason == NULL || *step->reason == '\0')
        return plaza_contract_invalid (error, _("reason: say why the contract ends early."));
      {
        g_autoptr(sqlite3_stmt) stmt = plaza_store_prepare (store,
                                                            "UPDATE contracts SET terminated_on = ?, termination_reason = ? "
                                                            "WHERE id = ?", error);
        if (stmt == NULL)
          return FALSE;
        sqlite3_bind_text (stmt, 1, step->date, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text (stmt, 2, step->reason, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64 (stmt, 3, c.id);
        if (sqlite3_step (stmt) != SQLITE_DONE)
          return plaza_store_set_sqlite_error (store, error);
      }
      if (!plaza_contract_add_event (store, c.id, "termination", "done", step->date, NULL, step->reason, error) ||
          !settle_deposit (store, &c, step->date, step->deducted, step->deduction_reason, error))
        return FALSE;
      break;

    case PLAZA_CONTRACT_EXPIRE:
      if (!plaza_contract_add_event (store, c.id, "expired", "done", c.end, NULL, NULL, error))
        return FALSE;
      break;

    case PLAZA_CONTRACT_RENEW:
    case PLAZA_CONTRACT_AMEND:
    case PLAZA_CONTRACT_EDIT:
    default:
      g_assert_not_reached ();
    }

  return set_state (store, &c, to, error);
}

static gboolean
run_step (PlazaStore          *store,
          Step                *step,
          GError             **error)
{
  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);
  return plaza_store_write (store, step_func, step, error);
}

/* ---- creating ---- */

typedef struct
{
  const PlazaContractDraft *draft;
  gint64                    previous_id;
  gint64                    id;
} CreateData;

static gboolean
check_draft (const PlazaContractDraft  *d,
             GError                   **error)
{
  static const char * const kinds[] = { "lease", "concession", NULL };
  static const char * const models[] = { "fixed", "percentage", "higher_of", NULL };

  if (d->tenant_id <= 0)
    return plaza_contract_invalid (error, _("tenant: choose the tenant."));
  if (d->kind != NULL && !g_strv_contains (kinds, d->kind))
    return plaza_contract_invalid (error, _("kind: “%s” is not lease or concession."), d->kind);
  if (d->model == NULL || !g_strv_contains (models, d->model))
    return plaza_contract_invalid (error, _("model: choose fixed, percentage or higher of."));
  if (!plaza_contract_valid_date (d->start_date))
    return plaza_contract_invalid (error, _("start: “%s” is not a date like 2026-11-27."), d->start_date != NULL ? d->start_date : "");
  if (!plaza_contract_valid_date (d->end_date))
    return plaza_contract_invalid (error, _("end: “%s” is not a date like 2026-11-27."), d->end_date != NULL ? d->end_date : "");
  if (strcmp (d->end_date, d->start_date) < 0)
    return plaza_contract_invalid (error, _("end: the contract ends before it starts."));
  if (d->area_basis != NULL && !g_str_equal (d->area_basis, "rentable") && !g_str_equal (d->area_basis, "gross"))
    return plaza_contract_invalid (error, _("area basis: “%s” is not rentable or gross."), d->area_basis);
  if (d->n_units == 0 || d->unit_ids == NULL)
    return plaza_contract_invalid (error, _("units: choose at least one unit."));
  if (d->deposit_amount < 0 || d->monthly_rent < 0 || d->late_fee_cap < 0 ||
      d->late_fee_bp_per_day < 0 || d->late_fee_grace_days < 0)
    return plaza_contract_invalid (error, _("Amounts and late-fee terms cannot be negative."));
  return TRUE;
}

static gboolean
create_func (PlazaStore  *store,
             gpointer     user_data,
             GError     **error)
{
  CreateData *data = user_data;
  const PlazaContractDraft *d = data->draft;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) unit = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *code = NULL;
  g_autofree char *summary = NULL;
  gint64 serial = 0;
  const char *basis = d->area_basis != NULL ? d->area_basis : "rentable";

  if (!clash_free (store, d->unit_ids, d->n_units, d->start_date, d->end_date, data->previous_id, error))
    return FALSE;

  /* HT2026-0042: the year of the start and the next serial. */
  stmt = plaza_store_prepare (store, "SELECT count(*) FROM contracts", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    serial = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);
  do
    {
      g_autoptr(sqlite3_stmt) exists = NULL;

      g_free (code);
      code = g_strdup_printf ("HT%.4s-%04" G_GINT64_FORMAT, d->start_date, ++serial);
      exists = plaza_store_prepare (store, "SELECT 1 FROM contracts WHERE code = ?", error);
      if (exists == NULL)
        return FALSE;
      sqlite3_bind_text (exists, 1, code, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (exists) != SQLITE_ROW)
        break;
    }
  while (TRUE);

  stmt = plaza_store_prepare (store,
                              "INSERT INTO contracts (code, tenant_id, brand_id, kind, state, model, start_date, end_date, "
                              "area_basis, monthly_rent, terms_json, deposit_amount, late_fee_bp_per_day, late_fee_grace_days, "
                              "late_fee_cap, previous_contract_id, created_by, created_at) "
                              "VALUES (?1, ?2, (SELECT brand_id FROM tenant_brands WHERE tenant_id = ?2 LIMIT 1), ?3, 'draft', "
                              "?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, d->tenant_id);
  sqlite3_bind_text (stmt, 3, d->kind != NULL ? d->kind : "lease", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, d->model, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, d->start_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, d->end_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, basis, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 8, d->monthly_rent);
  sqlite3_bind_text (stmt, 9, d->terms_json != NULL ? d->terms_json : "{}", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 10, d->deposit_amount);
  sqlite3_bind_int64 (stmt, 11, d->late_fee_bp_per_day);
  sqlite3_bind_int64 (stmt, 12, d->late_fee_grace_days);
  sqlite3_bind_int64 (stmt, 13, d->late_fee_cap);
  if (data->previous_id > 0)
    sqlite3_bind_int64 (stmt, 14, data->previous_id);
  sqlite3_bind_text (stmt, 15, plaza_store_get_user (store), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 16, at, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  data->id = sqlite3_last_insert_rowid (plaza_store_get_db (store));

  unit = plaza_store_prepare (store,
                              g_str_equal (basis, "gross")
                              ? "INSERT INTO contract_units (contract_id, unit_id, area) SELECT ?, id, gross_area FROM units WHERE id = ?"
                              : "INSERT INTO contract_units (contract_id, unit_id, area) SELECT ?, id, rentable_area FROM units WHERE id = ?",
                              error);
  if (unit == NULL)
    return FALSE;
  for (guint i = 0; i < d->n_units; i++)
    {
      sqlite3_bind_int64 (unit, 1, data->id);
      sqlite3_bind_int64 (unit, 2, d->unit_ids[i]);
      if (sqlite3_step (unit) != SQLITE_DONE)
        return plaza_store_set_sqlite_error (store, error);
      if (sqlite3_changes (plaza_store_get_db (store)) != 1)
        return plaza_contract_invalid (error, _("units: there is no unit with id %lld."), (long long) d->unit_ids[i]);
      sqlite3_reset (unit);
    }

  if (!plaza_contract_add_event (store, data->id, "created", "done", d->start_date, d->terms_json, NULL, error))
    return FALSE;
  summary = g_strdup_printf ("%s: draft %s – %s", code, d->start_date, d->end_date);
  return plaza_store_log_change (store, "contract", data->id, "create", summary, error);
}

/* ---- public API ---- */

const char *
plaza_contract_next_state (const char          *state,
                           PlazaContractAction  action)
{
  for (guint i = 0; i < G_N_ELEMENTS (transitions); i++)
    if (g_strcmp0 (transitions[i].from, state) == 0 && transitions[i].action == action)
      return transitions[i].to;
  return NULL;
}

gint64
plaza_contract_create (PlazaStore                *store,
                       const PlazaContractDraft  *draft,
                       GError                   **error)
{
  CreateData data = { draft, 0, 0 };

  g_return_val_if_fail (PLAZA_IS_STORE (store), 0);
  g_return_val_if_fail (draft != NULL, 0);

  if (!check_draft (draft, error) || !plaza_store_write (store, create_func, &data, error))
    return 0;
  return data.id;
}

gboolean
plaza_contract_submit (PlazaStore  *store,
                       gint64       id,
                       gint64       rev,
                       GError     **error)
{
  Step step = { .id = id, .rev = rev, .action = PLAZA_CONTRACT_SUBMIT };
  return run_step (store, &step, error);
}

gboolean
plaza_contract_approve (PlazaStore  *store,
                        gint64       id,
                        gint64       rev,
                        const char  *comment,
                        GError     **error)
{
  Step step = { .id = id, .rev = rev, .action = PLAZA_CONTRACT_APPROVE, .comment = comment };
  return run_step (store, &step, error);
}

gboolean
plaza_contract_reject (PlazaStore  *store,
                       gint64       id,
                       gint64       rev,
                       const char  *comment,
                       GError     **error)
{
  Step step = { .id = id, .rev = rev, .action = PLAZA_CONTRACT_REJECT, .comment = comment };
  return run_step (store, &step, error);
}

gboolean
plaza_contract_activate (PlazaStore  *store,
                         gint64       id,
                         gint64       rev,
                         const char  *today,
                         GError     **error)
{
  Step step = { .id = id, .rev = rev, .action = PLAZA_CONTRACT_ACTIVATE, .date = today };
  return run_step (store, &step, error);
}

gboolean
plaza_contract_terminate (PlazaStore  *store,
                          gint64       id,
                          gint64       rev,
                          const char  *date,
                          const char  *reason,
                          gint64       deducted,
                          const char  *deduction_reason,
                          GError     **error)
{
  Step step = { .id = id, .rev = rev, .action = PLAZA_CONTRACT_TERMINATE, .date = date,
                .reason = reason, .deducted = deducted, .deduction_reason = deduction_reason };
  return run_step (store, &step, error);
}

typedef struct
{
  const char *today;
  guint       n;
} ExpireData;

static gboolean
expire_func (PlazaStore  *store,
             gpointer     user_data,
             GError     **error)
{
  ExpireData *data = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  stmt = plaza_store_prepare (store, "SELECT id FROM contracts WHERE state = 'active' AND end_date < ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, data->today, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }

  for (guint i = 0; i < ids->len; i++)
    {
      g_auto(Contract) c = { 0 };

      if (!plaza_contract_load (store, g_array_index (ids, gint64, i), &c, error) ||
          !plaza_contract_add_event (store, c.id, "expired", "done", c.end, NULL, NULL, error) ||
          !set_state (store, &c, "expired", error))
        return FALSE;
      data->n++;
    }
  return TRUE;
}

gboolean
plaza_contract_expire_due (PlazaStore  *store,
                           const char  *today,
                           guint       *n_expired,
                           GError     **error)
{
  ExpireData data = { today, 0 };

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);

  if (!plaza_contract_valid_date (today))
    return plaza_contract_invalid (error, _("today: “%s” is not a date like 2026-11-27."), today != NULL ? today : "");
  if (!plaza_store_write (store, expire_func, &data, error))
    return FALSE;
  if (n_expired != NULL)
    *n_expired = data.n;
  return TRUE;
}

gint64
plaza_contract_renew (PlazaStore                *store,
                      gint64                     id,
                      const PlazaContractDraft  *next,
                      GError                   **error)
{
  g_auto(Contract) c = { 0 };
  CreateData data = { next, id, 0 };

  g_return_val_if_fail (PLAZA_IS_STORE (store), 0);
  g_return_val_if_fail (next != NULL, 0);

  if (!plaza_contract_load (store, id, &c, error))
    return 0;
  if (plaza_contract_allowed (&c, PLAZA_CONTRACT_RENEW, error) == NULL)
    return 0;
  if (!check_draft (next, error))
    return 0;
  if (strcmp (next->start_date, c.end) <= 0)
    {
      plaza_contract_invalid (error, _("start: a renewal starts after the contract it renews ends (%s)."), c.end);
      return 0;
    }
  if (!plaza_store_write (store, create_func, &data, error))
    return 0;
  return data.id;
}

char *
plaza_contract_find_clash (PlazaStore    *store,
                           const gint64  *unit_ids,
                           guint          n_units,
                           const char    *start,
                           const char    *end,
                           gint64         except_id,
                           GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PLAZA_IS_STORE (store), NULL);

  /* Drafts hold nothing yet; a terminated contract holds its units up to
   * the day it ended. */
  stmt = plaza_store_prepare (store,
                              "SELECT c.code FROM contracts c JOIN contract_units cu ON cu.contract_id = c.id "
                              "WHERE cu.unit_id = ?1 AND c.id != ?2 AND c.state != 'draft' "
                              "AND c.start_date <= ?4 AND coalesce (c.terminated_on, c.end_date) >= ?3 "
                              "ORDER BY c.start_date LIMIT 1", error);
  if (stmt == NULL)
    return NULL;

  for (guint i = 0; i < n_units; i++)
    {
      sqlite3_bind_int64 (stmt, 1, unit_ids[i]);
      sqlite3_bind_int64 (stmt, 2, except_id);
      sqlite3_bind_text (stmt, 3, start, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, end, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  return NULL;
}
