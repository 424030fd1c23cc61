#!/usr/bin/env bash
# API fuzzing: builds a small demo company, serves it on 127.0.0.1, makes a manager's token and runs
# Schemathesis (pinned below, from PyPI) against /openapi.json: every operation, 50 examples each,
# the checks not_a_server_error, status_code_conformance, content_type_conformance and
# response_schema_conformance. Needs the debug build (`swift build`).
#   bash Tests/api/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
schemathesis_version=3.39.16
hypothesis_version=6.119.4
bin=$(swift build --show-bin-path)/rapport
work=$(mktemp -d)
port=${RAPPORT_API_PORT:-8182}
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

venv=${RAPPORT_SCHEMATHESIS_VENV:-.build/schemathesis-venv}
if [ ! -x "$venv/bin/schemathesis" ] || ! "$venv/bin/schemathesis" --version | grep -q "$schemathesis_version"; then
  echo "api tests: installing schemathesis $schemathesis_version" >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "schemathesis==$schemathesis_version" "hypothesis==$hypothesis_version"
fi

echo "api tests: building a 400-account demo company" >&2
"$bin" demo --accounts 400 --no-serve --db "$work/demo.sqlite" > "$work/demo.out" 2> "$work/demo.err" ||
  { cat "$work/demo.err" >&2; exit 1; }
manager=$(grep -o '[A-Za-z0-9_.@-]* (manager)' "$work/demo.out" | head -n 1 | cut -d' ' -f1)
token=$("$bin" token create "$manager" --name schemathesis --db "$work/demo.sqlite" 2>/dev/null)
"$bin" serve --db "$work/demo.sqlite" --port "$port" > "$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  sleep 0.2
done

echo "api tests: schemathesis against http://127.0.0.1:$port/openapi.json as $manager" >&2
status=0
SCHEMATHESIS_HOOKS=schemathesis_hooks PYTHONPATH=Tests/api "$venv/bin/schemathesis" run \
  "http://127.0.0.1:$port/openapi.json" --base-url "http://127.0.0.1:$port/api/v1" \
  -H "Authorization: Bearer $token" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
  --hypothesis-max-examples 50 --hypothesis-seed 1 --hypothesis-deadline None --request-timeout 30000 \
  --experimental=openapi-3.1 --no-color || status=$?
if [ "$status" -ne 0 ]; then
  echo "api tests: schemathesis found failures (server log follows)" >&2
  tail -n 50 "$work/serve.log" >&2
fi
exit "$status"
