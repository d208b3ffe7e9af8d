/* plaza-report.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The monthly performance report: reads the month's headline measures
 * into tiles (plaza_kpi_compute by mall, plaza_targets_achievement for the
 * mall), has plaza-report-tables.c build the tables, and renders it all
 * with plaza-report-draw.c in two passes (the first counts the pages for
 * "Page N of M"). Writing goes through a temporary file renamed into place.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "plaza-chart-data.h"
#include "plaza-document.h"
#include "plaza-kpi.h"
#include "plaza-money.h"
#include "plaza-report-private.h"
#include "plaza-report.h"
#include "plaza-targets.h"

/* A4 in points. */
#define A4_WIDTH  595.2756
#define A4_HEIGHT 841.8898

static void
tile_free (gpointer data)
{
  PlazaReportTile *tile = data;

  g_free (tile->label);
  g_free (tile->value);
  g_free (tile->lines[0]);
  g_free (tile->lines[1]);
  g_free (tile);
}

PlazaReportTable *
plaza_report_table_new (const char *title)
{
  PlazaReportTable *table = g_new0 (PlazaReportTable, 1);

  table->title = g_strdup (title);
  table->columns = g_array_new (FALSE, TRUE, sizeof (PlazaReportColumn));
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  return table;
}

void
plaza_report_table_add_column (PlazaReportTable   *table,
                               const char         *title,
                               double              share,
                               PlazaReportColKind  kind)
{
  PlazaReportColumn column = { g_strdup (title), share, kind };

  g_array_append_val (table->columns, column);
}

void
plaza_report_table_free (PlazaReportTable *table)
{
  if (table == NULL)
    return;
  for (guint i = 0; i < table->columns->len; i++)
    g_free (g_array_index (table->columns, PlazaReportColumn, i).title);
  g_array_unref (table->columns);
  g_ptr_array_unref (table->rows);
  g_free (table->title);
  g_free (table->note);
  g_free (table->empty);
  g_free (table);
}

void
plaza_report_free (PlazaReport *report)
{
  if (report == NULL)
    return;
  g_free (report->mall_name);
  g_free (report->month);
  g_free (report->made_on);
  g_free (report->scope_note);
  if (report->tiles != NULL)
    g_ptr_array_unref (report->tiles);
  if (report->highlights != NULL)
    g_ptr_array_unref (report->highlights);
  g_clear_pointer (&report->trend, plaza_chart_free);
  g_clear_pointer (&report->mix, plaza_chart_free);
  g_clear_pointer (&report->floor_ranking, plaza_chart_free);
  plaza_report_table_free (report->floors);
  plaza_report_table_free (report->categories);
  plaza_report_table_free (report->top);
  plaza_report_table_free (report->bottom);
  plaza_report_table_free (report->health);
  g_free (report);
}

/* "+12.34%", "-0.50%", "—" */
char *
plaza_report_growth (gint64   bp,
                     gboolean has)
{
  guint64 abs_value = bp < 0 ? (guint64) (-bp) : (guint64) bp;

  if (!has)
    return g_strdup ("—");
  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u%%", bp < 0 ? "-" : bp > 0 ? "+" : "",
                          abs_value / 100, (guint) (abs_value % 100));
}

/* "95.00%", "—" */
char *
plaza_report_percent (gint64   bp,
                      gboolean has)
{
  g_autofree char *number = NULL;

  if (!has)
    return g_strdup ("—");
  number = plaza_percent_format (bp);
  return g_strconcat (number, "%", NULL);
}

/* "¥1,234.56", "—" */
char *
plaza_report_money (gint64   fen,
                    gboolean has)
{
  return has ? plaza_money_format (fen, TRUE) : g_strdup ("—");
}

/* Strict 'YYYY-MM'. */
static gboolean
month_parse (const char *text,
             int        *year,
             int        *month)
{
  if (text == NULL || strlen (text) != 7 || text[4] != '-')
    return FALSE;
  for (guint i = 0; i < 7; i++)
    if (i != 4 && !g_ascii_isdigit (text[i]))
      return FALSE;
  *year = (int) g_ascii_strtoll (text, NULL, 10);
  *month = (int) g_ascii_strtoll (text + 5, NULL, 10);
  return *year >= 1900 && *month >= 1 && *month <= 12;
}

static char *
month_text (int year,
            int month)
{
  return g_strdup_printf ("%04d-%02d", year, month);
}

/* The mall row of @metric over @from … @to in *@row, NULL when there is
 * none; @keep holds the rows. With several projects the first (by code)
 * is the headline. */
