/* plaza-store-schema-private.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Inside the store: the schema rules plaza-store.c applies while opening
 * (plaza-store-schema.c): the minimum writer version, "a migration runs only
 * when no other client holds the file", and the migrations themselves.
 */

#pragma once

#include "plaza-store.h"

G_BEGIN_DECLS

/* The settings key a migration sets when older clients may no longer write
 * the file; absent, the file's own schema version is the minimum. */
#define PLAZA_SCHEMA_MIN_WRITER_KEY "schema.min_writer"

/* Before the journal policy: decides whether this client may write a file
 * of schema @version. A minimum writer above PLAZA_SCHEMA_VERSION, an older
 * schema that cannot be written here, or an older schema that another
 * client holds (a fresh presence file, a live lease) make the store
 * read-only (reopened so), with the reason. */
gboolean plaza_store_schema_check   (PlazaStore  *self,
                                     gint64       version,
                                     GError     **error);

/* After the policy: migrates an older schema to PLAZA_SCHEMA_VERSION in one
 * write when the store is writable; @version gets the schema now in the
 * file. */
gboolean plaza_store_schema_migrate (PlazaStore  *self,
                                     gint64      *version,
                                     GError     **error);

G_END_DECLS
