/* test-gui-promotion-calendar.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Promotions page on a medium demo mall made with today's date, plus a
 * draft and an approved plan of our own running this month: the calendar
 * of this month shows exactly the promotions core's query returns for its
 * grid (same order, same clash flags), and all those overlapping the
 * month; on the timeline a draft dragged by three days, then shortened by
 * a day at its end, is moved in the database; an approved plan does not
 * move, neither by the widget nor when the move signal is forced. The
 * mouse way too: a drag gesture on a one-day draft's bar moves it by the
 * days dragged, one on an approved bar is refused. A click on a plan opens
 * it in the promotion editor, a double click on a day (or days dragged
 * over) a new one.
 */

#define G_LOG_DOMAIN "plaza-test"

#include "config.h"

#include <adwaita.h>

#include "charts/plaza-promotion-calendar.h"
#include "charts/plaza-promotion-timeline-private.h"
#include "plaza-date.h"
#include "plaza-promotion-dates.h"
#include "plaza-promotion-editor.h"
#include "plaza-promotion.h"
#include "plaza-promotions-page.h"
#include "plaza-window.h"
#include "test-gui-util.h"
#include "test-util.h"

static gboolean
window_opened (gpointer data)
{
  return !plaza_window_get_busy (data) && plaza_window_get_path (data) != NULL;
}

static gboolean
calendar_loaded (gpointer data)
{
  PlazaPromotionsPage *page = data;

  return !plaza_promotions_page_get_loading (page)
         && plaza_promotion_calendar_get_spans (PLAZA_PROMOTION_CALENDAR (plaza_promotions_page_get_calendar (page))) != NULL;
}

static gboolean
timeline_loaded (gpointer data)
{
  PlazaPromotionsPage *page = data;

  return !plaza_promotions_page_get_loading (page)
         && plaza_promotion_timeline_get_spans (PLAZA_PROMOTION_TIMELINE (plaza_promotions_page_get_timeline (page))) != NULL;
}

static gboolean
not_loading (gpointer data)
{
  return !plaza_promotions_page_get_loading (data);
}

static char *
shift (const GDate *date,
       int          days)
{
  GDate d = *date;

  if (days >= 0)
    g_date_add_days (&d, (guint) days);
  else
    g_date_subtract_days (&d, (guint) -days);
  return plaza_date_format (&d);
}

static gint64
create (PlazaStore  *store,
        const char  *name,
        const char  *from,
        const char  *to,
        gboolean     approve)
{
  g_autoptr(PlazaPromotion) p = plaza_promotion_new ();
  g_autoptr(GError) error = NULL;

  p->name = g_strdup (name);
  p->start_date = g_strdup (from);
  p->end_date = g_strdup (to);
  g_assert_true (plaza_promotion_create (store, p, &error));
  g_assert_no_error (error);
  if (approve)
    {
      g_assert_cmpint (plaza_promotion_transition (store, p->id, 1, PLAZA_PROMOTION_SUBMIT, NULL, &error), ==, 2);
      g_assert_cmpint (plaza_promotion_transition (store, p->id, 2, PLAZA_PROMOTION_APPROVE, NULL, &error), ==, 3);
      g_assert_no_error (error);
    }
  return p->id;
}

static void
assert_dates (PlazaStore *store,
              gint64      id,
              const char *start,
              const char *end)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaPromotion) p = plaza_promotion_load (store, id, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (p->start_date, ==, start);
  g_assert_cmpstr (p->end_date, ==, end);
}

static gboolean
allocated (gpointer data)
{
  return gtk_widget_get_width (data) > 0 && gtk_widget_get_mapped (data);
}

static GtkGesture *
drag_gesture (GtkWidget *widget)
{
  GListModel *controllers = gtk_widget_observe_controllers (widget);
  GtkGesture *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && found == NULL; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_DRAG (item))
        found = GTK_GESTURE (item);
    }
  g_object_unref (controllers);
  g_assert_nonnull (found);
  return found;
}