static gboolean
mall_row (PlazaStore      *store,
          PlazaKpiMetric   metric,
          const char      *from,
          const char      *to,
          GPtrArray       *keep,
          PlazaKpiRow    **row,
          GError         **error)
{
  GPtrArray *rows = NULL;

  *row = NULL;
  if (!plaza_kpi_compute (store, metric, PLAZA_KPI_BY_MALL, from, to, &rows, error))
    return FALSE;
  g_ptr_array_add (keep, rows);
  if (rows->len > 0)
    *row = g_ptr_array_index (rows, 0);
  return TRUE;
}

static PlazaReportTile *
tile_new (PlazaReport *report,
          const char  *label,
          char        *value)
{
  PlazaReportTile *tile = g_new0 (PlazaReportTile, 1);

  tile->label = g_strdup (label);
  tile->value = value;
  g_ptr_array_add (report->tiles, tile);
  return tile;
}

static PlazaReportTone
tone_of_growth (gint64   bp,
                gboolean has)
{
  if (!has || bp == 0)
    return PLAZA_REPORT_TONE_NEUTRAL;
  return bp > 0 ? PLAZA_REPORT_TONE_GOOD : PLAZA_REPORT_TONE_BAD;
}

static void
target_tile (PlazaReport                  *report,
             const char                   *label,
             const char                   *missing,
             const PlazaTargetAchievement *a,
             char                         *extra)
{
  PlazaReportTile *tile;

  if (!a->has_rate)
    {
      tile = tile_new (report, label, g_strdup ("—"));
      tile->lines[0] = g_strdup (missing);
      tile->lines[1] = extra;
      return;
    }
  tile = tile_new (report, label, plaza_report_percent (a->rate_bp, TRUE));
  tile->value_tone = a->rate_bp >= 10000 ? PLAZA_REPORT_TONE_GOOD : PLAZA_REPORT_TONE_BAD;
  {
    g_autofree char *actual = plaza_money_format (a->actual, TRUE);
    g_autofree char *target = plaza_money_format (a->target, TRUE);

    tile->lines[0] = g_strdup_printf (_("%s of %s"), actual, target);
  }
  tile->lines[1] = extra;
  tile->has_gauge = TRUE;
  tile->gauge_bp = a->rate_bp;
  tile->marker_bp = 10000;
}

