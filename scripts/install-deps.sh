#!/usr/bin/env bash
# Installs the Debian packages creditscore needs to build, test and run. Idempotent: when every
# package is already there it only checks, in well under a second. Run as root.
set -euo pipefail

packages=(
  build-essential cmake ninja-build   # compiler and build
  googletest libgtest-dev libgmock-dev libbenchmark-dev  # tests and benchmarks
  libcli11-dev                        # command-line options and --help
  libfast-float-dev                   # exact decimal numbers at the CSV reader's speed
  libboost-dev                        # Boost.Math: chi-squared and normal tails for the drift tests
  nlohmann-json3-dev                  # JSON (feature catalogue, model bundle)
  libxgboost-dev                      # gradient-boosted trees, through the C API
  libsqlite3-dev                      # the embedded database: run registry, client store
  libpq-dev                           # PostgreSQL's client library: the database replicas share
  postgresql                          # tests and bench/: a throwaway PostgreSQL cluster
  sqlite3                             # tests: edit an audit record by hand (the tamper test)
  libargon2-dev                       # Argon2id password hashes
  libssl-dev                          # OpenSSL: SHA-256 (bundles, tokens, audit chain), the server's TLS
  libpango1.0-dev libcairo2-dev       # Pango and Cairo: the client's letter as a PDF
  fonts-dejavu-core                   # the letter's font, with every accent
  poppler-utils                       # tests: pdftotext reads the letter back
  openssl                             # tests: a throwaway self-signed certificate for the TLS test
  librestinio-dev libasio-dev         # the HTTP/1.1 server: RESTinio, event-driven, on Asio
  libhttp-parser-dev                  # RESTinio's HTTP parser, which fuzz/ feeds raw requests
  clang-14 libclang-rt-14-dev         # fuzz/: clang's libFuzzer (bench/fuzz.sh, a smoke run in CI)
  libcpp-httplib-dev pkg-config       # tests: HTTP client to the real server; bench: its peer
  wrk                                 # bench/: HTTP load generator for the server benchmark
  python3-pandas                      # bench/features_peer.py: the feature pipeline's pandas peer
  nginx                               # deploy/nginx.conf: TLS and a load balancer over replicas (tested)
  chromium                            # tests: the dashboard end to end, headless (playwright-core)
  python3-xgboost python3-numpy       # tests: a bundle's model must load in Python's xgboost as is
  time                                # /usr/bin/time -v: peak memory in bench/ scripts
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if ((${#missing[@]} > 0)); then
  echo "Installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The web part's packages from npm (package-lock.json pins them), when the lock changed.
if ! command -v npm >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends nodejs npm
fi
cd "$(dirname "$0")/../web"
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund
fi
