/* bench-lists.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How long each list and the overview take to load, and how long until the
 * first batch arrives (what a user waits for before rows appear).
 *
 *   bench-lists DB            (set PLAZA_IO_DELAY_MS=N to feel a slow share)
 *
 * Prints one line per list: name, rows, first batch ms, total ms.
 */

#define G_LOG_DOMAIN "plaza-bench"

#include "config.h"

#include <stdio.h>
#include <time.h>

#include "plaza-core.h"

typedef struct
{
  gint64  started;
  gint64  first;
  guint   rows;
} Timing;

static void
batch_cb (GPtrArray *records,
          gpointer   user_data)
{
  Timing *t = user_data;

  if (t->first == 0)
    t->first = g_get_monotonic_time ();
  t->rows += records->len;
  g_ptr_array_unref (records);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaStore) store = NULL;
  PlazaOverview overview = { 0 };
  gint64 started;
  GDate today;

  if (argc != 2)
    {
      g_printerr ("usage: bench-lists DB\n");
      return 2;
    }

  started = g_get_monotonic_time ();
  store = plaza_store_open (argv[1], PLAZA_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    {
      g_printerr ("bench-lists: %s\n", error->message);
      return 1;
    }
  printf ("io delay %u ms, %s, journal %s\n", plaza_io_delay_vfs_get_delay_ms (),
          plaza_location_to_string (plaza_store_get_location (store)), plaza_store_get_journal_mode (store));
  printf ("%-12s %8s %10s %10s\n", "list", "rows", "first ms", "total ms");
  printf ("%-12s %8s %10s %10.1f\n", "open", "", "", (g_get_monotonic_time () - started) / 1000.0);

  for (PlazaListKind kind = 0; kind < PLAZA_N_LISTS; kind++)
    {
      Timing t = { g_get_monotonic_time (), 0, 0 };

      if (!plaza_list_query_run (store, kind, 200, batch_cb, &t, NULL, &error))
        {
          g_printerr ("bench-lists: %s: %s\n", plaza_list_kind_to_string (kind), error->message);
          return 1;
        }
      printf ("%-12s %8u %10.1f %10.1f\n", plaza_list_kind_to_string (kind), t.rows,
              t.first > 0 ? (t.first - t.started) / 1000.0 : 0.0,
              (g_get_monotonic_time () - t.started) / 1000.0);
    }

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  started = g_get_monotonic_time ();
  if (!plaza_overview_compute (store, &today, &overview, &error))
    {
      g_printerr ("bench-lists: overview: %s\n", error->message);
      return 1;
    }
  printf ("%-12s %8s %10s %10.1f\n", "overview", "", "", (g_get_monotonic_time () - started) / 1000.0);
  plaza_overview_clear (&overview);
  return 0;
}
