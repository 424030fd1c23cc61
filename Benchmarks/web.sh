#!/usr/bin/env bash
# Benchmark: the web application under load — issue 10's speed targets. On the 20,000-account
# demo database (built once, reused), a release `rapport serve` on 127.0.0.1 answers wrk with 8
# connections (2 threads) and a signed-in session for each of:
#   GET /queue                      (a specialist's day)              target p95 <= 100 ms
#   GET /accounts/{id}              (a queue account; the largest key account)   <= 50 ms
#   GET /                           (the manager's dashboard)         target p95 <= 300 ms
#   POST /accounts/{id}/interactions (log a touch)                   target p95 <= 50 ms
# Usage: bash Benchmarks/web.sh   (BENCH_DB=path reuses a demo database, BENCH_DURATION=20s, BENCH_PORT=8190)
set -euo pipefail
cd "$(dirname "$0")/.."
work=${BENCH_DIR:-/tmp/rapport-web-bench}
db=${BENCH_DB:-$work/demo.sqlite}
port=${BENCH_PORT:-8190}
duration=${BENCH_DURATION:-20s}
base="http://127.0.0.1:$port"
password="web-bench-password"
mkdir -p "$work"
command -v wrk >/dev/null || { echo "web.sh needs wrk (Debian: apt-get install wrk)" >&2; exit 1; }
swift build -c release --product rapport >&2
bin=$(swift build -c release --show-bin-path)/rapport

if [ ! -f "$db" ]; then
  echo "== building the 20,000-account demo database (once)" >&2
  /usr/bin/time -f "demo: %e s, %M KiB peak RSS" "$bin" demo --accounts 20000 --no-serve --db "$db" > "$work/demo.out"
fi
users=$("$bin" user list --format json --db "$db")
specialist=$(python3 -c 'import json,sys; print(next(u["username"] for u in json.load(sys.stdin) if u["role"] == "specialist"))' <<< "$users")
manager=$(python3 -c 'import json,sys; print(next(u["username"] for u in json.load(sys.stdin) if u["role"] == "manager"))' <<< "$users")
for user in "$specialist" "$manager"; do
  printf '%s\n' "$password" | "$bin" user password "$user" --password-stdin --db "$db" >/dev/null
done
# Touches an earlier run's POSTs logged would make the account page slower run after run.
sqlite3 "$db" "DELETE FROM interactions WHERE notes = 'web benchmark'"
key_account=$(sqlite3 "$db" "SELECT parent_id FROM accounts WHERE parent_id IS NOT NULL GROUP BY parent_id ORDER BY COUNT(*) DESC, parent_id LIMIT 1")

"$bin" serve --db "$db" --port "$port" > "$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null' EXIT
for _ in $(seq 1 100); do curl -fsS "$base/health" >/dev/null 2>&1 && break; sleep 0.2; done
for run in 1 2 3; do curl -fsS -o /dev/null "$base/health"; done

# Signs in as $1 and prints "cookie csrf": the session cookie and the session's CSRF token.
sign_in() {
  local jar="$work/$1.cookies" csrf
  rm -f "$jar"
  csrf=$(curl -fsS -c "$jar" -b "$jar" "$base/login" | grep -o 'name="_csrf" value="[^"]*"' | head -n 1 | cut -d'"' -f4)
  curl -fsS -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=$1" --data-urlencode "password=$password" \
    --data-urlencode "_csrf=$csrf" "$base/login"
  local cookie
  cookie=$(awk '$6 == "rapport_session" { print $7 }' "$jar")
  [ -n "$cookie" ] || { echo "could not sign in as $1" >&2; exit 1; }
  csrf=$(curl -fsS -b "rapport_session=$cookie" "$base/accounts" | grep -o 'name="_csrf" value="[^"]*"' | head -n 1 | cut -d'"' -f4)
  echo "$cookie $csrf"
}
read -r specialist_cookie specialist_csrf <<< "$(sign_in "$specialist")"
read -r manager_cookie _ <<< "$(sign_in "$manager")"
account=$(curl -fsS -b "rapport_session=$specialist_cookie" "$base/queue" | grep -o 'href="/accounts/[^"?]*' | head -n 1 | cut -d/ -f3)

source Benchmarks/wrk-common.sh
cat > "$work/touch.lua" <<LUA
wrk.method = "POST"
wrk.body = "_csrf=$specialist_csrf&channel=call&purpose=follow_up&outcome=no_answer&notes=web+benchmark"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
$(cat "$work/report.lua")
LUA

# Runs wrk on $2 (path) with the session $1, after checking the page answers with status $3.
load() {
  idle
  local status
  status=$(curl -s -o /dev/null -w '%{http_code}' -b "rapport_session=$1" "$base$2")
  [ "$status" = "$3" ] || { echo "$2 answered $status, not $3" >&2; exit 1; }
  echo "GET $2"
  wrk -t2 -c8 -d"$duration" --timeout 30s -H "Cookie: rapport_session=$1" -s "$work/report.lua" "$base$2" | tail -n 1
}

echo "== $(date -u +%Y-%m-%d) $(nproc) CPUs, $(free -g | awk '/Mem:/ { print $2 }') GiB; demo $db; specialist $specialist, manager $manager"
load "$specialist_cookie" /queue 200
load "$specialist_cookie" "/accounts/$account" 200
load "$specialist_cookie" "/accounts/$key_account" 200
idle
echo "POST /accounts/$account/interactions"
wrk -t2 -c8 -d"$duration" --timeout 30s -H "Cookie: rapport_session=$specialist_cookie" -s "$work/touch.lua" \
  "$base/accounts/$account/interactions" | tail -n 1
idle
for run in 1 2 3; do
  curl -s -o /dev/null -w "GET / alone (run $run): %{time_total} s\n" -b "rapport_session=$manager_cookie" "$base/"
done
load "$manager_cookie" / 200
echo "peak RSS of the server: $(awk '/VmHWM/ { print $2, $3 }' /proc/$server/status)"
echo "touches the POST run logged: $(sqlite3 "$db" "SELECT COUNT(*) FROM interactions WHERE notes = 'web benchmark'")"
