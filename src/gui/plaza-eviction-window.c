/* plaza-eviction-window.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The eviction window (see plaza-eviction-window.h): three groups, one per
 * step (notice, handover, completion), each enabled when its step is next.
 * After every write the eviction and its settlement preview are reloaded.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-date.h"
#include "plaza-role-guard.h"
#include "plaza-eviction-window.h"
#include "plaza-money.h"
#include "plaza-review.h"

struct _PlazaEvictionWindow
{
  AdwWindow                parent_instance;

  PlazaWorker             *worker;
  GCancellable            *cancellable;
  gint64                   eviction_id;
  gint64                   contract_id;
  gint64                   review_id;
  guint                    busy;
  int                      last_kind;
  PlazaEviction           *eviction;
  PlazaEvictionSettlement  settlement;

  AdwToastOverlay         *toasts;
  AdwActionRow            *tenant_row;
  AdwActionRow            *state_row;
  AdwEntryRow             *notice_date;
  AdwEntryRow             *deadline;
  AdwEntryRow             *reason;
  GtkWidget               *notice_button;
  GtkWidget               *letter_button;
  AdwEntryRow             *handover_date;
  AdwEntryRow             *handover_notes;
  GtkWidget               *handover_button;
  AdwActionRow            *settlement_row;
  GtkWidget               *complete_button;
};

G_DEFINE_FINAL_TYPE (PlazaEvictionWindow, plaza_eviction_window, ADW_TYPE_WINDOW)

typedef enum
{
  JOB_LOAD,
  JOB_NOTIFY,
  JOB_HANDOVER,
  JOB_COMPLETE,
  JOB_LETTER,
} JobKind;

typedef struct
{
  JobKind   kind;
  gint64    id;
  gint64    rev;
  gint64    contract_id;
  gint64    review_id;
  char     *a;   /* notice date, handover date, or the PDF path */
  char     *b;   /* deadline or notes */
  char     *c;   /* reason */
} Job;

typedef struct
{
  gint64                   id;
  PlazaEviction           *eviction;
  PlazaEvictionSettlement  settlement;
} Loaded;

static void
job_free (Job *job)
{
  g_free (job->a);
  g_free (job->b);
  g_free (job->c);
  g_free (job);
}

static void
loaded_free (Loaded *loaded)
{
  g_clear_pointer (&loaded->eviction, plaza_eviction_free);
  g_free (loaded);
}

static gpointer
eviction_job (PlazaStore   *store,
              gpointer      data,
              GCancellable *cancellable G_GNUC_UNUSED,
              GError      **error)
{
  Job *job = data;
  Loaded *loaded = g_new0 (Loaded, 1);
  gboolean ok = TRUE;

  loaded->id = job->id;
  switch (job->kind)
    {
    case JOB_NOTIFY:
      if (job->review_id > 0 && (job->c == NULL || *job->c == '\0'))
        ok = plaza_eviction_from_review (store, job->review_id, job->a, job->b, &loaded->id, error);
      else
        ok = plaza_eviction_notify (store, job->contract_id, job->a, job->b, job->c, &loaded->id, error);
      break;
    case JOB_HANDOVER:
      ok = plaza_eviction_handover (store, job->id, job->rev, job->a, job->b, error);
      break;
    case JOB_COMPLETE:
      ok = plaza_eviction_complete (store, job->id, job->rev, NULL, error);
      break;
    case JOB_LETTER:
      ok = plaza_eviction_notice_pdf (store, job->id, job->a, error);
      break;
    case JOB_LOAD:
    default:
      break;
    }
  if (ok && loaded->id > 0)
    ok = plaza_eviction_get (store, loaded->id, &loaded->eviction, error) &&
         plaza_eviction_preview (store, loaded->id, &loaded->settlement, error);
  if (!ok)
    {
      loaded_free (loaded);
      return NULL;
    }
  return loaded;
}

static void
toast (PlazaEvictionWindow *self,
       const char          *text)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (text));
}

char *
plaza_eviction_window_describe_completion (PlazaEvictionWindow *self)
{
  const PlazaEvictionSettlement *s = &self->settlement;
  g_autofree char *deposit = plaza_money_format (s->deposit, TRUE);
  g_autofree char *offset = plaza_money_format (s->offset, TRUE);
  g_autofree char *open = plaza_money_format (s->open, TRUE);
  g_autofree char *refund = plaza_money_format (s->refund, TRUE);
  const PlazaEviction *e = self->eviction;

  if (e == NULL)
    return g_strdup ("");
  /* Translators: the contract code, the handover date; the deposit, the
   * part set against the arrears, the arrears, the refund; the units. */
  return g_strdup_printf (_("Contract %s will be terminated on %s.\n"
                            "The deposit of %s pays %s of the arrears of %s; %s is refunded.\n"
                            "Units %s become vacant."),
                          e->contract_code, e->handover_date != NULL ? e->handover_date : "—",
                          deposit, offset, open, refund, *e->units != '\0' ? e->units : "—");
}

