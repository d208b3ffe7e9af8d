/* plaza-analytics-query.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The analytics page's chart job and its period arithmetic: months end
 * with the last complete month; "this year" and "last year" are calendar
 * years; a trend always shows twelve months so last year is there to
 * compare.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <gio/gio.h>

#include "plaza-analytics-query.h"

void
plaza_analytics_job_free (gpointer data)
{
  PlazaAnalyticsJob *job = data;

  g_free (job->filter_key);
  g_free (job);
}

gpointer
plaza_analytics_job_run (PlazaStore    *store,
                         gpointer       data,
                         GCancellable  *cancellable G_GNUC_UNUSED,
                         GError       **error)
{
  PlazaAnalyticsJob *job = data;

  job->query.from_month = job->from;
  job->query.to_month = job->to;
  job->query.filter_key = job->filter_key;
  switch (job->view)
    {
    case PLAZA_ANALYTICS_RANKING:
      return plaza_chart_data_ranking (store, &job->query, error);
    case PLAZA_ANALYTICS_TREND:
      return plaza_chart_data_trend (store, &job->query, error);
    case PLAZA_ANALYTICS_MIX:
      return plaza_chart_data_mix (store, &job->query, job->by_area, error);
    case PLAZA_ANALYTICS_STACKED:
      return plaza_chart_data_stacked (store, &job->query, error);
    case PLAZA_ANALYTICS_PLAN:
      return plaza_chart_data_stacking_plan (store, &job->query, job->colour, &job->today, error);
    case PLAZA_ANALYTICS_N_VIEWS:
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

void
plaza_analytics_today (GDate *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
}

static void
format_month (char   out[8],
              int    year,
              int    month)
{
  while (month < 1)
    {
      month += 12;
      year--;
    }
  g_snprintf (out, 8, "%04d-%02d", year, month);
}

/* The period's months, ending with the last complete month; a trend shows
 * at least twelve. */
void
plaza_analytics_period_months (PlazaAnalyticsPeriod  period,
                               gboolean              at_least_a_year,
                               const GDate          *date,
                               char                  from[8],
                               char                  to[8])
{
  int year = g_date_get_year (date);
  int last = (int) g_date_get_month (date) - 1;   /* may be 0: December of the year before */
  int first;

  if (last < 1)
    {
      last += 12;
      year--;
    }
  switch (period)
    {
    case PLAZA_ANALYTICS_LAST_MONTH:
      first = last;
      break;
    case PLAZA_ANALYTICS_LAST_3_MONTHS:
      first = last - 2;
      break;
    case PLAZA_ANALYTICS_THIS_YEAR:
      first = 1;
      break;
    case PLAZA_ANALYTICS_LAST_YEAR:
      year--;
      first = 1;
      last = 12;
      break;
    case PLAZA_ANALYTICS_LAST_12_MONTHS:
    default:
      first = last - 11;
      break;
    }
  if (at_least_a_year && last - first < 11)
    first = last - 11;
  format_month (from, year, first);
  format_month (to, year, last);
}
