/* test-gui-contract-detail.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The contract detail window on a small demo mall made here: the terms
 * are shown in words (the JSON only behind the expander), an attachment
 * added through the window is listed and, once its stored copy is gone,
 * reported missing and refused by "Open"; a pending amendment is listed,
 * rejecting it needs a reason, approving it through the window changes the
 * schedule from its effective month; the PDF export writes a PDF.
 */

#define G_LOG_DOMAIN "plaza-test"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <adwaita.h>

#include "plaza-attachment.h"
#include "plaza-contract.h"
#include "plaza-contract-detail.h"
#include "plaza-contract-schedule.h"
#include "plaza-demo.h"
#include "plaza-worker.h"
#include "test-util.h"

#define TIMEOUT_S 60
#include "test-gui-util.h"

static gboolean
detail_idle (gpointer data)
{
  return !plaza_contract_detail_get_busy (data) && plaza_contract_detail_get_view (data) != NULL;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (plaza_worker_open_finish (PLAZA_WORKER (source), result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static const PlazaScheduleRow *
row_for (GArray     *rows,
         const char *month)
{
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    if (g_str_equal (g_array_index (rows, PlazaScheduleRow, i).month, month))
      return &g_array_index (rows, PlazaScheduleRow, i);
  g_error ("no schedule row for %s", month);
  return NULL;
}

static void
test_detail (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("plaza-gui-detail-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "mall.db", NULL);
  g_autofree char *scan = g_build_filename (dir, "signed scan.txt", NULL);
  g_autofree char *drawing = g_build_filename (dir, "drawing.txt", NULL);
  g_autofree char *pdf = g_build_filename (dir, "out", "contract.pdf", NULL);
  g_autofree char *out_dir = g_build_filename (dir, "out", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) next = NULL;
  g_autofree char *effective = NULL;
  g_autofree char *later_month = NULL;
  g_autofree char *terms_text = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *pdf_data = NULL;
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(PlazaWorker) worker = NULL;
  g_autoptr(PlazaAttachment) attachment = NULL;
  PlazaContractDetail *detail;
  const PlazaContractView *view;
  GPtrArray *attachments;
  GDate today;
  gint64 id, event_id, rent_before;
  gboolean opened = FALSE;
  gsize pdf_len = 0;
  const char *model_words;

  g_assert_no_error (error);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
  {
    g_autoptr(GDateTime) first = g_date_time_add_days (now, 1 - g_date_time_get_day_of_month (now));
    next = g_date_time_add_months (first, 1);
  }
  effective = g_date_time_format (next, "%Y-%m-%d");
  {
    g_autoptr(GDateTime) two = g_date_time_add_months (next, 2);
    later_month = g_date_time_format (two, "%Y-%m");
  }

  store = plaza_store_open (path, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (plaza_demo_generate (store, 7, PLAZA_DEMO_SMALL, &today, &error));
  g_assert_no_error (error);
  /* An active fixed-rent lease running at least half a year more. */
  id = plaza_test_count (store, "SELECT MIN (id) FROM contracts WHERE state = 'active' AND model = 'fixed' "
                                "AND end_date >= date ('now', '+6 months') AND start_date < date ('now')");
  g_assert_cmpint (id, >, 0);

  worker = plaza_worker_new ();
  plaza_worker_open_async (worker, path, PLAZA_STORE_OPEN_DEFAULT, NULL, opened_cb, &opened);
  plaza_test_spin_until (flag_set, &opened, "the worker to open the database");

  detail = plaza_contract_detail_new (NULL, worker, id);
  gtk_window_present (GTK_WINDOW (detail));
  plaza_test_spin_until (detail_idle, detail, "the contract to load");
  g_assert_null (plaza_contract_detail_get_error (detail));
  view = plaza_contract_detail_get_view (detail);
  g_assert_cmpstr (view->state, ==, "active");

  /* Terms in words: the model named, no JSON in the terms section. */
  terms_text = plaza_contract_detail_dup_terms_text (detail);
  g_test_message ("terms:\n%s", terms_text);
  model_words = "Fixed rent";
  g_assert_nonnull (strstr (terms_text, model_words));
  g_assert_nonnull (strstr (terms_text, "Escalation"));
  g_assert_nonnull (strstr (terms_text, "Fees"));
  g_assert_null (strchr (terms_text, '{'));
  g_assert_nonnull (plaza_contract_detail_get_schedule (detail));

  /* An attachment added through the window is listed, then reported
   * missing once its stored copy is gone; "Open" refuses it in words. */
  g_assert_true (g_file_set_contents (scan, "signed on paper\n", -1, &error));
  g_assert_no_error (error);
  g_assert_true (plaza_contract_detail_add_attachment (detail, scan));
  plaza_test_spin_until (detail_idle, detail, "the attachment to be added");
  g_assert_null (plaza_contract_detail_get_error (detail));
  attachments = plaza_contract_detail_get_attachments (detail);
  g_assert_cmpuint (attachments->len, ==, 1);
  g_assert_cmpstr (((PlazaAttachment *) attachments->pdata[0])->file_name, ==, "signed scan.txt");
  g_assert_cmpint (((PlazaAttachment *) attachments->pdata[0])->size, ==, 16);
  g_assert_null (plaza_contract_detail_get_attachment_problem (detail, 0));

  attachment = plaza_attachment_get (store, ((PlazaAttachment *) attachments->pdata[0])->id, &error);
  g_assert_no_error (error);
  stored = plaza_attachment_dup_path (store, attachment);
  g_assert_true (g_file_test (stored, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_unlink (stored), ==, 0);
  plaza_contract_detail_reload (detail);
  plaza_test_spin_until (detail_idle, detail, "the reload");
  g_assert_nonnull (plaza_contract_detail_get_attachment_problem (detail, 0));
  g_assert_nonnull (strstr (plaza_contract_detail_get_attachment_problem (detail, 0), "missing"));
  g_assert_true (plaza_contract_detail_open_attachment (detail, attachment->id));
  plaza_test_spin_until (detail_idle, detail, "the open attempt");
  g_assert_nonnull (plaza_contract_detail_get_error (detail));
  g_assert_nonnull (strstr (plaza_contract_detail_get_error (detail), "missing"));

  /* A second one whose stored copy is edited afterwards: "changed". */
  g_assert_true (g_file_set_contents (drawing, "floor plan\n", -1, &error));
  g_assert_no_error (error);
  g_assert_true (plaza_contract_detail_add_attachment (detail, drawing));
  plaza_test_spin_until (detail_idle, detail, "the second attachment");
  attachments = plaza_contract_detail_get_attachments (detail);
  g_assert_cmpuint (attachments->len, ==, 2);
  {
    g_autoptr(PlazaAttachment) second = plaza_attachment_get (store, ((PlazaAttachment *) attachments->pdata[1])->id,
                                                              &error);
    g_autofree char *second_path = NULL;

    g_assert_no_error (error);
    second_path = plaza_attachment_dup_path (store, second);
    g_assert_true (g_file_set_contents (second_path, "signed on paper?\n", -1, &error));
    g_assert_no_error (error);
  }
  plaza_contract_detail_reload (detail);
  plaza_test_spin_until (detail_idle, detail, "the reload");
  g_assert_nonnull (strstr (plaza_contract_detail_get_attachment_problem (detail, 0), "missing"));
  g_assert_nonnull (strstr (plaza_contract_detail_get_attachment_problem (detail, 1), "changed"));

  /* A pending amendment: rent ¥1.00 a month from next month. */
  rent_before = row_for (plaza_contract_detail_get_schedule (detail), later_month)->base_rent;
  g_assert_cmpint (rent_before, >, 100);
  event_id = plaza_contract_amend (store, id, effective, "{\"rent\": {\"amount\": \"1.00\", \"unit\": \"month\"}}", "rent relief", &error);
  g_assert_no_error (error);
  g_assert_cmpint (event_id, >, 0);
  plaza_contract_detail_reload (detail);
  plaza_test_spin_until (detail_idle, detail, "the reload");
  g_assert_cmpint (row_for (plaza_contract_detail_get_schedule (detail), later_month)->base_rent, ==, rent_before);
  g_assert_cmpstr (plaza_contract_detail_get_schedule_note (detail), ==, "");

  /* Rejecting needs a reason; approving changes the schedule. */
  g_assert_false (plaza_contract_detail_decide_amendment (detail, event_id, FALSE, "  "));
  g_assert_nonnull (plaza_contract_detail_get_error (detail));
  g_assert_true (plaza_contract_detail_decide_amendment (detail, event_id, TRUE, "ok"));
  plaza_test_spin_until (detail_idle, detail, "the approval");
  g_assert_null (plaza_contract_detail_get_error (detail));
  g_assert_cmpint (plaza_test_count (store, "SELECT COUNT(*) FROM contract_events WHERE kind = 'amendment' "
                                            "AND state = 'approved'"), ==, 1);
  {
    g_autofree char *effective_month = g_strndup (effective, 7);

    g_assert_nonnull (strstr (plaza_contract_detail_get_schedule_note (detail), effective_month));
  }
  /* ¥1.00 a month (escalation, if any, keeps its calendar: a few fen more). */
  g_assert_cmpint (row_for (plaza_contract_detail_get_schedule (detail), later_month)->base_rent, >=, 100);
  g_assert_cmpint (row_for (plaza_contract_detail_get_schedule (detail), later_month)->base_rent, <=, 200);

  /* The PDF: a folder that is not there fails in words, then it is saved. */
  g_assert_true (plaza_contract_detail_export_pdf (detail, pdf));
  plaza_test_spin_until (detail_idle, detail, "the failed export");
  g_assert_nonnull (plaza_contract_detail_get_error (detail));
  g_assert_cmpint (g_mkdir (out_dir, 0700), ==, 0);
  g_assert_true (plaza_contract_detail_export_pdf (detail, pdf));
  plaza_test_spin_until (detail_idle, detail, "the export");
  g_assert_null (plaza_contract_detail_get_error (detail));
  g_assert_nonnull (strstr (plaza_contract_detail_get_status (detail), pdf));
  g_assert_true (g_file_get_contents (pdf, &pdf_data, &pdf_len, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_len, >, 4);
  g_assert_true (g_str_has_prefix (pdf_data, "%PDF"));

  gtk_window_destroy (GTK_WINDOW (detail));
  g_clear_object (&worker);
  g_clear_object (&store);
  plaza_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/gui/contract-detail/terms-attachments-amendments-pdf", test_detail);
  return g_test_run ();
}
