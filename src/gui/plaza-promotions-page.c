/* plaza-promotions-page.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Promotions page: the plans as a list (the generic PlazaListPage), a
 * month calendar or a timeline, switched with the view switcher or
 * Ctrl+1/2/3. The calendar has ‹ Today › to walk the months, the timeline
 * the same for its week, month or quarter zoom. "New Promotion" (Ctrl+N),
 * a click on a plan, a double click on a day or days dragged over in the
 * calendar open the promotion editor (a new plan with those dates);
 * every save there reloads the page. Dragging a draft on the timeline moves
 * it in the worker (plaza_promotion_move ()), with a toast to undo. The
 * data comes from the worker: the page never touches SQLite.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>

#include "charts/plaza-promotion-calendar.h"
#include "charts/plaza-promotion-timeline.h"
#include "plaza-date.h"
#include "plaza-promotion-dates.h"
#include "plaza-promotion-editor.h"
#include "plaza-promotions-page-private.h"
#include "plaza-role-guard.h"

static const char * const view_names[N_VIEWS] = { "list", "calendar", "timeline" };

G_DEFINE_FINAL_TYPE (PlazaPromotionsPage, plaza_promotions_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_LOADING,
  PROP_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
local_today (GDate *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
}

static PromotionsView
current_view (PlazaPromotionsPage *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->stack);

  for (guint i = 0; i < N_VIEWS; i++)
    if (g_strcmp0 (name, view_names[i]) == 0)
      return (PromotionsView) i;
  return VIEW_LIST;
}

void
plaza_promotions_page_set_loading (PlazaPromotionsPage *self,
                                   gboolean             loading)
{
  gboolean was = self->loading > 0;

  if (loading)
    self->loading++;
  else if (self->loading > 0)
    self->loading--;
  if (was != (self->loading > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

void
plaza_promotions_page_toast (PlazaPromotionsPage *self,
                             AdwToast            *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

/* ---- the range each view shows ---- */

static void
view_range (PlazaPromotionsPage *self,
            PromotionsView                 view,
            GDate               *from,
            GDate               *to)
{
  if (view == VIEW_CALENDAR)
    plaza_promotion_calendar_get_grid (self->calendar, from, to);
  else
    plaza_promotion_timeline_zoom_range (self->zoom, &self->anchor, from, to);
}

static char *
range_key (PlazaPromotionsPage *self,
           PromotionsView                 view)
{
  GDate from, to;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  view_range (self, view, &from, &to);
  a = plaza_date_format (&from);
  b = plaza_date_format (&to);
  return g_strdup_printf ("%s:%s:%s", view_names[view], a, b);
}

static void
update_period (PlazaPromotionsPage *self)
{
  PromotionsView view = current_view (self);
  GDate from, to;
  g_autofree char *text = NULL;

  plaza_promotion_calendar_set_month (self->calendar, g_date_get_year (&self->anchor),
                                      g_date_get_month (&self->anchor));
  view_range (self, VIEW_TIMELINE, &from, &to);
  plaza_promotion_timeline_set_range (self->timeline, &from, &to);

  if (view == VIEW_CALENDAR || self->zoom == PLAZA_TIMELINE_ZOOM_MONTH)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_get_year (&self->anchor),
                                                       g_date_get_month (&self->anchor), 1, 0, 0, 0);

      /* Translators: a strftime format for the month shown over the calendar. */
      text = g_date_time_format (dt, C_("calendar month", "%B %Y"));
    }
  else
    {
      g_autofree char *a = plaza_date_format (&from);
      g_autofree char *b = plaza_date_format (&to);

      text = g_strdup_printf ("%s – %s", a, b);
    }
  gtk_label_set_label (self->period_label, text);
  gtk_widget_set_visible (self->nav_box, view != VIEW_LIST);
  gtk_widget_set_visible (self->zoom_box, view == VIEW_TIMELINE);
}

/* ---- loading ---- */

typedef struct
{
  char *from;
  char *to;
} RangeJob;

static void
range_job_free (gpointer data)
{
  RangeJob *job = data;

  g_free (job->from);
  g_free (job->to);
  g_free (job);
}

static gpointer
range_job_run (PlazaStore   *store,
               gpointer      data,
               GCancellable *cancellable G_GNUC_UNUSED,
               GError      **error)
{
  RangeJob *job = data;

  return plaza_promotion_calendar_query (store, job->from, job->to, error);
}

