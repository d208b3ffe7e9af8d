/* test-contract-form.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The contract editor's form without GTK (src/gui/plaza-contract-form.c):
 * which fields are refused and why, and the exact terms JSON built from
 * valid fields: fee lines, rent-free periods, tiers, escalation, blank
 * lines skipped; terms JSON read back into a form (round trip), the
 * amendment JSON and the schedule with an amendment from a date.
 */

#define G_LOG_DOMAIN "plaza-test"

#include "config.h"

#include <glib.h>

#include "plaza-contract-form.h"
#include "plaza-rent.h"

/* A valid fixed-rent form: 125.50 m² from 2026-03-15 to 2029-03-14. */
static PlazaContractForm *
valid_form (void)
{
  PlazaContractForm *form = plaza_contract_form_new ();

  plaza_contract_form_set (form, "start", "2026-03-15");
  plaza_contract_form_set (form, "end", " 2029-03-14 ");
  plaza_contract_form_set (form, "model", "fixed");
  plaza_contract_form_set (form, "rent_amount", "8.50");
  plaza_contract_form_set (form, "rent_unit", "m2_day");
  form->area = 12550;
  form->n_units = 1;
  form->has_tenant = TRUE;
  return form;
}

static GHashTable *
new_errors (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
test_empty (void)
{
  g_autoptr(PlazaContractForm) form = plaza_contract_form_new ();
  g_autoptr(GHashTable) errors = new_errors ();
  g_autofree char *json = plaza_contract_form_build (form, errors);

  g_assert_null (json);
  for (guint i = 0; i < 5; i++)
    {
      const char *names[] = { "start", "end", "units", "tenant", "rent_amount" };

      g_assert_true (g_hash_table_contains (errors, names[i]));
    }
  /* Optional fields left empty are fine; fixed rent needs no percentage. */
  g_assert_false (g_hash_table_contains (errors, "percentage"));
  g_assert_false (g_hash_table_contains (errors, "deposit"));
  g_assert_false (g_hash_table_contains (errors, "fees"));
  g_assert_cmpstr (g_hash_table_lookup (errors, "units"), ==, "Choose at least one unit.");
}

static void
test_fixed (void)
{
  g_autoptr(PlazaContractForm) form = valid_form ();
  g_autoptr(GHashTable) errors = new_errors ();
  g_autofree char *json = plaza_contract_form_build (form, errors);

  g_assert_cmpuint (g_hash_table_size (errors), ==, 0);
  g_assert_cmpstr (json, ==,
                   "{\"start\":\"2026-03-15\",\"end\":\"2029-03-14\",\"area\":\"125.50\",\"model\":\"fixed\","
                   "\"rent\":{\"amount\":\"8.50\",\"unit\":\"m2_day\"}}");
}

static void
test_dates (void)
{
  g_autoptr(PlazaContractForm) form = valid_form ();
  g_autoptr(GHashTable) errors = new_errors ();
  g_autofree char *json = NULL;

  plaza_contract_form_set (form, "end", "2026-03-14");
  plaza_contract_form_set (form, "start", "2026-02-30");
  json = plaza_contract_form_build (form, errors);
  g_assert_null (json);
  g_assert_true (g_hash_table_contains (errors, "start"));
  /* Only one date is valid: no "ends before it starts" yet. */
  g_assert_false (g_hash_table_contains (errors, "end"));

  g_hash_table_remove_all (errors);
  plaza_contract_form_set (form, "start", "2026-03-15");
  g_clear_pointer (&json, g_free);
  json = plaza_contract_form_build (form, errors);
  g_assert_null (json);
  g_assert_cmpstr (g_hash_table_lookup (errors, "end"), ==, "The lease ends before it starts.");
}

static void
test_rows (void)
{
  g_autoptr(PlazaContractForm) form = valid_form ();
  g_autoptr(GHashTable) errors = new_errors ();
  g_autofree char *json = NULL;

  plaza_contract_form_set (form, "model", "higher_of");
  plaza_contract_form_set (form, "rent_unit", "m2_month");
  plaza_contract_form_set (form, "percentage", "18.00");
  plaza_contract_form_add_tier (form, "0", "8.00");
  plaza_contract_form_add_tier (form, " ", "");
  plaza_contract_form_add_tier (form, "300000.00", "9.50");
  plaza_contract_form_add_free (form, "2026-03-15", "2026-05-14");
  plaza_contract_form_add_free (form, "", "");
  plaza_contract_form_add_fee (form, "Property", "30.00", "m2_month");
  plaza_contract_form_add_fee (form, "", "", "month");
  plaza_contract_form_add_fee (form, "", "500.00", "month");
  plaza_contract_form_set (form, "escalation_months", "12");
  json = plaza_contract_form_build (form, errors);
  g_assert_cmpuint (g_hash_table_size (errors), ==, 0);
  /* Tiers replace the flat percentage; blank lines are skipped; a fee
   * without a name is the property fee; escalation without a percent is 0. */
  g_assert_cmpstr (json, ==,
                   "{\"start\":\"2026-03-15\",\"end\":\"2029-03-14\",\"area\":\"125.50\",\"model\":\"higher_of\","
                   "\"rent\":{\"amount\":\"8.50\",\"unit\":\"m2_month\"},"
                   "\"percentage_tiers\":[{\"above\":\"0\",\"percent\":\"8.00\"},"
                   "{\"above\":\"300000.00\",\"percent\":\"9.50\"}],"
                   "\"escalation\":{\"every_months\":12,\"percent\":\"0\"},"
                   "\"free\":[{\"from\":\"2026-03-15\",\"to\":\"2026-05-14\"}],"
                   "\"fees\":[{\"name\":\"Property\",\"amount\":\"30.00\",\"unit\":\"m2_month\"},"
                   "{\"name\":\"Property fee\",\"amount\":\"500.00\",\"unit\":\"month\"}]}");
}

static void
test_bad_rows (void)
{
  g_autoptr(PlazaContractForm) form = valid_form ();
  g_autoptr(GHashTable) errors = new_errors ();
  g_autofree char *json = NULL;

  plaza_contract_form_set (form, "model", "percentage");
  plaza_contract_form_add_tier (form, "0", "8.00");
  plaza_contract_form_add_tier (form, "300000", "120");
  plaza_contract_form_add_free (form, "2026-05-14", "2026-03-15");
  plaza_contract_form_add_fee (form, "Air conditioning", "", "m2_month");
  json = plaza_contract_form_build (form, errors);
  g_assert_null (json);
  g_assert_true (g_str_has_prefix (g_hash_table_lookup (errors, "tiers"), "Tier 2:"));
  g_assert_cmpstr (g_hash_table_lookup (errors, "free"), ==, "Rent-free period 1 ends before it starts.");
  g_assert_true (g_str_has_prefix (g_hash_table_lookup (errors, "fees"), "Fee 1:"));
  /* With tiers the flat percentage is not needed. */
  g_assert_false (g_hash_table_contains (errors, "percentage"));
}

static void
test_percentage_model (void)
{
  g_autoptr(PlazaContractForm) form = valid_form ();
  g_autoptr(GHashTable) errors = new_errors ();
  g_autofree char *json = NULL;

  plaza_contract_form_set (form, "model", "percentage");
  plaza_contract_form_set (form, "rent_amount", "");
  json = plaza_contract_form_build (form, errors);
  g_assert_null (json);
  g_assert_cmpstr (g_hash_table_lookup (errors, "percentage"), ==, "Enter a percentage, like 18.00.");
  g_assert_false (g_hash_table_contains (errors, "rent_amount"));

  g_hash_table_remove_all (errors);
  plaza_contract_form_set (form, "percentage", "18");
  g_clear_pointer (&json, g_free);
  json = plaza_contract_form_build (form, errors);
  g_assert_cmpstr (json, ==,
                   "{\"start\":\"2026-03-15\",\"end\":\"2029-03-14\",\"area\":\"125.50\",\"model\":\"percentage\","
                   "\"percentage\":\"18\"}");
}

static void
test_numbers (void)
{
  g_autoptr(PlazaContractForm) form = valid_form ();
  g_autoptr(GHashTable) errors = new_errors ();
  g_autofree char *json = NULL;

  plaza_contract_form_set (form, "deposit", "1,234.5");
  plaza_contract_form_set (form, "late_fee_grace", "10");
  g_assert_cmpint (plaza_contract_form_money (form, "deposit"), ==, 123450);
  g_assert_cmpint (plaza_contract_form_count (form, "late_fee_rate", 5), ==, 5);
  g_assert_cmpint (plaza_contract_form_count (form, "late_fee_grace", 0), ==, 10);

  plaza_contract_form_set (form, "deposit", "-3");
  plaza_contract_form_set (form, "late_fee_grace", "400");
  plaza_contract_form_set (form, "escalation_months", "1.5");
  plaza_contract_form_set (form, "escalation_percent", "abc");
  json = plaza_contract_form_build (form, errors);
  g_assert_null (json);
  g_assert_true (g_hash_table_contains (errors, "deposit"));
  g_assert_true (g_hash_table_contains (errors, "late_fee_grace"));
  g_assert_true (g_hash_table_contains (errors, "escalation_months"));
  g_assert_true (g_hash_table_contains (errors, "escalation_percent"));
  g_assert_cmpuint (g_hash_table_size (errors), ==, 4);
}

static void
test_no_area (void)
{
  g_autoptr(PlazaContractForm) form = valid_form ();
  g_autoptr(GHashTable) errors = new_errors ();
  g_autofree char *json = NULL;

  form->area = 0;
  json = plaza_contract_form_build (form, errors);
  /* Every field is valid, but there is no area to charge on. */
  g_assert_null (json);
  g_assert_cmpuint (g_hash_table_size (errors), ==, 0);
  g_assert_null (plaza_contract_form_build (form, NULL));
}

static void
test_split_pairs (void)
{
  g_autoptr(GPtrArray) ranges = plaza_contract_form_split_pairs ("2026-03-15..2026-05-14， 2027-01-01 .. 2027-01-31;", "..");
  g_autoptr(GPtrArray) tiers = plaza_contract_form_split_pairs ("0：8.00；300000:9.50, 5", ":");
  g_autoptr(GPtrArray) none = plaza_contract_form_split_pairs ("  ", "..");
  char **pair;

  g_assert_cmpuint (ranges->len, ==, 2);
  pair = ranges->pdata[1];
  g_assert_cmpstr (pair[0], ==, "2027-01-01");
  g_assert_cmpstr (pair[1], ==, "2027-01-31");
  g_assert_cmpuint (tiers->len, ==, 3);
  pair = tiers->pdata[0];
  g_assert_cmpstr (pair[0], ==, "0");
  g_assert_cmpstr (pair[1], ==, "8.00");
  pair = tiers->pdata[2];
  g_assert_cmpstr (pair[0], ==, "5");
  g_assert_cmpstr (pair[1], ==, "");
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_engine_fields (void)
{
  g_assert_cmpstr (plaza_contract_form_field_for_engine_error ("free[0]: outside the lease"), ==, "free");
  g_assert_cmpstr (plaza_contract_form_field_for_engine_error ("percentage_tiers[1].above: overlaps"), ==, "tiers");
  g_assert_cmpstr (plaza_contract_form_field_for_engine_error ("percentage: missing"), ==, "percentage");
  g_assert_cmpstr (plaza_contract_form_field_for_engine_error ("escalation.every_months: 0"), ==, "escalation_months");
  g_assert_cmpstr (plaza_contract_form_field_for_engine_error ("escalation.percent: bad"), ==, "escalation_percent");
  g_assert_cmpstr (plaza_contract_form_field_for_engine_error ("fees[0].unit: unknown"), ==, "fees");
  g_assert_cmpstr (plaza_contract_form_field_for_engine_error ("area: negative"), ==, "units");
  g_assert_null (plaza_contract_form_field_for_engine_error ("something else"));
}

/* Terms JSON back into a form, and built again: the same JSON. */
static void
test_load_round_trip (void)
{
  g_autoptr(PlazaContractForm) form = valid_form ();
  g_autoptr(PlazaContractForm) back = plaza_contract_form_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *again = NULL;

  plaza_contract_form_set (form, "model", "higher_of");
  plaza_contract_form_set (form, "rent_unit", "m2_month");
  plaza_contract_form_set (form, "escalation_months", "12");
  plaza_contract_form_set (form, "escalation_percent", "5.00");
  plaza_contract_form_add_tier (form, "0", "8.00");
  plaza_contract_form_add_tier (form, "300000.00", "9.50");
  plaza_contract_form_add_free (form, "2026-03-15", "2026-05-14");
  plaza_contract_form_add_fee (form, "Property fee", "30.00", "m2_month");
  plaza_contract_form_add_fee (form, "Air conditioning", "100.00", "month");
  json = plaza_contract_form_build (form, NULL);
  g_assert_nonnull (json);

  g_assert_true (plaza_contract_form_load_terms (back, json, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (plaza_contract_form_get (back, "start"), ==, "2026-03-15");
  g_assert_cmpstr (plaza_contract_form_get (back, "model"), ==, "higher_of");
  g_assert_cmpstr (plaza_contract_form_get (back, "rent_amount"), ==, "8.50");
  g_assert_cmpstr (plaza_contract_form_get (back, "rent_unit"), ==, "m2_month");
  g_assert_cmpstr (plaza_contract_form_get (back, "escalation_months"), ==, "12");
  g_assert_cmpstr (plaza_contract_form_get (back, "escalation_percent"), ==, "5.00");
  g_assert_cmpstr (plaza_contract_form_get (back, "percentage"), ==, "");
  g_assert_cmpint (back->area, ==, 12550);
  g_assert_cmpuint (back->tiers->len, ==, 2);
  g_assert_cmpuint (back->free->len, ==, 1);
  g_assert_cmpuint (back->fees->len, ==, 2);
  g_assert_cmpstr (((char **) back->fees->pdata[1])[0], ==, "Air conditioning");
  g_assert_cmpstr (((char **) back->fees->pdata[1])[2], ==, "month");
  back->n_units = 1;
  back->has_tenant = TRUE;
  again = plaza_contract_form_build (back, NULL);
  g_assert_cmpstr (again, ==, json);
}

/* Whole JSON numbers read as text; what is not an object is refused. */
static void
test_load_numbers_and_errors (void)
{
  g_autoptr(PlazaContractForm) form = plaza_contract_form_new ();
  g_autoptr(PlazaContractForm) bad = plaza_contract_form_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (plaza_contract_form_load_terms (form, "{\"start\": \"2026-01-01\", \"end\": \"2026-12-31\", "
                                                       "\"area\": 100, \"model\": \"percentage\", "
                                                       "\"percentage\": 18, \"escalation\": {\"every_months\": 12, "
                                                       "\"percent\": \"3.00\"}}", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (plaza_contract_form_get (form, "percentage"), ==, "18");
  g_assert_cmpstr (plaza_contract_form_get (form, "escalation_months"), ==, "12");
  g_assert_cmpstr (plaza_contract_form_get (form, "rent_amount"), ==, "");
  g_assert_cmpint (form->area, ==, 10000);

  g_assert_false (plaza_contract_form_load_terms (bad, "[1, 2]", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (plaza_contract_form_load_terms (bad, "{", &error));
  g_assert_nonnull (error);
}

/* An amendment says "no rent-free periods, no fees" out loud, so that
 * laid over the old terms it drops their lists. */
static void
test_amendment_json (void)
{
  g_autofree char *plain = plaza_contract_form_amendment_json ("{\"model\":\"fixed\"}");
  g_autofree char *kept = plaza_contract_form_amendment_json ("{\"free\":[{\"from\":\"2026-01-01\",\"to\":\"2026-01-31\"}]}");

  g_assert_cmpstr (plain, ==, "{\"model\":\"fixed\",\"free\":[],\"fees\":[]}");
  g_assert_cmpstr (kept, ==, "{\"free\":[{\"from\":\"2026-01-01\",\"to\":\"2026-01-31\"}],\"fees\":[]}");
  g_assert_null (plaza_contract_form_amendment_json ("not json"));
}

/* Amendments merge member by member: they cannot drop the escalation or
 * swap a flat percentage for tiers. */
static void
test_amendment_problem (void)
{
  const char *field = NULL;
  g_autofree char *none = plaza_contract_form_amendment_problem ("{\"percentage\":\"8.00\"}", "{\"percentage\":\"9.00\"}", &field);
  g_autofree char *escalation = NULL;
  g_autofree char *tiers = NULL;

  g_assert_null (none);
  g_assert_null (field);
  escalation = plaza_contract_form_amendment_problem ("{\"escalation\":{\"every_months\":12,\"percent\":\"5.00\"}}",
                                                      "{\"model\":\"fixed\"}", &field);
  g_assert_nonnull (escalation);
  g_assert_cmpstr (field, ==, "escalation_months");
  tiers = plaza_contract_form_amendment_problem ("{\"percentage\":\"8.00\"}",
                                                 "{\"percentage_tiers\":[{\"above\":\"0\",\"percent\":\"8.00\"}]}", &field);
  g_assert_nonnull (tiers);
  g_assert_cmpstr (field, ==, "tiers");
}

static gint64
total (GArray *rows,
       guint   i)
{
  return g_array_index (rows, PlazaRentPeriod, i).total;
}

/* 1,000 yuan a month for 2026; 2,000 from 16 April (escalating 10 % every
 * three months from its own start, 2026-01-01). */
static void
test_amended_schedule (void)
{
  const char *before = "{\"start\":\"2026-01-01\",\"end\":\"2026-12-31\",\"area\":\"100.00\","
                       "\"model\":\"fixed\",\"rent\":{\"amount\":\"1000.00\",\"unit\":\"month\"}}";
  const char *after = "{\"start\":\"2026-01-01\",\"end\":\"2026-12-31\",\"area\":\"100.00\","
                      "\"model\":\"fixed\",\"rent\":{\"amount\":\"2000.00\",\"unit\":\"month\"}}";
  const char *escalating = "{\"start\":\"2026-01-01\",\"end\":\"2026-12-31\",\"area\":\"100.00\","
                           "\"model\":\"fixed\",\"rent\":{\"amount\":\"2000.00\",\"unit\":\"month\"},"
                           "\"escalation\":{\"every_months\":3,\"percent\":\"10.00\"}}";
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rows = plaza_contract_form_amended_schedule (before, after, "2026-04-16", &error);
  g_autoptr(GArray) from_start = NULL;
  g_autoptr(GArray) stepped = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (rows);
  g_assert_cmpuint (rows->len, ==, 12);
  g_assert_cmpint (total (rows, 2), ==, 100000);
  /* April: 15 days at 1,000 ÷ 30 and 15 days at 2,000 ÷ 30. */
  g_assert_cmpint (total (rows, 3), ==, 150000);
  g_assert_cmpuint (g_array_index (rows, PlazaRentPeriod, 3).days, ==, 30);
  g_assert_cmpint (total (rows, 4), ==, 200000);
  g_assert_cmpint (total (rows, 11), ==, 200000);

  from_start = plaza_contract_form_amended_schedule (before, after, "2026-01-01", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (from_start->len, ==, 12);
  g_assert_cmpint (total (from_start, 0), ==, 200000);

  /* The step dates count from the amendment's own start: 2,200 in May. */
  stepped = plaza_contract_form_amended_schedule (before, escalating, "2026-05-01", &error);
  g_assert_no_error (error);
  g_assert_cmpint (total (stepped, 3), ==, 100000);
  g_assert_cmpint (total (stepped, 4), ==, 220000);

  g_assert_null (plaza_contract_form_amended_schedule (before, after, "2026-02-30", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_null (plaza_contract_form_amended_schedule (before, "{\"model\":\"fixed\"}", "2026-04-01", &error));
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/contract-form/empty", test_empty);
  g_test_add_func ("/contract-form/fixed", test_fixed);
  g_test_add_func ("/contract-form/dates", test_dates);
  g_test_add_func ("/contract-form/rows", test_rows);
  g_test_add_func ("/contract-form/bad-rows", test_bad_rows);
  g_test_add_func ("/contract-form/percentage-model", test_percentage_model);
  g_test_add_func ("/contract-form/numbers", test_numbers);
  g_test_add_func ("/contract-form/no-area", test_no_area);
  g_test_add_func ("/contract-form/split-pairs", test_split_pairs);
  g_test_add_func ("/contract-form/engine-fields", test_engine_fields);
  g_test_add_func ("/contract-form/load-round-trip", test_load_round_trip);
  g_test_add_func ("/contract-form/load-numbers-and-errors", test_load_numbers_and_errors);
  g_test_add_func ("/contract-form/amendment-json", test_amendment_json);
  g_test_add_func ("/contract-form/amended-schedule", test_amended_schedule);
  g_test_add_func ("/contract-form/amendment-problem", test_amendment_problem);
  return g_test_run ();
}
