#!/usr/bin/env bash
# The main job from nothing: install what is missing, build Release, run the demo.
# Extra arguments go to `creditscore demo` (see `build/release/creditscore demo --help`).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target creditscore
exec build/release/creditscore demo "$@"
