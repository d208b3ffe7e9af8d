/* plaza-tenant-window.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One tenant in its own window (issue 6), like a CRM record: a header
 * (avatar, name, code, category, brand tier, status, a licence warning and
 * the health score with its reasons) over two tabs, "Overview" — figures,
 * the sales trend and the sections of plaza-tenant-window-sections.c — and
 * "Archive", the editable PlazaTenantForm. Everything comes from one
 * plaza_tenant_view_load job in the worker; a new tenant (id 0) shows only
 * the archive until it is saved. One window per tenant: opening it again
 * presents the open one.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-history-window.h"
#include "plaza-list-page.h"
#include "plaza-live-banner.h"
#include "plaza-list-query.h"
#include "plaza-tenant-form.h"
#include "plaza-tenant-window-private.h"
#include "plaza-window.h"

G_DEFINE_FINAL_TYPE (PlazaTenantWindow, plaza_tenant_window, ADW_TYPE_WINDOW)

/* Open windows by tenant id (new tenants are not in it until saved). */
static GHashTable *open_windows;

static void
forget (PlazaTenantWindow *self)
{
  if (open_windows != NULL && self->id > 0 && g_hash_table_lookup (open_windows, &self->id) == self)
    g_hash_table_remove (open_windows, &self->id);
}

static void
remember (PlazaTenantWindow *self)
{
  gint64 *key;

  if (self->id <= 0)
    return;
  if (open_windows == NULL)
    open_windows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  key = g_new (gint64, 1);
  *key = self->id;
  g_hash_table_replace (open_windows, key, self);
}

static void
set_busy (PlazaTenantWindow *self,
          gboolean           busy)
{
  if (busy)
    self->busy++;
  else if (self->busy > 0)
    self->busy--;
  gtk_spinner_set_spinning (self->spinner, self->busy > 0);
  gtk_widget_set_sensitive (self->reload_button, self->busy == 0 && self->id > 0);
}

static char *
today_text (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static void
fill_header (PlazaTenantWindow *self)
{
  const PlazaTenantView *v = self->view;
  g_autoptr(GString) subtitle = g_string_new (v->code);
  g_autofree char *title = g_strdup_printf ("%s — %s", v->name, v->code);

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_avatar_set_text (self->avatar, v->name);
  gtk_label_set_label (self->name_label, v->name);
  if (*v->category != '\0')
    g_string_append_printf (subtitle, " · %s", v->category);
  if (g_strcmp0 (v->tier, "flagship") == 0)
    g_string_append_printf (subtitle, " · %s", _("Flagship brand"));
  else if (*v->tier != '\0')
    {
      g_string_append (subtitle, " · ");
      /* Translators: %s is the best tier of the tenant's brands: A, B or C. */
      g_string_append_printf (subtitle, _("Tier %s brand"), v->tier);
    }
  if (*v->credit_code != '\0')
    g_string_append_printf (subtitle, " · %s", v->credit_code);
  gtk_label_set_label (self->subtitle_label, subtitle->str);

  gtk_label_set_label (self->status_label, plaza_state_label (v->status));
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "warning");
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label),
                            g_strcmp0 (v->status, "active") == 0 ? "success" : "warning");

  gtk_widget_set_visible (GTK_WIDGET (self->licence_label), v->licence_warning != NULL);
  if (v->licence_warning != NULL)
    gtk_label_set_label (self->licence_label, v->licence_warning);

  gtk_widget_remove_css_class (GTK_WIDGET (self->score_label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->score_label), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->score_label), "error");
  if (v->has_health)
    {
      g_autofree char *score = g_strdup_printf ("%lld", (long long) ((v->health_score + 50) / 100));
      g_autofree char *caption = g_strdup_printf (_("Health score, %s"), v->health_month);

      gtk_label_set_label (self->score_label, score);
      gtk_widget_add_css_class (GTK_WIDGET (self->score_label),
                                v->health_score >= 6000 ? "success" : v->health_score >= 4000 ? "warning" : "error");
      gtk_label_set_label (self->score_caption, caption);
      gtk_label_set_label (self->reasons_label, *v->health_reasons != '\0' ? v->health_reasons
                                                                         : _("No weak factor"));
    }
  else
    {
      gtk_label_set_label (self->score_label, "—");
      gtk_label_set_label (self->score_caption, _("Health score"));
      gtk_label_set_label (self->reasons_label, _("Not trading last month"));
    }
  gtk_widget_set_visible (self->header, TRUE);
}

