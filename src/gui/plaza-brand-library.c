/* plaza-brand-library.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PlazaBrandLibrary: a window with the brand list on the left (search by
 * name, English name or category) and the chosen brand on the right: its
 * fields with Save, and its market notes (add, remove). Every read and
 * write is a plaza-brand.h call in a worker job.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "plaza-brand.h"
#include "plaza-brand-library.h"
#include "plaza-change-log.h"
#include "plaza-conflict-dialog.h"
#include "plaza-date.h"
#include "plaza-tenant.h"

struct _PlazaBrandLibrary
{
  AdwWindow        parent_instance;

  PlazaWorker     *worker;
  GCancellable    *cancellable;
  gboolean         busy;
  gboolean         pending;      /* a search came while busy */
  GPtrArray       *brands;       /* PlazaBrand */
  GPtrArray       *categories;   /* PlazaCategoryChoice */
  GPtrArray       *notes;        /* PlazaMarketNote of the chosen brand */
  PlazaBrand      *current;      /* a copy of the chosen brand, or a new one */
  char            *search;
  gint64           seq;          /* plaza_change_log_last_seq() when the list was read */

  AdwToastOverlay *toasts;
  GtkSearchEntry  *search_entry;
  GtkListBox      *list;
  GtkWidget       *detail;
  AdwEntryRow     *name_row;
  AdwEntryRow     *name_en_row;
  AdwComboRow     *category_row;
  AdwComboRow     *tier_row;
  AdwEntryRow     *area_row;
  AdwEntryRow     *notes_row;
  GtkWidget       *tenants_row;
  GtkWidget       *save_button;
  GtkWidget       *notes_group;
  GtkListBox      *notes_list;
};

G_DEFINE_FINAL_TYPE (PlazaBrandLibrary, plaza_brand_library, ADW_TYPE_WINDOW)

static const char * const tiers[] = { "flagship", "A", "B", "C" };

typedef enum
{
  JOB_LIST,
  JOB_NOTES,
  JOB_SAVE,
  JOB_NOTE,
  JOB_REMOVE_NOTE,
} JobKind;

typedef struct
{
  JobKind          kind;
  char            *search;
  gint64           id;
  gint64           rev;
  PlazaBrand      *brand;
  PlazaMarketNote *note;
  gboolean         over;         /* save over someone else's save: at the current rev */
} Job;

typedef struct
{
  gint64     saved_id;
  GPtrArray *brands;
  GPtrArray *categories;
  GPtrArray *notes;
  gint64     seq;
} JobResult;

static void
job_free (Job *job)
{
  g_free (job->search);
  plaza_brand_free (job->brand);
  plaza_market_note_free (job->note);
  g_free (job);
}

static void
result_free (JobResult *r)
{
  g_clear_pointer (&r->brands, g_ptr_array_unref);
  g_clear_pointer (&r->categories, g_ptr_array_unref);
  g_clear_pointer (&r->notes, g_ptr_array_unref);
  g_free (r);
}

static gpointer
job_func (PlazaStore    *store,
          gpointer       data,
          GCancellable  *cancellable G_GNUC_UNUSED,
          GError       **error)
{
  Job *job = data;
  JobResult *r = g_new0 (JobResult, 1);
  gboolean ok = TRUE;

  switch (job->kind)
    {
    case JOB_SAVE:
      if (job->over && job->brand->id > 0)
        {
          g_autoptr(PlazaBrand) current = plaza_brand_load (store, job->brand->id, error);

          if (current == NULL)
            {
              result_free (r);
              return NULL;
            }
          job->brand->rev = current->rev;
        }
      ok = plaza_brand_save (store, job->brand, error);
      job->id = job->brand->id;
      r->saved_id = job->brand->id;
      break;
    case JOB_NOTE:
      ok = plaza_market_note_save (store, job->note, error);
      break;
    case JOB_REMOVE_NOTE:
      ok = plaza_market_note_remove (store, job->note->id, job->note->rev, error);
      break;
    case JOB_LIST:
    case JOB_NOTES:
    default:
      break;
    }
  r->seq = MAX (plaza_change_log_last_seq (store, NULL), 0);
  if (ok && (r->brands = plaza_brand_list (store, job->search, error)) == NULL)
    ok = FALSE;
  if (ok && (r->categories = plaza_tenant_categories (store, error)) == NULL)
    ok = FALSE;
  if (ok && job->id > 0 && (r->notes = plaza_market_note_list (store, job->id, error)) == NULL)
    ok = FALSE;
  if (!ok)
    {
      result_free (r);
      return NULL;
    }
  return r;
}

