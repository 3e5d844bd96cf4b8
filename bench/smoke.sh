#!/usr/bin/env bash
# A short run of both benchmark scripts (a few seconds per series, small sizes), so that CI proves they run
# on a fresh machine. The figures mean nothing; the tables go to a scratch copy of docs/BENCHMARKS.md and are
# checked for every row. Usage: bench/smoke.sh   (about 2 minutes)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
doc="$(mktemp)"
trap 'rm -f "$doc"' EXIT
cp docs/BENCHMARKS.md "$doc"
export BENCH_DOC="$doc" ROUNDS=1 SECONDS_PER_RUN=1 BIG_MIB=16 BIG_REST_SECONDS=0
WARMUP_SECONDS=1 RESTART_JOBS=2000 IDLE_CONNECTIONS=200 STOP_WAIT=10 timeout 900 bench/run.sh >/dev/null
timeout 900 bench/spool/run.sh >/dev/null
for row in "4 KiB jobs, 64 connections, durable ack" "4 KiB jobs, 1 connection" "one 16 MiB document" \
           "200 idle connections" "restart with 2000 queued jobs" "start to listening, empty spool" \
           "print-client submit" "commits/s, 4 KiB jobs, 8 writers" "journal alone (materialiser held back" \
           "MB/s, one 16 MiB job"; do
  line="$(grep -F "$row" "$doc" | head -n 1)"
  [[ -n "$line" ]] || { echo "bench smoke: no row \"$row\" in the tables" >&2; exit 1; }
  grep -Eq '\| *[0-9]+(\.[0-9]+)?( |;|\|)' <<<"$line" || { echo "bench smoke: no figure in: $line" >&2; exit 1; }
done
echo "bench smoke: both scripts ran and wrote every row"
