/* test-gui-slow.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The GUI smoke test on a store slowed to a network drive's pace: every
 * page still fills (in batches), search and sort still work.
 */

#define PLAZA_GUI_TEST_IO_DELAY_MS "50"

#include "test-gui-smoke.c"
