#!/usr/bin/env bash
# The server's cold start on a large client store: from launch to /readyz answering (model
# loaded, every client's feature vector in memory, probabilities checked), three times, with the
# peak memory. Target (issue "API server"): <= 3 s with the 356,255 clients of Kaggle's scale.
#   bench/cold_start.sh STORE MODELS     (e.g. build/bench-data/kaggle-clients.sqlite and
#                                         build/bench-data/kaggle-models, made by
#                                         creditscore train and store build on the generated set)
set -euo pipefail
cd "$(dirname "$0")/.."
store=${1:?the client store (creditscore store build)}
models=${2:?the models directory (creditscore train)}
cmake --preset release >/dev/null
cmake --build --preset release --target creditscore >/dev/null
bin=build/release/creditscore
port=18766
log=$(mktemp)
trap 'rm -f "$log"' EXIT

printf '%-6s %14s %10s\n' "run" "cold start s" "peak MB"
for run in 1 2 3; do
  start=$(date +%s.%N)
  /usr/bin/time -v "$bin" serve --store "$store" --models "$models" --port "$port" \
    >/dev/null 2>"$log" &
  server=$!
  until curl -sf "http://127.0.0.1:$port/readyz" >/dev/null; do sleep 0.02; done
  ready=$(date +%s.%N)
  clients=$(curl -s "http://127.0.0.1:$port/readyz" | python3 -c 'import json,sys; print(json.load(sys.stdin)["clients"])')
  kill -TERM "$(pgrep -P "$server" creditscore)"
  wait "$server" || true
  peak=$(awk '/Maximum resident set size/ {print int($NF / 1024)}' "$log")
  awk -v r="$run" -v a="$start" -v b="$ready" -v p="$peak" 'BEGIN {printf "%-6s %14.2f %10s\n", r, b - a, p}'
done
echo "clients in the store: $clients"
