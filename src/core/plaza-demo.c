/* plaza-demo.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo mall: floors, units, categories, brands, tenants and their
 * contracts in every state. Sales, bills, promotions and the leasing
 * pipeline are in plaza-demo-activity.c. Everything comes from one seeded
 * generator and the anchor date, so the same inputs give the same file.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "plaza-demo-private.h"
#include "plaza-money.h"

typedef struct
{
  const char  *mall_name;
  guint        n_floors;
  int          first_level;      /* B1 = -1 */
  guint        units_per_floor;
  guint        sales_years;
} DemoShape;

static const DemoShape shapes[] = {
  [PLAZA_DEMO_SMALL]  = { "星河里社区商业", 1, 1, 30, 1 },
  [PLAZA_DEMO_MEDIUM] = { "星河广场", 6, -1, 40, 3 },
  [PLAZA_DEMO_LARGE]  = { "星河城购物中心", 10, -2, 100, 10 },
};

/* What each floor sells, by level (B2 … 8F), as category names. */
static const char *
floor_mix (int   level,
           guint slot)
{
  static const char * const b1[] = { "快餐", "咖啡茶饮", "药店", "维修", "美容美发", "快餐", "儿童零售", NULL };
  static const char * const f1[] = { "珠宝", "化妆品", "服装", "咖啡茶饮", "鞋包", "化妆品", "服装", NULL };
  static const char * const f2[] = { "服装", "鞋包", "服装", "数码", "服装", "化妆品", NULL };
  static const char * const f3[] = { "服装", "儿童零售", "早教", "儿童零售", "服装", "鞋包", NULL };
  static const char * const f4[] = { "中餐", "火锅", "快餐", "中餐", "咖啡茶饮", "快餐", NULL };
  static const char * const f5[] = { "中餐", "电玩", "咖啡茶饮", "快餐", "美容美发", NULL };
  static const char * const small[] = { "服装", "快餐", "咖啡茶饮", "化妆品", "药店", "美容美发",
                                        "儿童零售", "中餐", "鞋包", "珠宝", "维修", "数码", NULL };
  const char * const *mix;
  guint n;

  switch (level)
    {
    case 0: mix = small; break;
    case -2: case -1: mix = b1; break;
    case 1: mix = f1; break;
    case 2: case 6: mix = f2; break;
    case 3: case 7: mix = f3; break;
    case 4: case 8: mix = f4; break;
    default: mix = f5; break;
    }
  n = g_strv_length ((char **) mix);
  return mix[slot % n];
}

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

guint32
demo_rand (Demo *demo)
{
  /* splitmix64: small, fast and the same everywhere. */
  guint64 z = (demo->rng += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return (guint32) ((z ^ (z >> 31)) >> 32);
}

guint
demo_range (Demo  *demo,
            guint  lo,
            guint  hi)
{
  if (hi <= lo)
    return lo;
  return lo + demo_rand (demo) % (hi - lo + 1);
}

gboolean
demo_chance (Demo  *demo,
             guint  percent)
{
  return demo_rand (demo) % 100 < percent;
}

char *
demo_date (guint32 julian)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, julian);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&d), g_date_get_month (&d),
                          g_date_get_day (&d));
}

char *
demo_stamp (guint32 julian)
{
  g_autofree char *date = demo_date (julian);

  return g_strdup_printf ("%sT09:%02u:00Z", date, julian % 60);
}

char *
demo_person (Demo *demo)
{
  guint ns, ng;
  const char * const *surnames = plaza_demo_surnames (&ns);
  const char * const *given = plaza_demo_given (&ng);

  return g_strconcat (surnames[demo_rand (demo) % ns], given[demo_rand (demo) % ng], NULL);
}

char *
demo_phone (Demo *demo)
{
  static const guint prefixes[] = { 130, 131, 135, 136, 137, 138, 139, 150, 151, 158, 159, 177, 186, 188, 189 };

  return g_strdup_printf ("%u%04u%04u", prefixes[demo_rand (demo) % G_N_ELEMENTS (prefixes)],
                          demo_range (demo, 0, 9999), demo_range (demo, 0, 9999));
}

