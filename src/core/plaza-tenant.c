/* plaza-tenant.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tenant archive: the credit code check (GB 32100-2015), loading,
 * creating and rev-checked updating of a tenant, its contacts and brand
 * links, licence expiry alerts and the category choices for the pickers.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "plaza-change-log.h"
#include "plaza-date.h"
#include "plaza-tenant.h"
#include "plaza-tenant-private.h"

/* GB 32100-2015: 31 characters, no I O Z S V. */
static const char credit_alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
static const guint credit_weights[17] = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

static int
credit_value (char c)
{
  const char *p;

  if (c == '\0')
    return -1;
  p = strchr (credit_alphabet, c);
  return p != NULL ? (int) (p - credit_alphabet) : -1;
}

char
plaza_credit_code_check_char (const char *code)
{
  guint sum = 0;

  if (code == NULL || strlen (code) < 17)
    return '\0';
  for (guint i = 0; i < 17; i++)
    {
      int v = credit_value (code[i]);

      if (v < 0)
        return '\0';
      sum += (guint) v * credit_weights[i];
    }
  return credit_alphabet[(31 - sum % 31) % 31];
}

PlazaCreditCodeResult
plaza_credit_code_check (const char *code)
{
  if (code == NULL || *code == '\0')
    return PLAZA_CREDIT_CODE_EMPTY;
  if (g_utf8_strlen (code, -1) != 18 || strlen (code) != 18)
    return PLAZA_CREDIT_CODE_LENGTH;
  for (guint i = 0; i < 18; i++)
    if (credit_value (code[i]) < 0)
      return PLAZA_CREDIT_CODE_ALPHABET;
  if (plaza_credit_code_check_char (code) != code[17])
    return PLAZA_CREDIT_CODE_CHECK;
  return PLAZA_CREDIT_CODE_OK;
}

const char *
plaza_credit_code_describe (PlazaCreditCodeResult result)
{
  switch (result)
    {
    case PLAZA_CREDIT_CODE_OK:
      return NULL;
    case PLAZA_CREDIT_CODE_EMPTY:
      return _("Credit code: enter the 18-character unified social credit code.");
    case PLAZA_CREDIT_CODE_LENGTH:
      return _("Credit code: a unified social credit code has exactly 18 characters.");
    case PLAZA_CREDIT_CODE_ALPHABET:
      return _("Credit code: only digits and capital letters except I, O, Z, S and V are allowed.");
    case PLAZA_CREDIT_CODE_CHECK:
    default:
      return _("Credit code: the last character (the check character) does not match; look for a typing mistake.");
    }
}

char *
plaza_archive_column_text (sqlite3_stmt *stmt,
             int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? (const char *) text : "");
}

gboolean
plaza_archive_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

gboolean
plaza_archive_invalid (GError    **error,
         const char *message)
{
  g_set_error_literal (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID, message);
  return FALSE;
}

void
plaza_archive_bind_text (sqlite3_stmt *stmt,
           int           column,
           const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, column);
  else
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_TRANSIENT);
}

gboolean
plaza_archive_step_done (PlazaStore   *store,
           sqlite3_stmt *stmt,
           GError      **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  return TRUE;
}

PlazaTenant *
plaza_tenant_new (void)
{
  PlazaTenant *t = g_new0 (PlazaTenant, 1);

  t->status = g_strdup ("active");
  t->notes = g_strdup ("");
  t->credit_code = g_strdup ("");
  t->category = g_strdup ("");
  t->business_type = g_strdup ("");
  t->tier = g_strdup ("");
  t->contacts = g_ptr_array_new_with_free_func ((GDestroyNotify) plaza_tenant_contact_free);
  t->brands = g_ptr_array_new_with_free_func ((GDestroyNotify) plaza_tenant_brand_free);
  return t;
}

void
plaza_tenant_free (PlazaTenant *t)
{
  if (t == NULL)
    return;
  g_free (t->code);
  g_free (t->name);
  g_free (t->credit_code);
  g_free (t->licence_expiry);
  g_free (t->status);
  g_free (t->notes);
  g_free (t->category);
  g_free (t->business_type);
  g_free (t->tier);
  g_clear_pointer (&t->contacts, g_ptr_array_unref);
  g_clear_pointer (&t->brands, g_ptr_array_unref);
  g_free (t);
}

