#!/usr/bin/env bash
# Runs every libFuzzer target of fuzz/ in turn, SECONDS each (default 60), on its corpus, and
# prints a table: executions, executions per second, coverage (edges), corpus size, crashes.
# A crash's input is kept under build/fuzz/crashes/TARGET/; the script then exits 1.
#   bench/fuzz.sh [SECONDS] [MAX_RUNS]    (MAX_RUNS: stop a target after so many executions)
# The targets are built with the fuzz preset (clang, -fsanitize=fuzzer,address,undefined). The
# seeds are made by fuzz/make_corpus.sh with $CREDITSCORE (default: the release build's
# program, built when missing); the corpus grows under build/fuzz/corpus between runs.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
max_runs=${2:--1}
[[ "$seconds" =~ ^[0-9]+$ ]] || { echo "bench/fuzz.sh: SECONDS must be a whole number, not '$seconds'" >&2; exit 2; }
[[ "$max_runs" =~ ^-?[0-9]+$ ]] || { echo "bench/fuzz.sh: MAX_RUNS must be a whole number, not '$max_runs'" >&2; exit 2; }

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz >build/fuzz/build.log || { cat build/fuzz/build.log >&2; exit 1; }
program=${CREDITSCORE:-build/release/creditscore}
if [[ ! -x "$program" ]]; then
  cmake --preset release >/dev/null
  cmake --build --preset release --target creditscore >/dev/null
fi
if [[ ! -d build/fuzz/seeds ]]; then
  bash fuzz/make_corpus.sh "$program" build/fuzz/seeds.incomplete 2>/dev/null
  mv build/fuzz/seeds.incomplete build/fuzz/seeds
fi

targets=()
for binary in build/fuzz/fuzz_*; do targets+=("$(basename "$binary" | sed 's/^fuzz_//')"); done
printf '%-28s %12s %9s %7s %8s %8s\n' target executions exec/s edges corpus crashes
failed=0
for target in "${targets[@]}"; do
  corpus=build/fuzz/corpus/$target crashes=build/fuzz/crashes/$target
  mkdir -p "$corpus" "$crashes"
  log=build/fuzz/$target.log
  status=0
  "build/fuzz/fuzz_$target" -max_total_time="$seconds" -runs="$max_runs" -print_final_stats=1 \
    -rss_limit_mb=2048 -artifact_prefix="$crashes/" "$corpus" "build/fuzz/seeds/$target" \
    >"$log" 2>&1 </dev/null || status=$?
  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
  edges=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 | cut -d' ' -f2)
  # A slow-unit file is an input that once took over 10 s, kept for a look: not a failure.
  found=$(find "$crashes" -type f ! -name 'slow-unit-*' | wc -l)
  printf '%-28s %12s %9s %7s %8s %8s\n' "$target" "${executions:-?}" "${speed:-?}" "${edges:-?}" \
    "$(find "$corpus" -type f | wc -l)" "$found"
  if ((status != 0 || found > 0)); then
    failed=1
    echo "  $target failed (exit $status): see $log and $crashes/" >&2
  fi
done
exit "$failed"
