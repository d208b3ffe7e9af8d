/* plaza-contract-detail-private.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared between plaza-contract-detail.c (loading, terms, schedule, steps)
 * and plaza-contract-detail-actions.c (amendments, attachments, PDF).
 */

#pragma once

#include "plaza-contract-detail.h"

G_BEGIN_DECLS

struct _PlazaContractDetail
{
  AdwWindow          parent_instance;

  AdwWindowTitle    *title;
  GtkSpinner        *spinner;
  GtkWidget         *error_box;
  GtkLabel          *error_label;
  GtkWidget         *reload_button;
  GtkGrid           *terms_grid;
  GtkWidget         *chart;
  GtkGrid           *schedule_grid;
  GtkLabel          *schedule_note;
  GtkListBox        *timeline;
  GtkBox            *buttons;
  GtkEntry          *comment_entry;
  GtkEntry          *date_entry;
  GtkTextView       *terms_view;
  GtkWidget         *terms_expander;
  GtkLabel          *json_label;
  GtkWidget         *amendments_heading;
  GtkListBox        *amendments;
  GtkListBox        *attachments;
  AdwToastOverlay   *toasts;

  PlazaWorker       *worker;
  GCancellable      *cancellable;
  PlazaContractView *view;
  GArray            *schedule;        /* PlazaScheduleRow */
  GPtrArray         *attachment_list; /* PlazaAttachment */
  GPtrArray         *problems;        /* char *, NULL when the file is fine */
  char              *error;
  char              *status;
  gint64             id;
  guint              busy;
};

void plaza_contract_detail_set_busy         (PlazaContractDetail *self,
                                             gboolean             busy);
/* NULL hides the error bar. */
void plaza_contract_detail_show_error       (PlazaContractDetail *self,
                                             const GError        *error);
void plaza_contract_detail_clear_children   (GtkWidget           *widget);
void plaza_contract_detail_emit_changed     (PlazaContractDetail *self);
void plaza_contract_detail_show_amendments  (PlazaContractDetail *self);
void plaza_contract_detail_show_attachments (PlazaContractDetail *self);
void plaza_contract_detail_export_clicked   (PlazaContractDetail *self);
void plaza_contract_detail_add_clicked      (PlazaContractDetail *self);
/* The stored schedule's rows as rent-engine periods for the chart and the
 * table (no fee lines); NULL for NULL. */
GArray *plaza_contract_detail_rows_to_periods   (GArray              *rows);
/* Base rent of the current month's row, or NULL when the lease is not on. */
char   *plaza_contract_detail_rent_this_month   (PlazaContractDetail *self);
void    plaza_contract_detail_show_schedule_note (PlazaContractDetail *self);
/* An ISO 8601 UTC time as local "YYYY-MM-DD HH:MM". */
char   *plaza_contract_detail_format_time       (const char          *iso);

G_END_DECLS
