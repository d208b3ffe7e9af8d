/* plaza-leasing-page-board.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Leasing page's board: a column per stage (接洽 … 签约, 放弃) and a
 * card per prospect with its brand, category, wanted area and days in the
 * stage. A card dragged onto the next or previous column, or moved with
 * its menu, is moved in the worker (plaza_prospect_move ()); onto Dropped
 * the reason is asked first. A move that is not allowed is refused with a
 * toast. A click on a card opens the prospect window.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-leasing-page-private.h"
#include "plaza-money.h"

static PlazaProspect *
find_prospect (PlazaLeasingPage *self,
               gint64            id)
{
  for (guint i = 0; self->prospects != NULL && i < self->prospects->len; i++)
    if (((PlazaProspect *) self->prospects->pdata[i])->id == id)
      return self->prospects->pdata[i];
  return NULL;
}

/* ---- moves ---- */

typedef struct
{
  gint64              id;
  gint64              rev;
  PlazaProspectStage  to;
  char               *reason;
} MoveJob;

static void
move_job_free (gpointer data)
{
  MoveJob *job = data;

  g_free (job->reason);
  g_free (job);
}

static gpointer
move_run (PlazaStore    *store,
          gpointer       data,
          GCancellable  *cancellable G_GNUC_UNUSED,
          GError       **error)
{
  MoveJob *job = data;

  return plaza_prospect_move (store, job->id, job->rev, job->to, job->reason, error) ? GINT_TO_POINTER (1) : NULL;
}

static void
move_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  PlazaLeasingPage *self = user_data;
  g_autoptr(GError) error = NULL;

  if (plaza_worker_run_finish (PLAZA_WORKER (source), result, &error) == NULL &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *text = g_strdup_printf (_("Not moved: %s"), error != NULL ? error->message : "?");

      plaza_leasing_page_toast (self, text);
    }
  plaza_leasing_page_reload (self);
  g_object_unref (self);
}

static void
run_move (PlazaLeasingPage   *self,
          PlazaProspect      *p,
          PlazaProspectStage  to,
          const char         *reason)
{
  MoveJob *job = g_new0 (MoveJob, 1);

  job->id = p->id;
  job->rev = p->rev;
  job->to = to;
  job->reason = g_strdup (reason);
  plaza_worker_run_async (self->worker, move_run, job, move_job_free, self->cancellable, move_done, g_object_ref (self));
}

typedef struct
{
  PlazaLeasingPage *self;
  gint64            id;
} DropAsk;

static void
drop_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  gpointer          user_data)
{
  DropAsk *ask = user_data;
  PlazaProspect *p = find_prospect (ask->self, ask->id);

  if (g_str_equal (response, "drop") && p != NULL)
    run_move (ask->self, p, PLAZA_PROSPECT_DROPPED,
              gtk_editable_get_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog))));
  g_object_unref (ask->self);
  g_free (ask);
}

void
plaza_leasing_page_move (PlazaLeasingPage   *self,
                         gint64              id,
                         PlazaProspectStage  to)
{
  PlazaProspect *p = find_prospect (self, id);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (p == NULL || self->worker == NULL || p->stage == to)
    return;
  if (!plaza_prospect_can_move (p->stage, to))
    {
      g_autofree char *text = g_strdup_printf (_("A prospect in %s can move one stage on or back, or be dropped."),
                                               plaza_prospect_stage_label (p->stage));

      plaza_leasing_page_toast (self, text);
      return;
    }
  if (to == PLAZA_PROSPECT_DROPPED)
    {
      g_autofree char *heading = g_strdup_printf (_("Drop %s?"), p->name);
      GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                                  _("Say why, for the pipeline's record."));
      GtkWidget *entry = gtk_entry_new ();
      DropAsk *ask = g_new0 (DropAsk, 1);

      ask->self = g_object_ref (self);
      ask->id = id;
      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason"));
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "drop", _("_Drop"), NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "drop", ADW_RESPONSE_DESTRUCTIVE);
      g_signal_connect (dialog, "response", G_CALLBACK (drop_response_cb), ask);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  run_move (self, p, to, NULL);
}

/* ---- cards ---- */

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source G_GNUC_UNUSED,
                 double         x G_GNUC_UNUSED,
                 double         y G_GNUC_UNUSED,
                 GtkWidget     *card)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (card), "prospect-id"));

  return gdk_content_provider_new_typed (G_TYPE_INT64, id);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x G_GNUC_UNUSED,
         double         y G_GNUC_UNUSED,
         gpointer       user_data)
{
  PlazaLeasingPage *self = user_data;
  GtkWidget *column = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  PlazaProspectStage to = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (column), "stage"));

  if (!G_VALUE_HOLDS_INT64 (value))
    return FALSE;
  plaza_leasing_page_move (self, g_value_get_int64 (value), to);
  return TRUE;
}

