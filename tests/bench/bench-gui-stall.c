/* bench-gui-stall.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The GUI's main-loop stalls while browsing and saving on a slow share
 * (issue 8): run by tests/bench/bench-gui-stall.sh under xvfb-run with
 * PLAZA_IO_DELAY_MS=50, which slows every read, write, lock and sync of the
 * GUI's store. A medium demo mall (made in another process, without the
 * delay) is opened and browsed: every page in turn, every view of the pages
 * that have several, a search typed into the tenant list, a tenant window, a
 * contract window, the promotion editor saving a change, a payment recorded
 * through the dialog. A high-priority 1 ms timeout records the gap between
 * main-loop iterations; for every step it prints the longest gap and the
 * 99th percentile, then the longest overall (goal: under 50 ms). It prints
 * figures; it asserts nothing about time.
 *
 * With BENCH_STALL_TRACE=MS a watchdog thread signals the main thread when
 * it has not ticked for MS milliseconds (and every 150 ms after, while the
 * stall lasts), and the signal handler prints the main thread's backtrace
 * to standard error: what the main loop was doing instead of iterating
 * (resolve "bench-gui-stall(+0x…)" frames with addr2line -f -e).
 *
 *   bench-gui-stall PLAZACTL [SIZE=medium]
 */

#define G_LOG_DOMAIN "plaza-bench"

#include "config.h"

#include <adwaita.h>
#include <execinfo.h>
#include <glib/gstdio.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include "plaza-analytics-page.h"
#include "plaza-billing-page.h"
#include "plaza-contract-detail.h"
#include "plaza-leasing-page.h"
#include "plaza-list-page.h"
#include "plaza-overview-page.h"
#include "plaza-payment-dialog.h"
#include "plaza-promotion-editor-private.h"
#include "plaza-promotions-page.h"
#include "plaza-review-page.h"
#include "plaza-tenant-window-private.h"
#include "plaza-units-page.h"
#include "plaza-window.h"

#define STEP_TIMEOUT_S 60

typedef struct
{
  char   *name;
  gint64  longest_us;
  gint64  p99_us;
  guint   ticks;
  gint64  wall_us;
} Step;

static GArray  *gaps;       /* gint64 µs between ticks, this step */
static volatile gint64   last_tick;
static volatile gboolean recording;
static GArray  *steps;      /* Step */
static char    *step_note;  /* "still loading" when a step timed out */

static gboolean
tick_cb (gpointer user_data G_GNUC_UNUSED)
{
  gint64 now = g_get_monotonic_time ();

  if (recording && last_tick != 0)
    {
      gint64 gap = now - last_tick;
      g_array_append_val (gaps, gap);
    }
  last_tick = now;
  return G_SOURCE_CONTINUE;
}

static pthread_t main_thread;
static guint     trace_ms;

static void
trace_handler (int sig G_GNUC_UNUSED)
{
  static const char head[] = "--- the main thread, stalled:\n";
  void *frames[64];
  int n = backtrace (frames, G_N_ELEMENTS (frames));

  if (write (STDERR_FILENO, head, sizeof head - 1) < 0)
    return;
  backtrace_symbols_fd (frames, n, STDERR_FILENO);
}

static gpointer
watchdog_thread (gpointer data G_GNUC_UNUSED)
{
  gint64 sampled = 0;

  for (;;)
    {
      gint64 tick = last_tick;
      gint64 now;

      g_usleep (5000);
      now = g_get_monotonic_time ();
      if (recording && tick != 0 && now - tick > (gint64) trace_ms * 1000 && now - sampled > 150 * 1000 &&
          tick == last_tick)
        {
          sampled = now;
          pthread_kill (main_thread, SIGPROF);
        }
    }
  return NULL;
}