static gboolean
load_tiles (PlazaStore   *store,
            PlazaReport  *report,
            int           year,
            int           month,
            GError      **error)
{
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autofree char *last_year = month_text (year - 1, month);
  g_autofree char *january = month_text (year, 1);
  PlazaKpiRow *sales, *density, *density_ly, *density_ytd, *ratio, *ratio_ly, *ratio_ytd, *occupancy;
  PlazaTargetAchievement month_a = { 0 }, year_a = { 0 }, ytd = { 0 };
  PlazaReportTile *tile;
  const char *m = report->month;

  if (!mall_row (store, PLAZA_KPI_SALES, m, m, keep, &sales, error) ||
      !mall_row (store, PLAZA_KPI_SALES_PER_M2, m, m, keep, &density, error) ||
      !mall_row (store, PLAZA_KPI_SALES_PER_M2, last_year, last_year, keep, &density_ly, error) ||
      !mall_row (store, PLAZA_KPI_SALES_PER_M2, january, m, keep, &density_ytd, error) ||
      !mall_row (store, PLAZA_KPI_RENT_TO_SALES, m, m, keep, &ratio, error) ||
      !mall_row (store, PLAZA_KPI_RENT_TO_SALES, last_year, last_year, keep, &ratio_ly, error) ||
      !mall_row (store, PLAZA_KPI_RENT_TO_SALES, january, m, keep, &ratio_ytd, error) ||
      !mall_row (store, PLAZA_KPI_OCCUPANCY, m, m, keep, &occupancy, error))
    return FALSE;

  /* keep[0] holds the sales rows: one per project */
  if (((GPtrArray *) g_ptr_array_index (keep, 0))->len > 1)
    report->scope_note = g_strdup_printf (_("Headline figures: %s (%s)"), sales->label, sales->key);

  /* sales */
  {
    g_autofree char *mom = sales ? plaza_report_growth (sales->mom_bp, sales->has_mom) : g_strdup ("—");
    g_autofree char *yoy = sales ? plaza_report_growth (sales->yoy_bp, sales->has_yoy) : g_strdup ("—");

    tile = tile_new (report, _("Sales of the month"), plaza_report_money (sales ? sales->value : 0, TRUE));
    tile->lines[0] = g_strdup_printf (_("Month on month %s"), mom);
    tile->lines[1] = g_strdup_printf (_("Year on year %s"), yoy);
    if (sales != NULL)
      {
        tile->tones[0] = tone_of_growth (sales->mom_bp, sales->has_mom);
        tile->tones[1] = tone_of_growth (sales->yoy_bp, sales->has_yoy);
      }
  }

  /* 坪效 */
  {
    g_autofree char *value = plaza_report_money (density ? density->value : 0, density && density->has_value);
    g_autofree char *ly = plaza_report_money (density_ly ? density_ly->value : 0,
                                              density_ly && density_ly->has_value);
    g_autofree char *ytd_text = plaza_report_money (density_ytd ? density_ytd->value : 0,
                                                    density_ytd && density_ytd->has_value);

    tile = tile_new (report, _("Sales per m² (¥/m²/month)"), g_strdup (value));
    tile->lines[0] = g_strdup_printf (_("Same month last year %s"), ly);
    tile->lines[1] = g_strdup_printf (_("Year to date %s"), ytd_text);
    if (density && density->has_value && density_ly && density_ly->has_value)
      tile->value_tone = density->value >= density_ly->value ? PLAZA_REPORT_TONE_GOOD : PLAZA_REPORT_TONE_BAD;
  }

  /* 租售比: lower is healthier for tenants */
  {
    g_autofree char *ly = plaza_report_percent (ratio_ly ? ratio_ly->value : 0, ratio_ly && ratio_ly->has_value);
    g_autofree char *ytd_text = plaza_report_percent (ratio_ytd ? ratio_ytd->value : 0,
                                                      ratio_ytd && ratio_ytd->has_value);

    tile = tile_new (report, _("Rent to sales"),
                     plaza_report_percent (ratio ? ratio->value : 0, ratio && ratio->has_value));
    tile->lines[0] = g_strdup_printf (_("Same month last year %s"), ly);
    tile->lines[1] = g_strdup_printf (_("Year to date %s"), ytd_text);
  }

  /* occupancy against the 95 % line */
  tile = tile_new (report, _("Occupancy"),
                   plaza_report_percent (occupancy ? occupancy->value : 0, occupancy && occupancy->has_value));
  if (occupancy != NULL && occupancy->has_value)
    {
      gint64 gap = occupancy->value - 9500;
      g_autofree char *points = plaza_percent_format (gap < 0 ? -gap : gap);

      tile->lines[0] = gap >= 0 ? g_strdup_printf (_("%s points above the 95%% line"), points)
                                : g_strdup_printf (_("%s points below the 95%% line"), points);
      tile->tones[0] = gap >= 0 ? PLAZA_REPORT_TONE_GOOD : PLAZA_REPORT_TONE_BAD;
      tile->value_tone = tile->tones[0];
      tile->has_gauge = TRUE;
      tile->gauge_bp = occupancy->value;
      tile->marker_bp = 9500;
    }

  /* targets: the month, and the months January … this month summed */
  if (!plaza_targets_achievement (store, year, month, PLAZA_TARGET_SCOPE_MALL, 0, &month_a, error) ||
      !plaza_targets_achievement (store, year, 0, PLAZA_TARGET_SCOPE_MALL, 0, &year_a, error))
    return FALSE;
  for (int i = 1; i <= month; i++)
    {
      PlazaTargetAchievement a = { 0 };

      if (!plaza_targets_achievement (store, year, i, PLAZA_TARGET_SCOPE_MALL, 0, &a, error))
        return FALSE;
      ytd.actual += a.actual;
      if (a.has_target)
        {
          ytd.target += a.target;
          ytd.has_target = TRUE;
        }
    }
  /* the same rule as plaza_targets_achievement: actual / target, floor */
  ytd.has_rate = ytd.has_target && ytd.target > 0;
  if (ytd.has_rate)
    ytd.rate_bp = (gint64) ((__int128) ytd.actual * 10000 / ytd.target);

  target_tile (report, _("Target achievement, month"), _("No sales target for the month"), &month_a, NULL);
  {
    g_autofree char *annual = plaza_money_format (year_a.target, TRUE);
    g_autofree char *share = plaza_report_percent (year_a.rate_bp, year_a.has_rate);

    target_tile (report, _("Target achievement, year to date"), _("No monthly sales targets set"), &ytd,
                 year_a.has_rate ? g_strdup_printf (_("Annual target %s (%s)"), annual, share) : NULL);
  }
  return TRUE;
}

