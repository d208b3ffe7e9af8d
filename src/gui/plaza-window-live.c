/* plaza-window-live.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Live refresh in the main window. The worker's poll emits "changed" and
 * then, when the new commits logged changes, "changes" with the other
 * clients' rows. "changed" alone reloads every page (from an idle, which
 * "changes" cancels); "changes" maps each entity to the pages that show it
 * (a tenant: Tenants, Overview, Contracts, Billing; an unknown entity: all)
 * and, where the page is the entity's own list, replaces only the changed
 * rows. A toast names who changed what ("王芳 edited tenant T0012 星巴克",
 * or "王芳 and 1 other made 5 changes" with Show → Recent Changes).
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-change-log.h"
#include "plaza-history-window.h"
#include "plaza-list-page.h"
#include "plaza-window-live.h"
#include "plaza-window-private.h"

typedef struct
{
  const char *entity;
  const char *pages;      /* space-separated page names */
  const char *row_page;   /* the list page whose rows are this entity's, or NULL */
} EntityPages;

static const EntityPages entity_pages[] = {
  { "tenant", "tenants overview contracts billing review", "tenants" },
  { "unit", "units overview leasing contracts", NULL },
  { "units", "units overview leasing contracts", NULL },
  { "floor", "units overview leasing", NULL },
  { "floors", "units overview leasing", NULL },
  { "contract", "contracts tenants units overview billing leasing", "contracts" },
  { "prospect", "leasing overview", NULL },
  { "promotion", "promotions overview", NULL },
  { "bill", "billing tenants overview", NULL },
  { "bills", "billing tenants overview", NULL },
  { "payment", "billing tenants overview", NULL },
  { "sales", "sales analytics overview", NULL },
  { "targets", "analytics overview", NULL },
  { "brand", "tenants leasing", NULL },
  { "market_note", "leasing", NULL },
  { "complaint", "tenants review", NULL },
  { "tenant_review", "review tenants", NULL },
  { "eviction", "review tenants overview", NULL },
  { "fitout", "contracts overview", NULL },
  { "fitout_drawing", "contracts", NULL },
  { "fitout_inspection", "contracts", NULL },
  { "user", "", NULL },
};

typedef struct
{
  PlazaWindow *window;      /* not a reference: the state lives on it */
  guint        reload_idle;
  char        *toast_text;
} LiveState;

static void
live_state_free (gpointer pointer)
{
  LiveState *live = pointer;

  g_clear_handle_id (&live->reload_idle, g_source_remove);
  g_free (live->toast_text);
  g_free (live);
}

static LiveState *
get_live (PlazaWindow *self)
{
  LiveState *live = g_object_get_data (G_OBJECT (self), "plaza-live");

  if (live == NULL)
    {
      live = g_new0 (LiveState, 1);
      live->window = self;
      g_object_set_data_full (G_OBJECT (self), "plaza-live", live, live_state_free);
    }
  return live;
}

static gboolean
full_reload_cb (gpointer user_data)
{
  LiveState *live = user_data;

  live->reload_idle = 0;
  plaza_window_invalidate_all (live->window);
  return G_SOURCE_REMOVE;
}

void
plaza_window_live_changed (PlazaWindow *self)
{
  LiveState *live = get_live (self);

  if (live->reload_idle == 0)
    live->reload_idle = g_idle_add (full_reload_cb, live);
}

static const EntityPages *
find_pages (const char *entity)
{
  for (guint i = 0; i < G_N_ELEMENTS (entity_pages); i++)
    if (g_strcmp0 (entity_pages[i].entity, entity) == 0)
      return &entity_pages[i];
  return NULL;
}

