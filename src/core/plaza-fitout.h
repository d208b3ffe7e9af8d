/* plaza-fitout.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A contract's fit-out (二次装修): the fit-out period (fitouts.start_date
 * to due_date; the planned opening is the day after due_date), drawings
 * (shop front, construction) as numbered versions that are approved or
 * rejected with a comment, inspections (date, inspector, pass or fail,
 * notes) and the actual opening date (opened_on). The inspector has its
 * own column since schema 2 (schema 1 kept it at the head of the notes as
 * "[name] notes"; migration 003 moved those). Drawing files are attachments of entity
 * "fitout_drawing". Every write logs to change_log; bad input fails with
 * PLAZA_STORE_ERROR_INVALID and a translated message naming the field.
 */

#pragma once

#include "plaza-store.h"

G_BEGIN_DECLS

/* A drawing version waiting longer than this many days is overdue. */
#define PLAZA_FITOUT_REVIEW_DAYS 7
/* Without a rent-free period the fit-out takes the lease's first weeks. */
#define PLAZA_FITOUT_DEFAULT_DAYS 42

typedef struct
{
  gint64  id;
  char   *kind;           /* "shop_front" or "construction" */
  gint    version;        /* 1, 2, … per kind */
  GDate   submitted_on;
  char   *state;          /* "submitted", "approved", "rejected" */
  char   *comment;
  gboolean latest;        /* the newest version of its kind: the only one that can be decided */
  GPtrArray *files;       /* PlazaAttachment of entity "fitout_drawing" */
} PlazaFitoutDrawing;

typedef struct
{
  gint64    id;
  GDate     date;
  char     *inspector;    /* may be "" */
  gboolean  passed;
  char     *notes;
} PlazaFitoutInspection;

typedef struct
{
  gint64     id;
  gint64     contract_id;
  char      *contract_code;
  char      *tenant_name;
  char      *units;           /* unit codes, ", " separated */
  GDate      start;           /* fit-out period, inclusive */
  GDate      due;
  GDate      planned_opening; /* due + 1 day */
  gboolean   opened;
  GDate      opened_on;       /* when opened */
  char      *state;           /* planned, drawings, building, inspection, opened */
  gint64     rev;
  GPtrArray *drawings;        /* PlazaFitoutDrawing by kind, then version */
  GPtrArray *inspections;     /* PlazaFitoutInspection, oldest first */
} PlazaFitout;

typedef enum
{
  PLAZA_FITOUT_OVERDUE_DRAWING,     /* a version waiting more than PLAZA_FITOUT_REVIEW_DAYS */
  PLAZA_FITOUT_OVERDUE_PERIOD,      /* the period ended without an opening */
  PLAZA_FITOUT_OVERDUE_INSPECTION,  /* the last inspection failed and none since */
} PlazaFitoutOverdueKind;

typedef struct
{
  PlazaFitoutOverdueKind kind;
  gint64  fitout_id;
  gint64  contract_id;
  char   *contract_code;
  char   *tenant_name;
  gint64  item_id;       /* drawing or inspection id; 0 for the period */
  GDate   since;         /* submitted on, due date, inspection date */
  gint    days;          /* days late (drawings: days waiting) */
  char   *what;          /* translated, e.g. "Shop front v2 waiting for approval" */
} PlazaFitoutOverdue;

void         plaza_fitout_free               (PlazaFitout *fitout);
void         plaza_fitout_overdue_free       (PlazaFitoutOverdue *item);

/* "Shop front", "Construction" (translated); the kind itself if unknown. */
const char  *plaza_fitout_kind_label         (const char *kind);
/* The fit-out's state in words (planned, drawings, building, inspection,
 * opened), translated; the code itself if unknown. */
const char  *plaza_fitout_state_label        (const char *state);
/* "shop_front", "construction": NULL-terminated. */
const char * const *plaza_fitout_kinds       (void);

/* The fit-out of @contract_id, 0 when it has none, -1 with @error when
 * the store fails. */
gint64       plaza_fitout_find               (PlazaStore   *store,
                                              gint64        contract_id,
                                              GError      **error);
/* The contract's default fit-out period: its first rent-free range
 * (terms_json "free"), else its first PLAZA_FITOUT_DEFAULT_DAYS days. */
gboolean     plaza_fitout_default_period     (PlazaStore   *store,
                                              gint64        contract_id,
                                              GDate        *start,
                                              GDate        *due,
                                              GError      **error);
/* The fit-out of @contract_id, created with the default period when
 * missing; returns its id or 0 with @error. */
gint64       plaza_fitout_ensure             (PlazaStore   *store,
                                              gint64        contract_id,
                                              GError      **error);
PlazaFitout *plaza_fitout_load               (PlazaStore   *store,
                                              gint64        fitout_id,
                                              GError      **error);

/* Changes the period; @due must not be before @start. */
gboolean     plaza_fitout_set_period         (PlazaStore   *store,
                                              gint64        fitout_id,
                                              const GDate  *start,
                                              const GDate  *due,
                                              GError      **error);
/* Records the actual opening (NULL clears it). */
gboolean     plaza_fitout_set_opened         (PlazaStore   *store,
                                              gint64        fitout_id,
                                              const GDate  *opened_on,
                                              GError      **error);
/* The same for an editor that loaded the fit-out at @rev: refused with
 * PLAZA_STORE_ERROR_CONFLICT (naming who saved last) when someone else
 * changed it since (its rev moved); @rev 0 checks nothing. */
gboolean     plaza_fitout_set_period_at      (PlazaStore   *store,
                                              gint64        fitout_id,
                                              gint64        rev,
                                              const GDate  *start,
                                              const GDate  *due,
                                              GError      **error);
gboolean     plaza_fitout_set_opened_at      (PlazaStore   *store,
                                              gint64        fitout_id,
                                              gint64        rev,
                                              const GDate  *opened_on,
                                              GError      **error);

/* Submits the next version of drawing @kind (the first is 1), with the
 * file @source_path attached when not NULL; refused while the latest
 * version of that kind still waits for a decision. Returns the drawing's
 * id, or 0 with @error (nothing recorded). */
gint64       plaza_fitout_submit_drawing     (PlazaStore   *store,
                                              gint64        fitout_id,
                                              const char   *kind,
                                              const GDate  *submitted_on,
                                              const char   *source_path,
                                              GError      **error);
/* Approves or rejects drawing version @drawing_id with @comment (a
 * rejection needs one). Only a waiting version that is the latest of its
 * kind can be decided. */
gboolean     plaza_fitout_decide_drawing     (PlazaStore   *store,
                                              gint64        drawing_id,
                                              gboolean      approve,
                                              const char   *comment,
                                              GError      **error);
/* Records an inspection; a failed one needs notes. Returns its id. */
gint64       plaza_fitout_add_inspection     (PlazaStore   *store,
                                              gint64        fitout_id,
                                              const GDate  *date,
                                              const char   *inspector,
                                              gboolean      passed,
                                              const char   *notes,
                                              GError      **error);

/* The overdue items of all fit-outs not yet opened, as of @today
 * (PlazaFitoutOverdue), by contract code then kind. */
gboolean     plaza_fitout_overdue            (PlazaStore   *store,
                                              const GDate  *today,
                                              GPtrArray   **items,
                                              GError      **error);
/* The overdue items of one fit-out. */
gboolean     plaza_fitout_overdue_of         (PlazaStore   *store,
                                              gint64        fitout_id,
                                              const GDate  *today,
                                              GPtrArray   **items,
                                              GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlazaFitout, plaza_fitout_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlazaFitoutOverdue, plaza_fitout_overdue_free)

G_END_DECLS
