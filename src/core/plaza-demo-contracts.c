/* plaza-demo-contracts.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo mall's tenants and their contracts: every unit let, vacant or
 * about to be let, with lease histories (renewals, expiries, early
 * terminations), drafts and approvals waiting, deposits and the events
 * that tell each contract's story.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <string.h>

#include "plaza-demo-private.h"
#include "plaza-money.h"

/* Rent level of a floor, per mille of 1F. */
static guint
floor_factor (int level)
{
  switch (level)
    {
    case 1: return 1000;
    case -1: return 800;
    case 2: return 750;
    case 3: return 600;
    case 4: return 550;
    case 5: return 450;
    default: return 500;
    }
}

/* A new brand and the company behind it. Returns the tenant's index. */
static gboolean
add_tenant (Demo                     *demo,
            const PlazaDemoCategory  *cat,
            const char               *status,
            guint                    *out_index,
            GError                  **error)
{
  static const char * const tiers[] = { "A", "B", "B", "C", "B", "A", "C" };
  static const char * const roles[] = { "店长", "区域经理", "财务", "法人代表", "开店经理" };
  static const char * const regions[] = { "310000", "330100", "320100", "320500", "440100", "440300", "510100", "420100", "110000", "330200" };
  static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  static const guint weights[] = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };
  g_autoptr(sqlite3_stmt) brand = NULL;
  g_autoptr(sqlite3_stmt) tenant = NULL;
  g_autoptr(sqlite3_stmt) link = NULL;
  g_autoptr(sqlite3_stmt) contact = NULL;
  g_autofree char *brand_name = NULL;
  g_autofree char *company = NULL;
  g_autofree char *code = NULL;
  g_autofree char *expiry = NULL;
  char credit[19];
  guint n_stems, n_cities, n_words, sum = 0;
  const char * const *stems = plaza_demo_stems (&n_stems);
  const char * const *cities = plaza_demo_cities (&n_cities);
  const char *stem = NULL;
  DemoTenant t = { 0 };
  gint64 brand_id;

  for (n_words = 0; cat->words[n_words] != NULL; n_words++)
    ;
  /* A brand name not used yet; stems run out only in the large mall. */
  for (guint attempt = 0; brand_name == NULL; attempt++)
    {
      g_autofree char *candidate = NULL;

      stem = stems[demo_rand (demo) % n_stems];
      if (attempt < 50)
        candidate = g_strconcat (stem, cat->words[demo_rand (demo) % n_words], NULL);
      else
        candidate = g_strdup_printf ("%s%s%u号", stem, cat->words[demo_rand (demo) % n_words], attempt);
      if (!g_hash_table_contains (demo->names, candidate))
        brand_name = g_steal_pointer (&candidate);
    }
  g_hash_table_add (demo->names, g_strdup (brand_name));

  brand = plaza_store_prepare (demo->store, "INSERT INTO brands (name, category_id, tier, typical_area) VALUES (?, ?, ?, ?)", error);
  tenant = plaza_store_prepare (demo->store,
                                "INSERT INTO tenants (code, name, credit_code, licence_expiry, category_id, status) "
                                "VALUES (?, ?, ?, ?, ?, ?)", error);
  link = plaza_store_prepare (demo->store, "INSERT INTO tenant_brands (tenant_id, brand_id) VALUES (?, ?)", error);
  contact = plaza_store_prepare (demo->store, "INSERT INTO tenant_contacts (tenant_id, name, role, phone, email) VALUES (?, ?, ?, ?, ?)", error);
  if (brand == NULL || tenant == NULL || link == NULL || contact == NULL)
    return FALSE;

  demo_bind_text (brand, 1, brand_name);
  sqlite3_bind_int64 (brand, 2, demo_category_id (demo, cat));
  demo_bind_text (brand, 3, cat->anchor ? "flagship" : tiers[demo_rand (demo) % G_N_ELEMENTS (tiers)]);
  sqlite3_bind_int64 (brand, 4, (gint64) (cat->area_min + cat->area_max) * 50);
  if (!demo_step (demo, brand, error))
    return FALSE;
  brand_id = demo_last_id (demo);

  /* 统一社会信用代码: 91 + region + 9 characters + check character. */
  g_snprintf (credit, sizeof credit, "91%s", regions[demo_rand (demo) % G_N_ELEMENTS (regions)]);
  for (guint i = 8; i < 17; i++)
    credit[i] = alphabet[demo_rand (demo) % 31];
  for (guint i = 0; i < 17; i++)
    sum += (guint) (strchr (alphabet, credit[i]) - alphabet) * weights[i];
  credit[17] = alphabet[(31 - sum % 31) % 31];
  credit[18] = '\0';

  company = g_strdup_printf ("%s%s%s有限公司", cities[demo_rand (demo) % n_cities], stem, cat->industry);
  code = g_strdup_printf ("T%04u", demo->tenants->len + 1);
  expiry = demo_date (demo->today + demo_range (demo, 0, 2400) - 20);

  demo_bind_text (tenant, 1, code);
  demo_bind_text (tenant, 2, company);
  demo_bind_text (tenant, 3, credit);
  demo_bind_text (tenant, 4, expiry);
  sqlite3_bind_int64 (tenant, 5, demo_category_id (demo, cat));
  demo_bind_text (tenant, 6, status);
  if (!demo_step (demo, tenant, error))
    return FALSE;
  t.id = demo_last_id (demo);
  t.cat = cat;
  t.quality = demo_range (demo, 550, 1500);
  t.trend = (int) demo_range (demo, 0, 160) - 40;
  if (demo_chance (demo, 4))
    t.trend = -350;   /* a tenant in trouble: a review candidate */
  t.payer = demo_chance (demo, 91) ? 0 : demo_chance (demo, 60) ? 1 : 2;
  t.manual = demo_chance (demo, 6);

  sqlite3_bind_int64 (link, 1, t.id);
  sqlite3_bind_int64 (link, 2, brand_id);
  if (!demo_step (demo, link, error))
    return FALSE;

  for (guint c = 0, n = demo_range (demo, 1, 2); c < n; c++)
    {
      g_autofree char *person = demo_person (demo);
      g_autofree char *phone = demo_phone (demo);
      g_autofree char *email = g_strdup_printf ("contact%u@t%04u.example.cn", c + 1, demo->tenants->len + 1);

      sqlite3_bind_int64 (contact, 1, t.id);
      demo_bind_text (contact, 2, person);
      demo_bind_text (contact, 3, roles[demo_rand (demo) % G_N_ELEMENTS (roles)]);
      demo_bind_text (contact, 4, phone);
      demo_bind_text (contact, 5, email);
      if (!demo_step (demo, contact, error))
        return FALSE;
    }

  *out_index = demo->tenants->len;
  g_array_append_val (demo->tenants, t);
  return TRUE;
}

