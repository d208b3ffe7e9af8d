/* plaza-leasing-page.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Leasing page: the pipeline as a board (plaza-leasing-page-board.c),
 * as the generic list, or the leasing plan per floor (vacant units and
 * units whose lease ends within the days chosen, with their targets),
 * switched with the view switcher or Ctrl+1/2/3 (the plan is in
 * plaza-leasing-page-plan.c). Everything is loaded in
 * the worker; the page never touches SQLite.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-change-log.h"
#include "plaza-leasing-page-private.h"
#include "plaza-leasing-plan.h"
#include "plaza-money.h"
#include "plaza-role-guard.h"
#include "plaza-unit.h"

typedef enum
{
  VIEW_BOARD,
  VIEW_LIST,
  VIEW_PLAN,
  N_VIEWS
} LeasingView;

static const char * const view_names[N_VIEWS] = { "board", "list", "plan" };

G_DEFINE_FINAL_TYPE (PlazaLeasingPage, plaza_leasing_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static LeasingView
current_view (PlazaLeasingPage *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->stack);

  for (guint i = 0; i < N_VIEWS; i++)
    if (g_strcmp0 (name, view_names[i]) == 0)
      return (LeasingView) i;
  return VIEW_BOARD;
}

void
plaza_leasing_page_toast (PlazaLeasingPage *self,
                          const char       *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
  else
    g_message ("%s", text);
}

static void
set_loading (PlazaLeasingPage *self,
             gboolean          loading)
{
  gboolean was = self->loading > 0;

  if (loading)
    self->loading++;
  else if (self->loading > 0)
    self->loading--;
  if (was != (self->loading > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* ---- loading ---- */

typedef struct
{
  GPtrArray *prospects;
  GPtrArray *plan;
  GPtrArray *categories;
  gint64     seq;
} Loaded;

static gpointer
load_run (PlazaStore    *store,
          gpointer       data,
          GCancellable  *cancellable G_GNUC_UNUSED,
          GError       **error)
{
  guint days = GPOINTER_TO_UINT (data);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  Loaded *loaded = g_new0 (Loaded, 1);

  loaded->prospects = plaza_prospect_list (store, today, error);
  if (loaded->prospects != NULL)
    loaded->plan = plaza_leasing_plan_list (store, 0, today, days, error);
  if (loaded->plan != NULL)
    loaded->categories = plaza_unit_categories (store, error);
  loaded->seq = MAX (plaza_change_log_last_seq (store, NULL), 0);
  if (loaded->categories == NULL)
    {
      g_clear_pointer (&loaded->prospects, g_ptr_array_unref);
      g_clear_pointer (&loaded->plan, g_ptr_array_unref);
      g_free (loaded);
      return NULL;
    }
  return loaded;
}

static void
load_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  PlazaLeasingPage *self = user_data;
  g_autoptr(GError) error = NULL;
  Loaded *loaded = plaza_worker_run_finish (PLAZA_WORKER (source), result, &error);

  if (loaded != NULL)
    {
      g_clear_pointer (&self->prospects, g_ptr_array_unref);
      g_clear_pointer (&self->plan, g_ptr_array_unref);
      self->prospects = loaded->prospects;
      self->plan = loaded->plan;
      g_clear_pointer (&self->categories, g_ptr_array_unref);
      self->categories = loaded->categories;
      self->plan_seq = loaded->seq;
      g_free (loaded);
      self->loaded = TRUE;
      plaza_leasing_page_fill_board (self);
      plaza_leasing_page_fill_plan (self);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *text = g_strdup_printf (_("The pipeline could not be loaded: %s"), error->message);

      plaza_leasing_page_toast (self, text);
    }
  set_loading (self, FALSE);
  g_object_unref (self);
}

void
plaza_leasing_page_load (PlazaLeasingPage *self)
{
  guint days = (guint) gtk_spin_button_get_value_as_int (self->plan_days);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_loading (self, TRUE);
  plaza_worker_run_async (self->worker, load_run, GUINT_TO_POINTER (days), NULL, self->cancellable, load_done,
                          g_object_ref (self));
}

void
plaza_leasing_page_ensure_loaded (PlazaLeasingPage *self)
{
  g_return_if_fail (PLAZA_IS_LEASING_PAGE (self));

  if (self->worker == NULL)
    return;
  if (current_view (self) == VIEW_LIST)
    plaza_list_page_ensure_loaded (self->list);
  else if (!self->loaded)
    plaza_leasing_page_load (self);
}

void
plaza_leasing_page_invalidate (PlazaLeasingPage *self)
{
  g_return_if_fail (PLAZA_IS_LEASING_PAGE (self));

  plaza_list_page_invalidate (self->list);
  self->loaded = FALSE;
}

