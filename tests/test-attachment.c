/* test-attachment.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Attachments: copied beside the database without overwriting, recorded
 * with size and SHA-256, listed, checked (missing or changed files are
 * reported), and no copy left behind when the row cannot be written.
 */

#define G_LOG_DOMAIN "plaza-test"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "plaza-core.h"
#include "test-util.h"

typedef struct
{
  char       *dir;      /* the database's folder */
  char       *src_dir;  /* where the originals are */
  PlazaStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("plaza-attach-XXXXXX", NULL);
  f->src_dir = g_dir_make_tmp ("plaza-attach-src-XXXXXX", NULL);
  path = g_build_filename (f->dir, "mall.db", NULL);
  f->store = plaza_store_open (path, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  plaza_store_set_user (f->store, "lina");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data G_GNUC_UNUSED)
{
  g_assert_finalize_object (f->store);
  plaza_test_remove_tree (f->dir);
  plaza_test_remove_tree (f->src_dir);
  g_free (f->dir);
  g_free (f->src_dir);
}

static char *
make_source (Fixture    *f,
             const char *name,
             const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->src_dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
  return path;
}

static void
test_add_and_list (Fixture       *f,
                   gconstpointer  data G_GNUC_UNUSED)
{
  const char *contents = "%PDF-1.4 signed lease 租赁合同";
  g_autofree char *src = make_source (f, "合同扫描.pdf", contents);
  g_autofree char *expected_sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, contents, -1);
  g_autofree char *first_path = NULL;
  g_autofree char *second_path = NULL;
  g_autofree char *stored = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  const PlazaAttachment *a;
  gint64 id1, id2;

  id1 = plaza_attachment_add (f->store, "contract", 7, src, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id1, >, 0);
  id2 = plaza_attachment_add (f->store, "contract", 7, src, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id2, >, id1);

  list = plaza_attachment_list (f->store, "contract", 7, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);

  a = g_ptr_array_index (list, 0);
  g_assert_cmpint (a->id, ==, id1);
  g_assert_cmpstr (a->entity, ==, "contract");
  g_assert_cmpint (a->entity_id, ==, 7);
  g_assert_cmpstr (a->file_name, ==, "合同扫描.pdf");
  g_assert_cmpstr (a->stored_path, ==, "mall.db.files/contract/7/合同扫描.pdf");
  g_assert_cmpint (a->size, ==, (gint64) strlen (contents));
  g_assert_cmpstr (a->sha256, ==, expected_sha);
  g_assert_cmpstr (a->added_by, ==, "lina");
  g_assert_true (g_str_has_suffix (a->added_at, "Z"));
  first_path = plaza_attachment_dup_path (f->store, a);
  g_assert_true (g_str_has_prefix (first_path, f->dir));
  g_assert_true (g_file_get_contents (first_path, &stored, NULL, &error));
  g_assert_cmpstr (stored, ==, contents);

  /* the second copy never overwrites the first */
  a = g_ptr_array_index (list, 1);
  g_assert_cmpstr (a->file_name, ==, "合同扫描 (2).pdf");
  g_assert_cmpstr (a->stored_path, ==, "mall.db.files/contract/7/合同扫描 (2).pdf");
  g_assert_cmpstr (a->sha256, ==, expected_sha);
  second_path = plaza_attachment_dup_path (f->store, a);
  g_assert_true (g_file_test (second_path, G_FILE_TEST_IS_REGULAR));

  /* other entities are apart */
  g_clear_pointer (&list, g_ptr_array_unref);
  list = plaza_attachment_list (f->store, "contract", 8, &error);
  g_assert_cmpuint (list->len, ==, 0);

  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM change_log WHERE action = 'attach' "
                                               "AND entity = 'contract' AND entity_id = 7 AND user = 'lina'"), ==, 2);

  g_assert_true (plaza_attachment_check (f->store, id1, &error));
  g_assert_no_error (error);
  g_assert_true (plaza_attachment_check (f->store, id2, &error));
  g_assert_no_error (error);
}

static void
test_numbering (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *src = make_source (f, "README", "notes");
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpint (plaza_attachment_add (f->store, "tenant", 3, src, &error), >, 0);
      g_assert_no_error (error);
    }
  list = plaza_attachment_list (f->store, "tenant", 3, &error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpstr (((PlazaAttachment *) g_ptr_array_index (list, 0))->file_name, ==, "README");
  g_assert_cmpstr (((PlazaAttachment *) g_ptr_array_index (list, 1))->file_name, ==, "README (2)");
  g_assert_cmpstr (((PlazaAttachment *) g_ptr_array_index (list, 2))->file_name, ==, "README (3)");
}