static void
trace_start (void)
{
  const char *env = g_getenv ("BENCH_STALL_TRACE");
  void *frames[4];
  struct sigaction sa = { 0 };

  if (env == NULL || *env == '\0')
    return;
  trace_ms = (guint) g_ascii_strtoull (env, NULL, 10);
  if (trace_ms == 0)
    return;
  backtrace (frames, G_N_ELEMENTS (frames));  /* loads the unwinder now, not in the handler */
  main_thread = pthread_self ();
  sa.sa_handler = trace_handler;
  sa.sa_flags = SA_RESTART;
  sigemptyset (&sa.sa_mask);
  sigaction (SIGPROF, &sa, NULL);
  g_thread_unref (g_thread_new ("stall-watchdog", watchdog_thread, NULL));
}

static int
cmp_gint64 (gconstpointer a,
            gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return x < y ? -1 : x > y;
}

static gint64 step_start;

static void
step_begin (void)
{
  g_array_set_size (gaps, 0);
  last_tick = g_get_monotonic_time ();
  step_start = last_tick;
  recording = TRUE;
}

static void
step_end (const char *name)
{
  Step s = { g_strconcat (name, step_note, NULL), 0, 0, 0, g_get_monotonic_time () - step_start };
  gint64 now = g_get_monotonic_time ();

  /* The time since the last tick counts too (a stall at the very end). */
  if (last_tick != 0)
    {
      gint64 gap = now - last_tick;
      g_array_append_val (gaps, gap);
    }
  recording = FALSE;
  g_array_sort (gaps, cmp_gint64);
  s.ticks = gaps->len;
  if (gaps->len > 0)
    {
      s.longest_us = g_array_index (gaps, gint64, gaps->len - 1);
      s.p99_us = g_array_index (gaps, gint64, MIN (gaps->len - 1, (gaps->len * 99) / 100));
    }
  g_array_append_val (steps, s);
  g_printerr ("  %-34s %7.1f ms  p99 %6.1f ms  (%.1f s)\n", s.name, s.longest_us / 1000.0, s.p99_us / 1000.0,
              s.wall_us / 1e6);
  g_clear_pointer (&step_note, g_free);
}

static void
spin_ms (guint ms)
{
  gint64 until = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
}

typedef gboolean (*BusyFunc) (gpointer data);

/* Spins at least 150 ms (a load may start on the next idle), then until
 * @busy (with @data) says done, then 250 ms more (the model's update). */
static void
spin_until_idle (BusyFunc    busy,
                 gpointer    data,
                 const char *what)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) STEP_TIMEOUT_S * G_USEC_PER_SEC;

  spin_ms (150);
  while (busy != NULL && busy (data))
    {
      if (g_get_monotonic_time () > deadline)
        {
          g_printerr ("  (gave up waiting for %s after %d s)\n", what, STEP_TIMEOUT_S);
          g_free (step_note);
          step_note = g_strdup (" (still loading)");
          break;
        }
      g_main_context_iteration (NULL, TRUE);
    }
  spin_ms (250);
}

static gboolean
page_busy (gpointer data)
{
  GtkWidget *page = data;

  if (PLAZA_IS_OVERVIEW_PAGE (page))
    return plaza_overview_page_get_loading (PLAZA_OVERVIEW_PAGE (page)) ||
           plaza_overview_page_get_overview (PLAZA_OVERVIEW_PAGE (page)) == NULL;
  if (PLAZA_IS_UNITS_PAGE (page))
    return plaza_units_page_get_busy (PLAZA_UNITS_PAGE (page));
  if (PLAZA_IS_BILLING_PAGE (page))
    return plaza_billing_page_get_busy (PLAZA_BILLING_PAGE (page));
  if (PLAZA_IS_LEASING_PAGE (page))
    return plaza_leasing_page_get_loading (PLAZA_LEASING_PAGE (page));
  if (PLAZA_IS_PROMOTIONS_PAGE (page))
    return plaza_promotions_page_get_loading (PLAZA_PROMOTIONS_PAGE (page));
  if (PLAZA_IS_ANALYTICS_PAGE (page))
    return plaza_analytics_page_get_loading (PLAZA_ANALYTICS_PAGE (page)) ||
           plaza_analytics_page_get_chart (PLAZA_ANALYTICS_PAGE (page)) == NULL;
  if (PLAZA_IS_REVIEW_PAGE (page))
    return plaza_review_page_get_busy (PLAZA_REVIEW_PAGE (page)) ||
           !plaza_review_page_get_loaded (PLAZA_REVIEW_PAGE (page));
  if (PLAZA_IS_LIST_PAGE (page))
    return plaza_list_page_get_loading (PLAZA_LIST_PAGE (page));
  return FALSE;
}

