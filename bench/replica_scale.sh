#!/usr/bin/env bash
# What one replica costs at Kaggle's scale, for docs/scaling.md: on the generated set of 356,255
# clients, the store built (SQLite), migrated into PostgreSQL, and a server started on each: time
# from launch to /readyz and resident memory once ready, then both per million clients
# (extrapolated linearly: the clients' vectors dominate, the model is a constant).
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
trap 'bash scripts/postgresql-cluster.sh stop "$work/postgresql" >/dev/null' EXIT
base=$(bash scripts/postgresql-cluster.sh start "$work/postgresql")
psql -q "$base" -c "CREATE DATABASE creditscore"
database=${base%/*}/creditscore
measure "creditscore store migrate" "$bin" store migrate --from "$work/clients.sqlite" \
  --models "$work/models" --to "$database"

port=18767
ready() {  # label, serve's store options: cold start and memory once ready
  local start end pid rss
  start=$(date +%s.%N)
  "$bin" serve "${@:2}" --port "$port" >"$work/serve.log" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/readyz" >/dev/null; do sleep 0.05; done
  end=$(date +%s.%N)
  rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status")
  kill "$pid" && wait "$pid" 2>/dev/null || true
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
