#!/bin/sh
# stress-kill.sh — the long version of tests/test-stress.c (issue 8): many
# `plazactl import sales` processes write one file at once while some are
# killed with SIGKILL (by the parent at a random moment, or by
# PLAZA_FAULT=OP:N:kill at an exact write, sync or delete of their
# transaction) and restarted; then every reported commit must be there, no
# transaction half there, integrity_check ok. Once on a local file (WAL),
# once as on a share (PLAZA_FORCE_LOCATION=network: rollback journal).
# It prints the figures; it fails if anything was lost or half-written.
#
# Copyright 2026 The Plaza authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   tests/bench/stress-kill.sh [BUILD_DIR] [WORKERS] [COMMITS] [KILL_PERCENT]
#   (defaults: build, 12 workers, 200 commits each, 40 % of runs killed)
#
# Each commit imports one unit's whole year (365/366 days, 12 monthly
# aggregates, one change_log line). TMPDIR chooses the folder.

set -eu
build=${1:-build}
test_bin="$build/tests/test-stress"

if [ ! -x "$test_bin" ]; then
  echo "stress-kill.sh: $test_bin not found; build it: ninja -C $build tests/test-stress src/cli/plazactl" >&2
  exit 1
fi

out=$(mktemp)
trap 'rm -f "$out"' EXIT
status=0
PLAZACTL=$(cd "$build/src/cli" && pwd)/plazactl \
PLAZA_STRESS_WORKERS=${2:-12} \
PLAZA_STRESS_COMMITS=${3:-200} \
PLAZA_STRESS_KILL_PERCENT=${4:-40} \
LC_ALL=C.UTF-8 \
  "$test_bin" > "$out" 2>&1 || status=$?
sed -n 's/^# \(local\|network\)/\1/p' "$out"
if [ "$status" -ne 0 ]; then
  grep -E 'ERROR|Bail out|not ok' "$out" >&2 || tail -5 "$out" >&2
  exit 1
fi
