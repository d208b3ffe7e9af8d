/* plaza-contract-private.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by plaza-contract.c (states and transitions),
 * plaza-contract-amendments.c and plaza-contract-deposits.c.
 */

#pragma once

#include "plaza-contract.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  gint64  rev;
  char   *code;
  char   *state;
  char   *start;
  char   *end;
  gint64  previous_id;
  gint64  tenant_id;
} Contract;

static inline void
contract_clear (Contract *c)
{
  g_free (c->code);
  g_free (c->state);
  g_free (c->start);
  g_free (c->end);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Contract, contract_clear)

gboolean plaza_contract_load       (PlazaStore  *store,
                                    gint64       id,
                                    Contract    *c,
                                    GError     **error);
gboolean plaza_contract_invalid    (GError     **error,
                                    const char  *format,
                                    ...) G_GNUC_PRINTF (2, 3);
gboolean plaza_contract_valid_date (const char  *text);
char    *plaza_contract_column_text (sqlite3_stmt *stmt,
                                     int           column);
/* The state @action leads to, or NULL with @error naming the contract. */
const char *plaza_contract_allowed (Contract             *c,
                                    PlazaContractAction   action,
                                    GError              **error);
gboolean plaza_contract_add_event  (PlazaStore  *store,
                                    gint64       id,
                                    const char  *kind,
                                    const char  *state,
                                    const char  *effective_date,
                                    const char  *terms_json,
                                    const char  *comment,
                                    GError     **error);

G_END_DECLS