guint32
demo_add_years (guint32 julian,
           guint   years)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, julian);
  g_date_add_years (&d, years);
  return g_date_get_julian (&d);
}

guint32
demo_sub_years (guint32 julian,
           guint   years)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, julian);
  g_date_subtract_years (&d, years);
  return g_date_get_julian (&d);
}

/* Fills in the terms of a contract for @units starting at @start. */
static void
plan_contract (Demo         *demo,
               DemoContract *c,
               guint         tenant,
               guint         unit,
               guint         n_units,
               guint32       start,
               guint         years)
{
  const DemoUnit *u = &g_array_index (demo->units, DemoUnit, unit);
  const DemoFloor *floor = &g_array_index (demo->floors, DemoFloor, u->floor);
  const PlazaDemoCategory *cat = u->cat;
  gint64 daily;

  memset (c, 0, sizeof *c);
  c->tenant = tenant;
  c->unit = unit;
  c->n_units = n_units;
  for (guint i = 0; i < n_units; i++)
    c->area += g_array_index (demo->units, DemoUnit, unit + i).rentable;

  c->model = cat->model;
  if (g_str_equal (c->model, "higher_of") && demo_chance (demo, 25))
    c->model = "fixed";
  c->percent_bp = cat->percent_bp > 0 ? cat->percent_bp + demo_range (demo, 0, 4) * 50 - 100 : 0;

  daily = (gint64) cat->rent_m2_day * floor_factor (floor->level) / 1000;
  daily = daily * demo_range (demo, 850, 1150) / 1000;
  daily = (daily + 5) / 10 * 10;   /* quoted to the jiao */
  if (cat->anchor)
    {
      c->rent_unit = "m2_month";
      c->rate = daily * 30;
    }
  else if (demo_chance (demo, 15))
    {
      c->rent_unit = "month";
      c->rate = (daily * c->area * 30 / 100 + 5000) / 10000 * 10000;   /* a round monthly sum */
    }
  else
    {
      c->rent_unit = "m2_day";
      c->rate = daily;
    }

  c->escalation_bp = cat->anchor ? 300 : demo_range (demo, 0, 4) * 50 + 300;
  c->fee_rate = (gint64) demo_range (demo, 25, 45) * 100;
  c->start = start;
  c->end = demo_add_years (start, years) - 1;
  c->stop = c->end;
  if (demo_chance (demo, 70))
    c->free_end = start + (cat->anchor ? 179 : demo_range (demo, 1, 3) * 30 - 1);
}

