/* plaza-contract-form.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The contract editor's form without GTK: every field checked with the
 * reason in words, then the terms JSON for the rent engine (DOMAIN.md
 * "Rent rules") built from what is valid. Unit-tested by
 * tests/test-contract-form.c.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "plaza-date.h"
#include "plaza-contract-form.h"
#include "plaza-money.h"

/* Where the rent engine's field names go. */
static const struct
{
  const char *prefix;
  const char *field;
} engine_fields[] = {
  { "start", "start" },
  { "end", "end" },
  { "area", "units" },
  { "model", "rent_amount" },
  { "rent", "rent_amount" },
  { "percentage_tiers", "tiers" },
  { "percentage", "percentage" },
  { "escalation.every_months", "escalation_months" },
  { "escalation", "escalation_percent" },
  { "free", "free" },
  { "fees", "fees" },
};

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

static char *
stripped (const char *text)
{
  return g_strstrip (g_strdup (text != NULL ? text : ""));
}

PlazaContractForm *
plaza_contract_form_new (void)
{
  PlazaContractForm *form = g_new0 (PlazaContractForm, 1);

  form->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  form->fees = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  form->free = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  form->tiers = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  return form;
}

void
plaza_contract_form_free (PlazaContractForm *form)
{
  if (form == NULL)
    return;
  g_hash_table_unref (form->fields);
  g_ptr_array_unref (form->fees);
  g_ptr_array_unref (form->free);
  g_ptr_array_unref (form->tiers);
  g_free (form);
}

void
plaza_contract_form_set (PlazaContractForm *form,
                         const char        *name,
                         const char        *text)
{
  g_return_if_fail (form != NULL && name != NULL);
  g_hash_table_insert (form->fields, g_strdup (name), stripped (text));
}

const char *
plaza_contract_form_get (PlazaContractForm *form,
                         const char        *name)
{
  const char *text;

  g_return_val_if_fail (form != NULL && name != NULL, "");
  text = g_hash_table_lookup (form->fields, name);
  return text != NULL ? text : "";
}

static char **
row_new (const char *a,
         const char *b,
         const char *c)
{
  char **row = g_new0 (char *, 4);

  row[0] = stripped (a);
  row[1] = stripped (b);
  row[2] = c != NULL ? stripped (c) : NULL;
  return row;
}

void
plaza_contract_form_add_fee (PlazaContractForm *form,
                             const char        *name,
                             const char        *amount,
                             const char        *unit)
{
  g_return_if_fail (form != NULL);
  g_ptr_array_add (form->fees, row_new (name, amount, unit != NULL ? unit : "m2_month"));
}

void
plaza_contract_form_add_free (PlazaContractForm *form,
                              const char        *from,
                              const char        *to)
{
  g_return_if_fail (form != NULL);
  g_ptr_array_add (form->free, row_new (from, to, NULL));
}

void
plaza_contract_form_add_tier (PlazaContractForm *form,
                              const char        *above,
                              const char        *percent)
{
  g_return_if_fail (form != NULL);
  g_ptr_array_add (form->tiers, row_new (above, percent, NULL));
}

gboolean
plaza_contract_form_parse_date (const char *text,
                                GDate      *out)
{
  GDate date;

  if (!plaza_date_parse (text, &date))
    return FALSE;
  if (out != NULL)
    *out = date;
  return TRUE;
}

static gboolean
parse_count (const char *text,
             gint64     *out)
{
  guint64 value;

  if (is_blank (text))
    {
      *out = 0;
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (text, 10, 0, 100000, &value, NULL))
    return FALSE;
  *out = (gint64) value;
  return TRUE;
}

/* The first reason for a field wins. */
static void
fail (GHashTable *errors,
      const char *name,
      char       *message)
{
  if (errors != NULL && !g_hash_table_contains (errors, name))
    g_hash_table_insert (errors, g_strdup (name), message);
  else
    g_free (message);
}

static gboolean
money_ok (const char *text)
{
  gint64 fen;

  return plaza_money_parse (text, &fen) && fen >= 0;
}

static gboolean
percent_ok (const char *text)
{
  gint64 bp;

  return plaza_percent_parse (text, &bp) && bp >= 0 && bp <= 10000;
}

/* Checks one money field; empty is allowed unless @required. */
static gboolean
check_money (PlazaContractForm *form,
             GHashTable        *errors,
             const char        *name,
             gboolean           required)
{
  const char *text = plaza_contract_form_get (form, name);

  if (is_blank (text))
    {
      if (!required)
        return TRUE;
      fail (errors, name, g_strdup (_("Enter an amount in yuan, like 8.50.")));
      return FALSE;
    }
  if (money_ok (text))
    return TRUE;
  fail (errors, name, g_strdup (_("Not an amount in yuan: use digits and at most two decimals, like 8.50.")));
  return FALSE;
}

static gboolean
check_percent (PlazaContractForm *form,
               GHashTable        *errors,
               const char        *name,
               gboolean           required)
{
  const char *text = plaza_contract_form_get (form, name);

  if (is_blank (text))
    {
      if (!required)
        return TRUE;
      fail (errors, name, g_strdup (_("Enter a percentage, like 18.00.")));
      return FALSE;
    }
  if (percent_ok (text))
    return TRUE;
  fail (errors, name, g_strdup (_("Not a percentage between 0 and 100, like 18.00.")));
  return FALSE;
}

