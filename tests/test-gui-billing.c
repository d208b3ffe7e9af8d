/* test-gui-billing.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Billing page on a small demo mall made with today's date: the
 * arrears view's total equals plaza_arrears_aging's; a payment recorded
 * through the Record Payment dialog (after its validation refused bad
 * amounts) is in the database, allocated oldest first, and the arrears
 * view reloads smaller by the amount; reversing it writes the reversal and
 * brings the arrears back; the bill run of next month previews the bills
 * plaza_billing_preview lists; a bill opens in its own window.
 */

#define G_LOG_DOMAIN "plaza-test"

#include "config.h"

#include <adwaita.h>

#include "plaza-arrears.h"
#include "plaza-bill-window.h"
#include "plaza-billing-page.h"
#include "plaza-billing-query.h"
#include "plaza-billing.h"
#include "plaza-payment-dialog.h"
#include "plaza-record.h"
#include "plaza-window.h"
#include "test-gui-util.h"
#include "test-util.h"

static gboolean
window_opened (gpointer data)
{
  return !plaza_window_get_busy (data) && plaza_window_get_path (data) != NULL;
}

static gboolean
page_idle (gpointer data)
{
  return !plaza_billing_page_get_busy (data);
}

static gboolean
arrears_loaded (gpointer data)
{
  return !plaza_billing_page_get_busy (data) && plaza_billing_page_get_arrears (data) != NULL;
}

static gboolean
dialog_ready (gpointer data)
{
  return !plaza_payment_dialog_get_busy (data) && plaza_payment_dialog_get_n_lines (data) > 0;
}

static gboolean
bill_loaded (gpointer data)
{
  return plaza_bill_window_get_detail (data) != NULL && !plaza_bill_window_get_busy (data);
}

static gboolean
bill_idle (gpointer data)
{
  return !plaza_bill_window_get_busy (data);
}

static void
saved_cb (PlazaPaymentDialog *dialog G_GNUC_UNUSED,
          gint64              id,
          gpointer            user_data)
{
  *(gint64 *) user_data = id;
}

static gboolean
id_set (gpointer data)
{
  return *(gint64 *) data != 0;
}

static PlazaArrearsRow *
total_row (GPtrArray *rows)
{
  PlazaArrearsRow *row;

  g_assert_cmpuint (rows->len, >, 0);
  row = g_ptr_array_index (rows, rows->len - 1);
  g_assert_cmpint (row->tenant_id, ==, 0);
  return row;
}

static gint64
count (PlazaStore *store,
       const char *format,
       ...) G_GNUC_PRINTF (2, 3);

static gint64
count (PlazaStore *store,
       const char *format,
       ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return plaza_test_count (store, sql);
}

