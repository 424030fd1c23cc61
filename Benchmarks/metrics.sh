#!/usr/bin/env bash
# Benchmark: receivables metrics on 1,000,000 invoices and 1,000,000 payments.
#  1. In memory: `rapport bench metrics` generates the ledger, times Core's metrics for 2024, and
#     exports it; Benchmarks/compare_metrics.py computes the same numbers with pandas and DuckDB,
#     times them and checks that all three agree.
#  2. End to end: a ledger of 1.5M invoice lines (≈1M invoices) and 1M payments is imported into
#     SQLite (skipped when BENCH_DB already holds it), then `rapport report metrics` is timed.
# Usage: bash Benchmarks/metrics.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=${BENCH_DIR:-/tmp/rapport-metrics-bench}
db=${BENCH_DB:-$work/ledger.sqlite}
mkdir -p "$work"
swift build -c release --product rapport >&2
bin=$(swift build -c release --show-bin-path)/rapport
python3 -c "import pandas, duckdb" 2>/dev/null || pip install -q pandas duckdb

echo "== in memory: Rapport (Core) vs pandas vs DuckDB"
/usr/bin/time -f "bench metrics process (generate, 5 timed runs, export): %e s, %M KiB peak RSS" \
  "$bin" bench metrics --invoices 1000000 --payments 1000000 --export "$work/memory" >/dev/null
python3 Benchmarks/compare_metrics.py "$work/memory"

echo "== end to end on SQLite"
if [ ! -f "$db" ]; then
  python3 Benchmarks/generate_ledger.py --out "$work/csv" --lines 1500000 --payments 1000000
  for kind in accounts invoices payments; do
    /usr/bin/time -f "import $kind: %e s, %M KiB peak RSS" "$bin" import "$kind" "$work/csv/$kind.csv" --db "$db" 2>&1 \
      | grep -v ": read \|: wrote "
  done
fi
for run in 1 2 3; do
  /usr/bin/time -f "report metrics (run $run): %e s, %M KiB peak RSS" \
    "$bin" report metrics --from 2024-01-01 --to 2024-12-31 --format json --db "$db" >/dev/null
done
/usr/bin/time -f "report aging: %e s, %M KiB peak RSS" "$bin" report aging --as-of 2024-12-31 --db "$db" >/dev/null
/usr/bin/time -f "report metrics --by segment: %e s, %M KiB peak RSS" \
  "$bin" report metrics --from 2024-01-01 --to 2024-12-31 --by segment --db "$db" >/dev/null