static void show_brand (PlazaBrandLibrary *self,
                        const PlazaBrand  *b);

static void
set_busy (PlazaBrandLibrary *self,
          gboolean           busy)
{
  self->busy = busy;
  gtk_widget_set_sensitive (self->save_button, !busy);
}

static void
toast (PlazaBrandLibrary *self,
       const char        *message,
       gboolean           sticky)
{
  AdwToast *t = adw_toast_new (message);

  adw_toast_set_timeout (t, sticky ? 0 : 4);
  adw_toast_overlay_add_toast (self->toasts, t);
}

static GtkWidget *
brand_row (const PlazaBrand *b)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *sub = NULL;
  GString *s = g_string_new (NULL);

  if (*b->category != '\0')
    g_string_append_printf (s, "%s · ", b->category);
  g_string_append (s, plaza_brand_tier_label (b->tier));
  if (b->typical_area > 0)
    g_string_append_printf (s, _(" · about %lld m²"), (long long) ((b->typical_area + 50) / 100));
  if (*b->tenants != '\0')
    g_string_append_printf (s, _(" · tenant %s"), b->tenants);
  else
    g_string_append (s, _(" · not a tenant"));
  if (b->n_notes > 0)
    g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, " · %lld note", " · %lld notes", (gulong) b->n_notes),
                            (long long) b->n_notes);
  sub = g_string_free (s, FALSE);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), b->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
fill_list (PlazaBrandLibrary *self)
{
  clear_list (self->list);
  for (guint i = 0; i < self->brands->len; i++)
    gtk_list_box_append (self->list, brand_row (self->brands->pdata[i]));
  if (self->brands->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No brands match"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->list, row);
    }
}

static void
note_remove_cb (GtkButton         *button,
                PlazaBrandLibrary *self);

static void
fill_notes (PlazaBrandLibrary *self)
{
  clear_list (self->notes_list);
  for (guint i = 0; self->notes != NULL && i < self->notes->len; i++)
    {
      PlazaMarketNote *n = self->notes->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_with_mnemonic (_("_Remove"));
      g_autofree char *sub = g_strdup_printf ("%s · %s%s%s", n->date, *n->competitor != '\0' ? n->competitor : _("no mall named"),
                                              *n->category != '\0' ? " · " : "", n->category);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), n->text);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (remove), "plaza-index", GUINT_TO_POINTER (i));
      g_signal_connect (remove, "clicked", G_CALLBACK (note_remove_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (self->notes_list, row);
    }
  if (self->notes == NULL || self->notes->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No market notes about this brand yet"));
      gtk_list_box_append (self->notes_list, row);
    }
}

static gboolean run (PlazaBrandLibrary *self,
                     Job               *job);

static void save_cb (PlazaBrandLibrary *self);
static void conflict_answer_cb (GObject               *owner,
                                PlazaConflictResponse  response);