static void
test_billing_page (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("plaza-gui-billing-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "mall.db", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) next = g_date_time_add_months (now, 1);
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *next_month = g_date_time_format (next, "%Y-%m");
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GPtrArray) aging = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) preview = NULL;
  g_autofree char *amount_text = NULL;
  PlazaWindow *window;
  PlazaBillingPage *page;
  PlazaPaymentDialog *dialog;
  PlazaBillWindow *bill_window;
  PlazaArrearsRow *debtor = NULL;
  GPtrArray *shown;
  gint64 total_before, amount, second = 0, payment_id = 0, line0, line1 = 0;
  gint64 n_payments;
  gboolean reversed_shown = FALSE;

  g_assert_no_error (error);
  g_assert_cmpint (plaza_test_run_plazactl ((const char *[]) { "demo", path, "--size", "small",
                                                               "--today", today, NULL }, NULL, NULL), ==, 0);
  store = plaza_store_open (path, PLAZA_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);

  window = plaza_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  plaza_window_open (window, path, PLAZA_STORE_OPEN_DEFAULT);
  plaza_test_spin_until (window_opened, window, "the database to open");
  g_assert_true (plaza_window_set_page (window, "billing"));
  page = PLAZA_BILLING_PAGE (plaza_window_get_page_widget (window, "billing"));
  g_assert_cmpstr (plaza_billing_page_get_view (page), ==, "bills");
  g_assert_false (plaza_billing_page_set_view (page, "nowhere"));

  /* Arrears: the total row is core's. */
  g_assert_true (plaza_billing_page_set_view (page, "arrears"));
  plaza_test_spin_until (arrears_loaded, page, "the arrears");
  g_assert_true (plaza_arrears_aging (store, today, &aging, &error));
  g_assert_no_error (error);
  shown = plaza_billing_page_get_arrears (page);
  total_before = total_row (shown)->total;
  g_assert_cmpint (total_before, ==, total_row (aging)->total);
  g_assert_cmpint (total_before, >, 0);
  g_assert_cmpint (total_row (shown)->days_0_30, ==, total_row (aging)->days_0_30);
  g_assert_cmpint (total_row (shown)->days_90_plus, ==, total_row (aging)->days_90_plus);

  /* Sorted by total, largest first: the total row stays last. */
  plaza_billing_page_sort_arrears (page, 6, TRUE);
  {
    GListModel *model = plaza_billing_page_get_arrears_model (page);
    guint n = g_list_model_get_n_items (model);
    g_autoptr(PlazaRecord) first = g_list_model_get_item (model, 0);
    g_autoptr(PlazaRecord) second_row = g_list_model_get_item (model, 1);
    g_autoptr(PlazaRecord) last = g_list_model_get_item (model, n - 1);

    g_assert_cmpuint (n, ==, shown->len);
    g_assert_cmpint (plaza_record_get_id (last), ==, 0);
    g_assert_cmpint (plaza_record_get_id (first), !=, 0);
    if (n > 2)
      g_assert_cmpint (plaza_record_get_int (first, 12), >=, plaza_record_get_int (second_row, 12));
    plaza_billing_page_sort_arrears (page, 6, FALSE);
    g_clear_object (&last);
    last = g_list_model_get_item (model, n - 1);
    g_assert_cmpint (plaza_record_get_id (last), ==, 0);
  }

  /* The tenant owing most, and its open lines oldest first. */
  for (guint i = 0; i + 1 < aging->len; i++)
    {
      PlazaArrearsRow *row = g_ptr_array_index (aging, i);

      if (debtor == NULL || row->total > debtor->total)
        debtor = row;
    }
  g_assert_nonnull (debtor);
  g_assert_true (plaza_payments_open_lines (store, debtor->tenant_id, &lines, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (lines->len, >=, 2);
  line0 = ((PlazaOpenLineRow *) g_ptr_array_index (lines, 0))->line_id;
  line1 = ((PlazaOpenLineRow *) g_ptr_array_index (lines, 1))->line_id;
  second = MIN (((PlazaOpenLineRow *) g_ptr_array_index (lines, 1))->open, 10000);
  amount = ((PlazaOpenLineRow *) g_ptr_array_index (lines, 0))->open + second;
  amount_text = g_strdup_printf ("%lld.%02lld", (long long) (amount / 100), (long long) (amount % 100));
  n_payments = count (store, "SELECT COUNT(*) FROM payments");

  /* Record a payment through the dialog. */
  dialog = PLAZA_PAYMENT_DIALOG (plaza_billing_page_record_payment (page));
  g_assert_nonnull (dialog);
  plaza_payment_dialog_set_tenant (dialog, debtor->tenant_id);
  plaza_test_spin_until (dialog_ready, dialog, "the tenant's open lines");
  g_assert_cmpuint (plaza_payment_dialog_get_n_lines (dialog), ==, lines->len);
  g_assert_cmpstr (plaza_payment_dialog_get_problem (dialog), ==, "Enter the amount paid.");
  plaza_payment_dialog_set_amount_text (dialog, "12.345");
  g_assert_cmpstr (plaza_payment_dialog_get_problem (dialog), !=, "");
  g_assert_false (plaza_payment_dialog_save (dialog));
  plaza_payment_dialog_set_amount_text (dialog, "0");
  g_assert_cmpstr (plaza_payment_dialog_get_problem (dialog), ==, "The amount must be more than zero.");
  plaza_payment_dialog_set_date_text (dialog, "2026-02-30");
  plaza_payment_dialog_set_amount_text (dialog, amount_text);
  g_assert_cmpstr (plaza_payment_dialog_get_problem (dialog), !=, "");
  plaza_payment_dialog_set_date_text (dialog, today);
  /* By hand: more than a line's open amount is refused. */
  plaza_payment_dialog_set_manual (dialog, TRUE);
  plaza_payment_dialog_set_line_text (dialog, 0, "99999999");
  g_assert_cmpstr (plaza_payment_dialog_get_problem (dialog), !=, "");
  plaza_payment_dialog_set_line_text (dialog, 0, "");
  plaza_payment_dialog_set_manual (dialog, FALSE);
  plaza_payment_dialog_set_reference (dialog, "TEST-001");
  g_assert_cmpstr (plaza_payment_dialog_get_problem (dialog), ==, "");
  plaza_test_shoot (GTK_WIDGET (dialog), "payment-dialog");
  plaza_payment_dialog_set_manual (dialog, TRUE);
  plaza_payment_dialog_set_line_text (dialog, 0, "100");
  plaza_payment_dialog_set_line_text (dialog, 1, "99999999");
  plaza_test_shoot (GTK_WIDGET (dialog), "payment-dialog-manual");
  plaza_payment_dialog_set_line_text (dialog, 0, "");
  plaza_payment_dialog_set_line_text (dialog, 1, "");
  plaza_payment_dialog_set_manual (dialog, FALSE);
  g_signal_connect (dialog, "saved", G_CALLBACK (saved_cb), &payment_id);
  g_assert_true (plaza_payment_dialog_save (dialog));
  plaza_test_spin_until (id_set, &payment_id, "the payment to be saved");

  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM payments"), ==, n_payments + 1);
  g_assert_cmpint (count (store, "SELECT amount FROM payments WHERE id = %lld AND tenant_id = %lld"
                                 " AND method = 'transfer' AND reference = 'TEST-001' AND date = '%s'",
                          (long long) payment_id, (long long) debtor->tenant_id, today), ==, amount);
  /* Oldest first: all of the first line, the rest on the second. */
  g_assert_cmpint (count (store, "SELECT amount FROM payment_allocations WHERE payment_id = %lld AND bill_line_id = %lld",
                          (long long) payment_id, (long long) line0),
                   ==, amount - second);
  g_assert_cmpint (count (store, "SELECT amount FROM payment_allocations WHERE payment_id = %lld AND bill_line_id = %lld",
                          (long long) payment_id, (long long) line1), ==, second);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM payment_allocations WHERE payment_id = %lld",
                          (long long) payment_id), ==, 2);

  /* The arrears view reloaded, smaller by the payment. */
  plaza_test_spin_until (arrears_loaded, page, "the arrears to reload");
  g_assert_cmpint (total_row (plaza_billing_page_get_arrears (page))->total, ==, total_before - amount);

  /* Reverse it from the payments view. */
  g_assert_true (plaza_billing_page_set_view (page, "payments"));
  plaza_test_spin_until (page_idle, page, "the payments");
  g_assert_nonnull (plaza_billing_page_get_payments (page));
  g_assert_cmpint (((PlazaPaymentRow *) g_ptr_array_index (plaza_billing_page_get_payments (page), 0))->id,
                   ==, payment_id);
  plaza_billing_page_reverse_payment (page, payment_id, "Bounced");
  plaza_test_spin_until (page_idle, page, "the reversal");
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM payments WHERE reversal_of = %lld AND amount = %lld"
                                 " AND reference = 'Bounced'",
                          (long long) payment_id, (long long) -amount), ==, 1);
  g_assert_cmpint (count (store, "SELECT COALESCE (SUM (pa.amount), 0) FROM payment_allocations pa"
                                 " JOIN payments p ON p.id = pa.payment_id"
                                 " WHERE p.id = %lld OR p.reversal_of = %lld",
                          (long long) payment_id, (long long) payment_id), ==, 0);
  shown = plaza_billing_page_get_payments (page);
  for (guint i = 0; i < shown->len; i++)
    {
      PlazaPaymentRow *row = g_ptr_array_index (shown, i);

      if (row->id == payment_id)
        reversed_shown = row->reversed;
    }
  g_assert_true (reversed_shown);
  g_assert_true (plaza_billing_page_set_view (page, "arrears"));
  plaza_test_spin_until (arrears_loaded, page, "the arrears after the reversal");
  g_assert_cmpint (total_row (plaza_billing_page_get_arrears (page))->total, ==, total_before);

  /* Late fees billed for the debtor: nothing unbilled is left. */
  {
    g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
    gint64 unbilled = -1;
    gint64 fee = 0;


    g_array_append_val (ids, debtor->tenant_id);
    shown = plaza_billing_page_get_arrears (page);
    for (guint i = 0; i < shown->len; i++)
      if (((PlazaArrearsRow *) g_ptr_array_index (shown, i))->tenant_id == debtor->tenant_id)
        fee = ((PlazaArrearsRow *) g_ptr_array_index (shown, i))->late_fee;
    g_assert_cmpint (fee, >, 0);
    plaza_billing_page_bill_late_fees (page, ids);
    plaza_test_spin_until (page_idle, page, "the late-fee bills");
    g_assert_cmpint (count (store, "SELECT COUNT(*) FROM bills WHERE tenant_id = %lld AND kind = 'supplementary'"
                                   " AND code LIKE '%%-LF%%'", (long long) debtor->tenant_id), >, 0);
    g_assert_true (plaza_late_fee_tenant (store, debtor->tenant_id, today, NULL, &unbilled, &error));
    g_assert_no_error (error);
    g_assert_cmpint (unbilled, ==, 0);
  }

  /* Dunning letters for every tenant overdue. */
  {
    g_autofree char *pdf = g_build_filename (dir, "letters.pdf", NULL);
    g_autofree char *contents = NULL;
    gsize length = 0;

    plaza_billing_page_write_dunning (page, pdf, NULL);
    plaza_test_spin_until (page_idle, page, "the dunning letters");
    g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
    g_assert_true (g_str_has_prefix (contents, "%PDF"));
    g_assert_cmpint (count (store, "SELECT COUNT(*) FROM dunning_letters WHERE date = '%s'", today), >, 0);
  }

  /* The bill run of next month. */
  g_assert_true (plaza_billing_preview (store, next_month, &preview, &error));
  g_assert_no_error (error);
  g_assert_true (plaza_billing_page_set_view (page, "run"));
  plaza_test_spin_until (page_idle, page, "the bill run of this month");
  plaza_billing_page_set_run_month (page, next_month);
  plaza_billing_page_preview_run (page);
  plaza_test_spin_until (page_idle, page, "the bill run preview");
  g_assert_nonnull (plaza_billing_page_get_preview (page));
  g_assert_cmpuint (plaza_billing_page_get_preview (page)->len, ==, preview->len);
  g_assert_cmpuint (preview->len, >, 0);
  g_assert_cmpint (((PlazaBill *) g_ptr_array_index (plaza_billing_page_get_preview (page), 0))->total,
                   ==, ((PlazaBill *) g_ptr_array_index (preview, 0))->total);

  /* Issue them: the month's bills are written, the preview is empty. */
  plaza_billing_page_issue_run (page, next_month);
  plaza_test_spin_until (page_idle, page, "the bill run");
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM bills WHERE kind = 'regular' AND month = '%s'", next_month),
                   ==, preview->len);
  g_assert_cmpuint (plaza_billing_page_get_preview (page)->len, ==, 0);

  /* A bill in its own window, with its lines and open amount. */
  bill_window = plaza_bill_window_new (GTK_WINDOW (window), plaza_window_get_worker (window),
                                       ((PlazaOpenLineRow *) g_ptr_array_index (lines, 0))->bill_id);
  gtk_window_present (GTK_WINDOW (bill_window));
  plaza_test_spin_until (bill_loaded, bill_window, "the bill");
  g_assert_cmpstr (plaza_bill_window_get_detail (bill_window)->code, ==,
                   ((PlazaOpenLineRow *) g_ptr_array_index (lines, 0))->bill_code);
  g_assert_cmpuint (plaza_bill_window_get_detail (bill_window)->lines->len, >, 0);
  g_assert_cmpint (plaza_bill_window_get_detail (bill_window)->open, >, 0);
  plaza_test_shoot (GTK_WIDGET (bill_window), "bill-window");
  {
    gint64 bill_id = plaza_bill_window_get_detail (bill_window)->id;
    gint64 open_before = plaza_bill_window_get_detail (bill_window)->open;

    /* A credit note of ¥100.00 and a supplementary bill of ¥50.00. */
    plaza_bill_window_issue (bill_window, NULL, 10000, "Test credit");
    plaza_test_spin_until (bill_idle, bill_window, "the credit note");
    g_assert_cmpint (count (store, "SELECT COUNT(*) FROM bills WHERE kind = 'credit_note' AND original_bill_id = %lld"
                                   " AND total = -10000", (long long) bill_id), ==, 1);
    plaza_bill_window_issue (bill_window, "fee", 5000, "Extra cleaning");
    plaza_test_spin_until (bill_idle, bill_window, "the supplementary bill");
    g_assert_cmpint (count (store, "SELECT COUNT(*) FROM bills WHERE kind = 'supplementary' AND original_bill_id = %lld"
                                   " AND total = 5000", (long long) bill_id), ==, 1);
    g_assert_cmpint (plaza_bill_window_get_detail (bill_window)->open, ==, MAX (open_before - 10000, 0));
  }
  gtk_window_destroy (GTK_WINDOW (bill_window));

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
  g_test_add_func ("/gui/billing/page", test_billing_page);
  return g_test_run ();
}
