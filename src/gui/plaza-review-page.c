/* plaza-review-page.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Review page (see plaza-review-page.h): a quarter chooser with
 * Build/Rebuild and Approve All…, then one row per tenant — tenant,
 * category, rank in category, score, reasons, the proposal (a dropdown: a
 * change asks for a note), the note, the state and the row's buttons
 * (Approve, Reject…, Eviction… once a replacement is approved). Rows are
 * reloaded after every write.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-change-log.h"
#include "plaza-conflict-dialog.h"
#include "plaza-eviction-window.h"
#include "plaza-role-guard.h"
#include "plaza-review-page.h"

#define N_QUARTERS 8

static const char * const proposals[] = { "keep", "warn", "relocate", "replace", NULL };

struct _PlazaReviewPage
{
  AdwBin           parent_instance;

  PlazaWorker     *worker;
  GCancellable    *cancellable;
  guint            busy;
  gboolean         loaded;
  gboolean         stale;
  GPtrArray       *rows;
  gint64           seq;            /* plaza_change_log_last_seq() when the rows were read */
  char            *quarters[N_QUARTERS + 1];

  AdwToastOverlay *toasts;
  GtkDropDown     *quarter;
  GtkWidget       *build_button;
  GtkWidget       *approve_all_button;
  GtkStack        *stack;
  AdwStatusPage   *status;
  GtkListBox      *list;
};

G_DEFINE_FINAL_TYPE (PlazaReviewPage, plaza_review_page, ADW_TYPE_BIN)

typedef enum
{
  JOB_LOAD,
  JOB_BUILD,
  JOB_PROPOSAL,
  JOB_DECIDE,
  JOB_DECIDE_ALL,
} JobKind;

typedef struct
{
  JobKind   kind;
  char     *quarter;
  gint64    id;
  gint64    rev;
  char     *proposal;
  char     *note;
  gboolean  approve;
  char     *message;   /* out: what the toast says */
} Job;

static void
job_free (Job *job)
{
  g_free (job->quarter);
  g_free (job->proposal);
  g_free (job->note);
  g_free (job->message);
  g_free (job);
}

static Job *
job_new (JobKind kind)
{
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  return job;
}

typedef struct
{
  GPtrArray *rows;
  char      *message;
  gint64     seq;
} Result;

static void
result_free (Result *r)
{
  g_clear_pointer (&r->rows, g_ptr_array_unref);
  g_free (r->message);
  g_free (r);
}

/* Save Mine Over Theirs on a proposal: the rev the review has now. */
static gboolean
current_rev (PlazaStore *store,
             Job        *job,
             GError    **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  if (!plaza_review_list (store, job->quarter, &rows, error))
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    if (((PlazaReviewRow *) rows->pdata[i])->id == job->id)
      job->rev = ((PlazaReviewRow *) rows->pdata[i])->rev;
  if (job->rev >= 0)
    return TRUE;
  g_set_error_literal (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND,
                       _("The record was removed by someone else. Reload and try again."));
  return FALSE;
}

static gpointer
review_job (PlazaStore   *store,
            gpointer      data,
            GCancellable *cancellable G_GNUC_UNUSED,
            GError      **error)
{
  Job *job = data;
  Result *r = g_new0 (Result, 1);
  gboolean ok = TRUE;

  switch (job->kind)
    {
    case JOB_BUILD:
      {
        PlazaReviewBuild b;

        ok = plaza_review_build (store, job->quarter, &b, error);
        if (ok)
          r->message = g_strdup_printf (_("Review %s built: %u tenants"), job->quarter, b.n_rows);
      }
      break;
    case JOB_PROPOSAL:
      if (job->rev < 0)
        ok = current_rev (store, job, error);
      if (ok)
        ok = plaza_review_set_proposal (store, job->id, job->rev, job->proposal, job->note, error);
      break;
    case JOB_DECIDE:
      ok = plaza_review_decide (store, job->id, job->rev, job->approve, job->note, error);
      break;
    case JOB_DECIDE_ALL:
      {
        guint n = 0;

        ok = plaza_review_decide_quarter (store, job->quarter, job->approve, job->note, &n, error);
        if (ok)
          r->message = g_strdup_printf (job->approve ? _("%u proposals approved") : _("%u proposals rejected"), n);
      }
      break;
    case JOB_LOAD:
    default:
      break;
    }
  r->seq = MAX (plaza_change_log_last_seq (store, NULL), 0);
  if (ok)
    ok = plaza_review_list (store, job->quarter, &r->rows, error);
  if (!ok)
    {
      result_free (r);
      return NULL;
    }
  return r;
}

