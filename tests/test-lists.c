/* test-lists.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Records, the list queries of every page, batching and cancellation, search,
 * state labels and the overview counts, on a small hand-made mall.
 */

#define G_LOG_DOMAIN "plaza-test"

#include "config.h"

#include <string.h>

#include "lists-fixture.h"
#include "plaza-core-resources.h"

typedef struct
{
  char       *dir;
  PlazaStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  f->dir = g_dir_make_tmp ("plaza-lists-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->store = lists_fixture_create (f->dir, NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data G_GNUC_UNUSED)
{
  g_assert_finalize_object (f->store);
  plaza_test_remove_tree (f->dir);
  g_free (f->dir);
}

static void
collect_cb (GPtrArray *records,
            gpointer   user_data)
{
  GPtrArray *all = user_data;

  for (guint i = 0; i < records->len; i++)
    g_ptr_array_add (all, g_object_ref (g_ptr_array_index (records, i)));
  g_ptr_array_unref (records);
}

static GPtrArray *
load (Fixture       *f,
      PlazaListKind  kind)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *all = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_columns = 0;

  g_assert_true (plaza_list_query_run (f->store, kind, 100, collect_cb, all, NULL, &error));
  g_assert_no_error (error);

  plaza_list_get_columns (kind, &n_columns);
  for (guint i = 0; i < all->len; i++)
    g_assert_cmpuint (plaza_record_get_n_values (g_ptr_array_index (all, i)), ==, n_columns);
  return all;
}

static guint
column (PlazaListKind  kind,
        const char    *id)
{
  guint n = 0;
  const PlazaColumn *columns = plaza_list_get_columns (kind, &n);

  for (guint i = 0; i < n; i++)
    if (strcmp (columns[i].id, id) == 0)
      return i;
  g_error ("no column %s in %s", id, plaza_list_kind_to_string (kind));
  return 0;
}

#define ROW(all, i) ((PlazaRecord *) g_ptr_array_index ((all), (i)))
#define TEXT(kind, rec, id) plaza_record_get_text ((rec), column ((kind), (id)))
#define INT(kind, rec, id) plaza_record_get_int ((rec), column ((kind), (id)))
#define IS_NULL(kind, rec, id) plaza_record_is_null ((rec), column ((kind), (id)))

/* ---- records ---- */

static void
test_record_values (void)
{
  g_autoptr(PlazaRecord) record = plaza_record_new (42, 4);

  g_assert_cmpint (plaza_record_get_id (record), ==, 42);
  plaza_record_set_rev (record, 7);
  g_assert_cmpint (plaza_record_get_rev (record), ==, 7);
  g_assert_cmpuint (plaza_record_get_n_values (record), ==, 4);

  for (guint i = 0; i < 4; i++)
    g_assert_true (plaza_record_is_null (record, i));

  plaza_record_set_text (record, 0, "Uniqlo 优衣库");
  plaza_record_set_int (record, 1, -123456789012);
  plaza_record_set_text (record, 2, "x");
  plaza_record_set_int (record, 2, 5);          /* replaces the text */
  plaza_record_set_text (record, 3, NULL);      /* stays null */

  g_assert_cmpstr (plaza_record_get_text (record, 0), ==, "Uniqlo 优衣库");
  g_assert_cmpint (plaza_record_get_int (record, 0), ==, 0);
  g_assert_cmpint (plaza_record_get_int (record, 1), ==, -123456789012);
  g_assert_null (plaza_record_get_text (record, 1));
  g_assert_cmpint (plaza_record_get_int (record, 2), ==, 5);
  g_assert_null (plaza_record_get_text (record, 2));
  g_assert_false (plaza_record_is_null (record, 2));
  g_assert_true (plaza_record_is_null (record, 3));
}

static void
test_record_matches (void)
{
  g_autoptr(PlazaRecord) record = plaza_record_new (1, 3);
  g_autofree char *upper = g_utf8_casefold ("UNIQ", -1);

  plaza_record_set_text (record, 0, "Fast Retailing Co");
  plaza_record_set_text (record, 1, "GU, Uniqlo 优衣库");
  plaza_record_set_int (record, 2, 12345);

  g_assert_true (plaza_record_matches (record, ""));
  g_assert_true (plaza_record_matches (record, NULL));
  g_assert_true (plaza_record_matches (record, "retail"));
  g_assert_true (plaza_record_matches (record, upper));
  g_assert_true (plaza_record_matches (record, "优衣"));
  g_assert_true (plaza_record_matches (record, "gu, uni"));
  g_assert_false (plaza_record_matches (record, "12345"));   /* numbers are not searched */
  g_assert_false (plaza_record_matches (record, "hotpot"));
  g_assert_false (plaza_record_matches (record, "co gu"));    /* not across two values */

  /* A change after a search is seen by the next one. */
  plaza_record_set_text (record, 0, "Sichuan Hotpot Ltd");
  g_assert_true (plaza_record_matches (record, "hotpot"));
  g_assert_false (plaza_record_matches (record, "retail"));
  plaza_record_set_int (record, 1, 1);
  g_assert_false (plaza_record_matches (record, "uniqlo"));
}

/* ---- kinds, columns, labels ---- */

static void
test_kinds (void)
{
  static const char *names[] = {
    "tenants", "units", "leasing", "contracts", "billing", "sales", "promotions",
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (names) == PLAZA_N_LISTS);

  for (guint i = 0; i < PLAZA_N_LISTS; i++)
    {
      PlazaListKind kind = PLAZA_N_LISTS;
      const PlazaColumn *columns;
      guint n = 0;

      g_assert_cmpstr (plaza_list_kind_to_string (i), ==, names[i]);
      g_assert_true (plaza_list_kind_from_string (names[i], &kind));
      g_assert_cmpint (kind, ==, i);

      columns = plaza_list_get_columns (i, &n);
      g_assert_nonnull (columns);
      g_assert_cmpuint (n, >=, 7);
      for (guint c = 0; c < n; c++)
        {
          g_assert_nonnull (columns[c].id);
          g_assert_nonnull (columns[c].title);
          g_assert_cmpstr (columns[c].title, !=, "");
          for (guint d = 0; d < c; d++)
            g_assert_cmpstr (columns[c].id, !=, columns[d].id);
        }
    }
  g_assert_false (plaza_list_kind_from_string ("bogus", NULL));
  g_assert_false (plaza_list_kind_from_string ("Tenants", NULL));
}

static void
test_state_labels (void)
{
  g_assert_cmpstr (plaza_state_label ("active"), ==, "Active");
  g_assert_cmpstr (plaza_state_label ("vacant"), ==, "Vacant");
  g_assert_cmpstr (plaza_state_label ("higher_of"), ==, "Higher of");
  g_assert_cmpstr (plaza_state_label ("negotiation"), ==, "Negotiation");
  g_assert_cmpstr (plaza_state_label ("credit_note"), ==, "Credit note");
  g_assert_cmpstr (plaza_state_label ("spend_save"), ==, "Spend and save");
  g_assert_cmpstr (plaza_state_label ("handed_over"), ==, "Handed over");
  g_assert_cmpstr (plaza_state_label ("fitout"), ==, "Fit-out");
  g_assert_cmpstr (plaza_state_label ("no_such_state"), ==, "no_such_state");
  g_assert_null (plaza_state_label (NULL));
}

/* Every code in every CHECK (... IN (...)) of the schema has a label. */
static void
test_state_labels_cover_schema (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GRegex) check = NULL;
  g_autoptr(GRegex) code = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  const char *sql;
  guint n_codes = 0;

  bytes = g_resource_lookup_data (plaza_core_get_resource (),
                                  "/org/plaza/Plaza/core/migrations/001-initial.sql", 0, NULL);
  g_assert_nonnull (bytes);
  sql = g_bytes_get_data (bytes, NULL);

  check = g_regex_new ("CHECK \\(\\w+ IN \\(([^)]*)\\)", 0, 0, NULL);
  code = g_regex_new ("'([a-z_]+)'", 0, 0, NULL);
  g_regex_match (check, sql, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *list = g_match_info_fetch (match, 1);
      g_autoptr(GMatchInfo) inner = NULL;

      g_regex_match (code, list, 0, &inner);
      while (g_match_info_matches (inner))
        {
          g_autofree char *c = g_match_info_fetch (inner, 1);
          const char *label = plaza_state_label (c);

          if (g_strcmp0 (label, c) == 0)
            g_error ("no label for state code “%s”", c);
          n_codes++;
          g_match_info_next (inner, NULL);
        }
      g_match_info_next (match, NULL);
    }
  g_assert_cmpuint (n_codes, >, 80);
}