void
plaza_tenant_contact_free (PlazaTenantContact *c)
{
  if (c == NULL)
    return;
  g_free (c->name);
  g_free (c->role);
  g_free (c->phone);
  g_free (c->email);
  g_free (c);
}

void
plaza_tenant_brand_free (PlazaTenantBrand *b)
{
  if (b == NULL)
    return;
  g_free (b->name);
  g_free (b->tier);
  g_free (b->category);
  g_free (b);
}

void
plaza_licence_alert_free (PlazaLicenceAlert *a)
{
  if (a == NULL)
    return;
  g_free (a->code);
  g_free (a->name);
  g_free (a->licence_expiry);
  g_free (a);
}

void
plaza_category_choice_free (PlazaCategoryChoice *c)
{
  if (c == NULL)
    return;
  g_free (c->name);
  g_free (c->parent);
  g_free (c);
}

gboolean
plaza_tenant_validate (const PlazaTenant *t,
                       GError           **error)
{
  static const char * const statuses[] = { "prospect", "active", "leaving", "former" };
  GDate date;
  gboolean known = FALSE;

  if (plaza_archive_blank (t->name))
    return plaza_archive_invalid (error, _("Company: enter the company name."));
  if (!plaza_archive_blank (t->credit_code))
    {
      const char *reason = plaza_credit_code_describe (plaza_credit_code_check (t->credit_code));

      if (reason != NULL)
        return plaza_archive_invalid (error, reason);
    }
  if (t->licence_expiry != NULL && *t->licence_expiry != '\0'
      && !plaza_date_parse (t->licence_expiry, &date))
    return plaza_archive_invalid (error, _("Licence expiry: enter a date like 2026-11-27."));
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    if (t->status != NULL && g_str_equal (t->status, statuses[i]))
      known = TRUE;
  if (!known)
    return plaza_archive_invalid (error, _("Status: choose prospect, active, leaving or former."));
  if (t->category_id < 0)
    return plaza_archive_invalid (error, _("Category: choose a category."));
  return TRUE;
}