static PlazaReviewRow *
find_row (PlazaReviewPage *self,
          gint64           id)
{
  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    {
      PlazaReviewRow *row = g_ptr_array_index (self->rows, i);

      if (row->id == id)
        return row;
    }
  return NULL;
}

static void fill (PlazaReviewPage *self);

static void
update_buttons (PlazaReviewPage *self)
{
  gboolean idle = self->busy == 0 && self->worker != NULL && !plaza_worker_is_read_only (self->worker);
  gboolean open = FALSE;

  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    {
      PlazaReviewRow *row = g_ptr_array_index (self->rows, i);

      open |= g_str_equal (row->state, "draft") || g_str_equal (row->state, "submitted");
    }
  gtk_widget_set_sensitive (self->build_button, idle);
  gtk_button_set_label (GTK_BUTTON (self->build_button),
                        self->rows != NULL && self->rows->len > 0 ? _("_Rebuild") : _("_Build"));
  gtk_widget_set_sensitive (self->approve_all_button, idle && open);
}

static void conflict_answer_cb (GObject               *owner,
                                PlazaConflictResponse  response);

static void
job_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(PlazaReviewPage) self = user_data;
  g_autoptr(GError) error = NULL;
  Result *r = plaza_worker_run_finish (PLAZA_WORKER (source), result, &error);

  self->busy--;
  if (r == NULL && g_error_matches (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_CONFLICT)
      && g_object_get_data (G_OBJECT (self), "plaza-review-again") != NULL)
    {
      Job *again = g_object_steal_data (G_OBJECT (self), "plaza-review-again");

      /* Kept apart: a reload meanwhile (live refresh) must not drop it. */
      g_object_set_data_full (G_OBJECT (self), "plaza-review-conflict", again, (GDestroyNotify) job_free);
      update_buttons (self);
      fill (self);
      plaza_conflict_dialog_show (GTK_WIDGET (self), self->worker, "tenant_review", again->id, self->seq, error,
                                  conflict_answer_cb, G_OBJECT (self));
      return;
    }
  g_object_set_data (G_OBJECT (self), "plaza-review-again", NULL);
  if (r == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error != NULL ? error->message : _("Failed")));
      update_buttons (self);
      /* A refused change: show the stored proposals again. */
      fill (self);
      return;
    }
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  self->rows = g_steal_pointer (&r->rows);
  self->seq = r->seq;
  self->loaded = TRUE;
  if (r->message != NULL)
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (r->message));
  result_free (r);
  fill (self);
  update_buttons (self);
  /* Invalidated while the job ran: load again. */
  if (self->stale && self->busy == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    plaza_review_page_ensure_loaded (self);
}

static void
run (PlazaReviewPage *self,
     Job             *job)
{
  if (self->worker == NULL)
    {
      job_free (job);
      return;
    }
  job->quarter = g_strdup (plaza_review_page_get_quarter (self));
  /* A proposal keeps a copy for Save Mine Over Theirs after a conflict. */
  if (job->kind == JOB_PROPOSAL)
    {
      Job *again = job_new (JOB_PROPOSAL);

      again->id = job->id;
      again->proposal = g_strdup (job->proposal);
      again->note = g_strdup (job->note);
      g_object_set_data_full (G_OBJECT (self), "plaza-review-again", again, (GDestroyNotify) job_free);
    }
  else
    g_object_set_data (G_OBJECT (self), "plaza-review-again", NULL);
  self->busy++;
  self->stale = FALSE;
  update_buttons (self);
  plaza_worker_run_async (self->worker, review_job, job, (GDestroyNotify) job_free, self->cancellable,
                          job_done_cb, g_object_ref (self));
}


/* The answer to the shared conflict dialog after a refused proposal. */
static void
conflict_answer_cb (GObject               *owner,
                    PlazaConflictResponse  response)
{
  PlazaReviewPage *self = PLAZA_REVIEW_PAGE (owner);
  Job *again = g_object_steal_data (owner, "plaza-review-conflict");

  if (response == PLAZA_CONFLICT_RELOAD)
    run (self, job_new (JOB_LOAD));
  else if (response == PLAZA_CONFLICT_SAVE_OVER && again != NULL)
    {
      again->rev = -1;   /* review_job: at the rev it has now */
      run (self, g_steal_pointer (&again));
    }
  if (again != NULL)
    job_free (again);
}

