/* plaza-tenant-form-private.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tenant form's insides, shared by plaza-tenant-form.c (loading,
 * saving, jobs), plaza-tenant-form-fields.c (the archive fields, checked as
 * typed) and plaza-tenant-form-lists.c (contacts, brands, complaints,
 * attachments).
 */

#pragma once

#include "plaza-brand.h"
#include "plaza-complaint.h"
#include "plaza-date.h"
#include "plaza-tenant-form.h"
#include "plaza-tenant.h"

G_BEGIN_DECLS

typedef enum
{
  FORM_JOB_LOAD,
  FORM_JOB_SAVE,
  FORM_JOB_SAVE_OVER,        /* save over someone else's save */
  FORM_JOB_CONTACT,
  FORM_JOB_CONTACT_REMOVE,
  FORM_JOB_LINK,
  FORM_JOB_UNLINK,
  FORM_JOB_NEW_BRAND,        /* create a brand, then link it */
  FORM_JOB_COMPLAINT,
  FORM_JOB_RESOLVE,
  FORM_JOB_REOPEN,
  FORM_JOB_ATTACH,
  FORM_JOB_OPEN_ATTACHMENT,
  FORM_JOB_REMOVE_ATTACHMENT,
} FormJobKind;

typedef struct
{
  FormJobKind         kind;
  gint64              id;          /* the tenant */
  gint64              target;      /* contact, brand, complaint, attachment */
  gint64              rev;
  PlazaTenant        *tenant;      /* SAVE */
  PlazaTenantContact *contact;
  PlazaBrand         *brand;
  PlazaComplaint     *complaint;
  char               *text;        /* a path, a date */
} FormJob;

/* What a load brings back. */
typedef struct
{
  PlazaTenant *tenant;
  GPtrArray   *categories;   /* PlazaCategoryChoice */
  GPtrArray   *library;      /* PlazaBrand */
  GPtrArray   *complaints;   /* PlazaComplaint */
  GPtrArray   *attachments;  /* PlazaAttachment */
  gint64       seq;          /* plaza_change_log_last_seq() at the load */
} FormData;

struct _PlazaTenantForm
{
  AdwBin           parent_instance;

  PlazaWorker     *worker;
  GCancellable    *cancellable;
  gint64           id;
  gboolean         busy;
  gboolean         dirty;
  gboolean         filling;
  FormData        *data;

  AdwToastOverlay *toasts;
  GtkWidget       *banner;
  GtkLabel        *banner_label;
  GtkWidget       *save_button;
  GtkLabel        *save_reason;

  /* fields */
  GtkWidget       *code_row;
  AdwEntryRow     *name_row;
  AdwEntryRow     *credit_row;
  GtkLabel        *credit_reason;
  AdwEntryRow     *licence_row;
  GtkLabel        *licence_reason;
  AdwComboRow     *category_row;
  GtkWidget       *business_row;
  GtkWidget       *tier_row;
  AdwComboRow     *status_row;
  GtkTextView     *notes;

  /* lists */
  GtkWidget       *lists_box;
  GtkListBox      *contacts;
  GtkListBox      *brands;
  GtkListBox      *complaints;
  GtkListBox      *attachments;
};

void      plaza_tenant_form_build_fields   (PlazaTenantForm *self,
                                            GtkBox          *page);
void      plaza_tenant_form_fill_fields    (PlazaTenantForm *self);
/* A copy of the loaded tenant with the typed values. */
PlazaTenant *plaza_tenant_form_collect     (PlazaTenantForm *self);
/* NULL when the typed values can be saved, else the first reason. */
const char *plaza_tenant_form_check        (PlazaTenantForm *self);
void      plaza_tenant_form_update_state   (PlazaTenantForm *self);
void      plaza_tenant_form_set_dirty      (PlazaTenantForm *self,
                                            gboolean         dirty);

void      plaza_tenant_form_build_lists    (PlazaTenantForm *self,
                                            GtkBox          *page);
void      plaza_tenant_form_fill_lists     (PlazaTenantForm *self);

FormJob  *plaza_tenant_form_job_new        (FormJobKind      kind,
                                            gint64           target);
gboolean  plaza_tenant_form_run            (PlazaTenantForm *self,
                                            FormJob         *job,
                                            const char      *message);
void      plaza_tenant_form_toast          (PlazaTenantForm *self,
                                            const char      *message);
void      plaza_tenant_form_clear_children (GtkWidget       *box);
char     *plaza_tenant_form_today          (void);

G_END_DECLS
