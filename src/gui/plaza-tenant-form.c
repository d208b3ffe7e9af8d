/* plaza-tenant-form.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PlazaTenantForm: a tenant's archive, editable. This file holds the type,
 * the worker jobs (every read and write is a core call in a
 * plaza_worker_run_async job), loading, Save (Ctrl+S) and the answer to a
 * rev conflict (the shared plaza-conflict-dialog: reload, or save over the
 * other change) or to a busy file (a toast with Retry). The fields are
 * built in -fields.c, the lists in -lists.c.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-attachment.h"
#include "plaza-change-log.h"
#include "plaza-role-guard.h"
#include "plaza-conflict-dialog.h"
#include "plaza-lock-wait-bar.h"
#include "plaza-tenant-form-private.h"

G_DEFINE_FINAL_TYPE (PlazaTenantForm, plaza_tenant_form, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_BUSY,
  PROP_DIRTY,
  N_PROPS
};

enum
{
  SIGNAL_SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
form_data_free (FormData *d)
{
  if (d == NULL)
    return;
  plaza_tenant_free (d->tenant);
  g_clear_pointer (&d->categories, g_ptr_array_unref);
  g_clear_pointer (&d->library, g_ptr_array_unref);
  g_clear_pointer (&d->complaints, g_ptr_array_unref);
  g_clear_pointer (&d->attachments, g_ptr_array_unref);
  g_free (d);
}

FormJob *
plaza_tenant_form_job_new (FormJobKind kind,
                           gint64      target)
{
  FormJob *job = g_new0 (FormJob, 1);

  job->kind = kind;
  job->target = target;
  return job;
}

static void
job_free (FormJob *job)
{
  plaza_tenant_free (job->tenant);
  plaza_tenant_contact_free (job->contact);
  plaza_brand_free (job->brand);
  plaza_complaint_free (job->complaint);
  g_free (job->text);
  g_free (job);
}

static gpointer
load_data (PlazaStore *store,
           gint64      id,
           GError    **error)
{
  FormData *d = g_new0 (FormData, 1);

  /* Read first: a save between this and the load shows up as theirs. */
  d->seq = MAX (plaza_change_log_last_seq (store, NULL), 0);
  d->tenant = id > 0 ? plaza_tenant_load (store, id, error) : plaza_tenant_new ();
  if (d->tenant == NULL
      || (d->categories = plaza_tenant_categories (store, error)) == NULL
      || (d->library = plaza_brand_list (store, NULL, error)) == NULL
      || (d->complaints = id > 0 ? plaza_complaint_list (store, id, error)
                                 : g_ptr_array_new_with_free_func ((GDestroyNotify) plaza_complaint_free)) == NULL
      || (d->attachments = id > 0 ? plaza_attachment_list (store, "tenant", id, error)
                                  : g_ptr_array_new_with_free_func ((GDestroyNotify) plaza_attachment_free)) == NULL)
    {
      form_data_free (d);
      return NULL;
    }
  return d;
}

/* Save Mine Over Theirs on a contact or a complaint: the rev it has now. */
static gboolean
current_rev (PlazaStore *store,
             FormJob    *job,
             GError    **error)
{
  gint64 target = job->kind == FORM_JOB_CONTACT ? job->contact->id : job->target;

  if (job->kind == FORM_JOB_RESOLVE || job->kind == FORM_JOB_REOPEN)
    {
      g_autoptr(GPtrArray) rows = plaza_complaint_list (store, job->id, error);

      for (guint i = 0; rows != NULL && i < rows->len; i++)
        if (((PlazaComplaint *) rows->pdata[i])->id == target)
          job->rev = ((PlazaComplaint *) rows->pdata[i])->rev;
    }
  else
    {
      g_autoptr(PlazaTenant) tenant = plaza_tenant_load (store, job->id, error);

      for (guint i = 0; tenant != NULL && i < tenant->contacts->len; i++)
        if (((PlazaTenantContact *) tenant->contacts->pdata[i])->id == target)
          job->rev = ((PlazaTenantContact *) tenant->contacts->pdata[i])->rev;
    }
  if (job->rev >= 0)
    {
      if (job->contact != NULL)
        job->contact->rev = job->rev;
      return TRUE;
    }
  if (error != NULL && *error == NULL)
    g_set_error_literal (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_NOT_FOUND,
                         _("The record was removed by someone else. Reload and try again."));
  return FALSE;
}

