#!/usr/bin/env python3
"""Markdown tables of benchmarks/input-scaling/results.csv: test RMSE and correlation per
method and data set (mean over the seeds run), and each RMSE relative to MIN_MAX's on the
same seed and set (geometric mean over seeds)."""
import csv, math, sys
from collections import defaultdict

path = sys.argv[1] if len(sys.argv) > 1 else "benchmarks/input-scaling/results.csv"
rows = list(csv.DictReader(open(path)))
methods = ["MIN_MAX", "QUANTILE", "LOG", "ROBUST"]
sets = []
for r in rows:
    if r["set"] not in sets:
        sets.append(r["set"])
by = {(r["seed"], r["set"], r["method"]): r for r in rows}
seeds = sorted({r["seed"] for r in rows}, key=int)

def mean(v):
    return sum(v) / len(v) if v else float("nan")

print("Test RMSE / correlation (mean over seeds %s; n = seeds run); noise sd and the "
      "training mean's RMSE for reference\n" % ",".join(seeds))
print("| data set | noise sd | mean's RMSE | " + " | ".join(methods) + " |")
print("|---|---:|---:|" + "---:|" * len(methods))
for s in sets:
    cells = []
    for m in methods:
        rs = [by[(sd, s, m)] for sd in seeds if (sd, s, m) in by]
        if not rs:
            cells.append("-")
            continue
        cells.append("%.4f / %.3f (n=%d)" % (mean([float(r["test_rmse"]) for r in rs]),
                                           mean([float(r["test_corr"]) for r in rs]), len(rs)))
    ref = [r for r in rows if r["set"] == s]
    print("| %s | %.4f | %.4f | %s |" % (s, mean([float(r["noise_sd"]) for r in ref]),
                                         mean([float(r["mean_rmse"]) for r in ref]),
                                         " | ".join(cells)))
print("\nTest RMSE relative to MIN_MAX on the same seed and set (geometric mean over seeds; "
      "< 1 is better)\n")
print("| data set | " + " | ".join(methods[1:]) + " |")
print("|---|" + "---:|" * (len(methods) - 1))
overall = defaultdict(list)
for s in sets:
    cells = []
    for m in methods[1:]:
        ratios = [float(by[(sd, s, m)]["test_rmse"]) / float(by[(sd, s, "MIN_MAX")]["test_rmse"])
                  for sd in seeds if (sd, s, m) in by and (sd, s, "MIN_MAX") in by]
        overall[m] += ratios
        cells.append("%.3f (%s)" % (math.exp(mean([math.log(x) for x in ratios])),
                                    ", ".join("%.2f" % x for x in ratios)) if ratios else "-")
    print("| %s | %s |" % (s, " | ".join(cells)))
print("| all | %s |" % " | ".join(
    "%.3f" % math.exp(mean([math.log(x) for x in overall[m]])) if overall[m] else "-"
    for m in methods[1:]))