static void
refresh_pages (PlazaWindow *self,
               GPtrArray   *changes)
{
  g_autoptr(GHashTable) stale = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_array_unref);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < changes->len; i++)
    {
      PlazaChange *c = g_ptr_array_index (changes, i);
      const EntityPages *map = find_pages (c->entity);
      g_auto(GStrv) names = NULL;

      if (map == NULL)
        {
          g_debug ("live: %s is not mapped; reloading every page", c->entity);
          plaza_window_invalidate_all (self);
          return;
        }
      names = g_strsplit (map->pages, " ", -1);
      for (guint j = 0; names[j] != NULL; j++)
        {
          const char *name = g_intern_string (names[j]);
          GArray *ids;

          if (*name == '\0')
            continue;
          if (map->row_page == NULL || g_strcmp0 (name, map->row_page) != 0 || c->entity_id <= 0)
            {
              g_hash_table_add (stale, (gpointer) name);
              continue;
            }
          ids = g_hash_table_lookup (rows, name);
          if (ids == NULL)
            {
              ids = g_array_new (FALSE, FALSE, sizeof (gint64));
              g_hash_table_insert (rows, (gpointer) name, ids);
            }
          g_array_append_val (ids, c->entity_id);
        }
    }

  g_hash_table_iter_init (&iter, stale);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    plaza_window_invalidate_page (self, key);
  g_hash_table_iter_init (&iter, rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GtkWidget *page = plaza_window_get_page_widget (self, key);
      GArray *ids = value;

      if (g_hash_table_contains (stale, key) || !PLAZA_IS_LIST_PAGE (page))
        plaza_window_invalidate_page (self, key);
      else
        plaza_list_page_refresh_rows (PLAZA_LIST_PAGE (page), (const gint64 *) ids->data, ids->len);
    }
}

static char *
toast_text (GPtrArray *changes)
{
  g_autoptr(GHashTable) people = g_hash_table_new (g_str_hash, g_str_equal);
  const PlazaChange *last = g_ptr_array_index (changes, changes->len - 1);
  guint others;

  if (changes->len == 1)
    return plaza_change_describe (last);
  for (guint i = 0; i < changes->len; i++)
    g_hash_table_add (people, ((PlazaChange *) g_ptr_array_index (changes, i))->user);
  others = g_hash_table_size (people) - 1;
  if (others == 0)
    /* TRANSLATORS: "王芳 made 5 changes" */
    return g_strdup_printf (_("%s made %u changes"), last->user_display, changes->len);
  /* TRANSLATORS: "王芳 and 1 other made 5 changes"; the plural is for the others */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s and %u other made %u changes",
                                       "%s and %u others made %u changes", others),
                          last->user_display, others, changes->len);
}

static void
worker_changes_cb (PlazaWindow *self,
                   GPtrArray   *changes)
{
  LiveState *live = get_live (self);
  AdwToast *toast;

  g_debug ("live: %u changes by others", changes->len);
  if (changes->len == 0)
    return;
  g_clear_handle_id (&live->reload_idle, g_source_remove);
  refresh_pages (self, changes);

  g_free (live->toast_text);
  live->toast_text = toast_text (changes);
  toast = adw_toast_new (live->toast_text);
  adw_toast_set_button_label (toast, _("Show"));
  adw_toast_set_action_name (toast, "win.recent-changes");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
recent_changes_action (GtkWidget  *widget,
                       const char *action_name G_GNUC_UNUSED,
                       GVariant   *param G_GNUC_UNUSED)
{
  PlazaWindow *self = PLAZA_WINDOW (widget);

  if (self->worker != NULL)
    plaza_history_window_show (GTK_WINDOW (self), self->worker, NULL, 0, NULL);
}

void
plaza_window_live_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.recent-changes", NULL, recent_changes_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_H, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.recent-changes", NULL);
}

void
plaza_window_live_use_worker (PlazaWindow *self,
                              PlazaWorker *worker)
{
  g_signal_connect_object (worker, "changes", G_CALLBACK (worker_changes_cb), self, G_CONNECT_SWAPPED);
}

const char *
plaza_window_live_get_toast_text (PlazaWindow *self)
{
  return get_live (self)->toast_text;
}
