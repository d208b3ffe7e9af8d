/* test-tenant.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tenant archive: the unified social credit code check (GB 32100-2015),
 * create/update with validation and the rev check, contacts, brand links,
 * licence alerts on their boundary days, the brand library and market
 * notes, the complaints log, the CLI verbs, and a run on a small demo
 * (every generated credit code passes the check).
 */

#include "config.h"

#include <string.h>

#include "plaza-brand.h"
#include "plaza-complaint.h"
#include "plaza-date.h"
#include "plaza-demo.h"
#include "plaza-tenant.h"
#include "plaza-overview.h"
#include "test-util.h"

typedef struct
{
  char       *dir;
  char       *path;
  PlazaStore *store;
} Fixture;

/* Categories: 零售 (1) > 服装 (2); 餐饮 (3) > 火锅 (4).
 * Brands: 1 星禾 (服装, A), 2 悦享 (火锅, flagship), 3 云间 (服装, C, no tenant).
 * Tenants (today is 2026-11-27):
 *   T0001 上海星禾服饰有限公司  cat 2, licence 2026-11-26 (expired yesterday, −1)
 *   T0002 杭州悦享餐饮有限公司  cat 4, licence 2027-01-26 (today + 60)
 *   T0003 南京云间贸易有限公司  cat 2, licence 2027-01-27 (today + 61)
 *   T0004 former, licence 2020-01-01 (never listed)
 *   T0005 licence 2026-11-27 (expires today: 0 days left, expiring) */