typedef struct
{
  PlazaPromotionsPage *self;
  PromotionsView                 view;
  char                *key;
} LoadData;

static void
load_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  LoadData *load = user_data;
  PlazaPromotionsPage *self = load->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) spans = plaza_worker_run_finish (PLAZA_WORKER (source), result, &error);

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (spans == NULL)
        {
          g_autoptr(GString) message = g_string_new (_("The promotions could not be loaded: "));

          g_string_append (message, error != NULL ? error->message : "?");
          plaza_promotions_page_toast (self, adw_toast_new (message->str));
        }
      else
        {
          g_free (self->loaded_key[load->view]);
          self->loaded_key[load->view] = g_strdup (load->key);
          if (load->view == VIEW_CALENDAR)
            plaza_promotion_calendar_set_spans (self->calendar, spans);
          else
            plaza_promotion_timeline_set_spans (self->timeline, spans);
        }
    }
  plaza_promotions_page_set_loading (self, FALSE);
  g_object_unref (self);
  g_free (load->key);
  g_free (load);
}

static void
load_view (PlazaPromotionsPage *self,
           PromotionsView                 view)
{
  RangeJob *job = g_new0 (RangeJob, 1);
  LoadData *load = g_new0 (LoadData, 1);
  GDate from, to;

  view_range (self, view, &from, &to);
  job->from = plaza_date_format (&from);
  job->to = plaza_date_format (&to);
  load->self = g_object_ref (self);
  load->view = view;
  load->key = range_key (self, view);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  plaza_promotions_page_set_loading (self, TRUE);
  plaza_worker_run_async (self->worker, range_job_run, job, range_job_free, self->cancellable, load_done, load);
}

void
plaza_promotions_page_ensure_loaded (PlazaPromotionsPage *self)
{
  PromotionsView view;
  g_autofree char *key = NULL;

  g_return_if_fail (PLAZA_IS_PROMOTIONS_PAGE (self));

  if (self->worker == NULL)
    return;
  view = current_view (self);
  if (view == VIEW_LIST)
    {
      plaza_list_page_ensure_loaded (self->list);
      return;
    }
  key = range_key (self, view);
  if (g_strcmp0 (key, self->loaded_key[view]) != 0)
    load_view (self, view);
}

void
plaza_promotions_page_invalidate (PlazaPromotionsPage *self)
{
  g_return_if_fail (PLAZA_IS_PROMOTIONS_PAGE (self));

  plaza_list_page_invalidate (self->list);
  for (guint i = 0; i < N_VIEWS; i++)
    g_clear_pointer (&self->loaded_key[i], g_free);
}

