/* plaza-complaint.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The complaints and inspections log of a tenant (issue 6): date, kind
 * (complaint or inspection), text, resolved and the day it was resolved.
 * The day is complaints.resolved_on (schema 2; schema 1 kept it only in
 * change_log, entity "complaint", action "resolve", summary "resolved on
 * YYYY-MM-DD", which migration 003 copied into the column); rows resolved
 * elsewhere may have no day. Every write is rev-checked and logged.
 */

#pragma once

#include <glib.h>

#include "plaza-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64    id;            /* 0 for a new entry */
  gint64    tenant_id;
  gint64    rev;
  char     *date;          /* YYYY-MM-DD */
  char     *kind;          /* complaint, inspection */
  char     *text;
  gboolean  resolved;
  char     *resolved_on;   /* YYYY-MM-DD or NULL */
} PlazaComplaint;

PlazaComplaint *plaza_complaint_new  (void);
void            plaza_complaint_free (PlazaComplaint *c);

/* The tenant's entries, newest first (date, then id). */
GPtrArray      *plaza_complaint_list (PlazaStore      *store,
                                      gint64           tenant_id,
                                      GError         **error);
/* Adds (id 0; sets id and rev) or edits date, kind and text at c->rev.
 * INVALID for a bad date, kind or an empty text. */
gboolean        plaza_complaint_save (PlazaStore      *store,
                                      PlazaComplaint  *c,
                                      GError         **error);
/* Marks entry @id (at @rev) resolved on @resolved_on (not before its date),
 * or open again when @resolved_on is NULL. Returns the new rev, 0 on error. */
gint64          plaza_complaint_set_resolved (PlazaStore  *store,
                                              gint64       id,
                                              gint64       rev,
                                              const GDate *resolved_on,
                                              GError     **error);
/* Open (unresolved) entries of the tenant. */
gint64          plaza_complaint_count_open   (PlazaStore  *store,
                                              gint64       tenant_id,
                                              GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlazaComplaint, plaza_complaint_free)

G_END_DECLS