static gboolean
load_children (PlazaStore  *store,
               PlazaTenant *t,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = plaza_store_prepare (store,
                              "SELECT id, rev, name, role, phone, email FROM tenant_contacts "
                              "WHERE tenant_id = ? ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, t->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PlazaTenantContact *c = g_new0 (PlazaTenantContact, 1);

      c->id = sqlite3_column_int64 (stmt, 0);
      c->tenant_id = t->id;
      c->rev = sqlite3_column_int64 (stmt, 1);
      c->name = plaza_archive_column_text (stmt, 2);
      c->role = plaza_archive_column_text (stmt, 3);
      c->phone = plaza_archive_column_text (stmt, 4);
      c->email = plaza_archive_column_text (stmt, 5);
      g_ptr_array_add (t->contacts, c);
    }
  if (rc != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = plaza_store_prepare (store,
                              "SELECT b.id, b.name, b.tier, COALESCE (c.name, '') FROM tenant_brands tb "
                              "JOIN brands b ON b.id = tb.brand_id LEFT JOIN categories c ON c.id = b.category_id "
                              "WHERE tb.tenant_id = ? "
                              "ORDER BY CASE b.tier WHEN 'flagship' THEN 0 WHEN 'A' THEN 1 WHEN 'B' THEN 2 ELSE 3 END, b.name", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, t->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PlazaTenantBrand *b = g_new0 (PlazaTenantBrand, 1);

      b->brand_id = sqlite3_column_int64 (stmt, 0);
      b->name = plaza_archive_column_text (stmt, 1);
      b->tier = plaza_archive_column_text (stmt, 2);
      b->category = plaza_archive_column_text (stmt, 3);
      g_ptr_array_add (t->brands, b);
    }
  if (rc != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  if (t->brands->len > 0)
    {
      g_free (t->tier);
      t->tier = g_strdup (((PlazaTenantBrand *) t->brands->pdata[0])->tier);
    }
  return TRUE;
}

PlazaTenant *
plaza_tenant_load (PlazaStore *store,
                   gint64      id,
                   GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(PlazaTenant) t = NULL;

  stmt = plaza_store_prepare (store,
                              "SELECT t.rev, t.code, t.name, t.credit_code, t.licence_expiry, "
                              "  COALESCE (t.category_id, 0), t.status, t.notes, "
                              "  COALESCE (c.name, ''), COALESCE (p.name, '') "
                              "FROM tenants t LEFT JOIN categories c ON c.id = t.category_id "
                              "LEFT JOIN categories p ON p.id = c.parent_id WHERE t.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND,
                   _("There is no tenant %lld."), (long long) id);
      return NULL;
    }
  t = plaza_tenant_new ();
  t->id = id;
  t->rev = sqlite3_column_int64 (stmt, 0);
  t->code = plaza_archive_column_text (stmt, 1);
  t->name = plaza_archive_column_text (stmt, 2);
  g_free (t->credit_code);
  t->credit_code = plaza_archive_column_text (stmt, 3);
  if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
    t->licence_expiry = plaza_archive_column_text (stmt, 4);
  t->category_id = sqlite3_column_int64 (stmt, 5);
  g_free (t->status);
  t->status = plaza_archive_column_text (stmt, 6);
  g_free (t->notes);
  t->notes = plaza_archive_column_text (stmt, 7);
  g_free (t->category);
  t->category = plaza_archive_column_text (stmt, 8);
  g_free (t->business_type);
  t->business_type = plaza_archive_column_text (stmt, 9);
  if (!load_children (store, t, error))
    return NULL;
  return g_steal_pointer (&t);
}

static const char *
or_null (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

static gboolean
bind_fields (PlazaStore        *store,
             sqlite3_stmt      *stmt,
             const PlazaTenant *t,
             GError           **error)
{
  g_autofree char *name = g_strstrip (g_strdup (t->name));
  g_autofree char *credit = g_strstrip (g_strdup (t->credit_code != NULL ? t->credit_code : ""));

  if (t->category_id > 0)
    {
      g_autoptr(sqlite3_stmt) cat = plaza_store_prepare (store, "SELECT 1 FROM categories WHERE id = ?", error);

      if (cat == NULL)
        return FALSE;
      sqlite3_bind_int64 (cat, 1, t->category_id);
      if (sqlite3_step (cat) != SQLITE_ROW)
        return plaza_archive_invalid (error, _("Category: choose a category."));
    }
  plaza_archive_bind_text (stmt, 1, name);
  plaza_archive_bind_text (stmt, 2, credit);
  plaza_archive_bind_text (stmt, 3, or_null (t->licence_expiry));
  if (t->category_id > 0)
    sqlite3_bind_int64 (stmt, 4, t->category_id);
  else
    sqlite3_bind_null (stmt, 4);
  plaza_archive_bind_text (stmt, 5, t->status);
  plaza_archive_bind_text (stmt, 6, t->notes != NULL ? t->notes : "");
  return TRUE;
}

static gboolean
create_in_write (PlazaStore *store,
                 gpointer    user_data,
                 GError    **error)
{
  PlazaTenant *t = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *code = NULL;
  g_autofree char *summary = NULL;

  if (plaza_archive_blank (t->code))
    {
      g_autoptr(sqlite3_stmt) next = NULL;

      next = plaza_store_prepare (store,
                                  "SELECT COALESCE (MAX (CAST (substr (code, 2) AS INTEGER)), 0) + 1 "
                                  "FROM tenants WHERE code GLOB 'T[0-9]*'", error);
      if (next == NULL || sqlite3_step (next) != SQLITE_ROW)
        return next == NULL ? FALSE : plaza_store_set_sqlite_error (store, error);
      code = g_strdup_printf ("T%04lld", (long long) sqlite3_column_int64 (next, 0));
    }
  else
    {
      g_autoptr(sqlite3_stmt) taken = NULL;

      code = g_strstrip (g_strdup (t->code));
      taken = plaza_store_prepare (store, "SELECT 1 FROM tenants WHERE code = ?", error);
      if (taken == NULL)
        return FALSE;
      plaza_archive_bind_text (taken, 1, code);
      if (sqlite3_step (taken) == SQLITE_ROW)
        return plaza_archive_invalid (error, _("Code: another tenant already has this code."));
    }

  stmt = plaza_store_prepare (store,
                              "INSERT INTO tenants (name, credit_code, licence_expiry, category_id, status, notes, code) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL || !bind_fields (store, stmt, t, error))
    return FALSE;
  plaza_archive_bind_text (stmt, 7, code);
  if (!plaza_archive_step_done (store, stmt, error))
    return FALSE;
  t->id = sqlite3_last_insert_rowid (plaza_store_get_db (store));
  g_free (t->code);
  t->code = g_steal_pointer (&code);
  t->rev = 1;
  summary = g_strdup_printf ("%s %s", t->code, t->name);
  return plaza_store_log_change (store, "tenant", t->id, "create", summary, error);
}

gboolean
plaza_tenant_create (PlazaStore  *store,
                     PlazaTenant *t,
                     GError     **error)
{
  gint64 old_id = t->id;

  if (!plaza_tenant_validate (t, error))
    return FALSE;
  if (!plaza_store_write (store, create_in_write, t, error))
    {
      t->id = old_id;
      return FALSE;
    }
  return TRUE;
}

/* Inside a write: CONFLICT naming who saved @entity @id last when its rev
 * in @table is not @rev; NOT_FOUND when the row is gone. */
gboolean
plaza_archive_check_rev (PlazaStore *store,
           const char *table,
           const char *entity,
           gint64      log_id,
           gint64      id,
           gint64      rev,
           GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT rev FROM %s WHERE id = ?", table);
  g_autofree char *who = NULL;
  g_autofree char *when = NULL;

  stmt = plaza_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND,
                   _("The record was removed by someone else. Reload and try again."));
      return FALSE;
    }
  if (sqlite3_column_int64 (stmt, 0) == rev)
    return TRUE;
  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = plaza_store_prepare (store,
                              "SELECT user, at FROM change_log WHERE entity = ? AND entity_id = ? "
                              "ORDER BY seq DESC LIMIT 1", NULL);
  if (stmt != NULL)
    {
      plaza_archive_bind_text (stmt, 1, entity);
      sqlite3_bind_int64 (stmt, 2, log_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          who = plaza_archive_column_text (stmt, 0);
          when = plaza_archive_column_text (stmt, 1);
        }
    }
  g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_CONFLICT,
               _("This record was changed by %s at %s after you opened it. Reload it and try again."),
               who != NULL ? who : _("someone else"), when != NULL ? when : "?");
  return FALSE;
}