static gpointer
job_func (PlazaStore    *store,
          gpointer       data,
          GCancellable  *cancellable G_GNUC_UNUSED,
          GError       **error)
{
  FormJob *job = data;
  g_autoptr(PlazaAttachment) attachment = NULL;
  GDate day;

  switch (job->kind)
    {
    case FORM_JOB_LOAD:
      return load_data (store, job->id, error);
    case FORM_JOB_SAVE_OVER:
      {
        g_autoptr(PlazaTenant) current = plaza_tenant_load (store, job->tenant->id, error);

        if (current == NULL)
          return NULL;
        job->tenant->rev = current->rev;
      }
      G_GNUC_FALLTHROUGH;
    case FORM_JOB_SAVE:
      if (job->tenant->id == 0 ? !plaza_tenant_create (store, job->tenant, error)
                               : !plaza_tenant_update (store, job->tenant, error))
        return NULL;
      return load_data (store, job->tenant->id, error);
    case FORM_JOB_CONTACT:
      if (job->rev < 0 && !current_rev (store, job, error))
        return NULL;
      return plaza_tenant_contact_save (store, job->contact, error) ? GINT_TO_POINTER (1) : NULL;
    case FORM_JOB_CONTACT_REMOVE:
      if (job->rev < 0 && !current_rev (store, job, error))
        return NULL;
      return plaza_tenant_contact_remove (store, job->target, job->rev, error) ? GINT_TO_POINTER (1) : NULL;
    case FORM_JOB_NEW_BRAND:
      if (!plaza_brand_save (store, job->brand, error))
        return NULL;
      job->target = job->brand->id;
      G_GNUC_FALLTHROUGH;
    case FORM_JOB_LINK:
    case FORM_JOB_UNLINK:
      return plaza_tenant_link_brand (store, job->id, job->target, job->kind != FORM_JOB_UNLINK, error)
             ? GINT_TO_POINTER (1) : NULL;
    case FORM_JOB_COMPLAINT:
      return plaza_complaint_save (store, job->complaint, error) ? GINT_TO_POINTER (1) : NULL;
    case FORM_JOB_RESOLVE:
    case FORM_JOB_REOPEN:
      if (job->kind == FORM_JOB_RESOLVE && !plaza_date_parse (job->text, &day))
        return NULL;
      if (job->rev < 0 && !current_rev (store, job, error))
        return NULL;
      return plaza_complaint_set_resolved (store, job->target, job->rev,
                                           job->kind == FORM_JOB_RESOLVE ? &day : NULL, error) > 0
             ? GINT_TO_POINTER (1) : NULL;
    case FORM_JOB_ATTACH:
      return plaza_attachment_add (store, "tenant", job->id, job->text, error) > 0 ? GINT_TO_POINTER (1) : NULL;
    case FORM_JOB_OPEN_ATTACHMENT:
      attachment = plaza_attachment_get (store, job->target, error);
      if (attachment == NULL || !plaza_attachment_check (store, job->target, error))
        return NULL;
      return plaza_attachment_dup_path (store, attachment);
    case FORM_JOB_REMOVE_ATTACHMENT:
      return plaza_attachment_remove (store, "tenant", job->id, job->target, error) ? GINT_TO_POINTER (1) : NULL;
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

typedef struct
{
  PlazaTenantForm *self;
  FormJobKind      kind;
  char            *message;
  FormJob         *again;     /* a contact or a complaint: a copy for Save Mine Over Theirs */
} JobCall;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FormJob, job_free)

static void reload (PlazaTenantForm *self);

static FormJob *
job_copy (const FormJob *job)
{
  FormJob *copy = plaza_tenant_form_job_new (job->kind, job->target);

  copy->id = job->id;
  copy->rev = job->rev;
  copy->text = g_strdup (job->text);
  if (job->contact != NULL)
    {
      copy->contact = g_new0 (PlazaTenantContact, 1);
      *copy->contact = *job->contact;
      copy->contact->name = g_strdup (job->contact->name);
      copy->contact->role = g_strdup (job->contact->role);
      copy->contact->phone = g_strdup (job->contact->phone);
      copy->contact->email = g_strdup (job->contact->email);
    }
  return copy;
}

/* The answer to the conflict dialog about a contact or a complaint. */
static void
item_conflict_answer_cb (GObject               *owner,
                         PlazaConflictResponse  response)
{
  PlazaTenantForm *self = PLAZA_TENANT_FORM (owner);
  FormJob *again = g_object_steal_data (owner, "plaza-form-again");

  if (response == PLAZA_CONFLICT_RELOAD)
    reload (self);
  else if (response == PLAZA_CONFLICT_SAVE_OVER && again != NULL)
    {
      again->rev = -1;   /* job_func: at the rev it has now */
      plaza_tenant_form_run (self, g_steal_pointer (&again), _("Saved over the other change"));
    }
  if (again != NULL)
    job_free (again);
}

static void
set_busy (PlazaTenantForm *self,
          gboolean         busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  plaza_tenant_form_update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

void
plaza_tenant_form_toast (PlazaTenantForm *self,
                         const char      *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 4);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static void
show_error (PlazaTenantForm *self,
            const GError    *error)
{
  AdwToast *toast = adw_toast_new (error->message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static void save (PlazaTenantForm *self);

/* The answer to the shared conflict dialog (plaza-conflict-dialog.h). */
static void
conflict_answer_cb (GObject               *owner,
                    PlazaConflictResponse  response)
{
  PlazaTenantForm *self = PLAZA_TENANT_FORM (owner);

  if (response == PLAZA_CONFLICT_RELOAD)
    {
      plaza_tenant_form_set_dirty (self, FALSE);
      reload (self);
    }
  else if (response == PLAZA_CONFLICT_SAVE_OVER && self->data != NULL)
    {
      FormJob *job = plaza_tenant_form_job_new (FORM_JOB_SAVE_OVER, 0);

      job->tenant = plaza_tenant_form_collect (self);
      plaza_tenant_form_run (self, job, _("Saved over the other change"));
    }
}

static void
show_conflict (PlazaTenantForm *self,
               const GError    *error)
{
  plaza_conflict_dialog_show (GTK_WIDGET (self), self->worker, "tenant", self->id,
                              self->data != NULL ? self->data->seq : 0, error, conflict_answer_cb, G_OBJECT (self));
}

static void
show_busy (PlazaTenantForm *self)
{
  adw_toast_overlay_add_toast (self->toasts, plaza_conflict_busy_toast_new (G_CALLBACK (save), self));
}

/* A reload after a list change (a contact, a brand …) while the fields
 * have unsaved edits keeps those edits and the rev they were loaded at, so
 * that Save still notices someone else's save in between. */
static void
take_data (PlazaTenantForm *self,
           FormData        *data,
           gboolean         keep_fields)
{
  if (keep_fields && self->dirty && self->data != NULL && self->data->tenant->id == data->tenant->id)
    {
      PlazaTenant *old = g_steal_pointer (&self->data->tenant);
      GPtrArray *swap;
      char *tier;

      swap = old->contacts, old->contacts = data->tenant->contacts, data->tenant->contacts = swap;
      swap = old->brands, old->brands = data->tenant->brands, data->tenant->brands = swap;
      tier = old->tier, old->tier = data->tenant->tier, data->tenant->tier = tier;
      plaza_tenant_free (data->tenant);
      data->tenant = old;
      data->seq = self->data->seq;   /* the rev and seq the fields were loaded at */
      form_data_free (self->data);
      self->data = data;
      plaza_tenant_form_fill_lists (self);
      plaza_tenant_form_update_state (self);
      return;
    }
  form_data_free (self->data);
  self->data = data;
  self->id = data->tenant->id;
  self->filling = TRUE;
  plaza_tenant_form_fill_fields (self);
  plaza_tenant_form_fill_lists (self);
  self->filling = FALSE;
  plaza_tenant_form_set_dirty (self, FALSE);
  plaza_tenant_form_update_state (self);
}

static void
job_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  JobCall *call = user_data;
  g_autoptr(PlazaTenantForm) self = call->self;
  g_autofree char *message = call->message;
  g_autoptr(FormJob) again = call->again;
  FormJobKind kind = call->kind;
  g_autoptr(GError) error = NULL;
  gpointer out = plaza_worker_run_finish (PLAZA_WORKER (source), result, &error);

  g_free (call);
  set_busy (self, FALSE);
  if (out == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if ((kind == FORM_JOB_SAVE || kind == FORM_JOB_SAVE_OVER)
          && g_error_matches (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_CONFLICT))
        {
          show_conflict (self, error);
          return;
        }
      if (again != NULL && g_error_matches (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_CONFLICT))
        {
          gboolean complaint = kind == FORM_JOB_RESOLVE || kind == FORM_JOB_REOPEN;

          plaza_conflict_dialog_show (GTK_WIDGET (self), self->worker, complaint ? "complaint" : "tenant",
                                      complaint ? again->target : self->id, self->data != NULL ? self->data->seq : 0,
                                      error, item_conflict_answer_cb, G_OBJECT (self));
          g_object_set_data_full (G_OBJECT (self), "plaza-form-again", g_steal_pointer (&again),
                                  (GDestroyNotify) job_free);
          return;
        }
      if ((kind == FORM_JOB_SAVE || kind == FORM_JOB_SAVE_OVER)
          && g_error_matches (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_BUSY))
        {
          show_busy (self);
          return;
        }
      if (error == NULL)
        error = g_error_new_literal (PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID, _("Enter a date like 2026-11-27."));
      show_error (self, error);
      return;
    }
  if (kind == FORM_JOB_OPEN_ATTACHMENT)
    {
      g_autofree char *path = out;
      g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
      g_autoptr(GdkAppLaunchContext) context =
        gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (self)));

      if (uri == NULL || !g_app_info_launch_default_for_uri (uri, G_APP_LAUNCH_CONTEXT (context), &error))
        {
          g_prefix_error (&error, _("Cannot open the attachment: "));
          show_error (self, error);
        }
      return;
    }
  if (kind == FORM_JOB_LOAD || kind == FORM_JOB_SAVE || kind == FORM_JOB_SAVE_OVER)
    {
      take_data (self, out, kind == FORM_JOB_LOAD);
      if (message != NULL)
        plaza_tenant_form_toast (self, message);
      if (kind != FORM_JOB_LOAD)
        g_signal_emit (self, signals[SIGNAL_SAVED], 0, self->id);
      return;
    }
  if (message != NULL)
    plaza_tenant_form_toast (self, message);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, self->id);
  reload (self);
}