static gpointer
load_job (PlazaStore    *store,
          gpointer       data,
          GCancellable  *cancellable G_GNUC_UNUSED,
          GError       **error)
{
  gint64 id = *(gint64 *) data;
  g_autofree char *today = today_text ();
  PlazaTenantView *view = NULL;

  if (!plaza_tenant_view_load (store, id, today, &view, error))
    return NULL;
  return view;
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PlazaTenantWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  PlazaTenantView *view = plaza_worker_run_finish (PLAZA_WORKER (source), result, &error);

  set_busy (self, FALSE);
  if (view == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      adw_status_page_set_icon_name (self->status, "dialog-error-symbolic");
      adw_status_page_set_title (self->status, _("The Tenant Could Not Be Read"));
      adw_status_page_set_description (self->status, error->message);
      gtk_stack_set_visible_child_name (self->overview_stack, "status");
      return;
    }
  g_clear_pointer (&self->view, plaza_tenant_view_free);
  self->view = view;
  fill_header (self);
  plaza_tenant_window_fill_overview (self);
  gtk_stack_set_visible_child_name (self->overview_stack, "content");
}

void
plaza_tenant_window_reload (PlazaTenantWindow *self)
{
  gint64 *id;

  if (self->id <= 0 || self->worker == NULL)
    return;
  id = g_new (gint64, 1);
  *id = self->id;
  set_busy (self, TRUE);
  plaza_worker_run_async (self->worker, load_job, id, g_free, self->cancellable, load_done_cb,
                          g_object_ref (self));
}

static void
form_saved_cb (PlazaTenantWindow *self,
               gint64             id)
{
  GtkWindow *parent;

  if (self->id != id)
    {
      forget (self);
      self->id = id;
      remember (self);
      plaza_live_banner_set_record (g_object_get_data (G_OBJECT (self), "plaza-live-banner"), "tenant", id);
      adw_view_stack_page_set_visible (self->overview_page, TRUE);
    }
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Saved")));
  plaza_tenant_window_reload (self);
  /* The Tenants list shows the change too. */
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (parent != NULL && PLAZA_IS_WINDOW (parent))
    {
      GtkWidget *page = plaza_window_get_page_widget (PLAZA_WINDOW (parent), "tenants");

      if (page != NULL && PLAZA_IS_LIST_PAGE (page))
        plaza_list_page_invalidate (PLAZA_LIST_PAGE (page));
    }
}

/* Another client changed this tenant and the user asked to see it: the
 * overview again, and the archive too unless it has unsaved edits. */
static void
live_reload_cb (PlazaTenantWindow *self)
{
  if (self->form != NULL && PLAZA_IS_TENANT_FORM (self->form) && self->id > 0 &&
      !plaza_tenant_form_get_dirty (PLAZA_TENANT_FORM (self->form)))
    {
      gtk_box_remove (GTK_BOX (self->archive_box), self->form);
      self->form = plaza_tenant_form_new (self->worker, self->id);
      gtk_widget_set_vexpand (self->form, TRUE);
      g_signal_connect_object (self->form, "saved", G_CALLBACK (form_saved_cb), self, G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (self->archive_box), self->form);
    }
  plaza_tenant_window_reload (self);
}

