# Figures from wrk's --latency output, for the benchmark scripts that source this file.
# wrk_latency_ms OUTPUT PERCENT: that latency percentile in milliseconds, e.g. 99 for p99.
wrk_latency_ms() {
  awk -v p="$2%" '$1 == p {v = $2
    if (v ~ /us$/) {sub(/us/, "", v); v /= 1000} else if (v ~ /ms$/) {sub(/ms/, "", v)}
    else if (v ~ /s$/) {sub(/s/, "", v); v *= 1000}
    printf "%.2f", v}' <<<"$1"
}
