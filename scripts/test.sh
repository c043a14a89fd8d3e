#!/usr/bin/env bash
# Every test from nothing: install what is missing, build with AddressSanitizer and
# UndefinedBehaviorSanitizer, run the whole suite, the dashboard's unit tests (node's test
# runner), then the dashboard end to end in chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cmake --preset test >/dev/null
cmake --build --preset test
ctest --preset test
npm test --prefix web --silent
bash web/scripts/e2e.sh build/test/creditscore