/* ---- the lists ---- */

static void
test_tenants (Fixture       *f,
              gconstpointer  data G_GNUC_UNUSED)
{
  const PlazaListKind k = PLAZA_LIST_TENANTS;
  g_autoptr(GPtrArray) all = load (f, k);
  PlazaRecord *t1, *t3;

  g_assert_cmpuint (all->len, ==, 3);
  t1 = ROW (all, 0);
  t3 = ROW (all, 2);
  g_assert_cmpint (plaza_record_get_id (t1), ==, 1);
  g_assert_cmpint (plaza_record_get_rev (t1), ==, 1);
  g_assert_cmpstr (TEXT (k, t1, "code"), ==, "T001");
  g_assert_cmpstr (TEXT (k, t1, "name"), ==, "Fast Retailing Co");
  g_assert_cmpstr (TEXT (k, t1, "brands"), ==, "GU, Uniqlo");
  g_assert_cmpstr (TEXT (k, t1, "category"), ==, "Fashion");
  g_assert_cmpstr (TEXT (k, t1, "contact"), ==, "Li Lei");
  g_assert_cmpstr (TEXT (k, t1, "phone"), ==, "13800000000");
  g_assert_cmpint (INT (k, t1, "units"), ==, 2);
  g_assert_cmpint (INT (k, t1, "contracts"), ==, 1);
  g_assert_cmpint (INT (k, t1, "arrears"), ==, 70000);   /* B-001 part paid; B-002 paid */
  g_assert_cmpstr (TEXT (k, t1, "status"), ==, "trading");   /* a trading tenant: 在营 */

  /* T002: its only issued bill is not due yet, the draft does not count. */
  g_assert_cmpint (INT (k, ROW (all, 1), "arrears"), ==, 0);
  g_assert_cmpint (INT (k, ROW (all, 1), "units"), ==, 1);

  g_assert_cmpstr (TEXT (k, t3, "code"), ==, "T003");
  g_assert_true (IS_NULL (k, t3, "brands"));
  g_assert_true (IS_NULL (k, t3, "category"));
  g_assert_true (IS_NULL (k, t3, "contact"));
  g_assert_cmpint (INT (k, t3, "units"), ==, 0);
  g_assert_cmpint (INT (k, t3, "contracts"), ==, 0);
  g_assert_cmpstr (TEXT (k, t3, "status"), ==, "former");
}

