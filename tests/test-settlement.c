/* test-settlement.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 联营 settlement sheets (plaza_settlement_*) and plazactl settlement.
 *
 * C10, a concession of T1 (星辰化妆品) on unit 1F-001, 2026, higher_of:
 * guaranteed minimum ¥30,000.00 a month, 扣点 16.50 %, fees 24.00 per m²
 * a month on 100.00 m² = ¥2,400.00.
 *
 * March, worked by hand (fen):
 *   sales 2026-03-01 10,000,000 + 2026-03-31 13,456,789 = 23,456,789
 *   commission 23,456,789 × 1,650 / 10,000 = 3,870,370.185 → 3,870,370
 *   minimum 3,000,000 → mall share 3,870,370 (the commission is higher)
 *   deductions, billed on the March bill: 物业管理费 240,000 and
 *     推广费 P1 100,000 = 340,000 (its rent line is not a deduction)
 *   payable 23,456,789 − 3,870,370 − 340,000 = 19,246,419 (¥192,464.19)
 * April, nothing billed yet:
 *   sales 2026-04-15 10,000,000 (estimated); commission 1,650,000 < minimum 3,000,000
 *   → mall share 3,000,000; the schedule's fees 240,000 stand in
 *   payable 10,000,000 − 3,000,000 − 240,000 = 6,760,000 (¥67,600.00)
 * C11, a lease of T2, has no sheet.
 */

#include "config.h"

#include <string.h>

#include "plaza-billing.h"
#include "plaza-contract-schedule.h"
#include "plaza-demo.h"
#include "plaza-document.h"
#include "plaza-settlement.h"
#include "test-util.h"

#define TERMS_C10 "{\"start\": \"2026-01-01\", \"end\": \"2026-12-31\", \"area\": \"100.00\", \"model\": \"higher_of\", " \
                  "\"rent\": {\"amount\": \"30000.00\", \"unit\": \"month\"}, \"percentage\": \"16.50\", " \
                  "\"fees\": [{\"name\": \"物业管理费\", \"amount\": \"24.00\", \"unit\": \"m2_month\"}]}"
#define TERMS_C11 "{\"start\": \"2026-01-01\", \"end\": \"2026-12-31\", \"area\": \"50.00\", \"model\": \"fixed\", " \
                  "\"rent\": {\"amount\": \"10000.00\", \"unit\": \"month\"}}"

typedef struct
{
  char       *dir;
  char       *path;
  PlazaStore *store;
} Fixture;

