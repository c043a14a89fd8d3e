#!/usr/bin/env bash
# What one replica costs at Kaggle's scale, for docs/scaling.md: on the generated set of 356,255
# clients, the store built (SQLite), migrated into PostgreSQL, and a server started on each: time
# from launch to /readyz and resident memory once ready, then both per million clients
# (extrapolated linearly: the clients' vectors dominate, the model is a constant); then what grows
# with the clients on each request: similar clients (a scan of every client) and a feature's
# distribution by outcome (a pass over every client), median of 10 requests.
#   bench/replica_scale.sh [DIR]   (default build/bench-data/kaggle-replica; made when missing)
set -euo pipefail
cd "$(dirname "$0")/.."

work=${1:-build/bench-data/kaggle-replica}
clients=356255
cmake --preset release >/dev/null
cmake --build --preset release --target creditscore >/dev/null
bin=$PWD/build/release/creditscore
source bench/measure.sh
mkdir -p "$work"

printf "%-34s %10s %10s\n" "$clients clients" "seconds" "peak MB"
if [[ ! -f $work/data/application_train.csv ]]; then
  measure "creditscore generate" "$bin" generate --clients "$clients" --seed 1 --out "$work/data"
fi
if [[ ! -f $work/models/registry.sqlite ]]; then
  # A model of the usual size is not the point here: 2 folds, at most 200 rounds.
  measure "creditscore train (2 folds)" "$bin" train --data "$work/data" --models "$work/models" \
    --folds 2 --max-rounds 200
fi
if [[ ! -f $work/clients.sqlite ]]; then
  measure "creditscore store build" "$bin" store build --data "$work/data" --models "$work/models" \
    --out "$work/clients.sqlite"
fi
server=""
trap '[[ -n $server ]] && kill "$server" 2>/dev/null; bash scripts/postgresql-cluster.sh stop "$work/postgresql" >/dev/null' EXIT
base=$(bash scripts/postgresql-cluster.sh start "$work/postgresql")
psql -q "$base" -c "CREATE DATABASE creditscore"
database=${base%/*}/creditscore
measure "creditscore store migrate" "$bin" store migrate --from "$work/clients.sqlite" \
  --models "$work/models" --to "$database"

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
ready() {  # label, serve's store options: cold start and memory once ready
  local start end rss
  start=$(date +%s.%N)
  "$bin" serve "${@:2}" --port "$port" >"$work/serve.log" 2>&1 &
  server=$!
  until curl -sf "http://127.0.0.1:$port/readyz" >/dev/null; do sleep 0.05; done
  end=$(date +%s.%N)
  rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$server/status")
  kill "$server" && wait "$server" 2>/dev/null || true
  server=""
  awk -v label="$1" -v a="$start" -v b="$end" -v rss="$rss" -v n="$clients" 'BEGIN {
    printf "%-12s %14.2f %12d %18.2f %16.0f\n", label, b - a, rss, (b - a) * 1e6 / n, rss * 1e6 / n }'
}
echo
printf "%-12s %14s %12s %18s %16s\n" database "cold start s" "resident MB" "s per million" "MB per million"
for run in 1 2; do
  ready SQLite --store "$work/clients.sqlite" --models "$work/models"
  ready PostgreSQL --database "$database" --models "$work/models"
done
echo "(each twice, the page cache warm the second time)"

source bench/access_token.sh
token=$(access_token "$bin" "$work/clients.sqlite" advisor)
"$bin" serve --store "$work/clients.sqlite" --models "$work/models" --port "$port" >"$work/serve.log" 2>&1 &
server=$!
until curl -sf "http://127.0.0.1:$port/readyz" >/dev/null; do sleep 0.05; done
ask() {  # path: median seconds of 10 requests
  for _ in $(seq 10); do
    curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $token" "http://127.0.0.1:$port$1"
  done | sort -n | sed -n 5p
}
id=$(curl -s -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/clients?limit=1" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["clients"][0]["id"])')
feature=$(curl -s -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/features" |
  python3 -c 'import json,sys; print(min(json.load(sys.stdin)["features"], key=lambda f: f["importance_rank"])["feature"])')
echo
printf "%-48s %10s\n" "on $clients clients (SQLite store)" "median s"
printf "%-48s %10s\n" "GET /api/v1/clients/{id}/similar" "$(ask "/api/v1/clients/$id/similar")"
printf "%-48s %10s\n" "GET /api/v1/features/{name}/distribution" "$(ask "/api/v1/features/$feature/distribution")"
kill "$server" && wait "$server" 2>/dev/null || true
