/* plaza-rent-terms.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading rent terms from JSON and daily sales from CSV for the rent
 * engine (DOMAIN.md "Rent rules").
 *
 * Decisions beyond DOMAIN.md:
 * - Amounts, areas and percentages are JSON strings ("8.50"); whole JSON
 *   numbers (8) are accepted too, fractional JSON numbers are refused (a
 *   double cannot hold 8.50 exactly).
 * - A field the format does not know is an error: a misspelt "escalaton"
 *   must not silently drop the escalation.
 * - Amounts, areas and percentages must not be negative; percentages are at
 *   most 100; area must be positive; a lease lasts at most 100 years.
 * - Fields the model does not use (rent for "percentage", percentage for
 *   "fixed") are allowed; the schedule still shows them in base_rent /
 *   percentage_rent, while the rent column follows the model.
 * - "percentage" and "percentage_tiers" together is an error. Tiers must
 *   start at "0" and rise strictly.
 * - Sales CSV: columns date/日期 and amount/销售额 in any order (other
 *   columns are ignored), dates YYYY-MM-DD or YYYY/M/D, blank rows skipped,
 *   a date given twice is summed. Every row has as many fields as the
 *   header ("12,00" must not pass for 12).
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "plaza-date.h"
#include "plaza-csv.h"
#include "plaza-money.h"
#include "plaza-rent.h"

#define MAX_LEASE_YEARS 100
#define MAX_DAY_SALES G_GINT64_CONSTANT (100000000000000000) /* fen: 10^15 yuan */

struct _PlazaRentSales
{
  GHashTable *by_day; /* julian day → gint64 * fen */
};

G_DEFINE_QUARK (plaza-rent-error-quark, plaza_rent_error)

static const char * const top_fields[] = {
  "start", "end", "area", "model", "rent", "percentage", "percentage_tiers",
  "escalation", "free", "fees", NULL
};
static const char * const rent_fields[] = { "amount", "unit", NULL };
static const char * const tier_fields[] = { "above", "percent", NULL };
static const char * const escalation_fields[] = { "every_months", "percent", NULL };
static const char * const range_fields[] = { "from", "to", NULL };
static const char * const fee_fields[] = { "name", "amount", "unit", NULL };

static void
clear_fee (gpointer data)
{
  PlazaRentFee *fee = data;

  g_clear_pointer (&fee->name, g_free);
}

static gboolean
invalid (GError    **error,
         const char *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError    **error,
         const char *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, PLAZA_RENT_ERROR, PLAZA_RENT_ERROR_INVALID, message);
  return FALSE;
}

/* Strict YYYY-MM-DD. */
/* YYYY-MM-DD or YYYY/M/D (what spreadsheets save). */
static gboolean
parse_loose_date (const char *text,
                  GDate      *out)
{
  g_auto(GStrv) parts = NULL;
  guint64 v[3];

  if (plaza_date_parse (text, out))
    return TRUE;
  if (text == NULL || strchr (text, '/') == NULL)
    return FALSE;
  parts = g_strsplit (text, "/", -1);
  if (g_strv_length (parts) != 3 || strlen (parts[0]) != 4)
    return FALSE;
  for (guint i = 0; i < 3; i++)
    {
      if (parts[i][0] == '\0' || strlen (parts[i]) > 4
          || !g_ascii_string_to_unsigned (parts[i], 10, 0, 9999, &v[i], NULL))
        return FALSE;
    }
  if (v[0] < 1 || !g_date_valid_dmy ((GDateDay) v[2], (GDateMonth) v[1], (GDateYear) v[0]))
    return FALSE;
  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) v[2], (GDateMonth) v[1], (GDateYear) v[0]);
  return TRUE;
}

static gboolean
check_fields (JsonObject         *object,
              const char         *path,
              const char * const *known,
              GError            **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      if (!g_strv_contains (known, l->data))
        {
          g_autofree char *field = path != NULL ? g_strdup_printf ("%s.%s", path, (const char *) l->data)
                                                : g_strdup (l->data);
          return invalid (error, _("%s: unknown field"), field);
        }
    }
  return TRUE;
}

/* The text of a scalar member: a string, or a whole JSON number. NULL
 * when absent (and no error); FALSE on a wrong type. */
static gboolean
get_text (JsonObject  *object,
          const char  *name,
          const char  *field,
          char       **out,
          GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      *out = g_strdup (json_node_get_string (node));
      return TRUE;
    }
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    {
      *out = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      return TRUE;
    }
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_DOUBLE)
    return invalid (error, _("%s: write the number as text, e.g. \"8.50\""), field);
  return invalid (error, _("%s: must be text"), field);
}