static char *
terms_json (Demo               *demo G_GNUC_UNUSED,
            const DemoContract *c)
{
  g_autofree char *start = demo_date (c->start);
  g_autofree char *end = demo_date (c->end);
  g_autofree char *area = plaza_area_format (c->area);
  g_autofree char *rate = plaza_money_format_plain (c->rate);
  g_autofree char *pct = plaza_percent_format (c->percent_bp);
  g_autofree char *esc = plaza_percent_format (c->escalation_bp);
  g_autofree char *fee = plaza_money_format_plain (c->fee_rate);
  GString *s = g_string_new (NULL);
  char *p;

  /* plaza_area_format groups thousands: JSON wants the plain number. */
  while ((p = strchr (area, ',')) != NULL)
    memmove (p, p + 1, strlen (p));

  g_string_append_printf (s, "{\"start\": \"%s\", \"end\": \"%s\", \"area\": \"%s\", \"model\": \"%s\"",
                          start, end, area, c->model);
  if (!g_str_equal (c->model, "percentage"))
    g_string_append_printf (s, ", \"rent\": {\"amount\": \"%s\", \"unit\": \"%s\"}", rate, c->rent_unit);
  if (!g_str_equal (c->model, "fixed"))
    g_string_append_printf (s, ", \"percentage\": \"%s\"", pct);
  g_string_append_printf (s, ", \"escalation\": {\"every_months\": 12, \"percent\": \"%s\"}", esc);
  if (c->free_end != 0)
    {
      g_autofree char *free_from = demo_date (c->start);
      g_autofree char *free_to = demo_date (c->free_end);
      g_string_append_printf (s, ", \"free\": [{\"from\": \"%s\", \"to\": \"%s\"}]", free_from, free_to);
    }
  g_string_append_printf (s, ", \"fees\": [{\"name\": \"物业管理费\", \"amount\": \"%s\", \"unit\": \"m2_month\"}]}", fee);
  return g_string_free (s, FALSE);
}

/* A rough monthly figure for lists: the first year's base rent. */
static gint64
indicative_rent (const DemoContract *c)
{
  if (g_str_equal (c->model, "percentage"))
    return 0;
  if (g_str_equal (c->rent_unit, "m2_day"))
    return c->rate * c->area * 365 / 12 / 100;
  if (g_str_equal (c->rent_unit, "m2_month"))
    return c->rate * c->area / 100;
  return c->rate;
}

