/* plaza-permissions.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Who may do what. A role is one of "viewer", "clerk", "planner", "manager",
 * "admin" (the users.role column). A permission is the (entity, action) pair
 * every write passes to plaza_store_log_change(), so the store can refuse a
 * write in one place. The table (plaza-permissions.c) is:
 *
 *   viewer   nothing (reads only)
 *   clerk    tenants, brands, complaints, floors, units (not the leasing plan),
 *            contract drafts (create, submit, amend, activate, deposits),
 *            sales and their imports, payments, fit-outs (not drawing
 *            approval), attachments
 *   planner  promotions (create, edit, submit, cancel), leasing (prospects,
 *            market notes, unit plan), targets, review build and proposals,
 *            brands, unit status, attachments
 *   manager  everything clerk and planner may, plus approvals (contract,
 *            amendment, promotion, review, fit-out drawing approve/reject),
 *            contract end (terminate, renew, expire), billing (issue, true-up,
 *            credit notes, late fees) and eviction
 *   admin    everything, including users, settings, restore and demo data
 *
 * A pair the table does not name is refused for every role but admin.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE for the five role names. */
gboolean      plaza_role_is_valid            (const char *role);
/* The role's name for people (translated), or @role itself when unknown. */
const char   *plaza_role_get_label           (const char *role);
/* NULL-terminated list of the role names, least to most powerful. */
const char * const *plaza_role_get_all       (void);

/* May @role do @action on @entity? An unknown role may nothing. */
gboolean      plaza_permission_allows        (const char *role,
                                              const char *entity,
                                              const char *action);

G_END_DECLS
