/* plaza-change-log.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading the change feed: a record's history (entity synonyms such as
 * "unit"/"units" count as one record), the rows written since a sequence
 * number, the newest sequence number, translated words for entities and a
 * one-line description for toasts. Also the before/after snapshots an edit
 * takes inside its write to put "col: old → new" into its summary.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "plaza-change-log.h"
#include "plaza-money.h"
#include "plaza-store-private.h"

#define DESCRIBE_MAX_CHARS 120
#define VALUE_MAX_CHARS    40

typedef struct
{
  const char *entity;
  const char *label;      /* for titles */
  const char *noun;       /* inside a sentence */
} EntityWords;

static const EntityWords entity_words[] = {
  { "tenant", N_("Tenant"), N_("tenant") },
  { "unit", N_("Unit"), N_("unit") },
  { "units", N_("Unit"), N_("unit") },
  { "contract", N_("Contract"), N_("contract") },
  { "promotion", N_("Promotion"), N_("promotion") },
  { "prospect", N_("Prospect"), N_("prospect") },
  { "brand", N_("Brand"), N_("brand") },
  { "floor", N_("Floor"), N_("floor") },
  { "floors", N_("Floor"), N_("floor") },
  { "fitout", N_("Fit-out"), N_("fit-out") },
  { "fitout_drawing", N_("Fit-out drawing"), N_("fit-out drawing") },
  { "fitout_inspection", N_("Fit-out inspection"), N_("fit-out inspection") },
  { "bill", N_("Bill"), N_("bill") },
  { "bills", N_("Bill"), N_("bill") },
  { "payment", N_("Payment"), N_("payment") },
  { "complaint", N_("Complaint"), N_("complaint") },
  { "market_note", N_("Market note"), N_("market note") },
  { "eviction", N_("Eviction"), N_("eviction") },
  { "tenant_review", N_("Tenant review"), N_("tenant review") },
  { "sales", N_("Sales"), N_("sales") },
  { "targets", N_("Targets"), N_("targets") },
  { "user", N_("User"), N_("user") },
  { "setting", N_("Setting"), N_("setting") },
  { "schema", N_("Database schema"), N_("database schema") },
  { "database", N_("Database"), N_("database") },
};

/* Entities that name the same records. */
static const char * const synonyms[][2] = {
  { "unit", "units" },
  { "bill", "bills" },
  { "floor", "floors" },
};

void
plaza_change_free (PlazaChange *change)
{
  if (change == NULL)
    return;
  g_free (change->at);
  g_free (change->user);
  g_free (change->user_display);
  g_free (change->host);
  g_free (change->entity);
  g_free (change->action);
  g_free (change->summary);
  g_free (change);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? (const char *) text : "");
}

#define CHANGE_COLUMNS \
  "SELECT c.seq, c.at, c.user, COALESCE (NULLIF (u.display_name, ''), c.user), c.host, " \
  "  c.entity, c.entity_id, c.action, c.summary " \
  "FROM change_log c LEFT JOIN users u ON u.login = c.user "

static GPtrArray *
collect_changes (PlazaStore   *store,
                 sqlite3_stmt *stmt,
                 GError      **error)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) plaza_change_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PlazaChange *c = g_new0 (PlazaChange, 1);

      c->seq = sqlite3_column_int64 (stmt, 0);
      c->at = column_dup (stmt, 1);
      c->user = column_dup (stmt, 2);
      c->user_display = column_dup (stmt, 3);
      c->host = column_dup (stmt, 4);
      c->entity = column_dup (stmt, 5);
      c->entity_id = sqlite3_column_int64 (stmt, 6);
      c->action = column_dup (stmt, 7);
      c->summary = column_dup (stmt, 8);
      g_ptr_array_add (changes, c);
    }
  if (rc != SQLITE_DONE)
    {
      plaza_store_set_sqlite_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&changes);
}

static const char *
synonym_of (const char *entity)
{
  for (guint i = 0; i < G_N_ELEMENTS (synonyms); i++)
    {
      if (g_strcmp0 (entity, synonyms[i][0]) == 0)
        return synonyms[i][1];
      if (g_strcmp0 (entity, synonyms[i][1]) == 0)
        return synonyms[i][0];
    }
  return entity;
}

GPtrArray *
plaza_change_log_for_record (PlazaStore  *store,
                             const char  *entity,
                             gint64       entity_id,
                             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PLAZA_IS_STORE (store), NULL);
  g_return_val_if_fail (entity != NULL, NULL);

  stmt = plaza_store_prepare (store,
                              CHANGE_COLUMNS
                              "WHERE c.entity IN (?, ?) AND c.entity_id = ? ORDER BY c.seq DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, synonym_of (entity), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, entity_id);
  return collect_changes (store, stmt, error);
}

