#!/usr/bin/env bash
# Soak: mixed traffic at 64 connections for MINUTES (default 10): /predict, client pages,
# what-ifs and posted applications (bench/soak.lua), with a promotion between two runs every
# minute. Prints, minute by minute, the server's resident memory, the clients it holds,
# requests/s, p99 and errors. Then the growth of resident memory once warm (from minute 3: both
# models' explanation caches filled), beside what the clients the traffic added must take (their
# feature vectors, held in memory by design), and the growth beyond them (target: under 5 %); and
# the errors in all (target: 0).
#   bench/soak.sh [MINUTES] [WORK_DIR]   (defaults: 10, build/bench-data/soak)
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-10}
work=${2:-build/bench-data/soak}
[[ "$minutes" =~ ^[1-9][0-9]*$ ]] || { echo "bench/soak.sh: MINUTES must be a whole number of 1 or more, not '$minutes'" >&2; exit 2; }
cmake --preset release >/dev/null
cmake --build --preset release --target creditscore >/dev/null
bin=$PWD/build/release/creditscore
mkdir -p "$work"

if [[ ! -f "$work/clients.sqlite" ]]; then
  "$bin" generate --clients 20000 --seed 3 --out "$work/data" >/dev/null
  for seed in 1 2; do  # two runs to promote in turn
    "$bin" train --data "$work/data" --models "$work/models" --folds 2 --max-rounds 300 \
      --seed "$seed" >/dev/null
  done
  "$bin" store build --data "$work/data" --models "$work/models" --out "$work/clients.sqlite.ready" >/dev/null
  mv "$work/clients.sqlite.ready" "$work/clients.sqlite"
fi
# Each soak starts from the same store: the applications a run posts are its own.
cp "$work/clients.sqlite" "$work/soak.sqlite"
source bench/access_token.sh
token=$(access_token "$bin" "$work/soak.sqlite" advisor)
mapfile -t runs < <(find "$work/models" -mindepth 2 -maxdepth 2 -name bundle.json -printf '%h\n' |
  xargs -n 1 basename | sort)
((${#runs[@]} >= 2)) || { echo "bench/soak.sh: expected two runs in $work/models" >&2; exit 1; }

port=18766
"$bin" serve --store "$work/soak.sqlite" --models "$work/models" --port "$port" \
  --reload-seconds 1 >"$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$port/readyz" >/dev/null; do sleep 0.1; done

ids=$(awk -F, 'NR > 1 && NR <= 501 {printf "%s,", $1}' "$work/data/application_test.csv")
application=$(python3 scripts/application_bodies.py "$work/data" 1)
source bench/wrk_figures.sh

api() { curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port$1"; }
clients_now() { api "/api/v1/clients?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])'; }
vector_bytes=$(($(api /api/v1/features | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["features"]))') * 4))
warm=$((minutes < 3 ? minutes : 3))

printf '%-7s %10s %9s %12s %10s %8s %s\n' minute rss_mb clients requests/s p99_ms errors model
warm_rss="" warm_clients="" rss="" clients="" total_errors=0
for ((minute = 1; minute <= minutes; minute++)); do
  out=$(IDS="$ids" APPLICATION="$application" TOKEN="$token" wrk -t 2 -c 64 -d 60s --latency -s bench/soak.lua \
    "http://127.0.0.1:$port")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p99=$(wrk_latency_ms "$out" 99)
  errors=$(awk '/Non-2xx or 3xx responses/ {e += $NF} /Socket errors/ {gsub(/[^0-9 ]/, " "); for (i = 1; i <= NF; i++) e += $i} END {print e + 0}' <<<"$out")
  total_errors=$((total_errors + errors))
  rss=$(($(ps -o rss= -p "$server") / 1024))
  clients=$(clients_now)
  if ((minute == warm)); then warm_rss=$rss warm_clients=$clients; fi
  model=$(api /api/v1/model | python3 -c 'import json,sys; print(json.load(sys.stdin)["run_id"])')
  printf '%-7s %10s %9s %12.0f %10s %8s %s\n' "$minute" "$rss" "$clients" "$rps" "$p99" "$errors" "$model"
  "$bin" promote "${runs[minute % 2]}" --models "$work/models" >/dev/null
done
awk -v a="$warm_rss" -v b="$rss" -v added="$((clients - warm_clients))" -v bytes="$vector_bytes" -v warm="$warm" 'BEGIN {
  vectors = added * bytes / 1048576
  printf "\nresident memory at minute %d: %d MB, at the end: %d MB (%+.1f %%)\n", warm, a, b, (b - a) * 100 / a
  printf "clients added since: %d, whose feature vectors take %.1f MB\n", added, vectors
  printf "growth beyond them: %+.1f %% (target < 5 %%)\n", (b - a - vectors) * 100 / a
}'
echo "errors in all: ${total_errors} (target 0)"
