/* test-gui-promotion.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drives the promotion editor on a medium demo mall made with today's
 * date: a new plan is not valid until it has a name and good dates (a bad
 * date and an end before the start are refused in words); filled in with
 * one floor in scope and two participants with offers and fees, it shows
 * the clash with the demo's whole-mall promotion over the same days, and
 * saves as a draft (the row, its scope and participants checked in the
 * database). Add Tenants… offers the tenants on that floor; a poster is
 * attached and removed; the notices and the participant list are written.
 * Submitted and approved, its fields are locked. A save after someone
 * else changed the plan is refused with the conflict dialog and changes
 * nothing; after Reload Theirs and
 * Edit, the save asks first (the clash, back to Submitted) and the plan is
 * submitted again. Closing with unsaved changes asks. A past approved
 * promotion of the demo opens with its evaluation; a new plan from the
 * calendar comes with its dates.
 */

#define G_LOG_DOMAIN "plaza-test"
#define TIMEOUT_S 120

#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>

#include "plaza-attachment.h"
#include "plaza-promotion-editor-private.h"
#include "plaza-promotion-eval-view.h"
#include "plaza-window.h"
#include "test-gui-util.h"
#include "test-util.h"

static gboolean
window_opened (gpointer data)
{
  return !plaza_window_get_busy (data) && plaza_window_get_path (data) != NULL;
}

static gboolean
editor_idle (gpointer data)
{
  return !plaza_promotion_editor_get_busy (data);
}

static gboolean
clash_shown (gpointer data)
{
  GPtrArray *clashes = plaza_promotion_editor_get_clashes (data);

  return clashes != NULL && clashes->len > 0;
}

typedef struct
{
  PlazaPromotionEditor *editor;
  const char           *state;
} WaitState;

static gboolean
state_reached (gpointer data)
{
  WaitState *w = data;

  return !plaza_promotion_editor_get_busy (w->editor)
         && g_strcmp0 (plaza_promotion_editor_get_state (w->editor), w->state) == 0;
}

static gboolean
evaluation_loaded (gpointer data)
{
  return plaza_promotion_eval_view_get_evaluation (data) != NULL;
}

static void
saved_cb (PlazaPromotionEditor *editor G_GNUC_UNUSED,
          gint64                id,
          gint64               *out)
{
  *out = id;
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  AdwMessageDialog *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        found = ADW_MESSAGE_DIALOG (w);
    }
  return found;
}

static gboolean
conflict_shown (gpointer data G_GNUC_UNUSED)
{
  return find_dialog () != NULL;
}

static gboolean
pointer_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
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

static char *
day (GDateTime *now,
     int        days)
{
  g_autoptr(GDateTime) d = g_date_time_add_days (now, days);

  return g_date_time_format (d, "%Y-%m-%d");
}

static void
step (PlazaPromotionEditor *editor,
      PlazaPromotionAction  action,
      const char           *state)
{
  WaitState w = { editor, state };

  g_assert_true (plaza_promotion_editor_step (editor, action, NULL));
  plaza_test_spin_until (state_reached, &w, state);
}

