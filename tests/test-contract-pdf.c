/* test-contract-pdf.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The contract summary PDF on a small demo mall: a real PDF whose text
 * (read back with pdftotext when poppler-utils is there) holds the code,
 * the tenant, the title by kind, the letterhead and the first schedule
 * month; long histories break onto more pages; unknown ids and unwritable
 * paths fail; and plazactl contract-pdf exits accordingly.
 */

#define G_LOG_DOMAIN "plaza-test"

#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include "plaza-core.h"
#include "test-util.h"

static char       *demo_dir;
static PlazaStore *demo_store;

typedef struct
{
  gint64  id;
  char   *code;
  char   *tenant;
  char   *start_month;
} Contract;

static void
contract_clear (Contract *c)
{
  g_clear_pointer (&c->code, g_free);
  g_clear_pointer (&c->tenant, g_free);
  g_clear_pointer (&c->start_month, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Contract, contract_clear)

static void
find_contract (const char *kind,
               Contract   *c)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = plaza_store_prepare (demo_store,
                              "SELECT c.id, c.code, t.name, substr(c.start_date, 1, 7) "
                              "FROM contracts c JOIN tenants t ON t.id = c.tenant_id "
                              "WHERE c.state = 'active' AND c.kind = ? ORDER BY c.id LIMIT 1", NULL);
  g_assert_nonnull (stmt);
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  c->id = sqlite3_column_int64 (stmt, 0);
  c->code = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  c->tenant = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  c->start_month = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
}

static void
assert_is_pdf (const char *path)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &data, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (memcmp (data, "%PDF", 4) == 0);
  /* cairo ends the file with the trailer's end-of-file marker */
  g_assert_true (memcmp (data + length - 6, "%%EOF\n", 6) == 0);
}

/* The PDF's text, or NULL when pdftotext is not installed. */
static char *
pdf_text (const char *path)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;
  const char *argv[] = { NULL, "-layout", "-enc", "UTF-8", path, "-", NULL };

  if (pdftotext == NULL)
    return NULL;
  argv[0] = pdftotext;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static guint
count_pages (const char *text_)
{
  guint pages = 0;

  /* pdftotext ends every page with a form feed. */
  for (const char *p = text_; *p != '\0'; p++)
    if (*p == '\f')
      pages++;
  return pages;
}

static char *
out_path (const char *name)
{
  return g_build_filename (demo_dir, name, NULL);
}

static void
test_lease (void)
{
  g_auto(Contract) c = { 0 };
  g_autofree char *path = out_path ("lease.pdf");
  g_autofree char *text_ = NULL;
  g_autoptr(GError) error = NULL;

  find_contract ("lease", &c);
  g_assert_true (plaza_contract_pdf_write (demo_store, c.id, path, &error));
  g_assert_no_error (error);
  assert_is_pdf (path);

  text_ = pdf_text (path);
  if (text_ == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed: the text is not checked");
      return;
    }
  g_assert_nonnull (strstr (text_, "租赁合同摘要"));
  g_assert_null (strstr (text_, "联营合同摘要"));
  g_assert_nonnull (strstr (text_, c.code));
  g_assert_nonnull (strstr (text_, c.tenant));
  g_assert_nonnull (strstr (text_, "星河里社区商业"));         /* mall.name */
  g_assert_nonnull (strstr (text_, "杭州星河商业管理有限公司")); /* mall.company */
  g_assert_nonnull (strstr (text_, c.start_month));            /* first schedule row */
  g_assert_nonnull (strstr (text_, "甲方"));
  g_assert_nonnull (strstr (text_, "乙方"));
  g_assert_nonnull (strstr (text_, "盖章"));
  g_assert_nonnull (strstr (text_, "审批通过"));               /* the event history */
}