static gboolean
require_text (JsonObject  *object,
              const char  *name,
              const char  *field,
              char       **out,
              GError     **error)
{
  if (!get_text (object, name, field, out, error))
    return FALSE;
  if (*out == NULL)
    return invalid (error, _("%s: missing"), field);
  return TRUE;
}

static gboolean
read_date (JsonObject *object,
           const char *name,
           const char *field,
           GDate      *out,
           GError    **error)
{
  g_autofree char *text = NULL;

  if (!require_text (object, name, field, &text, error))
    return FALSE;
  if (!plaza_date_parse (text, out))
    return invalid (error, _("%s: not a date (YYYY-MM-DD) “%s”"), field, text);
  return TRUE;
}

static gboolean
read_money (JsonObject *object,
            const char *name,
            const char *field,
            gint64     *out,
            GError    **error)
{
  g_autofree char *text = NULL;

  if (!require_text (object, name, field, &text, error))
    return FALSE;
  if (!plaza_money_parse (text, out))
    return invalid (error, _("%s: not an amount “%s”"), field, text);
  if (*out < 0)
    return invalid (error, _("%s: must not be negative"), field);
  return TRUE;
}

static gboolean
read_percent (JsonObject *object,
              const char *name,
              const char *field,
              gint64     *out,
              GError    **error)
{
  g_autofree char *text = NULL;

  if (!require_text (object, name, field, &text, error))
    return FALSE;
  if (!plaza_percent_parse (text, out))
    return invalid (error, _("%s: not a percentage “%s”"), field, text);
  if (*out < 0 || *out > 10000)
    return invalid (error, _("%s: must be between 0 and 100"), field);
  return TRUE;
}

static gboolean
read_unit (JsonObject    *object,
           const char    *name,
           const char    *field,
           PlazaRentUnit *out,
           GError       **error)
{
  g_autofree char *text = NULL;

  if (!require_text (object, name, field, &text, error))
    return FALSE;
  if (g_str_equal (text, "m2_day"))
    *out = PLAZA_RENT_UNIT_M2_DAY;
  else if (g_str_equal (text, "m2_month"))
    *out = PLAZA_RENT_UNIT_M2_MONTH;
  else if (g_str_equal (text, "month"))
    *out = PLAZA_RENT_UNIT_MONTH;
  else
    return invalid (error, _("%s: unknown unit “%s” (use m2_day, m2_month or month)"), field, text);
  return TRUE;
}

static JsonObject *
get_object (JsonObject         *object,
            const char         *name,
            const char         *field,
            const char * const *known,
            GError            **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      invalid (error, _("%s: must be an object"), field);
      return NULL;
    }
  if (!check_fields (json_node_get_object (node), field, known, error))
    return NULL;
  return json_node_get_object (node);
}

/* Items of a list of objects, each checked against @known. Returns NULL
 * with *error unset when the member is absent. */
static JsonArray *
get_list (JsonObject         *object,
          const char         *name,
          const char * const *known,
          GError            **error)
{
  JsonNode *node = json_object_get_member (object, name);
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      invalid (error, _("%s: must be a list"), name);
      return NULL;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      g_autofree char *field = g_strdup_printf ("%s[%u]", name, i);

      if (!JSON_NODE_HOLDS_OBJECT (item))
        {
          invalid (error, _("%s: must be an object"), field);
          return NULL;
        }
      if (!check_fields (json_node_get_object (item), field, known, error))
        return NULL;
    }
  return array;
}

static gboolean
read_model (JsonObject     *root,
            PlazaRentModel *out,
            GError        **error)
{
  g_autofree char *text = NULL;

  if (!require_text (root, "model", "model", &text, error))
    return FALSE;
  if (g_str_equal (text, "fixed"))
    *out = PLAZA_RENT_MODEL_FIXED;
  else if (g_str_equal (text, "percentage"))
    *out = PLAZA_RENT_MODEL_PERCENTAGE;
  else if (g_str_equal (text, "higher_of"))
    *out = PLAZA_RENT_MODEL_HIGHER_OF;
  else
    return invalid (error, _("%s: unknown model “%s” (use fixed, percentage or higher_of)"), "model", text);
  return TRUE;
}

