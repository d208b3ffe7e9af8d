/* test-promotion-notice.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tenant notices and participant lists of a promotion
 * (plaza-promotion-notice.h) and plazactl promotion notices|participants.
 * The mall: tenants T001 甲乙餐饮有限公司 (units 2F-017 and 2F-018, contact
 * 王芳 13800000001), T002 Beta, "Shoes" Ltd (1F-001, no contact), T003
 * 丙丁服饰 (1F-002; its 2025 contract on 1F-003 ended before the promotion).
 * PR-2026-004 春节促销 (2026-02-10 … 2026-02-20): T001 confirmed, offer
 * 满300减50, fee 1,200.00; T002 invited, "Buy 2, get 1", no fee; T003
 * declined, fee 500.00. PR-2026-005 has no participants, PR-2026-006 only a
 * declined one.
 */

#include "config.h"

#include <string.h>

#include "plaza-promotion-notice.h"
#include "plaza-demo.h"
#include "test-util.h"

typedef struct
{
  char       *dir;
  char       *db;
  PlazaStore *store;
} Fixture;

static gboolean
insert_mall (PlazaStore *store,
             gpointer    user_data,
             GError    **error)
{
  return plaza_store_exec (store,
    "INSERT INTO projects (id, code, name) VALUES (1, 'P1', 'Plaza One');"
    "INSERT INTO floors (id, project_id, label, level) VALUES (1, 1, '1F', 1), (2, 1, '2F', 2);"
    "INSERT INTO units (id, floor_id, code, gross_area, rentable_area) VALUES"
    "  (1, 2, '2F-017', 10000, 10000), (2, 2, '2F-018', 5000, 5000), (3, 1, '1F-001', 8000, 8000),"
    "  (4, 1, '1F-002', 6000, 6000), (5, 1, '1F-003', 6000, 6000);"
    "INSERT INTO tenants (id, code, name) VALUES (1, 'T001', '甲乙餐饮有限公司'),"
    "  (2, 'T002', 'Beta, \"Shoes\" Ltd'), (3, 'T003', '丙丁服饰');"
    "INSERT INTO tenant_contacts (tenant_id, name, phone) VALUES (1, '王芳', '13800000001'), (1, '李四', '139');"
    "INSERT INTO contracts (id, code, tenant_id, state, model, start_date, end_date, created_at) VALUES"
    "  (1, 'C1', 1, 'active', 'fixed', '2026-01-01', '2026-12-31', '2025-12-01'),"
    "  (2, 'C2', 2, 'active', 'fixed', '2026-01-01', '2026-12-31', '2025-12-01'),"
    "  (3, 'C3', 3, 'active', 'fixed', '2026-01-01', '2026-12-31', '2025-12-01'),"
    "  (4, 'C4', 3, 'expired', 'fixed', '2025-01-01', '2025-12-31', '2024-12-01');"
    "INSERT INTO contract_units (contract_id, unit_id, area) VALUES (1, 2, 5000), (1, 1, 10000),"
    "  (2, 3, 8000), (3, 4, 6000), (4, 5, 6000);"
    "INSERT INTO promotions (id, code, name, theme, mechanics, start_date, end_date, state, created_at) VALUES"
    "  (1, 'PR-2026-004', '春节促销', '欢度新春', 'spend_save', '2026-02-10', '2026-02-20', 'approved', '2026-01-05'),"
    "  (2, 'PR-2026-005', '春日踏青', '', 'event', '2026-03-20', '2026-03-25', 'draft', '2026-01-05'),"
    "  (3, 'PR-2026-006', '五一欢乐购', '', 'discount', '2026-05-01', '2026-05-05', 'draft', '2026-01-05');"
    "INSERT INTO promotion_participants (promotion_id, tenant_id, offer, status, fee) VALUES"
    "  (1, 1, '满300减50', 'confirmed', 120000), (1, 2, 'Buy 2, get 1', 'invited', 0),"
    "  (1, 3, '', 'declined', 50000), (3, 1, '', 'declined', 0);",
    error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("plaza-notice-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->db = g_build_filename (f->dir, "mall.db", NULL);
  f->store = plaza_store_open (f->db, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (plaza_store_write (f->store, insert_mall, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  plaza_test_remove_tree (f->dir);
  g_free (f->db);
  g_free (f->dir);
}

/* Pages of a cairo PDF: its "/Type /Page" objects (not "/Type /Pages"). */
static guint
count_pages (const char *data,
             gsize       length)
{
  static const char needle[] = "/Type /Page";
  guint pages = 0;

  for (gsize i = 0; i + sizeof needle < length; i++)
    if (memcmp (data + i, needle, sizeof needle - 1) == 0 && data[i + sizeof needle - 1] != 's')
      pages++;
  return pages;
}

/* The PDF's text, or NULL when pdftotext is not installed. */
static char *
pdf_text (const char *path)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;
  const char *argv[] = { NULL, "-enc", "UTF-8", path, "-", NULL };

  if (pdftotext == NULL)
    return NULL;
  argv[0] = pdftotext;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* The number of entries in @dir. */
static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
test_notices (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "notices.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;

  g_assert_true (plaza_promotion_write_notices (f->store, 1, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (length > 4 && memcmp (contents, "%PDF", 4) == 0);
  g_assert_cmpuint (count_pages (contents, length), ==, 2);   /* T003 declined */

  text = pdf_text (path);
  if (text == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed: the text is not checked");
      return;
    }
  g_assert_nonnull (strstr (text, "促销活动参与通知书"));
  g_assert_nonnull (strstr (text, "甲乙餐饮有限公司"));
  g_assert_nonnull (strstr (text, "Beta, \"Shoes\" Ltd"));
  g_assert_null (strstr (text, "丙丁服饰"));
  g_assert_nonnull (strstr (text, "¥1,200.00"));
  g_assert_nonnull (strstr (text, "2026年2月"));            /* the month the fee is billed */
  g_assert_nonnull (strstr (text, "2026年2月3日"));         /* confirm by: start − 7 days */
  g_assert_nonnull (strstr (text, "满额立减"));
  g_assert_nonnull (strstr (text, "2F-017, 2F-018"));
  g_assert_nonnull (strstr (text, "王芳"));
  g_assert_nonnull (strstr (text, "商务部"));
}

static void
test_notices_none (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "notices.pdf", NULL);
  guint before = count_files (f->dir);

  /* no participants at all, or only declined ones */
  g_assert_false (plaza_promotion_write_notices (f->store, 2, path, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "PR-2026-005"));
  g_clear_error (&error);
  g_assert_false (plaza_promotion_write_notices (f->store, 3, path, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (plaza_promotion_write_notices (f->store, 99, path, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (f->dir), ==, before);
}

static void
test_csv (Fixture       *f,
          gconstpointer  data)
{
  static const char expected[] =
    "\xEF\xBB\xBF" "Tenant code,Tenant,Contact,Phone,Units,Offer,Status,Fee (yuan)\r\n"
    "T001,甲乙餐饮有限公司,王芳,13800000001,\"2F-017, 2F-018\",满300减50,Confirmed,1200.00\r\n"
    "T002,\"Beta, \"\"Shoes\"\" Ltd\",,,1F-001,\"Buy 2, get 1\",Invited,0.00\r\n"
    "T003,丙丁服饰,,,1F-002,,Declined,500.00\r\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "participants.CSV", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "participants.txt", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (plaza_promotion_write_participants (f->store, 1, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpstr (contents, ==, expected);
  g_assert_cmpuint (length, ==, sizeof expected - 1);

  g_assert_false (plaza_promotion_write_participants (f->store, 1, bad, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
}

/* The text of @member in the zip at @path, or NULL when unzip is missing. */
static char *
unzip_member (const char *path,
              const char *member)
{
  g_autofree char *unzip = g_find_program_in_path ("unzip");
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;
  const char *argv[] = { NULL, "-p", path, member, NULL };

  if (unzip == NULL)
    return NULL;
  argv[0] = unzip;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
test_xlsx (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "participants.xlsx", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *strings = NULL;
  g_autofree char *sheet = NULL;
  g_autofree char *styles = NULL;
  guint before = count_files (f->dir);
  gsize length = 0;

  g_assert_true (plaza_promotion_write_participants (f->store, 1, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_files (f->dir), ==, before + 1);   /* no temporary file left */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (length > 4 && memcmp (contents, "PK\x03\x04", 4) == 0);

  strings = unzip_member (path, "xl/sharedStrings.xml");
  if (strings == NULL)
    {
      g_test_skip ("unzip is not installed: the sheet is not checked");
      return;
    }
  sheet = unzip_member (path, "xl/worksheets/sheet1.xml");
  styles = unzip_member (path, "xl/styles.xml");
  /* libxlsxwriter keeps the sheet's strings in the shared table */
  g_assert_nonnull (strstr (strings, "甲乙餐饮有限公司"));
  g_assert_nonnull (strstr (strings, "Beta, \"Shoes\" Ltd"));
  g_assert_nonnull (strstr (strings, "丙丁服饰"));
  g_assert_nonnull (strstr (strings, "PR-2026-004 春节促销  2026-02-10 – 2026-02-20"));
  g_assert_nonnull (strstr (sheet, "<v>1200</v>"));
  g_assert_nonnull (strstr (sheet, "<autoFilter ref=\"A2:H5\"/>"));
  g_assert_nonnull (strstr (sheet, "state=\"frozen\""));
  g_assert_nonnull (strstr (styles, "¥#,##0.00"));
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "n.pdf", NULL);
  g_autofree char *xlsx = g_build_filename (f->dir, "p.xlsx", NULL);
  g_autofree char *err = NULL;
  const char *notices[] = { "promotion", "notices", f->db, "--id", "1", "--out", pdf, NULL };
  const char *list[] = { "promotion", "participants", f->db, "--id", "1", "--out", xlsx, NULL };
  const char *none[] = { "promotion", "notices", f->db, "--id", "2", "--out", pdf, NULL };
  const char *no_id[] = { "promotion", "participants", f->db, "--out", xlsx, NULL };

  g_clear_object (&f->store);   /* plazactl opens the file itself */
  g_assert_cmpint (plaza_test_run_plazactl (notices, NULL, NULL), ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (plaza_test_run_plazactl (list, NULL, NULL), ==, 0);
  g_assert_true (g_file_test (xlsx, G_FILE_TEST_IS_REGULAR));

  g_assert_cmpint (plaza_test_run_plazactl (none, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "PR-2026-005"));
  g_assert_cmpuint (strlen (err), ==, (gsize) (strchr (err, '\n') - err) + 1);   /* one line */
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (plaza_test_run_plazactl (no_id, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "--id"));
}

static void
test_demo (void)
{
  g_autofree char *dir = g_dir_make_tmp ("plaza-notice-demo-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "demo.db", NULL);
  g_autofree char *pdf = g_build_filename (dir, "n.pdf", NULL);
  g_autofree char *csv = g_build_filename (dir, "p.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id, participants, notified;
  gsize length = 0;
  guint lines = 0;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 27, G_DATE_NOVEMBER, 2026);
  store = plaza_store_open (db, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (plaza_demo_generate (store, 7, PLAZA_DEMO_SMALL, &today, &error));
  g_assert_no_error (error);

  /* the promotion with the most tenants taking part */
  id = plaza_test_count (store, "SELECT promotion_id FROM promotion_participants WHERE status != 'declined' "
                                "GROUP BY promotion_id ORDER BY count(*) DESC, promotion_id LIMIT 1");
  notified = plaza_test_count (store, "SELECT count(*) FROM promotion_participants WHERE status != 'declined' "
                                      "AND promotion_id = (SELECT promotion_id FROM promotion_participants "
                                      "WHERE status != 'declined' GROUP BY promotion_id "
                                      "ORDER BY count(*) DESC, promotion_id LIMIT 1)");
  participants = plaza_test_count (store, "SELECT count(*) FROM promotion_participants WHERE promotion_id = "
                                          "(SELECT promotion_id FROM promotion_participants WHERE status != 'declined' "
                                          "GROUP BY promotion_id ORDER BY count(*) DESC, promotion_id LIMIT 1)");
  g_assert_cmpint (notified, >, 0);

  g_assert_true (plaza_promotion_write_notices (store, id, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_cmpuint (count_pages (contents, length), ==, (guint) notified);
  g_clear_pointer (&contents, g_free);

  g_assert_true (plaza_promotion_write_participants (store, id, csv, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv, &contents, &length, NULL));
  for (gsize i = 0; i < length; i++)
    if (contents[i] == '\n')
      lines++;
  g_assert_cmpuint (lines, ==, (guint) participants + 1);

  g_clear_object (&store);
  plaza_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/promotion-notice/notices", Fixture, NULL, fixture_set_up, test_notices, fixture_tear_down);
  g_test_add ("/promotion-notice/notices-none", Fixture, NULL, fixture_set_up, test_notices_none, fixture_tear_down);
  g_test_add ("/promotion-notice/csv", Fixture, NULL, fixture_set_up, test_csv, fixture_tear_down);
  g_test_add ("/promotion-notice/xlsx", Fixture, NULL, fixture_set_up, test_xlsx, fixture_tear_down);
  g_test_add ("/promotion-notice/cli", Fixture, NULL, fixture_set_up, test_cli, fixture_tear_down);
  g_test_add_func ("/promotion-notice/demo", test_demo);
  return g_test_run ();
}
