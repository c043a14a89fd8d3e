#!/usr/bin/env bash
# Reading throughput of the typed CSV reader on a Kaggle-scale generated data set, beside the
# floor: `cat FILE > /dev/null` of the same files. Both run on a warm page cache, one after the
# other in the same run. Prints MB/s of each, their ratio, and the reader's peak memory.
#   bench/read_tables.sh [DATA_DIR] [CLIENTS]     (defaults: build/bench-data/kaggle, 356255)
set -euo pipefail
cd "$(dirname "$0")/.."

data=${1:-build/bench-data/kaggle}
clients=${2:-356255}
cmake --preset release >/dev/null
cmake --build --preset release --target creditscore >/dev/null
bin=build/release/creditscore

if [[ ! -f "$data/application_train.csv" ]]; then
  "$bin" generate --clients "$clients" --seed 1 --out "$data"
fi

files=("$data"/application_train.csv "$data"/application_test.csv "$data"/bureau.csv
       "$data"/bureau_balance.csv "$data"/previous_application.csv "$data"/POS_CASH_balance.csv
       "$data"/installments_payments.csv "$data"/credit_card_balance.csv)
bytes=$(cat "${files[@]}" | wc -c)   # also warms the page cache

now() { date +%s.%N; }
cat_start=$(now); cat "${files[@]}" > /dev/null; cat_end=$(now)

log=$(mktemp)
read_start=$(now)
/usr/bin/time -v "$bin" inspect --data "$data" 2> "$log" | tail -n 30
read_end=$(now)
peak_kb=$(grep "Maximum resident set size" "$log" | awk '{print $6}')
rm -f "$log"

awk -v b="$bytes" -v p="$peak_kb" -v cs="$cat_start" -v ce="$cat_end" -v rs="$read_start" \
    -v re="$read_end" 'BEGIN {
  mb = b / 1e6; c = ce - cs; r = re - rs
  printf "\n%-28s %10s %10s %10s\n", "reading " mb " MB", "seconds", "MB/s", "peak MB"
  printf "%-28s %10.2f %10.0f %10s\n", "cat > /dev/null (floor)", c, mb / c, "-"
  printf "%-28s %10.2f %10.0f %10.0f\n", "creditscore inspect", r, mb / r, p / 1024
  printf "reader / floor time ratio: %.1f x\n", r / c
}'
