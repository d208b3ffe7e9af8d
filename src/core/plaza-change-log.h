/* plaza-change-log.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading the change feed (the append-only change_log table that every write
 * adds to through plaza_store_log_change()): a record's history, the rows
 * another client wrote since a sequence number (live refresh), and words for
 * people ("王芳 edited tenant T0012 星巴克"). Also the before/after summary
 * of an edit: a snapshot of a row taken inside the write before the UPDATE
 * and compared after it ("name: 旧 → 新; status: active → ending").
 */

#pragma once

#include <glib.h>

#include "plaza-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  seq;
  char   *at;            /* "YYYY-MM-DDTHH:MM:SSZ" (UTC, the writer's clock) */
  char   *user;          /* login (or OS user name when the file has no accounts) */
  char   *user_display;  /* users.display_name when there is one, else user */
  char   *host;
  char   *entity;        /* as passed to plaza_store_log_change: "tenant", "units", … */
  gint64  entity_id;     /* 0 for changes that are not about one record */
  char   *action;
  char   *summary;
} PlazaChange;

void         plaza_change_free              (PlazaChange *change);

/* A record's history, newest first (array of PlazaChange). The entity's
 * synonyms count as the same record ("unit" and "units", "bill" and
 * "bills"). */
GPtrArray   *plaza_change_log_for_record    (PlazaStore  *store,
                                             const char  *entity,
                                             gint64       entity_id,
                                             GError     **error);
/* Rows with seq > @after_seq, oldest first, at most @limit (0: no limit). */
GPtrArray   *plaza_change_log_since         (PlazaStore  *store,
                                             gint64       after_seq,
                                             guint        limit,
                                             GError     **error);
/* The newest seq (0 for an empty log); -1 with @error. */
gint64       plaza_change_log_last_seq      (PlazaStore  *store,
                                             GError     **error);
/* TRUE when @change was written by @store itself (this connection's
 * committed writes): live refresh shows only the others'. */
gboolean     plaza_change_is_own            (PlazaStore        *store,
                                             const PlazaChange *change);

/* Translated words for an entity ("tenant" → "Tenant"), for titles. */
const char  *plaza_change_entity_label      (const char  *entity);
/* @summary with the column names of its before/after parts in words
 * ("name: 旧 → 新" → "Name: 旧 → 新", translated); the log keeps the
 * names, so each reader sees its own language. */
char        *plaza_change_summary_for_display (const char *summary);
/* One line for a toast or a list: who, what, which record (translated). */
char        *plaza_change_describe          (const PlazaChange *change);

/* Before/after summaries. Inside plaza_store_write(), before the UPDATE:
 *   snap = plaza_change_snapshot_take (store, "tenants", id, error);
 * after it:
 *   summary = plaza_change_snapshot_diff (snap, store, error);
 * gives "name: 旧名 → 新名; notes: … → …" over the columns that changed
 * (rev and timestamps left out; long values shortened), or "" when nothing
 * changed. */
typedef struct _PlazaChangeSnapshot PlazaChangeSnapshot;

PlazaChangeSnapshot *plaza_change_snapshot_take (PlazaStore          *store,
                                                 const char          *table,
                                                 gint64               id,
                                                 GError             **error);
char        *plaza_change_snapshot_diff     (PlazaChangeSnapshot *snapshot,
                                             PlazaStore          *store,
                                             GError             **error);
void         plaza_change_snapshot_free     (PlazaChangeSnapshot *snapshot);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlazaChange, plaza_change_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlazaChangeSnapshot, plaza_change_snapshot_free)

G_END_DECLS