static GtkWidget *
build_header (PlazaTenantWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  GtkWidget *who = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *badges = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *score = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_widget_set_margin_start (box, 24);
  gtk_widget_set_margin_end (box, 24);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 12);

  self->avatar = ADW_AVATAR (adw_avatar_new (72, NULL, TRUE));
  gtk_widget_set_valign (GTK_WIDGET (self->avatar), GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->avatar));

  self->name_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->name_label), "title-1");
  gtk_label_set_xalign (self->name_label, 0.0f);
  gtk_label_set_selectable (self->name_label, TRUE);
  gtk_label_set_wrap (self->name_label, TRUE);
  self->subtitle_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->subtitle_label), "dim-label");
  gtk_label_set_xalign (self->subtitle_label, 0.0f);
  gtk_label_set_selectable (self->subtitle_label, TRUE);
  self->status_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "heading");
  self->licence_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->licence_label), "warning");
  gtk_widget_set_visible (GTK_WIDGET (self->licence_label), FALSE);
  gtk_box_append (GTK_BOX (badges), GTK_WIDGET (self->status_label));
  gtk_box_append (GTK_BOX (badges), GTK_WIDGET (self->licence_label));
  gtk_box_append (GTK_BOX (who), GTK_WIDGET (self->name_label));
  gtk_box_append (GTK_BOX (who), GTK_WIDGET (self->subtitle_label));
  gtk_box_append (GTK_BOX (who), badges);
  gtk_widget_set_hexpand (who, TRUE);
  gtk_widget_set_valign (who, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), who);

  self->score_label = GTK_LABEL (gtk_label_new ("—"));
  gtk_widget_add_css_class (GTK_WIDGET (self->score_label), "title-1");
  gtk_widget_add_css_class (GTK_WIDGET (self->score_label), "numeric");
  self->score_caption = GTK_LABEL (gtk_label_new (_("Health score")));
  gtk_widget_add_css_class (GTK_WIDGET (self->score_caption), "caption-heading");
  self->reasons_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->reasons_label), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->reasons_label), "dim-label");
  gtk_label_set_wrap (self->reasons_label, TRUE);
  gtk_label_set_max_width_chars (self->reasons_label, 32);
  gtk_label_set_justify (self->reasons_label, GTK_JUSTIFY_CENTER);
  gtk_box_append (GTK_BOX (score), GTK_WIDGET (self->score_label));
  gtk_box_append (GTK_BOX (score), GTK_WIDGET (self->score_caption));
  gtk_box_append (GTK_BOX (score), GTK_WIDGET (self->reasons_label));
  gtk_widget_add_css_class (score, "card");
  gtk_widget_set_valign (score, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (score, 200, -1);
  gtk_widget_set_margin_top (GTK_WIDGET (self->score_label), 8);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->reasons_label), 10);
  gtk_widget_set_margin_start (GTK_WIDGET (self->reasons_label), 10);
  gtk_widget_set_margin_end (GTK_WIDGET (self->reasons_label), 10);
  gtk_box_append (GTK_BOX (box), score);

  gtk_widget_set_visible (box, FALSE);
  return box;
}

static GtkWidget *
build_overview (PlazaTenantWindow *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *columns = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  GtkWidget *chart_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *chart_title = gtk_label_new (_("Sales Trend"));

  gtk_widget_set_margin_start (content, 24);
  gtk_widget_set_margin_end (content, 24);
  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 24);

  self->cards = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12));
  gtk_box_set_homogeneous (self->cards, TRUE);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->cards));

  gtk_widget_add_css_class (chart_title, "heading");
  gtk_label_set_xalign (GTK_LABEL (chart_title), 0.0f);
  self->chart = PLAZA_CHART_VIEW (plaza_chart_view_new ());
  gtk_widget_set_size_request (GTK_WIDGET (self->chart), -1, 220);
  gtk_widget_set_vexpand (GTK_WIDGET (self->chart), FALSE);
  gtk_box_append (GTK_BOX (chart_box), chart_title);
  gtk_box_append (GTK_BOX (chart_box), GTK_WIDGET (self->chart));
  gtk_box_append (GTK_BOX (content), chart_box);

  self->left = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 18));
  self->right = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 18));
  gtk_widget_set_hexpand (GTK_WIDGET (self->left), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->right), TRUE);
  gtk_box_set_homogeneous (GTK_BOX (columns), TRUE);
  gtk_box_append (GTK_BOX (columns), GTK_WIDGET (self->left));
  gtk_box_append (GTK_BOX (columns), GTK_WIDGET (self->right));
  gtk_box_append (GTK_BOX (content), columns);

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1280);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);

  self->status = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_title (self->status, _("Loading…"));
  self->overview_stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->overview_stack, GTK_WIDGET (self->status), "status");
  gtk_stack_add_named (self->overview_stack, scrolled, "content");
  gtk_widget_set_vexpand (GTK_WIDGET (self->overview_stack), TRUE);
  return GTK_WIDGET (self->overview_stack);
}