static void
job_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(PlazaBrandLibrary) self = user_data;
  g_autoptr(GError) error = NULL;
  JobResult *r = plaza_worker_run_finish (PLAZA_WORKER (source), result, &error);
  JobKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (self), "plaza-kind"));
  gint64 id = self->current != NULL ? self->current->id : 0;

  set_busy (self, FALSE);
  if (self->pending && r != NULL)
    {
      Job *again = g_new0 (Job, 1);

      self->pending = FALSE;
      result_free (r);
      again->kind = JOB_LIST;
      run (self, again);
      return;
    }
  if (r == NULL)
    {
      if (kind == JOB_SAVE && id > 0 && g_error_matches (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_CONFLICT))
        plaza_conflict_dialog_show (GTK_WIDGET (self), self->worker, "brand", id, self->seq, error,
                                    conflict_answer_cb, G_OBJECT (self));
      else if (kind == JOB_SAVE && g_error_matches (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_BUSY))
        adw_toast_overlay_add_toast (self->toasts, plaza_conflict_busy_toast_new (G_CALLBACK (save_cb), self));
      else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message, TRUE);
      return;
    }
  self->seq = r->seq;
  if (kind == JOB_SAVE)
    id = r->saved_id;
  g_clear_pointer (&self->brands, g_ptr_array_unref);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  self->brands = g_steal_pointer (&r->brands);
  self->categories = g_steal_pointer (&r->categories);
  self->notes = g_steal_pointer (&r->notes);
  result_free (r);
  fill_list (self);
  if (kind == JOB_SAVE)
    toast (self, _("Brand saved"), FALSE);
  else if (kind == JOB_NOTE)
    toast (self, _("Market note added"), FALSE);
  for (guint i = 0; i < self->brands->len; i++)
    if (((PlazaBrand *) self->brands->pdata[i])->id == id && id > 0)
      {
        show_brand (self, self->brands->pdata[i]);
        return;
      }
  if (self->current == NULL
      || (self->current->id == 0 && *gtk_editable_get_text (GTK_EDITABLE (self->name_row)) == '\0'))
    show_brand (self, NULL);
  fill_notes (self);
}

static gboolean
run (PlazaBrandLibrary *self,
     Job               *job)
{
  if (self->busy)
    {
      self->pending |= job->kind == JOB_LIST;
      job_free (job);
      return FALSE;
    }
  job->search = g_strdup (self->search);
  if (job->id == 0 && self->current != NULL)
    job->id = self->current->id;
  g_object_set_data (G_OBJECT (self), "plaza-kind", GINT_TO_POINTER (job->kind));
  set_busy (self, TRUE);
  plaza_worker_run_async (self->worker, job_func, job,
                          (GDestroyNotify) job_free, self->cancellable, job_done_cb, g_object_ref (self));
  return TRUE;
}

static char *
area_text (gint64 area)
{
  if (area <= 0)
    return g_strdup ("");
  if (area % 100 == 0)
    return g_strdup_printf ("%lld", (long long) (area / 100));
  return g_strdup_printf ("%lld.%02lld", (long long) (area / 100), (long long) (area % 100));
}

/* "120", "120.5", "120.25" m² → hundredths; -1 when not a number. */
static gint64
parse_area (const char *text)
{
  g_auto(GStrv) parts = NULL;
  guint64 whole = 0, frac = 0;
  g_autofree char *t = g_strstrip (g_strdup (text));

  if (*t == '\0')
    return 0;
  parts = g_strsplit (t, ".", 2);
  if (!g_ascii_string_to_unsigned (parts[0], 10, 0, 10000000, &whole, NULL))
    return -1;
  if (parts[1] != NULL)
    {
      if (strlen (parts[1]) == 0 || strlen (parts[1]) > 2
          || !g_ascii_string_to_unsigned (parts[1], 10, 0, 99, &frac, NULL))
        return -1;
      if (strlen (parts[1]) == 1)
        frac *= 10;
    }
  return (gint64) (whole * 100 + frac);
}

