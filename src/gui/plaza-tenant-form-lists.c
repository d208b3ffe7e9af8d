/* plaza-tenant-form-lists.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tenant form's lists, each change its own worker job: contacts (add,
 * edit, remove), brands (pick from the library, or add a new brand to the
 * library and link it; unlink), attachments (add with a file chooser, open,
 * remove) and the complaints and inspections log (add, mark resolved or
 * open again).
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-attachment.h"
#include "plaza-tenant-form-private.h"

static GtkListBox *
list_group (GtkBox     *page,
            const char *title,
            const char *button_label,
            GCallback   clicked,
            gpointer    self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *add = gtk_button_new_with_mnemonic (button_label);
  GtkWidget *list = gtk_list_box_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_widget_add_css_class (add, "flat");
  g_signal_connect_swapped (add, "clicked", clicked, self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), add);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
  gtk_box_append (page, group);
  return GTK_LIST_BOX (list);
}

static GtkWidget *
dialog_new (PlazaTenantForm *self,
            const char      *heading,
            const char      *ok_label,
            GtkWidget       *child)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, NULL);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "ok", ok_label, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "ok", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "ok");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), child);
  return dialog;
}

static GtkWidget *
boxed (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_size_request (list, 360, -1);
  return list;
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

static const char *
entry_text (GtkWidget *dialog,
            const char *key)
{
  return gtk_editable_get_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (dialog), key)));
}

static GtkWidget *
row_button (GtkWidget  *row,
            const char *label,
            gboolean    flat)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  if (flat)
    gtk_widget_add_css_class (button, "flat");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return button;
}

static void
empty_row (GtkListBox *list,
           const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  gtk_list_box_append (list, row);
}

/* Contacts. */

static void
contact_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     PlazaTenantForm  *self)
{
  PlazaTenantContact *old = g_object_get_data (G_OBJECT (dialog), "plaza-contact");
  FormJob *job;

  if (!g_str_equal (response, "ok"))
    return;
  job = plaza_tenant_form_job_new (FORM_JOB_CONTACT, 0);
  job->contact = g_new0 (PlazaTenantContact, 1);
  job->contact->id = old != NULL ? old->id : 0;
  job->contact->rev = old != NULL ? old->rev : 0;
  job->contact->tenant_id = self->id;
  job->contact->name = g_strdup (entry_text (GTK_WIDGET (dialog), "name"));
  job->contact->role = g_strdup (entry_text (GTK_WIDGET (dialog), "role"));
  job->contact->phone = g_strdup (entry_text (GTK_WIDGET (dialog), "phone"));
  job->contact->email = g_strdup (entry_text (GTK_WIDGET (dialog), "email"));
  plaza_tenant_form_run (self, job, old != NULL ? _("Contact saved") : _("Contact added"));
}

static void
edit_contact (PlazaTenantForm          *self,
              const PlazaTenantContact *c)
{
  GtkWidget *list = boxed ();
  GtkWidget *dialog = dialog_new (self, c != NULL ? _("Edit Contact") : _("Add a Contact"),
                                  c != NULL ? _("_Save") : _("_Add"), list);

  g_object_set_data (G_OBJECT (dialog), "name", dialog_entry (list, _("Name"), c != NULL ? c->name : NULL));
  g_object_set_data (G_OBJECT (dialog), "role", dialog_entry (list, _("Role (店长, 财务 …)"), c != NULL ? c->role : NULL));
  g_object_set_data (G_OBJECT (dialog), "phone", dialog_entry (list, _("Phone"), c != NULL ? c->phone : NULL));
  g_object_set_data (G_OBJECT (dialog), "email", dialog_entry (list, _("E-mail"), c != NULL ? c->email : NULL));
  if (c != NULL)
    {
      PlazaTenantContact *copy = g_new0 (PlazaTenantContact, 1);

      copy->id = c->id;
      copy->rev = c->rev;
      g_object_set_data_full (G_OBJECT (dialog), "plaza-contact", copy, (GDestroyNotify) plaza_tenant_contact_free);
    }
  g_signal_connect_object (dialog, "response", G_CALLBACK (contact_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_contact_cb (PlazaTenantForm *self)
{
  edit_contact (self, NULL);
}

static void
contact_button_cb (GtkButton       *button,
                   PlazaTenantForm *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "plaza-index"));
  gboolean remove = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "plaza-remove"));
  PlazaTenantContact *c;
  FormJob *job;

  if (self->data == NULL || index >= self->data->tenant->contacts->len)
    return;
  c = self->data->tenant->contacts->pdata[index];
  if (!remove)
    {
      edit_contact (self, c);
      return;
    }
  job = plaza_tenant_form_job_new (FORM_JOB_CONTACT_REMOVE, c->id);
  job->rev = c->rev;
  plaza_tenant_form_run (self, job, _("Contact removed"));
}

