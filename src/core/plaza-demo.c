/* plaza-demo.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo mall: the project, floors, units and categories, and the entry
 * point. Tenants and contracts are in plaza-demo-contracts.c; sales,
 * bills, promotions and the leasing pipeline in plaza-demo-activity.c. Everything comes from one seeded
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
  [PLAZA_DEMO_LARGE]  = { "星河城购物中心", 10, -2, 120, 10 },
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

void
demo_bind_text (sqlite3_stmt *stmt,
                int           index,
                const char   *text)
{
  sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

gint64
demo_last_id (Demo *demo)
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
         plaza_store_set_setting (demo->store, "mall.department", "商务部", error) &&
         plaza_store_set_setting (demo->store, "mall.phone", "0571-8866 8899", error) &&
         plaza_store_set_setting (demo->store, "mall.bank", "中国工商银行杭州滨江支行", error) &&
         plaza_store_set_setting (demo->store, "mall.account", "1202 0215 0910 0088 866", error) &&
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
          demo_bind_text (stmt, 2, cats[i].parent);
          demo_bind_text (stmt, 3, cats[i].color);
          if (!demo_step (demo, stmt, error))
            return FALSE;
          parent_id = GINT_TO_POINTER ((int) demo_last_id (demo));
          g_hash_table_insert (demo->category_ids, (gpointer) cats[i].parent, parent_id);
        }
      if (g_str_equal (cats[i].parent, cats[i].name))
        continue;   /* 超市 is both 业态 and 品类 */

      sqlite3_bind_int64 (stmt, 1, GPOINTER_TO_INT (parent_id));
      demo_bind_text (stmt, 2, cats[i].name);
      demo_bind_text (stmt, 3, cats[i].color);
      if (!demo_step (demo, stmt, error))
        return FALSE;
      g_hash_table_insert (demo->category_ids, (gpointer) cats[i].name, GINT_TO_POINTER ((int) demo_last_id (demo)));
    }
  return demo_log (demo, "category", "category tree", error);
}

gint64
demo_category_id (Demo                    *demo,
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
      demo_bind_text (floor_stmt, 2, floor.label);
      sqlite3_bind_int (floor_stmt, 3, level);
      sqlite3_bind_int64 (floor_stmt, 4, 0);
      if (!demo_step (demo, floor_stmt, error))
        return FALSE;
      floor.id = demo_last_id (demo);
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
          demo_bind_text (unit_stmt, 2, code);
          sqlite3_bind_int64 (unit_stmt, 3, unit.gross);
          sqlite3_bind_int64 (unit_stmt, 4, unit.rentable);
          sqlite3_bind_int64 (unit_stmt, 5, demo_category_id (demo, unit.cat));
          if (!demo_step (demo, unit_stmt, error))
            return FALSE;
          unit.id = demo_last_id (demo);
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

static gboolean
generate_func (PlazaStore  *store,
               gpointer     user_data,
               GError     **error)
{
  Demo *demo = user_data;

  /* The connection of this write: on a share whose locks stay local each
   * leased write opens a fresh one, so it is never kept across writes. */
  demo->db = plaza_store_get_db (store);

  return add_categories (demo, error) &&
         add_users (demo, error) &&
         add_floors_and_units (demo, error) &&
         demo_add_contracts (demo, error) &&
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
  demo.rng = G_GUINT64_CONSTANT (0x5EED000000000000) ^ seed;
  demo.size = size;
  demo.today = g_date_get_julian (today);
  demo.sales_from = demo_sub_years (demo.today, shapes[size].sales_years);
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
