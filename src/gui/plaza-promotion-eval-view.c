/* plaza-promotion-eval-view.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A promotion's evaluation (issue 5) as a view to embed (the promotion
 * editor shows it): the baseline dropdown and its dates in words, four
 * headline cards, the uplift chart (a PlazaChartView), the table per
 * participant with the total and the scope rows pinned at the bottom
 * whatever the sort, and "Save as PDF…". Everything is read in the worker
 * (plaza_promotion_evaluate, the mall's name); saving evaluates again in
 * the worker and writes the PDF there. A promotion that has not ended, has
 * no confirmed participants or no sales shows a status page saying so.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-date.h"
#include "plaza-money.h"
#include "plaza-promotion-eval-view-private.h"
#include "plaza-promotion.h"

/* More participants than this: the chart shows the best and the worst. */
#define MAX_BARS 24

G_DEFINE_FINAL_TYPE (PlazaPromotionEvalView, plaza_promotion_eval_view, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- the worker job ---- */

typedef struct
{
  gint64                  id;
  PlazaPromotionBaseline  baseline;
  char                   *pdf_path;   /* NULL: only load */
} Job;

typedef struct
{
  PlazaPromotionEvaluation *evaluation;
  char                     *mall_name;
  char                     *title;        /* a status page instead of the evaluation */
  char                     *description;
  gboolean                  refused;      /* not ended or not approved: no baseline to choose */
} Result;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->pdf_path);
  g_free (job);
}

static void
result_free (Result *result)
{
  plaza_promotion_evaluation_free (result->evaluation);
  g_free (result->mall_name);
  g_free (result->title);
  g_free (result->description);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Result, result_free)

/* Why @id cannot be evaluated, in words, when it is not ended or not
 * approved; FALSE for any other failure. */
static gboolean
explain_refusal (PlazaStore *store,
                 gint64      id,
                 Result     *result)
{
  g_autoptr(PlazaPromotion) promotion = plaza_promotion_load (store, id, NULL);
  const char *state, *end;
  GDate ready;

  if (promotion == NULL)
    return FALSE;
  state = promotion->state;
  end = promotion->end_date;
  if (!g_str_equal (state, "approved"))
    {
      result->refused = TRUE;
      result->title = g_strdup (_("Only an approved promotion is evaluated"));
      result->description = g_strdup (_("Submit the plan and have it approved; once it has ended its evaluation "
                                         "appears here."));
      return TRUE;
    }
  if (plaza_date_parse (end, &ready))
    {
      g_autofree char *day = NULL;

      g_date_add_days (&ready, 1);
      day = plaza_date_format (&ready);
      result->refused = TRUE;
      result->title = g_strdup (_("The promotion has not ended yet"));
      result->description = g_strdup_printf (_("Its evaluation is ready on %s, the day after it ends."), day);
      return TRUE;
    }
  return FALSE;
}

