/* plaza-application.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PLAZA_TYPE_APPLICATION (plaza_application_get_type ())
G_DECLARE_FINAL_TYPE (PlazaApplication, plaza_application, PLAZA, APPLICATION, AdwApplication)

PlazaApplication *plaza_application_new (void);

G_END_DECLS
