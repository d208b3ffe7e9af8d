/* plaza-contract-schedule.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The schedule of a stored contract with its approved amendments (the
 * exact rule is in plaza-contract-schedule.h).
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "plaza-date.h"
#include "plaza-contract-schedule.h"
#include "plaza-rent.h"

typedef struct
{
  guint32 day;    /* julian */
  gint64  amount; /* fen, all the contract's units */
} DaySale;

typedef struct
{
  gint64  event_id; /* 0: the contract's own terms */
  GDate   from;     /* effective date */
  char   *json;     /* the terms in force, merged */
} Link;

static void
clear_link (gpointer data)
{
  Link *link = data;

  g_free (link->json);
}

static void
format_iso_into (const GDate *date,
                 char         out[11])
{
  g_snprintf (out, 11, "%04u-%02u-%02u", (guint) g_date_get_year (date),
              (guint) g_date_get_month (date), (guint) g_date_get_day (date));
}

static void
merge_object (JsonObject *base,
              JsonObject *overlay)
{
  g_autoptr(GList) members = json_object_get_members (overlay);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *o = json_object_get_member (overlay, name);
      JsonNode *b = json_object_has_member (base, name) ? json_object_get_member (base, name) : NULL;

      if (b != NULL && JSON_NODE_HOLDS_OBJECT (b) && JSON_NODE_HOLDS_OBJECT (o))
        merge_object (json_node_get_object (b), json_node_get_object (o));
      else
        json_object_set_member (base, name, json_node_copy (o));
    }
}

static JsonNode *
parse_object (const char  *json,
              const char  *what,
              GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  if (!json_parser_load_from_data (parser, json != NULL ? json : "", -1, &local_error))
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                   _("%s: not valid JSON (%s)"), what, local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                   _("%s: not a JSON object"), what);
      return NULL;
    }
  return json_node_copy (root);
}

char *
plaza_contract_merge_terms (const char  *base,
                            const char  *overlay,
                            GError     **error)
{
  g_autoptr(JsonNode) b = NULL;
  g_autoptr(JsonNode) o = NULL;

  b = parse_object (base, _("terms"), error);
  if (b == NULL)
    return NULL;
  o = parse_object (overlay, _("amendment"), error);
  if (o == NULL)
    return NULL;
  merge_object (json_node_get_object (b), json_node_get_object (o));
  return json_to_string (b, FALSE);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           col)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);

  return text != NULL ? g_strdup (text) : NULL;
}

static GArray *
load_sales (PlazaStore  *store,
            gint64       contract_id,
            const char  *from,
            const char  *to,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) sales = g_array_new (FALSE, FALSE, sizeof (DaySale));
  int rc;

  stmt = plaza_store_prepare (store,
                              "SELECT s.date, sum (s.amount) FROM sales_daily s "
                              "JOIN contract_units cu ON cu.unit_id = s.unit_id "
                              "WHERE cu.contract_id = ? AND s.date BETWEEN ? AND ? "
                              "GROUP BY s.date ORDER BY s.date", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  sqlite3_bind_text (stmt, 2, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, to, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DaySale sale;
      GDate date;

      if (!plaza_date_parse ((const char *) sqlite3_column_text (stmt, 0), &date))
        continue;
      sale.day = g_date_get_julian (&date);
      sale.amount = sqlite3_column_int64 (stmt, 1);
      g_array_append_val (sales, sale);
    }
  if (rc != SQLITE_DONE)
    {
      plaza_store_set_sqlite_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&sales);
}

static PlazaRentSales *
sales_between (GArray      *sales,
               const GDate *from,
               const GDate *to)
{
  PlazaRentSales *out = plaza_rent_sales_new ();
  guint32 a = g_date_get_julian (from);
  guint32 b = g_date_get_julian (to);

  for (guint i = 0; i < sales->len; i++)
    {
      const DaySale *sale = &g_array_index (sales, DaySale, i);
      GDate date;

      if (sale->day < a || sale->day > b)
        continue;
      g_date_clear (&date, 1);
      g_date_set_julian (&date, sale->day);
      plaza_rent_sales_add (out, &date, sale->amount);
    }
  return out;
}

