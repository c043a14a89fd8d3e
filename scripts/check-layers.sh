#!/usr/bin/env bash
# Data flows one way: each folder of src/ includes only itself and the folders to its left in
#   common, tables, synth, features, model, explain, store, app, server, cli
# (synth is a side branch: it writes the CSV files and needs only tables; features, model and
# everything after it never include synth, but app runs the generator's oracle and cli runs all).
# Prints every include that goes the wrong way and fails on the first folder that has one.
set -euo pipefail
cd "$(dirname "$0")/../src"

declare -A allowed=(
  [common]="common"
  [tables]="common tables"
  [synth]="common tables synth"
  [features]="common tables features"
  [model]="common tables features model"
  [explain]="common tables features model explain"
  [store]="common tables features model explain store"
  [app]="common tables synth features model explain store app"
  [server]="common tables features model explain store app server"
  [cli]="common tables synth features model explain store app server cli"
)

status=0
for folder in "${!allowed[@]}"; do
  [[ -d $folder ]] || continue
  while IFS= read -r line; do
    file=${line%%:*}
    used=$(sed -E 's/.*#include "([a-z_]+)\/.*/\1/' <<<"$line")
    if [[ " ${allowed[$folder]} " != *" $used "* ]]; then
      echo "src/$file includes $used/, which is not to the left of $folder/"
      status=1
    fi
  done < <(grep -rHE '^#include "[a-z_]+/' "$folder" || true)
done
[[ $status -eq 0 ]] && echo "every folder includes only those to its left"
exit $status