static void
test_check_missing_and_changed (Fixture       *f,
                                gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *src = make_source (f, "drawing.dwg", "lines and arcs");
  g_autoptr(PlazaAttachment) a = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  gint64 id;

  id = plaza_attachment_add (f->store, "contract", 1, src, &error);
  g_assert_no_error (error);
  a = plaza_attachment_get (f->store, id, &error);
  g_assert_no_error (error);
  path = plaza_attachment_dup_path (f->store, a);

  /* changing the original does not touch the copy */
  g_assert_true (g_file_set_contents (src, "something else", -1, NULL));
  g_assert_true (plaza_attachment_check (f->store, id, &error));
  g_assert_no_error (error);

  /* same size, different bytes */
  g_assert_true (g_file_set_contents (path, "LINES AND ARCS", -1, NULL));
  g_assert_false (plaza_attachment_check (f->store, id, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "drawing.dwg"));
  g_assert_nonnull (strstr (error->message, "changed"));
  g_clear_error (&error);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_false (plaza_attachment_check (f->store, id, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "missing"));
  g_clear_error (&error);

  /* the record stays: a missing file is reported, not fatal */
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM attachments"), ==, 1);

  /* attaching the same name again does not take over the missing copy's
   * place: the old record stays missing, the new one is "drawing (2).dwg" */
  {
    gint64 again = plaza_attachment_add (f->store, "contract", 1, src, &error);
    g_autoptr(PlazaAttachment) b = NULL;

    g_assert_no_error (error);
    b = plaza_attachment_get (f->store, again, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (b->file_name, ==, "drawing (2).dwg");
    g_assert_true (plaza_attachment_check (f->store, again, &error));
    g_assert_false (plaza_attachment_check (f->store, id, &error));
    g_assert_nonnull (strstr (error->message, "missing"));
    g_clear_error (&error);
  }

  g_assert_false (plaza_attachment_check (f->store, id + 100, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND);
}

static void
test_bad_input (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *src = make_source (f, "a.txt", "a");
  g_autofree char *missing = g_build_filename (f->src_dir, "nope.pdf", NULL);
  g_autofree char *files = g_build_filename (f->dir, "mall.db.files", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (plaza_attachment_add (f->store, "contract", 1, missing, &error), ==, 0);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (plaza_attachment_add (f->store, "contract", 1, f->src_dir, &error), ==, 0);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (plaza_attachment_add (f->store, "../etc", 1, src, &error), ==, 0);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (plaza_attachment_add (f->store, "contract", 0, src, &error), ==, 0);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM attachments"), ==, 0);
  g_assert_false (g_file_test (files, G_FILE_TEST_EXISTS));
}

static gboolean
refuse_func (PlazaStore  *store,
             gpointer     data G_GNUC_UNUSED,
             GError     **error)
{
  return plaza_store_exec (store,
                           "CREATE TRIGGER attachments_refused BEFORE INSERT ON attachments "
                           "BEGIN SELECT RAISE (ABORT, 'refused by the test'); END;", error);
}

/* The copy is made first; when the row cannot be written it goes again. */
static void
test_write_fails (Fixture       *f,
                  gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *src = make_source (f, "scan.pdf", "scan");
  g_autofree char *copy = g_build_filename (f->dir, "mall.db.files", "contract", "5", "scan.pdf", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (plaza_store_write (f->store, refuse_func, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (plaza_attachment_add (f->store, "contract", 5, src, &error), ==, 0);
  g_assert_nonnull (error);
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM attachments"), ==, 0);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM change_log WHERE action = 'attach'"), ==, 0);
}

static void
test_read_only (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *src = make_source (f, "scan.pdf", "scan");
  g_autofree char *path = g_build_filename (f->dir, "mall.db", NULL);
  g_autofree char *files = g_build_filename (f->dir, "mall.db.files", NULL);
  g_autoptr(PlazaStore) ro = NULL;
  g_autoptr(GError) error = NULL;

  ro = plaza_store_open (path, PLAZA_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plaza_attachment_add (ro, "contract", 5, src, &error), ==, 0);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_READ_ONLY);
  g_assert_false (g_file_test (files, G_FILE_TEST_EXISTS));
}

/* Removing takes the row and the stored copy, logs it, and refuses an
 * attachment of another record. */
static void
test_remove (Fixture       *f,
             gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *src = make_source (f, "海报.png", "poster");
  g_autoptr(PlazaAttachment) a = NULL;
  g_autofree char *stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = plaza_attachment_add (f->store, "promotion", 4, src, &error);
  g_assert_no_error (error);
  a = plaza_attachment_get (f->store, id, &error);
  g_assert_no_error (error);
  stored = plaza_attachment_dup_path (f->store, a);
  g_assert_true (g_file_test (stored, G_FILE_TEST_EXISTS));

  g_assert_false (plaza_attachment_remove (f->store, "promotion", 5, id, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (plaza_attachment_remove (f->store, "contract", 4, id, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (g_file_test (stored, G_FILE_TEST_EXISTS));
  g_assert_cmpint (plaza_test_count (f->store, "SELECT COUNT (*) FROM attachments"), ==, 1);

  g_assert_true (plaza_attachment_remove (f->store, "promotion", 4, id, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (stored, G_FILE_TEST_EXISTS));
  g_assert_cmpint (plaza_test_count (f->store, "SELECT COUNT (*) FROM attachments"), ==, 0);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT COUNT (*) FROM change_log WHERE entity = 'promotion'"
                                               " AND entity_id = 4 AND action = 'attachment'"
                                               " AND summary LIKE 'removed%'"), ==, 1);
  /* Gone means gone. */
  g_assert_false (plaza_attachment_remove (f->store, "promotion", 4, id, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND);
}

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/attachment/add-and-list", test_add_and_list);
  ADD ("/attachment/numbering", test_numbering);
  ADD ("/attachment/check", test_check_missing_and_changed);
  ADD ("/attachment/bad-input", test_bad_input);
  ADD ("/attachment/write-fails", test_write_fails);
  ADD ("/attachment/read-only", test_read_only);
  ADD ("/attachment/remove", test_remove);

  return g_test_run ();
}