static void
update (PlazaEvictionWindow *self)
{
  const PlazaEviction *e = self->eviction;
  const char *state = e != NULL ? e->state : NULL;
  gboolean idle = self->busy == 0 && self->worker != NULL && !plaza_worker_is_read_only (self->worker);
  gboolean open = state == NULL || g_str_equal (state, "notified") || g_str_equal (state, "handed_over");

  if (e != NULL)
    {
      g_autofree char *tenant = g_strdup_printf ("%s %s", e->tenant_code, e->tenant_name);
      g_autofree char *contract = g_strdup_printf (_("Contract %s · units %s · %s to %s"), e->contract_code,
                                                   *e->units != '\0' ? e->units : "—", e->contract_start, e->contract_end);
      g_autofree char *text = NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->tenant_row), tenant);
      adw_action_row_set_subtitle (self->tenant_row, contract);
      adw_action_row_set_subtitle (self->state_row, plaza_eviction_state_label (e->state));
      if (g_str_equal (e->state, "settled"))
        text = g_strdup (_("Completed: the contract is terminated, the deposit settled and the units vacant."));
      else
        {
          g_autofree char *deposit = plaza_money_format (self->settlement.deposit, TRUE);
          g_autofree char *offset = plaza_money_format (self->settlement.offset, TRUE);
          g_autofree char *refund = plaza_money_format (self->settlement.refund, TRUE);

          text = g_strdup_printf (_("Deposit %s: %s against arrears, %s refunded; %u units to be vacant"),
                                  deposit, offset, refund, self->settlement.n_units);
        }
      adw_action_row_set_subtitle (self->settlement_row, text);
    }
  gtk_widget_set_sensitive (self->notice_button, idle && e == NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->notice_date), e == NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->deadline), e == NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->reason), e == NULL);
  gtk_widget_set_sensitive (self->letter_button, idle && e != NULL && open);
  gtk_widget_set_sensitive (self->handover_button, idle && e != NULL && open);
  gtk_widget_set_sensitive (GTK_WIDGET (self->handover_date), e != NULL && open);
  gtk_widget_set_sensitive (GTK_WIDGET (self->handover_notes), e != NULL && open);
  gtk_widget_set_sensitive (self->complete_button, idle && e != NULL && g_str_equal (state, "handed_over"));
}

static void
job_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(PlazaEvictionWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  Loaded *loaded = plaza_worker_run_finish (PLAZA_WORKER (source), result, &error);

  self->busy--;
  if (loaded == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error != NULL ? error->message : _("Failed"));
      update (self);
      return;
    }
  self->eviction_id = loaded->id;
  g_clear_pointer (&self->eviction, plaza_eviction_free);
  self->eviction = g_steal_pointer (&loaded->eviction);
  self->settlement = loaded->settlement;
  loaded_free (loaded);
  if (self->eviction != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->notice_date), self->eviction->notice_date);
      gtk_editable_set_text (GTK_EDITABLE (self->deadline), self->eviction->deadline);
      gtk_editable_set_text (GTK_EDITABLE (self->reason), self->eviction->reason);
      if (self->eviction->handover_date != NULL)
        {
          gtk_editable_set_text (GTK_EDITABLE (self->handover_date), self->eviction->handover_date);
          gtk_editable_set_text (GTK_EDITABLE (self->handover_notes), self->eviction->handover_notes);
        }
    }
  if (self->last_kind == JOB_LETTER)
    toast (self, _("Notice letter saved"));
  else if (self->last_kind == JOB_COMPLETE)
    toast (self, _("Eviction completed: the contract is terminated and the deposit settled"));
  update (self);
}

static void
run (PlazaEvictionWindow *self,
     Job                 *job)
{
  if (self->worker == NULL)
    {
      job_free (job);
      return;
    }
  job->id = self->eviction_id;
  job->rev = self->eviction != NULL ? self->eviction->rev : 0;
  job->contract_id = self->contract_id;
  job->review_id = self->review_id;
  self->busy++;
  self->last_kind = job->kind;
  update (self);
  plaza_worker_run_async (self->worker, eviction_job, job, (GDestroyNotify) job_free, self->cancellable,
                          job_done_cb, g_object_ref (self));
}

static Job *
job_new (JobKind kind)
{
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  return job;
}

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