static void
test_concession (void)
{
  g_auto(Contract) c = { 0 };
  g_autofree char *path = out_path ("concession.pdf");
  g_autofree char *text_ = NULL;
  g_autoptr(GError) error = NULL;

  find_contract ("concession", &c);
  g_assert_true (plaza_contract_pdf_write (demo_store, c.id, path, &error));
  g_assert_no_error (error);
  assert_is_pdf (path);

  text_ = pdf_text (path);
  if (text_ == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed: the text is not checked");
      return;
    }
  g_assert_nonnull (strstr (text_, "联营合同摘要"));
  g_assert_nonnull (strstr (text_, c.code));
  g_assert_nonnull (strstr (text_, c.tenant));
}

/* The fixed-rent schedule of a known contract: the full first month of
 * 100.00 ㎡ at 30.00 元/㎡/月 is exactly 3,000.00. */
static gboolean
set_terms (PlazaStore  *store,
           gpointer     data,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = plaza_store_prepare (store, "UPDATE contracts SET terms_json = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1,
                     "{\"start\": \"2026-01-01\", \"end\": \"2027-12-31\", \"area\": \"100.00\", "
                     "\"model\": \"fixed\", \"rent\": {\"amount\": \"30.00\", \"unit\": \"m2_month\"}, "
                     "\"fees\": [{\"name\": \"推广费\", \"amount\": \"500.00\", \"unit\": \"month\"}]}",
                     -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, *(gint64 *) data);
  return sqlite3_step (stmt) == SQLITE_DONE || plaza_store_set_sqlite_error (store, error);
}

/* Forty amendments: the history no longer fits and the table breaks. */
static gboolean
add_events (PlazaStore  *store,
            gpointer     data,
            GError     **error)
{
  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;

      stmt = plaza_store_prepare (store, "INSERT INTO contract_events (contract_id, kind, state, effective_date, "
                                         "comment, user, at) VALUES (?, 'amendment', 'approved', '2027-01-01', "
                                         "'调整经营品类', 'wangfang', '2026-12-01T09:00:00Z')", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, *(gint64 *) data);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return plaza_store_set_sqlite_error (store, error);
    }
  return TRUE;
}

static void
test_schedule_and_pages (void)
{
  g_auto(Contract) c = { 0 };
  g_autofree char *path = out_path ("long.pdf");
  g_autofree char *before = NULL;
  g_autofree char *text_ = NULL;
  g_autoptr(GError) error = NULL;

  find_contract ("lease", &c);
  g_assert_true (plaza_store_write (demo_store, set_terms, &c.id, &error));
  g_assert_no_error (error);
  g_assert_true (plaza_contract_pdf_write (demo_store, c.id, path, &error));
  g_assert_no_error (error);
  before = pdf_text (path);

  g_assert_true (plaza_store_write (demo_store, add_events, &c.id, &error));
  g_assert_no_error (error);
  g_assert_true (plaza_contract_pdf_write (demo_store, c.id, path, &error));
  g_assert_no_error (error);
  assert_is_pdf (path);
  text_ = pdf_text (path);
  if (text_ == NULL || before == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed: the text is not checked");
      return;
    }
  g_assert_nonnull (strstr (before, "3,000.00"));   /* 2026-01 rent */
  g_assert_nonnull (strstr (before, "3,500.00"));   /* with the fee */
  g_assert_nonnull (strstr (before, "42,000.00"));  /* 12 × 3,500.00 */
  g_assert_nonnull (strstr (before, "2026-12"));
  g_assert_null (strstr (before, "2027-01 "));      /* only the first 12 months */
  g_assert_nonnull (strstr (before, "推广费"));
  g_assert_cmpuint (count_pages (text_), >, count_pages (before));
  g_assert_null (strstr (before, "合同已有变更"));
  g_assert_nonnull (strstr (text_, "合同已有变更"));   /* the schedule says it is the signed terms */
  /* pdftotext may drop the spaces around the numbers */
  g_assert_true (g_regex_match_simple ("第 ?1 ?页 ?/ ?共 ?[2-9] ?页", text_, 0, 0));
  /* the last page still ends with the signatures */
  {
    const char *last = strrchr (text_, '\f');
    const char *previous = last != NULL ? g_strrstr_len (text_, last - text_, "\f") : NULL;

    g_assert_nonnull (previous);
    g_assert_nonnull (strstr (previous, "盖章"));
  }
}

