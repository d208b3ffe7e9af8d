/* plaza-contract-editor-prefill.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The contract editor started from a stored contract: renew mode fills
 * the form from the old contract (dates moved on by its length), amend
 * mode from its terms in force (the signed terms with the approved
 * amendments laid over them in order of effective date, as
 * plaza-contract-schedule.h describes) with the parties and dates locked.
 * The contract is read through the worker; the form is filled once the
 * tenant and unit pickers are in.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-contract-editor-private.h"
#include "plaza-date.h"
#include "plaza-contract-view.h"
#include "plaza-money.h"

typedef struct
{
  gint64             id;
  PlazaContractView *view;      /* with the terms in force, tenant and units */
  char              *error;
} Source;

void
plaza_contract_editor_free_source (gpointer data)
{
  Source *src = data;

  if (src == NULL)
    return;
  g_clear_pointer (&src->view, plaza_contract_view_free);
  g_free (src->error);
  g_free (src);
}

static gpointer
source_func (PlazaStore    *store,
             gpointer       user_data,
             GCancellable  *cancellable G_GNUC_UNUSED,
             GError       **error)
{
  Source *src = g_new0 (Source, 1);

  src->id = *(gint64 *) user_data;
  src->view = plaza_contract_view_load (store, src->id, error);
  if (src->view == NULL)
    {
      plaza_contract_editor_free_source (src);
      return NULL;
    }
  return src;
}

static void
source_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(PlazaContractEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  Source *src = plaza_worker_run_finish (PLAZA_WORKER (source), result, &error);

  if (src == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      src = g_new0 (Source, 1);
      src->error = g_strdup (error->message);
    }
  plaza_contract_editor_free_source (self->source);
  self->source = src;
  plaza_contract_editor_apply_source (self);
}

void
plaza_contract_editor_load_source (PlazaContractEditor *self,
                                   gint64               id)
{
  self->source_id = id;
  self->source_pending = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
  plaza_worker_run_async (self->worker, source_func, g_memdup2 (&id, sizeof id), g_free, self->cancellable,
                          source_done_cb, g_object_ref (self));
}

/* Fen as the form takes it: "1234.50". */
static char *
plain_money (gint64 fen)
{
  return g_strdup_printf ("%s%lld.%02lld", fen < 0 ? "-" : "", (long long) (ABS (fen) / 100),
                          (long long) (ABS (fen) % 100));
}

/* The renewal's dates: from the day after the old end, as long as the old
 * lease (whole months when it ran whole months, else as many days). */
static void
renewal_dates (const char  *old_start,
               const char  *old_end,
               char       **start,
               char       **end)
{
  GDate a, b, next, probe, last;
  int months;

  g_date_clear (&a, 1);
  g_date_clear (&b, 1);
  *start = *end = NULL;
  if (!plaza_contract_form_parse_date (old_start, &a) || !plaza_contract_form_parse_date (old_end, &b))
    return;
  next = b;
  g_date_add_days (&next, 1);
  *start = plaza_date_format (&next);
  months = (int) (g_date_get_year (&next) - g_date_get_year (&a)) * 12
           + (int) g_date_get_month (&next) - (int) g_date_get_month (&a);
  probe = a;
  if (months > 0)
    g_date_add_months (&probe, (guint) months);
  last = next;
  if (months > 0 && g_date_compare (&probe, &next) == 0)
    {
      g_date_add_months (&last, (guint) months);
      g_date_subtract_days (&last, 1);
    }
  else
    g_date_add_days (&last, (guint) g_date_days_between (&a, &b));
  *end = plaza_date_format (&last);
}

static void
fill_rows (PlazaContractEditor *self,
           const char          *section,
           GPtrArray           *rows)
{
  plaza_contract_editor_clear_rows (self, section);
  for (guint i = 0; i < rows->len; i++)
    {
      char **row = rows->pdata[i];

      plaza_contract_editor_append_row (self, section, row[0], row[1], g_str_equal (section, "fees") ? row[2] : NULL);
    }
}

