#!/usr/bin/env python3
"""Prints COUNT applications of a data set as the API takes them, one JSON body per line:
{"application": {...}}, every other one with a few history rows. For the fuzz corpus and the soak
benchmark.  Usage: scripts/application_bodies.py DATA_DIR COUNT"""
import csv
import json
import os
import sys


def value(text):
    try:
        return float(text) if any(c in text for c in ".eE") else int(text)
    except ValueError:
        return text


def rows(data, table):
    with open(os.path.join(data, table + ".csv"), newline="") as f:
        return list(csv.DictReader(f))


def fields(row):
    """A row's fields without the client's id, which the API gives a new application itself."""
    return {k: value(v) for k, v in row.items() if v != "" and k != "SK_ID_CURR"}


def main(data, count):
    bureau = rows(data, "bureau")
    previous = rows(data, "previous_application")
    for n, application in enumerate(rows(data, "application_test")[:count]):
        body = {"application": fields(application)}
        if n % 2:
            client = application["SK_ID_CURR"]
            body["history"] = {
                "bureau": [fields(r) for r in bureau if r["SK_ID_CURR"] == client][:3],
                "previous_application": [fields(r) for r in previous if r["SK_ID_CURR"] == client][:3],
            }
        print(json.dumps(body))


if __name__ == "__main__":
    if len(sys.argv) != 3 or not sys.argv[2].isdigit():
        sys.exit("usage: scripts/application_bodies.py DATA_DIR COUNT")
    main(sys.argv[1], int(sys.argv[2]))