GPtrArray *
plaza_change_log_since (PlazaStore  *store,
                        gint64       after_seq,
                        guint        limit,
                        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PLAZA_IS_STORE (store), NULL);

  stmt = plaza_store_prepare (store, CHANGE_COLUMNS "WHERE c.seq > ? ORDER BY c.seq LIMIT ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, after_seq);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);
  return collect_changes (store, stmt, error);
}

gint64
plaza_change_log_last_seq (PlazaStore  *store,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PLAZA_IS_STORE (store), -1);

  stmt = plaza_store_prepare (store, "SELECT COALESCE (MAX (seq), 0) FROM change_log", error);
  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      plaza_store_set_sqlite_error (store, error);
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}

gboolean
plaza_change_is_own (PlazaStore        *store,
                     const PlazaChange *change)
{
  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);
  g_return_val_if_fail (change != NULL, FALSE);

  return plaza_store_is_own_seq (store, change->seq);
}

static const EntityWords *
find_words (const char *entity)
{
  for (guint i = 0; i < G_N_ELEMENTS (entity_words); i++)
    if (g_strcmp0 (entity, entity_words[i].entity) == 0)
      return &entity_words[i];
  return NULL;
}

const char *
plaza_change_entity_label (const char *entity)
{
  const EntityWords *words = find_words (entity);

  if (words == NULL)
    return entity != NULL ? entity : "";
  return _(words->label);
}

/* At most @max characters (not bytes), the last one "…" when cut. */
static char *
shorten (const char *text,
         glong       max)
{
  const char *end;

  if (g_utf8_strlen (text, -1) <= max)
    return g_strdup (text);
  end = g_utf8_offset_to_pointer (text, max - 1);
  return g_strdup_printf ("%.*s…", (int) (end - text), text);
}

/* Column names as people say them, for before/after summaries. */
static const char * const column_labels[][2] = {
  { "amount", N_("Amount") },
  { "brand_id", N_("Brand") },
  { "budget_mall", N_("Mall budget") },
  { "budget_tenant", N_("Tenant budget") },
  { "category_id", N_("Category") },
  { "code", N_("Code") },
  { "competitor", N_("Competitor") },
  { "contact", N_("Contact") },
  { "contract_id", N_("Contract") },
  { "credit_code", N_("Credit code") },
  { "date", N_("Date") },
  { "drop_reason", N_("Reason dropped") },
  { "due_date", N_("Due") },
  { "email", N_("Email") },
  { "end_date", N_("End") },
  { "floor_id", N_("Floor") },
  { "goal_footfall", N_("Footfall goal") },
  { "goal_uplift_bp", N_("Uplift goal") },
  { "gross_area", N_("Gross area") },
  { "kind", N_("Kind") },
  { "label", N_("Label") },
  { "level", N_("Level") },
  { "licence_expiry", N_("Licence expiry") },
  { "mechanics", N_("Mechanics") },
  { "month", N_("Month") },
  { "name", N_("Name") },
  { "name_en", N_("English name") },
  { "notes", N_("Notes") },
  { "opened_on", N_("Opened on") },
  { "owner", N_("Owner") },
  { "parent_unit_id", N_("Parent unit") },
  { "phone", N_("Phone") },
  { "planned_category_id", N_("Planned category") },
  { "rentable_area", N_("Rentable area") },
  { "resolved", N_("Resolved") },
  { "resolved_on", N_("Resolved on") },
  { "role", N_("Role") },
  { "scope", N_("Scope") },
  { "scope_id", N_("Scope") },
  { "source", N_("Source") },
  { "stage", N_("Stage") },
  { "start_date", N_("Start") },
  { "state", N_("State") },
  { "status", N_("Status") },
  { "target_unit_id", N_("Target unit") },
  { "tenant_id", N_("Tenant") },
  { "text", N_("Text") },
  { "theme", N_("Theme") },
  { "tier", N_("Tier") },
  { "typical_area", N_("Typical area") },
  { "vacant_since", N_("Vacant since") },
  { "wanted_area", N_("Wanted area") },
  { "year", N_("Year") },
};

/* Columns whose values are stored as integers in Plaza's units. */
typedef enum
{
  VALUE_TEXT,
  VALUE_MONEY,    /* fen */
  VALUE_AREA,     /* hundredths of m² */
  VALUE_PERCENT,  /* basis points */
} ValueKind;

static ValueKind
value_kind (const char *column)
{
  static const char * const money[] = { "amount", "budget_mall", "budget_tenant", "offer_rent_fen", NULL };
  static const char * const area[] = { "gross_area", "rentable_area", "typical_area", "wanted_area", NULL };

  if (g_strv_contains (money, column))
    return VALUE_MONEY;
  if (g_strv_contains (area, column))
    return VALUE_AREA;
  if (g_str_has_suffix (column, "_bp"))
    return VALUE_PERCENT;
  return VALUE_TEXT;
}

