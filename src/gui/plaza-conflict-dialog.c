/* plaza-conflict-dialog.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The shared "someone else saved this" dialog (see the header): the
 * record's change_log rows since the editor loaded it are read in a worker
 * job, then shown oldest first as "王芳 (PC-3) saved it at 2026-11-27
 * 14:05:" with one bullet per changed field ("name: 旧 → 新"); the answer
 * goes back to the editor. Nothing is lost silently: Reload Theirs says it
 * discards the changes typed here, Save Mine Over Theirs is destructive
 * and both saves stay in the history. Also the busy toast with Retry.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "plaza-change-log.h"
#include "plaza-conflict-dialog.h"

const char *
plaza_conflict_dialog_heading (const char *entity)
{
  static const struct
  {
    const char *entity;
    const char *heading;
  } headings[] = {
    { "tenant", N_("Someone Else Saved This Tenant") },
    { "promotion", N_("Someone Else Saved This Promotion") },
    { "contract", N_("Someone Else Saved This Contract") },
    { "unit", N_("Someone Else Saved This Unit") },
    { "units", N_("Someone Else Saved This Unit") },
    { "floors", N_("Someone Else Saved This Floor") },
    { "prospect", N_("Someone Else Saved This Prospect") },
    { "fitout", N_("Someone Else Saved This Fit-Out") },
    { "brand", N_("Someone Else Saved This Brand") },
    { "market_note", N_("Someone Else Saved This Market Note") },
    { "complaint", N_("Someone Else Saved This Complaint") },
    { "targets", N_("Someone Else Saved This Target") },
    { "tenant_review", N_("Someone Else Saved This Review") },
    { "eviction", N_("Someone Else Saved This Eviction") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    if (g_strcmp0 (entity, headings[i].entity) == 0)
      return _(headings[i].heading);
  return _("Someone Else Saved This Record");
}

/* "2026-11-27T06:05:00Z" in local time, "2026-11-27 14:05". */
static char *
local_time (const char *at)
{
  g_autoptr(GDateTime) utc = at != NULL ? g_date_time_new_from_iso8601 (at, NULL) : NULL;
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (at != NULL ? at : "?");
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static gint
by_seq (gconstpointer a,
        gconstpointer b)
{
  const PlazaChange *x = *(PlazaChange * const *) a;
  const PlazaChange *y = *(PlazaChange * const *) b;

  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

char *
plaza_conflict_dialog_body (GPtrArray  *changes,
                            const char *fallback)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();

  if (changes == NULL || changes->len == 0)
    {
      g_string_append (body, fallback != NULL && *fallback != '\0'
                             ? fallback : _("Someone else saved this record after you opened it."));
      g_string_append (body, "\n\n");
    }
  else
    {
      for (guint i = 0; i < changes->len; i++)
        g_ptr_array_add (sorted, changes->pdata[i]);
      g_ptr_array_sort (sorted, by_seq);
      for (guint i = 0; i < sorted->len; i++)
        {
          const PlazaChange *c = sorted->pdata[i];
          g_autofree char *when = local_time (c->at);
          const char *who = c->user_display != NULL && *c->user_display != '\0' ? c->user_display : c->user;
          g_auto(GStrv) parts = NULL;
          g_autofree char *summary = plaza_change_summary_for_display (c->summary);

          if (c->host != NULL && *c->host != '\0')
            /* Translators: "王芳 (PC-3) saved it at 2026-11-27 14:05:" */
            g_string_append_printf (body, _("%s (%s) saved it at %s:"), who, c->host, when);
          else
            g_string_append_printf (body, _("%s saved it at %s:"), who, when);
          g_string_append_c (body, '\n');
          parts = g_strsplit (*summary != '\0' ? summary : c->action, "; ", -1);
          for (guint j = 0; parts[j] != NULL; j++)
            {
              const char *part = g_strstrip (parts[j]);
              const char *colon = strstr (part, ": ");

              /* "T0012 星巴克: name: 旧 → 新": the record's own label goes. */
              if (j == 0 && colon != NULL && strstr (colon + 2, ": ") != NULL && strstr (colon, "→") != NULL)
                part = colon + 2;
              if (*part != '\0')
                g_string_append_printf (body, "• %s\n", part);
            }
          g_string_append_c (body, '\n');
        }
    }
  g_string_append (body, _("Reload Theirs discards the changes you made here. Save Mine Over Theirs replaces "
                            "their values with yours; both saves stay in the history."));
  return g_string_free (g_steal_pointer (&body), FALSE);
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;
      found = find_button (child, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Stacked (the body is long), the buttons are listed bottom-up and the
 * destructive one would be first in line for the keyboard: Keep Editing
 * takes the focus, so Enter or Space never overwrites anyone by accident. */
static void
map_cb (GtkWidget *dialog)
{
  GtkWidget *keep = find_button (dialog, _("_Keep Editing"));

  if (keep != NULL)
    gtk_widget_grab_focus (keep);
}

GtkWidget *
plaza_conflict_dialog_new (GtkWindow  *parent,
                           const char *entity,
                           GPtrArray  *changes,
                           const char *fallback)
{
  g_autofree char *body = plaza_conflict_dialog_body (changes, fallback);
  GtkWidget *dialog = adw_message_dialog_new (parent, plaza_conflict_dialog_heading (entity), body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Editing"),
                                    "reload", _("_Reload Theirs"),
                                    "over", _("_Save Mine Over Theirs"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "over", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  gtk_widget_set_name (dialog, "plaza-conflict-dialog");
  g_signal_connect (dialog, "map", G_CALLBACK (map_cb), NULL);
  return dialog;
}

/* Showing it after a CONFLICT. */

typedef struct
{
  char   *entity;
  gint64  entity_id;
  gint64  since_seq;
} Fetch;

typedef struct
{
  GtkWidget         *anchor;
  char              *entity;
  char              *fallback;
  PlazaConflictFunc  func;
  GObject           *owner;
} Pending;

static void
fetch_free (Fetch *fetch)
{
  g_free (fetch->entity);
  g_free (fetch);
}

static void
pending_free (Pending *pending)
{
  g_clear_object (&pending->anchor);
  g_clear_object (&pending->owner);
  g_free (pending->entity);
  g_free (pending->fallback);
  g_free (pending);
}

static gpointer
fetch_func (PlazaStore    *store,
            gpointer       data,
            GCancellable  *cancellable G_GNUC_UNUSED,
            GError       **error)
{
  Fetch *fetch = data;
  GPtrArray *changes = plaza_change_log_for_record (store, fetch->entity, fetch->entity_id, error);

  if (changes == NULL)
    return NULL;
  for (guint i = changes->len; i > 0; i--)
    if (((PlazaChange *) changes->pdata[i - 1])->seq <= fetch->since_seq)
      g_ptr_array_remove_index (changes, i - 1);
  return changes;
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             gpointer          user_data G_GNUC_UNUSED)
{
  Pending *pending = g_object_get_data (G_OBJECT (dialog), "plaza-pending");
  PlazaConflictResponse answer = PLAZA_CONFLICT_KEEP_EDITING;

  if (g_str_equal (response, "reload"))
    answer = PLAZA_CONFLICT_RELOAD;
  else if (g_str_equal (response, "over"))
    answer = PLAZA_CONFLICT_SAVE_OVER;
  if (pending != NULL && pending->func != NULL)
    pending->func (pending->owner, answer);
}

static void
fetch_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Pending *pending = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = plaza_worker_run_finish (PLAZA_WORKER (source), result, &error);
  GtkRoot *root = gtk_widget_get_root (pending->anchor);
  GtkWidget *dialog;

  if (changes == NULL)
    g_debug ("no change log for the conflict: %s", error != NULL ? error->message : "?");
  dialog = plaza_conflict_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, pending->entity, changes,
                                      pending->fallback);
  g_object_set_data_full (G_OBJECT (dialog), "plaza-pending", pending, (GDestroyNotify) pending_free);
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
plaza_conflict_dialog_show (GtkWidget         *anchor,
                            PlazaWorker       *worker,
                            const char        *entity,
                            gint64             entity_id,
                            gint64             since_seq,
                            const GError      *error,
                            PlazaConflictFunc  func,
                            GObject           *owner)
{
  Fetch *fetch = g_new0 (Fetch, 1);
  Pending *pending = g_new0 (Pending, 1);

  g_return_if_fail (GTK_IS_WIDGET (anchor));
  g_return_if_fail (PLAZA_IS_WORKER (worker));

  fetch->entity = g_strdup (entity);
  fetch->entity_id = entity_id;
  fetch->since_seq = since_seq;
  pending->anchor = g_object_ref (anchor);
  pending->entity = g_strdup (entity);
  pending->fallback = g_strdup (error != NULL ? error->message : NULL);
  pending->func = func;
  pending->owner = owner != NULL ? g_object_ref (owner) : NULL;
  plaza_worker_run_async (worker, fetch_func, fetch, (GDestroyNotify) fetch_free, NULL, fetch_done_cb, pending);
}

AdwToast *
plaza_conflict_busy_toast_new (GCallback retry,
                               gpointer  instance)
{
  AdwToast *toast = adw_toast_new (_("The file is busy: someone else is saving. Try again."));

  adw_toast_set_timeout (toast, 0);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  if (retry != NULL)
    {
      adw_toast_set_button_label (toast, _("_Retry"));
      g_signal_connect_object (toast, "button-clicked", retry, instance, G_CONNECT_SWAPPED);
    }
  return toast;
}
