/* plaza-analytics-export.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What leaves the analytics page as a file: the chart on show as PNG, SVG
 * or PDF (core's plaza_chart_save, the same drawing as on screen), and the
 * monthly performance report (经营业绩统计分析报表, core's
 * plaza_report_write) for a month chosen in the save dialog. The report
 * reads the store, so it is written in the worker thread.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "plaza-analytics-export.h"
#include "plaza-analytics-page.h"
#include "plaza-report.h"

static void
show_error (GtkWidget  *parent,
            const char *heading,
            const char *message)
{
  AdwMessageDialog *alert;

  alert = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (parent)),
                                                      heading, message));
  adw_message_dialog_add_response (alert, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (alert));
}

static void
show_toast (GtkWidget  *parent,
            const char *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (parent, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}

/* The chosen file's path with @suffix added if the user left it out. */
static char *
chosen_path (GtkNativeDialog *dialog,
             const char      *suffix)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  char *path = file != NULL ? g_file_get_path (file) : NULL;

  if (path != NULL && !g_str_has_suffix (path, suffix))
    {
      char *with = g_strconcat (path, suffix, NULL);

      g_free (path);
      path = with;
    }
  return path;
}

/* ---- the chart ---- */

static void
chart_response_cb (GtkNativeDialog *dialog,
                   int              response,
                   GtkWidget       *parent)
{
  PlazaChart *chart = plaza_analytics_page_get_chart (PLAZA_ANALYTICS_PAGE (parent));
  const char *format = g_object_get_data (G_OBJECT (dialog), "format");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  double width = 1200, height = 750;

  if (response == GTK_RESPONSE_ACCEPT)
    path = chosen_path (dialog, format);
  if (path != NULL && chart == NULL)
    show_error (parent, _("The Chart Was Not Saved"), _("The chart is still loading; try again in a moment."));
  else if (path != NULL)
    {
      if (strcmp (format, ".pdf") == 0)
        width = 842, height = 595;   /* A4 landscape, points */
      if (plaza_chart_save (chart, path, width, height, &error))
        {
          g_autofree char *base = g_path_get_basename (path);
          g_autofree char *text = g_strdup_printf (_("Chart saved as “%s”"), base);

          show_toast (parent, text);
        }
      else
        show_error (parent, _("The Chart Was Not Saved"), error->message);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (parent);
}

void
plaza_analytics_export_chart (PlazaAnalyticsPage *page,
                              const char         *format)
{
  GtkWidget *parent = GTK_WIDGET (page);
  PlazaChart *chart = plaza_analytics_page_get_chart (page);
  GtkFileChooserNative *dialog;
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (PLAZA_IS_ANALYTICS_PAGE (page));
  if (chart == NULL || (strcmp (format, ".png") != 0 && strcmp (format, ".svg") != 0
                        && strcmp (format, ".pdf") != 0))
    return;

  dialog = gtk_file_chooser_native_new (_("Save Chart"), GTK_WINDOW (gtk_widget_get_root (parent)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  stem = g_strdelimit (g_strdup (plaza_chart_get_title (chart)), "/\\:*?\"<>|", '-');
  name = g_strconcat (stem, format, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_object_set_data_full (G_OBJECT (dialog), "format", g_strdup (format), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (chart_response_cb), g_object_ref (parent));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* ---- the monthly report ---- */

GStrv
plaza_analytics_report_months (const GDate *today)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  int year = g_date_get_year (today);
  int month = (int) g_date_get_month (today);
  char text[16];
  GStrv months;

  for (guint i = 0; i < 12; i++)
    {
      if (--month < 1)
        {
          month = 12;
          year--;
        }
      g_snprintf (text, sizeof text, "%04d-%02d", year, month);
      g_strv_builder_add (builder, text);
    }
  months = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return months;
}

typedef struct
{
  char *month;
  char *path;
} ReportJob;

static void
report_job_free (gpointer data)
{
  ReportJob *job = data;

  g_free (job->month);
  g_free (job->path);
  g_free (job);
}

static gpointer
report_job_run (PlazaStore    *store,
                gpointer       data,
                GCancellable  *cancellable G_GNUC_UNUSED,
                GError       **error)
{
  ReportJob *job = data;

  if (!plaza_report_write (store, job->month, NULL, job->path, error))
    return NULL;
  return GINT_TO_POINTER (1);
}

void
plaza_analytics_write_report (PlazaWorker         *worker,
                              const char          *month,
                              const char          *path,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  ReportJob *job = g_new0 (ReportJob, 1);

  job->month = g_strdup (month);
  job->path = g_strdup (path);
  plaza_worker_run_async (worker, report_job_run, job, report_job_free, NULL, callback, user_data);
}

static void
report_written_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GtkWidget) parent = user_data;
  g_autoptr(GError) error = NULL;

  if (plaza_worker_run_finish (PLAZA_WORKER (source), result, &error) == NULL)
    show_error (parent, _("The Report Was Not Written"), error->message);
  else
    show_toast (parent, _("Monthly report written"));
}

static void
report_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    GtkWidget       *parent)
{
  PlazaWorker *worker = g_object_get_data (G_OBJECT (dialog), "worker");
  const char *month = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "month");
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    path = chosen_path (dialog, ".pdf");
  if (path != NULL && month != NULL)
    {
      show_toast (parent, _("Writing the monthly report…"));
      plaza_analytics_write_report (worker, month, path, report_written_cb, g_object_ref (parent));
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (parent);
}

void
plaza_analytics_export_report (GtkWidget   *parent,
                               PlazaWorker *worker)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GtkFileChooserNative *dialog;
  g_auto(GStrv) months = NULL;
  g_autofree char *name = NULL;
  GDate today;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  if (worker == NULL)
    return;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
  months = plaza_analytics_report_months (&today);

  dialog = gtk_file_chooser_native_new (_("Save Monthly Report"), GTK_WINDOW (gtk_widget_get_root (parent)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "month", _("Month"),
                               (const char **) months, (const char **) months);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "month", months[0]);
  /* Translators: the file name of the monthly report; %s is the month, 2026-10. */
  name = g_strdup_printf (_("Monthly report %s.pdf"), months[0]);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_object_set_data_full (G_OBJECT (dialog), "worker", g_object_ref (worker), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (report_response_cb), g_object_ref (parent));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}
