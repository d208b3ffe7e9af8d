/* plaza-promotion-editor-private.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared between the promotion editor's files: plaza-promotion-editor.c
 * (the window, loading, the state and lock), -save.c (saving, closing),
 * -form.c (the plan's fields, their checks, the scope checklist and the
 * clash check), -participants.c (the participant list and "Add Tenants…") and
 * -actions.c (the approval steps, attachments and the tenant files). The
 * functions at the end are also the GUI test's handles.
 */

#pragma once

#include "plaza-promotion-editor.h"
#include "plaza-promotion-choices.h"
#include "plaza-promotion.h"

G_BEGIN_DECLS


/* One participant row of the list. */
typedef struct
{
  gint64       tenant_id;
  char        *name;
  char        *code;
  GtkWidget   *row;
  GtkEntry    *offer;
  GtkDropDown *status;
  GtkEntry    *fee;
} PlazaPromotionEditorParticipant;

struct _PlazaPromotionEditor
{
  AdwWindow            parent_instance;

  PlazaWorker         *worker;
  GCancellable        *cancellable;
  GCancellable        *clash_cancellable;
  gint64               id;
  gint64               rev;
  gint64               seq;               /* plaza_change_log_last_seq() at the load */
  char                *code;
  char                *state;             /* "draft" for a new plan */
  char                *loaded_end;        /* the end date as saved */
  char                *initial_start;     /* a new plan's dates, from a calendar */
  char                *initial_end;
  guint                busy;
  gboolean             filling;           /* widgets set by code: not an edit */
  gboolean             dirty;
  gboolean             unlocked;          /* an approved plan after Edit */
  gboolean             valid;
  gboolean             conflict;
  guint                clash_timeout;
  guint                clash_seq;
  GPtrArray           *clashes;           /* PlazaPromotionClash */
  GPtrArray           *floors;            /* PlazaPromotionChoice */
  GPtrArray           *categories;        /* PlazaPromotionChoice */
  GArray              *floor_ids;         /* gint64, chosen */
  GArray              *category_ids;      /* gint64, chosen */
  GPtrArray           *participants;      /* PlazaPromotionEditorParticipant */
  GPtrArray           *attachment_list;   /* PlazaAttachment */
  GPtrArray           *problems;          /* char *, NULL when the file is fine */
  GHashTable          *entries;           /* field name → GtkEntry */
  GHashTable          *rows;              /* field name → AdwActionRow */
  GHashTable          *hints;             /* field name → hint (static) */

  AdwWindowTitle      *title;
  GtkWidget           *switcher;
  GtkLabel            *state_label;
  GtkSpinner          *spinner;
  GtkWidget           *save_button;
  GtkWidget           *submit_button;
  GtkWidget           *approve_button;
  GtkWidget           *reject_button;
  GtkWidget           *cancel_button;
  GtkWidget           *edit_button;
  GtkWidget           *error_box;
  GtkLabel            *error_label;
  GtkWidget           *reload_button;
  GtkWidget           *lock_box;
  GtkWidget           *clash_box;
  GtkLabel            *clash_label;
  AdwViewStack        *stack;
  gboolean             show_evaluation_when_loaded;
  GtkWidget           *eval_page;
  GtkWidget           *eval_view;
  GtkWidget           *form;              /* the editable groups */
  AdwComboRow         *mechanics_row;
  AdwComboRow         *scope_row;
  GtkWidget           *scope_group;
  GtkWidget           *scope_list;        /* GtkFlowBox of check buttons */
  GtkWidget           *participant_group;
  GtkListBox          *participant_list;
  GtkLabel            *participant_error;
  GtkWidget           *participant_empty;
  GtkWidget           *add_tenants_button;
  GtkWidget           *attach_group;
  GtkListBox          *attachments;
  GtkWidget           *files_group;
  GtkWidget           *notices_button;
  GtkWidget           *list_button;
  GtkWidget           *cancel_group;
  AdwToastOverlay     *toasts;
};

/* plaza-promotion-editor.c */
void            plaza_promotion_editor_set_busy       (PlazaPromotionEditor *self,
                                                       gboolean              busy);
/* NULL hides the error bar; a CONFLICT shows Reload. */
void            plaza_promotion_editor_show_error     (PlazaPromotionEditor *self,
                                                       const GError         *error);
void            plaza_promotion_editor_toast          (PlazaPromotionEditor *self,
                                                       const char           *message);
void            plaza_promotion_editor_reload         (PlazaPromotionEditor *self);
/* Buttons, lock and sensitivity from the state, the lock, validity and
 * busy. */
void            plaza_promotion_editor_update_state   (PlazaPromotionEditor *self);
gboolean        plaza_promotion_editor_is_editable    (PlazaPromotionEditor *self);
/* Any edit by the user: dirty, checked again, clash check scheduled. */
void            plaza_promotion_editor_changed        (PlazaPromotionEditor *self);
void            plaza_promotion_editor_clear_children (GtkWidget            *widget);
void            plaza_promotion_editor_emit_saved     (PlazaPromotionEditor *self);

/* plaza-promotion-editor-save.c */
gboolean        plaza_promotion_editor_close_request  (GtkWindow            *window);
gboolean        plaza_promotion_editor_save_shortcut_cb (GtkWidget          *widget,
                                                         GVariant           *args,
                                                         gpointer            user_data);