static gboolean
update_in_write (PlazaStore *store,
                 gpointer    user_data,
                 GError    **error)
{
  PlazaTenant *t = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(PlazaChangeSnapshot) before = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *diff = NULL;

  if (!plaza_archive_check_rev (store, "tenants", "tenant", t->id, t->id, t->rev, error))
    return FALSE;
  before = plaza_change_snapshot_take (store, "tenants", t->id, error);
  if (before == NULL)
    return FALSE;
  stmt = plaza_store_prepare (store,
                              "UPDATE tenants SET name = ?, credit_code = ?, licence_expiry = ?, category_id = ?, "
                              "  status = ?, notes = ?, rev = rev + 1 WHERE id = ?", error);
  if (stmt == NULL || !bind_fields (store, stmt, t, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 7, t->id);
  if (!plaza_archive_step_done (store, stmt, error))
    return FALSE;
  diff = plaza_change_snapshot_diff (before, store, error);
  if (diff == NULL)
    return FALSE;
  summary = g_strdup_printf ("%s %s%s%s", t->code != NULL ? t->code : "", t->name, diff[0] != '\0' ? ": " : "", diff);
  return plaza_store_log_change (store, "tenant", t->id, "edit", summary, error);
}

gboolean
plaza_tenant_update (PlazaStore  *store,
                     PlazaTenant *t,
                     GError     **error)
{
  if (!plaza_tenant_validate (t, error))
    return FALSE;
  if (!plaza_store_write (store, update_in_write, t, error))
    return FALSE;
  t->rev++;
  return TRUE;
}

static gboolean
contact_in_write (PlazaStore *store,
                  gpointer    user_data,
                  GError    **error)
{
  PlazaTenantContact *c = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *name = g_strstrip (g_strdup (c->name));

  if (c->id != 0)
    {
      if (!plaza_archive_check_rev (store, "tenant_contacts", "tenant", c->tenant_id, c->id, c->rev, error))
        return FALSE;
      stmt = plaza_store_prepare (store,
                                  "UPDATE tenant_contacts SET name = ?, role = ?, phone = ?, email = ?, rev = rev + 1 "
                                  "WHERE id = ? AND tenant_id = ?", error);
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
                                  "INSERT INTO tenant_contacts (name, role, phone, email, tenant_id) "
                                  "VALUES (?, ?, ?, ?, ?)", error);
    }
  if (stmt == NULL)
    return FALSE;
  plaza_archive_bind_text (stmt, 1, name);
  plaza_archive_bind_text (stmt, 2, c->role != NULL ? c->role : "");
  plaza_archive_bind_text (stmt, 3, c->phone != NULL ? c->phone : "");
  plaza_archive_bind_text (stmt, 4, c->email != NULL ? c->email : "");
  if (c->id != 0)
    {
      sqlite3_bind_int64 (stmt, 5, c->id);
      sqlite3_bind_int64 (stmt, 6, c->tenant_id);
    }
  else
    sqlite3_bind_int64 (stmt, 5, c->tenant_id);
  if (!plaza_archive_step_done (store, stmt, error))
    return FALSE;
  summary = g_strdup_printf ("contact %s %s", name, c->id != 0 ? "edited" : "added");
  if (c->id == 0)
    c->id = sqlite3_last_insert_rowid (plaza_store_get_db (store));
  return plaza_store_log_change (store, "tenant", c->tenant_id, "contact", summary, error);
}

