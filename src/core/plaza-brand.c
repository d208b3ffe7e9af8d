/* plaza-brand.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The brand library and the market notes (市场调研): listing with a search,
 * loading and rev-checked saving of brands, and the notes about competitor
 * malls linked to brands and categories.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "plaza-change-log.h"
#include "plaza-brand.h"
#include "plaza-date.h"
#include "plaza-tenant-private.h"

PlazaBrand *
plaza_brand_new (void)
{
  PlazaBrand *b = g_new0 (PlazaBrand, 1);

  b->name_en = g_strdup ("");
  b->tier = g_strdup ("B");
  b->notes = g_strdup ("");
  b->category = g_strdup ("");
  b->tenants = g_strdup ("");
  return b;
}

void
plaza_brand_free (PlazaBrand *b)
{
  if (b == NULL)
    return;
  g_free (b->name);
  g_free (b->name_en);
  g_free (b->tier);
  g_free (b->notes);
  g_free (b->category);
  g_free (b->tenants);
  g_free (b);
}

PlazaMarketNote *
plaza_market_note_new (void)
{
  PlazaMarketNote *n = g_new0 (PlazaMarketNote, 1);

  n->competitor = g_strdup ("");
  n->text = g_strdup ("");
  n->brand = g_strdup ("");
  n->category = g_strdup ("");
  return n;
}

void
plaza_market_note_free (PlazaMarketNote *n)
{
  if (n == NULL)
    return;
  g_free (n->date);
  g_free (n->competitor);
  g_free (n->text);
  g_free (n->brand);
  g_free (n->category);
  g_free (n);
}

const char *
plaza_brand_tier_label (const char *tier)
{
  if (tier == NULL || *tier == '\0')
    return "";
  if (g_str_equal (tier, "flagship"))
    return _("Flagship");
  if (g_str_equal (tier, "A"))
    return _("Tier A");
  if (g_str_equal (tier, "B"))
    return _("Tier B");
  if (g_str_equal (tier, "C"))
    return _("Tier C");
  return tier;
}

gboolean
plaza_brand_validate (const PlazaBrand *b,
                      GError          **error)
{
  if (plaza_archive_blank (b->name))
    return plaza_archive_invalid (error, _("Brand name: enter the brand's name."));
  if (b->tier == NULL || (!g_str_equal (b->tier, "flagship") && !g_str_equal (b->tier, "A")
                          && !g_str_equal (b->tier, "B") && !g_str_equal (b->tier, "C")))
    return plaza_archive_invalid (error, _("Tier: choose flagship, A, B or C."));
  if (b->typical_area < 0)
    return plaza_archive_invalid (error, _("Typical area: cannot be negative."));
  return TRUE;
}

#define BRAND_SELECT \
  "SELECT b.id, b.rev, b.name, b.name_en, COALESCE (b.category_id, 0), b.tier, b.typical_area, b.notes, " \
  "  COALESCE (c.name, ''), " \
  "  COALESCE ((SELECT group_concat (code, ', ') FROM (SELECT t.code FROM tenant_brands tb " \
  "     JOIN tenants t ON t.id = tb.tenant_id WHERE tb.brand_id = b.id ORDER BY t.code)), ''), " \
  "  (SELECT count(*) FROM market_notes m WHERE m.brand_id = b.id) " \
  "FROM brands b LEFT JOIN categories c ON c.id = b.category_id "

static PlazaBrand *
brand_from_row (sqlite3_stmt *stmt)
{
  PlazaBrand *b = plaza_brand_new ();

  b->id = sqlite3_column_int64 (stmt, 0);
  b->rev = sqlite3_column_int64 (stmt, 1);
  b->name = plaza_archive_column_text (stmt, 2);
  g_free (b->name_en);
  b->name_en = plaza_archive_column_text (stmt, 3);
  b->category_id = sqlite3_column_int64 (stmt, 4);
  g_free (b->tier);
  b->tier = plaza_archive_column_text (stmt, 5);
  b->typical_area = sqlite3_column_int64 (stmt, 6);
  g_free (b->notes);
  b->notes = plaza_archive_column_text (stmt, 7);
  g_free (b->category);
  b->category = plaza_archive_column_text (stmt, 8);
  g_free (b->tenants);
  b->tenants = plaza_archive_column_text (stmt, 9);
  b->n_notes = sqlite3_column_int64 (stmt, 10);
  return b;
}

GPtrArray *
plaza_brand_list (PlazaStore *store,
                  const char *search,
                  GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) plaza_brand_free);
  g_autofree char *pattern = NULL;
  int rc;

  stmt = plaza_store_prepare (store,
                              BRAND_SELECT
                              "WHERE ?1 IS NULL OR instr (lower (b.name), ?1) > 0 OR instr (lower (b.name_en), ?1) > 0 "
                              "  OR instr (lower (COALESCE (c.name, '')), ?1) > 0 "
                              "ORDER BY b.name", error);
  if (stmt == NULL)
    return NULL;
  if (search != NULL && !plaza_archive_blank (search))
    {
      pattern = g_utf8_strdown (search, -1);
      g_strstrip (pattern);
      plaza_archive_bind_text (stmt, 1, pattern);
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, brand_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      plaza_store_set_sqlite_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

PlazaBrand *
plaza_brand_load (PlazaStore *store,
                  gint64      id,
                  GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = plaza_store_prepare (store, BRAND_SELECT "WHERE b.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND,
                   _("There is no brand %lld."), (long long) id);
      return NULL;
    }
  return brand_from_row (stmt);
}

static gboolean
category_ok (PlazaStore *store,
             gint64      category_id,
             GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (category_id <= 0)
    return TRUE;
  stmt = plaza_store_prepare (store, "SELECT 1 FROM categories WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, category_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return plaza_archive_invalid (error, _("Category: choose a category."));
  return TRUE;
}

static void
bind_id (sqlite3_stmt *stmt,
         int           column,
         gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, column, id);
  else
    sqlite3_bind_null (stmt, column);
}

static gboolean
brand_save_in_write (PlazaStore *store,
                     gpointer    user_data,
                     GError    **error)
{
  PlazaBrand *b = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *name = g_strstrip (g_strdup (b->name));
  g_autofree char *summary = NULL;
  g_autoptr(PlazaChangeSnapshot) before = NULL;
  g_autofree char *diff = NULL;

  if (!category_ok (store, b->category_id, error))
    return FALSE;
  stmt = plaza_store_prepare (store, "SELECT 1 FROM brands WHERE name = ? AND id <> ?", error);
  if (stmt == NULL)
    return FALSE;
  plaza_archive_bind_text (stmt, 1, name);
  sqlite3_bind_int64 (stmt, 2, b->id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return plaza_archive_invalid (error, _("Brand name: the library already has a brand of this name."));
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (b->id != 0)
    {
      if (!plaza_archive_check_rev (store, "brands", "brand", b->id, b->id, b->rev, error))
        return FALSE;
      before = plaza_change_snapshot_take (store, "brands", b->id, error);
      if (before == NULL)
        return FALSE;
      stmt = plaza_store_prepare (store,
                                  "UPDATE brands SET name = ?, name_en = ?, category_id = ?, tier = ?, typical_area = ?, "
                                  "  notes = ?, rev = rev + 1 WHERE id = ?", error);
    }
  else
    stmt = plaza_store_prepare (store,
                                "INSERT INTO brands (name, name_en, category_id, tier, typical_area, notes) "
                                "VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  plaza_archive_bind_text (stmt, 1, name);
  plaza_archive_bind_text (stmt, 2, b->name_en != NULL ? b->name_en : "");
  bind_id (stmt, 3, b->category_id);
  plaza_archive_bind_text (stmt, 4, b->tier);
  sqlite3_bind_int64 (stmt, 5, b->typical_area);
  plaza_archive_bind_text (stmt, 6, b->notes != NULL ? b->notes : "");
  if (b->id != 0)
    sqlite3_bind_int64 (stmt, 7, b->id);
  if (!plaza_archive_step_done (store, stmt, error))
    return FALSE;
  if (b->id == 0)
    {
      b->id = sqlite3_last_insert_rowid (plaza_store_get_db (store));
      summary = g_strdup_printf ("brand %s added", name);
      return plaza_store_log_change (store, "brand", b->id, "create", summary, error);
    }
  diff = plaza_change_snapshot_diff (before, store, error);
  if (diff == NULL)
    return FALSE;
  summary = g_strdup_printf ("%s%s%s", name, diff[0] != '\0' ? ": " : "", diff);
  return plaza_store_log_change (store, "brand", b->id, "edit", summary, error);
}

gboolean
plaza_brand_save (PlazaStore *store,
                  PlazaBrand *b,
                  GError    **error)
{
  gint64 old_id = b->id;

  if (!plaza_brand_validate (b, error))
    return FALSE;
  if (!plaza_store_write (store, brand_save_in_write, b, error))
    {
      b->id = old_id;
      return FALSE;
    }
  b->rev = old_id != 0 ? b->rev + 1 : 1;
  return TRUE;
}

GPtrArray *
plaza_market_note_list (PlazaStore *store,
                        gint64      brand_id,
                        GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) plaza_market_note_free);
  int rc;

  stmt = plaza_store_prepare (store,
                              "SELECT m.id, m.rev, m.date, m.competitor, COALESCE (m.brand_id, 0), "
                              "  COALESCE (m.category_id, 0), m.text, COALESCE (b.name, ''), COALESCE (c.name, '') "
                              "FROM market_notes m LEFT JOIN brands b ON b.id = m.brand_id "
                              "LEFT JOIN categories c ON c.id = m.category_id "
                              "WHERE ?1 = 0 OR m.brand_id = ?1 ORDER BY m.date DESC, m.id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, brand_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PlazaMarketNote *n = plaza_market_note_new ();

      n->id = sqlite3_column_int64 (stmt, 0);
      n->rev = sqlite3_column_int64 (stmt, 1);
      n->date = plaza_archive_column_text (stmt, 2);
      g_free (n->competitor);
      n->competitor = plaza_archive_column_text (stmt, 3);
      n->brand_id = sqlite3_column_int64 (stmt, 4);
      n->category_id = sqlite3_column_int64 (stmt, 5);
      g_free (n->text);
      n->text = plaza_archive_column_text (stmt, 6);
      g_free (n->brand);
      n->brand = plaza_archive_column_text (stmt, 7);
      g_free (n->category);
      n->category = plaza_archive_column_text (stmt, 8);
      g_ptr_array_add (rows, n);
    }
  if (rc != SQLITE_DONE)
    {
      plaza_store_set_sqlite_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

static gboolean
note_save_in_write (PlazaStore *store,
                    gpointer    user_data,
                    GError    **error)
{
  PlazaMarketNote *n = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *text = g_strstrip (g_strdup (n->text));
  g_autofree char *summary = NULL;

  if (!category_ok (store, n->category_id, error))
    return FALSE;
  if (n->brand_id > 0)
    {
      stmt = plaza_store_prepare (store, "SELECT 1 FROM brands WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, n->brand_id);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        return plaza_archive_invalid (error, _("Brand: choose a brand from the library."));
      g_clear_pointer (&stmt, sqlite3_finalize);
    }
  if (n->id != 0)
    {
      if (!plaza_archive_check_rev (store, "market_notes", "market_note", n->id, n->id, n->rev, error))
        return FALSE;
      stmt = plaza_store_prepare (store,
                                  "UPDATE market_notes SET date = ?, competitor = ?, brand_id = ?, category_id = ?, "
                                  "  text = ?, rev = rev + 1 WHERE id = ?", error);
    }
  else
    stmt = plaza_store_prepare (store,
                                "INSERT INTO market_notes (date, competitor, brand_id, category_id, text) "
                                "VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  plaza_archive_bind_text (stmt, 1, n->date);
  plaza_archive_bind_text (stmt, 2, n->competitor != NULL ? g_strstrip (n->competitor) : "");
  bind_id (stmt, 3, n->brand_id);
  bind_id (stmt, 4, n->category_id);
  plaza_archive_bind_text (stmt, 5, text);
  if (n->id != 0)
    sqlite3_bind_int64 (stmt, 6, n->id);
  if (!plaza_archive_step_done (store, stmt, error))
    return FALSE;
  summary = g_strdup_printf ("%s %s", n->date, n->competitor != NULL ? n->competitor : "");
  if (n->id == 0)
    {
      n->id = sqlite3_last_insert_rowid (plaza_store_get_db (store));
      return plaza_store_log_change (store, "market_note", n->id, "create", summary, error);
    }
  return plaza_store_log_change (store, "market_note", n->id, "edit", summary, error);
}

gboolean
plaza_market_note_save (PlazaStore      *store,
                        PlazaMarketNote *n,
                        GError         **error)
{
  gint64 old_id = n->id;
  GDate day;

  if (!plaza_date_parse (n->date, &day))
    return plaza_archive_invalid (error, _("Date: enter a date like 2026-11-27."));
  if (plaza_archive_blank (n->text))
    return plaza_archive_invalid (error, _("Note: write what was seen."));
  if (plaza_archive_blank (n->competitor) && n->brand_id <= 0 && n->category_id <= 0)
    return plaza_archive_invalid (error, _("Competitor: name the competitor mall, or link a brand or category."));
  if (!plaza_store_write (store, note_save_in_write, n, error))
    {
      n->id = old_id;
      return FALSE;
    }
  n->rev = old_id != 0 ? n->rev + 1 : 1;
  return TRUE;
}

typedef struct
{
  gint64 id;
  gint64 rev;
} NoteRemove;

static gboolean
note_remove_in_write (PlazaStore *store,
                      gpointer    user_data,
                      GError    **error)
{
  NoteRemove *data = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!plaza_archive_check_rev (store, "market_notes", "market_note", data->id, data->id, data->rev, error))
    return FALSE;
  stmt = plaza_store_prepare (store, "DELETE FROM market_notes WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->id);
  if (!plaza_archive_step_done (store, stmt, error))
    return FALSE;
  return plaza_store_log_change (store, "market_note", data->id, "remove", "market note removed", error);
}

gboolean
plaza_market_note_remove (PlazaStore *store,
                          gint64      id,
                          gint64      rev,
                          GError    **error)
{
  NoteRemove data = { id, rev };

  return plaza_store_write (store, note_remove_in_write, &data, error);
}