static gpointer
job_run (PlazaStore    *store,
         gpointer       data,
         GCancellable  *cancellable G_GNUC_UNUSED,
         GError       **error)
{
  Job *job = data;
  g_autoptr(Result) result = g_new0 (Result, 1);
  g_autoptr(GError) local = NULL;

  result->mall_name = plaza_store_get_setting (store, "mall.name");
  result->evaluation = plaza_promotion_evaluate (store, job->id, job->baseline, NULL, &local);
  if (result->evaluation == NULL)
    {
      if (job->pdf_path == NULL && g_error_matches (local, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID)
          && explain_refusal (store, job->id, result))
        return g_steal_pointer (&result);
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  if (job->pdf_path != NULL)
    {
      if (!plaza_promotion_evaluation_write_pdf (result->evaluation, result->mall_name, job->pdf_path, error))
        return NULL;
      return g_steal_pointer (&result);
    }
  if (result->evaluation->rows->len == 0)
    {
      result->title = g_strdup (_("No confirmed participants"));
      result->description = g_strdup (_("Only the tenants that confirmed their participation are evaluated."));
    }
  else if (result->evaluation->total.sales == 0 && result->evaluation->total.baseline == 0)
    {
      result->title = g_strdup (_("No sales were reported for its participants"));
      result->description = g_strdup (_("Neither during the promotion nor in the baseline period. Import or "
                                        "enter their sales, then look again."));
    }
  return g_steal_pointer (&result);
}

static PlazaPromotionBaseline
selected_baseline (PlazaPromotionEvalView *self)
{
  return gtk_drop_down_get_selected (self->baseline) == 1 ? PLAZA_PROMOTION_BASELINE_FOUR_WEEKS
                                                          : PLAZA_PROMOTION_BASELINE_LAST_YEAR;
}

/* ---- showing ---- */

static void
set_loading (PlazaPromotionEvalView *self,
             gboolean                loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
set_card (PlazaPromotionEvalView *self,
          guint                   card,
          const char             *value,
          gint64                  sign,
          const char             *detail)
{
  GtkWidget *label = GTK_WIDGET (self->card_values[card]);

  gtk_label_set_label (self->card_values[card], value);
  gtk_label_set_label (self->card_details[card], detail);
  gtk_widget_remove_css_class (label, "success");
  gtk_widget_remove_css_class (label, "error");
  if (sign != 0)
    gtk_widget_add_css_class (label, sign > 0 ? "success" : "error");
}

static void
fill_cards (PlazaPromotionEvalView *self)
{
  const PlazaPromotionEvaluation *e = self->evaluation;
  const PlazaPromotionEvalRow *t = &e->total;
  PlazaPromotionEvalRow lfl;
  guint n_lfl = plaza_promotion_evaluation_like_for_like (e, &lfl);
  gint64 fees = 0;
  g_autofree char *sales = plaza_money_format (t->sales, TRUE);
  g_autofree char *base = plaza_money_format (t->baseline, TRUE);
  g_autofree char *uplift = plaza_promotion_eval_signed_money (t->uplift);
  g_autofree char *pct = plaza_promotion_format_uplift_pct (t);
  g_autofree char *lfl_pct = plaza_promotion_format_uplift_pct (&lfl);
  g_autofree char *scope_pct = plaza_promotion_format_uplift_pct (&e->scope);
  g_autofree char *cost = plaza_money_format (t->cost, TRUE);
  g_autofree char *ret = plaza_promotion_format_return (t);
  g_autofree char *mall = NULL;
  g_autofree char *fee_text = NULL;
  g_autofree char *detail = NULL;

  for (guint i = 0; i < e->rows->len; i++)
    fees += ((PlazaPromotionEvalRow *) g_ptr_array_index (e->rows, i))->cost;
  mall = plaza_money_format (t->cost - fees, TRUE);
  fee_text = plaza_money_format (fees, TRUE);

  detail = g_strdup_printf (ngettext ("%u participant · baseline %s", "%u participants · baseline %s",
                                      e->rows->len), e->rows->len, base);
  set_card (self, CARD_SALES, sales, 0, detail);
  g_free (detail);
  if (n_lfl < e->rows->len)
    detail = g_strdup_printf (_("%s on the baseline · like for like (%u of %u) %s"), pct, n_lfl, e->rows->len,
                              lfl_pct);
  else
    detail = g_strdup_printf (_("%s on the baseline · everyone in scope %s"), pct, scope_pct);
  set_card (self, CARD_UPLIFT, uplift, t->uplift, detail);
  g_free (detail);
  detail = g_strdup_printf (_("Mall budget %s · participants' fees %s"), mall, fee_text);
  set_card (self, CARD_COST, cost, 0, detail);
  set_card (self, CARD_RETURN, ret, t->cost > 0 ? t->return_bp : 0,
            t->cost > 0 ? _("of uplift per ¥1 spent") : _("No cost recorded"));
  g_free (lfl.tenant_code);
  g_free (lfl.tenant_name);
}

static void
show_evaluation (PlazaPromotionEvalView *self)
{
  g_autofree char *words = plaza_promotion_evaluation_describe_baseline (self->evaluation);
  guint n = self->evaluation->rows->len;

  gtk_label_set_label (self->baseline_words, words);
  fill_cards (self);
  plaza_chart_view_set_chart (self->chart, plaza_promotion_evaluation_chart_limited (self->evaluation, MAX_BARS));
  gtk_widget_set_size_request (GTK_WIDGET (self->chart), -1, (int) CLAMP (100 + 22 * MIN (n, MAX_BARS), 240, 640));
  plaza_promotion_eval_view_fill_table (self);
  gtk_widget_set_sensitive (self->save_button, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "evaluation");
}

static void
show_status (PlazaPromotionEvalView *self,
             const char             *icon,
             const char             *title,
             const char             *description)
{
  adw_status_page_set_icon_name (self->status, icon);
  adw_status_page_set_title (self->status, title);
  adw_status_page_set_description (self->status, description);
  gtk_widget_set_sensitive (self->save_button, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "status");
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *res,
              gpointer      user_data)
{
  g_autoptr(PlazaPromotionEvalView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(Result) result = plaza_worker_run_finish (PLAZA_WORKER (source), res, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* a newer load is under way, or the view is gone */
  set_loading (self, FALSE);
  gtk_widget_set_visible (self->bar, result == NULL || !result->refused);
  if (result == NULL)
    {
      show_status (self, "dialog-error-symbolic", _("The evaluation could not be made"), error->message);
      return;
    }
  g_free (self->mall_name);
  self->mall_name = g_steal_pointer (&result->mall_name);
  if (result->title != NULL)
    {
      gtk_label_set_label (self->baseline_words, "");
      show_status (self, "x-office-calendar-symbolic", result->title, result->description);
      return;
    }
  self->evaluation = g_steal_pointer (&result->evaluation);
  show_evaluation (self);
}

void
plaza_promotion_eval_view_reload (PlazaPromotionEvalView *self)
{
  Job *job;

  g_return_if_fail (PLAZA_IS_PROMOTION_EVAL_VIEW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  /* the table's cells read the evaluation: empty it first */
  gtk_column_view_set_model (self->table, NULL);
  plaza_chart_view_set_chart (self->chart, NULL);
  g_clear_pointer (&self->evaluation, plaza_promotion_evaluation_free);

  job = g_new0 (Job, 1);
  job->id = self->promotion_id;
  job->baseline = selected_baseline (self);
  set_loading (self, TRUE);
  gtk_widget_set_sensitive (self->save_button, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  plaza_worker_run_async (self->worker, job_run, job, job_free, self->cancellable, load_done_cb,
                          g_object_ref (self));
}

gboolean
plaza_promotion_eval_view_get_loading (PlazaPromotionEvalView *self)
{
  g_return_val_if_fail (PLAZA_IS_PROMOTION_EVAL_VIEW (self), FALSE);

  return self->loading;
}

gpointer
plaza_promotion_eval_view_get_evaluation (PlazaPromotionEvalView *self)
{
  g_return_val_if_fail (PLAZA_IS_PROMOTION_EVAL_VIEW (self), NULL);

  return self->loading ? NULL : self->evaluation;
}

/* ---- Save as PDF ---- */

static void
alert (PlazaPromotionEvalView *self,
       const char             *heading,
       const char             *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading,
                                              message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_done_cb (GObject      *source,
              GAsyncResult *res,
              gpointer      user_data)
{
  g_autoptr(PlazaPromotionEvalView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(Result) result = plaza_worker_run_finish (PLAZA_WORKER (source), res, &error);
  GtkWidget *overlay;

  gtk_widget_set_sensitive (self->save_button, self->evaluation != NULL);
  if (result == NULL)
    {
      alert (self, _("The Evaluation Was Not Saved"), error->message);
      return;
    }
  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (_("Evaluation saved as PDF")));
}

static void
save_response_cb (GtkNativeDialog        *dialog,
                  int                     response,
                  PlazaPromotionEvalView *self)
{
  g_autoptr(GFile) file = NULL;
  char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      path = file != NULL ? g_file_get_path (file) : NULL;
    }
  if (path != NULL)
    {
      Job *job = g_new0 (Job, 1);

      if (!g_str_has_suffix (path, ".pdf"))
        {
          char *with = g_strconcat (path, ".pdf", NULL);

          g_free (path);
          path = with;
        }
      job->id = self->promotion_id;
      job->baseline = selected_baseline (self);
      job->pdf_path = path;
      gtk_widget_set_sensitive (self->save_button, FALSE);
      plaza_worker_run_async (self->worker, job_run, job, job_free, NULL, save_done_cb, g_object_ref (self));
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
save_clicked_cb (PlazaPromotionEvalView *self)
{
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;

  if (self->evaluation == NULL)
    return;
  dialog = gtk_file_chooser_native_new (_("Save Evaluation as PDF"),
                                        GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  /* Translators: the file name offered for a promotion's evaluation */
  name = g_strdup_printf (_("%s evaluation.pdf"), self->evaluation->code);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect (dialog, "response", G_CALLBACK (save_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* ---- building ---- */

static GtkWidget *
card (PlazaPromotionEvalView *self,
      guint                   index,
      const char             *caption)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label = gtk_label_new (caption);
  GtkWidget *value = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_set_hexpand (box, TRUE);
  g_object_set (box, "margin-start", 0, NULL);
  gtk_widget_set_size_request (box, 150, -1);
  for (GtkWidget *w = label; w != NULL; w = w == label ? value : w == value ? detail : NULL)
    {
      gtk_label_set_xalign (GTK_LABEL (w), 0.0);
      gtk_widget_set_margin_start (w, 14);
      gtk_widget_set_margin_end (w, 14);
      gtk_box_append (GTK_BOX (box), w);
    }
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (detail, 12);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (value, "title-2");
  gtk_widget_add_css_class (value, "numeric");
  gtk_label_set_ellipsize (GTK_LABEL (value), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
  gtk_widget_set_name (value, caption);
  self->card_values[index] = GTK_LABEL (value);
  self->card_details[index] = GTK_LABEL (detail);
  return box;
}

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "heading");
  return label;
}

static void
build (PlazaPromotionEvalView *self)
{
  const char *baselines[] = { _("Same days last year"), _("Four weeks before"), NULL };
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (_("Baseline"));
  GtkWidget *spinner = gtk_spinner_new ();
  GtkWidget *loading = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *cards = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *table_scroll = gtk_scrolled_window_new ();
  GtkWidget *chart_frame = gtk_frame_new (NULL);

  gtk_widget_set_margin_top (bar, 12);
  gtk_widget_set_margin_start (bar, 18);
  gtk_widget_set_margin_end (bar, 18);
  gtk_widget_add_css_class (label, "heading");
  self->baseline = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (baselines));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->baseline), _("What the promotion's sales are compared with"));
  self->baseline_words = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->baseline_words, 0.0);
  gtk_label_set_wrap (self->baseline_words, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->baseline_words), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->baseline_words), "dim-label");
  self->save_button = gtk_button_new_with_mnemonic (_("Save as _PDF…"));
  gtk_widget_set_sensitive (self->save_button, FALSE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->baseline), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label,
                                  NULL, -1);
  gtk_box_append (GTK_BOX (bar), label);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->baseline));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->baseline_words));
  gtk_box_append (GTK_BOX (bar), self->save_button);
  gtk_box_append (GTK_BOX (outer), bar);
  self->bar = bar;
  g_signal_connect_swapped (self->baseline, "notify::selected", G_CALLBACK (plaza_promotion_eval_view_reload),
                            self);
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (save_clicked_cb), self);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_box_append (GTK_BOX (outer), GTK_WIDGET (self->stack));

  /* loading */
  gtk_spinner_set_spinning (GTK_SPINNER (spinner), TRUE);
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_widget_set_valign (loading, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (loading), spinner);
  gtk_box_append (GTK_BOX (loading), gtk_label_new (_("Evaluating…")));
  gtk_stack_add_named (self->stack, loading, "loading");

  /* not ended, nothing to show, an error */
  self->status = ADW_STATUS_PAGE (adw_status_page_new ());
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->status), "status");

  /* the evaluation */
  g_object_set (content, "margin-start", 18, "margin-end", 18, "margin-bottom", 18, NULL);
  gtk_box_append (GTK_BOX (cards), card (self, CARD_SALES, _("Participants' sales")));
  gtk_box_append (GTK_BOX (cards), card (self, CARD_UPLIFT, _("Uplift")));
  gtk_box_append (GTK_BOX (cards), card (self, CARD_COST, _("Cost")));
  gtk_box_append (GTK_BOX (cards), card (self, CARD_RETURN, _("Return per yuan spent")));
  gtk_box_set_homogeneous (GTK_BOX (cards), TRUE);
  gtk_box_append (GTK_BOX (content), cards);

  gtk_box_append (GTK_BOX (content), heading (_("Uplift by participant")));
  self->chart = PLAZA_CHART_VIEW (plaza_chart_view_new ());
  gtk_widget_set_size_request (GTK_WIDGET (self->chart), -1, 280);
  gtk_frame_set_child (GTK_FRAME (chart_frame), GTK_WIDGET (self->chart));
  gtk_box_append (GTK_BOX (content), chart_frame);

  gtk_box_append (GTK_BOX (content), heading (_("Participants")));
  self->table = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_column_view_set_show_column_separators (self->table, FALSE);
  gtk_column_view_set_show_row_separators (self->table, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->table), "card");
  plaza_promotion_eval_view_build_table (self);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (table_scroll), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (table_scroll), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (table_scroll), GTK_WIDGET (self->table));
  gtk_box_append (GTK_BOX (content), table_scroll);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), content);
  gtk_stack_add_named (self->stack, scrolled, "evaluation");

  adw_bin_set_child (ADW_BIN (self), outer);
}

