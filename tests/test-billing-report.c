/* test-billing-report.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * plaza_billing_report, its CSV and XLSX, and plazactl bills report, worked
 * by hand on these rows (amounts in yuan):
 *   B1  Alpha  issued 02-01 due 02-15  1,000.00   paid by P1 02-10 1,000.00
 *   B2  Beta   issued 02-01 due 02-15    500.00   credit note CN 02-20
 *                                                 -100.00; P2 02-25 400.00
 *   B3  Alpha  issued 03-01 due 03-15  1,000.00   P3 03-20 600.00, reversed
 *                                                 by P4 04-02 -600.00
 *   B4  Alpha  void, issued 03-01        999.99   (never counts)
 *   B5  Beta   issued 03-01 due 04-15    300.00   P5 04-20 300.00
 * As of 2026-03-31, February to April:
 *   02: billed 1,400.00 (1,000 + 500 - 100), paid 1,400.00, receivable 0,
 *       collected 1,400.00, due 1,400.00, collected of it 1,400.00: 100 %
 *   03: billed 1,300.00, paid 600.00, receivable 700.00, collected 600.00,
 *       due 1,000.00 (B3), collected 600.00: 60 %
 *   04: nothing billed or collected yet; due 300.00 (B5), 0 collected: 0 %
 *   total: 2,700.00 billed, 2,000.00 paid, 700.00 receivable, 2,000.00
 *       collected; 2,000.00 of 2,700.00 due = 74.07 %
 * As of 2026-04-30 (the default): March's paid is 300.00 (B5; P3 reversed),
 * receivable 1,000.00, collected of due 0 %; April collected -300.00 (the
 * reversal -600.00 and P5 300.00), due 300.00 collected in full; total
 * paid 1,700.00, collected 1,700.00, rate 62.96 %.
 */

#include "config.h"

#include <string.h>

#include "plaza-billing-report.h"
#include "test-util.h"

typedef struct
{
  char       *dir;
  PlazaStore *store;
} Fixture;

