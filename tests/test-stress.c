/* test-stress.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 8's proof, part two: N `plazactl import sales` processes write to
 * one file at once while the parent kills some of them with SIGKILL at
 * random moments and starts new ones. Each transaction imports a whole
 * year of one unit (365 or 366 daily rows, 12 monthly aggregates, one
 * change_log line) under its own key (unit, year, named in the file name).
 * At the end: every key a child reported ("Imported N rows" on stdout,
 * printed after COMMIT returned) is there in full; a killed child's key is
 * there in full or not at all; a child that failed wrote nothing;
 * sales_monthly agrees with the days; integrity_check is ok. Run on a
 * local file (WAL) and as on a share (PLAZA_FORCE_LOCATION=network:
 * rollback journal).
 *
 * Figures are printed. PLAZA_STRESS_WORKERS (6), PLAZA_STRESS_COMMITS (40
 * per worker) and PLAZA_STRESS_KILL_PERCENT (35) make it bigger; see
 * tests/bench/stress-kill.sh.
 */

#define G_LOG_DOMAIN "plaza-test"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "import-fixture.h"

#define FIRST_YEAR 1950
#define YEARS_PER_UNIT 70

typedef enum
{
  KEY_RUNNING,
  KEY_REPORTED,   /* exit 0 and "Imported" printed */
  KEY_FAILED,     /* exit 1: must have written nothing */
  KEY_KILLED,     /* SIGKILL: all or nothing */
} KeyState;

typedef struct
{
  guint     worker;
  guint     index;      /* the worker's n-th key */
  KeyState  state;
  char     *crash;      /* PLAZA_FAULT crash point given to the child, or NULL */
  char     *csv;
  char     *out;
} Key;

typedef struct
{
  pid_t   pid;          /* 0: idle */
  Key    *key;
  gint64  started;
  gint64  kill_at;      /* 0: let it run */
  guint   reported;
  guint   next_index;
} Slot;

typedef struct
{
  guint  workers;
  guint  commits;
  guint  kill_percent;
} Params;

static guint
env_uint (const char *name,
          guint       fallback,
          guint       max)
{
  const char *value = g_getenv (name);
  guint64 n;

  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 0, max, &n, NULL))
    return fallback;
  return (guint) n;
}

static char *
unit_code (guint worker,
           guint index)
{
  return g_strdup_printf ("W%u-%u", worker, index / YEARS_PER_UNIT);
}

static guint
key_year (guint index)
{
  return FIRST_YEAR + index % YEARS_PER_UNIT;
}

/* Day @doy (0-based) of the key's year, in fen. */
static gint64
day_amount (guint worker,
            guint index,
            guint doy)
{
  return (gint64) (worker + 1) * 100000 + (gint64) index * 1000 + doy * 7 + 1;
}

static guint
days_in_year (guint year)
{
  return g_date_is_leap_year ((GDateYear) year) ? 366 : 365;
}

static void
write_csv (Key *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) csv = g_string_new ("date,unit,amount,transactions\n");
  g_autofree char *unit = unit_code (key->worker, key->index);
  guint year = key_year (key->index);
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, (GDateYear) year);
  for (guint doy = 0; doy < days_in_year (year); doy++)
    {
      gint64 fen = day_amount (key->worker, key->index, doy);

      g_string_append_printf (csv, "%04u-%02u-%02u,%s,%lld.%02lld,%u\n", year,
                              (guint) g_date_get_month (&date), (guint) g_date_get_day (&date), unit,
                              (long long) (fen / 100), (long long) (fen % 100), doy % 5 + 1);
      g_date_add_days (&date, 1);
    }
  g_assert_true (g_file_set_contents (key->csv, csv->str, (gssize) csv->len, &error));
  g_assert_no_error (error);
}

static void
key_free (Key *key)
{
  g_free (key->crash);
  g_free (key->csv);
  g_free (key->out);
  g_free (key);
}

