#!/usr/bin/env bash
# Browser tests: builds a small demo company, serves it on 127.0.0.1, and drives it with headless
# Chromium (Selenium + axe-core). Needs the debug build (`swift build`) and a Python with Selenium and
# axe-selenium-python: PY=/path/to/python, or ../shared/scripts/browser-up installs both.
#   bash Tests/browser/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
py=${PY:-}
if [ -z "$py" ]; then
  if [ -f ../shared/scripts/browser-up ]; then py=$(bash ../shared/scripts/browser-up); else
    echo "browser tests: set PY to a Python with selenium and axe-selenium-python" >&2; exit 1; fi
fi
bin=$(swift build --show-bin-path)/rapport
work=$(mktemp -d)
port=${RAPPORT_BROWSER_PORT:-8181}
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

echo "browser tests: building a 400-account demo company" >&2
"$bin" demo --accounts 400 --no-serve --db "$work/demo.sqlite" > "$work/demo.out" 2> "$work/demo.err" ||
  { cat "$work/demo.err" >&2; exit 1; }
password=$(tail -n 1 "$work/demo.out")
specialist=$(grep -o '[A-Za-z0-9_.@-]* (specialist)' "$work/demo.out" | head -n 1 | cut -d' ' -f1)
manager=$(grep -o '[A-Za-z0-9_.@-]* (manager)' "$work/demo.out" | head -n 1 | cut -d' ' -f1)
RAPPORT_PORT=$port "$bin" serve --db "$work/demo.sqlite" --port "$port" > "$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fsS "http://127.0.0.1:$port/health" >/dev/null || { cat "$work/serve.log" >&2; exit 1; }
echo "browser tests: serving on 127.0.0.1:$port; specialist $specialist, manager $manager" >&2
RAPPORT_URL="http://127.0.0.1:$port" RAPPORT_PASSWORD="$password" RAPPORT_SPECIALIST="$specialist" RAPPORT_MANAGER="$manager" \
  RAPPORT_SCREENSHOTS="$(pwd)/.build/screenshots" "$py" Tests/browser/test_web.py || { echo "--- server log" >&2; tail -n 50 "$work/serve.log" >&2; exit 1; }
