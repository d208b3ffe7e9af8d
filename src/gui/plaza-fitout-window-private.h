/* plaza-fitout-window-private.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared between plaza-fitout-window.c (loading and showing the fit-out)
 * and plaza-fitout-window-actions.c (the writes and their dialogs); the
 * calls below the struct are also what the GUI tests drive.
 */

#pragma once

#include "plaza-fitout.h"
#include "plaza-fitout-window.h"
#include "plaza-live-banner.h"

G_BEGIN_DECLS

struct _PlazaFitoutWindow
{
  AdwWindow        parent_instance;

  AdwWindowTitle  *title;
  GtkSpinner      *spinner;
  GtkWidget       *error_box;
  GtkLabel        *error_label;
  AdwToastOverlay *toasts;
  GtkWidget       *content;       /* sensitive when not busy */
  GtkListBox      *overdue_list;
  GtkWidget       *overdue_heading;
  GtkLabel        *state_label;
  GtkEntry        *start_entry;
  GtkEntry        *due_entry;
  GtkLabel        *planned_label;
  GtkEntry        *opened_entry;
  GtkBox          *drawings_box;
  GtkListBox      *inspections;

  PlazaWorker     *worker;
  GCancellable    *cancellable;
  gint64           contract_id;
  gint64           fitout_id;
  PlazaLiveBanner  *banner;   /* "陈强 changed this fit-out at 10:42 — Reload" */
  PlazaFitout     *fitout;
  gint64           seq;           /* plaza_change_log_last_seq() at the load */
  GPtrArray       *overdue;       /* PlazaFitoutOverdue */
  char            *error;
  char            *status;
  guint            busy;
};

void     plaza_fitout_window_set_busy    (PlazaFitoutWindow *self,
                                          gboolean           busy);
/* NULL hides the error bar. */
void     plaza_fitout_window_show_error  (PlazaFitoutWindow *self,
                                          const GError      *error);
void     plaza_fitout_window_show_message (PlazaFitoutWindow *self,
                                          const char        *message);
void     plaza_fitout_window_set_status  (PlazaFitoutWindow *self,
                                          const char        *message);
void     plaza_fitout_window_reload      (PlazaFitoutWindow *self);
/* Today on the app's clock. */
void     plaza_fitout_window_today       (GDate             *date);
/* The item of @kind overdue for @item_id (0: the period), or NULL. */
PlazaFitoutOverdue *plaza_fitout_window_find_overdue (PlazaFitoutWindow      *self,
                                                      PlazaFitoutOverdueKind  kind,
                                                      gint64                  item_id);

/* Dialog openers (plaza-fitout-window-actions.c). */
void     plaza_fitout_window_submit_clicked  (PlazaFitoutWindow *self,
                                              const char        *kind);
void     plaza_fitout_window_reject_clicked  (PlazaFitoutWindow *self,
                                              gint64             drawing_id);
void     plaza_fitout_window_inspect_clicked (PlazaFitoutWindow *self);
void     plaza_fitout_window_open_file       (PlazaFitoutWindow *self,
                                              gint64             attachment_id);

/* The writes (each one worker job, then a reload); FALSE when refused
 * before starting (busy, or bad input shown in the error bar). */
gboolean plaza_fitout_window_submit_drawing (PlazaFitoutWindow *self,
                                             const char        *kind,
                                             const char        *path);
gboolean plaza_fitout_window_decide_drawing (PlazaFitoutWindow *self,
                                             gint64             drawing_id,
                                             gboolean           approve,
                                             const char        *comment);
gboolean plaza_fitout_window_add_inspection (PlazaFitoutWindow *self,
                                             const char        *date,
                                             const char        *inspector,
                                             gboolean           passed,
                                             const char        *notes);
gboolean plaza_fitout_window_save_period    (PlazaFitoutWindow *self,
                                             const char        *start,
                                             const char        *due);
/* "" clears the opening date. */
gboolean plaza_fitout_window_set_opened     (PlazaFitoutWindow *self,
                                             const char        *date);

gboolean           plaza_fitout_window_get_busy    (PlazaFitoutWindow *self);
const PlazaFitout *plaza_fitout_window_get_fitout  (PlazaFitoutWindow *self);
GPtrArray         *plaza_fitout_window_get_overdue (PlazaFitoutWindow *self);
const char        *plaza_fitout_window_get_error   (PlazaFitoutWindow *self);
const char        *plaza_fitout_window_get_status  (PlazaFitoutWindow *self);

G_END_DECLS