static gboolean
read_percentage (JsonObject     *root,
                 PlazaRentTerms *terms,
                 GError        **error)
{
  GError *local_error = NULL;
  JsonArray *tiers = get_list (root, "percentage_tiers", tier_fields, &local_error);
  g_autofree char *single = NULL;

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (!get_text (root, "percentage", "percentage", &single, error))
    return FALSE;
  if (single != NULL && tiers != NULL)
    return invalid (error, _("%s: replaces percentage; give only one of them"), "percentage_tiers");

  if (single != NULL)
    {
      terms->has_percentage = TRUE;
      return read_percent (root, "percentage", "percentage", &terms->percentage_bp, error);
    }
  if (tiers == NULL)
    return TRUE;
  if (json_array_get_length (tiers) == 0)
    return invalid (error, _("%s: needs at least one tier"), "percentage_tiers");

  terms->has_percentage = TRUE;
  for (guint i = 0; i < json_array_get_length (tiers); i++)
    {
      JsonObject *item = json_array_get_object_element (tiers, i);
      g_autofree char *above = g_strdup_printf ("percentage_tiers[%u].above", i);
      g_autofree char *percent = g_strdup_printf ("percentage_tiers[%u].percent", i);
      PlazaRentTier tier;

      if (!read_money (item, "above", above, &tier.above, error)
          || !read_percent (item, "percent", percent, &tier.percent_bp, error))
        return FALSE;
      if (i == 0 && tier.above != 0)
        return invalid (error, _("%s: the first threshold must be 0"), above);
      if (i > 0 && tier.above <= g_array_index (terms->tiers, PlazaRentTier, i - 1).above)
        return invalid (error, _("%s: overlapping thresholds (each must be above the one before)"),
                        "percentage_tiers");
      g_array_append_val (terms->tiers, tier);
    }
  return TRUE;
}

static gboolean
read_escalation (JsonObject     *root,
                 PlazaRentTerms *terms,
                 GError        **error)
{
  GError *local_error = NULL;
  JsonObject *esc = get_object (root, "escalation", "escalation", escalation_fields, &local_error);
  g_autofree char *months = NULL;
  guint64 value;

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (esc == NULL)
    return TRUE;
  if (!require_text (esc, "every_months", "escalation.every_months", &months, error))
    return FALSE;
  if (!g_ascii_string_to_unsigned (months, 10, 1, 12 * MAX_LEASE_YEARS, &value, NULL))
    return invalid (error, _("%s: must be a whole number of months from 1 to %u"),
                    "escalation.every_months", 12 * MAX_LEASE_YEARS);
  terms->escalation_months = (guint) value;
  return read_percent (esc, "percent", "escalation.percent", &terms->escalation_bp, error);
}

static gboolean
read_free (JsonObject     *root,
           PlazaRentTerms *terms,
           GError        **error)
{
  GError *local_error = NULL;
  JsonArray *list = get_list (root, "free", range_fields, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonObject *item = json_array_get_object_element (list, i);
      g_autofree char *from = g_strdup_printf ("free[%u].from", i);
      g_autofree char *to = g_strdup_printf ("free[%u].to", i);
      PlazaRentRange range;

      if (!read_date (item, "from", from, &range.from, error)
          || !read_date (item, "to", to, &range.to, error))
        return FALSE;
      if (g_date_compare (&range.to, &range.from) < 0)
        return invalid (error, _("%s: is before from"), to);
      g_array_append_val (terms->free, range);
    }
  return TRUE;
}

