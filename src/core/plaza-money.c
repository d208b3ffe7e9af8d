/* plaza-money.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Money (fen), areas (hundredths of m²) and percentages (basis points) as
 * text. Integer arithmetic only.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <string.h>

#include "plaza-money.h"

/* Parses an unsigned decimal with at most @max_decimals decimals and
 * optional thousands separators (groups of three) into units of
 * 10^-max_decimals. Leading/trailing spaces are allowed. */
static gboolean
parse_decimal (const char *text,
               guint       max_decimals,
               gboolean    allow_sign,
               gboolean    allow_currency,
               gboolean    allow_percent,
               gint64     *out)
{
  const char *p = text;
  gboolean negative = FALSE;
  gboolean seen_comma = FALSE;
  guint group_digits = 0;
  guint int_digits = 0;
  guint64 value = 0;
  guint decimals = 0;
  guint64 scale = 1;

  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < max_decimals; i++)
    scale *= 10;

  while (g_ascii_isspace (*p))
    p++;

  if (allow_sign && *p == '-')
    {
      negative = TRUE;
      p++;
    }
  else if (allow_sign && *p == '+')
    p++;

  if (allow_currency)
    {
      if (g_str_has_prefix (p, "¥"))
        p += strlen ("¥");
      else if (g_str_has_prefix (p, "￥"))
        p += strlen ("￥");
    }

  if (allow_sign && !negative && *p == '-')
    {
      /* "¥-12" is accepted as well as "-¥12". */
      negative = TRUE;
      p++;
    }

  /* Integer part. */
  while (g_ascii_isdigit (*p) || *p == ',')
    {
      if (*p == ',')
        {
          if (int_digits == 0 || (seen_comma && group_digits != 3) || (!seen_comma && group_digits > 3))
            return FALSE;
          seen_comma = TRUE;
          group_digits = 0;
        }
      else
        {
          if (value > (G_MAXINT64 / 10) / scale)
            return FALSE;
          value = value * 10 + (guint64) (*p - '0');
          int_digits++;
          group_digits++;
        }
      p++;
    }
  if (seen_comma && group_digits != 3)
    return FALSE;

  if (*p == '.')
    {
      p++;
      while (g_ascii_isdigit (*p))
        {
          if (decimals >= max_decimals)
            {
              /* Trailing zeros beyond the precision are harmless. */
              if (*p != '0')
                return FALSE;
            }
          else
            {
              value = value * 10 + (guint64) (*p - '0');
              decimals++;
            }
          p++;
        }
      if (decimals == 0 && int_digits == 0)
        return FALSE;
    }
  else if (int_digits == 0)
    return FALSE;

  for (; decimals < max_decimals; decimals++)
    value *= 10;

  if (allow_percent && *p == '%')
    p++;

  while (g_ascii_isspace (*p))
    p++;
  if (*p != '\0')
    return FALSE;

  if (value > (guint64) G_MAXINT64)
    return FALSE;

  *out = negative ? -(gint64) value : (gint64) value;
  return TRUE;
}

/* "1234567" → "1,234,567" */
static void
append_grouped (GString *s,
                guint64  value)
{
  char digits[32];
  int len = g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, value);

  for (int i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (s, ',');
      g_string_append_c (s, digits[i]);
    }
}

gboolean
plaza_money_parse (const char *text,
                   gint64     *out_fen)
{
  gint64 value;

  g_return_val_if_fail (out_fen != NULL, FALSE);

  if (!parse_decimal (text, 2, TRUE, TRUE, FALSE, &value))
    return FALSE;
  *out_fen = value;
  return TRUE;
}

char *
plaza_money_format (gint64   fen,
                    gboolean with_symbol)
{
  GString *s = g_string_new (NULL);
  guint64 abs_value = fen < 0 ? (guint64) (-(fen + 1)) + 1 : (guint64) fen;

  if (fen < 0)
    g_string_append_c (s, '-');
  if (with_symbol)
    g_string_append (s, "¥");
  append_grouped (s, abs_value / 100);
  g_string_append_printf (s, ".%02u", (guint) (abs_value % 100));
  return g_string_free (s, FALSE);
}

char *
plaza_money_format_plain (gint64 fen)
{
  guint64 abs_value = fen < 0 ? (guint64) (-(fen + 1)) + 1 : (guint64) fen;

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u", fen < 0 ? "-" : "",
                          abs_value / 100, (guint) (abs_value % 100));
}

gboolean
plaza_area_parse (const char *text,
                  gint64     *out_hundredths)
{
  gint64 value;

  g_return_val_if_fail (out_hundredths != NULL, FALSE);

  if (!parse_decimal (text, 2, FALSE, FALSE, FALSE, &value))
    return FALSE;
  *out_hundredths = value;
  return TRUE;
}

char *
plaza_area_format (gint64 hundredths)
{
  GString *s = g_string_new (NULL);
  guint64 abs_value = hundredths < 0 ? (guint64) (-hundredths) : (guint64) hundredths;

  if (hundredths < 0)
    g_string_append_c (s, '-');
  append_grouped (s, abs_value / 100);
  g_string_append_printf (s, ".%02u", (guint) (abs_value % 100));
  return g_string_free (s, FALSE);
}

gboolean
plaza_percent_parse (const char *text,
                     gint64     *out_bp)
{
  gint64 value;

  g_return_val_if_fail (out_bp != NULL, FALSE);

  if (!parse_decimal (text, 2, TRUE, FALSE, TRUE, &value))
    return FALSE;
  *out_bp = value;
  return TRUE;
}

char *
plaza_percent_format (gint64 bp)
{
  guint64 abs_value = bp < 0 ? (guint64) (-bp) : (guint64) bp;

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u", bp < 0 ? "-" : "",
                          abs_value / 100, (guint) (abs_value % 100));
}
