#!/usr/bin/env bash
# Monotone constraints, measured (model/monotone_constraints.h): on generated clients, the same
# training with --no-monotone and --monotone, then the out-of-fold ROC AUC and cost per client of
# each, the constraints chosen, and whether the constraints pass the rule (AUC down by at most
# 0.002).
#   bench/monotone.sh [CLIENTS] [WORK_DIR]   (defaults: 100000, build/bench-data/monotone)
set -euo pipefail
cd "$(dirname "$0")/.."
clients=${1:-100000}
work=${2:-build/bench-data/monotone}
cmake --preset release >/dev/null
cmake --build --preset release --target creditscore >/dev/null
bin=$PWD/build/release/creditscore
mkdir -p "$work"
if [[ ! -f "$work/data-$clients/application_train.csv" ]]; then
  "$bin" generate --clients "$clients" --seed 5 --out "$work/data-$clients" >/dev/null
fi
for choice in no-monotone monotone; do
  rm -rf "$work/models-$choice"
  echo "training with --$choice on $clients clients..." >&2
  "$bin" train --data "$work/data-$clients" --models "$work/models-$choice" --folds 5 \
    "--$choice" >/dev/null
done
python3 - "$work" <<'PY'
import glob, json, sys
work = sys.argv[1]
def bundle(choice):
    return json.load(open(glob.glob(f"{work}/models-{choice}/2*/bundle.json")[0]))
free, constrained = bundle("no-monotone"), bundle("monotone")
print(f"{'training':<14}{'OOF ROC AUC':>12}{'cost/client':>13}{'rounds':>8}")
for name, b in (("free", free), ("monotone", constrained)):
    e = b["evaluation"]
    print(f"{name:<14}{e['roc_auc']:>12.4f}{e['cost_at_threshold']:>13.4f}{b['training']['rounds']:>8}")
loss = free["evaluation"]["roc_auc"] - constrained["evaluation"]["roc_auc"]
print(f"\nAUC lost to the constraints: {loss:.4f} -> "
      f"{'within 0.002: make them the default' if loss <= 0.002 else 'over 0.002: keep them off'}")
print("constraints:", ", ".join(f"{c['feature']} {c['constraint']:+d} (rho {c['spearman']:+.3f})"
                                 for c in constrained["training"]["monotone"]))
PY
