/* test-report.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The monthly performance report: its figures on a hand-made mall, the PDF
 * of a small demo month, bad months and paths, and plazactl report.
 *
 * The hand-made mall (the one of test-kpi.c): floors 1F and 2F; A101
 * (100 m², 1F), A102 (50 m², 1F), B201 (200 m², 2F). C1 (Alpha, Fashion)
 * leases A101 + A102 from 2025-01-01; C2 (Beta, Food) leases B201 from
 * 2025-06-01, terminated on 2026-03-15. Sales (yuan):
 *   A101  2025-02 1000, 2026-01 3000, 2026-02 4000, 2026-03 5000
 *   A102  2026-02 1000, 2026-03 1500
 *   B201  2025-03 2000, 2026-02 6000, 2026-03 3000
 * Bills of 2026-03: C1 rent 300.01 + percentage rent 100.00 (issued).
 * Targets 2026: the year 120,000.00, each of January … March 10,000.00.
 * The report is of 2026-03.
 */

#include "config.h"

#include <string.h>

#include "plaza-date.h"
#include "plaza-demo.h"
#include "plaza-report-private.h"
#include "plaza-report.h"
#include "kpi-fixture.h"
#include "test-util.h"

typedef struct
{
  char       *dir;
  PlazaStore *store;
} Fixture;