static void
test_units (Fixture       *f,
            gconstpointer  data G_GNUC_UNUSED)
{
  const PlazaListKind k = PLAZA_LIST_UNITS;
  g_autoptr(GPtrArray) all = load (f, k);
  static const char *order[] = { "B1-01", "1F-01", "1F-02", "2F-02" };
  PlazaRecord *b1, *f1, *f2;

  /* By floor level, then code; the retired unit is not listed. */
  g_assert_cmpuint (all->len, ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < all->len; i++)
    g_assert_cmpstr (TEXT (k, ROW (all, i), "code"), ==, order[i]);

  b1 = ROW (all, 0);
  g_assert_cmpstr (TEXT (k, b1, "floor"), ==, "B1");
  g_assert_cmpstr (TEXT (k, b1, "category"), ==, "Food");
  g_assert_cmpint (INT (k, b1, "gross_area"), ==, 20000);
  g_assert_cmpstr (TEXT (k, b1, "status"), ==, "vacant");
  g_assert_true (IS_NULL (k, b1, "tenant"));
  g_assert_true (IS_NULL (k, b1, "contract_end"));
  g_assert_cmpint (INT (k, b1, "days_vacant"), ==, 10);

  /* 1F-01 had an expired contract with T003; the active one wins. */
  f1 = ROW (all, 1);
  g_assert_cmpint (plaza_record_get_id (f1), ==, 1);
  g_assert_cmpint (INT (k, f1, "gross_area"), ==, 15000);
  g_assert_cmpint (INT (k, f1, "rentable_area"), ==, 12550);
  g_assert_cmpstr (TEXT (k, f1, "tenant"), ==, "Fast Retailing Co");
  g_assert_cmpstr (TEXT (k, f1, "contract_end"), ==, "2099-12-31");
  g_assert_true (IS_NULL (k, f1, "days_vacant"));

  f2 = ROW (all, 3);
  g_assert_cmpstr (TEXT (k, f2, "tenant"), ==, "Sichuan Hotpot Ltd");
  g_assert_cmpstr (TEXT (k, f2, "contract_end"), ==, "2026-05-31");
}

