/* test-promotion-dates.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The promotions calendar's data: which plans a date range shows, in what
 * order, which of them clash (by the clash check's rules), and the move of
 * a dragged plan: drafts and rejected plans move, the others do not, the
 * end never goes before the start, the rev is checked and one change_log
 * row is written. Hand-made plans, plus one run on a small demo.
 */

#include "config.h"

#include <string.h>

#include "plaza-date.h"
#include "plaza-demo.h"
#include "plaza-promotion-dates.h"
#include "plaza-promotion.h"
#include "test-util.h"

typedef struct
{
  char       *dir;
  char       *path;
  PlazaStore *store;
} Fixture;

/* Floors 1 (1F) and 2 (2F); tenants T1, T2. */
static gboolean
fixture_rows (PlazaStore  *store,
              gpointer     data G_GNUC_UNUSED,
              GError     **error)
{
  return plaza_store_exec (store,
                           "INSERT INTO projects (id, code, name) VALUES (1, 'P', '星河广场');"
                           "INSERT INTO floors (id, project_id, label, level) VALUES (1, 1, '1F', 1), (2, 1, '2F', 2);"
                           "INSERT INTO categories (id, name) VALUES (1, '餐饮');"
                           "INSERT INTO tenants (id, code, name, category_id) VALUES (1, 'T1', '杭州悦享餐饮', 1),"
                           "  (2, 'T2', '上海味道餐饮', 1);",
                           error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("plaza-promotion-calendar-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "mall.db", NULL);
  f->store = plaza_store_open (f->path, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  plaza_store_set_user (f->store, "lihua");
  g_assert_true (plaza_store_write (f->store, fixture_rows, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data G_GNUC_UNUSED)
{
  g_assert_finalize_object (f->store);
  plaza_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static gint64
create (Fixture    *f,
        const char *name,
        gint64      floor,
        gint64      tenant,
        const char *from,
        const char *to)
{
  g_autoptr(PlazaPromotion) p = plaza_promotion_new ();
  g_autoptr(GError) error = NULL;

  p->name = g_strdup (name);
  g_free (p->scope);
  p->scope = g_strdup (floor > 0 ? "floors" : "mall");
  if (floor > 0)
    g_array_append_val (p->scope_ids, floor);
  if (tenant > 0)
    plaza_promotion_add_participant (p, tenant, "", "confirmed", 0);
  p->start_date = g_strdup (from);
  p->end_date = g_strdup (to);
  g_assert_true (plaza_promotion_create (f->store, p, &error));
  g_assert_no_error (error);
  return p->id;
}

static void
step (Fixture             *f,
      gint64               id,
      gint64               rev,
      PlazaPromotionAction action)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (plaza_promotion_transition (f->store, id, rev, action, "重复", &error), ==, rev + 1);
  g_assert_no_error (error);
}

/* "CODE:state[:!clash-codes]" for each span, space-separated. */
static char *
describe (GPtrArray *spans)
{
  GString *s = g_string_new ("");

  for (guint i = 0; i < spans->len; i++)
    {
      const PlazaPromotionSpan *span = g_ptr_array_index (spans, i);

      g_string_append_printf (s, "%s%s:%s", i > 0 ? " " : "", span->code, span->state);
      if (span->clash)
        g_string_append_printf (s, ":!%s", span->clash_codes);
      else
        g_assert_cmpstr (span->clash_codes, ==, "");
    }
  return g_string_free (s, FALSE);
}

static char *
query (Fixture    *f,
       const char *from,
       const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) spans = plaza_promotion_calendar_query (f->store, from, to, &error);

  g_assert_no_error (error);
  g_assert_nonnull (spans);
  return describe (spans);
}

/* CX2026-01  A  floor 1  11-25 … 12-05  draft
 * CX2026-02  B  floor 1  12-01 … 12-03  approved      (floor 1 with A)
 * CX2026-03  C  floor 2  11-30 … 11-30  submitted     (tenant T1 with D)
 * CX2026-04  D  floor 1  10-20 … 11-30  draft, T1     (floor 1 with A; T1 with C)
 * CX2026-05  E  mall     12-10 … 12-12  cancelled     (overlaps nothing live)
 * CX2026-06  F  floor 2  12-02 … 12-02  rejected      (never clashes)
 * CX2027-01  G  floor 2  2027-01-05 … 01-06  draft  (outside December; coded by its year) */
static void
setup_plans (Fixture *f,
             gint64   ids[7])
{
  ids[0] = create (f, "A 圣诞预热", 1, 0, "2026-11-25", "2026-12-05");
  ids[1] = create (f, "B 双十二", 1, 0, "2026-12-01", "2026-12-03");
  step (f, ids[1], 1, PLAZA_PROMOTION_SUBMIT);
  step (f, ids[1], 2, PLAZA_PROMOTION_APPROVE);
  ids[2] = create (f, "C", 2, 1, "2026-11-30", "2026-11-30");
  step (f, ids[2], 1, PLAZA_PROMOTION_SUBMIT);
  ids[3] = create (f, "D", 1, 1, "2026-10-20", "2026-11-30");
  ids[4] = create (f, "E", 0, 0, "2026-12-10", "2026-12-12");
  step (f, ids[4], 1, PLAZA_PROMOTION_CANCEL);
  ids[5] = create (f, "F", 2, 2, "2026-12-02", "2026-12-02");
  step (f, ids[5], 1, PLAZA_PROMOTION_SUBMIT);
  step (f, ids[5], 2, PLAZA_PROMOTION_REJECT);
  ids[6] = create (f, "G", 2, 0, "2027-01-05", "2027-01-06");
}

static void
test_query (Fixture       *f,
            gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) none = NULL;
  gint64 ids[7];
  char *got;

  setup_plans (f, ids);

  /* December: A (from November), B, F, E, in start order; D and C end
   * on 11-30, G starts in January. A clashes with B on floor 1 only (D
   * ended); B with A; F is rejected and E cancelled. */
  got = query (f, "2026-12-01", "2026-12-31");
  g_assert_cmpstr (got, ==,
                   "CX2026-01:draft:!CX2026-04, CX2026-02 CX2026-02:approved:!CX2026-01 "
                   "CX2026-06:rejected CX2026-05:cancelled");
  g_free (got);

  /* One day, 11-30: D (10-20), A (11-25), C (11-30). A clashes with D on
   * floor 1 and with B (later, outside the range: still a clash); D with
   * A on floor 1 and C on T1; C with D on T1 only (A is on another floor). */
  got = query (f, "2026-11-30", "2026-11-30");
  g_assert_cmpstr (got, ==,
                   "CX2026-04:draft:!CX2026-01, CX2026-03 CX2026-01:draft:!CX2026-04, CX2026-02 "
                   "CX2026-03:submitted:!CX2026-04");
  g_free (got);

  /* A range that touches only the last day of G. */
  got = query (f, "2027-01-06", "2027-03-01");
  g_assert_cmpstr (got, ==, "CX2027-01:draft");
  g_free (got);
  got = query (f, "2027-01-07", "2027-03-01");
  g_assert_cmpstr (got, ==, "");
  g_free (got);

  none = plaza_promotion_calendar_query (f->store, "2026-12-31", "2026-12-01", &error);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_assert_null (none);
}

static void
assert_dates (Fixture    *f,
              gint64      id,
              const char *start,
              const char *end,
              const char *state,
              gint64      rev)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaPromotion) p = plaza_promotion_load (f->store, id, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (p->start_date, ==, start);
  g_assert_cmpstr (p->end_date, ==, end);
  g_assert_cmpstr (p->state, ==, state);
  g_assert_cmpint (p->rev, ==, rev);
}

static void
test_move (Fixture       *f,
           gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  gint64 ids[7];
  gint64 logs;
  g_autoptr(PlazaPromotion) a = NULL;

  setup_plans (f, ids);
  logs = plaza_test_count (f->store, "SELECT COUNT (*) FROM change_log WHERE entity = 'promotion'");

  /* A draft moves by 3 days (a drag): one write, one log row, rev 1 → 2;
   * scope and participants stay. */
  g_assert_cmpint (plaza_promotion_move (f->store, ids[0], 1, "2026-11-28", "2026-12-08", &error), ==, 2);
  g_assert_no_error (error);
  assert_dates (f, ids[0], "2026-11-28", "2026-12-08", "draft", 2);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT COUNT (*) FROM change_log WHERE entity = 'promotion'"),
                   ==, logs + 1);
  a = plaza_promotion_load (f->store, ids[0], &error);
  g_assert_cmpuint (a->scope_ids->len, ==, 1);
  g_assert_cmpint (g_array_index (a->scope_ids, gint64, 0), ==, 1);

  /* Resized to one day (the end dragged onto the start). */
  g_assert_cmpint (plaza_promotion_move (f->store, ids[0], 2, "2026-11-28", "2026-11-28", &error), ==, 3);
  assert_dates (f, ids[0], "2026-11-28", "2026-11-28", "draft", 3);

  /* The end before the start: refused, nothing changes. */
  g_assert_cmpint (plaza_promotion_move (f->store, ids[0], 3, "2026-11-28", "2026-11-27", &error), ==, 0);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  assert_dates (f, ids[0], "2026-11-28", "2026-11-28", "draft", 3);

  /* A stale rev: CONFLICT. */
  g_assert_cmpint (plaza_promotion_move (f->store, ids[0], 2, "2026-12-01", "2026-12-02", &error), ==, 0);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  /* Approved (B, rev 3), submitted (C, rev 2), cancelled (E, rev 2) do not move. */
  g_assert_cmpint (plaza_promotion_move (f->store, ids[1], 3, "2026-12-02", "2026-12-04", &error), ==, 0);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "CX2026-02"));
  g_clear_error (&error);
  assert_dates (f, ids[1], "2026-12-01", "2026-12-03", "approved", 3);
  g_assert_cmpint (plaza_promotion_move (f->store, ids[2], 2, "2026-12-01", "2026-12-01", &error), ==, 0);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  assert_dates (f, ids[2], "2026-11-30", "2026-11-30", "submitted", 2);
  g_assert_cmpint (plaza_promotion_move (f->store, ids[4], 2, "2026-12-11", "2026-12-12", &error), ==, 0);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  assert_dates (f, ids[4], "2026-12-10", "2026-12-12", "cancelled", 2);

  /* Rejected (F, rev 3) moves and goes back to draft, as any edit does. */
  g_assert_cmpint (plaza_promotion_move (f->store, ids[5], 3, "2026-12-20", "2026-12-24", &error), ==, 4);
  g_assert_no_error (error);
  assert_dates (f, ids[5], "2026-12-20", "2026-12-24", "draft", 4);

  /* Bad dates; no such promotion. */
  g_assert_cmpint (plaza_promotion_move (f->store, ids[0], 3, "2026-02-30", "2026-03-01", &error), ==, 0);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (plaza_promotion_move (f->store, 999, 1, "2026-03-01", "2026-03-01", &error), ==, 0);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Three successful moves in all. */
  g_assert_cmpint (plaza_test_count (f->store, "SELECT COUNT (*) FROM change_log WHERE entity = 'promotion'"),
                   ==, logs + 3);
  g_assert_true (plaza_promotion_state_movable ("draft"));
  g_assert_true (plaza_promotion_state_movable ("rejected"));
  g_assert_false (plaza_promotion_state_movable ("approved"));
  g_assert_false (plaza_promotion_state_movable ("submitted"));
  g_assert_false (plaza_promotion_state_movable ("cancelled"));
}