static void
show_brand (PlazaBrandLibrary *self,
            const PlazaBrand  *b)
{
  GtkStringList *model = gtk_string_list_new (NULL);
  g_autofree char *area = NULL;
  guint selected = 0;

  plaza_brand_free (self->current);
  self->current = plaza_brand_new ();
  if (b != NULL)
    {
      self->current->id = b->id;
      self->current->rev = b->rev;
      g_free (self->current->tenants);
      self->current->tenants = g_strdup (b->tenants);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), b != NULL ? b->name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->name_en_row), b != NULL ? b->name_en : "");
  gtk_string_list_append (model, _("None"));
  for (guint i = 0; self->categories != NULL && i < self->categories->len; i++)
    {
      PlazaCategoryChoice *c = self->categories->pdata[i];
      g_autofree char *label = *c->parent != '\0' ? g_strdup_printf ("%s · %s", c->parent, c->name) : g_strdup (c->name);

      gtk_string_list_append (model, label);
      if (b != NULL && c->id == b->category_id)
        selected = i + 1;
    }
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (model));
  g_object_unref (model);
  adw_combo_row_set_selected (self->category_row, selected);
  adw_combo_row_set_selected (self->tier_row, 2);
  for (guint i = 0; b != NULL && i < G_N_ELEMENTS (tiers); i++)
    if (g_str_equal (b->tier, tiers[i]))
      adw_combo_row_set_selected (self->tier_row, i);
  area = area_text (b != NULL ? b->typical_area : 0);
  gtk_editable_set_text (GTK_EDITABLE (self->area_row), area);
  gtk_editable_set_text (GTK_EDITABLE (self->notes_row), b != NULL ? b->notes : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->tenants_row),
                               b != NULL && *b->tenants != '\0' ? b->tenants : _("Not a tenant (yet)"));
  gtk_widget_set_sensitive (self->notes_group, b != NULL);
  if (b == NULL)
    g_clear_pointer (&self->notes, g_ptr_array_unref);
  fill_notes (self);
}

static void
save_with (PlazaBrandLibrary *self,
           gboolean           over)
{
  Job *job = g_new0 (Job, 1);
  guint category = adw_combo_row_get_selected (self->category_row);
  guint tier = adw_combo_row_get_selected (self->tier_row);
  gint64 area = parse_area (gtk_editable_get_text (GTK_EDITABLE (self->area_row)));

  if (area < 0)
    {
      toast (self, _("Typical area: enter square metres like 120 or 120.5."), TRUE);
      g_free (job);
      return;
    }
  job->kind = JOB_SAVE;
  job->brand = plaza_brand_new ();
  job->brand->id = self->current->id;
  job->brand->rev = self->current->rev;
  job->brand->name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  g_free (job->brand->name_en);
  job->brand->name_en = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_en_row)));
  if (category != GTK_INVALID_LIST_POSITION && category > 0 && self->categories != NULL
      && category <= self->categories->len)
    job->brand->category_id = ((PlazaCategoryChoice *) self->categories->pdata[category - 1])->id;
  g_free (job->brand->tier);
  job->brand->tier = g_strdup (tier < G_N_ELEMENTS (tiers) ? tiers[tier] : "B");
  job->brand->typical_area = area;
  g_free (job->brand->notes);
  job->brand->notes = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->notes_row)));
  job->over = over;
  run (self, job);
}

static void
save_cb (PlazaBrandLibrary *self)
{
  save_with (self, FALSE);
}

/* The answer to the shared conflict dialog. */
static void
conflict_answer_cb (GObject               *owner,
                    PlazaConflictResponse  response)
{
  PlazaBrandLibrary *self = PLAZA_BRAND_LIBRARY (owner);

  if (response == PLAZA_CONFLICT_RELOAD)
    {
      Job *job = g_new0 (Job, 1);

      job->kind = JOB_LIST;
      run (self, job);
    }
  else if (response == PLAZA_CONFLICT_SAVE_OVER)
    save_with (self, TRUE);
}