static void
test_prospects (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  const PlazaListKind k = PLAZA_LIST_PROSPECTS;
  g_autoptr(GPtrArray) all = load (f, k);
  PlazaRecord *p1, *p2, *p3;

  /* Open ones first (most recent contact first), closed ones last. */
  g_assert_cmpuint (all->len, ==, 3);
  p1 = ROW (all, 0);
  p3 = ROW (all, 1);
  p2 = ROW (all, 2);
  g_assert_cmpstr (TEXT (k, p1, "name"), ==, "Coffee Co");
  g_assert_cmpstr (TEXT (k, p3, "name"), ==, "Book Co");
  g_assert_cmpstr (TEXT (k, p2, "name"), ==, "Tea Ltd");

  g_assert_true (IS_NULL (k, p1, "brand"));
  g_assert_cmpstr (TEXT (k, p1, "category"), ==, "Food");
  g_assert_cmpint (INT (k, p1, "wanted_area"), ==, 8000);
  g_assert_cmpstr (TEXT (k, p1, "stage"), ==, "negotiation");
  g_assert_cmpstr (TEXT (k, p1, "contact"), ==, "Zhao Liu");
  g_assert_cmpstr (TEXT (k, p1, "source"), ==, "Expo");
  g_assert_cmpstr (TEXT (k, p1, "target_unit"), ==, "B1-01");
  g_assert_cmpstr (TEXT (k, p1, "last_contact"), ==, "2026-02-01");
  g_assert_cmpstr (TEXT (k, p1, "next_step"), ==, "Site visit");

  /* The brand's category stands in when the prospect has none. */
  g_assert_cmpstr (TEXT (k, p2, "brand"), ==, "GU");
  g_assert_cmpstr (TEXT (k, p2, "category"), ==, "Fashion");
  g_assert_cmpstr (TEXT (k, p2, "stage"), ==, "dropped");
  g_assert_true (IS_NULL (k, p2, "next_step"));

  g_assert_true (IS_NULL (k, p3, "last_contact"));
  g_assert_cmpstr (TEXT (k, p3, "stage"), ==, "contact");
}