/* The charts, from the charts' own data builders: the sales of the twelve
 * months to @month against a year earlier (and the target), the month's
 * category mix and 坪效 by floor. A chart that cannot be made is left
 * out with a warning (the report then shows a labelled empty box). */
static void
load_charts (PlazaStore  *store,
             PlazaReport *report,
             int          year,
             int          month)
{
  g_autofree char *from = month == 12 ? month_text (year, 1) : month_text (year - 1, month + 1);
  g_autoptr(GError) error = NULL;
  PlazaChartQuery query = { 0 };

  query.metric = PLAZA_KPI_SALES;
  query.by = PLAZA_KPI_BY_MALL;
  query.filter_by = PLAZA_KPI_BY_MALL;
  query.from_month = from;
  query.to_month = report->month;
  report->trend = plaza_chart_data_trend (store, &query, &error);
  if (report->trend == NULL)
    {
      g_warning ("report: no trend chart: %s", error->message);
      g_clear_error (&error);
    }

  query.by = PLAZA_KPI_BY_CATEGORY;
  query.from_month = report->month;
  report->mix = plaza_chart_data_mix (store, &query, FALSE, &error);
  if (report->mix == NULL)
    {
      g_warning ("report: no category mix chart: %s", error->message);
      g_clear_error (&error);
    }

  query.metric = PLAZA_KPI_SALES_PER_M2;
  query.by = PLAZA_KPI_BY_FLOOR;
  report->floor_ranking = plaza_chart_data_ranking (store, &query, &error);
  if (report->floor_ranking == NULL)
    g_warning ("report: no floor ranking chart: %s", error->message);
}

PlazaReport *
plaza_report_load (PlazaStore   *store,
                   const char   *month,
                   const GDate  *made_on,
                   GError      **error)
{
  g_autoptr(PlazaReport) report = g_new0 (PlazaReport, 1);
  int year, mon;

  if (!month_parse (month, &year, &mon))
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_INVALID,
                   _("The month “%s” is not a month (YYYY-MM)"), month != NULL ? month : "");
      return NULL;
    }

  report->month = g_strdup (month);
  report->mall_name = plaza_store_get_setting (store, "mall.name");
  if (report->mall_name == NULL || *report->mall_name == '\0')
    {
      g_free (report->mall_name);
      report->mall_name = g_strdup (_("The mall"));
    }
  if (made_on != NULL && g_date_valid (made_on))
    {
      report->made_on = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (made_on),
                                         g_date_get_month (made_on), g_date_get_day (made_on));
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      report->made_on = g_date_time_format (now, "%Y-%m-%d");
    }
  report->tiles = g_ptr_array_new_with_free_func (tile_free);
  report->highlights = g_ptr_array_new_with_free_func (g_free);

  if (!load_tiles (store, report, year, mon, error) ||
      !plaza_report_load_tables (store, report, error))
    return NULL;
  load_charts (store, report, year, mon);
  return g_steal_pointer (&report);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static cairo_status_t
discard_bytes (void                *closure G_GNUC_UNUSED,
               const unsigned char *data G_GNUC_UNUSED,
               unsigned int         length G_GNUC_UNUSED)
{
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
plaza_report_render (PlazaStore   *store,
                     const char   *month,
                     const GDate  *made_on,
                     GError      **error)
{
  g_autoptr(PlazaReport) report = NULL;
  g_autoptr(GByteArray) bytes = NULL;
  g_autofree char *title = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  guint n_pages;

  g_return_val_if_fail (PLAZA_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  report = plaza_report_load (store, month, made_on, error);
  if (report == NULL)
    return NULL;

  /* First pass: count the pages for "Page N of M". */
  surface = cairo_pdf_surface_create_for_stream (discard_bytes, NULL, A4_WIDTH, A4_HEIGHT);
  n_pages = plaza_report_draw (report, surface, 0);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);

  title = g_strdup_printf ("%s · %s %s", report->mall_name, _("Monthly performance report"), report->month);
  bytes = g_byte_array_new ();
  surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, A4_WIDTH, A4_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Plaza " PACKAGE_VERSION);
  plaza_report_draw (report, surface, n_pages);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_FAILED,
                   _("Could not draw the monthly report: %s"), cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

gboolean
plaza_report_write (PlazaStore   *store,
                    const char   *month,
                    const GDate  *made_on,
                    const char   *pdf_path,
                    GError      **error)
{
  g_autoptr(GBytes) pdf = NULL;

  g_return_val_if_fail (pdf_path != NULL, FALSE);

  pdf = plaza_report_render (store, month, made_on, error);
  return pdf != NULL && plaza_document_write_file (pdf_path, pdf, error);
}