void
plaza_contract_editor_apply_source (PlazaContractEditor *self)
{
  static const char * const copied[] = {
    "rent_amount", "percentage", "escalation_months", "escalation_percent",
  };
  Source *src = self->source;
  PlazaContractView *v;
  g_autoptr(PlazaContractForm) form = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *deposit = NULL;
  g_autofree char *cap = NULL;
  g_autofree char *rate = NULL;
  g_autofree char *grace = NULL;
  const char *text;

  if (src == NULL || self->loading)
    return;
  self->source = NULL;
  self->source_pending = FALSE;
  if (src->error != NULL)
    {
      gtk_label_set_label (self->save_error, src->error);
      gtk_widget_set_visible (GTK_WIDGET (self->save_error), TRUE);
      plaza_contract_editor_free_source (src);
      plaza_contract_editor_update_preview (self);
      return;
    }
  v = src->view;
  form = plaza_contract_form_new ();
  if (!plaza_contract_form_load_terms (form, src->view->terms_in_force, &error))
    {
      gtk_label_set_label (self->save_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->save_error), TRUE);
    }

  /* Filling the form is not the user's edit. */
  self->loading = TRUE;
  plaza_contract_editor_select_tenant (self, src->view->tenant_id);
  for (guint i = 0; i < src->view->unit_ids->len; i++)
    plaza_contract_editor_select_unit (self, g_array_index (src->view->unit_ids, gint64, i), TRUE);
  plaza_contract_editor_set_choice (self, "kind", v->kind);
  plaza_contract_editor_set_choice (self, "model", plaza_contract_form_get (form, "model"));
  text = plaza_contract_form_get (form, "rent_unit");
  if (*text != '\0')
    plaza_contract_editor_set_choice (self, "rent_unit", text);
  for (guint i = 0; i < G_N_ELEMENTS (copied); i++)
    plaza_contract_editor_set_field (self, copied[i], plaza_contract_form_get (form, copied[i]));
  fill_rows (self, "fees", form->fees);
  fill_rows (self, "tiers", form->tiers);
  deposit = plain_money (v->deposit_amount);
  cap = plain_money (v->late_fee_cap);
  rate = g_strdup_printf ("%lld", (long long) v->late_fee_bp_per_day);
  grace = g_strdup_printf ("%lld", (long long) v->late_fee_grace_days);
  plaza_contract_editor_set_field (self, "deposit", deposit);
  plaza_contract_editor_set_field (self, "late_fee_rate", rate);
  plaza_contract_editor_set_field (self, "late_fee_grace", grace);
  plaza_contract_editor_set_field (self, "late_fee_cap", cap);

  if (self->amends_id > 0)
    {
      fill_rows (self, "free", form->free);
      plaza_contract_editor_set_field (self, "start", plaza_contract_form_get (form, "start"));
      plaza_contract_editor_set_field (self, "end", plaza_contract_form_get (form, "end"));
      g_free (self->before_json);
      self->before_json = g_strdup (src->view->terms_in_force);
      g_free (self->lease_start);
      self->lease_start = g_strdup (v->start_date);
      g_free (self->lease_end);
      self->lease_end = g_strdup (v->terminated_on != NULL ? v->terminated_on : v->end_date);
      self->terms_area = form->area;
      gtk_list_box_invalidate_filter (self->unit_list);

      /* Amendments usually take effect on the first of a month: offer the
       * next one when it falls inside the lease. */
      {
        g_autoptr(GDateTime) now = g_date_time_new_now_local ();
        g_autoptr(GDateTime) first = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                                            1, 0, 0, 0);
        g_autoptr(GDateTime) next = g_date_time_add_months (first, 1);
        g_autofree char *effective = g_date_time_format (next, "%Y-%m-%d");

        if (g_strcmp0 (effective, self->lease_start) >= 0 && g_strcmp0 (effective, self->lease_end) <= 0)
          plaza_contract_editor_set_field (self, "effective", effective);
      }
    }
  else
    {
      g_autofree char *start = NULL;
      g_autofree char *end = NULL;

      /* The old rent-free periods lie in the old lease. */
      plaza_contract_editor_clear_rows (self, "free");
      renewal_dates (v->start_date, v->end_date, &start, &end);
      plaza_contract_editor_set_field (self, "start", start != NULL ? start : "");
      plaza_contract_editor_set_field (self, "end", end != NULL ? end : "");
    }
  self->loading = FALSE;
  plaza_contract_editor_free_source (src);
  plaza_contract_editor_update_area (self);
  plaza_contract_editor_update_preview (self);
}

void
plaza_contract_editor_set_amends (PlazaContractEditor *self,
                                  gint64               contract_id,
                                  gint64               rev)
{
  static const char * const locked[] = {
    "start", "end", "deposit", "late_fee_rate", "late_fee_grace", "late_fee_cap",
  };

  g_return_if_fail (PLAZA_IS_CONTRACT_EDITOR (self));
  g_return_if_fail (contract_id > 0);

  self->amends_id = contract_id;
  self->amends_rev = rev;
  gtk_window_set_title (GTK_WINDOW (self), _("Amend Contract"));
  gtk_button_set_label (self->save_button, _("_Submit Amendment"));
  gtk_button_set_use_underline (self->save_button, TRUE);
  plaza_contract_editor_show_row (self, "effective", TRUE);
  plaza_contract_editor_show_row (self, "comment", TRUE);
  plaza_contract_editor_lock_row (self, GTK_WIDGET (self->tenant_dropdown));
  plaza_contract_editor_lock_row (self, GTK_WIDGET (self->unit_list));
  gtk_widget_set_visible (GTK_WIDGET (self->unit_search), FALSE);
  {
    GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (self->unit_list), GTK_TYPE_SCROLLED_WINDOW);

    if (scroller != NULL)
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 0);
  }
  plaza_contract_editor_lock_row (self, GTK_WIDGET (self->kind_dropdown));
  plaza_contract_editor_lock_row (self, GTK_WIDGET (self->basis_dropdown));
  for (guint i = 0; i < G_N_ELEMENTS (locked); i++)
    plaza_contract_editor_lock_row (self, g_hash_table_lookup (self->entries, locked[i]));
  plaza_contract_editor_load_source (self, contract_id);
}

void
plaza_contract_editor_set_renews (PlazaContractEditor *self,
                                  gint64               id,
                                  const char          *old_end)
{
  GDate date;

  g_return_if_fail (PLAZA_IS_CONTRACT_EDITOR (self));

  self->renews_id = id;
  gtk_window_set_title (GTK_WINDOW (self), _("Renew Contract"));
  /* Shown at once; the whole form follows from the old contract. */
  g_date_clear (&date, 1);
  if (plaza_contract_form_parse_date (old_end, &date))
    {
      g_autofree char *text = NULL;

      g_date_add_days (&date, 1);
      text = plaza_date_format (&date);
      plaza_contract_editor_set_field (self, "start", text);
    }
  plaza_contract_editor_load_source (self, id);
}
