/* plazactl-review.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * plazactl review build DB --quarter 2026Q3: builds (or rebuilds) the
 * quarter's review (plaza_review_build) and prints what it did, then the
 * rows as CSV: tenant,name,category,rank,of,score,proposal,state,reasons.
 * plazactl eviction notice DB --id N --out FILE.pdf: the notice letter
 * (清退通知书) of eviction N.
 */

#define G_LOG_DOMAIN "plazactl"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-csv.h"
#include "plaza-eviction.h"
#include "plaza-review.h"
#include "plazactl.h"

int
plazactl_cmd_review (int    argc,
                     char **argv)
{
  g_autofree char *quarter = NULL;
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GString) out = g_string_new ("tenant,name,category,rank,of,score,proposal,state,reasons\n");
  PlazaReviewBuild b;
  GOptionEntry entries[] = {
    { "quarter", 'q', 0, G_OPTION_ARG_STRING, &quarter, N_("The quarter"), N_("YYYYQn") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  if (!plazactl_parse (_("build DB --quarter YYYYQn — build the quarterly review"), entries, &argc, &argv))
    return 1;
  if (argc < 2 || !g_str_equal (argv[1], "build"))
    return plazactl_fail_message (_("review: say build"));
  if (argc != 3)
    return plazactl_fail_message (_("review: give one database file"));
  if (quarter == NULL || !plaza_review_parse_quarter (quarter, NULL, NULL))
    return plazactl_fail_message (_("review: --quarter is required, like 2026Q3"));

  store = plaza_store_open (argv[2], PLAZA_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    return plazactl_fail (error);
  if (!plaza_review_build (store, quarter, &b, &error) ||
      !plaza_review_list (store, quarter, &rows, &error))
    {
      g_prefix_error (&error, "review: ");
      return plazactl_fail (error);
    }
  for (guint i = 0; i < rows->len; i++)
    {
      PlazaReviewRow *r = g_ptr_array_index (rows, i);
      g_autofree char *rank = g_strdup_printf ("%lld", (long long) r->rank);
      g_autofree char *of = g_strdup_printf ("%lld", (long long) r->n_in_category);
      g_autofree char *score = g_strdup_printf ("%lld", (long long) r->score);
      const char *fields[9] = { r->tenant_code, r->tenant_name, r->category, rank, of, score, r->proposal,
                                r->state, r->reasons };

      plaza_csv_append_row (out, fields, G_N_ELEMENTS (fields));
    }
  {
    g_autofree char *canonical = NULL;

    plaza_review_parse_quarter (quarter, &canonical, NULL);
    g_printerr (_("Review %s: %u tenants, %u new, %u refreshed, %u removed, %u approved kept\n"), canonical,
                b.n_rows, b.n_new, b.n_updated, b.n_removed, b.n_approved_kept);
  }
  g_print ("%s", out->str);
  return 0;
}

int
plazactl_cmd_eviction (int    argc,
                       char **argv)
{
  g_autofree char *out_path = NULL;
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = 0;
  GOptionEntry entries[] = {
    { "id", 'i', 0, G_OPTION_ARG_INT64, &id, N_("The eviction's id"), N_("N") },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out_path, N_("Where to write the PDF"), N_("FILE.pdf") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  if (!plazactl_parse (_("notice DB --id N --out FILE.pdf — the eviction notice letter"), entries, &argc, &argv))
    return 1;
  if (argc < 2 || !g_str_equal (argv[1], "notice"))
    return plazactl_fail_message (_("eviction: say notice"));
  if (argc != 3)
    return plazactl_fail_message (_("eviction: give one database file"));
  if (id <= 0)
    return plazactl_fail_message (_("eviction: --id N is required (an eviction id above 0)"));
  if (out_path == NULL)
    return plazactl_fail_message (_("eviction: --out FILE.pdf is required"));

  store = plaza_store_open (argv[2], PLAZA_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    return plazactl_fail (error);
  if (!plaza_eviction_notice_pdf (store, id, out_path, &error))
    {
      g_prefix_error (&error, "eviction: ");
      return plazactl_fail (error);
    }
  return 0;
}