void
plaza_leasing_page_reload (PlazaLeasingPage *self)
{
  plaza_leasing_page_invalidate (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    plaza_leasing_page_ensure_loaded (self);
}

/* ---- the prospect window ---- */

static void
prospect_changed_cb (PlazaLeasingPage *self)
{
  plaza_leasing_page_reload (self);
}

PlazaProspectWindow *
plaza_leasing_page_open_prospect (PlazaLeasingPage *self,
                                  gint64            id)
{
  GtkRoot *root;
  PlazaProspectWindow *window;

  g_return_val_if_fail (PLAZA_IS_LEASING_PAGE (self), NULL);

  if (self->worker == NULL)
    return NULL;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  window = plaza_prospect_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->worker, id);
  g_signal_connect_object (window, "changed", G_CALLBACK (prospect_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
move_action (GtkWidget  *widget,
             const char *action_name G_GNUC_UNUSED,
             GVariant   *param)
{
  gint64 id;
  const char *code;
  PlazaProspectStage to;

  g_variant_get (param, "(x&s)", &id, &code);
  if (plaza_prospect_stage_parse (code, &to))
    plaza_leasing_page_move (PLAZA_LEASING_PAGE (widget), id, to);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name G_GNUC_UNUSED,
             GVariant   *param)
{
  plaza_leasing_page_open_prospect (PLAZA_LEASING_PAGE (widget), g_variant_get_int64 (param));
}

static void
list_activated_cb (PlazaLeasingPage *self,
                   gint64            id)
{
  if (id > 0)
    plaza_leasing_page_open_prospect (self, id);
}

/* ---- a new prospect ---- */

typedef struct
{
  char   *name;
  char   *contact;
  char   *phone;
  char   *source;
  gint64  area;
  gint64  category_id;
} NewJob;

static void
new_job_free (gpointer data)
{
  NewJob *job = data;

  g_free (job->name);
  g_free (job->contact);
  g_free (job->phone);
  g_free (job->source);
  g_free (job);
}

static gpointer
new_run (PlazaStore    *store,
         gpointer       data,
         GCancellable  *cancellable G_GNUC_UNUSED,
         GError       **error)
{
  NewJob *job = data;
  PlazaProspectNew fields = { .name = job->name, .category_id = job->category_id, .wanted_area = job->area,
                              .contact = job->contact, .phone = job->phone, .source = job->source };
  gint64 id = plaza_prospect_create (store, &fields, error);

  return id > 0 ? g_memdup2 (&id, sizeof id) : NULL;
}

static void
new_done (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  PlazaLeasingPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree gint64 *id = plaza_worker_run_finish (PLAZA_WORKER (source), result, &error);

  self->setting--;
  if (id != NULL)
    {
      plaza_leasing_page_load (self);
      plaza_leasing_page_open_prospect (self, *id);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *text = g_strdup_printf (_("No prospect added: %s"), error->message);

      plaza_leasing_page_toast (self, text);
    }
  g_object_unref (self);
}

void
plaza_leasing_page_add_prospect (PlazaLeasingPage *self,
                                 const char       *name,
                                 gint64            category_id,
                                 gint64            wanted_area,
                                 const char       *contact,
                                 const char       *phone,
                                 const char       *source)
{
  NewJob *job;

  g_return_if_fail (PLAZA_IS_LEASING_PAGE (self));

  if (self->worker == NULL)
    return;
  job = g_new0 (NewJob, 1);
  job->name = g_strstrip (g_strdup (name));
  job->category_id = category_id;
  job->area = wanted_area;
  job->contact = g_strstrip (g_strdup (contact != NULL ? contact : ""));
  job->phone = g_strstrip (g_strdup (phone != NULL ? phone : ""));
  job->source = g_strstrip (g_strdup (source != NULL ? source : ""));
  self->setting++;
  plaza_worker_run_async (self->worker, new_run, job, new_job_free, NULL, new_done, g_object_ref (self));
}

typedef struct
{
  PlazaLeasingPage *self;
  GtkEditable      *entries[5];   /* name, area, contact, phone, source */
  GtkDropDown      *category;
} NewAsk;

static void
new_response_cb (AdwMessageDialog *dialog G_GNUC_UNUSED,
                 const char       *response,
                 gpointer          user_data)
{
  NewAsk *ask = user_data;
  PlazaLeasingPage *self = ask->self;

  if (g_str_equal (response, "add"))
    {
      const char *area_text = gtk_editable_get_text (ask->entries[1]);
      guint selected = gtk_drop_down_get_selected (ask->category);
      gint64 area = 0, category_id = 0;

      if (selected > 0 && self->categories != NULL && selected <= self->categories->len)
        category_id = ((PlazaUnitCategory *) self->categories->pdata[selected - 1])->id;
      if (*area_text != '\0' && !plaza_area_parse (area_text, &area))
        plaza_leasing_page_toast (self, _("Enter the wanted area in m², like 120.5."));
      else
        plaza_leasing_page_add_prospect (self, gtk_editable_get_text (ask->entries[0]), category_id, area,
                                         gtk_editable_get_text (ask->entries[2]),
                                         gtk_editable_get_text (ask->entries[3]),
                                         gtk_editable_get_text (ask->entries[4]));
    }
  g_object_unref (ask->self);
  g_free (ask);
}

static void
new_prospect_cb (PlazaLeasingPage *self)
{
  const char * const placeholders[5] = {
    N_("Name or brand"), N_("Wanted area (m²)"), N_("Contact person"), N_("Phone"), N_("Source (fair, agent, visit…)"),
  };
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("New Prospect"),
                                              _("A brand or company to talk to; it starts in Contact."));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  NewAsk *ask = g_new0 (NewAsk, 1);

  if (self->worker == NULL)
    {
      g_free (ask);
      gtk_window_destroy (GTK_WINDOW (dialog));
      return;
    }
  ask->self = g_object_ref (self);
  for (guint i = 0; i < 5; i++)
    {
      GtkWidget *entry = gtk_entry_new ();

      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _(placeholders[i]));
      ask->entries[i] = GTK_EDITABLE (entry);
      gtk_box_append (GTK_BOX (box), entry);
      if (i == 1)
        {
          gtk_string_list_append (names, _("No category"));
          for (guint k = 0; self->categories != NULL && k < self->categories->len; k++)
            gtk_string_list_append (names, ((PlazaUnitCategory *) self->categories->pdata[k])->name);
          ask->category = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL));
          gtk_box_append (GTK_BOX (box), GTK_WIDGET (ask->category));
        }
    }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "add", _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  g_signal_connect (dialog, "response", G_CALLBACK (new_response_cb), ask);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
