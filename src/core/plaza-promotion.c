/* plaza-promotion.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Promotion plans: validation, load, create, edit (with locking of approved
 * plans), the approval lifecycle and the clash check.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-date.h"
#include "plaza-change-log.h"
#include "plaza-promotion.h"

static const char * const mechanics_names[] = { "spend_save", "discount", "gift", "points", "event", NULL };
static const char * const scope_names[] = { "mall", "floors", "categories", NULL };
static const char * const status_names[] = { "invited", "confirmed", "declined", NULL };

static void
participant_free (gpointer data)
{
  PlazaPromotionParticipant *pp = data;

  g_free (pp->offer);
  g_free (pp->status);
  g_free (pp);
}

PlazaPromotion *
plaza_promotion_new (void)
{
  PlazaPromotion *p = g_new0 (PlazaPromotion, 1);

  p->mechanics = g_strdup ("event");
  p->scope = g_strdup ("mall");
  p->state = g_strdup ("draft");
  p->scope_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  p->participants = g_ptr_array_new_with_free_func (participant_free);
  return p;
}

void
plaza_promotion_free (PlazaPromotion *p)
{
  if (p == NULL)
    return;
  g_free (p->code);
  g_free (p->name);
  g_free (p->theme);
  g_free (p->mechanics);
  g_free (p->start_date);
  g_free (p->end_date);
  g_free (p->scope);
  g_free (p->state);
  g_free (p->notes);
  g_array_unref (p->scope_ids);
  g_ptr_array_unref (p->participants);
  g_free (p);
}

void
plaza_promotion_add_participant (PlazaPromotion *p,
                                 gint64          tenant_id,
                                 const char     *offer,
                                 const char     *status,
                                 gint64          fee)
{
  PlazaPromotionParticipant *pp = g_new0 (PlazaPromotionParticipant, 1);

  pp->tenant_id = tenant_id;
  pp->offer = g_strdup (offer != NULL ? offer : "");
  pp->status = g_strdup (status != NULL ? status : "invited");
  pp->fee = fee;
  g_ptr_array_add (p->participants, pp);
}

void
plaza_promotion_clash_free (PlazaPromotionClash *c)
{
  if (c == NULL)
    return;
  g_free (c->code);
  g_free (c->name);
  g_free (c->start_date);
  g_free (c->end_date);
  g_free (c->reason);
  g_free (c);
}

static gboolean
blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

static gboolean
invalid (GError    **error,
         const char *message)
{
  g_set_error_literal (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID, message);
  return FALSE;
}

gboolean
plaza_promotion_validate (const PlazaPromotion *p,
                          GError              **error)
{
  GDate start, end;

  if (blank (p->name))
    return invalid (error, _("Name: a promotion needs a name."));
  if (p->mechanics == NULL || !g_strv_contains (mechanics_names, p->mechanics))
    return invalid (error, _("Mechanics: choose spend-and-save, discount, gift, points or event."));
  if (p->start_date == NULL || !plaza_date_parse (p->start_date, &start))
    return invalid (error, _("Start date: enter a date like 2026-11-27."));
  if (p->end_date == NULL || !plaza_date_parse (p->end_date, &end))
    return invalid (error, _("End date: enter a date like 2026-11-27."));
  if (g_date_compare (&end, &start) < 0)
    return invalid (error, _("End date: the promotion cannot end before it starts."));
  if (p->scope == NULL || !g_strv_contains (scope_names, p->scope))
    return invalid (error, _("Scope: choose the whole mall, floors or categories."));
  if (!g_str_equal (p->scope, "mall") && p->scope_ids->len == 0)
    return invalid (error, _("Scope: choose at least one floor or category."));
  if (p->budget_mall < 0)
    return invalid (error, _("Mall budget: cannot be negative."));
  if (p->budget_tenant < 0)
    return invalid (error, _("Tenant budget: cannot be negative."));
  if (p->goal_uplift_bp < 0 || p->goal_footfall < 0)
    return invalid (error, _("Goals: cannot be negative."));
  for (guint i = 0; i < p->participants->len; i++)
    {
      const PlazaPromotionParticipant *pp = g_ptr_array_index (p->participants, i);

      if (pp->fee < 0)
        return invalid (error, _("Participant fee: cannot be negative."));
      if (!g_strv_contains (status_names, pp->status))
        return invalid (error, _("Participant status: choose invited, confirmed or declined."));
      for (guint j = 0; j < i; j++)
        if (((PlazaPromotionParticipant *) g_ptr_array_index (p->participants, j))->tenant_id == pp->tenant_id)
          return invalid (error, _("Participants: a tenant is listed twice."));
    }
  return TRUE;
}

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? (const char *) text : "");
}

PlazaPromotion *
plaza_promotion_load (PlazaStore *store,
                      gint64      id,
                      GError    **error)
{
  g_autoptr(PlazaPromotion) p = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = plaza_store_prepare (store,
                              "SELECT code, name, theme, mechanics, start_date, end_date, scope, state, "
                              "budget_mall, budget_tenant, goal_uplift_bp, goal_footfall, notes, rev "
                              "FROM promotions WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND,
                   _("There is no promotion %lld."), (long long) id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      plaza_store_set_sqlite_error (store, error);
      return NULL;
    }

  p = plaza_promotion_new ();
  p->id = id;
  p->code = column_text (stmt, 0);
  p->name = column_text (stmt, 1);
  p->theme = column_text (stmt, 2);
  g_free (p->mechanics);
  p->mechanics = column_text (stmt, 3);
  p->start_date = column_text (stmt, 4);
  p->end_date = column_text (stmt, 5);
  g_free (p->scope);
  p->scope = column_text (stmt, 6);
  g_free (p->state);
  p->state = column_text (stmt, 7);
  p->budget_mall = sqlite3_column_int64 (stmt, 8);
  p->budget_tenant = sqlite3_column_int64 (stmt, 9);
  p->goal_uplift_bp = sqlite3_column_int64 (stmt, 10);
  p->goal_footfall = sqlite3_column_int64 (stmt, 11);
  p->notes = column_text (stmt, 12);
  p->rev = sqlite3_column_int64 (stmt, 13);
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = plaza_store_prepare (store, "SELECT ref_id FROM promotion_scope WHERE promotion_id = ? ORDER BY ref_id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 ref = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (p->scope_ids, ref);
    }
  if (rc != SQLITE_DONE)
    {
      plaza_store_set_sqlite_error (store, error);
      return NULL;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = plaza_store_prepare (store,
                              "SELECT tenant_id, offer, status, fee FROM promotion_participants "
                              "WHERE promotion_id = ? ORDER BY tenant_id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    plaza_promotion_add_participant (p, sqlite3_column_int64 (stmt, 0),
                                     (const char *) sqlite3_column_text (stmt, 1),
                                     (const char *) sqlite3_column_text (stmt, 2),
                                     sqlite3_column_int64 (stmt, 3));
  if (rc != SQLITE_DONE)
    {
      plaza_store_set_sqlite_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&p);
}

/* Inside a write: the current state and rev of @id; CONFLICT (naming who
 * saved last) when the rev moved. */