static gboolean
row_blank (char **row)
{
  for (guint i = 0; row[i] != NULL; i++)
    if (!is_blank (row[i]) && i < 2)
      return FALSE;
  return TRUE;
}

static gboolean
check_rows (PlazaContractForm *form,
            GHashTable        *errors)
{
  gboolean ok = TRUE;
  guint n = 0;

  for (guint i = 0; i < form->tiers->len; i++)
    {
      char **row = form->tiers->pdata[i];

      if (row_blank (row))
        continue;
      n++;
      if (!money_ok (row[0]) || !percent_ok (row[1]))
        {
          /* Translators: a line of the tiers, e.g. "Tier 2: …". */
          fail (errors, "tiers", g_strdup_printf (_("Tier %u: enter the sales threshold in yuan (the first is 0) and a percentage, like 300000.00 and 9.50."), n));
          ok = FALSE;
        }
    }
  n = 0;
  for (guint i = 0; i < form->free->len; i++)
    {
      char **row = form->free->pdata[i];
      GDate from, to;

      if (row_blank (row))
        continue;
      n++;
      g_date_clear (&from, 1);
      g_date_clear (&to, 1);
      if (!plaza_contract_form_parse_date (row[0], &from) || !plaza_contract_form_parse_date (row[1], &to))
        {
          fail (errors, "free", g_strdup_printf (_("Rent-free period %u: enter both days as YYYY-MM-DD."), n));
          ok = FALSE;
        }
      else if (g_date_compare (&to, &from) < 0)
        {
          fail (errors, "free", g_strdup_printf (_("Rent-free period %u ends before it starts."), n));
          ok = FALSE;
        }
    }
  n = 0;
  for (guint i = 0; i < form->fees->len; i++)
    {
      char **row = form->fees->pdata[i];

      if (row_blank (row))
        continue;
      n++;
      if (!money_ok (row[1]))
        {
          fail (errors, "fees", g_strdup_printf (_("Fee %u: enter an amount in yuan with at most two decimals, like 30.00."), n));
          ok = FALSE;
        }
    }
  return ok;
}