/* @value in words for @kind, or a copy of it when it is not a whole number. */
static char *
value_for_display (ValueKind   kind,
                   const char *value)
{
  g_autofree char *number = NULL;
  gint64 n;
  char *end = NULL;

  if (kind == VALUE_TEXT || value == NULL || *value == '\0')
    return g_strdup (value);
  n = g_ascii_strtoll (value, &end, 10);
  if (end == value || *end != '\0')
    return g_strdup (value);
  switch (kind)
    {
    case VALUE_MONEY:
      return plaza_money_format (n, TRUE);
    case VALUE_AREA:
      number = plaza_area_format (n);
      /* TRANSLATORS: an area, "1,234.50 m²" */
      return g_strdup_printf (_("%s m²"), number);
    case VALUE_PERCENT:
      number = plaza_percent_format (n);
      return g_strdup_printf ("%s%%", number);
    case VALUE_TEXT:
    default:
      return g_strdup (value);
    }
}

static const char *
column_label (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (column_labels); i++)
    if (g_strcmp0 (column_labels[i][0], name) == 0)
      return _(column_labels[i][1]);
  return name;
}

static gboolean
label_column_cb (const GMatchInfo *match,
                 GString          *out,
                 gpointer          data G_GNUC_UNUSED)
{
  g_autofree char *name = g_match_info_fetch (match, 1);
  g_autofree char *before = g_match_info_fetch (match, 2);
  g_autofree char *after = g_match_info_fetch (match, 3);
  ValueKind kind = value_kind (name);

  g_string_append (out, column_label (name));
  if (before != NULL && *before != '\0')
    {
      g_autofree char *old_text = value_for_display (kind, before);
      g_autofree char *new_text = value_for_display (kind, after);

      g_string_append_printf (out, ": %s → %s", old_text, new_text);
    }
  return FALSE;
}

char *
plaza_change_summary_for_display (const char *summary)
{
  static GRegex *column = NULL;

  if (summary == NULL)
    return g_strdup ("");
  /* A column name opens a "; "-separated part or follows the record's
   * label ("T0012 星巴克: name: 旧 → 新"), and is followed by ": ", then
   * (in a before/after part) the old value, " → " and the new one. */
  if (g_once_init_enter (&column))
    g_once_init_leave (&column, g_regex_new ("(?<=^|: |; )([a-z][a-z0-9_]*)"
                                             "(?:: ([^;→]*?) → ([^;]*?)(?=; |$)|(?=: ))",
                                             G_REGEX_OPTIMIZE, 0, NULL));
  return g_regex_replace_eval (column, summary, -1, 0, 0, label_column_cb, NULL, NULL);
}

char *
plaza_change_describe (const PlazaChange *change)
{
  const EntityWords *words;
  g_autofree char *record = NULL;
  g_autofree char *line = NULL;
  const char *who;
  const char *noun;
  char *p;

  g_return_val_if_fail (change != NULL, NULL);

  words = find_words (change->entity);
  noun = words != NULL ? _(words->noun) : change->entity;
  who = change->user_display != NULL && change->user_display[0] != '\0' ? change->user_display : change->user;
  if (change->summary != NULL && change->summary[0] != '\0')
    record = plaza_change_summary_for_display (change->summary);
  else if (change->entity_id != 0)
    record = g_strdup_printf ("#%lld", (long long) change->entity_id);
  else
    record = g_strdup ("");

  if (g_strcmp0 (change->action, "create") == 0)
    /* TRANSLATORS: "王芳 created tenant T0012 星巴克" */
    line = g_strdup_printf (_("%s created %s %s"), who, noun, record);
  else if (g_strcmp0 (change->action, "edit") == 0 || g_strcmp0 (change->action, "update") == 0)
    /* TRANSLATORS: "王芳 edited tenant T0012 星巴克" */
    line = g_strdup_printf (_("%s edited %s %s"), who, noun, record);
  else if (g_strcmp0 (change->action, "delete") == 0 || g_strcmp0 (change->action, "remove") == 0)
    line = g_strdup_printf (_("%s removed %s %s"), who, noun, record);
  else
    /* TRANSLATORS: who, what (a noun), the action word, the record */
    line = g_strdup_printf (_("%s changed %s (%s) %s"), who, noun, change->action, record);

  /* One line. */
  for (p = line; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';
  g_strchomp (line);
  return shorten (line, DESCRIBE_MAX_CHARS);
}

/* Snapshots. */

struct _PlazaChangeSnapshot
{
  char      *table;
  gint64     id;
  gboolean   found;
  GPtrArray *names;   /* char * */
  GPtrArray *values;  /* char *, NULL for SQL NULL */
};

void
plaza_change_snapshot_free (PlazaChangeSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;
  g_free (snapshot->table);
  g_clear_pointer (&snapshot->names, g_ptr_array_unref);
  g_clear_pointer (&snapshot->values, g_ptr_array_unref);
  g_free (snapshot);
}

/* Only plain names of real tables may go into the SQL text. */
static gboolean
table_is_known (PlazaStore  *store,
                const char  *table,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  for (const char *p = table; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '_')
      goto unknown;
  if (table[0] == '\0' || g_str_has_prefix (table, "sqlite_"))
    goto unknown;
  stmt = plaza_store_prepare (store, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return TRUE;

unknown:
  g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID, "No such table: %s", table);
  return FALSE;
}

/* Reads the row into @snapshot's names and values. */
static gboolean
read_row (PlazaStore           *store,
          PlazaChangeSnapshot  *snapshot,
          GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" WHERE id = ?", snapshot->table);
  int rc;

  stmt = plaza_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, snapshot->id);
  g_clear_pointer (&snapshot->names, g_ptr_array_unref);
  g_clear_pointer (&snapshot->values, g_ptr_array_unref);
  snapshot->names = g_ptr_array_new_with_free_func (g_free);
  snapshot->values = g_ptr_array_new_with_free_func (g_free);
  rc = sqlite3_step (stmt);
  snapshot->found = rc == SQLITE_ROW;
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);
  if (!snapshot->found)
    return TRUE;
  for (int i = 0; i < sqlite3_column_count (stmt); i++)
    {
      const unsigned char *text = sqlite3_column_text (stmt, i);

      g_ptr_array_add (snapshot->names, g_strdup (sqlite3_column_name (stmt, i)));
      g_ptr_array_add (snapshot->values,
                       sqlite3_column_type (stmt, i) == SQLITE_NULL ? NULL : g_strdup ((const char *) text));
    }
  return TRUE;
}