static gboolean
check_rev (PlazaStore *store,
           gint64      id,
           gint64      rev,
           char      **out_state,
           char      **out_code,
           GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *code = NULL;
  gint64 current;

  stmt = plaza_store_prepare (store, "SELECT state, rev, code FROM promotions WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND,
                   _("There is no promotion %lld."), (long long) id);
      return FALSE;
    }
  current = sqlite3_column_int64 (stmt, 1);
  code = column_text (stmt, 2);
  if (current != rev)
    {
      g_autofree char *who = NULL;
      g_autofree char *when = NULL;

      g_clear_pointer (&stmt, sqlite3_finalize);
      stmt = plaza_store_prepare (store,
                                  "SELECT user, at FROM change_log WHERE entity = 'promotion' AND entity_id = ? "
                                  "ORDER BY seq DESC LIMIT 1", NULL);
      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, id);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            {
              who = column_text (stmt, 0);
              when = column_text (stmt, 1);
            }
        }
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_CONFLICT,
                   _("Promotion %s was changed by %s at %s after you opened it. Reload it and try again."),
                   code, who != NULL ? who : _("someone else"), when != NULL ? when : "?");
      return FALSE;
    }
  if (out_state != NULL)
    *out_state = column_text (stmt, 0);
  if (out_code != NULL)
    *out_code = g_steal_pointer (&code);
  return TRUE;
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