gboolean
demo_exec (Demo        *demo,
           const char  *sql,
           GError     **error)
{
  return plaza_store_exec (demo->store, sql, error);
}

gboolean
demo_step (Demo          *demo,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      plaza_store_set_sqlite_error (demo->store, error);
      g_debug ("demo: %s failed", sqlite3_sql (stmt));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return TRUE;
}

gboolean
demo_log (Demo        *demo,
          const char  *entity,
          const char  *summary,
          GError     **error)
{
  return plaza_store_log_change (demo->store, entity, 0, "demo", summary, error);
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static gint64
last_id (Demo *demo)
{
  return sqlite3_last_insert_rowid (demo->db);
}

static gboolean
add_settings (Demo    *demo,
              guint32  seed,
              GError **error)
{
  const DemoShape *shape = &shapes[demo->size];
  g_autofree char *anchor = demo_date (demo->today);
  g_autofree char *seed_text = g_strdup_printf ("%u", seed);
  const char *size_name = demo->size == PLAZA_DEMO_SMALL ? "small" : demo->size == PLAZA_DEMO_LARGE ? "large" : "medium";

  return plaza_store_set_setting (demo->store, "mall.name", shape->mall_name, error) &&
         plaza_store_set_setting (demo->store, "mall.city", "杭州", error) &&
         plaza_store_set_setting (demo->store, "mall.company", "杭州星河商业管理有限公司", error) &&
         plaza_store_set_setting (demo->store, "mall.address", "杭州市滨江区星河路 88 号", error) &&
         plaza_store_set_setting (demo->store, "demo.anchor", anchor, error) &&
         plaza_store_set_setting (demo->store, "demo.seed", seed_text, error) &&
         plaza_store_set_setting (demo->store, "demo.size", size_name, error);
}

static gboolean
add_users (Demo    *demo,
           GError **error)
{
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO users (login, display_name, role, created_at) VALUES "
    "('admin', '系统管理员', 'admin', '%1$s'), ('wangfang', '王芳', 'clerk', '%1$s'), "
    "('lijun', '李军', 'clerk', '%1$s'), ('zhangmin', '张敏', 'planner', '%1$s'), "
    "('chenqiang', '陈强', 'manager', '%1$s'), ('zhaoli', '赵丽', 'viewer', '%1$s')",
    demo->stamp);

  return demo_exec (demo, sql, error) && demo_log (demo, "user", "6 users", error);
}

static gboolean
add_categories (Demo    *demo,
                GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const PlazaDemoCategory *cats;
  guint n;

  cats = plaza_demo_categories (&n);
  stmt = plaza_store_prepare (demo->store, "INSERT INTO categories (parent_id, name, color) VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      gpointer parent_id = g_hash_table_lookup (demo->category_ids, cats[i].parent);

      if (parent_id == NULL)
        {
          bind_text (stmt, 2, cats[i].parent);
          bind_text (stmt, 3, cats[i].color);
          if (!demo_step (demo, stmt, error))
            return FALSE;
          parent_id = GINT_TO_POINTER ((int) last_id (demo));
          g_hash_table_insert (demo->category_ids, (gpointer) cats[i].parent, parent_id);
        }
      if (g_str_equal (cats[i].parent, cats[i].name))
        continue;   /* 超市 is both 业态 and 品类 */

      sqlite3_bind_int64 (stmt, 1, GPOINTER_TO_INT (parent_id));
      bind_text (stmt, 2, cats[i].name);
      bind_text (stmt, 3, cats[i].color);
      if (!demo_step (demo, stmt, error))
        return FALSE;
      g_hash_table_insert (demo->category_ids, (gpointer) cats[i].name, GINT_TO_POINTER ((int) last_id (demo)));
    }
  return demo_log (demo, "category", "category tree", error);
}

static gint64
category_id (Demo                    *demo,
             const PlazaDemoCategory *cat)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (demo->category_ids, cat->name));
}