static gboolean
insert_event (Demo        *demo,
              gint64       contract_id,
              const char  *kind,
              guint32      day,
              const char  *comment,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *date = demo_date (day);
  g_autofree char *at = demo_stamp (day);

  stmt = plaza_store_prepare (demo->store,
                              "INSERT INTO contract_events (contract_id, kind, effective_date, comment, user, at) "
                              "VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  demo_bind_text (stmt, 2, kind);
  demo_bind_text (stmt, 3, date);
  demo_bind_text (stmt, 4, comment);
  demo_bind_text (stmt, 5, g_str_equal (kind, "approved") ? "chenqiang" : "wangfang");
  demo_bind_text (stmt, 6, at);
  return demo_step (demo, stmt, error);
}

static gboolean
insert_contract (Demo          *demo,
                 DemoContract  *c,
                 const char    *state,
                 gint64         previous_id,
                 const char    *reason,
                 GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) cu = NULL;
  g_autofree char *code = NULL;
  g_autofree char *start = demo_date (c->start);
  g_autofree char *end = demo_date (c->end);
  g_autofree char *terms = terms_json (demo, c);
  g_autofree char *created = demo_stamp (c->start > 40 ? c->start - 40 : c->start);
  g_autofree char *signed_on = demo_date (c->start - 20);
  g_autofree char *stop = demo_date (c->stop);
  const DemoTenant *t = &g_array_index (demo->tenants, DemoTenant, c->tenant);
  gboolean is_signed = !g_str_equal (state, "draft") && !g_str_equal (state, "submitted");
  gint64 deposit = (indicative_rent (c) + c->fee_rate * c->area / 100) * 3;
  GDate d;

  if (deposit == 0)
    deposit = c->area * 30000 / 100;   /* percentage only: a flat ¥300 per m² */
  deposit = (deposit + 50000) / 100000 * 100000;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, c->start);
  code = g_strdup_printf ("HT%04u-%04u", g_date_get_year (&d), ++demo->serial);
  c->state = state;

  stmt = plaza_store_prepare (demo->store,
                              "INSERT INTO contracts (code, tenant_id, brand_id, kind, state, model, start_date, end_date, "
                              "monthly_rent, terms_json, deposit_amount, late_fee_bp_per_day, late_fee_grace_days, late_fee_cap, "
                              "previous_contract_id, signed_on, terminated_on, termination_reason, created_by, created_at) "
                              "VALUES (?, ?, (SELECT brand_id FROM tenant_brands WHERE tenant_id = ?2 LIMIT 1), ?, ?, ?, ?, ?, "
                              "?, ?, ?, 5, ?, ?, ?, ?, ?, ?, 'wangfang', ?)", error);
  cu = plaza_store_prepare (demo->store, "INSERT INTO contract_units (contract_id, unit_id, area) VALUES (?, ?, ?)", error);
  if (stmt == NULL || cu == NULL)
    return FALSE;

  demo_bind_text (stmt, 1, code);
  sqlite3_bind_int64 (stmt, 2, t->id);
  demo_bind_text (stmt, 3, g_str_equal (c->model, "percentage") ? "concession" : "lease");
  demo_bind_text (stmt, 4, state);
  demo_bind_text (stmt, 5, c->model);
  demo_bind_text (stmt, 6, start);
  demo_bind_text (stmt, 7, end);
  sqlite3_bind_int64 (stmt, 8, indicative_rent (c));
  demo_bind_text (stmt, 9, terms);
  sqlite3_bind_int64 (stmt, 10, deposit);
  sqlite3_bind_int (stmt, 11, (int) demo_range (demo, 0, 2) * 5);
  sqlite3_bind_int64 (stmt, 12, demo_chance (demo, 50) ? deposit / 2 : 0);
  if (previous_id > 0)
    sqlite3_bind_int64 (stmt, 13, previous_id);
  if (is_signed)
    demo_bind_text (stmt, 14, signed_on);
  if (g_str_equal (state, "terminated"))
    {
      demo_bind_text (stmt, 15, stop);
      demo_bind_text (stmt, 16, reason);
    }
  else
    demo_bind_text (stmt, 16, "");
  demo_bind_text (stmt, 17, created);
  if (!demo_step (demo, stmt, error))
    return FALSE;
  c->id = demo_last_id (demo);

  for (guint i = 0; i < c->n_units; i++)
    {
      const DemoUnit *u = &g_array_index (demo->units, DemoUnit, c->unit + i);

      sqlite3_bind_int64 (cu, 1, c->id);
      sqlite3_bind_int64 (cu, 2, u->id);
      sqlite3_bind_int64 (cu, 3, u->rentable);
      if (!demo_step (demo, cu, error))
        return FALSE;
    }

  /* The paper trail. */
  if (!insert_event (demo, c->id, "created", c->start - 40, "", error))
    return FALSE;
  if (!g_str_equal (state, "draft") && !insert_event (demo, c->id, "submitted", c->start - 35, "", error))
    return FALSE;
  if (is_signed && !insert_event (demo, c->id, "approved", c->start - 30, "同意", error))
    return FALSE;
  if (is_signed && c->start <= demo->today && !insert_event (demo, c->id, "activated", c->start, "", error))
    return FALSE;
  if (g_str_equal (state, "terminated") && !insert_event (demo, c->id, "termination", c->stop, reason, error))
    return FALSE;
  if (g_str_equal (state, "expired") && !insert_event (demo, c->id, "expired", c->end + 1, "", error))
    return FALSE;
  if (g_str_equal (state, "renewed") && !insert_event (demo, c->id, "renewal", c->end + 1, "续签", error))
    return FALSE;

  if (is_signed)
    {
      g_autoptr(sqlite3_stmt) dep = plaza_store_prepare (demo->store,
                                                         "INSERT INTO deposit_entries (contract_id, kind, amount, date, user, at) "
                                                         "VALUES (?, 'received', ?, ?, 'wangfang', ?)", error);
      if (dep == NULL)
        return FALSE;
      sqlite3_bind_int64 (dep, 1, c->id);
      sqlite3_bind_int64 (dep, 2, deposit);
      demo_bind_text (dep, 3, signed_on);
      demo_bind_text (dep, 4, created);
      if (!demo_step (demo, dep, error))
        return FALSE;
      if (g_str_equal (state, "terminated") || g_str_equal (state, "expired"))
        {
          sqlite3_bind_int64 (dep, 1, c->id);
          sqlite3_bind_int64 (dep, 2, deposit);
          demo_bind_text (dep, 3, stop);
          demo_bind_text (dep, 4, created);
          if (!demo_step (demo, dep, error))
            return FALSE;
          if (!demo_exec (demo, "UPDATE deposit_entries SET kind = 'refunded' WHERE id = last_insert_rowid()", error))
            return FALSE;
        }
    }

  g_array_append_val (demo->contracts, *c);
  return TRUE;
}