/* Replaces the scope and participant rows of @p. */
static gboolean
write_children (PlazaStore           *store,
                const PlazaPromotion *p,
                GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) part = NULL;
  const char *kind = g_str_equal (p->scope, "categories") ? "category" : "floor";

  stmt = plaza_store_prepare (store, "DELETE FROM promotion_scope WHERE promotion_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, p->id);
  if (!step_done (store, stmt, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = plaza_store_prepare (store, "DELETE FROM promotion_participants WHERE promotion_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, p->id);
  if (!step_done (store, stmt, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!g_str_equal (p->scope, "mall"))
    {
      stmt = plaza_store_prepare (store, "INSERT OR IGNORE INTO promotion_scope (promotion_id, kind, ref_id) VALUES (?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      for (guint i = 0; i < p->scope_ids->len; i++)
        {
          sqlite3_reset (stmt);
          sqlite3_bind_int64 (stmt, 1, p->id);
          sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, 3, g_array_index (p->scope_ids, gint64, i));
          if (!step_done (store, stmt, error))
            return FALSE;
        }
    }

  part = plaza_store_prepare (store,
                              "INSERT INTO promotion_participants (promotion_id, tenant_id, offer, status, fee) "
                              "VALUES (?, ?, ?, ?, ?)", error);
  if (part == NULL)
    return FALSE;
  for (guint i = 0; i < p->participants->len; i++)
    {
      const PlazaPromotionParticipant *pp = g_ptr_array_index (p->participants, i);

      sqlite3_reset (part);
      sqlite3_bind_int64 (part, 1, p->id);
      sqlite3_bind_int64 (part, 2, pp->tenant_id);
      sqlite3_bind_text (part, 3, pp->offer, -1, SQLITE_STATIC);
      sqlite3_bind_text (part, 4, pp->status, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (part, 5, pp->fee);
      if (!step_done (store, part, error))
        return FALSE;
    }
  return TRUE;
}

static void
bind_fields (sqlite3_stmt         *stmt,
             const PlazaPromotion *p)
{
  sqlite3_bind_text (stmt, 1, p->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, p->theme != NULL ? p->theme : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, p->mechanics, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, p->start_date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, p->end_date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, p->scope, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, p->budget_mall);
  sqlite3_bind_int64 (stmt, 8, p->budget_tenant);
  sqlite3_bind_int64 (stmt, 9, p->goal_uplift_bp);
  sqlite3_bind_int64 (stmt, 10, p->goal_footfall);
  sqlite3_bind_text (stmt, 11, p->notes != NULL ? p->notes : "", -1, SQLITE_STATIC);
}

static gboolean
create_in_write (PlazaStore *store,
                 gpointer    user_data,
                 GError    **error)
{
  PlazaPromotion *p = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *code = NULL;
  g_autofree char *summary = NULL;

  if (p->code != NULL && *p->code != '\0')
    code = g_strdup (p->code);
  else
    {
      for (guint n = 1; code == NULL; n++)
        {
          g_autofree char *candidate = g_strdup_printf ("CX%.4s-%02u", p->start_date, n);
          g_autoptr(sqlite3_stmt) probe = plaza_store_prepare (store, "SELECT 1 FROM promotions WHERE code = ?", error);

          if (probe == NULL)
            return FALSE;
          sqlite3_bind_text (probe, 1, candidate, -1, SQLITE_STATIC);
          if (sqlite3_step (probe) != SQLITE_ROW)
            code = g_steal_pointer (&candidate);
        }
    }

  stmt = plaza_store_prepare (store,
                              "INSERT INTO promotions (name, theme, mechanics, start_date, end_date, scope, "
                              "budget_mall, budget_tenant, goal_uplift_bp, goal_footfall, notes, code, state, "
                              "created_by, created_at, rev) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 'draft', ?13, ?14, 1)", error);
  if (stmt == NULL)
    return FALSE;
  bind_fields (stmt, p);
  sqlite3_bind_text (stmt, 12, code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 13, plaza_store_get_user (store), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 14, at, -1, SQLITE_STATIC);
  if (!step_done (store, stmt, error))
    return FALSE;
  p->id = sqlite3_last_insert_rowid (plaza_store_get_db (store));
  if (!write_children (store, p, error))
    return FALSE;
  g_free (p->code);
  p->code = g_steal_pointer (&code);
  g_free (p->state);
  p->state = g_strdup ("draft");
  p->rev = 1;
  summary = g_strdup_printf ("%s %s (%s – %s)", p->code, p->name, p->start_date, p->end_date);
  return plaza_store_log_change (store, "promotion", p->id, "create", summary, error);
}

gboolean
plaza_promotion_create (PlazaStore     *store,
                        PlazaPromotion *p,
                        GError        **error)
{
  if (!plaza_promotion_validate (p, error))
    return FALSE;
  return plaza_store_write (store, create_in_write, p, error);
}

typedef struct
{
  PlazaPromotion *p;
  char           *new_state;
} UpdateData;

static gboolean
update_in_write (PlazaStore *store,
                 gpointer    user_data,
                 GError    **error)
{
  UpdateData *data = user_data;
  PlazaPromotion *p = data->p;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *state = NULL;
  g_autofree char *code = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(PlazaChangeSnapshot) before = NULL;
  g_autofree char *diff = NULL;
  const char *new_state;

  if (!check_rev (store, p->id, p->rev, &state, &code, error))
    return FALSE;
  if (g_str_equal (state, "cancelled"))
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                   _("Promotion %s is cancelled and cannot be changed."), code);
      return FALSE;
    }
  new_state = g_str_equal (state, "approved") ? "submitted"
              : g_str_equal (state, "rejected") ? "draft" : state;

  before = plaza_change_snapshot_take (store, "promotions", p->id, error);
  if (before == NULL)
    return FALSE;
  stmt = plaza_store_prepare (store,
                              "UPDATE promotions SET name = ?1, theme = ?2, mechanics = ?3, start_date = ?4, "
                              "end_date = ?5, scope = ?6, budget_mall = ?7, budget_tenant = ?8, goal_uplift_bp = ?9, "
                              "goal_footfall = ?10, notes = ?11, state = ?12, rev = rev + 1 WHERE id = ?13", error);
  if (stmt == NULL)
    return FALSE;
  bind_fields (stmt, p);
  sqlite3_bind_text (stmt, 12, new_state, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 13, p->id);
  if (!step_done (store, stmt, error))
    return FALSE;
  if (!write_children (store, p, error))
    return FALSE;
  g_free (data->new_state);
  data->new_state = g_strdup (new_state);
  diff = plaza_change_snapshot_diff (before, store, error);
  if (diff == NULL)
    return FALSE;
  summary = g_strdup_printf ("%s %s%s%s", code, p->name != NULL ? p->name : "", diff[0] != '\0' ? ": " : "", diff);
  return plaza_store_log_change (store, "promotion", p->id, "edit", summary, error);
}

gboolean
plaza_promotion_update (PlazaStore     *store,
                        PlazaPromotion *p,
                        GError        **error)
{
  UpdateData data = { p, NULL };

  if (!plaza_promotion_validate (p, error))
    return FALSE;
  if (!plaza_store_write (store, update_in_write, &data, error))
    {
      g_free (data.new_state);
      return FALSE;
    }
  g_free (p->state);
  p->state = data.new_state;
  p->rev++;
  return TRUE;
}

typedef struct
{
  gint64               id;
  gint64               rev;
  PlazaPromotionAction action;
  const char          *comment;
} TransitionData;

static gboolean
transition_in_write (PlazaStore *store,
                     gpointer    user_data,
                     GError    **error)
{
  static const char * const actions[] = { "submit", "approve", "reject", "cancel" };
  TransitionData *data = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *state = NULL;
  g_autofree char *code = NULL;
  g_autofree char *summary = NULL;
  const char *to = NULL;

  if (!check_rev (store, data->id, data->rev, &state, &code, error))
    return FALSE;
  switch (data->action)
    {
    case PLAZA_PROMOTION_SUBMIT:
      to = g_str_equal (state, "draft") ? "submitted" : NULL;
      break;
    case PLAZA_PROMOTION_APPROVE:
      to = g_str_equal (state, "submitted") ? "approved" : NULL;
      break;
    case PLAZA_PROMOTION_REJECT:
      to = g_str_equal (state, "submitted") ? "rejected" : NULL;
      break;
    case PLAZA_PROMOTION_CANCEL:
      to = (g_str_equal (state, "draft") || g_str_equal (state, "submitted")
            || g_str_equal (state, "approved")) ? "cancelled" : NULL;
      break;
    default:
      g_assert_not_reached ();
    }
  if (to == NULL)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                   _("Promotion %s is %s: it cannot be %s."), code, state,
                   data->action == PLAZA_PROMOTION_SUBMIT ? _("submitted")
                   : data->action == PLAZA_PROMOTION_APPROVE ? _("approved")
                   : data->action == PLAZA_PROMOTION_REJECT ? _("rejected") : _("cancelled"));
      return FALSE;
    }

  stmt = plaza_store_prepare (store, "UPDATE promotions SET state = ?, rev = rev + 1 WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, to, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, data->id);
  if (!step_done (store, stmt, error))
    return FALSE;
  if (data->comment != NULL && *data->comment != '\0')
    summary = g_strdup_printf ("%s %s → %s: %s", code, state, to, data->comment);
  else
    summary = g_strdup_printf ("%s %s → %s", code, state, to);
  return plaza_store_log_change (store, "promotion", data->id, actions[data->action], summary, error);
}

gint64
plaza_promotion_transition (PlazaStore          *store,
                            gint64               id,
                            gint64               rev,
                            PlazaPromotionAction action,
                            const char          *comment,
                            GError             **error)
{
  TransitionData data = { id, rev, action, comment };

  if (action == PLAZA_PROMOTION_REJECT
      && blank (comment))
    {
      invalid (error, _("Comment: say why the promotion is rejected."));
      return 0;
    }
  if (!plaza_store_write (store, transition_in_write, &data, error))
    return 0;
  return rev + 1;
}

static gboolean
ids_intersect (GArray *a,
               GArray *b)
{
  for (guint i = 0; i < a->len; i++)
    for (guint j = 0; j < b->len; j++)
      if (g_array_index (a, gint64, i) == g_array_index (b, gint64, j))
        return TRUE;
  return FALSE;
}

static GArray *
active_tenants (const PlazaPromotion *p)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < p->participants->len; i++)
    {
      const PlazaPromotionParticipant *pp = g_ptr_array_index (p->participants, i);

      if (!g_str_equal (pp->status, "declined"))
        g_array_append_val (ids, pp->tenant_id);
    }
  return ids;
}

