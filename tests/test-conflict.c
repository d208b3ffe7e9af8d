/* test-conflict.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Optimistic concurrency for every record an editor saves: client A loads a
 * record, client B (another connection on the same small demo, writing as
 * 王芳) saves it first, and A's save at the rev it loaded is refused with
 * PLAZA_STORE_ERROR_CONFLICT — B's value stays, nothing of A's is written,
 * the change log holds B's save for the conflict dialog. At the current rev
 * A's save goes through. Tenants, promotions, units, brands, market notes,
 * complaints, prospects (a stage move), fit-outs (period, opening), floors
 * and sales targets.
 */

#define G_LOG_DOMAIN "plaza-test"

#include "config.h"

#include <string.h>

#include "plaza-core.h"
#include "plaza-brand.h"
#include "plaza-change-log.h"
#include "plaza-complaint.h"
#include "plaza-fitout.h"
#include "plaza-promotion.h"
#include "plaza-prospect.h"
#include "plaza-targets.h"
#include "plaza-tenant.h"
#include "plaza-unit.h"
#include "test-util.h"

#define B_USER "王芳"

typedef struct
{
  char       *dir;
  char       *path;
  PlazaStore *a;
  PlazaStore *b;
  gint64      seq;     /* A's last seq when it "loaded" */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  GDate today;

  f->dir = g_dir_make_tmp ("plaza-conflict-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "mall.db", NULL);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 27, G_DATE_NOVEMBER, 2026);
  f->a = plaza_store_open (f->path, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (plaza_demo_generate (f->a, 3, PLAZA_DEMO_SMALL, &today, &error));
  g_assert_no_error (error);
  plaza_store_set_user (f->a, "zhangwei");
  f->b = plaza_store_open (f->path, PLAZA_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  plaza_store_set_user (f->b, B_USER);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data G_GNUC_UNUSED)
{
  g_clear_object (&f->a);
  g_clear_object (&f->b);
  plaza_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
mark (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->seq = plaza_change_log_last_seq (f->a, &error);
  g_assert_no_error (error);
  g_assert_cmpint (f->seq, >=, 0);
}

/* A's refused save: CONFLICT, and what the dialog would show — B's rows
 * for @entity @id since A loaded. */
static void
assert_conflict (Fixture    *f,
                 GError     *error,
                 const char *entity,
                 gint64      id,
                 const char *theirs)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  guint since = 0;

  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_CONFLICT);
  changes = plaza_change_log_for_record (f->a, entity, id, &local);
  g_assert_no_error (local);
  for (guint i = 0; i < changes->len; i++)
    {
      const PlazaChange *c = changes->pdata[i];

      if (c->seq <= f->seq)
        continue;
      since++;
      g_assert_cmpstr (c->user, ==, B_USER);
      if (theirs != NULL)
        g_assert_nonnull (strstr (c->summary, theirs));
    }
  g_assert_cmpuint (since, ==, 1);
}

static char *
text_of (PlazaStore *store,
         const char *sql,
         gint64      id)
{
  g_autoptr(sqlite3_stmt) stmt = plaza_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static void
test_tenant (Fixture       *f,
             gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  gint64 id = plaza_test_count (f->a, "SELECT MIN (id) FROM tenants");
  g_autoptr(PlazaTenant) mine = plaza_tenant_load (f->a, id, &error);
  g_autoptr(PlazaTenant) theirs = plaza_tenant_load (f->b, id, &error);
  g_autofree char *name = NULL;

  g_assert_no_error (error);
  mark (f);
  g_free (theirs->name);
  theirs->name = g_strdup ("乙公司");
  g_assert_true (plaza_tenant_update (f->b, theirs, &error));
  g_assert_no_error (error);
  g_free (mine->name);
  mine->name = g_strdup ("甲公司");
  g_assert_false (plaza_tenant_update (f->a, mine, &error));
  assert_conflict (f, error, "tenant", id, "乙公司");
  g_assert_nonnull (strstr (error->message, B_USER));
  name = text_of (f->a, "SELECT name FROM tenants WHERE id = ?", id);
  g_assert_cmpstr (name, ==, "乙公司");
  g_clear_error (&error);
  mine->rev = theirs->rev;
  g_assert_true (plaza_tenant_update (f->a, mine, &error));
  g_assert_no_error (error);
}

static void
test_promotion (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  gint64 id = plaza_test_count (f->a, "SELECT MIN (id) FROM promotions WHERE state = 'draft'");
  g_autoptr(PlazaPromotion) mine = plaza_promotion_load (f->a, id, &error);
  g_autoptr(PlazaPromotion) theirs = plaza_promotion_load (f->b, id, &error);
  g_autofree char *name = NULL;

  g_assert_no_error (error);
  mark (f);
  g_free (theirs->name);
  theirs->name = g_strdup ("乙的促销");
  g_assert_true (plaza_promotion_update (f->b, theirs, &error));
  g_assert_no_error (error);
  g_free (mine->name);
  mine->name = g_strdup ("甲的促销");
  g_assert_false (plaza_promotion_update (f->a, mine, &error));
  assert_conflict (f, error, "promotion", id, "乙的促销");
  name = text_of (f->a, "SELECT name FROM promotions WHERE id = ?", id);
  g_assert_cmpstr (name, ==, "乙的促销");
  g_clear_error (&error);
  mine->rev = theirs->rev;
  g_assert_true (plaza_promotion_update (f->a, mine, &error));
  g_assert_no_error (error);
}

static void
test_unit (Fixture       *f,
           gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  gint64 id = plaza_test_count (f->a, "SELECT MIN (id) FROM units WHERE status <> 'retired'");
  g_autoptr(PlazaUnit) mine = plaza_unit_get (f->a, id, &error);
  g_autoptr(PlazaUnit) theirs = plaza_unit_get (f->b, id, &error);
  g_autofree char *notes = NULL;

  g_assert_no_error (error);
  mark (f);
  g_free (theirs->notes);
  theirs->notes = g_strdup ("乙的备注");
  g_assert_true (plaza_unit_update (f->b, theirs, "2026-11-27", &error));
  g_assert_no_error (error);
  g_free (mine->notes);
  mine->notes = g_strdup ("甲的备注");
  g_assert_false (plaza_unit_update (f->a, mine, "2026-11-27", &error));
  assert_conflict (f, error, "units", id, NULL);
  notes = text_of (f->a, "SELECT notes FROM units WHERE id = ?", id);
  g_assert_cmpstr (notes, ==, "乙的备注");
  g_clear_error (&error);
  mine->rev = plaza_test_count (f->a, "SELECT rev FROM units WHERE id = (SELECT MIN (id) FROM units "
                                      "WHERE status <> 'retired')");
  g_assert_true (plaza_unit_update (f->a, mine, "2026-11-27", &error));
  g_assert_no_error (error);
}

static void
test_brand_and_note (Fixture       *f,
                     gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  gint64 id = plaza_test_count (f->a, "SELECT MIN (id) FROM brands");
  g_autoptr(PlazaBrand) mine = plaza_brand_load (f->a, id, &error);
  g_autoptr(PlazaBrand) theirs = plaza_brand_load (f->b, id, &error);
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(PlazaMarketNote) note = NULL;
  g_autofree char *text = NULL;
  gint64 rev;

  g_assert_no_error (error);
  mark (f);
  g_free (theirs->notes);
  theirs->notes = g_strdup ("乙写的品牌备注");
  g_assert_true (plaza_brand_save (f->b, theirs, &error));
  g_assert_no_error (error);
  g_free (mine->notes);
  mine->notes = g_strdup ("甲写的品牌备注");
  g_assert_false (plaza_brand_save (f->a, mine, &error));
  assert_conflict (f, error, "brand", id, NULL);
  text = text_of (f->a, "SELECT notes FROM brands WHERE id = ?", id);
  g_assert_cmpstr (text, ==, "乙写的品牌备注");
  g_clear_error (&error);

  /* A market note: B edits it, A's removal at the old rev is refused. */
  notes = plaza_market_note_list (f->a, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notes->len, >, 0);
  note = g_steal_pointer (&notes->pdata[0]);
  rev = note->rev;
  mark (f);
  g_free (note->text);
  note->text = g_strdup ("乙改的市场记录");
  g_assert_true (plaza_market_note_save (f->b, note, &error));
  g_assert_no_error (error);
  g_assert_false (plaza_market_note_remove (f->a, note->id, rev, &error));
  assert_conflict (f, error, "market_note", note->id, NULL);
  g_assert_cmpint (plaza_test_count (f->a, "SELECT count(*) FROM market_notes WHERE text = '乙改的市场记录'"), ==, 1);
}

static void
test_complaint (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  gint64 tenant = plaza_test_count (f->a, "SELECT tenant_id FROM complaints ORDER BY id LIMIT 1");
  g_autoptr(GPtrArray) list_a = plaza_complaint_list (f->a, tenant, &error);
  g_autoptr(GPtrArray) list_b = plaza_complaint_list (f->b, tenant, &error);
  PlazaComplaint *mine, *theirs;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (list_a->len, >, 0);
  mine = list_a->pdata[0];
  theirs = list_b->pdata[0];
  mark (f);
  g_free (theirs->text);
  theirs->text = g_strdup ("乙记录的投诉");
  g_assert_true (plaza_complaint_save (f->b, theirs, &error));
  g_assert_no_error (error);
  g_free (mine->text);
  mine->text = g_strdup ("甲记录的投诉");
  g_assert_false (plaza_complaint_save (f->a, mine, &error));
  assert_conflict (f, error, "complaint", mine->id, NULL);
  text = text_of (f->a, "SELECT text FROM complaints WHERE id = ?", mine->id);
  g_assert_cmpstr (text, ==, "乙记录的投诉");
  g_clear_error (&error);
  /* Resolving at the old rev is refused too. */
  g_assert_cmpint (plaza_complaint_set_resolved (f->a, mine->id, mine->rev, NULL, &error), ==, 0);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_CONFLICT);
}

static void
test_prospect (Fixture       *f,
               gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  gint64 id = plaza_test_count (f->a, "SELECT MIN (id) FROM prospects WHERE stage = 'contact'");
  g_autoptr(PlazaProspect) mine = plaza_prospect_get (f->a, id, "2026-11-27", &error);
  g_autofree char *stage = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (mine);
  mark (f);
  g_assert_true (plaza_prospect_move (f->b, id, mine->rev, PLAZA_PROSPECT_NEGOTIATION, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (plaza_prospect_move (f->a, id, mine->rev, PLAZA_PROSPECT_DROPPED, "不合适", &error));
  assert_conflict (f, error, "prospect", id, NULL);
  stage = text_of (f->a, "SELECT stage FROM prospects WHERE id = ?", id);
  g_assert_cmpstr (stage, ==, "negotiation");
}

static void
test_fitout (Fixture       *f,
             gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  gint64 id = plaza_test_count (f->a, "SELECT MIN (id) FROM fitouts");
  g_autoptr(PlazaFitout) mine = plaza_fitout_load (f->a, id, &error);
  g_autoptr(PlazaFitout) now = NULL;
  g_autofree char *due = NULL;
  GDate start, b_due, a_due, opened;

  g_assert_no_error (error);
  g_assert_nonnull (mine);
  g_date_clear (&start, 1);
  g_date_clear (&b_due, 1);
  g_date_clear (&a_due, 1);
  g_date_clear (&opened, 1);
  g_assert_true (plaza_date_parse ("2026-10-01", &start));
  g_assert_true (plaza_date_parse ("2026-12-20", &b_due));
  g_assert_true (plaza_date_parse ("2026-12-31", &a_due));
  g_assert_true (plaza_date_parse ("2026-12-28", &opened));
  mark (f);
  /* B moves the end; A's change of the period at the old rev is refused. */
  g_assert_true (plaza_fitout_set_period_at (f->b, id, mine->rev, &start, &b_due, &error));
  g_assert_no_error (error);
  g_assert_false (plaza_fitout_set_period_at (f->a, id, mine->rev, &start, &a_due, &error));
  assert_conflict (f, error, "fitout", id, "2026-12-20");
  g_assert_nonnull (strstr (error->message, B_USER));
  due = text_of (f->a, "SELECT due_date FROM fitouts WHERE id = ?", id);
  g_assert_cmpstr (due, ==, "2026-12-20");
  g_clear_error (&error);
  /* So is the opening. */
  g_assert_false (plaza_fitout_set_opened_at (f->a, id, mine->rev, &opened, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (plaza_test_count (f->a, "SELECT count(*) FROM fitouts WHERE opened_on IS NOT NULL AND id = "
                                           "(SELECT MIN (id) FROM fitouts)"), ==, 0);
  /* At the current rev both go through; rev 0 (the old calls) checks nothing. */
  now = plaza_fitout_load (f->a, id, &error);
  g_assert_no_error (error);
  g_assert_true (plaza_fitout_set_period_at (f->a, id, now->rev, &start, &a_due, &error));
  g_assert_no_error (error);
  g_assert_true (plaza_fitout_set_opened (f->a, id, &opened, &error));
  g_assert_no_error (error);
}

static void
test_floor (Fixture       *f,
            gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) mine = plaza_floors_list (f->a, &error);
  g_autoptr(GPtrArray) theirs = plaza_floors_list (f->b, &error);
  PlazaFloor *a, *b;

  g_assert_no_error (error);
  a = mine->pdata[0];
  b = theirs->pdata[0];
  b->gross_area = 123400;
  g_assert_true (plaza_floor_update (f->b, b, &error));
  g_assert_no_error (error);
  a->gross_area = 567800;
  g_assert_false (plaza_floor_update (f->a, a, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_CONFLICT);
  g_assert_cmpint (plaza_test_count (f->a, "SELECT gross_area FROM floors ORDER BY level, id LIMIT 1"), ==, 123400);
}

static void
test_target (Fixture       *f,
             gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  gint64 id = plaza_test_count (f->a, "SELECT MIN (id) FROM targets");
  gint64 rev = plaza_test_count (f->a, "SELECT rev FROM targets WHERE id = (SELECT MIN (id) FROM targets)");

  g_assert_cmpint (id, >, 0);
  mark (f);
  g_assert_true (plaza_targets_set (f->b, id, rev, 1000000, &error));
  g_assert_no_error (error);
  g_assert_false (plaza_targets_set (f->a, id, rev, 2000000, &error));
  assert_conflict (f, error, "targets", id, NULL);
  g_assert_cmpint (plaza_test_count (f->a, "SELECT amount FROM targets WHERE id = (SELECT MIN (id) FROM targets)"),
                   ==, 1000000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(name, func) \
  g_test_add ("/conflict/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("tenant", test_tenant);
  ADD ("promotion", test_promotion);
  ADD ("unit", test_unit);
  ADD ("brand-and-market-note", test_brand_and_note);
  ADD ("complaint", test_complaint);
  ADD ("prospect", test_prospect);
  ADD ("fitout", test_fitout);
  ADD ("floor", test_floor);
  ADD ("target", test_target);
#undef ADD
  return g_test_run ();
}
