/* test-gui-review.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Review page and the eviction window on a small demo mall made with
 * today's date: the last ended quarter is built, a tenant's proposal set to
 * replace (with a note) and the quarter approved; the eviction window sends
 * the notice (deadline 30 days on), writes the notice letter, records the
 * handover and completes: the contract is terminated, its units vacant and
 * its deposit settled as the confirmation said.
 */

#define G_LOG_DOMAIN "plaza-test"

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "plaza-contract.h"
#include "plaza-eviction-window.h"
#include "plaza-review-page.h"
#include "plaza-window.h"
#include "test-gui-util.h"
#include "test-util.h"

static gboolean
window_opened (gpointer data)
{
  return !plaza_window_get_busy (data) && plaza_window_get_path (data) != NULL;
}

static gboolean
page_loaded (gpointer data)
{
  return plaza_review_page_get_loaded (data);
}

static gboolean
page_has_rows (gpointer data)
{
  GPtrArray *rows = plaza_review_page_get_rows (data);

  return plaza_review_page_get_loaded (data) && rows != NULL && rows->len > 0;
}

static gboolean
window_idle (gpointer data)
{
  return !plaza_eviction_window_get_busy (data);
}

static PlazaReviewRow *
row_by_id (PlazaReviewPage *page,
           gint64           id)
{
  GPtrArray *rows = plaza_review_page_get_rows (page);

  for (guint i = 0; i < rows->len; i++)
    {
      PlazaReviewRow *row = g_ptr_array_index (rows, i);

      if (row->id == id)
        return row;
    }
  g_assert_not_reached ();
  return NULL;
}