/* A small demo: the month's spans are exactly the rows overlapping it, and
 * a span clashes exactly when find_clashes finds something. */
static void
test_demo (void)
{
  g_autofree char *dir = g_dir_make_tmp ("plaza-promotion-calendar-demo-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaStore) store = plaza_store_open (path, PLAZA_STORE_OPEN_CREATE, &error);
  g_autoptr(GPtrArray) spans = NULL;
  GDate today;

  g_assert_no_error (error);
  g_assert_true (plaza_date_parse ("2026-11-27", &today));
  g_assert_true (plaza_demo_generate (store, 7, PLAZA_DEMO_SMALL, &today, &error));
  g_assert_no_error (error);

  spans = plaza_promotion_calendar_query (store, "2026-01-01", "2026-12-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (spans->len, >, 0);
  g_assert_cmpint (spans->len, ==,
                   plaza_test_count (store, "SELECT COUNT (*) FROM promotions "
                                            "WHERE start_date <= '2026-12-31' AND end_date >= '2026-01-01'"));
  for (guint i = 0; i < spans->len; i++)
    {
      const PlazaPromotionSpan *span = g_ptr_array_index (spans, i);
      g_autoptr(GPtrArray) clashes = NULL;
      gboolean live = !g_str_equal (span->state, "cancelled") && !g_str_equal (span->state, "rejected");

      g_assert_true (plaza_promotion_find_clashes (store, span->id, NULL, &clashes, &error));
      g_assert_cmpint (span->clash, ==, live && clashes->len > 0);
      if (i > 0)
        g_assert_cmpstr (((PlazaPromotionSpan *) g_ptr_array_index (spans, i - 1))->start_date, <=,
                         span->start_date);
    }

  g_clear_object (&store);
  plaza_test_remove_tree (dir);
}

#define add_test(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_test ("/promotion-calendar/query", test_query);
  add_test ("/promotion-calendar/move", test_move);
  g_test_add_func ("/promotion-calendar/demo", test_demo);

  return g_test_run ();
}
