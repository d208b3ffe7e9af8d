/* plaza-role-guard.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Keeps a widget or action off, with the reason as a tooltip, while the
 * signed-in role may not do what it does. The guard remembers what the
 * owner wanted (the sensitivity or enabled state it last set) so that both
 * can switch the control without undoing each other.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-permissions.h"
#include "plaza-role-guard.h"

typedef enum
{
  GUARD_WIDGET,
  GUARD_ACTION,
  GUARD_WIDGET_ACTION,
} GuardKind;

typedef struct
{
  GuardKind    kind;
  GObject     *target;          /* weak: the widget, or the action */
  GtkWidget   *owner;           /* weak: GUARD_WIDGET_ACTION's widget */
  char        *action_name;     /* GUARD_WIDGET_ACTION */
  PlazaWorker *worker;          /* strong */
  char        *entity;
  char        *action;
  gulong       role_handler;
  gulong       own_handler;     /* notify::sensitive / notify::enabled */
  gboolean     wanted;          /* what the owner last set */
  guint        pending;         /* notifications of our own changes still to come
                                 * (GObject may deliver them after we return) */
  gboolean     tooltip_saved;
  char        *tooltip;         /* the widget's own tooltip */
} Guard;

static void
guard_free (gpointer pointer)
{
  Guard *guard = pointer;

  if (guard->worker != NULL && guard->role_handler != 0)
    g_signal_handler_disconnect (guard->worker, guard->role_handler);
  g_clear_object (&guard->worker);
  g_free (guard->action_name);
  g_free (guard->entity);
  g_free (guard->action);
  g_free (guard->tooltip);
  g_free (guard);
}

char *
plaza_role_guard_reason (PlazaWorker *worker,
                         const char  *entity,
                         const char  *action)
{
  const char *role;
  const char * const *roles;
  const char *needed = "admin";

  g_return_val_if_fail (PLAZA_IS_WORKER (worker), NULL);

  if (plaza_worker_allows (worker, entity, action))
    return NULL;
  if (plaza_worker_is_read_only (worker))
    return g_strdup (_("The file is open read-only."));
  role = plaza_worker_get_role (worker);
  if (role == NULL)
    return g_strdup (_("Sign in to do this."));

  roles = plaza_role_get_all ();
  for (guint i = 0; roles[i] != NULL; i++)
    if (plaza_permission_allows (roles[i], entity, action))
      {
        needed = roles[i];
        break;
      }
  /* TRANSLATORS: "Needs the Manager role; you are signed in as Clerk" */
  return g_strdup_printf (_("Needs the %s role; you are signed in as %s"),
                          plaza_role_get_label (needed), plaza_role_get_label (role));
}

