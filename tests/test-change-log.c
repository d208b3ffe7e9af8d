/* test-change-log.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The change feed: a record's history (with entity synonyms), rows since a
 * seq, the last seq, which rows this connection wrote, the one-line
 * description, and the before/after snapshot diff on hand-made rows; then a
 * tenant edit on the small demo whose summary says what changed.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "plaza-change-log.h"
#include "plaza-contract.h"
#include "plaza-demo.h"
#include "plaza-list-query.h"
#include "plaza-tenant.h"
#include "plaza-unit.h"
#include "plaza-worker.h"
#include "test-util.h"

typedef struct
{
  char       *dir;
  char       *path;
  PlazaStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("plaza-change-log-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "mall.plaza", NULL);
  f->store = plaza_store_open (f->path, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  plaza_store_set_user (f->store, "chenqiang");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data G_GNUC_UNUSED)
{
  g_clear_object (&f->store);
  plaza_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static gboolean
exec_in_write (PlazaStore  *store,
               gpointer     user_data,
               GError     **error)
{
  return plaza_store_exec (store, user_data, error);
}

static void
exec_write (PlazaStore *store,
            const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (plaza_store_write (store, exec_in_write, (gpointer) sql, &error));
  g_assert_no_error (error);
}

typedef struct
{
  const char *entity;
  gint64      id;
  const char *action;
  const char *summary;
} LogArgs;

static gboolean
log_in_write (PlazaStore  *store,
              gpointer     user_data,
              GError     **error)
{
  LogArgs *a = user_data;

  return plaza_store_log_change (store, a->entity, a->id, a->action, a->summary, error);
}

static void
log_change (PlazaStore *store,
            const char *entity,
            gint64      id,
            const char *action,
            const char *summary)
{
  LogArgs a = { entity, id, action, summary };
  g_autoptr(GError) error = NULL;

  g_assert_true (plaza_store_write (store, log_in_write, &a, &error));
  g_assert_no_error (error);
}

#define CHANGE(array, i) ((PlazaChange *) g_ptr_array_index ((array), (i)))

static void
test_history_synonyms (Fixture       *f,
                       gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) unit5 = NULL;
  g_autoptr(GPtrArray) bills = NULL;
  g_autoptr(GPtrArray) none = NULL;

  exec_write (f->store,
              "INSERT INTO users (login, display_name, role, created_at) "
              "  VALUES ('wangfang', '王芳', 'clerk', '2026-11-01T00:00:00Z');"
              "INSERT INTO change_log (seq, at, user, host, entity, entity_id, action, summary) VALUES "
              " (101, '2026-11-27T01:00:00Z', 'wangfang', 'pc-1', 'unit', 5, 'status', 'A101 vacant'),"
              " (102, '2026-11-27T02:00:00Z', 'lisi', 'pc-2', 'units', 5, 'update', 'A101 area'),"
              " (103, '2026-11-27T03:00:00Z', 'lisi', 'pc-2', 'units', 6, 'update', 'A102'),"
              " (104, '2026-11-27T04:00:00Z', 'lisi', 'pc-2', 'bills', 5, 'issue', 'B5'),"
              " (105, '2026-11-27T05:00:00Z', 'lisi', 'pc-2', 'tenant', 5, 'edit', 'T0005');");

  unit5 = plaza_change_log_for_record (f->store, "unit", 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (unit5->len, ==, 2);
  g_assert_cmpint (CHANGE (unit5, 0)->seq, ==, 102);   /* newest first */
  g_assert_cmpstr (CHANGE (unit5, 0)->entity, ==, "units");
  g_assert_cmpstr (CHANGE (unit5, 0)->user_display, ==, "lisi");   /* no account: the login */
  g_assert_cmpint (CHANGE (unit5, 1)->seq, ==, 101);
  g_assert_cmpstr (CHANGE (unit5, 1)->user, ==, "wangfang");
  g_assert_cmpstr (CHANGE (unit5, 1)->user_display, ==, "王芳");
  g_assert_cmpstr (CHANGE (unit5, 1)->host, ==, "pc-1");
  g_assert_cmpstr (CHANGE (unit5, 1)->at, ==, "2026-11-27T01:00:00Z");
  g_assert_cmpstr (CHANGE (unit5, 1)->action, ==, "status");
  g_assert_cmpstr (CHANGE (unit5, 1)->summary, ==, "A101 vacant");
  g_assert_cmpint (CHANGE (unit5, 1)->entity_id, ==, 5);
  g_clear_pointer (&unit5, g_ptr_array_unref);

  /* The same from the other spelling. */
  unit5 = plaza_change_log_for_record (f->store, "units", 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (unit5->len, ==, 2);

  bills = plaza_change_log_for_record (f->store, "bill", 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bills->len, ==, 1);
  g_assert_cmpint (CHANGE (bills, 0)->seq, ==, 104);

  none = plaza_change_log_for_record (f->store, "contract", 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_since_and_own (Fixture       *f,
                    gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaStore) other = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) later = NULL;
  g_autoptr(GPtrArray) two = NULL;
  gint64 start;

  start = plaza_change_log_last_seq (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (start, >=, 1);   /* the schema migration */

  other = plaza_store_open (f->path, PLAZA_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  plaza_store_set_user (other, "wangfang");

  log_change (f->store, "tenant", 1, "edit", "mine 1");
  log_change (other, "tenant", 2, "edit", "theirs");
  log_change (f->store, "tenant", 3, "edit", "mine 2");
  g_assert_cmpint (plaza_change_log_last_seq (f->store, NULL), ==, start + 3);
  g_assert_cmpint (plaza_change_log_last_seq (other, NULL), ==, start + 3);

  /* Since excludes nothing: both connections' rows, oldest first. */
  all = plaza_change_log_since (f->store, start, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 3);
  g_assert_cmpstr (CHANGE (all, 0)->summary, ==, "mine 1");
  g_assert_cmpstr (CHANGE (all, 1)->summary, ==, "theirs");
  g_assert_cmpstr (CHANGE (all, 1)->user, ==, "wangfang");
  g_assert_cmpstr (CHANGE (all, 2)->summary, ==, "mine 2");
  g_assert_cmpint (CHANGE (all, 2)->seq, ==, start + 3);

  /* Who wrote what, as each connection sees it. */
  g_assert_true (plaza_change_is_own (f->store, CHANGE (all, 0)));
  g_assert_false (plaza_change_is_own (f->store, CHANGE (all, 1)));
  g_assert_true (plaza_change_is_own (f->store, CHANGE (all, 2)));
  g_assert_false (plaza_change_is_own (other, CHANGE (all, 0)));
  g_assert_true (plaza_change_is_own (other, CHANGE (all, 1)));

  later = plaza_change_log_since (f->store, start + 1, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (later->len, ==, 2);
  g_assert_cmpstr (CHANGE (later, 0)->summary, ==, "theirs");

  two = plaza_change_log_since (f->store, 0, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (two->len, ==, 2);
  g_assert_cmpint (CHANGE (two, 0)->seq, <, CHANGE (two, 1)->seq);
}

static gboolean
fail_after_log (PlazaStore  *store,
                gpointer     user_data G_GNUC_UNUSED,
                GError     **error)
{
  if (!plaza_store_log_change (store, "tenant", 9, "edit", "rolled back", error))
    return FALSE;
  g_set_error_literal (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID, "no");
  return FALSE;
}

/* A seq whose write rolled back is not kept: another client may reuse it. */
static void
test_own_rolled_back (Fixture       *f,
                      gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaStore) other = NULL;
  g_autoptr(GPtrArray) after = NULL;
  gint64 start = plaza_change_log_last_seq (f->store, NULL);

  g_assert_false (plaza_store_write (f->store, fail_after_log, NULL, &error));
  g_clear_error (&error);
  other = plaza_store_open (f->path, PLAZA_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  log_change (other, "tenant", 9, "edit", "theirs");
  after = plaza_change_log_since (f->store, start, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_cmpint (CHANGE (after, 0)->seq, ==, start + 1);   /* the same number */
  g_assert_false (plaza_change_is_own (f->store, CHANGE (after, 0)));
}

static void
test_describe (void)
{
  PlazaChange c = { 7, (char *) "2026-11-27T02:42:00Z", (char *) "wangfang", (char *) "王芳",
                    (char *) "pc-1", (char *) "tenant", 12, (char *) "edit", (char *) "T0012 星巴克" };
  g_autofree char *line = NULL;
  g_autofree char *created = NULL;
  g_autofree char *other = NULL;
  g_autofree char *bare = NULL;
  g_autofree char *long_line = NULL;
  g_autoptr(GString) long_summary = g_string_new ("T0012 星巴克: notes: ");

  line = plaza_change_describe (&c);
  g_assert_cmpstr (line, ==, "王芳 edited tenant T0012 星巴克");

  c.action = (char *) "create";
  created = plaza_change_describe (&c);
  g_assert_cmpstr (created, ==, "王芳 created tenant T0012 星巴克");

  c.action = (char *) "status";
  c.entity = (char *) "units";
  c.summary = (char *) "A101";
  other = plaza_change_describe (&c);
  g_assert_cmpstr (other, ==, "王芳 changed unit (status) A101");

  c.summary = (char *) "";
  c.user_display = (char *) "";
  bare = plaza_change_describe (&c);
  g_assert_cmpstr (bare, ==, "wangfang changed unit (status) #12");

  /* Long and many-line summaries: one line of at most 120 characters. */
  for (int i = 0; i < 30; i++)
    g_string_append (long_summary, "很长的备注\n");
  c.action = (char *) "edit";
  c.summary = long_summary->str;
  long_line = plaza_change_describe (&c);
  g_assert_cmpint (g_utf8_strlen (long_line, -1), ==, 120);
  g_assert_true (g_str_has_suffix (long_line, "…"));
  g_assert_null (strchr (long_line, '\n'));

  g_assert_cmpstr (plaza_change_entity_label ("tenant"), ==, "Tenant");
  g_assert_cmpstr (plaza_change_entity_label ("units"), ==, "Unit");
  g_assert_cmpstr (plaza_change_entity_label ("bills"), ==, "Bill");
  g_assert_cmpstr (plaza_change_entity_label ("no_such"), ==, "no_such");
}

typedef struct
{
  const char *table;
  gint64      id;
  const char *sql;
  char       *summary;
} DiffArgs;

static gboolean
diff_in_write (PlazaStore  *store,
               gpointer     user_data,
               GError     **error)
{
  DiffArgs *a = user_data;
  g_autoptr(PlazaChangeSnapshot) snap = plaza_change_snapshot_take (store, a->table, a->id, error);

  if (snap == NULL || !plaza_store_exec (store, a->sql, error))
    return FALSE;
  a->summary = plaza_change_snapshot_diff (snap, store, error);
  return a->summary != NULL;
}

static char *
diff_of (PlazaStore *store,
         const char *table,
         gint64      id,
         const char *sql)
{
  DiffArgs a = { table, id, sql, NULL };
  g_autoptr(GError) error = NULL;

  g_assert_true (plaza_store_write (store, diff_in_write, &a, &error));
  g_assert_no_error (error);
  return a.summary;
}

static void
test_snapshot_diff (Fixture       *f,
                    gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *two = NULL;
  g_autofree char *same = NULL;
  g_autofree char *rev_only = NULL;
  g_autofree char *longer = NULL;
  g_autofree char *gone = NULL;
  PlazaChangeSnapshot *bad;

  exec_write (f->store,
              "INSERT INTO tenants (id, code, name, status, notes) VALUES (7, 'T0007', '旧名', 'active', '');"
              "INSERT INTO tenants (id, code, name, status, notes) VALUES (8, 'T0008', '别家', 'active', '');");

  /* Two columns changed (and rev): exactly those two, in table order. */
  two = diff_of (f->store, "tenants", 7,
                 "UPDATE tenants SET name = '新名', status = 'leaving', notes = '', rev = rev + 1 WHERE id = 7");
  g_assert_cmpstr (two, ==, "name: 旧名 → 新名; status: active → leaving");

  same = diff_of (f->store, "tenants", 7, "UPDATE tenants SET name = '新名' WHERE id = 7");
  g_assert_cmpstr (same, ==, "");
  rev_only = diff_of (f->store, "tenants", 7, "UPDATE tenants SET rev = rev + 1 WHERE id = 7");
  g_assert_cmpstr (rev_only, ==, "");

  /* Over 40 characters: 39 and "…"; empty and NULL show as "—". */
  longer = diff_of (f->store, "tenants", 7,
                    "UPDATE tenants SET notes = '0123456789012345678901234567890123456789ABC', "
                    "licence_expiry = '2027-01-31' WHERE id = 7");
  g_assert_cmpstr (longer, ==,
                   "licence_expiry: — → 2027-01-31; notes: — → 012345678901234567890123456789012345678…");

  /* A row that is gone: nothing to compare. */
  gone = diff_of (f->store, "tenants", 99, "UPDATE tenants SET notes = 'x' WHERE id = 99");
  g_assert_cmpstr (gone, ==, "");

  /* Only real tables, only plain names. */
  bad = plaza_change_snapshot_take (f->store, "tenants; DROP TABLE tenants", 7, &error);
  g_assert_null (bad);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  bad = plaza_change_snapshot_take (f->store, "no_such_table", 7, &error);
  g_assert_null (bad);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  bad = plaza_change_snapshot_take (f->store, "sqlite_master", 1, &error);
  g_assert_null (bad);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
}

/* The small demo: a tenant edit's summary names what changed. */
static void
test_demo_tenant_edit (Fixture       *f,
                       gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = g_date_new_dmy (27, 11, 2026);
  g_autoptr(GPtrArray) history = NULL;
  PlazaTenant *t;
  g_autofree char *old_name = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *line = NULL;
  gint64 id;

  g_assert_true (plaza_demo_generate (f->store, 42, PLAZA_DEMO_SMALL, today, &error));
  g_assert_no_error (error);
  id = plaza_test_count (f->store, "SELECT MIN (id) FROM tenants");
  t = plaza_tenant_load (f->store, id, &error);
  g_assert_no_error (error);
  old_name = g_strdup (t->name);
  g_free (t->name);
  t->name = g_strdup ("新名字");
  g_assert_true (plaza_tenant_update (f->store, t, &error));
  g_assert_no_error (error);

  history = plaza_change_log_for_record (f->store, "tenant", id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, >=, 1);
  g_assert_cmpstr (CHANGE (history, 0)->action, ==, "edit");
  expected = g_strdup_printf ("%s 新名字: name: %s → 新名字", t->code, old_name);
  g_assert_cmpstr (CHANGE (history, 0)->summary, ==, expected);
  line = plaza_change_describe (CHANGE (history, 0));
  /* The demo has an account chenqiang, 陈强. */
  g_assert_true (g_str_has_prefix (line, "陈强 edited tenant "));
  plaza_tenant_free (t);
}

typedef struct
{
  GAsyncResult *result;
  GPtrArray    *changes;   /* what "changes" delivered, in order */
  guint         n_changed;
  guint         n_signals;
} WorkerWait;

static void
result_cb (GObject      *source G_GNUC_UNUSED,
           GAsyncResult *result,
           gpointer      user_data)
{
  WorkerWait *w = user_data;

  w->result = g_object_ref (result);
}

static GAsyncResult *
wait_result (WorkerWait *w)
{
  while (w->result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return g_steal_pointer (&w->result);
}

static void
changed_cb (PlazaWorker *worker G_GNUC_UNUSED,
            gpointer     user_data)
{
  WorkerWait *w = user_data;

  w->n_changed++;
}

static void
changes_cb (PlazaWorker *worker G_GNUC_UNUSED,
            GPtrArray   *changes,
            gpointer     user_data)
{
  WorkerWait *w = user_data;

  /* "changed" came first. */
  g_assert_cmpuint (w->n_changed, ==, w->n_signals + 1);
  w->n_signals++;
  for (guint i = 0; i < changes->len; i++)
    {
      PlazaChange *c = g_ptr_array_index (changes, i);

      g_ptr_array_add (w->changes, g_strdup (c->summary));
    }
}

static gpointer
worker_log_func (PlazaStore    *store,
                 gpointer       data,
                 GCancellable  *cancellable G_GNUC_UNUSED,
                 GError       **error)
{
  LogArgs a = { "tenant", 1, "edit", data };

  if (!plaza_store_write (store, log_in_write, &a, error))
    return NULL;
  return GINT_TO_POINTER (1);
}

/* The worker's poll: others' rows after "changed", its own left out, the
 * rows before it opened never. */
static void
test_worker_changes (Fixture       *f,
                     gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaWorker) worker = plaza_worker_new ();
  g_autoptr(PlazaStore) other = NULL;
  g_autoptr(GAsyncResult) opened = NULL;
  g_autoptr(GAsyncResult) ran = NULL;
  WorkerWait w = { NULL, g_ptr_array_new_with_free_func (g_free), 0, 0 };

  log_change (f->store, "tenant", 1, "edit", "before the open");
  plaza_worker_open_async (worker, f->path, PLAZA_STORE_OPEN_DEFAULT, NULL, result_cb, &w);
  opened = wait_result (&w);
  g_assert_true (plaza_worker_open_finish (worker, opened, &error));
  g_assert_no_error (error);
  g_signal_connect (worker, "changed", G_CALLBACK (changed_cb), &w);
  g_signal_connect (worker, "changes", G_CALLBACK (changes_cb), &w);
  plaza_worker_set_poll_interval (worker, 50);

  plaza_worker_run_async (worker, worker_log_func, (gpointer) "mine", NULL, NULL, result_cb, &w);
  ran = wait_result (&w);
  g_assert_nonnull (plaza_worker_run_finish (worker, ran, &error));
  g_assert_no_error (error);

  other = plaza_store_open (f->path, PLAZA_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  plaza_store_set_user (other, "wangfang");
  log_change (other, "tenant", 2, "edit", "theirs 1");
  while (w.n_signals == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (w.changes->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (w.changes, 0), ==, "theirs 1");

  log_change (other, "tenant", 2, "edit", "theirs 2");
  log_change (other, "tenant", 3, "edit", "theirs 3");
  while (w.changes->len < 3)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (g_ptr_array_index (w.changes, 1), ==, "theirs 2");
  g_assert_cmpstr (g_ptr_array_index (w.changes, 2), ==, "theirs 3");
  plaza_worker_set_poll_interval (worker, 0);
  g_signal_handlers_disconnect_by_data (worker, &w);
  g_ptr_array_unref (w.changes);
}

/* Rows by id for live refresh: the list's own values, only those ids. */
static void
test_list_rows (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = g_date_new_dmy (27, 11, 2026);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) sales = NULL;
  g_autoptr(GPtrArray) units = NULL;
  g_autofree char *name = NULL;
  gint64 ids[3];
  gint64 unit_id;

  g_assert_true (plaza_demo_generate (f->store, 42, PLAZA_DEMO_SMALL, today, &error));
  g_assert_no_error (error);
  ids[0] = plaza_test_count (f->store, "SELECT MAX (id) FROM tenants");
  ids[1] = plaza_test_count (f->store, "SELECT MIN (id) FROM tenants");
  ids[2] = 999999;
  rows = plaza_list_query_rows (f->store, PLAZA_LIST_TENANTS, ids, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  /* In the list's order (by code): the smaller id first. */
  g_assert_cmpint (plaza_record_get_id (g_ptr_array_index (rows, 0)), ==, ids[1]);
  g_assert_cmpint (plaza_record_get_id (g_ptr_array_index (rows, 1)), ==, ids[0]);
  {
    g_autoptr(sqlite3_stmt) stmt = plaza_store_prepare (f->store, "SELECT name FROM tenants WHERE id = ?", NULL);

    sqlite3_bind_int64 (stmt, 1, ids[1]);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  }
  g_assert_cmpstr (plaza_record_get_text (g_ptr_array_index (rows, 0), 1), ==, name);

  none = plaza_list_query_rows (f->store, PLAZA_LIST_TENANTS, ids + 2, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);

  unit_id = plaza_test_count (f->store, "SELECT MIN (id) FROM units WHERE status <> 'retired'");
  units = plaza_list_query_rows (f->store, PLAZA_LIST_UNITS, &unit_id, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (units->len, ==, 1);

  /* Sales rows have made-up ids: not by id (the page reloads instead). */
  sales = plaza_list_query_rows (f->store, PLAZA_LIST_SALES, ids, 1, &error);
  g_assert_null (sales);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
}

/* The small demo: deciding an amendment logs its event row's before/after. */
static void
test_demo_amendment (Fixture       *f,
                     gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = g_date_new_dmy (27, 11, 2026);
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *terms = NULL;
  g_autofree char *expected = NULL;
  gint64 id, event;

  g_assert_true (plaza_demo_generate (f->store, 42, PLAZA_DEMO_SMALL, today, &error));
  g_assert_no_error (error);
  stmt = plaza_store_prepare (f->store,
                              "SELECT id, terms_json FROM contracts WHERE state = 'active' "
                              "AND start_date < '2026-12-01' AND end_date > '2026-12-01' ORDER BY id LIMIT 1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  id = sqlite3_column_int64 (stmt, 0);
  terms = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  g_clear_pointer (&stmt, sqlite3_finalize);

  event = plaza_contract_amend (f->store, id, "2026-12-01", terms, "test", &error);
  g_assert_no_error (error);
  g_assert_cmpint (event, >, 0);
  g_assert_true (plaza_contract_decide_amendment (f->store, event, FALSE, "太低", &error));
  g_assert_no_error (error);

  history = plaza_change_log_for_record (f->store, "contract", id, &error);
  g_assert_no_error (error);
  expected = g_strdup_printf ("amendment %lld rejected: state: submitted → rejected; comment: test → test / 太低",
                              (long long) event);
  g_assert_cmpstr (CHANGE (history, 0)->summary, ==, expected);
  g_assert_cmpstr (CHANGE (history, 1)->action, ==, "amend");
}

/* The small demo: a unit's notes change; its history (asked for as "unit")
 * shows the "units" row with the before/after. */
static void
test_demo_unit_edit (Fixture       *f,
                     gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = g_date_new_dmy (27, 11, 2026);
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(PlazaUnit) u = NULL;
  g_autofree char *expected = NULL;
  gint64 id;

  g_assert_true (plaza_demo_generate (f->store, 42, PLAZA_DEMO_SMALL, today, &error));
  g_assert_no_error (error);
  id = plaza_test_count (f->store, "SELECT MIN (id) FROM units WHERE notes = '' AND status <> 'retired'");
  u = plaza_unit_get (f->store, id, &error);
  g_assert_no_error (error);
  g_free (u->notes);
  u->notes = g_strdup ("漏水");
  g_assert_true (plaza_unit_update (f->store, u, "2026-11-27", &error));
  g_assert_no_error (error);
  history = plaza_change_log_for_record (f->store, "unit", id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, >=, 1);
  expected = g_strdup_printf ("%s: notes: — → 漏水", u->code);
  g_assert_cmpstr (CHANGE (history, 0)->summary, ==, expected);
  g_assert_cmpstr (CHANGE (history, 0)->entity, ==, "units");
}

static void
test_summary_for_display (void)
{
  struct { const char *in; const char *out; } cases[] = {
    { "T0012 星巴克: name: 旧名 → 新名; notes: — → 漏水", "T0012 星巴克: Name: 旧名 → 新名; Notes: — → 漏水" },
    { "A101: status: vacant → let", "A101: Status: vacant → let" },
    { "rentable_area: 12000 → 11000", "Rentable area: 120.00 m² → 110.00 m²" },
    /* unknown names, and words that only look like one, stay */
    { "X1: foo_bar: 1 → 2", "X1: foo_bar: 1 → 2" },
    { "bill run 2025-11: 22 bills", "bill run 2025-11: 22 bills" },
    /* values in Plaza's units read as people write them */
    { "P7 春节: budget_mall: 1500000 → 2000050", "P7 春节: Mall budget: ¥15,000.00 → ¥20,000.50" },
    { "A101: rentable_area: 12000 → 11050; notes: — → 漏水", "A101: Rentable area: 120.00 m² → 110.50 m²; Notes: — → 漏水" },
    { "P7: goal_uplift_bp: 1500 → —", "P7: Uplift goal: 15.00% → —" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = plaza_change_summary_for_display (cases[i].in);

      g_assert_cmpstr (got, ==, cases[i].out);
    }
  {
    g_autofree char *none = plaza_change_summary_for_display (NULL);

    g_assert_cmpstr (none, ==, "");
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/change-log/history-synonyms", Fixture, NULL, fixture_set_up, test_history_synonyms, fixture_tear_down);
  g_test_add ("/change-log/since-and-own", Fixture, NULL, fixture_set_up, test_since_and_own, fixture_tear_down);
  g_test_add ("/change-log/own-rolled-back", Fixture, NULL, fixture_set_up, test_own_rolled_back, fixture_tear_down);
  g_test_add_func ("/change-log/describe", test_describe);
  g_test_add_func ("/change-log/summary-for-display", test_summary_for_display);
  g_test_add ("/change-log/snapshot-diff", Fixture, NULL, fixture_set_up, test_snapshot_diff, fixture_tear_down);
  g_test_add ("/change-log/demo-tenant-edit", Fixture, NULL, fixture_set_up, test_demo_tenant_edit, fixture_tear_down);
  g_test_add ("/change-log/demo-unit-edit", Fixture, NULL, fixture_set_up, test_demo_unit_edit, fixture_tear_down);
  g_test_add ("/change-log/list-rows", Fixture, NULL, fixture_set_up, test_list_rows, fixture_tear_down);
  g_test_add ("/change-log/worker-changes", Fixture, NULL, fixture_set_up, test_worker_changes, fixture_tear_down);
  g_test_add ("/change-log/demo-amendment", Fixture, NULL, fixture_set_up, test_demo_amendment, fixture_tear_down);
  return g_test_run ();
}
