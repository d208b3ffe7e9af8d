/* plaza-lock-wait-bar.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PlazaLockWaitBar: a revealer with a spinner and "Waiting for another
 * computer to finish saving…", shown while the worker's "lock-waiting" is
 * TRUE. The wait itself happens in the worker thread, so the window keeps
 * drawing and answering meanwhile; the bar only tells the user why their
 * save has not come back yet.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-lock-wait-bar.h"

struct _PlazaLockWaitBar
{
  AdwBin       parent_instance;

  PlazaWorker *worker;
  GtkRevealer *revealer;
  GtkSpinner  *spinner;
};

G_DEFINE_FINAL_TYPE (PlazaLockWaitBar, plaza_lock_wait_bar, ADW_TYPE_BIN)

static void
update (PlazaLockWaitBar *self)
{
  gboolean waiting = self->worker != NULL && plaza_worker_get_lock_waiting (self->worker);

  gtk_spinner_set_spinning (self->spinner, waiting);
  gtk_revealer_set_reveal_child (self->revealer, waiting);
}

static void
waiting_notify_cb (PlazaLockWaitBar *self)
{
  update (self);
}

void
plaza_lock_wait_bar_set_worker (PlazaLockWaitBar *self,
                                PlazaWorker      *worker)
{
  g_return_if_fail (PLAZA_IS_LOCK_WAIT_BAR (self));

  if (self->worker == worker)
    return;
  if (self->worker != NULL)
    g_signal_handlers_disconnect_by_data (self->worker, self);
  g_set_object (&self->worker, worker);
  if (worker != NULL)
    g_signal_connect_object (worker, "notify::lock-waiting", G_CALLBACK (waiting_notify_cb), self,
                             G_CONNECT_SWAPPED);
  update (self);
}

gboolean
plaza_lock_wait_bar_get_shown (PlazaLockWaitBar *self)
{
  g_return_val_if_fail (PLAZA_IS_LOCK_WAIT_BAR (self), FALSE);
  return gtk_revealer_get_reveal_child (self->revealer);
}

PlazaLockWaitBar *
plaza_lock_wait_bar_attach (GtkBox      *box,
                            GtkWidget   *sibling,
                            PlazaWorker *worker)
{
  PlazaLockWaitBar *bar = g_object_get_data (G_OBJECT (box), "plaza-lock-wait-bar");

  if (bar == NULL)
    {
      bar = PLAZA_LOCK_WAIT_BAR (plaza_lock_wait_bar_new ());
      gtk_box_insert_child_after (box, GTK_WIDGET (bar), sibling);
      g_object_set_data (G_OBJECT (box), "plaza-lock-wait-bar", bar);
    }
  plaza_lock_wait_bar_set_worker (bar, worker);
  return bar;
}

static void
plaza_lock_wait_bar_dispose (GObject *object)
{
  PlazaLockWaitBar *self = PLAZA_LOCK_WAIT_BAR (object);

  if (self->worker != NULL)
    g_signal_handlers_disconnect_by_data (self->worker, self);
  g_clear_object (&self->worker);
  G_OBJECT_CLASS (plaza_lock_wait_bar_parent_class)->dispose (object);
}

static void
plaza_lock_wait_bar_class_init (PlazaLockWaitBarClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = plaza_lock_wait_bar_dispose;
}

static void
plaza_lock_wait_bar_init (PlazaLockWaitBar *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (_("Waiting for another computer to finish saving…"));

  gtk_widget_add_css_class (box, "plaza-infobar");
  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->spinner));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  self->revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_transition_type (self->revealer, GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
  gtk_revealer_set_child (self->revealer, box);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->revealer));
}

GtkWidget *
plaza_lock_wait_bar_new (void)
{
  return g_object_new (PLAZA_TYPE_LOCK_WAIT_BAR, NULL);
}