/* ---- rows ---- */

static GtkWidget *
cell (GtkWidget  *box,
      const char *text,
      int         width,
      gboolean    numeric)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0 : 0.0);
  if (width > 0)
    {
      /* Exactly @width wide: the columns line up. */
      gtk_widget_set_size_request (label, width, -1);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 1);
    }
  else
    {
      gtk_widget_set_hexpand (label, TRUE);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_width_chars (GTK_LABEL (label), 20);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
    }
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (box), label);
  return label;
}

typedef struct
{
  PlazaReviewPage *page;
  gint64           id;
  char            *proposal;
  GtkEntry        *entry;
} Ask;

static void
ask_free (gpointer data)
{
  Ask *ask = data;

  g_free (ask->proposal);
  g_free (ask);
}

static void
proposal_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      Ask              *ask)
{
  if (g_strcmp0 (response, "change") == 0)
    plaza_review_page_set_proposal (ask->page, ask->id, ask->proposal, gtk_editable_get_text (GTK_EDITABLE (ask->entry)));
  else if (g_strcmp0 (response, "reject") == 0)
    plaza_review_page_decide (ask->page, ask->id, FALSE, gtk_editable_get_text (GTK_EDITABLE (ask->entry)));
  else
    fill (ask->page);
  g_object_set_data (G_OBJECT (dialog), "plaza-ask", NULL);
}

static void
ask_note (PlazaReviewPage *self,
          PlazaReviewRow  *row,
          const char      *proposal)
{
  Ask *ask = g_new0 (Ask, 1);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  ask->page = self;
  ask->id = row->id;
  ask->proposal = g_strdup (proposal);
  ask->entry = GTK_ENTRY (gtk_entry_new ());
  if (proposal != NULL)
    {
      /* Translators: the tenant, the new proposal. */
      heading = g_strdup_printf (_("Propose “%s” for %s?"), plaza_review_proposal_label (proposal), row->tenant_name);
      dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading,
                                       _("Say why the proposal changes; the note is kept with the review."));
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "change", _("_Change"), NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "change", ADW_RESPONSE_SUGGESTED);
    }
  else
    {
      heading = g_strdup_printf (_("Reject the Proposal for %s?"), row->tenant_name);
      dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading,
                                       _("Say why; the planner changes the proposal and it comes back."));
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "reject", _("_Reject"), NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reject", ADW_RESPONSE_DESTRUCTIVE);
    }
  gtk_entry_set_placeholder_text (ask->entry, _("Note"));
  gtk_entry_set_activates_default (ask->entry, TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), GTK_WIDGET (ask->entry));
  g_object_set_data_full (G_OBJECT (dialog), "plaza-ask", ask, ask_free);
  g_signal_connect (dialog, "response", G_CALLBACK (proposal_response_cb), ask);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
proposal_changed_cb (GtkDropDown     *dropdown,
                     GParamSpec      *pspec G_GNUC_UNUSED,
                     PlazaReviewPage *self)
{
  PlazaReviewRow *row = find_row (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dropdown), "plaza-id")));
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (row == NULL || selected >= G_N_ELEMENTS (proposals) - 1 || g_str_equal (row->proposal, proposals[selected]))
    return;
  ask_note (self, row, proposals[selected]);
}

static void
approve_clicked_cb (GtkButton       *button,
                    PlazaReviewPage *self)
{
  plaza_review_page_decide (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "plaza-id")), TRUE, NULL);
}

static void
reject_clicked_cb (GtkButton       *button,
                   PlazaReviewPage *self)
{
  PlazaReviewRow *row = find_row (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "plaza-id")));

  if (row != NULL)
    ask_note (self, row, NULL);
}

static void
eviction_clicked_cb (GtkButton       *button,
                     PlazaReviewPage *self)
{
  plaza_review_page_open_eviction (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "plaza-id")));
}