void
plaza_eviction_window_set_notice (PlazaEvictionWindow *self,
                                  const char          *notice_date,
                                  const char          *deadline,
                                  const char          *reason)
{
  g_return_if_fail (PLAZA_IS_EVICTION_WINDOW (self));
  gtk_editable_set_text (GTK_EDITABLE (self->notice_date), notice_date != NULL ? notice_date : "");
  gtk_editable_set_text (GTK_EDITABLE (self->deadline), deadline != NULL ? deadline : "");
  gtk_editable_set_text (GTK_EDITABLE (self->reason), reason != NULL ? reason : "");
}

void
plaza_eviction_window_send_notice (PlazaEvictionWindow *self)
{
  Job *job = job_new (JOB_NOTIFY);

  g_return_if_fail (PLAZA_IS_EVICTION_WINDOW (self));
  job->a = g_strdup (text_of (self->notice_date));
  job->b = g_strdup (text_of (self->deadline));
  job->c = g_strdup (text_of (self->reason));
  run (self, job);
}

void
plaza_eviction_window_set_handover (PlazaEvictionWindow *self,
                                    const char          *date,
                                    const char          *notes)
{
  g_return_if_fail (PLAZA_IS_EVICTION_WINDOW (self));
  gtk_editable_set_text (GTK_EDITABLE (self->handover_date), date != NULL ? date : "");
  gtk_editable_set_text (GTK_EDITABLE (self->handover_notes), notes != NULL ? notes : "");
}

void
plaza_eviction_window_record_handover (PlazaEvictionWindow *self)
{
  Job *job = job_new (JOB_HANDOVER);

  g_return_if_fail (PLAZA_IS_EVICTION_WINDOW (self));
  job->a = g_strdup (text_of (self->handover_date));
  job->b = g_strdup (text_of (self->handover_notes));
  run (self, job);
}

void
plaza_eviction_window_complete (PlazaEvictionWindow *self)
{
  g_return_if_fail (PLAZA_IS_EVICTION_WINDOW (self));
  run (self, job_new (JOB_COMPLETE));
}

void
plaza_eviction_window_write_notice (PlazaEvictionWindow *self,
                                    const char          *path)
{
  Job *job = job_new (JOB_LETTER);

  g_return_if_fail (PLAZA_IS_EVICTION_WINDOW (self));
  job->a = g_strdup (path);
  run (self, job);
}

gboolean
plaza_eviction_window_get_busy (PlazaEvictionWindow *self)
{
  g_return_val_if_fail (PLAZA_IS_EVICTION_WINDOW (self), FALSE);
  return self->busy > 0;
}

const PlazaEviction *
plaza_eviction_window_get_eviction (PlazaEvictionWindow *self)
{
  g_return_val_if_fail (PLAZA_IS_EVICTION_WINDOW (self), NULL);
  return self->eviction;
}

const PlazaEvictionSettlement *
plaza_eviction_window_get_settlement (PlazaEvictionWindow *self)
{
  g_return_val_if_fail (PLAZA_IS_EVICTION_WINDOW (self), NULL);
  return &self->settlement;
}

/* ---- the buttons ---- */

static void
complete_response_cb (AdwMessageDialog    *dialog G_GNUC_UNUSED,
                      const char          *response,
                      PlazaEvictionWindow *self)
{
  if (g_strcmp0 (response, "complete") == 0)
    plaza_eviction_window_complete (self);
}