shortcut_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data G_GNUC_UNUSED)
{
  const char *what = g_variant_get_string (args, NULL);

  if (g_str_equal (what, "new"))
    new_prospect_cb (PLAZA_LEASING_PAGE (widget));
  else
    plaza_leasing_page_set_view (PLAZA_LEASING_PAGE (widget), what);
  return TRUE;
}

static void
visible_view_cb (PlazaLeasingPage *self)
{
  plaza_leasing_page_ensure_loaded (self);
}

static void
plaza_leasing_page_dispose (GObject *object)
{
  PlazaLeasingPage *self = PLAZA_LEASING_PAGE (object);

  plaza_leasing_page_stop_fill (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->worker);
  g_clear_pointer (&self->prospects, g_ptr_array_unref);
  g_clear_pointer (&self->plan, g_ptr_array_unref);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  G_OBJECT_CLASS (plaza_leasing_page_parent_class)->dispose (object);
}

static void
plaza_leasing_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PlazaLeasingPage *self = PLAZA_LEASING_PAGE (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading > 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plaza_leasing_page_class_init (PlazaLeasingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plaza_leasing_page_dispose;
  object_class->get_property = plaza_leasing_page_get_property;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "leasing.move", "(xs)", move_action);
  gtk_widget_class_install_action (widget_class, "leasing.open", "x", open_action);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, shortcut_cb, "s", "board");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_2, GDK_CONTROL_MASK, shortcut_cb, "s", "list");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_3, GDK_CONTROL_MASK, shortcut_cb, "s", "plan");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, shortcut_cb, "s", "new");
}