static gboolean
window_busy (gpointer data)
{
  return plaza_window_get_busy (data) || plaza_window_get_path (data) == NULL;
}

static gboolean
tenant_busy (gpointer data)
{
  return plaza_tenant_window_get_busy (data) || plaza_tenant_window_get_view (data) == NULL;
}

static gboolean
contract_busy (gpointer data)
{
  return plaza_contract_detail_get_busy (data) || plaza_contract_detail_get_view (data) == NULL;
}

static gboolean
editor_busy (gpointer data)
{
  return plaza_promotion_editor_get_busy (data);
}

static gboolean
dialog_busy (gpointer data)
{
  return plaza_payment_dialog_get_busy (data);
}

static gboolean
flag_unset (gpointer data)
{
  return !*(gboolean *) data;
}

static void
payment_saved_cb (PlazaPaymentDialog *dialog G_GNUC_UNUSED,
                  gint64              id G_GNUC_UNUSED,
                  gpointer            user_data)
{
  *(gboolean *) user_data = TRUE;
}

static void
promotion_saved_cb (PlazaPromotionEditor *editor G_GNUC_UNUSED,
                    gint64                id G_GNUC_UNUSED,
                    gpointer              user_data)
{
  *(gboolean *) user_data = TRUE;
}

/* One number from the file, outside any step: the bench's own look-up, on
 * SQLite's default VFS (not slowed by PLAZA_IO_DELAY_MS). */