static void
build (PlazaTenantWindow *self)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header_bar = adw_header_bar_new ();
  GtkWidget *switcher = adw_view_switcher_title_new ();
  GtkWidget *bottom = adw_view_switcher_bar_new ();
  AdwViewStackPage *archive_page;
  PlazaLiveBanner *banner;

  self->stack = ADW_VIEW_STACK (adw_view_stack_new ());
  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  self->reload_button = gtk_button_new_from_icon_name ("view-refresh-symbolic");
  gtk_widget_set_tooltip_text (self->reload_button, _("Reload"));
  g_signal_connect_swapped (self->reload_button, "clicked", G_CALLBACK (plaza_tenant_window_reload), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header_bar), self->reload_button);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header_bar),
                           plaza_history_button_new (GTK_WINDOW (self), "tenant", G_STRUCT_OFFSET (PlazaTenantWindow, worker),
                                                     G_STRUCT_OFFSET (PlazaTenantWindow, id)));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header_bar), GTK_WIDGET (self->spinner));
  adw_view_switcher_title_set_stack (ADW_VIEW_SWITCHER_TITLE (switcher), self->stack);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header_bar), switcher);
  adw_view_switcher_bar_set_stack (ADW_VIEW_SWITCHER_BAR (bottom), self->stack);
  g_object_bind_property (switcher, "title-visible", bottom, "reveal", G_BINDING_SYNC_CREATE);

  self->overview_page = adw_view_stack_add_titled (self->stack, build_overview (self), "overview", _("Overview"));
  adw_view_stack_page_set_icon_name (self->overview_page, "view-grid-symbolic");

  self->archive_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  self->form = plaza_tenant_form_new (self->worker, self->id);
  gtk_widget_set_vexpand (self->form, TRUE);
  if (g_signal_lookup ("saved", G_OBJECT_TYPE (self->form)) != 0)
    g_signal_connect_object (self->form, "saved", G_CALLBACK (form_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self->archive_box), self->form);
  /* The form scrolls itself. */
  archive_page = adw_view_stack_add_titled (self->stack, self->archive_box, "archive", _("Archive"));
  adw_view_stack_page_set_icon_name (archive_page, "x-office-address-book-symbolic");

  self->header = build_header (self);
  gtk_box_append (GTK_BOX (outer), header_bar);
  banner = plaza_live_banner_new (self->worker, "tenant", self->id);
  g_object_set_data (G_OBJECT (self), "plaza-live-banner", banner);
  g_signal_connect_object (banner, "reload", G_CALLBACK (live_reload_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (outer), GTK_WIDGET (banner));
  gtk_box_append (GTK_BOX (outer), self->header);
  gtk_box_append (GTK_BOX (outer), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_box_append (GTK_BOX (outer), GTK_WIDGET (self->stack));
  gtk_box_append (GTK_BOX (outer), bottom);

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, outer);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toasts));

  if (self->id <= 0)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Tenant"));
      adw_view_stack_page_set_visible (self->overview_page, FALSE);
      adw_view_stack_set_visible_child_name (self->stack, "archive");
    }
  else
    gtk_window_set_title (GTK_WINDOW (self), _("Tenant"));
}

/* Closing with unsaved changes in the archive asks first. */

static gboolean
close_idle_cb (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
discard_response_cb (AdwMessageDialog  *dialog G_GNUC_UNUSED,
                     const char        *response,
                     PlazaTenantWindow *self)
{
  if (!g_str_equal (response, "discard"))
    {
      adw_view_stack_set_visible_child_name (self->stack, "archive");
      return;
    }
  /* Closed once the dialog, transient for this window, is gone. */
  self->discard = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_idle_cb, g_object_ref (self), g_object_unref);
}

