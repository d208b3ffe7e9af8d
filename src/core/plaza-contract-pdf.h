/* plaza-contract-pdf.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The contract summary (租赁合同摘要 / 联营合同摘要): an A4 PDF for signing and
 * filing, in Chinese, drawn with Cairo and Pango. The mall's letterhead comes
 * from the settings mall.name, mall.company and mall.address.
 */

#pragma once

#include "plaza-store.h"

G_BEGIN_DECLS

/* The PDF of contract @contract_id as bytes. Fails with
 * PLAZA_STORE_ERROR_NOT_FOUND for an unknown id. */
GBytes   *plaza_contract_pdf_render (PlazaStore  *store,
                                     gint64       contract_id,
                                     GError     **error);
/* Renders and writes the PDF to @pdf_path (replacing it). A path that
 * cannot be written fails with a G_FILE_ERROR naming it. */
gboolean  plaza_contract_pdf_write  (PlazaStore  *store,
                                     gint64       contract_id,
                                     const char  *pdf_path,
                                     GError     **error);

G_END_DECLS
