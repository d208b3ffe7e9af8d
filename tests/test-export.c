/* test-export.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CSV export round trips and the plazactl import and export verbs.
 */

#define G_LOG_DOMAIN "plaza-test"

#include "config.h"

#include "import-fixture.h"

/* ---- export ---------------------------------------------------------- */

static char *
export_text (PlazaStore *store,
             gboolean    sales)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  char zero = '\0';

  if (sales)
    g_assert_true (plaza_export_sales (store, out, NULL, &error));
  else
    g_assert_true (plaza_export_units (store, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, &zero, 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static void
test_export_round_trip (Fixture       *f,
                        gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *units_path = data_path ("import-units.csv");
  g_autofree char *sales_path = data_path ("import-sales.csv");
  g_autofree char *units_want = NULL;
  g_autofree char *sales_want = NULL;
  g_autofree char *units_got = NULL;
  g_autofree char *sales_got = NULL;
  g_autofree char *again = NULL;
  g_autofree char *sales_again = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (units_path, &units_want, NULL, NULL));
  g_assert_true (g_file_get_contents (sales_path, &sales_want, NULL, NULL));

  g_assert_true (plaza_import_units (f->store, units_path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (plaza_import_sales (f->store, sales_path, NULL, &error));
  g_assert_no_error (error);

  units_got = export_text (f->store, FALSE);
  sales_got = export_text (f->store, TRUE);
  g_assert_cmpstr (units_got, ==, units_want);
  g_assert_cmpstr (sales_got, ==, sales_want);

  /* The Chinese file exports to the same canonical form. */
  g_clear_object (&f->store);
  plaza_test_remove_tree (f->dir);
  fixture_set_up (f, NULL);
  g_free (sales_path);
  sales_path = data_path ("import-sales-zh.csv");
  g_assert_true (plaza_import_sales (f->store, sales_path, NULL, &error));
  g_assert_no_error (error);
  again = export_text (f->store, TRUE);
  g_assert_cmpstr (again, ==, "date,unit,amount,transactions\n"
                              "2026-01-30,A101,1234.56,12\n"
                              "2026-01-30,A102,99.00,\n"
                              "2026-02-01,A101,2000.10,20\n");
  /* …and that export imports back to the same rows. */
  {
    g_autofree char *path = write_tmp (f, "again.csv", again, -1);
    g_autofree char *before = snapshot_data (f->store);
    g_autofree char *after = NULL;

    g_assert_true (plaza_import_sales (f->store, path, NULL, &error));
    g_assert_no_error (error);
    sales_again = export_text (f->store, TRUE);
    g_assert_cmpstr (sales_again, ==, again);
    after = snapshot_data (f->store);
    g_assert_cmpstr (after, ==, before);
    g_assert_cmpint (monthly_mismatches (f->store), ==, 0);
    g_assert_cmpint (count (f->store, "SELECT count (*) FROM change_log WHERE entity = 'sales'"), ==, 2);
  }
}

/* ---- plazactl -------------------------------------------------------- */

static guint
count_lines (const char *s)
{
  guint n = 0;

  for (; *s != '\0'; s++)
    n += *s == '\n';
  return n;
}

static void
test_cli (Fixture       *f,
          gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *good = data_path ("import-sales.csv");
  g_autofree char *bad = write_tmp (f, "bad.csv", "date,unit,amount\n2026-01-05,A101,1.00\n2026-01-06,A101,x\n", -1);
  g_autofree char *not_db = write_tmp (f, "notes.txt", "hello, I am not a database\n", -1);
  g_autofree char *missing = g_build_filename (f->dir, "missing.csv", NULL);
  g_autofree char *prefix = g_strconcat ("plazactl: ", bad, ":3: amount: ", NULL);
  int status = -1;

  g_clear_object (&f->store);

  {
    g_autofree char *out = NULL, *err = NULL;
    const char *args[] = { "import", "sales", f->path, bad, NULL };

    status = plaza_test_run_plazactl (args, &out, &err);
    g_assert_cmpint (status, ==, 1);
    g_assert_cmpstr (out, ==, "");
    g_assert_true (g_str_has_prefix (err, prefix));
    g_assert_cmpuint (count_lines (err), ==, 1);
  }
  {
    g_autofree char *out = NULL, *err = NULL;
    const char *args[] = { "import", "sales", f->path, good, NULL };

    status = plaza_test_run_plazactl (args, &out, &err);
    g_assert_cmpstr (err, ==, "");
    g_assert_cmpint (status, ==, 0);
    g_assert_cmpstr (out, ==, "Imported 5 rows (UTF-8)\n");
  }
  {
    g_autofree char *out = NULL, *err = NULL;
    g_autofree char *want = NULL;
    const char *args[] = { "export", "sales", f->path, NULL };

    status = plaza_test_run_plazactl (args, &out, &err);
    g_assert_cmpint (status, ==, 0);
    g_assert_true (g_str_has_prefix (out, "date,unit,amount,transactions\n"));
    g_assert_true (g_file_get_contents (good, &want, NULL, NULL));
    g_assert_cmpstr (out, ==, want);
  }
  {
    g_autofree char *out = NULL, *err = NULL;
    const char *args[] = { "export", "units", f->path, NULL };

    status = plaza_test_run_plazactl (args, &out, &err);
    g_assert_cmpint (status, ==, 0);
    g_assert_cmpstr (out, ==, "code,floor,area,category\nA101,1F,125.50,\nA102,1F,80.00,\nB101,B1,300.25,\n");
  }

  {
    g_autofree char *out = NULL, *err = NULL;
    g_autofree char *units = data_path ("import-units.csv");
    const char *args[] = { "import", "units", f->path, units, NULL };

    status = plaza_test_run_plazactl (args, &out, &err);
    g_assert_cmpstr (err, ==, "");
    g_assert_cmpint (status, ==, 0);
    g_assert_cmpstr (out, ==, "Imported 4 rows (UTF-8)\n");
  }
  {
    g_autofree char *out = NULL, *err = NULL;
    g_autofree char *gb = NULL;
    g_autofree char *gb_path = NULL;
    gsize gb_len = 0;
    const char *args[] = { "import", "sales", f->path, NULL, NULL };

    gb = g_convert ("日期,铺位号,销售额\n2026/6/1,C201,\"¥1,000\"\n", -1, "GB18030", "UTF-8", NULL, &gb_len, NULL);
    g_assert_nonnull (gb);
    gb_path = write_tmp (f, "gbk.csv", gb, (gssize) gb_len);
    args[3] = gb_path;
    status = plaza_test_run_plazactl (args, &out, &err);
    g_assert_cmpstr (err, ==, "");
    g_assert_cmpint (status, ==, 0);
    g_assert_cmpstr (out, ==, "Imported 1 row (GB18030)\n");
  }

  /* Each failure: status 1 and exactly one line on stderr. */
  {
    const char *cases[][5] = {
      { "import", "sales", f->path, missing, NULL },
      { "import", "sales", not_db, good, NULL },
      { "import", "tenants", f->path, good, NULL },
      { "import", "sales", f->path, NULL, NULL },
      { "export", "sales", not_db, NULL, NULL },
      { "export", "bills", f->path, NULL, NULL },
      { "export", NULL, NULL, NULL, NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree char *out = NULL, *err = NULL;

        status = plaza_test_run_plazactl (cases[i], &out, &err);
        g_test_message ("case %u: %s", i, err);
        g_assert_cmpint (status, ==, 1);
        g_assert_cmpstr (out, ==, "");
        g_assert_true (g_str_has_prefix (err, "plazactl: "));
        g_assert_cmpuint (count_lines (err), ==, 1);
      }
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/export/round-trip", test_export_round_trip);
  ADD ("/cli/import-export", test_cli);
#undef ADD

  return g_test_run ();
}