static void
new_brand_cb (PlazaBrandLibrary *self)
{
  gtk_list_box_unselect_all (self->list);
  show_brand (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
row_activated_cb (PlazaBrandLibrary *self,
                  GtkListBoxRow     *row)
{
  int index = gtk_list_box_row_get_index (row);
  Job *job;

  if (self->brands == NULL || index < 0 || (guint) index >= self->brands->len)
    return;
  show_brand (self, self->brands->pdata[index]);
  job = g_new0 (Job, 1);
  job->kind = JOB_NOTES;
  run (self, job);
}

static void
search_changed_cb (PlazaBrandLibrary *self)
{
  plaza_brand_library_set_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
note_response_cb (AdwMessageDialog  *dialog,
                  const char        *response,
                  PlazaBrandLibrary *self)
{
  Job *job;

  if (!g_str_equal (response, "ok") || self->current == NULL || self->current->id == 0)
    return;
  job = g_new0 (Job, 1);
  job->kind = JOB_NOTE;
  job->note = plaza_market_note_new ();
  job->note->date = g_strstrip (g_strdup (gtk_editable_get_text (g_object_get_data (G_OBJECT (dialog), "date"))));
  g_free (job->note->competitor);
  job->note->competitor = g_strdup (gtk_editable_get_text (g_object_get_data (G_OBJECT (dialog), "mall")));
  g_free (job->note->text);
  job->note->text = g_strdup (gtk_editable_get_text (g_object_get_data (G_OBJECT (dialog), "text")));
  job->note->brand_id = self->current->id;
  {
    guint category = adw_combo_row_get_selected (self->category_row);

    if (category != GTK_INVALID_LIST_POSITION && category > 0 && self->categories != NULL
        && category <= self->categories->len)
      job->note->category_id = ((PlazaCategoryChoice *) self->categories->pdata[category - 1])->id;
  }
  run (self, job);
}

static GtkWidget *
dialog_entry (GtkWidget  *list,
              const char *title,
              const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return row;
}

static void
add_note_cb (PlazaBrandLibrary *self)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Add a Market Note"),
                                              _("What was seen at a competitor mall about this brand."));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_size_request (list, 360, -1);
  g_object_set_data (G_OBJECT (dialog), "date", dialog_entry (list, _("Date (YYYY-MM-DD)"), today));
  g_object_set_data (G_OBJECT (dialog), "mall", dialog_entry (list, _("Competitor mall"), NULL));
  g_object_set_data (G_OBJECT (dialog), "text", dialog_entry (list, _("Note"), NULL));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "ok", _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "ok", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "ok");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (note_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
note_remove_cb (GtkButton         *button,
                PlazaBrandLibrary *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "plaza-index"));
  PlazaMarketNote *n;
  Job *job;

  if (self->notes == NULL || index >= self->notes->len)
    return;
  n = self->notes->pdata[index];
  job = g_new0 (Job, 1);
  job->kind = JOB_REMOVE_NOTE;
  job->note = plaza_market_note_new ();
  job->note->id = n->id;
  job->note->rev = n->rev;
  run (self, job);
}

static AdwEntryRow *
entry_row (AdwPreferencesGroup *group,
           const char          *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_group_add (group, row);
  return ADW_ENTRY_ROW (row);
}

static void
plaza_brand_library_dispose (GObject *object)
{
  PlazaBrandLibrary *self = PLAZA_BRAND_LIBRARY (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->worker);
  g_clear_pointer (&self->brands, g_ptr_array_unref);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_clear_pointer (&self->current, plaza_brand_free);
  g_clear_pointer (&self->search, g_free);
  G_OBJECT_CLASS (plaza_brand_library_parent_class)->dispose (object);
}

static void
plaza_brand_library_class_init (PlazaBrandLibraryClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = plaza_brand_library_dispose;
}