gboolean
plaza_tenant_contact_save (PlazaStore         *store,
                           PlazaTenantContact *c,
                           GError            **error)
{
  gint64 old_id = c->id;

  if (plaza_archive_blank (c->name))
    return plaza_archive_invalid (error, _("Contact: enter the contact's name."));
  if (c->email != NULL && *c->email != '\0' && strchr (c->email, '@') == NULL)
    return plaza_archive_invalid (error, _("Contact e-mail: an address needs an @."));
  if (!plaza_store_write (store, contact_in_write, c, error))
    {
      c->id = old_id;
      return FALSE;
    }
  c->rev = old_id != 0 ? c->rev + 1 : 1;
  return TRUE;
}

typedef struct
{
  gint64 id;
  gint64 rev;
} RemoveData;

static gboolean
contact_remove_in_write (PlazaStore *store,
                         gpointer    user_data,
                         GError    **error)
{
  RemoveData *data = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *name = NULL;
  g_autofree char *summary = NULL;
  gint64 tenant_id;

  stmt = plaza_store_prepare (store, "SELECT tenant_id, name FROM tenant_contacts WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND,
                   _("The record was removed by someone else. Reload and try again."));
      return FALSE;
    }
  tenant_id = sqlite3_column_int64 (stmt, 0);
  name = plaza_archive_column_text (stmt, 1);
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!plaza_archive_check_rev (store, "tenant_contacts", "tenant", tenant_id, data->id, data->rev, error))
    return FALSE;
  stmt = plaza_store_prepare (store, "DELETE FROM tenant_contacts WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->id);
  if (!plaza_archive_step_done (store, stmt, error))
    return FALSE;
  summary = g_strdup_printf ("contact %s removed", name);
  return plaza_store_log_change (store, "tenant", tenant_id, "contact", summary, error);
}

gboolean
plaza_tenant_contact_remove (PlazaStore *store,
                             gint64      contact_id,
                             gint64      rev,
                             GError    **error)
{
  RemoveData data = { contact_id, rev };

  return plaza_store_write (store, contact_remove_in_write, &data, error);
}

