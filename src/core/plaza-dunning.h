/* plaza-dunning.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Dunning letters (催款通知书, issue 7): one A4 page in Chinese per tenant
 * that owes, on the mall's letterhead (settings "mall.name",
 * "mall.department", "mall.address", "mall.phone", "mall.bank",
 * "mall.account"; missing ones are left out), listing the overdue bills
 * with their amounts still open, the late fee accrued, the total and the
 * date to pay by. Every letter written is recorded in dunning_letters (one
 * row per tenant, with the amount) in the same transaction, and logged.
 */

#pragma once

#include <glib.h>

#include "plaza-store.h"

G_BEGIN_DECLS

/* Letters as of @as_of ('YYYY-MM-DD') for @tenant_ids (an array of gint64;
 * NULL: every tenant with an open amount overdue by at least @min_days
 * days), written to @pdf_path (one page each, in tenant code order) and
 * recorded. A tenant named in @tenant_ids gets a letter on the same terms:
 * one that owes nothing overdue (or not for @min_days days) is left out. @pay_by is the date printed as the deadline (NULL: @as_of + 7
 * days). @n_letters receives the count. Fails (INVALID, translated) when
 * no tenant owes anything; then nothing is written or recorded. */
gboolean plaza_dunning_write (PlazaStore   *store,
                              const char   *as_of,
                              GArray       *tenant_ids,
                              gint64        min_days,
                              const char   *pay_by,
                              const char   *pdf_path,
                              guint        *n_letters,
                              GError      **error);

G_END_DECLS