static void
complete_clicked_cb (PlazaEvictionWindow *self)
{
  g_autofree char *body = plaza_eviction_window_describe_completion (self);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (self->eviction == NULL)
    return;
  heading = g_strdup_printf (_("Complete the Eviction of %s?"), self->eviction->tenant_name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "complete", _("_Complete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "complete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (complete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
letter_response_cb (GtkNativeDialog     *chooser,
                    int                  response,
                    PlazaEvictionWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        plaza_eviction_window_write_notice (self, path);
    }
  g_object_unref (chooser);
}

static void
letter_clicked_cb (PlazaEvictionWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;
  GtkFileFilter *filter;

  if (self->eviction == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Notice Letter (PDF)"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  name = g_strdup_printf ("清退通知书-%s.pdf", self->eviction->contract_code);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_pattern (filter, "*.pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (letter_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- building ---- */

static AdwEntryRow *
entry_row (AdwPreferencesGroup *group,
           const char          *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_group_add (group, row);
  return ADW_ENTRY_ROW (row);
}

static GtkWidget *
group_button (AdwPreferencesGroup *group,
              const char          *label,
              const char          *css)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  if (css != NULL)
    gtk_widget_add_css_class (button, css);
  adw_preferences_group_set_header_suffix (group, button);
  return button;
}

static void
plaza_eviction_window_dispose (GObject *object)
{
  PlazaEvictionWindow *self = PLAZA_EVICTION_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->worker);
  g_clear_pointer (&self->eviction, plaza_eviction_free);
  G_OBJECT_CLASS (plaza_eviction_window_parent_class)->dispose (object);
}

static void
plaza_eviction_window_class_init (PlazaEvictionWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = plaza_eviction_window_dispose;
}

static void
plaza_eviction_window_init (PlazaEvictionWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *page = adw_preferences_page_new ();
  AdwPreferencesGroup *who = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *notice = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *handover = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *complete = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->cancellable = g_cancellable_new ();
  gtk_window_set_default_size (GTK_WINDOW (self), 620, 720);

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_toast_overlay_set_child (self->toasts, box);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toasts));

  self->tenant_row = ADW_ACTION_ROW (adw_action_row_new ());
  self->state_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->state_row), _("State"));
  adw_action_row_set_subtitle (self->state_row, _("No notice yet"));
  adw_preferences_group_add (who, GTK_WIDGET (self->tenant_row));
  adw_preferences_group_add (who, GTK_WIDGET (self->state_row));

  adw_preferences_group_set_title (notice, _("Notice"));
  adw_preferences_group_set_description (notice, _("The deadline is 30 days after the notice unless given."));
  self->notice_date = entry_row (notice, _("Notice date"));
  self->deadline = entry_row (notice, _("Deadline"));
  self->reason = entry_row (notice, _("Reason"));
  self->notice_button = gtk_button_new_with_mnemonic (_("_Send Notice"));
  gtk_widget_add_css_class (self->notice_button, "suggested-action");
  self->letter_button = gtk_button_new_with_mnemonic (_("Notice _Letter (PDF)…"));
  gtk_box_append (GTK_BOX (buttons), self->letter_button);
  gtk_box_append (GTK_BOX (buttons), self->notice_button);
  gtk_widget_set_valign (buttons, GTK_ALIGN_CENTER);
  adw_preferences_group_set_header_suffix (notice, buttons);

  adw_preferences_group_set_title (handover, _("Handover"));
  adw_preferences_group_set_description (handover, _("The units handed back: the contract ends on this day."));
  self->handover_date = entry_row (handover, _("Handover date"));
  self->handover_notes = entry_row (handover, _("Notes"));
  self->handover_button = group_button (handover, _("Record _Handover"), NULL);

  adw_preferences_group_set_title (complete, _("Completion"));
  self->settlement_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->settlement_row), _("Settlement"));
  adw_preferences_group_add (complete, GTK_WIDGET (self->settlement_row));
  self->complete_button = group_button (complete, _("_Complete…"), "destructive-action");

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), who);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), notice);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), handover);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), complete);

  g_signal_connect_swapped (self->notice_button, "clicked", G_CALLBACK (plaza_eviction_window_send_notice), self);
  g_signal_connect_swapped (self->letter_button, "clicked", G_CALLBACK (letter_clicked_cb), self);
  g_signal_connect_swapped (self->handover_button, "clicked", G_CALLBACK (plaza_eviction_window_record_handover), self);
  g_signal_connect_swapped (self->complete_button, "clicked", G_CALLBACK (complete_clicked_cb), self);
}

PlazaEvictionWindow *
plaza_eviction_window_new (GtkWindow   *parent,
                           PlazaWorker *worker,
                           gint64       eviction_id,
                           gint64       contract_id,
                           gint64       review_id,
                           const char  *title)
{
  PlazaEvictionWindow *self = g_object_new (PLAZA_TYPE_EVICTION_WINDOW, NULL);
  g_autofree char *window_title = g_strdup_printf (_("Eviction — %s"), title != NULL ? title : "");

  gtk_window_set_title (GTK_WINDOW (self), window_title);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  self->worker = worker != NULL ? g_object_ref (worker) : NULL;
  self->eviction_id = eviction_id;
  self->contract_id = contract_id;
  self->review_id = review_id;
  plaza_role_guard (self->notice_button, self->worker, "eviction", "notify");
  plaza_role_guard (self->handover_button, self->worker, "eviction", "handover");
  plaza_role_guard (self->complete_button, self->worker, "eviction", "complete");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->tenant_row), title != NULL ? title : "");
  if (eviction_id > 0)
    run (self, job_new (JOB_LOAD));
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autoptr(GDateTime) later = g_date_time_add_days (now, PLAZA_EVICTION_NOTICE_DAYS);
      g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
      g_autofree char *deadline = g_date_time_format (later, "%Y-%m-%d");

      gtk_editable_set_text (GTK_EDITABLE (self->notice_date), today);
      gtk_editable_set_text (GTK_EDITABLE (self->deadline), deadline);
      if (review_id > 0)
        gtk_widget_set_tooltip_text (GTK_WIDGET (self->reason), _("Empty: the reason from the quarterly review"));
      update (self);
    }
  return self;
}
