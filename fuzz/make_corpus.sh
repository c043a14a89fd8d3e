#!/usr/bin/env bash
# Seeds every fuzz target from real cases, into OUT/<target>/:
#   CSV targets       rows of a generated data set, in slices with their header, and the real
#                     files' header lines and sample (../shared/data)
#   posted_application  generated clients as the API takes them, with and without history
#   model_bundle      a small model trained on the generated data: bundle.json (cut) and model.json
#   feature_matrix    a feature matrix of four generated clients, whole and cut
#   http_request      fuzz/seeds/http_request (hand-written requests)
#   audit_journal     fuzz/seeds/audit_journal (hand-written journals a crashed server may leave)
# Usage: fuzz/make_corpus.sh CREDITSCORE_BINARY OUT
set -euo pipefail
binary=$(realpath "$1")
out=$2
source_dir=$(cd "$(dirname "$0")/.." && pwd)
shared="$source_dir/../shared/data"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$binary" generate --clients 300 --seed 5 --out "$work/data" >/dev/null
"$binary" train --data "$work/data" --models "$work/models" --folds 2 --max-rounds 8 \
  --early-stopping 4 --max-depth 3 >/dev/null
# A matrix of four clients: whole files stay small, so that the fuzzer runs fast.
"$binary" generate --clients 4 --seed 5 --out "$work/four" >/dev/null
"$binary" features --data "$work/four" --out "$work/features.bin" >/dev/null

tables=(application_train application_test bureau bureau_balance previous_application
        POS_CASH_balance installments_payments credit_card_balance)
for table in "${tables[@]}"; do
  dir="$out/csv_$table"
  mkdir -p "$dir"
  file="$work/data/$table.csv"
  header=$(head -n 1 "$file")
  # Slices of 1, 3 and 10 rows, each under its header.
  for rows in 1 3 10; do
    { echo "$header"; sed -n "2,$((rows + 1))p" "$file"; } > "$dir/generated_$rows"
  done
  cp "$shared/kaggle_headers/$table.csv" "$dir/kaggle_header"
done
for rows in 1 5; do
  sample="$shared/real_sample/application_train_sample.csv"
  { head -n 1 "$sample"; sed -n "2,$((rows + 1))p" "$sample"; } > "$out/csv_application_train/real_$rows"
done

mkdir -p "$out/posted_application"
n=0
python3 "$source_dir/scripts/application_bodies.py" "$work/data" 6 | while read -r body; do
  echo "$body" > "$out/posted_application/client_$n.json"
  n=$((n + 1))
done

mkdir -p "$out/model_bundle" "$out/feature_matrix" "$out/http_request" "$out/audit_journal"
bundle=$(find "$work/models" -name bundle.json -printf '%h\n' | head -n 1)
# The bundle cut to its first 8 feature names, a few points of each curve, one fairness
# attribute of two groups and two monotone checks: a whole one is 64 KB (685 names, curves of
# hundreds of points), parsed twice a run, and so ten times slower to fuzz for no more code
# reached.
python3 - "$bundle/bundle.json" > "$work/bundle.json" <<'PYTHON'
import json, sys
bundle = json.load(open(sys.argv[1]))
bundle["feature_names"] = bundle["feature_names"][:8]
for evaluation in filter(None, (bundle["evaluation"], bundle["oracle"])):
    for curve in ("roc_curve", "cost_curve", "calibration_curve"):
        points = evaluation[curve]["points"]
        evaluation[curve]["points"] = points[::max(1, len(points) // 4)]
if bundle.get("fairness"):
    attributes = bundle["fairness"]["attributes"] = bundle["fairness"]["attributes"][:1]
    for attribute in attributes:
        attribute["groups"] = attribute["groups"][:2]
bundle["training"]["monotone"] = bundle["training"]["monotone"][:2]
json.dump(bundle, sys.stdout, separators=(",", ":"))
PYTHON
{ cat "$work/bundle.json"; printf '\n--8<--\n'; cat "$bundle/model.json"; } \
  > "$out/model_bundle/trained"
cp "$work/features.bin" "$out/feature_matrix/whole"
head -c 2000 "$work/features.bin" > "$out/feature_matrix/cut"
cp "$source_dir"/fuzz/seeds/http_request/* "$out/http_request/"
cp "$source_dir"/fuzz/seeds/audit_journal/* "$out/audit_journal/"
