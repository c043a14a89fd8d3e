# Sourced by the benchmarks: measure LABEL COMMAND... runs the command, its output discarded, and
# prints a row of the label, wall seconds and peak resident megabytes (GNU time).
measure() {
  local label=$1 log
  shift
  log=$(mktemp)
  /usr/bin/time -v "$@" > /dev/null 2> "$log"
  awk -v label="$label" '
    /Elapsed \(wall clock\)/ { n = split($NF, t, ":"); s = (n == 3) ? t[1] * 3600 + t[2] * 60 + t[3] : t[1] * 60 + t[2] }
    /Maximum resident set size/ { kb = $NF }
    END { printf "%-34s %10.1f %10.0f\n", label, s, kb / 1024 }' "$log"
  rm -f "$log"
}