static void
test_contracts (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  const PlazaListKind k = PLAZA_LIST_CONTRACTS;
  g_autoptr(GPtrArray) all = load (f, k);
  PlazaRecord *c1, *c2;

  g_assert_cmpuint (all->len, ==, 4);
  g_assert_cmpstr (TEXT (k, ROW (all, 0), "code"), ==, "C-2019-001");
  c1 = ROW (all, 2);
  c2 = ROW (all, 3);
  g_assert_cmpstr (TEXT (k, ROW (all, 1), "code"), ==, "C-2024-009");

  g_assert_cmpstr (TEXT (k, c1, "code"), ==, "C-2025-001");
  g_assert_cmpstr (TEXT (k, c1, "tenant"), ==, "Fast Retailing Co");
  g_assert_cmpstr (TEXT (k, c1, "brand"), ==, "Uniqlo");
  g_assert_cmpstr (TEXT (k, c1, "units"), ==, "1F-01, 1F-02");
  g_assert_cmpint (INT (k, c1, "area"), ==, 20550);
  g_assert_cmpstr (TEXT (k, c1, "kind"), ==, "lease");
  g_assert_cmpstr (TEXT (k, c1, "model"), ==, "higher_of");
  g_assert_cmpstr (TEXT (k, c1, "state"), ==, "active");
  g_assert_cmpstr (TEXT (k, c1, "start"), ==, "2025-01-01");
  g_assert_cmpstr (TEXT (k, c1, "end"), ==, "2099-12-31");
  g_assert_cmpint (INT (k, c1, "monthly_rent"), ==, 5000000);
  g_assert_cmpint (INT (k, c1, "deposit"), ==, 15000000);

  g_assert_cmpstr (TEXT (k, c2, "units"), ==, "B1-01");
  g_assert_cmpstr (TEXT (k, c2, "kind"), ==, "concession");
  g_assert_cmpstr (TEXT (k, c2, "state"), ==, "draft");
  g_assert_cmpint (INT (k, c2, "monthly_rent"), ==, 0);
  g_assert_false (IS_NULL (k, c2, "monthly_rent"));
}

static void
test_bills (Fixture       *f,
            gconstpointer  data G_GNUC_UNUSED)
{
  const PlazaListKind k = PLAZA_LIST_BILLS;
  g_autoptr(GPtrArray) all = load (f, k);
  static const char *order[] = { "B-003", "B-004", "B-002", "B-001" };
  PlazaRecord *b1, *b2, *b3;

  g_assert_cmpuint (all->len, ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < all->len; i++)
    g_assert_cmpstr (TEXT (k, ROW (all, i), "code"), ==, order[i]);

  b1 = ROW (all, 3);
  g_assert_cmpstr (TEXT (k, b1, "tenant"), ==, "Fast Retailing Co");
  g_assert_cmpstr (TEXT (k, b1, "contract"), ==, "C-2025-001");
  g_assert_cmpstr (TEXT (k, b1, "month"), ==, "2020-01");
  g_assert_cmpstr (TEXT (k, b1, "kind"), ==, "regular");
  g_assert_cmpstr (TEXT (k, b1, "due_date"), ==, "2020-01-10");
  g_assert_cmpint (INT (k, b1, "amount"), ==, 100000);
  g_assert_cmpint (INT (k, b1, "paid"), ==, 30000);
  g_assert_cmpint (INT (k, b1, "balance"), ==, 70000);
  g_assert_cmpstr (TEXT (k, b1, "state"), ==, "issued");

  b2 = ROW (all, 2);
  g_assert_cmpint (INT (k, b2, "paid"), ==, 50000);
  g_assert_cmpint (INT (k, b2, "balance"), ==, 0);

  b3 = ROW (all, 0);
  g_assert_true (IS_NULL (k, b3, "contract"));
  g_assert_cmpstr (TEXT (k, b3, "kind"), ==, "supplementary");
  g_assert_cmpint (INT (k, b3, "paid"), ==, 0);
  g_assert_cmpint (INT (k, b3, "balance"), ==, 40000);
}

