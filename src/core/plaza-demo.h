/* plaza-demo.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A deterministic, realistic demo mall. The same seed, size and anchor date
 * give the same file content.
 */

#pragma once

#include "plaza-store.h"

G_BEGIN_DECLS

typedef enum
{
  PLAZA_DEMO_SMALL,   /* tests: one floor, ~30 units, one year of sales */
  PLAZA_DEMO_MEDIUM,  /* the default: B1–5F, ~240 units, three years */
  PLAZA_DEMO_LARGE,   /* benchmarks: ~1,000 units, ten years */
} PlazaDemoSize;

gboolean plaza_demo_size_from_string (const char    *name,
                                      PlazaDemoSize *size);

/* Fills an empty, freshly created store. @today anchors every date (the
 * demo's "now"): contracts expiring soon, arrears, sales up to yesterday. */
gboolean plaza_demo_generate         (PlazaStore    *store,
                                      guint32        seed,
                                      PlazaDemoSize  size,
                                      const GDate   *today,
                                      GError       **error);

G_END_DECLS
