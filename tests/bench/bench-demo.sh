#!/bin/sh
# bench-demo.sh — how long the demo malls take to generate, how big they are,
# and how fast the lists load on each (also with a simulated slow share).
#
# Copyright 2026 The Plaza authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   tests/bench/bench-demo.sh [BUILD_DIR]     (default: build)

set -eu
build=${1:-build}
plazactl="$build/src/cli/plazactl"
bench="$build/tests/bench/bench-lists"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

for size in small medium large; do
  start=$(date +%s.%N)
  "$plazactl" demo "$dir/$size.db" --size "$size" --today 2026-11-27
  end=$(date +%s.%N)
  bytes=$(stat -c %s "$dir/$size.db")
  rows=$(sqlite3 "$dir/$size.db" "SELECT (SELECT count(*) FROM units) || ' units, ' || (SELECT count(*) FROM tenants) || ' tenants, ' || (SELECT count(*) FROM contracts) || ' contracts, ' || (SELECT count(*) FROM sales_daily) || ' daily sales rows'")
  awk -v s="$size" -v a="$start" -v b="$end" -v n="$bytes" -v r="$rows" \
    'BEGIN { printf "%-7s %6.2f s  %8.1f MiB  %s\n", s, b - a, n / 1048576, r }' 
done

echo
echo "lists on the medium mall:"
"$bench" "$dir/medium.db"
echo
echo "lists on the large mall:"
"$bench" "$dir/large.db"
echo
echo "lists on the medium mall with PLAZA_IO_DELAY_MS=200 (a slow share):"
PLAZA_IO_DELAY_MS=200 "$bench" "$dir/medium.db" 2>/dev/null