static GtkWidget *
row_button (GtkWidget       *box,
            const char      *label,
            const char      *icon,
            gint64           id,
            GCallback        callback,
            PlazaReviewPage *self)
{
  GtkWidget *button = icon != NULL ? gtk_button_new_from_icon_name (icon) : gtk_button_new_with_label (label);

  if (icon != NULL)
    {
      gtk_widget_set_tooltip_text (button, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (button), "plaza-id", GSIZE_TO_POINTER (id));
  g_signal_connect (button, "clicked", callback, self);
  gtk_box_append (GTK_BOX (box), button);
  return button;
}

static GtkWidget *
header_row (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);

  gtk_widget_add_css_class (box, "heading");
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  cell (box, _("Tenant"), 180, FALSE);
  cell (box, _("Category"), 90, FALSE);
  cell (box, _("Rank"), 50, TRUE);
  cell (box, _("Score"), 50, TRUE);
  cell (box, _("Reasons"), 0, FALSE);
  cell (box, _("Proposal"), 110, FALSE);
  cell (box, _("Note"), 100, FALSE);
  cell (box, _("State"), 70, FALSE);
  cell (box, "", 110, FALSE);
  return box;
}

static GtkWidget *
review_row (PlazaReviewPage *self,
            PlazaReviewRow  *row)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *actions = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *tenant = g_strdup_printf ("%s %s", row->tenant_code, row->tenant_name);
  g_autofree char *rank = g_strdup_printf ("%lld / %lld", (long long) row->rank, (long long) row->n_in_category);
  g_autofree char *score = g_strdup_printf ("%lld", (long long) row->score);
  const char *labels[G_N_ELEMENTS (proposals)];
  gboolean open = !g_str_equal (row->state, "approved");
  GtkWidget *dropdown;
  GtkWidget *reasons;
  guint selected = 0;

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_widget_set_tooltip_text (cell (box, tenant, 180, FALSE), tenant);
  cell (box, *row->category != '\0' ? row->category : "—", 90, FALSE);
  cell (box, rank, 50, TRUE);
  cell (box, score, 50, TRUE);
  reasons = cell (box, *row->reasons != '\0' ? row->reasons : "—", 0, FALSE);
  gtk_widget_add_css_class (reasons, "dim-label");

  for (guint i = 0; proposals[i] != NULL; i++)
    {
      labels[i] = plaza_review_proposal_label (proposals[i]);
      if (g_str_equal (proposals[i], row->proposal))
        selected = i;
    }
  labels[G_N_ELEMENTS (proposals) - 1] = NULL;
  dropdown = gtk_drop_down_new_from_strings (labels);
  gtk_widget_set_size_request (dropdown, 110, -1);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
  gtk_widget_set_sensitive (dropdown, open);
  g_object_set_data (G_OBJECT (dropdown), "plaza-id", GSIZE_TO_POINTER (row->id));
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (proposal_changed_cb), self);
  gtk_box_append (GTK_BOX (box), dropdown);
  gtk_widget_set_tooltip_text (cell (box, *row->comment != '\0' ? row->comment : "", 100, FALSE), row->comment);
  cell (box, plaza_review_state_label (row->state), 70, FALSE);

  gtk_widget_set_size_request (actions, 110, -1);
  if (g_str_equal (row->state, "draft") || g_str_equal (row->state, "submitted"))
    {
      gtk_widget_add_css_class (row_button (actions, _("Approve"), "object-select-symbolic", row->id,
                                            G_CALLBACK (approve_clicked_cb), self), "suggested-action");
      row_button (actions, _("Reject…"), "window-close-symbolic", row->id, G_CALLBACK (reject_clicked_cb), self);
    }
  if (row->eviction_id > 0 ||
      (g_str_equal (row->state, "approved") && g_str_equal (row->proposal, "replace") && row->contract_id > 0))
    row_button (actions, _("Eviction…"), NULL, row->id, G_CALLBACK (eviction_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), actions);
  return box;
}

static void
fill (PlazaReviewPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  if (self->rows == NULL || self->rows->len == 0)
    {
      g_autofree char *description = g_strdup_printf (_("Build the review of %s from the tenants' health scores."),
                                                      plaza_review_page_get_quarter (self));

      adw_status_page_set_description (self->status, description);
      gtk_stack_set_visible_child_name (self->stack, "status");
      return;
    }
  gtk_list_box_append (self->list, header_row ());
  gtk_list_box_row_set_activatable (gtk_list_box_get_row_at_index (self->list, 0), FALSE);
  for (guint i = 0; i < self->rows->len; i++)
    {
      gtk_list_box_append (self->list, review_row (self, g_ptr_array_index (self->rows, i)));
      gtk_list_box_row_set_activatable (gtk_list_box_get_row_at_index (self->list, i + 1), FALSE);
    }
  gtk_stack_set_visible_child_name (self->stack, "list");
}

/* ---- API ---- */