static void
test_review_page (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("plaza-gui-review-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "mall.db", NULL);
  g_autofree char *pdf = g_build_filename (dir, "notice.pdf", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 30);
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *deadline = g_date_time_format (later, "%Y-%m-%d");
  g_autofree char *quarter = NULL;
  g_autofree char *this_quarter = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *confirmation = NULL;
  g_autoptr(PlazaStore) store = NULL;
  PlazaEvictionSettlement before;
  const PlazaEviction *e;
  PlazaWindow *window;
  PlazaReviewPage *page;
  PlazaEvictionWindow *eviction;
  PlazaReviewRow *row = NULL;
  GPtrArray *rows;
  gint64 id, contract_id;

  g_assert_no_error (error);
  g_assert_cmpint (plaza_test_run_plazactl ((const char *[]) { "demo", path, "--size", "small",
                                                               "--today", today, NULL }, NULL, NULL), ==, 0);
  store = plaza_store_open (path, PLAZA_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);

  window = plaza_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 800);
  gtk_window_present (GTK_WINDOW (window));
  plaza_window_open (window, path, PLAZA_STORE_OPEN_DEFAULT);
  plaza_test_spin_until (window_opened, window, "the database to open");
  g_assert_true (plaza_window_set_page (window, "review"));
  page = PLAZA_REVIEW_PAGE (plaza_window_get_page_widget (window, "review"));
  plaza_test_spin_until (page_loaded, page, "the review page");
  this_quarter = plaza_review_quarter_of (today);
  quarter = plaza_review_quarter_before (this_quarter);
  g_assert_cmpstr (plaza_review_page_get_quarter (page), ==, quarter);
  g_assert_cmpuint (plaza_review_page_get_rows (page)->len, ==, 0);
  g_assert_false (plaza_review_page_set_quarter (page, "1999-Q1"));

  /* Build: one row per trading tenant, and again without duplicates. */
  plaza_review_page_build (page);
  plaza_test_spin_until (page_has_rows, page, "the built review");
  rows = plaza_review_page_get_rows (page);
  g_assert_cmpint (plaza_test_count (store, "SELECT count(*) FROM tenant_reviews"), ==, rows->len);
  plaza_review_page_build (page);
  plaza_test_spin_until (page_has_rows, page, "the rebuilt review");
  g_assert_cmpint (plaza_test_count (store, "SELECT count(*) FROM tenant_reviews"),
                   ==, plaza_review_page_get_rows (page)->len);
  plaza_test_shoot (GTK_WIDGET (window), "review-page");

  /* The weakest tenant with an active contract and a deposit: replace. */
  rows = plaza_review_page_get_rows (page);
  for (guint i = 0; i < rows->len; i++)
    {
      PlazaReviewRow *r = g_ptr_array_index (rows, i);

      if (r->contract_id > 0 && plaza_contract_deposit_balance (store, r->contract_id) > 0 &&
          (row == NULL || r->score < row->score))
        row = r;
    }
  g_assert_nonnull (row);
  id = row->id;
  contract_id = row->contract_id;
  g_test_message ("evicting %s (score %lld, %s)", row->tenant_code, (long long) row->score, row->proposal);
  plaza_review_page_set_proposal (page, id, "replace", "Two quarters at the bottom");
  plaza_test_spin_until (page_loaded, page, "the proposal");
  row = row_by_id (page, id);
  g_assert_cmpstr (row->proposal, ==, "replace");
  g_assert_cmpstr (row->comment, ==, "Two quarters at the bottom");

  plaza_review_page_decide_all (page, TRUE, NULL);
  plaza_test_spin_until (page_loaded, page, "the approval");
  row = row_by_id (page, id);
  g_assert_cmpstr (row->state, ==, "approved");
  g_assert_cmpint (plaza_test_count (store, "SELECT count(*) FROM tenant_reviews WHERE state <> 'approved'"), ==, 0);

  /* The eviction: notice from the review, the letter, handover, complete. */
  eviction = PLAZA_EVICTION_WINDOW (plaza_review_page_open_eviction (page, id));
  g_assert_nonnull (eviction);
  g_assert_null (plaza_eviction_window_get_eviction (eviction));
  plaza_eviction_window_set_notice (eviction, today, "", "");
  plaza_eviction_window_send_notice (eviction);
  plaza_test_spin_until (window_idle, eviction, "the notice");
  e = plaza_eviction_window_get_eviction (eviction);
  g_assert_nonnull (e);
  g_assert_cmpint (e->contract_id, ==, contract_id);
  g_assert_cmpstr (e->deadline, ==, deadline);
  g_assert_cmpstr (e->state, ==, "notified");
  g_assert_nonnull (strstr (e->reason, quarter));

  plaza_eviction_window_write_notice (eviction, pdf);
  plaza_test_spin_until (window_idle, eviction, "the notice letter");
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

  plaza_eviction_window_set_handover (eviction, today, "Keys returned, unit swept");
  plaza_eviction_window_record_handover (eviction);
  plaza_test_spin_until (window_idle, eviction, "the handover");
  e = plaza_eviction_window_get_eviction (eviction);
  g_assert_cmpstr (e->state, ==, "handed_over");
  g_assert_cmpstr (e->handover_notes, ==, "Keys returned, unit swept");
  before = *plaza_eviction_window_get_settlement (eviction);
  g_assert_cmpint (before.deposit, >, 0);
  g_assert_cmpint (before.offset + before.refund, ==, before.deposit);
  confirmation = plaza_eviction_window_describe_completion (eviction);
  g_assert_nonnull (strstr (confirmation, e->contract_code));
  g_test_message ("%s", confirmation);
  plaza_test_shoot (GTK_WIDGET (eviction), "eviction-window");

  plaza_eviction_window_complete (eviction);
  plaza_test_spin_until (window_idle, eviction, "the completion");
  e = plaza_eviction_window_get_eviction (eviction);
  g_assert_cmpstr (e->state, ==, "settled");

  /* The contract ended, the units vacant, the deposit settled. */
  sql = g_strdup_printf ("SELECT count(*) FROM contracts WHERE id = %lld AND state = 'terminated'", (long long) contract_id);
  g_assert_cmpint (plaza_test_count (store, sql), ==, 1);
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM contract_units cu JOIN units u ON u.id = cu.unit_id "
                         "WHERE cu.contract_id = %lld AND u.status <> 'vacant'", (long long) contract_id);
  g_assert_cmpint (plaza_test_count (store, sql), ==, 0);
  g_assert_cmpint (plaza_contract_deposit_balance (store, contract_id), ==, 0);
  g_free (sql);
  sql = g_strdup_printf ("SELECT coalesce (sum (amount), 0) FROM deposit_entries WHERE contract_id = %lld AND kind = 'offset'",
                         (long long) contract_id);
  g_assert_cmpint (plaza_test_count (store, sql), ==, before.offset);
  g_free (sql);
  sql = g_strdup_printf ("SELECT coalesce (sum (amount), 0) FROM deposit_entries WHERE contract_id = %lld AND kind = 'refunded'",
                         (long long) contract_id);
  g_assert_cmpint (plaza_test_count (store, sql), ==, before.refund);

  gtk_window_destroy (GTK_WINDOW (eviction));
  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  plaza_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/gui/review/page", test_review_page);
  return g_test_run ();
}
