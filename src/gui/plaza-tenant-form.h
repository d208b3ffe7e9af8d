/* plaza-tenant-form.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A tenant's archive, editable (issue 6): company name, unified social
 * credit code (checked), business licence expiry (warned before it runs
 * out), business type and category, brand tier, contacts, brands, notes,
 * attachments, and the complaints and inspections log. Loads and saves
 * itself through the worker; the tenant window embeds it.
 */

#pragma once

#include <adwaita.h>

#include "plaza-worker.h"

G_BEGIN_DECLS

#define PLAZA_TYPE_TENANT_FORM (plaza_tenant_form_get_type ())
G_DECLARE_FINAL_TYPE (PlazaTenantForm, plaza_tenant_form, PLAZA, TENANT_FORM, AdwBin)

/* @tenant_id 0: a new tenant. Emits "saved" (gint64 id) after each write. */
GtkWidget *plaza_tenant_form_new      (PlazaWorker     *worker,
                                       gint64           tenant_id);
gint64     plaza_tenant_form_get_id   (PlazaTenantForm *self);
gboolean   plaza_tenant_form_get_busy (PlazaTenantForm *self);
/* TRUE when there are unsaved changes. */
gboolean   plaza_tenant_form_get_dirty (PlazaTenantForm *self);

G_END_DECLS