static void
test_sales (Fixture       *f,
            gconstpointer  data G_GNUC_UNUSED)
{
  const PlazaListKind k = PLAZA_LIST_SALES;
  g_autoptr(GPtrArray) all = load (f, k);
  static const struct { const char *month, *unit; } order[] = {
    { "2026-02", "1F-02" },
    { "2026-01", "B1-01" },
    { "2026-01", "1F-01" },
    { "2026-01", "1F-02" },
    { "2025-12", "1F-01" },
  };
  PlazaRecord *r;

  g_assert_cmpuint (all->len, ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < all->len; i++)
    {
      g_assert_cmpstr (TEXT (k, ROW (all, i), "month"), ==, order[i].month);
      g_assert_cmpstr (TEXT (k, ROW (all, i), "unit"), ==, order[i].unit);
      for (guint j = 0; j < i; j++)
        g_assert_cmpint (plaza_record_get_id (ROW (all, i)), !=, plaza_record_get_id (ROW (all, j)));
    }

  /* 12,550.00 yuan on 125.50 m² = 100.00 yuan per m². */
  r = ROW (all, 2);
  g_assert_cmpstr (TEXT (k, r, "tenant"), ==, "Fast Retailing Co");
  g_assert_cmpstr (TEXT (k, r, "floor"), ==, "1F");
  g_assert_cmpstr (TEXT (k, r, "category"), ==, "Fashion");
  g_assert_cmpint (INT (k, r, "amount"), ==, 1255000);
  g_assert_cmpint (INT (k, r, "transactions"), ==, 300);
  g_assert_cmpint (INT (k, r, "per_m2"), ==, 10000);
  g_assert_cmpint (INT (k, r, "days"), ==, 31);
  g_assert_cmpint (INT (k, r, "estimated_days"), ==, 0);

  /* 3,333.33 yuan on 80 m² = 41.6666… → 41.67 (half up). */
  r = ROW (all, 3);
  g_assert_cmpint (INT (k, r, "per_m2"), ==, 4167);
  g_assert_cmpint (INT (k, r, "estimated_days"), ==, 2);

  /* 1.00 yuan on 125.50 m² = 0.797… fen → 0.01 yuan. */
  g_assert_cmpint (INT (k, ROW (all, 4), "per_m2"), ==, 1);

  /* B1-01 is only under a draft contract: no tenant, the planned category. */
  r = ROW (all, 1);
  g_assert_true (IS_NULL (k, r, "tenant"));
  g_assert_cmpstr (TEXT (k, r, "category"), ==, "Food");
  g_assert_cmpstr (TEXT (k, r, "floor"), ==, "B1");
}

static void
test_promotions (Fixture       *f,
                 gconstpointer  data G_GNUC_UNUSED)
{
  const PlazaListKind k = PLAZA_LIST_PROMOTIONS;
  g_autoptr(GPtrArray) all = load (f, k);
  static const char *order[] = { "PR-4", "PR-3", "PR-1", "PR-2" };
  PlazaRecord *p1, *p2;

  g_assert_cmpuint (all->len, ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < all->len; i++)
    g_assert_cmpstr (TEXT (k, ROW (all, i), "code"), ==, order[i]);

  p1 = ROW (all, 2);
  g_assert_cmpstr (TEXT (k, p1, "name"), ==, "Spring Sale");
  g_assert_cmpstr (TEXT (k, p1, "theme"), ==, "spring");
  g_assert_cmpstr (TEXT (k, p1, "mechanics"), ==, "spend_save");
  g_assert_cmpstr (TEXT (k, p1, "start"), ==, "2026-03-01");
  g_assert_cmpstr (TEXT (k, p1, "end"), ==, "2026-03-31");
  g_assert_cmpstr (TEXT (k, p1, "state"), ==, "approved");
  g_assert_cmpint (INT (k, p1, "participants"), ==, 2);   /* one declined */
  g_assert_cmpint (INT (k, p1, "budget"), ==, 1000000);
  g_assert_cmpint (INT (k, p1, "tenant_budget"), ==, 200000);

  p2 = ROW (all, 3);
  g_assert_true (IS_NULL (k, p2, "theme"));
  g_assert_cmpint (INT (k, p2, "participants"), ==, 0);
}

/* ---- batching, cancellation ---- */

typedef struct
{
  GPtrArray    *sizes;
  GString      *ids;
  GCancellable *cancel_after_first;
} BatchLog;

static void
log_batch_cb (GPtrArray *records,
              gpointer   user_data)
{
  BatchLog *log = user_data;

  g_ptr_array_add (log->sizes, GUINT_TO_POINTER (records->len));
  for (guint i = 0; i < records->len; i++)
    g_string_append_printf (log->ids, "%" G_GINT64_FORMAT ",",
                            plaza_record_get_id (g_ptr_array_index (records, i)));
  g_ptr_array_unref (records);
  if (log->cancel_after_first != NULL)
    g_cancellable_cancel (log->cancel_after_first);
}