static void
fill_contacts (PlazaTenantForm *self)
{
  GPtrArray *contacts = self->data->tenant->contacts;

  plaza_tenant_form_clear_children (GTK_WIDGET (self->contacts));
  for (guint i = 0; i < contacts->len; i++)
    {
      PlazaTenantContact *c = contacts->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = *c->role != '\0' ? g_strdup_printf ("%s · %s", c->name, c->role) : g_strdup (c->name);
      g_autofree char *sub = g_strjoin ("  ", c->phone, c->email, NULL);
      GtkWidget *edit, *remove;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), g_strstrip (sub));
      edit = row_button (row, _("_Edit"), FALSE);
      remove = row_button (row, _("_Remove"), TRUE);
      g_object_set_data (G_OBJECT (edit), "plaza-index", GUINT_TO_POINTER (i));
      g_object_set_data (G_OBJECT (remove), "plaza-index", GUINT_TO_POINTER (i));
      g_object_set_data (G_OBJECT (remove), "plaza-remove", GINT_TO_POINTER (TRUE));
      g_signal_connect (edit, "clicked", G_CALLBACK (contact_button_cb), self);
      g_signal_connect (remove, "clicked", G_CALLBACK (contact_button_cb), self);
      gtk_list_box_append (self->contacts, row);
    }
  if (contacts->len == 0)
    empty_row (self->contacts, _("No contacts yet"));
}

/* Brands. */

static void
brand_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   PlazaTenantForm  *self)
{
  GPtrArray *choices = g_object_get_data (G_OBJECT (dialog), "plaza-choices");
  AdwComboRow *pick = g_object_get_data (G_OBJECT (dialog), "pick");
  AdwComboRow *tier = g_object_get_data (G_OBJECT (dialog), "tier");
  g_autofree char *name = g_strstrip (g_strdup (entry_text (GTK_WIDGET (dialog), "new")));
  static const char * const tiers[] = { "flagship", "A", "B", "C" };
  guint selected = adw_combo_row_get_selected (pick);
  FormJob *job;

  if (!g_str_equal (response, "ok"))
    return;
  if (*name != '\0')
    {
      guint t = adw_combo_row_get_selected (tier);

      job = plaza_tenant_form_job_new (FORM_JOB_NEW_BRAND, 0);
      job->brand = plaza_brand_new ();
      job->brand->name = g_steal_pointer (&name);
      job->brand->category_id = self->data->tenant->category_id;
      g_free (job->brand->tier);
      job->brand->tier = g_strdup (t < G_N_ELEMENTS (tiers) ? tiers[t] : "B");
      plaza_tenant_form_run (self, job, _("Brand added to the library and linked"));
      return;
    }
  if (selected == GTK_INVALID_LIST_POSITION || selected >= choices->len)
    return;
  job = plaza_tenant_form_job_new (FORM_JOB_LINK, ((PlazaBrand *) choices->pdata[selected])->id);
  plaza_tenant_form_run (self, job, _("Brand linked"));
}