static void
guard_apply (Guard *guard)
{
  g_autofree char *reason = plaza_role_guard_reason (guard->worker, guard->entity, guard->action);
  gboolean on = reason == NULL && guard->wanted;

  if (guard->target == NULL)
    return;
  switch (guard->kind)
    {
    case GUARD_WIDGET:
      {
        GtkWidget *widget = GTK_WIDGET (guard->target);

        if (gtk_widget_get_sensitive (widget) != on)
          {
            guard->pending++;
            gtk_widget_set_sensitive (widget, on);
          }
        if (reason != NULL)
          {
            if (!guard->tooltip_saved)
              {
                guard->tooltip = g_strdup (gtk_widget_get_tooltip_text (widget));
                guard->tooltip_saved = TRUE;
              }
            gtk_widget_set_tooltip_text (widget, reason);
          }
        else if (guard->tooltip_saved)
          {
            gtk_widget_set_tooltip_text (widget, guard->tooltip);
            g_clear_pointer (&guard->tooltip, g_free);
            guard->tooltip_saved = FALSE;
          }
      }
      break;

    case GUARD_ACTION:
      if (g_action_get_enabled (G_ACTION (guard->target)) != on)
        {
          guard->pending++;
          g_simple_action_set_enabled (G_SIMPLE_ACTION (guard->target), on);
        }
      break;

    case GUARD_WIDGET_ACTION:
      if (guard->owner != NULL)
        gtk_widget_action_set_enabled (guard->owner, guard->action_name, reason == NULL);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
role_changed_cb (PlazaWorker *worker G_GNUC_UNUSED,
                 GParamSpec  *pspec G_GNUC_UNUSED,
                 gpointer     user_data)
{
  guard_apply (user_data);
}

/* The owner switched the control itself: remember it, and keep it off if
 * the role still may not. */
static void
own_changed_cb (GObject    *object,
                GParamSpec *pspec G_GNUC_UNUSED,
                gpointer    user_data)
{
  Guard *guard = user_data;

  if (guard->pending > 0)
    {
      guard->pending--;
      return;
    }
  guard->wanted = guard->kind == GUARD_WIDGET ? gtk_widget_get_sensitive (GTK_WIDGET (object))
                                              : g_action_get_enabled (G_ACTION (object));
  if (guard->wanted)
    guard_apply (guard);
}

static Guard *
guard_new (GuardKind    kind,
           PlazaWorker *worker,
           const char  *entity,
           const char  *action)
{
  Guard *guard = g_new0 (Guard, 1);

  guard->kind = kind;
  guard->worker = g_object_ref (worker);
  guard->entity = g_strdup (entity);
  guard->action = g_strdup (action);
  guard->wanted = TRUE;
  guard->role_handler = g_signal_connect (worker, "notify::role", G_CALLBACK (role_changed_cb), guard);
  return guard;
}

/* The guard lives as data on its target; replacing or losing it frees it. */
static void
guard_attach (GObject    *target,
              const char *key,
              Guard      *guard)
{
  Guard *old = g_object_get_data (target, key);

  if (old != NULL && old->own_handler != 0)
    {
      g_signal_handler_disconnect (target, old->own_handler);
      old->own_handler = 0;
      /* Give the owner back what it wanted before the new guard decides. */
      if (old->kind == GUARD_WIDGET)
        {
          gtk_widget_set_sensitive (GTK_WIDGET (target), old->wanted);
          if (old->tooltip_saved)
            gtk_widget_set_tooltip_text (GTK_WIDGET (target), old->tooltip);
        }
      else if (old->kind == GUARD_ACTION)
        g_simple_action_set_enabled (G_SIMPLE_ACTION (target), old->wanted);
    }
  g_object_set_data_full (target, key, guard, guard != NULL ? guard_free : NULL);
}

void
plaza_role_guard (GtkWidget   *widget,
                  PlazaWorker *worker,
                  const char  *entity,
                  const char  *action)
{
  Guard *guard;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (worker == NULL || PLAZA_IS_WORKER (worker));

  if (worker == NULL)
    {
      guard_attach (G_OBJECT (widget), "plaza-role-guard", NULL);
      return;
    }
  guard = guard_new (GUARD_WIDGET, worker, entity, action);
  guard_attach (G_OBJECT (widget), "plaza-role-guard", guard);
  guard->target = G_OBJECT (widget);
  guard->wanted = gtk_widget_get_sensitive (widget);
  guard->own_handler = g_signal_connect (widget, "notify::sensitive", G_CALLBACK (own_changed_cb), guard);
  guard_apply (guard);
}

void
plaza_role_guard_action (GActionMap  *map,
                         const char  *name,
                         PlazaWorker *worker,
                         const char  *entity,
                         const char  *action)
{
  GAction *target;
  Guard *guard;

  g_return_if_fail (G_IS_ACTION_MAP (map));
  g_return_if_fail (worker == NULL || PLAZA_IS_WORKER (worker));

  target = g_action_map_lookup_action (map, name);
  g_return_if_fail (G_IS_SIMPLE_ACTION (target));
  if (worker == NULL)
    {
      guard_attach (G_OBJECT (target), "plaza-role-guard", NULL);
      return;
    }
  guard = guard_new (GUARD_ACTION, worker, entity, action);
  guard_attach (G_OBJECT (target), "plaza-role-guard", guard);
  guard->target = G_OBJECT (target);
  guard->wanted = g_action_get_enabled (target);
  guard->own_handler = g_signal_connect (target, "notify::enabled", G_CALLBACK (own_changed_cb), guard);
  guard_apply (guard);
}

void
plaza_role_guard_widget_action (GtkWidget   *widget,
                                const char  *action_name,
                                PlazaWorker *worker,
                                const char  *entity,
                                const char  *action)
{
  g_autofree char *key = NULL;
  Guard *guard;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (action_name != NULL);
  g_return_if_fail (worker == NULL || PLAZA_IS_WORKER (worker));

  key = g_strdup_printf ("plaza-role-guard:%s", action_name);
  if (worker == NULL)
    {
      guard_attach (G_OBJECT (widget), key, NULL);
      gtk_widget_action_set_enabled (widget, action_name, TRUE);
      return;
    }
  guard = guard_new (GUARD_WIDGET_ACTION, worker, entity, action);
  guard->action_name = g_strdup (action_name);
  guard->owner = widget;
  guard->target = G_OBJECT (widget);
  guard_attach (G_OBJECT (widget), key, guard);
  guard_apply (guard);
}
