#!/usr/bin/env python3
"""Paired comparison of two `bench cornn` results files, task by task (F1..F52 only).

    scripts/compare-runs.py NEW.csv NEW_METHOD OLD.csv OLD_METHOD

Prints, over the tasks both files have for the given methods: how often NEW's selected test
MSE is lower, the median and geometric-mean ratio NEW/OLD of test MSE and of non-zero count.
"""
import csv
import math
import statistics
import sys

TUNING = {"Xin-She Yang N.4", "Zakharov"}  # F53, F54: reported apart


def selected(path, method):
    rows = {}
    with open(path, newline="") as f:
        for r in csv.DictReader(f):
            if r["method"] == method and r["config"] in ("selected", "-") and r["task"] not in TUNING:
                rows[r["task"]] = (float(r["test_mse"]), float(r["nonzero"]) if r["nonzero"] else math.nan)
    return rows


def main(new_path, new_method, old_path, old_method):
    new, old = selected(new_path, new_method), selected(old_path, old_method)
    tasks = sorted(set(new) & set(old))
    if not tasks:
        print("no task in common")
        return
    mse = [new[t][0] / old[t][0] for t in tasks if old[t][0] > 0 and new[t][0] > 0]
    nz = [new[t][1] / old[t][1] for t in tasks if old[t][1] > 0 and not math.isnan(new[t][1])]
    lower = sum(new[t][0] < old[t][0] for t in tasks)
    geo = math.exp(sum(math.log(r) for r in mse) / len(mse))
    print(f"{new_method} ({new_path}) against {old_method} ({old_path}), {len(tasks)} tasks of F1..F52:")
    print(f"  test MSE lower on {lower} of {len(tasks)}; ratio median {statistics.median(mse):.3g}, geometric mean {geo:.3g}")
    if nz:
        print(f"  non-zero ratio median {statistics.median(nz):.3g}; fewer non-zeros on "
              f"{sum(new[t][1] < old[t][1] for t in tasks)} of {len(tasks)}")


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    main(*sys.argv[1:])
