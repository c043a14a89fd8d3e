#!/usr/bin/env bash
# The HTTP server under the API, against its peer: our listener (RESTinio, one thread per core)
# and cpp-httplib (a thread per kept-alive connection), each answering a /predict-sized body
# after 0 and 100 µs of work, under wrk at 1, 16 and 64 connections; then the ratios.
#   bench/http_peers.sh [SECONDS]   (default 8)
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-8}
cmake --preset release >/dev/null
cmake --build --preset release --target http_peers >/dev/null
bin=$PWD/build/release/http_peers
port=18766  # the next one for each server: the last one's closing sockets may still hold it
server=""
trap '[[ -n "$server" ]] && kill $server 2>/dev/null || true' EXIT
source bench/wrk_figures.sh

declare -A rps p99
printf '%-10s %8s %6s %12s %10s %10s\n' server "work µs" conns requests/s "p50 ms" "p99 ms"
for micros in 0 100; do
  for peer in listener httplib; do
    port=$((port + 1))
    "$bin" "$peer" "$port" "$micros" &
    server=$!
    until curl -sf "http://127.0.0.1:$port/" >/dev/null; do
      kill -0 "$server" 2>/dev/null || { echo "http_peers $peer did not start" >&2; exit 1; }
      sleep 0.02
    done
    for connections in 1 16 64; do
      out=$(wrk -t "$((connections < 2 ? 1 : 2))" -c "$connections" -d "${seconds}s" --latency \
        "http://127.0.0.1:$port/")
      key=$peer-$micros-$connections
      rps[$key]=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
      p99[$key]=$(wrk_latency_ms "$out" 99)
      printf '%-10s %8d %6d %12.0f %10s %10s\n' "$peer" "$micros" "$connections" "${rps[$key]}" \
        "$(wrk_latency_ms "$out" 50)" "${p99[$key]}"
    done
    kill "$server" && wait "$server" 2>/dev/null || true
    server=""
  done
done

printf '\n%-8s %6s %22s %22s\n' "work µs" conns "requests/s ratio" "p99 ratio (httplib/ours)"
for micros in 0 100; do
  for connections in 1 16 64; do
    l=listener-$micros-$connections h=httplib-$micros-$connections
    awk -v m="$micros" -v c="$connections" -v lr="${rps[$l]}" -v hr="${rps[$h]}" \
      -v lp="${p99[$l]}" -v hp="${p99[$h]}" \
      'BEGIN {printf "%-8d %6d %21.2fx %21.1fx\n", m, c, lr / hr, hp / lp}'
  done
done
