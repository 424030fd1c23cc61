#!/usr/bin/env bash
# Every test: the Swift suites (storage tests also on PostgreSQL when DATABASE_URL is set), the
# browser tests in headless Chromium (Tests/browser/run.sh; needs PY, or ../shared/scripts/browser-up)
# and Schemathesis against the JSON API (Tests/api/run.sh; installs its pinned version from PyPI).
set -euo pipefail
cd "$(dirname "$0")/.."
swift test
bash Tests/browser/run.sh
bash Tests/api/run.sh