void
plaza_promotions_page_reload (PlazaPromotionsPage *self)
{
  plaza_promotions_page_invalidate (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    plaza_promotions_page_ensure_loaded (self);
}

/* ---- the editor ---- */

static void
editor_saved_cb (PlazaPromotionsPage *self,
                 gint64               id G_GNUC_UNUSED)
{
  plaza_promotions_page_reload (self);
}

static GtkWindow *
parent_window (PlazaPromotionsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
watch_editor (PlazaPromotionsPage  *self,
              PlazaPromotionEditor *editor)
{
  if (editor != NULL)
    g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, G_CONNECT_SWAPPED);
}

static void
open_promotion (PlazaPromotionsPage *self,
                gint64               id)
{
  if (self->worker == NULL)
    return;
  watch_editor (self, plaza_promotion_editor_open (parent_window (self), self->worker, id));
}

static void
create_on_day_cb (PlazaPromotionsPage *self,
                  const char          *date)
{
  if (self->worker == NULL || plaza_worker_is_read_only (self->worker))
    return;
  watch_editor (self, plaza_promotion_editor_new_with_dates (parent_window (self), self->worker, date, date));
}

/* A full day's "+N more": its week on the timeline. */
static void
show_day_cb (PlazaPromotionsPage *self,
             const char          *date)
{
  GDate day;

  if (!plaza_date_parse (date, &day))
    return;
  self->zoom = PLAZA_TIMELINE_ZOOM_WEEK;
  self->updating = TRUE;
  gtk_drop_down_set_selected (self->zoom_dropdown, self->zoom);
  self->updating = FALSE;
  self->anchor = day;
  plaza_promotions_page_set_view (self, "timeline");
  update_period (self);
  plaza_promotions_page_ensure_loaded (self);
}

static void
create_range_cb (PlazaPromotionsPage *self,
                 const char          *start,
                 const char          *end)
{
  if (self->worker == NULL || plaza_worker_is_read_only (self->worker))
    return;
  watch_editor (self, plaza_promotion_editor_new_with_dates (parent_window (self), self->worker, start, end));
}

static void
new_promotion_cb (PlazaPromotionsPage *self)
{
  if (self->worker == NULL || plaza_worker_is_read_only (self->worker))
    return;
  open_promotion (self, 0);
}

/* ---- views and navigation ---- */

static void
visible_view_cb (PlazaPromotionsPage *self)
{
  if (self->updating)
    return;
  update_period (self);
  plaza_promotions_page_ensure_loaded (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

static void
step (PlazaPromotionsPage *self,
      int                  steps)
{
  if (current_view (self) == VIEW_CALENDAR)
    {
      g_date_set_day (&self->anchor, 1);
      if (steps > 0)
        g_date_add_months (&self->anchor, (guint) steps);
      else
        g_date_subtract_months (&self->anchor, (guint) -steps);
    }
  else
    plaza_promotion_timeline_zoom_step (self->zoom, &self->anchor, steps);
  update_period (self);
  plaza_promotions_page_ensure_loaded (self);
}

static void
previous_cb (PlazaPromotionsPage *self)
{
  step (self, -1);
}

static void
next_cb (PlazaPromotionsPage *self)
{
  step (self, 1);
}

static void
today_cb (PlazaPromotionsPage *self)
{
  local_today (&self->today);
  plaza_promotion_calendar_set_today (self->calendar, &self->today);
  plaza_promotion_timeline_set_today (self->timeline, &self->today);
  plaza_promotions_page_set_anchor (self, &self->today);
}

static void
zoom_changed_cb (PlazaPromotionsPage *self)
{
  if (self->updating)
    return;
  self->zoom = (PlazaTimelineZoom) gtk_drop_down_get_selected (self->zoom_dropdown);
  update_period (self);
  plaza_promotions_page_ensure_loaded (self);
}

static gboolean
shortcut_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data G_GNUC_UNUSED)
{
  PlazaPromotionsPage *self = PLAZA_PROMOTIONS_PAGE (widget);
  const char *what = g_variant_get_string (args, NULL);

  if (g_str_equal (what, "new"))
    new_promotion_cb (self);
  else
    plaza_promotions_page_set_view (self, what);
  return TRUE;
}

static GtkWidget *
build_toolbar (PlazaPromotionsPage *self)
{
  const char * const zoom_labels[] = { _("Week"), _("Month"), _("Quarter"), NULL };
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *switcher = adw_view_switcher_new ();
  GtkWidget *nav = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *arrows = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *prev = gtk_button_new_from_icon_name ("go-previous-symbolic");
  GtkWidget *next = gtk_button_new_from_icon_name ("go-next-symbolic");
  GtkWidget *today = gtk_button_new_with_mnemonic (_("_Today"));
  GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 8);
  gtk_widget_set_margin_bottom (bar, 8);

  adw_view_switcher_set_stack (ADW_VIEW_SWITCHER (switcher), self->stack);
  adw_view_switcher_set_policy (ADW_VIEW_SWITCHER (switcher), ADW_VIEW_SWITCHER_POLICY_WIDE);
  gtk_box_append (GTK_BOX (bar), switcher);

  gtk_widget_add_css_class (arrows, "linked");
  gtk_widget_set_tooltip_text (prev, _("Previous"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (prev), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Previous"), -1);
  gtk_widget_set_tooltip_text (next, _("Next"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (next), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Next"), -1);
  g_signal_connect_swapped (prev, "clicked", G_CALLBACK (previous_cb), self);
  g_signal_connect_swapped (next, "clicked", G_CALLBACK (next_cb), self);
  g_signal_connect_swapped (today, "clicked", G_CALLBACK (today_cb), self);
  gtk_box_append (GTK_BOX (arrows), prev);
  gtk_box_append (GTK_BOX (arrows), today);
  gtk_box_append (GTK_BOX (arrows), next);
  gtk_box_append (GTK_BOX (nav), arrows);
  self->period_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->period_label), "heading");
  /* the toolbar must not widen the page past the window: the label gives way */
  gtk_label_set_ellipsize (self->period_label, PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (self->period_label, 8);
  gtk_label_set_xalign (self->period_label, 0);
  gtk_widget_set_margin_start (GTK_WIDGET (self->period_label), 6);
  gtk_box_append (GTK_BOX (nav), GTK_WIDGET (self->period_label));
  self->nav_box = nav;
  gtk_box_append (GTK_BOX (bar), nav);

  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_box_append (GTK_BOX (bar), spacer);

  /* a dropdown, not three buttons: the toolbar fits a narrow window */
  self->zoom_dropdown = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (zoom_labels));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->zoom_dropdown), _("Zoom"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->zoom_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Zoom"), -1);
  g_signal_connect_swapped (self->zoom_dropdown, "notify::selected", G_CALLBACK (zoom_changed_cb), self);
  self->zoom_box = GTK_WIDGET (self->zoom_dropdown);
  gtk_box_append (GTK_BOX (bar), self->zoom_box);

  self->new_button = gtk_button_new_with_mnemonic (_("_New Promotion"));
  gtk_widget_add_css_class (self->new_button, "suggested-action");
  gtk_widget_set_tooltip_text (self->new_button, _("New promotion (Ctrl+N)"));
  g_signal_connect_swapped (self->new_button, "clicked", G_CALLBACK (new_promotion_cb), self);
  gtk_box_append (GTK_BOX (bar), self->new_button);
  return bar;
}

static void
plaza_promotions_page_dispose (GObject *object)
{
  PlazaPromotionsPage *self = PLAZA_PROMOTIONS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->lifetime);
  g_clear_object (&self->lifetime);
  g_clear_object (&self->worker);
  for (guint i = 0; i < N_VIEWS; i++)
    g_clear_pointer (&self->loaded_key[i], g_free);
  G_OBJECT_CLASS (plaza_promotions_page_parent_class)->dispose (object);
}

static void
plaza_promotions_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  PlazaPromotionsPage *self = PLAZA_PROMOTIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading > 0);
      break;
    case PROP_VIEW:
      g_value_set_string (value, view_names[current_view (self)]);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plaza_promotions_page_class_init (PlazaPromotionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plaza_promotions_page_dispose;
  object_class->get_property = plaza_promotions_page_get_property;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VIEW] =
    g_param_spec_string ("view", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, shortcut_cb, "s", "list");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_2, GDK_CONTROL_MASK, shortcut_cb, "s", "calendar");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_3, GDK_CONTROL_MASK, shortcut_cb, "s", "timeline");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, shortcut_cb, "s", "new");
}