static gboolean
add_floors_and_units (Demo    *demo,
                      GError **error)
{
  const DemoShape *shape = &shapes[demo->size];
  g_autoptr(sqlite3_stmt) floor_stmt = NULL;
  g_autoptr(sqlite3_stmt) unit_stmt = NULL;
  g_autofree char *opened = demo_date (demo->sales_from - 400);
  g_autofree char *sql = NULL;
  g_autofree char *summary = NULL;

  sql = g_strdup_printf ("INSERT INTO projects (code, name, opened_on, notes) VALUES "
                         "('XH', '%1$s', '%2$s', ''); "
                         "INSERT INTO projects (parent_id, code, name, opened_on) VALUES (1, 'XH-1', '%1$s 一期', '%2$s'); "
                         "INSERT INTO projects (parent_id, code, name, notes) VALUES (1, 'XH-2', '%1$s 二期', '规划中：招商定位待定');",
                         shape->mall_name, opened);
  if (!demo_exec (demo, sql, error))
    return FALSE;
  demo->project_id = 2;

  floor_stmt = plaza_store_prepare (demo->store, "INSERT INTO floors (project_id, label, level, gross_area) VALUES (?, ?, ?, ?)", error);
  unit_stmt = plaza_store_prepare (demo->store,
                                   "INSERT INTO units (floor_id, code, gross_area, rentable_area, planned_category_id, status) "
                                   "VALUES (?, ?, ?, ?, ?, 'vacant')", error);
  if (floor_stmt == NULL || unit_stmt == NULL)
    return FALSE;

  for (guint f = 0; f < shape->n_floors; f++)
    {
      int level = shape->first_level + (int) f;
      DemoFloor floor = { 0 };
      gint64 floor_gross = 0;
      guint n_units = shape->units_per_floor;

      if (level >= 0 && shape->first_level < 0)
        level++;   /* no floor 0: B1 is followed by 1F */
      floor.level = level;
      floor.label = level < 0 ? g_strdup_printf ("B%d", -level) : g_strdup_printf ("%dF", level);

      sqlite3_bind_int64 (floor_stmt, 1, demo->project_id);
      bind_text (floor_stmt, 2, floor.label);
      sqlite3_bind_int (floor_stmt, 3, level);
      sqlite3_bind_int64 (floor_stmt, 4, 0);
      if (!demo_step (demo, floor_stmt, error))
        return FALSE;
      floor.id = last_id (demo);
      g_array_append_val (demo->floors, floor);

      for (guint u = 0; u < n_units; u++)
        {
          DemoUnit unit = { 0 };
          g_autofree char *code = g_strdup_printf ("%s-%03u", floor.label, u + 1);
          const char *cat_name;
          guint gross_m2;

          /* Anchors: the supermarket opens B1, the cinema tops 5F. */
          if (demo->size != PLAZA_DEMO_SMALL && level == -1 && u == 0)
            cat_name = "超市";
          else if (demo->size != PLAZA_DEMO_SMALL && level == 5 && u == 0)
            cat_name = "影院";
          else
            cat_name = floor_mix (demo->size == PLAZA_DEMO_SMALL ? 0 : level, demo_rand (demo) % 17);

          unit.cat = plaza_demo_category_by_name (cat_name);
          unit.floor = f;
          gross_m2 = demo_range (demo, unit.cat->area_min, unit.cat->area_max);
          unit.gross = (gint64) gross_m2 * 100 + demo_range (demo, 0, 99);
          unit.rentable = unit.gross * demo_range (demo, 760, 860) / 1000;

          sqlite3_bind_int64 (unit_stmt, 1, floor.id);
          bind_text (unit_stmt, 2, code);
          sqlite3_bind_int64 (unit_stmt, 3, unit.gross);
          sqlite3_bind_int64 (unit_stmt, 4, unit.rentable);
          sqlite3_bind_int64 (unit_stmt, 5, category_id (demo, unit.cat));
          if (!demo_step (demo, unit_stmt, error))
            return FALSE;
          unit.id = last_id (demo);
          floor_gross += unit.gross;
          g_array_append_val (demo->units, unit);
        }

      {
        g_autofree char *update = g_strdup_printf ("UPDATE floors SET gross_area = %" G_GINT64_FORMAT
                                                   " WHERE id = %" G_GINT64_FORMAT,
                                                   floor_gross * 13 / 10, floor.id);
        if (!demo_exec (demo, update, error))
          return FALSE;
      }
    }

  summary = g_strdup_printf ("%u floors, %u units", demo->floors->len, demo->units->len);
  return demo_log (demo, "unit", summary, error);
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

  bind_text (brand, 1, brand_name);
  sqlite3_bind_int64 (brand, 2, category_id (demo, cat));
  bind_text (brand, 3, cat->anchor ? "flagship" : tiers[demo_rand (demo) % G_N_ELEMENTS (tiers)]);
  sqlite3_bind_int64 (brand, 4, (gint64) (cat->area_min + cat->area_max) * 50);
  if (!demo_step (demo, brand, error))
    return FALSE;
  brand_id = last_id (demo);

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

  bind_text (tenant, 1, code);
  bind_text (tenant, 2, company);
  bind_text (tenant, 3, credit);
  bind_text (tenant, 4, expiry);
  sqlite3_bind_int64 (tenant, 5, category_id (demo, cat));
  bind_text (tenant, 6, status);
  if (!demo_step (demo, tenant, error))
    return FALSE;
  t.id = last_id (demo);
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
      bind_text (contact, 2, person);
      bind_text (contact, 3, roles[demo_rand (demo) % G_N_ELEMENTS (roles)]);
      bind_text (contact, 4, phone);
      bind_text (contact, 5, email);
      if (!demo_step (demo, contact, error))
        return FALSE;
    }

  *out_index = demo->tenants->len;
  g_array_append_val (demo->tenants, t);
  return TRUE;
}