static void
test_unknown_id (void)
{
  g_autofree char *path = out_path ("none.pdf");
  g_autoptr(GError) error = NULL;

  g_assert_false (plaza_contract_pdf_write (demo_store, 999999, path, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_unwritable (void)
{
  g_auto(Contract) c = { 0 };
  g_autofree char *path = g_build_filename (demo_dir, "no-such-folder", "x.pdf", NULL);
  g_autoptr(GError) error = NULL;

  find_contract ("lease", &c);
  g_assert_false (plaza_contract_pdf_write (demo_store, c.id, path, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, "no-such-folder"));
}

static int
run_cli (const char  *arg1,
         const char  *arg2,
         const char  *arg3,
         char       **err)
{
  const char *plazactl = g_getenv ("PLAZACTL");
  g_autofree char *db = g_build_filename (demo_dir, "mall.db", NULL);
  g_autoptr(GError) error = NULL;
  const char *argv[] = { plazactl, "contract-pdf", db, "--id", arg1, arg2, arg3, NULL };
  int status = 0;

  g_assert_nonnull (plazactl);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, err, &status, &error));
  g_assert_no_error (error);
  return g_spawn_check_wait_status (status, NULL) ? 0 : WEXITSTATUS (status);
}

static void
test_cli (void)
{
  g_auto(Contract) c = { 0 };
  g_autofree char *path = out_path ("cli.pdf");
  g_autofree char *bad = g_build_filename (demo_dir, "no-such-folder", "x.pdf", NULL);
  g_autofree char *id = NULL;
  g_autofree char *err = NULL;
  g_autofree char *err2 = NULL;
  g_autofree char *err3 = NULL;

  find_contract ("lease", &c);
  id = g_strdup_printf ("%lld", (long long) c.id);

  g_assert_cmpint (run_cli (id, "--out", path, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  assert_is_pdf (path);

  g_assert_cmpint (run_cli ("999999", "--out", path, &err2), ==, 1);
  g_assert_true (g_str_has_prefix (err2, "plazactl: "));
  g_assert_nonnull (strstr (err2, "999999"));
  g_assert_cmpint (strchr (err2, '\n') - err2, ==, (int) strlen (err2) - 1);

  g_assert_cmpint (run_cli (id, "--out", bad, &err3), ==, 1);
  g_assert_nonnull (strstr (err3, "no-such-folder"));
  g_assert_cmpint (strchr (err3, '\n') - err3, ==, (int) strlen (err3) - 1);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GDate today;
  int status;

  g_test_init (&argc, &argv, NULL);

  demo_dir = g_dir_make_tmp ("plaza-contract-pdf-XXXXXX", NULL);
  path = g_build_filename (demo_dir, "mall.db", NULL);
  demo_store = plaza_store_open (path, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 27, G_DATE_NOVEMBER, 2026);
  g_assert_true (plaza_demo_generate (demo_store, 1, PLAZA_DEMO_SMALL, &today, &error));
  g_assert_no_error (error);

  g_test_add_func ("/contract-pdf/lease", test_lease);
  g_test_add_func ("/contract-pdf/concession", test_concession);
  g_test_add_func ("/contract-pdf/unknown-id", test_unknown_id);
  g_test_add_func ("/contract-pdf/unwritable", test_unwritable);
  g_test_add_func ("/contract-pdf/cli", test_cli);
  g_test_add_func ("/contract-pdf/schedule-and-pages", test_schedule_and_pages);

  status = g_test_run ();
  g_clear_object (&demo_store);
  plaza_test_remove_tree (demo_dir);
  g_free (demo_dir);
  return status;
}
