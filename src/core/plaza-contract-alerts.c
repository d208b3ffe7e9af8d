/* plaza-contract-alerts.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Expiry and renewal-notice alerts (rules in plaza-contract-alerts.h).
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "plaza-date.h"
#include "plaza-contract-alerts.h"

static const guint default_windows[] = { 90, 60, 30 };

void
plaza_contract_alert_free (PlazaContractAlert *alert)
{
  if (alert == NULL)
    return;
  g_free (alert->code);
  g_free (alert->tenant);
  g_free (alert->end_date);
  g_free (alert->date);
  g_free (alert);
}

static int
compare_desc (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;

  return x < y ? 1 : x > y ? -1 : 0;
}

static GArray *
windows_from (const guint *windows,
              guint        n)
{
  GArray *out = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);
  guint kept = 0;

  g_array_append_vals (out, windows, n);
  g_array_sort (out, compare_desc);
  for (guint i = 0; i < out->len; i++)
    {
      guint w = g_array_index (out, guint, i);

      if (w == 0 || (kept > 0 && g_array_index (out, guint, kept - 1) == w))
        continue;
      g_array_index (out, guint, kept++) = w;
    }
  g_array_set_size (out, kept);
  return out;
}

gboolean
plaza_contract_alerts_parse_windows (const char  *text,
                                     GArray     **out_windows,
                                     GError     **error)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (guint));

  g_return_val_if_fail (out_windows != NULL, FALSE);

  *out_windows = NULL;
  parts = g_strsplit (text != NULL ? text : "", ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *part = g_strstrip (parts[i]);
      guint64 value = 0;
      guint w;

      if (!g_ascii_string_to_unsigned (part, 10, 1, 3660, &value, NULL))
        {
          g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                       _("alerts.expiry_days: “%s” is not a number of days between 1 and 3660."), part);
          return FALSE;
        }
      w = (guint) value;
      g_array_append_val (values, w);
    }
  if (values->len == 0)
    {
      g_set_error_literal (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                           _("alerts.expiry_days: give at least one number of days, like 90,60,30."));
      return FALSE;
    }
  *out_windows = windows_from ((const guint *) (gpointer) values->data, values->len);
  return TRUE;
}

static int
compare_alerts (gconstpointer a,
                gconstpointer b)
{
  const PlazaContractAlert *x = *(PlazaContractAlert * const *) a;
  const PlazaContractAlert *y = *(PlazaContractAlert * const *) b;
  int c = strcmp (x->date, y->date);

  if (c == 0)
    c = strcmp (x->code, y->code);
  if (c == 0)
    c = (int) x->kind - (int) y->kind;
  return c;
}

gboolean
plaza_contract_alerts (PlazaStore   *store,
                       const char   *today,
                       const guint  *windows,
                       guint         n_windows,
                       GPtrArray   **out,
                       GError      **error)
{
  g_autoptr(GArray) wins = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GDate now;
  guint32 today_day;
  guint largest;
  int rc;

  g_return_val_if_fail (PLAZA_IS_STORE (store), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  *out = NULL;
  if (!plaza_date_parse (today, &now))
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                   _("today: “%s” is not a date like 2026-11-27."), today != NULL ? today : "");
      return FALSE;
    }
  today_day = g_date_get_julian (&now);

  if (windows != NULL && n_windows > 0)
    wins = windows_from (windows, n_windows);
  else
    {
      g_autofree char *setting = plaza_store_get_setting (store, "alerts.expiry_days");

      if (setting == NULL || !plaza_contract_alerts_parse_windows (setting, &wins, NULL))
        wins = windows_from (default_windows, G_N_ELEMENTS (default_windows));
    }
  if (wins->len == 0)
    {
      g_set_error_literal (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                           _("alerts.expiry_days: give at least one number of days, like 90,60,30."));
      return FALSE;
    }
  largest = g_array_index (wins, guint, 0);

  stmt = plaza_store_prepare (store,
                              "SELECT c.id, c.code, t.name, c.end_date, c.renewal_notice_months "
                              "FROM contracts c JOIN tenants t ON t.id = c.tenant_id "
                              "WHERE c.state = 'active' AND c.end_date >= ? ORDER BY c.code", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_TRANSIENT);

  alerts = g_ptr_array_new_with_free_func ((GDestroyNotify) plaza_contract_alert_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *code = (const char *) sqlite3_column_text (stmt, 1);
      const char *tenant = (const char *) sqlite3_column_text (stmt, 2);
      const char *end_text = (const char *) sqlite3_column_text (stmt, 3);
      gint64 notice_months = sqlite3_column_int64 (stmt, 4);
      GDate end;
      guint32 end_day;

      if (!plaza_date_parse (end_text, &end))
        continue;
      end_day = g_date_get_julian (&end);
      if (end_day < today_day)
        continue;

      if (end_day - today_day <= largest)
        {
          PlazaContractAlert *alert = g_new0 (PlazaContractAlert, 1);

          alert->kind = PLAZA_CONTRACT_ALERT_EXPIRY;
          alert->contract_id = sqlite3_column_int64 (stmt, 0);
          alert->code = g_strdup (code);
          alert->tenant = g_strdup (tenant);
          alert->end_date = g_strdup (end_text);
          alert->date = g_strdup (end_text);
          alert->days_left = end_day - today_day;
          alert->window = largest;
          for (guint i = 0; i < wins->len; i++)
            if (alert->days_left <= g_array_index (wins, guint, i))
              alert->window = g_array_index (wins, guint, i);
          g_ptr_array_add (alerts, alert);
        }

      if (notice_months > 0 && notice_months < 1200)
        {
          GDate deadline = end;
          guint32 deadline_day;

          g_date_subtract_months (&deadline, (guint) notice_months);
          deadline_day = g_date_get_julian (&deadline);
          if (deadline_day >= today_day && deadline_day - today_day <= PLAZA_RENEWAL_NOTICE_LOOKAHEAD_DAYS)
            {
              PlazaContractAlert *alert = g_new0 (PlazaContractAlert, 1);

              alert->kind = PLAZA_CONTRACT_ALERT_RENEWAL_NOTICE;
              alert->contract_id = sqlite3_column_int64 (stmt, 0);
              alert->code = g_strdup (code);
              alert->tenant = g_strdup (tenant);
              alert->end_date = g_strdup (end_text);
              alert->date = plaza_date_format (&deadline);
              alert->days_left = deadline_day - today_day;
              alert->window = 0;
              g_ptr_array_add (alerts, alert);
            }
        }
    }
  if (rc != SQLITE_DONE)
    return plaza_store_set_sqlite_error (store, error);

  g_ptr_array_sort (alerts, compare_alerts);
  *out = g_steal_pointer (&alerts);
  return TRUE;
}
