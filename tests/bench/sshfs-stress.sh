#!/bin/sh
# sshfs-stress.sh — Issue 8's proof on a real share whose locks stay local:
# one folder served by sshd on 127.0.0.1, mounted twice with sshfs
# (-o cache=no), like two PCs on a share without working locks. W writers per
# mount each enter K daily sales with `plazactl sales set` (one process, one
# transaction per row), first with the lease (the location is detected as
# FUSE) and then without it (PLAZA_FORCE_LOCATION=network: plain SQLite with
# a rollback journal). Prints rows landed of rows expected, failed writes
# (the writer was told), rows lost silently (reported written, not there),
# integrity_check and whether a lease file was left, per run.
#
# Network delay: NETEM_DELAY (default 5ms; "0" or "" for none) is applied to
# the loopback device with `tc qdisc add dev lo root netem delay …` when tc
# and the sch_netem module are there, and removed on exit. Where netem is
# missing (a container cannot load kernel modules), the same one-way delay is
# added by tests/bench/delay-relay.py as ssh's ProxyCommand instead; the
# first line printed says which.
#
# Needs root, /dev/fuse, openssh-server and sshfs (apt-get install
# openssh-server sshfs fuse3 iproute2). Not a unit test; tests/share-test.sh
# runs a short version in CI.
#
# Usage: tests/bench/sshfs-stress.sh PLAZACTL [WRITERS_PER_MOUNT=2] [ROWS_PER_WRITER=25] [RUNS=2]
#
# Copyright 2026 The Plaza authors
# SPDX-License-Identifier: GPL-3.0-or-later

set -u
PLAZACTL=$(readlink -f "$1")
W=${2:-2}
K=${3:-25}
RUNS=${4:-2}
PORT=${SSHFS_STRESS_PORT:-2299}
DELAY=${NETEM_DELAY-5ms}
HERE=$(cd "$(dirname "$0")" && pwd)
BASE=$(mktemp -d /tmp/plaza-sshfs-XXXXXX)
SRC=$BASE/share
mkdir -p "$SRC" "$BASE/m1" "$BASE/m2" /run/sshd

ssh-keygen -q -t ed25519 -N '' -f "$BASE/host_key"
ssh-keygen -q -t ed25519 -N '' -f "$BASE/id"
mkdir -p /root/.ssh && chmod 700 /root/.ssh
cat "$BASE/id.pub" >> /root/.ssh/authorized_keys
/usr/sbin/sshd -f /dev/null -p $PORT -o ListenAddress=127.0.0.1 -o HostKey="$BASE/host_key" \
  -o PermitRootLogin=prohibit-password -o PidFile="$BASE/sshd.pid" -o Subsystem="sftp internal-sftp"
sleep 1

NETEM=0
WRITERS=""
cleanup () {
  # Writers first (a killed run): a busy mount does not unmount.
  [ -n "$WRITERS" ] && kill $WRITERS 2>/dev/null && sleep 1
  for m in m1 m2; do
    fusermount -u "$BASE/$m" 2>/dev/null || fusermount -uz "$BASE/$m" 2>/dev/null
  done
  [ "$NETEM" = 1 ] && tc qdisc del dev lo root netem 2>/dev/null
  [ -f "$BASE/sshd.pid" ] && kill "$(cat "$BASE/sshd.pid")"
  grep -v "$(cat "$BASE/id.pub")" /root/.ssh/authorized_keys > "$BASE/ak"; cat "$BASE/ak" > /root/.ssh/authorized_keys
  rm -rf --one-file-system "$BASE"
}
trap cleanup EXIT
# A killed run (a test timeout) still unmounts, stops sshd and removes netem.
trap 'exit 1' INT TERM HUP

