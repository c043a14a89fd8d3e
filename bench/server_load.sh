#!/usr/bin/env bash
# Load on the API server with wrk: requests/s and p50/p99 latency of GET /predict (score and
# exact SHAP values of ~750 features), computed on every request and then from the explanation
# cache, and of GET /api/v1/clients/{id}/score (score alone), at 1, 16 and 64 connections, on a
# model of about 800 trees (depth 6). Also the server's cold start: from launch to /readyz. Every
# request carries a bearer token (a machine's, role system) and every answer about a client waits
# for its audit record to be committed, as in production.
# With BASELINE=path/to/an/older/creditscore, the same loads run against it too, on the same data and
# store, and a last table gives this build's requests/s over the baseline's (an older build that
# takes no credentials ignores the token).
#   bench/server_load.sh [WORK_DIR] [CLIENTS] [SECONDS]   (defaults: build/bench-data/server, 20000, 10)
#   BASELINE=/tmp/before/build/release/creditscore bench/server_load.sh
set -euo pipefail
cd "$(dirname "$0")/.."

work=${1:-build/bench-data/server}
clients=${2:-20000}
seconds=${3:-10}
baseline=${BASELINE:-}
[[ -z "$baseline" || -x "$baseline" ]] || { echo "bench/server_load.sh: BASELINE=$baseline is not an executable" >&2; exit 2; }
cmake --preset release >/dev/null
cmake --build --preset release --target creditscore >/dev/null
bin=$PWD/build/release/creditscore
source bench/server_data.sh
bench_server_data "$bin" "$work" "$clients"

source bench/access_token.sh
token=$(access_token "$bin" "$work/clients.sqlite" system)
advisor=$(access_token "$bin" "$work/clients.sqlite" advisor)
port=18765
server=""
trap '[[ -n "$server" ]] && kill $server 2>/dev/null || true' EXIT
cold=""
serve() {  # cache size, program: starts the server, waits until it is ready, sets $cold (seconds)
  local start ready
  start=$(date +%s.%N)
  "$2" serve --store "$work/clients.sqlite" --models "$work/models" --port "$port" \
    --explanation-cache "$1" >"$work/serve.log" 2>&1 &
  server=$!
  until curl -sf "http://127.0.0.1:$port/readyz" >/dev/null; do sleep 0.02; done
  ready=$(date +%s.%N)
  cold=$(awk -v a="$start" -v b="$ready" 'BEGIN {printf "%.2f", b - a}')
}
stop() { kill "$server" && wait "$server" 2>/dev/null || true; server=""; }
source bench/wrk_figures.sh
declare -A rps_of  # "program|label|connections" -> requests/s
load() {  # program name, label, path template: one wrk run per connection count
  local name=$1 label=$2 route=$3 connections threads out rps p50 p99 errors
  for connections in 1 16 64; do
    threads=$((connections < 2 ? 1 : 2))
    out=$(PATH_TEMPLATE="$route" IDS="$ids" TOKEN="$token" wrk -t "$threads" -c "$connections" -d "${seconds}s" \
      --latency -s bench/predict.lua "http://127.0.0.1:$port")
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(wrk_latency_ms "$out" 50)
    p99=$(wrk_latency_ms "$out" 99)
    errors=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out")
    rps_of["$name|$label|$connections"]=$rps
    printf '%-9s %-44s %6d %12.0f %10s %10s %s\n' "$name" "$label" "$connections" "$rps" "$p50" "$p99" "$errors"
  done
}

uncached="/predict, SHAP computed on every request"
score="/api/v1/clients/{id}/score"
cached="/predict, SHAP from the explanation cache"
# First with every explanation computed on its request (no cache): the cost of a client's first
# explanation under a model. Then as served by default, with the explanation cache.
measure() {  # program name, program
  serve 0 "$2"
  load "$1" "$uncached" "/predict?numeroClient=%d"
  load "$1" "$score" "/api/v1/clients/%d/score"
  stop
  serve 20000 "$2"
  load "$1" "$cached" "/predict?numeroClient=%d"
  stop
}
serve 0 "$bin"
trees=$(curl -s -H "Authorization: Bearer $advisor" "http://127.0.0.1:$port/api/v1/model" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["training"]["rounds"])')
ids=$(curl -s -H "Authorization: Bearer $advisor" "http://127.0.0.1:$port/api/v1/clients?limit=200" |
  python3 -c 'import json,sys; print(",".join(str(c["id"]) for c in json.load(sys.stdin)["clients"]))')
printf '\n%s trees, %s\n' "$trees" "$(head -n 1 "$work/serve.log")"
printf 'cold start (launch to /readyz): %s s\n\n' "$cold"
stop
printf '%-9s %-44s %6s %12s %10s %10s\n' server "route (200 clients in turn)" "conns" "requests/s" "p50 ms" "p99 ms"
measure this "$bin"
[[ -n "$baseline" ]] || exit 0
measure baseline "$baseline"
printf '\n%-44s %6s %10s %10s %7s\n' "route" conns this baseline ratio
for label in "$uncached" "$score" "$cached"; do
  for connections in 1 16 64; do
    printf '%-44s %6d %10.0f %10.0f %7s\n' "$label" "$connections" "${rps_of[this|$label|$connections]}" \
      "${rps_of[baseline|$label|$connections]}" \
      "$(awk -v a="${rps_of[this|$label|$connections]}" -v b="${rps_of[baseline|$label|$connections]}" 'BEGIN {printf "%.2f", a / b}')"
  done
done
