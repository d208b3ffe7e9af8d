/* test-gui-leasing.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Leasing page on a medium demo mall made with today's date: the
 * board shows a column per stage; a prospect in 接洽 opened from the page
 * is walked through the window's actions — a negotiation entry added, on
 * to 洽谈 and 意向, an offer refused while the rent is missing, recorded
 * in the log (and read back into the form), then
 * "Create Draft Contract" (the prospect in 审批 with the draft linked,
 * the contract's terms those of the offer, the contract window opened)
 * and on to 签约 — with the database checked at each step. A card's menu
 * moves another prospect one step (a jump is refused); a unit's targets
 * are set on the plan (checked in settings); New Prospect adds one. The list and plan views load.
 */

#define G_LOG_DOMAIN "plaza-test"
#define TIMEOUT_S 120

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "plaza-conflict-dialog.h"
#include "plaza-contract-detail.h"
#include "plaza-leasing-page.h"
#include "plaza-leasing-plan.h"
#include "plaza-prospect-window.h"
#include "plaza-window.h"
#include "test-gui-util.h"
#include "test-util.h"

static gboolean
window_opened (gpointer data)
{
  return !plaza_window_get_busy (data) && plaza_window_get_path (data) != NULL;
}

static gboolean
board_loaded (gpointer data)
{
  return !plaza_leasing_page_get_loading (data) && plaza_leasing_page_get_n_cards (data, PLAZA_PROSPECT_CONTACT) > 0;
}

static gboolean
list_loaded (gpointer data)
{
  return !plaza_list_page_get_loading (data) && plaza_list_page_get_n_rows (data) > 0;
}

typedef struct
{
  PlazaProspectWindow *window;
  PlazaProspectStage   stage;
  guint                n_log;
  gboolean             contract;
} Wait;

static gboolean
window_idle (gpointer data)
{
  Wait *w = data;
  const PlazaProspect *p = plaza_prospect_window_get_prospect (w->window);

  return !plaza_prospect_window_get_busy (w->window) && p != NULL && p->stage == w->stage &&
         plaza_prospect_window_get_log (w->window) != NULL &&
         plaza_prospect_window_get_log (w->window)->len == w->n_log &&
         (!w->contract || p->contract_id > 0);
}

static AdwMessageDialog *
conflict_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  AdwMessageDialog *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)) &&
          adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (w), "over"))
        found = ADW_MESSAGE_DIALOG (w);
    }
  return found;
}

static gboolean
conflict_shown (gpointer data G_GNUC_UNUSED)
{
  return conflict_dialog () != NULL;
}

static char *
text_of (PlazaStore *store,
         const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = plaza_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static void
set_field (PlazaProspectWindow *window,
           const char          *name,
           const char          *text)
{
  gtk_editable_set_text (GTK_EDITABLE (plaza_prospect_window_get_field (window, name)), text);
}

static void
activate (PlazaProspectWindow *window,
          const char          *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
}

static gboolean
detail_open (gpointer data G_GNUC_UNUSED)
{
  GListModel *list = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (list, i);

      if (PLAZA_IS_CONTRACT_DETAIL (w))
        return TRUE;
    }
  return FALSE;
}

