/* plaza-demo-names.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <stdio.h>

#include "plaza-demo-names.h"

static const PlazaDemoCategory categories[] = {
  /* name, parent, colour, brand words, industry, area, sales/m²/day, ticket, rent fen/m²/day, model, %, anchor */
  { "服装", "零售", "#3b82f6", { "女装", "服饰", "衣橱", "男装", NULL }, "服饰", 80, 320, 70, 420, 1200, "higher_of", 1800, FALSE },
  { "鞋包", "零售", "#6366f1", { "鞋履", "皮具", "箱包", NULL }, "皮具", 60, 180, 60, 520, 1100, "higher_of", 1700, FALSE },
  { "珠宝", "零售", "#eab308", { "珠宝", "金饰", "黄金", NULL }, "珠宝", 40, 120, 210, 3800, 2600, "percentage", 1200, FALSE },
  { "化妆品", "零售", "#ec4899", { "美妆", "香氛", "护肤", NULL }, "化妆品", 40, 140, 150, 460, 2200, "percentage", 1600, FALSE },
  { "数码", "零售", "#0ea5e9", { "数码", "电器", "智能", NULL }, "科技", 80, 260, 90, 1800, 900, "fixed", 0, FALSE },
  { "中餐", "餐饮", "#ef4444", { "酒家", "小馆", "食府", "私房菜", NULL }, "餐饮管理", 200, 520, 55, 160, 650, "higher_of", 1000, FALSE },
  { "快餐", "餐饮", "#f97316", { "面馆", "饺子", "米线", "快餐", NULL }, "餐饮管理", 50, 150, 80, 38, 800, "fixed", 0, FALSE },
  { "咖啡茶饮", "餐饮", "#a16207", { "咖啡", "茶饮", "烘焙", NULL }, "餐饮管理", 30, 90, 120, 32, 1300, "fixed", 0, FALSE },
  { "火锅", "餐饮", "#dc2626", { "火锅", "串串", "涮肉", NULL }, "餐饮管理", 250, 600, 60, 220, 600, "higher_of", 900, FALSE },
  { "儿童零售", "儿童", "#22c55e", { "童装", "玩具", "母婴", NULL }, "商贸", 60, 220, 38, 260, 700, "fixed", 0, FALSE },
  { "早教", "儿童", "#16a34a", { "早教", "艺术", "编程", NULL }, "教育科技", 150, 400, 14, 1800, 450, "fixed", 0, FALSE },
  { "影院", "娱乐", "#8b5cf6", { "影城", NULL }, "影业", 3000, 3800, 9, 95, 120, "fixed", 0, TRUE },
  { "电玩", "娱乐", "#a855f7", { "电玩城", "VR乐园", NULL }, "娱乐", 400, 900, 28, 120, 350, "fixed", 0, FALSE },
  { "超市", "超市", "#14b8a6", { "超市", NULL }, "超市连锁", 5500, 6500, 30, 110, 90, "fixed", 0, TRUE },
  { "美容美发", "生活配套", "#f472b6", { "美发", "美甲", "美容", NULL }, "美容", 40, 160, 25, 180, 700, "fixed", 0, FALSE },
  { "药店", "生活配套", "#10b981", { "大药房", NULL }, "医药连锁", 60, 150, 55, 75, 750, "fixed", 0, FALSE },
  { "维修", "生活配套", "#64748b", { "钥匙修鞋", "手机维修", NULL }, "服务", 15, 40, 20, 45, 900, "fixed", 0, FALSE },
};

static const char * const stems[] = {
  "悦享", "星禾", "木子", "初见", "拾光", "米朵", "青檀", "元气", "半岛", "鹿鸣",
  "云栖", "知味", "小满", "西遇", "南山", "北岸", "千禧", "晨曦", "蓝鲸", "橙果",
  "锦瑟", "墨白", "素然", "暖阳", "朵朵", "乐町", "禾田", "花间", "山野", "一品",
  "九号", "七彩", "金鼎", "玉堂", "福满", "恒源", "东方", "华彩", "新语", "慕思",
  "轻舟", "飞鸟", "听雨", "望月", "长安", "江南", "岭南", "川味", "湘里", "粤海",
  "兰亭", "竹里", "梧桐", "松间", "白鹭", "海棠", "芝兰", "青柠", "麦田", "橘子",
  "红豆", "栗子", "桃李", "杏林", "枫叶", "银杏", "紫藤", "蔚蓝", "极光", "星辰",
  "月光", "森屿", "鲸落", "雨林", "草木", "石榴", "锦绣", "天恒", "瑞丰", "安和",
  "嘉禾", "永昌", "德顺", "万象", "鸿运", "鼎盛", "聚福", "同心", "尚品", "优选",
};

static const char * const cities[] = {
  "上海", "杭州", "南京", "苏州", "广州", "深圳", "成都", "武汉", "北京", "宁波",
  "厦门", "长沙", "重庆", "西安", "青岛",
};

static const char * const surnames[] = {
  "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱",
  "胡", "郭", "何", "林", "罗", "高", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯",
};

static const char * const given[] = {
  "芳", "伟", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛",
  "明", "超", "秀英", "霞", "平", "刚", "桂英", "婷", "晨", "欣怡", "子涵", "浩然",
  "雨桐", "佳怡", "思远", "文博",
};

/* 春节: the first day of the first lunar month. */
static const char * const spring_festivals[] = {
  "2010-02-14", "2011-02-03", "2012-01-23", "2013-02-10", "2014-01-31",
  "2015-02-19", "2016-02-08", "2017-01-28", "2018-02-16", "2019-02-05",
  "2020-01-25", "2021-02-12", "2022-02-01", "2023-01-22", "2024-02-10",
  "2025-01-29", "2026-02-17", "2027-02-06", "2028-01-26", "2029-02-13",
  "2030-02-03", "2031-01-23", "2032-02-11", "2033-01-31", "2034-02-19",
  "2035-02-08", "2036-01-28", "2037-02-15", "2038-02-04", "2039-01-24",
  "2040-02-12",
};

const PlazaDemoCategory *
plaza_demo_categories (guint *n)
{
  *n = G_N_ELEMENTS (categories);
  return categories;
}

const PlazaDemoCategory *
plaza_demo_category_by_name (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    if (g_str_equal (categories[i].name, name))
      return &categories[i];
  g_return_val_if_reached (NULL);
}

const char * const *
plaza_demo_stems (guint *n)
{
  *n = G_N_ELEMENTS (stems);
  return stems;
}

const char * const *
plaza_demo_cities (guint *n)
{
  *n = G_N_ELEMENTS (cities);
  return cities;
}

const char * const *
plaza_demo_surnames (guint *n)
{
  *n = G_N_ELEMENTS (surnames);
  return surnames;
}

const char * const *
plaza_demo_given (guint *n)
{
  *n = G_N_ELEMENTS (given);
  return given;
}

gboolean
plaza_demo_spring_festival (int    year,
                            GDate *out)
{
  int index = year - 2010;
  unsigned y, m, d;

  if (index < 0 || index >= (int) G_N_ELEMENTS (spring_festivals))
    return FALSE;
  if (sscanf (spring_festivals[index], "%u-%u-%u", &y, &m, &d) != 3)
    return FALSE;
  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}
