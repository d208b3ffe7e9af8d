/* plaza-permissions.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The permission table: see plaza-permissions.h.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "plaza-permissions.h"

enum
{
  C = 1 << 0, /* clerk */
  P = 1 << 1, /* planner */
  M = 1 << 2, /* manager */
};

typedef struct
{
  const char *entity; /* "*": any */
  const char *action; /* "*": any */
  guint       roles;
} Rule;

/* First match wins; admin may everything, viewer nothing. */
static const Rule rules[] = {
  /* attachments hang on any record */
  { "*", "attach", C | P | M },
  { "*", "attachment", C | P | M },
  /* imports: the entity is what is imported */
  { "units", "import", C | M },
  { "sales", "import", C | M },
  { "*", "import", M },

  /* approvals: manager only */
  { "contract", "approved", M },
  { "contract", "rejected", M },
  { "contract", "amendment-approved", M },
  { "contract", "amendment-rejected", M },
  { "contract", "terminated", M },
  { "contract", "renewed", M },
  { "contract", "expired", M },
  { "promotion", "approve", M },
  { "promotion", "reject", M },
  { "tenant_review", "approve", M },
  { "tenant_review", "reject", M },
  { "fitout_drawing", "approve", M },
  { "fitout_drawing", "reject", M },
  { "bills", "*", M },
  { "bill", "*", M },
  { "eviction", "*", M },

  /* clerk's daily work */
  { "tenant", "*", C | M },
  { "brand", "*", C | P | M },
  { "complaint", "*", C | M },
  { "floors", "*", C | M },
  { "units", "*", C | M },
  { "unit", "status", C | P | M },
  { "contract", "*", C | M },       /* create, draft, submitted, active, amend, deposits */
  { "sales", "*", C | M },
  { "payment", "*", C | M },
  { "fitout", "*", C | M },
  { "fitout_drawing", "*", C | M },
  { "fitout_inspection", "*", C | M },

  /* planner's */
  { "promotion", "*", P | M },      /* create, edit, submit, cancel */
  { "prospect", "*", P | M },
  { "market_note", "*", P | M },
  { "unit", "plan", P | M },
  { "targets", "*", P | M },
  { "tenant_review", "*", P | M },  /* build, proposal */

  /* admin only: user, setting, database, schema, demo — not listed */
};

static const char * const role_names[] = { "viewer", "clerk", "planner", "manager", "admin", NULL };

const char * const *
plaza_role_get_all (void)
{
  return role_names;
}

gboolean
plaza_role_is_valid (const char *role)
{
  return role != NULL && g_strv_contains (role_names, role);
}

const char *
plaza_role_get_label (const char *role)
{
  if (g_strcmp0 (role, "viewer") == 0)
    return _("Viewer");
  if (g_strcmp0 (role, "clerk") == 0)
    return _("Clerk");
  if (g_strcmp0 (role, "planner") == 0)
    return _("Planner");
  if (g_strcmp0 (role, "manager") == 0)
    return _("Manager");
  if (g_strcmp0 (role, "admin") == 0)
    return _("Administrator");
  return role;
}

static guint
role_bit (const char *role)
{
  if (g_strcmp0 (role, "clerk") == 0)
    return C;
  if (g_strcmp0 (role, "planner") == 0)
    return P;
  if (g_strcmp0 (role, "manager") == 0)
    return M;
  return 0;
}

gboolean
plaza_permission_allows (const char *role,
                         const char *entity,
                         const char *action)
{
  guint bit;

  g_return_val_if_fail (entity != NULL && action != NULL, FALSE);

  if (g_strcmp0 (role, "admin") == 0)
    return TRUE;
  bit = role_bit (role);
  if (bit == 0)
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      const Rule *r = &rules[i];

      if ((g_str_equal (r->entity, "*") || g_str_equal (r->entity, entity)) &&
          (g_str_equal (r->action, "*") || g_str_equal (r->action, action)))
        return (r->roles & bit) != 0;
    }
  return FALSE;
}