static void
test_walk (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *dir = g_dir_make_tmp ("plaza-gui-leasing-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "mall.db", NULL);
  g_autoptr(PlazaStore) store = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *text = NULL;
  const char *demo[] = { "demo", path, "--size", "medium", "--today", today, NULL };
  PlazaWindow *main_window;
  PlazaLeasingPage *page;
  PlazaProspectWindow *window;
  Wait wait = { 0 };
  gint64 id, contract_id, area, n_log;
  guint signed_before;

  g_assert_cmpint (plaza_test_run_plazactl (demo, NULL, NULL), ==, 0);
  store = plaza_store_open (path, PLAZA_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  id = plaza_test_count (store, "SELECT id FROM prospects WHERE stage = 'contact' ORDER BY id LIMIT 1");
  g_assert_cmpint (id, >, 0);

  main_window = plaza_window_new (NULL);
  gtk_window_present (GTK_WINDOW (main_window));
  plaza_window_open (main_window, path, PLAZA_STORE_OPEN_DEFAULT);
  plaza_test_spin_until (window_opened, main_window, "the database to open");
  g_assert_true (plaza_window_set_page (main_window, "leasing"));
  page = PLAZA_LEASING_PAGE (plaza_window_get_page_widget (main_window, "leasing"));
  g_assert_cmpstr (plaza_leasing_page_get_view (page), ==, "board");
  plaza_test_spin_until (board_loaded, page, "the board");
  g_assert_cmpuint (plaza_leasing_page_get_n_cards (page, PLAZA_PROSPECT_CONTACT), ==,
                    plaza_test_count (store, "SELECT count(*) FROM prospects WHERE stage = 'contact'"));
  g_assert_cmpuint (plaza_leasing_page_get_n_cards (page, PLAZA_PROSPECT_DROPPED), ==,
                    plaza_test_count (store, "SELECT count(*) FROM prospects WHERE stage = 'dropped'"));
  g_assert_cmpuint (plaza_leasing_page_get_n_plan_units (page), >, 0);
  signed_before = plaza_leasing_page_get_n_cards (page, PLAZA_PROSPECT_SIGNED);

  /* open it as a click on its card does */
  window = plaza_leasing_page_open_prospect (page, id);
  g_assert_nonnull (window);
  sql = g_strdup_printf ("SELECT count(*) FROM negotiations WHERE prospect_id = %lld", (long long) id);
  n_log = plaza_test_count (store, sql);
  wait = (Wait) { window, PLAZA_PROSPECT_CONTACT, (guint) n_log, FALSE };
  plaza_test_spin_until (window_idle, &wait, "the prospect");

  /* a negotiation entry */
  set_field (window, "log-date", today);
  set_field (window, "log-who", "lijun");
  set_field (window, "log-offer", "报价 9.50 元/㎡/天，免租 2 个月");
  set_field (window, "log-next", "约品牌方看场");
  set_field (window, "log-next-date", "2030-01-15");
  /* a rent that is not an amount is refused before anything is written */
  set_field (window, "log-rent", "about 45k");
  activate (window, "prospect.add-entry");
  g_assert_cmpint (plaza_test_count (store, sql), ==, n_log);
  set_field (window, "log-rent", "¥45,000.5");
  activate (window, "prospect.add-entry");
  wait.n_log++;
  plaza_test_spin_until (window_idle, &wait, "the entry");
  plaza_test_shoot (GTK_WIDGET (window), "prospect-window");
  g_assert_cmpint (plaza_test_count (store, sql), ==, n_log + 1);
  g_free (text);
  text = g_strdup_printf ("SELECT who || '|' || offer || '|' || next_step || '|' || next_date "
                          "FROM negotiations WHERE prospect_id = %lld ORDER BY id DESC LIMIT 1", (long long) id);
  {
    g_autofree char *row = text_of (store, text);

    g_assert_cmpstr (row, ==, "lijun|报价 9.50 元/㎡/天，免租 2 个月|约品牌方看场|2030-01-15");
  }
  {
    g_autofree char *rent_sql = g_strdup_printf ("SELECT offer_rent_fen FROM negotiations WHERE prospect_id = %lld "
                                                 "ORDER BY id DESC LIMIT 1", (long long) id);

    g_assert_cmpint (plaza_test_count (store, rent_sql), ==, 4500050);
  }

  /* 接洽 → 洽谈 → 意向, each a row in the database and in change_log */
  activate (window, "prospect.advance");
  wait.stage = PLAZA_PROSPECT_NEGOTIATION;
  plaza_test_spin_until (window_idle, &wait, "negotiation");
  g_free (text);
  text = g_strdup_printf ("SELECT stage FROM prospects WHERE id = %lld", (long long) id);
  {
    g_autofree char *stage = text_of (store, text);

    g_assert_cmpstr (stage, ==, "negotiation");
  }
  activate (window, "prospect.advance");
  wait.stage = PLAZA_PROSPECT_INTENT;
  plaza_test_spin_until (window_idle, &wait, "intent");
  {
    g_autofree char *stage = text_of (store, text);
    g_autofree char *log_sql = g_strdup_printf ("SELECT count(*) FROM change_log WHERE entity = 'prospect' "
                                                "AND entity_id = %lld AND action = 'stage'", (long long) id);

    g_assert_cmpstr (stage, ==, "intent");
    g_assert_cmpint (plaza_test_count (store, log_sql), ==, 2);
  }

  /* the offer without a rent is refused in words, nothing written */
  set_field (window, "rent", "");
  activate (window, "prospect.make-contract");
  g_assert_nonnull (plaza_prospect_window_get_error (window));
  g_assert_nonnull (strstr (plaza_prospect_window_get_error (window), "Rent"));
  g_assert_false (plaza_prospect_window_get_busy (window));

  /* the offer → a draft contract */
  set_field (window, "rent", "9.50");
  set_field (window, "free-months", "2");
  set_field (window, "deposit", "60000");
  set_field (window, "start", "2030-02-01");
  set_field (window, "end", "2033-01-31");
  plaza_test_shoot (GTK_WIDGET (window), "prospect-window-offer");

  /* recorded in the log, in words and as JSON; the form comes back from it */
  activate (window, "prospect.record-offer");
  wait.n_log++;
  plaza_test_spin_until (window_idle, &wait, "the offer recorded");
  {
    g_autofree char *o_sql = g_strdup_printf ("SELECT offer || '|' || json_extract (terms_json, '$.offer.rent') || '|' || "
                                              "json_extract (terms_json, '$.offer.free_months') || '|' || "
                                              "json_extract (terms_json, '$.offer.deposit') FROM negotiations "
                                              "WHERE prospect_id = %lld ORDER BY id DESC LIMIT 1", (long long) id);
    g_autofree char *row = text_of (store, o_sql);

    g_assert_true (g_str_has_prefix (row, "Offer: rent 9.50 yuan per m² per day, unit "));
    g_assert_true (g_str_has_suffix (row, ", 2030-02-01 to 2033-01-31, 2 months rent-free, deposit ¥60,000.00|950|2|6000000"));
  }
  set_field (window, "rent", "");
  set_field (window, "deposit", "");
  activate (window, "prospect.reload");
  plaza_test_spin_until (window_idle, &wait, "the reload");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (plaza_prospect_window_get_field (window, "rent"))), ==, "9.50");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (plaza_prospect_window_get_field (window, "deposit"))), ==,
                   "60000.00");

  activate (window, "prospect.make-contract");
  wait.stage = PLAZA_PROSPECT_APPROVAL;
  wait.contract = TRUE;
  wait.n_log++;
  plaza_test_spin_until (window_idle, &wait, "the draft contract");
  contract_id = plaza_prospect_window_get_prospect (window)->contract_id;
  {
    g_autofree char *stage = text_of (store, text);
    g_autofree char *c_sql = g_strdup_printf ("SELECT state || '|' || model || '|' || start_date || '|' || end_date || '|' "
                                              "  || deposit_amount FROM contracts WHERE id = %lld", (long long) contract_id);
    g_autofree char *row = text_of (store, c_sql);
    g_autofree char *a_sql = g_strdup_printf ("SELECT sum (area) FROM contract_units WHERE contract_id = %lld",
                                              (long long) contract_id);
    g_autofree char *r_sql = g_strdup_printf ("SELECT monthly_rent FROM contracts WHERE id = %lld", (long long) contract_id);
    g_autofree char *t_sql = g_strdup_printf ("SELECT json_extract (terms_json, '$.rent.amount') || '|' || "
                                              "json_extract (terms_json, '$.rent.unit') || '|' || "
                                              "json_extract (terms_json, '$.free[0].from') || '|' || "
                                              "json_extract (terms_json, '$.free[0].to') FROM contracts WHERE id = %lld",
                                              (long long) contract_id);
    g_autofree char *terms = text_of (store, t_sql);
    g_autofree char *p_sql = g_strdup_printf ("SELECT contract_id FROM prospects WHERE id = %lld", (long long) id);

    g_assert_cmpstr (stage, ==, "approval");
    g_assert_cmpint (plaza_test_count (store, p_sql), ==, contract_id);
    g_assert_cmpstr (row, ==, "draft|fixed|2030-02-01|2033-01-31|6000000");
    g_assert_cmpstr (terms, ==, "9.50|m2_day|2030-02-01|2030-03-31");
    /* 9.50 yuan × area × 365 / 12, rounded to the fen */
    area = plaza_test_count (store, a_sql);
    g_assert_cmpint (area, >, 0);
    g_assert_cmpint (plaza_test_count (store, r_sql), ==, (950 * area * 365 + 600) / 1200);
  }
  plaza_test_spin_until (detail_open, NULL, "the contract window");

  /* 审批 → 签约; the board follows */
  activate (window, "prospect.advance");
  wait.stage = PLAZA_PROSPECT_SIGNED;
  plaza_test_spin_until (window_idle, &wait, "signed");
  {
    g_autofree char *stage = text_of (store, text);

    g_assert_cmpstr (stage, ==, "signed");
  }
  while (plaza_leasing_page_get_n_cards (page, PLAZA_PROSPECT_SIGNED) != signed_before + 1 ||
         plaza_leasing_page_get_loading (page))
    g_main_context_iteration (NULL, TRUE);

  /* a card's menu: on to 洽谈; a jump to 审批 is refused and changes nothing */
  {
    gint64 other = plaza_test_count (store, "SELECT id FROM prospects WHERE stage = 'contact' ORDER BY id LIMIT 1");
    g_autofree char *o_sql = g_strdup_printf ("SELECT stage = 'negotiation' FROM prospects WHERE id = %lld",
                                              (long long) other);
    g_autofree char *c_sql = g_strdup_printf ("SELECT count(*) FROM change_log WHERE entity = 'prospect' "
                                              "AND entity_id = %lld", (long long) other);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "leasing.move", "(xs)", other, "negotiation"));
    while (plaza_test_count (store, o_sql) != 1 || plaza_leasing_page_get_loading (page))
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpint (plaza_test_count (store, c_sql), ==, 1);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "leasing.move", "(xs)", other, "signed"));
    while (plaza_leasing_page_get_loading (page))
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpint (plaza_test_count (store, o_sql), ==, 1);
    g_assert_cmpint (plaza_test_count (store, c_sql), ==, 1);
  }

  /* the plan's targets of a vacant unit, kept per floor in settings */
  {
    gint64 unit = plaza_test_count (store, "SELECT id FROM units WHERE status = 'vacant' ORDER BY id LIMIT 1");
    gint64 category = plaza_test_count (store, "SELECT id FROM categories ORDER BY id LIMIT 1");
    const char * const brands[] = { "喜茶", "奈雪的茶", NULL };
    g_autofree char *t_sql = g_strdup_printf ("SELECT json_extract (value, '$.\"%lld\".rent_min') || '|' || "
                                              "json_extract (value, '$.\"%lld\".rent_max') || '|' || "
                                              "json_extract (value, '$.\"%lld\".brands[1]') || '|' || "
                                              "(json_extract (value, '$.\"%lld\".category_id') = %lld) "
                                              "FROM settings WHERE key = 'leasing_plan.floor.' || "
                                              "(SELECT floor_id FROM units WHERE id = %lld)",
                                              (long long) unit, (long long) unit, (long long) unit, (long long) unit,
                                              (long long) category, (long long) unit);
    g_autofree char *row = NULL;

    plaza_leasing_page_set_target (page, unit, 0, category, 800, 1200, brands);
    while (plaza_leasing_page_get_loading (page))
      g_main_context_iteration (NULL, TRUE);
    row = text_of (store, t_sql);
    g_assert_cmpstr (row, ==, "800|1200|奈雪的茶|1");

    /* Another PC saves the same unit's targets (the page read rev 1): the
     * page's next save at rev 1 shows the conflict dialog naming her;
     * Save Mine Over Theirs puts mine back, and the log keeps both. */
    {
      g_autoptr(PlazaStore) other = plaza_store_open (path, PLAZA_STORE_OPEN_DEFAULT, &error);
      g_autofree char *again = NULL;
      g_autofree char *n_sql = g_strdup_printf ("SELECT count(*) FROM change_log WHERE entity = 'unit' "
                                                "AND action = 'plan' AND entity_id = %lld", (long long) unit);
      AdwMessageDialog *dialog;

      g_assert_no_error (error);
      plaza_store_set_user (other, "wangfang");
      g_assert_true (plaza_leasing_plan_set_target_at (other, unit, 1, category, 500, 600, brands, &error));
      g_assert_no_error (error);
      plaza_leasing_page_set_target (page, unit, 1, category, 900, 1300, brands);
      plaza_test_spin_until (conflict_shown, NULL, "the plan target's conflict dialog");
      dialog = conflict_dialog ();
      g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, plaza_conflict_dialog_heading ("unit"));
      g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "王芳"));   /* wangfang's name */
      g_free (row);
      row = text_of (store, t_sql);
      g_assert_cmpstr (row, ==, "500|600|奈雪的茶|1");
      adw_message_dialog_response (dialog, "over");
      while (plaza_test_count (store, n_sql) < 3 || plaza_leasing_page_get_loading (page))
        g_main_context_iteration (NULL, TRUE);
      again = text_of (store, t_sql);
      g_assert_cmpstr (again, ==, "900|1300|奈雪的茶|1");
    }
  }

  /* New Prospect: in Contact, on the board */
  {
    guint contact_before = plaza_leasing_page_get_n_cards (page, PLAZA_PROSPECT_CONTACT);

    plaza_leasing_page_add_prospect (page, " 测试茶饮 ", 0, 12050, "张三", "13900000000", "展会");
    while (plaza_test_count (store, "SELECT count(*) FROM prospects WHERE name = '测试茶饮' AND stage = 'contact' "
                                    "AND wanted_area = 12050 AND contact = '张三' AND source = '展会'") != 1 ||
           plaza_leasing_page_get_loading (page) ||
           plaza_leasing_page_get_n_cards (page, PLAZA_PROSPECT_CONTACT) != contact_before + 1)
      g_main_context_iteration (NULL, TRUE);
  }

  /* the other views load */
  g_assert_true (plaza_leasing_page_set_view (page, "list"));
  plaza_test_spin_until (list_loaded, plaza_leasing_page_get_list (page), "the list");
  g_assert_true (plaza_leasing_page_set_view (page, "plan"));
  g_assert_false (plaza_leasing_page_set_view (page, "nowhere"));

  gtk_window_destroy (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (main_window));
  g_clear_object (&store);
  plaza_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/gui/leasing/walk", test_walk);
  return g_test_run ();
}