static void
test_batches (Fixture       *f,
              gconstpointer  data G_GNUC_UNUSED)
{
  for (guint kind = 0; kind < PLAZA_N_LISTS; kind++)
    {
      g_autoptr(GPtrArray) all = load (f, kind);
      g_autoptr(GString) expected = g_string_new (NULL);
      g_autoptr(GError) error = NULL;
      BatchLog log = { g_ptr_array_new (), g_string_new (NULL), NULL };

      for (guint i = 0; i < all->len; i++)
        g_string_append_printf (expected, "%" G_GINT64_FORMAT ",",
                                plaza_record_get_id (ROW (all, i)));

      g_assert_true (plaza_list_query_run (f->store, kind, 2, log_batch_cb, &log, NULL, &error));
      g_assert_no_error (error);

      /* Full batches of two, the rest last, in the same order. */
      g_assert_cmpuint (log.sizes->len, ==, (all->len + 1) / 2);
      for (guint i = 0; i < log.sizes->len; i++)
        {
          guint size = GPOINTER_TO_UINT (g_ptr_array_index (log.sizes, i));
          guint want = (i + 1 < log.sizes->len || all->len % 2 == 0) ? 2 : 1;

          g_assert_cmpuint (size, ==, want);
        }
      g_assert_cmpstr (log.ids->str, ==, expected->str);

      g_ptr_array_unref (log.sizes);
      g_string_free (log.ids, TRUE);
    }
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  BatchLog log = { g_ptr_array_new (), g_string_new (NULL), cancellable };

  /* Cancelled during the first batch: no second one. */
  g_assert_false (plaza_list_query_run (f->store, PLAZA_LIST_UNITS, 2, log_batch_cb, &log,
                                        cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (log.sizes->len, ==, 1);
  g_clear_error (&error);

  /* Already cancelled: nothing at all. */
  g_assert_false (plaza_list_query_run (f->store, PLAZA_LIST_TENANTS, 2, log_batch_cb, &log,
                                        cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (log.sizes->len, ==, 1);

  g_ptr_array_unref (log.sizes);
  g_string_free (log.ids, TRUE);
}

static gboolean
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static void
never_cb (GPtrArray *records,
          gpointer   user_data G_GNUC_UNUSED)
{
  g_ptr_array_unref (records);
  g_assert_not_reached ();
}

static gpointer
cancel_later_thread (gpointer user_data)
{
  g_usleep (100 * 1000);
  cancel_cb (user_data);
  return NULL;
}

static gboolean
huge_sales_cb (PlazaStore  *store,
               gpointer     user_data G_GNUC_UNUSED,
               GError     **error)
{
  /* Enough rows that sorting them takes far longer than the cancel delay. */
  return plaza_store_exec (store,
                           "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                           "                       WHERE i < 3000) "
                           "INSERT INTO units (floor_id, code, gross_area, rentable_area) "
                           "SELECT 2, printf ('1F-Z%04d', i), 100, 100 FROM n;"
                           "WITH RECURSIVE m (k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM m "
                           "                       WHERE k < 99) "
                           "INSERT INTO sales_monthly (unit_id, month, amount, days) "
                           "SELECT u.id, printf ('%04d-%02d', 2000 + k / 12, 1 + k % 12), 100, 30 "
                           "FROM units u, m WHERE u.code LIKE '1F-Z%';",
                           error);
}

/* A cancel while SQLite is still working on the first row interrupts it. */
static void
test_cancel_mid_query (Fixture       *f,
                       gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  GThread *thread;
  gint64 start;

  g_assert_true (plaza_store_write (f->store, huge_sales_cb, NULL, &error));
  g_assert_no_error (error);

  thread = g_thread_new ("cancel", cancel_later_thread, cancellable);
  start = g_get_monotonic_time ();
  g_assert_false (plaza_list_query_run (f->store, PLAZA_LIST_SALES, G_MAXUINT, never_cb, NULL,
                                        cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_thread_join (thread);
  g_test_message ("cancelled after %" G_GINT64_FORMAT " ms", (g_get_monotonic_time () - start) / 1000);

  /* The connection is usable afterwards, without the handler. */
  g_clear_error (&error);
  g_assert_true (plaza_list_query_run (f->store, PLAZA_LIST_TENANTS, 10, collect_cb, all, NULL,
                                       &error));
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 3);
}

static void
test_search (Fixture       *f,
             gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GPtrArray) all = load (f, PLAZA_LIST_CONTRACTS);
  g_autofree char *needle = g_utf8_casefold ("HOTPOT", -1);
  guint hits = 0;

  for (guint i = 0; i < all->len; i++)
    if (plaza_record_matches (ROW (all, i), needle))
      hits++;
  g_assert_cmpuint (hits, ==, 2);   /* both Sichuan Hotpot contracts */

  hits = 0;
  for (guint i = 0; i < all->len; i++)
    if (plaza_record_matches (ROW (all, i), "1f-02"))
      hits++;
  g_assert_cmpuint (hits, ==, 1);   /* the two-unit contract */
}

/* ---- overview ---- */

static void
test_overview (Fixture       *f,
               gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  PlazaOverview overview;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 15, G_DATE_MARCH, 2026);

  g_assert_true (plaza_overview_compute (f->store, &today, &overview, &error));
  g_assert_no_error (error);

  g_assert_cmpstr (overview.mall_name, ==, "Plaza One Mall");
  g_assert_cmpint (overview.units_total, ==, 4);
  g_assert_cmpint (overview.units_vacant, ==, 1);
  g_assert_cmpint (overview.rentable_area, ==, 12550 + 8000 + 20000 + 5000);
  g_assert_cmpint (overview.leased_area, ==, 12550 + 8000 + 5000);
  g_assert_cmpint (overview.occupancy_bp, ==, 5609);   /* 255.50 / 455.50 m² */
  g_assert_cmpint (overview.contracts_active, ==, 2);
  g_assert_cmpint (overview.contracts_expiring_90, ==, 1);
  g_assert_cmpint (overview.contracts_awaiting, ==, 1);
  g_assert_cmpint (overview.arrears_fen, ==, 70000);
  g_assert_cmpint (overview.tenants_in_arrears, ==, 1);
  g_assert_cmpint (overview.promotions_upcoming, ==, 1);
  g_assert_cmpint (overview.sales_last_month_fen, ==, 700000);
  plaza_overview_clear (&overview);
  g_assert_null (overview.mall_name);

  /* A year later: the short lease has ended, the bills are all due. */
  g_date_set_dmy (&today, 10, G_DATE_JANUARY, 2100);
  g_assert_true (plaza_overview_compute (f->store, &today, &overview, &error));
  g_assert_cmpint (overview.leased_area, ==, 0);
  g_assert_cmpint (overview.occupancy_bp, ==, 0);
  g_assert_cmpint (overview.contracts_expiring_90, ==, 0);
  g_assert_cmpint (overview.arrears_fen, ==, 70000 + 40000);
  g_assert_cmpint (overview.tenants_in_arrears, ==, 2);
  g_assert_cmpint (overview.promotions_upcoming, ==, 0);
  g_assert_cmpint (overview.sales_last_month_fen, ==, 0);
  plaza_overview_clear (&overview);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lists/record/values", test_record_values);
  g_test_add_func ("/lists/record/matches", test_record_matches);
  g_test_add_func ("/lists/kinds", test_kinds);
  g_test_add_func ("/lists/state-labels", test_state_labels);
  g_test_add_func ("/lists/state-labels/schema", test_state_labels_cover_schema);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/lists/query/tenants", test_tenants);
  ADD ("/lists/query/units", test_units);
  ADD ("/lists/query/prospects", test_prospects);
  ADD ("/lists/query/contracts", test_contracts);
  ADD ("/lists/query/bills", test_bills);
  ADD ("/lists/query/sales", test_sales);
  ADD ("/lists/query/promotions", test_promotions);
  ADD ("/lists/query/batches", test_batches);
  ADD ("/lists/query/cancel", test_cancel);
  ADD ("/lists/query/cancel-mid-query", test_cancel_mid_query);
  ADD ("/lists/query/search", test_search);
  ADD ("/lists/overview", test_overview);
#undef ADD

  return g_test_run ();
}
