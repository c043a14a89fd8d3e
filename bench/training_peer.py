#!/usr/bin/python3
"""Training's peer: Python xgboost's xgb.cv on the same matrix, with the same settings.

  bench/training_peer.py FEATURES BUNDLE

FEATURES is the matrix `creditscore features` wrote for the data set the bundle was trained on
(its clients with a TARGET are the training clients); BUNDLE is the bundle directory `creditscore
train` wrote. The settings (rounds, early stopping, trees, bins, seed, monotone constraints) are
read from the bundle, so both learn the same way; the folds are dealt by ours' rule with another
random shuffle, so fold AUCs agree within noise, not bit for bit. Prints the
wall time of xgb.cv and each fold's best AUC with their mean; run it under /usr/bin/time for
the peak memory (bench/kaggle_scale.sh does).
"""
import json
import os
import struct
import sys
import time

import numpy as np
import xgboost as xgb


def read_matrix(path):
    """Reads the CSFM format of src/features/feature_matrix.h: its blocks of columns side by
    side, as one row-major matrix."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:4] != b"CSFM" or struct.unpack_from("<I", data, 4)[0] != 2:
        sys.exit(f"{path}: not a feature matrix of format 2")
    rows, cols = struct.unpack_from("<QQ", data, 8)
    at, names = 24, []
    for _ in range(cols):
        (length,) = struct.unpack_from("<I", data, at)
        names.append(data[at + 4:at + 4 + length].decode())
        at += 4 + length
    at += 8 * rows  # SK_ID_CURR
    targets = np.frombuffer(data, np.float32, rows, at).copy()
    at += 4 * rows
    (blocks,) = struct.unpack_from("<I", data, at)
    widths = struct.unpack_from(f"<{blocks}I", data, at + 4)
    at += 4 + 4 * blocks
    values = np.empty((rows, cols), np.float32)
    first = 0
    for width in widths:
        at = (at + 4095) // 4096 * 4096  # each block starts at a multiple of 4,096 bytes
        values[:, first:first + width] = np.frombuffer(data, np.float32, rows * width,
                                                       at).reshape(rows, width)
        first += width
        at += 4 * rows * width
    return names, targets, values


def stratified_folds(labels, folds, seed):
    """Ours' rule (model/cross_validation.h) with NumPy's shuffle: defaulters and good clients
    shuffled apart and dealt round robin; xgb.cv's own stratification would need scikit-learn."""
    rng = np.random.default_rng(seed)
    order = np.concatenate([rng.permutation(np.flatnonzero(labels == 1)),
                            rng.permutation(np.flatnonzero(labels == 0))])
    fold_of = np.empty(labels.size, dtype=np.int64)
    fold_of[order] = np.arange(labels.size) % folds
    return [(np.flatnonzero(fold_of != k), np.flatnonzero(fold_of == k)) for k in range(folds)]


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    names, targets, values = read_matrix(sys.argv[1])
    with open(os.path.join(sys.argv[2], "bundle.json")) as f:
        bundle = json.load(f)
    if bundle["feature_names"] != names:
        sys.exit("the matrix's features are not the bundle's: build them from the same data set")
    training = bundle["training"]
    s = training["settings"]
    known = ~np.isnan(targets)
    labels = targets[known]
    matrix = xgb.DMatrix(values[known], label=labels, missing=np.nan, nthread=os.cpu_count())
    constraints = {m["feature"]: m["constraint"] for m in training.get("monotone", [])}
    params = {
        "objective": "binary:logistic", "tree_method": "hist", "eval_metric": "auc",
        "eta": s["learning_rate"], "max_depth": s["max_depth"],
        "min_child_weight": s["min_child_weight"], "subsample": s["subsample"],
        "colsample_bytree": s["colsample_bytree"], "lambda": s["lambda"], "alpha": s["alpha"],
        "gamma": s["gamma"], "max_bin": s["max_bin"], "seed": s["seed"],
        "nthread": os.cpu_count(), "base_score": float(labels.mean()),
        "sparse_threshold": 0,  # as ours: how XGBoost stores its columns, not what it learns
    }
    if constraints:
        params["monotone_constraints"] = "(" + ",".join(
            str(constraints.get(name, 0)) for name in names) + ")"
    start = time.monotonic()
    history = xgb.cv(params, matrix, num_boost_round=s["max_rounds"],
                     folds=stratified_folds(labels, s["folds"], s["seed"]),
                     early_stopping_rounds=s["early_stopping_rounds"])
    seconds = time.monotonic() - start
    best = history["test-auc-mean"].idxmax()
    print(f"xgb.cv: {s['folds']} folds, {labels.size} clients, {len(names)} features")
    print(f"seconds {seconds:.1f}")
    print(f"best round {best + 1}, fold AUC mean {history['test-auc-mean'][best]:.4f} "
          f"(std {history['test-auc-std'][best]:.4f})")


if __name__ == "__main__":
    main()