static void
plaza_promotion_eval_view_dispose (GObject *object)
{
  PlazaPromotionEvalView *self = PLAZA_PROMOTION_EVAL_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->table != NULL)
    gtk_column_view_set_model (self->table, NULL);
  self->table = NULL;
  adw_bin_set_child (ADW_BIN (self), NULL);
  G_OBJECT_CLASS (plaza_promotion_eval_view_parent_class)->dispose (object);
}

static void
plaza_promotion_eval_view_finalize (GObject *object)
{
  PlazaPromotionEvalView *self = PLAZA_PROMOTION_EVAL_VIEW (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->worker);
  g_clear_pointer (&self->evaluation, plaza_promotion_evaluation_free);
  g_free (self->mall_name);
  G_OBJECT_CLASS (plaza_promotion_eval_view_parent_class)->finalize (object);
}

static void
plaza_promotion_eval_view_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  PlazaPromotionEvalView *self = PLAZA_PROMOTION_EVAL_VIEW (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plaza_promotion_eval_view_class_init (PlazaPromotionEvalViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = plaza_promotion_eval_view_dispose;
  object_class->finalize = plaza_promotion_eval_view_finalize;
  object_class->get_property = plaza_promotion_eval_view_get_property;

  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
plaza_promotion_eval_view_init (PlazaPromotionEvalView *self)
{
  build (self);
}

GtkWidget *
plaza_promotion_eval_view_new (PlazaWorker *worker,
                               gint64       promotion_id)
{
  PlazaPromotionEvalView *self;

  g_return_val_if_fail (PLAZA_IS_WORKER (worker), NULL);

  self = g_object_new (PLAZA_TYPE_PROMOTION_EVAL_VIEW, NULL);
  self->worker = g_object_ref (worker);
  self->promotion_id = promotion_id;
  plaza_promotion_eval_view_reload (self);
  return GTK_WIDGET (self);
}