/* plaza-promotion-editor-form.c */
void            plaza_promotion_editor_build_form     (PlazaPromotionEditor *self,
                                                       GtkBox               *page);
void            plaza_promotion_editor_fill_form      (PlazaPromotionEditor *self,
                                                       const PlazaPromotion *p);
/* The form as a plan (also when invalid: the fields that do not parse
 * read as empty or 0). */
PlazaPromotion *plaza_promotion_editor_read_form      (PlazaPromotionEditor *self);
/* Checks every field, shows the words under them; TRUE when it can be
 * saved. */
gboolean        plaza_promotion_editor_validate       (PlazaPromotionEditor *self);
void            plaza_promotion_editor_show_scope     (PlazaPromotionEditor *self);
void            plaza_promotion_editor_schedule_clash_check (PlazaPromotionEditor *self);
/* One line per clash, "Overlaps with …"; NULL when none. */
char           *plaza_promotion_editor_describe_clashes (PlazaPromotionEditor *self);
PlazaPromotion *plaza_promotion_copy                  (const PlazaPromotion *p);

/* plaza-promotion-editor-participants.c */
void            plaza_promotion_editor_build_participants (PlazaPromotionEditor *self,
                                                           GtkBox               *page);
void            plaza_promotion_editor_participant_free   (PlazaPromotionEditorParticipant *pp);
void            plaza_promotion_editor_clear_participants (PlazaPromotionEditor *self);
/* Checks the fees; TRUE when all parse. */
gboolean        plaza_promotion_editor_check_participants (PlazaPromotionEditor *self);
void            plaza_promotion_editor_read_participants  (PlazaPromotionEditor *self,
                                                           PlazaPromotion       *p);

/* plaza-promotion-editor-actions.c */
void            plaza_promotion_editor_build_files    (PlazaPromotionEditor *self,
                                                       GtkBox               *page);
void            plaza_promotion_editor_show_attachments (PlazaPromotionEditor *self);
void            plaza_promotion_editor_submit_clicked (PlazaPromotionEditor *self);
void            plaza_promotion_editor_approve_clicked (PlazaPromotionEditor *self);
void            plaza_promotion_editor_reject_clicked (PlazaPromotionEditor *self);
void            plaza_promotion_editor_cancel_clicked (PlazaPromotionEditor *self);
void            plaza_promotion_editor_edit_clicked   (PlazaPromotionEditor *self);

/* Handles for the GUI test (and the editor itself). */
void            plaza_promotion_editor_set_field      (PlazaPromotionEditor *self,
                                                       const char           *name,
                                                       const char           *text);
char           *plaza_promotion_editor_dup_field      (PlazaPromotionEditor *self,
                                                       const char           *name);
/* "spend_save" … "event"; "mall", "floors", "categories". */
void            plaza_promotion_editor_set_mechanics  (PlazaPromotionEditor *self,
                                                       const char           *code);
void            plaza_promotion_editor_set_scope      (PlazaPromotionEditor *self,
                                                       const char           *code);
/* Ticks floor or category @ref_id in the checklist; FALSE when not listed. */
gboolean        plaza_promotion_editor_check_scope    (PlazaPromotionEditor *self,
                                                       gint64                ref_id,
                                                       gboolean              active);
void            plaza_promotion_editor_add_participant (PlazaPromotionEditor *self,
                                                        gint64                tenant_id,
                                                        const char           *name,
                                                        const char           *code,
                                                        const char           *offer,
                                                        const char           *status,
                                                        const char           *fee);
/* Writes now, without the confirmation (clashes, back to approval). */
gboolean        plaza_promotion_editor_save_now       (PlazaPromotionEditor *self);
/* Ctrl+S: confirms first when there are clashes or an approved plan goes
 * back for approval. */
void            plaza_promotion_editor_save_clicked   (PlazaPromotionEditor *self);
gboolean        plaza_promotion_editor_step           (PlazaPromotionEditor *self,
                                                       PlazaPromotionAction  action,
                                                       const char           *comment);
const char     *plaza_promotion_editor_get_state      (PlazaPromotionEditor *self);
gboolean        plaza_promotion_editor_get_locked     (PlazaPromotionEditor *self);
gboolean        plaza_promotion_editor_get_valid      (PlazaPromotionEditor *self);
gboolean        plaza_promotion_editor_get_dirty      (PlazaPromotionEditor *self);
GPtrArray      *plaza_promotion_editor_get_clashes    (PlazaPromotionEditor *self);
/* Posters and the tenant files, in the worker; FALSE when busy or not
 * saved yet. */
gboolean        plaza_promotion_editor_add_attachment (PlazaPromotionEditor *self,
                                                       const char           *path);
gboolean        plaza_promotion_editor_remove_attachment (PlazaPromotionEditor *self,
                                                          gint64                attachment_id);
/* The participation notices (@notices) or the participant list. */
gboolean        plaza_promotion_editor_write_file     (PlazaPromotionEditor *self,
                                                       gboolean              notices,
                                                       const char           *path);
/* The evaluation view, NULL when the promotion has not ended. */
GtkWidget      *plaza_promotion_editor_get_eval_view  (PlazaPromotionEditor *self);

G_END_DECLS
