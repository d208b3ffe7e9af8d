/* test-dunning.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * plaza_dunning_write and plazactl dunning. As of 2026-06-30 (fen):
 *   T1 Alpha (C1: 5 bp a day, no grace, no cap): A1 (2026-04) due
 *     2026-04-30 1,000,000 and A2 (2026-05) due 2026-05-31 1,000,000, both
 *     open, A3 (2026-07) due 2026-07-15 not yet due. Late fee: A1 61 days
 *     (05-01 … 06-30) × 1,000,000 × 5 / 10,000 = 30,500; A2 30 days = 15,000;
 *     45,500. Overdue 2,000,000, total 2,045,500 (¥20,455.00).
 *   T2 Beta (C2, no late fee): B1 due 2026-06-27 300,000, 3 days overdue:
 *     total 300,000 (¥3,000.00).
 *   T3 Gamma: G1 due 2026-05-31 200,000, paid in full on 2026-06-10.
 */

#include "config.h"

#include <string.h>

#include "plaza-arrears.h"
#include "plaza-demo.h"
#include "plaza-dunning.h"
#include "plaza-payments.h"
#include "test-util.h"

typedef struct
{
  char       *dir;
  char       *path;
  char       *pdf;
  PlazaStore *store;
} Fixture;

static gboolean
insert_rows (PlazaStore *store,
             gpointer    user_data G_GNUC_UNUSED,
             GError    **error)
{
  return plaza_store_exec (store,
    "INSERT INTO settings (key, value) VALUES ('mall.name', '星河广场'), ('mall.department', '商务部'),"
    "  ('mall.bank', '中国工商银行杭州分行'), ('mall.account', '1202 0000 1111'), ('mall.phone', '0571-1234 5678');"
    "INSERT INTO tenants (id, code, name, status) VALUES (1, 'T1', 'Alpha 餐饮', 'active'), (2, 'T2', 'Beta', 'active'),"
    "  (3, 'T3', 'Gamma', 'active');"
    "INSERT INTO contracts (id, code, tenant_id, state, model, start_date, end_date, late_fee_bp_per_day,"
    "                       late_fee_grace_days, late_fee_cap, created_at) VALUES"
    "  (1, 'C1', 1, 'active', 'fixed', '2026-01-01', '2026-12-31', 5, 0, 0, '2026-01-01'),"
    "  (2, 'C2', 2, 'active', 'fixed', '2026-01-01', '2026-12-31', 0, 0, 0, '2026-01-01'),"
    "  (3, 'C3', 3, 'active', 'fixed', '2026-01-01', '2026-12-31', 0, 0, 0, '2026-01-01');"
    "INSERT INTO bills (id, code, tenant_id, contract_id, month, issue_date, due_date, total) VALUES"
    "  (1, 'A1', 1, 1, '2026-04', '2026-04-01', '2026-04-30', 1000000),"
    "  (2, 'A2', 1, 1, '2026-05', '2026-04-01', '2026-05-31', 1000000),"
    "  (3, 'A3', 1, 1, '2026-07', '2026-04-01', '2026-07-15', 1000000),"
    "  (4, 'B1', 2, 2, '2026-06', '2026-04-01', '2026-06-27', 300000),"
    "  (5, 'G1', 3, 3, '2026-05', '2026-04-01', '2026-05-31', 200000);"
    "INSERT INTO bill_lines (id, bill_id, kind, amount) VALUES (1, 1, 'rent', 800000), (2, 1, 'fee', 200000),"
    "  (3, 2, 'rent', 1000000), (4, 3, 'rent', 1000000), (5, 4, 'rent', 300000), (6, 5, 'rent', 200000);",
    error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  f->dir = g_dir_make_tmp ("plaza-dunning-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->path = g_build_filename (f->dir, "dunning.db", NULL);
  f->pdf = g_build_filename (f->dir, "letters.pdf", NULL);
  f->store = plaza_store_open (f->path, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (plaza_store_write (f->store, insert_rows, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (plaza_payment_add (f->store, 3, "2026-06-10", 200000, "transfer", NULL, NULL, &id, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data G_GNUC_UNUSED)
{
  g_clear_object (&f->store);
  plaza_test_remove_tree (f->dir);
  g_free (f->pdf);
  g_free (f->path);
  g_free (f->dir);
}

/* Pages of a cairo PDF: its "/Type /Page" objects (not "/Pages"). */
static guint
count_pages (const char *path)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  guint n = 0;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_true (g_str_has_prefix (data, "%PDF-"));
  /* Streams hold NUL bytes: scan the whole length. */
  for (gsize i = 0; i + 12 < length; i++)
    if (memcmp (data + i, "/Type /Page", 11) == 0 && data[i + 11] != 's')
      n++;
  return n;
}

/* The text of @path by pdftotext, or NULL when it is not installed. */
static char *
pdf_text (const char *path)
{
  g_autofree char *tool = g_find_program_in_path ("pdftotext");
  const char *argv[] = { NULL, "-layout", path, "-", NULL };
  char *out = NULL;
  int status = 0;

  if (tool == NULL)
    return NULL;
  argv[0] = tool;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
test_letters (Fixture       *f,
              gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint n = 0;

  g_assert_true (plaza_dunning_write (f->store, "2026-06-30", NULL, 1, NULL, f->pdf, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (count_pages (f->pdf), ==, 2);

  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM dunning_letters"), ==, 2);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT amount FROM dunning_letters WHERE tenant_id = 1"), ==, 2045500);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT amount FROM dunning_letters WHERE tenant_id = 2"), ==, 300000);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM dunning_letters WHERE date = '2026-06-30'"), ==, 2);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM change_log WHERE entity = 'tenant' "
                                               "AND action = 'dunning'"), ==, 2);

  text = pdf_text (f->pdf);
  if (text == NULL)
    {
      g_test_message ("pdftotext not installed: text not checked");
      return;
    }
  g_assert_nonnull (strstr (text, "催款通知书"));
  g_assert_nonnull (strstr (text, "Alpha 餐饮"));
  g_assert_nonnull (strstr (text, "20,455.00"));     /* T1's total */
  g_assert_nonnull (strstr (text, "455.00"));        /* its late fee */
  g_assert_nonnull (strstr (text, "Beta"));
  g_assert_nonnull (strstr (text, "3,000.00"));
  g_assert_null (strstr (text, "Gamma"));
  g_assert_null (strstr (text, "A3"));               /* not yet due */
  g_assert_nonnull (strstr (text, "61 天"));
  g_assert_nonnull (strstr (text, "2026年7月7日"));  /* pay by: seven days on */
  g_assert_nonnull (strstr (text, "1202 0000 1111"));
  g_assert_nonnull (strstr (text, "逾期未付将按合同约定计收滞纳金"));
}

static void
test_selection (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *text = NULL;
  gint64 id = 2;
  guint n = 0;

  /* At least 10 days overdue: Beta's 3 days are not enough. */
  g_assert_true (plaza_dunning_write (f->store, "2026-06-30", NULL, 10, "2026-07-10", f->pdf, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (count_pages (f->pdf), ==, 1);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT tenant_id FROM dunning_letters"), ==, 1);
  text = pdf_text (f->pdf);
  if (text != NULL)
    g_assert_nonnull (strstr (text, "2026年7月10日"));

  /* One tenant by hand. */
  g_array_append_val (ids, id);
  g_assert_true (plaza_dunning_write (f->store, "2026-06-30", ids, 0, NULL, f->pdf, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM dunning_letters WHERE tenant_id = 2"), ==, 1);
}

static gboolean
insert_many_bills (PlazaStore *store,
                   gpointer    user_data G_GNUC_UNUSED,
                   GError    **error)
{
  /* 30 more (supplementary) bills of T1 due 2026-06-01 … 2026-06-30, 10,000 each. */
  for (guint i = 1; i <= 30; i++)
    {
      g_autofree char *sql = g_strdup_printf (
        "INSERT INTO bills (id, code, tenant_id, contract_id, month, kind, issue_date, due_date, total) "
        "VALUES (%u, 'M%02u', 1, 1, '2026-06', 'supplementary', '2026-04-01', '2026-06-%02u', 10000);"
        "INSERT INTO bill_lines (bill_id, kind, amount) VALUES (%u, 'fee', 10000);", 100 + i, i, i, 100 + i);

      if (!plaza_store_exec (store, sql, error))
        return FALSE;
    }
  return TRUE;
}

/* A tenant with more bills than a page holds still gets one page: the
 * rest are summed on one row, and the totals do not change. */
static void
test_many_bills (Fixture       *f,
                 gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint n = 0;

  g_assert_true (plaza_store_write (f->store, insert_many_bills, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (plaza_dunning_write (f->store, "2026-06-30", NULL, 1, NULL, f->pdf, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (count_pages (f->pdf), ==, 2);
  /* 2,000,000 + 300,000 open; late fee 45,500 + Σ (30 − d) × 5 for d = 1 … 30
   * = 45,500 + 5 × 435 = 47,675. */
  g_assert_cmpint (plaza_test_count (f->store, "SELECT amount FROM dunning_letters WHERE tenant_id = 1"), ==,
                   2000000 + 300000 + 47675);
  text = pdf_text (f->pdf);
  if (text != NULL)
    g_assert_nonnull (strstr (text, "其余"));
}

static void
test_nobody_owes (Fixture       *f,
                  gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 id = 3;
  guint n = 7;

  /* Gamma has paid. */
  g_array_append_val (ids, id);
  g_assert_false (plaza_dunning_write (f->store, "2026-06-30", ids, 0, NULL, f->pdf, &n, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_assert_cmpuint (n, ==, 0);
  g_clear_error (&error);

  /* Before anything is due. */
  g_assert_false (plaza_dunning_write (f->store, "2026-04-15", NULL, 0, NULL, f->pdf, &n, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A deadline before the letter. */
  g_assert_false (plaza_dunning_write (f->store, "2026-06-30", NULL, 0, "2026-06-01", f->pdf, &n, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (g_file_test (f->pdf, G_FILE_TEST_EXISTS));
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM dunning_letters"), ==, 0);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM change_log WHERE action = 'dunning'"), ==, 0);
}

static void
test_cli (Fixture       *f,
          gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *expected = g_strdup_printf ("2 letters, %s\n", f->pdf);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_clear_object (&f->store);
  {
    const char *args[] = { "dunning", f->path, "--as-of", "2026-06-30", "--out", f->pdf, NULL };

    g_assert_cmpint (plaza_test_run_plazactl (args, &out, &err), ==, 0);
    g_assert_cmpstr (out, ==, expected);
    g_assert_cmpuint (count_pages (f->pdf), ==, 2);
  }
  {
    const char *args[] = { "dunning", f->path, "--as-of", "2026-06-30", "--tenant", "T2", "--tenant", "T1",
                           "--pay-by", "2026-07-20", "--out", f->pdf, NULL };

    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (plaza_test_run_plazactl (args, &out, &err), ==, 0);
    g_assert_cmpstr (out, ==, expected);
  }
  {
    /* Nobody owes: one line on stderr, nothing recorded. */
    const char *args[] = { "dunning", f->path, "--as-of", "2026-06-30", "--tenant", "T3", "--out", f->pdf, NULL };

    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (plaza_test_run_plazactl (args, &out, &err), ==, 1);
    g_assert_nonnull (strchr (err, '\n'));
    g_assert_cmpstr (strchr (err, '\n') + 1, ==, "");
  }
  {
    const char *args[] = { "dunning", f->path, "--as-of", "2026-06-30", "--tenant", "T9", "--out", f->pdf, NULL };

    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (plaza_test_run_plazactl (args, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, "T9"));
  }
  {
    const char *args[] = { "dunning", f->path, "--as-of", "2026-06-30", NULL };

    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (plaza_test_run_plazactl (args, &out, &err), ==, 1);
  }
  {
    const char *args[] = { "dunning", f->path, "--as-of", "2026-02-30", "--out", f->pdf, NULL };

    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (plaza_test_run_plazactl (args, &out, &err), ==, 1);
  }

  f->store = plaza_store_open (f->path, 0, NULL);
  g_assert_nonnull (f->store);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM dunning_letters"), ==, 4);
}

/* The small demo: one letter per tenant the aging shows overdue, each
 * recorded with the aging's overdue amount plus the unbilled late fee. */
static void
test_demo (void)
{
  g_autofree char *dir = g_dir_make_tmp ("plaza-dunning-demo-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autofree char *pdf = g_build_filename (dir, "letters.pdf", NULL);
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint n = 0, owing = 0;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 27, G_DATE_NOVEMBER, 2026);
  store = plaza_store_open (path, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (plaza_demo_generate (store, 7, PLAZA_DEMO_SMALL, &today, &error));
  g_assert_no_error (error);
  g_assert_true (plaza_arrears_aging_with_fees (store, "2026-11-27", &rows, &error));
  g_assert_no_error (error);
  g_assert_true (plaza_dunning_write (store, "2026-11-27", NULL, 0, NULL, pdf, &n, &error));
  g_assert_no_error (error);
  stmt = plaza_store_prepare (store, "SELECT amount FROM dunning_letters WHERE tenant_id = ?", NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      const PlazaArrearsRow *row = g_ptr_array_index (rows, i);

      if (row->tenant_id == 0 || row->total - row->current <= 0)
        continue;
      owing++;
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, row->tenant_id);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, row->total - row->current + row->late_fee);
    }
  g_assert_cmpuint (owing, >, 0);
  g_assert_cmpuint (n, ==, owing);
  g_assert_cmpuint (count_pages (pdf), ==, owing);
  g_assert_cmpint (plaza_test_count (store, "SELECT count(*) FROM dunning_letters"), ==, owing);
  g_clear_pointer (&stmt, sqlite3_finalize);
  g_clear_object (&store);
  plaza_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/dunning/letters", Fixture, NULL, fixture_set_up, test_letters, fixture_tear_down);
  g_test_add ("/dunning/selection", Fixture, NULL, fixture_set_up, test_selection, fixture_tear_down);
  g_test_add ("/dunning/many-bills", Fixture, NULL, fixture_set_up, test_many_bills, fixture_tear_down);
  g_test_add ("/dunning/nobody-owes", Fixture, NULL, fixture_set_up, test_nobody_owes, fixture_tear_down);
  g_test_add ("/dunning/cli", Fixture, NULL, fixture_set_up, test_cli, fixture_tear_down);
  g_test_add_func ("/dunning/demo", test_demo);
  return g_test_run ();
}