static void
plaza_leasing_page_init (PlazaLeasingPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *switcher = adw_view_switcher_new ();
  GtkWidget *spacer;
  AdwViewStackPage *page;

  self->cancellable = g_cancellable_new ();
  self->stack = ADW_VIEW_STACK (adw_view_stack_new ());
  /* Only the visible view is measured: a homogeneous stack laid out the
   * hidden plan and list (every row) whenever the board changed. */
  adw_view_stack_set_hhomogeneous (self->stack, FALSE);
  adw_view_stack_set_vhomogeneous (self->stack, FALSE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);

  page = adw_view_stack_add_titled (self->stack, plaza_leasing_page_build_board (self), "board", _("Board"));
  adw_view_stack_page_set_icon_name (page, "view-grid-symbolic");
  self->list = plaza_list_page_new (PLAZA_LIST_PROSPECTS);
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (list_activated_cb), self, G_CONNECT_SWAPPED);
  page = adw_view_stack_add_titled (self->stack, GTK_WIDGET (self->list), "list", _("List"));
  adw_view_stack_page_set_icon_name (page, "view-list-symbolic");
  page = adw_view_stack_add_titled (self->stack, plaza_leasing_page_build_plan (self), "plan", _("Plan"));
  adw_view_stack_page_set_icon_name (page, "x-office-spreadsheet-symbolic");

  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 8);
  gtk_widget_set_margin_bottom (bar, 8);
  adw_view_switcher_set_stack (ADW_VIEW_SWITCHER (switcher), self->stack);
  adw_view_switcher_set_policy (ADW_VIEW_SWITCHER (switcher), ADW_VIEW_SWITCHER_POLICY_WIDE);
  gtk_box_append (GTK_BOX (bar), switcher);
  spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_box_append (GTK_BOX (bar), spacer);
  self->new_button = gtk_button_new_with_mnemonic (_("_New Prospect"));
  gtk_widget_add_css_class (self->new_button, "suggested-action");
  gtk_widget_set_tooltip_text (self->new_button, _("New prospect (Ctrl+N)"));
  g_signal_connect_swapped (self->new_button, "clicked", G_CALLBACK (new_prospect_cb), self);
  gtk_box_append (GTK_BOX (bar), self->new_button);
  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));
  adw_bin_set_child (ADW_BIN (self), box);
  g_signal_connect_object (self->stack, "notify::visible-child", G_CALLBACK (visible_view_cb), self,
                           G_CONNECT_SWAPPED);
}

GtkWidget *
plaza_leasing_page_new (void)
{
  return g_object_new (PLAZA_TYPE_LEASING_PAGE, NULL);
}

void
plaza_leasing_page_set_worker (PlazaLeasingPage *self,
                               PlazaWorker      *worker)
{
  g_return_if_fail (PLAZA_IS_LEASING_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_set_object (&self->worker, worker);
  plaza_list_page_set_worker (self->list, worker);
  self->loaded = FALSE;
  gtk_widget_set_sensitive (self->new_button, worker != NULL && !plaza_worker_is_read_only (worker));
  plaza_role_guard (self->new_button, worker, "prospect", "create");
}

void
plaza_leasing_page_focus_search (PlazaLeasingPage *self)
{
  g_return_if_fail (PLAZA_IS_LEASING_PAGE (self));
  plaza_leasing_page_set_view (self, "list");
  plaza_list_page_focus_search (self->list);
}

gboolean
plaza_leasing_page_set_view (PlazaLeasingPage *self,
                             const char       *view)
{
  g_return_val_if_fail (PLAZA_IS_LEASING_PAGE (self), FALSE);

  for (guint i = 0; i < N_VIEWS; i++)
    if (g_strcmp0 (view, view_names[i]) == 0)
      {
        adw_view_stack_set_visible_child_name (self->stack, view);
        return TRUE;
      }
  return FALSE;
}

const char *
plaza_leasing_page_get_view (PlazaLeasingPage *self)
{
  g_return_val_if_fail (PLAZA_IS_LEASING_PAGE (self), NULL);
  return view_names[current_view (self)];
}

gboolean
plaza_leasing_page_get_loading (PlazaLeasingPage *self)
{
  g_return_val_if_fail (PLAZA_IS_LEASING_PAGE (self), FALSE);
  return self->loading > 0 || self->setting > 0 || plaza_list_page_get_loading (self->list) ||
         self->fill_tick != 0 || self->fill_idle != 0;
}

PlazaListPage *
plaza_leasing_page_get_list (PlazaLeasingPage *self)
{
  g_return_val_if_fail (PLAZA_IS_LEASING_PAGE (self), NULL);
  return self->list;
}

guint
plaza_leasing_page_get_n_cards (PlazaLeasingPage   *self,
                                PlazaProspectStage  stage)
{
  guint n = 0;

  g_return_val_if_fail (PLAZA_IS_LEASING_PAGE (self), 0);
  g_return_val_if_fail ((guint) stage < PLAZA_PROSPECT_N_STAGES, 0);
  for (GtkWidget *c = gtk_widget_get_first_child (self->columns[stage]); c != NULL; c = gtk_widget_get_next_sibling (c))
    n++;
  return n;
}

guint
plaza_leasing_page_get_n_plan_units (PlazaLeasingPage *self)
{
  g_return_val_if_fail (PLAZA_IS_LEASING_PAGE (self), 0);
  return self->plan != NULL ? self->plan->len : 0;
}
