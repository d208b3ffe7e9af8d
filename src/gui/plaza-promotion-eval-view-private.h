/* plaza-promotion-eval-view-private.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The evaluation view split by concern: plaza-promotion-eval-view.c loads,
 * shows and saves; plaza-promotion-eval-view-table.c is the table per
 * participant (sortable columns, the total and scope rows pinned last).
 */

#pragma once

#include "charts/plaza-chart-view.h"
#include "plaza-promotion-eval-view.h"
#include "plaza-promotion-eval.h"

G_BEGIN_DECLS

enum
{
  COL_NAME,
  COL_SALES,
  COL_BASELINE,
  COL_UPLIFT,
  COL_UPLIFT_PCT,
  COL_COST,
  COL_RETURN,
  COL_FLAG,
  N_COLS
};

enum
{
  CARD_SALES,
  CARD_UPLIFT,
  CARD_COST,
  CARD_RETURN,
  N_CARDS
};

struct _PlazaPromotionEvalView
{
  AdwBin                    parent_instance;

  PlazaWorker              *worker;
  gint64                    promotion_id;
  GCancellable             *cancellable;
  PlazaPromotionEvaluation *evaluation;
  char                     *mall_name;
  gboolean                  loading;

  GtkWidget                *bar;          /* the baseline and Save as PDF */
  GtkDropDown              *baseline;
  GtkLabel                 *baseline_words;
  GtkWidget                *save_button;
  GtkStack                 *stack;
  AdwStatusPage            *status;
  GtkLabel                 *card_values[N_CARDS];
  GtkLabel                 *card_details[N_CARDS];
  PlazaChartView           *chart;
  GtkColumnView            *table;
};

/* plaza-promotion-eval-view-table.c */
void  plaza_promotion_eval_view_build_table (PlazaPromotionEvalView *self);
/* A fresh model for self->evaluation. */
void  plaza_promotion_eval_view_fill_table  (PlazaPromotionEvalView *self);
/* "+¥1,234.00", "-¥5.00", "¥0.00" */
char *plaza_promotion_eval_signed_money     (gint64                  fen);

G_END_DECLS