/* Drags the bar of promotion @id by @days with the drag gesture's signals. */
static void
drag_bar (PlazaPromotionTimeline *timeline,
          gint64                  id,
          int                     days)
{
  GPtrArray *spans = plaza_promotion_timeline_get_spans (timeline);
  double width = gtk_widget_get_width (GTK_WIDGET (timeline));
  double day_w = plaza_promotion_timeline_day_width (timeline, width);
  GtkGesture *drag = drag_gesture (GTK_WIDGET (timeline));
  double x, y, w, h;
  guint index = G_MAXUINT;

  for (guint i = 0; i < spans->len; i++)
    if (((PlazaPromotionSpan *) g_ptr_array_index (spans, i))->id == id)
      index = i;
  g_assert_cmpuint (index, <, spans->len);
  g_assert_true (plaza_promotion_timeline_bar_rect (timeline, index, width, &x, &y, &w, &h));
  g_signal_emit_by_name (drag, "drag-begin", x + w / 2, y + h / 2);
  g_signal_emit_by_name (drag, "drag-update", days * day_w * 0.6, 0.0);
  g_signal_emit_by_name (drag, "drag-update", days * day_w + 2, 1.0);
  g_signal_emit_by_name (drag, "drag-end", days * day_w + 2, 1.0);
}

static PlazaPromotionEditor *
find_editor (gint64 id)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (PLAZA_IS_PROMOTION_EDITOR (item) && plaza_promotion_editor_get_id (PLAZA_PROMOTION_EDITOR (item)) == id)
        return PLAZA_PROMOTION_EDITOR (item);
    }
  return NULL;
}

static gboolean
editor_idle (gpointer data)
{
  return !plaza_promotion_editor_get_busy (data);
}

/* The span of promotion @id; the test fails when it is not shown. */
static const PlazaPromotionSpan *
find_span (GPtrArray *spans,
           gint64     id)
{
  for (guint i = 0; spans != NULL && i < spans->len; i++)
    if (((PlazaPromotionSpan *) g_ptr_array_index (spans, i))->id == id)
      return g_ptr_array_index (spans, i);
  g_error ("Promotion %lld is not shown", (long long) id);
}

