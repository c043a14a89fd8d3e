# For the benchmark scripts that source this file: the API takes credentials on every route but
# health and readiness.
# access_token BIN STORE ROLE: prints a new token of ROLE made in STORE (named bench-ROLE-TIME).
access_token() {
  "$1" tokens create "bench-$3-$(date +%s%N)" --role "$3" --store "$2" | tail -n 1
}
