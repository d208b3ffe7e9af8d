/* test-import-full.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the GUI import dialog uses: plaza_sales_preview() (encoding, column
 * mapping, first rows) and plaza_import_sales_full() (progress, cancel,
 * every error listed, all or nothing).
 */

#define G_LOG_DOMAIN "plaza-test"

#include "config.h"

#include <gio/gio.h>

#include "import-fixture.h"

static const char *gb_text = "日期,铺位号,销售额,笔数\r\n2026-04-01,A101,\"¥1,000.00\",5\r\n2026/4/2,B101,88.8,\r\n";

static char *
write_gb18030 (Fixture *f,
               gsize   *length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *gb = g_convert (gb_text, -1, "GB18030", "UTF-8", NULL, length, &error);

  g_assert_no_error (error);
  return write_tmp (f, "gbk.csv", gb, (gssize) *length);
}

/* @n_days days from 2020-01-01 for A101, A102 and B101 (3 × n rows). */
static char *
write_big (Fixture *f,
           guint    n_days)
{
  g_autoptr(GString) csv = g_string_new ("date,unit,amount,transactions\n");
  g_autoptr(GDate) date = g_date_new_dmy (1, G_DATE_JANUARY, 2020);

  for (guint i = 0; i < n_days; i++)
    {
      char iso[16];

      g_date_strftime (iso, sizeof iso, "%Y-%m-%d", date);
      g_string_append_printf (csv, "%s,A101,%u.25,3\n%s,A102,%u.50,4\n%s,B101,7.00,\n", iso, i, iso, i, iso);
      g_date_add_days (date, 1);
    }
  return write_tmp (f, "big.csv", csv->str, (gssize) csv->len);
}

static void
test_preview_gb18030 (Fixture       *f,
                      gconstpointer  data G_GNUC_UNUSED)
{
  gsize length = 0;
  g_autofree char *path = write_gb18030 (f, &length);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaSalesPreview) preview = plaza_sales_preview (path, 10, &error);
  char **row;

  g_assert_no_error (error);
  g_assert_cmpstr (preview->encoding, ==, "GB18030");
  g_assert_cmpuint (g_strv_length (preview->header), ==, 4);
  g_assert_cmpstr (preview->header[0], ==, "日期");
  g_assert_cmpstr (preview->header[2], ==, "销售额");
  g_assert_cmpint (preview->date_column, ==, 0);
  g_assert_cmpint (preview->unit_column, ==, 1);
  g_assert_cmpint (preview->amount_column, ==, 2);
  g_assert_cmpint (preview->transactions_column, ==, 3);
  g_assert_cmpuint (preview->rows->len, ==, 2);
  row = g_ptr_array_index (preview->rows, 0);
  g_assert_cmpstr (row[2], ==, "¥1,000.00");
  row = g_ptr_array_index (preview->rows, 1);
  g_assert_cmpstr (row[0], ==, "2026/4/2");
  g_assert_cmpstr (row[3], ==, "");
  g_assert_cmpuint (preview->size, ==, length);
}

static void
test_preview_bom (Fixture       *f,
                  gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *path = write_tmp (f, "bom.csv",
                                     "\xEF\xBB\xBF" "unit , Date,AMOUNT\r\nA101,2026-01-05,1.00\r\nA102,2026-01-05,2.00\r\n",
                                     -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaSalesPreview) preview = plaza_sales_preview (path, 1, &error);
  char **row;

  g_assert_no_error (error);
  g_assert_cmpstr (preview->encoding, ==, "UTF-8 (BOM)");
  g_assert_cmpstr (preview->header[0], ==, "unit");
  g_assert_cmpstr (preview->header[1], ==, "Date");
  g_assert_cmpint (preview->unit_column, ==, 0);
  g_assert_cmpint (preview->date_column, ==, 1);
  g_assert_cmpint (preview->amount_column, ==, 2);
  g_assert_cmpint (preview->transactions_column, ==, -1);
  g_assert_cmpuint (preview->rows->len, ==, 1);
  row = g_ptr_array_index (preview->rows, 0);
  g_assert_cmpstr (row[0], ==, "A101");
}

static void
test_preview_missing_column (Fixture       *f,
                             gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *path = write_tmp (f, "nounit.csv", "date,amount\n2026-01-05,1.00\n", -1);
  g_autofree char *prefix = g_strconcat (path, ":1: unit: ", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "nope.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaSalesPreview) preview = plaza_sales_preview (path, 5, &error);
  g_autoptr(PlazaSalesPreview) none = NULL;

  g_assert_null (preview);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_clear_error (&error);

  none = plaza_sales_preview (missing, 5, &error);
  g_assert_null (none);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, missing));
}