static void
add_brand_cb (PlazaTenantForm *self)
{
  GtkWidget *list = boxed ();
  GtkWidget *dialog = dialog_new (self, _("Add a Brand"), _("_Add"), list);
  GPtrArray *choices = g_ptr_array_new ();
  GtkStringList *names = gtk_string_list_new (NULL);
  GtkStringList *tiers = gtk_string_list_new (NULL);
  GtkWidget *pick = adw_combo_row_new ();
  GtkWidget *tier = adw_combo_row_new ();
  GtkExpression *expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

  for (guint i = 0; i < self->data->library->len; i++)
    {
      PlazaBrand *b = self->data->library->pdata[i];
      gboolean linked = FALSE;
      g_autofree char *label = NULL;

      for (guint j = 0; j < self->data->tenant->brands->len; j++)
        if (((PlazaTenantBrand *) self->data->tenant->brands->pdata[j])->brand_id == b->id)
          linked = TRUE;
      if (linked)
        continue;
      label = *b->category != '\0' ? g_strdup_printf ("%s · %s", b->name, b->category) : g_strdup (b->name);
      gtk_string_list_append (names, label);
      g_ptr_array_add (choices, b);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (pick), _("From the library"));
  adw_combo_row_set_model (ADW_COMBO_ROW (pick), G_LIST_MODEL (names));
  adw_combo_row_set_expression (ADW_COMBO_ROW (pick), expression);
  gtk_expression_unref (expression);
  g_object_unref (names);
  gtk_list_box_append (GTK_LIST_BOX (list), pick);
  g_object_set_data (G_OBJECT (dialog), "new", dialog_entry (list, _("Or a new brand's name"), NULL));
  gtk_string_list_append (tiers, _("Flagship"));
  gtk_string_list_append (tiers, _("Tier A"));
  gtk_string_list_append (tiers, _("Tier B"));
  gtk_string_list_append (tiers, _("Tier C"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (tier), _("New brand's tier"));
  adw_combo_row_set_model (ADW_COMBO_ROW (tier), G_LIST_MODEL (tiers));
  adw_combo_row_set_selected (ADW_COMBO_ROW (tier), 2);
  g_object_unref (tiers);
  gtk_list_box_append (GTK_LIST_BOX (list), tier);
  g_object_set_data (G_OBJECT (dialog), "pick", pick);
  g_object_set_data (G_OBJECT (dialog), "tier", tier);
  g_object_set_data_full (G_OBJECT (dialog), "plaza-choices", choices, (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (brand_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
unlink_brand_cb (GtkButton       *button,
                 PlazaTenantForm *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), "plaza-id");

  plaza_tenant_form_run (self, plaza_tenant_form_job_new (FORM_JOB_UNLINK, *id), _("Brand unlinked"));
}

static void
fill_brands (PlazaTenantForm *self)
{
  GPtrArray *brands = self->data->tenant->brands;

  plaza_tenant_form_clear_children (GTK_WIDGET (self->brands));
  for (guint i = 0; i < brands->len; i++)
    {
      PlazaTenantBrand *b = brands->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button;
      g_autofree char *sub = *b->category != '\0' ? g_strdup_printf ("%s · %s", plaza_brand_tier_label (b->tier), b->category)
                                                  : g_strdup (plaza_brand_tier_label (b->tier));
      gint64 *id = g_new (gint64, 1);

      *id = b->brand_id;
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), b->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub);
      button = row_button (row, _("_Unlink"), TRUE);
      g_object_set_data_full (G_OBJECT (button), "plaza-id", id, g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (unlink_brand_cb), self);
      gtk_list_box_append (self->brands, row);
    }
  if (brands->len == 0)
    empty_row (self->brands, _("No brands yet"));
}

/* Complaints and inspections. */

static void
complaint_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       PlazaTenantForm  *self)
{
  AdwComboRow *kind = g_object_get_data (G_OBJECT (dialog), "kind");
  FormJob *job;

  if (!g_str_equal (response, "ok"))
    return;
  job = plaza_tenant_form_job_new (FORM_JOB_COMPLAINT, 0);
  job->complaint = plaza_complaint_new ();
  job->complaint->tenant_id = self->id;
  job->complaint->date = g_strstrip (g_strdup (entry_text (GTK_WIDGET (dialog), "date")));
  g_free (job->complaint->kind);
  job->complaint->kind = g_strdup (adw_combo_row_get_selected (kind) == 1 ? "inspection" : "complaint");
  g_free (job->complaint->text);
  job->complaint->text = g_strdup (entry_text (GTK_WIDGET (dialog), "text"));
  plaza_tenant_form_run (self, job, _("Logged"));
}

static void
add_complaint_cb (PlazaTenantForm *self)
{
  GtkWidget *list = boxed ();
  GtkWidget *dialog = dialog_new (self, _("Log a Complaint or Inspection"), _("_Log"), list);
  GtkStringList *kinds = gtk_string_list_new (NULL);
  GtkWidget *kind = adw_combo_row_new ();
  g_autofree char *today = plaza_tenant_form_today ();

  gtk_string_list_append (kinds, _("Complaint"));
  gtk_string_list_append (kinds, _("Inspection"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (kind), _("Kind"));
  adw_combo_row_set_model (ADW_COMBO_ROW (kind), G_LIST_MODEL (kinds));
  g_object_unref (kinds);
  g_object_set_data (G_OBJECT (dialog), "date", dialog_entry (list, _("Date (YYYY-MM-DD)"), today));
  gtk_list_box_append (GTK_LIST_BOX (list), kind);
  g_object_set_data (G_OBJECT (dialog), "kind", kind);
  g_object_set_data (G_OBJECT (dialog), "text", dialog_entry (list, _("What happened"), NULL));
  g_signal_connect_object (dialog, "response", G_CALLBACK (complaint_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
resolve_cb (GtkButton       *button,
            PlazaTenantForm *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "plaza-index"));
  PlazaComplaint *c;
  FormJob *job;

  if (self->data == NULL || index >= self->data->complaints->len)
    return;
  c = self->data->complaints->pdata[index];
  job = plaza_tenant_form_job_new (c->resolved ? FORM_JOB_REOPEN : FORM_JOB_RESOLVE, c->id);
  job->rev = c->rev;
  job->text = plaza_tenant_form_today ();
  plaza_tenant_form_run (self, job, c->resolved ? _("Open again") : _("Marked resolved"));
}

static void
fill_complaints (PlazaTenantForm *self)
{
  GPtrArray *rows = self->data->complaints;

  plaza_tenant_form_clear_children (GTK_WIDGET (self->complaints));
  for (guint i = 0; i < rows->len; i++)
    {
      PlazaComplaint *c = rows->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button;
      g_autofree char *sub = NULL;
      const char *kind = g_str_equal (c->kind, "inspection") ? _("Inspection") : _("Complaint");

      if (c->resolved && c->resolved_on != NULL)
        sub = g_strdup_printf (_("%s · %s · resolved on %s"), c->date, kind, c->resolved_on);
      else if (c->resolved)
        sub = g_strdup_printf (_("%s · %s · resolved"), c->date, kind);
      else
        sub = g_strdup_printf (_("%s · %s · open"), c->date, kind);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), c->text);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub);
      if (!c->resolved)
        gtk_widget_add_css_class (row, "warning");
      button = row_button (row, c->resolved ? _("Re_open") : _("Mark _Resolved"), c->resolved);
      g_object_set_data (G_OBJECT (button), "plaza-index", GUINT_TO_POINTER (i));
      g_signal_connect (button, "clicked", G_CALLBACK (resolve_cb), self);
      gtk_list_box_append (self->complaints, row);
    }
  if (rows->len == 0)
    empty_row (self->complaints, _("No complaints or inspections logged"));
}

