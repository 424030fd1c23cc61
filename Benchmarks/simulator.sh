#!/usr/bin/env bash
# Benchmark: the simulator and the demo (issue 5's targets).
#  1. `rapport simulate --policy both` at 20,000 accounts × 24 months (target: under 15 s).
#  2. `rapport demo --no-serve` (target: under 60 s), then `rapport risk train` on the demo database.
# Usage: bash Benchmarks/simulator.sh            (SENSITIVITY=1 also prints the sensitivity table,
#                                                  over SEEDS seeds, default 5: about 20 minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
work=${BENCH_DIR:-/tmp/rapport-simulator-bench}
mkdir -p "$work"
swift build -c release --product rapport >&2
bin=$(swift build -c release --show-bin-path)/rapport

echo "== rapport simulate --policy both (20,000 accounts, 24 months)"
/usr/bin/time -f "simulate both: %e s, %M KiB peak RSS" "$bin" simulate --policy both

echo "== rapport demo --no-serve"
/usr/bin/time -f "demo: %e s, %M KiB peak RSS" "$bin" demo --no-serve --db "$work/demo.sqlite" --start 2023-12-01 >/dev/null 2>"$work/demo.log"
tail -1 "$work/demo.log"
/usr/bin/time -f "risk train on the demo: %e s, %M KiB peak RSS" "$bin" risk train --db "$work/demo.sqlite" --as-of 2026-11-30

if [ "${SENSITIVITY:-0}" = 1 ]; then
  echo "== sensitivity (20,000 accounts, 24 months, mean ± sd over seeds 1–$seeds; DSO traditional / client-relations)"
  seeds=${SEEDS:-5}
  row() { "$bin" simulate --format json --seeds "$seeds" "$@" 2>/dev/null | python3 -c '
import json, sys
r = json.load(sys.stdin)
print(" | ".join("%.1f ± %.1f" % (x["dso"], x["dsoSd"] or 0) for x in r), "|", "%.0f" % r[1]["issuesFoundBeforeCollectionStart"], "|", "%.0f" % r[1]["casesOpened"])'; }
  echo "| setting | traditional DSO | client-relations DSO | found early (CR) | cases (CR) |"
  echo "| --- | --- | --- | --- | --- |"
  for k in 2 4 6 8; do echo "| specialists $k | $(row --specialists "$k") |"; done
  for d in 3 8 15 30; do echo "| check-in day $d | $(row --checkin-days "$d") |"; done
  for s in 0.5 1 2; do echo "| problem rates ×$s | $(row --problem-rate-scale "$s") |"; done
  echo "== the defaults over seeds 1–5 (mean ± sd of DSO)"
  "$bin" simulate --seeds 5 --format json 2>/dev/null | python3 -c '
import json, sys
for r in json.load(sys.stdin):
    print("| %s | %.1f ± %.1f | %.1f–%.1f | %.0f | %.0f |" % (r["policy"], r["dso"], r["dsoSd"], r["dsoMin"], r["dsoMax"],
          r["issuesFoundBeforeCollectionStart"], r["casesOpened"]))'
fi