static void
add_part (GArray                *rows,
          const PlazaRentPeriod *money,   /* base, percentage, rent */
          const PlazaRentPeriod *days,    /* from, to, days, fees, sales */
          gint64                 event_id)
{
  PlazaScheduleRow *last = rows->len > 0 ? &g_array_index (rows, PlazaScheduleRow, rows->len - 1) : NULL;
  PlazaScheduleRow row;

  if (last != NULL && strcmp (last->month, days->month) == 0)
    {
      last->to = days->to;
      last->days += days->days;
      last->rent_days += days->rent_days;
      last->sales += days->sales;
      last->base_rent += money->base_rent;
      last->percentage_rent += money->percentage_rent;
      last->rent += money->rent;
      last->fees += days->fees;
      last->total += money->rent + days->fees;
      last->event_id = event_id;
      last->parts++;
      return;
    }

  memset (&row, 0, sizeof row);
  memcpy (row.month, days->month, sizeof row.month);
  row.from = days->from;
  row.to = days->to;
  row.days = days->days;
  row.rent_days = days->rent_days;
  row.sales = days->sales;
  row.base_rent = money->base_rent;
  row.percentage_rent = money->percentage_rent;
  row.rent = money->rent;
  row.fees = days->fees;
  row.total = money->rent + days->fees;
  row.event_id = event_id;
  row.parts = 1;
  g_array_append_val (rows, row);
}

static gboolean
link_error (const Link  *link,
            GError      *cause,
            GError     **error)
{
  if (link->event_id == 0)
    g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                 _("terms: %s"), cause->message);
  else
    g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                 _("amendment %lld: %s"), (long long) link->event_id, cause->message);
  g_error_free (cause);
  return FALSE;
}

/* Runs @link over @gov_from..@gov_to and appends its parts to @rows. */
static gboolean
run_link (const Link   *link,
          const GDate  *gov_from,
          const GDate  *gov_to,
          GArray       *all_sales,
          GArray       *rows,
          GError      **error)
{
  g_autoptr(PlazaRentTerms) terms = NULL;
  g_autoptr(PlazaRentSales) sales = NULL;
  g_autoptr(GArray) money = NULL;
  g_autoptr(GArray) days = NULL;
  GError *cause = NULL;
  GDate from = *gov_from;
  GDate to = *gov_to;
  guint n_free;
  guint j = 0;

  terms = plaza_rent_terms_new_from_json (link->json, -1, &cause);
  if (terms == NULL)
    return link_error (link, cause, error);

  if (g_date_compare (&terms->start, &from) > 0)
    from = terms->start;
  if (g_date_compare (&terms->end, &to) < 0)
    to = terms->end;
  if (g_date_compare (&from, &to) > 0)
    return TRUE;

  sales = sales_between (all_sales, &from, &to);
  terms->end = to;

  /* Money: from the terms' own start (escalation calendar), the days
   * before @from made rent-free; their sales are not in @sales. */
  n_free = terms->free->len;
  if (g_date_compare (&terms->start, &from) < 0)
    {
      PlazaRentRange before;

      before.from = terms->start;
      before.to = from;
      g_date_subtract_days (&before.to, 1);
      g_array_append_val (terms->free, before);
    }
  money = plaza_rent_schedule (terms, sales, &cause);
  if (money == NULL)
    return link_error (link, cause, error);

  /* Days and fees: over @from..@to only. */
  g_array_set_size (terms->free, n_free);
  terms->start = from;
  days = plaza_rent_schedule (terms, sales, &cause);
  if (days == NULL)
    return link_error (link, cause, error);

  for (guint i = 0; i < days->len; i++)
    {
      const PlazaRentPeriod *d = &g_array_index (days, PlazaRentPeriod, i);

      while (j < money->len && strcmp (g_array_index (money, PlazaRentPeriod, j).month, d->month) != 0)
        j++;
      g_assert (j < money->len);
      add_part (rows, &g_array_index (money, PlazaRentPeriod, j), d, link->event_id);
    }
  return TRUE;
}