gboolean
plaza_tenant_form_run (PlazaTenantForm *self,
                       FormJob         *job,
                       const char      *message)
{
  JobCall *call;

  if (self->busy || self->worker == NULL)
    {
      job_free (job);
      return FALSE;
    }
  job->id = self->id;
  call = g_new0 (JobCall, 1);
  call->self = g_object_ref (self);
  call->kind = job->kind == FORM_JOB_SAVE_OVER ? FORM_JOB_SAVE_OVER : job->kind;
  call->message = g_strdup (message);
  if (job->kind == FORM_JOB_CONTACT || job->kind == FORM_JOB_CONTACT_REMOVE
      || job->kind == FORM_JOB_RESOLVE || job->kind == FORM_JOB_REOPEN)
    {
      if (job->kind == FORM_JOB_CONTACT && job->rev == 0 && job->contact != NULL)
        job->rev = job->contact->rev;
      if (job->kind != FORM_JOB_CONTACT || job->contact->id > 0)
        call->again = job_copy (job);
    }
  set_busy (self, TRUE);
  plaza_worker_run_async (self->worker, job_func, job, (GDestroyNotify) job_free, self->cancellable,
                          job_done_cb, call);
  return TRUE;
}

static void
reload (PlazaTenantForm *self)
{
  FormJob *job = plaza_tenant_form_job_new (FORM_JOB_LOAD, 0);

  plaza_tenant_form_run (self, job, NULL);
}