static gboolean
insert_rows (PlazaStore *store,
             gpointer    user_data G_GNUC_UNUSED,
             GError    **error)
{
  return plaza_store_exec (store,
    "INSERT INTO settings (key, value) VALUES ('mall.name', '星河广场'), ('mall.department', '商务部');"
    "INSERT INTO projects (id, code, name) VALUES (1, 'P', '星河广场');"
    "INSERT INTO floors (id, project_id, label, level) VALUES (1, 1, '1F', 1);"
    "INSERT INTO units (id, floor_id, code, gross_area, rentable_area) VALUES (1, 1, '1F-001', 12000, 10000),"
    "  (2, 1, '1F-002', 6000, 5000);"
    "INSERT INTO tenants (id, code, name) VALUES (1, 'T1', '星辰化妆品有限公司'), (2, 'T2', '悦享餐饮');"
    "INSERT INTO contracts (id, code, tenant_id, kind, state, model, start_date, end_date, terms_json, created_at) VALUES"
    "  (10, 'C10', 1, 'concession', 'active', 'higher_of', '2026-01-01', '2026-12-31', '" TERMS_C10 "', '2026-01-01'),"
    "  (11, 'C11', 2, 'lease', 'active', 'fixed', '2026-01-01', '2026-12-31', '" TERMS_C11 "', '2026-01-01');"
    "INSERT INTO contract_units (contract_id, unit_id, area) VALUES (10, 1, 10000), (11, 2, 5000);"
    "INSERT INTO sales_daily (unit_id, date, amount, source) VALUES (1, '2026-03-01', 10000000, 'pos'),"
    "  (1, '2026-03-31', 13456789, 'pos'), (1, '2026-04-15', 10000000, 'estimated'), (2, '2026-03-10', 99900000, 'pos');"
    "INSERT INTO bills (id, code, tenant_id, contract_id, month, issue_date, due_date, total) VALUES"
    "  (1, 'ZD202603-1', 1, 10, '2026-03', '2026-04-01', '2026-04-15', 4210370),"
    "  (2, 'ZD202603-2', 2, 11, '2026-03', '2026-04-01', '2026-04-15', 1000000);"
    "INSERT INTO bill_lines (bill_id, kind, description, amount) VALUES"
    "  (1, 'percentage_rent', '扣点租金', 3870370), (1, 'fee', '物业管理费', 240000),"
    "  (1, 'promotion_fee', '推广费 P1 春季美妆节', 100000), (2, 'rent', '租金', 1000000);",
    error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("plaza-settlement-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->path = g_build_filename (f->dir, "settlement.db", NULL);
  f->store = plaza_store_open (f->path, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (plaza_store_write (f->store, insert_rows, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data G_GNUC_UNUSED)
{
  g_clear_object (&f->store);
  plaza_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static char *
pdf_text (const char *path)
{
  g_autofree char *tool = g_find_program_in_path ("pdftotext");
  const char *argv[] = { NULL, "-layout", path, "-", NULL };
  char *out = NULL;
  int status = 0;

  if (tool == NULL)
    return NULL;
  argv[0] = tool;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
test_by_hand (Fixture       *f,
              gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaSettlement) s = plaza_settlement_compute (f->store, 10, "2026-03", &error);
  const PlazaSettlementLine *line;

  g_assert_no_error (error);
  g_assert_nonnull (s);
  g_assert_cmpstr (s->contract_code, ==, "C10");
  g_assert_cmpstr (s->tenant_code, ==, "T1");
  g_assert_cmpstr (s->month, ==, "2026-03");
  g_assert_cmpint (s->sales, ==, 23456789);
  g_assert_false (s->sales_estimated);
  g_assert_cmpint (s->commission, ==, 3870370);
  g_assert_cmpint (s->minimum, ==, 3000000);
  g_assert_cmpint (s->mall_share, ==, 3870370);
  g_assert_cmpuint (s->deductions->len, ==, 2);
  line = g_ptr_array_index (s->deductions, 0);
  g_assert_cmpstr (line->doc_label, ==, "物业管理费");
  g_assert_cmpint (line->amount, ==, 240000);
  line = g_ptr_array_index (s->deductions, 1);
  g_assert_cmpstr (line->doc_label, ==, "推广费 P1 春季美妆节");
  g_assert_cmpint (line->amount, ==, 100000);
  g_assert_cmpint (s->deductions_total, ==, 340000);
  g_assert_cmpint (s->payable, ==, 19246419);
}

static void
test_minimum (Fixture       *f,
              gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaSettlement) s = plaza_settlement_compute (f->store, 10, "2026-04", &error);

  g_assert_no_error (error);
  g_assert_cmpint (s->sales, ==, 10000000);
  g_assert_true (s->sales_estimated);
  g_assert_cmpint (s->commission, ==, 1650000);
  g_assert_cmpint (s->minimum, ==, 3000000);
  g_assert_cmpint (s->mall_share, ==, 3000000);
  g_assert_cmpuint (s->deductions->len, ==, 1);   /* the schedule's fees */
  g_assert_cmpint (s->deductions_total, ==, 240000);
  g_assert_cmpint (s->payable, ==, 6760000);
}

static void
test_refused (Fixture       *f,
              gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  PlazaSettlement *s;

  s = plaza_settlement_compute (f->store, 11, "2026-03", &error);
  g_assert_null (s);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "C11"));
  g_clear_error (&error);

  s = plaza_settlement_compute (f->store, 10, "2027-01", &error);
  g_assert_null (s);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  s = plaza_settlement_compute (f->store, 10, "2026-13", &error);
  g_assert_null (s);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  s = plaza_settlement_compute (f->store, 99, "2026-03", &error);
  g_assert_null (s);
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND);
}

static void
test_write (Fixture       *f,
            gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sheets = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "sheets.pdf", NULL);
  g_autofree char *xlsx = g_build_filename (f->dir, "sheets.xlsx", NULL);
  g_autofree char *txt = g_build_filename (f->dir, "sheets.txt", NULL);
  g_autofree char *text = NULL;
  g_autofree char *bytes = NULL;
  gsize length = 0;

  /* The lease is not a sheet. */
  g_assert_true (plaza_settlement_compute_all (f->store, "2026-03", &sheets, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sheets->len, ==, 1);

  g_assert_true (plaza_settlement_write (f->store, sheets, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (plaza_settlement_write (f->store, sheets, xlsx, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (xlsx, &bytes, &length, NULL));
  g_assert_true (length > 4 && memcmp (bytes, "PK", 2) == 0);
  g_assert_false (plaza_settlement_write (f->store, sheets, txt, &error));
  g_assert_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID);
  g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));

  text = pdf_text (pdf);
  if (text == NULL)
    {
      g_test_message ("pdftotext not installed: text not checked");
      return;
    }
  g_assert_nonnull (strstr (text, "联营结算单"));
  g_assert_nonnull (strstr (text, "星辰化妆品有限公司"));
  g_assert_nonnull (strstr (text, "234,567.89"));
  g_assert_nonnull (strstr (text, "16.50"));
  g_assert_nonnull (strstr (text, "38,703.70"));
  g_assert_nonnull (strstr (text, "192,464.19"));
  g_assert_nonnull (strstr (text, "壹拾玖万贰仟肆佰陆拾肆元壹角玖分"));
}

static void
test_money_upper (void)
{
  const struct { gint64 fen; const char *text; } cases[] = {
    { 19246419, "壹拾玖万贰仟肆佰陆拾肆元壹角玖分" },
    { 1000500, "壹万零伍元整" },
    { 10000000, "壹拾万元整" },
    { 100050000, "壹佰万零伍佰元整" },
    { 1205, "壹拾贰元零伍分" },
    { 50, "伍角整" },
    { 0, "零元整" },
    { 123456789012, "壹拾贰亿叁仟肆佰伍拾陆万柒仟捌佰玖拾元壹角贰分" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = plaza_document_money_upper (cases[i].fen);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_cli (Fixture       *f,
          gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *pdf = g_build_filename (f->dir, "cli.pdf", NULL);
  g_autofree char *xlsx = g_build_filename (f->dir, "cli.xlsx", NULL);
  g_autofree char *expected = g_strdup_printf ("1 sheet, %s\n", xlsx);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_clear_object (&f->store);
  {
    const char *args[] = { "settlement", f->path, "--month", "2026-03", "--out", pdf, NULL };

    g_assert_cmpint (plaza_test_run_plazactl (args, &out, &err), ==, 0);
    g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
  }
  {
    const char *args[] = { "settlement", f->path, "--month", "2026-03", "--contract", "C10", "--out", xlsx, NULL };

    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (plaza_test_run_plazactl (args, &out, &err), ==, 0);
    g_assert_cmpstr (out, ==, expected);
  }
  {
    const char *args[] = { "settlement", f->path, "--month", "2026-03", "--contract", "C11", "--out", pdf, NULL };

    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (plaza_test_run_plazactl (args, &out, &err), ==, 1);
    g_assert_cmpstr (strchr (err, '\n') + 1, ==, "");
  }
  {
    const char *args[] = { "settlement", f->path, "--month", "2030-01", "--out", pdf, NULL };

    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (plaza_test_run_plazactl (args, &out, &err), ==, 1);
  }
  {
    const char *args[] = { "settlement", f->path, "--out", pdf, NULL };

    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (plaza_test_run_plazactl (args, &out, &err), ==, 1);
  }
}

/* The small demo: every concession contract in force has a sheet whose
 * commission and minimum are the rent engine's percentage and base rent
 * for the month, and none of them is billed (plaza-billing.h). */
static void
test_demo (void)
{
  g_autofree char *dir = g_dir_make_tmp ("plaza-settlement-demo-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autofree char *pdf = g_build_filename (dir, "sheets.pdf", NULL);
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sheets = NULL;
  g_autoptr(sqlite3_stmt) billed = NULL;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 27, G_DATE_NOVEMBER, 2026);
  store = plaza_store_open (path, PLAZA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (plaza_demo_generate (store, 7, PLAZA_DEMO_SMALL, &today, &error));
  g_assert_no_error (error);
  g_assert_true (plaza_settlement_compute_all (store, "2026-10", &sheets, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sheets->len, >, 0);
  billed = plaza_store_prepare (store, "SELECT count (*) FROM bills WHERE contract_id = ?", NULL);
  for (guint i = 0; i < sheets->len; i++)
    {
      const PlazaSettlement *s = g_ptr_array_index (sheets, i);
      g_autoptr(GArray) rows = NULL;
      gboolean found = FALSE;

      g_assert_cmpint (s->mall_share, ==, MAX (s->commission, s->minimum));
      g_assert_cmpint (s->payable, ==, s->sales - s->mall_share - s->deductions_total);
      g_assert_true (plaza_contract_schedule (store, s->contract_id, &rows, &error));
      g_assert_no_error (error);
      for (guint r = 0; r < rows->len; r++)
        {
          const PlazaScheduleRow *row = &g_array_index (rows, PlazaScheduleRow, r);

          if (strcmp (row->month, "2026-10") != 0)
            continue;
          g_assert_cmpint (row->percentage_rent, ==, s->commission);
          g_assert_cmpint (row->base_rent, ==, s->minimum);
          g_assert_cmpint (row->sales, ==, s->sales);
          found = TRUE;
        }
      g_assert_true (found);
      sqlite3_reset (billed);
      sqlite3_bind_int64 (billed, 1, s->contract_id);
      g_assert_cmpint (sqlite3_step (billed), ==, SQLITE_ROW);
      g_assert_cmpint (sqlite3_column_int64 (billed, 0), ==, 0);
    }
  g_assert_cmpint ((gint64) sheets->len, ==,
                   plaza_test_count (store, "SELECT count(*) FROM contracts WHERE kind = 'concession' "
                                            "AND state IN ('active', 'expired', 'terminated', 'renewed') "
                                            "AND start_date <= '2026-10-31' AND coalesce (CASE WHEN state = "
                                            "'terminated' THEN terminated_on END, end_date) >= '2026-10-01'"));
  g_assert_true (plaza_settlement_write (store, sheets, pdf, &error));
  g_assert_no_error (error);
  g_clear_pointer (&billed, sqlite3_finalize);
  g_clear_object (&store);
  plaza_test_remove_tree (dir);
}

/* Concessions are settled, never billed. May, worked by hand: no sales,
 * so the minimum 3,000,000 is the mall's share; deductions: the schedule's
 * fees 240,000 and T1's confirmed fee of the approved promotion P2 starting
 * in May, 50,000 (the draft P3 counts for nothing) → payable
 * 0 − 3,000,000 − 290,000 = −3,290,000 (T1 owes the mall). The bill run of
 * May bills only the lease C11, with T2's fee of P2 (30,000) on it, and
 * reports no skipped fee: T1's is on its sheet. */
static void
test_not_billed (Fixture       *f,
                 gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaSettlement) s = NULL;
  g_autoptr(GPtrArray) bills = NULL;
  g_autoptr(GPtrArray) skipped = NULL;
  const PlazaBill *bill;
  gboolean fee_line = FALSE;

  g_assert_true (plaza_store_exec (f->store,
    "INSERT INTO promotions (id, code, name, start_date, end_date, state, created_at) VALUES"
    "  (2, 'P2', '五月美妆节', '2026-05-10', '2026-05-16', 'approved', '2026-04-01'),"
    "  (3, 'P3', '草稿活动', '2026-05-20', '2026-05-21', 'draft', '2026-04-01');"
    "INSERT INTO promotion_participants (promotion_id, tenant_id, status, fee) VALUES"
    "  (2, 1, 'confirmed', 50000), (2, 2, 'confirmed', 30000), (3, 1, 'confirmed', 70000);", &error));
  g_assert_no_error (error);

  s = plaza_settlement_compute (f->store, 10, "2026-05", &error);
  g_assert_no_error (error);
  g_assert_cmpint (s->sales, ==, 0);
  g_assert_cmpint (s->mall_share, ==, 3000000);
  g_assert_cmpuint (s->deductions->len, ==, 2);
  g_assert_cmpint (((PlazaSettlementLine *) s->deductions->pdata[0])->amount, ==, 240000);
  g_assert_cmpstr (((PlazaSettlementLine *) s->deductions->pdata[1])->label, ==, "推广费 P2 五月美妆节");
  g_assert_cmpint (((PlazaSettlementLine *) s->deductions->pdata[1])->amount, ==, 50000);
  g_assert_cmpint (s->payable, ==, -3290000);

  g_assert_true (plaza_billing_preview (f->store, "2026-05", &bills, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bills->len, ==, 1);
  bill = bills->pdata[0];
  g_assert_cmpint (bill->contract_id, ==, 11);
  for (guint i = 0; i < bill->lines->len; i++)
    {
      const PlazaBillLine *line = bill->lines->pdata[i];

      if (g_str_equal (line->kind, "promotion_fee"))
        {
          g_assert_cmpint (line->amount, ==, 30000);
          fee_line = TRUE;
        }
    }
  g_assert_true (fee_line);
  g_assert_true (plaza_billing_skipped_fees (f->store, "2026-05", &skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (skipped->len, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/settlement/by-hand", Fixture, NULL, fixture_set_up, test_by_hand, fixture_tear_down);
  g_test_add ("/settlement/minimum", Fixture, NULL, fixture_set_up, test_minimum, fixture_tear_down);
  g_test_add ("/settlement/refused", Fixture, NULL, fixture_set_up, test_refused, fixture_tear_down);
  g_test_add ("/settlement/write", Fixture, NULL, fixture_set_up, test_write, fixture_tear_down);
  g_test_add ("/settlement/cli", Fixture, NULL, fixture_set_up, test_cli, fixture_tear_down);
  g_test_add ("/settlement/not-billed", Fixture, NULL, fixture_set_up, test_not_billed, fixture_tear_down);
  g_test_add_func ("/settlement/money-upper", test_money_upper);
  g_test_add_func ("/settlement/demo", test_demo);
  return g_test_run ();
}