PROXY=""
case "$DELAY" in
  ""|0|0ms) echo "delay: none" ;;
  *)
    if command -v tc >/dev/null 2>&1 && tc qdisc add dev lo root netem delay "$DELAY" 2>"$BASE/tc.err"; then
      NETEM=1
      echo "delay: tc netem $DELAY on lo (each way)"
    else
      ms=${DELAY%ms}
      PROXY="ProxyCommand=python3 $HERE/delay-relay.py %h %p $ms,"
      echo "delay: tc netem unavailable ($(head -1 "$BASE/tc.err" 2>/dev/null || echo 'no tc')); $DELAY each way by delay-relay.py as ssh ProxyCommand"
    fi
    ;;
esac

for m in m1 m2; do
  sshfs -o "${PROXY}cache=no,IdentityFile=$BASE/id,StrictHostKeyChecking=no,UserKnownHostsFile=/dev/null,port=$PORT" \
    root@127.0.0.1:"$SRC" "$BASE/$m" || { echo "sshfs failed"; exit 1; }
done

SEQ=0
run () {   # $1 = label, $2 = PLAZA_FORCE_LOCATION value or ""
  SEQ=$((SEQ + 1))
  DB=m$SEQ.db   # a new file each run: nothing left of the last run's damage
  PLAZA_FORCE_LOCATION=local "$PLAZACTL" init "$SRC/$DB" >/dev/null
  sqlite3 "$SRC/$DB" "PRAGMA journal_mode=DELETE;" >/dev/null
  units=""
  n=0
  for m in m1 m2; do for w in $(seq 1 "$W"); do n=$((n + 1)); units="$units $m:U$n"; done; done
  sql="INSERT INTO projects (id, code, name) VALUES (1, 'T', 'T'); INSERT INTO floors (id, project_id, label, level) VALUES (1, 1, '1F', 1);"
  i=0
  for u in $units; do i=$((i + 1)); sql="$sql INSERT INTO units (id, floor_id, code, gross_area, rentable_area) VALUES ($i, 1, '${u#*:}', 100, 100);"; done
  sqlite3 "$SRC/$DB" "$sql"
  start=$(date +%s)
  for u in $units; do
    (
      if [ -n "$2" ]; then export PLAZA_FORCE_LOCATION="$2"; else unset PLAZA_FORCE_LOCATION; fi
      fails=0
      for d in $(seq 1 "$K"); do
        day=$(printf '2026-%02d-%02d' $(( (d - 1) / 28 + 1 )) $(( (d - 1) % 28 + 1 )))
        "$PLAZACTL" sales set "$BASE/${u%%:*}/$DB" --unit "${u#*:}" --date "$day" --amount "$d" >/dev/null 2>>"$BASE/errors" || fails=$((fails + 1))
      done
      echo "$fails" > "$BASE/fails.${u#*:}"
    ) &
    WRITERS="$WRITERS $!"
  done
  wait
  WRITERS=""
  end=$(date +%s)
  landed=$(sqlite3 "$SRC/$DB" "SELECT count(*) FROM sales_daily" 2>&1)
  check=$(sqlite3 "$SRC/$DB" "PRAGMA integrity_check" 2>&1 | head -3 | tr '\n' ' ')
  fails=$(cat "$BASE"/fails.* | awk '{s += $1} END {print s}')
  left=$(ls "$SRC" | grep -c plaza-lease)
  case "$landed" in
    ''|*[!0-9]*) lost="?" ;;
    *) lost=$(( 2 * W * K - landed - fails )) ;;
  esac
  echo "$1: rows landed $landed of $(( 2 * W * K )), failed writes $fails, lost silently $lost, integrity_check: $check, lease files left $left, $((end - start)) s"
  if [ -s "$BASE/errors" ]; then echo "  first errors:"; sort "$BASE/errors" | uniq -c | sort -rn | head -3; fi
  rm -f "$BASE"/errors "$BASE"/fails.*
}

for r in $(seq 1 "$RUNS"); do
  run "run $r with lease   " ""
  run "run $r without lease" "network"
done