typedef struct
{
  gint64   tenant_id;
  gint64   brand_id;
  gboolean linked;
} LinkData;

static gboolean
link_in_write (PlazaStore *store,
               gpointer    user_data,
               GError    **error)
{
  LinkData *data = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *brand = NULL;
  g_autofree char *summary = NULL;

  stmt = plaza_store_prepare (store,
                              "SELECT b.name FROM brands b, tenants t WHERE b.id = ? AND t.id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->brand_id);
  sqlite3_bind_int64 (stmt, 2, data->tenant_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return plaza_archive_invalid (error, _("Brand: choose a brand from the library."));
  brand = plaza_archive_column_text (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = plaza_store_prepare (store,
                              data->linked
                              ? "INSERT OR IGNORE INTO tenant_brands (tenant_id, brand_id) VALUES (?, ?)"
                              : "DELETE FROM tenant_brands WHERE tenant_id = ? AND brand_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->tenant_id);
  sqlite3_bind_int64 (stmt, 2, data->brand_id);
  if (!plaza_archive_step_done (store, stmt, error))
    return FALSE;
  summary = g_strdup_printf ("brand %s %s", brand, data->linked ? "linked" : "unlinked");
  return plaza_store_log_change (store, "tenant", data->tenant_id, "brand", summary, error);
}

gboolean
plaza_tenant_link_brand (PlazaStore *store,
                         gint64      tenant_id,
                         gint64      brand_id,
                         gboolean    linked,
                         GError    **error)
{
  LinkData data = { tenant_id, brand_id, linked };

  return plaza_store_write (store, link_in_write, &data, error);
}

gboolean
plaza_tenant_licence_alerts (PlazaStore  *store,
                             const GDate *today,
                             int          within_days,
                             GPtrArray  **out,
                             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) plaza_licence_alert_free);
  g_autofree char *day = plaza_date_format (today);
  GDate last = *today;
  g_autofree char *last_day = NULL;
  int rc;

  if (within_days < 0)
    return plaza_archive_invalid (error, _("Within: enter a number of days, 0 or more."));
  g_date_add_days (&last, (guint) within_days);
  last_day = plaza_date_format (&last);
  stmt = plaza_store_prepare (store,
                              "SELECT id, code, name, licence_expiry, "
                              "  CAST (julianday (licence_expiry) - julianday (?1) AS INTEGER) "
                              "FROM tenants WHERE status <> 'former' AND licence_expiry IS NOT NULL "
                              "  AND licence_expiry <> '' AND licence_expiry <= ?2 "
                              "ORDER BY licence_expiry, code", error);
  if (stmt == NULL)
    return FALSE;
  plaza_archive_bind_text (stmt, 1, day);
  plaza_archive_bind_text (stmt, 2, last_day);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PlazaLicenceAlert *a = g_new0 (PlazaLicenceAlert, 1);

      a->tenant_id = sqlite3_column_int64 (stmt, 0);
      a->code = plaza_archive_column_text (stmt, 1);
      a->name = plaza_archive_column_text (stmt, 2);
      a->licence_expiry = plaza_archive_column_text (stmt, 3);
      a->days_left = sqlite3_column_int (stmt, 4);
      g_ptr_array_add (rows, a);
    }
  if (rc != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  *out = g_steal_pointer (&rows);
  return TRUE;
}

GPtrArray *
plaza_tenant_categories (PlazaStore *store,
                         GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) plaza_category_choice_free);
  int rc;

  stmt = plaza_store_prepare (store,
                              "SELECT c.id, c.name, COALESCE (p.name, '') FROM categories c "
                              "LEFT JOIN categories p ON p.id = c.parent_id "
                              "ORDER BY COALESCE (p.name, c.name), c.parent_id IS NOT NULL, c.name", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PlazaCategoryChoice *c = g_new0 (PlazaCategoryChoice, 1);

      c->id = sqlite3_column_int64 (stmt, 0);
      c->name = plaza_archive_column_text (stmt, 1);
      c->parent = plaza_archive_column_text (stmt, 2);
      g_ptr_array_add (rows, c);
    }
  if (rc != SQLITE_DONE)
    {
      plaza_store_set_sqlite_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}
