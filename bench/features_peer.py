#!/usr/bin/python3
"""The feature pipeline's peer: the same aggregations in plain pandas, side by side with ours.

The pandas pipeline follows the public Kaggle kernel "LightGBM with simple features" (the set our
features/feature_plan.cpp follows): read_csv, one-hot categories, groupby/agg per history table,
joins on SK_ID_CURR, single-threaded as pandas is. Written for this benchmark; the kernel's one
Python-level step (DPD/DBD by a lambda per row) is vectorised, to be fair to pandas.

  bench/features_peer.py DATA_DIR [--creditscore BIN] [--runs N] [--compare]

runs `creditscore features` then the pandas pipeline on DATA_DIR, each under /usr/bin/time (N
times, keeping the fastest run and the largest peak), and prints wall seconds, peak memory and
the ratios. With --compare it also writes both matrices and
says how many of our features have a peer of the same name, and how many of those agree on every
client (relative difference below 1e-4, missing where missing).
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

AGGREGATIONS = {
    "bureau": {
        "DAYS_CREDIT": ["min", "max", "mean", "var"],
        "DAYS_CREDIT_ENDDATE": ["min", "max", "mean"],
        "DAYS_CREDIT_UPDATE": ["mean"],
        "CREDIT_DAY_OVERDUE": ["max", "mean"],
        "AMT_CREDIT_MAX_OVERDUE": ["mean"],
        "AMT_CREDIT_SUM": ["max", "mean", "sum"],
        "AMT_CREDIT_SUM_DEBT": ["max", "mean", "sum"],
        "AMT_CREDIT_SUM_OVERDUE": ["mean"],
        "AMT_CREDIT_SUM_LIMIT": ["mean", "sum"],
        "AMT_ANNUITY": ["max", "mean"],
        "CNT_CREDIT_PROLONG": ["sum"],
        "MONTHS_BALANCE_MIN": ["min"],
        "MONTHS_BALANCE_MAX": ["max"],
        "MONTHS_BALANCE_SIZE": ["mean", "sum"],
    },
    "previous": {
        "AMT_ANNUITY": ["min", "max", "mean"],
        "AMT_APPLICATION": ["min", "max", "mean"],
        "AMT_CREDIT": ["min", "max", "mean"],
        "APP_CREDIT_PERC": ["min", "max", "mean", "var"],
        "AMT_DOWN_PAYMENT": ["min", "max", "mean"],
        "AMT_GOODS_PRICE": ["min", "max", "mean"],
        "HOUR_APPR_PROCESS_START": ["min", "max", "mean"],
        "RATE_DOWN_PAYMENT": ["min", "max", "mean"],
        "DAYS_DECISION": ["min", "max", "mean"],
        "CNT_PAYMENT": ["mean", "sum"],
    },
    "pos": {
        "MONTHS_BALANCE": ["max", "mean", "size"],
        "SK_DPD": ["max", "mean"],
        "SK_DPD_DEF": ["max", "mean"],
    },
    "installments": {
        "NUM_INSTALMENT_VERSION": ["nunique"],
        "DPD": ["max", "mean", "sum"],
        "DBD": ["max", "mean", "sum"],
        "PAYMENT_PERC": ["max", "mean", "sum", "var"],
        "PAYMENT_DIFF": ["max", "mean", "sum", "var"],
        "AMT_INSTALMENT": ["max", "mean", "sum"],
        "AMT_PAYMENT": ["min", "max", "mean", "sum"],
        "DAYS_ENTRY_PAYMENT": ["max", "mean", "sum"],
    },
}
NO_DATE = 365243


def pandas_features(data):
    import numpy as np
    import pandas as pd

    def read(name):
        return pd.read_csv(os.path.join(data, name))

    def one_hot(df):
        categories = [c for c in df.columns if df[c].dtype == "object"]
        before = set(df.columns)
        df = pd.get_dummies(df, columns=categories, dummy_na=True, dtype=np.uint8)
        return df, [c for c in df.columns if c not in before]

    def aggregate(groups, spec, prefix):
        agg = groups.agg(spec)
        agg.columns = pd.Index([prefix + a + "_" + b.upper() for a, b in agg.columns.tolist()])
        return agg

    def no_date(df, columns):
        for column in columns:
            df[column] = df[column].replace(NO_DATE, np.nan)

    df = pd.concat([read("application_train.csv"), read("application_test.csv")])
    df, _ = one_hot(df)
    no_date(df, [c for c in df.columns if c.startswith("DAYS_")])
    df["DAYS_EMPLOYED_PERC"] = df["DAYS_EMPLOYED"] / df["DAYS_BIRTH"]
    df["INCOME_CREDIT_PERC"] = df["AMT_INCOME_TOTAL"] / df["AMT_CREDIT"]
    df["INCOME_PER_PERSON"] = df["AMT_INCOME_TOTAL"] / df["CNT_FAM_MEMBERS"]
    df["ANNUITY_INCOME_PERC"] = df["AMT_ANNUITY"] / df["AMT_INCOME_TOTAL"]
    df["PAYMENT_RATE"] = df["AMT_ANNUITY"] / df["AMT_CREDIT"]
    df = df.set_index("SK_ID_CURR")

    bureau, bb = read("bureau.csv"), read("bureau_balance.csv")
    bb, bb_categories = one_hot(bb)
    bureau, bureau_categories = one_hot(bureau)
    no_date(bureau, [c for c in bureau.columns if c.startswith("DAYS_")])
    bb_spec = {"MONTHS_BALANCE": ["min", "max", "size"], **{c: ["mean"] for c in bb_categories}}
    bb_agg = aggregate(bb.groupby("SK_ID_BUREAU"), bb_spec, "")
    bureau = bureau.join(bb_agg, how="left", on="SK_ID_BUREAU")
    numeric = AGGREGATIONS["bureau"]
    shares = {c: ["mean"] for c in bureau_categories}
    shares.update({c + "_MEAN": ["mean"] for c in bb_categories})
    parts = [aggregate(bureau.groupby("SK_ID_CURR"), {**numeric, **shares}, "BURO_")]
    for status, prefix in (("Active", "ACTIVE_"), ("Closed", "CLOSED_")):
        rows = bureau[bureau["CREDIT_ACTIVE_" + status] == 1]
        parts.append(aggregate(rows.groupby("SK_ID_CURR"), numeric, prefix))
    del bureau, bb

    prev = read("previous_application.csv")
    prev, prev_categories = one_hot(prev)
    no_date(prev, [c for c in prev.columns if c.startswith("DAYS_")])
    prev["APP_CREDIT_PERC"] = prev["AMT_APPLICATION"] / prev["AMT_CREDIT"]
    numeric = AGGREGATIONS["previous"]
    shares = {c: ["mean"] for c in prev_categories}
    parts.append(aggregate(prev.groupby("SK_ID_CURR"), {**numeric, **shares}, "PREV_"))
    for status, prefix in (("Approved", "APPROVED_"), ("Refused", "REFUSED_")):
        rows = prev[prev["NAME_CONTRACT_STATUS_" + status] == 1]
        parts.append(aggregate(rows.groupby("SK_ID_CURR"), numeric, prefix))
    del prev

    pos = read("POS_CASH_balance.csv")
    pos, pos_categories = one_hot(pos)
    spec = {**AGGREGATIONS["pos"], **{c: ["mean"] for c in pos_categories}}
    groups = pos.groupby("SK_ID_CURR")
    parts.append(aggregate(groups, spec, "POS_"))
    parts[-1]["POS_COUNT"] = groups.size()
    del pos, groups

    ins = read("installments_payments.csv")
    ins["PAYMENT_PERC"] = ins["AMT_PAYMENT"] / ins["AMT_INSTALMENT"]
    ins["PAYMENT_DIFF"] = ins["AMT_INSTALMENT"] - ins["AMT_PAYMENT"]
    ins["DPD"] = (ins["DAYS_ENTRY_PAYMENT"] - ins["DAYS_INSTALMENT"]).clip(lower=0)
    ins["DBD"] = (ins["DAYS_INSTALMENT"] - ins["DAYS_ENTRY_PAYMENT"]).clip(lower=0)
    groups = ins.groupby("SK_ID_CURR")
    parts.append(aggregate(groups, AGGREGATIONS["installments"], "INSTAL_"))
    parts[-1]["INSTAL_COUNT"] = groups.size()
    del ins, groups

    cc = read("credit_card_balance.csv")
    cc, cc_categories = one_hot(cc)
    numeric = [c for c in cc.columns if c not in cc_categories and c not in ("SK_ID_PREV", "SK_ID_CURR")]
    spec = {**{c: ["min", "max", "mean", "sum", "var"] for c in numeric},
            **{c: ["mean"] for c in cc_categories}}
    groups = cc.groupby("SK_ID_CURR")
    parts.append(aggregate(groups, spec, "CC_"))
    parts[-1]["CC_COUNT"] = groups.size()
    del cc, groups

    for part in parts:
        df = df.join(part, how="left")
    return df


def normalised(name):
    return re.sub(r"[^0-9A-Za-z]", "_", name)


def compare(ours_csv, peer_pickle):
    import numpy as np
    import pandas as pd

    ours = pd.read_csv(ours_csv, index_col="SK_ID_CURR")
    peer = pd.read_pickle(peer_pickle)
    peer.columns = [normalised(c) for c in peer.columns]
    peer = peer.loc[:, ~peer.columns.duplicated()].reindex(ours.index)
    named = [c for c in ours.columns if c != "TARGET" and c in peer.columns]
    agree = []
    for column in named:
        a = ours[column].to_numpy(dtype=np.float64)
        b = peer[column].to_numpy(dtype=np.float64)
        both = ~np.isnan(a) & ~np.isnan(b)
        same_missing = np.array_equal(np.isnan(a), np.isnan(b))
        close = np.allclose(a[both], b[both], rtol=1e-4, atol=1e-6)
        if same_missing and close:
            agree.append(column)
    features = len(ours.columns) - 1
    print(f"features compared on {len(ours)} clients: ours {features}, the peer's "
          f"{len(peer.columns)}; same name {len(named)}, of which equal on every client "
          f"{len(agree)}")
    differing = sorted(set(named) - set(agree))
    if differing:
        print("same name, different values: " + ", ".join(differing[:12]) +
              (" ..." if len(differing) > 12 else ""))


def timed(command, runs, output=None):
    """Runs the command `runs` times under GNU time; returns the fastest run's (wall seconds,
    user s, system s) and the largest peak MB of all. The file `output` the command writes is
    removed before each run: every run then writes a new file, as the first does, where
    replacing the last run's would add the file system's freeing of its blocks (11 ms for the
    60 MB of 20,000 clients on this machine) to the runs after the first."""
    best, peak = None, 0.0
    for _ in range(runs):
        if output is not None and os.path.exists(output):
            os.remove(output)
        with tempfile.NamedTemporaryFile("r") as log:
            subprocess.run(["/usr/bin/time", "-o", log.name, "-f", "%e %M %U %S"] + command,
                           check=True, stdout=subprocess.DEVNULL)
            wall, kb, user, system = log.read().split()[-4:]
        peak = max(peak, int(kb) / 1024)
        if best is None or float(wall) < best[0]:
            best = (float(wall), float(user), float(system))
    return best[0], peak, best[1], best[2]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", help="directory of the Home Credit CSV files")
    parser.add_argument("--creditscore", default="build/release/creditscore")
    parser.add_argument("--runs", type=int, default=1,
                        help="time each side this many times and keep its fastest run (this "
                        "machine's kernel evicts pages left idle a minute, so a first run may "
                        "meet a cold page cache)")
    parser.add_argument("--compare", action="store_true",
                        help="also compare the two matrices, feature by feature")
    parser.add_argument("--pandas-only", metavar="OUT", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.pandas_only:
        frame = pandas_features(options.data)
        if options.pandas_only != "-":
            frame.to_pickle(options.pandas_only)
        return

    with tempfile.TemporaryDirectory() as scratch:
        ours_out = os.path.join(scratch, "ours.bin")
        ours_command = [options.creditscore, "features", "--data", options.data, "--out", ours_out]
        peer_out = os.path.join(scratch, "peer.pkl") if options.compare else "-"
        ours = timed(ours_command, options.runs, ours_out)
        if options.compare:  # again, untimed, as CSV for pandas to read
            subprocess.run(ours_command + ["--csv", os.path.join(scratch, "ours.csv")],
                           check=True, stdout=subprocess.DEVNULL)
        peer = timed([sys.executable, os.path.abspath(__file__), options.data,
                      "--pandas-only", peer_out], options.runs,
                     peer_out if options.compare else None)
        runs = f", fastest of {options.runs}" if options.runs > 1 else ""
        print(f"{'features of ' + options.data + runs:<52} {'seconds':>8} {'peak MB':>8} "
              f"{'user s':>7} {'sys s':>7}")
        print(f"{'creditscore features':<52} {ours[0]:8.2f} {ours[1]:8.0f} {ours[2]:7.2f} "
              f"{ours[3]:7.2f}")
        print(f"{'pandas (read_csv, groupby, agg)':<52} {peer[0]:8.2f} {peer[1]:8.0f} "
              f"{peer[2]:7.2f} {peer[3]:7.2f}")
        print(f"speed: {peer[0] / ours[0]:.1f}x pandas (target >= 10x); peak memory: "
              f"{ours[1] / peer[1]:.2f} of pandas' (target <= 0.5)")
        if options.compare:
            compare(os.path.join(scratch, "ours.csv"), peer_out)


if __name__ == "__main__":
    main()
