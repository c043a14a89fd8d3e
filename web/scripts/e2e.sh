#!/usr/bin/env bash
# The dashboard end to end: builds it, makes a small data set, model and client store with the
# program given as $1, serves them on a free port, and drives Debian's chromium through the
# advisor's path (tests/e2e.mjs). Screenshots land in web/test-results/.
#   web/scripts/e2e.sh path/to/creditscore [node --test options, e.g. --test-name-pattern=analyst]
set -euo pipefail
bin=$(realpath "$1")
cd "$(dirname "$0")/.."
# A sanitized build: what libraries keep on purpose until exit (fontconfig) is no leak of ours.
export LSAN_OPTIONS="suppressions=$PWD/../tests/leak_suppressions.txt:print_suppressions=0"

npm run build --silent
work=$(mktemp -d)
server=""
cleanup() {
  [[ -n "$server" ]] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

"$bin" generate --clients 1500 --seed 3 --out "$work/data" >/dev/null 2>&1
"$bin" train --data "$work/data" --models "$work/models" --folds 2 --max-rounds 30 \
  --early-stopping 10 >/dev/null 2>&1
"$bin" store build --data "$work/data" --models "$work/models" --out "$work/clients.sqlite" \
  >/dev/null 2>&1
# The outcomes of the new applications, as if they had come in: the monitor's quality.
awk -F, 'BEGIN { print "SK_ID_CURR,TARGET" } $2 == "test" { print $1 "," $4 }' \
  "$work/data/oracle.csv" >"$work/outcomes.csv"
"$bin" outcomes load "$work/outcomes.csv" --store "$work/clients.sqlite" >/dev/null
# An advisor and an analyst to log in as, and a machine's token for the test's own look at the data.
password=$(head -c 18 /dev/urandom | base64)
for role in advisor analyst; do
  printf '%s\n' "$password" |
    "$bin" users add "e2e-$role" --role "$role" --store "$work/clients.sqlite" >/dev/null
done
token=$("$bin" tokens create e2e --role advisor --store "$work/clients.sqlite" | tail -n 1)
"$bin" serve --port 0 --store "$work/clients.sqlite" --models "$work/models" --web dist \
  >"$work/serve.log" 2>&1 &
server=$!
url=""
for _ in $(seq 1 300); do
  url=$(grep -o 'http://127.0.0.1:[0-9]*/' "$work/serve.log" | head -n 1 || true)
  [[ -n "$url" ]] && break
  sleep 0.1
done
[[ -n "$url" ]] || { cat "$work/serve.log"; exit 1; }
E2E_URL="$url" E2E_USER=e2e-advisor E2E_ANALYST=e2e-analyst E2E_PASSWORD="$password" \
  E2E_TOKEN="$token" \
  node --test "${@:2}" tests/e2e.mjs