static gboolean
fixture_rows (PlazaStore  *store,
              gpointer     data G_GNUC_UNUSED,
              GError     **error)
{
  return plaza_store_exec (store,
                           "INSERT INTO categories (id, parent_id, name) VALUES (1, NULL, '零售'), (2, 1, '服装'),"
                           "  (3, NULL, '餐饮'), (4, 3, '火锅');"
                           "INSERT INTO brands (id, name, category_id, tier, typical_area) VALUES"
                           "  (1, '星禾', 2, 'A', 12000), (2, '悦享', 4, 'flagship', 30000), (3, '云间', 2, 'C', 8000);"
                           "INSERT INTO tenants (id, code, name, credit_code, licence_expiry, category_id, status) VALUES"
                           "  (1, 'T0001', '上海星禾服饰有限公司', '91350100M000100Y43', '2026-11-26', 2, 'active'),"
                           "  (2, 'T0002', '杭州悦享餐饮有限公司', '', '2027-01-26', 4, 'active'),"
                           "  (3, 'T0003', '南京云间贸易有限公司', '', '2027-01-27', 2, 'active'),"
                           "  (4, 'T0004', '旧租户', '', '2020-01-01', 2, 'former'),"
                           "  (5, 'T0005', '今天到期有限公司', '', '2026-11-27', NULL, 'leaving');"
                           "INSERT INTO tenant_brands (tenant_id, brand_id) VALUES (1, 1), (2, 2);"
                           "INSERT INTO tenant_contacts (id, tenant_id, name, role, phone) VALUES"
                           "  (1, 1, '王丽', '店长', '13800000001');"
                           "INSERT INTO complaints (id, tenant_id, date, kind, text, resolved) VALUES"
                           "  (1, 1, '2026-11-01', 'complaint', '噪音', 0), (2, 1, '2026-10-01', 'inspection', '消防通道堆货', 1);",
                           error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("plaza-tenant-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "mall.db", NULL);
  f->store = plaza_store_open (f->path, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  plaza_store_set_user (f->store, "zhangmin");
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
log_rows (Fixture *f)
{
  return plaza_test_count (f->store, "SELECT count(*) FROM change_log");
}

static void
test_credit_code (void)
{
  /* Worked by hand for 91350100M000100Y4: the weighted sum of the values
   * (9·1 + 1·3 + 3·9 + 5·27 + 0·19 + 1·26 + 0·16 + 0·17 + M=21·20 + 0·29
   * + 0·25 + 0·13 + 1·8 + 0·24 + 0·10 + Y=30·30 + 4·28) = 1640;
   * 1640 mod 31 = 28; 31 − 28 = 3: the check character is '3'. */
  g_assert_cmpint (plaza_credit_code_check_char ("91350100M000100Y4"), ==, '3');
  g_assert_cmpint (plaza_credit_code_check ("91350100M000100Y43"), ==, PLAZA_CREDIT_CODE_OK);
  g_assert_cmpint (plaza_credit_code_check ("91310000MA1FL4XY2D"), ==, PLAZA_CREDIT_CODE_OK);
  g_assert_cmpint (plaza_credit_code_check ("91440300MA5FUK0W1H"), ==, PLAZA_CREDIT_CODE_OK);
  /* 91330100000000000: 9·1 + 1·3 + 3·9 + 3·27 + 1·26 = 146; 146 mod 31 = 22; 31 − 22 = 9. */
  g_assert_cmpint (plaza_credit_code_check ("913301000000000009"), ==, PLAZA_CREDIT_CODE_OK);

  g_assert_cmpint (plaza_credit_code_check ("91350100M000100Y44"), ==, PLAZA_CREDIT_CODE_CHECK);
  g_assert_cmpint (plaza_credit_code_check ("91350100M000100Y4I"), ==, PLAZA_CREDIT_CODE_ALPHABET);
  g_assert_cmpint (plaza_credit_code_check ("91350100M000100O43"), ==, PLAZA_CREDIT_CODE_ALPHABET);
  g_assert_cmpint (plaza_credit_code_check ("91350100m000100Y43"), ==, PLAZA_CREDIT_CODE_ALPHABET);
  g_assert_cmpint (plaza_credit_code_check ("91350100M000100Y4"), ==, PLAZA_CREDIT_CODE_LENGTH);
  g_assert_cmpint (plaza_credit_code_check ("91350100M000100Y433"), ==, PLAZA_CREDIT_CODE_LENGTH);
  g_assert_cmpint (plaza_credit_code_check ("91350100M000100Y４3"), ==, PLAZA_CREDIT_CODE_LENGTH);
  g_assert_cmpint (plaza_credit_code_check (""), ==, PLAZA_CREDIT_CODE_EMPTY);
  g_assert_cmpint (plaza_credit_code_check (NULL), ==, PLAZA_CREDIT_CODE_EMPTY);
  g_assert_cmpint (plaza_credit_code_check_char ("9135"), ==, '\0');
  g_assert_null (plaza_credit_code_describe (PLAZA_CREDIT_CODE_OK));
  g_assert_nonnull (strstr (plaza_credit_code_describe (PLAZA_CREDIT_CODE_CHECK), "check character"));
  g_assert_nonnull (strstr (plaza_credit_code_describe (PLAZA_CREDIT_CODE_LENGTH), "18"));
}

static void
test_load (Fixture       *f,
           gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaTenant) t = plaza_tenant_load (f->store, 1, &error);
  g_autoptr(PlazaTenant) none = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (t->code, ==, "T0001");
  g_assert_cmpstr (t->credit_code, ==, "91350100M000100Y43");
  g_assert_cmpstr (t->licence_expiry, ==, "2026-11-26");
  g_assert_cmpstr (t->category, ==, "服装");
  g_assert_cmpstr (t->business_type, ==, "零售");
  g_assert_cmpstr (t->tier, ==, "A");
  g_assert_cmpint (t->contacts->len, ==, 1);
  g_assert_cmpstr (((PlazaTenantContact *) t->contacts->pdata[0])->role, ==, "店长");
  g_assert_cmpint (t->brands->len, ==, 1);
  g_assert_cmpint (t->rev, ==, 1);

  none = plaza_tenant_load (f->store, 99, &error);
  g_assert_null (none);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND);
}

static void
test_create_update (Fixture       *f,
                    gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaTenant) t = plaza_tenant_new ();
  g_autoptr(PlazaTenant) again = NULL;
  gint64 logged = log_rows (f);

  /* Invalid: nothing written, nothing logged. */
  g_assert_false (plaza_tenant_create (f->store, t, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Company"));
  g_clear_error (&error);
  t->name = g_strdup ("  宁波海岸餐饮有限公司 ");
  g_free (t->credit_code);
  t->credit_code = g_strdup ("91350100M000100Y44");
  g_assert_false (plaza_tenant_create (f->store, t, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "check character"));
  g_clear_error (&error);
  g_free (t->credit_code);
  t->credit_code = g_strdup ("91310000MA1FL4XY2D");
  t->licence_expiry = g_strdup ("2026-02-30");
  g_assert_false (plaza_tenant_create (f->store, t, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_free (t->licence_expiry);
  t->licence_expiry = g_strdup ("2028-06-30");
  t->category_id = 77;
  g_assert_false (plaza_tenant_create (f->store, t, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM tenants"), ==, 5);
  g_assert_cmpint (log_rows (f), ==, logged);
  g_assert_cmpint (t->id, ==, 0);

  /* Valid: the next code after T0005, the name trimmed. */
  t->category_id = 4;
  g_assert_true (plaza_tenant_create (f->store, t, &error));
  g_assert_no_error (error);
  g_assert_cmpint (t->id, ==, 6);
  g_assert_cmpstr (t->code, ==, "T0006");
  g_assert_cmpint (log_rows (f), ==, logged + 1);
  again = plaza_tenant_load (f->store, t->id, &error);
  g_assert_cmpstr (again->name, ==, "宁波海岸餐饮有限公司");
  g_assert_cmpstr (again->business_type, ==, "餐饮");
  g_assert_cmpstr (again->tier, ==, "");

  /* Update; a bad update changes nothing. */
  g_free (again->notes);
  again->notes = g_strdup ("主力餐饮");
  g_free (again->status);
  again->status = g_strdup ("leaving");
  g_assert_true (plaza_tenant_update (f->store, again, &error));
  g_assert_no_error (error);
  g_assert_cmpint (again->rev, ==, 2);
  g_free (again->status);
  again->status = g_strdup ("gone");
  g_assert_false (plaza_tenant_update (f->store, again, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT rev FROM tenants WHERE id = 6"), ==, 2);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM tenants WHERE id = 6 AND status = 'leaving' AND notes = '主力餐饮'"), ==, 1);
  g_assert_cmpint (log_rows (f), ==, logged + 2);
}

static void
test_conflict (Fixture       *f,
               gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaTenant) mine = plaza_tenant_load (f->store, 2, NULL);
  g_autoptr(PlazaTenant) theirs = plaza_tenant_load (f->store, 2, NULL);
  gint64 logged;

  plaza_store_set_user (f->store, "lihua");
  g_free (theirs->notes);
  theirs->notes = g_strdup ("续约中");
  g_assert_true (plaza_tenant_update (f->store, theirs, &error));
  g_assert_no_error (error);
  logged = log_rows (f);

  plaza_store_set_user (f->store, "zhangmin");
  g_free (mine->notes);
  mine->notes = g_strdup ("我的备注");
  g_assert_false (plaza_tenant_update (f->store, mine, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "lihua"));
  g_assert_cmpint (mine->rev, ==, 1);
  g_assert_cmpint (log_rows (f), ==, logged);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM tenants WHERE id = 2 AND notes = '续约中'"), ==, 1);
}

static void
test_contacts_brands (Fixture       *f,
                      gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaTenant) t = NULL;
  PlazaTenantContact c = { 0, 3, 0, (char *) "", (char *) "财务", (char *) "021-5555", (char *) "x" };
  PlazaTenantContact old = { 1, 1, 1, (char *) "王丽", (char *) "区域经理", (char *) "", (char *) "" };
  gint64 logged = log_rows (f);

  g_assert_false (plaza_tenant_contact_save (f->store, &c, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  c.name = (char *) "李明";
  g_assert_false (plaza_tenant_contact_save (f->store, &c, &error));   /* e-mail without @ */
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  c.email = (char *) "liming@example.com";
  g_assert_true (plaza_tenant_contact_save (f->store, &c, &error));
  g_assert_no_error (error);
  g_assert_cmpint (c.id, ==, 2);
  g_assert_cmpint (c.rev, ==, 1);

  g_assert_true (plaza_tenant_contact_save (f->store, &old, &error));
  g_assert_no_error (error);
  g_assert_cmpint (old.rev, ==, 2);
  old.rev = 1;   /* stale */
  g_assert_false (plaza_tenant_contact_save (f->store, &old, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (plaza_tenant_contact_remove (f->store, 1, 1, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_true (plaza_tenant_contact_remove (f->store, 1, 2, &error));
  g_assert_no_error (error);
  g_assert_false (plaza_tenant_contact_remove (f->store, 1, 2, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Brands: link the library's 云间 to T0003; twice is harmless; unlink. */
  g_assert_true (plaza_tenant_link_brand (f->store, 3, 3, TRUE, &error));
  g_assert_true (plaza_tenant_link_brand (f->store, 3, 3, TRUE, &error));
  g_assert_false (plaza_tenant_link_brand (f->store, 3, 99, TRUE, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  t = plaza_tenant_load (f->store, 3, &error);
  g_assert_cmpint (t->brands->len, ==, 1);
  g_assert_cmpstr (t->tier, ==, "C");
  g_assert_cmpint (t->contacts->len, ==, 1);
  g_assert_cmpint (t->rev, ==, 1);
  g_assert_true (plaza_tenant_link_brand (f->store, 3, 3, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM tenant_brands WHERE tenant_id = 3"), ==, 0);
  /* add, edit, remove, link, link, unlink */
  g_assert_cmpint (log_rows (f), ==, logged + 6);
}

static void
test_licence_alerts (Fixture       *f,
                     gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GPtrArray) none = NULL;
  GDate today;
  PlazaLicenceAlert *a;

  g_assert_true (plaza_date_parse ("2026-11-27", &today));
  g_assert_true (plaza_tenant_licence_alerts (f->store, &today, 60, &alerts, &error));
  g_assert_no_error (error);
  /* T0001 (−1), T0005 (0), T0002 (+60); not T0003 (+61) nor the former T0004. */
  g_assert_cmpint (alerts->len, ==, 3);
  a = alerts->pdata[0];
  g_assert_cmpstr (a->code, ==, "T0001");
  g_assert_cmpint (a->days_left, ==, -1);
  a = alerts->pdata[1];
  g_assert_cmpstr (a->code, ==, "T0005");
  g_assert_cmpint (a->days_left, ==, 0);
  a = alerts->pdata[2];
  g_assert_cmpstr (a->code, ==, "T0002");
  g_assert_cmpint (a->days_left, ==, 60);
  g_clear_pointer (&alerts, g_ptr_array_unref);

  g_assert_true (plaza_tenant_licence_alerts (f->store, &today, 61, &alerts, &error));
  g_assert_cmpint (alerts->len, ==, 4);
  g_clear_pointer (&alerts, g_ptr_array_unref);
  g_assert_true (plaza_tenant_licence_alerts (f->store, &today, 0, &alerts, &error));
  g_assert_cmpint (alerts->len, ==, 2);

  g_assert_false (plaza_tenant_licence_alerts (f->store, &today, -1, &none, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* The overview's card counts the same three. */
  {
    PlazaOverview overview = { 0 };

    g_assert_true (plaza_overview_compute (f->store, &today, &overview, &error));
    g_assert_no_error (error);
    g_assert_cmpint (overview.licences_expiring, ==, 3);
    g_free (overview.mall_name);
  }
}

static void
test_brands (Fixture       *f,
             gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = plaza_brand_list (f->store, NULL, &error);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(PlazaBrand) b = plaza_brand_new ();
  g_autoptr(PlazaBrand) stale = NULL;
  g_autoptr(PlazaMarketNote) n = plaza_market_note_new ();
  gint64 logged = log_rows (f);

  g_assert_no_error (error);
  g_assert_cmpint (all->len, ==, 3);
  g_assert_cmpstr (((PlazaBrand *) all->pdata[0])->tenants, !=, NULL);
  found = plaza_brand_list (f->store, "服装", &error);
  g_assert_cmpint (found->len, ==, 2);   /* 星禾 and 云间 by category */
  g_clear_pointer (&found, g_ptr_array_unref);
  found = plaza_brand_list (f->store, "悦", &error);
  g_assert_cmpint (found->len, ==, 1);
  g_assert_cmpstr (((PlazaBrand *) found->pdata[0])->tenants, ==, "T0002");
  g_assert_cmpint (((PlazaBrand *) found->pdata[0])->typical_area, ==, 30000);

  /* Invalid: empty name, a name taken, a bad tier. */
  g_assert_false (plaza_brand_save (f->store, b, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  b->name = g_strdup ("星禾");
  g_assert_false (plaza_brand_save (f->store, b, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_free (b->name);
  b->name = g_strdup ("Mellow Café");
  g_free (b->tier);
  b->tier = g_strdup ("D");
  g_assert_false (plaza_brand_save (f->store, b, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (log_rows (f), ==, logged);

  g_free (b->tier);
  b->tier = g_strdup ("A");
  b->category_id = 3;
  b->typical_area = 15050;
  g_assert_true (plaza_brand_save (f->store, b, &error));
  g_assert_no_error (error);
  g_assert_cmpint (b->id, ==, 4);
  stale = plaza_brand_load (f->store, 4, &error);
  g_assert_cmpstr (stale->category, ==, "餐饮");
  b->typical_area = 16000;
  g_assert_true (plaza_brand_save (f->store, b, &error));
  g_assert_cmpint (b->rev, ==, 2);
  g_assert_false (plaza_brand_save (f->store, stale, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  /* Market notes. */
  n->date = g_strdup ("2026-11-20");
  g_free (n->text);
  n->text = g_strdup ("万象城新开三层，客流明显");
  g_assert_false (plaza_market_note_save (f->store, n, &error));   /* no competitor, brand or category */
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  n->brand_id = 3;
  n->category_id = 2;
  g_free (n->competitor);
  n->competitor = g_strdup ("万象城");
  g_assert_true (plaza_market_note_save (f->store, n, &error));
  g_assert_no_error (error);
  notes = plaza_market_note_list (f->store, 3, &error);
  g_assert_cmpint (notes->len, ==, 1);
  g_assert_cmpstr (((PlazaMarketNote *) notes->pdata[0])->brand, ==, "云间");
  g_assert_cmpstr (((PlazaMarketNote *) notes->pdata[0])->category, ==, "服装");
  g_clear_pointer (&notes, g_ptr_array_unref);
  notes = plaza_market_note_list (f->store, 1, &error);
  g_assert_cmpint (notes->len, ==, 0);
  g_assert_false (plaza_market_note_remove (f->store, n->id, n->rev + 1, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_true (plaza_market_note_remove (f->store, n->id, n->rev, &error));
  g_assert_no_error (error);
  /* brand create, edit, note create, note remove */
  g_assert_cmpint (log_rows (f), ==, logged + 4);
}

static void
test_complaints (Fixture       *f,
                 gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(PlazaComplaint) c = plaza_complaint_new ();
  PlazaComplaint *first;
  GDate on;
  gint64 rev;

  g_assert_cmpint (plaza_complaint_count_open (f->store, 1, &error), ==, 1);
  c->tenant_id = 1;
  c->date = g_strdup ("2026-11-20");
  g_assert_false (plaza_complaint_save (f->store, c, &error));   /* no text */
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_free (c->text);
  c->text = g_strdup ("门头灯不亮");
  g_free (c->kind);
  c->kind = g_strdup ("inspection");
  g_assert_true (plaza_complaint_save (f->store, c, &error));
  g_assert_no_error (error);
  g_assert_cmpint (plaza_complaint_count_open (f->store, 1, &error), ==, 2);

  /* Resolved on a day before it was logged: refused. */
  g_assert_true (plaza_date_parse ("2026-11-19", &on));
  g_assert_cmpint (plaza_complaint_set_resolved (f->store, c->id, c->rev, &on, &error), ==, 0);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (plaza_date_parse ("2026-11-25", &on));
  rev = plaza_complaint_set_resolved (f->store, c->id, c->rev, &on, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rev, ==, 2);
  g_assert_cmpint (plaza_complaint_set_resolved (f->store, c->id, 1, NULL, &error), ==, 0);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  rows = plaza_complaint_list (f->store, 1, &error);
  g_assert_cmpint (rows->len, ==, 3);
  first = rows->pdata[0];
  g_assert_cmpstr (first->date, ==, "2026-11-20");
  g_assert_true (first->resolved);
  g_assert_cmpstr (first->resolved_on, ==, "2026-11-25");
  g_assert_true (((PlazaComplaint *) rows->pdata[2])->resolved);    /* resolved elsewhere: no day */
  g_assert_null (((PlazaComplaint *) rows->pdata[2])->resolved_on);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Reopened: open again, no day. */
  g_assert_cmpint (plaza_complaint_set_resolved (f->store, c->id, rev, NULL, &error), ==, 3);
  rows = plaza_complaint_list (f->store, 1, &error);
  first = rows->pdata[0];
  g_assert_false (first->resolved);
  g_assert_null (first->resolved_on);
  g_assert_cmpint (plaza_test_count (f->store, "SELECT count(*) FROM change_log WHERE entity = 'complaint'"), ==, 3);
}

static void
test_cli (Fixture       *f,
          gconstpointer  data G_GNUC_UNUSED)
{
  const char *licences[] = { "tenants", "licences", f->path, "--today", "2026-11-27", NULL };
  const char *licences_0[] = { "tenants", "licences", f->path, "--today", "2026-11-27", "--within", "0", NULL };
  const char *bad[] = { "tenants", "licences", f->path, "--within", "soon", NULL };
  const char *brands[] = { "brands", "list", f->path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (plaza_test_run_plazactl (licences, &out, NULL), ==, 0);
  g_assert_cmpstr (out, ==,
                   "code,name,licence_expiry,days_left,state\n"
                   "T0001,上海星禾服饰有限公司,2026-11-26,-1,expired\n"
                   "T0005,今天到期有限公司,2026-11-27,0,expiring\n"
                   "T0002,杭州悦享餐饮有限公司,2027-01-26,60,expiring\n");
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (plaza_test_run_plazactl (licences_0, &out, NULL), ==, 0);
  g_assert_cmpint (strlen (out), >, 0);
  g_assert_null (strstr (out, "T0002"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (plaza_test_run_plazactl (bad, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "--within"));
  g_assert_cmpint (plaza_test_run_plazactl (brands, &out, NULL), ==, 0);
  g_assert_cmpstr (out, ==,
                   "name,name_en,category,tier,typical_area_m2,tenants,market_notes\n"
                   "云间,,服装,C,80.00,,0\n"
                   "悦享,,火锅,flagship,300.00,T0002,0\n"
                   "星禾,,服装,A,120.00,T0001,0\n");
}

static void
test_demo (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("plaza-tenant-demo-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(PlazaStore) store = plaza_store_open (path, PLAZA_STORE_OPEN_CREATE, &error);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(PlazaTenant) t = NULL;
  GDate today;
  guint n = 0;

  g_assert_no_error (error);
  g_assert_true (plaza_date_parse ("2026-11-27", &today));
  g_assert_true (plaza_demo_generate (store, 7, PLAZA_DEMO_SMALL, &today, &error));
  g_assert_no_error (error);

  /* Every generated credit code passes the check. */
  stmt = plaza_store_prepare (store, "SELECT credit_code FROM tenants", &error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_assert_cmpint (plaza_credit_code_check ((const char *) sqlite3_column_text (stmt, 0)), ==, PLAZA_CREDIT_CODE_OK);
      n++;
    }
  g_assert_cmpuint (n, >, 10);

  g_assert_true (plaza_tenant_licence_alerts (store, &today, 60, &alerts, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < alerts->len; i++)
    g_assert_cmpint (((PlazaLicenceAlert *) alerts->pdata[i])->days_left, <=, 60);
  g_assert_cmpint ((gint64) alerts->len, ==,
                   plaza_test_count (store, "SELECT count(*) FROM tenants WHERE status <> 'former' "
                                            "AND licence_expiry <= '2027-01-26'"));

  /* A demo tenant loads and saves unchanged. */
  t = plaza_tenant_load (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (t->brands->len, >=, 1);
  g_assert_cmpstr (t->business_type, !=, "");
  g_assert_true (plaza_tenant_update (store, t, &error));
  g_assert_no_error (error);

  g_clear_pointer (&stmt, sqlite3_finalize);
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

  g_test_add_func ("/tenant/credit-code", test_credit_code);
  add_test ("/tenant/load", test_load);
  add_test ("/tenant/create-update", test_create_update);
  add_test ("/tenant/conflict", test_conflict);
  add_test ("/tenant/contacts-brands", test_contacts_brands);
  add_test ("/tenant/licence-alerts", test_licence_alerts);
  add_test ("/tenant/brands", test_brands);
  add_test ("/tenant/complaints", test_complaints);
  add_test ("/tenant/cli", test_cli);
  g_test_add_func ("/tenant/demo", test_demo);

  return g_test_run ();
}
