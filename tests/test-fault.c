/* test-fault.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 8's proof, part one: under an injected I/O error, torn write or
 * busy lock at every step of a write transaction (every read, write, sync,
 * lock, unlock, truncate, delete and WAL lock it makes, once or from then
 * on), and under a SIGKILL just before each of those steps, a write ends
 * fully committed or fully absent once the file is reopened without
 * faults: the exact sales rows, the sales_monthly aggregate and change_log
 * agree, integrity_check says ok and the file takes the next write. Three
 * writes (a sales entry, a 59-row import, a contract draft), both journal modes the store
 * uses: DELETE (a share) and WAL (local); a small demo; PLAZA_FAULT
 * through plazactl.
 */

#define G_LOG_DOMAIN "plaza-test"

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "import-fixture.h"
#include "plaza-contract.h"
#include "plaza-demo.h"
#include "plaza-fault-vfs.h"
#include "plaza-sales.h"

typedef struct
{
  const char *location;       /* PLAZA_FORCE_LOCATION */
  const char *journal_mode;   /* what the store must choose there */
} Mode;

static const Mode delete_mode = { "network", "DELETE" };
static const Mode wal_mode = { "local", "WAL" };

typedef struct
{
  guint cases;
  guint failed_writes;        /* the write reported an error … */
  guint committed_anyway;     /* … yet it was there after reopening */
  guint injected;
  guint crashes;              /* children killed at a call of the write */
  GString *anyway;            /* which faults those were */
} Figures;

/* Sales days, the monthly aggregate and change_log, exactly (change_log
 * without its time, user and host). */
static char *
dump (PlazaStore *store)
{
  return text (store,
               "SELECT coalesce ((SELECT group_concat (r, ';') FROM (SELECT unit_id || ',' || date || ',' || "
               "  amount || ',' || coalesce (transactions, 'n') || ',' || source AS r FROM sales_daily "
               "  ORDER BY unit_id, date)), '') || '|' || "
               "coalesce ((SELECT group_concat (r, ';') FROM (SELECT unit_id || ',' || month || ',' || amount || ',' || "
               "  transactions || ',' || days || ',' || estimated_days AS r FROM sales_monthly "
               "  ORDER BY unit_id, month)), '') || '|' || "
               "coalesce ((SELECT group_concat (r, ';') FROM (SELECT seq || ',' || entity || ',' || entity_id || ',' || "
               "  action || ',' || summary AS r FROM change_log ORDER BY seq)), '') || '|' || "
               "coalesce ((SELECT group_concat (r, ';') FROM (SELECT id || ',' || code || ',' || state || ',' || "
               "  tenant_id || ',' || start_date || ',' || end_date || ',' || deposit_amount AS r FROM contracts "
               "  ORDER BY id)), '') || '|' || "
               "coalesce ((SELECT group_concat (r, ';') FROM (SELECT contract_id || ',' || unit_id || ',' || area AS r "
               "  FROM contract_units ORDER BY 1)), '') || '|' || "
               "coalesce ((SELECT group_concat (r, ';') FROM (SELECT contract_id || ',' || kind || ',' || state AS r "
               "  FROM contract_events ORDER BY id)), '')");
}

static void
remove_db (const char *path)
{
  const char *const suffixes[] = { "", "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);
      g_remove (name);
    }
}