static void
start (Slot        *slot,
       guint        worker,
       const char  *dir,
       const char  *db,
       GPtrArray   *keys,
       guint        max_index,
       guint        kill_percent,
       gint64       typical_us)
{
  const char *plazactl = g_getenv ("PLAZACTL");
  Key *key = g_new0 (Key, 1);
  g_auto(GStrv) envp = g_get_environ ();
  gboolean victim = g_random_int_range (0, 100) < (gint32) kill_percent;
  pid_t pid;

  g_assert_nonnull (plazactl);
  key->worker = worker;
  key->index = slot->next_index++;
  if (key->index >= max_index)
    g_error ("worker %u used %u keys for %u commits: too many kills or failures", worker, key->index,
             slot->reported);
  key->csv = g_strdup_printf ("%s/w%u-k%u.csv", dir, worker, key->index);
  key->out = g_strdup_printf ("%s/w%u-k%u.out", dir, worker, key->index);
  write_csv (key);
  g_ptr_array_add (keys, key);

  /* Half the victims die at an exact point of their write: just before
   * the Nth write, sync or file delete (journal or db pages, the journal's
   * deletion that commits in DELETE mode). The other half are killed by
   * the parent at a random moment. */
  envp = g_environ_unsetenv (envp, "PLAZA_FAULT");
  if (victim && g_random_boolean ())
    {
      static const char *const ops[] = { "write", "write", "write", "sync", "sync", "delete" };
      const char *op = ops[g_random_int_range (0, G_N_ELEMENTS (ops))];
      gint32 max = g_str_equal (op, "write") ? 48 : g_str_equal (op, "sync") ? 8 : 4;

      key->crash = g_strdup_printf ("%s:%d:kill", op, g_random_int_range (1, max + 1));
      envp = g_environ_setenv (envp, "PLAZA_FAULT", key->crash, TRUE);
      victim = FALSE;
    }

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      int fd = open (key->out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
      int null = open ("/dev/null", O_WRONLY);

      if (fd < 0 || null < 0 || dup2 (fd, 1) < 0 || dup2 (null, 2) < 0)
        _exit (127);
      execle (plazactl, plazactl, "import", "sales", db, key->csv, (char *) NULL, envp);
      _exit (127);
    }
  slot->pid = pid;
  slot->key = key;
  slot->started = g_get_monotonic_time ();
  /* Some die at a random moment of what a run usually lasts. */
  slot->kill_at = 0;
  if (victim)
    slot->kill_at = slot->started + g_random_int_range (0, (gint32) MAX (typical_us * 3 / 2, 1000));
}

static void
create_db (const char *db,
           guint       workers,
           guint       units_per_worker)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlazaStore) store = plaza_store_open (db, PLAZA_STORE_OPEN_CREATE, &error);
  g_autoptr(GString) sql = g_string_new ("INSERT INTO projects (id, code, name) VALUES (1, 'S', 'Stress mall');"
                                         "INSERT INTO floors (id, project_id, label, level) VALUES (1, 1, '1F', 1);");

  g_assert_no_error (error);
  for (guint w = 0; w < workers; w++)
    for (guint u = 0; u < units_per_worker; u++)
      g_string_append_printf (sql, "INSERT INTO units (floor_id, code, gross_area, rentable_area) "
                                   "VALUES (1, 'W%u-%u', 10000, 10000);", w, u);
  write_sql (store, sql->str);
}

/* All or nothing for one key; returns TRUE when it is there. */
static gboolean
check_key (PlazaStore *store,
           Key        *key)
{
  g_autofree char *unit = unit_code (key->worker, key->index);
  g_autofree char *csv_base = g_path_get_basename (key->csv);
  guint year = key_year (key->index);
  g_autofree char *where = g_strdup_printf ("unit_id = (SELECT id FROM units WHERE code = '%s') "
                                            "AND date BETWEEN '%04u-01-01' AND '%04u-12-31'", unit, year, year);
  g_autofree char *q_days = g_strdup_printf ("SELECT count (*) FROM sales_daily WHERE %s", where);
  g_autofree char *q_sum = g_strdup_printf ("SELECT coalesce (sum (amount), 0) FROM sales_daily WHERE %s", where);
  g_autofree char *q_months = g_strdup_printf ("SELECT count (*) FROM sales_monthly WHERE unit_id = "
                                               "(SELECT id FROM units WHERE code = '%s') AND month LIKE '%04u-%%'",
                                               unit, year);
  g_autofree char *q_log = g_strdup_printf ("SELECT count (*) FROM change_log WHERE action = 'import' "
                                            "AND summary = '%u rows from %s'", days_in_year (year), csv_base);
  gint64 days = count (store, q_days);
  gint64 sum = count (store, q_sum);
  gint64 months = count (store, q_months);
  gint64 logs = count (store, q_log);
  gint64 expected = 0;

  for (guint doy = 0; doy < days_in_year (year); doy++)
    expected += day_amount (key->worker, key->index, doy);

  if (days == 0 && sum == 0 && months == 0 && logs == 0)
    return FALSE;
  if (days != days_in_year (year) || sum != expected || months != 12 || logs != 1)
    g_error ("key w%u-k%u (%s %u) is half there: %lld days, %lld fen (want %lld), %lld months, %lld log lines",
             key->worker, key->index, unit, year, (long long) days, (long long) sum, (long long) expected,
             (long long) months, (long long) logs);
  return TRUE;
}