void
plaza_review_page_set_worker (PlazaReviewPage *self,
                              PlazaWorker     *worker)
{
  g_return_if_fail (PLAZA_IS_REVIEW_PAGE (self));
  g_set_object (&self->worker, worker);
  self->loaded = FALSE;
  self->stale = TRUE;
  update_buttons (self);
  plaza_role_guard (self->build_button, worker, "tenant_review", "build");
  plaza_role_guard (self->approve_all_button, worker, "tenant_review", "approve");
}

void
plaza_review_page_ensure_loaded (PlazaReviewPage *self)
{
  g_return_if_fail (PLAZA_IS_REVIEW_PAGE (self));
  if (self->worker != NULL && (self->stale || !self->loaded) && self->busy == 0)
    run (self, job_new (JOB_LOAD));
}

void
plaza_review_page_invalidate (PlazaReviewPage *self)
{
  g_return_if_fail (PLAZA_IS_REVIEW_PAGE (self));
  self->stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    plaza_review_page_ensure_loaded (self);
}

gboolean
plaza_review_page_get_busy (PlazaReviewPage *self)
{
  g_return_val_if_fail (PLAZA_IS_REVIEW_PAGE (self), FALSE);
  return self->busy > 0;
}

gboolean
plaza_review_page_get_loaded (PlazaReviewPage *self)
{
  g_return_val_if_fail (PLAZA_IS_REVIEW_PAGE (self), FALSE);
  return self->loaded && self->busy == 0;
}

gboolean
plaza_review_page_set_quarter (PlazaReviewPage *self,
                               const char      *quarter)
{
  g_return_val_if_fail (PLAZA_IS_REVIEW_PAGE (self), FALSE);
  for (guint i = 0; i < N_QUARTERS; i++)
    if (g_strcmp0 (self->quarters[i], quarter) == 0)
      {
        gtk_drop_down_set_selected (self->quarter, i);
        return TRUE;
      }
  return FALSE;
}

const char *
plaza_review_page_get_quarter (PlazaReviewPage *self)
{
  guint i;

  g_return_val_if_fail (PLAZA_IS_REVIEW_PAGE (self), NULL);
  i = gtk_drop_down_get_selected (self->quarter);
  return self->quarters[MIN (i, N_QUARTERS - 1)];
}

void
plaza_review_page_build (PlazaReviewPage *self)
{
  g_return_if_fail (PLAZA_IS_REVIEW_PAGE (self));
  run (self, job_new (JOB_BUILD));
}

void
plaza_review_page_set_proposal (PlazaReviewPage *self,
                                gint64           review_id,
                                const char      *proposal,
                                const char      *note)
{
  PlazaReviewRow *row = find_row (self, review_id);
  Job *job;

  g_return_if_fail (PLAZA_IS_REVIEW_PAGE (self));
  if (row == NULL)
    return;
  job = job_new (JOB_PROPOSAL);
  job->id = review_id;
  job->rev = row->rev;
  job->proposal = g_strdup (proposal);
  job->note = g_strdup (note);
  run (self, job);
}

void
plaza_review_page_decide (PlazaReviewPage *self,
                          gint64           review_id,
                          gboolean         approve,
                          const char      *comment)
{
  PlazaReviewRow *row = find_row (self, review_id);
  Job *job;

  g_return_if_fail (PLAZA_IS_REVIEW_PAGE (self));
  if (row == NULL)
    return;
  job = job_new (JOB_DECIDE);
  job->id = review_id;
  job->rev = row->rev;
  job->approve = approve;
  job->note = g_strdup (comment);
  run (self, job);
}

void
plaza_review_page_decide_all (PlazaReviewPage *self,
                              gboolean         approve,
                              const char      *comment)
{
  Job *job = job_new (JOB_DECIDE_ALL);

  g_return_if_fail (PLAZA_IS_REVIEW_PAGE (self));
  job->approve = approve;
  job->note = g_strdup (comment);
  run (self, job);
}

static gboolean
eviction_closed_cb (PlazaReviewPage *self)
{
  plaza_review_page_invalidate (self);
  return FALSE;
}