static gboolean
insert_rows (PlazaStore *store,
             gpointer    user_data G_GNUC_UNUSED,
             GError    **error)
{
  return plaza_store_exec (store,
    "INSERT INTO tenants (id, code, name) VALUES (1, 'T1', 'Alpha'), (2, 'T2', 'Beta');"
    "INSERT INTO bills (id, code, tenant_id, month, kind, original_bill_id, state, issue_date, due_date, total)"
    " VALUES (1, 'B1', 1, '2026-01', 'regular', NULL, 'issued', '2026-02-01', '2026-02-15', 100000),"
    "  (2, 'B2', 2, '2026-01', 'regular', NULL, 'issued', '2026-02-01', '2026-02-15', 50000),"
    "  (3, 'B3', 1, '2026-02', 'regular', NULL, 'issued', '2026-03-01', '2026-03-15', 100000),"
    "  (4, 'CN', 2, '2026-01', 'credit_note', 2, 'issued', '2026-02-20', '2026-02-20', -10000),"
    "  (5, 'B4', 1, '2026-02', 'regular', NULL, 'void', '2026-03-01', '2026-03-15', 99999),"
    "  (6, 'B5', 2, '2026-02', 'regular', NULL, 'issued', '2026-03-01', '2026-04-15', 30000);"
    "INSERT INTO bill_lines (id, bill_id, kind, amount) VALUES (1, 1, 'rent', 100000), (2, 2, 'rent', 50000),"
    "  (3, 3, 'rent', 100000), (4, 4, 'adjustment', -10000), (5, 5, 'rent', 99999), (6, 6, 'fee', 30000);"
    "INSERT INTO payments (id, tenant_id, date, amount, reversal_of, at) VALUES"
    "  (1, 1, '2026-02-10', 100000, NULL, '2026-02-10'), (2, 2, '2026-02-25', 40000, NULL, '2026-02-25'),"
    "  (3, 1, '2026-03-20', 60000, NULL, '2026-03-20'), (4, 1, '2026-04-02', -60000, 3, '2026-04-02'),"
    "  (5, 2, '2026-04-20', 30000, NULL, '2026-04-20');"
    "INSERT INTO payment_allocations (payment_id, bill_line_id, amount) VALUES (1, 1, 100000), (2, 2, 40000),"
    "  (3, 3, 60000), (4, 3, -60000), (5, 6, 30000);",
    error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("plaza-billing-report-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  path = g_build_filename (f->dir, "bills.db", NULL);
  f->store = plaza_store_open (path, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (plaza_store_write (f->store, insert_rows, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data G_GNUC_UNUSED)
{
  g_clear_object (&f->store);
  plaza_test_remove_tree (f->dir);
  g_free (f->dir);
}

static void
assert_row (GArray     *rows,
            guint       i,
            const char *month,
            gint64      billed,
            gint64      paid,
            gint64      receivable,
            gint64      collected,
            gint64      due,
            gint64      due_collected,
            gint        rate_bp)
{
  const PlazaBillingReportRow *row = &g_array_index (rows, PlazaBillingReportRow, i);

  g_assert_cmpstr (row->month, ==, month);
  g_assert_cmpint (row->billed, ==, billed);
  g_assert_cmpint (row->paid, ==, paid);
  g_assert_cmpint (row->receivable, ==, receivable);
  g_assert_cmpint (row->collected, ==, collected);
  g_assert_cmpint (row->due, ==, due);
  g_assert_cmpint (row->due_collected, ==, due_collected);
  g_assert_cmpint (row->rate_bp, ==, rate_bp);
}

static void
test_report (Fixture       *f,
             gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (plaza_billing_report (f->store, "2026-02", "2026-04", "2026-03-31", &rows, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 4);
  assert_row (rows, 0, "2026-02", 140000, 140000, 0, 140000, 140000, 140000, 10000);
  assert_row (rows, 1, "2026-03", 130000, 60000, 70000, 60000, 100000, 60000, 6000);
  assert_row (rows, 2, "2026-04", 0, 0, 0, 0, 30000, 0, 0);
  assert_row (rows, 3, "total", 270000, 200000, 70000, 200000, 270000, 200000, 7407);
  g_clear_pointer (&rows, g_array_unref);

  g_assert_true (plaza_billing_report (f->store, "2026-02", "2026-04", NULL, &rows, &error));
  g_assert_no_error (error);
  assert_row (rows, 1, "2026-03", 130000, 30000, 100000, 60000, 100000, 0, 0);
  assert_row (rows, 2, "2026-04", 0, 0, 0, -30000, 30000, 30000, 10000);
  assert_row (rows, 3, "total", 270000, 170000, 100000, 170000, 270000, 170000, 6296);
  g_clear_pointer (&rows, g_array_unref);

  /* A month with nothing due has no rate. */
  g_assert_true (plaza_billing_report (f->store, "2026-05", "2026-05", NULL, &rows, &error));
  assert_row (rows, 0, "2026-05", 0, 0, 0, 0, 0, 0, -1);
  assert_row (rows, 1, "total", 0, 0, 0, 0, 0, 0, -1);
  g_clear_pointer (&rows, g_array_unref);

  g_assert_false (plaza_billing_report (f->store, "2026-13", "2026-04", NULL, &rows, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (plaza_billing_report (f->store, "2026-04", "2026-02", NULL, &rows, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (plaza_billing_report (f->store, "2026-02", "2026-04", "31.03.2026", &rows, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
}

static void
test_files (Fixture       *f,
            gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *csv_path = g_build_filename (f->dir, "r.csv", NULL);
  g_autofree char *xlsx_path = g_build_filename (f->dir, "r.xlsx", NULL);
  g_autofree char *bad_path = g_build_filename (f->dir, "r.pdf", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (plaza_billing_report (f->store, "2026-02", "2026-04", "2026-03-31", &rows, &error));
  csv = plaza_billing_report_csv (rows);
  g_assert_cmpstr (csv, ==,
                   "month,billed,paid,receivable,collected,due,due_collected,collection_rate\n"
                   "2026-02,1400.00,1400.00,0.00,1400.00,1400.00,1400.00,100.00\n"
                   "2026-03,1300.00,600.00,700.00,600.00,1000.00,600.00,60.00\n"
                   "2026-04,0.00,0.00,0.00,0.00,300.00,0.00,0.00\n"
                   "total,2700.00,2000.00,700.00,2000.00,2700.00,2000.00,74.07\n");

  g_assert_true (plaza_billing_report_write (rows, "2026-03-31", csv_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv_path, &contents, &length, &error));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF" "month,billed"));
  g_assert_cmpstr (contents + 3, ==, csv);
  g_clear_pointer (&contents, g_free);

  g_assert_true (plaza_billing_report_write (rows, "2026-03-31", xlsx_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (xlsx_path, &contents, &length, &error));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (memcmp (contents, "PK", 2) == 0);

  g_assert_false (plaza_billing_report_write (rows, NULL, bad_path, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_assert_false (g_file_test (bad_path, G_FILE_TEST_EXISTS));
}

static void
test_cli (Fixture       *f,
          gconstpointer  data G_GNUC_UNUSED)
{
  const char *db = plaza_store_get_path (f->store);
  g_autofree char *xlsx_path = g_build_filename (f->dir, "cli.xlsx", NULL);

  {
    g_autofree char *out = NULL, *err = NULL;
    const char *args[] = { "bills", "report", db, "--from", "2026-03", "--to", "2026-03", "--as-of", "2026-03-31", NULL };

    g_assert_cmpint (plaza_test_run_plazactl (args, &out, &err), ==, 0);
    g_assert_cmpstr (out, ==, "month,billed,paid,receivable,collected,due,due_collected,collection_rate\n"
                              "2026-03,1300.00,600.00,700.00,600.00,1000.00,600.00,60.00\n"
                              "total,1300.00,600.00,700.00,600.00,1000.00,600.00,60.00\n");
  }
  {
    g_autofree char *out = NULL, *err = NULL;
    g_autofree char *expected = g_strdup_printf ("Wrote %s\n", xlsx_path);
    const char *args[] = { "bills", "report", db, "--from", "2026-02", "--to", "2026-04", "--out", xlsx_path, NULL };

    g_assert_cmpint (plaza_test_run_plazactl (args, &out, &err), ==, 0);
    g_assert_cmpstr (out, ==, expected);
    g_assert_true (g_file_test (xlsx_path, G_FILE_TEST_IS_REGULAR));
  }
  {
    const char *bad[][9] = {
      { "bills", "report", db, "--from", "2026-02", NULL },
      { "bills", "report", db, "--from", "2026-02", "--to", "2026-00", NULL },
      { "bills", "report", db, "--from", "2026-02", "--to", "2026-03", "--out=x.txt", NULL },
      { "bills", "report", "--from", "2026-02", "--to", "2026-03", NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autofree char *out = NULL, *err = NULL;

        g_assert_cmpint (plaza_test_run_plazactl (bad[i], &out, &err), ==, 1);
        g_assert_true (g_str_has_prefix (err, "plazactl: "));
        g_assert_cmpint (strchr (err, '\n') - err, ==, (long) strlen (err) - 1);
      }
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/billing-report/by-month", Fixture, NULL, fixture_set_up, test_report, fixture_tear_down);
  g_test_add ("/billing-report/files", Fixture, NULL, fixture_set_up, test_files, fixture_tear_down);
  g_test_add ("/billing-report/cli", Fixture, NULL, fixture_set_up, test_cli, fixture_tear_down);
  return g_test_run ();
}