static void
plaza_promotions_page_init (PlazaPromotionsPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  AdwViewStackPage *page;

  self->cancellable = g_cancellable_new ();
  self->lifetime = g_cancellable_new ();
  self->zoom = PLAZA_TIMELINE_ZOOM_MONTH;
  local_today (&self->today);
  self->anchor = self->today;

  self->stack = ADW_VIEW_STACK (adw_view_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);

  self->list = plaza_list_page_new (PLAZA_LIST_PROMOTIONS);
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (open_promotion), self, G_CONNECT_SWAPPED);
  page = adw_view_stack_add_titled (self->stack, GTK_WIDGET (self->list), "list", _("List"));
  adw_view_stack_page_set_icon_name (page, "view-list-symbolic");

  self->calendar = PLAZA_PROMOTION_CALENDAR (plaza_promotion_calendar_new ());
  plaza_promotion_calendar_set_today (self->calendar, &self->today);
  g_signal_connect_object (self->calendar, "activated", G_CALLBACK (open_promotion), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->calendar, "create", G_CALLBACK (create_on_day_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->calendar, "show-day", G_CALLBACK (show_day_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->calendar, "create-range", G_CALLBACK (create_range_cb), self, G_CONNECT_SWAPPED);
  page = adw_view_stack_add_titled (self->stack, GTK_WIDGET (self->calendar), "calendar", _("Calendar"));
  adw_view_stack_page_set_icon_name (page, "x-office-calendar-symbolic");

  self->timeline = PLAZA_PROMOTION_TIMELINE (plaza_promotion_timeline_new ());
  plaza_promotion_timeline_set_today (self->timeline, &self->today);
  g_signal_connect_object (self->timeline, "activated", G_CALLBACK (open_promotion), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->timeline, "move-requested", G_CALLBACK (plaza_promotions_page_move_requested_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->timeline));
  page = adw_view_stack_add_titled (self->stack, scroller, "timeline", _("Timeline"));
  adw_view_stack_page_set_icon_name (page, "view-continuous-symbolic");

  gtk_box_append (GTK_BOX (box), build_toolbar (self));
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));
  adw_bin_set_child (ADW_BIN (self), box);

  self->updating = TRUE;
  gtk_drop_down_set_selected (self->zoom_dropdown, self->zoom);
  self->updating = FALSE;
  g_signal_connect_object (self->stack, "notify::visible-child", G_CALLBACK (visible_view_cb), self,
                           G_CONNECT_SWAPPED);
  update_period (self);
}

