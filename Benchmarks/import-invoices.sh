#!/usr/bin/env bash
# Benchmark: import N invoice lines (default 1,000,000) into a fresh SQLite file with the release
# build, reporting wall time and peak memory (maximum resident set size) of each import.
# Usage: bash Benchmarks/import-invoices.sh [LINES]
set -euo pipefail
cd "$(dirname "$0")/.."
lines=${1:-1000000}
work=${BENCH_DIR:-/tmp/rapport-bench}
rm -rf "$work" && mkdir -p "$work"
swift build -c release --product rapport >&2
bin=$(swift build -c release --show-bin-path)/rapport
python3 Benchmarks/generate_ledger.py --out "$work" --lines "$lines" --payments 0
db="$work/bench.sqlite"
measure() {
  local label=$1; shift
  /usr/bin/time -f "$label: %e s wall, %M KiB peak RSS" "$@" >"$work/$label.out" 2>"$work/$label.err" || {
    cat "$work/$label.err" >&2; exit 1; }
  tail -n 1 "$work/$label.err"
  cat "$work/$label.out"
}
measure migrate "$bin" migrate --db "$db"
measure import-accounts "$bin" import accounts "$work/accounts.csv" --db "$db"
measure import-invoices "$bin" import invoices "$work/invoices.csv" --db "$db"
measure reimport-invoices "$bin" import invoices "$work/invoices.csv" --db "$db"
ls -l "$db" | awk '{print "database size: " $5 " bytes"}'
