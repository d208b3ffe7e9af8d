/* plaza-terms-words.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-list-query.h"
#include "plaza-money.h"
#include "plaza-terms-words.h"

static char *
amount_per_unit (gint64        fen,
                 PlazaRentUnit unit)
{
  g_autofree char *money = plaza_money_format (fen, TRUE);

  switch (unit)
    {
    case PLAZA_RENT_UNIT_M2_DAY:
      return g_strdup_printf (_("%s per m² a day"), money);
    case PLAZA_RENT_UNIT_M2_MONTH:
      return g_strdup_printf (_("%s per m² a month"), money);
    case PLAZA_RENT_UNIT_MONTH:
    default:
      return g_strdup_printf (_("%s a month"), money);
    }
}

static char *
format_date (const GDate *date)
{
  char buf[16];

  if (!g_date_valid (date))
    return g_strdup ("?");
  g_date_strftime (buf, sizeof buf, "%Y-%m-%d", date);
  return g_strdup (buf);
}

void
plaza_terms_describe (const PlazaRentTerms *terms,
                      PlazaTermsLineFunc    func,
                      gpointer              user_data)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_if_fail (terms != NULL && func != NULL);

  func (_("Rent Model"), plaza_state_label (plaza_rent_model_to_string (terms->model)), user_data);

  if (terms->has_rent)
    {
      g_autofree char *rent = amount_per_unit (terms->rent_amount, terms->rent_unit);
      func (terms->model == PLAZA_RENT_MODEL_HIGHER_OF ? _("Minimum Rent") : _("Rent"), rent, user_data);
    }

  if (terms->has_percentage)
    {
      g_string_truncate (text, 0);
      if (terms->tiers == NULL || terms->tiers->len == 0)
        {
          g_autofree char *pct = plaza_percent_format (terms->percentage_bp);
          g_string_printf (text, _("%s%% of sales"), pct);
        }
      else
        for (guint i = 0; i < terms->tiers->len; i++)
          {
            const PlazaRentTier *t = &g_array_index (terms->tiers, PlazaRentTier, i);
            g_autofree char *pct = plaza_percent_format (t->percent_bp);
            g_autofree char *above = plaza_money_format (t->above, TRUE);
            g_autofree char *line = g_strdup_printf (_("%s%% of monthly sales above %s"), pct, above);

            if (text->len > 0)
              g_string_append (text, "; ");
            g_string_append (text, line);
          }
      func (_("Percentage"), text->str, user_data);
    }

  if (terms->escalation_months > 0)
    {
      g_autofree char *pct = plaza_percent_format (terms->escalation_bp);
      g_autofree char *line = g_strdup_printf (ngettext ("+%s%% every %u month", "+%s%% every %u months",
                                                            terms->escalation_months),
                                               pct, terms->escalation_months);
      func (_("Escalation"), line, user_data);
    }
  else
    func (_("Escalation"), _("None"), user_data);

  g_string_truncate (text, 0);
  for (guint i = 0; terms->free != NULL && i < terms->free->len; i++)
    {
      const PlazaRentRange *r = &g_array_index (terms->free, PlazaRentRange, i);
      g_autofree char *from = format_date (&r->from);
      g_autofree char *to = format_date (&r->to);

      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append_printf (text, "%s – %s", from, to);
    }
  func (_("Rent-Free"), text->len > 0 ? text->str : _("None"), user_data);

  g_string_truncate (text, 0);
  for (guint i = 0; terms->fees != NULL && i < terms->fees->len; i++)
    {
      const PlazaRentFee *f = &g_array_index (terms->fees, PlazaRentFee, i);
      g_autofree char *amount = amount_per_unit (f->amount, f->unit);

      if (text->len > 0)
        g_string_append (text, "; ");
      g_string_append_printf (text, "%s: %s", f->name, amount);
    }
  func (_("Fees"), text->len > 0 ? text->str : _("None"), user_data);
}