static void
card_released_cb (GtkGestureClick *gesture,
                  int              n_press G_GNUC_UNUSED,
                  double           x G_GNUC_UNUSED,
                  double           y G_GNUC_UNUSED,
                  PlazaLeasingPage *self)
{
  GtkWidget *card = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (card), "prospect-id"));

  plaza_leasing_page_open_prospect (self, id);
}

/* Tooltips through query-tooltip: gtk_widget_set_tooltip_text makes GTK
 * query the pointer (an X round trip) for every card of the board. */
static gboolean
card_query_tooltip_cb (GtkWidget  *card,
                       int         x G_GNUC_UNUSED,
                       int         y G_GNUC_UNUSED,
                       gboolean    keyboard G_GNUC_UNUSED,
                       GtkTooltip *tooltip,
                       gpointer    user_data G_GNUC_UNUSED)
{
  const char *text = g_object_get_data (G_OBJECT (card), "plaza-tooltip");

  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
set_tooltip (GtkWidget  *widget,
             const char *text)
{
  g_object_set_data_full (G_OBJECT (widget), "plaza-tooltip", g_strdup (text), g_free);
  gtk_widget_set_has_tooltip (widget, TRUE);
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (card_query_tooltip_cb), NULL);
}

static void
add_menu_item (GMenu              *menu,
               const char         *label,
               gint64              id,
               const char         *stage)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, "leasing.move", g_variant_new ("(xs)", id, stage));
  g_menu_append_item (menu, item);
}

static GtkWidget *
card_menu (PlazaProspect *p)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) open = g_menu_item_new (_("Open"), NULL);
  GtkWidget *button = gtk_menu_button_new ();

  g_menu_item_set_action_and_target_value (open, "leasing.open", g_variant_new_int64 (p->id));
  g_menu_append_item (menu, open);
  if (p->stage < PLAZA_PROSPECT_SIGNED)
    {
      g_autofree char *label = g_strdup_printf (_("On to %s"), plaza_prospect_stage_label (p->stage + 1));

      add_menu_item (menu, label, p->id, plaza_prospect_stage_code (p->stage + 1));
    }
  if (p->stage > PLAZA_PROSPECT_CONTACT && p->stage < PLAZA_PROSPECT_SIGNED)
    {
      g_autofree char *label = g_strdup_printf (_("Back to %s"), plaza_prospect_stage_label (p->stage - 1));

      add_menu_item (menu, label, p->id, plaza_prospect_stage_code (p->stage - 1));
    }
  if (p->stage < PLAZA_PROSPECT_SIGNED)
    add_menu_item (menu, _("Drop…"), p->id, "dropped");
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_widget_set_margin_top (button, 2);
  gtk_widget_set_margin_end (button, 2);
  set_tooltip (button, _("Move"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Move"), -1);
  return button;
}

static GtkWidget *
label_new (const char *text,
           const char *css)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (css != NULL)
    gtk_widget_add_css_class (label, css);
  return label;
}

/* The details wrap in a narrow column rather than lose their ends. */
static GtkWidget *
wrapping (GtkWidget *label)
{
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_NONE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  return label;
}

static GtkWidget *
card_new (PlazaLeasingPage *self,
          PlazaProspect    *p)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *name = label_new (*p->brand != '\0' ? p->brand : p->name, "heading");
  GtkWidget *caption, *since;
  g_autofree char *area = plaza_area_format (p->wanted_area);
  g_autofree char *line = NULL;
  g_autofree char *days = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lld day in stage", "%lld days in stage",
                                                         (gulong) p->days_in_stage),
                                           (long long) p->days_in_stage);
  GtkDragSource *source = gtk_drag_source_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  g_object_set_data (G_OBJECT (card), "prospect-id", GSIZE_TO_POINTER ((gsize) p->id));
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "activatable");
  gtk_widget_set_margin_bottom (card, 6);
  /* the name with the menu beside it; the details below use the full width */
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_set_margin_start (name, 10);
  gtk_widget_set_margin_top (name, 4);
  gtk_box_append (GTK_BOX (top), name);
  gtk_box_append (GTK_BOX (top), card_menu (p));
  gtk_box_append (GTK_BOX (card), top);
  /* Translators: a category, then the wanted area. */
  line = g_strdup_printf (_("%s · %s m²"), *p->category != '\0' ? p->category : "—", area);
  caption = wrapping (label_new (line, "caption"));
  since = wrapping (label_new (days, p->days_in_stage > 60 ? "warning" : "dim-label"));
  gtk_widget_set_margin_start (caption, 10);
  gtk_widget_set_margin_end (caption, 10);
  gtk_widget_set_margin_start (since, 10);
  gtk_widget_set_margin_end (since, 10);
  gtk_widget_set_margin_bottom (since, 8);
  gtk_box_append (GTK_BOX (card), caption);
  gtk_box_append (GTK_BOX (card), since);
  set_tooltip (card, p->name);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), card);
  gtk_widget_add_controller (card, GTK_EVENT_CONTROLLER (source));
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "released", G_CALLBACK (card_released_cb), self, 0);
  gtk_widget_add_controller (card, GTK_EVENT_CONTROLLER (click));
  return card;
}

