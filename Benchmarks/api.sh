#!/usr/bin/env bash
# Benchmark: the JSON API under load — issue 11's speed targets, on a copy of the 20,000-account
# demo database (built once, reused; each run works on a fresh copy so it measures the same data):
#   POST /api/v1/invoices            wrk, 4 connections, a new invoice per request   target >= 500/s
#   POST /api/v1/imports/invoices    curl, one 100,000-line CSV                       target <= 10 s
#   GET  /api/v1/queue               wrk, 1 and 4 connections, a specialist's token   target p95 <= 100 ms
# The invoice POSTs are measured after a warm-up run of the same load (BENCH_WARMUP, default 30s,
# reported apart): the first seconds of a fresh server read the file's index pages into SQLite's
# cache and are slower; the figure of record is the steady state.
# Usage: bash Benchmarks/api.sh   (BENCH_DB=path reuses a demo database, BENCH_DURATION=15s, BENCH_WARMUP=30s, BENCH_PORT=8191)
set -euo pipefail
cd "$(dirname "$0")/.."
work=${BENCH_DIR:-/tmp/rapport-api-bench}
demo=${BENCH_DB:-$work/demo.sqlite}
port=${BENCH_PORT:-8191}
duration=${BENCH_DURATION:-15s}
warmup=${BENCH_WARMUP:-30s}
base="http://127.0.0.1:$port/api/v1"
mkdir -p "$work"
command -v wrk >/dev/null || { echo "api.sh needs wrk (Debian: apt-get install wrk)" >&2; exit 1; }
swift build -c release --product rapport >&2
bin=$(swift build -c release --show-bin-path)/rapport

if [ ! -f "$demo" ]; then
  echo "== building the 20,000-account demo database (once)" >&2
  /usr/bin/time -f "demo: %e s, %M KiB peak RSS" "$bin" demo --accounts 20000 --no-serve --db "$demo" > "$work/demo.out"
fi
db="$work/run.sqlite"
rm -f "$db" "$db-wal" "$db-shm"
sqlite3 "$demo" ".backup '$db'"

users=$("$bin" user list --format json --db "$db")
specialist=$(python3 -c 'import json,sys; print(next(u["username"] for u in json.load(sys.stdin) if u["role"] == "specialist"))' <<< "$users")
manager=$(python3 -c 'import json,sys; print(next(u["username"] for u in json.load(sys.stdin) if u["role"] == "manager"))' <<< "$users")
manager_token=$("$bin" token create "$manager" --name benchmark --db "$db" 2>/dev/null)
specialist_token=$("$bin" token create "$specialist" --name benchmark --db "$db" 2>/dev/null)
account=$(sqlite3 "$db" "SELECT id FROM accounts WHERE parent_id IS NULL AND segment = 'commercial' ORDER BY id LIMIT 1")
today=$(date -u +%Y-%m-%d)

# 100,000 invoice lines: 50,000 invoices of two lines each, on the demo's accounts, ids no demo invoice has.
python3 - "$db" "$work/invoices.csv" <<'PY'
import csv, sqlite3, sys
accounts = [row[0] for row in sqlite3.connect(sys.argv[1]).execute("SELECT id FROM accounts ORDER BY id")]
with open(sys.argv[2], "w", newline="") as out:
    writer = csv.writer(out)
    writer.writerow(["invoice_id", "account_id", "issue_date", "due_date", "amount", "currency", "location_id", "job_id", "description"])
    for n in range(50_000):
        account = accounts[n % len(accounts)]
        for line in (1, 2):
            writer.writerow([f"APIB-{n:06d}", account, "2026-11-02", "", f"{100 + n % 900}.{line * 25:02d}", "USD", "", "", f"Bench line {line}"])
PY

"$bin" serve --db "$db" --port "$port" > "$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null' EXIT
for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 0.2; done

source Benchmarks/wrk-common.sh
# Each request posts a new one-line invoice: ids are unique per wrk thread and request.
cat > "$work/invoice.lua" <<LUA
local threads = 0
function setup(thread) threads = threads + 1; thread:set("tid", threads) end
local n = 0
local run = os.getenv("WRK_RUN") or "run"
request = function()
  n = n + 1
  local body = string.format('{"invoiceId": "WRK-%s-%d-%07d", "accountId": "$account", "issueDate": "$today", "currency": "USD", "lines": [{"amount": "125.00", "description": "wrk"}]}', run, tid, n)
  return wrk.format("POST", nil, {["Content-Type"] = "application/json", ["Authorization"] = "Bearer $manager_token"}, body)
end
$(cat "$work/report.lua")
LUA

echo "== $(date -u +%Y-%m-%d) $(nproc) CPUs, $(free -g | awk '/Mem:/ { print $2 }') GiB; demo $demo; specialist $specialist, manager $manager"
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $manager_token" -H "Content-Type: application/json" \
  -d "{\"invoiceId\": \"WRK-check\", \"accountId\": \"$account\", \"issueDate\": \"$today\", \"currency\": \"USD\", \"lines\": [{\"amount\": \"1.00\"}]}" \
  "$base/invoices")
[ "$status" = 201 ] || { echo "POST /invoices answered $status, not 201" >&2; exit 1; }
before=$(sqlite3 "$db" "SELECT COUNT(*) FROM invoices WHERE id LIKE 'WRK-%'")
echo "POST /api/v1/invoices (4 connections), warm-up $warmup"
WRK_RUN=warm wrk -t2 -c4 -d"$warmup" --timeout 30s -s "$work/invoice.lua" "$base/invoices" | tail -n 1
echo "POST /api/v1/invoices (4 connections), measured"
WRK_RUN=c4 wrk -t2 -c4 -d"$duration" --timeout 30s -s "$work/invoice.lua" "$base/invoices" | tail -n 1
echo "POST /api/v1/invoices (16 connections)"
WRK_RUN=c16 wrk -t2 -c16 -d"$duration" --timeout 30s -s "$work/invoice.lua" "$base/invoices" | tail -n 1
echo "    invoices stored by the three runs: $(( $(sqlite3 "$db" "SELECT COUNT(*) FROM invoices WHERE id LIKE 'WRK-%'") - before ))"

idle
echo "POST /api/v1/imports/invoices ($(($(wc -l < "$work/invoices.csv") - 1)) lines, $(du -h "$work/invoices.csv" | cut -f1))"
curl -sS -o "$work/import.json" -w "    status %{http_code} in %{time_total} s\n" -H "Authorization: Bearer $manager_token" \
  -H "Content-Type: text/csv" --data-binary "@$work/invoices.csv" "$base/imports/invoices"
python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); print("    rowsRead", s.get("rowsRead"), "rowsWritten", s.get("rowsWritten"))' "$work/import.json"
echo "    again (nothing new):"
curl -sS -o "$work/reimport.json" -w "    status %{http_code} in %{time_total} s\n" -H "Authorization: Bearer $manager_token" \
  -H "Content-Type: text/csv" --data-binary "@$work/invoices.csv" "$base/imports/invoices"

idle
for connections in 1 4; do
  idle
  echo "GET /api/v1/queue ($specialist, $connections connection(s))"
  wrk -t1 -c"$connections" -d"$duration" --timeout 30s -H "Authorization: Bearer $specialist_token" -s "$work/report.lua" \
    "$base/queue" | tail -n 1
done
echo "peak RSS of the server: $(awk '/VmHWM/ { print $2, $3 }' /proc/$server/status)"