static void
copy_db (const char *from,
         const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bytes = NULL;
  gsize length = 0;

  remove_db (to);
  g_assert_true (g_file_get_contents (from, &bytes, &length, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (to, bytes, (gssize) length, &error));
  g_assert_no_error (error);
}

static PlazaStore *
open_store (const char *path,
            const Mode *mode)
{
  g_autoptr(GError) error = NULL;
  PlazaStore *store;

  g_setenv ("PLAZA_FORCE_LOCATION", mode->location, TRUE);
  store = plaza_store_open (path, PLAZA_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plaza_store_get_journal_mode (store), ==, mode->journal_mode);
  return store;
}

/* A small mall: unit 1 has 2026-03-01 (100.00 yuan, 3 sales) and 03-02
 * (200.00, 5); the write adds 03-03 (123.45, 7), so the month goes from
 * 30000 fen / 8 / 2 days to 42345 fen / 15 / 3 days. */
static char *
make_base (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "base.db", NULL);
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_setenv ("PLAZA_FORCE_LOCATION", "network", TRUE);
  store = plaza_store_open (path, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  write_sql (store,
             "INSERT INTO projects (id, code, name) VALUES (1, 'T', 'Test mall');"
             "INSERT INTO floors (id, project_id, label, level) VALUES (1, 1, '1F', 1);"
             "INSERT INTO units (id, floor_id, code, gross_area, rentable_area) VALUES "
             "  (1, 1, 'A101', 12550, 12550), (2, 1, 'A102', 8000, 8000);"
             "INSERT INTO tenants (id, code, name) VALUES (1, 'T1', '杭州悦享餐饮管理有限公司');"
             "INSERT INTO sales_daily (unit_id, date, amount, transactions, source) VALUES "
             "  (1, '2026-03-01', 10000, 3, 'pos'), (1, '2026-03-02', 20000, 5, 'pos');"
             "INSERT INTO sales_monthly (unit_id, month, amount, transactions, days, estimated_days) "
             "  VALUES (1, '2026-03', 30000, 8, 2, 0);");
  g_clear_object (&store);
  return g_steal_pointer (&path);
}

typedef gboolean (*WriteFunc) (PlazaStore *store, GError **error);

static gboolean
set_day (PlazaStore  *store,
         GError     **error)
{
  return plaza_sales_set_day (store, 1, "2026-03-03", 12345, 7, error);
}

/* Unit A102, 2026-01-01 … 02-28, day i (from 0) at 10.00 yuan + i fen:
 * January 31 × 1000 + (0 + … + 30) = 31465 fen, February 28 × 1000 +
 * (31 + … + 58) = 29246 fen. */
static gboolean
import_two_months (PlazaStore  *store,
                   GError     **error)
{
  g_autoptr(GString) csv = g_string_new ("date,unit,amount\n");
  PlazaImportResult result;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 2026);
  for (guint i = 0; i < 59; i++)
    {
      g_string_append_printf (csv, "2026-%02u-%02u,A102,10.%02u\n", (guint) g_date_get_month (&date),
                              (guint) g_date_get_day (&date), i);
      g_date_add_days (&date, 1);
    }
  return plaza_import_sales_from_data (store, "fault.csv", csv->str, csv->len, &result, error);
}

/* A lease draft for tenant T1 on A101 and A102, 2026–2028. */
static gboolean
create_contract (PlazaStore  *store,
                 GError     **error)
{
  static const gint64 units[] = { 1, 2 };
  PlazaContractDraft draft = {
    .tenant_id = 1,
    .kind = "lease",
    .model = "fixed",
    .start_date = "2026-01-01",
    .end_date = "2028-12-31",
    .terms_json = "{\"model\": \"fixed\"}",
    .deposit_amount = 3000000,
    .unit_ids = units,
    .n_units = G_N_ELEMENTS (units),
  };

  return plaza_contract_create (store, &draft, error) > 0;
}

/* The write under test in the current sweep. */
static WriteFunc the_write_func = set_day;

static gboolean
the_write (PlazaStore  *store,
           GError     **error)
{
  return the_write_func (store, error);
}