static void
test_plan_lifecycle (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("plaza-gui-promotion-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *start = day (now, 22);
  g_autofree char *end = day (now, 28);
  g_autofree char *clash_text = NULL;
  g_autoptr(PlazaStore) store = NULL;
  PlazaWindow *window;
  PlazaPromotionEditor *editor;
  PlazaPromotionEditor *past;
  GtkWidget *eval;
  gint64 floor_id, tenant_a, tenant_b, past_id, id = 0;

  g_assert_no_error (error);
  {
    const char *args[] = { "demo", path, "--size", "medium", "--today", today, NULL };

    g_assert_cmpint (plaza_test_run_plazactl (args, NULL, NULL), ==, 0);
  }

  store = plaza_store_open (path, PLAZA_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  floor_id = plaza_test_count (store,
                               "SELECT u.floor_id FROM contracts c JOIN contract_units cu ON cu.contract_id = c.id "
                               "JOIN units u ON u.id = cu.unit_id JOIN tenants t ON t.id = c.tenant_id "
                               "WHERE c.state = 'active' AND t.status = 'active' GROUP BY u.floor_id "
                               "HAVING COUNT (DISTINCT c.tenant_id) >= 2 ORDER BY u.floor_id LIMIT 1");
  tenant_a = count (store, "SELECT MIN (c.tenant_id) FROM contracts c JOIN contract_units cu ON cu.contract_id = c.id "
                           "JOIN units u ON u.id = cu.unit_id JOIN tenants t ON t.id = c.tenant_id "
                           "WHERE c.state = 'active' AND t.status = 'active' AND u.floor_id = %lld",
                    (long long) floor_id);
  tenant_b = count (store, "SELECT MAX (c.tenant_id) FROM contracts c JOIN contract_units cu ON cu.contract_id = c.id "
                           "JOIN units u ON u.id = cu.unit_id JOIN tenants t ON t.id = c.tenant_id "
                           "WHERE c.state = 'active' AND t.status = 'active' AND u.floor_id = %lld",
                    (long long) floor_id);
  past_id = count (store, "SELECT MIN (id) FROM promotions WHERE state = 'approved' AND end_date < '%s'", today);
  g_assert_cmpint (tenant_a, !=, tenant_b);
  g_assert_cmpint (past_id, >, 0);
  /* The demo's whole-mall plan over the same days. */
  g_assert_cmpint (count (store, "SELECT COUNT (*) FROM promotions WHERE state = 'approved' AND scope = 'mall' "
                                 "AND start_date <= '%s' AND end_date >= '%s'", end, start), >, 0);

  window = plaza_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  plaza_window_open (window, path, PLAZA_STORE_OPEN_DEFAULT);
  plaza_test_spin_until (window_opened, window, "the database to open");

  editor = plaza_promotion_editor_open (GTK_WINDOW (window), plaza_window_get_worker (window), 0);
  g_signal_connect (editor, "saved", G_CALLBACK (saved_cb), &id);
  plaza_test_spin_until (editor_idle, editor, "the new plan to load");
  g_assert_cmpstr (plaza_promotion_editor_get_state (editor), ==, "draft");
  g_assert_false (plaza_promotion_editor_get_locked (editor));
  /* Empty: not valid, Save off, nothing written. */
  plaza_promotion_editor_validate (editor);
  g_assert_false (plaza_promotion_editor_get_valid (editor));
  g_assert_false (gtk_widget_get_sensitive (editor->save_button));
  g_assert_false (plaza_promotion_editor_save_now (editor));

  plaza_promotion_editor_set_field (editor, "name", "测试促销 岁末感恩");
  plaza_promotion_editor_set_field (editor, "theme", "感恩回馈");
  plaza_promotion_editor_set_mechanics (editor, "spend_save");
  plaza_promotion_editor_set_field (editor, "start", start);
  plaza_promotion_editor_set_field (editor, "end", "2026-13-01");
  g_assert_false (plaza_promotion_editor_get_valid (editor));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (g_hash_table_lookup (editor->rows, "end")), "Not a date"));
  plaza_promotion_editor_set_field (editor, "end", today);
  g_assert_false (plaza_promotion_editor_get_valid (editor));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (g_hash_table_lookup (editor->rows, "end")),
                            "ends before it starts"));
  plaza_promotion_editor_set_field (editor, "end", end);
  g_assert_true (plaza_promotion_editor_get_valid (editor));

  /* Floors in scope: none ticked is not valid. */
  plaza_promotion_editor_set_scope (editor, "floors");
  g_assert_false (plaza_promotion_editor_get_valid (editor));
  g_assert_true (plaza_promotion_editor_check_scope (editor, floor_id, TRUE));
  g_assert_true (plaza_promotion_editor_get_valid (editor));

  plaza_promotion_editor_set_field (editor, "budget_mall", "50000");
  plaza_promotion_editor_set_field (editor, "budget_tenant", "12,000.50");
  plaza_promotion_editor_set_field (editor, "uplift", "15");
  plaza_promotion_editor_set_field (editor, "footfall", "20000");
  plaza_promotion_editor_add_participant (editor, tenant_a, "A", "T-A", "满300减50", "confirmed", "2,000.00");
  plaza_promotion_editor_add_participant (editor, tenant_b, "B", "T-B", "全场8折", "invited", "abc");
  g_assert_false (plaza_promotion_editor_get_valid (editor));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor->participant_error)));
  gtk_editable_set_text (GTK_EDITABLE (((PlazaPromotionEditorParticipant *) editor->participants->pdata[1])->fee),
                         "1500");
  g_assert_true (plaza_promotion_editor_get_valid (editor));
  g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (editor->participant_group)),
                            "2 tenants, 1 confirmed; fees ¥3,500.00"));

  /* The clash check, before saving. */
  plaza_test_spin_until (clash_shown, editor, "the clash with the demo's whole-mall promotion");
  clash_text = plaza_promotion_editor_describe_clashes (editor);
  g_assert_nonnull (strstr (clash_text, "Overlaps with "));
  g_assert_true (gtk_widget_get_visible (editor->clash_box));

  g_assert_true (gtk_widget_get_sensitive (editor->save_button));
  g_assert_true (plaza_promotion_editor_save_now (editor));
  plaza_test_spin_until (editor_idle, editor, "the plan to save");
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (plaza_promotion_editor_get_id (editor), ==, id);
  g_assert_false (plaza_promotion_editor_get_dirty (editor));

  g_assert_cmpint (count (store, "SELECT COUNT (*) FROM promotions WHERE id = %lld AND name = '测试促销 岁末感恩' "
                                 "AND theme = '感恩回馈' AND mechanics = 'spend_save' AND state = 'draft' "
                                 "AND start_date = '%s' AND end_date = '%s' AND scope = 'floors' "
                                 "AND budget_mall = 5000000 AND budget_tenant = 1200050 "
                                 "AND goal_uplift_bp = 1500 AND goal_footfall = 20000",
                         (long long) id, start, end), ==, 1);
  g_assert_cmpint (count (store, "SELECT COUNT (*) FROM promotion_scope WHERE promotion_id = %lld", (long long) id),
                   ==, 1);
  g_assert_cmpint (count (store, "SELECT ref_id FROM promotion_scope WHERE promotion_id = %lld AND kind = 'floor'",
                          (long long) id), ==, floor_id);
  g_assert_cmpint (count (store, "SELECT COUNT (*) FROM promotion_participants WHERE promotion_id = %lld",
                          (long long) id), ==, 2);
  g_assert_cmpint (count (store, "SELECT fee FROM promotion_participants WHERE promotion_id = %lld AND tenant_id = %lld "
                                 "AND offer = '满300减50' AND status = 'confirmed'",
                          (long long) id, (long long) tenant_a), ==, 200000);
  g_assert_cmpint (count (store, "SELECT fee FROM promotion_participants WHERE promotion_id = %lld AND tenant_id = %lld "
                                 "AND offer = '全场8折' AND status = 'invited'",
                          (long long) id, (long long) tenant_b), ==, 150000);

  /* Add Tenants… lists the active tenants with a lease on the floor. */
  {
    g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
    g_autoptr(GPtrArray) in_scope = NULL;
    g_autoptr(GPtrArray) mall = NULL;
    gboolean seen_a = FALSE, seen_b = FALSE;

    g_array_append_val (ids, floor_id);
    in_scope = plaza_promotion_tenants_in_scope (store, "floors", ids, &error);
    g_assert_no_error (error);
    mall = plaza_promotion_tenants_in_scope (store, "mall", ids, &error);
    g_assert_no_error (error);
    g_assert_cmpint (mall->len, ==, count (store, "SELECT COUNT (*) FROM tenants WHERE status = 'active'"));
    g_assert_cmpint (in_scope->len, <, mall->len);
    for (guint i = 0; i < in_scope->len; i++)
      {
        const PlazaPromotionChoice *ref = in_scope->pdata[i];

        seen_a |= ref->id == tenant_a;
        seen_b |= ref->id == tenant_b;
        g_assert_cmpint (count (store, "SELECT COUNT (*) FROM contracts c JOIN contract_units cu ON cu.contract_id = c.id "
                                       "JOIN units u ON u.id = cu.unit_id WHERE c.state = 'active' AND c.tenant_id = %lld "
                                       "AND u.floor_id = %lld", (long long) ref->id, (long long) floor_id), >, 0);
      }
    g_assert_true (seen_a && seen_b);
  }

  /* A poster: added, listed, removed (the stored copy too). */
  {
    g_autofree char *poster = g_build_filename (dir, "poster.png", NULL);
    g_autofree char *stored = NULL;
    const PlazaAttachment *a;

    g_assert_true (g_file_set_contents (poster, "not really a PNG", -1, &error));
    g_assert_true (plaza_promotion_editor_add_attachment (editor, poster));
    plaza_test_spin_until (editor_idle, editor, "the poster to be attached");
    g_assert_cmpint (count (store, "SELECT COUNT (*) FROM attachments WHERE entity = 'promotion' AND entity_id = %lld",
                            (long long) id), ==, 1);
    g_assert_cmpuint (editor->attachment_list->len, ==, 1);
    a = editor->attachment_list->pdata[0];
    g_assert_cmpstr (a->file_name, ==, "poster.png");
    stored = plaza_attachment_dup_path (store, a);
    g_assert_true (g_file_test (stored, G_FILE_TEST_EXISTS));
    g_assert_true (plaza_promotion_editor_remove_attachment (editor, a->id));
    plaza_test_spin_until (editor_idle, editor, "the poster to be removed");
    g_assert_cmpint (count (store, "SELECT COUNT (*) FROM attachments WHERE entity = 'promotion' AND entity_id = %lld",
                            (long long) id), ==, 0);
    g_assert_cmpuint (editor->attachment_list->len, ==, 0);
    g_assert_false (g_file_test (stored, G_FILE_TEST_EXISTS));
  }

  /* The tenant files. */
  {
    g_autofree char *pdf = g_build_filename (dir, "notices.pdf", NULL);
    g_autofree char *csv = g_build_filename (dir, "participants.csv", NULL);
    g_autofree char *bytes = NULL;

    g_assert_true (plaza_promotion_editor_write_file (editor, TRUE, pdf));
    plaza_test_spin_until (editor_idle, editor, "the notices");
    g_assert_true (plaza_promotion_editor_write_file (editor, FALSE, csv));
    plaza_test_spin_until (editor_idle, editor, "the participant list");
    g_assert_false (gtk_widget_get_visible (editor->error_box));
    g_assert_true (g_file_get_contents (pdf, &bytes, NULL, &error));
    g_assert_true (g_str_has_prefix (bytes, "%PDF"));
    g_clear_pointer (&bytes, g_free);
    g_assert_true (g_file_get_contents (csv, &bytes, NULL, &error));
    g_assert_nonnull (strstr (bytes, "满300减50"));
  }

  /* Submit, approve: locked. */
  g_assert_true (gtk_widget_get_visible (editor->submit_button));
  step (editor, PLAZA_PROMOTION_SUBMIT, "submitted");
  g_assert_true (gtk_widget_get_visible (editor->approve_button));
  g_assert_true (gtk_widget_get_visible (editor->reject_button));
  step (editor, PLAZA_PROMOTION_APPROVE, "approved");
  g_assert_cmpint (count (store, "SELECT COUNT (*) FROM promotions WHERE id = %lld AND state = 'approved'",
                          (long long) id), ==, 1);
  g_assert_true (plaza_promotion_editor_get_locked (editor));
  g_assert_false (gtk_widget_get_sensitive (editor->form));
  g_assert_true (gtk_widget_get_visible (editor->lock_box));
  g_assert_true (gtk_widget_get_visible (editor->edit_button));
  g_assert_true (gtk_widget_get_visible (editor->cancel_group));
  g_assert_false (gtk_widget_get_visible (editor->save_button));
  g_assert_false (plaza_promotion_editor_save_now (editor));

  /* Someone else saves in between: Edit, change, save → refused, nothing changed. */
  g_assert_true (plaza_store_exec (store, "UPDATE promotions SET rev = rev + 1", &error));
  g_assert_no_error (error);
  editor->unlocked = TRUE;
  plaza_promotion_editor_update_state (editor);
  g_assert_true (gtk_widget_get_sensitive (editor->form));
  plaza_promotion_editor_set_field (editor, "name", "改过的名字");
  g_assert_true (plaza_promotion_editor_save_now (editor));
  plaza_test_spin_until (editor_idle, editor, "the refused save");
  plaza_test_spin_until (conflict_shown, NULL, "the conflict dialog");
  g_assert_cmpint (count (store, "SELECT COUNT (*) FROM promotions WHERE id = %lld AND name = '测试促销 岁末感恩' "
                                 "AND state = 'approved'", (long long) id), ==, 1);
  {
    AdwMessageDialog *dialog = find_dialog ();

    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Someone Else Saved This Promotion");
    adw_message_dialog_response (dialog, "reload");
    gtk_window_destroy (GTK_WINDOW (dialog));
  }
  plaza_test_spin_until (editor_idle, editor, "the reload");
  g_assert_false (editor->conflict);
  g_assert_true (plaza_promotion_editor_get_locked (editor));
  {
    g_autofree char *name = plaza_promotion_editor_dup_field (editor, "name");

    g_assert_cmpstr (name, ==, "测试促销 岁末感恩");
  }
  g_assert_null (plaza_promotion_editor_get_eval_view (editor));

  /* Edit the approved plan: the save asks first, naming the clash and the
   * return to Submitted. */
  editor->unlocked = TRUE;
  plaza_promotion_editor_update_state (editor);
  plaza_promotion_editor_set_field (editor, "name", "岁末感恩 第二版");
  plaza_test_spin_until (clash_shown, editor, "the clash check after the edit");
  plaza_promotion_editor_save_clicked (editor);
  {
    AdwMessageDialog *dialog = find_dialog ();
    WaitState w = { editor, "submitted" };

    g_assert_nonnull (dialog);
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "back to Submitted"));
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Overlaps with "));
    adw_message_dialog_response (dialog, "save");
    plaza_test_spin_until (state_reached, &w, "the edited plan back in submitted");
  }
  g_assert_cmpint (count (store, "SELECT COUNT (*) FROM promotions WHERE id = %lld AND name = '岁末感恩 第二版' "
                                 "AND state = 'submitted'", (long long) id), ==, 1);

  /* Closing with unsaved changes asks; Discard closes. */
  plaza_promotion_editor_set_field (editor, "notes", "未保存");
  g_assert_true (plaza_promotion_editor_get_dirty (editor));
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_window_close (GTK_WINDOW (editor));
  g_assert_nonnull (editor);
  g_assert_nonnull (find_dialog ());
  adw_message_dialog_response (find_dialog (), "discard");
  plaza_test_spin_until (pointer_cleared, &editor, "the editor to close");

  /* A past approved promotion: its evaluation loads. */
  past = plaza_promotion_editor_open (GTK_WINDOW (window), plaza_window_get_worker (window), past_id);
  plaza_test_spin_until (editor_idle, past, "the past promotion to load");
  g_assert_true (plaza_promotion_editor_get_locked (past));
  eval = plaza_promotion_editor_get_eval_view (past);
  g_assert_nonnull (eval);
  g_assert_true (PLAZA_IS_PROMOTION_EVAL_VIEW (eval));
  plaza_test_spin_until (evaluation_loaded, eval, "the evaluation");
  /* Opening it again presents the same window. */
  g_assert_true (plaza_promotion_editor_open (GTK_WINDOW (window), plaza_window_get_worker (window), past_id) == past);

  gtk_window_destroy (GTK_WINDOW (past));

  /* A new plan from the calendar: the dates are filled in, the name is not. */
  editor = plaza_promotion_editor_new_with_dates (GTK_WINDOW (window), plaza_window_get_worker (window), start, end);
  plaza_test_spin_until (editor_idle, editor, "the new plan with dates");
  {
    g_autofree char *from = plaza_promotion_editor_dup_field (editor, "start");
    g_autofree char *to = plaza_promotion_editor_dup_field (editor, "end");

    g_assert_cmpstr (from, ==, start);
    g_assert_cmpstr (to, ==, end);
  }
  g_assert_cmpint (plaza_promotion_editor_get_id (editor), ==, 0);
  g_assert_false (plaza_promotion_editor_get_valid (editor));
  gtk_window_destroy (GTK_WINDOW (editor));
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
  g_test_add_func ("/gui/promotion/plan-lifecycle-evaluation", test_plan_lifecycle);
  return g_test_run ();
}