static guint32
add_years (guint32 julian,
           guint   years)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, julian);
  g_date_add_years (&d, years);
  return g_date_get_julian (&d);
}

static guint32
sub_years (guint32 julian,
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
  c->end = add_years (start, years) - 1;
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
  bind_text (stmt, 2, kind);
  bind_text (stmt, 3, date);
  bind_text (stmt, 4, comment);
  bind_text (stmt, 5, g_str_equal (kind, "approved") ? "chenqiang" : "wangfang");
  bind_text (stmt, 6, at);
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

  bind_text (stmt, 1, code);
  sqlite3_bind_int64 (stmt, 2, t->id);
  bind_text (stmt, 3, g_str_equal (c->model, "percentage") ? "concession" : "lease");
  bind_text (stmt, 4, state);
  bind_text (stmt, 5, c->model);
  bind_text (stmt, 6, start);
  bind_text (stmt, 7, end);
  sqlite3_bind_int64 (stmt, 8, indicative_rent (c));
  bind_text (stmt, 9, terms);
  sqlite3_bind_int64 (stmt, 10, deposit);
  sqlite3_bind_int (stmt, 11, (int) demo_range (demo, 0, 2) * 5);
  sqlite3_bind_int64 (stmt, 12, demo_chance (demo, 50) ? deposit / 2 : 0);
  if (previous_id > 0)
    sqlite3_bind_int64 (stmt, 13, previous_id);
  if (is_signed)
    bind_text (stmt, 14, signed_on);
  if (g_str_equal (state, "terminated"))
    {
      bind_text (stmt, 15, stop);
      bind_text (stmt, 16, reason);
    }
  else
    bind_text (stmt, 16, "");
  bind_text (stmt, 17, created);
  if (!demo_step (demo, stmt, error))
    return FALSE;
  c->id = last_id (demo);

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
      bind_text (dep, 3, signed_on);
      bind_text (dep, 4, created);
      if (!demo_step (demo, dep, error))
        return FALSE;
      if (g_str_equal (state, "terminated") || g_str_equal (state, "expired"))
        {
          sqlite3_bind_int64 (dep, 1, c->id);
          sqlite3_bind_int64 (dep, 2, deposit);
          bind_text (dep, 3, stop);
          bind_text (dep, 4, created);
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
  bind_text (stmt, 1, status);
  if (since != NULL)
    bind_text (stmt, 2, since);
  sqlite3_bind_int64 (stmt, 3, g_array_index (demo->units, DemoUnit, unit).id);
  return demo_step (demo, stmt, error);
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

  if (demo_chance (demo, 10) || demo->n_let++ % 10 == 4)
    start = sub_years (demo->today + demo_range (demo, 5, 88) + 1, years);   /* ends within 90 days */
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
        s = sub_years (s, 3);
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
      plan_contract (demo, &old, tenant, unit, 1, sub_years (stop + 1, years) + (terminated ? 300 : 0), years);
      if (!terminated)
        old.end = stop;
      old.stop = stop;
      if (!insert_contract (demo, &old, terminated ? "terminated" : "expired", 0,
                            terminated ? reasons[demo_rand (demo) % G_N_ELEMENTS (reasons)] : "", error))
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

static gboolean
add_contracts (Demo    *demo,
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

static gboolean
generate_func (PlazaStore  *store G_GNUC_UNUSED,
               gpointer     user_data,
               GError     **error)
{
  Demo *demo = user_data;

  return add_categories (demo, error) &&
         add_users (demo, error) &&
         add_floors_and_units (demo, error) &&
         add_contracts (demo, error) &&
         demo_add_sales (demo, error) &&
         demo_add_bills (demo, error) &&
         demo_add_promotions (demo, error) &&
         demo_add_pipeline (demo, error);
}

static void
clear_floor (gpointer data)
{
  g_free (((DemoFloor *) data)->label);
}

gboolean
plaza_demo_size_from_string (const char    *name,
                             PlazaDemoSize *size)
{
  g_return_val_if_fail (size != NULL, FALSE);

  if (g_strcmp0 (name, "small") == 0)
    *size = PLAZA_DEMO_SMALL;
  else if (g_strcmp0 (name, "medium") == 0)
    *size = PLAZA_DEMO_MEDIUM;
  else if (g_strcmp0 (name, "large") == 0)
    *size = PLAZA_DEMO_LARGE;
  else
    return FALSE;
  return TRUE;
}

gboolean
plaza_demo_generate (PlazaStore     *store,
                     guint32         seed,
                     PlazaDemoSize   size,
                     const GDate    *today,
                     GError        **error)
{
  Demo demo = { 0 };
  gint64 n_units = 0;
  gboolean ok;

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (size <= PLAZA_DEMO_LARGE, FALSE);

  {
    g_autoptr(sqlite3_stmt) stmt = plaza_store_prepare (store, "SELECT count(*) FROM units", error);
    if (stmt == NULL)
      return FALSE;
    if (sqlite3_step (stmt) == SQLITE_ROW)
      n_units = sqlite3_column_int64 (stmt, 0);
  }
  if (n_units > 0)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                   _("The demo mall can only be made in a new, empty database."));
      return FALSE;
    }

  demo.store = store;
  demo.db = plaza_store_get_db (store);
  demo.rng = G_GUINT64_CONSTANT (0x5EED000000000000) ^ seed;
  demo.size = size;
  demo.today = g_date_get_julian (today);
  demo.sales_from = sub_years (demo.today, shapes[size].sales_years);
  demo.stamp = demo_stamp (demo.today);
  demo.floors = g_array_new (FALSE, TRUE, sizeof (DemoFloor));
  g_array_set_clear_func (demo.floors, clear_floor);
  demo.units = g_array_new (FALSE, TRUE, sizeof (DemoUnit));
  demo.tenants = g_array_new (FALSE, TRUE, sizeof (DemoTenant));
  demo.contracts = g_array_new (FALSE, TRUE, sizeof (DemoContract));
  demo.names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  demo.category_ids = g_hash_table_new (g_str_hash, g_str_equal);

  ok = plaza_store_write (store, generate_func, &demo, error) &&
       add_settings (&demo, seed, error);

  g_array_unref (demo.floors);
  g_array_unref (demo.units);
  g_array_unref (demo.tenants);
  g_array_unref (demo.contracts);
  g_hash_table_unref (demo.names);
  g_hash_table_unref (demo.category_ids);
  g_free (demo.stamp);
  return ok;
}