static void
plaza_brand_library_init (PlazaBrandLibrary *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *new_button = gtk_button_new_with_mnemonic (_("_New Brand"));
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  GtkWidget *left = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *list_scroll = gtk_scrolled_window_new ();
  GtkWidget *right_scroll = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *brand_group = adw_preferences_group_new ();
  GtkWidget *add_note = gtk_button_new_with_mnemonic (_("_Add Note…"));
  GtkStringList *tier_model = gtk_string_list_new (NULL);

  self->cancellable = g_cancellable_new ();
  gtk_window_set_title (GTK_WINDOW (self), _("Brand Library"));
  gtk_window_set_default_size (GTK_WINDOW (self), 980, 680);
  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toasts));
  adw_toast_overlay_set_child (self->toasts, box);
  gtk_widget_add_css_class (new_button, "suggested-action");
  g_signal_connect_swapped (new_button, "clicked", G_CALLBACK (new_brand_cb), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), new_button);
  gtk_box_append (GTK_BOX (box), header);
  gtk_widget_set_vexpand (paned, TRUE);
  gtk_box_append (GTK_BOX (box), paned);

  /* Left: search and list. */
  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search_entry, "placeholder-text", _("Search brands or categories"), NULL);
  gtk_widget_set_margin_top (GTK_WIDGET (self->search_entry), 6);
  gtk_widget_set_margin_start (GTK_WIDGET (self->search_entry), 6);
  gtk_widget_set_margin_end (GTK_WIDGET (self->search_entry), 6);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  gtk_box_append (GTK_BOX (left), GTK_WIDGET (self->search_entry));
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (list_scroll), GTK_WIDGET (self->list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (list_scroll), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (list_scroll, TRUE);
  gtk_box_append (GTK_BOX (left), list_scroll);
  gtk_widget_set_size_request (left, 320, -1);
  gtk_paned_set_start_child (GTK_PANED (paned), left);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);

  /* Right: the brand and its market notes. */
  self->detail = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_top (self->detail, 18);
  gtk_widget_set_margin_bottom (self->detail, 18);
  gtk_widget_set_margin_start (self->detail, 12);
  gtk_widget_set_margin_end (self->detail, 12);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (brand_group), _("Brand"));
  self->save_button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (save_cb), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (brand_group), self->save_button);
  self->name_row = entry_row (ADW_PREFERENCES_GROUP (brand_group), _("Name"));
  self->name_en_row = entry_row (ADW_PREFERENCES_GROUP (brand_group), _("English name"));
  self->category_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->category_row), _("Category"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (brand_group), GTK_WIDGET (self->category_row));
  gtk_string_list_append (tier_model, _("Flagship"));
  gtk_string_list_append (tier_model, _("Tier A"));
  gtk_string_list_append (tier_model, _("Tier B"));
  gtk_string_list_append (tier_model, _("Tier C"));
  self->tier_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->tier_row), _("Tier"));
  adw_combo_row_set_model (self->tier_row, G_LIST_MODEL (tier_model));
  g_object_unref (tier_model);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (brand_group), GTK_WIDGET (self->tier_row));
  self->area_row = entry_row (ADW_PREFERENCES_GROUP (brand_group), _("Typical area (m²)"));
  self->notes_row = entry_row (ADW_PREFERENCES_GROUP (brand_group), _("Notes"));
  self->tenants_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->tenants_row), _("Trading here as"));
  gtk_widget_add_css_class (self->tenants_row, "property");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (brand_group), self->tenants_row);
  gtk_box_append (GTK_BOX (self->detail), brand_group);

  self->notes_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->notes_group), _("Market Notes (市场调研)"));
  gtk_widget_add_css_class (add_note, "flat");
  g_signal_connect_swapped (add_note, "clicked", G_CALLBACK (add_note_cb), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self->notes_group), add_note);
  self->notes_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->notes_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->notes_list), "boxed-list");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->notes_group), GTK_WIDGET (self->notes_list));
  gtk_box_append (GTK_BOX (self->detail), self->notes_group);

  adw_clamp_set_child (ADW_CLAMP (clamp), self->detail);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (right_scroll), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (right_scroll), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_hexpand (right_scroll, TRUE);
  gtk_paned_set_end_child (GTK_PANED (paned), right_scroll);
  gtk_paned_set_position (GTK_PANED (paned), 340);
  show_brand (self, NULL);
}

PlazaBrandLibrary *
plaza_brand_library_new (GtkWindow   *parent,
                         PlazaWorker *worker)
{
  PlazaBrandLibrary *self = g_object_new (PLAZA_TYPE_BRAND_LIBRARY, "transient-for", parent, NULL);
  Job *job = g_new0 (Job, 1);

  self->worker = g_object_ref (worker);
  job->kind = JOB_LIST;
  run (self, job);
  return self;
}

gboolean
plaza_brand_library_get_busy (PlazaBrandLibrary *self)
{
  return self->busy;
}

GPtrArray *
plaza_brand_library_get_brands (PlazaBrandLibrary *self)
{
  return self->brands;
}

void
plaza_brand_library_set_search (PlazaBrandLibrary *self,
                                const char        *text)
{
  Job *job = g_new0 (Job, 1);

  g_free (self->search);
  self->search = g_strdup (text);
  job->kind = JOB_LIST;
  run (self, job);
}
