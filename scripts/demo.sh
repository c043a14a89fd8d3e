#!/usr/bin/env bash
# The main job from nothing: install what is missing, build Release and the dashboard, run the
# demo: data, model, client store, then the server and the dashboard until Ctrl-C.
# Extra arguments go to `creditscore demo` (see `build/release/creditscore demo --help`).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target creditscore
npm run --prefix web build --if-present
exec build/release/creditscore demo "$@"
