/* plaza-live-banner.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PlazaLiveBanner: a revealer at the top of a record window that slides in
 * when the worker reports another client's change to that record ("陈强
 * changed this tenant at 10:42") with a Reload button, which emits
 * "reload" and hides the banner. The window decides what reloading means.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-change-log.h"
#include "plaza-live-banner.h"

struct _PlazaLiveBanner
{
  AdwBin       parent_instance;

  PlazaWorker *worker;
  char        *entity;
  gint64       entity_id;

  GtkRevealer *revealer;
  GtkLabel    *label;
};

G_DEFINE_FINAL_TYPE (PlazaLiveBanner, plaza_live_banner, ADW_TYPE_BIN)

enum
{
  RELOAD,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
local_clock (const char *at)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (at, NULL);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (at);
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%H:%M");
}

static void
changes_cb (PlazaLiveBanner *self,
            GPtrArray       *changes)
{
  const PlazaChange *last = NULL;
  g_autofree char *noun = NULL;
  g_autofree char *clock = NULL;
  g_autofree char *text = NULL;
  g_autofree char *summary = NULL;

  if (self->entity == NULL || self->entity_id <= 0)
    return;
  for (guint i = 0; i < changes->len; i++)
    {
      const PlazaChange *c = g_ptr_array_index (changes, i);

      if (c->entity_id == self->entity_id &&
          g_strcmp0 (plaza_change_entity_label (c->entity), plaza_change_entity_label (self->entity)) == 0)
        last = c;
    }
  if (last == NULL)
    return;
  noun = g_utf8_strdown (plaza_change_entity_label (self->entity), -1);
  clock = local_clock (last->at);
  /* TRANSLATORS: "陈强 changed this tenant at 10:42" */
  text = g_strdup_printf (_("%s changed this %s at %s"), last->user_display, noun, clock);
  gtk_label_set_label (self->label, text);
  summary = plaza_change_summary_for_display (last->summary);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->label), summary);
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
}

static void
reload_clicked_cb (PlazaLiveBanner *self)
{
  plaza_live_banner_dismiss (self);
  g_signal_emit (self, signals[RELOAD], 0);
}

static void
plaza_live_banner_dispose (GObject *object)
{
  PlazaLiveBanner *self = PLAZA_LIVE_BANNER (object);

  if (self->worker != NULL)
    g_signal_handlers_disconnect_by_data (self->worker, self);
  g_clear_object (&self->worker);
  G_OBJECT_CLASS (plaza_live_banner_parent_class)->dispose (object);
}

static void
plaza_live_banner_finalize (GObject *object)
{
  g_free (PLAZA_LIVE_BANNER (object)->entity);
  G_OBJECT_CLASS (plaza_live_banner_parent_class)->finalize (object);
}

static void
plaza_live_banner_class_init (PlazaLiveBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = plaza_live_banner_dispose;
  object_class->finalize = plaza_live_banner_finalize;

  /**
   * PlazaLiveBanner::reload:
   *
   * The user asked to see the other client's version.
   */
  signals[RELOAD] = g_signal_new ("reload", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
plaza_live_banner_init (PlazaLiveBanner *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Reload"));

  self->revealer = GTK_REVEALER (gtk_revealer_new ());
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->label, 0);
  gtk_label_set_wrap (self->label, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->label), TRUE);
  gtk_widget_add_css_class (box, "toolbar");
  gtk_widget_add_css_class (box, "osd");
  gtk_widget_set_margin_start (GTK_WIDGET (self->label), 6);
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_object (button, "clicked", G_CALLBACK (reload_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->label));
  gtk_box_append (GTK_BOX (box), button);
  gtk_revealer_set_child (self->revealer, box);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->revealer));
}

PlazaLiveBanner *
plaza_live_banner_new (PlazaWorker *worker,
                       const char  *entity,
                       gint64       entity_id)
{
  PlazaLiveBanner *self;

  g_return_val_if_fail (PLAZA_IS_WORKER (worker), NULL);

  self = g_object_new (PLAZA_TYPE_LIVE_BANNER, NULL);
  self->worker = g_object_ref (worker);
  plaza_live_banner_set_record (self, entity, entity_id);
  g_signal_connect_object (worker, "changes", G_CALLBACK (changes_cb), self, G_CONNECT_SWAPPED);
  return self;
}

void
plaza_live_banner_set_record (PlazaLiveBanner *self,
                              const char      *entity,
                              gint64           entity_id)
{
  g_return_if_fail (PLAZA_IS_LIVE_BANNER (self));

  g_free (self->entity);
  self->entity = g_strdup (entity);
  self->entity_id = entity_id;
  plaza_live_banner_dismiss (self);
}

void
plaza_live_banner_dismiss (PlazaLiveBanner *self)
{
  g_return_if_fail (PLAZA_IS_LIVE_BANNER (self));
  gtk_revealer_set_reveal_child (self->revealer, FALSE);
  gtk_label_set_label (self->label, "");
}

gboolean
plaza_live_banner_is_shown (PlazaLiveBanner *self)
{
  g_return_val_if_fail (PLAZA_IS_LIVE_BANNER (self), FALSE);
  return gtk_revealer_get_reveal_child (self->revealer);
}

const char *
plaza_live_banner_get_text (PlazaLiveBanner *self)
{
  g_return_val_if_fail (PLAZA_IS_LIVE_BANNER (self), "");
  return gtk_label_get_label (self->label);
}

static GtkWidget *
find_header_bar (GtkWidget *widget)
{
  if (ADW_IS_HEADER_BAR (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_header_bar (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

PlazaLiveBanner *
plaza_live_banner_attach (GtkWindow   *window,
                          PlazaWorker *worker,
                          const char  *entity,
                          gint64       entity_id,
                          GCallback    reload,
                          gpointer     data)
{
  PlazaLiveBanner *self;
  GtkWidget *header;
  GtkWidget *box;

  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);
  g_return_val_if_fail (PLAZA_IS_WORKER (worker), NULL);

  header = find_header_bar (GTK_WIDGET (window));
  box = header != NULL ? gtk_widget_get_parent (header) : NULL;
  if (box == NULL || !GTK_IS_BOX (box))
    {
      g_warning ("No header bar in a box to put the live banner under");
      return NULL;
    }
  self = plaza_live_banner_new (worker, entity, entity_id);
  if (reload != NULL)
    g_signal_connect_object (self, "reload", reload, data, G_CONNECT_SWAPPED);
  gtk_box_insert_child_after (GTK_BOX (box), GTK_WIDGET (self), header);
  return self;
}