static void
add_member (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_pairs (JsonBuilder *builder,
           const char  *member,
           GPtrArray   *rows,
           const char  *first,
           const char  *second)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < rows->len; i++)
    {
      char **row = rows->pdata[i];

      if (row_blank (row))
        continue;
      json_builder_begin_object (builder);
      add_member (builder, first, row[0]);
      add_member (builder, second, row[1]);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static guint
n_filled (GPtrArray *rows)
{
  guint n = 0;

  for (guint i = 0; i < rows->len; i++)
    if (!row_blank (rows->pdata[i]))
      n++;
  return n;
}

static char *
to_json (PlazaContractForm *form)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *area = g_strdup_printf ("%lld.%02lld", (long long) (form->area / 100), (long long) (form->area % 100));
  const char *model = plaza_contract_form_get (form, "model");
  const char *rent_unit = plaza_contract_form_get (form, "rent_unit");
  gint64 months = plaza_contract_form_count (form, "escalation_months", 0);

  json_builder_begin_object (builder);
  add_member (builder, "start", plaza_contract_form_get (form, "start"));
  add_member (builder, "end", plaza_contract_form_get (form, "end"));
  add_member (builder, "area", area);
  add_member (builder, "model", model);
  if (!g_str_equal (model, "percentage") || !is_blank (plaza_contract_form_get (form, "rent_amount")))
    {
      json_builder_set_member_name (builder, "rent");
      json_builder_begin_object (builder);
      add_member (builder, "amount", plaza_contract_form_get (form, "rent_amount"));
      add_member (builder, "unit", *rent_unit != '\0' ? rent_unit : "m2_day");
      json_builder_end_object (builder);
    }
  if (n_filled (form->tiers) > 0)
    add_pairs (builder, "percentage_tiers", form->tiers, "above", "percent");
  else if (!is_blank (plaza_contract_form_get (form, "percentage")))
    add_member (builder, "percentage", plaza_contract_form_get (form, "percentage"));
  if (months > 0 || !is_blank (plaza_contract_form_get (form, "escalation_percent")))
    {
      const char *percent = plaza_contract_form_get (form, "escalation_percent");

      json_builder_set_member_name (builder, "escalation");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "every_months");
      json_builder_add_int_value (builder, months);
      add_member (builder, "percent", is_blank (percent) ? "0" : percent);
      json_builder_end_object (builder);
    }
  if (n_filled (form->free) > 0)
    add_pairs (builder, "free", form->free, "from", "to");
  if (n_filled (form->fees) > 0)
    {
      json_builder_set_member_name (builder, "fees");
      json_builder_begin_array (builder);
      for (guint i = 0; i < form->fees->len; i++)
        {
          char **row = form->fees->pdata[i];

          if (row_blank (row))
            continue;
          json_builder_begin_object (builder);
          add_member (builder, "name", is_blank (row[0]) ? _("Property fee") : row[0]);
          add_member (builder, "amount", row[1]);
          add_member (builder, "unit", row[2] != NULL && *row[2] != '\0' ? row[2] : "m2_month");
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

char *
plaza_contract_form_build (PlazaContractForm *form,
                           GHashTable        *errors)
{
  const char *model;
  gboolean needs_rent, needs_pct;
  GDate start, end;
  gboolean ok = TRUE, dates_ok = TRUE;
  gint64 count;

  g_return_val_if_fail (form != NULL, NULL);

  model = plaza_contract_form_get (form, "model");
  if (*model == '\0')
    model = "fixed";
  plaza_contract_form_set (form, "model", model);
  model = plaza_contract_form_get (form, "model");
  needs_rent = !g_str_equal (model, "percentage");
  needs_pct = !g_str_equal (model, "fixed");

  g_date_clear (&start, 1);
  g_date_clear (&end, 1);
  if (!plaza_contract_form_parse_date (plaza_contract_form_get (form, "start"), &start))
    {
      fail (errors, "start", g_strdup (_("Enter the first day of the lease as YYYY-MM-DD, like 2026-03-15.")));
      ok = dates_ok = FALSE;
    }
  if (!plaza_contract_form_parse_date (plaza_contract_form_get (form, "end"), &end))
    {
      fail (errors, "end", g_strdup (_("Enter the last day of the lease as YYYY-MM-DD, like 2029-03-14.")));
      ok = dates_ok = FALSE;
    }
  if (dates_ok && g_date_compare (&end, &start) < 0)
    {
      fail (errors, "end", g_strdup (_("The lease ends before it starts.")));
      ok = FALSE;
    }
  if (form->n_units == 0)
    {
      fail (errors, "units", g_strdup (_("Choose at least one unit.")));
      ok = FALSE;
    }
  if (!form->has_tenant)
    {
      fail (errors, "tenant", g_strdup (_("Choose the tenant.")));
      ok = FALSE;
    }
  ok &= check_money (form, errors, "rent_amount", needs_rent);
  if (n_filled (form->tiers) == 0)
    ok &= check_percent (form, errors, "percentage", needs_pct);
  if (!parse_count (plaza_contract_form_get (form, "escalation_months"), &count) || count > 600)
    {
      fail (errors, "escalation_months", g_strdup (_("Enter a whole number of months, like 12, or leave it empty.")));
      ok = FALSE;
    }
  ok &= check_percent (form, errors, "escalation_percent", FALSE);
  ok &= check_rows (form, errors);
  ok &= check_money (form, errors, "deposit", FALSE);
  ok &= check_money (form, errors, "late_fee_cap", FALSE);
  if (!parse_count (plaza_contract_form_get (form, "late_fee_rate"), &count) || count > 10000)
    {
      fail (errors, "late_fee_rate", g_strdup (_("Enter a whole number of basis points per day (5 means five ten-thousandths a day).")));
      ok = FALSE;
    }
  if (!parse_count (plaza_contract_form_get (form, "late_fee_grace"), &count) || count > 366)
    {
      fail (errors, "late_fee_grace", g_strdup (_("Enter a whole number of days, like 10.")));
      ok = FALSE;
    }
  if (!ok || form->area <= 0)
    return NULL;
  return to_json (form);
}

gint64
plaza_contract_form_money (PlazaContractForm *form,
                           const char        *name)
{
  gint64 fen;

  g_return_val_if_fail (form != NULL, 0);
  return plaza_money_parse (plaza_contract_form_get (form, name), &fen) ? fen : 0;
}

gint64
plaza_contract_form_count (PlazaContractForm *form,
                           const char        *name,
                           gint64             fallback)
{
  const char *text;
  gint64 value;

  g_return_val_if_fail (form != NULL, fallback);
  text = plaza_contract_form_get (form, name);
  if (is_blank (text) || !parse_count (text, &value))
    return fallback;
  return value;
}

GPtrArray *
plaza_contract_form_split_pairs (const char *text,
                                 const char *separator)
{
  GPtrArray *pairs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (separator != NULL && *separator != '\0', pairs);

  if (is_blank (text))
    return pairs;
  {
    /* Full-width separators as typed with a Chinese input method. */
    g_autoptr(GString) normal = g_string_new (text);

    g_string_replace (normal, "，", ",", 0);
    g_string_replace (normal, "；", ";", 0);
    g_string_replace (normal, "：", ":", 0);
    parts = g_strsplit_set (normal->str, ",;", -1);
  }
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_auto(GStrv) pair = NULL;

      g_strstrip (parts[i]);
      if (*parts[i] == '\0')
        continue;
      pair = g_strsplit (parts[i], separator, 2);
      g_ptr_array_add (pairs, row_new (pair[0], pair[1] != NULL ? pair[1] : "", NULL));
    }
  return pairs;
}

const char *
plaza_contract_form_field_for_engine_error (const char *message)
{
  g_return_val_if_fail (message != NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (engine_fields); i++)
    if (g_str_has_prefix (message, engine_fields[i].prefix))
      return engine_fields[i].field;
  return NULL;
}

