/* test-import.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CSV reader and writer, units and sales import: encodings, headers, all or
 * nothing, error positions, the monthly aggregate.
 */

#define G_LOG_DOMAIN "plaza-test"

#include "config.h"

#include "import-fixture.h"

/* ---- reader and writer ---------------------------------------------- */

static void
test_csv_quoting (void)
{
  const char *data = "\xEF\xBB\xBF" "a,\"b,c\",\"say \"\"hi\"\"\"\r\n"
                     "\"two\r\nlines\",,x\r\n"
                     "last,\"\",\"\"\"\"";
  g_autoptr(PlazaCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  char **fields = NULL;
  guint line = 0, column = 0;

  reader = plaza_csv_reader_new (data, strlen (data), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plaza_csv_reader_get_encoding (reader), ==, "UTF-8");
  g_assert_true (plaza_csv_reader_had_bom (reader));

  g_assert_true (plaza_csv_reader_next (reader, &fields, &line, &column, &error));
  g_assert_cmpuint (line, ==, 1);
  g_assert_cmpuint (g_strv_length (fields), ==, 3);
  g_assert_cmpstr (fields[0], ==, "a");
  g_assert_cmpstr (fields[1], ==, "b,c");
  g_assert_cmpstr (fields[2], ==, "say \"hi\"");

  g_assert_true (plaza_csv_reader_next (reader, &fields, &line, &column, &error));
  g_assert_cmpuint (line, ==, 2);
  g_assert_cmpuint (g_strv_length (fields), ==, 3);
  g_assert_cmpstr (fields[0], ==, "two\nlines");
  g_assert_cmpstr (fields[1], ==, "");
  g_assert_cmpstr (fields[2], ==, "x");

  g_assert_true (plaza_csv_reader_next (reader, &fields, &line, &column, &error));
  g_assert_cmpuint (line, ==, 4);
  g_assert_cmpstr (fields[0], ==, "last");
  g_assert_cmpstr (fields[1], ==, "");
  g_assert_cmpstr (fields[2], ==, "\"");

  g_assert_false (plaza_csv_reader_next (reader, &fields, &line, &column, &error));
  g_assert_no_error (error);
}

static void
test_csv_syntax_errors (void)
{
  const char *unclosed = "a,b\nc,\"open\nnever closed\n";
  const char *after = "a,b\n\"x\"y,z\n";
  g_autoptr(PlazaCsvReader) r1 = plaza_csv_reader_new (unclosed, strlen (unclosed), NULL);
  g_autoptr(PlazaCsvReader) r2 = plaza_csv_reader_new (after, strlen (after), NULL);
  g_autoptr(GError) error = NULL;
  char **fields = NULL;
  guint line = 0, column = 0;

  g_assert_true (plaza_csv_reader_next (r1, &fields, &line, &column, NULL));
  g_assert_false (plaza_csv_reader_next (r1, &fields, &line, &column, &error));
  g_assert_error (error, PLAZA_CSV_ERROR, PLAZA_CSV_ERROR_SYNTAX);
  g_assert_cmpuint (line, ==, 2);
  g_assert_cmpuint (column, ==, 1);
  g_clear_error (&error);

  g_assert_true (plaza_csv_reader_next (r2, &fields, &line, &column, NULL));
  g_assert_false (plaza_csv_reader_next (r2, &fields, &line, &column, &error));
  g_assert_error (error, PLAZA_CSV_ERROR, PLAZA_CSV_ERROR_SYNTAX);
  g_assert_cmpuint (line, ==, 2);
  g_assert_cmpuint (column, ==, 0);
}

static void
test_csv_encodings (void)
{
  const char *utf8 = "铺位号,销售额\n一楼,¥12\n";
  g_autofree char *gb = NULL;
  g_autoptr(PlazaCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  const char bad[] = { 'a', '\0', 'b' };
  gsize gb_len = 0;
  char **fields = NULL;
  guint line = 0;

  gb = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, &gb_len, &error);
  g_assert_no_error (error);
  g_assert_false (g_utf8_validate (gb, gb_len, NULL));

  reader = plaza_csv_reader_new (gb, gb_len, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plaza_csv_reader_get_encoding (reader), ==, "GB18030");
  g_assert_false (plaza_csv_reader_had_bom (reader));
  g_assert_true (plaza_csv_reader_next (reader, &fields, &line, NULL, NULL));
  g_assert_cmpstr (fields[0], ==, "铺位号");
  g_assert_true (plaza_csv_reader_next (reader, &fields, &line, NULL, NULL));
  g_assert_cmpuint (line, ==, 2);
  g_assert_cmpstr (fields[0], ==, "一楼");
  g_assert_cmpstr (fields[1], ==, "¥12");

  g_assert_null (plaza_csv_reader_new (bad, sizeof bad, &error));
  g_assert_error (error, PLAZA_CSV_ERROR, PLAZA_CSV_ERROR_ENCODING);
}

static void
test_csv_writer (void)
{
  const char *row[] = { "plain", "a,b", "say \"hi\"", "two\nlines", " pad", NULL, "铺位" };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(PlazaCsvReader) reader = NULL;
  char **fields = NULL;

  plaza_csv_append_row (out, row, G_N_ELEMENTS (row));
  g_assert_cmpstr (out->str, ==, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" pad\",,铺位\n");

  reader = plaza_csv_reader_new (out->str, out->len, NULL);
  g_assert_true (plaza_csv_reader_next (reader, &fields, NULL, NULL, NULL));
  g_assert_cmpuint (g_strv_length (fields), ==, G_N_ELEMENTS (row));
  for (guint i = 0; i < G_N_ELEMENTS (row); i++)
    g_assert_cmpstr (fields[i], ==, row[i] != NULL ? row[i] : "");
}

/* ---- sales import ---------------------------------------------------- */

static void
test_sales_utf8 (Fixture       *f,
                 gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *path = data_path ("import-sales.csv");
  g_autofree char *summary = NULL;
  g_autoptr(GError) error = NULL;
  PlazaImportResult result = { 0, NULL };

  g_assert_true (plaza_import_sales (f->store, path, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_rows, ==, 5);
  g_assert_cmpstr (result.encoding, ==, "UTF-8");

  g_assert_cmpint (count (f->store, "SELECT count (*) FROM sales_daily WHERE source = 'pos'"), ==, 5);
  g_assert_cmpint (count (f->store, "SELECT amount FROM sales_daily WHERE unit_id = 1 AND date = '2026-01-30'"), ==, 123456);
  g_assert_cmpint (count (f->store, "SELECT transactions IS NULL FROM sales_daily WHERE unit_id = 2"), ==, 1);
  g_assert_cmpint (count (f->store, "SELECT count (*) FROM sales_monthly"), ==, 4);
  g_assert_cmpint (count (f->store, "SELECT amount FROM sales_monthly WHERE unit_id = 1 AND month = '2026-01'"), ==, 123456);
  g_assert_cmpint (count (f->store, "SELECT days FROM sales_monthly WHERE unit_id = 1 AND month = '2026-01'"), ==, 2);
  g_assert_cmpint (monthly_mismatches (f->store), ==, 0);

  g_assert_cmpint (count (f->store, "SELECT count (*) FROM change_log WHERE entity = 'sales' AND action = 'import'"), ==, 1);
  summary = text (f->store, "SELECT summary FROM change_log WHERE entity = 'sales'");
  g_assert_cmpstr (summary, ==, "5 rows from import-sales.csv");
}

static void
test_sales_bom_crlf (Fixture       *f,
                     gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *path = data_path ("import-sales-bom-crlf.csv");
  g_autofree char *raw = NULL;
  g_autoptr(GError) error = NULL;
  PlazaImportResult result = { 0, NULL };

  /* The fixture really has a BOM and CRLF line ends. */
  g_assert_true (g_file_get_contents (path, &raw, NULL, NULL));
  g_assert_true (g_str_has_prefix (raw, "\xEF\xBB\xBF" "date,"));
  g_assert_nonnull (strstr (raw, "\r\n"));

  g_assert_true (plaza_import_sales (f->store, path, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_rows, ==, 3);
  g_assert_cmpstr (result.encoding, ==, "UTF-8");
  g_assert_cmpint (count (f->store, "SELECT amount FROM sales_daily WHERE unit_id = 1 AND date = '2026-03-02'"), ==, 100000);
  g_assert_cmpint (count (f->store, "SELECT amount FROM sales_daily WHERE unit_id = 3 AND date = '2026-03-02'"), ==, 750);
  g_assert_cmpint (count (f->store, "SELECT transactions FROM sales_monthly WHERE unit_id = 1 AND month = '2026-03'"), ==, 4);
  g_assert_cmpint (monthly_mismatches (f->store), ==, 0);
}

static void
test_sales_chinese (Fixture       *f,
                    gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *path = data_path ("import-sales-zh.csv");
  g_autoptr(GError) error = NULL;
  PlazaImportResult result = { 0, NULL };

  /* Chinese headers in another order, quoted "1,234.56", ¥, YYYY/M/D and
   * a trailing ",,," row that Excel leaves. */
  g_assert_true (plaza_import_sales (f->store, path, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_rows, ==, 3);
  g_assert_cmpint (count (f->store, "SELECT amount FROM sales_daily WHERE unit_id = 1 AND date = '2026-01-30'"), ==, 123456);
  g_assert_cmpint (count (f->store, "SELECT amount FROM sales_daily WHERE unit_id = 2 AND date = '2026-01-30'"), ==, 9900);
  g_assert_cmpint (count (f->store, "SELECT transactions FROM sales_daily WHERE unit_id = 1 AND date = '2026-02-01'"), ==, 20);
  g_assert_cmpint (monthly_mismatches (f->store), ==, 0);
}

static void
test_sales_gb18030 (Fixture       *f,
                    gconstpointer  data G_GNUC_UNUSED)
{
  const char *utf8 = "日期,铺位号,销售额,笔数\r\n2026-04-01,A101,\"¥1,000.00\",5\r\n2026/4/2,B101,88.8,\r\n";
  g_autofree char *gb = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  PlazaImportResult result = { 0, NULL };
  gsize gb_len = 0;

  gb = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, &gb_len, &error);
  g_assert_no_error (error);
  path = write_tmp (f, "gbk.csv", gb, (gssize) gb_len);

  g_assert_true (plaza_import_sales (f->store, path, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_rows, ==, 2);
  g_assert_cmpstr (result.encoding, ==, "GB18030");
  g_assert_cmpint (count (f->store, "SELECT amount FROM sales_daily WHERE unit_id = 1 AND date = '2026-04-01'"), ==, 100000);
  g_assert_cmpint (count (f->store, "SELECT amount FROM sales_daily WHERE unit_id = 3 AND date = '2026-04-02'"), ==, 8880);
}

typedef struct
{
  const char *name;
  const char *contents;
  const char *where;    /* expected ":LINE: field:" after the path */
} BadCase;

static const BadCase bad_sales[] = {
  { "bad-date", "date,unit,amount\n2026-01-05,A101,1.00\n2026-02-30,A101,1.00\n", ":3: date: " },
  { "bad-date-format", "date,unit,amount\n05.01.2026,A101,1.00\n", ":2: date: " },
  { "bad-amount", "date,unit,amount\n2026-01-05,A101,1.00\n2026-01-06,A101,12.345\n", ":3: amount: " },
  { "text-amount", "date,unit,amount\n2026-01-05,A101,abc\n", ":2: amount: " },
  { "negative", "date,unit,amount\n2026-01-05,A101,1.00\n2026-01-06,A102,-5.00\n", ":3: amount: " },
  { "unknown-unit", "date,unit,amount\n2026-01-05,A101,1.00\n2026-01-05,Z999,1.00\n", ":3: unit: " },
  { "wrong-header", "date,shop,amount\n2026-01-05,A101,1.00\n", ":1: shop: " },
  { "missing-column", "date,amount\n2026-01-05,1.00\n", ":1: unit: " },
  { "duplicate", "date,unit,amount\n2026-01-05,A101,1.00\n2026-01-06,A101,2.00\n2026/1/5,A101,3.00\n", ":4: unit: " },
  { "empty", "", ":1: header: " },
  { "header-only", "date,unit,amount\n", ":2: file: " },
  { "short-row", "date,unit,amount\n2026-01-05,A101\n", ":2: amount: " },
  { "long-row", "date,unit,amount\n2026-01-05,A101,1.00,7\n", ":2: column 4: " },
  { "bad-count", "日期,铺位号,销售额,笔数\n2026-01-05,A101,1.00,1.5\n", ":2: 笔数: " },
  { "zh-unit", "日期,铺位号,销售额\n2026-01-05,X1,1.00\n", ":2: 铺位号: " },
  { "open-quote", "date,unit,amount\n2026-01-05,\"A101,1.00\n2026-01-06,A101,1.00\n", ":2: unit: " },
  { "line-after-quoted-newline", "date,unit,amount\n2026-01-05,A101,\"1.00\n\"\n2026-01-06,A101,x\n", ":4: amount: " },
};

static void
test_sales_bad (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *good = data_path ("import-sales.csv");
  g_autofree char *before = NULL;

  /* Existing rows that the bad files' good first rows would overwrite. */
  g_assert_true (plaza_import_sales (f->store, good, NULL, NULL));
  before = snapshot (f->store);

  for (guint i = 0; i < G_N_ELEMENTS (bad_sales); i++)
    {
      const BadCase *c = &bad_sales[i];
      g_autofree char *name = g_strconcat (c->name, ".csv", NULL);
      g_autofree char *path = write_tmp (f, name, c->contents, -1);
      g_autofree char *prefix = g_strconcat (path, c->where, NULL);
      g_autofree char *after = NULL;
      g_autoptr(GError) error = NULL;
      PlazaImportResult result = { 77, NULL };

      g_test_message ("case %s", c->name);
      g_assert_false (plaza_import_sales (f->store, path, &result, &error));
      g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
      if (!g_str_has_prefix (error->message, prefix))
        g_error ("case %s: “%s” does not start with “%s”", c->name, error->message, prefix);
      g_test_message ("%s", error->message);
      g_assert_null (strchr (error->message, '\n'));
      g_assert_cmpuint (result.n_rows, ==, 77);

      after = snapshot (f->store);
      g_assert_cmpstr (after, ==, before);
    }
}

static void
test_sales_duplicate_names_both_lines (Fixture       *f,
                                       gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *path = write_tmp (f, "dup.csv", bad_sales[8].contents, -1);
  g_autoptr(GError) error = NULL;

  g_assert_false (plaza_import_sales (f->store, path, NULL, &error));
  g_assert_nonnull (strstr (error->message, "lines 2 and 4"));
}

static void
test_sales_missing_file (Fixture       *f,
                         gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *path = g_build_filename (f->dir, "nope.csv", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (plaza_import_sales (f->store, path, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "nope.csv"));
}

static void
test_sales_monthly_incremental (Fixture       *f,
                                gconstpointer  data G_GNUC_UNUSED)
{
  const char *second = "date,unit,amount,transactions\n"
                       "2026-02-01,A101,500.00,5\n"      /* replaces 2000.10 */
                       "2026-02-15,A101,100.00,1\n"      /* new day, same month */
                       "2026-03-01,A102,1.00,\n"         /* new month */
                       "2026-05-02,B101,3.00,1\n";       /* replaces the month's estimate */
  g_autofree char *first = data_path ("import-sales.csv");
  g_autofree char *path = write_tmp (f, "second.csv", second, -1);
  g_autoptr(GError) error = NULL;

  g_assert_true (plaza_import_sales (f->store, first, NULL, &error));
  g_assert_no_error (error);

  write_sql (f->store,
             "INSERT INTO sales_daily (unit_id, date, amount, transactions, source) "
             "VALUES (3, '2026-05-01', 400, NULL, 'estimated');"
             "INSERT INTO sales_monthly VALUES (3, '2026-05', 400, 0, 1, 1);"
             /* A marker in a pair the second file does not touch. */
             "UPDATE sales_monthly SET amount = 999 WHERE unit_id = 2 AND month = '2026-01';");

  g_assert_true (plaza_import_sales (f->store, path, NULL, &error));
  g_assert_no_error (error);

  /* The estimated 2026-05-01 of B101 is gone: a real figure arrived for its month. */
  g_assert_cmpint (count (f->store, "SELECT count (*) FROM sales_daily"), ==, 8);
  g_assert_cmpint (count (f->store, "SELECT count (*) FROM sales_daily WHERE source = 'estimated'"), ==, 0);
  g_assert_cmpint (count (f->store, "SELECT amount FROM sales_monthly WHERE unit_id = 1 AND month = '2026-02'"), ==, 60000);
  g_assert_cmpint (count (f->store, "SELECT days FROM sales_monthly WHERE unit_id = 1 AND month = '2026-02'"), ==, 2);
  g_assert_cmpint (count (f->store, "SELECT transactions FROM sales_monthly WHERE unit_id = 1 AND month = '2026-02'"), ==, 6);
  g_assert_cmpint (count (f->store, "SELECT amount FROM sales_monthly WHERE unit_id = 2 AND month = '2026-03'"), ==, 100);
  g_assert_cmpint (count (f->store, "SELECT amount FROM sales_monthly WHERE unit_id = 3 AND month = '2026-05'"), ==, 300);
  g_assert_cmpint (count (f->store, "SELECT days FROM sales_monthly WHERE unit_id = 3 AND month = '2026-05'"), ==, 1);
  g_assert_cmpint (count (f->store, "SELECT estimated_days FROM sales_monthly WHERE unit_id = 3 AND month = '2026-05'"), ==, 0);
  /* Untouched pairs are left as they were. */
  g_assert_cmpint (count (f->store, "SELECT amount FROM sales_monthly WHERE unit_id = 2 AND month = '2026-01'"), ==, 999);
  g_assert_cmpint (count (f->store, "SELECT amount FROM sales_monthly WHERE unit_id = 1 AND month = '2026-01'"), ==, 123456);

  /* The day the estimate had is now a real one beside it. */
  g_free (path);
  path = write_tmp (f, "trueup.csv", "date,unit,amount\n2026-05-01,B101,5.00\n", -1);
  g_assert_true (plaza_import_sales (f->store, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->store, "SELECT estimated_days FROM sales_monthly WHERE unit_id = 3 AND month = '2026-05'"), ==, 0);
  g_assert_cmpint (count (f->store, "SELECT amount FROM sales_monthly WHERE unit_id = 3 AND month = '2026-05'"), ==, 800);

  write_sql (f->store, "UPDATE sales_monthly SET amount = 9900 WHERE unit_id = 2 AND month = '2026-01';");
  g_assert_cmpint (monthly_mismatches (f->store), ==, 0);
  g_assert_cmpint (count (f->store, "SELECT count (*) FROM change_log WHERE entity = 'sales'"), ==, 3);
}

typedef struct
{
  const char *db;
  char       *csv;
  gboolean    ok;
  char       *message;
} Racer;

static gpointer
race_import (gpointer data)
{
  Racer *r = data;
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = plaza_store_open (r->db, PLAZA_STORE_OPEN_DEFAULT, &error);
  if (store != NULL)
    r->ok = plaza_import_sales (store, r->csv, NULL, &error);
  if (error != NULL)
    r->message = g_strdup (error->message);
  return NULL;
}

static void
test_sales_concurrent (Fixture       *f,
                       gconstpointer  data G_GNUC_UNUSED)
{
  Racer racers[4] = { { 0, }, };
  GThread *threads[G_N_ELEMENTS (racers)];

  /* Four imports at once on four connections, each a month of days for
   * one unit plus a shared day for A101: all land, none half. */
  for (guint i = 0; i < G_N_ELEMENTS (racers); i++)
    {
      g_autoptr(GString) csv = g_string_new ("date,unit,amount,transactions\n");
      g_autofree char *name = g_strdup_printf ("race-%u.csv", i);

      for (guint day = 1; day <= 28; day++)
        g_string_append_printf (csv, "2026-%02u-%02u,%s,%u.00,%u\n", i + 1, day,
                                i % 2 == 0 ? "A102" : "B101", day, i);
      g_string_append_printf (csv, "2026-12-%02u,A101,1.00,1\n", i + 1);
      racers[i].db = f->path;
      racers[i].csv = write_tmp (f, name, csv->str, -1);
    }

  for (guint i = 0; i < G_N_ELEMENTS (racers); i++)
    threads[i] = g_thread_new ("import", race_import, &racers[i]);
  for (guint i = 0; i < G_N_ELEMENTS (racers); i++)
    {
      g_thread_join (threads[i]);
      g_assert_cmpstr (racers[i].message, ==, NULL);
      g_assert_true (racers[i].ok);
      g_free (racers[i].csv);
    }

  g_assert_cmpint (count (f->store, "SELECT count (*) FROM sales_daily"), ==, 4 * 29);
  g_assert_cmpint (count (f->store, "SELECT count (*) FROM sales_monthly"), ==, 5);
  g_assert_cmpint (count (f->store, "SELECT days FROM sales_monthly WHERE unit_id = 1 AND month = '2026-12'"), ==, 4);
  g_assert_cmpint (count (f->store, "SELECT count (*) FROM change_log WHERE entity = 'sales'"), ==, 4);
  g_assert_cmpint (monthly_mismatches (f->store), ==, 0);
}

/* ---- units import ---------------------------------------------------- */

static void
test_units_import (Fixture       *f,
                   gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *path = data_path ("import-units.csv");
  g_autofree char *summary = NULL;
  g_autoptr(GError) error = NULL;
  PlazaImportResult result = { 0, NULL };

  write_sql (f->store, "UPDATE units SET planned_category_id = NULL WHERE id = 2;"
                       "INSERT INTO categories (id, name) VALUES (7, 'Kids');");

  g_assert_true (plaza_import_units (f->store, path, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_rows, ==, 4);

  /* New unit on a new floor (level from the label), existing category. */
  g_assert_cmpint (count (f->store, "SELECT count (*) FROM units"), ==, 4);
  g_assert_cmpint (count (f->store, "SELECT f.level FROM units u JOIN floors f ON f.id = u.floor_id WHERE u.code = 'C201'"), ==, 2);
  g_assert_cmpint (count (f->store, "SELECT f.project_id FROM floors f WHERE label = '2F'"), ==, 1);
  g_assert_cmpint (count (f->store, "SELECT planned_category_id FROM units WHERE code = 'C201'"), ==, 7);
  g_assert_cmpint (count (f->store, "SELECT gross_area FROM units WHERE code = 'C201'"), ==, 4500);
  g_assert_cmpint (count (f->store, "SELECT rentable_area FROM units WHERE code = 'C201'"), ==, 4500);
  /* Categories created by name. */
  g_assert_cmpint (count (f->store, "SELECT count (*) FROM categories"), ==, 3);
  g_assert_cmpint (count (f->store, "SELECT count (*) FROM units u JOIN categories c ON c.id = u.planned_category_id "
                                    "WHERE u.code = 'B101' AND c.name = 'Food, Beverage'"), ==, 1);
  /* Unchanged units keep their rev. */
  g_assert_cmpint (count (f->store, "SELECT rev FROM units WHERE code = 'A102'"), ==, 1);
  g_assert_cmpint (count (f->store, "SELECT rev FROM units WHERE code = 'A101'"), ==, 2);

  summary = text (f->store, "SELECT summary FROM change_log WHERE entity = 'units' AND action = 'import'");
  g_assert_cmpstr (summary, ==, "4 rows from import-units.csv");

  /* An update: area, gross area, floor; empty category keeps the old one. */
  g_free (path);
  path = write_tmp (f, "zh.csv",
                    "铺位号,楼层,计租面积,建筑面积,品类\n"
                    "C201,b1,50.5,60,\n"
                    "D301,L3,10,,\n", -1);
  g_assert_true (plaza_import_units (f->store, path, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f->store, "SELECT rentable_area FROM units WHERE code = 'C201'"), ==, 5050);
  g_assert_cmpint (count (f->store, "SELECT gross_area FROM units WHERE code = 'C201'"), ==, 6000);
  g_assert_cmpint (count (f->store, "SELECT floor_id FROM units WHERE code = 'C201'"), ==, 2);
  g_assert_cmpint (count (f->store, "SELECT planned_category_id FROM units WHERE code = 'C201'"), ==, 7);
  g_assert_cmpint (count (f->store, "SELECT count (*) FROM unit_history h JOIN units u ON u.id = h.unit_id "
                                    "WHERE u.code = 'C201' AND h.kind = 'resize'"), ==, 1);
  g_assert_cmpint (count (f->store, "SELECT f.level FROM units u JOIN floors f ON f.id = u.floor_id WHERE u.code = 'D301'"), ==, 3);
  g_assert_cmpint (count (f->store, "SELECT count (*) FROM floors"), ==, 4);
}

static const BadCase bad_units[] = {
  { "zero-area", "code,floor,area\nA101,1F,10\nX1,1F,0\n", ":3: area: " },
  { "bad-area", "code,floor,area\nX1,1F,12.345\n", ":2: area: " },
  { "bad-gross", "code,floor,area,gross_area\nX1,1F,12,-3\n", ":2: gross_area: " },
  { "no-floor", "code,floor,area\nX1,,12\n", ":2: floor: " },
  { "dup-code", "code,floor,area\nX1,2F,12\nX2,2F,12\nX1,2F,13\n", ":4: code: " },
  { "wrong-header", "code,level,area\nX1,1F,12\n", ":1: level: " },
  { "missing-area", "铺位号,楼层\nX1,1F\n", ":1: area: " },
  { "multiline-then-bad", "code,floor,area,category\nX1,9F,12,\"two\nlines\"\nX2,9F,oops,\n", ":4: area: " },
  { "empty", "\n\n", ":1: header: " },
};

static void
test_units_bad (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *before = snapshot (f->store);

  for (guint i = 0; i < G_N_ELEMENTS (bad_units); i++)
    {
      const BadCase *c = &bad_units[i];
      g_autofree char *name = g_strconcat ("units-", c->name, ".csv", NULL);
      g_autofree char *path = write_tmp (f, name, c->contents, -1);
      g_autofree char *prefix = g_strconcat (path, c->where, NULL);
      g_autofree char *after = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("case %s", c->name);
      g_assert_false (plaza_import_units (f->store, path, NULL, &error));
      g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
      if (!g_str_has_prefix (error->message, prefix))
        g_error ("case %s: “%s” does not start with “%s”", c->name, error->message, prefix);
      g_test_message ("%s", error->message);
      after = snapshot (f->store);
      g_assert_cmpstr (after, ==, before);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/reader/quoting", test_csv_quoting);
  g_test_add_func ("/csv/reader/syntax-errors", test_csv_syntax_errors);
  g_test_add_func ("/csv/reader/encodings", test_csv_encodings);
  g_test_add_func ("/csv/writer", test_csv_writer);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/import/sales/utf8", test_sales_utf8);
  ADD ("/import/sales/bom-crlf", test_sales_bom_crlf);
  ADD ("/import/sales/chinese-headers", test_sales_chinese);
  ADD ("/import/sales/gb18030", test_sales_gb18030);
  ADD ("/import/sales/bad-changes-nothing", test_sales_bad);
  ADD ("/import/sales/duplicate-names-both-lines", test_sales_duplicate_names_both_lines);
  ADD ("/import/sales/missing-file", test_sales_missing_file);
  ADD ("/import/sales/monthly-incremental", test_sales_monthly_incremental);
  ADD ("/import/sales/concurrent", test_sales_concurrent);
  ADD ("/import/units/create-and-update", test_units_import);
  ADD ("/import/units/bad-changes-nothing", test_units_bad);
#undef ADD

  return g_test_run ();
}
