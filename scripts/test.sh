#!/usr/bin/env bash
# Every test from nothing: install what is missing, build with AddressSanitizer and
# UndefinedBehaviorSanitizer, run the whole suite, each fuzz target for a few seconds on its
# corpus (libFuzzer), the dashboard's unit tests (node's test runner), then the dashboard end to
# end in chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cmake --preset test >/dev/null
cmake --build --preset test
ctest --preset test
CREDITSCORE=build/test/creditscore bash bench/fuzz.sh 2
npm test --prefix web --silent
bash web/scripts/e2e.sh build/test/creditscore
