/* test-fitout.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fit-out: the default period (rent-free range, else the lease's first six
 * weeks), numbered drawing versions decided only when latest, inspections
 * with their inspector, the opening date, the state worked out from all
 * that, change_log entries, and the overdue items on hand-made rows and a
 * small demo; plazactl fitouts overdue as CSV.
 */

#define G_LOG_DOMAIN "plaza-test"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "plaza-core.h"
#include "test-util.h"

typedef struct
{
  char       *dir;
  char       *path;
  PlazaStore *store;
} Fixture;

static gboolean
seed_func (PlazaStore  *store,
           gpointer     user_data G_GNUC_UNUSED,
           GError     **error)
{
  return plaza_store_exec (store,
                           "INSERT INTO tenants (id, code, name) VALUES (1, 'T1', '星巴克'), (2, 'T2', '优衣库');"
                           "INSERT INTO contracts (id, code, tenant_id, model, start_date, end_date, terms_json, state, created_at) VALUES "
                           " (1, 'C-001', 1, 'fixed', '2026-01-01', '2028-12-31', "
                           "  '{\"free\": [{\"from\": \"2026-03-01\", \"to\": \"2026-04-30\"}, {\"from\": \"2026-01-01\", \"to\": \"2026-01-31\"}]}',"
                           "  'active', '2025-12-01T00:00:00Z'),"
                           " (2, 'C-002', 2, 'fixed', '2026-02-10', '2027-02-09', '{}', 'approved', '2026-01-01T00:00:00Z'),"
                           " (3, 'C-003', 2, 'fixed', '2026-02-10', '2026-03-01', '{}', 'terminated', '2026-01-01T00:00:00Z');",
                           error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("plaza-fitout-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "mall.db", NULL);
  f->store = plaza_store_open (f->path, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  plaza_store_set_user (f->store, "lina");
  g_assert_true (plaza_store_write (f->store, seed_func, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data G_GNUC_UNUSED)
{
  g_assert_finalize_object (f->store);
  plaza_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static GDate
date (const char *text)
{
  GDate d;

  g_assert_true (plaza_date_parse (text, &d));
  return d;
}

static void
assert_date (const GDate *d,
             const char  *expected)
{
  g_autofree char *text = plaza_date_format (d);

  g_assert_cmpstr (text, ==, expected);
}

static char *
fitout_state (Fixture *f,
              gint64   fitout_id)
{
  g_autoptr(PlazaFitout) fitout = plaza_fitout_load (f->store, fitout_id, NULL);

  g_assert_nonnull (fitout);
  return g_strdup (fitout->state);
}

static void
test_default_period (Fixture       *f,
                     gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaFitout) fitout = NULL;
  GDate start, due;
  gint64 id, again;

  /* The earliest rent-free range, not the first listed. */
  g_assert_true (plaza_fitout_default_period (f->store, 1, &start, &due, &error));
  g_assert_no_error (error);
  assert_date (&start, "2026-01-01");
  assert_date (&due, "2026-01-31");

  /* No rent-free period: 42 days from 2026-02-10 end on 2026-03-23. */
  g_assert_true (plaza_fitout_default_period (f->store, 2, &start, &due, &error));
  assert_date (&start, "2026-02-10");
  assert_date (&due, "2026-03-23");
  /* A lease shorter than that: clipped to its end. */
  g_assert_true (plaza_fitout_default_period (f->store, 3, &start, &due, &error));
  assert_date (&due, "2026-03-01");

  g_assert_cmpint (plaza_fitout_find (f->store, 2, &error), ==, 0);
  id = plaza_fitout_ensure (f->store, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  again = plaza_fitout_ensure (f->store, 2, &error);
  g_assert_cmpint (again, ==, id);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT COUNT(*) FROM fitouts"), ==, 1);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT COUNT(*) FROM change_log WHERE entity = 'fitout' AND action = 'create'"), ==, 1);

  fitout = plaza_fitout_load (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fitout->contract_code, ==, "C-002");
  g_assert_cmpstr (fitout->tenant_name, ==, "优衣库");
  g_assert_cmpstr (fitout->state, ==, "planned");
  assert_date (&fitout->planned_opening, "2026-03-24");
  g_assert_cmpstr (plaza_fitout_state_label (fitout->state), ==, "Planned");
  g_assert_cmpstr (plaza_fitout_state_label ("drawings"), ==, "Drawings under review");
  g_assert_false (fitout->opened);

  g_assert_cmpint (plaza_fitout_ensure (f->store, 99, &error), ==, 0);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND);
}

static void
test_drawings (Fixture       *f,
               gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaFitout) fitout = NULL;
  g_autofree char *state = NULL;
  GDate d = date ("2026-01-05");
  gint64 id = plaza_fitout_ensure (f->store, 1, &error);
  gint64 v1, v2, c1;

  v1 = plaza_fitout_submit_drawing (f->store, id, "shop_front", &d, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (v1, >, 0);
  state = fitout_state (f, id);
  g_assert_cmpstr (state, ==, "drawings");

  /* v1 waits: no second version yet. */
  g_assert_cmpint (plaza_fitout_submit_drawing (f->store, id, "shop_front", &d, NULL, &error), ==, 0);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (plaza_fitout_submit_drawing (f->store, id, "ceiling", &d, NULL, &error), ==, 0);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A rejection needs a comment. */
  g_assert_false (plaza_fitout_decide_drawing (f->store, v1, FALSE, "  ", &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Comment"));
  g_clear_error (&error);
  g_assert_true (plaza_fitout_decide_drawing (f->store, v1, FALSE, "门头高度超标", &error));
  g_assert_no_error (error);
  g_assert_false (plaza_fitout_decide_drawing (f->store, v1, TRUE, "", &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  d = date ("2026-01-12");
  v2 = plaza_fitout_submit_drawing (f->store, id, "shop_front", &d, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT MAX(version) FROM fitout_drawings WHERE kind = 'shop_front'"), ==, 2);

  /* v1 is no longer the latest: it cannot be decided again. */
  g_assert_false (plaza_fitout_decide_drawing (f->store, v1, TRUE, "", &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "latest"));
  g_clear_error (&error);

  g_assert_true (plaza_fitout_decide_drawing (f->store, v2, TRUE, "同意", &error));
  g_clear_pointer (&state, g_free);
  state = fitout_state (f, id);
  g_assert_cmpstr (state, ==, "building");

  c1 = plaza_fitout_submit_drawing (f->store, id, "construction", &d, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&state, g_free);
  state = fitout_state (f, id);
  g_assert_cmpstr (state, ==, "drawings");
  g_assert_true (plaza_fitout_decide_drawing (f->store, c1, TRUE, NULL, &error));

  fitout = plaza_fitout_load (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fitout->state, ==, "building");
  g_assert_cmpuint (fitout->drawings->len, ==, 3);
  {
    PlazaFitoutDrawing *a = g_ptr_array_index (fitout->drawings, 0);
    PlazaFitoutDrawing *b = g_ptr_array_index (fitout->drawings, 1);
    PlazaFitoutDrawing *c = g_ptr_array_index (fitout->drawings, 2);

    g_assert_cmpstr (a->kind, ==, "shop_front");
    g_assert_cmpint (a->version, ==, 1);
    g_assert_cmpstr (a->state, ==, "rejected");
    g_assert_cmpstr (a->comment, ==, "门头高度超标");
    g_assert_false (a->latest);
    g_assert_cmpint (b->version, ==, 2);
    g_assert_cmpstr (b->state, ==, "approved");
    g_assert_true (b->latest);
    assert_date (&b->submitted_on, "2026-01-12");
    g_assert_cmpstr (c->kind, ==, "construction");
    g_assert_cmpint (c->version, ==, 1);
  }
  g_assert_cmpint (plaza_test_count (f->store, "SELECT COUNT(*) FROM change_log WHERE entity = 'fitout_drawing'"), ==, 6);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT COUNT(*) FROM change_log WHERE action = 'reject'"), ==, 1);
}

static void
test_drawing_file (Fixture       *f,
                   gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaFitout) fitout = NULL;
  g_autofree char *source = g_build_filename (f->dir, "门头.pdf", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "none.pdf", NULL);
  GDate d = date ("2026-01-05");
  gint64 id = plaza_fitout_ensure (f->store, 1, &error);
  PlazaFitoutDrawing *drawing;

  g_assert_true (g_file_set_contents (source, "%PDF-1.4 test", -1, NULL));
  /* A file that cannot be attached: nothing recorded. */
  g_assert_cmpint (plaza_fitout_submit_drawing (f->store, id, "shop_front", &d, missing, &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT COUNT(*) FROM fitout_drawings"), ==, 0);

  g_assert_cmpint (plaza_fitout_submit_drawing (f->store, id, "shop_front", &d, source, &error), >, 0);
  g_assert_no_error (error);
  fitout = plaza_fitout_load (f->store, id, &error);
  g_assert_cmpuint (fitout->drawings->len, ==, 1);
  drawing = g_ptr_array_index (fitout->drawings, 0);
  g_assert_cmpint (drawing->version, ==, 1);
  g_assert_cmpuint (drawing->files->len, ==, 1);
  g_assert_cmpstr (((PlazaAttachment *) g_ptr_array_index (drawing->files, 0))->file_name, ==, "门头.pdf");
}

static void
test_inspections (Fixture       *f,
                  gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaFitout) fitout = NULL;
  g_autofree char *state = NULL;
  GDate d = date ("2026-01-28");
  gint64 id = plaza_fitout_ensure (f->store, 1, &error);
  PlazaFitoutInspection *first;

  g_assert_cmpint (plaza_fitout_add_inspection (f->store, id, &d, "王工", FALSE, "", &error), ==, 0);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (plaza_fitout_add_inspection (f->store, id, &d, " ", TRUE, "", &error), ==, 0);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (plaza_fitout_add_inspection (f->store, id, &d, "王工", FALSE, "消防喷淋未完工", &error), >, 0);
  g_assert_no_error (error);
  state = fitout_state (f, id);
  g_assert_cmpstr (state, ==, "inspection");
  d = date ("2026-02-02");
  g_assert_cmpint (plaza_fitout_add_inspection (f->store, id, &d, "李工", TRUE, "", &error), >, 0);
  g_assert_true (plaza_fitout_set_opened (f->store, id, &d, &error));
  g_assert_no_error (error);

  fitout = plaza_fitout_load (f->store, id, &error);
  g_assert_cmpstr (fitout->state, ==, "opened");
  g_assert_true (fitout->opened);
  assert_date (&fitout->opened_on, "2026-02-02");
  g_assert_cmpuint (fitout->inspections->len, ==, 2);
  first = g_ptr_array_index (fitout->inspections, 0);
  g_assert_cmpstr (first->inspector, ==, "王工");
  g_assert_cmpstr (first->notes, ==, "消防喷淋未完工");
  g_assert_false (first->passed);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT COUNT(*) FROM fitout_inspections "
                                                    "WHERE inspector = '王工' AND notes = '消防喷淋未完工'"), ==, 1);

  /* The period is checked; the opening can be cleared. */
  d = date ("2026-01-01");
  {
    GDate before = date ("2025-12-31");

    g_assert_false (plaza_fitout_set_period (f->store, id, &d, &before, &error));
    g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  g_assert_true (plaza_fitout_set_opened (f->store, id, NULL, &error));
  g_clear_pointer (&state, g_free);
  state = fitout_state (f, id);
  g_assert_cmpstr (state, ==, "inspection");
}

static gboolean
overdue_rows_func (PlazaStore  *store,
                   gpointer     user_data G_GNUC_UNUSED,
                   GError     **error)
{
  /* Today 2026-11-27. Fit-out 1 (C-001): ended 11-20, drawings waiting 8
   * and 7 days, last inspection failed. Fit-out 2 (C-002): opened.
   * Fit-out 3 (C-003): terminated contract, ignored. */
  return plaza_store_exec (store,
                           "INSERT INTO fitouts (id, contract_id, start_date, due_date, opened_on, state) VALUES "
                           " (1, 1, '2026-10-01', '2026-11-20', NULL, 'inspection'),"
                           " (2, 2, '2026-10-01', '2026-11-01', '2026-11-02', 'opened'),"
                           " (3, 3, '2026-10-01', '2026-11-01', NULL, 'drawings');"
                           "INSERT INTO fitout_drawings (id, fitout_id, kind, version, submitted_on, state) VALUES "
                           " (1, 1, 'shop_front', 1, '2026-11-01', 'rejected'),"
                           " (2, 1, 'shop_front', 2, '2026-11-19', 'submitted'),"
                           " (3, 1, 'construction', 1, '2026-11-20', 'submitted'),"
                           " (4, 2, 'shop_front', 1, '2026-10-01', 'submitted'),"
                           " (5, 3, 'shop_front', 1, '2026-10-01', 'submitted');"
                           "INSERT INTO fitout_inspections (id, fitout_id, date, result, notes, inspector) VALUES "
                           " (1, 1, '2026-11-10', 'pass', '', ''),"
                           " (2, 1, '2026-11-21', 'fail', '消防', '王工'),"
                           " (3, 2, '2026-10-30', 'fail', 'x', '');",
                           error);
}

static void
test_overdue (Fixture       *f,
              gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) after = NULL;
  GDate today = date ("2026-11-27");
  PlazaFitoutOverdue *item;
  GDate d;

  g_assert_true (plaza_store_write (f->store, overdue_rows_func, NULL, &error));
  g_assert_true (plaza_fitout_overdue (f->store, &today, &items, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 3);

  item = g_ptr_array_index (items, 0);
  g_assert_cmpint (item->kind, ==, PLAZA_FITOUT_OVERDUE_DRAWING);
  g_assert_cmpint (item->item_id, ==, 2);
  g_assert_cmpint (item->days, ==, 8);
  g_assert_cmpstr (item->contract_code, ==, "C-001");
  g_assert_cmpstr (item->what, ==, "Shop front v2 waiting for a decision for 8 days");
  item = g_ptr_array_index (items, 1);
  g_assert_cmpint (item->kind, ==, PLAZA_FITOUT_OVERDUE_PERIOD);
  g_assert_cmpint (item->days, ==, 7);
  assert_date (&item->since, "2026-11-20");
  item = g_ptr_array_index (items, 2);
  g_assert_cmpint (item->kind, ==, PLAZA_FITOUT_OVERDUE_INSPECTION);
  g_assert_cmpint (item->item_id, ==, 2);
  g_assert_cmpint (item->days, ==, 6);

  /* The overview counts the same items. */
  {
    PlazaOverview overview;

    g_assert_true (plaza_overview_compute (f->store, &today, &overview, &error));
    g_assert_no_error (error);
    g_assert_cmpint (overview.fitout_overdue, ==, 3);
    plaza_overview_clear (&overview);
  }

  /* A day later the construction drawing (8 days) joins; a re-inspection
   * clears the failed one. */
  d = date ("2026-11-27");
  g_assert_cmpint (plaza_fitout_add_inspection (f->store, 1, &d, "李工", TRUE, "", &error), >, 0);
  today = date ("2026-11-28");
  g_assert_true (plaza_fitout_overdue_of (f->store, 1, &today, &after, &error));
  g_assert_cmpuint (after->len, ==, 3);
  g_assert_cmpint (((PlazaFitoutOverdue *) g_ptr_array_index (after, 0))->kind, ==, PLAZA_FITOUT_OVERDUE_DRAWING);
  g_assert_cmpint (((PlazaFitoutOverdue *) g_ptr_array_index (after, 1))->kind, ==, PLAZA_FITOUT_OVERDUE_DRAWING);
  g_assert_cmpint (((PlazaFitoutOverdue *) g_ptr_array_index (after, 2))->kind, ==, PLAZA_FITOUT_OVERDUE_PERIOD);
}

static void
test_cli (Fixture       *f,
          gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *args[] = { "fitouts", "overdue", f->path, "--today", "2026-11-27", NULL };
  const char *bad[] = { "fitouts", "overdue", f->path, "--today", "tomorrow", NULL };

  g_assert_true (plaza_store_write (f->store, overdue_rows_func, NULL, &error));
  g_assert_cmpint (plaza_test_run_plazactl (args, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==,
                   "contract,tenant,kind,since,days,item\n"
                   "C-001,星巴克,drawing,2026-11-19,8,Shop front v2 waiting for a decision for 8 days\n"
                   "C-001,星巴克,period,2026-11-20,7,Fit-out period ended 7 days ago without an opening\n"
                   "C-001,星巴克,inspection,2026-11-21,6,Failed inspection not re-inspected for 6 days\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (plaza_test_run_plazactl (bad, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "--today"));
  g_assert_null (strchr (g_strchomp (err), '\n'));
}

static void
test_demo (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("plaza-fitout-demo-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autofree char *out = NULL;
  const char *args[] = { "demo", path, "--size", "small", "--today", "2026-11-27", NULL };
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GPtrArray) items = NULL;
  GDate today = date ("2026-11-27");
  gint64 fitouts;

  g_assert_cmpint (plaza_test_run_plazactl (args, &out, NULL), ==, 0);
  store = plaza_store_open (path, PLAZA_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  fitouts = plaza_test_count (store, "SELECT COUNT(*) FROM fitouts");
  g_assert_cmpint (fitouts, >, 0);
  g_assert_true (plaza_fitout_overdue (store, &today, &items, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    {
      PlazaFitoutOverdue *item = g_ptr_array_index (items, i);
      g_autoptr(PlazaFitout) fitout = plaza_fitout_load (store, item->fitout_id, &error);

      g_assert_no_error (error);
      g_assert_false (fitout->opened);
      g_assert_cmpint (item->days, >, 0);
    }
  g_test_message ("%u fit-outs, %u overdue items", (guint) fitouts, items->len);
  g_clear_object (&store);
  plaza_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/fitout/default-period", Fixture, NULL, fixture_set_up, test_default_period, fixture_tear_down);
  g_test_add ("/fitout/drawings", Fixture, NULL, fixture_set_up, test_drawings, fixture_tear_down);
  g_test_add ("/fitout/drawing-file", Fixture, NULL, fixture_set_up, test_drawing_file, fixture_tear_down);
  g_test_add ("/fitout/inspections", Fixture, NULL, fixture_set_up, test_inspections, fixture_tear_down);
  g_test_add ("/fitout/overdue", Fixture, NULL, fixture_set_up, test_overdue, fixture_tear_down);
  g_test_add ("/fitout/cli", Fixture, NULL, fixture_set_up, test_cli, fixture_tear_down);
  g_test_add_func ("/fitout/demo", test_demo);
  return g_test_run ();
}