static void
test_preview_large_file (Fixture       *f,
                         gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *path = write_big (f, 3000);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaSalesPreview) preview = plaza_sales_preview (path, 20, &error);
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpuint (preview->size, ==, (guint64) st.st_size);
  g_assert_cmpuint (preview->size, >, 64 * 1024);
  g_assert_cmpuint (preview->rows->len, ==, 20);
  g_assert_cmpstr (preview->encoding, ==, "UTF-8");
}

typedef struct
{
  guint             calls;
  guint64           last_done;
  guint64           total;
  gboolean          monotonic;
  GCancellable     *cancellable;
  guint             cancel_percent;   /* cancel once done reaches this share */
} Progress;

static void
on_progress (guint64  done,
             guint64  total,
             gpointer user_data)
{
  Progress *p = user_data;

  if (done < p->last_done)
    p->monotonic = FALSE;
  p->calls++;
  p->last_done = done;
  p->total = total;
  if (p->cancellable != NULL && done * 100 >= total * p->cancel_percent)
    g_cancellable_cancel (p->cancellable);
}

static void
test_full_gb18030_and_bom (Fixture       *f,
                           gconstpointer  data G_GNUC_UNUSED)
{
  gsize length = 0;
  g_autofree char *gb = write_gb18030 (f, &length);
  g_autofree char *bom = write_tmp (f, "bom.csv", "\xEF\xBB\xBF" "unit,date,amount\r\nA102,2026-04-01,2.50\r\n", -1);
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  PlazaImportResult result = { 0, NULL };
  Progress p = { 0, 0, 0, TRUE, NULL, 0 };

  g_assert_true (plaza_import_sales_full (f->store, gb, on_progress, &p, NULL, errors, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (errors->len, ==, 0);
  g_assert_cmpuint (result.n_rows, ==, 2);
  g_assert_cmpstr (result.encoding, ==, "GB18030");
  g_assert_cmpuint (p.last_done, ==, length);
  g_assert_cmpuint (p.total, ==, length);
  g_assert_true (p.monotonic);
  g_assert_cmpint (count (f->store, "SELECT amount FROM sales_daily WHERE unit_id = 1 AND date = '2026-04-01'"), ==, 100000);
  g_assert_cmpint (count (f->store, "SELECT amount FROM sales_monthly WHERE unit_id = 3 AND month = '2026-04'"), ==, 8880);

  g_assert_true (plaza_import_sales_full (f->store, bom, NULL, NULL, NULL, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_rows, ==, 1);
  g_assert_cmpstr (result.encoding, ==, "UTF-8");
  g_assert_cmpint (count (f->store, "SELECT amount FROM sales_daily WHERE unit_id = 2 AND date = '2026-04-01'"), ==, 250);
  g_assert_cmpint (monthly_mismatches (f->store), ==, 0);
  g_assert_cmpint (count (f->store, "SELECT count (*) FROM change_log WHERE entity = 'sales'"), ==, 2);
}

static void
test_full_lists_every_error (Fixture       *f,
                             gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *good = data_path ("import-sales.csv");
  g_autofree char *path = write_tmp (f, "two-bad.csv",
                                     "date,unit,amount\n"
                                     "2026-01-05,A101,1.00\n"
                                     "2026-02-30,A101,1.00\n"       /* line 3: date */
                                     "2026-01-06,A101,2.00\n"
                                     "2026-01-07,Z999,1.00\n"       /* line 5: unit */
                                     "2026-01-08,A102,3.00\n", -1);
  g_autofree char *dup = write_tmp (f, "dup.csv",
                                    "date,unit,amount\n2026-01-05,A101,1.00\n2026-01-06,A101,2.00\n"
                                    "2026/1/5,A101,3.00\n2026-01-06,A101,x\n", -1);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *first = NULL;
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  PlazaImportResult result = { 77, NULL };

  g_assert_true (plaza_import_sales (f->store, good, NULL, NULL));
  before = snapshot (f->store);

  g_assert_false (plaza_import_sales_full (f->store, path, NULL, NULL, NULL, errors, &result, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_assert_cmpuint (errors->len, ==, 2);
  first = g_strconcat (path, ":3: date: ", NULL);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (errors, 0), first));
  g_assert_cmpstr (error->message, ==, g_ptr_array_index (errors, 0));
  g_free (first);
  first = g_strconcat (path, ":5: unit: ", NULL);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (errors, 1), first));
  g_assert_nonnull (strstr (g_ptr_array_index (errors, 1), "Z999"));
  g_assert_cmpuint (result.n_rows, ==, 77);
  after = snapshot (f->store);
  g_assert_cmpstr (after, ==, before);

  /* The same unit and day twice names both lines; the next bad line too. */
  g_clear_error (&error);
  g_ptr_array_set_size (errors, 0);
  g_assert_false (plaza_import_sales_full (f->store, dup, NULL, NULL, NULL, errors, NULL, &error));
  g_assert_cmpuint (errors->len, ==, 2);
  g_assert_nonnull (strstr (g_ptr_array_index (errors, 0), ":4: unit: "));
  g_assert_nonnull (strstr (g_ptr_array_index (errors, 0), "lines 2 and 4"));
  g_assert_nonnull (strstr (g_ptr_array_index (errors, 1), ":5: amount: "));
  g_free (after);
  after = snapshot (f->store);
  g_assert_cmpstr (after, ==, before);
}

static void
test_full_at_most_100_errors (Fixture       *f,
                              gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GString) csv = g_string_new ("date,unit,amount\n");
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 150; i++)
    g_string_append (csv, "2026-01-05,NOPE,1.00\n");
  path = write_tmp (f, "many.csv", csv->str, -1);

  g_assert_false (plaza_import_sales_full (f->store, path, NULL, NULL, NULL, errors, NULL, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_assert_cmpuint (errors->len, ==, 100);
  g_assert_nonnull (strstr (g_ptr_array_index (errors, 99), ":101: unit: "));
  g_assert_cmpint (count (f->store, "SELECT count (*) FROM sales_daily"), ==, 0);
}

static void
test_full_cancel_rolls_back (Fixture       *f,
                             gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *good = data_path ("import-sales.csv");
  g_autofree char *path = write_big (f, 2000);
  g_autofree char *before = NULL;
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  PlazaImportResult result = { 0, NULL };
  Progress p;

  g_assert_true (plaza_import_sales (f->store, good, NULL, NULL));
  before = snapshot (f->store);

  /* Cancelled while reading (20 %) and while writing (70 %): nothing changes. */
  for (guint percent = 20; percent <= 70; percent += 50)
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autofree char *after = NULL;

      p = (Progress) { 0, 0, 0, TRUE, cancellable, percent };
      g_assert_false (plaza_import_sales_full (f->store, path, on_progress, &p, cancellable, errors, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_clear_error (&error);
      g_assert_true (p.monotonic);
      g_assert_cmpuint (p.last_done, <, p.total);
      g_assert_cmpuint (p.last_done * 100, >=, p.total * percent);
      g_assert_cmpuint (errors->len, ==, 0);
      after = snapshot (f->store);
      g_assert_cmpstr (after, ==, before);
    }

  /* Without cancelling, the same file lands whole, with a call about
   * every 1 %. */
  p = (Progress) { 0, 0, 0, TRUE, NULL, 0 };
  g_assert_true (plaza_import_sales_full (f->store, path, on_progress, &p, NULL, errors, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (errors->len, ==, 0);
  g_assert_cmpuint (result.n_rows, ==, 6000);
  g_assert_cmpuint (p.calls, >=, 100);
  g_assert_cmpuint (p.calls, <=, 250);
  g_assert_true (p.monotonic);
  g_assert_cmpuint (p.last_done, ==, p.total);
  g_assert_cmpint (monthly_mismatches (f->store), ==, 0);
  /* 2020-01-01 + 2000 days runs to 2025-06-22: 66 months × 3 units. */
  g_assert_cmpint (count (f->store, "SELECT count (*) FROM sales_monthly WHERE month BETWEEN '2020-01' AND '2025-12'"), ==, 66 * 3);
  g_assert_cmpint (count (f->store, "SELECT amount FROM sales_daily WHERE unit_id = 2 AND date = '2025-06-22'"), ==, 199950);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/import/preview/gb18030", test_preview_gb18030);
  ADD ("/import/preview/bom-any-order", test_preview_bom);
  ADD ("/import/preview/missing-column", test_preview_missing_column);
  ADD ("/import/preview/large-file", test_preview_large_file);
  ADD ("/import/full/gb18030-and-bom", test_full_gb18030_and_bom);
  ADD ("/import/full/lists-every-error", test_full_lists_every_error);
  ADD ("/import/full/at-most-100-errors", test_full_at_most_100_errors);
  ADD ("/import/full/cancel-rolls-back", test_full_cancel_rolls_back);
#undef ADD

  return g_test_run ();
}