PlazaChangeSnapshot *
plaza_change_snapshot_take (PlazaStore  *store,
                            const char  *table,
                            gint64       id,
                            GError     **error)
{
  g_autoptr(PlazaChangeSnapshot) snapshot = NULL;

  g_return_val_if_fail (PLAZA_IS_STORE (store), NULL);
  g_return_val_if_fail (table != NULL, NULL);

  if (!table_is_known (store, table, error))
    return NULL;
  snapshot = g_new0 (PlazaChangeSnapshot, 1);
  snapshot->table = g_strdup (table);
  snapshot->id = id;
  if (!read_row (store, snapshot, error))
    return NULL;
  return g_steal_pointer (&snapshot);
}

static gboolean
column_skipped (const char *name)
{
  return g_strcmp0 (name, "rev") == 0 || g_strcmp0 (name, "id") == 0 || g_str_has_suffix (name, "_at");
}

static char *
value_text (const char *value)
{
  g_autofree char *one_line = NULL;

  if (value == NULL || value[0] == '\0')
    return g_strdup ("—");
  one_line = g_strdup (value);
  for (char *p = one_line; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';
  return shorten (one_line, VALUE_MAX_CHARS);
}

char *
plaza_change_snapshot_diff (PlazaChangeSnapshot  *snapshot,
                            PlazaStore           *store,
                            GError              **error)
{
  g_autoptr(PlazaChangeSnapshot) after = NULL;
  g_autoptr(GString) out = g_string_new ("");

  g_return_val_if_fail (snapshot != NULL, NULL);
  g_return_val_if_fail (PLAZA_IS_STORE (store), NULL);

  after = g_new0 (PlazaChangeSnapshot, 1);
  after->table = g_strdup (snapshot->table);
  after->id = snapshot->id;
  if (!read_row (store, after, error))
    return NULL;
  if (!snapshot->found || !after->found)
    return g_strdup ("");

  for (guint i = 0; i < after->names->len; i++)
    {
      const char *name = g_ptr_array_index (after->names, i);
      const char *now = g_ptr_array_index (after->values, i);
      const char *before = NULL;
      gboolean had = FALSE;
      g_autofree char *old_text = NULL;
      g_autofree char *new_text = NULL;

      if (column_skipped (name))
        continue;
      for (guint j = 0; j < snapshot->names->len; j++)
        if (g_strcmp0 (g_ptr_array_index (snapshot->names, j), name) == 0)
          {
            before = g_ptr_array_index (snapshot->values, j);
            had = TRUE;
            break;
          }
      if (had && g_strcmp0 (before, now) == 0)
        continue;
      old_text = value_text (before);
      new_text = value_text (now);
      if (out->len > 0)
        g_string_append (out, "; ");
      g_string_append_printf (out, "%s: %s → %s", name, old_text, new_text);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
