/* plazactl.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The verbs of plazactl. Each takes the arguments after the verb (argv[0] is
 * the verb itself) and returns the exit status: 0 on success, otherwise 1
 * after printing one line on stderr with plazactl_fail().
 */

#pragma once

#include <glib.h>

#include "plaza-store.h"

G_BEGIN_DECLS

typedef int (*PlazactlVerbFunc) (int argc, char **argv);

int  plazactl_fail        (const GError *error);
int  plazactl_fail_message (const char *format, ...) G_GNUC_PRINTF (1, 2);
/* Parses @entries; on a bad option prints one line and returns FALSE. */
gboolean plazactl_parse   (const char   *usage,
                           GOptionEntry *entries,
                           int          *argc,
                           char       ***argv);

/* Opens @path like plaza_store_open; a writable store of a file that asks
 * who is there is signed in from PLAZA_USER and PLAZA_PASSWORD, or gets the
 * viewer role when they are not set (plazactl-session.c). */
PlazaStore *plazactl_open (const char           *path,
                           PlazaStoreOpenFlags   flags,
                           GError              **error);
/* TRUE when plazactl_open found a file that asks who is there and no
 * PLAZA_USER: plazactl_fail then says how to sign in. */
gboolean plazactl_signed_out (void);

int  plazactl_cmd_init    (int argc, char **argv);
int  plazactl_cmd_check   (int argc, char **argv);
int  plazactl_cmd_backup  (int argc, char **argv);
int  plazactl_cmd_restore (int argc, char **argv);
int  plazactl_cmd_backups (int argc, char **argv);
int  plazactl_cmd_demo    (int argc, char **argv);
int  plazactl_cmd_import  (int argc, char **argv);
int  plazactl_cmd_export  (int argc, char **argv);
int  plazactl_cmd_rent_schedule (int argc, char **argv);
int  plazactl_cmd_contracts (int argc, char **argv);
int  plazactl_cmd_contract_pdf (int argc, char **argv);
int  plazactl_cmd_promotions (int argc, char **argv);
int  plazactl_cmd_prospects (int argc, char **argv);
int  plazactl_cmd_promotion (int argc, char **argv);
int  plazactl_promotion_files (int argc, char **argv);  /* promotion notices|participants */
int  plazactl_cmd_kpi     (int argc, char **argv);
int  plazactl_cmd_chart   (int argc, char **argv);
int  plazactl_cmd_bills   (int argc, char **argv);
int  plazactl_cmd_payments (int argc, char **argv);
int  plazactl_cmd_arrears (int argc, char **argv);
int  plazactl_cmd_targets (int argc, char **argv);
int  plazactl_cmd_sales   (int argc, char **argv);
int  plazactl_cmd_report  (int argc, char **argv);
int  plazactl_cmd_dunning (int argc, char **argv);
int  plazactl_cmd_settlement (int argc, char **argv);
int  plazactl_cmd_tenants (int argc, char **argv);   /* tenants licences */
int  plazactl_cmd_brands  (int argc, char **argv);   /* brands list */
int  plazactl_cmd_fitouts (int argc, char **argv);
int  plazactl_cmd_review   (int argc, char **argv);
int  plazactl_cmd_eviction (int argc, char **argv);
int  plazactl_cmd_units    (int argc, char **argv);
int  plazactl_cmd_users    (int argc, char **argv);   /* add|list|passwd */
int  plazactl_cmd_share    (int argc, char **argv);   /* status|break-lease|fix-journal */

G_END_DECLS