/* One case: copy the base, open, arm, write, close, reopen without faults. */
static void
run_case (const char     *base,
          const char     *path,
          const Mode     *mode,
          PlazaFaultOp    op,
          guint           nth,
          PlazaFaultKind  kind,
          gboolean        always,
          const char     *before,
          const char     *after,
          Figures        *figures)
{
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *state = NULL;
  g_autofree char *check = NULL;
  gboolean ok;

  copy_db (base, path);
  store = open_store (path, mode);

  plaza_fault_vfs_arm (op, nth, kind, always);
  ok = the_write (store, &error);
  figures->injected += plaza_fault_vfs_get_injected ();
  /* A disk that keeps failing fails the close too: whatever the process
   * leaves behind is what the next one finds. */
  if (always)
    g_clear_object (&store);
  plaza_fault_vfs_disarm ();
  g_clear_object (&store);

  store = open_store (path, mode);
  state = dump (store);
  check = text (store, "PRAGMA integrity_check");
  if (g_strcmp0 (check, "ok") != 0 || (g_strcmp0 (state, before) != 0 && g_strcmp0 (state, after) != 0) ||
      (ok && g_strcmp0 (state, after) != 0))
    g_error ("%s, %s call %u %s%s: write %s, then integrity %s, state %s",
             mode->journal_mode, plaza_fault_op_to_string (op), nth,
             kind == PLAZA_FAULT_BUSY ? "busy" : kind == PLAZA_FAULT_SHORT_WRITE ? "short" : "eio",
             always ? " always" : "", ok ? "ok" : error->message, check, state);

  figures->cases++;
  if (!ok)
    {
      figures->failed_writes++;
      if (g_strcmp0 (state, after) == 0)
        {
          figures->committed_anyway++;
          g_string_append_printf (figures->anyway, " %s:%u%s (%s)", plaza_fault_op_to_string (op), nth,
                                  always ? ":always" : "", error->message);
        }
    }
  g_assert_cmpint (monthly_mismatches (store), ==, 0);

  /* The file takes the next write. */
  g_clear_error (&error);
  g_assert_true (plaza_sales_set_day (store, 2, "2026-03-04", 500, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT amount FROM sales_monthly WHERE unit_id = 2 AND month = '2026-03'"), ==, 500);
}

/* The process dies by SIGKILL just before call @nth of @op of the write
 * (a child does the write); the next open finds what it left. */
static void
crash_case (const char   *base,
            const char   *path,
            const Mode   *mode,
            PlazaFaultOp  op,
            guint         nth,
            const char   *before,
            const char   *after,
            Figures      *figures)
{
  g_autoptr(PlazaStore) store = NULL;
  g_autofree char *state = NULL;
  g_autofree char *check = NULL;
  int status = 0;
  pid_t pid;

  copy_db (base, path);
  store = open_store (path, mode);
  fflush (stdout);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      plaza_fault_vfs_arm (op, nth, PLAZA_FAULT_KILL, FALSE);
      _exit (the_write (store, NULL) ? 0 : 1);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  /* The parent's connection never wrote: it is dropped unused. */
  g_clear_object (&store);

  store = open_store (path, mode);
  state = dump (store);
  check = text (store, "PRAGMA integrity_check");
  if (WIFSIGNALED (status))
    {
      g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
      figures->crashes++;
    }
  else
    g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  if (g_strcmp0 (check, "ok") != 0 || (g_strcmp0 (state, before) != 0 && g_strcmp0 (state, after) != 0) ||
      (!WIFSIGNALED (status) && g_strcmp0 (state, after) != 0))
    g_error ("%s, killed at %s call %u: integrity %s, state %s", mode->journal_mode,
             plaza_fault_op_to_string (op), nth, check, state);
  g_assert_cmpint (monthly_mismatches (store), ==, 0);
}

static void
sweep (const Mode *mode)
{
  g_autofree char *dir = g_dir_make_tmp ("plaza-fault-XXXXXX", NULL);
  g_autofree char *base = make_base (dir);
  g_autofree char *path = g_build_filename (dir, "case.db", NULL);
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *busy_state = NULL;
  guint calls[PLAZA_FAULT_N_OPS];
  Figures figures = { 0 };

  figures.anyway = g_string_new (NULL);

  /* The clean write, counting its calls of each kind. */
  copy_db (base, path);
  store = open_store (path, mode);
  before = dump (store);
  g_assert_cmpstr (before, ==, text (store, "SELECT '1,2026-03-01,10000,3,pos;1,2026-03-02,20000,5,pos|"
                                            "1,2026-03,30000,8,2,0|' || (SELECT group_concat (r, ';') FROM "
                                            "(SELECT seq || ',' || entity || ',' || entity_id || ',' || action || "
                                            "',' || summary AS r FROM change_log ORDER BY seq)) || '|||'"));
  plaza_fault_vfs_arm (PLAZA_FAULT_OP_WRITE, 0, PLAZA_FAULT_IOERR, FALSE);
  g_assert_true (the_write (store, &error));
  g_assert_no_error (error);
  for (int op = 0; op < PLAZA_FAULT_N_OPS; op++)
    calls[op] = plaza_fault_vfs_get_count ((PlazaFaultOp) op);
  plaza_fault_vfs_disarm ();
  after = dump (store);
  if (the_write_func == set_day)
    {
      g_assert_cmpint (count (store, "SELECT amount FROM sales_monthly WHERE unit_id = 1"), ==, 42345);
      g_assert_cmpint (count (store, "SELECT transactions FROM sales_monthly WHERE unit_id = 1"), ==, 15);
      g_assert_cmpint (count (store, "SELECT days FROM sales_monthly WHERE unit_id = 1"), ==, 3);
      g_assert_cmpint (count (store, "SELECT count (*) FROM change_log WHERE entity = 'sales' AND entity_id = 1"), ==, 1);
    }
  else if (the_write_func == create_contract)
    {
      g_assert_cmpint (count (store, "SELECT count (*) FROM contracts WHERE state = 'draft' AND tenant_id = 1"), ==, 1);
      g_assert_cmpint (count (store, "SELECT sum (area) FROM contract_units"), ==, 12550 + 8000);
      g_assert_cmpint (count (store, "SELECT count (*) FROM contract_events WHERE kind = 'created'"), ==, 1);
      g_assert_cmpint (count (store, "SELECT count (*) FROM change_log WHERE entity = 'contract'"), >=, 1);
    }
  else
    {
      g_assert_cmpint (count (store, "SELECT amount FROM sales_monthly WHERE unit_id = 2 AND month = '2026-01'"), ==, 31465);
      g_assert_cmpint (count (store, "SELECT amount FROM sales_monthly WHERE unit_id = 2 AND month = '2026-02'"), ==, 29246);
      g_assert_cmpint (count (store, "SELECT count (*) FROM sales_daily WHERE unit_id = 2"), ==, 59);
      g_assert_cmpint (count (store, "SELECT count (*) FROM change_log WHERE action = 'import' "
                                     "AND summary = '59 rows from fault.csv'"), ==, 1);
    }
  g_clear_object (&store);

  /* A write transaction writes and syncs something in both modes. */
  g_assert_cmpuint (calls[PLAZA_FAULT_OP_WRITE], >=, 2);
  g_assert_cmpuint (calls[PLAZA_FAULT_OP_SYNC], >=, 1);
  g_assert_cmpuint (calls[PLAZA_FAULT_OP_LOCK] + calls[PLAZA_FAULT_OP_SHM_LOCK], >=, 1);

  for (int op = 0; op < PLAZA_FAULT_N_OPS; op++)
    for (guint nth = 1; nth <= calls[op] + 1; nth++)
      for (int always = 0; always <= 1; always++)
        {
          run_case (base, path, mode, (PlazaFaultOp) op, nth, PLAZA_FAULT_IOERR, always, before, after, &figures);
          if (op == PLAZA_FAULT_OP_WRITE)
            run_case (base, path, mode, (PlazaFaultOp) op, nth, PLAZA_FAULT_SHORT_WRITE, always,
                      before, after, &figures);
          /* Busy once: the store's retry gets through. (Busy for ever is
           * the last case below: each try waits out the busy timeout.) */
          if ((op == PLAZA_FAULT_OP_LOCK || op == PLAZA_FAULT_OP_SHM_LOCK) && !always)
            run_case (base, path, mode, (PlazaFaultOp) op, nth, PLAZA_FAULT_BUSY, FALSE,
                      before, after, &figures);
        }

  /* A crash at every step. */
  for (int op = 0; op < PLAZA_FAULT_N_OPS; op++)
    for (guint nth = 1; nth <= calls[op]; nth++)
      crash_case (base, path, mode, (PlazaFaultOp) op, nth, before, after, &figures);
  g_assert_cmpuint (figures.crashes, >, 0);

  /* Rollback journal: the write lock never comes (another writer keeps
   * it): a clean, retryable BUSY and nothing written. */
  if (mode == &delete_mode && the_write_func == set_day)
    {
      copy_db (base, path);
      store = open_store (path, mode);
      plaza_fault_vfs_arm (PLAZA_FAULT_OP_LOCK, 1, PLAZA_FAULT_BUSY, TRUE);
      g_assert_false (the_write (store, &error));
      g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_BUSY);
      g_clear_error (&error);
      plaza_fault_vfs_disarm ();
      busy_state = dump (store);
      g_assert_cmpstr (busy_state, ==, before);
      g_clear_object (&store);
    }

  printf ("# %s, %s: calls in one write: read %u, write %u, sync %u, lock %u, unlock %u, truncate %u, "
          "delete %u, shmlock %u\n", mode->journal_mode, the_write_func == set_day ? "sales entry" : the_write_func == create_contract ? "contract draft" : "59-row import", calls[0], calls[1], calls[2], calls[3],
          calls[4], calls[5], calls[6], calls[7]);
  printf ("# %s: %u cases, %u faults injected, %u writes failed (%u of them committed all the same), "
          "none half-written\n", mode->journal_mode, figures.cases, figures.injected,
          figures.failed_writes, figures.committed_anyway);
  if (figures.committed_anyway > 0)
    printf ("# %s: reported failed but committed:%s\n", mode->journal_mode, figures.anyway->str);
  printf ("# %s: killed (SIGKILL) before each of those calls in turn: %u crashes, none half-written\n",
          mode->journal_mode, figures.crashes);
  g_string_free (figures.anyway, TRUE);
  g_assert_cmpuint (figures.failed_writes, >, 0);

  remove_db (path);
  remove_db (base);
  plaza_test_remove_tree (dir);
}

static void
test_delete_journal (void)
{
  the_write_func = set_day;
  sweep (&delete_mode);
}

static void
test_wal (void)
{
  the_write_func = set_day;
  sweep (&wal_mode);
}

static void
test_import_delete_journal (void)
{
  the_write_func = import_two_months;
  sweep (&delete_mode);
}

static void
test_import_wal (void)
{
  the_write_func = import_two_months;
  sweep (&wal_mode);
}

static void
test_contract_delete_journal (void)
{
  the_write_func = create_contract;
  sweep (&delete_mode);
}

static void
test_contract_wal (void)
{
  the_write_func = create_contract;
  sweep (&wal_mode);
}

static void
test_parse (void)
{
  PlazaFaultOp op;
  PlazaFaultKind kind;
  guint nth;
  gboolean always;

  g_assert_true (plaza_fault_parse ("write:5:eio", &op, &nth, &kind, &always));
  g_assert_cmpint (op, ==, PLAZA_FAULT_OP_WRITE);
  g_assert_cmpuint (nth, ==, 5);
  g_assert_cmpint (kind, ==, PLAZA_FAULT_IOERR);
  g_assert_false (always);
  g_assert_true (plaza_fault_parse ("lock:2:busy:always", &op, &nth, &kind, &always));
  g_assert_cmpint (op, ==, PLAZA_FAULT_OP_LOCK);
  g_assert_cmpint (kind, ==, PLAZA_FAULT_BUSY);
  g_assert_true (always);
  g_assert_true (plaza_fault_parse ("write:1:short", &op, &nth, &kind, &always));
  g_assert_cmpint (kind, ==, PLAZA_FAULT_SHORT_WRITE);
  g_assert_true (plaza_fault_parse ("shmlock:3:kill", &op, &nth, &kind, &always));
  g_assert_cmpint (op, ==, PLAZA_FAULT_OP_SHM_LOCK);
  g_assert_cmpint (kind, ==, PLAZA_FAULT_KILL);
  g_assert_false (plaza_fault_parse ("write:0:eio", &op, &nth, &kind, &always));
  g_assert_false (plaza_fault_parse ("seek:1:eio", &op, &nth, &kind, &always));
  g_assert_false (plaza_fault_parse ("write:1:eio:sometimes", &op, &nth, &kind, &always));
  g_assert_false (plaza_fault_parse ("write:1", &op, &nth, &kind, &always));
}

/* A small demo: every write and sync of a sales entry fails in turn, from
 * then on (a drive that went away), on the rollback journal of a share. */
static void
test_demo (void)
{
  g_autofree char *dir = g_dir_make_tmp ("plaza-fault-XXXXXX", NULL);
  g_autofree char *base = g_build_filename (dir, "demo.db", NULL);
  g_autofree char *path = g_build_filename (dir, "case.db", NULL);
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;
  gint64 unit_id, days_before, amount_before, log_before;
  guint writes, syncs, failed = 0;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 15, G_DATE_JUNE, 2026);
  g_setenv ("PLAZA_FORCE_LOCATION", "network", TRUE);
  store = plaza_store_open (base, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (plaza_demo_generate (store, 8, PLAZA_DEMO_SMALL, &today, &error));
  g_assert_no_error (error);
  unit_id = count (store, "SELECT min (unit_id) FROM sales_monthly WHERE month = '2026-05'");
  g_clear_object (&store);

  copy_db (base, path);
  store = open_store (path, &delete_mode);
  days_before = count (store, "SELECT count (*) FROM sales_daily");
  amount_before = count (store, "SELECT sum (amount) FROM sales_monthly");
  log_before = count (store, "SELECT count (*) FROM change_log");
  plaza_fault_vfs_arm (PLAZA_FAULT_OP_WRITE, 0, PLAZA_FAULT_IOERR, FALSE);
  g_assert_true (plaza_sales_set_day (store, unit_id, "2026-05-31", 987654, 11, &error));
  g_assert_no_error (error);
  writes = plaza_fault_vfs_get_count (PLAZA_FAULT_OP_WRITE);
  syncs = plaza_fault_vfs_get_count (PLAZA_FAULT_OP_SYNC);
  plaza_fault_vfs_disarm ();
  g_clear_object (&store);

  for (int op = PLAZA_FAULT_OP_WRITE; op <= PLAZA_FAULT_OP_SYNC; op++)
    for (guint nth = 1; nth <= (op == PLAZA_FAULT_OP_WRITE ? writes : syncs); nth++)
      {
        gboolean ok;
        gint64 day;

        copy_db (base, path);
        store = open_store (path, &delete_mode);
        plaza_fault_vfs_arm ((PlazaFaultOp) op, nth, PLAZA_FAULT_IOERR, TRUE);
        ok = plaza_sales_set_day (store, unit_id, "2026-05-31", 987654, 11, NULL);
        g_clear_object (&store);
        plaza_fault_vfs_disarm ();
        failed += !ok;

        store = open_store (path, &delete_mode);
        g_assert_true (plaza_store_check (store, TRUE, &error));
        g_assert_no_error (error);
        g_assert_cmpint (monthly_mismatches (store), ==, 0);
        day = count (store, "SELECT count (*) FROM sales_daily");
        if (ok)
          g_assert_cmpint (count (store, "SELECT count (*) FROM change_log"), ==, log_before + 1);
        /* Either the day replaced (or joined) the rows with its log line,
         * or nothing moved. */
        if (count (store, "SELECT count (*) FROM change_log") == log_before)
          {
            g_assert_cmpint (day, ==, days_before);
            g_assert_cmpint (count (store, "SELECT sum (amount) FROM sales_monthly"), ==, amount_before);
          }
        else
          {
            g_assert_cmpint (count (store, "SELECT count (*) FROM change_log"), ==, log_before + 1);
            g_assert_cmpint (count (store, "SELECT amount FROM sales_daily WHERE date = '2026-05-31' "
                                           "AND unit_id = (SELECT min (unit_id) FROM sales_monthly "
                                           "WHERE month = '2026-05')"), ==, 987654);
          }
        g_clear_object (&store);
      }
  printf ("# demo: %u writes and %u syncs in one sales entry; %u of the faulted entries failed, none half-written\n",
          writes, syncs, failed);
  g_assert_cmpuint (failed, >, 0);

  remove_db (path);
  remove_db (base);
  plaza_test_remove_tree (dir);
}

/* PLAZA_FAULT reaches plazactl through the store: a sales entry on a
 * drive whose syncs all fail is refused with one line and changes nothing. */
static void
test_plazactl (void)
{
  g_autofree char *dir = g_dir_make_tmp ("plaza-fault-XXXXXX", NULL);
  g_autofree char *base = make_base (dir);
  g_autofree char *err = NULL;
  g_autofree char *before = NULL;
  g_autofree char *state = NULL;
  g_autoptr(PlazaStore) store = NULL;
  const char *args[] = { "sales", "set", base, "--unit", "A101", "--date", "2026-03-03",
                         "--amount", "123.45", "--transactions", "7", NULL };

  store = open_store (base, &delete_mode);
  before = dump (store);
  g_clear_object (&store);

  g_setenv ("PLAZA_FAULT", "sync:1:eio:always", TRUE);
  g_assert_cmpint (plaza_test_run_plazactl (args, NULL, &err), ==, 1);
  g_unsetenv ("PLAZA_FAULT");
  g_assert_nonnull (strstr (err, "PLAZA_FAULT: call 1 of sync fails"));
  g_assert_nonnull (strstr (err, "plazactl: "));

  store = open_store (base, &delete_mode);
  state = dump (store);
  g_assert_cmpstr (state, ==, before);
  g_clear_object (&store);

  /* Without the fault the same command goes through. */
  g_assert_cmpint (plaza_test_run_plazactl (args, NULL, NULL), ==, 0);
  store = open_store (base, &delete_mode);
  g_assert_cmpint (count (store, "SELECT amount FROM sales_monthly WHERE unit_id = 1"), ==, 42345);
  g_clear_object (&store);

  remove_db (base);
  plaza_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* Hundreds of small files synced: in memory when possible (the faults
   * are made above the file system, so that changes nothing). */
  if (g_getenv ("TMPDIR") == NULL && g_access ("/dev/shm", W_OK) == 0)
    g_setenv ("TMPDIR", "/dev/shm", TRUE);
  /* Before anything opens a database: the shim becomes the default VFS. */
  g_unsetenv ("PLAZA_FAULT");
  g_assert_null (plaza_fault_vfs_ensure ());
  g_assert_true (plaza_fault_vfs_install ());

  g_test_add_func ("/fault/parse", test_parse);
  g_test_add_func ("/fault/delete-journal", test_delete_journal);
  g_test_add_func ("/fault/wal", test_wal);
  g_test_add_func ("/fault/import/delete-journal", test_import_delete_journal);
  g_test_add_func ("/fault/import/wal", test_import_wal);
  g_test_add_func ("/fault/contract/delete-journal", test_contract_delete_journal);
  g_test_add_func ("/fault/contract/wal", test_contract_wal);
  g_test_add_func ("/fault/demo", test_demo);
  g_test_add_func ("/fault/plazactl", test_plazactl);

  return g_test_run ();
}
