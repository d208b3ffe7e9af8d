/* plaza-contract-schedule.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rent schedule of a stored contract: its terms, the approved
 * amendments from their effective dates on, the daily sales of its units
 * and, for a terminated contract, nothing after the termination date.
 *
 * The rule, exactly:
 *
 * - The terms in force are a chain. The first link is the contract's
 *   terms_json. Each approved amendment (contract_events kind 'amendment',
 *   state 'approved'), in order of effective date (then id), is a JSON
 *   object laid over the terms before it: objects merge member by member
 *   (so {"rent": {"amount": "9.00"}} keeps the rent's unit), every other
 *   value (strings, lists such as "free" or "fees") replaces the old one.
 *   A later amendment with the same effective date wins.
 * - Each link governs the days from its effective date (the contract's
 *   start for the first) to the day before the next link's effective date,
 *   clipped to its own terms' start and end and to the lease's last day:
 *   terminated_on (inclusive) for a terminated contract, otherwise the
 *   contract's end date.
 * - Each link runs through the rent engine over the days it governs, as
 *   if it were a lease of its own, except that escalation steps still
 *   count from the link's own "start" (an amendment that keeps the old
 *   start keeps the old escalation calendar). Days before the governed
 *   range are neither charged nor counted.
 * - Percentage rent of a link uses only the sales dated inside the days it
 *   governs (tiers apply to that part's sales).
 * - A month split between two links is one row whose amounts are the sums
 *   of the two parts; each part is rounded once by the engine, so a split
 *   month has one rounding per part (as two bill lines would).
 *
 * Sales are sales_daily of the contract's units, summed per day.
 */

#pragma once

#include "plaza-store.h"

G_BEGIN_DECLS

typedef struct
{
  char    month[8];         /* "2026-03" */
  GDate   from;             /* first lease day in the month */
  GDate   to;               /* last lease day in the month */
  guint   days;             /* lease days */
  guint   rent_days;        /* chargeable days */
  gint64  sales;            /* fen, of the days the row covers */
  gint64  base_rent;        /* fen */
  gint64  percentage_rent;
  gint64  rent;             /* by the model of each part */
  gint64  fees;
  gint64  total;            /* rent + fees */
  gint64  event_id;         /* the amendment in force on @to; 0 = original terms */
  guint   parts;            /* terms sets that share the month (1 or more) */
} PlazaScheduleRow;

/* The schedule as a GArray of PlazaScheduleRow, one per calendar month.
 * Fails with PLAZA_STORE_ERROR_NOT_FOUND for no such contract and with
 * PLAZA_STORE_ERROR_INVALID (naming the amendment) for terms the rent
 * engine refuses. */
gboolean plaza_contract_schedule (PlazaStore  *store,
                                  gint64       contract_id,
                                  GArray     **out_rows,
                                  GError     **error);

/* The base rent (fen) of the schedule row for the month that contains
 * @today (YYYY-MM-DD); 0 when the lease does not run in that month. */
gboolean plaza_contract_rent_now (PlazaStore  *store,
                                  gint64       contract_id,
                                  const char  *today,
                                  gint64      *monthly_fen,
                                  GError     **error);

/* Lays @overlay over @base as described above; NULL with an error when
 * either is not a JSON object. Exposed for tests and the editor. */
char    *plaza_contract_merge_terms (const char  *base,
                                     const char  *overlay,
                                     GError     **error);

G_END_DECLS
