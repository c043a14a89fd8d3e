#!/usr/bin/env bash
# The dashboard's weight on the wire: builds web/dist and prints each script and style sheet,
# uncompressed and gzipped, beside the target (issue "Make room before the next wave": the
# JavaScript at most 450 KB uncompressed; it was 635 KB, 214 KB gzipped, with ECharts).
#   bench/dashboard_size.sh
set -euo pipefail
cd "$(dirname "$0")/../web"
[[ -d node_modules ]] || npm ci --silent
npm run build --silent >/dev/null
target=$((450 * 1024))
printf '%-32s %10s %10s\n' "file" "KB" "gzip KB"
total=0
for file in dist/assets/*; do
  size=$(stat -c %s "$file")
  zipped=$(gzip -9c "$file" | wc -c)
  [[ $file == *.js ]] && total=$((total + size))
  awk -v f="${file#dist/}" -v s="$size" -v z="$zipped" 'BEGIN { printf "%-32s %10.1f %10.1f\n", f, s / 1024, z / 1024 }'
done
verdict=missed
((total <= target)) && verdict=met
awk -v t="$total" -v v="$verdict" 'BEGIN { printf "\nJavaScript: %.1f KB, target <= 450 KB: %s\n", t / 1024, v }'