static void
test_page (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("plaza-gui-promotion-calendar-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "mall.db", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today_text = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GPtrArray) month = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *month_from = NULL;
  g_autofree char *month_to = NULL;
  g_autofree char *d_start = NULL;
  g_autofree char *d_end = NULL;
  g_autofree char *a_start = NULL;
  g_autofree char *a_end = NULL;
  g_autofree char *sql = NULL;
  PlazaWindow *window;
  PlazaPromotionsPage *page;
  PlazaPromotionCalendar *calendar;
  PlazaPromotionTimeline *timeline;
  GPtrArray *shown;
  const PlazaPromotionSpan *span;
  GDate today, first, last;
  gint64 draft, draft2, approved, approved_rev;

  g_assert_true (plaza_date_parse (today_text, &today));
  g_assert_cmpint (plaza_test_run_plazactl ((const char *[]) { "demo", path, "--size", "medium",
                                                               "--today", today_text, NULL }, NULL, NULL), ==, 0);
  store = plaza_store_open (path, PLAZA_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  /* a draft from today for five days, an approved plan around today */
  d_start = plaza_date_format (&today);
  d_end = shift (&today, 4);
  draft = create (store, "测试草稿 Test draft", d_start, d_end, FALSE);
  a_start = shift (&today, -1);
  a_end = shift (&today, 1);
  approved = create (store, "已批准 Approved", a_start, a_end, TRUE);
  approved_rev = 3;
  /* a one-day draft today: on the month's timeline whatever the day */
  draft2 = create (store, "一日快闪 Pop-up", d_start, d_start, FALSE);

  window = plaza_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  plaza_window_open (window, path, PLAZA_STORE_OPEN_DEFAULT);
  plaza_test_spin_until (window_opened, window, "the database to open");
  g_assert_true (plaza_window_set_page (window, "promotions"));
  page = PLAZA_PROMOTIONS_PAGE (plaza_window_get_page_widget (window, "promotions"));
  g_assert_true (PLAZA_IS_PROMOTIONS_PAGE (page));
  calendar = PLAZA_PROMOTION_CALENDAR (plaza_promotions_page_get_calendar (page));
  timeline = PLAZA_PROMOTION_TIMELINE (plaza_promotions_page_get_timeline (page));
  g_assert_false (plaza_promotions_page_set_view (page, "gantt"));

  /* ---- the calendar of this month ---- */
  g_assert_true (plaza_promotions_page_set_view (page, "calendar"));
  plaza_test_spin_until (calendar_loaded, page, "the calendar");
  plaza_promotion_calendar_get_grid (calendar, &first, &last);
  g_assert_cmpint (g_date_get_weekday (&first), ==, G_DATE_MONDAY);
  g_assert_cmpint (g_date_get_weekday (&last), ==, G_DATE_SUNDAY);
  g_assert_cmpint (g_date_compare (&first, &today), <=, 0);
  g_assert_cmpint (g_date_compare (&last, &today), >=, 0);
  from = plaza_date_format (&first);
  to = plaza_date_format (&last);
  expected = plaza_promotion_calendar_query (store, from, to, &error);
  g_assert_no_error (error);
  shown = plaza_promotion_calendar_get_spans (calendar);
  g_assert_cmpuint (shown->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      const PlazaPromotionSpan *a = g_ptr_array_index (expected, i);
      const PlazaPromotionSpan *b = g_ptr_array_index (shown, i);

      g_assert_cmpint (a->id, ==, b->id);
      g_assert_cmpstr (a->start_date, ==, b->start_date);
      g_assert_cmpstr (a->end_date, ==, b->end_date);
      g_assert_cmpint (a->clash, ==, b->clash);
    }
  find_span (shown, approved);
  /* our mall-wide draft and approved plan overlap today: they clash */
  g_assert_true (find_span (shown, draft)->clash);

  /* the month's own promotions: every row overlapping the 1st … last day */
  month_from = g_strdup_printf ("%.7s-01", today_text);
  {
    GDate end = today;

    g_date_set_day (&end, g_date_get_days_in_month (g_date_get_month (&today), g_date_get_year (&today)));
    month_to = plaza_date_format (&end);
  }
  month = plaza_promotion_calendar_get_month_spans (calendar);
  sql = g_strdup_printf ("SELECT COUNT (*) FROM promotions WHERE start_date <= '%s' AND end_date >= '%s'",
                         month_to, month_from);
  g_assert_cmpint (month->len, ==, plaza_test_count (store, sql));
  g_assert_cmpuint (month->len, >=, 2);

  /* ---- the timeline: a draft moves ---- */
  g_assert_true (plaza_promotions_page_set_view (page, "timeline"));
  plaza_test_spin_until (timeline_loaded, page, "the timeline");
  span = find_span (plaza_promotion_timeline_get_spans (timeline), draft);
  g_assert_true (plaza_promotion_timeline_end_drag (timeline, draft, PLAZA_TIMELINE_DRAG_MOVE, 3));
  g_assert_true (plaza_promotions_page_get_loading (page));
  plaza_test_spin_until (not_loading, page, "the move and the reload");
  {
    g_autofree char *s = shift (&today, 3);
    g_autofree char *e = shift (&today, 7);

    assert_dates (store, draft, s, e);
    span = find_span (plaza_promotion_timeline_get_spans (timeline), draft);
    g_assert_cmpstr (span->start_date, ==, s);
    g_assert_cmpint (span->rev, ==, 2);
  }

  /* its right end dragged one day back */
  g_assert_true (plaza_promotion_timeline_end_drag (timeline, draft, PLAZA_TIMELINE_DRAG_END, -1));
  plaza_test_spin_until (not_loading, page, "the resize and the reload");
  {
    g_autofree char *s = shift (&today, 3);
    g_autofree char *e = shift (&today, 6);

    assert_dates (store, draft, s, e);
  }
  /* the start cannot be dragged past the end: it stops on the end day */
  g_assert_true (plaza_promotion_timeline_end_drag (timeline, draft, PLAZA_TIMELINE_DRAG_START, 30));
  plaza_test_spin_until (not_loading, page, "the resize and the reload");
  {
    g_autofree char *e = shift (&today, 6);

    assert_dates (store, draft, e, e);
  }

  /* ---- an approved plan does not move ---- */
  g_assert_false (plaza_promotion_timeline_end_drag (timeline, approved, PLAZA_TIMELINE_DRAG_MOVE, 2));
  g_assert_false (plaza_promotions_page_get_loading (page));
  assert_dates (store, approved, a_start, a_end);
  /* even when the drag's signal is forced, the worker refuses it */
  {
    g_autofree char *s = shift (&today, 1);
    g_autofree char *e = shift (&today, 3);

    g_signal_emit_by_name (timeline, "move-requested", approved, approved_rev, s, e);
    plaza_test_spin_until (not_loading, page, "the refused move");
    assert_dates (store, approved, a_start, a_end);
  }
  span = find_span (plaza_promotion_timeline_get_spans (timeline), approved);
  g_assert_cmpstr (span->state, ==, "approved");

  /* ---- the mouse: a drag gesture on the bars ---- */
  plaza_test_spin_until (allocated, timeline, "the timeline on screen");
  drag_bar (timeline, draft2, 2);
  g_assert_true (plaza_promotions_page_get_loading (page));
  plaza_test_spin_until (not_loading, page, "the dragged move");
  {
    g_autofree char *s = shift (&today, 2);

    assert_dates (store, draft2, s, s);
  }
  drag_bar (timeline, approved, 3);
  g_assert_false (plaza_promotions_page_get_loading (page));
  assert_dates (store, approved, a_start, a_end);

  /* ---- opening plans: a click on a bar, a double click on a day ---- */
  {
    PlazaPromotionEditor *editor;

    g_signal_emit_by_name (timeline, "activated", approved);
    editor = find_editor (approved);
    g_assert_nonnull (editor);
    plaza_test_spin_until (editor_idle, editor, "the editor to load");
    gtk_window_destroy (GTK_WINDOW (editor));

    g_assert_true (plaza_promotions_page_set_view (page, "calendar"));
    g_signal_emit_by_name (calendar, "create", d_start);
    editor = find_editor (0);
    g_assert_nonnull (editor);
    plaza_test_spin_until (editor_idle, editor, "the new editor");
    gtk_window_destroy (GTK_WINDOW (editor));

    /* days dragged over: a new plan with those dates */
    g_signal_emit_by_name (calendar, "create-range", d_start, d_end);
    editor = find_editor (0);
    g_assert_nonnull (editor);
    plaza_test_spin_until (editor_idle, editor, "the new editor for the days");
    gtk_window_destroy (GTK_WINDOW (editor));
  }

  /* ---- a full day's "+N more" shows its week on the timeline ---- */
  g_signal_emit_by_name (calendar, "show-day", d_start);
  g_assert_cmpstr (plaza_promotions_page_get_view (page), ==, "timeline");
  plaza_test_spin_until (timeline_loaded, page, "the week's timeline");
  find_span (plaza_promotion_timeline_get_spans (timeline), approved);
  {
    GDate wfrom, wto;
    g_autofree char *a = NULL;
    g_autofree char *b = NULL;
    g_autoptr(GPtrArray) week = NULL;

    /* two weeks from the Monday of today's week, as core lists them */
    plaza_promotion_timeline_zoom_range (PLAZA_TIMELINE_ZOOM_WEEK, &today, &wfrom, &wto);
    g_assert_cmpint (g_date_get_weekday (&wfrom), ==, G_DATE_MONDAY);
    g_assert_cmpint (g_date_days_between (&wfrom, &wto), ==, 13);
    a = plaza_date_format (&wfrom);
    b = plaza_date_format (&wto);
    week = plaza_promotion_calendar_query (store, a, b, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (plaza_promotion_timeline_get_spans (timeline)->len, ==, week->len);
  }

  /* ---- the list view and search ---- */
  plaza_promotions_page_focus_search (page);
  g_assert_cmpstr (plaza_promotions_page_get_view (page), ==, "list");

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  plaza_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/gui/promotion-calendar/page", test_page);
  return g_test_run ();
}