static void
save (PlazaTenantForm *self)
{
  const char *reason = plaza_tenant_form_check (self);
  FormJob *job;

  if (self->busy || self->data == NULL)
    return;
  if (reason != NULL)
    {
      plaza_tenant_form_toast (self, reason);
      return;
    }
  job = plaza_tenant_form_job_new (FORM_JOB_SAVE, 0);
  job->tenant = plaza_tenant_form_collect (self);
  plaza_tenant_form_run (self, job, _("Tenant saved"));
}

static gboolean
save_shortcut_cb (GtkWidget *widget,
                  GVariant  *args G_GNUC_UNUSED,
                  gpointer   user_data G_GNUC_UNUSED)
{
  PlazaTenantForm *self = PLAZA_TENANT_FORM (widget);

  if (gtk_widget_get_mapped (widget))
    save (self);
  return TRUE;
}

void
plaza_tenant_form_set_dirty (PlazaTenantForm *self,
                             gboolean         dirty)
{
  if (self->filling)
    return;
  if (self->dirty != dirty)
    {
      self->dirty = dirty;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
    }
  plaza_tenant_form_update_state (self);
}

void
plaza_tenant_form_clear_children (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    {
      if (GTK_IS_LIST_BOX (box))
        gtk_list_box_remove (GTK_LIST_BOX (box), child);
      else
        gtk_widget_unparent (child);
    }
}