static gboolean
set_unit_status (Demo        *demo,
                 guint        unit,
                 const char  *status,
                 guint32      vacant_since,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *since = vacant_since > 0 ? demo_date (vacant_since) : NULL;

  stmt = plaza_store_prepare (demo->store, "UPDATE units SET status = ?, vacant_since = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  demo_bind_text (stmt, 1, status);
  if (since != NULL)
    demo_bind_text (stmt, 2, since);
  sqlite3_bind_int64 (stmt, 3, g_array_index (demo->units, DemoUnit, unit).id);
  return demo_step (demo, stmt, error);
}

/* The tenants a unit had before @before, back to the start of the sales
 * history: three-year leases of former tenants that ran out, with a few
 * weeks of vacancy and fit-out between them. */
static gboolean
add_earlier_tenants (Demo     *demo,
                     guint     unit,
                     guint     n_units,
                     guint32   before,
                     GError  **error)
{
  const DemoUnit *u = &g_array_index (demo->units, DemoUnit, unit);

  while (before > demo->sales_from + 180 && demo_chance (demo, 90))
    {
      DemoContract old;
      guint tenant;
      guint32 stop = before - 1 - demo_range (demo, 30, 120);

      if (!add_tenant (demo, u->cat, "former", &tenant, error))
        return FALSE;
      plan_contract (demo, &old, tenant, unit, n_units, demo_sub_years (stop + 1, 3), 3);
      old.end = stop;
      old.stop = stop;
      if (!insert_contract (demo, &old, "expired", 0, "", error))
        return FALSE;
      before = old.start;
    }
  return TRUE;
}

/* An occupied group of units: today's tenant, with its history. */
static gboolean
let_units (Demo    *demo,
           guint    unit,
           guint    n_units,
           GError **error)
{
  const DemoUnit *u = &g_array_index (demo->units, DemoUnit, unit);
  DemoContract current, previous;
  guint tenant;
  guint years = u->cat->anchor ? 10 : (guint) (demo_chance (demo, 60) ? 3 : demo_range (demo, 2, 5));
  guint32 start;
  gint64 previous_id = 0;

  if (!add_tenant (demo, u->cat, "active", &tenant, error))
    return FALSE;

  if (demo->n_let++ % 12 == 4)
    start = demo_sub_years (demo->today + demo_range (demo, 5, 88) + 1, years);   /* ends within 90 days */
  else
    start = demo->today - demo_range (demo, 20, 365 * years - 100);

  /* Many current leases are renewals of earlier ones, back to the start
   * of the sales history: a chain of three-year leases. */
  {
    guint32 starts[16];
    guint n_starts = 0;
    guint32 s = start;

    while (s > demo->sales_from && n_starts < G_N_ELEMENTS (starts) &&
           demo_chance (demo, n_starts == 0 ? 55 : 85))
      {
        s = demo_sub_years (s, 3);
        starts[n_starts++] = s;
      }
    for (guint k = n_starts; k > 0; k--)
      {
        plan_contract (demo, &previous, tenant, unit, n_units, starts[k - 1], 3);
        previous.end = (k > 1 ? starts[k - 2] : start) - 1;
        previous.stop = previous.end;
        if (k < n_starts)
          previous.free_end = 0;
        if (!insert_contract (demo, &previous, "renewed", previous_id, "", error))
          return FALSE;
        previous_id = previous.id;
      }
    if (!add_earlier_tenants (demo, unit, n_units, n_starts > 0 ? starts[n_starts - 1] : start, error))
      return FALSE;
  }

  plan_contract (demo, &current, tenant, unit, n_units, start, years);
  if (previous_id > 0)
    current.free_end = 0;   /* no fit-out on a renewal */
  if (!insert_contract (demo, &current, "active", previous_id, "", error))
    return FALSE;

  for (guint i = 0; i < n_units; i++)
    {
      const char *status = current.free_end >= demo->today && current.start + 60 > demo->today ? "fitout" : "leased";

      if (!set_unit_status (demo, unit + i, status, 0, error))
        return FALSE;
    }
  return TRUE;
}

/* A vacant unit: how it became vacant, and whether someone is coming. */
static gboolean
leave_vacant (Demo    *demo,
              guint    unit,
              GError **error)
{
  static const char * const reasons[] = { "经营不善，协商提前解约", "末位淘汰清退", "品牌调整撤店", "长期拖欠租金，依约解除" };
  const DemoUnit *u = &g_array_index (demo->units, DemoUnit, unit);
  guint32 vacant_since = demo->sales_from - 200;
  guint roll = demo_range (demo, 0, 99);
  guint tenant;
  /* The first vacancies show every case, whatever the dice say. */
  static const guint first_rolls[][2] = { { 10, 5 }, { 50, 20 }, { 20, 40 } };
  guint nth = demo->n_vacant++;

  if (nth < G_N_ELEMENTS (first_rolls))
    roll = first_rolls[nth][0];

  if (roll < 70)
    {
      /* A tenant left: terminated early, or the lease ran out. */
      DemoContract old;
      gboolean terminated = roll < 40;
      guint32 stop = demo->today - demo_range (demo, 15, 300);
      guint years = 3;

      if (!add_tenant (demo, u->cat, "former", &tenant, error))
        return FALSE;
      plan_contract (demo, &old, tenant, unit, 1, demo_sub_years (stop + 1, years) + (terminated ? 300 : 0), years);
      if (!terminated)
        old.end = stop;
      old.stop = stop;
      if (!insert_contract (demo, &old, terminated ? "terminated" : "expired", 0,
                            terminated ? reasons[demo_rand (demo) % G_N_ELEMENTS (reasons)] : "", error))
        return FALSE;
      if (!add_earlier_tenants (demo, unit, 1, old.start, error))
        return FALSE;
      vacant_since = stop + 1;
    }

  /* Someone new is on the way: a draft, one awaiting approval, or signed. */
  roll = nth < G_N_ELEMENTS (first_rolls) ? first_rolls[nth][1] : demo_range (demo, 0, 99);
  if (roll < 45)
    {
      DemoContract next;
      const char *state = roll < 15 ? "draft" : roll < 32 ? "submitted" : "approved";

      if (!add_tenant (demo, u->cat, g_str_equal (state, "approved") ? "active" : "prospect", &tenant, error))
        return FALSE;
      plan_contract (demo, &next, tenant, unit, 1, demo->today + demo_range (demo, 10, 75), 3);
      if (!insert_contract (demo, &next, state, 0, "", error))
        return FALSE;
      if (g_str_equal (state, "approved"))
        return set_unit_status (demo, unit, "reserved", vacant_since, error);
    }

  return set_unit_status (demo, unit, "vacant", vacant_since, error);
}

gboolean
demo_add_contracts (Demo    *demo,
               GError **error)
{
  g_autofree char *summary = NULL;

  for (guint i = 0; i < demo->units->len;)
    {
      const DemoUnit *u = &g_array_index (demo->units, DemoUnit, i);
      guint n = 1;

      if (!u->cat->anchor && (demo_chance (demo, 9) || (i % 10 == 7 && demo->n_vacant < 3)))
        {
          if (!leave_vacant (demo, i, error))
            return FALSE;
          i++;
          continue;
        }

      /* Some tenants take two neighbouring units (多铺). */
      if (!u->cat->anchor && i + 1 < demo->units->len && demo_chance (demo, 14))
        {
          const DemoUnit *next = &g_array_index (demo->units, DemoUnit, i + 1);

          if (next->floor == u->floor && next->cat == u->cat)
            n = 2;
        }
      if (!let_units (demo, i, n, error))
        return FALSE;
      i += n;
    }

  summary = g_strdup_printf ("%u tenants, %u contracts", demo->tenants->len, demo->contracts->len);
  return demo_log (demo, "contract", summary, error);
}