static gboolean
read_fees (JsonObject     *root,
           PlazaRentTerms *terms,
           GError        **error)
{
  GError *local_error = NULL;
  JsonArray *list = get_list (root, "fees", fee_fields, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonObject *item = json_array_get_object_element (list, i);
      g_autofree char *name = g_strdup_printf ("fees[%u].name", i);
      g_autofree char *amount = g_strdup_printf ("fees[%u].amount", i);
      g_autofree char *unit = g_strdup_printf ("fees[%u].unit", i);
      PlazaRentFee fee = { NULL, 0, PLAZA_RENT_UNIT_MONTH };

      if (!require_text (item, "name", name, &fee.name, error))
        return FALSE;
      g_strstrip (fee.name);
      if (fee.name[0] == '\0')
        {
          g_free (fee.name);
          return invalid (error, _("%s: must not be empty"), name);
        }
      g_array_append_val (terms->fees, fee);
      if (!read_money (item, "amount", amount, &g_array_index (terms->fees, PlazaRentFee, i).amount, error)
          || !read_unit (item, "unit", unit, &g_array_index (terms->fees, PlazaRentFee, i).unit, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_terms (JsonObject     *root,
            PlazaRentTerms *terms,
            GError        **error)
{
  GError *local_error = NULL;
  JsonObject *rent;
  g_autofree char *area = NULL;
  GDate limit;

  if (!check_fields (root, NULL, top_fields, error)
      || !read_date (root, "start", "start", &terms->start, error)
      || !read_date (root, "end", "end", &terms->end, error))
    return FALSE;
  if (g_date_compare (&terms->end, &terms->start) < 0)
    return invalid (error, _("%s: is before start"), "end");
  limit = terms->start;
  g_date_add_years (&limit, MAX_LEASE_YEARS);
  if (g_date_compare (&terms->end, &limit) >= 0)
    return invalid (error, _("%s: the lease lasts more than %u years"), "end", MAX_LEASE_YEARS);

  if (!require_text (root, "area", "area", &area, error))
    return FALSE;
  if (!plaza_area_parse (area, &terms->area))
    return invalid (error, _("%s: not an area “%s”"), "area", area);
  if (terms->area <= 0)
    return invalid (error, _("%s: must be positive"), "area");

  if (!read_model (root, &terms->model, error))
    return FALSE;

  rent = get_object (root, "rent", "rent", rent_fields, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (rent != NULL)
    {
      terms->has_rent = TRUE;
      if (!read_money (rent, "amount", "rent.amount", &terms->rent_amount, error)
          || !read_unit (rent, "unit", "rent.unit", &terms->rent_unit, error))
        return FALSE;
    }
  if (!read_percentage (root, terms, error))
    return FALSE;

  if (!terms->has_rent && terms->model != PLAZA_RENT_MODEL_PERCENTAGE)
    return invalid (error, _("%s: missing for model %s"), "rent", plaza_rent_model_to_string (terms->model));
  if (!terms->has_percentage && terms->model != PLAZA_RENT_MODEL_FIXED)
    return invalid (error, _("%s: missing for model %s (give percentage or percentage_tiers)"),
                    "percentage", plaza_rent_model_to_string (terms->model));

  return read_escalation (root, terms, error)
         && read_free (root, terms, error)
         && read_fees (root, terms, error);
}

const char *
plaza_rent_model_to_string (PlazaRentModel model)
{
  switch (model)
    {
    case PLAZA_RENT_MODEL_FIXED:
      return "fixed";
    case PLAZA_RENT_MODEL_PERCENTAGE:
      return "percentage";
    case PLAZA_RENT_MODEL_HIGHER_OF:
      return "higher_of";
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
plaza_rent_unit_to_string (PlazaRentUnit unit)
{
  switch (unit)
    {
    case PLAZA_RENT_UNIT_M2_DAY:
      return "m2_day";
    case PLAZA_RENT_UNIT_M2_MONTH:
      return "m2_month";
    case PLAZA_RENT_UNIT_MONTH:
      return "month";
    default:
      g_return_val_if_reached (NULL);
    }
}

PlazaRentTerms *
plaza_rent_terms_new_from_json (const char *json,
                                gssize      length,
                                GError    **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(PlazaRentTerms) terms = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  g_return_val_if_fail (json != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!json_parser_load_from_data (parser, json, length, &local_error))
    {
      invalid (error, _("terms: not valid JSON: %s"), local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      invalid (error, _("terms: must be a JSON object"));
      return NULL;
    }

  terms = g_new0 (PlazaRentTerms, 1);
  terms->tiers = g_array_new (FALSE, TRUE, sizeof (PlazaRentTier));
  terms->free = g_array_new (FALSE, TRUE, sizeof (PlazaRentRange));
  terms->fees = g_array_new (FALSE, TRUE, sizeof (PlazaRentFee));
  g_array_set_clear_func (terms->fees, clear_fee);

  if (!read_terms (json_node_get_object (root), terms, error))
    return NULL;
  return g_steal_pointer (&terms);
}

PlazaRentTerms *
plaza_rent_terms_new_from_file (const char *path,
                                GError    **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;
  return plaza_rent_terms_new_from_json (data, (gssize) length, error);
}

void
plaza_rent_terms_free (PlazaRentTerms *terms)
{
  if (terms == NULL)
    return;
  g_clear_pointer (&terms->tiers, g_array_unref);
  g_clear_pointer (&terms->free, g_array_unref);
  g_clear_pointer (&terms->fees, g_array_unref);
  g_free (terms);
}

PlazaRentSales *
plaza_rent_sales_new (void)
{
  PlazaRentSales *sales = g_new0 (PlazaRentSales, 1);

  sales->by_day = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  return sales;
}

void
plaza_rent_sales_free (PlazaRentSales *sales)
{
  if (sales == NULL)
    return;
  g_clear_pointer (&sales->by_day, g_hash_table_unref);
  g_free (sales);
}

void
plaza_rent_sales_add (PlazaRentSales *sales,
                      const GDate    *date,
                      gint64          amount)
{
  gpointer key;
  gint64 *value;

  g_return_if_fail (sales != NULL);
  g_return_if_fail (date != NULL && g_date_valid (date));

  key = GUINT_TO_POINTER (g_date_get_julian (date));
  value = g_hash_table_lookup (sales->by_day, key);
  if (value == NULL)
    {
      value = g_new0 (gint64, 1);
      g_hash_table_insert (sales->by_day, key, value);
    }
  *value = CLAMP (*value + CLAMP (amount, -MAX_DAY_SALES, MAX_DAY_SALES), -MAX_DAY_SALES, MAX_DAY_SALES);
}

gint64
plaza_rent_sales_sum (const PlazaRentSales *sales,
                      const GDate          *from,
                      const GDate          *to)
{
  gint64 sum = 0;

  g_return_val_if_fail (sales != NULL, 0);
  g_return_val_if_fail (from != NULL && to != NULL, 0);

  /* At most 10^17 fen a day: a month of days stays well inside gint64;
   * callers sum periods (a month at most). */
  for (guint32 day = g_date_get_julian (from); day <= g_date_get_julian (to); day++)
    {
      const gint64 *value = g_hash_table_lookup (sales->by_day, GUINT_TO_POINTER (day));

      if (value != NULL)
        sum += *value;
    }
  return sum;
}

static int
find_column (char       **header,
             const char  *english,
             const char  *chinese)
{
  for (int i = 0; header[i] != NULL; i++)
    {
      g_autofree char *name = g_strstrip (g_ascii_strdown (header[i], -1));

      if (g_str_equal (name, english) || g_str_equal (name, chinese))
        return i;
    }
  return -1;
}

PlazaRentSales *
plaza_rent_sales_new_from_csv (const char *data,
                               gsize       length,
                               GError    **error)
{
  g_autoptr(PlazaCsvReader) reader = NULL;
  g_autoptr(PlazaRentSales) sales = NULL;
  g_auto(GStrv) header = NULL;
  char **fields = NULL;
  guint line = 0, column = 0;
  int date_col, amount_col;
  GError *local_error = NULL;

  g_return_val_if_fail (data != NULL, NULL);

  reader = plaza_csv_reader_new (data, length, error);
  if (reader == NULL)
    return NULL;
  if (!plaza_csv_reader_next (reader, &fields, &line, &column, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        invalid (error, _("sales: the file is empty"));
      return NULL;
    }
  header = g_strdupv (fields);
  date_col = find_column (header, "date", "日期");
  amount_col = find_column (header, "amount", "销售额");
  if (date_col < 0)
    {
      invalid (error, _("line %u: no “%s” column"), line, "date");
      return NULL;
    }
  if (amount_col < 0)
    {
      invalid (error, _("line %u: no “%s” column"), line, "amount");
      return NULL;
    }

  sales = plaza_rent_sales_new ();
  while (plaza_csv_reader_next (reader, &fields, &line, &column, &local_error))
    {
      guint n = g_strv_length (fields);
      g_autofree char *date_text = NULL;
      g_autofree char *amount_text = NULL;
      gboolean blank = TRUE;
      GDate date;
      gint64 amount;

      for (guint i = 0; i < n; i++)
        if (fields[i][0] != '\0')
          blank = FALSE;
      if (blank)
        continue;
      if (n != g_strv_length (header))
        {
          invalid (error, _("line %u: %u fields where the header has %u"), line, n, g_strv_length (header));
          return NULL;
        }
      date_text = g_strstrip (g_strdup (fields[date_col]));
      amount_text = g_strstrip (g_strdup (fields[amount_col]));
      if (!parse_loose_date (date_text, &date))
        {
          invalid (error, _("line %u: date: not a date “%s”"), line, date_text);
          return NULL;
        }
      if (!plaza_money_parse (amount_text, &amount))
        {
          invalid (error, _("line %u: amount: not an amount “%s”"), line, amount_text);
          return NULL;
        }
      if (amount > MAX_DAY_SALES || amount < -MAX_DAY_SALES)
        {
          invalid (error, _("line %u: amount: too large “%s”"), line, amount_text);
          return NULL;
        }
      plaza_rent_sales_add (sales, &date, amount);
    }
  if (local_error != NULL)
    {
      g_propagate_prefixed_error (error, local_error, _("line %u: "), line);
      return NULL;
    }
  return g_steal_pointer (&sales);
}