static gint64
lookup (const char *path,
        const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = 0;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
show_view (PlazaWindow *window,
           const char  *page_name,
           const char  *view)
{
  g_autofree char *target = g_strdup_printf ("%s:%s", page_name, view);
  g_autofree char *label = g_strdup_printf ("view %s", target);
  GtkWidget *page = plaza_window_get_page_widget (window, page_name);

  step_begin ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", target);
  spin_until_idle (page_busy, page, label);
  step_end (label);
}

static void
type_search (PlazaListPage *list,
             const char    *text)
{
  g_autofree char *label = NULL;
  GString *typed = g_string_new (NULL);

  /* One keystroke at a time, 120 ms apart, as a person types. */
  step_begin ();
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      g_string_append_unichar (typed, g_utf8_get_char (p));
      plaza_list_page_set_search (list, typed->str);
      spin_ms (120);
    }
  plaza_list_page_set_search (list, "");
  spin_ms (250);
  label = g_strdup_printf ("search tenants \"%s\" (%u rows)", text, plaza_list_page_get_n_rows (list));
  step_end (label);
  g_string_free (typed, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  const char *size = argc > 2 ? argv[2] : "medium";
  PlazaWindow *window;
  const char * const *names;
  gint64 tenant_id, contract_id, promotion_id, debtor_id;
  gint64 longest = 0;
  const char *longest_step = "";
  int status = 0;

  if (argc < 2)
    {
      g_printerr ("usage: bench-gui-stall PLAZACTL [small|medium|large]\n");
      return 2;
    }
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("NO_AT_BRIDGE", "1", TRUE);

  dir = g_dir_make_tmp ("plaza-stall-XXXXXX", NULL);
  path = g_build_filename (dir, "mall.db", NULL);
  {
    const char *demo_argv[] = { argv[1], "demo", path, "--size", size, "--today", "2026-11-27", NULL };
    char **envp = g_environ_unsetenv (g_get_environ (), "PLAZA_IO_DELAY_MS");
    g_autoptr(GError) error = NULL;
    g_autofree char *err = NULL;

    g_printerr ("making a %s demo mall …\n", size);
    if (!g_spawn_sync (NULL, (char **) demo_argv, envp, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err,
                       &status, &error) || !g_spawn_check_wait_status (status, &error))
      g_error ("plazactl demo failed: %s\n%s", error->message, err != NULL ? err : "");
    g_strfreev (envp);
  }

  adw_init ();
  gaps = g_array_new (FALSE, FALSE, sizeof (gint64));
  steps = g_array_new (FALSE, FALSE, sizeof (Step));
  g_timeout_add_full (G_PRIORITY_HIGH, 1, tick_cb, NULL, NULL);
  trace_start ();

  /* The bench's own look-ups, outside every step. */
  tenant_id = lookup (path, "SELECT tenant_id FROM contracts WHERE state = 'active' "
                            "GROUP BY tenant_id ORDER BY count(*) DESC, tenant_id LIMIT 1");
  contract_id = lookup (path, "SELECT id FROM contracts WHERE state = 'active' ORDER BY id LIMIT 1");
  promotion_id = lookup (path, "SELECT id FROM promotions ORDER BY state = 'draft' DESC, id DESC LIMIT 1");
  debtor_id = lookup (path, "SELECT b.tenant_id FROM bill_lines l JOIN bills b ON b.id = l.bill_id "
                            "WHERE b.state = 'issued' AND l.amount > 10000 + coalesce ("
                            "  (SELECT sum (a.amount) FROM payment_allocations a WHERE a.bill_line_id = l.id), 0) "
                            "ORDER BY b.id DESC LIMIT 1");
  g_printerr ("PLAZA_IO_DELAY_MS=%s; step, longest stall, 99th percentile (wall time)\n",
              g_getenv ("PLAZA_IO_DELAY_MS") != NULL ? g_getenv ("PLAZA_IO_DELAY_MS") : "0");

  window = plaza_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 880);
  step_begin ();
  gtk_window_present (GTK_WINDOW (window));
  plaza_window_open (window, path, PLAZA_STORE_OPEN_DEFAULT);
  spin_until_idle (window_busy, window, "the database to open");
  step_end ("open the file");

  names = plaza_window_get_page_names ();
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *label = g_strdup_printf ("page %s", names[i]);
      GtkWidget *page = plaza_window_get_page_widget (window, names[i]);

      step_begin ();
      plaza_window_set_page (window, names[i]);
      spin_until_idle (page_busy, page, label);
      step_end (label);
    }

  show_view (window, "units", "vacancy");
  show_view (window, "units", "zoning");
  show_view (window, "units", "list");
  show_view (window, "leasing", "list");
  show_view (window, "leasing", "plan");
  show_view (window, "leasing", "board");
  show_view (window, "billing", "payments");
  show_view (window, "billing", "bills");
  show_view (window, "promotions", "calendar");
  show_view (window, "promotions", "timeline");
  show_view (window, "promotions", "list");

  {
    GtkWidget *page = plaza_window_get_page_widget (window, "tenants");

    plaza_window_set_page (window, "tenants");
    spin_until_idle (page_busy, page, "tenants");
    type_search (PLAZA_LIST_PAGE (page), "ZARA");
    type_search (PLAZA_LIST_PAGE (page), "餐饮");
  }

  if (tenant_id > 0)
    {
      PlazaTenantWindow *tenant;

      step_begin ();
      tenant = plaza_tenant_window_open (GTK_WINDOW (window), plaza_window_get_worker (window), tenant_id);
      spin_until_idle (tenant_busy, tenant, "the tenant window");
      step_end ("open a tenant window");
      step_begin ();
      gtk_window_destroy (GTK_WINDOW (tenant));
      spin_ms (250);
      step_end ("close the tenant window");
    }

  if (contract_id > 0)
    {
      PlazaContractDetail *detail;

      step_begin ();
      detail = plaza_window_open_contract (window, contract_id);
      spin_until_idle (contract_busy, detail, "the contract window");
      step_end ("open a contract");
      gtk_window_destroy (GTK_WINDOW (detail));
      spin_ms (100);
    }

  if (promotion_id > 0)
    {
      PlazaPromotionEditor *editor;
      gboolean saved = FALSE;

      step_begin ();
      editor = plaza_promotion_editor_open (GTK_WINDOW (window), plaza_window_get_worker (window), promotion_id);
      spin_until_idle (editor_busy, editor, "the promotion editor");
      step_end ("open the promotion editor");

      g_signal_connect (editor, "saved", G_CALLBACK (promotion_saved_cb), &saved);
      step_begin ();
      plaza_promotion_editor_set_field (editor, "footfall", "23456");
      if (plaza_promotion_editor_save_now (editor))
        {
          gint64 deadline = g_get_monotonic_time () + (gint64) STEP_TIMEOUT_S * G_USEC_PER_SEC;

          while (!saved && g_get_monotonic_time () < deadline)
            g_main_context_iteration (NULL, TRUE);
          spin_until_idle (editor_busy, editor, "the promotion to save");
          step_end (saved ? "save a promotion change" : "save a promotion change (not saved)");
        }
      else
        step_end ("save a promotion change (refused)");
      gtk_window_destroy (GTK_WINDOW (editor));
      spin_ms (100);
    }

  if (debtor_id > 0)
    {
      PlazaBillingPage *billing = PLAZA_BILLING_PAGE (plaza_window_get_page_widget (window, "billing"));
      PlazaPaymentDialog *dialog;
      gboolean saved = FALSE;

      plaza_window_set_page (window, "billing");
      spin_until_idle (page_busy, billing, "billing");
      step_begin ();
      dialog = PLAZA_PAYMENT_DIALOG (plaza_billing_page_record_payment (billing));
      plaza_payment_dialog_set_tenant (dialog, debtor_id);
      spin_until_idle (dialog_busy, dialog, "the payment dialog");
      step_end ("open the payment dialog");

      g_signal_connect (dialog, "saved", G_CALLBACK (payment_saved_cb), &saved);
      step_begin ();
      plaza_payment_dialog_set_amount_text (dialog, "100.00");
      plaza_payment_dialog_set_date_text (dialog, "2026-11-27");
      plaza_payment_dialog_set_reference (dialog, "BENCH-1");
      if (plaza_payment_dialog_save (dialog))
        {
          gint64 deadline = g_get_monotonic_time () + (gint64) STEP_TIMEOUT_S * G_USEC_PER_SEC;

          while (flag_unset (&saved) && g_get_monotonic_time () < deadline)
            g_main_context_iteration (NULL, TRUE);
          spin_until_idle (page_busy, billing, "billing after the payment");
          step_end (saved ? "record a payment" : "record a payment (not saved)");
        }
      else
        {
          step_end ("record a payment (refused)");
          g_printerr ("    payment refused: %s\n", plaza_payment_dialog_get_problem (dialog));
          gtk_window_destroy (GTK_WINDOW (dialog));
        }
    }

  /* Last: the arrears view ages every open line (long on a slow drive, and
   * the worker does one job at a time). */
  show_view (window, "billing", "arrears");
  show_view (window, "billing", "run");

  step_begin ();
  gtk_window_destroy (GTK_WINDOW (window));
  spin_ms (300);
  step_end ("close the window");

  g_print ("step,longest stall ms,p99 ms,wall s\n");
  for (guint i = 0; i < steps->len; i++)
    {
      Step *s = &g_array_index (steps, Step, i);

      g_print ("%s,%.1f,%.1f,%.1f\n", s->name, s->longest_us / 1000.0, s->p99_us / 1000.0, s->wall_us / 1e6);
      if (s->longest_us > longest)
        {
          longest = s->longest_us;
          longest_step = s->name;
        }
    }
  g_print ("overall longest stall: %.1f ms (%s); goal under 50 ms: %s\n", longest / 1000.0, longest_step,
           longest < 50 * 1000 ? "met" : "NOT met");

  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);
        g_unlink (file);
      }
    g_rmdir (dir);
  }
  return 0;
}