char *
plaza_tenant_form_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static void
plaza_tenant_form_dispose (GObject *object)
{
  PlazaTenantForm *self = PLAZA_TENANT_FORM (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->worker);
  g_clear_pointer (&self->data, form_data_free);
  G_OBJECT_CLASS (plaza_tenant_form_parent_class)->dispose (object);
}

static void
plaza_tenant_form_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PlazaTenantForm *self = PLAZA_TENANT_FORM (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plaza_tenant_form_class_init (PlazaTenantFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = plaza_tenant_form_dispose;
  object_class->get_property = plaza_tenant_form_get_property;

  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DIRTY] = g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

}

static void
plaza_tenant_form_init (PlazaTenantForm *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkShortcutController *shortcuts;

  self->cancellable = g_cancellable_new ();
  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->toasts));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  adw_toast_overlay_set_child (self->toasts, scrolled);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 760);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_margin_top (page, 18);
  gtk_widget_set_margin_bottom (page, 24);
  gtk_widget_set_margin_start (page, 12);
  gtk_widget_set_margin_end (page, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), page);

  /* The expiry banner (libadwaita 1.2 has no AdwBanner). */
  self->banner = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_widget_add_css_class (self->banner, "card");
  self->banner_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->banner_label, TRUE);
  gtk_label_set_xalign (self->banner_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->banner_label), "heading");
  gtk_widget_set_margin_top (GTK_WIDGET (self->banner_label), 10);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->banner_label), 10);
  gtk_widget_set_margin_start (GTK_WIDGET (self->banner_label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->banner_label), 12);
  gtk_box_append (GTK_BOX (self->banner), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  gtk_widget_set_margin_start (gtk_widget_get_first_child (self->banner), 12);
  gtk_box_append (GTK_BOX (self->banner), GTK_WIDGET (self->banner_label));
  gtk_widget_set_visible (self->banner, FALSE);
  gtk_box_append (GTK_BOX (page), self->banner);

  self->save_reason = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->save_reason, TRUE);
  gtk_label_set_xalign (self->save_reason, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->save_reason), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->save_reason), "dim-label");
  self->save_button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_set_tooltip_text (self->save_button, _("Save the archive (Ctrl+S)"));
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  gtk_widget_set_valign (self->save_button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (save), self);
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->save_reason));
  gtk_box_append (GTK_BOX (top), self->save_button);
  gtk_box_append (GTK_BOX (page), top);

  plaza_tenant_form_build_fields (self, GTK_BOX (page));
  plaza_tenant_form_build_lists (self, GTK_BOX (page));

  /* Ctrl+S anywhere in the window that holds the form. */
  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_set_scope (shortcuts, GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_s, GDK_CONTROL_MASK),
                                                          gtk_callback_action_new (save_shortcut_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (shortcuts));
  plaza_tenant_form_update_state (self);
}

GtkWidget *
plaza_tenant_form_new (PlazaWorker *worker,
                       gint64       tenant_id)
{
  PlazaTenantForm *self = g_object_new (PLAZA_TYPE_TENANT_FORM, NULL);

  self->worker = g_object_ref (worker);
  self->id = tenant_id;
  /* "Waiting for another computer to finish saving…" at the top. */
  plaza_lock_wait_bar_attach (GTK_BOX (gtk_widget_get_parent (self->banner)), NULL, worker);
  plaza_role_guard (self->save_button, worker, "tenant", tenant_id > 0 ? "edit" : "create");
  reload (self);
  return GTK_WIDGET (self);
}

gint64
plaza_tenant_form_get_id (PlazaTenantForm *self)
{
  g_return_val_if_fail (PLAZA_IS_TENANT_FORM (self), 0);
  return self->id;
}

gboolean
plaza_tenant_form_get_busy (PlazaTenantForm *self)
{
  g_return_val_if_fail (PLAZA_IS_TENANT_FORM (self), FALSE);
  return self->busy;
}

gboolean
plaza_tenant_form_get_dirty (PlazaTenantForm *self)
{
  g_return_val_if_fail (PLAZA_IS_TENANT_FORM (self), FALSE);
  return self->dirty;
}