/* Why @a and @b (overlapping in time) clash, or NULL. */
static const char *
clash_reason (const PlazaPromotion *a,
              const PlazaPromotion *b)
{
  g_autoptr(GArray) ta = active_tenants (a);
  g_autoptr(GArray) tb = active_tenants (b);

  if (ids_intersect (ta, tb))
    return "tenants";
  if (g_str_equal (a->scope, "mall") || g_str_equal (b->scope, "mall"))
    return "mall";
  if (g_str_equal (a->scope, b->scope) && ids_intersect (a->scope_ids, b->scope_ids))
    return g_str_equal (a->scope, "floors") ? "floors" : "categories";
  return NULL;
}

gboolean
plaza_promotion_find_clashes (PlazaStore            *store,
                              gint64                 id,
                              const PlazaPromotion  *draft,
                              GPtrArray            **out,
                              GError               **error)
{
  g_autoptr(PlazaPromotion) loaded = NULL;
  g_autoptr(GPtrArray) clashes = g_ptr_array_new_with_free_func ((GDestroyNotify) plaza_promotion_clash_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) others = g_array_new (FALSE, FALSE, sizeof (gint64));
  const PlazaPromotion *p = draft;
  int rc;

  if (p == NULL)
    {
      loaded = plaza_promotion_load (store, id, error);
      if (loaded == NULL)
        return FALSE;
      p = loaded;
    }

  stmt = plaza_store_prepare (store,
                              "SELECT id FROM promotions WHERE state NOT IN ('cancelled', 'rejected') "
                              "AND start_date <= ?1 AND end_date >= ?2 AND id != ?3 ORDER BY start_date, code", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, p->end_date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, p->start_date, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, p->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 other = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (others, other);
    }
  if (rc != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);

  for (guint i = 0; i < others->len; i++)
    {
      g_autoptr(PlazaPromotion) o = plaza_promotion_load (store, g_array_index (others, gint64, i), error);
      const char *reason;

      if (o == NULL)
        return FALSE;
      reason = clash_reason (p, o);
      if (reason != NULL)
        {
          PlazaPromotionClash *c = g_new0 (PlazaPromotionClash, 1);

          c->id = o->id;
          c->code = g_steal_pointer (&o->code);
          c->name = g_steal_pointer (&o->name);
          c->start_date = g_steal_pointer (&o->start_date);
          c->end_date = g_steal_pointer (&o->end_date);
          c->reason = g_strdup (reason);
          g_ptr_array_add (clashes, c);
        }
    }
  *out = g_steal_pointer (&clashes);
  return TRUE;
}
