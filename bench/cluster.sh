#!/usr/bin/env bash
# Several servers on one PostgreSQL database behind nginx, all on this machine's loopback: a
# throwaway cluster (scripts/postgresql-cluster.sh), `creditscore serve --database` replicas and
# deploy/nginx.conf as shipped (TLS ended by nginx), with only its addresses, ports and
# certificate changed. It prints:
#   1. requests/s and p99 of GET /predict and GET /api/v1/clients/{id}/score through nginx with
#      one replica, then two (wrk, bearer token of role system);
#   2. the same load while a replica is killed (SIGKILL) midway and started again: failed
#      requests, whose target is 0; meanwhile applications are posted with Idempotency-Key and
#      retried until acknowledged: each acknowledged one must be in the database exactly once;
#   3. posted applications/s and decisions/s of one server on SQLite and on PostgreSQL.
#   bench/cluster.sh [WORK_DIR] [CLIENTS] [SECONDS]   (defaults: build/bench-data/server, 20000, 10)
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(realpath -m "${1:-build/bench-data/server}")
clients=${2:-20000}
seconds=${3:-10}
cmake --preset release >/dev/null
cmake --build --preset release --target creditscore >/dev/null
bin=$PWD/build/release/creditscore
source bench/server_data.sh
bench_server_data "$bin" "$work" "$clients"
source bench/wrk_figures.sh
source bench/access_token.sh
cluster=$work/cluster
rm -rf "$cluster" && mkdir -p "$cluster"

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [[ -f $cluster/nginx.pid ]] && nginx -p "$cluster" -c "$cluster/nginx.conf" -s stop 2>/dev/null || true
  bash scripts/postgresql-cluster.sh stop "$cluster/postgresql" || true
}
trap cleanup EXIT

