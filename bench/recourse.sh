#!/usr/bin/env bash
# Recourse against a DiCE-random peer (bench/recourse_bench.cpp) on the 800-tree depth-6 model and
# store of bench/server_load.sh (made here first when missing), over 200 refused clients.
#   bench/recourse.sh [WORK_DIR] [CLIENTS] [SAMPLES]   (defaults: build/bench-data/server, 200, 1000)
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-build/bench-data/server}
clients=${2:-200}
samples=${3:-1000}
cmake --preset release >/dev/null
cmake --build --preset release --target creditscore recourse_bench >/dev/null
bin=$PWD/build/release/creditscore
source bench/server_data.sh
bench_server_data "$bin" "$work" 20000
bundle=$(ls -d "$work"/models/2*/ | tail -n 1)
build/release/recourse_bench "$bundle" "$work/clients.sqlite" "$clients" "$samples"