/* A card is a dozen widgets to build, style and lay out: the board gets
 * CARDS_PER_FRAME of them a frame, not all of them in one main-loop turn
 * (~100 ms for a medium mall's pipeline). */
#define CARDS_PER_FRAME 10

/* Adds the next cards; FALSE when every prospect has its card. */
static gboolean
fill_more (PlazaLeasingPage *self)
{
  guint end;

  if (self->prospects == NULL)
    return FALSE;
  end = MIN (self->fill_next + CARDS_PER_FRAME, self->prospects->len);
  for (; self->fill_next < end; self->fill_next++)
    {
      PlazaProspect *p = self->prospects->pdata[self->fill_next];

      gtk_box_append (GTK_BOX (self->columns[p->stage]), card_new (self, p));
    }
  return self->fill_next < self->prospects->len;
}

static gboolean
fill_tick_cb (GtkWidget     *widget G_GNUC_UNUSED,
              GdkFrameClock *clock G_GNUC_UNUSED,
              gpointer       user_data)
{
  PlazaLeasingPage *self = user_data;

  if (fill_more (self))
    return G_SOURCE_CONTINUE;
  self->fill_tick = 0;
  return G_SOURCE_REMOVE;
}

static gboolean
fill_idle_cb (gpointer user_data)
{
  PlazaLeasingPage *self = user_data;

  if (fill_more (self))
    return G_SOURCE_CONTINUE;
  self->fill_idle = 0;
  return G_SOURCE_REMOVE;
}

/* The board went out of a window with cards to come: idles go on. */
static void
board_unrealize_cb (PlazaLeasingPage *self)
{
  if (self->fill_tick == 0)
    return;
  gtk_widget_remove_tick_callback (self->board, self->fill_tick);
  self->fill_tick = 0;
  self->fill_idle = g_idle_add (fill_idle_cb, self);
}

void
plaza_leasing_page_stop_fill (PlazaLeasingPage *self)
{
  if (self->fill_tick != 0 && self->board != NULL)
    gtk_widget_remove_tick_callback (self->board, self->fill_tick);
  self->fill_tick = 0;
  g_clear_handle_id (&self->fill_idle, g_source_remove);
}

void
plaza_leasing_page_fill_board (PlazaLeasingPage *self)
{
  guint counts[PLAZA_PROSPECT_N_STAGES] = { 0 };

  plaza_leasing_page_stop_fill (self);
  for (guint s = 0; s < PLAZA_PROSPECT_N_STAGES; s++)
    {
      GtkWidget *child;

      while ((child = gtk_widget_get_first_child (self->columns[s])) != NULL)
        gtk_box_remove (GTK_BOX (self->columns[s]), child);
    }
  for (guint i = 0; self->prospects != NULL && i < self->prospects->len; i++)
    counts[((PlazaProspect *) self->prospects->pdata[i])->stage]++;
  for (guint s = 0; s < PLAZA_PROSPECT_N_STAGES; s++)
    {
      g_autofree char *text = g_strdup_printf ("%s · %u", plaza_prospect_stage_label (s), counts[s]);

      gtk_label_set_label (self->headers[s], text);
    }
  self->fill_next = 0;
  if (!fill_more (self))
    return;
  if (gtk_widget_get_realized (self->board))
    self->fill_tick = gtk_widget_add_tick_callback (self->board, fill_tick_cb, self, NULL);
  else
    self->fill_idle = g_idle_add (fill_idle_cb, self);
}

GtkWidget *
plaza_leasing_page_build_board (PlazaLeasingPage *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();

  self->board = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_signal_connect_swapped (self->board, "unrealize", G_CALLBACK (board_unrealize_cb), self);
  gtk_box_set_homogeneous (GTK_BOX (self->board), TRUE);
  gtk_widget_set_margin_start (self->board, 12);
  gtk_widget_set_margin_end (self->board, 12);
  gtk_widget_set_margin_top (self->board, 12);
  gtk_widget_set_margin_bottom (self->board, 12);
  for (guint s = 0; s < PLAZA_PROSPECT_N_STAGES; s++)
    {
      GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *cards_scroller = gtk_scrolled_window_new ();
      GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);

      gtk_widget_set_size_request (column, 150, -1);
      g_object_set_data (G_OBJECT (column), "stage", GUINT_TO_POINTER (s));
      self->headers[s] = GTK_LABEL (label_new (plaza_prospect_stage_label (s), "heading"));
      gtk_box_append (GTK_BOX (column), GTK_WIDGET (self->headers[s]));
      self->columns[s] = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (cards_scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (cards_scroller), self->columns[s]);
      gtk_widget_set_vexpand (cards_scroller, TRUE);
      gtk_box_append (GTK_BOX (column), cards_scroller);
      g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, 0);
      gtk_widget_add_controller (column, GTK_EVENT_CONTROLLER (target));
      gtk_box_append (GTK_BOX (self->board), column);
    }
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->board);
  return scroller;
}
