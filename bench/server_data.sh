# Sourced by the benchmarks that run on the server's data: bench_server_data BIN WORK CLIENTS
# makes in WORK (when missing) a generated data set, a model of about 800 trees (depth 6) and its
# client store.
bench_server_data() {
  local bin=$1 work=$2 clients=$3
  mkdir -p "$work"
  if [[ ! -f "$work/data/application_train.csv" ]]; then
    "$bin" generate --clients "$clients" --seed 1 --out "$work/data" >/dev/null
  fi
  if [[ ! -f "$work/models/registry.sqlite" ]]; then
    # 800 trees whatever the early stopping would say: the size the targets are set for.
    "$bin" train --data "$work/data" --models "$work/models" --folds 2 --max-rounds 400 \
      --final-rounds 800 --learning-rate 0.02 | tail -n 3
  fi
  if [[ ! -f "$work/clients.sqlite" ]]; then
    "$bin" store build --data "$work/data" --models "$work/models" --out "$work/clients.sqlite" |
      tail -n 3
  fi
}