gboolean
plaza_contract_schedule (PlazaStore  *store,
                         gint64       contract_id,
                         GArray     **out_rows,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) links = NULL;
  g_autoptr(GArray) sales = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autofree char *start_text = NULL;
  g_autofree char *last_text = NULL;
  Link first;
  GDate start, last;
  int rc;

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);
  g_return_val_if_fail (out_rows != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *out_rows = NULL;
  stmt = plaza_store_prepare (store,
                              "SELECT terms_json, start_date, "
                              "CASE WHEN state = 'terminated' AND terminated_on IS NOT NULL "
                              "     AND terminated_on < end_date THEN terminated_on ELSE end_date END "
                              "FROM contracts WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc != SQLITE_DONE)
        return plaza_store_set_sqlite_error (store, error);
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND,
                   _("There is no contract with id %lld."), (long long) contract_id);
      return FALSE;
    }

  start_text = column_dup (stmt, 1);
  last_text = column_dup (stmt, 2);
  if (!plaza_date_parse (start_text, &start) || !plaza_date_parse (last_text, &last))
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                   _("The contract's dates are not valid (%s to %s)."),
                   start_text != NULL ? start_text : "", last_text != NULL ? last_text : "");
      return FALSE;
    }
  links = g_array_new (FALSE, FALSE, sizeof (Link));
  g_array_set_clear_func (links, clear_link);
  first.event_id = 0;
  first.from = start;
  first.json = column_dup (stmt, 0);
  g_array_append_val (links, first);
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = plaza_store_prepare (store,
                              "SELECT id, effective_date, terms_json FROM contract_events "
                              "WHERE contract_id = ? AND kind = 'amendment' AND state = 'approved' "
                              "AND effective_date IS NOT NULL ORDER BY effective_date, id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Link *prev = &g_array_index (links, Link, links->len - 1);
      const char *overlay = (const char *) sqlite3_column_text (stmt, 2);
      Link link;

      link.event_id = sqlite3_column_int64 (stmt, 0);
      if (!plaza_date_parse ((const char *) sqlite3_column_text (stmt, 1), &link.from))
        {
          g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                       _("amendment %lld: the effective date is not valid."), (long long) link.event_id);
          return FALSE;
        }
      link.json = plaza_contract_merge_terms (prev->json, overlay, error);
      if (link.json == NULL)
        {
          g_prefix_error (error, _("amendment %lld: "), (long long) link.event_id);
          return FALSE;
        }
      if (g_date_compare (&link.from, &start) < 0)
        link.from = start;
      if (g_date_compare (&link.from, &prev->from) == 0)
        {
          /* The same day: the later one wins. */
          g_free (prev->json);
          *prev = link;
        }
      else
        g_array_append_val (links, link);
    }
  if (rc != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);

  sales = load_sales (store, contract_id, start_text, last_text, error);
  if (sales == NULL)
    return FALSE;

  rows = g_array_new (FALSE, TRUE, sizeof (PlazaScheduleRow));
  for (guint i = 0; i < links->len; i++)
    {
      const Link *link = &g_array_index (links, Link, i);
      GDate gov_to = last;

      if (g_date_compare (&link->from, &last) > 0)
        break;
      if (i + 1 < links->len)
        {
          GDate next = g_array_index (links, Link, i + 1).from;

          g_date_subtract_days (&next, 1);
          if (g_date_compare (&next, &gov_to) < 0)
            gov_to = next;
        }
      if (!run_link (link, &link->from, &gov_to, sales, rows, error))
        return FALSE;
    }

  *out_rows = g_steal_pointer (&rows);
  return TRUE;
}

gboolean
plaza_contract_rent_now (PlazaStore  *store,
                         gint64       contract_id,
                         const char  *today,
                         gint64      *monthly_fen,
                         GError     **error)
{
  g_autoptr(GArray) rows = NULL;
  GDate date;
  char iso[11];

  g_return_val_if_fail (monthly_fen != NULL, FALSE);

  *monthly_fen = 0;
  if (!plaza_date_parse (today, &date))
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                   _("today: “%s” is not a date like 2026-11-27."), today != NULL ? today : "");
      return FALSE;
    }
  if (!plaza_contract_schedule (store, contract_id, &rows, error))
    return FALSE;
  format_iso_into (&date, iso);
  for (guint i = 0; i < rows->len; i++)
    {
      const PlazaScheduleRow *row = &g_array_index (rows, PlazaScheduleRow, i);

      if (strncmp (row->month, iso, 7) == 0)
        {
          *monthly_fen = row->base_rent;
          break;
        }
    }
  return TRUE;
}