/* Attachments. */

static void
attachment_cb (GtkButton       *button,
               PlazaTenantForm *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), "plaza-id");
  gboolean remove = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "plaza-remove"));

  plaza_tenant_form_run (self, plaza_tenant_form_job_new (remove ? FORM_JOB_REMOVE_ATTACHMENT : FORM_JOB_OPEN_ATTACHMENT, *id),
                         remove ? _("Attachment removed") : NULL);
}

static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     PlazaTenantForm *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
      g_autofree char *name = path != NULL ? g_path_get_basename (path) : NULL;
      g_autofree char *message = name != NULL ? g_strdup_printf (_("Attached “%s”"), name) : NULL;
      FormJob *job;

      if (path != NULL)
        {
          job = plaza_tenant_form_job_new (FORM_JOB_ATTACH, 0);
          job->text = g_steal_pointer (&path);
          plaza_tenant_form_run (self, job, message);
        }
      else
        plaza_tenant_form_toast (self, _("Choose a local file."));
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
add_attachment_cb (PlazaTenantForm *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Add a File"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
fill_attachments (PlazaTenantForm *self)
{
  GPtrArray *rows = self->data->attachments;

  plaza_tenant_form_clear_children (GTK_WIDGET (self->attachments));
  for (guint i = 0; i < rows->len; i++)
    {
      const PlazaAttachment *a = rows->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *size = g_format_size (a->size);
      g_autofree char *sub = g_strdup_printf ("%s · %s · %.10s", size, a->added_by, a->added_at);
      GtkWidget *open, *remove;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), a->file_name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub);
      open = row_button (row, _("_Open"), FALSE);
      remove = row_button (row, _("_Remove"), TRUE);
      g_object_set_data_full (G_OBJECT (open), "plaza-id", g_memdup2 (&a->id, sizeof a->id), g_free);
      g_object_set_data_full (G_OBJECT (remove), "plaza-id", g_memdup2 (&a->id, sizeof a->id), g_free);
      g_object_set_data (G_OBJECT (remove), "plaza-remove", GINT_TO_POINTER (TRUE));
      g_signal_connect (open, "clicked", G_CALLBACK (attachment_cb), self);
      g_signal_connect (remove, "clicked", G_CALLBACK (attachment_cb), self);
      gtk_list_box_append (self->attachments, row);
    }
  if (rows->len == 0)
    empty_row (self->attachments, _("No licence scans or files yet"));
}

void
plaza_tenant_form_build_lists (PlazaTenantForm *self,
                               GtkBox          *page)
{
  self->lists_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  self->contacts = list_group (GTK_BOX (self->lists_box), _("Contacts"), _("A_dd…"), G_CALLBACK (add_contact_cb), self);
  self->brands = list_group (GTK_BOX (self->lists_box), _("Brands"), _("Add _Brand…"), G_CALLBACK (add_brand_cb), self);
  self->attachments = list_group (GTK_BOX (self->lists_box), _("Licence and Files"), _("Add _File…"),
                                  G_CALLBACK (add_attachment_cb), self);
  self->complaints = list_group (GTK_BOX (self->lists_box), _("Complaints and Inspections"), _("_Log…"),
                                 G_CALLBACK (add_complaint_cb), self);
  gtk_box_append (page, self->lists_box);
}

void
plaza_tenant_form_fill_lists (PlazaTenantForm *self)
{
  fill_contacts (self);
  fill_brands (self);
  fill_complaints (self);
  fill_attachments (self);
}
