#!/usr/bin/env bash
# Kaggle-scale figures of the data pipeline, on the generated set of 356,255 clients:
#   1. generation time and peak memory,
#   2. building every client's features (reading included) and its peak memory.
# Targets (issue "Features"): features <= 60 s and <= 6 GB on a 2-core machine.
#   bench/kaggle_scale.sh [DATA_DIR]      (default build/bench-data/kaggle, regenerated)
set -euo pipefail
cd "$(dirname "$0")/.."

data=${1:-build/bench-data/kaggle}
cmake --preset release >/dev/null
cmake --build --preset release --target creditscore >/dev/null
bin=build/release/creditscore
source bench/measure.sh

printf "%-34s %10s %10s\n" "356,255 clients" "seconds" "peak MB"
measure "creditscore generate" "$bin" generate --clients 356255 --seed 1 --out "$data"
du -sh "$data" | awk '{print "data set size: " $1}'
measure "creditscore features (all clients)" "$bin" features --data "$data" --out "$data/../features.bin"
rm -f "$data/../features.bin"