GtkWindow *
plaza_review_page_open_eviction (PlazaReviewPage *self,
                                 gint64           review_id)
{
  PlazaReviewRow *row = find_row (self, review_id);
  g_autofree char *title = NULL;
  PlazaEvictionWindow *window;

  g_return_val_if_fail (PLAZA_IS_REVIEW_PAGE (self), NULL);
  if (row == NULL)
    return NULL;
  title = g_strdup_printf ("%s %s", row->tenant_code, row->tenant_name);
  window = plaza_eviction_window_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->worker,
                                      row->eviction_id, row->contract_id, row->eviction_id > 0 ? 0 : row->id, title);
  g_signal_connect_object (window, "close-request", G_CALLBACK (eviction_closed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

GPtrArray *
plaza_review_page_get_rows (PlazaReviewPage *self)
{
  g_return_val_if_fail (PLAZA_IS_REVIEW_PAGE (self), NULL);
  return self->rows;
}

/* ---- building ---- */

static void
quarter_changed_cb (PlazaReviewPage *self)
{
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  self->loaded = FALSE;
  if (self->worker != NULL)
    run (self, job_new (JOB_LOAD));
}

static void
approve_all_response_cb (AdwMessageDialog *dialog G_GNUC_UNUSED,
                         const char       *response,
                         PlazaReviewPage  *self)
{
  if (g_strcmp0 (response, "approve") == 0)
    plaza_review_page_decide_all (self, TRUE, NULL);
}

static void
approve_all_clicked_cb (PlazaReviewPage *self)
{
  g_autofree char *heading = g_strdup_printf (_("Approve the Review of %s?"), plaza_review_page_get_quarter (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading,
                                              _("Every proposal not yet decided is approved; approved rows are final."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "approve", _("_Approve All"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "approve", ADW_RESPONSE_SUGGESTED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (approve_all_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
plaza_review_page_dispose (GObject *object)
{
  PlazaReviewPage *self = PLAZA_REVIEW_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->worker);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  for (guint i = 0; i < N_QUARTERS; i++)
    g_clear_pointer (&self->quarters[i], g_free);
  G_OBJECT_CLASS (plaza_review_page_parent_class)->dispose (object);
}

static void
plaza_review_page_class_init (PlazaReviewPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = plaza_review_page_dispose;
}

static void
plaza_review_page_init (PlazaReviewPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *label = gtk_label_new_with_mnemonic (_("_Quarter"));
  GtkWidget *status_build;
  char *quarter;

  self->cancellable = g_cancellable_new ();
  /* The current quarter and the seven before it, newest first. */
  quarter = plaza_review_quarter_of (today);
  for (guint i = 0; i < N_QUARTERS; i++)
    {
      self->quarters[i] = quarter;
      quarter = plaza_review_quarter_before (quarter);
    }
  g_free (quarter);

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 6);
  gtk_widget_set_margin_bottom (bar, 6);
  self->quarter = GTK_DROP_DOWN (gtk_drop_down_new_from_strings ((const char * const *) self->quarters));
  gtk_drop_down_set_selected (self->quarter, 1);   /* the last ended quarter */
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->quarter));
  self->build_button = gtk_button_new_with_mnemonic (_("_Build"));
  self->approve_all_button = gtk_button_new_with_mnemonic (_("_Approve All…"));
  gtk_widget_add_css_class (self->approve_all_button, "suggested-action");
  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_box_append (GTK_BOX (bar), label);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->quarter));
  gtk_box_append (GTK_BOX (bar), self->build_button);
  gtk_box_append (GTK_BOX (bar), spacer);
  gtk_box_append (GTK_BOX (bar), self->approve_all_button);
  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  self->status = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->status, "view-list-bullet-symbolic");
  adw_status_page_set_title (self->status, _("No Review Yet"));
  status_build = gtk_button_new_with_mnemonic (_("_Build the Review"));
  gtk_widget_set_halign (status_build, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (status_build, "pill");
  gtk_widget_add_css_class (status_build, "suggested-action");
  adw_status_page_set_child (self->status, status_build);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->status), "status");
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_list_box_set_show_separators (self->list, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));
  gtk_stack_add_named (self->stack, scrolled, "list");
  gtk_stack_set_visible_child_name (self->stack, "status");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));
  adw_toast_overlay_set_child (self->toasts, box);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->toasts));

  g_signal_connect_swapped (self->build_button, "clicked", G_CALLBACK (plaza_review_page_build), self);
  g_signal_connect_swapped (status_build, "clicked", G_CALLBACK (plaza_review_page_build), self);
  g_signal_connect_swapped (self->approve_all_button, "clicked", G_CALLBACK (approve_all_clicked_cb), self);
  g_signal_connect_swapped (self->quarter, "notify::selected", G_CALLBACK (quarter_changed_cb), self);
  update_buttons (self);
}

GtkWidget *
plaza_review_page_new (void)
{
  return g_object_new (PLAZA_TYPE_REVIEW_PAGE, NULL);
}
