#!/bin/sh
# bench-import.sh — sales import speed: `plazactl import sales` of the large
# demo's sales (≥ 3.6 M rows) against the sqlite3 shell's `.import` of the
# same file into an equivalent table, on this machine, in this run.
# Goal (issue 4): at least 0.7 of the shell's rows per second.
#
# Copyright 2026 The Plaza authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   tests/bench/bench-import.sh [BUILD_DIR]     (default: build)
#
# Steps: make the large demo once, export its sales to CSV, make a fresh
# database with the same units (init + export/import units), time the
# import into it; then time `.import --csv --skip 1` of the same file into
# a table with the same columns as the file and sales_daily's WITHOUT ROWID
# primary key, in a database with Plaza's page size (16 KiB), journal
# (WAL) and synchronous (NORMAL) settings.
#
# The large demo (1,200 units, ten years) has about 3.7 M daily rows; the
# script stops if the file has fewer than 3.6 M.
#
# Environment: BENCH_DIR (keep the files there, reuse large.db and the CSV
# when present), SQLITE3 (default: sqlite3).

set -eu
build=${1:-build}
plazactl="$build/src/cli/plazactl"
sqlite3=${SQLITE3:-sqlite3}
min_rows=3600000

if [ -n "${BENCH_DIR:-}" ]; then
  dir=$BENCH_DIR
  mkdir -p "$dir"
else
  dir=$(mktemp -d)
  trap 'rm -rf "$dir"' EXIT
fi

now () { date +%s.%N; }

if [ ! -f "$dir/large.db" ]; then
  start=$(now)
  "$plazactl" demo "$dir/large.db" --size large --today 2026-11-27 > /dev/null
  awk -v a="$start" -v b="$(now)" 'BEGIN { printf "large demo made in %.1f s\n", b - a }'
fi

if [ ! -f "$dir/sales.csv" ]; then
  "$plazactl" export sales "$dir/large.db" > "$dir/sales.csv"
  rows=$(($(wc -l < "$dir/sales.csv") - 1))
  if [ "$rows" -lt "$min_rows" ]; then
    echo "the large demo has only $rows daily rows, fewer than $min_rows" >&2
    exit 1
  fi
fi
rows=$(($(wc -l < "$dir/sales.csv") - 1))
bytes=$(stat -c %s "$dir/sales.csv")
if [ "$rows" -lt "$min_rows" ]; then
  echo "bench-import: only $rows rows in the CSV (need $min_rows)" >&2
  exit 1
fi
awk -v r="$rows" -v n="$bytes" 'BEGIN { printf "CSV: %d rows, %.1f MiB\n", r, n / 1048576 }'

# Plaza: a fresh database with the same units.
rm -f "$dir/fresh.db" "$dir/fresh.db-wal" "$dir/fresh.db-shm"
"$plazactl" init "$dir/fresh.db" > /dev/null
"$plazactl" export units "$dir/large.db" > "$dir/units.csv"
"$plazactl" import units "$dir/fresh.db" "$dir/units.csv" > /dev/null
sync
start=$(now)
"$plazactl" import sales "$dir/fresh.db" "$dir/sales.csv" > /dev/null
plaza_s=$(awk -v a="$start" -v b="$(now)" 'BEGIN { print b - a }')
stored=$("$sqlite3" "$dir/fresh.db" "SELECT count(*) FROM sales_daily")
if [ "$stored" -ne "$rows" ]; then
  echo "bench-import: plazactl stored $stored rows, not $rows" >&2
  exit 1
fi

# The sqlite3 shell into an equivalent table.
rm -f "$dir/shell.db" "$dir/shell.db-wal" "$dir/shell.db-shm"
"$sqlite3" "$dir/shell.db" \
  "PRAGMA page_size = 16384" \
  "PRAGMA journal_mode = WAL" \
  "CREATE TABLE sales_daily (date TEXT NOT NULL, unit TEXT NOT NULL, amount INTEGER NOT NULL, transactions INTEGER, PRIMARY KEY (unit, date)) WITHOUT ROWID" > /dev/null
sync
start=$(now)
"$sqlite3" "$dir/shell.db" \
  "PRAGMA synchronous = NORMAL" \
  ".import --csv --skip 1 '$dir/sales.csv' sales_daily"
shell_s=$(awk -v a="$start" -v b="$(now)" 'BEGIN { print b - a }')
stored=$("$sqlite3" "$dir/shell.db" "SELECT count(*) FROM sales_daily")
if [ "$stored" -ne "$rows" ]; then
  echo "bench-import: sqlite3 .import stored $stored rows, not $rows" >&2
  exit 1
fi

# For reference only: the shell with the page cache the import uses
# (256 MiB instead of its default 2 MiB).
rm -f "$dir/shell.db" "$dir/shell.db-wal" "$dir/shell.db-shm"
"$sqlite3" "$dir/shell.db" \
  "PRAGMA page_size = 16384" \
  "PRAGMA journal_mode = WAL" \
  "CREATE TABLE sales_daily (date TEXT NOT NULL, unit TEXT NOT NULL, amount INTEGER NOT NULL, transactions INTEGER, PRIMARY KEY (unit, date)) WITHOUT ROWID" > /dev/null
sync
start=$(now)
"$sqlite3" "$dir/shell.db" \
  "PRAGMA synchronous = NORMAL" \
  "PRAGMA cache_size = -262144" \
  ".import --csv --skip 1 '$dir/sales.csv' sales_daily"
cache_s=$(awk -v a="$start" -v b="$(now)" 'BEGIN { print b - a }')
rm -f "$dir/shell.db" "$dir/shell.db-wal" "$dir/shell.db-shm"

awk -v r="$rows" -v p="$plaza_s" -v s="$shell_s" -v c="$cache_s" 'BEGIN {
  printf "plazactl import sales: %7.2f s  %10.0f rows/s\n", p, r / p
  printf "sqlite3 .import:       %7.2f s  %10.0f rows/s\n", s, r / s
  printf "ratio (plazactl / sqlite3): %.2f  (goal ≥ 0.70)\n", s / p
  printf "for reference, sqlite3 .import with a 256 MiB page cache: %.2f s  %.0f rows/s (ratio %.2f)\n", c, r / c, c / p
}'
