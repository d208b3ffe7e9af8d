/* plaza-promotion-notice.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the clerks take to the tenants (issue 5): a participation notice
 * per participating tenant (A4 PDF in Chinese, one page each: the mall,
 * the promotion, its dates and mechanics, the tenant's own offer and
 * promotion fee, the confirmation asked for, a signature line), and the
 * participant list as CSV or XLSX (libxlsxwriter) for phoning and visits.
 *
 * Files are written to a temporary file in the same folder and renamed
 * into place: on error nothing is left behind.
 */

#pragma once

#include <glib.h>

#include "plaza-store.h"

G_BEGIN_DECLS

/* Notices for promotion @id's participants that have not declined, in
 * tenant code order. Fails (INVALID, translated) when it has none. */
gboolean plaza_promotion_write_notices      (PlazaStore  *store,
                                             gint64       id,
                                             const char  *pdf_path,
                                             GError     **error);

/* The participant list: tenant code, name, contact, phone, units, offer,
 * status, fee (yuan). The format by @path's extension: .csv (UTF-8 with
 * BOM, for Excel) or .xlsx; anything else fails. */
gboolean plaza_promotion_write_participants (PlazaStore  *store,
                                             gint64       id,
                                             const char  *path,
                                             GError     **error);

G_END_DECLS