static gboolean
plaza_tenant_window_close_request (GtkWindow *window)
{
  PlazaTenantWindow *self = PLAZA_TENANT_WINDOW (window);
  GtkWidget *dialog;

  if (self->discard || self->form == NULL || !PLAZA_IS_TENANT_FORM (self->form)
      || !plaza_tenant_form_get_dirty (PLAZA_TENANT_FORM (self->form)))
    return GTK_WINDOW_CLASS (plaza_tenant_window_parent_class)->close_request (window);
  dialog = adw_message_dialog_new (window, _("Discard the Changes?"),
                                   _("The tenant's archive has changes that are not saved."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Keep Editing"),
                                    "discard", _("_Discard"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
plaza_tenant_window_dispose (GObject *object)
{
  PlazaTenantWindow *self = PLAZA_TENANT_WINDOW (object);

  forget (self);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->worker);
  g_clear_pointer (&self->view, plaza_tenant_view_free);
  g_clear_pointer (&self->sections, g_hash_table_unref);
  g_clear_pointer (&self->arrears_text, g_free);
  G_OBJECT_CLASS (plaza_tenant_window_parent_class)->dispose (object);
}

static void
plaza_tenant_window_class_init (PlazaTenantWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = plaza_tenant_window_dispose;
  window_class->close_request = plaza_tenant_window_close_request;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
plaza_tenant_window_init (PlazaTenantWindow *self)
{
  self->cancellable = g_cancellable_new ();
  self->sections = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_window_set_default_size (GTK_WINDOW (self), 1180, 860);
}

PlazaTenantWindow *
plaza_tenant_window_open (GtkWindow   *parent,
                          PlazaWorker *worker,
                          gint64       id)
{
  PlazaTenantWindow *self;

  g_return_val_if_fail (PLAZA_IS_WORKER (worker), NULL);

  /* The same tenant of the same file (another file's tenant may share its id). */
  if (id > 0 && open_windows != NULL && (self = g_hash_table_lookup (open_windows, &id)) != NULL
      && self->worker == worker)
    {
      gtk_window_present (GTK_WINDOW (self));
      return self;
    }
  self = g_object_new (PLAZA_TYPE_TENANT_WINDOW, NULL);
  self->worker = g_object_ref (worker);
  self->id = MAX (id, 0);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  build (self);
  remember (self);
  set_busy (self, FALSE);
  plaza_tenant_window_reload (self);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

gboolean
plaza_tenant_window_get_busy (PlazaTenantWindow *self)
{
  g_return_val_if_fail (PLAZA_IS_TENANT_WINDOW (self), FALSE);

  return self->busy > 0;
}

gint64
plaza_tenant_window_get_id (PlazaTenantWindow *self)
{
  g_return_val_if_fail (PLAZA_IS_TENANT_WINDOW (self), 0);

  return self->id;
}

const PlazaTenantView *
plaza_tenant_window_get_view (PlazaTenantWindow *self)
{
  g_return_val_if_fail (PLAZA_IS_TENANT_WINDOW (self), NULL);

  return self->view;
}

PlazaChartView *
plaza_tenant_window_get_chart (PlazaTenantWindow *self)
{
  g_return_val_if_fail (PLAZA_IS_TENANT_WINDOW (self), NULL);

  return self->chart;
}

const char *
plaza_tenant_window_get_arrears_text (PlazaTenantWindow *self)
{
  g_return_val_if_fail (PLAZA_IS_TENANT_WINDOW (self), NULL);

  return self->arrears_text;
}

/* ---- plaza --tenant CODE ---- */

typedef struct
{
  GWeakRef  window;
  char     *code;
  guint     ticks;
} PendingCode;

static void
pending_code_free (gpointer data)
{
  PendingCode *pending = data;

  g_weak_ref_clear (&pending->window);
  g_free (pending->code);
  g_free (pending);
}

static gpointer
find_code_job (PlazaStore    *store,
               gpointer       data,
               GCancellable  *cancellable G_GNUC_UNUSED,
               GError       **error)
{
  gint64 *id = g_new0 (gint64, 1);

  if (!plaza_tenant_view_find_code (store, data, id, error))
    {
      g_free (id);
      return NULL;
    }
  return id;
}

static void
find_code_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(PlazaWindow) window = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree gint64 *id = plaza_worker_run_finish (PLAZA_WORKER (source), result, &error);

  if (id == NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (window), _("No Such Tenant"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  plaza_tenant_window_open (GTK_WINDOW (window), PLAZA_WORKER (source), *id);
}

static gboolean
open_code_when_ready_cb (gpointer data)
{
  PendingCode *pending = data;
  g_autoptr(PlazaWindow) window = g_weak_ref_get (&pending->window);

  if (window == NULL || ++pending->ticks > 600)
    return G_SOURCE_REMOVE;
  if (plaza_window_get_path (window) == NULL || plaza_window_get_busy (window))
    return G_SOURCE_CONTINUE;
  plaza_worker_run_async (plaza_window_get_worker (window), find_code_job, g_strdup (pending->code), g_free, NULL,
                          find_code_done_cb, g_object_ref (window));
  return G_SOURCE_REMOVE;
}

void
plaza_tenant_window_open_code (GtkWindow  *window,
                               const char *code)
{
  PendingCode *pending;

  g_return_if_fail (PLAZA_IS_WINDOW (window));
  g_return_if_fail (code != NULL);

  pending = g_new0 (PendingCode, 1);
  g_weak_ref_init (&pending->window, window);
  pending->code = g_strdup (code);
  g_timeout_add_full (G_PRIORITY_DEFAULT, 100, open_code_when_ready_cb, pending, pending_code_free);
}
