#!/bin/sh
# bench-gui-stall.sh — the GUI's main-loop stalls on a slow share (issue 8):
# runs bench-gui-stall under xvfb-run with PLAZA_IO_DELAY_MS (default 50: every
# read, write, lock and sync of the GUI's store sleeps that long) on a medium
# demo mall, browsing every page and view, searching, opening a tenant and a
# contract, saving a promotion and recording a payment. Prints per step the
# longest gap between main-loop iterations and the 99th percentile, then the
# longest overall (goal: under 50 ms). Figures only; it asserts nothing.
#
#   tests/bench/bench-gui-stall.sh [BUILD_DIR=build] [SIZE=medium]
#   (PLAZA_IO_DELAY_MS=0 for the same walk on a local disk; GSK_RENDERER=gl
#   to include GTK's GL rendering, BENCH_STALL_TRACE=40 for backtraces)
#
# Copyright 2026 The Plaza authors
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu
build=${1:-build}
size=${2:-medium}
bin="$build/tests/bench/bench-gui-stall"
plazactl="$build/src/cli/plazactl"

if [ ! -x "$bin" ] || [ ! -x "$plazactl" ]; then
  echo "bench-gui-stall.sh: build it first: ninja -C $build tests/bench/bench-gui-stall src/cli/plazactl" >&2
  exit 1
fi
top=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "$build" && pwd)

export GSETTINGS_SCHEMA_DIR="$build/data"
export PLAZA_LOCALEDIR="$build/po"
export PLAZA_ICON_DIR="$top/data/icons"
export PLAZA_IO_DELAY_MS=${PLAZA_IO_DELAY_MS:-50}
export LC_ALL=${LC_ALL:-C.UTF-8}
# Xvfb has no GPU: GTK's GL renderer would run on llvmpipe, and drawing the
# frames (not Plaza) would make most of the stalls. Cairo unless told.
export GSK_RENDERER=${GSK_RENDERER:-cairo}

exec xvfb-run -a -s "-screen 0 1440x900x24" dbus-run-session -- \
  "$build/tests/bench/bench-gui-stall" "$build/src/cli/plazactl" "$size"