static void
run (const char   *location,
     const char   *journal_mode,
     const Params *params)
{
  g_autofree char *dir = g_dir_make_tmp ("plaza-stress-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "shared.db", NULL);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func ((GDestroyNotify) key_free);
  g_autofree Slot *slots = g_new0 (Slot, params->workers);
  g_autoptr(PlazaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *check = NULL;
  guint max_index = params->commits * 5 + 10;
  guint units_per_worker = max_index / YEARS_PER_UNIT + 1;
  guint done = 0, reported = 0, killed = 0, crashed = 0, killed_there = 0, failed = 0, spawned = 0;
  gint64 typical_us = 40000, started, elapsed;

  g_setenv ("PLAZA_FORCE_LOCATION", location, TRUE);
  create_db (db, params->workers, units_per_worker);

  started = g_get_monotonic_time ();
  for (guint w = 0; w < params->workers; w++)
    {
      start (&slots[w], w, dir, db, keys, max_index, params->kill_percent, typical_us);
      spawned++;
    }

  while (done < params->workers)
    {
      gint64 now = g_get_monotonic_time ();
      int status = 0;
      pid_t pid;

      for (guint w = 0; w < params->workers; w++)
        if (slots[w].pid > 0 && slots[w].kill_at > 0 && now >= slots[w].kill_at)
          {
            kill (slots[w].pid, SIGKILL);
            slots[w].kill_at = 0;
          }

      pid = waitpid (-1, &status, WNOHANG);
      if (pid < 0)
        g_error ("waitpid: %s", g_strerror (errno));
      if (pid == 0)
        {
          g_usleep (500);
          continue;
        }

      for (guint w = 0; w < params->workers; w++)
        {
          Slot *slot = &slots[w];
          g_autofree char *out = NULL;

          if (slot->pid != pid)
            continue;
          slot->pid = 0;
          if (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL)
            {
              slot->key->state = KEY_KILLED;
              killed++;
              crashed += slot->key->crash != NULL;
            }
          else if (WIFEXITED (status) && WEXITSTATUS (status) == 0 &&
                   g_file_get_contents (slot->key->out, &out, NULL, NULL) &&
                   g_str_has_prefix (out, "Imported "))
            {
              gint64 took = now - slot->started;

              slot->key->state = KEY_REPORTED;
              slot->reported++;
              reported++;
              typical_us = (typical_us * 7 + took) / 8;
            }
          else
            {
              g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 1);
              slot->key->state = KEY_FAILED;
              failed++;
            }

          if (slot->reported < params->commits)
            {
              start (slot, w, dir, db, keys, max_index, params->kill_percent, typical_us);
              spawned++;
            }
          else
            done++;
        }
    }
  elapsed = g_get_monotonic_time () - started;

  store = plaza_store_open (db, PLAZA_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plaza_store_get_journal_mode (store), ==, journal_mode);
  check = text (store, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");
  g_assert_cmpint (monthly_mismatches (store), ==, 0);

  for (guint i = 0; i < keys->len; i++)
    {
      Key *key = g_ptr_array_index (keys, i);
      gboolean there = check_key (store, key);

      if (key->state == KEY_REPORTED && !there)
        g_error ("key w%u-k%u was reported committed and is lost", key->worker, key->index);
      if (key->state == KEY_FAILED && there)
        g_error ("key w%u-k%u failed and yet was written", key->worker, key->index);
      if (key->state == KEY_KILLED && there)
        killed_there++;
    }
  /* Nothing else was written: the days are exactly the keys found. */
  g_assert_cmpint (count (store, "SELECT count (*) FROM change_log WHERE action = 'import'"), ==,
                   reported + killed_there);

  printf ("# %s (%s): %u workers, %u processes started, %u transactions reported and all found, "
          "%u killed by SIGKILL (%u by the parent at a random moment, %u at a write, sync or delete of "
          "their transaction; %u had committed, %u left nothing), %u failed cleanly (busy), "
          "%.1f s, %.0f commits/s; integrity ok, nothing half-written\n",
          location, journal_mode, params->workers, spawned, reported, killed, killed - crashed, crashed,
          killed_there, killed - killed_there, failed, (double) elapsed / G_USEC_PER_SEC,
          (double) (reported + killed_there) * G_USEC_PER_SEC / (double) MAX (elapsed, 1));
  fflush (stdout);

  g_assert_cmpuint (reported, ==, params->workers * params->commits);
  if (params->kill_percent > 0)
    g_assert_cmpuint (crashed, >, 0);

  g_clear_object (&store);
  plaza_test_remove_tree (dir);
}

static void
test_local (gconstpointer data)
{
  run ("local", "WAL", data);
}

static void
test_network (gconstpointer data)
{
  run ("network", "DELETE", data);
}

int
main (int   argc,
      char *argv[])
{
  static Params params;

  g_test_init (&argc, &argv, NULL);
  params.workers = env_uint ("PLAZA_STRESS_WORKERS", 6, 64);
  params.commits = env_uint ("PLAZA_STRESS_COMMITS", 40, 100000);
  params.kill_percent = env_uint ("PLAZA_STRESS_KILL_PERCENT", 35, 90);
  if (params.workers == 0)
    params.workers = 1;

  g_test_add_data_func ("/stress/kill/local-wal", &params, test_local);
  g_test_add_data_func ("/stress/kill/network-delete", &params, test_network);

  return g_test_run ();
}