echo "Starting PostgreSQL and copying the store there..."
base=$(bash scripts/postgresql-cluster.sh start "$cluster/postgresql")
psql -q "$base" -c "CREATE DATABASE creditscore"
database=${base%/*}/creditscore
"$bin" store migrate --from "$work/clients.sqlite" --models "$work/models" --to "$database" >/dev/null
token=$(access_token "$bin" "$database" system)
advisor=$(access_token "$bin" "$database" advisor)

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
declare -a replica_port replica_pid
start_replica() {  # number: starts it on its own models directory, waits until it is ready
  local n=$1
  mkdir -p "$cluster/models-$n"
  "$bin" serve --database "$database" --models "$cluster/models-$n" --port "${replica_port[$n]}" \
    --trusted-proxy 127.0.0.1 >>"$cluster/replica-$n.log" 2>&1 &
  replica_pid[$n]=$!
  pids+=("${replica_pid[$n]}")
  until curl -sf "http://127.0.0.1:${replica_port[$n]}/readyz" >/dev/null; do sleep 0.05; done
}
replica_port[1]=$(free_port)
replica_port[2]=$(free_port)
echo "Starting two replicas..."
start_replica 1
start_replica 2

tls_port=$(free_port)
plain_port=$(free_port)
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 \
  -addext subjectAltName=IP:127.0.0.1 -keyout "$cluster/key.pem" -out "$cluster/cert.pem" 2>/dev/null
render_site() {  # replicas (1 or 2): deploy/nginx.conf with this machine's addresses
  sed -e "s|127.0.0.1:8081|127.0.0.1:${replica_port[1]}|" \
    -e "s|127.0.0.1:8082|127.0.0.1:${replica_port[2]}|" \
    -e "s|listen 80;|listen 127.0.0.1:$plain_port;|" \
    -e "s|listen 443 ssl|listen 127.0.0.1:$tls_port ssl|" \
    -e "s|/etc/ssl/creditscore/fullchain.pem|$cluster/cert.pem|" \
    -e "s|/etc/ssl/creditscore/privkey.pem|$cluster/key.pem|" deploy/nginx.conf |
    if (($1 == 1)); then grep -v "127.0.0.1:${replica_port[2]}"; else cat; fi >"$cluster/site.conf"
}
render_site 1
{
  ((EUID == 0)) && echo "user root;"
  echo "pid $cluster/nginx.pid; error_log $cluster/error.log; worker_processes auto;"
  echo "events { worker_connections 4096; }"
  echo "http { access_log off; client_body_temp_path $cluster/body; proxy_temp_path $cluster/proxy;"
  echo "  fastcgi_temp_path $cluster/fastcgi; uwsgi_temp_path $cluster/uwsgi; scgi_temp_path $cluster/scgi;"
  echo "  include $cluster/site.conf; }"
} >"$cluster/nginx.conf"
nginx -p "$cluster" -c "$cluster/nginx.conf"
url=https://127.0.0.1:$tls_port
until curl -sf --cacert "$cluster/cert.pem" "$url/healthz" >/dev/null; do sleep 0.05; done

ids=$(curl -s --cacert "$cluster/cert.pem" -H "Authorization: Bearer $advisor" "$url/api/v1/clients?limit=200" |
  python3 -c 'import json,sys; print(",".join(str(c["id"]) for c in json.load(sys.stdin)["clients"]))')
load() {  # path template, connections, seconds: wrk's output
  PATH_TEMPLATE="$1" IDS="$ids" TOKEN="$token" wrk -t 2 -c "$2" -d "${3}s" --latency \
    -s bench/predict.lua "$url"
}
failed() {  # wrk's output: requests without a 2xx answer
  awk '/Non-2xx/ {n += $5} /Socket errors/ {gsub(",", ""); n += $4 + $6 + $8 + $10} END {print n + 0}' <<<"$1"
}

echo
echo "1. Through nginx (TLS), ${seconds} s per run, 2 cores shared by wrk, nginx and the replicas"
printf '%-10s %-32s %6s %12s %10s %8s\n' replicas route conns requests/s "p99 ms" failed
for replicas in 1 2; do
  render_site "$replicas"
  nginx -p "$cluster" -c "$cluster/nginx.conf" -s reload 2>/dev/null
  sleep 1
  for route in "/predict?numeroClient=%d" "/api/v1/clients/%d/score"; do
    for connections in 16 64; do
      out=$(load "$route" "$connections" "$seconds")
      printf '%-10s %-32s %6d %12.0f %10s %8s\n' "$replicas" "$(sed 's/%d/{id}/; s/?.*//' <<<"$route")" "$connections" \
        "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" "$(wrk_latency_ms "$out" 99)" "$(failed "$out")"
    done
  done
done

echo
echo "2. A replica killed (SIGKILL) after a third of a $((3 * seconds)) s run, started again after two thirds"
python3 scripts/application_bodies.py "$work/data" 20 >"$cluster/bodies.jsonl"
before=$(psql -tA "$database" -c "SELECT count(*) FROM clients")
load "/predict?numeroClient=%d" 64 $((3 * seconds)) >"$cluster/kill-load.txt" &
load_pid=$!
python3 bench/idempotent_posts.py "$url" "$cluster/cert.pem" "$advisor" "$cluster/bodies.jsonl" 100000 \
  >"$cluster/acknowledged.txt" 2>"$cluster/posts.log" &
posts_pid=$!
pids+=("$posts_pid")
sleep "$seconds"
kill -9 "${replica_pid[2]}"
sleep "$seconds"
start_replica 2
wait "$load_pid"
kill -TERM "$posts_pid" 2>/dev/null || true  # it stops once its application under way is acknowledged
wait "$posts_pid" 2>/dev/null || true
out=$(cat "$cluster/kill-load.txt")
after=$(psql -tA "$database" -c "SELECT count(*) FROM clients")
acknowledged=$(sort -u "$cluster/acknowledged.txt" | grep -c . || true)
stored=$(sort -u "$cluster/acknowledged.txt" | paste -sd, - |
  xargs -I{} psql -tA "$database" -c "SELECT count(*) FROM clients WHERE id IN ({})")
printf 'GET /predict, 64 connections: %.0f requests/s, p99 %s ms\n' \
  "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" "$(wrk_latency_ms "$out" 99)"
echo "failed requests: $(failed "$out")"
echo "applications acknowledged: $acknowledged (lines: $(grep -c . "$cluster/acknowledged.txt")); in the database: $stored; new clients: $((after - before)); $(tail -n 1 "$cluster/posts.log")"
if ((acknowledged == stored && after - before == acknowledged)); then
  echo "every acknowledged application is in the database exactly once"
else
  echo "MISMATCH: acknowledged applications and the database disagree"
fi

echo
echo "3. Writes on one server, $seconds s, 16 connections: SQLite and PostgreSQL"
body=$(head -n 1 "$cluster/bodies.jsonl")
decision='{"decision": "refused", "comment": "Benchmark: an advisor confirms or overrides the model."}'
pending=$(curl -s --cacert "$cluster/cert.pem" -H "Authorization: Bearer $advisor" "$url/api/v1/applications?status=pending&limit=200" |
  python3 -c 'import json,sys; print(",".join(str(a["id"]) for a in json.load(sys.stdin)["applications"]))')
printf '%-12s %-40s %12s %10s %8s\n' database route requests/s "p99 ms" failed
writes() {  # database label, serve's store options
  local port out
  port=$(free_port)
  "$bin" serve "${@:2}" --port "$port" >"$cluster/writes.log" 2>&1 &
  local pid=$!
  pids+=("$pid")
  until curl -sf "http://127.0.0.1:$port/readyz" >/dev/null; do sleep 0.05; done
  out=$(PATH_TEMPLATE="/api/v1/applications" BODY="$body" TOKEN="$advisor" wrk -t 2 -c 16 \
    -d "${seconds}s" --latency -s bench/post.lua "http://127.0.0.1:$port")
  printf '%-12s %-40s %12.0f %10s %8s\n' "$1" "POST /api/v1/applications" \
    "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" "$(wrk_latency_ms "$out" 99)" "$(failed "$out")"
  out=$(PATH_TEMPLATE="/api/v1/clients/%d/decision" IDS="$pending" BODY="$decision" TOKEN="$advisor" \
    wrk -t 2 -c 16 -d "${seconds}s" --latency -s bench/post.lua "http://127.0.0.1:$port")
  printf '%-12s %-40s %12.0f %10s %8s\n' "$1" "POST /api/v1/clients/{id}/decision" \
    "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" "$(wrk_latency_ms "$out" 99)" "$(failed "$out")"
  kill "$pid" && wait "$pid" 2>/dev/null || true
}
for replica in 1 2; do kill "${replica_pid[$replica]}" 2>/dev/null || true; done
cp "$work/clients.sqlite" "$cluster/writes.sqlite"
sqlite_advisor=$(access_token "$bin" "$cluster/writes.sqlite" advisor)
advisor=$sqlite_advisor writes SQLite --store "$cluster/writes.sqlite" --models "$work/models"
writes PostgreSQL --database "$database" --models "$cluster/models-1"