static gboolean
insert_mall (PlazaStore *store,
             gpointer    user_data G_GNUC_UNUSED,
             GError    **error)
{
  return plaza_store_exec (store,
    "INSERT INTO settings (key, value) VALUES ('mall.name', '星河测试广场');"
    KPI_FIXTURE_MALL_SQL
    "INSERT INTO bills (id, code, tenant_id, contract_id, month, state, issue_date, due_date, total) VALUES"
    "  (2, 'B2', 1, 1, '2026-03', 'issued', '2026-03-01', '2026-03-10', 40001);"
    "INSERT INTO bill_lines (bill_id, kind, amount) VALUES (2, 'rent', 30001), (2, 'percentage_rent', 10000);"
    "INSERT INTO targets (year, month, scope, scope_id, amount) VALUES"
    "  (2026, 0, 'mall', 0, 12000000), (2026, 1, 'mall', 0, 1000000),"
    "  (2026, 2, 'mall', 0, 1000000), (2026, 3, 'mall', 0, 1000000);",
    error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("plaza-report-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  path = g_build_filename (f->dir, "report.db", NULL);
  f->store = plaza_store_open (path, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (plaza_store_write (f->store, insert_mall, NULL, &error));
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
check_row (const PlazaReportTable *table,
           guint                   index,
           const char * const     *expect)
{
  const char * const *cells;

  g_assert_cmpuint (index, <, table->rows->len);
  cells = g_ptr_array_index (table->rows, index);
  g_assert_cmpuint (g_strv_length ((char **) cells), ==, table->columns->len);
  for (guint c = 0; expect[c] != NULL; c++)
    if (*expect[c] != '\0')
      g_assert_cmpstr (cells[c], ==, expect[c]);
}

static const PlazaReportTile *
tile (const PlazaReport *report,
      guint              index)
{
  g_assert_cmpuint (index, <, report->tiles->len);
  return g_ptr_array_index (report->tiles, index);
}

/* Every number worked out by hand (yuan; bp rounded as plaza-kpi.c). */
static void
test_figures (Fixture       *f,
              gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaReport) report = NULL;
  GDate made;

  g_date_clear (&made, 1);
  g_date_set_dmy (&made, 5, G_DATE_APRIL, 2026);
  report = plaza_report_load (f->store, "2026-03", &made, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpstr (report->mall_name, ==, "星河测试广场");
  g_assert_cmpstr (report->made_on, ==, "2026-04-05");
  g_assert_null (report->scope_note);

  /* sales 5000 + 1500 + 3000 = 9500; February 11000: −13.636 % → −13.64 %;
   * March 2025 2000: +375 % */
  g_assert_cmpuint (report->tiles->len, ==, 6);
  g_assert_cmpstr (tile (report, 0)->value, ==, "¥9,500.00");
  g_assert_cmpstr (tile (report, 0)->lines[0], ==, "Month on month -13.64%");
  g_assert_cmpint (tile (report, 0)->tones[0], ==, PLAZA_REPORT_TONE_BAD);
  g_assert_cmpstr (tile (report, 0)->lines[1], ==, "Year on year +375.00%");
  g_assert_cmpint (tile (report, 0)->tones[1], ==, PLAZA_REPORT_TONE_GOOD);
  /* 坪效: 9500 / 350 m² = 27.142… → ¥27.14; March 2025: 2000 / 200 m² */
  g_assert_cmpstr (tile (report, 1)->value, ==, "¥27.14");
  g_assert_cmpstr (tile (report, 1)->lines[0], ==, "Same month last year ¥10.00");
  /* year to date: (3000 + 11000 + 9500) / 350 m² / 3 months = 22.380… */
  g_assert_cmpstr (tile (report, 1)->lines[1], ==, "Year to date ¥22.38");
  /* 租售比: 400.01 / 9500 = 4.2106 % */
  g_assert_cmpstr (tile (report, 2)->value, ==, "4.21%");
  /* occupancy: 150 of 350 m² on 2026-03-31 (C2 ended on the 15th) */
  g_assert_cmpstr (tile (report, 3)->value, ==, "42.86%");
  g_assert_cmpstr (tile (report, 3)->lines[0], ==, "52.14 points below the 95% line");
  g_assert_true (tile (report, 3)->has_gauge);
  g_assert_cmpint (tile (report, 3)->gauge_bp, ==, 4286);
  g_assert_cmpint (tile (report, 3)->marker_bp, ==, 9500);
  /* targets: March 9500 of 10000; January … March 23500 of 30000 =
   * 78.333 % (floor); the year 23500 of 120000 = 19.58 % */
  g_assert_cmpstr (tile (report, 4)->value, ==, "95.00%");
  g_assert_cmpstr (tile (report, 4)->lines[0], ==, "¥9,500.00 of ¥10,000.00");
  g_assert_cmpint (tile (report, 4)->value_tone, ==, PLAZA_REPORT_TONE_BAD);
  g_assert_cmpstr (tile (report, 5)->value, ==, "78.33%");
  g_assert_cmpstr (tile (report, 5)->lines[0], ==, "¥23,500.00 of ¥30,000.00");
  g_assert_cmpstr (tile (report, 5)->lines[1], ==, "Annual target ¥120,000.00 (19.58%)");

  /* floors: by level, then the mall */
  g_assert_cmpuint (report->floors->rows->len, ==, 3);
  g_assert_true (report->floors->total_row);
  {
    const char *f1[] = { "1F", "150.00", "100.00%", "¥6,500.00", "¥43.33", "+30.00%", "—", NULL };
    const char *f2[] = { "2F", "200.00", "0.00%", "¥3,000.00", "¥15.00", "-50.00%", "+50.00%", NULL };
    const char *mall[] = { "Mall", "350.00", "42.86%", "¥9,500.00", "¥27.14", "-13.64%", "+375.00%", NULL };

    check_row (report->floors, 0, f1);
    check_row (report->floors, 1, f2);
    check_row (report->floors, 2, mall);
  }

  /* categories, largest sales first: B201 belonged to C2 (Beta, Food) in
   * March, until the 15th */
  g_assert_cmpuint (report->categories->rows->len, ==, 3);
  {
    const char *fashion[] = { "Fashion", "150.00", "68.42%", "¥6,500.00", "¥43.33", "6.15%", "+30.00%", "—", NULL };
    const char *food[] = { "Food", "200.00", "31.58%", "¥3,000.00", "¥15.00", "", "-50.00%", "+50.00%", NULL };
    const char *mall[] = { "Mall", "350.00", "100.00%", "¥9,500.00", "¥27.14", "4.21%", "-13.64%", "+375.00%", NULL };

    check_row (report->categories, 0, fashion);
    check_row (report->categories, 1, food);
    check_row (report->categories, 2, mall);
  }

  /* tenants by 坪效: Alpha 43.33 above Beta 15.00; the bottom lowest first */
  g_assert_cmpuint (report->top->rows->len, ==, 2);
  {
    const char *alpha[] = { "1", "Alpha", "Fashion", "150.00", "¥6,500.00", "¥43.33", "6.15%", NULL };
    const char *beta[] = { "2", "Beta", "Food", "200.00", "¥3,000.00", "¥15.00", "", NULL };

    check_row (report->top, 0, alpha);
    check_row (report->top, 1, beta);
    check_row (report->bottom, 0, beta);
    check_row (report->bottom, 1, alpha);
  }

  /* the trend: the twelve months to March, this period's last value is
   * the month's sales; the mix and the floor ranking */
  g_assert_nonnull (report->trend);
  g_assert_cmpuint (plaza_chart_get_n_categories (report->trend), ==, 12);
  g_assert_cmpstr (plaza_chart_get_category_key (report->trend, 0), ==, "2025-04");
  g_assert_cmpstr (plaza_chart_get_category_key (report->trend, 11), ==, "2026-03");
  {
    gint64 value = 0;

    g_assert_true (plaza_chart_get_value (report->trend, 0, 11, &value));
    g_assert_cmpint (value, ==, 950000);
  }
  g_assert_nonnull (report->mix);
  g_assert_cmpint (plaza_chart_get_kind (report->mix), ==, PLAZA_CHART_DONUT);
  g_assert_nonnull (report->floor_ranking);
  g_assert_cmpuint (plaza_chart_get_n_categories (report->floor_ranking), ==, 2);
  g_assert_cmpstr (plaza_chart_get_category_key (report->floor_ranking, 0), ==, "1F");

  /* the highlights say the same in words */
  g_assert_cmpuint (report->highlights->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (report->highlights, 0), ==,
                   "Floors: the highest sales per m² on 1F (¥43.33), the lowest on 2F (¥15.00).");
  g_assert_cmpstr (g_ptr_array_index (report->highlights, 1), ==,
                   "Categories: Fashion is the largest with 68.42% of sales.");
  g_assert_cmpstr (g_ptr_array_index (report->highlights, 2), ==,
                   "Tenants: 2 reported sales; the highest sales per m²: Alpha (¥43.33).");
  g_assert_true (g_str_has_prefix (g_ptr_array_index (report->highlights, 3), "Health: "));
  g_assert_nonnull (strstr (g_ptr_array_index (report->highlights, 3), "of 1 trading tenants"));

  /* health: only Alpha trades in March (C2 is terminated); B2 was due on
   * the 10th and is unpaid on the 31st: 21 days */
  g_assert_cmpuint (report->health->rows->len, ==, 1);
  {
    const char *alpha[] = { "1", "Alpha", "", "", "", "21", NULL };

    check_row (report->health, 0, alpha);
  }
}

static gboolean
insert_second_project (PlazaStore *store,
                       gpointer    user_data G_GNUC_UNUSED,
                       GError    **error)
{
  return plaza_store_exec (store,
    "INSERT INTO projects (id, code, name) VALUES (2, 'P2', 'Plaza Two');"
    "INSERT INTO floors (id, project_id, label, level) VALUES (3, 2, 'G', 0);"
    "INSERT INTO units (id, floor_id, code, gross_area, rentable_area) VALUES (4, 3, 'G01', 1000, 1000);"
    "INSERT INTO sales_monthly (unit_id, month, amount, days) VALUES (4, '2026-03', 77700, 31);",
    error);
}

/* With two projects the headline is the first one's, and says so. */
static void
test_two_projects (Fixture       *f,
                   gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaReport) report = NULL;

  g_assert_true (plaza_store_write (f->store, insert_second_project, NULL, &error));
  g_assert_no_error (error);
  report = plaza_report_load (f->store, "2026-03", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (report->scope_note, ==, "Headline figures: Plaza One (P1)");
  g_assert_cmpstr (tile (report, 0)->value, ==, "¥9,500.00");
  /* the floors table lists every floor, G (level 0) first, and no mall
   * total (there are two) */
  g_assert_cmpuint (report->floors->rows->len, ==, 3);
  g_assert_false (report->floors->total_row);
  g_assert_false (report->categories->total_row);
  {
    const char *g[] = { "G", "10.00", "", "¥777.00", NULL };

    check_row (report->floors, 0, g);
  }
}

/* A month without sales or targets still makes a report. */
static void
test_empty_month (Fixture       *f,
                  gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaReport) report = plaza_report_load (f->store, "2024-06", NULL, &error);
  g_autoptr(GBytes) pdf = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (tile (report, 0)->value, ==, "¥0.00");
  g_assert_cmpstr (tile (report, 4)->value, ==, "—");
  g_assert_cmpstr (tile (report, 4)->lines[0], ==, "No sales target for the month");
  g_assert_cmpuint (report->top->rows->len, ==, 0);
  g_assert_cmpuint (report->categories->rows->len, ==, 0);
  pdf = plaza_report_render (f->store, "2024-06", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pdf);
}

static guint
count_pages (GBytes *pdf)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (pdf, &size);
  const char *needle = "/Type /Page";
  gsize n = strlen (needle);
  guint pages = 0;

  for (gsize i = 0; i + n < size; i++)
    if (memcmp (data + i, needle, n) == 0 && data[i + n] != 's')
      pages++;
  return pages;
}

/* The text of @path by pdftotext, or NULL when it is not installed. */
static char *
pdf_text (const char *path)
{
  g_autofree char *tool = g_find_program_in_path ("pdftotext");
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  if (tool == NULL)
    return NULL;
  {
    const char *argv[] = { tool, "-layout", path, "-", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                 &out, NULL, &status, &error));
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
test_demo (void)
{
  g_autofree char *dir = g_dir_make_tmp ("plaza-report-demo-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "demo.db", NULL);
  g_autofree char *pdf_path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  gsize size = 0;
  GDate today;

  g_date_clear (&today, 1);
  g_assert_true (plaza_date_parse ("2026-11-27", &today));
  store = plaza_store_open (db, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (plaza_demo_generate (store, 1, PLAZA_DEMO_SMALL, &today, &error));
  g_assert_no_error (error);

  pdf = plaza_report_render (store, "2026-10", &today, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  g_assert_cmpint (memcmp (g_bytes_get_data (pdf, NULL), "%PDF", 4), ==, 0);
  g_assert_cmpuint (count_pages (pdf), >=, 2);

  g_assert_true (plaza_report_write (store, "2026-10", &today, pdf_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf_path, &contents, &size, NULL));
  g_assert_cmpuint (size, >, 1000);
  g_assert_cmpint (memcmp (contents, "%PDF", 4), ==, 0);

  text = pdf_text (pdf_path);
  if (text == NULL)
    {
      g_test_message ("pdftotext not found: the text is not checked");
    }
  else
    {
      g_autofree char *last = g_strdup_printf ("Page %u of %u", count_pages (pdf), count_pages (pdf));

      g_assert_nonnull (strstr (text, "2026-10"));
      g_assert_nonnull (strstr (text, "2026-11-27"));
      g_assert_nonnull (strstr (text, "Monthly performance report"));
      g_assert_nonnull (strstr (text, "Page 1 of"));
      g_assert_nonnull (strstr (text, last));
    }
  g_clear_object (&store);
  plaza_test_remove_tree (dir);
}

/* A bad month fails before anything is written; an existing file stays;
 * an unwritable path leaves nothing behind. */
static void
test_bad_month (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  const char *bad[] = { "2026-13", "2026-00", "2026-1", "26-03", "2026/03", "2026-03-01", "", "abcd-ef" };
  g_autofree char *path = g_build_filename (f->dir, "out.pdf", NULL);
  g_autofree char *kept = g_build_filename (f->dir, "kept.pdf", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "no-such-dir", "out.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (plaza_report_write (f->store, bad[i], NULL, path, &error));
      g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
      g_clear_error (&error);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      g_assert_null (plaza_report_render (f->store, bad[i], NULL, &error));
      g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
      g_clear_error (&error);
    }

  g_assert_true (g_file_set_contents (kept, "old", -1, NULL));
  g_assert_false (plaza_report_write (f->store, "2026-13", NULL, kept, &error));
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (kept, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");

  g_assert_false (plaza_report_write (f->store, "2026-03", NULL, missing, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, missing));
  g_assert_null (strstr (error->message, "out.pdf."));   /* not the temporary file */
  g_clear_error (&error);

  /* a good month replaces the kept file whole */
  g_assert_true (plaza_report_write (f->store, "2026-03", NULL, kept, &error));
  g_assert_no_error (error);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (kept, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));

  /* only the database and the kept file are there: no temporary left */
  {
    g_autoptr(GDir) d = g_dir_open (f->dir, 0, NULL);
    const char *name;
    guint n = 0;

    while ((name = g_dir_read_name (d)) != NULL)
      if (!g_str_has_prefix (name, "report.db"))
        {
          g_assert_cmpstr (name, ==, "kept.pdf");
          n++;
        }
    g_assert_cmpuint (n, ==, 1);
  }
}

static void
expect_fail (const char * const *args,
             const char         *path)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (plaza_test_run_plazactl (args, &out, &err), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_str_has_suffix (err, "\n"));
  g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_cli (Fixture       *f,
          gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *db = g_build_filename (f->dir, "report.db", NULL);
  g_autofree char *path = g_build_filename (f->dir, "cli.pdf", NULL);

  g_clear_object (&f->store);
  {
    g_autofree char *out = NULL, *err = NULL;
    const char *args[] = { "report", db, "--month", "2026-03", "--out", path, "--today", "2026-04-05", NULL };
    g_autofree char *contents = NULL;

    g_assert_cmpint (plaza_test_run_plazactl (args, &out, &err), ==, 0);
    g_assert_cmpstr (out, ==, "");
    g_assert_cmpstr (err, ==, "");
    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_true (g_str_has_prefix (contents, "%PDF"));
    g_remove (path);
  }
  {
    const char *month[] = { "report", db, "--month", "2026-13", "--out", path, NULL };
    const char *no_month[] = { "report", db, "--out", path, NULL };
    const char *no_out[] = { "report", db, "--month", "2026-03", NULL };
    const char *today[] = { "report", db, "--month", "2026-03", "--out", path, "--today", "2026-02-30", NULL };
    const char *no_db[] = { "report", "--month", "2026-03", "--out", path, NULL };

    expect_fail (month, path);
    expect_fail (no_month, path);
    expect_fail (no_out, path);
    expect_fail (today, path);
    expect_fail (no_db, path);
  }
}

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  ADD ("/report/figures", test_figures);
  ADD ("/report/empty-month", test_empty_month);
  ADD ("/report/two-projects", test_two_projects);
  ADD ("/report/bad-month", test_bad_month);
  ADD ("/report/cli", test_cli);
  g_test_add_func ("/report/demo", test_demo);
  return g_test_run ();
}