GtkWidget *
plaza_promotions_page_new (void)
{
  return g_object_new (PLAZA_TYPE_PROMOTIONS_PAGE, NULL);
}

void
plaza_promotions_page_set_worker (PlazaPromotionsPage *self,
                                  PlazaWorker         *worker)
{
  g_return_if_fail (PLAZA_IS_PROMOTIONS_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_set_object (&self->worker, worker);
  plaza_list_page_set_worker (self->list, worker);
  for (guint i = 0; i < N_VIEWS; i++)
    g_clear_pointer (&self->loaded_key[i], g_free);
  plaza_promotion_calendar_set_spans (self->calendar, NULL);
  plaza_promotion_timeline_set_spans (self->timeline, NULL);
  gtk_widget_set_sensitive (self->new_button, worker != NULL && !plaza_worker_is_read_only (worker));
  plaza_role_guard (self->new_button, worker, "promotion", "create");
}

void
plaza_promotions_page_focus_search (PlazaPromotionsPage *self)
{
  g_return_if_fail (PLAZA_IS_PROMOTIONS_PAGE (self));
  plaza_promotions_page_set_view (self, "list");
  plaza_list_page_focus_search (self->list);
}

gboolean
plaza_promotions_page_set_view (PlazaPromotionsPage *self,
                                const char          *view)
{
  g_return_val_if_fail (PLAZA_IS_PROMOTIONS_PAGE (self), FALSE);

  for (guint i = 0; i < N_VIEWS; i++)
    if (g_strcmp0 (view, view_names[i]) == 0)
      {
        adw_view_stack_set_visible_child_name (self->stack, view);
        return TRUE;
      }
  return FALSE;
}

const char *
plaza_promotions_page_get_view (PlazaPromotionsPage *self)
{
  g_return_val_if_fail (PLAZA_IS_PROMOTIONS_PAGE (self), NULL);
  return view_names[current_view (self)];
}

void
plaza_promotions_page_set_anchor (PlazaPromotionsPage *self,
                                  const GDate         *anchor)
{
  g_return_if_fail (PLAZA_IS_PROMOTIONS_PAGE (self));
  g_return_if_fail (g_date_valid (anchor));

  self->anchor = *anchor;
  update_period (self);
  plaza_promotions_page_ensure_loaded (self);
}

gboolean
plaza_promotions_page_get_loading (PlazaPromotionsPage *self)
{
  g_return_val_if_fail (PLAZA_IS_PROMOTIONS_PAGE (self), FALSE);
  return self->loading > 0;
}

PlazaListPage *
plaza_promotions_page_get_list (PlazaPromotionsPage *self)
{
  g_return_val_if_fail (PLAZA_IS_PROMOTIONS_PAGE (self), NULL);
  return self->list;
}

GtkWidget *
plaza_promotions_page_get_calendar (PlazaPromotionsPage *self)
{
  g_return_val_if_fail (PLAZA_IS_PROMOTIONS_PAGE (self), NULL);
  return GTK_WIDGET (self->calendar);
}

GtkWidget *
plaza_promotions_page_get_timeline (PlazaPromotionsPage *self)
{
  g_return_val_if_fail (PLAZA_IS_PROMOTIONS_PAGE (self), NULL);
  return GTK_WIDGET (self->timeline);
}
